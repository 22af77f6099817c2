/*
 * Dedup signature files (src/corpus/dedup_internal.h): what sahifa dedup --sign
 * writes per shard and a run given --signatures reads in place of signing.
 *
 *   sahifa-dedup-signatures 1             format
 *   tool 0.1.0                            the version that signed
 *   minhash bands=14 rows=8 ...           the parameters the signatures depend on
 *   run HEX                               the sharded run (or the records' own hash)
 *   shard K/N
 *   records COUNT
 *   records_sha256 HEX                    of the signed lines, each with its newline
 *   entry_bytes 513
 *   COUNT entries of entry_bytes, little-endian, in the records' order
 *   checksum HEX                          SHA-256 of every byte before this line
 *
 * The header is text so that a person can read whose file it is (head -n 8); the
 * entries are binary, 513 bytes a record, half of what hex would take.  Problems in
 * the header are reported as path:line, in the entries as path@offset.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "corpus/corpus_internal.h"
#include "corpus/dedup_internal.h"
#include "sahifa/limits.h"
#include "sahifa/outfile.h"
#include "sahifa/sha256.h"
#include "sahifa/version.h"

#define SIG_MAGIC "sahifa-dedup-signatures"
#define SIG_FORMAT 1
#define SIG_HEADER_LINES 8
/* id, key, content, published, line hash, flags, the signature */
#define SIG_ENTRY_BYTES (16 + 16 + 16 + 8 + 8 + 1 + 4 * SAHIFA_MINHASH_HASHES)
#define SIG_CHECKSUM_BYTES (sizeof("checksum ") - 1 + 64 + 1)

/* The parameters a signature depends on, as the header's third line says them. */
static void sig_params(char *out, size_t size)
{
	snprintf(out, size, "minhash bands=%d rows=%d shingle=%d hash=multiply-shift seed=%llx",
		 SAHIFA_MINHASH_BANDS, SAHIFA_MINHASH_ROWS, SAHIFA_SHINGLE_WORDS,
		 (unsigned long long)DEDUP_SEED);
}

uint64_t dedup_line_hash(const char *line, size_t len)
{
	return corpus_hash64(line, len, 0x51C);
}

