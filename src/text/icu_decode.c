/* Decoding raw article bytes to UTF-8 in NFC with LF line ends (include/sahifa/decode.h). */
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "sahifa/decode.h"
#include "core/utf8_block.h"

/* Text that is not valid UTF-8 is still taken as UTF-8 with errors when it holds valid
 * multi-byte sequences and at most one bad spot (a run of invalid bytes) for every
 * nine of them.  Legacy Arabic text in windows-1256 or ISO-8859-6 has a bad spot in
 * nearly every word and forms a valid UTF-8 pair only by accident (a letter before
 * '،' or '؟'), far below that share. */
#define MOSTLY_UTF8_RATIO 9

/* Control characters (C0 other than TAB LF VT FF CR, and DEL) in more than one byte
 * in CONTROL_SHARE make the input binary, not text. */
#define CONTROL_SHARE 20

/* Legacy charsets tried from ICU's detector, best first. */
#define DETECT_CANDIDATES 4

void sahifa_decoded_init(struct sahifa_decoded *d)
{
	memset(d, 0, sizeof(*d));
	sahifa_buf_init(&d->text, 0);
}

void sahifa_decoded_release(struct sahifa_decoded *d)
{
	sahifa_buf_release(&d->text);
	sahifa_decoded_init(d);
}

/* ---- tables ---- */

/* Byte classes for the UTF-8 scan: plain ASCII (printable or TAB LF VT FF CR), NUL,
 * other control, not ASCII. */
enum { C_PLAIN = 0, C_NUL, C_CTRL, C_HIGH };
static unsigned char byte_class[256];

/* For the BMP: the canonical combining class, and a bit for NFC_Quick_Check = Yes.
 * With them the scan runs ICU's NFC quick check itself, so text already in NFC (the
 * usual case) costs no conversion to UTF-16.  The first 0x800 code points are filled
 * with the other tables; the rest a block of 256 at a time, when the scan first meets
 * one of the block (page_ready), since a text uses a few of them. */
static uint8_t ccc_table[0x10000];
static uint8_t qc_yes[0x10000 / 8];
#define PAGE_BITS 8
#define TABLES_FIRST 0x800        /* filled by tables_build */
static _Atomic uint8_t page_ready[0x10000 >> PAGE_BITS];
static pthread_mutex_t page_lock = PTHREAD_MUTEX_INITIALIZER;
/* The same for the two-byte code points in one byte, looked up by the sequence's two
 * bytes (first byte high): the combining class when the quick check says yes, else
 * TWO_BYTE_QC_NO (no class is that high), and TWO_BYTE_NOT_PAIR for two bytes that
 * are not a two-byte sequence.  64 KiB, of which a script's text touches a few lines. */
#define TWO_BYTE_QC_NO 0xFF
#define TWO_BYTE_NOT_PAIR 0xFE
static uint8_t two_byte_nfc[0x10000];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;
static int arabic_fast;  /* arabic16's ranges hold for this ICU's data (tables_build) */

/* The Arabic continuation bytes arabic16 passes over after the lead lead: all but those
 * of the marks U+0610-U+061A, U+064B-U+065F, U+0670 and U+06D6-U+06ED. */
static int arabic_plain_pair(unsigned lead, unsigned cont)
{
	if (lead == 0xD8)
		return cont < 0x90 || cont > 0x9A;
	if (lead == 0xD9)
		return (cont < 0x8B || cont > 0x9F) && cont != 0xB0;
	if (lead == 0xDB)
		return cont < 0x96 || cont > 0xAD;
	return lead == 0xDA;
}

#ifdef __SSE2__
/* The sixteen bytes at s as printable ASCII and whole Arabic letters (leads 0xD8-0xDB
 * each followed by its continuation byte, no mark among them): code points the NFC
 * quick check says yes to, of combining class 0.  Returns the bytes passed (16, or 15
 * when the last is a lead) with *letters the letters among them, or 0. */
static size_t arabic16(const unsigned char *s, size_t *letters)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i next = _mm_srli_si128(v, 1);
	__m128i mark = _mm_or_si128(
		_mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(v, SHF_B16(0xD8)), SHF_IN16(next, 0x90, 0x9A)),
			     _mm_and_si128(_mm_cmpeq_epi8(v, SHF_B16(0xDB)), SHF_IN16(next, 0x96, 0xAD))),
		_mm_and_si128(_mm_cmpeq_epi8(v, SHF_B16(0xD9)),
			      _mm_or_si128(SHF_IN16(next, 0x8B, 0x9F),
					   _mm_cmpeq_epi8(next, SHF_B16(0xB0)))));
	__m128i sum;
	unsigned lead, cont;

	if (!shf_block16_arabic(v, &lead, &cont) || _mm_movemask_epi8(mark))
		return 0;
	/* a letter for each continuation byte (a last lead's is the next block's), the
	 * bytes' flags summed by one sum of absolute differences */
	sum = _mm_sad_epu8(_mm_and_si128(_mm_cmpeq_epi8(_mm_and_si128(v, SHF_B16(0xC0)),
							SHF_B16(0x80)), SHF_B16(1)),
			   _mm_setzero_si128());
	*letters = (size_t)_mm_cvtsi128_si32(sum) + (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
	return 16 - (lead >> 15 & 1);   /* (no branch: a word ends there one block in two) */
}
#endif

/* ccc_table and qc_yes for the code points from first to end (excluded). */
static void nfc_fill(UChar32 first, UChar32 end)
{
	UChar32 c;

	for (c = first; c < end; c++) {
		ccc_table[c] = u_getCombiningClass(c);
		if (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES)
			qc_yes[c >> 3] |= (uint8_t)(1u << (c & 7));
	}
}

/* The block of 256 code points that c is in, filled once for every thread. */
static void page_fill(uint32_t c)
{
	unsigned page = c >> PAGE_BITS;

	pthread_mutex_lock(&page_lock);
	if (!atomic_load_explicit(&page_ready[page], memory_order_relaxed)) {
		nfc_fill((UChar32)(page << PAGE_BITS), (UChar32)((page + 1) << PAGE_BITS));
		atomic_store_explicit(&page_ready[page], 1, memory_order_release);
	}
	pthread_mutex_unlock(&page_lock);
}

