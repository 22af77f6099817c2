/* Dates as pages and text dumps write them (src/text/date.c). */
#include <string.h>

#include "check.h"
#include "text/date.h"

struct row {
	const char *in, *want;
};

/* Machine-written dates: meta content, JSON-LD, <time datetime>. */
static const struct row iso_rows[] = {
	{ "2020-05-03", "2020-05-03" },
	{ "2020-05-03T10:20:30.123+0200", "2020-05-03T10:20:30+02:00" },
	{ "2020-05-03T10:20Z", "2020-05-03T10:20Z" },
	{ "2020/05/03 10:20", "2020-05-03T10:20" },
	{ "Tue, 03 May 2020 10:00:00 GMT", "2020-05-03" },  /* RFC 2822, HTTP Date */
	{ "May 3, 2020", "2020-05-03" },
	{ "20200503", "2020-05-03" },
	{ "2020-02-30", NULL }, { "1850-01-01", NULL }, { "soon", NULL },
};

static const struct row url_rows[] = {
	{ "https://x.example/2019/11/18/story/", "2019-11-18" },
	{ "https://x.example/news/2019-11-18-story", "2019-11-18" },
	{ "https://x.example/a/20191118/b", "2019-11-18" },
	{ "https://x.example/a/1234567890/b", NULL },
	{ "https://x.example/?d=2019/11/18", NULL },
	/* the date examples of htmldate's documentation */
	{ "https://blog.wikimedia.org/2018/06/28/interactive-maps-now-in-your-language/",
	  "2018-06-28" },
};

/* Dates written in running text and datelines, in the forms news sites print (the
 * project's own sentences, not copies of pages). */
static const struct row text_rows[] = {
	{ "Published 24/04/2020 at 10:00", "2020-04-24" },
	{ "Updated 2020.04.24", "2020-04-24" },
	{ "3 December 2019", "2019-12-03" },
	{ "July 12th, 2016", "2016-07-12" },     /* htmldate's documentation */
	{ "April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm", "2019-04-28" },
	{ "Sept. 3, 2020", "2020-09-03" },
	{ "04/24/2020", "2020-04-24" },          /* US order, when the day cannot be a month */
	/* the genitive month of Polish, Russian and Ukrainian datelines (radiomaryja.pl,
	 * football.ua) */
	{ "5 maja 2021 11:22", "2021-05-05" },
	{ "12 października 2020", "2020-10-12" },
	{ "21 сентября 2021", "2021-09-21" },
	{ "13 июля 2016, 17:37", "2016-07-13" },
	{ "15 серпня 2016", "2016-08-15" },
	/* Arabic: Egyptian names, Arabic-Indic digits; Levantine with the Egyptian name */
	{ "\xd9\xa2 \xd9\x85\xd8\xa7\xd8\xb1\xd8\xb3 \xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa5",
	  "2025-03-02" },                        /* ٢ مارس ٢٠٢٥ */
	{ "نُشر الخميس 3 آذار / مارس 2022 10:15 صباحاً", "2022-03-03" },
	/* Persian, solar hijri (12 Tir 1400 is 3 July 2021), also typed with Arabic yeh */
	{ "شنبه ۱۲ تیر ۱۴۰۰", "2021-07-03" },
	{ "شنبه 12 تير 1400 - 08:30", "2021-07-03" },
	{ "۱۵ مرداد ۱۴۰۱", "2022-08-06" },
	{ "۲۹ بهمن ۱۳۹۸", "2020-02-18" },
	/* Dutch, German, French, Spanish, Portuguese (Brazil), Italian */
	{ "Gepubliceerd op 14 oktober 2021 09:05", "2021-10-14" },
	{ "Stand: 03. März 2021, 14:05 Uhr", "2021-03-03" },
	{ "Publié le 1 février 2021 à 08h30", "2021-02-01" },
	{ "Madrid, 24 de abril de 2020", "2020-04-24" },
	{ "mar 7 de abril de 2020", "2020-04-07" },     /* "mar": Tuesday, not March */
	{ "Publicado em 5 de março de 2020 às 10h", "2020-03-05" },
	{ "12 maggio 2019", "2019-05-12" },
	/* Danish, Albanian, Turkish (htmldate_mediacloud pages, as w3m prints them),
	 * Serbian, Polish */
	{ "Danmark - 10. marts 2020 kl. 20:00", "2020-03-10" },
	{ "13 gusht 2020, 09:08", "2020-08-13" },
	{ "30 Ekim 2020 Cuma 18:28", "2020-10-30" },
	{ "14 Şubat 2021 Pazar", "2021-02-14" },
	{ "Objavljeno 5. avgust 2020.", "2020-08-05" },
	{ "opublikowano 3 września 2020", "2020-09-03" },
	/* Korean and Japanese/Chinese year-month-day */
	{ "입력 2020년 4월 24일 10:00", "2020-04-24" },
	{ "2020年4月24日 10:00", "2020-04-24" },
	/* Bengali digits with an ISO date */
	{ "\xe0\xa7\xa8\xe0\xa7\xa6\xe0\xa7\xa8\xe0\xa7\xa6-\xe0\xa7\xa6\xe0\xa7\xa8-"
	  "\xe0\xa7\xa7\xe0\xa7\xac", "2020-02-16" },   /* ২০২০-০২-১৬ */
	/* Bengali month names, the year after the day; ya with nukta precomposed too */
	{ "| শনিবার, আগস্ট ২৯, ২০২০ | ১০:৪৬ পূর্বাহ্ণ", "2020-08-29" },
	{ "১৬:২০, ১৬ ফেব্রুয়ারি ২০২০ তারিখে", "2020-02-16" },
	{ "৩ জানু\xe0\xa7\x9f" "ারি ২০২১", "2021-01-03" },
	/* not dates */
	{ "no date here, 12 of 40", NULL },
	{ "you may call 5 times in 2020", NULL },
	{ "Market report 12, 2020", NULL },
	{ "at 09:22 in March 2020", NULL },
	{ "1399 خرداد", NULL },
};

