/*
 * Page metadata (include/sahifa/html.h): meta tags, JSON-LD, <time> and the URL give
 * the headline, dates, URL, site name, description, language and authors.  The
 * headline is the candidate that the most sources agree on.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html/html_doc.h"
#include "html/html_extract_internal.h"
#include "html/html_internal.h"
#include "text/date.h"

/* A date is looked for in text only in blocks this short (a dateline, not prose). */
#define TEXT_DATE_MAX_CHARS 120

static int attr_is(const struct html_doc *d, uint32_t i, enum html_attr k, const char *want)
{
	size_t n;
	const char *v = html_attr_get(d, i, k, &n);

	return v && n == strlen(want) && !strncasecmp(v, want, n);
}

/* 1 when the attribute's value holds want, ASCII case ignored. */
static int attr_has(const struct html_doc *d, uint32_t i, enum html_attr k, const char *want)
{
	size_t n, wl = strlen(want), at;
	const char *v = html_attr_get(d, i, k, &n);

	if (!v)
		return 0;
	for (at = 0; at + wl <= n; at++)
		if (!strncasecmp(v + at, want, wl))
			return 1;
	return 0;
}

/* Copy s[0..len) with white space collapsed and trimmed into *field, if not set yet. */
static enum sahifa_status set_clean(char **field, const char *s, size_t len)
{
	struct sahifa_buf b;
	size_t i;
	int sp = 0;
	enum sahifa_status st = SAHIFA_OK;

	if (*field || !s)
		return SAHIFA_OK;
	sahifa_buf_init(&b, 0);
	for (i = 0; i < len && !st; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			sp = b.len > 0;
			continue;
		}
		if (sp)
			st = sahifa_buf_append_char(&b, ' ');
		sp = 0;
		if (!st)
			st = sahifa_buf_append_char(&b, (char)c);
	}
	if (!st && b.len && sahifa_utf8_valid(b.data, b.len, NULL))
		st = sahifa_article_set_str(field, b.data, b.len);
	sahifa_buf_release(&b);
	return st;
}

static void meta_set(struct metas *m, int k, const char *v, size_t n)
{
	if (!m->v[k] && v && n) {
		m->v[k] = v;
		m->n[k] = n;
	}
}

static int name_is(const char *v, size_t n, const char *w)
{
	return v && n == strlen(w) && !strncasecmp(v, w, n);
}

