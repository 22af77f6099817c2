/*
 * Strict UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF, no truncated
 * sequences) and the counts every module takes of UTF-8 text (src/core/utf8.c).  The
 * decoder (src/text/icu_decode.c) has its own scanner, which also measures the invalid
 * parts it replaces.
 */
#ifndef SAHIFA_UTF8_H
#define SAHIFA_UTF8_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Length (1 to 4) of the valid sequence at s, with its code point in *cp; 0 when the
 * bytes at s are not a valid sequence (*cp is then left alone).  avail >= 1.  Inline:
 * the validators' inner loops call it for every non-ASCII character. */
static inline size_t sahifa_utf8_decode(const unsigned char *s, size_t avail, uint32_t *cp)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t n, i;
	uint32_t v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		n = 2, v = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF) {
		n = 3, v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;      /* overlong */
		else if (c == 0xED)
			hi = 0x9F;      /* surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4, v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;      /* overlong */
		else if (c == 0xF4)
			hi = 0x8F;      /* past U+10FFFF */
	} else
		return 0;
	if (avail < n || s[1] < lo || s[1] > hi)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = v << 6 | (s[i] & 0x3F);
	}
	*cp = v;
	return n;
}

/* Offset of the first byte that is not valid UTF-8, or len when all of it is. */
size_t sahifa_utf8_valid_prefix(const char *text, size_t len);

/* 1 when all of text is valid UTF-8; else 0 with the first bad offset in *bad (may
 * be NULL). */
int sahifa_utf8_valid(const char *text, size_t len, size_t *bad);

/* Writes code point cp (below 0x110000, not a surrogate) as 1 to 4 bytes of UTF-8 at
 * out, which has room for 4; returns how many were written. */
size_t sahifa_utf8_encode(uint32_t cp, char *out);

/* 1 when c is the full stop of a script that does not end its sentences with '.':
 * Armenian's, the danda of Devanagari and Bengali and its double, Myanmar's section
 * mark, Ethiopic's full stop and question mark, Khmer's khan and its end of chapter.
 * The quality signals' terminal punctuation and the page classifier's sentence ends
 * both read it. */
static inline int sahifa_script_full_stop(uint32_t c)
{
	return c == 0x0589 || c == 0x0964 || c == 0x0965 || c == 0x104B || c == 0x1362 ||
	       c == 0x1367 || c == 0x17D4 || c == 0x17D5;
}

/* Code points of UTF-8 text (continuation bytes are not counted). */
uint64_t sahifa_utf8_chars(const char *s, size_t len);

/* Words: tokens between ASCII white space or U+00A0 that hold an ASCII letter or digit
 * or a non-ASCII character outside the punctuation blocks. */
uint64_t sahifa_utf8_words(const char *s, size_t len);

#ifdef __cplusplus
}
#endif
#endif
