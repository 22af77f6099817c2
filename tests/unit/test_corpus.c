/* Unit tests of the corpus stage: quality signals on texts with known answers, the
 * quality member's JSON round trip, MinHash against exact Jaccard, thresholds files. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sahifa/corpus.h"

static void article_with(struct sahifa_article *a, const char *lang, const char *const *paras,
			 size_t n)
{
	struct sahifa_section *s;
	size_t i;

	sahifa_article_init(a);
	memcpy(a->id, "0123456789abcdef0123456789abcdef", 33);
	snprintf(a->tag.lang, sizeof(a->tag.lang), "%s", lang);
	s = sahifa_article_add_section(a, NULL, 0, 1, 0);
	for (i = 0; i < n; i++)
		sahifa_section_add_paragraph(s, paras[i], strlen(paras[i]),
					     paras[i][0] == '-' ? SAHIFA_KIND_LIST_ITEM :
					     SAHIFA_KIND_PARAGRAPH, (long)i + 1);
	sahifa_article_count(a);
}

static int near(double a, double b)
{
	return fabs(a - b) < 1e-9;
}

static void test_quality(void)
{
	static const char *const en[] = {
		"The cat sat on the mat.",
		"The cat sat on the mat.",
		"- a list item",
		"Is it over? #tag ...",
	};
	static const char *const ar[] = {
		"قال الوزير إن الحكومة ستعلن الخطة في الأسبوع المقبل؟",
		"وأضاف أن العمل مستمر،",
	};
	struct sahifa_article a;
	struct sahifa_error e;

	article_with(&a, "en", en, 4);
	CHECK(sahifa_quality_compute(&a, &e) == SAHIFA_OK);
	CHECK(a.quality.present);
	CHECK_INT("lines", a.quality.lines, 4);
	CHECK_INT("words", a.quality.words, 6 + 6 + 3 + 4);      /* "#tag" is a word, "..." not */
	CHECK(near(a.quality.dup_lines, 0.25));
	CHECK(near(a.quality.list_items, 0.25));
	/* lines 1, 2 end in '.', line 4 in "..." (a full stop too); the list item does not */
	CHECK(near(a.quality.terminal_punct_lines, 0.75));
	CHECK(near(a.quality.ellipsis_lines, 0.25));
	CHECK(near(a.quality.symbol_word_ratio, 2.0 / 19));       /* '#' and "..." */
	CHECK(a.quality.dup_ngram_chars[0] > 0.5);                /* the repeated sentence */
	CHECK_STR("stop-word list", a.quality.stopword_lang, "en");
	CHECK(a.quality.stopwords >= 6);                          /* the, on, the, ... */
	CHECK_INT("sentences", a.quality.sentences, 4);
	sahifa_article_release(&a);

	article_with(&a, "ar", ar, 2);
	CHECK(sahifa_quality_compute(&a, &e) == SAHIFA_OK);
	/* ؟ and ، end lines like sentences */
	CHECK(near(a.quality.terminal_punct_lines, 1.0));
	CHECK(a.quality.letter_share > 0.9);
	CHECK(near(a.quality.alpha_words, 1.0));
	CHECK_STR("arabic list", a.quality.stopword_lang, "ar");
	CHECK(a.quality.stopwords >= 2);                          /* إن، في، أن ... */
	sahifa_article_release(&a);

	/* a language without a list: no stop-word figures, and the filter skips them */
	article_with(&a, "xx", ar, 2);
	CHECK(sahifa_quality_compute(&a, &e) == SAHIFA_OK);
	CHECK_STR("no list", a.quality.stopword_lang, "");
	CHECK_INT("no stopwords", a.quality.stopwords, 0);
	sahifa_article_release(&a);
}

/* A word's hash is made by a short way for words of up to sixteen bytes and the long
 * way for the list's words: a stop word of every length from one byte to sixteen still
 * counts, and the same words with a letter more do not. */
