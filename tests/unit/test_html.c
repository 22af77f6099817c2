/* HTML pages: sniffing, charsets, structure, removals, limits (src/html/). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "html/html_internal.h"
#include "sahifa/html.h"
#include "sahifa/limits.h"

static struct sahifa_rules *rules;

static enum sahifa_status conv(const char *html, size_t len, const char *charset,
			       struct sahifa_article *a, struct sahifa_error *err)
{
	sahifa_article_init(a);
	sahifa_error_clear(err);
	return sahifa_html_convert(rules, (const unsigned char *)html, len, charset,
				   SAHIFA_INVALID_REPLACE, a, err);
}

static const char *para(const struct sahifa_article *a, size_t s, size_t p)
{
	return s < a->n_sections && p < a->sections[s].n_paragraphs
		       ? a->sections[s].paragraphs[p].text : NULL;
}

static int has_removed(const struct sahifa_article *a, const char *text, enum sahifa_reason r)
{
	size_t i;

	for (i = 0; i < a->n_removed; i++)
		if (strstr(a->removed[i].text, text) && a->removed[i].reason == r)
			return 1;
	return 0;
}

static void test_sniff(void)
{
	static const struct { const char *in; int want; } rows[] = {
		{ "<!DOCTYPE html><html>", 1 }, { "\xEF\xBB\xBF  \n<html lang=ar>", 1 },
		{ "<p>hello", 1 }, { "<HEAD><title>x", 1 }, { "<div class=a>", 1 },
		{ "hello <p> world", 0 }, { "plain text\n", 0 }, { "<?xml version=\"1.0\"?><rss>", 0 },
		{ "<?xml version=\"1.0\"?>\n<html xmlns=\"x\">", 1 }, { "<!-- c --><body>", 1 },
		{ "<!-- only a comment -->", 0 }, { "", 0 },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		CHECK_INT(rows[i].in, sahifa_html_sniff((const unsigned char *)rows[i].in,
							 strlen(rows[i].in)), rows[i].want);
	{
		/* a text browser's dump that printed the page's head as it was (w3m on BBC
		 * Burmese's story page, newspaper4k's fixture): text, not a fragment */
		char dump[4096];
		size_t n = 0;
		int k;

		n += (size_t)snprintf(dump + n, sizeof(dump) - n,
				      "<link href=\"https://static.bbc.co.uk/icons.css\" rel=\"stylesheet\">\n"
				      "<p style=\"top: -999em\"><img src=\"x\" alt=\"\"></p>\nHomepage\n\n");
		for (k = 0; k < 30; k++)
			n += (size_t)snprintf(dump + n, sizeof(dump) - n, "  \xe2\x80\xa2 Menu item %d\n\n", k);
		CHECK(!sahifa_html_sniff((const unsigned char *)dump, n));
		/* a fragment with a tag on one line in four still is one */
		n = 0;
		for (k = 0; k < 30; k++)
			n += (size_t)snprintf(dump + n, sizeof(dump) - n, k % 4 ? "line %d\n" : "<p>line %d\n", k);
		CHECK(sahifa_html_sniff((const unsigned char *)dump, n));
		/* a document's start is enough, whatever follows */
		n = (size_t)snprintf(dump, sizeof(dump), "<html>\n");
		for (k = 0; k < 30; k++)
			n += (size_t)snprintf(dump + n, sizeof(dump) - n, "line %d\n", k);
		CHECK(sahifa_html_sniff((const unsigned char *)dump, n));
	}
	CHECK(sahifa_html_type("text/html; charset=UTF-8"));
	CHECK(sahifa_html_type("application/xhtml+xml"));
	CHECK(!sahifa_html_type("text/plain"));
	CHECK(!sahifa_html_type("text/htmlx"));
	CHECK(!sahifa_html_type(NULL));
}

static void test_meta_charset(void)
{
	static const struct { const char *in; const char *want; } rows[] = {
		{ "<meta charset=\"windows-1256\">", "windows-1256" },
		{ "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-6\">",
		  "iso-8859-6" },
		{ "<meta charset='utf-8' />", "utf-8" },
		{ "<meta name=description content=charset>", NULL },
		{ "<p>charset=koi8-r</p>", NULL },
	};
	size_t i;
	char out[SAHIFA_ENCODING_MAX];

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		int r = sahifa_html_meta_charset((const unsigned char *)rows[i].in,
						 strlen(rows[i].in), out, sizeof(out));

		CHECK_STR(rows[i].in, r ? NULL : out, rows[i].want);
	}
}

static const char page[] =
	"<!doctype html><html lang=\"en\"><head><title>Ferry back - Courier</title>\n"
	"<meta property=\"og:title\" content=\"Ferry back\">\n"
	"<meta property=\"og:site_name\" content=\"Courier\">\n"
	"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":"
	"\"2025-04-17T08:30:00Z\",\"author\":{\"name\":\"Mara Lind\"}}</script>\n"
	"</head><body><nav><a href=/>Home</a> <a href=/x>Local</a></nav>\n"
	"<article><h1>Ferry back</h1>\n"
	"<p>The ferry is back in ser<b>vice</b> after eight months, the port said on Thursday, "
	"and the first crossing left at seven.</p>\n"
	"<div class=\"share-bar\"><a href=#>Share on Facebook</a></div>\n"
	"<h2>Timetable</h2>\n"
	"<p>Crossings run every half hour, from seven&nbsp;in the morning.</p>\n"
	"<ul><li>Adults pay two euros.<ul><li>Children ride free.</li></ul></li></ul>\n"
	"<blockquote>We missed her more than we expected, truly.</blockquote>\n"
	"<figure><img src=a.jpg><figcaption>The ferry at dawn.</figcaption></figure>\n"
	"<div style=\"display: none\">Hidden teaser text that nobody sees at all.</div>\n"
	"<script>var x = 'not text';</script>\n"
	"</article><section class=\"comments\"><p>First comment, and a long one too.</p></section>\n"
	"<footer>Copyright Courier</footer></body></html>\n";

