/* Verifying gzip streams (src/io/zlib_gzip.h). */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "io/zlib_gzip.h"

#define CHUNK ((size_t)64 << 10)

struct gz {
	z_stream z;
	int in_member;               /* inside a gzip member */
	int done;                    /* past the last member: the rest is not checked */
	unsigned long long total, max;
	unsigned char out[CHUNK];
};

/* Inflate n more bytes of the stream, member after member; zlib checks each member's
 * CRC-32 and length at its end. */
static enum sahifa_status feed(struct gz *g, const unsigned char *p, size_t n, const char *name,
			       struct sahifa_error *err)
{
	while (n && !g->done) {
		size_t take = n > UINT_MAX ? UINT_MAX : n;
		int rc;

		if (!g->in_member) {
			/* what follows a member is another one, or (as gzip -t allows) data
			 * that is not gzip at all, which libarchive does not read either */
			if (p[0] != 0x1f) {
				g->done = 1;
				break;
			}
			inflateReset(&g->z);
			g->in_member = 1;
		}
		g->z.next_in = (unsigned char *)(uintptr_t)p;
		g->z.avail_in = (uInt)take;
		for (;;) {
			g->z.next_out = g->out;
			g->z.avail_out = sizeof(g->out);
			rc = inflate(&g->z, Z_NO_FLUSH);
			g->total += sizeof(g->out) - g->z.avail_out;
			if (g->total > g->max)
				return sahifa_error_set(err, SAHIFA_ERR_LIMIT, name, 0, 0,
							"more than %llu uncompressed bytes in one archive"
							" (decompression bomb?)", g->max);
			if (rc == Z_STREAM_END) {
				g->in_member = 0;
				break;
			}
			if (rc == Z_MEM_ERROR)
				return sahifa_error_nomem(err, name);
			if (rc != Z_OK && rc != Z_BUF_ERROR)
				return sahifa_error_set(err, SAHIFA_ERR_DATA, name, 0, 0,
							"damaged gzip data: %s",
							g->z.msg ? g->z.msg : "invalid stream");
			if (rc == Z_BUF_ERROR || (g->z.avail_in == 0 && g->z.avail_out != 0))
				break;
		}
		p += take - g->z.avail_in;
		n -= take - g->z.avail_in;
	}
	return SAHIFA_OK;
}

enum sahifa_status shf_gzip_verify(const char *name, int fd, const void *data, size_t len,
				      unsigned long long max_out, struct sahifa_error *err)
{
	struct gz *g = calloc(1, sizeof(*g));
	unsigned char *buf = NULL;
	enum sahifa_status st = SAHIFA_OK;

	if (!g || (fd >= 0 && !(buf = malloc(CHUNK)))) {
		free(g);
		return sahifa_error_nomem(err, name);
	}
	g->max = max_out;
	if (inflateInit2(&g->z, 15 + 16) != Z_OK) {
		free(g);
		free(buf);
		return sahifa_error_nomem(err, name);
	}
	if (fd < 0) {
		st = feed(g, data, len, name, err);
	} else {
		for (;;) {
			ssize_t n = read(fd, buf, CHUNK);

			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				st = sahifa_error_set(err, SAHIFA_ERR_IO, name, 0, 0, "cannot read: %s",
						      strerror(errno));
				break;
			}
			if (n == 0 || (st = feed(g, buf, (size_t)n, name, err)) || g->done)
				break;
		}
	}
	if (!st && g->in_member)
		st = sahifa_error_set(err, SAHIFA_ERR_DATA, name, 0, 0,
				      "damaged gzip data: cut off before its end");
	inflateEnd(&g->z);
	free(buf);
	free(g);
	return st;
}
