/* The normalized match key over ICU (see src/text/icu_fold.h); the only ICU use in pack. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "core/cpu_avx2.h"
#include "core/utf8_block.h"
#include "sahifa/article.h"
#include "sahifa/utf8.h"
#include "text/arabic_fold.h"
#include "text/icu_fold.h"

static enum sahifa_status icu_fail(struct sahifa_error *err, const char *what, UErrorCode uerr)
{
	if (uerr == U_INVALID_CHAR_FOUND || uerr == U_ILLEGAL_CHAR_FOUND)
		return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
					"invalid UTF-8 in text");
	if (uerr == U_MEMORY_ALLOCATION_ERROR)
		return sahifa_error_nomem(err, NULL);
	return sahifa_error_set(err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "%s: %s", what,
				u_errorName(uerr));
}

/*
 * The key is built one normalization segment at a time.  NFKC_Casefold has a boundary
 * before most code points (ICU's unorm2_hasBoundaryBefore): text can be normalized in
 * pieces that start at such a code point and the pieces put back together.  A piece
 * of one code point, the common case, is looked up in a table of what ICU made of that
 * code point alone, filled on first use; only pieces of several code points (a letter
 * and its marks, which may compose or reorder) and code points that map to several
 * (ligatures) go through ICU's normalizer.  The key is the same as normalizing the
 * whole text at once; there is no UTF-16 copy of it.
 */

/* fold_table[c] for a BMP code point: 0 until filled, then FOLD_FILLED with
 * FOLD_BOUNDARY when NFKC_Casefold has a boundary before c, and FOLD_SINGLE when c
 * alone normalizes to at most one code point of the BMP: FOLD_SPACE when it is white
 * space, else that code point after the Arabic table in UTF-8, FOLD_LEN bytes (none:
 * nothing is left) in the low three bytes, first byte lowest. */
#define FOLD_FILLED 0x80000000u
#define FOLD_BOUNDARY 0x40000000u
#define FOLD_SINGLE 0x20000000u
#define FOLD_SPACE 0x10000000u
#define FOLD_SAME 0x08000000u     /* single, and c folds to itself */
#define FOLD_LEN_SHIFT 24
#define FOLD_LEN 0x03000000u
#define FOLD_UTF8 0x00FFFFFFu
static _Atomic uint32_t fold_table[0x10000];

/* What ICU makes of c alone (a value as in fold_table; every one is the same whichever
 * thread computes it, so the table needs no lock). */
static uint32_t fold_entry(const UNormalizer2 *nfkc, UChar32 c)
{
	UChar src[2], dst[32];
	int32_t n_src = 0, n;
	uint32_t e = FOLD_FILLED;
	UErrorCode uerr = U_ZERO_ERROR;

	if (unorm2_hasBoundaryBefore(nfkc, c))
		e |= FOLD_BOUNDARY;
	U16_APPEND_UNSAFE(src, n_src, c);
	n = unorm2_normalize(nfkc, src, n_src, dst, (int32_t)(sizeof(dst) / sizeof(dst[0])),
			     &uerr);
	if (U_FAILURE(uerr) || n > 2)
		return e;
	if (n == 0)
		return e | FOLD_SINGLE;
	{
		UChar32 d;
		int32_t k = 0;

		U16_NEXT(dst, k, n, d);
		if (k != n)
			return e;
		if (u_isUWhiteSpace(d))
			return e | FOLD_SINGLE | FOLD_SPACE;
		d = (UChar32)shf_arabic_fold((uint32_t)d);
		if (!d)
			return e | FOLD_SINGLE;
		if (d == c)
			e |= FOLD_SAME;
		if (d < 0x80)
			return e | FOLD_SINGLE | 1u << FOLD_LEN_SHIFT | (uint32_t)d;
		if (d < 0x800)
			return e | FOLD_SINGLE | 2u << FOLD_LEN_SHIFT | (0xC0u | (uint32_t)d >> 6) |
			       (0x80u | ((uint32_t)d & 0x3F)) << 8;
		if (d < 0x10000)
			return e | FOLD_SINGLE | 3u << FOLD_LEN_SHIFT | (0xE0u | (uint32_t)d >> 12) |
			       (0x80u | ((uint32_t)d >> 6 & 0x3F)) << 8 |
			       (0x80u | ((uint32_t)d & 0x3F)) << 16;
		return e;   /* to a supplementary code point: ICU's normalizer folds it */
	}
}

/* fold_table[c] filled in (c > 0xFFFF: computed each time, such text is rare). */
static uint32_t fold_fill(const UNormalizer2 *nfkc, uint32_t c)
{
	uint32_t e;

	if (c > 0xFFFF)
		return unorm2_hasBoundaryBefore(nfkc, (UChar32)c) ? FOLD_FILLED | FOLD_BOUNDARY
								  : FOLD_FILLED;
	e = fold_entry(nfkc, (UChar32)c);
	atomic_store_explicit(&fold_table[c], e, memory_order_relaxed);
	return e;
}