static void tables_build(void)
{
	UChar32 c;
	int b;

	for (b = 0; b < 256; b++) {
		if (b >= 0x80)
			byte_class[b] = C_HIGH;
		else if (b == 0)
			byte_class[b] = C_NUL;
		else if ((b < 0x20 && b != '\t' && b != '\n' && b != '\v' && b != '\f' &&
			  b != '\r') || b == 0x7F)
			byte_class[b] = C_CTRL;
		else
			byte_class[b] = C_PLAIN;
	}
	nfc_fill(0, TABLES_FIRST);
	for (c = 0; c < TABLES_FIRST; c += 1 << PAGE_BITS)
		atomic_store_explicit(&page_ready[c >> PAGE_BITS], 1, memory_order_relaxed);
	memset(two_byte_nfc, TWO_BYTE_NOT_PAIR, sizeof(two_byte_nfc));
	for (c = 0x80; c < 0x800; c++)
		two_byte_nfc[(0xC0 | c >> 6) << 8 | (0x80 | (c & 0x3F))] =
			(qc_yes[c >> 3] >> (c & 7)) & 1 ? ccc_table[c] : TWO_BYTE_QC_NO;
	/* arabic16 passes only starters the quick check says yes to: checked here against
	 * this ICU's data, and not used if one is not */
	arabic_fast = 1;
	for (c = 0x20; c < 0x7F; c++)
		if (ccc_table[c] || !((qc_yes[c >> 3] >> (c & 7)) & 1))
			arabic_fast = 0;
	for (b = 0xD8; b <= 0xDB; b++) {
		int k;

		for (k = 0x80; k <= 0xBF; k++)
			if (arabic_plain_pair((unsigned)b, (unsigned)k) && two_byte_nfc[b << 8 | k])
				arabic_fast = 0;
	}
}

/* One step of the NFC quick check (UAX #15): 0 when c makes the answer other than
 * "yes" (a Maybe or No character, or marks out of canonical order). */
static int nfc_step(uint32_t c, uint8_t *last_ccc)
{
	uint8_t ccc;
	int yes;

	if (c < 0x10000) {
		if (c >= TABLES_FIRST &&
		    !atomic_load_explicit(&page_ready[c >> PAGE_BITS], memory_order_acquire))
			page_fill(c);
		ccc = ccc_table[c];
		yes = (qc_yes[c >> 3] >> (c & 7)) & 1;
	} else {
		ccc = u_getCombiningClass((UChar32)c);
		yes = u_getIntPropertyValue((UChar32)c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
	}
	if (!yes || (ccc && ccc < *last_ccc))
		return 0;
	*last_ccc = ccc;
	return 1;
}

/* ---- strict UTF-8 ---- */

/* Length of the valid UTF-8 sequence at s, storing its code point; or minus the length
 * of its maximal invalid subpart (at least 1), so one U+FFFD replaces each. */
static int utf8_next(const unsigned char *s, size_t avail, uint32_t *cp)
{
	unsigned char b = s[0], lo = 0x80, hi = 0xBF;
	int n, i;
	uint32_t c;

	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	if (b >= 0xC2 && b <= 0xDF) {
		n = 2;
		c = b & 0x1F;
	} else if (b >= 0xE0 && b <= 0xEF) {
		n = 3;
		c = b & 0x0F;
		if (b == 0xE0)
			lo = 0xA0;
		else if (b == 0xED)
			hi = 0x9F;  /* no surrogates */
	} else if (b >= 0xF0 && b <= 0xF4) {
		n = 4;
		c = b & 0x07;
		if (b == 0xF0)
			lo = 0x90;  /* no overlongs */
		else if (b == 0xF4)
			hi = 0x8F;  /* nothing above U+10FFFF */
	} else
		return -1;
	for (i = 1; i < n; i++) {
		if ((size_t)i >= avail || s[i] < lo || s[i] > hi)
			return -i;
		c = (c << 6) | (s[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = c;
	return n;
}

struct scan {
	size_t invalid;          /* invalid sequences (maximal subparts) */
	size_t bad_spots;        /* runs of adjacent invalid sequences */
	size_t first_invalid;    /* byte offset of the first, when invalid > 0 */
	size_t valid_mb;         /* valid multi-byte sequences */
	size_t nul, first_nul;
	size_t ctrl, first_ctrl;
	int nfc;                 /* the NFC quick check says yes (invalid bytes as U+FFFD) */
	size_t first_not_nfc;    /* byte offset of the first code point it says no to */
};

#define ONES ((uint64_t)0x0101010101010101)

/* 1 when the 8 bytes are all printable ASCII or space: no high bit, none below 0x20,
 * no DEL (the classic "has a byte less than n" test). */
static int word_plain(uint64_t x)
{
	uint64_t y = x ^ (ONES * 0x7F);

	return !((x | ((x - ONES * 0x20) & ~x) | ((y - ONES) & ~y)) & (ONES * 0x80));
}

/* One pass over raw: validity, NULs, controls, and the NFC quick check; with stop, no
 * further than the first code point the quick check says no to (then only nfc and
 * first_not_nfc are known). */
static void scan_bytes(const unsigned char *s, size_t len, struct scan *sc, int stop)
{
	size_t i = 0;
	int prev_bad = 0;
	uint8_t last_ccc = 0;

	memset(sc, 0, sizeof(*sc));
	sc->nfc = 1;
	while (i < len) {
		uint32_t c;
		int n;
		unsigned char b;

#ifdef __SSE2__
		if (arabic_fast && i + 16 <= len) {
			size_t letters, k = arabic16(s + i, &letters);

			if (k) {
				sc->valid_mb += letters;
				i += k;
				prev_bad = 0;
				last_ccc = 0;
				continue;
			}
		}
#endif
		b = s[i];
		/* eight plain ASCII bytes at once; tried at an ASCII byte only, so that text
		 * of another script pays nothing for it */
		if (b < 0x80 && i + 8 <= len) {
			uint64_t x;

			memcpy(&x, s + i, 8);
			if (word_plain(x)) {
				i += 8;
				prev_bad = 0;
				last_ccc = 0;
				continue;
			}
		}
		if (b < 0x80) {
			switch (byte_class[b]) {
			case C_NUL:
				if (!sc->nul++)
					sc->first_nul = i;
				break;
			case C_CTRL:
				if (!sc->ctrl++)
					sc->first_ctrl = i;
				break;
			default:
				break;
			}
			prev_bad = 0;
			last_ccc = 0;
			i++;
			continue;
		}
		if (b >= 0xC2 && b <= 0xDF && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
			/* a run of two-byte letters (Arabic, Cyrillic, Greek, Hebrew): nfc_step
			 * from the one table, the counts kept in locals; a space between two
			 * words is taken as the ASCII path takes it */
			size_t run = 0;
			int nfc = 1;

			while (i + 1 < len) {
				uint8_t v = two_byte_nfc[(unsigned)s[i] << 8 | s[i + 1]];

				if (v == TWO_BYTE_NOT_PAIR) {
					if (s[i] != ' ')
						break;
					last_ccc = 0;
					i++;
#ifdef __SSE2__
					if (arabic_fast && i + 16 <= len)
						break;  /* a word's start: arabic16 again */
#endif
					continue;
				}
				if ((v == TWO_BYTE_QC_NO || (v && v < last_ccc)) && nfc) {
					nfc = 0;
					if (sc->nfc) {
						sc->nfc = 0;
						sc->first_not_nfc = i;
						if (stop)
							return;
					}
				}
				last_ccc = v;
				run++;
				i += 2;
			}
			sc->valid_mb += run;
			if (!nfc)
				sc->nfc = 0;
			prev_bad = 0;
			continue;
		} else {
			n = utf8_next(s + i, len - i, &c);
			if (n < 0) {
				if (!sc->invalid++)
					sc->first_invalid = i;
				if (!prev_bad)
					sc->bad_spots++;
				prev_bad = 1;
				last_ccc = 0;  /* U+FFFD is a starter */
				i += (size_t)-n;
				continue;
			}
		}
		prev_bad = 0;
		sc->valid_mb++;
		if (sc->nfc && !nfc_step(c, &last_ccc)) {
			sc->nfc = 0;
			sc->first_not_nfc = i;
			if (stop)
				return;
		}
		i += (size_t)n;
	}
}

/* 1-based line of byte offset off in raw ASCII-compatible bytes (LF, CRLF, lone CR). */
static long line_of(const unsigned char *s, size_t off)
{
	long line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= off || s[i + 1] != '\n')))
			line++;
	return line;
}

static enum sahifa_status reject_at(struct sahifa_error *err, const char *encoding,
				    const unsigned char *bad, size_t bad_len, size_t off, long line)
{
	char q[64];

	sahifa_quote((const char *)bad, bad_len, 8, q, sizeof(q));
	return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
				"invalid %s at byte %zu (line %ld): %s", encoding, off, line, q);
}

