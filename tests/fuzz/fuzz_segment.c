/*
 * libFuzzer harness for the segmenter: segments the input with the default rules, and
 * with the input itself loaded as a rules file on top when it parses as one, and aborts
 * unless every non-blank line is accounted for exactly once (headline, byline, heading,
 * paragraph, caption or removed line).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sahifa/segment.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void require(int cond, const char *what)
{
	if (!cond) {
		fprintf(stderr, "fuzz_segment: invariant broken: %s\n", what);
		abort();
	}
}

static void mark(unsigned char *seen, uint64_t lines, long line, uint64_t *total)
{
	require(line >= 1 && (uint64_t)line <= lines, "line number out of range");
	require(!seen[line]++, "a line is accounted for twice");
	(*total)++;
}

static void check(const struct sahifa_article *a)
{
	uint64_t total = 0;
	unsigned char *seen = calloc((size_t)a->stats.lines + 1, 1);
	size_t i, j;

	require(seen != NULL, "out of memory");
	require(!a->headline == !a->headline_line, "headline and its line disagree");
	require(!a->byline == !a->byline_line, "byline and its line disagree");
	if (a->headline)
		for (j = 0; j < (size_t)(a->headline_lines > 1 ? a->headline_lines : 1); j++)
			mark(seen, a->stats.lines, a->headline_line + (long)j, &total);
	if (a->byline)
		for (j = 0; j < (size_t)(a->byline_lines > 1 ? a->byline_lines : 1); j++)
			mark(seen, a->stats.lines, a->byline_line + (long)j, &total);
	for (i = 0; i < a->n_sections; i++) {
		const struct sahifa_section *s = &a->sections[i];

		require(s->heading ? s->level >= 2 && s->level <= 3 : s->level == 1 && !s->line,
			"section level");
		if (s->heading)
			mark(seen, a->stats.lines, s->line, &total);
		for (j = 0; j < s->n_paragraphs; j++) {
			long k;

			require(s->paragraphs[j].lines >= 1, "paragraph spans no line");
			for (k = 0; k < s->paragraphs[j].lines; k++)
				mark(seen, a->stats.lines, s->paragraphs[j].line + k, &total);
		}
	}
	for (i = 0; i < a->n_captions; i++)
		mark(seen, a->stats.lines, a->captions[i].line, &total);
	for (i = 0; i < a->n_removed; i++)
		mark(seen, a->stats.lines, a->removed[i].line, &total);
	require(a->stats.blank_lines <= a->stats.lines, "more blank lines than lines");
	require(total == a->stats.lines - a->stats.blank_lines,
		"a non-blank line is not accounted for");
	require(a->stats.removed == a->n_removed && a->stats.sections == a->n_sections,
		"stats not counted");
	free(seen);
}

static void run(const struct sahifa_rules *rules, const uint8_t *data, size_t size)
{
	struct sahifa_article a;
	struct sahifa_error err;
	enum sahifa_status st;

	sahifa_article_init(&a);
	st = sahifa_segment(rules, (const char *)data, size, &a, &err);
	require(st == SAHIFA_OK || st == SAHIFA_ERR_LIMIT, "unexpected failure");
	if (st == SAHIFA_OK)
		check(&a);
	sahifa_article_release(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sahifa_rules *defaults;
	struct sahifa_rules *extra = NULL;
	struct sahifa_error err;

	if (!defaults && sahifa_rules_new_default(&defaults, &err) != SAHIFA_OK)
		abort();
	run(defaults, data, size);
	if (sahifa_rules_new_default(&extra, &err) == SAHIFA_OK &&
	    sahifa_rules_load_mem(extra, "fuzz", (const char *)data, size, &err) == SAHIFA_OK)
		run(extra, data, size);
	sahifa_rules_free(extra);
	return 0;
}
