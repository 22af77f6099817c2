/*
 * The text segmenter (include/sahifa/segment.h).  Every line is trimmed and
 * classified once (blank, chrome by rule, chrome by position after the article
 * ended, lone bullet, content); then bullets are paired with their items and captions
 * with their copies; then the content lines are read in order as headline, byline,
 * headings and paragraphs; last the article is written in source order.  Each pass is
 * linear in the number of lines, and rules are matched only on short lines.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sahifa/article.h"
#include "sahifa/buf.h"
#include "sahifa/limits.h"
#include "sahifa/utf8.h"
#include "text/segment_internal.h"

/* Layout heuristics (code points).  A headline may run long (some sites put a deck in
 * it); a heading is a short line; a repeated caption is at most a few sentences. */
#define SEG_HEADING_MAX_CHARS 100
#define SEG_CAPTION_MAX_CHARS 250
/* After the article ended, a line longer than this (or longer than a heading and
 * ending like a sentence) is prose again, not a list of teaser headlines. */
#define SEG_BLOCK_LINE_MAX_CHARS 300

static int is_space_cp(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == 0xA0 ||
	       c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
	       c == 0x3000;
}

/* Invisible marks trimmed from line ends (ZWNJ and ZWJ only make a line blank). */
static int is_mark_cp(uint32_t c)
{
	return c == 0x200B || c == 0x200E || c == 0x200F || c == 0xFEFF ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static int is_bullet_cp(uint32_t c)
{
	switch (c) {
	case '-': case '*': case 0x2022: case 0x2013: case 0xB7: case 0x25AA: case 0x25CF:
	case 0x25E6: case 0x25CB: case 0x25A0: case 0x25BA: case 0x2023: case 0x2043:
		return 1;
	}
	return 0;
}

static int is_digit_cp(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) ||
	       (c >= 0x06F0 && c <= 0x06F9);
}

static int is_closer_cp(uint32_t c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
	       c == 0xBB || c == 0x203A;
}

/* Trim spaces and invisible marks from both ends; 1 when nothing is left but joiners,
 * spaces and marks (a blank line).  *marks counts the marks trimmed. */
static int trim_line(const unsigned char *t, size_t *pb, size_t *pe, uint64_t *marks)
{
	size_t b = *pb, e = *pe, i;
	uint32_t c;

	while (b < e) {
		size_t n = seg_utf8_next(t + b, e - b, &c);

		if (is_mark_cp(c))
			(*marks)++;
		else if (!is_space_cp(c))
			break;
		b += n;
	}
	while (e > b) {
		size_t n = seg_prev_cp(t, b, e, &c);

		if (is_mark_cp(c))
			(*marks)++;
		else if (!is_space_cp(c))
			break;
		e -= n;
	}
	*pb = b;
	*pe = e;
	for (i = b; i < e;) {
		i += seg_utf8_next(t + i, e - i, &c);
		if (c != 0x200C && c != 0x200D && !is_space_cp(c) && !is_mark_cp(c))
			return 0;
	}
	return 1;
}

/* A line wholly inside one pair of quotation marks, trailing punctuation allowed. */
static int is_quote(const unsigned char *t, size_t b, size_t e)
{
	uint32_t open, c, close1, close2;
	size_t i = b + seg_utf8_next(t + b, e - b, &open), inside = 0;

	switch (open) {
	case '"': close1 = close2 = '"'; break;
	case 0x201C: close1 = close2 = 0x201D; break;
	case 0xAB: close1 = close2 = 0xBB; break;
	case 0x201E: close1 = 0x201C; close2 = 0x201D; break;
	default: return 0;
	}
	while (i < e) {
		i += seg_utf8_next(t + i, e - i, &c);
		if (c == close1 || c == close2)
			break;
		inside++;
	}
	if (c != close1 && c != close2)
		return 0;
	if (!inside)
		return 0;
	while (i < e) {
		i += seg_utf8_next(t + i, e - i, &c);
		switch (c) {
		case '.': case ',': case '!': case '?': case ':': case ';': case ' ':
		case 0x061F: case 0x061B: case 0x060C: case 0x2026:
			break;
		default:
			return 0;
		}
	}
	return 1;
}

