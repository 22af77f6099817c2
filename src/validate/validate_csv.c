/* CSV files against a Frictionless Table Schema: header, widths, types, constraints, keys. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/icu_regex.h"
#include "validate/validate_internal.h"
#include "sahifa/limits.h"

enum field_type { FT_STRING = 0, FT_INTEGER, FT_NUMBER };

struct field {
	char *name;
	enum field_type type;
	int required, unique;
	char **enum_values;
	size_t n_enum;
	struct sahifa_regex *pattern;
	char *pattern_src;
	int has_min, has_max;
	double min, max;
};

struct table_schema {
	struct field *fields;
	size_t n_fields;
	size_t *key;            /* primaryKey field indexes */
	size_t n_key;
};

void table_schema_free(struct table_schema *ts)
{
	size_t i, j;

	if (!ts)
		return;
	for (i = 0; i < ts->n_fields; i++) {
		struct field *f = &ts->fields[i];

		free(f->name);
		for (j = 0; j < f->n_enum; j++)
			free(f->enum_values[j]);
		free(f->enum_values);
		shf_regex_free(f->pattern);
		free(f->pattern_src);
	}
	free(ts->fields);
	free(ts->key);
	free(ts);
}

static enum sahifa_status ts_fail(struct sahifa_error *err, size_t i, const char *msg)
{
	sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0, "table schema: %s", msg);
	if (err)
		snprintf(err->where, sizeof(err->where), "/fields/%zu", i);
	return SAHIFA_ERR_DATA;
}

static enum sahifa_status load_field(struct field *f, const struct sahifa_json *src, size_t i,
				     struct sahifa_error *err)
{
	const char *name = shf_json_string(shf_json_get(src, "name"));
	const char *type = shf_json_string(shf_json_get(src, "type"));
	const struct sahifa_json *cons = shf_json_get(src, "constraints"), *c, *v;
	enum sahifa_status st;

	if (!name)
		return ts_fail(err, i, "a field without a name");
	if (!(f->name = sahifa_strdup(name)))
		return SAHIFA_ERR_NOMEM;
	if (!type || !strcmp(type, "string"))
		f->type = FT_STRING;
	else if (!strcmp(type, "integer"))
		f->type = FT_INTEGER;
	else if (!strcmp(type, "number"))
		f->type = FT_NUMBER;
	else
		return ts_fail(err, i, "unsupported field type (string, integer, number)");
	for (c = shf_json_child(src); c; c = shf_json_next(c)) {
		const char *k = shf_json_key(c);

		if (strcmp(k, "name") && strcmp(k, "type") && strcmp(k, "constraints") &&
		    strcmp(k, "title") && strcmp(k, "description") && strcmp(k, "format"))
			return ts_fail(err, i, "unsupported field property");
	}
	if (!cons)
		return SAHIFA_OK;
	if (shf_json_type(cons) != SAHIFA_JSON_OBJECT)
		return ts_fail(err, i, "'constraints' is not an object");
	for (c = shf_json_child(cons); c; c = shf_json_next(c)) {
		const char *k = shf_json_key(c);

		if (!strcmp(k, "required")) {
			f->required = shf_json_true(c);
		} else if (!strcmp(k, "unique")) {
			f->unique = shf_json_true(c);
		} else if (!strcmp(k, "enum")) {
			size_t n = shf_json_size(c), j = 0;

			if (shf_json_type(c) != SAHIFA_JSON_ARRAY)
				return ts_fail(err, i, "'enum' is not an array");
			f->enum_values = calloc(n ? n : 1, sizeof(char *));
			if (!f->enum_values)
				return SAHIFA_ERR_NOMEM;
			for (v = shf_json_child(c); v; v = shf_json_next(v)) {
				if (!shf_json_string(v))
					return ts_fail(err, i, "'enum' values must be strings");
				if (!(f->enum_values[j++] = sahifa_strdup(shf_json_string(v))))
					return SAHIFA_ERR_NOMEM;
				f->n_enum = j;
			}
		} else if (!strcmp(k, "pattern")) {
			const char *p = shf_json_string(c);

			if (!p)
				return ts_fail(err, i, "'pattern' is not a string");
			if ((st = shf_regex_compile(p, &f->pattern, err)))
				return st == SAHIFA_ERR_DATA ? ts_fail(err, i, err ? err->msg : "bad pattern")
							     : st;
			if (!(f->pattern_src = sahifa_strdup(p)))
				return SAHIFA_ERR_NOMEM;
		} else if (!strcmp(k, "minimum") || !strcmp(k, "maximum")) {
			if (shf_json_type(c) != SAHIFA_JSON_NUMBER)
				return ts_fail(err, i, "'minimum'/'maximum' must be numbers");
			if (k[1] == 'i') {
				f->has_min = 1;
				f->min = shf_json_number(c);
			} else {
				f->has_max = 1;
				f->max = shf_json_number(c);
			}
		} else {
			return ts_fail(err, i, "unsupported constraint");
		}
	}
	return SAHIFA_OK;
}

