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
			else if (name_is(v, vn, "generator"))
				meta_set(m, M_GENERATOR, c, cn);
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

/* ---- the headline ---- */

/* A title candidate longer than this (bytes) is looked at in its first bytes only. */
#define TITLE_MAX 600
/* Parts of a title between separators; more are taken as one last part. */
#define TITLE_SEGS 12
/* "Kicker: Headline" or "Headline Site": a heading that is the candidate with at most
 * this share of its length more is read as the candidate. */
#define TITLE_EXTRA_SHARE 0.4
/* A heading that holds at least this share of the candidate (and starts or ends it) is
 * the printed form of it. */
#define TITLE_PART_SHARE 0.6

struct tseg {
	size_t b, e;
	int site;
	int after_colon;  /* "Title: subtitle" is no site part */
};

struct tcand {
	char t[TITLE_MAX];  /* white space collapsed */
	size_t n;
	struct tseg seg[TITLE_SEGS];
	size_t nseg;
	size_t cb, ce;      /* the core: without site parts at either end */
	int support;
};

/* The next unit of s to compare, from *i: ASCII lower-cased, dashes as '-', quotes
 * as '\'' or '"', white space skipped; -1 at the end. */
static int fold_next(const char *s, size_t n, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s;

	while (*i < n) {
		unsigned char c = u[*i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			(*i)++;
			continue;
		}
		if (c == 0xC2 && *i + 1 < n && (u[*i + 1] == 0xA0 || u[*i + 1] == 0xAB ||
						u[*i + 1] == 0xBB)) {
			*i += 2;
			if (u[*i - 1] == 0xA0)
				continue;
			return '"';
		}
		if (c == 0xE2 && *i + 2 < n && u[*i + 1] == 0x80) {
			unsigned char d = u[*i + 2];

			if (d >= 0x90 && d <= 0x95) {
				*i += 3;
				return '-';
			}
			if (d >= 0x98 && d <= 0x9B) {
				*i += 3;
				return '\'';
			}
			if (d >= 0x9C && d <= 0x9F) {
				*i += 3;
				return '"';
			}
		}
		(*i)++;
		return tolower(c);
	}
	return -1;
}

/* Agreement of two titles: case of ASCII, white space and dash and quote forms aside. */
static int agree(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;

	for (;;) {
		int x = fold_next(a, an, &i), y = fold_next(b, bn, &j);

		if (x != y)
			return 0;
		if (x < 0)
			return 1;
	}
}

#define FOLD_MAX 700

static size_t fold_all(const char *s, size_t n, int *out)
{
	size_t i = 0, k = 0;
	int c;

	while (k < FOLD_MAX && (c = fold_next(s, n, &i)) >= 0)
		out[k++] = c;
	return k;
}

/* How a heading h relates to a candidate c: 3 the same; 2 nearly (two units differ:
 * a typo, a dropped dash); 1 h is c with a short kicker before or a trailer after
 * (then c is the headline); -1 h is most of c, at its start or end (h is the printed
 * form); 0 none. */
static int relate(const char *h, size_t hn, const char *c, size_t cn)
{
	int fh[FOLD_MAX], fc[FOLD_MAX];
	size_t lh = fold_all(h, hn, fh), lc = fold_all(c, cn, fc), p = 0, q = 0, lmin, lmax;

	if (!lh || !lc)
		return 0;
	lmin = lh < lc ? lh : lc;
	lmax = lh < lc ? lc : lh;
	while (p < lmin && fh[p] == fc[p])
		p++;
	while (q < lmin && fh[lh - 1 - q] == fc[lc - 1 - q])
		q++;
	if (p == lmax && lh == lc)
		return 3;
	if (lmin >= 10 && p + (q < lmin - p ? q : lmin - p) + 2 >= lmax && lmax - lmin <= 2)
		return 2;
	if (p == lmin || q == lmin) {
		if (lh > lc && lc >= 10 && (double)(lh - lc) <= TITLE_EXTRA_SHARE * (double)lc)
			return 1;
		if (lh < lc && lh >= 8 && (double)lh >= TITLE_PART_SHARE * (double)lc)
			return -1;
	}
	return 0;
}