/* Append s to out, each invalid sequence replaced by U+FFFD. */
static enum sahifa_status utf8_repair(const unsigned char *s, size_t len, struct sahifa_buf *out,
				      size_t *replaced)
{
	static const char fffd[] = "\xEF\xBF\xBD";
	size_t i = 0, run = 0;
	enum sahifa_status st;

	while (i < len) {
		uint32_t c;
		int n = utf8_next(s + i, len - i, &c);

		if (n > 0) {
			i += (size_t)n;
			continue;
		}
		st = sahifa_buf_append(out, s + run, i - run);
		if (!st)
			st = sahifa_buf_append(out, fffd, 3);
		if (st)
			return st;
		(*replaced)++;
		i += (size_t)-n;
		run = i;
	}
	return sahifa_buf_append(out, s + run, len - run);
}

/* ---- ICU conversion ---- */

struct ucount {
	size_t replaced;
};

/* Replace every unassigned, illegal or irregular sequence by U+FFFD and count it.
 * ICU's own substitute callback writes U+001A for some single-byte charsets. */
static void to_u_count(const void *context, UConverterToUnicodeArgs *args, const char *units,
		       int32_t length, UConverterCallbackReason reason, UErrorCode *status)
{
	static const UChar fffd = 0xFFFD;
	struct ucount *uc = (struct ucount *)(uintptr_t)context;

	(void)units;
	(void)length;
	if (reason > UCNV_IRREGULAR)
		return;
	uc->replaced++;
	*status = U_ZERO_ERROR;
	ucnv_cbToUWriteUChars(args, &fffd, 1, 0, status);
}

static enum sahifa_status nomem(struct sahifa_error *err)
{
	return sahifa_error_nomem(err, NULL);
}

static long uline_of(const UChar *u, size_t n)
{
	long line = 1;
	size_t i;

	for (i = 0; i < n; i++)
		if (u[i] == '\n' || (u[i] == '\r' && (i + 1 >= n || u[i + 1] != '\n')))
			line++;
	return line;
}

/* Convert raw from charset to UTF-16 in *u (malloc'd, *un units).  REPLACE counts
 * replacements in *replaced; REJECT stops at the first bad sequence with its offset. */
