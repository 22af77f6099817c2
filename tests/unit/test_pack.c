/* pack's pieces: semver, option parsing, split assignment, the match key, CSV fields,
 * the gzip members of a .tar.gz, the zstd frame of a .tar.zst. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>
#include <zstd.h>

#include "check.h"
#include "release/csv_write.h"
#include "release/deflate_gzip.h"
#include "release/zstd_write.h"
#include "sahifa/limits.h"
#include "text/icu_fold.h"
#include "sahifa/pack.h"

static void test_semver(void)
{
	static const struct { const char *s; int ok; } parse[] = {
		{ "1.0.0", 1 }, { "0.0.0", 1 }, { "10.20.30", 1 }, { "1.0.0-rc.1", 1 },
		{ "1.0.0-alpha-1.x", 1 }, { "1.0.0-0", 1 }, { "1.0", 0 }, { "1.0.0.0", 0 },
		{ "01.0.0", 0 }, { "1.00.0", 0 }, { "1.0.0-", 0 }, { "1.0.0-rc..1", 0 },
		{ "1.0.0-01", 0 }, { "1.0.0+build", 0 }, { "v1.0.0", 0 }, { "", 0 },
		{ "1.0.0-é", 0 }, { "99999999999999999999.0.0", 0 },
	};
	/* each is lower than the next (semver.org's precedence example) */
	static const char *const order[] = {
		"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
		"1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.10.0", "2.0.0",
	};
	struct sahifa_semver a, b;
	size_t i;

	for (i = 0; i < sizeof(parse) / sizeof(parse[0]); i++)
		CHECK_INT(parse[i].s, sahifa_semver_parse(parse[i].s, &a) == 0, parse[i].ok);
	sahifa_semver_parse("1.2.3-rc.1", &a);
	CHECK_STR("prerelease", a.pre, "rc.1");
	for (i = 0; i + 1 < sizeof(order) / sizeof(order[0]); i++) {
		sahifa_semver_parse(order[i], &a);
		sahifa_semver_parse(order[i + 1], &b);
		CHECK_INT(order[i], sahifa_semver_compare(&a, &b), -1);
		CHECK_INT(order[i + 1], sahifa_semver_compare(&b, &a), 1);
		CHECK_INT(order[i], sahifa_semver_compare(&a, &a), 0);
	}
}

static void test_options(void)
{
	static const struct { const char *s; int ok; unsigned t, v, e; } splits[] = {
		{ "train=98,validation=1,test=1", 1, 98, 1, 1 },
		{ "test=5,train=5", 1, 5, 0, 5 },
		{ "train=1", 1, 1, 0, 0 },
		{ "train=0", 0, 0, 0, 0 },
		{ "train=1,train=2", 0, 0, 0, 0 },
		{ "dev=1", 0, 0, 0, 0 },
		{ "train=", 0, 0, 0, 0 },
		{ "train=1,", 0, 0, 0, 0 },
		{ "train=-1", 0, 0, 0, 0 },
		{ "", 0, 0, 0, 0 },
	};
	static const struct { const char *s; int ok; unsigned long long v; } sizes[] = {
		{ "1", 1, 1 }, { "100K", 1, 102400 }, { "256M", 1, 256ULL << 20 },
		{ "2G", 1, 2ULL << 30 }, { "3mb", 1, 3ULL << 20 }, { "0", 0, 0 }, { "K", 0, 0 },
		{ "1T", 0, 0 }, { "-1", 0, 0 }, { "99999999999999999999", 0, 0 },
		{ "17179869184G", 0, 0 },
	};
	static const struct { const char *s; int ok; } names[] = {
		{ "saudinewsnet", 1 }, { "ar-news_2024.v1", 1 }, { "0day", 1 }, { "", 0 },
		{ "Caps", 0 }, { "-dash", 0 }, { ".hidden", 0 }, { "a/b", 0 }, { "a b", 0 },
	};
	unsigned w[SAHIFA_SPLIT_COUNT];
	unsigned long long v;
	size_t i;

	for (i = 0; i < sizeof(splits) / sizeof(splits[0]); i++) {
		int ok = sahifa_pack_parse_splits(splits[i].s, w) == 0;

		CHECK_INT(splits[i].s, ok, splits[i].ok);
		if (ok && splits[i].ok) {
			CHECK_INT(splits[i].s, w[0], splits[i].t);
			CHECK_INT(splits[i].s, w[1], splits[i].v);
			CHECK_INT(splits[i].s, w[2], splits[i].e);
		}
	}
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		int ok = sahifa_pack_parse_size(sizes[i].s, &v) == 0;

		CHECK_INT(sizes[i].s, ok, sizes[i].ok);
		if (ok && sizes[i].ok)
			CHECK_INT(sizes[i].s, v, sizes[i].v);
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		CHECK_INT(names[i].s, sahifa_pack_name_ok(names[i].s), names[i].ok);
}

