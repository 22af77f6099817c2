/*
 * Inflating through zlib (src/io/zlib_inflate.c is the only file that includes it):
 * an HTTP body's Content-Encoding, and a .warc.gz read gzip member by gzip member so
 * that every record's offset is the start of its member.
 */
#ifndef SAHIFA_ZLIB_INFLATE_H
#define SAHIFA_ZLIB_INFLATE_H

#include <stddef.h>
#include <stdint.h>
#include "sahifa/buf.h"
#include "sahifa/error.h"
#include "io/source.h"

enum sahifa_coding { SAHIFA_CODING_GZIP = 0, SAHIFA_CODING_DEFLATE };

/* Inflate in[0..len) into out (appended) with at most max bytes out.  GZIP reads one
 * or more gzip members; DEFLATE reads a zlib stream, or a raw deflate stream as some
 * servers send.  Fails with SAHIFA_ERR_LIMIT past max (a decompression bomb), with
 * SAHIFA_ERR_DATA on corrupt or truncated data (err has no path).  out's own cap
 * applies too. */
enum sahifa_status shf_inflate_mem(const unsigned char *in, size_t len, enum sahifa_coding c,
				      size_t max, struct sahifa_buf *out,
				      struct sahifa_error *err);

/* Inflate the start of a gzip stream held in in[0..len) into out: the bytes that came
 * out (0 when it is no gzip data).  For sniffing what a .gz holds. */
size_t shf_gz_peek(const void *in, size_t len, void *out, size_t out_size);

/* A gzip file read member by member from a file descriptor (not owned).  Owned by the
 * caller; free with shf_gz_close. */
struct sahifa_gz;

/* prefix: bytes already read from fd (copied), or NULL. */
enum sahifa_status shf_gz_open(int fd, const void *prefix, size_t prefix_len,
				  struct sahifa_gz **out, struct sahifa_error *err);
/* The same over a read callback (an archive member): offsets are into its bytes. */
enum sahifa_status shf_gz_open_fn(shf_read_fn rd, void *rd_ctx, const void *prefix,
				     size_t prefix_len, struct sahifa_gz **out,
				     struct sahifa_error *err);
void shf_gz_close(struct sahifa_gz *gz);

/* Read up to size inflated bytes, all of one member: returns the count, 0 at the end
 * of the file, -1 on an error (err filled without a path; SAHIFA_ERR_IO for a failed
 * read, SAHIFA_ERR_DATA for corrupt data).  After an error of the data the next call
 * goes on at the next gzip header found in the file, if any.  *member_start is the
 * file offset of the member the bytes belong to; *member_end is 1 when these are its
 * last bytes (a 0 return never has bytes of a member). */
long long shf_gz_read(struct sahifa_gz *gz, void *buf, size_t size, uint64_t *member_start,
			 int *member_end, struct sahifa_error *err);

/* Compressed bytes consumed so far (for progress). */
uint64_t shf_gz_tell(const struct sahifa_gz *gz);

#endif