static inline uint32_t fold_lookup(const UNormalizer2 *nfkc, uint32_t c)
{
	uint32_t e = c <= 0xFFFF ? atomic_load_explicit(&fold_table[c], memory_order_relaxed) : 0;

	return e ? e : fold_fill(nfkc, c);
}

/* What a segment of one code point that folds to itself has: copied as it is. */
#define FOLD_RUN (FOLD_BOUNDARY | FOLD_SAME)

/* fold_table's entry of the two-byte sequence at s (valid), 0 when not filled yet. */
static inline uint32_t fold_two_byte(const unsigned char *s)
{
	return atomic_load_explicit(&fold_table[(s[0] & 0x1Fu) << 6 | (s[1] & 0x3Fu)],
				    memory_order_relaxed);
}

/* 1 for the two-byte sequences (by their two bytes, first byte high) of code points
 * whose entry is FOLD_RUN: the run loop's test in one look-up, lead byte, continuation
 * and entry at once.  Filled once with every two-byte entry of fold_table. */
static uint8_t two_byte_run[0x10000];
static pthread_once_t two_byte_once = PTHREAD_ONCE_INIT;
static int block_fast;    /* fold16's table holds for this ICU's data (two_byte_build) */
static int block32;       /* and fold32 may take its place: AVX2, and it gives the same */

#ifdef __SSE2__
/*
 * Sixteen bytes of printable ASCII and whole Arabic letters, the bulk of an Arabic or
 * Latin line, folded at once: each code point there is a segment of its own that
 * folds to one code point of as many bytes (A-Z to a-z, alef with hamza or madda to
 * alef, teh marbuta to heh, alef maksura and Farsi yeh to yeh, keheh to kaf, the rest
 * to itself) or, tatweel and the harakat U+064B..U+0652 (which compose with nothing),
 * to nothing; and a single space between them is the key's one space.  The other
 * marks, U+061C and U+0670..U+0678 are left to the general way, as are two spaces in a
 * row and a space before what folds to nothing, or that nothing at the start when a
 * space is pending (space); a space that ends the piece is left out of it.  The
 * folded bytes go to dst (sixteen may be written), their count to *n; returns how
 * many bytes of s were taken (14 to 16), or 0.  The caller checks that the key is not
 * empty and that the code point after them starts a segment.
 */
static inline size_t fold16(const unsigned char *s, int space, unsigned char *dst, size_t *n)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i prev = _mm_slli_si128(v, 1);   /* the byte before each: its lead */
	__m128i l8 = _mm_cmpeq_epi8(prev, SHF_B16(0xD8)), l9 = _mm_cmpeq_epi8(prev, SHF_B16(0xD9));
	__m128i la = _mm_cmpeq_epi8(prev, SHF_B16(0xDA)), lb = _mm_cmpeq_epi8(prev, SHF_B16(0xDB));
	__m128i other = _mm_or_si128(
		_mm_or_si128(_mm_and_si128(l8, _mm_or_si128(SHF_IN16(v, 0x90, 0x9A),
							    _mm_cmpeq_epi8(v, SHF_B16(0x9C)))),
			     _mm_and_si128(lb, SHF_IN16(v, 0x96, 0xAD))),
		_mm_and_si128(l9, _mm_or_si128(SHF_IN16(v, 0x93, 0x9F), SHF_IN16(v, 0xB0, 0xB8))));
	__m128i alef, heh, yeh, kaf, upper, change, to_d9;
	unsigned lead, cont, sp, drop;
	size_t k, i, m;

	if (!shf_block16_arabic(v, &lead, &cont) || _mm_movemask_epi8(other))
		return 0;
	k = 16 - (lead >> 15 & 1);
	sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, SHF_B16(' ')));
	/* tatweel and the harakat, with their leads */
	drop = (unsigned)_mm_movemask_epi8(_mm_and_si128(
		l9, _mm_or_si128(_mm_cmpeq_epi8(v, SHF_B16(0x80)), SHF_IN16(v, 0x8B, 0x92))));
	drop |= drop >> 1;
	if ((sp & (sp << 1 | drop >> 1)) || (space && (drop & 1)))
		return 0;
	k -= sp >> (k - 1) & 1;   /* (no branch: a space ends one piece in six) */
	/* the continuation bytes that change, and the leads before them that become 0xD9 */
	alef = _mm_and_si128(l8, _mm_or_si128(SHF_IN16(v, 0xA2, 0xA3), _mm_cmpeq_epi8(v, SHF_B16(0xA5))));
	heh = _mm_and_si128(l8, _mm_cmpeq_epi8(v, SHF_B16(0xA9)));
	yeh = _mm_or_si128(_mm_and_si128(l9, _mm_cmpeq_epi8(v, SHF_B16(0x89))),
			   _mm_and_si128(lb, _mm_cmpeq_epi8(v, SHF_B16(0x8C))));
	kaf = _mm_and_si128(la, _mm_cmpeq_epi8(v, SHF_B16(0xA9)));
	upper = SHF_IN16(v, 'A', 'Z');
	change = _mm_or_si128(_mm_or_si128(alef, heh), _mm_or_si128(yeh, kaf));
	/* (always: whether a block has one is as good as random, and a branch on it
	 * mispredicted more than the few steps cost) */
	to_d9 = _mm_srli_si128(_mm_or_si128(_mm_or_si128(heh, kaf), _mm_and_si128(lb, yeh)), 1);
	v = _mm_or_si128(_mm_andnot_si128(change, v),
			 _mm_or_si128(_mm_or_si128(_mm_and_si128(alef, SHF_B16(0xA7)),
						   _mm_and_si128(heh, SHF_B16(0x87))),
				      _mm_or_si128(_mm_and_si128(yeh, SHF_B16(0x8A)),
						   _mm_and_si128(kaf, SHF_B16(0x83)))));
	v = _mm_or_si128(_mm_andnot_si128(to_d9, v), _mm_and_si128(to_d9, SHF_B16(0xD9)));
	v = _mm_add_epi8(v, _mm_and_si128(upper, SHF_B16(0x20)));
	_mm_storeu_si128((__m128i *)(void *)dst, v);
	if (!(drop & ((1u << k) - 1))) {
		*n = k;
		return k;
	}
	/* the pairs that fold to nothing taken out, the rest moved up over them */
	for (i = 0, m = 0; i < k; i++)
		if (!(drop >> i & 1))
			dst[m++] = dst[i];
	*n = m;
	return k;
}

