/* Dates as pages write them -> ISO 8601 (the schema's date pattern). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "html/html_internal.h"

/* Years a news page's date may have; anything else is a product number or noise. */
#define DATE_YEAR_MIN 1990
#define DATE_YEAR_MAX 2100

static int digits(const char *s, size_t len, size_t at, size_t n, int *v)
{
	size_t i;

	*v = 0;
	if (at + n > len)
		return -1;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[at + i]))
			return -1;
		*v = *v * 10 + (s[at + i] - '0');
	}
	return 0;
}

static int valid_ymd(int y, int m, int d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return y >= DATE_YEAR_MIN && y <= DATE_YEAR_MAX && m >= 1 && m <= 12 && d >= 1 &&
	       d <= mdays[m - 1];
}

static int month_name(const char *s, size_t len)
{
	static const char *const names[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul",
					     "aug", "sep", "oct", "nov", "dec" };
	int i;

	if (len < 3)
		return 0;
	for (i = 0; i < 12; i++)
		if (!strncasecmp(s, names[i], 3))
			return i + 1;
	return 0;
}

/* "YYYY-MM-DD[THH:MM[:SS[.f]]][Z|+HH:MM|+HHMM]", also with '/' or '.' between the date's
 * parts and ' ' before the time. */
static int iso_like(const char *s, size_t len, char *out, size_t size)
{
	int y, m, d, hh, mm, ss = -1, n;
	size_t i = 10;
	char sep = len > 4 ? s[4] : 0;
	char zone[24] = "";

	if (digits(s, len, 0, 4, &y) || (sep != '-' && sep != '/' && sep != '.') ||
	    digits(s, len, 5, 2, &m) || len < 10 || s[7] != sep || digits(s, len, 8, 2, &d) ||
	    !valid_ymd(y, m, d))
		return -1;
	if (len > i + 5 && (s[i] == 'T' || s[i] == ' ') && !digits(s, len, i + 1, 2, &hh) &&
	    s[i + 3] == ':' && !digits(s, len, i + 4, 2, &mm) && hh < 24 && mm < 60) {
		i += 6;
		if (i + 2 < len + 0 && s[i] == ':' && !digits(s, len, i + 1, 2, &ss) && ss < 61)
			i += 3;
		else
			ss = -1;
		if (i < len && s[i] == '.') {
			i++;
			while (i < len && isdigit((unsigned char)s[i]))
				i++;
		}
		if (i < len && s[i] == 'Z') {
			snprintf(zone, sizeof(zone), "Z");
		} else if (i + 2 < len && (s[i] == '+' || s[i] == '-') &&
			   !digits(s, len, i + 1, 2, &n) && n < 24) {
			int zm = 0;

			if (i + 5 < len + 1 && s[i + 3] == ':' && !digits(s, len, i + 4, 2, &zm))
				;
			else if (!digits(s, len, i + 3, 2, &zm))
				;
			else
				zm = 0;
			if (zm < 60)
				snprintf(zone, sizeof(zone), "%c%02d:%02d", s[i], n % 100, zm % 100);
		}
		if (ss >= 0)
			snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, m, d, hh, mm, ss,
				 zone);
		else
			snprintf(out, size, "%04d-%02d-%02dT%02d:%02d%s", y, m, d, hh, mm, zone);
		return 0;
	}
	snprintf(out, size, "%04d-%02d-%02d", y, m, d);
	return 0;
}

/* "Tue, 03 May 2020 ...", "03 May 2020", "May 3, 2020", "3 May 2020". */
static int named_month(const char *s, size_t len, char *out, size_t size)
{
	size_t i = 0;
	int d = 0, m = 0, y = 0, got_d = 0;

	while (i < len) {
		if (isdigit((unsigned char)s[i])) {
			int v = 0;
			size_t n = 0;

			while (i < len && isdigit((unsigned char)s[i]) && n < 5) {
				v = v * 10 + (s[i++] - '0');
				n++;
			}
			if (n == 4 && !y && (got_d || m))
				y = v;
			else if (n <= 2 && !got_d && v >= 1 && v <= 31) {
				d = v;
				got_d = 1;
			} else if (n >= 3)
				return -1;
		} else if (isalpha((unsigned char)s[i])) {
			size_t j = i;

			while (j < len && isalpha((unsigned char)s[j]))
				j++;
			if (!m)
				m = month_name(s + i, j - i);
			i = j;
		} else {
			if (s[i] == ':' && y)
				break;
			i++;
		}
		if (y && m && got_d)
			break;
	}
	if (!(y && m && got_d) || !valid_ymd(y, m, d))
		return -1;
	snprintf(out, size, "%04d-%02d-%02d", y, m, d);
	return 0;
}

