/*
 * rules learn (include/sahifa/corpus.h): lines that recur across the documents of one
 * site, written as "line" rules for a person to review.  CCNet drops paragraphs whose
 * hash recurs within a shard; here the recurring lines become a reviewable file with
 * the count of documents each was seen in, and convert --rules removes them with the
 * rule named in every removed line.
 *
 * Memory: one entry per distinct (site, line) with the first text seen, plus the
 * sites; lines longer than a rule may be are not counted.
 */
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus_internal.h"
#include "sahifa/corpus.h"
#include "sahifa/limits.h"
#include "sahifa/outfile.h"
#include "text/icu_fold.h"

struct site {
	char *name;
	unsigned long long docs;
};

struct line_entry {
	uint64_t h;               /* of the site and the line's match key; 0: free slot */
	uint32_t site;
	uint32_t docs;
	char *text;               /* the first spelling seen */
};

struct learn {
	const struct sahifa_learn_options *o;
	struct sahifa_learn_summary *sum;
	struct site *sites;
	size_t n_sites, cap_sites;
	struct line_entry *t;
	size_t size, used;
	struct sahifa_error *err;
};

/* The site of a record: the host of its url, else the archive it came from, else its
 * folder. */
static enum sahifa_status site_of(const struct sahifa_article *a, struct sahifa_buf *out)
{
	const char *u = a->url, *p, *end;

	if (u && (p = strstr(u, "://")) && p[3]) {
		p += 3;
		end = p + strcspn(p, "/?#");
		if (memchr(p, '@', (size_t)(end - p)))
			p = (const char *)memchr(p, '@', (size_t)(end - p)) + 1;
		for (; p < end && *p != ':'; p++)
			if (sahifa_buf_append_char(out, (char)(*p >= 'A' && *p <= 'Z' ? *p | 32 : *p)))
				return SAHIFA_ERR_NOMEM;
		if (out->len)
			return SAHIFA_OK;
	}
	if (a->source.member)
		return sahifa_buf_append_str(out, a->source.name ? a->source.name : "-");
	p = a->source.name ? a->source.name : "-";
	end = strrchr(p, '/');
	return end ? sahifa_buf_append(out, p, (size_t)(end - p)) : sahifa_buf_append_str(out, ".");
}

struct doc_line {
	uint64_t h;
	const char *text;
};

static int cmp_doc_line(const void *a, const void *b)
{
	const struct doc_line *x = a, *y = b;

	return x->h < y->h ? -1 : x->h > y->h;
}

/* One document's distinct lines, hashed by match key: "site\0" then per line an
 * 8-byte hash, a 2-byte length and the text, then 10 zero bytes, in one block for
 * collect. */
static enum sahifa_status learn_work(void *ctx, struct corpus_line *l)
{
	const struct sahifa_article *a = &l->a;
	struct doc_line *dl = NULL;
	struct sahifa_buf key = SAHIFA_BUF_INIT, out = SAHIFA_BUF_INIT;
	size_t n = 0, cap = 0, i, j;
	enum sahifa_status st = SAHIFA_OK;

	(void)ctx;
	sahifa_buf_init(&key, 0);
	sahifa_buf_init(&out, 0);
#define ADD(txt) do { \
		const char *t_ = (txt); \
		if (t_ && *t_ && strlen(t_) < SAHIFA_MAX_RULE_BYTES && !st) { \
			if (n == cap) { \
				void *p_ = realloc(dl, (cap = cap ? cap * 2 : 64) * sizeof(*dl)); \
				if (!p_) { st = SAHIFA_ERR_NOMEM; break; } \
				dl = p_; \
			} \
			sahifa_buf_reset(&key); \
			if ((st = shf_fold_key(t_, strlen(t_), &key, &l->err))) \
				break; \
			if (key.len) { \
				dl[n].h = corpus_hash64(key.data, key.len, 7); \
				dl[n++].text = t_; \
			} \
		} \
	} while (0)
	ADD(a->headline);
	for (i = 0; i < a->n_sections; i++) {
		ADD(a->sections[i].heading);
		for (j = 0; j < a->sections[i].n_paragraphs; j++)
			ADD(a->sections[i].paragraphs[j].text);
	}
	for (i = 0; i < a->n_captions; i++)
		ADD(a->captions[i].text);
	for (i = 0; i < a->n_removed; i++)
		ADD(a->removed[i].text);
