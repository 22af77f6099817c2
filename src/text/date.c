/* Dates as pages and text dumps write them -> ISO 8601 (text/date.h). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "text/date.h"

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

	return y >= SHF_DATE_YEAR_MIN && y <= SHF_DATE_YEAR_MAX && m >= 1 && m <= 12 && d >= 1 &&
	       d <= mdays[m - 1];
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

int shf_date_iso(const char *s, size_t len, char *out, size_t size)
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
	/* RFC 2822 and other written forms: "Tue, 03 May 2020 10:00:00 GMT" */
	return shf_date_text(s, len, out, size);
}

/* ---- dates in running text ---- */

#define LATIN 1   /* ASCII case ignored, a whole word */
#define JALALI 2  /* a month of the solar hijri year */
#define ABBR 4    /* an abbreviation: looked for after the full names ("mar 7 de abril") */

/* Month names as they are printed, longest first where one starts another.  Arabic:
 * Egyptian and Levantine names; Persian: with Persian and with Arabic yeh and kaf, as
 * pages type them; Bengali. */
static const struct month_name {
	const char *name;
	unsigned char month, flags;
} months[] = {
	/* English */
	{ "january", 1, LATIN }, { "february", 2, LATIN }, { "march", 3, LATIN },
	{ "april", 4, LATIN }, { "may", 5, LATIN }, { "june", 6, LATIN }, { "july", 7, LATIN },
	{ "august", 8, LATIN }, { "september", 9, LATIN }, { "october", 10, LATIN },
	{ "november", 11, LATIN }, { "december", 12, LATIN },
	{ "jan", 1, LATIN | ABBR }, { "feb", 2, LATIN | ABBR }, { "mar", 3, LATIN | ABBR },
	{ "apr", 4, LATIN | ABBR }, { "jun", 6, LATIN | ABBR }, { "jul", 7, LATIN | ABBR },
	{ "aug", 8, LATIN | ABBR }, { "sept", 9, LATIN | ABBR }, { "sep", 9, LATIN | ABBR },
	{ "oct", 10, LATIN | ABBR }, { "nov", 11, LATIN | ABBR }, { "dec", 12, LATIN | ABBR },
	/* Dutch */
	{ "januari", 1, LATIN }, { "februari", 2, LATIN }, { "maart", 3, LATIN },
	{ "mei", 5, LATIN }, { "juni", 6, LATIN }, { "juli", 7, LATIN },
	{ "augustus", 8, LATIN }, { "oktober", 10, LATIN }, { "okt", 10, LATIN | ABBR },
	/* German */
	{ "januar", 1, LATIN }, { "jänner", 1, LATIN }, { "februar", 2, LATIN },
	{ "märz", 3, LATIN }, { "mai", 5, LATIN }, { "dezember", 12, LATIN },
	{ "dez", 12, LATIN | ABBR },
	/* French */
	{ "janvier", 1, LATIN }, { "février", 2, LATIN }, { "fevrier", 2, LATIN },
	{ "mars", 3, LATIN }, { "avril", 4, LATIN }, { "juin", 6, LATIN },
	{ "juillet", 7, LATIN }, { "août", 8, LATIN }, { "aout", 8, LATIN },
	{ "septembre", 9, LATIN }, { "octobre", 10, LATIN }, { "novembre", 11, LATIN },
	{ "décembre", 12, LATIN },
	/* Spanish */
	{ "enero", 1, LATIN }, { "febrero", 2, LATIN }, { "marzo", 3, LATIN },
	{ "abril", 4, LATIN }, { "mayo", 5, LATIN }, { "junio", 6, LATIN },
	{ "julio", 7, LATIN }, { "agosto", 8, LATIN }, { "septiembre", 9, LATIN },
	{ "setiembre", 9, LATIN }, { "octubre", 10, LATIN }, { "noviembre", 11, LATIN },
	{ "diciembre", 12, LATIN },
	/* Portuguese */
	{ "janeiro", 1, LATIN }, { "fevereiro", 2, LATIN }, { "março", 3, LATIN },
	{ "maio", 5, LATIN }, { "junho", 6, LATIN }, { "julho", 7, LATIN },
	{ "setembro", 9, LATIN }, { "outubro", 10, LATIN }, { "novembro", 11, LATIN },
	{ "dezembro", 12, LATIN },
	/* Italian */
	{ "gennaio", 1, LATIN }, { "febbraio", 2, LATIN }, { "aprile", 4, LATIN },
	{ "maggio", 5, LATIN }, { "giugno", 6, LATIN }, { "luglio", 7, LATIN },
	{ "settembre", 9, LATIN }, { "ottobre", 10, LATIN }, { "dicembre", 12, LATIN },
	/* Polish (the genitive, as dates print it: "5 maja 2021") */
	{ "stycznia", 1, LATIN }, { "lutego", 2, LATIN }, { "marca", 3, LATIN },
	{ "kwietnia", 4, LATIN }, { "maja", 5, LATIN }, { "czerwca", 6, LATIN },
	{ "lipca", 7, LATIN }, { "sierpnia", 8, LATIN }, { "września", 9, LATIN },
	{ "października", 10, LATIN }, { "listopada", 11, LATIN }, { "grudnia", 12, LATIN },
	/* Russian and Ukrainian (the genitive: "21 сентября 2021", "15 серпня 2016") */
	{ "января", 1, 0 }, { "февраля", 2, 0 }, { "марта", 3, 0 }, { "апреля", 4, 0 },
	{ "мая", 5, 0 }, { "июня", 6, 0 }, { "июля", 7, 0 }, { "августа", 8, 0 },
	{ "сентября", 9, 0 }, { "октября", 10, 0 }, { "ноября", 11, 0 }, { "декабря", 12, 0 },
	{ "січня", 1, 0 }, { "лютого", 2, 0 }, { "березня", 3, 0 }, { "квітня", 4, 0 },
	{ "травня", 5, 0 }, { "червня", 6, 0 }, { "липня", 7, 0 }, { "серпня", 8, 0 },
	{ "вересня", 9, 0 }, { "жовтня", 10, 0 }, { "листопада", 11, 0 }, { "грудня", 12, 0 },
	/* Danish, Norwegian and Swedish (the names German and Dutch share are above) */
	{ "marts", 3, LATIN }, { "maj", 5, LATIN }, { "augusti", 8, LATIN },
	/* Serbian and Bosnian, Latin script */
	{ "mart", 3, LATIN }, { "avgust", 8, LATIN }, { "septembar", 9, LATIN },
	{ "oktobar", 10, LATIN }, { "novembar", 11, LATIN }, { "decembar", 12, LATIN },
	/* Albanian */
	{ "janar", 1, LATIN }, { "shkurt", 2, LATIN }, { "prill", 4, LATIN },
	{ "qershor", 6, LATIN }, { "korrik", 7, LATIN }, { "gusht", 8, LATIN },
	{ "shtator", 9, LATIN }, { "tetor", 10, LATIN }, { "nëntor", 11, LATIN },
	{ "dhjetor", 12, LATIN },
	/* Turkish (the capital of a name that opens a line folds to ASCII lower case;
	 * Ş does not, so "Şubat" is listed as printed too) */
	{ "ocak", 1, LATIN }, { "şubat", 2, LATIN }, { "Şubat", 2, LATIN },
	{ "nisan", 4, LATIN }, { "mayıs", 5, LATIN }, { "haziran", 6, LATIN },
	{ "temmuz", 7, LATIN }, { "ağustos", 8, LATIN }, { "eylül", 9, LATIN },
	{ "ekim", 10, LATIN }, { "kasım", 11, LATIN }, { "aralık", 12, LATIN },
	/* Arabic */
	{ "يناير", 1, 0 }, { "كانون الثاني", 1, 0 }, { "فبراير", 2, 0 }, { "شباط", 2, 0 },
	{ "مارس", 3, 0 }, { "آذار", 3, 0 }, { "أبريل", 4, 0 }, { "إبريل", 4, 0 },
	{ "ابريل", 4, 0 }, { "نيسان", 4, 0 }, { "مايو", 5, 0 }, { "أيار", 5, 0 },
	{ "أيّار", 5, 0 }, { "يونيو", 6, 0 }, { "حزيران", 6, 0 }, { "يوليو", 7, 0 },
	{ "تموز", 7, 0 }, { "تمّوز", 7, 0 }, { "أغسطس", 8, 0 }, { "آب", 8, 0 },
	{ "سبتمبر", 9, 0 }, { "أيلول", 9, 0 }, { "أكتوبر", 10, 0 },
	{ "تشرين الأول", 10, 0 }, { "نوفمبر", 11, 0 }, { "تشرين الثاني", 11, 0 },
	{ "ديسمبر", 12, 0 }, { "كانون الأول", 12, 0 },
	/* Persian (solar hijri) */
	{ "فروردین", 1, JALALI }, { "فروردين", 1, JALALI }, { "اردیبهشت", 2, JALALI },
	{ "ارديبهشت", 2, JALALI }, { "خرداد", 3, JALALI }, { "تیر", 4, JALALI },
	{ "تير", 4, JALALI }, { "مرداد", 5, JALALI }, { "شهریور", 6, JALALI },
	{ "شهريور", 6, JALALI }, { "مهر", 7, JALALI }, { "آبان", 8, JALALI },
	{ "آذر", 9, JALALI }, { "دی", 10, JALALI }, { "دي", 10, JALALI },
	{ "بهمن", 11, JALALI }, { "اسفند", 12, JALALI },
	/* Bengali (Gregorian months; ya with nukta as NFC writes it and precomposed; "মে"
	 * is left out: it starts common words, "মেয়ে") */
	{ "জানুয়ারি", 1, 0 }, { "জানুয়ারী", 1, 0 }, { "জানু\xE0\xA7\x9F" "ারি", 1, 0 },
	{ "ফেব্রুয়ারি", 2, 0 }, { "ফেব্রুয়ারী", 2, 0 },
	{ "ফেব্রু\xE0\xA7\x9F" "ারি", 2, 0 },
	{ "মার্চ", 3, 0 }, { "এপ্রিল", 4, 0 }, { "জুন", 6, 0 }, { "জুলাই", 7, 0 },
	{ "আগস্ট", 8, 0 }, { "আগষ্ট", 8, 0 }, { "সেপ্টেম্বর", 9, 0 }, { "অক্টোবর", 10, 0 },
	{ "নভেম্বর", 11, 0 }, { "ডিসেম্বর", 12, 0 },
};

