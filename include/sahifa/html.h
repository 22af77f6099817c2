/*
 * HTML pages -> article records (src/html/): charset, parsing (libxml2, behind
 * src/html/html_parse.c), main-content extraction, structure from markup, metadata,
 * and every dropped text block kept in removed with its reason and source line.
 */
#ifndef SAHIFA_HTML_H
#define SAHIFA_HTML_H

#include <stddef.h>
#include "sahifa/article.h"
#include "sahifa/decode.h"
#include "sahifa/error.h"
#include "sahifa/segment.h"

#ifdef __cplusplus
extern "C" {
#endif

/* 1 when raw starts (after a BOM and white space) with markup: <!doctype, <html,
 * <head, <body, or a fragment's tag (<p, <div, <meta, <title, <link, <!-- ...) with
 * tags on at least one in ten of the lines of its first 64 KiB: text with a page's
 * markup printed at its top, as a text browser sometimes dumps it, stays text. */
int sahifa_html_sniff(const unsigned char *raw, size_t len);

/* 1 when a media type (e.g. "text/html; charset=utf-8") is HTML or XHTML. */
int sahifa_html_type(const char *content_type);

/* The charset a page's <meta charset> or http-equiv Content-Type declares in its first
 * bytes, into out (size bytes); 0 found, -1 none. */
int sahifa_html_meta_charset(const unsigned char *raw, size_t len, char *out, size_t size);

/* Convert one page into a (initialised; url may be set already and is kept).
 * transport_charset (an HTTP header's, or NULL) wins over the page's <meta>; the bytes
 * win over both when they do not fit (see sahifa_decode_declared).  Fills source
 * encoding, declared_encoding and format, the content and metadata, and stats.
 * rules (borrowed, may be NULL) are the chrome phrases also applied to text.
 * Errors: SAHIFA_ERR_DATA (not text, not a page), SAHIFA_ERR_LIMIT (limits.h),
 * SAHIFA_ERR_NOMEM; err->path is left for the caller. */
enum sahifa_status sahifa_html_convert(const struct sahifa_rules *rules,
				       const unsigned char *raw, size_t len,
				       const char *transport_charset,
				       enum sahifa_on_invalid on_invalid,
				       struct sahifa_article *a, struct sahifa_error *err);

#ifdef __cplusplus
}
#endif
#endif
