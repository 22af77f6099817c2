/*
 * Named sanity limits.  Each bounds memory or work on hostile input; each has a test
 * that hits it (tests/scripts/limits.sh, tests/scripts/hostile.sh, the hostile corpus
 * of tests/scripts/convert.sh, tests/unit), and limits.sh fails on a limit that no
 * test names.  Raise one only with a reason.
 */
#ifndef SAHIFA_LIMITS_H
#define SAHIFA_LIMITS_H

/* One article's raw bytes.  A news page is well under 1 MiB; 16 MiB leaves room for
 * long reports while keeping -j N workers' memory bounded (N x 16 MiB x small factor). */
#define SAHIFA_MAX_ARTICLE_BYTES ((size_t)16 << 20)

/* One line of an article.  Longer lines are not prose: minified markup, base64, or a
 * file with no line breaks at all. */
#define SAHIFA_MAX_LINE_BYTES ((size_t)1 << 20)

/* Lines in one article: a bound on the per-line tables the segmenter keeps. */
#define SAHIFA_MAX_ARTICLE_LINES 200000

/* One JSONL line (one record).  A record is about 2-3x its article (escaping, removed
 * lines kept), so this fits any article that convert accepts. */
#define SAHIFA_MAX_JSONL_LINE_BYTES ((size_t)64 << 20)

/* Nesting depth of a JSON value; our records nest 6 deep.  Deeper input is hostile
 * (stack exhaustion in recursive parsers and validators). */
#define SAHIFA_MAX_JSON_DEPTH 64

/* Members read from one archive: bounds the work a tiny zip of empty entries can cause. */
#define SAHIFA_MAX_ARCHIVE_MEMBERS 1000000

/* Uncompressed bytes read from one archive in all: a decompression-bomb guard. */
#define SAHIFA_MAX_ARCHIVE_TOTAL_BYTES ((unsigned long long)64 << 30)

/* Directory nesting followed by the input walker: stops symlink loops. */
#define SAHIFA_MAX_DIR_DEPTH 64

/* Lines in a rules file, and bytes in one rule phrase. */
#define SAHIFA_MAX_RULES 10000
#define SAHIFA_MAX_RULE_BYTES 1024

/* One CSV field and one CSV record when reading CSV back. */
#define SAHIFA_MAX_CSV_FIELD_BYTES ((size_t)16 << 20)

/* Default hard cap of a struct sahifa_buf created with max 0. */
#define SAHIFA_BUF_DEFAULT_MAX ((size_t)256 << 20)

/* Articles handed to the worker threads at once by convert; with the article limit
 * above it bounds convert's memory. */
#define SAHIFA_CONVERT_BATCH 64

/* Raw bytes handed to the worker threads at once: a batch closes at whichever of the
 * two limits comes first, so a run of large articles does not multiply memory. */
#define SAHIFA_CONVERT_BATCH_BYTES ((size_t)64 << 20)

/* JSONL rows validate parses and checks in parallel at once: a batch closes at whichever
 * of the two limits comes first (a single longer line still makes a batch of one). */
#define SAHIFA_VALIDATE_BATCH 1024
#define SAHIFA_VALIDATE_BATCH_BYTES ((size_t)4 << 20)

#endif
