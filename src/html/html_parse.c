/*
 * The libxml2 seam: UTF-8 text -> struct html_doc.  libxml2's HTML parser in recover
 * mode, told the text is UTF-8 (sahifa decodes with ICU first: libxml2 would trust a
 * wrong <meta charset>), no network, HUGE so that deep pages are not cut at depth 256;
 * sahifa's own limits bound the node count and the depth of the tree it keeps.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parserInternals.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "html/html_doc.h"
#include "sahifa/limits.h"

static const struct { const char *name; uint8_t tag; } tag_names[] = {
	/* sorted by name for bsearch */
	{ "a", HT_A }, { "address", HT_ADDRESS }, { "article", HT_ARTICLE },
	{ "aside", HT_ASIDE }, { "audio", HT_AUDIO }, { "blockquote", HT_BLOCKQUOTE },
	{ "body", HT_BODY }, { "br", HT_BR }, { "button", HT_BUTTON }, { "canvas", HT_CANVAS },
	{ "caption", HT_CAPTION }, { "center", HT_CENTER }, { "dd", HT_DD },
	{ "details", HT_DETAILS }, { "dialog", HT_DIALOG }, { "div", HT_DIV }, { "dl", HT_DL },
	{ "dt", HT_DT }, { "embed", HT_EMBED }, { "figcaption", HT_FIGCAPTION },
	{ "figure", HT_FIGURE }, { "footer", HT_FOOTER }, { "form", HT_FORM }, { "h1", HT_H1 },
	{ "h2", HT_H2 }, { "h3", HT_H3 }, { "h4", HT_H4 }, { "h5", HT_H5 }, { "h6", HT_H6 },
	{ "head", HT_HEAD }, { "header", HT_HEADER }, { "hr", HT_HR }, { "html", HT_HTML },
	{ "iframe", HT_IFRAME }, { "img", HT_IMG }, { "input", HT_INPUT }, { "label", HT_LABEL },
	{ "li", HT_LI }, { "link", HT_LINK }, { "main", HT_MAIN }, { "math", HT_MATH },
	{ "menu", HT_MENU }, { "meta", HT_META }, { "nav", HT_NAV }, { "noscript", HT_NOSCRIPT },
	{ "object", HT_OBJECT }, { "ol", HT_OL }, { "option", HT_OPTION }, { "p", HT_P },
	{ "picture", HT_PICTURE }, { "pre", HT_PRE }, { "q", HT_Q }, { "rp", HT_RP }, { "rt", HT_RT }, { "script", HT_SCRIPT },
	{ "section", HT_SECTION }, { "select", HT_SELECT }, { "style", HT_STYLE },
	{ "summary", HT_SUMMARY }, { "svg", HT_SVG }, { "table", HT_TABLE }, { "tbody", HT_TBODY },
	{ "td", HT_TD }, { "template", HT_TEMPLATE }, { "textarea", HT_TEXTAREA },
	{ "tfoot", HT_TFOOT }, { "th", HT_TH }, { "thead", HT_THEAD }, { "time", HT_TIME },
	{ "title", HT_TITLE }, { "tr", HT_TR }, { "ul", HT_UL }, { "video", HT_VIDEO },
};

static const char *const attr_names[HA_COUNT] = {
	"class", "id", "role", "itemprop", "style", "hidden", "aria-hidden", "href", "rel",
	"name", "property", "content", "datetime", "type", "lang", "charset", "http-equiv",
	"itemtype", "pubdate",
};

static int tag_cmp(const void *k, const void *e)
{
	return strcmp(k, *(const char *const *)e);
}

static uint8_t tag_of(const char *name)
{
	const void *p = bsearch(name, tag_names, sizeof(tag_names) / sizeof(tag_names[0]),
				sizeof(tag_names[0]), tag_cmp);

	return p ? ((const __typeof__(tag_names[0]) *)p)->tag : HT_OTHER;
}

static int attr_of(const char *name)
{
	int i;

	for (i = 0; i < HA_COUNT; i++)
		if (!strcmp(name, attr_names[i]))
			return i;
	return -1;
}