static enum sahifa_status icu_to_uchars(const char *charset, const unsigned char *raw, size_t len,
					enum sahifa_on_invalid mode, UChar **u, size_t *un,
					size_t *replaced, struct sahifa_error *err)
{
	UErrorCode status = U_ZERO_ERROR;
	UConverter *cnv = ucnv_open(charset, &status);
	struct ucount uc = { 0 };
	const char *src = (const char *)raw, *src_end = src + len;
	UChar *buf = NULL, *target;
	size_t cap, n = 0;
	enum sahifa_status st = SAHIFA_OK;

	*u = NULL;
	*un = 0;
	if (U_FAILURE(status))
		return sahifa_error_set(err, SAHIFA_ERR_INTERNAL, NULL, 0, 0,
					"no converter for '%s': %s", charset, u_errorName(status));
	if (mode == SAHIFA_INVALID_REPLACE)
		ucnv_setToUCallBack(cnv, to_u_count, &uc, NULL, NULL, &status);
	else
		ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
	if (sahifa_size_add(len, 16, &cap) || sahifa_size_mul(cap, sizeof(UChar), &cap)) {
		ucnv_close(cnv);
		return nomem(err);
	}
	cap /= sizeof(UChar);
	for (;;) {
		UChar *p;

		p = realloc(buf, cap * sizeof(UChar));
		if (!p) {
			st = nomem(err);
			break;
		}
		buf = p;
		target = buf + n;
		status = U_ZERO_ERROR;
		ucnv_toUnicode(cnv, &target, buf + cap, &src, src_end, NULL, 1, &status);
		n = (size_t)(target - buf);
		if (status == U_BUFFER_OVERFLOW_ERROR) {
			if (cap > SIZE_MAX / 2 / sizeof(UChar)) {
				st = nomem(err);
				break;
			}
			cap *= 2;
			continue;
		}
		if (U_FAILURE(status)) {
			char bad[32];
			int8_t bad_len = sizeof(bad);
			UErrorCode s2 = U_ZERO_ERROR;
			size_t off;

			if (status != U_ILLEGAL_CHAR_FOUND && status != U_INVALID_CHAR_FOUND &&
			    status != U_TRUNCATED_CHAR_FOUND) {
				st = sahifa_error_set(err, SAHIFA_ERR_INTERNAL, NULL, 0, 0,
						      "converting from '%s': %s", charset,
						      u_errorName(status));
				break;
			}
			ucnv_getInvalidChars(cnv, bad, &bad_len, &s2);
			if (U_FAILURE(s2))
				bad_len = 0;
			off = (size_t)(src - (const char *)raw) - (size_t)bad_len;
			st = reject_at(err, charset, (const unsigned char *)bad, (size_t)bad_len,
				       off, uline_of(buf, n));
			break;
		}
		break;
	}
	ucnv_close(cnv);
	if (st) {
		free(buf);
		return st;
	}
	*u = buf;
	*un = n;
	*replaced += uc.replaced;
	return SAHIFA_OK;
}

/* The error of a buffer that could not grow. */
static enum sahifa_status grown_not(enum sahifa_status st, struct sahifa_error *err)
{
	return st == SAHIFA_ERR_NOMEM ? nomem(err)
				      : sahifa_error_set(err, st, NULL, 0, 0, "decoded text too large");
}

/* ICU's NFC instance for a text of n units (bytes or UChars), which must fit the int32_t
 * lengths ICU takes, three UTF-8 bytes a UChar. */
static enum sahifa_status nfc_get(size_t n, const UNormalizer2 **nfc, struct sahifa_error *err)
{
	UErrorCode status = U_ZERO_ERROR;

	*nfc = unorm2_getNFCInstance(&status);
	if (U_FAILURE(status))
		return sahifa_error_set(err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "no NFC data: %s",
					u_errorName(status));
	if (n > INT32_MAX / 3)
		return sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0,
					"text too long to normalize");
	return SAHIFA_OK;
}

/* NFC of u[0..n) appended to out as UTF-8; the work is skipped when ICU's quick check
 * says the text is already NFC. */
static enum sahifa_status uchars_to_nfc_utf8(const UChar *u, size_t n, struct sahifa_buf *out,
					     size_t *replaced, struct sahifa_error *err)
{
	UErrorCode status = U_ZERO_ERROR;
	const UNormalizer2 *nfc;
	UChar *norm = NULL;
	const UChar *src = u;
	int32_t srclen = (int32_t)n, need = 0, subs = 0;
	enum sahifa_status st;

	if ((st = nfc_get(n, &nfc, err)))
		return st;
	if (unorm2_spanQuickCheckYes(nfc, u, srclen, &status) < srclen) {
		int32_t cap = srclen + srclen / 2 + 16;

		for (;;) {
			UChar *p = realloc(norm, (size_t)cap * sizeof(UChar));

			if (!p) {
				free(norm);
				return nomem(err);
			}
			norm = p;
			status = U_ZERO_ERROR;
			need = unorm2_normalize(nfc, u, srclen, norm, cap, &status);
			if (status == U_BUFFER_OVERFLOW_ERROR && need > cap) {
				cap = need;
				continue;
			}
			break;
		}
		if (U_FAILURE(status)) {
			free(norm);
			return sahifa_error_set(err, SAHIFA_ERR_INTERNAL, NULL, 0, 0,
						"normalizing: %s", u_errorName(status));
		}
		src = norm;
		srclen = need;
	}
	status = U_ZERO_ERROR;
	u_strToUTF8WithSub(NULL, 0, &need, src, srclen, 0xFFFD, NULL, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
		free(norm);
		return sahifa_error_set(err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "to UTF-8: %s",
					u_errorName(status));
	}
	st = sahifa_buf_grow(out, (size_t)need);
	if (st) {
		free(norm);
		return grown_not(st, err);
	}
	status = U_ZERO_ERROR;
	u_strToUTF8WithSub(out->data + out->len, (int32_t)(out->cap - out->len), &need, src,
			   srclen, 0xFFFD, &subs, &status);
	free(norm);
	if (U_FAILURE(status))
		return sahifa_error_set(err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "to UTF-8: %s",
					u_errorName(status));
	out->len += (size_t)need;
	out->data[out->len] = '\0';
	*replaced += (size_t)subs;
	return SAHIFA_OK;
}

/* Bring valid UTF-8 in d->text to NFC, through UTF-16 only when needed. */
/* The normalization boundary at or before the code point at byte from of the valid
 * UTF-8 text: where what comes after normalizes by itself. */
static size_t nfc_boundary(const UNormalizer2 *nfc, const unsigned char *t, size_t len,
			   size_t from)
{
	while (from > 0) {
		uint32_t c;

		if (utf8_next(t + from, len - from, &c) > 0 &&
		    unorm2_hasBoundaryBefore(nfc, (UChar32)c))
			break;
		while (--from > 0 && (t[from] & 0xC0) == 0x80)
			;
	}
	return from;
}

/* The normalization boundary after the code point at byte from: the next code point
 * with one before it, or the end. */
