/*
 * What cJSON lets through but a strict reader must not (src/record/json_record.c):
 * cJSON keeps every member of an object with a repeated key and returns the first,
 * where Python, jq and pandas take the last, so a record with a repeated key means
 * different things to different readers.  Used by the record reader and by validate.
 */
#ifndef SAHIFA_JSON_STRICT_H
#define SAHIFA_JSON_STRICT_H

#include <stddef.h>

#include "sahifa/error.h"

/* 1 when some object in the cJSON tree v (a const cJSON *) repeats a key; the key is
 * copied (cut to size) into key.  0 otherwise. */
int shf_json_duplicate_key(const void *v, char *key, size_t size);

/* The escapes of a JSON string decoded into out as cJSON decodes them, from p (just
 * after the opening quote) up to the closing quote, which *close is set to; *n is the
 * number of bytes written, at most the string's own (out is not NUL-terminated).  -1
 * where cJSON would read the string otherwise than JSON means it (a NUL byte, a bad hex
 * digit, which it takes for U+0000, \u0000, a lone surrogate) or no quote ends it
 * before end.  Used by the record reader and validate's schema engine. */
int shf_json_unescape(const char *p, const char *end, char *out, const char **close,
		      size_t *n);

struct sahifa_article;

/* The two paths of sahifa_article_from_json (src/record/json_record.c), apart for the
 * tests that hold them to one another.  _cjson is the reference: the cJSON tree, every
 * check, the message of the first failure.  _direct reads the bytes straight into a,
 * which must be as sahifa_article_init leaves it: 1 when it built the article the
 * reference builds, 0 when it gave up (a left as it was, whatever the reason: a bad
 * record, a shape it does not take, no memory). */
enum sahifa_status shf_article_from_json_cjson(const char *json, size_t len,
					       struct sahifa_article *a, struct sahifa_error *err);
int shf_article_from_json_direct(const char *json, size_t len, struct sahifa_article *a);

/* _direct that also checks the bytes of every string and key are UTF-8 (the rest of a
 * record it reads is ASCII, and a NUL byte it gives up on): 1 when it built the article,
 * so the whole line is UTF-8 without a NUL; 0 as _direct's 0, or where a string is not
 * UTF-8.  For readers that would otherwise check the line first, one pass less. */
int shf_article_from_json_utf8(const char *json, size_t len, struct sahifa_article *a);

#endif
