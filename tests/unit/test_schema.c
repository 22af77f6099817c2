/* The JSON Schema validator and the strict JSON parser (src/validate/json_schema.c), per keyword. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "validate/csv_read.h"
#include "validate/json_schema.h"
#include "sahifa/limits.h"
#include "core/embed.h"

struct collect {
	char where[256];
	char msg[512];
	int n;
};

static int on_error(void *ctx, const char *where, const char *msg)
{
	struct collect *c = ctx;

	if (!c->n++) {
		snprintf(c->where, sizeof(c->where), "%s", where);
		snprintf(c->msg, sizeof(c->msg), "%s", msg);
	}
	return 0;
}

/* One keyword case: the schema, an instance, the number of errors wanted and, for an
 * invalid instance, where the first error is and a piece of its message. */
static const struct {
	const char *schema, *instance;
	int errors;
	const char *where, *msg;
} cases[] = {
	{ "true", "1", 0, NULL, NULL },
	{ "false", "1", 1, "", "no value" },
	{ "{\"type\":\"string\"}", "\"a\"", 0, NULL, NULL },
	{ "{\"type\":\"string\"}", "5", 1, "", "expected string, got integer '5'" },
	{ "{\"type\":[\"string\",\"null\"]}", "null", 0, NULL, NULL },
	{ "{\"type\":[\"string\",\"null\"]}", "true", 1, "", "expected null or string" },
	{ "{\"type\":\"integer\"}", "3.0", 0, NULL, NULL },
	{ "{\"type\":\"integer\"}", "3.5", 1, "", "got number" },
	{ "{\"type\":\"number\"}", "3", 0, NULL, NULL },
	{ "{\"type\":\"boolean\"}", "false", 0, NULL, NULL },
	{ "{\"type\":\"array\"}", "{}", 1, "", "got object" },
	{ "{\"properties\":{\"a\":{\"type\":\"integer\"}}}", "{\"a\":\"x\"}", 1, "/a", "expected integer" },
	{ "{\"properties\":{\"a~b/c\":{\"type\":\"integer\"}}}", "{\"a~b/c\":\"x\"}", 1, "/a~0b~1c", "expected" },
	{ "{\"required\":[\"a\",\"b\"]}", "{\"a\":1}", 1, "", "missing required property 'b'" },
	{ "{\"additionalProperties\":false,\"properties\":{\"a\":{}}}", "{\"a\":1,\"zz\":2}", 1, "", "unexpected property 'zz'" },
	{ "{\"additionalProperties\":{\"type\":\"number\"}}", "{\"a\":1,\"b\":\"x\"}", 1, "/b", "expected number" },
	{ "{\"propertyNames\":{\"pattern\":\"^[A-Z][a-z]{3}$\"}}", "{\"Arab\":1,\"latn\":2}", 1, "", "property name 'latn'" },
	{ "{\"maxProperties\":1}", "{\"a\":1,\"b\":2}", 1, "", "more than maxProperties 1" },
	{ "{\"minProperties\":1}", "{}", 1, "", "fewer than minProperties 1" },
	{ "{\"items\":{\"type\":\"string\"}}", "[\"a\",2]", 1, "/1", "expected string" },
	{ "{\"prefixItems\":[{\"type\":\"integer\"}],\"items\":{\"type\":\"string\"}}", "[1,\"b\",\"c\"]", 0, NULL, NULL },
	{ "{\"prefixItems\":[{\"type\":\"integer\"}],\"items\":false}", "[1,\"b\"]", 1, "/1", "no value" },
	{ "{\"minItems\":2}", "[1]", 1, "", "fewer than minItems 2" },
	{ "{\"maxItems\":1}", "[1,2]", 1, "", "more than maxItems 1" },
	{ "{\"uniqueItems\":true}", "[1,{\"a\":1,\"b\":2},{\"b\":2,\"a\":1}]", 1, "", "items 1 and 2 are equal" },
	{ "{\"uniqueItems\":true}", "[1,\"1\",true]", 0, NULL, NULL },
	{ "{\"enum\":[\"paragraph\",\"quote\"]}", "\"poem\"", 1, "", "'poem' is not one of 'paragraph', 'quote'" },
	{ "{\"enum\":[1,null]}", "1.0", 0, NULL, NULL },
	{ "{\"const\":\"1.0.0\"}", "\"1.0.1\"", 1, "", "'1.0.1' is not the constant '1.0.0'" },
	{ "{\"const\":{\"a\":[1,2]}}", "{\"a\":[1,2]}", 0, NULL, NULL },
	/* minLength/maxLength count code points: three Arabic letters are 6 bytes. */
	{ "{\"maxLength\":3}", "\"\xd9\x83\xd8\xaa\xd8\xa8\"", 0, NULL, NULL },
	{ "{\"minLength\":4}", "\"\xd9\x83\xd8\xaa\xd8\xa8\"", 1, "", "has 3 characters, fewer than minLength 4" },
	{ "{\"maxLength\":2}", "\"abc\"", 1, "", "more than maxLength 2" },
	{ "{\"minimum\":0}", "-1", 1, "", "'-1' is less than the minimum 0" },
	{ "{\"maximum\":1}", "1.5", 1, "", "greater than the maximum 1" },
	{ "{\"exclusiveMinimum\":0}", "0", 1, "", "exclusive minimum" },
	{ "{\"exclusiveMaximum\":1}", "0.99", 0, NULL, NULL },
	{ "{\"exclusiveMaximum\":1}", "1", 1, "", "exclusive maximum" },
	{ "{\"pattern\":\"^[0-9a-f]{4}$\"}", "\"00ff\"", 0, NULL, NULL },
	{ "{\"pattern\":\"^[0-9a-f]{4}$\"}", "\"00FF\"", 1, "", "does not match the pattern" },
	{ "{\"pattern\":\"b\"}", "\"abc\"", 0, NULL, NULL },
	/* patterns matched byte by byte first: a greedy miss is not the last word */
	{ "{\"pattern\":\"^[a-z]{2,3}[a-z]$\"}", "\"abc\"", 0, NULL, NULL },
	{ "{\"pattern\":\"^[a-z]{2,3}-[A-Z][a-z]{3}$\"}", "\"ar-Arab\"", 0, NULL, NULL },
	{ "{\"pattern\":\"^[a-z]{2,3}-[A-Z][a-z]{3}$\"}", "\"ar-arab\"", 1, "", "does not match the pattern" },
	{ "{\"pattern\":\"^[a-z]{2,3}$\"}", "\"e\"", 1, "", "does not match the pattern" },
	{ "{\"pattern\":\"^[a-z]{2,3}$\"}", "\"\xd8\xb9\xd8\xb1\"", 1, "", "does not match the pattern" },
	{ "{\"pattern\":\"^[0-9a-f]{4}$\"}", "\"00ff0\"", 1, "", "does not match the pattern" },
	{ "{\"pattern\":\"^a\\\\.b+$\"}", "\"a.bbb\"", 0, NULL, NULL },
	{ "{\"pattern\":\"^a\\\\.b+$\"}", "\"axbbb\"", 1, "", "does not match the pattern" },
	{ "{\"pattern\":\"^\\\\p{Arabic}+$\"}", "\"\xd9\x83\xd8\xaa\xd8\xa8\"", 0, NULL, NULL },
	{ "{\"pattern\":\"^x\"}", "5", 0, NULL, NULL },
	{ "{\"format\":\"date-time\"}", "\"2024-02-29T10:00:00Z\"", 0, NULL, NULL },
	{ "{\"format\":\"date-time\"}", "\"2023-02-29T10:00:00Z\"", 1, "", "not a valid date-time" },
	{ "{\"format\":\"date-time\"}", "\"2023-01-01 10:00:00\"", 1, "", "not a valid date-time" },
	{ "{\"format\":\"date-time\"}", "\"1970-01-01T00:00:00+03:00\"", 0, NULL, NULL },
	{ "{\"format\":\"uri\"}", "\"https://example.org/a?b=1\"", 0, NULL, NULL },
	{ "{\"format\":\"uri\"}", "\"not a uri\"", 1, "", "not a valid uri" },
	{ "{\"format\":\"email\"}", "\"editor@example.org\"", 0, NULL, NULL },
	{ "{\"format\":\"email\"}", "\"editor.example.org\"", 1, "", "not a valid email" },
	{ "{\"$defs\":{\"n\":{\"type\":\"integer\"}},\"properties\":{\"a\":{\"$ref\":\"#/$defs/n\"}}}", "{\"a\":\"x\"}", 1, "/a", "expected integer" },
	{ "{\"properties\":{\"a\":{\"type\":\"integer\"},\"b\":{\"$ref\":\"#/properties/a\"}}}", "{\"b\":2.5}", 1, "/b", "expected integer" },
	/* A recursive schema: a tree of arrays of integers. */
	{ "{\"anyOf\":[{\"type\":\"integer\"},{\"type\":\"array\",\"items\":{\"$ref\":\"#\"}}]}", "[1,[2,[3]]]", 0, NULL, NULL },
	{ "{\"anyOf\":[{\"type\":\"integer\"},{\"type\":\"array\",\"items\":{\"$ref\":\"#\"}}]}", "[1,[2,[\"x\"]]]", 1, "", "none of the 2 schemas of anyOf" },
	{ "{\"allOf\":[{\"minimum\":1},{\"maximum\":3}]}", "4", 1, "", "greater than the maximum 3" },
	{ "{\"oneOf\":[{\"type\":\"integer\"},{\"minimum\":0}]}", "5", 1, "", "more than one" },
	{ "{\"oneOf\":[{\"type\":\"integer\"},{\"type\":\"string\"}]}", "5", 0, NULL, NULL },
	{ "{\"oneOf\":[{\"type\":\"integer\"},{\"type\":\"string\"}]}", "null", 1, "", "matches none" },
	{ "{\"not\":{\"type\":\"null\"}}", "null", 1, "", "schema of 'not'" },
	{ "{\"title\":\"t\",\"description\":\"d\",\"$comment\":\"c\",\"default\":1,\"examples\":[1],\"$id\":\"x\",\"$schema\":\"https://json-schema.org/draft/2020-12/schema\"}", "1", 0, NULL, NULL },
	/* Every error of a row is reported, not only the first. */
	{ "{\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}}}", "{\"a\":1,\"b\":2}", 2, "/a", "expected string" },
};

