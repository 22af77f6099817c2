/*
 * convert: raw inputs -> article records (src/convert/convert.c).
 */
#ifndef SAHIFA_CONVERT_H
#define SAHIFA_CONVERT_H

#include <stddef.h>
#include "sahifa/article.h"
#include "sahifa/decode.h"
#include "sahifa/error.h"
#include "sahifa/input.h"
#include "sahifa/segment.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What an input is read as.  AUTO: WARC by its "WARC/" header, HTML by its first
 * markup (or a container's text/html type), else text. */
enum sahifa_format {
	SAHIFA_FORMAT_AUTO = 0,
	SAHIFA_FORMAT_TEXT,
	SAHIFA_FORMAT_HTML,
	SAHIFA_FORMAT_WARC
};

struct sahifa_convert_options {
	enum sahifa_on_invalid on_invalid;
	enum sahifa_format format;
	const struct sahifa_rules *rules;   /* borrowed; must outlive the call */
	unsigned threads;                   /* 0 = one per online core */
	const char *output;                 /* JSONL path, "-" or NULL for stdout */
	const char *rejects;                /* rejects JSONL path, or NULL */
	/* Progress of the walk (records, bytes, a WARC's compressed offset); NULL: none.
	 * Called from the reading thread after each input. */
	sahifa_progress_fn progress;
	void *progress_ctx;
	/* Sharded run (include/sahifa/shard.h): NULL converts every input; else only
	 * share k of n (see sahifa_input_options.shard), and output (a file) gets a sidecar. */
	const struct sahifa_convert_shard *shard;
};

struct sahifa_convert_shard {
	unsigned k, n;
	/* What else decides the records and every share must share (the rules files'
	 * hashes, ...), hashed into the run's fingerprint; NULL for none.  Borrowed. */
	const char *salt;
};

#define SAHIFA_SKIP_REASONS_MAX 16        /* distinct skip reasons counted apart */

struct sahifa_convert_summary {
	unsigned long long inputs;          /* records + rejects + skipped */
	unsigned long long records;
	unsigned long long rejects;
	unsigned long long skipped;         /* not articles by design (see input.h) */
	struct {
		const char *reason;         /* static string from the reader */
		unsigned long long n;
	} skips[SAHIFA_SKIP_REASONS_MAX];   /* by reason, in order first seen; the rest "other" */
	size_t n_skips;
	unsigned long long replaced;        /* invalid bytes replaced, all inputs */
	unsigned long long bytes_in;
};

/* Convert one input held in memory (item->data, item->len; item->error and item->skip
 * NULL).  a must be initialised.  name and member as in struct sahifa_source (member
 * may be NULL); content_type, declared_charset and warc are used when set. */
enum sahifa_status sahifa_convert_one(const struct sahifa_convert_options *opts,
				      const struct sahifa_input_item *item,
				      struct sahifa_article *a, struct sahifa_error *err);

/* Convert every input (files, directories walked in sorted order, "-" for stdin,
 * archives member by member) and write one JSONL line per record, in input order
 * whatever the thread count.  Each reject is reported through diag (severity
 * SAHIFA_FAILED) and, with opts->rejects, written as JSONL.  Returns SAHIFA_OK when
 * the run completed (even with rejects: see summary), another status on a fatal error. */
enum sahifa_status sahifa_convert_run(const struct sahifa_convert_options *opts,
				      const char *const *inputs, size_t n_inputs,
				      sahifa_diag_fn diag, void *diag_ctx,
				      struct sahifa_convert_summary *summary,
				      struct sahifa_error *err);

/* One reject as a JSON line (no newline) for --rejects: where the input came from,
 * its size and hash when it was read, and why it failed (src/record/json_record.c). */
enum sahifa_status sahifa_reject_to_json(const char *name, const char *member,
					 unsigned long long bytes, const char *sha256,
					 const struct sahifa_error *why, struct sahifa_buf *out);

#ifdef __cplusplus
}
#endif
#endif
