/*
 * dedup (include/sahifa/corpus.h): exact duplicates by the match key, near duplicates
 * by MinHash over word 5-grams of that key, 14 bands of 8 rows for LSH buckets,
 * clusters by union-find.
 *
 * Two passes over the inputs.  The first keeps, per record, only what the decision
 * needs (struct dedup_entry: ids, key hash, signature, date; about 0.5 KB, never the text);
 * the second copies the kept lines through and writes the drops.  Nothing depends on
 * the order of the inputs or the thread count: every choice is made by the rank
 * (previous release first, earliest published, smallest id), never by position.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "corpus/corpus_internal.h"
#include "corpus/dedup_internal.h"
#include "sahifa/corpus.h"
#include "sahifa/outfile.h"
#include "sahifa/sha256.h"
#include "text/icu_fold.h"

#define BUCKET_COMPARE 4      /* members of a bucket each newcomer is compared with */

/* ---- MinHash ------------------------------------------------------------------- */

/* The hash family h_i(x) = (a_i x + b_i) >> 32 over 64-bit words, a_i odd:
 * Dietzfelbinger's multiply-shift, 2-universal like the (a x + b) mod p family that
 * datatrove and text-dedup use, at one multiplication per hash instead of a 128-bit
 * product and a reduction (the hashing was a third of dedup's time).  The a_i, b_i
 * come from splitmix64 with a fixed seed, so every run and every build agrees. */
static uint64_t perm_a[SAHIFA_MINHASH_HASHES], perm_b[SAHIFA_MINHASH_HASHES];
static pthread_once_t perm_once = PTHREAD_ONCE_INIT;

static void perm_init(void)
{
	uint64_t s = DEDUP_SEED;
	size_t i;

	for (i = 0; i < SAHIFA_MINHASH_HASHES; i++) {
		s += 0x9E3779B97F4A7C15ULL;
		perm_a[i] = corpus_mix64(s) | 1;
		s += 0x9E3779B97F4A7C15ULL;
		perm_b[i] = corpus_mix64(s);
	}
}

static void sig_add(uint32_t *sig, uint64_t shingle)
{
	size_t i;

	for (i = 0; i < SAHIFA_MINHASH_HASHES; i++) {
		uint32_t v = (uint32_t)((perm_a[i] * shingle + perm_b[i]) >> 32);

		sig[i] = v < sig[i] ? v : sig[i];
	}
}

static int is_sep(unsigned char c)
{
	return c == ' ' || c == 0x1e;
}

void sahifa_minhash(const char *key, size_t len, uint32_t sig[SAHIFA_MINHASH_HASHES])
{
	uint64_t ring[SAHIFA_SHINGLE_WORDS];
	size_t i = 0, n = 0, k;

	pthread_once(&perm_once, perm_init);
	for (k = 0; k < SAHIFA_MINHASH_HASHES; k++)
		sig[k] = UINT32_MAX;
	while (i < len) {
		size_t start;

		while (i < len && is_sep((unsigned char)key[i]))
			i++;
		if (i >= len)
			break;
		start = i;
		while (i < len && !is_sep((unsigned char)key[i]))
			i++;
		ring[n % SAHIFA_SHINGLE_WORDS] = corpus_hash64(key + start, i - start, 0);
		n++;
		if (n >= SAHIFA_SHINGLE_WORDS) {
			uint64_t h = 0;

			for (k = 0; k < SAHIFA_SHINGLE_WORDS; k++)
				h = corpus_mix64(h ^ ring[(n + k) % SAHIFA_SHINGLE_WORDS]);
			sig_add(sig, h);
		}
	}
	if (n && n < SAHIFA_SHINGLE_WORDS) {
		/* shorter than one shingle: the words in order are the only shingle */
		uint64_t h = 0;

		for (k = 0; k < n; k++)
			h = corpus_mix64(h ^ ring[k]);
		sig_add(sig, h);
	}
}

