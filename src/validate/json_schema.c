/* Strict JSON parsing and JSON Schema (draft 2020-12) over cJSON (src/validate/json_schema.h). */
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <cjson/cJSON.h>

#include "text/icu_regex.h"
#include "validate/json_schema.h"
#include "record/json_strict.h"
#include "sahifa/article.h"
#include "sahifa/buf.h"
#include "sahifa/limits.h"
#include "sahifa/utf8.h"

/* ---- strict UTF-8 ---------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s, or 0. */
static size_t utf8_seq(const unsigned char *s, size_t avail)
{
	uint32_t cp;

	return sahifa_utf8_decode(s, avail, &cp);
}

long shf_utf8_column(const char *text, size_t off)
{
	return (long)sahifa_utf8_chars(text, off) + 1;
}

/* ---- strict parsing ---------------------------------------------------------------- */

static enum sahifa_status lex_fail(struct sahifa_error *err, enum sahifa_status st,
				   const char *text, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static enum sahifa_status lex_fail(struct sahifa_error *err, enum sahifa_status st,
				   const char *text, size_t off, const char *fmt, ...)
{
	va_list ap;
	char msg[SAHIFA_ERROR_MSG_MAX];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return sahifa_error_set(err, st, NULL, 0, shf_utf8_column(text, off), "%s", msg);
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Length of a JSON number at s (grammar of RFC 8259), or 0 when it breaks it. */
static size_t number_len(const unsigned char *s, size_t avail)
{
	size_t i = 0;

	if (i < avail && s[i] == '-')
		i++;
	if (i < avail && s[i] == '0')
		i++;
	else if (i < avail && s[i] >= '1' && s[i] <= '9')
		while (i < avail && is_digit(s[i]))
			i++;
	else
		return 0;
	if (i < avail && s[i] == '.') {
		i++;
		if (i >= avail || !is_digit(s[i]))
			return 0;
		while (i < avail && is_digit(s[i]))
			i++;
	}
	if (i < avail && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < avail && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i >= avail || !is_digit(s[i]))
			return 0;
		while (i < avail && is_digit(s[i]))
			i++;
	}
	if (i < avail && (is_digit(s[i]) || s[i] == '.' || s[i] == 'e' || s[i] == 'E'))
		return 0;
	return i;
}

/* What cJSON does not check: UTF-8, control characters in strings, the number
 * grammar, and the nesting depth (before cJSON recurses into it). */
static enum sahifa_status prescan(const char *text, size_t len, struct sahifa_error *err)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, n;
	int depth = 0, in_string = 0;

	while (i < len) {
		unsigned char c = s[i];

		if (c >= 0xC2 && c <= 0xDF && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
			i += 2; /* two-byte sequences (Arabic, Cyrillic, ...) are the common case */
			continue;
		}
		if (c >= 0x80) {
			n = utf8_seq(s + i, len - i);
			if (!n)
				return lex_fail(err, SAHIFA_ERR_DATA, text, i,
						"invalid UTF-8 byte 0x%02X", c);
			i += n;
			continue;
		}
		if (in_string) {
			/* The run of plain bytes up to the next quote, escape or odd byte:
			 * printable ASCII and valid two-byte sequences, most of any text. */
			while (i + 1 < len) {
				c = s[i];
				if ((unsigned char)(c - 0x20) < 0x60) {
					if (c == '"' || c == '\\')
						break;
					i++;
				} else if ((unsigned char)(c - 0xC2) < 0x1E &&
					   (s[i + 1] & 0xC0) == 0x80) {
					i += 2;
				} else {
					break;
				}
			}
			if (i >= len)
				break;
			c = s[i];
			if (c >= 0x80)
				continue;
			if (c == '"')
				in_string = 0;
			else if (c == '\\' && i + 5 < len && s[i + 1] == 'u' && !memcmp(s + i + 2, "0000", 4))
				return lex_fail(err, SAHIFA_ERR_DATA, text, i,
						"'\\u0000' in a string (JSON readers cut the string there)");
			else if (c == '\\')
				i++;
			else if (c < 0x20)
				return lex_fail(err, SAHIFA_ERR_DATA, text, i,
						"control character 0x%02X in a string (must be escaped)", c);
			i++;
			continue;
		}
		if (c == '"') {
			in_string = 1;
		} else if (c == '[' || c == '{') {
			if (++depth > SAHIFA_MAX_JSON_DEPTH)
				return lex_fail(err, SAHIFA_ERR_LIMIT, text, i,
						"JSON nested deeper than %d levels", SAHIFA_MAX_JSON_DEPTH);
		} else if (c == ']' || c == '}') {
			depth--;
		} else if (c == '-' || is_digit(c)) {
			n = number_len(s + i, len - i);
			if (!n)
				return lex_fail(err, SAHIFA_ERR_DATA, text, i, "invalid number");
			i += n;
			continue;
		}
		i++;
	}
	return SAHIFA_OK;
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* ---- the parsed value: one arena per document -------------------------------------- */

/* Every node and string of a document lives in a few large blocks, freed at once:
 * no allocation per value.  The root node sits in the document header, so that a
 * struct sahifa_json is a cJSON node all the way down. */
struct doc_chunk {
	struct doc_chunk *next;
	size_t size;
};

struct json_doc {
	struct doc_chunk *chunks;   /* blocks past the first, newest first */
	char *cur;                  /* free space left in the newest block */
	size_t left, last;          /* its size; the size of the newest block */
	cJSON root;
	/* the first block follows */
};

#define DOC_ALIGN 8

static struct json_doc *doc_new(size_t first)
{
	struct json_doc *d;

	first = (first + DOC_ALIGN - 1) & ~(size_t)(DOC_ALIGN - 1);
	if (first > SIZE_MAX - sizeof(*d) || !(d = malloc(sizeof(*d) + first)))
		return NULL;
	memset(d, 0, sizeof(*d));
	d->cur = (char *)(d + 1);
	d->left = d->last = first;
	return d;
}

static void *doc_alloc(struct json_doc *d, size_t n)
{
	void *p;

	n = (n + DOC_ALIGN - 1) & ~(size_t)(DOC_ALIGN - 1);
	if (n > d->left) {
		size_t size = d->last * 2 > n ? d->last * 2 : n;
		struct doc_chunk *c;

		if (size > SIZE_MAX - sizeof(*c) || !(c = malloc(sizeof(*c) + size)))
			return NULL;
		c->next = d->chunks;
		c->size = size;
		d->chunks = c;
		d->cur = (char *)(c + 1);
		d->left = d->last = size;
	}
	p = d->cur;
	d->cur += n;
	d->left -= n;
	return p;
}

static cJSON *doc_node(struct json_doc *d)
{
	cJSON *n = doc_alloc(d, sizeof(cJSON));

	if (n)
		memset(n, 0, sizeof(*n));
	return n;
}

static struct json_doc *doc_of(const struct sahifa_json *v)
{
	return (struct json_doc *)((char *)(uintptr_t)v - offsetof(struct json_doc, root));
}

static void doc_free(struct json_doc *d)
{
	struct doc_chunk *c, *next;

	if (!d)
		return;
	for (c = d->chunks; c; c = next) {
		next = c->next;
		free(c);
	}
	free(d);
}

/* ---- the fast path: parse, check and build in one pass ----------------------------- */

/* Takes the JSON every sahifa writer produces (and most others): standard white space,
 * strict UTF-8, the escapes of RFC 8259, numbers cJSON reads whole, objects without a
 * repeated key.  Anything else, valid or not, makes it give up (-1), and the reference
 * path (prescan, cJSON, the duplicate-key check) decides and words the message: both
 * give the same tree and the same errors. */
struct fast {
	const unsigned char *s, *end;
	struct json_doc *doc;
	int depth;
};

static void fast_ws(struct fast *f)
{
	while (f->s < f->end && (*f->s == ' ' || *f->s == '\n' || *f->s == '\r' || *f->s == '\t'))
		f->s++;
}

/* Bytes in a string: 0 printable ASCII but '"' and '\\', 1 the lead of a two-byte
 * sequence, 2 anything else (the slow path looks at it). */
static const unsigned char str_class[256] = {
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

/* How many of the sixteen bytes at s (16, or 15 when the last is a lead) are printable
 * ASCII but '"' and '\\', and whole two-byte UTF-8 sequences (leads 0xC2..0xDF, each
 * followed by its continuation byte), in any mix: nearly every block of Arabic,
 * Cyrillic, Greek or Latin text.  0 sends the block to the byte loop, which decides. */
static int plain16(const unsigned char *s)
{
#ifdef __SSE2__
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	unsigned high = (unsigned)_mm_movemask_epi8(v);
	unsigned ctl = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20))) & ~high;
	unsigned special = (unsigned)_mm_movemask_epi8(
		_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
	unsigned lead = (unsigned)_mm_movemask_epi8(
		_mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xE0)), _mm_set1_epi8((char)0xC0)));
	unsigned overlong = (unsigned)_mm_movemask_epi8(
		_mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xFE)), _mm_set1_epi8((char)0xC0)));
	unsigned cont = (unsigned)_mm_movemask_epi8(
		_mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xC0)), _mm_set1_epi8((char)0x80)));

	if ((ctl | special | overlong | (high & ~(lead | cont))) || cont != ((lead << 1) & 0xFFFF))
		return 0;
	return lead & 0x8000 ? 15 : 16;  /* a last lead's continuation is the next block's */