/* Schemas that must not compile, with a piece of the message and where. */
static const struct {
	const char *schema, *msg, *where;
} bad_schemas[] = {
	{ "{\"patternProperties\":{\"^a\":{}}}", "unsupported keyword 'patternProperties'", "/" },
	{ "{\"properties\":{\"a\":{\"contains\":{}}}}", "unsupported keyword 'contains'", "/properties/a" },
	{ "{\"$defs\":{\"x\":{\"if\":{}}}}", "unsupported keyword 'if'", "/$defs/x" },
	{ "{\"format\":\"ipv4\"}", "unsupported format 'ipv4'", "/" },
	{ "{\"$ref\":\"#/$defs/missing\"}", "cannot resolve $ref", "/" },
	{ "{\"$ref\":\"https://example.org/s.json\"}", "cannot resolve $ref", "/" },
	{ "{\"pattern\":\"([a-z\"}", "invalid pattern", "/" },
	{ "{\"type\":\"text\"}", "unknown type 'text'", "/" },
	{ "{\"minLength\":-1}", "non-negative integer", "/" },
	{ "{\"items\":5}", "must be an object or a boolean", "/items" },
	{ "[1]", "must be an object or a boolean", "/" },
};

/* The strict parser: text, wanted status, column, piece of message. */
static const struct {
	const char *text;
	size_t len;  /* 0: strlen */
	int ok;
	long col;
	const char *msg;
} parses[] = {
	{ "{\"a\": [1, 2.5e3, -0, true, null]}", 0, 1, 0, NULL },
	{ "  {}  ", 0, 1, 0, NULL },
	{ "", 0, 0, 0, "empty line" },
	{ "   ", 0, 0, 0, "empty line" },
	{ "{\"a\":1} {\"b\":2}", 0, 0, 9, "content after the JSON value" },
	{ "{\"a\":1,}", 0, 0, 8, "JSON syntax error" },
	{ "{\"a\":", 0, 0, 5, "JSON syntax error at ':'" },
	{ "{\"a\":01}", 0, 0, 6, "invalid number" },
	{ "{\"a\":1.}", 0, 0, 6, "invalid number" },
	{ "{\"a\":+1}", 0, 0, 6, "JSON syntax error" },
	{ "{\"a\":\"x\ty\"}", 0, 0, 8, "control character 0x09" },
	{ "{\"\xd9\x83\xd8\xaa\":\"\xc0\xaf\"}", 0, 0, 8, "invalid UTF-8 byte 0xC0" },     /* overlong */
	{ "{\"a\":\"\xed\xa0\x80\"}", 0, 0, 7, "invalid UTF-8 byte 0xED" },                /* surrogate */
	{ "{\"a\":\"\xd9\"}", 0, 0, 7, "invalid UTF-8 byte 0xD9" },                        /* truncated */
	{ "{\"a\":\"\xf4\x90\x80\x80\"}", 0, 0, 7, "invalid UTF-8" },                       /* > U+10FFFF */
	{ "{\"a\":\"\\ud800\"}", 0, 0, 0, "JSON syntax error" },                           /* lone surrogate escape */
};