/* Splits: only splits with weight are used, the same id always lands in the same
 * split, and 10000 ids follow the weights within a few percent. */
static void test_split_of(void)
{
	unsigned w[SAHIFA_SPLIT_COUNT] = { 80, 10, 10 }, only_test[SAHIFA_SPLIT_COUNT] = { 0, 0, 1 };
	unsigned long long count[SAHIFA_SPLIT_COUNT] = { 0, 0, 0 };
	char id[40];
	int i;

	for (i = 0; i < 10000; i++) {
		enum sahifa_split s;

		snprintf(id, sizeof(id), "%032x", i * 2654435761u);
		s = sahifa_pack_split_of(id, w);
		count[s]++;
		if (i < 100) {
			CHECK(sahifa_pack_split_of(id, w) == s);
			CHECK(sahifa_pack_split_of(id, only_test) == SAHIFA_SPLIT_TEST);
		}
	}
	CHECK(count[0] > 7700 && count[0] < 8300);
	CHECK(count[1] > 850 && count[1] < 1150);
	CHECK(count[2] > 850 && count[2] < 1150);
	/* a known value: pinned so that a change of the assignment is noticed */
	CHECK_STR("split name", sahifa_split_name(sahifa_pack_split_of(
		"00000000000000000000000000000000", w)), "train");
}

static void test_fold(void)
{
	static const struct { const char *in, *want; } rows[] = {
		{ "أحمد", "احمد" }, { "إسلام", "اسلام" }, { "آمال", "امال" }, { "ٱلله", "الله" },
		{ "مستشفى", "مستشفي" }, { "مدرسة", "مدرسه" }, { "كـــتاب", "كتاب" },
		{ "مُحَمَّدٌ", "محمد" }, { "هٰذا", "هذا" }, { "  Hello \t  WORLD  ", "hello world" },
		{ "ﻻ", "لا" }, { "Straße", "strasse" }, { "ﬁle", "file" }, { "a\xe2\x80\x8b" "b", "ab" },
		{ "", "" },
		/* the table chrome matching uses: Farsi yeh and keheh are yeh and kaf */
		{ "یک", "يك" }, { "ٲٳ", "اا" }, { "بۖ", "ب" },
		/* a letter and the marks after it are normalized together: waw and hamza
		 * above compose (the hamza alone would be dropped), as do A and an acute,
		 * and conjoining jamo; a mark that opens the text stays */
		{ "\xD9\x88\xD9\x94", "\xD8\xA4" }, { "A\xCC\x81" "b", "\xC3\xA1" "b" },
		{ "\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80" }, { "\xCC\x81" "a", "\xCC\x81" "a" },
		/* one code point to a longer one, to several words, to a space, to nothing */
		{ "\xC8\xBA", "\xE2\xB1\xA5" }, { "\xE2\x84\xAB", "\xC3\xA5" },
		{ "\xEF\xB7\xBA", "صلي الله عليه وسلم" }, { "a\xC2\xA0\xE2\x80\x83" "b", "a b" },
		{ "a\xEF\xBB\xBF b", "a b" },
		/* runs of letters that fold to themselves, one space between words copied
		 * with them: spaces collapse and do not lead or trail, and the letter after
		 * a space still composes with its marks or is looked up on its own */
		{ "بيت كبير جدا", "بيت كبير جدا" }, { " بيت  كبير ", "بيت كبير" },
		{ "بيت كَبير", "بيت كبير" }, { "بيت ك", "بيت ك" }, { "بيت ﻻ", "بيت لا" },
		{ "بيت ب a", "بيت ب a" }, { "بيت بّ", "بيت ب" }, { "بيت ة", "بيت ه" },
		{ "بيت \xD9\x88\xD9\x94", "بيت \xD8\xA4" }, { "мир дом", "мир дом" },
		{ "мир Дом", "мир дом" }, { "бит\t дом", "бит дом" },
		/* sixteen bytes at a time: letters that change and letters that go, spaces
		 * at either end of a block or around what goes, and a hamza that composes
		 * with the letter before it just past a block */
		{ "الحوثي ـ صالح تلقت اوامر بالفرار", "الحوثي صالح تلقت اوامر بالفرار" },
		{ "مدرسة أحمد إلى مستشفى آمال كبيرة یک کتاب",
		  "مدرسه احمد الي مستشفي امال كبيره يك كتاب" },
		{ "THE Quick Brown Fox Jumps OVER the Lazy Dog",
		  "the quick brown fox jumps over the lazy dog" },
		{ "مُحَمَّدٌ رَسُولُ اللَّهِ وَالَّذِينَ مَعَهُ", "محمد رسول الله والذين معه" },
		{ "كتابـــ جديد  جدا   جدا ـ جدا ـ", "كتاب جديد جدا جدا جدا" },
		{ "بيت كبير جدا وبيت صغير  ", "بيت كبير جدا وبيت صغير" },
		{ "أبببببب\xD9\x88\xD9\x94 بيت كبير", "اببببببؤ بيت كبير" },
		{ "أببببببب\xD9\x88\xD9\x94 بيت كبير", "ابببببببؤ بيت كبير" },
		{ "أبببببببب\xD9\x88\xD9\x94 بيت كبير", "اببببببببؤ بيت كبير" },
		{ "أببببببببب\xD9\x88\xD9\x94 بيت كبير", "ابببببببببؤ بيت كبير" },
	};
	struct sahifa_buf b;
	struct sahifa_error err;
	size_t i;

	sahifa_buf_init(&b, 0);
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		sahifa_buf_reset(&b);
		CHECK_INT(rows[i].in, shf_fold_key(rows[i].in, strlen(rows[i].in), &b, &err),
			  SAHIFA_OK);
		CHECK_STR(rows[i].in, b.data ? b.data : "", rows[i].want);
	}
	sahifa_buf_reset(&b);
	CHECK_INT("invalid utf-8", shf_fold_key("a\xff", 2, &b, &err), SAHIFA_ERR_DATA);
	/* the hard cap of the buffer is honoured */
	sahifa_buf_release(&b);
	sahifa_buf_init(&b, 4);
	CHECK_INT("cap", shf_fold_key("abcdefgh", 8, &b, &err), SAHIFA_ERR_LIMIT);
	sahifa_buf_release(&b);
}

