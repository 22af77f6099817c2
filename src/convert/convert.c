/*
 * convert: inputs -> records, as a streaming ordered pipeline.  The input walker hands
 * over one input at a time on the calling thread, which copies it into the next slot
 * of a ring (bounded in count and bytes) and queues it on the run's pool; the workers
 * convert the oldest queued slot into a JSON line or a reject; the calling thread
 * writes finished slots strictly in input order as soon as the oldest one is done, and
 * when the ring is full it converts queued slots itself until the oldest is done.  So
 * the output and the messages never depend on the thread count, and -j 1 (no pool)
 * converts and writes each input as it comes, with no thread at all.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sahifa/buf.h"
#include "core/pool.h"
#include "sahifa/convert.h"
#include "sahifa/corpus.h"
#include "sahifa/html.h"
#include "sahifa/input.h"
#include "sahifa/limits.h"
#include "sahifa/lid.h"
#include "sahifa/outfile.h"
#include "sahifa/sha256.h"
#include "sahifa/utf8.h"
#include "convert/shard_internal.h"

/* True when the segmenter found nothing worth a record. */
static int article_is_empty(const struct sahifa_article *a)
{
	return !a->headline && a->stats.paragraphs == 0 && a->n_captions == 0;
}

/* Copy a WARC reference into the record's source; 0 ok, -1 out of memory. */
static int copy_warc(struct sahifa_source *s, const struct sahifa_warc_ref *w)
{
	if (!w)
		return 0;
	s->has_warc = 1;
	s->warc.offset = w->offset;
	return sahifa_article_set_str(&s->warc.file, w->file, w->file ? strlen(w->file) : 0) ||
	       sahifa_article_set_str(&s->warc.record_id, w->record_id,
				      w->record_id ? strlen(w->record_id) : 0) ||
	       sahifa_article_set_str(&s->warc.date, w->date, w->date ? strlen(w->date) : 0) ||
	       sahifa_article_set_str(&s->warc.target_uri, w->target_uri,
				      w->target_uri ? strlen(w->target_uri) : 0) ? -1 : 0;
}

/* The name an input's messages carry: file!member, or a WARC record's file@offset.
 * Made only for a message: most inputs never need it. */
static const char *item_path(const struct sahifa_input_item *item, char *path, size_t size)
{
	sahifa_member_path(item->name, item->member, path, size);
	if (item->warc)  /* a WARC record is named by its offset: file.warc.gz@offset */
		snprintf(path, size, "%s@%llu", item->warc->file ? item->warc->file : item->name,
			 (unsigned long long)item->warc->offset);
	return path;
}

enum sahifa_status sahifa_convert_one(const struct sahifa_convert_options *opts,
				      const struct sahifa_input_item *item,
				      struct sahifa_article *a, struct sahifa_error *err)
{
	const char *name = item->name, *member = item->member;
	const unsigned char *raw = item->data ? item->data : (const unsigned char *)"";
	size_t len = item->len;
	struct sahifa_decoded dec;
	enum sahifa_status st;
	char path[SAHIFA_ERROR_PATH_MAX];

	if (sahifa_article_set_str(&a->source.name, name, strlen(name)) ||
	    sahifa_article_set_str(&a->source.member, member, member ? strlen(member) : 0) ||
	    copy_warc(&a->source, item->warc))
		return sahifa_error_nomem(err, item_path(item, path, sizeof(path)));
	if (item->warc && item->warc->target_uri &&
	    sahifa_article_set_str(&a->url, item->warc->target_uri, strlen(item->warc->target_uri)))
		return sahifa_error_nomem(err, item_path(item, path, sizeof(path)));
	a->source.bytes = len;
	if ((st = sahifa_sha256_hex(raw, len, a->source.sha256)))
		return sahifa_error_set(err, st, item_path(item, path, sizeof(path)), 0, 0,
					"cannot hash the input");
	memcpy(a->id, a->source.sha256, SAHIFA_ID_HEX);
	a->id[SAHIFA_ID_HEX] = '\0';