#else
	(void)s;
	return 0;
#endif
}

/* The string at f->s (on its opening quote), decoded into the arena; *len its bytes. */
static int fast_string(struct fast *f, char **out, size_t *len)
{
	const unsigned char *s = f->s + 1, *start = s, *end = f->end;
	int escapes = 0;
	char *dst, *o;

	for (;;) {
		unsigned char c;

		/* the run of plain bytes: printable ASCII and two-byte sequences, sixteen
		 * at a time while a block holds nothing else, then byte by byte for a block */
		for (;;) {
			const unsigned char *stop;
			int n;

			while (end - s >= 16 && (n = plain16(s)))
				s += n;
			stop = end - s > 16 ? s + 16 : end;
			while (s < stop && end - s >= 2) {
				unsigned k = str_class[*s];

				if (k == 0)
					s++;
				else if (k == 1 && (s[1] & 0xC0) == 0x80)
					s += 2;
				else
					break;
			}
			if (s < stop || end - s < 2)
				break;
		}
		if (s >= end)
			return -1;
		c = *s;
		if (c < 0x80) {
			if (c == '"')
				break;
			if (c < 0x20)
				return -1;
			if (c == '\\') {
				if (s + 1 >= end)
					return -1;
				escapes = 1;
				s += 2;
				continue;
			}
			s++;
		} else if (c >= 0xC2 && c <= 0xDF && s + 1 < end && (s[1] & 0xC0) == 0x80) {
			s += 2;
		} else {
			size_t n = utf8_seq(s, (size_t)(end - s));

			if (!n)
				return -1;
			s += n;
		}
	}
	if (!(dst = doc_alloc(f->doc, (size_t)(s - start) + 1)))
		return -1;
	if (!escapes) {
		memcpy(dst, start, (size_t)(s - start));
		o = dst + (s - start);
	} else {
		const char *close;
		size_t n;

		if (shf_json_unescape((const char *)start, (const char *)s + 1, dst, &close, &n))
			return -1;
		o = dst + n;
	}
	*o = '\0';
	*out = dst;
	*len = (size_t)(o - dst);
	f->s = s + 1;
	return 0;
}

/* A number as cJSON reads it: strtod of the literal (under 64 bytes; longer ones cJSON
 * cuts), valueint clamped to int. */
static int fast_number(struct fast *f, cJSON *item)
{
	/* 10^k for k <= 22: exact doubles */
	static const double tens[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
				       1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
				       1e20, 1e21, 1e22 };
	size_t n = number_len(f->s, (size_t)(f->end - f->s)), i, digits = 0, frac = 0;
	unsigned long long u = 0;
	int simple = 1, point = 0, neg = f->s[0] == '-';
	double d;

	if (!n || n >= 64)
		return -1;
	for (i = (size_t)neg; i < n && simple; i++) {
		if (is_digit(f->s[i])) {
			u = u * 10 + (unsigned)(f->s[i] - '0');
			digits++;
			frac += (size_t)point;
		} else if (f->s[i] == '.' && !point) {
			point = 1;
		} else {
			simple = 0;  /* an exponent: strtod */
		}
	}
	if (simple && digits <= 15) {
		/* digits and a fraction of at most 15 digits in all: the integer below 2^53 and
		 * the power of ten are exact doubles, so one division rounds as strtod does */
		d = (double)u / tens[frac];
		if (neg)
			d = -d;
	} else {
		char buf[64];

		memcpy(buf, f->s, n);
		buf[n] = '\0';
		d = strtod(buf, NULL);
	}
	item->type = cJSON_Number;
	item->valuedouble = d;
	if (d >= INT_MAX)
		item->valueint = INT_MAX;
	else if (d <= (double)INT_MIN)
		item->valueint = INT_MIN;
	else
		item->valueint = (int)d;
	f->s += n;
	return 0;
}

static int fast_value(struct fast *f, cJSON *item);

/* Members of an object past this many are checked for repeats by the reference path. */
#define FAST_MAX_KEYS 64

/* Link the parsed member m after *last in item, then read past the ',' that comes next
 * (0: another member follows) or the closing byte (1: the container ends); -1 when
 * neither follows. */
static int fast_member_end(struct fast *f, cJSON *item, cJSON **last, cJSON *m, char close)
{
	if (*last) {
		(*last)->next = m;
		m->prev = *last;
	} else {
		item->child = m;
	}
	*last = m;
	fast_ws(f);
	if (f->s >= f->end || (*f->s != close && *f->s != ','))
		return -1;
	if (*f->s++ == close) {
		item->child->prev = m;
		return 1;
	}
	fast_ws(f);
	return 0;
}

static int fast_object(struct fast *f, cJSON *item)
{
	const char *keys[FAST_MAX_KEYS];
	size_t lens[FAST_MAX_KEYS], n = 0, i, len;
	cJSON *last = NULL;
	int rc;

	item->type = cJSON_Object;
	f->s++;
	fast_ws(f);
	if (f->s < f->end && *f->s == '}') {
		f->s++;
		return 0;
	}
	for (;;) {
		cJSON *m;
		char *key;

		if (f->s >= f->end || *f->s != '"' || n == FAST_MAX_KEYS || !(m = doc_node(f->doc)) ||
		    fast_string(f, &key, &len))
			return -1;
		for (i = 0; i < n; i++)
			if (lens[i] == len && !memcmp(keys[i], key, len))
				return -1;
		keys[n] = key;
		lens[n++] = len;
		m->string = key;
		fast_ws(f);
		if (f->s >= f->end || *f->s != ':')
			return -1;
		f->s++;
		fast_ws(f);
		if (fast_value(f, m))
			return -1;
		rc = fast_member_end(f, item, &last, m, '}');
		if (rc)
			return rc < 0 ? -1 : 0;
	}
}

static int fast_array(struct fast *f, cJSON *item)
{
	cJSON *last = NULL;
	int rc;

	item->type = cJSON_Array;
	f->s++;
	fast_ws(f);
	if (f->s < f->end && *f->s == ']') {
		f->s++;
		return 0;
	}
	for (;;) {
		cJSON *m = doc_node(f->doc);

		if (!m || fast_value(f, m))
			return -1;
		rc = fast_member_end(f, item, &last, m, ']');
		if (rc)
			return rc < 0 ? -1 : 0;
	}
}

static int fast_literal(struct fast *f, const char *word, size_t n)
{
	if ((size_t)(f->end - f->s) < n || memcmp(f->s, word, n))
		return -1;
	f->s += n;
	return 0;
}

static int fast_value(struct fast *f, cJSON *item)
{
	size_t len;
	int r;

	if (f->s >= f->end)
		return -1;
	switch (*f->s) {
	case '{':
	case '[':
		if (++f->depth > SAHIFA_MAX_JSON_DEPTH)
			return -1;
		r = *f->s == '{' ? fast_object(f, item) : fast_array(f, item);
		f->depth--;
		return r;
	case '"':
		item->type = cJSON_String;
		return fast_string(f, &item->valuestring, &len);
	case 't':
		item->type = cJSON_True;
		item->valueint = 1;
		return fast_literal(f, "true", 4);
	case 'f':
		item->type = cJSON_False;
		return fast_literal(f, "false", 5);
	case 'n':
		item->type = cJSON_NULL;
		return fast_literal(f, "null", 4);
	default:
		return fast_number(f, item);
	}
}

/* 0 with *out the document, -1 when the reference path must decide. */
static int fast_parse(const char *text, size_t len, struct json_doc **out)
{
	struct fast f;

	/* a block the size of the text holds most rows whole: strings take at most
	 * their bytes, and nodes come a few per hundred bytes in records */
	if (!(f.doc = doc_new(len + len / 2 + 256)))
		return -1;
	f.s = (const unsigned char *)text;
	f.end = f.s + len;
	f.depth = 0;
	fast_ws(&f);
	if (f.s < f.end && fast_value(&f, &f.doc->root) == 0) {
		fast_ws(&f);
		if (f.s == f.end) {
			*out = f.doc;
			return 0;
		}
	}
	doc_free(f.doc);
	return -1;
}

/* A copy of the reference path's tree in an arena, for the rare text only it takes. */
static char *doc_strdup(struct json_doc *d, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = doc_alloc(d, n);

	if (p)
		memcpy(p, s, n);
	return p;
}

