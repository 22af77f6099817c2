/* libFuzzer: the CSV reader and the Table Schema loader (src/validate/csv_read.c,
 * validate_csv.c).  The input is a Table Schema up to its first NUL byte, then CSV;
 * the CSV is checked in one feed and again in two feeds split at a point taken from
 * the input.  Invariant: the split never changes the rows counted or errors found. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "validate/csv_read.h"
#include "validate/validate_internal.h"

static enum sahifa_status count_row(void *ctx, const char *const *fields, const size_t *lens,
				    size_t n, long line)
{
	size_t i;

	(void)line;
	for (i = 0; i < n; i++)
		if (!fields[i] || fields[i][lens[i]] != '\0')
			abort();
	++*(unsigned long long *)ctx;
	return SAHIFA_OK;
}

/* No Table Schema: the reader alone (csv_check needs one). */
static void read_only(const char *csv, size_t len, size_t cut, unsigned long long *rows,
		      unsigned long long *errors)
{
	struct sahifa_csv_reader *r = NULL;
	struct sahifa_error err;

	*rows = 0;
	*errors = 0;
	if (shf_csv_reader_new(count_row, rows, &r, &err) != SAHIFA_OK)
		return;
	if (shf_csv_reader_feed(r, csv, cut, &err) != SAHIFA_OK ||
	    shf_csv_reader_feed(r, csv + cut, len - cut, &err) != SAHIFA_OK ||
	    shf_csv_reader_finish(r, &err) != SAHIFA_OK)
		*errors = 1;
	shf_csv_reader_free(r);
}

static void check(struct table_schema *ts, const char *csv, size_t len, size_t cut,
		  unsigned long long *rows, unsigned long long *errors)
{
	struct sahifa_validate_options opts;
	struct sahifa_validate_summary sum;
	struct vrun run;
	struct csv_check c;

	memset(&opts, 0, sizeof(opts));
	memset(&sum, 0, sizeof(sum));
	memset(&run, 0, sizeof(run));
	run.opts = &opts;
	run.sum = &sum;
	if (!ts) {
		read_only(csv, len, cut, rows, errors);
		return;
	}
	*rows = 0;
	*errors = 0;
	if (csv_check_init(&c, &run, "fuzz.csv", ts) != SAHIFA_OK)
		return;
	if (csv_check_feed(&c, csv, cut) == SAHIFA_OK &&
	    csv_check_feed(&c, csv + cut, len - cut) == SAHIFA_OK)
		csv_check_finish(&c);
	*rows = c.rows;
	*errors = sum.errors;
	csv_check_release(&c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const char *nul = memchr(text, '\0', size);
	struct table_schema *ts = NULL;
	struct sahifa_error err;
	const char *csv = text;
	size_t len = size, cut;
	unsigned long long r1, e1, r2, e2;

	if (nul) {
		table_schema_load(text, (size_t)(nul - text), &ts, &err);
		csv = nul + 1;
		len = size - (size_t)(csv - text);
	}
	cut = len ? (size_t)(unsigned char)csv[0] * len / 256 : 0;
	check(ts, csv, len, len, &r1, &e1);
	check(ts, csv, len, cut, &r2, &e2);
	if (r1 != r2 || e1 != e2) {
		fprintf(stderr, "split at %zu: %llu rows, %llu errors; whole: %llu rows, %llu errors\n",
			cut, r2, e2, r1, e1);
		abort();
	}
	table_schema_free(ts);
	return 0;
}
