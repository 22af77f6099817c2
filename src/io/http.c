/* HTTP responses inside WARC records (src/io/http.h). */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "io/http.h"
#include "io/zlib_inflate.h"

static int ieq(const char *a, size_t n, const char *lit)
{
	return strlen(lit) == n && !strncasecmp(a, lit, n);
}

static void trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r'))
		(*n)--;
}

static void copy_lower(char *out, size_t size, const char *s, size_t n, int lower)
{
	size_t i, k = 0;

	for (i = 0; i < n && k + 1 < size; i++)
		out[k++] = lower ? (char)tolower((unsigned char)s[i]) : s[i];
	out[k] = '\0';
}

void shf_http_content_type(const char *v, size_t len, char *media, size_t media_size,
			      char *charset, size_t charset_size)
{
	const char *semi = memchr(v, ';', len), *p, *end = v + len;
	size_t n = semi ? (size_t)(semi - v) : len;
	const char *t = v;

	media[0] = charset[0] = '\0';
	trim(&t, &n);
	copy_lower(media, media_size, t, n, 1);
	for (p = semi; p && p < end; p = memchr(p + 1, ';', (size_t)(end - p - 1))) {
		const char *q = p + 1, *eq, *next = memchr(q, ';', (size_t)(end - q));
		size_t pn = (size_t)((next ? next : end) - q), nn, vn;

		eq = memchr(q, '=', pn);
		if (!eq)
			continue;
		nn = (size_t)(eq - q);
		trim(&q, &nn);
		if (!ieq(q, nn, "charset"))
			continue;
		t = eq + 1;
		vn = (size_t)((next ? next : end) - t);
		trim(&t, &vn);
		if (vn >= 2 && (t[0] == '"' || t[0] == '\'') && t[vn - 1] == t[0])
			t++, vn -= 2;
		copy_lower(charset, charset_size, t, vn, 0);
		break;
	}
}

int shf_http_is_html(const char *m)
{
	return !strcmp(m, "text/html") || !strcmp(m, "application/xhtml+xml");
}

/* The last comma-separated token of a header value. */
static void last_token(const char *v, size_t n, const char **t, size_t *tn)
{
	const char *c = v + n;

	while (c > v && c[-1] != ',')
		c--;
	*t = c;
	*tn = (size_t)(v + n - c);
	trim(t, tn);
}

int shf_http_parse_head(const char *p, size_t len, struct sahifa_http_head *h)
{
	const char *end = p + len, *line = p;
	int first = 1;

	memset(h, 0, sizeof(*h));
	if (len >= 5 && memcmp(p, "HTTP/", 5))
		return -1;
	while (line < end) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		size_t n;

		if (!nl)
			return first && len < 5 ? 0 : 0;
		n = (size_t)(nl - line);
		if (n && line[n - 1] == '\r')
			n--;
		if (first) {
			/* HTTP/1.1 200 OK */
			const char *sp = memchr(line, ' ', n);
			int k, code = 0;

			if (n < 5 || memcmp(line, "HTTP/", 5) || !sp)
				return -1;
			for (k = 1; k <= 3; k++) {
				if (sp + k >= line + n || !isdigit((unsigned char)sp[k]))
					return -1;
				code = code * 10 + (sp[k] - '0');
			}
			h->status = code;
			first = 0;
		} else if (n == 0) {
			h->head_len = (size_t)(nl + 1 - p);
			return 1;
		} else {
			const char *colon = memchr(line, ':', n), *v;
			size_t nn, vn;

			if (colon) {
				nn = (size_t)(colon - line);
				v = colon + 1;
				vn = n - nn - 1;
				trim(&v, &vn);
				if (ieq(line, nn, "Content-Type") && !h->media_type[0]) {
					shf_http_content_type(v, vn, h->media_type,
								 sizeof(h->media_type), h->charset,
								 sizeof(h->charset));
				} else if (ieq(line, nn, "Transfer-Encoding")) {
					const char *t;
					size_t tn;

					last_token(v, vn, &t, &tn);
					h->chunked = ieq(t, tn, "chunked");
				} else if (ieq(line, nn, "Content-Encoding")) {
					const char *t;
					size_t tn;

					last_token(v, vn, &t, &tn);
					if (tn == 0 || ieq(t, tn, "identity"))
						h->coding = SAHIFA_HTTP_IDENTITY;
					else if (ieq(t, tn, "gzip") || ieq(t, tn, "x-gzip"))
						h->coding = SAHIFA_HTTP_GZIP;
					else if (ieq(t, tn, "deflate"))
						h->coding = SAHIFA_HTTP_DEFLATE;
					else
						h->coding = SAHIFA_HTTP_OTHER;
				}
			}
		}
		line = nl + 1;
	}
	return 0;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Undo chunked transfer coding into out.  1 done, 0 not chunked at all (no size line
 * first), -1 corrupt or cut (err filled). */
