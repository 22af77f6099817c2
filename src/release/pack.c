/*
 * sahifa pack (include/sahifa/pack.h).  One read of each input: every line is checked,
 * parsed once, and what the release needs of it (its canonical JSON, its articles.csv
 * and paragraphs.csv rows, its counts) goes to a spool, an unlinked temporary file
 * beside the archive, while the index keeps the id, match key, content hash, split
 * and the place in the spool.  A line that is its canonical JSON already (convert's
 * and pack's own) stays out of the spool: the index keeps its place in the input, held
 * open, and its CRC-32, and it is read back from there (an input changed meanwhile
 * fails the release); so are its paragraphs.csv rows, whose texts it holds: the spool
 * keeps the rest of them and where each text is in the line.  Duplicates are dropped
 * and the previous release compared on the index alone.  The kept records' counts make
 * the card and the shards' layout; then the members go into the archive in sorted
 * order, the data ones straight from the spool in (split, id) order and hashed on the
 * way, so that manifest.json and datapackage.json, which sort after them, list their
 * hashes.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/array.h"
#include "io/archive_read.h"
#include "record/json_strict.h"
#include "release/archive_write.h"
#include "release/csv_write.h"
#include "release/deflate_gzip.h"
#include "core/embed.h"
#include "text/icu_fold.h"
#include "release/json_manifest.h"
#include "release/layout.h"
#include "release/pack_internal.h"
#include "sahifa/article.h"
#include "sahifa/limits.h"
#include "sahifa/outfile.h"
#include "sahifa/pack.h"
#include "sahifa/sha256.h"
#include "sahifa/validate.h"


/* The schemas in force, copied into every release. */
static const char *const release_schemas[] = {
	"schema/article.schema.json", "schema/articles.table.json",
	"schema/duplicates.table.json", "schema/manifest.schema.json",
	"schema/paragraphs.table.json",
};

/* ---- options ---------------------------------------------------------------- */

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A numeric identifier: digits, no leading zero unless "0". */
static int parse_num(const char **p, unsigned long long *out)
{
	const char *s = *p;
	unsigned long long v = 0;

	if (!is_digit(*s) || (s[0] == '0' && is_digit(s[1])))
		return -1;
	for (; is_digit(*s); s++) {
		if (v > (ULLONG_MAX - 9) / 10)
			return -1;
		v = v * 10 + (unsigned long long)(*s - '0');
	}
	*p = s;
	*out = v;
	return 0;
}

int sahifa_semver_parse(const char *s, struct sahifa_semver *out)
{
	const char *p = s, *id;

	if (!s || strlen(s) >= SAHIFA_SEMVER_MAX)
		return -1;
	memset(out, 0, sizeof(*out));
	if (parse_num(&p, &out->major) || *p++ != '.' || parse_num(&p, &out->minor) ||
	    *p++ != '.' || parse_num(&p, &out->patch))
		return -1;
	if (!*p)
		return 0;
	if (*p++ != '-')
		return -1;
	/* dot-separated identifiers of [0-9A-Za-z-]; numeric ones without leading zeros */
	for (id = p;; p++) {
		char c = *p;

		if (c == '.' || !c) {
			int numeric = 1;
			const char *q;

			if (p == id)
				return -1;
			for (q = id; q < p; q++)
				numeric &= is_digit(*q);
			if (numeric && id[0] == '0' && p - id > 1)
				return -1;
			if (!c)
				break;
			id = p + 1;
			continue;
		}
		if (!is_digit(c) && !((c | 32) >= 'a' && (c | 32) <= 'z') && c != '-')
			return -1;
	}
	id = strchr(s, '-') + 1;  /* the numbers hold no '-' */
	memcpy(out->pre, id, strlen(id) + 1);
	return 0;
}

static int cmp_ull(unsigned long long a, unsigned long long b)
{
	return a < b ? -1 : a > b;
}

int sahifa_semver_compare(const struct sahifa_semver *a, const struct sahifa_semver *b)
{
	const char *x = a->pre, *y = b->pre;
	int c;

	if ((c = cmp_ull(a->major, b->major)) || (c = cmp_ull(a->minor, b->minor)) ||
	    (c = cmp_ull(a->patch, b->patch)))
		return c;
	/* a version without prerelease ranks above any prerelease of it */
	if (!*x || !*y)
		return (!*x && !*y) ? 0 : (!*x ? 1 : -1);
	for (;;) {
		size_t nx = strcspn(x, "."), ny = strcspn(y, ".");
		int dx = 1, dy = 1;
		size_t i;

		for (i = 0; i < nx; i++)
			dx &= is_digit(x[i]);
		for (i = 0; i < ny; i++)
			dy &= is_digit(y[i]);
		if (dx && dy) {
			if (nx != ny)
				return nx < ny ? -1 : 1;
			if ((c = memcmp(x, y, nx)))
				return c < 0 ? -1 : 1;
		} else if (dx != dy) {
			return dx ? -1 : 1;  /* numeric identifiers rank lower */
		} else {
			if ((c = memcmp(x, y, nx < ny ? nx : ny)))
				return c < 0 ? -1 : 1;
			if (nx != ny)
				return nx < ny ? -1 : 1;
		}
		x += nx;
		y += ny;
		if (!*x || !*y)
			return (!*x && !*y) ? 0 : (!*x ? -1 : 1);
		x++;
		y++;
	}
}

int sahifa_pack_parse_splits(const char *s, unsigned weights[SAHIFA_SPLIT_COUNT])
{
	unsigned long long sum = 0;
	int seen[SAHIFA_SPLIT_COUNT] = { 0 };
	const char *p = s;

	memset(weights, 0, SAHIFA_SPLIT_COUNT * sizeof(weights[0]));
	if (!s || !*s)
		return -1;
	while (*p) {
		size_t n = strcspn(p, "=,");
		unsigned long long v = 0;
		int k, found = -1;

		for (k = 0; k < SAHIFA_SPLIT_COUNT; k++)
			if (strlen(sahifa_split_name((enum sahifa_split)k)) == n &&
			    !memcmp(p, sahifa_split_name((enum sahifa_split)k), n))
				found = k;
		if (found < 0 || seen[found] || p[n] != '=')
			return -1;
		p += n + 1;
		if (!is_digit(*p))
			return -1;
		for (; is_digit(*p); p++) {
			v = v * 10 + (unsigned long long)(*p - '0');
			if (v > 1000000)
				return -1;
		}
		if (*p == ',' && p[1])
			p++;
		else if (*p)
			return -1;
		seen[found] = 1;
		weights[found] = (unsigned)v;
		sum += v;
	}
	return sum ? 0 : -1;
}

int sahifa_pack_parse_size(const char *s, unsigned long long *out)
{
	unsigned long long v = 0, mul = 1;
	const char *p = s;

	if (!s || !is_digit(*s))
		return -1;
	for (; is_digit(*p); p++) {
		if (v > (ULLONG_MAX - 9) / 10)
			return -1;
		v = v * 10 + (unsigned long long)(*p - '0');
	}
	switch (*p) {
	case '\0': break;
	case 'k': case 'K': mul = 1ULL << 10; p++; break;
	case 'm': case 'M': mul = 1ULL << 20; p++; break;
	case 'g': case 'G': mul = 1ULL << 30; p++; break;
	default: return -1;
	}
	if (*p == 'B' || *p == 'b')
		p++;
	if (*p || !v || v > ULLONG_MAX / mul)
		return -1;
	*out = v * mul;
	return 0;
}

static const unsigned char *hex_bytes(const char *hex, unsigned char *out, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int hi = hex[2 * i], lo = hex[2 * i + 1];

		hi = hi <= '9' ? hi - '0' : hi - 'a' + 10;
		lo = lo <= '9' ? lo - '0' : lo - 'a' + 10;
		out[i] = (unsigned char)(hi << 4 | lo);
	}
	return out;
}

/* The split of an id whose SHA-256 is hex (NULL: none could be taken). */
static enum sahifa_split split_of_hash(const char *hex, const unsigned weights[SAHIFA_SPLIT_COUNT])
{
	unsigned char b[8];
	unsigned long long v = 0, total = 0, cum = 0;
	int i;

	for (i = 0; i < SAHIFA_SPLIT_COUNT; i++)
		total += weights[i];
	if (!total || !hex)
		return SAHIFA_SPLIT_TRAIN;
	hex_bytes(hex, b, sizeof(b));
	for (i = 0; i < 8; i++)
		v = v << 8 | b[i];
	v %= 10000;
	for (i = 0; i < SAHIFA_SPLIT_COUNT; i++) {
		cum += weights[i];
		if (weights[i] && v < cum * 10000 / total)
			return (enum sahifa_split)i;
	}
	for (i = SAHIFA_SPLIT_COUNT - 1; i > 0 && !weights[i]; i--)
		;
	return (enum sahifa_split)i;
}

enum sahifa_split sahifa_pack_split_of(const char *id, const unsigned weights[SAHIFA_SPLIT_COUNT])
{
	char hex[65];

	return split_of_hash(sahifa_sha256_hex(id, strlen(id), hex) ? NULL : hex, weights);
}

int sahifa_pack_name_ok(const char *name)
{
	size_t i, n = name ? strlen(name) : 0;

	if (!n || n > SAHIFA_PACK_NAME_MAX || name[0] == '.' || name[0] == '-' || name[0] == '_')
		return 0;
	for (i = 0; i < n; i++) {
		char c = name[i];

		if (!is_digit(c) && !(c >= 'a' && c <= 'z') && c != '.' && c != '_' && c != '-')
			return 0;
	}
	return 1;
}

/* The licence ids the Hugging Face hub accepts in a card (its "Licenses" page), less
 * the model-only ones.  Sorted; pack_card.c writes the hub id, the manifest the id given. */
static const char *const hub_licenses[] = {
	"afl-3.0", "agpl-3.0", "apache-2.0", "artistic-2.0", "bsd", "bsd-2-clause",
	"bsd-3-clause", "bsd-3-clause-clear", "bsl-1.0", "c-uda", "cc", "cc-by-2.0",
	"cc-by-2.5", "cc-by-3.0", "cc-by-4.0", "cc-by-nc-2.0", "cc-by-nc-3.0", "cc-by-nc-4.0",
	"cc-by-nc-nd-3.0", "cc-by-nc-nd-4.0", "cc-by-nc-sa-2.0", "cc-by-nc-sa-3.0",
	"cc-by-nc-sa-4.0", "cc-by-nd-4.0", "cc-by-sa-3.0", "cc-by-sa-4.0", "cc0-1.0",
	"cdla-permissive-1.0", "cdla-permissive-2.0", "cdla-sharing-1.0", "ecl-2.0", "epl-1.0",
	"epl-2.0", "etalab-2.0", "eupl-1.1", "eupl-1.2", "gfdl", "gpl", "gpl-2.0", "gpl-3.0",
	"isc", "lgpl", "lgpl-2.1", "lgpl-3.0", "lgpl-lr", "lppl-1.3c", "mit", "mpl-2.0", "ms-pl",
	"ncsa", "odbl", "odc-by", "ofl-1.1", "osl-3.0", "other", "pddl", "postgresql",
	"unknown", "unlicense", "wtfpl", "zlib",
};

/* SPDX ids whose hub id is another word. */
static const char *const spdx_to_hub[][2] = {
	{ "odbl-1.0", "odbl" }, { "odc-by-1.0", "odc-by" }, { "pddl-1.0", "pddl" },
	{ "gfdl-1.1", "gfdl" }, { "gfdl-1.2", "gfdl" }, { "gfdl-1.3", "gfdl" },
	{ "lgpllr", "lgpl-lr" },
};

int sahifa_pack_hub_license(const char *spdx, char *out, size_t size)
{
	char id[72];
	size_t i, n = spdx ? strlen(spdx) : 0;

	if (!n || n >= sizeof(id) || size < sizeof(id))
		return -1;
	for (i = 0; i <= n; i++)
		id[i] = (spdx[i] >= 'A' && spdx[i] <= 'Z') ? (char)(spdx[i] - 'A' + 'a') : spdx[i];
	/* GNU ids: "gpl-3.0-only", "gpl-3.0-or-later" and "gpl-3.0+" are the hub's "gpl-3.0" */
	if (n > 5 && !strcmp(id + n - 5, "-only"))
		id[n -= 5] = '\0';
	else if (n > 9 && !strcmp(id + n - 9, "-or-later"))
		id[n -= 9] = '\0';
	else if (n > 1 && id[n - 1] == '+')
		id[--n] = '\0';
	for (i = 0; i < sizeof(spdx_to_hub) / sizeof(spdx_to_hub[0]); i++)
		if (!strncmp(id, spdx_to_hub[i][0], strlen(spdx_to_hub[i][0])) &&
		    (!id[strlen(spdx_to_hub[i][0])] || id[strlen(spdx_to_hub[i][0])] == '-')) {
			snprintf(id, sizeof(id), "%s", spdx_to_hub[i][1]);
			break;
		}
	for (i = 0; i < sizeof(hub_licenses) / sizeof(hub_licenses[0]); i++)
		if (!strcmp(id, hub_licenses[i])) {
			snprintf(out, size, "%s", id);
			return 0;
		}
	return -1;
}

