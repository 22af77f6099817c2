/* Unit tests of the segmenter (src/text/segment.c, src/text/segment_rules.c). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "sahifa/limits.h"
#include "sahifa/segment.h"

static struct sahifa_rules *defaults;

/* A compact picture of the structure: sections ("-:" without heading, "LINE/LEVEL:"
 * with one) and their paragraphs (P paragraph, L list item, Q quote), then after '#'
 * the captions, then after '#' the removed lines (c chrome, k chrome_block, b
 * bullet_marker, d caption_copy). */
static void layout(const struct sahifa_article *a, char *out, size_t size)
{
	static const char kinds[] = "PLQ", reasons[] = "ckbd";
	size_t i, j, n = 0;

#define PUT(...) (n += (size_t)snprintf(out + n, n < size ? size - n : 0, __VA_ARGS__))
	out[0] = '\0';
	for (i = 0; i < a->n_sections; i++) {
		const struct sahifa_section *s = &a->sections[i];

		if (i)
			PUT(" | ");
		if (s->heading)
			PUT("%ld/%d:", s->line, s->level);
		else
			PUT("-:");
		for (j = 0; j < s->n_paragraphs; j++)
			PUT(" %c%ld", kinds[s->paragraphs[j].kind], s->paragraphs[j].line);
	}
	PUT(" #");
	for (i = 0; i < a->n_captions; i++)
		PUT(" C%ld", a->captions[i].line);
	PUT(" #");
	for (i = 0; i < a->n_removed; i++)
		PUT(" %ld%c", a->removed[i].line, reasons[a->removed[i].reason]);
#undef PUT
}

/* Every non-blank line is accounted for exactly once.  Returns 0 when it holds. */
static int check_accounted(const struct sahifa_article *a)
{
	size_t n = (size_t)a->stats.lines, i, j, total = 0;
	unsigned char *seen = calloc(n + 1, 1);
	int bad = 0;

#define MARK(l)                                                                      \
	do {                                                                         \
		long l_ = (l);                                                       \
		if (l_ < 1 || (size_t)l_ > n || seen[l_]++)                          \
			bad = 1;                                                     \
		total++;                                                             \
	} while (0)
	if (!seen)
		return -1;
	if (a->headline)
		for (j = 0; j < (size_t)(a->headline_lines > 1 ? a->headline_lines : 1); j++)
			MARK(a->headline_line + (long)j);
	if (a->byline)
		for (j = 0; j < (size_t)(a->byline_lines > 1 ? a->byline_lines : 1); j++)
			MARK(a->byline_line + (long)j);
	for (i = 0; i < a->n_sections; i++) {
		if (a->sections[i].heading)
			MARK(a->sections[i].line);
		for (j = 0; j < a->sections[i].n_paragraphs; j++) {
			const struct sahifa_paragraph *p = &a->sections[i].paragraphs[j];
			long k;

			for (k = 0; k < (p->lines > 1 ? p->lines : 1); k++)
				MARK(p->line + k);
		}
	}
	for (i = 0; i < a->n_captions; i++)
		MARK(a->captions[i].line);
	for (i = 0; i < a->n_removed; i++)
		MARK(a->removed[i].line);
#undef MARK
	free(seen);
	if (total != n - a->stats.blank_lines)
		bad = 1;
	return bad ? -1 : 0;
}

static enum sahifa_status seg(const struct sahifa_rules *rules, const char *text,
			      struct sahifa_article *a, struct sahifa_error *err)
{
	sahifa_article_init(a);
	return sahifa_segment(rules, text, strlen(text), a, err);
}

/* --- the seeds --------------------------------------------------------------------- */

struct seed_case {
	const char *file;
	long headline, byline;
	unsigned long lines;
	const char *layout;
};

