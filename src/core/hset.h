/*
 * The one hash set (src/core/hset.c): open addressing over 64-bit hashes, each with a
 * 64-bit value (a line number, a pointer through uintptr_t); value 0 marks an empty
 * slot, so a stored value is never 0.  The caller hashes and decides equality, so a
 * set of ids and a set of row keys are the same code.  The table doubles from 1024
 * slots and is kept at most half full; slots keep the order a given sequence of
 * inserts gives, so walking them is deterministic.
 */
#ifndef SHF_HSET_H
#define SHF_HSET_H

#include <stddef.h>
#include <stdint.h>

struct shf_hset {
	uint64_t *hashes;
	uint64_t *values;                   /* 0: empty */
	size_t n, cap;                      /* cap is 0 or a power of two */
};

#define SHF_HSET_INIT { NULL, NULL, 0, 0 }

/* Room for one more entry: 0, or -1 when memory runs out (the set left as it was). */
int shf_hset_reserve(struct shf_hset *s);

/* The slot of hash h: the first slot holding h whose value same(ctx, value) accepts
 * (same NULL: any), else the empty slot where h goes (store hashes[i] and values[i],
 * then n++).  The set must have room (cap > 0). */
size_t shf_hset_find(const struct shf_hset *s, uint64_t h,
		     int (*same)(void *ctx, uint64_t value), void *ctx);

void shf_hset_release(struct shf_hset *s);

#endif
