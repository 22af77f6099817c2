/*
 * The one Arabic folding table (src/text/arabic_fold.c): spelling variants of a letter
 * become the letter, and marks that do not change the word are dropped.  Chrome
 * matching (src/text/segment_rules.c) and pack's match key (src/text/icu_fold.c) both
 * fold through it, so that a line or an article compares the same way in both.
 *
 *   alef with madda, hamza above or below, wasla, wavy hamza (U+0622 U+0623 U+0625
 *   U+0671 U+0672 U+0673)                        -> alef U+0627
 *   alef maksura U+0649, Farsi yeh U+06CC        -> yeh U+064A
 *   keheh U+06A9                                 -> kaf U+0643
 *   teh marbuta U+0629                           -> heh U+0647
 *   harakat U+064B..U+065F, superscript alef U+0670, tatweel U+0640, Quranic marks
 *   U+06D6..U+06ED                               -> dropped
 */
#ifndef SAHIFA_ARABIC_FOLD_H
#define SAHIFA_ARABIC_FOLD_H

#include <stdint.h>

/* What code point c folds to: c itself when the table does not touch it, 0 when it is
 * dropped.  Every result is in the BMP. */
uint32_t shf_arabic_fold(uint32_t c);

#endif
