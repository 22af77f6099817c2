/* JSONL rows: one JSON value per line, each checked against the compiled schema. */
#include <stdio.h>
#include <string.h>

#include "validate_internal.h"
#include "sahifa/limits.h"

void jsonl_check_init(struct jsonl_check *c, struct vrun *run, const char *path,
		      struct sahifa_schema *schema)
{
	memset(c, 0, sizeof(*c));
	c->run = run;
	c->path = path;
	c->schema = schema;
	sahifa_buf_init(&c->partial, SAHIFA_MAX_JSONL_LINE_BYTES + 1);
}

void jsonl_check_release(struct jsonl_check *c)
{
	sahifa_buf_release(&c->partial);
}

struct row_ctx {
	struct jsonl_check *c;
	long line;
};

static int on_violation(void *ctx, const char *where, const char *msg)
{
	struct row_ctx *rc = ctx;

	vrun_report(rc->c->run, rc->c->path, rc->line, 0, where[0] ? where : "/", "%s", msg);
	return vrun_stopped(rc->c->run);
}

/* One complete line (without its newline). */
static enum sahifa_status check_line(struct jsonl_check *c, const char *text, size_t len)
{
	struct sahifa_json *v = NULL;
	struct sahifa_error e;
	struct row_ctx rc;
	enum sahifa_status st = SAHIFA_OK;
	long line = c->line + 1;

	c->rows++;
	if (sahifa_json_parse(text, len, &v, &e)) {
		e.line = line;
		vrun_report_error(c->run, c->path, &e);
	} else {
		rc.c = c;
		rc.line = line;
		if (c->schema)
			sahifa_schema_validate(c->schema, v, on_violation, &rc);
		if (c->on_row)
			st = c->on_row(c->row_ctx, v, line);
		sahifa_json_free(v);
	}
	if (!st && vrun_stopped(c->run))
		st = SAHIFA_ERR_DATA;
	return st;
}

static void report_long(struct jsonl_check *c)
{
	vrun_report(c->run, c->path, c->line + 1, 0, NULL, "line longer than %zu bytes",
		    (size_t)SAHIFA_MAX_JSONL_LINE_BYTES);
	c->rows++;
}

enum sahifa_status jsonl_check_feed(struct jsonl_check *c, const char *data, size_t len)
{
	size_t i = 0;
	enum sahifa_status st;

	while (i < len) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t piece = nl ? (size_t)(nl - (data + i)) : len - i;

		if (c->skipping) {
			/* The rest of a line already reported as too long. */
		} else if (c->partial.len + piece > SAHIFA_MAX_JSONL_LINE_BYTES) {
			report_long(c);
			c->skipping = 1;
			sahifa_buf_reset(&c->partial);
			if (vrun_stopped(c->run))
				return SAHIFA_ERR_DATA;
		} else if (!nl) {
			if ((st = sahifa_buf_append(&c->partial, data + i, piece)))
				return st;
		} else if (c->partial.len) {
			if ((st = sahifa_buf_append(&c->partial, data + i, piece)))
				return st;
			st = check_line(c, c->partial.data, c->partial.len);
			sahifa_buf_reset(&c->partial);
			if (st)
				return st;
		} else if ((st = check_line(c, data + i, piece))) {
			/* The common case: a whole line inside this chunk, checked in place. */
			return st;
		}
		if (!nl)
			break;
		if (c->skipping)
			c->skipping = 0;
		c->line++;
		i += piece + 1;
	}
	return SAHIFA_OK;
}

enum sahifa_status jsonl_check_finish(struct jsonl_check *c)
{
	enum sahifa_status st = SAHIFA_OK;

	/* A last line without its newline is checked as it is: a truncated record
	 * fails to parse there. */
	if (c->partial.len && !c->skipping)
		st = check_line(c, c->partial.data, c->partial.len);
	sahifa_buf_reset(&c->partial);
	return st == SAHIFA_ERR_DATA ? SAHIFA_OK : st;
}
