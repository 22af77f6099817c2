/*
 * convert: inputs -> records.  The input walker hands over one input at a time; they
 * are gathered into a batch (bounded in count and bytes), converted by worker threads
 * into JSON lines or rejects, and written in input order, so the output never depends
 * on the thread count.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/pool.h"
#include "sahifa/convert.h"
#include "sahifa/input.h"
#include "sahifa/limits.h"
#include "sahifa/lid.h"
#include "sahifa/outfile.h"
#include "sahifa/sha256.h"

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

	sahifa_member_path(name, member, path, sizeof(path));
	if (sahifa_article_set_str(&a->source.name, name, strlen(name)) ||
	    sahifa_article_set_str(&a->source.member, member, member ? strlen(member) : 0) ||
	    copy_warc(&a->source, item->warc))
		return sahifa_error_set(err, SAHIFA_ERR_NOMEM, path, 0, 0, "out of memory");
	if (item->warc && item->warc->target_uri &&
	    sahifa_article_set_str(&a->url, item->warc->target_uri, strlen(item->warc->target_uri)))
		return sahifa_error_set(err, SAHIFA_ERR_NOMEM, path, 0, 0, "out of memory");
	a->source.bytes = len;
	if ((st = sahifa_sha256_hex(raw, len, a->source.sha256)))
		return sahifa_error_set(err, st, path, 0, 0, "cannot hash the input");
	memcpy(a->id, a->source.sha256, SAHIFA_ID_HEX);
	a->id[SAHIFA_ID_HEX] = '\0';

	sahifa_decoded_init(&dec);
	st = sahifa_decode(raw, len, opts->on_invalid, &dec, err);
	if (!st) {
		snprintf(a->source.encoding, sizeof(a->source.encoding), "%s", dec.encoding);
		st = sahifa_segment(opts->rules, dec.text.data ? dec.text.data : "", dec.text.len, a,
				    err);
		a->stats.replaced = dec.replaced;
	}
	sahifa_decoded_release(&dec);
	if (!st && article_is_empty(a))
		st = sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
				      "no article text: all %llu lines are blank or removed",
				      (unsigned long long)a->stats.lines);
	if (!st)
		st = sahifa_lid_tag_article(a, err);
	if (st)
		sahifa_error_set_path(err, path);
	return st;
}

/* One input of a batch: what the walker gave, and what conversion made of it. */
struct slot {
	char *name, *member;
	char *content_type, *declared_charset;
	struct sahifa_warc_ref warc;
	int has_warc;
	unsigned char *data;
	size_t len;
	int unread;                  /* the walker could not read it: err holds why */
	struct sahifa_error err;
	enum sahifa_status st;       /* conversion status */
	struct sahifa_buf line;      /* the JSON record when st == OK */
	unsigned long long replaced; /* invalid bytes replaced in it */
	char sha256[65];
};

struct run {
	const struct sahifa_convert_options *opts;
	struct slot slots[SAHIFA_CONVERT_BATCH];
	size_t n, bytes;
	unsigned threads;
	struct sahifa_outfile out, rejects;
	int have_rejects;
	sahifa_diag_fn diag;
	void *diag_ctx;
	struct sahifa_convert_summary *sum;
	struct sahifa_error *err;    /* fatal error of the run */
};

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
	item.data = s->data;
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
}

/* One slot of the batch, on whichever thread of the pool takes it. */
static void convert_index(void *ctx, unsigned thread, size_t i)
{
	struct run *r = ctx;

	convert_slot(r->opts, &r->slots[i]);
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

static enum sahifa_status flush_batch(struct run *r)
{
	enum sahifa_status st = SAHIFA_OK;
	size_t i;

	shf_pool_run(r->threads, r->n, convert_index, r);
	for (i = 0; i < r->n && !st; i++) {
		struct slot *s = &r->slots[i];

		if (s->unread || (s->st && sahifa_error_grade(&s->err, s->st) == SAHIFA_FAILED)) {
			st = reject(r, s);
		} else if (s->st) {
			*r->err = s->err;
			st = s->st;
		} else {
			r->sum->records++;
			r->sum->replaced += s->replaced;
			st = sahifa_buf_append_char(&s->line, '\n');
			if (st)
				st = sahifa_error_set(r->err, st, NULL, 0, 0, "out of memory");
			else
				st = sahifa_outfile_write(&r->out, s->line.data, s->line.len, r->err);
		}
	}
	for (i = 0; i < r->n; i++)
		slot_clear(&r->slots[i]);
	r->n = 0;
	r->bytes = 0;
	return st;
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
	struct slot *s = &r->slots[r->n];
	int failed = 0;

	if (item->skip) {
		count_skip(r->sum, item->skip);
		return SAHIFA_OK;
	}
	memset(s, 0, sizeof(*s));
	s->name = dup_or_null(item->name, &failed);
	s->member = dup_or_null(item->member, &failed);
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
	} else {
		s->data = malloc(item->len ? item->len : 1);
		if (!s->data)
			goto nomem;
		memcpy(s->data, item->data, item->len);
	}
	s->len = item->len;
	r->n++;
	r->bytes += item->len;
	r->sum->inputs++;
	r->sum->bytes_in += item->len;
	if (r->n == SAHIFA_CONVERT_BATCH || r->bytes >= SAHIFA_CONVERT_BATCH_BYTES)
		return flush_batch(r);
	return SAHIFA_OK;
nomem:
	slot_clear(s);
	return sahifa_error_set(r->err, SAHIFA_ERR_NOMEM, item->name, 0, 0, "out of memory");
}

enum sahifa_status sahifa_convert_run(const struct sahifa_convert_options *opts,
				      const char *const *inputs, size_t n_inputs,
				      sahifa_diag_fn diag, void *diag_ctx,
				      struct sahifa_convert_summary *summary,
				      struct sahifa_error *err)
{
	struct run *r = calloc(1, sizeof(*r));
	enum sahifa_status st;
	size_t i;

	memset(summary, 0, sizeof(*summary));
	if (!r)
		return sahifa_error_set(err, SAHIFA_ERR_NOMEM, NULL, 0, 0, "out of memory");
	r->opts = opts;
	r->threads = shf_pool_threads(opts->threads);
	r->diag = diag;
	r->diag_ctx = diag_ctx;
	r->sum = summary;
	r->err = err;
	st = sahifa_outfile_open(&r->out, opts->output, err);
	if (!st && opts->rejects) {
		st = sahifa_outfile_open(&r->rejects, opts->rejects, err);
		r->have_rejects = !st;
	}
	if (!st)
		st = sahifa_input_walk(inputs, n_inputs, on_item, r, err);
	if (!st && r->n)
		st = flush_batch(r);
	if (!st)
		st = sahifa_outfile_commit(&r->out, err);
	if (!st && r->have_rejects)
		st = sahifa_outfile_commit(&r->rejects, err);
	if (st) {
		sahifa_outfile_abort(&r->out);
		if (r->have_rejects)
			sahifa_outfile_abort(&r->rejects);
	}
	for (i = 0; i < r->n; i++)
		slot_clear(&r->slots[i]);
	free(r);
	return st;
}