const char *const *sahifa_pack_hub_licenses(size_t *n)
{
	*n = sizeof(hub_licenses) / sizeof(hub_licenses[0]);
	return hub_licenses;
}

/* ---- the run ------------------------------------------------------------------ */

/* The spool's write buffer: every record's canonical line and CSV rows pass through it
 * once, so few large writes instead of one per 4 KiB (stdio's default).  Ours: glibc's
 * setvbuf takes the size only with the buffer. */
#define SPOOL_BUFFER_BYTES ((size_t)1 << 20)

/* Inputs held open so that records whose line is already canonical are read back from
 * them, not copied into the spool; the records of any input past these are spooled. */
#define PACK_INPUT_FILES_MAX 64

/* An input whose canonical lines are read back from it: the file as it was read, so
 * that one changed since fails the release instead of shipping other bytes. */
struct input_file {
	int fd;                       /* -1: its records are all in the spool */
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
};

struct entry {
	char id[SAHIFA_ID_HEX + 1];
	uint64_t fast;                /* CRC-32 and Adler-32 of the match key: equal keys
				       * have equal ones, and only those records' keys are
				       * made again and hashed (dedup) */
	unsigned char key[16];        /* SHA-256 of the match key, first 16 bytes; zero
				       * until dedup needs it */
	unsigned char content[16];    /* SHA-256 of the canonical line, first 16 bytes */
	off_t spool;                  /* where its part of the spool starts */
	off_t at;                     /* where its line starts in its input, when in_input */
	uint32_t crc;                 /* CRC-32 of that line as read, to know it again */
	uint32_t json_len;            /* its canonical line, '\n' included */
	uint32_t csv_len[2];          /* its articles.csv row, its paragraphs.csv rows */
	uint32_t recipe_len;          /* those rows' recipe in the spool, when in_input */
	long line;
	uint32_t input;
	uint8_t split;
	uint8_t dropped;
	uint8_t csv_failed;           /* its CSV rows could not be made: fails if kept */
	uint8_t in_input;             /* its input line is its canonical line, '\n' included:
				       * read back from there, the spool holds the rest */
};

/* What the release's counts take from one record, after its rows in the spool. */
struct spool_counts {
	unsigned long long paragraphs, characters, words, rows;
	unsigned long long hist[PACK_HIST_BINS];
	char lang[sizeof(((struct sahifa_tally *)0)->key)];
	char script[sizeof(((struct sahifa_tally *)0)->key)];
};

struct old_entry {
	char id[SAHIFA_ID_HEX + 1];
	unsigned char content[16];
};

struct id_list {
	char (*ids)[33];
	size_t n, cap;
};

/* Where a member's bytes are: fp or mem, or the spool (written as the archive is). */
enum member_kind { MEMBER_PLAIN = 0, MEMBER_ARTICLES, MEMBER_PARAGRAPHS, MEMBER_SHARD };

struct member {
	char *path;                   /* relative to the top folder; dirs end in '/' */
	enum member_kind kind;        /* spool members: mem holds a CSV's header row */
	size_t first, last;           /* a shard's records: p->e[first..last) */
	int pending;                  /* made only once the data is in the archive (it
				       * lists the data's hashes) */
	FILE *fp;                     /* unlinked temporary file, or NULL */
	off_t off;                    /* where the bytes start in fp */
	struct sahifa_buf mem;        /* the bytes when fp is NULL */
	int dir;
	unsigned long long bytes;
	long long rows;               /* -1: null */
	char sha256[65];
	int hashed;                   /* sha256 taken while the bytes were written */
};

/* Fixed-size buffered reader that knows the offset of every line it returns. */
struct reader;
static int reader_copy(struct reader *r, struct sahifa_buf *line, int *too_long, int any);

struct reader {
	FILE *fp;
	size_t pos, end;
	off_t off;
	char buf[1 << 16];
};

struct pack {
	const struct sahifa_pack_options *o;
	const char *const *inputs;
	size_t n_inputs;
	sahifa_diag_fn diag;
	void *diag_ctx;
	struct sahifa_pack_summary *sum;
	struct sahifa_error *err;
	unsigned weights[SAHIFA_SPLIT_COUNT];
	int one_split;                /* the one split weighed, or -1 */
	char top[SAHIFA_PACK_NAME_MAX + SAHIFA_SEMVER_MAX + 2];   /* NAME-X.Y.Z */
	char created[32];
	char hub_license[72];         /* the card's licence id */
	long long newest_date;        /* of the records' dates: the release's time without an
				       * epoch; 0 when no record has one */
	struct entry *e;
	size_t n, cap;
	struct sahifa_release_dup *dups;
	size_t n_dups, cap_dups;
	struct old_entry *old;
	size_t n_old, cap_old;
	struct sahifa_manifest_info old_info;
	int old_manifest;
	struct id_list added, removed, modified;
	struct member *m;
	size_t n_m, cap_m;
	struct sahifa_tally *langs, *scripts;
	size_t n_langs, n_scripts, cap_langs, cap_scripts;
	unsigned long long paragraphs, characters, words;
	unsigned long long hist[PACK_HIST_BINS];
	struct spool_counts all;      /* every record's counts as spooled; plan_data takes
				       * the dropped ones' out */
	struct reader *rd;
	struct input_file *files;     /* one per input */
	size_t n_files_open;
	struct sahifa_buf line, json, key, blob;
	const char *ld;               /* the line parse_line reads: in rd's buffer or line */
	size_t ll;
	struct sahifa_article a;
	struct sahifa_sha256 *sha;    /* for the small hashes: one context, reused */
	FILE *spool;                  /* every record's part, in the order read */
	char *spool_buf;              /* its stdio buffer, SPOOL_BUFFER_BYTES */
	off_t spool_len;
	struct sahifa_csv_writer spool_aw, spool_pw;  /* rows into the spool */
	struct sahifa_csv_writer again;   /* a paragraphs.csv row's fields before the text */
	struct sahifa_buf recipe;     /* a record's paragraphs.csv rows as a recipe */
	struct sahifa_buf rows;       /* and those rows made from it */
};

static enum sahifa_status nomem(struct pack *p)
{
	return sahifa_error_nomem(p->err, NULL);
}

/* Grow a growable array by one; NULL when out of memory. */
static void *grow(void **items, size_t *n, size_t *cap, size_t size)
{
	if (*n == *cap && shf_array_reserve(items, cap, *n + 1, size, 64))
		return NULL;
	return (char *)*items + (*n)++ * size;
}

static void reader_reset(struct reader *r, FILE *fp, off_t off)
{
	r->fp = fp;
	r->pos = r->end = 0;
	r->off = off;
}

/* Read one line (without its '\n'): *data and *len, in the reader's buffer when the
 * line is whole in it, else copied into line.  Returns 1 for a line, 0 at the end, -1
 * on a read error.  A line past line->max is consumed whole and flagged.  The line
 * lasts until the next call. */
static int reader_line(struct reader *r, struct sahifa_buf *line, const char **data,
		       size_t *len, off_t *start, int *too_long)
{
	int got;
	char *nl;

	*too_long = 0;
	*start = r->off;
	if (r->pos < r->end && (nl = memchr(r->buf + r->pos, '\n', r->end - r->pos))) {
		*data = r->buf + r->pos;
		*len = (size_t)(nl - (r->buf + r->pos));
		r->pos += *len + 1;
		r->off += (off_t)*len + 1;
		return 1;
	}
	sahifa_buf_reset(line);
	got = reader_copy(r, line, too_long, 0);
	*data = line->data ? line->data : "";
	*len = line->len;
	return got;
}

/* The rest of reader_line: the line across buffer refills, into line. */
static int reader_copy(struct reader *r, struct sahifa_buf *line, int *too_long, int any)
{
	for (;;) {
		char *nl;
		size_t chunk;

		if (r->pos == r->end) {
			r->pos = 0;
			r->end = fread(r->buf, 1, sizeof(r->buf), r->fp);
			if (!r->end)
				return ferror(r->fp) ? -1 : any;
		}
		any = 1;
		nl = memchr(r->buf + r->pos, '\n', r->end - r->pos);
		chunk = nl ? (size_t)(nl - (r->buf + r->pos)) : r->end - r->pos;
		if (!*too_long && sahifa_buf_append(line, r->buf + r->pos, chunk))
			*too_long = 1;
		r->pos += chunk;
		r->off += (off_t)chunk;
		if (nl) {
			r->pos++;
			r->off++;
			return 1;
		}
	}
}


/* Report one bad line through diag and count it. */
static void bad_line(struct pack *p, const char *path, long line, struct sahifa_error *e)
{
	sahifa_error_set_path(e, path);
	e->line = line;
	e->severity = SAHIFA_FAILED;
	p->sum->bad_lines++;
	if (p->diag)
		p->diag(p->diag_ctx, e);
}

/* SHA-256 of data as hex, on pack's one context (a context per call costs more than
 * hashing an id). */
static int sha_hex(struct pack *p, const void *data, size_t len, char hex[65])
{
	if (!p->sha && !(p->sha = sahifa_sha256_new()))
		return -1;
	return sahifa_sha256_update(p->sha, data, len) || sahifa_sha256_final(p->sha, hex) ? -1 : 0;
}

/* Match key of an article (shf_article_match_key): its two checksums into *fast, and
 * with sha its SHA-256 into key too.  The checksums cost a tenth of SHA-256 over the
 * key, as long as the text; dedup takes SHA-256 only of the keys whose checksums
 * meet another's, so that two keys are equal by SHA-256 as before. */
static enum sahifa_status article_key(struct pack *p, const struct sahifa_article *a,
				      uint64_t *fast, unsigned char key[16], int sha,
				      struct sahifa_error *e)
{
	enum sahifa_status st;
	const char *k;
	char hex[65];

	if ((st = shf_article_match_key(a, &p->key, e)))
		return st;
	k = p->key.data ? p->key.data : "";
	*fast = (uint64_t)shf_deflate_crc32(k, p->key.len) << 32 |
		shf_deflate_adler32(k, p->key.len);
	memset(key, 0, 16);
	if (!sha)
		return SAHIFA_OK;
	if (sha_hex(p, k, p->key.len, hex))
		return sahifa_error_set(e, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "sha-256 failed");
	hex_bytes(hex, key, 16);
	return SAHIFA_OK;
}

/* Parse the line p->ld, p->ll into p->a and its canonical JSON into p->json. */
static enum sahifa_status parse_line(struct pack *p, struct sahifa_error *e)
{
	size_t bad;

	sahifa_article_release(&p->a);
	sahifa_buf_reset(&p->json);
	if (p->ll && p->ld[p->ll - 1] == '\r')
		p->ll--;
	if (!p->ll)
		return sahifa_error_set(e, SAHIFA_ERR_DATA, NULL, 0, 0, "empty line");
	/* the records convert writes: read, and the line found UTF-8 without a NUL, in one
	 * pass; any other line is checked first, so that its message is the first fault's */
	if (shf_article_from_json_utf8(p->ld, p->ll, &p->a))
		return SAHIFA_OK;
	bad = sahifa_utf8_valid_prefix(p->ld, p->ll);
	if (bad < p->ll)
		return sahifa_error_set(e, SAHIFA_ERR_DATA, NULL, 0, (long)bad + 1,
					"invalid UTF-8 (byte 0x%02x)", (unsigned char)p->ld[bad]);
	if (memchr(p->ld, '\0', p->ll))
		return sahifa_error_set(e, SAHIFA_ERR_DATA, NULL, 0,
					(long)((const char *)memchr(p->ld, '\0', p->ll) - p->ld) + 1,
					"NUL byte in the line");
	return sahifa_article_from_json(p->ld, p->ll, &p->a, e);
}

/* Seconds since 1970 of an ISO 8601 date or date-time ("2025-04-17",
 * "2025-04-17T08:30:00+01:00", "...Z"); -1 when s is no such date. */
static long long iso_seconds(const char *s)
{
	struct tm tm;
	int y, mo, d, h = 0, mi = 0, sec = 0, n = 0, k;
	long long t;

	if (!s || sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10)
		return -1;
	s += n;
	if (*s == 'T' || *s == ' ') {
		if (sscanf(s + 1, "%2d:%2d%n", &h, &mi, &k) != 2)
			return -1;
		s += 1 + k;
		if (*s == ':' && sscanf(s + 1, "%2d%n", &sec, &k) == 1)
			s += 1 + k;
		while (*s == '.' || (*s >= '0' && *s <= '9'))
			s++;
	}
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	t = (long long)timegm(&tm);
	if ((*s == '+' || *s == '-') && sscanf(s + 1, "%2d:%2d", &h, &mi) == 2)
		t -= (*s == '+' ? 1 : -1) * (h * 3600LL + mi * 60LL);
	return t;
}

