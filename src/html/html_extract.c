/*
 * Main content and structure of an HTML page (include/sahifa/html.h).
 *
 * 1. Blocks: the page's text, whitespace collapsed as a browser does, cut into blocks
 *    at block-level elements (p, h1-h6, li, blockquote, figcaption, a text-bearing div,
 *    a run of br, a data table's row); each knows its source line, its element, how
 *    much of it is link text, and its punctuation.
 * 2. Boilerplate marks: elements that are not article by tag (nav, aside, form, a
 *    page-level header or footer), role, hidden state, or class and id words.
 * 3. The main container: prose blocks score their container and its ancestors (more
 *    for length and punctuation, nothing past a marked element); class words,
 *    itemprop=articleBody and article/main weigh in, link density weighs down; the best
 *    element, with its siblings that score well or read as prose, is the content.
 * 4. Inside it, blocks under a marked element, link-dense blocks and lines of the chrome
 *    rules are removed with their reason; every block outside it too.
 * 5. Metadata from meta tags, JSON-LD, <time> and the URL; the headline is the
 *    candidate that the most sources agree on.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html/html_doc.h"
#include "html/html_extract_internal.h"
#include "html/html_internal.h"
#include "sahifa/decode.h"
#include "sahifa/html.h"
#include "sahifa/limits.h"
#include "text/date.h"
#include "text/segment_internal.h"

/* Prose blocks shorter than this (code points) do not score their container. */
#define SCORE_MIN_CHARS 25
/* A block with more than this share of link text is link-dense... */
#define LINK_DENSE_SHARE 0.5
/* ...and a short one (up to this many code points) with more than this share. */
#define LINK_DENSE_SHORT_CHARS 80
#define LINK_DENSE_SHORT_SHARE 0.3
/* Class and id words weigh a container by this much. */
#define CLASS_WEIGHT 25.0
/* A sibling of the best container joins it at this share of its score. */
#define SIBLING_SHARE 0.2
/* ...and so does a sibling with prose in it and at most this share of links. */
#define SIBLING_PROSE_LINKS 0.3
/* A byline is a short credit line. */
#define BYLINE_MAX_CHARS 100

/* ---- class and id words ---- */

struct word_reason {
	const char *word;
	uint8_t reason;
	uint8_t whole;         /* 1: the whole token must be the word */
};

static const struct word_reason negative_words[] = {
	{ "cookie", SAHIFA_REASON_COOKIE, 0 },
	{ "consent", SAHIFA_REASON_COOKIE, 0 }, { "gdpr", SAHIFA_REASON_COOKIE, 0 },
	{ "comment", SAHIFA_REASON_COMMENT, 0 }, { "disqus", SAHIFA_REASON_COMMENT, 0 },
	{ "respond", SAHIFA_REASON_COMMENT, 0 }, { "replies", SAHIFA_REASON_COMMENT, 0 },
	{ "share", SAHIFA_REASON_SHARE, 0 }, { "sharing", SAHIFA_REASON_SHARE, 0 },
	{ "social", SAHIFA_REASON_SHARE, 0 }, { "addthis", SAHIFA_REASON_SHARE, 0 },
	{ "follow", SAHIFA_REASON_SHARE, 1 }, { "related", SAHIFA_REASON_RELATED, 0 },
	{ "recommend", SAHIFA_REASON_RELATED, 0 }, { "readmore", SAHIFA_REASON_RELATED, 0 },
	{ "read-more", SAHIFA_REASON_RELATED, 0 }, { "read-also", SAHIFA_REASON_RELATED, 0 },
	{ "readalso", SAHIFA_REASON_RELATED, 0 }, { "also", SAHIFA_REASON_RELATED, 1 },
	{ "more-stories", SAHIFA_REASON_RELATED, 0 }, { "mostread", SAHIFA_REASON_RELATED, 0 },
	{ "most-read", SAHIFA_REASON_RELATED, 0 }, { "popular", SAHIFA_REASON_RELATED, 0 },
	{ "trending", SAHIFA_REASON_RELATED, 0 }, { "outbrain", SAHIFA_REASON_RELATED, 0 },
	{ "taboola", SAHIFA_REASON_RELATED, 0 }, { "teaser", SAHIFA_REASON_RELATED, 0 },
	{ "sidebar", SAHIFA_REASON_ASIDE, 0 },
	{ "rail", SAHIFA_REASON_ASIDE, 1 }, { "aside", SAHIFA_REASON_ASIDE, 1 },
	{ "widget-area", SAHIFA_REASON_ASIDE, 0 },
	/* the writer's box after the story: a bio and follow links, not the article */
	{ "author-box", SAHIFA_REASON_ASIDE, 0 }, { "authorbox", SAHIFA_REASON_ASIDE, 0 },
	{ "author_box", SAHIFA_REASON_ASIDE, 0 }, { "author-bio", SAHIFA_REASON_ASIDE, 0 },
	{ "authorbio", SAHIFA_REASON_ASIDE, 0 }, { "author_bio", SAHIFA_REASON_ASIDE, 0 },
	{ "about-author", SAHIFA_REASON_ASIDE, 0 }, { "about-the-author", SAHIFA_REASON_ASIDE, 0 },
	{ "nav", SAHIFA_REASON_NAV, 1 }, { "navbar", SAHIFA_REASON_NAV, 0 },
	{ "navigation", SAHIFA_REASON_NAV, 0 }, { "menu", SAHIFA_REASON_NAV, 0 },
	{ "breadcrumb", SAHIFA_REASON_NAV, 0 }, { "pagination", SAHIFA_REASON_NAV, 0 },
	{ "pager", SAHIFA_REASON_NAV, 1 }, { "masthead", SAHIFA_REASON_HEADER, 0 },
	{ "site-header", SAHIFA_REASON_HEADER, 0 }, { "footer", SAHIFA_REASON_FOOTER, 0 },
	{ "copyright", SAHIFA_REASON_FOOTER, 0 }, { "ad", SAHIFA_REASON_AD, 1 },
	{ "ads", SAHIFA_REASON_AD, 1 }, { "advert", SAHIFA_REASON_AD, 0 },
	{ "adsbygoogle", SAHIFA_REASON_AD, 0 }, { "sponsor", SAHIFA_REASON_AD, 0 },
	{ "promo", SAHIFA_REASON_AD, 0 }, { "banner", SAHIFA_REASON_AD, 1 },
	{ "dfp", SAHIFA_REASON_AD, 1 },
	{ "newsletter", SAHIFA_REASON_NEWSLETTER, 0 }, { "subscribe", SAHIFA_REASON_NEWSLETTER, 0 },
	{ "signup", SAHIFA_REASON_NEWSLETTER, 0 }, { "tags", SAHIFA_REASON_LINK_LIST, 1 },
	{ "tag-list", SAHIFA_REASON_LINK_LIST, 0 }, { "keywords", SAHIFA_REASON_LINK_LIST, 1 },
	{ "sr-only", SAHIFA_REASON_HIDDEN, 0 }, { "visually-hidden", SAHIFA_REASON_HIDDEN, 0 },
	{ "screen-reader", SAHIFA_REASON_HIDDEN, 0 }, { "hidden", SAHIFA_REASON_HIDDEN, 1 },
	{ "modal", SAHIFA_REASON_AD, 1 }, { "popup", SAHIFA_REASON_AD, 0 },
	{ "print", SAHIFA_REASON_SHARE, 1 },
};

static const char *const positive_words[] = {
	"article", "articlebody", "article-body", "article-content", "content", "entry",
	"entry-content", "post", "post-content", "post-body", "story", "story-body",
	"body", "text", "main", "news", "detail", "details", "prose", "page-content",
	"matn", "khabar", "maqal", "single",
};

/* Class-like values longer than this are matched on their first bytes only. */
#define TOKEN_MAX 256

/* 1 when lower-case w occurs in lower-case lt[0..n); whole: only as a whole token or
 * a part of it between '-' and '_'. */
static int token_has_lc(const char *lt, size_t n, const char *w, int whole)
{
	size_t wl = strlen(w), at;

	if (wl > n)
		return 0;
	/* tokens are short: a plain scan beats memmem's set-up */
	for (at = 0; at + wl <= n; at++) {
		if (lt[at] != w[0] || memcmp(lt + at, w, wl))
			continue;
		if (!whole)
			return 1;
		if ((at == 0 || lt[at - 1] == '-' || lt[at - 1] == '_') &&
		    (at + wl == n || lt[at + wl] == '-' || lt[at + wl] == '_'))
			return 1;
	}
	return 0;
}

/* The same, ASCII case ignored on both sides. */
static int token_has(const char *tok, size_t n, const char *w, int whole)
{
	char lt[TOKEN_MAX], lw[64];
	size_t wl = strlen(w), i;

	if (n > TOKEN_MAX)
		n = TOKEN_MAX;
	if (wl >= sizeof(lw) || wl > n)
		return 0;
	for (i = 0; i < n; i++)
		lt[i] = (char)tolower((unsigned char)tok[i]);
	for (i = 0; i <= wl; i++)
		lw[i] = (char)tolower((unsigned char)w[i]);
	return token_has_lc(lt, n, lw, whole);
}

