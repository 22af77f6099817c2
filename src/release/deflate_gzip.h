/*
 * gzip output through libdeflate (src/release/deflate_gzip.c is the only file that
 * includes it).  libdeflate compresses whole buffers at about twice zlib's speed for
 * the same ratio but has no streaming interface, so the stream is cut into pieces of
 * SAHIFA_GZIP_MEMBER_BYTES, each one gzip member (RFC 1952 allows any number; gzip,
 * zlib's inflate with gzip framing, Python's gzip and tarfile read them all as one
 * file).  The headers carry no name and no time: the same bytes in give the same
 * bytes out.  It also gives pack libdeflate's checksums, CRC-32 and Adler-32, for
 * its quick comparisons (a match key, a line read back).
 */
#ifndef SAHIFA_DEFLATE_GZIP_H
#define SAHIFA_DEFLATE_GZIP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "sahifa/error.h"

struct shf_gzip_out {
	void *c;                 /* struct libdeflate_compressor *; owned */
	FILE *fp;                /* where the members go; borrowed */
	const char *path;        /* borrowed; for messages */
	unsigned char *in, *out; /* a piece and its member; owned */
	size_t in_len, out_cap;
	unsigned long long members, bytes_in, bytes_out;
};

/* Prepare g to write to fp at a deflate level (1-12; 6 is gzip's default). */
enum sahifa_status shf_gzip_out_init(struct shf_gzip_out *g, FILE *fp, const char *path,
				     int level, struct sahifa_error *err);
/* Add len bytes; a full piece is compressed and written as its member. */
enum sahifa_status shf_gzip_out_write(struct shf_gzip_out *g, const void *data, size_t len,
				      struct sahifa_error *err);
/* Write what is left as the last member (an empty stream gets one empty member). */
enum sahifa_status shf_gzip_out_finish(struct shf_gzip_out *g, struct sahifa_error *err);
/* Free the buffers and the compressor; fp stays the caller's.  Safe on a zeroed g. */
void shf_gzip_out_release(struct shf_gzip_out *g);

/* CRC-32 (as gzip's) and Adler-32 (as zlib's) of len bytes. */
uint32_t shf_deflate_crc32(const void *data, size_t len);
uint32_t shf_deflate_adler32(const void *data, size_t len);

#endif
