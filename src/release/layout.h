/*
 * The layout of a release: the facts that pack writes and validate reads, written once.
 * validate/ may include this header (and only this one) from release/; it declares
 * nothing that needs a third-party library.
 *
 *   NAME-X.Y.Z/manifest.json, datapackage.json, README.md, chart.svg, CHANGES.md
 *   NAME-X.Y.Z/schema/...          the schemas in force
 *   NAME-X.Y.Z/data/SPLIT-NNNNN-of-MMMMM.jsonl   the records, NNNNN < MMMMM
 *   NAME-X.Y.Z/data/articles.csv, data/paragraphs.csv
 */
#ifndef SAHIFA_RELEASE_LAYOUT_H
#define SAHIFA_RELEASE_LAYOUT_H

#include <stddef.h>
#include "sahifa/pack.h"

/* sahifa_split_name() (include/sahifa/pack.h) is defined in layout.c. */

/* The split named by s[0..len), or -1. */
int shf_layout_split_index(const char *s, size_t len);

/* The columns of data/articles.csv and data/paragraphs.csv, in order. */
#define SHF_LAYOUT_ARTICLES_COLUMNS 25
#define SHF_LAYOUT_PARAGRAPHS_COLUMNS 11
extern const char *const shf_layout_articles_columns[SHF_LAYOUT_ARTICLES_COLUMNS];
extern const char *const shf_layout_paragraphs_columns[SHF_LAYOUT_PARAGRAPHS_COLUMNS];
/* Index of the lang_confidence column of articles.csv (pack rounds it). */
#define SHF_LAYOUT_ARTICLES_CONFIDENCE 6

/* Shards: data/<split>-NNNNN-of-MMMMM.jsonl, 0 <= index < count <= 99999. */
#define SHF_LAYOUT_SHARD_MAX 99999
/* Write the shard name into buf (size bytes); 0, or -1 when it does not fit or the
 * index and count are out of range. */
int shf_layout_shard_name(char *buf, size_t size, enum sahifa_split split, size_t index,
			     size_t count);
/* The split of member path rel when it is a shard name (index and count, may be NULL,
 * receive its numbers); -1 when rel is directly under data/ but not a shard name
 * (digits only, no sign or space), -2 when it is not directly under data/. */
int shf_layout_shard_parse(const char *rel, size_t *index, size_t *count);

/* Bytes read from a file or an archive member at once. */
#define SHF_LAYOUT_READ_CHUNK ((size_t)1 << 20)
/* manifest.json, datapackage.json and table schemas are read whole, up to this. */
#define SHF_LAYOUT_META_MAX ((size_t)64 << 20)

#endif