/* The newest of the record's dates (published, modified, the WARC record's date) raises
 * the release's time: a release is as new as what it holds, whatever the files' times. */
static void note_dates(struct pack *p, const struct sahifa_article *a)
{
	const char *dates[3] = { a->published, a->modified, a->source.has_warc ? a->source.warc.date : NULL };
	size_t i;

	for (i = 0; i < 3; i++) {
		long long t = iso_seconds(dates[i]);

		if (t > p->newest_date)
			p->newest_date = t;
	}
}

static enum sahifa_status canonical(struct pack *p, struct sahifa_error *e)
{
	sahifa_buf_reset(&p->json);
	return sahifa_article_to_json(&p->a, &p->json, e);
}

static enum sahifa_status spool_record(struct pack *p, struct entry *x);

static int same_file(const struct input_file *f, const struct stat *sb)
{
	return f->dev == sb->st_dev && f->ino == sb->st_ino && f->size == sb->st_size &&
	       f->mtime.tv_sec == sb->st_mtim.tv_sec && f->mtime.tv_nsec == sb->st_mtim.tv_nsec;
}

/* An input held open must be the file it was when read: its canonical lines are read
 * back from it as the archive is written. */
static enum sahifa_status input_unchanged(struct pack *p, uint32_t input)
{
	const struct input_file *f = &p->files[input];
	struct stat sb;

	if (f->fd < 0)
		return SAHIFA_OK;
	if (fstat(f->fd, &sb) != 0 || !same_file(f, &sb))
		return sahifa_error_set(p->err, SAHIFA_ERR_IO, p->inputs[input], 0, 0,
					"the input changed while being packed: no release written");
	return SAHIFA_OK;
}

/* Hold input open (a regular file, while there is room) and note what it is. */
static void input_hold(struct pack *p, uint32_t input, FILE *fp, const struct stat *sb)
{
	struct input_file *f = &p->files[input];

	f->fd = -1;
	if (!S_ISREG(sb->st_mode) || p->n_files_open >= PACK_INPUT_FILES_MAX ||
	    (f->fd = dup(fileno(fp))) < 0) {
		f->fd = -1;
		return;
	}
	p->n_files_open++;
	f->dev = sb->st_dev;
	f->ino = sb->st_ino;
	f->size = sb->st_size;
	f->mtime = sb->st_mtim;
}

/* One input, read once: check every line, index the good ones, spool what the
 * release needs of them. */
static enum sahifa_status index_input(struct pack *p, uint32_t input)
{
	const char *path = p->inputs[input];
	FILE *fp = fopen(path, "rb");
	struct stat sb;
	long line = 0, canonical_lines = 0;
	off_t start;
	int too_long, r;
	enum sahifa_status st = SAHIFA_OK;

	if (!fp)
		return sahifa_error_set(p->err, SAHIFA_ERR_IO, path, 0, 0, "cannot open: %s",
					strerror(errno));
	if (fstat(fileno(fp), &sb) != 0 || S_ISDIR(sb.st_mode)) {
		fclose(fp);
		return sahifa_error_set(p->err, SAHIFA_ERR_USAGE, path, 0, 0,
					"a directory, not a JSONL file");
	}
	input_hold(p, input, fp, &sb);
	reader_reset(p->rd, fp, 0);
	while ((r = reader_line(p->rd, &p->line, &p->ld, &p->ll, &start, &too_long)) == 1) {
		struct sahifa_error e;
		struct entry *x;
		char hex[65];
		size_t raw_len = p->ll;

		line++;
		sahifa_error_clear(&e);
		if (too_long) {
			sahifa_error_set(&e, SAHIFA_ERR_LIMIT, NULL, 0, 0,
					 "line longer than the limit of %zu bytes",
					 (size_t)SAHIFA_MAX_JSONL_LINE_BYTES);
			bad_line(p, path, line, &e);
			continue;
		}
		p->sum->lines++;
		st = parse_line(p, &e);
		if (!st)
			st = canonical(p, &e);
		if (!st)
			note_dates(p, &p->a);
		if (st && sahifa_error_grade(&e, st) == SAHIFA_FATAL)
			break;
		if (st) {
			bad_line(p, path, line, &e);
			st = SAHIFA_OK;
			continue;
		}
		if (!(x = grow((void **)&p->e, &p->n, &p->cap, sizeof(*p->e)))) {
			st = nomem(p);
			break;
		}
		memcpy(x->id, p->a.id, sizeof(x->id));
		x->line = line;
		x->input = input;
		/* a line as pack would write it, its '\n' after it: read back from the input */
		x->at = start;
		x->in_input = p->files[input].fd >= 0 && raw_len == p->json.len &&
			      p->rd->off == start + (off_t)raw_len + 1 &&
			      !memcmp(p->ld, p->json.data, raw_len);
		x->crc = x->in_input ? shf_deflate_crc32(p->json.data, p->json.len) : 0;
		canonical_lines += x->in_input;
		/* sahifa_pack_split_of's answer, on pack's one hash context; with one split
		 * weighed, that one whatever the hash */
		x->split = (uint8_t)(p->one_split >= 0 ? (enum sahifa_split)p->one_split
				     : split_of_hash(sha_hex(p, p->a.id, strlen(p->a.id), hex) ? NULL : hex,
						     p->weights));
		x->dropped = 0;
		/* the content hash orders records of one id and finds the ones modified since
		 * the previous release: without one, only repeated ids need it (dedup) */
		memset(x->content, 0, sizeof(x->content));
		if (p->o->previous && sha_hex(p, p->json.data, p->json.len, hex)) {
			st = sahifa_error_set(p->err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "sha-256 failed");
			break;
		}
		if (p->o->previous)
			hex_bytes(hex, x->content, 16);
		if ((st = article_key(p, &p->a, &x->fast, x->key, 0, &e))) {
			if (sahifa_error_grade(&e, st) == SAHIFA_FATAL)
				break;
			p->n--;
			bad_line(p, path, line, &e);
			st = SAHIFA_OK;
			continue;
		}
		if ((st = spool_record(p, x)))
			break;
	}
	if (!st && r < 0)
		st = sahifa_error_set(p->err, SAHIFA_ERR_IO, path, 0, 0, "read error: %s",
				      strerror(errno));
	else if (!st)
		st = input_unchanged(p, input);
	else if (!p->err->msg[0])
		sahifa_error_set(p->err, st, path, line, 0, "%s", sahifa_status_name(st));
	if (!st && !canonical_lines && p->files[input].fd >= 0) {
		/* nothing to read back: the input is free to change from now on */
		close(p->files[input].fd);
		p->files[input].fd = -1;
		p->n_files_open--;
	}
	fclose(fp);
	return st;
}

/* qsort that accepts an empty (NULL) array. */
static void sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

/* By id, then by content, so that which of several records with one id stays depends
 * on the records alone, never on the order of the inputs (shards merged in any order
 * pack as one convert does); place only orders identical records. */
static int cmp_id_then_place(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c)
		return c;
	if ((c = memcmp(x->content, y->content, sizeof(x->content))))
		return c;
	if (x->input != y->input)
		return x->input < y->input ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int cmp_key_then_id(const void *a, const void *b)
{
	const struct entry *x = *(const struct entry *const *)a, *y = *(const struct entry *const *)b;
	int c;

	if (x->fast != y->fast)
		return x->fast < y->fast ? -1 : 1;
	c = memcmp(x->key, y->key, sizeof(x->key));
	return c ? c : strcmp(x->id, y->id);
}

static int cmp_split_then_id(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->dropped != y->dropped)
		return x->dropped < y->dropped ? -1 : 1;
	if (x->split != y->split)
		return x->split < y->split ? -1 : 1;
	return cmp_id_then_place(a, b);
}

static int cmp_dup(const void *a, const void *b)
{
	const struct sahifa_release_dup *x = a, *y = b;
	int c = strcmp(x->dropped, y->dropped);

	return c ? c : strcmp(x->kept, y->kept);
}

static enum sahifa_status add_dup(struct pack *p, const char *dropped, const char *kept)
{
	struct sahifa_release_dup *d = grow((void **)&p->dups, &p->n_dups, &p->cap_dups,
					    sizeof(*d));

	if (!d)
		return nomem(p);
	memcpy(d->dropped, dropped, sizeof(d->dropped));
	memcpy(d->kept, kept, sizeof(d->kept));
	return SAHIFA_OK;
}

static enum sahifa_status spool_read(struct pack *p, const struct entry *x, size_t off,
				     size_t len);
static enum sahifa_status json_read(struct pack *p, const struct entry *x, size_t len);

/* The content hashes index_input left out, of the records whose id repeats (p->e sorted
 * by id), read back from the spool; each run of one id sorted again with them. */
static enum sahifa_status content_of_repeated_ids(struct pack *p)
{
	size_t i, j, k;
	enum sahifa_status st;
	char hex[65];

	if (p->spool && fflush(p->spool) != 0)
		return sahifa_error_set(p->err, SAHIFA_ERR_IO, p->o->outdir, 0, 0,
					"write error in a temporary file: %s", strerror(errno));
	for (i = 0; i < p->n; i = j) {
		for (j = i + 1; j < p->n && !strcmp(p->e[j].id, p->e[i].id); j++)
			;
		if (j - i < 2)
			continue;
		for (k = i; k < j; k++) {
			if ((st = json_read(p, &p->e[k], p->e[k].json_len - 1)))
				return st;
			if (sha_hex(p, p->blob.data, p->blob.len, hex))
				return sahifa_error_set(p->err, SAHIFA_ERR_INTERNAL, NULL, 0, 0,
							"sha-256 failed");
			hex_bytes(hex, p->e[k].content, 16);
		}
		sort(p->e + i, j - i, sizeof(*p->e), cmp_id_then_place);
	}
	return SAHIFA_OK;
}

/* The SHA-256 of the match keys of the records (sorted by cmp_key_then_id) whose
 * checksums meet another's: each record read back and its key made again, each run
 * of one checksum sorted again with them. */
static enum sahifa_status sha_keys(struct pack *p, struct entry **live, size_t n)
{
	size_t i, j, k;
	enum sahifa_status st;

	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && live[j]->fast == live[i]->fast; j++)
			;
		if (j - i < 2)
			continue;
		for (k = i; k < j; k++) {
			struct entry *x = live[k];
			struct sahifa_error e;
			uint64_t fast;

			sahifa_error_clear(&e);
			sahifa_article_release(&p->a);
			if ((st = json_read(p, x, x->json_len - 1)))
				return st;
			if ((st = sahifa_article_from_json(p->blob.data, p->blob.len, &p->a, &e)) ||
			    (st = article_key(p, &p->a, &fast, x->key, 1, &e))) {
				sahifa_error_set_path(&e, p->inputs[x->input]);
				e.line = x->line;
				*p->err = e;
				return st;
			}
			if (fast != x->fast)
				return sahifa_error_set(p->err, SAHIFA_ERR_INTERNAL, NULL, 0, 0,
							"the match key of '%s' changed", x->id);
		}
		sort(live + i, j - i, sizeof(*live), cmp_key_then_id);
	}
	return SAHIFA_OK;
}

/* Drop repeated ids (the record with the smallest content hash stays), then records whose match key
 * equals another's (the smallest id stays).  Leaves p->e sorted by (dropped, split, id). */
static enum sahifa_status dedup(struct pack *p)
{
	struct entry **live;
	size_t i, n_live = 0;
	enum sahifa_status st;

	sort(p->e, p->n, sizeof(*p->e), cmp_id_then_place);
	if (!p->o->previous && (st = content_of_repeated_ids(p)))
		return st;
	for (i = 1; i < p->n; i++)
		if (!strcmp(p->e[i].id, p->e[i - 1].id)) {
			p->e[i].dropped = 1;
			if ((st = add_dup(p, p->e[i].id, p->e[i].id)))
				return st;
		}
	if (p->n && !(live = calloc(p->n, sizeof(*live))))
		return nomem(p);
	else if (!p->n)
		live = NULL;
	for (i = 0; i < p->n; i++)
		if (!p->e[i].dropped)
			live[n_live++] = &p->e[i];
	sort(live, n_live, sizeof(*live), cmp_key_then_id);
	if ((st = sha_keys(p, live, n_live))) {
		free(live);
		return st;
	}
	for (i = 1; i < n_live; i++) {
		size_t k = i;

		while (k > 0 && live[k - 1]->dropped)
			k--;
		if (live[i]->fast != live[k - 1]->fast ||
		    memcmp(live[i]->key, live[k - 1]->key, sizeof(live[i]->key)))
			continue;
		live[i]->dropped = 1;
		if ((st = add_dup(p, live[i]->id, live[k - 1]->id))) {
			free(live);
			return st;
		}
	}
	free(live);
	sort(p->dups, p->n_dups, sizeof(*p->dups), cmp_dup);
	sort(p->e, p->n, sizeof(*p->e), cmp_split_then_id);
	p->sum->duplicates = p->n_dups;
	return SAHIFA_OK;
}