#undef ADD
	if (!st && !(st = site_of(a, &out)) && !(st = sahifa_buf_append_char(&out, '\0'))) {
		if (n)
			qsort(dl, n, sizeof(*dl), cmp_doc_line);
		for (i = 0; i < n && !st; i++) {
			uint16_t len = (uint16_t)strlen(dl[i].text);

			if (i && dl[i].h == dl[i - 1].h)
				continue;       /* once per document */
			if (!(st = sahifa_buf_append(&out, &dl[i].h, sizeof(dl[i].h))) &&
			    !(st = sahifa_buf_append(&out, &len, sizeof(len))))
				st = sahifa_buf_append(&out, dl[i].text, len);
		}
		if (!st)
			st = sahifa_buf_append(&out, "\0\0\0\0\0\0\0\0\0\0", 10); /* the end */
	}
	free(dl);
	sahifa_buf_release(&key);
	if (st) {
		sahifa_buf_release(&out);
		return l->err.msg[0] ? st : sahifa_error_set(&l->err, st, NULL, 0, 0, "out of memory");
	}
	l->out = sahifa_buf_detach(&out, &n);
	return l->out ? SAHIFA_OK : sahifa_error_set(&l->err, SAHIFA_ERR_NOMEM, NULL, 0, 0,
						     "out of memory");
}

static enum sahifa_status grow_table(struct learn *L)
{
	size_t nsize = L->size ? L->size * 2 : 4096, i;
	struct line_entry *nt = calloc(nsize, sizeof(*nt));

	if (!nt)
		return SAHIFA_ERR_NOMEM;
	for (i = 0; i < L->size; i++)
		if (L->t[i].h) {
			size_t k = (size_t)L->t[i].h & (nsize - 1);

			while (nt[k].h)
				k = (k + 1) & (nsize - 1);
			nt[k] = L->t[i];
		}
	free(L->t);
	L->t = nt;
	L->size = nsize;
	return SAHIFA_OK;
}

static enum sahifa_status site_index(struct learn *L, const char *name, uint32_t *out)
{
	size_t i;

	for (i = L->n_sites; i-- > 0; )
		if (!strcmp(L->sites[i].name, name)) {
			*out = (uint32_t)i;
			return SAHIFA_OK;
		}
	if (L->n_sites == L->cap_sites) {
		void *p = realloc(L->sites, (L->cap_sites = L->cap_sites ? L->cap_sites * 2 : 16) *
					    sizeof(*L->sites));

		if (!p)
			return SAHIFA_ERR_NOMEM;
		L->sites = p;
	}
	if (!(L->sites[L->n_sites].name = sahifa_strdup(name)))
		return SAHIFA_ERR_NOMEM;
	L->sites[L->n_sites].docs = 0;
	*out = (uint32_t)L->n_sites++;
	return SAHIFA_OK;
}

static enum sahifa_status learn_collect(void *ctx, struct corpus_line *l)
{
	struct learn *L = ctx;
	const char *p = l->out, *end;
	uint32_t site;
	enum sahifa_status st;
	size_t used = strlen(p) + 1;

	L->sum->records++;
	if ((st = site_index(L, p, &site)))
		goto nomem;
	L->sites[site].docs++;
	/* the block's length: walk it */
	end = p + used;
	for (;;) {
		uint64_t h;
		uint16_t len;
		size_t k;

		memcpy(&h, end, sizeof(h));
		if (!h && !end[8] && !end[9])
			break;
		memcpy(&len, end + 8, sizeof(len));
		h = corpus_mix64(h ^ ((uint64_t)site << 32 | 1)) | 1;
		if ((L->used + 1) * 2 > L->size && (st = grow_table(L)))
			goto nomem;
		k = (size_t)h & (L->size - 1);
		while (L->t[k].h && L->t[k].h != h)
			k = (k + 1) & (L->size - 1);
		if (!L->t[k].h) {
			L->t[k].h = h;
			L->t[k].site = site;
			if (!(L->t[k].text = sahifa_strndup(end + 10, len)))
				goto nomem;
			L->used++;
		}
		L->t[k].docs++;
		end += 10 + len;
	}
	free(l->out);
	l->out = NULL;
	return SAHIFA_OK;
nomem:
	free(l->out);
	l->out = NULL;
	return sahifa_error_nomem(L->err, NULL);
}

