/* sahifa validate: the run state every checker reports through, and the manifest and
 * datapackage checks (src/validate/validate_internal.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/embed.h"
#include "validate/validate_internal.h"
#include "sahifa/limits.h"

uint64_t vhash(const void *data, size_t len, uint64_t h)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static void vrun_emit(struct vrun *r, struct sahifa_error *e)
{
	r->sum->errors++;
	r->file_errors++;
	if (r->diag)
		r->diag(r->ctx, e);
	if (r->opts->max_errors && r->sum->errors >= r->opts->max_errors)
		r->sum->stopped = 1;
}

void vrun_report(struct vrun *r, const char *path, long line, long col, const char *where,
		 const char *fmt, ...)
{
	struct sahifa_error e;
	va_list ap;

	if (vrun_stopped(r))
		return;
	sahifa_error_set(&e, SAHIFA_ERR_DATA, path, line, col, "%s", "");
	va_start(ap, fmt);
	vsnprintf(e.msg, sizeof(e.msg), fmt, ap);
	va_end(ap);
	if (where)
		snprintf(e.where, sizeof(e.where), "%s", where);
	vrun_emit(r, &e);
}

void vrun_report_error(struct vrun *r, const char *path, const struct sahifa_error *src)
{
	struct sahifa_error e = *src;

	if (vrun_stopped(r))
		return;
	if (path)
		snprintf(e.path, sizeof(e.path), "%s", path);
	e.severity = SAHIFA_FAILED;
	vrun_emit(r, &e);
}

void vrun_report_io(struct vrun *r, const struct sahifa_error *e)
{
	r->io = SAHIFA_ERR_IO;
	vrun_report_error(r, NULL, e);
}

int vrun_stopped(const struct vrun *r)
{
	return r->sum->stopped;
}

void vrun_file_done(struct vrun *r, const char *path, const char *kind, unsigned long long rows)
{
	struct sahifa_validate_file f;

	r->sum->files++;
	r->sum->rows += rows;
	if (!r->on_file)
		return;
	f.path = path;
	f.kind = kind;
	f.rows = rows;
	f.errors = r->file_errors;
	r->on_file(r->ctx, &f);
}

enum sahifa_status vread_file(const char *path, size_t max, struct sahifa_buf *out,
			      struct sahifa_error *err)
{
	FILE *fp = fopen(path, "rb");
	char chunk[65536];
	size_t n;
	enum sahifa_status st = SAHIFA_OK;

	if (!fp)
		return sahifa_error_set(err, SAHIFA_ERR_IO, path, 0, 0, "cannot open: %s",
					strerror(errno));
	sahifa_buf_init(out, max);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		if ((st = sahifa_buf_append(out, chunk, n))) {
			st = sahifa_error_set(err, st, path, 0, 0, st == SAHIFA_ERR_LIMIT ?
					      "file larger than %zu bytes" : "out of memory", max);
			break;
		}
	if (!st && ferror(fp))
		st = sahifa_error_set(err, SAHIFA_ERR_IO, path, 0, 0, "read error: %s",
				      strerror(errno));
	fclose(fp);
	if (!st && !out->data)
		st = sahifa_buf_append(out, "", 0);
	return st;
}

/* Compile a schema from a file, or from the built-in copy at embed_path. */
static enum sahifa_status load_schema(const char *file, const char *embed_path,
				      struct sahifa_schema **out, struct sahifa_error *err)
{
	struct sahifa_buf text;
	enum sahifa_status st;

	*out = NULL;
	if (!file) {
		const struct sahifa_embed *e = shf_embed_find(embed_path);

		if (!e)
			return SAHIFA_OK;
		st = shf_schema_compile(e->data, e->len, out, err);
		if (st)
			sahifa_error_set_path(err, embed_path);
		return st;
	}
	st = vread_file(file, SHF_LAYOUT_META_MAX, &text, err);
	if (!st) {
		st = shf_schema_compile(text.data, text.len, out, err);
		if (st)
			sahifa_error_set_path(err, file);
	}
	sahifa_buf_release(&text);
	return st;
}

enum sahifa_status vrun_article_schema(struct vrun *r, struct sahifa_schema **out,
				       struct sahifa_error *err)
{
	enum sahifa_status st;

	if (!r->article) {
		st = load_schema(r->opts->schema, "schema/article.schema.json", &r->article, err);
		if (st)
			return st == SAHIFA_ERR_IO ? st : SAHIFA_ERR_USAGE;
		if (!r->article)
			return sahifa_error_set(err, SAHIFA_ERR_INTERNAL, NULL, 0, 0,
						"the article schema is not built in");
	}
	*out = r->article;
	return SAHIFA_OK;
}

unsigned vrun_schema_copies(struct vrun *r, struct sahifa_schema *s, struct sahifa_schema **out)
{
	struct sahifa_error e;
	unsigned i;

	if (s && s != r->article)
		return 0;
	while (s && r->n_copies + 1 < r->threads &&
	       !shf_schema_copy(s, &r->copies[r->n_copies], &e))
		r->n_copies++;
	for (i = 0; i + 1 < r->threads && (!s || i < r->n_copies); i++)
		out[i] = s ? r->copies[i] : NULL;
	return i;
}

/* ---- manifest.json and datapackage.json ---- */

/* The parts of the manifest validate relies on, checked in code when no manifest
 * schema is built in. */