/* ---- the previous release ------------------------------------------------------ */

struct old_read {
	struct pack *p;
	struct sahifa_buf chunkline;
};

/* The member name without its top folder ("NAME-X.Y.Z/data/x" -> "data/x"). */
static const char *inner_name(const char *name)
{
	const char *slash = strchr(name, '/');

	return slash ? slash + 1 : name;
}

static enum sahifa_status old_line(struct pack *p, const char *where, long line)
{
	struct sahifa_error e;
	struct old_entry *x;
	enum sahifa_status st;
	char hex[65];

	sahifa_error_clear(&e);
	p->ld = p->line.data ? p->line.data : "";
	p->ll = p->line.len;
	if ((st = parse_line(p, &e)) || (st = canonical(p, &e))) {
		sahifa_error_set_path(&e, where);
		e.line = line;
		*p->err = e;
		return st;
	}
	if (!(x = grow((void **)&p->old, &p->n_old, &p->cap_old, sizeof(*x))))
		return nomem(p);
	memcpy(x->id, p->a.id, sizeof(x->id));
	if (sha_hex(p, p->json.data, p->json.len, hex))
		return sahifa_error_set(p->err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "sha-256 failed");
	hex_bytes(hex, x->content, 16);
	return SAHIFA_OK;
}

static enum sahifa_status old_member(void *ctx, const struct sahifa_archive_member *m)
{
	struct old_read *o = ctx;
	struct pack *p = o->p;
	const char *in = inner_name(m->name);
	size_t n = strlen(in);
	int manifest = !strcmp(in, "manifest.json");
	int shard = !strncmp(in, "data/", 5) && n > 6 && !strcmp(in + n - 6, ".jsonl");
	char where[SAHIFA_ERROR_PATH_MAX], chunk[1 << 16];
	long line = 0;
	long long got;
	enum sahifa_status st;

	if (m->type != SAHIFA_MEMBER_FILE || (!manifest && !shard))
		return SAHIFA_OK;
	sahifa_member_path(p->o->previous, m->name, where, sizeof(where));
	sahifa_buf_reset(&p->line);
	while ((got = shf_archive_member_read(m, chunk, sizeof(chunk), p->err)) > 0) {
		const char *c = chunk, *end = chunk + got;

		if (manifest) {
			if (sahifa_buf_append(&p->line, chunk, (size_t)got))
				return sahifa_error_set(p->err, SAHIFA_ERR_LIMIT, where, 0, 0,
							"manifest too large");
			continue;
		}
		while (c < end) {
			const char *nl = memchr(c, '\n', (size_t)(end - c));
			size_t len = nl ? (size_t)(nl - c) : (size_t)(end - c);

			if (sahifa_buf_append(&p->line, c, len))
				return sahifa_error_set(p->err, SAHIFA_ERR_LIMIT, where, line + 1, 0,
							"line longer than the limit of %zu bytes",
							(size_t)SAHIFA_MAX_JSONL_LINE_BYTES);
			c += len;
			if (nl) {
				c++;
				if ((st = old_line(p, where, ++line)))
					return st;
				sahifa_buf_reset(&p->line);
			}
		}
	}
	if (got < 0) {
		sahifa_error_set_path(p->err, where);
		return p->err->status ? p->err->status : SAHIFA_ERR_DATA;
	}
	if (manifest) {
		if ((st = shf_manifest_read(p->line.data ? p->line.data : "", p->line.len,
					       &p->old_info, p->err))) {
			sahifa_error_set_path(p->err, where);
			return st;
		}
		p->old_manifest = 1;
	} else if (p->line.len && (st = old_line(p, where, ++line))) {
		return st;
	}
	(void)o;
	return SAHIFA_OK;
}

static int cmp_old(const void *a, const void *b)
{
	return strcmp(((const struct old_entry *)a)->id, ((const struct old_entry *)b)->id);
}

static int cmp_entry_ptr_id(const void *a, const void *b)
{
	return strcmp((*(const struct entry *const *)a)->id, (*(const struct entry *const *)b)->id);
}

static enum sahifa_status id_list_add(struct pack *p, struct id_list *l, const char *id)
{
	char (*x)[33] = grow((void **)&l->ids, &l->n, &l->cap, sizeof(*l->ids));

	if (!x)
		return nomem(p);
	memcpy(*x, id, 33);
	return SAHIFA_OK;
}

/* The first error validate finds in the previous release, and their number. */
struct previous_check {
	struct sahifa_error first;
	unsigned long long n;
};

static void previous_diag(void *ctx, const struct sahifa_error *e)
{
	struct previous_check *c = ctx;

	if (e->severity == SAHIFA_WARNING)
		return;
	if (!c->n++)
		c->first = *e;
}

/* The previous release must agree with its own manifest (checksums, rows, schemas)
 * before its ids and contents decide the changes and the version bump. */
static enum sahifa_status check_previous(struct pack *p)
{
	struct sahifa_validate_options vo;
	struct sahifa_validate_summary vs;
	struct previous_check c;
	struct sahifa_error e;
	const char *one[1];
	enum sahifa_status st;

	memset(&vo, 0, sizeof(vo));
	memset(&c, 0, sizeof(c));
	vo.max_errors = 1;
	vo.threads = 1;
	one[0] = p->o->previous;
	sahifa_error_clear(&e);
	st = sahifa_validate_run(&vo, one, 1, previous_diag, NULL, &c, &vs, &e);
	if (st) {
		*p->err = e;
		return st;
	}
	if (c.n || vs.errors) {
		char where[SAHIFA_ERROR_PATH_MAX + 64];

		if (c.first.line > 0)
			snprintf(where, sizeof(where), "%s:%ld", c.first.path, c.first.line);
		else
			snprintf(where, sizeof(where), "%s", c.first.path);
		return sahifa_error_set(p->err, SAHIFA_ERR_DATA, p->o->previous, 0, 0,
					"damaged previous release (validate finds errors), first: %s: %s",
					where, c.first.msg);
	}
	return SAHIFA_OK;
}

/* Read the previous release, list added, removed and modified ids, and check that the
 * new version is above the old one by at least the bump the changes call for. */
static enum sahifa_status compare_previous(struct pack *p)
{
	struct old_read o = { p, SAHIFA_BUF_INIT };
	struct sahifa_semver old_v, new_v, need;
	struct entry **kept = NULL;
	size_t i = 0, j = 0, n_kept = 0;
	enum sahifa_status st;
	const char *bump;
	char need_s[SAHIFA_SEMVER_MAX + 64];

	if ((st = check_previous(p)))
		return st;
	st = shf_archive_each(p->o->previous, old_member, &o, p->err);
	sahifa_buf_release(&o.chunkline);
	if (st)
		return st;
	if (!p->old_manifest)
		return sahifa_error_set(p->err, SAHIFA_ERR_DATA, p->o->previous, 0, 0,
					"no manifest.json: not a sahifa release");
	if (sahifa_semver_parse(p->old_info.version, &old_v))
		return sahifa_error_set(p->err, SAHIFA_ERR_DATA, p->o->previous, 0, 0,
					"manifest.json: version '%s' is not semver",
					p->old_info.version);
	sahifa_semver_parse(p->o->version, &new_v);
	if (sahifa_semver_compare(&new_v, &old_v) <= 0)
		return sahifa_error_set(p->err, SAHIFA_ERR_USAGE, NULL, 0, 0,
					"version '%s' is not greater than the previous release's '%s'",
					p->o->version, p->old_info.version);
	sort(p->old, p->n_old, sizeof(*p->old), cmp_old);
	if (p->n && !(kept = calloc(p->n, sizeof(*kept))))
		return nomem(p);
	for (i = 0; i < p->n; i++)
		if (!p->e[i].dropped)
			kept[n_kept++] = &p->e[i];
	sort(kept, n_kept, sizeof(*kept), cmp_entry_ptr_id);
	for (i = 0, j = 0, st = SAHIFA_OK; !st && (i < n_kept || j < p->n_old);) {
		int c = i == n_kept ? 1 : j == p->n_old ? -1 : strcmp(kept[i]->id, p->old[j].id);

		if (c < 0) {
			st = id_list_add(p, &p->added, kept[i++]->id);
		} else if (c > 0) {
			st = id_list_add(p, &p->removed, p->old[j++].id);
		} else {
			if (memcmp(kept[i]->content, p->old[j].content, 16))
				st = id_list_add(p, &p->modified, kept[i]->id);
			i++;
			/* a repeated id in the old release counts once */
			while (++j < p->n_old && !strcmp(p->old[j].id, p->old[j - 1].id))
				;
		}
	}
	free(kept);
	if (st)
		return st;
	p->sum->added = p->added.n;
	p->sum->removed = p->removed.n;
	p->sum->modified = p->modified.n;
	need = old_v;
	need.pre[0] = '\0';
	if (strcmp(p->old_info.schema_version, SAHIFA_SCHEMA_VERSION)) {
		bump = "major";
		need.major++;
		need.minor = need.patch = 0;
	} else if (p->added.n || p->removed.n) {
		bump = "minor";
		need.minor++;
		need.patch = 0;
	} else if (p->modified.n) {
		bump = "patch";
		need.patch++;
	} else {
		bump = "none";
		need = old_v;
	}
	snprintf(p->sum->bump, sizeof(p->sum->bump), "%s", bump);
	if (!p->o->force && sahifa_semver_compare(&new_v, &need) < 0) {
		snprintf(need_s, sizeof(need_s), "%llu.%llu.%llu", need.major, need.minor, need.patch);
		return sahifa_error_set(p->err, SAHIFA_ERR_USAGE, NULL, 0, 0,
					"version '%s' is below the %s bump the changes since '%s' call"
					" for (%zu added, %zu removed, %zu modified): use at least"
					" '%s', or --force",
					p->o->version, bump, p->old_info.version, p->added.n,
					p->removed.n, p->modified.n, need_s);
	}
	return SAHIFA_OK;
}

/* ---- writing the data ---------------------------------------------------------- */

/* An unlinked temporary file beside the archive: nothing is left behind, whatever
 * happens to the process. */
static FILE *tmp_open(struct pack *p)
{
	struct sahifa_buf name = SAHIFA_BUF_INIT;
	FILE *fp = NULL;
	int fd;

	if (sahifa_buf_appendf(&name, "%s/.sahifa-pack-XXXXXX", p->o->outdir)) {
		nomem(p);
		return NULL;
	}
	fd = mkstemp(name.data);
	if (fd < 0) {
		sahifa_error_set(p->err, SAHIFA_ERR_IO, p->o->outdir, 0, 0,
				 "cannot create a temporary file: %s", strerror(errno));
	} else {
		unlink(name.data);
		if (!(fp = fdopen(fd, "w+b"))) {
			sahifa_error_set(p->err, SAHIFA_ERR_IO, p->o->outdir, 0, 0,
					 "cannot open a temporary file: %s", strerror(errno));
			close(fd);
		}
	}
	sahifa_buf_release(&name);
	return fp;
}

static struct member *member_add(struct pack *p, const char *path)
{
	struct member *m = grow((void **)&p->m, &p->n_m, &p->cap_m, sizeof(*p->m));

	if (!m)
		return NULL;
	memset(m, 0, sizeof(*m));
	sahifa_buf_init(&m->mem, 0);
	m->rows = -1;
	if (!(m->path = sahifa_strdup(path))) {
		p->n_m--;
		return NULL;
	}
	m->dir = path[strlen(path) - 1] == '/';
	return m;
}

static enum sahifa_status tally_add(struct pack *p, struct sahifa_tally **t, size_t *n,
				    size_t *cap, const char *key)
{
	size_t i;
	struct sahifa_tally *x;

	for (i = 0; i < *n; i++)
		if (!strcmp((*t)[i].key, key)) {
			(*t)[i].n++;
			return SAHIFA_OK;
		}
	if (!(x = grow((void **)t, n, cap, sizeof(**t))))
		return nomem(p);
	/* keep sorted by key: insert at its place */
	for (i = *n - 1; i > 0 && strcmp((*t)[i - 1].key, key) > 0; i--)
		(*t)[i] = (*t)[i - 1];
	snprintf((*t)[i].key, sizeof((*t)[i].key), "%s", key);
	(*t)[i].n = 1;
	return SAHIFA_OK;
}