/* A lead byte of CJK and other scripts of U+3000 and above. */
static int cjk_byte(unsigned char c)
{
	return c >= 0xE3;
}

/* Split c->t at the separators sites put between a title and their name. */
static void split_title(struct tcand *c)
{
	static const char *const spaced[] = { "|", "-", "\xE2\x80\x93", "\xE2\x80\x94", "::",
		"\xC2\xAB", "\xC2\xBB", "/", "\xC2\xB7", "\xE2\x80\xA2", "@", "~", ":", "\xEF\xBD\x9C" };
	static const char *const bare[] = { "|", "\xEF\xBD\x9C", "\xC2\xBB" };
	size_t i = 0, start = 0, k;

	c->nseg = 0;
	c->seg[0].after_colon = 0;
	while (i < c->n && c->nseg + 1 < TITLE_SEGS) {
		size_t sl = 0;

		for (k = 0; k < sizeof(spaced) / sizeof(spaced[0]) && !sl; k++) {
			size_t l = strlen(spaced[k]);

			/* " | ", or at the start or the end: "| Title", "Title ::" */
			if (!strncmp(c->t + i, spaced[k], l) && (i == 0 || c->t[i - 1] == ' ') &&
			    (i + l == c->n || c->t[i + l] == ' ') &&
			    (i > 0 || strcmp(spaced[k], ":")))  /* ":" only between words */
				sl = l;
		}
		for (k = 0; k < sizeof(bare) / sizeof(bare[0]) && !sl; k++)
			if (!strncmp(c->t + i, bare[k], strlen(bare[k])))
				sl = strlen(bare[k]);
		/* "标题-新华网": a bare '-' or '_' between CJK text */
		if (!sl && (c->t[i] == '-' || c->t[i] == '_') && i > 0 && i + 1 < c->n &&
		    (unsigned char)c->t[i - 1] >= 0x80 && cjk_byte((unsigned char)c->t[i + 1]))
			sl = 1;
		if (!sl) {
			i++;
			continue;
		}
		c->seg[c->nseg].b = start;
		c->seg[c->nseg].e = i;
		c->seg[c->nseg].site = 0;
		c->seg[++c->nseg].after_colon = sl == 1 && c->t[i] == ':';
		i += sl;
		start = i;
	}
	c->seg[c->nseg].b = start;
	c->seg[c->nseg].e = c->n;
	c->seg[c->nseg].site = 0;
	c->nseg++;
	/* trim the parts; empty ones ("Title ::") are site parts of nothing */
	for (k = 0; k < c->nseg; k++) {
		struct tseg *g = &c->seg[k];

		while (g->b < g->e && c->t[g->b] == ' ')
			g->b++;
		while (g->e > g->b && c->t[g->e - 1] == ' ')
			g->e--;
		if (g->b == g->e)
			g->site = 1;
	}
}

/* ASCII letters and digits lower-cased, other ASCII dropped, other bytes kept. */
static size_t squeeze(const char *s, size_t n, char *out, size_t size)
{
	size_t i, k = 0;

	for (i = 0; i < n && k + 1 < size; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80 || isalnum(c))
			out[k++] = (char)tolower(c);
	}
	out[k] = '\0';
	return k;
}

/* The names a site goes by: og:site_name, the JSON-LD publisher, and the host name
 * of the page's URL (its labels but "www" and the last, and all of it). */
struct site_names {
	char name[4][128];
	size_t n;
};

static void site_add(struct site_names *sn, const char *s, size_t n)
{
	if (sn->n < 4 && s && n && squeeze(s, n, sn->name[sn->n], sizeof(sn->name[0])) >= 3)
		sn->n++;
}

