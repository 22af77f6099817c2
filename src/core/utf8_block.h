/* Sixteen bytes of text at a time (SSE2): the class of block that the byte loops of
 * the word count (core/utf8.c) and the decoder's scan (text/icu_decode.c) may pass over
 * whole.  Internal to the library. */
#ifndef SAHIFA_CORE_UTF8_BLOCK_H
#define SAHIFA_CORE_UTF8_BLOCK_H

#ifdef __SSE2__
#include <emmintrin.h>

#define SHF_B16(x) _mm_set1_epi8((char)(x))
/* each byte of x in [lo, hi] as 0xFF, else 0 */
#define SHF_IN16(x, lo, hi) \
	_mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8((x), SHF_B16(lo)), SHF_B16((hi) - (lo))), \
		       _mm_setzero_si128())

/* 1 when the sixteen bytes v are printable ASCII and whole Arabic-block letters (leads
 * 0xD8-0xDB, each followed by its continuation byte; a last lead's byte is the next
 * block's), with the bit masks of their leads and continuation bytes; else 0. */
static inline int shf_block16_arabic(__m128i v, unsigned *lead, unsigned *cont)
{
	unsigned high = (unsigned)_mm_movemask_epi8(v);
	unsigned print = (unsigned)_mm_movemask_epi8(
		_mm_andnot_si128(_mm_cmpeq_epi8(v, SHF_B16(0x7F)), _mm_cmpgt_epi8(v, SHF_B16(0x1F))));

	*lead = (unsigned)_mm_movemask_epi8(
		_mm_cmpeq_epi8(_mm_and_si128(v, SHF_B16(0xFC)), SHF_B16(0xD8)));
	*cont = (unsigned)_mm_movemask_epi8(
		_mm_cmpeq_epi8(_mm_and_si128(v, SHF_B16(0xC0)), SHF_B16(0x80)));
	return (print | *lead | *cont) == 0xFFFF && high == (*lead | *cont) &&
	       *cont == ((*lead << 1) & 0xFFFF);
}
#endif

#endif
