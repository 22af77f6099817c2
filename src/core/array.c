/* Growable arrays (src/core/array.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "sahifa/buf.h"

int shf_array_reserve(void *pitems, size_t *cap, size_t need, size_t size, size_t first)
{
	size_t ncap = *cap ? *cap : (first ? first : 1), bytes;
	void *items, *p;

	if (need <= *cap)
		return 0;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return -1;
		ncap *= 2;
	}
	if (sahifa_size_mul(ncap, size, &bytes))
		return -1;
	/* the caller's pointer is read and written as bytes: it may be any T * */
	memcpy(&items, pitems, sizeof(items));
	if (!(p = realloc(items, bytes)))
		return -1;
	memcpy(pitems, &p, sizeof(p));
	*cap = ncap;
	return 0;
}
