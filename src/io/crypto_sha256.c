/* SHA-256 over OpenSSL's EVP interface: the only file that includes libcrypto. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pthread.h>

#include <openssl/evp.h>

#include "sahifa/sha256.h"

struct sahifa_sha256 {
	EVP_MD_CTX *ctx;
};

/* The SHA-256 implementation, fetched from the default provider once: EVP_sha256()
 * makes every init look it up again (a tenth of the instructions of hashing one
 * article). It lives as long as the process, like the provider it comes from. */
static EVP_MD *sha256_md;
static pthread_once_t sha256_once = PTHREAD_ONCE_INIT;

static void sha256_fetch(void)
{
	sha256_md = EVP_MD_fetch(NULL, "SHA256", NULL);
}

static const EVP_MD *sha256(void)
{
	pthread_once(&sha256_once, sha256_fetch);
	return sha256_md ? sha256_md : EVP_sha256();
}

static void to_hex(const unsigned char md[32], char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	int i;

	for (i = 0; i < 32; i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 15];
	}
	hex[64] = '\0';
}

struct sahifa_sha256 *sahifa_sha256_new(void)
{
	struct sahifa_sha256 *h = calloc(1, sizeof(*h));

	if (!h)
		return NULL;
	h->ctx = EVP_MD_CTX_new();
	if (!h->ctx || EVP_DigestInit_ex(h->ctx, sha256(), NULL) != 1) {
		sahifa_sha256_free(h);
		return NULL;
	}
	return h;
}

enum sahifa_status sahifa_sha256_update(struct sahifa_sha256 *h, const void *data, size_t len)
{
	if (len && EVP_DigestUpdate(h->ctx, data, len) != 1)
		return SAHIFA_ERR_INTERNAL;
	return SAHIFA_OK;
}

enum sahifa_status sahifa_sha256_final(struct sahifa_sha256 *h, char hex[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;

	if (EVP_DigestFinal_ex(h->ctx, md, &n) != 1 || n != 32)
		return SAHIFA_ERR_INTERNAL;
	to_hex(md, hex);
	if (EVP_DigestInit_ex(h->ctx, sha256(), NULL) != 1)
		return SAHIFA_ERR_INTERNAL;
	return SAHIFA_OK;
}

void sahifa_sha256_free(struct sahifa_sha256 *h)
{
	if (!h)
		return;
	EVP_MD_CTX_free(h->ctx);
	free(h);
}

enum sahifa_status sahifa_sha256_hex(const void *data, size_t len, char hex[65])
{
	unsigned int n = 0;
	unsigned char md[EVP_MAX_MD_SIZE];

	if (EVP_Digest(data, len, md, &n, sha256(), NULL) != 1 || n != 32)
		return SAHIFA_ERR_INTERNAL;
	to_hex(md, hex);
	return SAHIFA_OK;
}

enum sahifa_status sahifa_sha256_file(const char *path, char hex[65], unsigned long long *bytes,
				      struct sahifa_error *err)
{
	unsigned char buf[1 << 16];
	struct sahifa_sha256 *h;
	unsigned long long total = 0;
	enum sahifa_status st = SAHIFA_OK;
	FILE *fp = fopen(path, "rb");
	size_t n;

	if (!fp)
		return sahifa_error_set(err, SAHIFA_ERR_IO, path, 0, 0, "cannot open: %s",
					strerror(errno));
	h = sahifa_sha256_new();
	if (!h) {
		fclose(fp);
		return sahifa_error_nomem(err, path);
	}
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0) {
		total += n;
		if ((st = sahifa_sha256_update(h, buf, n)))
			break;
	}
	if (!st && ferror(fp))
		st = sahifa_error_set(err, SAHIFA_ERR_IO, path, 0, 0, "read error: %s",
				      strerror(errno));
	else if (!st)
		st = sahifa_sha256_final(h, hex);
	fclose(fp);
	sahifa_sha256_free(h);
	if (bytes)
		*bytes = total;
	return st;
}