/* Long texts, whose key the sixteen- and thirty-two-byte steps make, against their
 * words' keys made one by one and joined by a space: every kind of letter those steps
 * take (and the mark and tatweel they drop, the ones they leave to the general way)
 * at every place of a block and its halves' seam. */
static void test_fold_blocks(void)
{
	static const char *const words[] = {
		"كتاب", "الكِتابُ", "أحمد", "إلى", "آمال", "مدرسة", "على", "ـــ", "كـــتاب", "ABC",
		"xyz", "Mixed", "یک", "١٢٣", "هٰذا", "«قال»", "ب", "ة", "مستشفى", "42", "a.b",
		"\xD9\x88\xD9\x94", "نص،", "بّ",
	};
	struct sahifa_buf whole, one, want;
	struct sahifa_error err;
	unsigned seed = 7;
	int t, k;

	sahifa_buf_init(&whole, 0);
	sahifa_buf_init(&one, 0);
	sahifa_buf_init(&want, 0);
	for (t = 0; t < 400; t++) {
		char text[1024];
		size_t n = 0;

		sahifa_buf_reset(&want);
		for (k = 0; k < 12 + t % 30; k++) {
			const char *w;

			seed = seed * 1103515245u + 12345u;
			w = words[(seed >> 16) % (sizeof(words) / sizeof(words[0]))];
			if (n + strlen(w) + 2 >= sizeof(text))
				break;
			if (n)
				text[n++] = ' ';
			memcpy(text + n, w, strlen(w));
			n += strlen(w);
			sahifa_buf_reset(&one);
			CHECK_INT(w, shf_fold_key(w, strlen(w), &one, &err), SAHIFA_OK);
			if (one.len && want.len)
				sahifa_buf_append_char(&want, ' ');
			sahifa_buf_append(&want, one.data ? one.data : "", one.len);
		}
		text[n] = '\0';
		sahifa_buf_reset(&whole);
		CHECK_INT(text, shf_fold_key(text, n, &whole, &err), SAHIFA_OK);
		CHECK_STR(text, whole.data ? whole.data : "", want.data ? want.data : "");
	}
	sahifa_buf_release(&whole);
	sahifa_buf_release(&one);
	sahifa_buf_release(&want);
}

