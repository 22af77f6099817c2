/* The layout of a release (src/release/layout.h). */
#include <stdio.h>
#include <string.h>

#include "release/layout.h"

static const char *const split_names[SAHIFA_SPLIT_COUNT] = { "train", "validation", "test" };

const char *const shf_layout_articles_columns[SHF_LAYOUT_ARTICLES_COLUMNS] = {
	"id", "split", "headline", "byline", "lang", "script", "lang_confidence", "sections",
	"paragraphs", "captions", "removed", "characters", "words", "source_name",
	"source_member", "source_sha256", "source_encoding", "url", "published", "modified",
	"site_name", "description", "html_lang", "source_declared_encoding", "source_format",
};

const char *const shf_layout_paragraphs_columns[SHF_LAYOUT_PARAGRAPHS_COLUMNS] = {
	"article_id", "split", "section_index", "heading", "level", "paragraph_index", "kind",
	"lang", "script", "line", "text",
};

const char *sahifa_split_name(enum sahifa_split split)
{
	return (unsigned)split < SAHIFA_SPLIT_COUNT ? split_names[split] : "train";
}

int shf_layout_split_index(const char *s, size_t len)
{
	int i;

	for (i = 0; i < SAHIFA_SPLIT_COUNT; i++)
		if (strlen(split_names[i]) == len && !memcmp(split_names[i], s, len))
			return i;
	return -1;
}

int shf_layout_shard_name(char *buf, size_t size, enum sahifa_split split, size_t index,
			     size_t count)
{
	int n;

	if ((unsigned)split >= SAHIFA_SPLIT_COUNT || index >= count || count > SHF_LAYOUT_SHARD_MAX)
		return -1;
	n = snprintf(buf, size, "data/%s-%05zu-of-%05zu.jsonl", split_names[split], index, count);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* Exactly five digits at s into *v. */
static int five_digits(const char *s, size_t *v)
{
	size_t i;

	*v = 0;
	for (i = 0; i < 5; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (size_t)(s[i] - '0');
	}
	return 0;
}

int shf_layout_shard_parse(const char *rel, size_t *index, size_t *count)
{
	const char *name = rel + 5, *dash;
	size_t a, b;
	int split;

	if (strncmp(rel, "data/", 5) || strchr(name, '/') || !(dash = strchr(name, '-')))
		return -2;
	/* -NNNNN-of-MMMMM.jsonl */
	if (strlen(dash) != strlen("-00000-of-00001.jsonl") || five_digits(dash + 1, &a) ||
	    strncmp(dash + 6, "-of-", 4) || five_digits(dash + 10, &b) || strcmp(dash + 15, ".jsonl") ||
	    a >= b)
		return -1;
	if ((split = shf_layout_split_index(name, (size_t)(dash - name))) < 0)
		return -1;
	if (index)
		*index = a;
	if (count)
		*count = b;
	return split;
}
