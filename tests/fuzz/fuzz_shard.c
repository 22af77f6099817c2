/* libFuzzer: the shard sidecar parser (src/convert/shard.c).  Invariants: a failure
 * names the path and a line within the text; an accepted sidecar has its share below
 * its count and counts that add up. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sahifa/shard.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sahifa_shard_info info;
	struct sahifa_error e;
	long lines = 1;
	size_t i;

	for (i = 0; i < size; i++)
		lines += data[i] == '\n';
	sahifa_error_clear(&e);
	if (sahifa_shard_parse_sidecar("f", (const char *)data, size, &info, &e)) {
		if (strcmp(e.path, "f") || e.line < 0 || e.line > lines || !e.msg[0])
			abort();
		return 0;
	}
	if (info.k >= info.n || info.inputs != info.records + info.rejects + info.skipped)
		abort();
	return 0;
}