static void test_structure(void)
{
	struct sahifa_article a;
	struct sahifa_error err;
	size_t i;
	int script_seen = 0;

	CHECK_INT("page", conv(page, sizeof(page) - 1, NULL, &a, &err), SAHIFA_OK);
	CHECK_STR("format", a.source.format, "html");
	CHECK_STR("headline", a.headline, "Ferry back");
	CHECK_STR("site", a.site_name, "Courier");
	CHECK_STR("published", a.published, "2025-04-17T08:30:00Z");
	CHECK_STR("html_lang", a.html_lang, "en");
	CHECK_INT("authors", a.n_authors, 1);
	CHECK_STR("author", a.n_authors ? a.authors[0] : NULL, "Mara Lind");
	CHECK_INT("sections", a.n_sections, 2);
	CHECK(a.n_sections == 2 && a.sections[0].heading == NULL && a.sections[0].level == 1);
	CHECK_STR("inline join", para(&a, 0, 0),
		  "The ferry is back in service after eight months, the port said on Thursday, "
		  "and the first crossing left at seven.");
	CHECK(a.n_sections == 2 && a.sections[1].heading &&
	      !strcmp(a.sections[1].heading, "Timetable") && a.sections[1].level == 2);
	CHECK_STR("nbsp", para(&a, 1, 0), "Crossings run every half hour, from seven in the morning.");
	CHECK_STR("li", para(&a, 1, 1), "Adults pay two euros.");
	CHECK_STR("nested li", para(&a, 1, 2), "Children ride free.");
	CHECK(a.n_sections == 2 && a.sections[1].n_paragraphs >= 4 &&
	      a.sections[1].paragraphs[1].kind == SAHIFA_KIND_LIST_ITEM &&
	      a.sections[1].paragraphs[3].kind == SAHIFA_KIND_QUOTE);
	CHECK_INT("captions", a.n_captions, 1);
	CHECK(a.n_captions == 1 && !strcmp(a.captions[0].text, "The ferry at dawn."));
	CHECK(has_removed(&a, "Home Local", SAHIFA_REASON_NAV));
	CHECK(has_removed(&a, "Share on Facebook", SAHIFA_REASON_SHARE));
	CHECK(has_removed(&a, "Hidden teaser", SAHIFA_REASON_HIDDEN));
	CHECK(has_removed(&a, "First comment", SAHIFA_REASON_COMMENT));
	CHECK(has_removed(&a, "Copyright", SAHIFA_REASON_FOOTER));
	for (i = 0; i < a.n_removed; i++) {
		script_seen |= strstr(a.removed[i].text, "not text") != NULL;
		CHECK(a.removed[i].line >= 1);
	}
	CHECK(!script_seen);
	CHECK_INT("share line", a.n_removed > 1 ? a.removed[1].line : 0, 8);
	sahifa_article_release(&a);
}

/* Headline picking: which of h1/h2, og:title, JSON-LD, twitter:title and <title> (less
 * its site part) a page's headline is. */
static void test_headlines(void)
{
	static const char body[] =
		"<p>The old port closed on Monday after the storm broke two of its piers, and "
		"boats were sent to the new harbour for the week.</p></article></body></html>";
	static const struct { const char *head, *want; } rows[] = {
		/* the site's name printed as a heading is not the headline */
		{ "<title>Storm closes the old port - Gulf Courier</title>"
		  "<meta property=og:title content='Storm closes the old port'></head><body>"
		  "<h2>Gulf Courier</h2><article>", "Storm closes the old port" },
		/* a heading that equals the longest part of a breadcrumb title */
		{ "<title>Harbour Club - News \xC2\xBB Storm closes the old port</title></head><body>"
		  "<h1>News</h1><article><h2>Storm closes the old port</h2>",
		  "Storm closes the old port" },
		/* "Title @ Blog :: Platform ::" with og:site_name */
		{ "<title>Spring walk (2) @ Lena's diary :: Blogs ::</title>"
		  "<meta property=og:site_name content=\"Lena's diary\"></head><body>"
		  "<h1>Lena's diary</h1><article><h2>Spring walk (2)</h2>", "Spring walk (2)" },
		/* an og:title that is the site's name does not cut the <title> */
		{ "<title>Storm closes the old port - Courier</title>"
		  "<meta property=og:title content=Courier></head><body><article>",
		  "Storm closes the old port" },
		/* a site's name before the title, the site unknown otherwise */
		{ "<title>Courier | Storm closes the old port</title></head><body><article>",
		  "Storm closes the old port" },
		/* a site suffix without spaces next to CJK text */
		{ "<title>\xE6\xB8\xAF\xE5\x8F\xA3\xE5\x85\xB3\xE9\x97\xAD-\xE6\x96\xB0\xE9\x97\xBB"
		  "\xE7\xBD\x91</title></head><body><article>", "\xE6\xB8\xAF\xE5\x8F\xA3\xE5\x85\xB3"
		  "\xE9\x97\xAD" },  /* 港口关闭-新闻网 */
		/* dash and quotation mark forms do not keep a heading from agreeing */
		{ "<title>Mayor says \"no\" - again | Courier</title></head><body><article>"
		  "<h1>Mayor says \xE2\x80\x9Cno\xE2\x80\x9D \xE2\x80\x93 again</h1>",
		  "Mayor says \xE2\x80\x9Cno\xE2\x80\x9D \xE2\x80\x93 again" },
		/* a kicker in the heading: the title the sources agree on */
		{ "<title>Storm closes the old port for a week | Courier</title>"
		  "<meta property=og:title content='Storm closes the old port for a week'>"
		  "</head><body><article><h1>Weather Storm closes the old port for a week</h1>",
		  "Storm closes the old port for a week" },
		/* a kicker element in the heading is not the headline */
		{ "<meta property=og:title content='Weather: Storm closes the old port'>"
		  "</head><body><article><h1><span class=\"dachzeile\">Weather</span>"
		  "<span class=visually-hidden>: </span> <span>Storm closes the old port</span></h1>",
		  "Storm closes the old port" },
		/* a typo in the heading: the page's own text */
		{ "<meta property=og:title content='The storm closes the old port - Courier'>"
		  "</head><body><article><h1>Teh storm closes the old port</h1>",
		  "Teh storm closes the old port" },
		/* JSON-LD headline that the other titles hold after a section name */
		{ "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":"
		  "\"Storm closes the old port\"}</script>"
		  "<meta property=og:title content='Weather - Storm closes the old port'>"
		  "<title>Weather - Storm closes the old port | Courier</title></head><body>"
		  "<article><h1>Weather Storm closes the old port</h1>", "Storm closes the old port" },
		/* a page label for a title, a headline for a heading: the one that says more */
		{ "<title>Services - Harbourworks</title>"
		  "<meta property=og:site_name content=Harbourworks></head><body><article>"
		  "<h1>Dredging and repair for small harbours</h1>",
		  "Dredging and repair for small harbours" },
		{ "<title>Tide tables explained</title></head><body><article><h1>Tides</h1>",
		  "Tide tables explained" },
		/* og:title a copy of <title>: the copy says nothing of which part is the site */
		{ "<title>STORM: THE OLD PORT CLOSES | Harbour and Coast Authority of the Gulf</title>"
		  "<meta property=og:title content='STORM: THE OLD PORT CLOSES | Harbour and Coast "
		  "Authority of the Gulf'></head><body><article><h1><a id=top></a>STORM: THE OLD PORT CLOSES</h1>",
		  "STORM: THE OLD PORT CLOSES" },
		/* a masthead heading (all of it a link home) names the site in the title */
		{ "<title>Old port - Harbour walks - Gulf Courier Blog</title></head><body>"
		  "<h1><a href=\"/\"><span>Harbour walks - Gulf Courier Blog</span></a></h1>"
		  "<article><h2>Piers</h2>", "Old port" },
		{ "<title>Harbour walks | Old port</title></head><body>"
		  "<h1 id=site-title>Harbour walks</h1><article><h2>The old port</h2>", "The old port" },
		/* no title at all: the first heading */
		{ "</head><body><article><h1>Storm closes the old port</h1>",
		  "Storm closes the old port" },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char html[2048];
		struct sahifa_article a;
		struct sahifa_error err;
		int n = snprintf(html, sizeof(html), "<!doctype html><html><head>%s%s", rows[i].head,
				 body);

		CHECK(n > 0 && (size_t)n < sizeof(html));
		CHECK_INT(rows[i].want, conv(html, strlen(html), NULL, &a, &err), SAHIFA_OK);
		CHECK_STR(rows[i].want, a.headline, rows[i].want);
		sahifa_article_release(&a);
	}
}