int main(void)
{
	size_t i;
	char out[64];

	for (i = 0; i < sizeof(iso_rows) / sizeof(iso_rows[0]); i++)
		CHECK_STR(iso_rows[i].in,
			  shf_date_iso(iso_rows[i].in, strlen(iso_rows[i].in), out, sizeof(out))
				  ? NULL : out, iso_rows[i].want);
	for (i = 0; i < sizeof(url_rows) / sizeof(url_rows[0]); i++)
		CHECK_STR(url_rows[i].in, shf_date_url(url_rows[i].in, out, sizeof(out)) ? NULL : out,
			  url_rows[i].want);
	for (i = 0; i < sizeof(text_rows) / sizeof(text_rows[0]); i++)
		CHECK_STR(text_rows[i].in,
			  shf_date_text(text_rows[i].in, strlen(text_rows[i].in), out, sizeof(out))
				  ? NULL : out, text_rows[i].want);
	/* only the first SHF_DATE_TEXT_MAX bytes are read */
	{
		char long_line[SHF_DATE_TEXT_MAX + 32];

		memset(long_line, 'x', SHF_DATE_TEXT_MAX);
		memcpy(long_line + SHF_DATE_TEXT_MAX, " 2020-04-24", 12);
		CHECK_STR("past the limit",
			  shf_date_text(long_line, strlen(long_line), out, sizeof(out)) ? NULL : out,
			  NULL);
		memcpy(long_line + SHF_DATE_TEXT_MAX - 12, " 2020-04-24", 11);
		CHECK_STR("within the limit",
			  shf_date_text(long_line, strlen(long_line), out, sizeof(out)) ? NULL : out,
			  "2020-04-24");
	}
	return check_report();
}
