/* Walking convert's inputs: files, directories, stdin, archives (include/sahifa/input.h). */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/array.h"
#include "io/archive_read.h"
#include "io/http.h"
#include "io/input_shard.h"
#include "io/warc.h"
#include "io/zlib_inflate.h"
#include "sahifa/article.h"
#include "sahifa/buf.h"
#include "sahifa/input.h"
#include "sahifa/limits.h"

/* Bytes read from a file before deciding whether it is an archive: tar's magic sits at
 * offset 257. */
#define SNIFF_BYTES 512
#define READ_CHUNK ((size_t)64 << 10)
/* Decompressed bytes that tell a WARC: "WARC/1." and the minor version. */
#define WARC_MAGIC_BYTES 8

struct walker {
	sahifa_input_fn fn;
	void *ctx;
	struct sahifa_buf buf;        /* the current item's bytes, capped at the limit + 1 */
	size_t limit;                 /* SAHIFA_MAX_ARTICLE_BYTES */
	enum sahifa_status stop;      /* the callback's own non-OK status */
	struct sahifa_error *err;     /* the caller's, for fatal errors */
	int depth;                    /* directories open above the current one */
	dev_t dev[SAHIFA_MAX_DIR_DEPTH + 1];
	ino_t ino[SAHIFA_MAX_DIR_DEPTH + 1];
	const struct sahifa_input_shard *shard; /* NULL: deliver every item */
	/* every directory walked, an open-addressing set: links that reach one folder
	 * twice (a "diamond") are no loop, but must not walk it again */
	struct dir_id { dev_t dev; ino_t ino; int used; } *seen;
	size_t n_seen, cap_seen;
	/* WARC input and progress */
	struct sahifa_input_options opt;
	struct sahifa_buf tmp, dec;   /* a WARC body dechunked, inflated */
	struct sahifa_input_progress prog;
	unsigned long long bytes_before; /* progress.bytes before the current WARC */
	int in_warc;
	/* the regular file being read whole, as fstat saw it (file_id 0: none) */
	int file_id;
	unsigned long long file_dev, file_ino;
};

static size_t dir_slot(const struct dir_id *t, size_t cap, dev_t dev, ino_t ino)
{
	size_t h = ((size_t)ino * 0x9E3779B97F4A7C15ull ^ (size_t)dev) & (cap - 1);

	while (t[h].used && (t[h].dev != dev || t[h].ino != ino))
		h = (h + 1) & (cap - 1);
	return h;
}

/* Add (dev, ino) to the set: 1 when it was there already, 0 added, -1 out of memory. */
static int dir_seen(struct walker *w, dev_t dev, ino_t ino)
{
	size_t h, i;

	if (w->n_seen * 2 >= w->cap_seen) {
		size_t cap = w->cap_seen ? w->cap_seen * 2 : 64;
		struct dir_id *t = calloc(cap, sizeof(*t));

		if (!t)
			return -1;
		for (i = 0; i < w->cap_seen; i++)
			if (w->seen[i].used)
				t[dir_slot(t, cap, w->seen[i].dev, w->seen[i].ino)] = w->seen[i];
		free(w->seen);
		w->seen = t;
		w->cap_seen = cap;
	}
	h = dir_slot(w->seen, w->cap_seen, dev, ino);
	if (w->seen[h].used)
		return 1;
	w->seen[h].dev = dev;
	w->seen[h].ino = ino;
	w->seen[h].used = 1;
	w->n_seen++;
	return 0;
}

static enum sahifa_status deliver(struct walker *w, const struct sahifa_input_item *item)
{
	enum sahifa_status st;

	if (w->shard && !shf_input_shard_keep(w->shard, item))
		return SAHIFA_OK;  /* another share's */
	st = w->fn(w->ctx, item);
	if (st)
		w->stop = st;
	w->prog.items++;
	if (!w->in_warc)  /* a WARC's progress is its compressed offset */
		w->prog.bytes += item->len;
	if (!st && w->opt.progress) {
		w->prog.name = item->name;
		w->opt.progress(w->opt.progress_ctx, &w->prog);
	}
	return st;
}

static enum sahifa_status emit_data(struct walker *w, const char *name, const char *member)
{
	struct sahifa_input_item item = { 0 };

	item.name = name;
	item.member = member;
	item.data = (const unsigned char *)(w->buf.data ? w->buf.data : "");
	item.len = w->buf.len;
	item.error = NULL;
	if (!member && w->file_id) {
		item.file_id = 1;
		item.dev = w->file_dev;
		item.ino = w->file_ino;
	}
	return deliver(w, &item);
}

/* An error item; len is the input's size when it is known (0 otherwise), so that a
 * reject still says how large the input was. */
static enum sahifa_status emit_error_item_len(struct walker *w, const char *name,
					      const char *member, const struct sahifa_error *e,
					      size_t len)
{
	struct sahifa_input_item item = { 0 };

	item.name = name;
	item.member = member;
	item.data = NULL;
	item.len = len;
	item.error = e;
	return deliver(w, &item);
}

static enum sahifa_status emit_error_item(struct walker *w, const char *name, const char *member,
					  const struct sahifa_error *e)
{
	return emit_error_item_len(w, name, member, e, 0);
}

