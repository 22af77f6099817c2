/*
 * validate: is this file, or this whole release, what the schemas say?  (src/validate/validate.c
 * orchestrates; src/validate/validate_jsonl.c, validate_csv.c and validate_release.c check one
 * kind each; src/validate/json_schema.c is the JSON Schema validator.)
 *
 * Each path is one of: a .jsonl file (every row against schema/article.schema.json,
 * the embedded copy, or opts->schema), a .csv file (against its Table Schema:
 * articles.csv / paragraphs.csv by file name, or opts->table_schema), manifest.json,
 * datapackage.json, a release directory NAME-X.Y.Z/ or a release archive (.tar.gz,
 * .tgz, .tar.xz, .tar.zst, .tar, .zip), read member by member without unpacking.
 *
 * Every problem found is one diagnostic (severity SAHIFA_FAILED) through the diag
 * callback: path (archive!member for members), line, col (code points), where (a JSON
 * pointer into the row) and msg.
 */
#ifndef SAHIFA_VALIDATE_H
#define SAHIFA_VALIDATE_H

#include <stddef.h>
#include "sahifa/buf.h"
#include "sahifa/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Errors reported before validate stops when the caller gives no limit. */
#define SAHIFA_VALIDATE_DEFAULT_MAX_ERRORS 100

struct sahifa_validate_options {
	const char *schema;                  /* JSON Schema for .jsonl rows; NULL: embedded */
	const char *table_schema;            /* Table Schema for .csv files; NULL: by name */
	unsigned long long max_errors;       /* stop after this many errors; 0: no limit */
	unsigned long long max_uncompressed; /* bytes read from one archive; 0: the
						SAHIFA_MAX_ARCHIVE_TOTAL_BYTES guard */
	unsigned threads;                    /* threads checking JSONL rows; 0: one per
						online core.  Never changes the output */
};

struct sahifa_validate_summary {
	unsigned long long files;            /* files checked (release members count each) */
	unsigned long long rows;             /* JSONL rows and CSV data rows read */
	unsigned long long errors;           /* diagnostics reported */
	int stopped;                         /* 1: max_errors was reached */
};

/* Called once per file checked, after its checks, with what it found. */
struct sahifa_validate_file {
	const char *path;
	const char *kind;                    /* "jsonl", "csv", "manifest", "datapackage",
						"release", "member" */
	unsigned long long rows, errors;
};
typedef void (*sahifa_validate_file_fn)(void *ctx, const struct sahifa_validate_file *f);

/* Check every path.  Data problems go through diag and are counted in summary; the
 * run goes on past them (up to max_errors).  Returns SAHIFA_OK when every path was
 * read (valid or not: see summary->errors), SAHIFA_ERR_IO when one could not be read
 * (reported through diag too, the others are still checked), SAHIFA_ERR_USAGE for a
 * path of no kind validate knows or a schema that does not load (err filled).
 * on_file may be NULL; both callbacks get diag_ctx. */
enum sahifa_status sahifa_validate_run(const struct sahifa_validate_options *opts,
				       const char *const *paths, size_t n_paths,
				       sahifa_diag_fn diag, sahifa_validate_file_fn on_file,
				       void *diag_ctx, struct sahifa_validate_summary *summary,
				       struct sahifa_error *err);

/* The machine-readable report (src/validate/json_validate_report.c), collected through the
 * callbacks above: sahifa_validate_report_diag / _file are a diag and an on_file
 * callback whose ctx is the report. */
struct sahifa_validate_report {
	struct sahifa_buf files;             /* JSON array items, comma-separated */
	struct sahifa_buf errors;
	int failed;                          /* out of memory while collecting */
};
void sahifa_validate_report_init(struct sahifa_validate_report *r);
void sahifa_validate_report_release(struct sahifa_validate_report *r);
void sahifa_validate_report_diag(void *report, const struct sahifa_error *err);
void sahifa_validate_report_file(void *report, const struct sahifa_validate_file *f);
/* {"files": [...], "rows": N, "errors": [{"path","line","col","where","message"}],
 *  "valid": bool} and a newline, appended to out. */
enum sahifa_status sahifa_validate_report_to_json(const struct sahifa_validate_report *r,
						  const struct sahifa_validate_summary *summary,
						  struct sahifa_buf *out);

#ifdef __cplusplus
}
#endif
#endif
