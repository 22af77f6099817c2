/* Inflating through zlib: HTTP bodies and .warc.gz members (src/io/zlib_inflate.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "io/zlib_inflate.h"

#define OUT_CHUNK ((size_t)64 << 10)
#define GZ_IN_BYTES ((size_t)64 << 10)

static int is_gzip_magic(const unsigned char *p, size_t n)
{
	return n >= 3 && p[0] == 0x1F && p[1] == 0x8B && p[2] == 8;
}

/* One pass of inflate over in with the given window bits; *consumed: input used. */
static enum sahifa_status inflate_pass(const unsigned char *in, size_t len, int bits, size_t max,
				       struct sahifa_buf *out, int multi, size_t *produced,
				       struct sahifa_error *err)
{
	z_stream z;
	int rc = Z_OK;
	size_t start = out->len;
	enum sahifa_status st = SAHIFA_OK;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, bits) != Z_OK)
		return sahifa_error_nomem(err, NULL);
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = len > UINT32_MAX ? UINT32_MAX : (uInt)len;
	for (;;) {
		if (out->len - start > max) {
			st = sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0,
					      "body inflates to more than %zu bytes (decompression bomb?)",
					      max);
			break;
		}
		if (sahifa_buf_grow(out, OUT_CHUNK)) {
			st = sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0,
					      "body inflates past the buffer limit (decompression bomb?)");
			break;
		}
		z.next_out = (Bytef *)out->data + out->len;
		z.avail_out = (uInt)OUT_CHUNK;
		rc = inflate(&z, Z_NO_FLUSH);
		out->len += OUT_CHUNK - z.avail_out;
		out->data[out->len] = '\0';
		if (rc == Z_STREAM_END) {
			if (multi && is_gzip_magic(z.next_in, z.avail_in)) {
				inflateReset(&z);
				continue;
			}
			break;
		}
		if (rc == Z_OK)
			continue;
		if (rc == Z_BUF_ERROR && z.avail_in == 0) {
			st = sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
					      "truncated %s body", bits > 15 ? "gzip" : "deflate");
			break;
		}
		if (rc == Z_MEM_ERROR) {
			st = sahifa_error_nomem(err, NULL);
			break;
		}
		st = sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0, "corrupt %s body: %s",
				      bits > 15 ? "gzip" : "deflate", z.msg ? z.msg : "bad data");
		break;
	}
	if (!st && out->len - start > max)
		st = sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0,
				      "body inflates to more than %zu bytes (decompression bomb?)", max);
	*produced = out->len - start;
	inflateEnd(&z);
	return st;
}

enum sahifa_status shf_inflate_mem(const unsigned char *in, size_t len, enum sahifa_coding c,
				      size_t max, struct sahifa_buf *out,
				      struct sahifa_error *err)
{
	size_t start = out->len, produced = 0;
	enum sahifa_status st;

	if (c == SAHIFA_CODING_GZIP)
		return inflate_pass(in, len, 16 + 15, max, out, 1, &produced, err);
	st = inflate_pass(in, len, 15, max, out, 0, &produced, err);
	if (st == SAHIFA_ERR_DATA && produced == 0) {
		/* No zlib header: a raw deflate stream. */
		out->len = start;
		if (out->data)
			out->data[start] = '\0';
		st = inflate_pass(in, len, -15, max, out, 0, &produced, err);
	}
	return st;
}

size_t shf_gz_peek(const void *in, size_t len, void *out, size_t out_size)
{
	z_stream z;
	size_t n;

	memset(&z, 0, sizeof(z));
	if (!is_gzip_magic(in, len) || inflateInit2(&z, 16 + 15) != Z_OK)
		return 0;
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = len > UINT32_MAX ? UINT32_MAX : (uInt)len;
	z.next_out = out;
	z.avail_out = out_size > UINT32_MAX ? UINT32_MAX : (uInt)out_size;
	inflate(&z, Z_SYNC_FLUSH);
	n = out_size - z.avail_out;
	inflateEnd(&z);
	return n;
}

