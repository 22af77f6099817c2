/* Unit tests for src/text/icu_decode.c: BOMs, strict UTF-8, legacy charsets, binary and
 * empty input, NFC and line ends.  Legacy bytes are made at run time with iconv(3). */
#include <dirent.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sahifa/buf.h"
#include "sahifa/decode.h"

/* Arabic prose written for these tests; only characters ISO-8859-6 can hold. */
static const char arabic[] =
	"أعلنت وزارة الصحة صباح اليوم عن افتتاح مستشفى جديد في المدينة، ويضم المستشفى "
	"مئتي سرير وقسما للطوارئ يعمل على مدار الساعة.\n"
	"وقال الوزير في مؤتمر صحفي إن المشروع استغرق ثلاث سنوات من العمل المتواصل، "
	"وإن تكلفته بلغت 40 مليون دينار؟ وأضاف أن المستشفى سيخدم سكان القرى المجاورة "
	"أيضا، وأن الحكومة تخطط لبناء مستشفيات أخرى في الجنوب والشمال خلال العامين "
	"القادمين.\n";

/* Convert src (UTF-8) to charset with iconv; returns malloc'd bytes or NULL. */
static char *iconv_to(const char *charset, const char *src, size_t n, size_t *outn)
{
	iconv_t cd = iconv_open(charset, "UTF-8");
	size_t cap = n * 4 + 16, left = cap, inleft = n;
	char *out, *o, *in = (char *)src;

	if (cd == (iconv_t)-1)
		return NULL;
	out = malloc(cap);
	o = out;
	if (!out || iconv(cd, &in, &inleft, &o, &left) == (size_t)-1) {
		free(out);
		iconv_close(cd);
		return NULL;
	}
	iconv_close(cd);
	*outn = cap - left;
	return out;
}

static char *prefix(const char *pre, size_t pn, const char *s, size_t n, size_t *outn)
{
	char *p = malloc(pn + n + 1);

	memcpy(p, pre, pn);
	memcpy(p + pn, s, n);
	*outn = pn + n;
	return p;
}

/* Decode and compare text and encoding; returns 1 when both are as wanted. */
static void expect_text(const char *label, const char *raw, size_t n, const char *want,
			size_t want_len, const char *want_enc, int want_bom, int line)
{
	struct sahifa_decoded d;
	struct sahifa_error err;
	enum sahifa_status st;

	sahifa_decoded_init(&d);
	sahifa_error_clear(&err);
	st = sahifa_decode((const unsigned char *)raw, n, SAHIFA_INVALID_REJECT, &d, &err);
	if (st) {
		printf("FAIL %s:%d: %s: decode failed: %s\n", __FILE__, line, label, err.msg);
		check_failed++;
	} else if (d.text.len != want_len || memcmp(d.text.data, want, want_len)) {
		printf("FAIL %s:%d: %s: text differs (%zu bytes, want %zu)\n", __FILE__, line,
		       label, d.text.len, want_len);
		check_failed++;
	} else if (want_enc && strcmp(d.encoding, want_enc)) {
		printf("FAIL %s:%d: %s: encoding '%s', want '%s'\n", __FILE__, line, label,
		       d.encoding, want_enc);
		check_failed++;
	} else if (d.bom != want_bom || d.replaced) {
		printf("FAIL %s:%d: %s: bom %d replaced %zu\n", __FILE__, line, label, d.bom,
		       d.replaced);
		check_failed++;
	} else
		check_passed++;
	sahifa_decoded_release(&d);
}