/* Negative words that a positive word in the same value overrules ("entry-content
 * read-more", "article-share"); comment words are never overruled. */
static int weak_reason(uint8_t r)
{
	return r == SAHIFA_REASON_RELATED || r == SAHIFA_REASON_AD || r == SAHIFA_REASON_SHARE ||
	       r == SAHIFA_REASON_ASIDE || r == SAHIFA_REASON_HIDDEN || r == SAHIFA_REASON_NAV;
}

/* The reason and weight class and id words give. */
static void class_words(const char *value, size_t len, uint8_t *reason, float *weight,
			int neg_ok)
{
	size_t i = 0;
	int pos = 0;
	uint8_t before = *reason;
	char v[TOKEN_MAX];

	if (len > TOKEN_MAX)
		len = TOKEN_MAX;
	for (i = 0; i < len; i++)
		v[i] = (char)tolower((unsigned char)value[i]);
	i = 0;

	while (i < len) {
		size_t j, k;

		while (i < len && isspace((unsigned char)v[i]))
			i++;
		j = i;
		while (j < len && !isspace((unsigned char)v[j]))
			j++;
		if (j > i) {
			for (k = 0; k < sizeof(positive_words) / sizeof(positive_words[0]); k++)
				/* each further word adds less: a band named "content-top
				 * width-article" is not twice the story's own "article-body" */
				if (token_has_lc(v + i, j - i, positive_words[k], 1)) {
					*weight += (float)CLASS_WEIGHT / (float)(1 + pos);
					pos++;
					break;
				}
			/* "no-sidebar", "has-comments": layout classes of the page, not marks */
			if (neg_ok && *reason == NO_REASON && strncasecmp(v + i, "no-", 3) &&
			    strncasecmp(v + i, "has-", 4) && strncasecmp(v + i, "with-", 5))
				for (k = 0; k < sizeof(negative_words) / sizeof(negative_words[0]); k++)
					if (token_has_lc(v + i, j - i, negative_words[k].word,
							 negative_words[k].whole) &&
					    /* "social-embed": a post quoted in the story */
					    !(negative_words[k].reason == SAHIFA_REASON_SHARE &&
					      token_has_lc(v + i, j - i, "embed", 0))) {
						*reason = negative_words[k].reason;
						*weight -= (float)CLASS_WEIGHT;
						break;
					}
		}
		i = j;
	}
	if (pos && before == NO_REASON && *reason != NO_REASON && weak_reason(*reason)) {
		*reason = NO_REASON;
		*weight += (float)CLASS_WEIGHT;
	}
}

static int attr_is(const struct html_doc *d, uint32_t i, enum html_attr k, const char *want)
{
	size_t n;
	const char *v = html_attr_get(d, i, k, &n);

	return v && n == strlen(want) && !strncasecmp(v, want, n);
}

static int attr_has(const struct html_doc *d, uint32_t i, enum html_attr k, const char *want)
{
	size_t n;
	const char *v = html_attr_get(d, i, k, &n);

	return v && token_has(v, n, want, 0);
}

/* Class and id words of a picture gallery or slideshow, whose text is the pictures'
 * captions, not the story. */
static int gallery_words(const struct html_doc *d, uint32_t i)
{
	static const char *const words[] = { "gallery", "slideshow", "carousel", "lightbox" };
	size_t k;

	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (attr_has(d, i, HA_CLASS, words[k]) || attr_has(d, i, HA_ID, words[k]))
			return 1;
	return 0;
}

static int hidden_style(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 12 <= n; i++) {
		if (!strncasecmp(s + i, "display", 7)) {
			size_t j = i + 7;

			while (j < n && (s[j] == ' ' || s[j] == ':'))
				j++;
			if (j + 4 <= n && !strncasecmp(s + j, "none", 4))
				return 1;
		}
		if (!strncasecmp(s + i, "visibility", 10)) {
			size_t j = i + 10;

			while (j < n && (s[j] == ' ' || s[j] == ':'))
				j++;
			if (j + 6 <= n && !strncasecmp(s + j, "hidden", 6))
				return 1;
		}
	}
	return 0;
}

static int is_heading(uint8_t t)
{
	return t >= HT_H1 && t <= HT_H6;
}

/* Elements that end the text run before them and start a new one. */
static int is_boundary(uint8_t t)
{
	switch (t) {
	case HT_P: case HT_DIV: case HT_H1: case HT_H2: case HT_H3: case HT_H4: case HT_H5:
	case HT_H6: case HT_LI: case HT_DT: case HT_DD: case HT_BLOCKQUOTE: case HT_PRE:
	case HT_FIGCAPTION: case HT_CAPTION: case HT_TR: case HT_TD: case HT_TH:
	case HT_TABLE: case HT_UL: case HT_OL: case HT_DL: case HT_SECTION: case HT_ARTICLE:
	case HT_MAIN: case HT_HEADER: case HT_FOOTER: case HT_NAV: case HT_ASIDE:
	case HT_FIGURE: case HT_FORM: case HT_ADDRESS: case HT_CENTER: case HT_DETAILS:
	case HT_SUMMARY: case HT_HR: case HT_BODY: case HT_HTML: case HT_MENU: case HT_DIALOG:
	case HT_THEAD: case HT_TBODY: case HT_TFOOT: case HT_OPTION: case HT_SELECT:
		return 1;
	default:
		return 0;
	}
}

static int is_skipped(uint8_t t)
{
	switch (t) {
	case HT_SCRIPT: case HT_STYLE: case HT_NOSCRIPT: case HT_TEMPLATE: case HT_IFRAME:
	case HT_SVG: case HT_MATH: case HT_CANVAS: case HT_OBJECT: case HT_EMBED:
	case HT_VIDEO: case HT_AUDIO: case HT_SELECT: case HT_TEXTAREA: case HT_BUTTON:
	case HT_INPUT: case HT_HEAD: case HT_TITLE: case HT_DIALOG: case HT_RT: case HT_RP:
		return 1;
	default:
		return 0;
	}
}

/* ---- pass 1: marks, weights and flags per element, top-down ---- */

/* A noscript element with more text than this below it is not a message for browsers
 * without scripts but the page itself, hung into it by the parser (an unclosed element
 * inside noscript makes libxml2 nest the rest of the page there). */
#define NOSCRIPT_MAX_TEXT 2000

