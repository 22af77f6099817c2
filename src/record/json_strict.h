/*
 * What cJSON lets through but a strict reader must not (src/record/json_record.c):
 * cJSON keeps every member of an object with a repeated key and returns the first,
 * where Python, jq and pandas take the last, so a record with a repeated key means
 * different things to different readers.  Used by the record reader and by validate.
 */
#ifndef SAHIFA_JSON_STRICT_H
#define SAHIFA_JSON_STRICT_H

#include <stddef.h>

/* 1 when some object in the cJSON tree v (a const cJSON *) repeats a key; the key is
 * copied (cut to size) into key.  0 otherwise. */
int shf_json_duplicate_key(const void *v, char *key, size_t size);

#endif
