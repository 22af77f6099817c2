/*
 * zstd output through libzstd (src/release/zstd_write.c is the only file that includes
 * it), for a .tar.zst.  One frame, one thread (the same bytes in give the same bytes
 * out), with a content checksum, and a window as large as the stream is expected to
 * be: a release holds each record twice, as a JSONL line and as CSV rows, in the same
 * order but further apart than a level's default window (2 MiB at level 3), and
 * matching the second copy against the first makes the archive a third smaller in
 * less time, the matches being long.  The window is at most
 * 2^SAHIFA_ZSTD_WINDOW_LOG_MAX: a reader holds one window in memory, and past 2^27
 * zstd -d and libzstd's default decoder refuse the frame.
 */
#ifndef SAHIFA_ZSTD_WRITE_H
#define SAHIFA_ZSTD_WRITE_H

#include <stddef.h>
#include <stdio.h>
#include "sahifa/error.h"

struct shf_zstd_out {
	void *c;                 /* ZSTD_CCtx *; owned */
	FILE *fp;                /* where the frame goes; borrowed */
	const char *path;        /* borrowed; for messages */
	unsigned char *out;      /* compressed bytes on their way to fp; owned */
	size_t out_cap;
	int window_log;          /* the frame's */
	unsigned long long bytes_in, bytes_out;
};

/* Prepare z to write one frame to fp at a zstd level (3 is the zstd program's
 * default), its window sized for about size_hint bytes (0: unknown, the largest).
 * More or fewer bytes than the hint still make a valid frame. */
enum sahifa_status shf_zstd_out_init(struct shf_zstd_out *z, FILE *fp, const char *path,
				     int level, unsigned long long size_hint,
				     struct sahifa_error *err);
/* Add len bytes; compressed bytes go to fp as they are made. */
enum sahifa_status shf_zstd_out_write(struct shf_zstd_out *z, const void *data, size_t len,
				      struct sahifa_error *err);
/* End the frame (the rest of the bytes and the checksum). */
enum sahifa_status shf_zstd_out_finish(struct shf_zstd_out *z, struct sahifa_error *err);
/* Free the buffer and the compressor; fp stays the caller's.  Safe on a zeroed z. */
void shf_zstd_out_release(struct shf_zstd_out *z);

#endif