	/* HTML: asked for, or auto and the container's type or the first markup says so */
	if (opts->format == SAHIFA_FORMAT_HTML ||
	    (opts->format == SAHIFA_FORMAT_AUTO &&
	     (sahifa_html_type(item->content_type) || sahifa_html_sniff(raw, len)))) {
		st = sahifa_html_convert(opts->rules, raw, len, item->declared_charset,
					 opts->on_invalid, a, err);
		goto tag;
	}
	sahifa_decoded_init(&dec);
	st = sahifa_decode(raw, len, opts->on_invalid, &dec, err);
	if (!st) {
		/* the same SAHIFA_ENCODING_MAX array, NUL-terminated: copied whole */
		_Static_assert(sizeof(a->source.encoding) == sizeof(dec.encoding),
			       "encoding names of one size");
		memcpy(a->source.encoding, dec.encoding, sizeof(a->source.encoding));
		st = sahifa_segment(opts->rules, dec.text.data ? dec.text.data : "", dec.text.len, a,
				    err);
		a->stats.replaced = dec.replaced;
	}
	sahifa_decoded_release(&dec);
tag:
	if (!st && article_is_empty(a) && !strcmp(a->source.format, "html"))
		st = a->n_removed
			     ? sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
						"no article text: all %llu text blocks of the page "
						"are removed", (unsigned long long)a->n_removed)
			     : sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
						"no article text: the page shows no text");
	if (!st && article_is_empty(a))
		st = sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
				      "no article text: all %llu lines are blank or removed",
				      (unsigned long long)a->stats.lines);
	if (!st)
		st = sahifa_lid_tag_article(a, err);
	if (!st)
		st = sahifa_quality_compute(a, err);
	if (st)
		sahifa_error_set_path(err, item_path(item, path, sizeof(path)));
	return st;
}

/* One input of a batch: what the walker gave, and what conversion made of it. */
struct slot {
	char *name, *member;
	char *content_type, *declared_charset;
	struct sahifa_warc_ref warc;
	int has_warc;
	unsigned char *data;         /* the input's bytes, copied: a worker converts them */
	const unsigned char *view;   /* ... or, with no pool, the walker's own, converted
				      * and written before the walker moves on */
	size_t len;
	int unread;                  /* the walker could not read it: err holds why */
	struct sahifa_error err;
	enum sahifa_status st;       /* conversion status */
	struct sahifa_buf line;      /* the JSON record when st == OK */
	unsigned long long replaced; /* invalid bytes replaced in it */
	unsigned long long name_bad; /* invalid bytes replaced in its name and member */
	char sha256[65];
	const struct sahifa_convert_options *opts;
	struct shf_pool_task task;   /* its conversion, on the pool */
};

struct run {
	const struct sahifa_convert_options *opts;
	/* the ring: n slots from head on, in input order, holding bytes of input */
	struct slot slots[SAHIFA_CONVERT_RING];
	size_t head, n, bytes;
	unsigned threads;
	struct shf_pool *pool;       /* NULL with one thread: each slot converted at once */
	int write_failed;            /* writing stopped on a fatal error: the ring is dropped */
	struct sahifa_outfile out, rejects;
	int have_rejects;
	sahifa_diag_fn diag;
	void *diag_ctx;
	struct sahifa_convert_summary *sum;
	struct sahifa_error *err;    /* fatal error of the run */
	struct sahifa_input_shard share; /* a sharded run's share and fingerprint */
	/* the run's own files (targets as they were, temporaries): never inputs */
	struct { dev_t dev; ino_t ino; } own[4];
	size_t n_own;
};

/* Note the file at path (or open as fp) as one of the run's own. */
static void own_add(struct run *r, const char *path, FILE *fp)
{
	struct stat sb;

	if (r->n_own < sizeof(r->own) / sizeof(r->own[0]) &&
	    (fp ? fstat(fileno(fp), &sb) : stat(path, &sb)) == 0 && S_ISREG(sb.st_mode)) {
		r->own[r->n_own].dev = sb.st_dev;
		r->own[r->n_own].ino = sb.st_ino;
		r->n_own++;
	}
}

