/* The one Arabic folding table (src/text/arabic_fold.h). */
#include "text/arabic_fold.h"

uint32_t shf_arabic_fold(uint32_t c)
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
