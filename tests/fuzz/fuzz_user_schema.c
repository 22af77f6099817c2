/* libFuzzer: the JSON Schema compiler for a user's schema (validate --schema,
 * src/validate/json_schema.c).  The input is compiled; a schema that compiles is run
 * over a few fixed documents.  Invariants: validating twice gives the same count, and
 * the work per value stays bounded (the regex and schema step limits). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "validate/json_schema.h"

static const char *const docs[] = {
	"{}", "[]", "\"x\"", "0", "null", "true", "-1.5e3",
	"{\"id\":\"0123456789abcdef0123456789abcdef\",\"a\":[1,\"b\",{\"c\":null}],\"s\":\"aaaa\"}",
	"[[[[[[[[1]]]]]]]]", "{\"a\":{\"a\":{\"a\":{\"a\":\"\\u00e9\"}}}}",
};

static int count(void *ctx, const char *where, const char *msg)
{
	(void)ctx;
	(void)where;
	(void)msg;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sahifa_schema *s = NULL;
	struct sahifa_error err;
	size_t i;

	if (shf_schema_compile((const char *)data, size, &s, &err) != SAHIFA_OK)
		return 0;
	for (i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		struct sahifa_json *v = NULL;

		if (shf_json_parse(docs[i], strlen(docs[i]), &v, &err) != SAHIFA_OK)
			abort();
		if (shf_schema_validate(s, v, count, NULL) != shf_schema_validate(s, v, count, NULL))
			abort();
		shf_json_free(v);
	}
	shf_schema_free(s);
	return 0;
}