static void test_csv(void)
{
	static const struct { const char *in, *want; } rows[] = {
		{ "plain", "plain" }, { "a,b", "\"a,b\"" }, { "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "two\nlines", "\"two\nlines\"" }, { "cr\r", "\"cr\r\"" }, { " lead", "\" lead\"" },
		{ "نص عربي، مع فاصلة", "نص عربي، مع فاصلة" }, { "", "" },
		/* past eight bytes, the byte that quotes in each place of a step and the tail */
		{ "0123456789abcdefg", "0123456789abcdefg" },
		{ "0123456789abcdef,", "\"0123456789abcdef,\"" },
		{ "01234567,89abcdef", "\"01234567,89abcdef\"" },
		{ "0123456\"89abcdef", "\"0123456\"\"89abcdef\"" },
		{ "012345678\n9abcdef", "\"012345678\n9abcdef\"" },
		{ "0123456789abcde\r", "\"0123456789abcde\r\"" },
		{ "0123456789abcdef ", "\"0123456789abcdef \"" },
	};
	const char *fields[3] = { "x", NULL, "y,z" };
	struct sahifa_buf b;
	struct sahifa_csv_writer w;
	struct sahifa_error err;
	char out[64] = "";
	FILE *fp;
	size_t i;

	sahifa_buf_init(&b, 0);
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		sahifa_buf_reset(&b);
		CHECK_INT(rows[i].in, shf_csv_format_field(rows[i].in, strlen(rows[i].in), &b),
			  SAHIFA_OK);
		CHECK_STR(rows[i].in, b.data ? b.data : "", rows[i].want);
	}
	/* each byte that quotes at each place of fields of 1 to 40 bytes, within the
	 * sixteen- and eight-byte steps and their tails: quoted exactly when it is there */
	for (i = 1; i <= 40; i++) {
		static const char quoting[] = ",\"\r\n";
		char field[41], want[90];
		size_t at, k;

		memset(field, 'a', i);
		field[i] = '\0';
		sahifa_buf_reset(&b);
		CHECK_INT("plain", shf_csv_format_field(field, i, &b), SAHIFA_OK);
		CHECK_STR("plain", b.data ? b.data : "", field);
		for (at = 0; at < i; at++)
			for (k = 0; k < 4; k++) {
				field[at] = quoting[k];
				snprintf(want, sizeof(want), "\"%.*s%s%s\"", (int)at, field,
					 k == 1 ? "\"\"" : (char[2]){ quoting[k], 0 }, field + at + 1);
				sahifa_buf_reset(&b);
				CHECK_INT(want, shf_csv_format_field(field, i, &b), SAHIFA_OK);
				CHECK_STR(want, b.data ? b.data : "", want);
				field[at] = 'a';
			}
	}
	sahifa_buf_release(&b);
	fp = tmpfile();
	CHECK(fp != NULL);
	if (!fp)
		return;
	shf_csv_writer_init(&w, fp, "t.csv");
	CHECK_INT("row", shf_csv_write_row(&w, fields, NULL, 3, &err), SAHIFA_OK);
	CHECK_INT("rows", w.rows, 1);
	rewind(fp);
	CHECK(fread(out, 1, sizeof(out) - 1, fp) == 10);
	CHECK_STR("row bytes", out, "x,,\"y,z\"\r\n");
	shf_csv_writer_release(&w);
	fclose(fp);
	/* without a file the rows add up in the writer's field, and quoted is the quoting */
	shf_csv_writer_init(&w, NULL, "t.csv");
	CHECK_INT("row in memory", shf_csv_write_row(&w, fields, NULL, 3, &err), SAHIFA_OK);
	CHECK_INT("row in memory", shf_csv_write_row(&w, fields, NULL, 3, &err), SAHIFA_OK);
	CHECK_INT("rows in memory", w.rows, 2);
	CHECK_INT("bytes in memory", w.bytes, 20);
	CHECK_STR("rows in memory", w.field.data, "x,,\"y,z\"\r\nx,,\"y,z\"\r\n");
	shf_csv_writer_release(&w);
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		CHECK_INT(rows[i].in, shf_csv_field_quoted(rows[i].in, strlen(rows[i].in)),
			  strcmp(rows[i].in, rows[i].want) != 0);
}

