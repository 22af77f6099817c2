/* Unit tests of the record's JSON form: round trip, fixed bytes, and bad input. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "record/json_strict.h"
#include "sahifa/article.h"
#include "sahifa/convert.h"
#include "sahifa/limits.h"
#include "sahifa/utf8.h"

static void make_article(struct sahifa_article *a)
{
	struct sahifa_section *s;
	struct sahifa_paragraph *p;

	sahifa_article_init(a);
	memcpy(a->id, "0123456789abcdef0123456789abcdef", SAHIFA_ID_HEX + 1);
	sahifa_article_set_str(&a->source.name, "in/a.txt", 8);
	sahifa_article_set_str(&a->source.member, "x/\"q\".txt", 9);
	a->source.bytes = 3000000000ULL;
	memset(a->source.sha256, 'a', 64);
	snprintf(a->source.encoding, sizeof(a->source.encoding), "windows-1256");
	sahifa_article_set_str(&a->headline, "\xD8\xB9\xD9\x86\xD9\x88\xD8\xA7\xD9\x86", 10);
	a->tag.confidence = 0.97123;
	memcpy(a->tag.lang, "ar", 3);
	memcpy(a->tag.script, "Arab", 5);
	memcpy(a->scripts[0].script, "Arab", 5);
	a->scripts[0].share = 0.9666;
	memcpy(a->scripts[1].script, "Latn", 5);
	a->scripts[1].share = 0.0334;
	a->n_scripts = 2;
	s = sahifa_article_add_section(a, NULL, 0, 1, 0);
	p = sahifa_section_add_paragraph(s, "line one\twith tab", 17, SAHIFA_KIND_PARAGRAPH, 3);
	memcpy(p->tag.lang, "en", 3);
	memcpy(p->tag.script, "Latn", 5);
	s = sahifa_article_add_section(a, "Heading", 7, 2, 5);
	sahifa_section_add_paragraph(s, "item", 4, SAHIFA_KIND_LIST_ITEM, 7);
	sahifa_article_add_caption(a, "caption", 7, 9);
	sahifa_article_add_removed(a, 10, "caption", 7, SAHIFA_REASON_CAPTION_COPY, NULL);
	sahifa_article_add_removed(a, 12, "Trending", 8, SAHIFA_REASON_CHROME, "line 'Trending'");
	a->stats.lines = 12;
	a->stats.blank_lines = 2;
	a->stats.replaced = 1;
	sahifa_article_count(a);
}

static void test_round_trip(void)
{
	struct sahifa_article a, b;
	struct sahifa_buf j1, j2;
	struct sahifa_error e;

	make_article(&a);
	sahifa_buf_init(&j1, 0);
	sahifa_buf_init(&j2, 0);
	CHECK(sahifa_article_to_json(&a, &j1, &e) == SAHIFA_OK);
	CHECK(strncmp(j1.data, "{\"id\":\"0123456789abcdef0123456789abcdef\",\"schema_version\":\"2.0.0\","
			       "\"source\":{\"name\":\"in/a.txt\",\"member\":\"x/\\\"q\\\".txt\","
			       "\"bytes\":3000000000,", 122) == 0);
	CHECK(strstr(j1.data, "\"lang\":\"ar\",\"lang_confidence\":0.971,\"lang_tag\":\"ar-Arab\"") != NULL);
	CHECK(strstr(j1.data, "\"scripts\":[{\"script\":\"Arab\",\"share\":0.967},"
		     "{\"script\":\"Latn\",\"share\":0.033}]") != NULL);
	CHECK(strstr(j1.data, "{\"heading\":null,\"level\":1,\"paragraphs\"") != NULL);
	CHECK(strstr(j1.data, "{\"heading\":\"Heading\",\"level\":2,\"line\":5,") != NULL);
	CHECK(strstr(j1.data, "line one\\twith tab") != NULL);
	CHECK(strstr(j1.data, "\"reason\":\"caption_copy\"}") != NULL);
	CHECK(strstr(j1.data, "\"detail\":\"line 'Trending'\"") != NULL);
	CHECK(strchr(j1.data, '\n') == NULL);

	sahifa_article_init(&b);
	CHECK(sahifa_article_from_json(j1.data, j1.len, &b, &e) == SAHIFA_OK);
	CHECK(sahifa_article_to_json(&b, &j2, &e) == SAHIFA_OK);
	CHECK_STR("round trip", j2.data, j1.data);
	CHECK_INT("paragraphs counted", b.stats.paragraphs, 2);
	sahifa_article_release(&b);
	sahifa_article_release(&a);
	sahifa_buf_release(&j1);
	sahifa_buf_release(&j2);
}

/* Shares and confidences: rounded to three decimals and printed as %1.15g prints the
 * rounded double, for every thousandth and values between them. */