double sahifa_minhash_similarity(const uint32_t *a, const uint32_t *b)
{
	size_t i, eq = 0;

	for (i = 0; i < SAHIFA_MINHASH_HASHES; i++)
		eq += a[i] == b[i];
	return (double)eq / SAHIFA_MINHASH_HASHES;
}

/* ---- the run ------------------------------------------------------------------- */

struct dedup {
	const struct sahifa_dedup_options *o;
	struct sahifa_dedup_summary *sum;
	struct dedup_entry *e;
	size_t n, cap;
	size_t n_prev;            /* the first n_prev entries are --previous */
	int reading_previous;
	struct sahifa_outfile out, drops;
	struct sahifa_buf line;
	struct sahifa_error *err;
	/* --sign: the raw lines' hashes as they are signed, and the lines' SHA-256;
	 * --signatures: the signed hashes, checked against the lines of the second pass */
	int signing;
	uint64_t *line_hash;
	size_t n_hash, cap_hash;
	struct sahifa_sha256 *records_h;
	struct dedup_sig_file *sig;  /* --signatures, in shard order */
	size_t n_sig;
	size_t *sig_end;             /* records of sig[0..i] together */
	size_t cur_sig;              /* the one the second pass is in */
	unsigned long long seen;     /* records of the second pass */
};

/* What a worker makes of one record, before it is placed in order. */
struct signed_rec {
	struct dedup_entry e;
};