static const struct seed_case seeds[] = {
	{ "000_b4d2ca10c7f8120d.txt", 0, 0, 33,
	  "-: P1 | 5/2: P9 | 13/2: P17 | 21/2: P25 | 29/2: P33 # #" },
	{ "001_6eb3fb2bf440bece.txt", 1, 0, 64,
	  "-: P2 P3 P4 | 5/2: | 6/3: P7 P8 Q9 | 11/2: P12 | 13/2: | 14/3: P15 P16 | "
	  "17/2: P18 P19 L21 L23 L25 P26 | 27/2: | 28/3: P29 P30 | 31/2: P32 | "
	  "33/2: P34 L36 L38 L40 L42 P43 | 44/2: P45 P46 P47 P48 # # "
	  "20b 22b 24b 35b 37b 39b 41b" },
	{ "002_276ecc4978464b78.txt", 1, 3, 97,
	  "-: P5 P7 | 9/2: P11 P16 | 18/2: P20 P27 | 29/2: P31 P38 P40 # C13 C22 C33 # "
	  "14d 23d 34d 42c 44c 46c 48c 50k 52k 54k 56k 58k 61k 63k 65k 67k 69k 72k 74k "
	  "76k 78k 80k 82k 84k 86k 88k 90k 92c 95c 96c 97c" },
	{ "003_8914f6b78ec75444.txt", 1, 0, 21,
	  "-: P3 P4 P5 P6 P7 P8 | 9/2: P10 P11 P12 P13 P14 P15 P16 P17 P18 # #" },
	{ "004_f3a87754126d2fd3.txt", 0, 0, 68,
	  "-: P1 P3 P5 | 7/2: P9 P11 P13 P15 P17 P19 P21 P23 P25 P27 P29 P31 P33 | "
	  "35/2: P37 P39 | 41/2: P43 P45 P47 P49 | "
	  "51/2: P53 P55 P57 P59 P61 P63 P65 P67 # #" },
};

static char *read_seed(const char *file, size_t *len)
{
	const char *shared = getenv("SHARED");
	char path[1024];
	FILE *f;
	char *buf;
	long size;

	if (!shared || !*shared)
		shared = "../shared";
	snprintf(path, sizeof(path), "%s/seeds/%s", shared, file);
	if (!(f = fopen(path, "rb")))
		return NULL;
	if (fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) ||
	    !(buf = malloc((size_t)size + 1))) {
		fclose(f);
		return NULL;
	}
	*len = fread(buf, 1, (size_t)size, f);
	fclose(f);
	return buf;
}

static const struct sahifa_removed *removed_at(const struct sahifa_article *a, long line)
{
	size_t i;

	for (i = 0; i < a->n_removed; i++)
		if (a->removed[i].line == line)
			return &a->removed[i];
	return NULL;
}

static void test_seeds(void)
{
	size_t i, len;

	for (i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++) {
		const struct seed_case *c = &seeds[i];
		struct sahifa_article a;
		struct sahifa_error err;
		char *text = read_seed(c->file, &len), got[4096];
		const struct sahifa_removed *r;

		if (!text) {
			printf("SKIP segment/seeds: seed %s not found (SHARED unset?)\n", c->file);
			return;
		}
		sahifa_article_init(&a);
		CHECK(sahifa_segment(defaults, text, len, &a, &err) == SAHIFA_OK);
		layout(&a, got, sizeof(got));
		CHECK_STR(c->file, got, c->layout);
		CHECK_INT(c->file, a.headline_line, c->headline);
		CHECK_INT(c->file, a.byline_line, c->byline);
		CHECK_INT(c->file, a.stats.lines, c->lines);
		CHECK(check_accounted(&a) == 0);
		CHECK(!a.headline == !c->headline);
		if (i == 2) {
			CHECK_STR("002 byline", a.byline, "تحليل يكتبه - بيشوى رمزى");
			r = removed_at(&a, 42);
			CHECK_STR("002 line 42", r ? r->detail : NULL, "prefix 'Google News'");
			r = removed_at(&a, 50);
			CHECK_STR("002 line 50", r ? r->detail : NULL,
				  "after the article ended: 20 short headline-like lines after "
				  "'الأكثر قراءة'");
			CHECK_STR("002 caption", a.n_captions ? a.captions[0].text : NULL,
				  "ترامب انتقد انغماس أسلافه فى المعارك بمختلف مناطق العالم");
		}
		if (i == 0)
			CHECK_INT("000 blank lines", a.stats.blank_lines, 24);
		sahifa_article_release(&a);
		free(text);
	}
}

/* --- small inline texts ------------------------------------------------------------ */

struct text_case {
	const char *name;
	const char *text;
	long headline, byline;
	const char *layout;
};

