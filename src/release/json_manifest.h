/*
 * The JSON that pack writes besides the records (src/release/json_manifest.c, cJSON):
 * manifest.json and datapackage.json, and reading back the fields of a previous
 * release's manifest.json that pack compares against.
 *
 * The structs below describe a release; all their pointers are borrowed.
 */
#ifndef SAHIFA_JSON_MANIFEST_H
#define SAHIFA_JSON_MANIFEST_H

#include <stddef.h>
#include "sahifa/buf.h"
#include "sahifa/error.h"
#include "sahifa/pack.h"

struct sahifa_tally {                  /* one "key": count pair, e.g. by_lang */
	char key[16];
	unsigned long long n;
};

struct sahifa_release_file {
	const char *path;                  /* relative to NAME-X.Y.Z/ */
	unsigned long long bytes;
	long long rows;                    /* data rows; -1 for null */
	char sha256[65];
};

struct sahifa_release_dup {
	char dropped[33];
	char kept[33];
};

struct sahifa_release {
	const char *name, *version, *schema_version, *created, *license;
	const char *hub_license;           /* the licence id the card gives the hub */
	int spreadsheet_csv;               /* the CSVs have a BOM and formula-guarded cells */
	const unsigned *weights;           /* [SAHIFA_SPLIT_COUNT] */
	unsigned long long articles, paragraphs, characters, words;
	const struct sahifa_tally *by_lang, *by_script;  /* sorted by key */
	size_t n_lang, n_script;
	const unsigned long long *by_split;              /* [SAHIFA_SPLIT_COUNT] */
	const struct sahifa_release_dup *dups;
	size_t n_dups;
	const struct sahifa_release_file *files;         /* sorted by path */
	size_t n_files;
};

/* manifest.json, pretty-printed, ending in a newline. */
enum sahifa_status shf_manifest_to_json(const struct sahifa_release *r, struct sahifa_buf *out,
					   struct sahifa_error *err);
/* datapackage.json over the files under data/ (the CSVs point at their table schemas). */
enum sahifa_status shf_datapackage_to_json(const struct sahifa_release *r,
					      struct sahifa_buf *out, struct sahifa_error *err);

struct sahifa_manifest_info {
	char name[SAHIFA_PACK_NAME_MAX + 1];
	char version[SAHIFA_SEMVER_MAX];
	char schema_version[SAHIFA_SEMVER_MAX];
};
/* Read name, version and schema_version of a manifest.json; a missing or mistyped
 * field fails with SAHIFA_ERR_DATA. */
enum sahifa_status shf_manifest_read(const char *json, size_t len,
					struct sahifa_manifest_info *info, struct sahifa_error *err);

#endif