static void test_stopword_lengths(void)
{
	static const char *const en[] = {
		"a ad act able about abroad adopted actually ableabout accordance accordingly "
		"consequently approximately notwithstanding",
		"ax adx actx ablex aboutx abroadx adoptedx actuallyx ableaboutx accordancex "
		"accordinglyx consequentlyx approximatelyx notwithstandingx",
	};
	static const char *const id[] = { "mengibaratkannya mengibaratkannyaa mengibaratkanny" };
	struct sahifa_article a;
	struct sahifa_error e;

	article_with(&a, "en", en, 2);
	CHECK(sahifa_quality_compute(&a, &e) == SAHIFA_OK);
	CHECK_INT("en words", a.quality.words, 28);
	CHECK_INT("en stop words of 1 to 15 bytes", a.quality.stopwords, 14);
	sahifa_article_release(&a);
	article_with(&a, "id", id, 1);
	CHECK(sahifa_quality_compute(&a, &e) == SAHIFA_OK);
	CHECK_INT("id stop word of 16 bytes", a.quality.stopwords, 1);
	sahifa_article_release(&a);
}

/* Lines of 32 bytes and more are hashed four blocks a step: one repeated counts, one
 * that differs from it in a byte of any block, or in length, does not. */
static void test_long_dup_lines(void)
{
	static const char *const lines[] = {
		"the council met on monday to discuss the budget for next year",
		"the council met on monday to discuss the budget for next year",
		"the council met on monday to discuss the budget for next yeas",
		"the council met on tuesday to discuss the budget for next year",
		"the council met on monday to discuss the budget for next year!",
		"xhe council met on monday to discuss the budget for next year",
	};
	struct sahifa_article a;
	struct sahifa_error e;

	article_with(&a, "en", lines, 6);
	CHECK(sahifa_quality_compute(&a, &e) == SAHIFA_OK);
	CHECK(near(a.quality.dup_lines, 1.0 / 6));
	sahifa_article_release(&a);
}

/* A line ends in its script's full stop: Article 1 of the Universal Declaration of
 * Human Rights in Hindi, Bengali, Burmese, Khmer, Amharic, Armenian, Chinese,
 * Japanese and Urdu (the unicode.org UDHR texts), a sentence a line, each line's
 * last mark its own. */
static void test_terminal_scripts(void)
{
	static const struct {
		const char *lang, *text;
	} rows[] = {
		{ "hi", "सभी मनुष्यों को गौरव और अधिकारों के मामले में जन्मजात स्वतन्त्रता और समानता प्राप्त है ।" },
		{ "bn", "সমস্ত মানুষ স্বাধীনভাবে সমান মর্যাদা এবং অধিকার নিয়ে জন্মগ্রহণ করে।" },
		{ "my", "လူတိုင်းသည် တူညီ လွတ်လပ်သော ဂုဏ်သိက္ခာဖြင့် လည်းကောင်း၊ "
		  "တူညီလွတ်လပ်သော အခွင့်အရေးများဖြင့် လည်းကောင်း၊ မွေးဖွားလာသူများ ဖြစ်သည်။" },
		{ "km", "មនុស្សទាំងអស់ កើតមកមានសេរីភាព និងសមភាព ក្នុងផ្នែកសេចក្ដីថ្លៃថ្នូរនិងសិទ្ធិ។" },
		{ "am", "የሰው፡ልጅ፡ሁሉ፡ሲወለድ፡ነጻና፡በክብርና፡በመብትም፡እኩልነት፡ያለው፡ነው።" },
		{ "hy", "Բոլոր մարդիկ ծնվում են ազատ ու հավասար իրենց արժանապատվությամբ ու իրավունքներով։" },
		{ "zh", "人人生而自由,在尊严和权利上一律平等。" },
		{ "ja", "すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。" },
		{ "ur", "تمام انسان آزاد اور حقوق و عزت کے اعتبار سے برابر پیدا ہوئے ہیں۔" },
	};
	static const char *const bare[] = {
		/* the same Burmese clause without its full stop: the little section mark ၊
		 * inside the line is a comma */
		"လူတိုင်းသည် တူညီ လွတ်လပ်သော ဂုဏ်သိက္ခာဖြင့် လည်းကောင်း၊ "
		"တူညီလွတ်လပ်သော အခွင့်အရေးများဖြင့် လည်းကောင်း၊ မွေးဖွားလာသူများ ဖြစ်သည်",
		"人人生而自由,在尊严和权利上一律平等",
	};
	size_t r;

	for (r = 0; r < sizeof(rows) / sizeof(rows[0]); r++) {
		struct sahifa_article a;
		struct sahifa_error e;

		article_with(&a, rows[r].lang, &rows[r].text, 1);
		CHECK(sahifa_quality_compute(&a, &e) == SAHIFA_OK);
		if (!near(a.quality.terminal_punct_lines, 1.0))
			CHECK_STR("ends in a full stop", rows[r].lang, "");
		sahifa_article_release(&a);
	}
	for (r = 0; r < sizeof(bare) / sizeof(bare[0]); r++) {
		struct sahifa_article a;
		struct sahifa_error e;

		article_with(&a, "xx", &bare[r], 1);
		CHECK(sahifa_quality_compute(&a, &e) == SAHIFA_OK);
		CHECK(near(a.quality.terminal_punct_lines, 0.0));
		sahifa_article_release(&a);
	}
}

