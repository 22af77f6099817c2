/* libcsv behind src/validate/csv_read.h: strict RFC 4180 records with their line numbers. */
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "core/array.h"
#include "validate/csv_read.h"
#include "validate/json_schema.h"
#include "sahifa/buf.h"
#include "sahifa/limits.h"

/* Bytes handed to libcsv at once, so the field cap is checked in small steps. */
#define FEED_STEP 65536
#define CSV_BLOCK ((size_t)1 << 20)

struct sahifa_csv_reader {
	struct csv_parser p;
	sahifa_csv_row_fn fn;
	void *ctx;
	long line;            /* line being fed, 1-based */
	long row_line;        /* where the current record started */
	struct sahifa_buf fields;  /* the record's fields, each NUL-terminated */
	size_t *offs, *lens;
	size_t n, cap;
	enum sahifa_status st;     /* set by the callbacks */
	struct sahifa_error *err;
	int bad_term;              /* the record ended with a bare LF */
	int after_cr;              /* the last byte fed was a CR (its LF may start the next feed) */
	int cr_first;              /* ... and that CR began a record */
};

/* RFC 4180: spaces belong to the field; libcsv would trim them by default. */
static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void on_field(void *s, size_t len, void *data)
{
	struct sahifa_csv_reader *r = data;
	size_t off = r->fields.len;

	if (r->st)
		return;
	if (r->n == r->cap) {
		/* offs and lens grow together: both have r->cap elements */
		size_t cap_offs = r->cap, cap_lens = r->cap;

		if (shf_array_reserve(&r->offs, &cap_offs, r->n + 1, sizeof(*r->offs), 32) ||
		    shf_array_reserve(&r->lens, &cap_lens, r->n + 1, sizeof(*r->lens), 32)) {
			r->st = sahifa_error_nomem(r->err, NULL);
			return;
		}
		r->cap = cap_offs;
	}
	if (sahifa_buf_append(&r->fields, s ? s : "", s ? len : 0) ||
	    sahifa_buf_append_char(&r->fields, '\0')) {
		r->st = sahifa_error_set(r->err, SAHIFA_ERR_LIMIT, NULL, r->row_line, 0,
					 "CSV record larger than %zu bytes",
					 (size_t)SAHIFA_MAX_CSV_FIELD_BYTES);
		return;
	}
	r->offs[r->n] = off;
	r->lens[r->n] = s ? len : 0;
	r->n++;
}

static void on_row(int c, void *data)
{
	struct sahifa_csv_reader *r = data;
	const char *stack[64];
	const char **ptrs = stack;
	size_t i, bad;

	if (r->st)
		return;
	if (c == '\n')
		r->bad_term = 1;
	for (i = 0; i < r->n; i++) {
		const char *f = r->fields.data + r->offs[i];

		if (memchr(f, '\0', r->lens[i])) {
			/* C string checks (integer, enum) would stop at it: "1\0abc" passed */
			r->st = sahifa_error_set(r->err, SAHIFA_ERR_DATA, NULL, r->row_line, 0,
						 "NUL byte in field %zu", i + 1);
			goto done;
		}
		if (!sahifa_utf8_valid(f, r->lens[i], &bad)) {
			r->st = sahifa_error_set(r->err, SAHIFA_ERR_DATA, NULL, r->row_line, 0,
						 "invalid UTF-8 byte 0x%02X in field %zu",
						 (unsigned char)f[bad], i + 1);
			goto done;
		}
	}
	if (r->n > sizeof(stack) / sizeof(stack[0])) {
		ptrs = malloc(r->n * sizeof(*ptrs));
		if (!ptrs) {
			r->st = sahifa_error_nomem(r->err, NULL);
			goto done;
		}
	}
	for (i = 0; i < r->n; i++)
		ptrs[i] = r->fields.data + r->offs[i];
	r->st = r->fn(r->ctx, ptrs, r->lens, r->n, r->row_line);
	if (ptrs != stack)
		free(ptrs);
done:
	r->n = 0;
	sahifa_buf_reset(&r->fields);
}