int html_date_iso(const char *s, size_t len, char *out, size_t size)
{
	while (len && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	if (len > 64)
		len = 64;
	if (len >= 10 && !iso_like(s, len, out, size))
		return 0;
	if (len == 8) {
		int y, m, d;

		if (!digits(s, len, 0, 4, &y) && !digits(s, len, 4, 2, &m) &&
		    !digits(s, len, 6, 2, &d) && valid_ymd(y, m, d)) {
			snprintf(out, size, "%04d-%02d-%02d", y, m, d);
			return 0;
		}
	}
	return named_month(s, len, out, size);
}

int html_url_date(const char *url, char *out, size_t size)
{
	const char *p = url ? strstr(url, "://") : NULL;
	size_t len;
	size_t i;

	if (!p)
		return -1;
	p = strchr(p + 3, '/');
	if (!p)
		return -1;
	len = strcspn(p, "?#");
	for (i = 0; i + 9 < len; i++) {
		int y, m, d;

		if (p[i] != '/' && p[i] != '-' && p[i] != '_')
			continue;
		if (digits(p, len, i + 1, 4, &y) || y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
			continue;
		/* /2020/05/03/ or /2020-05-03 */
		if (i + 11 <= len && (p[i + 5] == '/' || p[i + 5] == '-') &&
		    !digits(p, len, i + 6, 2, &m) && p[i + 8] == p[i + 5] &&
		    !digits(p, len, i + 9, 2, &d) && valid_ymd(y, m, d) &&
		    (i + 11 == len || !isdigit((unsigned char)p[i + 11]))) {
			snprintf(out, size, "%04d-%02d-%02d", y, m, d);
			return 0;
		}
		/* /20200503 */
		if (!digits(p, len, i + 5, 2, &m) && !digits(p, len, i + 7, 2, &d) &&
		    valid_ymd(y, m, d) && (i + 9 == len || !isdigit((unsigned char)p[i + 9]))) {
			snprintf(out, size, "%04d-%02d-%02d", y, m, d);
			return 0;
		}
	}
	return -1;
}

/* Arabic month names (Egyptian and Levantine usage) and their numbers. */
static const struct { const char *name; int month; } arabic_months[] = {
	{ "\xd9\x8a\xd9\x86\xd8\xa7\xd9\x8a\xd8\xb1", 1 },                 /* يناير */
	{ "\xd9\x81\xd8\xa8\xd8\xb1\xd8\xa7\xd9\x8a\xd8\xb1", 2 },         /* فبراير */
	{ "\xd9\x85\xd8\xa7\xd8\xb1\xd8\xb3", 3 },                         /* مارس */
	{ "\xd8\xa3\xd8\xa8\xd8\xb1\xd9\x8a\xd9\x84", 4 },                 /* أبريل */
	{ "\xd8\xa5\xd8\xa8\xd8\xb1\xd9\x8a\xd9\x84", 4 },                 /* إبريل */
	{ "\xd9\x85\xd8\xa7\xd9\x8a\xd9\x88", 5 },                         /* مايو */
	{ "\xd9\x8a\xd9\x88\xd9\x86\xd9\x8a\xd9\x88", 6 },                 /* يونيو */
	{ "\xd9\x8a\xd9\x88\xd9\x84\xd9\x8a\xd9\x88", 7 },                 /* يوليو */
	{ "\xd8\xa3\xd8\xba\xd8\xb3\xd8\xb7\xd8\xb3", 8 },                 /* أغسطس */
	{ "\xd8\xb3\xd8\xa8\xd8\xaa\xd9\x85\xd8\xa8\xd8\xb1", 9 },         /* سبتمبر */
	{ "\xd8\xa3\xd9\x83\xd8\xaa\xd9\x88\xd8\xa8\xd8\xb1", 10 },        /* أكتوبر */
	{ "\xd9\x86\xd9\x88\xd9\x81\xd9\x85\xd8\xa8\xd8\xb1", 11 },        /* نوفمبر */
	{ "\xd8\xaf\xd9\x8a\xd8\xb3\xd9\x85\xd8\xa8\xd8\xb1", 12 },        /* ديسمبر */
};

/* Copy s to out (at most size - 1 bytes) with Arabic-Indic and Persian digits as
 * ASCII and Arabic month names as " MM/" markers of their number. */
static size_t ascii_digits(const char *s, size_t len, char *out, size_t size)
{
	size_t i = 0, o = 0, k;

	while (i < len && o + 4 < size) {
		unsigned char c = (unsigned char)s[i];

		if ((c == 0xD9 || c == 0xDB) && i + 1 < len) {
			unsigned char d = (unsigned char)s[i + 1];

			if (c == 0xD9 && d >= 0xA0 && d <= 0xA9) {
				out[o++] = (char)('0' + d - 0xA0);
				i += 2;
				continue;
			}
			if (c == 0xDB && d >= 0xB0 && d <= 0xB9) {
				out[o++] = (char)('0' + d - 0xB0);
				i += 2;
				continue;
			}
		}
		for (k = 0; k < sizeof(arabic_months) / sizeof(arabic_months[0]); k++) {
			size_t n = strlen(arabic_months[k].name);

			if (i + n <= len && !memcmp(s + i, arabic_months[k].name, n)) {
				snprintf(out + o, size - o, "/%02d/", arabic_months[k].month);
				o += 4;
				i += n;
				break;
			}
		}
		if (k < sizeof(arabic_months) / sizeof(arabic_months[0]))
			continue;
		out[o++] = s[i++];
	}
	out[o] = '\0';
	return o;
}

int html_text_date(const char *s, size_t len, char *out, size_t size)
{
	char buf[512];
	size_t n = ascii_digits(s, len > 400 ? 400 : len, buf, sizeof(buf)), i;

	for (i = 0; i + 8 <= n; i++) {
		int a, b, c;
		size_t j = i;
		char s1, s2;

		if (!isdigit((unsigned char)buf[i]) || (i && isdigit((unsigned char)buf[i - 1])))
			continue;
		/* YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD */
		if (!digits(buf, n, i, 4, &a) && i + 10 <= n) {
			s1 = buf[i + 4];
			if ((s1 == '-' || s1 == '/' || s1 == '.') && !digits(buf, n, i + 5, 2, &b) &&
			    buf[i + 7] == s1 && !digits(buf, n, i + 8, 2, &c) && valid_ymd(a, b, c)) {
				snprintf(out, size, "%04d-%02d-%02d", a, b, c);
				return 0;
			}
		}
		/* D/M/YYYY, D-M-YYYY, D.M.YYYY, "D /MM/ YYYY" (an Arabic month name) */
		a = 0;
		while (j < n && isdigit((unsigned char)buf[j]) && j - i < 2)
			a = a * 10 + (buf[j++] - '0');
		while (j < n && buf[j] == ' ')
			j++;
		if (j >= n)
			continue;
		s1 = buf[j];
		if (s1 != '/' && s1 != '-' && s1 != '.')
			continue;
		j++;
		while (j < n && buf[j] == ' ')
			j++;
		b = 0;
		{
			size_t k = j;

			while (j < n && isdigit((unsigned char)buf[j]) && j - k < 2)
				b = b * 10 + (buf[j++] - '0');
			if (j == k)
				continue;
		}
		while (j < n && buf[j] == ' ')
			j++;
		if (j >= n)
			continue;
		s2 = buf[j];
		if (s2 != s1 && !(s1 == '/' && s2 == '/'))
			continue;
		j++;
		while (j < n && buf[j] == ' ')
			j++;
		if (digits(buf, n, j, 4, &c))
			continue;
		if (a > 12 || b <= 12) {
			if (valid_ymd(c, b, a)) {
				snprintf(out, size, "%04d-%02d-%02d", c, b, a);
				return 0;
			}
		} else if (valid_ymd(c, a, b)) {
			snprintf(out, size, "%04d-%02d-%02d", c, a, b);
			return 0;
		}
	}
	return named_month(buf, n, out, size);
}