/* Spreadsheet-safe cells: OWASP's leading quote on = + - @ TAB CR, nothing else changed. */
static void test_csv_guarded(void)
{
	static const struct { const char *in, *want; int guarded; } rows[] = {
		{ "=1+2", "\"'=1+2\"", 1 }, { "+1", "\"'+1\"", 1 }, { "- item", "\"'- item\"", 1 },
		{ "@sum", "\"'@sum\"", 1 }, { "\tx", "\"'\tx\"", 1 }, { "\rx", "\"'\rx\"", 1 },
		{ "=HYPERLINK(\"u\")", "\"'=HYPERLINK(\"\"u\"\")\"", 1 },
		{ "a=b", "a=b", 0 }, { "'=x", "'=x", 0 }, { "", "", 0 }, { "٣-٤", "٣-٤", 0 },
		{ "x, -y", "\"x, -y\"", 0 },
	};
	const char *fields[2] = { "id", "-1" };
	struct sahifa_buf b;
	struct sahifa_csv_writer w;
	struct sahifa_error err;
	char out[64] = "";
	FILE *fp;
	size_t i;
	int g;

	sahifa_buf_init(&b, 0);
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		sahifa_buf_reset(&b);
		CHECK_INT(rows[i].in, shf_csv_format_field_guarded(rows[i].in, strlen(rows[i].in),
								       &b, &g), SAHIFA_OK);
		CHECK_STR(rows[i].in, b.data ? b.data : "", rows[i].want);
		CHECK_INT(rows[i].in, g, rows[i].guarded);
	}
	sahifa_buf_release(&b);
	fp = tmpfile();
	CHECK(fp != NULL);
	if (!fp)
		return;
	shf_csv_writer_init(&w, fp, "t.csv");
	w.spreadsheet = 1;
	CHECK_INT("row 1", shf_csv_write_row(&w, fields, NULL, 2, &err), SAHIFA_OK);
	CHECK_INT("row 2", shf_csv_write_row(&w, fields, NULL, 2, &err), SAHIFA_OK);
	CHECK_INT("guarded", w.guarded, 2);
	rewind(fp);
	CHECK(fread(out, 1, sizeof(out) - 1, fp) == 23);
	CHECK_STR("bom once", out, "\xef\xbb\xbfid,\"'-1\"\r\nid,\"'-1\"\r\n");
	shf_csv_writer_release(&w);
	fclose(fp);
}

/* SPDX ids to the hub's ids, and refusals. */
static void test_hub_license(void)
{
	static const struct { const char *in, *want; } rows[] = {
		{ "CC-BY-4.0", "cc-by-4.0" }, { "cc-by-sa-4.0", "cc-by-sa-4.0" },
		{ "GPL-3.0-only", "gpl-3.0" }, { "GPL-3.0-or-later", "gpl-3.0" }, { "LGPL-2.1+", "lgpl-2.1" },
		{ "AGPL-3.0-only", "agpl-3.0" }, { "ODbL-1.0", "odbl" }, { "PDDL-1.0", "pddl" },
		{ "ODC-By-1.0", "odc-by" }, { "GFDL-1.3-or-later", "gfdl" }, { "CC0-1.0", "cc0-1.0" },
		{ "MIT", "mit" }, { "unknown", "unknown" }, { "other", "other" },
		{ "Apache-2.0", "apache-2.0" },
	};
	static const char *const bad[] = { "foo", "", "GPL-4.0", "-only", "CC-BY-5.0", "odbl-1.0x",
					   "MIT OR Apache-2.0" };
	char out[72];
	size_t i, n;
	const char *const *ids = sahifa_pack_hub_licenses(&n);

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		out[0] = '\0';
		CHECK_INT(rows[i].in, sahifa_pack_hub_license(rows[i].in, out, sizeof(out)), 0);
		CHECK_STR(rows[i].in, out, rows[i].want);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_INT(bad[i], sahifa_pack_hub_license(bad[i], out, sizeof(out)), -1);
	CHECK(n > 50);
	for (i = 1; i < n; i++)
		CHECK(strcmp(ids[i - 1], ids[i]) < 0);
}

/* Inflate every gzip member of data into out (at most cap bytes); the number of members,
 * or -1 when the stream is damaged or ends inside a member. */
