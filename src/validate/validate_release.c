/*
 * Whole releases, as a directory or an archive read member by member: every member
 * checked by kind and hashed as it streams past, then the manifest, the data package
 * and the agreement of the CSVs with the JSONL shards checked from what was kept
 * (per article: field hashes and paragraph row hashes, never the texts).
 */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/array.h"
#include "io/archive_read.h"
#include "core/embed.h"
#include "release/layout.h"
#include "validate/validate_internal.h"
#include "sahifa/limits.h"
#include "sahifa/sha256.h"

#define N_ART_FIELDS SHF_LAYOUT_ARTICLES_COLUMNS
#define CONF_FIELD SHF_LAYOUT_ARTICLES_CONFIDENCE /* compared as a number */
#define CONF_TOLERANCE 0.0005000001

struct member {
	char *rel;                      /* path below the top folder */
	unsigned long long bytes;
	long long rows;                 /* -1: not a data file */
	char sha256[65];
	int listed;
};

struct para_list {
	uint64_t *h;
	size_t n, cap;
};

struct article {
	char id[33];
	int in_jsonl, in_csv;
	int split_jsonl, split_csv;
	long line_jsonl, line_csv;
	size_t shard;                   /* member index of the JSONL shard */
	uint64_t fj[N_ART_FIELDS], fc[N_ART_FIELDS];
	uint64_t fcu[N_ART_FIELDS];     /* fc with a spreadsheet's formula guard taken off */
	double conf_j, conf_c;
	struct para_list pj, pc, pcu;
	long para_line;                 /* first paragraphs.csv line of the article */
};

struct release {
	struct vrun *r;
	char prefix[SAHIFA_ERROR_PATH_MAX];   /* "dir/" or "archive!TOP/" */
	char top[512];
	struct member *members;
	size_t n_members, cap_members;
	struct sahifa_buf manifest, datapackage;
	int have_manifest, have_datapackage;
	struct shf_hset arts;           /* id hash -> struct article * (uintptr_t) */
	struct table_schema *ts_articles, *ts_paragraphs, *ts_duplicates;
	int spreadsheet;                /* manifest.json: "csv": "spreadsheet" */
	int bom[3];                     /* articles, paragraphs, duplicates.csv began with a BOM */
	int have_dups;
	struct id_pair { char dropped[33], kept[33]; long line; } *dups;
	size_t n_dups, cap_dups;
	/* the member being read */
	struct member *cur;
	char cur_path[SAHIFA_ERROR_PATH_MAX];
	struct sahifa_sha256 *sha;
	int kind;                       /* K_* */
	int cur_split;
	struct jsonl_check jc;
	struct csv_check cc;
	struct sahifa_buf *meta;
	unsigned long long total;       /* archive bytes read so far */
	int fatal;
	int archive;                    /* read from an archive, not a directory */
};

enum { K_OTHER = 0, K_JSONL, K_ARTICLES, K_PARAGRAPHS, K_META, K_DUPS };

static void member_path(struct release *rel, const char *r, char *out, size_t size)
{
	size_t a = strlen(rel->prefix), b = strlen(r);

	/* Cut, not overflow, when the two do not fit. */
	if (a >= size)
		a = size - 1;
	if (b >= size - a)
		b = size - a - 1;
	memcpy(out, rel->prefix, a);
	memcpy(out + a, r, b);
	out[a + b] = '\0';
}

/* ---- articles by id ---- */

/* The article at a set value. */
static struct article *art_at(const struct release *rel, size_t i)
{
	return (struct article *)(uintptr_t)rel->arts.values[i];
}

struct art_key {
	const char *id;
	size_t len;
};

static int art_same(void *ctx, uint64_t value)
{
	const struct art_key *k = ctx;
	const struct article *a = (const struct article *)(uintptr_t)value;

	return strlen(a->id) == k->len && !memcmp(a->id, k->id, k->len);
}

static struct article *art_get(struct release *rel, const char *id, size_t len, int create)
{
	uint64_t h = vhash(id, len, VHASH_SEED);
	struct art_key key = { id, len };
	struct article *a;
	size_t i;

	if (len > 32)
		return NULL;
	if (create && shf_hset_reserve(&rel->arts))
		return NULL;
	if (!rel->arts.cap)
		return NULL;
	i = shf_hset_find(&rel->arts, h, art_same, &key);
	if (rel->arts.values[i])
		return art_at(rel, i);
	if (!create)
		return NULL;
	a = calloc(1, sizeof(*a));
	if (!a)
		return NULL;
	memcpy(a->id, id, len);
	a->split_jsonl = a->split_csv = -1;
	rel->arts.hashes[i] = h;
	rel->arts.values[i] = (uint64_t)(uintptr_t)a;
	rel->arts.n++;
	return a;
}

static int para_push(struct para_list *l, uint64_t h)
{
	if (SHF_ARRAY_GROW(l->h, l->n, l->cap, 8))
		return -1;
	l->h[l->n++] = h;
	return 0;
}

/* Field hashes: a null and an empty field are the same (CSV writes null as empty). */
static uint64_t field_hash(const char *s, size_t len)
{
	return s && len ? vhash(s, len, VHASH_SEED) : 0;
}

static uint64_t str_hash(const struct sahifa_json *v)
{
	const char *s = shf_json_string(v);

	return s ? field_hash(s, strlen(s)) : 0;
}