void html_meta_read(struct ex *x, struct metas *m)
{
	static const char *const pub_names[] = { "pubdate", "publishdate", "publish-date",
		"publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
		"dcterms.date", "sailthru.date", "parsely-pub-date", "article.published",
		"og:published_time", "datepublished", "originalpublicationdate",
		"article_date_original", "cxenseparse:recs:publishtime", "date_published",
		"publication_date", "release_date", "citation_date", "citation_publication_date" };
	const struct html_doc *d = x->d;
	size_t i, k;

	memset(m, 0, sizeof(*m));
	for (i = 0; i < d->n; i++) {
		const struct html_node *n = &d->nodes[i];
		const char *v, *c;
		size_t vn, cn;

		switch (n->tag) {
		case HT_HTML:
			if (!x->lang && (v = html_attr_get(d, (uint32_t)i, HA_LANG, &vn)) && vn)
				x->lang = v;
			break;
		case HT_TITLE:
			if (!x->title && n->first != HTML_NONE &&
			    d->nodes[n->first].tag == HT_TEXT) {
				x->title = html_text(d, n->first);
				x->title_len = d->nodes[n->first].text_len;
			}
			break;
		case HT_LINK:
			if (!x->canonical && attr_is(d, (uint32_t)i, HA_REL, "canonical") &&
			    (v = html_attr_get(d, (uint32_t)i, HA_HREF, &vn)) &&
			    !strncasecmp(v, "http", 4))
				x->canonical = v;
			break;
		case HT_SCRIPT:
			if (attr_is(d, (uint32_t)i, HA_TYPE, "application/ld+json") &&
			    n->first != HTML_NONE && d->nodes[n->first].tag == HT_TEXT)
				html_ld_read(html_text(d, n->first), d->nodes[n->first].text_len,
					     &x->ld);
			break;
		case HT_TIME:
			if ((v = html_attr_get(d, (uint32_t)i, HA_DATETIME, &vn))) {
				if (html_attr_get(d, (uint32_t)i, HA_PUBDATE, NULL) ||
				    attr_has(d, (uint32_t)i, HA_ITEMPROP, "datePublished"))
					meta_set(m, M_TIME_PUB, v, vn);
				meta_set(m, M_TIME, v, vn);
			}
			break;
		case HT_META:
			c = html_attr_get(d, (uint32_t)i, HA_CONTENT, &cn);
			if (!c || !cn)
				break;
			v = html_attr_get(d, (uint32_t)i, HA_PROPERTY, &vn);
			if (!v)
				v = html_attr_get(d, (uint32_t)i, HA_NAME, &vn);
			if (!v)
				v = html_attr_get(d, (uint32_t)i, HA_ITEMPROP, &vn);
			if (!v)
				break;
			if (name_is(v, vn, "og:title"))
				meta_set(m, M_OG_TITLE, c, cn);
			else if (name_is(v, vn, "twitter:title"))
				meta_set(m, M_TW_TITLE, c, cn);
			else if (name_is(v, vn, "og:url"))
				meta_set(m, M_OG_URL, c, cn);
			else if (name_is(v, vn, "og:site_name"))
				meta_set(m, M_OG_SITE, c, cn);
			else if (name_is(v, vn, "description"))
				meta_set(m, M_DESC, c, cn);
			else if (name_is(v, vn, "og:description"))
				meta_set(m, M_OG_DESC, c, cn);
			else if ((name_is(v, vn, "author") || name_is(v, vn, "article:author") ||
				  name_is(v, vn, "dc.creator") || name_is(v, vn, "byl")) &&
				 strncasecmp(c, "http", 4))
				meta_set(m, M_AUTHOR, c, cn);
			else if (name_is(v, vn, "article:published_time"))
				meta_set(m, M_PUB, c, cn);
			else if (name_is(v, vn, "article:modified_time") ||
				 name_is(v, vn, "og:updated_time") ||
				 name_is(v, vn, "datemodified") || name_is(v, vn, "dateModified") ||
				 name_is(v, vn, "last-modified"))
				meta_set(m, M_MOD, c, cn);
			else
				for (k = 0; k < sizeof(pub_names) / sizeof(pub_names[0]); k++)
					if (name_is(v, vn, pub_names[k])) {
						meta_set(m, M_PUB2, c, cn);
						break;
					}
			break;
		default:
			if (attr_has(d, (uint32_t)i, HA_ITEMPROP, "datePublished")) {
				if ((v = html_attr_get(d, (uint32_t)i, HA_CONTENT, &vn)) ||
				    (v = html_attr_get(d, (uint32_t)i, HA_DATETIME, &vn)))
					meta_set(m, M_ITEMPROP_PUB, v, vn);
			}
			break;
		}
	}
}

static enum sahifa_status set_date(char **field, const char *s, size_t n)
{
	char iso[64];

	if (*field || !s || shf_date_iso(s, n, iso, sizeof(iso)))
		return SAHIFA_OK;
	return sahifa_article_set_str(field, iso, strlen(iso));
}

/* Compare for agreement: ASCII case and white space ignored. */
int html_same_text(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;

	for (;;) {
		while (i < an && isspace((unsigned char)a[i]))
			i++;
		while (j < bn && isspace((unsigned char)b[j]))
			j++;
		if (i == an || j == bn)
			return i == an && j == bn;
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[j]))
			return 0;
		i++;
		j++;
	}
}

/* 1 when the shorter text (at least 10 bytes) occurs in the longer one. */
static int within_text(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i;

	if (an > bn) {
		const char *t = a;
		size_t tn = an;

		a = b;
		an = bn;
		b = t;
		bn = tn;
	}
	if (an < 10)
		return 0;
	for (i = 0; i + an <= bn; i++)
		if (!strncasecmp(a, b + i, an) && (i == 0 || b[i - 1] == ' '))
			return 1;
	return 0;
}

/* 1 when the shorter text starts the longer one (a title with its site suffix). */
static int starts_text(const char *a, size_t an, const char *b, size_t bn)
{
	if (an > bn) {
		const char *t = a;
		size_t tn = an;

		a = b;
		an = bn;
		b = t;
		bn = tn;
	}
	return an >= 8 && html_same_text(a, an, b, an);
}

