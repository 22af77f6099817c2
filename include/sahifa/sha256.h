/*
 * SHA-256 through OpenSSL's libcrypto (src/io/crypto_sha256.c is the only file that
 * includes it).  Streaming, so files of any size are hashed in constant memory.
 */
#ifndef SAHIFA_SHA256_H
#define SAHIFA_SHA256_H

#include <stddef.h>
#include <stdio.h>
#include "sahifa/error.h"

#ifdef __cplusplus
extern "C" {
#endif

struct sahifa_sha256;  /* opaque */

struct sahifa_sha256 *sahifa_sha256_new(void);           /* NULL when out of memory */
enum sahifa_status sahifa_sha256_update(struct sahifa_sha256 *h, const void *data, size_t len);
/* Write 64 lower-case hex digits and a NUL into hex[65]; h may be reused after. */
enum sahifa_status sahifa_sha256_final(struct sahifa_sha256 *h, char hex[65]);
void sahifa_sha256_free(struct sahifa_sha256 *h);        /* accepts NULL */

/* One-shot helpers. */
enum sahifa_status sahifa_sha256_hex(const void *data, size_t len, char hex[65]);
/* Hash a whole file; *bytes receives its size.  I/O errors fill err. */
enum sahifa_status sahifa_sha256_file(const char *path, char hex[65], unsigned long long *bytes,
				      struct sahifa_error *err);

#ifdef __cplusplus
}
#endif
#endif