/* Integers hash as their decimal text, so "12" in a CSV equals 12 in JSON. */
static uint64_t int_hash(const struct sahifa_json *v)
{
	long long n;
	char num[32];

	if (!shf_json_integer(v, &n))
		return 1;
	snprintf(num, sizeof(num), "%lld", n);
	return field_hash(num, strlen(num));
}

static uint64_t csv_int_hash(const char *s, size_t len)
{
	char *end;
	long long n;
	char num[32];

	if (!len)
		return 0;
	errno = 0;
	n = strtoll(s, &end, 10);
	if (errno || *end)
		return field_hash(s, len);
	snprintf(num, sizeof(num), "%lld", n);
	return field_hash(num, strlen(num));
}

static uint64_t row_hash(const uint64_t *f, size_t n)
{
	return vhash(f, n * sizeof(*f), VHASH_SEED);
}

/* ---- JSONL rows of a shard ---- */

static enum sahifa_status on_jsonl_row(void *ctx, const struct sahifa_json *row, long line)
{
	struct release *rel = ctx;
	const char *id = shf_json_string(shf_json_get(row, "id"));
	const struct sahifa_json *src = shf_json_get(row, "source"), *stats, *s, *p;
	struct article *a;
	size_t si, pi;

	if (!id || strlen(id) != 32)
		return SAHIFA_OK;  /* the schema check reported it */
	a = art_get(rel, id, 32, 1);
	if (!a)
		return SAHIFA_ERR_NOMEM;
	if (a->in_jsonl) {
		char first[SAHIFA_ERROR_PATH_MAX];

		member_path(rel, rel->members[a->shard].rel, first, sizeof(first));
		vrun_report(rel->r, rel->cur_path, line, 0, "/id",
			    "duplicate id '%s' (first in %s:%ld)", id, first, a->line_jsonl);
		return SAHIFA_OK;
	}
	a->in_jsonl = 1;
	a->split_jsonl = rel->cur_split;
	a->line_jsonl = line;
	a->shard = (size_t)(rel->cur - rel->members);
	stats = shf_json_get(row, "stats");
	a->fj[0] = field_hash(id, 32);
	a->fj[1] = rel->cur_split >= 0 ? field_hash(sahifa_split_name((enum sahifa_split)rel->cur_split),
						     strlen(sahifa_split_name((enum sahifa_split)rel->cur_split))) : 0;
	a->fj[2] = str_hash(shf_json_get(row, "headline"));
	a->fj[3] = str_hash(shf_json_get(row, "byline"));
	a->fj[4] = str_hash(shf_json_get(row, "lang"));
	a->fj[5] = str_hash(shf_json_get(row, "script"));
	a->conf_j = shf_json_number(shf_json_get(row, "lang_confidence"));
	a->fj[7] = int_hash(shf_json_get(stats, "sections"));
	a->fj[8] = int_hash(shf_json_get(stats, "paragraphs"));
	a->fj[9] = int_hash(shf_json_get(stats, "captions"));
	a->fj[10] = int_hash(shf_json_get(stats, "removed"));
	a->fj[11] = int_hash(shf_json_get(stats, "characters"));
	a->fj[12] = int_hash(shf_json_get(stats, "words"));
	a->fj[13] = str_hash(shf_json_get(src, "name"));
	a->fj[14] = str_hash(shf_json_get(src, "member"));
	a->fj[15] = str_hash(shf_json_get(src, "sha256"));
	a->fj[16] = str_hash(shf_json_get(src, "encoding"));
	a->fj[17] = str_hash(shf_json_get(row, "url"));
	a->fj[18] = str_hash(shf_json_get(row, "published"));
	a->fj[19] = str_hash(shf_json_get(row, "modified"));
	a->fj[20] = str_hash(shf_json_get(row, "site_name"));
	a->fj[21] = str_hash(shf_json_get(row, "description"));
	a->fj[22] = str_hash(shf_json_get(row, "html_lang"));
	a->fj[23] = str_hash(shf_json_get(src, "declared_encoding"));
	a->fj[24] = str_hash(shf_json_get(src, "format"));
	for (s = shf_json_child(shf_json_get(row, "sections")), si = 0; s;
	     s = shf_json_next(s), si++) {
		const struct sahifa_json *paras = shf_json_get(s, "paragraphs");

		for (p = shf_json_child(paras), pi = 0; p; p = shf_json_next(p), pi++) {
			uint64_t f[11];
			char num[32];

			f[0] = a->fj[0];
			f[1] = a->fj[1];
			snprintf(num, sizeof(num), "%zu", si);
			f[2] = field_hash(num, strlen(num));
			f[3] = str_hash(shf_json_get(s, "heading"));
			f[4] = int_hash(shf_json_get(s, "level"));
			snprintf(num, sizeof(num), "%zu", pi);
			f[5] = field_hash(num, strlen(num));
			f[6] = str_hash(shf_json_get(p, "kind"));
			f[7] = str_hash(shf_json_get(p, "lang"));
			f[8] = str_hash(shf_json_get(p, "script"));
			f[9] = int_hash(shf_json_get(p, "line"));
			f[10] = str_hash(shf_json_get(p, "text"));
			if (para_push(&a->pj, row_hash(f, 11)))
				return SAHIFA_ERR_NOMEM;
		}
	}
	return SAHIFA_OK;
}

/* ---- CSV rows ---- */