static void mark_elements(struct ex *x)
{
	const struct html_doc *d = x->d;
	size_t i;

	/* text bytes below each node, for the noscript test (chars is free until choose) */
	for (i = 0; i < d->n; i++)
		x->chars[i] = d->nodes[i].tag == HT_TEXT ? d->nodes[i].text_len : 0;
	for (i = d->n; i-- > 1;)
		if (d->nodes[i].parent != HTML_NONE)
			x->chars[d->nodes[i].parent] += x->chars[i];
	for (i = 0; i < d->n; i++) {
		const struct html_node *n = &d->nodes[i];
		uint8_t r = NO_REASON, t = n->tag;
		float w = 0;
		size_t len;
		const char *v;
		uint32_t p = n->parent;
		int in_article = 0;
		uint8_t tag_reason;

		x->own[i] = NO_REASON;
		x->flags[i] = p != HTML_NONE ? (x->flags[p] & (F_SKIP | F_BYLINE)) : 0;
		if (t == HT_TEXT)
			continue;
		if (is_skipped(t) && (t != HT_NOSCRIPT || x->chars[i] <= NOSCRIPT_MAX_TEXT))
			x->flags[i] |= F_SKIP;
		for (; p != HTML_NONE; p = d->nodes[p].parent)
			if (d->nodes[p].tag == HT_ARTICLE || d->nodes[p].tag == HT_MAIN) {
				in_article = 1;
				break;
			}
		switch (t) {
		case HT_NAV: case HT_MENU: r = SAHIFA_REASON_NAV; break;
		case HT_ASIDE: r = SAHIFA_REASON_ASIDE; break;
		case HT_FORM: r = SAHIFA_REASON_FORM; break;
		case HT_HEADER: if (!in_article) r = SAHIFA_REASON_HEADER; break;
		case HT_FOOTER: if (!in_article) r = SAHIFA_REASON_FOOTER; break;
		case HT_ARTICLE: w += 10; break;
		case HT_MAIN: w += 10; break;
		case HT_SECTION: w += 2; break;
		case HT_DIV: w += 5; break;
		case HT_TD: case HT_BLOCKQUOTE: case HT_PRE: w += 3; break;
		case HT_UL: case HT_OL: case HT_DL: case HT_DD: case HT_DT: case HT_LI: w -= 3; break;
		case HT_TH: case HT_H1: case HT_H2: case HT_H3: case HT_H4: case HT_H5: case HT_H6:
			w -= 5; break;
		default: break;
		}
		tag_reason = r;
		if (html_attr_get(d, (uint32_t)i, HA_HIDDEN, NULL) ||
		    attr_is(d, (uint32_t)i, HA_ARIA_HIDDEN, "true") ||
		    ((v = html_attr_get(d, (uint32_t)i, HA_STYLE, &len)) && hidden_style(v, len)))
			r = SAHIFA_REASON_HIDDEN;
		if ((v = html_attr_get(d, (uint32_t)i, HA_ROLE, &len))) {
			if (attr_is(d, (uint32_t)i, HA_ROLE, "navigation") ||
			    attr_is(d, (uint32_t)i, HA_ROLE, "menu") ||
			    attr_is(d, (uint32_t)i, HA_ROLE, "menubar"))
				r = r == NO_REASON ? SAHIFA_REASON_NAV : r;
			else if (attr_is(d, (uint32_t)i, HA_ROLE, "banner") && !in_article)
				r = r == NO_REASON ? SAHIFA_REASON_HEADER : r;
			else if (attr_is(d, (uint32_t)i, HA_ROLE, "contentinfo"))
				r = r == NO_REASON ? SAHIFA_REASON_FOOTER : r;
			else if (attr_is(d, (uint32_t)i, HA_ROLE, "complementary"))
				r = r == NO_REASON ? SAHIFA_REASON_ASIDE : r;
			else if (attr_is(d, (uint32_t)i, HA_ROLE, "main"))
				w += 10;
		}
		if (attr_has(d, (uint32_t)i, HA_ITEMPROP, "articleBody") ||
		    attr_has(d, (uint32_t)i, HA_ITEMPROP, "articlebody"))
			w += 50;
		if (gallery_words(d, (uint32_t)i))
			x->flags[i] |= F_GALLERY;
		if (attr_has(d, (uint32_t)i, HA_ITEMPROP, "author") ||
		    attr_has(d, (uint32_t)i, HA_REL, "author") ||
		    attr_has(d, (uint32_t)i, HA_CLASS, "byline") ||
		    attr_has(d, (uint32_t)i, HA_CLASS, "author"))
			x->flags[i] |= F_BYLINE;
		if (t != HT_BODY && t != HT_HTML && t != HT_ARTICLE && t != HT_MAIN) {
			int neg = !attr_has(d, (uint32_t)i, HA_ITEMPROP, "articleBody");

			if (r == SAHIFA_REASON_ASIDE || r == SAHIFA_REASON_NAV) {
				uint8_t c = NO_REASON;
				float cw = 0;

				if ((v = html_attr_get(d, (uint32_t)i, HA_CLASS, &len)))
					class_words(v, len, &c, &cw, 1);
				if (c != NO_REASON)
					r = c;
			}
			if ((v = html_attr_get(d, (uint32_t)i, HA_CLASS, &len)))
				class_words(v, len, &r, &w, neg);
			if ((v = html_attr_get(d, (uint32_t)i, HA_ID, &len)))
				class_words(v, len, &r, &w, neg);
		}
		/* a positive word beside a negative one ("article-comments") still marks,
		 * but "post-share" on the article body itself does not win over length */
		x->own[i] = r;
		x->soft[i] = r != NO_REASON && (r != tag_reason || r == SAHIFA_REASON_FORM);
		x->weight[i] = w;
	}
	/* bottom-up: which elements hold block-level elements (a data table holds none) */
	for (i = d->n; i-- > 1;) {
		const struct html_node *n = &d->nodes[i];
		uint8_t t = n->tag;

		if (n->parent == HTML_NONE)
			continue;
		if ((t != HT_TEXT && t != HT_TR && t != HT_TD && t != HT_TH && t != HT_THEAD &&
		     t != HT_TBODY && t != HT_TFOOT && t != HT_CAPTION && is_boundary(t)) ||
		    (x->flags[i] & F_BLOCK_BELOW))
			x->flags[n->parent] |= F_BLOCK_BELOW;
	}
	for (i = 0; i < d->n; i++)
		if (d->nodes[i].tag == HT_TABLE && !(x->flags[i] & F_BLOCK_BELOW))
			x->flags[i] |= F_DATA_TABLE;
}

/* ---- pass 2: blocks ---- */

static double link_share(uint32_t links, uint32_t chars)
{
	return chars ? (double)links / chars : 0;
}

static int utf8_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static int is_punct(uint32_t c)
{
	return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' ||
	       c == 0x060C || c == 0x061B || c == 0x061F || c == 0x06D4 || c == 0x3001 ||
	       c == 0x3002 || c == 0xFF0C || c == 0xFF1B || c == 0xFF1A || c == 0xFF01 ||
	       c == 0xFF1F;
}

/* Han, kana, Hangul and full-width forms: one such character carries about as much
 * as a short word, so prose tests count it twice. */
static int is_wide(uint32_t c)
{
	return (c >= 0x2E80 && c < 0xA000) || (c >= 0xAC00 && c < 0xD7B0) ||
	       (c >= 0xF900 && c < 0xFB00) || (c >= 0xFF00 && c < 0xFFF0) ||
	       (c >= 0x20000 && c < 0x30000);
}

static int in_data_row(const struct ex *x, uint32_t owner)
{
	const struct html_doc *d = x->d;
	uint32_t p;

	for (p = owner; p != HTML_NONE; p = d->nodes[p].parent) {
		if (d->nodes[p].tag == HT_TABLE)
			return (x->flags[p] & F_DATA_TABLE) != 0;
		if (d->nodes[p].tag != HT_TR && d->nodes[p].tag != HT_TD &&
		    d->nodes[p].tag != HT_TH && d->nodes[p].tag != HT_TBODY &&
		    d->nodes[p].tag != HT_THEAD && d->nodes[p].tag != HT_TFOOT)
			return 0;
	}
	return 0;
}

static enum sahifa_status flush(struct ex *x)
{
	const struct html_doc *d = x->d;
	struct block *b;
	size_t len = x->text.len - x->cur_start, i;
	uint8_t t;

	x->pending_space = 0;
	while (len && x->text.data[x->cur_start + len - 1] == ' ')
		len--;
	x->text.len = x->cur_start + len;
	if (!len) {
		x->cur_links = 0;
		x->cur_byline = 0;
		return SAHIFA_OK;
	}
	if (x->nb == x->capb) {
		size_t cap = x->capb ? x->capb * 2 : 256;
		struct block *nb = realloc(x->b, cap * sizeof(*nb));

		if (!nb)
			return SAHIFA_ERR_NOMEM;
		x->b = nb;
		x->capb = cap;
	}
	b = &x->b[x->nb++];
	memset(b, 0, sizeof(*b));
	b->start = x->cur_start;
	b->len = len;
	b->line = x->cur_line;
	b->owner = x->cur_owner;
	b->link_chars = x->cur_links;
	t = d->nodes[x->cur_owner].tag;
	b->kind = BK_PARA;
	if (is_heading(t)) {
		b->kind = BK_HEADING;
		b->level = (uint8_t)(t - HT_H1 + 1);
	} else if (t == HT_LI || t == HT_DT) {
		b->kind = BK_LI;
	} else if (t == HT_BLOCKQUOTE) {
		b->kind = BK_QUOTE;
	} else if (t == HT_FIGCAPTION || t == HT_CAPTION) {
		b->kind = BK_CAPTION;
	} else if (t == HT_TR) {
		b->kind = BK_ROW;
	}
	{
		uint32_t p;

		for (p = x->cur_owner; p != HTML_NONE; p = d->nodes[p].parent) {
			uint8_t pt = d->nodes[p].tag;

			if (pt == HT_BLOCKQUOTE && b->kind == BK_PARA)
				b->kind = BK_QUOTE;
			if (pt == HT_FIGCAPTION && b->kind == BK_PARA)
				b->kind = BK_CAPTION;
			if (pt == HT_LI && b->kind == BK_PARA)
				b->kind = BK_LI;
			if (pt == HT_BODY)
				break;
		}
	}
	b->byline = (x->flags[x->cur_owner] & F_BYLINE) != 0;
	for (i = 0; i < len;) {
		const unsigned char *s = (const unsigned char *)x->text.data + b->start + i;
		uint32_t c;
		size_t n = seg_utf8_next(s, len - i, &c);

		b->chars++;
		b->span += 1 + (uint32_t)is_wide(c);
		b->punct += (uint32_t)is_punct(c);
		i += n;
	}
	if (b->link_chars > b->chars)
		b->link_chars = b->chars;
	if (2 * x->cur_byline >= b->chars)
		b->byline = 1;
	x->cur_links = 0;
	x->cur_byline = 0;
	return SAHIFA_OK;
}

/* Append text collapsing white space; returns code points added. */
static enum sahifa_status add_text(struct ex *x, const char *s, size_t n, long line,
				   int in_link, int in_byline)
{
	size_t i = 0;
	uint32_t added = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
		    (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)) {
			x->pending_space = 1;
			i += c == 0xC2 ? 2 : 1;
			continue;
		}
		if (c == 0) {
			i++;
			continue;
		}
		/* a soft hyphen only shows where a browser breaks the line: the word is whole
		 * (German sites hyphenate their text with &shy; throughout) */
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAD) {
			i += 2;
			continue;
		}
		if (x->text.len == x->cur_start) {
			x->cur_line = line;
			x->pending_space = 0;
		}
		if (x->pending_space) {
			if (sahifa_buf_append_char(&x->text, ' '))
				return SAHIFA_ERR_NOMEM;
			if (in_link)
				added++;
			x->pending_space = 0;
		}
		{
			size_t k = (size_t)utf8_len(c);

			if (k > n - i)
				k = n - i;
			if (sahifa_buf_append(&x->text, s + i, k))
				return SAHIFA_ERR_NOMEM;
			i += k;
			added++;
		}
		x->br_run = 0;
	}
	if (in_link)
		x->cur_links += added;
	if (in_byline)
		x->cur_byline += added;
	return SAHIFA_OK;
}