static void test_share_digits(void)
{
	struct sahifa_article a;
	struct sahifa_buf j;
	struct sahifa_error err;
	char want[64], got[64];
	int k, bad = 0;

	make_article(&a);
	sahifa_buf_init(&j, 0);
	for (k = -1000; k <= 4 * 3001 + 2000; k++) {
		/* every thousandth with a bit more, then the halves between two thousandths
		 * (k in 2001-5001), just below them and just above, then 12.345 on */
		int m = k <= 2000 ? 0 : (k - 2001) / 3001 + 1, h = k <= 2000 ? k : (k - 2001) % 3001 - 1000;
		double half = (h + 0.5) / 1000.0;
		double v = m == 0 ? k / 1000.0 + (k % 3) * 0.0001
			 : m == 1 ? half
			 : m == 2 ? nextafter(half, -INFINITY)
			 : m == 3 ? nextafter(half, INFINITY)
			 : 12.345 + h * 7.0;
		const char *at, *end;

		a.tag.confidence = v;
		sahifa_buf_reset(&j);
		snprintf(want, sizeof(want), "%1.15g", (double)llround(v * 1000.0) / 1000.0);
		at = !sahifa_article_to_json(&a, &j, &err) && j.data
			     ? strstr(j.data, "\"lang_confidence\":") : NULL;
		if (!at) {
			CHECK(at != NULL);
			break;
		}
		at += strlen("\"lang_confidence\":");
		end = strchr(at, ',');
		snprintf(got, sizeof(got), "%.*s", end ? (int)(end - at) : 0, at);
		if (strcmp(got, want) && !bad++)
			CHECK_STR("share digits", got, want);   /* the first that differs */
	}
	CHECK_INT("shares printed otherwise", bad, 0);
	sahifa_buf_release(&j);
	sahifa_article_release(&a);
}

static void test_bad_input(void)
{
	static const struct {
		const char *json;
		enum sahifa_status st;
		long col;
		const char *where, *msg;
	} rows[] = {
		{ "{\"id\": ", SAHIFA_ERR_DATA, 0, "", "invalid JSON" },
		{ "[1,2]", SAHIFA_ERR_DATA, 0, "", "expected a JSON object" },
		{ "{} {}", SAHIFA_ERR_DATA, 4, "", "more than one JSON value on the line" },
		{ "{}", SAHIFA_ERR_DATA, 0, "/id", "missing member" },
		{ "{\"id\":5}", SAHIFA_ERR_DATA, 0, "/id", "expected a string" },
		{ "{\"id\":\"x\",\"source\":{\"name\":\"a\",\"member\":null,\"bytes\":-1}}", SAHIFA_ERR_DATA,
		  0, "/source/bytes", "expected a non-negative integer" },
	};
	struct sahifa_article a;
	struct sahifa_error e;
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		sahifa_article_init(&a);
		sahifa_error_clear(&e);
		CHECK_INT(rows[i].json, sahifa_article_from_json(rows[i].json, strlen(rows[i].json), &a, &e),
			  rows[i].st);
		CHECK_STR(rows[i].json, e.msg, rows[i].msg);
		CHECK_STR(rows[i].json, e.where, rows[i].where);
		if (rows[i].col)
			CHECK_INT(rows[i].json, e.col, rows[i].col);
		sahifa_article_release(&a);
	}
}

/* Nesting past SAHIFA_MAX_JSON_DEPTH is refused before cJSON recurses into it. */
static void test_depth_limit(void)
{
	struct sahifa_article a;
	struct sahifa_error e;
	size_t n = SAHIFA_MAX_JSON_DEPTH + 1, i;
	char *s = malloc(2 * n + 1);

	for (i = 0; i < n; i++) {
		s[i] = '[';
		s[2 * n - 1 - i] = ']';
	}
	s[2 * n] = '\0';
	sahifa_article_init(&a);
	CHECK(sahifa_article_from_json(s, 2 * n, &a, &e) == SAHIFA_ERR_LIMIT);
	CHECK(strstr(e.msg, "nested deeper") != NULL);
	/* one level less is parsed (and then refused for its shape, not its depth) */
	CHECK(sahifa_article_from_json(s + 1, 2 * n - 2, &a, &e) == SAHIFA_ERR_DATA);
	sahifa_article_release(&a);
	free(s);
}