/* Every encoding of text (UTF-8 in NFC, LF) that must decode back to it. */
static void round_trips(const char *label, const char *text, size_t n, int latin_8859_6)
{
	static const struct {
		const char *iconv;
		const char *pre;     /* BOM bytes to put first */
		size_t pre_len;
		const char *enc;     /* expected encoding */
		int bom;
	} rows[] = {
		{ "UTF-8", "", 0, "UTF-8", 0 },
		{ "UTF-8", "\xEF\xBB\xBF", 3, "UTF-8", 1 },
		{ "UTF-16LE", "\xFF\xFE", 2, "UTF-16LE", 1 },
		{ "UTF-16BE", "\xFE\xFF", 2, "UTF-16BE", 1 },
		{ "UTF-16LE", "", 0, "UTF-16LE", 0 },
		{ "UTF-16BE", "", 0, "UTF-16BE", 0 },
		{ "UTF-32LE", "\xFF\xFE\0\0", 4, "UTF-32LE", 1 },
		{ "UTF-32BE", "\0\0\xFE\xFF", 4, "UTF-32BE", 1 },
		{ "WINDOWS-1256", "", 0, "windows-1256", 0 },
		{ "ISO-8859-6", "", 0, "ISO-8859-6", 0 },
	};
	size_t i;
	char what[160];

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		size_t bn, rn;
		char *b, *raw;

		if (!strcmp(rows[i].iconv, "ISO-8859-6") && !latin_8859_6)
			continue;
		b = iconv_to(rows[i].iconv, text, n, &bn);
		snprintf(what, sizeof(what), "%s as %s%s", label, rows[i].iconv,
			 rows[i].pre_len ? " with BOM" : "");
		if (!b) {
			printf("FAIL %s:%d: %s: iconv failed\n", __FILE__, __LINE__, what);
			check_failed++;
			continue;
		}
		raw = prefix(rows[i].pre, rows[i].pre_len, b, bn, &rn);
		expect_text(what, raw, rn, text, n, rows[i].enc, rows[i].bom, __LINE__);
		free(raw);
		free(b);
	}
}

/* The same text with CRLF line ends decodes to LF. */
static void crlf_round_trip(const char *label, const char *text, size_t n)
{
	struct sahifa_buf b = SAHIFA_BUF_INIT;
	size_t i;
	char what[160];

	for (i = 0; i < n; i++) {
		if (text[i] == '\n')
			sahifa_buf_append_char(&b, '\r');
		sahifa_buf_append_char(&b, text[i]);
	}
	snprintf(what, sizeof(what), "%s with CRLF", label);
	expect_text(what, b.data, b.len, text, n, "UTF-8", 0, __LINE__);
	sahifa_buf_release(&b);
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	struct sahifa_buf b = SAHIFA_BUF_INIT;
	char chunk[4096];
	size_t k;

	if (!f)
		return NULL;
	while ((k = fread(chunk, 1, sizeof(chunk), f)) > 0)
		sahifa_buf_append(&b, chunk, k);
	fclose(f);
	return sahifa_buf_detach(&b, n);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void seeds(void)
{
	const char *shared = getenv("SHARED");
	char dir[1024], path[2048];
	char *names[64];
	size_t n = 0, i;
	DIR *d;
	struct dirent *e;

	if (!shared || !*shared)
		shared = "../shared";
	snprintf(dir, sizeof(dir), "%s/seeds", shared);
	d = opendir(dir);
	if (!d) {
		printf("SKIP decode/seeds: %s not found\n", dir);
		return;
	}
	while ((e = readdir(d)) && n < 64)
		if (e->d_name[0] != '.')
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, n, sizeof(names[0]), cmp_names);
	CHECK(n > 0);
	for (i = 0; i < n; i++) {
		size_t len, tmp;
		char *text, *probe;
		int can_8859_6;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		text = slurp(path, &len);
		CHECK(text != NULL);
		if (!text)
			continue;
		probe = iconv_to("ISO-8859-6", text, len, &tmp);
		can_8859_6 = probe != NULL;
		free(probe);
		round_trips(names[i], text, len, can_8859_6);
		crlf_round_trip(names[i], text, len);
		free(text);
		free(names[i]);
	}
}

/* ---- byte-level cases ---- */

struct row {
	int line;
	const char *label;
	const char *raw;
	size_t len;
	enum sahifa_on_invalid mode;
	enum sahifa_status status;
	const char *text;       /* expected text, or NULL */
	const char *enc;        /* expected encoding, or NULL */
	size_t replaced;
	const char *msg;        /* expected message prefix on failure, or NULL */
};