/* The hash of a cell as the record has it when a spreadsheet-safe writer guarded it
 * ("'=..." -> "=..."); of the cell itself otherwise. */
static uint64_t unguarded_hash(const char *s, size_t len)
{
	if (len >= 2 && s[0] == '\'' && (s[1] == '=' || s[1] == '+' || s[1] == '-' ||
					  s[1] == '@' || s[1] == '\t' || s[1] == '\r'))
		return field_hash(s + 1, len - 1);
	return field_hash(s, len);
}

static enum sahifa_status on_articles_row(void *ctx, const char *const *f, const size_t *lens,
					  size_t n, long line)
{
	struct release *rel = ctx;
	struct article *a;
	size_t i;

	if (lens[0] != 32)
		return SAHIFA_OK;  /* the Table Schema check reported it */
	a = art_get(rel, f[0], 32, 1);
	if (!a)
		return SAHIFA_ERR_NOMEM;
	if (a->in_csv)
		return SAHIFA_OK;  /* the primary key check reported it */
	a->in_csv = 1;
	a->line_csv = line;
	a->split_csv = shf_layout_split_index(f[1], lens[1]);
	for (i = 0; i < n && i < N_ART_FIELDS; i++) {
		a->fc[i] = (i >= 7 && i <= 12) ? csv_int_hash(f[i], lens[i]) : field_hash(f[i], lens[i]);
		a->fcu[i] = (i >= 7 && i <= 12) ? a->fc[i] : unguarded_hash(f[i], lens[i]);
	}
	a->conf_c = strtod(f[CONF_FIELD], NULL);
	return SAHIFA_OK;
}

static enum sahifa_status on_paragraphs_row(void *ctx, const char *const *f, const size_t *lens,
					    size_t n, long line)
{
	struct release *rel = ctx;
	struct article *a;
	uint64_t h[11], hu[11];
	size_t i;

	if (lens[0] != 32 || n != 11)
		return SAHIFA_OK;
	a = art_get(rel, f[0], 32, 1);
	if (!a)
		return SAHIFA_ERR_NOMEM;
	for (i = 0; i < 11; i++) {
		int num = i == 2 || i == 4 || i == 5 || i == 9;

		h[i] = num ? csv_int_hash(f[i], lens[i]) : field_hash(f[i], lens[i]);
		hu[i] = num ? h[i] : unguarded_hash(f[i], lens[i]);
	}
	if (!a->pc.n)
		a->para_line = line;
	if (para_push(&a->pc, row_hash(h, 11)) || para_push(&a->pcu, row_hash(hu, 11)))
		return SAHIFA_ERR_NOMEM;
	return SAHIFA_OK;
}

static enum sahifa_status on_dups_row(void *ctx, const char *const *f, const size_t *lens,
				      size_t n, long line)
{
	struct release *rel = ctx;
	struct id_pair *d;

	if (n != 2 || lens[0] != 32 || lens[1] != 32)
		return SAHIFA_OK;  /* the Table Schema check reported it */
	if (SHF_ARRAY_GROW(rel->dups, rel->n_dups, rel->cap_dups, 64))
		return SAHIFA_ERR_NOMEM;
	d = &rel->dups[rel->n_dups++];
	memcpy(d->dropped, f[0], 32);
	d->dropped[32] = '\0';
	memcpy(d->kept, f[1], 32);
	d->kept[32] = '\0';
	d->line = line;
	return SAHIFA_OK;
}

/* ---- members ---- */

static enum sahifa_status member_begin(struct release *rel, const char *relpath)
{
	struct member *m;
	struct sahifa_schema *schema;
	struct sahifa_error e;
	enum sahifa_status st;
	size_t len = strlen(relpath);

	if (SHF_ARRAY_GROW(rel->members, rel->n_members, rel->cap_members, 32))
		return SAHIFA_ERR_NOMEM;
	m = &rel->members[rel->n_members++];
	memset(m, 0, sizeof(*m));
	m->rows = -1;
	if (!(m->rel = sahifa_strdup(relpath)))
		return SAHIFA_ERR_NOMEM;
	rel->cur = m;
	rel->r->file_errors = 0;
	member_path(rel, relpath, rel->cur_path, sizeof(rel->cur_path));
	if (!rel->sha && !(rel->sha = sahifa_sha256_new()))
		return SAHIFA_ERR_NOMEM;
	rel->kind = K_OTHER;
	rel->meta = NULL;
	if (!strcmp(relpath, "manifest.json") || !strcmp(relpath, "datapackage.json")) {
		rel->kind = K_META;
		rel->meta = relpath[0] == 'm' ? &rel->manifest : &rel->datapackage;
		if (relpath[0] == 'm')
			rel->have_manifest = 1;
		else
			rel->have_datapackage = 1;
		sahifa_buf_init(rel->meta, SHF_LAYOUT_META_MAX);
	} else if (len > 6 && !strcmp(relpath + len - 6, ".jsonl")) {
		rel->cur_split = shf_layout_shard_parse(relpath, NULL, NULL);
		if (rel->cur_split < 0)
			vrun_report(rel->r, rel->cur_path, 0, 0, NULL,
				    "not a shard name (data/<train|validation|test>-NNNNN-of-MMMMM.jsonl)");
		if ((st = vrun_article_schema(rel->r, &schema, &e)))
			return st;
		rel->kind = K_JSONL;
		jsonl_check_init(&rel->jc, rel->r, rel->cur_path, schema);
		rel->jc.on_row = on_jsonl_row;
		rel->jc.row_ctx = rel;
	} else if (!strcmp(relpath, "data/articles.csv") || !strcmp(relpath, "data/paragraphs.csv")) {
		int art = relpath[5] == 'a';

		rel->kind = art ? K_ARTICLES : K_PARAGRAPHS;
		if ((st = csv_check_init(&rel->cc, rel->r, rel->cur_path,
					 art ? rel->ts_articles : rel->ts_paragraphs)))
			return st;
		rel->cc.on_row = art ? on_articles_row : on_paragraphs_row;
		rel->cc.row_ctx = rel;
	} else if (!strcmp(relpath, "data/duplicates.csv")) {
		rel->kind = K_DUPS;
		rel->have_dups = 1;
		if ((st = csv_check_init(&rel->cc, rel->r, rel->cur_path, rel->ts_duplicates)))
			return st;
		rel->cc.on_row = on_dups_row;
		rel->cc.row_ctx = rel;
	}
	return SAHIFA_OK;
}