static enum sahifa_status emit_error(struct walker *w, const char *name, const char *member,
				     enum sahifa_status status, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* An error item whose error path is name, or name!member. */
static enum sahifa_status emit_error(struct walker *w, const char *name, const char *member,
				     enum sahifa_status status, const char *fmt, ...)
{
	struct sahifa_error e;
	char msg[SAHIFA_ERROR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sahifa_error_set_member(&e, status, name, member, "%s", msg);
	return emit_error_item(w, name, member, &e);
}

/* size: the input's size when known, else 0 (a pipe or member read past the limit). */
static enum sahifa_status emit_too_large(struct walker *w, const char *name, const char *member,
					 unsigned long long size)
{
	struct sahifa_error e;

	if (size)
		sahifa_error_set_member(&e, SAHIFA_ERR_LIMIT, name, member,
					"%llu bytes, larger than the %zu MiB limit", size,
					w->limit >> 20);
	else
		sahifa_error_set_member(&e, SAHIFA_ERR_LIMIT, name, member,
					"larger than the %zu MiB limit", w->limit >> 20);
	return emit_error_item_len(w, name, member, &e, size > SIZE_MAX ? SIZE_MAX : (size_t)size);
}

/* strerror with a lower-case start, as our messages have. */
static void errno_text(int e, char *out, size_t size)
{
	snprintf(out, size, "%s", strerror(e));
	if (out[0] && isupper((unsigned char)out[0]) && !isupper((unsigned char)out[1]))
		out[0] = (char)tolower((unsigned char)out[0]);
}

static enum sahifa_status emit_errno(struct walker *w, const char *name, const char *what, int e)
{
	char text[128];

	if (e == ENOENT)
		return emit_error(w, name, NULL, SAHIFA_ERR_IO, "does not exist");
	errno_text(e, text, sizeof(text));
	return emit_error(w, name, NULL, SAHIFA_ERR_IO, "%s: %s", what, text);
}

enum read_result { READ_OK = 0, READ_TOO_LARGE, READ_ERRNO, READ_NOMEM };

/* Append from fd to w->buf until it holds at least upto bytes, EOF, or more than the
 * limit (never more than limit + 1 bytes in memory). */
static enum read_result read_fd(struct walker *w, int fd, size_t upto, int *eof, int *e)
{
	*eof = 0;
	while (w->buf.len < upto) {
		size_t want = w->limit + 1 - w->buf.len;
		ssize_t n;

		if (want > READ_CHUNK)
			want = READ_CHUNK;
		if (sahifa_buf_grow(&w->buf, want))
			return READ_NOMEM;
		n = read(fd, w->buf.data + w->buf.len, want);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			*e = errno;
			return READ_ERRNO;
		}
		if (n == 0) {
			*eof = 1;
			break;
		}
		w->buf.len += (size_t)n;
		w->buf.data[w->buf.len] = '\0';
		if (w->buf.len > w->limit)
			return READ_TOO_LARGE;
	}
	return READ_OK;
}

static enum sahifa_status fatal_nomem(struct walker *w)
{
	return sahifa_error_nomem(w->err, NULL);
}

/* ---- archives ---- */

struct archive_walk {
	struct walker *w;
	const char *name;
	unsigned long files;          /* regular members seen */
};

static int member_warc_source(struct walker *w, const char *name,
			      const struct sahifa_archive_member *m, enum sahifa_status *st,
			      int *eof);
static enum sahifa_status walk_member_warc(struct walker *w, const char *name,
					   const struct sahifa_archive_member *m, int src);

/* Append the member's bytes to w->buf until it holds upto bytes or the member ends
 * (*eof).  SAHIFA_OK; a reject emitted (*st, the status of delivering it, and 1
 * returned); or a fatal status in *st with 1 returned. */
static int member_fill(struct walker *w, const char *name, const struct sahifa_archive_member *m,
		       size_t upto, int *eof, enum sahifa_status *st)
{
	*eof = 0;
	*st = SAHIFA_OK;
	while (w->buf.len < upto) {
		size_t want = upto - w->buf.len;
		long long n;

		if (want > READ_CHUNK)
			want = READ_CHUNK;
		if (sahifa_buf_grow(&w->buf, want)) {
			*st = sahifa_error_nomem(w->err, NULL);
			return 1;
		}
		n = shf_archive_member_read(m, w->buf.data + w->buf.len, want, w->err);
		if (n < 0 && w->err && w->err->status == SAHIFA_ERR_DATA) {
			/* one unreadable member (encrypted, a bad CRC) is a reject of its own;
			 * the walk goes on to the members after it */
			struct sahifa_error e = *w->err;

			sahifa_error_clear(w->err);
			*st = emit_error_item(w, name, m->name, &e);
			return 1;
		}
		if (n < 0) {
			*st = w->err ? w->err->status : SAHIFA_ERR_DATA;
			return 1;
		}
		if (n == 0) {
			*eof = 1;
			break;
		}
		w->buf.len += (size_t)n;
		w->buf.data[w->buf.len] = '\0';
	}
	return 0;
}

static enum sahifa_status on_member(void *ctx, const struct sahifa_archive_member *m)
{
	struct archive_walk *aw = ctx;
	struct walker *w = aw->w;
	char q[SAHIFA_ERROR_PATH_MAX];
	enum sahifa_status st;
	int eof = 0, src;

	if (m->type == SAHIFA_MEMBER_DIR)
		return SAHIFA_OK;  /* directories are no articles */
	if (m->type != SAHIFA_MEMBER_FILE) {
		/* links, devices and FIFOs are no articles either, but counted */
		struct sahifa_input_item item = { 0 };

		item.name = aw->name;
		item.member = m->name;
		item.skip = m->type == SAHIFA_MEMBER_OTHER ? "special member" : "link member";
		return deliver(w, &item);
	}
	aw->files++;
	if (w->shard) {
		/* a member is one unit of a share, a WARC member with all its records: one
		 * of another share is not read at all */
		struct sahifa_input_item unit = { 0 };

		unit.name = aw->name;
		unit.member = m->name;
		if (!shf_input_shard_keep(w->shard, &unit))
			return SAHIFA_OK;
	}
	if (m->unsafe_name) {
		sahifa_quote(m->name, strlen(m->name), 200, q, sizeof(q));
		return emit_error(w, aw->name, m->name, SAHIFA_ERR_DATA,
				  "unsafe member name %s (absolute or with '..')", q);
	}
	sahifa_buf_reset(&w->buf);
	if (w->opt.warc != SAHIFA_WARC_NEVER) {
		/* its first bytes say whether it is a WARC, read as a stream whatever its size */
		if (member_fill(w, aw->name, m, SNIFF_BYTES, &eof, &st))
			return st;
		src = member_warc_source(w, aw->name, m, &st, &eof);
		if (st)
			return st == SAHIFA_ERR_DATA ? SAHIFA_OK : st;  /* DATA: rejected */
		if (src >= 0)
			return walk_member_warc(w, aw->name, m, src);
	}
	if (m->size > 0 && (unsigned long long)m->size > w->limit)
		return emit_too_large(w, aw->name, m->name, (unsigned long long)m->size);
	if (!eof && member_fill(w, aw->name, m, w->limit + 1, &eof, &st))
		return st;
	if (w->buf.len > w->limit)
		return emit_too_large(w, aw->name, m->name, 0);
	return emit_data(w, aw->name, m->name);
}

/* The members of an archive as items; an archive-level failure (corrupt, a limit) ends
 * in one error item for the archive after the members read so far. */
static enum sahifa_status walk_archive(struct walker *w, const char *name, const char *path,
				       const void *data, size_t len)
{
	struct archive_walk aw = { w, name, 0 };
	struct sahifa_error e;
	struct sahifa_error *saved = w->err;
	enum sahifa_status st;

	sahifa_error_clear(&e);
	w->err = &e;
	if (path)
		st = shf_archive_each(path, on_member, &aw, &e);
	else
		st = shf_archive_each_mem(name, data, len, on_member, &aw, &e);
	w->err = saved;
	if (w->stop)
		return w->stop;
	if (st == SAHIFA_ERR_NOMEM) {
		if (saved)
			*saved = e;
		return st;
	}
	if (st) {
		sahifa_error_set_path(&e, name);
		return emit_error_item(w, name, NULL, &e);
	}
	if (!aw.files)
		return emit_error(w, name, NULL, SAHIFA_ERR_DATA, "archive holds no files");
	return SAHIFA_OK;
}

/* ---- WARC files ---- */

/* The reason word of a record that is no article, by its WARC-Type. */
static const char *skip_reason(const char *type)
{
	static const char *const known[] = {
		"warcinfo", "request", "metadata", "revisit", "conversion", "continuation",
	};
	size_t i;

	for (i = 0; type && i < sizeof(known) / sizeof(known[0]); i++)
		if (!strcmp(type, known[i]))
			return known[i];
	return "other-type";
}

/* A WARC being read: a file (member NULL, label the name) or an archive's member
 * (label "archive!member", which names its records and rejects). */
struct warc_in {
	const char *name, *member, *label;
	int fd;                        /* a file's, or -1 */
	shf_read_fn rd;                /* a member's bytes, or NULL */
	void *rd_ctx;
	enum sahifa_warc_source src;
	const void *prefix;            /* bytes read already (PLAIN, GZIP) */
	size_t prefix_len;
	unsigned long long size;       /* for progress, 0 when unknown */
};

/* An error item for the record (or stray bytes) at offset: its path is label@offset. */
static enum sahifa_status emit_at(struct walker *w, const struct warc_in *in, uint64_t offset,
				  struct sahifa_error *e, size_t len)
{
	char path[SAHIFA_ERROR_PATH_MAX];

	snprintf(path, sizeof(path), "%s@%llu", in->label, (unsigned long long)offset);
	e->path[0] = '\0';
	sahifa_error_set_path(e, path);
	return emit_error_item_len(w, in->name, in->member, e, len);
}

/* Append the record's block to w->buf until it holds upto bytes or the block ends.
 * Returns 1 when the block ended, 0 when upto was reached first, -1 when the block
 * was cut short (shf_warc_end says why). */
static int read_block(struct walker *w, struct sahifa_warc_reader *r, size_t upto)
{
	while (w->buf.len < upto) {
		size_t want = upto - w->buf.len;
		long long n;

		if (want > READ_CHUNK)
			want = READ_CHUNK;
		if (sahifa_buf_grow(&w->buf, want))
			return -2;
		n = shf_warc_block_read(r, w->buf.data + w->buf.len, want, NULL);
		if (n < 0)
			return -1;
		if (n == 0)
			return 1;
		w->buf.len += (size_t)n;
		w->buf.data[w->buf.len] = '\0';
	}
	return 0;
}

static void warc_progress(struct walker *w, struct sahifa_warc_reader *r)
{
	w->prog.done = shf_warc_tell(r);
	w->prog.bytes = w->bytes_before + w->prog.done;
}

/* One record: an item, a skip, or an error item. */
static enum sahifa_status warc_record(struct walker *w, const struct warc_in *in,
				      struct sahifa_warc_reader *r,
				      const struct sahifa_warc_record *rec)
{
	struct sahifa_warc_ref ref;
	struct sahifa_input_item item;
	struct sahifa_http_head h;
	struct sahifa_error e;
	const char *skip = NULL, *why = NULL;
	char media[128] = "", charset[64] = "";
	size_t body_off = 0;
	int rc = 1, response = rec->type && !strcmp(rec->type, "response");
	int resource = rec->type && !strcmp(rec->type, "resource");
	const unsigned char *body;
	size_t body_len;

	memset(&ref, 0, sizeof(ref));
	ref.file = (char *)in->label;
	ref.offset = rec->offset;
	ref.record_id = (char *)rec->record_id;
	ref.date = (char *)rec->date;
	ref.target_uri = (char *)rec->target_uri;
	memset(&item, 0, sizeof(item));
	item.name = in->name;
	item.member = in->member;
	item.warc = &ref;
	sahifa_buf_reset(&w->buf);
	sahifa_error_clear(&e);
	if (response) {
		int hr = 0;

		/* The HTTP head first; the body only when the record is wanted. */
		while (rc >= 0 && w->buf.len < SAHIFA_MAX_HTTP_HEADER_BYTES) {
			size_t upto = w->buf.len + 4096;

			rc = read_block(w, r, upto);
			hr = shf_http_parse_head(w->buf.data ? w->buf.data : "", w->buf.len, &h);
			if (hr || rc != 0)
				break;
		}
		if (rc == -2)
			return fatal_nomem(w);
		if (hr < 0 || (hr == 0 && rc == 1))
			why = w->buf.len ? "response record without an HTTP response head"
					 : "empty response record";
		else if (hr == 0 && rc == 0)
			why = "HTTP response head longer than 64 KiB";
		else if (hr == 1 && h.status != 200)
			skip = "not-200";
		else if (hr == 1 && !shf_http_is_html(h.media_type))
			skip = "not-html";
		else if (hr == 1) {
			snprintf(media, sizeof(media), "%s", h.media_type);
			snprintf(charset, sizeof(charset), "%s", h.charset);
			body_off = h.head_len;
		}
	} else if (resource) {
		if (rec->content_type)
			shf_http_content_type(rec->content_type, strlen(rec->content_type), media,
						 sizeof(media), charset, sizeof(charset));
		if (!shf_http_is_html(media))
			skip = "not-html";
		rc = 0;  /* the block is still to read */
	} else {
		skip = skip_reason(rec->type);
	}
	if (!skip && !why && rc == 0) {
		rc = read_block(w, r, body_off + w->limit + 1);
		if (rc == -2)
			return fatal_nomem(w);
		if (rc == 0)
			why = "too-large";
	}
	if (shf_warc_end(r, &e)) {
		warc_progress(w, r);
		return emit_at(w, in, rec->offset, &e, (size_t)rec->length);
	}
	warc_progress(w, r);
	if (why && !strcmp(why, "too-large")) {
		sahifa_error_set(&e, SAHIFA_ERR_LIMIT, NULL, 0, 0,
				 "record of %llu bytes, larger than the %zu MiB limit",
				 (unsigned long long)rec->length, w->limit >> 20);
		return emit_at(w, in, rec->offset, &e, (size_t)rec->length);
	}
	if (why) {
		sahifa_error_set(&e, SAHIFA_ERR_DATA, NULL, 0, 0, "%s", why);
		return emit_at(w, in, rec->offset, &e, (size_t)rec->length);
	}
	if (skip) {
		item.skip = skip;
		return deliver(w, &item);
	}
	body = (const unsigned char *)(w->buf.data ? w->buf.data : "") + body_off;
	body_len = w->buf.len - body_off;
	if (response && shf_http_decode_body(&h, body, body_len, w->limit, &w->tmp, &w->dec,
						&body, &body_len, &e)) {
		if (e.status == SAHIFA_ERR_NOMEM)
			return fatal_nomem(w);
		return emit_at(w, in, rec->offset, &e, body_len);
	}
	if (body_len > w->limit) {
		sahifa_error_set(&e, SAHIFA_ERR_LIMIT, NULL, 0, 0,
				 "body of %zu bytes, larger than the %zu MiB limit", body_len,
				 w->limit >> 20);
		return emit_at(w, in, rec->offset, &e, body_len);
	}
	item.data = body;
	item.len = body_len;
	item.content_type = media[0] ? media : NULL;
	item.declared_charset = charset[0] ? charset : NULL;
	return deliver(w, &item);
}

static enum sahifa_status walk_warc(struct walker *w, const struct warc_in *in)
{
	struct sahifa_warc_reader *r;
	struct sahifa_warc_record rec;
	struct sahifa_error e;
	enum sahifa_status st = SAHIFA_OK;
	unsigned long long records = 0, errors = 0;

	sahifa_error_clear(&e);
	if (in->rd ? shf_warc_open_fn(in->rd, in->rd_ctx, in->src, in->prefix, in->prefix_len, &r,
				      &e)
		   : shf_warc_open(in->name, in->fd, in->src, in->prefix, in->prefix_len, &r, &e)) {
		if (e.status == SAHIFA_ERR_NOMEM)
			return fatal_nomem(w);
		e.path[0] = '\0';
		sahifa_error_set_path(&e, in->label);
		return emit_error_item(w, in->name, in->member, &e);
	}
	w->bytes_before = w->prog.bytes;
	w->prog.total = in->size;
	w->prog.done = 0;
	w->in_warc = 1;
	while (!st) {
		int rc = shf_warc_next(r, &rec, &e);

		if (rc == 0)
			break;
		if (rc < 0) {
			if (e.status == SAHIFA_ERR_NOMEM) {
				st = fatal_nomem(w);
				break;
			}
			errors++;
			warc_progress(w, r);
			st = emit_at(w, in, shf_warc_error_offset(r), &e, 0);
			if (e.status == SAHIFA_ERR_IO)
				break;
			continue;
		}
		records++;
		st = warc_record(w, in, r, &rec);
	}
	shf_warc_close(r);
	w->in_warc = 0;
	w->prog.done = w->prog.total = 0;
	w->bytes_before = w->prog.bytes;
	if (!st && !records && !errors)
		st = emit_error(w, in->name, in->member, SAHIFA_ERR_DATA,
				"no WARC record in the %s", in->member ? "member" : "file");
	return st;
}

/* A WARC member's bytes through a callback: first the bytes sniffed (replayed), then
 * the rest from the archive.  A failure of the archive ends the member: it is
 * reported once, then the member reads as ended. */
struct member_src {
	const struct sahifa_archive_member *m;
	const unsigned char *pre;
	size_t pre_len, pre_pos;
	int failed;
	struct sahifa_error err;
};

static long long member_src_read(void *ctx, void *buf, size_t size, struct sahifa_error *err)
{
	struct member_src *s = ctx;
	long long n;

	if (s->pre_pos < s->pre_len) {
		size_t k = s->pre_len - s->pre_pos;

		if (k > size)
			k = size;
		memcpy(buf, s->pre + s->pre_pos, k);
		s->pre_pos += k;
		return (long long)k;
	}
	if (s->failed)
		return 0;
	n = shf_archive_member_read(s->m, buf, size, &s->err);
	if (n < 0) {
		s->failed = 1;
		if (err)
			*err = s->err;
		if (err && err->status != SAHIFA_ERR_DATA && err->status != SAHIFA_ERR_NOMEM)
			err->status = SAHIFA_ERR_DATA;  /* the member ends here; the walk says more */
	}
	return n;
}

/* How the member whose first bytes are in w->buf is read as a WARC, or -1 when it is
 * none.  A compressed stream other than gzip is read on, up to
 * SAHIFA_MAX_WARC_SNIFF_BYTES, until its first decompressed bytes show (*eof when the
 * member ended meanwhile).  *st is non-OK when reading failed (DATA: a reject was
 * emitted). */
static int member_warc_source(struct walker *w, const char *name,
			      const struct sahifa_archive_member *m, enum sahifa_status *st,
			      int *eof)
{
	const unsigned char *head = (const unsigned char *)(w->buf.data ? w->buf.data : "");
	unsigned char peek[16];
	size_t n, len = w->buf.len, upto;

	*st = SAHIFA_OK;
	if (shf_warc_sniff(head, len))
		return SAHIFA_WARC_PLAIN;
	if (len >= 3 && head[0] == 0x1F && head[1] == 0x8B && head[2] == 8) {
		n = shf_gz_peek(head, len, peek, sizeof(peek));
		if (shf_warc_sniff(peek, n) || w->opt.warc == SAHIFA_WARC_ALWAYS)
			return SAHIFA_WARC_GZIP;
		return -1;
	}
	if (!shf_archive_sniff(head, len) || shf_archive_sniff_container(head, len))
		return w->opt.warc == SAHIFA_WARC_ALWAYS ? SAHIFA_WARC_PLAIN : -1;
	if (w->opt.warc == SAHIFA_WARC_ALWAYS)
		return SAHIFA_WARC_FILTERED;
	for (upto = (size_t)4 << 10;; upto *= 4) {
		if (upto > SAHIFA_MAX_WARC_SNIFF_BYTES)
			upto = SAHIFA_MAX_WARC_SNIFF_BYTES;
		if (!*eof && member_fill(w, name, m, upto, eof, st)) {
			if (*st == SAHIFA_OK || *st == SAHIFA_ERR_DATA)
				*st = SAHIFA_ERR_DATA;
			return -1;
		}
		n = shf_archive_peek_mem(w->buf.data, w->buf.len, peek, sizeof(peek));
		if (n >= WARC_MAGIC_BYTES || *eof || upto == SAHIFA_MAX_WARC_SNIFF_BYTES)
			return shf_warc_sniff(peek, n) ? SAHIFA_WARC_FILTERED : -1;
	}
}

static enum sahifa_status walk_member_warc(struct walker *w, const char *name,
					   const struct sahifa_archive_member *m, int src)
{
	char label[SAHIFA_ERROR_PATH_MAX];
	struct member_src ms;
	struct warc_in in;
	enum sahifa_status st;
	size_t plen = 0;
	char *pre = NULL;

	memset(&ms, 0, sizeof(ms));
	memset(&in, 0, sizeof(in));
	sahifa_member_path(name, m->name, label, sizeof(label));
	ms.m = m;
	in.name = name;
	in.member = m->name;
	in.label = label;
	in.fd = -1;
	in.rd = member_src_read;
	in.rd_ctx = &ms;
	in.src = (enum sahifa_warc_source)src;
	in.size = m->size > 0 ? (unsigned long long)m->size : 0;
	/* the reader's records reuse w->buf: the sniffed bytes are handed over first */
	pre = sahifa_buf_detach(&w->buf, &plen);
	sahifa_buf_init(&w->buf, w->limit + 1 + SAHIFA_MAX_HTTP_HEADER_BYTES);
	if (!pre && plen)
		return fatal_nomem(w);
	if (src == SAHIFA_WARC_FILTERED) {
		ms.pre = (const unsigned char *)pre;
		ms.pre_len = plen;
	} else {
		in.prefix = pre;
		in.prefix_len = plen;
	}
	st = walk_warc(w, &in);
	free(pre);
	if (!st && ms.failed && ms.err.status != SAHIFA_ERR_DATA) {
		/* a limit of the archive: the walk stops with it, as for any member */
		if (w->err)
			*w->err = ms.err;
		return ms.err.status;
	}
	if (ms.failed && w->err && w->err->status == SAHIFA_ERR_DATA)
		sahifa_error_clear(w->err);  /* reported at its offset; the walk goes on */
	return st;
}

/* How a file whose first bytes are head is read as a WARC, or -1 when it is none. */
static int warc_source(struct walker *w, const char *path, const unsigned char *head, size_t len,
		       int no_reopen)
{
	unsigned char peek[SNIFF_BYTES];
	size_t n;

	if (w->opt.warc == SAHIFA_WARC_NEVER)
		return -1;
	if (shf_warc_sniff(head, len))
		return SAHIFA_WARC_PLAIN;
	/* an archive of members (also compressed: .tar.gz) is walked, its members read as
	 * WARCs when they are, so --format warc reads a tar of crawls too */
	if (shf_archive_sniff_container(head, len))
		return -1;
	if (len >= 3 && head[0] == 0x1F && head[1] == 0x8B && head[2] == 8) {
		n = shf_gz_peek(head, len, peek, sizeof(peek));
		if (shf_warc_sniff(peek, n))
			return SAHIFA_WARC_GZIP;
		if (w->opt.warc == SAHIFA_WARC_ALWAYS && !shf_archive_sniff_container(peek, n))
			return SAHIFA_WARC_GZIP;
		return -1;
	}
	if (!no_reopen && shf_archive_sniff(head, len)) {
		struct sahifa_archive_stream *s;
		struct sahifa_error e;
		long long k = 0, got = 0;

		if (shf_archive_stream_open(path, &s, &e))
			return w->opt.warc == SAHIFA_WARC_ALWAYS ? SAHIFA_WARC_FILTERED : -1;
		while (got < (long long)sizeof(peek) &&
		       (k = shf_archive_stream_read(s, peek + got, sizeof(peek) - (size_t)got,
						   &e)) > 0)
			got += k;
		shf_archive_stream_close(s);
		if (shf_warc_sniff(peek, (size_t)got))
			return SAHIFA_WARC_FILTERED;
		if (w->opt.warc == SAHIFA_WARC_ALWAYS &&
		    !shf_archive_sniff_container(peek, (size_t)got))
			return SAHIFA_WARC_FILTERED;
		return -1;
	}
	return w->opt.warc == SAHIFA_WARC_ALWAYS ? SAHIFA_WARC_PLAIN : -1;
}

/* ---- files, stdin, directories ---- */

/* 1 when the file open as fd is no longer what was read: its size or modification
 * time moved since sb was taken, or fewer or more bytes than its size came. */
static int sb_changed(int fd, const struct stat *sb, size_t got)
{
	struct stat now;

	if (fstat(fd, &now))
		return 1;
	return now.st_size != sb->st_size || (unsigned long long)sb->st_size != got ||
	       now.st_mtim.tv_sec != sb->st_mtim.tv_sec || now.st_mtim.tv_nsec != sb->st_mtim.tv_nsec;
}

static enum sahifa_status walk_fd(struct walker *w, const char *name, int fd, int is_stdin)
{
	enum read_result r;
	int eof = 0, e = 0;

	struct stat sb;
	int regular = !fstat(fd, &sb) && S_ISREG(sb.st_mode);

	sahifa_buf_reset(&w->buf);
	r = read_fd(w, fd, SNIFF_BYTES, &eof, &e);
	/* A regular file that came whole in one read shorter than asked for is at its
	 * end: no second read to hear it (the size is checked again below). */
	if (r == READ_OK && !eof && regular && !is_stdin && w->buf.len < READ_CHUNK &&
	    (unsigned long long)sb.st_size == w->buf.len)
		eof = 1;
	if (r == READ_OK) {
		/* stdin, a pipe or a FIFO cannot be opened again to look inside */
		int src = warc_source(w, name, (const unsigned char *)w->buf.data, w->buf.len,
				      is_stdin || !regular);

		if (src >= 0) {
			/* a WARC file goes whole to one share */
			if (w->shard && !is_stdin && !shf_input_shard_keep_file(w->shard, name))
				return SAHIFA_OK;
			struct warc_in in;

			memset(&in, 0, sizeof(in));
			in.name = in.label = name;
			in.fd = fd;
			in.src = (enum sahifa_warc_source)src;
			in.prefix = w->buf.data;
			in.prefix_len = w->buf.len;
			in.size = regular ? (unsigned long long)sb.st_size : 0;
			return walk_warc(w, &in);
		}
	}
	if (r == READ_OK && !is_stdin && regular &&
	    shf_archive_sniff((const unsigned char *)w->buf.data, w->buf.len))
		return walk_archive(w, name, name, NULL, 0);
	if (w->shard && !is_stdin && !shf_input_shard_keep_file(w->shard, name))
		return SAHIFA_OK;  /* another share's file: not read further */
	if (r == READ_OK && !eof) {
		/* A file's size says at once whether it fits, and sizes the buffer once; a
		 * pipe gets the whole limit at once (pages it never fills cost nothing), not
		 * a chain of copies. */
		size_t target = w->limit + 1;

		if (regular && (unsigned long long)sb.st_size > w->limit)
			return emit_too_large(w, name, NULL, (unsigned long long)sb.st_size);
		if (regular)
			target = (size_t)sb.st_size;
		if (target > w->buf.len && sahifa_buf_grow(&w->buf, target - w->buf.len))
			return fatal_nomem(w);
	}
	if (r == READ_OK && !eof)
		r = read_fd(w, fd, w->limit + 1, &eof, &e);
	switch (r) {
	case READ_NOMEM:
		return fatal_nomem(w);
	case READ_ERRNO:
		return emit_errno(w, name, "cannot read", e);
	case READ_TOO_LARGE:
		return emit_too_large(w, name, NULL, 0);
	case READ_OK:
		break;
	}
	if (regular && !is_stdin && sb_changed(fd, &sb, w->buf.len))
		return emit_error(w, name, NULL, SAHIFA_ERR_IO,
				  "changed while read (%llu bytes at the start, %zu read)",
				  (unsigned long long)sb.st_size, w->buf.len);
	if (regular && !is_stdin) {
		enum sahifa_status st;

		w->file_id = 1;
		w->file_dev = (unsigned long long)sb.st_dev;
		w->file_ino = (unsigned long long)sb.st_ino;
		st = emit_data(w, name, NULL);
		w->file_id = 0;
		return st;
	}
	if (shf_archive_sniff((const unsigned char *)w->buf.data, w->buf.len)) {
		/* An archive on stdin or a pipe is read from memory (its first bytes are
		 * read already, it cannot be opened again), so it is bound by the article
		 * limit. */
		size_t alen;
		char *arch = sahifa_buf_detach(&w->buf, &alen);
		enum sahifa_status st;

		if (!arch)
			return fatal_nomem(w);
		sahifa_buf_init(&w->buf, w->limit + 1);
		st = walk_archive(w, name, NULL, arch, alen);
		free(arch);
		return st;
	}
	return emit_data(w, name, NULL);
}

/* The file at path, opened as name in the folder open as dir when dir is one (>= 0):
 * the kernel then looks up one name, not every folder of the path again. */
static enum sahifa_status walk_file_at(struct walker *w, int dir, const char *name,
				       const char *path)
{
	enum sahifa_status st;
	int fd = dir >= 0 ? openat(dir, name, O_RDONLY | O_CLOEXEC) : open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return emit_errno(w, path, "cannot open", errno);
	st = walk_fd(w, path, fd, 0);
	close(fd);
	return st;
}

static enum sahifa_status walk_file(struct walker *w, const char *path)
{
	return walk_file_at(w, -1, NULL, path);
}

/* A directory's entry: its name and what readdir says it is (DT_REG, DT_DIR, ...;
 * DT_UNKNOWN where the file system does not say). */
struct dent {
	char *name;
	unsigned char type;
};

static int cmp_names(const void *a, const void *b)
{
	return strcmp(((const struct dent *)a)->name, ((const struct dent *)b)->name);
}

static void free_names(struct dent *names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(names[i].name);
	free(names);
}

/* 1 for the name of a temporary file an output left behind when its writer was killed
 * (sahifa_outfile's ".NAME.tmp-XXXXXX", pack's ".sahifa-pack-XXXXXX"). */
static int is_leftover_temporary(const char *name)
{
	size_t n = strlen(name);

	return name[0] == '.' &&
	       ((n > 12 && !memcmp(name + n - 11, ".tmp-", 5)) ||
		(n == 19 && !memcmp(name, ".sahifa-pack-", 13)));
}

/* Entries of a directory except those starting with '.' (but for leftover temporaries,
 * which are reported), in strcmp (byte) order. */
static int read_names(const char *path, struct dent **out, size_t *count)
{
	DIR *d = opendir(path);
	struct dirent *de;
	struct dent *names = NULL;
	size_t n = 0, cap = 0;

	*out = NULL;
	*count = 0;
	if (!d)
		return -1;
	errno = 0;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.' && !is_leftover_temporary(de->d_name))
			continue;
		if (SHF_ARRAY_GROW(names, n, cap, 32))
			goto nomem;
		if (!(names[n].name = sahifa_strdup(de->d_name)))
			goto nomem;
		names[n].type = de->d_type;
		n++;
	}
	if (errno) {
		int e = errno;

		closedir(d);
		free_names(names, n);
		errno = e;
		return -1;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_names);
	*out = names;
	*count = n;
	return 0;
nomem:
	closedir(d);
	free_names(names, n);
	errno = ENOMEM;
	return -1;
}