/* 1 when fold16 agrees with fold_table on every code point it passes: each byte or
 * pair it takes, sixteen bytes of it, against its entry; on the space; and the marks
 * it drops compose with none of the letters it takes. */
static int fold16_check(const UNormalizer2 *nfkc)
{
	unsigned char in[16], out[16];
	uint32_t c, e, k, mark;
	size_t n;

	e = fold_lookup(nfkc, ' ');
	if ((e & (FOLD_BOUNDARY | FOLD_SINGLE | FOLD_SPACE)) != (FOLD_BOUNDARY | FOLD_SINGLE | FOLD_SPACE))
		return 0;
	for (c = 0x21; c < 0x700; c++) {
		if (c == 0x7F)
			c = 0x600;
		if (c < 0x80) {
			memset(in, (int)c, sizeof(in));
		} else {
			for (k = 0; k < 16; k += 2) {
				in[k] = (unsigned char)(0xC0 | c >> 6);
				in[k + 1] = (unsigned char)(0x80 | (c & 0x3F));
			}
		}
		if (!fold16(in, 0, out, &n))
			continue;
		e = fold_lookup(nfkc, c);
		if ((e & (FOLD_SINGLE | FOLD_SPACE)) != FOLD_SINGLE ||
		    (n && (!(e & FOLD_BOUNDARY) ||
			   (e & FOLD_LEN) >> FOLD_LEN_SHIFT != (c < 0x80 ? 1u : 2u) ||
			   (e & 0xFFFF) != (c < 0x80 ? out[0] : ((uint32_t)out[0] | (uint32_t)out[1] << 8)))))
			return 0;
		if (!n) {
			/* dropped: tatweel starts a segment; a haraka does not */
			if ((e & FOLD_LEN) || (c != 0x640 && (e & FOLD_BOUNDARY)))
				return 0;
			continue;
		}
		for (mark = 0x64B; mark <= 0x652; mark++)
			if (unorm2_composePair(nfkc, (UChar32)c, (UChar32)mark) >= 0)
				return 0;
	}
	return 1;
}
#endif

#ifdef SHF_AVX2

/* Every byte value thirty-two times, filled before fold32 is first used: fold32 reads
 * its constants from here, where _mm256_set1_epi8's were made again in each call, on the
 * port its byte moves need. */
static uint8_t fold32_bytes[256][32] __attribute__((aligned(32)));
#define F32_B(x) _mm256_load_si256((const __m256i *)(const void *)fold32_bytes[(uint8_t)(x)])
#define F32_IN(x, lo, hi) \
	_mm256_cmpeq_epi8(_mm256_subs_epu8(_mm256_sub_epi8((x), F32_B(lo)), F32_B((hi) - (lo))), \
			  _mm256_setzero_si256())

/*
 * fold16 over thirty-two bytes with AVX2, where the processor has it: the same tests
 * and changes byte for byte (each looks at a byte and the one before it, which
 * _mm256_alignr_epi8 brings across the halves), so the same key; returns how many
 * bytes of s were taken (30 to 32), or 0.  dst takes thirty-two bytes.
 */
