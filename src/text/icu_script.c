/* Script counting with ICU's uscript_getScript (src/text/icu_script.h). */
#include <pthread.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "text/icu_script.h"

_Static_assert(USCRIPT_CODE_LIMIT <= SAHIFA_SCRIPT_SLOTS, "UScriptCode does not fit");

void shf_script_counts_init(struct sahifa_script_counts *c)
{
	memset(c, 0, sizeof(*c));
}

/*
 * ICU's answers for the two-byte code points U+0080..U+07FF (Latin letters with marks,
 * Greek, Cyrillic, Armenian, Hebrew, Arabic, Syriac, Thaana), asked once: the script
 * of a letter, or TWO_BYTE_NOT_LETTER (TWO_BYTE_C1 for the C1 controls).  Arabic text
 * is all two-byte letters, and two ICU calls per letter were a tenth of convert's
 * time.
 */
#define TWO_BYTE_FIRST 0x80
#define TWO_BYTE_END 0x800
#define TWO_BYTE_NOT_LETTER 0xFF
#define TWO_BYTE_C1 0xFE          /* U+0080..U+009F: not letters, and CLD2 refuses them */
_Static_assert(USCRIPT_CODE_LIMIT < TWO_BYTE_C1, "UScriptCode does not fit a byte");
static uint8_t two_byte_script[TWO_BYTE_END - TWO_BYTE_FIRST];
static pthread_once_t two_byte_once = PTHREAD_ONCE_INIT;

/* The script code counted for the letter cp, or -1: not a letter, or a letter of the
 * Common or Inherited script. */
static int letter_script(UChar32 cp)
{
	UErrorCode ec = U_ZERO_ERROR;
	UScriptCode sc;

	if (!u_isalpha(cp))
		return -1;
	sc = uscript_getScript(cp, &ec);
	if (U_FAILURE(ec) || sc <= USCRIPT_INHERITED || sc >= USCRIPT_CODE_LIMIT ||
	    sc == USCRIPT_UNKNOWN)
		return -1;
	return (int)sc;
}

static void two_byte_build(void)
{
	UChar32 cp;

	for (cp = TWO_BYTE_FIRST; cp < TWO_BYTE_END; cp++) {
		int sc = letter_script(cp);

		two_byte_script[cp - TWO_BYTE_FIRST] = cp < 0xA0 ? TWO_BYTE_C1
						     : sc < 0 ? TWO_BYTE_NOT_LETTER : (uint8_t)sc;
	}
}

