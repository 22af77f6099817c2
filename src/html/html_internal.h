/*
 * Shared by the files of src/html/: page metadata as found, and the JSON-LD reader
 * (src/html/json_ld.c, the cJSON seam of this folder).
 */
#ifndef SAHIFA_HTML_INTERNAL_H
#define SAHIFA_HTML_INTERNAL_H

#include <stddef.h>

#include "html/html_doc.h"
#include "sahifa/article.h"

#define HTML_LD_AUTHORS 8

/* What the JSON-LD blocks of a page say of the article; every string owned (malloc). */
struct html_ld {
	char *headline, *published, *modified, *body, *url, *publisher, *description;
	char *authors[HTML_LD_AUTHORS];
	size_t n_authors;
};

void html_ld_release(struct html_ld *ld);
/* Read one <script type="application/ld+json"> text; fields already set are kept.
 * Bad JSON is ignored (pages carry broken JSON-LD): returns 0 read, -1 not JSON. */
int html_ld_read(const char *json, size_t len, struct html_ld *ld);

/* A date as found in a page (ISO 8601, RFC 2822, "2020/05/03", ...) as ISO 8601 in
 * out ("YYYY-MM-DD" or with a time); 0 ok, -1 no date. */
int html_date_iso(const char *s, size_t len, char *out, size_t size);
/* The first date written in running text ("2020/04/24", "24-04-2020", "24 April 2020",
 * "24 أبريل 2020", Arabic-Indic digits); 0 ok, -1 none. */
int html_text_date(const char *s, size_t len, char *out, size_t size);
/* A date in a URL path (/2020/05/03/, /2020-05-03, /20200503); 0 ok, -1 none. */
int html_url_date(const char *url, char *out, size_t size);

/* Metadata of the page into a (headline candidates are returned, not set). */
struct html_meta {
	char *title, *og_title, *h1;  /* borrowed or owned as noted in html_meta.c */
};

#endif
