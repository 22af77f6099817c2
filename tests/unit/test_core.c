/* Unit tests of the shared core: buffer, errors, article counts, SHA-256, outfile. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "core/array.h"
#include "core/hset.h"
#include "core/pool.h"
#include "sahifa/article.h"
#include "sahifa/buf.h"
#include "sahifa/error.h"
#include "sahifa/limits.h"
#include "sahifa/outfile.h"
#include "sahifa/sha256.h"
#include "sahifa/utf8.h"

static void test_buf(void)
{
	struct sahifa_buf b;
	size_t n;

	sahifa_buf_init(&b, 8);
	CHECK(sahifa_buf_append_str(&b, "abcd") == SAHIFA_OK);
	CHECK(sahifa_buf_appendf(&b, "%d", 1234) == SAHIFA_OK);
	CHECK_STR("buf content", b.data, "abcd1234");
	/* the cap holds and a failed append leaves the buffer as it was */
	CHECK(sahifa_buf_append_char(&b, 'x') == SAHIFA_ERR_LIMIT);
	CHECK_STR("buf after failed append", b.data, "abcd1234");
	CHECK(b.len == 8);
	sahifa_buf_reset(&b);
	CHECK(b.len == 0 && b.data[0] == '\0');
	sahifa_buf_release(&b);

	sahifa_buf_init(&b, 0);
	CHECK(b.max == SAHIFA_BUF_DEFAULT_MAX);
	CHECK(sahifa_buf_grow(&b, SAHIFA_BUF_DEFAULT_MAX + 1) == SAHIFA_ERR_LIMIT);
	CHECK(sahifa_buf_grow(&b, (size_t)-1) == SAHIFA_ERR_LIMIT);
	char *p = sahifa_buf_detach(&b, &n);
	CHECK(p && n == 0 && p[0] == '\0');
	free(p);

	CHECK(sahifa_size_add((size_t)-1, 1, &n) == -1);
	CHECK(sahifa_size_mul((size_t)-1 / 2, 3, &n) == -1);
	CHECK(sahifa_size_mul(3, 4, &n) == 0 && n == 12);
}

static void test_grade(void)
{
	struct sahifa_error e;

	CHECK_INT("data", sahifa_status_grade(SAHIFA_ERR_DATA), SAHIFA_FAILED);
	CHECK_INT("limit", sahifa_status_grade(SAHIFA_ERR_LIMIT), SAHIFA_FAILED);
	CHECK_INT("io", sahifa_status_grade(SAHIFA_ERR_IO), SAHIFA_FAILED);
	CHECK_INT("usage", sahifa_status_grade(SAHIFA_ERR_USAGE), SAHIFA_FATAL);
	CHECK_INT("nomem", sahifa_status_grade(SAHIFA_ERR_NOMEM), SAHIFA_FATAL);
	CHECK_INT("internal", sahifa_status_grade(SAHIFA_ERR_INTERNAL), SAHIFA_FATAL);
	/* set where the error is made, read by the caller */
	sahifa_error_set(&e, SAHIFA_ERR_DATA, "a", 1, 0, "bad");
	CHECK_INT("made", e.severity, SAHIFA_FAILED);
	CHECK_INT("read", sahifa_error_grade(&e, SAHIFA_ERR_DATA), SAHIFA_FAILED);
	CHECK_INT("regrade", sahifa_error_set_grade(&e, SAHIFA_FATAL), SAHIFA_ERR_DATA);
	CHECK_INT("regraded", sahifa_error_grade(&e, SAHIFA_ERR_DATA), SAHIFA_FATAL);
	/* a bare status the error does not hold: the status decides */
	CHECK_INT("bare", sahifa_error_grade(&e, SAHIFA_ERR_NOMEM), SAHIFA_FATAL);
	CHECK_INT("null", sahifa_error_grade(NULL, SAHIFA_ERR_IO), SAHIFA_FAILED);
}

static void test_error(void)
{
	static const struct {
		const char *path;
		long line, col;
		const char *where, *msg, *want;
	} rows[] = {
		{ "a.txt", 3, 7, "", "bad thing", "a.txt:3:7: bad thing" },
		{ "a.txt", 3, 0, "", "bad thing", "a.txt:3: bad thing" },
		{ "a.txt", 0, 0, "", "empty input", "a.txt: empty input" },
		{ "", 0, 0, "", "no path", "no path" },
		{ "r.jsonl", 2, 0, "/sections/0/level", "expected an integer",
		  "r.jsonl:2: expected an integer (at /sections/0/level)" },
	};
	struct sahifa_error e;
	char out[256];
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		CHECK(sahifa_error_set(&e, SAHIFA_ERR_DATA, rows[i].path, rows[i].line, rows[i].col,
				       "%s", rows[i].msg) == SAHIFA_ERR_DATA);
		snprintf(e.where, sizeof(e.where), "%s", rows[i].where);
		sahifa_error_format(&e, out, sizeof(out));
		CHECK_STR(rows[i].want, out, rows[i].want);
	}
	sahifa_error_set(&e, SAHIFA_ERR_IO, NULL, 0, 0, "x");
	sahifa_error_set_path(&e, "late.txt");
	CHECK_STR("late path", e.path, "late.txt");

	sahifa_quote("abc", 3, 10, out, sizeof(out));
	CHECK_STR("quote", out, "'abc'");
	sahifa_quote("a\nb\x01", 4, 10, out, sizeof(out));
	CHECK_STR("quote controls", out, "'a\\nb\\x01'");
	sahifa_quote("abcdef", 6, 3, out, sizeof(out));
	CHECK_STR("quote cut", out, "'abc...'");
	sahifa_quote("\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85", 8, 2, out, sizeof(out));
	CHECK_STR("quote cut by code points", out, "'\xD8\xB3\xD9\x84...'");
	sahifa_quote("\xFF" "a", 2, 10, out, sizeof(out));
	CHECK_STR("quote invalid byte", out, "'\\xFFa'");
}

