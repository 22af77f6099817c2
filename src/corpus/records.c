/* Reading record JSONL for the corpus stage: lines gathered into batches (bounded in
 * count and bytes), parsed and worked on by threads, collected in input order (see
 * src/corpus/corpus_internal.h). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/pool.h"
#include "corpus/corpus_internal.h"
#include "io/archive_read.h"
#include "sahifa/limits.h"

struct run {
	const struct corpus_pass *pass;
	struct corpus_line lines[SAHIFA_CORPUS_BATCH];
	size_t n, bytes;
	unsigned threads;
	unsigned long long index;
	struct sahifa_error *err;
	char path[SAHIFA_ERROR_PATH_MAX];   /* of the input being read */
	size_t input;
	long line;
	struct sahifa_buf pending;          /* a line split across archive reads */
	char chunk[1 << 16];                /* read buffer */
};

static void do_line(struct run *r, struct corpus_line *l)
{
	if (r->pass->raw)
		return;
	l->st = sahifa_article_from_json(l->text.data ? l->text.data : "", l->text.len, &l->a,
					 &l->err);
	if (!l->st && r->pass->work)
		l->st = r->pass->work(r->pass->ctx, l);
}

/* One line of the batch, on whichever thread of the pool takes it. */
static void do_index(void *ctx, unsigned thread, size_t i)
{
	struct run *r = ctx;

	(void)thread;
	do_line(r, &r->lines[i]);
}

static enum sahifa_status flush(struct run *r)
{
	size_t i;
	enum sahifa_status st = SAHIFA_OK;

	shf_pool_run(r->threads, r->n, do_index, r);
	for (i = 0; i < r->n; i++) {
		struct corpus_line *l = &r->lines[i];

		if (!st && l->st) {
			/* the record's own message, placed at its line */
			*r->err = l->err;
			snprintf(r->err->path, sizeof(r->err->path), "%s", l->path);
			r->err->line = l->line;
			st = l->st;
		}
		if (!st && r->pass->collect)
			st = r->pass->collect(r->pass->ctx, l);
		else
			free(l->out);   /* a plain block from work, not collected after a failure */
		l->out = NULL;
		sahifa_article_release(&l->a);
		sahifa_article_init(&l->a);
		sahifa_buf_reset(&l->text);
		free((void *)l->path);
		l->path = NULL;
	}
	r->n = 0;
	r->bytes = 0;
	return st;
}

/* Queue one line (without its newline). */
static enum sahifa_status add_line(struct run *r, const char *text, size_t len)
{
	struct corpus_line *l = &r->lines[r->n];

	r->line++;
	if (!(l->path = sahifa_strdup(r->path)) ||
	    sahifa_buf_append(&l->text, text, len))
		return sahifa_error_set(r->err, SAHIFA_ERR_NOMEM, r->path, r->line, 0,
					"out of memory");
	l->line = r->line;
	l->input = r->input;
	l->index = r->index++;
	sahifa_error_clear(&l->err);
	l->st = SAHIFA_OK;
	l->out = NULL;
	r->n++;
	r->bytes += len;
	if (r->n == SAHIFA_CORPUS_BATCH || r->bytes >= SAHIFA_CORPUS_BATCH_BYTES)
		return flush(r);
	return SAHIFA_OK;
}

/* Split a chunk into lines; the tail without a newline waits in r->pending. */
static enum sahifa_status add_chunk(struct run *r, const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	enum sahifa_status st;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (sahifa_buf_append(&r->pending, p, n)) {
			long at = r->line + 1;

			/* the lines before it first: the earliest bad line is the one named */
			if (r->n && (st = flush(r)))
				return st;
			return sahifa_error_set(r->err, SAHIFA_ERR_LIMIT, r->path, at, 0,
						"line longer than the %zu-byte limit",
						(size_t)SAHIFA_MAX_JSONL_LINE_BYTES);
		}
		if (!nl)
			break;
		if ((st = add_line(r, r->pending.data ? r->pending.data : "", r->pending.len)))
			return st;
		sahifa_buf_reset(&r->pending);
		p = nl + 1;
	}
	return SAHIFA_OK;
}

