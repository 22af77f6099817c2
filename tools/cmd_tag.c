/*
 * sahifa tag: language and script of each line of UTF-8 text on stdin, one output line
 * per input line, in order, streaming: options around sahifa_tag_run() (include/sahifa/tag.h).
 */
#include <stdio.h>
#include <string.h>

#include "sahifa/limits.h"
#include "sahifa/tag.h"
#include "tool.h"
#include "tool_opt.h"

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

enum { OPT_JSON = TOOL_OPT_LONG, OPT_ENGINE };

static const struct tool_option tag_options[] = {
	{ OPT_JSON, "json", 0 },
	{ OPT_ENGINE, "engine", 1 },
	{ 0, NULL, 0 },
};

static const struct tool_command tag_command = { "tag", tag_options, tag_usage };

static int tag_option(void *ctx, int id, const char *value)
{
	struct sahifa_tag_options *o = ctx;

	switch (id) {
	case OPT_JSON:
		o->json = 1;
		break;
	case OPT_ENGINE:
		if (!strcmp(value, "sahifa"))
			o->engine = SAHIFA_LID_ENGINE_SAHIFA;
		else if (!strcmp(value, "cld2"))
			o->engine = SAHIFA_LID_ENGINE_CLD2;
		else
			return tool_usage_error("tag", "unknown engine '%s'", value);
		break;
	}
	return -1;
}

int cmd_tag(int argc, char **argv)
{
	struct sahifa_tag_options o = { 0, SAHIFA_LID_ENGINE_SAHIFA, "-" };
	struct sahifa_tag_summary sum;
	struct sahifa_error err;
	enum sahifa_status st;
	int rc, first;

	if ((rc = tool_parse_options(&tag_command, argc, argv, tag_option, &o, &first)) >= 0)
		return rc;
	if (first < argc)
		return tool_usage_error("tag", "unexpected argument '%s' (text is read from stdin)",
					argv[first]);
	st = sahifa_tag_run(&o, stdin, stdout, tool_diag, NULL, &sum, &err);
	/* a failed write to stdout is reported once, when stdout is closed */
	if (st && !ferror(stdout)) {
		tool_print_error(&err);
		return EXIT_IO;
	}
	return sum.rejected ? EXIT_DATA : EXIT_OK;
}
