/*
 * libFuzzer harness for the HTML path: decode, parse (libxml2), extract, metadata.
 * Aborts unless the record it makes is sound: every text valid UTF-8 and non-empty,
 * lines within the page, heading levels and removal reasons in range, and the record
 * writes as JSON.  The input's first byte picks a transport charset (none, UTF-8,
 * windows-1256, ISO-8859-1) so that the declared-charset paths are reached too.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sahifa/html.h"
#include "sahifa/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct sahifa_rules *rules;

static void require(int cond, const char *what)
{
	if (!cond) {
		fprintf(stderr, "fuzz_html: invariant broken: %s\n", what);
		abort();
	}
}

static void text_ok(const char *s, long line, const struct sahifa_article *a)
{
	require(s && *s, "empty text");
	require(sahifa_utf8_valid(s, strlen(s), NULL), "text is not valid UTF-8");
	require(line >= 0 && (uint64_t)line <= a->stats.lines, "line out of range");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const charsets[] = { NULL, "utf-8", "windows-1256", "iso-8859-1" };
	struct sahifa_article a;
	struct sahifa_error err;
	struct sahifa_buf json;
	size_t i, j;

	if (!rules && sahifa_rules_new_default(&rules, &err))
		abort();
	if (!size)
		return 0;
	sahifa_article_init(&a);
	if (!sahifa_html_convert(rules, data + 1, size - 1, charsets[data[0] & 3],
				 SAHIFA_INVALID_REPLACE, &a, &err)) {
		if (a.headline)
			text_ok(a.headline, a.headline_line, &a);
		if (a.byline)
			text_ok(a.byline, a.byline_line, &a);
		for (i = 0; i < a.n_sections; i++) {
			const struct sahifa_section *s = &a.sections[i];

			require(s->level >= 1 && s->level <= 6, "heading level out of range");
			if (s->heading)
				text_ok(s->heading, s->line, &a);
			for (j = 0; j < s->n_paragraphs; j++)
				text_ok(s->paragraphs[j].text, s->paragraphs[j].line, &a);
		}
		for (i = 0; i < a.n_captions; i++)
			text_ok(a.captions[i].text, a.captions[i].line, &a);
		for (i = 0; i < a.n_removed; i++) {
			text_ok(a.removed[i].text, a.removed[i].line, &a);
			require(a.removed[i].reason < SAHIFA_REASON_COUNT, "reason out of range");
		}
		sahifa_buf_init(&json, 0);
		require(sahifa_article_to_json(&a, &json, &err) == SAHIFA_OK, "record does not write");
		sahifa_buf_release(&json);
	}
	sahifa_article_release(&a);
	return 0;
}
