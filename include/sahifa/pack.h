/*
 * pack: article records (JSONL) -> one versioned, reproducible release archive
 * NAME-X.Y.Z.tar.gz (or .zip, .tar.zst) holding the records in JSONL shards per split,
 * the same content as two CSV tables, manifest.json, datapackage.json, the schemas,
 * a dataset card (README.md), chart.svg and, against a previous release, CHANGES.md.
 *
 * The archive's bytes depend only on the inputs' records and the options: records
 * are ordered by split and id, members sorted, every timestamp is
 * opts->source_date_epoch.  Nothing partial is left: the archive is written under a
 * temporary name and renamed at the end; intermediate files are unlinked as soon as
 * they are created.  Memory grows with the number of records (an index of about 100
 * bytes each) and the largest record, not with the corpus.
 */
#ifndef SAHIFA_PACK_H
#define SAHIFA_PACK_H

#include <stddef.h>
#include <stdint.h>
#include "sahifa/error.h"

#ifdef __cplusplus
extern "C" {
#endif

enum sahifa_pack_format {
	SAHIFA_PACK_TAR_GZ = 0,
	SAHIFA_PACK_ZIP,
	SAHIFA_PACK_TAR_ZST
};

enum sahifa_split {
	SAHIFA_SPLIT_TRAIN = 0,
	SAHIFA_SPLIT_VALIDATION,
	SAHIFA_SPLIT_TEST,
	SAHIFA_SPLIT_COUNT
};

#define SAHIFA_PACK_NAME_MAX 100             /* bytes of a release name */
#define SAHIFA_SEMVER_MAX 128                /* bytes of a version string */
#define SAHIFA_PACK_DEFAULT_SHARD ((unsigned long long)256 << 20)
#define SAHIFA_PACK_DEFAULT_LICENSE "unknown"

struct sahifa_pack_options {
	const char *name;                    /* [a-z0-9][a-z0-9._-]*, at most NAME_MAX */
	const char *version;                 /* semver X.Y.Z[-prerelease] */
	const char *license;                 /* SPDX id; NULL: SAHIFA_PACK_DEFAULT_LICENSE */
	const char *outdir;                  /* created when missing (one level) */
	enum sahifa_pack_format format;
	unsigned weights[SAHIFA_SPLIT_COUNT]; /* split weights; all 0 means all train */
	unsigned long long shard_size;       /* bytes per JSONL shard; 0: the default */
	const char *previous;                /* the previous release archive, or NULL */
	int force;                           /* pack despite a too-small bump; replace the archive */
	long long source_date_epoch;         /* every timestamp in the release (seconds, UTC) */
	int created_from_inputs;             /* ignore source_date_epoch: every timestamp is the
					      * newest date the records carry (published,
					      * modified, WARC-Date), 0 when none has one */
	int spreadsheet_csv;                 /* CSVs for spreadsheets: BOM, formula-guarded cells
					      * (src/release/csv_write.h); the default is faithful */
};

struct sahifa_pack_summary {
	char archive[SAHIFA_ERROR_PATH_MAX]; /* the path written */
	unsigned long long lines;            /* records read */
	unsigned long long bad_lines;        /* rejected lines (reported through diag) */
	unsigned long long articles;         /* records packed */
	unsigned long long duplicates;       /* records dropped as duplicates */
	unsigned long long by_split[SAHIFA_SPLIT_COUNT];
	unsigned long long added, removed, modified; /* against --previous */
	char bump[8];                        /* "major", "minor", "patch", "none" or "" */
};

/* Pack the JSONL files inputs[0..n) (regular files; they are read twice).  Every bad
 * line (not JSON, not a record, invalid UTF-8, longer than SAHIFA_MAX_JSONL_LINE_BYTES)
 * is reported through diag with its path:line, then SAHIFA_ERR_DATA is returned and
 * nothing is written.  A wrong option, an existing archive without force, a version
 * that is not above the previous one or below the bump the changes call for (without
 * force) fail with SAHIFA_ERR_USAGE; I/O errors with SAHIFA_ERR_IO. */
enum sahifa_status sahifa_pack_run(const struct sahifa_pack_options *opts,
				   const char *const *inputs, size_t n,
				   sahifa_diag_fn diag, void *diag_ctx,
				   struct sahifa_pack_summary *summary, struct sahifa_error *err);

/* Semantic versions (semver.org 2.0.0 without build metadata). */
struct sahifa_semver {
	unsigned long long major, minor, patch;
	char pre[SAHIFA_SEMVER_MAX];         /* prerelease without the '-', "" when none */
};
/* 0 when s is a valid version (no leading zeros, identifiers [0-9A-Za-z-]), else -1. */
int sahifa_semver_parse(const char *s, struct sahifa_semver *out);
/* <0, 0, >0 by semver precedence. */
int sahifa_semver_compare(const struct sahifa_semver *a, const struct sahifa_semver *b);

/* "train", "validation", "test". */
const char *sahifa_split_name(enum sahifa_split split);
/* Parse "train=98,validation=1,test=1" (any subset, integer weights, sum > 0);
 * 0 ok, -1 bad.  Splits not named get weight 0. */
int sahifa_pack_parse_splits(const char *s, unsigned weights[SAHIFA_SPLIT_COUNT]);
/* Parse a size with an optional K, M or G suffix (powers of 1024); 0 ok, -1 bad or 0. */
int sahifa_pack_parse_size(const char *s, unsigned long long *out);
/* The split of an article: the first 8 bytes of SHA-256(id), big-endian, mod 10000,
 * against the cumulative weights scaled to 10000.  Stable across releases. */
enum sahifa_split sahifa_pack_split_of(const char *id, const unsigned weights[SAHIFA_SPLIT_COUNT]);
/* The Hugging Face hub's id of an SPDX licence id (case-insensitive; -only, -or-later
 * and + dropped; ODbL-1.0 -> odbl ...) into out (at least 72 bytes); 0 ok, -1 when the
 * hub has no such id. */
int sahifa_pack_hub_license(const char *spdx, char *out, size_t size);
/* The hub's ids pack accepts, sorted; *n gets their number.  Static storage. */
const char *const *sahifa_pack_hub_licenses(size_t *n);
/* 1 when name is a valid release name, else 0. */
int sahifa_pack_name_ok(const char *name);

#ifdef __cplusplus
}
#endif
#endif