static enum sahifa_status end_input(struct run *r)
{
	enum sahifa_status st = SAHIFA_OK;

	if (r->pending.len)
		st = add_line(r, r->pending.data, r->pending.len);
	sahifa_buf_reset(&r->pending);
	return st;
}

static enum sahifa_status read_file(struct run *r, const char *path)
{
	char *chunk = r->chunk;
	FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	enum sahifa_status st = SAHIFA_OK;
	size_t n;

	snprintf(r->path, sizeof(r->path), "%s", path);
	r->line = 0;
	if (!fp)
		return sahifa_error_set(r->err, SAHIFA_ERR_IO, path, 0, 0, errno == ENOENT ?
					"does not exist" : "cannot open: %s", strerror(errno));
	while (!st && (n = fread(chunk, 1, sizeof(r->chunk), fp)) > 0)
		st = add_chunk(r, chunk, n);
	if (!st && ferror(fp))
		st = sahifa_error_set(r->err, SAHIFA_ERR_IO, path, 0, 0, "read error");
	if (fp != stdin)
		fclose(fp);
	return st ? st : end_input(r);
}

static void run_init(struct run *r, const struct corpus_pass *pass, struct sahifa_error *err)
{
	size_t i;

	memset(r, 0, sizeof(*r));
	r->pass = pass;
	r->err = err;
	r->threads = shf_pool_threads(pass->threads);
	sahifa_buf_init(&r->pending, SAHIFA_MAX_JSONL_LINE_BYTES);
	for (i = 0; i < SAHIFA_CORPUS_BATCH; i++) {
		sahifa_buf_init(&r->lines[i].text, 0);
		sahifa_article_init(&r->lines[i].a);
	}
}

static void run_release(struct run *r)
{
	size_t i;

	for (i = 0; i < SAHIFA_CORPUS_BATCH; i++) {
		sahifa_buf_release(&r->lines[i].text);
		sahifa_article_release(&r->lines[i].a);
		free((void *)r->lines[i].path);
	}
	sahifa_buf_release(&r->pending);
}

enum sahifa_status corpus_pass_run(const struct corpus_pass *pass, const char *const *inputs,
				   size_t n_inputs, struct sahifa_error *err)
{
	struct run *r = malloc(sizeof(*r));
	enum sahifa_status st = SAHIFA_OK;
	size_t i;

	if (!r)
		return sahifa_error_nomem(err, NULL);
	run_init(r, pass, err);
	for (i = 0; !st && i < n_inputs; i++) {
		r->input = i;
		st = read_file(r, inputs[i]);
	}
	if (!st && r->n)
		st = flush(r);
	run_release(r);
	free(r);
	return st;
}

/* ---- a release: data/ *.jsonl in a folder or an archive --------------------------- */

static int is_shard(const char *name)
{
	const char *d = strstr(name, "data/");
	size_t n = strlen(name);

	return d && (d == name || d[-1] == '/') && !strchr(d + 5, '/') && n > 6 &&
	       !strcmp(name + n - 6, ".jsonl");
}

struct release_read {
	struct run *r;
	const char *archive;
};

static enum sahifa_status release_member(void *ctx, const struct sahifa_archive_member *m)
{
	struct release_read *rr = ctx;
	struct run *r = rr->r;
	char *chunk = r->chunk;
	long long n;
	enum sahifa_status st = SAHIFA_OK;