static enum sahifa_status walk_path(struct walker *w, const char *path);

static enum sahifa_status walk_dir(struct walker *w, const char *path, const struct stat *sb)
{
	struct dent *names;
	size_t n, i;
	int k, dir;
	enum sahifa_status st = SAHIFA_OK;

	for (k = 0; k < w->depth; k++)
		if (w->dev[k] == sb->st_dev && w->ino[k] == sb->st_ino)
			return emit_error(w, path, NULL, SAHIFA_ERR_DATA,
					  "directory loop (a symbolic link to a parent)");
	if (w->depth > SAHIFA_MAX_DIR_DEPTH)
		return emit_error(w, path, NULL, SAHIFA_ERR_LIMIT,
				  "directories nested deeper than %d", SAHIFA_MAX_DIR_DEPTH);
	k = dir_seen(w, sb->st_dev, sb->st_ino);
	if (k < 0)
		return fatal_nomem(w);
	if (k) {
		struct sahifa_input_item item = { 0 };

		item.name = path;
		item.skip = "folder walked already";
		return deliver(w, &item);
	}
	if (read_names(path, &names, &n)) {
		if (errno == ENOMEM)
			return fatal_nomem(w);
		return emit_errno(w, path, "cannot read directory", errno);
	}
	/* its files are opened by name in it (without the folder open, by their paths) */
	dir = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	w->dev[w->depth] = sb->st_dev;
	w->ino[w->depth] = sb->st_ino;
	w->depth++;
	for (i = 0; i < n && !st; i++) {
		struct sahifa_buf child = SAHIFA_BUF_INIT;
		size_t plen = strlen(path);

		if (sahifa_buf_append(&child, path, plen) ||
		    (plen && path[plen - 1] != '/' && sahifa_buf_append_char(&child, '/')) ||
		    sahifa_buf_append_str(&child, names[i].name)) {
			sahifa_buf_release(&child);
			st = fatal_nomem(w);
			break;
		}
		if (is_leftover_temporary(names[i].name)) {
			struct sahifa_input_item item = { 0 };

			item.name = child.data;
			item.skip = "temporary";
			st = deliver(w, &item);
		} else if (names[i].type == DT_REG && !(w->shard && w->shard->fingerprint)) {
			/* a regular file, as readdir says: opened at once, its fstat the
			 * check (a sharded run's fingerprint needs every size: walk_path) */
			st = walk_file_at(w, dir, names[i].name, child.data);
		} else {
			st = walk_path(w, child.data);
		}
		sahifa_buf_release(&child);
	}
	w->depth--;
	if (dir >= 0)
		close(dir);
	free_names(names, n);
	return st;
}