static void test_depth(void)
{
	char deep[2 * SAHIFA_MAX_JSON_DEPTH + 8];
	struct sahifa_json *v = NULL;
	struct sahifa_error err;
	size_t i, n = SAHIFA_MAX_JSON_DEPTH;

	for (i = 0; i < n; i++)
		deep[i] = '[';
	for (i = 0; i < n; i++)
		deep[n + i] = ']';
	CHECK_INT("depth at the limit", shf_json_parse(deep, 2 * n, &v, &err), SAHIFA_OK);
	shf_json_free(v);
	for (i = 0; i <= n; i++)
		deep[i] = '[';
	for (i = 0; i <= n; i++)
		deep[n + 1 + i] = ']';
	CHECK_INT("depth past the limit", shf_json_parse(deep, 2 * n + 2, &v, &err),
		  SAHIFA_ERR_LIMIT);
	CHECK_INT("depth column", err.col, n + 1);
}

/* The embedded article schema compiles and accepts a record we write by hand. */
/* Both parses of one text agree (status, message, column, value); 0 when they do. */
static int parse_differs(const char *text, size_t len)
{
	struct sahifa_json *a = NULL, *b = NULL;
	struct sahifa_error ea, eb;
	enum sahifa_status sa, sb;
	int differs;

	sahifa_error_clear(&ea);
	sahifa_error_clear(&eb);
	sa = shf_json_parse(text, len, &a, &ea);
	sb = shf_json_parse_reference(text, len, &b, &eb);
	differs = sa != sb || (sa && (strcmp(ea.msg, eb.msg) || ea.col != eb.col)) ||
		  (!sa && !shf_json_same(a, b));
	shf_json_free(a);
	shf_json_free(b);
	return differs;
}

