/*
 * Shared between the segmenter's two files: src/text/segment_rules.c (loading and matching
 * rules, the folding that matching uses) and src/text/segment.c (the segmenter proper).
 */
#ifndef SAHIFA_SEGMENT_INTERNAL_H
#define SAHIFA_SEGMENT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "sahifa/limits.h"
#include "sahifa/article.h"
#include "sahifa/segment.h"

/* Code point returned for a byte that does not start a valid UTF-8 sequence. */
#define SEG_INVALID_CP 0xFFFDu

/* A folded line longer than this cannot equal any rule (a rule is at most
 * SAHIFA_MAX_RULE_BYTES bytes, so at most that many code points); such lines are not
 * matched at all. */
#define SEG_FOLD_CAP (SAHIFA_MAX_RULE_BYTES + 1)

/* prefix, contains and repeat rules look only at lines this short (code points):
 * chrome is short, and this keeps a phrase that also starts real prose away from it. */
#define SEG_RULE_LINE_MAX_CHARS 120

/* A headline may run long (some sites put a deck in it). */
#define SEG_HEADLINE_MAX_CHARS 300

/* Bylines are short credit lines. */
#define SEG_BYLINE_MAX_CHARS 80

enum seg_class {
	C_BLANK = 0,
	C_CONTENT,   /* not decided yet */
	C_BULLET,    /* a lone bullet, not paired yet */
	C_CHROME,    /* ref: the rule */
	C_END,       /* ref: the rule; count: lines of the block that follows */
	C_BLOCK,     /* ref: the C_END line that started the block */
	C_MARKER,    /* ref: the item's line */
	C_COPY,      /* ref: the caption's line */
	C_CAPTION,
	C_HEADLINE,
	C_BYLINE,
	C_H2,
	C_H3,
	C_PARA,
	C_CONT,      /* a wrapped line joined to the block that starts at ref */
	C_PAGE       /* page text that is not the article; ref: enum sahifa_reason */
};

enum seg_flag {
	F_OPEN_END = 1,     /* ends in . : , ; ... : cannot be a headline or heading */
	F_SENTENCE = 2,     /* ends in a single full stop */
	F_LIST = 4,         /* starts with a bullet or a number: "- x", "1) x" */
	F_FROM_BULLET = 8,  /* the item of a lone bullet on the line before */
	F_QUOTE = 16,       /* wholly inside quotation marks */
	F_LONE = 32,        /* a lone bullet with no item after it: kept as text */
	F_JOINED = 64,      /* the first line of a block of two or more wrapped lines */
	F_TIGHT = 128       /* joined to the line over it with no space: a string that inline
			     * markup split off ("Masami Kurumada" / ".") */
};

struct seg_line {
	size_t b, e;        /* the trimmed line in the text */
	uint32_t chars;     /* code points in it */
	uint8_t cls, flags;
	uint32_t ref;       /* see enum seg_class */
	uint32_t count;
	uint32_t width;     /* columns from the raw line's start to its trimmed end */
	uint32_t nlines;    /* lines in the block a first line starts (1 when unwrapped) */
	uint32_t bchars;    /* code points in that block */
};

struct seg_state {
	const struct sahifa_rules *rules;
	const char *text;
	struct seg_line *lines;
	size_t n_lines;
	uint32_t *fold;     /* SEG_FOLD_CAP + 1 code points */
	struct sahifa_article *a;
	uint32_t wrap;      /* the column width of hard-wrapped text, 0 when not wrapped */
	int page;           /* a whole web page: the page classifier chose the article */
};

enum seg_rule_kind {
	SEG_RULE_LINE = 0,   /* the whole line */
	SEG_RULE_PREFIX,     /* the line starts with the phrase (at a word boundary) */
	SEG_RULE_CONTAINS,   /* the phrase occurs in the line as whole words */
	SEG_RULE_REPEAT,     /* the line is mostly the phrase repeated */
	SEG_RULE_END,        /* the whole line; the article ends here */
	SEG_RULE_BYLINE      /* a byline starts with the phrase */
};

struct seg_rule {
	enum seg_rule_kind kind;
	uint32_t *cps;       /* the phrase, folded (owned) */
	size_t n;
	char *detail;        /* "prefix 'Google News'" (owned) */
};

struct sahifa_rules {
	struct seg_rule *items;
	size_t n, cap;
	size_t max_exact;    /* longest line or end phrase: longer lines need no folding */
	size_t file_start;   /* rules before the file being loaded (its limit is its own) */
};