enum sahifa_status table_schema_load(const char *text, size_t len, struct table_schema **out,
				     struct sahifa_error *err)
{
	struct sahifa_json *doc = NULL;
	const struct sahifa_json *fields, *f, *key;
	struct table_schema *ts;
	enum sahifa_status st;
	size_t i = 0;

	*out = NULL;
	if ((st = shf_json_parse(text, len, &doc, err)))
		return st;
	fields = shf_json_get(doc, "fields");
	if (shf_json_type(fields) != SAHIFA_JSON_ARRAY || !shf_json_size(fields)) {
		shf_json_free(doc);
		return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
					"table schema: 'fields' is not a non-empty array");
	}
	ts = calloc(1, sizeof(*ts));
	if (!ts || !(ts->fields = calloc(shf_json_size(fields), sizeof(struct field)))) {
		free(ts);
		shf_json_free(doc);
		return sahifa_error_nomem(err, NULL);
	}
	for (f = shf_json_child(fields); f; f = shf_json_next(f), i++) {
		ts->n_fields = i + 1;
		if ((st = load_field(&ts->fields[i], f, i, err)))
			goto fail;
	}
	key = shf_json_get(doc, "primaryKey");
	if (key) {
		const struct sahifa_json *k;
		size_t n = shf_json_type(key) == SAHIFA_JSON_STRING ? 1 : shf_json_size(key);

		ts->key = calloc(n ? n : 1, sizeof(size_t));
		if (!ts->key) {
			st = SAHIFA_ERR_NOMEM;
			goto fail;
		}
		for (k = shf_json_type(key) == SAHIFA_JSON_STRING ? key : shf_json_child(key);
		     k; k = shf_json_type(key) == SAHIFA_JSON_STRING ? NULL : shf_json_next(k)) {
			const char *name = shf_json_string(k);

			for (i = 0; name && i < ts->n_fields; i++)
				if (!strcmp(ts->fields[i].name, name))
					break;
			if (!name || i == ts->n_fields) {
				st = sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
						      "table schema: primaryKey names no field");
				goto fail;
			}
			ts->key[ts->n_key++] = i;
		}
	}
	shf_json_free(doc);
	*out = ts;
	return SAHIFA_OK;
fail:
	shf_json_free(doc);
	table_schema_free(ts);
	return st;
}

/* ---- key set ---- */

/* Returns the line of an earlier equal key, 0 when new. */
static long key_set_add(struct shf_hset *s, uint64_t h, long line, enum sahifa_status *st)
{
	size_t i;

	*st = SAHIFA_OK;
	if (shf_hset_reserve(s)) {
		*st = SAHIFA_ERR_NOMEM;
		return 0;
	}
	i = shf_hset_find(s, h, NULL, NULL);
	if (s->values[i])
		return (long)s->values[i];
	s->hashes[i] = h;
	s->values[i] = (uint64_t)line;
	s->n++;
	return 0;
}

/* ---- rows ---- */

static int parse_integer(const char *s, double *out)
{
	const char *p = s;
	char *end;
	long long v;

	if (*p == '-' || *p == '+')
		p++;
	if (!*p)
		return 0;
	for (; *p; p++)
		if (*p < '0' || *p > '9')
			return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno)
		return 0;
	*out = (double)v;
	return 1;
}

static int parse_number(const char *s, double *out)
{
	char *end;
	double v;

	if (!*s || *s == ' ' || !strcmp(s, "NaN") || strstr(s, "inf") || strstr(s, "INF") ||
	    strchr(s, 'x') || strchr(s, 'X'))
		return 0;
	errno = 0;
	v = strtod(s, &end);
	if (*end || errno || !isfinite(v))
		return 0;
	*out = v;
	return 1;
}

static void check_field(struct csv_check *c, const struct field *f, const char *v, size_t len,
			long line, size_t col)
{
	char q[128], where[128];
	double num = 0;
	size_t i;
	struct sahifa_error rerr;

	snprintf(where, sizeof(where), "column %zu '%s'", col + 1, f->name);
	if (!len) {
		if (f->required)
			vrun_report(c->run, c->path, line, 0, NULL,
				    "field '%s' is required but empty", f->name);
		return;
	}
	sahifa_quote(v, len, 40, q, sizeof(q));
	if (f->type == FT_INTEGER && !parse_integer(v, &num)) {
		vrun_report(c->run, c->path, line, 0, NULL, "field '%s': %s is not an integer",
			    f->name, q);
		return;
	}
	if (f->type == FT_NUMBER && !parse_number(v, &num)) {
		vrun_report(c->run, c->path, line, 0, NULL, "field '%s': %s is not a number",
			    f->name, q);
		return;
	}
	if (f->has_min && num < f->min)
		vrun_report(c->run, c->path, line, 0, NULL, "field '%s': %s is less than %g",
			    f->name, q, f->min);
	if (f->has_max && num > f->max)
		vrun_report(c->run, c->path, line, 0, NULL, "field '%s': %s is greater than %g",
			    f->name, q, f->max);
	if (f->n_enum) {
		for (i = 0; i < f->n_enum; i++)
			if (!strcmp(f->enum_values[i], v))
				break;
		if (i == f->n_enum)
			vrun_report(c->run, c->path, line, 0, NULL,
				    "field '%s': %s is not one of the allowed values", f->name, q);
	}
	if (f->pattern) {
		int hit = shf_regex_full_match(f->pattern, v, len, &rerr);

		if (hit == 0)
			vrun_report(c->run, c->path, line, 0, NULL,
				    "field '%s': %s does not match the pattern '%s'", f->name, q,
				    f->pattern_src);
		else if (hit < 0)
			vrun_report(c->run, c->path, line, 0, NULL, "field '%s': %s", f->name,
				    rerr.msg);
	}
	(void)where;
}

