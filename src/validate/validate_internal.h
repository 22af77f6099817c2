/*
 * What the validate modules share (src/validate*.c): the run state and the checkers of
 * one kind of content, each push-based (feed bytes, then finish) so that a file on
 * disk and a member of an archive are checked by the same code.
 *
 * Data problems are reported through vrun_report() and do not fail a feed; a feed
 * returns non-OK only to stop: out of memory, or max_errors reached (vrun_stopped).
 */
#ifndef SAHIFA_VALIDATE_INTERNAL_H
#define SAHIFA_VALIDATE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "core/hset.h"
#include "core/pool.h"
#include "release/layout.h"
#include "validate/csv_read.h"
#include "validate/json_schema.h"
#include "sahifa/buf.h"
#include "sahifa/validate.h"

/* Threads checking JSONL rows at most (--threads). */
#define VALIDATE_MAX_THREADS SHF_POOL_MAX_THREADS

struct vrun {
	const struct sahifa_validate_options *opts;
	sahifa_diag_fn diag;
	sahifa_validate_file_fn on_file;
	void *ctx;
	struct sahifa_validate_summary *sum;
	struct sahifa_schema *article;      /* compiled once per run */
	struct sahifa_schema *manifest;     /* NULL when no manifest schema is embedded */
	int manifest_loaded;
	enum sahifa_status io;              /* SAHIFA_ERR_IO once a file could not be read */
	unsigned long long file_errors;     /* errors of the file being checked */
	unsigned threads;                   /* opts->threads, 0 resolved */
	struct sahifa_schema *copies[VALIDATE_MAX_THREADS - 1];  /* of article, for threads */
	unsigned n_copies;
};

void vrun_report(struct vrun *r, const char *path, long line, long col, const char *where,
		 const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Report an error filled by a library call (keeps its line/col/where/msg). */
void vrun_report_error(struct vrun *r, const char *path, const struct sahifa_error *e);
/* Report an I/O failure (counted, and the run ends with SAHIFA_ERR_IO). */
void vrun_report_io(struct vrun *r, const struct sahifa_error *e);
int vrun_stopped(const struct vrun *r);
void vrun_file_done(struct vrun *r, const char *path, const char *kind, unsigned long long rows);
enum sahifa_status vrun_article_schema(struct vrun *r, struct sahifa_schema **out,
				       struct sahifa_error *err);
/* Copies of schema s for the other threads into out[0..n), made once per run; returns
 * n: r->threads - 1, fewer when copies could not be made (or s is not the article
 * schema), 0 when rows are checked on one thread. */
unsigned vrun_schema_copies(struct vrun *r, struct sahifa_schema *s, struct sahifa_schema **out);

/* ---- JSONL ---- */
struct jsonl_batch;
typedef enum sahifa_status (*jsonl_row_fn)(void *ctx, const struct sahifa_json *row, long line);

struct jsonl_check {
	struct vrun *run;
	const char *path;
	struct sahifa_schema *schema;       /* borrowed */
	struct jsonl_batch *batch;          /* lines gathered, checked together */
	long line;                          /* lines completed */
	unsigned long long rows;
	int skipping;                       /* inside a line past the length limit */
	jsonl_row_fn on_row;                /* optional: each row that parsed */
	void *row_ctx;
};
void jsonl_check_init(struct jsonl_check *c, struct vrun *run, const char *path,
		      struct sahifa_schema *schema);
enum sahifa_status jsonl_check_feed(struct jsonl_check *c, const char *data, size_t len);
/* Check and report the complete lines gathered so far (before reporting anything
 * else about the file, so that reports stay in order). */
enum sahifa_status jsonl_check_flush(struct jsonl_check *c);
enum sahifa_status jsonl_check_finish(struct jsonl_check *c);
void jsonl_check_release(struct jsonl_check *c);

/* ---- CSV against a Table Schema ---- */
struct table_schema;
/* Compile a Frictionless Table Schema (fields with types string/integer/number and
 * constraints required, unique, enum, pattern, minimum, maximum; primaryKey). */
enum sahifa_status table_schema_load(const char *text, size_t len, struct table_schema **out,
				     struct sahifa_error *err);
void table_schema_free(struct table_schema *ts);

typedef enum sahifa_status (*csv_row_fn)(void *ctx, const char *const *fields,
					 const size_t *lens, size_t n, long line);

struct csv_check {
	struct vrun *run;
	const char *path;
	struct table_schema *ts;            /* borrowed */
	struct sahifa_csv_reader *reader;
	unsigned long long rows;            /* data rows (the header not counted) */
	int header_ok;                      /* the header record was read */
	int reader_failed;                  /* a syntax error ended the reading */
	int fed;                            /* bytes were fed (a BOM is skipped before) */
	int bom;                            /* the file began with a UTF-8 BOM (--csv-excel) */
	struct shf_hset keys;               /* primary-key hash -> first line */
	csv_row_fn on_row;                  /* optional: each data row of the right width */
	void *row_ctx;
};
enum sahifa_status csv_check_init(struct csv_check *c, struct vrun *run, const char *path,
				  struct table_schema *ts);
enum sahifa_status csv_check_feed(struct csv_check *c, const char *data, size_t len);
enum sahifa_status csv_check_finish(struct csv_check *c);
void csv_check_release(struct csv_check *c);

uint64_t vhash(const void *data, size_t len, uint64_t h);
#define VHASH_SEED 14695981039346656037ULL

/* ---- manifest.json and datapackage.json on their own ---- */
/* Check a manifest's shape (against schema/manifest.schema.json when it is built in);
 * *doc receives the parsed manifest when it parsed (caller frees), else NULL. */
enum sahifa_status manifest_check(struct vrun *r, const char *path, const char *text, size_t len,
				  struct sahifa_json **doc);
enum sahifa_status datapackage_check(struct vrun *r, const char *path, const char *text,
				     size_t len, struct sahifa_json **doc);

/* ---- releases ---- */
enum sahifa_status validate_release_dir(struct vrun *r, const char *path);
enum sahifa_status validate_release_archive(struct vrun *r, const char *path);

/* Read a whole (small) file into out, at most max bytes; I/O errors fill err. */
enum sahifa_status vread_file(const char *path, size_t max, struct sahifa_buf *out,
			      struct sahifa_error *err);

#endif
