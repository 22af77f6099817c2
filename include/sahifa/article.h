/*
 * The article record: the model every command shares.  convert builds it, the JSON
 * module writes and reads it (one JSON object per line, schema/article.schema.json),
 * pack and validate read it back.
 *
 * Ownership: a struct sahifa_article owns every string and array it points to;
 * sahifa_article_release() frees them all.  Text is UTF-8 in NFC, never rewritten
 * beyond that: normalization for matching happens in separate keys, not here.
 */
#ifndef SAHIFA_ARTICLE_H
#define SAHIFA_ARTICLE_H

#include <stddef.h>
#include <stdint.h>
#include "sahifa/buf.h"
#include "sahifa/error.h"
#include "sahifa/utf8.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped on any change of the record's shape (pack's CHANGES.md calls that major). */
#define SAHIFA_SCHEMA_VERSION "2.0.0"

#define SAHIFA_ID_HEX 32        /* id: the first 128 bits of SHA-256(raw bytes), hex */
#define SAHIFA_LANG_MAX 16      /* "und", "ar", "ckb", ... */
#define SAHIFA_SCRIPT_MAX 8     /* ISO 15924: "Arab", "Zyyy" */
#define SAHIFA_ENCODING_MAX 32  /* IANA charset name */
#define SAHIFA_MAX_SCRIPTS 8    /* script proportions kept per record */

enum sahifa_kind {
	SAHIFA_KIND_PARAGRAPH = 0,
	SAHIFA_KIND_LIST_ITEM,
	SAHIFA_KIND_QUOTE
};

/* Why a line or block is not content.  The closed list the schema enumerates; the names
 * are in src/record/article.c in this order.  Add at the end only. */
enum sahifa_reason {
	SAHIFA_REASON_CHROME = 0,     /* the line matches a phrase of a rules file */
	SAHIFA_REASON_CHROME_BLOCK,   /* chrome by position: a block after the article ended */
	SAHIFA_REASON_BULLET_MARKER,  /* a bullet alone on its line; its item follows */
	SAHIFA_REASON_CAPTION_COPY,   /* the second copy of a caption printed twice */
	SAHIFA_REASON_NAV,            /* navigation: <nav>, a menu role, breadcrumbs */
	SAHIFA_REASON_HEADER,         /* the page's header band */
	SAHIFA_REASON_FOOTER,         /* the page's footer band */
	SAHIFA_REASON_ASIDE,          /* a sidebar or aside */
	SAHIFA_REASON_COMMENT,        /* reader comments */
	SAHIFA_REASON_SHARE,          /* share and follow widgets */
	SAHIFA_REASON_RELATED,        /* related, recommended, "read also", repeated teasers */
	SAHIFA_REASON_AD,             /* advertising and promotion */
	SAHIFA_REASON_LINK_DENSE,     /* a block that is mostly link text */
	SAHIFA_REASON_HIDDEN,         /* hidden from the reader (hidden, aria-hidden, display:none) */
	SAHIFA_REASON_FORM,           /* forms, inputs, "[ ]" form residue */
	SAHIFA_REASON_MENU,           /* a run of short menu-like lines */
	SAHIFA_REASON_LINK_LIST,      /* a list of links or teaser headlines */
	SAHIFA_REASON_SHORT_BLOCK,    /* short text outside the article's run of prose */
	SAHIFA_REASON_COOKIE,         /* cookie and consent notices */
	SAHIFA_REASON_NEWSLETTER,     /* newsletter and subscription boxes */
	SAHIFA_REASON_CREDIT,         /* a photo credit line */
	SAHIFA_REASON_TABLE,          /* a layout or data table not kept as content */
	SAHIFA_REASON_OUTSIDE,        /* text outside the block chosen as the main content */
	SAHIFA_REASON_TITLE_COPY,     /* a repeat of the headline */
	SAHIFA_REASON_DATELINE,       /* a date, time or reading-time line kept as metadata */
	SAHIFA_REASON_COUNT
};

struct sahifa_langtag {
	char lang[SAHIFA_LANG_MAX];      /* BCP 47 language subtag, "und" when unknown */
	char script[SAHIFA_SCRIPT_MAX];  /* ISO 15924 code, "Zyyy" when no letters */
	double confidence;               /* 0..1 */
};

struct sahifa_paragraph {
	char *text;
	size_t len;                      /* strlen(text), kept by whoever changes text */
	enum sahifa_kind kind;
	long line;                       /* first source line, 1-based */
	long lines;                      /* source lines it spans (hard-wrapped text joined),
					  * at least 1; not in the JSON */
	struct sahifa_langtag tag;
};