static int hex_nibble(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	       c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static int hex16(const char *hex, unsigned char out[16])
{
	size_t i;

	for (i = 0; i < 16; i++) {
		int hi = hex_nibble(hex[2 * i]), lo = hi < 0 ? -1 : hex_nibble(hex[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return -1;
		out[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}

static void id_hex(const unsigned char id[16], char out[SAHIFA_ID_HEX + 1])
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < 16; i++) {
		out[2 * i] = digits[id[i] >> 4];
		out[2 * i + 1] = digits[id[i] & 15];
	}
	out[SAHIFA_ID_HEX] = '\0';
}

/* "2015-07-23T10:20:00+03:00" -> 20150723102000; the zone is not applied. */
static uint64_t date_rank(const char *s)
{
	uint64_t v = 0;
	int digits = 0;

	if (!s)
		return DEDUP_NO_DATE;
	for (; *s && digits < 14; s++) {
		if (*s >= '0' && *s <= '9') {
			v = v * 10 + (uint64_t)(*s - '0');
			digits++;
		} else if (*s != '-' && *s != ':' && *s != 'T' && *s != ' ')
			break;
	}
	if (digits < 4)
		return DEDUP_NO_DATE;
	while (digits++ < 14)
		v *= 10;
	return v;
}

static enum sahifa_status sign_work(void *ctx, struct corpus_line *l)
{
	struct signed_rec *s = malloc(sizeof(*s));
	struct sahifa_buf key = SAHIFA_BUF_INIT;
	char hex[65];
	enum sahifa_status st;

	(void)ctx;
	if (!s)
		return sahifa_error_nomem(&l->err, NULL);
	memset(s, 0, sizeof(*s));
	l->out = s;
	if (hex16(l->a.id, s->e.id))
		return sahifa_error_set(&l->err, SAHIFA_ERR_DATA, NULL, 0, 0,
					"id is not 32 hex digits");
	sahifa_buf_init(&key, 0);
	if ((st = shf_article_match_key(&l->a, &key, &l->err))) {
		sahifa_buf_release(&key);
		return st;
	}
	if (sahifa_sha256_hex(key.data ? key.data : "", key.len, hex) || hex16(hex, s->e.key)) {
		sahifa_buf_release(&key);
		return sahifa_error_set(&l->err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "sha-256 failed");
	}
	sahifa_buf_reset(&key);
	if ((st = sahifa_article_to_json(&l->a, &key, &l->err))) {
		sahifa_buf_release(&key);
		return st;
	}
	if (sahifa_sha256_hex(key.data ? key.data : "", key.len, hex) || hex16(hex, s->e.content)) {
		sahifa_buf_release(&key);
		return sahifa_error_set(&l->err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "sha-256 failed");
	}
	sahifa_buf_reset(&key);
	if ((st = shf_article_match_key(&l->a, &key, &l->err))) {
		sahifa_buf_release(&key);
		return st;
	}
	sahifa_minhash(key.data ? key.data : "", key.len, s->e.sig);
	s->e.empty = s->e.sig[0] == UINT32_MAX && s->e.sig[1] == UINT32_MAX;
	s->e.published = date_rank(l->a.published);
	sahifa_buf_release(&key);
	return SAHIFA_OK;
}

static enum sahifa_status sign_collect(void *ctx, struct corpus_line *l)
{
	struct dedup *d = ctx;
	struct signed_rec *s = l->out;

	if (d->n == d->cap) {
		/* sized once from the line count; grows (by half) only for --previous */
		size_t ncap = d->cap ? d->cap + d->cap / 2 : 1024;
		void *p = ncap > UINT32_MAX ? NULL : realloc(d->e, ncap * sizeof(*d->e));

		if (!p) {
			free(s);
			return sahifa_error_nomem(d->err, NULL);
		}
		d->e = p;
		d->cap = ncap;
	}
	if (d->signing) {
		const char *text = l->text.data ? l->text.data : "";

		if (SHF_ARRAY_GROW(d->line_hash, d->n_hash, d->cap_hash, 1024)) {
			free(s);
			return sahifa_error_nomem(d->err, NULL);
		}
		d->line_hash[d->n_hash++] = dedup_line_hash(text, l->text.len);
		if (sahifa_sha256_update(d->records_h, text, l->text.len) ||
		    sahifa_sha256_update(d->records_h, "\n", 1)) {
			free(s);
			return sahifa_error_set(d->err, SAHIFA_ERR_INTERNAL, NULL, 0, 0,
						"sha-256 failed");
		}
	}
	d->e[d->n] = s->e;
	d->e[d->n].previous = (uint8_t)d->reading_previous;
	d->e[d->n].parent = (uint32_t)d->n;
	d->n++;
	free(s);
	l->out = NULL;
	return SAHIFA_OK;
}

/* The rank that picks the kept copy: previous release first, then earliest date,
 * then smallest id, then the smallest content hash (equal ids: one input found at two
 * places, say a tar and a zip member; pack keeps the same one), then the place (the
 * same record read twice). */
static int rank_cmp(const struct dedup *d, uint32_t a, uint32_t b)
{
	const struct dedup_entry *x = &d->e[a], *y = &d->e[b];
	int c;

	if (x->previous != y->previous)
		return x->previous ? -1 : 1;
	if (x->published != y->published)
		return x->published < y->published ? -1 : 1;
	if ((c = memcmp(x->id, y->id, sizeof(x->id))))
		return c;
	if ((c = memcmp(x->content, y->content, sizeof(x->content))))
		return c;
	return a < b ? -1 : a > b;
}

static uint32_t find(struct dedup *d, uint32_t i)
{
	while (d->e[i].parent != i) {
		d->e[i].parent = d->e[d->e[i].parent].parent;
		i = d->e[i].parent;
	}
	return i;
}

/* Join the sets of a and b under the better-ranked root: a root is always the best
 * of its set, so it is the kept copy. */
static void unite(struct dedup *d, uint32_t a, uint32_t b)
{
	uint32_t ra = find(d, a), rb = find(d, b);

	if (ra == rb)
		return;
	if (rank_cmp(d, ra, rb) < 0)
		d->e[rb].parent = ra;
	else
		d->e[ra].parent = rb;
}

struct keyed {
	uint64_t h;
	uint32_t i;
};

static int cmp_keyed(const void *a, const void *b, void *ctx)
{
	const struct keyed *x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return rank_cmp(ctx, x->i, y->i);
}

static uint64_t key64(const unsigned char k[16])
{
	uint64_t v;

	memcpy(&v, k, sizeof(v));
	return v;
}

static enum sahifa_status cluster(struct dedup *d)
{
	struct keyed *k = d->n ? malloc(d->n * sizeof(*k)) : NULL;
	double thr = d->o->threshold > 0 ? d->o->threshold : SAHIFA_DEDUP_DEFAULT_THRESHOLD;
	size_t i, j, n, b;

	if (d->n && !k)
		return sahifa_error_nomem(d->err, NULL);
	/* exact: equal keys (first 64 bits to sort, all 128 to decide) */
	for (i = 0; i < d->n; i++)
		k[i].h = key64(d->e[i].key), k[i].i = (uint32_t)i;
	qsort_r(k, d->n, sizeof(*k), cmp_keyed, d);
	for (i = 1; i < d->n; i++)
		for (j = i; j-- > 0 && k[j].h == k[i].h; )
			if (!memcmp(d->e[k[j].i].key, d->e[k[i].i].key, 16)) {
				unite(d, k[j].i, k[i].i);
				break;
			}
	/* near: per band, bucket by the band's hash; a newcomer joins the cluster of the
	 * first members it is similar enough to */
	for (b = 0; b < SAHIFA_MINHASH_BANDS; b++) {
		for (i = 0, n = 0; i < d->n; i++) {
			if (d->e[i].empty)
				continue;
			k[n].h = corpus_hash64(d->e[i].sig + b * SAHIFA_MINHASH_ROWS,
					       SAHIFA_MINHASH_ROWS * sizeof(uint32_t), b);
			k[n++].i = (uint32_t)i;
		}
		qsort_r(k, n, sizeof(*k), cmp_keyed, d);
		for (i = 0; i < n; ) {
			size_t end = i + 1;

			while (end < n && k[end].h == k[i].h)
				end++;
			for (j = i + 1; j < end; j++) {
				size_t m, tried = 0;

				for (m = i; m < j && tried < BUCKET_COMPARE; m++) {
					if (find(d, k[m].i) == find(d, k[j].i))
						break;
					tried++;
					if (sahifa_minhash_similarity(d->e[k[m].i].sig,
								      d->e[k[j].i].sig) >= thr) {
						unite(d, k[m].i, k[j].i);
						break;
					}
				}
			}
			i = end;
		}
	}
	free(k);
	return SAHIFA_OK;
}

/* ---- signatures made elsewhere (--sign, --signatures) ----------------------------- */

/* --sign: the first pass's entries to a signature file, nothing else. */
static enum sahifa_status sign_only(struct dedup *d, struct corpus_pass *pass,
				    const char *const *inputs, size_t n_inputs)
{
	const struct sahifa_dedup_shard *sh = d->o->shard;
	struct dedup_sig_header hd;
	enum sahifa_status st;
	char hex[65];

	if (!(d->records_h = sahifa_sha256_new()))
		return sahifa_error_nomem(d->err, NULL);
	d->signing = 1;
	if ((st = corpus_pass_run(pass, inputs, n_inputs, d->err)))
		return st;
	if (sahifa_sha256_final(d->records_h, hex))
		return sahifa_error_set(d->err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "sha-256 failed");
	memset(&hd, 0, sizeof(hd));
	if (sh) {
		/* a shard's records must be those its sidecar vouches for */
		if (strcmp(hex, sh->records_sha256))
			return sahifa_error_set(d->err, SAHIFA_ERR_DATA, inputs[0], 0, 0,
						"changed since its shard was written: SHA-256 %.12s..., "
						"the sidecar says %.12s...", hex, sh->records_sha256);
		memcpy(hd.run, sh->run, sizeof(hd.run));
		hd.k = sh->k;
		hd.n = sh->n;
	} else {
		memcpy(hd.run, hex, sizeof(hd.run));
		hd.k = 0;
		hd.n = 1;
	}
	memcpy(hd.records_sha256, hex, sizeof(hex));
	d->sum->records = d->n;
	return dedup_sig_write(d->o->sign, &hd, d->e, d->line_hash, d->n, d->err);
}

static int cmp_sig_k(const void *a, const void *b)
{
	const struct dedup_sig_file *x = a, *y = b;

	return x->h.k < y->h.k ? -1 : x->h.k > y->h.k;
}

/* --signatures: the shares of one run, each once, all of them, in shard order; their
 * entries after those of --previous. */
static enum sahifa_status load_signatures(struct dedup *d)
{
	const struct sahifa_dedup_options *o = d->o;
	struct sahifa_error *err = d->err;
	enum sahifa_status st = SAHIFA_OK;
	size_t i, total = 0;

	if (!(d->sig = calloc(o->n_signatures, sizeof(*d->sig))) ||
	    !(d->sig_end = calloc(o->n_signatures, sizeof(*d->sig_end))))
		return sahifa_error_nomem(err, NULL);
	for (i = 0; i < o->n_signatures; i++) {
		if ((st = dedup_sig_open(&d->sig[d->n_sig], o->signatures[i], err)))
			return st;
		d->n_sig++;
	}
	for (i = 1; i < d->n_sig; i++) {
		const struct dedup_sig_file *f = &d->sig[i], *first = &d->sig[0];

		if (strcmp(f->h.run, first->h.run))
			return sahifa_error_set(err, SAHIFA_ERR_DATA, f->path, f->h.run_line, 0,
						"from another run: run %.12s..., '%s' is of run %.12s...",
						f->h.run, first->path, first->h.run);
		if (f->h.n != first->h.n)
			return sahifa_error_set(err, SAHIFA_ERR_DATA, f->path, f->h.shard_line, 0,
						"from another run: %u shards, '%s' is one of %u",
						f->h.n, first->path, first->h.n);
	}
	qsort(d->sig, d->n_sig, sizeof(*d->sig), cmp_sig_k);
	for (i = 0; i < d->n_sig; i++) {
		const struct dedup_sig_file *f = &d->sig[i];

		if (i && f->h.k == d->sig[i - 1].h.k)
			return sahifa_error_set(err, SAHIFA_ERR_DATA, f->path, f->h.shard_line, 0,
						"shard %u of %u given twice (also '%s')", f->h.k,
						f->h.n, d->sig[i - 1].path);
		if (f->h.k != i)
			break;
	}
	if (i < d->n_sig || d->n_sig < d->sig[0].h.n)
		return sahifa_error_set(err, SAHIFA_ERR_DATA, d->sig[0].path, d->sig[0].h.shard_line,
					0, "shard %zu of %u is missing", i, d->sig[0].h.n);
	for (i = 0; i < d->n_sig; i++) {
		total += (size_t)d->sig[i].h.records;
		d->sig_end[i] = total;
		if (total > UINT32_MAX - d->n)
			return sahifa_error_set(err, SAHIFA_ERR_LIMIT, d->sig[i].path,
						d->sig[i].h.records_line, 0,
						"more than %u records in all", (unsigned)UINT32_MAX);
	}
	if (shf_array_reserve(&d->e, &d->cap, d->n + total, sizeof(*d->e), 1024) ||
	    !(d->line_hash = malloc((total ? total : 1) * sizeof(*d->line_hash))))
		return sahifa_error_nomem(err, NULL);
	for (i = 0; i < d->n_sig; i++) {
		size_t at = d->n, j;

		if ((st = dedup_sig_read(&d->sig[i], d->e + at, d->line_hash + (at - d->n_prev), err)))
			return st;
		for (j = at; j < at + d->sig[i].h.records; j++)
			d->e[j].parent = (uint32_t)j;
		d->n += (size_t)d->sig[i].h.records;
		dedup_sig_close(&d->sig[i]);
	}
	d->n_hash = total;
	return SAHIFA_OK;
}

/* Close the range of sig[cur_sig] in the second pass: its lines must hash to what was
 * signed, whole. */
static enum sahifa_status finish_signed(struct dedup *d, const char *path, long line)
{
	const struct dedup_sig_file *f = &d->sig[d->cur_sig];
	char hex[65];

	if (sahifa_sha256_final(d->records_h, hex))
		return sahifa_error_set(d->err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "sha-256 failed");
	if (strcmp(hex, f->h.records_sha256))
		return sahifa_error_set(d->err, SAHIFA_ERR_DATA, path, line, 0,
					"the records before this line are not those signed in '%s'",
					f->path);
	d->cur_sig++;
	return SAHIFA_OK;
}

/* The second pass's line l must be the next one signed. */
static enum sahifa_status check_signed(struct dedup *d, struct corpus_line *l)
{
	const char *text = l->text.data ? l->text.data : "";
	size_t r = (size_t)l->index;
	enum sahifa_status st;

	d->seen++;
	if (r >= d->n_hash)
		return sahifa_error_set(d->err, SAHIFA_ERR_DATA, l->path, l->line, 0,
					"more records than the signature files hold (%zu)",
					d->n_hash);
	while (d->cur_sig < d->n_sig && r >= d->sig_end[d->cur_sig])
		if ((st = finish_signed(d, l->path, l->line)))
			return st;
	if (dedup_line_hash(text, l->text.len) != d->line_hash[r])
		return sahifa_error_set(d->err, SAHIFA_ERR_DATA, l->path, l->line, 0,
					"not the record signed as record %zu of '%s'",
					r + 1 - (d->cur_sig ? d->sig_end[d->cur_sig - 1] : 0),
					d->sig[d->cur_sig].path);
	if (sahifa_sha256_update(d->records_h, text, l->text.len) ||
	    sahifa_sha256_update(d->records_h, "\n", 1))
		return sahifa_error_set(d->err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "sha-256 failed");
	return SAHIFA_OK;
}

/* After the second pass: every signed record was read. */
static enum sahifa_status check_signed_end(struct dedup *d, const char *last)
{
	enum sahifa_status st;

	if (d->seen < d->n_hash)
		return sahifa_error_set(d->err, SAHIFA_ERR_DATA, last, 0, 0,
					"fewer records than the signature files hold: %llu of %zu",
					d->seen, d->n_hash);
	while (d->cur_sig < d->n_sig)
		if ((st = finish_signed(d, last, 0)))
			return st;
	return SAHIFA_OK;
}

/* ---- the second pass: copy the kept lines, write the drops ---------------------- */

static enum sahifa_status write_collect(void *ctx, struct corpus_line *l)
{
	struct dedup *d = ctx;
	size_t i = d->n_prev + (size_t)l->index;
	uint32_t root;
	char id[SAHIFA_ID_HEX + 1], of[SAHIFA_ID_HEX + 1];
	struct corpus_drop drop;
	enum sahifa_status st;

	if (d->sig && (st = check_signed(d, l)))
		return st;
	if (i >= d->n)
		return sahifa_error_set(d->err, SAHIFA_ERR_IO, l->path, l->line, 0,
					"the input changed while it was read");
	root = find(d, (uint32_t)i);
	if (root == i) {
		d->sum->kept++;
		if ((st = sahifa_outfile_write(&d->out, l->text.data ? l->text.data : "",
					       l->text.len, d->err)))
			return st;
		return sahifa_outfile_write(&d->out, "\n", 1, d->err);
	}
	memset(&drop, 0, sizeof(drop));
	id_hex(d->e[i].id, id);
	id_hex(d->e[root].id, of);
	drop.id = id;
	drop.duplicate_of = of;
	if (!memcmp(d->e[i].key, d->e[root].key, 16)) {
		drop.reason = "exact_duplicate";
		drop.similarity = 1.0;
		d->sum->exact++;
	} else {
		drop.reason = "near_duplicate";
		drop.similarity = sahifa_minhash_similarity(d->e[i].sig, d->e[root].sig);
		d->sum->near++;
	}
	d->sum->previous += d->e[root].previous;
	drop.input = l->path;
	drop.line = l->line;
	sahifa_buf_reset(&d->line);
	if (corpus_drop_json(&drop, &d->line))
		return sahifa_error_nomem(d->err, NULL);
	return sahifa_outfile_write(&d->drops, d->line.data, d->line.len, d->err);
}

enum sahifa_status sahifa_dedup_run(const struct sahifa_dedup_options *opts,
				    const char *const *inputs, size_t n_inputs,
				    struct sahifa_dedup_summary *summary, struct sahifa_error *err)
{
	struct dedup d;
	struct corpus_pass pass;
	enum sahifa_status st = SAHIFA_OK;
	size_t i;
	int out_open = 0, drops_open = 0;

	memset(&d, 0, sizeof(d));
	memset(summary, 0, sizeof(*summary));
	d.o = opts;
	d.sum = summary;
	d.err = err;
	sahifa_buf_init(&d.line, 0);
	memset(&pass, 0, sizeof(pass));
	pass.threads = opts->threads;
	pass.work = sign_work;
	pass.collect = sign_collect;
	pass.ctx = &d;
	if (opts->sign && (opts->previous || opts->n_signatures))
		st = sahifa_error_set(err, SAHIFA_ERR_USAGE, NULL, 0, 0,
				      "signing takes records only, not --previous or --signatures");
	if (!st && opts->previous) {
		d.reading_previous = 1;
		st = corpus_pass_release(&pass, opts->previous, err);
		d.reading_previous = 0;
		d.n_prev = d.n;
		summary->previous_records = d.n;
	}
	if (!st && !opts->n_signatures) {
		unsigned long long lines = corpus_count_lines(inputs, n_inputs);
		size_t want = d.n + (size_t)lines;

		if (want > d.cap && want <= UINT32_MAX) {
			void *p = realloc(d.e, want * sizeof(*d.e));

			if (!p)
				st = sahifa_error_nomem(err, NULL);
			else
				d.e = p, d.cap = want;
		}
	}
	if (!st && opts->sign) {
		st = sign_only(&d, &pass, inputs, n_inputs);
		goto done;
	}
	if (!st && opts->n_signatures) {
		st = load_signatures(&d);
		if (!st && !(d.records_h = sahifa_sha256_new()))
			st = sahifa_error_nomem(err, NULL);
	} else if (!st)
		st = corpus_pass_run(&pass, inputs, n_inputs, err);
	if (!st)
		st = cluster(&d);
	if (!st) {
		unsigned char *seen = calloc(d.n ? d.n : 1, 1);

		if (!seen)
			st = sahifa_error_nomem(err, NULL);
		summary->records = d.n - d.n_prev;
		/* a cluster is a root with at least one member besides itself */
		for (i = 0; seen && i < d.n; i++) {
			uint32_t r = find(&d, (uint32_t)i);

			if (r != i && !seen[r]) {
				seen[r] = 1;
				summary->clusters++;
			}
		}
		free(seen);
		summary->bytes_per_record = sizeof(struct dedup_entry) + sizeof(struct keyed);
	}
	if (!st && !(st = sahifa_outfile_open(&d.out, opts->output ? opts->output : "-", err)))
		out_open = 1;
	if (!st && !(st = sahifa_outfile_open(&d.drops, opts->drops, err)))
		drops_open = 1;
	if (!st) {
		memset(&pass, 0, sizeof(pass));
		pass.threads = 1;
		pass.raw = 1;
		pass.collect = write_collect;
		pass.ctx = &d;
		st = corpus_pass_run(&pass, inputs, n_inputs, err);
	}
	if (!st && d.sig)
		st = check_signed_end(&d, n_inputs ? inputs[n_inputs - 1] : NULL);
	if (!st && summary->kept + summary->exact + summary->near != summary->records)
		st = sahifa_error_set(err, SAHIFA_ERR_IO, NULL, 0, 0,
				      "the inputs changed while they were read");
	if (!st) {
		st = sahifa_outfile_commit(&d.out, err);
		out_open = 0;
	}
	if (!st) {
		st = sahifa_outfile_commit(&d.drops, err);
		drops_open = 0;
	}
	if (out_open)
		sahifa_outfile_abort(&d.out);
	if (drops_open)
		sahifa_outfile_abort(&d.drops);
done:
	for (i = 0; i < d.n_sig; i++)
		dedup_sig_close(&d.sig[i]);
	free(d.sig);
	free(d.sig_end);
	free(d.line_hash);
	sahifa_sha256_free(d.records_h);
	free(d.e);
	sahifa_buf_release(&d.line);
	return st;
}