/* A dateline at the top of the story is removed as such and dates the record; a lead
 * sentence that names a date stays. */
static void test_datelines(void)
{
	static const char story[] =
		"<html><head><title>Storm closes the old port</title></head><body><article>"
		"<h1>Storm closes the old port</h1>\n<p>Gepubliceerd: 3 maart 2024 10:00</p>\n"
		"<p>On 2 March 2024 the storm broke two of the old port's piers, and the harbour "
		"master sent every boat to the new harbour for the week.</p>\n<p>Repairs will take "
		"a month, the council said, and the ferry runs from the new harbour meanwhile.</p>"
		"</article></body></html>";
	static const char ar[] =
		"<html lang=ar><body><article><h1>\xD8\xA5\xD8\xBA\xD9\x84\xD8\xA7\xD9\x82 "
		"\xD8\xA7\xD9\x84\xD9\x85\xD9\x8A\xD9\x86\xD8\xA7\xD8\xA1</h1>"
		"<p>\xD9\x86\xD8\xB4\xD8\xB1 \xD9\x81\xD9\x8A 3 \xD9\x85\xD8\xA7\xD8\xB1"
		"\xD8\xB3 2024</p>"  /* «نشر في 3 مارس 2024» */
		"<p>Text of the story that is long enough to be read as the story and not as a "
		"dateline, with more words after the first ones.</p></article></body></html>";
	struct sahifa_article a;
	struct sahifa_error err;

	CHECK_INT("dateline page", conv(story, strlen(story), NULL, &a, &err), SAHIFA_OK);
	CHECK(has_removed(&a, "Gepubliceerd: 3 maart 2024", SAHIFA_REASON_DATELINE));
	CHECK_STR("dateline date", a.published, "2024-03-03");
	CHECK_STR("lead kept", para(&a, 0, 0) ? strstr(para(&a, 0, 0), "On 2 March") : NULL,
		  para(&a, 0, 0));
	sahifa_article_release(&a);
	CHECK_INT("arabic dateline", conv(ar, strlen(ar), NULL, &a, &err), SAHIFA_OK);
	CHECK(has_removed(&a, "2024", SAHIFA_REASON_DATELINE));
	CHECK_STR("arabic date", a.published, "2024-03-03");
	sahifa_article_release(&a);
}

/* A picture's credit on a line of its own is removed as credit; a sentence about a
 * photo stays. */
static void test_credits(void)
{
	static const char story[] =
		"<html><body><article><h1>Storm closes the old port</h1>"
		"<img src=a.jpg><p>(cr\xC3\xA9" "dito: Ana Lima/Agency)</p>"
		"<p>The old port closed on Monday after the storm broke two of its piers, and boats "
		"were sent to the new harbour for the week.</p><p>Photo: Tom Reed</p>"
		"<p>Photo: the harbour master took this picture of the pier on Monday morning.</p>"
		"<p>Repairs will take a month, the council said, and the ferry runs from the new "
		"harbour in the meantime.</p></article></body></html>";
	struct sahifa_article a;
	struct sahifa_error err;

	CHECK_INT("credit page", conv(story, strlen(story), NULL, &a, &err), SAHIFA_OK);
	CHECK(has_removed(&a, "Ana Lima/Agency", SAHIFA_REASON_CREDIT));
	CHECK(has_removed(&a, "Photo: Tom Reed", SAHIFA_REASON_CREDIT));
	CHECK(!has_removed(&a, "harbour master took", SAHIFA_REASON_CREDIT));
	sahifa_article_release(&a);
}

/* An end tag closes what a page left open inside its element, as a browser does:
 * "<header><div></header>" must not nest the next posts of a thread in the stray div
 * (libxml2 alone would). */
static void test_stray_open(void)
{
	static const char thread[] =
		"<html><body><main><article class=post><header><div class=meta><li>#1</li></ul>"
		"</header><div class=c><p>Post one has a few words in it, enough for a paragraph of "
		"the thread.</p></div></article><article class=post><p>Post two says something "
		"else, in another paragraph of the same thread.</p></article></main></body></html>";
	struct sahifa_article a;
	struct sahifa_error err;
	size_t s, p;
	int one = 0, two = 0;

	CHECK_INT("thread", conv(thread, strlen(thread), NULL, &a, &err), SAHIFA_OK);
	for (s = 0; s < a.n_sections; s++)
		for (p = 0; p < a.sections[s].n_paragraphs; p++) {
			one |= strstr(a.sections[s].paragraphs[p].text, "Post one") != NULL;
			two |= strstr(a.sections[s].paragraphs[p].text, "Post two") != NULL;
		}
	CHECK(one && two);
	sahifa_article_release(&a);
}

