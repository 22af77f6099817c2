/* The error model: filling, formatting and quoting (see include/sahifa/error.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sahifa/error.h"
#include "sahifa/utf8.h"

void sahifa_error_clear(struct sahifa_error *err)
{
	if (!err)
		return;
	memset(err, 0, sizeof(*err));
}

enum sahifa_severity sahifa_status_grade(enum sahifa_status status)
{
	switch (status) {
	case SAHIFA_OK:
		return SAHIFA_WARNING;
	case SAHIFA_ERR_DATA:
	case SAHIFA_ERR_LIMIT:
	case SAHIFA_ERR_IO:
		return SAHIFA_FAILED;
	case SAHIFA_ERR_USAGE:
	case SAHIFA_ERR_NOMEM:
	case SAHIFA_ERR_INTERNAL:
		break;
	}
	return SAHIFA_FATAL;
}

enum sahifa_status sahifa_error_set_grade(struct sahifa_error *err, enum sahifa_severity grade)
{
	if (!err)
		return SAHIFA_OK;
	err->severity = grade;
	return err->status;
}

enum sahifa_severity sahifa_error_grade(const struct sahifa_error *err, enum sahifa_status status)
{
	if (err && err->status == status && status != SAHIFA_OK)
		return err->severity;
	return sahifa_status_grade(status);
}

/* Fill everything but the path. */
static void error_vfill(struct sahifa_error *err, enum sahifa_status status, long line, long col,
			const char *fmt, va_list ap)
{
	sahifa_error_clear(err);
	err->status = status;
	err->severity = sahifa_status_grade(status);
	err->line = line;
	err->col = col;
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
}

enum sahifa_status sahifa_error_set(struct sahifa_error *err, enum sahifa_status status,
				    const char *path, long line, long col, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return status;
	va_start(ap, fmt);
	error_vfill(err, status, line, col, fmt, ap);
	va_end(ap);
	if (path)
		snprintf(err->path, sizeof(err->path), "%s", path);
	return status;
}

enum sahifa_status sahifa_error_nomem(struct sahifa_error *err, const char *path)
{
	return sahifa_error_set(err, SAHIFA_ERR_NOMEM, path, 0, 0, "out of memory");
}

void sahifa_member_path(const char *archive, const char *member, char *out, size_t size)
{
	/* a path cut at the buffer's end still names the input */
	if (snprintf(out, size, "%s%s%s", archive, member ? "!" : "", member ? member : "") < 0 &&
	    size)
		out[0] = '\0';
}

enum sahifa_status sahifa_error_set_member(struct sahifa_error *err, enum sahifa_status status,
					   const char *archive, const char *member,
					   const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return status;
	va_start(ap, fmt);
	error_vfill(err, status, 0, 0, fmt, ap);
	va_end(ap);
	sahifa_member_path(archive, member, err->path, sizeof(err->path));
	return status;
}

void sahifa_error_set_path(struct sahifa_error *err, const char *path)
{
	if (err && path && !err->path[0])
		snprintf(err->path, sizeof(err->path), "%s", path);
}

void sahifa_error_format(const struct sahifa_error *err, char *out, size_t size)
{
	size_t n = 0;
	int w;

	if (!size)
		return;
	out[0] = '\0';
#define PUT(...)                                                       \
	do {                                                           \
		w = snprintf(out + n, size - n, __VA_ARGS__);          \
		if (w < 0 || (size_t)w >= size - n)                    \
			return;                                        \
		n += (size_t)w;                                        \
	} while (0)
	if (err->path[0]) {
		PUT("%s:", err->path);
		if (err->line > 0) {
			PUT("%ld:", err->line);
			if (err->col > 0)
				PUT("%ld:", err->col);
		}
		PUT(" ");
	}
	PUT("%s", err->msg);
	if (err->where[0])
		PUT(" (at %s)", err->where);
#undef PUT
}


void sahifa_quote(const char *value, size_t len, size_t max_chars, char *out, size_t size)
{
	const unsigned char *s = (const unsigned char *)value;
	size_t i = 0, n = 0, chars = 0;

	if (size < 8) {
		if (size)
			out[0] = '\0';
		return;
	}
	out[n++] = '\'';
	while (i < len) {
		char tmp[8];
		uint32_t cp;
		size_t k, seq = sahifa_utf8_decode(s + i, len - i, &cp);

		if (chars == max_chars) {
			if (n + 5 < size)
				memcpy(out + n, "...", 3), n += 3;
			break;
		}
		if (s[i] == '\n')
			k = (size_t)snprintf(tmp, sizeof(tmp), "\\n");
		else if (s[i] == '\t')
			k = (size_t)snprintf(tmp, sizeof(tmp), "\\t");
		else if (s[i] < 0x20 || s[i] == 0x7F || !seq) {
			k = (size_t)snprintf(tmp, sizeof(tmp), "\\x%02X", s[i]);
			seq = 1;
		}
		else {
			k = seq;
			memcpy(tmp, s + i, seq);
		}
		if (n + k + 2 >= size)
			break;
		memcpy(out + n, tmp, k);
		n += k;
		i += seq;
		chars++;
	}
	out[n++] = '\'';
	out[n] = '\0';
}

const char *sahifa_status_name(enum sahifa_status status)
{
	switch (status) {
	case SAHIFA_OK: return "ok";
	case SAHIFA_ERR_DATA: return "data";
	case SAHIFA_ERR_USAGE: return "usage";
	case SAHIFA_ERR_IO: return "i/o";
	case SAHIFA_ERR_LIMIT: return "limit";
	case SAHIFA_ERR_NOMEM: return "out of memory";
	case SAHIFA_ERR_INTERNAL: return "internal";
	}
	return "unknown";
}