/* Decode one code point at s (len > 0 bytes available); returns the bytes used (at
 * least 1) and sets *cp, SEG_INVALID_CP for an invalid sequence (1 byte used). */
size_t seg_utf8_next(const unsigned char *s, size_t len, uint32_t *cp);

/* The code point that ends at e in t (the line starting at b) in *cp, SEG_INVALID_CP
 * for an invalid sequence; returns its byte length (at least 1, e > b). */
size_t seg_prev_cp(const unsigned char *t, size_t b, size_t e, uint32_t *cp);

/* Fold text for matching into out (at most max code points): ASCII case, Arabic
 * diacritics and tatweel dropped, alef/yeh/teh marbuta/kaf variants unified, every
 * space and invisible mark as one space.  Returns the folded length, or max + 1 when
 * the text does not fit. */
size_t seg_fold(const char *s, size_t len, uint32_t *out, size_t max);

/* 1 when cp is part of a word (a letter, a digit or a combining mark). */
int seg_is_word(uint32_t cp);

/* The first chrome rule (line, prefix, contains, repeat, end) that matches the folded
 * line f[0..n) of chars code points; sentence is 1 when the line ends like a sentence.
 * NULL when none does. */
const struct seg_rule *seg_rules_chrome(const struct sahifa_rules *rules, const uint32_t *f,
					size_t n, size_t chars, int sentence);

/* The line t[0..len) opens with a byline phrase of the rules (folded in s->fold). */
int seg_byline_phrase(struct seg_state *s, const char *t, size_t len);

/* The first byline rule that matches the folded line f[0..n), or NULL. */
const struct seg_rule *seg_rules_byline(const struct sahifa_rules *rules, const uint32_t *f,
					size_t n);

/* src/text/segment_page.c.  seg_reflow finds hard-wrapped text (s->wrap) and joins
 * wrapped lines into blocks: the first line gets F_JOINED, nlines and bchars, the others
 * C_CONT.  seg_page_detect says whether the text is a whole web page; seg_page then
 * classifies every block of such a page: the article's run of prose stays C_CONTENT,
 * the headline, byline and captions get their class, the rest C_PAGE with a reason
 * (s->a->published is set from a dateline). */
void seg_reflow(struct seg_state *s);
/* Line k of a block joins line k - 1 with no space: a piece that inline markup split
 * off (F_TIGHT), or a wrap between two characters of a script without spaces. */
int seg_joins_tight(const struct seg_state *s, size_t k);
int seg_page_detect(struct seg_state *s);
enum sahifa_status seg_page(struct seg_state *s);
/* Detail text for a C_PAGE line (static storage). */
const char *seg_page_reason_detail(const struct seg_state *s, size_t i);
/* A page's byline t[0..len) as the record gives it, into out (len + 1 bytes, len at
 * most SEG_PAGE_BYLINE_MAX): without lynx's link numbers ("By [37]Erin Cunningham")
 * and the bullets of a meta list ("• by Bryan DeArdo"); returns its length. */
#define SEG_PAGE_BYLINE_MAX 1000
size_t seg_page_byline_text(const char *t, size_t len, char *out);
/* The line t[0..len) is an author's name with more after it, as a byline under a
 * headline gives it: a handle, an aside, a role after a comma or a relative time
 * ("Catherine Shu @catherineshu / 2 days", "Jane Doe, Staff Writer"); the same test a
 * page's byline search makes, with the stop words of every list. */
int seg_page_name_byline(const char *t, size_t len);
/* The authors the byline that line head starts names, added to s->a (as a page's
 * byline gives them: after "By", an Arabic or Persian cue, or a name line's name). */
enum sahifa_status seg_page_authors(struct seg_state *s, size_t head);
/* A page's headline as the record gives it: *t and *len moved past the link's number
 * that lynx prints before a title that links to its own page ("[64]Title"). */
void seg_page_title_text(const char **t, size_t *len);
/* A headline t[0..n) that html2text underlined as a link, more '_' than spaces in it
 * ("تحلیل_روزنامه_اصولگرا_از_..."), with its spaces back, in place, as a byline's are;
 * returns its length (underscores at its end dropped).  Any other is left as it is. */
size_t seg_page_underlined_title(char *t, size_t n);
/* html2text's heading markup dropped from a headline or heading t[0..len): the runs
 * of one to six stars on both sides ("****** Title ******"), or the opening run alone
 * when the wrap put the closing one on a line of its own; other stars are kept. */
void seg_page_strip_stars(const char **t, size_t *len);

#endif