/* Replace the first "from" in a copy of s by "to"; NULL when s does not hold it. */
static char *replaced(const char *s, const char *from, const char *to)
{
	const char *at = strstr(s, from);
	size_t n = strlen(s), nf = strlen(from), nt = strlen(to);
	char *out;

	if (!at || !(out = malloc(n - nf + nt + 1)))
		return NULL;
	memcpy(out, s, (size_t)(at - s));
	memcpy(out + (at - s), to, nt);
	memcpy(out + (at - s) + nt, at + nf, n - (size_t)(at - s) - nf + 1);
	return out;
}

/* The direct reader against the cJSON one on variants of a record: where it builds an
 * article, it is the reference's, byte for byte once written; where it gives up,
 * sahifa_article_from_json answers as the reference does, message and place included. */
static void test_direct_reader(void)
{
	static const struct {
		const char *from, *to;
		int direct;                 /* the direct reader builds it */
		enum sahifa_status st;      /* the reference's answer */
	} rows[] = {
		{ "", "", 1, SAHIFA_OK },
		{ ",\"headline\":", " ,\t\"headline\" :\n", 1, SAHIFA_OK },
		{ "{\"id\":\"0123456789abcdef0123456789abcdef\",\"schema_version\":\"2.0.0\",",
		  "{\"schema_version\":\"2.0.0\",\"id\":\"0123456789abcdef0123456789abcdef\",", 1,
		  SAHIFA_OK },
		{ "\"headline\":\"\xD8\xB9\xD9\x86\xD9\x88\xD8\xA7\xD9\x86\"",
		  "\"headline\":\"\\u0639\\u0646 \\\"x\\\\\\/\\ud83d\\ude00\\b\\f\\n\\r\\t\\u001f\"", 1,
		  SAHIFA_OK },
		{ "\"level\":2,", "\"level\":2.5,", 1, SAHIFA_OK },
		{ "\"bytes\":3000000000", "\"bytes\":3e9", 1, SAHIFA_OK },
		{ "\"bytes\":3000000000", "\"bytes\":9007199254740993", 1, SAHIFA_OK },
		{ "\"bytes\":3000000000", "\"bytes\":-0", 1, SAHIFA_OK },
		{ "\"warc\":null", "\"warc\":{\"offset\":5,\"file\":\"w.warc\",\"date\":null}", 1,
		  SAHIFA_OK },
		{ "\"authors\":[]", "\"authors\":[\"A\",\"A\",\"B\"]", 1, SAHIFA_OK },
		{ "\"stopword_lang\":\"ar\"", "\"stopword_lang\":null", 1, SAHIFA_OK },
		{ "{\"heading\":null,\"level\":1,", "{\"heading\":null,\"level\":1,\"line\":\"x\",", 1,
		  SAHIFA_OK },
		/* shapes it leaves to the reference, which takes them */
		{ "\"html_lang\":null", "\"html_lang\":null,\"extra\":1", 0, SAHIFA_OK },
		{ "\"lang_tag\":\"ar-Arab\"", "\"lang_tag\":[\"x\"]", 0, SAHIFA_OK },
		{ "{\"heading\":\"Heading\",\"level\":2,\"line\":5,\"paragraphs\":[{\"text\":\"item\","
		  "\"kind\":\"list_item\",\"line\":7,\"lang\":\"und\",\"script\":\"Zyyy\"}]}",
		  "{\"paragraphs\":[{\"text\":\"item\",\"kind\":\"list_item\",\"line\":7,\"lang\":\"und\","
		  "\"script\":\"Zyyy\"}],\"heading\":\"Heading\",\"level\":2,\"line\":5}", 0, SAHIFA_OK },
		/* cJSON reads a leading zero as strtod does; JSON has none */
		{ "\"line\":7,", "\"line\":07,", 0, SAHIFA_OK },
		{ "\"headline\":\"", "\"\\u0068eadline\":\"", 0, SAHIFA_OK },
		/* bad records: the reference's message */
		{ "\"html_lang\":null", "\"html_lang\":null,\"url\":null", 0, SAHIFA_ERR_DATA },
		{ "\"headline\":\"", "\"headline\":\"a\\u0000", 0, SAHIFA_ERR_DATA },
		{ "\"headline\":\"", "\"headline\":\"\\ud800", 0, SAHIFA_ERR_DATA },
		{ "\"headline\":\"", "\"headline\":\"\\q", 0, SAHIFA_ERR_DATA },
		{ "\"level\":2,", "\"level\":7,", 0, SAHIFA_ERR_DATA },
		{ "\"line\":7,", "\"line\":7.5,", 0, SAHIFA_ERR_DATA },
		{ "\"lang_confidence\":0.971", "\"lang_confidence\":1.5", 0, SAHIFA_ERR_DATA },
		{ "\"kind\":\"list_item\"", "\"kind\":\"bogus\"", 0, SAHIFA_ERR_DATA },
		{ "\"reason\":\"chrome\",\"detail\":\"line 'Trending'\"",
		  "\"reason\":\"chrome\",\"detail\":null", 0, SAHIFA_ERR_DATA },
		{ "\"sha256\":\"", "\"sha256\":\"a", 0, SAHIFA_ERR_DATA },
		{ "\"byline\":null,", "", 0, SAHIFA_ERR_DATA },
		{ "\"stats\":{\"lines\":12,", "\"stats\":{", 0, SAHIFA_ERR_DATA },
		{ "\"mean_word_length\":4.25", "\"mean_word_length\":-1", 0, SAHIFA_ERR_DATA },
		{ "\"captions\":[{", "\"captions\":[{,", 0, SAHIFA_ERR_DATA },
	};
	static const char *const suffixes[] = { "", " \t\r", "\n", "x", "}" };
	struct sahifa_article a, b;
	struct sahifa_buf base, j1, j2;
	struct sahifa_error e1, e2;
	size_t i, k;

	make_article(&a);
	a.quality.present = 1;
	a.quality.lines = 3;
	a.quality.mean_word_length = 4.25;
	memcpy(a.quality.stopword_lang, "ar", 3);
	sahifa_buf_init(&base, 0);
	sahifa_buf_init(&j1, 0);
	sahifa_buf_init(&j2, 0);
	CHECK(sahifa_article_to_json(&a, &base, &e1) == SAHIFA_OK);
	sahifa_article_release(&a);
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		for (k = 0; k < sizeof(suffixes) / sizeof(suffixes[0]); k++) {
			char *v = replaced(base.data, rows[i].from, rows[i].to), *line;
			int direct, want_direct = rows[i].direct && k < 2;
			enum sahifa_status st;

			CHECK(v != NULL);
			if (!v || !(line = malloc(strlen(v) + strlen(suffixes[k]) + 1))) {
				free(v);
				continue;
			}
			memcpy(line, v, strlen(v));
			memcpy(line + strlen(v), suffixes[k], strlen(suffixes[k]) + 1);
			sahifa_article_init(&a);
			sahifa_article_init(&b);
			sahifa_error_clear(&e1);
			sahifa_error_clear(&e2);
			direct = shf_article_from_json_direct(line, strlen(line), &a);
			CHECK_INT(line, direct, want_direct);
			st = shf_article_from_json_cjson(line, strlen(line), &b, &e2);
			if (k < 2)
				CHECK_INT(line, st, rows[i].st);
			else
				CHECK(st != SAHIFA_OK);
			if (direct && !st) {
				sahifa_buf_reset(&j1);
				sahifa_buf_reset(&j2);
				CHECK(sahifa_article_to_json(&a, &j1, &e1) == SAHIFA_OK);
				CHECK(sahifa_article_to_json(&b, &j2, &e1) == SAHIFA_OK);
				CHECK_STR(line, j1.data, j2.data);
			}
			/* the public reader: the direct answer or the reference's, never another */
			sahifa_article_release(&a);
			sahifa_article_release(&b);
			CHECK_INT(line, sahifa_article_from_json(line, strlen(line), &a, &e1), st);
			CHECK_STR(line, e1.msg, st ? e2.msg : "");
			CHECK_STR(line, e1.where, st ? e2.where : "");
			CHECK_INT(line, e1.col, st ? e2.col : 0);
			sahifa_article_release(&a);
			free(line);
			free(v);
		}
	/* an article already filled is read into as the reference does: sections added */
	sahifa_article_init(&a);
	CHECK(sahifa_article_from_json(base.data, base.len, &a, &e1) == SAHIFA_OK);
	CHECK(sahifa_article_from_json(base.data, base.len, &a, &e1) == SAHIFA_OK);
	CHECK_INT("read twice", a.n_sections, 4);
	sahifa_article_release(&a);
	sahifa_buf_release(&base);
	sahifa_buf_release(&j1);
	sahifa_buf_release(&j2);
}

