/*
 * Growable arrays (src/core/array.c): the one way to make room in an array of
 * elements that the caller owns (pointer, count, capacity in elements), with every
 * size checked for overflow.  Modelled on git's ALLOC_GROW.
 *
 *	if (SHF_ARRAY_GROW(names, n, cap, 32))
 *		goto nomem;
 *	names[n++] = name;
 */
#ifndef SAHIFA_ARRAY_H
#define SAHIFA_ARRAY_H

#include <stddef.h>

/* Make room for need elements of size bytes in the array whose pointer is at
 * pitems (a T **, the array owned by the caller and freed with free()): the capacity
 * *cap doubles, starting at first, until it holds need.  0, or -1 with the array and
 * *cap left as they were when the size overflows or memory runs out. */
int shf_array_reserve(void *pitems, size_t *cap, size_t need, size_t size, size_t first);

/* Room for one more element after the n there are: 0 or -1 as above. */
#define SHF_ARRAY_GROW(items, n, cap, first)                                          \
	((n) < (cap) ? 0 : shf_array_reserve(&(items), &(cap), (size_t)(n) + 1,        \
						  sizeof(*(items)), (first)))

#endif