/* A code point of three or four bytes that CLD2 refuses: a noncharacter. */
static inline int refused_wide(UChar32 cp)
{
	return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

/* The ASCII bytes CLD2 refuses: every control but tab, newline, form feed and carriage
 * return, and DEL (one bit each, tested only for the bytes below 0x20 and 0x7F). */
#define ASCII_REFUSED_LOW (0xFFFFFFFFu & ~(1u << '\t' | 1u << '\n' | 1u << '\f' | 1u << '\r'))

/* Whether s + i, of len bytes, starts a two-byte code point of U+0600..U+06FF. */
#define ARABIC_BLOCK_AT(s, i, len) \
	((i) + 1 < (len) && (s)[i] >= 0xD8 && (s)[i] <= 0xDB && ((s)[(i) + 1] & 0xC0) == 0x80)

void shf_script_count(const char *utf8, size_t len, struct sahifa_script_counts *c)
{
	const uint8_t *s = (const uint8_t *)utf8;
	size_t i = 0;
	/* kept in registers, added to c at the end */
	uint32_t refused = 0, latin = 0, arabic = 0;
	uint64_t chars = 0, letters = 0;

	pthread_once(&two_byte_once, two_byte_build);
	while (i < len) {
		UChar32 cp;
		int sc;

		if (s[i] < 0x80) {
			/* ASCII is most of the Latin text there is: skip ICU for it. */
			uint8_t b = s[i++] | 0x20;

			chars++;
			/* (below 0x20 or DEL, in one test) */
			if (((s[i - 1] + 1) & 0x7F) <= 0x20)
				refused += s[i - 1] == 0x7F || (ASCII_REFUSED_LOW >> s[i - 1] & 1);
			latin += b >= 'a' && b <= 'z';
			continue;
		}
		if (ARABIC_BLOCK_AT(s, i, len)) {
			/* A run of the Arabic block U+0600..U+06FF, most of an Arabic-script
			 * text: each code point counted by its byte pair, its letters (of the
			 * Arabic script, as the table says) in one sum. */
			do {
				unsigned k = (unsigned)(s[i] - 0xD8) << 6 | (s[i + 1] & 0x3F);
				uint8_t v = two_byte_script[0x600 + k - TWO_BYTE_FIRST];

				c->arabic[k]++;
				if (v == USCRIPT_ARABIC)
					arabic++;
				else if (v < TWO_BYTE_C1)
					c->script[v]++, letters++;
				chars++;
				i += 2;
			} while (ARABIC_BLOCK_AT(s, i, len));
			continue;
		}
		if (s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
			cp = ((UChar32)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
			i += 2;
		} else {
			int32_t off = 0, n;

			if (len - i > INT32_MAX) {
				/* U8_NEXT takes an int32 length; such text is far past every limit. */
				refused++;
				break;
			}
			n = (int32_t)(len - i);
			U8_NEXT(s + i, off, n, cp);
			i += (size_t)off;
			if (cp < 0) {
				refused++;
				continue;
			}
			refused += refused_wide(cp);
		}
		chars++;
		if (cp >= 0x600 && cp <= 0x6FF)
			c->arabic[cp - 0x600]++;
		else if (cp == 0x200C)
			c->zwnj++;
		if (cp < TWO_BYTE_END) {
			uint8_t v = two_byte_script[cp - TWO_BYTE_FIRST];

			if (v >= TWO_BYTE_C1) {
				refused += v == TWO_BYTE_C1;
				continue;
			}
			sc = v;
		} else {
			sc = letter_script(cp);
		}
		if (sc < 0)
			continue;
		c->script[sc]++;
		letters++;
	}
	c->script[USCRIPT_LATIN] += latin;
	c->script[USCRIPT_ARABIC] += arabic;
	c->letters += letters + latin + arabic;
	c->chars += chars;
	c->refused += refused;
}

int shf_script_is_letter(uint32_t c)
{
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	if (c < TWO_BYTE_END) {
		pthread_once(&two_byte_once, two_byte_build);
		return two_byte_script[c - TWO_BYTE_FIRST] < TWO_BYTE_C1;
	}
	return c <= 0x10FFFF && letter_script((UChar32)c) >= 0;
}

int shf_script_zero_width(uint32_t c)
{
	int8_t t;

	if (c < 0x300 || c > 0x10FFFF || c == 0xAD)
		return 0;
	t = u_charType((UChar32)c);
	return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_FORMAT_CHAR;
}

void shf_script_letters_add(struct sahifa_script_counts *a, const struct sahifa_script_counts *b)
{
	size_t i;

	a->letters += b->letters;
	a->chars += b->chars;
	/* (the slots past ICU's codes are never counted) */
	for (i = 0; i < USCRIPT_CODE_LIMIT; i++)
		a->script[i] += b->script[i];
}

uint64_t shf_script_arabic_letters(const struct sahifa_script_counts *c)
{
	return c->script[USCRIPT_ARABIC];
}

struct tally {
	const char *code;
	uint64_t n;
};

static void set_code(char *out, const char *code)
{
	size_t n = strlen(code);

	if (n >= SAHIFA_SCRIPT_MAX)
		n = SAHIFA_SCRIPT_MAX - 1;
	memcpy(out, code, n);
	out[n] = '\0';
}

/* Fold the per-script counts into tallies by ISO 15924 code, largest first. */
static size_t tallies(const struct sahifa_script_counts *c, struct tally *t, size_t max)
{
	size_t n = 0, i, j;
	uint32_t kana = c->script[USCRIPT_HIRAGANA] + c->script[USCRIPT_KATAKANA];

	for (i = 0; i < USCRIPT_CODE_LIMIT; i++) {
		const char *code;
		uint64_t v = c->script[i];

		if (!v)
			continue;
		if (kana && (i == USCRIPT_HIRAGANA || i == USCRIPT_KATAKANA || i == USCRIPT_HAN))
			continue;
		code = uscript_getShortName((UScriptCode)i);
		if (!code || n == max)
			continue;
		t[n].code = code;
		t[n].n = v;
		n++;
	}
	if (kana && n < max) {
		t[n].code = "Jpan";
		t[n].n = (uint64_t)kana + c->script[USCRIPT_HAN];
		n++;
	}
	/* Insertion sort: a handful of entries. */
	for (i = 1; i < n; i++) {
		struct tally x = t[i];

		for (j = i; j > 0 && (t[j - 1].n < x.n ||
				      (t[j - 1].n == x.n && strcmp(t[j - 1].code, x.code) > 0));
		     j--)
			t[j] = t[j - 1];
		t[j] = x;
	}
	return n;
}

size_t shf_script_shares(const struct sahifa_script_counts *c, struct sahifa_script_share *out,
			    size_t max)
{
	struct tally t[SAHIFA_SCRIPT_SLOTS];
	uint64_t total = 0;
	size_t n, i;

	n = tallies(c, t, SAHIFA_SCRIPT_SLOTS);
	for (i = 0; i < n; i++)
		total += t[i].n;
	if (!total)
		return 0;
	if (n > max)
		n = max;
	for (i = 0; i < n; i++) {
		set_code(out[i].script, t[i].code);
		/* Rounded to 3 decimals so that the record's bytes do not depend on libm. */
		out[i].share = (double)((t[i].n * 1000 + total / 2) / total) / 1000.0;
	}
	return n;
}

void shf_script_dominant(const struct sahifa_script_counts *c, char *out)
{
	/* the scripts most texts are written in wholly: one of them with every letter
	 * is the answer without tallying the others */
	static const UScriptCode whole[] = { USCRIPT_ARABIC, USCRIPT_LATIN, USCRIPT_CYRILLIC };
	struct tally t[SAHIFA_SCRIPT_SLOTS];
	size_t i;

	for (i = 0; c->letters && i < sizeof(whole) / sizeof(whole[0]); i++)
		if (c->script[whole[i]] == c->letters) {
			set_code(out, uscript_getShortName(whole[i]));
			return;
		}
	if (tallies(c, t, SAHIFA_SCRIPT_SLOTS) == 0)
		set_code(out, "Zyyy");
	else
		set_code(out, t[0].code);
}
