/* Unit tests of dedup signature files (src/corpus/dedup_sig.c): the round trip, and a
 * table of damaged files, each refused at the place it names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "corpus/dedup_internal.h"
#include "sahifa/limits.h"

#define N_ENTRIES 5

static char dir[256];

static void entries(struct dedup_entry *e, uint64_t *lh, size_t n)
{
	size_t i, j;

	memset(e, 0, n * sizeof(*e));
	for (i = 0; i < n; i++) {
		for (j = 0; j < 16; j++) {
			e[i].id[j] = (unsigned char)(i * 31 + j);
			e[i].key[j] = (unsigned char)(i * 7 + j * 3);
			e[i].content[j] = (unsigned char)(255 - i - j);
		}
		for (j = 0; j < SAHIFA_MINHASH_HASHES; j++)
			e[i].sig[j] = (uint32_t)(0x9E3779B9u * (i + 1) * (j + 1));
		e[i].published = i == 2 ? DEDUP_NO_DATE : 20150723102000ULL + i;
		e[i].empty = i == 4;
		lh[i] = 0x0123456789ABCDEFULL ^ i;
	}
}

static void header(struct dedup_sig_header *h)
{
	memset(h, 0, sizeof(*h));
	memset(h->run, 'a', 64);
	memset(h->records_sha256, 'b', 64);
	h->k = 2;
	h->n = 4;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

static void spit(const char *path, const char *data, size_t len)
{
	FILE *fp = fopen(path, "wb");

	if (fp) {
		fwrite(data, 1, len, fp);
		fclose(fp);
	}
}

/* Open and read path; the status, err filled. */
static enum sahifa_status load(const char *path, struct dedup_entry *e, uint64_t *lh,
			       struct dedup_sig_header *h, struct sahifa_error *err)
{
	struct dedup_sig_file f;
	enum sahifa_status st;

	sahifa_error_clear(err);
	if ((st = dedup_sig_open(&f, path, err)))
		return st;
	if (h)
		*h = f.h;
	if (f.h.records > N_ENTRIES) {
		dedup_sig_close(&f);
		return SAHIFA_ERR_INTERNAL;
	}
	st = dedup_sig_read(&f, e, lh, err);
	dedup_sig_close(&f);
	return st;
}

static void test_round_trip(void)
{
	struct dedup_entry e[N_ENTRIES], back[N_ENTRIES];
	uint64_t lh[N_ENTRIES], lback[N_ENTRIES];
	struct dedup_sig_header h, hb;
	struct sahifa_error err;
	char path[300];
	size_t i, n;

	entries(e, lh, N_ENTRIES);
	header(&h);
	snprintf(path, sizeof(path), "%s/ok.sig", dir);
	for (n = 0; n <= N_ENTRIES; n += N_ENTRIES) {
		CHECK_INT("write", dedup_sig_write(path, &h, e, lh, n, &err), SAHIFA_OK);
		CHECK_INT("read", load(path, back, lback, &hb, &err), SAHIFA_OK);
		CHECK_INT("records", hb.records, n);
		CHECK_INT("k", hb.k, 2);
		CHECK_INT("n", hb.n, 4);
		CHECK_STR("run", hb.run, h.run);
		CHECK_STR("records_sha256", hb.records_sha256, h.records_sha256);
		for (i = 0; i < n; i++) {
			/* parent and previous are the run's, not the file's */
			back[i].parent = e[i].parent;
			back[i].previous = e[i].previous;
			CHECK(!memcmp(&back[i], &e[i], sizeof(e[i])));
			CHECK(lback[i] == lh[i]);
		}
	}
}

/* A damaged copy of ok.sig: in the header, find replaced by with; else the bytes
 * [at, at + cut) replaced by with, at counted from the first entry (base HEAD) or
 * from the end of the file (base END). */
enum base { HEAD, END };
#define WHOLE ((size_t)-1)   /* cut: the whole file is replaced */

struct damage {
	const char *what;
	const char *find;
	enum base base;
	long at;
	size_t cut;
	const char *with;
	long line;            /* the error's line, 0 for an @offset */
	enum base at_base;    /* the @offset, from the same bases */
	long want_at;
	const char *msg;      /* the message starts so */
};