enum sahifa_status shf_csv_reader_new(sahifa_csv_row_fn fn, void *ctx,
					 struct sahifa_csv_reader **out, struct sahifa_error *err)
{
	struct sahifa_csv_reader *r = calloc(1, sizeof(*r));

	*out = NULL;
	if (!r)
		return sahifa_error_nomem(err, NULL);
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		free(r);
		return sahifa_error_nomem(err, NULL);
	}
	csv_set_space_func(&r->p, no_space);
	/* libcsv grows a field by this much at a time; its default (128 bytes) makes a
	 * long field cost a realloc per 128 bytes. */
	csv_set_blk_size(&r->p, CSV_BLOCK);
	sahifa_buf_init(&r->fields, SAHIFA_MAX_CSV_FIELD_BYTES + 4096);
	r->fn = fn;
	r->ctx = ctx;
	r->line = 1;
	r->row_line = 1;
	*out = r;
	return SAHIFA_OK;
}

static enum sahifa_status parse(struct sahifa_csv_reader *r, const char *data, size_t len)
{
	size_t done;

	done = csv_parse(&r->p, data, len, on_field, on_row, r);
	if (r->st)
		return r->st;
	if (done < len)
		return sahifa_error_set(r->err, csv_error(&r->p) == CSV_ENOMEM ? SAHIFA_ERR_NOMEM
					: SAHIFA_ERR_DATA, NULL, r->line, 0,
					"CSV syntax error: %s (a quote inside an unquoted field, "
					"or text after a closing quote)", csv_strerror(csv_error(&r->p)));
	if (r->p.entry_pos > SAHIFA_MAX_CSV_FIELD_BYTES)
		return sahifa_error_set(r->err, SAHIFA_ERR_LIMIT, NULL, r->row_line, 0,
					"CSV field larger than %zu bytes",
					(size_t)SAHIFA_MAX_CSV_FIELD_BYTES);
	if (r->bad_term)
		return sahifa_error_set(r->err, SAHIFA_ERR_DATA, NULL, r->line, 0,
					"record ends with LF alone (CSV lines end with CRLF)");
	return SAHIFA_OK;
}

enum sahifa_status shf_csv_reader_feed(struct sahifa_csv_reader *r, const char *data,
					  size_t len, struct sahifa_error *err)
{
	size_t i = 0;
	enum sahifa_status st;

	r->err = err;
	while (i < len) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t piece = nl ? (size_t)(nl - (data + i)) + 1 : len - i;

		if (piece > FEED_STEP)
			piece = FEED_STEP, nl = NULL;
		if (r->p.pstate == 0 && r->n == 0) {
			/* A record starts on this line (libcsv would skip a blank one). */
			r->row_line = r->line;
			if ((data[i] == '\n' && (!r->after_cr || r->cr_first)) ||
			    (data[i] == '\r' && piece >= 2 && data[i + 1] == '\n'))
				return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, r->line, 0,
							"blank line (every CSV line is a record)");
		}
		/* a CR alone at a record's start, at the end of a feed: a blank line if
		 * the next feed starts with its LF */
		r->cr_first = r->p.pstate == 0 && r->n == 0 && piece == 1 && data[i] == '\r';
		st = parse(r, data + i, piece);
		if (st)
			return st;
		r->after_cr = data[i + piece - 1] == '\r';
		if (nl)
			r->line++;
		i += piece;
	}
	return SAHIFA_OK;
}

enum sahifa_status shf_csv_reader_finish(struct sahifa_csv_reader *r, struct sahifa_error *err)
{
	r->err = err;
	if (csv_fini(&r->p, on_field, on_row, r) != 0) {
		if (r->st)
			return r->st;
		return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, r->row_line, 0,
					"CSV syntax error: a quoted field is not closed");
	}
	return r->st;
}

void shf_csv_reader_free(struct sahifa_csv_reader *r)
{
	if (!r)
		return;
	csv_free(&r->p);
	sahifa_buf_release(&r->fields);
	free(r->offs);
	free(r->lens);
	free(r);
}
