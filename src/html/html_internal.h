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

#endif
