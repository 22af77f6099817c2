/* Site-chrome rules: loading rules files and matching lines against them
 * (include/sahifa/segment.h; the file format is described in rules/default.rules). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/embed.h"
#include "sahifa/buf.h"
#include "sahifa/utf8.h"
#include "text/arabic_fold.h"
#include "text/segment_internal.h"

static const char *const kind_names[] = { "line", "prefix", "contains", "repeat", "end",
					  "byline" };

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

size_t seg_utf8_next(const unsigned char *s, size_t len, uint32_t *cp)
{
	size_t n = sahifa_utf8_decode(s, len, cp);

	if (n)
		return n;
	*cp = SEG_INVALID_CP;
	return 1;
}

size_t seg_prev_cp(const unsigned char *t, size_t b, size_t e, uint32_t *cp)
{
	size_t k;

	for (k = 2; k <= 4 && k <= e - b; k++) {
		uint32_t c;

		if ((t[e - k] & 0xC0) == 0x80)
			continue;
		if (seg_utf8_next(t + e - k, k, &c) == k && c != SEG_INVALID_CP) {
			*cp = c;
			return k;
		}
		break;
	}
	*cp = t[e - 1] < 0x80 ? t[e - 1] : SEG_INVALID_CP;
	return 1;
}

int seg_is_word(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' && (cp | 32) <= 'z');
	if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7)
		return 0;
	if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x2190 && cp <= 0x2BFF) ||
	    (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F))
		return 0;
	switch (cp) {
	case 0x060C: case 0x061B: case 0x061F: case 0x066A: case 0x066B: case 0x066C:
	case 0x066D: case 0x06D4: case 0xFD3E: case 0xFD3F: case 0xFEFF: case SEG_INVALID_CP:
		return 0;
	}
	return 1;
}

/* What one code point folds to: a code point, 0 to drop it, ' ' for any space.  By
 * ranges, so that ASCII and two-byte code points, most of a line, take few tests. */