/* The repetition measures over a document's words, as Gopher defines them: the
 * characters of words covered by a repeated n-gram (n = 5..10), over all word
 * characters, spans of one n-gram that overlap counted once. */
static void test_dup_ngrams(void)
{
	static const struct {
		int line;
		const char *label;
		const char *text;
		double dup[6];  /* n = 5..10 */
	} rows[] = {
		{ __LINE__, "no repeat", "a b c d e f g h i j", { 0, 0, 0, 0, 0, 0 } },
		{ __LINE__, "one 5-gram twice, words between",
		  "x a b c d e y a b c d e z", { 10.0 / 13, 0, 0, 0, 0, 0 } },
		{ __LINE__, "characters, not words",
		  "xx aaa b cc d eeee yy aaa b cc d eeee", { 22.0 / 26, 0, 0, 0, 0, 0 } },
		/* the 5-grams at words 0, 1, 6 and 7 overlap: every word once */
		{ __LINE__, "overlapping spans", "a b c d e f a b c d e f",
		  { 1, 1, 0, 0, 0, 0 } },
		{ __LINE__, "a period of five", "p q r s t p q r s t p q r s t",
		  { 1, 1, 1, 1, 1, 1 } },
		/* spans of the 5-gram at 1..5 and 9..13, a gap between: words 0, 6..8 out */
		{ __LINE__, "two runs apart", "k a b c d e m n o a b c d e",
		  { 10.0 / 14, 0, 0, 0, 0, 0 } },
		/* the two 5-grams are one, at words 0 and 1: spans overlapping by four */
		{ __LINE__, "one word six times", "a a a a a a", { 1, 0, 0, 0, 0, 0 } },
	};
	size_t r, n;

	for (r = 0; r < sizeof(rows) / sizeof(rows[0]); r++) {
		const char *text = rows[r].text;
		struct sahifa_article a;
		struct sahifa_error e;

		article_with(&a, "xx", &text, 1);
		CHECK(sahifa_quality_compute(&a, &e) == SAHIFA_OK);
		for (n = 0; n < 6; n++)
			if (near(a.quality.dup_ngram_chars[n], rows[r].dup[n]))
				check_passed++;
			else {
				check_failed++;
				printf("FAIL %s:%d: %s: dup_%zugram_chars %g, want %g\n", __FILE__,
				       rows[r].line, rows[r].label, n + 5,
				       a.quality.dup_ngram_chars[n], rows[r].dup[n]);
			}
		sahifa_article_release(&a);
	}
}

/* Words of two-byte letters, walked a run at a time: runs of every length, ended by
 * the line, a space, a digit or a mark, count their characters and letters alike. */
static void test_letter_runs(void)
{
	static const struct {
		int line;
		const char *text;
		uint64_t words;
		double mean, letters;   /* mean_word_length, letter_share */
	} rows[] = {
		{ __LINE__, "ب بب ببب بببب ببببب", 5, 3, 1 },
		{ __LINE__, "بتثجحخدذرز بتثجحخدذرزس", 2, 10.5, 1 },
		{ __LINE__, "بب٣بب", 1, 5, 0.8 },
		{ __LINE__, "ببب،", 1, 3, 0.75 },
		{ __LINE__, "بببa بب", 2, 3, 1 },
		{ __LINE__, "ж жж жжж", 3, 2, 1 },
	};
	size_t r;

	for (r = 0; r < sizeof(rows) / sizeof(rows[0]); r++) {
		const char *text = rows[r].text;
		struct sahifa_article a;
		struct sahifa_error e;

		article_with(&a, "xx", &text, 1);
		CHECK(sahifa_quality_compute(&a, &e) == SAHIFA_OK);
		if (a.quality.words == rows[r].words && near(a.quality.mean_word_length, rows[r].mean) &&
		    near(a.quality.letter_share, rows[r].letters))
			check_passed++;
		else {
			check_failed++;
			printf("FAIL %s:%d: %s: words %llu, mean %g, letters %g\n", __FILE__,
			       rows[r].line, rows[r].text, (unsigned long long)a.quality.words,
			       a.quality.mean_word_length, a.quality.letter_share);
		}
		sahifa_article_release(&a);
	}
}

