/*
 * sahifa error model.
 *
 * Every library function that can fail returns an enum sahifa_status and, when it
 * fails, fills a caller-owned struct sahifa_error.  The library never prints and never
 * exits; the caller decides what to show.  Data problems are graded by severity:
 * a warning (counted, processing goes on), a failed input (that input is rejected,
 * the others go on), a fatal error (stop now).
 */
#ifndef SAHIFA_ERROR_H
#define SAHIFA_ERROR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum sahifa_status {
	SAHIFA_OK = 0,
	SAHIFA_ERR_DATA,     /* the input is not what it should be */
	SAHIFA_ERR_USAGE,    /* a caller-supplied option or argument is wrong */
	SAHIFA_ERR_IO,       /* reading or writing a file failed */
	SAHIFA_ERR_LIMIT,    /* a named sanity limit (limits.h) was hit */
	SAHIFA_ERR_NOMEM,    /* allocation failed */
	SAHIFA_ERR_INTERNAL  /* a dependency failed in a way that is not the input's fault */
};

enum sahifa_severity {
	SAHIFA_WARNING = 0,  /* counted; the record is kept or the item skipped with a reason */
	SAHIFA_FAILED,       /* this input failed; the others go on */
	SAHIFA_FATAL         /* stop */
};

#define SAHIFA_ERROR_PATH_MAX 1024
#define SAHIFA_ERROR_MSG_MAX 512
#define SAHIFA_ERROR_WHERE_MAX 256

struct sahifa_error {
	enum sahifa_status status;
	enum sahifa_severity severity;
	char path[SAHIFA_ERROR_PATH_MAX];     /* file, or archive!member; may be empty */
	long line;                            /* 1-based; 0 = no line */
	long col;                             /* 1-based; 0 = no column */
	char where[SAHIFA_ERROR_WHERE_MAX];   /* JSON pointer into a record; may be empty */
	char msg[SAHIFA_ERROR_MSG_MAX];       /* lower-case start, no final period */
};

/* Callback through which long-running entry points report warnings and failed inputs
 * while they go on.  The error is only valid during the call. */
typedef void (*sahifa_diag_fn)(void *ctx, const struct sahifa_error *err);

/* The grade an error of this status gets where it is made, unless its maker says
 * otherwise (sahifa_error_set_grade): the input is wrong, too big or cannot be read
 * (DATA, LIMIT, IO): SAHIFA_FAILED; a wrong option, no memory or a dependency that
 * broke (USAGE, NOMEM, INTERNAL): SAHIFA_FATAL.  SAHIFA_OK grades SAHIFA_WARNING. */
enum sahifa_severity sahifa_status_grade(enum sahifa_status status);

/* Regrade a filled error (a warning, or a failure that must stop the run); returns
 * err->status.  err may be NULL. */
enum sahifa_status sahifa_error_set_grade(struct sahifa_error *err, enum sahifa_severity grade);

/* How bad a call's failure is: err's grade when err holds status (the call filled it),
 * else the grade of status alone (a call that returned a bare status).  Callers read
 * this instead of listing statuses. */
enum sahifa_severity sahifa_error_grade(const struct sahifa_error *err, enum sahifa_status status);

/* Clear to "no error". */
void sahifa_error_clear(struct sahifa_error *err);

/* Fill err (which may be NULL) and return status.  path may be NULL. */
enum sahifa_status sahifa_error_set(struct sahifa_error *err, enum sahifa_status status,
				    const char *path, long line, long col,
				    const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* sahifa_error_set(err, SAHIFA_ERR_NOMEM, path, 0, 0, "out of memory"): the one
 * spelling of an allocation failure.  path may be NULL. */
enum sahifa_status sahifa_error_nomem(struct sahifa_error *err, const char *path);

/* Like sahifa_error_set, for an input that may be an archive member: the path is
 * "archive!member" (or the archive alone when member is NULL), the one spelling of a
 * member's path in every message. */
enum sahifa_status sahifa_error_set_member(struct sahifa_error *err, enum sahifa_status status,
					   const char *archive, const char *member,
					   const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Write "archive!member" (or archive alone) into out, always NUL-terminated. */
void sahifa_member_path(const char *archive, const char *member, char *out, size_t size);

/* Set the path of an error that was filled without one (keeps line/col/msg). */
void sahifa_error_set_path(struct sahifa_error *err, const char *path);

/* Format as "path:line:col: message (at /where)" into out (always NUL-terminated). */
void sahifa_error_format(const struct sahifa_error *err, char *out, size_t size);

/* Copy value into out as a single-quoted, readable excerpt: cut at max_chars code
 * points (with "..."), control characters shown as \n, \t, \xHH.  Used for the
 * offending value in messages. */
void sahifa_quote(const char *value, size_t len, size_t max_chars, char *out, size_t size);

/* A short lower-case name for a status ("data", "i/o", ...). */
const char *sahifa_status_name(enum sahifa_status status);

#ifdef __cplusplus
}
#endif
#endif
