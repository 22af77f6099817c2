/*
 * An HTTP response as a WARC response record holds it (src/io/http.c): the status
 * line and headers, and the body with Transfer-Encoding: chunked and Content-Encoding
 * (gzip, x-gzip, deflate) undone.  No third-party header here; inflating goes through
 * src/io/zlib_inflate.c.
 */
#ifndef SAHIFA_IO_HTTP_H
#define SAHIFA_IO_HTTP_H

#include <stddef.h>
#include "sahifa/buf.h"
#include "sahifa/error.h"

enum sahifa_http_coding {
	SAHIFA_HTTP_IDENTITY = 0,
	SAHIFA_HTTP_GZIP,
	SAHIFA_HTTP_DEFLATE,
	SAHIFA_HTTP_OTHER            /* br, compress, ...: not undone */
};

struct sahifa_http_head {
	int status;                  /* e.g. 200 */
	size_t head_len;             /* bytes up to and with the blank line */
	char media_type[128];        /* Content-Type's type/subtype, lower case; "" if none */
	char charset[64];            /* its charset parameter; "" if none */
	int chunked;                 /* Transfer-Encoding ends in chunked */
	enum sahifa_http_coding coding;
};

/* Parse the head at the start of p[0..len).  Returns 1 when complete (h filled), 0 when
 * no blank line ends it within len bytes, -1 when it is no HTTP response. */
int shf_http_parse_head(const char *p, size_t len, struct sahifa_http_head *h);

/* Split a Content-Type value into its media type (lower case) and charset. */
void shf_http_content_type(const char *value, size_t len, char *media, size_t media_size,
			      char *charset, size_t charset_size);

/* 1 when the media type is an HTML one (text/html, application/xhtml+xml). */
int shf_http_is_html(const char *media_type);

/* The body with the transfer and content codings undone: *out and *out_len point into
 * body, tmp or dec (scratch buffers the caller owns and releases).  At most max bytes
 * come out: SAHIFA_ERR_LIMIT past it (a decompression bomb), SAHIFA_ERR_DATA when
 * the chunks or the compressed data are corrupt, or for a coding not undone (br, ...).
 * A body whose chunks or gzip header are missing although the head declares them (a
 * crawler that stored the decoded body) is taken as it is. */
enum sahifa_status shf_http_decode_body(const struct sahifa_http_head *h,
					   const unsigned char *body, size_t len, size_t max,
					   struct sahifa_buf *tmp, struct sahifa_buf *dec,
					   const unsigned char **out, size_t *out_len,
					   struct sahifa_error *err);

#endif