static void test_quality_json(void)
{
	static const char *const en[] = { "One line here.", "Another line there." };
	struct sahifa_article a, b;
	struct sahifa_buf j1 = SAHIFA_BUF_INIT, j2 = SAHIFA_BUF_INIT;
	struct sahifa_error e;

	article_with(&a, "en", en, 2);
	CHECK(sahifa_quality_compute(&a, &e) == SAHIFA_OK);
	CHECK(sahifa_article_to_json(&a, &j1, &e) == SAHIFA_OK);
	CHECK(strstr(j1.data, "\"quality\":{\"lines\":2,\"words\":6,") != NULL);
	sahifa_article_init(&b);
	CHECK(sahifa_article_from_json(j1.data, j1.len, &b, &e) == SAHIFA_OK);
	CHECK(b.quality.present);
	CHECK(sahifa_article_to_json(&b, &j2, &e) == SAHIFA_OK);
	CHECK(j1.len == j2.len && !memcmp(j1.data, j2.data, j1.len));
	sahifa_article_release(&b);
	/* without quality: read back absent, written back absent */
	a.quality.present = 0;
	sahifa_buf_reset(&j1);
	CHECK(sahifa_article_to_json(&a, &j1, &e) == SAHIFA_OK);
	CHECK(strstr(j1.data, "quality") == NULL);
	sahifa_article_init(&b);
	CHECK(sahifa_article_from_json(j1.data, j1.len, &b, &e) == SAHIFA_OK);
	CHECK(!b.quality.present);
	sahifa_article_release(&b);
	sahifa_article_release(&a);
	sahifa_buf_release(&j1);
	sahifa_buf_release(&j2);
}

/* Word i of a document: "wN" with N from a fixed sequence. */
static void doc(char *out, size_t size, unsigned start, unsigned n, unsigned change_every)
{
	size_t len = 0;
	unsigned i;

	out[0] = '\0';
	for (i = 0; i < n && len + 16 < size; i++) {
		unsigned w = start + i;

		if (change_every && i % change_every == change_every - 1)
			w += 100000;                    /* a replaced word */
		len += (size_t)snprintf(out + len, size - len, "%sw%u", i ? " " : "", w);
	}
}

/* Exact Jaccard of the 5-gram sets of two such documents, by brute force. */
static double exact_jaccard(const char *a, const char *b)
{
	char *wa[4096], *wb[4096], *ca = strdup(a), *cb = strdup(b), *save, *t;
	size_t na = 0, nb = 0, i, j, inter = 0, ua, ub;

	for (t = strtok_r(ca, " ", &save); t && na < 4096; t = strtok_r(NULL, " ", &save))
		wa[na++] = t;
	for (t = strtok_r(cb, " ", &save); t && nb < 4096; t = strtok_r(NULL, " ", &save))
		wb[nb++] = t;
	ua = na - 4;
	ub = nb - 4;
	/* the generated shingles are distinct within a document */
	for (i = 0; i + 5 <= na; i++)
		for (j = 0; j + 5 <= nb; j++)
			if (!strcmp(wa[i], wb[j]) && !strcmp(wa[i + 1], wb[j + 1]) &&
			    !strcmp(wa[i + 2], wb[j + 2]) && !strcmp(wa[i + 3], wb[j + 3]) &&
			    !strcmp(wa[i + 4], wb[j + 4])) {
				inter++;
				break;
			}
	free(ca);
	free(cb);
	return (double)inter / (double)(ua + ub - inter);
}