#define RAW(s) s, sizeof(s) - 1
/* Nine Arabic letters: enough valid sequences to make one bad spot UTF-8 with errors. */
#define A9 "\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7" 
/* Six U+FFFD: a five-continuation form, one per maximal subpart. */
#define FFFD6 "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
/* Ten times beh lam: twenty bytes of Arabic letters. */
#define BL10 "\xd8\xa8\xd9\x84\xd8\xa8\xd9\x84\xd8\xa8\xd9\x84\xd8\xa8\xd9\x84\xd8\xa8\xd9\x84" \
	     "\xd8\xa8\xd9\x84\xd8\xa8\xd9\x84\xd8\xa8\xd9\x84\xd8\xa8\xd9\x84\xd8\xa8\xd9\x84"
#define R SAHIFA_INVALID_REPLACE
#define J SAHIFA_INVALID_REJECT

static const struct row rows[] = {
	{ __LINE__, "ascii", RAW("hello\n"), R, SAHIFA_OK, "hello\n", "UTF-8", 0, NULL },
	{ __LINE__, "arabic utf-8", RAW("\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7"), J,
	  SAHIFA_OK, "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7", "UTF-8", 0, NULL },
	{ __LINE__, "crlf", RAW("a\r\nb\r\n"), R, SAHIFA_OK, "a\nb\n", "UTF-8", 0, NULL },
	{ __LINE__, "lone cr", RAW("a\rb\r\rc"), R, SAHIFA_OK, "a\nb\n\nc", "UTF-8", 0, NULL },
	{ __LINE__, "cr cr lf", RAW("a\r\r\nb"), R, SAHIFA_OK, "a\n\nb", "UTF-8", 0, NULL },
	/* NFD e + combining acute, and Arabic alef + hamza above, compose. */
	{ __LINE__, "nfd latin", RAW("cafe\xcc\x81"), R, SAHIFA_OK, "caf\xc3\xa9", "UTF-8", 0,
	  NULL },
	{ __LINE__, "nfd arabic", RAW("\xd8\xa7\xd9\x94\xd9\x86"), R, SAHIFA_OK,
	  "\xd8\xa3\xd9\x86", "UTF-8", 0, NULL },
	/* Shadda (ccc 33) after fatha (ccc 30) is reordered. */
	{ __LINE__, "mark order", RAW("\xd8\xa8\xd9\x91\xd9\x8e"), R, SAHIFA_OK,
	  "\xd8\xa8\xd9\x8e\xd9\x91", "UTF-8", 0, NULL },
	{ __LINE__, "nfc kept", RAW("\xd8\xa8\xd9\x8e\xd9\x91"), J, SAHIFA_OK,
	  "\xd8\xa8\xd9\x8e\xd9\x91", "UTF-8", 0, NULL },
	/* The same past a space inside a run of Arabic letters; marks on either side of
	 * a space are not reordered across it. */
	{ __LINE__, "mark order after a space", RAW("\xd8\xa8 \xd8\xa8\xd9\x91\xd9\x8e"), R,
	  SAHIFA_OK, "\xd8\xa8 \xd8\xa8\xd9\x8e\xd9\x91", "UTF-8", 0, NULL },
	{ __LINE__, "nfd after a space", RAW("\xd8\xa8  \xd8\xa7\xd9\x94"), R, SAHIFA_OK,
	  "\xd8\xa8  \xd8\xa3", "UTF-8", 0, NULL },
	{ __LINE__, "marks around a space", RAW("\xd8\xa8\xd9\x91 \xd9\x8e"), J, SAHIFA_OK,
	  "\xd8\xa8\xd9\x91 \xd9\x8e", "UTF-8", 0, NULL },
	/* Hangul jamo compose; an emoji (outside the BMP) is kept. */
	{ __LINE__, "jamo", RAW("\xe1\x84\x80\xe1\x85\xa1"), R, SAHIFA_OK, "\xea\xb0\x80",
	  "UTF-8", 0, NULL },
	{ __LINE__, "emoji", RAW("ok \xf0\x9f\x98\x80 \xd8\xa8\xd9\x8e\xd9\x91"), J,
	  SAHIFA_OK, "ok \xf0\x9f\x98\x80 \xd8\xa8\xd9\x8e\xd9\x91", "UTF-8", 0, NULL },
	/* Marks out of order after a long ASCII run (the word-at-a-time path). */
	{ __LINE__, "late marks", RAW("0123456789abcdef\xd8\xa8\xd9\x91\xd9\x8e"), R,
	  SAHIFA_OK, "0123456789abcdef\xd8\xa8\xd9\x8e\xd9\x91", "UTF-8", 0, NULL },
	/* Only what follows the first code point the quick check says no to is normalized,
	 * from the boundary before it: the letter the marks sit on (a + acute + dot below
	 * is U+1EA1 + acute), the alef a madda composes with, a jamo two code points back;
	 * a mark at the very start; a second spot after the first. */
	{ __LINE__, "marks back to their letter", RAW("abc a\xcc\x81\xcc\xa3 x"), R,
	  SAHIFA_OK, "abc \xe1\xba\xa1\xcc\x81 x", "UTF-8", 0, NULL },
	{ __LINE__, "madda after nfc marks", RAW("\xd8\xa8\xd9\x8e\xd9\x91 \xd8\xa7\xd9\x93"), R,
	  SAHIFA_OK, "\xd8\xa8\xd9\x8e\xd9\x91 \xd8\xa2", "UTF-8", 0, NULL },
	{ __LINE__, "jamo after a jamo", RAW("\xe1\x84\x80 \xe1\x84\x80\xe1\x85\xa1"), R,
	  SAHIFA_OK, "\xe1\x84\x80 \xea\xb0\x80", "UTF-8", 0, NULL },
	{ __LINE__, "mark first", RAW("\xcc\x81\x61\x62\x63"), R, SAHIFA_OK,
	  "\xcc\x81\x61\x62\x63", "UTF-8", 0, NULL },
	{ __LINE__, "two spots", RAW("e\xcc\x81 x e\xcc\x81"), R, SAHIFA_OK,
	  "\xc3\xa9 x \xc3\xa9", "UTF-8", 0, NULL },
	{ __LINE__, "three marks after nfc latin",
	  RAW("caf\xc3\xa9 \xd8\xa8\xd9\x91\xd9\x8e\xd9\x90"), R, SAHIFA_OK,
	  "caf\xc3\xa9 \xd8\xa8\xd9\x8e\xd9\x90\xd9\x91", "UTF-8", 0, NULL },
	/* Three spots with long NFC stretches between them, each normalized by itself. */
	{ __LINE__, "three spots apart",
	  RAW("\xd8\xa8\xd9\x91\xd9\x8e" BL10 " e\xcc\x81 abcdefghijklmnopqrst \xd8\xa7\xd9\x93 "
	      "\xd8\xa8\xd9\x84\xd8\xa8"), R, SAHIFA_OK,
	  "\xd8\xa8\xd9\x8e\xd9\x91" BL10 " \xc3\xa9 abcdefghijklmnopqrst \xd8\xa2 "
	  "\xd8\xa8\xd9\x84\xd8\xa8", "UTF-8", 0, NULL },
	/* Singleton: U+2126 OHM SIGN is U+03A9 in NFC. */
	{ __LINE__, "singleton", RAW("\xe2\x84\xa6"), R, SAHIFA_OK, "\xce\xa9", "UTF-8", 0, NULL },
	/* One bad byte among many valid Arabic letters: UTF-8 with an error. */
	{ __LINE__, "mostly utf-8", RAW("\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xff "
					 "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7\n"),
	  R, SAHIFA_OK, "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xef\xbf\xbd "
			"\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7\n", "UTF-8", 1, NULL },
	{ __LINE__, "mostly utf-8 reject",
	  RAW("\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7\n\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7"
	      "\n\xd9\x85\xd8\xb1 \xc3( \xd8\xa7"),
	  J, SAHIFA_ERR_DATA, NULL, NULL, 0, "invalid UTF-8 at byte 27 (line 3): '\\xC3'" },
	/* Overlong, surrogate, truncated, above U+10FFFF: one U+FFFD per maximal subpart. */
	{ __LINE__, "overlong", RAW("\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7"
				    "\xd8\xa7\xd8\xa7\xd8\xa7\xc0\xaf"),
	  R, SAHIFA_OK, "\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7"
			"\xd8\xa7\xef\xbf\xbd\xef\xbf\xbd", "UTF-8", 2, NULL },
	{ __LINE__, "surrogate", RAW("\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7"
				     "\xd8\xa7\xd8\xa7\xd8\xa7x\xed\xa0\x80y"),
	  R, SAHIFA_OK, "\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7"
			"\xd8\xa7x\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdy", "UTF-8", 3, NULL },
	{ __LINE__, "truncated", RAW("\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7"
				     "\xd8\xa7\xd8\xa7\xd8\xa7\xe2\x84"),
	  R, SAHIFA_OK, "\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7"
			"\xd8\xa7\xef\xbf\xbd", "UTF-8", 1, NULL },
	{ __LINE__, "above max", RAW("\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7"
				     "\xd8\xa7\xd8\xa7\xd8\xa7\xf4\x90\x80\x80"),
	  R, SAHIFA_OK, "\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7\xd8\xa7"
			"\xd8\xa7\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", "UTF-8", 4,
	  NULL },
	{ __LINE__, "overlong reject", RAW(A9 "ab\n\xc0\xaf"), J, SAHIFA_ERR_DATA, NULL, NULL,
	  0, "invalid UTF-8 at byte 21 (line 2): '\\xC0'" },
	{ __LINE__, "surrogate reject", RAW(A9 "\xd8\xa7\n\xed\xa0\x80"), J, SAHIFA_ERR_DATA,
	  NULL, NULL, 0, "invalid UTF-8 at byte 21 (line 2): '\\xED'" },
	{ __LINE__, "truncated reject", RAW(A9 "\xd8\xa7 \xe2\x84"), J, SAHIFA_ERR_DATA, NULL,
	  NULL, 0, "invalid UTF-8 at byte 21 (line 1): '\\xE2\\x84'" },
	{ __LINE__, "above max reject", RAW(A9 "\xd8\xa7\r\n\r\n\xf5\x80"), J,
	  SAHIFA_ERR_DATA, NULL, NULL, 0, "invalid UTF-8 at byte 24 (line 3)" },
	/* elinks -dump writes a Thai letter with its vowel mark above as one six-byte form
	 * of a code point past U+10FFFF (n4k thai_article): more bad spots than UTF-8 with
	 * errors allows, but every high byte shaped like UTF-8, so not windows-1252. */
	{ __LINE__, "six-byte forms", RAW("\xe0\xb8\x9a\xfd\xbf\xbf\xbd\xa3\xac\xe0\xb8\xad"
					  "\xe0\xb8\x81 \xe0\xb8\x99\xfd\xbf\xbf\xbd\xa3\xad\n"),
	  R, SAHIFA_OK, "\xe0\xb8\x9a" FFFD6 "\xe0\xb8\xad\xe0\xb8\x81 \xe0\xb8\x99" FFFD6 "\n",
	  "UTF-8", 12, NULL },
	/* Shaped like UTF-8 with no valid sequence beside it: Latin-1 "voilà…". */
	{ __LINE__, "shaped latin-1", RAW("voil\xe0\x85 dit-il\n"), R, SAHIFA_OK,
	  "voil\xc3\xa0\xe2\x80\xa6 dit-il\n", "windows-1252", 0, NULL },
	/* Found by the fuzzer: too many bad spots for UTF-8 with errors, and no charset
	 * ICU detects; UTF-8 with replacements is what is left. */
	{ __LINE__, "no charset fits", RAW("\xd9\xd9\x81\xd9\x8a \x81\xd9\x8a \xd8\xaa\xd8\xb7"
					   "\xd9\x88\xd8\xb1\xd8\xaa\xd8\xb7\xd9\x88\xd8\xb1 "),
	  R, SAHIFA_OK, "\xef\xbf\xbd\xd9\x81\xd9\x8a \xef\xbf\xbd\xd9\x8a \xd8\xaa\xd8\xb7"
			"\xd9\x88\xd8\xb1\xd8\xaa\xd8\xb7\xd9\x88\xd8\xb1 ", "UTF-8", 2, NULL },
	{ __LINE__, "empty", "", 0, R, SAHIFA_ERR_DATA, NULL, NULL, 0, "empty input" },
	{ __LINE__, "spaces", RAW("     "), R, SAHIFA_ERR_DATA, NULL, NULL, 0, "empty input" },
	{ __LINE__, "white space", RAW(" \t\r\n \xc2\xa0\n"), R, SAHIFA_ERR_DATA, NULL, NULL, 0,
	  "empty input" },
	{ __LINE__, "bom only", RAW("\xEF\xBB\xBF"), R, SAHIFA_ERR_DATA, NULL, NULL, 0,
	  "empty input" },
	{ __LINE__, "utf-16 spaces", RAW("\xFF\xFE \0 \0"), R, SAHIFA_ERR_DATA, NULL, NULL, 0,
	  "empty input" },
	{ __LINE__, "nul", RAW("some text\0 more text here"), R, SAHIFA_ERR_DATA, NULL, NULL, 0,
	  "binary content, not text (NUL byte at offset 9)" },
	{ __LINE__, "controls", RAW("a\x01\x02\x03\x04\x05 text"), R, SAHIFA_ERR_DATA, NULL, NULL,
	  0, "binary content, not text (control character 0x01 at offset 1)" },
	{ __LINE__, "one control kept", RAW("a form feed \f and a bell \x07 in a longer text"), R,
	  SAHIFA_OK, "a form feed \f and a bell \x07 in a longer text", "UTF-8", 0, NULL },
	/* A PNG header: NULs in no UTF-16 pattern. */
	{ __LINE__, "png", RAW("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0"),
	  R, SAHIFA_ERR_DATA, NULL, NULL, 0, "binary content, not text" },
	/* UTF-16LE Arabic without spaces: no NUL, only 0x06 high bytes. */
	{ __LINE__, "utf-16le arabic no bom", RAW("\x45\x06\x31\x06\x2d\x06\x28\x06\x27\x06"),
	  J, SAHIFA_OK, "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7", "UTF-16LE", 0, NULL },
	{ __LINE__, "utf-16 unpaired", RAW("\xFF\xFE" "a\0\0\xD8" "b\0"), R, SAHIFA_OK,
	  "a\xef\xbf\xbd" "b", "UTF-16LE", 1, NULL },
	{ __LINE__, "utf-16 unpaired reject", RAW("\xFF\xFE" "a\0\n\0\0\xD8" "b\0"), J,
	  SAHIFA_ERR_DATA, NULL, NULL, 0, "invalid UTF-16LE at byte 4 (line 2)" },
	{ __LINE__, "utf-16 crlf", RAW("\xFE\xFF\0a\0\r\0\n\0b\0\r"), R, SAHIFA_OK, "a\nb\n",
	  "UTF-16BE", 0, NULL },
};

