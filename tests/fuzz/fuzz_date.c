/* libFuzzer: the date readers (src/text/date.c) on any bytes.  Invariants: a date
 * found is "YYYY-MM-DD" (and for shf_date_iso maybe a time) with a year in range and
 * a real month and day, NUL-terminated inside the buffer; nothing is read past len. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/date.h"

static void check(const char *out, size_t size)
{
	int y, m, d, i;

	if (!memchr(out, '\0', size))
		abort();
	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? out[i] != '-' : (out[i] < '0' || out[i] > '9'))
			abort();
	y = (out[0] - '0') * 1000 + (out[1] - '0') * 100 + (out[2] - '0') * 10 + (out[3] - '0');
	m = (out[5] - '0') * 10 + (out[6] - '0');
	d = (out[8] - '0') * 10 + (out[9] - '0');
	if (y < SHF_DATE_YEAR_MIN || y > SHF_DATE_YEAR_MAX || m < 1 || m > 12 || d < 1 || d > 31)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size ? size : 1), *url;
	char out[64];

	if (!s)
		return 0;
	memcpy(s, data, size);
	if (!shf_date_text(s, size, out, sizeof(out)))
		check(out, sizeof(out));
	if (!shf_date_iso(s, size, out, sizeof(out)))
		check(out, sizeof(out));
	url = malloc(size + 1);
	if (url) {
		memcpy(url, data, size);
		url[size] = '\0';
		if (!shf_date_url(url, out, sizeof(out)))
			check(out, sizeof(out));
		free(url);
	}
	free(s);
	return 0;
}
