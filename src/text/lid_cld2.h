/*
 * The seam over CLD2 (src/text/lid_cld2.cc, the only C++ file and the only file that
 * includes CLD2).  Internal to the library: callers use include/sahifa/lid.h.
 */
#ifndef SAHIFA_LID_CLD2_H
#define SAHIFA_LID_CLD2_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SAHIFA_CLD2_CODE_MAX 16

/* CLD2's answer for one text: its top three languages as CLD2 spells their codes
 * ("ar", "iw", "zh-Hant", "un" for unknown), their share of the text in percent and
 * their score relative to normal text in that language. */
struct sahifa_cld2_result {
	char code[3][SAHIFA_CLD2_CODE_MAX];
	int percent[3];
	double score[3];
	int reliable;        /* CLD2's is_reliable */
	int text_bytes;      /* letter bytes CLD2 scored */
	int guessed;         /* 1: without its best-effort mode CLD2 names no language */
};

/* With check_guess, texts up to this many bytes are asked a second time, without best
 * effort, to learn whether the answer is a guess.  Over the eval lines, 48% of those
 * up to 32 bytes are guesses, 6% up to 64, and 3% of longer ones: past 64 bytes the
 * second call costs more than it tells. */
#define SAHIFA_CLD2_GUESS_CHECK_BYTES 64

/* Detect the language of len bytes of UTF-8 plain text; with check_guess, also fill
 * out->guessed for a short one.  Returns 0, or -1 when the text is not valid UTF-8
 * (*valid_prefix then holds the bytes before the fault) or longer than CLD2 accepts
 * (INT_MAX).  checked: the caller knows the text is valid and holds nothing CLD2's
 * input check refuses (shf_script_count's refused is 0), so that CLD2 is spared that
 * check, a pass over the text; the answer is the same.  Thread-safe; never throws. */
int shf_cld2_detect(const char *utf8, size_t len, int check_guess, int checked,
		       struct sahifa_cld2_result *out, size_t *valid_prefix);

#ifdef __cplusplus
}
#endif
#endif
