/* Unit tests of the record's JSON form: round trip, fixed bytes, and bad input. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sahifa/article.h"
#include "sahifa/convert.h"
#include "sahifa/limits.h"

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
	for (k = -1000; k <= 2000; k++) {
		double v = k / 1000.0 + (k % 3) * 0.0001;
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

int main(void)
{
	test_share_digits();
	test_round_trip();
	test_bad_input();
	test_depth_limit();
	test_reject_json();
	return check_report();
}
