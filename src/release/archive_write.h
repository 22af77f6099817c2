/*
 * Writing release archives through libarchive (src/release/archive_write.c is the only writer
 * that includes it).  Reproducible by construction: the caller adds members in the
 * order they should appear; every member gets the same mtime, uid/gid 0, empty
 * user/group names, mode 0644 (files) or 0755 (directories); gzip headers carry no
 * timestamp or name.  Tar archives are pax (restricted: extended headers only when a
 * member needs them), zip members are deflated.  A .tar.gz is libarchive's tar through
 * libdeflate (src/release/deflate_gzip.h) instead of libarchive's zlib filter: the same
 * tar bytes, compressed at the same level in about half the time.  A .tar.zst is the
 * same tar through libzstd (src/release/zstd_write.h) instead of libarchive's zstd
 * filter, whose window cannot be set: level 3 still, with a window that reaches from a
 * record's JSONL line back to its CSV rows.
 */
#ifndef SAHIFA_ARCHIVE_WRITE_H
#define SAHIFA_ARCHIVE_WRITE_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include "sahifa/error.h"
#include "sahifa/pack.h"
#include "release/deflate_gzip.h"
#include "release/zstd_write.h"

struct sahifa_archive_writer {
	void *a;              /* struct archive *; owned */
	const char *path;     /* borrowed; for messages */
	long long mtime;      /* every member's */
	unsigned long long members;
	FILE *fp;             /* the file when gz or zs is used; owned */
	int gzip;             /* the tar goes through gz */
	int zstd;             /* the tar goes through zs */
	struct shf_gzip_out gz;
	struct shf_zstd_out zs;
	struct sahifa_error out_err;   /* why gz or zs failed, for the message */
};

/* Create the archive at path (an existing file is truncated).  size_hint is about how
 * many bytes of tar will be written (0: unknown); a .tar.zst sizes its window by it. */
enum sahifa_status shf_archive_writer_open(struct sahifa_archive_writer *w, const char *path,
					      enum sahifa_pack_format format, long long mtime,
					      unsigned long long size_hint,
					      struct sahifa_error *err);
/* A directory member; name ends in '/'. */
enum sahifa_status shf_archive_writer_add_dir(struct sahifa_archive_writer *w, const char *name,
						 struct sahifa_error *err);
/* A file member with the size bytes of fp from its start (rewound first; streamed in
 * constant memory).  fp stays the caller's. */
enum sahifa_status shf_archive_writer_add_fp(struct sahifa_archive_writer *w, const char *name,
						FILE *fp, unsigned long long size,
						struct sahifa_error *err);
/* The same for size bytes from offset off of fp (members sharing one file). */
enum sahifa_status shf_archive_writer_add_fp_at(struct sahifa_archive_writer *w,
						   const char *name, FILE *fp, off_t off,
						   unsigned long long size, struct sahifa_error *err);
/* A file member from memory. */
enum sahifa_status shf_archive_writer_add_mem(struct sahifa_archive_writer *w, const char *name,
						 const void *data, size_t len,
						 struct sahifa_error *err);
/* A file member written in pieces: begin with its size, then exactly size bytes
 * through any number of shf_archive_writer_data() calls, then end. */
enum sahifa_status shf_archive_writer_begin(struct sahifa_archive_writer *w, const char *name,
					       unsigned long long size, struct sahifa_error *err);
enum sahifa_status shf_archive_writer_data(struct sahifa_archive_writer *w, const char *name,
					      const void *data, size_t len,
					      struct sahifa_error *err);
enum sahifa_status shf_archive_writer_end(struct sahifa_archive_writer *w, const char *name,
					     struct sahifa_error *err);
/* Finish the archive (trailers, compressor flush) and check the close. */
enum sahifa_status shf_archive_writer_close(struct sahifa_archive_writer *w,
					       struct sahifa_error *err);
/* Free without finishing (after an error); safe after close and on a zeroed writer. */
void shf_archive_writer_free(struct sahifa_archive_writer *w);

#endif