static enum sahifa_status member_feed(struct release *rel, const char *data, size_t len)
{
	rel->cur->bytes += len;
	sahifa_sha256_update(rel->sha, data, len);
	switch (rel->kind) {
	case K_JSONL:
		return jsonl_check_feed(&rel->jc, data, len);
	case K_ARTICLES:
	case K_PARAGRAPHS:
	case K_DUPS:
		return csv_check_feed(&rel->cc, data, len);
	case K_META:
		if (sahifa_buf_append(rel->meta, data, len)) {
			vrun_report(rel->r, rel->cur_path, 0, 0, NULL, "larger than %zu bytes",
				    SHF_LAYOUT_META_MAX);
			rel->kind = K_OTHER;
			sahifa_buf_release(rel->meta);
		}
		return SAHIFA_OK;
	}
	return SAHIFA_OK;
}

static enum sahifa_status member_end(struct release *rel)
{
	enum sahifa_status st = SAHIFA_OK;
	struct member *m = rel->cur;

	sahifa_sha256_final(rel->sha, m->sha256);
	if (rel->kind == K_JSONL) {
		st = jsonl_check_finish(&rel->jc);
		m->rows = (long long)rel->jc.rows;
		jsonl_check_release(&rel->jc);
	} else if (rel->kind == K_ARTICLES || rel->kind == K_PARAGRAPHS || rel->kind == K_DUPS) {
		st = csv_check_finish(&rel->cc);
		m->rows = (long long)rel->cc.rows;
		/* a spreadsheet-safe CSV begins with a BOM; the manifest says whether it may */
		rel->bom[rel->kind == K_ARTICLES ? 0 : rel->kind == K_PARAGRAPHS ? 1 : 2] = rel->cc.bom;
		csv_check_release(&rel->cc);
	}
	vrun_file_done(rel->r, rel->cur_path, "member", m->rows > 0 ? (unsigned long long)m->rows : 0);
	rel->cur = NULL;
	if (st == SAHIFA_ERR_DATA)
		return vrun_stopped(rel->r) ? SAHIFA_ERR_DATA : SAHIFA_OK;
	return st;
}

/* ---- after the members: manifest, data package, agreement ---- */

static struct member *member_find(struct release *rel, const char *relpath)
{
	size_t i;

	for (i = 0; i < rel->n_members; i++)
		if (!strcmp(rel->members[i].rel, relpath))
			return &rel->members[i];
	return NULL;
}