static int para_like(uint8_t t)
{
	return t == HT_P || t == HT_LI || t == HT_DT || t == HT_DD || is_heading(t) ||
	       t == HT_FIGCAPTION || t == HT_CAPTION || t == HT_TD || t == HT_TH;
}

/* The innermost boundary element still open (the document node when none). */
static uint32_t open_owner(const uint32_t *stack, const uint32_t *is_boundary, size_t sp)
{
	size_t k;

	for (k = sp; k-- > 1;)
		if (is_boundary[k])
			return stack[k];
	return 0;
}

/* Walk the tree depth first (no recursion) and cut the text into blocks. */
static enum sahifa_status make_blocks(struct ex *x)
{
	const struct html_doc *d = x->d;
	uint32_t *stack;
	size_t sp = 0;
	uint32_t i;
	unsigned link_depth = 0;
	enum sahifa_status st = SAHIFA_OK;
	uint32_t *link_at;

	stack = malloc((SAHIFA_MAX_HTML_DEPTH + 2) * sizeof(*stack) * 2);
	if (!stack)
		return SAHIFA_ERR_NOMEM;
	link_at = stack + SAHIFA_MAX_HTML_DEPTH + 2;
	memset(link_at, 0, (SAHIFA_MAX_HTML_DEPTH + 2) * sizeof(*link_at));
	stack[sp++] = 0;
	x->cur_owner = 0;
	x->cur_start = x->text.len;
	i = d->nodes[0].first;
	while (i != HTML_NONE && !st) {
		const struct html_node *n = &d->nodes[i];
		int boundary = 0, descend = 0;

		if (n->tag == HT_TEXT) {
			if (!(x->flags[i] & F_SKIP))
				st = add_text(x, html_text(d, i), n->text_len, n->line, link_depth > 0,
					      (x->flags[i] & F_BYLINE) != 0);
		} else if (n->tag == HT_BR) {
			uint8_t ot = d->nodes[x->cur_owner].tag;

			x->br_run++;
			if (!para_like(ot) || x->br_run >= 2) {
				long keep = x->cur_line;

				st = flush(x);
				x->cur_start = x->text.len;
				x->cur_line = keep;
			} else {
				x->pending_space = 1;
			}
		} else if (n->tag == HT_IMG) {
			x->pending_space = 1;
		} else if (!(x->flags[i] & F_SKIP)) {
			int data_cell = (n->tag == HT_TD || n->tag == HT_TH) && in_data_row(x, i);

			boundary = is_boundary(n->tag) && !data_cell;
			if (data_cell && x->text.len > x->cur_start) {
				while (x->text.len > x->cur_start &&
				       x->text.data[x->text.len - 1] == ' ')
					x->text.len--;
				x->pending_space = 0;
				st = sahifa_buf_append(&x->text, " |", 2);
				x->pending_space = 1;
			}
			if (boundary) {
				st = st ? st : flush(x);
				x->cur_start = x->text.len;
				x->cur_owner = i;
				x->br_run = 0;
			}
			if (n->tag == HT_A)
				link_depth++;
			descend = n->first != HTML_NONE;
			if ((n->tag == HT_TD || n->tag == HT_TH) && !data_cell)
				x->pending_space = 1;
		}
		if (descend && sp < SAHIFA_MAX_HTML_DEPTH + 1) {
			link_at[sp] = boundary;
			stack[sp++] = i;
			i = n->first;
			continue;
		}
		if (!descend && n->tag == HT_A && !(x->flags[i] & F_SKIP))
			link_depth--;
		if (boundary && !descend) {
			st = st ? st : flush(x);
			x->cur_start = x->text.len;
			x->cur_owner = open_owner(stack, link_at, sp);
		}
		/* leave: climb while there is no next sibling */
		while (i != HTML_NONE && d->nodes[i].next == HTML_NONE && !st) {
			uint32_t up = stack[--sp];
			int was_boundary = (int)link_at[sp];

			if (sp == 0) {
				i = HTML_NONE;
				break;
			}
			if (d->nodes[up].tag == HT_A && link_depth)
				link_depth--;
			if (was_boundary) {
				st = flush(x);
				x->cur_start = x->text.len;
				/* the innermost open boundary is the owner again */
				x->cur_owner = open_owner(stack, link_at, sp);
			} else if (d->nodes[up].tag == HT_TD || d->nodes[up].tag == HT_TH) {
				x->pending_space = 1;
			}
			i = up;
		}
		if (i != HTML_NONE)
			i = d->nodes[i].next;
	}
	if (!st)
		st = flush(x);
	free(stack);
	return st;
}

/* ---- pass 3: the main container ---- */

/* A mark from class words or a hidden state does not hold on an element with this many
 * prose blocks ("ad-margins" around a story, a body that scripts reveal); comment,
 * related, cookie and newsletter words need more. */
#define SOFT_MARK_PROSE 3
#define SOFT_MARK_PROSE_STRONG 10

/* The best element gives way to its parent when it holds less than this share of the
 * parent's prose, and the parent is not mostly links. */
#define CLIMB_SHARE 0.75
#define CLIMB_MAX_LINKS 0.4

static int under_hidden(const struct ex *x, uint32_t i)
{
	for (; i != HTML_NONE; i = x->d->nodes[i].parent)
		if (x->own[i] == SAHIFA_REASON_HIDDEN)
			return 1;
	return 0;
}

static void relax_marks(struct ex *x)
{
	const struct html_doc *d = x->d;
	size_t i, k;
	uint32_t hidden = 0;

	memset(x->prose, 0, d->n * sizeof(*x->prose));
	for (k = 0; k < x->nb; k++) {
		const struct block *b = &x->b[k];

		if (b->span >= PROSE_MIN_CHARS && b->punct >= 2 &&
		    link_share(b->link_chars, b->chars) < 0.2)
			x->prose[b->owner]++;
	}
	for (i = d->n; i-- > 1;)
		x->prose[d->nodes[i].parent] += x->prose[i];
	/* prose in view: the page's prose less that under hidden elements */
	for (i = 0; i < d->n; i++) {
		uint32_t p = d->nodes[i].parent;

		if (x->own[i] == SAHIFA_REASON_HIDDEN && (p == HTML_NONE || !under_hidden(x, p)))
			hidden += x->prose[i];
	}
	for (i = 0; i < d->n; i++) {
		uint8_t r = x->own[i];
		uint32_t need;

		if (!x->soft[i] || r == NO_REASON)
			continue;
		need = r == SAHIFA_REASON_COMMENT || r == SAHIFA_REASON_RELATED ||
		       r == SAHIFA_REASON_COOKIE || r == SAHIFA_REASON_NEWSLETTER
			       ? SOFT_MARK_PROSE_STRONG : SOFT_MARK_PROSE;
		/* a hidden body is one that scripts reveal only when the page shows no
		 * story of its own; else it is a copy for machines (microdata, print) */
		if (r == SAHIFA_REASON_HIDDEN && x->prose[0] - hidden >= x->prose[i])
			continue;
		if (x->prose[i] >= need) {
			x->own[i] = NO_REASON;
			x->weight[i] += (float)CLASS_WEIGHT;
		}
	}
}

static int scores_container(uint8_t t)
{
	return t == HT_DIV || t == HT_SECTION || t == HT_ARTICLE || t == HT_MAIN ||
	       t == HT_TD || t == HT_BODY || t == HT_CENTER || t == HT_FORM || t == HT_OTHER;
}


/* Reasons inherited from ancestors (hidden sticks; a nearer mark wins otherwise). */
static void inherit(const struct ex *x, uint8_t *inh, int reset_at_chosen)
{
	const struct html_doc *d = x->d;
	size_t i;

	for (i = 0; i < d->n; i++) {
		uint32_t p = d->nodes[i].parent;
		uint8_t up = p != HTML_NONE ? inh[p] : NO_REASON;
		uint8_t own = x->own[i];
		int root = reset_at_chosen && (x->flags[i] & F_CHOSEN) &&
			   (p == HTML_NONE || !(x->flags[p] & F_CHOSEN));

		if (root) {
			inh[i] = own == SAHIFA_REASON_HIDDEN ? own : NO_REASON;
			continue;
		}
		if (up == SAHIFA_REASON_HIDDEN || own == NO_REASON)
			inh[i] = up;
		else
			inh[i] = own;
	}
}

