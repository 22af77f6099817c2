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

/* Declared uncompressed bytes per byte of archive, past SAHIFA_ARCHIVE_RATIO_FROM bytes:
 * text compresses some 3-10 times, long runs of one byte a thousand times and more.
 * Past this ratio an archive is a decompression bomb, stopped before it is inflated. */
#define SAHIFA_MAX_ARCHIVE_RATIO 1000
#define SAHIFA_ARCHIVE_RATIO_FROM ((unsigned long long)256 << 20)

/* Work one user pattern (validate --schema, a Table Schema) may do on one value: ICU
 * match-engine steps (each on the order of a millisecond) and backtracking stack.  A
 * pattern such as "^(a+)+$" otherwise runs for minutes on 34 characters. */
#define SAHIFA_REGEX_TIME_STEPS 2000
#define SAHIFA_REGEX_STACK_BYTES (1 << 20)

/* Schema nodes validate may apply to one value: a record touches some thousands, while
 * nested anyOf or $ref chains can fan out exponentially. */
#define SAHIFA_SCHEMA_MAX_STEPS 1000000ULL

/* Directory nesting followed by the input walker: stops symlink loops. */
#define SAHIFA_MAX_DIR_DEPTH 64

/* Lines in a rules file, and bytes in one rule phrase. */
#define SAHIFA_MAX_RULES 10000
#define SAHIFA_MAX_RULE_BYTES 1024

/* One CSV field and one CSV record when reading CSV back. */
#define SAHIFA_MAX_CSV_FIELD_BYTES ((size_t)16 << 20)

/* Default hard cap of a struct sahifa_buf created with max 0. */
#define SAHIFA_BUF_DEFAULT_MAX ((size_t)256 << 20)

/* The stream buffer of an output file (sahifa_outfile): records of a few KB go to
 * the file a buffer at a time, not one write call each.  A small one stays in the
 * cache: the bytes waiting in a 256 KiB one took the room of language ID's tables. */
#define SAHIFA_OUTFILE_BUFFER_BYTES ((size_t)32 << 10)

/* Inputs convert holds at once in its ring (read, being converted, or converted and
 * waiting for the ones before them to be written); with the article limit above it
 * bounds convert's memory.  It is deep enough that the other threads stay busy while
 * one converts an input a few hundred times the size of those around it (64 left a
 * thread idle behind a 700 KB article among 3 KB ones). */
#define SAHIFA_CONVERT_RING 256

/* Raw bytes of input the ring holds at once: it is full at whichever of the two limits
 * comes first, so a run of large articles does not multiply memory. */
#define SAHIFA_CONVERT_RING_BYTES ((size_t)64 << 20)

/* JSONL rows validate parses and checks in parallel at once: a batch closes at whichever
 * of the two limits comes first (a single longer line still makes a batch of one). */
#define SAHIFA_VALIDATE_BATCH 1024
#define SAHIFA_VALIDATE_BATCH_BYTES ((size_t)4 << 20)

/* Records the corpus stage (dedup, filter, rules learn) parses in parallel at once: a
 * batch closes at whichever of the two limits comes first. */
#define SAHIFA_CORPUS_BATCH 256
#define SAHIFA_CORPUS_BATCH_BYTES ((size_t)16 << 20)

/* One header line of a dedup signature file (sahifa dedup --sign): its longest is a
 * 64-digit hash and a keyword, so a longer line is not such a file; reading it stops
 * there instead of taking a binary file's bytes for a header. */
#define SAHIFA_MAX_SIGNATURE_LINE_BYTES 256
/* HTML pages (src/html/).  Bytes of one decoded page handed to the parser (a legacy
 * charset can double the raw size in UTF-8); elements and text nodes in one page (a
 * news page has a few thousand; each costs libxml2 ~100 bytes); the depth of the tree
 * the extractor keeps (deeper elements hang on their ancestor at this depth, so
 * nothing is lost and no walk goes deeper). */
#define SAHIFA_MAX_HTML_BYTES ((size_t)32 << 20)
#define SAHIFA_MAX_HTML_NODES 1100000u
#define SAHIFA_MAX_HTML_DEPTH 256u
/* ---- WARC input (src/io/warc.c, src/io/http.c) ---- */

/* One WARC record header (named fields up to the blank line), and one HTTP response
 * head inside a record.  Real ones are under 4 KiB; longer ones are hostile. */
#define SAHIFA_MAX_WARC_HEADER_BYTES ((size_t)64 << 10)
#define SAHIFA_MAX_HTTP_HEADER_BYTES ((size_t)64 << 10)

/* The first bytes of an archive member held to tell whether it is a compressed WARC
 * (.warc.zst, .warc.bz2, ...): the member cannot be opened again, so its start is read
 * until the first decompressed bytes show.  A zstd block is at most 128 KiB and a
 * bzip2 block about 900 kB, so a real one shows well within; a member whose first
 * 1 MiB yields nothing is read as what it is (--format warc still reads it as a WARC). */
#define SAHIFA_MAX_WARC_SNIFF_BYTES ((size_t)1 << 20)

/* A plain WARC read from a stream that cannot seek (stdin, a pipe, an archive member)
 * keeps a record's block up to this many bytes, so that a Content-Length too long is
 * searched again from the block's start as in a file; a longer block is not kept and
 * a lying length then swallows the records it covers.  Most records are far smaller;
 * this is the article limit, so every block that could become an article is kept. */
#define SAHIFA_MAX_WARC_REWIND_BYTES ((size_t)16 << 20)

/* A WARC record's declared Content-Length: past this the number is not a length. */
#define SAHIFA_MAX_WARC_CONTENT_LENGTH ((unsigned long long)1 << 40)

/* An HTTP body after Transfer-Encoding and Content-Encoding are undone is an article's
 * raw bytes (SAHIFA_MAX_ARTICLE_BYTES); a body that inflates past it is a
 * decompression bomb and the record is rejected without inflating further. */

/* ---- release archives (src/release/deflate_gzip.c, src/release/zstd_write.c) ---- */

/* A .tar.gz is written as gzip members of this many bytes of tar each (libdeflate
 * compresses whole buffers).  Each member starts without the previous one's window:
 * 1 MiB pieces cost about 0.1% of size against one member, and hold 2 MiB in memory. */
#define SAHIFA_GZIP_MEMBER_BYTES ((size_t)1 << 20)

/* A .tar.zst's zstd window (src/release/zstd_write.c) is at most 2^this bytes: as far
 * back as a match may reach, and what pack and every reader of the release hold in
 * memory.  Past 27 the zstd program and libzstd's default decoder (libarchive's reader
 * among them) refuse the frame without --long or a raised limit.  25 (32 MiB), not 27:
 * on the 50x saudinewsnet release 2^27 gave 20.2 MB and 1.8 s of compression against
 * 23.7 MB and 1.9 s at 2^25, for 151 MB of peak memory in pack (and 246 MB in
 * validate) against 24 MB and 119 MB. */
#define SAHIFA_ZSTD_WINDOW_LOG_MAX 25

#endif