/* By site name, then most documents first, then text. */
static int cmp_entry(const void *a, const void *b, void *ctx)
{
	const struct learn *cmp_ctx = ctx;
	const struct line_entry *x = *(const struct line_entry *const *)a;
	const struct line_entry *y = *(const struct line_entry *const *)b;
	int c = strcmp(cmp_ctx->sites[x->site].name, cmp_ctx->sites[y->site].name);

	if (c)
		return c;
	if (x->docs != y->docs)
		return x->docs > y->docs ? -1 : 1;
	return strcmp(x->text, y->text);
}

/* A phrase the rules parser reads back as written: one line, no leading '#'. */
static int writable(const char *s)
{
	return !strchr(s, '\n') && !strchr(s, '\r') && s[0] != '#';
}

static enum sahifa_status write_rules(struct learn *L)
{
	unsigned long long min_docs = L->o->min_docs ? L->o->min_docs : SAHIFA_LEARN_DEFAULT_MIN_DOCS;
	double min_share = L->o->min_share > 0 ? L->o->min_share : SAHIFA_LEARN_DEFAULT_MIN_SHARE;
	struct line_entry **pick = NULL;
	struct sahifa_outfile out;
	struct sahifa_buf b = SAHIFA_BUF_INIT;
	size_t n = 0, i;
	long prev = -1;
	enum sahifa_status st;

	if (L->used && !(pick = malloc(L->used * sizeof(*pick))))
		return sahifa_error_nomem(L->err, NULL);
	for (i = 0; i < L->size; i++) {
		const struct line_entry *e = &L->t[i];

		if (e->h && e->docs >= min_docs &&
		    (double)e->docs >= min_share * (double)L->sites[e->site].docs && writable(e->text))
			pick[n++] = &L->t[i];
	}
	if (n)
		qsort_r(pick, n, sizeof(*pick), cmp_entry, L);
	sahifa_buf_init(&b, 0);
	st = sahifa_buf_appendf(&b, "# sahifa rules learn: lines seen in at least %llu documents and "
				"%.0f%% of the documents of one site.\n# Review before use: "
				"sahifa convert --rules FILE removes each line as chrome, naming "
				"its rule.\n", min_docs, min_share * 100);
	for (i = 0; !st && i < n; i++) {
		const struct line_entry *e = pick[i];

		if ((long)e->site != prev) {
			prev = (long)e->site;
			L->sum->sites++;
			st = sahifa_buf_appendf(&b, "\n# site %s: %llu documents\n",
						L->sites[e->site].name, L->sites[e->site].docs);
		}
		if (!st)
			st = sahifa_buf_appendf(&b, "# %u documents\nline %s\n", e->docs, e->text);
		L->sum->rules++;
	}
	free(pick);
	if (st) {
		sahifa_buf_release(&b);
		return sahifa_error_nomem(L->err, NULL);
	}
	if (!(st = sahifa_outfile_open(&out, L->o->output ? L->o->output : "-", L->err))) {
		st = sahifa_outfile_write(&out, b.data, b.len, L->err);
		if (!st)
			st = sahifa_outfile_commit(&out, L->err);
		else
			sahifa_outfile_abort(&out);
	}
	sahifa_buf_release(&b);
	return st;
}

enum sahifa_status sahifa_rules_learn(const struct sahifa_learn_options *opts,
				      const char *const *inputs, size_t n_inputs,
				      struct sahifa_learn_summary *summary,
				      struct sahifa_error *err)
{
	struct learn L;
	struct corpus_pass pass;
	enum sahifa_status st;
	size_t i;

	memset(&L, 0, sizeof(L));
	memset(summary, 0, sizeof(*summary));
	L.o = opts;
	L.sum = summary;
	L.err = err;
	memset(&pass, 0, sizeof(pass));
	pass.threads = opts->threads;
	pass.work = learn_work;
	pass.collect = learn_collect;
	pass.ctx = &L;
	st = corpus_pass_run(&pass, inputs, n_inputs, err);
	if (!st)
		st = write_rules(&L);
	for (i = 0; i < L.size; i++)
		free(L.t[i].text);
	free(L.t);
	for (i = 0; i < L.n_sites; i++)
		free(L.sites[i].name);
	free(L.sites);
	return st;
}