/* 1 when a file input is the run's own output, an earlier one, or its temporary. */
static int is_own(const struct run *r, const struct sahifa_input_item *item)
{
	struct stat sb;
	unsigned long long dev = item->dev, ino = item->ino;
	size_t i;

	if (!r->n_own || item->member || !strcmp(item->name, "-"))
		return 0;
	if (!item->file_id) {   /* the walker did not say which file it read: ask */
		if (stat(item->name, &sb))
			return 0;
		dev = (unsigned long long)sb.st_dev;
		ino = (unsigned long long)sb.st_ino;
	}
	for (i = 0; i < r->n_own; i++)
		if ((unsigned long long)r->own[i].dev == dev &&
		    (unsigned long long)r->own[i].ino == ino)
			return 1;
	return 0;
}

static void slot_clear(struct slot *s)
{
	free(s->name);
	free(s->member);
	free(s->content_type);
	free(s->declared_charset);
	free(s->warc.file);
	free(s->warc.record_id);
	free(s->warc.date);
	free(s->warc.target_uri);
	free(s->data);
	sahifa_buf_release(&s->line);
	memset(s, 0, sizeof(*s));
}

static void convert_slot(const struct sahifa_convert_options *opts, struct slot *s)
{
	struct sahifa_article a;
	struct sahifa_input_item item;

	if (s->unread)
		return;
	memset(&item, 0, sizeof(item));
	item.name = s->name;
	item.member = s->member;
	item.data = s->data ? s->data : s->view;
	item.len = s->len;
	item.content_type = s->content_type;
	item.declared_charset = s->declared_charset;
	item.warc = s->has_warc ? &s->warc : NULL;
	sahifa_article_init(&a);
	sahifa_buf_init(&s->line, SAHIFA_MAX_JSONL_LINE_BYTES);
	s->st = sahifa_convert_one(opts, &item, &a, &s->err);
	memcpy(s->sha256, a.source.sha256, sizeof(s->sha256));
	s->replaced = a.stats.replaced;
	if (!s->st)
		s->st = sahifa_article_to_json(&a, &s->line, &s->err);
	sahifa_article_release(&a);
	free(s->data);
	s->data = NULL;
	s->view = NULL;
}

/* One slot of the ring, on whichever thread of the pool takes it. */
static void convert_task(void *arg, unsigned thread)
{
	struct slot *s = arg;

	convert_slot(s->opts, s);
}

/* A failed input: report it, count it, and write it to --rejects. */
static enum sahifa_status reject(struct run *r, struct slot *s)
{
	struct sahifa_buf line = SAHIFA_BUF_INIT;
	enum sahifa_status st = SAHIFA_OK;

	s->err.severity = SAHIFA_FAILED;
	if (!s->err.path[0]) {
		char path[SAHIFA_ERROR_PATH_MAX];

		sahifa_member_path(s->name, s->member, path, sizeof(path));
		sahifa_error_set_path(&s->err, path);
	}
	if (r->diag)
		r->diag(r->diag_ctx, &s->err);
	r->sum->rejects++;
	if (!r->have_rejects)
		return SAHIFA_OK;
	sahifa_buf_init(&line, 0);
	st = sahifa_reject_to_json(s->name, s->member, s->len, s->unread ? NULL : s->sha256,
				   &s->err, &line);
	if (!st)
		st = sahifa_buf_append_char(&line, '\n');
	if (!st)
		st = sahifa_outfile_write(&r->rejects, line.data, line.len, r->err);
	else
		st = sahifa_error_set(r->err, st, NULL, 0, 0, "out of memory");
	sahifa_buf_release(&line);
	return st;
}

/* Write one converted slot: its name warning, then its record or its reject; a
 * fatal conversion error of the slot stops the run. */