static void put64(unsigned char *p, uint64_t v)
{
	size_t i;

	for (i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get64(const unsigned char *p)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < 8; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

static void entry_encode(const struct dedup_entry *e, uint64_t line_hash, unsigned char *p)
{
	size_t i;

	memcpy(p, e->id, 16);
	memcpy(p + 16, e->key, 16);
	memcpy(p + 32, e->content, 16);
	put64(p + 48, e->published);
	put64(p + 56, line_hash);
	p[64] = e->empty ? 1 : 0;
	for (i = 0; i < SAHIFA_MINHASH_HASHES; i++) {
		uint32_t v = e->sig[i];

		p[65 + 4 * i] = (unsigned char)v;
		p[66 + 4 * i] = (unsigned char)(v >> 8);
		p[67 + 4 * i] = (unsigned char)(v >> 16);
		p[68 + 4 * i] = (unsigned char)(v >> 24);
	}
}

/* 0, or -1 when the flags byte is not one this format writes. */
static int entry_decode(const unsigned char *p, struct dedup_entry *e, uint64_t *line_hash)
{
	size_t i;

	memset(e, 0, sizeof(*e));
	memcpy(e->id, p, 16);
	memcpy(e->key, p + 16, 16);
	memcpy(e->content, p + 32, 16);
	e->published = get64(p + 48);
	*line_hash = get64(p + 56);
	if (p[64] > 1)
		return -1;
	e->empty = p[64];
	for (i = 0; i < SAHIFA_MINHASH_HASHES; i++)
		e->sig[i] = (uint32_t)p[65 + 4 * i] | (uint32_t)p[66 + 4 * i] << 8 |
			    (uint32_t)p[67 + 4 * i] << 16 | (uint32_t)p[68 + 4 * i] << 24;
	return 0;
}

/* ---- writing ------------------------------------------------------------------- */

static enum sahifa_status put(struct sahifa_outfile *o, struct sahifa_sha256 *h,
			      const void *data, size_t len, struct sahifa_error *err)
{
	enum sahifa_status st;

	if ((st = sahifa_sha256_update(h, data, len)))
		return sahifa_error_set(err, st, NULL, 0, 0, "sha-256 failed");
	return sahifa_outfile_write(o, data, len, err);
}

enum sahifa_status dedup_sig_write(const char *path, const struct dedup_sig_header *hd,
				   const struct dedup_entry *e, const uint64_t *line_hash,
				   size_t n, struct sahifa_error *err)
{
	struct sahifa_outfile o;
	struct sahifa_sha256 *h = sahifa_sha256_new();
	char params[128], head[1024], hex[65];
	unsigned char rec[SIG_ENTRY_BYTES];
	enum sahifa_status st;
	size_t i;
	int len;

	if (!h)
		return sahifa_error_nomem(err, NULL);
	sig_params(params, sizeof(params));
	len = snprintf(head, sizeof(head),
		       "%s %d\ntool %s\n%s\nrun %s\nshard %u/%u\nrecords %zu\n"
		       "records_sha256 %s\nentry_bytes %d\n",
		       SIG_MAGIC, SIG_FORMAT, SAHIFA_VERSION, params, hd->run, hd->k, hd->n, n,
		       hd->records_sha256, SIG_ENTRY_BYTES);
	if (len < 0 || (size_t)len >= sizeof(head)) {
		sahifa_sha256_free(h);
		return sahifa_error_set(err, SAHIFA_ERR_INTERNAL, path, 0, 0,
					"signature header too long");
	}
	if ((st = sahifa_outfile_open(&o, path, err))) {
		sahifa_sha256_free(h);
		return st;
	}
	st = put(&o, h, head, (size_t)len, err);
	for (i = 0; !st && i < n; i++) {
		entry_encode(&e[i], line_hash[i], rec);
		st = put(&o, h, rec, sizeof(rec), err);
	}
	if (!st && (st = sahifa_sha256_final(h, hex)))
		sahifa_error_set(err, st, NULL, 0, 0, "sha-256 failed");
	if (!st) {
		len = snprintf(head, sizeof(head), "checksum %s\n", hex);
		st = sahifa_outfile_write(&o, head, (size_t)len, err);
	}
	if (!st)
		st = sahifa_outfile_commit(&o, err);
	else
		sahifa_outfile_abort(&o);
	sahifa_sha256_free(h);
	return st;
}

/* ---- reading ------------------------------------------------------------------- */

static enum sahifa_status at_offset(struct sahifa_error *err, enum sahifa_status st,
				    const char *path, unsigned long long off, const char *msg)
{
	char where[SAHIFA_ERROR_PATH_MAX];

	snprintf(where, sizeof(where), "%s@%llu", path, off);
	return sahifa_error_set(err, st, where, 0, 0, "%s", msg);
}

/* One header line into line[] without its newline.  1 read, 0 at the end of the
 * file, -1 too long or not text (err filled). */
static int header_line(struct dedup_sig_file *f, long no,
		       char line[SAHIFA_MAX_SIGNATURE_LINE_BYTES + 1], unsigned long long *off,
		       struct sahifa_error *err)
{
	size_t n = 0;
	int c;

	while ((c = getc(f->fp)) != EOF) {
		(*off)++;
		if (c == '\n') {
			line[n] = '\0';
			return 1;
		}
		if (n == SAHIFA_MAX_SIGNATURE_LINE_BYTES || c == '\0') {
			sahifa_error_set(err, SAHIFA_ERR_DATA, f->path, no, 0,
					 c ? "header line longer than %d bytes: not a signature file"
					   : "a NUL byte in the header: not a signature file",
					 SAHIFA_MAX_SIGNATURE_LINE_BYTES);
			if (c)
				err->status = SAHIFA_ERR_LIMIT;
			return -1;
		}
		line[n++] = (char)c;
	}
	line[n] = '\0';
	return 0;
}

static int is_hex64(const char *s)
{
	size_t i;

	for (i = 0; i < 64; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s[64] == '\0';
}

/* Digits only, no sign, no leading zero, no overflow: 0 or -1 (one spelling of each
 * number, so that a file read and written again is the same bytes). */
static int parse_ull(const char *s, unsigned long long *v)
{
	char *end;

	if (*s < '0' || *s > '9' || (s[0] == '0' && s[1]))
		return -1;
	errno = 0;
	*v = strtoull(s, &end, 10);
	return errno || *end ? -1 : 0;
}

static enum sahifa_status parse_header(struct dedup_sig_file *f, struct sahifa_error *err)
{
	char line[SAHIFA_MAX_SIGNATURE_LINE_BYTES + 1], params[128];
	unsigned long long off = 0, v, k, n;
	struct dedup_sig_header *hd = &f->h;
	long no;
	int r;

	memset(hd, 0, sizeof(*hd));
	sig_params(params, sizeof(params));
	for (no = 1; no <= SIG_HEADER_LINES; no++) {
		const char *val;

		if ((r = header_line(f, no, line, &off, err)) < 0)
			return err->status;
		if (!r)
			return sahifa_error_set(err, SAHIFA_ERR_DATA, f->path, no, 0,
						no == 1 && !line[0] ? "empty: not a signature file"
						: "truncated: the header ends at line %ld of %d",
						no, SIG_HEADER_LINES);
		switch (no) {
		case 1:
			if (strncmp(line, SIG_MAGIC " ", sizeof(SIG_MAGIC)))
				return sahifa_error_set(err, SAHIFA_ERR_DATA, f->path, 1, 0,
							"not a sahifa dedup signature file");
			if (parse_ull(line + sizeof(SIG_MAGIC), &v) || v != SIG_FORMAT)
				return sahifa_error_set(err, SAHIFA_ERR_DATA, f->path, 1, 0,
							"signature format '%s', this sahifa reads %d",
							line + sizeof(SIG_MAGIC), SIG_FORMAT);
			break;
		case 2:
			if (strncmp(line, "tool ", 5) || strlen(line + 5) >= sizeof(hd->tool))
				return sahifa_error_set(err, SAHIFA_ERR_DATA, f->path, 2, 0,
							"no 'tool VERSION' line");
			memcpy(hd->tool, line + 5, strlen(line + 5) + 1);
			if (strcmp(hd->tool, SAHIFA_VERSION))
				return sahifa_error_set(err, SAHIFA_ERR_DATA, f->path, 2, 0,
							"from another version: sahifa %s signed it, this is %s",
							hd->tool, SAHIFA_VERSION);
			break;
		case 3:
			if (strcmp(line, params))
				return sahifa_error_set(err, SAHIFA_ERR_DATA, f->path, 3, 0,
							"signed with other parameters: '%s', this sahifa uses '%s'",
							line, params);
			break;
		case 4:
			if (strncmp(line, "run ", 4) || !is_hex64(line + 4))
				return sahifa_error_set(err, SAHIFA_ERR_DATA, f->path, 4, 0,
							"no 'run HEX' line (64 hex digits)");
			memcpy(hd->run, line + 4, 65);
			hd->run_line = no;
			break;
		case 5:
			val = line + 6;
			if (strncmp(line, "shard ", 6) || !strchr(val, '/'))
				return sahifa_error_set(err, SAHIFA_ERR_DATA, f->path, 5, 0,
							"no 'shard K/N' line");
			*strchr(line, '/') = '\0';
			if (parse_ull(val, &k) || parse_ull(val + strlen(val) + 1, &n) || !n ||
			    k >= n || n > UINT32_MAX)
				return sahifa_error_set(err, SAHIFA_ERR_DATA, f->path, 5, 0,
							"no 'shard K/N' line with K below N");
			hd->k = (unsigned)k;
			hd->n = (unsigned)n;
			hd->shard_line = no;
			break;
		case 6:
			if (strncmp(line, "records ", 8) || parse_ull(line + 8, &v) ||
			    v > UINT32_MAX)
				return sahifa_error_set(err, SAHIFA_ERR_DATA, f->path, 6, 0,
							"no 'records COUNT' line (at most %u)",
							(unsigned)UINT32_MAX);
			hd->records = v;
			hd->records_line = no;
			break;
		case 7:
			if (strncmp(line, "records_sha256 ", 15) || !is_hex64(line + 15))
				return sahifa_error_set(err, SAHIFA_ERR_DATA, f->path, 7, 0,
							"no 'records_sha256 HEX' line (64 hex digits)");
			memcpy(hd->records_sha256, line + 15, 65);
			break;
		case 8:
			if (strncmp(line, "entry_bytes ", 12) || parse_ull(line + 12, &v) ||
			    v != SIG_ENTRY_BYTES)
				return sahifa_error_set(err, SAHIFA_ERR_DATA, f->path, 8, 0,
							"entries of '%s' bytes, this sahifa reads %d",
							strncmp(line, "entry_bytes ", 12) ? line : line + 12,
							SIG_ENTRY_BYTES);
			break;
		}
	}
	hd->data_offset = off;
	return SAHIFA_OK;
}

enum sahifa_status dedup_sig_open(struct dedup_sig_file *f, const char *path,
				  struct sahifa_error *err)
{
	unsigned long long want, have, whole;
	enum sahifa_status st;
	struct stat sb;
	char msg[160];

	memset(f, 0, sizeof(*f));
	f->path = path;
	if (!(f->fp = fopen(path, "rb")))
		return sahifa_error_set(err, SAHIFA_ERR_IO, path, 0, 0, "cannot open: %s",
					strerror(errno));
	/* the checksum is taken when the entries are read (dedup_sig_read) */
	if ((st = parse_header(f, err)))
		goto fail;
	if (fstat(fileno(f->fp), &sb)) {
		st = sahifa_error_set(err, SAHIFA_ERR_IO, path, 0, 0, "cannot stat: %s",
				      strerror(errno));
		goto fail;
	}
	/* the size says it all before anything is allocated for the entries */
	want = f->h.records * SIG_ENTRY_BYTES + SIG_CHECKSUM_BYTES;
	have = (unsigned long long)sb.st_size - f->h.data_offset;
	if (have < want) {
		whole = have / SIG_ENTRY_BYTES;
		if (whole >= f->h.records)
			snprintf(msg, sizeof(msg), "truncated: all %llu records, no checksum",
				 f->h.records);
		else
			snprintf(msg, sizeof(msg), "truncated: %llu of the %llu records", whole,
				 f->h.records);
		st = at_offset(err, SAHIFA_ERR_DATA, path, (unsigned long long)sb.st_size, msg);
		goto fail;
	}
	if (have > want) {
		snprintf(msg, sizeof(msg), "%llu bytes after the checksum (two files in one?)",
			 have - want);
		st = at_offset(err, SAHIFA_ERR_DATA, path, f->h.data_offset + want, msg);
		goto fail;
	}
	return SAHIFA_OK;
fail:
	fclose(f->fp);
	f->fp = NULL;
	return st;
}

enum sahifa_status dedup_sig_read(struct dedup_sig_file *f, struct dedup_entry *e,
				  uint64_t *line_hash, struct sahifa_error *err)
{
	struct sahifa_sha256 *h = sahifa_sha256_new();
	unsigned char *head = NULL, rec[SIG_ENTRY_BYTES];
	char hex[65], tail[SIG_CHECKSUM_BYTES + 1];
	unsigned long long i, off = f->h.data_offset;
	enum sahifa_status st = SAHIFA_OK;

	if (!h || !(head = malloc(f->h.data_offset ? f->h.data_offset : 1))) {
		st = sahifa_error_nomem(err, f->path);
		goto done;
	}
	/* the header's bytes are part of what the checksum covers */
	rewind(f->fp);
	if (fread(head, 1, f->h.data_offset, f->fp) != f->h.data_offset) {
		st = at_offset(err, SAHIFA_ERR_IO, f->path, 0, "cannot read the header again");
		goto done;
	}
	sahifa_sha256_update(h, head, f->h.data_offset);
	for (i = 0; i < f->h.records; i++, off += SIG_ENTRY_BYTES) {
		char msg[96];

		if (fread(rec, 1, sizeof(rec), f->fp) != sizeof(rec)) {
			snprintf(msg, sizeof(msg), "truncated: %llu of the %llu records", i,
				 f->h.records);
			st = at_offset(err, SAHIFA_ERR_DATA, f->path, off, msg);
			goto done;
		}
		sahifa_sha256_update(h, rec, sizeof(rec));
		if (entry_decode(rec, &e[i], &line_hash[i])) {
			snprintf(msg, sizeof(msg), "record %llu: flags not of this format", i + 1);
			st = at_offset(err, SAHIFA_ERR_DATA, f->path, off, msg);
			goto done;
		}
	}
	if ((st = sahifa_sha256_final(h, hex))) {
		sahifa_error_set(err, st, NULL, 0, 0, "sha-256 failed");
		goto done;
	}
	memset(tail, 0, sizeof(tail));
	if (fread(tail, 1, SIG_CHECKSUM_BYTES, f->fp) != SIG_CHECKSUM_BYTES ||
	    strncmp(tail, "checksum ", 9) || tail[SIG_CHECKSUM_BYTES - 1] != '\n') {
		st = at_offset(err, SAHIFA_ERR_DATA, f->path, off, "no 'checksum HEX' line");
		goto done;
	}
	if (memcmp(tail + 9, hex, 64))
		st = at_offset(err, SAHIFA_ERR_DATA, f->path, off,
			       "checksum mismatch: the file is damaged");
	else if (getc(f->fp) != EOF)
		st = at_offset(err, SAHIFA_ERR_DATA, f->path, off + SIG_CHECKSUM_BYTES,
			       "data after the checksum");
done:
	free(head);
	sahifa_sha256_free(h);
	return st;
}

void dedup_sig_close(struct dedup_sig_file *f)
{
	if (f->fp)
		fclose(f->fp);
	f->fp = NULL;
}