/* The one-pass parser against its reference path (cJSON): hand-picked texts at the
 * edges of what the fast path takes, then every one-byte change of a record. */
static void test_fast_parse(const char *row)
{
	static const char *const texts[] = {
		"{\"a\":1,\"a\":2}", "{\"a\":\"\\u0000\"}", "{\"a\":\"\\ud800\"}",
		"{\"a\":\"\\ud83d\\ude00\"}", "{\"a\":\"\\udc00x\"}", "{\"a\":\"\\u00e9\\n\\t\\/\\b\\f\\r\\\"\\\\\"}",
		"[1,2,3]", " {\"a\" : -0 } ", "{\"a\":-0.0}", "{\"a\":1e400}", "{\"a\":-1e-400}",
		"{\"a\":12345678901234567890}", "{\"a\":123456789012345}", "{\"a\":1234567890123456}",
		"{\"a\":2147483648}", "{\"a\":-2147483649}", "{\"a\":0123}", "{\"a\":1.}", "{\"a\":.5}",
		"\xef\xbb\xbf{\"a\":1}", "\x01{\"a\":1}", "{\"a\":1}\x01", "{\"a\":\"\\x\"}", "{\"a\":tru}",
		"{\"a\":1,}", "[1,]", "{}", "[]", "\"x\"", "1", "null", "true", "false", "  ", "",
		"{\"a\":[[[[[[]]]]]]}", "{\"a\":\"\xc3\"}", "{\"a\":\"\xed\xa0\x80\"}", "{\"a\":\"\xf0\x9f\x98\x80\"}",
		"{\"a\":\"\xe0\x80\x80\"}", "{\"a\":1.5e3,\"b\":-12.25E-2}", "{\"\":1,\"\":2}",
		"{\"a\":1}\r\n", "{\"a\":1} x", "{\"a\" 1}", "{\"a\":\"x\ty\"}", "{1:2}", "[\"a\" \"b\"]",
		"{\"a\":\"\\u12\"}", "{\"a\":\"\\uD83D\\uDE00\"}", "{\"a\":[true,false,null,{}]}",
	};
	char buf[64 * 2 + 8], *t;
	static const char repl[] = { '"', '\\', '{', '}', '[', ']', ',', ':', 1, (char)0xC3,
				     (char)0x80, (char)0xFF, 'x', '0', ' ', '-', 'e' };
	size_t i, k, n = strlen(row), bad = 0;
	int depth;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (parse_differs(texts[i], strlen(texts[i]))) {
			CHECK_STR("fast and reference parse agree", texts[i], "(agree)");
			bad++;
		}
	/* nesting at and past SAHIFA_MAX_JSON_DEPTH */
	for (depth = SAHIFA_MAX_JSON_DEPTH; depth <= SAHIFA_MAX_JSON_DEPTH + 1; depth++) {
		memset(buf, '[', (size_t)depth);
		memset(buf + depth, ']', (size_t)depth);
		if (parse_differs(buf, 2 * (size_t)depth)) {
			CHECK_INT("fast and reference parse agree on depth", depth, 0);
			bad++;
		}
	}
	if (!(t = malloc(n + 1)))
		return;
	for (i = 0; i < n; i++)
		for (k = 0; k <= sizeof(repl); k++) {
			size_t len = n;

			memcpy(t, row, n);
			if (k == sizeof(repl)) {
				memmove(t + i, t + i + 1, n - i - 1);  /* the byte deleted */
				len--;
			} else {
				t[i] = repl[k];
			}
			if (parse_differs(t, len) && !bad++) {
				t[len] = '\0';
				CHECK_STR("fast and reference parse agree on a changed row", t, "(agree)");
			}
		}
	free(t);
	CHECK_INT("texts the two parses disagree on", bad, 0);
}