static void test_br_runs(void)
{
	static const char br[] =
		"<html><body><div class=text>First paragraph of the story, with words.<br><br>"
		"Second paragraph, after a run of breaks.<br>Third one after a single break."
		"<p>One line<br>and its continuation.</p></div></body></html>";
	struct sahifa_article a;
	struct sahifa_error err;

	CHECK_INT("br", conv(br, sizeof(br) - 1, NULL, &a, &err), SAHIFA_OK);
	CHECK_STR("br 1", para(&a, 0, 0), "First paragraph of the story, with words.");
	CHECK_STR("br 2", para(&a, 0, 1), "Second paragraph, after a run of breaks.");
	CHECK_STR("br 3", para(&a, 0, 2), "Third one after a single break.");
	CHECK_STR("br in p", para(&a, 0, 3), "One line and its continuation.");
	sahifa_article_release(&a);
}

static void test_charsets(void)
{
	/* windows-1256 bytes of "مرحبا بالعالم، هذه صفحة عربية" declared in <meta> */
	static const char body1256[] =
		"\xE3\xD1\xCD\xC8\xC7 \xC8\xC7\xE1\xDA\xC7\xE1\xE3\xA1 \xE5\xD0\xE5 "
		"\xD5\xDD\xCD\xC9 \xDA\xD1\xC8\xED\xC9";
	char html[512];
	struct sahifa_article a;
	struct sahifa_error err;
	int n;

	n = snprintf(html, sizeof(html), "<html><head><meta charset=\"windows-1256\"></head>"
		     "<body><p>%s.</p></body></html>", body1256);
	CHECK_INT("1256", conv(html, (size_t)n, NULL, &a, &err), SAHIFA_OK);
	CHECK_STR("1256 enc", a.source.encoding, "windows-1256");
	CHECK_STR("1256 declared", a.source.declared_encoding, "windows-1256");
	CHECK_STR("1256 text", para(&a, 0, 0),
		  "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xd8\xa8\xd8\xa7\xd9\x84\xd8\xb9\xd8\xa7"
		  "\xd9\x84\xd9\x85\xd8\x8c \xd9\x87\xd8\xb0\xd9\x87 \xd8\xb5\xd9\x81\xd8\xad\xd8\xa9 "
		  "\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9.");
	sahifa_article_release(&a);

	/* the transport says windows-1256 but the bytes are UTF-8: the bytes win */
	n = snprintf(html, sizeof(html), "<html><body><p>\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 "
		     "\xd8\xa8\xd8\xa7\xd9\x84\xd8\xb9\xd8\xa7\xd9\x84\xd9\x85.</p></body></html>");
	CHECK_INT("lying header", conv(html, (size_t)n, "windows-1256", &a, &err), SAHIFA_OK);
	CHECK_STR("lying enc", a.source.encoding, "UTF-8");
	CHECK_STR("lying declared", a.source.declared_encoding, "windows-1256");
	sahifa_article_release(&a);

	/* declared ISO-8859-1, bytes windows-1256: the detector overrules */
	n = snprintf(html, sizeof(html), "<html><head><meta charset=\"iso-8859-1\"></head><body>"
		     "<p>%s. %s. %s.</p></body></html>", body1256, body1256, body1256);
	CHECK_INT("latin lie", conv(html, (size_t)n, NULL, &a, &err), SAHIFA_OK);
	CHECK(strcmp(a.source.encoding, "ISO-8859-1") != 0);
	CHECK_STR("latin declared", a.source.declared_encoding, "iso-8859-1");
	sahifa_article_release(&a);

	/* NUL bytes and binary served as HTML: a clear reject */
	CHECK_INT("nul", conv("<html><body>\0\0\0\x01\x02</body></html>", 30, NULL, &a, &err),
		  SAHIFA_ERR_DATA);
	CHECK(strstr(err.msg, "binary") != NULL);
	sahifa_article_release(&a);
}

static void test_hostile(void)
{
	struct sahifa_article a;
	struct sahifa_error err;
	size_t depth = 300000, i, n = 0;
	char *deep = malloc(depth * 11 + 200);

	/* deep nesting: kept, the text below the depth limit hangs higher */
	CHECK(deep != NULL);
	if (!deep)
		return;
	n += (size_t)snprintf(deep, 200, "<html><body>");
	for (i = 0; i < depth; i++) {
		memcpy(deep + n, "<div>", 5);
		n += 5;
	}
	memcpy(deep + n, "Deep text at the bottom of the page, a sentence.", 48);
	n += 48;
	CHECK_INT("deep", conv(deep, n, NULL, &a, &err), SAHIFA_OK);
	CHECK_STR("deep text", para(&a, 0, 0), "Deep text at the bottom of the page, a sentence.");
	sahifa_article_release(&a);

	/* more tags than the node limit: a reject naming the limit */
	free(deep);
	n = (size_t)SAHIFA_MAX_HTML_NODES + 10;
	deep = malloc(n * 3 + 1);
	CHECK(deep != NULL);
	if (!deep)
		return;
	for (i = 0; i < n; i++)
		memcpy(deep + 3 * i, "<b>", 3);
	CHECK_INT("nodes", conv(deep, n * 3, NULL, &a, &err), SAHIFA_ERR_LIMIT);
	CHECK(strstr(err.msg, "limit") != NULL);
	sahifa_article_release(&a);
	free(deep);

	/* unclosed tags and stray markup: still a record */
	CHECK_INT("unclosed", conv("<html><body><div><p>Open paragraph, never closed<p>Another "
				   "<b>bold <i>and italic</div></table></body>", 82, NULL, &a, &err),
		  SAHIFA_OK);
	CHECK(a.stats.paragraphs >= 1);
	sahifa_article_release(&a);
}


/* JSON-LD articleBody cross-checks the choice: a lead paragraph the scores leave out
 * comes back when articleBody starts with it (its own text is never used). */
static int has_para(const struct sahifa_article *a, const char *text)
{
	size_t k, j;

	for (k = 0; k < a->n_sections; k++)
		for (j = 0; j < a->sections[k].n_paragraphs; j++)
			if (strstr(a->sections[k].paragraphs[j].text, text))
				return 1;
	return 0;
}

