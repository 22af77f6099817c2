/*
 * The record read from JSON (writing is src/record/record_write.c, straight into the
 * buffer), and a reject written as JSON for --rejects.  Reading has two paths: cJSON's,
 * the reference, which checks everything and says what is wrong; and a direct one for
 * the records convert writes, which builds the same article without a tree or gives up
 * and leaves the record to the first.
 */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <cjson/cJSON.h>

#include "sahifa/article.h"
#include "record/json_strict.h"
#include "sahifa/convert.h"
#include "sahifa/limits.h"
#include "sahifa/utf8.h"

static int add(cJSON *obj, const char *key, cJSON *item)
{
	if (!item)
		return -1;
	cJSON_AddItemToObjectCS(obj, key, item);
	return 0;
}

static cJSON *str_or_null(const char *s)
{
	return s ? cJSON_CreateStringReference(s) : cJSON_CreateNull();
}

static cJSON *num(double v)
{
	return cJSON_CreateNumber(v);
}

/* ---- reading ---- */

struct reader {
	struct sahifa_error *err;
	char where[SAHIFA_ERROR_WHERE_MAX];
};

static enum sahifa_status bad(struct reader *r, const char *key, const char *what)
{
	enum sahifa_status st = sahifa_error_set(r->err, SAHIFA_ERR_DATA, NULL, 0, 0, "%s", what);

	/* a pointer cut at the buffer's end still names the place */
	if (r->err && snprintf(r->err->where, sizeof(r->err->where), "%s%s%s", r->where,
			       key ? "/" : "", key ? key : "") < 0)
		r->err->where[0] = '\0';
	return st;
}

static const cJSON *get(const cJSON *obj, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

/* A string or null member: *out NULL for null.  Missing is an error. */
static enum sahifa_status get_str(struct reader *r, const cJSON *obj, const char *key,
				  int nullable, const char **out)
{
	const cJSON *v = get(obj, key);

	if (!v)
		return bad(r, key, "missing member");
	if (nullable && cJSON_IsNull(v)) {
		*out = NULL;
		return SAHIFA_OK;
	}
	if (!cJSON_IsString(v))
		return bad(r, key, nullable ? "expected a string or null" : "expected a string");
	*out = v->valuestring;
	return SAHIFA_OK;
}

static enum sahifa_status get_count(struct reader *r, const cJSON *obj, const char *key,
				    uint64_t *out)
{
	const cJSON *v = get(obj, key);

	if (!v)
		return bad(r, key, "missing member");
	if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 9007199254740992.0 ||
	    v->valuedouble != floor(v->valuedouble))
		return bad(r, key, "expected a non-negative integer");
	*out = (uint64_t)v->valuedouble;
	return SAHIFA_OK;
}

static enum sahifa_status get_fixed(struct reader *r, const cJSON *obj, const char *key, char *out,
				    size_t size)
{
	const char *s;
	enum sahifa_status st = get_str(r, obj, key, 0, &s);

	if (st)
		return st;
	if (strlen(s) >= size)
		return bad(r, key, "value too long");
	memcpy(out, s, strlen(s) + 1);
	return SAHIFA_OK;
}

static enum sahifa_status get_tag(struct reader *r, const cJSON *obj, struct sahifa_langtag *t)
{
	enum sahifa_status st = get_fixed(r, obj, "lang", t->lang, sizeof(t->lang));

	return st ? st : get_fixed(r, obj, "script", t->script, sizeof(t->script));
}

static enum sahifa_status nomem(struct reader *r)
{
	return sahifa_error_nomem(r->err, NULL);
}

/* An optional string member: absent or null leave *field NULL. */
static enum sahifa_status get_opt_str(struct reader *r, const cJSON *obj, const char *key,
				      char **field)
{
	const cJSON *v = get(obj, key);

	if (!v || cJSON_IsNull(v))
		return sahifa_article_set_str(field, NULL, 0);
	if (!cJSON_IsString(v))
		return bad(r, key, "expected a string or null");
	if (sahifa_article_set_str(field, v->valuestring, strlen(v->valuestring)))
		return sahifa_error_nomem(r->err, NULL);
	return SAHIFA_OK;
}

static enum sahifa_status read_warc(struct reader *r, const cJSON *src, struct sahifa_source *s)
{
	const cJSON *w = get(src, "warc");
	enum sahifa_status st;

	if (!w || cJSON_IsNull(w))
		return SAHIFA_OK;
	if (!cJSON_IsObject(w))
		return bad(r, "warc", "expected an object or null");
	snprintf(r->where, sizeof(r->where), "/source/warc");
	s->has_warc = 1;
	if ((st = get_opt_str(r, w, "file", &s->warc.file)) ||
	    (st = get_count(r, w, "offset", &s->warc.offset)) ||
	    (st = get_opt_str(r, w, "record_id", &s->warc.record_id)) ||
	    (st = get_opt_str(r, w, "date", &s->warc.date)) ||
	    (st = get_opt_str(r, w, "target_uri", &s->warc.target_uri)))
		return st;
	snprintf(r->where, sizeof(r->where), "/source");
	return SAHIFA_OK;
}

static enum sahifa_status read_source(struct reader *r, const cJSON *o, struct sahifa_article *a)
{
	const cJSON *src = get(o, "source");
	const char *name, *member;
	enum sahifa_status st;

	if (!cJSON_IsObject(src))
		return bad(r, "source", "expected an object");
	snprintf(r->where, sizeof(r->where), "/source");
	if ((st = get_str(r, src, "name", 0, &name)) || (st = get_str(r, src, "member", 1, &member)) ||
	    (st = get_count(r, src, "bytes", &a->source.bytes)) ||
	    (st = get_fixed(r, src, "sha256", a->source.sha256, sizeof(a->source.sha256))) ||
	    (st = get_fixed(r, src, "encoding", a->source.encoding, sizeof(a->source.encoding))) ||
	    (st = get_fixed(r, src, "format", a->source.format, sizeof(a->source.format))) ||
	    (st = get_opt_str(r, src, "declared_encoding", &a->source.declared_encoding)) ||
	    (st = read_warc(r, src, &a->source)))
		return st;
	if (sahifa_article_set_str(&a->source.name, name, strlen(name)) ||
	    sahifa_article_set_str(&a->source.member, member, member ? strlen(member) : 0))
		return nomem(r);
	r->where[0] = '\0';
	return SAHIFA_OK;
}

static enum sahifa_status read_sections(struct reader *r, const cJSON *o, struct sahifa_article *a)
{
	const cJSON *secs = get(o, "sections"), *sj;
	enum sahifa_status st;
	int si = 0;