static const struct text_case texts[] = {
	{ "headline then lead", "Title line\n\nBody sentence one is here.\n", 1, 0,
	  "-: P3 # #" },
	{ "lead paragraph first",
	  "The minister said on Monday that prices would rise.\nA second paragraph.\n", 0, 0,
	  "-: P1 P2 # #" },
	{ "a single line is a paragraph", "Just a line", 0, 0, "-: P1 # #" },
	{ "arabic byline", "عنوان الخبر\nكتب محمد علي\nنص الخبر الأول هنا.\n", 1, 2,
	  "-: P3 # #" },
	{ "english byline", "Storm hits the coast\n\nBy Jane Doe\n\nThe storm arrived at dawn.\n",
	  1, 3, "-: P5 # #" },
	/* a name with its handle and a relative time under the headline (techcrunch.com
	 * by w3m, a page of the scrapinghub benchmark, cut to one article) */
	{ "name byline", "WeWork under investigation\n\nCatherine Shu @catherineshu / 2 days\n\n"
	  "WeWork is reportedly being investigated by the attorney general.\n", 1, 3, "-: P5 # #" },
	/* a name and a role that ends with its noun after a comma (an AP story as
	 * sfgate.com prints it, scrapinghub benchmark, cut to one article) */
	{ "name and role byline", "Council backs bus lanes\n\nSteve Peoples, AP National "
	  "Political Writer\n\nThe council voted on Tuesday night.\n", 1, 3, "-: P5 # #" },
	{ "byline without headline", "كتبت سارة أحمد\nبدأت الجلسة صباح اليوم.\n", 0, 1,
	  "-: P2 # #" },
	{ "long byline-like line is text",
	  "Title\nBy the time the rescue teams arrived at the village, most of the houses had "
	  "already been flooded by the river\nBody.\n", 1, 0, "-: P2 P3 # #" },
	{ "stacked headings",
	  "عنوان\nمقدمة تنتهي بنقطة.\nعنوان رئيسي\nعنوان فرعي\nنص الفقرة هنا.\n", 1, 0,
	  "-: P2 | 3/2: | 4/3: P5 # #" },
	{ "headings separated by blank lines",
	  "Lead sentence of the story.\n\nFirst heading\n\nText one.\n\nSecond heading\n\nText two.\n",
	  0, 0, "-: P1 | 3/2: P5 | 7/2: P9 # #" },
	{ "three short lines: paragraphs then a heading",
	  "Title\nIntro.\nAlpha\nBeta\nGamma\nBody.\n", 1, 0, "-: P2 P3 P4 | 5/2: P6 # #" },
	{ "colon paragraph and quote",
	  "Title\nIntro text here.\nHe said:\n\"We will win.\"\n", 1, 0, "-: P2 P3 Q4 # #" },
	{ "question heading and closing question",
	  "Title\nIntro.\nWhat happens next?\nBody text here.\nWill it work?\n", 1, 0,
	  "-: P2 | 3/2: P4 P5 # #" },
	{ "arabic question heading",
	  "العنوان\nمقدمة الخبر.\nهل تتدخل روسيا؟\nقال المتحدث إن موسكو تراقب.\n", 1, 0,
	  "-: P2 | 3/2: P4 # #" },
	{ "bullets alone", "Title\nThe plan has parts:\n-\nfirst part\n•\nsecond part\n*\nthird\n"
	  "–\nfourth\nClosing text.\n", 1, 0, "-: P2 L4 L6 L8 L10 P11 # # 3b 5b 7b 9b" },
	{ "inline lists",
	  "Title\nSteps:\n- one\n* two\n1) three\n2. four\n١) خمسة\n۲. شش\n• seven\n12- eight\nEnd.\n",
	  1, 0, "-: P2 L3 L4 L5 L6 L7 L8 L9 L10 P11 # #" },
	{ "not list items", "Title\n2025 was a year.\n-5 degrees today.\n1.5 million people.\n", 1, 0,
	  "-: P2 P3 P4 # #" },
	{ "lone bullet at the end", "Title\nBody.\n-\n", 1, 0, "-: P2 P3 # #" },
	{ "quotes",
	  "Title\nIntro.\n«نحن هنا»\n“Quote here.”\n\"A\" said he, \"B\".\n«لن نتراجع»، قال.\n", 1, 0,
	  "-: P2 Q3 Q4 P5 P6 # #" },
	{ "caption printed twice",
	  "Title\nIntro.\n\nPhoto caption here\nPhoto caption here\n\nBody text.\n", 1, 0,
	  "-: P2 P7 # C4 # 5d" },
	{ "blank lines of spaces and marks",
	  "Title\n\xc2\xa0\n\xe2\x80\x8f\xe2\x80\x8e\n\xe2\x80\x8c\n \t\xe2\x80\xaf\n"
	  "\xef\xbb\xbf\n\xe2\x80\x8b\xe2\x80\xaa\xe2\x81\xa9\xe2\x80\x87\nBody.\n", 1, 0,
	  "-: P8 # #" },
	{ "chrome lines",
	  "Title\nBody text.\nShare this article\nاقرأ أيضا: خبر آخر\nAdvertisement\n"
	  "More body text.\n", 1, 0, "-: P2 P6 # # 3c 4c 5c" },
	{ "folded matching",
	  "Title\nBody.\nإقرأ أيضاً: شيء\nADVERTISEMENT\nRelated:\n", 1, 0, "-: P2 # # 3c 4c 5c" },
	{ "a prose sentence is not chrome",
	  "Title\nShare this with friends, he told the crowd.\n", 1, 0, "-: P2 # #" },
	{ "trailing chrome block",
	  "Title\nBody one.\nBody two.\n\nMost read\n\nTeaser one\nTeaser two\n\nTeaser three\n",
	  1, 0, "-: P2 P3 # # 5c 7k 8k 10k" },
	{ "prose after a false end",
	  "Title\nBody.\nRelated\nLink title\nThis long paragraph resumes the article after a "
	  "false end, and it goes on for a while with many words in it.\n", 1, 0,
	  "-: P2 P5 # # 3c 4k" },
	{ "end phrase before the article is only chrome",
	  "Most read\nTitle\nBody.\n", 2, 0, "-: P3 # # 1c" },
	{ "english article",
	  "Council approves new bus lanes\nBy Sam Carter\n\nThe city council voted on Tuesday "
	  "to add bus lanes.\n\nWhat changes\n\nThree streets are affected:\n\n- Main Street\n"
	  "- Harbour Road\n- Station Avenue\n\nWork starts in May.\n\nShare this article\n"
	  "Most popular\nFootball club signs striker\nWeather warning for the weekend\n",
	  1, 2, "-: P4 | 6/2: P8 L10 L11 L12 P14 # # 16c 17c 18k 19k" },
};