__attribute__((target("avx2")))
static size_t fold32(const unsigned char *s, int space, unsigned char *dst, size_t *n)
{
	__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)s);
	/* the byte before each: v moved up one byte, the low half's last into the high's first */
	__m256i prev = _mm256_alignr_epi8(v, _mm256_permute2x128_si256(v, v, 0x08), 15);
	__m256i l8 = _mm256_cmpeq_epi8(prev, F32_B(0xD8)), l9 = _mm256_cmpeq_epi8(prev, F32_B(0xD9));
	__m256i la = _mm256_cmpeq_epi8(prev, F32_B(0xDA)), lb = _mm256_cmpeq_epi8(prev, F32_B(0xDB));
	__m256i other = _mm256_or_si256(
		_mm256_or_si256(_mm256_and_si256(l8, _mm256_or_si256(F32_IN(v, 0x90, 0x9A),
								   _mm256_cmpeq_epi8(v, F32_B(0x9C)))),
				_mm256_and_si256(lb, F32_IN(v, 0x96, 0xAD))),
		_mm256_and_si256(l9, _mm256_or_si256(F32_IN(v, 0x93, 0x9F), F32_IN(v, 0xB0, 0xB8))));
	__m256i alef, heh, yeh, kaf, upper, change, to_d9, x;
	uint32_t high, print, lead, cont, sp, drop;
	size_t k, i, m;

	/* shf_block16_arabic's test over the thirty-two bytes */
	high = (uint32_t)_mm256_movemask_epi8(v);
	print = (uint32_t)_mm256_movemask_epi8(_mm256_andnot_si256(
		_mm256_cmpeq_epi8(v, F32_B(0x7F)), _mm256_cmpgt_epi8(v, F32_B(0x1F))));
	lead = (uint32_t)_mm256_movemask_epi8(
		_mm256_cmpeq_epi8(_mm256_and_si256(v, F32_B(0xFC)), F32_B(0xD8)));
	cont = (uint32_t)_mm256_movemask_epi8(
		_mm256_cmpeq_epi8(_mm256_and_si256(v, F32_B(0xC0)), F32_B(0x80)));
	if ((print | lead | cont) != 0xFFFFFFFFu || high != (lead | cont) || cont != lead << 1 ||
	    _mm256_movemask_epi8(other))
		return 0;
	k = 32 - (lead >> 31 & 1);
	sp = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, F32_B(' ')));
	drop = (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(
		l9, _mm256_or_si256(_mm256_cmpeq_epi8(v, F32_B(0x80)), F32_IN(v, 0x8B, 0x92))));
	drop |= drop >> 1;
	if ((sp & (sp << 1 | drop >> 1)) || (space && (drop & 1)))
		return 0;
	k -= sp >> (k - 1) & 1;
	alef = _mm256_and_si256(l8, _mm256_or_si256(F32_IN(v, 0xA2, 0xA3), _mm256_cmpeq_epi8(v, F32_B(0xA5))));
	heh = _mm256_and_si256(l8, _mm256_cmpeq_epi8(v, F32_B(0xA9)));
	yeh = _mm256_or_si256(_mm256_and_si256(l9, _mm256_cmpeq_epi8(v, F32_B(0x89))),
			      _mm256_and_si256(lb, _mm256_cmpeq_epi8(v, F32_B(0x8C))));
	kaf = _mm256_and_si256(la, _mm256_cmpeq_epi8(v, F32_B(0xA9)));
	upper = F32_IN(v, 'A', 'Z');
	change = _mm256_or_si256(_mm256_or_si256(alef, heh), _mm256_or_si256(yeh, kaf));
	/* the leads before them, moved down one byte, the high half's first into the low's last */
	x = _mm256_or_si256(_mm256_or_si256(heh, kaf), _mm256_and_si256(lb, yeh));
	to_d9 = _mm256_alignr_epi8(_mm256_permute2x128_si256(x, x, 0x81), x, 1);
	v = _mm256_or_si256(_mm256_andnot_si256(change, v),
			    _mm256_or_si256(_mm256_or_si256(_mm256_and_si256(alef, F32_B(0xA7)),
							    _mm256_and_si256(heh, F32_B(0x87))),
					    _mm256_or_si256(_mm256_and_si256(yeh, F32_B(0x8A)),
							    _mm256_and_si256(kaf, F32_B(0x83)))));
	v = _mm256_or_si256(_mm256_andnot_si256(to_d9, v), _mm256_and_si256(to_d9, F32_B(0xD9)));
	v = _mm256_add_epi8(v, _mm256_and_si256(upper, F32_B(0x20)));
	_mm256_storeu_si256((__m256i *)(void *)dst, v);
	if (!(drop & (uint32_t)(((uint64_t)1 << k) - 1))) {
		*n = k;
		return k;
	}
	for (i = 0, m = 0; i < k; i++)
		if (!(drop >> i & 1))
			dst[m++] = dst[i];
	*n = m;
	return k;
}