/* "- item", "• item", "1) item", "١. item", "12- item". */
static int is_list_item(const unsigned char *t, size_t b, size_t e)
{
	uint32_t c;
	size_t i = b, digits = 0;

	i += seg_utf8_next(t + i, e - i, &c);
	if (!is_bullet_cp(c)) {
		while (is_digit_cp(c) && i < e && digits < 4) {
			digits++;
			i += seg_utf8_next(t + i, e - i, &c);
		}
		if (!digits || digits > 3 || (c != ')' && c != '.' && c != '-'))
			return 0;
	}
	if (i >= e)
		return 0;
	i += seg_utf8_next(t + i, e - i, &c);
	return (c == ' ' || c == '\t' || c == 0xA0) && i < e;
}

/* Set the flags that depend on the line's own text. */
static void line_features(const unsigned char *t, struct seg_line *l)
{
	size_t e = l->e, n;
	uint32_t last = 0, before = 0;

	do {
		n = seg_prev_cp(t, l->b, e, &last);
		e -= n;
	} while (e > l->b && (is_closer_cp(last) || is_space_cp(last)));
	if (e > l->b)
		seg_prev_cp(t, l->b, e, &before);
	switch (last) {
	case '.': case ':': case ',': case ';': case 0x060C: case 0x061B: case 0x2026:
	case 0x06D4: case 0xFF1A:
		l->flags |= F_OPEN_END;
	}
	if ((last == '.' && before != '.') || last == 0x06D4)
		l->flags |= F_SENTENCE;
	if (is_quote(t, l->b, l->e))
		l->flags |= F_QUOTE;
	if (is_list_item(t, l->b, l->e))
		l->flags |= F_LIST;
}

static int is_lone_bullet(const unsigned char *t, const struct seg_line *l)
{
	uint32_t c;

	return seg_utf8_next(t + l->b, l->e - l->b, &c) == l->e - l->b && is_bullet_cp(c);
}

static uint32_t count_chars(const unsigned char *t, size_t b, size_t e)
{
	return (uint32_t)sahifa_utf8_chars((const char *)t + b, e - b);
}

/* Split into lines, checking the limits; lines[] is allocated here. */
static enum sahifa_status split_lines(struct seg_state *s, size_t len, struct sahifa_error *err)
{
	const char *t = s->text;
	size_t pos = 0, n = 0, bytes;

	while (pos < len) {
		const char *nl = memchr(t + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - t) : len;

		if (++n > SAHIFA_MAX_ARTICLE_LINES)
			return sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, (long)n, 0,
						"article longer than the %d-line limit",
						SAHIFA_MAX_ARTICLE_LINES);
		if (end - pos > SAHIFA_MAX_LINE_BYTES)
			return sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, (long)n, 0,
						"line longer than the %zu-byte limit",
						SAHIFA_MAX_LINE_BYTES);
		pos = end + 1;
	}
	s->n_lines = n;
	if (!n)
		return SAHIFA_OK;
	if (sahifa_size_mul(n, sizeof(*s->lines), &bytes) || !(s->lines = calloc(1, bytes)))
		return sahifa_error_nomem(err, NULL);
	for (pos = 0, n = 0; n < s->n_lines; n++) {
		const char *nl = memchr(t + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - t) : len;

		s->lines[n].b = pos;
		s->lines[n].e = end;
		pos = end + 1;
	}
	return SAHIFA_OK;
}

/* Pass 1a: trim each line and set the flags of its own text. */
static void trim_all(struct seg_state *s)
{
	const unsigned char *t = (const unsigned char *)s->text;
	size_t i;

	for (i = 0; i < s->n_lines; i++) {
		struct seg_line *l = &s->lines[i];
		size_t raw = l->b;
		uint64_t marks = 0;

		if (trim_line(t, &l->b, &l->e, &marks)) {
			l->cls = C_BLANK;
			s->a->stats.blank_lines++;
			continue;
		}
		s->a->stats.marks_trimmed += marks;
		l->cls = C_CONTENT;
		l->chars = count_chars(t, l->b, l->e);
		l->width = count_chars(t, raw, l->b) + l->chars;
		l->nlines = 1;
		l->bchars = l->chars;
		line_features(t, l);
	}
}

