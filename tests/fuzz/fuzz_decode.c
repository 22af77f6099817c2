/* libFuzzer harness for sahifa_decode: arbitrary bytes in both modes.  Invariants:
 * the output is valid UTF-8 with no CR; it is NFC (decoding it again as UTF-8 changes
 * nothing); replace mode fails only on empty or binary input; whatever reject mode
 * accepts, replace mode decodes to the same text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sahifa/decode.h"

static int valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char b = s[i];
		size_t k, len;
		unsigned char lo = 0x80, hi = 0xBF;

		if (b < 0x80) {
			i++;
			continue;
		}
		if (b >= 0xC2 && b <= 0xDF)
			len = 2;
		else if (b >= 0xE0 && b <= 0xEF) {
			len = 3;
			if (b == 0xE0)
				lo = 0xA0;
			if (b == 0xED)
				hi = 0x9F;
		} else if (b >= 0xF0 && b <= 0xF4) {
			len = 4;
			if (b == 0xF0)
				lo = 0x90;
			if (b == 0xF4)
				hi = 0x8F;
		} else
			return 0;
		if (i + len > n)
			return 0;
		for (k = 1; k < len; k++) {
			if (s[i + k] < lo || s[i + k] > hi)
				return 0;
			lo = 0x80;
			hi = 0xBF;
		}
		i += len;
	}
	return 1;
}

static int failure_allowed(const struct sahifa_error *err)
{
	return err->status == SAHIFA_ERR_DATA && (!strncmp(err->msg, "empty input", 11) ||
						  !strncmp(err->msg, "binary content", 14));
}

static void check_output(const struct sahifa_decoded *d)
{
	struct sahifa_decoded again;
	struct sahifa_error err;
	const unsigned char *t = (const unsigned char *)d->text.data;

	if (!t || !valid_utf8(t, d->text.len) || memchr(t, '\r', d->text.len) ||
	    strlen(d->text.data) != d->text.len)
		abort();
	/* Valid UTF-8 without a leading U+FEFF read again as UTF-8 is the identity only if
	 * it is NFC. */
	if (d->text.len >= 3 && !memcmp(t, "\xEF\xBB\xBF", 3))
		return;
	sahifa_decoded_init(&again);
	if (sahifa_decode(t, d->text.len, SAHIFA_INVALID_REJECT, &again, &err) == SAHIFA_OK &&
	    !strcmp(again.encoding, "UTF-8") &&
	    (again.text.len != d->text.len || memcmp(again.text.data, t, d->text.len) ||
	     again.replaced))
		abort();
	sahifa_decoded_release(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sahifa_decoded rep, rej;
	struct sahifa_error e1, e2;
	enum sahifa_status s1, s2;

	sahifa_decoded_init(&rep);
	sahifa_decoded_init(&rej);
	s1 = sahifa_decode(data, size, SAHIFA_INVALID_REPLACE, &rep, &e1);
	s2 = sahifa_decode(data, size, SAHIFA_INVALID_REJECT, &rej, &e2);
	if (s1 && !failure_allowed(&e1))
		abort();
	if (!s1)
		check_output(&rep);
	if (!s2) {
		check_output(&rej);
		if (s1 || rej.replaced || rep.replaced || strcmp(rep.encoding, rej.encoding) ||
		    rep.text.len != rej.text.len || memcmp(rep.text.data, rej.text.data, rep.text.len))
			abort();
	}
	sahifa_decoded_release(&rep);
	sahifa_decoded_release(&rej);
	return 0;
}
