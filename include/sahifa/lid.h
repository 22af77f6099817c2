/*
 * Language and script identification.  Script counting is ICU's (src/text/icu_script.c);
 * language identification is CLD2 (src/text/lid_cld2.cc, the only C++ and the only file
 * that includes CLD2) with sahifa's own layer for Arabic-script languages (src/text/lid.c).
 * All functions are thread-safe: they keep no state between calls.
 *
 * Tags: lang is a BCP 47 language subtag (ISO 639-1 where one exists, else 639-3:
 * "ar", "fa", "ur", "ps", "ckb", "sd", "ug", "en", "he", "zh", ...; "und" when there is
 * too little text), script an ISO 15924 code of the dominant letters ("Arab", "Latn",
 * "Hans", "Hant", "Jpan", ...; "Zyyy" when there are no letters), confidence 0..1.
 */
#ifndef SAHIFA_LID_H
#define SAHIFA_LID_H

#include <stddef.h>
#include "sahifa/article.h"
#include "sahifa/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Fewer letters than this (code points of a real script, not digits or punctuation)
 * give "und": one letter says nothing about the language.  One exception: a single
 * Han character with no kana is a word of Chinese, tagged "zh" (Hans unless the
 * character is one of the traditional forms). */
#define SAHIFA_LID_MIN_LETTERS 2

enum sahifa_lid_engine {
	SAHIFA_LID_ENGINE_SAHIFA = 0,  /* CLD2 plus sahifa's Arabic-script layer */
	SAHIFA_LID_ENGINE_CLD2         /* CLD2 alone, codes mapped to BCP 47 (comparisons) */
};

/* Tag one piece of UTF-8 text: language ("und" when there is too little text),
 * dominant script of its letters, confidence 0..1.  Invalid UTF-8 gives "und" and
 * SAHIFA_ERR_DATA. */
enum sahifa_status sahifa_lid_detect(const char *text, size_t len, struct sahifa_langtag *out);

/* The same with a choice of engine.  On invalid UTF-8, out is "und"/"Zyyy", err (may
 * be NULL) says at which byte, without path or line, and SAHIFA_ERR_DATA is returned. */
enum sahifa_status sahifa_lid_detect_engine(const char *text, size_t len,
					    enum sahifa_lid_engine engine,
					    struct sahifa_langtag *out, struct sahifa_error *err);

/* Write "lang-Script" ("ar-Arab"; "und" alone when lang is und and script Zyyy) into
 * out, always NUL-terminated. */
void sahifa_langtag_format(const struct sahifa_langtag *tag, char *out, size_t size);

/* Tag every paragraph and caption of a, then the document (paragraphs weighted by
 * characters) and its script proportions (letters of the paragraphs; of the headline
 * when there are no paragraphs).  A paragraph in another language keeps its own tag.
 * Text that is not valid UTF-8 is tagged "und"; fails only when out of memory. */
enum sahifa_status sahifa_lid_tag_article(struct sahifa_article *a, struct sahifa_error *err);

#ifdef __cplusplus
}
#endif
#endif
