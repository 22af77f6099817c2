/*
 * What dedup.c (the run) and dedup_sig.c (signature files) share.  Not public.
 *
 * A signature file holds, for the records of one file (a shard of a sharded convert,
 * or any records file), everything dedup's decision needs of them: the entries below,
 * in the records' order, and a hash of each raw line, so that a run given the file in
 * place of signing checks it is reading the records that were signed.
 */
#ifndef SAHIFA_DEDUP_INTERNAL_H
#define SAHIFA_DEDUP_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "sahifa/corpus.h"
#include "sahifa/error.h"

#define DEDUP_NO_DATE UINT64_MAX
#define DEDUP_SEED 0x5A41494641ULL   /* of the MinHash hash family; fixed, so every
				      * run and build agrees (a signature file names it) */

struct dedup_entry {
	unsigned char id[16];
	unsigned char key[16];    /* SHA-256 of the match key, first 16 bytes */
	unsigned char content[16]; /* SHA-256 of the record's JSON: equal ids (one input
				    * read at two places) rank by it, as pack keeps them */
	uint32_t sig[SAHIFA_MINHASH_HASHES];
	uint64_t published;       /* YYYYMMDDhhmmss, DEDUP_NO_DATE when none */
	uint32_t parent;          /* union-find */
	uint8_t previous;         /* from --previous */
	uint8_t empty;            /* no words: only the exact key applies */
};

/* Who a signature file belongs to: share k of n of a run (k 0, n 1 and the records'
 * own hash for a file that is not a shard). */
struct dedup_sig_header {
	char tool[32];            /* sahifa version that signed */
	char run[65];
	unsigned k, n;
	unsigned long long records;
	char records_sha256[65];  /* of the signed lines, each with its newline */
	long run_line, shard_line, records_line; /* where those were read, for messages */
	unsigned long long data_offset; /* of the first entry */
};

/* Write the signature file path (temporary name, renamed into place) for entries
 * e[0..n) whose raw lines hashed to line_hash[0..n) (dedup_line_hash). */
enum sahifa_status dedup_sig_write(const char *path, const struct dedup_sig_header *h,
				   const struct dedup_entry *e, const uint64_t *line_hash,
				   size_t n, struct sahifa_error *err);

/* An open signature file: its header read and checked against this build's
 * parameters and version, and its size against the header's count. */
struct dedup_sig_file {
	const char *path;         /* borrowed */
	FILE *fp;                 /* owned; NULL once read */
	struct dedup_sig_header h;
};

enum sahifa_status dedup_sig_open(struct dedup_sig_file *f, const char *path,
				  struct sahifa_error *err);
/* Read the h.records entries into e[] (parent and previous left 0) and line_hash[],
 * then the checksum; a short, damaged or longer file fails with path@offset. */
enum sahifa_status dedup_sig_read(struct dedup_sig_file *f, struct dedup_entry *e,
				  uint64_t *line_hash, struct sahifa_error *err);
void dedup_sig_close(struct dedup_sig_file *f);

/* The hash of a raw record line (without its newline) that a signature file keeps. */
uint64_t dedup_line_hash(const char *line, size_t len);

#endif
