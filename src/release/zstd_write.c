/* One zstd frame through libzstd (see src/release/zstd_write.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <zstd.h>

#include "release/zstd_write.h"
#include "sahifa/limits.h"

/* The match finder's hash table, 2^this entries of 4 bytes: level 3's is 2^17, sized
 * for its 2 MiB window; in the window that reaches across the tar, one bit more both
 * finds more of the long matches between a record's JSONL line and its CSV rows and
 * costs fewer instructions (1x saudinewsnet's tar through zstd -3 --zstd=wlog=24: 238 M
 * -> 218 M instructions, 1.65 -> 1.50 MB), and its 1 MiB stays within the caches where
 * 2^19 and 2^20 were slower on the 50x tar. */
#define ZSTD_HASH_LOG 18

/* The smallest window that holds size bytes, within zstd's bounds and ours. */
static int window_log_for(unsigned long long size)
{
	ZSTD_bounds b = ZSTD_cParam_getBounds(ZSTD_c_windowLog);
	int log = ZSTD_isError(b.error) ? 10 : b.lowerBound;

	if (!size)
		return SAHIFA_ZSTD_WINDOW_LOG_MAX;
	while (log < SAHIFA_ZSTD_WINDOW_LOG_MAX && (1ULL << log) < size)
		log++;
	return log;
}

static enum sahifa_status zfail(struct shf_zstd_out *z, size_t code, struct sahifa_error *err)
{
	return sahifa_error_set(err, SAHIFA_ERR_INTERNAL, z->path, 0, 0, "zstd: %s",
				ZSTD_getErrorName(code));
}

enum sahifa_status shf_zstd_out_init(struct shf_zstd_out *z, FILE *fp, const char *path,
				     int level, unsigned long long size_hint,
				     struct sahifa_error *err)
{
	ZSTD_CCtx *c;
	size_t r;

	memset(z, 0, sizeof(*z));
	z->fp = fp;
	z->path = path;
	z->window_log = window_log_for(size_hint);
	if (!(c = ZSTD_createCCtx()))
		return sahifa_error_nomem(err, path);
	z->c = c;
	z->out_cap = ZSTD_CStreamOutSize();
	if (!(z->out = malloc(z->out_cap))) {
		shf_zstd_out_release(z);
		return sahifa_error_nomem(err, path);
	}
	/* nbWorkers stays 0: compressed on this thread, the frame made in one order.  The
	 * level's own match finder, with its window widened and its hash table with it
	 * (ZSTD_HASH_LOG): long-distance matching made the frame a fifth smaller again but
	 * cost more CPU than it saved. */
	if (ZSTD_isError(r = ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, level)) ||
	    ZSTD_isError(r = ZSTD_CCtx_setParameter(c, ZSTD_c_windowLog, z->window_log)) ||
	    (z->window_log > ZSTD_HASH_LOG &&
	     ZSTD_isError(r = ZSTD_CCtx_setParameter(c, ZSTD_c_hashLog, ZSTD_HASH_LOG))) ||
	    ZSTD_isError(r = ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 1))) {
		enum sahifa_status st = zfail(z, r, err);

		shf_zstd_out_release(z);
		return st;
	}
	return SAHIFA_OK;
}

/* Run the compressor over in (NULL: none) with mode until it has taken all of in and,
 * for ZSTD_e_end, written the whole frame. */
static enum sahifa_status drive(struct shf_zstd_out *z, ZSTD_inBuffer *in, ZSTD_EndDirective mode,
				struct sahifa_error *err)
{
	for (;;) {
		ZSTD_outBuffer out = { z->out, z->out_cap, 0 };
		size_t left = ZSTD_compressStream2(z->c, &out, in, mode);

		if (ZSTD_isError(left))
			return zfail(z, left, err);
		if (out.pos && fwrite(z->out, 1, out.pos, z->fp) != out.pos)
			return sahifa_error_set(err, SAHIFA_ERR_IO, z->path, 0, 0, "write error: %s",
						strerror(errno));
		z->bytes_out += out.pos;
		if (mode == ZSTD_e_end ? left == 0 : in->pos == in->size)
			return SAHIFA_OK;
	}
}

enum sahifa_status shf_zstd_out_write(struct shf_zstd_out *z, const void *data, size_t len,
				      struct sahifa_error *err)
{
	ZSTD_inBuffer in = { data, len, 0 };
	enum sahifa_status st;

	if (!len)
		return SAHIFA_OK;
	if ((st = drive(z, &in, ZSTD_e_continue, err)))
		return st;
	z->bytes_in += len;
	return SAHIFA_OK;
}

enum sahifa_status shf_zstd_out_finish(struct shf_zstd_out *z, struct sahifa_error *err)
{
	ZSTD_inBuffer in = { NULL, 0, 0 };

	return drive(z, &in, ZSTD_e_end, err);
}

void shf_zstd_out_release(struct shf_zstd_out *z)
{
	ZSTD_freeCCtx(z->c);
	free(z->out);
	z->c = NULL;
	z->out = NULL;
}