static void table(void)
{
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *r = &rows[i];
		struct sahifa_decoded d;
		struct sahifa_error err;
		enum sahifa_status st;

		sahifa_decoded_init(&d);
		sahifa_error_clear(&err);
		st = sahifa_decode((const unsigned char *)r->raw, r->len, r->mode, &d, &err);
		if ((int)st != (int)r->status) {
			printf("FAIL %s:%d: %s: status %d, want %d (%s)\n", __FILE__, r->line,
			       r->label, st, r->status, err.msg);
			check_failed++;
		} else
			check_passed++;
		if (!st && r->text) {
			if (d.text.len == strlen(r->text) && !memcmp(d.text.data, r->text, d.text.len))
				check_passed++;
			else {
				printf("FAIL %s:%d: %s: text '%s'\n", __FILE__, r->line, r->label,
				       d.text.data ? d.text.data : "(null)");
				check_failed++;
			}
			if (r->enc && strcmp(d.encoding, r->enc)) {
				printf("FAIL %s:%d: %s: encoding '%s', want '%s'\n", __FILE__,
				       r->line, r->label, d.encoding, r->enc);
				check_failed++;
			} else
				check_passed++;
			if (d.replaced != r->replaced) {
				printf("FAIL %s:%d: %s: replaced %zu, want %zu\n", __FILE__, r->line,
				       r->label, d.replaced, r->replaced);
				check_failed++;
			} else
				check_passed++;
		}
		if (st && r->msg) {
			if (!strncmp(err.msg, r->msg, strlen(r->msg)))
				check_passed++;
			else {
				printf("FAIL %s:%d: %s: message '%s', want '%s...'\n", __FILE__,
				       r->line, r->label, err.msg, r->msg);
				check_failed++;
			}
		}
		sahifa_decoded_release(&d);
	}
}