static void manifest_shape(struct vrun *r, const char *path, const struct sahifa_json *m)
{
	static const char *const strings[] = { "name", "version", "schema_version", "created",
					       "license" };
	const struct sahifa_json *files, *f;
	size_t i;
	char where[64];

	if (shf_json_type(m) != SAHIFA_JSON_OBJECT) {
		vrun_report(r, path, 0, 0, NULL, "manifest is not a JSON object");
		return;
	}
	for (i = 0; i < sizeof(strings) / sizeof(strings[0]); i++)
		if (shf_json_type(shf_json_get(m, strings[i])) != SAHIFA_JSON_STRING)
			vrun_report(r, path, 0, 0, NULL, "missing or non-string '%s'", strings[i]);
	if (shf_json_type(shf_json_get(m, "counts")) != SAHIFA_JSON_OBJECT)
		vrun_report(r, path, 0, 0, NULL, "missing or non-object 'counts'");
	if (shf_json_type(shf_json_get(m, "splits")) != SAHIFA_JSON_OBJECT)
		vrun_report(r, path, 0, 0, NULL, "missing or non-object 'splits'");
	files = shf_json_get(m, "files");
	if (shf_json_type(files) != SAHIFA_JSON_ARRAY) {
		vrun_report(r, path, 0, 0, NULL, "missing or non-array 'files'");
		return;
	}
	for (f = shf_json_child(files), i = 0; f; f = shf_json_next(f), i++) {
		const struct sahifa_json *rows = shf_json_get(f, "rows"), *sha;
		long long n;

		snprintf(where, sizeof(where), "/files/%zu", i);
		if (shf_json_type(shf_json_get(f, "path")) != SAHIFA_JSON_STRING)
			vrun_report(r, path, 0, 0, where, "missing or non-string 'path'");
		if (!shf_json_integer(shf_json_get(f, "bytes"), &n) || n < 0)
			vrun_report(r, path, 0, 0, where, "'bytes' is not a non-negative integer");
		if (shf_json_type(rows) != SAHIFA_JSON_NULL &&
		    (!shf_json_integer(rows, &n) || n < 0))
			vrun_report(r, path, 0, 0, where, "'rows' is neither null nor a count");
		sha = shf_json_get(f, "sha256");
		if (!shf_json_string(sha) || strlen(shf_json_string(sha)) != 64)
			vrun_report(r, path, 0, 0, where, "'sha256' is not 64 hex digits");
	}
}

static int on_meta_violation(void *ctx, const char *where, const char *msg)
{
	void **pair = ctx;
	struct vrun *r = pair[0];

	vrun_report(r, pair[1], 0, 0, where, "%s", msg);
	return vrun_stopped(r);
}

enum sahifa_status manifest_check(struct vrun *r, const char *path, const char *text, size_t len,
				  struct sahifa_json **doc)
{
	struct sahifa_error e;
	enum sahifa_status st;

	*doc = NULL;
	if (shf_json_parse(text, len, doc, &e)) {
		vrun_report_error(r, path, &e);
		return SAHIFA_OK;
	}
	if (!r->manifest_loaded) {
		r->manifest_loaded = 1;
		st = load_schema(NULL, "schema/manifest.schema.json", &r->manifest, &e);
		if (st)
			vrun_report_error(r, NULL, &e);
	}
	if (r->manifest) {
		void *pair[2] = { r, (void *)path };

		shf_schema_validate(r->manifest, *doc, on_meta_violation, pair);
	} else {
		manifest_shape(r, path, *doc);
	}
	return SAHIFA_OK;
}

enum sahifa_status datapackage_check(struct vrun *r, const char *path, const char *text,
				     size_t len, struct sahifa_json **doc)
{
	const struct sahifa_json *res, *x;
	struct sahifa_error e;
	size_t i;
	char where[64];

	*doc = NULL;
	if (shf_json_parse(text, len, doc, &e)) {
		vrun_report_error(r, path, &e);
		return SAHIFA_OK;
	}
	if (shf_json_type(*doc) != SAHIFA_JSON_OBJECT) {
		vrun_report(r, path, 0, 0, NULL, "data package is not a JSON object");
		return SAHIFA_OK;
	}
	if (!shf_json_string(shf_json_get(*doc, "name")))
		vrun_report(r, path, 0, 0, NULL, "missing or non-string 'name'");
	res = shf_json_get(*doc, "resources");
	if (shf_json_type(res) != SAHIFA_JSON_ARRAY || !shf_json_size(res)) {
		vrun_report(r, path, 0, 0, NULL, "'resources' is not a non-empty array");
		return SAHIFA_OK;
	}
	for (x = shf_json_child(res), i = 0; x; x = shf_json_next(x), i++) {
		const char *hash = shf_json_string(shf_json_get(x, "hash"));
		long long n;

		snprintf(where, sizeof(where), "/resources/%zu", i);
		if (!shf_json_string(shf_json_get(x, "name")))
			vrun_report(r, path, 0, 0, where, "missing or non-string 'name'");
		if (!shf_json_string(shf_json_get(x, "path")))
			vrun_report(r, path, 0, 0, where, "missing or non-string 'path'");
		if (!shf_json_integer(shf_json_get(x, "bytes"), &n) || n < 0)
			vrun_report(r, path, 0, 0, where, "'bytes' is not a non-negative integer");
		if (!hash || strncmp(hash, "sha256:", 7) || strlen(hash) != 7 + 64)
			vrun_report(r, path, 0, 0, where, "'hash' is not 'sha256:' and 64 hex digits");
	}
	return SAHIFA_OK;
}