static void check_manifest(struct release *rel)
{
	struct sahifa_json *doc = NULL;
	const struct sahifa_json *files, *f, *counts;
	char path[SAHIFA_ERROR_PATH_MAX], mpath[SAHIFA_ERROR_PATH_MAX], where[64];
	const char *name, *version, *csv;
	size_t i;
	long long n;
	unsigned long long jsonl_rows = 0;

	member_path(rel, "manifest.json", path, sizeof(path));
	if (!rel->have_manifest) {
		vrun_report(rel->r, path, 0, 0, NULL, "missing: a release has a manifest.json");
		return;
	}
	manifest_check(rel->r, path, rel->manifest.data ? rel->manifest.data : "",
		       rel->manifest.len, &doc);
	if (!doc)
		return;
	name = shf_json_string(shf_json_get(doc, "name"));
	version = shf_json_string(shf_json_get(doc, "version"));
	csv = shf_json_string(shf_json_get(doc, "csv"));
	rel->spreadsheet = csv && !strcmp(csv, "spreadsheet");
	for (i = 0; i < 3; i++) {
		static const char *const names[3] = { "data/articles.csv", "data/paragraphs.csv",
						      "data/duplicates.csv" };

		member_path(rel, names[i], mpath, sizeof(mpath));
		if (csv && rel->bom[i] != rel->spreadsheet && member_find(rel, names[i]))
			vrun_report(rel->r, mpath, 0, 0, NULL, "%s, but manifest.json says csv '%s'",
				    rel->bom[i] ? "begins with a UTF-8 BOM" : "has no UTF-8 BOM", csv);
	}
	/* The name of a release is its manifest's: a directory may be called anything (".",
	 * a clone); inside an archive the top folder is NAME-VERSION. */
	if (name && version && rel->top[0] && rel->archive) {
		char want[600];

		snprintf(want, sizeof(want), "%s-%s", name, version);
		if (strcmp(want, rel->top))
			vrun_report(rel->r, path, 0, 0, "/name",
				    "top folder is '%s/' but the manifest says '%s'", rel->top,
				    want);
	}
	files = shf_json_get(doc, "files");
	for (f = shf_json_child(files), i = 0; f; f = shf_json_next(f), i++) {
		const char *p = shf_json_string(shf_json_get(f, "path"));
		const char *sha = shf_json_string(shf_json_get(f, "sha256"));
		const struct sahifa_json *rows = shf_json_get(f, "rows");
		struct member *m;

		if (!p)
			continue;
		snprintf(where, sizeof(where), "/files/%zu", i);
		member_path(rel, p, mpath, sizeof(mpath));
		m = member_find(rel, p);
		if (!m || !strcmp(p, "manifest.json")) {
			vrun_report(rel->r, mpath, 0, 0, NULL,
				    "listed in manifest.json but missing from the release");
			continue;
		}
		if (m->listed)
			vrun_report(rel->r, path, 0, 0, where, "'%s' is listed twice", p);
		m->listed = 1;
		if (shf_json_integer(shf_json_get(f, "bytes"), &n) &&
		    (unsigned long long)n != m->bytes)
			vrun_report(rel->r, mpath, 0, 0, NULL,
				    "%llu bytes, but manifest.json says %lld", m->bytes, n);
		if (sha && strcmp(sha, m->sha256))
			vrun_report(rel->r, mpath, 0, 0, NULL,
				    "SHA-256 %s differs from manifest.json's %.64s", m->sha256, sha);
		if (shf_json_integer(rows, &n) && n != m->rows)
			vrun_report(rel->r, mpath, 0, 0, NULL, "%lld rows, but manifest.json says %lld",
				    m->rows, n);
		else if (shf_json_type(rows) == SAHIFA_JSON_NULL && m->rows >= 0)
			vrun_report(rel->r, mpath, 0, 0, NULL,
				    "a data file, but manifest.json gives it no rows");
	}
	for (i = 0; i < rel->n_members; i++) {
		struct member *m = &rel->members[i];

		if (m->rows >= 0 && m->rel[strlen(m->rel) - 1] == 'l')
			jsonl_rows += (unsigned long long)m->rows;
		if (!m->listed && strcmp(m->rel, "manifest.json")) {
			member_path(rel, m->rel, mpath, sizeof(mpath));
			vrun_report(rel->r, mpath, 0, 0, NULL, "not listed in manifest.json");
		}
	}
	counts = shf_json_get(doc, "counts");
	if (shf_json_integer(shf_json_get(counts, "articles"), &n) &&
	    (unsigned long long)n != jsonl_rows)
		vrun_report(rel->r, path, 0, 0, "/counts/articles",
			    "says %lld articles, the shards hold %llu rows", n, jsonl_rows);
	if (rel->have_dups && shf_json_integer(shf_json_get(counts, "duplicates_dropped"), &n) &&
	    (unsigned long long)n != rel->n_dups)
		vrun_report(rel->r, path, 0, 0, "/counts/duplicates_dropped",
			    "says %lld duplicates dropped, data/duplicates.csv lists %zu", n,
			    rel->n_dups);
	shf_json_free(doc);
}

static void check_datapackage(struct release *rel)
{
	struct sahifa_json *doc = NULL;
	const struct sahifa_json *res, *x;
	char path[SAHIFA_ERROR_PATH_MAX], mpath[SAHIFA_ERROR_PATH_MAX], where[64];
	size_t i;
	long long n;

	member_path(rel, "datapackage.json", path, sizeof(path));
	if (!rel->have_datapackage) {
		vrun_report(rel->r, path, 0, 0, NULL, "missing: a release has a datapackage.json");
		return;
	}
	datapackage_check(rel->r, path, rel->datapackage.data ? rel->datapackage.data : "",
			  rel->datapackage.len, &doc);
	if (!doc)
		return;
	res = shf_json_get(doc, "resources");
	for (i = 0; i < rel->n_members; i++)
		rel->members[i].listed = 0;
	for (x = shf_json_child(res), i = 0; x; x = shf_json_next(x), i++) {
		const char *p = shf_json_string(shf_json_get(x, "path"));
		const char *hash = shf_json_string(shf_json_get(x, "hash"));
		struct member *m;

		if (!p)
			continue;
		snprintf(where, sizeof(where), "/resources/%zu", i);
		m = member_find(rel, p);
		if (!m) {
			member_path(rel, p, mpath, sizeof(mpath));
			vrun_report(rel->r, path, 0, 0, where,
				    "resource '%s' is not in the release", p);
			continue;
		}
		m->listed = 1;
		if (shf_json_integer(shf_json_get(x, "bytes"), &n) &&
		    (unsigned long long)n != m->bytes)
			vrun_report(rel->r, path, 0, 0, where,
				    "'%s' has %llu bytes, the data package says %lld", p, m->bytes, n);
		if (hash && (strncmp(hash, "sha256:", 7) || strcmp(hash + 7, m->sha256)))
			vrun_report(rel->r, path, 0, 0, where,
				    "'%s' hash differs from the file's sha256:%s", p, m->sha256);
	}
	for (i = 0; i < rel->n_members; i++)
		if (!rel->members[i].listed && !strncmp(rel->members[i].rel, "data/", 5))
			vrun_report(rel->r, path, 0, 0, NULL, "data file '%s' is not a resource",
				    rel->members[i].rel);
	shf_json_free(doc);
}