/* The key of the piece s[0..k) by fold_table and fold16's rules (space: one pending
 * before it), into out: -1 where fold16 takes no such piece (a code point outside its
 * letters, two spaces in a row, a space before a mark it drops, a pending one before
 * such a mark), so that fold32 is held to fold_table, not to itself. */
static int fold_block_reference(const UNormalizer2 *nfkc, const unsigned char *s, size_t k,
				int space, unsigned char *out, size_t *n)
{
	size_t i = 0, m = 0, l;
	int after_space = 0;

	while (i < k) {
		uint32_t c, e, bytes;

		if (!(l = sahifa_utf8_decode(s + i, k - i, &c)))
			return -1;
		if (c < 0x20 || c == 0x7F || (c >= 0x80 && (c < 0x600 || c > 0x6FF)) ||
		    (c >= 0x610 && c <= 0x61A) || c == 0x61C || (c >= 0x653 && c <= 0x65F) ||
		    (c >= 0x670 && c <= 0x678) || (c >= 0x6D6 && c <= 0x6ED))
			return -1;
		e = fold_lookup(nfkc, c);
		if (!(e & FOLD_SINGLE))
			return -1;
		bytes = (e & FOLD_LEN) >> FOLD_LEN_SHIFT;
		if (c == ' ') {
			if (after_space)
				return -1;
			out[m++] = ' ';
			after_space = 1;
		} else if (e & FOLD_SPACE) {
			return -1;
		} else if (!bytes) {
			if (after_space || (!i && space))
				return -1;
		} else {
			if (!(e & FOLD_BOUNDARY))
				return -1;
			out[m] = (unsigned char)(e & 0xFF);
			out[m + 1] = (unsigned char)(e >> 8 & 0xFF);
			out[m + 2] = (unsigned char)(e >> 16 & 0xFF);
			m += bytes;
			after_space = 0;
		}
		i += l;
	}
	*n = m;
	return 0;
}

/* 1 when fold32 makes fold_table's key by fold16's rules of every block it takes, and
 * ends it where fold16 would: each code point fold16_check passed alone, after a byte
 * and not (both places of the halves' seam), with and without a pending space; and
 * each of the marks, spaces and changed letters among letters at the places where
 * bytes are carried across. */
static int fold32_check(const UNormalizer2 *nfkc)
{
	static const uint32_t bases[] = { 'a', 0x628, 0x627, 0x629 };
	/* the block's start, the halves' seam and the block's end, where bytes are
	 * carried across */
	static const unsigned char places[] = { 0, 1, 2, 13, 14, 15, 16, 17, 18, 19, 28, 29, 30, 31, 32, 33 };
	static const uint32_t specials[] = {
		' ', 'A', 0x640, 0x64B, 0x64E, 0x651, 0x652, 0x622, 0x623, 0x625, 0x629, 0x649,
		0x6CC, 0x6A9, 0x670, 0x660,
	};
	unsigned char in[64], o32[64], ref[96];
	uint32_t c;
	size_t n32, nr, t32, at, b, d, w, pos, q;
	int space, pre;

#define FOLD_PUT(cp) do { uint32_t cp_ = (cp); if (cp_ < 0x80) in[at++] = (unsigned char)cp_; \
	else { in[at++] = (unsigned char)(0xC0 | cp_ >> 6); in[at++] = (unsigned char)(0x80 | (cp_ & 0x3F)); } } while (0)
#define FOLD_TRY(sp) do { \
	if ((t32 = fold32(in, (sp), o32, &n32))) { \
		if (t32 < 30 || (in[t32] & 0xC0) == 0x80 || in[t32 - 1] == ' ' || \
		    fold_block_reference(nfkc, in, t32, (sp), ref, &nr) || nr != n32 || \
		    memcmp(ref, o32, nr)) \
			return 0; \
	} } while (0)
	for (c = 0x20; c < 0x700; c++) {
		if (c == 0x7F)
			c = 0x600;
		for (pre = 0; pre < 2; pre++)
			for (space = 0; space < 2; space++) {
				at = 0;
				if (pre)
					in[at++] = 'a';
				while (at < 48)
					FOLD_PUT(c);
				FOLD_TRY(space);
			}
	}
	for (b = 0; b < sizeof(bases) / sizeof(bases[0]); b++)
		for (d = 0; d < sizeof(specials) / sizeof(specials[0]); d++)
			for (w = 0; w < sizeof(places); w++)
				for (space = 0, pos = places[w]; space < 2; space++) {
					/* the special code point where byte pos is */
					at = 0;
					for (q = 0; at < 48; q++) {
						if (at >= pos && at <= pos + 1 && !(q & 64)) {
							FOLD_PUT(specials[d]);
							q |= 64;
						} else {
							FOLD_PUT(bases[b]);
						}
					}
					FOLD_TRY(space);
				}