/* Pass 1b: classify each line (each block of wrapped lines) by rule; find the end of
 * the article and the block of teaser headlines after it. */
static void classify(struct seg_state *s)
{
	const unsigned char *t = (const unsigned char *)s->text;
	int content_seen = 0, ended = 0;
	size_t i, owner = 0;

	for (i = 0; i < s->n_lines; i++) {
		struct seg_line *l = &s->lines[i];
		const struct seg_rule *r = NULL;
		size_t n, cap;

		if (l->cls == C_BLANK || l->cls == C_CONT)
			continue;
		/* a line longer than every phrase that could match it is folded only up to
		 * that length: seg_fold stops there; a block of wrapped lines is prose */
		cap = l->chars <= SEG_RULE_LINE_MAX_CHARS ? SEG_RULE_LINE_MAX_CHARS
							 : s->rules->max_exact;
		if (!(l->flags & F_JOINED) &&
		    (n = seg_fold(s->text + l->b, l->e - l->b, s->fold, cap)) <= cap)
			r = seg_rules_chrome(s->rules, s->fold, n, l->chars,
					     (l->flags & F_SENTENCE) != 0);
		if (r) {
			l->ref = (uint32_t)(r - s->rules->items);
			l->cls = C_CHROME;
			if (r->kind == SEG_RULE_END && content_seen && !ended) {
				l->cls = C_END;
				ended = 1;
				owner = i;
			}
			continue;
		}
		if (ended) {
			if (l->bchars <= SEG_BLOCK_LINE_MAX_CHARS &&
			    !(l->bchars > SEG_HEADING_MAX_CHARS && (l->flags & F_SENTENCE))) {
				l->cls = C_BLOCK;
				l->ref = (uint32_t)owner;
				s->lines[owner].count++;
				continue;
			}
			ended = 0;  /* prose again: the end phrase was not the end */
		}
		l->cls = is_lone_bullet(t, l) ? C_BULLET : C_CONTENT;
		content_seen = 1;
	}
}

/* Pass 2: a lone bullet takes the next content line as its item; captions printed
 * twice in a row keep the first copy. */
static void pair_lines(struct seg_state *s)
{
	struct seg_line *L = s->lines;
	size_t i, bullet = SIZE_MAX, prev = SIZE_MAX;

	for (i = 0; i < s->n_lines; i++) {
		if (L[i].cls == C_BULLET) {
			if (bullet != SIZE_MAX) {
				L[bullet].cls = C_CONTENT;
				L[bullet].flags |= F_LONE;
			}
			bullet = i;
		} else if (L[i].cls == C_CONTENT && bullet != SIZE_MAX) {
			L[bullet].cls = C_MARKER;
			L[bullet].ref = (uint32_t)i;
			L[i].flags |= F_FROM_BULLET;
			bullet = SIZE_MAX;
		}
	}
	if (bullet != SIZE_MAX) {
		L[bullet].cls = C_CONTENT;
		L[bullet].flags |= F_LONE;
	}
	for (i = 0; i < s->n_lines; i++) {
		const int not_text = F_LIST | F_FROM_BULLET | F_LONE | F_JOINED;

		if (L[i].cls != C_CONTENT)
			continue;
		if (prev != SIZE_MAX && L[prev].cls == C_CONTENT &&
		    L[prev].chars <= SEG_CAPTION_MAX_CHARS && !(L[prev].flags & not_text) &&
		    !(L[i].flags & not_text) && L[i].e - L[i].b == L[prev].e - L[prev].b &&
		    !memcmp(s->text + L[i].b, s->text + L[prev].b, L[i].e - L[i].b)) {
			L[prev].cls = C_CAPTION;
			L[i].cls = C_COPY;
			L[i].ref = (uint32_t)prev;
		}
		prev = i;
	}
}

static int can_head(const struct seg_line *l)
{
	return l->chars <= SEG_HEADING_MAX_CHARS &&
	       !(l->flags & (F_OPEN_END | F_LIST | F_FROM_BULLET | F_QUOTE | F_LONE | F_JOINED));
}

static int can_headline(const struct seg_line *l)
{
	return l->bchars <= SEG_HEADLINE_MAX_CHARS &&
	       !(l->flags & (F_OPEN_END | F_LIST | F_FROM_BULLET | F_LONE));
}

