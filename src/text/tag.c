/* sahifa tag: language and script of each line (include/sahifa/tag.h). */
#include <stdio.h>
#include <string.h>

#include "sahifa/buf.h"
#include "sahifa/limits.h"
#include "sahifa/tag.h"

static void tag_write(const struct sahifa_tag_options *o, const struct sahifa_langtag *t, FILE *out)
{
	if (o->json) {
		char tag[SAHIFA_LANG_MAX + SAHIFA_SCRIPT_MAX + 2];

		sahifa_langtag_format(t, tag, sizeof(tag));
		fprintf(out, "{\"lang\":\"%s\",\"script\":\"%s\",\"confidence\":%.3f,\"tag\":\"%s\"}\n",
			t->lang, t->script, t->confidence, tag);
	} else {
		fprintf(out, "%s\t%s\t%.3f\n", t->lang, t->script, t->confidence);
	}
}

/* Append the n bytes of chunk to line unless the line is already too long. */
static void tag_append_chunk(struct sahifa_buf *line, const char *chunk, size_t *n, int *too_long)
{
	if (*n && !*too_long && sahifa_buf_append(line, chunk, *n) != SAHIFA_OK)
		*too_long = 1;
	*n = 0;
}

/*
 * Read one line into line (without its newline or a CR before it).  Returns 1 for a
 * line, 0 at the end of input; *too_long is set when the line went past the limit (the
 * rest of it is read and dropped).  Bytes are gathered in a chunk and appended a chunk
 * at a time: a call per byte was a sixth of the command's time.
 */
static int tag_read_line(FILE *in, struct sahifa_buf *line, int *too_long)
{
	char chunk[4096];
	size_t n = 0;
	int ch, any = 0;

	sahifa_buf_reset(line);
	*too_long = 0;
	while ((ch = getc_unlocked(in)) != EOF) {
		any = 1;
		if (ch == '\n')
			break;
		chunk[n++] = (char)ch;
		if (n == sizeof(chunk))
			tag_append_chunk(line, chunk, &n, too_long);
	}
	tag_append_chunk(line, chunk, &n, too_long);
	if (line->len && line->data[line->len - 1] == '\r')
		line->data[--line->len] = '\0';
	return any;
}

enum sahifa_status sahifa_tag_run(const struct sahifa_tag_options *o, FILE *in, FILE *out,
				  sahifa_diag_fn diag, void *ctx, struct sahifa_tag_summary *sum,
				  struct sahifa_error *err)
{
	const char *name = o->name ? o->name : "-";
	struct sahifa_buf line;
	struct sahifa_langtag t;
	struct sahifa_error e;
	enum sahifa_status st = SAHIFA_OK;
	int too_long;

	memset(sum, 0, sizeof(*sum));
	/* One byte of room past the limit for a CR that is stripped. */
	sahifa_buf_init(&line, SAHIFA_MAX_LINE_BYTES + 1);
	while (tag_read_line(in, &line, &too_long)) {
		sum->lines++;
		if (too_long || line.len > SAHIFA_MAX_LINE_BYTES) {
			sahifa_error_set(&e, SAHIFA_ERR_LIMIT, name, (long)sum->lines, 0,
					 "line longer than %zu bytes", SAHIFA_MAX_LINE_BYTES);
			memset(&t, 0, sizeof(t));
			memcpy(t.lang, "und", 4);
			memcpy(t.script, "Zyyy", 5);
			sum->rejected++;
			if (diag)
				diag(ctx, &e);
		} else if (sahifa_lid_detect_engine(line.data, line.len, o->engine, &t, &e) !=
			   SAHIFA_OK) {
			sahifa_error_set_path(&e, name);
			e.line = (long)sum->lines;
			e.severity = SAHIFA_FAILED;
			sum->rejected++;
			if (diag)
				diag(ctx, &e);
		}
		tag_write(o, &t, out);
		if (ferror(out)) {
			st = sahifa_error_set(err, SAHIFA_ERR_IO, NULL, 0, 0, "write error");
			break;
		}
	}
	sahifa_buf_release(&line);
	if (!st && ferror(in))
		st = sahifa_error_set(err, SAHIFA_ERR_IO, name, 0, 0, "read error");
	return st;
}