static void test_reject_json(void)
{
	struct sahifa_buf b;
	struct sahifa_error e;

	sahifa_buf_init(&b, 0);
	sahifa_error_set(&e, SAHIFA_ERR_DATA, "a.zip!x.bin", 0, 0, "binary content, not text");
	CHECK(sahifa_reject_to_json("a.zip", "x.bin", 12, NULL, &e, &b) == SAHIFA_OK);
	CHECK_STR("reject line", b.data,
		  "{\"source\":{\"name\":\"a.zip\",\"member\":\"x.bin\",\"bytes\":12,\"sha256\":null},"
		  "\"line\":null,\"error\":\"data\",\"message\":\"binary content, not text\"}");
	sahifa_buf_release(&b);
}

/* Each byte that is escaped, and the plain bytes next to it in value, at every offset
 * of headlines long enough to cross the writer's 32-, 16- and 8-byte steps and of
 * lengths that end past each, among ASCII and two-byte letters, and a headline of
 * nothing but escapes, longer than the room the writer has: written as cJSON writes
 * them. */
static void test_escapes(void)
{
	static const unsigned char bytes[] = { '"', '\\', '\b', '\f', '\n', '\r', '\t', 0x01,
					       0x1f, 0x20, 0x21, 0x7f, 0x5b, 0x5d };
	struct sahifa_article a;
	struct sahifa_buf j;
	struct sahifa_error err;
	static const size_t lens[] = { 40, 75, 3000 };
	char text[3008], want[6 * 3000 + 32], *o;
	const char *at;
	size_t k, pos, len, m, l;

	make_article(&a);
	sahifa_buf_init(&j, 0);
	for (l = 0; l < sizeof(lens) / sizeof(lens[0]); l++)
	for (len = lens[l], k = 0; k < sizeof(bytes); k++)
		for (pos = 0; pos < (len > 100 ? 1 : len); pos++) {
			for (m = 0; m < len; m++)
				text[m] = len > 100 ? (char)bytes[(k + m) % 9] :
					  m % 5 < 2 ? (char)(m % 5 ? 0xA8 : 0xD8) : (char)('a' + m % 26);
			text[pos] = (char)bytes[k];
			if (pos && (unsigned char)text[pos - 1] == 0xD8)
				text[pos - 1] = 'x';  /* no lead without its continuation */
			if (pos + 1 < len && (unsigned char)text[pos + 1] == 0xA8)
				text[pos + 1] = 'y';
			text[len] = '\0';
			o = want + snprintf(want, sizeof(want), "\"headline\":\"");
			for (m = 0; m < len; m++) {
				unsigned char c = (unsigned char)text[m];
				const char *e = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\b' ? "\\b"
					      : c == '\f' ? "\\f" : c == '\n' ? "\\n" : c == '\r' ? "\\r"
					      : c == '\t' ? "\\t" : NULL;

				if (e)
					o += snprintf(o, (size_t)(want + sizeof(want) - o), "%s", e);
				else if (c < 0x20)
					o += snprintf(o, (size_t)(want + sizeof(want) - o), "\\u%04x", c);
				else
					*o++ = (char)c;
			}
			snprintf(o, (size_t)(want + sizeof(want) - o), "\",");
			sahifa_article_set_str(&a.headline, text, len);
			sahifa_buf_reset(&j);
			CHECK(sahifa_article_to_json(&a, &j, &err) == SAHIFA_OK);
			at = j.data ? strstr(j.data, "\"headline\":\"") : NULL;
			CHECK(at != NULL);
			if (at && strncmp(at, want, strlen(want))) {
				CHECK_STR("escaped", at, want);
				k = sizeof(bytes);  /* the first that differs */
				l = sizeof(lens) / sizeof(lens[0]);
				break;
			}
		}
	sahifa_buf_release(&j);
	sahifa_article_release(&a);
}