static void test_counts(void)
{
	static const struct {
		const char *text;
		unsigned long long chars, words;
	} rows[] = {
		{ "", 0, 0 },
		{ "one two  three", 14, 3 },
		{ "\xD9\x82\xD8\xA7\xD9\x84 \xD8\xAA\xD8\xB1\xD8\xA7\xD9\x85\xD8\xA8", 9, 2 },
		{ "a - b", 5, 2 },
		{ "x\xC2\xA0y", 3, 2 },
		{ "2025 \xE2\x80\x94 ok", 9, 2 },
		/* a word open across a block of sixteen bytes with no letter and no space */
		{ "abcdefghijklmnop................ xx xx xx xx xx ", 48, 6 },
	};
	/* 1-, 2-, 3- and 4-byte characters, counted from every start and to every end so
	 * that each crosses the 8-byte steps of the counter at every offset. */
	static const char mixed[] = "a\xD8\xA8\xE2\x80\x94\xF0\x9F\x98\x80z\xD9\x84\xD8\xA7"
				    "\xE4\xB8\xAD b\xC3\xA9\xF0\x9F\x8C\x8D.";
	size_t i, from, to;

	for (from = 0; from < sizeof(mixed) - 1; from++)
		for (to = from; to < sizeof(mixed); to++) {
			unsigned long long want = 0;
			size_t k;

			for (k = from; k < to; k++)
				want += ((unsigned char)mixed[k] & 0xC0) != 0x80;
			CHECK_INT("mixed", sahifa_utf8_chars(mixed + from, to - from), want);
		}
	/* a text long enough that the counter adds up its partial counts more than once:
	 * 4099 two-byte letters and a one-byte letter, from every start of the first 17 */
	{
		static char longer[2 * 4099 + 1];

		for (i = 0; i < 4099; i++)
			memcpy(longer + 2 * i, "\xD8\xA8", 2);
		longer[2 * 4099] = 'z';
		for (from = 0; from < 17; from++)
			CHECK_INT("longer", sahifa_utf8_chars(longer + from, sizeof(longer) - from),
				  4100 - (from + 1) / 2);
	}
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		CHECK_INT(rows[i].text, sahifa_utf8_chars(rows[i].text, strlen(rows[i].text)),
			  rows[i].chars);
		CHECK_INT(rows[i].text, sahifa_utf8_words(rows[i].text, strlen(rows[i].text)),
			  rows[i].words);
	}
}

/* sahifa_utf8_words as its comment reads, a byte at a time: the reference below. */
static unsigned long long words_ref(const unsigned char *s, size_t len)
{
	unsigned long long n = 0;
	int has = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    (c == 0xC2 && i + 1 < len && s[i + 1] == 0xA0)) {
			n += has;
			has = 0;
			i += c == 0xC2;
			continue;
		}
		if (c < 0x80)
			has |= (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
		else if (c == 0xE2 || c == 0xE3)
			has |= i + 1 < len && s[i + 1] != 0x80 && s[i + 1] != 0x81;
		else
			has |= c >= 0xC3;
	}
	return n + has;
}

/* Texts pieced at random from Arabic letters (most), marks, ASCII words and
 * punctuation, and every separator, long enough for the counter's 16-byte blocks;
 * counted as the reference counts them. */
static void test_words_random(void)
{
	static const char *const pieces[] = {
		"\xD8\xA8", "\xD9\x84", "\xDA\xA9", "\xDB\x8C", "\xD8\xA7", "\xD9\x8A",
		"\xD8\xA8", "\xD9\x84", " ", " ", " ", "\xD9\x91", "\xD8\x8C", "a", "Z", "7",
		".", "-", "\t", "\n", "\r", "\xC2\xA0", "\xC2\xAB", "\xE2\x80\x94", "\xE4\xB8\xAD",
		"\xD7\x90", "\x7F", "\x01",
	};
	unsigned long seed = 12345;
	char text[200];
	int k, bad = 0;

	for (k = 0; k < 3000 && !bad; k++) {
		size_t len = 0, want = 20 + (size_t)k % 150;

		while (len + 4 < want) {
			const char *p;

			seed = seed * 1103515245UL + 12345UL;
			/* every other text from the first sixteen pieces only: blocks of
			 * Arabic letters, ASCII words and spaces alone */
			p = pieces[(seed >> 16) % (k % 2 ? 16 : sizeof(pieces) / sizeof(pieces[0]))];
			memcpy(text + len, p, strlen(p));
			len += strlen(p);
		}
		if (sahifa_utf8_words(text, len) != words_ref((const unsigned char *)text, len)) {
			bad = 1;
			CHECK_INT("random words", sahifa_utf8_words(text, len),
				  words_ref((const unsigned char *)text, len));
		}
	}
	CHECK_INT("random texts counted otherwise", bad, 0);
}