/* One count of key out of a tally made by tally_add; a key counted no more goes. */
static void tally_sub(struct sahifa_tally *t, size_t *n, const char *key)
{
	size_t i;

	for (i = 0; i < *n && strcmp(t[i].key, key); i++)
		;
	if (i == *n || --t[i].n)
		return;
	memmove(t + i, t + i + 1, (*n - i - 1) * sizeof(*t));
	(*n)--;
}

/* c into the totals (sign 1) or out of them (-1), tallies included. */
static enum sahifa_status counts_add(struct pack *p, const struct spool_counts *c, int sign)
{
	struct spool_counts *a = &p->all;
	enum sahifa_status st;
	size_t k;

	for (k = 0; k < PACK_HIST_BINS; k++)
		a->hist[k] += sign > 0 ? c->hist[k] : -c->hist[k];
	a->paragraphs += sign > 0 ? c->paragraphs : -c->paragraphs;
	a->characters += sign > 0 ? c->characters : -c->characters;
	a->words += sign > 0 ? c->words : -c->words;
	a->rows += sign > 0 ? c->rows : -c->rows;
	if (sign < 0) {
		tally_sub(p->langs, &p->n_langs, c->lang);
		tally_sub(p->scripts, &p->n_scripts, c->script);
		return SAHIFA_OK;
	}
	if ((st = tally_add(p, &p->langs, &p->n_langs, &p->cap_langs, c->lang)))
		return st;
	return tally_add(p, &p->scripts, &p->n_scripts, &p->cap_scripts, c->script);
}

/* v in decimal; size is at least 21.  Done by hand: snprintf's format machinery was a
 * visible share of the CSV rows, which print a handful of numbers per paragraph. */
static void num(char *buf, size_t size, unsigned long long v)
{
	char tmp[24];
	size_t n = 0, i;

	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) && n < sizeof(tmp));
	for (i = 0; i < n && i + 1 < size; i++)
		buf[i] = tmp[n - 1 - i];
	buf[i] = '\0';
}

/* The article's articles.csv row, written by aw. */
static enum sahifa_status article_row(const struct sahifa_article *a, struct sahifa_csv_writer *aw,
				      const char *split, struct sahifa_error *err)
{
	char conf[32], n[6][24];
	const char *f[SHF_LAYOUT_ARTICLES_COLUMNS];
	size_t i;

	snprintf(conf, sizeof(conf), "%.15g", round(a->tag.confidence * 1000.0) / 1000.0);
	num(n[0], sizeof(n[0]), a->stats.sections);
	num(n[1], sizeof(n[1]), a->stats.paragraphs);
	num(n[2], sizeof(n[2]), a->stats.captions);
	num(n[3], sizeof(n[3]), a->stats.removed);
	num(n[4], sizeof(n[4]), a->stats.characters);
	num(n[5], sizeof(n[5]), a->stats.words);
	f[0] = a->id;
	f[1] = split;
	f[2] = a->headline;
	f[3] = a->byline;
	f[4] = a->tag.lang;
	f[5] = a->tag.script;
	f[6] = conf;
	for (i = 0; i < 6; i++)
		f[7 + i] = n[i];
	f[13] = a->source.name;
	f[14] = a->source.member;
	f[15] = a->source.sha256;
	f[16] = a->source.encoding;
	f[17] = a->url;
	f[18] = a->published;
	f[19] = a->modified;
	f[20] = a->site_name;
	f[21] = a->description;
	f[22] = a->html_lang;
	f[23] = a->source.declared_encoding;
	f[24] = a->source.format;
	return shf_csv_write_row(aw, f, NULL, SHF_LAYOUT_ARTICLES_COLUMNS, err);
}

/* A paragraphs.csv row's fields; the text last. */
static void paragraph_fields(const struct sahifa_article *a, const char *split, size_t section,
			     size_t j, char num_buf[4][24], const char **f, size_t *lens)
{
	const struct sahifa_section *s = &a->sections[section];
	const struct sahifa_paragraph *q = &s->paragraphs[j];
	size_t k;

	num(num_buf[0], sizeof(num_buf[0]), section);
	num(num_buf[1], sizeof(num_buf[1]), (unsigned long long)s->level);
	num(num_buf[2], sizeof(num_buf[2]), j);
	num(num_buf[3], sizeof(num_buf[3]), (unsigned long long)q->line);
	f[0] = a->id;
	f[1] = split;
	f[2] = num_buf[0];
	f[3] = s->heading;
	f[4] = num_buf[1];
	f[5] = num_buf[2];
	f[6] = sahifa_kind_name(q->kind);
	f[7] = q->tag.lang;
	f[8] = q->tag.script;
	f[9] = num_buf[3];
	f[10] = q->text;
	for (k = 0; k < SHF_LAYOUT_PARAGRAPHS_COLUMNS - 1; k++)
		lens[k] = f[k] ? strlen(f[k]) : 0;
	lens[10] = q->len;
}

/*
 * A recipe for a record's paragraphs.csv rows, kept in the spool instead of the rows
 * when the record's line is read back from its input: the rows' bytes are mostly the
 * paragraphs' texts, which the line holds as they are (no escape in them), so the
 * recipe holds the rest and where in the line each text is.  Pieces, each a header,
 * then its literal bytes; the rows are each piece's literal, then its bytes of the
 * line.  Writing and reading back the rows cost more than reading the line again.
 */
struct recipe_piece {
	uint32_t lit;                 /* literal bytes after the header */
	uint32_t off, len;            /* then these bytes of the line */
};

/* Close the piece begun at head with the line's bytes [off, off + len), and begin the
 * next. */
static enum sahifa_status recipe_cut(struct sahifa_buf *r, size_t *head, size_t off, size_t len)
{
	struct recipe_piece h;

	h.lit = (uint32_t)(r->len - *head - sizeof(h));
	h.off = (uint32_t)off;
	h.len = (uint32_t)len;
	memcpy(r->data + *head, &h, sizeof(h));
	*head = r->len;
	memset(&h, 0, sizeof(h));
	return sahifa_buf_append(r, &h, sizeof(h));
}

/* The text (len bytes) as paragraphs.csv has it, quoted or not, into the recipe r whose
 * last piece begins at *head, from the JSON string of line at *cursor: its runs without
 * an escape as the line's bytes, each escape's character as literal (a quote doubled).
 * 1 when that string is the text, *cursor then past it and *refs grown by the bytes
 * taken from the line; 0 when not, r as it was; -1 out of memory. */
static int recipe_text(struct sahifa_buf *r, size_t *head, const char *line, size_t line_len,
		       size_t *cursor, const char *text, size_t len, int quoted, size_t *refs)
{
	size_t r0 = r->len, h0 = *head, refs0 = *refs, t = 0, pos = *cursor;
	/* a quote of the line's in a run would be the string's end, not the text's quote */
	int has_quote = quoted && memchr(text, '"', len) != NULL;

	if (quoted && sahifa_buf_append_char(r, '"'))
		return -1;
	while (t < len) {
		size_t rest = len - t, n;
		const char *bs;
		char c;

		if (rest > line_len - pos)
			goto not_it;
		bs = memchr(line + pos, '\\', rest);
		n = bs ? (size_t)(bs - (line + pos)) : rest;
		if (n) {
			if (memcmp(line + pos, text + t, n) || (has_quote && memchr(line + pos, '"', n)))
				goto not_it;
			if (recipe_cut(r, head, pos, n))
				return -1;
			*refs += n;
			pos += n;
			t += n;
		}
		if (!bs)
			break;
		if (pos + 1 >= line_len)
			goto not_it;
		switch (line[pos + 1]) {
		case '"': c = '"'; break;
		case '\\': c = '\\'; break;
		case '/': c = '/'; break;
		case 'n': c = '\n'; break;
		case 'r': c = '\r'; break;
		case 't': c = '\t'; break;
		case 'b': c = '\b'; break;
		case 'f': c = '\f'; break;
		default: goto not_it;
		}
		if (text[t] != c || (c == '"' && !quoted))
			goto not_it;
		if (sahifa_buf_append_char(r, c) || (c == '"' && sahifa_buf_append_char(r, c)))
			return -1;
		pos += 2;
		t++;
	}
	if (quoted && sahifa_buf_append_char(r, '"'))
		return -1;
	*cursor = pos;
	return 1;
not_it:
	r->len = r0;
	*head = h0;
	memset(r->data + h0, 0, sizeof(struct recipe_piece));
	*refs = refs0;
	return 0;
}

#define TEXT_KEY "\"text\":\""
#define TEXT_KEY_LEN (sizeof(TEXT_KEY) - 1)

/* The first text key of a JSON object in [p, end), opening quote of its string
 * included, or NULL.  A paragraph's follows the last one's text closely, so a short
 * search: sixteen places a step where the key's first two bytes are, where memmem made
 * ready for a long search each time. */
static const char *text_key_at(const char *p, const char *end)
{
#ifdef __SSE2__
	const __m128i quote = _mm_set1_epi8('"'), t = _mm_set1_epi8('t');

	while (end - p >= 17) {
		unsigned hit = (unsigned)_mm_movemask_epi8(_mm_and_si128(
			_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), quote),
			_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 1)), t)));

		while (hit) {
			const char *at = p + __builtin_ctz(hit);

			if ((size_t)(end - at) >= TEXT_KEY_LEN && !memcmp(at, TEXT_KEY, TEXT_KEY_LEN))
				return at;
			hit &= hit - 1;
		}
		p += 16;
	}
#endif
	return memmem(p, (size_t)(end - p), TEXT_KEY, TEXT_KEY_LEN);
}

/* The article's paragraphs.csv rows, written by pw; or, with line (the record's line
 * as read, line_len bytes), their recipe into r, pw only formatting each row's fields
 * before the text, and *bytes the rows'.  With c, what the release's counts take from
 * them goes there. */
static enum sahifa_status paragraph_rows(const struct sahifa_article *a,
					 struct sahifa_csv_writer *pw, const char *split,
					 const char *line, size_t line_len, struct sahifa_buf *r,
					 unsigned long long *bytes, struct spool_counts *c,
					 struct sahifa_error *err)
{
	char nb[4][24];
	const char *f[SHF_LAYOUT_PARAGRAPHS_COLUMNS];
	size_t lens[SHF_LAYOUT_PARAGRAPHS_COLUMNS];
	size_t i, j, head = 0, cursor = 0, refs = 0;
	enum sahifa_status st;

	if (line) {
		struct recipe_piece h = { 0, 0, 0 };

		sahifa_buf_reset(r);
		if ((st = sahifa_buf_append(r, &h, sizeof(h))))
			return sahifa_error_nomem(err, NULL);
	}
	for (i = 0; i < a->n_sections; i++)
		for (j = 0; j < a->sections[i].n_paragraphs; j++) {
			const struct sahifa_paragraph *q = &a->sections[i].paragraphs[j];
			const char *at;
			size_t off;
			int quoted, guarded, ref = 0;

			paragraph_fields(a, split, i, j, nb, f, lens);
			if (c) {
				c->hist[pack_hist_bin(sahifa_utf8_chars(q->text, q->len))]++;
				c->rows++;
			}
			if (!line) {
				if ((st = shf_csv_write_row(pw, f, lens, SHF_LAYOUT_PARAGRAPHS_COLUMNS, err)))
					return st;
				continue;
			}
			/* the fields before the text, and the comma before it */
			f[10] = NULL;
			sahifa_buf_reset(&pw->field);
			if ((st = shf_csv_write_row(pw, f, lens, SHF_LAYOUT_PARAGRAPHS_COLUMNS, err)))
				return st;
			if (q->len > SAHIFA_MAX_CSV_FIELD_BYTES)
				return sahifa_error_set(err, SAHIFA_ERR_LIMIT, pw->path, 0, 0,
							"csv field %d longer than the limit of %zu bytes",
							SHF_LAYOUT_PARAGRAPHS_COLUMNS,
							(size_t)SAHIFA_MAX_CSV_FIELD_BYTES);
			if (sahifa_buf_append(r, pw->field.data, pw->field.len - 2))
				return sahifa_error_nomem(err, NULL);
			/* the text from the line: the next text key's string, when it is the
			 * text */
			quoted = shf_csv_field_quoted(q->text, q->len);
			if (q->len && !(pw->spreadsheet && shf_csv_formula_start(q->text[0])) &&
			    (at = text_key_at(line + cursor, line + line_len))) {
				off = (size_t)(at - line) + TEXT_KEY_LEN;
				cursor = off;
				if ((ref = recipe_text(r, &head, line, line_len, &cursor, q->text, q->len,
						       quoted, &refs)) < 0)
					return sahifa_error_nomem(err, NULL);
			}
			if (!ref && (st = pw->spreadsheet ? shf_csv_format_field_guarded(q->text, q->len, r, &guarded)
							  : shf_csv_format_field(q->text, q->len, r)))
				return st == SAHIFA_ERR_LIMIT ? sahifa_error_set(err, st, NULL, 0, 0, "record too large")
							      : sahifa_error_nomem(err, NULL);
			if (sahifa_buf_append(r, "\r\n", 2))
				return sahifa_error_nomem(err, NULL);
		}
	if (line) {
		if (recipe_cut(r, &head, 0, 0))
			return sahifa_error_nomem(err, NULL);
		r->len = head;   /* the piece begun last is empty */
		/* the rows: every byte of the recipe but its headers, and the texts */
		*bytes = r->len + refs;
		for (head = 0; head < r->len; ) {
			struct recipe_piece h;

			memcpy(&h, r->data + head, sizeof(h));
			*bytes -= sizeof(h);
			head += sizeof(h) + h.lit;
		}
	}
	return SAHIFA_OK;
}

