/* sahifa validate: the run, dispatch by kind of path, files on disk (include/sahifa/validate.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/embed.h"
#include "core/pool.h"
#include "validate/validate_internal.h"
#include "sahifa/limits.h"

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && !strcmp(s + a - b, suffix);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}


/* ---- files on disk ---- */

/* Stream a file through feed(ctx, data, len); flush (may be NULL) reports what the
 * feeds gathered before a read error is reported. */
static enum sahifa_status stream_file(struct vrun *r, const char *path,
				      enum sahifa_status (*feed)(void *, const char *, size_t),
				      enum sahifa_status (*flush)(void *), void *ctx)
{
	FILE *fp = fopen(path, "rb");
	char *chunk;
	size_t n;
	enum sahifa_status st = SAHIFA_OK;
	struct sahifa_error e;

	if (!fp) {
		sahifa_error_set(&e, SAHIFA_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
		vrun_report_io(r, &e);
		return SAHIFA_ERR_IO;
	}
	chunk = malloc(SHF_LAYOUT_READ_CHUNK);
	if (!chunk) {
		fclose(fp);
		return SAHIFA_ERR_NOMEM;
	}
	while (!st && (n = fread(chunk, 1, SHF_LAYOUT_READ_CHUNK, fp)) > 0)
		st = feed(ctx, chunk, n);
	if (!st && ferror(fp) && flush)
		st = flush(ctx);
	if (!st && ferror(fp)) {
		sahifa_error_set(&e, SAHIFA_ERR_IO, path, 0, 0, "read error: %s", strerror(errno));
		vrun_report_io(r, &e);
		st = SAHIFA_ERR_IO;
	}
	free(chunk);
	fclose(fp);
	return st;
}

static enum sahifa_status feed_jsonl(void *ctx, const char *data, size_t len)
{
	return jsonl_check_feed(ctx, data, len);
}

static enum sahifa_status flush_jsonl(void *ctx)
{
	return jsonl_check_flush(ctx);
}

static enum sahifa_status feed_csv(void *ctx, const char *data, size_t len)
{
	return csv_check_feed(ctx, data, len);
}

static enum sahifa_status check_jsonl_file(struct vrun *r, const char *path,
					   struct sahifa_error *err)
{
	struct sahifa_schema *s;
	struct jsonl_check c;
	enum sahifa_status st = vrun_article_schema(r, &s, err);

	if (st)
		return st;
	jsonl_check_init(&c, r, path, s);
	st = stream_file(r, path, feed_jsonl, flush_jsonl, &c);
	if (!st)
		st = jsonl_check_finish(&c);
	if (st != SAHIFA_ERR_IO)
		vrun_file_done(r, path, "jsonl", c.rows);
	jsonl_check_release(&c);
	return st;
}

/* The Table Schema for a CSV: the option, else the built-in one named like the file. */
static enum sahifa_status csv_table_schema(struct vrun *r, const char *path,
					   struct table_schema **out, struct sahifa_error *err)
{
	const struct sahifa_embed *e;
	struct sahifa_buf text;
	enum sahifa_status st;
	const char *base = base_name(path);

	if (r->opts->table_schema) {
		st = vread_file(r->opts->table_schema, SHF_LAYOUT_META_MAX, &text, err);
		if (!st) {
			st = table_schema_load(text.data, text.len, out, err);
			if (st) {
				sahifa_error_set_path(err, r->opts->table_schema);
				st = SAHIFA_ERR_USAGE;
			}
		}
		sahifa_buf_release(&text);
		return st;
	}
	if (!strcmp(base, "articles.csv"))
		e = shf_embed_find("schema/articles.table.json");
	else if (!strcmp(base, "paragraphs.csv"))
		e = shf_embed_find("schema/paragraphs.table.json");
	else
		return sahifa_error_set(err, SAHIFA_ERR_USAGE, path, 0, 0,
					"no Table Schema for this CSV (name it articles.csv or "
					"paragraphs.csv, or give --table-schema)");
	if (!e)
		return sahifa_error_set(err, SAHIFA_ERR_INTERNAL, path, 0, 0,
					"the Table Schema is not built in");
	return table_schema_load(e->data, e->len, out, err);
}

static enum sahifa_status check_csv_file(struct vrun *r, const char *path,
					 struct sahifa_error *err)
{
	struct table_schema *ts = NULL;
	struct csv_check c;
	enum sahifa_status st = csv_table_schema(r, path, &ts, err);