/* The same over strings long enough for the block-wise scan: Arabic, ASCII, a
 * three-byte character, each byte changed in turn. */
static void test_fast_parse_long(void)
{
	static const char row[] =
		"{\"t\":\"\xd8\xa7\xd9\x84\xd9\x85\xd8\xa7\xd9\x84\xd9\x83\xd9\x8a \xd9\x88\xd9\x86\xd8\xb5\xd9\x8a\xd8\xad\xd8\xa9 "
		"\xd8\xb3\xd8\xb9\xd9\x88\xd8\xaf, 2015 \xd8\xa7\xd9\x84\xd9\x81\xd9\x8a\xd8\xb5\xd9\x84\xe2\x80\x8f "
		"\xd8\xa7\xd9\x84\xd9\x85\xd8\xa7\xd9\x84\xd9\x83\xd9\x8a\xd8\xa7\xd9\x84\xd9\x85\xd8\xa7\xd9\x84\xd9\x83\xd9\x8a\","
		"\"u\":\"a plain ASCII text of some length, with (punctuation) and digits 0123456789\"}";
	static const char repl[] = { '"', '\\', 1, 0x7f, (char)0xC0, (char)0xC1, (char)0xC3, (char)0xD8,
				     (char)0x80, (char)0xBF, (char)0xE2, (char)0xF0, (char)0xFF, ' ', 'x' };
	char t[sizeof(row)];
	size_t i, k, n = sizeof(row) - 1, bad = 0;

	for (i = 0; i < n; i++)
		for (k = 0; k < sizeof(repl); k++) {
			memcpy(t, row, n + 1);
			t[i] = repl[k];
			if (parse_differs(t, n) && !bad++)
				CHECK_STR("fast and reference parse agree on a changed long row", t, "(agree)");
		}
	CHECK_INT("long texts the two parses disagree on", bad, 0);
	CHECK_INT("the long row parses", parse_differs(row, n), 0);
}