static size_t nfc_boundary_after(const UNormalizer2 *nfc, const unsigned char *t, size_t len,
				 size_t from)
{
	uint32_t c;
	int n = utf8_next(t + from, len - from, &c);

	for (from += (size_t)(n < 0 ? -n : n); from < len; from += (size_t)(n < 0 ? -n : n)) {
		n = utf8_next(t + from, len - from, &c);
		if (n > 0 && unorm2_hasBoundaryBefore(nfc, (UChar32)c))
			break;
	}
	return from;
}

/* The n bytes at t in NFC, added to out. */
static enum sahifa_status nfc_window(const char *t, size_t n, struct sahifa_buf *out,
				     size_t *replaced, struct sahifa_error *err)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar *u = malloc((n + 1) * sizeof(UChar));
	int32_t un = 0;
	enum sahifa_status st;

	if (!u)
		return nomem(err);
	u_strFromUTF8(u, (int32_t)n + 1, &un, t, (int32_t)n, &status);
	if (U_FAILURE(status)) {
		free(u);
		return sahifa_error_set(err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "from UTF-8: %s",
					u_errorName(status));
	}
	st = uchars_to_nfc_utf8(u, (size_t)un, out, replaced, err);
	free(u);
	return st;
}

/* d->text (valid UTF-8) in NFC, where the bytes before from are NFC already (0: nothing
 * known).  Only the stretches between the normalization boundaries around each code
 * point the scan says no to are normalized; the text between them is copied. */
static enum sahifa_status utf8_text_to_nfc(struct sahifa_decoded *d, size_t from,
					   struct sahifa_error *err)
{
	const UNormalizer2 *nfc;
	const unsigned char *t = (const unsigned char *)d->text.data;
	size_t len = d->text.len, pos = 0, spot = from, head, end;
	struct sahifa_buf nb;
	struct scan sc;
	enum sahifa_status st;

	if ((st = nfc_get(len, &nfc, err)))
		return st;
	if (!spot || spot >= len) {
		scan_bytes(t, len, &sc, 1);
		if (sc.nfc)
			return SAHIFA_OK;
		spot = sc.first_not_nfc;
	}
	sahifa_buf_init(&nb, d->text.max);
	for (;;) {
		head = nfc_boundary(nfc, t, len, spot);
		if (head < pos)
			head = pos;
		end = nfc_boundary_after(nfc, t, len, spot);
		if ((st = sahifa_buf_append(&nb, (const char *)t + pos, head - pos))) {
			st = grown_not(st, err);
			break;
		}
		if ((st = nfc_window((const char *)t + head, end - head, &nb, &d->replaced, err)))
			break;
		pos = end;
		if (pos >= len)
			break;
		/* a boundary: what follows is scanned afresh */
		scan_bytes(t + pos, len - pos, &sc, 1);
		if (sc.nfc)
			break;
		spot = pos + sc.first_not_nfc;
	}
	if (!st && pos < len && (st = sahifa_buf_append(&nb, (const char *)t + pos, len - pos)))
		st = grown_not(st, err);
	if (st) {
		sahifa_buf_release(&nb);
		return st;
	}
	sahifa_buf_release(&d->text);
	d->text = nb;
	return SAHIFA_OK;
}

/* Decode raw with an ICU converter, then NFC into d->text. */
static enum sahifa_status decode_icu(const char *charset, const unsigned char *raw, size_t len,
				     enum sahifa_on_invalid mode, struct sahifa_decoded *d,
				     struct sahifa_error *err)
{
	UChar *u;
	size_t un, replaced = 0;
	enum sahifa_status st;

	st = icu_to_uchars(charset, raw, len, mode, &u, &un, &replaced, err);
	if (st)
		return st;
	st = uchars_to_nfc_utf8(u, un, &d->text, &replaced, err);
	free(u);
	d->replaced += replaced;
	return st;
}

/* ---- detection ---- */

static void set_encoding(struct sahifa_decoded *d, const char *name, int confidence, int bom)
{
	snprintf(d->encoding, sizeof(d->encoding), "%s", name);
	d->confidence = confidence;
	d->bom = bom;
}

struct bom {
	const char *name;
	const char *bytes;
	size_t len;
};

/* UTF-32LE before UTF-16LE: its mark starts with the UTF-16LE one. */
static const struct bom boms[] = {
	{ "UTF-8", "\xEF\xBB\xBF", 3 },
	{ "UTF-32LE", "\xFF\xFE\x00\x00", 4 },
	{ "UTF-32BE", "\x00\x00\xFE\xFF", 4 },
	{ "UTF-16LE", "\xFF\xFE", 2 },
	{ "UTF-16BE", "\xFE\xFF", 2 },
};

/* UTF-16 without a byte order mark, from the pattern of its bytes: in one parity (the
 * high bytes) a couple of values dominate (0x00 for Latin, 0x06 and 0x00 for Arabic),
 * and the other parity holds next to no zeros.  Returns "UTF-16LE", "UTF-16BE" or
 * NULL, with a confidence. */
static const char *sniff_utf16(const unsigned char *s, size_t len, int *confidence)
{
	size_t hist[2][256], zeros[2], n[2] = { 0, 0 }, top[2];
	size_t i;
	int p, hi;

	if (len < 4)
		return NULL;
	memset(hist, 0, sizeof(hist));
	for (i = 0; i + 1 < len; i += 2) {
		hist[0][s[i]]++;
		hist[1][s[i + 1]]++;
	}
	for (p = 0; p < 2; p++) {
		size_t a = 0, b = 0;
		int v;

		for (v = 0; v < 256; v++) {
			n[p] += hist[p][v];
			if (hist[p][v] > a) {
				b = a;
				a = hist[p][v];
			} else if (hist[p][v] > b)
				b = hist[p][v];
		}
		top[p] = a + b;
		zeros[p] = hist[p][0];
	}
	hi = top[1] >= top[0] ? 1 : 0;
	/* The high bytes: two values cover at least 3/4, clearly more than in the low
	 * bytes; zeros in the low bytes (U+xx00) are rare. */
	if (top[hi] * 4 < n[hi] * 3 || top[hi] <= top[!hi] || zeros[!hi] * 8 > zeros[hi] + 8)
		return NULL;
	*confidence = (int)(top[hi] * 100 / n[hi]);
	return hi ? "UTF-16LE" : "UTF-16BE";
}

