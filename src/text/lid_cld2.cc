// The seam over CLD2: one call of ExtDetectLanguageSummaryCheckUTF8 with the full
// tables, its Language values turned into code strings so that no C file sees CLD2.
#include <climits>
#include <cstdio>  // compact_lang_det.h uses FILE without including it
#include <cstring>
#include <new>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "text/lid_cld2.h"

// CLD2's full tables (libcld2_full) replace the small ones built into libcld2 only
// when the program really links them, and a linker with --as-needed drops a library
// nothing refers to.  Referring to one of its tables keeps it, so every build (plain
// or sanitized) detects with the same, full tables.
namespace CLD2 {
extern const int kDistinctOctaIndSize;
}
extern "C" const void *shf_cld2_full_tables;
const void *shf_cld2_full_tables = &CLD2::kDistinctOctaIndSize;

static void copy_code(char *dst, const char *src)
{
	size_t n = src ? std::strlen(src) : 0;

	if (n >= SAHIFA_CLD2_CODE_MAX)
		n = SAHIFA_CLD2_CODE_MAX - 1;
	if (n)
		std::memcpy(dst, src, n);
	dst[n] = '\0';
}

// One call of CLD2 with the given flags into out; false when CLD2 throws.  checked:
// the text is known interchange-valid, and CLD2's own check of it (the only difference
// between the two entry points) is left out; *valid is then len.
static bool detect(const char *utf8, int len, int flags, bool checked,
		   struct sahifa_cld2_result *out, int *valid)
{
	CLD2::Language lang3[3] = { CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE,
				    CLD2::UNKNOWN_LANGUAGE };
	int percent3[3] = { 0, 0, 0 };
	double score3[3] = { 0, 0, 0 };
	int text_bytes = 0;
	bool reliable = false;
	CLD2::CLDHints hints = { NULL, NULL, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE };

	try {
		if (checked) {
			CLD2::ExtDetectLanguageSummary(utf8, len, true, &hints, flags, lang3,
						       percent3, score3, NULL, &text_bytes,
						       &reliable);
			*valid = len;
		} else {
			CLD2::ExtDetectLanguageSummaryCheckUTF8(utf8, len, true, &hints, flags,
								lang3, percent3, score3, NULL,
								&text_bytes, &reliable, valid);
		}
	} catch (...) {
		return false;
	}
	for (int i = 0; i < 3; i++) {
		copy_code(out->code[i], CLD2::LanguageCode(lang3[i]));
		out->percent[i] = percent3[i];
		out->score[i] = score3[i];
	}
	out->reliable = reliable ? 1 : 0;
	out->text_bytes = text_bytes;
	return true;
}

extern "C" int shf_cld2_detect(const char *utf8, size_t len, int check_guess, int checked,
				  struct sahifa_cld2_result *out, size_t *valid_prefix)
{
	int valid = 0;

	std::memset(out, 0, sizeof(*out));
	for (int i = 0; i < 3; i++)
		copy_code(out->code[i], "un");
	if (valid_prefix)
		*valid_prefix = 0;
	if (len > (size_t)INT_MAX)
		return -1;
	// BestEffort: a guess even for a word or two; sahifa decides when to say "und".
	if (!detect(utf8, (int)len, CLD2::kCLDFlagBestEffort, checked != 0, out, &valid))
		return -1;
	if (valid_prefix)
		*valid_prefix = (size_t)(valid < 0 ? 0 : valid);
	if ((size_t)valid < len)
		return -1;
	// Without BestEffort CLD2 names no language when its evidence is too thin; then
	// the answer above is a guess, on Latin letters often just the script's default
	// (English).  Only short texts are asked twice (see SAHIFA_CLD2_GUESS_CHECK_BYTES).
	if (check_guess && len <= SAHIFA_CLD2_GUESS_CHECK_BYTES && std::strcmp(out->code[0], "un")) {
		struct sahifa_cld2_result plain;
		int plain_valid = 0;

		std::memset(&plain, 0, sizeof(plain));
		if (detect(utf8, (int)len, 0, checked != 0, &plain, &plain_valid) && !std::strcmp(plain.code[0], "un"))
			out->guessed = 1;
	}
	return 0;
}