/* Each separator, punctuation lead and odd byte at every place of a text longer than
 * two 32-byte blocks, and texts of random bytes: the word count's blocks read each byte
 * with the one after it, so a pair across a block's end is the case to hold. */
static void test_words_blocks(void)
{
	static const char *const odd[] = {
		" ", "\t", "\n", "\r", "\xC2\xA0", "\xC2\xAB", "\xE2\x80\x94", "\xE2\x81\x80",
		"\xE2\x82\xAC", "\xE3\x80\x81", "\xE3\x82\xA2", "\xC3\xA9", "\xF0\x9F\x98\x80",
		"\xA0", "\x80", "\xFF", "\xC2", "\xE2", "\xE3", "a", "9", ".",
	};
	static const char *const runs[] = {
		"\xD8\xA8\xD9\x84 \xD8\xA7", "abc de", "......", "\xC2\xA0\xC2\xA0", "x \xE2\x80\x94 y",
	};
	unsigned long seed = 987;
	char text[160];
	size_t i, r, at, k;
	int bad = 0;

	for (i = 0; i < sizeof(odd) / sizeof(odd[0]); i++)
		for (r = 0; r < sizeof(runs) / sizeof(runs[0]); r++)
			for (at = 0; at < 100; at++) {
				size_t len = 0, rl = strlen(runs[r]), ol = strlen(odd[i]);

				while (len < at) {
					size_t m = at - len < rl ? at - len : rl;

					memcpy(text + len, runs[r], m);
					len += m;
				}
				memcpy(text + len, odd[i], ol);
				len += ol;
				while (len + rl < sizeof(text) && len < at + ol + 40) {
					memcpy(text + len, runs[r], rl);
					len += rl;
				}
				for (k = 0; k < 2; k++) {
					/* the whole, and cut short to end on the odd piece */
					size_t n = k ? at + ol : len;

					if (!bad && sahifa_utf8_words(text, n) !=
							    words_ref((const unsigned char *)text, n)) {
						bad = 1;
						CHECK_INT(odd[i], sahifa_utf8_words(text, n),
							  words_ref((const unsigned char *)text, n));
					}
				}
			}
	/* random bytes, weighted to the bytes the counter tells apart */
	for (k = 0; k < 5000 && !bad; k++) {
		static const unsigned char some[] = { ' ', '\t', 'a', '.', 0xC2, 0xA0, 0xE2, 0xE3,
						      0x80, 0x81, 0xD8, 0xA8, 0xC3, 0xFF };
		size_t len = (size_t)k % sizeof(text);

		for (i = 0; i < len; i++) {
			seed = seed * 1103515245UL + 12345UL;
			text[i] = (char)(k % 2 ? (unsigned char)(seed >> 16) :
					 some[(seed >> 16) % sizeof(some)]);
		}
		if (sahifa_utf8_words(text, len) != words_ref((const unsigned char *)text, len)) {
			bad = 1;
			CHECK_INT("random bytes", sahifa_utf8_words(text, len),
				  words_ref((const unsigned char *)text, len));
		}
		/* and their characters: the bytes that are no continuation */
		for (r = 0, i = 0; i < len; i++)
			r += ((unsigned char)text[i] & 0xC0) != 0x80;
		if (sahifa_utf8_chars(text, len) != r) {
			bad = 1;
			CHECK_INT("random bytes' characters", sahifa_utf8_chars(text, len), r);
		}
	}
	CHECK_INT("texts counted otherwise", bad, 0);
}