/* One articles.csv row and the article's paragraphs.csv rows, written by aw and pw, or
 * those as a recipe against line (paragraph_rows) into p->recipe; the paragraphs.csv
 * rows' bytes to *bytes, what the release's counts take from the record to *c. */
static enum sahifa_status csv_rows(struct pack *p, struct sahifa_csv_writer *aw,
				   struct sahifa_csv_writer *pw, const char *split,
				   const char *line, size_t line_len, unsigned long long *bytes,
				   struct spool_counts *c, struct sahifa_error *err)
{
	const struct sahifa_article *a = &p->a;
	unsigned long long p0 = pw->bytes;
	enum sahifa_status st;

	memset(c, 0, sizeof(*c));
	if ((st = article_row(a, aw, split, err)) ||
	    (st = paragraph_rows(a, line ? &p->again : pw, split, line, line_len, &p->recipe,
				 bytes, c, err)))
		return st;
	if (!line)
		*bytes = pw->bytes - p0;
	c->paragraphs = a->stats.paragraphs;
	c->characters = a->stats.characters;
	c->words = a->stats.words;
	snprintf(c->lang, sizeof(c->lang), "%s", a->tag.lang);
	snprintf(c->script, sizeof(c->script), "%s", a->tag.script);
	return SAHIFA_OK;
}

static enum sahifa_status spool_write(struct pack *p, const void *data, size_t len)
{
	if (len && fwrite(data, 1, len, p->spool) != len)
		return sahifa_error_set(p->err, SAHIFA_ERR_IO, p->o->outdir, 0, 0,
					"write error in a temporary file: %s", strerror(errno));
	p->spool_len += (off_t)len;
	return SAHIFA_OK;
}

/* The record just parsed, into the spool: its canonical line (unless it is read back
 * from its input), its CSV rows (or, read back so, its articles.csv row and its
 * paragraphs.csv rows' recipe), its counts.  Rows that cannot be made (a field past the
 * CSV limit) fail the release only when the record is kept, as its place in the release
 * is not known yet. */
static enum sahifa_status spool_record(struct pack *p, struct entry *x)
{
	struct spool_counts c;
	struct sahifa_error e;
	unsigned long long a0, p0, rows = 0;
	enum sahifa_status st;

	if (!p->spool) {
		if (!(p->spool = tmp_open(p)))
			return p->err->status ? p->err->status : nomem(p);
		if (!(p->spool_buf = malloc(SPOOL_BUFFER_BYTES)) ||
		    setvbuf(p->spool, p->spool_buf, _IOFBF, SPOOL_BUFFER_BYTES))
			return nomem(p);
		shf_csv_writer_init(&p->spool_aw, p->spool, "data/articles.csv");
		shf_csv_writer_init(&p->spool_pw, p->spool, "data/paragraphs.csv");
		/* the header rows (and a spreadsheet's BOM) are the members' own */
		p->spool_aw.rows = p->spool_pw.rows = 1;
		p->spool_aw.spreadsheet = p->spool_pw.spreadsheet = p->o->spreadsheet_csv;
	}
	if (p->json.len >= UINT32_MAX)
		return sahifa_error_set(p->err, SAHIFA_ERR_LIMIT, NULL, 0, 0, "record too large");
	x->spool = p->spool_len;
	x->json_len = (uint32_t)p->json.len + 1;
	x->csv_failed = 0;
	x->recipe_len = 0;
	if (!x->in_input &&
	    ((st = spool_write(p, p->json.data, p->json.len)) || (st = spool_write(p, "\n", 1))))
		return st;
	a0 = p->spool_aw.bytes;
	p0 = p->spool_pw.bytes;
	sahifa_error_clear(&e);
	st = csv_rows(p, &p->spool_aw, &p->spool_pw, sahifa_split_name((enum sahifa_split)x->split),
		      x->in_input ? p->json.data : NULL, p->json.len, &rows, &c, &e);
	if (st == SAHIFA_ERR_IO) {
		*p->err = e;
		return st;
	}
	p->spool_len += (off_t)(p->spool_aw.bytes - a0 + p->spool_pw.bytes - p0);
	if (st) {
		x->csv_failed = 1;
		memset(&c, 0, sizeof(c));
		rows = 0;
	} else if (x->in_input) {
		if (p->recipe.len >= UINT32_MAX)
			return sahifa_error_set(p->err, SAHIFA_ERR_LIMIT, NULL, 0, 0, "record too large");
		x->recipe_len = (uint32_t)p->recipe.len;
		if ((st = spool_write(p, p->recipe.data, p->recipe.len)))
			return st;
	}
	if (p->spool_aw.bytes - a0 >= UINT32_MAX || rows >= UINT32_MAX)
		return sahifa_error_set(p->err, SAHIFA_ERR_LIMIT, NULL, 0, 0, "record too large");
	x->csv_len[0] = (uint32_t)(p->spool_aw.bytes - a0);
	x->csv_len[1] = (uint32_t)rows;
	/* the totals as if every record stayed: plan_data reads back only the dropped */
	if (!x->csv_failed && (st = counts_add(p, &c, 1)))
		return st;
	return spool_write(p, &c, sizeof(c));
}

/* The bytes of a record's canonical line in the spool: none when it is read from its
 * input. */
static size_t spool_json(const struct entry *x)
{
	return x->in_input ? 0 : x->json_len;
}

/* The bytes of a record's paragraphs.csv rows in the spool, or of their recipe. */
static size_t spool_paragraphs(const struct entry *x)
{
	return x->in_input ? x->recipe_len : x->csv_len[1];
}

/* len bytes at off of fd into b; where names fd for a message (NULL: the spool). */
static enum sahifa_status read_into(struct pack *p, struct sahifa_buf *b, int fd, off_t off,
				    size_t len, const char *where)
{
	size_t got = 0;

	sahifa_buf_reset(b);
	if (sahifa_buf_grow(b, len + 1))
		return nomem(p);
	while (got < len) {
		ssize_t n = pread(fd, b->data + got, len - got, off + (off_t)got);

		if (n <= 0 && where)
			return sahifa_error_set(p->err, SAHIFA_ERR_IO, where, 0, 0,
						"cannot read the input again: %s",
						n < 0 ? strerror(errno) : "file shrank");
		if (n <= 0)
			return sahifa_error_set(p->err, SAHIFA_ERR_IO, p->o->outdir, 0, 0,
						"cannot read back a temporary file: %s",
						n < 0 ? strerror(errno) : "file shrank");
		got += (size_t)n;
	}
	b->len = len;
	b->data[len] = '\0';
	return SAHIFA_OK;
}

/* len bytes at off of fd into p->blob (read_into). */
static enum sahifa_status read_at(struct pack *p, int fd, off_t off, size_t len,
				  const char *where)
{
	return read_into(p, &p->blob, fd, off, len, where);
}

/* len bytes from off in a kept record's part of the spool, into p->blob. */
static enum sahifa_status spool_read(struct pack *p, const struct entry *x, size_t off,
				     size_t len)
{
	return read_at(p, fileno(p->spool), x->spool + (off_t)off, len, NULL);
}

/* A record's canonical line (len: json_len with its '\n' or json_len - 1 without),
 * into p->blob: from its input or from the spool.  A line read from the input must
 * still be the one read first (its CRC-32): the input's size and time are checked only
 * before and after the archive, and a change may keep both. */
static enum sahifa_status json_read(struct pack *p, const struct entry *x, size_t len)
{
	enum sahifa_status st;

	if (!x->in_input)
		return spool_read(p, x, 0, len);
	if ((st = read_at(p, p->files[x->input].fd, x->at, len, p->inputs[x->input])))
		return st;
	if (shf_deflate_crc32(p->blob.data, x->json_len - 1) != x->crc ||
	    (len == x->json_len && p->blob.data[len - 1] != '\n'))
		return sahifa_error_set(p->err, SAHIFA_ERR_IO, p->inputs[x->input], x->line, 0,
					"the input changed while being packed: no release written");
	return SAHIFA_OK;
}

/* A member's header row as its writer makes it (a spreadsheet's BOM included). */
static enum sahifa_status header_row(struct pack *p, struct member *m,
				     const char *const *columns, size_t n)
{
	struct sahifa_csv_writer w;
	char *data = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&data, &len);
	enum sahifa_status st;

	if (!fp)
		return nomem(p);
	shf_csv_writer_init(&w, fp, m->path);
	w.spreadsheet = p->o->spreadsheet_csv;
	st = shf_csv_write_row(&w, columns, NULL, n, p->err);
	shf_csv_writer_release(&w);
	if (fclose(fp) != 0 && !st)
		st = nomem(p);
	if (!st && sahifa_buf_append(&m->mem, data, len))
		st = nomem(p);
	free(data);
	m->bytes = m->mem.len;
	m->rows = 0;
	return st;
}

/* A kept record whose CSV rows could not be made: make them again, for the message. */
static enum sahifa_status csv_failure(struct pack *p, const struct entry *x)
{
	struct sahifa_csv_writer aw, pw;
	struct spool_counts c;
	unsigned long long rows;
	struct sahifa_error e;
	enum sahifa_status st;
	FILE *scratch = tmp_open(p);

	if (!scratch)
		return p->err->status ? p->err->status : nomem(p);
	sahifa_error_clear(&e);
	shf_csv_writer_init(&aw, scratch, "data/articles.csv");
	shf_csv_writer_init(&pw, scratch, "data/paragraphs.csv");
	aw.rows = pw.rows = 1;
	aw.spreadsheet = pw.spreadsheet = p->o->spreadsheet_csv;
	sahifa_article_release(&p->a);
	if ((st = json_read(p, x, x->json_len - 1)) ||
	    (st = sahifa_article_from_json(p->blob.data, x->json_len - 1, &p->a, &e))) {
		if (!p->err->status)
			*p->err = e;
	} else if (!(st = csv_rows(p, &aw, &pw, sahifa_split_name((enum sahifa_split)x->split), NULL,
				   0, &rows, &c, p->err))) {
		st = sahifa_error_set(p->err, SAHIFA_ERR_INTERNAL, NULL, 0, 0,
				      "csv rows of '%s' failed once only", x->id);
	}
	shf_csv_writer_release(&aw);
	shf_csv_writer_release(&pw);
	fclose(scratch);
	return st;
}

/* Lay out the data members over the kept records in (split, id) order: the shards and
 * what each holds, the CSVs' sizes, and the counts the card and manifest give.  The
 * bytes stay in the spool until the archive is written. */
static enum sahifa_status plan_data(struct pack *p)
{
	struct member *ma, *mp, *shard = NULL;
	size_t i, first_shard = 0, shards_in_split = 0, i_ma, i_mp;
	int split = -1;
	enum sahifa_status st;

