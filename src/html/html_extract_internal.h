/*
 * Shared by the extractor of src/html/ (html_extract.c: blocks and the main content)
 * and its metadata (html_meta.c): the state of one page's extraction.
 */
#ifndef SAHIFA_HTML_EXTRACT_INTERNAL_H
#define SAHIFA_HTML_EXTRACT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "sahifa/buf.h"
#include "html/html_doc.h"
#include "html/html_internal.h"
#include "sahifa/article.h"
#include "sahifa/html.h"

#define NO_REASON 0xFF

enum bkind { BK_PARA, BK_HEADING, BK_LI, BK_QUOTE, BK_CAPTION, BK_ROW, BK_TITLE };

struct block {
	size_t start, len;     /* bytes in ex.text */
	long line;
	uint32_t owner;        /* the element whose text it is */
	uint8_t kind, level;
	uint32_t chars, link_chars, punct;
	uint32_t span;         /* length for prose tests: a wide (CJK) character counts 2 */
	int byline;            /* inside an author or byline element */
};

struct ex {
	const struct html_doc *d;
	const struct sahifa_rules *rules;
	struct sahifa_buf text;   /* block texts */
	struct block *b;
	size_t nb, capb;
	/* per node */
	uint8_t *own;             /* reason of the element itself, NO_REASON */
	uint8_t *soft;            /* own came from class words or a hidden state */
	uint32_t *prose;          /* prose blocks below each node */
	float *weight;            /* class/id/tag weight */
	uint8_t *flags;
	double *score;
	uint32_t *chars, *links;  /* text and link text below each node */
	/* the block being built */
	size_t cur_start;
	long cur_line;
	uint32_t cur_owner, cur_links, cur_byline;
	int pending_space;
	int br_run;
	/* metadata found on the way */
	const char *title, *lang, *canonical, *og_url;
	size_t title_len;
	struct html_ld ld;
};

#define F_SKIP 1          /* no text below (script, style, ...) */
#define F_DATA_TABLE 2    /* a table of data: rows become blocks */
#define F_BYLINE 4        /* an author or byline element */
#define F_CHOSEN 8        /* part of the main content */
#define F_BLOCK_BELOW 16  /* holds a block-level element */
#define F_GALLERY 32      /* gallery or slideshow words in its own class or id */

/* Prose blocks: long enough, few links, punctuated like sentences. */
#define PROSE_MIN_CHARS 80

/* Meta tag values of a page, borrowed from the document. */
struct metas {
	const char *v[16];
	size_t n[16];
};

enum { M_OG_TITLE, M_OG_URL, M_OG_SITE, M_DESC, M_OG_DESC, M_AUTHOR, M_PUB, M_PUB2,
       M_MOD, M_TIME, M_TIME_PUB, M_ITEMPROP_PUB, M_TW_TITLE, M_GENERATOR, M_COUNT };

/* Compare for agreement: ASCII case and white space ignored. */
int html_same_text(const char *a, size_t an, const char *b, size_t bn);
/* The page's <title>, language, canonical link, JSON-LD (into x) and meta tags. */
void html_meta_read(struct ex *x, struct metas *m);
/* Set a->headline; returns the block taken as the headline, or -1; *st on error. */
long html_meta_headline(struct ex *x, const struct metas *m, struct sahifa_article *a,
			enum sahifa_status *st);
/* URL, dates, site name, description, language and authors into a. */
enum sahifa_status html_meta_fill(struct ex *x, const struct metas *m, struct sahifa_article *a);

#endif
