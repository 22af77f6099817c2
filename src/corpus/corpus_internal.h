/*
 * What the corpus stage's files share (src/corpus/).  Not public.
 *
 * Hashing: FNV-1a over the bytes, finished by splitmix64's mixer.  Both are a few
 * lines, well known and public domain; they are used to count repeats inside one
 * document and to hash word shingles for MinHash, where an attacker forcing
 * collisions gains nothing and a cryptographic hash (SHA-256 from libcrypto, linked
 * already) costs about ten times as much per shingle.  Exact duplicates across
 * documents are decided by SHA-256 of the whole match key instead.
 */
#ifndef SAHIFA_CORPUS_INTERNAL_H
#define SAHIFA_CORPUS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

static inline uint64_t corpus_mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xBF58476D1CE4E5B9ULL;
	x ^= x >> 27;
	x *= 0x94D049BB133111EBULL;
	return x ^ (x >> 31);
}

static inline uint64_t corpus_hash64(const void *data, size_t len, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t h = 0xCBF29CE484222325ULL ^ seed;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001B3ULL;
	}
	return corpus_mix64(h);
}

#endif
