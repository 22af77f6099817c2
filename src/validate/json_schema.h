/*
 * The JSON side of validate (src/validate/json_schema.c, one of the files that include cJSON):
 * a strict parser for one JSON text, a read-only facade over the parsed value for the
 * release checks, and a JSON Schema (draft 2020-12) validator compiled once and run
 * on every row.  schema/README.md lists the keywords supported; a schema that uses
 * any other keyword fails to compile, it is never silently ignored.
 */
#ifndef SAHIFA_JSON_SCHEMA_H
#define SAHIFA_JSON_SCHEMA_H

#include <stddef.h>
#include "sahifa/error.h"
#include "sahifa/utf8.h"

struct sahifa_json;    /* a parsed JSON value; opaque (a cJSON tree inside) */
struct sahifa_schema;  /* a compiled schema; opaque; not thread-safe (regex state) */

enum shf_json_type {
	SAHIFA_JSON_NONE = 0,  /* no value (a missing member) */
	SAHIFA_JSON_NULL,
	SAHIFA_JSON_BOOL,
	SAHIFA_JSON_NUMBER,
	SAHIFA_JSON_STRING,
	SAHIFA_JSON_ARRAY,
	SAHIFA_JSON_OBJECT
};

/* Parse exactly one JSON value from text[0..len) (surrounding white space allowed).
 * Stricter than cJSON alone: invalid UTF-8 (overlong forms, surrogates, truncated
 * sequences), raw control characters in strings, numbers outside the JSON grammar,
 * nesting deeper than SAHIFA_MAX_JSON_DEPTH (checked before cJSON recurses), empty
 * input and content after the value all fail with SAHIFA_ERR_DATA (depth: LIMIT),
 * err->col set to the 1-based column in code points and err->line to 0.
 * *out is owned by the caller: shf_json_free(). */
enum sahifa_status shf_json_parse(const char *text, size_t len, struct sahifa_json **out,
				     struct sahifa_error *err);
void shf_json_free(struct sahifa_json *v);  /* accepts NULL */
/* The reference path alone: the strict prescan, cJSON and the duplicate-key check.
 * shf_json_parse() first tries one pass of its own over the text and leaves to this
 * path every text it does not take, so both must agree on every text: the same
 * status, message and column, and the same value (shf_json_same).  For the tests. */
enum sahifa_status shf_json_parse_reference(const char *text, size_t len,
					       struct sahifa_json **out, struct sahifa_error *err);
/* 1 when a and b are the same parsed value, down to member order, key names, number
 * bits and cJSON's int copy; 0 otherwise. */
int shf_json_same(const struct sahifa_json *a, const struct sahifa_json *b);

/* Read-only access; every function accepts NULL and then answers "none". */
enum shf_json_type shf_json_type(const struct sahifa_json *v);
const struct sahifa_json *shf_json_get(const struct sahifa_json *obj, const char *key);
const struct sahifa_json *shf_json_child(const struct sahifa_json *v);  /* first item */
const struct sahifa_json *shf_json_next(const struct sahifa_json *v);   /* next sibling */
const char *shf_json_key(const struct sahifa_json *member);             /* object member name */
size_t shf_json_size(const struct sahifa_json *v);                      /* items or members */
const char *shf_json_string(const struct sahifa_json *v);               /* NULL unless a string */
double shf_json_number(const struct sahifa_json *v);                    /* 0 unless a number */
int shf_json_true(const struct sahifa_json *v);                         /* 1 for true only */
/* 1 when v is a number with no fractional part within +-2^53; *out receives it. */
int shf_json_integer(const struct sahifa_json *v, long long *out);

/* Compile a schema from JSON text.  Local $ref ("#", "#/$defs/x", any "#/..." pointer)
 * are resolved and every pattern compiled here, once.  An unsupported keyword, a bad
 * keyword value or an unresolved $ref fails with SAHIFA_ERR_DATA and err->where naming
 * the place in the schema.  *out is owned by the caller: shf_schema_free(). */
enum sahifa_status shf_schema_compile(const char *text, size_t len, struct sahifa_schema **out,
					 struct sahifa_error *err);
void shf_schema_free(struct sahifa_schema *s);  /* accepts NULL */
/* A second, independent compilation of s (its own regex state), for another thread:
 * each thread validates with its own copy.  *out is owned by the caller. */
enum sahifa_status shf_schema_copy(const struct sahifa_schema *s, struct sahifa_schema **out,
				      struct sahifa_error *err);

/* Called once per violation: where is the JSON pointer into the instance ("" for the
 * root), msg a lower-case message.  Return 0 to go on, non-zero to stop. */
typedef int (*sahifa_schema_fn)(void *ctx, const char *where, const char *msg);

/* Validate v against s; returns the number of violations reported (0: valid). */
size_t shf_schema_validate(struct sahifa_schema *s, const struct sahifa_json *v,
			      sahifa_schema_fn fn, void *ctx);

/* 1-based column in code points of byte offset off in text. */
long shf_utf8_column(const char *text, size_t off);

#endif