/* A line short enough for a byline, and one of its own: no list item, quotation or
 * line joined to others. */
static int byline_line(const struct seg_line *l)
{
	return l->chars <= SEG_BYLINE_MAX_CHARS &&
	       !(l->flags & (F_OPEN_END | F_LIST | F_FROM_BULLET | F_LONE | F_QUOTE | F_JOINED));
}

static int is_byline(struct seg_state *s, const struct seg_line *l)
{
	return byline_line(l) && seg_byline_phrase(s, s->text + l->b, l->e - l->b);
}

/* A byline by its shape, right under the headline: a name with a handle, an aside, a
 * role or a relative time after it ("Catherine Shu @catherineshu / 2 days"). */
static int is_name_byline(struct seg_state *s, const struct seg_line *l)
{
	return byline_line(l) && seg_page_name_byline(s->text + l->b, l->e - l->b);
}

/* Pass 3: read the content lines in order.  The first may be the headline (or a
 * byline), then a byline; a run of short heading-like lines followed by body text is a
 * heading (one line), a heading and its subheading (two), or paragraphs and a heading
 * (three or more); a run with no body after it is paragraphs. */
static enum sahifa_status structure(struct seg_state *s, struct sahifa_error *err)
{
	struct seg_line *L = s->lines;
	size_t *seq, n = 0, i, k = 0, bytes;

	if (sahifa_size_mul(s->n_lines ? s->n_lines : 1, sizeof(*seq), &bytes) ||
	    !(seq = malloc(bytes)))
		return sahifa_error_nomem(err, NULL);
	for (i = 0; i < s->n_lines; i++)
		if (L[i].cls == C_CONTENT)
			seq[n++] = i;
	if (s->page) {
		/* the page classifier chose the headline and byline */
	} else if (n && is_byline(s, &L[seq[0]])) {
		L[seq[0]].cls = C_BYLINE;
		k = 1;
	} else if (n >= 2 && can_headline(&L[seq[0]])) {
		L[seq[0]].cls = C_HEADLINE;
		k = 1;
		if (is_byline(s, &L[seq[1]]) || is_name_byline(s, &L[seq[1]])) {
			L[seq[1]].cls = C_BYLINE;
			k = 2;
		}
	}
	while (k < n) {
		size_t r = k, m;

		while (r < n && can_head(&L[seq[r]]))
			r++;
		m = r - k;
		if (r < n && m == 1) {
			L[seq[k]].cls = C_H2;
		} else if (r < n && m == 2) {
			L[seq[k]].cls = C_H2;
			L[seq[k + 1]].cls = C_H3;
		} else {
			for (i = k; i < r; i++)
				L[seq[i]].cls = C_PARA;
			if (r < n && m >= 3)
				L[seq[r - 1]].cls = C_H2;
		}
		if (r < n)
			L[seq[r]].cls = C_PARA;
		k = r + 1;
	}
	free(seq);
	return SAHIFA_OK;
}

static enum sahifa_status add_removed(struct seg_state *s, size_t i, enum sahifa_reason reason,
				      const char *detail)
{
	const struct seg_line *l = &s->lines[i];

	if (!sahifa_article_add_removed(s->a, (long)i + 1, s->text + l->b, l->e - l->b, reason,
					detail))
		return SAHIFA_ERR_NOMEM;
	return SAHIFA_OK;
}

/* The removal reason and detail of a removed line's class (of the line at h, which is
 * the line itself or the first line of its block); 0 when h is content. */
