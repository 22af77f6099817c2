/*
 * The corpus stage (src/corpus/): what is kept across documents, each drop with a
 * reason a person can audit.
 *
 *   quality  per-record signals (struct sahifa_quality), computed by convert
 *   dedup    exact duplicates by the match key, near duplicates by MinHash + LSH
 *   filter   drop records whose signals fail a preset's thresholds
 *   learn    lines recurring across documents of one site, written as rules
 *
 * The run functions read record JSONL files (the records convert writes).  A line
 * that is not such a record fails the whole run with "path:line: message" before
 * anything is written: outputs are created under temporary names and renamed only at
 * the end (sahifa_outfile).  Every record read is either kept or written to the drops
 * file; the summaries count both.  Output does not depend on the thread count.
 */
#ifndef SAHIFA_CORPUS_H
#define SAHIFA_CORPUS_H

#include <stddef.h>
#include "sahifa/article.h"
#include "sahifa/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Fill a->quality from its paragraphs (the document language picks the stop-word
 * list, rules/stopwords/LANG.txt, built in).  Errors: invalid UTF-8 (SAHIFA_ERR_DATA),
 * out of memory. */
enum sahifa_status sahifa_quality_compute(struct sahifa_article *a, struct sahifa_error *err);

/* ---- dedup ---------------------------------------------------------------------- */

#define SAHIFA_MINHASH_BANDS 14
#define SAHIFA_MINHASH_ROWS 8
#define SAHIFA_MINHASH_HASHES (SAHIFA_MINHASH_BANDS * SAHIFA_MINHASH_ROWS)
#define SAHIFA_SHINGLE_WORDS 5
#define SAHIFA_DEDUP_DEFAULT_THRESHOLD 0.8

/* The shard a signature file is made for (a sharded convert's sidecar says it): the
 * run's fingerprint, share k of n, and the SHA-256 of the shard's records file. */
struct sahifa_dedup_shard {
	char run[65];
	unsigned k, n;
	char records_sha256[65];
};

struct sahifa_dedup_options {
	unsigned threads;                /* 0: one per online core */
	double threshold;                /* estimated Jaccard for a near duplicate; 0: default */
	const char *previous;            /* a release folder or archive made by pack, or NULL */
	const char *output;              /* kept records (JSONL), "-" for stdout */
	const char *drops;               /* drops (JSONL) */
	/* The per-shard phase of a cluster run.  sign: write only the signature file of
	 * the inputs there (what the decision needs of each record, about 0.5 KB); shard:
	 * whose shard the inputs are (NULL: any records, a run of one share).  signatures:
	 * read these files (all shares of one run, any order) in place of signing; the
	 * inputs must then be those records, shard 0 first (what sahifa merge writes), and
	 * the result is the one signing them here gives.  All borrowed. */
	const char *sign;
	const struct sahifa_dedup_shard *shard;
	const char *const *signatures;
	size_t n_signatures;
};

struct sahifa_dedup_summary {
	unsigned long long records;      /* read = kept + exact + near */
	unsigned long long kept;
	unsigned long long exact;        /* exact_duplicate drops */
	unsigned long long near;         /* near_duplicate drops */
	unsigned long long previous;     /* of the drops, those whose kept copy is in --previous */
	unsigned long long previous_records; /* records read from --previous */
	unsigned long long clusters;     /* clusters of two or more records */
	size_t bytes_per_record;         /* index memory per record, previous ones included */
};

/* The signature of a match key: the minimum over its word 5-grams (fewer words: the
 * whole key) of SAHIFA_MINHASH_HASHES hash functions, each cut to 32 bits.  A key with
 * no words gets all 0xffffffff. */
void sahifa_minhash(const char *key, size_t len, uint32_t sig[SAHIFA_MINHASH_HASHES]);
/* The share of equal positions of two signatures: the estimated Jaccard similarity. */
double sahifa_minhash_similarity(const uint32_t *a, const uint32_t *b);

/* Keep one record of each cluster: the earliest published (records without a date
 * after all dated ones), then the smallest id; a record of --previous always wins
 * (it is not written again; its duplicates are dropped).  With opts->sign, only the
 * signature file is written (summary->records counts the records signed).  A signature
 * file that is not whole, not of this version and parameters, or not of the same run
 * as the others, a share given twice or missing, and records that are not those
 * signed fail with SAHIFA_ERR_DATA and path:line (the header) or path@offset (the
 * entries) before anything is written. */
enum sahifa_status sahifa_dedup_run(const struct sahifa_dedup_options *opts,
				    const char *const *inputs, size_t n_inputs,
				    struct sahifa_dedup_summary *summary, struct sahifa_error *err);

/* ---- filter --------------------------------------------------------------------- */

struct sahifa_filter_rules;  /* opaque thresholds */

/* The thresholds of a preset ("gopher", "c4", "fineweb2"), then those of a file
 * (path may be NULL), which replace a preset's bound on the same signal, script and
 * side.  File lines: "[SCRIPT] SIGNAL >= VALUE" or "<=", '#' comments; SCRIPT is an
 * ISO 15924 code or "*" (any; the default).  Errors name path:line. */
enum sahifa_status sahifa_filter_rules_new(const char *preset, const char *path,
					   struct sahifa_filter_rules **out,
					   struct sahifa_error *err);
void sahifa_filter_rules_free(struct sahifa_filter_rules *r);
/* Append the thresholds as a thresholds file (for --print-thresholds and the docs). */
enum sahifa_status sahifa_filter_rules_print(const struct sahifa_filter_rules *r,
					     struct sahifa_buf *out);

struct sahifa_filter_options {
	const struct sahifa_filter_rules *rules;
	unsigned threads;                /* 0: one per online core */
	const char *output;
	const char *drops;
};

struct sahifa_filter_summary {
	unsigned long long records, kept, dropped;
	unsigned long long computed;     /* records without quality, computed here */
};

enum sahifa_status sahifa_filter_run(const struct sahifa_filter_options *opts,
				     const char *const *inputs, size_t n_inputs,
				     struct sahifa_filter_summary *summary,
				     struct sahifa_error *err);

/* ---- rules learn ---------------------------------------------------------------- */

#define SAHIFA_LEARN_DEFAULT_MIN_DOCS 5
#define SAHIFA_LEARN_DEFAULT_MIN_SHARE 0.2

struct sahifa_learn_options {
	unsigned threads;                /* 0: one per online core */
	unsigned long long min_docs;     /* 0: the default */
	double min_share;                /* of the site's documents; 0: the default */
	const char *output;              /* the rules file */
};

struct sahifa_learn_summary {
	unsigned long long records, sites, rules;
};

/* Count, per site (the host of url, else the archive or folder the record came
 * from), the documents each line occurs in (headline, headings, paragraphs, captions
 * and removed lines, compared by their match key); write those seen in at least
 * min_docs documents and min_share of the site's documents as "line" rules, grouped
 * by site, each under a comment with its document count. */
enum sahifa_status sahifa_rules_learn(const struct sahifa_learn_options *opts,
				      const char *const *inputs, size_t n_inputs,
				      struct sahifa_learn_summary *summary,
				      struct sahifa_error *err);

#ifdef __cplusplus
}
#endif
#endif
