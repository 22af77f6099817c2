/*
 * struct sahifa_buf: the one growable byte buffer, with a hard cap.  Appends past the
 * cap fail with SAHIFA_ERR_LIMIT and leave the buffer as it was.  data is always
 * NUL-terminated when non-NULL; the buffer owns data.
 */
#ifndef SAHIFA_BUF_H
#define SAHIFA_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include "sahifa/error.h"

#ifdef __cplusplus
extern "C" {
#endif

struct sahifa_buf {
	char *data;  /* owned; NULL until the first append */
	size_t len;
	size_t cap;
	size_t max;  /* hard cap on len; 0 at init means SAHIFA_BUF_DEFAULT_MAX */
};

#define SAHIFA_BUF_INIT { NULL, 0, 0, 0 }

void sahifa_buf_init(struct sahifa_buf *b, size_t max);
/* Free the contents; the buffer may be reused after sahifa_buf_init. */
void sahifa_buf_release(struct sahifa_buf *b);
/* Keep the memory, set len to 0. */
void sahifa_buf_reset(struct sahifa_buf *b);
/* Make room for extra more bytes (plus the NUL). */
enum sahifa_status sahifa_buf_grow(struct sahifa_buf *b, size_t extra);
enum sahifa_status sahifa_buf_append(struct sahifa_buf *b, const void *data, size_t len);
enum sahifa_status sahifa_buf_append_str(struct sahifa_buf *b, const char *s);
enum sahifa_status sahifa_buf_append_char(struct sahifa_buf *b, char c);
enum sahifa_status sahifa_buf_appendf(struct sahifa_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
enum sahifa_status sahifa_buf_vappendf(struct sahifa_buf *b, const char *fmt, va_list ap);
/* Hand the data to the caller (who frees it) and leave the buffer empty. */
char *sahifa_buf_detach(struct sahifa_buf *b, size_t *len);

/* Overflow-checked size arithmetic: return 0 and set *out, or return -1. */
int sahifa_size_add(size_t a, size_t b, size_t *out);
int sahifa_size_mul(size_t a, size_t b, size_t *out);

/* strdup/strndup that return NULL on failure (never abort). */
char *sahifa_strdup(const char *s);
char *sahifa_strndup(const char *s, size_t n);

#ifdef __cplusplus
}
#endif
#endif