static void test_ld_cross_check(void)
{
	static const char lead[] = "The lead paragraph sits apart from the rest, in its own "
				   "box, and says what happened, where, and when it happened.";
	static const char p[] = "<p>A paragraph of the story that goes on for a while, with "
				"commas, clauses, and a full stop at its end, as prose does.</p>";
	struct sahifa_buf b;
	struct sahifa_article a;
	struct sahifa_error err;
	int i, found = 0;
	size_t k, j;

	sahifa_buf_init(&b, 0);
	sahifa_buf_appendf(&b, "<html><head><script type=\"application/ld+json\">"
			   "{\"@type\":\"NewsArticle\",\"articleBody\":\"%s", lead);
	for (i = 0; i < 30; i++)
		sahifa_buf_append_str(&b, " More words of the body that the page does not show.");
	sahifa_buf_appendf(&b, "\"}</script></head><body><div id=wrap><div><div><p>%s</p></div>"
			   "</div><div class=x>%s%s%s%s</div></div></body></html>", lead, p, p, p, p);
	CHECK_INT("ld", conv(b.data, b.len, NULL, &a, &err), SAHIFA_OK);
	for (k = 0; k < a.n_sections; k++)
		for (j = 0; j < a.sections[k].n_paragraphs; j++)
			found |= !strcmp(a.sections[k].paragraphs[j].text, lead);
	CHECK(found);
	CHECK(!has_removed(&a, "The lead paragraph", SAHIFA_REASON_OUTSIDE));
	sahifa_article_release(&a);

	/* the page shows all of the body, but its first words outside the best block */
	b.len = 0;
	sahifa_buf_appendf(&b, "<html><head><script type=\"application/ld+json\">"
			   "{\"@type\":\"NewsArticle\",\"articleBody\":\"%s", lead);
	for (i = 0; i < 4; i++)
		sahifa_buf_append_str(&b, " A paragraph of the story that goes on for a while, "
				      "with commas, clauses, and a full stop at its end, as prose does.");
	sahifa_buf_appendf(&b, "\"}</script></head><body><div id=wrap><div><div><p>%s</p></div>"
			   "</div><div class=x>%s%s%s%s</div></div></body></html>", lead, p, p, p, p);
	CHECK_INT("ld begins", conv(b.data, b.len, NULL, &a, &err), SAHIFA_OK);
	CHECK(has_para(&a, "The lead paragraph"));
	sahifa_article_release(&a);
	sahifa_buf_release(&b);
}

/* A story cut into chunks, each in a grid cell of its own between ads: all chunks are
 * the story; a cell of another kind beside them is not. */
static void test_story_chunks(void)
{
	static const char p[] = "<p>A paragraph of the story that goes on for a while, with "
				"commas, clauses, and a full stop at its end, as prose does.</p>";
	struct sahifa_buf b;
	struct sahifa_article a;
	struct sahifa_error err;
	int i;

	sahifa_buf_init(&b, 0);
	sahifa_buf_append_str(&b, "<html><body><main><div class=chunks>");
	for (i = 0; i < 3; i++)
		sahifa_buf_appendf(&b, "<div class=\"grid cols\"><div class=\"cell story\">"
				   "<p>Chunk %d opens here, with a sentence of its own, and more.</p>"
				   "%s%s</div><div class=slot>Advertisement</div></div>", i, p, p);
	sahifa_buf_appendf(&b, "<div class=\"grid wide\"><div class=cell><p>A teaser from "
			   "another page, long enough to read as prose, with commas, too.</p>%s"
			   "</div></div></div></main></body></html>", p);
	CHECK_INT("chunks", conv(b.data, b.len, NULL, &a, &err), SAHIFA_OK);
	CHECK(has_para(&a, "Chunk 0 opens"));
	CHECK(has_para(&a, "Chunk 1 opens"));
	CHECK(has_para(&a, "Chunk 2 opens"));
	CHECK(!has_para(&a, "A teaser from another page"));
	sahifa_article_release(&a);
	sahifa_buf_release(&b);
}

/* A hidden copy of the story for machines (microdata) beside the visible story stays
 * out; a hidden body with nothing else on the page is the story that scripts reveal. */
static void test_hidden_copy(void)
{
	static const char p[] = "<p>A paragraph of the story that goes on for a while, with "
				"commas, clauses, and a full stop at its end, as prose does.</p>";
	struct sahifa_buf b;
	struct sahifa_article a;
	struct sahifa_error err;

	sahifa_buf_init(&b, 0);
	sahifa_buf_appendf(&b, "<html><body><div class=story><p>The visible lead, with a "
			   "comma, and a full stop at the end of its only sentence.</p>%s%s%s</div>"
			   "<div style=\"display:none\" itemscope><div itemprop=datePublished>"
			   "2019-11-13T23:06:00+01:00</div><div itemprop=articleBody>%s%s%s%s</div>"
			   "</div></body></html>", p, p, p, p, p, p, p);
	CHECK_INT("copy", conv(b.data, b.len, NULL, &a, &err), SAHIFA_OK);
	CHECK(has_para(&a, "The visible lead"));
	CHECK(!has_para(&a, "2019-11-13T23:06"));
	CHECK(has_removed(&a, "2019-11-13T23:06", SAHIFA_REASON_HIDDEN));
	sahifa_article_release(&a);
	b.len = 0;
	sahifa_buf_appendf(&b, "<html><body><div class=menu><a href=/>Home</a></div><div "
			   "class=story hidden>%s%s%s%s</div></body></html>", p, p, p, p);
	CHECK_INT("revealed", conv(b.data, b.len, NULL, &a, &err), SAHIFA_OK);
	CHECK(has_para(&a, "A paragraph of the story"));
	sahifa_article_release(&a);
	sahifa_buf_release(&b);
}

/* The story in one article element, then more posts printed in full, each an article
 * of its own: the story is the one with the h1, the rest are teasers. */
static void test_story_among_posts(void)
{
	static const char t[] = "<article class=post><h2>Another post</h2><p>Teaser %d, a "
				"paragraph long enough for prose, with commas, and an end.</p>"
				"</article>";
	struct sahifa_buf b;
	struct sahifa_article a;
	struct sahifa_error err;
	int i;

	sahifa_buf_init(&b, 0);
	sahifa_buf_append_str(&b, "<html><body><div id=primary><article class=post><h1>The "
			      "story</h1><p>The story's only paragraph, long enough to be prose, "
			      "with commas, clauses, and a full stop at its end.</p></article>"
			      "<section class=more>");
	for (i = 0; i < 5; i++)
		sahifa_buf_appendf(&b, t, i);
	sahifa_buf_append_str(&b, "</section></div></body></html>");
	CHECK_INT("posts", conv(b.data, b.len, NULL, &a, &err), SAHIFA_OK);
	CHECK(has_para(&a, "The story's only paragraph"));
	CHECK(!has_para(&a, "Teaser 0"));
	CHECK(!has_para(&a, "Teaser 4"));
	CHECK(has_removed(&a, "Teaser 3", SAHIFA_REASON_OUTSIDE));
	sahifa_article_release(&a);
	sahifa_buf_release(&b);
}

/* The story's first paragraph printed apart, in a wrapper of its own before the body,
 * is the story's start. */