static enum sahifa_status write_slot(struct run *r, struct slot *s)
{
	enum sahifa_status st;

	if (s->name_bad) {
		struct sahifa_error w;
		char path[SAHIFA_ERROR_PATH_MAX];

		sahifa_member_path(s->name, s->member, path, sizeof(path));
		sahifa_error_set(&w, SAHIFA_ERR_DATA, path, 0, 0,
				 "name is not valid UTF-8: %llu bytes replaced by U+FFFD",
				 s->name_bad);
		w.severity = SAHIFA_WARNING;
		if (r->diag)
			r->diag(r->diag_ctx, &w);
		r->sum->replaced += s->name_bad;
	}
	if (s->unread || (s->st && sahifa_error_grade(&s->err, s->st) == SAHIFA_FAILED))
		return reject(r, s);
	if (s->st) {
		*r->err = s->err;
		return s->st;
	}
	r->sum->records++;
	r->sum->replaced += s->replaced;
	st = sahifa_buf_append_char(&s->line, '\n');
	if (st)
		return sahifa_error_set(r->err, st, NULL, 0, 0, "out of memory");
	return sahifa_outfile_write(&r->out, s->line.data, s->line.len, r->err);
}

/* Write the finished slots at the head of the ring, in input order, and free them. */
static enum sahifa_status ring_write(struct run *r)
{
	enum sahifa_status st = SAHIFA_OK;

	while (!st && r->n && shf_pool_done(r->pool, &r->slots[r->head].task)) {
		struct slot *s = &r->slots[r->head];

		st = write_slot(r, s);
		r->bytes -= s->len;
		slot_clear(s);
		r->head = (r->head + 1) % SAHIFA_CONVERT_RING;
		if (!--r->n)
			r->head = 0;  /* an empty ring starts over: -j 1 uses one slot */
	}
	if (st)
		r->write_failed = 1;
	return st;
}

/* Write slots while the ring holds keep of them or more (0: until it is empty) or its
 * bytes are at the limit: while the oldest is not done, this thread converts the
 * oldest queued slot itself, or waits for a worker when every one is taken. */
static enum sahifa_status ring_flush(struct run *r, size_t keep)
{
	enum sahifa_status st = SAHIFA_OK;

	while (!st && r->n && (r->n >= keep || r->bytes >= SAHIFA_CONVERT_RING_BYTES)) {
		shf_pool_wait(r->pool, &r->slots[r->head].task);
		st = ring_write(r);
	}
	return st;
}

/* Free what the ring still holds once the pool is stopped (a run stopped early). */
static void ring_clear(struct run *r)
{
	for (; r->n; r->n--) {
		slot_clear(&r->slots[r->head]);
		r->head = (r->head + 1) % SAHIFA_CONVERT_RING;
	}
	r->bytes = 0;
}

/* Count an input that is not an article by design, per reason. */
static void count_skip(struct sahifa_convert_summary *sum, const char *reason)
{
	size_t i;

	sum->inputs++;
	sum->skipped++;
	for (i = 0; i < sum->n_skips; i++)
		if (!strcmp(sum->skips[i].reason, reason))
			break;
	if (i == sum->n_skips) {
		if (i == SAHIFA_SKIP_REASONS_MAX)
			reason = "other", i = SAHIFA_SKIP_REASONS_MAX - 1;
		else
			sum->skips[sum->n_skips++].reason = reason;
	}
	sum->skips[i].n++;
}

/* A copy of a file or member name with every byte that is not part of a valid UTF-8
 * sequence replaced by U+FFFD (*bad counts them), so that the record's JSON stays valid
 * UTF-8 whatever the file system or a zip's code page held. */