static void check_agreement(struct release *rel)
{
	char apath[SAHIFA_ERROR_PATH_MAX], ppath[SAHIFA_ERROR_PATH_MAX], jpath[SAHIFA_ERROR_PATH_MAX];
	char dpath[SAHIFA_ERROR_PATH_MAX];
	size_t i, k;
	int have_csv = member_find(rel, "data/articles.csv") != NULL;
	int have_pcsv = member_find(rel, "data/paragraphs.csv") != NULL;

	member_path(rel, "data/articles.csv", apath, sizeof(apath));
	member_path(rel, "data/paragraphs.csv", ppath, sizeof(ppath));
	if (!have_csv)
		vrun_report(rel->r, apath, 0, 0, NULL, "missing: a release has data/articles.csv");
	if (!have_pcsv)
		vrun_report(rel->r, ppath, 0, 0, NULL, "missing: a release has data/paragraphs.csv");
	member_path(rel, "data/duplicates.csv", dpath, sizeof(dpath));
	if (!rel->have_dups)
		vrun_report(rel->r, dpath, 0, 0, NULL, "missing: a release has data/duplicates.csv");
	for (i = 0; i < rel->n_dups && !vrun_stopped(rel->r); i++) {
		const struct article *kept = art_get(rel, rel->dups[i].kept, 32, 0);
		const struct article *gone = art_get(rel, rel->dups[i].dropped, 32, 0);

		if (!kept || !kept->in_jsonl)
			vrun_report(rel->r, dpath, rel->dups[i].line, 0, NULL,
				    "kept article '%s' is in no JSONL shard", rel->dups[i].kept);
		else if (gone && gone->in_jsonl && strcmp(rel->dups[i].dropped, rel->dups[i].kept))
			vrun_report(rel->r, dpath, rel->dups[i].line, 0, NULL,
				    "dropped article '%s' is in a JSONL shard", rel->dups[i].dropped);
	}
	for (i = 0; i < rel->arts.cap && !vrun_stopped(rel->r); i++) {
		struct article *a = art_at(rel, i);

		if (!a)
			continue;
		if (a->in_jsonl)
			member_path(rel, rel->members[a->shard].rel, jpath, sizeof(jpath));
		if (a->in_jsonl && !a->in_csv) {
			if (have_csv)
				vrun_report(rel->r, jpath, a->line_jsonl, 0, NULL,
					    "article '%s' has no row in data/articles.csv", a->id);
			continue;
		}
		if (!a->in_jsonl) {
			if (a->in_csv)
				vrun_report(rel->r, apath, a->line_csv, 0, NULL,
					    "article '%s' is in no JSONL shard", a->id);
			else
				vrun_report(rel->r, ppath, a->para_line, 0, NULL,
					    "paragraphs of article '%s', which is in no JSONL shard",
					    a->id);
			continue;
		}
		if (a->split_csv >= 0 && a->split_jsonl >= 0 && a->split_csv != a->split_jsonl)
			vrun_report(rel->r, apath, a->line_csv, 0, NULL,
				    "article '%s' is in split '%s' here but in shard %s", a->id,
				    sahifa_split_name((enum sahifa_split)a->split_csv), rel->members[a->shard].rel);
		for (k = 2; k < N_ART_FIELDS; k++)
			if (k != CONF_FIELD && (rel->spreadsheet ? a->fcu[k] : a->fc[k]) != a->fj[k])
				vrun_report(rel->r, apath, a->line_csv, 0, NULL,
					    "field '%s' of article '%s' differs from its JSONL record "
					    "(%s:%ld)", shf_layout_articles_columns[k], a->id, rel->members[a->shard].rel,
					    a->line_jsonl);
		if (fabs(a->conf_c - a->conf_j) > CONF_TOLERANCE)
			vrun_report(rel->r, apath, a->line_csv, 0, NULL,
				    "field 'lang_confidence' of article '%s' differs from its JSONL "
				    "record", a->id);
		if (!have_pcsv)
			continue;
		if (a->pc.n != a->pj.n) {
			vrun_report(rel->r, ppath, a->para_line, 0, NULL,
				    "article '%s' has %zu paragraph rows, its JSONL record %zu paragraphs",
				    a->id, a->pc.n, a->pj.n);
			continue;
		}
		for (k = 0; k < a->pc.n; k++)
			if ((rel->spreadsheet ? a->pcu.h[k] : a->pc.h[k]) != a->pj.h[k]) {
				vrun_report(rel->r, ppath, a->para_line, 0, NULL,
					    "paragraph %zu of article '%s' differs from its JSONL record",
					    k, a->id);
				break;
			}
	}
}

static enum sahifa_status release_init(struct release *rel, struct vrun *r, struct sahifa_error *err)
{
	const struct sahifa_embed *ea = shf_embed_find("schema/articles.table.json");
	const struct sahifa_embed *ep = shf_embed_find("schema/paragraphs.table.json");
	const struct sahifa_embed *ed = shf_embed_find("schema/duplicates.table.json");
	enum sahifa_status st;