#undef FOLD_TRY
#undef FOLD_PUT
	return 1;
}
#endif

static void two_byte_build(void)
{
	UErrorCode uerr = U_ZERO_ERROR;
	const UNormalizer2 *nfkc = unorm2_getNFKCCasefoldInstance(&uerr);
	uint32_t c;

	if (U_FAILURE(uerr))
		return;   /* all 0: the run takes the general way */
	for (c = 0x80; c < 0x800; c++) {
		uint32_t e = atomic_load_explicit(&fold_table[c], memory_order_relaxed);

		if (!e)
			e = fold_fill(nfkc, c);
		two_byte_run[(0xC0 | c >> 6) << 8 | (0x80 | (c & 0x3F))] =
			(e & FOLD_RUN) == FOLD_RUN;
	}
#ifdef __SSE2__
	block_fast = fold16_check(nfkc);
#ifdef SHF_AVX2
	for (c = 0; c < 256; c++)
		memset(fold32_bytes[c], (int)c, sizeof(fold32_bytes[c]));
	block32 = block_fast && shf_cpu_avx2() && fold32_check(nfkc);
#endif
#endif
}

static inline int run_pair(const unsigned char *s)
{
	return two_byte_run[(unsigned)s[0] << 8 | s[1]];
}

/* sahifa_utf8_decode with the one- and two-byte sequences of Latin and Arabic text
 * first. */
static inline size_t fold_decode(const unsigned char *s, size_t avail, uint32_t *c)
{
	if (s[0] < 0x80) {
		*c = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF && avail >= 2 && (s[1] & 0xC0) == 0x80) {
		*c = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
		return 2;
	}
	return sahifa_utf8_decode(s, avail, c);
}

/* The key being written: white space between words is held back until a code point
 * follows, so that runs become one space and none leads or trails. */
struct fold_out {
	struct sahifa_buf *buf;
	size_t start;             /* buf->len when the key began */
	int space;
};

static int fold_put(struct fold_out *o, uint32_t c, int space)
{
	struct sahifa_buf *b = o->buf;

	if (space) {
		o->space = b->len > o->start;
		return 0;
	}
	if (!c)
		return 0;
	if (b->cap - b->len < 6 && sahifa_buf_grow(b, 5))
		return -1;
	if (o->space) {
		b->data[b->len++] = ' ';
		o->space = 0;
	}
	if (c < 0x80) {
		b->data[b->len++] = (char)c;
	} else if (c < 0x800) {
		b->data[b->len++] = (char)(0xC0 | c >> 6);
		b->data[b->len++] = (char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		b->data[b->len++] = (char)(0xE0 | c >> 12);
		b->data[b->len++] = (char)(0x80 | (c >> 6 & 0x3F));
		b->data[b->len++] = (char)(0x80 | (c & 0x3F));
	} else {
		b->data[b->len++] = (char)(0xF0 | c >> 18);
		b->data[b->len++] = (char)(0x80 | (c >> 12 & 0x3F));
		b->data[b->len++] = (char)(0x80 | (c >> 6 & 0x3F));
		b->data[b->len++] = (char)(0x80 | (c & 0x3F));
	}
	return 0;
}

/* A segment of several code points (valid UTF-8) through ICU's normalizer. */
static enum sahifa_status fold_segment(const UNormalizer2 *nfkc, const char *text, size_t len,
				       struct fold_out *o, struct sahifa_error *err)
{
	UChar src_stack[64], norm_stack[128];
	UChar *src = src_stack, *norm = norm_stack;
	int32_t n_src = 0, n_norm, i;
	size_t bytes;
	UErrorCode uerr = U_ZERO_ERROR;
	enum sahifa_status st = SAHIFA_OK;

	/* UTF-8 -> UTF-16 never needs more code units than bytes. */
	if (len + 1 > sizeof(src_stack) / sizeof(src_stack[0]) &&
	    (sahifa_size_mul(len + 1, sizeof(UChar), &bytes) || !(src = malloc(bytes))))
		return sahifa_error_nomem(err, NULL);
	u_strFromUTF8(src, (int32_t)len + 1, &n_src, text, (int32_t)len, &uerr);
	if (U_FAILURE(uerr)) {
		st = icu_fail(err, "utf-8 to utf-16", uerr);
		goto out;
	}
	n_norm = unorm2_normalize(nfkc, src, n_src, norm,
				  (int32_t)(sizeof(norm_stack) / sizeof(norm_stack[0])), &uerr);
	if (uerr == U_BUFFER_OVERFLOW_ERROR) {
		/* NFKC may expand (ligatures) */
		uerr = U_ZERO_ERROR;
		if (sahifa_size_mul((size_t)n_norm + 1, sizeof(UChar), &bytes) ||
		    !(norm = malloc(bytes))) {
			st = sahifa_error_nomem(err, NULL);
			goto out;
		}
		n_norm = unorm2_normalize(nfkc, src, n_src, norm, n_norm + 1, &uerr);
	}
	if (U_FAILURE(uerr)) {
		st = icu_fail(err, "normalize", uerr);
		goto out;
	}
	for (i = 0; i < n_norm; ) {
		UChar32 c;
		int space;

		U16_NEXT(norm, i, n_norm, c);
		space = u_isUWhiteSpace(c);
		/* the Arabic table maps BMP to BMP only */
		if (fold_put(o, space ? 0 : shf_arabic_fold((uint32_t)c), space)) {
			st = sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0, "match key too long");
			goto out;
		}
	}
out:
	if (src != src_stack)
		free(src);
	if (norm != norm_stack)
		free(norm);
	return st;
}