static char *dup_name(const char *s, int *failed, unsigned long long *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len, i = 0;
	struct sahifa_buf b = SAHIFA_BUF_INIT;
	char *d;

	if (!s)
		return NULL;
	len = strlen(s);
	if (sahifa_utf8_valid(s, len, NULL)) {
		if (!(d = sahifa_strdup(s)))
			*failed = 1;
		return d;
	}
	while (i < len && !*failed) {
		uint32_t cp;
		size_t n = sahifa_utf8_decode(u + i, len - i, &cp);

		if (n) {
			*failed |= sahifa_buf_append(&b, s + i, n) != SAHIFA_OK;
			i += n;
		} else {
			*failed |= sahifa_buf_append(&b, "\xEF\xBF\xBD", 3) != SAHIFA_OK;
			(*bad)++;
			i++;
		}
	}
	d = *failed ? NULL : sahifa_buf_detach(&b, NULL);
	if (!d)
		*failed = 1;
	sahifa_buf_release(&b);
	return d;
}

static char *dup_or_null(const char *s, int *failed)
{
	char *d;

	if (!s)
		return NULL;
	if (!(d = sahifa_strdup(s)))
		*failed = 1;
	return d;
}

static enum sahifa_status on_item(void *ctx, const struct sahifa_input_item *item)
{
	struct run *r = ctx;
	struct slot *s = &r->slots[(r->head + r->n) % SAHIFA_CONVERT_RING];
	int failed = 0;
	enum sahifa_status st;

	if (is_own(r, item)) {
		count_skip(r->sum, "output");
		return SAHIFA_OK;
	}
	if (item->skip) {
		count_skip(r->sum, item->skip);
		return SAHIFA_OK;
	}
	memset(s, 0, sizeof(*s));
	s->name = dup_name(item->name, &failed, &s->name_bad);
	s->member = dup_name(item->member, &failed, &s->name_bad);
	s->content_type = dup_or_null(item->content_type, &failed);
	s->declared_charset = dup_or_null(item->declared_charset, &failed);
	if (item->warc) {
		s->has_warc = 1;
		s->warc.offset = item->warc->offset;
		s->warc.file = dup_or_null(item->warc->file, &failed);
		s->warc.record_id = dup_or_null(item->warc->record_id, &failed);
		s->warc.date = dup_or_null(item->warc->date, &failed);
		s->warc.target_uri = dup_or_null(item->warc->target_uri, &failed);
	}
	if (failed || !s->name)
		goto nomem;
	if (item->error) {
		s->unread = 1;
		s->err = *item->error;
	} else if (!r->pool) {
		/* one thread: converted at once below, no copy */
		s->view = item->data ? item->data : (const unsigned char *)"";
	} else {
		s->data = malloc(item->len ? item->len : 1);
		if (!s->data)
			goto nomem;
		memcpy(s->data, item->data, item->len);
	}
	s->len = item->len;
	s->opts = r->opts;
	s->task.fn = convert_task;
	s->task.arg = s;
	r->n++;
	r->bytes += item->len;
	r->sum->inputs++;
	r->sum->bytes_in += item->len;
	shf_pool_add(r->pool, &s->task);
	/* what is done goes out now; a full ring waits for room before the next input */
	st = ring_write(r);
	return st ? st : ring_flush(r, SAHIFA_CONVERT_RING);
nomem:
	slot_clear(s);
	return sahifa_error_nomem(r->err, item->name);
}

/* 1 when a and b name one file: the same string, or the same existing file, or the
 * same name in the same existing folder. */
static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	char *ra, *rb;
	int same;

	if (!strcmp(a, b))
		return strcmp(a, "-") != 0;
	if (!stat(a, &sa) && !stat(b, &sb))
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino && S_ISREG(sa.st_mode);
	{
		const char *ba = strrchr(a, '/'), *bb = strrchr(b, '/');
		struct sahifa_buf da = SAHIFA_BUF_INIT, db = SAHIFA_BUF_INIT;

		ba = ba ? ba + 1 : a;
		bb = bb ? bb + 1 : b;
		if (strcmp(ba, bb))
			return 0;
		if (sahifa_buf_append(&da, a, (size_t)(ba - a)) || sahifa_buf_append_str(&da, ".") ||
		    sahifa_buf_append(&db, b, (size_t)(bb - b)) || sahifa_buf_append_str(&db, ".")) {
			same = 0;
		} else {
			ra = realpath(da.data, NULL);
			rb = realpath(db.data, NULL);
			same = ra && rb && !strcmp(ra, rb);
			free(ra);
			free(rb);
		}
		sahifa_buf_release(&da);
		sahifa_buf_release(&db);
		return same;
	}
}

