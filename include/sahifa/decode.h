/*
 * Decoding raw article bytes to text (src/text/icu_decode.c, ICU).
 *
 * Order: BOM (UTF-8, UTF-16LE/BE, UTF-32), then a strict UTF-8 check, then ICU charset
 * detection for legacy encodings (windows-1256, ISO-8859-6, UTF-16 without BOM, ...).
 * The result is UTF-8 in NFC with LF line ends (CRLF and lone CR become LF, so line
 * numbers stay those of the source).  Nothing else is rewritten.
 */
#ifndef SAHIFA_DECODE_H
#define SAHIFA_DECODE_H

#include <stddef.h>
#include "sahifa/article.h"
#include "sahifa/buf.h"
#include "sahifa/error.h"

#ifdef __cplusplus
extern "C" {
#endif

enum sahifa_on_invalid {
	SAHIFA_INVALID_REPLACE = 0,  /* invalid bytes become U+FFFD and are counted */
	SAHIFA_INVALID_REJECT        /* the input fails */
};

struct sahifa_decoded {
	struct sahifa_buf text;                 /* owned; UTF-8, NFC, LF line ends */
	char encoding[SAHIFA_ENCODING_MAX];     /* IANA name, e.g. "UTF-8", "windows-1256" */
	int confidence;                         /* 0..100; 100 for a BOM or valid UTF-8 */
	int bom;                                /* 1 when a byte order mark was present */
	size_t replaced;                        /* invalid bytes (sequences) replaced */
};

void sahifa_decoded_init(struct sahifa_decoded *d);
void sahifa_decoded_release(struct sahifa_decoded *d);

/* Decode raw[0..len).  Empty input, binary content (NUL bytes or control characters
 * that no text encoding explains) and, under SAHIFA_INVALID_REJECT, invalid bytes fail
 * with SAHIFA_ERR_DATA and a message naming the first offending offset, e.g.
 * "invalid UTF-8 at byte 1234 (line 5): '\xC3'" (byte offsets from 0, source lines
 * from 1; err->path is left for the caller).
 *
 * Text that is not valid UTF-8 counts as UTF-8 with errors when it holds valid
 * multi-byte sequences and at most one run of invalid bytes for every nine of them;
 * otherwise ICU's detector picks a legacy charset (the first of its best guesses that
 * converts without a bad byte).  When no charset fits, it is UTF-8 with errors.
 * UTF-16 without a byte order mark is recognised from the pattern of its high bytes
 * when the input holds NULs or many control characters. */
enum sahifa_status sahifa_decode(const unsigned char *raw, size_t len,
				 enum sahifa_on_invalid on_invalid, struct sahifa_decoded *out,
				 struct sahifa_error *err);

/* Decode raw[0..len) that declares a charset (an HTTP header, an HTML <meta>); declared
 * may be NULL.  A BOM wins; then the declared charset, when the bytes fit it: bytes that
 * are valid UTF-8 with multi-byte sequences, bytes the declared charset has no
 * character for, or a declared Latin-1 family (ISO-8859-1, windows-1252) that ICU's
 * detector firmly reads as another charset are decoded as sahifa_decode would.  An
 * unknown name is ignored.  out->encoding says what was used; the caller compares it
 * with what was declared.  Errors as sahifa_decode. */
enum sahifa_status sahifa_decode_declared(const unsigned char *raw, size_t len,
					  const char *declared, enum sahifa_on_invalid on_invalid,
					  struct sahifa_decoded *out, struct sahifa_error *err);

/* Bring valid UTF-8 text to NFC in place (the buffer may be replaced). */
enum sahifa_status sahifa_nfc(struct sahifa_buf *text, struct sahifa_error *err);

#ifdef __cplusplus
}
#endif
#endif