/* The reader that checks UTF-8 as it reads: an article exactly where the direct reader
 * builds one and the line is UTF-8, for faults at every place in an eight-byte word
 * and across two, in runs of two-byte characters as in Arabic text. */
static void test_utf8_reader(void)
{
	static const char *const seqs[] = {
		"\xd8\xa7", "\xc2\x80", "\xdf\xbf", "\xe2\x80\x9c", "\xf0\x9f\x98\x80", "\xef\xbf\xbd",
		"\xc0\x80", "\xc1\xbf", "\xd8", "\xd8" "A", "\x80", "\xbf\xd8\xa7", "\xd8\xa7\xa7",
		"\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x80", "\xf8\x88\x80\x80\x80", "\xfe", "\xff",
	};
	static const char *const runs[] = { "", "abcdefgh", "\xd8\xa7\xd9\x84", "\xd8\xa7 \xd9\x84\xd9\x85 " };
	struct sahifa_article a, b;
	struct sahifa_buf base;
	struct sahifa_error e;
	size_t i, pad, r;

	make_article(&a);
	sahifa_buf_init(&base, 0);
	CHECK(sahifa_article_to_json(&a, &base, &e) == SAHIFA_OK);
	sahifa_article_release(&a);
	for (i = 0; i < sizeof(seqs) / sizeof(seqs[0]); i++)
		for (r = 0; r < sizeof(runs) / sizeof(runs[0]); r++)
			for (pad = 0; pad < 17; pad++) {
				char to[128], *line;
				int got, want;
				size_t n = 0, k;

				n += (size_t)snprintf(to + n, sizeof(to) - n, "\"headline\":\"");
				for (k = 0; k < pad; k++)
					to[n++] = k % 3 ? 'x' : ' ';
				n += (size_t)snprintf(to + n, sizeof(to) - n, "%s%s%s", runs[r], seqs[i], runs[r]);
				line = replaced(base.data, "\"headline\":\"", to);
				CHECK(line != NULL);
				if (!line)
					continue;
				sahifa_article_init(&a);
				sahifa_article_init(&b);
				want = shf_article_from_json_direct(line, strlen(line), &b) &&
				       sahifa_utf8_valid_prefix(line, strlen(line)) == strlen(line);
				got = shf_article_from_json_utf8(line, strlen(line), &a);
				CHECK_INT(line, got, want);
				if (got && !want)
					fprintf(stderr, "seq %zu run %zu pad %zu\n", i, r, pad);
				sahifa_article_release(&a);
				sahifa_article_release(&b);
				free(line);
			}
	sahifa_buf_release(&base);
}