/* Controls and NULs in decoded UTF-16 text: NUL, or more than 1 in CONTROL_SHARE units
 * that are controls, means the guess of UTF-16/32 was wrong or the content binary. */
static enum sahifa_status check_uchars_text(const UChar *u, size_t n, struct sahifa_error *err)
{
	size_t i, ctrl = 0;

	for (i = 0; i < n; i++) {
		if (u[i] == 0)
			return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
						"binary content, not text (NUL character at "
						"character %zu)", i);
		if ((u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' && u[i] != '\v' &&
		     u[i] != '\f' && u[i] != '\r') || u[i] == 0x7F)
			ctrl++;
	}
	if (ctrl && ctrl * CONTROL_SHARE > n)
		return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
					"binary content, not text (%zu control characters in %zu)",
					ctrl, n);
	return SAHIFA_OK;
}

/* UTF-16 or UTF-32 (with or without a mark): convert, check it reads as text, NFC. */
static enum sahifa_status decode_wide(const char *charset, const unsigned char *raw, size_t len,
				      enum sahifa_on_invalid mode, int guessed,
				      struct sahifa_decoded *d, struct sahifa_error *err)
{
	UChar *u;
	size_t un, replaced = 0;
	enum sahifa_status st;

	st = icu_to_uchars(charset, raw, len, mode, &u, &un, &replaced, err);
	if (st)
		return st;
	/* A guess that needs many replacements was wrong: report binary content. */
	if (guessed && replaced * 10 > un + 1) {
		free(u);
		return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
					"binary content, not text (no text encoding fits)");
	}
	st = check_uchars_text(u, un, err);
	if (!st)
		st = uchars_to_nfc_utf8(u, un, &d->text, &replaced, err);
	free(u);
	d->replaced += replaced;
	return st;
}

static int skip_detected(const char *name)
{
	return !strncmp(name, "UTF-16", 6) || !strncmp(name, "UTF-32", 6);
}

static enum sahifa_status decode_utf8(const unsigned char *raw, size_t len, const struct scan *sc,
				      enum sahifa_on_invalid mode, struct sahifa_decoded *d,
				      struct sahifa_error *err);

/* UTF-8 with its bad bytes replaced (or rejected): what is left when no charset fits. */
static enum sahifa_status fall_back_utf8(const unsigned char *raw, size_t len,
					 const struct scan *sc, enum sahifa_on_invalid mode,
					 struct sahifa_decoded *d, struct sahifa_error *err)
{
	set_encoding(d, "UTF-8", (int)(100 * sc->valid_mb / (sc->valid_mb + sc->bad_spots + 1)), 0);
	return decode_utf8(raw, len, sc, mode, d, err);
}

/* A legacy charset by ICU's detector: the best candidates are tried in order and the
 * first that converts without a bad byte wins; if none does, the best one is used, and
 * with no candidate at all, UTF-8 with errors. */
static enum sahifa_status decode_legacy(const unsigned char *raw, size_t len,
					const struct scan *sc, enum sahifa_on_invalid mode,
					struct sahifa_decoded *d, struct sahifa_error *err)
{
	UErrorCode status = U_ZERO_ERROR;
	UCharsetDetector *csd = ucsdet_open(&status);
	const UCharsetMatch **m;
	int32_t found = 0, i, best = -1;
	char names[DETECT_CANDIDATES][SAHIFA_ENCODING_MAX];
	int conf[DETECT_CANDIDATES];
	int n = 0;
	enum sahifa_status st;

	if (U_FAILURE(status))
		return sahifa_error_set(err, SAHIFA_ERR_INTERNAL, NULL, 0, 0,
					"charset detector: %s", u_errorName(status));
	ucsdet_setText(csd, (const char *)raw, (int32_t)(len > INT32_MAX ? INT32_MAX : len),
		       &status);
	m = ucsdet_detectAll(csd, &found, &status);
	for (i = 0; U_SUCCESS(status) && i < found && n < DETECT_CANDIDATES; i++) {
		UErrorCode s2 = U_ZERO_ERROR;
		const char *name = ucsdet_getName(m[i], &s2);
		int c = ucsdet_getConfidence(m[i], &s2);

		if (U_FAILURE(s2) || !name || skip_detected(name) || c <= 0 ||
		    strlen(name) >= SAHIFA_ENCODING_MAX)
			continue;
		snprintf(names[n], sizeof(names[n]), "%s", name);
		conf[n++] = c;
	}
	ucsdet_close(csd);
	if (!n)
		return fall_back_utf8(raw, len, sc, mode, d, err);
	for (i = 0; i < n; i++) {
		UChar *u;
		size_t un, replaced = 0;

		st = icu_to_uchars(names[i], raw, len, SAHIFA_INVALID_REPLACE, &u, &un, &replaced,
				   err);
		if (st == SAHIFA_ERR_INTERNAL)
			continue;  /* a name ICU detects but cannot convert */
		if (st)
			return st;
		if (!replaced) {
			set_encoding(d, names[i], conf[i], 0);
			st = uchars_to_nfc_utf8(u, un, &d->text, &d->replaced, err);
			free(u);
			return st;
		}
		free(u);
		if (best < 0)
			best = i;
	}
	if (best < 0)
		return fall_back_utf8(raw, len, sc, mode, d, err);
	/* No candidate is clean: the best one, its bad bytes replaced or rejected. */
	set_encoding(d, names[best], conf[best], 0);
	return decode_icu(names[best], raw, len, mode, d, err);
}

/* ---- line ends and emptiness ---- */

/* CRLF and lone CR become LF, in place. */
static void fold_cr(struct sahifa_buf *b)
{
	char *s = b->data;
	size_t i, o = 0;

	if (!s || !memchr(s, '\r', b->len))
		return;
	for (i = 0; i < b->len; i++) {
		if (s[i] == '\r') {
			s[o++] = '\n';
			if (i + 1 < b->len && s[i + 1] == '\n')
				i++;
		} else
			s[o++] = s[i];
	}
	b->len = o;
	s[o] = '\0';
}