	if (p->spool && fflush(p->spool) != 0)
		return sahifa_error_set(p->err, SAHIFA_ERR_IO, p->o->outdir, 0, 0,
					"write error in a temporary file: %s", strerror(errno));
	if (!(ma = member_add(p, "data/articles.csv")))
		return nomem(p);
	ma->kind = MEMBER_ARTICLES;
	i_ma = (size_t)(ma - p->m);
	if ((st = header_row(p, ma, shf_layout_articles_columns, SHF_LAYOUT_ARTICLES_COLUMNS)))
		return st;
	if (!(mp = member_add(p, "data/paragraphs.csv")))
		return nomem(p);
	mp->kind = MEMBER_PARAGRAPHS;
	i_mp = (size_t)(mp - p->m);
	if ((st = header_row(p, mp, shf_layout_paragraphs_columns, SHF_LAYOUT_PARAGRAPHS_COLUMNS)))
		return st;
	/* the dropped records (after the kept in p->e) out of the totals */
	for (i = p->n; i > 0 && p->e[i - 1].dropped; i--) {
		const struct entry *x = &p->e[i - 1];
		struct spool_counts c;

		if (x->csv_failed)
			continue;
		if ((st = spool_read(p, x, spool_json(x) + x->csv_len[0] + spool_paragraphs(x),
				     sizeof(c))))
			return st;
		memcpy(&c, p->blob.data, sizeof(c));
		counts_add(p, &c, -1);
	}
	memcpy(p->hist, p->all.hist, sizeof(p->hist));
	p->paragraphs = p->all.paragraphs;
	p->characters = p->all.characters;
	p->words = p->all.words;
	p->m[i_mp].rows = (long long)p->all.rows;
	for (i = 0; i < p->n && !p->e[i].dropped; i++) {
		struct entry *x = &p->e[i];
		size_t k;

		if (x->csv_failed)
			return csv_failure(p, x);
		if (x->split != split) {
			/* name the finished split's shards now that their number is known */
			split = x->split;
			first_shard = p->n_m;
			shards_in_split = 0;
			shard = NULL;
		}
		if (!shard || (shard->bytes && shard->bytes + x->json_len > p->o->shard_size)) {
			char name[64];

			snprintf(name, sizeof(name), "data/%s-%05zu", sahifa_split_name(split),
				 shards_in_split++);
			if (!(shard = member_add(p, name)))
				return nomem(p);
			shard->kind = MEMBER_SHARD;
			shard->first = i;
			shard->rows = 0;
		}
		shard->last = i + 1;
		shard->bytes += x->json_len;
		shard->rows++;
		p->m[i_ma].bytes += x->csv_len[0];
		p->m[i_ma].rows++;
		p->m[i_mp].bytes += x->csv_len[1];
		p->sum->by_split[split]++;
		p->sum->articles++;
		/* the shard count of this split is final when the split or the input ends */
		if (i + 1 == p->n || p->e[i + 1].dropped || p->e[i + 1].split != split) {
			for (k = first_shard; k < p->n_m; k++) {
				char name[96];

				if (shf_layout_shard_name(name, sizeof(name), (enum sahifa_split)split,
							     k - first_shard, shards_in_split))
					return sahifa_error_set(p->err, SAHIFA_ERR_LIMIT, p->o->outdir, 0, 0,
								"more than %d shards in split '%s'",
								SHF_LAYOUT_SHARD_MAX,
								sahifa_split_name((enum sahifa_split)split));
				free(p->m[k].path);
				if (!(p->m[k].path = sahifa_strdup(name)))
					return nomem(p);
			}
		}
	}
	return SAHIFA_OK;
}

/* A record's paragraphs.csv rows made from their recipe and its line, into p->rows. */
static enum sahifa_status paragraphs_from_recipe(struct pack *p, const struct entry *x)
{
	size_t at = 0;
	enum sahifa_status st;

	if ((st = read_into(p, &p->recipe, fileno(p->spool), x->spool + (off_t)x->csv_len[0],
			    x->recipe_len, NULL)) ||
	    (st = json_read(p, x, x->json_len - 1)))
		return st;
	sahifa_buf_reset(&p->rows);
	if (sahifa_buf_grow(&p->rows, x->csv_len[1]))
		return nomem(p);
	while (at < p->recipe.len) {
		struct recipe_piece h;

		if (p->recipe.len - at < sizeof(h))
			break;
		memcpy(&h, p->recipe.data + at, sizeof(h));
		at += sizeof(h);
		if (h.lit > p->recipe.len - at || h.off > p->blob.len || h.len > p->blob.len - h.off ||
		    (size_t)h.lit + h.len > p->rows.cap - p->rows.len)
			break;
		memcpy(p->rows.data + p->rows.len, p->recipe.data + at, h.lit);
		p->rows.len += h.lit;
		at += h.lit;
		memcpy(p->rows.data + p->rows.len, p->blob.data + h.off, h.len);
		p->rows.len += h.len;
	}
	if (at != p->recipe.len || p->rows.len != x->csv_len[1])
		return sahifa_error_set(p->err, SAHIFA_ERR_INTERNAL, NULL, 0, 0,
					"the paragraphs.csv rows of '%s' changed", x->id);
	return SAHIFA_OK;
}

/* A member whose bytes are in the spool (or made again), into the archive and hashed on
 * the way. */
static enum sahifa_status stream_member(struct pack *p, struct sahifa_archive_writer *w,
				       const char *name, struct member *m)
{
	struct sahifa_sha256 *h = sahifa_sha256_new();
	unsigned long long total = 0;
	size_t i, first = 0, last = p->n;
	enum sahifa_status st;

	if (!h)
		return nomem(p);
	if (m->kind == MEMBER_SHARD) {
		first = m->first;
		last = m->last;
	}
	if ((st = shf_archive_writer_begin(w, name, m->bytes, p->err)))
		goto out;
	if (m->mem.len) {
		if ((st = shf_archive_writer_data(w, name, m->mem.data, m->mem.len, p->err)))
			goto out;
		if (sahifa_sha256_update(h, m->mem.data, m->mem.len))
			goto sha;
		total += m->mem.len;
	}
	for (i = first; i < last && !p->e[i].dropped; i++) {
		const struct entry *x = &p->e[i];
		size_t off = m->kind == MEMBER_ARTICLES ? spool_json(x)
							 : spool_json(x) + x->csv_len[0];
		size_t len = m->kind == MEMBER_SHARD ? x->json_len
			     : m->kind == MEMBER_ARTICLES ? x->csv_len[0] : x->csv_len[1];
		int recipe = m->kind == MEMBER_PARAGRAPHS && x->in_input;
		const char *data;

		if (!len)
			continue;
		if ((st = m->kind == MEMBER_SHARD ? json_read(p, x, len)
			  : recipe ? paragraphs_from_recipe(p, x) : spool_read(p, x, off, len)))
			goto out;
		data = recipe ? p->rows.data : p->blob.data;
		if ((st = shf_archive_writer_data(w, name, data, len, p->err)))
			goto out;
		if (sahifa_sha256_update(h, data, len))
			goto sha;
		total += len;
	}
	if (total != m->bytes) {
		st = sahifa_error_set(p->err, SAHIFA_ERR_INTERNAL, NULL, 0, 0,
				      "'%s': %llu bytes planned, %llu written", m->path, m->bytes, total);
		goto out;
	}
	if ((st = shf_archive_writer_end(w, name, p->err)))
		goto out;
	if (sahifa_sha256_final(h, m->sha256))
		goto sha;
	m->hashed = 1;
	goto out;
sha:
	st = sahifa_error_set(p->err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "sha-256 failed");
out:
	sahifa_sha256_free(h);
	return st;
}

/* data/duplicates.csv: every dropped record's id and the id kept in its place.  Its
 * own file, not manifest.json: the list grows with the duplicates, the manifest should
 * not. */
static enum sahifa_status write_dups(struct pack *p)
{
	static const char *const header[] = { "dropped", "kept" };
	struct sahifa_csv_writer w;
	struct member *m;
	enum sahifa_status st;
	size_t i;

	if (!(m = member_add(p, "data/duplicates.csv")) || !(m->fp = tmp_open(p)))
		return p->err->status ? p->err->status : nomem(p);
	shf_csv_writer_init(&w, m->fp, "data/duplicates.csv");
	w.spreadsheet = p->o->spreadsheet_csv;
	st = shf_csv_write_row(&w, header, NULL, 2, p->err);
	for (i = 0; !st && i < p->n_dups; i++) {
		const char *f[2] = { p->dups[i].dropped, p->dups[i].kept };

		st = shf_csv_write_row(&w, f, NULL, 2, p->err);
	}
	m->bytes = w.bytes;
	m->rows = (long long)w.rows - 1;
	shf_csv_writer_release(&w);
	return st;
}

/* ---- the release ---------------------------------------------------------------- */

static enum sahifa_status hash_member(struct pack *p, struct member *m)
{
	char buf[1 << 16];
	struct sahifa_sha256 *h;
	unsigned long long total = 0;
	enum sahifa_status st = SAHIFA_OK;
	size_t n;

	if (m->dir || m->hashed || m->kind != MEMBER_PLAIN)
		return SAHIFA_OK;
	if (!m->fp) {
		m->bytes = m->mem.len;
		if (sahifa_sha256_hex(m->mem.data ? m->mem.data : "", m->mem.len, m->sha256))
			return sahifa_error_set(p->err, SAHIFA_ERR_INTERNAL, NULL, 0, 0,
						"sha-256 failed");
		return SAHIFA_OK;
	}
	if (m->off < 0 || fflush(m->fp) != 0 || ferror(m->fp) || fseeko(m->fp, m->off, SEEK_SET) != 0)
		return sahifa_error_set(p->err, SAHIFA_ERR_IO, p->o->outdir, 0, 0,
					"write error in a temporary file: %s", strerror(errno));
	if (!(h = sahifa_sha256_new()))
		return nomem(p);
	while (total < m->bytes &&
	       (n = fread(buf, 1, m->bytes - total < sizeof(buf) ? (size_t)(m->bytes - total)
								 : sizeof(buf), m->fp)) > 0) {
		total += n;
		if ((st = sahifa_sha256_update(h, buf, n)))
			break;
	}
	if (!st && (ferror(m->fp) || total != m->bytes))
		st = sahifa_error_set(p->err, SAHIFA_ERR_IO, p->o->outdir, 0, 0,
				      "cannot read back a temporary file");
	if (!st && sahifa_sha256_final(h, m->sha256))
		st = sahifa_error_set(p->err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "sha-256 failed");
	sahifa_sha256_free(h);
	return st;
}

static int cmp_member(const void *a, const void *b)
{
	return strcmp(((const struct member *)a)->path, ((const struct member *)b)->path);
}

/* Fill r from the members so far (files only, sorted); files must hold n_m entries. */
static void release_describe(struct pack *p, struct sahifa_release *r,
			     struct sahifa_release_file *files)
{
	size_t i;

	memset(r, 0, sizeof(*r));
	r->name = p->o->name;
	r->version = p->o->version;
	r->schema_version = SAHIFA_SCHEMA_VERSION;
	r->created = p->created;
	r->license = p->o->license;
	r->hub_license = p->hub_license;
	r->spreadsheet_csv = p->o->spreadsheet_csv;
	r->weights = p->weights;
	r->articles = p->sum->articles;
	r->paragraphs = p->paragraphs;
	r->characters = p->characters;
	r->words = p->words;
	r->by_lang = p->langs;
	r->n_lang = p->n_langs;
	r->by_script = p->scripts;
	r->n_script = p->n_scripts;
	r->by_split = p->sum->by_split;
	r->dups = p->dups;
	r->n_dups = p->n_dups;
	sort(p->m, p->n_m, sizeof(*p->m), cmp_member);
	for (i = 0; i < p->n_m; i++) {
		if (p->m[i].dir || p->m[i].pending)
			continue;
		files[r->n_files].path = p->m[i].path;
		files[r->n_files].bytes = p->m[i].bytes;
		files[r->n_files].rows = p->m[i].rows;
		memcpy(files[r->n_files].sha256, p->m[i].sha256, 65);
		r->n_files++;
	}
	r->files = files;
}

/* Add a member held in memory, built by fn into its buffer. */
static struct member *mem_member(struct pack *p, const char *path)
{
	struct member *m = member_add(p, path);

	if (!m)
		nomem(p);
	return m;
}

static enum sahifa_status assemble(struct pack *p)
{
	struct sahifa_release r;
	struct sahifa_release_file *files = NULL;
	struct member *m;
	size_t i, n_files;
	enum sahifa_status st;