static long inflate_members(const unsigned char *data, size_t len, unsigned char *out,
			    size_t cap, size_t *out_len)
{
	z_stream z;
	long members = 0;
	int r = Z_OK;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 15 + 16) != Z_OK)
		return -1;
	z.next_in = (unsigned char *)data;
	z.avail_in = (uInt)len;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	while (z.avail_in) {
		r = inflate(&z, Z_NO_FLUSH);
		if (r == Z_STREAM_END) {
			members++;
			inflateReset(&z);
			continue;
		}
		if (r != Z_OK)
			break;
	}
	*out_len = cap - z.avail_out;
	inflateEnd(&z);
	return r == Z_STREAM_END || (r == Z_OK && !z.avail_in && members) ? members : -1;
}

/* Sizes around the member size, written in pieces of every kind: each gives the bytes
 * back, one member per SAHIFA_GZIP_MEMBER_BYTES begun (an empty stream one member),
 * and the same stream whatever the pieces. */
static void test_gzip_out(void)
{
	const size_t M = SAHIFA_GZIP_MEMBER_BYTES;
	static const struct { size_t n; long members; } cases[] = {
		{ 0, 1 }, { 1, 1 }, { (size_t)SAHIFA_GZIP_MEMBER_BYTES - 1, 1 },
		{ SAHIFA_GZIP_MEMBER_BYTES, 1 }, { (size_t)SAHIFA_GZIP_MEMBER_BYTES + 1, 2 },
		{ 3 * (size_t)SAHIFA_GZIP_MEMBER_BYTES + 5, 4 },
	};
	static const size_t pieces[] = { 1 << 20, 10240, 7, 1 << 22 };
	size_t cap = 3 * M + 5, c, k;
	unsigned char *in = malloc(cap), *back = malloc(cap + 1), *first = NULL;
	size_t first_len = 0;

	CHECK(in && back);
	if (!in || !back)
		goto out;
	/* text-like bytes that compress, with a drift so that members differ */
	for (k = 0; k < cap; k++)
		in[k] = (unsigned char)("sahifa news paragraph "[k % 22] + (k / 4099) % 3);
	for (c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		for (k = 0; k < sizeof(pieces) / sizeof(pieces[0]); k++) {
			struct shf_gzip_out g;
			struct sahifa_error err;
			char *data = NULL;
			size_t len = 0, got = 0, off;
			FILE *fp = open_memstream(&data, &len);
			int ok;

			sahifa_error_clear(&err);
			CHECK(fp != NULL);
			if (!fp)
				continue;
			ok = !shf_gzip_out_init(&g, fp, "test.tar.gz", 6, &err);
			for (off = 0; ok && off < cases[c].n; off += pieces[k]) {
				size_t n = cases[c].n - off < pieces[k] ? cases[c].n - off : pieces[k];

				ok = !shf_gzip_out_write(&g, in + off, n, &err);
			}
			ok = ok && !shf_gzip_out_finish(&g, &err);
			CHECK(ok);
			CHECK_INT("members written", (long long)g.members, cases[c].members);
			CHECK_INT("bytes in", (long long)g.bytes_in, (long long)cases[c].n);
			shf_gzip_out_release(&g);
			fclose(fp);
			CHECK_INT("bytes out", (long long)len, (long long)g.bytes_out);
			CHECK_INT("members read", inflate_members((unsigned char *)data, len, back,
								  cap + 1, &got), cases[c].members);
			CHECK_INT("bytes back", (long long)got, (long long)cases[c].n);
			CHECK(got == cases[c].n && !memcmp(back, in, got));
			if (!k) {
				free(first);
				first = (unsigned char *)data;
				first_len = len;
				continue;
			}
			CHECK(len == first_len && first && !memcmp(data, first, len));
			free(data);
		}
	}
out:
	free(first);
	free(in);
	free(back);
}

/* One frame decoded by a decoder held to SAHIFA_ZSTD_WINDOW_LOG_MAX (what zstd -d and
 * libarchive allow by default); -1 when it does not decode whole. */
static long long unzstd(const void *data, size_t len, unsigned char *out, size_t cap)
{
	ZSTD_DCtx *d = ZSTD_createDCtx();
	ZSTD_inBuffer in = { data, len, 0 };
	ZSTD_outBuffer o = { out, cap, 0 };
	size_t r = 1;

	if (!d || ZSTD_isError(ZSTD_DCtx_setParameter(d, ZSTD_d_windowLogMax,
						      SAHIFA_ZSTD_WINDOW_LOG_MAX))) {
		ZSTD_freeDCtx(d);
		return -1;
	}
	while (r && !ZSTD_isError(r) && (in.pos < in.size || o.pos < o.size)) {
		size_t before = in.pos + o.pos;

		r = ZSTD_decompressStream(d, &o, &in);
		if (!ZSTD_isError(r) && r && in.pos + o.pos == before)
			break;
	}
	ZSTD_freeDCtx(d);
	return r == 0 && in.pos == in.size ? (long long)o.pos : -1;
}