	memset(rel, 0, sizeof(*rel));
	rel->r = r;
	if (!ea || !ep || !ed)
		return sahifa_error_set(err, SAHIFA_ERR_INTERNAL, NULL, 0, 0,
					"the Table Schemas are not built in");
	if ((st = table_schema_load(ea->data, ea->len, &rel->ts_articles, err)) ||
	    (st = table_schema_load(ep->data, ep->len, &rel->ts_paragraphs, err)) ||
	    (st = table_schema_load(ed->data, ed->len, &rel->ts_duplicates, err)))
		return st;
	return SAHIFA_OK;
}

static void release_release(struct release *rel)
{
	size_t i;

	for (i = 0; i < rel->n_members; i++)
		free(rel->members[i].rel);
	free(rel->members);
	for (i = 0; i < rel->arts.cap; i++)
		if (rel->arts.values[i]) {
			free(art_at(rel, i)->pj.h);
			free(art_at(rel, i)->pc.h);
			free(art_at(rel, i)->pcu.h);
			free(art_at(rel, i));
		}
	shf_hset_release(&rel->arts);
	sahifa_buf_release(&rel->manifest);
	sahifa_buf_release(&rel->datapackage);
	sahifa_sha256_free(rel->sha);
	table_schema_free(rel->ts_articles);
	table_schema_free(rel->ts_paragraphs);
	table_schema_free(rel->ts_duplicates);
	free(rel->dups);
}

static void release_finish(struct release *rel, const char *path)
{
	if (!vrun_stopped(rel->r))
		check_manifest(rel);
	if (!vrun_stopped(rel->r))
		check_datapackage(rel);
	if (!vrun_stopped(rel->r))
		check_agreement(rel);
	(void)path;
}

/* ---- directories ---- */

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static enum sahifa_status walk_dir(struct release *rel, const char *dir, const char *relbase,
				   int depth)
{
	struct dirent **list = NULL;
	int n, i;
	enum sahifa_status st = SAHIFA_OK;
	struct sahifa_error e;

	if (depth > SAHIFA_MAX_DIR_DEPTH) {
		vrun_report(rel->r, dir, 0, 0, NULL, "directories nested deeper than %d",
			    SAHIFA_MAX_DIR_DEPTH);
		return SAHIFA_OK;
	}
	n = scandir(dir, &list, NULL, by_name);
	if (n < 0) {
		sahifa_error_set(&e, SAHIFA_ERR_IO, dir, 0, 0, "cannot read directory: %s",
				 strerror(errno));
		vrun_report_io(rel->r, &e);
		return SAHIFA_ERR_IO;
	}
	for (i = 0; i < n; i++) {
		char full[4096], relp[4096];
		struct stat sb;
		const char *name = list[i]->d_name;

		if (st || !strcmp(name, ".") || !strcmp(name, ".."))
			continue;
		snprintf(full, sizeof(full), "%s/%s", dir, name);
		snprintf(relp, sizeof(relp), "%s%s%s", relbase, relbase[0] ? "/" : "", name);
		if (lstat(full, &sb) != 0) {
			sahifa_error_set(&e, SAHIFA_ERR_IO, full, 0, 0, "cannot stat: %s",
					 strerror(errno));
			vrun_report_io(rel->r, &e);
			continue;
		}
		if (S_ISLNK(sb.st_mode)) {
			vrun_report(rel->r, full, 0, 0, NULL, "a link: releases hold no links");
		} else if (S_ISDIR(sb.st_mode)) {
			st = walk_dir(rel, full, relp, depth + 1);
		} else if (!S_ISREG(sb.st_mode)) {
			vrun_report(rel->r, full, 0, 0, NULL, "not a regular file");
		} else {
			FILE *fp = fopen(full, "rb");
			char *chunk = malloc(SHF_LAYOUT_READ_CHUNK);
			size_t got;

			if (!fp || !chunk) {
				if (fp)
					fclose(fp);
				free(chunk);
				if (!chunk)
					return SAHIFA_ERR_NOMEM;
				sahifa_error_set(&e, SAHIFA_ERR_IO, full, 0, 0, "cannot open: %s",
						 strerror(errno));
				vrun_report_io(rel->r, &e);
				continue;
			}
			st = member_begin(rel, relp);
			while (!st && (got = fread(chunk, 1, SHF_LAYOUT_READ_CHUNK, fp)) > 0)
				st = member_feed(rel, chunk, got);
			if (!st || rel->cur)
				st = st ? st : member_end(rel);
			fclose(fp);
			free(chunk);
		}
		if (vrun_stopped(rel->r))
			st = SAHIFA_ERR_DATA;
	}
	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
	return st;
}

enum sahifa_status validate_release_dir(struct vrun *r, const char *path)
{
	struct release rel;
	struct sahifa_error e;
	enum sahifa_status st;
	const char *base;
	size_t len = strlen(path);

	if ((st = release_init(&rel, r, &e))) {
		vrun_report_error(r, path, &e);
		release_release(&rel);
		return st;
	}
	while (len > 1 && path[len - 1] == '/')
		len--;
	snprintf(rel.prefix, sizeof(rel.prefix), "%.*s/", (int)len, path);
	base = path + len;
	while (base > path && base[-1] != '/')
		base--;
	snprintf(rel.top, sizeof(rel.top), "%.*s", (int)(path + len - base), base);
	st = walk_dir(&rel, path, "", 0);
	if (st == SAHIFA_OK || st == SAHIFA_ERR_IO)
		release_finish(&rel, path);
	r->file_errors = 0;
	vrun_file_done(r, path, "release", 0);
	release_release(&rel);
	return st == SAHIFA_ERR_DATA ? SAHIFA_OK : st;
}