/* ---- .warc.gz member by member ---- */

struct sahifa_gz {
	int fd;
	shf_read_fn rd;              /* NULL: read(fd) */
	void *rd_ctx;
	z_stream z;
	unsigned char in[GZ_IN_BYTES];
	uint64_t in_file_off;        /* file offset of in[0] */
	size_t in_len;               /* valid bytes in in[] */
	int file_eof;
	int in_member;
	int resync;                  /* after corrupt data: look for the next gzip header */
	uint64_t member_start;
	int have_pending;            /* an error to return on the next call */
	struct sahifa_error pending;
};

static uint64_t next_in_off(const struct sahifa_gz *gz)
{
	return gz->in_file_off + (uint64_t)(gz->z.next_in - gz->in);
}

/* Make room and read more input; keeps the unread bytes.  0 ok, -1 read error. */
static int gz_fill(struct sahifa_gz *gz, struct sahifa_error *err)
{
	size_t keep = gz->z.avail_in, used = (size_t)(gz->z.next_in - gz->in);
	ssize_t n;

	if (gz->file_eof)
		return 0;
	if (used) {
		memmove(gz->in, gz->z.next_in, keep);
		gz->in_file_off += used;
	}
	gz->in_len = keep;
	gz->z.next_in = gz->in;
	if (gz->rd) {
		long long k = gz->rd(gz->rd_ctx, gz->in + keep, sizeof(gz->in) - keep, err);

		if (k < 0)
			return -1;
		n = (ssize_t)k;
	} else {
		for (;;) {
			n = read(gz->fd, gz->in + keep, sizeof(gz->in) - keep);
			if (n >= 0 || errno != EINTR)
				break;
		}
		if (n < 0) {
			sahifa_error_set(err, SAHIFA_ERR_IO, NULL, 0, 0, "cannot read: %s",
					 strerror(errno));
			return -1;
		}
	}
	if (n == 0)
		gz->file_eof = 1;
	gz->in_len = keep + (size_t)n;
	gz->z.avail_in = (uInt)gz->in_len;
	return 0;
}

static enum sahifa_status gz_open(int fd, shf_read_fn rd, void *rd_ctx, const void *prefix,
				  size_t prefix_len, struct sahifa_gz **out, struct sahifa_error *err)
{
	struct sahifa_gz *gz = calloc(1, sizeof(*gz));

	*out = NULL;
	if (!gz || prefix_len > sizeof(gz->in)) {
		free(gz);
		return sahifa_error_nomem(err, NULL);
	}
	gz->fd = fd;
	gz->rd = rd;
	gz->rd_ctx = rd_ctx;
	if (inflateInit2(&gz->z, 16 + 15) != Z_OK) {
		free(gz);
		return sahifa_error_nomem(err, NULL);
	}
	if (prefix_len)
		memcpy(gz->in, prefix, prefix_len);
	gz->in_len = prefix_len;
	gz->z.next_in = gz->in;
	gz->z.avail_in = (uInt)prefix_len;
	*out = gz;
	return SAHIFA_OK;
}

enum sahifa_status shf_gz_open(int fd, const void *prefix, size_t prefix_len,
				  struct sahifa_gz **out, struct sahifa_error *err)
{
	return gz_open(fd, NULL, NULL, prefix, prefix_len, out, err);
}

enum sahifa_status shf_gz_open_fn(shf_read_fn rd, void *rd_ctx, const void *prefix,
				     size_t prefix_len, struct sahifa_gz **out,
				     struct sahifa_error *err)
{
	return gz_open(-1, rd, rd_ctx, prefix, prefix_len, out, err);
}

void shf_gz_close(struct sahifa_gz *gz)
{
	if (!gz)
		return;
	inflateEnd(&gz->z);
	free(gz);
}

uint64_t shf_gz_tell(const struct sahifa_gz *gz)
{
	return next_in_off(gz);
}