static void test_utf8(void)
{
	static const struct {
		const char *bytes;
		size_t len, valid; /* length, and offset of the first invalid byte */
	} rows[] = {
		{ "abc", 3, 3 },
		{ "\xD8\xB3\xD9\x84", 4, 4 },             /* Arabic */
		{ "\xE2\x80\x94", 3, 3 },                 /* em dash */
		{ "\xF0\x9F\x98\x80", 4, 4 },             /* U+1F600 */
		{ "a\xC0\xAF", 3, 1 },                    /* overlong '/' */
		{ "a\xE0\x80\xAF", 4, 1 },                /* overlong, three bytes */
		{ "\xED\xA0\x80", 3, 0 },                 /* surrogate U+D800 */
		{ "\xF4\x90\x80\x80", 4, 0 },             /* past U+10FFFF */
		{ "ab\xD8", 3, 2 },                        /* truncated */
		{ "\xD8\xB3\xFF", 3, 2 },                  /* stray byte */
		{ "\x80", 1, 0 },                          /* lone continuation */
	};
	size_t i, bad;
	uint32_t cp = 0;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		CHECK_INT(rows[i].bytes, sahifa_utf8_valid_prefix(rows[i].bytes, rows[i].len),
			  rows[i].valid);
		CHECK_INT(rows[i].bytes, sahifa_utf8_valid(rows[i].bytes, rows[i].len, &bad),
			  rows[i].valid == rows[i].len);
	}
	CHECK(sahifa_utf8_decode((const unsigned char *)"\xD9\x84", 2, &cp) == 2 && cp == 0x644);
	CHECK(sahifa_utf8_decode((const unsigned char *)"\xD9", 1, &cp) == 0);
	/* encoding gives back the bytes of every valid row, one code point at a time */
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const unsigned char *p = (const unsigned char *)rows[i].bytes;
		char out[8];
		size_t at = 0, n;

		if (rows[i].valid != rows[i].len)
			continue;
		while (at < rows[i].len && (n = sahifa_utf8_decode(p + at, rows[i].len - at, &cp))) {
			CHECK_INT(rows[i].bytes, sahifa_utf8_encode(cp, out), n);
			CHECK(memcmp(out, p + at, n) == 0);
			at += n;
		}
		CHECK_INT(rows[i].bytes, at, rows[i].len);
	}
	CHECK_INT("U+007F", sahifa_utf8_encode(0x7F, (char[4]){ 0 }), 1);
	CHECK_INT("U+0800", sahifa_utf8_encode(0x800, (char[4]){ 0 }), 3);
	CHECK_INT("U+10000", sahifa_utf8_encode(0x10000, (char[4]){ 0 }), 4);
}

/* The first bad offset, a character at a time: what the validator's eight-byte step
 * must agree with. */
static size_t valid_prefix_ref(const char *text, size_t len)
{
	size_t i = 0, n;
	uint32_t cp;

	while (i < len && (n = sahifa_utf8_decode((const unsigned char *)text + i, len - i, &cp)))
		i += n;
	return i;
}

/* Good and bad sequences at every place in an eight-byte word and across two, inside
 * runs of ASCII and of two-byte characters (Arabic text), and at the end of the text:
 * the validator's offset is the reference's. */
static void test_utf8_blocks(void)
{
	static const char *const seqs[] = {
		"\xd8\xa7", "\xc2\x80", "\xdf\xbf", "\xe2\x80\x9c", "\xf0\x9f\x98\x80", "\xef\xbf\xbd",
		"\xc0\x80", "\xc1\xbf", "\xd8", "\xd8" "A", "\x80", "\xbf\xd8\xa7", "\xd8\xa7\xa7",
		"\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x80", "\xf8\x88\x80\x80\x80", "\xfe", "\xff",
	};
	static const char *const runs[] = { "", "abcdefgh", "\xd8\xa7\xd9\x84", "\xd8\xa7 \xd9\x84\xd9\x85 " };
	size_t i, r, pad, tail;

	for (i = 0; i < sizeof(seqs) / sizeof(seqs[0]); i++)
		for (r = 0; r < sizeof(runs) / sizeof(runs[0]); r++)
			for (pad = 0; pad < 17; pad++)
				for (tail = 0; tail < 2; tail++) {
					char t[96];
					size_t n = 0, k;

					for (k = 0; k < pad; k++)
						t[n++] = k % 3 ? 'x' : ' ';
					n += (size_t)snprintf(t + n, sizeof(t) - n, "%s%s%s", runs[r],
							      seqs[i], tail ? runs[r] : "");
					CHECK_INT(seqs[i], sahifa_utf8_valid_prefix(t, n),
						  valid_prefix_ref(t, n));
				}
}


/* Every pair of bytes followed by third and fourth bytes of each class, at each place
 * around the end of a 32-byte block and inside one, in Arabic text; then valid text of
 * one- to four-byte characters with one byte changed at random: the validator's blocks
 * agree with the character-at-a-time reference. */