/* The direct reader's numbers with a point are strtod's (cJSON's) to the last bit: the
 * quotient of the digits and a power of ten where both are exact, strtod otherwise. */
static void test_fraction_numbers(void)
{
	static const char *const nums[] = {
		"0.971", "0.1", "0.3", "0.999999999999999", "0.123456789012345", "0.5", "0.011",
		"-0.0", "0.0", "1.0", "0.000000000000001", "0.1234567890123456", "1e-3", "1.0e-1",
		"0.30000000000000004", "1", "0.70710678118654757", "0.000123456789012345",
	};
	struct sahifa_article a, b;
	struct sahifa_buf base;
	struct sahifa_error e;
	size_t i;

	make_article(&a);
	sahifa_buf_init(&base, 0);
	CHECK(sahifa_article_to_json(&a, &base, &e) == SAHIFA_OK);
	sahifa_article_release(&a);
	for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
		char to[64], *line;

		snprintf(to, sizeof(to), "\"lang_confidence\":%s,", nums[i]);
		line = replaced(base.data, "\"lang_confidence\":0.971,", to);
		CHECK(line != NULL);
		if (!line)
			continue;
		sahifa_article_init(&a);
		sahifa_article_init(&b);
		CHECK_INT(nums[i], shf_article_from_json_direct(line, strlen(line), &a), 1);
		CHECK_INT(nums[i], shf_article_from_json_cjson(line, strlen(line), &b, &e), SAHIFA_OK);
		CHECK_INT(nums[i], memcmp(&a.tag.confidence, &b.tag.confidence, sizeof(double)), 0);
		sahifa_article_release(&a);
		sahifa_article_release(&b);
		free(line);
	}
	sahifa_buf_release(&base);
}

int main(void)
{
	test_fraction_numbers();
	test_escapes();
	test_share_digits();
	test_round_trip();
	test_bad_input();
	test_depth_limit();
	test_direct_reader();
	test_utf8_reader();
	test_reject_json();
	return check_report();
}