/* Streams of several sizes, written in pieces of every kind and with hints below, at
 * and above their size: each gives the bytes back through a decoder held to the
 * window limit, the same frame whatever the pieces, and a window that holds the
 * stream (the hint's) up to the limit. */
static void test_zstd_out(void)
{
	static const size_t sizes[] = { 0, 1, 100000, (size_t)3 << 20 };
	static const size_t pieces[] = { 10240, 7, (size_t)1 << 22 };
	static const struct { unsigned long long hint; int log; } windows[] = {
		{ 1, 10 }, { 1024, 10 }, { 1025, 11 }, { (unsigned long long)3 << 20, 22 },
		{ (unsigned long long)1 << 27, SAHIFA_ZSTD_WINDOW_LOG_MAX },
		{ (unsigned long long)1 << 40, SAHIFA_ZSTD_WINDOW_LOG_MAX },
		{ 0, SAHIFA_ZSTD_WINDOW_LOG_MAX },
	};
	size_t cap = ((size_t)3 << 20) + 1, c, k;
	unsigned char *in = malloc(cap), *back = malloc(cap + 1);

	CHECK(in && back);
	if (!in || !back)
		goto out;
	for (k = 0; k < cap; k++)
		in[k] = (unsigned char)("sahifa news paragraph "[k % 22] + (k / 4099) % 3);
	for (c = 0; c < sizeof(windows) / sizeof(windows[0]); c++) {
		struct shf_zstd_out z;
		struct sahifa_error err;
		FILE *fp = tmpfile();

		CHECK(fp != NULL);
		if (!fp)
			continue;
		CHECK(!shf_zstd_out_init(&z, fp, "test.tar.zst", 3, windows[c].hint, &err));
		CHECK_INT("window log", z.window_log, windows[c].log);
		shf_zstd_out_release(&z);
		fclose(fp);
	}
	for (c = 0; c < sizeof(sizes) / sizeof(sizes[0]); c++) {
		char *first = NULL;
		size_t first_len = 0;

		for (k = 0; k < sizeof(pieces) / sizeof(pieces[0]) * 3; k++) {
			size_t piece = pieces[k % 3], off;
			/* hints of half, the whole and twice the size: valid frames all */
			unsigned long long hint = (unsigned long long)sizes[c] * (k / 3 + 1) / 2;
			struct shf_zstd_out z;
			struct sahifa_error err;
			char *data = NULL;
			size_t len = 0;
			FILE *fp = open_memstream(&data, &len);
			int ok;

			sahifa_error_clear(&err);
			CHECK(fp != NULL);
			if (!fp)
				continue;
			ok = !shf_zstd_out_init(&z, fp, "test.tar.zst", 3, hint, &err);
			for (off = 0; ok && off < sizes[c]; off += piece) {
				size_t n = sizes[c] - off < piece ? sizes[c] - off : piece;

				ok = !shf_zstd_out_write(&z, in + off, n, &err);
			}
			ok = ok && !shf_zstd_out_finish(&z, &err);
			CHECK(ok);
			CHECK_INT("bytes in", (long long)z.bytes_in, (long long)sizes[c]);
			shf_zstd_out_release(&z);
			fclose(fp);
			CHECK_INT("bytes out", (long long)len, (long long)z.bytes_out);
			CHECK_INT("bytes back", unzstd(data, len, back, cap + 1), (long long)sizes[c]);
			CHECK(!memcmp(back, in, sizes[c]));
			if (k % 3 == 0) {
				free(first);
				first = data;
				first_len = len;
				continue;
			}
			CHECK(len == first_len && first && !memcmp(data, first, len));
			free(data);
		}
		free(first);
	}
out:
	free(in);
	free(back);
}

int main(void)
{
	test_gzip_out();
	test_zstd_out();
	test_csv_guarded();
	test_hub_license();
	test_semver();
	test_options();
	test_split_of();
	test_fold();
	test_fold_blocks();
	test_csv();
	return check_report();
}
