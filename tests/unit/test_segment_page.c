/*
 * Unit tables of the whole-page path of the segmenter (src/text/segment_page.c): each
 * rule's lines, quoted from public pages (the place is named next to each), are set
 * into a page skeleton of the project's own writing (a menu, a headline, four
 * paragraphs of prose, a footer) and the record must show what the rule does.  Every
 * page also keeps the no-line-lost invariant.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sahifa/buf.h"
#include "sahifa/segment.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static struct sahifa_rules *defaults;

static const char *const menu_en[] = { "Skip to main content", "  • News", "  • Sport",
				       "  • Business", "  • Culture", "  • Weather",
				       "  • Opinion", "  • Travel", "  • Science", "  • Health",
				       "  • Money", "  • Video", "  • Podcasts", "  • Events",
				       "Search [                    ]" };
static const char *const prose_en[] = {
	"The city council of Riverton voted on Tuesday night to spend four million dollars "
	"on new bus lanes along the harbour road, after a debate that ran past midnight and "
	"drew more than two hundred residents to the town hall.",
	"Supporters said the lanes would cut the morning commute from the northern suburbs "
	"by a quarter, and that the money would come from a transport grant that the city "
	"would otherwise lose at the end of the year.",
	"Opponents, among them most of the shop owners on the harbour road, warned that the "
	"loss of forty parking spaces would drive their customers to the shopping centre "
	"outside the town.",
	"Work on the first section, between the ferry terminal and the library, is to start "
	"in March and take about five months, and the council will hold two more public "
	"meetings on the details.",
};
static const char *const menu_ar[] = { "الرئيسية", "أخبار", "اقتصاد", "رياضة", "ثقافة",
				       "منوعات", "فيديو", "صحة", "علوم", "سياحة", "تقنية", "سيارات",
				       "بحث [                    ]" };
static const char *const prose_ar[] = {
	"افتتح محافظ المدينة الساحلية صباح اليوم أول محطة لتحلية مياه البحر تعمل بالطاقة "
	"الشمسية، بطاقة تصل إلى عشرين ألف متر مكعب في اليوم، وذلك بحضور عدد من المسؤولين.",
	"وقال المحافظ في كلمته إن المحطة ستغطي حاجة نحو مئة ألف نسمة من مياه الشرب، وإنها "
	"جزء من خطة تهدف إلى خفض استهلاك الوقود في إنتاج المياه بنسبة الثلث خلال خمس سنوات.",
	"وأوضح مدير المشروع أن الألواح الشمسية تغطي مساحة تزيد على عشرة هكتارات، وأن المحطة "
	"تخزن جزءا من الطاقة في بطاريات لتعمل ليلا، مشيرا إلى أن التكلفة انخفضت إلى النصف.",
	"ومن المنتظر أن تبدأ المرحلة الثانية من المشروع في الصيف المقبل، على أن تضاعف طاقة "
	"المحطة قبل نهاية العام المقبل، بحسب ما أعلنت الشركة المنفذة في بيان لها اليوم.",
};

/* Every non-blank line accounted for exactly once (wrapped lines by their block). */
static int accounted(const struct sahifa_article *a)
{
	size_t n = (size_t)a->stats.lines, i, j, total = 0;
	unsigned char *seen = calloc(n + 2, 1);
	int bad = 0;
	long k;

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
		for (k = 0; k < (a->headline_lines > 1 ? a->headline_lines : 1); k++)
			MARK(a->headline_line + k);
	if (a->byline)
		for (k = 0; k < (a->byline_lines > 1 ? a->byline_lines : 1); k++)
			MARK(a->byline_line + k);
	for (i = 0; i < a->n_sections; i++) {
		if (a->sections[i].heading)
			MARK(a->sections[i].line);
		for (j = 0; j < a->sections[i].n_paragraphs; j++)
			for (k = 0; k < a->sections[i].paragraphs[j].lines; k++)
				MARK(a->sections[i].paragraphs[j].line + k);
	}
	for (i = 0; i < a->n_captions; i++)
		MARK(a->captions[i].line);
	for (i = 0; i < a->n_removed; i++)
		MARK(a->removed[i].line);
#undef MARK
	free(seen);
	return bad || total != n - a->stats.blank_lines ? -1 : 0;
}

/* A page: menu, headline, the lines under test (at "under"), prose, the lines under
 * test between paragraphs (at "inside"), footer.  Line numbers are those of the text. */
struct page {
	struct sahifa_buf b;
	long line;
};

static void put(struct page *p, const char *s)
{
	sahifa_buf_append_str(&p->b, s);
	sahifa_buf_append_char(&p->b, '\n');
	p->line++;
}

/* put each of the n lines */
static void put_lines(struct page *p, const char *const *lines, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		put(p, lines[i]);
}

static void build(struct page *p, int arabic, const char *headline, const char *under,
		  const char *inside, long *under_line, long *inside_line)
{
	const char *const *menu = arabic ? menu_ar : menu_en;
	const char *const *prose = arabic ? prose_ar : prose_en;
	size_t nm = arabic ? COUNT(menu_ar) : COUNT(menu_en), i;

	sahifa_buf_init(&p->b, 0);
	p->line = 0;
	for (i = 0; i < nm; i++)
		put(p, menu[i]);
	put(p, "");
	put(p, headline);
	if (under) {
		*under_line = p->line + 1;
		put(p, under);
	}
	put(p, "");
	for (i = 0; i < 4; i++) {
		put(p, prose[i]);
		put(p, "");
		if (i == 1 && inside) {
			*inside_line = p->line + 1;
			put(p, inside);
			put(p, "");
		}
	}
	put(p, arabic ? "الأكثر قراءة" : "Most read");
	put(p, arabic ? "ارتفاع أسعار الخضروات في الأسواق المحلية" :
		       "  • Storm warning for the coast this weekend");
	put(p, arabic ? "افتتاح معرض الكتاب الدولي الأسبوع المقبل" :
		       "  • School meals to cost less from April");
	put(p, arabic ? "المنتخب يستعد لمباراة الحسم" : "  • Harbour festival moves to August");
	put(p, "");
	put(p, arabic ? "من نحن | اتصل بنا | سياسة الخصوصية" :
		       "About us · Contact · Privacy policy · Terms of use");
	put(p, arabic ? "جميع الحقوق محفوظة © 2025" : "© 2025 Riverton Daily. All rights reserved.");
}

static const struct sahifa_removed *removed_at(const struct sahifa_article *a, long line)
{
	size_t i;

	for (i = 0; i < a->n_removed; i++)
		if (a->removed[i].line == line)
			return &a->removed[i];
	return NULL;
}

static int segment_page(struct page *p, struct sahifa_article *a)
{
	struct sahifa_error err;

	sahifa_article_init(a);
	return sahifa_segment(defaults, p->b.data, p->b.len, a, &err);
}

/* A page of the tests: the menu over what a test puts, the prose and the footer
 * under it. */
static void page_open(struct page *p)
{
	size_t i;

	sahifa_buf_init(&p->b, 0);
	p->line = 0;
	for (i = 0; i < COUNT(menu_en); i++)
		put(p, menu_en[i]);
	put(p, "");
}

static void page_close(struct page *p)
{
	size_t i;

	for (i = 0; i < COUNT(prose_en); i++) {
		put(p, prose_en[i]);
		put(p, "");
	}
	put(p, "About us · Contact · Privacy policy · Terms of use");
}

/* Segment the page p and check its headline and byline and that no line is lost; p is
 * released. */
static void check_header(struct page *p, const char *headline, const char *byline)
{
	struct sahifa_article a;

	CHECK(segment_page(p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, headline);
	CHECK_STR("byline", a.byline, byline);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p->b);
}

/* Segment the page p and check its headline, its count of paragraphs (unless
 * paragraphs is negative) and that no line is lost; p is released. */
static void check_page(struct page *p, const char *headline, long paragraphs)
{
	struct sahifa_article a;

	CHECK(segment_page(p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, headline);
	if (paragraphs >= 0)
		CHECK_INT("paragraphs", a.stats.paragraphs, paragraphs);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p->b);
}

/* The n lines segmented as a page: its headline and byline are checked and no line is
 * lost. */
static void check_lines(const char *const *lines, size_t n, const char *headline,
			const char *byline)
{
	struct page p;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put_lines(&p, lines, n);
	check_header(&p, headline, byline);
}

/* The menu over the n lines, segmented: its headline is checked and no line is lost. */
static void check_opened(const char *const *lines, size_t n, const char *headline)
{
	struct page p;

	page_open(&p);
	put_lines(&p, lines, n);
	check_page(&p, headline, -1);
}

/* Author, agency and "city: name" lines under the headline are the byline: the line
 * without lynx's link numbers and a meta list's bullet, and the names it gives without
 * the words that follow them. */
static void test_bylines(void)
{
	static const struct {
		int arabic;
		const char *line;   /* where from */
		const char *author; /* first author, or NULL */
		size_t authors;     /* how many, or 0 when not checked */
		const char *byline; /* the record's byline, or NULL for the line itself */
	} cases[] = {
		/* readability test pages (Apache-2.0): ars-1, lemonde-1, herald-sun-1 */
		{ 0, "Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Dan Goodin", 1, NULL },
		{ 0, "Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin "
		     "Untersinger", NULL, 0, NULL },
		{ 0, "By Jane Doe, Reuters", "Jane Doe", 0, NULL },
		/* readability test pages as lynx and w3m print them: wapo-1, nytimes-1,
		 * engadget, msn, liberation-1, gmw */
		{ 0, "By [37]Erin Cunningham March 18 at 3:57 PM", "Erin Cunningham", 1,
		  "By Erin Cunningham March 18 at 3:57 PM" },
		{ 0, "By JEFFREY GETTLEMAN JAN. 13, 2017", "JEFFREY GETTLEMAN", 1, NULL },
		{ 0, "Devindra Hardawar, @devindra", "Devindra Hardawar", 1, NULL },
		{ 0, "Alex Perry 1 day ago", "Alex Perry", 1, NULL },
		/* a first name of two letters that a stop-word list holds ("ed" in the
		 * English list; gizmodo.com by w3m, scrapinghub benchmark) */
		{ 0, "Ed Cara", "Ed Cara", 1, NULL },
		/* an agency's initials and the story's place (deccanherald.com by w3m,
		 * scrapinghub benchmark) */
		{ 0, "PTI, Washington,", "PTI", 1, NULL },
		/* cnbc.com (scrapinghub benchmark) by lynx: a handle glued on */
		{ 0, "[137]Natasha Turak[138]@NatashaTurak", "Natasha Turak", 1,
		  "Natasha Turak@NatashaTurak" },
		/* ign.com by html2text (the same benchmark): the portrait's alternative
		 * text glued before "By", the link's spaces underlined */
		{ 0, "[Jane Doe]By Jane_Doe, IGN Staff", "Jane Doe", 1, "By Jane Doe, IGN Staff" },
		/* digg.com by w3m (the same benchmark): the portrait's file name before the
		 * name */
		{ 0, "[2m-4G7ws_4] Jane Doe", "Jane Doe", 1, "Jane Doe" },
		/* an underlined link's trailing run ("Ryan_Reed___", rollingstone.com by
		 * html2text, the same benchmark) */
		{ 0, "By Jane_Doe___", "Jane Doe", 1, "By Jane Doe" },
		{ 0, "AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)", NULL, 0,
		  NULL },
		{ 0, "2017-03-10 09:58:03来源：网易科学人作者：责任编辑：肖春芳", NULL, 0, NULL },
		/* the same cues naming the author, of the project's writing: the names
		 * after them, not the label of an editor */
		{ 0, "2017-03-10 来源：网易科学人 作者：肖春芳", "肖春芳", 1, NULL },
		{ 0, "记者 欧阳明远 通讯员 李四", "欧阳明远", 1, NULL },
		/* SaudiNewsNet, 2015-07-23 (CC BY-NC-SA): dateline and author forms */
		{ 1, "القاهرة: سوسن أبو حسين", "سوسن أبو حسين", 1, NULL },
		{ 1, "كتب - محمد علي", "محمد علي", 1, NULL },
		{ 1, "بقلم: خالد السليمان", "خالد السليمان", 1, NULL },
		/* youm7.com (htmldate eval): the feminine cue, not «كتب» and a stray letter */
		{ 1, "كتبت أسماء نصار", "أسماء نصار", 1, NULL },
		/* the byline phrases of the rules: seed 002_276ecc4978464b78 */
		{ 1, "تحليل يكتبه - بيشوى رمزى", "بيشوى رمزى", 1, NULL },
		/* assabah.com.tn (trafilatura eval): an interview's byline */
		{ 1, "حوار: آسيا العتروس", "آسيا العتروس", 1, NULL },
		/* trafilatura eval pages as w3m prints them (a Brazilian news site, the AMP
		 * blog, a French and an Austrian magazine) */
		{ 0, "Por Adriano Fernandes | 03/05/2022 20:36", "Adriano Fernandes", 1, NULL },
		{ 0, "Posted by Alex Durán, AMP Project Marketing, Google", "Alex Durán", 0, NULL },
		{ 0, "Auteur : Kossivi Tiassou", "Kossivi Tiassou", 1, NULL },
		{ 0, "Ein Artikel von Pamela Sladky | 27.01.2022 - 12:45", "Pamela Sladky", 1, NULL },
		/* scrapinghub article-extraction-benchmark pages as lynx and w3m print them
		 * (vox.com, express.co.uk, thehill.com, spacenews.com, profootballtalk,
		 * newsweek.com, crn.com, dawgsbynature.com, foxbusiness.com, vg247.com,
		 * healthline.com, cleveland.com, politifact.com, cbssports.com) */
		{ 0, "By [41]Umair Irfan Updated Nov 13, 2019, 10:28am EST", "Umair Irfan", 1,
		  "By Umair Irfan Updated Nov 13, 2019, 10:28am EST" },
		{ 0, "By [39]Sean Martin [40]Sean Martin", "Sean Martin", 1,
		  "By Sean Martin Sean Martin" },
		{ 0, "By Tess Bonn - 11/19/19 06:56 AM EST", "Tess Bonn", 1, NULL },
		{ 0, "by [35]Jeff Foust — November 18, 2019", "Jeff Foust", 1,
		  "by Jeff Foust — November 18, 2019" },
		{ 0, "Posted by Michael David Smith on November 19, 2019, 6:21 AM EST",
		  "Michael David Smith", 1, NULL },
		{ 0, "By [15]Kashmira Gander On 11/13/19 at 4:00 PM EST", "Kashmira Gander", 1,
		  "By Kashmira Gander On 11/13/19 at 4:00 PM EST" },
		{ 0, "By Joseph Tsidulko\u00a0November 19, 2019, 07:47 PM EST", "Joseph Tsidulko", 1,
		  NULL },
		/* latimes.com (scrapinghub benchmark) by w3m: a no-break space after "By" */
		{ 0, "By\u00a0Michael Hiltzik", "Michael Hiltzik", 1, NULL },
		/* a name alone whose words are stop words of another language than the
		 * page's: indiewire.com (scrapinghub benchmark) by w3m, "ehrlich" in
		 * German; readability test page buzzfeed-1 by w3m, "di" in Italian */
		{ 0, "David Ehrlich", "David Ehrlich", 1, NULL },
		{ 0, "Mark Di Stefano", "Mark Di Stefano", 1, NULL },
		/* a middle initial: forbes.com and wsj.com (scrapinghub benchmark) by
		 * w3m, and the form at large */
		{ 0, "Bruce Y. Lee", "Bruce Y. Lee", 1, NULL },
		{ 0, "Sarah E. Needleman", "Sarah E. Needleman", 1, NULL },
		{ 0, "John Q. Public, Staff Writer", "John Q. Public", 1, NULL },
		/* philstar.com (htmldate eval) by w3m: "Posted by:" */
		{ 0, "Posted by: Ed de Leon on February 18, 2020 in Showbiz", "Ed de Leon", 1,
		  NULL },
		/* ign.com (scrapinghub benchmark) by w3m: a portrait's text glued to the
		 * byline; a desk's role after the name, not a second author (also
		 * "Chris Cillizza, CNN Editor-at-large", cnn.com) */
		{ 0, "Jane RoeBy Jane Roe, Riverton Staff", "Jane Roe", 1, NULL },
		{ 0, "By Jane Roe, Riverton Daily Editor-at-large", "Jane Roe", 1, NULL },
		/* cnn.com (scrapinghub benchmark) by lynx: "Analysis by" */
		{ 0, "Analysis by [120]Jane Roe", "Jane Roe", 1, "Analysis by Jane Roe" },
		/* latimes.com (scrapinghub benchmark) by w3m: the role glued on */
		{ 0, "By Meg JamesStaff Writer", "Meg James", 1, NULL },
		{ 0, "By [44]Chris Pokorny[45]@DawgsByNature Nov 18, 2019, 11:47am EST",
		  "Chris Pokorny", 1, "By Chris Pokorny@DawgsByNature Nov 18, 2019, 11:47am EST" },
		{ 0, "By Jonathan GarberFOXBusiness", "Jonathan Garber", 1, NULL },
		{ 0, "By Sherif Saed, Wednesday, 20 November 2019 08:05 GMT", "Sherif Saed", 1, NULL },
		{ 0, "Written by [2]Rachael Link, MS, RD on November 14, 2019", "Rachael Link", 1,
		  "Written by Rachael Link, MS, RD on November 14, 2019" },
		{ 0, "By [148]Troy L. Smith, Cleveland.com", "Troy L. Smith", 1,
		  "By Troy L. Smith, Cleveland.com" },
		{ 0, "By [67]Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m.",
		  "Louis Jacobson", 1,
		  "By Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m." },
		{ 0, "  • by Bryan DeArdo", "Bryan DeArdo", 1, "by Bryan DeArdo" },
		/* readability test page wapo-1 by html2text and pandoc (Markdown): the
		 * name is a link's text, its address no part of the byline */
		{ 0, "By [Erin Cunningham](https://www.washingtonpost.com/people/erin-cunningham) "
		     "March 18 at 3:57 PM", "Erin Cunningham", 1,
		  "By Erin Cunningham March 18 at 3:57 PM" },
		{ 0, "By [Jane Doe](/people/jane-doe) and [John Smith](/people/john-smith)",
		  "Jane Doe", 2, "By Jane Doe and John Smith" },
		/* hollywoodreporter.com (scrapinghub benchmark) by python3-html2text:
		 * two spaces around the name's link */
		{ 0, "5:45 AM PST 11/19/2019  by  Patrick Shanley", "Patrick Shanley", 1,
		  "5:45 AM PST 11/19/2019 by Patrick Shanley" },
		/* appleinsider.com (scrapinghub benchmark) by python3-html2text: the
		 * link's address wrapped; bostonherald.com (htmldate eval): its title */
		{ 0, "By [Mike Wuerthele and Malcolm Owen](/cdn-cgi/l/email- protection#7f0b16)",
		  "Mike Wuerthele", 2, "By Mike Wuerthele and Malcolm Owen" },
		{ 0, "By [Grace Zokovitch](https://www.bostonherald.com/author/grace-zokovitch/ "
		     "\"Posts by Grace Zokovitch\")", "Grace Zokovitch", 1, "By Grace Zokovitch" },
		/* readability test page herald-sun-1 by w3m: "by:" in a meta list */
		{ 0, "  • by: Laurie Oakes", "Laurie Oakes", 1, "by: Laurie Oakes" },
		/* the forms of author lines of news sites at large, in names of the
		 * project's writing: a name and an agency, two names joined, and the
		 * cues of Indonesian, Russian, Turkish, Italian, Swedish, Portuguese and
		 * Arabic */
		{ 0, "Jane Doe | Reuters", "Jane Doe", 1, NULL },
		{ 0, "By Jane Doe & John Smith", "Jane Doe", 2, NULL },
		{ 0, "Oleh Ahmad Fauzi", "Ahmad Fauzi", 1, NULL },
		{ 0, "Автор: Иван Петров", "Иван Петров", 1, NULL },
		{ 0, "Yazar: Ayşe Yılmaz", "Ayşe Yılmaz", 1, NULL },
		{ 0, "a cura di Marco Rossi", "Marco Rossi", 1, NULL },
		{ 0, "Av Erik Lund", "Erik Lund", 1, NULL },
		{ 0, "Por Ana Souza e Pedro Lima", "Ana Souza", 2, NULL },
		/* the cues with a colon, Danish, and the labels of the text's author
		 * (German, Spanish, Polish, Russian) */
		{ 0, "Por: Ana Souza", "Ana Souza", 1, NULL },
		{ 0, "Par : Jean Dupont", "Jean Dupont", 1, NULL },
		{ 0, "Af Mette Hansen", "Mette Hansen", 1, NULL },
		{ 0, "Skrevet af Mette Hansen", "Mette Hansen", 1, NULL },
		{ 0, "Text: Anna Müller", "Anna Müller", 1, NULL },
		{ 0, "Redacción: Juan Pérez", "Juan Pérez", 1, NULL },
		{ 0, "Tekst: Jan Kowalski", "Jan Kowalski", 1, NULL },
		{ 0, "Текст: Иван Петров", "Иван Петров", 1, NULL },
		{ 1, "بواسطة محمد علي", "محمد علي", 1, NULL },
		/* a role after the name; a middle dot before the date */
		{ 0, "Jane Doe, Staff Writer", "Jane Doe", 1, NULL },
		{ 0, "Jane Doe · November 19, 2019", "Jane Doe", 1, NULL },
		{ 0, "Jane Q. Doe | November 19, 2019", "Jane Q. Doe", 1, NULL },
		/* Korean reporters' signatures (htmldate eval 1538026996 and 1694328145 by
		 * w3m), and a senior reporter with an address, of the project's writing */
		{ 0, "이용민 기자 | 2020-03-04 16:52:59", "이용민", 1, NULL },
		{ 0, "스포츠조선=선수민 기자", "선수민", 1, NULL },
		{ 0, "김진수 선임기자 jinsu@example.kr", "김진수", 1, NULL },
		/* the author after the date, as blogs print it */
		{ 0, "Posted on November 19, 2019 by Jane Doe", "Jane Doe", 1, NULL },
		{ 0, "Publié le 19 novembre 2019 par Jean Dupont", "Jean Dupont", 1, NULL },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct page p;
		struct sahifa_article a;
		long at = 0, unused = 0;

		build(&p, cases[i].arabic,
		      cases[i].arabic ? "افتتاح أول محطة لتحلية المياه بالطاقة الشمسية"
				      : "Council backs bus lanes for the harbour road",
		      cases[i].line, NULL, &at, &unused);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		CHECK_STR(cases[i].line, a.byline,
			  cases[i].byline ? cases[i].byline : cases[i].line);
		CHECK_INT(cases[i].line, a.byline_line, at);
		CHECK(a.headline != NULL);
		if (cases[i].author)
			CHECK_STR(cases[i].line, a.n_authors ? a.authors[0] : NULL,
				  cases[i].author);
		if (cases[i].authors)
			CHECK_INT(cases[i].line, (long)a.n_authors, (long)cases[i].authors);
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* A byline hard-wrapped over two screen lines (as w3m -cols 80 prints readability test
 * page lemonde-1: "Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 |
 * Par Martin" / "Untersinger (avec Damien Leloup et Morgane Tual)"): the byline is
 * both lines joined, its authors and date taken from the whole (the lines are of the
 * project's own writing). */
static void test_byline_wrapped(void)
{
	static const char page[] =
		"  • Home\n"
		"  • News\n"
		"  • Sport\n"
		"  • Business\n"
		"  • Weather\n"
		"  • Travel\n"
		"  • Culture\n"
		"  • Video\n"
		"  • Local\n"
		"  • Contact\n"
		"  • Opinion\n"
		"  • Science\n"
		"  • Health\n"
		"  • Education\n"
		"  • Letters\n"
		"  • Jobs\n"
		"  • Property\n"
		"  • Cars\n"
		"  • Puzzles\n"
		"  • Archive\n"
		"\n"
		"Council backs bus lanes for the harbour road\n"
		"\n"
		"Riverton Daily | 04.05.2015 at 13:36 • Updated 05.05.2015 at 20:13 | By Jane Doe\n"
		"and John Smith, harbour correspondents\n"
		"\n"
		"The town council voted on Tuesday to build bus lanes along the harbour road,\n"
		"after a year of complaints from shop owners about the traffic jams that fill the\n"
		"road in the summer months and keep their customers away.\n"
		"\n"
		"Shop owners on the road said that the lanes would bring more customers, since\n"
		"the buses would stop closer to the market and run every ten minutes in the\n"
		"morning and every quarter of an hour in the evening.\n"
		"\n"
		"The work is to start in March and to be finished before the harbour festival in\n"
		"August, when the road is closed to cars for a week and the buses are the only\n"
		"way for most visitors to reach the market.\n"
		"\n"
		"Some residents of the northern streets said they feared the loss of parking\n"
		"spaces, and the council promised to open a new car park behind the station\n"
		"before the first lane is painted on the road.\n"
		"\n"
		"Most read\n"
		"  • Storm warning for the coast this weekend\n"
		"  • School meals to cost less from April\n"
		"  • Harbour festival moves to August\n"
		"\n"
		"About us · Contact · Privacy policy · Terms of use\n";
	struct sahifa_article a;
	struct sahifa_error err;

	sahifa_article_init(&a);
	CHECK(sahifa_segment(defaults, page, strlen(page), &a, &err) == SAHIFA_OK);
	CHECK_STR("byline", a.byline,
		  "Riverton Daily | 04.05.2015 at 13:36 • Updated 05.05.2015 at 20:13 | By Jane "
		  "Doe and John Smith, harbour correspondents");
	CHECK_INT("byline line", a.byline_line, 24);
	CHECK_INT("byline lines", a.byline_lines, 2);
	CHECK_INT("authors", (long)a.n_authors, 2);
	if (a.n_authors == 2)
		CHECK_STR("second author", a.authors[1], "John Smith");
	CHECK_STR("published", a.published, "2015-05-04");
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
}

/* A Markdown page (python3-html2text) that prints its headline and byline over a
 * gallery of captions, the headline printed again at the gallery's foot: the byline is
 * read under the headline far before the body, with its link's address dropped (the
 * form of chron.com, scrapinghub benchmark; the text is of the project's own writing). */
static void test_byline_far_before_body(void)
{
	static const char page[] =
		"  * [World](/world/)\n"
		"  * [Business](/business/)\n"
		"  * [Sport](/sport/)\n"
		"  * [Weather](/weather/)\n"
		"  * [Travel](/travel/)\n"
		"  * [Culture](/culture/)\n"
		"  * [Local](/local/)\n"
		"\n"
		"# Council backs bus lanes for the harbour road\n"
		"\n"
		"By [Jane Roe](/author/jane-roe/)\n"
		"\n"
		"Published 4:00 am CST, Wednesday, November 20, 2019\n"
		"\n"
		"  * [ ](javascript:print\\(\\);)\n"
		"  * [ ](/comments/)\n"
		"\n"
		"Close\n"
		"\n"
		"Image 1 of 9\n"
		"\n"
		"Buses wait at the harbour road stop number 1 in the summer\n"
		"\n"
		"Buses wait at the harbour road stop number 1 in the summer\n"
		"\n"
		"Photo: Sam Lee / Riverton Daily\n"
		"\n"
		"Close\n"
		"\n"
		"Image 2 of 9\n"
		"\n"
		"Buses wait at the harbour road stop number 2 in the summer\n"
		"\n"
		"Buses wait at the harbour road stop number 2 in the summer\n"
		"\n"
		"Photo: Sam Lee / Riverton Daily\n"
		"\n"
		"Close\n"
		"\n"
		"Image 3 of 9\n"
		"\n"
		"Buses wait at the harbour road stop number 3 in the summer\n"
		"\n"
		"Buses wait at the harbour road stop number 3 in the summer\n"
		"\n"
		"Photo: Sam Lee / Riverton Daily\n"
		"\n"
		"Close\n"
		"\n"
		"Image 4 of 9\n"
		"\n"
		"Buses wait at the harbour road stop number 4 in the summer\n"
		"\n"
		"Buses wait at the harbour road stop number 4 in the summer\n"
		"\n"
		"Photo: Sam Lee / Riverton Daily\n"
		"\n"
		"Close\n"
		"\n"
		"Image 5 of 9\n"
		"\n"
		"Buses wait at the harbour road stop number 5 in the summer\n"
		"\n"
		"Buses wait at the harbour road stop number 5 in the summer\n"
		"\n"
		"Photo: Sam Lee / Riverton Daily\n"
		"\n"
		"Close\n"
		"\n"
		"Image 6 of 9\n"
		"\n"
		"Buses wait at the harbour road stop number 6 in the summer\n"
		"\n"
		"Buses wait at the harbour road stop number 6 in the summer\n"
		"\n"
		"Photo: Sam Lee / Riverton Daily\n"
		"\n"
		"Close\n"
		"\n"
		"Image 7 of 9\n"
		"\n"
		"Buses wait at the harbour road stop number 7 in the summer\n"
		"\n"
		"Buses wait at the harbour road stop number 7 in the summer\n"
		"\n"
		"Photo: Sam Lee / Riverton Daily\n"
		"\n"
		"Close\n"
		"\n"
		"Image 8 of 9\n"
		"\n"
		"Buses wait at the harbour road stop number 8 in the summer\n"
		"\n"
		"Buses wait at the harbour road stop number 8 in the summer\n"
		"\n"
		"Photo: Sam Lee / Riverton Daily\n"
		"\n"
		"Close\n"
		"\n"
		"Image 9 of 9\n"
		"\n"
		"Buses wait at the harbour road stop number 9 in the summer\n"
		"\n"
		"Buses wait at the harbour road stop number 9 in the summer\n"
		"\n"
		"Photo: Sam Lee / Riverton Daily\n"
		"\n"
		"Council backs bus lanes for the harbour road\n"
		"\n"
		"1 / 9\n"
		"\n"
		"Back to Gallery\n"
		"\n"
		"The town council voted on Tuesday to back bus lanes along the harbour road, after a year of complaints from shop owners about the traffic jams that fill the road in the summer months.\n"
		"\n"
		"Shop owners on the harbour road said that the bus lanes would bring more customers, since the buses would stop closer to the market and run every ten minutes in the morning.\n"
		"\n"
		"The work on the bus lanes is to start in March and to be finished before the harbour festival in August, when the road is closed to cars for a week.\n"
		"\n"
		"Some residents of the northern streets said they feared the loss of parking spaces, and the council promised to open a new car park behind the station before the first lane is painted.\n"
		"\n";
	struct sahifa_article a;
	struct sahifa_error err;

	sahifa_article_init(&a);
	CHECK(sahifa_segment(defaults, page, strlen(page), &a, &err) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Council backs bus lanes for the harbour road");
	CHECK_STR("byline", a.byline, "By Jane Roe");
	CHECK_INT("byline line", a.byline_line, 11);
	CHECK_INT("authors", (long)a.n_authors, 1);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
}

/* The same byline as lynx -width=80 prints lemonde-1: the screen line ends with "Par"
 * and the next, after its link number, holds the names, "[26]Martin Untersinger (avec
 * Damien Leloup et Morgane Tual)": the byline is the block, not a dateline and a name
 * line, and the names in brackets are authors too. */
static void test_byline_wrapped_lynx(void)
{
	static const char page[] =
		"     * [1]Home\n"
		"     * [2]News\n"
		"     * [3]Sport\n"
		"     * [4]Business\n"
		"     * [5]Weather\n"
		"     * [6]Travel\n"
		"     * [7]Culture\n"
		"     * [8]Video\n"
		"     * [9]Local\n"
		"     * [10]Contact\n"
		"     * [11]Opinion\n"
		"     * [12]Science\n"
		"     * [13]Health\n"
		"     * [14]Education\n"
		"     * [15]Letters\n"
		"     * [16]Jobs\n"
		"     * [17]Property\n"
		"     * [18]Cars\n"
		"     * [19]Puzzles\n"
		"     * [20]Archive\n"
		"\n"
		"Council backs bus lanes for the harbour road\n"
		"\n"
		"   Riverton Daily | 04.05.2015 at 13:36 • Updated 05.05.2015 at 20:13 | By\n"
		"   [26]Jane Doe (with John Smith)\n"
		"\n"
		"   The town council voted on Tuesday to build bus lanes along the harbour\n"
		"   road, after a year of complaints from shop owners about the traffic jams\n"
		"   that fill the road in the summer months and keep their customers away.\n"
		"\n"
		"   Shop owners on the road said that the lanes would bring more customers,\n"
		"   since the buses would stop closer to the market and run every ten\n"
		"   minutes in the morning and every quarter of an hour in the evening.\n"
		"\n"
		"   The work is to start in March and to be finished before the harbour\n"
		"   festival in August, when the road is closed to cars for a week and the\n"
		"   buses are the only way for most visitors to reach the market.\n"
		"\n"
		"   Some residents of the northern streets said they feared the loss of\n"
		"   parking spaces, and the council promised to open a new car park behind\n"
		"   the station before the first lane is painted on the road.\n"
		"\n"
		"Most read\n"
		"     * [30]Storm warning for the coast this weekend\n"
		"     * [31]School meals to cost less from April\n"
		"     * [32]Harbour festival moves to August\n"
		"\n"
		"   [33]About us · [34]Contact · [35]Privacy policy · [36]Terms of use\n";
	struct sahifa_article a;
	struct sahifa_error err;

	sahifa_article_init(&a);
	CHECK(sahifa_segment(defaults, page, strlen(page), &a, &err) == SAHIFA_OK);
	CHECK_STR("lynx byline", a.byline,
		  "Riverton Daily | 04.05.2015 at 13:36 • Updated 05.05.2015 at 20:13 | By Jane "
		  "Doe (with John Smith)");
	CHECK_INT("lynx byline line", a.byline_line, 24);
	CHECK_INT("lynx byline lines", a.byline_lines, 2);
	CHECK_INT("lynx authors", (long)a.n_authors, 2);
	if (a.n_authors == 2)
		CHECK_STR("lynx second author", a.authors[1], "John Smith");
	CHECK_STR("lynx published", a.published, "2015-05-04");
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
}

/* The byline under the headline's second copy, after share buttons (aktualne.cz,
 * readability test page aktualne, as w3m prints it). */
static void test_byline_under_copy(void)
{
	struct page p;
	struct sahifa_article a;
	long at = 0, unused = 0;

	build(&p, 0, "Council backs bus lanes for the harbour road",
	      "Sdílet článek\n\nFacebook Twitter\n\nTo se mi líbí\n\n"
	      "Council backs bus lanes for the harbour road\n\nAleš Vávra Aleš Vávra\n\n"
	      "před 2 hodinami", NULL, &at, &unused);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("byline", a.byline, "Aleš Vávra Aleš Vávra");
	CHECK_STR("author", a.n_authors ? a.authors[0] : NULL, "Aleš Vávra");
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A label alone on its line, the name on the next: "By" over "Sarah E. Needleman"
 * (wsj.com by w3m), "Author:" over "The Water Coolest" (thewatercoolest.com by w3m),
 * both scrapinghub benchmark, "AUTOR/IN" over the name (as a German news site prints
 * it by lynx): the name's line is the byline, the label is not a headline or a
 * paragraph, and the name is not the headline. */
static void test_byline_label(void)
{
	static const struct {
		const char *lines, *byline, *author;
	} cases[] = {
		{ "By\n\nSarah E. Needleman", "Sarah E. Needleman", "Sarah E. Needleman" },
		{ "By\nSarah E. Needleman\n\nNov. 19, 2019 8:03 am ET", "Sarah E. Needleman",
		  "Sarah E. Needleman" },
		{ "Author:\n\n    Jane Doe", "Jane Doe", "Jane Doe" },
		{ "   AUTOR/IN\n\n          Julia Richter", "Julia Richter", "Julia Richter" },
	};
	size_t i, j;

	for (i = 0; i < COUNT(cases); i++) {
		struct page p;
		struct sahifa_article a;
		long at = 0, unused = 0;

		build(&p, 0, "Council backs bus lanes for the harbour road", cases[i].lines, NULL,
		      &at, &unused);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		CHECK_STR(cases[i].lines, a.headline, "Council backs bus lanes for the harbour road");
		CHECK_STR(cases[i].lines, a.byline, cases[i].byline);
		CHECK_STR(cases[i].lines, a.n_authors ? a.authors[0] : NULL, cases[i].author);
		for (j = 0; j < a.n_sections; j++)
			CHECK(a.sections[j].n_paragraphs == 0 ||
			      strncmp(a.sections[j].paragraphs[0].text, "The city council", 16) == 0);
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* A byline past the standfirst and the date lines under it ("By [39]Laura Mowat" /
 * "PUBLISHED: 10:48, Tue, Nov 19, 2019" / "| UPDATED: 11:05, Tue, Nov 19, 2019",
 * express.co.uk by lynx, scrapinghub benchmark; the name here of the project's
 * writing): the date lines are datelines, no paragraphs. */
static void test_byline_dates_under(void)
{
	struct page p;
	struct sahifa_article a;
	long at = 0, unused = 0;
	size_t i, j;

	build(&p, 0, "Riverton votes for faster buses",
	      "\nTHE city council of Riverton has voted to spend four million dollars on new "
	      "bus lanes along the harbour road, after a debate that ran past midnight in the "
	      "town hall.\n\nBy [39]Jane Roe\n\nPUBLISHED: 10:48, Tue, Nov 19, 2019\n\n"
	      "| UPDATED: 11:05, Tue, Nov 19, 2019", NULL, &at, &unused);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("byline", a.byline, "By Jane Roe");
	CHECK_STR("published", a.published, "2019-11-19");
	for (i = 0; i < a.n_sections; i++)
		for (j = 0; j < a.sections[i].n_paragraphs; j++)
			CHECK(!strstr(a.sections[i].paragraphs[j].text, "PUBLISHED") &&
			      !strstr(a.sections[i].paragraphs[j].text, "UPDATED"));
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* The author's handle on its own line under the name ("Catherine Shu @catherineshu /
 * 2 days", techcrunch.com by w3m, scrapinghub benchmark, prints it on the name's line;
 * other sites under it): the name is the byline, the handle no paragraph. */
static void test_byline_handle(void)
{
	static const char *const unders[] = { "Jane Doe\n@janedoe\n\nNov 19, 2019",
					      "Jane Doe\n\n@janedoe\n\nNov 19, 2019",
					      "Jane Doe @janedoe / 2 days" };
	size_t i, j;

	for (i = 0; i < COUNT(unders); i++) {
		struct page p;
		struct sahifa_article a;
		long at = 0, unused = 0;

		build(&p, 0, "Riverton votes for faster buses", unders[i], NULL, &at, &unused);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		CHECK_STR(unders[i], a.headline, "Riverton votes for faster buses");
		CHECK_STR(unders[i], a.n_authors ? a.authors[0] : NULL, "Jane Doe");
		for (j = 0; j < a.n_sections; j++)
			CHECK(a.sections[j].n_paragraphs == 0 ||
			      strncmp(a.sections[j].paragraphs[0].text, "The city council", 16) == 0);
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* The byline under the deck, all link text as lynx prints it ("By [63]Scott Gordon",
 * nbcdfw.com, scrapinghub benchmark; the name here of the project's writing). */
static void test_byline_linked(void)
{
	struct page p;
	struct sahifa_article a;
	long at = 0, unused = 0;

	build(&p, 0, "Riverton votes for faster buses",
	      "\nThe northern suburbs gain faster buses and the shops lose parking spaces\n\n"
	      "By [63]Jane Roe\n\nPublished Nov 18, 2019 at 4:07 PM", NULL, &at, &unused);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Riverton votes for faster buses");
	CHECK_STR("byline", a.byline, "By Jane Roe");
	CHECK_STR("author", a.n_authors ? a.authors[0] : NULL, "Jane Roe");
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* No byline under the headline: the author's signature at the article's foot, under a
 * label ("Posted by Alex Durán, AMP Project Marketing, Google", amp.dev; "Автор:
 * Віталій Шабунін", 24tv.ua, htmldate eval; the names here of the project's writing),
 * is the byline; a "Posted by" in the comments under it is not. */
static void test_byline_foot(void)
{
	static const struct {
		const char *line, *author;
	} cases[] = {
		{ "Posted by Jane Doe, Riverton Daily Marketing, Riverton", "Jane Doe" },
		{ "Автор: Іван Петренко", "Іван Петренко" },
		{ "Author: Jane Doe", "Jane Doe" },
	};
	size_t i, j;

	for (i = 0; i < COUNT(cases); i++) {
		struct page p;
		struct sahifa_article a;

		sahifa_buf_init(&p.b, 0);
		p.line = 0;
		for (j = 0; j < COUNT(menu_en); j++)
			put(&p, menu_en[j]);
		put(&p, "");
		put(&p, "Council backs bus lanes for the harbour road");
		put(&p, "");
		for (j = 0; j < COUNT(prose_en); j++) {
			put(&p, prose_en[j]);
			put(&p, "");
		}
		put(&p, cases[i].line);
		put(&p, "");
		put(&p, "© 2025 Riverton Daily. All rights reserved.");
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		CHECK_STR(cases[i].line, a.byline, cases[i].line);
		CHECK_INT(cases[i].line, a.byline_line, (long)COUNT(menu_en) + 12);
		CHECK_STR(cases[i].line, a.n_authors ? a.authors[0] : NULL, cases[i].author);
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* The same header as BeautifulSoup's get_text prints it, a line for each string: the
 * source's name, the author's name, the date, each alone (readability test page msn).
 * The source gives way to the name with the date right under it. */
static void test_byline_fuller_unspaced(void)
{
	static const char *const lines[] = {
		"Skip to main content", "News Sections", "US", "World", "Crime", "Technology",
		"Politics", "Live Coverage", "My Topics", "Video", "AdChoices",
		"Council backs bus lanes for the harbour road", "Tech Insider", "Jane Doe",
		"1 day ago", "SHARE", "SHARE", "TWEET", "SHARE", "EMAIL",
	};
	struct page p;
	struct sahifa_article a;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put_lines(&p, lines, COUNT(lines));
	put_lines(&p, prose_en, COUNT(prose_en));
	put(&p, "About us · Contact · Privacy policy · Terms of use");
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Council backs bus lanes for the harbour road");
	CHECK_STR("byline", a.byline, "Jane Doe");
	CHECK_STR("author", a.n_authors ? a.authors[0] : NULL, "Jane Doe");
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A source's name alone gives way to the author's line just under it (msn,
 * readability test page msn, as w3m prints it). */
static void test_byline_fuller(void)
{
	struct page p;
	struct sahifa_article a;
	long at = 0, unused = 0;

	build(&p, 0, "Council backs bus lanes for the harbour road",
	      "Tech Insider Tech Insider\n\nTech Insider\n\nAlex Perry 1 day ago", NULL, &at,
	      &unused);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("byline", a.byline, "Alex Perry 1 day ago");
	CHECK_STR("author", a.n_authors ? a.authors[0] : NULL, "Alex Perry");
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A blog's account where the author's name would stand ("Posted on Oktober 27, 2015 by
 * Admin", a scrapinghub benchmark page by w3m): the line is the byline, but it names no
 * author. */
static void test_byline_account(void)
{
	static const char *const lines[] = { "Posted on October 27, 2015 by Admin",
					     "Publié le 27 octobre 2015 par Rédaction" };
	size_t i;

	for (i = 0; i < COUNT(lines); i++) {
		struct page p;
		struct sahifa_article a;
		long at = 0, unused = 0;

		build(&p, 0, "Council backs bus lanes for the harbour road", lines[i], NULL, &at,
		      &unused);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		CHECK_STR(lines[i], a.byline, lines[i]);
		CHECK_INT(lines[i], (long)a.n_authors, 0);
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* Lines under the headline that take a byline's shape and are none: a label, an id,
 * a section, a widget.  Nor are they the headline. */
static void test_not_bylines(void)
{
	static const struct {
		int arabic;
		const char *line;
	} cases[] = {
		/* readability test pages as w3m prints them: aktualne, msn */
		{ 0, "• FORTUNA:LIGA" },
		{ 0, "Promoted Links Promoted Links" },
		{ 0, "MORE FOR YOU" },
		{ 0, "User Login" },
		/* readability test page wapo-1 by w3m, a gallery's button; htmldate_mediacloud
		 * 1713311346 and 1641303898 by w3m, a tag line and a player's notice; 1485102321
		 * by lynx, a related story's link that ends a sentence */
		{ 0, "View Photos" },
		{ 0, "Filed Under:ACM Awards" },
		{ 0, "Preuzimite Adobe Flash Player" },
		{ 0, "  * [35]President Trump." },
		/* yjc.ir (htmldate_mediacloud 1602557452, a text-browser dump): news id and
		 * section lines */
		{ 1, "کد خبر : ۷۳۴۹۹۲۶" },
		{ 1, "گروه : یزد » یزد" },
		/* picture credits (trafilatura eval: a German weekly, xinhuanet) */
		{ 0, "picture alliance / Xinhua News Agency | Ju Peng" },
		{ 0, "新华社记者 才扬 摄" },
		/* Korean sentences with 기자 ("reporter") in them, of the project's writing:
		 * a press conference (기자회견), a sentence about a reporter */
		{ 0, "시장은 오늘 기자회견을 열었다" },
		{ 0, "이 사건은 김민수 기자가 처음 보도했다." },
		{ 0, "현장에서 김민수 기자 등이 취재했다." },
		{ 0, "김민수 기자 등 3명 부상" },
		/* a sentence that a link cut off on its line, "By" and a possessive
		 * (theweek.com as BeautifulSoup's get_text prints it, htmldate benchmark) */
		{ 0, "By CNN's count, Trump visited one of his golf resorts at least 86 days in "
		     "2019 — or" },
		/* sputniknews (htmldate_mediacloud 1784190729): a time and date */
		{ 1, "٠٢:٠٠ الثلاثاء ١ / ١٢ / ٢٠٢٠" },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct page p;
		struct sahifa_article a;
		long at = 0, unused = 0;

		build(&p, cases[i].arabic,
		      cases[i].arabic ? "افتتاح أول محطة لتحلية المياه بالطاقة الشمسية"
				      : "Council backs bus lanes for the harbour road",
		      cases[i].line, NULL, &at, &unused);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		CHECK_STR(cases[i].line, a.byline, NULL);
		CHECK_INT(cases[i].line, (long)a.n_authors, 0);
		CHECK_STR(cases[i].line, a.headline,
			  cases[i].arabic ? "افتتاح أول محطة لتحلية المياه بالطاقة الشمسية"
					  : "Council backs bus lanes for the harbour road");
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* A site's name alone under the headline ("Telegraph Sport", as telegraph.co.uk prints
 * its sports desk's stories) names no author when it is the site's own: the first word
 * of its banner, of the owner in its copyright line, or of the host its links go to (the
 * banner, footer and link are the project's writing in their shape).  A person's name
 * on the same page is the byline. */
static void test_site_name_byline(void)
{
	static const char *const where[] = { "banner", "copyright", "link" };
	int w, person;

	for (w = 0; w < 3; w++)
		for (person = 0; person < 2; person++) {
			const char *under = person ? "Jane Doe" : "Telegraph Sport";
			struct page p;
			struct sahifa_article a;
			size_t j;

			sahifa_buf_init(&p.b, 0);
			p.line = 0;
			if (w == 0) {
				put(&p, "The Telegraph");
				put(&p, "");
			}
			for (j = 0; j < COUNT(menu_en); j++)
				put(&p, menu_en[j]);
			put(&p, "");
			put(&p, "Council backs bus lanes for the harbour road");
			put(&p, "");
			put(&p, under);
			put(&p, "");
			for (j = 0; j < 4; j++) {
				put(&p, prose_en[j]);
				put(&p, "");
			}
			for (j = 1; j < COUNT(menu_en); j++)
				put(&p, menu_en[j]);
			put(&p, "");
			if (w == 1)
				put(&p, "\xc2\xa9 Telegraph Media Group Limited 2025");
			if (w == 2) {
				put(&p, "References");
				put(&p, "");
				put(&p, "   1. https://www.telegraph.co.uk/sport/");
				put(&p, "   2. https://www.telegraph.co.uk/news/");
			}
			CHECK(segment_page(&p, &a) == SAHIFA_OK);
			CHECK_STR(where[w], a.byline, person ? "Jane Doe" : NULL);
			CHECK_INT(where[w], (long)a.n_authors, person);
			CHECK_STR(where[w], a.headline, "Council backs bus lanes for the harbour road");
			CHECK(accounted(&a) == 0);
			sahifa_article_release(&a);
			sahifa_buf_release(&p.b);
		}
}

/* The headline among the page's other title-like lines: the one the body echoes, not a
 * breadcrumb trail that ends with it, not a short label the body names, not a date. */
/* Ten one-word lines of a review's score box and share buttons. */
#define SCORE_BOX "Share\n\nTweet\n\nSave\n\n87\n\nScores\n\n8.3\n\nPros\n\nCons\n\nMore\n\n" \
		  "Buy Now\n\n"

static void test_headline(void)
{
	static const struct {
		int arabic;
		const char *first, *second, *headline;
	} cases[] = {
		/* heise.de (readability test page heise): the trail, then the title */
		{ 0, "Riverton Daily > News > 2015 > Council backs bus lanes for the harbour road",
		  "Council backs bus lanes for the harbour road",
		  "Council backs bus lanes for the harbour road" },
		/* a trail of arrows, "Home → archive → ... → current title" (as
		 * wpcoder.pro documents its breadcrumbs; vegolosi.it by lynx) */
		{ 0, "[122]Home → [123]News → Council backs bus lanes for the harbour road",
		  "Council backs bus lanes for the harbour road",
		  "Council backs bus lanes for the harbour road" },
		/* engadget (readability test page): a product label over the review's title,
		 * "Xbox One X" over "Xbox One X review: A console that keeps up with ..." */
		{ 0, "Bus lanes", "Council backs bus lanes for the harbour road",
		  "Council backs bus lanes for the harbour road" },
		/* engadget (readability test page, as w3m prints it): the title, its deck
		 * and byline, then a long run of share buttons and review scores before the
		 * text; the product's name among them ("Xbox One X") */
		{ 0, "Council backs bus lanes for the harbour road",
		  "But only the northern suburbs will gain.\n\nDevindra Hardawar, @devindra\n\n"
		  "Comments\n\n2192 Shares\n\nShare\n\nTweet\n\nShare\n\nSave\n\n"
		  "Bus lanes\n\nGet more info\n\nMore\n\n87\n\nScores\n\nRiverton Daily\n\n"
		  "87\n\nCritic 10 Reviews\n\n8.3\n\nUsers 4 Reviews\n\nPros\n\n"
		  "• Wider lanes\n\n• Fewer cars\n\nCons\n\n• Lost parking\n\nKey specs\n\n"
		  "• Length 4 km\n\n• Cost $4M\n\n• Opens March\n\nFrom $4.00\n\nBuy Now\n\n"
		  "Buy Now\n\nBuy Now",
		  "Council backs bus lanes for the harbour road" },
		/* engadget (readability test page, as lynx prints it): more than sixty of
		 * those lines between the title and the text, each counted a quarter of a
		 * block of text in the distance to the title */
		{ 0, "Council backs bus lanes for the harbour road",
		  "But only the northern suburbs will gain.\n\nDevindra Hardawar, @devindra\n\n"
		  SCORE_BOX SCORE_BOX SCORE_BOX SCORE_BOX SCORE_BOX SCORE_BOX SCORE_BOX,
		  "Council backs bus lanes for the harbour road" },
		/* wapo-1 (readability test page, w3m): the title printed twice, share
		 * buttons, the byline, then a gallery's controls and its own title over
		 * the picture ("At least 17 dead in Tunisia after attack in capital
		 * city"), which the text echoes a little more */
		{ 0, "Fears grow for the seafront's small shops\n\n[                    ]\n\n"
		     "Sign In\n\nSubscribe\n\nMiddle East\n\nFears grow for the seafront's small shops",
		  "Share on Facebook\n\nShare on Twitter\n\nShare via Email\n\nMore Options\n\n"
		  "Resize Text\n\nPrint Article\n\nComments\n\n"
		  "By Jane Roe March 18 at 3:57 PM Follow @janeroe\n\n1 of 24\n\nFull Screen\n\n"
		  "Autoplay\n\nClose\n\nSkip Ad\n\n×\n\n"
		  "Old lighthouse keepers remember the harbour storms\n\n"
		  "[Riverton-1]\n\nView Photos",
		  "Fears grow for the seafront's small shops" },
		/* msn (readability test page, w3m): a logo's text and label on one line */
		{ 0, "Tech Insider Tech Insider", "Council backs bus lanes for the harbour road",
		  "Council backs bus lanes for the harbour road" },
		/* a social widget's label over the title (cnn.com as a DOM's text,
		 * scrapinghub benchmark) */
		{ 0, "Follow Riverton Council", "Riverton votes for faster buses",
		  "Riverton votes for faster buses" },
		/* a DOM's text with no blank line between the title and its byline in
		 * lower case (washingtonexaminer.com, scrapinghub benchmark): the title is
		 * no screen line of a paragraph that goes on under it */
		{ 0, "Council backs bus lanes for the harbour road",
		  "by Jane Roe\n | November 18, 2025 12:26 PM",
		  "Council backs bus lanes for the harbour road" },
		/* a title that names a network, the share buttons' word, inside it
		 * (apnews.com as a DOM's text, scrapinghub benchmark); a label that opens
		 * with the word is the buttons' however long (latimes.com by w3m) */
		{ 0, "Council under fire for Twitter name switch", "By Jane Roe",
		  "Council under fire for Twitter name switch" },
		{ 0, "Share Close extra sharing options", "Riverton votes for faster buses",
		  "Riverton votes for faster buses" },
		/* la-nacion (readability test page, w3m): menu items without spaces */
		{ 0, "ActualidadÚltimas noticiasMás leídasPolíticaEl mundo",
		  "Council backs bus lanes for the harbour road",
		  "Council backs bus lanes for the harbour road" },
		/* seattletimes (readability test page seattletimes-1, lynx): a long title
		 * that reads as prose, with its date line under it, opens the run of text */
		{ 0, "Bus lanes for the harbour road, built by a council under fire, give a "
		     "glimpse of what the town will be in the years to come",
		  "April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm",
		  "Bus lanes for the harbour road, built by a council under fire, give a "
		  "glimpse of what the town will be in the years to come" },
		/* medicalnewstoday.com (readability test page, lynx): the items of a
		 * third-level list, bulleted "o " ("o Content custom-tailored to your
		 * needs"), are a box's, not a title */
		{ 0, "               o The city council of Riverton spends four million dollars",
		  "Riverton votes for faster buses",
		  "Riverton votes for faster buses" },
		/* telegraph.co.uk (readability test page telegraph, lynx -width=80): the
		 * first screen line of a paragraph left unjoined ("Fuelling speculation
		 * that Mnangagwa's plan might be rolling into" / "action, opposition
		 * leader Morgan Tsvangirai, who has been receiving") */
		{ 0, "Riverton votes for faster buses",
		  "   The city council of Riverton spends four million dollars on new bus\n"
		  "   lanes along the harbour road, after a debate that ran past midnight\n"
		  "   and drew more than two hundred residents to the town hall.",
		  "Riverton votes for faster buses" },
		/* aktualne.cz (readability test page aktualne, w3m): a title of two
		 * clauses, "West Ham hrozí gigantům, okouzlil i Linekera. Součka je snadné
		 * přehlédnout", that reads as prose, with its author under it */
		{ 0, "Council backs bus lanes for the harbour road. The shops on it say that "
		     "they will lose their customers",
		  "Jane Roe",
		  "Council backs bus lanes for the harbour road. The shops on it say that "
		  "they will lose their customers" },
		/* folha.uol.com.br (readability test page folha, w3m): the picture's alt
		 * text, then its caption again with the credit, "... da Libertadores -
		 * Heinrich Aikawa/Instituto Lula", and the date under it */
		{ 0, "Riverton votes for faster buses",
		  "The city council of Riverton voted to spend four million dollars on bus lanes\n"
		  "The city council of Riverton voted to spend four million dollars on bus lanes"
		  " - Jane Roe/Riverton Daily\n21.dez.2018 às 12h55",
		  "Riverton votes for faster buses" },
		/* folha.uol.com.br (the same page): the title under the last item of a
		 * bulleted menu ("• Link externo, abre página RSS da Folha de S.Paulo"),
		 * the deck under it; not a list of teasers */
		{ 0, "  • Follow the Riverton Daily on the radio every morning\n"
		     "Riverton council backs new bus lanes on the harbour road",
		  "The northern suburbs gain new bus lanes before the winter",
		  "Riverton council backs new bus lanes on the harbour road" },
		/* 9to5mac.com (scrapinghub benchmark, lynx): the title links to its own
		 * page, "[64]9to5Mac Gift Guide: ...", its author under it; the headline
		 * without the link's number */
		{ 0, "[24]Council backs bus lanes for the harbour road", "By Jane Roe",
		  "Council backs bus lanes for the harbour road" },
		/* the stops of short words end no sentence in a title: "What is the value
		 * of drugs that come to the U.S. border?" (scrapinghub benchmark),
		 * "Colder Temperatures Forecast for Wed. after Cold Wave Alert Tues."
		 * (world.kbs.co.kr, under its section's name), with the date line under
		 * it */
		{ 0, "Domestic\n\nBus Lanes Open on Harbour Rd. after Council Vote Tues.",
		  "\nWritten: 2023-11-07 15:03:30 / Updated: 2023-11-07 15:30:46",
		  "Bus Lanes Open on Harbour Rd. after Council Vote Tues." },
		{ 0, "Opinion\n\nWhat is the value of U.S. grants for the Riverton bus lanes?",
		  "\nWritten: 2023-11-07 15:03:30",
		  "What is the value of U.S. grants for the Riverton bus lanes?" },
		/* a deck under the title, both over the byline or date: "Major WeWork
		 * layoffs to begin today" / "“We have to make some necessary job
		 * eliminations,” WeWork chairman Marcelo Claure said in an email to
		 * employees Monday" (therealdeal.com), "Daily Deals: More Black Friday
		 * Deals Are Live, ..." / "Black Friday is Next Week, But Several Deals Go
		 * Live Today" (ign.com), both scrapinghub benchmark by w3m */
		{ 0, "Riverton votes for faster buses",
		  "\nThe northern suburbs gain faster buses and the shops lose parking spaces\n\nBy Jane Roe\n\nNovember 18, 2019 12:02 PM",
		  "Riverton votes for faster buses" },
		/* and a short title under its section's heading is no deck ("Meldungen aus
		 * dem DWI" / "#RieslingBirthday Posts gewinnen", deutscheweine.de) */
		{ 0, "News from the town hall\n\nCouncil backs harbour bus lanes",
		  "\n27.01.2022", "Council backs harbour bus lanes" },
		/* a section's label in capitals over the title: "VISUAL MARKETING" /
		 * "GROWING AN ONLINE BUSINESS" over "Business Focus: It’s Why Some People
		 * Triumph Online and Others Never Make It" (copyblogger.com, scrapinghub
		 * benchmark by w3m) */
		{ 0, "LOCAL NEWS\nRIVERTON TRANSPORT\n\nRiverton votes for faster buses",
		  "\n258 Shares\nShare\nTweet", "Riverton votes for faster buses" },
		/* a title that names a year is no date line: "Best tech gadgets of 2019"
		 * (zdnet.com by w3m), "2018 Boys State Swim Results" (both scrapinghub
		 * benchmark) */
		{ 0, "Best bus lanes of 2019",
		  "\nThe city council of Riverton picks its favourite routes\n\n"
		  "By Jane Roe | November 18, 2019", "Best bus lanes of 2019" },
		/* assabah.com.tn (trafilatura eval): the date line under the title, in a
		 * month name of the Maghreb */
		{ 1, "افتتاح أول محطة لتحلية المياه بالطاقة الشمسية", "الجمعة 8 فيفري 2019",
		  "افتتاح أول محطة لتحلية المياه بالطاقة الشمسية" },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct page p;
		struct sahifa_article a;
		long at = 0, unused = 0;

		build(&p, cases[i].arabic, cases[i].first, cases[i].second, NULL, &at, &unused);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		CHECK_STR(cases[i].first, a.headline, cases[i].headline);
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* A list of labels, one a line with no blank line between, as a DOM's innerText prints
 * a menu and the story's topics ("Markets" / "Modules & Upstream Manufacturing" /
 * "Policy" / "Utility-scale PV" / "South Korea" under the title's date line,
 * pv-magazine.com, scrapinghub benchmark; here of the project's writing): no label
 * amid them is the headline, however the body echoes it and however like a name the
 * label under it reads; the title under the menu is. */
static void test_headline_topics(void)
{
	static const char *const lines[] = {
		"Roads", "Bus lanes", "Ferries", "Parking", "Cycling",
		"Mayor sets out a new roadmap for commuters", "",
		"The government has set out how the city is to cut the morning commute by a "
		"quarter.", "",
		"November 20, 2019 Jane Doe", "Politics", "City Council", "Transport", "Bus lanes",
		"Harbour Road", ""
	};
	struct page p;

	page_open(&p);
	put_lines(&p, lines, COUNT(lines));
	page_close(&p);
	check_page(&p, "Mayor sets out a new roadmap for commuters", -1);
}

/* Labels in capitals right over the title, as a DOM's innerText prints a blog's
 * topics ("VISUAL MARKETING" / "GROWING AN ONLINE BUSINESS" / "How to Adopt an Online
 * Leader Success Mindset" over its share buttons and author, copyblogger.com,
 * scrapinghub benchmark; here of the project's writing): the label is not the
 * headline, however the body echoes it and not the title. */
static void test_headline_caps_over(void)
{
	static const char *const lines[] = {
		"Free Courses", "Riverton Walking Tours", "The Harbour Road",
		"Council Meeting Notes", "Harbour to Town Podcast", "Free Articles", "Contact", "",
		"Jane Doe", "", "Read our free guides to the city:", "CITY LIFE",
		"ON THE HARBOUR ROAD", "How to Adopt a Calmer Mindset as a Newcomer",
		"197 Shares", "Share", "Tweet", "Email", "Jane Doe", ""
	};
	struct page p;
	size_t i;
	int blank;

	/* and with a blank line between the labels and the title, as w3m prints them */
	for (blank = 0; blank <= 1; blank++) {
		page_open(&p);
		for (i = 0; i < COUNT(lines); i++) {
			if (blank && !strcmp(lines[i], "How to Adopt a Calmer Mindset as a Newcomer"))
				put(&p, "");
			put(&p, lines[i]);
		}
		page_close(&p);
		check_page(&p, "How to Adopt a Calmer Mindset as a Newcomer", -1);
	}
}

/* A name, "and" and a capitalised word that go on as a title are no byline ("Jenny
 * Slate and Her Editor on Refusing to Tidy Up Your Feelings in a Book", another
 * story's title under the headline, slate.com's innerText, scrapinghub benchmark;
 * here of the project's writing): the "By" line under it is; two names and their desk
 * ("Kevin Johnson and Kevin McCoy  USA TODAY") stay a byline. */
static void test_byline_joined_title(void)
{
	struct page p;

	page_open(&p);
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "Jane Roe and Her Editor on Refusing to Tidy Up the Harbour Road in a Book");
	put(&p, "By Sam Carter");
	put(&p, "November 19, 2019");
	put(&p, "");
	page_close(&p);
	check_header(&p, "Council backs bus lanes for the harbour road", "By Sam Carter");
	page_open(&p);
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "Jane Roe and Sam Carter  RIVERTON DAILY");
	put(&p, "November 19, 2019");
	put(&p, "");
	page_close(&p);
	check_header(&p, "Council backs bus lanes for the harbour road",
		     "Jane Roe and Sam Carter RIVERTON DAILY");
}

/* A name alone past the share buttons under the title, the portrait's alternative text
 * glued to a copy of it over it (copyblogger.com by w3m, scrapinghub benchmark: "258
 * Shares" / "Buffer" / "Share" / "Pin" / "Tweet" / "Share" / "Email" / "Pamela
 * WilsonPamela Wilson" / "Pamela Wilson"; here of the project's writing): the name is
 * the byline, the buttons counting for no distance, and the glued copy is none. */
static void test_byline_past_buttons(void)
{
	static const char *const lines[] = {
		"Council backs bus lanes for the harbour road", "", "258 Shares", "Buffer",
		"Share", "Pin", "Tweet", "Share", "Email", "Jane RoeJane Roe", "", "Jane Roe", ""
	};
	/* and as lynx prints the buttons, as links */
	static const char *const linked[] = {
		"Council backs bus lanes for the harbour road", "", "   258 Shares",
		"   [40]Buffer", "   [41]Share", "   Pin", "   [42]Tweet", "   [43]Share",
		"   [44]Email", "", "Jane Roe", ""
	};
	struct page p;

	page_open(&p);
	put_lines(&p, lines, COUNT(lines));
	page_close(&p);
	check_header(&p, "Council backs bus lanes for the harbour road", "Jane Roe");
	page_open(&p);
	put_lines(&p, linked, COUNT(linked));
	page_close(&p);
	check_header(&p, "Council backs bus lanes for the harbour road", "Jane Roe");
}

/* An item of a nested menu between the headline and the text, printed with the
 * text's words, is not the headline: w3m's bullets of the second and third level ("□
 * Best of the Decade", indiewire.com by w3m, scrapinghub benchmark; "☆"), in words of
 * the project's writing.  A title with "shares" in it is no share button ("Home Depot
 * sales miss, shares plunge", foxbusiness.com, scrapinghub benchmark). */
static void test_headline_furniture(void)
{
	static const struct {
		const char *first, *second, *headline;
	} cases[] = {
		{ "Council backs bus lanes for the harbour road",
		  "      □ Bus lanes for the harbour road",
		  "Council backs bus lanes for the harbour road" },
		{ "Council backs bus lanes for the harbour road",
		  "          ☆ Bus lanes for the harbour road",
		  "Council backs bus lanes for the harbour road" },
		{ "Harbour shops see shares of trade fall", NULL,
		  "Harbour shops see shares of trade fall" },
		/* nor is a title that names a control ("dark mode") a control's label */
		{ "Council app gets a dark mode for its bus lanes map", NULL,
		  "Council app gets a dark mode for its bus lanes map" },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct page p;
		struct sahifa_article a;
		long at = 0, unused = 0;

		build(&p, 0, cases[i].first, cases[i].second, NULL, &at, &unused);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		CHECK_STR(cases[i].second ? cases[i].second : cases[i].first, a.headline,
			  cases[i].headline);
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* A control's or a widget's label, a rule of dashes or an author's name with the date
 * under it, where the headline stands on the page (the date line under it makes a
 * title of any line that can be one): none is the headline. */
static void test_headline_not_furniture(void)
{
	static const struct {
		int arabic;
		const char *line, *under;
	} cases[] = {
		/* htmldate_mediacloud 1571322029 (dramawiki) by lynx: a script's notice */
		{ 0, "Please enable JavaScript to pass antispam protection!", "November 19, 2019" },
		/* scrapinghub benchmark pages: nj.com's weather box and account widget by
		 * lynx, thehill.com's refresh timer by w3m, a rule of dashes on barrons.com
		 * by w3m */
		{ 0, "Enter City and State or Zip Code", "November 19, 2019" },
		{ 0, "You are signed in as", "November 19, 2019" },
		{ 0, "Refresh (2700 sec)", "November 19, 2019" },
		{ 0, "━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━", "November 19, 2019" },
		/* the author's name, then the date, without "By", as 9to5mac.com prints
		 * them ("Zac Hall" / "- Nov. 18th 2019 12:12 pm PT", scrapinghub benchmark
		 * by w3m) */
		{ 0, "Jane Roe", "- Nov. 18th 2019 12:12 pm PT" },
		/* the project's own writing: a theme switch and a jump back up */
		{ 0, "Dark Mode", "November 19, 2019" },
		/* a table's row as w3m prints it ("Pos     Player      Plays  %     Stats",
		 * dawgsbynature.com, scrapinghub benchmark), in words of the project's
		 * writing */
		{ 0, "Stop     Route      Buses  %                        Notes", "November 19, 2019" },

		/* a logo's alternative text ("CNBC logo", "The Real Deal Logo",
		 * "cleveland’s Logocleveland’s Logo", scrapinghub benchmark by w3m; "Logo
		 * Wiener Digitale Revue"), a link to the home page ("Zur Startseite MDR
		 * Thüringen"), in names of the project's writing */
		{ 0, "Riverton Daily Logo", "November 19, 2019" },
		{ 0, "Logo Riverton Daily News", "November 19, 2019" },
		{ 0, "riverton’s Logoriverton’s Logo", "November 19, 2019" },
		{ 0, "Zur Startseite Riverton Tagblatt", "November 19, 2019" },
		/* pictures without alternative text, printed as their files' names, as
		 * ctvnews.ca's share icons by w3m ("0 [facebook-i]    [twitter-ic]
		 * [google-ico]", scrapinghub benchmark), in names of the project's writing */
		{ 0, "0 [harbour-i]    [council-ic]   [road-ico]", "November 19, 2019" },
		/* yjc.ir (htmldate_mediacloud 1602557452) by lynx: print and send buttons,
		 * a text size */
		{ 1, "نسخه چاپی ارسال به دوستان", "الخميس 23 يوليو 2015" },
		{ 1, "اندازه فونت", "الخميس 23 يوليو 2015" },
		/* a logo's picture in a recommendation box (htmldate_mediacloud 1523806243
		 * by w3m), and before a site's name as a banner prints it ("[white-logo]",
		 * two scrapinghub benchmark pages by w3m; the name of the project's
		 * writing) */
		{ 1, "پیشنهاد از [logo]", "الخميس 23 يوليو 2015" },
		{ 0, "[white-logo] Riverton Daily", "November 19, 2019" },
		/* wsj.com by w3m (scrapinghub benchmark): the group's tagline */
		{ 0, "Dow Jones, a News Corp company", "November 19, 2019" },
		/* the skip link past the menu as WordPress themes translate it (German,
		 * Spanish, Arabic) */
		{ 0, "Zum Inhalt springen", "November 19, 2019" },
		{ 0, "Saltar al contenido", "November 19, 2019" },
		{ 1, "تخطي إلى المحتوى", "الخميس 23 يوليو 2015" },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct page p;
		struct sahifa_article a;
		long at = 0, unused = 0;

		build(&p, cases[i].arabic, cases[i].line, cases[i].under, NULL, &at, &unused);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		CHECK_STR(cases[i].line, a.headline, NULL);
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* A wrapped title printed again with the lead picture's caption run on after it (as
 * w3m -cols 80 prints readability test page salon-1: "The sharing economy is a lie:
 * Uber, Ayn Rand and the truth about tech and / libertarians Ayn Rand, Rand Paul
 * (Credit: ...)"): the headline is the title alone, not the caption that opens with it
 * (the lines are of the project's own writing). */
static void test_title_run_on(void)
{
	static const char page[] =
		"  • Home\n"
		"  • News\n"
		"  • Sport\n"
		"  • Business\n"
		"  • Weather\n"
		"  • Travel\n"
		"  • Culture\n"
		"  • Video\n"
		"  • Local\n"
		"  • Contact\n"
		"  • Opinion\n"
		"  • Science\n"
		"  • Health\n"
		"  • Education\n"
		"  • Sport results\n"
		"  • Letters\n"
		"  • Obituaries\n"
		"  • Jobs\n"
		"  • Property\n"
		"  • Cars\n"
		"  • Puzzles\n"
		"  • Archive\n"
		"\n"
		"Harbour road bus lanes: council vote, shop owners' anger and summer traffic jams\n"
		"explained\n"
		"\n"
		"But only the northern suburbs will gain.\n"
		"\n"
		"Harbour road bus lanes: council vote, shop owners' anger and summer traffic jams\n"
		"explained Buses wait at the harbour road stop (Riverton Daily)\n"
		"\n"
		"The town council voted on Tuesday to build bus lanes along the harbour road,\n"
		"after a year of complaints from shop owners about the traffic jams that fill the\n"
		"road in the summer months and keep their customers away.\n"
		"\n"
		"Shop owners on the road said that the lanes would bring more customers, since\n"
		"the buses would stop closer to the market and run every ten minutes in the\n"
		"morning and every quarter of an hour in the evening.\n"
		"\n"
		"The work is to start in March and to be finished before the harbour festival in\n"
		"August, when the road is closed to cars for a week and the buses are the only\n"
		"way for most visitors to reach the market.\n"
		"\n"
		"Some residents of the northern streets said they feared the loss of parking\n"
		"spaces, and the council promised to open a new car park behind the station\n"
		"before the first lane is painted on the road.\n"
		"\n"
		"Most read\n"
		"  • Storm warning for the coast this weekend\n"
		"  • School meals to cost less from April\n"
		"  • Harbour festival moves to August\n"
		"\n"
		"About us · Contact · Privacy policy · Terms of use\n";
	struct sahifa_article a;
	struct sahifa_error err;

	sahifa_article_init(&a);
	CHECK(sahifa_segment(defaults, page, strlen(page), &a, &err) == SAHIFA_OK);
	CHECK_STR("headline", a.headline,
		  "Harbour road bus lanes: council vote, shop owners' anger and summer "
		  "traffic jams explained");
	CHECK_INT("headline line", a.headline_line, 24);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
}

/* Date lines under the headline: removed as dateline, the date to published. */
static void test_datelines(void)
{
	static const struct {
		int arabic;
		const char *line, *date;
	} cases[] = {
		/* readability test pages: bbc-1, seattletimes-1 */
		{ 0, "24 July 2015", "2015-07-24" },
		{ 0, "April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm", "2019-04-28" },
		/* htmldate_mediacloud: khabaronline.ir (a text-browser dump, Persian solar date) */
		{ 1, "سه‌شنبه ۲۹ بهمن ۱۳۹۸", "2020-02-18" },
		/* SaudiNewsNet-style Arabic date and a reading time */
		{ 1, "الخميس 23 يوليو 2015", "2015-07-23" },
		{ 0, "5 min read", NULL },
		/* news.yahoo.co.jp (readability test page yahoo-4): month and day, no
		 * year, with the time */
		{ 0, "CNET Japan 3/9(木) 18:45配信", NULL },
		/* scrapinghub benchmark pages: foxbusiness.com by w3m, a relative time;
		 * 9to5mac.com by lynx, a month and a day */
		{ 0, "Published 1 day ago", NULL },
		{ 0, "November 18", NULL },
		/* the project's own writing: the same in Spanish and Arabic */
		{ 0, "hace 2 horas", NULL },
		{ 1, "منذ 3 ساعات", NULL },
		/* the project's own writing: a story's number of twenty digits by its
		 * date (the digits of a word past the fifth no longer count) */
		{ 0, "24 July 2015 12345678901234567890", "2015-07-24" },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct page p;
		struct sahifa_article a;
		const struct sahifa_removed *r;
		long at = 0, unused = 0;

		build(&p, cases[i].arabic,
		      cases[i].arabic ? "افتتاح أول محطة لتحلية المياه بالطاقة الشمسية"
				      : "Council backs bus lanes for the harbour road",
		      cases[i].line, NULL, &at, &unused);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		r = removed_at(&a, at);
		CHECK_STR(cases[i].line, r ? sahifa_reason_name(r->reason) : NULL, "dateline");
		CHECK_STR(cases[i].line, a.published, cases[i].date);
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* The site's notice over its readers' comments after the last paragraph ends the
 * article; the same words inside the story, with prose after them, stay. */
static void test_comment_policy(void)
{
	static const struct {
		int arabic;
		const char *line;
	} cases[] = {
		/* readability test page seattletimes-1 */
		{ 0, "The opinions expressed in reader comments are those of the author only, and "
		     "do not reflect the opinions of The Seattle Times." },
		/* a news site of the scrapinghub article-extraction benchmark, its first
		 * sentence */
		{ 0, "As you comment, please be respectful of other commenters and other "
		     "viewpoints." },
		/* arabic_news_textdumps: CNN Arabic, 2013 */
		{ 1, "الآراء الواردة أدناه لا تعبر عن رأي موقع CNN بالعربية، بل تعكس وجهات نظر "
		     "أصحابها فقط." },
		{ 1, "ترحب شبكة CNN بالنقاش الحيوي والمفيد، وكي لا نضطر في موقع CNN بالعربية إلى "
		     "مراجعة التعليقات قبل نشرها. ننصحك بمراجعة إرشادات الاستخدام للتعرف إليها "
		     "جيداً." },
	};
	size_t i, k;

	for (i = 0; i < COUNT(cases); i++) {
		for (k = 0; k < 2; k++) {
			const char *const *menu = cases[i].arabic ? menu_ar : menu_en;
			const char *const *prose = cases[i].arabic ? prose_ar : prose_en;
			size_t nm = cases[i].arabic ? COUNT(menu_ar) : COUNT(menu_en), j;
			struct page p;
			struct sahifa_article a;
			const struct sahifa_removed *r;
			long at = 0;

			sahifa_buf_init(&p.b, 0);
			p.line = 0;
			for (j = 0; j < nm; j++)
				put(&p, menu[j]);
			put(&p, "");
			put(&p, cases[i].arabic ? "افتتاح أول محطة لتحلية المياه بالطاقة الشمسية"
						: "Council backs bus lanes for the harbour road");
			put(&p, "");
			for (j = 0; j < 4; j++) {
				if (k && j == 2) {
					at = p.line + 1;
					put(&p, cases[i].line);
					put(&p, "");
				}
				put(&p, prose[j]);
				put(&p, "");
			}
			if (!k) {
				at = p.line + 1;
				put(&p, cases[i].line);
				put(&p, "");
			}
			for (j = 0; j < nm; j++)
				put(&p, menu[j]);
			CHECK(segment_page(&p, &a) == SAHIFA_OK);
			r = removed_at(&a, at);
			if (k)
				CHECK(r == NULL);  /* inside the story: kept */
			else
				CHECK_STR(cases[i].line, r ? sahifa_reason_name(r->reason) : NULL,
					  "comment");
			CHECK(accounted(&a) == 0);
			sahifa_article_release(&a);
			sahifa_buf_release(&p.b);
		}
	}
}

/* An embedded tweet the story quotes, its text with its picture's link and its credit
 * line, as lynx prints it (one block: a story on South Dakota's anti-meth campaign of
 * the scrapinghub article-extraction benchmark) and as w3m does (two blocks: a
 * Nigerian story of the same benchmark): the story's, not a list of links. */
static void test_tweet(void)
{
	static const char *const tweets[][3] = {
		{ "     While we focus on South Dakota's \"Meth. We're on it.\" ad campaign, we "
		  "should not forget the state's failed \"Don't Jerk and Drive\" campaign from "
		  "2014.[187]https://t.co/hFciHO5Qc7 [188]pic.twitter.com/KQLpngeTbO",
		  "     — Cooper Lund (@cooperlund) [189]November 18, 2019", NULL },
		{ "    Senate resolves to: Observe a minute silence in honour of the departed souls.",
		  "", "    — The Nigerian Senate (@NGRSenate) October 9, 2018" },
	};
	size_t i, j, k;

	for (i = 0; i < COUNT(tweets); i++) {
		struct page p;
		struct sahifa_article a;
		long at = 0;

		sahifa_buf_init(&p.b, 0);
		p.line = 0;
		for (j = 0; j < COUNT(menu_en); j++)
			put(&p, menu_en[j]);
		put(&p, "");
		put(&p, "Council backs bus lanes for the harbour road");
		put(&p, "");
		for (j = 0; j < 4; j++) {
			put(&p, prose_en[j]);
			put(&p, "");
			if (j == 1) {
				at = p.line + 1;
				for (k = 0; k < 3 && tweets[i][k]; k++)
					put(&p, tweets[i][k]);
				put(&p, "");
			}
		}
		for (j = 0; j < COUNT(menu_en); j++)
			put(&p, menu_en[j]);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		for (k = 0; k < 3 && tweets[i][k]; k++)
			if (tweets[i][k][0])
				CHECK_STR(tweets[i][k], removed_at(&a, at + (long)k) ? "removed" : "(kept)",
					  "(kept)");
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* A paragraph of sentences that ends with the site's address is prose, not a list of
 * addresses (a riding magazine's page of the scrapinghub article-extraction benchmark,
 * w3m without wrapping); a line of addresses is. */
static void test_prose_address(void)
{
	static const struct {
		const char *line;
		int kept;
	} cases[] = {
		{ "VISIT the Pennsylvania National Horse Show, Oct. 11–21, in Harrisburg, PA. The "
		  "historic show features the $132,000 Grand Prix de Penn National, the Dover "
		  "Saddlery/USEF National Hunter Seat Medal Final, a family fun day (Oct. 13) and "
		  "an extensive trade fair; www.panational.org.", 1 },
		{ "Paper here: https://papers.ssrn.com/sol3/papers.cfm?abstract_id=3223028", 0 },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct page p;
		struct sahifa_article a;
		long at = 0, unused = 0;

		build(&p, 0, "Council backs bus lanes for the harbour road", NULL, cases[i].line,
		      &unused, &at);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		CHECK_STR(cases[i].line, removed_at(&a, at) ? "removed" : "(kept)",
			  cases[i].kept ? "(kept)" : "removed");
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* A recipe's card after the story, past the pins of its picture: "Ingredients" with
 * its list and "Instructions" with its steps are the article's (a food blog of the
 * scrapinghub article-extraction benchmark, w3m). */
static void test_recipe_card(void)
{
	static const char *const card[] = {
		"Ingredients", "",
		"  • 8-9 ripe pears, cored and peeled",
		"  • 1 lemon, or about 1/4 cup lemon juice",
		"  • 6 tbsp fruit pectin powder",
		"  • 1 tsp cinnamon",
		"  • 1 tsp nutmeg", "",
		"Instructions", "",
		" 1. Fill canner with water and set it to simmer. Add empty jelly jars to "
		"sterilize and warm.",
		" 2. Spoon jam mixture into jelly jars, put the top on, and put them in a water "
		"bath canner.",
		" 3. Remove from canner and allow to cool. Jam will set within 24-48 hours.",
	};
	struct page p;
	struct sahifa_article a;
	long first, pin;
	size_t j;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	for (j = 0; j < COUNT(menu_en); j++)
		put(&p, menu_en[j]);
	put(&p, "");
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "");
	for (j = 0; j < 4; j++) {
		put(&p, prose_en[j]);
		put(&p, "");
	}
	pin = p.line + 1;
	for (j = 0; j < 2; j++) {
		put(&p, "Give the Gift of Homemade Spiced Honey Pear Jam for the Holidays #ad "
			"#DonVictorHoney #HoneyForHolidays #canning #jam #pears #honey");
		put(&p, "");
	}
	put(&p, "Spiced Honey Pear Jam");
	put(&p, "");
	first = p.line + 1;
	for (j = 0; j < COUNT(card); j++)
		put(&p, card[j]);
	put(&p, "");
	for (j = 0; j < COUNT(menu_en); j++)
		put(&p, menu_en[j]);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	for (j = 0; j < COUNT(card); j++)
		if (card[j][0])
			CHECK_STR(card[j], removed_at(&a, first + (long)j) ? "removed" : "(kept)",
				  "(kept)");
	CHECK(removed_at(&a, pin) != NULL);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A share bar with a "Comments" button in the story ("• Comments", "• Print", "•
 * Email", a Fox Business story of the scrapinghub article-extraction benchmark, w3m)
 * does not end it as the comments' header would. */
static void test_share_bar_comments(void)
{
	static const char *const bar[] = { "  • Comments", "  • Print", "  • Email" };
	struct page p;
	struct sahifa_article a;
	size_t j;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	for (j = 0; j < COUNT(menu_en); j++)
		put(&p, menu_en[j]);
	put(&p, "");
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "");
	put(&p, prose_en[0]);
	put(&p, "");
	for (j = 0; j < COUNT(bar); j++)
		put(&p, bar[j]);
	put(&p, "");
	/* a video's title under the bar, few stop words (the lines of the project's own
	 * writing) */
	put(&p, "Ken Langone: Home Depot co-founder 'proud' of Home Depot employees (video, 2:41)");
	put(&p, "");
	for (j = 1; j < 4; j++) {
		put(&p, prose_en[j]);
		put(&p, "");
	}
	for (j = 0; j < COUNT(menu_en); j++)
		put(&p, menu_en[j]);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_INT("paragraphs", a.stats.paragraphs, 4);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A newsletter's pitch as the run's last paragraph ends the article (a business site of
 * the scrapinghub article-extraction benchmark); the same paragraph inside the story,
 * with prose after it, stays. */
static void test_promo_tail(void)
{
	static const char *const promos[] = {
		"There's plenty more where that came from. Sign up for The Water Coolest today "
		"to get the free daily newsletter that keeps you up to date on the news you "
		"need to know.",
		"Let our news meet your inbox. The news and stories that matters, delivered "
		"weekday mornings.",
	};
	size_t i, k, j;

	for (i = 0; i < COUNT(promos); i++)
		for (k = 0; k < 2; k++) {
			struct page p;
			struct sahifa_article a;
			const struct sahifa_removed *r;
			long at = 0;

			sahifa_buf_init(&p.b, 0);
			p.line = 0;
			for (j = 0; j < COUNT(menu_en); j++)
				put(&p, menu_en[j]);
			put(&p, "");
			put(&p, "Council backs bus lanes for the harbour road");
			put(&p, "");
			for (j = 0; j < 4; j++) {
				if (k && j == 3) {
					at = p.line + 1;
					put(&p, promos[i]);
					put(&p, "");
				}
				put(&p, prose_en[j]);
				put(&p, "");
			}
			if (!k) {
				at = p.line + 1;
				put(&p, promos[i]);
				put(&p, "");
			}
			for (j = 0; j < COUNT(menu_en); j++)
				put(&p, menu_en[j]);
			CHECK(segment_page(&p, &a) == SAHIFA_OK);
			r = removed_at(&a, at);
			if (k)
				CHECK(r == NULL);
			else
				CHECK_STR(promos[i], r ? sahifa_reason_name(r->reason) : NULL,
					  "newsletter");
			CHECK_INT("paragraphs", a.stats.paragraphs, k ? 5 : 4);
			CHECK(accounted(&a) == 0);
			sahifa_article_release(&a);
			sahifa_buf_release(&p.b);
		}
}

/* Readers' comments under their header, each opened by "NAME on DATE said:", hold more
 * prose than the article, with a box of links between the two (the shape of a
 * charity's blog of the scrapinghub article-extraction benchmark, lynx; the comments'
 * lines are of the project's own writing): the article is the span before the header
 * and the comments go. */
/* The comment form's label in the reader's language opens the comments: "Comentar"
 * over the readers' comments under a Spanish story (ultimahora.es, a page of
 * newspaper4k's fixtures; the comments of the project's own writing). */
static void test_comments_label(void)
{
	static const char *const form[] = {
		"Normas de uso",
		"",
		"  • Los comentarios son la opinión de los lectores y no la del periódico.",
		"  • No se publicarán los comentarios que insulten o ataquen a otras personas.",
		"  • El periódico puede borrar cualquier comentario que no siga estas normas.",
		"",
		"Nombre (*): [                    ]",
		"",
		"Advertencia",
		"",
		"Quien escribe un comentario responde de lo que dice en él, y el periódico "
		"guarda los datos de la conexión durante un año para entregarlos a un juez "
		"si este los pide en una causa abierta por lo que se haya escrito aquí.",
		"",
		"[Comenta]",
		"",
		"Alcalino",
		"Hace 28 minutos",
		"",
		"No entiendo por qué el ayuntamiento tarda tanto en decidir algo tan sencillo "
		"como un carril para los autobuses en la carretera del puerto, cuando todos los "
		"vecinos lo pedimos desde hace años.",
		"",
		"Valoración:3menosmas",
		"",
		"Casper",
		"Hace 37 minutos",
		"",
		"Lo importante no es el carril sino lo que cuesta, y nadie ha explicado todavía "
		"quién va a pagar las obras ni cuánto tiempo estará cortada la carretera durante "
		"los meses de verano.",
		"",
		"Valoración:1menosmas",
	};
	static const char *const story[] = {
		"El ayuntamiento aprobó ayer la construcción de un carril para los autobuses en "
		"la carretera del puerto, una obra que los vecinos de los barrios del norte "
		"pedían desde hace más de diez años y que costará cuatro millones de euros.",
		"Las obras empezarán en el mes de marzo y durarán cinco meses, según explicó el "
		"concejal de transportes, que prometió que la carretera no se cortará del todo en "
		"ningún momento y que los autobuses seguirán pasando por el desvío del mercado.",
		"Los comerciantes de la zona temen perder clientes durante las obras, porque las "
		"plazas de aparcamiento desaparecen el primer día, y han pedido al ayuntamiento una "
		"rebaja de los impuestos municipales mientras duren los trabajos en la calle.",
		"El alcalde respondió que el nuevo aparcamiento de la biblioteca, con trescientas "
		"plazas, abrirá antes del verano, y que la ciudad estudiará las ayudas a los "
		"comercios cuando conozca el número de clientes del primer mes de obras.",
	};
	static const char *const labels[] = { "Comentar", "Commenter" };
	size_t j, k;

	for (k = 0; k < COUNT(labels); k++) {
		struct page p;
		struct sahifa_article a;
		const struct sahifa_removed *r;
		long label;

		sahifa_buf_init(&p.b, 0);
		p.line = 0;
		for (j = 0; j < COUNT(menu_en); j++)
			put(&p, menu_en[j]);
		put(&p, "");
		put(&p, "Un carril para los autobuses en la carretera del puerto");
		put(&p, "");
		for (j = 0; j < COUNT(story); j++) {
			put(&p, story[j]);
			put(&p, "");
		}
		label = p.line + 1;
		put(&p, labels[k]);
		put(&p, "");
		for (j = 0; j < COUNT(form); j++)
			put(&p, form[j]);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		CHECK_INT(labels[k], a.stats.paragraphs, 4);
		r = removed_at(&a, label);
		CHECK_STR("comment", r ? sahifa_reason_name(r->reason) : NULL, "comment");
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
	/* the same label as a button under the lead, before most of the story (20
	 * Minutes: "Commenter" under a photo credit) ends nothing */
	{
		struct page p;
		struct sahifa_article a;

		sahifa_buf_init(&p.b, 0);
		p.line = 0;
		for (j = 0; j < COUNT(menu_en); j++)
			put(&p, menu_en[j]);
		put(&p, "");
		put(&p, "Un carril para los autobuses en la carretera del puerto");
		put(&p, "");
		for (j = 0; j < COUNT(story); j++) {
			put(&p, story[j]);
			put(&p, "");
			if (!j) {
				put(&p, "Commenter");
				put(&p, "");
			}
		}
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		CHECK_INT("button under the lead", a.stats.paragraphs, 4);
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* A list of teasers over the story, each item its title and its lead cut short
 * ("• Indian-origin man pleads guilty to fraud scheme in US NEW YORK: An
 * Indian-origin man has pleaded guilty ... Raminder Singh Rekhi, 41,...", India Post,
 * a page of the scrapinghub article-extraction benchmark; the items here of the
 * project's own writing): the items are no part of the article. */
static void test_cut_items(void)
{
	static const char *const items[] = {
		"  • Storm closes the coast road for a second night RIVERTON: The coast road "
		"stayed closed on Tuesday night as the storm brought down two more trees near "
		"the lighthouse, and the police asked drivers to...",
		"  • School meals to cost less from April RIVERTON: The council will cut the "
		"price of school meals by a fifth from April, the education committee said on "
		"Monday after a long debate about the...",
		"  • Harbour festival moves to August after the works RIVERTON: The harbour "
		"festival will move to the last week of August this year, as the works on the "
		"harbour road are to last until the end of...",
		"  • New ferry timetable adds a late boat on Fridays RIVERTON: A ferry will "
		"leave the harbour at eleven on Friday nights from next month, the operator "
		"said, after a petition signed by more than...",
	};
	struct page p;
	struct sahifa_article a;
	const struct sahifa_removed *r;
	long first;
	size_t j;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	for (j = 0; j < COUNT(menu_en); j++)
		put(&p, menu_en[j]);
	put(&p, "");
	put(&p, "Breaking News");
	put(&p, "");
	first = p.line + 1;
	for (j = 0; j < COUNT(items); j++)
		put(&p, items[j]);
	put(&p, "");
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "");
	for (j = 0; j < 4; j++) {
		put(&p, prose_en[j]);
		put(&p, "");
	}
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_INT("paragraphs", a.stats.paragraphs, 4);
	CHECK_STR("headline", a.headline, "Council backs bus lanes for the harbour road");
	for (j = 0; j < COUNT(items); j++) {
		r = removed_at(&a, first + (long)j);
		CHECK(r != NULL);
	}
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* The latest news under the story, each item's title printed twice over its lead
 * (Medical News Today's readability test page, as w3m prints it; the items here of
 * the project's own writing): no part of the article. */
static void test_titled_twice_items(void)
{
	static const char *const items[][2] = {
		{ "Storm closes the coast road for a second night",
		  "The coast road stayed closed on Tuesday night as the storm brought down two "
		  "more trees near the lighthouse, the police said." },
		{ "School meals to cost less from April",
		  "The council will cut the price of school meals by a fifth from April, the "
		  "education committee said on Monday after a long debate." },
		{ "Harbour festival moves to August after the works",
		  "The harbour festival will move to the last week of August this year, as the "
		  "works on the harbour road are to last until July." },
		{ "New ferry timetable adds a late boat on Fridays",
		  "A ferry will leave the harbour at eleven on Friday nights from next month, the "
		  "operator said, after a petition signed by hundreds." },
	};
	struct page p;
	struct sahifa_article a;
	long first;
	size_t j;
	char line[256];

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	for (j = 0; j < COUNT(menu_en); j++)
		put(&p, menu_en[j]);
	put(&p, "");
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "");
	for (j = 0; j < 4; j++) {
		put(&p, prose_en[j]);
		put(&p, "");
	}
	put(&p, "Latest news");
	put(&p, "");
	first = p.line + 1;
	for (j = 0; j < COUNT(items); j++) {
		snprintf(line, sizeof(line), "  \xe2\x80\xa2 %s", items[j][0]);
		put(&p, line);
		snprintf(line, sizeof(line), "    %s", items[j][0]);
		put(&p, line);
		snprintf(line, sizeof(line), "    %s", items[j][1]);
		put(&p, line);
	}
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_INT("paragraphs", a.stats.paragraphs, 4);
	CHECK(removed_at(&a, first) != NULL);
	CHECK(removed_at(&a, first + 2) != NULL);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

static void test_comments_run(void)
{
	static const char *const comments[] = {
		"   * Alex on [73]September 17, 2018 at 6:34 am said:",
		"     I read the report on the harbour road, and I did not see any estimate of "
		"how much longer the trip from the northern suburbs will take while the works "
		"last, which is what most of my neighbours asked me about this week.",
		"     I would also like to know whether the shops will get any help during the "
		"five months, since the parking spaces go on the first day of the works.",
		"   * Catherine (Riverton Daily) on [75]September 19, 2018 at 12:48 pm said:",
		"     Thank you for the question. The council says the detour will add about ten "
		"minutes in the morning, and that it will publish a new estimate after the first "
		"month of the works, when it has counted the traffic on the detour.",
		"     The shops can ask for a lower rate of the business tax for the months of "
		"the works; the form is on the council's website under the transport pages.",
		"   * Gary M on [74]September 20, 2018 at 8:50 pm said:",
		"     The lanes on the ferry road took a year longer than planned, and the bus "
		"times there did not change much in the end, so I hope the council has learned "
		"from that before it spends four million dollars on the harbour road.",
	};
	struct page p;
	struct sahifa_article a;
	const struct sahifa_removed *r;
	long first = 0, body = 0;
	size_t j;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	for (j = 0; j < COUNT(menu_en); j++)
		put(&p, menu_en[j]);
	put(&p, "");
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "");
	body = p.line + 1;
	for (j = 0; j < 4; j++) {
		put(&p, prose_en[j]);
		put(&p, "");
	}
	put(&p, "Posted in [64]Transport | [65]Permalink | [66]3 Comments");
	put(&p, "");
	put(&p, "More from the blog");
	for (j = 0; j < 30; j++) {
		static const char *const teasers[] = { "Storm warning for the coast this weekend",
						       "School meals to cost less from April",
						       "Harbour festival moves to August" };
		char line[96];

		snprintf(line, sizeof(line), "   * [%zu]%s", 100 + j, teasers[j % 3]);
		put(&p, line);
	}
	put(&p, "");
	put(&p, "Comments");
	put(&p, "");
	for (j = 0; j < COUNT(comments); j++) {
		if (!first)
			first = p.line + 1;
		put(&p, comments[j]);
		put(&p, "");
	}
	for (j = 0; j < COUNT(menu_en); j++)
		put(&p, menu_en[j]);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK(removed_at(&a, body) == NULL);
	CHECK_INT("paragraphs", a.stats.paragraphs, 4);
	for (j = 0; j < COUNT(comments); j++) {
		r = removed_at(&a, first + 2 * (long)j);
		CHECK_STR(comments[j], r ? "removed" : "(kept)", "removed");
	}
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* The article's last line announces a list with a colon and the items follow line by
 * line (a tour's dates under a Billboard story of the scrapinghub article-extraction
 * benchmark): they are the article's, not related links; a list after a blank line is
 * not (the lines are of the project's own writing). */
static void test_colon_list(void)
{
	static const char *const items[] = {
		"March 4 -- Ferry terminal to the library, northern lane",
		"April 15 -- Library to the market square, both lanes",
		"June 2 -- Market square to the station, southern lane",
	};
	int gap;

	for (gap = 0; gap < 2; gap++) {
		struct page p;
		struct sahifa_article a;
		const struct sahifa_removed *r;
		long first;
		size_t j;

		sahifa_buf_init(&p.b, 0);
		p.line = 0;
		for (j = 0; j < COUNT(menu_en); j++)
			put(&p, menu_en[j]);
		put(&p, "");
		put(&p, "Council backs bus lanes for the harbour road");
		put(&p, "");
		for (j = 0; j < 4; j++) {
			put(&p, prose_en[j]);
			put(&p, "");
		}
		put(&p, "The council's timetable for the three sections of the works:");
		if (gap)
			put(&p, "");
		first = p.line + 1;
		for (j = 0; j < COUNT(items); j++)
			put(&p, items[j]);
		put(&p, "");
		for (j = 0; j < COUNT(menu_en); j++)
			put(&p, menu_en[j]);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		for (j = 0; j < COUNT(items); j++) {
			r = removed_at(&a, first + (long)j);
			if (gap)
				CHECK(r != NULL);
			else
				CHECK_STR(items[j], r ? sahifa_reason_name(r->reason) : "(kept)",
					  "(kept)");
		}
		CHECK_INT("paragraphs", a.stats.paragraphs, gap ? 4 : 8);
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* The run's last paragraph announces a numbered list, with a blank line under it; the
 * items, each with its link's address and picture on lines of their own and blank
 * lines between some, are the article's (an Italian page of the scrapinghub
 * article-extraction benchmark, w3m, whose picture "[81DDRtcAkL]" is no lynx link
 * number); the addresses and pictures stay removed. */
static void test_numbered_list(void)
{
	static const char *const lines[] = {
		"1) Lego Star Wars 75188 Bombardiere della Resistenza",
		"http://amzn.to/2iJFhRj",
		"[1-300x300]",
		"2) Polistil 960574 Pista Elettrica Sorpasso",
		"http://amzn.to/2hZfWFJ",
		"",
		"3) Blade Runner The Final Cut (4K Ultra HD + Blu-Ray)",
		"http://amzn.to/2hWEIX7",
		"[4-240x300]",
		"4) Indiana Jones Collection 1-4 (Steelbook) (5 Blu-Ray)",
		"",
		"http://amzn.to/2hXQPDr",
		"[81DDRtcAkL]",
		"",
		"",
		"5) Magnum P.I. – Complete Collection (Stagioni 1-8) (45 DVD)",
		"http://amzn.to/2hWHtYm",
	};
	struct page p;
	struct sahifa_article a;
	const struct sahifa_removed *r;
	long first;
	size_t j;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	for (j = 0; j < COUNT(menu_en); j++)
		put(&p, menu_en[j]);
	put(&p, "");
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "");
	for (j = 0; j < 3; j++) {
		put(&p, prose_en[j]);
		put(&p, "");
	}
	put(&p, "Work on the first section is to start in March, and the council has put the "
		"prices of what the works will need on its website for residents to see:");
	put(&p, "");
	first = p.line + 1;
	for (j = 0; j < COUNT(lines); j++)
		put(&p, lines[j]);
	put(&p, "");
	for (j = 0; j < COUNT(menu_en); j++)
		put(&p, menu_en[j]);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	for (j = 0; j < COUNT(lines); j++) {
		if (!lines[j][0])
			continue;
		r = removed_at(&a, first + (long)j);
		if (lines[j][1] == ')')
			CHECK_STR(lines[j], r ? sahifa_reason_name(r->reason) : "(kept)", "(kept)");
		else
			CHECK(r != NULL);
	}
	CHECK_INT("paragraphs", a.stats.paragraphs, 9);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* Text wrapped at 80 columns, indented by indent (0 or 3) columns: each line as many
 * words as fit in 80 - indent. */
static void put_wrapped_at(struct page *p, const char *text, size_t indent)
{
	char line[96];
	size_t n = 0;
	const char *w = text;

	while (*w) {
		const char *e = strchr(w, ' ');
		size_t len = e ? (size_t)(e - w) : strlen(w);

		if (n > indent && n + 1 + len > 80) {
			line[n] = 0;
			put(p, line);
			n = 0;
		}
		if (!n) {
			memcpy(line, "   ", indent);
			n = indent;
		}
		if (n > indent) {
			line[n++] = ' ';
		}
		memcpy(line + n, w, len);
		n += len;
		w += len + (e != NULL);
	}
	if (n) {
		line[n] = 0;
		put(p, line);
	}
}

/* Text set as lynx -width=80 sets it: indented three columns, each line as many words
 * as fit in 77. */
static void put_wrapped(struct page *p, const char *text)
{
	put_wrapped_at(p, text, 3);
}

/* The same list as lynx prints it: each item with its link's address on the next
 * line, no blank between, an item of two lines (the same Italian page, lynx at 80
 * columns, its prose wrapped): the items are the article's. */
static void test_numbered_list_lynx(void)
{
	static const char *const lines[] = {
		"   1) Lego Star Wars 75188 Bombardiere della Resistenza",
		"   [33]http://amzn.to/2iJFhRj",
		"   2) Polistil 960574 Pista Elettrica Sorpasso",
		"   [34]http://amzn.to/2hZfWFJ",
		"   3) Cofanetto Nolan: Interstellar/Il Cavaliere Oscuro – La",
		"   Trilogia/Inception/The Prestige/Insomnia/Memento (Blu-Ray)",
		"   [35]http://amzn.to/2hWw372",
		"   4) Blade Runner The Final Cut (4K Ultra HD + Blu-Ray)",
		"   [36]http://amzn.to/2hWEIX7",
	};
	struct page p;
	struct sahifa_article a;
	long first;
	size_t j;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	for (j = 0; j < COUNT(menu_en); j++)
		put(&p, menu_en[j]);
	put(&p, "");
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "");
	for (j = 0; j < 4; j++) {
		put_wrapped(&p, prose_en[j]);
		put(&p, "");
	}
	put_wrapped(&p, "Work on the first section is to start in March, and the council has "
		    "put the prices of what the works will need on its website for residents "
		    "to see:");
	put(&p, "");
	first = p.line + 1;
	for (j = 0; j < COUNT(lines); j++)
		put(&p, lines[j]);
	put(&p, "");
	for (j = 0; j < COUNT(menu_en); j++)
		put(&p, menu_en[j]);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	for (j = 0; j < COUNT(lines); j++)
		if (lines[j][4] == ')')
			CHECK_STR(lines[j], removed_at(&a, first + (long)j) ? "removed" : "(kept)",
				  "(kept)");
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* Teasers whose title and lead a dump printed without a break (a TV station's page of
 * the scrapinghub article-extraction benchmark, lynx): related, wherever they are;
 * lines with "iPhone", "#HealthyHydration" or "Gannett/GateHouse" in a title are no
 * such join (the lines are of the project's own writing). */
static void test_glued_teasers(void)
{
	static const char *const glued[] = {
		"The 4 Best Bus Routes In RivertonThe harbour council crunched the numbers to find "
		"the fastest routes around the town.",
		"Is Parking On The Harbour Road Over?Shop owners say the new lanes take forty spaces "
		"from their customers.",
		"Say Cheese? Riverton's Top 3 Market StallsWondering where to find the best cheese "
		"near the harbour? We asked the traders.",
		"Attention, Commuters: Here Are The Ferry Times For MarchIn the market for a faster "
		"way to the city? The ferry may be it.",
	};
	static const char *const not_glued[] = {
		"Harbour Council Buys New iPhones for the bus drivers, who will use them to report "
		"delays on the road.",
		"Riverton Daily Water Run #HealthyHarbour #shop on the harbour road this weekend, with "
		"the council's support.",
		"Column: The Riverton/GateHouse merger sends a dismal signal about the future of "
		"local news in the harbour towns.",
		"Harbour Council Welcomes McDonald family to the market square after years of "
		"waiting for a stall there.",
	};
	int neg;

	for (neg = 0; neg < 2; neg++) {
		const char *const *lines = neg ? not_glued : glued;
		struct page p;
		struct sahifa_article a;
		const struct sahifa_removed *r;
		long first;
		size_t j;

		sahifa_buf_init(&p.b, 0);
		p.line = 0;
		for (j = 0; j < COUNT(menu_en); j++)
			put(&p, menu_en[j]);
		put(&p, "");
		put(&p, "Council backs bus lanes for the harbour road");
		put(&p, "");
		for (j = 0; j < 4; j++) {
			put(&p, prose_en[j]);
			put(&p, "");
		}
		put(&p, "Latest Headlines");
		first = p.line + 1;
		for (j = 0; j < 4; j++) {
			put(&p, lines[j]);
			put(&p, "");
		}
		for (j = 0; j < COUNT(menu_en); j++)
			put(&p, menu_en[j]);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		for (j = 0; j < 4; j++) {
			r = removed_at(&a, first + 2 * (long)j);
			if (neg)
				CHECK(!r || strcmp(r->detail ? r->detail : "",
						   "a teaser: its title and lead run together"));
			else
				CHECK_STR(lines[j], r ? r->detail : NULL,
					  "a teaser: its title and lead run together");
		}
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* A list of teasers after the story, each its title and then its lead, cut short
 * after a sentence or two (the project's own writing; page-langs.py frames Hindi and
 * Bengali prose so too): the leads go, however long; with one such pair only, a
 * paragraph that trails off stays. */
static void test_cut_teasers(void)
{
	static const char *const teaser[][2] = {
		{ "Ferry fares to rise in the spring",
		  "The harbour company said on Monday that fares on the city ferry would rise by "
		  "a tenth from April. It blamed the price of fuel and the cost of the new "
		  "terminal, which opened last year after two years of work on the ..." },
		{ "Library to open on Sundays",
		  "The town library will open on Sunday afternoons from next month, the council "
		  "said. Volunteers from the reading club will staff the front desk, and the "
		  "children's room will hold a story hour every week at ..." },
		{ "Market stalls move to the square",
		  "Traders of the Saturday market will set up in the square by the town hall "
		  "while the harbour road is dug up for the bus lanes. Most of them said they "
		  "expected to lose customers in the first weeks, but the ..." },
		{ "New school bus route for the north",
		  "Children from the northern suburbs will take a new bus route to the high "
		  "school from the autumn. The route avoids the harbour road and adds ten minutes "
		  "to the journey, which parents said was a price worth ..." },
	};
	int pairs;

	for (pairs = 1; pairs <= 4; pairs += 3) {
		struct page p;
		struct sahifa_article a;
		long first;
		size_t j;

		sahifa_buf_init(&p.b, 0);
		p.line = 0;
		for (j = 0; j < COUNT(menu_en); j++)
			put(&p, menu_en[j]);
		put(&p, "");
		put(&p, "Council backs bus lanes for the harbour road");
		put(&p, "");
		for (j = 0; j < 4; j++) {
			put(&p, prose_en[j]);
			put(&p, "");
		}
		first = p.line + 1;
		for (j = 0; j < (size_t)pairs; j++) {
			put(&p, teaser[j][0]);
			put(&p, "");
			put(&p, teaser[j][1]);
			put(&p, "");
		}
		for (j = 0; j < COUNT(menu_en); j++)
			put(&p, menu_en[j]);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		for (j = 0; j < (size_t)pairs; j++) {
			int gone = removed_at(&a, first + 4 * (long)j + 2) != NULL;

			if (gone != (pairs > 1))
				CHECK_STR("lead", teaser[j][1], pairs > 1 ? "removed" : "kept");
		}
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* Lines inside the article removed by their shape. */
static void test_inside(void)
{
	static const struct {
		int arabic;
		const char *line, *reason;
	} cases[] = {
		/* photo credits: BBC Urdu («تصویر کے کاپی رائٹ»), Urdu news («شٹر اسٹاک
		 * فوٹو»), and the Getty line of many English pages */
		{ 0, "تصویر کے کاپی رائٹ", "credit" },
		{ 0, "شٹر اسٹاک فوٹو", "credit" },
		{ 0, "Kathrin Ziegler/Getty Images", "credit" },
		/* a credit alone in brackets, photographer and agency (latimes.com by
		 * w3m, scrapinghub benchmark) */
		{ 0, "(Jacquelyn Martin / Associated Press)", "credit" },
		/* a caption that opens with its label (news.sky.com by python3-html2text,
		 * the same benchmark) */
		{ 0, "Image: Jose Mourinho has agreed a deal to become manager of Tottenham Hotspur",
		  "credit" },
		/* BBC's caption of a video (readability test page bbc-1) */
		{ 0, "Media caption Mr Obama told the BBC that gun control was his biggest "
		     "frustration", "credit" },
		/* an ad slot's label (readability test page seattletimes-1) */
		{ 0, "Advertising", "ad" },
		/* captions that end with the picture's credit (an Express story of the
		 * scrapinghub article-extraction benchmark, readability test page telegraph),
		 * and an agency's caption that opens by naming its picture (an AP story of
		 * the same benchmark) */
		{ 0, "Yersina pestis causes the plague (Image: GETTY)", "credit" },
		{ 0, "Zimbabwe president Robert Mugabe with ZDF commander general Constantino "
		     "Chiwenga at State House in an image the Harare Herald claims was taken on "
		     "November 16 - the day after the military takeover Credit: HARARE HERALD",
		  "credit" },
		/* an agency's credit with the photographer's name and initial (a St. Paul
		 * Pioneer Press story of the scrapinghub article-extraction benchmark) */
		{ 0, "Minnesota Wild Jonas Brodin (25) celebrates his goal with Jason Zucker (16 "
		     "and Matt Dumba (25) during the second period of an NHL hockey gameagainst "
		     "the Buffalo Sabres, Tuesday, Nov. 19, 2019, in Buffalo, N.Y. (AP "
		     "Photo/Jeffrey T. Barnes)", "credit" },
		{ 0, "In this Dec. 12, 2006, file photo, made available by NASA, astronaut Robert "
		     "L. Curbeam Jr., left, and European Space Agency astronaut Christer "
		     "Fuglesang, participate in a space walk during construction of the "
		     "International Space Station. (NASA via AP, File)", "credit" },
		/* a picture's file name, in brackets and as its title under it (a design
		 * magazine of the scrapinghub article-extraction benchmark, w3m) */
		{ 0, "[milano-design-week-2018-flos-anastassiades-jewels-after-jewels-Arrangements-"
		     "cover-1-1]", "short_block" },
		{ 0, "milano-design-week-2018-flos-anastassiades-jewels-after-jewels-Arrangements-01",
		  "short_block" },
		/* a camera's file name as the picture's title, as w3m and lynx print it
		 * (readability test page pixnet) */
		{ 0, "12-IMG_3886.jpg", "short_block" },
		{ 0, "[53]12-IMG_3886.jpg", "short_block" },
		/* markup printed as text: a <noscript> notice (readability test page
		 * yahoo-4, w3m at 80 columns) and a tracking pixel's tag (the same page) */
		{ 0, "<div class=\"alertBox\"> <div class=\"alert\"> <i></i><p>現在<em>JavaScript"
		     "が無効</em>になっています。Yahoo!ニュースのすべての機能を利用するためには、"
		     "JavaScriptの設定を有効にしてください。</p> </div> </div>", "hidden" },
		{ 0, "<div style=\"position:absolute;\"><img width=1 height=1 alt=\"\" "
		     "src=\"http://b5.yahoo.co.jp/b?P=oI9TLjE4Mi66RLpAorxEdAVuMTE4LgAAAAA2TzUA\"></div>",
		  "hidden" },
		/* markup escaped twice, as a rich-text editor's bookmark leaks it (a page of
		 * the scrapinghub article-extraction benchmark, w3m) */
		{ 0, "&lt;span data-mce-type=\"bookmark\" style=\"display: inline-block; width: "
		     "0px; overflow: hidden; line-height: 0;\" class=\"mce_SELRES_start\"&gt;"
		     "&amp;#65279;&lt;/span&gt;", "hidden" },
		/* form residue as w3m prints it (readability test page ars-1) */
		{ 0, "[                    ] [                    ] [Submit] [ ] Stay logged in", "form" },
		/* lynx's ad frames (readability test page bbc-1) */
		{ 0, "IFRAME: [118]http://tap2-cdn.rubiconproject.com/partner/scripts", "ad" },
		/* and one with a long address (readability test page qq, lynx) */
		{ 0, "IFRAME: [70]//wa.gtimg.com/website/201610/jdhj_FZW_20161025102555.html?"
		     "tclick=http%3A%2F%2Fc.l.qq.com%2Flclick%3Foid%3D2940207%26cid%3D1630355"
		     "%26loc%3DF_Z_Width1%26click_data%3DdXNlcl9pbmZvPW9CM2pnVGc5RXgtXw%3D%3D",
		  "ad" },
		/* share buttons between the paragraphs (a Portuguese quotes page of the
		 * scrapinghub article-extraction benchmark) */
		{ 0, "Whatsapp   Facebook   Pint   Baixar", "share" },
		/* a consent box's long privacy overview, past the length of a short notice
		 * (a motorcycle magazine's review of a workshop manual, a page of the
		 * scrapinghub article-extraction benchmark, w3m) */
		{ 0, "This website uses cookies to improve your experience while you navigate "
		     "through the website. Out of these cookies, the cookies that are categorized "
		     "as necessary are stored on your browser as they are essential for the "
		     "working of basic functionalities of the website. We also use third-party "
		     "cookies that help us analyze and understand how you use this website. These "
		     "cookies will be stored in your browser only with your consent. You also have "
		     "the option to opt-out of these cookies. But opting out of some of these "
		     "cookies may have an effect on your browsing experience.", "cookie" },
		/* an entry of lynx's list of references whose mail link carries a letter (a
		 * TV station's story of the scrapinghub article-extraction benchmark) */
		{ 0, "55. mailto:newstips@nbcdfw.com?body=Thanks for contacting NBC 5 "
		     "Dallas-Fort Worth. Please use this e-mail to send us news tips. Be "
		     "sure to include a phone number, so we can contact you quickly, if "
		     "necessary. If your tip is urgent, call  our news desk at 817-654-6300.",
		  "link_list" },
		/* lynx's <ins> marks around a sponsored teaser (readability test page msn) */
		{ 0, "[58][INS: What :INS] [INS: Were :INS] [INS: the :INS] [INS: Big :INS] "
		     "[INS: Topics :INS] [INS: at :INS] [INS: Intel® :INS] [INS: Developer :INS] "
		     "[INS: Forum :INS] [INS: 2016? :INS] Intel", "link_list" },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct page p;
		struct sahifa_article a;
		const struct sahifa_removed *r;
		long at = 0, unused = 0;

		build(&p, cases[i].arabic, "Council backs bus lanes for the harbour road", NULL,
		      cases[i].line, &unused, &at);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		r = removed_at(&a, at);
		CHECK_STR(cases[i].line, r ? sahifa_reason_name(r->reason) : NULL, cases[i].reason);
		CHECK_INT(cases[i].line, a.stats.paragraphs, 4);
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* Chinese set a clause a line, with no stop at the line's end and a picture between
 * (readability test page pixnet, a travel blog, w3m): Han has no spaces, so the stop
 * words are counted a character at a time, and such lines in a row are the article.
 * (One line of another Chinese page stands among them.) */
static void test_han_lines(void)
{
	static const char *const menu[] = {
		"痞客邦 PIXNET", "  • 首頁", "  • 部落格", "  • 運動", "  • 美妝", "  • 3C",
		"  • 電影", "  • 旅遊", "  • 親子", "  • 美食", "  • 行程攻略",
		"[                    ] ×", "找文章找部落客", "登入", "跳到主文",
	};
	static const char *const prose[] = {
		"一波波接續性低溫寒流報到已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣",
		"玉峰道路一路上雲氣山嵐滯留山頭順路下切蜿蜒道路後不久即抵達來到\"玉峰國小\"",
		"\"美樹\"美如其名偌大楓香樹早已呈現金黃泛紅色彩也是愛攝人仕所喜愛造訪之地",
		"第二次造訪美樹發現到營區變了印象中以前生冷招牌換成了原木招牌可謂匠心獨運",
		"燻黑原木加上金黃色醒目字體加上了貓頭鷹原木創作也充分發揮了裝飾藝術功力",
		"營區內除了露營、民宿、餐飲、賞楓項目多了許多原木飾品更有畫龍點睛加乘效果",
		"30-IMG_4228.jpg",
		"廣受歡迎的美樹營地有個很大特色就是楓紅時期楓香樹由綠轉黃、轉紅到楓紅層層",
		"一來到\"美樹\"馬上眼睛為之一亮　也會深深地為那多種顏色多層次渲染之下楓紅而迷惑",
		"不同格調就是從入口處這塊招牌第一眼開始木頭招牌、貓頭鷹裝飾品勾勒出美樹的風格",
		"31-IMG_4231.jpg",
		"每年12月向來是攝影班外拍的絕佳場所之一楓紅期間入園費$50元",
		/* lynx's marks of an <ins> before a paragraph (readability test page gmw):
		 * a Han character is a word, so the marks are not most of it */
		"[INS::INS]　　所以，当宇航员在地球轨道上时，将还不得不满足于通过欣赏外面的景色来"
		"振作精神，而不要指望沉溺于烈酒中。我们留在地球上的人，则可以准备好适量的香槟酒，"
		"以迎接他们的归来。",
		"園區給愛攝一族淨空場景而不是散搭帳蓬之下反而影響拍照畫面與構圖取景",
		"露營的話則須待中午過後再進場搭帳的彈性做法個人也相當支持這樣的權宜之計",
	};
	static const char *const after[] = { "相關文章", "  • 新竹尖石_美樹營地賞楓 (2)",
					     "  • 回到頁首", "  • 回到主文", "  • 免費註冊" };
	struct page p;
	struct sahifa_article a;
	const struct sahifa_removed *r;
	long first = 0, picture = 0;
	size_t i, kept = 0;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	for (i = 0; i < COUNT(menu); i++) {
		put(&p, menu[i]);
		put(&p, "");
	}
	put(&p, "新竹尖石_美樹營地賞楓");
	put(&p, "");
	for (i = 0; i < COUNT(prose); i++) {
		if (!first)
			first = p.line + 1;
		if (!picture && prose[i][0] == '3')
			picture = p.line + 1;
		put(&p, prose[i]);
		put(&p, "");
	}
	put_lines(&p, after, COUNT(after));
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	for (i = 0; i < a.n_sections; i++)
		kept += a.sections[i].n_paragraphs;
	CHECK_INT("paragraphs", (long)kept, (long)COUNT(prose) - 2);
	CHECK(removed_at(&a, first) == NULL);
	r = removed_at(&a, picture);
	CHECK_STR("picture", r ? sahifa_reason_name(r->reason) : NULL, "short_block");
	r = removed_at(&a, 3);
	CHECK_STR("menu", r ? sahifa_reason_name(r->reason) : NULL, "menu");
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A lead of one long sentence, with fewer stop words than the paragraphs under it
 * (names, places, figures), opens the article under the headline: a block that long
 * which ends its sentence is near-good, and the good prose after it takes it in. */
static void test_lead_sentence(void)
{
	static const char *const leads[] = {
		/* a Reuters story on ScienceAlert, scrapinghub article-extraction benchmark */
		"WASHINGTON (Reuters) - Scientists on Monday unveiled the first global "
		"geological map of Saturn's moon Titan including vast plains and dunes of "
		"frozen organic material and lakes of liquid methane, illuminating an exotic "
		"world considered a strong candidate in the search for life beyond Earth.",
		/* a design magazine of the same benchmark */
		"During the 2018 Milan Design Meek, the Flos Showroom in Corso Monforte 15 "
		"features a light installation created by Michael Anastassiades, acclaimed "
		"London-based designer born in Cyprus, who has created a number of products for "
		"Flos since 2013.",
		/* a shorter one, names and figures (a Rolling Stone story of the same
		 * benchmark) */
		"The Doobie Brothers will unite with former frontman Michael McDonald for a 2020 "
		"North American tour celebrating the band's 50th anniversary.",
	};
	size_t i;

	for (i = 0; i < COUNT(leads); i++) {
		struct page p;
		struct sahifa_article a;
		long at = 0, unused = 0;

		build(&p, 0, "Council backs bus lanes for the harbour road", leads[i], NULL, &at,
		      &unused);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		CHECK(removed_at(&a, at) == NULL);
		CHECK_INT(leads[i], a.stats.paragraphs, 5);
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* Prose that names a picture agency, with a sentence after the name, is no caption. */
static void test_not_caption(void)
{
	struct page p;
	struct sahifa_article a;
	long at = 0, unused = 0;

	build(&p, 0, "Council backs bus lanes for the harbour road", NULL,
	      "The council bought the pictures of the harbour from Getty Images. The "
	      "photographs will hang in the new bus shelters along the road from March.",
	      &unused, &at);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK(removed_at(&a, at) == NULL);
	CHECK_INT("paragraphs", a.stats.paragraphs, 5);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A box of links in mid-story ("More from UK" over its teasers, as Sky News sets one
 * between a story's paragraphs, a page of the scrapinghub article-extraction
 * benchmark): the prose on both sides of it is the article, whichever side is longer,
 * and the teasers are related links. */
static void test_box_in_story(void)
{
	static const char *const teasers[] = {
		"  • Prince Andrew: BT and three universities abandon ties with duke after "
		"Epstein TV interview",
		"  • Prince Andrew: TripAdvisor suspends reviews of Pizza Express duke says he "
		"visited",
		"  • Babies and mothers died in what may be worst ever NHS maternity scandal, "
		"report finds",
		"  • Harry Dunn: Foreign Secretary Dominic Raab defends seeking legal costs from "
		"family",
		"  • EuroMillions: UK ticket holder wins £105m jackpot prize",
	};
	static const char *const more[] = {
		"The council's transport officer said that the lanes would be painted red, so "
		"that drivers could see them at night and in the rain, and that cameras would "
		"watch the busiest junctions.",
		"A survey of the harbour road's shops last spring found that most of their "
		"customers came on foot or by bus, which the supporters of the plan said showed "
		"that the parking spaces mattered less than the owners feared.",
	};
	int before;

	for (before = 0; before < 2; before++) {
		struct page p;
		struct sahifa_article a;
		const struct sahifa_removed *r;
		size_t i, n_before = before ? 2 : 4, n_after = before ? 4 : 2;
		long teaser = 0;

		sahifa_buf_init(&p.b, 0);
		p.line = 0;
		put_lines(&p, menu_en, COUNT(menu_en));
		put(&p, "");
		put(&p, "Council backs bus lanes for the harbour road");
		put(&p, "");
		for (i = 0; i < n_before; i++) {
			put(&p, prose_en[i]);
			put(&p, "");
		}
		put(&p, "More from UK");
		put(&p, "");
		teaser = p.line + 1;
		for (i = 0; i < COUNT(teasers); i++) {
			put(&p, teasers[i]);
			put(&p, "");
		}
		for (i = n_before; i < n_before + n_after; i++) {
			put(&p, i < 4 ? prose_en[i] : more[i - 4]);
			put(&p, "");
		}
		put(&p, "© 2025 Riverton Daily. All rights reserved.");
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		CHECK_INT(before ? "story after the box" : "story before the box",
			  a.stats.paragraphs, (long)(n_before + n_after));
		r = removed_at(&a, teaser);
		CHECK_STR("teaser", r ? sahifa_reason_name(r->reason) : NULL, "related");
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* A related label over the comment form: what follows the form is its notice, not
 * the story going on (pv magazine, a page of the scrapinghub article-extraction
 * benchmark). */
static void test_box_before_form(void)
{
	struct page p;
	struct sahifa_article a;
	const struct sahifa_removed *r;
	size_t i;
	long notice;

	page_open(&p);
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "");
	for (i = 0; i < 4; i++) {
		put(&p, prose_en[i]);
		put(&p, "");
	}
	put(&p, "Related content");
	put(&p, "");
	put(&p, "Leave a Reply Cancel reply");
	put(&p, "");
	for (i = 0; i < 7; i++)
		put(&p, "       [                                             ]");
	put(&p, "Comment[                                             ]");
	put(&p, "");
	put(&p, "Name * [                              ]");
	put(&p, "");
	put(&p, "Email * [                              ]");
	put(&p, "");
	put(&p, "[ ]Save my name, email, and website in this browser for the next time I comment.");
	put(&p, "");
	notice = p.line + 1;
	put(&p, "By submitting this form you agree to pv magazine using your data for the "
		"purposes of publishing your comment. Your personal data will only be disclosed "
		"or otherwise transmitted to third parties for the purposes of spam filtering or "
		"if this is necessary for technical maintenance of the website. Further "
		"information on data privacy can be found in our Data Protection Policy.");
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	r = removed_at(&a, notice);
	CHECK(r != NULL);
	CHECK_INT("paragraphs", a.stats.paragraphs, 4);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A DOM's innerText of a long page: a site's name and menu as bare lines over a run of
 * other stories' titles, then the article, its paragraphs one a line (salon.com and
 * lanacion.com.ar, readability test pages: "Salon" / "Home" / "News" / ...; here of the
 * project's writing).  Fewer than half its lines are short, but the bare items in a
 * row before any prose make it a page: the title under them is the headline, not the
 * site's name.  A recipe's list of ingredients comes after prose and keeps the text an
 * article: nothing of it is removed. */
static void test_detect_dom_menu(void)
{
	static const char *const top[] = {
		"Riverton Daily", "Home", "News", "Sport", "Storm warning for the coast",
		"School meals to cost less", "Harbour festival moves", "Library opens on Sundays",
		"Ferry timetable changes", "Bus drivers vote on pay",
		"Council backs bus lanes for the harbour road", "By Jane Doe", ""
	};
	static const char *const items[] = {
		"Fish stock", "Two onions", "Three carrots", "Fresh parsley", "Olive oil",
		"Black pepper", "Salt", ""
	};
	struct page p;
	struct sahifa_article a;
	size_t i, k;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put_lines(&p, top, COUNT(top));
	for (k = 0; k < 3; k++)
		for (i = 0; i < COUNT(prose_en); i++) {
			put(&p, prose_en[i]);
			put(&p, "");
		}
	put(&p, "About us · Contact · Privacy policy · Terms of use");
	check_header(&p, "Council backs bus lanes for the harbour road", "By Jane Doe");

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put(&p, "Harbour fish soup for a winter evening");
	put(&p, "");
	put(&p, prose_en[0]);
	put(&p, "");
	put_lines(&p, items, COUNT(items));
	for (k = 0; k < 3; k++)
		for (i = 0; i < COUNT(prose_en); i++) {
			put(&p, prose_en[i]);
			put(&p, "");
		}
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Harbour fish soup for a winter evening");
	CHECK_INT("removed", (long)a.n_removed, 0);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* links and elinks print a page's <link> elements over its text ("Link: profile" /
 * "Link: canonical" / "Link: shortlink" / "Link: amphtml" over a short story,
 * techcrunch.com by links -dump, scrapinghub benchmark; here of the project's
 * writing): a page however short, its title the headline, not the first line. */
static void test_detect_head_links(void)
{
	struct page p;
	size_t i;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put(&p, "   Link: profile");
	put(&p, "   Link: canonical");
	put(&p, "");
	put(&p, "        Council backs bus lanes for the harbour road");
	put(&p, "");
	put(&p, "   Jane Roe / 2 days");
	put(&p, "");
	for (i = 0; i < COUNT(prose_en); i++) {
		put(&p, prose_en[i]);
		put(&p, "");
	}
	check_page(&p, "Council backs bus lanes for the harbour road", -1);
}

/* The page around the article: menus, cookie notice, footer; the headline is the title,
 * not the first line. */
static void test_outside(void)
{
	struct page p;
	struct sahifa_article a;
	const struct sahifa_removed *r;
	long at = 0, unused = 0;

	build(&p, 0, "Council backs bus lanes for the harbour road", NULL, NULL, &unused, &at);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Council backs bus lanes for the harbour road");
	CHECK_INT("headline line", a.headline_line, 17);
	CHECK_INT("paragraphs", a.stats.paragraphs, 4);
	r = removed_at(&a, 1);
	CHECK_STR("skip link", r ? sahifa_reason_name(r->reason) : NULL, "chrome");
	r = removed_at(&a, 3);
	CHECK_STR("menu", r ? sahifa_reason_name(r->reason) : NULL, "menu");
	r = removed_at(&a, 15);
	CHECK_STR("search box", r ? sahifa_reason_name(r->reason) : NULL, "form");
	r = removed_at(&a, (long)a.stats.lines - 1);
	CHECK_STR("footer", r ? sahifa_reason_name(r->reason) : NULL, "footer");
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* Hard-wrapped text: lines that end because the next word would not fit are joined
 * into one paragraph (lynx -dump -width=80 of readability test page bbc-1); a short
 * line that ends where a word would still fit ends its paragraph; a boilerplate end
 * marker inside the story does not end it when prose follows. */
static void test_reflow(void)
{
	static const char wrapped[] =
		"   President Barack Obama has admitted that his failure to pass \"common\n"
		"   sense gun safety laws\" in the US is the greatest frustration of his\n"
		"   presidency.\n"
		"\n"
		"   In an interview with the BBC, Mr Obama said it was \"distressing\" not to\n"
		"   have made progress on the issue \"even in the face of repeated mass\n"
		"   killings\".\n"
		"\n"
		"   He vowed to keep trying, but the BBC's North America editor Jon Sopel\n"
		"   said the president did not sound very confident.\n"
		"\n"
		"Recommended\n"
		"\n"
		"   Hours after the interview, a gunman opened fire at a cinema in the US\n"
		"   state of Louisiana, killing two people and injuring several others\n"
		"   before shooting himself.\n"
		"\n"
		"   Mr Obama has pushed for stricter gun control throughout his presidency\n"
		"   but has been unable to secure any significant changes to the laws.\n";
	struct sahifa_article a;
	struct sahifa_error err;
	const struct sahifa_paragraph *p0;

	sahifa_article_init(&a);
	CHECK(sahifa_segment(defaults, wrapped, strlen(wrapped), &a, &err) == SAHIFA_OK);
	CHECK_INT("paragraphs", a.stats.paragraphs, 5);
	p0 = a.n_sections && a.sections[0].n_paragraphs ? &a.sections[0].paragraphs[0] : NULL;
	CHECK_INT("first spans", p0 ? p0->lines : 0, 3);
	CHECK_STR("joined", p0 ? p0->text : NULL,
		  "President Barack Obama has admitted that his failure to pass \"common sense "
		  "gun safety laws\" in the US is the greatest frustration of his presidency.");
	CHECK(a.n_sections == 1);  /* no wrapped fragment became a heading */
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
}

/* A short story, wrapped at 80 columns, on a long page of menu lines (lynx of a
 * Cleveland newspaper's page in the scrapinghub article-extraction benchmark, its
 * menus of the project's own writing): few of the page's lines fill the width, but
 * most of its long ones do, with text going on under them; the story is joined.  The
 * same with other stories' headlines as long as the wrapped lines, each alone on its
 * line, more of them than the story's lines that text goes on under (wsj.com by w3m,
 * scrapinghub benchmark: a paywalled story of three paragraphs among menus and lists
 * of headlines): the story is still joined, and its first line is no heading. */
static void test_reflow_long_page(void)
{
	int headlines;

	for (headlines = 0; headlines <= 1; headlines++) {
		struct page p;
		struct sahifa_article a;
		const struct sahifa_paragraph *p0;
		size_t i;
		char line[96];

		sahifa_buf_init(&p.b, 0);
		p.line = 0;
		for (i = 0; i < 120; i++) {
			snprintf(line, sizeof(line), "     * [%zu]Section %zu (BUTTON)", i + 1, i + 1);
			put(&p, line);
		}
		put(&p, "");
		put(&p, "Council backs bus lanes for the harbour road");
		put(&p, "");
		for (i = 0; i < 4; i++) {
			put_wrapped(&p, prose_en[i]);
			put(&p, "");
		}
		if (headlines) {
			put(&p, "Most Popular News");
			put(&p, "");
		}
		for (i = 0; headlines && i < 12; i++) {
			snprintf(line, sizeof(line), "Ferry company number %02zu says its boats will "
				 "run on Saturdays from the spring", i + 1);
			put(&p, line);
			put(&p, "");
		}
		for (i = 0; i < 40; i++) {
			snprintf(line, sizeof(line), "     * [%zu]Part %zu (BUTTON)", i + 200, i + 1);
			put(&p, line);
		}
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		p0 = a.n_sections && a.sections[0].n_paragraphs ? &a.sections[0].paragraphs[0]
								: NULL;
		CHECK_INT("first spans", p0 ? p0->lines : 0, 3);
		if (headlines)
			CHECK_STR("heading", a.n_sections ? a.sections[0].heading : NULL, NULL);
		else
			CHECK_INT("paragraphs", a.stats.paragraphs, 4);
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* A DOM's innerText prints each paragraph on one line, but a page's style may cut its
 * teasers at one width, many of them, each alone on its line and each under the one
 * before it ("Downtown San Antonio park will become 'Fantasyland' for the" / "8
 * Instagram accounts San Antonio foodies need to follow", mysanantonio.com in the
 * scrapinghub article-extraction benchmark; the teasers here of the project's own
 * writing): with a capital under nearly every one, and the story's sentences on lines
 * far wider, that is no wrap: the teasers are not joined into one block that reads as
 * prose, and the story's title over its date line is the headline. */
static void test_reflow_cut_teasers(void)
{
	static const char *const places[] = { "harbour", "library", "stadium", "bridge",
					      "market", "airport" };
	struct page p;
	struct sahifa_article a;
	size_t i, j, joined = 0;
	char line[96];

	page_open(&p);
	for (i = 0; i < 60; i++) {
		snprintf(line, sizeof(line), "Section %zu news and views", i + 1);
		put(&p, line);
	}
	for (i = 0; i < 24; i++) {
		snprintf(line, sizeof(line), "%s %02zu: Riverton plans to open the new %s to all the",
			 i % 2 ? "Weekend" : "Council", i + 1, places[i % COUNT(places)]);
		put(&p, line);
		if (i % 8 == 7)
			put(&p, "");
	}
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "Updated 11:21 pm CST, Tuesday, November 19, 2019");
	put(&p, "");
	page_close(&p);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Council backs bus lanes for the harbour road");
	for (i = 0; i < a.n_sections; i++)
		for (j = 0; j < a.sections[i].n_paragraphs; j++)
			joined += a.sections[i].paragraphs[j].lines > 1;
	CHECK_INT("joined", (long)joined, 0);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A DOM's innerText of a short story on a long page: a few teasers end near one
 * width, but more than a third as many lines run past it, the story's paragraphs
 * printed one a line; that is no wrap, and the title is not joined to the deck under
 * it (wsj.com's innerText, scrapinghub benchmark: "Google Stadia, Microsoft xCloud,
 * Apple Arcade: So Many Ways to Play…and Pay" over its deck; here of the project's
 * writing). */
static void test_reflow_few_cut(void)
{
	static const char *const lines[] = {
		"Ferry timetable changes for the winter months, from the port",
		"School meals to cost less from April, says the education board",
		"Storm warning for the coast this weekend as the winds pick up",
		"Harbour festival moves to August after the council's late vote",
		"Library opens on Sundays from next month, with longer hours",
		"Bus drivers to vote on the new pay offer before the holidays", "Tech",
		"Personal Technology: Review",
		"Riverton, Harbour Road, Ferry Port: So Many Ways to Get to Work…and Pay",
		"There are more buses, ferries and bikes to choose from than ever before. Here is "
		"how to pick.",
		"By", "Jane Doe", "Nov. 19, 2019 8:03 am ET"
	};
	struct page p;
	size_t i;
	char line[64];

	page_open(&p);
	for (i = 0; i < 40; i++) {
		snprintf(line, sizeof(line), "Section %zu news and views", i + 1);
		put(&p, line);
	}
	put_lines(&p, lines, COUNT(lines));
	page_close(&p);
	check_header(&p, "Riverton, Harbour Road, Ferry Port: So Many Ways to Get to Work…and Pay",
		     "Jane Doe");
}

/* A title that links to its own page, wrapped over two lines as lynx -width=80 prints
 * it ("[64]9to5Mac Gift Guide: What do you buy for the person who already has the" /
 * "latest technology?", 9to5mac.com, scrapinghub benchmark; here of the project's
 * writing), its author's link under it: the headline, without the link's number. */
static void test_reflow_linked_title(void)
{
	struct page p;
	size_t i;

	page_open(&p);
	put_wrapped_at(&p, "[64]Riverton Gift Guide: What do you buy for the neighbour who already "
		       "has every bus pass?", 0);
	put(&p, "");
	put(&p, "   [65]Jane Roe");
	put(&p, "");
	put(&p, "   - Nov. 18th 2019 12:12 pm PT");
	put(&p, "");
	for (i = 0; i < COUNT(prose_en); i++) {
		put_wrapped(&p, prose_en[i]);
		put(&p, "");
	}
	put(&p, "About us · Contact · Privacy policy · Terms of use");
	check_page(&p, "Riverton Gift Guide: What do you buy for the neighbour who already has "
		   "every bus pass?", 4);
}

/* A picture's name in brackets that reaches the width is a line of its own, not
 * wrapped onto the author's link under it (lynx -width=80 of gizmodo.com,
 * scrapinghub benchmark: "[34][gif;base64,R0lGOD...]" / "[35]Ed Cara" / "[36]Monday
 * 6:30PM" under the linked title; here of the project's writing): the title is the
 * headline and the name its byline. */
static void test_reflow_picture_name(void)
{
	struct page p;
	size_t i;

	page_open(&p);
	put(&p, "   [32]Transport");
	put(&p, "");
	put(&p, "[33]Council backs bus lanes for the harbour road");
	put(&p, "");
	put(&p, "   [34][gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==]");
	put(&p, "   [35]Jane Roe");
	put(&p, "   [36]Monday 6:30PM");
	put(&p, "");
	for (i = 0; i < COUNT(prose_en); i++) {
		put_wrapped(&p, prose_en[i]);
		put(&p, "");
	}
	put(&p, "About us · Contact · Privacy policy · Terms of use");
	check_header(&p, "Council backs bus lanes for the harbour road", "Jane Roe");
}

/* A rule across the page is no wrapped line: the label under it ("More Great WIRED
 * Stories", w3m at 80 columns of a WIRED story in the scrapinghub article-extraction
 * benchmark) stays a line of its own, where the closing-label rules see it. */
static void test_reflow_rule(void)
{
	struct page p;
	struct sahifa_article a;
	size_t i;
	long rule;
	int alone = 0;

	page_open(&p);
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "");
	for (i = 0; i < 4; i++) {
		put_wrapped(&p, prose_en[i]);
		put(&p, "");
	}
	rule = p.line + 1;
	put(&p, "━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━"
		"━━━");
	put(&p, "More Great WIRED Stories");
	put(&p, "");
	put(&p, "  • YouTubers must unionize, no matter what Google says");
	put(&p, "  • Could an astronaut lost in space use gravity to get around?");
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	for (i = 0; i < a.n_removed; i++)
		if (a.removed[i].line == rule + 1 &&
		    !strcmp(a.removed[i].text, "More Great WIRED Stories"))
			alone = 1;
	CHECK_INT("label alone", alone, 1);
	CHECK_INT("paragraphs", a.stats.paragraphs, 4);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* lynx sets a block's text in from both margins: the story's lines, indented three
 * columns, end by column 74, while the unindented title and deck above them reach 77
 * (lynx -dump -width=80 of a CBS Sports story in the scrapinghub article-extraction
 * benchmark).  A story line that ends at 64 with an 11-column word next is wrapped
 * there, not ended. */
static void test_reflow_indented(void)
{
	static const char wrapped[] =
		"Browns player on Mason Rudolph's role in fight with Myles Garrett: He asked\n"
		"for it\n"
		"\n"
		"One member of the Browns' defense didn't hold back on Monday when asked about\n"
		"Thursday night's fight\n"
		"\n"
		"   The [124]Steelers spent Monday [125]trying to distance themselves from\n"
		"   Thursday night's fight that led to multi-game suspensions for\n"
		"   [126]Browns pass rusher [127]Myles Garrett and Pittsburgh center\n"
		"   [128]Maurkice Pouncey. Cleveland DL [129]Larry Ogunjobi also received a\n"
		"   one-game suspension for shoving Pittsburgh quarterback [130]Mason\n"
		"   Rudolph to the ground, and both teams received $250,000 fines.\n"
		"\n"
		"   Browns DL [131]Sheldon Richardson, however, decided to [132]weigh in on\n"
		"   Thursday's fight on Monday, saying that Rudolph should be disciplined\n"
		"   by the league for his role in the fight. Rudolph and Garrett engaged in\n"
		"   a heated altercation before Garrett hit Rudolph in the head with\n"
		"   Rudolph's helmet.\n"
		"\n"
		"   While Richardson wants Rudolph to be disciplined, Steelers defensive\n"
		"   captain Cam Heyward, who openly lobbied for the league to suspend\n"
		"   Garrett on Thursday night, did not offer a response when asked about\n"
		"   the league's decision to suspend Garrett for the remainder of the\n"
		"   season. Heyward said that he is [136]more focused on helping the\n"
		"   Steelers right the ship after seeing their four-game winning streak\n"
		"   come to an end.\n";
	struct sahifa_article a;
	struct sahifa_error err;
	size_t i, j;
	long lead = 0;

	sahifa_article_init(&a);
	CHECK(sahifa_segment(defaults, wrapped, strlen(wrapped), &a, &err) == SAHIFA_OK);
	for (i = 0; i < a.n_sections; i++)
		for (j = 0; j < a.sections[i].n_paragraphs; j++)
			if (a.sections[i].paragraphs[j].line == 7)
				lead = a.sections[i].paragraphs[j].lines;
	CHECK_INT("lead spans", lead, 6);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
}

/* Han text as text browsers wrap it: w3m gives a Han character two of its 80
 * columns and lynx one, and neither puts a space where it breaks a line (the
 * readability test page gmw, rendered by w3m -cols 80).  Every paragraph is one
 * block from its indented first line on. */
static void test_reflow_wide(void)
{
	static const char wrapped[] =
		"\u3000\u3000然后是责任的问题。我们不允许汽车司机或飞机飞行员喝醉后驾驶，所以并不奇怪同\n"
		"样的规则适用于国际空间站上的宇航员。毕竟国际空间站的造价高达1500亿美元，而且在\n"
		"接近真空的太空中其运行速度达到了每小时27680公里。\n"
		"\n"
		"\u3000\u3000然而，2007年，美国宇航局(NASA)成立了一个负责调查宇航员健康状况的独立小组，\n"
		"称历史上该机构至少有两名宇航员在即将飞行前喝了大量的酒，但仍然被允许飞行。Nasa\n"
		"安全负责人随后的审查发现并没有证据支持这一指控。宇航员在飞行前12小时是严禁饮酒\n"
		"的，因为他们需要充分的思维能力和清醒的意识。\n"
		"\n"
		"\u3000\u3000出台这一规则的原因很清楚。在1985年UFAA开展的关于酒精在不同海拔高度影响的研\n"
		"究中，研究人员得出结论，酒精的影响与海拔高度无关。无论参与测试的人员在什么海拔\n"
		"高度喝酒，其酒精测量仪的读数都是一样的。他们的行为表现受到的影响也相同，但如果\n"
		"提供给测试人员的是安慰剂，则身处高空比身处海平面的行为表现要更差一些。这表明，\n"
		"无论是否摄入酒精，海拔高度可能对心理表现有轻微的影响。\n";
	struct sahifa_article a;
	struct sahifa_error err;
	size_t i, j, blocks = 0;

	sahifa_article_init(&a);
	CHECK(sahifa_segment(defaults, wrapped, strlen(wrapped), &a, &err) == SAHIFA_OK);
	CHECK_INT("headline spans", a.headline_lines, 3);
	for (i = 0; i < a.n_sections; i++) {
		CHECK(a.sections[i].heading == NULL);  /* no first line became a heading */
		for (j = 0; j < a.sections[i].n_paragraphs; j++, blocks++)
			CHECK_INT("paragraph starts", a.sections[i].paragraphs[j].line,
				  blocks ? 10 : 5);
	}
	CHECK_INT("paragraphs", (long)blocks, 2);
	/* a break between two Han characters is no space; one after Latin letters is */
	CHECK(a.headline && strstr(a.headline, "而且在接近真空"));
	CHECK(a.n_sections == 1 && a.sections[0].n_paragraphs == 2);
	if (a.n_sections == 1 && a.sections[0].n_paragraphs == 2) {
		CHECK(strstr(a.sections[0].paragraphs[0].text, "但仍然被允许飞行。Nasa 安全"));
		CHECK(strstr(a.sections[0].paragraphs[0].text, "严禁饮酒的，"));
		CHECK(strstr(a.sections[0].paragraphs[1].text, "不同海拔高度影响的研究中，"));
		CHECK(!strstr(a.sections[0].paragraphs[1].text, "如果 提供"));
	}
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
}

/* Columns of a Devanagari word as w3m counts them (bare: its nonspacing marks take
 * none) or as lynx does (every code point one); the marks of the text below. */
static size_t deva_width(const char *w, size_t n, int bare)
{
	size_t i = 0, cols = 0;

	while (i < n) {
		uint32_t c = (unsigned char)w[i];
		size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

		if (k == 3)
			c = (c & 0x0F) << 12 | ((unsigned char)w[i + 1] & 0x3F) << 6 |
			    ((unsigned char)w[i + 2] & 0x3F);
		cols += !(bare && (c == 0x901 || c == 0x902 || c == 0x93C || c == 0x941 ||
				   c == 0x942 || c == 0x947 || c == 0x948 || c == 0x94D));
		i += k;
	}
	return cols;
}

/* Three Hindi paragraphs (of the project's own writing) wrapped at 80 columns, the way
 * w3m counts them (vowel signs that are marks take no column: lines of up to 94 code
 * points) and the way lynx does: both are joined back into three paragraphs. */
static void test_reflow_marks(void)
{
	static const char *const paras[] = {
		"नगर परिषद ने सोमवार को बंदरगाह की सड़क पर बसों के लिए नई लेन बनाने का फ़ैसला "
		"किया है। परिषद के सदस्यों ने कहा कि इससे सुबह और शाम के समय यातायात में कमी "
		"आएगी और दुकानदारों को भी फ़ायदा होगा। शहर के मेयर ने बताया कि काम अगले महीने "
		"शुरू होगा और गर्मियों से पहले पूरा कर लिया जाएगा।",
		"दुकानदारों के एक समूह ने इस योजना का विरोध किया है। उनका कहना है कि सड़क के "
		"किनारे गाड़ियाँ खड़ी करने की जगह कम हो जाएगी और ग्राहक दूसरे बाज़ारों में चले "
		"जाएँगे। परिषद ने वादा किया है कि पुस्तकालय के पीछे एक नया पार्किंग गैराज बनाया "
		"जाएगा जिसमें तीन सौ गाड़ियों की जगह होगी।",
		"परिवहन विभाग के अधिकारियों ने बताया कि नई लेन पर केवल बसें और आपातकालीन "
		"गाड़ियाँ चल सकेंगी। नियम तोड़ने वालों पर जुर्माना लगाया जाएगा और सड़क पर कैमरे "
		"लगाए जाएँगे। विभाग का अनुमान है कि बसों का सफ़र दस मिनट तक छोटा हो जाएगा और "
		"ज़्यादा लोग अपनी कार छोड़कर बस से आएँगे।",
	};
	int bare;

	for (bare = 0; bare < 2; bare++) {
		char text[8192];
		size_t n = 0, i, j, blocks = 0;
		struct sahifa_article a;
		struct sahifa_error err;

		n += (size_t)snprintf(text, sizeof(text), "बंदरगाह की सड़क पर बसों के लिए नई लेन\n\n");
		for (i = 0; i < sizeof(paras) / sizeof(paras[0]); i++) {
			const char *w = paras[i];
			size_t col = 0;

			while (*w) {  /* greedy, at spaces, 80 columns */
				size_t len = strcspn(w, " "), cw = deva_width(w, len, bare);

				if (col && col + 1 + cw > 80) {
					text[n++] = '\n';
					col = 0;
				} else if (col) {
					text[n++] = ' ';
					col++;
				}
				memcpy(text + n, w, len);
				n += len;
				col += cw;
				w += len;
				while (*w == ' ')
					w++;
			}
			text[n++] = '\n';
			text[n++] = '\n';
		}
		sahifa_article_init(&a);
		CHECK(sahifa_segment(defaults, text, n, &a, &err) == SAHIFA_OK);
		for (i = 0; i < a.n_sections; i++) {
			CHECK(a.sections[i].heading == NULL);  /* no wrapped fragment a heading */
			for (j = 0; j < a.sections[i].n_paragraphs; j++, blocks++)
				CHECK(blocks >= 3 || !strcmp(a.sections[i].paragraphs[j].text,
							      paras[blocks]));
		}
		CHECK_INT(bare ? "paragraphs, w3m's wrap" : "paragraphs, lynx's wrap",
			  (long)blocks, 3);
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
	}
}

/* A page that prints its story twice (a hidden copy after the visible one): the
 * second copy is removed as outside text; a short question that recurs in an
 * interview stays (the lines are of the project's own writing). */
static void test_repeats(void)
{
	struct page p;
	struct sahifa_article a;
	const struct sahifa_removed *r;
	long at = 0, unused = 0, copy, again;
	size_t i;
	static const char question[] = "What did the council promise the shop owners on the "
				       "harbour road?";

	build(&p, 0, "Council backs bus lanes for the harbour road", NULL, question, &unused,
	      &at);
	/* the question again with its answer, then the story again */
	again = p.line + 1;
	put(&p, question);
	put(&p, "");
	put(&p, "A parking garage behind the library, which the mayor said would open before "
		"the lanes do, and a year of free evening parking for their customers.");
	put(&p, "");
	copy = p.line + 1;
	for (i = 0; i < 4; i++)
		put(&p, prose_en[i]), put(&p, "");
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	for (i = 0; i < 4; i++) {
		r = removed_at(&a, copy + 2 * (long)i);
		CHECK_STR("copy", r ? sahifa_reason_name(r->reason) : NULL, "outside");
		CHECK_STR("copy detail", r ? r->detail : NULL,
			  "a second copy of text the article already holds");
	}
	CHECK(removed_at(&a, at) == NULL);
	r = removed_at(&a, again);
	CHECK_STR("again", r ? r->detail : NULL, NULL);  /* the question asked again */
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* Readers' comments after the story, each a name, a time stamp and the text (the
 * stamp lines are as WordPress prints them, e.g. on copyblogger.com; names and
 * texts are of the project's own writing): the article ends before the first. */
static void test_stamps_page(int teasers);

static void test_stamps(void)
{
	test_stamps_page(0);
	test_stamps_page(1);
	test_stamps_page(2);
	test_stamps_page(3);
}

/* The same with a list of teasers after the story, each its title, a label and the
 * title again, then a lead (the shape of digg.com's lists; titles and leads of the
 * project's own writing), or under a closing label ("We Recommend", as on
 * smithsonianmag.com): related links. */
static void test_stamps_page(int teasers)
{
	struct page p;
	struct sahifa_article a;
	const struct sahifa_removed *r;
	long unused = 0, first, lead = 0;
	static const char *const entries[][3] = {
		{ "Mary Lane", "August 8, 2018 at 3:17 pm",
		  "We have waited for these lanes for ten years, and I will take the bus to work "
		  "the day they open." },
		{ "Tom Fisher", "August 8, 2018 at 7:21 pm",
		  "Forty parking spaces is a lot to lose for the bakery and the hardware shop, "
		  "and nobody asked them." },
		{ "Ann Brook", "August 10, 2018 at 9:40 am",
		  "The ferry terminal needs the lanes more than the library does, so I am glad "
		  "the work starts there." },
	};
	static const char *const teaser[][2] = {
		{ "Storm Closes The Ferry For A Second Day", "WEATHER" },
		{ "The Library Will Open On Sundays From May", "CITY LIFE" },
		{ "Harbour Festival Moves To The Last Week Of August", "EVENTS" },
	};
	size_t i;

	/* the skeleton's menu, headline and prose, the entries, its footer */
	build(&p, 0, "Council backs bus lanes for the harbour road", NULL, NULL, &unused,
	      &unused);
	{
		const char *end = strstr(p.b.data, "Most read");
		size_t keep = end ? (size_t)(end - p.b.data) : p.b.len, k;

		for (p.line = 0, k = 0; k < keep; k++)
			p.line += p.b.data[k] == '\n';
		p.b.len = keep;
		p.b.data[keep] = 0;
	}
	first = p.line + 1;
	if (teasers == 2) {
		/* a closing label and the links under it */
		put(&p, "We Recommend");
		put(&p, "");
		put(&p, teaser[0][0]);
		put(&p, "");
		put(&p, "The walkers had gone out to the rocks at low water and were caught by the "
			"rising tide near the lighthouse, where the crew found them on a ledge.");
		put(&p, "");
		for (i = 1; i < COUNT(teaser); i++) {
			put(&p, teaser[i][0]);
			put(&p, "");
		}
	}
	if (teasers == 3) {
		/* the closing labels of a magazine's page, then teasers with their leads,
		 * more prose than a fifth of the story (smithsonianmag.com, scrapinghub
		 * article-extraction benchmark, w3m) */
		static const char *const labels[] = { "Like this article?", "Previous Article",
						      "Next Article", "We Recommend" };

		for (i = 0; i < COUNT(labels); i++) {
			put(&p, labels[i]);
			put(&p, "");
		}
		for (i = 0; i < COUNT(teaser); i++) {
			put(&p, teaser[i][0]);
			put(&p, "");
			if (!lead)
				lead = p.line + 1;
			put(&p, "The walkers were caught by the rising tide near the lighthouse, "
				"where the lifeboat's crew found them on a ledge.");
			put(&p, "");
		}
	}
	for (i = 0; i < COUNT(entries) && teasers < 2; i++) {
		put(&p, teasers ? teaser[i][0] : entries[i][0]);
		put(&p, teasers ? teaser[i][1] : entries[i][1]);
		if (teasers)
			put(&p, teaser[i][0]);
		put(&p, "");
		put(&p, entries[i][2]);
		put(&p, "");
	}
	put(&p, "About us · Contact · Privacy policy · Terms of use");
	put(&p, "© 2025 Riverton Daily. All rights reserved.");
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_INT("paragraphs", a.stats.paragraphs, 4);
	r = removed_at(&a, first);
	CHECK_STR("name", r ? sahifa_reason_name(r->reason) : NULL,
		  teasers ? "related" : "comment");
	r = removed_at(&a, lead ? lead : first + (teasers == 2 ? 2 : 3 + teasers));
	CHECK_STR("comment", r ? sahifa_reason_name(r->reason) : NULL,
		  teasers ? "related" : "comment");
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A clean one-article file with short lines of verse in it is not a page: nothing is
 * removed, no line is joined (the lines are of the project's own writing, shaped like
 * the poem columns of SaudiNewsNet). */
/* A short page as lynx prints it: few numbered links in the text, and the list of their
 * addresses under "References" (the shape of the TechCrunch page of the scrapinghub
 * article-extraction benchmark): read as a page, so that the title is the headline and
 * the addresses are removed, not paragraphs. */
static void test_lynx_references(void)
{
	struct sahifa_buf b;
	struct sahifa_article a;
	struct sahifa_error err;
	const struct sahifa_removed *r;
	char line[128];
	size_t i;
	long refs;

	sahifa_buf_init(&b, 0);
	sahifa_buf_append_str(&b, "   #[1]Riverton Daily » Feed [2]Riverton Daily » Comments Feed\n\n"
				  "Council backs bus lanes for the harbour road\n\n"
				  "   [3]Jane Doe [4]@janedoe / 2 days\n\n");
	for (i = 0; i < 4; i++) {
		sahifa_buf_append_str(&b, "   ");
		if (i == 1)
			sahifa_buf_append_str(&b, "[5]");
		sahifa_buf_append_str(&b, prose_en[i]);
		sahifa_buf_append_str(&b, "\n\n");
	}
	sahifa_buf_append_str(&b, "References\n\n");
	refs = 17;  /* the first address: 3 lines of head, 4 paragraphs, the label */
	for (i = 1; i <= 12; i++) {
		snprintf(line, sizeof(line), "  %2zu. https://riverton.example/2019/11/18/story-%zu/\n",
			 i, i);
		sahifa_buf_append_str(&b, line);
	}
	sahifa_article_init(&a);
	CHECK(sahifa_segment(defaults, b.data, b.len, &a, &err) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Council backs bus lanes for the harbour road");
	CHECK_INT("paragraphs", a.stats.paragraphs, 4);
	r = removed_at(&a, refs);
	CHECK_STR("reference", r ? sahifa_reason_name(r->reason) : NULL, "link_list");
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&b);
}

/* The text at line of the record's body, or NULL. */
static const char *body_at(const struct sahifa_article *a, long line)
{
	size_t i, j;

	for (i = 0; i < a->n_sections; i++)
		for (j = 0; j < a->sections[i].n_paragraphs; j++)
			if (a->sections[i].paragraphs[j].line == line)
				return a->sections[i].paragraphs[j].text;
	return NULL;
}

/* A page as python3-html2text prints it (Markdown, unwrapped): the menu's links and
 * the list of teasers are link text by the letters inside their brackets (the
 * addresses count for nothing), the picture alone is a placeholder, a paragraph with
 * a link in it and one in emphasis are prose kept as printed, and the "#" heading is
 * the headline without its mark. */
static void test_markdown_page(void)
{
	static const char *const menu[] = { "News", "Sport", "Business", "Culture", "Weather",
					    "Opinion", "Travel", "Science" };
	static const char *const teasers[] = {
		"* [Storm warning for the coast this weekend](https://riverton.example/2025/storm-warning-coast/)",
		"* [School meals to cost less from April](https://riverton.example/2025/school-meals-april/)",
		"* [Harbour festival moves to August](https://riverton.example/2025/harbour-festival-august/)",
	};
	static const char linked[] = "Supporters said the lanes would cut the morning commute "
				     "from the [northern suburbs](https://riverton.example/suburbs/) "
				     "by a quarter, and that the money would come from a transport "
				     "grant that the city would otherwise lose at the end of the year.";
	struct page p;
	struct sahifa_article a;
	const struct sahifa_removed *r;
	char line[160];
	long menu_line, image_line, linked_line, em_line, teaser_line;
	size_t i;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put(&p, "[Skip to main content](#main)");
	put(&p, "");
	menu_line = p.line + 1;
	for (i = 0; i < COUNT(menu); i++) {
		snprintf(line, sizeof(line), "  * [%s](https://riverton.example/%s/)", menu[i], menu[i]);
		put(&p, line);
	}
	put(&p, "");
	put(&p, "# Council backs bus lanes for the harbour road");
	put(&p, "");
	image_line = p.line + 1;
	put(&p, "[![Buses on the harbour road](https://riverton.example/img/harbour-road-buses.jpg)](https://riverton.example/gallery/)");
	put(&p, "");
	put(&p, prose_en[0]);
	put(&p, "");
	linked_line = p.line + 1;
	put(&p, linked);
	put(&p, "");
	put(&p, prose_en[2]);
	put(&p, "");
	em_line = p.line + 1;
	snprintf(line, sizeof(line), "_%s_", "The council will hold two more public meetings.");
	put(&p, line);
	put(&p, "");
	put(&p, prose_en[3]);
	put(&p, "");
	put(&p, "## Most read");
	put(&p, "");
	teaser_line = p.line + 1;
	put_lines(&p, teasers, COUNT(teasers));
	put(&p, "");
	put(&p, "[About us](/about/) · [Contact](/contact/) · [Privacy policy](/privacy/)");
	put(&p, "© 2025 Riverton Daily. All rights reserved.");
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Council backs bus lanes for the harbour road");
	r = removed_at(&a, menu_line);
	CHECK_STR("menu", r ? sahifa_reason_name(r->reason) : NULL, "link_list");
	r = removed_at(&a, image_line);
	CHECK_STR("picture", r ? sahifa_reason_name(r->reason) : NULL, "short_block");
	CHECK_STR("linked paragraph", body_at(&a, linked_line), linked);
	CHECK_STR("emphasis", body_at(&a, em_line), "_The council will hold two more public meetings._");
	r = removed_at(&a, teaser_line);
	CHECK_STR("teasers", r ? sahifa_reason_name(r->reason) : NULL, "link_list");
	CHECK_INT("paragraphs", a.stats.paragraphs, 5);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* Text set as html2text (Debian's) sets it: no indent, no blank line between blocks,
 * each line as many words as fit in 79 columns. */
static void put_html2text(struct page *p, const char *text)
{
	char line[96];
	size_t n = 0;
	const char *w = text;

	while (*w) {
		const char *e = strchr(w, ' ');
		size_t len = e ? (size_t)(e - w) : strlen(w);

		if (n && n + 1 + len > 79) {
			line[n] = 0;
			put(p, line);
			n = 0;
		}
		if (n)
			line[n++] = ' ';
		memcpy(line + n, w, len);
		n += len;
		w += len + (e != NULL);
	}
	if (n) {
		line[n] = 0;
		put(p, line);
	}
}

/* html2text prints the top heading between six stars, and a link's text underlined,
 * its spaces made '_' ("****** Doobie Brothers to reunite with Michael McDonald for
 * Blossom show ******", then "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM" and "By
 * Troy_L._Smith,_Cleveland.com", cleveland.com, scrapinghub benchmark): the heading
 * fills the width but is a line of its own, the headline without its stars, and the
 * byline's names have their spaces. */
static void html2text_page(const char *const *heading, size_t lines, const char *want)
{
	static const char *const menu[] = { "    * News", "    * Sport", "    * Business",
					    "    * Culture", "    * Weather", "    * Opinion",
					    "    * Travel", "    * Science" };
	struct page p;
	size_t i;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put(&p, "Skip_to_main_content");
	put_lines(&p, menu, COUNT(menu));
	for (i = 0; i < lines; i++)
		put(&p, heading[i]);
	put(&p, "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM");
	put(&p, "By Jane_Q._Doe,_Riverton_Daily");
	for (i = 0; i < 4; i++)
		put_html2text(&p, prose_en[i]);
	put(&p, "***** Most read *****");
	put(&p, "    * Storm_warning_for_the_coast_this_weekend");
	put(&p, "    * School_meals_to_cost_less_from_April");
	put(&p, "    * Harbour_festival_moves_to_August");
	put(&p, "About_us | Contact | Privacy_policy | Terms_of_use");
	put(&p, "(c) 2025 Riverton Daily. All rights reserved.");
	check_header(&p, want, "By Jane Q. Doe, Riverton Daily");
}

/* The heading fills the width; wrapped, it ends with a full stop and holds two
 * sentences, and its stars still say it is a heading (barrons.com's "Home Depot Stock
 * Is Falling After Its Earnings Release. Why You Shouldn't" / "Worry."). */
/* A Markdown page's top heading, wrapped, under its byline and right over the story
 * (a company's blog by python3-html2text, scrapinghub benchmark: "Von [ Moritz
 * Bachmann](...)" / "publiziert am 25. September 2018" / "# Die elektronische
 * Patientenakte (ePA) – der lange Marsch ins Digitale" / "Gesundheitswesen"): the
 * headline, though it opens the run of text with no author line under it (its share
 * buttons, pictures, are no text between). */
static void test_markdown_top_heading(void)
{
	struct page p;
	char line[160];
	size_t i;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put(&p, "[ ![Riverton Daily](//riverton.example/logo.png) ](https://riverton.example)");
	put(&p, "");
	for (i = 0; i < 14; i++) {
		snprintf(line, sizeof(line), "  * [Topic %zu](https://riverton.example/topic/%zu)", i, i);
		put(&p, line);
	}
	put(&p, "");
	put(&p, "[Back to the overview](https://riverton.example/blog)");
	put(&p, "");
	put(&p, "By [ Jane Doe](https://riverton.example/author/jane-doe)");
	put(&p, "published on 25 September 2025");
	put(&p, "");
	put_wrapped_at(&p, "# Council backs bus lanes for the harbour road after a debate that "
			   "ran past midnight", 0);
	put(&p, "");
	put(&p, "[ ![Twitter](//riverton.example/icons/twitter.svg)");
	put(&p, "](https://twitter.com/home?status=https://riverton.example/council-backs-bus-lanes) [");
	put(&p, "![Facebook](//riverton.example/icons/facebook.svg)");
	put(&p, "](https://www.facebook.com/sharer/sharer.php?u=https://riverton.example/bus-lanes)");
	put(&p, "");
	for (i = 0; i < 4; i++) {
		put_wrapped_at(&p, prose_en[i], 0);
		put(&p, "");
	}
	put(&p, "[About us](/about/) · [Contact](/contact/) · [Privacy policy](/privacy/)");
	put(&p, "© 2025 Riverton Daily. All rights reserved.");
	check_page(&p,
		   "Council backs bus lanes for the harbour road after a debate that ran past midnight",
		   4);
}

static void test_html2text_heading(void)
{
	static const char *const one[] = {
		"****** Council backs new bus lanes for the harbour road after long night ******"
	};
	static const char *const wrapped[] = {
		"****** Council backs new bus lanes for the harbour road. Why the pier still",
		"waits. ******"
	};

	html2text_page(one, COUNT(one),
		       "Council backs new bus lanes for the harbour road after long night");
	/* a title that links to its own page is underlined too (a Persian news agency,
	 * htmldate eval; a theatre's news, scrapinghub benchmark): its spaces come back,
	 * the '_' at its end goes */
	static const char *const linked[] = {
		"****** Council_backs_new_bus_lanes_for_the_harbour_road_after_long_night_ ******"
	};

	html2text_page(wrapped, COUNT(wrapped),
		       "Council backs new bus lanes for the harbour road. Why the pier still waits.");
	html2text_page(linked, COUNT(linked),
		       "Council backs new bus lanes for the harbour road after long night");
}

/* A title in title case may hold two sentences and end with a full stop ("Home Depot
 * Stock Is Falling After Its Earnings Release. Why You Shouldn't Worry.", barrons.com
 * by w3m and lynx, scrapinghub benchmark); a line of prose in sentence case so is no
 * title. */
static void test_title_case_sentences(void)
{
	struct page p;
	struct sahifa_article a;
	long under = 0;

	build(&p, 0, "Harbour Road Gets Its Bus Lanes. Why Drivers Shouldn't Worry.",
	      "By Jane Doe", NULL, &under, NULL);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline,
		  "Harbour Road Gets Its Bus Lanes. Why Drivers Shouldn't Worry.");
	CHECK_STR("byline", a.byline, "By Jane Doe");
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
	build(&p, 0, "The harbour road gets its bus lanes. Drivers should not worry.",
	      "By Jane Doe", NULL, &under, NULL);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK(a.headline == NULL ||
	      strcmp(a.headline, "The harbour road gets its bus lanes. Drivers should not worry."));
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
	/* the stops of a quotation end the quoted words, not the title (the Argus
	 * Leader, scrapinghub benchmark: "South Dakota says, 'Meth. We're On It,' and
	 * Twitter asks, Are you guys OK?") */
	{
		static const char *const quoted[] = {
			"Riverton says, 'Buses. We're On It,' and drivers ask, Are you sure?",
			"Mayor: \"Buses first. Cars later,\" and the shops ask, What about us?",
			"Mayor says \u201cBuses first. Cars later\u201d as the shops ask, What now?",
		};
		size_t i;

		for (i = 0; i < COUNT(quoted); i++) {
			build(&p, 0, quoted[i], "By Jane Doe", NULL, &under, NULL);
			CHECK(segment_page(&p, &a) == SAHIFA_OK);
			CHECK_STR("headline", a.headline, quoted[i]);
			sahifa_article_release(&a);
			sahifa_buf_release(&p.b);
		}
	}
}

/* A page as a DOM's innerText gives it: the menus' items are bare lines with no
 * bullet or link mark, and a run of eight or more such short lines is a menu.  Under
 * the story, such a menu ends it: the site's notice in prose after it stays outside
 * (the market data notice under a story of a business site of the scrapinghub
 * article-extraction benchmark), where short lines between would let the story's
 * run of text go on over them. */
static void test_dom_menu(void)
{
	static const char *const menu[] = { "Home", "World", "Politics", "Business", "Tech",
					    "Science", "Health", "Sports", "Travel", "Video" };
	static const char *const under[] = { "Markets", "Premarkets", "Dow 30", "After-Hours",
					     "Economy", "Energy", "Gadget", "Upstarts", "Homes" };
	static const char notice[] = "Most stock quote data provided by the exchanges. Market "
				     "indices are shown in real time, except for the index of "
				     "the harbour towns, which is updated every two minutes. All "
				     "times are local. Factual data is provided by our partners "
				     "and may be delayed by a quarter of an hour.";
	struct page p;
	struct sahifa_article a;
	const struct sahifa_removed *r;
	long menu_line, under_line, notice_line;
	char line[64];
	size_t i;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put(&p, "Riverton Daily");
	menu_line = p.line + 1;
	for (i = 0; i < 64; i++) {  /* a site's menu is long: a page's many short lines */
		snprintf(line, sizeof(line), "%s %zu", menu[i % COUNT(menu)], i / COUNT(menu) + 1);
		put(&p, line);
	}
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "By Jane Doe");
	for (i = 0; i < 4; i++) {
		put(&p, prose_en[i]);
		put(&p, "");
	}
	under_line = p.line + 1;
	for (i = 0; i < 2 * COUNT(under); i++)
		put(&p, under[i % COUNT(under)]);
	notice_line = p.line + 1;
	put(&p, notice);
	put(&p, "About us");
	put(&p, "Contact");
	put(&p, "© 2025 Riverton Daily. All rights reserved.");
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Council backs bus lanes for the harbour road");
	r = removed_at(&a, menu_line + 2);
	CHECK_STR("menu", r ? sahifa_reason_name(r->reason) : NULL, "menu");
	for (i = 0; i < 2 * COUNT(under); i++) {
		r = removed_at(&a, under_line + (long)i);
		CHECK_STR("menu under", r ? sahifa_reason_name(r->reason) : NULL, "menu");
	}
	r = removed_at(&a, notice_line);
	CHECK_STR("notice", r ? sahifa_reason_name(r->reason) : NULL, "outside");
	CHECK_INT("paragraphs", a.stats.paragraphs, 4);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A short page as a DOM's innerText gives it, with no bullet or link number anywhere
 * (a news site's story page of the newspaper4k fixtures): the run of bare menu items
 * alone makes it a whole page, so that the menu is removed and the headline under it
 * found. */
static void test_dom_short_page(void)
{
	static const char *const menu[] = { "Home", "World", "Politics", "Business", "Tech",
					    "Science", "Health", "Sports", "Travel", "Video" };
	struct page p;
	struct sahifa_article a;
	const struct sahifa_removed *r;
	long menu_line;
	size_t i;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put(&p, "Riverton Daily");
	menu_line = p.line + 1;
	put_lines(&p, menu, COUNT(menu));
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "Tuesday 18 November 2025");
	put(&p, "");
	for (i = 0; i < 4; i++) {
		put(&p, prose_en[i]);
		put(&p, "");
	}
	put(&p, "About us");
	put(&p, "Contact");
	put(&p, "Privacy policy");
	put(&p, "© 2025 Riverton Daily. All rights reserved.");
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Council backs bus lanes for the harbour road");
	for (i = 0; i < COUNT(menu); i++) {  /* ("Home" is a chrome rule's) */
		r = removed_at(&a, menu_line + (long)i);
		CHECK(r && (r->reason == SAHIFA_REASON_MENU || r->reason == SAHIFA_REASON_CHROME));
	}
	CHECK_INT("paragraphs", a.stats.paragraphs, 4);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A DOM's menu with a lone number among the page's lines, the count of comments under
 * the byline ("0", a technology site's story page of the scrapinghub benchmark): the
 * one item does not hide the menu, and the page is read as one. */
static void test_dom_menu_count(void)
{
	static const char *const menu[] = { "EXPLORE", "Tech", "Cars", "Gaming", "Entertainment",
					    "Science", "FEATURES", "Reviews", "Columns", "Twitter",
					    "Facebook", "Youtube", "RSS", "Search" };
	struct page p;
	size_t i;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put_lines(&p, menu, COUNT(menu));
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "Jane Doe - Nov 19, 2025, 10:31 pm CST");
	put(&p, "0");
	put(&p, "");
	for (i = 0; i < 4; i++) {
		put(&p, prose_en[i]);
		put(&p, "");
	}
	put(&p, "About us");
	put(&p, "Contact");
	put(&p, "© 2025 Riverton Daily. All rights reserved.");
	check_page(&p, "Council backs bus lanes for the harbour road", 4);
}

/* A DOM's menus of longer items, a few bare ones among them ("Weather in Armenia",
 * "Foreign Policy & Diaspora", then "Home", "All news", "World", a news agency's story
 * page of the scrapinghub benchmark): a run of twenty short lines with bare items in it
 * is a page's, however few lines the page has. */
static void test_dom_long_items(void)
{
	static const char *const menu[] = {
		"Information:", "Weather in the valley", "Exchange rates", "RSS feeds:",
		"RSS (headlines)", "RSS (articles)", "RSS (interviews)", "More RSS feeds",
		"Photo service:", "RSS (photo wire)", "RSS (photo blog)", "Home", "All news",
		"World", "Politics", "Society", "Foreign Policy & Diaspora", "Economy and trade",
		"Culture and arts", "more...", "Overview    News    Articles" };
	struct page p;
	size_t i;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put_lines(&p, menu, COUNT(menu));
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "November 20, 2025 - 11:28");
	put(&p, "");
	for (i = 0; i < 4; i++) {
		put(&p, prose_en[i]);
		put(&p, "");
	}
	put(&p, "© 2025 Riverton Daily. All rights reserved.");
	check_page(&p, "Council backs bus lanes for the harbour road", 4);
}

/* A list of teasers, each item a bullet over the story's picture over its title, as
 * w3m prints msn.com's (a page of the scrapinghub benchmark): its last item, right over
 * the story's own title, is a teaser however much the body echoes it, and so are the
 * items set between the byline and the story. */
static void test_marked_teasers(void)
{
	static const char *const teasers[] = {
		"Options narrow for the last campus protesters in the old town",
		"Ferry operator is offering free tickets on the first Monday of March",
		"Aides bring the inquiry directly into the governor's office",
		"Why shops on the harbour road fear for their trade",
	};
	struct page p;
	size_t i;

	page_open(&p);
	for (i = 0; i < COUNT(teasers); i++) {
		put(&p, "  \u2022  ");
		put(&p, "    [e151e5]");
		put(&p, teasers[i]);
	}
	put(&p, "");
	put(&p, "Riverton Daily");
	put(&p, "");
	put(&p, "Council says yes, after all");
	put(&p, "");
	put(&p, "By Jane Doe, Riverton Daily");
	put(&p, "1 day ago");
	put(&p, "");
	put(&p, "[e151e5]");
	put(&p, "School meals to cost less from April in every district");
	put(&p, "");
	page_close(&p);
	check_page(&p, "Council says yes, after all", -1);
}

/* A video player between the story's header and its text, with its title under the
 * player's labels and again under the player, as w3m prints cnn.com's (a page of the
 * scrapinghub benchmark): the body echoes the video's title more than the story's, but
 * the headline is the story's own title, the one with its author and date under it. */
static void test_video_title(void)
{
	static const char *const videos[] = {
		"Ferry operator cuts the price of a return ticket to the islands",
		"Library to open on Sundays from the first week of March",
		"Storm warning for the coast this weekend, and what to expect",
		"School meals to cost less from April in every district",
		"Harbour festival moves to August after the council vote",
	};
	static const char *const player[] = {
		"  JUST WATCHED", "", "    Council votes for bus lanes on the harbour road", "",
		"Replay", "More Videos ...", "", "MUST WATCH", "",
		"Council votes for bus lanes on the harbour road", "",
	};
	struct page p;
	size_t i;

	page_open(&p);
	put(&p, "Traffic in the valley is worse than residents think");
	put(&p, "");
	put(&p, "By Jane Doe");
	put(&p, "November 19, 2025");
	put(&p, "");
	put_lines(&p, player, COUNT(player));
	for (i = 0; i < COUNT(videos); i++) {
		put(&p, videos[i]);
		put(&p, "");
	}
	page_close(&p);
	check_page(&p, "Traffic in the valley is worse than residents think", -1);
}

/* The player's title printed twice, the first copy with the label "Video" glued on,
 * its lead opening the run of prose (foxnews.com by w3m, scrapinghub benchmark): the
 * body echoes the video's title wholly, but the headline is the story's, the one with
 * its author's line under it. */
static void test_video_glued(void)
{
	struct page p;

	page_open(&p);
	put(&p, "Traffic in the valley is worse than residents think, survey finds");
	put(&p, "");
	put(&p, "By Jane Doe | Riverton Daily");
	put(&p, "");
	put(&p, " close");
	put(&p, "Council votes for bus lanes on the harbour roadVideo");
	put(&p, "");
	put(&p, "Council votes for bus lanes on the harbour road");
	put(&p, "");
	page_close(&p);
	check_page(&p, "Traffic in the valley is worse than residents think, survey finds", -1);
}

/* A show's name over the story's date and title, the author's line under the title
 * (foxnews.com by w3m, scrapinghub benchmark: "Dancing With the Stars" / "Published 22
 * hours ago" / the title / "By Andy Sahadeo | Fox News"): the body echoes the short
 * name wholly, but it is the title's kicker, not the headline. */
static void test_kicker_over_title(void)
{
	static const char title[] = "Ferry workers cheer as the council backs the harbour "
				    "road plan";
	struct page p;

	page_open(&p);
	put(&p, "Harbour Road Tram Plans");
	put(&p, "Published 22 hours ago");
	put(&p, "");
	put(&p, title);
	put(&p, "");
	put(&p, "By Jane Doe | Riverton Daily");
	put(&p, "");
	put(&p, "The harbour road will get bus lanes, the council decided; the bus lanes on the "
		"harbour road cost four million dollars.");
	put(&p, "");
	page_close(&p);
	check_page(&p, title, -1);
}

/* A long title that opens the run of prose, printed again over the deck with the lead
 * picture's place between, two bullets and the picture's place name (lainformacion.com
 * by w3m, htmldate eval): the title is the headline, not the story's first paragraph. */
static void test_title_copy_near(void)
{
	static const char title[] = "Opponents and supporters of the bus lanes end a week of "
				    "tension with marches along the harbour road";
	static const char *const between[] = { "", "  \u2022  ", "  \u2022  ", "",
					       "Riverton (the valley)", "" };
	struct page p;

	page_open(&p);
	put(&p, title);
	put_lines(&p, between, COUNT(between));
	put(&p, title);
	put(&p, "");
	page_close(&p);
	check_page(&p, title, 4);
}

/* A consent banner, its link and the site's logo over a page's title (Gannett's sites
 * by python3-html2text, html2text and as a DOM's text, scrapinghub benchmark): a page,
 * however few links it has, and its headline is the title under them, not the banner.
 * As Markdown and html2text print them, the title is the top heading; in a DOM's text,
 * it is the line over the byline and date, or the line under a section's name. */
static void test_chrome_over_title(void)
{
	static const char *const top[] = {
		"### Welcome to RIVERTON DAILY'S EUROPEAN UNION EXPERIENCE", "",
		"[Learn More](/EU-learn-more/)", "",
		"[![](https://cdn.riverton.example/logos-and-branding/logo-compact.svg)](/)", "",
		"#  Council backs bus lanes for the harbour road ", "",
		"Jane Doe  RIVERTON DAILY ", "", "Published 7:07 PM EST Nov 19, 2025 ", "",
	};
	/* the same header as html2text (Debian's) prints it, the logo's address wrapped */
	static const char *const starred[] = {
		"**** Welcome to RIVERTON DAILY'S EUROPEAN UNION EXPERIENCE ****",
		"Learn_More",
		"[https://cdn.riverton.example/riverton-web/properties/riverton/logos-and-branding/",
		"logo-compact.svg]",
		"****** Council backs bus lanes for the harbour road ******",
		" Jane Doe   RIVERTON DAILY", "Published 7:07 PM EST Nov 19, 2025", "",
	};
	/* and as a DOM's text, with no markup at all */
	static const char *const dom[] = {
		"Welcome to RIVERTON DAILY'S EUROPEAN UNION EXPERIENCE", "Learn More",
		"Council backs bus lanes for the harbour road",
		"Jane Doe and Sam Carter RIVERTON DAILY", "Published 7:07 PM EST Nov 19, 2025", "",
	};
	/* the same with a title longer than the chrome and a name alone over the date */
	static const char *const dom_long[] = {
		"Welcome to RIVERTON DAILY'S EUROPEAN UNION EXPERIENCE", "Learn More",
		"Council backs new bus lanes for the harbour road after a long night",
		"Sam Carter Riverton Today", "Published 2:16 AM EST Nov 20, 2025", "",
	};
	/* a section's name over the title, the date and byline further down the block
	 * (nbcnews.com as a DOM's text) */
	static const char *const kicker[] = {
		"U.S. news", "Council backs new bus lanes for the harbour road after long night",
		"The vote ran past midnight after a long debate. Work starts in March.",
		"Breaking News Emails", "SUBSCRIBE", "Nov. 19, 2025, 8:41 AM UTC", "By Jane Doe", "",
	};
	const char *const *head[] = { top, starred, dom, kicker, dom_long };
	const size_t heads[] = { COUNT(top), COUNT(starred), COUNT(dom), COUNT(kicker),
				 COUNT(dom_long) };
	static const char *const more[] = {
		"The ferry company said it would run an extra boat on Saturdays.",
		"The library will open on Sundays from the first week of March.",
		"The school board meets again on Thursday to set next year's fees.",
		"The harbour festival moves to August after the council vote.",
		"The mayor said the city would publish the full plan next week.",
		"Residents can send their views to the council until the end of January.",
		"The transport grant runs out at the end of the year.",
		"Shop owners plan a meeting of their own on Monday evening.",
		"Two more public meetings will follow in the spring.",
		"The first section should be finished by the summer holidays.",
		"Buses will run on the old route while the work goes on.",
		"Cyclists may use the new lanes outside the morning and evening peaks.",
	};
	struct page p;
	size_t i, k;

	for (k = 0; k < COUNT(head); k++) {
		sahifa_buf_init(&p.b, 0);
		p.line = 0;
		for (i = 0; i < heads[k]; i++)
			put(&p, head[k][i]);
		for (i = 0; i < 4; i++) {
			if (k == 1)
				put_html2text(&p, prose_en[i]);
			else
				put(&p, prose_en[i]);
			put(&p, "");
		}
		for (i = 0; i < COUNT(more); i++) {
			put(&p, more[i]);
			put(&p, "");
		}
		put(&p, "[About us](/about/) | [Contact](/contact/) | [Privacy](/privacy/)");
		check_page(&p, k == 3 ? "Council backs new bus lanes for the harbour road after long "
					"night" :
			       k == 4 ? "Council backs new bus lanes for the harbour road after a "
					"long night" : "Council backs bus lanes for the harbour road", -1);
	}
}

/* Two names joined by "and" under the headline, the desk's name in capitals run on
 * after them (usatoday.com by w3m, scrapinghub benchmark): two authors, the desk's
 * name in neither; a name in capitals stays whole. */
static void test_joined_names(void)
{
	static const struct {
		const char *line, *first, *second;
	} cases[] = {
		{ "Jane Doe and Sam Carter  RIVERTON DAILY", "Jane Doe", "Sam Carter" },
		{ "Jane Doe & Sam Carter", "Jane Doe", "Sam Carter" },
		{ "By JANE DOE and SAM CARTER", "JANE DOE", "SAM CARTER" },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct page p;
		struct sahifa_article a;
		long at = 0, unused = 0;

		build(&p, 0, "Council backs bus lanes for the harbour road", cases[i].line, NULL,
		      &at, &unused);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		CHECK_INT(cases[i].line, a.byline_line, at);
		CHECK_INT(cases[i].line, (long)a.n_authors, 2);
		if (a.n_authors == 2) {
			CHECK_STR(cases[i].line, a.authors[0], cases[i].first);
			CHECK_STR(cases[i].line, a.authors[1], cases[i].second);
		}
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* An Arabic name, a dash and the story's place over its date line (an Arabic news site,
 * htmldate eval): the byline, its name the author; the same shape with no date under
 * it is no byline. */
static void test_arabic_name_place(void)
{
	long at, unused;
	size_t k;

	for (k = 0; k < 2; k++) {
		struct page p;
		struct sahifa_article a;

		at = unused = 0;
		build(&p, 1, "افتتاح أول محطة لتحلية المياه بالطاقة الشمسية",
		      k ? "حسام أبو العلا - القاهرة"
			: "حسام أبو العلا - القاهرة\n٠٢:٠٠ الثلاثاء ١ / ١٢ / ٢٠٢٠", NULL, &at,
		      &unused);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		if (k) {
			CHECK_INT("no date under it", (long)a.n_authors, 0);
		} else {
			CHECK_INT("byline line", a.byline_line, at);
			CHECK_STR("author", a.n_authors ? a.authors[0] : NULL, "حسام أبو العلا");
		}
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* A title printed twice in a row, its deck under it, then the author's portrait, name,
 * handle and date as a bulleted list (cbssports.com by w3m, scrapinghub benchmark):
 * the byline under the deck is the title's, and the title, not the deck, is the
 * headline. */
static void test_twice_title_deck(void)
{
	static const char title[] = "Riverton council backs bus lanes: tracking every street the "
				    "lanes will change";
	static const char *const header[] = {
		"Up next:", "", title, "", title, "", "Two hundred residents came to see the result",
		"", "  \u2022  ", "", "    Jane Doe mugshot", "", "  \u2022 by Jane Doe",
		"  \u2022 @janedoe", "  \u2022 Nov 19, 2025 at 6:46 pm ET \u2022 2 min read", "",
	};
	struct page p;

	page_open(&p);
	put_lines(&p, header, COUNT(header));
	page_close(&p);
	check_page(&p, title, -1);
}

/* A clean article that quotes a poem, a verse a line (an opinion column of SaudiNewsNet
 * quotes one of thirty-six lines): a long run of short lines, but none of them a bare
 * menu item, so the text stays one article with every verse in it. */
static void test_poem_not_page(void)
{
	static const char *const verse[] = {
		"They said the road was closed to me", "I said the sea is open still",
		"And every door the wind can see", "Will open wide against the hill",
		"The lamp that burns behind the glass", "Is brighter for the night around",
		"The river waits for time to pass", "And keeps its course without a sound" };
	struct page p;
	struct sahifa_article a;
	size_t i;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put(&p, "The poet of the harbour road");
	put(&p, "");
	put(&p, prose_en[0]);
	for (i = 0; i < 4 * COUNT(verse); i++)
		put(&p, verse[i % COUNT(verse)]);
	put(&p, prose_en[1]);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "The poet of the harbour road");
	CHECK_INT("removed", a.n_removed, 0);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A site's legal notice under its footer, in prose and longer than the short story
 * (koha.net by w3m, htmldate benchmark: the story, "© KOHA. Të gjitha të drejtat janë
 * të rezervuara.", teasers, the menu, then "Kjo faqe kontrollohet dhe menaxhohet nga
 * KOHA. Të gjitha materialet ..."): text past the footer counts for less, and the
 * story is the article. */
static void test_notice_past_footer(void)
{
	static const char notice[] =
		"This site is run and managed by Riverton Daily. All of the material on it, "
		"photographs included, is protected by the law on copyright and may not be "
		"copied, printed again or published in any other way without the written "
		"consent of the publisher, who may be reached at the address above by post "
		"or by mail. Whoever takes a text or a picture from the site must name it as "
		"the source, with a link to the page, and must not change its meaning, its "
		"title or its author's name. The publisher answers for the texts of its own "
		"writers only, and not for the comments of readers, which are their own.";
	struct page p;
	struct sahifa_article a;
	const struct sahifa_removed *r;
	long notice_line;
	size_t i;

	page_open(&p);
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "");
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "Photo: Illustration");
	put(&p, "");
	for (i = 0; i < 2; i++) {
		put(&p, prose_en[i]);
		put(&p, "");
	}
	put(&p, "© Riverton Daily. All rights reserved.");
	put(&p, "");
	put_lines(&p, menu_en, COUNT(menu_en));
	put(&p, "");
	notice_line = p.line + 1;
	put(&p, notice);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Council backs bus lanes for the harbour road");
	CHECK_INT("paragraphs", a.stats.paragraphs, 2);
	r = removed_at(&a, notice_line);
	CHECK(r != NULL);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* The story's header printed above its title: the story's code, its group, the date,
 * the font and print buttons, then the title opening the story's run of text (yjc.ir
 * by w3m, htmldate benchmark: "کد خبر: ۷۳۴۹۹۲۶" / "گروه : یزد » یزد" / "تاریخ انتشار: ۲۱
 * ارديبهشت ۱۳۹۹ - ۱۸:۵۹" ... "از کشف ۷۲ دستگاه موتور قاچاق در مهریز تا دستگیری سارق ۱۰۰
 * میلیون ریالی طلاجات منزل در بافق"): the title is the headline, not a widget's label the
 * page prints often.  Where the title stands over its author and date lines, a deck
 * under them that opens the run does not take its place (heraldsun.com.au by links, a
 * readability test page). */
static void test_title_under_header(void)
{
	static const char title[] = "From four million dollars for bus lanes on the harbour "
				    "road to two more public meetings at the town hall";
	static const char deck[] = "The city council of Riverton voted on Tuesday night to "
				   "spend four million dollars on new bus lanes along the harb";
	struct page p;
	size_t i, k;

	for (k = 0; k < 2; k++) {
		page_open(&p);
		for (i = 0; i < 3; i++) {
			put(&p, "Gold and currency prices");
			put(&p, "");
		}
		if (k) {
			put(&p, "              Council backs bus lanes for the harbour road");
			put(&p, "");
			put(&p, "     * by: Jane Doe");
			put(&p, "     * From: Riverton Daily");
			put(&p, "     * March 13, 2025 9:00PM");
		} else {
			put(&p, "Story code: 7349926");
			put(&p, "Group: Riverton » Harbour");
			put(&p, "Published: 10 May 2025 - 18:59");
			put(&p, "  Font size");
			put(&p, "Print version Send to a friend");
			put(&p, "Save");
			put(&p, "");
		}
		put(&p, k ? deck : title);
		put(&p, "");
		page_close(&p);
		check_page(&p, k ? "Council backs bus lanes for the harbour road" : title, -1);
	}
}

/* The byline under the deck, "By" on a line of its own over the name (wsj.com by w3m,
 * scrapinghub benchmark: the title, "There are more devices, platforms and services to
 * choose from than ever before. Here's how to figure out ...", "By", "Sarah E.
 * Needleman", the date): the name is the byline, and the deck stays the story's. */
static void test_byline_under_deck(void)
{
	static const char deck[] = "There are more buses, ferries and trains to choose from "
				   "in the harbour town than ever before. Here is how the council "
				   "wants to pay for the new lanes over the next five years.";
	struct page p;
	struct sahifa_article a;

	page_open(&p);
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "");
	put(&p, deck);
	put(&p, "");
	put(&p, "By");
	put(&p, "Jane Doe");
	put(&p, "");
	put(&p, "Nov. 19, 2025 8:03 am ET");
	put(&p, "");
	page_close(&p);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Council backs bus lanes for the harbour road");
	CHECK_STR("byline", a.byline, "Jane Doe");
	CHECK_STR("deck", a.n_sections ? a.sections[0].paragraphs[0].text : NULL, deck);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A mail form's labels over the title, "von" (by) and "an" (to) alone on their lines
 * (businessinsider.de as a DOM's text, scrapinghub benchmark: the menu, "×", "von",
 * "an", the title, "Tanza Loudenback, Business Insider", the date): a title is longer
 * than a name under a "By" alone, so it stays the headline. */
static void test_title_under_mail_labels(void)
{
	static const char title[] = "How the harbour town can pay for its new bus lanes over "
				    "the next five years";
	struct page p;

	page_open(&p);
	put(&p, "\u00d7");
	put(&p, "von");
	put(&p, "an");
	put(&p, title);
	put(&p, "Jane Doe, Riverton Daily");
	put(&p, "13.11.2025, 23:06");
	put(&p, "facebook");
	put(&p, "twitter");
	put(&p, "");
	page_close(&p);
	check_page(&p, title, -1);
}

/* An article with little chrome around it, a picture printed as its name among it (the
 * EU edition of Gannett's papers, w3m and lynx, scrapinghub benchmark: a banner, "Learn
 * More", the logo, then the story): a page, so that the banner is not its headline,
 * and the picture's name is no paragraph. */
static void test_placeholder_page(void)
{
	static const char *const more[] = {
		"The vote came after three years of studies, two of them paid for by the "
		"regional transport authority, and a public consultation in the summer.",
		"The mayor said the council had listened to the shop owners and would add "
		"loading bays at both ends of the road before the work begins.",
		"A petition against the plan, signed by some nine hundred residents, was "
		"handed to the council clerk on Monday morning.",
		"The transport grant runs out at the end of December, and the money would go "
		"back to the regional authority if the council had not voted by then.",
		"The library's car park will stay open while the first section is built, "
		"the council said in a statement after the meeting.",
		"Buses on the new lanes are to run every ten minutes at rush hour, against "
		"every twenty today, the operator said.",
		"Cyclists will share the lanes with the buses, which has worried some of the "
		"town's cycling groups, who asked for lanes of their own.",
		"The next public meeting on the plan is to be held at the library in January, "
		"and the one after that at the ferry terminal in February.",
		"Residents can also send their views to the council by post or by email until "
		"the end of January, the clerk said.",
		"The council expects the whole road to be finished by the autumn of next year.",
		"Work on the second section, up to the station, has yet to be put out to tender.",
		"The council will publish the tender in the spring, a spokesman for the mayor "
		"said on Wednesday.",
	};
	const char *pics[] = { "[logo-compa]", "  [2][logo-compact.svg]" };
	size_t i, v;

	for (v = 0; v < COUNT(pics); v++) {
		struct page p;
		struct sahifa_article a;
		const struct sahifa_removed *r;
		long pic_line;

		sahifa_buf_init(&p.b, 0);
		p.line = 0;
		put(&p, "Welcome to the Riverton Daily's EUROPEAN UNION EXPERIENCE");
		put(&p, "");
		put(&p, "Learn More");
		pic_line = p.line + 1;
		put(&p, pics[v]);
		put(&p, "");
		put(&p, "Council backs bus lanes for the harbour road");
		put(&p, "");
		put(&p, "Jane Doe Riverton Daily");
		put(&p, "Published 10:02 AM EST Nov 19, 2025");
		put(&p, "");
		for (i = 0; i < COUNT(prose_en); i++) {
			put(&p, prose_en[i]);
			put(&p, "");
		}
		for (i = 0; i < COUNT(more); i++) {
			put(&p, more[i]);
			put(&p, "");
		}
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		CHECK_STR("headline", a.headline, "Council backs bus lanes for the harbour road");
		r = removed_at(&a, pic_line);
		CHECK(r != NULL);
		CHECK(removed_at(&a, 1) != NULL);
		CHECK_INT("paragraphs", a.stats.paragraphs, (long)(COUNT(prose_en) + COUNT(more)));
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* The lead between the headline and the run of prose, short and plain, is the
 * article's first paragraph, not text outside it ("ST. JOSEPH, Mich. (AP) — Michigan
 * health authorities are reporting a 6th fatality linked to Eastern Equine
 * Encephalitis.", a TV station's page of the scrapinghub benchmark, w3m). */
static void test_short_lead(void)
{
	static const char *const leads[] = {
		"RIVERTON (AP) — Riverton officials are reporting a 6th closure of the harbour road.",
	};
	size_t i, v;

	for (v = 0; v < COUNT(leads); v++) {
		struct page p;
		struct sahifa_article a;
		long lead_line;
		int kept = 0;

		page_open(&p);
		put(&p, "Council backs bus lanes for the harbour road");
		put(&p, "");
		put(&p, "November 19, 2025 at 9:45 am");
		put(&p, "Filed Under: Buses, Council, Harbour Road, Riverton");
		put(&p, "");
		lead_line = p.line + 1;
		put(&p, leads[v]);
		put(&p, "");
		page_close(&p);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		CHECK_STR("headline", a.headline, "Council backs bus lanes for the harbour road");
		for (i = 0; i < a.n_sections; i++) {
			size_t j;

			for (j = 0; j < a.sections[i].n_paragraphs; j++)
				kept += a.sections[i].paragraphs[j].line == lead_line;
		}
		CHECK_INT("lead kept", kept, v == 0);
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* A title with its author's line and its date's under it is the article's header,
 * over a picture's caption with its credit under it that the body echoes more (the
 * EU edition of Gannett's papers by w3m, scrapinghub benchmark: "Detroit News wire
 * services" / "Published 11:11 PM EST Nov 19, 2019", then the picture, "Eastern
 * Michigan quarterback Mike Glass III" / "Al Goldis, Associated Press"). */
static void test_header_over_caption(void)
{
	static const char *const authors[] = { "Riverton Daily wire services",
					       "Jane Doe and John Q. Public Riverton Daily" };
	size_t v;

	for (v = 0; v < COUNT(authors); v++) {
		struct page p;

		page_open(&p);
		put(&p, "Tuesday's council: Riverton votes for its harbour plan");
		put(&p, "");
		put(&p, authors[v]);
		put(&p, "Published 11:11 PM EST Nov 19, 2025");
		put(&p, "[0819fd5e-8]");
		put(&p, "Bus lanes on the harbour road of Riverton");
		put(&p, "Al Roe, Associated Press");
		put(&p, "");
		page_close(&p);
		check_page(&p, "Tuesday's council: Riverton votes for its harbour plan", -1);
	}
}

/* A name alone over its date line, past the title's deck and the lead picture, is the
 * byline ("David Ehrlich" / "Nov 13, 2019 4:26 pm" under the deck and "[screen-sho]",
 * indiewire.com by w3m, scrapinghub benchmark). */
static void test_byline_past_deck(void)
{
	struct page p;
	struct sahifa_article a;

	page_open(&p);
	put(&p, "The Wild Story of How Riverton Got Its Bus Lanes");
	put(&p, "");
	put(&p, "Riverton's council went into a routine meeting on a Tuesday in March. Hours "
		"later, it came out with a plan that split the town in two.");
	put(&p, "");
	put(&p, "[screen-sho]");
	put(&p, "");
	put(&p, "Jane Doe");
	put(&p, "");
	put(&p, "Nov 13, 2025 4:26 pm");
	put(&p, "");
	page_close(&p);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "The Wild Story of How Riverton Got Its Bus Lanes");
	CHECK_STR("byline", a.byline, "Jane Doe");
	CHECK_STR("published", a.published, "2025-11-13");
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A name alone over its date, both right over the headline, is the byline when none
 * stands under the headline ("Molly Wood" / "Ideas" / "11.14.2019 09:00 AM", wired.com
 * by w3m, scrapinghub benchmark); a section's name there gives way to the byline under
 * the headline ("Business News" / "November 19, 2019 / 12:21 AM" over the title, then
 * "Rodrigo Campos", reuters.com, the same benchmark). */
static void test_byline_over_title(void)
{
	static const struct {
		const char *over, *section, *under, *byline;
	} cases[] = {
		{ "Jane Doe", "Transport", NULL, "Jane Doe" },
		{ "Riverton News", "Transport", "Jane Doe", "Jane Doe" },
		/* lynx prints both as links, all link text ("[21]Molly Wood" / "[22]Ideas") */
		{ "   [21]Jane Doe", "   [22]Transport", NULL, "Jane Doe" },
	};
	size_t v;

	for (v = 0; v < COUNT(cases); v++) {
		struct page p;
		struct sahifa_article a;

		page_open(&p);
		put(&p, cases[v].over);
		put(&p, cases[v].section);
		put(&p, "11.14.2025 09:00 AM");
		put(&p, "");
		put(&p, "Council backs bus lanes for the harbour road");
		put(&p, "");
		if (cases[v].under) {
			put(&p, cases[v].under);
			put(&p, "");
		}
		page_close(&p);
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		CHECK_STR("headline", a.headline, "Council backs bus lanes for the harbour road");
		CHECK_STR("byline", a.byline, cases[v].byline);
		CHECK_STR("published", a.published, "2025-11-14");
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

/* Another story's teaser at the start of the run of prose, its title printed in a list
 * of them before and its lead cut short, is not the article's, nor its title the
 * headline (nypost.com by w3m, scrapinghub benchmark: "More On:" / "plague" over three
 * titles, then "see also", the first title again and "Two people in China have been
 * diagnosed with the plague,..." over the story). */
static void test_front_teaser(void)
{
	static const char *const teaser = "Harbour ferry fares to rise by a third from the spring";
	struct page p;
	struct sahifa_article a;
	const struct sahifa_removed *r;
	long copy_line;

	page_open(&p);
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "");
	put(&p, "By Jane Doe");
	put(&p, "");
	put(&p, "  • Facebook");
	put(&p, "  • Twitter");
	put(&p, "  • Email");
	put(&p, "");
	put(&p, "More On:");
	put(&p, "");
	put(&p, "buses");
	put(&p, "");
	put(&p, teaser);
	put(&p, "");
	put(&p, "Library car park to close for three months of building work");
	put(&p, "");
	put(&p, "Riverton school meals to cost less from April, council says");
	put(&p, "");
	put(&p, "see also");
	put(&p, "");
	put(&p, "[yH5BAEAAAA]");
	put(&p, "");
	copy_line = p.line + 1;
	put(&p, teaser);
	put(&p, "");
	put(&p, "Two people in the town have been told that they will have to pay a third more "
		"for the ferry from the spring, and that the council will not be able to help "
		"them with the cost of it,...");
	put(&p, "");
	page_close(&p);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Council backs bus lanes for the harbour road");
	CHECK_STR("byline", a.byline, "By Jane Doe");
	r = removed_at(&a, copy_line);
	CHECK(r && r->reason == SAHIFA_REASON_RELATED);
	r = removed_at(&a, copy_line + 2);
	CHECK(r && r->reason == SAHIFA_REASON_RELATED);
	CHECK_INT("paragraphs", a.stats.paragraphs, (long)COUNT(prose_en));
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* An agency's initials and the story's place under the share buttons, past the few
 * blocks under the headline where a name alone is read (deccanherald.com by lynx,
 * scrapinghub benchmark: the title, five share items, "PTI", "[163]PTI, Washington,",
 * the dates): the byline, the agency its author. */
static void test_agency_past_share(void)
{
	static const char *const share[] = {
		"     *", "     *", "     *", "     * X Share via", "          + [159]Facebook",
		"          + [160]Gmail", "          + [161]Linkedin", "",
	};
	struct page p;
	struct sahifa_article a;

	page_open(&p);
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "");
	put_lines(&p, share, COUNT(share));
	put(&p, "   PTI");
	put(&p, "   [163]PTI, Riverton,");
	put(&p, "     * Nov 20 2025, 10:18am ist");
	put(&p, "");
	page_close(&p);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Council backs bus lanes for the harbour road");
	CHECK_STR("byline", a.byline, "PTI, Riverton,");
	CHECK(a.n_authors == 1 && !strcmp(a.authors[0], "PTI"));
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A name alone with the author's role on the line under it, past the deck, the date
 * and the author's picture under the title (buzzfeed.com as Markdown, readability test
 * pages: "[Mark Di Stefano](/markdistefano)" / "BuzzFeed News Reporter"; here as lynx
 * prints such a link): the byline, though the name is all link text. */
static void test_name_over_role(void)
{
	struct page p;

	page_open(&p);
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "");
	put(&p, "The vote ran past midnight after a long debate.");
	put(&p, "");
	put(&p, "posted on November 21, 2025, at 11:29 a.m.");
	put(&p, "");
	put(&p, "   [20][janedoe-30063]");
	put(&p, "");
	put(&p, "   [21]Jane Doe");
	put(&p, "");
	put(&p, "Riverton Daily Reporter");
	put(&p, "");
	page_close(&p);
	check_header(&p, "Council backs bus lanes for the harbour road", "Jane Doe");
}

/* Segment the page p of the council story with a list of n lines (a label, then its
 * headlines) from line first: the title stays the headline, the headlines are related
 * links, not the story's paragraphs, and no line is lost; p is released. */
static void check_list_over_story(struct page *p, long first, size_t n)
{
	struct sahifa_article a;
	size_t i;

	CHECK(segment_page(p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline,
		  "Council backs bus lanes for the harbour road after a long night");
	for (i = 1; i < n; i++) {
		const struct sahifa_removed *r = removed_at(&a, first + (long)i);

		CHECK(r && r->reason == SAHIFA_REASON_RELATED);
	}
	CHECK_INT("paragraphs", a.stats.paragraphs, (long)COUNT(prose_en));
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p->b);
}

/* A list of headlines under its label right over the story, set close with no blank
 * line between them, the last two with a stop (twincities.com as a DOM's text,
 * scrapinghub benchmark: "Most Popular" and six headlines, "MN property taxes are on
 * the rise. These maps show where and how much." among them): the list is related
 * links, its items are not the story's first paragraphs, and the title over it stays
 * the headline. */
static void test_list_over_story(void)
{
	static const char *const list[] = {
		"Most Popular",
		"Riverton police chief asks the state for money for new radios",
		"The county fair will be free to attend starting next summer",
		"Man hurt after his car hits a power pole on the ferry road",
		"Ferry fares are on the rise. These maps show where and how much.",
		"Skimming device found at a petrol station in the harbour town.",
	};
	struct page p;
	long first;

	page_open(&p);
	put(&p, "Council backs bus lanes for the harbour road after a long night");
	put(&p, "Share this:");
	put(&p, "Click to share on Facebook (Opens in new window)");
	put(&p, "By Jane Doe | Special to the Riverton Daily");
	put(&p, "PUBLISHED: November 19, 2025 at 8:59 pm");
	first = p.line + 1;
	put_lines(&p, list, COUNT(list));
	put(&p, "");
	page_close(&p);
	check_list_over_story(&p, first, COUNT(list));
}

/* The same list as BeautifulSoup's get_text("\n", strip=True) prints the page
 * (twincities.com, scrapinghub benchmark): a line for each string and no blank line
 * anywhere, the story's first paragraph right under the list's last item.  The list
 * still ends there, where a paragraph longer than any item starts. */
static void test_list_over_story_unspaced(void)
{
	static const char *const list[] = {
		"Most Popular",
		"Riverton police chief sought state money for a radio system, but the mayor is unswayed",
		"Tow-truck drivers to the rescue: owner of a sailboat frozen in the bay gets good news",
		"Man dies after crashing into a power pole on the ferry road, flipping his vehicle",
		"Ferry fares are on the rise. These maps show where and how much.",
		"Skimming device found at a petrol station in the harbour town",
	};
	struct page p;
	long first;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put_lines(&p, menu_en, COUNT(menu_en));
	put(&p, "Council backs bus lanes for the harbour road after a long night");
	put(&p, "Share this:");
	put(&p, "Click to share on Facebook (Opens in new window)");
	put(&p, "By");
	put(&p, "Jane Doe");
	put(&p, "| Special to the Riverton Daily");
	put(&p, "PUBLISHED:");
	put(&p, "November 19, 2025 at 8:59 pm");
	first = p.line + 1;
	put_lines(&p, list, COUNT(list));
	put_lines(&p, prose_en, COUNT(prose_en));
	put(&p, "About us · Contact · Privacy policy · Terms of use");
	check_list_over_story(&p, first, COUNT(list));
}

/* A story as BeautifulSoup's get_text("\n", strip=True) prints it, shaped as Sky News
 * sets one (news.sky.com, scrapinghub benchmark): a line per string and no blank line,
 * a paragraph a sentence, most under 150 characters, a sentence cut at each link
 * ("Pochettino was sacked" / "last night after five-and-a-half years in charge, ...",
 * "... out of work since being" / "sacked by Manchester United" / "in December
 * 2018."), "Advertisement" between two paragraphs, a box of teasers under "More from
 * UK" in mid-story, and quoted posts with their dates further down.  The story's
 * paragraphs on both sides of the box are its text, the piece that ends on a year is
 * no time stamp that ends the story, and the box's teasers are related links. */
static void test_box_in_unspaced_story(void)
{
	static const char *const before[] = {
		"The city council of Riverton voted on Tuesday night to spend four million "
		"dollars on new bus lanes along the harbour road.",
		"The mayor was",
		"outvoted by seven to four, after a debate that ran past midnight and drew "
		"more than two hundred residents.",
		"Supporters said the lanes would cut the morning commute from the northern "
		"suburbs by a quarter, and that the money comes from a grant.",
		"The grant would go back to the state if the city did not spend it before "
		"the end of the year, the council's treasurer told the meeting.",
		"Work on the first section had been due to start",
		"after the ferry terminal reopens",
		"in March 2026.",
		"Opponents, among them most of the shop owners on the harbour road, warned "
		"that the loss of forty parking spaces would hurt them.",
		"Advertisement",
		"\"We will keep fighting this plan,\" said one of them, who has run a bakery on "
		"the road for thirty years.",
	};
	static const char *const box[] = {
		"More from Riverton",
		"Riverton FC: Manager Tom Hale signs new three-year contract with club",
		"Harbour Bridge: Council confirms Sunday closures over Christmas period",
		"'Brave and kind' Lily Moss named Young Citizen of Year at Riverton gala",
		"Ferry strike: Unions reject latest pay offer, walkouts planned",
		"EuroLotto: Riverton ticket holder wins £2m jackpot prize",
	};
	static const char *const after[] = {
		"\"The harbour road carries more buses than any other street in the town, and "
		"they are stuck in the same queues as everyone else,\" the statement said.",
		"Thanks to everyone who came to the town hall tonight.",
		"— Riverton Council (@RivertonCouncil)",
		"November 19, 2025",
		"The council will hold two more public meetings on the details of the plan "
		"before the work starts, the first of them in the library in January.",
		"See you at the library in January.",
		"— Riverton Council (@RivertonCouncil)",
		"November 19, 2025",
		"Work on the second section, between the library and the bridge, is to follow "
		"in the autumn, once the first section is open to buses.",
	};
	struct sahifa_article a;
	struct page p;
	long first, box_at;
	size_t i;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put_lines(&p, menu_en, COUNT(menu_en));
	put(&p, "Council backs bus lanes for the harbour road after a long night");
	put(&p, "The vote ran past midnight after a debate in the town hall.");
	put(&p, "Jane Doe");
	put(&p, "News reporter");
	put(&p, "Wednesday 19 November 2025 11:42, UK");
	first = p.line + 1;
	put_lines(&p, before, COUNT(before));
	box_at = p.line + 1;
	put_lines(&p, box, COUNT(box));
	put_lines(&p, after, COUNT(after));
	put_lines(&p, prose_en, COUNT(prose_en));
	put(&p, "About us · Contact · Privacy policy · Terms of use");
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline,
		  "Council backs bus lanes for the harbour road after a long night");
	for (i = 0; i < COUNT(before); i++)
		if (strcmp(before[i], "Advertisement")) {
			const struct sahifa_removed *r = removed_at(&a, first + (long)i);

			CHECK_STR("story line kept", r ? r->text : NULL, NULL);
		}
	CHECK(removed_at(&a, box_at) != NULL);  /* the label, by the rules or as related */
	for (i = 1; i < COUNT(box); i++) {
		const struct sahifa_removed *r = removed_at(&a, box_at + (long)i);

		CHECK(r && r->reason == SAHIFA_REASON_RELATED);
	}
	CHECK(!removed_at(&a, box_at + (long)COUNT(box)));
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* The page p: the menu, the header lines, the story's paragraphs and the footer, a
 * line per string and no blank line (BeautifulSoup's get_text("\n", strip=True)). */
static void unspaced_page(struct page *p, const char *const *head, size_t n)
{
	sahifa_buf_init(&p->b, 0);
	p->line = 0;
	put_lines(p, menu_en, COUNT(menu_en));
	put_lines(p, head, n);
	put_lines(p, prose_en, COUNT(prose_en));
	put(p, "About us · Contact · Privacy policy · Terms of use");
}

/* That page's headline and byline, and no line lost. */
static void check_unspaced(const char *const *head, size_t n, const char *headline,
			   const char *byline)
{
	struct page p;

	unspaced_page(&p, head, n);
	check_header(&p, headline, byline);
}

/* Headers as BeautifulSoup prints them, each line quoted from a page of the
 * scrapinghub benchmark (the place named with each), the names and titles changed. */
static void test_unspaced_headers(void)
{
	/* "by" alone over the name: no paragraph goes on in lower case under the title
	 * (washingtonexaminer.com) */
	static const char *const by_alone[] = {
		"Newsletters", "Council backs bus lanes for the harbour road after a long night",
		"by", "Jane Doe", "| November 19, 2025 12:01 PM", "Print this article",
	};
	/* an icon's name alone under the title (a company's blog) */
	static const char *const icon[] = {
		"Council backs bus lanes for the harbour road after a long night",
		"chevron_left", "Browse All Posts",
	};
	/* the author's name between the title and a comma alone, the outlet or the role
	 * after it: the name is no piece of the title, and the byline goes on past the
	 * comma (businessinsider.de) */
	static const char *const comma[] = {
		"Der Artikel wurde versandt.",
		"Council backs bus lanes for the harbour road after a long night",
		"Jane Rowe", ",", "Staff Writer", "19.11.2025, 08:57", "facebook", "twitter",
	};
	/* the byline in four pieces, each short (ign.com) */
	static const char *const pieces[] = {
		"Council backs bus lanes for the harbour road after a long night",
		"By", "Jane Doe", ",", "Riverton Daily Staff", "Updated:",
		"19 Nov 2025 9:38 pm",
	};
	/* under "By", the comma ends the name (space.com) */
	static const char *const by_comma[] = {
		"Council backs bus lanes for the harbour road after a long night",
		"By", "Jane Doe", ",", "Riverton Daily", "19.11.2025, 08:57",
	};
	/* a short title amid a menu's labels, "By" over its author right under it
	 * (nationalreview.com) */
	static const char *const amid[] = {
		"More articles", "Previous articles", "White House", "Bus Lanes Now",
		"By", "Jane Doe", "About Jane Doe", "Follow Jane Doe on Twitter",
		"November 19, 2025 6:30 AM",
	};
	/* the site's box of dated teasers printed before the story's text, between its
	 * title and its first paragraph (autoindustriya.com) */
	static const char *const box[] = {
		"Auto News", "Council backs bus lanes for the harbour road after a long night",
		"Jane Doe", "View More Articles", "November 19, 2025 13:42",
		"FIND YOUR NEXT CAR", "Choose vehicle brand", "Abarth", "Alfa Romeo",
		"Aston Martin", "Audi", "BAIC", "Bentley", "BMW", "BYD", "Changan", "Chevrolet",
		"Chrysler", "Dodge", "Ferrari", "Ford", "Foton", "GAC", "Geely", "Honda",
		"Hyundai", "Isuzu", "Jaguar", "Jeep", "Kia", "Lamborghini", "Land Rover",
		"Lexus", "Lotus", "Maserati", "Mazda", "McLaren", "Mercedes-Benz", "MG", "Mini",
		"Mitsubishi", "Nissan", "Peugeot", "Porsche", "RAM", "Rolls-Royce", "Subaru",
		"Suzuki", "Tata", "Toyota", "Volkswagen", "Volvo", "Choose model", "MORE STORIES LIKE THIS ONE",
		"AUTO NEWS", "Council votes for new bus lanes on the library road",
		"May 15, 2017", "CAR REVIEWS", "Shop owners on the harbour road lose parking spaces",
		"January 22, 2018", "AUTO NEWS", "Morning commute from the northern suburbs to get faster",
		"January 12, 2016", "FEATURES", "Transport grant for the ferry terminal and the library",
		"June 18, 2013",
	};
	check_unspaced(by_alone, COUNT(by_alone),
		       "Council backs bus lanes for the harbour road after a long night", "Jane Doe");
	check_unspaced(icon, COUNT(icon),
		       "Council backs bus lanes for the harbour road after a long night", NULL);
	check_unspaced(comma, COUNT(comma),
		       "Council backs bus lanes for the harbour road after a long night",
		       "Jane Rowe, Staff Writer");
	check_unspaced(pieces, COUNT(pieces),
		       "Council backs bus lanes for the harbour road after a long night",
		       "By Jane Doe, Riverton Daily Staff");
	check_unspaced(by_comma, COUNT(by_comma),
		       "Council backs bus lanes for the harbour road after a long night",
		       "By Jane Doe, Riverton Daily");
	check_unspaced(amid, COUNT(amid), "Bus Lanes Now", "Jane Doe");
	check_unspaced(box, COUNT(box),
		       "Council backs bus lanes for the harbour road after a long night", "Jane Doe");
}

/* «كتب» alone over the author's name, under the title, a line per string
 * (elbaladtv.net by BeautifulSoup, htmldate benchmark: «كتب» / «ضحى عرفة» /
 * «2020/12/25 - 1:59 صباحًا»): the name is the byline. */
static void test_arabic_by_label_unspaced(void)
{
	struct page p;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put_lines(&p, menu_ar, COUNT(menu_ar));
	put(&p, "افتتاح أول محطة لتحلية مياه البحر بالطاقة الشمسية في المدينة الساحلية");
	put(&p, "كتب");
	put(&p, "سلمى عادل");
	put(&p, "2025/12/25 - 1:59 صباحًا");
	put(&p, "شارك على فيسبوك");
	put_lines(&p, prose_ar, COUNT(prose_ar));
	put(&p, "جميع الحقوق محفوظة © 2025");
	check_header(&p, "افتتاح أول محطة لتحلية مياه البحر بالطاقة الشمسية في المدينة الساحلية",
		     "سلمى عادل");
}

/* Teasers with echoing titles, each printed as w3m sets autoindustriya.com's box
 * (scrapinghub benchmark): its title and kicker, the title again, its date. */
static const char *const box_teasers[] = {
	"Council votes for new bus lanes on the library road",
	"Shop owners on the harbour road lose parking spaces",
	"Morning commute from the northern suburbs to get faster",
	"Transport grant for the ferry terminal and the library",
	"Bus company asks the council for a shuttle from the car park",
	"Harbour road works to start in March after the vote",
	"Town hall debate on the bus lanes runs past midnight",
	"Northern suburbs get a new bus line to the ferry terminal",
	"Library road closed for a week while the lanes are painted",
	"City council of Riverton to spend four million dollars on new bus lanes",
};

/* A box of ten dated teasers between the story's header and its text, each line a
 * block of its own (w3m, autoindustriya.com): the title
 * over the author's line stays the headline, and the author's name is the byline
 * without the link glued after it ("Marcus De GuzmanView More Articles"). */
static void test_box_over_story(void)
{
	static const char *const dates[] = { "May 15, 2017", "January 22, 2018",
					     "January 12, 2016", "October 18, 2019" };
	static const char *const brands[] = {
		"Abarth", "Alfa Romeo", "Aston Martin", "Audi", "BAIC", "Bentley", "BMW", "BYD",
		"Changan", "Chevrolet", "Chrysler", "Dodge", "Ferrari", "Ford", "Foton", "GAC",
		"Geely", "Honda", "Hyundai", "Isuzu", "Jaguar", "Jeep", "Kia", "Lamborghini",
		"Land Rover", "Lexus", "Lotus", "Maserati", "Mazda", "McLaren", "MG", "Mini",
		"Mitsubishi", "Nissan", "Peugeot", "Porsche", "Subaru", "Suzuki", "Toyota",
		"Volvo",
	};
	struct page p;
	size_t i;

	page_open(&p);
	put(&p, "Auto News");
	put(&p, "");
	put(&p, "Council backs bus lanes for the harbour road after a long night");
	put(&p, "");
	put(&p, "[jane-rowe]");
	put(&p, "");
	put(&p, "Jane RoweView More Articles");
	put(&p, "");
	put(&p, "The four-million-dollar plan passed by seven votes to four");
	put(&p, "");
	put(&p, "Riverton November 20, 2025 13:42");
	put(&p, "FIND YOUR NEXT CAR");
	put(&p, "");
	put(&p, "Choose vehicle brand");
	for (i = 0; i < COUNT(brands); i++)
		put(&p, brands[i]);
	put(&p, "");
	put(&p, "MORE STORIES LIKE THIS ONE");
	for (i = 0; i < COUNT(box_teasers); i++) {
		put(&p, box_teasers[i]);
		put(&p, i % 2 ? "CAR REVIEWS" : "AUTO NEWS");
		put(&p, "");
		put(&p, box_teasers[i]);
		put(&p, "");
		put(&p, dates[i % COUNT(dates)]);
		put(&p, "");
	}
	page_close(&p);
	check_header(&p, "Council backs bus lanes for the harbour road after a long night",
		     "Jane Rowe");
}

/* A name with a particle in capitals ("Marcus De Guzman", autoindustriya.com by w3m,
 * scrapinghub benchmark), alone under the title: the byline, though "de" is a stop
 * word of other lists. */
static void test_name_capital_particle(void)
{
	struct page p;

	page_open(&p);
	put(&p, "Council backs bus lanes for the harbour road after a long night");
	put(&p, "");
	put(&p, "Ana De Souza");
	put(&p, "");
	put(&p, "November 20, 2025 13:42");
	put(&p, "");
	page_close(&p);
	check_header(&p, "Council backs bus lanes for the harbour road after a long night",
		     "Ana De Souza");
}

/* Boxes of a sidebar before the story, "You may also like" and "Recent from Jane
 * Rowe", each teaser with its author and time glued ("Emily PriceSaturday 4:08PM"),
 * then the story's own title, author and
 * time, then its text (gizmodo.com by elinks, scrapinghub benchmark): the last title,
 * with its author under it, is the headline. */
static void test_boxes_then_header(void)
{
	struct page p;
	size_t i;

	page_open(&p);
	put(&p, "You may also like");
	put(&p, "");
	for (i = 0; i < 4; i++) {
		put(&p, box_teasers[i]);
		put(&p, "");
		put(&p, i % 2 ? "Ann LeeFriday 5:11PM" : "Tom HaleSaturday 4:08PM");
		put(&p, "");
	}
	put(&p, "Council backs bus lanes for the harbour road after a long night");
	put(&p, "");
	put(&p, "Jane Rowe");
	put(&p, "");
	put(&p, "Monday 6:30PM");
	put(&p, "");
	page_close(&p);
	check_header(&p, "Council backs bus lanes for the harbour road after a long night",
		     "Jane Rowe");
}

/* A story's tags under it, a comma between them, as BeautifulSoup prints a Brazilian
 * blog's page (scrapinghub benchmark: "Mensagens de Autoestima" / "," / "Mensagens de
 * Reflexão Sobre a Vida"): the tags are not joined into one line, which would read as
 * a title over the teasers under it. */
static void test_tags_unspaced(void)
{
	static const char *const lines[] = {
		"Início", "Mensagens", "Amor", "Amizade", "Pesquisar",
		"Só quem se Ama…", "Mensagens", "»", "Mensagens de Autoestima", "»",
		"Só quem se Ama…", "Whatsapp", "Facebook", "Baixar",
		"Viver uma verdadeira experiência de amor é um dos maiores prazeres da vida. "
		"Gostar é sentir com a alma, cuidar de quem está ao nosso lado e aprender a "
		"cuidar também de nós mesmos, todos os dias, sem pressa e sem medo.",
		"Mensagens de Autoestima", ",", "Mensagens de Reflexão Sobre a Vida",
		"Você pode gostar...", "Whatsapp", "Facebook", "Baixar",
		"Quem se ama de verdade não aceita menos do que merece, e aprende a dizer não.",
		"Whatsapp", "Facebook", "Baixar",
		"© 2025 Mensagens do Dia. Todos os direitos reservados.",
	};

	struct sahifa_article a;
	struct page p;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put_lines(&p, lines, COUNT(lines));
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK(!a.headline || !strstr(a.headline, "Reflexão"));
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A page printed a line for each string (BeautifulSoup's get_text("\n", strip=True)):
 * a title and a sentence with a link or an emphasis in them come in pieces, as on an
 * Italian blog (scrapinghub benchmark: "E’ stato annunciato in queste ore che" /
 * "Netflix" / ", il servizio di streaming ..."), and a date line as on lexpress.fr
 * (htmldate benchmark: "publié le" / "26/12/2020 à 21:00" / ", mis à jour à" /
 * "21:00").  The pieces of the title and of the sentence are joined back, with no
 * space before a closing mark or after an opening one; the date line's piece with its
 * digits is not joined to the words over it, and gives the date. */
static void test_inline_pieces(void)
{
	static const char *const lines[] = {
		"Council backs “", "Harbour Road", "” bus lanes after a long night",
		"publié le", "19/11/2025 à 21:00", ", mis à jour à", "21:40",
		"The city council of Riverton voted on Tuesday night to spend four million "
		"dollars on new bus lanes along the",
		"Harbour Road",
		", after a debate that ran past midnight and drew more than two hundred residents "
		"to the town hall.",
	};
	struct page p;
	struct sahifa_article a;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put_lines(&p, menu_en, COUNT(menu_en));
	put_lines(&p, lines, COUNT(lines));
	put_lines(&p, prose_en + 1, COUNT(prose_en) - 1);
	put(&p, "About us · Contact · Privacy policy · Terms of use");
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Council backs “Harbour Road” bus lanes after a long night");
	CHECK_STR("published", a.published, "2025-11-19");
	CHECK(a.n_sections > 0 && a.sections[0].n_paragraphs > 0);
	if (a.n_sections > 0 && a.sections[0].n_paragraphs > 0)
		CHECK_STR("first paragraph", a.sections[0].paragraphs[0].text,
			  "The city council of Riverton voted on Tuesday night to spend four "
			  "million dollars on new bus lanes along the Harbour Road, after a debate "
			  "that ran past midnight and drew more than two hundred residents to the "
			  "town hall.");
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A hard-wrapped page where a wrapped line opens with a closing mark (" ) suburbs by a
 * quarter ...", found by the segmenter's fuzzer): the line joins the one over it, and
 * so does the line its own wrap had joined to it; no line is lost. */
static void test_inline_join_wrapped_block(void)
{
	static const char *const lines[] = {
		"   [32]Transport",
		"",
		"[33]Council backs bus lanes for the harbour road",
		"",
		"   [35]Jane Roe",
		"   [36]Monday 6:30PM",
		"",
		"   The city council of Riverton voted on Tuesday night to spend four million",
		"   dollars on new bus lanes along the harbour road, after a debate that ran past",
		"   midnight and drew more than two hundred residents to the town hall.",
		"",
		"   Supporters said the lanes would cut the morning commute from the northern",
		" ) suburbs by a quarter, and that the money would come from a transport grant",
		"   that the city would         otherwise lose at the end of the year.",
		"",
		"   Opponents, among them most of the shop owners on the harbour road, warned",
		"   that the loss of forty parking spaces would drive their customers to the",
		"   shopping centre outside the town.",
		"",
		"   Work on the first section, between the ferry terminal and the library, is to",
		"   start in March and take about five months, and the council will hold two more",
		"   public meetings on the details.",
		"",
		"About us · Contact · Privacy policy · Terms of use",
	};
	struct page p;
	struct sahifa_article a;

	page_open(&p);
	put_lines(&p, lines, COUNT(lines));
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A list of teasers, each a title glued to its lead under the same picture's name in
 * brackets, the last of them right over the story's header (sanfrancisco.cbslocal.com
 * by w3m, htmldate benchmark: "[blank_1x1]" over each of "After blocking middle seats
 * ...", "California Bans State-Paid Travel To Idaho ...", "More TSA Screeners At
 * Mineta San Jose Airport ..."): the last teaser, which ends a sentence where the
 * others do not, is related too, not the story's first paragraph, and the title under
 * it is the headline. */
static void test_items_over_story(void)
{
	static const char *const teasers[] = {
		"Ferry Fares To Rise In Spring",
		"Library To Open On Sundays",
		"Storm Warning For The Coast This Weekend",
		"School Meals To Cost Less From April Every district will charge less for "
		"school meals from April, the education board said, as the price of food fell "
		"over the winter.",
	};
	struct page p;
	struct sahifa_article a;
	size_t i;
	long last = 0;

	page_open(&p);
	for (i = 0; i < COUNT(teasers); i++) {
		put(&p, "[blank_1x1]");
		last = p.line + 1;
		put(&p, teasers[i]);
	}
	put(&p, "");
	put(&p, "More");
	put(&p, "");
	put(&p, "[blank_1x1]");
	put(&p, "CBS Entertainment");
	put(&p, "");
	put(&p, "Council Backs Bus Lanes For The Harbour Road");
	put(&p, "");
	put(&p, "November 18, 2025 at 4:59 pm");
	put(&p, "Filed Under:Transport");
	put(&p, "[30h-BAY-wh]");
	put(&p, "");
	page_close(&p);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Council Backs Bus Lanes For The Harbour Road");
	CHECK(removed_at(&a, last) && removed_at(&a, last)->reason == SAHIFA_REASON_RELATED);
	CHECK_INT("paragraphs", a.stats.paragraphs, (long)COUNT(prose_en));
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A news ticker read as the article's first block, its section's name and the title
 * under it, the title's date line and its copy under the title (almadenahnews.com by
 * w3m, htmldate benchmark: "اخر اﻷخبار", the latest headlines run together, "عربي
 * ودولي", "أميركا :50 الفا حصيلة الوفيات بسبب فيروس كورونا", its date, the title
 * again): the title is the headline, though more of the run's text is before it than
 * a title deep in the run may have. */
static void test_title_under_ticker(void)
{
	static const char title[] = "Council backs bus lanes for the harbour road";
	struct page p;
	struct sahifa_article a;

	page_open(&p);
	put(&p, "Latest news");
	put(&p, "The ferry company said on Monday that it would run an extra boat on Saturdays "
		"from the spring. The library will open on Sundays from the first week of March, "
		"the council said after a petition. School meals will cost less from April in "
		"every district, the education board said.");
	put(&p, "Ministry: a test does not break the fast");
	put(&p, "World");
	put(&p, "");
	put(&p, title);
	put(&p, "");
	put(&p, "Published Friday 24 April 2025 09:22 PM");
	put(&p, title);
	put(&p, "");
	page_close(&p);
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, title);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A line of topics in Cyrillic capitals over the title, and under it the rubric, the
 * time of day with "today" and a link to another edition (24tv.ua by w3m, htmldate
 * benchmark: "БЮДЖЕТ-2021 МІСЦЕВІ ВИБОРИ 2020 ..." / the title / "Право на гідність
 * 11:00, сьогодні - Читать новость на русском"): the topics are a label, the line under
 * the title its date line, and the title the headline. */
static void test_cyrillic_header(void)
{
	static const char title[] = "Рада підтримала нові смуги для автобусів на набережній";
	struct page p;

	page_open(&p);
	put(&p, "БЮДЖЕТ-2026 МІСЦЕВІ ВИБОРИ 2025 КАРАНТИН В УКРАЇНІ 2025");
	put(&p, "");
	put(&p, title);
	put(&p, "");
	put(&p, "Транспорт 11:00, сьогодні - Читати новину англійською");
	put(&p, "");
	page_close(&p);
	check_page(&p, title, -1);
}

/* A notice whose copyright sign is on its second line is the footer's, whole
 * ("This material may not be published, broadcast, rewritten, or redistributed." /
 * "©2019 FOX News Network, LLC. All rights reserved.", foxbusiness.com by w3m,
 * scrapinghub benchmark). */
static void test_footer_second_line(void)
{
	struct page p;
	struct sahifa_article a;
	const struct sahifa_removed *r;
	long notice;
	size_t i;

	page_open(&p);
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "");
	for (i = 0; i < COUNT(prose_en); i++) {
		put_wrapped(&p, prose_en[i]);
		put(&p, "");
	}
	notice = p.line + 1;
	put(&p, "   This material may not be published, broadcast, rewritten, or redistributed.");
	put(&p, "   ©2025 Riverton Daily, LLC. All rights reserved. FAQ - Updated Privacy Policy");
	put(&p, "");
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	r = removed_at(&a, notice);
	CHECK(r && r->reason == SAHIFA_REASON_FOOTER);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A title that reads as prose at the start of the run, printed twice, is the headline
 * though no author's line stands right under it ("Browns player on Mason Rudolph's
 * role in fight with Myles Garrett: He asked for it" twice over its deck, then the
 * author's picture and line, cbssports.com by w3m, scrapinghub benchmark). */
static void test_title_twice(void)
{
	static const char *const title =
		"Riverton shop owner on the council's role in the fight over the harbour road: "
		"They asked for it";
	struct page p;
	size_t i;

	page_open(&p);
	put(&p, "Up next:");
	put(&p, "");
	put(&p, title);
	put(&p, "");
	put(&p, title);
	put(&p, "");
	put(&p, "One of the shop owners on the harbour road did not hold back on Monday when "
		"asked about the vote");
	put(&p, "");
	put(&p, "  • ");
	put(&p, "");
	put(&p, "    Jane Doe mugshot");
	put(&p, "");
	put(&p, "  • by Jane Doe");
	put(&p, "  • Nov 18, 2025 at 9:24 pm ET • 2 min read");
	put(&p, "");
	page_close(&p);
	check_page(&p, title, -1);
	/* printed twice, it outweighs the deck with the author's line under it ("UEFA
	 * Euro 2020 qualifying: Tracking every team to clinch a spot as Wales punches
	 * ticket" twice over "Twenty teams have punched tickets for next summer's
	 * tournament", cbssports.com, the same benchmark) */
	page_open(&p);
	put(&p, "Up next:");
	put(&p, "");
	for (i = 0; i < 2; i++) {
		put(&p, "Harbour road works: Tracking every shop to close as the bus lanes come");
		put(&p, "");
	}
	put(&p, "The city council of Riverton voted to spend four million dollars on bus lanes");
	put(&p, "");
	put(&p, "  • ");
	put(&p, "");
	put(&p, "    Jane Doe mugshot");
	put(&p, "");
	put(&p, "  • by Jane Doe");
	put(&p, "  • @janedoe");
	put(&p, "  • Nov 19, 2025 at 6:46 pm ET • 2 min read");
	put(&p, "");
	page_close(&p);
	check_page(&p, "Harbour road works: Tracking every shop to close as the bus lanes come",
		   -1);
}

static void test_clean_not_page(void)
{
	struct sahifa_buf b;
	struct sahifa_article a;
	struct sahifa_error err;
	size_t i;
	static const char *const verse[] = {
		"على شاطئ البحر كان المساء", "يمر خفيفا كطيف الغمام", "وكنا نعد النجوم معا",
		"ونحلم بالصبح بعد الظلام", "وفي القلب شوق إلى موطن", "بعيد عن العين قريب المقام",
		"إذا ما ذكرناه طاب الحديث", "وعاد إلى الروح طيب الكلام",
	};

	sahifa_buf_init(&b, 0);
	sahifa_buf_append_str(&b, "قصائد البحر في ذاكرة المدينة\n\n");
	for (i = 0; i < 3; i++)
		sahifa_buf_append_str(&b, prose_ar[i]), sahifa_buf_append_str(&b, "\n");
	for (i = 0; i < COUNT(verse); i++)
		sahifa_buf_append_str(&b, verse[i]), sahifa_buf_append_str(&b, "\n");
	for (i = 0; i < COUNT(verse); i++)
		sahifa_buf_append_str(&b, verse[i]), sahifa_buf_append_str(&b, "\n");
	sahifa_buf_append_str(&b, prose_ar[3]);
	sahifa_buf_append_str(&b, "\n");
	sahifa_article_init(&a);
	CHECK(sahifa_segment(defaults, b.data, b.len, &a, &err) == SAHIFA_OK);
	CHECK_INT("removed", a.stats.removed, 0);
	CHECK_STR("headline", a.headline, "قصائد البحر في ذاكرة المدينة");
	for (i = 0; i < a.n_sections; i++) {
		size_t j;

		for (j = 0; j < a.sections[i].n_paragraphs; j++)
			CHECK_INT("not joined", a.sections[i].paragraphs[j].lines, 1);
	}
	CHECK(a.published == NULL && a.n_authors == 0);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&b);
}

/* A blog post that gives every sentence its own paragraph and ends most of them with
 * "!" or "?", with the same caption under each of its pictures (a post of
 * jeongdongtheater.com's blog, a page of the scrapinghub article-extraction benchmark,
 * w3m and lynx): the sentences are a run of prose, and the caption in between neither
 * ends it nor makes its neighbours boilerplate; the post is kept whole, and the
 * caption goes as the pictures' (not the article's text; nor is it the headline, which
 * is another post's of the same blog).  The same line printed three times among teaser
 * titles, with no prose around, stays outside. */
static void test_exclaimed_post(void)
{
	static const char caption[] = "2018 Jeongdong Theater Tradition Series Performance "
				      "[The Palace: Tale of Jang Noksu] \xe2\x80\x98" "2018 "
				      "Welcome Daehak-ro Festival\xe2\x80\x99";
	static const char *const post[] = {
		"It\xe2\x80\x99s because <The Palace: Tale of Jang Noksu> was part of the opening "
		"ceremony of \xe2\x80\x98" "2018 Welcome Daehak-ro Festival\xe2\x80\x99 which will "
		"be held until October 31st 2018!",
		"The reason we came to Marronnier Park!",
		"Shall we go back in time to visit the actual scene of the festival?",
		NULL,
		"The opening ceremony of \xe2\x80\x98" "2018 Welcome Daehak-ro Festival\xe2\x80\x99 "
		"was held on a special stage at Marronnier Park!!",
		"Preparation work is still ongoing and it\xe2\x80\x99s 6PM, before the start of "
		"the performance!",
		NULL,
		"Crowds of people came to the actual scene of the opening ceremony!",
		NULL,
		"Our team, made up of Nam Yongwoo, Lee Gisoo, Lee Jungdae from the percussion team "
		"and Kim Hana, Kim Hyesu, Kim Minjeong from the training team of Jeongdong "
		"Theater, prepared an outstanding performance at the festival! \xf0\x9f\x99\x82",
		NULL,
		"Transformed into graceful performers!",
		"The dance techniques of royal court dances paired with beautiful traditional "
		"Korean hanbok revealed an even more elegant side!",
		NULL,
		"Next up is the Coloured Box Drum Dance performed with adorable drums!!",
		NULL,
		"Now, for the start of the performance!",
		"Marronnier Park was already packed with people and Jeongdong Theater presented "
		"the beauty of traditional performances to the audience!",
		NULL,
		"Korea\xe2\x80\x99s beauty was revealed at \xe2\x80\x98" "2018 Welcome Daehak-ro "
		"Festival\xe2\x80\x99!",
		"We will become the Jeongdong Theater who always strives to make the Korean "
		"culture widely known to the world \xf0\x9f\x99\x82",
	};
	static const char *const teasers[] = {
		"  \xe2\x80\xa2 Storm warning for the coast this weekend",
		"  \xe2\x80\xa2 School meals to cost less from April",
		"  \xe2\x80\xa2 Harbour festival moves to August",
	};
	struct page p;
	struct sahifa_article a;
	long first = 0, copy[3] = { 0 };
	size_t i, j, n = 0, kept = 0;

	page_open(&p);
	put(&p, "[The Palace: Tale of Jang Noksu] More Reviews from KLOOK Visitors!");
	put(&p, "");
	put(&p, "October 15, 2018/0 Comments/in Jeongdong Perfomance News /by jdadmin");
	put(&p, "");
	first = p.line + 1;
	for (i = 0; i < COUNT(post); i++) {
		put(&p, post[i] ? post[i] : caption);
		put(&p, "");
	}
	put(&p, "Most read");
	for (i = 0; i < COUNT(teasers); i++) {
		put(&p, teasers[i]);
		copy[i] = p.line + 1;
		put(&p, caption);
	}
	put(&p, "");
	put(&p, "About us \xc2\xb7 Contact \xc2\xb7 Privacy policy \xc2\xb7 Terms of use");
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline,
		  "[The Palace: Tale of Jang Noksu] More Reviews from KLOOK Visitors!");
	for (i = 0; i < COUNT(post); i++) {
		long line = first + 2 * (long)i;

		n += post[i] != NULL;
		for (j = 0; j < a.n_sections; j++) {
			size_t q;

			if (a.sections[j].heading && a.sections[j].line == line)
				kept++;
			for (q = 0; q < a.sections[j].n_paragraphs; q++)
				if (a.sections[j].paragraphs[q].line == line)
					kept++;
		}
		CHECK_STR(post[i] ? post[i] : caption,
			  removed_at(&a, line) ? sahifa_reason_name(removed_at(&a, line)->reason)
					       : NULL, post[i] ? NULL : "credit");
	}
	CHECK_INT("post lines in the body", (long)kept, (long)n);
	for (i = 0; i < COUNT(copy); i++)
		CHECK(removed_at(&a, copy[i]) != NULL);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A table set between the story's paragraphs, under a heading, as w3m prints it at
 * 80 columns (the snap counts of a team's defensive line on a sports blog, a page of
 * the scrapinghub article-extraction benchmark; a cell too wide goes on under its
 * row): its rows have few stop words and end no sentence, yet the table is the
 * story's, and the paragraphs after it too. */
static void test_table_in_story(void)
{
	static const char *const table[] = {
		"Defensive Line",
		"",
		"Pos     Player      Plays  %                        Stats",
		"DL  Larry Ogunjobi  63    85% 1 tackle (1 combined). 1 sack, 1 TFL, 2 QH.",
		"DL  Myles Garrett   57    77% 1 tackle (1 combined). 3 QH.",
		"DL  Chad Thomas     57    77% 3 tackles (3 combined). 1 sack, 1 TFL, 1 QH, 1",
		"                              pass defended.",
		"DL  Sheldon         49    66% 2 tackles, 1 assist (3 combined). 1 QH.",
		"    Richardson",
		"DL  Chris Smith     29    39% 1 assist (1 combined). 1 QH.",
		"DL  Devaroe         28    38% No stats registered.",
		"    Lawrence",
		"DL  Eli Ankou       13    18% 1 tackle (1 combined). 1 TFL.",
	};
	struct page p;
	struct sahifa_article a;
	long first = 0;
	size_t i;

	page_open(&p);
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "");
	for (i = 0; i < 4; i++) {
		put(&p, prose_en[i]);
		put(&p, "");
		if (i == 1) {
			size_t j;

			first = p.line + 1;
			for (j = 0; j < COUNT(table); j++)
				put(&p, table[j]);
			put(&p, "");
		}
	}
	put(&p, "Most read");
	put(&p, "  \xe2\x80\xa2 Storm warning for the coast this weekend");
	put(&p, "  \xe2\x80\xa2 School meals to cost less from April");
	put(&p, "");
	put(&p, "\xc2\xa9 2025 Riverton Daily. All rights reserved.");
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Council backs bus lanes for the harbour road");
	for (i = 2; i < COUNT(table); i++) {
		const struct sahifa_removed *r = removed_at(&a, first + (long)i);

		CHECK_STR(table[i], r ? sahifa_reason_name(r->reason) : NULL, NULL);
	}
	for (i = 0; i < a.n_removed; i++)
		CHECK(strcmp(a.removed[i].text, prose_en[2]) && strcmp(a.removed[i].text, prose_en[3]));
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A sign-in box above the story, its pitch prose that names the newsletter (readability
 * test page medicalnewstoday, w3m): it opens no article; the run starts at the story,
 * and the headline is the story's. */
static void test_promo_front(void)
{
	static const char *const box[] = {
		"Sign in",
		"",
		"Log in with your Medical News Today account to create or edit your custom "
		"homepage, catch-up on your opinions notifications and set your newsletter "
		"preferences.",
		"",
		" Sign in",
		"",
		"Register for a free account",
		"",
		"Sign up for a free Medical News Today account to customize your medical and "
		"health news experiences.",
		"",
		"Register",
		"take the tour",
		"",
	};
	struct page p;
	struct sahifa_article a;
	const struct sahifa_removed *r;
	long first;
	size_t i;

	page_open(&p);
	first = p.line + 1;
	put_lines(&p, box, COUNT(box));
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "");
	put(&p, "By Jane Doe");
	for (i = 0; i < 4; i++) {
		put(&p, prose_en[i]);
		put(&p, "");
	}
	put(&p, "\xc2\xa9 2025 Riverton Daily. All rights reserved.");
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Council backs bus lanes for the harbour road");
	r = removed_at(&a, first + 2);
	CHECK_STR(box[2], r ? sahifa_reason_name(r->reason) : NULL, "newsletter");
	r = removed_at(&a, first + 8);
	CHECK_STR(box[8], r ? sahifa_reason_name(r->reason) : NULL, "newsletter");
	CHECK_INT("paragraphs", a.stats.paragraphs, 4);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* Under a short story, the site's other stories, each title printed twice over its
 * lead, hold more prose than the story (heise.de's readability test page, w3m): the
 * run of the teasers is not the article, the story before it is. */
static void test_teasers_run(void)
{
	static const char *const story[] = {
		"Das in der iOS-Version bereits enthaltene TOTP-Feature ist nun "
		"auch f\xc3\xbcr OS X 10.10 verf\xc3\xbcgbar. Zudem gibt es neue "
		"Zusatzfelder in der Datenbank und weitere Verbesserungen.",
	};
	static const char *const list[] = {
		"Apple Watch: Bestellungen k\xc3\xb6nnen offenbar dauern",
		"Apple Watch: Bestellungen k\xc3\xb6nnen offenbar dauern",
		"Im deutschen und im britischen Apple Online Store sind kurzzeitig "
		"Liefertermine f\xc3\xbcr die Computeruhr aufgetaucht. Manche "
		"Modelle brauchen demnach bis zu sechs Wochen. Mehr\xe2\x80\xa6",
		"Apple aktualisiert Xcode, OS X Server und Apple Configurator",
		"Apple aktualisiert Xcode, OS X Server und Apple Configurator",
		"Neben iOS 8.3 und OS X 10.10.3 hat der Hersteller auch drei "
		"weitere hauseigene Anwendungen auf den neuesten Stand gebracht. "
		"Xcode 6.3 bringt unter anderem Support f\xc3\xbcr die neue "
		"Force-Touch-Technik und ein neues Swift. Mehr\xe2\x80\xa6",
		"Quiz: Wie gut kennen Sie Apple?",
		"Quiz: Wie gut kennen Sie Apple?",
		"12 Fragen rund um das Unternehmen und seine Produkte \xe2\x80\x93 "
		"einige davon d\xc3\xbcrften nur Fortgeschrittene knacken "
		"k\xc3\xb6nnen.  Mehr\xe2\x80\xa6",
		"Artikel",
		"Pro & Contra: Hat Apple den Bogen \xc3\xbc" "berspannt?",
		"Beim neuen MacBook 12\" gibt es au\xc3\x9f" "er der "
		"Kopfh\xc3\xb6rerbuchse nur eine Schnittstelle: USB Typ C. "
		"Dar\xc3\xbc" "ber scheiden sich wieder mal die Geister. "
		"Mehr\xe2\x80\xa6",
		"Praxistipp: Gr\xc3\xb6\xc3\x9f" "ere SSD im MacBook Air 2011",
		"Wenn das MacBook an seine Grenzen st\xc3\xb6\xc3\x9ft, brauchen "
		"Sie nicht unbedingt ein neues: Ersatz-SSDs gibt es ab 170 Euro, "
		"der Umbau ist auch f\xc3\xbcr Laien zu schaffen und in wenigen "
		"Minuten erledigt. Mehr\xe2\x80\xa6",
		"Pro & Contra: Ist Apple zu streng?",
		"Das Pr\xc3\xbc" "ferteam im iOS-App-Store lehnt immer "
		"h\xc3\xa4ufiger ganze Apps ab oder verlangt eine Beschneidung der "
		"Funktionen. Ist das richtig so? Mehr\xe2\x80\xa6",
		"Die besseren Mac minis",
		"Nachdem wir den g\xc3\xbcnstigsten Mac mini mit 1,4 GHz bereits "
		"in Mac & i Heft 6/2014 vorstellen konnten, reichen wir nun "
		"\xe2\x80\x93 wie versprochen \xe2\x80\x93 einen Test der beiden "
		"besseren Konfigurationen nach. Mehr\xe2\x80\xa6",
	};
	struct page p;
	struct sahifa_article a;
	long first = 0, at = 0;
	size_t i;

	page_open(&p);
	put(&p, "1Password f\xc3\xbcr Mac generiert Einmal-Passw\xc3\xb6rter");
	put(&p, "");
	at = p.line + 1;
	for (i = 0; i < COUNT(story); i++) {
		put(&p, story[i]);
		put(&p, "");
	}
	put(&p, "News");
	put(&p, "");
	first = p.line + 1;
	for (i = 0; i < COUNT(list); i++) {
		put(&p, list[i]);
		put(&p, "");
	}
	put(&p, "\xc2\xa9 2015 Heise Medien");
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline,
		  "1Password f\xc3\xbcr Mac generiert Einmal-Passw\xc3\xb6rter");
	for (i = 0; i < COUNT(story); i++)
		CHECK(removed_at(&a, at + 2 * (long)i) == NULL);
	for (i = 0; i < COUNT(list); i++)
		CHECK(removed_at(&a, first + 2 * (long)i) != NULL);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* Pages in scripts and languages that the stop-word lists read differently from the
 * Latin ones: prose from the Universal Declaration of Human Rights (the translations in
 * the UDHR collection, OHCHR's text: Thai, Hindi, Burmese articles 2-4 and the first
 * clauses of the Burmese preamble), framed by a menu and a footer of the project's own
 * writing in that language.  The prose is the body, whether its sentences end in a
 * danda, in Myanmar's section mark or in nothing (Thai), and the menu is not. */
/* The head of lefigaro.fr's article page by w3m, from its title to the end of the
 * story (goose3 test page lefigaro): the title, a list of the article's facts under
 * its breadcrumb, the picture's caption, the deck and the story. */
static const char *const lefigaro_head[] = {
	"Montebourg envisage des privatisations partielles",
	"",
	"  • Home ECONOMIE Conjoncture",
	"  • ",
	"      □ Par Bertille Bayart, Marie Visot",
	"      □ Mis à jour le 06/04/2013 à 10:37",
	"      □ Publié le 05/04/2013 à 17:08",
	"",
	"Arnaud Montebourg, ministre du Redressement productif",
	"",
	"Arnaud Montebourg, ministre du Redressement productif Crédits photo :",
	"Jean-Christophe MARMARA/Le Figaro",
	"",
	"",
	"Selon le ministre du Redressement productif interviewé par le Wall Street",
	"Journal, le gouvernement réfléchit à des changements dans les participations",
	"détenues par l'État.",
	"",
	"[]",
	"Publicité",
	"[]",
	"[]",
	"",
	"«Dans le cadre de l'effort de restructuration budgétaire (…), nous",
	"réfléchissons à des changements dans les participations de l'État.» Cette",
	"petite phrase d'Arnaud Montebourg, au Wall Street Journal , augure-t-elle d'une",
	"vague de cessions dans le vaste portefeuille de l'État, à la recherche de",
	"nouvelles ressources budgétaires? L'entourage du ministre du Redressement",
	"productif comme celui de Pierre Moscovici, le ministre de l'Économie, s'en",
	"défend. «Le ministre a simplement rappelé la doctrine, constante, de l'État",
	"actionnaire, qui est de ne pas s'interdire de céder certaines participations,",
	"dès lors que la puissance publique reste au-dessus des seuils parfois fixés par",
	"la loi (comme chez EDF ou GDF par exemple, NDLR) et que cela ne remet pas en",
	"cause sa présence, ni son influence sur les entreprises stratégiques», précise",
	"un proche du ministre. «Il n'y a pas de sujet, nous n'avons pas de dossier",
	"précis. Et pour rappel, la cession de participations relève du ministre de",
	"l'Économie», ajoute un proche de Pierre Moscovici.",
	"",
	"À Bercy, chacun s'accorde à dire qu'il n'y a «aucun tabou». Des cessions",
	"pourront ainsi financer des réinvestissements. L'État vient de vendre 3,12 % de",
	"Safran pour 448 millions d'euros. Et la refonte de la gouvernance d'EADS lui",
	"laisse l'opportunité d'en vendre 3 %. Ces deux entreprises, portées par le boom",
	"de l'aéronautique, sont d'ailleurs celles qui sont le mieux valorisées en",
	"Bourse. Tandis que vendre du EDF ou du GDF serait aujourd'hui une mauvaise",
	"affaire. Ce ne serait pas forcément non plus une bonne nouvelle pour le budget:",
	"le portefeuille de l'État rapporte 4,5 milliards d'euros par an en dividendes.",
};

/* The comments' count over the best-rated ones, each with the reader's name and time
 * (macrumors.com as BeautifulSoup prints it, scrapinghub benchmark: "167 comments" /
 * "Top Rated Comments" / "Woyzeck" / "2 days ago at 07:52 am" / the comment), where
 * the story's prose before it and a long comment after it make the short lines good
 * by their neighbours: the comments still end the article.  A "Comments" link alone
 * between two of the story's paragraphs (nationalreview.com by w3m, the same
 * benchmark) ends nothing. */
static void test_comments_header_amid(void)
{
	static const char *const comments[] = {
		"12 comments", "Top Rated Comments", "Harbourfan", "2 days ago at 07:52 am",
		"I have taken the bus along the harbour road every morning for ten years, and I "
		"can tell you that the lanes are long overdue, whatever the shop owners say about "
		"their parking spaces and their customers.",
		"Rating:", "36 Votes",
	};
	struct sahifa_article a;
	struct page p;
	long first, mid;
	size_t i;

	page_open(&p);
	put(&p, "Council backs bus lanes for the harbour road");
	put(&p, "");
	for (i = 0; i < 2; i++)
		put(&p, prose_en[i]), put(&p, "");
	mid = p.line + 1;
	put(&p, "Comments");
	put(&p, "");
	for (i = 2; i < 4; i++)
		put(&p, prose_en[i]), put(&p, "");
	first = p.line + 1;
	for (i = 0; i < COUNT(comments); i++)
		put(&p, comments[i]), put(&p, "");
	put(&p, "About us · Contact · Privacy policy · Terms of use");
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Council backs bus lanes for the harbour road");
	CHECK_INT("paragraphs", a.stats.paragraphs, 4);
	CHECK(removed_at(&a, mid) == NULL || removed_at(&a, mid)->reason != SAHIFA_REASON_COMMENT);
	for (i = 0; i < COUNT(comments); i++) {
		const struct sahifa_removed *r = removed_at(&a, first + 2 * (long)i);

		/* (the rating under the last comment is past the run: short text) */
		CHECK_STR("comment", r ? sahifa_reason_name(r->reason) : NULL,
			  i < 5 ? "comment" : "short_block");
	}
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* The readers' comments, more text than the article, under their count and each with
 * its buttons under it ("160 commentaires", "Alerter Répondre"): the article is the
 * prose before them (lefigaro.fr by w3m, the page cut short; goose3 test page
 * lefigaro). */
static void test_comments_count(void)
{
	static const char *const rest[] = {
		"",
		"  • Partager",
		"      □ ",
		"      □ ",
		"      □ ",
		"      □ ",
		"    Partager cet article X",
		"      □ ",
		"      □  ",
		"      □ ",
		"      □ ",
		"      □ Recommander",
		"      □ Envoyer par mail Envoyer par mail",
		"[avatar-jou] Bertille Bayart",
		"",
		"  • journaliste",
		"  • 5 abonnés",
		"  • ",
		"",
		"Journaliste",
		"",
		"Ses derniers articles",
		"",
		"  • HSBC continue de tailler dans ses effectifs",
		"  • Ségolène Royal met la banque publique d'investissement à l'épreuve",
		"  • Michel-Édouard Leclerc : «Ne touchons pas au pouvoir d'achat !»",
		"",
		"[picture-26] Marie Visot",
		"",
		"  • journaliste",
		"Sur le même sujet",
		"",
		"  • EDF",
		"  • Arnaud Montebourg",
		"  • AREVA",
		"  • Privatisation",
		"  • Participations de l'Etat",
		"  • Entreprises publiques",
		"",
		"  • [fa1288fc-b]GDF Suez redémarre le nucléaire en Belgique",
		"  • L’ATP fait sa « Green Week » à Nice",
		"  • De grandes entreprises participent à l'amélioration de la vie dans les",
		"    prisons",
		"  • Retour en force des valeurs cycliques en Bourse",
		"",
		"  • Thématique : EDF",
		"  • ",
		"",
		"Conjoncture",
		"",
		"  • + récents",
		"  • + commentés",
		"  • + partagés",
		"",
		"  • [PHO5a02e98]Chine : les salaires du privé en hausse de 17 %",
		"  • Italie : le gouvernement suspend l'impôt foncier tant décrié",
		"  • Hollande déterre la Communauté européenne de l'énergie",
		"  • Il y a peu de chances pour que les impôts des ménages baissent en 2014",
		"",
		"  • Plus d'articles Conjoncture",
		"",
		"Réagir à cet article",
		"",
		"[]",
		"Publicité",
		"",
		"160 commentaires",
		"",
		"  • Avatar Abonné",
		"    democrate10",
		"",
		"    Bonne chose mais réaction paradoxale de la part de socialiste ( le sont-ils",
		"    vraiments ?).Le gouvernement est à l'agonie économiquement et nous avec.",
		"",
		"    Le 21/04/2013 à 02:20",
		"    Alerter Répondre",
		"  • Avatar",
		"    louisette.lot",
		"",
		"    Nouveau ça vient de sortir ,il fait parti des 27% d’encore confiant à",
		"    Hollande , malgré les gifles qu’il a reçu de la gauche au pouvoir , ce",
		"    syndicaliste-sidérurgiste qui fait le parallèle ( ? ) entre son enfance",
		"    d'immigré espagnol et son combat pour la survie de ... son futur “ Livre “",
		"    ( écrit par un intellectuel de gauche ) et encore plus fort....il veut se",
		"    lancer dans la politique (encouragé et parrainer par Montebourg ) c’est le",
		"    comble !",
		"    Le vrai des vrai ,il se sert de ses “ camarades grévistes “ comme tremplin",
		"    pour se faire une “ petite carrière “ dans la politique ! on aura tout vue",
		"    !",
		"",
		"    Le 07/04/2013 à 17:29",
		"    Alerter Répondre",
		"  • Avatar",
		"    dijonnais",
		"",
		"    à part SAFRAN et EADS, je ne vois rien de vendable.. demandez aux",
		"    actionnaires de FranceTelecom ou EDF...",
		"",
		"    Le 07/04/2013 à 14:17",
		"    Alerter Répondre",
		"  • Avatar",
		"    defghi",
		"",
		"    En mettant un peu la morale de côté, il y aurait des pistes intéressantes",
		"    et différentes pour la croissance...",
		"    http://www.actudupouvoir.fr/de-wilson-a-cahuzac-une-idee-pour-montebourg/",
		"",
		"    Le 06/04/2013 à 19:47",
		"    Alerter Répondre",
		"  • Avatar",
		"    autran",
		"",
		"    Vendons à nos grands amis du Qatar qui sont déjà exonérés d’impôts locaux",
		"    en France.",
		"",
		"    Le 06/04/2013 à 17:32",
		"    Alerter Répondre",
		"  • Avatar",
		"    optimhomme",
		"",
		"    Cela s'appelle une dénationalisation: ça va déplaire à l'électorat de",
		"    gauche!",
		"",
		"    Le 06/04/2013 à 12:20",
		"    Alerter Répondre",
		"  • Avatar",
		"    mamiekéké",
		"",
		"    Quel fifre ce type.",
		"",
		"    Le 06/04/2013 à 12:16",
		"    Alerter Répondre",
		"  • Avatar",
		"    papi744",
		"",
		"    donc on commence à penser à vendre des \"bijoux de famille\": l'état n'est",
		"    plus loin du \"mont de piété\"",
		"",
		"    Le 06/04/2013 à 11:36",
		"    Lire la réponse à ce commentaire Alerter Répondre",
		"      □ ",
		"      □ Avatar",
		"        Pauvre France15",
		"",
		"        il arrive chez sa tante",
		"",
		"        Le 19/04/2013 à 22:54",
		"        Alerter Répondre",
		"  • Avatar",
		"    Glaius",
		"",
		"    Ce gouvernement, à bout de souffle, gratte les fonds de tirroir. Pauvre de",
		"    lui....",
		"",
		"    Le 06/04/2013 à 07:24",
		"    Alerter Répondre",
		"  • Avatar",
		"    Lili Malidenet",
		"",
		"    Et bien enfin une nouvelle réjouissante pour le CAC 40 ! La gauche",
		"    privatise, une belle aubaine pour les chacals !",
		"",
		"    Le 06/04/2013 à 00:09",
		"    Lire la réponse à ce commentaire Alerter Répondre",
		"      □ ",
		"      □ Avatar",
		"        LamiDesAnimaux",
		"",
		"        On n'a jamais autant privatisé que sous Mitterand et sous Jospin.",
		"        Brader les entreprises publiques pour pouvoir continuer à financer leur",
		"        politique calamiteuse, c'est une spécialité \"socialiste\". Après on",
		"        s'étonne qu'ils aient des comptes secrets à droite à gauche, faut bien",
		"        les rémunérer pour leurs bons et loyaux services... (bon les",
		"        politiciens de l'UMP qui ont gouverné en ont au moins autant... UMPS",
		"        oblige quoi)",
		"",
		"        Le 06/04/2013 à 01:27",
		"        Alerter Répondre",
		"      □ 1",
		"      □ 2",
		"      □ 3",
	};
	struct page p;
	struct sahifa_article a;
	size_t i, j, kept = 0;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put_lines(&p, lefigaro_head, COUNT(lefigaro_head));
	put_lines(&p, rest, COUNT(rest));
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Montebourg envisage des privatisations partielles");
	if (a.n_sections > 0 && a.sections[0].n_paragraphs > 0)
		CHECK(strstr(a.sections[0].paragraphs[0].text, "Selon le ministre") != NULL);
	for (i = 0; i < a.n_sections; i++)
		for (j = 0; j < a.sections[i].n_paragraphs; j++) {
			CHECK(!strstr(a.sections[i].paragraphs[j].text, "Avatar"));
			kept++;
		}
	CHECK_INT("paragraphs", (long)kept, 3);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A German picture credit ("Bild:  [94]Reuters") sits inside the article as other
 * credits do: the lead over the picture stays the article's (wiwo.de by elinks, goose3
 * test page wiwo). */
static void test_credit_label(void)
{
	static const char *const lines[] = {
		"Linde Gasekonzern muss Teile des US-Geschäfts verkaufen",
		"",
		"   23. März 2017 , aktualisiert 23. März 2017, 15:43 Uhr | Quelle:",
		"   [92]Handelsblatt Online",
		"",
		"   Der Linde-Konzern muss sich von Teilen seiner US-Aktivitäten trennen. Den",
		"   Verkauf machen Kartellbehörden zur Bedingung, damit sie die geplante",
		"   Fusion der Münchener mit dem US-Rivalen Praxair genehmigen.",
		"",
		"   Facebook  Twitter  Xing  LinkedIn  Whatsapp  Mail",
		"   [93]Beim Geschäft mit Industriegasen kommt Linde in den USA auf einen",
		"   Umsatz von rund zwei Milliarden Dollar. Quelle: Reuters",
		"",
		"   Beim Geschäft mit Industriegasen kommt Linde in den USA auf einen Umsatz",
		"   von rund zwei Milliarden Dollar.",
		"",
		"   Bild:  [94]Reuters",
		"",
		"   Um die Genehmigung der Kartellbehörden für den geplanten Zusammenschluss",
		"   mit dem US-Konkurrenten Praxair zu erhalten, wird der Münchner",
		"   Linde-Konzern Teile seiner US-Aktivitäten verkaufen müssen. In",
		"   Beraterkreisen ist von einem Desinvestitionsbedarf in Milliardenhöhe die",
		"   Rede. Zuerst hatte die „Wirtschaftswoche“ darüber berichtet.",
		"",
		"   Beim Geschäft mit Industriegasen kommt Linde in den [95]USA auf einen",
		"   Umsatz von rund zwei Milliarden Dollar und beschäftigt in dem Segment etwa",
		"   6.000 Mitarbeiter. Die größten Standorte befinden sich in den",
		"   Bundesstaaten New Jersey und Texas. Nach Berechnungen von Analysten hat",
		"   Linde in den USA bei Industriegasen einen Markanteil von 22 Prozent,",
		"   Praxair kommt auf 27 Prozent.",
		"",
		"   Weitere Länder, in denen Linde im Fall einer Fusion mit Praxair wegen",
		"   Auflagen der Kartellbehörden Kapazitäten abgeben muss, sind [96]Brasilien,",
		"   Chile, Spanien und Italien. Für zwei Linde-Anlagen in Brasilien, heißt es",
		"   in Industriekreisen, hätten mögliche Käufer bereits Interesse bekundet.",
		"",
		"   [97]Zur Startseite  ",
		"   Diesen Artikel teilen:",
		"   Facebook  Twitter  Xing  LinkedIn  Whatsapp  Mail",
		"   © Handelsblatt GmbH – Alle Rechte vorbehalten. [98]Nutzungsrechte",
		"   erwerben?",
		"   Serviceangebote unserer Partner",
	};
	struct page p;
	struct sahifa_article a;
	const struct sahifa_removed *r;
	long lead = 0, credit = 0;
	size_t i;

	page_open(&p);
	for (i = 0; i < COUNT(lines); i++) {
		if (!lead && strstr(lines[i], "Der Linde-Konzern"))
			lead = p.line + 1;
		if (!credit && strstr(lines[i], "Bild:"))
			credit = p.line + 1;
		put(&p, lines[i]);
	}
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Linde Gasekonzern muss Teile des US-Geschäfts verkaufen");
	CHECK(removed_at(&a, lead) == NULL);
	r = removed_at(&a, credit);
	CHECK_STR("credit", r ? sahifa_reason_name(r->reason) : NULL, "credit");
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* The author's line in a list of the article's facts under a breadcrumb, as w3m and
 * html2text print a list in a list ("• Home ECONOMIE Conjoncture" / "•" / "□ Par
 * Bertille Bayart, Marie Visot"; "*     o Par Bertille_Bayart, Marie_Visot"): the
 * breadcrumb is no name, and the inner list's bullet is not the author's
 * (lefigaro.fr, goose3 test page lefigaro). */
static void test_listed_author(void)
{
	static const char *const html2text[] = {
		"****** Montebourg envisage des privatisations partielles ******",
		"    * Home ECONOMIE Conjoncture",
		"    *     o Par Bertille_Bayart, Marie_Visot",
		"          o Mis à jour le 06/04/2013 à 10:37",
		"          o Publié le 05/04/2013 à 17:08",
		" [Arnaud Montebourg, ministre du Redressement productif]",
		"Arnaud Montebourg, ministre du Redressement productif Crédits photo : Jean-",
		"Christophe MARMARA/Le Figaro",
		"Selon le ministre du Redressement productif interviewé par le Wall Street",
		"Journal, le gouvernement réfléchit à des changements dans les participations",
		"détenues par l'État.",
		"",
		"Publicité",
		"",
		"",
		"«Dans le cadre de l'effort de restructuration budgétaire (…), nous réfléchissons",
		"à des changements dans les participations de l'État.» Cette petite phrase",
		"d'Arnaud_Montebourg, au Wall Street Journal, augure-t-elle d'une vague de",
		"cessions dans le vaste portefeuille de l'État, à la recherche de nouvelles",
		"ressources budgétaires? L'entourage du ministre du Redressement productif comme",
		"celui de Pierre_Moscovici, le ministre de l'Économie, s'en défend. «Le ministre",
		"a simplement rappelé la doc­trine, constante, de l'État actionnaire, qui est de",
		"ne pas s'interdire de céder certaines participations, dès lors que la puissance",
		"publique reste au-dessus des seuils parfois fixés par la loi (comme chez EDF ou",
		"GDF par exemple, NDLR) et que cela ne remet pas en cause sa présence, ni son",
		"influence sur les entreprises stratégiques», précise un proche du ministre. «Il",
		"n'y a pas de sujet, nous n'avons pas de dossier précis. Et pour rappel, la",
		"cession de participations relève du ministre de l'Économie», ajoute un ­proche",
		"de Pierre Moscovici.",
		"À Bercy, chacun s'accorde à dire qu'il n'y a «aucun tabou». Des cessions",
		"pourront ainsi financer des réinvestissements. L'État vient de vendre 3,12 % de",
		"Safran pour 448 millions d'euros. Et la refonte de la ­gouvernance d'EADS lui",
		"laisse l'opportunité d'en vendre 3 %. Ces deux entreprises, portées par le boom",
		"de l'aéronautique, sont d'ailleurs celles qui sont le mieux valorisées en",
		"Bourse. Tandis que vendre du EDF ou du GDF serait aujourd'hui une mauvaise",
		"affaire. Ce ne serait pas forcément non plus une bonne nouvelle pour le budget:",
		"le portefeuille de l'État rapporte 4,5 milliards d'euros par an en dividendes.",
		"    * Partager",
		"      Partager cet article X",
		"    * Recommander",
	};
	const struct {
		const char *const *lines;
		size_t n;
	} cases[] = { { lefigaro_head, COUNT(lefigaro_head) }, { html2text, COUNT(html2text) } };
	size_t c, i;
	struct page p;

	for (c = 0; c < COUNT(cases); c++) {
		page_open(&p);
		put_lines(&p, cases[c].lines, cases[c].n);
		check_header(&p, "Montebourg envisage des privatisations partielles",
			     "Par Bertille Bayart, Marie Visot");
	}
	/* without the author's line, the breadcrumb is still no byline */
	page_open(&p);
	for (i = 0; i < COUNT(lefigaro_head); i++)
		if (!strstr(lefigaro_head[i], " Par "))
			put(&p, lefigaro_head[i]);
	check_header(&p, "Montebourg envisage des privatisations partielles", NULL);
}

/* A title over two decks, each a sentence the article's first paragraph echoes: the
 * first is the headline (elpais.com by w3m, goose3 test page elpais). */
static void test_two_decks(void)
{
	static const char *const lines[] = {
		"Más temas »",
		"",
		"Las listas de espera se agravan",
		"",
		"Los recortes elevan la demora para operarse un 125% en año y medio",
		"",
		"El número de pacientes que aguardan más de 180 días para entrar en quirófano",
		"crece un 178%",
		"",
		"María R. Sahuquillo / Emilio de Benito Madrid 27 OCT 2012 - 12:14 CET ",
		"",
		"Archivado en:",
		"",
		"  • Sanidad pública",
		"",
		"[1351332873_157836_1351354920_noticia_normal]",
		"",
		"Sala de espera de un ambulatorio madrileño. / GORKA LEJARCEGI",
		"",
		"Recomendar en Facebook 0",
		"Twittear 0",
		"Enviar a LinkedIn 0",
		"Enviar a Tuenti Enviar a Menéame Enviar a Eskup",
		"Enviar Imprimir",
		"",
		"Los recortes pasan factura a los pacientes. De diciembre de 2010 a junio de",
		"2012 las listas de espera para operarse aumentaron un 125%. Hay más ciudadanos",
		"aguardando y durante más tiempo, porque el plazo de demora media también ha",
		"crecido: de 32 a 72 días, según los datos de 10 comunidades autónomas —las",
		"únicas que no se han negado a aportar la información— que ha analizado EL PAÍS.",
		"Pero si hay un dato particularmente grave e indicativo del deterioro de la",
		"situación es que la cifra de ciudadanos que llevan más de seis meses esperando",
		"para pasar por el quirófano se ha disparado un 178%. En junio de este año,",
		"27.662 personas habían sobrepasado los 180 días de demora que las comunidades",
		"se comprometieron en 2003 a no rebasar nunca. Los decretos en los que algunas",
		"lo habían plasmado —que permitían al ciudadano acudir a un centro privado con",
		"cargo a la sanidad pública si superaba esa línea roja— se han convertido ahora",
		"en papel mojado.",
		"",
		"[1351332873_157836_1351359647_sumario_norm] ampliar foto",
		"",
		"EL PAÍS",
		"",
		"Está claro que ninguna comunidad puede presumir de sus listas de espera, pero",
		"la situación es particularmente sonrojante en Extremadura y en Castilla-La",
		"Mancha. Los ciudadanos de estas dos comunidades esperan para someterse a una",
		"operación 43 y 58 días más de media, respectivamente —hasta los 109 y 107",
		"días—, que hace un año y medio. Además, Extremadura ha pasado en ese tiempo de",
		"tener 290 personas aguardando más de seis meses para operarse a registrar más",
		"de 1.000. En la comunidad gobernada por María Dolores de Cospedal, 7.132",
		"pacientes han rebasado ya ese plazo, frente a los siete contabilizados en",
		"diciembre de 2010, según los datos reflejados en la web de la Consejería de",
		"Sanidad castellano-manchega. Y otras autonomías van camino de seguir su",
		"ejemplo. En Canarias —que se ha negado a aportar la información sobre cuántos",
		"días esperan sus ciudadanos para pasar por el quirófano—, esa lista roja tenía",
		"en junio 3.800 pacientes más que un año y medio antes.",
		"",
		"Las cifras son tan malas que ningún responsable de las autonomías que salen",
		"peor paradas ha querido comentarlos. Tampoco las que —como La Rioja o Aragón—",
		"han eludido aportar información han optado por explicar cómo está la situación.",
		"Y mientras la espera se agrava, el Ministerio de Sanidad —que recibe el",
		"recuento de las comunidades semestralmente— guarda silencio. Una portavoz del",
		"departamento que dirige Ana Mato expone que aún desconocen los datos de junio,",
	};
	check_opened(lines, COUNT(lines), "Las listas de espera se agravan");
}

/* A call to click under the title, its text a link ("Click [here for an exclusive
 * fashion shoot](...) with Kristen Wiig"), is no headline, however the body echoes it
 * (theguardian.com as Markdown, the header printed twice; goose3 test page
 * guardian1). */
static void test_click_line(void)
{
	static const char *const lines[] = {
		"[ Kristen Wiig ](https://www.theguardian.com/film/kristen-wiig)",
		"",
		"#  Kristen Wiig: 'My next movie – it's going to be a Porky's prequel'",
		"",
		"Kristen Wiig's gone from working as a waitress to filming with Robert De Niro",
		"and Sean Penn. Emma Brockes hears how the summer's hit film Bridesmaids helped",
		"put the actor on the map  ",
		"  ",
		"Click [here for an exclusive fashion",
		"shoot](http://www.guardian.co.uk/film/gallery/2011/nov/18/kristen-wiig-",
		"fashion-photo-shoot) with Kristen Wiig",
		"",
		"![Kristen Wiig](https://i.guim.co.uk/img/static/sys-",
		"images/Guardian/About/General/2011/11/15/1321373539807/Kristen-",
		"Wiig-007.jpg?w=300&q=55&auto=format&usm=12&fit=max&s=18d9ea76909d00750a097a4423f0d75e)",
		"",
		"Kristen Wiig: 'Bridesmaids was definitely the biggest role I’ve ever had.'",
		"Photograph: Andrew Yee for the Guardian",
		"",
		"[ Kristen Wiig ](https://www.theguardian.com/film/kristen-wiig)",
		"",
		"#  Kristen Wiig: 'My next movie – it's going to be a Porky's prequel'",
		"",
		"Kristen Wiig's gone from working as a waitress to filming with Robert De Niro",
		"and Sean Penn. Emma Brockes hears how the summer's hit film Bridesmaids helped",
		"put the actor on the map  ",
		"  ",
		"Click [here for an exclusive fashion",
		"shoot](http://www.guardian.co.uk/film/gallery/2011/nov/18/kristen-wiig-",
		"fashion-photo-shoot) with Kristen Wiig",
		"",
		"Brockes,-L.png?w=300&q=55&auto=format&usm=12&fit=max&s=dec1eebecd5f63613fe897f09943a815)",
		"",
		"[Emma Brockes](https://www.theguardian.com/profile/emmabrockes)",
		"",
		"[ @emmabrockes ](https://twitter.com/emmabrockes)",
		"",
		"Friday 18 November 2011 18.00 EST First published on Friday 18 November 2011",
		"18.00 EST",
		"",
		"[Kristen Wiig](http://www.imdb.com/name/nm1325419/) has had the kind of summer",
		"one might imagine to be life-changing. For four years, she and[ Annie",
		"Mumolo](http://www.imdb.com/name/nm1754239/), her friend and co-writer, slaved",
		"over a comedy script commissioned by [Judd",
		"Apatow](http://www.imdb.com/name/nm0031976/) about a woman whose best friend",
		"is getting married. It was the 38-year-old's first lead in a film, and her",
		"first full-length script to be produced. As an indication of how it played",
		"with audiences, I watched it on a plane last month with a friend who, during",
		"the scene in which the bride squats in the street to relieve herself after a",
		"bad kebab, laughed so long and hard a woman passing in the aisle leant over",
		"and said, \"What are you _watching_?\"",
		"",
		"Wiig smiles when I tell her this. \"Proud,\" she says, of the day they filmed",
		"the shitting-in-the-street scene. \"A proud moment.\"",
		"",
		"We are in the tearoom of a fashionable hotel in Tribeca, the Manhattan",
		"neighbourhood where Wiig lives. Before",
		"[Bridesmaids](http://www.imdb.com/title/tt1478338/), she was known to US",
		"audiences as a long-running cast member of [Saturday Night",
		"Live](http://www.nbc.com/saturday-night-live/) and elsewhere for scene-",
		"stealing cameos in films such as [Ghost",
		"Town](http://www.imdb.com/title/tt0995039/) and [Knocked",
		"Up](http://www.imdb.com/title/tt0478311/).",
	};
	check_opened(lines, COUNT(lines), "Kristen Wiig: 'My next movie – it's going to be a Porky's prequel'");
}

/* A name alone under the headline that the picture's caption under it names is who is
 * in the picture, not the author ("Kristen Wiig" / "[ ]" / "Kristen Wiig: 'Bridesmaids
 * was definitely the biggest role I've ever had.' Photograph: Andrew Yee for the
 * Guardian", theguardian.com by w3m and lynx, goose3 test page guardian1). */
static void test_picture_name(void)
{
	static const char *const w3m[] = {
		"Kristen Wiig",
		"",
		"Kristen Wiig: 'My next movie – it's going to be a Porky's prequel'",
		"",
		"Kristen Wiig's gone from working as a waitress to filming with Robert De Niro",
		"and Sean Penn. Emma Brockes hears how the summer's hit film Bridesmaids helped",
		"put the actor on the map",
		"",
		"Click here for an exclusive fashion shoot with Kristen Wiig",
		"",
		"Kristen Wiig",
		"[ ]",
		"Kristen Wiig: 'Bridesmaids was definitely the biggest role I’ve ever had.'",
		"Photograph: Andrew Yee for the Guardian",
		"",
		"Kristen Wiig",
		"",
		"Kristen Wiig: 'My next movie – it's going to be a Porky's prequel'",
		"",
		"Kristen Wiig's gone from working as a waitress to filming with Robert De Niro",
		"and Sean Penn. Emma Brockes hears how the summer's hit film Bridesmaids helped",
		"put the actor on the map",
		"",
		"Click here for an exclusive fashion shoot with Kristen Wiig",
		"",
		"  • Share on Facebook",
		"  • Share on Twitter",
		"  • Share via Email",
		"  • View more sharing options",
		"  • Share on LinkedIn",
		"  • Share on Pinterest",
		"  • Share on Google+",
		"  • Share on WhatsApp",
		"  • Share on Messenger",
		"  • Close",
		"",
		"Emma Brockes",
		"",
		"Emma Brockes",
		"",
		"@emmabrockes",
		"",
		"Friday 18 November 2011 18.00 EST First published on Friday 18 November 2011 ",
		"18.00 EST",
		"",
		"Kristen Wiig has had the kind of summer one might imagine to be life-changing.",
		"For four years, she and Annie Mumolo, her friend and co-writer, slaved over a",
		"comedy script commissioned by Judd Apatow about a woman whose best friend is",
		"getting married. It was the 38-year-old's first lead in a film, and her first",
		"full-length script to be produced. As an indication of how it played with",
		"audiences, I watched it on a plane last month with a friend who, during the",
		"scene in which the bride squats in the street to relieve herself after a bad",
		"kebab, laughed so long and hard a woman passing in the aisle leant over and",
		"said, \"What are you watching?\"",
		"",
		"Wiig smiles when I tell her this. \"Proud,\" she says, of the day they filmed the",
		"shitting-in-the-street scene. \"A proud moment.\"",
		"",
	};
	static const char *const lynx[] = {
		"Kristen Wiig: 'My next movie – it's going to be a Porky's prequel'",
		"",
		"   Kristen Wiig's gone from working as a waitress to filming with Robert",
		"   De Niro and Sean Penn. Emma Brockes hears how the summer's hit film",
		"   Bridesmaids helped put the actor on the map",
		"   Click [137]here for an exclusive fashion shoot with Kristen Wiig",
		"",
		"   Kristen Wiig",
		"",
		"   [ ] Kristen Wiig: 'Bridesmaids was definitely the biggest role I’ve",
		"   ever had.' Photograph: Andrew Yee for the Guardian",
		"",
		"   [138]Kristen Wiig",
		"",
		"Kristen Wiig: 'My next movie – it's going to be a Porky's prequel'",
		"",
		"   Kristen Wiig's gone from working as a waitress to filming with Robert",
		"   De Niro and Sean Penn. Emma Brockes hears how the summer's hit film",
		"   Bridesmaids helped put the actor on the map",
		"   Click [139]here for an exclusive fashion shoot with Kristen Wiig",
		"",
		"     * [140]Share on Facebook",
		"     * [141]Share on Twitter",
		"     * [142]Share via Email",
		"     * (BUTTON) View more sharing options",
		"     * [143]Share on LinkedIn",
		"     * [144]Share on Pinterest",
		"     * [145]Share on Google+",
		"     * [146]Share on WhatsApp",
		"     * [147]Share on Messenger",
		"     * (BUTTON) Close",
		"",
		"   Emma Brockes",
		"",
		"   [148]Emma Brockes",
		"   [149]@emmabrockes",
		"",
		"   Friday 18 November 2011 18.00 EST First published on Friday 18 November",
		"   2011 18.00 EST",
		"",
		"   [150]Kristen Wiig has had the kind of summer one might imagine to be",
		"   life-changing. For four years, she and[151] Annie Mumolo, her friend",
		"   and co-writer, slaved over a comedy script commissioned by [152]Judd",
		"   Apatow about a woman whose best friend is getting married. It was the",
		"   38-year-old's first lead in a film, and her first full-length script to",
		"   be produced. As an indication of how it played with audiences, I",
		"   watched it on a plane last month with a friend who, during the scene in",
		"   which the bride squats in the street to relieve herself after a bad",
		"   kebab, laughed so long and hard a woman passing in the aisle leant over",
		"   and said, \"What are you watching?\"",
		"",
		"   Wiig smiles when I tell her this. \"Proud,\" she says, of the day they",
		"   filmed the shitting-in-the-street scene. \"A proud moment.\"",
		"",
		"   We are in the tearoom of a fashionable hotel in Tribeca, the Manhattan",
		"   neighbourhood where Wiig lives. Before [153]Bridesmaids, she was known",
		"   to US audiences as a long-running cast member of [154]Saturday Night",
		"   Live and elsewhere for scene-stealing cameos in films such as",
		"   [155]Ghost Town and [156]Knocked Up.",
		"",
	};
	struct page p;

	page_open(&p);
	put_lines(&p, w3m, COUNT(w3m));
	check_header(&p, "Kristen Wiig: 'My next movie – it's going to be a Porky's prequel'", NULL);
	page_open(&p);
	put_lines(&p, lynx, COUNT(lynx));
	check_header(&p, "Kristen Wiig: 'My next movie – it's going to be a Porky's prequel'", NULL);
}

/* A heading that elinks centres in its hard-wrapped text is set apart as one at the
 * margin is, over decks at the margin and the indented story ("Las listas de espera
 * se agravan", elpais.com, goose3 test page elpais); the byline is under the last of
 * the headline's copies («طهران تدفن «زادة».. وتتهم المعارضة الإيرانية باغتياله»
 * centred twice, then three times over the author, almadenahnews.com by links,
 * htmldate benchmark). */
static void test_centred_title(void)
{
	static const char *const elinks[] = {
		"   [38]Más temas »",
		"",
		"                        Las listas de espera se agravan",
		"",
		"Los recortes elevan la demora para operarse un 125% en año y medio",
		"",
		"El número de pacientes que aguardan más de 180 días para entrar en quirófano",
		"crece un 178%",
		"",
		"   [39]María R. Sahuquillo / [40]Emilio de Benito Madrid [41]27 OCT 2012 -",
		"   12:14 CET",
		"",
		"    Archivado en:",
		"",
		"",
		"   Los recortes pasan factura a los pacientes. De diciembre de 2010 a junio",
		"   de 2012 las listas de espera para operarse aumentaron un 125%. Hay más",
		"   ciudadanos aguardando y durante más tiempo, porque el plazo de demora",
		"   media también ha crecido: de 32 a 72 días, según los datos de 10",
		"   comunidades autónomas —las únicas que no se han negado a aportar la",
		"   información— que ha analizado EL PAÍS. Pero si hay un dato particularmente",
		"   grave e indicativo del deterioro de la situación es que la cifra de",
		"   ciudadanos que llevan más de seis meses esperando para pasar por el",
		"   quirófano se ha disparado un 178%. En junio de este año, 27.662 personas",
		"   habían sobrepasado los 180 días de demora que las comunidades se",
		"   comprometieron en 2003 a no rebasar nunca. Los decretos en los que algunas",
		"   lo habían plasmado —que permitían al ciudadano acudir a un centro privado",
		"   con cargo a la sanidad pública si superaba esa línea roja— se han",
		"   convertido ahora en papel mojado.",
		"",
		"   [65][IMG] [66]ampliar foto",
		"",
		"   EL PAÍS",
		"",
		"   Está claro que ninguna comunidad puede presumir de sus listas de espera,",
		"   pero la situación es particularmente sonrojante en Extremadura y en",
		"   Castilla-La Mancha. Los ciudadanos de estas dos comunidades esperan para",
		"   someterse a una operación 43 y 58 días más de media, respectivamente",
		"   —hasta los 109 y 107 días—, que hace un año y medio. Además, Extremadura",
		"   ha pasado en ese tiempo de tener 290 personas aguardando más de seis meses",
		"   para operarse a registrar más de 1.000. En la comunidad gobernada por",
		"   María Dolores de Cospedal, 7.132 pacientes han rebasado ya ese plazo,",
		"   frente a los siete contabilizados en diciembre de 2010, según los datos",
		"   reflejados en la web de la Consejería de Sanidad castellano-manchega. Y",
		"   otras autonomías van camino de seguir su ejemplo. En Canarias —que se ha",
		"   negado a aportar la información sobre cuántos días esperan sus ciudadanos",
		"   para pasar por el quirófano—, esa lista roja tenía en junio 3.800",
		"   pacientes más que un año y medio antes.",
		"",
		"   Las cifras son tan malas que ningún responsable de las autonomías que",
		"   salen peor paradas ha querido comentarlos. Tampoco las que —como La Rioja",
		"   o Aragón— han eludido aportar información han optado por explicar cómo",
		"   está la situación. Y mientras la espera se agrava, el Ministerio de",
		"   Sanidad —que recibe el recuento de las comunidades semestralmente— guarda",
		"   silencio. Una portavoz del departamento que dirige Ana Mato expone que aún",
	};
	static const char *const links[] = {
		"   icon-weather",
		"   36°C",
		"   _____________________ ابحث بحث متقدم",
		"   X",
		"   النسخة الرقمية",
		"   الرئيسية القارات السبع",
		"",
		"             طهران تدفن «زادة».. وتتهم المعارضة الإيرانية باغتياله",
		"",
		"             طهران تدفن «زادة».. وتتهم المعارضة الإيرانية باغتياله",
		"",
		"   طهران تدفن «زادة».. وتتهم المعارضة الإيرانية باغتياله",
		"   عناصر من الشرطة الإيرانية في موقع الهجوم قرب طهران وفي الإطار محسن فخري",
		"   زاده (رويترز)",
		"   طهران تدفن «زادة».. وتتهم المعارضة الإيرانية باغتياله",
		"   طهران تدفن «زادة».. وتتهم المعارضة الإيرانية باغتياله",
		"   عناصر من الشرطة الإيرانية في موقع الهجوم قرب طهران وفي الإطار محسن فخري",
		"   زاده (رويترز)",
		"   طهران تدفن «زادة».. وتتهم المعارضة الإيرانية باغتياله",
		"   طهران تدفن «زادة».. وتتهم المعارضة الإيرانية باغتياله",
		"   طهران تدفن «زادة».. وتتهم المعارضة الإيرانية باغتياله",
		"   القارات السبع",
		"   حسام أبو العلا - القاهرة",
		"   ٠٢:٠٠ الثلاثاء ١ / ١٢ / ٢٠٢٠",
		"   استمع",
		"   وسط تهديدات إيرانية بالانتقام وتوعد إسرائيلي برد قاس، شيعت إيران أمس",
		"   الإثنين جثمان العالم النووي ورئيس منظمة الأبحاث والإبداع بوزارة الدفاع",
		"   محسن فخري زادة إلى مقبرة بشمال طهران، ويعكس حضور كبار القادة العسكريين",
		"   والمسؤولين والنواب في البلاد حجم الصدمة التي تعيشها إيران، وبحسب مراقبين",
		"   فإن تأثير مقتل زادة على السياسة الإيرانية لا يقل عن مقتل قائد فيلق القدس",
		"   قاسم سليماني قبل شهور.",
		"",
		"   وفيما زعمت وزارة الأمن الإيرانية مساء الأحد، أنها توصلت إلى معلومات أولية",
		"   حول هوية منفذي الاغتيال، مشيرة إلى أنها ستكشف عنها لاحقا، قال مختصون في",
		"   الشؤون الإيرانية لـ «اليوم» إن مسؤولي نظام الملالي سوف يسارعون برد «محدود»",
		"   على اغتيال العالم النووي، مشددين على أن اتهام إسرائيل بالمسؤولية عن الحادث",
		"   محاولة لحفظ ماء الوجه.",
		"",
	};
	struct page p;

	page_open(&p);
	put_lines(&p, elinks, COUNT(elinks));
	check_page(&p, "Las listas de espera se agravan", -1);
	check_lines(links, COUNT(links), "طهران تدفن «زادة».. وتتهم المعارضة الإيرانية باغتياله",
		    "حسام أبو العلا - القاهرة");
}

/* The author's line over the title lets the title, the first line of the run of prose,
 * be the headline ("Zurück zur Übersicht" / "Von Moritz Bachmann publiziert am 25.
 * September 2018" / "Die elektronische Patientenakte (ePA) – der lange Marsch ins Digitale Gesundheitswesen",
 * a German health site as a DOM's text, scrapinghub benchmark; its paragraphs cut
 * short, some left out). */
static void test_author_over_title(void)
{
	static const char *const lines[] = {
		"Zurück zur Übersicht",
		"",
		"Von Moritz Bachmann publiziert am 25. September 2018",
		"",
		"Die elektronische Patientenakte (ePA) – der lange Marsch ins Digitale Gesundheitswesen",
		"",
		"Die Digitalisierung als Wachstums- und Entwicklungstreiber zieht sich bereits heute durch fast alle Branchen und Anwendungsgebiete, sei es im Finanzbereich, der Industrie oder eben auch im Bereich Healthcare.",
		"",
		"Im Bereich der Gesundheitsversorgung in Krankenhäusern ist dieser Aspekt ein besonders wichtiger. Durch die Festlegung von Fallpauschalen und Sonderentgelten besteht ein hoher Kostendruck.",
		"Das Thema mit dem höchsten Potenzial aber auch mit den meisten Hindernissen wird seit Jahren intensiv diskutiert: Die elektronische Patientenakte (ePA)",
		"",
		"Status Quo",
		"Analoge Prozesse",
		"",
		"In Deutschland liegen Patientendaten in internen Systemen vor – Sei es in Krankenhausinformationssystemen (KIS) oder im Praxisverwaltungssystem (PVS) niedergelassener Ärzte.",
		"",
		"Einrichtungsübergreifende Intransparenzen",
		"",
		"Aufgrund des medizinischen Fortschritts sind Behandlungszentren und Einrichtungen aber auch die einzelnen Berufsgruppen im Gesundheitswesen hochdifferenziert.",
		"",
		"Der Patient als Informationsquelle und -Verteiler",
		"",
		"Durch die fehlende Synchronisation von Patientendaten zwischen verschiedenen Einrichtungen in der Versorgungskette kommt dem Patienten eine besondere Rolle als Informationsübermittler zu.",
		"",
		"Die elektronische Patientenakte (ePA) soll diesen Herausforderungen begegnen und bildet aktuell das Kernthema in deutschen Krankenhäusern und Pflegeeinrichtungen in puncto Digitalisierung des Gesundheitswesens.",
		"",
		"Die elektronische Patientenakte – viele Modelle und kaum Vernetzung",
		"Aktuelle Situation",
		"",
		"Bereits 2004 mit dem GKV-Modernisierungsgesetz wurde die ePA als eine der Anwendungen der elektronischen Gesundheitskarte (eGK) genannt.",
		"",
		"In dem 2015 verabschiedeten E-Health-Gesetz wurde die ePA als wesentlicher Teil der künftigen Telematikinfrastruktur (TI) genannt.",
		"",
		"Laut Gesetz soll die ePA den Not­fall­daten­satz, den Medikationsplan, Arztbriefe und weitere medizinische Dokumente, wie etwa den elektronischen Impfpass, aufnehmen.",
		"",
		"Anders als das ebenfalls vorgesehene ePF, erfordert die ePA als Zugriffsberechtigung den elektronischen Heilberufsausweis des behandelnden Arztes.",
		"",
		"Mit einheitlichen Standards und Spezifikationen sollen Insellösungen vermieden werden. Im E-Health Gesetz ist davon allerdings nichts zu lesen.",
		"",
		"In § 291a Absatz 3 Nr. 4 SGB V - elektronische Patientenakte",
		"",
		"Gestern virtueller Datenraum, heute interoperable Kundenlösung",
		"",
		"Progressive Web Apps (PWA): Die E-Commerce-Revolution",
		"",
		"DSGVO in der Schweiz: 7 Punkte, die betroffene Unternehmen beachten müssen",
		"",
		"EU-Datenschutz-Grundverordnung (EU-DSGVO) im Marketing-Kontext",
		"",
		"Kompetenzen",
		"Digitale Transformation",
		"Enterprise Content Management",
		"Enterprise E-Commerce",
		"Inbound Marketing",
		"E-Commerce Marketing",
		"Unternehmen",
		"Unternehmen",
		"Karriere",
		"Referenzen",
		"Insights",
		"Kontakt",
		"Frankfurt (HQ)",
		"",
		"comwrap GmbH",
		"Hanauer Landstr. 126-128",
		"DE-60314 Frankfurt am Main",
		"Tel.: +49 (0)69 380 795 200",
		"",
		"Rapperswil",
		"",
		"comwrap GmbH",
		"Webergasse 20",
		"CH-8640 Rapperswil",
		"Tel.: +41 (0)55 280 43 05",
		"",
		"Wien",
		"",
		"comwrap GmbH",
		"Fleischmarkt 1",
		"A-1010 Wien",
		"",
		"ImpressumDatenschutz",
	};
	check_lines(lines, COUNT(lines),
		    "Die elektronische Patientenakte (ePA) – der lange Marsch ins Digitale "
		    "Gesundheitswesen",
		    "Von Moritz Bachmann publiziert am 25. September 2018");
}

/* A DOM's text prints a label and its value on lines of their own: "Author:" / "The
 * Water Coolest" / "Publish date:" / "Nov 18, 2019" under the title are its author's
 * and date lines (thewatercoolest.com as a DOM's text, scrapinghub benchmark, its
 * paragraphs cut short). */
static void test_labels_over_values(void)
{
	static const char *const lines[] = {
		"Bonuses",
		"Careers",
		"Home",
		"Opening Bell",
		"Opening Bell 11.18.19",
		"T-Swift is beefing with The Carlyle Group ... what a time to be alive ...",
		"Author:",
		"The Water Coolest",
		"Publish date:",
		"Nov 18, 2019",
		"T-Swift is beefing with The Carlyle Group ... what a time to be alive ...",
		"",
		"Start your day with the Opening Bell powered by The Water Coolest. The Water Coolest is the preferred bathroom stall reading material of finance professionals. Sign up for the free daily newsletter.",
		"",
		"LOOK WHAT YOU MADE ME DO",
		"",
		"Brace yourself, Swifties: Taylor Swift might not be able to perform all of her hits due to a legal dispute with Scooter Braun (which owns her former record label, Big Machine) ... and private equity giant The Carlyle Group. Wait, what?",
		"",
		"The drama began earlier this year when Braun’s Ithaca Holdings purchased Big Machine for $300M in a deal backed by The Carlyle Group.",
		"",
		"Why? Because, capitalism, of course. You see, owning music catalogs has become an incredibly lucrative business with the rise in streaming services. *Sharks begin circling*",
		"",
		"Back to Taylor! It’s her music, so why can’t she sing it?",
	};
	struct page p;

	page_open(&p);
	put_lines(&p, lines, COUNT(lines));
	page_close(&p);
	check_header(&p, "Opening Bell 11.18.19", "The Water Coolest");
}

/* A list of other stories' titles, one a line, over the article's own title and its
 * byline: the last teaser is no headline (msn.com as a DOM's text, scrapinghub
 * benchmark: its head and the lines round the title, the paragraphs cut short). */
static void test_teaser_over_title(void)
{
	static const char *const lines[] = {
		"msn back to msn home lifestyle",
		"powered by Microsoft News",
		"web search",
		"Skip To Navigation",
		"Skip To Content",
		"Skip To Footer",
		"Sign in",
		"Change language & content:",
		"Afrique francophone (français)",
		"América Latina (español)",
		"Argentina (español)",
		"Australia (English)",
		"Hairy situation: NYPD cops grow charity 'staches",
		"Philadelphia: Man killed, 5 hurt in 4 separate shootings",
		"California power shutoff: Largest utility to intentionally cut electricity to 150K customers",
		"Roberts reportedly was suggested to play Harriet Tubman",
		"He's the 1st player to record triple-double vs. every team",
		"Here’s why you can sometimes see the moon during the day",
		"Morgan Stanley says Apple's stock is 'under owned'",
		"Gigi Hadid is back 'in touch' with Zayn Malik",
		"Options narrow for last Hong Kong campus protesters",
		"Megabus is offering free tickets on Cyber Monday",
		"2020 Mini John Cooper Works GP is the most hardcore Mini to date",
		"Aides bring impeachment inquiry directly into the WH",
		"Why you should always close the door before you go to bed",
		"The man whose duvet nearly killed him: How this medical mystery was solved",
		"By Sandee LaMotte, CNN",
		"1 day ago",
		"'Comes down to one guy': All eyes turn to Gordon Sondland",
		"2 US service members die in Afghanistan chopper crash",
		"© Amazon",
		"",
		"The symptoms came on quickly. First it was hard to breathe, then dizzy spells caused by any amount of exertion.",
		"",
		"\"Two months after the onset of the symptoms, I was unable to stand or walk for more than a few minutes at a time without feeling like I was going to pass out,\" wrote 43-year-old Martin Taylor of Aberdeenshire, Scotland, in a case study publ",
		"",
		"\"Going upstairs to bed was a 30 minute activity, as I could only manage two stairs at a time and then needed to sit and rest,\" Taylor added.",
		"",
		"Four doctor appointments failed to find the cause, which was \"extremely distressing,\" wrote Taylor, who had never smoked. With his health failing, he stayed home from work and spent most of his days and nights asleep.",
		"",
		"Taylor didn't know at the time that he was suffering from hypersensitivity pneumonitis, a disease in which lungs become inflamed as the result of an allergic reaction.",
		"",
		"Unfortunately, in Taylor's case, the doctors he first saw had no clue as to the cause.",
		"",
		"Time for Dr. Sherlock",
		"",
		"At first Taylor was treated for an upper respiratory infection. But his health continued to decline over the next three months. Then a radiologist dismissed a chest X-ray of his lungs as normal.",
		"",
	};
	check_lines(lines, COUNT(lines),
		    "The man whose duvet nearly killed him: How this medical mystery was solved",
		    "By Sandee LaMotte, CNN");
}

/* A list of other stories under the article's header, each title printed over its
 * section's label and again under it, with its date ("LA 2016: Turbocharged Nissan
 * Sentra Nismo unleashed" / "AUTO NEWS" / its copy / "November 16, 2016"): none of its
 * titles is the headline, and no label is the byline: the author's name is, without
 * the link glued after it (autoindustriya.com by w3m, scrapinghub benchmark; the
 * story cut short). */
static void test_list_labels(void)
{
	static const char *const lines[] = {
		"AutoIndustriya.com",
		"",
		"SEARCH AutoIndustriya.com",
		"",
		"×",
		"Auto News",
		"All-new 2020 Sentra is what we really want from Nissan PH image",
		"Auto News",
		"━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━",
		"",
		"All-new 2020 Sentra is what we really want from Nissan PH",
		"",
		"[marcus-deg]",
		"",
		"Marcus De GuzmanView More Articles",
		"",
		"Next-generation Nissan Sentra makes global debut in Los Angeles",
		"",
		"Nissan November 20, 2019 13:42",
		"FIND YOUR NEXT CAR",
		"[Choose vehicle brand] [Choose model] [FIND MY CAR]",
		"MORE STORIES LIKE THIS ONE",
		"LA 2016: Turbocharged Nissan Sentra Nismo unleashed",
		"AUTO NEWS",
		"",
		"LA 2016: Turbocharged Nissan Sentra Nismo unleashed",
		"",
		"November 16, 2016",
		"",
		"Elite Exaltas: the Nissan nicknames",
		"FEATURES",
		"",
		"Elite Exaltas: the Nissan nicknames",
		"",
		"December 18, 2015",
		"",
		"Sentra I-Style Makes a Statement",
		"AUTO NEWS",
		"",
		"Sentra I-Style Makes a Statement",
		"",
		"August 18, 2005",
		"",
		"The Nissan Northern Xperience",
		"FEATURES",
		"",
		"The Nissan Northern Xperience",
		"",
		"June 15, 2010",
		"",
		"On track with the 2014 Nissan Sylphy and Altima",
		"FEATURES",
		"",
		"On track with the 2014 Nissan Sylphy and Altima",
		"",
		"May 27, 2014",
		"",
		"All-new Nissan Sentra 200 Drives to Dealerships",
		"AUTO NEWS",
		"",
		"All-new Nissan Sentra 200 Drives to Dealerships",
		"",
		"July 30, 2010",
		"",
		"Los Angeles 2015: Nissan Sentra debuts with refreshed design, tech",
		"AUTO NEWS",
		"",
		"Los Angeles 2015: Nissan Sentra debuts with refreshed design, tech",
		"",
		"November 20, 2015",
		"",
		"Boosted 2017 Nissan Sentra SR Turbo launched",
		"AUTO NEWS",
		"",
		"Boosted 2017 Nissan Sentra SR Turbo launched",
		"",
		"September 12, 2016",
		"",
		"Crossovers may have become the vehicle of choice for most car buyers, but that",
		"doesn't mean the sedan is no longer relevant. In fact, Nissan still believes in",
		"sedans for their practicality, space, as well as looks.",
		"",
		"After debuting the all-new Juke two months ago, Nissan has taken the covers off",
		"the eighth-generation Sentra. Featuring a new head-turning design that is",
		"paired to a more luxurious-looking cabin, the compact four-door has been",
		"redesigned from the ground-up and is more vibrant than ever.",
		"still call it the Sylphy once it arrives here? Let's wait and see.",
		"",
		"- Next Auto News",
		"",
		"Audi e-Tron Sportback makes electric crossovers look good image",
		"",
		"Audi e-Tron Sportback makes electric crossovers look good",
		"",
		"Audi’s second electric vehicle – the E-Tron Sportback – officially debuts",
		"",
		"Jose Altoveros 2019-11-20 14:35:08",
		"",
		"Previous Auto News -",
		"",
		"2020 Mini JCW GP is a 300HP monster hatch",
		"",
		"The most powerful Mini hot hatch to come out of Oxford has 306 HP and a huge",
		"rear wing",
		"",
		"2019-11-20 17:27:46 Marcus De Guzman",
		"2020 Mini JCW GP is a 300HP monster hatch image",
		"Tags:2020 nissan sentra v-motion",
		"MORE STORIES LIKE THIS ONE",
		"LA 2016: Turbocharged Nissan Sentra Nismo unleashed",
		"AUTO NEWS",
		"",
		"LA 2016: Turbocharged Nissan Sentra Nismo unleashed",
		"",
		"November 16, 2016",
		"Elite Exaltas: the Nissan nicknames",
		"FEATURES",
		"",
		"Elite Exaltas: the Nissan nicknames",
		"",
		"December 18, 2015",
		"Sentra I-Style Makes a Statement",
		"AUTO NEWS",
		"",
		"Sentra I-Style Makes a Statement",
		"",
		"August 18, 2005",
		"The Nissan Northern Xperience",
		"FEATURES",
		"",
		"The Nissan Northern Xperience",
		"",
	};
	check_lines(lines, COUNT(lines),
		    "All-new 2020 Sentra is what we really want from Nissan PH", "Marcus De Guzman");
}

/* The page's own title printed as the list's titles are, over a label and again under
 * it, but with its author under the copy: the headline ("STREAM BIG", then "[IMG]
 * Dallas Robinson"; "REINDEER GAMES" between the two copies of the next story's title,
 * digg.com by links, scrapinghub benchmark; the story cut short). */
static void test_list_titled_story(void)
{
	static const char *const lines[] = {
		"   Link: canonical",
		"     * Frontpage",
		"     * Video",
		"     * Store",
		"     * Picks",
		"     * Technology",
		"     * Long Reads",
		"     * Photos",
		"     * Science",
		"     * Design",
		"     * Digg Features",
		"     * ₿itcoin",
		"     * Subscribe",
		"     * Search",
		"       _____________________",
		"     * Sign In",
		"   The Early Reviews For Google's Stadia Gaming Platform Are Here — And",
		"   They're Not Great",
		"   STREAM BIG",
		"",
		"The Early Reviews For Google's Stadia Gaming Platform Are Here — And They're Not",
		"Great",
		"",
		"   [IMG] Dallas Robinson",
		"   Nov 18, 2019 @17:19 PM · Updated: Nov 18, 2019 @17:26 PM",
		"",
		"   Stadia, Google's streaming gaming platform, launches today. Is the service",
		"   the first step towards the future of gaming, or will Stadia fall flat on",
		"   its face? Here's what the early reviews say:",
		"",
		"     beta test. When February rolls around and those free trials are offered,",
		"     you should give it a shot. You might be surprised.",
		"",
		"   [Wired]",
		"",
		"   Dallas Robinson",
		"   Dallas Robinson is a freelance writer living in Minneapolis",
		"",
		"  Want more stories like this?",
		"",
		"   Every day we send an email with the top stories from Digg.",
		"",
		"   _____________________ Subscribe",
		"   'Why Don't You Go Fight For The Reindeer?'",
		"   REINDEER GAMES",
		"",
		"                   'Why Don't You Go Fight For The Reindeer?'",
		"",
		"   1 digg delacortereview.org Long Reads World",
		"",
		"   Scandinavia's Sami have been herding reindeer for generations. Then the",
		"   miners arrived. The Sami had never been protesters. Until now.",
		"",
		"   What Being Asexual Or Aromantic Tells Us About Sex And Romance",
		"   LOVE IS LOVE",
		"",
		"What Being Asexual Or Aromantic Tells Us About Sex And Romance",
		"",
		"   aeon.co Sex",
		"",
		"   What is it like to feel love and share physical intimacy yet feel no",
		"   sexual attraction to the person you are with?",
		"",
		"   Watching This Koala Get Rescued From A Bushfire Is Heart-Wrenching",
		"   'A NATIONAL TRAGEDY'",
		"",
		"Watching This Koala Get Rescued From A Bushfire Is Heart-Wrenching",
		"",
		"   Animals Nature",
		"",
		"   Dozens of bushfires are spreading across Australia, burning across more",
		"   than two million acres and putting koalas in harm's way. One unfortunate",
		"   koala was caught on camera trying to flee the flames and was quickly",
		"   rescued by a wildlife technician.",
		"",
		"   Quickly Collect Signatures. Anywhere And On Any Device.",
		"   APPS WE DIGG | SPONSORED",
		"",
		"Quickly Collect Signatures. Anywhere And On Any Device.",
		"",
		"   20 diggs Promotion",
		"",
		"   With Adobe Sign you can stop chasing down signatures and get documents",
		"   signed in minutes — not days.",
		"",
		"   Military Armored Car Massively Misjudges Its Speed, Careens Into A House ",
		"   THIS TURNED OUT POORL",
		"",
		"Military Armored Car Massively Misjudges Its Speed, Careens Into A House",
		"",
		"   4 diggs Video",
		"",
		"   We don't have too many details on this armored car crash, other than that",
		"   it happened in Suriname and that the driver is probably in a heap of",
		"   trouble.",
		"",
		"   US Senate Unanimously Passes Hong Kong Rights And Democracy Bill",
		"   RECEIVED BIPARTISAN SUPPORT",
		"",
		"US Senate Unanimously Passes Hong Kong Rights And Democracy Bill",
		"",
		"   cnn.com News",
		"",
		"   The United States Senate unanimously passed a bill Tuesday that would",
		"   require an annual review of the special treatment Hong Kong receives under",
		"   US law following almost six months of unrest in the Asian financial hub.",
		"",
		"   These Stain-Resistant Microfiber Sheets Are Only $25",
		"   DIGG PICKS | AFFILIATE",
		"",
		"These Stain-Resistant Microfiber Sheets Are Only $25",
		"",
		"   amazon.com Digg Picks",
		"",
		"   Over at Amazon, these sheets have a 4.4/5 star average based on more than",
		"   62,000 reviews. And if that isn't enough peace of mind, there's also a",
		"   money-back refund available if you're unsatisfied.",
		"",
		"   Why Movies Went From 15 Minutes To Two Hours Long ",
		"   RUNNING LONG",
		"",
		"Why Movies Went From 15 Minutes To Two Hours Long",
		"",
		"   Explainer Histories",
		"",
		"   Thanks, \"Quo Vadis.\"",
		"",
		"   1,200 Stolen Paintings Were Discovered In A Los Angeles Storage Locker",
		"   CREME DE LA CREME",
		"",
		"1,200 Stolen Paintings Were Discovered In A Los Angeles Storage Locker",
		"",
		"   hyperallergic.com Art Crime",
		"",
		"   Of a total 2,300 missing paintings by Scottish painter Benjamin Creme,",
		"   1,200 have been recovered. They are valued at around at around $777,000.",
	};
	check_lines(lines, COUNT(lines),
		    "The Early Reviews For Google's Stadia Gaming Platform Are Here — And "
		    "They're Not Great", "Dallas Robinson");
}

/* An AP story on mysanantonio.com by html2text (scrapinghub benchmark): the page's
 * print header, the title, the byline, the date line and the story's first lines. */
static const char *const mysa_story[] = {
	"    *",
	"",
	"MenuSections",
	"",
	"",
	"",
	"",
	"[print header logo] https://www.mysanantonio.com/sports/article/LeBron-sets-",
	"triple-double-mark-Lakers-hold-off-14848253.php",
	"****** LeBron sets triple-double mark, Lakers hold off OKC 112-107 ******",
	"Greg Beacham, Ap Sports Writer",
	" Updated  1:33 am CST, Wednesday, November 20, 2019",
	"",
	"LOS ANGELES (AP) — To LeBron James, triple-doubles are not a goal.",
	"They are only a side effect of the consistent, brilliant all-around play he has",
	"been dishing out for 17 NBA seasons, with no slowdown in sight.",
	"Triple-doubles also don’t mean much to LeBron without wins attached to them, so",
	"James was pleased when his latest statistical superlative occurred during yet",
	"another successful night for the surging Los Angeles Lakers.",
	"James became the first player in NBA history to record a triple-double against",
	"every team in the league, and Anthony Davis scored 34 points during the Lakers’",
	"fifth straight victory, 112-107 over the Oklahoma City Thunder on Tuesday night.",
	"James finished with 25 points, 11 rebounds and 10 assists to post a triple-",
	"double against his 30th opponent for the NBA-leading Lakers, who have won 12 of",
	"13 after a perfect four-game homestand. James was more surprised than thrilled",
	"by his latest statistical achievement, particularly while a different statistic",
	"glared at him from the box score.",
	"",
	"",
	"“Coach (Frank) Vogel came in here and said, 'Congratulations,' and I thought he",
	"was joking about my seven turnovers,” James said. “I really don't know what to",
	"think about it. I just think it's a pretty cool stat to know, and I'm glad it",
	"happened in a win.”",
	"    * [Los Angeles Lakers' LeBron James dunks during the first half of the",
	"      team's NBA basketball game against the Oklahoma City Thunder on Tuesday,",
	"      Nov. 19, 2019, in Los Angeles. Photo: Ringo H.W. Chiu, AP / Copyright 2019",
	"      Associated Press. All rights reserved.]",
	"      Los Angeles Lakers' LeBron James dunks during the first half of the team's",
	"      NBA basketball game against the Oklahoma City Thunder on Tuesday, Nov. 19,",
	"      2019, in Los Angeles.",
	"      Los Angeles Lakers' LeBron James dunks during the first half of the team's",
};

/* html2text prints a link's text underlined, its words joined by "_": a run of blocks
 * that are mostly such text is a menu or a list of teasers, not the article's
 * ("# What_S.A._is_Watching", "[Where_to_find_Christmas_light_displays_in_the_San_Antonio
 * area_this week_-_Photo]", mysanantonio.com by html2text, scrapinghub benchmark, the
 * page cut short). */
static void test_underlined_links(void)
{
	static const char *const menus[] = {
		"                # Horoscope",
		"                # Movies_&_TV",
		"                # Music_&_Stage",
		"                # Arts_&_Culture",
		"                # Guide_to_San_Antonio",
		"                # Readers'_Choice",
		"                # Photos_at_S.A._Parties",
		"",
		"            [Where_to_find_Christmas_light_displays_in_the_San_Antonio_area_this",
		"            week_-_Photo]",
		"            ***_Where_to_find_Christmas_light_displays_in_the_San_Antonio_area",
		"            ***",
		"            [Now_streaming:_‘It_Chapter_Two’_on_digital_Tuesday_-_Photo]",
		"            ***_Now_streaming:_‘It_Chapter_Two’_on_digital_Tuesday_***",
		"            [Work_by_a_San_Antonio_artist_to_be_featured_in_upcoming_Netflix",
		"            Selena_series_-_Photo]",
		"            ***_Work_by_a_San_Antonio_artist_to_be_featured_in_upcoming_Netflix",
		"            ***",
		"            [Photos:_Metalachi_fans_rock_out_at_San_Antonio's_Paper_Tiger_-",
		"            Photo]",
		"            ***_Photos:_Metalachi_fans_rock_out_at_San_Antonio's_Paper_Tiger_***",
		"    *",
		"    * Style",
		"                # Bridal_Ideas",
		"                # Travel_&_Outdoors",
		"                # Destinations",
		"                # Health_&_Family",
		"                # Senior_Living",
		"                # Home_&_Garden",
		"                # Holidays",
		"                # Trends_&_Style",
		"                # Beauty_and_Fashion_Tips",
		"                # Better_Living_Tips",
		"                # Parenting",
		"                # Pets",
		"                # Green_Living",
		"",
		"            [Downtown_San_Antonio_park_will_become_'Fantasyland'_for_the",
		"            holidays_-_Photo]",
		"            ***_Downtown_San_Antonio_park_will_become_'Fantasyland'_for_the_***",
		"            [8_Instagram_accounts_San_Antonio_foodies_need_to_follow_-_Photo]",
		"            ***_8_Instagram_accounts_San_Antonio_foodies_need_to_follow_***",
		"            ['The_Office'_bar_crawl_is_back_in_San_Antonio_–_and_we_have_costume",
		"            ideas_-_Photo]",
		"            ***_'The_Office'_bar_crawl_is_back_in_San_Antonio_–_and_we_have_***",
		"            [San_Antonio_couple_works_with_local_organization_for_a_puppy",
		"            cuddling_session_at_their_wedding_-_Photo]",
		"            ***_San_Antonio_couple_works_with_local_organization_for_a_puppy_***",
		"    *",
		"    * Opinion",
		"                # Editorials",
		"                # Commentary",
		"                # Letters_to_the_Editor",
		"                # Columnists",
		"                # Editorial_Cartoons",
		"                # Josh_Brodesky",
		"                # O._Ricardo_Pimentel",
		"                # Maria_Anglin",
		"",
		"            [Your_Turn:_Nov._20_-_Photo]",
		"            ***_Your_Turn:_Nov._20_***",
		"            [Opinon:_Texas_veterans_benefit_from_Trump’s_VA_reforms_-_Photo]",
		"            ***_Opinon:_Texas_veterans_benefit_from_Trump’s_VA_reforms_***",
		"            [Opinion:_Trump_against_the_professionals_-_Photo]",
		"            ***_Opinion:_Trump_against_the_professionals_***",
		"            [Opinion:_Stephen_Miller’s_sinister_syllabus_-_Photo]",
		"            ***_Opinion:_Stephen_Miller’s_sinister_syllabus_***",
		"    *",
		"    * Cars",
		"                # Car_Tips_and_Help",
		"                # News_&_Reviews",
		"                # Vehicle_Search",
		"                # Car_Features",
		"                # Latest_Car_Reviews",
		"",
		"            [Subaru’s_Outback_wagon_gets_a_makeover_for_2020;_new_turbocharged",
		"            engine_offered_-_Photo]",
		"            ***_Subaru’s_Outback_wagon_gets_a_makeover_for_2020;_new_***",
		"            [Nissan’s_Armada_offers_luxury_and_utility_in_a_big_family_vehicle",
		"            with_room_for_eight_-_Photo]",
		"            ***_Nissan’s_Armada_offers_luxury_and_utility_in_a_big_family_***",
	};
	struct page p;
	struct sahifa_article a;
	size_t i, j;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put_lines(&p, menus, COUNT(menus));
	put_lines(&p, mysa_story, COUNT(mysa_story));
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "LeBron sets triple-double mark, Lakers hold off OKC 112-107");
	for (i = 0; i < a.n_sections; i++)
		for (j = 0; j < a.sections[i].n_paragraphs; j++)
			CHECK(!strstr(a.sections[i].paragraphs[j].text, "San_Antonio"));
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* An agency's dateline opens the first sentence: "LOS ANGELES (AP) — To LeBron
 * James, triple-doubles are not a goal." under the byline and the date is the story's,
 * not a name with its credit (an AP story on mysanantonio.com by html2text, scrapinghub
 * benchmark, the page cut short). */
static void test_agency_lead(void)
{
	static const char *const over[] = {
		"            ***_Open_houses_around_San_Antonio_***",
		"            [Beloved_San_Antonio_tradition_better_than_ever_before_-_Photo]",
		"            ***_Beloved_San_Antonio_tradition_better_than_ever_before_***",
		"    *",
		"    * ExpressNews.com",
	};
	static const char *const under[] = {
		"      NBA basketball game against the Oklahoma City Thunder on Tuesday, Nov. 19,",
		"      2019, in Los Angeles.",
		"         Photo: Ringo H.W. Chiu, AP",
		"    * [photo]",
		"  Photo: Ringo H.W. Chiu, AP",
		"Image 1 of / 4",
		"Caption",
		"Close",
		"Image  1  of  4",
		"Los Angeles Lakers' LeBron James dunks during the first half of the team's NBA",
		"basketball game against the Oklahoma City Thunder on Tuesday, Nov. 19, 2019, in",
		"Los Angeles.",
		"Los Angeles Lakers' LeBron James dunks during the first half of the team's NBA",
		"basketball game against the Oklahoma City Thunder on Tuesday, Nov. 19, 2019, in",
		"Los Angeles.",
		"   Photo: Ringo H.W. Chiu, AP",
		"LeBron sets triple-double mark, Lakers hold off OKC 112-107",
		"1  /  4",
		"Back to Gallery",
		"James has five triple-doubles in the Lakers’ last 10 games, getting four in",
		"victories. There’s a reason for this spree: Although James has constantly filled",
		"the stat sheet since he joined the league in 2003, he is leading the NBA this",
		"season with 11.1 assists per game, nearly four more than his career average. He",
		"has at least 10 assists in six consecutive games, the longest streak of his",
		"career.",
		"Vogel has put the ball in James’ hands constantly on offense, and his playmaking",
		"acumen has grown along with his chemistry with Davis, as they demonstrated",
		"repeatedly against the Thunder. Seven of LeBron’s assists came on baskets by",
		"Davis.",
		"“Amazing,” Davis said. “To be able to do that against every team is something",
		"special. I mean, (it’s) trippy that he’s been playing for a long time, so it was",
		"a matter of time before it happened, but just a tribute to all his hard work.”",
		"James is fifth in NBA history with 86 triple-doubles, but the four players in",
		"front of him — Oscar Robertson, Russell Westbrook, Lakers great Magic Johnson",
		"and Lakers assistant coach Jason Kidd — hadn’t done it against 30 teams. Kidd,",
	};
	struct page p;
	struct sahifa_article a;
	long lead = 0;
	size_t i;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put_lines(&p, over, COUNT(over));
	for (i = 0; i < COUNT(mysa_story); i++) {
		if (!lead && !strncmp(mysa_story[i], "LOS ANGELES", 11))
			lead = p.line + 1;
		put(&p, mysa_story[i]);
	}
	put_lines(&p, under, COUNT(under));
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("byline", a.byline, "Greg Beacham, Ap Sports Writer");
	CHECK(removed_at(&a, lead) == NULL);
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A line that ends with the ideographic full stop is a sentence, not a menu's item,
 * however few words it has between spaces: the one-sentence articles under their
 * numbers stay ("第三条" / "人人有权享有生命、自由和人身安全。", the Universal Declaration
 * of Human Rights in Chinese by w3m, udhr test data, its first 160 lines). */
static void test_han_full_stop(void)
{
	static const char *const lines[] = {
		"世界人权宣言",
		"",
		"序言",
		"",
		"鉴于对人类家庭所有成员的固有尊严及其平等的和不移的权利的承认,乃是世界自由、正义",
		"与和平的基础,",
		"",
		"鉴于对人权的无视和侮蔑已发展为野蛮暴行,这些暴行玷污了人类的良心,而一个人人享有",
		"言论和信仰自由并免予恐惧和匮乏的世界的来临,已被宣布为普通人民的最高愿望,",
		"",
		"鉴于为使人类不致迫不得已铤而走险对暴政和压迫进行反叛,有必要使人权受法治的保护,",
		"",
		"鉴于有必要促进各国间友好关系的发展,",
		"",
		"鉴于各联合国国家的人民已在联合国宪章中重申他们对基本人权、人格尊严和价值以及男",
		"女平等权利的信念,并决心促成较大自由中的社会进步和生活水平的改善,",
		"",
		"鉴于各会员国业已誓愿同联合国合作以促进对人权和基本自由的普遍尊重和遵行,",
		"",
		"鉴于对这些权利和自由的普遍了解对于这个誓愿的充分实现具有很大的重要性,",
		"",
		"因此现在,大会,发布这一世界人权宣言,作为所有人民和所有国家努力实现的共同标准,以",
		"期每一个人和社会机构经常铭念本宣言,努力通过教诲和教育促进对权利和自由的尊重,并",
		"通过国家的和国际的渐进措施,使这些权利和自由在各会员国本身人民及在其管辖下领土的",
		"人民中得到普遍和有效的承认和遵行;",
		"",
		"第一条",
		"",
		"人人生而自由,在尊严和权利上一律平等。他们赋有理性和良心,并应以兄弟关系的精神相",
		"对待。",
		"",
		"第二条",
		"",
		"人人有资格享有本宣言所载的一切权利和自由,不分种族、肤色、性别、语言、宗教、政治",
		"或其他见解、国籍或社会出身、财产、出生或其他身分等任何区别。",
		"",
		"并且不得因一人所属的国家或领土的政治的、行政的或者国际的地位之不同而有所区别,无",
		"论该领土是独立领土、托管领土、非自治领土或者处于其他任何主权受限制的情况之下。",
		"",
		"第三条",
		"",
		"人人有权享有生命、自由和人身安全。",
		"",
		"第四条",
		"",
		"任何人不得使为奴隶或奴役;一切形式的奴隶制度和奴隶买卖,均应予以禁止。",
		"",
		"第五条",
		"",
		"任何人不得加以酷刑,或施以残忍的、不人道的或侮辱性的待遇或刑罚。",
		"",
		"第六条",
		"",
		"人人在任何地方有权被承认在法律前的人格。",
		"",
		"第七条",
		"",
		"法律之前人人平等,并有权享受法律的平等保护,不受任何歧视。人人有权享受平等保护,以",
		"免受违反本宣言的任何歧视行为以及煽动这种歧视的任何行为之害。",
		"",
		"第八条",
		"",
		"任何人当宪法或法律所赋予他的基本权利遭受侵害时,有权由合格的国家法庭对这种侵害行",
		"为作有效的补救。",
		"",
		"第九条",
		"",
		"任何人不得加以任意逮捕、拘禁或放逐。",
		"",
		"第十条",
		"",
		"人人完全平等地有权由一个独立而无偏倚的法庭进行公正的和公开的审讯,以确定他的权利",
		"和义务并判定对他提出的任何刑事指控。",
		"",
		"第十一条",
		"",
		" 1. 凡受刑事控告者,在未经获得辩护上所需的一切保证的公开审判而依法证实有罪以前,",
		"    有权被视为无罪。",
		"",
		" 2. 任何人的任何行为或不行为,在其发生时依国家法或国际法均不构成刑事罪者,不得被",
		"    判为犯有刑事罪。刑罚不得重于犯罪时适用的法律规定。",
		"",
		"第十二条",
		"",
		"任何人的私生活、家庭、住宅和通信不得任意干涉,他的荣誉和名誉不得加以攻击。人人有",
		"权享受法律保护,以免受这种干涉或攻击。",
		"",
		"第十三条",
		"",
		" 1. 人人在各国境内有权自由迁徙和居住。",
		"",
		" 2. 人人有权离开任何国家,包括其本国在内,并有权返回他的国家。",
		"",
		"第十四条",
		"",
		" 1. 人人有权在其他国家寻求和享受庇护以避免迫害。",
		"",
		" 2. 在真正由于非政治性的罪行或违背联合国的宗旨和原则的行为而被起诉的情况下,不得",
		"    援用此种权利。",
		"",
		"第十五条",
		"",
		" 1. 人人有权享有国籍。",
		"",
		" 2. 任何人的国籍不得任意剥夺,亦不得否认其改变国籍的权利。",
		"",
		"第十六条",
		"",
		" 1. 成年男女,不受种族、国籍或宗教的任何限制有权婚嫁和成立家庭。他们在婚姻方面,",
		"    在结婚期间和在解除婚约时,应有平等的权利。",
		"",
		" 2. 只有经男女双方的自由和完全的同意,才能缔婚。",
		"",
		" 3. 家庭是天然的和基本的社会单元,并应受社会和国家的保护。",
		"",
		"第十七条",
		"",
		" 1. 人人得有单独的财产所有权以及同他人合有的所有权。",
		"",
		" 2. 任何人的财产不得任意剥夺。",
		"",
		"第十八条",
		"",
		"人人有思想、良心和宗教自由的权利;此项权利包括改变他的宗教或信仰的自由,以及单独",
		"或集体、公开或秘密地以教义、实践、礼拜和戒律表示他的宗教或信仰的自由。",
		"",
		"第十九条",
		"",
		"人人有权享有主张和发表意见的自由;此项权利包括持有主张而不受干涉的自由,和通过任",
		"何媒介和不论国界寻求、接受和传递消息和思想的自由。",
		"",
		"第二十条",
		"",
		" 1. 人人有权享有和平集会和结社的自由。",
		"",
		" 2. 任何人不得迫使隶属于某一团体。",
		"",
		"第二十一条",
		"",
		" 1. 人人有直接或通过自由选择的代表参与治理本国的权利。",
		"",
		" 2. 人人有平等机会参加本国公务的权利。",
		"",
		" 3. 人民的意志是政府权力的基础;这一意志应以定期的和真正的选举予以表现,而选举应",
		"    依据普遍和平等的投票权,并以不记名投票或相当的自由投票程序进行。",
		"",
		"第二十二条",
		"",
		"每个人,作为社会的一员,有权享受社会保障,并有权享受他的个人尊严和人格的自由发展所",
		"必需的经济、社会和文化方面各种权利的实现,这种实现是通过国家努力和国际合作并依照",
		"各国的组织和资源情况。",
		"",
		"第二十三条",
		"",
		" 1. 人人有权工作、自由选择职业、享受公正和合适的工作条件并享受免于失业的保障。",
		"",
		" 2. 人人有同工同酬的权利,不受任何歧视。",
		"",
		" 3. 每一个工作的人,有权享受公正和合适的报酬,保证使他本人和家属有一个符合人的生",
		"    活条件,必要时并辅以其他方式的社会保障。",
	};
	struct page p;
	struct sahifa_article a;
	size_t i;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put_lines(&p, lines, COUNT(lines));
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	for (i = 0; i < a.n_removed; i++)
		CHECK(!strstr(a.removed[i].text, "\xe3\x80\x82"));  /* "。" */
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

#define EL_ITEM "     \xe2\x80\xa2\xc2\xa0"  /* elinks' bullet, a no-break space after it */

/* The author's name, then the outlet named alone on the line over it, both under the
 * title, each line an item of elinks's list ("[23]Business Insider" over "• [24]Tanza
 * Loudenback, [25]Business Insider", businessinsider.de by elinks, scrapinghub
 * benchmark; the story cut short). */
static void test_author_then_outlet(void)
{
	static const char *const lines[] = {
		"",
		EL_ITEM "[11]Trending",
		EL_ITEM "[12]Wirtschaft",
		EL_ITEM "[13]Tech",
		EL_ITEM "[14]Politik",
		EL_ITEM "[15]Strategy",
		EL_ITEM "[16]Wissenschaft",
		EL_ITEM "[17]Video",
		EL_ITEM "[18]Alles",
		"",
		"   [19]×",
		"",
		"   von",
		"   [20]_____________________",
		"   an",
		"   [21]_____________________",
		"   [22][\xc2\xa0" "Senden\xc2\xa0" "]",
		"   Der Artikel wurde versandt.",
		"",
		"  How to retire early so you can work, travel, and relax on your own schedule",
		"",
		"   [23]Business Insider",
		"",
		EL_ITEM "[24]Tanza Loudenback, [25]Business Insider",
		"",
		EL_ITEM "13.11.2019, 23:06",
		"",
		EL_ITEM "[26]facebook",
		EL_ITEM "[27]linkedin",
		EL_ITEM "[28]twitter",
		EL_ITEM "[29]email",
		EL_ITEM "[30]print",
		"",
		"   [31]how to retire earlyThe road to retiring early isn't easy.Kathrin",
		"   Ziegler/Getty",
		"",
		EL_ITEM "[32]Retiring early takes time and incredible discipline.",
		EL_ITEM "If you're planning to [33]retire early, you should aim to have at",
		"       least 25 to 30 times your estimated annual expenses saved or invested,",
		"       though that number may be lower or higher depending on the lifestyle",
		"       you envision.",
		EL_ITEM "Depending on how much you plan to spend annually, you'll generally",
		"       fall into one of three [34]FIRE\xc2\xa0" "(financial independence, retire early)",
		"       categories: FIRE, leanFIRE, and fatFIRE.",
		EL_ITEM "To achieve your target number, live below your means, [35]increase",
		"       your income, and [36]max out your retirement accounts.\xc2\xa0" "",
		EL_ITEM "You should also aim to pay off all high-interest debt before retiring,",
		"       which may include [37]paying off your mortgage early. And don't forget",
		"       to make a backup plan.",
		EL_ITEM "[38]Visit Business Insider's homepage for more stories.",
		"",
		"   The road to retiring early isn't easy. It takes time and incredible",
		"   discipline to earn, save, and invest as much as you possibly can.",
		"",
		"   That said, [39]early retirement comes in various shapes and sizes and what",
		"   it looks like to you will determine exactly [40]what you need to do to get",
		"   there. In general, here are the steps you can take:",
		"",
		"How to retire early",
		"",
		"  1. Define early retirement",
	};
	check_lines(lines, COUNT(lines),
		    "How to retire early so you can work, travel, and relax on your own schedule",
		    "Tanza Loudenback, Business Insider");
}

/* A box of six teasers in mid-story, each a picture, a kicker and a title, between the
 * story's first half and its densest run: the walk back over the box reaches the first
 * half, and the headline and byline over it ("Most read in world news", thesun.co.uk
 * by elinks, scrapinghub benchmark; the story cut short). */
static void test_long_box_before(void)
{
	static const char *const lines[] = {
		EL_ITEM "[87]Health News",
		"",
		"   BLACK DEATH FEARS",
		"",
		"  Hunter diagnosed with bubonic plague after eating a rabbit making him third",
		"                   Beijing local to contract medieval disease",
		"",
		EL_ITEM "[88]Debbie White",
		"",
		EL_ITEM "18 Nov 2019, 19:09",
		EL_ITEM "Updated: 18 Nov 2019, 19:11",
		"",
		"   A HUNTER who killed and ate a wild rabbit in China has been hit by the",
		"   deadly bubonic plague.",
		"",
		"   The 55-year-old is the third Beijing resident to contract the medieval",
		"   disease dubbed the Black Death, say officials.",
		"",
		"   [89]Beijing Chaoyang Hospital in Beijing, China, where plague-infected",
		"   people from Inner Mongolia sought treatment",
		"   6",
		"   Beijing Chaoyang Hospital in Beijing, China, where plague-infected people",
		"   from Inner Mongolia sought treatmentCredit: EPA",
		"   [90]The latest case of bubonic plague was reported after a hunter killed",
		"   and ate a rabbit",
		"   6",
		"   The latest case of bubonic plague was reported after a hunter killed and",
		"   ate a rabbitCredit: Getty - Contributor",
		"",
		"   Health bosses said that 28 people in close contact with the hunter were",
		"   initially quarantined to stop it being transmitted further.",
		"",
		"   The man told doctors he ate the rabbit meat in Inner Mongolia on November",
		"   5.",
		"",
		"   He was admitted to hospital on Saturday, where he has been given several",
		"   types of antibiotics to fight the disease, while being kept in isolation.",
		"",
		"   Inner Mongolia health authority reported its third case of bubonic plague",
		"   on Sunday after two other plague cases were revealed last week.",
		"",
		"   It's the most common form of plague globally and can spread to lungs and",
		"   cause the more severe pneumonic plague.",
		"",
		"   The confirmation comes despite an earlier declaration by China's health",
		"   chiefs that the risk of an outbreak of the killer disease was minimal.",
		"",
		"SCORES QUARANTINED",
		"",
		"   The first two infected patients - still in quarantine - resulted in 46 of",
		"   their close contacts being placed under medical observation. All but four",
		"   have now been released.",
		"",
		"   Plague can be fatal in up to 90 per cent of people infected if not treated",
		"   promptly.",
		"",
		"   The last major known outbreak in China was in 2009, when several people",
		"   died in the town of Ziketan in Qinghai province on the Tibetan Plateau.",
		"",
		"   In May this year, [91]travellers were left stranded in Mongolia after an",
		"   outbreak of deadly bubonic plague killed a couple after they ate an",
		"   infected Marmot.",
		"",
		"  Most read in world news",
		"",
		"   [92][IMG]",
		"",
		"  RANDY ANDY",
		"",
		"   Andrew parties in unearthed pics despite claiming 'he avoids PDAs & can't",
		"   sweat'",
		"   [93][IMG]",
		"",
		"  TIME TRAVELLER",
		"",
		"   Conspiracy theorists say they've spotted Greta Thunberg in 120-year-old",
		"   pic",
		"   [94][IMG]",
		"",
		"  ‘NAÏVE AND TRUSTING’",
		"",
		"   Grace Millane ‘gave man on BDSM site list of kinky sex fetishes’",
		"   [95][IMG]",
		"   Warning",
		"",
		"  EYE POPPING",
		"",
		"   Russian Popeye has 'rotting' tricep removed after injecting oil to look",
		"   muscly",
		"   [96][IMG]",
		"",
		"  ‘GET WITH THE PROGRAM’",
		"",
		"   Furious mum demands kids clothes have gender labels scrapped",
		"   [97][IMG]",
		"",
		"  DRIVEN TO SUICIDE",
		"",
		"   Pregnant girl, 13, 'jumps to her death after she's gang raped by 6 men'",
		"",
		"   Authorities in western\xc2\xa0" "[98]Mongolia, which is close to the Russian",
		"   frontier, instituted a quarantine to prevent the disease from spreading.",
		"",
		"   American, Dutch, German, Swedish, Swiss, and South Korean tourists were",
		"   marooned in Uglii as a result.",
		"",
		"  How is the plague spread?",
		"",
		"   Plague is caused by the bacteria Yersinia pestis - a bacteria usually",
		"   found in small mammals and their fleas.",
		"",
		"   Those infected with Y. pestis often develop symptoms after an incubaction",
		"   period of one-to-seven days, says the World Health Organization.",
		"",
		"   Symptoms include a sudden onset of fever, chills, head and body aches,",
		"   along with weakness and vomiting.",
		"",
		"   The two main forms of plague infection are bubonic and pneumonic - where",
		"   bubonic plague has spread to the lungs.",
		"",
		"   Bubonic is the most common form and is where people develop painful",
		"   swollen lymph nodes, or 'buboes'.",
		"",
		"   At advanced stages of the infection, inflamed lymph nodes can turn into",
		"   open sores filled with pus.",
		"",
		"   Plague is transmitted between animals and humans; by the bite of infected",
		"   fleas; direct contact with infected tissues; and inhalation of infected",
		"   respiratory droplets.",
		"",
		"   Those suffering from bubonic plague have a 30-60 per cent chance of dying",
		"   from the disease.",
		"",
		"   Untreated pneumonic plague is \"always fatal\", says WHO.",
		"",
		"   From 2010 to 2015 there were 3248 cases reported worldwide, including 584",
		"   deaths.",
		"",
		"   Historically, plague was responsible for widespread pandemics with high",
		"   mortality.",
		"",
		"   It was known as the \"Black Death\" during the fourteenth century, causing",
		"   more than 50 million deaths in Europe.",
		"",
		"   Nowadays, plague is easily treated with antibiotics.",
		"",
		"   [99]Researchers have pinpointed the earliest evidence of the deadly",
		"   illness to a placed called Laishevo in Russia",
		"   Researchers have pinpointed the earliest evidence of the deadly illness to",
		"   a placed called Laishevo in Russia",
		"   [100]The city of Uglii was closed earlier this year due to some",
		"   plague-contaminated marmots",
		"   6",
		"   The city of Uglii was closed earlier this year due to some",
		"   plague-contaminated marmotsCredit: Vesti/The Siberian Times",
		"   [101]A couple in Mongolia in May 2019 who died are suspected to have eaten",
		"   a Marmot - a large rodent",
		"   6",
		"   A couple in Mongolia in May 2019 who died are suspected to have eaten a",
		"   Marmot - a large rodentCredit: The Siberian Times",
		"   [102]Officials were seen in Mongolia attempting to control the potential",
		"   spread of the plague",
		"   6",
		"   Officials were seen in Mongolia attempting to control the potential spread",
	};
	check_lines(lines, COUNT(lines),
		    "Hunter diagnosed with bubonic plague after eating a rabbit making him third "
		    "Beijing local to contract medieval disease", "Debbie White");
}

/* A date line that html2text's wrap joins to the line under it: its date, its first
 * line read alone, is the story's ("Posted by: Ed_de_Leon on February 18, 2020 in
 * Showbiz Leave_a_comment" over the story's first line, hatawtabloid.com by html2text,
 * htmldate benchmark; the story cut short). */
static void test_joined_date_line(void)
{
	static const char *const lines[] = {
		"Tuesday , February 18 2020",
		"    * About_Us",
		"    * Contact_Us",
		"    * Privacy_Policy",
		"[One of: Go to.../About Us/Contact Us/Privacy Policy]",
		"[Search]",
		" [Search...           ]",
		"***** [HATAW!_D'yaryo_ng_Bayan]HATAW!_D'yaryo_ng_Bayan_hatawtabloid.com *****",
		"",
		"",
		"    * Home",
		"    * News",
		"    * Opinion",
		"    * Bulabugin",
		"    * Showbiz",
		"    * Sports",
		"    * Hataw_Lifestyle",
		"    * Gallery",
		"          o Photos",
		"          o Flickr",
		"    * Videos",
		"          o Katapat",
		"          o Youtube",
		"    * Social",
		"          o Facebook",
		"          o Twitter",
		"          o Google+",
		"          o Tumblr",
		"          o Flickr",
		"          o Pinterest",
		"          o Youtube",
		"    * Greetings",
		"    * Events",
		"[One of: Go to.../Home/News/Opinion/Bulabugin/Showbiz/Sports/Hataw Lifestyle/",
		"Gallery/- Photos/- Flickr/Videos/- Katapat/- Youtube/Social/- Facebook/",
		"- Twitter/- Google+/- Tumblr/- Flickr/- Pinterest/- Youtube/Greetings/Events]",
		"Random_Article",
		"Breaking News",
		"    * LT,_magbababu_na_sa_Ang_Probinsyano",
		"    * Kulikadidang_ni_Direk,_kasing_laki_lang_daw_ng_ATM_ang_ipinagmamalaki",
		"    * Aktres,_sunod-sunuran_sa_aktor_BF",
		"    * Ronnie,_isa_na_ring_reservist",
		"    * Mylene,_excited_sa_harapan_nila_ni_Nora",
		"    * DOLE_at_FDCP_nagkapirmahan_na_sa_Working_Conditions,_Safety,_at_Health_ng",
		"      Audiovisual_Workers",
		"    * Alessandra,_sobra-sobra_ang_papuri_ng_kanilang_American_director",
		"    * Jane,_inalagaan_ni_Rk_sa_kanilang_lovescene",
		"    * 5_suspek_na_‘sumunog’_sa_vendor_ng_lobo_sumuko",
		"    * 70k_no_read,_no_write_sa_Bicol_pinalagan_ni_EdSec._Briones",
		"You are here: Home / Showbiz / Aktres, sunod-sunuran sa aktor BF",
		"",
		"",
		"[Aktres, sunod-sunuran sa aktor BF]",
		"****** Aktres, sunod-sunuran sa aktor BF ******",
		"Posted by: Ed_de_Leon on February 18, 2020 in Showbiz Leave_a_comment",
		"TALAGANGsunod-sunuran lamang si\xc2\xa0" "female star\xc2\xa0" "sa kung ano man ang gustong mangyari",
		"ng kanyang boyfriend.",
		"Takot kasi siyang mapalitan ng boyfriend niya. Hindi niya maipagmamalaki ang",
		"suportang ibinibigay niya sa boyfriend niya dahil may dalawa naman daw mayamang",
		"bading na nagbibigay din ng suporta roon.",
		"Kawawa si female star. Isipin ninyo iyong ganda niyang iyon ang kalaban lang",
		"niya bading? Paano namang hindi mas makapal ang pitaka ng bading kaysa kanya?",
		"Ganyan lang ang buhay.",
		"(Ed de Leon)",
		"Share !",
		"    * tweet",
		"[https://assets.pinterest.com/images/PinExt.png]",
		"",
		"",
		"**** About Ed de Leon ****",
		"Previous:_Ronnie,_isa_na_ring_reservist",
		"Next:_Kulikadidang_ni_Direk,_kasing_laki_lang_daw_ng_ATM_ang_ipinagmamalaki",
		"**** Related Articles ****",
		"[LT,_magbababu_na_sa_Ang_Probinsyano]",
		"**** LT,_magbababu_na_sa_Ang_Probinsyano ****",
		"February 18, 2020",
		"[Kulikadidang_ni_Direk,_kasing_laki_lang_daw_ng_ATM_ang_ipinagmamalaki]",
		"**** Kulikadidang_ni_Direk,_kasing_laki_lang_daw_ng_ATM_ang_ipinagmamalaki ****",
		"February 18, 2020",
		"[Ronnie,_isa_na_ring_reservist]",
		"**** Ronnie,_isa_na_ring_reservist ****",
		"February 18, 2020",
		"[Mylene,_excited_sa_harapan_nila_ni_Nora]",
		"**** Mylene,_excited_sa_harapan_nila_ni_Nora ****",
		"February 18, 2020",
	};
	struct page p;
	struct sahifa_article a;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put_lines(&p, lines, COUNT(lines));
	CHECK(segment_page(&p, &a) == SAHIFA_OK);
	CHECK_STR("headline", a.headline, "Aktres, sunod-sunuran sa aktor BF");
	CHECK_STR("published", a.published, "2020-02-18");
	CHECK(accounted(&a) == 0);
	sahifa_article_release(&a);
	sahifa_buf_release(&p.b);
}

/* A picture's alternative text in brackets, whole on its line, is no wrapped part of
 * the line over it: html2text's "[Iphone 11 Max Pro over yellow background]" under the
 * byline is not the byline's (zdnet.com, scrapinghub benchmark; the story cut
 * short). */
static void test_bracketed_line(void)
{
	static const char *const lines[] = {
		"          o Downloads",
		"          o Reviews",
		"          o Galleries",
		"          o Videos",
		"          o TechRepublic_Forums",
		"    *",
		"    *",
		"          o     # Preferences",
		"                # Community",
		"                # Newsletters",
		"                # Log_Out",
		"    * eu",
		"          o Asia",
		"          o Australia",
		"          o Europe",
		"          o India",
		"          o United Kingdom",
		"          o United States",
		"          o ZDNet around the globe:",
		"          o ZDNet_China",
		"          o ZDNet_France",
		"          o ZDNet_Germany",
		"          o ZDNet_Korea",
		"          o ZDNet_Japan",
		"****** Best tech gadgets of 2019 ******",
		"AirPods Pro. Sonos Move. Galaxy Note 10. See what else made our list for best",
		"tech gadgets of the past year.",
		"[Jason_Cipriani]",
		"By Jason_Cipriani | November 18, 2019 -- 19:14 GMT (19:14 GMT) | Topic: Hardware",
		"[Iphone 11 Max Pro over yellow background]",
		"(Image: gargantiopa / Getty Images)",
		"**** Black Friday ****",
		"[Business_Bargain_Hunter's_top_picks]",
		"Business_Bargain_Hunter's_top_picks",
		"The very best Black Friday deals and sales.",
		"Read_More",
		"As the year comes to an end, it's time to sit back and reflect. This year we saw",
		"Samsung almost fold the Fold, the Motorola Razr make a comeback, and Apple",
		"impresses with the iPhone 11's camera. We also saw gadgets from tech companies,",
		"large and small, that made a splash over the past year.\xc2\xa0" "",
		"Also:See_Black_Friday_coverage_at_CNET",
		"Surely, as we head into the season of Black Friday and Cyber Monday, along with",
		"the many promotions we'll see before the holidays arrive, so be sure to keep on",
		"an eye out for the best deals.\xc2\xa0" "",
		"***** Some of 2019's best tech gadgets *****",
		"Disclosure:\xc2\xa0" "ZDNet\xc2\xa0" "may earn a commission from some of the products featured on",
		"this page.",
		"[airpods-pro-2.jpg][airpods-pro-2.jpg]",
		"Jason Cipriani/ZDNet",
		"**** Apple AirPods Pro for $235 ****",
		"    * See it now:\xc2\xa0" "Amazon",
		"Since the AirPods first launched in 2016, users and critics alike have been",
		"asking for noise cancellation and replaceable tips for a better fit. Apple",
		"finally delivered all of that and then some with the new AirPods Pro. The new",
		"design sounds better, will drown out background noise in noisy environments, and",
		"comes with three different sized tips to ensure you get the right fit.",
		"[nintendo-switch-lite.jpg][nintendo-switch-lite.jpg]",
		"Nintendo",
		"**** Nintendo Switch Lite for $200 ****",
		"    * See it now:\xc2\xa0" "Amazon",
		"The smaller, more portable Nintendo Switch gives up the ability to slide into a",
		"dock and game on your TV, but it gains battery life and fun new colors. The",
		"screen has been shrunk to 5.5-inches, and the Joy-Cons are permanently attached",
		"to the device. But outside of that, it's still the same old Switch that users",
		"love and embrace.\xc2\xa0" "",
		"[move-lifestyle-single-family-home.jpg][move-lifestyle-single-family-home.jpg]",
		"Sonos",
		"**** Sonos Move for $400 ****",
		"    * See it now:\xc2\xa0" "Amazon",
		"Sonos speakers have long been considered some of the best home entertainment",
		"speakers available, but they all had one problem -- they weren't portable. With",
		"Sonos Move, the company created a speaker that sounds as good as the rest of its",
		"lineup, but it's completely portable. You can use Wi-Fi, Bluetooth, or Apple's",
		"AirPlay 2 to stream music through the Move, regardless of how close the nearest",
		"power outlet is.\xc2\xa0" "",
		"[echo-buds.jpg][echo-buds.jpg]",
		"Amazon",
		"**** Amazon Echo Buds for $130 ****",
		"    * See it now:\xc2\xa0" "Amazon",
		"In many ways, 2019 was the year of wireless earbuds. Amazon's Echo Buds have",
		"been well received and cost far less than Apple's AirPods Pro. The earbuds have",
	};
	check_lines(lines, COUNT(lines),
		    "Best tech gadgets of 2019",
		    "By Jason Cipriani | November 18, 2019 -- 19:14 GMT (19:14 GMT) | Topic: Hardware");
}

/* A DOM's "Video" badge alone over a line: a video's title, however the story's first
 * paragraph echoes it ("close" / "Video" / "Fox News Flash top entertainment headlines
 * for Nov. 19" under the story's title and byline, foxnews.com as a DOM's text,
 * scrapinghub benchmark; the story cut short). */
static void test_video_badge(void)
{
	static const char *const lines[] = {
		"Media Relations",
		"Compliance",
		"Supplier Diversity",
		"Other",
		"Fox Nation",
		"Fox News Shop",
		"Fox News Go",
		"Fox News Radio",
		"Newsletters",
		"Alerts",
		"Podcasts",
		"Apps & Products",
		"Fox News",
		"Terms of Use",
		"Updated Privacy Policy(What's Changed)",
		"Closed Captioning Policy",
		"Help",
		"Contact Us",
		"",
		"This material may not be published, broadcast, rewritten, or redistributed. ©2019 FOX News Network, LLC. All rights reserved. All market data delayed 20 minutes.",
		"",
		"Facebook",
		"Twitter",
		"Google+",
		"Instagram",
		"RSS",
		"Email",
		"ADVERTISEMENT",
		"Dancing With the Stars",
		"Published 22 hours ago",
		"James Van Der Beek eliminated from 'Dancing with the Stars' after announcing wife suffered miscarriage",
		"By Andy Sahadeo | Fox News",
		"Facebook",
		"Twitter",
		"Flipboard",
		"Print",
		"Email",
		"close",
		"Video",
		"Fox News Flash top entertainment headlines for Nov. 19",
		"",
		"Fox News Flash top entertainment and celebrity headlines for Nov. 19 are here. Check out what's clicking today in entertainment.",
		"",
		"James Van Der Beek has been eliminated from “Dancing with the Stars.”",
		"",
		"The former “Dawson’s Creek” star, 42, was voted off the popular dance competition on Monday in a tight race against singer Ally Brooke after performing two dances for judges Len Goodman, Bruno Tonioli and Carrie Ann Inaba.",
		"",
		"Van Der Beek was eliminated in what host Tom Bergeron described as the “hardest judge’s verdict so far this season.” The difficult elimination came in light of Van Der Beek’s announcement that his wife, Kimberly, had suffered a miscarriage over the weekend.",
		"",
		"'DANCING WITH THE STARS' CARRIE ANN INABA OPENS UP ABOUT SERIOUS HEALTH CONDITION",
		"",
	};
	check_lines(lines, COUNT(lines),
		    "James Van Der Beek eliminated from 'Dancing with the Stars' after announcing "
		    "wife suffered miscarriage", "By Andy Sahadeo | Fox News");
}

/* A picture's name that lynx wraps over two lines of its own, with its address's query,
 * is no wrapped part of the date line over it: the caption under it reads as one, and
 * the headline is the title over the date ("[0819fd5e-...-AP_19279015292304.jpg?width=
 * 1080&" / "amp;quality=50]" / "Eastern Michigan quarterback Mike Glass III",
 * detroitnews.com by lynx, scrapinghub benchmark). */
static void test_wrapped_picture_name(void)
{
	static const char *const lines[] = {
		"Welcome to The Detroit News’s EUROPEAN UNION EXPERIENCE",
		"",
		"   [1]Learn More",
		"",
		"   [2][logo-compact.svg]",
		"",
		"Tuesday's college football: Eastern Michigan routs Northern Illinois to",
		"become bowl eligible",
		"",
		"   Detroit News wire services",
		"   Published 11:11 PM EST Nov 19, 2019",
		"   [0819fd5e-8877-4462-803c-052168cd21f1-AP_19279015292304.jpg?width=1080&",
		"   amp;quality=50]",
		"   Eastern Michigan quarterback Mike Glass III",
		"   Al Goldis, Associated Press",
		"",
		"   Dekalb, Ill. — Mike Glass threw for three touchdowns and ran for",
		"   another and Eastern Michigan rolled past Northern Illinois, 45-17, on",
		"   Tuesday night.",
		"",
		"   The Eagles (6-5, 3-4) snapped an 11-game losing streak to the Huskies",
		"   (4-7, 3-4) dating to 2007 and ended NIU’s title hopes in the",
		"   Mid-American Conference West Division with one league game remaining.",
		"",
		"   Eastern Michigan also became bowl-eligible for the second straight",
		"   season, a program first.",
		"",
		"   Shaq Vann rushed for 101 yards and a touchdown on 14 carries for",
		"   Eastern Michigan and Arthur Jackson caught two TD passes. Glass was",
		"   20-of-24 passing for 235 yards.",
		"",
		"   The Eagles led 14-7 at halftime before scoring 24 points in the third",
		"   quarter for a 38-10 bulge.",
		"",
		"   Huskies quarterback Marcus Childers was intercepted three times and",
		"   lost a fumble. Tre Harbison rushed for 112 yards on 30 carries for NIU.",
		"",
		"   The three previous games between these programs went to overtime.",
		"",
		"Extra points",
		"",
		"   The status of quarterback Tanner Morgan is uncertain for Minnesota’s",
		"   game at Northwestern after back-to-back sacks in the last game put the",
		"   sophomore in the concussion protocol.",
		"",
		"   Coach P.J. Fleck said Morgan has made progress this week, but the Big",
		"   Ten’s leading passer has not been cleared. The Gophers (9-1, 6-1) play",
		"   Saturday against the Wildcats (2-8, 0-7), with a one-game lead in the",
		"   West Division on Wisconsin.",
		"",
		"   Morgan could be a game-time decision. If he doesn’t play, either Jacob",
		"   Clark or Cole Kramer would start. They’re both true freshmen that Fleck",
		"   would prefer to keep at the four-game limit to preserve their redshirt",
		"   status.",
		"",
		"   ... Penn State quarterback Sean Clifford said he received death threats",
		"   on social media after the Nittany Lions’ Nov. 9 loss at Minnesota.",
		"",
		"   ... Vanderbilt athletic director Malcolm Turner said Derek Mason has",
		"   his full support as the Commodores coach and they’ll be working",
		"   together to give the football program the resources and support needed",
		"   to succeed.",
		"   Published 11:11 PM EST Nov 19, 2019",
		"",
		"   [3]Terms of Service [4]Privacy Notice",
		"   © The Detroit News, a Digital First Media Newspaper",
		"",
		"References",
		"",
		"   1. file:///EU-learn-more/",
		"   2. file:///",
		"   3. file:///terms/",
		"   4. file:///privacy/",
	};
	struct page p;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put_lines(&p, lines, COUNT(lines));
	check_page(&p, "Tuesday's college football: Eastern Michigan routs Northern Illinois to "
		   "become bowl eligible", -1);
}

/* A Chinese title is one word between spaces: its length is read in characters, so that
 * it outweighs a menu's English label, set out at the margin over a line of links
 * ("bbc.co.uk navigation" over "BBC Chinese", bbc.co.uk's Chinese service by elinks,
 * its title centred, goose3 test page bbc_chinese). */
static void test_han_title(void)
{
	static const char *const top[] = {
		"   [8]BBC", "", "浏览协助", "", EL_ITEM "[9]直接前往内部导航", EL_ITEM, "",
		EL_ITEM "[10]浏览协助", "", "bbc.co.uk navigation", "", EL_ITEM "[11]BBC链接", "",
		"   检索词: [12]_____________________ [13]检索", "   [14]BBC Chinese", "",
		EL_ITEM "简体版", EL_ITEM "[15]繁體版", "",
		"                         港特首梁振英就住宅违建事件道歉", "",
		"   更新时间 2012年12月10日, 格林尼治标准时间10:41", "",
		EL_ITEM "[16]Facebook", EL_ITEM "[17]Twitter", EL_ITEM "[18]人人",
		EL_ITEM "[19]开心网", EL_ITEM "[20]新浪微博", EL_ITEM "[27]打印文稿", "",
		"   [28]香港行政长官梁振英（6/12/2012）", "",
		"   梁振英同时遭到泛民主派和亲北京阵营议员质问。", "",
		"   香港行政长官梁振英在各方压力下就其大宅的违章建筑（僭建）问题到立法会接受质",
		"   询，并向香港民众道歉。", "",
		"   梁振英此前承认早在去年参选行政长官之前就已知悉其住宅的违建问题，引发诚信危",
		"   机。", "",
		"   梁振英在星期二（12月10日）的答问大会开始之际在其演说中道歉，但强调他在违章",
		"   建筑问题上没有隐瞒的意图和动机。", "",
		"   不过泛民主派议员们普遍指责梁振英\"撒谎\"，要求他马上辞职下台。", "",
		"   一些亲北京阵营议员欢迎梁振英道歉，且认为应能获得香港民众接受，但这些议员也",
		"   质问梁振英有否向执法部门施压。", "",
		"   梁振英强调承诺将在两周内解决其住宅的违建问题。", "",
		"   梁振英的山顶大宅于6月份被揭发存有违章建筑。", "",
		"   梁振英在选举中还击败了曾是自由党党员的前政务司司长唐英年。", "",
	};
	struct page p;

	sahifa_buf_init(&p.b, 0);
	p.line = 0;
	put_lines(&p, top, COUNT(top));
	check_page(&p, "港特首梁振英就住宅违建事件道歉", -1);
}

static void test_scripts_without_spaces(void)
{
	static const struct {
		const char *what;
		const char *menu[12];
		const char *prose[3];
	} cases[] = {
		{ "Thai: no full stops; its list's words found inside its runs of letters",
		  { "หน้าแรก", "ข่าว", "การเมือง", "เศรษฐกิจ", "กีฬา", "บันเทิง", "ต่างประเทศ", "เทคโนโลยี", "สุขภาพ", "ท่องเที่ยว", "วิดีโอ", "ติดต่อเรา" },
		  { "ทุกคนย่อมมีสิทธิและอิสรภาพบรรดาที่กำหนดไว้ในปฏิญญานี้ "
		    "โดยปราศจากความแตกต่างไม่ว่าชนิดใด ๆ ดังเช่น เชื้อชาติ "
		    "ผิว เพศ ภาษา ศาสนา ความคิดเห็นทางการเมืองหรือทางอื่น "
		    "เผ่าพันธุ์แห่งชาติ หรือสังคม ทรัพย์สิน กำเนิด หรือสถานะอื่น "
		    "ๆ",
		    "อนึ่งจะไม่มีความแตกต่างใด ๆ ตามมูลฐานแห่งสถานะทางการเมือง "
		    "ทางการศาล หรือทางการระหว่างประเทศของประเทศหรือดินแดนที่บุคคลสังกัด "
		    "ไม่ว่าดินแดนนี้จะเป็นเอกราช อยู่ในความพิทักษ์มิได้ปกครองตนเอง "
		    "หรืออยู่ภายใต้การจำกัดอธิปไตยใด ๆ ทั้งสิ้น",
		    "บุคคลใด ๆ จะถูกยึดเป็นทาส หรือต้องภาระจำยอมไม่ได้ความเป็นทาษ "
		    "และการค้าทาษเป็นห้ามขาดทุกรูป" } },
		{ "Hindi: sentences end in a danda",
		  { "होम", "देश", "विदेश", "राज्य", "खेल", "मनोरंजन", "व्यापार", "टेक्नोलॉजी", "स्वास्थ्य", "वीडियो", "फोटो", "संपर्क करें" },
		  { "सभी को इस घोषणा में सन्निहित सभी अधिकारों और आज़ादियों "
		    "को प्राप्त करने का हक़ है और इस मामले में जाति, वर्ण, "
		    "लिंग, भाषा, धर्म, राजनीति या अन्य विचार-प्रणाली, किसी "
		    "देश या समाज विशेष में जन्म, सम्पत्ति या किसी प्रकार "
		    "की अन्य मर्यादा आदि के कारण भेदभाव का विचार न किया जाएगा "
		    "।",
		    "इसके अतिरिक्त, चाहे कोई देश या प्रदेश स्वतन्त्र हो, "
		    "संरक्षित हो, या स्त्रशासन रहित हो या परिमित प्रभुसत्ता "
		    "वाला हो, उस देश या प्रदेश की राजनैतिक, क्षेत्रीय या "
		    "अन्तर्राष्ट्रीय स्थिति के आधार पर वहां के निवासियों "
		    "के प्रति कोई फ़रक़ न रखा जाएगा ।",
		    "कोई भी ग़ुलामी या दासता की हालत में न रखा जाएगा, ग़ुलामी-प्रथा "
		    "और ग़ुलामों का व्यापार अपने सभी रूपों में निषिद्ध होगा "
		    "।" } },
		{ "Burmese, no list: sentences end in ။",
		  { "ပင်မစာမျက်နှာ", "သတင်း", "နိုင်ငံရေး", "စီးပွားရေး", "အားကစား", "ဖျော်ဖြေရေး", "ကမ္ဘာ့သတင်း", "နည်းပညာ", "ကျန်းမာရေး", "ဗီဒီယို", "ဆောင်းပါး", "ဆက်သွယ်ရန်" },
		  { "ထို့ပြင် လူတစ်ဦး တစ်ယောက် နေထိုင်ရာ နိုင်ငံ၏ သို့တည်းမဟုတ် "
		    "နယ်မြေဒေသ၏ နိုင်ငံရေးဆိုင်ရာ ဖြစ်စေ စီရင် ပိုင်ခွင့်ဆိုင်ရာ "
		    "ဖြစ်စေ တိုင်းပြည် အချင်းချင်း ဆိုင်ရာဖြစ်စေ၊ အဆင့်အတန်း "
		    "တစ်ခုခုကို အခြေပြု၍ သော်လည်းကောင်း၊ ဒေသနယ်မြေတစ်ခုသည် "
		    "အချုပ်အခြာ အာဏာပိုင် လွတ်လပ်သည့် နယ်မြေ၊ သို့တည်းမဟုတ် "
		    "ကုလသမဂ္ဂ ထိန်းသိမ်း စောင့်ရှောက် ထားရသည့် နယ်မြေ၊ သို့တည်းမဟုတ် "
		    "ကိုယ်ပိုင် အုပ်ချုပ်ခွင့် အာဏာတို့ တစိတ်တဒေသလောက်သာ "
		    "ရရှိသည့် နယ်မြေ စသဖြင့် ယင်းသို့ သော နယ်မြေများ ဖြစ်သည်၊ "
		    "ဖြစ်သည် ဟူသော အကြောင်းကို အထောက်အထား ပြု၍ သော်လည်းကောင်း "
		    "ခွဲခြားခြင်း လုံးဝ မရှိစေရ။",
		    "မည်သူကိုမျှ ကျေးကျွန်အဖြစ်၊ သို့တည်းမဟုတ် အစေအပါးအဖြစ်၊ "
		    "နိုင်ထက်စီးနင်း စေခိုင်းခြင်း မပြုရ၊ လူကို ကျေးကျွန် "
		    "သဖွယ် အဓမ္မ စေခိုင်းခြင်း၊ အရောင်းအဝယ် ပြုခြင်းနှင့် "
		    "ထိုသဘော သက်ရောက်သော လုပ်ငန်းဟူသမျှကို ပိတ်ပင် တားမြစ် "
		    "ရမည်။",
		    "မည်သူကိုမျှ ညှဉ်းပန်းနှိပ်စက်ခြင်း၊ သို့တည်းမဟုတ် ရက်စက်ကြမ်းကြုတ်စွာ "
		    "လူမဆန်စွာ ဂုဏ်ငယ်စေသောဆက်ဆံမှု မပြုရ၊ သို့တည်းမဟုတ် "
		    "အပြစ်ဒဏ် ပေးခြင်းမပြုရ။" } },
		{ "Burmese, no list: the preamble's clauses end in commas, read by the page's own words",
		  { "ပင်မစာမျက်နှာ", "သတင်း", "နိုင်ငံရေး", "စီးပွားရေး", "အားကစား", "ဖျော်ဖြေရေး", "ကမ္ဘာ့သတင်း", "နည်းပညာ", "ကျန်းမာရေး", "ဗီဒီယို", "ဆောင်းပါး", "ဆက်သွယ်ရန်" },
		  { "လူ့အခွင့်ရေးများကို အရေးမထား မထီလေးစားပြုခြင်းသည် လူခပ်သိမ်း၏ "
		    "အကျင့်သိက္ခာကို ချိုးဖောက် ဖျက်ဆီးတတ်သည့် ရက်စက်ကြမ်းကြုတ်သော "
		    "အပြုအမှုများကို ဖြစ်ပေါ်စေခဲ့သောကြောင့်လည်းကောင်း၊ လွတ်လပ်စွာ "
		    "ဖွင့်ဟပြောဆိုနိုင်မှု လွတ်လပ်စွာ သက်ဝင် ယုံကြည်နိုင်မှု၊ "
		    "ကြောက်ရွံ့ခြင်း၊ ချို့ငဲ့ခြင်းတို့မှ ကင်းလွတ်စွာ အသက်မွေးနိုင်မှုတို့ကို "
		    "ခံစားရယူနိုင်စေမည့် လောကတစ်ခု ပေါ်ပေါက်လာရန်အရေးကို "
		    "လူခပ်သိမ်းတို့က မိမိတို့၏ အထက်သန်ဆုံးသော လိုလားချက်ဆန္ဒကြီးအဖြစ်ဖြင့် "
		    "ကြွေးကြော်ကြေညာပြီး ဖြစ်သောကြောင့် လည်းကောင်း၊",
		    "လူခပ်သိမ်းတို့သည်၊ တရားလက်လွတ် နှိပ်စက်ကလူပြုမှု၊ အုပ်စိုးမှုနှင့် "
		    "ဖိစီး ညှဉ်းပန်းမှု တို့ကို နောက်ဆုံး မလွှဲသာ မရှောင်သာ "
		    "လက်နက် စွဲကိုင်ကာ တော်လှန်ခြင်း၊ ပုန်ကန်ခြင်းမပြုစေရန်၊ "
		    "လူအခွင့်ရေး များကိုဥပဒေဖြင့် ထိန်းသိမ်းကာကွယ် ပေးရမည်ဖြစ်သောကြောင့် "
		    "လည်းကောင်း၊",
		    "နိုင်ငံ အချင်းချင်း ချစ်ခင်ရင်းနှီးစွာ ဆက်ဆံရေးကို ပိုမိုတိုးတက်စေရန် "
		    "ကြံဆောင်ရမည်ဖြစ်သောကြောင့် လည်းကောင်း၊ ကမ္ဘာ့ကုလသမဂ္ဂအဖွဲ့ဝင်တို့သည် "
		    "မူလလူ့အခွင့်အရေးများကို လည်းကောင်း၊ လူ၏ ဂုဏ်သိက္ခာကို "
		    "လည်းကောင်း၊ ယောက်ျား မိန်းမတို့၏ တူညီသည့် အခွင့်အရေးများကို "
		    "လည်းကောင်း၊ လေးစားယုံကြည်ပါသည် ဟုကုလသမဂ္ဂတွင် ထပ်မံ၍ "
		    "အတည်ပြု ပြီးသည့်ပြင်၊ လူမှုကြီးပွား တိုးတက်ရေးနှင့်တကွ "
		    "ပိုမို လွတ်လပ် ကောင်းမွန်သော လူ့ဘဝ အဆင့်အတန်းတို့ကို "
		    "မြှင့်တင်ရန် သန္နိဋ္ဌာန်ချပြီး ဖြစ်သောကြောင့် လည်းကောင်း၊" } },
	};
	size_t c, i, j, k;

	for (c = 0; c < COUNT(cases); c++) {
		struct page p;
		struct sahifa_article a;
		long prose_at[3];

		sahifa_buf_init(&p.b, 0);
		p.line = 0;
		put(&p, cases[c].menu[0]);
		for (i = 1; i < 12; i++) {
			sahifa_buf_append_str(&p.b, "  • ");
			put(&p, cases[c].menu[i]);
		}
		put(&p, "");
		put(&p, cases[c].menu[3]);  /* a headline: the section's name */
		put(&p, "");
		for (i = 0; i < 3; i++) {
			prose_at[i] = p.line + 1;
			put(&p, cases[c].prose[i]);
			put(&p, "");
		}
		for (i = 1; i < 12; i++)  /* the footer's list of sections */
			put(&p, cases[c].menu[i]);
		put(&p, "© 2025");
		CHECK(segment_page(&p, &a) == SAHIFA_OK);
		for (i = 0; i < 3; i++) {
			int found = 0;

			for (j = 0; j < a.n_sections; j++)
				for (k = 0; k < a.sections[j].n_paragraphs; k++)
					found |= a.sections[j].paragraphs[k].line == prose_at[i];
			CHECK_INT(cases[c].what, found, 1);
		}
		for (i = 1; i <= 12; i++)
			CHECK_INT(cases[c].what, removed_at(&a, (long)i) != NULL, 1);
		CHECK(accounted(&a) == 0);
		sahifa_article_release(&a);
		sahifa_buf_release(&p.b);
	}
}

int main(void)
{
	struct sahifa_error err;

	if (sahifa_rules_new_default(&defaults, &err) != SAHIFA_OK) {
		printf("FAIL %s:%d: default rules: %s\n", __FILE__, __LINE__, err.msg);
		return 1;
	}
	test_bylines();
	test_byline_wrapped();
	test_byline_wrapped_lynx();
	test_byline_far_before_body();
	test_byline_under_copy();
	test_byline_fuller();
	test_byline_fuller_unspaced();
	test_byline_label();
	test_byline_foot();
	test_byline_linked();
	test_byline_handle();
	test_byline_dates_under();
	test_byline_account();
	test_not_bylines();
	test_site_name_byline();
	test_headline();
	test_byline_joined_title();
	test_byline_past_buttons();
	test_headline_topics();
	test_headline_caps_over();
	test_headline_furniture();
	test_headline_not_furniture();
	test_glued_teasers();
	test_cut_teasers();
	test_colon_list();
	test_numbered_list();
	test_numbered_list_lynx();
	test_lynx_references();
	test_markdown_page();
	test_markdown_top_heading();
	test_html2text_heading();
	test_title_case_sentences();
	test_dom_menu();
	test_dom_short_page();
	test_dom_menu_count();
	test_dom_long_items();
	test_marked_teasers();
	test_video_title();
	test_video_glued();
	test_kicker_over_title();
	test_title_copy_near();
	test_chrome_over_title();
	test_joined_names();
	test_arabic_name_place();
	test_twice_title_deck();
	test_poem_not_page();
	test_placeholder_page();
	test_notice_past_footer();
	test_title_under_header();
	test_byline_under_deck();
	test_title_under_mail_labels();
	test_list_over_story();
	test_list_over_story_unspaced();
	test_box_in_unspaced_story();
	test_unspaced_headers();
	test_tags_unspaced();
	test_box_over_story();
	test_boxes_then_header();
	test_name_capital_particle();
	test_arabic_by_label_unspaced();
	test_inline_pieces();
	test_inline_join_wrapped_block();
	test_cyrillic_header();
	test_title_under_ticker();
	test_name_over_role();
	test_agency_past_share();
	test_items_over_story();
	test_short_lead();
	test_header_over_caption();
	test_byline_past_deck();
	test_byline_over_title();
	test_front_teaser();
	test_footer_second_line();
	test_title_twice();
	test_comment_policy();
	test_comments_run();
	test_titled_twice_items();
	test_cut_items();
	test_comments_label();
	test_promo_tail();
	test_tweet();
	test_share_bar_comments();
	test_prose_address();
	test_recipe_card();
	test_title_run_on();
	test_datelines();
	test_inside();
	test_detect_dom_menu();
	test_detect_head_links();
	test_outside();
	test_lead_sentence();
	test_han_lines();
	test_not_caption();
	test_box_in_story();
	test_box_before_form();
	test_reflow();
	test_reflow_indented();
	test_reflow_rule();
	test_reflow_long_page();
	test_reflow_cut_teasers();
	test_reflow_few_cut();
	test_reflow_linked_title();
	test_reflow_picture_name();
	test_reflow_wide();
	test_reflow_marks();
	test_repeats();
	test_comments_header_amid();
	test_stamps();
	test_clean_not_page();
	test_exclaimed_post();
	test_table_in_story();
	test_promo_front();
	test_teasers_run();
	test_scripts_without_spaces();
	test_han_title();
	test_author_then_outlet();
	test_long_box_before();
	test_joined_date_line();
	test_bracketed_line();
	test_video_badge();
	test_wrapped_picture_name();
	test_han_full_stop();
	test_agency_lead();
	test_underlined_links();
	test_teaser_over_title();
	test_list_labels();
	test_list_titled_story();
	test_labels_over_values();
	test_author_over_title();
	test_centred_title();
	test_picture_name();
	test_click_line();
	test_two_decks();
	test_listed_author();
	test_credit_label();
	test_comments_count();
	sahifa_rules_free(defaults);
	return check_report();
}