void html_doc_init(struct html_doc *d)
{
	memset(d, 0, sizeof(*d));
	sahifa_buf_init(&d->pool, 0);
}

void html_doc_release(struct html_doc *d)
{
	free(d->nodes);
	free(d->attrs);
	sahifa_buf_release(&d->pool);
	memset(d, 0, sizeof(*d));
}

const char *html_attr_get(const struct html_doc *d, uint32_t i, enum html_attr key, size_t *len)
{
	const struct html_node *n = &d->nodes[i];
	uint32_t k;

	for (k = 0; k < n->n_attr; k++) {
		const struct html_attr_val *a = &d->attrs[n->attr + k];

		if (a->key == key) {
			if (len)
				*len = a->len;
			return d->pool.data + a->off;
		}
	}
	return NULL;
}

static int pool_add(struct html_doc *d, const char *s, size_t len, uint32_t *off)
{
	if (d->pool.len + len + 1 > UINT32_MAX)
		return -1;
	*off = (uint32_t)d->pool.len;
	if (sahifa_buf_append(&d->pool, s, len) || sahifa_buf_append_char(&d->pool, '\0'))
		return -1;
	return 0;
}

/* Append a node under parent; returns its index or HTML_NONE when out of memory. */
static uint32_t node_add(struct html_doc *d, uint32_t parent, uint8_t tag, long line)
{
	struct html_node *n;
	uint32_t i;

	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 256;
		struct html_node *nn = realloc(d->nodes, cap * sizeof(*nn));

		if (!nn)
			return HTML_NONE;
		d->nodes = nn;
		d->cap = cap;
	}
	i = (uint32_t)d->n++;
	n = &d->nodes[i];
	memset(n, 0, sizeof(*n));
	n->tag = tag;
	n->parent = parent;
	n->next = n->first = n->last = HTML_NONE;
	n->line = line;
	n->depth = parent == HTML_NONE ? 0 : d->nodes[parent].depth + 1;
	if (parent != HTML_NONE) {
		struct html_node *p = &d->nodes[parent];

		if (p->last != HTML_NONE)
			d->nodes[p->last].next = i;
		else
			p->first = i;
		p->last = i;
	}
	return i;
}

static int attrs_add(struct html_doc *d, uint32_t i, xmlNode *x)
{
	xmlAttr *a;

	d->nodes[i].attr = (uint32_t)d->n_attrs;
	for (a = x->properties; a; a = a->next) {
		int key = a->name ? attr_of((const char *)a->name) : -1;
		struct html_attr_val *v;
		xmlChar *val;

		if (key < 0)
			continue;
		if (d->n_attrs == d->cap_attrs) {
			size_t cap = d->cap_attrs ? d->cap_attrs * 2 : 256;
			struct html_attr_val *na = realloc(d->attrs, cap * sizeof(*na));

			if (!na)
				return -1;
			d->attrs = na;
			d->cap_attrs = cap;
		}
		v = &d->attrs[d->n_attrs];
		v->key = (uint8_t)key;
		val = xmlNodeListGetString(x->doc, a->children, 1);
		if (pool_add(d, val ? (const char *)val : "", val ? strlen((const char *)val) : 0,
			     &v->off)) {
			xmlFree(val);
			return -1;
		}
		v->len = val ? (uint32_t)strlen((const char *)val) : 0;
		xmlFree(val);
		d->n_attrs++;
		d->nodes[i].n_attr++;
	}
	return 0;
}

static long line_of(xmlNode *x)
{
	long l = xmlGetLineNo(x);

	return l > 0 ? l : 0;
}

/* Copy the libxml2 tree under root, depth first, without recursion. */
static enum sahifa_status copy_tree(xmlNode *root, struct html_doc *d, struct sahifa_error *err)
{
	uint32_t *stack = NULL;   /* our parent index for each libxml2 depth */
	size_t depth = 0, cap = 0;
	xmlNode *x = root;
	uint32_t top = node_add(d, HTML_NONE, HT_OTHER, 0); /* document node */

