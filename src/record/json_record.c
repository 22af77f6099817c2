/*
 * The record read from JSON with cJSON (writing is src/record/record_write.c, straight
 * into the buffer), and a reject written as JSON for --rejects.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "sahifa/article.h"
#include "record/json_strict.h"
#include "sahifa/convert.h"
#include "sahifa/limits.h"

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

enum sahifa_status sahifa_article_from_json(const char *json, size_t len, struct sahifa_article *a,
					    struct sahifa_error *err)
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