static enum sahifa_status on_record(void *ctx, const char *const *fields, const size_t *lens,
				    size_t n, long line)
{
	struct csv_check *c = ctx;
	const struct table_schema *ts = c->ts;
	size_t i;
	enum sahifa_status st = SAHIFA_OK;

	if (!c->header_ok) {
		/* The header: exactly the schema's field names, in order. */
		c->header_ok = 1;
		for (i = 0; i < n && i < ts->n_fields; i++)
			if (strcmp(fields[i], ts->fields[i].name)) {
				char q[128];

				sahifa_quote(fields[i], lens[i], 40, q, sizeof(q));
				vrun_report(c->run, c->path, line, 0, NULL,
					    "header column %zu is %s, expected '%s'", i + 1, q,
					    ts->fields[i].name);
				break;
			}
		if (i == n && n != ts->n_fields)
			vrun_report(c->run, c->path, line, 0, NULL,
				    "header has %zu columns, expected %zu", n, ts->n_fields);
		return vrun_stopped(c->run) ? SAHIFA_ERR_DATA : SAHIFA_OK;
	}
	c->rows++;
	if (n != ts->n_fields) {
		vrun_report(c->run, c->path, line, 0, NULL, "row has %zu fields, expected %zu", n,
			    ts->n_fields);
		return vrun_stopped(c->run) ? SAHIFA_ERR_DATA : SAHIFA_OK;
	}
	for (i = 0; i < n; i++)
		check_field(c, &ts->fields[i], fields[i], lens[i], line, i);
	if (ts->n_key) {
		uint64_t h = VHASH_SEED;
		long first;

		for (i = 0; i < ts->n_key; i++) {
			h = vhash(fields[ts->key[i]], lens[ts->key[i]], h);
			h = vhash("\x1f", 1, h);
		}
		first = key_set_add(&c->keys, h, line, &st);
		if (st)
			return st;
		if (first) {
			char q[128];

			sahifa_quote(fields[ts->key[0]], lens[ts->key[0]], 40, q, sizeof(q));
			vrun_report(c->run, c->path, line, 0, NULL,
				    "duplicate primary key %s%s (first on line %ld)", q,
				    ts->n_key > 1 ? " ..." : "", first);
		}
	}
	if (c->on_row && (st = c->on_row(c->row_ctx, fields, lens, n, line)))
		return st;
	return vrun_stopped(c->run) ? SAHIFA_ERR_DATA : SAHIFA_OK;
}

enum sahifa_status csv_check_init(struct csv_check *c, struct vrun *run, const char *path,
				  struct table_schema *ts)
{
	struct sahifa_error e;

	memset(c, 0, sizeof(*c));
	c->run = run;
	c->path = path;
	c->ts = ts;
	return shf_csv_reader_new(on_record, c, &c->reader, &e);
}

/* A syntax error ends the file's check: the reader cannot resync after it. */
static enum sahifa_status reader_status(struct csv_check *c, enum sahifa_status st,
					struct sahifa_error *e)
{
	if (st == SAHIFA_ERR_DATA && vrun_stopped(c->run))
		return st;
	if (st == SAHIFA_ERR_DATA || st == SAHIFA_ERR_LIMIT) {
		vrun_report_error(c->run, c->path, e);
		c->reader_failed = 1;
		return SAHIFA_OK;
	}
	return st;
}

enum sahifa_status csv_check_feed(struct csv_check *c, const char *data, size_t len)
{
	struct sahifa_error e;

	if (c->reader_failed)
		return SAHIFA_OK;
	/* a spreadsheet-safe CSV (pack --csv-excel) begins with a BOM: not part of the header */
	if (!c->fed && len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3)) {
		c->bom = 1;
		data += 3;
		len -= 3;
	}
	c->fed |= len > 0;
	sahifa_error_clear(&e);
	return reader_status(c, shf_csv_reader_feed(c->reader, data, len, &e), &e);
}

enum sahifa_status csv_check_finish(struct csv_check *c)
{
	struct sahifa_error e;
	enum sahifa_status st;

	if (c->reader_failed)
		return SAHIFA_OK;
	sahifa_error_clear(&e);
	st = reader_status(c, shf_csv_reader_finish(c->reader, &e), &e);
	if (!st && !c->header_ok && !c->reader_failed)
		vrun_report(c->run, c->path, 0, 0, NULL, "empty CSV file (no header)");
	return st == SAHIFA_ERR_DATA ? SAHIFA_OK : st;
}

void csv_check_release(struct csv_check *c)
{
	shf_csv_reader_free(c->reader);
	shf_hset_release(&c->keys);
}