	if (st)
		return st;
	st = csv_check_init(&c, r, path, ts);
	if (!st) {
		st = stream_file(r, path, feed_csv, NULL, &c);
		if (!st)
			st = csv_check_finish(&c);
		if (st != SAHIFA_ERR_IO)
			vrun_file_done(r, path, "csv", c.rows);
		csv_check_release(&c);
	}
	table_schema_free(ts);
	return st;
}

static enum sahifa_status check_meta_file(struct vrun *r, const char *path, int manifest)
{
	struct sahifa_buf text;
	struct sahifa_json *doc = NULL;
	struct sahifa_error e;
	enum sahifa_status st = vread_file(path, SHF_LAYOUT_META_MAX, &text, &e);

	if (st) {
		if (st == SAHIFA_ERR_IO)
			vrun_report_io(r, &e);
		else
			vrun_report_error(r, path, &e);
		sahifa_buf_release(&text);
		return st == SAHIFA_ERR_IO ? st : SAHIFA_OK;
	}
	if (manifest)
		st = manifest_check(r, path, text.data, text.len, &doc);
	else
		st = datapackage_check(r, path, text.data, text.len, &doc);
	shf_json_free(doc);
	sahifa_buf_release(&text);
	vrun_file_done(r, path, manifest ? "manifest" : "datapackage", 0);
	return st;
}

static int is_archive_name(const char *path)
{
	static const char *const suffixes[] = { ".tar.gz", ".tgz", ".tar.xz", ".tar.zst",
						".tar.bz2", ".tar", ".zip", NULL };
	size_t i;

	for (i = 0; suffixes[i]; i++)
		if (ends_with(path, suffixes[i]))
			return 1;
	return 0;
}

static enum sahifa_status check_path(struct vrun *r, const char *path, struct sahifa_error *err)
{
	struct stat sb;
	struct sahifa_error e;
	const char *base = base_name(path);

	r->file_errors = 0;
	if (stat(path, &sb) != 0) {
		sahifa_error_set(&e, SAHIFA_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
		vrun_report_io(r, &e);
		return SAHIFA_ERR_IO;
	}
	if (S_ISDIR(sb.st_mode))
		return validate_release_dir(r, path);
	if (ends_with(path, ".jsonl"))
		return check_jsonl_file(r, path, err);
	if (ends_with(path, ".csv"))
		return check_csv_file(r, path, err);
	if (!strcmp(base, "manifest.json"))
		return check_meta_file(r, path, 1);
	if (!strcmp(base, "datapackage.json"))
		return check_meta_file(r, path, 0);
	if (is_archive_name(path))
		return validate_release_archive(r, path);
	return sahifa_error_set(err, SAHIFA_ERR_USAGE, path, 0, 0,
				"cannot tell what to check (expected .jsonl, .csv, manifest.json, "
				"datapackage.json, a release directory or archive)");
}

enum sahifa_status sahifa_validate_run(const struct sahifa_validate_options *opts,
				       const char *const *paths, size_t n_paths,
				       sahifa_diag_fn diag, sahifa_validate_file_fn on_file,
				       void *diag_ctx, struct sahifa_validate_summary *summary,
				       struct sahifa_error *err)
{
	struct vrun r;
	size_t i;
	enum sahifa_status st = SAHIFA_OK;

	memset(summary, 0, sizeof(*summary));
	memset(&r, 0, sizeof(r));
	r.opts = opts;
	r.diag = diag;
	r.on_file = on_file;
	r.ctx = diag_ctx;
	r.sum = summary;
	r.threads = shf_pool_threads(opts->threads);
	/* A bad --schema is a usage error even when no .jsonl is given. */
	if (opts->schema && (st = vrun_article_schema(&r, &r.article, err)))
		goto out;
	for (i = 0; i < n_paths && !vrun_stopped(&r); i++) {
		st = check_path(&r, paths[i], err);
		if (st && sahifa_error_grade(err, st) != SAHIFA_FATAL)
			st = SAHIFA_OK;  /* reported; the other paths go on */
		if (st)
			goto out;
	}
	st = r.io;
out:
	for (i = 0; i < r.n_copies; i++)
		shf_schema_free(r.copies[i]);
	shf_schema_free(r.article);
	shf_schema_free(r.manifest);
	return st;
}