static void site_names(const struct ex *x, const struct metas *m, const struct sahifa_article *a,
		       struct site_names *sn)
{
	const char *url = a->url ? a->url : x->canonical ? x->canonical : m->v[M_OG_URL];
	const char *h, *end, *dot;

	sn->n = 0;
	site_add(sn, m->v[M_OG_SITE], m->n[M_OG_SITE]);
	if (x->ld.publisher)
		site_add(sn, x->ld.publisher, strlen(x->ld.publisher));
	if (!url || !(h = strstr(url, "://")))
		return;
	h += 3;
	end = h + strcspn(h, "/?#:");
	if (end - h > 4 && !strncasecmp(h, "www.", 4))
		h += 4;
	site_add(sn, h, (size_t)(end - h));
	/* the longest label but the top-level one */
	{
		const char *best = NULL, *p = h;
		size_t best_n = 0;

		while (p < end) {
			dot = memchr(p, '.', (size_t)(end - p));
			if (!dot)
				break;
			if ((size_t)(dot - p) > best_n) {
				best = p;
				best_n = (size_t)(dot - p);
			}
			p = dot + 1;
		}
		if (best && best_n >= 4)
			site_add(sn, best, best_n);
	}
}

/* A part of a title is the site's when it is one of its names, or holds its host
 * label ("Vegolosi.it", "MDR.DE", "Rueda in Berlin" on rueda.wikidot.com). */
static int is_site(const struct site_names *sn, const char *s, size_t n)
{
	char q[TITLE_MAX];
	size_t qn = squeeze(s, n, q, sizeof(q)), k;

	if (!qn)
		return 1;
	for (k = 0; k < sn->n; k++) {
		if (!strcmp(q, sn->name[k]))
			return 1;
		if (strlen(sn->name[k]) >= 4 && k > 0 && strstr(q, sn->name[k]) &&
		    qn < 3 * strlen(sn->name[k]))
			return 1;
	}
	return 0;
}

/* The core of a title: without the site's parts at either end; when none is known,
 * without a last part that is shorter than the rest ("Title | Some Site"), else a
 * first one ("Some Site | Title"). */
static void cand_core(struct tcand *c)
{
	size_t b = 0, e = c->nseg;
	int known = 0;

	for (b = 0; b < c->nseg; b++)
		known |= c->seg[b].site && c->seg[b].b < c->seg[b].e;
	b = 0;
	if (!known && e >= 2 && !c->seg[e - 1].after_colon &&
	    c->seg[e - 1].e - c->seg[e - 1].b < c->seg[e - 2].e - c->seg[0].b)
		e--;
	else if (!known && e >= 2 && !c->seg[1].after_colon &&
		 c->seg[0].e - c->seg[0].b < c->seg[e - 1].e - c->seg[1].b)
		b++;

	while (b < e && c->seg[b].site)
		b++;
	while (e > b && c->seg[e - 1].site)
		e--;
	if (b == e) {
		c->cb = 0;
		c->ce = c->n;
		return;
	}
	c->cb = c->seg[b].b;
	c->ce = c->seg[e - 1].e;
}

static void cand_init(struct tcand *c, const char *s, size_t n, const struct site_names *sn)
{
	size_t i, k = 0;
	int sp = 0;

	for (i = 0; i < n && k + 1 < sizeof(c->t); i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f') {
			sp = k > 0;
			continue;
		}
		if (sp)
			c->t[k++] = ' ';
		sp = 0;
		if (k + 1 < sizeof(c->t))
			c->t[k++] = (char)ch;
	}
	c->n = k;
	c->t[k] = '\0';
	c->support = 0;
	split_title(c);
	for (k = 0; k < c->nseg; k++)
		if (!c->seg[k].site)
			c->seg[k].site = is_site(sn, c->t + c->seg[k].b, c->seg[k].e - c->seg[k].b);
	cand_core(c);
}