/* Random bytes are rejected as binary in both modes. */
static void random_binary(void)
{
	unsigned char buf[4096];
	unsigned x = 12345;
	int round, mode;

	for (round = 0; round < 20; round++) {
		size_t i;

		for (i = 0; i < sizeof(buf); i++) {
			x = x * 1103515245u + 12345u;
			buf[i] = (unsigned char)(x >> 16);
		}
		for (mode = 0; mode < 2; mode++) {
			struct sahifa_decoded d;
			struct sahifa_error err;
			enum sahifa_status st;

			sahifa_decoded_init(&d);
			st = sahifa_decode(buf, sizeof(buf), (enum sahifa_on_invalid)mode, &d, &err);
			CHECK_INT("random binary status", st, SAHIFA_ERR_DATA);
			CHECK(st == SAHIFA_OK || !strncmp(err.msg, "binary content", 14));
			sahifa_decoded_release(&d);
		}
	}
}

/* ISO-8859-6 has unassigned bytes; windows-1256 assigns all 256.  A byte that only
 * windows-1256 knows either moves detection to it or is replaced, never fails. */
static void legacy_invalid(void)
{
	size_t n, i;
	char *b = iconv_to("ISO-8859-6", arabic, strlen(arabic), &n);
	struct sahifa_decoded d;
	struct sahifa_error err;
	enum sahifa_status st;

	CHECK(b != NULL);
	if (!b)
		return;
	expect_text("arabic as ISO-8859-6", b, n, arabic, strlen(arabic), "ISO-8859-6", 0,
		    __LINE__);
	for (i = 0; i < n && b[i] != '\n'; i++)
		;
	b[i + 1] = (char)0xDB;  /* not assigned in ISO-8859-6 nor a letter elsewhere */
	sahifa_decoded_init(&d);
	st = sahifa_decode((const unsigned char *)b, n, SAHIFA_INVALID_REPLACE, &d, &err);
	CHECK_INT("legacy replace status", st, SAHIFA_OK);
	if (!st && !strcmp(d.encoding, "ISO-8859-6")) {
		CHECK_INT("legacy replaced", d.replaced, 1);
		CHECK(strstr(d.text.data, "\xef\xbf\xbd") != NULL);
	}
	sahifa_decoded_release(&d);
	free(b);
}

