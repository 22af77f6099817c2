/*
 * The text segmenter (src/text/segment.c): decoded article text -> headline, byline,
 * sections with headings and levels, typed paragraphs, captions, and every removed
 * line with its reason.  Site-chrome phrases come from rules files (the .rules files in rules/,
 * the default one built into the binary; users add theirs with --rules FILE).
 */
#ifndef SAHIFA_SEGMENT_H
#define SAHIFA_SEGMENT_H

#include <stddef.h>
#include "sahifa/article.h"
#include "sahifa/error.h"

#ifdef __cplusplus
extern "C" {
#endif

struct sahifa_rules;  /* opaque; read-only after loading, so threads may share it */

/* The built-in rules.  *out is owned by the caller: sahifa_rules_free(). */
enum sahifa_status sahifa_rules_new_default(struct sahifa_rules **out, struct sahifa_error *err);
/* No rules at all (convert --no-default-rules); add files with sahifa_rules_load_file. */
enum sahifa_status sahifa_rules_new_empty(struct sahifa_rules **out, struct sahifa_error *err);
/* Add the rules of a file; errors name path:line. */
enum sahifa_status sahifa_rules_load_file(struct sahifa_rules *rules, const char *path,
					  struct sahifa_error *err);
/* Add rules from memory (name is used in messages). */
enum sahifa_status sahifa_rules_load_mem(struct sahifa_rules *rules, const char *name,
					 const char *text, size_t len, struct sahifa_error *err);
void sahifa_rules_free(struct sahifa_rules *rules);

/* Segment text (UTF-8, NFC, LF line ends, as sahifa_decode gives) into a, which must
 * be initialised; fills headline, byline, sections, captions, removed and
 * stats.lines/blank_lines/marks_trimmed, and counts the rest with sahifa_article_count. */
enum sahifa_status sahifa_segment(const struct sahifa_rules *rules, const char *text, size_t len,
				  struct sahifa_article *a, struct sahifa_error *err);

#ifdef __cplusplus
}
#endif
#endif