/* ---- archives ---- */

struct arch {
	struct release *rel;
	const char *path;
	unsigned long long max;
};

static enum sahifa_status on_member(void *ctx, const struct sahifa_archive_member *m)
{
	struct arch *ar = ctx;
	struct release *rel = ar->rel;
	char mpath[SAHIFA_ERROR_PATH_MAX], q[512];
	const char *slash = strchr(m->name, '/');
	size_t toplen = slash ? (size_t)(slash - m->name) : strlen(m->name);
	char *chunk;
	long long got;
	enum sahifa_status st;
	struct sahifa_error e;

	sahifa_member_path(ar->path, m->name, mpath, sizeof(mpath));
	sahifa_quote(m->name, strlen(m->name), 120, q, sizeof(q));
	if (m->unsafe_name) {
		vrun_report(rel->r, mpath, 0, 0, NULL,
			    "unsafe member name %s (absolute or with '..')", q);
		return vrun_stopped(rel->r) ? SAHIFA_ERR_DATA : SAHIFA_OK;
	}
	if (m->type == SAHIFA_MEMBER_SYMLINK || m->type == SAHIFA_MEMBER_HARDLINK) {
		vrun_report(rel->r, mpath, 0, 0, NULL, "a link: releases hold no links");
		return vrun_stopped(rel->r) ? SAHIFA_ERR_DATA : SAHIFA_OK;
	}
	if (m->type != SAHIFA_MEMBER_FILE && m->type != SAHIFA_MEMBER_DIR) {
		vrun_report(rel->r, mpath, 0, 0, NULL, "not a regular file or directory");
		return vrun_stopped(rel->r) ? SAHIFA_ERR_DATA : SAHIFA_OK;
	}
	if (!rel->top[0]) {
		snprintf(rel->top, sizeof(rel->top), "%.*s", (int)toplen, m->name);
		snprintf(rel->prefix, sizeof(rel->prefix), "%s!%s/", ar->path, rel->top);
	}
	if (toplen != strlen(rel->top) || strncmp(m->name, rel->top, toplen) ||
	    (!slash && m->type == SAHIFA_MEMBER_FILE)) {
		vrun_report(rel->r, mpath, 0, 0, NULL, "outside the top folder '%s/'", rel->top);
		return vrun_stopped(rel->r) ? SAHIFA_ERR_DATA : SAHIFA_OK;
	}
	if (m->type == SAHIFA_MEMBER_DIR)
		return SAHIFA_OK;
	if ((st = member_begin(rel, slash + 1)))
		return st;
	chunk = malloc(SHF_LAYOUT_READ_CHUNK);
	if (!chunk)
		return SAHIFA_ERR_NOMEM;
	while ((got = shf_archive_member_read(m, chunk, SHF_LAYOUT_READ_CHUNK, &e)) > 0) {
		rel->total += (unsigned long long)got;
		if (rel->total > ar->max) {
			if (rel->kind == K_JSONL)
				jsonl_check_flush(&rel->jc);
			vrun_report(rel->r, mpath, 0, 0, NULL,
				    "archive expands past %llu bytes (a decompression bomb?); "
				    "stopped reading", ar->max);
			rel->fatal = 1;
			free(chunk);
			member_end(rel);
			return SAHIFA_ERR_LIMIT;
		}
		if ((st = member_feed(rel, chunk, (size_t)got))) {
			free(chunk);
			member_end(rel);
			return st;
		}
	}
	free(chunk);
	if (got < 0) {
		if (rel->kind == K_JSONL)
			jsonl_check_flush(&rel->jc);
		vrun_report_error(rel->r, NULL, &e);
		rel->fatal = 1;
		member_end(rel);
		return SAHIFA_ERR_DATA;
	}
	return member_end(rel);
}

enum sahifa_status validate_release_archive(struct vrun *r, const char *path)
{
	struct release rel;
	struct arch ar;
	struct sahifa_archive_limits lim;
	struct sahifa_error e;
	enum sahifa_status st;

	if ((st = release_init(&rel, r, &e))) {
		vrun_report_error(r, path, &e);
		release_release(&rel);
		return st;
	}
	ar.rel = &rel;
	rel.archive = 1;
	ar.path = path;
	ar.max = r->opts->max_uncompressed ? r->opts->max_uncompressed
					   : SAHIFA_MAX_ARCHIVE_TOTAL_BYTES;
	sahifa_error_clear(&e);
	lim.members = SAHIFA_MAX_ARCHIVE_MEMBERS;
	lim.total_bytes = ar.max;  /* also what members skipped unread would cost */
	st = shf_archive_each_limits(path, &lim, on_member, &ar, &e);
	if (st == SAHIFA_ERR_IO) {
		vrun_report_io(r, &e);
	} else if (st && e.msg[0] && !rel.fatal) {
		vrun_report_error(r, NULL, &e);
		rel.fatal = 1;
	}
	if (!rel.fatal && st != SAHIFA_ERR_IO && !vrun_stopped(r)) {
		/* the archive's own name is the user's: a download may be renamed */
		if (!rel.top[0])
			vrun_report(r, path, 0, 0, NULL, "empty archive");
		release_finish(&rel, path);
	}
	r->file_errors = 0;
	vrun_file_done(r, path, "release", 0);
	release_release(&rel);
	return st == SAHIFA_ERR_IO ? st : SAHIFA_OK;
}