/* Every two-byte code point after the leads 0xD8-0xDB, as the last of a block of
 * sixteen bytes after ASCII or Arabic letters, with fathatan (combining class 27, the
 * lowest of the Arabic marks) after it: each decodes as it does alone, so that a mark
 * taken there for a letter, left before the fathatan it goes after in NFC, shows. */
static void arabic_blocks(void)
{
	static const char *const before[] = { "abcdefghijklmn",
		"\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8" };
	static const char after[] = "opqrstuvwxyzabcd";
	size_t k;
	unsigned lead, cont;

	for (k = 0; k < sizeof(before) / sizeof(before[0]); k++)
		for (lead = 0xD8; lead <= 0xDB; lead++)
			for (cont = 0x80; cont <= 0xBF; cont++) {
				struct sahifa_decoded one;
				struct sahifa_error err;
				char pair[5] = { (char)lead, (char)cont, (char)0xd9, (char)0x8b, 0 };
				char text[64], want[64];

				sahifa_decoded_init(&one);
				snprintf(text, sizeof(text), "%s%s%s", before[k], pair, after);
				if (sahifa_decode((const unsigned char *)pair, 4, SAHIFA_INVALID_REJECT,
						  &one, &err) == SAHIFA_OK) {
					snprintf(want, sizeof(want), "%s%s%s", before[k], one.text.data,
						 after);
					expect_text("arabic block", text, strlen(text), want,
						    strlen(want), "UTF-8", 0, __LINE__);
				} else {
					CHECK(0);
				}
				sahifa_decoded_release(&one);
			}
}

int main(void)
{
	arabic_blocks();
	round_trips("own arabic", arabic, strlen(arabic), 1);
	crlf_round_trip("own arabic", arabic, strlen(arabic));
	table();
	random_binary();
	legacy_invalid();
	seeds();
	return check_report();
}