static void test_lead_apart(void)
{
	static const char p[] = "<p>A paragraph of the story that goes on for a while, with "
				"commas, clauses, and a full stop at its end, as prose does.</p>";
	struct sahifa_buf b;
	struct sahifa_article a;
	struct sahifa_error err;

	sahifa_buf_init(&b, 0);
	sahifa_buf_appendf(&b, "<html><body><div class=menu><a href=/>Home</a></div><div id=page>"
			   "<h1>Story</h1><section class=\"box top\"><p class=lead>The lead, apart from the "
			   "rest, says what happened, where, and when, in one sentence.</p></section>"
			   "<div class=\"col body\"><div class=field>%s%s%s%s</div></div></div>"
			   "</body></html>", p, p, p, p);
	CHECK_INT("lead", conv(b.data, b.len, NULL, &a, &err), SAHIFA_OK);
	CHECK(has_para(&a, "The lead, apart"));
	CHECK(has_para(&a, "A paragraph of the story"));
	sahifa_article_release(&a);
	sahifa_buf_release(&b);
}

/* A slideshow inside the story: its text is the pictures' captions, not paragraphs;
 * a gallery class around the whole story is layout and changes nothing. */
static void test_gallery(void)
{
	static const char p[] = "<p>A paragraph of the story that goes on for a while, with "
				"commas, clauses, and a full stop at its end, as prose does.</p>";
	static const char c[] = "<li><img src=a.jpg><p>The mayor, left, greets a shop owner "
				"on Tuesday, Nov. 19, in the old market. Photo: Agency</p></li>";
	struct sahifa_buf b;
	struct sahifa_article a;
	struct sahifa_error err;
	size_t k;
	int captioned = 0;

	sahifa_buf_init(&b, 0);
	sahifa_buf_appendf(&b, "<html><body><div class=story>%s<div class=\"photo-gallery\">"
			   "<ul>%s%s%s</ul></div>%s%s%s</div></body></html>", p, c, c, c, p, p, p);
	CHECK_INT("gallery", conv(b.data, b.len, NULL, &a, &err), SAHIFA_OK);
	CHECK(has_para(&a, "A paragraph of the story"));
	CHECK(!has_para(&a, "The mayor, left"));
	for (k = 0; k < a.n_captions; k++)
		captioned |= strstr(a.captions[k].text, "The mayor, left") != NULL;
	CHECK(captioned);
	sahifa_article_release(&a);
	b.len = 0;
	sahifa_buf_appendf(&b, "<html><body><div class=\"lightbox-on page\"><div class=story>"
			   "%s%s%s%s</div></div></body></html>", p, p, p, p);
	CHECK_INT("layout", conv(b.data, b.len, NULL, &a, &err), SAHIFA_OK);
	CHECK(has_para(&a, "A paragraph of the story"));
	sahifa_article_release(&a);
	sahifa_buf_release(&b);
}

/* An unclosed element inside noscript makes the parser hang the rest of the page into
 * it: that page is not dropped with the noscript message; a short message is. */
static void test_noscript_swallow(void)
{
	static const char p[] = "<p>A paragraph of the story that goes on for a while, with "
				"commas, clauses, and a full stop at its end, as prose does.</p>";
	struct sahifa_buf b;
	struct sahifa_article a;
	struct sahifa_error err;
	int i;

	sahifa_buf_init(&b, 0);
	sahifa_buf_append_str(&b, "<html><body><noscript><div id=nojs></noscript><div "
			      "id=page><div id=text>");
	for (i = 0; i < 20; i++)
		sahifa_buf_append_str(&b, p);
	sahifa_buf_append_str(&b, "</div></div><noscript>Turn on scripts, please.</noscript>"
			      "</body></html>");
	CHECK_INT("noscript", conv(b.data, b.len, NULL, &a, &err), SAHIFA_OK);
	CHECK(has_para(&a, "A paragraph of the story"));
	CHECK(!has_para(&a, "Turn on scripts"));
	sahifa_article_release(&a);
	sahifa_buf_release(&b);
}

/* A heading over a list that is removed goes with it; one over kept text stays. */
static void test_empty_heading(void)
{
	static const char p[] = "<p>A paragraph of the story that goes on for a while, with "
				"commas, clauses, and a full stop at its end, as prose does.</p>";
	struct sahifa_buf b;
	struct sahifa_article a;
	struct sahifa_error err;
	size_t k;
	int kept_h = 0, lost_h = 0;

	sahifa_buf_init(&b, 0);
	sahifa_buf_appendf(&b, "<html><body><div class=story>%s<h2>What comes next</h2>%s%s"
			   "<h2>More on this</h2><ul><li><a href=/a>Another story</a></li><li><a "
			   "href=/b>And one more story</a></li></ul></div></body></html>", p, p, p);
	CHECK_INT("empty heading", conv(b.data, b.len, NULL, &a, &err), SAHIFA_OK);
	for (k = 0; k < a.n_sections; k++) {
		kept_h |= a.sections[k].heading && !strcmp(a.sections[k].heading, "What comes next");
		lost_h |= a.sections[k].heading && !strcmp(a.sections[k].heading, "More on this");
	}
	CHECK(kept_h);
	CHECK(!lost_h);
	CHECK(has_removed(&a, "More on this", SAHIFA_REASON_LINK_LIST));
	sahifa_article_release(&a);
	sahifa_buf_release(&b);
}

/* Chinese prose is dense: fifty characters make a paragraph, so a wrapper with a
 * navigation word in its class around such a story still gives way to it. */
