/* Is it HTML, and what charset does it declare (include/sahifa/html.h)? */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "sahifa/html.h"

#define SNIFF_BYTES 1024
/* How far a page that starts with a fragment's tag is read for its other lines'
 * markup, and how many non-blank lines it needs there before their lack of tags says
 * that it is text with some markup on top (a text browser's dump that printed a
 * page's head as it was) rather than an HTML fragment. */
#define MARKUP_SCAN_BYTES 65536
#define MARKUP_MIN_LINES 20
#define META_SCAN_BYTES 4096

static int starts_ci(const unsigned char *s, size_t len, const char *w)
{
	size_t n = strlen(w);

	return len >= n && !strncasecmp((const char *)s, w, n);
}

/* 1 when a tag opens at s: '<' then a letter, '/' or '!'. */
static int tag_at(const unsigned char *s, const unsigned char *end)
{
	return s + 1 < end && s[0] == '<' &&
	       (isalpha(s[1]) || s[1] == '/' || s[1] == '!');
}

/* 1 when at least one in ten of the non-blank lines of raw's first MARKUP_SCAN_BYTES
 * holds a tag, or there are too few lines to tell: an HTML fragment has tags all
 * through it, where a text dump with a page's markup printed at its top has none
 * after it. */
static int markup_throughout(const unsigned char *raw, size_t len)
{
	const unsigned char *p = raw, *end = raw + (len > MARKUP_SCAN_BYTES ? MARKUP_SCAN_BYTES : len);
	size_t lines = 0, tagged = 0;

	while (p < end) {
		const unsigned char *nl = memchr(p, '\n', (size_t)(end - p)), *q;
		const unsigned char *e = nl ? nl : end;
		int text = 0, tag = 0;

		for (q = p; q < e && !tag; q++) {
			if (*q == '<' && tag_at(q, e))
				tag = 1;
			else if (*q != ' ' && *q != '\t' && *q != '\r')
				text = 1;
		}
		lines += text || tag;
		tagged += tag;
		p = nl ? nl + 1 : end;
	}
	return lines < MARKUP_MIN_LINES || tagged * 10 >= lines;
}

int sahifa_html_sniff(const unsigned char *raw, size_t len)
{
	size_t full = len;
	static const char *const starts[] = { "<!doctype html", "<html", "<head", "<body",
		"<p>", "<p ", "<div", "<meta", "<title", "<!--", "<?xml", "<article", "<h1",
		"<table", "<link", "<script", "<style", "<br", "<section", "<main" };
	size_t i = 0, k;

	if (len > SNIFF_BYTES)
		len = SNIFF_BYTES;
	if (len >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF)
		i = 3;
	while (i < len && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n' || raw[i] == '\r' ||
			   raw[i] == '\f'))
		i++;
	for (k = 0; k < sizeof(starts) / sizeof(starts[0]); k++)
		if (starts_ci(raw + i, len - i, starts[k])) {
			/* an XML prolog or comment alone is not enough: look for a tag */
			if (k == 9 || k == 10) {
				size_t j;

				for (j = i + 4; j + 5 < len; j++)
					if (raw[j] == '<' && (starts_ci(raw + j, len - j, "<html") ||
							      starts_ci(raw + j, len - j, "<!doctype html") ||
							      starts_ci(raw + j, len - j, "<head") ||
							      starts_ci(raw + j, len - j, "<body")))
						return 1;
				return 0;
			}
			/* a document's start is enough; a fragment's tag needs markup after it */
			return k < 4 || markup_throughout(raw, full);
		}
	return 0;
}

int sahifa_html_type(const char *ct)
{
	size_t n;

	if (!ct)
		return 0;
	while (*ct == ' ')
		ct++;
	n = strcspn(ct, "; ");
	return (n == 9 && !strncasecmp(ct, "text/html", 9)) ||
	       (n == 21 && !strncasecmp(ct, "application/xhtml+xml", 21));
}

/* The charset= value at s (after "charset"), quotes and spaces skipped. */
static int charset_value(const unsigned char *s, const unsigned char *end, char *out, size_t size)
{
	size_t n = 0;

	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	if (s >= end || *s != '=')
		return -1;
	s++;
	while (s < end && (*s == ' ' || *s == '\t' || *s == '"' || *s == '\''))
		s++;
	while (s < end && (isalnum(*s) || *s == '-' || *s == '_' || *s == '.' || *s == ':') &&
	       n + 1 < size)
		out[n++] = (char)*s++;
	out[n] = '\0';
	return n ? 0 : -1;
}

int sahifa_html_meta_charset(const unsigned char *raw, size_t len, char *out, size_t size)
{
	size_t i;

	if (len > META_SCAN_BYTES)
		len = META_SCAN_BYTES;
	for (i = 0; i + 5 < len; i++) {
		const unsigned char *tag, *end;
		size_t j;

		if (raw[i] != '<' || strncasecmp((const char *)raw + i, "<meta", 5))
			continue;
		tag = raw + i;
		end = memchr(tag, '>', len - i);
		if (!end)
			return -1;
		for (j = 5; tag + j + 7 <= end; j++)
			if (!strncasecmp((const char *)tag + j, "charset", 7) &&
			    !charset_value(tag + j + 7, end, out, size))
				return 0;
		i = (size_t)(end - raw);
	}
	return -1;
}