	if (!cJSON_IsArray(secs))
		return bad(r, "sections", "expected an array");
	cJSON_ArrayForEach(sj, secs) {
		const cJSON *paras, *pj, *lv;
		const char *heading;
		struct sahifa_section *s;
		uint64_t line = 0;
		int pi = 0;

		snprintf(r->where, sizeof(r->where), "/sections/%d", si);
		if (!cJSON_IsObject(sj))
			return bad(r, NULL, "expected an object");
		if ((st = get_str(r, sj, "heading", 1, &heading)))
			return st;
		lv = get(sj, "level");
		if (!cJSON_IsNumber(lv) || lv->valueint < 1 || lv->valueint > 6)
			return bad(r, "level", "expected an integer from 1 to 6");
		if (heading && (st = get_count(r, sj, "line", &line)))
			return st;
		s = sahifa_article_add_section(a, heading, heading ? strlen(heading) : 0, lv->valueint,
					       (long)line);
		if (!s)
			return nomem(r);
		paras = get(sj, "paragraphs");
		if (!cJSON_IsArray(paras))
			return bad(r, "paragraphs", "expected an array");
		cJSON_ArrayForEach(pj, paras) {
			const char *text, *kind;
			enum sahifa_kind k;
			struct sahifa_paragraph *p;

			snprintf(r->where, sizeof(r->where), "/sections/%d/paragraphs/%d", si, pi);
			if (!cJSON_IsObject(pj))
				return bad(r, NULL, "expected an object");
			if ((st = get_str(r, pj, "text", 0, &text)) ||
			    (st = get_str(r, pj, "kind", 0, &kind)) ||
			    (st = get_count(r, pj, "line", &line)))
				return st;
			if (sahifa_kind_parse(kind, &k))
				return bad(r, "kind", "unknown paragraph kind");
			p = sahifa_section_add_paragraph(s, text, strlen(text), k, (long)line);
			if (!p)
				return nomem(r);
			if ((st = get_tag(r, pj, &p->tag)))
				return st;
			pi++;
		}
		si++;
	}
	r->where[0] = '\0';
	return SAHIFA_OK;
}

static enum sahifa_status read_lists(struct reader *r, const cJSON *o, struct sahifa_article *a)
{
	const cJSON *arr, *it;
	enum sahifa_status st;
	int i = 0;

	arr = get(o, "captions");
	if (!cJSON_IsArray(arr))
		return bad(r, "captions", "expected an array");
	cJSON_ArrayForEach(it, arr) {
		const char *text;
		uint64_t line;
		struct sahifa_caption *c;

		snprintf(r->where, sizeof(r->where), "/captions/%d", i++);
		if (!cJSON_IsObject(it))
			return bad(r, NULL, "expected an object");
		if ((st = get_str(r, it, "text", 0, &text)) || (st = get_count(r, it, "line", &line)))
			return st;
		if (!(c = sahifa_article_add_caption(a, text, strlen(text), (long)line)))
			return nomem(r);
		if ((st = get_tag(r, it, &c->tag)))
			return st;
	}
	r->where[0] = '\0';
	arr = get(o, "removed");
	if (!cJSON_IsArray(arr))
		return bad(r, "removed", "expected an array");
	i = 0;
	cJSON_ArrayForEach(it, arr) {
		const char *text, *reason;
		const cJSON *detail;
		uint64_t line;
		enum sahifa_reason rs;

		snprintf(r->where, sizeof(r->where), "/removed/%d", i++);
		if (!cJSON_IsObject(it))
			return bad(r, NULL, "expected an object");
		if ((st = get_str(r, it, "text", 0, &text)) || (st = get_count(r, it, "line", &line)) ||
		    (st = get_str(r, it, "reason", 0, &reason)))
			return st;
		if (sahifa_reason_parse(reason, &rs))
			return bad(r, "reason", "unknown reason");
		detail = get(it, "detail");
		if (detail && !cJSON_IsString(detail))
			return bad(r, "detail", "expected a string");
		if (!sahifa_article_add_removed(a, (long)line, text, strlen(text), rs,
						detail ? detail->valuestring : NULL))
			return nomem(r);
	}
	r->where[0] = '\0';
	return SAHIFA_OK;
}

/* quality is optional (records written before it was computed have none). */
static enum sahifa_status read_quality(struct reader *r, const cJSON *o, struct sahifa_quality *q)
{
	const cJSON *qo = get(o, "quality"), *v;
	size_t i;

	memset(q, 0, sizeof(*q));
	if (!qo)
		return SAHIFA_OK;
	if (!cJSON_IsObject(qo))
		return bad(r, "quality", "expected an object");
	snprintf(r->where, sizeof(r->where), "/quality");
	for (i = 0; i < sahifa_quality_n_fields; i++) {
		const struct sahifa_quality_field *f = &sahifa_quality_fields[i];
		char *p = (char *)q + f->offset;
		enum sahifa_status st;

		if (f->count) {
			uint64_t u;

			if ((st = get_count(r, qo, f->name, &u)))
				return st;
			memcpy(p, &u, sizeof(u));
		} else {
			double d;

			v = get(qo, f->name);
			if (!cJSON_IsNumber(v) || v->valuedouble < 0)
				return bad(r, f->name, "expected a non-negative number");
			d = v->valuedouble;
			memcpy(p, &d, sizeof(d));
		}
	}
	v = get(qo, "stopword_lang");
	if (v && cJSON_IsString(v)) {
		if (strlen(v->valuestring) >= sizeof(q->stopword_lang))
			return bad(r, "stopword_lang", "value too long");
		memcpy(q->stopword_lang, v->valuestring, strlen(v->valuestring) + 1);
	} else if (v && !cJSON_IsNull(v))
		return bad(r, "stopword_lang", "expected a string or null");
	q->present = 1;
	r->where[0] = '\0';
	return SAHIFA_OK;
}

static enum sahifa_status read_article(struct reader *r, const cJSON *o, struct sahifa_article *a)
{
	const char *headline, *byline;
	const cJSON *v, *sc, *stats;
	enum sahifa_status st;

	if (!cJSON_IsObject(o))
		return bad(r, NULL, "expected a JSON object");
	if ((st = get_fixed(r, o, "id", a->id, sizeof(a->id))))
		return st;
	if ((st = read_source(r, o, a)) || (st = get_str(r, o, "headline", 1, &headline)) ||
	    (st = get_str(r, o, "byline", 1, &byline)))
		return st;
	if (sahifa_article_set_str(&a->headline, headline, headline ? strlen(headline) : 0) ||
	    sahifa_article_set_str(&a->byline, byline, byline ? strlen(byline) : 0))
		return nomem(r);
	if ((st = get_opt_str(r, o, "url", &a->url)) ||
	    (st = get_opt_str(r, o, "published", &a->published)) ||
	    (st = get_opt_str(r, o, "modified", &a->modified)) ||
	    (st = get_opt_str(r, o, "site_name", &a->site_name)) ||
	    (st = get_opt_str(r, o, "description", &a->description)) ||
	    (st = get_opt_str(r, o, "html_lang", &a->html_lang)))
		return st;
	v = get(o, "authors");
	if (v && !cJSON_IsArray(v))
		return bad(r, "authors", "expected an array");
	if (v) {
		const cJSON *name;

		cJSON_ArrayForEach(name, v) {
			if (!cJSON_IsString(name))
				return bad(r, "authors", "expected strings");
			if (sahifa_article_add_author(a, name->valuestring, strlen(name->valuestring)))
				return nomem(r);
		}
	}
	if ((st = get_tag(r, o, &a->tag)))
		return st;
	v = get(o, "lang_confidence");
	if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 1)
		return bad(r, "lang_confidence", "expected a number from 0 to 1");
	a->tag.confidence = v->valuedouble;
	sc = get(o, "scripts");
	if (!cJSON_IsArray(sc))
		return bad(r, "scripts", "expected an array");
	cJSON_ArrayForEach(v, sc) {
		const cJSON *code = get(v, "script"), *share = get(v, "share");

		if (a->n_scripts == SAHIFA_MAX_SCRIPTS)
			return bad(r, "scripts", "too many scripts");
		if (!cJSON_IsString(code) || !cJSON_IsNumber(share) ||
		    strlen(code->valuestring) >= SAHIFA_SCRIPT_MAX)
			return bad(r, "scripts", "expected {script, share} objects");
		memcpy(a->scripts[a->n_scripts].script, code->valuestring,
		       strlen(code->valuestring) + 1);
		a->scripts[a->n_scripts++].share = share->valuedouble;
	}
	if ((st = read_sections(r, o, a)) || (st = read_lists(r, o, a)))
		return st;
	stats = get(o, "stats");
	if (!cJSON_IsObject(stats))
		return bad(r, "stats", "expected an object");
	snprintf(r->where, sizeof(r->where), "/stats");
	if ((st = get_count(r, stats, "lines", &a->stats.lines)) ||
	    (st = get_count(r, stats, "blank_lines", &a->stats.blank_lines)) ||
	    (st = get_count(r, stats, "replaced", &a->stats.replaced)) ||
	    (st = get_count(r, stats, "marks_trimmed", &a->stats.marks_trimmed)))
		return st;
	r->where[0] = '\0';
	if ((st = read_quality(r, o, &a->quality)))
		return st;
	sahifa_article_count(a);
	return SAHIFA_OK;
}