/* <title> without its site part: the text before the last separator, when what
 * follows is short; a leading site name is dropped too. */
static size_t title_core(const char *t, size_t n, const char *site, size_t site_n,
			 const char **start)
{
	static const char *const seps[] = { " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
					    " :: ", " \xC2\xAB ", " \xC2\xBB ", " / ", " :", "|",
					    "\xEF\xBD\x9C" };
	size_t k, i;

	*start = t;
	for (k = 0; k < sizeof(seps) / sizeof(seps[0]); k++) {
		size_t sl = strlen(seps[k]);

		for (i = n; i-- > 0;) {
			if (i + sl > n || memcmp(t + i, seps[k], sl))
				continue;
			if (n - i - sl < i && n - i - sl > 0) {
				n = i;
				break;
			}
			if (site && i == site_n && !strncasecmp(t, site, site_n)) {
				*start = t + i + sl;
				return n - i - sl;
			}
			break;
		}
	}
	return n;
}

/* Headline: the h1 that another source agrees with, else og:title / JSON-LD, else the
 * <title> without its site part, else the first h1.  Returns the block taken, or -1. */
long html_meta_headline(struct ex *x, const struct metas *m, struct sahifa_article *a,
			 enum sahifa_status *st)
{
	const char *cands[3];
	size_t cn[3], nc = 0, k, j;
	long first_h1 = -1, first_h1_in = -1, first_h2_in = -1;
	int seen_para = 0;
	const char *core = NULL;
	size_t core_n = 0;

	if (m->v[M_OG_TITLE]) {
		cands[nc] = m->v[M_OG_TITLE];
		cn[nc++] = m->n[M_OG_TITLE];
	}
	if (x->ld.headline) {
		cands[nc] = x->ld.headline;
		cn[nc++] = strlen(x->ld.headline);
	}
	if (x->title) {
		core_n = title_core(x->title, x->title_len, m->v[M_OG_SITE], m->n[M_OG_SITE], &core);
		cands[nc] = x->title;
		cn[nc++] = x->title_len;
	}
	for (k = 0; k < x->nb; k++) {
		const struct block *b = &x->b[k];
		const char *s = x->text.data + b->start;

		if (b->kind != BK_HEADING && (x->flags[b->owner] & F_CHOSEN) && b->chars >= PROSE_MIN_CHARS)
			seen_para = 1;
		if (b->kind != BK_HEADING || b->level > 2)
			continue;
		for (j = 0; j < nc; j++)
			if (html_same_text(s, b->len, cands[j], cn[j]) ||
			    starts_text(s, b->len, cands[j], cn[j]) ||
			    (b->len <= cn[j] && within_text(s, b->len, cands[j], cn[j]))) {
				*st = sahifa_article_set_str(&a->headline, s, b->len);
				return (long)k;
			}
		if (first_h1_in < 0 && !seen_para && b->level == 2 &&
		    (x->flags[b->owner] & F_CHOSEN))
			first_h2_in = (long)k;
		if (b->level == 1) {
			if (first_h1 < 0)
				first_h1 = (long)k;
			if (first_h1_in < 0 && (x->flags[b->owner] & F_CHOSEN))
				first_h1_in = (long)k;
		}
	}
	if (m->v[M_OG_TITLE] && core_n && starts_text(m->v[M_OG_TITLE], m->n[M_OG_TITLE], core, core_n)) {
		*st = set_clean(&a->headline, m->v[M_OG_TITLE], m->n[M_OG_TITLE]);
		return -1;
	}
	if (first_h1_in >= 0) {
		const struct block *b = &x->b[first_h1_in];

		*st = sahifa_article_set_str(&a->headline, x->text.data + b->start, b->len);
		return first_h1_in;
	}
	if (first_h1_in < 0 && first_h2_in >= 0) {
		const struct block *b = &x->b[first_h2_in];

		*st = sahifa_article_set_str(&a->headline, x->text.data + b->start, b->len);
		return first_h2_in;
	}
	if (x->ld.headline) {
		const char *c;
		size_t n = title_core(x->ld.headline, strlen(x->ld.headline), m->v[M_OG_SITE],
				      m->n[M_OG_SITE], &c);

		*st = set_clean(&a->headline, c, n);
	} else if (m->v[M_OG_TITLE]) {
		const char *c;
		size_t n = title_core(m->v[M_OG_TITLE], m->n[M_OG_TITLE], m->v[M_OG_SITE],
				      m->n[M_OG_SITE], &c);

		*st = set_clean(&a->headline, c, n);
	} else if (core_n)
		*st = set_clean(&a->headline, core, core_n);
	else if (first_h1 >= 0) {
		const struct block *b = &x->b[first_h1];

		*st = sahifa_article_set_str(&a->headline, x->text.data + b->start, b->len);
		return first_h1;
	}
	return -1;
}