static int removal(const struct seg_state *s, size_t h, enum sahifa_reason *reason,
		   const char **detail, char *buf, size_t size)
{
	const struct seg_line *l = &s->lines[h];
	char q[256];

	switch (l->cls) {
	case C_CHROME:
	case C_END:
		*reason = SAHIFA_REASON_CHROME;
		*detail = s->rules->items[l->ref].detail;
		return 1;
	case C_BLOCK: {
		const struct seg_line *m = &s->lines[l->ref];

		sahifa_quote(s->text + m->b, m->e - m->b, 40, q, sizeof(q));
		snprintf(buf, size, "after the article ended: %u short headline-like line%s after %s",
			 (unsigned)m->count, m->count == 1 ? "" : "s", q);
		*reason = SAHIFA_REASON_CHROME_BLOCK;
		*detail = buf;
		return 1;
	}
	case C_MARKER:
		snprintf(buf, size, "its item is on line %lu", (unsigned long)l->ref + 1);
		*reason = SAHIFA_REASON_BULLET_MARKER;
		*detail = buf;
		return 1;
	case C_COPY:
		snprintf(buf, size, "a copy of the caption on line %lu", (unsigned long)l->ref + 1);
		*reason = SAHIFA_REASON_CAPTION_COPY;
		*detail = buf;
		return 1;
	case C_PAGE:
		*reason = (enum sahifa_reason)l->ref;
		*detail = seg_page_reason_detail(s, h);
		return 1;
	}
	return 0;
}

/* A title's Markdown heading markup dropped: the opening run of one to six '#' and its
 * space, and an optional closing run after a space (CommonMark's ATX headings), so that
 * "# Council backs bus lanes" is the headline "Council backs bus lanes", or html2text's
 * stars around it (seg_page_strip_stars).  A line that is only markup, or '#' without a space
 * after ("#MeToo"), is left as it is. */
static void strip_atx(const char **t, size_t *len)
{
	const char *p = *t, *e = *t + *len;
	size_t n = 0;

	if (*len && **t == '*') {
		seg_page_strip_stars(t, len);
		return;
	}
	while (p + n < e && p[n] == '#')
		n++;
	if (n == 0 || n > 6 || p + n >= e || p[n] != ' ')
		return;
	p += n;
	while (p < e && *p == ' ')
		p++;
	{
		const char *q = e;

		while (q > p && q[-1] == '#')
			q--;
		if (q < e && q > p && q[-1] == ' ')
			e = q;
		while (e > p && e[-1] == ' ')
			e--;
	}
	if (e > p) {
		*t = p;
		*len = (size_t)(e - p);
	}
}

/* The text of the block starting at line i: the line itself, or its wrapped lines
 * joined by single spaces, none where seg_joins_tight (in b, which is reset). */
static enum sahifa_status block_text(const struct seg_state *s, size_t i, struct sahifa_buf *b,
				     const char **t, size_t *len)
{
	const struct seg_line *l = &s->lines[i];
	size_t k;

	if (l->nlines <= 1) {
		*t = s->text + l->b;
		*len = l->e - l->b;
		return SAHIFA_OK;
	}
	sahifa_buf_reset(b);
	for (k = i; k < i + l->nlines; k++) {
		if (k > i && !seg_joins_tight(s, k) && sahifa_buf_append_char(b, ' '))
			return SAHIFA_ERR_NOMEM;
		if (sahifa_buf_append(b, s->text + s->lines[k].b, s->lines[k].e - s->lines[k].b))
			return SAHIFA_ERR_NOMEM;
	}
	*t = b->data;
	*len = b->len;
	return SAHIFA_OK;
}

/* Pass 4: write the article in source order. */
static enum sahifa_status emit(struct seg_state *s)
{
	struct sahifa_article *a = s->a;
	struct sahifa_section *sec = NULL;
	struct sahifa_buf joined;
	char detail[512];
	enum sahifa_status st = SAHIFA_OK;
	size_t i;