enum sahifa_status sahifa_convert_run(const struct sahifa_convert_options *opts,
				      const char *const *inputs, size_t n_inputs,
				      sahifa_diag_fn diag, void *diag_ctx,
				      struct sahifa_convert_summary *summary,
				      struct sahifa_error *err)
{
	struct run *r = calloc(1, sizeof(*r));
	enum sahifa_status st;

	memset(summary, 0, sizeof(*summary));
	if (!r)
		return sahifa_error_nomem(err, NULL);
	r->opts = opts;
	r->threads = shf_pool_threads(opts->threads);
	r->diag = diag;
	r->diag_ctx = diag_ctx;
	r->sum = summary;
	r->err = err;
	if (opts->output && opts->rejects && same_file(opts->output, opts->rejects))
		st = sahifa_error_set(err, SAHIFA_ERR_USAGE, opts->rejects, 0, 0,
				      "the rejects file is the output file");
	else
		st = SAHIFA_OK;
	if (!st) {
		if (opts->output && strcmp(opts->output, "-"))
			own_add(r, opts->output, NULL);
		if (opts->rejects && strcmp(opts->rejects, "-"))
			own_add(r, opts->rejects, NULL);
		st = sahifa_outfile_open(&r->out, opts->output, err);
	}
	if (!st && r->out.tmp)
		own_add(r, NULL, r->out.fp);
	if (!st && opts->rejects) {
		st = sahifa_outfile_open(&r->rejects, opts->rejects, err);
		r->have_rejects = !st;
		if (!st && r->rejects.tmp)
			own_add(r, NULL, r->rejects.fp);
	}
	if (!st && opts->shard)
		st = shf_shard_begin(opts, &r->share, err);
	if (!st) {
		/* --format: warc reads every file as a WARC, text and html none. */
		struct sahifa_input_options io;

		memset(&io, 0, sizeof(io));
		io.warc = opts->format == SAHIFA_FORMAT_WARC ? SAHIFA_WARC_ALWAYS
			  : opts->format == SAHIFA_FORMAT_AUTO ? SAHIFA_WARC_AUTO
							       : SAHIFA_WARC_NEVER;
		io.progress = opts->progress;
		io.progress_ctx = opts->progress_ctx;
		io.shard = opts->shard ? &r->share : NULL;
		r->pool = r->threads > 1 ? shf_pool_new(r->threads - 1) : NULL;
		st = sahifa_input_walk_opts(inputs, n_inputs, &io, on_item, r, err);
		if (!st) {
			st = ring_flush(r, 0);
		} else if (!r->write_failed) {
			/* the walk stopped: the inputs read before the stop are reported as a
			 * single-threaded run reports them, each as it was read; its error
			 * stays the run's */
			struct sahifa_error later;

			r->err = &later;
			ring_flush(r, 0);
			r->err = err;
		}
		shf_pool_free(r->pool);
		r->pool = NULL;
	}
	/* the rejects first: when they cannot be written, the output is not put in place */
	if (!st && r->have_rejects)
		st = sahifa_outfile_commit(&r->rejects, err);
	if (!st)
		st = sahifa_outfile_commit(&r->out, err);
	if (!st && opts->shard)
		st = shf_shard_end(opts, &r->share, summary, err);
	if (st) {
		sahifa_outfile_abort(&r->out);
		if (r->have_rejects)
			sahifa_outfile_abort(&r->rejects);
	}
	ring_clear(r);
	sahifa_sha256_free(r->share.fingerprint);
	free(r);
	return st;
}