static inline uint32_t fold_cp(uint32_t c)
{
	if (c < 0x80)
		return c - 'A' < 26 ? c | 32 : c == '\t' ? ' ' : c;
	if (c < 0x800)
		return c == 0xA0 ? ' ' : shf_arabic_fold(c);
	if (c == 0x1680 || (c >= 0x2000 && c <= 0x200C) || c == 0x202F || c == 0x205F ||
	    c == 0x3000)
		return ' ';
	if (c == 0x200D || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	    (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF)
		return 0;
	return shf_arabic_fold(c);
}

size_t seg_fold(const char *s, size_t len, uint32_t *out, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n = 0;

	while (i < len) {
		uint32_t c = p[i];

		/* one- and two-byte code points without the general decode */
		if (c < 0x80)
			i++;
		else if (c >= 0xC2 && c <= 0xDF && i + 1 < len && (p[i + 1] & 0xC0) == 0x80)
			c = (c & 0x1F) << 6 | (p[i + 1] & 0x3F), i += 2;
		else
			i += seg_utf8_next(p + i, len - i, &c);
		c = fold_cp(c);
		if (!c || (c == ' ' && (n == 0 || out[n - 1] == ' ')))
			continue;
		if (n == max)
			return max + 1;
		out[n++] = c;
	}
	while (n && out[n - 1] == ' ')
		n--;
	return n;
}

/* Length without trailing colons and spaces: "Related:" is the line "Related". */
static size_t core_len(const uint32_t *f, size_t n)
{
	while (n && (f[n - 1] == ':' || f[n - 1] == ' ' || f[n - 1] == 0xFF1A))
		n--;
	return n;
}

static int starts_at(const uint32_t *f, size_t n, size_t pos, const struct seg_rule *r)
{
	return n - pos >= r->n && !memcmp(f + pos, r->cps, r->n * sizeof(*f));
}

/* The phrase at f[pos..] ends at a word boundary (or ends in a non-word character). */
static int ends_word(const uint32_t *f, size_t n, size_t pos, const struct seg_rule *r)
{
	size_t end = pos + r->n;

	return end == n || !seg_is_word(f[end]) || !seg_is_word(r->cps[r->n - 1]);
}

static int starts_word(const uint32_t *f, size_t pos, const struct seg_rule *r)
{
	return pos == 0 || !seg_is_word(f[pos - 1]) || !seg_is_word(r->cps[0]);
}

static int match_one(const struct seg_rule *r, const uint32_t *f, size_t n, size_t chars,
		     int sentence)
{
	size_t pos, count;

	switch (r->kind) {
	case SEG_RULE_LINE:
	case SEG_RULE_END:
		return core_len(f, n) == r->n && starts_at(f, n, 0, r);
	case SEG_RULE_PREFIX:
	case SEG_RULE_BYLINE:
		return starts_at(f, n, 0, r) && ends_word(f, n, 0, r);
	case SEG_RULE_CONTAINS:
		if (n < r->n)
			return 0;
		for (pos = 0; pos + r->n <= n; pos++)
			if (f[pos] == r->cps[0] && starts_at(f, n, pos, r) &&
			    starts_word(f, pos, r) && ends_word(f, n, pos, r))
				return 1;
		return 0;
	case SEG_RULE_REPEAT:
		for (pos = 0, count = 0; starts_at(f, n, pos, r) && ends_word(f, n, pos, r);
		     count++) {
			pos += r->n;
			while (pos < n && f[pos] == ' ')
				pos++;
		}
		return count >= 2 && pos * 2 >= n;
	}
	(void)chars;
	(void)sentence;
	return 0;
}

const struct seg_rule *seg_rules_chrome(const struct sahifa_rules *rules, const uint32_t *f,
					size_t n, size_t chars, int sentence)
{
	/* Phrase rules stay off long lines and off lines that end like a sentence, so
	 * that prose starting with the same words is never taken for chrome. */
	int phrase_ok = chars <= SEG_RULE_LINE_MAX_CHARS && !sentence;
	size_t i;

	for (i = 0; i < rules->n; i++) {
		const struct seg_rule *r = &rules->items[i];

		if (r->kind == SEG_RULE_BYLINE)
			continue;
		/* all but a contains rule match at the line's start: its first code
		 * point tells most rules apart without the call */
		if (r->kind != SEG_RULE_CONTAINS && r->n && (!n || f[0] != r->cps[0]))
			continue;
		if ((r->kind == SEG_RULE_PREFIX || r->kind == SEG_RULE_CONTAINS ||
		     r->kind == SEG_RULE_REPEAT) && !phrase_ok)
			continue;
		if (match_one(r, f, n, chars, sentence))
			return r;
	}
	return NULL;
}

const struct seg_rule *seg_rules_byline(const struct sahifa_rules *rules, const uint32_t *f,
					size_t n)
{
	size_t i;

	for (i = 0; i < rules->n; i++) {
		const struct seg_rule *r = &rules->items[i];

		/* a byline rule matches at the line's start, as a prefix does */
		if (r->kind == SEG_RULE_BYLINE && (!r->n || (n && f[0] == r->cps[0])) &&
		    match_one(r, f, n, n, 0))
			return r;
	}
	return NULL;
}

int seg_byline_phrase(struct seg_state *s, const char *t, size_t len)
{
	size_t n = seg_fold(t, len, s->fold, SEG_FOLD_CAP);

	return n <= SEG_FOLD_CAP && seg_rules_byline(s->rules, s->fold, n) != NULL;
}

/* Drop the rules from index keep on (undoes a file that failed half way). */
static void rules_truncate(struct sahifa_rules *rules, size_t keep)
{
	while (rules->n > keep) {
		rules->n--;
		free(rules->items[rules->n].cps);
		free(rules->items[rules->n].detail);
	}
}

static enum sahifa_status rules_add(struct sahifa_rules *rules, enum seg_rule_kind kind,
				    const char *text, size_t len, const uint32_t *f, size_t n)
{
	struct seg_rule *r;
	char q[SAHIFA_MAX_RULE_BYTES / 4];
	struct sahifa_buf detail = SAHIFA_BUF_INIT;
	size_t bytes;

	if (SHF_ARRAY_GROW(rules->items, rules->n, rules->cap, 64))
		return SAHIFA_ERR_NOMEM;
	r = &rules->items[rules->n];
	r->kind = kind;
	r->n = n;
	if (sahifa_size_mul(n, sizeof(*f), &bytes) || !(r->cps = malloc(bytes)))
		return SAHIFA_ERR_NOMEM;
	memcpy(r->cps, f, bytes);
	sahifa_quote(text, len, 60, q, sizeof(q));
	sahifa_buf_init(&detail, 0);
	if (sahifa_buf_appendf(&detail, "%s %s", kind_names[kind], q)) {
		free(r->cps);
		sahifa_buf_release(&detail);
		return SAHIFA_ERR_NOMEM;
	}
	r->detail = sahifa_buf_detach(&detail, NULL);
	rules->n++;
	if ((kind == SEG_RULE_LINE || kind == SEG_RULE_END) && n > rules->max_exact)
		rules->max_exact = n;
	return SAHIFA_OK;
}

/* Parse one non-comment line "directive phrase" of a rules file. */
static enum sahifa_status parse_rule(struct sahifa_rules *rules, const char *name, long lineno,
				     const char *s, size_t len, uint32_t *folded,
				     struct sahifa_error *err)
{
	const char *text;
	size_t dlen = 0, tlen, i, n, k;
	char q[64];

	while (dlen < len && s[dlen] != ' ' && s[dlen] != '\t')
		dlen++;
	for (k = 0; k < COUNT(kind_names); k++)
		if (strlen(kind_names[k]) == dlen && !memcmp(kind_names[k], s, dlen))
			break;
	if (k == COUNT(kind_names)) {
		sahifa_quote(s, dlen, 20, q, sizeof(q));
		return sahifa_error_set(err, SAHIFA_ERR_DATA, name, lineno, 1,
					"unknown directive %s (expected line, prefix, contains, "
					"repeat, end or byline)", q);
	}
	text = s + dlen;
	tlen = len - dlen;
	while (tlen && (*text == ' ' || *text == '\t'))
		text++, tlen--;
	if (!tlen)
		return sahifa_error_set(err, SAHIFA_ERR_DATA, name, lineno, 1,
					"directive '%s' needs a phrase", kind_names[k]);
	if (tlen > SAHIFA_MAX_RULE_BYTES)
		return sahifa_error_set(err, SAHIFA_ERR_LIMIT, name, lineno, (long)(text - s) + 1,
					"phrase longer than the %d-byte limit", SAHIFA_MAX_RULE_BYTES);
	for (i = 0; i < tlen;) {
		uint32_t c;
		size_t used = seg_utf8_next((const unsigned char *)text + i, tlen - i, &c);

		if (c == SEG_INVALID_CP && used == 1 && (unsigned char)text[i] >= 0x80)
			return sahifa_error_set(err, SAHIFA_ERR_DATA, name, lineno,
						(long)(text - s + i) + 1,
						"phrase is not valid UTF-8");
		i += used;
	}
	n = seg_fold(text, tlen, folded, SEG_FOLD_CAP);
	if (k == SEG_RULE_LINE || k == SEG_RULE_END)
		n = core_len(folded, n);
	if (!n) {
		sahifa_quote(text, tlen, 20, q, sizeof(q));
		return sahifa_error_set(err, SAHIFA_ERR_DATA, name, lineno, (long)(text - s) + 1,
					"phrase %s holds nothing to match", q);
	}
	if (rules->n - rules->file_start >= SAHIFA_MAX_RULES)
		return sahifa_error_set(err, SAHIFA_ERR_LIMIT, name, lineno, 1,
					"more than the %d-rule limit", SAHIFA_MAX_RULES);
	if (rules_add(rules, (enum seg_rule_kind)k, text, tlen, folded, n))
		return sahifa_error_set(err, SAHIFA_ERR_NOMEM, name, lineno, 0, "out of memory");
	return SAHIFA_OK;
}

enum sahifa_status sahifa_rules_load_mem(struct sahifa_rules *rules, const char *name,
					 const char *text, size_t len, struct sahifa_error *err)
{
	size_t pos = 0, keep = rules->n;
	long lineno = 0;
	enum sahifa_status st = SAHIFA_OK;
	uint32_t *folded = malloc((SEG_FOLD_CAP + 1) * sizeof(*folded));

	if (!folded)
		return sahifa_error_nomem(err, name);
	rules->file_start = keep;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		pos = 3;  /* a UTF-8 byte order mark, as editors on Windows write */
	while (pos < len) {
		const char *s = text + pos, *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;

		pos += n + (nl != NULL);
		if (++lineno > SAHIFA_MAX_RULES) {
			st = sahifa_error_set(err, SAHIFA_ERR_LIMIT, name, lineno, 0,
					      "rules file longer than the %d-line limit",
					      SAHIFA_MAX_RULES);
			goto fail;
		}
		while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		while (n && (*s == ' ' || *s == '\t'))
			s++, n--;
		if (!n || *s == '#')
			continue;
		st = parse_rule(rules, name, lineno, s, n, folded, err);
		if (st)
			goto fail;
	}
	free(folded);
	return SAHIFA_OK;
fail:
	free(folded);
	rules_truncate(rules, keep);
	return st;
}

enum sahifa_status sahifa_rules_load_file(struct sahifa_rules *rules, const char *path,
					  struct sahifa_error *err)
{
	/* a rules file at its limits: every line a maximal rule */
	const size_t max = (size_t)SAHIFA_MAX_RULES * (SAHIFA_MAX_RULE_BYTES + 16);
	struct sahifa_buf b;
	enum sahifa_status st;
	FILE *f = fopen(path, "rb");

	if (!f)
		return sahifa_error_set(err, SAHIFA_ERR_IO, path, 0, 0, "cannot open: %s",
					strerror(errno));
	sahifa_buf_init(&b, max);
	for (;;) {
		size_t got;

		if ((st = sahifa_buf_grow(&b, 65536))) {
			fclose(f);
			sahifa_buf_release(&b);
			if (st == SAHIFA_ERR_LIMIT)
				return sahifa_error_set(err, st, path, 0, 0,
							"rules file larger than the %zu-byte limit", max);
			return sahifa_error_set(err, st, path, 0, 0, "out of memory");
		}
		got = fread(b.data + b.len, 1, b.cap - b.len - 1, f);
		b.len += got;
		b.data[b.len] = '\0';
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		int e = errno;

		fclose(f);
		sahifa_buf_release(&b);
		return sahifa_error_set(err, SAHIFA_ERR_IO, path, 0, 0, "cannot read: %s",
					strerror(e));
	}
	fclose(f);
	st = sahifa_rules_load_mem(rules, path, b.data ? b.data : "", b.len, err);
	sahifa_buf_release(&b);
	return st;
}

enum sahifa_status sahifa_rules_new_default(struct sahifa_rules **out, struct sahifa_error *err)
{
	const struct sahifa_embed *e = shf_embed_find("rules/default.rules");
	struct sahifa_rules *rules;
	enum sahifa_status st;

	*out = NULL;
	if (!e)
		return sahifa_error_set(err, SAHIFA_ERR_INTERNAL, NULL, 0, 0,
					"the default rules are not built in");
	rules = calloc(1, sizeof(*rules));
	if (!rules)
		return sahifa_error_nomem(err, NULL);
	st = sahifa_rules_load_mem(rules, "rules/default.rules", e->data, e->len, err);
	if (st) {
		sahifa_rules_free(rules);
		return st;
	}
	*out = rules;
	return SAHIFA_OK;
}

enum sahifa_status sahifa_rules_new_empty(struct sahifa_rules **out, struct sahifa_error *err)
{
	*out = calloc(1, sizeof(**out));
	return *out ? SAHIFA_OK : sahifa_error_nomem(err, NULL);
}

void sahifa_rules_free(struct sahifa_rules *rules)
{
	if (!rules)
		return;
	rules_truncate(rules, 0);
	free(rules->items);
	free(rules);
}