/* The next class token of c[*at..len), or NULL when none is left. */
static const char *class_token(const char *c, size_t len, size_t *at, size_t *n)
{
	size_t i = *at, j;

	while (i < len && isspace((unsigned char)c[i]))
		i++;
	for (j = i; j < len && !isspace((unsigned char)c[j]); j++)
		;
	*at = j;
	*n = j - i;
	return j > i ? c + i : NULL;
}

static int class_has(const char *c, size_t len, const char *tok, size_t n)
{
	size_t at = 0, m;
	const char *t;

	while ((t = class_token(c, len, &at, &m)))
		if (m == n && !memcmp(t, tok, n))
			return 1;
	return 0;
}

/* Two elements of one tag whose classes start with the same token and share at least
 * half of all their tokens: cells of one grid, chunks of one story ("body-text
 * first section", "body-text section"), not a grid's other cells ("grid wide"). */
static int same_kind(const struct html_doc *d, uint32_t a, uint32_t b)
{
	size_t na, nb, at = 0, n, fa, fb, ta = 0, tb = 0, both = 0;
	const char *ca, *cb, *t, *a0, *b0;

	if (d->nodes[a].tag != d->nodes[b].tag)
		return 0;
	ca = html_attr_get(d, a, HA_CLASS, &na);
	cb = html_attr_get(d, b, HA_CLASS, &nb);
	if (!ca || !cb)
		return 0;
	a0 = class_token(ca, na, &at, &fa);
	at = 0;
	b0 = class_token(cb, nb, &at, &fb);
	if (!a0 || !b0 || fa != fb || memcmp(a0, b0, fa))
		return 0;
	for (at = 0; (t = class_token(ca, na, &at, &n));) {
		ta++;
		both += (size_t)class_has(cb, nb, t, n);
	}
	for (at = 0; class_token(cb, nb, &at, &n);)
		tb++;
	return 2 * both >= ta + tb - both;
}

/* The outermost article element below top that holds node i, or HTML_NONE. */
static uint32_t outer_article(const struct html_doc *d, uint32_t top, uint32_t i)
{
	uint32_t found = HTML_NONE;

	for (; i != HTML_NONE && i != top; i = d->nodes[i].parent)
		if (d->nodes[i].tag == HT_ARTICLE)
			found = i;
	return i == top ? found : HTML_NONE;
}

/* 1 when s is or holds an element of the tag. */
static int holds_tag(const struct html_doc *d, uint32_t s, uint8_t tag)
{
	uint32_t i;

	if (d->nodes[s].tag == tag)
		return 1;
	for (i = s + 1; i < d->n && d->nodes[i].depth > d->nodes[s].depth; i++)
		if (d->nodes[i].tag == tag)
			return 1;
	return 0;
}

/* A page that prints its story and then more posts in full, each an article element
 * of its own: when the best element is such a listing (two or more articles, no h1),
 * or holds the story among the teasers, the story is the one article that holds an
 * h1. 1 when *top was moved to it. */
static int one_story(const struct ex *x, uint32_t *top)
{
	const struct html_doc *d = x->d;
	uint32_t t = *top, i, end, story = HTML_NONE, articles = 0, stories = 0;

	for (end = t + 1; end < d->n && d->nodes[end].depth > d->nodes[t].depth; end++)
		;
	for (i = t + 1; i < end; i++)
		if (d->nodes[i].tag == HT_ARTICLE &&
		    outer_article(d, t, d->nodes[i].parent) == HTML_NONE)
			articles++;
	if (articles < 2)
		return 0;
	for (i = 1; i < d->n; i++) {
		uint32_t p, art = HTML_NONE;

		if (d->nodes[i].tag != HT_H1)
			continue;
		for (p = d->nodes[i].parent; p != HTML_NONE; p = d->nodes[p].parent)
			if (d->nodes[p].tag == HT_ARTICLE)
				art = p;
		if (art == HTML_NONE || !x->prose[art] || art == story)
			continue;
		for (p = t; p != HTML_NONE && p != art; p = d->nodes[p].parent)
			;
		if (p == art)   /* around the listing: no narrower */
			continue;
		/* the h1's outermost article, inside the listing or beside it */
		story = art;
		stories++;
	}
	if (stories != 1)
		return 0;
	*top = story;
	return 1;
}

/* How far (elements up from the best one) a lead paragraph may sit, how many short
 * lines (a dateline, a kicker) may stand between it and the story, and how many
 * paragraphs join as the lead: one; a run of them before the body is more often a
 * summary or a list of highlights than the story's start. */
#define LEAD_MAX_UP 4
#define LEAD_MAX_SKIP 0
#define LEAD_MAX 1

/* 1 when a is an ancestor of b within up levels. */
static int near_ancestor(const struct html_doc *d, uint32_t a, uint32_t b, int up)
{
	for (; b != HTML_NONE && up >= 0; b = d->nodes[b].parent)
		if (b == a)
			return 1;
	return 0;
}

/* The lead: sites print the story's first paragraph apart (p.lead, a standfirst, a
 * "first-paragraph" box) just before the body, often in a wrapper of its own. Prose
 * blocks right before the content, under a near ancestor and unmarked, join it. */
static void join_lead(struct ex *x, const uint8_t *inh, uint32_t top)
{
	const struct html_doc *d = x->d;
	size_t k, first = x->nb;
	uint32_t anc = top;
	int up, skipped = 0, taken = 0;

	for (k = 0; k < x->nb; k++)
		if (x->flags[x->b[k].owner] & F_CHOSEN) {
			first = k;
			break;
		}
	for (up = 0; up < LEAD_MAX_UP && d->nodes[anc].parent != HTML_NONE &&
		     d->nodes[anc].parent != 0 && inh[d->nodes[anc].parent] == NO_REASON &&
		     d->nodes[d->nodes[anc].parent].tag != HT_BODY; up++)
		anc = d->nodes[anc].parent;
	while (first-- > 0 && taken < LEAD_MAX) {
		const struct block *b = &x->b[first];

		if (inh[b->owner] != NO_REASON || !near_ancestor(d, anc, b->owner, 64) ||
		    (x->flags[b->owner] & F_CHOSEN))
			break;
		if (b->kind == BK_PARA && b->span >= PROSE_MIN_CHARS && b->punct >= 1 &&
		    link_share(b->link_chars, b->chars) < 0.2 && !b->byline) {
			x->flags[b->owner] |= F_CHOSEN;
			taken++;
			continue;
		}
		if (b->span >= PROSE_MIN_CHARS || ++skipped > LEAD_MAX_SKIP)
			break;
	}
}