static void test_article_schema(void)
{
	const struct sahifa_embed *e = shf_embed_find("schema/article.schema.json");
	struct sahifa_schema *s = NULL;
	struct sahifa_json *v = NULL;
	struct sahifa_error err;
	struct collect col;
	static const char row[] =
		"{\"id\":\"0123456789abcdef0123456789abcdef\",\"schema_version\":\"2.0.0\","
		"\"source\":{\"name\":\"a.txt\",\"member\":null,\"bytes\":10,\"sha256\":"
		"\"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\","
		"\"encoding\":\"UTF-8\",\"declared_encoding\":null,\"format\":\"text\",\"warc\":null},"
		"\"headline\":\"\xd8\xae\xd8\xa8\xd8\xb1\","
		"\"byline\":null,\"authors\":[],\"url\":null,\"published\":null,\"modified\":null,"
		"\"site_name\":null,\"description\":null,\"html_lang\":null,\"lang\":\"ar\",\"lang_confidence\":0.9,\"lang_tag\":\"ar-Arab\","
		"\"script\":\"Arab\",\"scripts\":[{\"script\":\"Arab\",\"share\":1}],\"sections\":[{\"heading\":null,\"level\":1,"
		"\"paragraphs\":[{\"text\":\"\xd9\x86\xd8\xb5\",\"kind\":\"paragraph\",\"line\":2,\"lang\":\"ar\","
		"\"script\":\"Arab\"}]}],\"captions\":[],\"removed\":[],\"stats\":{\"lines\":2,"
		"\"blank_lines\":0,\"sections\":1,\"paragraphs\":1,\"captions\":0,\"removed\":0,"
		"\"characters\":2,\"words\":1,\"replaced\":0,\"marks_trimmed\":0}}";

	test_fast_parse(row);
	test_fast_parse_long();
	CHECK(e != NULL);
	if (!e)
		return;
	CHECK_INT("article schema compiles", shf_schema_compile(e->data, e->len, &s, &err), SAHIFA_OK);
	CHECK_INT("row parses", shf_json_parse(row, strlen(row), &v, &err), SAHIFA_OK);
	if (s && v) {
		memset(&col, 0, sizeof(col));
		CHECK_INT("row valid", shf_schema_validate(s, v, on_error, &col), 0);
		if (col.n)
			printf("  first error: %s %s\n", col.where, col.msg);
	}
	shf_json_free(v);
	shf_schema_free(s);
}

static enum sahifa_status count_csv_row(void *ctx, const char *const *fields, const size_t *lens,
					size_t n, long line)
{
	(void)fields;
	(void)lens;
	(void)n;
	(void)line;
	++*(int *)ctx;
	return SAHIFA_OK;
}

/* A CRLF split between two feeds is one line end, not a CR and a blank line (found by
 * tests/fuzz/fuzz_csv.c); a real blank line still fails wherever the feeds split. */