/* Depth of the deepest array/object, stopping early past the limit. */
static int cmp_key_ptr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Objects of up to this many members are checked pair by pair, larger ones sorted. */
#define DUP_SMALL 16

int shf_json_duplicate_key(const void *v, char *key, size_t size)
{
	const cJSON *o = v, *c;
	size_t n = 0, i, j;

	if (!o || !(cJSON_IsObject(o) || cJSON_IsArray(o)))
		return 0;
	for (c = o->child; c; c = c->next) {
		n++;
		if (shf_json_duplicate_key(c, key, size))
			return 1;
	}
	if (!cJSON_IsObject(o) || n < 2)
		return 0;
	if (n <= DUP_SMALL) {
		const cJSON *a, *b;

		for (a = o->child, i = 0; a; a = a->next, i++)
			for (b = a->next, j = i + 1; b; b = b->next, j++)
				if (a->string && b->string && !strcmp(a->string, b->string)) {
					snprintf(key, size, "%s", a->string);
					return 1;
				}
		return 0;
	} else {
		const char **k = malloc(n * sizeof(*k));
		int dup = 0;

		if (!k)
			return 0;
		for (c = o->child, i = 0; c; c = c->next)
			k[i++] = c->string ? c->string : "";
		qsort(k, n, sizeof(*k), cmp_key_ptr);
		for (i = 1; i < n && !dup; i++)
			if (!strcmp(k[i - 1], k[i])) {
				snprintf(key, size, "%s", k[i]);
				dup = 1;
			}
		free(k);
		return dup;
	}
}

/* 1 when s holds a \u0000 escape inside a string: cJSON ends the string there, so
 * "AB\u0000CD" would be read as "AB". */
static int json_has_nul_escape(const char *s, size_t len)
{
	int in_str = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		if (in_str) {
			if (s[i] == '\\') {
				if (i + 5 < len && s[i + 1] == 'u' && !memcmp(s + i + 2, "0000", 4))
					return 1;
				i++;
			} else if (s[i] == '"') {
				in_str = 0;
			}
		} else if (s[i] == '"') {
			in_str = 1;
		}
	}
	return 0;
}

static int json_depth_ok(const char *s, size_t len)
{
	int depth = 0, in_str = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		char c = s[i];

		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = 0;
		} else if (c == '"')
			in_str = 1;
		else if (c == '{' || c == '[') {
			if (++depth > SAHIFA_MAX_JSON_DEPTH)
				return 0;
		} else if (c == '}' || c == ']')
			depth--;
	}
	return 1;
}

enum sahifa_status shf_article_from_json_cjson(const char *json, size_t len,
					       struct sahifa_article *a, struct sahifa_error *err)
{
	struct reader r = { err, "" };
	const char *end = NULL;
	cJSON *o;
	enum sahifa_status st;

	if (!json_depth_ok(json, len))
		return sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0,
					"nested deeper than %d levels", SAHIFA_MAX_JSON_DEPTH);
	if (json_has_nul_escape(json, len))
		return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
					"'\\u0000' in a string (JSON readers cut the string there)");
	o = cJSON_ParseWithLengthOpts(json, len, &end, 0);
	if (!o) {
		long col = end ? (long)(end - json) + 1 : 0;
		const char *ep = cJSON_GetErrorPtr();

		if (ep >= json && ep <= json + len)
			col = (long)(ep - json) + 1;
		return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, col, "invalid JSON");
	}
	while (end && end < json + len && (*end == ' ' || *end == '\t' || *end == '\r'))
		end++;
	if (end && end < json + len) {
		cJSON_Delete(o);
		return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, (long)(end - json) + 1,
					"more than one JSON value on the line");
	}
	{
		char key[128];

		if (shf_json_duplicate_key(o, key, sizeof(key))) {
			cJSON_Delete(o);
			return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
						"duplicate key '%s' (readers disagree on which one holds)",
						key);
		}
	}
	st = read_article(&r, o, a);
	cJSON_Delete(o);
	return st;
}

/* ---- the direct reader ---- */

/*
 * A record read straight from its bytes into the article: no tree, no copy of a string
 * without escapes, one pass.  It is a shortcut for the records convert writes and their
 * like, not a second definition: it builds an article only where the cJSON reader above
 * would build the same one, and gives up on anything else (a key it does not know, a key
 * repeated, a value of another type, an escape cJSON reads its own way, a limit), leaving
 * the article as it found it for that reader, which then has the last word and the
 * message.
 */

/* Room for a number's literal, as cJSON reads it: longer ones it cuts. */
#define DR_NUMBER_MAX 64

struct dr {
	const char *p, *end;
	size_t len;                   /* of the whole line: the scratch's room */
	char *scratch;                /* strings with escapes, decoded; each its own room */
	size_t used;
	struct sahifa_article *a;
	int utf8;                     /* check each string's and key's bytes are UTF-8 */
};

#define DR_ONES 0x0101010101010101ULL
#define DR_HIGH 0x8080808080808080ULL

/* 1 when one of the eight bytes is '"', '\\' or NUL (the "has a zero byte" test). */
static int dr_stop8(uint64_t x)
{
	uint64_t q = x ^ (DR_ONES * '"'), b = x ^ (DR_ONES * '\\');

	return (((x - DR_ONES) & ~x) | ((q - DR_ONES) & ~q) | ((b - DR_ONES) & ~b)) & DR_HIGH ? 1 : 0;
}

/* 1 when text[0..len) is UTF-8. */
static int dr_utf8(const char *text, size_t len)
{
	return sahifa_utf8_valid_prefix(text, len) == len;
}