	for (i = 0; i < p->n_m; i++)
		if ((st = hash_member(p, &p->m[i])))
			return st;
	for (i = 0; i < sizeof(release_schemas) / sizeof(release_schemas[0]); i++) {
		const struct sahifa_embed *e = shf_embed_find(release_schemas[i]);

		if (!e)
			return sahifa_error_set(p->err, SAHIFA_ERR_INTERNAL, NULL, 0, 0,
						"'%s' is not built in", release_schemas[i]);
		if (!(m = mem_member(p, release_schemas[i])))
			return SAHIFA_ERR_NOMEM;
		if (sahifa_buf_append(&m->mem, e->data, e->len) || hash_member(p, m))
			return nomem(p);
	}
	/* room for every file: the ones so far and the five still to come */
	n_files = p->n_m + 8;
	if (!(files = calloc(n_files, sizeof(*files))))
		return nomem(p);
	release_describe(p, &r, files);
	if (!(m = mem_member(p, "README.md")) || pack_card(&r, &m->mem) || hash_member(p, m))
		goto nomem;
	if (!(m = mem_member(p, "chart.svg")) || pack_chart(&r, p->hist, &m->mem) ||
	    hash_member(p, m))
		goto nomem;
	if (p->o->previous) {
		struct pack_changes c;

		memset(&c, 0, sizeof(c));
		c.name = p->o->name;
		c.old_version = p->old_info.version;
		c.old_schema = p->old_info.schema_version;
		c.new_version = p->o->version;
		c.new_schema = SAHIFA_SCHEMA_VERSION;
		c.bump = p->sum->bump;
		c.added = (const char (*)[33])p->added.ids;
		c.n_added = p->added.n;
		c.removed = (const char (*)[33])p->removed.ids;
		c.n_removed = p->removed.n;
		c.modified = (const char (*)[33])p->modified.ids;
		c.n_modified = p->modified.n;
		if (!(m = mem_member(p, "CHANGES.md")) || pack_changes_md(&c, &m->mem) ||
		    hash_member(p, m))
			goto nomem;
	}
	/* made as the archive reaches them, after the data they list (write_archive) */
	if (!(m = mem_member(p, "datapackage.json")))
		goto nomem;
	m->pending = 1;
	if (!(m = mem_member(p, "manifest.json")))
		goto nomem;
	m->pending = 1;
	free(files);
	if (!mem_member(p, "data/") || !mem_member(p, "schema/"))
		return SAHIFA_ERR_NOMEM;
	sort(p->m, p->n_m, sizeof(*p->m), cmp_member);
	return SAHIFA_OK;
nomem:
	st = nomem(p);
	free(files);
	return st;
}

/* datapackage.json or manifest.json, over every file before it (their hashes known
 * now) and, for the manifest, datapackage.json. */
static enum sahifa_status make_pending(struct pack *p, size_t i)
{
	struct sahifa_release r;
	struct sahifa_release_file *files = calloc(p->n_m + 1, sizeof(*files));
	struct member *m;
	enum sahifa_status st;

	if (!files)
		return nomem(p);
	release_describe(p, &r, files);  /* p->m is sorted already: i stays its place */
	m = &p->m[i];
	st = !strcmp(m->path, "manifest.json") ? shf_manifest_to_json(&r, &m->mem, p->err)
					       : shf_datapackage_to_json(&r, &m->mem, p->err);
	free(files);
	if (st)
		return st;
	m->pending = 0;
	return hash_member(p, m);
}

static const char *format_ext(enum sahifa_pack_format f)
{
	return f == SAHIFA_PACK_ZIP ? "zip" : f == SAHIFA_PACK_TAR_ZST ? "tar.zst" : "tar.gz";
}

static enum sahifa_status write_archive(struct pack *p, const char *target)
{
	struct sahifa_archive_writer w;
	struct sahifa_outfile of;
	struct sahifa_buf name = SAHIFA_BUF_INIT;
	unsigned long long tar_bytes = 1024 + 512;
	enum sahifa_status st;
	size_t i;

	for (i = 0; i < p->n_inputs; i++)
		if ((st = input_unchanged(p, (uint32_t)i)))
			return st;
	if ((st = sahifa_outfile_reserve(&of, target, p->err)))
		return st;
	/* about the tar's size: each member's header and its bytes in 512-byte blocks (the
	 * manifest and datapackage.json, not made yet, are small), and the two end blocks */
	for (i = 0; i < p->n_m; i++)
		tar_bytes += 512 + (p->m[i].bytes + 511) / 512 * 512;
	if ((st = shf_archive_writer_open(&w, of.tmp, p->o->format, p->o->source_date_epoch,
					     tar_bytes, p->err)))
		goto fail;
	w.path = target;
	if (sahifa_buf_appendf(&name, "%s/", p->top)) {
		st = nomem(p);
		goto fail;
	}
	if ((st = shf_archive_writer_add_dir(&w, name.data, p->err)))
		goto fail;
	for (i = 0; i < p->n_m; i++) {
		struct member *m = &p->m[i];

		sahifa_buf_reset(&name);
		if (sahifa_buf_appendf(&name, "%s/%s", p->top, m->path)) {
			st = nomem(p);
			goto fail;
		}
		if (m->pending && (st = make_pending(p, i)))
			goto fail;
		m = &p->m[i];
		if (m->dir)
			st = shf_archive_writer_add_dir(&w, name.data, p->err);
		else if (m->kind != MEMBER_PLAIN)
			st = stream_member(p, &w, name.data, m);
		else if (m->fp)
			st = shf_archive_writer_add_fp_at(&w, name.data, m->fp, m->off, m->bytes,
							     p->err);
		else
			st = shf_archive_writer_add_mem(&w, name.data, m->mem.data, m->mem.len,
							   p->err);
		if (st)
			goto fail;
	}
	if ((st = shf_archive_writer_close(&w, p->err)))
		goto fail;
	for (i = 0; i < p->n_inputs; i++)
		if ((st = input_unchanged(p, (uint32_t)i)))
			goto fail;
	sahifa_buf_release(&name);
	return sahifa_outfile_commit(&of, p->err);
fail:
	shf_archive_writer_free(&w);
	sahifa_buf_release(&name);
	sahifa_outfile_abort(&of);
	return st;
}

static enum sahifa_status check_options(struct pack *p, struct sahifa_semver *v)
{
	const struct sahifa_pack_options *o = p->o;

	if (!sahifa_pack_name_ok(o->name))
		return sahifa_error_set(p->err, SAHIFA_ERR_USAGE, NULL, 0, 0,
					"bad release name '%s': use [a-z0-9][a-z0-9._-]*, at most %d"
					" bytes", o->name ? o->name : "", SAHIFA_PACK_NAME_MAX);
	if (sahifa_semver_parse(o->version, v))
		return sahifa_error_set(p->err, SAHIFA_ERR_USAGE, NULL, 0, 0,
					"bad version '%s': use X.Y.Z or X.Y.Z-prerelease",
					o->version ? o->version : "");
	if (sahifa_pack_hub_license(o->license, p->hub_license, sizeof(p->hub_license)))
		return sahifa_error_set(p->err, SAHIFA_ERR_USAGE, NULL, 0, 0,
					"bad license '%s': not one of the Hugging Face hub's ids"
					" (sahifa_pack_hub_licenses)", o->license);
	if (!o->outdir || !*o->outdir)
		return sahifa_error_set(p->err, SAHIFA_ERR_USAGE, NULL, 0, 0,
					"no output directory");
	if (o->source_date_epoch < 0)
		return sahifa_error_set(p->err, SAHIFA_ERR_USAGE, NULL, 0, 0,
					"negative source date epoch");
	if (!p->n_inputs)
		return sahifa_error_set(p->err, SAHIFA_ERR_USAGE, NULL, 0, 0, "no input files");
	return SAHIFA_OK;
}

enum sahifa_status sahifa_pack_run(const struct sahifa_pack_options *opts,
				   const char *const *inputs, size_t n,
				   sahifa_diag_fn diag, void *diag_ctx,
				   struct sahifa_pack_summary *summary, struct sahifa_error *err)
{
	struct sahifa_pack_options o = *opts;
	struct sahifa_error local;
	struct pack p;
	struct sahifa_semver v;
	struct sahifa_buf target = SAHIFA_BUF_INIT;
	struct stat sb;
	struct tm tm;
	time_t t;
	enum sahifa_status st;
	size_t i;
	uint32_t k;

	if (!err)
		err = &local;
	sahifa_error_clear(err);
	memset(summary, 0, sizeof(*summary));
	memset(&p, 0, sizeof(p));
	if (!o.license)
		o.license = SAHIFA_PACK_DEFAULT_LICENSE;
	if (!o.shard_size)
		o.shard_size = SAHIFA_PACK_DEFAULT_SHARD;
	p.o = &o;
	p.inputs = inputs;
	p.n_inputs = n;
	p.diag = diag;
	p.diag_ctx = diag_ctx;
	p.sum = summary;
	p.err = err;
	memcpy(p.weights, o.weights, sizeof(p.weights));
	if (!p.weights[0] && !p.weights[1] && !p.weights[2])
		p.weights[SAHIFA_SPLIT_TRAIN] = 100;
	p.one_split = -1;
	for (k = 0; k < SAHIFA_SPLIT_COUNT; k++)
		if (p.weights[k])
			p.one_split = p.one_split == -1 ? (int)k : -2;
	if (p.one_split < 0)
		p.one_split = -1;
	if ((st = check_options(&p, &v)))
		return st;
	if (n > UINT32_MAX)
		return sahifa_error_set(err, SAHIFA_ERR_USAGE, NULL, 0, 0, "too many inputs");
	snprintf(p.top, sizeof(p.top), "%s-%s", o.name, o.version);
	if (stat(o.outdir, &sb) != 0 && mkdir(o.outdir, 0777) != 0)
		return sahifa_error_set(err, SAHIFA_ERR_IO, o.outdir, 0, 0, "cannot create: %s",
					strerror(errno));
	if (sahifa_buf_appendf(&target, "%s/%s.%s", o.outdir, p.top, format_ext(o.format)))
		return nomem(&p);
	snprintf(summary->archive, sizeof(summary->archive), "%s", target.data);
	if (!o.force && stat(target.data, &sb) == 0) {
		st = sahifa_error_set(err, SAHIFA_ERR_USAGE, target.data, 0, 0,
				      "the release exists already: use --force to replace it");
		sahifa_buf_release(&target);
		return st;
	}
	sahifa_buf_init(&p.line, SAHIFA_MAX_JSONL_LINE_BYTES);
	sahifa_buf_init(&p.json, 0);
	sahifa_buf_init(&p.key, 0);
	sahifa_buf_init(&p.blob, 0);
	shf_csv_writer_init(&p.spool_aw, NULL, "data/articles.csv");
	shf_csv_writer_init(&p.spool_pw, NULL, "data/paragraphs.csv");
	shf_csv_writer_init(&p.again, NULL, "data/paragraphs.csv");
	sahifa_buf_init(&p.recipe, 0);
	sahifa_buf_init(&p.rows, 0);
	p.again.rows = 1;
	p.again.spreadsheet = o.spreadsheet_csv;
	sahifa_article_init(&p.a);
	if (!(p.rd = malloc(sizeof(*p.rd))) || !(p.files = calloc(n, sizeof(*p.files)))) {
		st = nomem(&p);
		goto out;
	}
	for (i = 0; i < n; i++)
		p.files[i].fd = -1;
	for (k = 0, st = SAHIFA_OK; k < n && !st; k++)
		st = index_input(&p, k);
	if (st)
		goto out;
	/* Without an epoch the release is as new as the newest date its records carry: the
	 * same records give the same bytes whatever their files' times, and the date means
	 * something.  Records without any date leave it at the epoch's start. */
	if (o.created_from_inputs)
		o.source_date_epoch = p.newest_date > 0 ? p.newest_date : 0;
	t = (time_t)o.source_date_epoch;
	if (!gmtime_r(&t, &tm) || !strftime(p.created, sizeof(p.created), "%Y-%m-%dT%H:%M:%SZ", &tm)) {
		st = sahifa_error_set(err, SAHIFA_ERR_USAGE, NULL, 0, 0,
				      "source date epoch out of range");
		goto out;
	}
	if (summary->bad_lines) {
		st = sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
				      "%llu bad input line%s: no release written",
				      summary->bad_lines, summary->bad_lines == 1 ? "" : "s");
		goto out;
	}
	if (!p.n) {
		st = sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0, "no records to pack");
		goto out;
	}
	if ((st = dedup(&p)))
		goto out;
	if (o.previous && (st = compare_previous(&p)))
		goto out;
	if ((st = plan_data(&p)) || (st = write_dups(&p)) || (st = assemble(&p)) || (st = write_archive(&p, target.data)))
		goto out;
out:
	if (p.spool)
		fclose(p.spool);
	free(p.spool_buf);
	shf_csv_writer_release(&p.spool_aw);
	shf_csv_writer_release(&p.spool_pw);
	shf_csv_writer_release(&p.again);
	sahifa_buf_release(&p.recipe);
	sahifa_buf_release(&p.rows);
	sahifa_sha256_free(p.sha);
	sahifa_buf_release(&p.blob);
	for (i = 0; i < p.n_m; i++) {
		if (p.m[i].fp)
			fclose(p.m[i].fp);
		free(p.m[i].path);
		sahifa_buf_release(&p.m[i].mem);
	}
	free(p.m);
	free(p.e);
	free(p.dups);
	free(p.old);
	free(p.added.ids);
	free(p.removed.ids);
	free(p.modified.ids);
	free(p.langs);
	free(p.scripts);
	free(p.rd);
	for (i = 0; p.files && i < n; i++)
		if (p.files[i].fd >= 0)
			close(p.files[i].fd);
	free(p.files);
	sahifa_buf_release(&p.line);
	sahifa_buf_release(&p.json);
	sahifa_buf_release(&p.key);
	sahifa_article_release(&p.a);
	sahifa_buf_release(&target);
	return st;
}