	sahifa_buf_init(&joined, 0);
	for (i = 0; i < s->n_lines && !st; i++) {
		const struct seg_line *l = &s->lines[i];
		const char *t = s->text + l->b, *why = NULL;
		size_t len = l->e - l->b;
		long line = (long)i + 1;
		enum sahifa_kind kind = SAHIFA_KIND_PARAGRAPH;
		enum sahifa_reason reason;
		struct sahifa_paragraph *p;

		if (l->cls == C_CONT) {
			/* accounted for by its block, or removed with it */
			if (removal(s, l->ref, &reason, &why, detail, sizeof(detail)))
				st = add_removed(s, i, reason, why);
			continue;
		}
		if (removal(s, i, &reason, &why, detail, sizeof(detail))) {
			st = add_removed(s, i, reason, why);
			continue;
		}
		switch (l->cls) {
		case C_BLANK:
			break;
		case C_HEADLINE:
			if ((st = block_text(s, i, &joined, &t, &len)))
				break;
			strip_atx(&t, &len);
			if (s->page)
				seg_page_title_text(&t, &len);
			st = sahifa_article_set_str(&a->headline, t, len);
			if (!st && s->page)
				a->headline[seg_page_underlined_title(a->headline, len)] = 0;
			a->headline_line = line;
			a->headline_lines = (long)l->nlines;
			break;
		case C_BYLINE:
			if ((st = block_text(s, i, &joined, &t, &len)))
				break;
			if (s->page && len <= SEG_PAGE_BYLINE_MAX) {
				char clean[SEG_PAGE_BYLINE_MAX + 1];

				len = seg_page_byline_text(t, len, clean);
				st = sahifa_article_set_str(&a->byline, clean, len);
			} else {
				st = sahifa_article_set_str(&a->byline, t, len);
				if (!st)
					st = seg_page_authors(s, i);
			}
			a->byline_line = line;
			a->byline_lines = (long)l->nlines;
			break;
		case C_H2:
		case C_H3:
			strip_atx(&t, &len);
			if (!sahifa_article_add_section(a, t, len, l->cls == C_H2 ? 2 : 3, line))
				st = SAHIFA_ERR_NOMEM;
			else
				sec = &a->sections[a->n_sections - 1];
			break;
		case C_PARA:
		case C_CONTENT:
			if (!sec) {
				if (!sahifa_article_add_section(a, NULL, 0, 1, 0)) {
					st = SAHIFA_ERR_NOMEM;
					break;
				}
				sec = &a->sections[a->n_sections - 1];
			}
			if (l->flags & (F_LIST | F_FROM_BULLET))
				kind = SAHIFA_KIND_LIST_ITEM;
			else if (l->flags & F_QUOTE)
				kind = SAHIFA_KIND_QUOTE;
			if ((st = block_text(s, i, &joined, &t, &len)))
				break;
			if (!(p = sahifa_section_add_paragraph(sec, t, len, kind, line)))
				st = SAHIFA_ERR_NOMEM;
			else
				p->lines = (long)l->nlines;
			break;
		case C_CAPTION:
			if (!sahifa_article_add_caption(a, t, len, line))
				st = SAHIFA_ERR_NOMEM;
			break;
		default:
			/* C_BULLET never survives pair_lines */
			st = SAHIFA_ERR_INTERNAL;
		}
	}
	sahifa_buf_release(&joined);
	return st;
}

enum sahifa_status sahifa_segment(const struct sahifa_rules *rules, const char *text, size_t len,
				  struct sahifa_article *a, struct sahifa_error *err)
{
	struct seg_state s;
	enum sahifa_status st;

	memset(&s, 0, sizeof(s));
	s.rules = rules;
	s.text = text;
	s.a = a;
	if (!text && len)
		return sahifa_error_set(err, SAHIFA_ERR_USAGE, NULL, 0, 0, "no text");
	st = split_lines(&s, len, err);
	if (st)
		return st;
	a->stats.lines = s.n_lines;
	if (!s.n_lines) {
		sahifa_article_count(a);
		return SAHIFA_OK;
	}
	s.fold = malloc((SEG_FOLD_CAP + 1) * sizeof(*s.fold));
	if (!s.fold) {
		free(s.lines);
		return sahifa_error_nomem(err, NULL);
	}
	trim_all(&s);
	seg_reflow(&s);
	classify(&s);
	s.page = seg_page_detect(&s);
	if (s.page)
		st = seg_page(&s);
	if (st) {
		free(s.fold);
		free(s.lines);
		return sahifa_error_set(err, st, NULL, 0, 0, "out of memory");
	}
	pair_lines(&s);
	st = structure(&s, err);
	if (!st) {
		st = emit(&s);
		if (st == SAHIFA_ERR_NOMEM)
			sahifa_error_set(err, st, NULL, 0, 0, "out of memory");
		else if (st)
			sahifa_error_set(err, st, NULL, 0, 0, "line left unclassified");
	}
	free(s.fold);
	free(s.lines);
	if (!st)
		sahifa_article_count(a);
	return st;
}
