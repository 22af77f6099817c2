/* libFuzzer: tag's line reader (tools/cmd_tag.c, built in here with the tool's message
 * functions stubbed) over a memory stream, each line then tagged.  Invariants: the
 * reader returns one line per newline (plus a last unterminated one), no line holds a
 * newline, and the lines' bytes never exceed the input's. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tools/cmd_tag.c"

void tool_print_error(const struct sahifa_error *err)
{
	(void)err;
}

void tool_message(const char *fmt, ...)
{
	(void)fmt;
}

int tool_usage_error(const char *command, const char *fmt, ...)
{
	(void)command;
	(void)fmt;
	return 2;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *in;
	struct sahifa_buf line;
	size_t lines = 0, want = 0, bytes = 0, i;
	int too_long;

	if (!size)
		return 0;
	for (i = 0; i < size; i++)
		want += data[i] == '\n';
	want += data[size - 1] != '\n';
	in = fmemopen((void *)(uintptr_t)data, size, "rb");
	if (!in)
		return 0;
	sahifa_buf_init(&line, SAHIFA_MAX_LINE_BYTES + 1);
	while (read_line(in, &line, &too_long)) {
		struct sahifa_langtag t;
		struct sahifa_error err;

		lines++;
		if (line.len && memchr(line.data, '\n', line.len))
			abort();
		bytes += line.len;
		if (!too_long && sahifa_utf8_valid(line.data ? line.data : "", line.len, NULL))
			sahifa_lid_detect_engine(line.data ? line.data : "", line.len,
						 SAHIFA_LID_ENGINE_SAHIFA, &t, &err);
	}
	fclose(in);
	sahifa_buf_release(&line);
	if (lines != want || bytes + (want - (data[size - 1] != '\n')) > size)
		abort();
	return 0;
}