/* The longest run of c's parts without a site part that h agrees with (its first
 * and last part in *from and *to); 0 none. */
static size_t run_find(const struct tcand *c, const char *h, size_t hn, size_t *from,
		       size_t *to)
{
	size_t i, j, best = 0;

	for (i = 0; i < c->nseg; i++)
		for (j = i; j < c->nseg && !c->seg[j].site; j++) {
			size_t b = c->seg[i].b, e = c->seg[j].e;

			if (e - b > best && agree(h, hn, c->t + b, e - b)) {
				best = e - b;
				*from = i;
				*to = j;
			}
		}
	return best;
}

static size_t run_match(const struct tcand *c, const char *h, size_t hn)
{
	size_t i, j;

	return run_find(c, h, hn, &i, &j);
}

/* When another source's title is a run of c's parts ("Headline" and "Headline -
 * Section - Site"), the parts around it are not the headline; unless the run is the
 * shorter share of c (og:title "Courier" on "Storm closes port - Courier" names the
 * site, not the headline). */
static void mark_by_other(struct tcand *c, const struct tcand *o)
{
	size_t i, j, k, r;

	/* the same title twice (og:title copies <title>) says nothing of its parts: its
	 * core is only a guess from the parts' lengths */
	if (agree(c->t, c->n, o->t, o->n))
		return;
	r = o->ce - o->cb < c->n ? run_find(c, o->t + o->cb, o->ce - o->cb, &i, &j) : 0;
	if (r && 2 * r >= c->n)
		for (k = 0; k < c->nseg; k++)
			if (k < i || k > j)
				c->seg[k].site = 1;
}

/* A heading that is a run of a title's parts at its start or end, with a site part
 * in it, is the site's printed name ("Salsa-Figuren - Rueda in Berlin"): all its
 * parts are the site's. */
static void mark_site_runs(struct tcand *c, const char *h, size_t hn, int masthead)
{
	size_t i, j, k;

	for (i = 0; i < c->nseg; i++)
		for (j = i; j < c->nseg; j++) {
			int site = masthead;

			if (i != 0 && j != c->nseg - 1)
				continue;
			if (i == 0 && j == c->nseg - 1)
				continue;
			for (k = i; k <= j; k++)
				site |= c->seg[k].site;
			if (site && agree(h, hn, c->t + c->seg[i].b, c->seg[j].e - c->seg[i].b))
				for (k = i; k <= j; k++)
					c->seg[k].site = 1;
		}
}