static void test_minhash(void)
{
	static char a[40000], b[40000];
	uint32_t sa[SAHIFA_MINHASH_HASHES], sb[SAHIFA_MINHASH_HASHES];
	static const unsigned every[] = { 0, 50, 20, 10, 6, 3 };
	size_t i;

	doc(a, sizeof(a), 0, 2000, 0);
	sahifa_minhash(a, strlen(a), sa);
	sahifa_minhash(a, strlen(a), sb);
	CHECK(near(sahifa_minhash_similarity(sa, sb), 1.0));
	for (i = 0; i < sizeof(every) / sizeof(every[0]); i++) {
		double j, est;

		doc(b, sizeof(b), 0, 2000, every[i]);
		j = exact_jaccard(a, b);
		sahifa_minhash(b, strlen(b), sb);
		est = sahifa_minhash_similarity(sa, sb);
		/* 112 hashes: the standard error is at most 0.05; allow four of them */
		if (fabs(est - j) > 0.2)
			printf("FAIL %s:%d: replacing every %u-th word: estimate %.3f, exact %.3f\n",
			       __FILE__, __LINE__, every[i], est, j), check_failed++;
		else
			check_passed++;
	}
	/* disjoint texts share nothing */
	doc(b, sizeof(b), 50000, 2000, 0);
	sahifa_minhash(b, strlen(b), sb);
	CHECK(sahifa_minhash_similarity(sa, sb) < 0.05);
	/* fewer words than a shingle: the words are the shingle; none: the empty signature */
	sahifa_minhash("two words", 9, sa);
	sahifa_minhash("two  words", 10, sb);
	CHECK(near(sahifa_minhash_similarity(sa, sb), 1.0));
	CHECK(sa[0] != UINT32_MAX);
	sahifa_minhash(" \x1e ", 3, sa);
	CHECK(sa[0] == UINT32_MAX && sa[SAHIFA_MINHASH_HASHES - 1] == UINT32_MAX);
}

static void test_thresholds(void)
{
	static const struct {
		const char *text;
		enum sahifa_status st;
		long line;
		const char *msg;
	} rows[] = {
		{ "words >= 50\n", SAHIFA_OK, 0, NULL },
		{ "# comment\n\nArab mean_word_length <= 12  # why\n", SAHIFA_OK, 0, NULL },
		{ "words >= 50\nwordz >= 1\n", SAHIFA_ERR_DATA, 2, "unknown signal 'wordz'" },
		{ "words > 50\n", SAHIFA_ERR_DATA, 1, "expected >= or <=, not '>'" },
		{ "words >= fifty\n", SAHIFA_ERR_DATA, 1, "expected a non-negative number, not 'fifty'" },
		{ "words >=\n", SAHIFA_ERR_DATA, 1, NULL },
		{ "", SAHIFA_ERR_USAGE, 0, "no thresholds" },
	};
	const char *path = "build/tmp-test-corpus.thresholds";
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct sahifa_filter_rules *r = NULL;
		struct sahifa_error e;
		FILE *fp = fopen(path, "wb");
		enum sahifa_status st;

		CHECK(fp != NULL);
		if (!fp)
			return;
		fputs(rows[i].text, fp);
		fclose(fp);
		sahifa_error_clear(&e);
		st = sahifa_filter_rules_new(NULL, path, &r, &e);
		CHECK_INT(rows[i].text, st, rows[i].st);
		if (rows[i].line)
			CHECK_INT(rows[i].text, e.line, rows[i].line);
		if (rows[i].msg)
			CHECK_STR(rows[i].text, e.msg, rows[i].msg);
		sahifa_filter_rules_free(r);
	}
	remove(path);
	{
		struct sahifa_filter_rules *r = NULL;
		struct sahifa_buf b = SAHIFA_BUF_INIT;
		struct sahifa_error e;

		CHECK(sahifa_filter_rules_new("gopher", NULL, &r, &e) == SAHIFA_OK);
		CHECK(sahifa_filter_rules_print(r, &b) == SAHIFA_OK);
		CHECK(b.data && strstr(b.data, "Arab mean_word_length <= 12\n"));
		CHECK(b.data && strstr(b.data, "dup_10gram_chars <= 0.1\n"));
		sahifa_buf_release(&b);
		sahifa_filter_rules_free(r);
		CHECK(sahifa_filter_rules_new("c5", NULL, &r, &e) == SAHIFA_ERR_USAGE);
	}
}

int main(void)
{
	test_quality();
	test_stopword_lengths();
	test_long_dup_lines();
	test_terminal_scripts();
	test_dup_ngrams();
	test_letter_runs();
	test_quality_json();
	test_minhash();
	test_thresholds();
	return check_report();
}