enum sahifa_status html_meta_fill(struct ex *x, const struct metas *m, struct sahifa_article *a)
{
	enum sahifa_status st = SAHIFA_OK;
	char iso[64];
	size_t k;
	int pass;

	if (!a->url) {
		if (x->canonical)
			st = set_clean(&a->url, x->canonical, strlen(x->canonical));
		else if (m->v[M_OG_URL] && !strncasecmp(m->v[M_OG_URL], "http", 4))
			st = set_clean(&a->url, m->v[M_OG_URL], m->n[M_OG_URL]);
		else if (x->ld.url && !strncasecmp(x->ld.url, "http", 4))
			st = set_clean(&a->url, x->ld.url, strlen(x->ld.url));
	}
	if (!st && x->ld.published)
		st = set_date(&a->published, x->ld.published, strlen(x->ld.published));
	if (!st)
		st = set_date(&a->published, m->v[M_PUB], m->n[M_PUB]);
	if (!st)
		st = set_date(&a->published, m->v[M_PUB2], m->n[M_PUB2]);
	if (!st)
		st = set_date(&a->published, m->v[M_ITEMPROP_PUB], m->n[M_ITEMPROP_PUB]);
	if (!st)
		st = set_date(&a->published, m->v[M_TIME_PUB], m->n[M_TIME_PUB]);
	if (!st && !a->published && a->url && !shf_date_url(a->url, iso, sizeof(iso)))
		st = sahifa_article_set_str(&a->published, iso, strlen(iso));
	if (!st)
		st = set_date(&a->published, m->v[M_TIME], m->n[M_TIME]);
	/* last: a date written in a short block, in the content first */
	for (pass = 0; pass < 2 && !st && !a->published; pass++)
		for (k = 0; k < x->nb && !a->published; k++) {
			const struct block *b = &x->b[k];

			if (b->chars > TEXT_DATE_MAX_CHARS ||
			    (pass == 0) != ((x->flags[b->owner] & F_CHOSEN) != 0))
				continue;
			if (!shf_date_text(x->text.data + b->start, b->len, iso, sizeof(iso)))
				st = sahifa_article_set_str(&a->published, iso, strlen(iso));
		}
	if (!st && x->ld.modified)
		st = set_date(&a->modified, x->ld.modified, strlen(x->ld.modified));
	if (!st)
		st = set_date(&a->modified, m->v[M_MOD], m->n[M_MOD]);
	if (!st)
		st = set_clean(&a->site_name, m->v[M_OG_SITE], m->n[M_OG_SITE]);
	if (!st && x->ld.publisher)
		st = set_clean(&a->site_name, x->ld.publisher, strlen(x->ld.publisher));
	if (!st)
		st = set_clean(&a->description, m->v[M_DESC], m->n[M_DESC]);
	if (!st)
		st = set_clean(&a->description, m->v[M_OG_DESC], m->n[M_OG_DESC]);
	if (!st && x->ld.description)
		st = set_clean(&a->description, x->ld.description, strlen(x->ld.description));
	if (!st && x->lang)
		st = set_clean(&a->html_lang, x->lang, strlen(x->lang));
	for (k = 0; !st && k < x->ld.n_authors; k++) {
		char *name = NULL;

		st = set_clean(&name, x->ld.authors[k], strlen(x->ld.authors[k]));
		if (!st && name)
			st = sahifa_article_add_author(a, name, strlen(name));
		free(name);
	}
	if (!st && !a->n_authors && m->v[M_AUTHOR]) {
		char *name = NULL;

		st = set_clean(&name, m->v[M_AUTHOR], m->n[M_AUTHOR]);
		if (!st && name)
			st = sahifa_article_add_author(a, name, strlen(name));
		free(name);
	}
	return st;
}