static void test_utf8_pairs(void)
{
	static const unsigned char tails[] = { 0x41, 0x80, 0xBF, 0xC2 };
	static const char *const chars[] = { "a", " ", "\xD8\xA7", "\xDF\xBF", "\xE2\x80\x9C",
					     "\xEF\xBF\xBD", "\xED\x9F\xBF", "\xF0\x9F\x98\x80",
					     "\xF4\x8F\xBF\xBF", "\xE0\xA0\x80", "\xF0\x90\x80\x80" };
	static const size_t places[] = { 14, 15, 29, 30, 31, 32, 62, 63 };
	unsigned long seed = 4242;
	char t[128];
	unsigned b1, b2;
	size_t i, j, k, p, q;
	int bad = 0;

	for (b1 = 0; b1 < 256 && !bad; b1++)
		for (b2 = 0; b2 < 256 && !bad; b2++)
			for (i = 0; i < sizeof(tails) && !bad; i++)
				for (j = 0; j < 2 && !bad; j++)
					for (p = 0; p < sizeof(places) / sizeof(places[0]); p++) {
						size_t at = places[p], n;

						for (k = 0; k + 1 < at; k += 2)
							memcpy(t + k, "\xD8\xA7", 2);
						if (at % 2)
							t[at - 1] = ' ';
						t[at] = (char)b1;
						t[at + 1] = (char)b2;
						t[at + 2] = (char)tails[i];
						t[at + 3] = (char)tails[j];
						for (k = at + 4; k < 100; k++)
							t[k] = 'x';
						for (q = 0; q < 3; q++) {
							n = q == 0 ? at + 2 : q == 1 ? at + 4 : 100;
							if (sahifa_utf8_valid_prefix(t, n) != valid_prefix_ref(t, n)) {
								bad = 1;
								CHECK_INT("pair", sahifa_utf8_valid_prefix(t, n),
									  valid_prefix_ref(t, n));
							}
						}
					}
	for (k = 0; k < 20000 && !bad; k++) {
		size_t len = 0, want = 1 + k % 120;

		while (len + 4 < want + 4 && len + 4 <= sizeof(t)) {
			const char *c;

			seed = seed * 1103515245UL + 12345UL;
			c = chars[(seed >> 16) % (sizeof(chars) / sizeof(chars[0]))];
			memcpy(t + len, c, strlen(c));
			len += strlen(c);
		}
		seed = seed * 1103515245UL + 12345UL;
		if (k % 4)
			t[(seed >> 8) % len] = (char)(seed >> 20);
		if (sahifa_utf8_valid_prefix(t, len) != valid_prefix_ref(t, len)) {
			bad = 1;
			CHECK_INT("changed", sahifa_utf8_valid_prefix(t, len), valid_prefix_ref(t, len));
		}
	}
	CHECK_INT("offsets found otherwise", bad, 0);
}

static void test_article(void)
{
	struct sahifa_article a;
	struct sahifa_section *s;
	enum sahifa_kind k;
	enum sahifa_reason r;

	sahifa_article_init(&a);
	CHECK_STR("default lang", a.tag.lang, "und");
	s = sahifa_article_add_section(&a, NULL, 0, 1, 0);
	CHECK(s && !s->heading);
	CHECK(sahifa_section_add_paragraph(s, "one two", 7, SAHIFA_KIND_PARAGRAPH, 1) != NULL);
	s = sahifa_article_add_section(&a, "Heading", 7, 2, 3);
	CHECK(s && s->line == 3);
	CHECK(sahifa_section_add_paragraph(s, "three", 5, SAHIFA_KIND_LIST_ITEM, 4) != NULL);
	CHECK(sahifa_article_add_caption(&a, "cap", 3, 5) != NULL);
	CHECK(sahifa_article_add_removed(&a, 6, "cap", 3, SAHIFA_REASON_CAPTION_COPY, NULL) != NULL);
	sahifa_article_count(&a);
	CHECK_INT("sections", a.stats.sections, 2);
	CHECK_INT("paragraphs", a.stats.paragraphs, 2);
	CHECK_INT("characters", a.stats.characters, 12);
	CHECK_INT("words", a.stats.words, 3);
	CHECK_INT("captions", a.stats.captions, 1);
	CHECK_INT("removed", a.stats.removed, 1);
	sahifa_article_release(&a);
	CHECK(a.n_sections == 0 && a.sections == NULL);

	/* a paragraph's len is its string's: a NUL inside ends it for the count and JSON */
	{
		struct sahifa_paragraph *p;
		struct sahifa_buf out = SAHIFA_BUF_INIT;
		struct sahifa_error e;

		sahifa_article_init(&a);
		s = sahifa_article_add_section(&a, NULL, 0, 1, 0);
		CHECK(s != NULL);
		p = s ? sahifa_section_add_paragraph(s, "one\0two", 7, SAHIFA_KIND_PARAGRAPH, 1)
		      : NULL;
		CHECK(p != NULL && p->len == 3 && strlen(p->text) == 3);
		sahifa_article_count(&a);
		CHECK_INT("characters up to a NUL", a.stats.characters, 3);
		CHECK(sahifa_article_to_json(&a, &out, &e) == SAHIFA_OK);
		CHECK(out.data && strstr(out.data, "{\"text\":\"one\",") != NULL);
		sahifa_buf_release(&out);
		sahifa_article_release(&a);
	}

	CHECK(sahifa_kind_parse("list_item", &k) == 0 && k == SAHIFA_KIND_LIST_ITEM);
	CHECK(sahifa_kind_parse("heading", &k) == -1);
	CHECK(sahifa_reason_parse("chrome_block", &r) == 0 && r == SAHIFA_REASON_CHROME_BLOCK);
	CHECK(sahifa_reason_parse("blank", &r) == -1);
	CHECK_STR("kind name", sahifa_kind_name(SAHIFA_KIND_QUOTE), "quote");
	CHECK_STR("reason name", sahifa_reason_name(SAHIFA_REASON_BULLET_MARKER), "bullet_marker");
	for (size_t i = 0; i < sahifa_quality_n_fields; i++)
		CHECK_INT(sahifa_quality_fields[i].name, sahifa_quality_fields[i].name_len,
			  strlen(sahifa_quality_fields[i].name));
}