static int doc_copy(struct json_doc *d, const cJSON *src, cJSON *dst)
{
	const cJSON *c;
	cJSON *last = NULL;

	dst->type = src->type & 0xFF;
	dst->valueint = src->valueint;
	dst->valuedouble = src->valuedouble;
	if (src->valuestring && !(dst->valuestring = doc_strdup(d, src->valuestring)))
		return -1;
	if (src->string && !(dst->string = doc_strdup(d, src->string)))
		return -1;
	for (c = src->child; c; c = c->next) {
		cJSON *m = doc_node(d);

		if (!m || doc_copy(d, c, m))
			return -1;
		if (last) {
			last->next = m;
			m->prev = last;
		} else {
			dst->child = m;
		}
		last = m;
	}
	if (dst->child)
		dst->child->prev = last;
	return 0;
}

/* The reference path: prescan, cJSON, the duplicate-key check; every message. */
static enum sahifa_status reference_parse(const char *text, size_t len, cJSON **out,
					  struct sahifa_error *err)
{
	const char *end = NULL;
	size_t i, n;
	cJSON *v;
	enum sahifa_status st;

	*out = NULL;
	for (i = 0; i < len && is_space((unsigned char)text[i]); i++)
		;
	if (i == len)
		return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
					"empty line (expected one JSON value)");
	st = prescan(text, len, err);
	if (st)
		return st;
	v = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	if (!v) {
		size_t off = end && end >= text && end <= text + len ? (size_t)(end - text) : 0;

		char q[32];

		if (off >= len)
			return lex_fail(err, SAHIFA_ERR_DATA, text, len,
					"JSON syntax error: unexpected end of the value");
		n = utf8_seq((const unsigned char *)text + off, len - off);
		sahifa_quote(text + off, n ? n : 1, 1, q, sizeof(q));
		return lex_fail(err, SAHIFA_ERR_DATA, text, off, "JSON syntax error at %s", q);
	}
	if (end && (size_t)(end - text) < len) {
		size_t off = (size_t)(end - text);

		for (i = off; i < len && is_space((unsigned char)text[i]); i++)
			;
		if (i < len) {
			cJSON_Delete(v);
			return lex_fail(err, SAHIFA_ERR_DATA, text, i,
					"content after the JSON value (one value per line)");
		}
	}
	{
		char key[128], q[160];

		if (shf_json_duplicate_key(v, key, sizeof(key))) {
			cJSON_Delete(v);
			sahifa_quote(key, strlen(key), 100, q, sizeof(q));
			return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
						"duplicate key %s (readers disagree on which one holds)", q);
		}
	}
	*out = v;
	return SAHIFA_OK;
}

enum sahifa_status shf_json_parse(const char *text, size_t len, struct sahifa_json **out,
				     struct sahifa_error *err)
{
	struct json_doc *d;
	cJSON *v;
	enum sahifa_status st;

	*out = NULL;
	if (!fast_parse(text, len, &d)) {
		*out = (struct sahifa_json *)&d->root;
		return SAHIFA_OK;
	}
	if ((st = reference_parse(text, len, &v, err)))
		return st;
	d = doc_new(len + 256);
	if (!d || doc_copy(d, v, &d->root)) {
		cJSON_Delete(v);
		doc_free(d);
		return sahifa_error_nomem(err, NULL);
	}
	cJSON_Delete(v);
	*out = (struct sahifa_json *)&d->root;
	return SAHIFA_OK;
}

enum sahifa_status shf_json_parse_reference(const char *text, size_t len,
					       struct sahifa_json **out, struct sahifa_error *err)
{
	struct json_doc *d;
	cJSON *v;
	enum sahifa_status st;

	*out = NULL;
	if ((st = reference_parse(text, len, &v, err)))
		return st;
	d = doc_new(len + 256);
	if (!d || doc_copy(d, v, &d->root)) {
		cJSON_Delete(v);
		doc_free(d);
		return sahifa_error_nomem(err, NULL);
	}
	cJSON_Delete(v);
	*out = (struct sahifa_json *)&d->root;
	return SAHIFA_OK;
}

static int same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

int shf_json_same(const struct sahifa_json *a, const struct sahifa_json *b)
{
	const cJSON *x = (const cJSON *)a, *y = (const cJSON *)b;

	if (!x || !y)
		return x == y;
	if ((x->type & 0xFF) != (y->type & 0xFF) || x->valueint != y->valueint ||
	    memcmp(&x->valuedouble, &y->valuedouble, sizeof(x->valuedouble)) ||
	    !same_str(x->valuestring, y->valuestring) || !same_str(x->string, y->string))
		return 0;
	for (x = x->child, y = y->child; x && y; x = x->next, y = y->next)
		if (!shf_json_same((const struct sahifa_json *)x, (const struct sahifa_json *)y))
			return 0;
	return !x && !y;
}

void shf_json_free(struct sahifa_json *v)
{
	if (v)
		doc_free(doc_of(v));
}

/* ---- read-only facade -------------------------------------------------------------- */

#define CJ(v) ((const cJSON *)(v))

enum shf_json_type shf_json_type(const struct sahifa_json *v)
{
	const cJSON *j = CJ(v);

	if (!j)
		return SAHIFA_JSON_NONE;
	switch (j->type & 0xFF) {
	case cJSON_NULL: return SAHIFA_JSON_NULL;
	case cJSON_True:
	case cJSON_False: return SAHIFA_JSON_BOOL;
	case cJSON_Number: return SAHIFA_JSON_NUMBER;
	case cJSON_String: return SAHIFA_JSON_STRING;
	case cJSON_Array: return SAHIFA_JSON_ARRAY;
	case cJSON_Object: return SAHIFA_JSON_OBJECT;
	}
	return SAHIFA_JSON_NONE;
}

const struct sahifa_json *shf_json_get(const struct sahifa_json *obj, const char *key)
{
	if (!obj || !cJSON_IsObject(CJ(obj)))
		return NULL;
	return (const struct sahifa_json *)cJSON_GetObjectItemCaseSensitive(CJ(obj), key);
}

const struct sahifa_json *shf_json_child(const struct sahifa_json *v)
{
	if (!v || !(cJSON_IsArray(CJ(v)) || cJSON_IsObject(CJ(v))))
		return NULL;
	return (const struct sahifa_json *)CJ(v)->child;
}

const struct sahifa_json *shf_json_next(const struct sahifa_json *v)
{
	return v ? (const struct sahifa_json *)CJ(v)->next : NULL;
}

const char *shf_json_key(const struct sahifa_json *member)
{
	return member ? CJ(member)->string : NULL;
}

size_t shf_json_size(const struct sahifa_json *v)
{
	const cJSON *c;
	size_t n = 0;

	if (!v || !(cJSON_IsArray(CJ(v)) || cJSON_IsObject(CJ(v))))
		return 0;
	for (c = CJ(v)->child; c; c = c->next)
		n++;
	return n;
}

const char *shf_json_string(const struct sahifa_json *v)
{
	return v && cJSON_IsString(CJ(v)) ? CJ(v)->valuestring : NULL;
}

double shf_json_number(const struct sahifa_json *v)
{
	return v && cJSON_IsNumber(CJ(v)) ? CJ(v)->valuedouble : 0;
}

int shf_json_true(const struct sahifa_json *v)
{
	return v && cJSON_IsTrue(CJ(v));
}

static int double_is_integer(double d)
{
	return isfinite(d) && floor(d) == d;
}

int shf_json_integer(const struct sahifa_json *v, long long *out)
{
	double d;

	if (!v || !cJSON_IsNumber(CJ(v)))
		return 0;
	d = CJ(v)->valuedouble;
	if (!double_is_integer(d) || fabs(d) > 9007199254740992.0)
		return 0;
	*out = (long long)d;
	return 1;
}

/* ---- schema compilation -------------------------------------------------------------- */

enum {
	T_NULL = 1, T_BOOL = 2, T_OBJECT = 4, T_ARRAY = 8, T_NUMBER = 16, T_STRING = 32,
	T_INTEGER = 64
};

static const char *const type_names[] = { "null", "boolean", "object", "array", "number",
					  "string", "integer" };

enum format { F_NONE = 0, F_DATE_TIME, F_DATE, F_TIME, F_URI, F_EMAIL };

/* A pattern that is a run of ASCII classes between ^ and $ ("^[0-9a-f]{64}$",
 * "^[a-z]{2,3}-[A-Z][a-z]{3}$"), matched byte by byte before the regex engine.  A
 * greedy match proves the string in the language, so a hit needs no regex; a miss
 * may be greedy's mistake, and the regex has the last word. */
#define BYTE_PATTERN_ATOMS 16

struct byte_atom {
	uint64_t set[2];           /* the ASCII bytes it takes */
	unsigned min, max;
};

struct byte_pattern {
	size_t n;
	struct byte_atom atom[BYTE_PATTERN_ATOMS];
};

