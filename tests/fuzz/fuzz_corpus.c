/*
 * libFuzzer harness for the corpus stage's parsers and measures: the input is read as
 * a thresholds file (parsed, printed, parsed again: the same thresholds), and as the
 * paragraphs of an article whose quality signals must all be shares in [0, 1] (ratios
 * non-negative) and whose MinHash signature must match itself.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sahifa/corpus.h"
#include "sahifa/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void require(int cond, const char *what)
{
	if (!cond) {
		fprintf(stderr, "fuzz_corpus: invariant broken: %s\n", what);
		abort();
	}
}

static struct sahifa_filter_rules *parse_file(const char *path, const void *data, size_t size)
{
	struct sahifa_filter_rules *r = NULL;
	struct sahifa_error e;
	FILE *fp = fopen(path, "wb");

	require(fp != NULL, "cannot write the temporary file");
	fwrite(data, 1, size, fp);
	fclose(fp);
	if (sahifa_filter_rules_new(NULL, path, &r, &e))
		return NULL;
	return r;
}

static void thresholds(const uint8_t *data, size_t size)
{
	char path[64];
	struct sahifa_filter_rules *r, *r2;
	struct sahifa_buf a = SAHIFA_BUF_INIT, b = SAHIFA_BUF_INIT;

	snprintf(path, sizeof(path), "/tmp/fuzz_corpus.%ld", (long)getpid());
	r = parse_file(path, data, size);
	if (r) {
		require(sahifa_filter_rules_print(r, &a) == SAHIFA_OK, "print failed");
		r2 = parse_file(path, a.data, a.len);
		require(r2 != NULL, "printed thresholds do not parse");
		require(sahifa_filter_rules_print(r2, &b) == SAHIFA_OK, "print failed");
		require(a.len == b.len && !memcmp(a.data, b.data, a.len), "print is not stable");
		sahifa_filter_rules_free(r2);
	}
	sahifa_filter_rules_free(r);
	sahifa_buf_release(&a);
	sahifa_buf_release(&b);
	unlink(path);
}

static void quality(const uint8_t *data, size_t size)
{
	struct sahifa_article a;
	struct sahifa_section *s;
	struct sahifa_error e;
	uint32_t s1[SAHIFA_MINHASH_HASHES], s2[SAHIFA_MINHASH_HASHES];
	const char *p = (const char *)data, *end = p + size;
	size_t i;

	if (!sahifa_utf8_valid(p, size, NULL) || memchr(p, 0, size))
		return;
	sahifa_article_init(&a);
	memcpy(a.tag.lang, size && data[0] & 1 ? "ar" : "en", 3);
	s = sahifa_article_add_section(&a, NULL, 0, 1, 0);
	while (s && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (len)
			sahifa_section_add_paragraph(s, p, len, SAHIFA_KIND_PARAGRAPH, 1);
		p += len + 1;
	}
	if (sahifa_quality_compute(&a, &e) == SAHIFA_OK) {
		for (i = 0; i < sahifa_quality_n_fields; i++) {
			const struct sahifa_quality_field *f = &sahifa_quality_fields[i];
			double v = sahifa_quality_value(&a.quality, f);

			require(v >= 0, "a negative signal");
			if (!f->count && strcmp(f->name, "mean_word_length") &&
			    strcmp(f->name, "symbol_word_ratio"))
				require(v <= 1.0 + 1e-9, "a share above 1");
		}
	}
	sahifa_article_release(&a);
	sahifa_minhash((const char *)data, size, s1);
	sahifa_minhash((const char *)data, size, s2);
	require(sahifa_minhash_similarity(s1, s2) == 1.0, "a signature differs from itself");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	thresholds(data, size);
	quality(data, size);
	return 0;
}