static void test_cjk_prose(void)
{
	/* "The city council on Tuesday passed next year's budget, the mayor said, with
	 * more money for schools and buses." in Chinese, about 50 characters */
	static const char p[] = "<p>\xe5\xb8\x82\xe8\xae\xae\xe4\xbc\x9a\xe5\x91\xa8\xe4\xba\x8c"
		"\xe9\x80\x9a\xe8\xbf\x87\xe4\xba\x86\xe6\x98\x8e\xe5\xb9\xb4\xe7\x9a\x84"
		"\xe9\xa2\x84\xe7\xae\x97\xef\xbc\x8c\xe5\xb8\x82\xe9\x95\xbf\xe8\xa1\xa8"
		"\xe7\xa4\xba\xef\xbc\x8c\xe5\xad\xa6\xe6\xa0\xa1\xe5\x92\x8c\xe5\x85\xac"
		"\xe4\xba\xa4\xe5\xb0\x86\xe8\x8e\xb7\xe5\xbe\x97\xe6\x9b\xb4\xe5\xa4\x9a"
		"\xe7\x9a\x84\xe8\xb5\x84\xe9\x87\x91\xef\xbc\x8c\xe6\x96\xb0\xe7\x9a\x84"
		"\xe7\xba\xbf\xe8\xb7\xaf\xe6\x98\x8e\xe5\xb9\xb4\xe6\x98\xa5\xe5\xa4\xa9"
		"\xe5\xbc\x80\xe9\x80\x9a\xe3\x80\x82</p>";
	struct sahifa_buf b;
	struct sahifa_article a;
	struct sahifa_error err;
	int i;

	sahifa_buf_init(&b, 0);
	sahifa_buf_append_str(&b, "<html><body><div id=outer class=\"site-int-nav\"><div "
			      "class=story>");
	for (i = 0; i < 4; i++)
		sahifa_buf_append_str(&b, p);
	sahifa_buf_append_str(&b, "</div></div></body></html>");
	CHECK_INT("cjk", conv(b.data, b.len, NULL, &a, &err), SAHIFA_OK);
	CHECK(has_para(&a, "\xe5\xb8\x82\xe8\xae\xae\xe4\xbc\x9a"));
	sahifa_article_release(&a);
	sahifa_buf_release(&b);
}

/* A post embedded in the story (a quoted tweet) is content; a share bar is not. */
static void test_social_embed(void)
{
	static const char p[] = "<p>A paragraph of the story that goes on for a while, with "
				"commas, clauses, and a full stop at its end, as prose does.</p>";
	struct sahifa_buf b;
	struct sahifa_article a;
	struct sahifa_error err;

	sahifa_buf_init(&b, 0);
	sahifa_buf_appendf(&b, "<html><body><div class=story>%s%s<div class=social-embed>"
			   "<blockquote><p>Yes, this is real, and yes, the county paid for it.</p>"
			   "</blockquote></div>%s<div class=social-share><a href=#>Share</a> "
			   "<a href=#>Post</a></div></div></body></html>", p, p, p);
	CHECK_INT("embed", conv(b.data, b.len, NULL, &a, &err), SAHIFA_OK);
	CHECK(has_para(&a, "Yes, this is real"));
	CHECK(has_removed(&a, "Share Post", SAHIFA_REASON_SHARE));
	sahifa_article_release(&a);
	sahifa_buf_release(&b);
}

/* The writer's box after the story (WordPress themes: "mvp-author-box", knowtechie.com;
 * "author-bio") goes as an aside; a byline stays the byline. */
static void test_author_box(void)
{
	static const char p[] = "<p>A paragraph of the story that goes on for a while, with "
				"commas, clauses, and a full stop at its end, as prose does.</p>";
	static const char *const boxes[] = { "mvp-author-box-in", "author-bio", "about-the-author" };
	struct sahifa_buf b;
	struct sahifa_article a;
	struct sahifa_error err;
	size_t i;

	for (i = 0; i < sizeof(boxes) / sizeof(boxes[0]); i++) {
		sahifa_buf_init(&b, 0);
		sahifa_buf_appendf(&b, "<html><body><div class=story>%s%s%s</div><div class='%s'>"
				   "<span>Jo Writer</span><p>Senior editor with a focus on all "
				   "things tech. You can keep up with me on Twitter.</p></div>"
				   "</body></html>", p, p, p, boxes[i]);
		CHECK_INT(boxes[i], conv(b.data, b.len, NULL, &a, &err), SAHIFA_OK);
		CHECK(has_para(&a, "A paragraph of the story"));
		CHECK(has_removed(&a, "keep up with me", SAHIFA_REASON_ASIDE));
		sahifa_article_release(&a);
		sahifa_buf_release(&b);
	}
}

/* Which date a page is published on: JSON-LD datePublished first; on a MediaWiki page
 * (wiki.d-addicts.com, Wikipedia) the JSON-LD datePublished is the page's first edit
 * and the text shown is the revision of dateModified. */
static void test_published(void)
{
	static const struct { const char *head, *want; } rows[] = {
		{ "<meta name=generator content='WordPress 6.4'>", "2005-07-26T16:22:26-07:00" },
		{ "", "2005-07-26T16:22:26-07:00" },
		{ "<meta name=generator content='MediaWiki 1.31.0'>", "2020-04-07T12:33:32-07:00" },
	};
	struct sahifa_buf b;
	struct sahifa_article a;
	struct sahifa_error err;
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		sahifa_buf_init(&b, 0);
		sahifa_buf_appendf(&b, "<html><head>%s<script type='application/ld+json'>"
				   "{\"@type\":\"Article\",\"headline\":\"Park Ye Jin\","
				   "\"datePublished\":\"2005-07-26T16:22:26-07:00\","
				   "\"dateModified\":\"2020-04-07T12:33:32-07:00\"}</script></head>"
				   "<body><h1>Park Ye Jin</h1><p>An actress born in 1982, she has "
				   "played in dramas, films, and on the stage since her debut.</p>"
				   "</body></html>", rows[i].head);
		CHECK_INT(rows[i].head, conv(b.data, b.len, NULL, &a, &err), SAHIFA_OK);
		CHECK_STR(rows[i].head, a.published, rows[i].want);
		CHECK_STR(rows[i].head, a.modified, "2020-04-07T12:33:32-07:00");
		sahifa_article_release(&a);
		sahifa_buf_release(&b);
	}
}

/* Soft hyphens (&shy;, as German sites print their text: wehranlage-horka.de) are
 * not letters of the word: a browser shows "schlendern", not "schlen-dern". */
static void test_soft_hyphen(void)
{
	static const char html[] = "<html><body><p>W\xc3\xa4h\xc2\xadrend Sie \xc3\xbc" "ber den "
				   "Markt schlen&shy;dern, zei\xc2\xadgen wir Ihnen das Hand\xc2\xad"
				   "werk, wie es damals war, und vie&shy;les mehr.</p></body></html>";
	struct sahifa_article a;
	struct sahifa_error err;

	CHECK_INT("shy", conv(html, sizeof(html) - 1, NULL, &a, &err), SAHIFA_OK);
	CHECK(has_para(&a, "W\xc3\xa4hrend Sie \xc3\xbc" "ber den Markt schlendern, zeigen"));
	CHECK(has_para(&a, "Handwerk, wie es damals war, und vieles mehr."));
	sahifa_article_release(&a);
}

/* A news feed beside the story prints each headline's time in an item of its own
 * (football.ua: "13:00", then the linked headline): with the links removed, the times
 * and the dates between them go too, and so does the feed's heading. */
