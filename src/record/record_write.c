/*
 * The record written straight into the output buffer: one pass, each string escaped
 * once, no tree.  Reading stays with cJSON (src/record/json_record.c).  The bytes are
 * those cJSON printed before (same key order, same escapes, integers as integers,
 * shares and confidences with at most three decimals), so equal articles give equal
 * bytes and old releases compare equal.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/cpu_avx2.h"
#include "sahifa/article.h"

/* What a record takes besides its paragraphs' text, and each paragraph besides its
 * text (its kind, lines and language tag), about: the room reserved up front. */
#define JW_RECORD_BYTES 2048
#define JW_PARAGRAPH_BYTES 160

/* A writer whose first failure sticks: later calls do nothing, the end reports it. */
struct jw {
	struct sahifa_buf *b;
	enum sahifa_status st;
};

/* Inline, so that a literal's copy (most of the calls) is a few moves of a size known
 * at compile time rather than a call to memcpy. */
static inline __attribute__((always_inline)) void jw_raw(struct jw *w, const char *s,
							 size_t len)
{
	struct sahifa_buf *b = w->b;

	if (w->st)
		return;
	/* the common case, room already there (len + len <= cap - 1 <= max): the bytes
	 * copied here, without the call that checks the cap and grows; the NUL after
	 * them is put once, when the record is done */
	if (b->data && b->cap - b->len > len) {
		memcpy(b->data + b->len, s, len);
		b->len += len;
		return;
	}
	w->st = sahifa_buf_append(b, s, len);
}

/* A string literal only: its size is taken at compile time. */
#define JW_LIT(w, lit) jw_raw((w), "" lit, sizeof(lit) - 1)

/* Bytes that may be copied as they are: not '"', not '\\', not a control character. */
static const unsigned char plain[256] = {
#define R8(v) v, v, v, v, v, v, v, v
	R8(0), R8(0), R8(0), R8(0),           /* 0x00-0x1f */
	1, 1, 0, 1, 1, 1, 1, 1, R8(1),        /* 0x20-0x2f, '"' at 0x22 */
	R8(1), R8(1), R8(1), R8(1), R8(1),    /* 0x30-0x57 */
	1, 1, 1, 1, 0, 1, 1, 1,               /* 0x58-0x5f, '\\' at 0x5c */
	R8(1), R8(1), R8(1), R8(1),           /* 0x60-0x7f */
	R8(1), R8(1), R8(1), R8(1), R8(1), R8(1), R8(1), R8(1),
	R8(1), R8(1), R8(1), R8(1), R8(1), R8(1), R8(1), R8(1),
#undef R8
};

/* A JSON string with cJSON's escapes: \" \\ \b \f \n \r \t, other controls \u00xx. */
#define JW_ONES 0x0101010101010101ULL
#define JW_HIGH 0x8080808080808080ULL

/* 1 when one of the eight bytes needs escaping: below 0x20, '"' or '\\' (the exact
 * "has a byte less than n" and "has a zero byte" tests). */
static int jw_escape8(uint64_t x)
{
	uint64_t q = x ^ (JW_ONES * '"'), b = x ^ (JW_ONES * '\\');

	return (((x - JW_ONES * 0x20) & ~x) | ((q - JW_ONES) & ~q) | ((b - JW_ONES) & ~b)) &
	       JW_HIGH ? 1 : 0;
}

#ifdef __SSE2__
/* The bytes of the sixteen at s that need escaping, as a bit mask: '"', '\\' and those
 * below 0x20 (a byte is below 0x20 when its minimum with 0x1f is itself). */
static unsigned jw_escape16(const unsigned char *s)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i q = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
	__m128i b = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
	__m128i c = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v);

	return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(q, b), c));
}
#endif


#ifdef SHF_AVX2
/* The room that a step of jw_strn32 needs: a 32-byte store, or the plain bytes before
 * an escape and the escape. */
#define JW_SLACK32 (32 + 6)

