/*
 * Sharded runs: one convert per share of the inputs (sahifa convert --shard K/N, each
 * on its own machine or array task), then one merge (src/convert/shard.c).
 *
 * A share's records go to OUTPUT, written under a temporary name and renamed; then a
 * sidecar OUTPUT.shard (JSON, one member per line) says which run the share belongs to
 * and what it holds.  The sidecar is removed when a share's run starts and written last,
 * so it marks a finished share: a killed run leaves none, and running a share again
 * replaces its output whole, never adds to it.
 *
 * The merge checks that the shares given are all N shares of one run exactly once,
 * each whole, then writes their records (share 0 first).  sahifa pack orders records by
 * a stable key, so the release packed from the merge is byte-identical to the one
 * packed from a single convert over the same inputs.
 */
#ifndef SAHIFA_SHARD_H
#define SAHIFA_SHARD_H

#include "sahifa/error.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SAHIFA_SHARD_MAX 100000          /* N of a sharded run */
#define SAHIFA_SHARD_SIDECAR_EXT ".shard" /* sidecar name: the output's plus this */
#define SAHIFA_SHARD_FORMAT 1             /* "sahifa_shard" of the sidecar */

struct sahifa_shard_info {
	unsigned format;                  /* SAHIFA_SHARD_FORMAT */
	char tool[32];                    /* sahifa version that wrote it */
	char schema[32];                  /* record schema version */
	char run[65];                     /* fingerprint of the inputs and options */
	unsigned k, n;                    /* share k of n */
	char output_sha256[65];           /* of the output file */
	unsigned long long output_bytes;
	unsigned long long inputs, records, rejects, skipped;
};

/* Parse "K/N" (0 <= K < N <= SAHIFA_SHARD_MAX); 0 ok, -1 bad. */
int sahifa_shard_parse(const char *s, unsigned *k, unsigned *n);
/* K and N from SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT (an array 0-(N-1)):
 * 1 found, 0 not set, -1 set but not a valid share (err says why).  A task re-run alone
 * (--array=K) sees a count of 1, so job scripts pass --shard K/N themselves. */
int sahifa_shard_from_env(unsigned *k, unsigned *n, struct sahifa_error *err);

/* Write output's sidecar (output + SAHIFA_SHARD_SIDECAR_EXT) for info, hashing the
 * output file for output_sha256 and output_bytes. */
enum sahifa_status sahifa_shard_write_sidecar(const char *output, struct sahifa_shard_info *info,
					      struct sahifa_error *err);
/* Read and check a sidecar; a bad one fails with SAHIFA_ERR_DATA and its path:line. */
enum sahifa_status sahifa_shard_read_sidecar(const char *sidecar, struct sahifa_shard_info *info,
					     struct sahifa_error *err);
/* Parse sidecar text (path names it in errors); what sahifa_shard_read_sidecar does
 * after reading the file. */
enum sahifa_status sahifa_shard_parse_sidecar(const char *path, const char *text, size_t len,
					      struct sahifa_shard_info *info,
					      struct sahifa_error *err);

/* 1 when output has a sidecar beside it (output + SAHIFA_SHARD_SIDECAR_EXT), else 0. */
int sahifa_shard_has_sidecar(const char *output);

struct sahifa_merge_summary {
	unsigned n;                        /* shares merged */
	char run[65];
	unsigned long long inputs, records, rejects, skipped;
};

/* Check the shares outputs[0..n_outputs) (each an output with its sidecar) and, when
 * output is not NULL, write all their records to output ("-": stdout), share 0 first.
 * Every problem (a missing or unfinished share, a share of another run or tool
 * version, a share given twice, an output that does not hold what its sidecar says)
 * is reported through diag as path:line: message; then SAHIFA_ERR_DATA is returned
 * and nothing is written.  I/O errors on the output: SAHIFA_ERR_IO. */
enum sahifa_status sahifa_shard_merge(const char *const *outputs, size_t n_outputs,
				      const char *output, sahifa_diag_fn diag, void *diag_ctx,
				      struct sahifa_merge_summary *sum, struct sahifa_error *err);

#ifdef __cplusplus
}
#endif
#endif
