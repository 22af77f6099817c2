/*
 * JSONL rows: one JSON value per line, each checked against the compiled schema.
 *
 * Lines are gathered into a batch; the batch is parsed and checked on several threads
 * (each with its own copy of the schema, whose regexes keep match state), every
 * thread writing only the slots of the lines it took.  Then the main thread replays
 * the batch in line order: the violations found, the on_row callback, the max_errors
 * stop.  So the output is the same whatever the number of threads.
 */
#include <stdlib.h>
#include <string.h>

#include "validate/validate_internal.h"
#include "sahifa/limits.h"

/* One line of a batch and, once checked, what was found in it. */
struct jsonl_slot {
	size_t off, len;            /* the line in batch->text */
	long line;
	int too_long;               /* past SAHIFA_MAX_JSONL_LINE_BYTES: not parsed */
	enum sahifa_status st;      /* SAHIFA_ERR_NOMEM when checking it ran out of memory */
	struct sahifa_error *perr;  /* the parse error, when it did not parse */
	struct sahifa_json *v;      /* the row, kept for on_row */
	unsigned thread;            /* whose found buffer holds its violations */
	size_t found_off, n_found;
};

struct jsonl_batch {
	struct sahifa_buf text;              /* the lines, back to back (no newlines) */
	struct jsonl_slot *slots;            /* SAHIFA_VALIDATE_BATCH of them */
	size_t n_slots;
	size_t line_start;                   /* offset of the line being gathered */
	unsigned threads;
	struct sahifa_schema *schemas[VALIDATE_MAX_THREADS];  /* [0] is c->schema */
	struct sahifa_buf found[VALIDATE_MAX_THREADS];         /* "where\0msg\0" per violation */
};

void jsonl_check_init(struct jsonl_check *c, struct vrun *run, const char *path,
		      struct sahifa_schema *schema)
{
	memset(c, 0, sizeof(*c));
	c->run = run;
	c->path = path;
	c->schema = schema;
}

/* The batch is made on the first line, so that init cannot fail. */
static enum sahifa_status batch_make(struct jsonl_check *c)
{
	struct jsonl_batch *b = calloc(1, sizeof(*b));
	unsigned t;

	if (!b)
		return SAHIFA_ERR_NOMEM;
	b->slots = calloc(SAHIFA_VALIDATE_BATCH, sizeof(*b->slots));
	if (!b->slots) {
		free(b->slots);
		free(b);
		return SAHIFA_ERR_NOMEM;
	}
	sahifa_buf_init(&b->text, SAHIFA_VALIDATE_BATCH_BYTES + SAHIFA_MAX_JSONL_LINE_BYTES + 1);
	for (t = 0; t < VALIDATE_MAX_THREADS; t++)
		sahifa_buf_init(&b->found[t], 0);
	b->schemas[0] = c->schema;
	b->threads = vrun_schema_copies(c->run, c->schema, b->schemas + 1) + 1;
	c->batch = b;
	return SAHIFA_OK;
}

static void slot_clear(struct jsonl_slot *s)
{
	shf_json_free(s->v);
	free(s->perr);
	memset(s, 0, sizeof(*s));
}

void jsonl_check_release(struct jsonl_check *c)
{
	struct jsonl_batch *b = c->batch;
	size_t i;
	unsigned t;

	if (!b)
		return;
	for (i = 0; i < b->n_slots; i++)
		slot_clear(&b->slots[i]);
	for (t = 0; t < VALIDATE_MAX_THREADS; t++)
		sahifa_buf_release(&b->found[t]);
	sahifa_buf_release(&b->text);
	free(b->slots);
	free(b);
	c->batch = NULL;
}

/* ---- the checking, on any thread ---- */

struct found_ctx {
	struct sahifa_buf *found;
	size_t n;
	unsigned long long cap;   /* max_errors: more from one row would never be shown */
	enum sahifa_status st;
};

static int on_violation(void *ctx, const char *where, const char *msg)
{
	struct found_ctx *f = ctx;

	if (sahifa_buf_append(f->found, where[0] ? where : "/", strlen(where[0] ? where : "/") + 1) ||
	    sahifa_buf_append(f->found, msg, strlen(msg) + 1)) {
		f->st = SAHIFA_ERR_NOMEM;
		return 1;
	}
	f->n++;
	return f->cap && f->n >= f->cap;
}

static void check_slot(struct jsonl_check *c, unsigned t, struct jsonl_slot *s)
{
	struct jsonl_batch *b = c->batch;
	struct sahifa_error e;
	struct found_ctx f;
	const char *text = b->text.data ? b->text.data + s->off : "";

	if (s->too_long)
		return;
	if (shf_json_parse(text, s->len, &s->v, &e)) {
		s->perr = malloc(sizeof(*s->perr));
		if (s->perr)
			*s->perr = e;
		else
			s->st = SAHIFA_ERR_NOMEM;
		return;
	}
	if (b->schemas[t]) {
		f.found = &b->found[t];
		f.n = 0;
		f.cap = c->run->opts->max_errors;
		f.st = SAHIFA_OK;
		s->thread = t;
		s->found_off = f.found->len;
		shf_schema_validate(b->schemas[t], s->v, on_violation, &f);
		s->n_found = f.n;
		s->st = f.st;
	}
	if (!c->on_row) {
		shf_json_free(s->v);
		s->v = NULL;
	}
}

