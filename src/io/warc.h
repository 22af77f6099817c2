/*
 * Reading WARC files (WARC/1.0 and WARC/1.1) record by record as a stream
 * (src/io/warc.c): a plain .warc, a .warc.gz (one gzip member per record, read through
 * src/io/zlib_inflate.c so that a record's offset is its member's start), or any
 * other compressed stream libarchive's filters read (.warc.zst, ...; offsets are then
 * into the decompressed bytes).  Memory is one record header and a read buffer,
 * whatever the file's size; a record's block is read by the caller piece by piece.
 *
 * The bytes come from a file descriptor, or from a read callback for a WARC that is a
 * member of a tar/zip/... archive (offsets are then into the member's own bytes).
 *
 * Used by the input walker (src/io/input.c); no third-party header here.
 */
#ifndef SAHIFA_IO_WARC_H
#define SAHIFA_IO_WARC_H

#include <stddef.h>
#include <stdint.h>
#include "sahifa/error.h"
#include "io/source.h"

struct sahifa_warc_reader;

enum sahifa_warc_source { SAHIFA_WARC_PLAIN = 0, SAHIFA_WARC_GZIP, SAHIFA_WARC_FILTERED };

/* Open path ("-" means stdin, plain or gzip only).  prefix: bytes already read from
 * fd (fd >= 0 for PLAIN and GZIP; not owned); FILTERED opens path itself.  Errors
 * have no path. */
enum sahifa_status shf_warc_open(const char *path, int fd, enum sahifa_warc_source src,
				    const void *prefix, size_t prefix_len,
				    struct sahifa_warc_reader **out, struct sahifa_error *err);
/* The same over a read callback (a WARC that is an archive member): offsets are into
 * the bytes rd gives.  prefix serves PLAIN and GZIP as above; FILTERED reads rd from
 * its first byte, so a caller that sniffed bytes replays them through rd. */
enum sahifa_status shf_warc_open_fn(shf_read_fn rd, void *rd_ctx, enum sahifa_warc_source src,
				       const void *prefix, size_t prefix_len,
				       struct sahifa_warc_reader **out, struct sahifa_error *err);
void shf_warc_close(struct sahifa_warc_reader *r);

/* One record's header; strings point into the reader and stay valid until the next
 * shf_warc_next.  Absent fields are NULL. */
struct sahifa_warc_record {
	uint64_t offset;           /* of "WARC/": its gzip member's start for a .warc.gz */
	const char *version;       /* "1.0", "1.1" */
	const char *type;          /* WARC-Type, e.g. "response" */
	const char *record_id;     /* WARC-Record-ID */
	const char *date;          /* WARC-Date */
	const char *target_uri;    /* WARC-Target-URI */
	const char *content_type;  /* Content-Type of the block */
	uint64_t length;           /* Content-Length of the block */
};

/* The next record's header.  Returns 1 with rec filled, 0 at the end of the file, or
 * -1: a malformed or truncated stretch at shf_warc_error_offset(r) (err filled
 * without a path, SAHIFA_ERR_DATA or SAHIFA_ERR_LIMIT; reading resumes at the next
 * record header found), or a fatal error (err's status SAHIFA_ERR_IO/NOMEM: stop). */
int shf_warc_next(struct sahifa_warc_reader *r, struct sahifa_warc_record *rec,
		     struct sahifa_error *err);

/* Up to size bytes of the current record's block: the count, 0 at its end, -1 when the
 * block is cut short (the file ends, its gzip member ends before the declared length,
 * or the data is corrupt; err filled). */
long long shf_warc_block_read(struct sahifa_warc_reader *r, void *buf, size_t size,
				 struct sahifa_error *err);

/* Finish the current record: skip what is left of its block and check the blank lines
 * that end it.  SAHIFA_ERR_DATA when the record was cut short or its Content-Length
 * does not end at a record boundary (reading then resumes at the next header found). */
enum sahifa_status shf_warc_end(struct sahifa_warc_reader *r, struct sahifa_error *err);

/* Where the last -1 of shf_warc_next happened (a record's or stray bytes' offset). */
uint64_t shf_warc_error_offset(const struct sahifa_warc_reader *r);

/* Bytes of the file (compressed) consumed so far, for progress. */
uint64_t shf_warc_tell(const struct sahifa_warc_reader *r);

/* 1 when head (a file's first bytes, decompressed) begins a WARC file. */
int shf_warc_sniff(const unsigned char *head, size_t len);

#endif