static void test_csv_feeds(void)
{
	static const char text[] = "a,b\r\n1,2\r\n";
	static const char blank[] = "a\r\n\r\nb\r\n";
	size_t cut;

	for (cut = 0; cut <= sizeof(text) - 1; cut++) {
		struct sahifa_csv_reader *r = NULL;
		struct sahifa_error err;
		int rows = 0;

		CHECK(shf_csv_reader_new(count_csv_row, &rows, &r, &err) == SAHIFA_OK);
		CHECK_INT("feed 1", shf_csv_reader_feed(r, text, cut, &err), SAHIFA_OK);
		CHECK_INT("feed 2", shf_csv_reader_feed(r, text + cut, sizeof(text) - 1 - cut, &err),
			  SAHIFA_OK);
		CHECK_INT("finish", shf_csv_reader_finish(r, &err), SAHIFA_OK);
		CHECK_INT("rows", rows, 2);
		shf_csv_reader_free(r);
	}
	for (cut = 0; cut <= sizeof(blank) - 1; cut++) {
		struct sahifa_csv_reader *r = NULL;
		struct sahifa_error err;
		int rows = 0;
		enum sahifa_status st;

		CHECK(shf_csv_reader_new(count_csv_row, &rows, &r, &err) == SAHIFA_OK);
		st = shf_csv_reader_feed(r, blank, cut, &err);
		if (!st)
			st = shf_csv_reader_feed(r, blank + cut, sizeof(blank) - 1 - cut, &err);
		CHECK_INT("blank line", st, SAHIFA_ERR_DATA);
		shf_csv_reader_free(r);
	}
}

int main(void)
{
	test_csv_feeds();
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct sahifa_schema *s = NULL;
		struct sahifa_json *v = NULL;
		struct sahifa_error err;
		struct collect col;
		char label[600];

		snprintf(label, sizeof(label), "%s / %s", cases[i].schema, cases[i].instance);
		memset(&col, 0, sizeof(col));
		if (shf_schema_compile(cases[i].schema, strlen(cases[i].schema), &s, &err)) {
			CHECK_STR(label, err.msg, "(compiles)");
			continue;
		}
		if (shf_json_parse(cases[i].instance, strlen(cases[i].instance), &v, &err)) {
			CHECK_STR(label, err.msg, "(parses)");
			shf_schema_free(s);
			continue;
		}
		CHECK_INT(label, shf_schema_validate(s, v, on_error, &col), cases[i].errors);
		if (cases[i].where) {
			CHECK_STR(label, col.where, cases[i].where);
			if (!strstr(col.msg, cases[i].msg))
				CHECK_STR(label, col.msg, cases[i].msg);
		}
		shf_json_free(v);
		shf_schema_free(s);
	}
	for (i = 0; i < sizeof(bad_schemas) / sizeof(bad_schemas[0]); i++) {
		struct sahifa_schema *s = NULL;
		struct sahifa_error err;
		enum sahifa_status st;

		sahifa_error_clear(&err);
		st = shf_schema_compile(bad_schemas[i].schema, strlen(bad_schemas[i].schema), &s, &err);
		CHECK_INT(bad_schemas[i].schema, st, SAHIFA_ERR_DATA);
		if (!strstr(err.msg, bad_schemas[i].msg))
			CHECK_STR(bad_schemas[i].schema, err.msg, bad_schemas[i].msg);
		CHECK_STR(bad_schemas[i].schema, err.where, bad_schemas[i].where);
		shf_schema_free(s);
	}
	for (i = 0; i < sizeof(parses) / sizeof(parses[0]); i++) {
		struct sahifa_json *v = NULL;
		struct sahifa_error err;
		size_t len = parses[i].len ? parses[i].len : strlen(parses[i].text);
		enum sahifa_status st;

		sahifa_error_clear(&err);
		st = shf_json_parse(parses[i].text, len, &v, &err);
		CHECK_INT(parses[i].text, st == SAHIFA_OK, parses[i].ok);
		if (!parses[i].ok) {
			if (parses[i].col)
				CHECK_INT(parses[i].text, err.col, parses[i].col);
			if (!strstr(err.msg, parses[i].msg))
				CHECK_STR(parses[i].text, err.msg, parses[i].msg);
		}
		shf_json_free(v);
	}
	test_depth();
	test_article_schema();
	return check_report();
}
