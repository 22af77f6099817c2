/*
 * The layout of a release: the facts that pack writes and validate reads, written once.
 * validate/ may include this header (and only this one) from release/; it declares
 * nothing that needs a third-party library.
 */
#ifndef SAHIFA_RELEASE_LAYOUT_H
#define SAHIFA_RELEASE_LAYOUT_H

#include "sahifa/pack.h"

/* sahifa_split_name() (include/sahifa/pack.h) is defined in layout.c. */

#endif
