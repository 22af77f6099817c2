/*
 * sahifa tag: language and script of each line of UTF-8 text on stdin, one output line
 * per input line, in order, streaming (memory bounded by SAHIFA_MAX_LINE_BYTES).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "sahifa/buf.h"
#include "sahifa/lid.h"
#include "sahifa/limits.h"
#include "tool.h"

struct tag_options {
	int json;
	enum sahifa_lid_engine engine;
};

static void tag_usage(FILE *fp)
{
	fprintf(fp,
		"usage: sahifa tag [--json] [--engine=sahifa|cld2] < text\n"
		"\n"
		"Tag each line of UTF-8 text on stdin with its language and script; write one\n"
		"line per input line: LANG<TAB>SCRIPT<TAB>CONFIDENCE (an empty line gives und).\n"
		"\n"
		"  --json          one JSON object per line: lang, script, confidence, tag\n"
		"  --engine=NAME   sahifa (default: CLD2 with the Arabic-script layer) or cld2\n"
		"                  (CLD2 alone, for comparison)\n"
		"  -h, --help      this help\n"
		"\n"
		"A line that is not valid UTF-8 or is longer than %zu bytes is tagged und with\n"
		"a message; the exit status is then 1.\n"
		"exit status: 0 ok, 1 some line rejected, 2 usage, 3 i/o\n",
		SAHIFA_MAX_LINE_BYTES);
}

static void write_tag(const struct tag_options *o, const struct sahifa_langtag *t)
{
	if (o->json) {
		char tag[SAHIFA_LANG_MAX + SAHIFA_SCRIPT_MAX + 2];

		sahifa_langtag_format(t, tag, sizeof(tag));
		printf("{\"lang\":\"%s\",\"script\":\"%s\",\"confidence\":%.3f,\"tag\":\"%s\"}\n",
		       t->lang, t->script, t->confidence, tag);
	} else {
		printf("%s\t%s\t%.3f\n", t->lang, t->script, t->confidence);
	}
}

/* Append the n bytes of chunk to line unless the line is already too long. */
static void append_chunk(struct sahifa_buf *line, const char *chunk, size_t *n, int *too_long)
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
static int read_line(FILE *in, struct sahifa_buf *line, int *too_long)
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
			append_chunk(line, chunk, &n, too_long);
	}
	append_chunk(line, chunk, &n, too_long);
	if (line->len && line->data[line->len - 1] == '\r')
		line->data[--line->len] = '\0';
	return any;
}

static int tag_stream(const struct tag_options *o)
{
	struct sahifa_buf line;
	struct sahifa_langtag t;
	struct sahifa_error err;
	long lineno = 0;
	int too_long, rc = EXIT_OK;

	/* One byte of room past the limit for a CR that is stripped. */
	sahifa_buf_init(&line, SAHIFA_MAX_LINE_BYTES + 1);
	while (read_line(stdin, &line, &too_long)) {
		lineno++;
		if (too_long || line.len > SAHIFA_MAX_LINE_BYTES) {
			sahifa_error_set(&err, SAHIFA_ERR_LIMIT, "-", lineno, 0,
					 "line longer than %zu bytes", SAHIFA_MAX_LINE_BYTES);
			tool_print_error(&err);
			memset(&t, 0, sizeof(t));
			memcpy(t.lang, "und", 4);
			memcpy(t.script, "Zyyy", 5);
			rc = EXIT_DATA;
		} else if (sahifa_lid_detect_engine(line.data, line.len, o->engine, &t, &err) !=
			   SAHIFA_OK) {
			sahifa_error_set_path(&err, "-");
			err.line = lineno;
			tool_print_error(&err);
			rc = EXIT_DATA;
		}
		write_tag(o, &t);
		if (ferror(stdout))
			break;
	}
	sahifa_buf_release(&line);
	if (ferror(stdin)) {
		tool_message("-: read error");
		return EXIT_IO;
	}
	return rc;
}

int cmd_tag(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "engine", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct tag_options o = { 0, SAHIFA_LID_ENGINE_SAHIFA };
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'j':
			o.json = 1;
			break;
		case 'e':
			if (!strcmp(optarg, "sahifa"))
				o.engine = SAHIFA_LID_ENGINE_SAHIFA;
			else if (!strcmp(optarg, "cld2"))
				o.engine = SAHIFA_LID_ENGINE_CLD2;
			else
				return tool_usage_error("tag", "unknown engine '%s'", optarg);
			break;
		case 'h':
			tag_usage(stdout);
			return EXIT_OK;
		default:
			return tool_usage_error("tag", "bad option");
		}
	}
	if (optind < argc)
		return tool_usage_error("tag", "unexpected argument '%s' (text is read from stdin)",
					argv[optind]);
	return tag_stream(&o);
}
