/* Strict UTF-8 validation and counts (include/sahifa/utf8.h). */
#include <stdint.h>
#include <string.h>
#include "sahifa/utf8.h"
#include "core/utf8_block.h"

#define ONES8 0x0101010101010101ULL
#define HIGH8 0x8080808080808080ULL

size_t sahifa_utf8_valid_prefix(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	uint64_t carry = 0;           /* HIGH8's first byte: the byte before s + i leads a
				       * two-byte character */
	size_t i = 0, stop, n;
	uint32_t cp;

	while (i < len) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		/* eight bytes at a time while they are ASCII or two-byte characters (the
		 * common case of Arabic, Cyrillic, Greek, Hebrew text) */
		if (len - i >= 8) {
			uint64_t x, hi, b6, b5, lead, cont;

			memcpy(&x, s + i, 8);
			hi = x & HIGH8;
			if (!hi && !carry) {
				i += 8;
				continue;
			}
			b6 = x << 1 & HIGH8;
			b5 = x << 2 & HIGH8;
			lead = hi & b6 & ~b5;         /* 110xxxxx */
			cont = hi & ~b6;              /* 10xxxxxx */
			/* no longer lead, none below 0xC2, each lead followed by a
			 * continuation and each continuation led */
			if (!(hi & b6 & b5) && !(lead & ~((x & (ONES8 * 0x1E)) + ONES8 * 0x7F)) &&
			    cont == (lead << 8 | carry)) {
				carry = lead >> 56;
				i += 8;
				continue;
			}
		}
#endif
		/* else one character at a time through the next eight bytes, from the lead
		 * that the last block ended with */
		if (carry) {
			i--;
			carry = 0;
		}
		for (stop = len - i > 8 ? i + 8 : len; i < stop; i += n)
			if (!(n = sahifa_utf8_decode(s + i, len - i, &cp)))
				return i;
	}
	return carry ? len - 1 : len;    /* a last lead without its continuation */
}

int sahifa_utf8_valid(const char *text, size_t len, size_t *bad)
{
	size_t off = sahifa_utf8_valid_prefix(text, len);

	if (off == len)
		return 1;
	if (bad)
		*bad = off;
	return 0;
}

size_t sahifa_utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

uint64_t sahifa_utf8_chars(const char *s, size_t len)
{
	uint64_t n = 0;
	size_t i = 0;

#ifdef __SSE2__
	/* Sixteen bytes at a time where SSE2 is there: each continuation byte adds one to
	 * its lane of acc (up to 255 blocks, so that no lane wraps), and one sum of
	 * absolute differences adds the lanes up. */
	while (i + 16 <= len) {
		size_t blocks = (len - i) / 16, k;
		__m128i acc = _mm_setzero_si128(), sum;

		if (blocks > 255)
			blocks = 255;
		for (k = 0; k < blocks; k++, i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));

			acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xC0)),
							       _mm_set1_epi8((char)0x80)));
		}
		sum = _mm_sad_epu8(acc, _mm_setzero_si128());
		n += blocks * 16 - (uint64_t)_mm_cvtsi128_si32(sum) -
		     (uint64_t)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
	}
