/*
 * Shared between the segmenter's two files: src/text/segment_rules.c (loading and matching
 * rules, the folding that matching uses) and src/text/segment.c (the segmenter proper).
 */
#ifndef SAHIFA_SEGMENT_INTERNAL_H
#define SAHIFA_SEGMENT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "sahifa/limits.h"
#include "sahifa/segment.h"

/* Code point returned for a byte that does not start a valid UTF-8 sequence. */
#define SEG_INVALID_CP 0xFFFDu

/* A folded line longer than this cannot equal any rule (a rule is at most
 * SAHIFA_MAX_RULE_BYTES bytes, so at most that many code points); such lines are not
 * matched at all. */
#define SEG_FOLD_CAP (SAHIFA_MAX_RULE_BYTES + 1)

/* prefix, contains and repeat rules look only at lines this short (code points):
 * chrome is short, and this keeps a phrase that also starts real prose away from it. */
#define SEG_RULE_LINE_MAX_CHARS 120

/* Bylines are short credit lines. */
#define SEG_BYLINE_MAX_CHARS 80

enum seg_rule_kind {
	SEG_RULE_LINE = 0,   /* the whole line */
	SEG_RULE_PREFIX,     /* the line starts with the phrase (at a word boundary) */
	SEG_RULE_CONTAINS,   /* the phrase occurs in the line as whole words */
	SEG_RULE_REPEAT,     /* the line is mostly the phrase repeated */
	SEG_RULE_END,        /* the whole line; the article ends here */
	SEG_RULE_BYLINE      /* a byline starts with the phrase */
};

struct seg_rule {
	enum seg_rule_kind kind;
	uint32_t *cps;       /* the phrase, folded (owned) */
	size_t n;
	char *detail;        /* "prefix 'Google News'" (owned) */
};

struct sahifa_rules {
	struct seg_rule *items;
	size_t n, cap;
	size_t max_exact;    /* longest line or end phrase: longer lines need no folding */
	size_t file_start;   /* rules before the file being loaded (its limit is its own) */
};

/* Decode one code point at s (len > 0 bytes available); returns the bytes used (at
 * least 1) and sets *cp, SEG_INVALID_CP for an invalid sequence (1 byte used). */
size_t seg_utf8_next(const unsigned char *s, size_t len, uint32_t *cp);

/* Fold text for matching into out (at most max code points): ASCII case, Arabic
 * diacritics and tatweel dropped, alef/yeh/teh marbuta/kaf variants unified, every
 * space and invisible mark as one space.  Returns the folded length, or max + 1 when
 * the text does not fit. */
size_t seg_fold(const char *s, size_t len, uint32_t *out, size_t max);

/* 1 when cp is part of a word (a letter, a digit or a combining mark). */
int seg_is_word(uint32_t cp);

/* The first chrome rule (line, prefix, contains, repeat, end) that matches the folded
 * line f[0..n) of chars code points; sentence is 1 when the line ends like a sentence.
 * NULL when none does. */
const struct seg_rule *seg_rules_chrome(const struct sahifa_rules *rules, const uint32_t *f,
					size_t n, size_t chars, int sentence);

/* The first byline rule that matches the folded line f[0..n), or NULL. */
const struct seg_rule *seg_rules_byline(const struct sahifa_rules *rules, const uint32_t *f,
					size_t n);

#endif