/* 1 when the UTF-8 text holds nothing but white space (ASCII, NBSP, the Unicode space
 * separators, line and paragraph separators, and the zero-width no-break space). */
static int only_space(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		uint32_t c;
		int n = utf8_next(s + i, len - i, &c);

		if (n < 0)
			return 0;
		i += (size_t)n;
		if (c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0 ||
		    c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 ||
		    c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF)
			continue;
		return 0;
	}
	return 1;
}

/* ---- entry point ---- */

static enum sahifa_status decode_utf8(const unsigned char *raw, size_t len, const struct scan *sc,
				      enum sahifa_on_invalid mode, struct sahifa_decoded *d,
				      struct sahifa_error *err)
{
	enum sahifa_status st;
	size_t base;

	if (sc->invalid && mode == SAHIFA_INVALID_REJECT) {
		uint32_t c;
		int n = utf8_next(raw + sc->first_invalid, len - sc->first_invalid, &c);

		return reject_at(err, "UTF-8", raw + sc->first_invalid, (size_t)(n < 0 ? -n : n),
				 sc->first_invalid, line_of(raw, sc->first_invalid));
	}
	base = d->text.len;
	if (sc->invalid)
		st = utf8_repair(raw, len, &d->text, &d->replaced);
	else
		st = sahifa_buf_append(&d->text, raw, len);
	if (st)
		return grown_not(st, err);
	/* repaired text has other offsets than raw's: then all of it is normalized */
	if (!sc->nfc)
		return utf8_text_to_nfc(d, sc->invalid ? 0 : base + sc->first_not_nfc, err);
	return SAHIFA_OK;
}

static int too_many_controls(const struct scan *sc, size_t len)
{
	return sc->ctrl && sc->ctrl * CONTROL_SHARE > len;
}

static enum sahifa_status binary_nul(struct sahifa_error *err, size_t off)
{
	return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
				"binary content, not text (NUL byte at offset %zu)", off);
}

static enum sahifa_status binary_ctrl(struct sahifa_error *err, unsigned char b, size_t off)
{
	return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
				"binary content, not text (control character 0x%02X at offset %zu)",
				b, off);
}

/* 1 when every byte above 0x7F sits in something shaped like UTF-8 (a lead byte and
 * continuation bytes, or a lead cut off by the end): broken UTF-8 (overlong forms,
 * CESU surrogates, cut sequences, the five- and six-byte forms of code points past
 * U+10FFFF that elinks writes for a letter with its combining marks) rather than a
 * legacy code page, whose high bytes stand alone or in runs of leads. */
static int utf8_shaped(const unsigned char *s, size_t len)
{
	size_t i = 0;
	int any = 0;

	while (i < len) {
		size_t k, conts;

		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] < 0xC0 || s[i] > 0xFD)
			return 0;  /* a continuation byte with no lead, or no lead at all */
		conts = s[i] >= 0xFC ? 5 : s[i] >= 0xF8 ? 4 : s[i] >= 0xF0 ? 3 : s[i] >= 0xE0 ? 2 : 1;
		for (k = i + 1; k < len && k <= i + conts && s[k] >= 0x80 && s[k] < 0xC0; k++)
			;
		if (k == i + 1 && k < len)
			return 0;  /* a lead followed by no continuation */
		any = 1;
		i = k;
	}
	return any;
}

static enum sahifa_status decode_any(const unsigned char *raw, size_t len,
				     enum sahifa_on_invalid mode, struct sahifa_decoded *d,
				     struct sahifa_error *err)
{
	struct scan sc;
	const char *wide;
	size_t i;
	int conf = 0;

	for (i = 0; i < sizeof(boms) / sizeof(boms[0]); i++) {
		const struct bom *b = &boms[i];

		if (len < b->len || memcmp(raw, b->bytes, b->len))
			continue;
		set_encoding(d, b->name, 100, 1);
		if (i == 0) {
			scan_bytes(raw + 3, len - 3, &sc, 0);
			if (sc.nul)
				return binary_nul(err, sc.first_nul + 3);
			if (too_many_controls(&sc, len - 3))
				return binary_ctrl(err, raw[sc.first_ctrl + 3], sc.first_ctrl + 3);
			return decode_utf8(raw + 3, len - 3, &sc, mode, d, err);
		}
		return decode_wide(b->name, raw + b->len, len - b->len, mode, 0, d, err);
	}

	scan_bytes(raw, len, &sc, 0);
	if (sc.nul || too_many_controls(&sc, len)) {
		wide = sniff_utf16(raw, len, &conf);
		if (wide) {
			set_encoding(d, wide, conf, 0);
			return decode_wide(wide, raw, len, mode, 1, d, err);
		}
		if (sc.nul)
			return binary_nul(err, sc.first_nul);
		return binary_ctrl(err, raw[sc.first_ctrl], sc.first_ctrl);
	}
	/* UTF-8 with errors when it has few bad spots; or when its bad bytes are all
	 * shaped like UTF-8, not windows-1252 mojibake with nothing replaced (when
	 * replacing, only beside valid multi-byte sequences: a Latin-1 "voilà…" alone is
	 * shaped too) */
	if (!sc.invalid || (sc.valid_mb && sc.bad_spots * MOSTLY_UTF8_RATIO <= sc.valid_mb) ||
	    ((mode == SAHIFA_INVALID_REJECT || sc.valid_mb) && utf8_shaped(raw, len))) {
		conf = sc.invalid ? (int)(100 * sc.valid_mb / (sc.valid_mb + sc.bad_spots)) : 100;
		set_encoding(d, "UTF-8", conf, 0);
		return decode_utf8(raw, len, &sc, mode, d, err);
	}
	return decode_legacy(raw, len, &sc, mode, d, err);
}

/* The common end of a decode: on failure no half text, else line ends made LF, and a
 * text of nothing but spaces is no input. */
static enum sahifa_status decoded_finish(struct sahifa_decoded *out, enum sahifa_status st,
					 struct sahifa_error *err)
{
	if (st) {
		sahifa_buf_reset(&out->text);
		return st;
	}
	fold_cr(&out->text);
	if (only_space((const unsigned char *)out->text.data, out->text.len))
		return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0, "empty input");
	if (!out->text.data)
		return sahifa_buf_append(&out->text, "", 0);
	return SAHIFA_OK;
}

