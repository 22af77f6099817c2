/*
 * The one Arabic folding table: spelling variants of a letter
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
 * dropped.  Every result is in the BMP.  Inline: chrome matching folds every code
 * point of every line through it, and the call cost about what the tests do. */
static inline uint32_t shf_arabic_fold(uint32_t c)
{
	if (c < 0x0622 || c > 0x06ED)
		return c;
	if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 ||
	    (c >= 0x06D6 && c <= 0x06ED))
		return 0;
	switch (c) {
	case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673:
		return 0x0627;                  /* alef variants -> alef */
	case 0x0649: case 0x06CC:
		return 0x064A;                  /* alef maksura, Farsi yeh -> yeh */
	case 0x06A9:
		return 0x0643;                  /* keheh -> kaf */
	case 0x0629:
		return 0x0647;                  /* teh marbuta -> heh */
	}
	return c;
}

#endif
