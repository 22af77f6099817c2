/* Strict UTF-8 validation and counts (include/sahifa/utf8.h). */
#include <stdint.h>
#include <string.h>
#include "sahifa/utf8.h"
#include "core/utf8_block.h"
#include "core/cpu_avx2.h"

#define ONES8 0x0101010101010101ULL
#define HIGH8 0x8080808080808080ULL


#ifdef SHF_AVX2
/* The error classes of a byte and the one before it (Keiser and Lemire, "Validating
 * UTF-8 in less than one instruction per byte", 2021): each of three table look-ups
 * (the first byte's high and low nibble, the second byte's high nibble) gives the
 * classes that pair may be in, and a pair is in error when all three share one. */
#define V_TOO_SHORT (1 << 0)      /* a lead followed by no continuation */
#define V_TOO_LONG (1 << 1)       /* a continuation after ASCII */
#define V_OVERLONG_3 (1 << 2)
#define V_TOO_LARGE (1 << 3)      /* past U+10FFFF */
#define V_SURROGATE (1 << 4)
#define V_OVERLONG_2 (1 << 5)
#define V_TOO_LARGE_1000 (1 << 6)
#define V_OVERLONG_4 (1 << 6)
#define V_TWO_CONTS (1 << 7)      /* two continuations: right only as a third or fourth byte */
#define V_CARRY (V_TOO_SHORT | V_TOO_LONG | V_TWO_CONTS)

#define V_TABLE(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p) \
	_mm256_setr_epi8(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, \
			 a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p)

/* The faults of the 32 bytes v, each with the one, two and three bytes before it in
 * p1, p2, p3 (Keiser and Lemire's check): all zero when there is none. */
__attribute__((target("avx2"))) static inline __m256i v_faults(__m256i v, __m256i p1, __m256i p2,
								__m256i p3)
{
	const __m256i high_1 = V_TABLE(
		V_TOO_LONG, V_TOO_LONG, V_TOO_LONG, V_TOO_LONG, V_TOO_LONG, V_TOO_LONG, V_TOO_LONG,
		V_TOO_LONG, V_TWO_CONTS, V_TWO_CONTS, V_TWO_CONTS, V_TWO_CONTS,
		V_TOO_SHORT | V_OVERLONG_2, V_TOO_SHORT, V_TOO_SHORT | V_OVERLONG_3 | V_SURROGATE,
		V_TOO_SHORT | V_TOO_LARGE | V_TOO_LARGE_1000 | V_OVERLONG_4);
	const __m256i low_1 = V_TABLE(
		V_CARRY | V_OVERLONG_3 | V_OVERLONG_2 | V_OVERLONG_4, V_CARRY | V_OVERLONG_2, V_CARRY,
		V_CARRY, V_CARRY | V_TOO_LARGE, V_CARRY | V_TOO_LARGE | V_TOO_LARGE_1000,
		V_CARRY | V_TOO_LARGE | V_TOO_LARGE_1000, V_CARRY | V_TOO_LARGE | V_TOO_LARGE_1000,
		V_CARRY | V_TOO_LARGE | V_TOO_LARGE_1000, V_CARRY | V_TOO_LARGE | V_TOO_LARGE_1000,
		V_CARRY | V_TOO_LARGE | V_TOO_LARGE_1000, V_CARRY | V_TOO_LARGE | V_TOO_LARGE_1000,
		V_CARRY | V_TOO_LARGE | V_TOO_LARGE_1000,
		V_CARRY | V_TOO_LARGE | V_TOO_LARGE_1000 | V_SURROGATE,
		V_CARRY | V_TOO_LARGE | V_TOO_LARGE_1000, V_CARRY | V_TOO_LARGE | V_TOO_LARGE_1000);
	const __m256i high_2 = V_TABLE(
		V_TOO_SHORT, V_TOO_SHORT, V_TOO_SHORT, V_TOO_SHORT, V_TOO_SHORT, V_TOO_SHORT,
		V_TOO_SHORT, V_TOO_SHORT,
		V_TOO_LONG | V_OVERLONG_2 | V_TWO_CONTS | V_OVERLONG_3 | V_TOO_LARGE_1000 | V_OVERLONG_4,
		V_TOO_LONG | V_OVERLONG_2 | V_TWO_CONTS | V_OVERLONG_3 | V_TOO_LARGE,
		V_TOO_LONG | V_OVERLONG_2 | V_TWO_CONTS | V_SURROGATE | V_TOO_LARGE,
		V_TOO_LONG | V_OVERLONG_2 | V_TWO_CONTS | V_SURROGATE | V_TOO_LARGE,
		V_TOO_SHORT, V_TOO_SHORT, V_TOO_SHORT, V_TOO_SHORT);
	const __m256i nibble = _mm256_set1_epi8(0x0F);
	__m256i special = _mm256_and_si256(
		_mm256_and_si256(
			_mm256_shuffle_epi8(high_1, _mm256_and_si256(_mm256_srli_epi16(p1, 4), nibble)),
			_mm256_shuffle_epi8(low_1, _mm256_and_si256(p1, nibble))),
		_mm256_shuffle_epi8(high_2, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble)));
	/* the third and fourth bytes of three- and four-byte characters must be the
	 * continuations that TWO_CONTS flags, and nothing else may be */
	__m256i must23 = _mm256_and_si256(
		_mm256_or_si256(_mm256_subs_epu8(p2, _mm256_set1_epi8((char)(0xE0 - 0x80))),
				_mm256_subs_epu8(p3, _mm256_set1_epi8((char)(0xF0 - 0x80)))),
		_mm256_set1_epi8((char)0x80));

	return _mm256_xor_si256(must23, special);
}

