/* libFuzzer: the record reader round trip (src/record/json_record.c): a line that
 * sahifa_article_from_json accepts is written by sahifa_article_to_json, read back and
 * written again.  Invariants: the written record reads back, and the second writing is
 * byte-identical to the first (nothing is lost or changed by a read); and the direct
 * reader builds a record only where the cJSON one builds the same. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "record/json_strict.h"
#include "sahifa/article.h"
#include "sahifa/buf.h"
#include "sahifa/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sahifa_article a, b;
	struct sahifa_buf j1 = SAHIFA_BUF_INIT, j2 = SAHIFA_BUF_INIT;
	struct sahifa_error err;

	sahifa_article_init(&a);
	sahifa_article_init(&b);
	if (sahifa_article_from_json((const char *)data, size, &a, &err) == SAHIFA_OK &&
	    sahifa_article_to_json(&a, &j1, &err) == SAHIFA_OK) {
		if (!sahifa_utf8_valid(j1.data, j1.len, NULL))
			abort();
		if (sahifa_article_from_json(j1.data, j1.len, &b, &err) != SAHIFA_OK)
			abort();
		if (sahifa_article_to_json(&b, &j2, &err) != SAHIFA_OK || j1.len != j2.len ||
		    memcmp(j1.data, j2.data, j1.len))
			abort();
	}
	sahifa_buf_release(&j1);
	sahifa_buf_release(&j2);
	sahifa_article_release(&a);
	sahifa_article_release(&b);
	if (shf_article_from_json_direct((const char *)data, size, &a)) {
		if (shf_article_from_json_cjson((const char *)data, size, &b, &err) != SAHIFA_OK ||
		    sahifa_article_to_json(&a, &j1, &err) != SAHIFA_OK ||
		    sahifa_article_to_json(&b, &j2, &err) != SAHIFA_OK || j1.len != j2.len ||
		    memcmp(j1.data, j2.data, j1.len))
			abort();
	}
	sahifa_buf_release(&j1);
	sahifa_buf_release(&j2);
	sahifa_article_release(&a);
	sahifa_article_release(&b);
	return 0;
}