enum sahifa_status sahifa_decode(const unsigned char *raw, size_t len,
				 enum sahifa_on_invalid on_invalid, struct sahifa_decoded *out,
				 struct sahifa_error *err)
{
	enum sahifa_status st;

	pthread_once(&tables_once, tables_build);
	sahifa_buf_reset(&out->text);
	out->encoding[0] = '\0';
	out->confidence = 0;
	out->bom = 0;
	out->replaced = 0;
	if (!len)
		return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0, "empty input");
	if (len > INT32_MAX / 4)
		return sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0,
					"input of %zu bytes too large to decode", len);
	st = decode_any(raw, len, on_invalid, out, err);
	return decoded_finish(out, st, err);
}

/* ---- a declared charset (HTTP header, <meta>) ---- */

/* 1 for the charsets that decode nearly any byte and so never show they are wrong. */
static int latin_family(const char *iana)
{
	static const char *const names[] = { "ISO-8859-1", "windows-1252", "US-ASCII",
					     "ISO-8859-15" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcasecmp(iana, names[i]))
			return 1;
	return 0;
}

/* ICU detector's best guess for raw (not UTF-16/32) with its confidence; 0 if none. */
static int detect_top(const unsigned char *raw, size_t len, char *name, size_t size)
{
	UErrorCode status = U_ZERO_ERROR;
	UCharsetDetector *csd = ucsdet_open(&status);
	const UCharsetMatch **m;
	int32_t found = 0, i;
	int conf = 0;

	if (U_FAILURE(status))
		return 0;
	ucsdet_setText(csd, (const char *)raw, (int32_t)(len > INT32_MAX ? INT32_MAX : len),
		       &status);
	m = ucsdet_detectAll(csd, &found, &status);
	for (i = 0; U_SUCCESS(status) && i < found; i++) {
		UErrorCode s2 = U_ZERO_ERROR;
		const char *n = ucsdet_getName(m[i], &s2);

		if (U_FAILURE(s2) || !n || skip_detected(n))
			continue;
		snprintf(name, size, "%s", n);
		conf = ucsdet_getConfidence(m[i], &s2);
		break;
	}
	ucsdet_close(csd);
	return conf;
}

/* Minimum detector confidence that overrules a clean Latin-1-family declaration. */
#define DECLARED_OVERRULE_CONFIDENCE 40

enum sahifa_status sahifa_decode_declared(const unsigned char *raw, size_t len,
					  const char *declared, enum sahifa_on_invalid on_invalid,
					  struct sahifa_decoded *out, struct sahifa_error *err)
{
	UErrorCode status = U_ZERO_ERROR;
	const char *canon, *iana;
	struct scan sc;
	UChar *u = NULL;
	size_t un = 0, replaced = 0, i;
	enum sahifa_status st;
	char top[SAHIFA_ENCODING_MAX];

	pthread_once(&tables_once, tables_build);
	if (!declared || !*declared || !len || len > INT32_MAX / 4)
		return sahifa_decode(raw, len, on_invalid, out, err);
	for (i = 0; i < sizeof(boms) / sizeof(boms[0]); i++)
		if (len >= boms[i].len && !memcmp(raw, boms[i].bytes, boms[i].len))
			return sahifa_decode(raw, len, on_invalid, out, err);
	canon = ucnv_getCanonicalName(declared, "WINDOWS", &status);
	if (U_FAILURE(status) || !canon) {
		status = U_ZERO_ERROR;
		canon = ucnv_getCanonicalName(declared, "IANA", &status);
	}
	if (U_FAILURE(status) || !canon)
		return sahifa_decode(raw, len, on_invalid, out, err); /* unknown name */
	status = U_ZERO_ERROR;
	iana = ucnv_getStandardName(canon, "IANA", &status);
	if (U_FAILURE(status) || !iana)
		iana = declared;
	if (strlen(iana) >= SAHIFA_ENCODING_MAX || !strncasecmp(iana, "UTF-", 4))
		return sahifa_decode(raw, len, on_invalid, out, err); /* UTF-8/16/32: the bytes say */
	scan_bytes(raw, len, &sc, 0);
	if (sc.nul || too_many_controls(&sc, len) || (!sc.invalid && sc.valid_mb))
		return sahifa_decode(raw, len, on_invalid, out, err); /* binary, or UTF-8 after all */
	if (latin_family(iana) && sc.invalid &&
	    detect_top(raw, len, top, sizeof(top)) >= DECLARED_OVERRULE_CONFIDENCE &&
	    !latin_family(top))
		return sahifa_decode(raw, len, on_invalid, out, err);
	sahifa_buf_reset(&out->text);
	out->replaced = 0;
	out->bom = 0;
	st = icu_to_uchars(canon, raw, len, SAHIFA_INVALID_REPLACE, &u, &un, &replaced, err);
	if (st == SAHIFA_ERR_INTERNAL)
		return sahifa_decode(raw, len, on_invalid, out, err);
	if (st)
		return st;
	if (replaced) {
		free(u);
		return sahifa_decode(raw, len, on_invalid, out, err); /* bytes the charset lacks */
	}
	set_encoding(out, iana, 100, 0);
	st = check_uchars_text(u, un, err);
	if (!st)
		st = uchars_to_nfc_utf8(u, un, &out->text, &out->replaced, err);
	free(u);
	return decoded_finish(out, st, err);
}

enum sahifa_status sahifa_nfc(struct sahifa_buf *text, struct sahifa_error *err)
{
	struct sahifa_decoded d;
	enum sahifa_status st;

	struct scan sc;

	pthread_once(&tables_once, tables_build);
	if (!text->len)
		return SAHIFA_OK;
	scan_bytes((const unsigned char *)text->data, text->len, &sc, 0);
	if (!sc.invalid && sc.nfc)
		return SAHIFA_OK;  /* the quick check says NFC already: no copy */
	memset(&d, 0, sizeof(d));
	d.text = *text;
	st = utf8_text_to_nfc(&d, sc.invalid ? 0 : sc.first_not_nfc, err);
	*text = d.text;
	return st;
}