static void dr_ws(struct dr *d)
{
	while (d->p < d->end && (*d->p == ' ' || *d->p == '\t' || *d->p == '\n' || *d->p == '\r'))
		d->p++;
}

static int json_hex4(const char *s, unsigned *out)
{
	unsigned v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		char c = s[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if ((c | 32) >= 'a' && (c | 32) <= 'f')
			v |= (unsigned)((c | 32) - 'a' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

int shf_json_unescape(const char *p, const char *end, char *out, const char **close, size_t *n)
{
	char *o = out;

	while (p < end && *p != '"') {
		unsigned cp, lo;

		if (!*p)
			return -1;
		if (*p != '\\') {
			/* the run up to the next quote, backslash or NUL, copied at once */
			const char *q = p + 1;
			uint64_t x;

			while (end - q >= 8 && (memcpy(&x, q, 8), !dr_stop8(x)))
				q += 8;
			while (q < end && *q != '"' && *q != '\\' && *q)
				q++;
			memcpy(o, p, (size_t)(q - p));
			o += q - p;
			p = q;
			continue;
		}
		if (end - p < 2)
			return -1;
		switch (p[1]) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '/': *o++ = '/'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u':
			if (end - p < 6 || json_hex4(p + 2, &cp) || !cp || (cp >= 0xDC00 && cp <= 0xDFFF))
				return -1;
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				if (end - p < 12 || p[6] != '\\' || p[7] != 'u' || json_hex4(p + 8, &lo) ||
				    lo < 0xDC00 || lo > 0xDFFF)
					return -1;
				cp = 0x10000 + ((cp & 0x3FF) << 10 | (lo & 0x3FF));
				p += 6;
			}
			o += sahifa_utf8_encode(cp, o);
			p += 6;
			continue;
		default:
			return -1;
		}
		p += 2;
	}
	if (p >= end)
		return -1;
	*close = p;
	*n = (size_t)(o - out);
	return 0;
}

/* The escapes of a string from p (after its opening quote) decoded into the scratch. */
static int dr_unescape(struct dr *d, const char *p, const char **s, size_t *n)
{
	const char *close;
	char *o;

	if (!d->scratch && !(d->scratch = malloc(d->len + 1)))
		return -1;
	o = d->scratch + d->used;
	if (shf_json_unescape(p, d->end, o, &close, n) ||
	    (d->utf8 && !dr_utf8(p, (size_t)(close - p))))
		return -1;
	*s = o;
	o[*n] = '\0';
	d->used += *n + 1;
	d->p = close + 1;
	return 0;
}

/* A string at d->p: *s its bytes (in the line, not NUL-terminated, when it has no
 * escapes; decoded into the scratch otherwise), *n their number.  NUL bytes give up:
 * cJSON's strings end there. */
static int dr_string(struct dr *d, const char **s, size_t *n)
{
	const char *p, *start;

	if (d->p >= d->end || *d->p != '"')
		return -1;
	start = p = d->p + 1;
	for (;;) {
		uint64_t x;

#ifdef __SSE2__
		while (d->end - p >= 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
			unsigned stop = (unsigned)_mm_movemask_epi8(_mm_or_si128(
				_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
					     _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
				_mm_cmpeq_epi8(v, _mm_setzero_si128())));

			if (stop) {
				p += __builtin_ctz(stop);
				break;
			}
			p += 16;
		}
#endif
		while (d->end - p >= 8 && (memcpy(&x, p, 8), !dr_stop8(x)))
			p += 8;
		while (p < d->end && *p != '"' && *p != '\\' && *p)
			p++;
		break;
	}
	if (p >= d->end || !*p)
		return -1;
	if (*p == '\\')
		return dr_unescape(d, start, s, n);
	if (d->utf8 && !dr_utf8(start, (size_t)(p - start)))
		return -1;
	*s = start;
	*n = (size_t)(p - start);
	d->p = p + 1;
	return 0;
}

/* A string as a C string, in the scratch (add_removed takes its detail so). */
static int dr_cstring(struct dr *d, const char **s)
{
	const char *t;
	size_t n;

	if (dr_string(d, &t, &n))
		return -1;
	if (t < d->scratch || t >= d->scratch + d->len + 1) {
		char *o;

		if (!d->scratch && !(d->scratch = malloc(d->len + 1)))
			return -1;
		o = d->scratch + d->used;
		memcpy(o, t, n);
		o[n] = '\0';
		d->used += n + 1;
		t = o;
	}
	*s = t;
	return 0;
}

/* A key and its ':'; keys with escapes or bytes past ASCII give up (none of the record's
 * has one: so a key is UTF-8). */
static int dr_key(struct dr *d, const char **k, size_t *n)
{
	const char *p = d->p + 1;

	if (d->p >= d->end || *d->p != '"')
		return -1;
#ifdef __SSE2__
	/* a key of up to fifteen bytes at once: its end is the first byte that ends the
	 * byte loop below, and it must be the quote */
	if (d->end - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		unsigned quote = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
		unsigned stop = quote | (unsigned)_mm_movemask_epi8(v) |
				(unsigned)_mm_movemask_epi8(_mm_or_si128(
					_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')),
					_mm_cmpeq_epi8(v, _mm_setzero_si128())));

		if (stop) {
			if (!(quote & stop & (0u - stop)))
				return -1;
			p += __builtin_ctz(stop);
			goto quote;
		}
		p += 16;
	}
#endif
	while (p < d->end && *p != '"' && *p != '\\' && *p && !(*p & 0x80))
		p++;
	if (p >= d->end || *p != '"')
		return -1;
#ifdef __SSE2__
quote:
#endif
	*k = d->p + 1;
	*n = (size_t)(p - *k);
	d->p = p + 1;
	if (d->p < d->end && *d->p == ':') {
		d->p++;   /* the writer's way: no white space about the colon */
	} else {
		dr_ws(d);
		if (d->p >= d->end || *d->p != ':')
			return -1;
		d->p++;
	}
	dr_ws(d);
	return 0;
}

/* The same for a key of a table: the first byte before a call. */
#define DR_KEY_IS(k, n, name) ((n) && *(k) == *(name) && !strncmp((k), (name), (n)) && !(name)[n])
#define DR_KEY(k, n, lit) ((n) == sizeof(lit) - 1 && !memcmp((k), lit, sizeof(lit) - 1))

/* The next member or element of an object or array whose opening byte is read: 1 for
 * one, 0 at close (read), -1 on anything else. */
static int dr_next(struct dr *d, char close, int *first)
{
	dr_ws(d);
	if (d->p >= d->end)
		return -1;
	if (*d->p == close) {
		d->p++;
		return 0;
	}
	if (!*first) {
		if (*d->p != ',')
			return -1;
		d->p++;
		dr_ws(d);
	}
	*first = 0;
	return 1;
}

static int dr_open(struct dr *d, char open)
{
	if (d->p >= d->end || *d->p != open)
		return -1;
	d->p++;
	return 0;
}

static int dr_is_digit(const struct dr *d, const char *p)
{
	return p < d->end && *p >= '0' && *p <= '9';
}

/* Exact powers of ten of a double. */
static const double dr_pow10[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
	1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* strtod's double of the number [s, end) (as dr_number reads one) when it is digits, a
 * point and digits, fifteen digits at most: those digits as an integer are a double
 * exactly, as is ten to the number after the point, and their quotient rounded once is
 * the double nearest the number, which strtod makes (Clinger's fast path).  0 for any
 * other number. */
static int fraction_ok(const char *s, const char *end, double *out)
{
	const char *p = s + (*s == '-');
	uint64_t v = 0;
	int digits = 0, after = -1;

	for (; p < end; p++) {
		if (*p == '.' && after < 0) {
			after = 0;
			continue;
		}
		if (*p < '0' || *p > '9' || ++digits > 15)
			return 0;
		v = v * 10 + (uint64_t)(*p - '0');
		after += after >= 0;
	}
	if (after <= 0)
		return 0;
	*out = (double)v / dr_pow10[after];
	if (*s == '-')
		*out = -*out;
	return 1;
}

/* A number as JSON writes it, with the double strtod makes of it (as cJSON does): an
 * integer of up to 15 digits is exact without it. */
static int dr_number(struct dr *d, double *out)
{
	const char *p = d->p, *s = p;
	uint64_t v = 0;
	int digits = 0, simple = 1;

	if (p < d->end && *p == '-')
		p++;
	if (!dr_is_digit(d, p))
		return -1;
	if (*p == '0') {
		p++;
		digits = 1;
	} else {
		for (; dr_is_digit(d, p); p++, digits++)
			if (digits < 16)
				v = v * 10 + (uint64_t)(*p - '0');
	}
	if (p < d->end && *p == '.') {
		simple = 0;
		if (!dr_is_digit(d, ++p))
			return -1;
		while (dr_is_digit(d, p))
			p++;
	}
	if (p < d->end && (*p == 'e' || *p == 'E')) {
		simple = 0;
		p++;
		if (p < d->end && (*p == '+' || *p == '-'))
			p++;
		if (!dr_is_digit(d, p))
			return -1;
		while (dr_is_digit(d, p))
			p++;
	}
	if (p - s >= DR_NUMBER_MAX)
		return -1;
	if (simple && digits <= 15) {
		*out = *s == '-' ? -(double)v : (double)v;
	} else if (fraction_ok(s, p, out)) {
		;
	} else {
		char buf[DR_NUMBER_MAX];

		memcpy(buf, s, (size_t)(p - s));
		buf[p - s] = '\0';
		*out = strtod(buf, NULL);
	}
	d->p = p;
	return 0;
}

/* get_count's rule on a number just read. */
static int dr_count(struct dr *d, uint64_t *out)
{
	const char *p = d->p;
	uint64_t u = 0;
	int digits = 0;
	double v;

	/* the writer's counts, digits without a leading zero, up to fifteen: the integer
	 * dr_number and the checks below make of them, at once */
	while (p < d->end && *p >= '0' && *p <= '9' && digits < 16) {
		u = u * 10 + (uint64_t)(*p++ - '0');
		digits++;
	}
	if (digits && digits <= 15 && !(digits > 1 && *d->p == '0') &&
	    (p == d->end || (*p != '.' && *p != 'e' && *p != 'E' && (*p < '0' || *p > '9')))) {
		d->p = p;
		*out = u;
		return 0;
	}
	if (dr_number(d, &v) || v < 0 || v > 9007199254740992.0 || v != floor(v))
		return -1;
	*out = (uint64_t)v;
	return 0;
}

static int dr_lit(struct dr *d, const char *lit, size_t n)
{
	if ((size_t)(d->end - d->p) < n || memcmp(d->p, lit, n))
		return -1;
	d->p += n;
	return 0;
}

static int dr_null(struct dr *d)
{
	return d->p < d->end && *d->p == 'n' ? dr_lit(d, "null", 4) : 1;
}

/* A string, or null (*s NULL) when nullable. */
static int dr_str(struct dr *d, int nullable, const char **s, size_t *n)
{
	int r = nullable ? dr_null(d) : 1;

	if (r <= 0) {
		*s = NULL;
		*n = 0;
		return r;
	}
	return dr_string(d, s, n);
}

/* A string into a fixed field: get_fixed's rule. */
static int dr_fixed(struct dr *d, char *out, size_t size)
{
	const char *s;
	size_t n;

	if (dr_string(d, &s, &n) || n >= size)
		return -1;
	memcpy(out, s, n);
	out[n] = '\0';
	return 0;
}

/* A member the reader reads nothing of: a scalar, checked; an object or array gives up. */
static int dr_skip(struct dr *d)
{
	const char *s;
	size_t n;
	double v;

	if (d->p >= d->end)
		return -1;
	switch (*d->p) {
	case '"': return dr_string(d, &s, &n);
	case 'n': return dr_lit(d, "null", 4);
	case 't': return dr_lit(d, "true", 4);
	case 'f': return dr_lit(d, "false", 5);
	default: return dr_number(d, &v);
	}
}

/* A key seen in an object: a repeated one gives up. */
static int dr_seen(uint32_t *seen, int bit)
{
	if (*seen & (1u << bit))
		return -1;
	*seen |= 1u << bit;
	return 0;
}

static int dr_set(char **field, const char *s, size_t n)
{
	return sahifa_article_set_str(field, s, n) ? -1 : 0;
}

static int dr_warc(struct dr *d, struct sahifa_source *src)
{
	struct sahifa_warc_ref *w = &src->warc;
	uint32_t seen = 0;
	int first = 1, r;
	const char *k, *s;
	size_t kn, n;

	if (!dr_null(d))
		return 0;
	if (dr_open(d, '{'))
		return -1;
	src->has_warc = 1;
	while ((r = dr_next(d, '}', &first)) == 1) {
		char **field = NULL;
		int bit;

		if (dr_key(d, &k, &kn))
			return -1;
		if (DR_KEY(k, kn, "offset")) {
			if (dr_seen(&seen, 0) || dr_count(d, &w->offset))
				return -1;
			continue;
		}
		if (DR_KEY(k, kn, "file"))
			field = &w->file, bit = 1;
		else if (DR_KEY(k, kn, "record_id"))
			field = &w->record_id, bit = 2;
		else if (DR_KEY(k, kn, "date"))
			field = &w->date, bit = 3;
		else if (DR_KEY(k, kn, "target_uri"))
			field = &w->target_uri, bit = 4;
		else
			return -1;
		if (dr_seen(&seen, bit) || dr_str(d, 1, &s, &n) || dr_set(field, s, n))
			return -1;
	}
	/* offset is the one member a WARC reference must have */
	return r == 0 && (seen & 1) ? 0 : -1;
}

static int dr_source(struct dr *d, struct sahifa_source *src)
{
	/* name, member, bytes, sha256, encoding, format: the members it must have */
	const uint32_t need = 0x3F;
	uint32_t seen = 0;
	int first = 1, r;
	const char *k, *s;
	size_t kn, n;

	if (dr_open(d, '{'))
		return -1;
	while ((r = dr_next(d, '}', &first)) == 1) {
		if (dr_key(d, &k, &kn))
			return -1;
		if (DR_KEY(k, kn, "name")) {
			if (dr_seen(&seen, 0) || dr_str(d, 0, &s, &n) || dr_set(&src->name, s, n))
				return -1;
		} else if (DR_KEY(k, kn, "member")) {
			if (dr_seen(&seen, 1) || dr_str(d, 1, &s, &n) || dr_set(&src->member, s, n))
				return -1;
		} else if (DR_KEY(k, kn, "bytes")) {
			if (dr_seen(&seen, 2) || dr_count(d, &src->bytes))
				return -1;
		} else if (DR_KEY(k, kn, "sha256")) {
			if (dr_seen(&seen, 3) || dr_fixed(d, src->sha256, sizeof(src->sha256)))
				return -1;
		} else if (DR_KEY(k, kn, "encoding")) {
			if (dr_seen(&seen, 4) || dr_fixed(d, src->encoding, sizeof(src->encoding)))
				return -1;
		} else if (DR_KEY(k, kn, "format")) {
			if (dr_seen(&seen, 5) || dr_fixed(d, src->format, sizeof(src->format)))
				return -1;
		} else if (DR_KEY(k, kn, "declared_encoding")) {
			if (dr_seen(&seen, 6) || dr_str(d, 1, &s, &n) ||
			    dr_set(&src->declared_encoding, s, n))
				return -1;
		} else if (DR_KEY(k, kn, "warc")) {
			if (dr_seen(&seen, 7) || dr_warc(d, src))
				return -1;
		} else {
			return -1;
		}
	}
	return r == 0 && (seen & need) == need ? 0 : -1;
}

/* A paragraph, caption or removed line: the members of one item, in any order. */
struct dr_item {
	const char *text, *kind, *reason, *detail;
	size_t text_n, kind_n, reason_n, detail_n;
	uint64_t line;
	struct sahifa_langtag tag;
	uint32_t seen;
};

enum { DRI_TEXT, DRI_KIND, DRI_LINE, DRI_LANG, DRI_SCRIPT, DRI_REASON, DRI_DETAIL };

/* The members of an item: allowed, the DRI_ bits it may hold; need, those it must. */
static int dr_item(struct dr *d, struct dr_item *it, uint32_t allowed, uint32_t need)
{
	int first = 1, r;
	const char *k;
	size_t kn;

	memset(it, 0, sizeof(*it));
	if (dr_open(d, '{'))
		return -1;
	while ((r = dr_next(d, '}', &first)) == 1) {
		int bit;

		if (dr_key(d, &k, &kn))
			return -1;
		if (DR_KEY(k, kn, "text"))
			bit = DRI_TEXT;
		else if (DR_KEY(k, kn, "kind"))
			bit = DRI_KIND;
		else if (DR_KEY(k, kn, "line"))
			bit = DRI_LINE;
		else if (DR_KEY(k, kn, "lang"))
			bit = DRI_LANG;
		else if (DR_KEY(k, kn, "script"))
			bit = DRI_SCRIPT;
		else if (DR_KEY(k, kn, "reason"))
			bit = DRI_REASON;
		else if (DR_KEY(k, kn, "detail"))
			bit = DRI_DETAIL;
		else
			return -1;
		if (!(allowed & (1u << bit)) || dr_seen(&it->seen, bit))
			return -1;
		switch (bit) {
		case DRI_TEXT: r = dr_string(d, &it->text, &it->text_n); break;
		case DRI_KIND: r = dr_string(d, &it->kind, &it->kind_n); break;
		case DRI_LINE: r = dr_count(d, &it->line); break;
		case DRI_LANG: r = dr_fixed(d, it->tag.lang, sizeof(it->tag.lang)); break;
		case DRI_SCRIPT: r = dr_fixed(d, it->tag.script, sizeof(it->tag.script)); break;
		case DRI_REASON: r = dr_string(d, &it->reason, &it->reason_n); break;
		default: r = dr_cstring(d, &it->detail); break;
		}
		if (r)
			return -1;
	}
	return r == 0 && (it->seen & need) == need ? 0 : -1;
}

/* A name of a closed list (kind, reason) as a C string for its parser; longer ones
 * are none of its names. */
static int dr_name(const char *s, size_t n, char out[32])
{
	if (n >= 32)
		return -1;
	memcpy(out, s, n);
	out[n] = '\0';
	return 0;
}

#define DRI(b) (1u << (b))

static int dr_paragraphs(struct dr *d, struct sahifa_section *s)
{
	const uint32_t want = DRI(DRI_TEXT) | DRI(DRI_KIND) | DRI(DRI_LINE) | DRI(DRI_LANG) |
			      DRI(DRI_SCRIPT);
	int first = 1, r;

	if (dr_open(d, '['))
		return -1;
	while ((r = dr_next(d, ']', &first)) == 1) {
		struct dr_item it;
		struct sahifa_paragraph *p;
		enum sahifa_kind kind;
		char name[32];

		if (dr_item(d, &it, want, want) || dr_name(it.kind, it.kind_n, name) ||
		    sahifa_kind_parse(name, &kind))
			return -1;
		if (!(p = sahifa_section_add_paragraph(s, it.text, it.text_n, kind, (long)it.line)))
			return -1;
		memcpy(p->tag.lang, it.tag.lang, sizeof(p->tag.lang));
		memcpy(p->tag.script, it.tag.script, sizeof(p->tag.script));
	}
	return r;
}

/* One section: heading, level and line come before its paragraphs (as the writer puts
 * them), or it gives up, as the section is made before they are added. */
static int dr_section(struct dr *d)
{
	struct sahifa_section *sec = NULL;
	const char *heading = NULL;
	size_t heading_n = 0;
	uint64_t line = 0;
	double level = 0;
	uint32_t seen = 0;
	int first = 1, r, line_ok = 0, lv;
	const char *k;
	size_t kn;

	if (dr_open(d, '{'))
		return -1;
	while ((r = dr_next(d, '}', &first)) == 1) {
		if (dr_key(d, &k, &kn))
			return -1;
		if (DR_KEY(k, kn, "heading")) {
			if (sec || dr_seen(&seen, 0) || dr_str(d, 1, &heading, &heading_n))
				return -1;
		} else if (DR_KEY(k, kn, "level")) {
			if (sec || dr_seen(&seen, 1) || dr_number(d, &level))
				return -1;
		} else if (DR_KEY(k, kn, "line")) {
			/* read only with a heading; without one any scalar will do */
			if (sec || dr_seen(&seen, 2))
				return -1;
			if (d->p < d->end && (*d->p == '-' || (*d->p >= '0' && *d->p <= '9')))
				line_ok = !dr_count(d, &line);
			else if (dr_skip(d))
				return -1;
		} else if (DR_KEY(k, kn, "paragraphs")) {
			if (dr_seen(&seen, 3) || !(seen & 1) || !(seen & 2))
				return -1;
			if (heading && !line_ok)
				return -1;
			/* cJSON's valueint of the level */
			lv = level >= INT_MAX ? INT_MAX : level <= (double)INT_MIN ? INT_MIN : (int)level;
			if (lv < 1 || lv > 6)
				return -1;
			if (!(sec = sahifa_article_add_section(d->a, heading, heading_n, lv, (long)line)) ||
			    dr_paragraphs(d, sec))
				return -1;
		} else {
			return -1;
		}
	}
	return r == 0 && sec ? 0 : -1;
}

static int dr_sections(struct dr *d)
{
	int first = 1, r;

	if (dr_open(d, '['))
		return -1;
	while ((r = dr_next(d, ']', &first)) == 1)
		if (dr_section(d))
			return -1;
	return r;
}

static int dr_captions(struct dr *d)
{
	const uint32_t want = DRI(DRI_TEXT) | DRI(DRI_LINE) | DRI(DRI_LANG) | DRI(DRI_SCRIPT);
	int first = 1, r;

	if (dr_open(d, '['))
		return -1;
	while ((r = dr_next(d, ']', &first)) == 1) {
		struct dr_item it;
		struct sahifa_caption *c;

		if (dr_item(d, &it, want, want) ||
		    !(c = sahifa_article_add_caption(d->a, it.text, it.text_n, (long)it.line)))
			return -1;
		memcpy(c->tag.lang, it.tag.lang, sizeof(c->tag.lang));
		memcpy(c->tag.script, it.tag.script, sizeof(c->tag.script));
	}
	return r;
}

static int dr_removed(struct dr *d)
{
	const uint32_t need = DRI(DRI_TEXT) | DRI(DRI_LINE) | DRI(DRI_REASON);
	int first = 1, r;

	if (dr_open(d, '['))
		return -1;
	while ((r = dr_next(d, ']', &first)) == 1) {
		struct dr_item it;
		enum sahifa_reason reason;
		char name[32];

		if (dr_item(d, &it, need | DRI(DRI_DETAIL), need) ||
		    dr_name(it.reason, it.reason_n, name) || sahifa_reason_parse(name, &reason) ||
		    !sahifa_article_add_removed(d->a, (long)it.line, it.text, it.text_n, reason,
						it.detail))
			return -1;
	}
	return r;
}

static int dr_authors(struct dr *d)
{
	int first = 1, r;
	const char *s;
	size_t n;

	if (dr_open(d, '['))
		return -1;
	while ((r = dr_next(d, ']', &first)) == 1)
		if (dr_string(d, &s, &n) || sahifa_article_add_author(d->a, s, n))
			return -1;
	return r;
}

static int dr_scripts(struct dr *d)
{
	struct sahifa_article *a = d->a;
	int first = 1, r;

	if (dr_open(d, '['))
		return -1;
	while ((r = dr_next(d, ']', &first)) == 1) {
		struct sahifa_script_share sh;
		uint32_t seen = 0;
		int f2 = 1, r2;
		const char *k;
		size_t kn;

		if (a->n_scripts == SAHIFA_MAX_SCRIPTS || dr_open(d, '{'))
			return -1;
		while ((r2 = dr_next(d, '}', &f2)) == 1) {
			if (dr_key(d, &k, &kn))
				return -1;
			if (DR_KEY(k, kn, "script")) {
				if (dr_seen(&seen, 0) || dr_fixed(d, sh.script, sizeof(sh.script)))
					return -1;
			} else if (DR_KEY(k, kn, "share")) {
				if (dr_seen(&seen, 1) || dr_number(d, &sh.share))
					return -1;
			} else {
				return -1;
			}
		}
		if (r2 || seen != 3)
			return -1;
		a->scripts[a->n_scripts++] = sh;
	}
	return r;
}

/* The four counts the record keeps; the others are recounted, so any scalar will do. */
static int dr_stats(struct dr *d, struct sahifa_stats *st)
{
	static const char *const skipped[] = {
		"sections", "paragraphs", "captions", "removed", "characters", "words",
	};
	uint32_t seen = 0;
	int first = 1, r;
	const char *k;
	size_t kn, i;

	if (dr_open(d, '{'))
		return -1;
	while ((r = dr_next(d, '}', &first)) == 1) {
		if (dr_key(d, &k, &kn))
			return -1;
		if (DR_KEY(k, kn, "lines")) {
			r = dr_seen(&seen, 0) || dr_count(d, &st->lines);
		} else if (DR_KEY(k, kn, "blank_lines")) {
			r = dr_seen(&seen, 1) || dr_count(d, &st->blank_lines);
		} else if (DR_KEY(k, kn, "replaced")) {
			r = dr_seen(&seen, 2) || dr_count(d, &st->replaced);
		} else if (DR_KEY(k, kn, "marks_trimmed")) {
			r = dr_seen(&seen, 3) || dr_count(d, &st->marks_trimmed);
		} else {
			for (i = 0; i < sizeof(skipped) / sizeof(skipped[0]); i++)
				if (DR_KEY_IS(k, kn, skipped[i]))
					break;
			r = i == sizeof(skipped) / sizeof(skipped[0]) || dr_seen(&seen, 4 + (int)i) ||
			    dr_skip(d);
		}
		if (r)
			return -1;
	}
	return r == 0 && (seen & 0xF) == 0xF ? 0 : -1;
}

static int dr_quality(struct dr *d, struct sahifa_quality *q)
{
	uint32_t seen = 0, all = (1u << sahifa_quality_n_fields) - 1;
	size_t next = 0, i;
	int first = 1, r;
	const char *k;
	size_t kn;

	if (sahifa_quality_n_fields >= 32 || dr_open(d, '{'))
		return -1;
	while ((r = dr_next(d, '}', &first)) == 1) {
		if (dr_key(d, &k, &kn))
			return -1;
		if (DR_KEY(k, kn, "stopword_lang")) {
			if (dr_seen(&seen, (int)sahifa_quality_n_fields))
				return -1;
			if (dr_null(d) && dr_fixed(d, q->stopword_lang, sizeof(q->stopword_lang)))
				return -1;
			continue;
		}
		/* the fields come in the table's order: the next one is tried first */
		for (i = 0; i < sahifa_quality_n_fields; i++) {
			const char *name = sahifa_quality_fields[(next + i) % sahifa_quality_n_fields].name;

			if (DR_KEY_IS(k, kn, name))
				break;
		}
		if (i == sahifa_quality_n_fields)
			return -1;
		i = (next + i) % sahifa_quality_n_fields;
		next = i + 1;
		if (dr_seen(&seen, (int)i))
			return -1;
		if (sahifa_quality_fields[i].count) {
			uint64_t u;

			if (dr_count(d, &u))
				return -1;
			memcpy((char *)q + sahifa_quality_fields[i].offset, &u, sizeof(u));
		} else {
			double v;

			if (dr_number(d, &v) || v < 0)
				return -1;
			memcpy((char *)q + sahifa_quality_fields[i].offset, &v, sizeof(v));
		}
	}
	if (r || (seen & all) != all)
		return -1;
	q->present = 1;
	return 0;
}

/* The record's members, in any order; the bits of those it must have. */
enum {
	DRA_ID, DRA_SOURCE, DRA_HEADLINE, DRA_BYLINE, DRA_LANG, DRA_CONFIDENCE, DRA_SCRIPT,
	DRA_SCRIPTS, DRA_SECTIONS, DRA_CAPTIONS, DRA_REMOVED, DRA_STATS, DRA_NEEDED,
	DRA_URL = DRA_NEEDED, DRA_PUBLISHED, DRA_MODIFIED, DRA_SITE_NAME, DRA_DESCRIPTION,
	DRA_HTML_LANG, DRA_AUTHORS, DRA_QUALITY, DRA_SCHEMA_VERSION, DRA_LANG_TAG
};

static const char *const dr_article_keys[] = {
	"id", "source", "headline", "byline", "lang", "lang_confidence", "script", "scripts",
	"sections", "captions", "removed", "stats", "url", "published", "modified",
	"site_name", "description", "html_lang", "authors", "quality", "schema_version",
	"lang_tag",
};

/* The members in the order the writer puts them: the next one is tried first. */
static const unsigned char dr_article_order[] = {
	DRA_ID, DRA_SCHEMA_VERSION, DRA_SOURCE, DRA_HEADLINE, DRA_BYLINE, DRA_AUTHORS, DRA_URL,
	DRA_PUBLISHED, DRA_MODIFIED, DRA_SITE_NAME, DRA_DESCRIPTION, DRA_HTML_LANG, DRA_LANG,
	DRA_CONFIDENCE, DRA_LANG_TAG, DRA_SCRIPT, DRA_SCRIPTS, DRA_SECTIONS, DRA_CAPTIONS,
	DRA_REMOVED, DRA_STATS, DRA_QUALITY,
};

static int dr_article(struct dr *d)
{
	struct sahifa_article *a = d->a;
	const size_t n_keys = sizeof(dr_article_keys) / sizeof(dr_article_keys[0]);
	uint32_t seen = 0;
	int first = 1, r;
	const char *k, *s;
	size_t kn, n, i, j, next = 0;

	if (dr_open(d, '{'))
		return -1;
	while ((r = dr_next(d, '}', &first)) == 1) {
		char **field = NULL;
		double conf = 0;

		if (dr_key(d, &k, &kn))
			return -1;
		for (j = 0, i = n_keys; j < n_keys; j++)
			if (DR_KEY_IS(k, kn, dr_article_keys[dr_article_order[(next + j) % n_keys]])) {
				i = dr_article_order[(next + j) % n_keys];
				next = (next + j + 1) % n_keys;
				break;
			}
		if (i == n_keys || dr_seen(&seen, (int)i))
			return -1;
		switch (i) {
		case DRA_ID: r = dr_fixed(d, a->id, sizeof(a->id)); break;
		case DRA_SOURCE: r = dr_source(d, &a->source); break;
		case DRA_HEADLINE: field = &a->headline; break;
		case DRA_BYLINE: field = &a->byline; break;
		case DRA_LANG: r = dr_fixed(d, a->tag.lang, sizeof(a->tag.lang)); break;
		case DRA_CONFIDENCE:
			r = dr_number(d, &conf) || conf < 0 || conf > 1;
			a->tag.confidence = conf;
			break;
		case DRA_SCRIPT: r = dr_fixed(d, a->tag.script, sizeof(a->tag.script)); break;
		case DRA_SCRIPTS: r = dr_scripts(d); break;
		case DRA_SECTIONS: r = dr_sections(d); break;
		case DRA_CAPTIONS: r = dr_captions(d); break;
		case DRA_REMOVED: r = dr_removed(d); break;
		case DRA_STATS: r = dr_stats(d, &a->stats); break;
		case DRA_URL: field = &a->url; break;
		case DRA_PUBLISHED: field = &a->published; break;
		case DRA_MODIFIED: field = &a->modified; break;
		case DRA_SITE_NAME: field = &a->site_name; break;
		case DRA_DESCRIPTION: field = &a->description; break;
		case DRA_HTML_LANG: field = &a->html_lang; break;
		case DRA_AUTHORS: r = dr_authors(d); break;
		case DRA_QUALITY: r = dr_quality(d, &a->quality); break;
		default: r = dr_skip(d); break;
		}
		if (field)
			r = dr_str(d, 1, &s, &n) || dr_set(field, s, n);
		if (r)
			return -1;
	}
	return r == 0 && (seen & ((1u << DRA_NEEDED) - 1)) == (1u << DRA_NEEDED) - 1 ? 0 : -1;
}

static int from_json_direct(const char *json, size_t len, struct sahifa_article *a, int utf8)
{
	struct dr d = { json, json + len, len, NULL, 0, a, utf8 };
	int ok;

	dr_ws(&d);
	ok = !dr_article(&d);
	/* after the value, what the cJSON reader lets end a line */
	while (ok && d.p < d.end && (*d.p == ' ' || *d.p == '\t' || *d.p == '\r'))
		d.p++;
	ok = ok && d.p == d.end;
	free(d.scratch);
	if (!ok) {
		sahifa_article_release(a);
		return 0;
	}
	sahifa_article_count(a);
	return 1;
}

int shf_article_from_json_direct(const char *json, size_t len, struct sahifa_article *a)
{
	return from_json_direct(json, len, a, 0);
}

/* 1 when a is as sahifa_article_init leaves it: the direct reader builds only into such
 * an article, as giving up must leave it as it was. */
static int article_fresh(const struct sahifa_article *a)
{
	struct sahifa_article t;

	sahifa_article_init(&t);
	return !memcmp(a, &t, sizeof(t));
}

int shf_article_from_json_utf8(const char *json, size_t len, struct sahifa_article *a)
{
	return article_fresh(a) && from_json_direct(json, len, a, 1);
}

enum sahifa_status sahifa_article_from_json(const char *json, size_t len, struct sahifa_article *a,
					    struct sahifa_error *err)
{
	if (article_fresh(a) && shf_article_from_json_direct(json, len, a))
		return SAHIFA_OK;
	return shf_article_from_json_cjson(json, len, a, err);
}

enum sahifa_status sahifa_reject_to_json(const char *name, const char *member,
					 unsigned long long bytes, const char *sha256,
					 const struct sahifa_error *why, struct sahifa_buf *out)
{
	cJSON *o = cJSON_CreateObject(), *src = cJSON_CreateObject();
	char *text = NULL;
	enum sahifa_status st = SAHIFA_ERR_NOMEM;

	if (!o || !src || add(src, "name", str_or_null(name)) ||
	    add(src, "member", str_or_null(member)) || add(src, "bytes", num((double)bytes)) ||
	    add(src, "sha256", str_or_null(sha256)))
		goto done;
	add(o, "source", src);
	src = NULL;
	if (add(o, "line", why->line > 0 ? num((double)why->line) : cJSON_CreateNull()) ||
	    add(o, "error", cJSON_CreateStringReference(sahifa_status_name(why->status))) ||
	    add(o, "message", cJSON_CreateStringReference(why->msg)))
		goto done;
	{
		/* Where the error is when the source alone does not say: a WARC record's
		 * "file@offset". */
		char path[SAHIFA_ERROR_PATH_MAX];

		sahifa_member_path(name, member, path, sizeof(path));
		if (why->path[0] && strcmp(why->path, path) &&
		    add(o, "path", cJSON_CreateString(why->path)))
			goto done;
	}
	text = cJSON_PrintUnformatted(o);
	if (text)
		st = sahifa_buf_append_str(out, text);
done:
	cJSON_free(text);
	cJSON_Delete(src);
	cJSON_Delete(o);
	return st;
}
