/* libFuzzer: the one-pass parser of validate against its reference path (the strict
 * prescan, cJSON, the duplicate-key check).  Invariant: for every input both give the
 * same status, message and column, and on success the same value. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "validate/json_schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sahifa_json *a = NULL, *b = NULL;
	struct sahifa_error ea, eb;
	enum sahifa_status sa, sb;

	sahifa_error_clear(&ea);
	sahifa_error_clear(&eb);
	sa = shf_json_parse((const char *)data, size, &a, &ea);
	sb = shf_json_parse_reference((const char *)data, size, &b, &eb);
	if (sa != sb || (sa && (strcmp(ea.msg, eb.msg) || ea.col != eb.col)) ||
	    (!sa && !shf_json_same(a, b)))
		abort();
	shf_json_free(a);
	shf_json_free(b);
	return 0;
}
