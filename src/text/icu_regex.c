/* ICU uregex behind src/text/icu_regex.h; ICU errors are translated here. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uregex.h>
#include <unicode/utext.h>

#include "text/icu_regex.h"
#include "sahifa/limits.h"

struct sahifa_regex {
	URegularExpression *re;
};

enum sahifa_status shf_regex_compile(const char *pattern, struct sahifa_regex **out,
					struct sahifa_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	UParseError pe;
	struct sahifa_regex *r;
	size_t len = strlen(pattern);

	*out = NULL;
	if (len > INT32_MAX)
		return sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0, "pattern too long");
	r = calloc(1, sizeof(*r));
	if (!r)
		return sahifa_error_nomem(err, NULL);
	memset(&pe, 0, sizeof(pe));
	{
		UText ut = UTEXT_INITIALIZER;

		utext_openUTF8(&ut, pattern, (int64_t)len, &st);
		r->re = uregex_openUText(&ut, 0, &pe, &st);
		utext_close(&ut);
	}
	/* a user's pattern may backtrack without end ("^(a+)+$"): bound its work */
	if (U_SUCCESS(st))
		uregex_setTimeLimit(r->re, SAHIFA_REGEX_TIME_STEPS, &st);
	if (U_SUCCESS(st))
		uregex_setStackLimit(r->re, SAHIFA_REGEX_STACK_BYTES, &st);
	if (U_FAILURE(st)) {
		if (r->re)
			uregex_close(r->re);
		free(r);
		if (st == U_MEMORY_ALLOCATION_ERROR)
			return sahifa_error_nomem(err, NULL);
		return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
					"invalid pattern at offset %ld: %s", (long)pe.offset + 1,
					u_errorName(st));
	}
	*out = r;
	return SAHIFA_OK;
}

/* Run find (search) or matches (full) over UTF-8 text without copying it. */
static int run(struct sahifa_regex *r, const char *text, size_t len, int full,
	       struct sahifa_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	UText ut = UTEXT_INITIALIZER;
	UBool hit;

	if (len > INT64_MAX)
		return -1;
	utext_openUTF8(&ut, text, (int64_t)len, &st);
	uregex_setUText(r->re, &ut, &st);
	if (U_FAILURE(st)) {
		utext_close(&ut);
		sahifa_error_set(err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "regex: %s", u_errorName(st));
		return -1;
	}
	hit = full ? uregex_matches(r->re, 0, &st) : uregex_find(r->re, 0, &st);
	/* Detach the text before it goes out of scope. */
	{
		static const UChar empty[1] = { 0 };
		UErrorCode st2 = U_ZERO_ERROR;

		uregex_setText(r->re, empty, 0, &st2);
	}
	utext_close(&ut);
	if (st == U_REGEX_TIME_OUT || st == U_REGEX_STACK_OVERFLOW) {
		sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0,
				 "the pattern %s (backtracking without end?)",
				 st == U_REGEX_TIME_OUT ? "takes more than the time limit"
							: "needs more than the stack limit");
		return -1;
	}
	if (U_FAILURE(st)) {
		sahifa_error_set(err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "regex: %s", u_errorName(st));
		return -1;
	}
	return hit ? 1 : 0;
}

int shf_regex_search(struct sahifa_regex *re, const char *text, size_t len,
			struct sahifa_error *err)
{
	return run(re, text, len, 0, err);
}

int shf_regex_full_match(struct sahifa_regex *re, const char *text, size_t len,
			    struct sahifa_error *err)
{
	return run(re, text, len, 1, err);
}

void shf_regex_free(struct sahifa_regex *re)
{
	if (!re)
		return;
	uregex_close(re->re);
	free(re);
}