static int byte_plain(unsigned char c)
{
	return is_digit(c) || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

static void byte_set_add(uint64_t set[2], unsigned char c)
{
	set[c >> 6] |= (uint64_t)1 << (c & 63);
}

/* 0 when src has that shape, and *out its atoms. */
static int byte_pattern_compile(const char *src, struct byte_pattern *out)
{
	const unsigned char *p = (const unsigned char *)src;
	size_t len = strlen(src);
	const unsigned char *end = p + len - 1;  /* the '$' */

	memset(out, 0, sizeof(*out));
	if (len < 3 || p[0] != '^' || *end != '$' || end[-1] == '\\')
		return -1;
	for (p++; p < end;) {
		struct byte_atom *a;

		if (out->n == BYTE_PATTERN_ATOMS)
			return -1;
		a = &out->atom[out->n++];
		if (*p == '[') {
			for (p++; p < end && *p != ']';) {
				unsigned char lo = *p, hi = *p, c;

				if (!byte_plain(lo))
					return -1;
				if (p + 2 < end && p[1] == '-' && p[2] != ']') {
					hi = p[2];
					if (!byte_plain(hi) || hi < lo || is_digit(lo) != is_digit(hi) ||
					    (lo >= 'a') != (hi >= 'a'))
						return -1;
					p += 3;
				} else {
					p++;
				}
				for (c = lo; c <= hi; c++)
					byte_set_add(a->set, c);
			}
			if (p >= end)
				return -1;
			p++;
		} else if (byte_plain(*p) || *p == '-' || *p == '_' || *p == ':') {
			byte_set_add(a->set, *p++);
		} else if (*p == '\\' && p + 1 < end && (p[1] == '.' || p[1] == '-')) {
			byte_set_add(a->set, p[1]);
			p += 2;
		} else {
			return -1;
		}
		a->min = a->max = 1;
		if (p < end && *p == '{') {
			unsigned v[2] = { 0, 0 }, k = 0;

			for (p++; p < end && *p != '}'; p++) {
				if (*p == ',' && k == 0 && p[-1] != '{') {
					k = 1;
				} else if (is_digit(*p) && v[k] < 1000) {
					v[k] = v[k] * 10 + (unsigned)(*p - '0');
				} else {
					return -1;
				}
			}
			if (p >= end || p[-1] == '{' || p[-1] == ',' || (k && v[1] < v[0]))
				return -1;
			p++;
			a->min = v[0];
			a->max = k ? v[1] : v[0];
		} else if (p < end && (*p == '+' || *p == '*' || *p == '?')) {
			a->min = *p == '+';
			a->max = *p == '?' ? 1 : UINT32_MAX;
			p++;
		}
	}
	return out->n ? 0 : -1;
}

/* 1 when s[0..len) is a string of the pattern's language (greedy), else 0. */
static int byte_pattern_match(const struct byte_pattern *bp, const char *s, size_t len)
{
	size_t i, pos = 0;

	for (i = 0; i < bp->n; i++) {
		const struct byte_atom *a = &bp->atom[i];
		unsigned k = 0;

		while (k < a->max && pos < len) {
			unsigned char c = (unsigned char)s[pos];

			if (c >= 128 || !((a->set[c >> 6] >> (c & 63)) & 1))
				break;
			k++;
			pos++;
		}
		if (k < a->min)
			return 0;
	}
	return pos == len;
}

struct node;

struct prop {
	const char *name;  /* borrowed from the schema document */
	uint32_t hash;     /* of name: most lookups end at a hash mismatch */
	struct node *schema;
};

struct node {
	const cJSON *src;
	int always;             /* 1: schema true, 0: schema false, -1: keywords */
	unsigned types;         /* 0: any */
	struct prop *props;
	size_t n_props;
	const char **required;
	size_t n_required;
	uint64_t required_mask;  /* required names that are among the first 64 props */
	int required_all_props;  /* every required name is one of those */
	struct node *additional, *property_names;
	long min_props, max_props;
	struct node *items, **prefix;
	size_t n_prefix;
	long min_items, max_items;
	int unique;
	const cJSON *enum_values, *const_value;
	long min_len, max_len;
	struct sahifa_regex *pattern;
	const char *pattern_src;
	struct byte_pattern *bytes;  /* the pattern's byte form, or NULL */
	enum format format;
	int has_min, has_max, has_xmin, has_xmax;
	double min, max, xmin, xmax;
	struct node *ref;
	struct node **all_of, **any_of, **one_of, *not_schema;
	size_t n_all_of, n_any_of, n_one_of;
	struct node *next_alloc;
};

struct sahifa_schema {
	struct sahifa_json *owned;  /* the parsed schema document */
	cJSON *doc;                 /* its root */
	struct node *root;
	struct node *nodes;     /* every node, for lookup by src and freeing */
};

struct compiler {
	struct sahifa_schema *s;
	struct sahifa_error *err;
	char where[SAHIFA_ERROR_WHERE_MAX];
	size_t wlen;
};

static enum sahifa_status compile_node(struct compiler *c, const cJSON *src, struct node **out);

static uint32_t name_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static enum sahifa_status cfail(struct compiler *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static enum sahifa_status cfail(struct compiler *c, const char *fmt, ...)
{
	va_list ap;
	char msg[SAHIFA_ERROR_MSG_MAX];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sahifa_error_set(c->err, SAHIFA_ERR_DATA, NULL, 0, 0, "schema: %s", msg);
	if (c->err)
		snprintf(c->err->where, sizeof(c->err->where), "%s", c->wlen ? c->where : "/");
	return SAHIFA_ERR_DATA;
}

/* Append "/token" (escaped as a JSON pointer) to a where buffer; returns the old length. */
static size_t where_push(char *where, size_t *wlen, size_t size, const char *token)
{
	size_t old = *wlen, n = *wlen;
	const char *p;

	if (n + 1 < size)
		where[n++] = '/';
	for (p = token; *p && n + 2 < size; p++) {
		if (*p == '~' || *p == '/') {
			where[n++] = '~';
			where[n++] = *p == '~' ? '0' : '1';
		} else {
			where[n++] = *p;
		}
	}
	where[n] = '\0';
	*wlen = n;
	return old;
}

static void where_pop(char *where, size_t *wlen, size_t old)
{
	*wlen = old;
	where[old] = '\0';
}

static size_t where_push_index(char *where, size_t *wlen, size_t size, size_t i)
{
	char num[32];

	snprintf(num, sizeof(num), "%zu", i);
	return where_push(where, wlen, size, num);
}

static struct node *node_find(struct sahifa_schema *s, const cJSON *src)
{
	struct node *n;

	for (n = s->nodes; n; n = n->next_alloc)
		if (n->src == src)
			return n;
	return NULL;
}

/* Resolve a local reference ("#", "#/a/b~1c/0") to a place in the document. */
static const cJSON *resolve_ref(const cJSON *doc, const char *ref)
{
	const cJSON *cur = doc;
	const char *p;
	char token[256];

	if (ref[0] != '#')
		return NULL;
	p = ref + 1;
	if (!*p)
		return doc;
	if (*p != '/')
		return NULL;
	while (*p == '/') {
		size_t n = 0;

		p++;
		while (*p && *p != '/') {
			char ch = *p++;

			if (ch == '~') {
				if (*p == '0')
					ch = '~';
				else if (*p == '1')
					ch = '/';
				else
					return NULL;
				p++;
			} else if (ch == '%') {
				return NULL;  /* percent-encoded pointers are not supported */
			}
			if (n + 1 >= sizeof(token))
				return NULL;
			token[n++] = ch;
		}
		token[n] = '\0';
		if (cJSON_IsObject(cur)) {
			cur = cJSON_GetObjectItemCaseSensitive(cur, token);
		} else if (cJSON_IsArray(cur)) {
			char *end;
			long i = strtol(token, &end, 10);

			if (!n || *end || i < 0)
				return NULL;
			cur = cJSON_GetArrayItem(cur, (int)i);
		} else {
			return NULL;
		}
		if (!cur)
			return NULL;
	}
	return cur;
}

static int get_count(struct compiler *c, const cJSON *v, const char *kw, long *out)
{
	if (!cJSON_IsNumber(v) || !double_is_integer(v->valuedouble) || v->valuedouble < 0 ||
	    v->valuedouble > 1e15) {
		cfail(c, "'%s' must be a non-negative integer", kw);
		return -1;
	}
	*out = (long)v->valuedouble;
	return 0;
}

static int get_number(struct compiler *c, const cJSON *v, const char *kw, double *out)
{
	if (!cJSON_IsNumber(v)) {
		cfail(c, "'%s' must be a number", kw);
		return -1;
	}
	*out = v->valuedouble;
	return 0;
}

static unsigned type_bit(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(type_names) / sizeof(type_names[0]); i++)
		if (!strcmp(name, type_names[i]))
			return 1u << i;
	return 0;
}

/* Compile the schema at key kw of the current node (where extended by kw). */
static enum sahifa_status compile_sub(struct compiler *c, const cJSON *src, const char *kw,
				      struct node **out)
{
	size_t old = where_push(c->where, &c->wlen, sizeof(c->where), kw);
	enum sahifa_status st = compile_node(c, src, out);

	if (!st)
		where_pop(c->where, &c->wlen, old);
	return st;
}

static enum sahifa_status compile_list(struct compiler *c, const cJSON *v, const char *kw,
				       struct node ***out, size_t *n_out, int allow_empty)
{
	size_t n = (size_t)cJSON_GetArraySize(v), i = 0, old;
	const cJSON *item;
	enum sahifa_status st;

	if (!cJSON_IsArray(v) || (!n && !allow_empty))
		return cfail(c, "'%s' must be a non-empty array of schemas", kw);
	*out = calloc(n ? n : 1, sizeof(**out));
	if (!*out)
		return sahifa_error_nomem(c->err, NULL);
	*n_out = n;
	old = where_push(c->where, &c->wlen, sizeof(c->where), kw);
	cJSON_ArrayForEach(item, v) {
		size_t o2 = where_push_index(c->where, &c->wlen, sizeof(c->where), i);

		st = compile_node(c, item, &(*out)[i]);
		if (st)
			return st;
		where_pop(c->where, &c->wlen, o2);
		i++;
	}
	where_pop(c->where, &c->wlen, old);
	return SAHIFA_OK;
}

static int is_annotation(const char *kw)
{
	static const char *const names[] = { "$schema", "$id", "title", "description", "$comment",
					     "default", "examples", "deprecated", "readOnly",
					     "writeOnly", NULL };
	size_t i;

	for (i = 0; names[i]; i++)
		if (!strcmp(kw, names[i]))
			return 1;
	return 0;
}

static enum sahifa_status compile_keyword(struct compiler *c, struct node *n, const cJSON *v)
{
	const char *kw = v->string;
	enum sahifa_status st = SAHIFA_OK;
	const cJSON *item;

	if (is_annotation(kw))
		return SAHIFA_OK;
	if (!strcmp(kw, "$defs") || !strcmp(kw, "definitions")) {
		/* Compiled now so that an unsupported keyword in them is reported. */
		size_t old;

		if (!cJSON_IsObject(v))
			return cfail(c, "'%s' must be an object", kw);
		old = where_push(c->where, &c->wlen, sizeof(c->where), kw);
		cJSON_ArrayForEach(item, v) {
			struct node *dummy;

			st = compile_sub(c, item, item->string, &dummy);
			if (st)
				return st;
		}
		where_pop(c->where, &c->wlen, old);
		return SAHIFA_OK;
	}
	if (!strcmp(kw, "type")) {
		if (cJSON_IsString(v)) {
			n->types = type_bit(v->valuestring);
			if (!n->types)
				return cfail(c, "unknown type '%s'", v->valuestring);
			return SAHIFA_OK;
		}
		if (!cJSON_IsArray(v) || !cJSON_GetArraySize(v))
			return cfail(c, "'type' must be a string or a non-empty array");
		cJSON_ArrayForEach(item, v) {
			unsigned b = cJSON_IsString(item) ? type_bit(item->valuestring) : 0;

			if (!b)
				return cfail(c, "bad entry in 'type'");
			n->types |= b;
		}
		return SAHIFA_OK;
	}
	if (!strcmp(kw, "properties")) {
		size_t i = 0, cnt = (size_t)cJSON_GetArraySize(v), old;

		if (!cJSON_IsObject(v))
			return cfail(c, "'properties' must be an object");
		n->props = calloc(cnt ? cnt : 1, sizeof(*n->props));
		if (!n->props)
			return sahifa_error_nomem(c->err, NULL);
		n->n_props = cnt;
		old = where_push(c->where, &c->wlen, sizeof(c->where), kw);
		cJSON_ArrayForEach(item, v) {
			n->props[i].name = item->string;
			n->props[i].hash = name_hash(item->string);
			st = compile_sub(c, item, item->string, &n->props[i].schema);
			if (st)
				return st;
			i++;
		}
		where_pop(c->where, &c->wlen, old);
		return SAHIFA_OK;
	}
	if (!strcmp(kw, "required")) {
		size_t i = 0, cnt = (size_t)cJSON_GetArraySize(v);

		if (!cJSON_IsArray(v))
			return cfail(c, "'required' must be an array of strings");
		n->required = calloc(cnt ? cnt : 1, sizeof(*n->required));
		if (!n->required)
			return sahifa_error_nomem(c->err, NULL);
		cJSON_ArrayForEach(item, v) {
			if (!cJSON_IsString(item))
				return cfail(c, "'required' must be an array of strings");
			n->required[i++] = item->valuestring;
		}
		n->n_required = cnt;
		return SAHIFA_OK;
	}
	if (!strcmp(kw, "additionalProperties"))
		return compile_sub(c, v, kw, &n->additional);
	if (!strcmp(kw, "propertyNames"))
		return compile_sub(c, v, kw, &n->property_names);
	if (!strcmp(kw, "items"))
		return compile_sub(c, v, kw, &n->items);
	if (!strcmp(kw, "not"))
		return compile_sub(c, v, kw, &n->not_schema);
	if (!strcmp(kw, "prefixItems"))
		return compile_list(c, v, kw, &n->prefix, &n->n_prefix, 0);
	if (!strcmp(kw, "allOf"))
		return compile_list(c, v, kw, &n->all_of, &n->n_all_of, 0);
	if (!strcmp(kw, "anyOf"))
		return compile_list(c, v, kw, &n->any_of, &n->n_any_of, 0);
	if (!strcmp(kw, "oneOf"))
		return compile_list(c, v, kw, &n->one_of, &n->n_one_of, 0);
	if (!strcmp(kw, "maxProperties"))
		return get_count(c, v, kw, &n->max_props) ? SAHIFA_ERR_DATA : SAHIFA_OK;
	if (!strcmp(kw, "minProperties"))
		return get_count(c, v, kw, &n->min_props) ? SAHIFA_ERR_DATA : SAHIFA_OK;
	if (!strcmp(kw, "maxItems"))
		return get_count(c, v, kw, &n->max_items) ? SAHIFA_ERR_DATA : SAHIFA_OK;
	if (!strcmp(kw, "minItems"))
		return get_count(c, v, kw, &n->min_items) ? SAHIFA_ERR_DATA : SAHIFA_OK;
	if (!strcmp(kw, "maxLength"))
		return get_count(c, v, kw, &n->max_len) ? SAHIFA_ERR_DATA : SAHIFA_OK;
	if (!strcmp(kw, "minLength"))
		return get_count(c, v, kw, &n->min_len) ? SAHIFA_ERR_DATA : SAHIFA_OK;
	if (!strcmp(kw, "uniqueItems")) {
		if (!cJSON_IsBool(v))
			return cfail(c, "'uniqueItems' must be a boolean");
		n->unique = cJSON_IsTrue(v);
		return SAHIFA_OK;
	}
	if (!strcmp(kw, "enum")) {
		if (!cJSON_IsArray(v))
			return cfail(c, "'enum' must be an array");
		n->enum_values = v;
		return SAHIFA_OK;
	}
	if (!strcmp(kw, "const")) {
		n->const_value = v;
		return SAHIFA_OK;
	}
	if (!strcmp(kw, "minimum")) {
		n->has_min = 1;
		return get_number(c, v, kw, &n->min) ? SAHIFA_ERR_DATA : SAHIFA_OK;
	}
	if (!strcmp(kw, "maximum")) {
		n->has_max = 1;
		return get_number(c, v, kw, &n->max) ? SAHIFA_ERR_DATA : SAHIFA_OK;
	}
	if (!strcmp(kw, "exclusiveMinimum")) {
		n->has_xmin = 1;
		return get_number(c, v, kw, &n->xmin) ? SAHIFA_ERR_DATA : SAHIFA_OK;
	}
	if (!strcmp(kw, "exclusiveMaximum")) {
		n->has_xmax = 1;
		return get_number(c, v, kw, &n->xmax) ? SAHIFA_ERR_DATA : SAHIFA_OK;
	}
	if (!strcmp(kw, "pattern")) {
		struct sahifa_error rerr;

		if (!cJSON_IsString(v))
			return cfail(c, "'pattern' must be a string");
		sahifa_error_clear(&rerr);
		st = shf_regex_compile(v->valuestring, &n->pattern, &rerr);
		if (st == SAHIFA_ERR_DATA)
			return cfail(c, "%s", rerr.msg);
		if (st)
			return sahifa_error_set(c->err, st, NULL, 0, 0, "%s", rerr.msg);
		n->pattern_src = v->valuestring;
		{
			struct byte_pattern bp;

			if (!byte_pattern_compile(v->valuestring, &bp)) {
				if (!(n->bytes = malloc(sizeof(*n->bytes))))
					return sahifa_error_nomem(c->err, NULL);
				*n->bytes = bp;
			}
		}
		return SAHIFA_OK;
	}
	if (!strcmp(kw, "format")) {
		static const struct { const char *name; enum format f; } formats[] = {
			{ "date-time", F_DATE_TIME }, { "date", F_DATE }, { "time", F_TIME },
			{ "uri", F_URI }, { "email", F_EMAIL }, { NULL, F_NONE }
		};
		size_t i;

		if (!cJSON_IsString(v))
			return cfail(c, "'format' must be a string");
		for (i = 0; formats[i].name; i++)
			if (!strcmp(v->valuestring, formats[i].name)) {
				n->format = formats[i].f;
				return SAHIFA_OK;
			}
		return cfail(c, "unsupported format '%s'", v->valuestring);
	}
	if (!strcmp(kw, "$ref")) {
		const cJSON *target;
		struct node *t;

		if (!cJSON_IsString(v))
			return cfail(c, "'$ref' must be a string");
		target = resolve_ref(c->s->doc, v->valuestring);
		if (!target)
			return cfail(c, "cannot resolve $ref '%s' (only local '#/...' pointers)",
				     v->valuestring);
		t = node_find(c->s, target);
		if (!t) {
			/* Compiled where it is defined: its errors name that place. */
			char saved[SAHIFA_ERROR_WHERE_MAX];
			size_t saved_len = c->wlen;

			memcpy(saved, c->where, sizeof(saved));
			snprintf(c->where, sizeof(c->where), "%s", v->valuestring + 1);
			c->wlen = strlen(c->where);
			st = compile_node(c, target, &t);
			if (st)
				return st;
			memcpy(c->where, saved, sizeof(saved));
			c->wlen = saved_len;
		}
		n->ref = t;
		return SAHIFA_OK;
	}
	return cfail(c, "unsupported keyword '%s'", kw);
}

static enum sahifa_status compile_node(struct compiler *c, const cJSON *src, struct node **out)
{
	struct node *n = node_find(c->s, src);
	const cJSON *kw;
	enum sahifa_status st;
	size_t i;

	if (n) {
		*out = n;
		return SAHIFA_OK;
	}
	if (!cJSON_IsObject(src) && !cJSON_IsBool(src))
		return cfail(c, "a schema must be an object or a boolean");
	n = calloc(1, sizeof(*n));
	if (!n)
		return sahifa_error_nomem(c->err, NULL);
	n->src = src;
	n->always = cJSON_IsBool(src) ? cJSON_IsTrue(src) : -1;
	n->min_props = n->max_props = n->min_items = n->max_items = -1;
	n->min_len = n->max_len = -1;
	/* Registered before its children so that recursive $refs find it. */
	n->next_alloc = c->s->nodes;
	c->s->nodes = n;
	*out = n;
	if (n->always >= 0)
		return SAHIFA_OK;
	cJSON_ArrayForEach(kw, src) {
		st = compile_keyword(c, n, kw);
		if (st)
			return st;
	}
	n->required_all_props = 1;
	for (i = 0; i < n->n_required; i++) {
		size_t j;

		for (j = 0; j < n->n_props && j < 64; j++)
			if (!strcmp(n->props[j].name, n->required[i]))
				break;
		if (j < n->n_props && j < 64)
			n->required_mask |= (uint64_t)1 << j;
		else
			n->required_all_props = 0;
	}
	return SAHIFA_OK;
}

void shf_schema_free(struct sahifa_schema *s)
{
	struct node *n, *next;

	if (!s)
		return;
	for (n = s->nodes; n; n = next) {
		next = n->next_alloc;
		free(n->props);
		free(n->required);
		free(n->prefix);
		free(n->all_of);
		free(n->any_of);
		free(n->one_of);
		shf_regex_free(n->pattern);
		free(n->bytes);
		free(n);
	}
	shf_json_free(s->owned);
	free(s);
}

/* Compile a parsed schema document; takes doc, which is freed on failure. */
static enum sahifa_status schema_from_doc(struct sahifa_json *doc, struct sahifa_schema **out,
					  struct sahifa_error *err)
{
	struct sahifa_schema *s = calloc(1, sizeof(*s));
	struct compiler c;
	enum sahifa_status st;

	*out = NULL;
	if (!s) {
		shf_json_free(doc);
		return sahifa_error_nomem(err, NULL);
	}
	s->owned = doc;
	s->doc = (cJSON *)doc;
	memset(&c, 0, sizeof(c));
	c.s = s;
	c.err = err;
	st = compile_node(&c, s->doc, &s->root);
	if (st) {
		shf_schema_free(s);
		return st;
	}
	*out = s;
	return SAHIFA_OK;
}

enum sahifa_status shf_schema_compile(const char *text, size_t len, struct sahifa_schema **out,
					 struct sahifa_error *err)
{
	struct sahifa_json *doc;
	enum sahifa_status st;

	*out = NULL;
	st = shf_json_parse(text, len, &doc, err);
	if (st)
		return st;
	return schema_from_doc(doc, out, err);
}

enum sahifa_status shf_schema_copy(const struct sahifa_schema *s, struct sahifa_schema **out,
				      struct sahifa_error *err)
{
	struct json_doc *d = doc_new(1 << 14);

	*out = NULL;
	if (!d || doc_copy(d, s->doc, &d->root)) {
		doc_free(d);
		return sahifa_error_nomem(err, NULL);
	}
	return schema_from_doc((struct sahifa_json *)&d->root, out, err);
}

/* ---- validation -------------------------------------------------------------------- */

/* Bounds $ref chains that do not descend into the instance ({"$ref": "#"}). */
#define SCHEMA_MAX_RECURSION (SAHIFA_MAX_JSON_DEPTH * 8)

/* One step into the instance: a member name, or an index when key is NULL. */
struct vstep {
	const char *key;
	size_t index;
};

struct vctx {
	sahifa_schema_fn fn;
	void *ctx;
	/* where we are, written out only for a message: most values have none */
	struct vstep path[SCHEMA_MAX_RECURSION + 1];
	size_t n_path;
	char where[SAHIFA_ERROR_WHERE_MAX];
	size_t wlen;
	size_t errors;
	int quiet;       /* inside anyOf/oneOf/not/propertyNames: only the verdict counts */
	int stop;
	int depth;
	unsigned long long steps;  /* schema nodes applied to this value so far */
};

/* The JSON pointer of c->path into c->where, as pushing each step would have made it. */
static void where_render(struct vctx *c)
{
	size_t i;

	c->wlen = 0;
	c->where[0] = '\0';
	for (i = 0; i < c->n_path; i++)
		if (c->path[i].key)
			where_push(c->where, &c->wlen, sizeof(c->where), c->path[i].key);
		else
			where_push_index(c->where, &c->wlen, sizeof(c->where), c->path[i].index);
}

static void vfail(struct vctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void vfail(struct vctx *c, const char *fmt, ...)
{
	va_list ap;
	char msg[SAHIFA_ERROR_MSG_MAX];

	if (c->quiet || c->stop)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	c->errors++;
	where_render(c);
	if (c->fn && c->fn(c->ctx, c->where, msg))
		c->stop = 1;
}

static unsigned value_type(const cJSON *v)
{
	switch (v->type & 0xFF) {
	case cJSON_NULL: return T_NULL;
	case cJSON_True:
	case cJSON_False: return T_BOOL;
	/* an integer past 2^53 has lost digits in the double: not one the record reader
	 * (or any double-based reader) takes for what it says */
	case cJSON_Number: return double_is_integer(v->valuedouble) &&
				  fabs(v->valuedouble) <= 9007199254740992.0 ? T_NUMBER | T_INTEGER
									    : T_NUMBER;
	case cJSON_String: return T_STRING;
	case cJSON_Array: return T_ARRAY;
	case cJSON_Object: return T_OBJECT;
	}
	return 0;
}

static const char *value_type_name(const cJSON *v)
{
	unsigned t = value_type(v);

	if (t & T_INTEGER)
		return "integer";
	if (t & T_NUMBER)
		return "number";
	if (t & T_STRING)
		return "string";
	if (t & T_NULL)
		return "null";
	if (t & T_BOOL)
		return "boolean";
	if (t & T_ARRAY)
		return "array";
	return "object";
}

static void fmt_number(double d, char *out, size_t size)
{
	if (double_is_integer(d) && fabs(d) < 1e15) {
		snprintf(out, size, "%.0f", d);
	} else {
		/* The shortest of these that reads back as the same double. */
		snprintf(out, size, "%.15g", d);
		if (strtod(out, NULL) != d)
			snprintf(out, size, "%.17g", d);
	}
}

/* The value as it appears in a message: quoted and cut for scalars. */
static void describe(const cJSON *v, char *out, size_t size)
{
	char num[64];

	if (cJSON_IsString(v)) {
		sahifa_quote(v->valuestring, strlen(v->valuestring), 40, out, size);
	} else if (cJSON_IsNumber(v)) {
		fmt_number(v->valuedouble, num, sizeof(num));
		snprintf(out, size, "'%s'", num);
	} else if (cJSON_IsNull(v)) {
		snprintf(out, size, "null");
	} else if (cJSON_IsBool(v)) {
		snprintf(out, size, "%s", cJSON_IsTrue(v) ? "true" : "false");
	} else {
		snprintf(out, size, "%s", cJSON_IsArray(v) ? "an array" : "an object");
	}
}

static void types_text(unsigned types, char *out, size_t size)
{
	size_t i, n = 0;
	int first = 1;

	out[0] = '\0';
	for (i = 0; i < sizeof(type_names) / sizeof(type_names[0]); i++) {
		int w;

		if (!(types & (1u << i)))
			continue;
		w = snprintf(out + n, size - n, "%s%s", first ? "" : " or ", type_names[i]);
		if (w < 0 || (size_t)w >= size - n)
			return;
		n += (size_t)w;
		first = 0;
	}
}

/* JSON Schema equality: numbers by value, objects regardless of member order. */
static int json_equal(const cJSON *a, const cJSON *b)
{
	if (cJSON_IsNumber(a) && cJSON_IsNumber(b))
		return a->valuedouble == b->valuedouble;
	return cJSON_Compare(a, b, 1);
}

static int check_date(const char *s, size_t len)
{
	int y, m, d;
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	if (!is_digit((unsigned char)s[0]) || !is_digit((unsigned char)s[1]) ||
	    !is_digit((unsigned char)s[2]) || !is_digit((unsigned char)s[3]) ||
	    !is_digit((unsigned char)s[5]) || !is_digit((unsigned char)s[6]) ||
	    !is_digit((unsigned char)s[8]) || !is_digit((unsigned char)s[9]))
		return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 0;
	return 1;
}

static int two_digits(const char *s, int max)
{
	int v;

	if (!is_digit((unsigned char)s[0]) || !is_digit((unsigned char)s[1]))
		return -1;
	v = (s[0] - '0') * 10 + (s[1] - '0');
	return v <= max ? v : -1;
}

/* RFC 3339 full-time: HH:MM:SS[.frac](Z|+HH:MM|-HH:MM). */
static int check_time(const char *s, size_t len)
{
	size_t i = 8;

	if (len < 9 || s[2] != ':' || s[5] != ':')
		return 0;
	if (two_digits(s, 23) < 0 || two_digits(s + 3, 59) < 0 || two_digits(s + 6, 60) < 0)
		return 0;
	if (s[i] == '.') {
		i++;
		if (i >= len || !is_digit((unsigned char)s[i]))
			return 0;
		while (i < len && is_digit((unsigned char)s[i]))
			i++;
	}
	if (i < len && (s[i] == 'Z' || s[i] == 'z'))
		return i + 1 == len;
	if (i < len && (s[i] == '+' || s[i] == '-'))
		return len - i == 6 && s[i + 3] == ':' && two_digits(s + i + 1, 23) >= 0 &&
		       two_digits(s + i + 4, 59) >= 0;
	return 0;
}

static int check_format(enum format f, const char *s)
{
	size_t len = strlen(s), i;
	const char *at;

	switch (f) {
	case F_NONE:
		return 1;
	case F_DATE:
		return check_date(s, len);
	case F_TIME:
		return check_time(s, len);
	case F_DATE_TIME:
		return len > 11 && check_date(s, 10) && (s[10] == 'T' || s[10] == 't') &&
		       check_time(s + 11, len - 11);
	case F_URI:
		/* RFC 3986 absolute URI: scheme ":" then no spaces or controls. */
		if (!len || !((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z'))
			return 0;
		for (i = 1; i < len && s[i] != ':'; i++)
			if (!((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') &&
			    !is_digit((unsigned char)s[i]) && s[i] != '+' && s[i] != '-' &&
			    s[i] != '.')
				return 0;
		if (i == len)
			return 0;
		for (; i < len; i++)
			if ((unsigned char)s[i] <= 0x20 || s[i] == '"' || s[i] == '<' ||
			    s[i] == '>' || s[i] == '\\' || s[i] == '^' || s[i] == '`' ||
			    s[i] == '{' || s[i] == '|' || s[i] == '}' || s[i] == 0x7F)
				return 0;
		return 1;
	case F_EMAIL:
		at = strrchr(s, '@');
		return at && at != s && at[1] && !strchr(s, ' ');
	}
	return 1;
}

static int validate(struct vctx *c, const struct node *n, const cJSON *v);

/* Validate v against n without reporting: the verdict only. */
static int validate_quiet(struct vctx *c, const struct node *n, const cJSON *v)
{
	int saved = c->quiet, ok;

	c->quiet = 1;
	ok = validate(c, n, v);
	c->quiet = saved;
	return ok;
}

static int validate_child(struct vctx *c, const struct node *n, const cJSON *v, const char *key,
			  size_t index)
{
	int ok;

	if (c->n_path == sizeof(c->path) / sizeof(c->path[0])) {
		vfail(c, "schema recursion deeper than %d", SCHEMA_MAX_RECURSION);
		return 0;
	}
	c->path[c->n_path].key = key;
	c->path[c->n_path++].index = index;
	ok = validate(c, n, v);
	c->n_path--;
	return ok;
}

static void report_missing(struct vctx *c, const struct node *n, const cJSON *v, uint64_t seen)
{
	size_t i, j;
	char q[128];

	for (i = 0; i < n->n_required && !c->stop; i++) {
		int found;

		if (n->required_all_props) {
			for (j = 0; j < n->n_props; j++)
				if (!strcmp(n->props[j].name, n->required[i]))
					break;
			found = (seen >> j) & 1;
		} else {
			found = cJSON_GetObjectItemCaseSensitive(v, n->required[i]) != NULL;
		}
		if (!found) {
			sahifa_quote(n->required[i], strlen(n->required[i]), 60, q, sizeof(q));
			vfail(c, "missing required property %s", q);
		}
	}
}

static int validate_object(struct vctx *c, const struct node *n, const cJSON *v)
{
	const cJSON *m;
	size_t i, count = 0, next = 0;
	int ok = 1;
	uint64_t seen = 0;
	char q[128];

	cJSON_ArrayForEach(m, v) {
		const struct node *sub = NULL;

		if (c->stop)
			return 0;
		count++;
		if (n->n_props) {
			/* members mostly come in the schema's order: try the next one first */
			if (next < n->n_props && !strcmp(n->props[next].name, m->string)) {
				i = next;
			} else {
				uint32_t h = name_hash(m->string);

				for (i = 0; i < n->n_props; i++)
					if (n->props[i].hash == h && !strcmp(n->props[i].name, m->string))
						break;
			}
			if (i < n->n_props) {
				sub = n->props[i].schema;
				if (i < 64)
					seen |= (uint64_t)1 << i;
				next = i + 1;
			}
		}
		if (n->property_names) {
			cJSON key;

			memset(&key, 0, sizeof(key));
			key.type = cJSON_String;
			key.valuestring = m->string;
			if (!validate_quiet(c, n->property_names, &key)) {
				sahifa_quote(m->string, strlen(m->string), 40, q, sizeof(q));
				vfail(c, "property name %s is not allowed (propertyNames)", q);
				ok = 0;
				if (c->quiet)
					return 0;
			}
		}
		if (!sub && n->additional) {
			if (n->additional->always == 0) {
				sahifa_quote(m->string, strlen(m->string), 40, q, sizeof(q));
				vfail(c, "unexpected property %s", q);
				ok = 0;
				if (c->quiet)
					return 0;
				continue;
			}
			sub = n->additional;
		}
		if (sub && !validate_child(c, sub, m, m->string, 0)) {
			ok = 0;
			if (c->quiet)
				return 0;
		}
	}
	if (n->n_required) {
		int missing;

		if (n->required_all_props) {
			missing = (seen & n->required_mask) != n->required_mask;
		} else {
			missing = 0;
			for (i = 0; i < n->n_required && !missing; i++)
				missing = !cJSON_GetObjectItemCaseSensitive(v, n->required[i]);
		}
		if (missing) {
			ok = 0;
			report_missing(c, n, v, seen);
		}
	}
	if (n->min_props >= 0 && count < (size_t)n->min_props) {
		vfail(c, "object has %zu properties, fewer than minProperties %ld", count,
		      n->min_props);
		ok = 0;
	}
	if (n->max_props >= 0 && count > (size_t)n->max_props) {
		vfail(c, "object has %zu properties, more than maxProperties %ld", count,
		      n->max_props);
		ok = 0;
	}
	return ok;
}

static int validate_array(struct vctx *c, const struct node *n, const cJSON *v)
{
	const cJSON *item;
	size_t i = 0;
	int ok = 1;

	cJSON_ArrayForEach(item, v) {
		const struct node *sub = i < n->n_prefix ? n->prefix[i] : n->items;

		if (c->stop)
			return 0;
		if (sub && !validate_child(c, sub, item, NULL, i)) {
			ok = 0;
			if (c->quiet)
				return 0;
		}
		i++;
	}
	if (n->min_items >= 0 && i < (size_t)n->min_items) {
		vfail(c, "array has %zu items, fewer than minItems %ld", i, n->min_items);
		ok = 0;
	}
	if (n->max_items >= 0 && i > (size_t)n->max_items) {
		vfail(c, "array has %zu items, more than maxItems %ld", i, n->max_items);
		ok = 0;
	}
	if (n->unique && ok) {
		const cJSON *a, *b;
		size_t ia = 0, ib;

		for (a = v->child; a; a = a->next, ia++)
			for (b = a->next, ib = ia + 1; b; b = b->next, ib++)
				if (json_equal(a, b)) {
					vfail(c, "items %zu and %zu are equal (uniqueItems)", ia, ib);
					return 0;
				}
	}
	return ok;
}

static int validate_string(struct vctx *c, const struct node *n, const cJSON *v)
{
	const char *s = v->valuestring;
	size_t len = strlen(s);
	int ok = 1;
	char q[256];

	/* A string of len bytes holds between len/4 and len code points: count them only
	 * when those bounds do not settle the question (most text is far from both). */
	if ((n->min_len >= 0 && (uint64_t)n->min_len > len / 4) ||
	    (n->max_len >= 0 && (uint64_t)n->max_len < len)) {
		uint64_t chars = sahifa_utf8_chars(s, len);

		if (n->min_len >= 0 && chars < (uint64_t)n->min_len) {
			sahifa_quote(s, len, 40, q, sizeof(q));
			vfail(c, "string %s has %llu characters, fewer than minLength %ld", q,
			      (unsigned long long)chars, n->min_len);
			ok = 0;
		}
		if (n->max_len >= 0 && chars > (uint64_t)n->max_len) {
			sahifa_quote(s, len, 40, q, sizeof(q));
			vfail(c, "string %s has %llu characters, more than maxLength %ld", q,
			      (unsigned long long)chars, n->max_len);
			ok = 0;
		}
	}
	if (n->pattern && (ok || !c->quiet) && !(n->bytes && byte_pattern_match(n->bytes, s, len))) {
		struct sahifa_error rerr;
		int hit = shf_regex_search(n->pattern, s, len, &rerr);

		if (hit <= 0) {
			char pq[128];

			sahifa_quote(s, len, 40, q, sizeof(q));
			sahifa_quote(n->pattern_src, strlen(n->pattern_src), 60, pq, sizeof(pq));
			if (hit < 0)
				vfail(c, "cannot match %s against pattern %s: %s", q, pq, rerr.msg);
			else
				vfail(c, "%s does not match the pattern %s", q, pq);
			ok = 0;
		}
	}
	if (n->format != F_NONE && (ok || !c->quiet) && !check_format(n->format, s)) {
		static const char *const names[] = { "", "date-time", "date", "time", "uri",
						     "email" };

		sahifa_quote(s, len, 40, q, sizeof(q));
		vfail(c, "%s is not a valid %s", q, names[n->format]);
		ok = 0;
	}
	return ok;
}

static int validate_number(struct vctx *c, const struct node *n, const cJSON *v)
{
	double d = v->valuedouble;
	char a[64], b[64];
	int ok = 1;

	/* Formatted only on failure: this runs for every number of every row. */
	if (n->has_min && d < n->min) {
		fmt_number(d, a, sizeof(a));
		fmt_number(n->min, b, sizeof(b));
		vfail(c, "'%s' is less than the minimum %s", a, b);
		ok = 0;
	}
	if (n->has_max && d > n->max) {
		fmt_number(d, a, sizeof(a));
		fmt_number(n->max, b, sizeof(b));
		vfail(c, "'%s' is greater than the maximum %s", a, b);
		ok = 0;
	}
	if (n->has_xmin && d <= n->xmin) {
		fmt_number(d, a, sizeof(a));
		fmt_number(n->xmin, b, sizeof(b));
		vfail(c, "'%s' is not greater than the exclusive minimum %s", a, b);
		ok = 0;
	}
	if (n->has_xmax && d >= n->xmax) {
		fmt_number(d, a, sizeof(a));
		fmt_number(n->xmax, b, sizeof(b));
		vfail(c, "'%s' is not less than the exclusive maximum %s", a, b);
		ok = 0;
	}
	return ok;
}

static int validate(struct vctx *c, const struct node *n, const cJSON *v)
{
	unsigned t;
	int ok = 1;
	size_t i, hits;
	char q[256];

	if (c->stop)
		return 0;
	if (n->always >= 0) {
		if (!n->always)
			vfail(c, "no value is allowed here");
		return n->always;
	}
	if (++c->steps > SAHIFA_SCHEMA_MAX_STEPS) {
		/* anyOf/oneOf/$ref fan-out: reported whatever the quiet state, then stop */
		if (!c->stop) {
			c->quiet = 0;
			vfail(c, "the schema takes more than %llu steps on this value "
				 "(anyOf, oneOf or $ref fan-out?)", (unsigned long long)SAHIFA_SCHEMA_MAX_STEPS);
			c->stop = 1;
		}
		return 0;
	}
	if (++c->depth > SCHEMA_MAX_RECURSION) {
		c->depth--;
		vfail(c, "schema recursion deeper than %d", SCHEMA_MAX_RECURSION);
		return 0;
	}
	t = value_type(v);
	if (n->types && !(n->types & t)) {
		char want[128];

		types_text(n->types, want, sizeof(want));
		if (cJSON_IsString(v) || cJSON_IsNumber(v) || cJSON_IsBool(v)) {
			describe(v, q, sizeof(q));
			vfail(c, "expected %s, got %s %s", want, value_type_name(v), q);
		} else {
			vfail(c, "expected %s, got %s", want, value_type_name(v));
		}
		c->depth--;
		return 0;
	}
	if (n->const_value && !json_equal(v, n->const_value)) {
		char want[128];

		describe(v, q, sizeof(q));
		describe(n->const_value, want, sizeof(want));
		vfail(c, "%s is not the constant %s", q, want);
		ok = 0;
	}
	if (n->enum_values && (ok || !c->quiet)) {
		const cJSON *e;
		int found = 0;

		cJSON_ArrayForEach(e, n->enum_values)
			if (json_equal(v, e)) {
				found = 1;
				break;
			}
		if (!found) {
			struct sahifa_buf list = SAHIFA_BUF_INIT;
			char one[128];

			cJSON_ArrayForEach(e, n->enum_values) {
				describe(e, one, sizeof(one));
				if (list.len > 160) {
					sahifa_buf_append_str(&list, ", ...");
					break;
				}
				sahifa_buf_appendf(&list, "%s%s", list.len ? ", " : "", one);
			}
			describe(v, q, sizeof(q));
			vfail(c, "%s is not one of %s", q, list.data ? list.data : "(none)");
			sahifa_buf_release(&list);
			ok = 0;
		}
	}
	if (ok || !c->quiet) {
		if (t & T_OBJECT)
			ok &= validate_object(c, n, v);
		else if (t & T_ARRAY)
			ok &= validate_array(c, n, v);
		else if (t & T_STRING)
			ok &= validate_string(c, n, v);
		else if (t & T_NUMBER)
			ok &= validate_number(c, n, v);
	}
	if (n->ref && (ok || !c->quiet))
		ok &= validate(c, n->ref, v);
	for (i = 0; i < n->n_all_of && (ok || !c->quiet); i++)
		ok &= validate(c, n->all_of[i], v);
	if (n->n_any_of && (ok || !c->quiet)) {
		for (i = 0, hits = 0; i < n->n_any_of && !hits; i++)
			hits += (size_t)validate_quiet(c, n->any_of[i], v);
		if (!hits) {
			vfail(c, "value matches none of the %zu schemas of anyOf", n->n_any_of);
			ok = 0;
		}
	}
	if (n->n_one_of && (ok || !c->quiet)) {
		for (i = 0, hits = 0; i < n->n_one_of && hits < 2; i++)
			hits += (size_t)validate_quiet(c, n->one_of[i], v);
		if (hits != 1) {
			vfail(c, "value matches %s of the %zu schemas of oneOf, not exactly one",
			      hits ? "more than one" : "none", n->n_one_of);
			ok = 0;
		}
	}
	if (n->not_schema && (ok || !c->quiet) && validate_quiet(c, n->not_schema, v)) {
		vfail(c, "value matches the schema of 'not'");
		ok = 0;
	}
	c->depth--;
	return ok;
}

size_t shf_schema_validate(struct sahifa_schema *s, const struct sahifa_json *v,
			      sahifa_schema_fn fn, void *ctx)
{
	struct vctx c;

	/* the path stays unwritten: only its first n_path steps are ever read */
	memset(&c, 0, offsetof(struct vctx, path));
	c.n_path = 0;
	c.wlen = 0;
	c.where[0] = '\0';
	c.errors = 0;
	c.quiet = c.stop = c.depth = 0;
	c.steps = 0;
	c.fn = fn;
	c.ctx = ctx;
	validate(&c, s->root, CJ(v));
	return c.errors;
}