static void test_sha256(void)
{
	char hex[65], hex2[65];
	struct sahifa_sha256 *h = sahifa_sha256_new();

	CHECK(sahifa_sha256_hex("", 0, hex) == SAHIFA_OK);
	CHECK_STR("sha256 empty", hex,
		  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	CHECK(sahifa_sha256_hex("abc", 3, hex) == SAHIFA_OK);
	CHECK_STR("sha256 abc", hex,
		  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	CHECK(h != NULL);
	sahifa_sha256_update(h, "a", 1);
	sahifa_sha256_update(h, "bc", 2);
	CHECK(sahifa_sha256_final(h, hex2) == SAHIFA_OK);
	CHECK_STR("sha256 streamed", hex2, hex);
	sahifa_sha256_free(h);
	sahifa_sha256_free(NULL);
}

static void test_outfile(void)
{
	char dir[] = "/tmp/sahifa-outfile-XXXXXX", path[256], hex[65];
	struct sahifa_outfile o;
	struct sahifa_error e;
	unsigned long long bytes = 0;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/out.jsonl", dir);
	CHECK(sahifa_outfile_open(&o, path, &e) == SAHIFA_OK);
	CHECK(access(path, F_OK) != 0); /* nothing at the target until commit */
	CHECK(sahifa_outfile_write(&o, "abc", 3, &e) == SAHIFA_OK);
	CHECK(sahifa_outfile_commit(&o, &e) == SAHIFA_OK);
	CHECK(sahifa_sha256_file(path, hex, &bytes, &e) == SAHIFA_OK);
	CHECK_INT("outfile bytes", bytes, 3);

	/* records of a few KB across several fills of the stream buffer come out whole
	 * and in order */
	{
		size_t total = 3 * SAHIFA_OUTFILE_BUFFER_BYTES + 7, done = 0, rec = 4099, k;
		unsigned char *want = malloc(total), *got = malloc(total + 1);
		FILE *fp;

		CHECK(want && got);
		for (k = 0; want && k < total; k++)
			want[k] = (unsigned char)(k * 131 + k / rec);
		snprintf(path, sizeof(path), "%s/big.jsonl", dir);
		CHECK(sahifa_outfile_open(&o, path, &e) == SAHIFA_OK);
		while (want && done < total) {
			size_t n = total - done < rec ? total - done : rec;

			CHECK(sahifa_outfile_write(&o, want + done, n, &e) == SAHIFA_OK);
			done += n;
		}
		CHECK(sahifa_outfile_commit(&o, &e) == SAHIFA_OK);
		CHECK((fp = fopen(path, "rb")) != NULL);
		if (fp && got && want) {
			CHECK_INT("outfile big bytes", fread(got, 1, total + 1, fp), total);
			CHECK(!memcmp(got, want, total));
			fclose(fp);
		}
		unlink(path);
		free(want);
		free(got);
	}

	/* an aborted file leaves nothing behind, not even the temporary name */
	snprintf(path, sizeof(path), "%s/aborted.jsonl", dir);
	CHECK(sahifa_outfile_open(&o, path, &e) == SAHIFA_OK);
	CHECK(sahifa_outfile_write(&o, "x", 1, &e) == SAHIFA_OK);
	sahifa_outfile_abort(&o);
	CHECK(access(path, F_OK) != 0);
	/* only the committed file is left in the folder */
	snprintf(path, sizeof(path), "test \"$(ls %s | wc -l)\" = 1 && rm -r %s", dir, dir);
	CHECK(system(path) == 0);

	/* a device is written in place, never replaced by a rename */
	CHECK(sahifa_outfile_open(&o, "/dev/null", &e) == SAHIFA_OK);
	CHECK(sahifa_outfile_write(&o, "x", 1, &e) == SAHIFA_OK);
	CHECK(sahifa_outfile_commit(&o, &e) == SAHIFA_OK);
	{
		struct stat sb;

		CHECK(stat("/dev/null", &sb) == 0 && S_ISCHR(sb.st_mode));
	}
	/* so is a link to one, and the link stays a link */
	CHECK(sahifa_outfile_open(&o, "/dev/stdout", &e) == SAHIFA_OK);
	CHECK(sahifa_outfile_commit(&o, &e) == SAHIFA_OK);
	{
		struct stat sb;

		CHECK(lstat("/dev/stdout", &sb) == 0 && S_ISLNK(sb.st_mode));
	}
	CHECK(sahifa_outfile_open(&o, "/tmp", &e) == SAHIFA_ERR_IO);
	CHECK(sahifa_outfile_open(&o, "/nonexistent-dir/x.jsonl", &e) == SAHIFA_ERR_IO);
	CHECK(strstr(e.msg, "cannot create") != NULL);
	/* a failed reserve leaves nothing for abort to free again (ASan would see it) */
	CHECK(sahifa_outfile_reserve(&o, "/nonexistent-dir/x.tar.gz", &e) == SAHIFA_ERR_IO);
	CHECK(o.path == NULL && o.tmp == NULL);
	sahifa_outfile_abort(&o);
	sahifa_outfile_abort(&o);
	/* the temporary is a dot name beside the target, with the umask's mode */
	{
		char d2[] = "/tmp/sahifa-outfile-XXXXXX", target[128];
		mode_t old = umask(027);
		struct stat sb;

		CHECK(mkdtemp(d2) != NULL);
		snprintf(target, sizeof(target), "%s/out.jsonl", d2);
		CHECK(sahifa_outfile_open(&o, target, &e) == SAHIFA_OK);
		CHECK(o.tmp && !strncmp(o.tmp, d2, strlen(d2)) &&
		      !strncmp(o.tmp + strlen(d2), "/.out.jsonl.tmp-", 16));
		CHECK(sahifa_outfile_commit(&o, &e) == SAHIFA_OK);
		CHECK(stat(target, &sb) == 0 && (sb.st_mode & 0777) == 0640);
		umask(old);
		unlink(target);
		rmdir(d2);
	}
	CHECK(sahifa_sha256_file("/nonexistent-file", hex, NULL, &e) == SAHIFA_ERR_IO);
}

static void test_array(void)
{
	long *a = NULL;
	size_t n = 0, cap = 0, i;
	int ok = 1;

	CHECK_INT("first grow", SHF_ARRAY_GROW(a, n, cap, 4), 0);
	CHECK_INT("first cap", cap, 4);
	for (i = 0; i < 1000; i++) {
		if (SHF_ARRAY_GROW(a, n, cap, 4)) {
			ok = 0;
			break;
		}
		a[n++] = (long)i;
	}
	CHECK(ok);
	CHECK_INT("count", n, 1000);
	CHECK(cap >= 1000 && cap <= 2048);
	CHECK_INT("last", a[999], 999);
	/* an overflowing size fails and leaves the array as it was */
	CHECK_INT("overflow", shf_array_reserve(&a, &cap, SIZE_MAX / 2, sizeof(*a), 4), -1);
	CHECK(cap >= 1000 && cap <= 2048);
	CHECK_INT("kept", a[999], 999);
	CHECK_INT("enough", shf_array_reserve(&a, &cap, 10, sizeof(*a), 4), 0);
	free(a);
}

static int hset_is_two(void *ctx, uint64_t value)
{
	(void)ctx;
	return value == 2;
}

static void test_hset(void)
{
	struct shf_hset s = SHF_HSET_INIT;
	size_t i, k, found = 0;
	int ok = 1;

	for (k = 1; k <= 2500; k++) {
		if (shf_hset_reserve(&s)) {
			ok = 0;
			break;
		}
		i = shf_hset_find(&s, (uint64_t)k * 0x9E3779B97F4A7C15ULL, NULL, NULL);
		if (s.values[i])
			ok = 0;
		s.hashes[i] = (uint64_t)k * 0x9E3779B97F4A7C15ULL;
		s.values[i] = k;
		s.n++;
	}
	CHECK(ok);
	CHECK_INT("entries", s.n, 2500);
	CHECK(s.cap >= 2 * s.n && (s.cap & (s.cap - 1)) == 0);
	for (k = 1; k <= 5000; k++) {
		i = shf_hset_find(&s, (uint64_t)k * 0x9E3779B97F4A7C15ULL, NULL, NULL);
		found += s.values[i] == k;
	}
	CHECK_INT("found", found, 2500);
	/* the caller decides equality: hash of 1 with another value is not entry 1 */
	i = shf_hset_find(&s, 0x9E3779B97F4A7C15ULL, hset_is_two, NULL);
	CHECK_INT("not the same", s.values[i], 0);
	shf_hset_release(&s);
	CHECK_INT("released", s.cap, 0);
}

static void pool_mark(void *ctx, unsigned thread, size_t i)
{
	unsigned char *seen = ctx;

	seen[i]++;
	(void)thread;
}

static void test_pool(void)
{
	static unsigned char seen[5000];
	size_t i, once = 0;

	CHECK_INT("threads asked", shf_pool_threads(3), 3);
	CHECK_INT("threads capped", shf_pool_threads(1000), SHF_POOL_MAX_THREADS);
	CHECK(shf_pool_threads(0) >= 1);
	shf_pool_run(4, sizeof(seen), pool_mark, seen);
	for (i = 0; i < sizeof(seen); i++)
		once += seen[i] == 1;
	CHECK_INT("each index once", once, sizeof(seen));
	shf_pool_run(1, 10, pool_mark, seen);
	CHECK_INT("one thread", seen[9], 2);
	shf_pool_run(4, 0, pool_mark, seen);
}

/* The persistent pool's test: one task can be held running, every task notes which
 * thread ran it and in which order the tasks started. */
struct pool_test {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int held;                    /* a holding task waits while this is set */
	int started;                 /* the holding task is running */
	int next;                    /* the next start's order */
};

struct pool_job {
	struct shf_pool_task task;
	struct pool_test *pt;
	int hold;
	int runs, order;
	unsigned thread;
};

static void pool_job_run(void *arg, unsigned thread)
{
	struct pool_job *j = arg;
	struct pool_test *pt = j->pt;

	pthread_mutex_lock(&pt->lock);
	j->runs++;
	j->thread = thread;
	j->order = pt->next++;
	if (j->hold) {
		pt->started = 1;
		pthread_cond_broadcast(&pt->cond);
		while (pt->held)
			pthread_cond_wait(&pt->cond, &pt->lock);
	}
	pthread_mutex_unlock(&pt->lock);
}

static void pool_job_init(struct pool_job *j, struct pool_test *pt, int hold)
{
	memset(j, 0, sizeof(*j));
	j->pt = pt;
	j->hold = hold;
	j->task.fn = pool_job_run;
	j->task.arg = j;
}

/* Poll, never helping, until t is done; 0 when it is not done within ten seconds. */
static int pool_poll(struct shf_pool *p, struct shf_pool_task *t)
{
	struct timespec ms = { 0, 1000000 };
	int k;

	for (k = 0; k < 10000; k++) {
		if (shf_pool_done(p, t))
			return 1;
		nanosleep(&ms, NULL);
	}
	return 0;
}

static void test_pool_tasks(void)
{
	static struct pool_job many[1000];
	struct pool_test pt;
	struct pool_job a, b, c, d;
	struct shf_pool *p;
	size_t i, once = 0;

	memset(&pt, 0, sizeof(pt));
	pthread_mutex_init(&pt.lock, NULL);
	pthread_cond_init(&pt.cond, NULL);

	/* no worker: no pool, and each task runs on the caller as it is added */
	CHECK(shf_pool_new(0) == NULL);
	pool_job_init(&a, &pt, 0);
	shf_pool_add(NULL, &a.task);
	CHECK_INT("inline run", a.runs, 1);
	CHECK_INT("inline thread", a.thread, 0);
	CHECK(shf_pool_done(NULL, &a.task));
	shf_pool_wait(NULL, &a.task);
	shf_pool_free(NULL);

	/* one worker held by a: the caller waiting for b runs b itself; released, the
	 * worker takes c before d, oldest first */
	p = shf_pool_new(1);
	CHECK(p != NULL);
	pt.held = 1;
	pool_job_init(&a, &pt, 1);
	pool_job_init(&b, &pt, 0);
	pool_job_init(&c, &pt, 0);
	pool_job_init(&d, &pt, 0);
	shf_pool_add(p, &a.task);
	pthread_mutex_lock(&pt.lock);
	while (!pt.started)
		pthread_cond_wait(&pt.cond, &pt.lock);
	pthread_mutex_unlock(&pt.lock);
	shf_pool_add(p, &b.task);
	shf_pool_add(p, &c.task);
	shf_pool_add(p, &d.task);
	CHECK(!shf_pool_done(p, &a.task));
	shf_pool_wait(p, &b.task);
	CHECK_INT("waiter ran b", b.runs, 1);
	CHECK_INT("waiter is thread 0", b.thread, 0);
	CHECK(!shf_pool_done(p, &c.task));
	pthread_mutex_lock(&pt.lock);
	pt.held = 0;
	pthread_cond_broadcast(&pt.cond);
	pthread_mutex_unlock(&pt.lock);
	CHECK(pool_poll(p, &d.task));
	CHECK(shf_pool_done(p, &a.task) && shf_pool_done(p, &c.task));
	CHECK_INT("a on the worker", a.thread, 1);
	CHECK_INT("c on the worker", c.thread, 1);
	CHECK_INT("d on the worker", d.thread, 1);
	CHECK(a.order < b.order && b.order < c.order && c.order < d.order);
	CHECK_INT("each once", a.runs + b.runs + c.runs + d.runs, 4);
	shf_pool_free(p);

	/* many tasks over three workers and the caller: each runs once */
	p = shf_pool_new(3);
	CHECK(p != NULL);
	for (i = 0; i < sizeof(many) / sizeof(many[0]); i++) {
		pool_job_init(&many[i], &pt, 0);
		shf_pool_add(p, &many[i].task);
	}
	for (i = 0; i < sizeof(many) / sizeof(many[0]); i++) {
		shf_pool_wait(p, &many[i].task);
		once += many[i].runs == 1 && many[i].thread <= 3;
	}
	CHECK_INT("each task once", once, sizeof(many) / sizeof(many[0]));
	shf_pool_free(p);
	pthread_cond_destroy(&pt.cond);
	pthread_mutex_destroy(&pt.lock);
}

int main(void)
{
	test_array();
	test_hset();
	test_grade();
	test_pool();
	test_pool_tasks();
	test_buf();
	test_error();
	test_counts();
	test_words_random();
	test_words_blocks();
	test_utf8();
	test_utf8_blocks();
	test_utf8_pairs();
	test_article();
	test_sha256();
	test_outfile();
	return check_report();
}
