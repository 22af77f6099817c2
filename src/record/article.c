/* The article record's lifecycle, adders, names and counts (include/sahifa/article.h). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "sahifa/article.h"

static const char *const kind_names[] = { "paragraph", "list_item", "quote" };
/* In the order of enum sahifa_reason; schema/article.schema.json lists the same names. */
static const char *const reason_names[SAHIFA_REASON_COUNT] = {
	"chrome", "chrome_block", "bullet_marker", "caption_copy", "nav", "header", "footer",
	"aside", "comment", "share", "related", "ad", "link_dense", "hidden", "form", "menu",
	"link_list", "short_block", "cookie", "newsletter", "credit", "table", "outside",
	"title_copy", "dateline"
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

#define QD(name, member) { "" name, sizeof(name) - 1, offsetof(struct sahifa_quality, member), 0 }
#define QC(name, member) { "" name, sizeof(name) - 1, offsetof(struct sahifa_quality, member), 1 }
const struct sahifa_quality_field sahifa_quality_fields[] = {
	QC("lines", lines), QC("words", words), QC("sentences", sentences),
	QD("mean_word_length", mean_word_length),
	QD("terminal_punct_lines", terminal_punct_lines), QD("ellipsis_lines", ellipsis_lines),
	QD("short_lines", short_lines), QD("list_items", list_items),
	QD("symbol_word_ratio", symbol_word_ratio), QD("letter_share", letter_share),
	QD("alpha_words", alpha_words), QD("dup_lines", dup_lines),
	QD("dup_line_chars", dup_line_chars), QD("top_2gram_chars", top_ngram_chars[0]),
	QD("top_3gram_chars", top_ngram_chars[1]), QD("top_4gram_chars", top_ngram_chars[2]),
	QD("dup_5gram_chars", dup_ngram_chars[0]), QD("dup_6gram_chars", dup_ngram_chars[1]),
	QD("dup_7gram_chars", dup_ngram_chars[2]), QD("dup_8gram_chars", dup_ngram_chars[3]),
	QD("dup_9gram_chars", dup_ngram_chars[4]), QD("dup_10gram_chars", dup_ngram_chars[5]),
	QC("stopwords", stopwords), QD("stopword_share", stopword_share),
};
const size_t sahifa_quality_n_fields = COUNT(sahifa_quality_fields);

double sahifa_quality_value(const struct sahifa_quality *q, const struct sahifa_quality_field *f)
{
	const char *p = (const char *)q + f->offset;
	double d;
	uint64_t u;

	if (f->count) {
		memcpy(&u, p, sizeof(u));
		return (double)u;
	}
	memcpy(&d, p, sizeof(d));
	return d;
}

const struct sahifa_quality_field *sahifa_quality_field_find(const char *name)
{
	size_t i;

	for (i = 0; i < COUNT(sahifa_quality_fields); i++)
		if (!strcmp(sahifa_quality_fields[i].name, name))
			return &sahifa_quality_fields[i];
	return NULL;
}

void sahifa_article_init(struct sahifa_article *a)
{
	memset(a, 0, sizeof(*a));
	memcpy(a->tag.lang, "und", 4);
	memcpy(a->tag.script, "Zyyy", 5);
	memcpy(a->source.format, "text", 5);
}

void sahifa_article_release(struct sahifa_article *a)
{
	size_t i, j;

	free(a->source.name);
	free(a->source.member);
	free(a->source.declared_encoding);
	free(a->source.warc.file);
	free(a->source.warc.record_id);
	free(a->source.warc.date);
	free(a->source.warc.target_uri);
	free(a->headline);
	free(a->byline);
	free(a->url);
	for (i = 0; i < a->n_authors; i++)
		free(a->authors[i]);
	free(a->authors);
	free(a->published);
	free(a->modified);
	free(a->site_name);
	free(a->description);
	free(a->html_lang);
	for (i = 0; i < a->n_sections; i++) {
		struct sahifa_section *s = &a->sections[i];

		for (j = 0; j < s->n_paragraphs; j++)
			free(s->paragraphs[j].text);
		free(s->paragraphs);
		free(s->heading);
	}
	free(a->sections);
	for (i = 0; i < a->n_captions; i++)
		free(a->captions[i].text);
	free(a->captions);
	for (i = 0; i < a->n_removed; i++) {
		free(a->removed[i].text);
		free(a->removed[i].detail);
	}
	free(a->removed);
	sahifa_article_init(a);
}

/* Make room for one more element in a growable array; NULL when out of memory. */
static void *array_push(void **items, size_t *n, size_t *cap, size_t size)
{
	if (*n == *cap && shf_array_reserve(items, cap, *n + 1, size, 8))
		return NULL;
	return (char *)*items + (*n)++ * size;
}

static void langtag_init(struct sahifa_langtag *t)
{
	memset(t, 0, sizeof(*t));
	memcpy(t->lang, "und", 4);
	memcpy(t->script, "Zyyy", 5);
}

struct sahifa_section *sahifa_article_add_section(struct sahifa_article *a, const char *heading,
						  size_t len, int level, long line)
{
	char *copy = NULL;
	struct sahifa_section *s;

	if (heading && !(copy = sahifa_strndup(heading, len)))
		return NULL;
	s = array_push((void **)&a->sections, &a->n_sections, &a->cap_sections, sizeof(*s));
	if (!s) {
		free(copy);
		return NULL;
	}
	memset(s, 0, sizeof(*s));
	s->heading = copy;
	s->level = level;
	s->line = heading ? line : 0;
	return s;
}

struct sahifa_paragraph *sahifa_section_add_paragraph(struct sahifa_section *s, const char *text,
						      size_t len, enum sahifa_kind kind, long line)
{
	char *copy = sahifa_strndup(text, len);
	struct sahifa_paragraph *p;

	if (!copy)
		return NULL;
	p = array_push((void **)&s->paragraphs, &s->n_paragraphs, &s->cap_paragraphs, sizeof(*p));
	if (!p) {
		free(copy);
		return NULL;
	}
	p->text = copy;
	p->len = strnlen(copy, len);  /* a NUL inside ends the text, as it ends the string */
	p->kind = kind;
	p->line = line;
	p->lines = 1;
	langtag_init(&p->tag);
	return p;
}

struct sahifa_caption *sahifa_article_add_caption(struct sahifa_article *a, const char *text,
						  size_t len, long line)
{
	char *copy = sahifa_strndup(text, len);
	struct sahifa_caption *c;

	if (!copy)
		return NULL;
	c = array_push((void **)&a->captions, &a->n_captions, &a->cap_captions, sizeof(*c));
	if (!c) {
		free(copy);
		return NULL;
	}
	c->text = copy;
	c->line = line;
	langtag_init(&c->tag);
	return c;
}

struct sahifa_removed *sahifa_article_add_removed(struct sahifa_article *a, long line,
						  const char *text, size_t len,
						  enum sahifa_reason reason, const char *detail)
{
	char *copy = sahifa_strndup(text, len), *dcopy = NULL;
	struct sahifa_removed *r;

	if (!copy || (detail && !(dcopy = sahifa_strdup(detail)))) {
		free(copy);
		return NULL;
	}
	r = array_push((void **)&a->removed, &a->n_removed, &a->cap_removed, sizeof(*r));
	if (!r) {
		free(copy);
		free(dcopy);
		return NULL;
	}
	r->line = line;
	r->text = copy;
	r->reason = reason;
	r->detail = dcopy;
	return r;
}

enum sahifa_status sahifa_article_add_author(struct sahifa_article *a, const char *name,
					     size_t len)
{
	char **slot;
	size_t i;

	for (i = 0; i < a->n_authors; i++)
		if (strlen(a->authors[i]) == len && !memcmp(a->authors[i], name, len))
			return SAHIFA_OK;
	slot = array_push((void **)&a->authors, &a->n_authors, &a->cap_authors, sizeof(*slot));
	if (!slot)
		return SAHIFA_ERR_NOMEM;
	if (!(*slot = sahifa_strndup(name, len))) {
		a->n_authors--;
		return SAHIFA_ERR_NOMEM;
	}
	return SAHIFA_OK;
}

enum sahifa_status sahifa_article_set_str(char **field, const char *text, size_t len)
{
	char *copy = NULL;

	if (text && !(copy = sahifa_strndup(text, len)))
		return SAHIFA_ERR_NOMEM;
	free(*field);
	*field = copy;
	return SAHIFA_OK;
}

void sahifa_article_count(struct sahifa_article *a)
{
	size_t i, j;
	uint64_t paragraphs = 0, chars = 0, words = 0;

	for (i = 0; i < a->n_sections; i++)
		for (j = 0; j < a->sections[i].n_paragraphs; j++) {
			const char *t = a->sections[i].paragraphs[j].text;
			size_t len = a->sections[i].paragraphs[j].len;

			paragraphs++;
			chars += sahifa_utf8_chars(t, len);
			words += sahifa_utf8_words(t, len);
		}
	a->stats.sections = a->n_sections;
	a->stats.paragraphs = paragraphs;
	a->stats.captions = a->n_captions;
	a->stats.removed = a->n_removed;
	a->stats.characters = chars;
	a->stats.words = words;
}

const char *sahifa_kind_name(enum sahifa_kind kind)
{
	return (size_t)kind < COUNT(kind_names) ? kind_names[kind] : "paragraph";
}

int sahifa_kind_parse(const char *name, enum sahifa_kind *out)
{
	size_t i;

	for (i = 0; i < COUNT(kind_names); i++)
		if (!strcmp(name, kind_names[i])) {
			*out = (enum sahifa_kind)i;
			return 0;
		}
	return -1;
}

const char *sahifa_reason_name(enum sahifa_reason reason)
{
	return (size_t)reason < COUNT(reason_names) ? reason_names[reason] : "chrome";
}

int sahifa_reason_parse(const char *name, enum sahifa_reason *out)
{
	size_t i;

	for (i = 0; i < COUNT(reason_names); i++)
		if (!strcmp(name, reason_names[i])) {
			*out = (enum sahifa_reason)i;
			return 0;
		}
	return -1;
}
