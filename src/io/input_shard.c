/* Which share of a sharded run an input belongs to (include/sahifa/input.h). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "io/input_shard.h"
#include "sahifa/sha256.h"

/* FNV-1a, 64 bits, over bytes; allocation-free, so a share never depends on memory. */
static uint64_t fnv1a(uint64_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

unsigned sahifa_input_shard_of(const char *name, const char *member, unsigned n)
{
	uint64_t h = fnv1a(0xcbf29ce484222325ULL, name);

	if (n <= 1)
		return 0;
	if (member)
		h = fnv1a(fnv1a(h, "!"), member);
	/* splitmix64's finalizer: every input bit reaches the low bits the modulo keeps */
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	return (unsigned)(h % n);
}

int shf_input_shard_keep(const struct sahifa_input_shard *s,
			    const struct sahifa_input_item *item)
{
	/* a WARC file's records have no member (the file is the unit); a WARC member's
	 * have theirs, so that all of them go where the member goes */
	return sahifa_input_shard_of(item->name, item->member, s->n) == s->k;
}

int shf_input_shard_keep_file(const struct sahifa_input_shard *s, const char *name)
{
	return sahifa_input_shard_of(name, NULL, s->n) == s->k;
}

void shf_input_shard_note(const struct sahifa_input_shard *s, const char *path,
			     long long size)
{
	char tail[32];

	if (!s || !s->fingerprint)
		return;
	snprintf(tail, sizeof(tail), "%c%lld\n", '\0', size);
	/* A failed update shows as a fingerprint no other share has: refused at merge. */
	sahifa_sha256_update(s->fingerprint, path, strlen(path));
	sahifa_sha256_update(s->fingerprint, tail, 1 + strlen(tail + 1));
}