static size_t code_points(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

static int heading_block(const struct block *b)
{
	return b->kind == BK_HEADING && b->level <= 2 && b->len;
}

/* An href that leads to the site's front page: "/", "./", "index.html", "https://host/". */
static int home_href(const char *v, size_t n)
{
	const char *h;

	while (n && (*v == ' ' || *v == '\t'))
		v++, n--;
	while (n && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	if ((n == 1 && *v == '/') || (n == 2 && !strncmp(v, "./", 2)))
		return 1;
	if (*v == '/' && n > 1)
		v++, n--;
	if (n >= 6 && !strncasecmp(v, "index.", 6) && !memchr(v, '?', n) && !memchr(v, '/', n))
		return 1;
	h = memchr(v, ':', n);
	if (h && (size_t)(h - v) + 3 <= n && !strncmp(h, "://", 3)) {
		const char *e = v + n, *sl = memchr(h + 3, '/', (size_t)(e - h - 3));

		return !sl || sl + 1 == e;
	}
	return 0;
}

/* A heading that is the site's masthead: marked so ("site-title", "logo"), or whose
 * whole text is a link to the front page.  Its text names the site. */
static int masthead_heading(const struct html_doc *d, uint32_t h)
{
	static const char *const words[] = { "site-title", "site-name", "sitename", "site_title",
		"logo", "masthead", "brand" };
	uint32_t i = d->nodes[h].first;
	size_t k;
	int text = 0;

	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (attr_has(d, h, HA_CLASS, words[k]) || attr_has(d, h, HA_ID, words[k]))
			return 1;
	while (i != HTML_NONE && i != h) {
		const struct html_node *nd = &d->nodes[i];

		if (nd->tag == HT_TEXT) {
			const char *t = html_text(d, i);
			uint32_t q, up;
			int home = 0;

			for (q = 0; q < nd->text_len && (t[q] == ' ' || t[q] == '\n' || t[q] == '\t' ||
							  t[q] == '\r'); q++)
				;
			if (q < nd->text_len) {
				for (up = nd->parent; up != HTML_NONE && up != h && !home;
				     up = d->nodes[up].parent) {
					size_t hl;
					const char *hv;

					if (d->nodes[up].tag == HT_A &&
					    (hv = html_attr_get(d, up, HA_HREF, &hl)))
						home = home_href(hv, hl);
				}
				if (!home)
					return 0;
				text = 1;
			}
		}
		if (nd->first != HTML_NONE && nd->tag != HT_TEXT) {
			i = nd->first;
			continue;
		}
		while (i != h && d->nodes[i].next == HTML_NONE)
			i = d->nodes[i].parent;
		if (i != h)
			i = d->nodes[i].next;
	}
	return text;
}

/* The heading element of block b, or HTML_NONE. */
static uint32_t heading_of(const struct ex *x, const struct block *b)
{
	uint32_t h = b->owner;

	while (h != HTML_NONE && (x->d->nodes[h].tag < HT_H1 || x->d->nodes[h].tag > HT_H6))
		h = x->d->nodes[h].parent;
	return h;
}

static int masthead_block(const struct ex *x, const struct block *b)
{
	uint32_t h = heading_of(x, b);

	return h != HTML_NONE && masthead_heading(x->d, h);
}

/* Headings looked at without their kicker, at most this many per page. */
#define HEAD_KICKERS 8

/* A kicker or a screen-reader aside inside a heading ("<span class=dachzeile>",
 * "<span class=visually-hidden> - </span>"): not part of the headline. */
static int kicker_element(const struct html_doc *d, uint32_t i)
{
	static const char *const words[] = { "kicker", "dachzeile", "spitzmarke", "overline",
		"topline", "roofline", "eyebrow", "supertitle", "pretitle", "pre-title",
		"surtitre", "antetitulo", "occhiello", "visually-hidden", "sr-only",
		"screen-reader" };
	size_t k;

	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (attr_has(d, i, HA_CLASS, words[k]) || attr_has(d, i, HA_ID, words[k]))
			return 1;
	return 0;
}

struct hviews {
	char t[HEAD_KICKERS][TITLE_MAX];
	size_t n[HEAD_KICKERS], block[HEAD_KICKERS];
	size_t count;
};

/* The text of element h without its kicker elements, white space collapsed, into
 * out; 1 when a kicker was left out and text remains. */
static int without_kicker(const struct html_doc *d, uint32_t h, char *out, size_t size,
			  size_t *len)
{
	uint32_t i = d->nodes[h].first;
	size_t n = 0;
	int skipped = 0, sp = 0;

	while (i != HTML_NONE && i != h) {
		const struct html_node *nd = &d->nodes[i];
		int descend = 0;

		if (nd->tag == HT_TEXT) {
			const char *t = html_text(d, i);
			uint32_t k;

			for (k = 0; k < nd->text_len && n + 2 < size; k++) {
				unsigned char c = (unsigned char)t[k];

				if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
					sp = n > 0;
					continue;
				}
				if (sp)
					out[n++] = ' ';
				sp = 0;
				out[n++] = (char)c;
			}
		} else if (kicker_element(d, i)) {
			skipped = 1;
			sp = n > 0;
		} else {
			descend = nd->first != HTML_NONE;
		}
		if (descend) {
			i = nd->first;
			continue;
		}
		while (i != h && d->nodes[i].next == HTML_NONE)
			i = d->nodes[i].parent;
		if (i != h)
			i = d->nodes[i].next;
	}
	out[n] = '\0';
	*len = n;
	return skipped && n > 0;
}

static void heading_views(const struct ex *x, struct hviews *v)
{
	size_t k;

	v->count = 0;
	for (k = 0; k < x->nb && v->count < HEAD_KICKERS; k++) {
		const struct block *b = &x->b[k];
		uint32_t h = b->owner;

		if (!heading_block(b))
			continue;
		while (h != HTML_NONE && (x->d->nodes[h].tag < HT_H1 || x->d->nodes[h].tag > HT_H6))
			h = x->d->nodes[h].parent;
		if (h != HTML_NONE && without_kicker(x->d, h, v->t[v->count], TITLE_MAX,
						     &v->n[v->count]))
			v->block[v->count++] = k;
	}
}

/* The text of heading block k: without its kicker when it has one. */
static const char *htext(const struct ex *x, const struct hviews *v, size_t k, size_t *n)
{
	size_t i;

	for (i = 0; i < v->count; i++)
		if (v->block[i] == k) {
			*n = v->n[i];
			return v->t[i];
		}
	*n = x->b[k].len;
	return x->text.data + x->b[k].start;
}

/* Headline: the heading that a title source agrees with (the longest part of one it
 * equals); else the title the sources agree on most (og:title, JSON-LD, twitter,
 * <title>, each without its site parts), or a heading that is that title with a
 * kicker, a typo, or less; else the longer of that title and the first h1 of the
 * content; else the first heading.  Returns the block taken, or -1. */
long html_meta_headline(struct ex *x, const struct metas *m, struct sahifa_article *a,
			enum sahifa_status *st)
{
	struct tcand c[4];
	struct hviews hv;
	struct site_names sn;
	const char *hs;
	size_t hn;
	size_t nc = 0, k, i, best_len = 0, best_chars = 0;
	long best_h = -1, first_h1 = -1, first_h1_in = -1, first_h2_in = -1;
	int seen_para = 0, mi = -1, mast;

	site_names(x, m, a, &sn);
	heading_views(x, &hv);
	if (x->ld.headline)
		cand_init(&c[nc++], x->ld.headline, strlen(x->ld.headline), &sn);
	if (m->v[M_OG_TITLE])
		cand_init(&c[nc++], m->v[M_OG_TITLE], m->n[M_OG_TITLE], &sn);
	if (m->v[M_TW_TITLE])
		cand_init(&c[nc++], m->v[M_TW_TITLE], m->n[M_TW_TITLE], &sn);
	if (x->title)
		cand_init(&c[nc++], x->title, x->title_len, &sn);
	for (i = 0; i < nc; i++)
		for (k = 0; k < nc; k++)
			if (k != i)
				mark_by_other(&c[i], &c[k]);
	for (i = 0; i < nc; i++)
		cand_core(&c[i]);
	/* headings that print the site's name tell which parts of a title are the site */
	for (k = 0; k < x->nb; k++) {
		const struct block *b = &x->b[k];

		if (!heading_block(b))
			continue;
		hs = htext(x, &hv, k, &hn);
		mast = masthead_block(x, b);
		for (i = 0; i < nc; i++) {
			mark_site_runs(&c[i], hs, hn, mast);
			cand_core(&c[i]);
		}
	}
	for (k = 0; k < x->nb; k++) {
		const struct block *b = &x->b[k];

		if (b->kind != BK_HEADING && (x->flags[b->owner] & F_CHOSEN) &&
		    b->chars >= PROSE_MIN_CHARS)
			seen_para = 1;
		if (!heading_block(b) || masthead_block(x, b))
			continue;
		hs = htext(x, &hv, k, &hn);
		for (i = 0; i < nc; i++) {
			size_t r = run_match(&c[i], hs, hn);

			if (r > best_len || (r == best_len && r && best_h >= 0 &&
					     (x->flags[b->owner] & F_CHOSEN) &&
					     !(x->flags[x->b[best_h].owner] & F_CHOSEN))) {
				best_len = r;
				best_h = (long)k;
			}
		}
		if (first_h1_in < 0 && !seen_para && b->level == 2 &&
		    (x->flags[b->owner] & F_CHOSEN) && first_h2_in < 0)
			first_h2_in = (long)k;
		if (b->level == 1) {
			if (first_h1 < 0)
				first_h1 = (long)k;
			if (first_h1_in < 0 && (x->flags[b->owner] & F_CHOSEN))
				first_h1_in = (long)k;
		}
	}
	if (best_h >= 0) {
		hs = htext(x, &hv, (size_t)best_h, &hn);
		*st = set_clean(&a->headline, hs, hn);
		return best_h;
	}
	/* the title most sources agree on: its core is another's core, or a run of its
	 * parts that is most of it */
	for (i = 0; i < nc; i++) {
		for (k = 0; k < nc; k++) {
			size_t r;

			if (k == i)
				continue;
			r = run_match(&c[k], c[i].t + c[i].cb, c[i].ce - c[i].cb);
			if (agree(c[i].t + c[i].cb, c[i].ce - c[i].cb, c[k].t + c[k].cb,
				  c[k].ce - c[k].cb) || (r && 2 * r >= c[k].n))
				c[i].support++;
		}
		/* a tie goes to the one that says more */
		if (mi < 0 || c[i].support > c[mi].support ||
		    (c[i].support == c[mi].support && c[i].ce - c[i].cb > c[mi].ce - c[mi].cb))
			mi = (int)i;
	}
	if (mi >= 0) {
		const char *ms = c[mi].t + c[mi].cb;
		size_t mn = c[mi].ce - c[mi].cb;

		/* a heading that is that title, nearly, with more, or with less */
		for (k = 0; k < x->nb; k++) {
			const struct block *b = &x->b[k];
			int r;

			if (!heading_block(b) || masthead_block(x, b))
				continue;
			hs = htext(x, &hv, k, &hn);
			r = relate(hs, hn, ms, mn);
			if (r == 1) {
				*st = set_clean(&a->headline, ms, mn);
				return (long)k;
			}
			if (r) {
				*st = set_clean(&a->headline, hs, hn);
				return (long)k;
			}
		}
		/* no heading agrees: the page's own heading when it says more */
		best_chars = code_points(ms, mn);
		if (first_h1_in < 0)
			first_h1_in = first_h2_in >= 0 ? first_h2_in : first_h1;
		if (first_h1_in >= 0) {
			hs = htext(x, &hv, (size_t)first_h1_in, &hn);
			if (code_points(hs, hn) > best_chars) {
				*st = set_clean(&a->headline, hs, hn);
				return first_h1_in;
			}
		}
		*st = set_clean(&a->headline, ms, mn);
		return -1;
	}
	if (first_h1_in < 0)
		first_h1_in = first_h2_in;
	if (first_h1_in < 0)
		first_h1_in = first_h1;
	if (first_h1_in >= 0) {
		hs = htext(x, &hv, (size_t)first_h1_in, &hn);
		*st = set_clean(&a->headline, hs, hn);
	}
	return first_h1_in;
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
	/* A wiki page shows its latest revision: MediaWiki's JSON-LD dates the page's
	 * first edit as datePublished, years before the text on screen was written. */
	if (!st && x->ld.modified && m->v[M_GENERATOR] && m->n[M_GENERATOR] >= 9 &&
	    !strncasecmp(m->v[M_GENERATOR], "MediaWiki", 9))
		st = set_date(&a->published, x->ld.modified, strlen(x->ld.modified));
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
