/*
 * sahifa tag: the language and script of each line of UTF-8 text (src/text/tag.c).
 * One output line per input line, in order, streaming: memory is bounded by
 * SAHIFA_MAX_LINE_BYTES whatever the input's size.
 */
#ifndef SAHIFA_TAG_H
#define SAHIFA_TAG_H

#include <stdio.h>
#include "sahifa/error.h"
#include "sahifa/lid.h"

#ifdef __cplusplus
extern "C" {
#endif

struct sahifa_tag_options {
	int json;                        /* 1: {"lang","script","confidence","tag"} per line */
	enum sahifa_lid_engine engine;
	const char *name;                /* the input's name in messages ("-" for stdin) */
};

struct sahifa_tag_summary {
	unsigned long long lines;        /* lines read */
	unsigned long long rejected;     /* tagged und because too long or not UTF-8 */
};

/* Read lines from in (a final line without newline counts; a CR before the newline is
 * dropped) and write one tag line per line to out: LANG<TAB>SCRIPT<TAB>CONFIDENCE, or
 * a JSON object with o->json.  A line longer than SAHIFA_MAX_LINE_BYTES or not valid
 * UTF-8 is tagged und, reported through diag (may be NULL; the error is graded
 * SAHIFA_FAILED) and counted in sum->rejected; the other lines go on.  in, out and ctx
 * are borrowed.  Returns SAHIFA_OK, or SAHIFA_ERR_IO when reading in failed (err
 * filled) or writing out failed (err filled; stop at once). */
enum sahifa_status sahifa_tag_run(const struct sahifa_tag_options *o, FILE *in, FILE *out,
				  sahifa_diag_fn diag, void *ctx, struct sahifa_tag_summary *sum,
				  struct sahifa_error *err);

#ifdef __cplusplus
}
#endif
#endif