/* Start the next member at next_in: 1 started, 0 end of file, -1 error. */
static int gz_start_member(struct sahifa_gz *gz, struct sahifa_error *err)
{
	for (;;) {
		if (gz->z.avail_in < 3 && !gz->file_eof) {
			if (gz_fill(gz, err))
				return -1;
			continue;
		}
		if (gz->z.avail_in == 0)
			return 0;
		if (gz->resync) {
			/* Skip to the next gzip header, keeping two bytes that may begin one. */
			const unsigned char *p = gz->z.next_in, *end = p + gz->z.avail_in;

			while (p + 3 <= end && !is_gzip_magic(p, 3))
				p++;
			if (p + 3 > end && !gz->file_eof) {
				if (end - p > 2)
					p = end - 2;
				gz->z.avail_in -= (uInt)(p - gz->z.next_in);
				gz->z.next_in = (Bytef *)(uintptr_t)p;
				if (gz_fill(gz, err))
					return -1;
				continue;
			}
			gz->z.avail_in -= (uInt)(p - gz->z.next_in);
			gz->z.next_in = (Bytef *)(uintptr_t)p;
			if (!is_gzip_magic(p, gz->z.avail_in)) {
				gz->z.avail_in = 0;
				return 0;
			}
			gz->resync = 0;
		}
		if (!is_gzip_magic(gz->z.next_in, gz->z.avail_in)) {
			sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
					 "not gzip data (stray bytes between records)");
			gz->resync = 1;  /* the scan starts at this byte, which begins no header */
			return -1;
		}
		gz->member_start = next_in_off(gz);
		inflateReset(&gz->z);
		gz->in_member = 1;
		return 1;
	}
}

long long shf_gz_read(struct sahifa_gz *gz, void *buf, size_t size, uint64_t *member_start,
			 int *member_end, struct sahifa_error *err)
{
	size_t got = 0;

	*member_end = 0;
	if (gz->have_pending) {
		gz->have_pending = 0;
		if (err)
			*err = gz->pending;
		return -1;
	}
again:
	while (!gz->in_member) {
		int r = gz_start_member(gz, err);

		if (r <= 0)
			return r;
	}
	*member_start = gz->member_start;
	if (size > UINT32_MAX)
		size = UINT32_MAX;
	gz->z.next_out = buf;
	gz->z.avail_out = (uInt)size;
	while (gz->z.avail_out) {
		int rc;

		if (gz->z.avail_in == 0) {
			if (gz_fill(gz, &gz->pending))
				goto fail;
			if (gz->z.avail_in == 0) {
				sahifa_error_set(&gz->pending, SAHIFA_ERR_DATA, NULL, 0, 0,
						 "truncated gzip member (the file ends inside it)");
				goto fail;
			}
		}
		rc = inflate(&gz->z, Z_NO_FLUSH);
		if (rc == Z_STREAM_END) {
			gz->in_member = 0;
			*member_end = 1;
			break;
		}
		if (rc == Z_OK || (rc == Z_BUF_ERROR && gz->z.avail_in == 0))
			continue;
		if (rc == Z_MEM_ERROR) {
			sahifa_error_nomem(&gz->pending, NULL);
			goto fail;
		}
		sahifa_error_set(&gz->pending, SAHIFA_ERR_DATA, NULL, 0, 0, "corrupt gzip member: %s",
				 gz->z.msg ? gz->z.msg : "bad data");
		gz->resync = 1;
		goto fail;
	}
	got = size - gz->z.avail_out;
	if (got == 0 && *member_end) {  /* an empty member: go on with the next */
		*member_end = 0;
		goto again;
	}
	return (long long)got;
fail:
	gz->in_member = 0;
	got = size - gz->z.avail_out;
	if (got) {
		gz->have_pending = 1;
		return (long long)got;
	}
	if (err)
		*err = gz->pending;
	return -1;
}
