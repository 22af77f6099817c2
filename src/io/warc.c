/* Reading WARC files record by record as a stream (src/io/warc.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "io/archive_read.h"
#include "io/warc.h"
#include "io/zlib_inflate.h"
#include "sahifa/buf.h"
#include "sahifa/limits.h"

#define WBUF ((size_t)64 << 10)
static const char magic[] = "WARC/1.";
#define MAGIC_LEN 7

enum { F_TYPE, F_ID, F_DATE, F_URI, F_CTYPE, F_LENGTH, F_VERSION, F_COUNT };

struct sahifa_warc_reader {
	enum sahifa_warc_source src;
	int fd;
	shf_read_fn rd;              /* PLAIN over a callback (an archive member), else NULL */
	void *rd_ctx;
	int seekable;
	struct sahifa_gz *gz;
	struct sahifa_archive_stream *as;
	unsigned char *buf;          /* WBUF, more while a block is kept for a rewind */
	size_t cap;
	size_t pos, len;
	int keep;                    /* a record's block is being read: keep it in buf */
	uint64_t buf_off;            /* decompressed offset of buf[0] */
	uint64_t buf_member;         /* gzip: the member buf's bytes belong to */
	int buf_member_end;          /* gzip: buf ends its member */
	int buf_first;               /* gzip: buf begins its member */
	int eof;
	struct sahifa_error serr;    /* the source's last error */
	int line_start;              /* the last byte consumed was '\n' (or none yet) */
	int resync;                  /* find the next header before reading on */
	uint64_t err_off;
	/* the current record */
	char hdr[SAHIFA_MAX_WARC_HEADER_BYTES + 2];
	size_t hdr_len;
	size_t field[F_COUNT];       /* offsets into hdr, 0 = absent (hdr[0] is unused) */
	int in_record, cut;
	uint64_t remaining, length, rec_offset, block_start;
	struct sahifa_error cut_err;
};

int shf_warc_sniff(const unsigned char *head, size_t len)
{
	return len >= MAGIC_LEN + 1 && !memcmp(head, magic, MAGIC_LEN) &&
	       (head[MAGIC_LEN] == '0' || head[MAGIC_LEN] == '1');
}

static enum sahifa_status warc_open(const char *path, int fd, shf_read_fn rd, void *rd_ctx,
				    enum sahifa_warc_source src, const void *prefix,
				    size_t prefix_len, struct sahifa_warc_reader **out,
				    struct sahifa_error *err)
{
	struct sahifa_warc_reader *r = calloc(1, sizeof(*r));
	enum sahifa_status st = SAHIFA_OK;

	*out = NULL;
	if (!r)
		return sahifa_error_nomem(err, NULL);
	r->src = src;
	r->fd = fd;
	if (!(r->buf = malloc(WBUF))) {
		free(r);
		return sahifa_error_nomem(err, NULL);
	}
	r->cap = WBUF;
	r->line_start = 1;
	if (src == SAHIFA_WARC_GZIP) {
		st = rd ? shf_gz_open_fn(rd, rd_ctx, prefix, prefix_len, &r->gz, err)
			: shf_gz_open(fd, prefix, prefix_len, &r->gz, err);
	} else if (src == SAHIFA_WARC_FILTERED) {
		/* the stream reads from its start: a prefix is the caller's to replay */
		st = rd ? shf_archive_stream_open_fn(rd, rd_ctx, &r->as, err)
			: shf_archive_stream_open(path, &r->as, err);
	} else {
		if (prefix_len > WBUF)
			prefix_len = 0;
		if (prefix_len)
			memcpy(r->buf, prefix, prefix_len);
		r->len = prefix_len;
		r->rd = rd;
		r->rd_ctx = rd_ctx;
		r->seekable = !rd && lseek(fd, 0, SEEK_CUR) >= 0;
	}
	if (st) {
		free(r->buf);
		free(r);
		return st;
	}
	*out = r;
	return SAHIFA_OK;
}

enum sahifa_status shf_warc_open(const char *path, int fd, enum sahifa_warc_source src,
				    const void *prefix, size_t prefix_len,
				    struct sahifa_warc_reader **out, struct sahifa_error *err)
{
	return warc_open(path, fd, NULL, NULL, src, prefix, prefix_len, out, err);
}