struct sahifa_section {
	char *heading;                   /* NULL: body before the first heading */
	int level;                       /* 1 for a section without heading, 2 heading, 3 subheading */
	long line;                       /* heading's line, 0 when heading is NULL */
	struct sahifa_paragraph *paragraphs;
	size_t n_paragraphs, cap_paragraphs;
};

struct sahifa_caption {
	char *text;
	long line;
	struct sahifa_langtag tag;
};

struct sahifa_removed {
	long line;
	char *text;
	enum sahifa_reason reason;
	char *detail;                    /* what matched or why the position counts; may be NULL */
};

struct sahifa_script_share {
	char script[SAHIFA_SCRIPT_MAX];
	double share;                    /* proportion of letters, 0..1 */
};

/* Where a record of a WARC file came from: enough to fetch the exact record again. */
struct sahifa_warc_ref {
	char *file;                      /* the WARC path as given */
	uint64_t offset;                 /* byte offset of the record (of its gzip member) */
	char *record_id;                 /* WARC-Record-ID, e.g. "<urn:uuid:...>" */
	char *date;                      /* WARC-Date, ISO 8601 */
	char *target_uri;                /* WARC-Target-URI; NULL when absent */
};

struct sahifa_source {
	char *name;                      /* the input path as given, "-" for stdin */
	char *member;                    /* archive member name, NULL when not from an archive */
	uint64_t bytes;                  /* raw size (of the payload, for a WARC record) */
	char sha256[65];                 /* of the raw bytes, lower-case hex */
	char encoding[SAHIFA_ENCODING_MAX]; /* IANA name of the charset the text was decoded from */
	char *declared_encoding;         /* charset the input declared (HTTP header, <meta>), NULL
					  * when none; differs from encoding when the bytes said
					  * otherwise */
	char format[16];                 /* "text" or "html" */
	int has_warc;                    /* warc is filled */
	struct sahifa_warc_ref warc;
};

struct sahifa_stats {
	uint64_t lines;                  /* physical lines in the decoded text */
	uint64_t blank_lines;            /* lines with nothing but spaces or invisible marks */
	uint64_t sections;
	uint64_t paragraphs;
	uint64_t captions;
	uint64_t removed;
	uint64_t characters;             /* code points in paragraph texts */
	uint64_t words;                  /* space-separated tokens with a letter or digit */
	uint64_t replaced;               /* invalid input bytes replaced by U+FFFD */
	uint64_t marks_trimmed;          /* invisible marks dropped from line ends */
};

/* Quality signals of the body (src/corpus/quality.c computes them; sahifa filter reads
 * them).  Lines are the paragraphs, words their space-separated tokens, all over the
 * normalized match key (NFKC, case folded, Arabic spelling variants merged).  Plain
 * data: no pointers.  present 0: not computed (the JSON has no "quality" member). */
#define SAHIFA_QUALITY_TOP_NGRAMS 3     /* most common 2-, 3-, 4-gram */
#define SAHIFA_QUALITY_DUP_NGRAMS 6     /* duplicated 5- to 10-grams */
struct sahifa_quality {
	int present;
	uint64_t lines;                  /* paragraphs */
	uint64_t words;
	uint64_t sentences;              /* . ! ? ؟ ۔ … followed by a space or the line's end */
	double mean_word_length;         /* code points per word */
	double terminal_punct_lines;     /* share of lines ending in . ! ? ؟ ۔ ، … (quotes aside) */
	double ellipsis_lines;           /* share of lines ending in ... or … */
	double short_lines;              /* share of lines under 30 code points */
	double list_items;               /* share of lines that are list items */
	double symbol_word_ratio;        /* (# and ellipses) per word */
	double letter_share;             /* letters among non-space code points */
	double alpha_words;              /* share of words with a letter */
	double dup_lines;                /* share of lines equal to an earlier line */
	double dup_line_chars;           /* share of characters in those lines */
	double top_ngram_chars[SAHIFA_QUALITY_TOP_NGRAMS]; /* chars of the most common n-gram */
	double dup_ngram_chars[SAHIFA_QUALITY_DUP_NGRAMS]; /* chars of words in repeated n-grams */
	char stopword_lang[SAHIFA_LANG_MAX]; /* the list used; "" when the language has none */
	uint64_t stopwords;              /* words in that list */
	double stopword_share;           /* stopwords / words */
};