#endif
	/* Eight bytes at a time: a continuation byte (10xxxxxx) has bit 7 set and bit 6
	 * clear, and x << 1 brings each byte's bit 6 under its bit 7.  The eight flags,
	 * moved to bit 0 of their bytes, are added up by one multiplication (a popcount
	 * without the instruction is a call). */
	for (; i + 8 <= len; i += 8) {
		uint64_t x, cont;

		memcpy(&x, s + i, 8);
		cont = (x & ~(x << 1) & 0x8080808080808080ULL) >> 7;
		n += 8 - ((cont * 0x0101010101010101ULL) >> 56);
	}
	for (; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* The bytes that may start a separator of sahifa_utf8_words. */
static const unsigned char may_separate[256] = {
	['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [' '] = 1, [0xC2] = 1,
};

#ifdef __SSE2__
/* The bits set in each byte value. */
static const uint8_t bits8[256] = {
#define B2(n) n, n + 1, n + 1, n + 2
#define B4(n) B2(n), B2(n + 1), B2(n + 1), B2(n + 2)
#define B6(n) B4(n), B4(n + 1), B4(n + 1), B4(n + 2)
	B6(0), B6(1), B6(1), B6(2)
#undef B2
#undef B4
#undef B6
};

/* sahifa_utf8_words over the sixteen bytes at s when they are printable ASCII and whole
 * Arabic letters (leads 0xD8-0xDB, each with its continuation byte), where the only
 * separator is ' ': *n counts the words a space ends, *has the one still open.  Returns
 * the bytes taken (16, or 15 when the last is a lead), or 0 for the byte loop. */
static size_t words16(const unsigned char *s, int *has, uint64_t *n)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	unsigned lead, cont, last, mask, word, space, sum, ends;
	unsigned alnum = (unsigned)_mm_movemask_epi8(
		_mm_or_si128(SHF_IN16(_mm_or_si128(v, SHF_B16(0x20)), 'a', 'z'),
			     SHF_IN16(v, '0', '9')));

	if (!shf_block16_arabic(v, &lead, &cont))
		return 0;
	/* a lead in the last byte is left for the next block */
	last = lead >> 15;
	mask = 0xFFFFu >> last;
	word = (alnum | lead) & mask;
	space = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, SHF_B16(' '))) & mask;
	/* Without a branch (whether a byte opens a word was as good as random): byte i
	 * at bit i + 1, bit 0 the word open before the block.  Each word byte added to
	 * the bits of the bytes that are no space carries up to the next space, which is
	 * a word's end; a carry past the block is the word still open at its end. */
	sum = ((word << 1) | (unsigned)(*has != 0)) + (((~space & mask) << 1) | 1u);
	ends = sum & space << 1;
	*n += (uint64_t)(bits8[ends & 0xFF] + bits8[(ends >> 8) & 0xFF] + bits8[ends >> 16]);
	*has = (int)((sum >> (17 - last)) & 1);
	return 16 - last;
}
#endif

/* A token counts as a word when it holds an ASCII letter or digit or a non-ASCII
 * character outside the punctuation blocks (good enough for counts; not a tokenizer).
 * Tokens are separated by ASCII white space and U+00A0. */
uint64_t sahifa_utf8_words(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	uint64_t n = 0;
	int has_word_char = 0;
	size_t i = 0, next_try = 0;

	while (i < len) {
		unsigned char c;

#ifdef __SSE2__
		if (i >= next_try && i + 16 <= len) {
			size_t k = words16(s + i, &has_word_char, &n);

			if (k) {
				i += k;
				continue;
			}
			next_try = i + 16;  /* the byte loop up to past what stopped it */
		}
#endif
		c = s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    (c == 0xC2 && i + 1 < len && s[i + 1] == 0xA0)) {
			n += has_word_char;
			has_word_char = 0;
			i += c == 0xC2 ? 2 : 1;
			continue;
		}
		if (!has_word_char) {
			if (c < 0x80)
				has_word_char = (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
			else if (c >= 0xC3 && c != 0xE2 && c != 0xE3)
				has_word_char = (c & 0xC0) == 0xC0;
			else if ((c == 0xE2 || c == 0xE3) && i + 1 < len)
				/* U+2000-U+207F (general punctuation) and U+3000-U+303F (CJK
				 * punctuation) are not words; the rest of those blocks are */
				has_word_char = s[i + 1] != 0x80 && s[i + 1] != 0x81;
			i++;
			continue;
		}
		/* a word for sure: on to the next byte that may start a separator */
		for (i++; i < len && !may_separate[s[i]]; i++)
			;
	}
	return n + has_word_char;
}