enum sahifa_status shf_warc_open_fn(shf_read_fn rd, void *rd_ctx, enum sahifa_warc_source src,
				       const void *prefix, size_t prefix_len,
				       struct sahifa_warc_reader **out, struct sahifa_error *err)
{
	return warc_open(NULL, -1, rd, rd_ctx, src, prefix, prefix_len, out, err);
}

void shf_warc_close(struct sahifa_warc_reader *r)
{
	if (!r)
		return;
	shf_gz_close(r->gz);
	shf_archive_stream_close(r->as);
	free(r->buf);
	free(r);
}

uint64_t shf_warc_error_offset(const struct sahifa_warc_reader *r)
{
	return r->err_off;
}

uint64_t shf_warc_tell(const struct sahifa_warc_reader *r)
{
	if (r->gz)
		return shf_gz_tell(r->gz);
	if (r->as)
		return shf_archive_stream_tell(r->as);
	return r->buf_off + r->pos;
}

/* The offset a record starting at buf[pos] has. */
static uint64_t here(const struct sahifa_warc_reader *r)
{
	return r->gz ? r->buf_member : r->buf_off + r->pos;
}

/* 1 when the current record's block starts in buf of a plain stream that cannot seek:
 * buf holds it from there, and a rewind to it stays in memory. */
static int rewindable(const struct sahifa_warc_reader *r)
{
	return r->keep && !r->seekable && !r->gz && !r->as && r->block_start >= r->buf_off &&
	       r->block_start <= r->buf_off + r->len;
}

/* Read the next stretch of decompressed bytes: 1 data, 0 end, -1 error (r->serr). */
static int refill(struct sahifa_warc_reader *r)
{
	long long n;

	size_t keep = 0;

	if (r->eof)
		return 0;
	if (rewindable(r)) {
		/* A stream that cannot seek keeps the record's block, up to
		 * SAHIFA_MAX_WARC_REWIND_BYTES, so that a Content-Length too long can be
		 * searched again from the block's start. */
		size_t from = (size_t)(r->block_start - r->buf_off);

		keep = r->len - from;
		if (keep + WBUF > SAHIFA_MAX_WARC_REWIND_BYTES) {
			keep = 0;  /* too long to keep: a lying length swallows what it covers */
		} else if (keep + WBUF > r->cap) {
			size_t cap = r->cap * 2 < keep + WBUF ? keep + WBUF : r->cap * 2;
			unsigned char *b;

			if (cap > SAHIFA_MAX_WARC_REWIND_BYTES)
				cap = SAHIFA_MAX_WARC_REWIND_BYTES;
			b = realloc(r->buf, cap);
			if (b) {
				r->buf = b;
				r->cap = cap;
			} else {
				keep = 0;
			}
		}
		if (keep && from)
			memmove(r->buf, r->buf + from, keep);
	}
	r->buf_off += r->len - keep;
	r->pos = r->len = keep;
	if (r->gz) {
		uint64_t member = 0;
		int mend = 0, prev_end = r->buf_member_end || r->buf_off == 0;

		n = shf_gz_read(r->gz, r->buf, WBUF, &member, &mend, &r->serr);
		if (n > 0) {
			r->buf_first = prev_end || member != r->buf_member;
			r->buf_member = member;
			r->buf_member_end = mend;
		} else if (n < 0) {
			r->buf_member_end = 1;  /* what follows an error starts a member */
		}
	} else if (r->as) {
		n = shf_archive_stream_read(r->as, r->buf, WBUF, &r->serr);
	} else if (r->rd) {
		n = r->rd(r->rd_ctx, r->buf + keep, WBUF, &r->serr);
	} else {
		ssize_t k;

		do
			k = read(r->fd, r->buf + keep, WBUF);
		while (k < 0 && errno == EINTR);
		if (k < 0)
			sahifa_error_set(&r->serr, SAHIFA_ERR_IO, NULL, 0, 0, "cannot read: %s",
					 strerror(errno));
		n = k;
	}
	if (n < 0)
		return -1;
	if (n == 0) {
		r->eof = 1;
		return 0;
	}
	r->len = keep + (size_t)n;
	return 1;
}