static void choose(struct ex *x, const uint8_t *inh, int whole_page)
{
	const struct html_doc *d = x->d;
	size_t i, k;
	uint32_t top = 0, parent, s, a;
	double best = -1e300;
	int narrowed;

	for (i = 0; i < d->n; i++) {
		x->score[i] = 0;
		x->chars[i] = x->links[i] = 0;
		x->flags[i] &= (uint8_t)~F_CHOSEN;
	}
	for (k = 0; k < x->nb; k++) {
		x->chars[x->b[k].owner] += x->b[k].chars;
		x->links[x->b[k].owner] += x->b[k].link_chars;
	}
	for (i = d->n; i-- > 1;) {
		uint32_t p = d->nodes[i].parent;

		x->chars[p] += x->chars[i];
		x->links[p] += x->links[i];
	}
	if (whole_page) {
		x->flags[0] |= F_CHOSEN;
		goto spread;
	}
	for (k = 0; k < x->nb; k++) {
		const struct block *b = &x->b[k];
		uint32_t c;
		double sc;
		int level;

		if ((b->kind != BK_PARA && b->kind != BK_QUOTE && b->kind != BK_LI) ||
		    b->span < SCORE_MIN_CHARS ||
		    link_share(b->link_chars, b->chars) >= LINK_DENSE_SHARE || b->byline)
			continue;
		sc = 1 + b->punct + (b->span / 100 > 3 ? 3 : b->span / 100);
		if (b->kind == BK_LI)
			sc /= 2;
		c = scores_container(d->nodes[b->owner].tag) ? b->owner : d->nodes[b->owner].parent;
		for (level = 0; c != HTML_NONE && c != 0 && level < 3; level++) {
			x->score[c] += sc / (level == 0 ? 1 : level == 1 ? 2 : 4);
			if (x->own[c] != NO_REASON)
				break;
			c = d->nodes[c].parent;
		}
	}
	for (i = 1; i < d->n; i++) {
		double f;

		if (x->score[i] <= 0 || inh[i] != NO_REASON || d->nodes[i].tag == HT_TEXT)
			continue;
		f = (x->score[i] + x->weight[i]) * (1 - link_share(x->links[i], x->chars[i]));
		if (f > best) {
			best = f;
			top = (uint32_t)i;
		}
	}
	if (!top) {
		x->flags[0] |= F_CHOSEN;
		goto spread;
	}
	/* prose outside marked elements, per node */
	memset(x->prose, 0, d->n * sizeof(*x->prose));
	for (k = 0; k < x->nb; k++) {
		const struct block *b = &x->b[k];

		if (b->span >= PROSE_MIN_CHARS && b->punct >= 2 && inh[b->owner] == NO_REASON &&
		    link_share(b->link_chars, b->chars) < 0.2)
			x->prose[b->owner]++;
	}
	for (i = d->n; i-- > 1;)
		x->prose[d->nodes[i].parent] += x->prose[i];
	/* climb while the parent holds much prose the best element does not */
	for (;;) {
		uint32_t p = d->nodes[top].parent;

		if (p == HTML_NONE || p == 0 || inh[p] != NO_REASON ||
		    x->prose[p] <= x->prose[top] ||
		    (double)x->prose[top] >= CLIMB_SHARE * x->prose[p] ||
		    link_share(x->links[p], x->chars[p]) > CLIMB_MAX_LINKS)
			break;
		top = p;
	}
	narrowed = one_story(x, &top) ||
		   (d->nodes[top].tag == HT_ARTICLE && holds_tag(d, top, HT_H1));
	x->flags[top] |= F_CHOSEN;
	/* siblings join the best element; where it sits alone in wrappers that add no
	 * prose (a story cut into chunks, each in its own grid cell between ads), the
	 * wrappers' siblings may join too */
	for (a = top; a != HTML_NONE && a != 0; a = parent) {
		uint32_t joined = 0;

		parent = d->nodes[a].parent;
		if (parent == HTML_NONE)
			break;
		for (s = d->nodes[parent].first; s != HTML_NONE; s = d->nodes[s].next) {
			double f, ls;

			if (s == a || d->nodes[s].tag == HT_TEXT || inh[s] != NO_REASON ||
			    !x->chars[s])
				continue;
			f = (x->score[s] + x->weight[s]) * (1 - link_share(x->links[s], x->chars[s]));
			ls = link_share(x->links[s], x->chars[s]);
			if ((a != top && !same_kind(d, s, a)) ||
			    (narrowed && holds_tag(d, s, HT_ARTICLE)))
				continue;
			if ((x->score[s] > 0 && f >= (best * SIBLING_SHARE > 10 ? best * SIBLING_SHARE : 10)) ||
			    (d->nodes[s].tag == HT_P && x->chars[s] > 80 && ls < 0.25) ||
			    (x->prose[s] >= 2 && ls < SIBLING_PROSE_LINKS)) {
				x->flags[s] |= F_CHOSEN;
				joined += x->prose[s];
			}
		}
		if (joined || parent == 0 || inh[parent] != NO_REASON ||
		    d->nodes[parent].tag == HT_BODY || x->prose[parent] != x->prose[a])
			break;
	}
spread:
	for (i = 1; i < d->n; i++) {
		uint32_t p = d->nodes[i].parent;

		if (p != HTML_NONE && (x->flags[p] & F_CHOSEN))
			x->flags[i] |= F_CHOSEN;
	}
	if (!whole_page)
		join_lead(x, inh, top);
}

/* ---- pass 4: what each block is ---- */

#define KEEP 0xFE       /* decision: content */
#define CONSUMED 0xFD   /* decision: taken as headline or byline */

struct decision {
	uint8_t what;        /* KEEP, CONSUMED, or an enum sahifa_reason */
	const char *rule;    /* chrome rule detail, borrowed */
};

static int block_sentence(const struct ex *x, const struct block *b)
{
	unsigned char c = (unsigned char)x->text.data[b->start + b->len - 1];

	return c == '.' || c == '!' || c == '?' || c == ':' ||
	       (b->len >= 2 && (unsigned char)x->text.data[b->start + b->len - 2] == 0xD8 &&
		c == 0x9F);
}

static const struct seg_rule *chrome_rule(const struct ex *x, const struct block *b)
{
	uint32_t f[SEG_FOLD_CAP + 1];
	size_t n;

	if (!x->rules)
		return NULL;
	n = seg_fold(x->text.data + b->start, b->len, f, SEG_FOLD_CAP);
	if (n > SEG_FOLD_CAP)
		return NULL;
	return seg_rules_chrome(x->rules, f, n, b->chars, block_sentence(x, b));
}

/* A gallery or slideshow holding less than this share of the content's text is
 * pictures with captions; one around most of the story is a layout class. */
#define GALLERY_MAX_SHARE 0.5

/* 1 when the block sits in a gallery inside the content of `chosen` characters. */
static int in_gallery(const struct ex *x, const struct block *b, uint32_t chosen)
{
	const struct html_doc *d = x->d;
	uint32_t p;

	for (p = b->owner; p != HTML_NONE && p != 0; p = d->nodes[p].parent) {
		if (!(x->flags[p] & F_CHOSEN))
			return 0;
		if ((x->flags[p] & F_GALLERY) && x->chars[p] < GALLERY_MAX_SHARE * chosen)
			return 1;
	}
	return 0;
}

/* A heading whose section lost all its text ("Related articles", "More on this",
 * "Read also" over a removed list) goes with that text, for its reason; a heading
 * over a subheading, or with nothing removed below it, stays. */
/* A dateline is looked for among this many first text blocks of the story, each at
 * most this long, in this many words (the text path's measure); the second longer
 * block is the story itself and ends the search.  Up to DATELINE_SENTENCE_WORDS words it may end
 * like a sentence ("Updated March 3, 2024."), longer it must not ("On 3 March 2024
 * the council voted ..." is the lead). */
#define DATELINE_LOOK 6
#define DATELINE_MAX_CHARS 120
#define DATELINE_MAX_WORDS 16
#define DATELINE_SENTENCE_WORDS 6
/* A standfirst may stand before the dateline: this many prose blocks are passed. */
#define DATELINE_PROSE_BEFORE 1

static int block_sentence(const struct ex *x, const struct block *b);

static size_t block_words(const struct ex *x, const struct block *b)
{
	size_t i, w = 0;
	int in = 0;

	for (i = 0; i < b->len; i++) {
		int sp = x->text.data[b->start + i] == ' ';

		w += !sp && !in;
		in = !sp;
	}
	return w;
}

/* Datelines ("Published 3 March 2024", "Gepubliceerd: 3 maart 2024 10:00", «نشر في
 * ...») at the top of the story are metadata, as the text path has them: removed with
 * reason dateline (html_meta_fill takes their date for published when the page's
 * metadata names none).  Returns how many were dropped. */
static size_t drop_datelines(const struct ex *x, struct decision *dec)
{
	size_t k, seen = 0, dropped = 0, prose = 0;
	char iso[64];

	for (k = 0; k < x->nb && seen < DATELINE_LOOK; k++) {
		const struct block *b = &x->b[k];
		size_t w;

		if (dec[k].what != KEEP || b->kind == BK_HEADING || b->kind == BK_CAPTION)
			continue;
		seen++;
		if (b->chars > DATELINE_MAX_CHARS) {
			if (++prose > DATELINE_PROSE_BEFORE)
				break;
			continue;
		}
		if (b->kind != BK_PARA || b->link_chars * 2 > b->chars)
			continue;
		w = block_words(x, b);
		if (w > DATELINE_MAX_WORDS || (w > DATELINE_SENTENCE_WORDS && block_sentence(x, b)))
			continue;
		if (shf_date_text(x->text.data + b->start, b->len, iso, sizeof(iso)))
			continue;
		dec[k].what = SAHIFA_REASON_DATELINE;
		dropped++;
	}
	return dropped;
}

/* Words at most in a list item that is only a time stamp ("13 июля 2016, 17:37"). */
#define STAMP_MAX_WORDS 4

/* 1 when the block is only a clock time or a date: digits and their separators, or a
 * written date of a few words. */
static int stamp_only(const struct ex *x, const struct block *b)
{
	const char *t = x->text.data + b->start;
	size_t i, digits = 0, colons = 0, seps = 0;
	char iso[64];

	for (i = 0; i < b->len; i++) {
		unsigned char c = (unsigned char)t[i];

		if (c >= '0' && c <= '9')
			digits++;
		else if (c == ':')
			colons++;
		else if (c == '.' || c == '/' || c == '-')
			seps++;
		else if (c != ' ' && c != ',')
			break;
	}
	/* "13:00", "15.08.2016 13:43", "23.05.2011"; not "1,000,000" or "555-1234" */
	if (i == b->len)
		return (colons && digits >= 3 && digits <= 12) ||
		       (seps >= 2 && digits >= 4 && digits <= 8);
	/* the date ends the item: "3 March 2020: lockdown" is a line of a timeline */
	return b->len && t[b->len - 1] >= '0' && t[b->len - 1] <= '9' &&
	       block_words(x, b) <= STAMP_MAX_WORDS &&
	       !shf_date_text(t, b->len, iso, sizeof(iso));
}

/* News feeds and teaser lists print each headline's time in an item of its own
 * ("13:00", then the linked headline): with the links gone, the times are no text of
 * the story, and a feed's heading would stand over them alone. */
static size_t drop_stamps(const struct ex *x, struct decision *dec)
{
	size_t k, dropped = 0;

	for (k = 0; k < x->nb; k++) {
		const struct block *b = &x->b[k];

		if (dec[k].what != KEEP || b->kind != BK_LI || b->chars > DATELINE_MAX_CHARS ||
		    !stamp_only(x, b))
			continue;
		dec[k].what = SAHIFA_REASON_DATELINE;
		dropped++;
	}
	return dropped;
}

