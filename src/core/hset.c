/* The one hash set (src/core/hset.h). */
#include <stdlib.h>

#include "core/hset.h"

int shf_hset_reserve(struct shf_hset *s)
{
	size_t ncap, i, j;
	uint64_t *hashes, *values;

	if ((s->n + 1) * 2 <= s->cap)
		return 0;
	ncap = s->cap ? s->cap * 2 : 1024;
	if (ncap < s->cap)
		return -1;
	hashes = calloc(ncap, sizeof(*hashes));
	values = calloc(ncap, sizeof(*values));
	if (!hashes || !values) {
		free(hashes);
		free(values);
		return -1;
	}
	for (j = 0; j < s->cap; j++)
		if (s->values[j]) {
			for (i = s->hashes[j] & (ncap - 1); values[i]; i = (i + 1) & (ncap - 1))
				;
			hashes[i] = s->hashes[j];
			values[i] = s->values[j];
		}
	free(s->hashes);
	free(s->values);
	s->hashes = hashes;
	s->values = values;
	s->cap = ncap;
	return 0;
}

size_t shf_hset_find(const struct shf_hset *s, uint64_t h,
		     int (*same)(void *ctx, uint64_t value), void *ctx)
{
	size_t mask = s->cap - 1, i;

	for (i = h & mask; s->values[i]; i = (i + 1) & mask)
		if (s->hashes[i] == h && (!same || same(ctx, s->values[i])))
			return i;
	return i;
}

void shf_hset_release(struct shf_hset *s)
{
	free(s->hashes);
	free(s->values);
	s->hashes = s->values = NULL;
	s->n = s->cap = 0;
}