/* A source error while reading at offset off: fills err, arranges a resync. */
static int source_error(struct sahifa_warc_reader *r, uint64_t off, struct sahifa_error *err)
{
	if (err)
		*err = r->serr;
	r->err_off = off;
	r->resync = 1;
	if (r->serr.status == SAHIFA_ERR_DATA && !r->gz)
		r->eof = 1;  /* a corrupt compressed stream cannot be read past */
	return -1;
}

/* After sahifa_error_set: the record at off is malformed. */
static int record_error(struct sahifa_warc_reader *r, uint64_t off, enum sahifa_status st)
{
	(void)st;
	r->err_off = off;
	r->resync = 1;
	return -1;
}

/* Find "WARC/1." at a line start (or a gzip member's start).  strict: only CR/LF may
 * come before it.  1 found (consumed), 0 end of file, -1 error. */
static int find_magic(struct sahifa_warc_reader *r, int strict, uint64_t *start,
		      struct sahifa_error *err)
{
	size_t m = 0;

	for (;;) {
		int at_member, c, rc;

		if (r->pos == r->len) {
			rc = refill(r);
			if (rc == 0) {
				if (m && strict) {
					sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
							 "truncated WARC record header");
					r->err_off = *start;
					return -1;
				}
				return 0;
			}
			if (rc < 0)
				return source_error(r, shf_warc_tell(r), err);
		}
		at_member = r->gz && r->buf_first && r->pos == 0;
		c = r->buf[r->pos];
		if (m && c == magic[m]) {
			r->pos++;
			if (++m == MAGIC_LEN)
				return 1;
			continue;
		}
		if (m && strict) {
			sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
					 "not a WARC record header");
			r->err_off = *start;
			r->resync = 1;
			return -1;
		}
		m = 0;
		if (c == 'W' && (r->line_start || at_member)) {
			*start = here(r);
			r->pos++;
			m = 1;
			r->line_start = 0;
			continue;
		}
		if (strict && c != '\r' && c != '\n') {
			*start = here(r);
			sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
					 "not a WARC record header (stray bytes between records)");
			r->err_off = *start;
			r->resync = 1;
			return -1;
		}
		r->line_start = c == '\n';
		r->pos++;
	}
}

/* Append one line (up to '\n', which is not kept, nor a '\r' before it) to hdr.
 * 1 ok, 0 end of file first, -1 too long, -2 source error. */
static int read_line(struct sahifa_warc_reader *r, size_t *line_len)
{
	size_t n = 0, cap;
	char *dst = r->hdr + r->hdr_len;

	if (r->hdr_len + 1 >= sizeof(r->hdr))
		return -1;
	cap = sizeof(r->hdr) - 1 - r->hdr_len;

	for (;;) {
		unsigned char *nl;
		size_t avail, take;

		if (r->pos == r->len) {
			int rc = refill(r);

			if (rc == 0)
				return 0;
			if (rc < 0)
				return -2;
		}
		avail = r->len - r->pos;
		nl = memchr(r->buf + r->pos, '\n', avail);
		take = nl ? (size_t)(nl - (r->buf + r->pos)) : avail;
		if (n + take > cap)
			return -1;
		memcpy(dst + n, r->buf + r->pos, take);
		n += take;
		r->pos += take;
		if (nl) {
			r->pos++;
			if (n && dst[n - 1] == '\r')
				n--;
			dst[n] = '\0';
			*line_len = n;
			r->line_start = 1;
			return 1;
		}
	}
}

