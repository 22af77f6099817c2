/*
 * Language and script identification.  Script counting is ICU's (src/icu_script.c);
 * language identification is CLD2 (src/lid_cld2.cc, the only C++ and the only file
 * that includes CLD2) with sahifa's own layer for Arabic-script languages (src/lid.c).
 * All functions are thread-safe.
 */
#ifndef SAHIFA_LID_H
#define SAHIFA_LID_H

#include <stddef.h>
#include "sahifa/article.h"
#include "sahifa/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Tag one piece of UTF-8 text: language ("und" when there is too little text),
 * dominant script of its letters, confidence 0..1. */
enum sahifa_status sahifa_lid_detect(const char *text, size_t len, struct sahifa_langtag *out);

/* Tag every paragraph and caption of a, then the document (paragraphs weighted by
 * characters) and its script proportions. */
enum sahifa_status sahifa_lid_tag_article(struct sahifa_article *a, struct sahifa_error *err);

#ifdef __cplusplus
}
#endif
#endif