static void drop_empty_headings(const struct ex *x, struct decision *dec)
{
	size_t k, j;

	for (k = 0; k < x->nb; k++) {
		uint8_t why = NO_REASON;

		if (dec[k].what != KEEP || x->b[k].kind != BK_HEADING)
			continue;
		for (j = k + 1; j < x->nb; j++) {
			const struct block *b = &x->b[j];

			if (dec[j].what == CONSUMED)
				continue;
			if (dec[j].what == KEEP) {
				if (b->kind != BK_HEADING || b->level > x->b[k].level)
					why = NO_REASON;
				break;
			}
			if (why == NO_REASON)
				why = dec[j].what == SAHIFA_REASON_OUTSIDE ? SAHIFA_REASON_SHORT_BLOCK
									: dec[j].what;
		}
		if (why != NO_REASON) {
			dec[k].what = why;
			dec[k].rule = NULL;
		}
	}
}

/* A picture's credit printed as a line of its own is at most this long. */
#define CREDIT_MAX_CHARS 120

/* A picture's credit as a line of its own: "(crédito: Name/Agency)", "Foto: Name",
 * "Photo by Name", «صورة: ...».  Not a sentence that mentions a photo. */
static int credit_block(const struct ex *x, const struct block *b)
{
	static const char *const labels[] = { "foto:", "fotos:", "foto de ", "foto von ",
		"photo:", "photos:", "photo by ", "photograph:", "picture:", "image:", "imagem:",
		"imagen:", "bild:", "credit:", "credits:", "crédito:", "créditos:", "crédit:",
		"crédit photo", "photo credit", "reprodução", "© ", "صورة:", "الصورة:", "تصوير:",
		"عکس:", "عکس از", "تصویر:" };
	const char *t = x->text.data + b->start;
	size_t n = b->len, k;

	if (b->kind != BK_PARA || b->chars > CREDIT_MAX_CHARS || n < 4)
		return 0;
	if ((t[0] == '(' && t[n - 1] == ')') || (t[0] == '[' && t[n - 1] == ']')) {
		t++;
		n -= 2;
		while (n && *t == ' ')
			t++, n--;
	} else if (block_sentence(x, b)) {
		return 0;
	}
	for (k = 0; k < sizeof(labels) / sizeof(labels[0]); k++) {
		size_t l = strlen(labels[k]);

		if (n > l && !strncasecmp(t, labels[k], l))
			return 1;
	}
	return 0;
}

static size_t classify(struct ex *x, const uint8_t *inh, const uint8_t *inh_in,
		       struct decision *dec)
{
	size_t k, kept = 0;
	int ended = 0;
	uint32_t chosen = 0;

	for (k = 0; k < x->nb; k++)
		if (x->flags[x->b[k].owner] & F_CHOSEN)
			chosen += x->b[k].chars;

	for (k = 0; k < x->nb; k++) {
		const struct block *b = &x->b[k];
		double ls = link_share(b->link_chars, b->chars);
		const struct seg_rule *r;

		dec[k].rule = NULL;
		if (dec[k].what == CONSUMED)
			continue;
		if (!(x->flags[b->owner] & F_CHOSEN)) {
			dec[k].what = inh[b->owner] != NO_REASON ? inh[b->owner]
								 : SAHIFA_REASON_OUTSIDE;
			continue;
		}
		if (ended) {
			dec[k].what = SAHIFA_REASON_CHROME_BLOCK;
			continue;
		}
		if (inh_in[b->owner] != NO_REASON) {
			dec[k].what = inh_in[b->owner];
			continue;
		}
		if (ls > LINK_DENSE_SHARE ||
		    (b->chars <= LINK_DENSE_SHORT_CHARS && ls > LINK_DENSE_SHORT_SHARE &&
		     b->kind != BK_CAPTION)) {
			dec[k].what = b->kind == BK_LI || b->kind == BK_HEADING
					      ? SAHIFA_REASON_LINK_LIST : SAHIFA_REASON_LINK_DENSE;
			continue;
		}
		if ((r = chrome_rule(x, b))) {
			dec[k].what = SAHIFA_REASON_CHROME;
			dec[k].rule = r->detail;
			if (r->kind == SEG_RULE_END)
				ended = 1;
			continue;
		}
		if (credit_block(x, b)) {
			dec[k].what = SAHIFA_REASON_CREDIT;
			continue;
		}
		dec[k].what = KEEP;
		if (b->kind != BK_HEADING && in_gallery(x, b, chosen))
			x->b[k].kind = BK_CAPTION;
		if (b->kind != BK_HEADING && b->kind != BK_CAPTION)
			kept++;
	}
	kept -= drop_datelines(x, dec);
	kept -= drop_stamps(x, dec);
	drop_empty_headings(x, dec);
	return kept;
}

static int utf8_ok(const char *s)
{
	return sahifa_utf8_valid(s, strlen(s), NULL);
}

/* The removal detail of a block: what marked its element. */
static void detail_of(const struct ex *x, const struct block *b, uint8_t why, char *out,
		      size_t size)
{
	static const char *const tags[HT_COUNT] = { [HT_NAV] = "nav", [HT_ASIDE] = "aside",
		[HT_FORM] = "form", [HT_HEADER] = "header", [HT_FOOTER] = "footer",
		[HT_MENU] = "menu" };
	const struct html_doc *d = x->d;
	uint32_t p;

	out[0] = '\0';
	if (why == SAHIFA_REASON_LINK_DENSE || why == SAHIFA_REASON_LINK_LIST) {
		if (b->chars)
			snprintf(out, size, "links %u%%",
				 (unsigned)(100.0 * b->link_chars / b->chars + 0.5));
		return;
	}
	for (p = b->owner; p != HTML_NONE; p = d->nodes[p].parent) {
		const char *v;
		size_t n;

		if (x->own[p] != why)
			continue;
		if (why == SAHIFA_REASON_HIDDEN) {
			snprintf(out, size, "hidden");
		} else if ((v = html_attr_get(d, p, HA_CLASS, &n)) && n) {
			snprintf(out, size, "class '%.*s'", (int)(n > 60 ? 60 : n), v);
		} else if ((v = html_attr_get(d, p, HA_ID, &n)) && n) {
			snprintf(out, size, "id '%.*s'", (int)(n > 60 ? 60 : n), v);
		} else if ((v = html_attr_get(d, p, HA_ROLE, &n)) && n) {
			snprintf(out, size, "role '%.*s'", (int)(n > 30 ? 30 : n), v);
		} else if (tags[d->nodes[p].tag]) {
			snprintf(out, size, "<%s>", tags[d->nodes[p].tag]);
		}
		break;
	}
	if (!utf8_ok(out))
		out[0] = '\0';
}

/* ---- the record ---- */

static enum sahifa_status add_nfc(struct sahifa_buf *tmp, const char *s, size_t n,
				  struct sahifa_error *err)
{
	sahifa_buf_reset(tmp);
	if (sahifa_buf_append(tmp, s, n))
		return SAHIFA_ERR_NOMEM;
	return sahifa_nfc(tmp, err);
}

static enum sahifa_status emit(struct ex *x, const struct decision *dec, struct sahifa_article *a,
			       struct sahifa_error *err)
{
	struct sahifa_section *sec = NULL;
	struct sahifa_buf tmp;
	enum sahifa_status st = SAHIFA_OK;
	size_t k;
	char detail[160];

	sahifa_buf_init(&tmp, 0);
	for (k = 0; k < x->nb && !st; k++) {
		const struct block *b = &x->b[k];
		const char *s = x->text.data + b->start;

		if (dec[k].what == CONSUMED)
			continue;
		if ((st = add_nfc(&tmp, s, b->len, err)))
			break;
		if (dec[k].what != KEEP) {
			if (dec[k].rule)
				snprintf(detail, sizeof(detail), "%s", dec[k].rule);
			else
				detail_of(x, b, dec[k].what, detail, sizeof(detail));
			if (!sahifa_article_add_removed(a, b->line, tmp.data, tmp.len,
							(enum sahifa_reason)dec[k].what,
							detail[0] ? detail : NULL))
				st = SAHIFA_ERR_NOMEM;
			continue;
		}
		if (a->headline && b->kind != BK_CAPTION &&
		    html_same_text(tmp.data, tmp.len, a->headline, strlen(a->headline))) {
			if (!sahifa_article_add_removed(a, b->line, tmp.data, tmp.len,
							SAHIFA_REASON_TITLE_COPY, NULL))
				st = SAHIFA_ERR_NOMEM;
			continue;
		}
		switch (b->kind) {
		case BK_HEADING:
			sec = sahifa_article_add_section(a, tmp.data, tmp.len,
							 b->level < 2 ? 2 : b->level, b->line);
			if (!sec)
				st = SAHIFA_ERR_NOMEM;
			break;
		case BK_CAPTION:
			if (!sahifa_article_add_caption(a, tmp.data, tmp.len, b->line))
				st = SAHIFA_ERR_NOMEM;
			break;
		default:
			if (!sec && !(sec = sahifa_article_add_section(a, NULL, 0, 1, 0))) {
				st = SAHIFA_ERR_NOMEM;
				break;
			}
			if (!sahifa_section_add_paragraph(sec, tmp.data, tmp.len,
							  b->kind == BK_LI ? SAHIFA_KIND_LIST_ITEM
							  : b->kind == BK_QUOTE ? SAHIFA_KIND_QUOTE
										: SAHIFA_KIND_PARAGRAPH,
							  b->line))
				st = SAHIFA_ERR_NOMEM;
			break;
		}
	}
	sahifa_buf_release(&tmp);
	if (st == SAHIFA_ERR_NOMEM)
		return sahifa_error_set(err, st, NULL, 0, 0, "out of memory");
	return st;
}

