/*
 * The normalized match key (src/text/icu_fold.c, ICU): what pack compares to find exact
 * duplicates.  The key is never written anywhere; the text itself is left untouched.
 *
 * Folding: NFKC with case folding (ICU's NFKC_Casefold, which also drops default
 * ignorables), then Arabic spelling variants merged and marks dropped by the one table
 * of src/text/arabic_fold.h (the table chrome matching uses too).  Runs of
 * white space become one space; leading and trailing space is dropped.
 */
#ifndef SAHIFA_ICU_FOLD_H
#define SAHIFA_ICU_FOLD_H

#include <stddef.h>
#include "sahifa/buf.h"
#include "sahifa/error.h"

/* Append the key of text[0..len) (UTF-8) to out.  Invalid UTF-8 fails with
 * SAHIFA_ERR_DATA; a full buffer with SAHIFA_ERR_LIMIT. */
enum sahifa_status shf_fold_key(const char *text, size_t len, struct sahifa_buf *out,
				   struct sahifa_error *err);

/* The match key of a whole article: its headline and paragraph texts folded, each
 * paragraph after a U+001E separator (pack's exact-duplicate key, dedup's text).  out is
 * reset first.  Errors as above; a full buffer names "match key too long". */
struct sahifa_article;
enum sahifa_status shf_article_match_key(const struct sahifa_article *a,
					    struct sahifa_buf *out, struct sahifa_error *err);

#endif
