/*
 * Dates as pages and text dumps write them, to ISO 8601 (the schema's date pattern).
 * One module for the HTML metadata (src/html/html_meta.c) and the text path's
 * datelines (src/text/segment_page.c).  Every function writes a NUL-terminated
 * string into out[size] (64 bytes hold any result) and returns 0, or -1 when it finds
 * no date; nothing is allocated.
 */
#ifndef SAHIFA_TEXT_DATE_H
#define SAHIFA_TEXT_DATE_H

#include <stddef.h>

/* Years a news page's date may have; anything else is a product number or noise. */
#define SHF_DATE_YEAR_MIN 1990
#define SHF_DATE_YEAR_MAX 2100
/* Only this many bytes of a line are searched for a written date (a dateline is short;
 * the rest is prose). */
#define SHF_DATE_TEXT_MAX 900

/* A machine-written date (ISO 8601, RFC 2822, "2020/05/03 10:20", "20200503") as
 * "YYYY-MM-DD" or with its time and zone. */
int shf_date_iso(const char *s, size_t len, char *out, size_t size);
/* The first date written in running text as "YYYY-MM-DD": "2020-04-24",
 * "24/04/2020" (day first unless that cannot be), month names in English, Arabic
 * (Egyptian and Levantine), Persian (solar hijri, converted), Dutch, German, French,
 * Spanish, Portuguese and Italian, "2020년 4월 24일" and "2020年4月24日"; Arabic-Indic,
 * Persian and Bengali digits count as digits. */
int shf_date_text(const char *s, size_t len, char *out, size_t size);
/* A date in a URL's path (/2020/05/03/, /2020-05-03, /20200503) as "YYYY-MM-DD". */
int shf_date_url(const char *url, char *out, size_t size);

#endif
