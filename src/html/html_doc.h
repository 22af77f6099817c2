/*
 * The parsed page as the extractor sees it (shared by the files of src/html/).
 * src/html/html_parse.c, the only file that includes libxml2, fills it; the rest of
 * src/html/ reads it.  Nodes are kept in document order in one array, every parent
 * before its children, so a backward loop over the array visits children before
 * their parents and no pass needs recursion.
 */
#ifndef SAHIFA_HTML_DOC_H
#define SAHIFA_HTML_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "sahifa/buf.h"
#include "sahifa/error.h"

/* The elements the extractor tells apart; every other element is HT_OTHER (inline). */
enum html_tag {
	HT_TEXT = 0, HT_OTHER, HT_HTML, HT_HEAD, HT_BODY, HT_TITLE, HT_META, HT_LINK,
	HT_SCRIPT, HT_STYLE, HT_NOSCRIPT, HT_TEMPLATE, HT_IFRAME, HT_SVG, HT_MATH, HT_CANVAS,
	HT_FORM, HT_INPUT, HT_BUTTON, HT_SELECT, HT_TEXTAREA, HT_OPTION, HT_LABEL,
	HT_NAV, HT_HEADER, HT_FOOTER, HT_ASIDE, HT_ARTICLE, HT_MAIN, HT_SECTION, HT_DIV,
	HT_P, HT_BR, HT_HR, HT_H1, HT_H2, HT_H3, HT_H4, HT_H5, HT_H6,
	HT_UL, HT_OL, HT_LI, HT_DL, HT_DT, HT_DD, HT_BLOCKQUOTE, HT_Q, HT_PRE,
	HT_FIGURE, HT_FIGCAPTION, HT_IMG, HT_PICTURE, HT_TABLE, HT_CAPTION, HT_TR, HT_TD,
	HT_TH, HT_THEAD, HT_TBODY, HT_TFOOT, HT_A, HT_TIME, HT_ADDRESS, HT_CENTER,
	HT_DETAILS, HT_SUMMARY, HT_MENU, HT_DIALOG, HT_OBJECT, HT_EMBED, HT_VIDEO, HT_AUDIO,
	HT_RT, HT_RP,
	HT_COUNT
};

/* The attributes the extractor reads; the others are not kept. */
enum html_attr {
	HA_CLASS = 0, HA_ID, HA_ROLE, HA_ITEMPROP, HA_STYLE, HA_HIDDEN, HA_ARIA_HIDDEN,
	HA_HREF, HA_REL, HA_NAME, HA_PROPERTY, HA_CONTENT, HA_DATETIME, HA_TYPE, HA_LANG,
	HA_CHARSET, HA_HTTP_EQUIV, HA_ITEMTYPE, HA_PUBDATE, HA_COUNT
};

#define HTML_NONE UINT32_MAX

struct html_node {
	uint8_t tag;                 /* enum html_tag */
	uint32_t parent, next;       /* HTML_NONE when none */
	uint32_t first, last;        /* children */
	uint32_t depth;
	long line;                   /* source line, 1-based, 0 unknown */
	uint32_t text, text_len;     /* HT_TEXT: bytes in html_doc.pool */
	uint32_t attr, n_attr;       /* elements: entries in html_doc.attrs */
};

struct html_attr_val {
	uint8_t key;                 /* enum html_attr */
	uint32_t off, len;           /* value bytes in html_doc.pool */
};

struct html_doc {
	struct html_node *nodes;
	size_t n, cap;
	struct html_attr_val *attrs;
	size_t n_attrs, cap_attrs;
	struct sahifa_buf pool;      /* text and attribute values, UTF-8 */
	uint32_t flattened;          /* elements deeper than the depth limit, hung higher */
};

void html_doc_init(struct html_doc *d);
void html_doc_release(struct html_doc *d);

/* Parse UTF-8 text[0..len) (libxml2, recover mode, no network).  Fails with
 * SAHIFA_ERR_LIMIT past SAHIFA_MAX_HTML_NODES; elements deeper than
 * SAHIFA_MAX_HTML_DEPTH are kept, hung on their ancestor at that depth. */
enum sahifa_status html_parse(const char *text, size_t len, struct html_doc *d,
			      struct sahifa_error *err);

/* The value of attribute key of node i, or NULL (*len set when found). */
const char *html_attr_get(const struct html_doc *d, uint32_t i, enum html_attr key,
			  size_t *len);

static inline const char *html_text(const struct html_doc *d, uint32_t i)
{
	return d->pool.data + d->nodes[i].text;
}

#endif