/* Room for need more bytes of the match key at its end at (the buffer's place kept in
 * the caller's locals *w and *room for the hot loop). */
static enum sahifa_status key_room(struct sahifa_buf *out, char **w, size_t *room, size_t at,
				   size_t need, struct sahifa_error *err)
{
	if (*room - at >= need)
		return SAHIFA_OK;
	out->len = at;
	if (sahifa_buf_grow(out, need))
		return sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0, "match key too long");
	*w = out->data;
	*room = out->cap - 1;
	return SAHIFA_OK;
}

/* A run of code points that fold to themselves, from r and at i now, long enough to
 * leave the rest to the block steps, which take as many bytes in one step as the run
 * takes in sixteen (the run is copied, and the code point at i starts a segment). */
#ifdef SHF_AVX2
#define FOLD_HANDOFF(r, i) (block32 && (i) - (r) >= 32 && len - (i) >= 64)
#else
#define FOLD_HANDOFF(r, i) 0
#endif

enum sahifa_status shf_fold_key(const char *text, size_t len, struct sahifa_buf *out,
				   struct sahifa_error *err)
{
	UErrorCode uerr = U_ZERO_ERROR;
	const UNormalizer2 *nfkc = unorm2_getNFKCCasefoldInstance(&uerr);
	const unsigned char *p = (const unsigned char *)text;
	struct fold_out o = { out, out->len, 0 };
	/* out's data, length and room (its last byte is the terminator's), kept here on
	 * the common path */
	char *w = out->data;
	size_t at = out->len, room = out->cap ? out->cap - 1 : 0;
	size_t i, n = 0;
	uint32_t c = 0, e = 0;
	enum sahifa_status st = SAHIFA_OK;