static void test_damaged(void)
{
	static const struct damage table[] = {
		{ "magic", "sahifa-dedup", 0, 0, 0, "sahifa-dedub", 1, 0, 0,
		  "not a sahifa dedup signature file" },
		{ "format", "signatures 1\n", 0, 0, 0, "signatures 2\n", 1, 0, 0,
		  "signature format '2', this sahifa reads 1" },
		{ "version", "tool ", 0, 0, 0, "tool 9", 2, 0, 0, "from another version: sahifa 9" },
		{ "parameters", "bands=14", 0, 0, 0, "bands=16", 3, 0, 0, "signed with other parameters" },
		{ "run", "run a", 0, 0, 0, "run g", 4, 0, 0, "no 'run HEX' line" },
		{ "shard k >= n", "shard 2/4", 0, 0, 0, "shard 4/4", 5, 0, 0,
		  "no 'shard K/N' line with K below N" },
		{ "records", "records 5", 0, 0, 0, "records x", 6, 0, 0, "no 'records COUNT' line" },
		{ "records with a leading zero", "records 5", 0, 0, 0, "records 05", 6, 0, 0,
		  "no 'records COUNT' line" },
		{ "shard with a leading zero", "shard 2/4", 0, 0, 0, "shard 02/4", 5, 0, 0,
		  "no 'shard K/N' line with K below N" },
		{ "records hash", "records_sha256 b", 0, 0, 0, "records_sha256 ", 7, 0, 0,
		  "no 'records_sha256 HEX' line" },
		{ "entry size", "entry_bytes 513", 0, 0, 0, "entry_bytes 512", 8, 0, 0,
		  "entries of '512' bytes" },
		{ "more records than held", "records 5", 0, 0, 0, "records 6", 0, END, 0,
		  "truncated: 5 of the 6 records" },
		{ "fewer records than held", "records 5", 0, 0, 0, "records 4", 0, END, -513,
		  "513 bytes after the checksum" },
		{ "a changed byte in an entry", NULL, HEAD, 100, 1, "\x7f", 0, END, -74,
		  "checksum mismatch" },
		{ "a changed checksum", NULL, END, -2, 1, "x", 0, END, -74, "checksum mismatch" },
		{ "no checksum", NULL, END, -74, 74, "", 0, END, -74,
		  "truncated: all 5 records, no checksum" },
		{ "half a record", NULL, END, -300, 300, "", 0, END, -300,
		  "truncated: 4 of the 5 records" },
		{ "a bad flag", NULL, HEAD, 64, 1, "\x02", 0, HEAD, 0,
		  "record 1: flags not of this format" },
		{ "no end of header", NULL, HEAD, 0, WHOLE, "sahifa-dedup-signatures 1\ntool", 2, 0, 0,
		  "truncated: the header ends at line 2" },
		{ "empty", NULL, HEAD, 0, WHOLE, "", 1, 0, 0, "empty: not a signature file" },
	};
	struct dedup_entry e[N_ENTRIES];
	uint64_t lh[N_ENTRIES];
	struct dedup_sig_header h;
	struct sahifa_error err;
	char ok[300], bad[300], *data, *copy, *eoh;
	size_t len, head, i;

	entries(e, lh, N_ENTRIES);
	header(&h);
	snprintf(ok, sizeof(ok), "%s/ok.sig", dir);
	snprintf(bad, sizeof(bad), "%s/bad.sig", dir);
	CHECK_INT("write", dedup_sig_write(ok, &h, e, lh, N_ENTRIES, &err), SAHIFA_OK);
	data = slurp(ok, &len);
	CHECK(data != NULL);
	if (!data)
		return;
	eoh = strstr(data, "entry_bytes 513\n");
	CHECK(eoh != NULL);
	if (!eoh)
		return;
	head = (size_t)(eoh - data) + 16;
	CHECK_INT("size", len, head + 5 * 513 + 74);
	copy = malloc(len + 64);
	for (i = 0; copy && i < sizeof(table) / sizeof(table[0]); i++) {
		const struct damage *d = &table[i];
		size_t at, cut, wl = strlen(d->with), n;
		char want_path[400];

		if (d->find) {
			char *f = strstr(data, d->find);

			at = f && (size_t)(f - data) < head ? (size_t)(f - data) : 0;
			cut = strlen(d->find);
		} else if (d->cut == WHOLE) {
			at = 0;
			cut = len;
		} else {
			at = (size_t)((d->base == HEAD ? (long)head : (long)len) + d->at);
			cut = d->cut;
		}
		if (at + cut > len)
			cut = len - at;
		memcpy(copy, data, at);
		memcpy(copy + at, d->with, wl);
		memcpy(copy + at + wl, data + at + cut, len - at - cut);
		n = len - cut + wl;
		spit(bad, copy, n);
		CHECK_INT(d->what, load(bad, e, lh, NULL, &err), SAHIFA_ERR_DATA);
		CHECK_INT(d->what, err.line, d->line);
		if (d->line)
			snprintf(want_path, sizeof(want_path), "%s", bad);
		else
			snprintf(want_path, sizeof(want_path), "%s@%ld", bad,
				 (d->at_base == HEAD ? (long)head : (long)len) + d->want_at);
		CHECK_STR(d->what, err.path, want_path);
		CHECK_INT(d->what, strncmp(err.msg, d->msg, strlen(d->msg)), 0);
		if (strncmp(err.msg, d->msg, strlen(d->msg)))
			printf("  %s: '%s'\n", d->what, err.msg);
	}
	free(copy);
	free(data);
}

static void test_header_limit(void)
{
	char path[300], line[SAHIFA_MAX_SIGNATURE_LINE_BYTES + 40];
	struct dedup_entry e[1];
	uint64_t lh[1];
	struct sahifa_error err;

	snprintf(path, sizeof(path), "%s/long.sig", dir);
	memset(line, 'x', sizeof(line));
	memcpy(line, "sahifa-dedup-signatures 1\n", 26);
	spit(path, line, sizeof(line));
	CHECK_INT("long line", load(path, e, lh, NULL, &err), SAHIFA_ERR_LIMIT);
	CHECK_INT("long line: at line 2", err.line, 2);
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, sizeof(dir), "%s/sahifa-sig-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		printf("FAIL %s:%d: mkdtemp\n", __FILE__, __LINE__);
		return 1;
	}
	test_round_trip();
	test_damaged();
	test_header_limit();
	{
		char cmd[400];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		if (system(cmd))
			printf("note: %s left behind\n", dir);
	}
	return check_report();
}
