/* libFuzzer: the archive walker (src/io/archive_read.c): sniffing, member names and
 * member data, under small limits.  Invariants: sniffing never reads past the bytes
 * given; every member has a name; no more bytes are handed over than the limit. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "io/archive_read.h"

struct walk {
	unsigned long long bytes, members;
};

static enum sahifa_status on_member(void *ctx, const struct sahifa_archive_member *m)
{
	struct walk *w = ctx;
	char buf[4096];
	long long n;

	if (!m->name)
		abort();
	w->members++;
	if (m->type != SAHIFA_MEMBER_FILE)
		return SAHIFA_OK;
	while ((n = shf_archive_member_read(m, buf, sizeof(buf), NULL)) > 0)
		w->bytes += (unsigned long long)n;
	return n < 0 ? SAHIFA_ERR_DATA : SAHIFA_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct sahifa_archive_limits lim = { 64, (unsigned long long)1 << 22 };
	struct walk w = { 0, 0 };
	struct sahifa_error err;
	unsigned char *copy = malloc(size ? size : 1);

	if (!copy)
		return 0;
	memcpy(copy, data, size);
	(void)shf_archive_sniff(copy, size);
	sahifa_error_clear(&err);
	shf_archive_each_mem_limits("fuzz.bin", copy, size, &lim, on_member, &w, &err);
	if (w.bytes > lim.total_bytes || w.members > lim.members)
		abort();
	free(copy);
	return 0;
}