static void test_texts(void)
{
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		const struct text_case *c = &texts[i];
		struct sahifa_article a;
		struct sahifa_error err;
		char got[1024];

		CHECK(seg(defaults, c->text, &a, &err) == SAHIFA_OK);
		layout(&a, got, sizeof(got));
		CHECK_STR(c->name, got, c->layout);
		CHECK_INT(c->name, a.headline_line, c->headline);
		CHECK_INT(c->name, a.byline_line, c->byline);
		if (check_accounted(&a))
			printf("FAIL %s:%d: %s: a line is lost or counted twice\n", __FILE__,
			       __LINE__, c->name), check_failed++;
		else
			check_passed++;
		sahifa_article_release(&a);
	}
}

/* A one-article text's byline names its authors, as a page's does. */
static void test_clean_authors(void)
{
	static const struct {
		const char *text, *first;
		size_t n;
	} cases[] = {
		{ "Storm hits the coast\n\nBy Jane Doe and Sam Carter\n\nThe storm arrived at dawn.\n",
		  "Jane Doe", 2 },
		{ "عنوان الخبر\nكتب محمد علي\nنص الخبر الأول هنا.\n", "محمد علي", 1 },
		{ "WeWork under investigation\n\nCatherine Shu @catherineshu / 2 days\n\nWeWork is "
		  "reportedly being investigated by the attorney general.\n", "Catherine Shu", 1 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct sahifa_article a;
		struct sahifa_error err;

		CHECK(seg(defaults, cases[i].text, &a, &err) == SAHIFA_OK);
		CHECK_INT(cases[i].first, (long)a.n_authors, (long)cases[i].n);
		if (a.n_authors)
			CHECK_STR("first author", a.authors[0], cases[i].first);
		sahifa_article_release(&a);
	}
}

static void test_details(void)
{
	struct sahifa_article a;
	struct sahifa_error err;

	/* blank lines are counted, not listed */
	CHECK(seg(defaults, "Title\n\xc2\xa0\n\xe2\x80\x8c\nBody.\n\n", &a, &err) == SAHIFA_OK);
	CHECK_INT("lines", a.stats.lines, 5);
	CHECK_INT("blank lines", a.stats.blank_lines, 3);
	CHECK_INT("removed", a.n_removed, 0);
	sahifa_article_release(&a);

	/* marks at line ends are trimmed and counted; inner ones stay */
	CHECK(seg(defaults, "\xe2\x80\x8fTitle\xe2\x80\x8f \n  Body\xe2\x80\x8c text.\xe2\x80\x8e"
		  "\xe2\x80\xac\xc2\xa0\n", &a, &err) == SAHIFA_OK);
	CHECK_STR("trimmed headline", a.headline, "Title");
	CHECK_STR("trimmed paragraph", a.n_sections ? a.sections[0].paragraphs[0].text : NULL,
		  "Body\xe2\x80\x8c text.");
	CHECK_INT("marks trimmed", a.stats.marks_trimmed, 4);
	CHECK_INT("words", a.stats.words, 2);
	sahifa_article_release(&a);

	/* details of removed lines */
	CHECK(seg(defaults, "Title\nThe list:\n-\nitem\nIntro.\nCap\nCap\nBody.\nMost read\n"
		  "Teaser\n", &a, &err) == SAHIFA_OK);
	CHECK_STR("bullet detail", removed_at(&a, 3)->detail, "its item is on line 4");
	CHECK_STR("copy detail", removed_at(&a, 7)->detail, "a copy of the caption on line 6");
	CHECK_STR("end detail", removed_at(&a, 9)->detail, "end 'Most read'");
	CHECK_STR("block detail", removed_at(&a, 10)->detail,
		  "after the article ended: 1 short headline-like line after 'Most read'");
	CHECK(removed_at(&a, 10)->reason == SAHIFA_REASON_CHROME_BLOCK);
	CHECK_STR("removed text", removed_at(&a, 10)->text, "Teaser");
	CHECK_INT("stats.removed", a.stats.removed, 4);
	CHECK_INT("stats.captions", a.stats.captions, 1);
	sahifa_article_release(&a);

	/* headings carry their text and level */
	CHECK(seg(defaults, "Lead.\nHead\nSub\nText.\n", &a, &err) == SAHIFA_OK);
	CHECK_INT("sections", a.n_sections, 3);
	if (a.n_sections == 3) {
		CHECK_STR("h2", a.sections[1].heading, "Head");
		CHECK_INT("h2 level", a.sections[1].level, 2);
		CHECK_STR("h3", a.sections[2].heading, "Sub");
		CHECK_INT("h3 level", a.sections[2].level, 3);
		CHECK_INT("null level", a.sections[0].level, 1);
		CHECK_INT("null line", a.sections[0].line, 0);
	}
	sahifa_article_release(&a);

	/* invalid UTF-8 and control bytes are kept as text, not lost */
	CHECK(seg(defaults, "\xff\xfe\n\x80\x80 abc\n\xe2\x80\n-\n\xc0\xaf.\n", &a, &err) ==
	      SAHIFA_OK);
	CHECK(check_accounted(&a) == 0);
	sahifa_article_release(&a);
}

/* --- rules files ------------------------------------------------------------------- */

/* A Markdown dump: the headline and the headings are the titles without their '#'
 * markup, the paragraphs keep their text as written (the lines are of the project's own
 * writing). */
static void test_markdown(void)
{
	static const struct {
		const char *line, *title;
	} cases[] = {
		{ "# Council backs bus lanes for the harbour road",
		  "Council backs bus lanes for the harbour road" },
		{ "## Council backs bus lanes ##", "Council backs bus lanes" },
		{ "###   Council backs bus lanes", "Council backs bus lanes" },
		{ "#MeToo reaches the harbour council", "#MeToo reaches the harbour council" },
		{ "####### Seven marks are no heading", "####### Seven marks are no heading" },
		{ "# Learn C#", "Learn C#" },
		/* Debian's html2text: stars around a heading, seven less its level */
		{ "****** Council backs bus lanes for the harbour road ******",
		  "Council backs bus lanes for the harbour road" },
		{ "** Council backs bus lanes **", "Council backs bus lanes" },
		{ "** Council backs bus lanes *", "** Council backs bus lanes *" },
		{ "****** Council backs bus lanes", "Council backs bus lanes" },
		{ "******* Seven stars are no heading *******",
		  "******* Seven stars are no heading *******" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char text[1024];
		struct sahifa_article a;
		struct sahifa_error err;

		snprintf(text, sizeof(text),
			 "%s\n\nThe town council voted on Tuesday to build bus lanes along the "
			 "harbour road, after a year of complaints from shop owners.\n\n"
			 "## What the shops said\n\n# Shop owners said the lanes would bring more "
			 "customers, since buses now stop closer to the market.\n",
			 cases[i].line);
		CHECK(seg(defaults, text, &a, &err) == SAHIFA_OK);
		CHECK_STR(cases[i].line, a.headline ? a.headline : "(none)", cases[i].title);
		CHECK(a.n_sections == 2);
		if (a.n_sections == 2) {
			CHECK_STR("heading", a.sections[1].heading ? a.sections[1].heading : "",
				  "What the shops said");
			CHECK(a.sections[1].n_paragraphs == 1 &&
			      !strncmp(a.sections[1].paragraphs[0].text, "# Shop", 6));
		}
		CHECK(check_accounted(&a) == 0);
		sahifa_article_release(&a);
	}
}

static void test_rules(void)
{
	struct sahifa_rules *rules = NULL;
	struct sahifa_article a;
	struct sahifa_error err;
	char got[512], msg[1024], path[] = "/tmp/sahifa-test-rules-XXXXXX";
	const char *good = "# site rules\n\n  line Foo Corner  \nprefix Bar baz\r\n"
			   "contains middle words\nrepeat Echo\nend The End\nbyline Reported by\n";
	const char *text = "Title\nReported by Kim\nBody.\nfoo corner:\nBar baz qux\n"
			   "the middle words here\nEcho Echo Echo\nMore body.\nThe End\n"
			   "Teaser\n";
	int fd;

	CHECK(sahifa_rules_new_default(&rules, &err) == SAHIFA_OK);
	CHECK(sahifa_rules_load_mem(rules, "site.rules", good, strlen(good), &err) == SAHIFA_OK);
	CHECK(seg(rules, text, &a, &err) == SAHIFA_OK);
	layout(&a, got, sizeof(got));
	CHECK_STR("rules applied", got, "-: P3 P8 # # 4c 5c 6c 7c 9c 10k");
	CHECK_INT("rules byline", a.byline_line, 2);
	CHECK_STR("rule detail", removed_at(&a, 4)->detail, "line 'Foo Corner'");
	CHECK_STR("rule detail", removed_at(&a, 7)->detail, "repeat 'Echo'");
	sahifa_article_release(&a);

	/* an unknown directive names path:line, and the file's rules are not kept */
	CHECK(sahifa_rules_load_mem(rules, "bad.rules", "line Zed\n# ok\nbogus thing\n", 24,
				    &err) == SAHIFA_ERR_DATA);
	CHECK_INT("bad line", err.line, 3);
	CHECK_STR("bad path", err.path, "bad.rules");
	sahifa_error_format(&err, msg, sizeof(msg));
	CHECK_STR("bad message", msg,
		  "bad.rules:3:1: unknown directive 'bogus' (expected line, prefix, contains, "
		  "repeat, end or byline)");
	CHECK(seg(rules, "Title\nBody.\nZed\n", &a, &err) == SAHIFA_OK);
	layout(&a, got, sizeof(got));
	CHECK_STR("rolled back", got, "-: P2 P3 # #");
	sahifa_article_release(&a);

	CHECK(sahifa_rules_load_mem(rules, "x", "prefix   \n", 10, &err) == SAHIFA_ERR_DATA);
	CHECK_INT("missing phrase line", err.line, 1);
	CHECK(sahifa_rules_load_mem(rules, "x", "line ok\nline \xff\n", 14, &err) ==
	      SAHIFA_ERR_DATA);
	CHECK_INT("bad utf-8 line", err.line, 2);
	CHECK(sahifa_rules_load_mem(rules, "x", "line \xd9\x8e\n", 8, &err) == SAHIFA_ERR_DATA);
	{
		static char big[SAHIFA_MAX_RULE_BYTES + 16];

		memcpy(big, "line ", 5);
		memset(big + 5, 'a', SAHIFA_MAX_RULE_BYTES + 1);
		CHECK(sahifa_rules_load_mem(rules, "x", big, SAHIFA_MAX_RULE_BYTES + 6, &err) ==
		      SAHIFA_ERR_LIMIT);
		memset(big + 5, 'a', SAHIFA_MAX_RULE_BYTES);
		CHECK(sahifa_rules_load_mem(rules, "x", big, SAHIFA_MAX_RULE_BYTES + 5, &err) ==
		      SAHIFA_OK);
	}

	/* from a file, as --rules FILE does */
	fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd >= 0) {
		const char *r = "line Sponsored by Acme\nend Weiterlesen\n";

		CHECK(write(fd, r, strlen(r)) == (ssize_t)strlen(r));
		close(fd);
		CHECK(sahifa_rules_load_file(rules, path, &err) == SAHIFA_OK);
		CHECK(seg(rules, "Title\nBody.\nSponsored by ACME\nWeiterlesen\nTeaser\n", &a,
			  &err) == SAHIFA_OK);
		layout(&a, got, sizeof(got));
		CHECK_STR("file rules", got, "-: P2 # # 3c 4c 5k");
		sahifa_article_release(&a);
		unlink(path);
	}
	CHECK(sahifa_rules_load_file(rules, "/nonexistent/x.rules", &err) == SAHIFA_ERR_IO);
	CHECK_STR("io path", err.path, "/nonexistent/x.rules");
	sahifa_rules_free(rules);
	sahifa_rules_free(NULL);
}

/* Lines that match a rule only as folded (case, tabs, no-break and em spaces in runs,
 * joiners, Arabic hamza forms and tanwin), and lines that come near one. */
static void test_rule_folding(void)
{
	static const struct {
		const char *rule, *line, *detail;   /* detail NULL: not chrome */
	} rows[] = {
		{ "line Foo Corner", "FOO\tCORNER", "line 'Foo Corner'" },
		{ "line Foo Corner", "Foo\xC2\xA0\xC2\xA0 Corner:", "line 'Foo Corner'" },
		{ "line Foo Corner", "Foo\xE2\x80\x83" "Corner", "line 'Foo Corner'" },
		{ "line Foo Corner", "Foo \xE2\x80\x8D" "Corner", "line 'Foo Corner'" },
		{ "line Foo Corner", "Xoo Corner", NULL },
		{ "line Foo Corner", "Foo Corners", NULL },
		/* "مدينة الأحلام" as "مَدينه الاحلامٌ" */
		{ "line \xD9\x85\xD8\xAF\xD9\x8A\xD9\x86\xD8\xA9\x20\xD8\xA7\xD9\x84\xD8\xA3\xD8\xAD\xD9\x84\xD8\xA7\xD9\x85",
		  "\xD9\x85\xD9\x8E\xD8\xAF\xD9\x8A\xD9\x86\xD9\x87\x20\xD8\xA7\xD9\x84\xD8\xA7\xD8\xAD\xD9\x84\xD8\xA7\xD9\x85\xD9\x8C",
		  "line '\xD9\x85\xD8\xAF\xD9\x8A\xD9\x86\xD8\xA9\x20\xD8\xA7\xD9\x84\xD8\xA3\xD8\xAD\xD9\x84\xD8\xA7\xD9\x85'" },
		{ "prefix Bar baz", "BAR\tbaz qux", "prefix 'Bar baz'" },
		{ "prefix Bar baz", "Bar bazooka", NULL },
		{ "contains middle words", "the MIDDLE\xC2\xA0words here", "contains 'middle words'" },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct sahifa_rules *rules = NULL;
		struct sahifa_article a;
		struct sahifa_error err;
		const struct sahifa_removed *r;
		char text[256];

		snprintf(text, sizeof(text), "Title\nBody one.\n%s\nMore body.\nEnd of body.\n",
			 rows[i].line);
		CHECK(sahifa_rules_new_default(&rules, &err) == SAHIFA_OK);
		CHECK(sahifa_rules_load_mem(rules, "site.rules", rows[i].rule, strlen(rows[i].rule),
					    &err) == SAHIFA_OK);
		CHECK(seg(rules, text, &a, &err) == SAHIFA_OK);
		r = removed_at(&a, 3);
		CHECK_STR(rows[i].line, r && r->detail ? r->detail : "(kept)",
			  rows[i].detail ? rows[i].detail : "(kept)");
		sahifa_article_release(&a);
		sahifa_rules_free(rules);
	}
}

/* --- limits ------------------------------------------------------------------------ */

static void test_limits(void)
{
	struct sahifa_article a;
	struct sahifa_error err;
	size_t n = SAHIFA_MAX_LINE_BYTES + 8;
	char *big = malloc(n > SAHIFA_MAX_ARTICLE_LINES + 2 ? n : SAHIFA_MAX_ARTICLE_LINES + 2);

	if (!big) {
		CHECK(big != NULL);
		return;
	}
	/* a line one byte over the limit */
	memcpy(big, "ok\n", 3);
	memset(big + 3, 'a', SAHIFA_MAX_LINE_BYTES + 1);
	big[SAHIFA_MAX_LINE_BYTES + 4] = '\n';
	sahifa_article_init(&a);
	CHECK(sahifa_segment(defaults, big, SAHIFA_MAX_LINE_BYTES + 5, &a, &err) ==
	      SAHIFA_ERR_LIMIT);
	CHECK_INT("long line", err.line, 2);
	sahifa_article_release(&a);
	/* exactly at the limit is fine */
	sahifa_article_init(&a);
	CHECK(sahifa_segment(defaults, big, SAHIFA_MAX_LINE_BYTES + 3, &a, &err) == SAHIFA_OK);
	CHECK_INT("long line ok", a.stats.lines, 2);
	sahifa_article_release(&a);

	/* one line too many */
	memset(big, '\n', SAHIFA_MAX_ARTICLE_LINES + 1);
	sahifa_article_init(&a);
	CHECK(sahifa_segment(defaults, big, SAHIFA_MAX_ARTICLE_LINES + 1, &a, &err) ==
	      SAHIFA_ERR_LIMIT);
	CHECK_INT("too many lines", err.line, SAHIFA_MAX_ARTICLE_LINES + 1);
	sahifa_article_release(&a);
	sahifa_article_init(&a);
	CHECK(sahifa_segment(defaults, big, SAHIFA_MAX_ARTICLE_LINES, &a, &err) == SAHIFA_OK);
	CHECK_INT("lines at the limit", a.stats.lines, SAHIFA_MAX_ARTICLE_LINES);
	CHECK_INT("all blank", a.stats.blank_lines, SAHIFA_MAX_ARTICLE_LINES);
	sahifa_article_release(&a);
	free(big);

	/* empty text */
	sahifa_article_init(&a);
	CHECK(sahifa_segment(defaults, "", 0, &a, &err) == SAHIFA_OK);
	CHECK_INT("empty lines", a.stats.lines, 0);
	CHECK_INT("empty sections", a.n_sections, 0);
	CHECK(a.headline == NULL);
	sahifa_article_release(&a);
	sahifa_article_init(&a);
	CHECK(sahifa_segment(defaults, NULL, 0, &a, &err) == SAHIFA_OK);
	sahifa_article_release(&a);
}

int main(void)
{
	struct sahifa_error err;

	if (sahifa_rules_new_default(&defaults, &err) != SAHIFA_OK) {
		printf("FAIL %s:%d: default rules: %s\n", __FILE__, __LINE__, err.msg);
		return 1;
	}
	test_seeds();
	test_texts();
	test_clean_authors();
	test_details();
	test_markdown();
	test_rules();
	test_rule_folding();
	test_limits();
	sahifa_rules_free(defaults);
	return check_report();
}