	if (top == HTML_NONE)
		goto nomem;
	cap = 64;
	stack = malloc(cap * sizeof(*stack));
	if (!stack)
		goto nomem;
	stack[0] = top;
	while (x) {
		uint32_t parent = stack[depth], me = HTML_NONE;
		int descend = 0;

		if (d->n >= SAHIFA_MAX_HTML_NODES) {
			free(stack);
			return sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0,
						"page has more than %u elements and text nodes",
						(unsigned)SAHIFA_MAX_HTML_NODES);
		}
		if (x->type == XML_ELEMENT_NODE && x->name) {
			uint32_t at = parent;

			if (d->nodes[at].depth >= SAHIFA_MAX_HTML_DEPTH) {
				d->flattened++;
				me = at;   /* too deep: its children hang on the ancestor */
			} else {
				me = node_add(d, at, tag_of((const char *)x->name), line_of(x));
				if (me == HTML_NONE || attrs_add(d, me, x))
					goto nomem;
			}
			descend = x->children != NULL;
		} else if ((x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) &&
			   x->content && x->content[0]) {
			size_t len = strlen((const char *)x->content);
			uint32_t t = node_add(d, parent, HT_TEXT, line_of(x));

			if (t == HTML_NONE || pool_add(d, (const char *)x->content, len,
						      &d->nodes[t].text))
				goto nomem;
			d->nodes[t].text_len = (uint32_t)len;
		}
		if (descend) {
			if (depth + 1 == cap) {
				uint32_t *ns = realloc(stack, cap * 2 * sizeof(*ns));

				if (!ns)
					goto nomem;
				stack = ns;
				cap *= 2;
			}
			stack[++depth] = me;
			x = x->children;
			continue;
		}
		for (;;) {
			if (x->next) {
				x = x->next;
				break;
			}
			if (depth == 0) {
				x = NULL;
				break;
			}
			x = x->parent;
			depth--;
		}
	}
	free(stack);
	return SAHIFA_OK;
nomem:
	free(stack);
	return sahifa_error_nomem(err, NULL);
}

/* ---- end tags that libxml2 leaves unclosed ----
 *
 * libxml2's HTML parser (the HTML 4 one of 2.9) lets a misplaced end tag close only
 * elements of its own "end priority" or lower: "<article><header><div></header>"
 * leaves the stray div open, and every later post of a forum thread, every later
 * section, nests inside it.  A browser (HTML 5, "an end tag whose tag name is one of
 * address, article, aside, ...") closes everything up to the element the end tag
 * names, when one is open in scope.  libxml2 reports the mismatch before it gives up
 * on the end tag; at that moment this hook closes the elements above the one named,
 * so that libxml2 then closes that one itself. */

/* libxml2 2.9's end priorities (HTMLparser.c htmlEndPriority); 100 for the rest. */
static int end_priority(const xmlChar *name)
{
	static const struct { const char *name; int pri; } pri[] = {
		{ "div", 150 }, { "td", 160 }, { "th", 160 }, { "tr", 170 }, { "thead", 180 },
		{ "tbody", 180 }, { "tfoot", 180 }, { "table", 190 }, { "head", 200 },
		{ "body", 200 }, { "html", 220 },
	};
	size_t k;

	for (k = 0; k < sizeof(pri) / sizeof(pri[0]); k++)
		if (!strcmp((const char *)name, pri[k].name))
			return pri[k].pri;
	return 100;
}

/* End tags that close what is open above their element (HTML 5's list, the block
 * containers), and the elements whose scope they do not cross. */
static int closes_through(const xmlChar *name)
{
	static const char *const names[] = { "address", "article", "aside", "blockquote",
		"center", "details", "dialog", "dl", "figcaption", "figure", "footer", "header",
		"main", "menu", "nav", "ol", "section", "summary", "ul" };
	size_t k;

	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
		if (!strcmp((const char *)name, names[k]))
			return 1;
	return 0;
}