/* A path found in a directory or given: stat follows symbolic links. */
static enum sahifa_status walk_path(struct walker *w, const char *path)
{
	struct stat sb;

	if (stat(path, &sb)) {
		shf_input_shard_note(w->shard, path, -1);
		return emit_errno(w, path, "cannot open", errno);
	}
	shf_input_shard_note(w->shard, path, S_ISDIR(sb.st_mode) ? -2 : (long long)sb.st_size);
	if (S_ISDIR(sb.st_mode))
		return walk_dir(w, path, &sb);
	if (!S_ISREG(sb.st_mode) && w->depth)
		return emit_error(w, path, NULL, SAHIFA_ERR_DATA, "not a regular file");
	/* A given pipe or device is read (e.g. a shell's <(...)), one found in a
	 * directory is not. */
	return walk_file(w, path);
}

enum sahifa_status sahifa_input_walk(const char *const *paths, size_t n, sahifa_input_fn fn,
				     void *ctx, struct sahifa_error *err)
{
	return sahifa_input_walk_opts(paths, n, NULL, fn, ctx, err);
}

enum sahifa_status sahifa_input_walk_opts(const char *const *paths, size_t n,
					  const struct sahifa_input_options *opts,
					  sahifa_input_fn fn, void *ctx, struct sahifa_error *err)
{
	const struct sahifa_input_shard *s = opts ? opts->shard : NULL;
	struct walker w;
	size_t i;
	enum sahifa_status st = SAHIFA_OK;

	memset(&w, 0, sizeof(w));
	w.fn = fn;
	w.ctx = ctx;
	w.err = err;
	w.limit = SAHIFA_MAX_ARTICLE_BYTES;
	w.shard = s;
	/* room for a WARC response: its HTTP head, then a body up to the limit + 1 */
	sahifa_buf_init(&w.buf, w.limit + 1 + SAHIFA_MAX_HTTP_HEADER_BYTES);
	sahifa_buf_init(&w.tmp, w.limit + 1);
	sahifa_buf_init(&w.dec, w.limit + ((size_t)256 << 10));
	if (opts)
		w.opt = *opts;
	for (i = 0; i < n && !st; i++) {
		if (!strcmp(paths[i], "-")) {
			shf_input_shard_note(s, "-", -3);
			st = walk_fd(&w, "-", STDIN_FILENO, 1);
		} else
			st = walk_path(&w, paths[i]);
	}
	sahifa_buf_release(&w.buf);
	free(w.seen);
	sahifa_buf_release(&w.tmp);
	sahifa_buf_release(&w.dec);
	return st;
}