/* JSON-LD articleBody as a cross-check: when the chosen content holds much less text
 * than the page's own articleBody says, and a block outside it starts that body, the
 * content grows to the nearest element holding both (never the whole page).  The
 * articleBody's text itself is never used. */
#define LD_CHECK_PREFIX 40
#define LD_CHECK_SHORT 0.5

static void ld_cross_check(struct ex *x, const uint8_t *inh)
{
	const struct html_doc *d = x->d;
	size_t k, kept = 0, body_len, i;
	uint32_t top = HTML_NONE, other = HTML_NONE, u, v;
	int begins = 0;
	const char *body = x->ld.body;

	if (!body)
		return;
	while (*body == ' ' || *body == '\n' || *body == '\t' || *body == '\r')
		body++;
	body_len = strlen(body);
	if (body_len < 4 * LD_CHECK_PREFIX)
		return;
	for (k = 0; k < x->nb; k++)
		if (x->flags[x->b[k].owner] & F_CHOSEN) {
			const struct block *b = &x->b[k];

			kept += b->len;
			if (b->len >= LD_CHECK_PREFIX &&
			    html_same_text(x->text.data + b->start, LD_CHECK_PREFIX, body, LD_CHECK_PREFIX))
				begins = 1;
		}
	/* long enough and the story's first words in it: nothing to mend */
	if ((double)kept >= LD_CHECK_SHORT * (double)body_len && begins)
		return;
	for (k = 0; k < x->nb && other == HTML_NONE; k++) {
		const struct block *b = &x->b[k];

		if (!(x->flags[b->owner] & F_CHOSEN) && inh[b->owner] == NO_REASON &&
		    b->len >= LD_CHECK_PREFIX &&
		    html_same_text(x->text.data + b->start, LD_CHECK_PREFIX, body, LD_CHECK_PREFIX))
			other = b->owner;
	}
	for (i = 1; i < d->n && top == HTML_NONE; i++)
		if ((x->flags[i] & F_CHOSEN) && !(x->flags[d->nodes[i].parent] & F_CHOSEN))
			top = (uint32_t)i;
	if (other == HTML_NONE || top == HTML_NONE)
		return;
	for (u = top, v = other; u != v;) {
		if (d->nodes[u].depth >= d->nodes[v].depth)
			u = d->nodes[u].parent;
		else
			v = d->nodes[v].parent;
		if (u == HTML_NONE || v == HTML_NONE)
			return;
	}
	if (u == 0 || d->nodes[u].tag == HT_BODY || d->nodes[u].tag == HT_HTML ||
	    inh[u] != NO_REASON)
		return;
	x->flags[u] |= F_CHOSEN;
	for (i = (size_t)u + 1; i < d->n; i++) {
		uint32_t p = d->nodes[i].parent;

		if (p != HTML_NONE && (x->flags[p] & F_CHOSEN))
			x->flags[i] |= F_CHOSEN;
	}
}

static enum sahifa_status extract(struct ex *x, struct sahifa_article *a, struct sahifa_error *err)
{
	const struct html_doc *d = x->d;
	struct decision *dec = NULL;
	uint8_t *inh = NULL, *inh_in = NULL;
	struct metas m;
	enum sahifa_status st = SAHIFA_OK;
	long h = -1;
	size_t k;

	x->own = malloc(d->n);
	x->soft = malloc(d->n);
	x->prose = malloc(d->n * sizeof(*x->prose));
	x->flags = malloc(d->n);
	x->weight = malloc(d->n * sizeof(*x->weight));
	x->score = malloc(d->n * sizeof(*x->score));
	x->chars = malloc(d->n * sizeof(*x->chars));
	x->links = malloc(d->n * sizeof(*x->links));
	inh = malloc(d->n);
	inh_in = malloc(d->n);
	if (!x->own || !x->soft || !x->prose || !x->flags || !x->weight || !x->score || !x->chars || !x->links || !inh ||
	    !inh_in)
		goto nomem;
	mark_elements(x);
	if ((st = make_blocks(x)))
		goto nomem;
	relax_marks(x);
	dec = calloc(x->nb ? x->nb : 1, sizeof(*dec));
	if (!dec)
		goto nomem;
	inherit(x, inh, 0);
	choose(x, inh, 0);
	html_meta_read(x, &m);
	ld_cross_check(x, inh);
	h = html_meta_headline(x, &m, a, &st);
	if (st)
		goto nomem;
	if (h >= 0)
		dec[h].what = CONSUMED;
	/* the byline: the first short credit block near the content */
	for (k = 0; k < x->nb; k++) {
		const struct block *b = &x->b[k];

		if (!b->byline || b->chars > BYLINE_MAX_CHARS || dec[k].what == CONSUMED ||
		    inh[b->owner] == SAHIFA_REASON_COMMENT || inh[b->owner] == SAHIFA_REASON_HIDDEN)
			continue;
		if ((st = sahifa_article_set_str(&a->byline, x->text.data + b->start, b->len)))
			goto nomem;
		a->byline_line = b->line;
		dec[k].what = CONSUMED;
		break;
	}
	if (h >= 0)
		a->headline_line = x->b[h].line;
	inherit(x, inh_in, 1);
	if (!classify(x, inh, inh_in, dec)) {
		/* nothing kept: the whole page is the container, marks still apply */
		choose(x, inh, 1);
		inherit(x, inh_in, 1);
		for (k = 0; k < x->nb; k++)
			if (dec[k].what != CONSUMED)
				dec[k].what = 0;
		classify(x, inh, inh_in, dec);
	}
	if ((st = emit(x, dec, a, err)))
		goto out;
	if ((st = html_meta_fill(x, &m, a)))
		goto nomem;
	if (!a->n_authors && a->byline) {
		const char *s = a->byline;

		if (!strncasecmp(s, "by ", 3))
			s += 3;
		if (strlen(s) < 80 && (st = sahifa_article_add_author(a, s, strlen(s))))
			goto nomem;
	}
	goto out;
nomem:
	st = sahifa_error_nomem(err, NULL);
out:
	free(dec);
	free(inh);
	free(inh_in);
	return st;
}

static void ex_release(struct ex *x)
{
	free(x->own);
	free(x->soft);
	free(x->prose);
	free(x->flags);
	free(x->weight);
	free(x->score);
	free(x->chars);
	free(x->links);
	free(x->b);
	sahifa_buf_release(&x->text);
	html_ld_release(&x->ld);
}

enum sahifa_status sahifa_html_convert(const struct sahifa_rules *rules,
				       const unsigned char *raw, size_t len,
				       const char *transport_charset,
				       enum sahifa_on_invalid on_invalid,
				       struct sahifa_article *a, struct sahifa_error *err)
{
	struct sahifa_decoded dec;
	struct html_doc doc;
	struct ex x;
	char meta[SAHIFA_ENCODING_MAX];
	const char *declared = transport_charset;
	enum sahifa_status st;
	size_t i;

	snprintf(a->source.format, sizeof(a->source.format), "html");
	if (!declared && !sahifa_html_meta_charset(raw, len, meta, sizeof(meta)))
		declared = meta;
	if (declared && sahifa_article_set_str(&a->source.declared_encoding, declared,
					       strlen(declared)))
		return sahifa_error_nomem(err, NULL);
	sahifa_decoded_init(&dec);
	st = sahifa_decode_declared(raw, len, declared, on_invalid, &dec, err);
	if (st) {
		sahifa_decoded_release(&dec);
		return st;
	}
	snprintf(a->source.encoding, sizeof(a->source.encoding), "%s", dec.encoding);
	a->stats.replaced = dec.replaced;
	a->stats.lines = 1;
	for (i = 0; i < dec.text.len; i++)
		a->stats.lines += dec.text.data[i] == '\n';
	html_doc_init(&doc);
	st = html_parse(dec.text.data, dec.text.len, &doc, err);
	sahifa_decoded_release(&dec);
	if (st) {
		html_doc_release(&doc);
		return st;
	}
	memset(&x, 0, sizeof(x));
	x.d = &doc;
	x.rules = rules;
	sahifa_buf_init(&x.text, 0);
	st = doc.n ? extract(&x, a, err)
		   : sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0, "not an HTML page: no elements");
	ex_release(&x);
	html_doc_release(&doc);
	if (!st)
		sahifa_article_count(a);
	return st;
}