static int scope_edge(const xmlChar *name)
{
	static const char *const names[] = { "caption", "html", "object", "table", "td",
		"template", "th" };
	size_t k;

	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
		if (!strcmp((const char *)name, names[k]))
			return 1;
	return 0;
}

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
	xmlInitParser();
}

/* libxml2's error handler (its messages are not printed): the error just raised is in
 * ctxt->lastError. */
static void end_tag_hook(void *data, const char *msg, ...)
{
	htmlParserCtxtPtr ctxt = data;
	const xmlError *e = ctxt ? &ctxt->lastError : NULL;
	const xmlChar *name;
	int i, pri, bail = 0;

	(void)msg;
	if (!ctxt || !e || e->code != XML_ERR_TAG_NAME_MISMATCH || !e->str1 || !e->str2 ||
	    !ctxt->name || strcmp(e->str2, (const char *)ctxt->name))
		return;
	name = (const xmlChar *)e->str1;
	if (!closes_through(name))
		return;
	pri = end_priority(name);
	for (i = ctxt->nameNr - 1; i >= 0; i--) {
		if (!strcmp((const char *)ctxt->nameTab[i], (const char *)name))
			break;
		if (scope_edge(ctxt->nameTab[i]))
			return;
		if (end_priority(ctxt->nameTab[i]) > pri)
			bail = 1;
	}
	/* only where libxml2 gave up on the end tag: else it closes them itself */
	if (i < 0 || !bail)
		return;
	while (ctxt->nameNr > i + 1) {
		if (ctxt->sax && ctxt->sax->endElement)
			ctxt->sax->endElement(ctxt->userData, ctxt->name);
		ctxt->nameNr--;
		ctxt->nameTab[ctxt->nameNr] = NULL;
		ctxt->name = ctxt->nameTab[ctxt->nameNr - 1];
	}
}

enum sahifa_status html_parse(const char *text, size_t len, struct html_doc *d,
			      struct sahifa_error *err)
{
	htmlParserCtxtPtr ctxt;
	xmlCharEncodingHandlerPtr utf8;
	htmlDocPtr doc;
	enum sahifa_status st;
	size_t i, tags = 0;

	if (len > SAHIFA_MAX_HTML_BYTES || len > INT32_MAX)
		return sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0,
					"page of %zu bytes is over the limit of %zu", len,
					(size_t)SAHIFA_MAX_HTML_BYTES);
	/* Every element starts at a '<': a cheap bound before libxml2 builds its tree. */
	for (i = 0; i < len; i++)
		tags += text[i] == '<';
	if (tags > SAHIFA_MAX_HTML_NODES)
		return sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0,
					"page has %zu tags, over the limit of %u", tags,
					(unsigned)SAHIFA_MAX_HTML_NODES);
	/* libxml2's globals (its dictionary and random mutexes) are set up once, before any
	 * two threads can race to create them: htmlReadMemory did this, its steps below do not */
	pthread_once(&xml_once, xml_init);
	/* the steps of htmlReadMemory, with the end tag hook set after the options (that
	 * drop libxml2's own handlers); the text is UTF-8 whatever its <meta> says */
	ctxt = htmlCreateMemoryParserCtxt(text, (int)len);
	if (!ctxt)
		return sahifa_error_nomem(err, NULL);
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
				 HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC |
				 XML_PARSE_HUGE | XML_PARSE_BIG_LINES);
	utf8 = xmlFindCharEncodingHandler("UTF-8");
	if (utf8)
		xmlSwitchToEncoding(ctxt, utf8);
	ctxt->sax->error = end_tag_hook;
	htmlParseDocument(ctxt);
	doc = ctxt->myDoc;
	ctxt->myDoc = NULL;
	htmlFreeParserCtxt(ctxt);
	if (!doc)
		return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
					"not an HTML page: the parser found no document");
	st = copy_tree(xmlDocGetRootElement(doc), d, err);
	xmlFreeDoc(doc);
	return st;
}