/*
 * s[0..len) (len >= 32) thirty-two bytes at a time: *whole is 1 when all of it is valid
 * UTF-8; else 0, and the offset returned is the start of a block that all bytes before
 * are valid up to, but for a character that crosses it, which the caller takes from its
 * first byte.  The last bytes are one block that ends at len and reads the three bytes
 * before it again, rather than a byte loop.
 */
__attribute__((target("avx2")))
static size_t valid_prefix32(const unsigned char *s, size_t len, int *whole)
{
	/* a lead in the last three bytes of a block that needs the next block's bytes */
	const __m256i last_max = _mm256_setr_epi8(
		-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
		-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
		(char)(0xF0 - 1), (char)(0xE0 - 1), (char)(0xC0 - 1));
	__m256i prev = _mm256_setzero_si256(), incomplete = _mm256_setzero_si256(), v, err;
	size_t i;

	*whole = 0;
	for (i = 0; i + 32 <= len; i += 32) {
		__m256i before;

		v = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
		if (!_mm256_movemask_epi8(v)) {
			if (!_mm256_testz_si256(incomplete, incomplete))
				return i;
			prev = v;
			continue;
		}
		/* the block moved up one, two and three bytes, the last block's end before it */
		before = _mm256_permute2x128_si256(prev, v, 0x21);
		err = v_faults(v, _mm256_alignr_epi8(v, before, 15), _mm256_alignr_epi8(v, before, 14),
			       _mm256_alignr_epi8(v, before, 13));
		if (!_mm256_testz_si256(err, err))
			return i;
		incomplete = _mm256_subs_epu8(v, last_max);
		prev = v;
	}
	if (i == len) {
		*whole = _mm256_testz_si256(incomplete, incomplete);
		return i;
	}
	if (len < 35)
		return i;
	/* the block that ends at len */
	v = _mm256_loadu_si256((const __m256i *)(const void *)(s + len - 32));
	err = _mm256_or_si256(
		v_faults(v, _mm256_loadu_si256((const __m256i *)(const void *)(s + len - 33)),
			 _mm256_loadu_si256((const __m256i *)(const void *)(s + len - 34)),
			 _mm256_loadu_si256((const __m256i *)(const void *)(s + len - 35))),
		_mm256_subs_epu8(v, last_max));
	*whole = _mm256_testz_si256(err, err);
	return i;
}

