/* libFuzzer: compile the built-in article schema once, then parse each input as one
 * JSON document and validate it.  Invariants: a document that validates has the
 * article's shape (an object with a 32-character id), and validating twice gives the
 * same count (the compiled schema keeps no state between rows). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/embed.h"
#include "validate/json_schema.h"

static struct sahifa_schema *schema;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sahifa_json *v = NULL;
	struct sahifa_error err;
	size_t a, b;

	if (!schema) {
		const struct sahifa_embed *e = shf_embed_find("schema/article.schema.json");

		if (!e || shf_schema_compile(e->data, e->len, &schema, &err))
			abort();
	}
	if (shf_json_parse((const char *)data, size, &v, &err))
		return 0;
	a = shf_schema_validate(schema, v, NULL, NULL);
	b = shf_schema_validate(schema, v, NULL, NULL);
	if (a != b)
		abort();
	if (!a) {
		const char *id = shf_json_string(shf_json_get(v, "id"));

		if (shf_json_type(v) != SAHIFA_JSON_OBJECT || !id || strlen(id) != 32)
			abort();
	}
	shf_json_free(v);
	return 0;
}