/* Digits of the text as ASCII (Arabic-Indic, Persian, Devanagari and Bengali digits
 * too), ASCII letters in lower case, other bytes kept; at most size - 1 bytes. */
static size_t fold_digits(const char *t, size_t len, char *out, size_t size)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t i = 0, n = 0;

	while (i < len && n + 1 < size) {
		int d = -1;
		size_t k = 1;

		if ((u[i] == 0xD9 || u[i] == 0xDB) && i + 1 < len) {
			if (u[i] == 0xD9 && u[i + 1] >= 0xA0 && u[i + 1] <= 0xA9)
				d = u[i + 1] - 0xA0;
			else if (u[i] == 0xDB && u[i + 1] >= 0xB0 && u[i + 1] <= 0xB9)
				d = u[i + 1] - 0xB0;
			k = 2;
		} else if (u[i] == 0xE0 && i + 2 < len && (u[i + 1] == 0xA5 || u[i + 1] == 0xA7) &&
			   u[i + 2] >= 0xA6 && u[i + 2] <= 0xAF) {
			d = u[i + 2] - 0xA6;
			k = 3;
		}
		if (d >= 0) {
			out[n++] = (char)('0' + d);
			i += k;
			continue;
		}
		out[n++] = (char)tolower(u[i]);
		i++;
	}
	out[n] = '\0';
	return n;
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Solar hijri (jy, jm, jd) to Gregorian. */
static void jalali_to_gregorian(long jy, long jm, long jd, long *gy, long *gm, long *gd)
{
	static const int gdm[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
	long days, y;
	int leap, i;

	jy += 1595;
	days = -355668 + 365 * jy + (jy / 33) * 8 + ((jy % 33) + 3) / 4 + jd +
	       (jm < 7 ? (jm - 1) * 31 : (jm - 7) * 30 + 186);
	y = 400 * (days / 146097);
	days %= 146097;
	if (days > 36524) {
		y += 100 * (--days / 36524);
		days %= 36524;
		if (days >= 365)
			days++;
	}
	y += 4 * (days / 1461);
	days %= 1461;
	if (days > 365) {
		y += (days - 1) / 365;
		days = (days - 1) % 365;
	}
	*gd = days + 1;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	for (i = 11; i > 0; i--) {
		long start = gdm[i] + (i >= 2 && leap);

		if (*gd > start) {
			*gd -= start;
			break;
		}
	}
	*gm = i + 1;
	*gy = y;
}

#define NUMS_MAX 24

struct nums {
	long v[NUMS_MAX];
	size_t at[NUMS_MAX], end[NUMS_MAX];
	int n;
};

/* The numbers of a[0..n) in order, with where each starts and ends. */
static void read_nums(const char *a, size_t n, struct nums *x)
{
	size_t i = 0;

	x->n = 0;
	while (i < n && x->n < NUMS_MAX) {
		if (isdigit((unsigned char)a[i])) {
			long v = 0;
			size_t b = i;

			while (i < n && isdigit((unsigned char)a[i])) {
				if (v < 100000)
					v = v * 10 + (a[i] - '0');
				i++;
			}
			x->at[x->n] = b;
			x->end[x->n] = i;
			x->v[x->n++] = v;
		} else {
			i++;
		}
	}
}

static int put_ymd(long y, long m, long d, char *out, size_t size)
{
	if (!valid_ymd((int)y, (int)m, (int)d))
		return -1;
	snprintf(out, size, "%04d-%02d-%02d", (int)y, (int)m, (int)d);
	return 0;
}

/* The longest month name at a + j (abbreviations only when abbr): its index, or -1. */
static int month_at(const char *a, size_t n, size_t j, int abbr, size_t *name_len)
{
	size_t k, best_len = 0;
	int best = -1;
	unsigned char c = (unsigned char)a[j];

	/* names start with a letter, Latin ones at the start of a word */
	if (c < 0x80 && (!is_alpha((char)c) || (j > 0 && is_alpha(a[j - 1]))))
		return -1;
	for (k = 0; k < sizeof(months) / sizeof(months[0]); k++) {
		size_t l;

		if ((unsigned char)months[k].name[0] != c || ((months[k].flags & ABBR) && !abbr))
			continue;
		l = strlen(months[k].name);
		if (l <= best_len || j + l > n || memcmp(a + j, months[k].name, l))
			continue;
		if ((months[k].flags & LATIN) &&
		    ((j > 0 && is_alpha(a[j - 1])) || (j + l < n && is_alpha(a[j + l]))))
			continue;
		best = (int)k;
		best_len = l;
	}
	*name_len = best_len;
	return best;
}

/* 1 when only spaces, punctuation and a connecting word ("24 de abril", "5th of May",
 * "1er février") stand in a[from..to) between a day and its month name. */
static int day_gap(const char *a, size_t from, size_t to)
{
	static const char *const words[] = { "", "de", "of", "th", "st", "nd", "rd", "er",
					     "thof", "stof", "ndof", "rdof" };
	char w[8];
	size_t n = 0, k;

	if (to - from > 12)
		return 0;
	for (; from < to; from++) {
		unsigned char c = (unsigned char)a[from];

		if (c == ' ' || c == '.' || c == ',' || c == '-' || c == '/')
			continue;
		if (c == 0xC2 && from + 1 < to && (unsigned char)a[from + 1] == 0xA0) {
			from++;  /* no-break space */
			continue;
		}
		if (!is_alpha((char)c) || n + 1 >= sizeof(w))
			return 0;
		w[n++] = (char)c;
	}
	w[n] = '\0';
	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (!strcmp(w, words[k]))
			return 1;
	return 0;
}

/* A day and a year around the month name at [p, p + l): the day next to it (before:
 * "24 April", "24 de abril"; after: "April 24, 2020"), the year the nearest number of
 * its calendar's range after it, else before it. */
static int around_month(const char *a, const struct nums *x, size_t p, size_t l, int k,
			char *out, size_t size)
{
	long ymin = (months[k].flags & JALALI) ? 1370 : SHF_DATE_YEAR_MIN;
	long ymax = (months[k].flags & JALALI) ? 1450 : SHF_DATE_YEAR_MAX;
	long day = 0, year = 0;
	int i, di = -1;

	for (i = 0; i < x->n; i++) {
		int near_before = x->end[i] <= p && day_gap(a, x->end[i], p);
		int near_after = x->at[i] >= p + l && day_gap(a, p + l, x->at[i]);
		/* "09:22" is a time, not a day */
		int in_time = (x->at[i] > 0 && a[x->at[i] - 1] == ':') || a[x->end[i]] == ':';

		if (x->v[i] >= 1 && x->v[i] <= 31 && x->end[i] - x->at[i] <= 2 && !in_time &&
		    (near_before || (near_after && di < 0))) {
			if (near_before || !day) {
				day = x->v[i];
				di = i;
			}
		}
	}
	if (!day)
		return -1;
	for (i = 0; i < x->n && !year; i++)
		if (i != di && x->at[i] >= p + l && x->v[i] >= ymin && x->v[i] <= ymax &&
		    x->end[i] - x->at[i] == 4 && x->at[i] - (p + l) <= 24)
			year = x->v[i];
	for (i = x->n; i-- > 0 && !year;)
		if (i != di && x->end[i] <= p && x->v[i] >= ymin && x->v[i] <= ymax &&
		    x->end[i] - x->at[i] == 4 && p - x->end[i] <= 24)
			year = x->v[i];
	if (!year)
		return -1;
	if (months[k].flags & JALALI) {
		long gy, gm, gd;

		jalali_to_gregorian(year, months[k].month, day, &gy, &gm, &gd);
		return put_ymd(gy, gm, gd, out, size);
	}
	return put_ymd(year, months[k].month, day, out, size);
}

/* The separator between two numbers: the one byte between them, spaces around it
 * ignored; 0 when more lies between. */
static char sep_between(const char *a, size_t from, size_t to)
{
	char c = 0;

	while (from < to && a[from] == ' ')
		from++;
	while (to > from && a[to - 1] == ' ')
		to--;
	if (to - from == 1)
		c = a[from];
	return c;
}

/* "2020년 4월 24일", "2020年4月24日" */
static int cjk_date(const char *a, const struct nums *x, int i, char *out, size_t size)
{
	static const char *const ymd[][3] = { { "년", "월", "일" }, { "年", "月", "日" } };
	size_t k;

	if (i + 2 >= x->n)
		return -1;
	for (k = 0; k < 2; k++) {
		int j, ok = 1;

		for (j = 0; j < 3 && ok; j++) {
			size_t e = x->end[i + j], l = strlen(ymd[k][j]);

			while (a[e] == ' ')
				e++;
			ok = !strncmp(a + e, ymd[k][j], l) &&
			     (j == 2 || x->at[i + j + 1] - (e + l) <= 1);
		}
		if (ok)
			return put_ymd(x->v[i], x->v[i + 1], x->v[i + 2], out, size);
	}
	return -1;
}

int shf_date_text(const char *s, size_t len, char *out, size_t size)
{
	char a[2 * SHF_DATE_TEXT_MAX + 1];
	struct nums x;
	size_t n, j, l;
	int i, k, abbr;

	n = fold_digits(s, len < SHF_DATE_TEXT_MAX ? len : SHF_DATE_TEXT_MAX, a, sizeof(a));
	read_nums(a, n, &x);
	/* YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD; CJK year-month-day */
	for (i = 0; i + 2 < x.n; i++) {
		char s1 = sep_between(a, x.end[i], x.at[i + 1]);

		if (x.end[i] - x.at[i] == 4 && (s1 == '-' || s1 == '/' || s1 == '.') &&
		    x.at[i + 1] == x.end[i] + 1 && x.at[i + 2] == x.end[i + 1] + 1 &&
		    a[x.end[i + 1]] == s1 && x.end[i + 1] - x.at[i + 1] <= 2 &&
		    x.end[i + 2] - x.at[i + 2] <= 2 &&
		    !put_ymd(x.v[i], x.v[i + 1], x.v[i + 2], out, size))
			return 0;
		if (x.end[i] - x.at[i] == 4 && !cjk_date(a, &x, i, out, size))
			return 0;
	}
	/* a month name with a day next to it and a year near; abbreviations after */
	for (abbr = 0; abbr < 2; abbr++)
		for (j = 0; j < n; j++) {
			k = month_at(a, n, j, abbr, &l);
			if (k >= 0) {
				if (!around_month(a, &x, j, l, k, out, size))
					return 0;
				j += l - 1;
			}
		}
	/* 24/04/2020, 24.04.2020, 24-04-2020: day first, as most of the world writes it,
	 * unless the second number cannot be a month */
	for (i = 0; i + 2 < x.n; i++) {
		char s1 = sep_between(a, x.end[i], x.at[i + 1]);
		char s2 = sep_between(a, x.end[i + 1], x.at[i + 2]);
		long d = x.v[i], m = x.v[i + 1];

		if (x.end[i + 2] - x.at[i + 2] != 4 || x.end[i] - x.at[i] > 2 ||
		    x.end[i + 1] - x.at[i + 1] > 2 || (s1 != '/' && s1 != '.' && s1 != '-') ||
		    s2 != s1 || (x.at[i] > 0 && isdigit((unsigned char)a[x.at[i] - 1])))
			continue;
		if (m > 12 && d <= 12) {
			d = m;
			m = x.v[i];
		}
		if (!put_ymd(x.v[i + 2], m, d, out, size))
			return 0;
	}
	return -1;
}

int shf_date_url(const char *url, char *out, size_t size)
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
		if (digits(p, len, i + 1, 4, &y) || y < SHF_DATE_YEAR_MIN || y > SHF_DATE_YEAR_MAX)
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