	if (U_FAILURE(uerr))
		return icu_fail(err, "normalizer", uerr);
	if (len > (size_t)INT32_MAX / 2)
		return sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0, "text too long to fold");
	if (!len)
		return SAHIFA_OK;
	pthread_once(&two_byte_once, two_byte_build);
	if (!(n = fold_decode(p, len, &c)))
		goto invalid;
	e = fold_lookup(nfkc, c);
	for (i = 0; i < len; ) {
		/* the segment [i, j): the code point at i and those after it up to the next
		 * boundary, where the next segment's first code point is decoded already */
		uint32_t head;
		size_t j;
		int single;

#ifdef __SSE2__
		/* sixteen bytes at a time while fold16 takes them and the code point after
		 * them starts a segment (decoded and looked up as the loop wants it) */
		if (block_fast && len - i >= 16 && at > o.start) {
			size_t k, m = 0, bytes;
			uint32_t f = 0;

			/* a space pending before a space of the piece is that space */
			if (p[i] == ' ')
				o.space = 0;
			while (len - i >= 16) {
				if ((st = key_room(out, &w, &room, at, 33, err)))
					goto done;
#ifdef SHF_AVX2
				if (block32 && len - i >= 32 &&
				    (k = fold32(p + i, o.space, (unsigned char *)w + at + (o.space != 0), &bytes)))
					;
				else
#endif
				if (!(k = fold16(p + i, o.space, (unsigned char *)w + at + (o.space != 0), &bytes)))
					break;
				if (i + k < len && (!(m = fold_decode(p + i + k, len - i - k, &c)) ||
						    !((f = fold_lookup(nfkc, c)) & FOLD_BOUNDARY)))
					break;
				if (o.space) {
					w[at++] = ' ';
					o.space = 0;
				}
				at += bytes;
				i += k;
				n = m;
				e = f;
			}
			if (i >= len)
				break;
		}
#endif
		head = e;
		j = i + n;
		single = (head & FOLD_SINGLE) != 0;

		while (j < len) {
			if (!(n = fold_decode(p + j, len - j, &c)))
				goto invalid;
			if ((e = fold_lookup(nfkc, c)) & FOLD_BOUNDARY)
				break;
			single = 0;
			j += n;
		}
		if (single && (head & FOLD_SAME)) {
			/* a run of segments of one code point that folds to itself, the
			 * common case of lower-case and Arabic text: copied at once */
			size_t r = i, k, m, need;

			i = j;
			while (i < len && (e & FOLD_SAME) && !FOLD_HANDOFF(r, i)) {
				uint32_t f = e;

				/* Two-byte code points (Arabic, Cyrillic, Greek letters) that
				 * fold to themselves and start segments of their own, looked up
				 * without the general decode, and one space between two of them
				 * copied too: it is what the key holds there (the run before it
				 * is not empty, and the letter after it is a segment of its own
				 * when the code point after that has a boundary).  The others go
				 * the general way. */
				int moved = 0;   /* i went on by run_pair: e not yet read */

				for (;;) {
					size_t y;
					uint32_t fy;

					k = i + n;
					if (k + 1 < len && run_pair(p + k) && !FOLD_HANDOFF(r, k)) {
						i = k;
						n = 2;
						moved = 1;
						continue;
					}
					if (moved) {
						e = fold_two_byte(p + i);   /* the entry of i's */
						moved = 0;
					}
					if (p[k] != ' ' || k + 2 >= len || !run_pair(p + k + 1))
						break;
					f = fold_two_byte(p + k + 1);
					if ((y = k + 3) < len) {
						if (p[y] < 0x80)
							fy = atomic_load_explicit(&fold_table[p[y]],
										  memory_order_relaxed);
						else if (y + 1 < len && p[y] >= 0xC2 && p[y] <= 0xDF &&
							 (p[y + 1] & 0xC0) == 0x80)
							fy = fold_two_byte(p + y);
						else
							break;
						if (!(fy & FOLD_BOUNDARY))
							break;  /* (or not filled yet) */
					}
					e = f;
					i = k + 1;
					n = 2;
				}
				f = e;
				k = i + n;
				if (k < len) {
					if (!(m = fold_decode(p + k, len - k, &c)))
						goto invalid;
					if (!((f = fold_lookup(nfkc, c)) & FOLD_BOUNDARY))
						break;  /* the code point at i starts a longer segment */
					n = m;
				}
				e = f;
				i = k;
			}
			need = i - r + (o.space != 0);
			if ((st = key_room(out, &w, &room, at, need, err)))
				break;
			if (o.space) {
				w[at++] = ' ';
				o.space = 0;
			}
			memcpy(w + at, text + r, i - r);
			at += i - r;
			continue;
		}
		if (single && (head & FOLD_SPACE)) {
			o.space = at > o.start;
		} else if (single) {
			/* the common case, fold_put from the table's UTF-8, with the buffer's
			 * place in locals */
			size_t bytes = (head & FOLD_LEN) >> FOLD_LEN_SHIFT;

			if (!bytes) {
				i = j;
				continue;
			}
			if ((st = key_room(out, &w, &room, at, 4, err)))
				break;
			if (o.space) {
				w[at++] = ' ';
				o.space = 0;
			}
			/* three bytes written, the key grows by the code point's */
			w[at] = (char)(head & 0xFF);
			w[at + 1] = (char)(head >> 8 & 0xFF);
			w[at + 2] = (char)(head >> 16 & 0xFF);
			at += bytes;
		} else {
			out->len = at;
			if ((st = fold_segment(nfkc, text + i, j - i, &o, err)))
				break;
			w = out->data;
			at = out->len;
			room = out->cap ? out->cap - 1 : 0;
		}
		i = j;
	}
done:
	out->len = at;
	if (st)
		out->len = o.start;
	if (out->data)
		out->data[out->len] = '\0';
	return st;
invalid:
	out->len = o.start;
	if (out->data)
		out->data[out->len] = '\0';
	return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0, "invalid UTF-8 in text");
}

enum sahifa_status shf_article_match_key(const struct sahifa_article *a,
					    struct sahifa_buf *out, struct sahifa_error *err)
{
	enum sahifa_status st;
	size_t i, j;

	sahifa_buf_reset(out);
	if (a->headline && (st = shf_fold_key(a->headline, strlen(a->headline), out, err)))
		return st;
	for (i = 0; i < a->n_sections; i++)
		for (j = 0; j < a->sections[i].n_paragraphs; j++) {
			const struct sahifa_paragraph *p = &a->sections[i].paragraphs[j];

			if ((st = sahifa_buf_append_char(out, '\x1e')) ||
			    (st = shf_fold_key(p->text, p->len, out, err)))
				return st == SAHIFA_ERR_LIMIT ? sahifa_error_set(err, st, NULL, 0, 0,
						"match key too long") : st;
		}
	return SAHIFA_OK;
}