/*
 * The bytes of p[0..len), escaped, stored straight into w's buffer thirty-two at a time
 * as they are scanned, where jw_strn scans and then copies: a step stores 32 bytes
 * where it may take fewer (the rest overwritten by what comes next), so it goes on
 * while 32 bytes are left and the buffer's room holds JW_SLACK32, and leaves the rest
 * to jw_strn.  Returns the bytes of p taken.
 */
__attribute__((target("avx2,bmi")))
static size_t jw_strn32(struct jw *w, const unsigned char *p, size_t len)
{
	struct sahifa_buf *b = w->b;
	unsigned char *d = (unsigned char *)b->data + b->len, *end = (unsigned char *)b->data + b->cap;
	size_t i = 0;

	while (len - i >= 32 && (size_t)(end - d) > JW_SLACK32) {
		size_t k;
		__m256i v, q, bs, c;
		uint32_t m;

		v = _mm256_loadu_si256((const __m256i *)(const void *)(p + i));
		q = _mm256_cmpeq_epi8(v, _mm256_set1_epi8('"'));
		bs = _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\\'));
		c = _mm256_cmpeq_epi8(_mm256_min_epu8(v, _mm256_set1_epi8(0x1f)), v);
		_mm256_storeu_si256((__m256i *)(void *)d, v);
		m = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(_mm256_or_si256(q, bs), c));
		if (!m) {
			i += 32;
			d += 32;
			continue;
		}
		k = (size_t)_tzcnt_u32(m);
		i += k;
		d += k;
		switch (p[i]) {
		case '"': memcpy(d, "\\\"", 2); d += 2; break;
		case '\\': memcpy(d, "\\\\", 2); d += 2; break;
		case '\b': memcpy(d, "\\b", 2); d += 2; break;
		case '\f': memcpy(d, "\\f", 2); d += 2; break;
		case '\n': memcpy(d, "\\n", 2); d += 2; break;
		case '\r': memcpy(d, "\\r", 2); d += 2; break;
		case '\t': memcpy(d, "\\t", 2); d += 2; break;
		default:
			memcpy(d, "\\u00", 4);
			d[4] = (unsigned char)"0123456789abcdef"[p[i] >> 4];
			d[5] = (unsigned char)"0123456789abcdef"[p[i] & 15];
			d += 6;
		}
		i++;
	}
	b->len = (size_t)(d - (unsigned char *)b->data);
	return i;
}

#endif

/* A string of len bytes (no NUL among them). */
static void jw_strn(struct jw *w, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0;

	JW_LIT(w, "\"");
#ifdef SHF_AVX2
	if (!w->st && w->b->data && shf_cpu_avx2())
		run = i = jw_strn32(w, p, len);
#endif
	while (i < len) {
		char esc[8];

#ifdef __SSE2__
		/* sixteen plain bytes at a time, else straight to the first to escape */
		if (i + 16 <= len) {
			unsigned m = jw_escape16(p + i);

			if (!m) {
				i += 16;
				continue;
			}
			i += (size_t)__builtin_ctz(m);
		} else
#endif
		{
			/* plain bytes eight at a time, then one at a time */
			if (i + 8 <= len) {
				uint64_t x;

				memcpy(&x, p + i, 8);
				if (!jw_escape8(x)) {
					i += 8;
					continue;
				}
			}
			if (plain[p[i]]) {
				i++;
				continue;
			}
		}
		if (i > run)
			jw_raw(w, (const char *)p + run, i - run);
		switch (p[i]) {
		case '"': JW_LIT(w, "\\\""); break;
		case '\\': JW_LIT(w, "\\\\"); break;
		case '\b': JW_LIT(w, "\\b"); break;
		case '\f': JW_LIT(w, "\\f"); break;
		case '\n': JW_LIT(w, "\\n"); break;
		case '\r': JW_LIT(w, "\\r"); break;
		case '\t': JW_LIT(w, "\\t"); break;
		default:
			snprintf(esc, sizeof(esc), "\\u%04x", p[i]);
			jw_raw(w, esc, 6);
		}
		run = ++i;
	}
	if (i > run)
		jw_raw(w, (const char *)p + run, i - run);
	JW_LIT(w, "\"");
}

static void jw_str(struct jw *w, const char *s)
{
	s = s ? s : "";
	jw_strn(w, s, strlen(s));
}

