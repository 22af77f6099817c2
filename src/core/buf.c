/* struct sahifa_buf: growable buffer with a hard cap (see include/sahifa/buf.h). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sahifa/buf.h"
#include "sahifa/limits.h"

int sahifa_size_add(size_t a, size_t b, size_t *out)
{
	if (a > SIZE_MAX - b)
		return -1;
	*out = a + b;
	return 0;
}

int sahifa_size_mul(size_t a, size_t b, size_t *out)
{
	if (a && b > SIZE_MAX / a)
		return -1;
	*out = a * b;
	return 0;
}

char *sahifa_strndup(const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX)
		return NULL;
	p = malloc(n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *sahifa_strdup(const char *s)
{
	return sahifa_strndup(s, strlen(s));
}

void sahifa_buf_init(struct sahifa_buf *b, size_t max)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max ? max : SAHIFA_BUF_DEFAULT_MAX;
}

void sahifa_buf_release(struct sahifa_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void sahifa_buf_reset(struct sahifa_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

enum sahifa_status sahifa_buf_grow(struct sahifa_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (!b->max)
		b->max = SAHIFA_BUF_DEFAULT_MAX;
	if (sahifa_size_add(b->len, extra, &need) || need > b->max)
		return SAHIFA_ERR_LIMIT;
	if (need + 1 <= b->cap)
		return SAHIFA_OK;
	cap = b->cap ? b->cap : 64;
	while (cap < need + 1)
		cap = cap > SIZE_MAX / 2 ? need + 1 : cap * 2;
	if (cap > b->max + 1)
		cap = b->max + 1;
	p = realloc(b->data, cap);
	if (!p)
		return SAHIFA_ERR_NOMEM;
	b->data = p;
	b->cap = cap;
	return SAHIFA_OK;
}

enum sahifa_status sahifa_buf_append(struct sahifa_buf *b, const void *data, size_t len)
{
	enum sahifa_status st = sahifa_buf_grow(b, len);

	if (st)
		return st;
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
	return SAHIFA_OK;
}

enum sahifa_status sahifa_buf_append_str(struct sahifa_buf *b, const char *s)
{
	return sahifa_buf_append(b, s, strlen(s));
}

enum sahifa_status sahifa_buf_append_char(struct sahifa_buf *b, char c)
{
	return sahifa_buf_append(b, &c, 1);
}

enum sahifa_status sahifa_buf_vappendf(struct sahifa_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;
	enum sahifa_status st;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return SAHIFA_ERR_INTERNAL;
	st = sahifa_buf_grow(b, (size_t)n);
	if (st)
		return st;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return SAHIFA_OK;
}

enum sahifa_status sahifa_buf_appendf(struct sahifa_buf *b, const char *fmt, ...)
{
	va_list ap;
	enum sahifa_status st;

	va_start(ap, fmt);
	st = sahifa_buf_vappendf(b, fmt, ap);
	va_end(ap);
	return st;
}

char *sahifa_buf_detach(struct sahifa_buf *b, size_t *len)
{
	char *p = b->data;

	if (!p)
		p = sahifa_strndup("", 0);
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	return p;
}
