/* validate's pieces on their own: regular expressions, the CSV reader, CSV against a
 * Table Schema, and the release checks on a release pack made. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "text/icu_regex.h"
#include "validate/csv_read.h"
#include "sahifa/pack.h"
#include "sahifa/validate.h"

static void test_regex(void)
{
	static const struct { const char *pattern, *text; int search, full; } rows[] = {
		{ "^[a-z]+$", "abc", 1, 1 },
		{ "[0-9]{2}", "a12b", 1, 0 },
		{ "\\p{Arabic}+", "كتاب", 1, 1 },
		{ "b", "abc", 1, 0 },
		{ "x", "abc", 0, 0 },
	};
	struct sahifa_regex *re;
	struct sahifa_error err;
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		re = NULL;
		CHECK_INT(rows[i].pattern, shf_regex_compile(rows[i].pattern, &re, &err), SAHIFA_OK);
		if (!re)
			continue;
		CHECK_INT(rows[i].pattern, shf_regex_search(re, rows[i].text, strlen(rows[i].text),
							       &err), rows[i].search);
		CHECK_INT(rows[i].pattern, shf_regex_full_match(re, rows[i].text,
								   strlen(rows[i].text), &err),
			  rows[i].full);
		shf_regex_free(re);
	}
	re = NULL;
	CHECK(shf_regex_compile("(unclosed", &re, &err) != SAHIFA_OK);
	CHECK(err.msg[0] != '\0');
	shf_regex_free(re);
	shf_regex_free(NULL);
}

struct rows_seen {
	char text[512];
	long lines[8];
	size_t n;
};

static enum sahifa_status on_row(void *ctx, const char *const *f, const size_t *lens, size_t n,
				 long line)
{
	struct rows_seen *s = ctx;
	size_t i, len = strlen(s->text);

	for (i = 0; i < n; i++)
		len += (size_t)snprintf(s->text + len, sizeof(s->text) - len, "%s[%.*s]",
					i ? "," : "", (int)lens[i], f[i]);
	snprintf(s->text + len, sizeof(s->text) - len, ";");
	if (s->n < 8)
		s->lines[s->n] = line;
	s->n++;
	return SAHIFA_OK;
}

static void test_csv_reader(void)
{
	static const char csv[] = "a,b\r\n\"x,1\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",\r\n";
	struct sahifa_csv_reader *r;
	struct sahifa_error err;
	struct rows_seen s;
	size_t i;

	/* fed a byte at a time and all at once: the same rows */
	for (i = 0; i < 2; i++) {
		memset(&s, 0, sizeof(s));
		CHECK_INT("new", shf_csv_reader_new(on_row, &s, &r, &err), SAHIFA_OK);
		if (i == 0) {
			size_t k;

			for (k = 0; k < sizeof(csv) - 1; k++)
				CHECK_INT("feed byte", shf_csv_reader_feed(r, csv + k, 1, &err), SAHIFA_OK);
		} else {
			CHECK_INT("feed", shf_csv_reader_feed(r, csv, sizeof(csv) - 1, &err), SAHIFA_OK);
		}
		CHECK_INT("finish", shf_csv_reader_finish(r, &err), SAHIFA_OK);
		shf_csv_reader_free(r);
		CHECK_STR("rows", s.text, "[a],[b];[x,1],[say \"hi\"];[two\r\nlines],[];");
		CHECK_INT("count", s.n, 3);
		CHECK_INT("line 1", s.lines[0], 1);
		CHECK_INT("line 2", s.lines[1], 2);
		CHECK_INT("line of the record over two lines", s.lines[2], 3);
	}
	/* a record ended by LF alone is an error, on its line */
	memset(&s, 0, sizeof(s));
	CHECK_INT("new", shf_csv_reader_new(on_row, &s, &r, &err), SAHIFA_OK);
	CHECK_INT("lf", shf_csv_reader_feed(r, "a,b\r\nc,d\ne,f\r\n", 13, &err), SAHIFA_ERR_DATA);
	CHECK_INT("lf line", err.line, 2);
	shf_csv_reader_free(r);
	/* an unterminated quote is an error at the end */
	memset(&s, 0, sizeof(s));
	CHECK_INT("new", shf_csv_reader_new(on_row, &s, &r, &err), SAHIFA_OK);
	shf_csv_reader_feed(r, "a,\"b\r\n", 6, &err);
	CHECK(shf_csv_reader_finish(r, &err) != SAHIFA_OK);
	shf_csv_reader_free(r);
	shf_csv_reader_free(NULL);
}

static unsigned long long diags;
static char first_diag[512];

