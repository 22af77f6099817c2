/*
 * Regular expressions for validation (src/text/icu_regex.c, the only file of validate that
 * includes ICU): JSON Schema "pattern" and Table Schema "pattern" through ICU's uregex,
 * matched directly on UTF-8 text (no conversion).  ICU's syntax is close to ECMA-262
 * for what schemas use (classes, anchors, quantifiers, groups, alternation); \d and \w
 * are Unicode-aware in ICU, as in Python's re.
 *
 * A struct sahifa_regex is compiled once and reused for every value; it is not
 * thread-safe (ICU keeps the match state in it).
 */
#ifndef SAHIFA_ICU_REGEX_H
#define SAHIFA_ICU_REGEX_H

#include <stddef.h>
#include "sahifa/error.h"

struct sahifa_regex;  /* opaque */

/* Compile pattern (UTF-8, NUL-terminated).  A syntax error fails with SAHIFA_ERR_DATA
 * and a message naming the column in the pattern.  *out is owned by the caller. */
enum sahifa_status shf_regex_compile(const char *pattern, struct sahifa_regex **out,
					struct sahifa_error *err);
/* 1 when the pattern matches somewhere in text[0..len) (ECMA "search" semantics),
 * 0 when not, -1 when ICU failed (err filled). */
int shf_regex_search(struct sahifa_regex *re, const char *text, size_t len,
			struct sahifa_error *err);
/* 1 when the pattern matches the whole of text[0..len) (Table Schema semantics). */
int shf_regex_full_match(struct sahifa_regex *re, const char *text, size_t len,
			    struct sahifa_error *err);
void shf_regex_free(struct sahifa_regex *re);  /* accepts NULL */

#endif
