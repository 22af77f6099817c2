/*
 * Walking convert's inputs (src/io/input.c): files, directories (recursive, entries in
 * byte-wise sorted order), "-" for stdin, and archives (recognised by their first
 * bytes, read member by member through src/io/archive_read.c without unpacking).
 *
 * Every input ends in exactly one call of the item callback: either with its bytes or
 * with the error that kept it from being read (too large, unreadable, an unsafe
 * archive member name, ...), so that the consumer turns each into a record or a
 * reported reject, in input order.
 */
#ifndef SAHIFA_INPUT_H
#define SAHIFA_INPUT_H

#include <stddef.h>
#include "sahifa/error.h"

#ifdef __cplusplus
extern "C" {
#endif

struct sahifa_warc_ref;

struct sahifa_input_item {
	const char *name;                  /* the path as given or found in a directory; "-" for stdin */
	const char *member;                /* archive member, or NULL */
	const unsigned char *data;         /* NULL when error is set */
	size_t len;
	const struct sahifa_error *error;  /* non-NULL: this input could not be read */
	/* What a container knows of the bytes besides themselves (a WARC record's HTTP
	 * headers); NULL when unknown. */
	const char *content_type;          /* media type, e.g. "text/html" */
	const char *declared_charset;      /* charset the transport declared */
	const struct sahifa_warc_ref *warc; /* the WARC record the bytes came from */
	/* Non-NULL: the input is not an article by design (a WARC request record, a
	 * non-HTML response, ...): the reason, a short word in static storage.  Counted
	 * per reason, never a reject; data and error are NULL. */
	const char *skip;
	/* Non-zero: the bytes are a whole file, the one of device dev and inode ino as
	 * the walker opened it (so that a caller need not stat the name again). */
	int file_id;
	unsigned long long dev, ino;
};

/* Borrowed pointers are valid only during the call.  Return SAHIFA_OK to go on;
 * any other status stops the walk and is returned by sahifa_input_walk. */
typedef enum sahifa_status (*sahifa_input_fn)(void *ctx, const struct sahifa_input_item *item);

/* Walk paths in the order given.  A path that does not exist or cannot be opened is
 * delivered as an item with an error, not a fatal error; fatal is only out of memory
 * or the callback's own stop.
 *
 * Directories: entries whose name starts with '.' are skipped (dot-files, .git and
 * the like are no articles); symbolic links are followed, a link back to a directory
 * being walked is an error item, and nesting stops at SAHIFA_MAX_DIR_DEPTH.  A pipe or
 * device given by name is read; one found in a directory is an error item.
 * Archives: only regular members become items; an unsafe member name (absolute, or
 * with "..") or a member over SAHIFA_MAX_ARTICLE_BYTES is an error item naming
 * archive!member; a corrupt archive or one over a limit of archive_read.h ends in one
 * error item for the archive after the members read so far; an archive without a
 * regular member is one error item.  An archive on stdin is read from memory and so is
 * bound by SAHIFA_MAX_ARTICLE_BYTES.  Items over SAHIFA_MAX_ARTICLE_BYTES are error
 * items; at most that limit plus one byte is ever read into memory. */
enum sahifa_status sahifa_input_walk(const char *const *paths, size_t n, sahifa_input_fn fn,
				     void *ctx, struct sahifa_error *err);

/* ---- sharding: one share of the inputs for one of n machines (src/io/input_shard.c) ----
 * The unit of a share is a file given or found (a WARC file goes whole to one share),
 * or a member of a tar/zip/... archive (a WARC member goes whole too: its records
 * carry the member, and a member of another share is not read).  Unit "name" or "name!member" belongs to share
 * sahifa_input_shard_of(name, member, n): FNV-1a (64 bits) of that string, mixed by
 * splitmix64's finalizer, mod n.  So the shares of one input list are disjoint, their union is the
 * whole, and they depend only on the paths as given, never on the machine.  Items that
 * stand for a unit (an error item, an archive-level error) follow the same rule. */
struct sahifa_sha256;
struct sahifa_input_shard {
	unsigned k, n;                      /* this share: 0 <= k < n */
	/* NULL, or hashed with every path the walk meets (given, or found in a
	 * directory) and its size, in walk order, whichever share it belongs to: two walks
	 * over the same tree hash the same bytes.  Borrowed. */
	struct sahifa_sha256 *fingerprint;
};

unsigned sahifa_input_shard_of(const char *name, const char *member, unsigned n);

/* ---- options: WARC detection and progress ---- */

enum sahifa_warc_mode {
	SAHIFA_WARC_AUTO = 0,   /* a file whose bytes (also inside .gz, .zst, ...) begin "WARC/1." */
	SAHIFA_WARC_ALWAYS,     /* every file given or found is read as a WARC */
	SAHIFA_WARC_NEVER       /* no file is read as a WARC */
};

/* Where a walk is, after each item.  For a WARC file, done and total are its
 * compressed bytes read and its size (0 when not known); bytes counts all inputs'
 * bytes read so far (a WARC's compressed ones). */
struct sahifa_input_progress {
	const char *name;                  /* the file being read */
	unsigned long long items;          /* items delivered so far, skips included */
	unsigned long long done, total;
	unsigned long long bytes;
};
typedef void (*sahifa_progress_fn)(void *ctx, const struct sahifa_input_progress *p);

struct sahifa_input_options {
	enum sahifa_warc_mode warc;
	sahifa_progress_fn progress;       /* NULL: none */
	void *progress_ctx;
	const struct sahifa_input_shard *shard; /* NULL: every item; else only share k of n */
};

/* sahifa_input_walk with options (NULL: the defaults).  A WARC file yields one item
 * per record: a `response` with HTTP status 200 and an HTML type, or a `resource`
 * with an HTML type, is an item whose data is the HTTP body (chunks joined, gzip or
 * deflate inflated), with content_type, declared_charset and warc set; any other
 * record is a skip item (reason "warcinfo", "request", "metadata", "revisit",
 * "conversion", "continuation", "not-200", "not-html" or "other-type").  A truncated or
 * malformed record, a body over SAHIFA_MAX_ARTICLE_BYTES (before or after inflating),
 * or stray bytes are an error item whose path is "file@offset"; reading resumes at the
 * next record header found.  A member of an archive that is a WARC by the same test
 * (for a zstd, xz, bzip2, ... member, its first SAHIFA_MAX_WARC_SNIFF_BYTES held to
 * see) is read the same way as a stream from the member: its items have name and
 * member set, warc->file is "archive!member", offsets count the member's own bytes,
 * and error paths are "archive!member@offset".  Memory for a WARC is one record at a time: its HTTP head
 * and body up to the limit + 1 byte, and as much again for the body dechunked and for
 * it inflated; a record that is skipped is read through, never held. */
enum sahifa_status sahifa_input_walk_opts(const char *const *paths, size_t n,
					  const struct sahifa_input_options *opts,
					  sahifa_input_fn fn, void *ctx, struct sahifa_error *err);

#ifdef __cplusplus
}
#endif
#endif
