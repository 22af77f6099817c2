/*
 * Reading CSV back (src/validate/csv_read.c, libcsv in strict mode): RFC 4180 quoting, UTF-8
 * checked strictly, records delivered with the line they start on.  Push-based, so a
 * file and an archive member are read the same way, in constant memory beyond one
 * record (a field is capped at SAHIFA_MAX_CSV_FIELD_BYTES).
 */
#ifndef SAHIFA_CSV_READ_H
#define SAHIFA_CSV_READ_H

#include <stddef.h>
#include "sahifa/error.h"

struct sahifa_csv_reader;  /* opaque */

/* One record: n fields, each NUL-terminated with its length; borrowed, valid during
 * the call.  line is the 1-based line the record starts on.  Return SAHIFA_OK to go
 * on; any other status stops the reading and is returned by feed/finish. */
typedef enum sahifa_status (*sahifa_csv_row_fn)(void *ctx, const char *const *fields,
						 const size_t *lens, size_t n, long line);

/* *out is owned by the caller: shf_csv_reader_free(). */
enum sahifa_status shf_csv_reader_new(sahifa_csv_row_fn fn, void *ctx,
					 struct sahifa_csv_reader **out, struct sahifa_error *err);
/* Feed the next bytes.  Syntax errors (a stray quote, text after a closing quote),
 * invalid UTF-8, a record not ended by CRLF and a blank line fail with
 * SAHIFA_ERR_DATA and err->line set; a field past the limit with SAHIFA_ERR_LIMIT. */
enum sahifa_status shf_csv_reader_feed(struct sahifa_csv_reader *r, const char *data,
					  size_t len, struct sahifa_error *err);
/* End of input: delivers the last record (also without a final CRLF); an open quoted
 * field fails. */
enum sahifa_status shf_csv_reader_finish(struct sahifa_csv_reader *r, struct sahifa_error *err);
void shf_csv_reader_free(struct sahifa_csv_reader *r);  /* accepts NULL */

#endif