/* One line of the batch, on whichever thread of the pool takes it. */
static void check_index(void *ctx, unsigned thread, size_t i)
{
	struct jsonl_check *c = ctx;

	check_slot(c, thread, &c->batch->slots[i]);
}

/* ---- the batch, on the main thread ---- */

static void check_batch(struct jsonl_check *c)
{
	shf_pool_run(c->batch->threads, c->batch->n_slots, check_index, c);
}

/* Report what the batch found, line by line, as one thread checking in order would. */
static enum sahifa_status replay(struct jsonl_check *c)
{
	struct jsonl_batch *b = c->batch;
	enum sahifa_status st = SAHIFA_OK;
	size_t i, k;

	for (i = 0; i < b->n_slots; i++) {
		struct jsonl_slot *s = &b->slots[i];

		if (st) {
			slot_clear(s);
			continue;
		}
		c->rows++;
		if (s->too_long) {
			vrun_report(c->run, c->path, s->line, 0, NULL, "line longer than %zu bytes",
				    (size_t)SAHIFA_MAX_JSONL_LINE_BYTES);
		} else if (s->st) {
			st = s->st;
		} else if (s->perr) {
			s->perr->line = s->line;
			vrun_report_error(c->run, c->path, s->perr);
		} else {
			/* a thread that found nothing may have no buffer at all */
			const char *p = s->n_found ? b->found[s->thread].data + s->found_off : NULL;

			for (k = 0; k < s->n_found && !vrun_stopped(c->run); k++) {
				const char *msg = p + strlen(p) + 1;

				vrun_report(c->run, c->path, s->line, 0, p, "%s", msg);
				p = msg + strlen(msg) + 1;
			}
			if (c->on_row)
				st = c->on_row(c->row_ctx, s->v, s->line);
		}
		if (!st && vrun_stopped(c->run))
			st = SAHIFA_ERR_DATA;
		slot_clear(s);
	}
	b->n_slots = 0;
	return st;
}

enum sahifa_status jsonl_check_flush(struct jsonl_check *c)
{
	struct jsonl_batch *b = c->batch;
	enum sahifa_status st;
	size_t pending, keep;
	unsigned t;

	if (!b || !b->n_slots)
		return SAHIFA_OK;
	check_batch(c);
	st = replay(c);
	for (t = 0; t < b->threads; t++)
		sahifa_buf_reset(&b->found[t]);
	/* Keep the line being gathered, moved to the front. */
	pending = b->text.len - b->line_start;
	keep = b->line_start;
	if (pending)
		memmove(b->text.data, b->text.data + keep, pending);
	b->text.len = pending;
	b->line_start = 0;
	return st;
}

static void add_slot(struct jsonl_check *c, size_t len, int too_long)
{
	struct jsonl_batch *b = c->batch;
	struct jsonl_slot *s = &b->slots[b->n_slots++];

	s->off = b->line_start;
	s->len = len;
	s->line = c->line + 1;
	s->too_long = too_long;
}

enum sahifa_status jsonl_check_feed(struct jsonl_check *c, const char *data, size_t len)
{
	size_t i = 0;
	enum sahifa_status st;
	struct jsonl_batch *b;

	if (!c->batch && (st = batch_make(c)))
		return st;
	b = c->batch;
	while (i < len) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t piece = nl ? (size_t)(nl - (data + i)) : len - i;
		size_t have = b->text.len - b->line_start;

		if (c->skipping) {
			/* The rest of a line already counted as too long. */
		} else if (have + piece > SAHIFA_MAX_JSONL_LINE_BYTES) {
			b->text.len = b->line_start;
			add_slot(c, 0, 1);
			c->skipping = 1;
		} else if ((st = sahifa_buf_append(&b->text, data + i, piece))) {
			return st;
		}
		if (!nl)
			break;
		if (!c->skipping)
			add_slot(c, b->text.len - b->line_start, 0);
		c->skipping = 0;
		c->line++;
		b->line_start = b->text.len;
		i += piece + 1;
		if (b->n_slots >= SAHIFA_VALIDATE_BATCH || b->text.len >= SAHIFA_VALIDATE_BATCH_BYTES)
			if ((st = jsonl_check_flush(c)))
				return st;
	}
	/* A too-long line is reported in its turn; flushing also keeps a slot free. */
	if (b->n_slots >= SAHIFA_VALIDATE_BATCH)
		return jsonl_check_flush(c);
	return SAHIFA_OK;
}

enum sahifa_status jsonl_check_finish(struct jsonl_check *c)
{
	struct jsonl_batch *b = c->batch;
	enum sahifa_status st;

	if (!b)
		return SAHIFA_OK;
	/* A last line without its newline is checked as it is: a truncated record
	 * fails to parse there. */
	if (b->text.len > b->line_start && !c->skipping) {
		add_slot(c, b->text.len - b->line_start, 0);
		b->line_start = b->text.len;
	}
	st = jsonl_check_flush(c);
	b->text.len = 0;
	b->line_start = 0;
	return st == SAHIFA_ERR_DATA ? SAHIFA_OK : st;
}