static void trim(char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

static const char *field(const struct sahifa_warc_reader *r, int f)
{
	return r->field[f] ? r->hdr + r->field[f] : NULL;
}

int shf_warc_next(struct sahifa_warc_reader *r, struct sahifa_warc_record *rec,
		     struct sahifa_error *err)
{
	uint64_t start = 0;
	size_t n;
	int rc, last = -1;
	unsigned long long len = 0;
	const char *p;

	if (r->in_record && shf_warc_end(r, err)) {
		r->err_off = r->rec_offset;
		return -1;
	}
	rc = find_magic(r, !r->resync, &start, err);
	if (rc <= 0)
		return rc;
	r->resync = 0;
	memset(r->field, 0, sizeof(r->field));
	memcpy(r->hdr + 1, magic, MAGIC_LEN);
	r->hdr_len = 1 + MAGIC_LEN;
	/* The version line's rest, then named fields up to a blank line. */
	rc = read_line(r, &n);
	if (rc == 1 && !(n == 1 && (r->hdr[r->hdr_len] == '0' || r->hdr[r->hdr_len] == '1')))
		return record_error(r, start, sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
									       "unsupported WARC version 'WARC/1.%s'", r->hdr + r->hdr_len));
	if (rc == 1) {
		r->field[F_VERSION] = 1 + 5;
		r->hdr_len += n + 1;
	}
	while (rc == 1) {
		char *line = r->hdr + r->hdr_len, *colon, *v;
		size_t vn;

		rc = read_line(r, &n);
		if (rc != 1)
			break;
		if (n == 0)
			break;  /* the blank line */
		if ((line[0] == ' ' || line[0] == '\t') && last >= 0) {
			/* A folded line continues the last field's value. */
			v = line;
			vn = n;
			trim(&v, &vn);
			r->hdr[r->hdr_len - 1] = ' ';
			memmove(r->hdr + r->hdr_len, v, vn);
			r->hdr[r->hdr_len + vn] = '\0';
			r->hdr_len += vn + 1;
			continue;
		}
		colon = memchr(line, ':', n);
		if (!colon || colon == line)
			return record_error(r, start, sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
										       "malformed WARC header line %s", "(no 'name: value')"));
		*colon = '\0';
		v = colon + 1;
		vn = n - (size_t)(v - line);
		trim(&v, &vn);
		memmove(colon + 1, v, vn);
		colon[1 + vn] = '\0';
		last = -1;
		if (!strcasecmp(line, "WARC-Type"))
			last = F_TYPE;
		else if (!strcasecmp(line, "WARC-Record-ID"))
			last = F_ID;
		else if (!strcasecmp(line, "WARC-Date"))
			last = F_DATE;
		else if (!strcasecmp(line, "WARC-Target-URI"))
			last = F_URI;
		else if (!strcasecmp(line, "Content-Type"))
			last = F_CTYPE;
		else if (!strcasecmp(line, "Content-Length"))
			last = F_LENGTH;
		if (last >= 0 && !r->field[last])
			r->field[last] = (size_t)(colon + 1 - r->hdr);
		else
			last = -1;
		r->hdr_len += (size_t)(colon + 1 - line) + vn + 1;
	}
	if (rc == -1)
		return record_error(r, start, sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0,
									       "WARC record header longer than %s", "64 KiB"));
	if (rc == -2)
		return source_error(r, start, err);
	if (rc == 0)
		return record_error(r, start, sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
									       "truncated WARC record %s", "(the file ends in its header)"));
	p = field(r, F_LENGTH);
	if (!p)
		return record_error(r, start, sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
									       "WARC record without Content-Length%s", ""));
	for (; *p; p++) {
		if (*p < '0' || *p > '9' || len > SAHIFA_MAX_WARC_CONTENT_LENGTH)
			return record_error(r, start, sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
										       "bad Content-Length '%s'", field(r, F_LENGTH)));
		len = len * 10 + (unsigned long long)(*p - '0');
	}
	if (len > SAHIFA_MAX_WARC_CONTENT_LENGTH || !*field(r, F_LENGTH))
		return record_error(r, start, sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
									       "bad Content-Length '%s'", field(r, F_LENGTH)));
	memset(rec, 0, sizeof(*rec));
	rec->offset = start;
	rec->version = field(r, F_VERSION);
	rec->type = field(r, F_TYPE);
	rec->record_id = field(r, F_ID);
	rec->date = field(r, F_DATE);
	rec->target_uri = field(r, F_URI);
	rec->content_type = field(r, F_CTYPE);
	rec->length = len;
	r->in_record = 1;
	r->cut = 0;
	r->remaining = r->length = len;
	r->rec_offset = start;
	r->block_start = r->buf_off + r->pos;
	r->keep = 1;
	return 1;
}

