/* RFC 4180 writing through libcsv (see src/release/csv_write.h); the only writer that includes it. */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <csv.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "release/csv_write.h"
#include "sahifa/limits.h"

void shf_csv_writer_init(struct sahifa_csv_writer *w, FILE *fp, const char *path)
{
	w->fp = fp;
	w->path = path;
	w->rows = 0;
	w->bytes = 0;
	w->spreadsheet = 0;
	w->guarded = 0;
	sahifa_buf_init(&w->field, 0);
}

void shf_csv_writer_release(struct sahifa_csv_writer *w)
{
	sahifa_buf_release(&w->field);
}

#define CSV_ONES 0x0101010101010101ULL
#define CSV_HIGH 0x8080808080808080ULL

/* 1 when one of the eight bytes of x is c (the exact "has a zero byte" test on x ^ c). */
static uint64_t has_byte(uint64_t x, unsigned char c)
{
	uint64_t y = x ^ (CSV_ONES * c);

	return (y - CSV_ONES) & ~y & CSV_HIGH;
}

/* A field with a separator, quote or line break, or a space at either end, is quoted.
 * Sixteen bytes a step where SSE2 is (eight without): the paragraphs' text is most of
 * the bytes and needs no quotes. */
static int needs_quotes(const char *s, size_t len)
{
	size_t i = 0;

	if (len && (s[0] == ' ' || s[len - 1] == ' '))
		return 1;
#ifdef __SSE2__
	for (; i + 16 <= len; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i hit = _mm_or_si128(
			_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')),
				     _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
			_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')),
				     _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));

		if (_mm_movemask_epi8(hit))
			return 1;
	}
#endif
	for (; i + 8 <= len; i += 8) {
		uint64_t x;

		memcpy(&x, s + i, 8);
		if (has_byte(x, ',') | has_byte(x, '"') | has_byte(x, '\r') | has_byte(x, '\n'))
			return 1;
	}
	for (; i < len; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			return 1;
	return 0;
}

enum sahifa_status shf_csv_format_field(const char *field, size_t len, struct sahifa_buf *out)
{
	size_t need, worst;
	enum sahifa_status st;

	if (!field)
		return SAHIFA_OK;
	if (len > SAHIFA_MAX_CSV_FIELD_BYTES)
		return SAHIFA_ERR_LIMIT;
	if (!needs_quotes(field, len))
		return sahifa_buf_append(out, field, len);
	/* libcsv reports the size it needs; every quote doubled plus two is the worst case. */
	if (sahifa_size_mul(len, 2, &worst) || sahifa_size_add(worst, 2, &worst))
		return SAHIFA_ERR_LIMIT;
	if ((st = sahifa_buf_grow(out, worst)))
		return st;
	need = csv_write(out->data + out->len, worst, field, len);
	if (need > worst)
		return SAHIFA_ERR_INTERNAL;
	out->len += need;
	out->data[out->len] = '\0';
	return SAHIFA_OK;
}

int shf_csv_formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

enum sahifa_status shf_csv_format_field_guarded(const char *field, size_t len,
						   struct sahifa_buf *out, int *guarded)
{
	enum sahifa_status st;
	size_t i;

	*guarded = 0;
	if (!field || !len || !shf_csv_formula_start(field[0]))
		return shf_csv_format_field(field, len, out);
	if (len > SAHIFA_MAX_CSV_FIELD_BYTES)
		return SAHIFA_ERR_LIMIT;
	*guarded = 1;
	if ((st = sahifa_buf_append(out, "\"'", 2)))
		return st;
	for (i = 0; i < len; i++)
		if ((st = field[i] == '"' ? sahifa_buf_append(out, "\"\"", 2)
					  : sahifa_buf_append_char(out, field[i])))
			return st;
	return sahifa_buf_append_char(out, '"');
}

/* A row that cannot be made: the message names the field. */
static enum sahifa_status row_error(const struct sahifa_csv_writer *w, enum sahifa_status st,
				    size_t i, struct sahifa_error *err)
{
	if (st == SAHIFA_ERR_LIMIT)
		return sahifa_error_set(err, st, w->path, 0, 0,
					"csv field %zu longer than the limit of %zu bytes", i + 1,
					(size_t)SAHIFA_MAX_CSV_FIELD_BYTES);
	return sahifa_error_set(err, st, w->path, 0, 0, "cannot format csv row: %s",
				sahifa_status_name(st));
}

enum sahifa_status shf_csv_write_row(struct sahifa_csv_writer *w, const char *const *fields,
					const size_t *lens, size_t n, struct sahifa_error *err)
{
	enum sahifa_status st;
	size_t i = 0, start;

	if (w->fp)
		sahifa_buf_reset(&w->field);
	start = w->field.len;
	if (w->spreadsheet && !w->rows && (st = sahifa_buf_append(&w->field, "\xef\xbb\xbf", 3)))
		goto fail;
	for (i = 0; i < n; i++) {
		const char *f = fields[i];
		size_t len = f ? (lens ? lens[i] : strlen(f)) : 0;
		int guarded = 0;

		if (i && (st = sahifa_buf_append_char(&w->field, ',')))
			goto fail;
		if ((st = w->spreadsheet ? shf_csv_format_field_guarded(f, len, &w->field, &guarded)
					 : shf_csv_format_field(f, len, &w->field)))
			goto fail;
		w->guarded += (unsigned long long)guarded;
	}
	if ((st = sahifa_buf_append(&w->field, "\r\n", 2)))
		goto fail;
	if (w->fp && fwrite(w->field.data, 1, w->field.len, w->fp) != w->field.len)
		return sahifa_error_set(err, SAHIFA_ERR_IO, w->path, 0, 0, "write error: %s",
					strerror(errno));
	w->rows++;
	w->bytes += w->field.len - start;
	return SAHIFA_OK;
fail:
	if (!w->fp)
		w->field.len = start;
	return row_error(w, st, i, err);
}

int shf_csv_field_quoted(const char *field, size_t len)
{
	return needs_quotes(field, len);
}
