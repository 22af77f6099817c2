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

/* ---- reading record JSONL (src/corpus/records.c) -------------------------------- */

#include "sahifa/article.h"
#include "sahifa/buf.h"
#include "sahifa/error.h"

/* One line of input, parsed by a worker. */
struct corpus_line {
	const char *path;           /* the input as given; borrowed */
	long line;                  /* 1-based */
	size_t input;               /* index of the input */
	unsigned long long index;   /* place of the record over all inputs, 0-based */
	struct sahifa_buf text;     /* the line without its newline */
	struct sahifa_article a;    /* parsed by the runner before work is called */
	struct sahifa_error err;
	enum sahifa_status st;
	void *out;                  /* what work made of it (one malloc'd block, owned by
				     * collect from then on; freed when collect is not
				     * called) */
};

struct corpus_pass {
	unsigned threads;           /* 0: one per core */
	/* Called from the worker threads on each parsed line (may be NULL). */
	enum sahifa_status (*work)(void *ctx, struct corpus_line *l);
	/* Called in input order on each line after work; a non-OK status stops. */
	enum sahifa_status (*collect)(void *ctx, struct corpus_line *l);
	void *ctx;
	int raw;                    /* 1: lines are not parsed (nor worked on) */
};

/* One drop, as a line of a drops file (src/corpus/json_drop.c).  Members left NULL
 * are not written. */
struct corpus_drop {
	const char *id;
	const char *reason;         /* exact_duplicate, near_duplicate, quality */
	const char *duplicate_of;   /* dedup: the kept id */
	double similarity;
	const char *signal;         /* filter: the signal, its value, the bound it failed */
	double value;
	const char *op;             /* ">=" or "<=" */
	double threshold;
	const char *preset;
	const char *script;         /* the thresholds' script ("*": any) */
	const char *input;          /* where the record was read */
	long line;
};

/* Append the drop as one JSON line with its newline. */
enum sahifa_status corpus_drop_json(const struct corpus_drop *d, struct sahifa_buf *out);

/* Read every line of the inputs (record JSONL files, in order), parse each into
 * l->a in parallel, then work, then collect in order.  A line that is not a record
 * fails with "path:line: message" (blank lines too).  Returns the first failure. */
enum sahifa_status corpus_pass_run(const struct corpus_pass *pass, const char *const *inputs,
				   size_t n_inputs, struct sahifa_error *err);

/* The same over the records of a release made by pack: a folder or an archive, its
 * data/ *.jsonl shards. */
enum sahifa_status corpus_pass_release(const struct corpus_pass *pass, const char *release,
				       struct sahifa_error *err);

/* Lines in the input files, to size tables once (an unreadable file counts 0: the
 * pass reports it). */
unsigned long long corpus_count_lines(const char *const *inputs, size_t n_inputs);

#endif
