/*
 * A byte source read through a callback, so that a reader of records (WARC, gzip
 * members) reads from an archive member as it reads from a file descriptor.
 */
#ifndef SAHIFA_IO_SOURCE_H
#define SAHIFA_IO_SOURCE_H

#include <stddef.h>
#include "sahifa/error.h"

/* Up to size bytes into buf: the count, 0 at the end, -1 on an error (err filled:
 * SAHIFA_ERR_IO for a failed read, SAHIFA_ERR_DATA for corrupt data, SAHIFA_ERR_LIMIT
 * past a sanity limit). */
typedef long long (*shf_read_fn)(void *ctx, void *buf, size_t size, struct sahifa_error *err);

#endif