static void test_feed_stamps(void)
{
	static const char p[] = "<p>A paragraph of the story that goes on for a while, with "
				"commas, clauses, and a full stop at its end, as prose does.</p>";
	struct sahifa_buf b;
	struct sahifa_article a;
	struct sahifa_error err;

	sahifa_buf_init(&b, 0);
	sahifa_buf_appendf(&b, "<html><body><div class=story>%s%s%s<ul><li>Flour, 500 g</li>"
			   "<li>Two eggs</li><li>1,000,000</li><li>555-1234</li>"
			   "<li>3 March 2020: lockdown</li></ul><h3>Germany news</h3><ul><li><div class=time>"
			   "13:00</div><a href=/a>A headline of another story</a></li>"
			   "<li>21 September 2021</li><li><div class=time>16:45</div><a href=/b>"
			   "And one more headline here</a></li></ul></div></body></html>",
			   p, p, p);
	CHECK_INT("feed", conv(b.data, b.len, NULL, &a, &err), SAHIFA_OK);
	CHECK(has_removed(&a, "13:00", SAHIFA_REASON_DATELINE));
	CHECK(has_removed(&a, "21 September 2021", SAHIFA_REASON_DATELINE));
	CHECK(a.n_sections > 0 && !a.sections[a.n_sections - 1].heading);
	CHECK(has_para(&a, "Flour, 500 g"));
	CHECK(has_para(&a, "1,000,000"));
	CHECK(has_para(&a, "555-1234"));
	CHECK(has_para(&a, "3 March 2020: lockdown"));
	sahifa_article_release(&a);
	sahifa_buf_release(&b);
}

/* A second content word in a class adds less than the first: a page's top band named
 * with two ("content-topArticle width-article", aoc.media) holding the summary does
 * not outweigh the story's own box ("width-article") with its paragraphs. */
static void test_class_words_once(void)
{
	static const char p[] = "<p>A paragraph of the story that goes on for a while, with "
				"commas, clauses, and a full stop at its end, as prose does.</p>";
	struct sahifa_buf b;
	struct sahifa_article a;
	struct sahifa_error err;

	sahifa_buf_init(&b, 0);
	sahifa_buf_appendf(&b, "<html><body><section><div class='content-topArticle "
			   "width-article'><h2>The title</h2><div class=desc><p>The summary, "
			   "which says in one long sentence, with commas, what the story will "
			   "argue, and why it matters now.</p></div></div></section><section>"
			   "<div class=width-article><p>The first paragraph of the story, which "
			   "begins, as stories do, with a date.</p><figure><img src=a.png>"
			   "</figure>%s%s%s</div></section></body></html>", p, p, p);
	CHECK_INT("once", conv(b.data, b.len, NULL, &a, &err), SAHIFA_OK);
	CHECK(has_para(&a, "The first paragraph of the story"));
	CHECK(has_para(&a, "A paragraph of the story"));
	sahifa_article_release(&a);
	sahifa_buf_release(&b);
}

/* The page's own address printed for copying (dw.com: "Permalien https://p.dw.com/p/
 * RPYx" in a toolbox after the story) is chrome, and the toolbox's heading goes too. */
static void test_permalink(void)
{
	static const char p[] = "<p>A paragraph of the story that goes on for a while, with "
				"commas, clauses, and a full stop at its end, as prose does.</p>";
	struct sahifa_buf b;
	struct sahifa_article a;
	struct sahifa_error err;

	sahifa_buf_init(&b, 0);
	sahifa_buf_appendf(&b, "<html><body><div class=story>%s%s%s<h4>Audio and video on "
			   "the topic</h4><ul><li><strong>Date</strong> 23.05.2011</li><li>"
			   "<strong>Permalink</strong> https://p.example.com/p/RPYx</li></ul>"
			   "</div></body></html>", p, p, p);
	CHECK_INT("permalink", conv(b.data, b.len, NULL, &a, &err), SAHIFA_OK);
	CHECK(has_removed(&a, "Permalink https://p.example.com/p/RPYx", SAHIFA_REASON_CHROME));
	CHECK(a.n_sections > 0 && !a.sections[a.n_sections - 1].heading);
	sahifa_article_release(&a);
	sahifa_buf_release(&b);
}

/* "Read also" in the languages of the web: a heading over related links in Spanish
 * (elnuevoherald.com: "Artículos relacionados el Nuevo Herald"), Russian (football.ua)
 * and Polish is chrome. */
static void test_read_also(void)
{
	static const char p[] = "<p>A paragraph of the story that goes on for a while, with "
				"commas, clauses, and a full stop at its end, as prose does.</p>";
	static const char *const heads[] = { "Art\xc3\xad" "culos relacionados el Nuevo Herald",
		"\xd1\x87\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5 "
		"\xd1\x82\xd0\xb0\xd0\xba\xd0\xb6\xd0\xb5",   /* читайте также */
		"Zobacz tak\xc5\xbc" "e" };
	struct sahifa_buf b;
	struct sahifa_article a;
	struct sahifa_error err;
	size_t i;

	for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		sahifa_buf_init(&b, 0);
		sahifa_buf_appendf(&b, "<html><body><div class=story>%s%s%s<h3>%s</h3>"
				   "<p>22 de abril de 2022 6:46 PM</p></div></body></html>",
				   p, p, p, heads[i]);
		CHECK_INT(heads[i], conv(b.data, b.len, NULL, &a, &err), SAHIFA_OK);
		CHECK(has_removed(&a, heads[i], SAHIFA_REASON_CHROME));
		sahifa_article_release(&a);
		sahifa_buf_release(&b);
	}
}

int main(void)
{
	struct sahifa_error err;

	if (sahifa_rules_new_default(&rules, &err) != SAHIFA_OK) {
		printf("FAIL rules: %s\n", err.msg);
		return 1;
	}
	test_sniff();
	test_meta_charset();
	test_structure();
	test_headlines();
	test_datelines();
	test_credits();
	test_stray_open();
	test_br_runs();
	test_charsets();
	test_hostile();
	test_ld_cross_check();
	test_story_chunks();
	test_hidden_copy();
	test_story_among_posts();
	test_lead_apart();
	test_gallery();
	test_noscript_swallow();
	test_empty_heading();
	test_cjk_prose();
	test_social_embed();
	test_author_box();
	test_published();
	test_soft_hyphen();
	test_feed_stamps();
	test_class_words_once();
	test_permalink();
	test_read_also();
	sahifa_rules_free(rules);
	return check_report();
}