static void count_diag(void *ctx, const struct sahifa_error *e)
{
	(void)ctx;
	if (!diags++)
		sahifa_error_format(e, first_diag, sizeof(first_diag));
}

static int write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (!fp)
		return -1;
	fputs(text, fp);
	return fclose(fp);
}

/* Validate one path; the number of errors, or -1 when the run failed. */
static long long validate(const char *path, const char *table_schema)
{
	struct sahifa_validate_options o;
	struct sahifa_validate_summary sum;
	struct sahifa_error err;
	const char *paths[1];

	memset(&o, 0, sizeof(o));
	o.table_schema = table_schema;
	o.threads = 1;
	paths[0] = path;
	diags = 0;
	first_diag[0] = '\0';
	if (sahifa_validate_run(&o, paths, 1, count_diag, NULL, NULL, &sum, &err))
		return -1;
	return (long long)sum.errors;
}

static void test_table_schema(const char *dir)
{
	char ts[512], ok[512], bad[512];

	snprintf(ts, sizeof(ts), "%s/t.table.json", dir);
	snprintf(ok, sizeof(ok), "%s/ok.csv", dir);
	snprintf(bad, sizeof(bad), "%s/bad.csv", dir);
	CHECK(!write_file(ts, "{\"fields\":["
			  "{\"name\":\"id\",\"type\":\"string\",\"constraints\":{\"required\":true,"
			  "\"pattern\":\"[a-z]+\"}},"
			  "{\"name\":\"n\",\"type\":\"integer\",\"constraints\":{\"minimum\":1,"
			  "\"maximum\":9}},"
			  "{\"name\":\"kind\",\"type\":\"string\",\"constraints\":{\"enum\":[\"a\",\"b\"]}}"
			  "],\"primaryKey\":[\"id\"]}"));
	CHECK(!write_file(ok, "id,n,kind\r\nab,1,a\r\ncd,9,b\r\n"));
	CHECK_INT("valid csv", validate(ok, ts), 0);
	/* one error of each kind: pattern, type, maximum, enum, duplicate key, width */
	CHECK(!write_file(bad, "id,n,kind\r\nA1,1,a\r\nab,x,a\r\ncd,10,a\r\nef,2,c\r\nab,3,b\r\ngh,4\r\n"));
	CHECK_INT("invalid csv", validate(bad, ts), 6);
	CHECK(strstr(first_diag, "bad.csv:2") != NULL);
	/* a header that is not the schema's */
	CHECK(!write_file(bad, "id,count,kind\r\nab,1,a\r\n"));
	CHECK(validate(bad, ts) >= 1);
	/* a table schema that is not one is a usage error */
	CHECK(!write_file(ts, "{\"fields\":7}"));
	CHECK_INT("bad table schema", validate(ok, ts), -1);
}

static void test_release(const char *dir)
{
	struct sahifa_pack_options o;
	struct sahifa_pack_summary sum;
	struct sahifa_error err;
	const char *in[1] = { "tests/cli/pack-basic/records.jsonl" };
	char release[600], cmd[1400];

	memset(&o, 0, sizeof(o));
	o.name = "unit";
	o.version = "1.0.0";
	o.outdir = dir;
	o.weights[SAHIFA_SPLIT_TRAIN] = 50;
	o.weights[SAHIFA_SPLIT_TEST] = 50;
	o.source_date_epoch = 1700000000;
	CHECK_INT("pack", sahifa_pack_run(&o, in, 1, NULL, NULL, &sum, &err), SAHIFA_OK);
	CHECK_INT("release valid", validate(sum.archive, NULL), 0);
	/* unpacked, one article's row changed in articles.csv: the CSV and the JSONL differ */
	snprintf(release, sizeof(release), "%s/unit-1.0.0", dir);
	snprintf(cmd, sizeof(cmd), "cd '%s' && tar xzf unit-1.0.0.tar.gz && "
		 "sed -i '2s/,ar,/,en,/' unit-1.0.0/data/articles.csv", dir);
	CHECK(system(cmd) == 0);
	CHECK(validate(release, NULL) >= 1);
	CHECK(strstr(first_diag, "articles.csv") != NULL);
}

int main(void)
{
	char dir[] = "/tmp/sahifa-test-validate-XXXXXX";
	char cmd[128];

	test_regex();
	test_csv_reader();
	if (!mkdtemp(dir)) {
		CHECK(!"mkdtemp");
		return check_report();
	}
	test_table_schema(dir);
	test_release(dir);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("note: could not remove %s\n", dir);
	return check_report();
}
