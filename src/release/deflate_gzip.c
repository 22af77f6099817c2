/* gzip members through libdeflate (see src/release/deflate_gzip.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>

#include "release/deflate_gzip.h"
#include "sahifa/limits.h"

enum sahifa_status shf_gzip_out_init(struct shf_gzip_out *g, FILE *fp, const char *path,
				     int level, struct sahifa_error *err)
{
	memset(g, 0, sizeof(*g));
	g->fp = fp;
	g->path = path;
	if (!(g->c = libdeflate_alloc_compressor(level)))
		return sahifa_error_nomem(err, path);
	g->out_cap = libdeflate_gzip_compress_bound(g->c, SAHIFA_GZIP_MEMBER_BYTES);
	g->in = malloc(SAHIFA_GZIP_MEMBER_BYTES);
	g->out = malloc(g->out_cap);
	if (!g->in || !g->out) {
		shf_gzip_out_release(g);
		return sahifa_error_nomem(err, path);
	}
	return SAHIFA_OK;
}

/* The piece so far as one member. */
static enum sahifa_status flush_member(struct shf_gzip_out *g, struct sahifa_error *err)
{
	size_t n = libdeflate_gzip_compress(g->c, g->in, g->in_len, g->out, g->out_cap);

	if (!n)  /* cannot happen within the bound; a library fault, not the data's */
		return sahifa_error_set(err, SAHIFA_ERR_INTERNAL, g->path, 0, 0,
					"libdeflate could not compress a piece of %zu bytes",
					g->in_len);
	if (fwrite(g->out, 1, n, g->fp) != n)
		return sahifa_error_set(err, SAHIFA_ERR_IO, g->path, 0, 0, "write error: %s",
					strerror(errno));
	g->bytes_in += g->in_len;
	g->bytes_out += n;
	g->members++;
	g->in_len = 0;
	return SAHIFA_OK;
}

enum sahifa_status shf_gzip_out_write(struct shf_gzip_out *g, const void *data, size_t len,
				      struct sahifa_error *err)
{
	const unsigned char *p = data;
	enum sahifa_status st;

	while (len) {
		size_t room = SAHIFA_GZIP_MEMBER_BYTES - g->in_len;
		size_t n = len < room ? len : room;

		memcpy(g->in + g->in_len, p, n);
		g->in_len += n;
		p += n;
		len -= n;
		if (g->in_len == SAHIFA_GZIP_MEMBER_BYTES && (st = flush_member(g, err)))
			return st;
	}
	return SAHIFA_OK;
}

enum sahifa_status shf_gzip_out_finish(struct shf_gzip_out *g, struct sahifa_error *err)
{
	if (g->in_len || !g->members)
		return flush_member(g, err);
	return SAHIFA_OK;
}

void shf_gzip_out_release(struct shf_gzip_out *g)
{
	if (g->c)
		libdeflate_free_compressor(g->c);
	free(g->in);
	free(g->out);
	g->c = NULL;
	g->in = g->out = NULL;
}

uint32_t shf_deflate_crc32(const void *data, size_t len)
{
	return libdeflate_crc32(0, data, len);
}

uint32_t shf_deflate_adler32(const void *data, size_t len)
{
	return libdeflate_adler32(1, data, len);
}
