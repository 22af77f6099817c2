/*
 * The record as JSON: the JSON module's half of include/sahifa/article.h.  Writing
 * builds a cJSON tree that borrows the article's strings (no copies) and prints it
 * unformatted; the key order is fixed here, so equal articles give equal bytes.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "sahifa/article.h"
#include "sahifa/convert.h"
#include "sahifa/limits.h"

/* Proportions and confidences keep 3 decimals: stable bytes, no float noise. */
static double round3(double v)
{
	return round(v * 1000.0) / 1000.0;
}

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

static int add_tag(cJSON *obj, const struct sahifa_langtag *t)
{
	return add(obj, "lang", cJSON_CreateStringReference(t->lang)) ||
	       add(obj, "script", cJSON_CreateStringReference(t->script));
}

static cJSON *warc_json(const struct sahifa_source *s)
{
	const struct sahifa_warc_ref *w = &s->warc;
	cJSON *o;

	if (!s->has_warc)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	if (!o || add(o, "file", str_or_null(w->file ? w->file : "-")) ||
	    add(o, "offset", num((double)w->offset)) || add(o, "record_id", str_or_null(w->record_id)) ||
	    add(o, "date", str_or_null(w->date)) || add(o, "target_uri", str_or_null(w->target_uri))) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static cJSON *source_json(const struct sahifa_source *s)
{
	cJSON *o = cJSON_CreateObject();

	if (!o || add(o, "name", str_or_null(s->name ? s->name : "-")) ||
	    add(o, "member", str_or_null(s->member)) || add(o, "bytes", num((double)s->bytes)) ||
	    add(o, "sha256", cJSON_CreateStringReference(s->sha256)) ||
	    add(o, "encoding", cJSON_CreateStringReference(s->encoding)) ||
	    add(o, "declared_encoding", str_or_null(s->declared_encoding)) ||
	    add(o, "format", cJSON_CreateStringReference(s->format)) ||
	    add(o, "warc", warc_json(s))) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static cJSON *authors_json(const struct sahifa_article *a)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i;

	for (i = 0; arr && i < a->n_authors; i++) {
		cJSON *s = cJSON_CreateStringReference(a->authors[i]);

		if (!s) {
			cJSON_Delete(arr);
			return NULL;
		}
		cJSON_AddItemToArray(arr, s);
	}
	return arr;
}

static cJSON *section_json(const struct sahifa_section *s)
{
	cJSON *o = cJSON_CreateObject(), *paras = cJSON_CreateArray();
	size_t i;

	if (!o || !paras)
		goto fail;
	if (add(o, "heading", str_or_null(s->heading)) || add(o, "level", num(s->level)) ||
	    (s->heading && add(o, "line", num((double)s->line))))
		goto fail;
	for (i = 0; i < s->n_paragraphs; i++) {
		const struct sahifa_paragraph *p = &s->paragraphs[i];
		cJSON *po = cJSON_CreateObject();

		if (!po)
			goto fail;
		cJSON_AddItemToArray(paras, po);
		if (add(po, "text", cJSON_CreateStringReference(p->text)) ||
		    add(po, "kind", cJSON_CreateStringReference(sahifa_kind_name(p->kind))) ||
		    add(po, "line", num((double)p->line)) || add_tag(po, &p->tag))
			goto fail;
	}
	add(o, "paragraphs", paras);
	return o;
fail:
	cJSON_Delete(paras);
	cJSON_Delete(o);
	return NULL;
}

static cJSON *stats_json(const struct sahifa_stats *st)
{
	cJSON *o = cJSON_CreateObject();

	if (!o || add(o, "lines", num((double)st->lines)) ||
	    add(o, "blank_lines", num((double)st->blank_lines)) ||
	    add(o, "sections", num((double)st->sections)) ||
	    add(o, "paragraphs", num((double)st->paragraphs)) ||
	    add(o, "captions", num((double)st->captions)) ||
	    add(o, "removed", num((double)st->removed)) ||
	    add(o, "characters", num((double)st->characters)) ||
	    add(o, "words", num((double)st->words)) ||
	    add(o, "replaced", num((double)st->replaced)) ||
	    add(o, "marks_trimmed", num((double)st->marks_trimmed))) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static cJSON *article_json(const struct sahifa_article *a, char *lang_tag, size_t tag_size)
{
	cJSON *o = cJSON_CreateObject(), *arr, *scripts;
	size_t i;

	if (!o)
		return NULL;
	snprintf(lang_tag, tag_size, "%s-%s", a->tag.lang, a->tag.script);
	if (add(o, "id", cJSON_CreateStringReference(a->id)) ||
	    add(o, "schema_version", cJSON_CreateStringReference(SAHIFA_SCHEMA_VERSION)) ||
	    add(o, "source", source_json(&a->source)) ||
	    add(o, "headline", str_or_null(a->headline)) ||
	    add(o, "byline", str_or_null(a->byline)) ||
	    add(o, "authors", authors_json(a)) ||
	    add(o, "url", str_or_null(a->url)) ||
	    add(o, "published", str_or_null(a->published)) ||
	    add(o, "modified", str_or_null(a->modified)) ||
	    add(o, "site_name", str_or_null(a->site_name)) ||
	    add(o, "description", str_or_null(a->description)) ||
	    add(o, "html_lang", str_or_null(a->html_lang)) ||
	    add(o, "lang", cJSON_CreateStringReference(a->tag.lang)) ||
	    add(o, "lang_confidence", num(round3(a->tag.confidence))) ||
	    add(o, "lang_tag", cJSON_CreateStringReference(lang_tag)) ||
	    add(o, "script", cJSON_CreateStringReference(a->tag.script)))
		goto fail;
	/* a list of {script, share}, not an object keyed by script: one type for loaders */
	if (add(o, "scripts", scripts = cJSON_CreateArray()))
		goto fail;
	for (i = 0; i < a->n_scripts; i++) {
		cJSON *so = cJSON_CreateObject();

		if (!so)
			goto fail;
		cJSON_AddItemToArray(scripts, so);
		if (add(so, "script", cJSON_CreateStringReference(a->scripts[i].script)) ||
		    add(so, "share", num(round3(a->scripts[i].share))))
			goto fail;
	}
	if (add(o, "sections", arr = cJSON_CreateArray()))
		goto fail;
	for (i = 0; i < a->n_sections; i++) {
		cJSON *s = section_json(&a->sections[i]);

		if (!s)
			goto fail;
		cJSON_AddItemToArray(arr, s);
	}
	if (add(o, "captions", arr = cJSON_CreateArray()))
		goto fail;
	for (i = 0; i < a->n_captions; i++) {
		cJSON *c = cJSON_CreateObject();

		if (!c)
			goto fail;
		cJSON_AddItemToArray(arr, c);
		if (add(c, "text", cJSON_CreateStringReference(a->captions[i].text)) ||
		    add(c, "line", num((double)a->captions[i].line)) ||
		    add_tag(c, &a->captions[i].tag))
			goto fail;
	}
	if (add(o, "removed", arr = cJSON_CreateArray()))
		goto fail;
	for (i = 0; i < a->n_removed; i++) {
		const struct sahifa_removed *r = &a->removed[i];
		cJSON *ro = cJSON_CreateObject();

		if (!ro)
			goto fail;
		cJSON_AddItemToArray(arr, ro);
		if (add(ro, "line", num((double)r->line)) ||
		    add(ro, "text", cJSON_CreateStringReference(r->text)) ||
		    add(ro, "reason", cJSON_CreateStringReference(sahifa_reason_name(r->reason))) ||
		    (r->detail && add(ro, "detail", cJSON_CreateStringReference(r->detail))))
			goto fail;
	}
	if (add(o, "stats", stats_json(&a->stats)))
		goto fail;
	return o;
fail:
	cJSON_Delete(o);
	return NULL;
}

enum sahifa_status sahifa_article_to_json(const struct sahifa_article *a, struct sahifa_buf *out,
					  struct sahifa_error *err)
{
	char lang_tag[SAHIFA_LANG_MAX + SAHIFA_SCRIPT_MAX + 2];
	cJSON *o = article_json(a, lang_tag, sizeof(lang_tag));
	char *text;
	enum sahifa_status st;

	if (!o)
		return sahifa_error_nomem(err, NULL);
	text = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	if (!text)
		return sahifa_error_nomem(err, NULL);
	st = sahifa_buf_append_str(out, text);
	cJSON_free(text);
	if (st == SAHIFA_ERR_LIMIT)
		return sahifa_error_set(err, st, NULL, 0, 0, "record larger than the %zu-byte limit",
					out->max);
	if (st)
		return sahifa_error_set(err, st, NULL, 0, 0, "out of memory");
	return SAHIFA_OK;
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
	sahifa_article_count(a);
	return SAHIFA_OK;
}

/* Depth of the deepest array/object, stopping early past the limit. */
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
	text = cJSON_PrintUnformatted(o);
	if (text)
		st = sahifa_buf_append_str(out, text);
done:
	cJSON_free(text);
	cJSON_Delete(src);
	cJSON_Delete(o);
	return st;
}
