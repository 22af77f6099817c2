/*
 * Script counting over UTF-8 text with ICU (src/text/icu_script.c, the only file here that
 * includes ICU).  Internal to the library: lid.c builds on it.
 */
#ifndef SAHIFA_ICU_SCRIPT_H
#define SAHIFA_ICU_SCRIPT_H

#include <stddef.h>
#include <stdint.h>
#include "sahifa/article.h"

/* Slots for ICU's UScriptCode values (icu_script.c checks that they fit). */
#define SAHIFA_SCRIPT_SLOTS 256

/* Letters counted per script, plus every code point of the Arabic block
 * U+0600..U+06FF (letters, digits and marks alike) for the Arabic-script layer, all in
 * the same pass.  Plain data: zero it with shf_script_counts_init(). */
struct sahifa_script_counts {
	uint64_t letters;                      /* letters of a real script */
	uint64_t chars;                        /* code points seen */
	uint32_t script[SAHIFA_SCRIPT_SLOTS];  /* letters per UScriptCode */
	uint32_t arabic[256];                  /* code points U+0600 + i */
	uint32_t zwnj;                         /* U+200C, Persian's half-space */
	uint32_t refused;                      /* what CLD2 refuses: see below */
};

void shf_script_counts_init(struct sahifa_script_counts *c);

/* Add the letters of len bytes of UTF-8 to c.  Common and Inherited letters are not
 * counted; invalid bytes are skipped.  c->refused counts the invalid sequences and the
 * code points that CLD2's input check refuses as not interchange-valid (C0 controls
 * but tab, newline, form feed and carriage return; DEL and the C1 controls; the
 * noncharacters), so that text with none need not be checked again. */
void shf_script_count(const char *utf8, size_t len, struct sahifa_script_counts *c);

/* Whether shf_script_count counts the code point c as a letter. */
int shf_script_is_letter(uint32_t c);

/* Whether the code point c takes no column on a text terminal's screen, as wcwidth()
 * counts it: a nonspacing or enclosing mark (Burmese, Thai and Devanagari vowel signs,
 * Arabic harakat) or a format character (ZWJ, ZWNJ), but the soft hyphen. */
int shf_script_zero_width(uint32_t c);

/* Add b's letters into a: letters, chars and the letters per script, what a document's
 * shares and dominant script are read from.  The Arabic block's code points, ZWNJ and
 * refused are left as they are: they are one text's, for its own tag. */
void shf_script_letters_add(struct sahifa_script_counts *a, const struct sahifa_script_counts *b);

/* Proportions of c's letters per ISO 15924 code, largest first (ties by code), rounded
 * to 3 decimals, at most max entries.  Hiragana and Katakana with Han count as "Jpan".
 * Returns the number written; 0 when there are no letters. */
size_t shf_script_shares(const struct sahifa_script_counts *c, struct sahifa_script_share *out,
			    size_t max);

/* The dominant script's ISO 15924 code into out (SAHIFA_SCRIPT_MAX bytes): "Zyyy" when
 * there are no letters. */
void shf_script_dominant(const struct sahifa_script_counts *c, char *out);

/* Letters of the Arabic script in c. */
uint64_t shf_script_arabic_letters(const struct sahifa_script_counts *c);

#endif