static void jw_str_or_null(struct jw *w, const char *s)
{
	if (s)
		jw_str(w, s);
	else
		JW_LIT(w, "null");
}

static void jw_uint(struct jw *w, uint64_t v)
{
	char d[24];
	size_t i = sizeof(d);

	do {
		d[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	jw_raw(w, d + i, sizeof(d) - i);
}

/* A line number or level: never negative in a record, clamped to 0 if it were. */
static void jw_count(struct jw *w, long v)
{
	jw_uint(w, v > 0 ? (uint64_t)v : 0);
}

/* Below this a double's fraction is exact and its truncation fits a long long. */
#define JW_ROUND_EXACT 4503599627370496.0  /* 2^52 */

/* A share or confidence rounded to three decimals, printed without trailing zeros
 * ("1", "0.5", "0.967"), as %1.15g prints the rounded double. */

static void jw_share(struct jw *w, double v)
{
	double x = v * 1000.0;
	long long k;
	char d[4];
	int n, frac, i;

	if (!isfinite(v)) {
		JW_LIT(w, "null");
		return;
	}
	/* llround's half away from zero without its call: the fraction left by the
	 * truncation is exact, so comparing it with one half decides */
	if (x > -JW_ROUND_EXACT && x < JW_ROUND_EXACT) {
		double f;

		k = (long long)x;
		f = x - (double)k;
		k += (f >= 0.5) - (f <= -0.5);
	} else {
		k = llround(x);
	}
	if (k < 0) {
		JW_LIT(w, "-");
		k = -k;
	}
	if (k < 10000)  /* one digit before the point: most shares */
		jw_raw(w, &"0123456789"[k / 1000], 1);
	else
		jw_uint(w, (uint64_t)(k / 1000));
	frac = (int)(k % 1000);
	if (!frac)
		return;
	n = 3;
	while (frac % 10 == 0) {
		frac /= 10;
		n--;
	}
	/* ".%0*d" by hand: a third of the record's cost was snprintf here */
	d[0] = '.';
	for (i = n; i > 0; i--, frac /= 10)
		d[i] = (char)('0' + frac % 10);
	jw_raw(w, d, (size_t)n + 1);
}

static void jw_tag(struct jw *w, const struct sahifa_langtag *t)
{
	JW_LIT(w, ",\"lang\":");
	jw_str(w, t->lang);
	JW_LIT(w, ",\"script\":");
	jw_str(w, t->script);
}

static void write_source(struct jw *w, const struct sahifa_source *s)
{
	JW_LIT(w, "{\"name\":");
	jw_str(w, s->name ? s->name : "-");
	JW_LIT(w, ",\"member\":");
	jw_str_or_null(w, s->member);
	JW_LIT(w, ",\"bytes\":");
	jw_uint(w, s->bytes);
	JW_LIT(w, ",\"sha256\":");
	jw_str(w, s->sha256);
	JW_LIT(w, ",\"encoding\":");
	jw_str(w, s->encoding);
	JW_LIT(w, ",\"declared_encoding\":");
	jw_str_or_null(w, s->declared_encoding);
	JW_LIT(w, ",\"format\":");
	jw_str(w, s->format);
	JW_LIT(w, ",\"warc\":");
	if (!s->has_warc) {
		JW_LIT(w, "null}");
		return;
	}
	JW_LIT(w, "{\"file\":");
	jw_str(w, s->warc.file ? s->warc.file : "-");
	JW_LIT(w, ",\"offset\":");
	jw_uint(w, s->warc.offset);
	JW_LIT(w, ",\"record_id\":");
	jw_str_or_null(w, s->warc.record_id);
	JW_LIT(w, ",\"date\":");
	jw_str_or_null(w, s->warc.date);
	JW_LIT(w, ",\"target_uri\":");
	jw_str_or_null(w, s->warc.target_uri);
	JW_LIT(w, "}}");
}

static void write_section(struct jw *w, const struct sahifa_section *s)
{
	size_t i;

	JW_LIT(w, "{\"heading\":");
	jw_str_or_null(w, s->heading);
	JW_LIT(w, ",\"level\":");
	jw_count(w, s->level);
	if (s->heading) {
		JW_LIT(w, ",\"line\":");
		jw_count(w, s->line);
	}
	JW_LIT(w, ",\"paragraphs\":[");
	for (i = 0; i < s->n_paragraphs; i++) {
		const struct sahifa_paragraph *p = &s->paragraphs[i];

		if (i)
			JW_LIT(w, ",");
		JW_LIT(w, "{\"text\":");
		jw_strn(w, p->text, p->len);
		JW_LIT(w, ",\"kind\":");
		jw_str(w, sahifa_kind_name(p->kind));
		JW_LIT(w, ",\"line\":");
		jw_count(w, p->line);
		jw_tag(w, &p->tag);
		JW_LIT(w, "}");
	}
	JW_LIT(w, "]}");
}

static void write_stats(struct jw *w, const struct sahifa_stats *st)
{
	JW_LIT(w, "{\"lines\":");
	jw_uint(w, st->lines);
	JW_LIT(w, ",\"blank_lines\":");
	jw_uint(w, st->blank_lines);
	JW_LIT(w, ",\"sections\":");
	jw_uint(w, st->sections);
	JW_LIT(w, ",\"paragraphs\":");
	jw_uint(w, st->paragraphs);
	JW_LIT(w, ",\"captions\":");
	jw_uint(w, st->captions);
	JW_LIT(w, ",\"removed\":");
	jw_uint(w, st->removed);
	JW_LIT(w, ",\"characters\":");
	jw_uint(w, st->characters);
	JW_LIT(w, ",\"words\":");
	jw_uint(w, st->words);
	JW_LIT(w, ",\"replaced\":");
	jw_uint(w, st->replaced);
	JW_LIT(w, ",\"marks_trimmed\":");
	jw_uint(w, st->marks_trimmed);
	JW_LIT(w, "}");
}

/* Shares keep 3 decimals like the other proportions; counts are exact. */
static void write_quality(struct jw *w, const struct sahifa_quality *q)
{
	size_t i;

	for (i = 0; i < sahifa_quality_n_fields; i++) {
		const struct sahifa_quality_field *f = &sahifa_quality_fields[i];
		double v = sahifa_quality_value(q, f);

		jw_raw(w, i ? ",\"" : "{\"", 2);
		jw_raw(w, f->name, f->name_len);
		JW_LIT(w, "\":");
		if (f->count)
			jw_uint(w, (uint64_t)v);
		else
			jw_share(w, v);
	}
	JW_LIT(w, ",\"stopword_lang\":");
	jw_str_or_null(w, q->stopword_lang[0] ? q->stopword_lang : NULL);
	JW_LIT(w, "}");
}

static void write_article(struct jw *w, const struct sahifa_article *a)
{
	size_t i;

	JW_LIT(w, "{\"id\":");
	jw_str(w, a->id);
	JW_LIT(w, ",\"schema_version\":\"" SAHIFA_SCHEMA_VERSION "\",\"source\":");
	write_source(w, &a->source);
	JW_LIT(w, ",\"headline\":");
	jw_str_or_null(w, a->headline);
	JW_LIT(w, ",\"byline\":");
	jw_str_or_null(w, a->byline);
	JW_LIT(w, ",\"authors\":[");
	for (i = 0; i < a->n_authors; i++) {
		if (i)
			JW_LIT(w, ",");
		jw_str(w, a->authors[i]);
	}
	JW_LIT(w, "],\"url\":");
	jw_str_or_null(w, a->url);
	JW_LIT(w, ",\"published\":");
	jw_str_or_null(w, a->published);
	JW_LIT(w, ",\"modified\":");
	jw_str_or_null(w, a->modified);
	JW_LIT(w, ",\"site_name\":");
	jw_str_or_null(w, a->site_name);
	JW_LIT(w, ",\"description\":");
	jw_str_or_null(w, a->description);
	JW_LIT(w, ",\"html_lang\":");
	jw_str_or_null(w, a->html_lang);
	JW_LIT(w, ",\"lang\":");
	jw_str(w, a->tag.lang);
	JW_LIT(w, ",\"lang_confidence\":");
	jw_share(w, a->tag.confidence);
	JW_LIT(w, ",\"lang_tag\":\"");
	jw_raw(w, a->tag.lang, strnlen(a->tag.lang, sizeof(a->tag.lang)));
	JW_LIT(w, "-");
	jw_raw(w, a->tag.script, strnlen(a->tag.script, sizeof(a->tag.script)));
	JW_LIT(w, "\",\"script\":");
	jw_str(w, a->tag.script);
	/* a list of {script, share}, not an object keyed by script: one type for loaders */
	JW_LIT(w, ",\"scripts\":[");
	for (i = 0; i < a->n_scripts; i++) {
		if (i)
			JW_LIT(w, ",");
		JW_LIT(w, "{\"script\":");
		jw_str(w, a->scripts[i].script);
		JW_LIT(w, ",\"share\":");
		jw_share(w, a->scripts[i].share);
		JW_LIT(w, "}");
	}
	JW_LIT(w, "],\"sections\":[");
	for (i = 0; i < a->n_sections; i++) {
		if (i)
			JW_LIT(w, ",");
		write_section(w, &a->sections[i]);
	}
	JW_LIT(w, "],\"captions\":[");
	for (i = 0; i < a->n_captions; i++) {
		if (i)
			JW_LIT(w, ",");
		JW_LIT(w, "{\"text\":");
		jw_str(w, a->captions[i].text);
		JW_LIT(w, ",\"line\":");
		jw_count(w, a->captions[i].line);
		jw_tag(w, &a->captions[i].tag);
		JW_LIT(w, "}");
	}
	JW_LIT(w, "],\"removed\":[");
	for (i = 0; i < a->n_removed; i++) {
		const struct sahifa_removed *r = &a->removed[i];

		if (i)
			JW_LIT(w, ",");
		JW_LIT(w, "{\"line\":");
		jw_count(w, r->line);
		JW_LIT(w, ",\"text\":");
		jw_str(w, r->text);
		JW_LIT(w, ",\"reason\":");
		jw_str(w, sahifa_reason_name(r->reason));
		if (r->detail) {
			JW_LIT(w, ",\"detail\":");
			jw_str(w, r->detail);
		}
		JW_LIT(w, "}");
	}
	JW_LIT(w, "],\"stats\":");
	write_stats(w, &a->stats);
	if (a->quality.present) {
		JW_LIT(w, ",\"quality\":");
		write_quality(w, &a->quality);
	}
	JW_LIT(w, "}");
}

/* About the bytes of a's record, 0 when the sum does not fit a size_t. */
static size_t record_guess(const struct sahifa_article *a)
{
	size_t guess = JW_RECORD_BYTES, i, j;

	for (i = 0; i < a->n_sections; i++)
		for (j = 0; j < a->sections[i].n_paragraphs; j++)
			if (sahifa_size_add(guess, JW_PARAGRAPH_BYTES + a->sections[i].paragraphs[j].len,
					    &guess))
				return 0;
	return guess;
}

enum sahifa_status sahifa_article_to_json(const struct sahifa_article *a, struct sahifa_buf *out,
					  struct sahifa_error *err)
{
	struct jw w = { out, SAHIFA_OK };
	size_t start = out->len, guess = record_guess(a);

	/* room for about the whole record at once, rather than growing it by doubling
	 * from a few bytes; a guess past the cap is left to the writes to report */
	if (guess)
		(void)sahifa_buf_grow(out, guess);
	write_article(&w, a);
	if (!w.st && out->data)
		out->data[out->len] = '\0';  /* room kept for it by every write */
	if (w.st) {
		/* leave the buffer as it was: no half record */
		out->len = start;
		if (out->data)
			out->data[start] = '\0';
	}
	if (w.st == SAHIFA_ERR_LIMIT)
		return sahifa_error_set(err, w.st, NULL, 0, 0, "record larger than the %zu-byte limit",
					out->max);
	if (w.st)
		return sahifa_error_set(err, w.st, NULL, 0, 0, "out of memory");
	return SAHIFA_OK;
}
