/*
 * Writing CSV (src/release/csv_write.c, the libcsv module for writing): RFC 4180, UTF-8 without
 * BOM, CRLF line ends.  A field is quoted only when it must be (it holds a comma, a
 * double quote, CR or LF, or starts or ends with a space); quoting and the doubling
 * of quotes are libcsv's.  A NULL field is written as the empty field, which the
 * release's table schemas declare as the missing value.
 *
 * A writer with `spreadsheet` set writes for spreadsheet programs instead: a UTF-8 BOM
 * before the first row (Excel reads UTF-8 without one as the ANSI code page), and every
 * cell that begins with = + - @ TAB or CR (which spreadsheets run as a formula) gets a
 * leading single quote and double quotes around it, as OWASP's CSV injection advice
 * says.  The faithful default changes no cell.
 */
#ifndef SAHIFA_CSV_WRITE_H
#define SAHIFA_CSV_WRITE_H

#include <stddef.h>
#include <stdio.h>
#include "sahifa/buf.h"
#include "sahifa/error.h"

struct sahifa_csv_writer {
	FILE *fp;                    /* borrowed; the caller opens and closes it.  NULL: the
				      * rows are appended to field, which the caller empties */
	const char *path;            /* borrowed; for messages */
	unsigned long long rows;     /* rows written, header included */
	unsigned long long bytes;    /* bytes written */
	int spreadsheet;             /* BOM and formula-guarded cells; set before the first row */
	unsigned long long guarded;  /* cells given a leading quote */
	struct sahifa_buf field;     /* owned scratch for quoting; with fp NULL, the rows made */
};

void shf_csv_writer_init(struct sahifa_csv_writer *w, FILE *fp, const char *path);
void shf_csv_writer_release(struct sahifa_csv_writer *w);

/* Write one row of n fields; fields[i] NULL means the empty field, lens[i] its bytes
 * (lens may be NULL: the fields are then NUL-terminated).  Fields longer than
 * SAHIFA_MAX_CSV_FIELD_BYTES fail with SAHIFA_ERR_LIMIT; write errors with SAHIFA_ERR_IO. */
enum sahifa_status shf_csv_write_row(struct sahifa_csv_writer *w, const char *const *fields,
					const size_t *lens, size_t n, struct sahifa_error *err);

/* Append one field, formatted as in a row, to out (for tests and for callers that
 * build rows in memory). */
enum sahifa_status shf_csv_format_field(const char *field, size_t len, struct sahifa_buf *out);
/* The same for a spreadsheet-safe writer: a cell that a spreadsheet would read as a
 * formula is written as "'..." (quoted, its own quotes doubled); *guarded is set to 1
 * then, else 0. */
enum sahifa_status shf_csv_format_field_guarded(const char *field, size_t len,
						   struct sahifa_buf *out, int *guarded);
/* 1 when shf_csv_format_field quotes the field (its quotes doubled inside). */
int shf_csv_field_quoted(const char *field, size_t len);
/* 1 when a spreadsheet reads a cell beginning with c as a formula. */
int shf_csv_formula_start(char c);

#endif