static long long cut_short(struct sahifa_warc_reader *r, struct sahifa_error *err, int resync)
{
	r->cut = 1;
	r->resync = resync;
	if (err)
		*err = r->cut_err;
	return -1;
}

long long shf_warc_block_read(struct sahifa_warc_reader *r, void *buf, size_t size,
				 struct sahifa_error *err)
{
	size_t n;

	if (!r->in_record || r->remaining == 0)
		return 0;
	if (r->cut) {
		if (err)
			*err = r->cut_err;
		return -1;
	}
	if (r->pos == r->len) {
		int ended = r->gz && r->buf_member_end, rc = refill(r);

		if (rc > 0 && ended && r->len >= MAGIC_LEN && !memcmp(r->buf, magic, MAGIC_LEN)) {
			/* The next member starts a record: this one's length lies. */
			sahifa_error_set(&r->cut_err, SAHIFA_ERR_DATA, NULL, 0, 0,
					 "Content-Length %llu runs past the end of the record's gzip "
					 "member (%llu bytes short)",
					 (unsigned long long)r->length, (unsigned long long)r->remaining);
			return cut_short(r, err, 0);
		}
		if (rc == 0) {
			sahifa_error_set(&r->cut_err, SAHIFA_ERR_DATA, NULL, 0, 0,
					 "truncated WARC record: the file ends %llu bytes before "
					 "its Content-Length %llu", (unsigned long long)r->remaining,
					 (unsigned long long)r->length);
			return cut_short(r, err, 1);
		}
		if (rc < 0) {
			r->cut_err = r->serr;
			if (r->serr.status == SAHIFA_ERR_DATA && !r->gz)
				r->eof = 1;
			return cut_short(r, err, 1);
		}
	}
	n = r->len - r->pos;
	if (n > size)
		n = size;
	if (n > r->remaining)
		n = (size_t)r->remaining;
	memcpy(buf, r->buf + r->pos, n);
	r->pos += n;
	r->remaining -= n;
	return (long long)n;
}

/* One byte of what follows a block: the byte, -1 at the end or on an error. */
static int next_byte(struct sahifa_warc_reader *r)
{
	if (r->pos == r->len && refill(r) <= 0)
		return -1;
	return r->buf[r->pos++];
}

enum sahifa_status shf_warc_end(struct sahifa_warc_reader *r, struct sahifa_error *err)
{
	int i, c = 0, ended;

	if (!r->in_record)
		return SAHIFA_OK;
	/* Skip the rest of the block without copying it. */
	while (!r->cut && r->remaining) {
		size_t n = r->len - r->pos;

		if (n == 0) {
			unsigned char dummy;

			if (shf_warc_block_read(r, &dummy, 1, NULL) < 0)
				break;
			continue;
		}
		if (n > r->remaining)
			n = (size_t)r->remaining;
		r->pos += n;
		r->remaining -= n;
	}
	r->in_record = 0;
	if (r->cut) {
		r->keep = 0;
		if (err)
			*err = r->cut_err;
		return r->cut_err.status ? r->cut_err.status : SAHIFA_ERR_DATA;
	}
	/* Two line ends: CRLF CRLF, or bare LFs. */
	for (i = 0; i < 2; i++) {
		c = next_byte(r);
		if (c == '\r')
			c = next_byte(r);
		if (c != '\n')
			break;
	}
	if (i == 2) {
		r->line_start = 1;
		r->keep = 0;
		return SAHIFA_OK;
	}
	ended = c < 0 && r->eof;
	r->resync = 1;
	if (rewindable(r)) {
		/* the same search from the block's start, in the bytes kept */
		r->pos = (size_t)(r->block_start - r->buf_off);
		r->line_start = 0;
	} else if (r->seekable && lseek(r->fd, (off_t)r->block_start, SEEK_SET) >= 0) {
		/* Look for the next header from the block's start: a Content-Length too
		 * long must not swallow the records after it. */
		r->buf_off = r->block_start;
		r->pos = r->len = 0;
		r->eof = 0;
		r->line_start = 0;
	}
	r->keep = 0;
	if (ended)
		return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
					"truncated WARC record: the file ends before the blank lines "
					"that close it");
	return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
				"Content-Length %llu does not end at a record boundary",
				(unsigned long long)r->length);
}
