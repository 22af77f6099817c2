/* The layout of a release (src/release/layout.h). */
#include "release/layout.h"

static const char *const split_names[SAHIFA_SPLIT_COUNT] = { "train", "validation", "test" };

const char *sahifa_split_name(enum sahifa_split split)
{
	return (unsigned)split < SAHIFA_SPLIT_COUNT ? split_names[split] : "train";
}