#endif

size_t sahifa_utf8_valid_prefix(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	uint64_t carry = 0;           /* HIGH8's first byte: the byte before s + i leads a
				       * two-byte character */
	size_t i = 0, stop, n;
	uint32_t cp;

#ifdef SHF_AVX2
	/* thirty-two bytes at a time where the processor can, and on from the first byte of
	 * the character that the blocks stopped in (bytes before it are whole characters) */
	if (len >= 32 && shf_cpu_avx2()) {
		int whole;
		size_t at = valid_prefix32(s, len, &whole);

		if (whole)
			return len;
		if (at) {
			/* the last character begun before at: a lead at most three
			 * continuations back */
			for (i = at - 1; i > 0 && at - i < 4 && (s[i] & 0xC0) == 0x80; i--)
				;
		}
	}
#endif

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

#ifdef SHF_AVX2
/* sahifa_utf8_chars of s[0..len) (len >= 32) with AVX2: the bytes that are no
 * continuation (above 0xBF as signed bytes) thirty-two at a time, the last of them in
 * the block that ends at len. */
__attribute__((target("avx2,popcnt")))
static uint64_t chars32(const unsigned char *s, size_t len)
{
	const __m256i cont_max = _mm256_set1_epi8((char)0xBF);
	uint64_t n = 0;
	size_t i;

	for (i = 0; i + 32 <= len; i += 32)
		n += (uint64_t)__builtin_popcount((uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(
			_mm256_loadu_si256((const __m256i *)(const void *)(s + i)), cont_max)));
	if (i < len)
		n += (uint64_t)__builtin_popcount((uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(
			_mm256_loadu_si256((const __m256i *)(const void *)(s + len - 32)), cont_max)) >>
						  (32 - (len - i)));
	return n;
}
#endif

uint64_t sahifa_utf8_chars(const char *s, size_t len)
{
	uint64_t n = 0;
	size_t i = 0;

#ifdef SHF_AVX2
	if (len >= 32 && shf_cpu_avx2())
		return chars32((const unsigned char *)s, len);
#endif

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


#ifdef SHF_AVX2
#define W32_B(x) _mm256_set1_epi8((char)(x))

/* The word bytes of the 32 bytes v, next the bytes after each, in *word; their
 * separators in *sp. */
__attribute__((target("avx2"))) static inline void w32_classes(__m256i v, __m256i next,
							      uint32_t *word, uint32_t *sp)
{
	/* An ASCII letter or digit, or a lead from 0xC3 on: classes of the high four bits
	 * (0x30, 0x40 and 0x60, 0x50 and 0x70, 0xC0, 0xD0-0xF0) that the low four bits
	 * allow (0-9, 1-F, 0-A, 3-F, any), of which the byte is in none when it is no
	 * word's */
	const __m256i by_high = _mm256_setr_epi8(
		0, 0, 0, 1, 2, 4, 2, 4, 0, 0, 0, 0, 8, 16, 16, 16,
		0, 0, 0, 1, 2, 4, 2, 4, 0, 0, 0, 0, 8, 16, 16, 16);
	const __m256i by_low = _mm256_setr_epi8(
		21, 23, 23, 31, 31, 31, 31, 31, 31, 31, 30, 26, 26, 26, 26, 26,
		21, 23, 23, 31, 31, 31, 31, 31, 31, 31, 30, 26, 26, 26, 26, 26);
	__m256i high = _mm256_and_si256(_mm256_srli_epi16(v, 4), W32_B(0x0F));
	__m256i none = _mm256_cmpeq_epi8(
		_mm256_and_si256(_mm256_shuffle_epi8(by_high, high),
				 _mm256_shuffle_epi8(by_low, _mm256_and_si256(v, W32_B(0x0F)))),
		_mm256_setzero_si256());
	/* but U+2000-U+207F and U+3000-U+303F's leads */
	__m256i punct = _mm256_and_si256(
		_mm256_cmpeq_epi8(_mm256_and_si256(v, W32_B(0xFE)), W32_B(0xE2)),
		_mm256_cmpeq_epi8(_mm256_and_si256(next, W32_B(0xFE)), W32_B(0x80)));
	/* ' ', '\t', '\n' and '\r' each at the place of its low four bits, that the byte
	 * looked up there equals (a byte with its high bit set looks up 0) */
	const __m256i white = _mm256_setr_epi8(
		' ', -1, -1, -1, -1, -1, -1, -1, -1, '\t', '\n', -1, -1, '\r', -1, -1,
		' ', -1, -1, -1, -1, -1, -1, -1, -1, '\t', '\n', -1, -1, '\r', -1, -1);
	__m256i space = _mm256_or_si256(
		_mm256_cmpeq_epi8(_mm256_shuffle_epi8(white, v), v),
		_mm256_and_si256(_mm256_cmpeq_epi8(v, W32_B(0xC2)), _mm256_cmpeq_epi8(next, W32_B(0xA0))));

	*word = ~(uint32_t)_mm256_movemask_epi8(_mm256_or_si256(none, punct));
	*sp = (uint32_t)_mm256_movemask_epi8(space);
}

/*
 * sahifa_utf8_words over s[0..len) (len >= 32) thirty-two bytes at a time where the
 * processor has AVX2, whatever the bytes: each byte is a word's, a separator's or
 * neither by itself and the byte after it (U+00A0's lead, the punctuation blocks'
 * leads), so a block reads one byte past itself.  The last bytes are one block that
 * ends at len, of which the bytes not yet counted are taken, the byte after it read as
 * a continuation byte (neither a word's nor a separator's, as the end is).  *has is the
 * word open before and after, *n counts the words ended.
 */
__attribute__((target("avx2,popcnt")))
static void words32(const unsigned char *s, size_t len, int *has, uint64_t *n)
{
	uint64_t open = *has != 0, count = 0, sum;
	uint32_t word, sp;
	size_t i, rest;
	__m256i v;

	for (i = 0; i + 33 <= len; i += 32) {
		w32_classes(_mm256_loadu_si256((const __m256i *)(const void *)(s + i)),
			    _mm256_loadu_si256((const __m256i *)(const void *)(s + i + 1)), &word, &sp);
		/* words16's carry: byte k at bit k + 1, each word byte's carry running
		 * through the bytes that are no space to the space that ends it */
		sum = ((uint64_t)word << 1 | open) + ((uint64_t)(uint32_t)~sp << 1 | 1u);
		count += (uint64_t)__builtin_popcountll(sum & (uint64_t)sp << 1);
		open = sum >> 33 & 1;
	}
	if ((rest = len - i)) {
		v = _mm256_loadu_si256((const __m256i *)(const void *)(s + len - 32));
		w32_classes(v, _mm256_alignr_epi8(_mm256_permute2x128_si256(v, W32_B(0x80), 0x21), v, 1),
			    &word, &sp);
		word >>= 32 - rest;
		sp >>= 32 - rest;
		sum = ((uint64_t)word << 1 | open) +
		      (((uint64_t)~sp & ((1ULL << rest) - 1)) << 1 | 1u);
		count += (uint64_t)__builtin_popcountll(sum & (uint64_t)sp << 1);
		open = sum >> (rest + 1) & 1;
	}
	*has = (int)open;
	*n += count;
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

#ifdef SHF_AVX2
	if (len >= 32 && shf_cpu_avx2()) {
		words32(s, len, &has_word_char, &n);
		return n + has_word_char;
	}
#endif
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