struct sahifa_article {
	char id[SAHIFA_ID_HEX + 1];
	struct sahifa_source source;
	char *headline;                  /* NULL when the article starts straight in the story */
	char *byline;                    /* NULL when there is none */
	long headline_line, byline_line; /* their source lines; 0 when NULL (not in the JSON) */
	long headline_lines;             /* source lines the headline spans (not in the JSON) */
	long byline_lines;               /* and the byline (hard-wrapped text; not in the JSON) */
	/* Page metadata; each NULL when absent. */
	char *url;                       /* WARC target URI, else canonical or og:url */
	char **authors;                  /* names, in the order found */
	size_t n_authors, cap_authors;
	char *published, *modified;      /* ISO 8601 date or date-time */
	char *site_name;
	char *description;
	char *html_lang;                 /* the language the page declares, kept beside lang */
	struct sahifa_langtag tag;       /* document language, from the paragraphs */
	struct sahifa_script_share scripts[SAHIFA_MAX_SCRIPTS];
	size_t n_scripts;                /* sorted by share, descending */
	struct sahifa_section *sections;
	size_t n_sections, cap_sections;
	struct sahifa_caption *captions;
	size_t n_captions, cap_captions;
	struct sahifa_removed *removed;
	size_t n_removed, cap_removed;
	struct sahifa_stats stats;
	struct sahifa_quality quality;
};

void sahifa_article_init(struct sahifa_article *a);
void sahifa_article_release(struct sahifa_article *a);

/* Adders copy text (len bytes); they return the new element or NULL when out of memory. */
struct sahifa_section *sahifa_article_add_section(struct sahifa_article *a, const char *heading,
						  size_t len, int level, long line);
struct sahifa_paragraph *sahifa_section_add_paragraph(struct sahifa_section *s, const char *text,
						      size_t len, enum sahifa_kind kind, long line);
struct sahifa_caption *sahifa_article_add_caption(struct sahifa_article *a, const char *text,
						  size_t len, long line);
struct sahifa_removed *sahifa_article_add_removed(struct sahifa_article *a, long line,
						  const char *text, size_t len,
						  enum sahifa_reason reason, const char *detail);
/* Append a copy of an author name (len bytes); an equal name already there is not added. */
enum sahifa_status sahifa_article_add_author(struct sahifa_article *a, const char *name,
					     size_t len);
/* Replace a string field (headline, byline, ...): frees the old value, copies len bytes. */
enum sahifa_status sahifa_article_set_str(char **field, const char *text, size_t len);

/* Recount stats.sections, paragraphs, captions, removed, characters and words from the
 * content (lines, blank_lines, replaced and marks_trimmed are left as they are). */
void sahifa_article_count(struct sahifa_article *a);

/* The numeric members of struct sahifa_quality by their JSON name, in JSON order
 * (src/record/article.c): the writer, the reader and sahifa filter share this table. */
struct sahifa_quality_field {
	const char *name;
	size_t name_len;                 /* strlen(name) */
	size_t offset;                   /* of a double, or of a uint64_t when count is 1 */
	int count;
};
extern const struct sahifa_quality_field sahifa_quality_fields[];
extern const size_t sahifa_quality_n_fields;
/* The value of a field as a double. */
double sahifa_quality_value(const struct sahifa_quality *q, const struct sahifa_quality_field *f);
/* The field named name, or NULL. */
const struct sahifa_quality_field *sahifa_quality_field_find(const char *name);

const char *sahifa_kind_name(enum sahifa_kind kind);
int sahifa_kind_parse(const char *name, enum sahifa_kind *out);      /* 0 ok, -1 unknown */
const char *sahifa_reason_name(enum sahifa_reason reason);
int sahifa_reason_parse(const char *name, enum sahifa_reason *out);  /* 0 ok, -1 unknown */

/* JSON (src/record/json_record.c).  to_json appends one line without the newline; its bytes
 * depend only on the article.  from_json fills an initialised article from one JSON
 * object; it checks the shape it needs, not the whole schema (that is validate's job). */
enum sahifa_status sahifa_article_to_json(const struct sahifa_article *a, struct sahifa_buf *out,
					  struct sahifa_error *err);
enum sahifa_status sahifa_article_from_json(const char *json, size_t len, struct sahifa_article *a,
					    struct sahifa_error *err);

#ifdef __cplusplus
}
#endif
#endif
