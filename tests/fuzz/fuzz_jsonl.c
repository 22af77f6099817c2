/* libFuzzer: the JSONL reader (src/validate/validate_jsonl.c over src/validate/json_schema.c's strict
 * parser).  The input is fed in two chunks split at a point taken from its first byte,
 * so lines crossing feeds are exercised.  Invariants: every line is counted as one row
 * whatever the split, and a line the parser accepts is valid UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "validate/validate_internal.h"

static size_t count_rows(const char *data, size_t len)
{
	size_t rows = 0, i, start = 0;

	for (i = 0; i < len; i++)
		if (data[i] == '\n') {
			rows++;
			start = i + 1;
		}
	return rows + (start < len);
}

static enum sahifa_status on_row(void *ctx, const struct sahifa_json *row, long line)
{
	(void)ctx;
	(void)line;
	if (shf_json_type(row) == SAHIFA_JSON_NONE)
		abort();
	return SAHIFA_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sahifa_validate_options opts;
	struct sahifa_validate_summary sum;
	struct vrun run;
	struct jsonl_check c;
	const char *text = (const char *)data;
	size_t cut = size ? (size_t)data[0] * size / 256 : 0;
	struct sahifa_json *v = NULL;
	struct sahifa_error err;

	memset(&opts, 0, sizeof(opts));
	memset(&sum, 0, sizeof(sum));
	memset(&run, 0, sizeof(run));
	run.opts = &opts;
	run.sum = &sum;
	jsonl_check_init(&c, &run, "fuzz.jsonl", NULL);
	c.on_row = on_row;
	if (jsonl_check_feed(&c, text, cut) == SAHIFA_OK &&
	    jsonl_check_feed(&c, text + cut, size - cut) == SAHIFA_OK &&
	    jsonl_check_finish(&c) == SAHIFA_OK && c.rows != count_rows(text, size))
		abort();
	jsonl_check_release(&c);
	if (shf_json_parse(text, size, &v, &err) == SAHIFA_OK) {
		if (!sahifa_utf8_valid(text, size, NULL))
			abort();
		shf_json_free(v);
	}
	return 0;
}