static int dechunk(const unsigned char *p, size_t len, size_t max, struct sahifa_buf *out,
		   struct sahifa_error *err)
{
	size_t i = 0;
	int first = 1;

	for (;;) {
		unsigned long long size = 0;
		int digits = 0, v;

		while (i < len && (v = hexval(p[i])) >= 0) {
			if (size > (1ULL << 40)) {
				sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0, "bad chunk size");
				return -1;
			}
			size = size * 16 + (unsigned)v;
			i++;
			digits++;
		}
		if (!digits) {
			if (first)
				return 0;
			if (i >= len)
				return 1;  /* cut after a chunk: keep what came */
			sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0, "bad chunk size line");
			return -1;
		}
		/* chunk extensions, then CRLF */
		while (i < len && p[i] != '\n')
			i++;
		if (i >= len) {
			if (first)
				return 0;
			sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0, "truncated chunk");
			return -1;
		}
		i++;
		first = 0;
		if (size == 0)
			return 1;
		if (size > len - i) {
			sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
					 "truncated chunk: %llu bytes declared, %zu there", size,
					 len - i);
			return -1;
		}
		if (out->len + size > max) {
			sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0,
					 "body larger than %zu bytes", max);
			return -1;
		}
		if (sahifa_buf_append(out, p + i, (size_t)size)) {
			sahifa_error_nomem(err, NULL);
			return -1;
		}
		i += (size_t)size;
		if (i < len && p[i] == '\r')
			i++;
		if (i < len && p[i] == '\n')
			i++;
	}
}

enum sahifa_status shf_http_decode_body(const struct sahifa_http_head *h,
					   const unsigned char *body, size_t len, size_t max,
					   struct sahifa_buf *tmp, struct sahifa_buf *dec,
					   const unsigned char **out, size_t *out_len,
					   struct sahifa_error *err)
{
	enum sahifa_status st;

	*out = body;
	*out_len = len;
	if (h->chunked) {
		int rc;

		sahifa_buf_reset(tmp);
		rc = dechunk(body, len, max, tmp, err);
		if (rc < 0)
			return err ? err->status : SAHIFA_ERR_DATA;
		if (rc > 0) {
			*out = (const unsigned char *)(tmp->data ? tmp->data : "");
			*out_len = tmp->len;
		}
	}
	if (h->coding == SAHIFA_HTTP_OTHER)
		return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
					"unsupported Content-Encoding (not gzip or deflate)");
	if (h->coding == SAHIFA_HTTP_GZIP || h->coding == SAHIFA_HTTP_DEFLATE) {
		const unsigned char *in = *out;
		size_t n = *out_len;

		if (h->coding == SAHIFA_HTTP_GZIP && !(n >= 2 && in[0] == 0x1F && in[1] == 0x8B))
			return SAHIFA_OK;  /* stored decoded */
		sahifa_buf_reset(dec);
		st = shf_inflate_mem(in, n, h->coding == SAHIFA_HTTP_GZIP ? SAHIFA_CODING_GZIP
									: SAHIFA_CODING_DEFLATE,
					max, dec, err);
		if (st)
			return st;
		*out = (const unsigned char *)(dec->data ? dec->data : "");
		*out_len = dec->len;
	}
	if (*out_len > max)
		return sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0,
					"body larger than %zu bytes", max);
	return SAHIFA_OK;
}
