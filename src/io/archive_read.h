/*
 * Reading archives through libarchive (src/io/archive_read.c is the only reader that
 * includes it), member by member, never unpacking to disk.  Used by convert's input
 * walker and by validate for release archives.
 */
#ifndef SAHIFA_ARCHIVE_READ_H
#define SAHIFA_ARCHIVE_READ_H

#include <stddef.h>
#include "sahifa/error.h"
#include "io/source.h"

enum sahifa_member_type {
	SAHIFA_MEMBER_FILE = 0,
	SAHIFA_MEMBER_DIR,
	SAHIFA_MEMBER_SYMLINK,
	SAHIFA_MEMBER_HARDLINK,
	SAHIFA_MEMBER_OTHER
};

struct sahifa_archive_member {
	const char *name;               /* as stored (pathname) */
	enum sahifa_member_type type;
	long long size;                 /* declared size, -1 when unknown */
	int unsafe_name;                /* 1: absolute, or with a ".." component */
	void *handle;                   /* for shf_archive_member_read */
};

/* Called once per member, in archive order.  Return SAHIFA_OK to go on; anything else
 * stops the walk and is returned by shf_archive_each. */
typedef enum sahifa_status (*sahifa_archive_member_fn)(void *ctx,
							 const struct sahifa_archive_member *m);

/* 1 when the first bytes look like an archive or compressed stream we read
 * (tar, zip, 7z, cpio, gzip, bzip2, xz, zstd, ...), else 0. */
int shf_archive_sniff(const unsigned char *head, size_t len);
/* 1 when they look like an archive of members (tar, zip, 7z, cpio, ar), not one
 * compressed stream. */
int shf_archive_sniff_container(const unsigned char *head, size_t len);

/* Walk the members of the archive at path ("-" is not accepted).  Enforces
 * SAHIFA_MAX_ARCHIVE_MEMBERS and SAHIFA_MAX_ARCHIVE_TOTAL_BYTES; a corrupt archive
 * fails with SAHIFA_ERR_DATA naming the member where it broke. */
enum sahifa_status shf_archive_each(const char *path, sahifa_archive_member_fn fn, void *ctx,
				       struct sahifa_error *err);
/* The same over an archive held in memory. */
enum sahifa_status shf_archive_each_mem(const char *name, const void *data, size_t len,
					   sahifa_archive_member_fn fn, void *ctx,
					   struct sahifa_error *err);

/* The sanity limits of one walk; the functions above use SAHIFA_MAX_ARCHIVE_MEMBERS and
 * SAHIFA_MAX_ARCHIVE_TOTAL_BYTES.  Smaller ones let tests hit them cheaply. */
struct sahifa_archive_limits {
	unsigned long long members;      /* members read, all types */
	unsigned long long total_bytes;  /* uncompressed bytes: members' declared sizes (counted
					  * at their headers, read or not), else bytes read;
					  * for gzip, the whole stream */
};

/* shf_archive_each_mem with the given limits (NULL: the defaults). */
enum sahifa_status shf_archive_each_mem_limits(const char *name, const void *data, size_t len,
						  const struct sahifa_archive_limits *limits,
						  sahifa_archive_member_fn fn, void *ctx,
						  struct sahifa_error *err);

/* shf_archive_each with the given limits (NULL: the defaults). */
enum sahifa_status shf_archive_each_limits(const char *path,
					      const struct sahifa_archive_limits *limits,
					      sahifa_archive_member_fn fn, void *ctx,
					      struct sahifa_error *err);

/* Read up to size bytes of the current member's data; returns bytes read, 0 at its
 * end, -1 on error (err filled).  Only valid inside the member callback. */
long long shf_archive_member_read(const struct sahifa_archive_member *m, void *buf, size_t size,
				     struct sahifa_error *err);

/* ---- one compressed stream, decompressed (a .warc.zst, .warc.bz2, ...) ---- */

/* A file read through libarchive's decompression filters alone (its raw format), so
 * that a reader of its own (WARC) sees the plain bytes.  Owned by the caller; free
 * with shf_archive_stream_close. */
struct sahifa_archive_stream;

/* Open path (not "-"); fails with SAHIFA_ERR_IO or SAHIFA_ERR_DATA (err has path). */
enum sahifa_status shf_archive_stream_open(const char *path, struct sahifa_archive_stream **out,
					      struct sahifa_error *err);
/* The same over a read callback (an archive member's bytes); errors of the callback
 * come back as it set them. */
enum sahifa_status shf_archive_stream_open_fn(shf_read_fn rd, void *rd_ctx,
						 struct sahifa_archive_stream **out,
						 struct sahifa_error *err);
/* Up to size decompressed bytes: the count, 0 at the end, -1 on corrupt data (err
 * filled, no path). */
long long shf_archive_stream_read(struct sahifa_archive_stream *s, void *buf, size_t size,
				     struct sahifa_error *err);
/* Decompress the start of one compressed stream held in in[0..len) (its first bytes
 * only, perhaps cut) into out: the bytes that came out, 0 when it is no compressed
 * stream or nothing came out of what is held.  For sniffing what a .zst, .bz2, ... holds. */
size_t shf_archive_peek_mem(const void *in, size_t len, void *out, size_t out_size);
/* Compressed bytes read from the file so far (for progress). */
unsigned long long shf_archive_stream_tell(struct sahifa_archive_stream *s);
void shf_archive_stream_close(struct sahifa_archive_stream *s);

#endif