	if (m->type != SAHIFA_MEMBER_FILE || !is_shard(m->name))
		return SAHIFA_OK;
	sahifa_member_path(rr->archive, m->name, r->path, sizeof(r->path));
	r->line = 0;
	while (!st && (n = shf_archive_member_read(m, chunk, sizeof(r->chunk), r->err)) > 0)
		st = add_chunk(r, chunk, (size_t)n);
	if (n < 0)
		return SAHIFA_ERR_DATA;
	return st ? st : end_input(r);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The shards of a release folder (PATH/data, or PATH/NAME/data), sorted. */
static enum sahifa_status release_dir(struct run *r, const char *path)
{
	char dir[SAHIFA_ERROR_PATH_MAX], file[SAHIFA_ERROR_PATH_MAX * 2 + 2];
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	struct dirent *de;
	DIR *d;
	enum sahifa_status st = SAHIFA_OK;

	if (snprintf(dir, sizeof(dir), "%s/data", path) >= (int)sizeof(dir))
		return sahifa_error_set(r->err, SAHIFA_ERR_USAGE, NULL, 0, 0, "path too long");
	if (!(d = opendir(dir))) {
		/* NAME-X.Y.Z/ inside */
		DIR *top = opendir(path);

		if (!top)
			return sahifa_error_set(r->err, SAHIFA_ERR_IO, path, 0, 0, errno == ENOENT ?
						"does not exist" : "cannot open: %s", strerror(errno));
		while ((de = readdir(top)))
			if (de->d_name[0] != '.') {
				if (snprintf(dir, sizeof(dir), "%s/%s/data", path, de->d_name) >=
				    (int)sizeof(dir))
					continue;
				if ((d = opendir(dir)))
					break;
			}
		closedir(top);
		if (!d)
			return sahifa_error_set(r->err, SAHIFA_ERR_DATA, path, 0, 0,
						"not a release: no data/ folder");
	}
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);

		if (len <= 6 || strcmp(de->d_name + len - 6, ".jsonl"))
			continue;
		if (n == cap) {
			void *p = realloc(names, (cap = cap ? cap * 2 : 16) * sizeof(*names));

			if (!p) {
				st = SAHIFA_ERR_NOMEM;
				break;
			}
			names = p;
		}
		if (!(names[n] = sahifa_strdup(de->d_name))) {
			st = SAHIFA_ERR_NOMEM;
			break;
		}
		n++;
	}
	closedir(d);
	if (st)
		sahifa_error_set(r->err, st, path, 0, 0, "out of memory");
	else if (n)
		qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; !st && i < n; i++) {
		snprintf(file, sizeof(file), "%s/%s", dir, names[i]);
		st = read_file(r, file);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return st;
}

enum sahifa_status corpus_pass_release(const struct corpus_pass *pass, const char *release,
				       struct sahifa_error *err)
{
	struct run *r = malloc(sizeof(*r));
	struct release_read rr;
	struct stat sb;
	enum sahifa_status st;

	if (!r)
		return sahifa_error_nomem(err, NULL);
	run_init(r, pass, err);
	rr.r = r;
	rr.archive = release;
	if (stat(release, &sb))
		st = sahifa_error_set(err, SAHIFA_ERR_IO, release, 0, 0, errno == ENOENT ?
				      "does not exist" : "cannot open: %s", strerror(errno));
	else if (S_ISDIR(sb.st_mode))
		st = release_dir(r, release);
	else
		st = shf_archive_each(release, release_member, &rr, err);
	if (!st && r->n)
		st = flush(r);
	run_release(r);
	free(r);
	return st;
}

unsigned long long corpus_count_lines(const char *const *inputs, size_t n_inputs)
{
	char *chunk = malloc(1 << 16);
	unsigned long long n = 0;
	size_t i, got;

	if (!chunk)
		return 0;
	for (i = 0; i < n_inputs; i++) {
		FILE *fp = fopen(inputs[i], "rb");
		char last = '\n';

		if (!fp)
			continue;
		while ((got = fread(chunk, 1, 1 << 16, fp)) > 0) {
			const char *p = chunk, *end = chunk + got;

			while ((p = memchr(p, '\n', (size_t)(end - p)))) {
				n++;
				p++;
			}
			last = chunk[got - 1];
		}
		n += last != '\n';
		fclose(fp);
	}
	free(chunk);
	return n;
}
