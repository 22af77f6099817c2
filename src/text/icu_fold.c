/* The normalized match key over ICU (see src/text/icu_fold.h); the only ICU use in pack. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "sahifa/article.h"
#include "text/arabic_fold.h"
#include "text/icu_fold.h"

static enum sahifa_status icu_fail(struct sahifa_error *err, const char *what, UErrorCode uerr)
{
	if (uerr == U_INVALID_CHAR_FOUND || uerr == U_ILLEGAL_CHAR_FOUND)
		return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
					"invalid UTF-8 in text");
	if (uerr == U_MEMORY_ALLOCATION_ERROR)
		return sahifa_error_nomem(err, NULL);
	return sahifa_error_set(err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "%s: %s", what,
				u_errorName(uerr));
}

enum sahifa_status shf_fold_key(const char *text, size_t len, struct sahifa_buf *out,
				   struct sahifa_error *err)
{
	UErrorCode uerr = U_ZERO_ERROR;
	const UNormalizer2 *nfkc = unorm2_getNFKCCasefoldInstance(&uerr);
	UChar *src = NULL, *norm = NULL;
	int32_t n_src = 0, n_norm, i, j, k;
	size_t bytes, cap;
	enum sahifa_status st = SAHIFA_OK;
	int space = 0;

	if (U_FAILURE(uerr))
		return icu_fail(err, "normalizer", uerr);
	if (len > (size_t)INT32_MAX / 2)
		return sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0, "text too long to fold");
	if (!len)
		return SAHIFA_OK;
	/* UTF-8 -> UTF-16 never needs more code units than bytes. */
	if (sahifa_size_mul(len + 1, sizeof(UChar), &bytes) || !(src = malloc(bytes)))
		return sahifa_error_nomem(err, NULL);
	u_strFromUTF8(src, (int32_t)len + 1, &n_src, text, (int32_t)len, &uerr);
	if (U_FAILURE(uerr)) {
		st = icu_fail(err, "utf-8 to utf-16", uerr);
		goto out;
	}
	/* NFKC may expand (ligatures); ask for the size first. */
	n_norm = unorm2_normalize(nfkc, src, n_src, NULL, 0, &uerr);
	if (uerr != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(uerr)) {
		st = icu_fail(err, "normalize", uerr);
		goto out;
	}
	uerr = U_ZERO_ERROR;
	if (sahifa_size_mul((size_t)n_norm + 1, sizeof(UChar), &bytes) || !(norm = malloc(bytes))) {
		st = sahifa_error_nomem(err, NULL);
		goto out;
	}
	n_norm = unorm2_normalize(nfkc, src, n_src, norm, n_norm + 1, &uerr);
	if (U_FAILURE(uerr)) {
		st = icu_fail(err, "normalize", uerr);
		goto out;
	}
	/* Arabic variants and white space, in place (the text only shrinks). */
	for (i = 0, j = 0; i < n_norm; i = k) {
		UChar32 c;

		k = i;
		U16_NEXT(norm, k, n_norm, c);
		if (u_isUWhiteSpace(c)) {
			space = j > 0;
			continue;
		}
		/* the Arabic table maps BMP to BMP only */
		if (!(c = (UChar32)shf_arabic_fold((uint32_t)c)))
			continue;
		if (space) {
			norm[j++] = 0x20;
			space = 0;
		}
		if (c <= 0xFFFF) {
			norm[j++] = (UChar)c;
		} else {
			norm[j++] = U16_LEAD(c);
			norm[j++] = U16_TRAIL(c);
		}
	}
	n_norm = j;
	if (!n_norm)
		goto out;
	/* UTF-16 -> UTF-8: at most 3 bytes per code unit. */
	if (sahifa_size_mul((size_t)n_norm, 3, &cap) || sahifa_buf_grow(out, cap)) {
		st = sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0, "match key too long");
		goto out;
	}
	{
		int32_t written = 0;

		u_strToUTF8(out->data + out->len, (int32_t)(out->cap - out->len), &written, norm,
			    n_norm, &uerr);
		if (U_FAILURE(uerr)) {
			st = icu_fail(err, "utf-16 to utf-8", uerr);
			goto out;
		}
		out->len += (size_t)written;
		out->data[out->len] = '\0';
	}
out:
	free(src);
	free(norm);
	return st;
}

enum sahifa_status shf_article_match_key(const struct sahifa_article *a,
					    struct sahifa_buf *out, struct sahifa_error *err)
{
	enum sahifa_status st;
	size_t i, j;

	sahifa_buf_reset(out);
	if (a->headline && (st = shf_fold_key(a->headline, strlen(a->headline), out, err)))
		return st;
	for (i = 0; i < a->n_sections; i++)
		for (j = 0; j < a->sections[i].n_paragraphs; j++) {
			const char *t = a->sections[i].paragraphs[j].text;

			if ((st = sahifa_buf_append_char(out, '\x1e')) ||
			    (st = shf_fold_key(t, strlen(t), out, err)))
				return st == SAHIFA_ERR_LIMIT ? sahifa_error_set(err, st, NULL, 0, 0,
						"match key too long") : st;
		}
	return SAHIFA_OK;
}
