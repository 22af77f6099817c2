/* The option and usage layer of the commands (tools/tool_opt.h). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "tool.h"
#include "tool_opt.h"

/* Options a command may have at most (the table and the short-option string). */
#define TOOL_OPT_MAX 64

int tool_parse_options(const struct tool_command *cmd, int argc, char **argv,
		       tool_option_fn on_option, void *ctx, int *first)
{
	struct option longopts[TOOL_OPT_MAX + 2];
	char shortopts[2 * TOOL_OPT_MAX + 4];
	size_t i, nl = 0, ns = 0;
	int c, rc, help_short = 1;
	char spelled[128];

	shortopts[ns++] = ':';  /* a missing value is ':', not '?', and getopt keeps quiet */
	for (i = 0; cmd->options[i].id && i < TOOL_OPT_MAX; i++) {
		const struct tool_option *o = &cmd->options[i];

		if (o->name) {
			longopts[nl].name = o->name;
			longopts[nl].has_arg = o->takes_value ? required_argument : no_argument;
			longopts[nl].flag = NULL;
			longopts[nl].val = o->id;
			nl++;
		}
		if (o->id < TOOL_OPT_LONG) {
			shortopts[ns++] = (char)o->id;
			if (o->takes_value)
				shortopts[ns++] = ':';
		}
		if (o->id == 'h')
			help_short = 0;
	}
	longopts[nl].name = "help";
	longopts[nl].has_arg = no_argument;
	longopts[nl].flag = NULL;
	longopts[nl].val = 'h';
	nl++;
	memset(&longopts[nl], 0, sizeof(longopts[nl]));
	if (help_short)
		shortopts[ns++] = 'h';
	shortopts[ns] = '\0';

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (c == 'h') {
			cmd->usage(stdout);
			return EXIT_OK;
		}
		if (c == ':') {
			/* the option without its value is the last argument read */
			snprintf(spelled, sizeof(spelled), "%s", argv[optind - 1]);
			return tool_usage_error(cmd->name, "option '%s' needs a value", spelled);
		}
		if (c == '?') {
			const char *arg = argv[optind - 1];

			/* a known long flag given a value: optopt holds its id */
			if (optopt && !strncmp(arg, "--", 2) && strchr(arg, '=')) {
				snprintf(spelled, sizeof(spelled), "%.*s", (int)(strchr(arg, '=') - arg),
					 arg);
				return tool_usage_error(cmd->name, "option '%s' takes no value", spelled);
			}
			/* optopt: an unknown letter, perhaps among others (-vx); 0: a long one */
			if (optopt)
				snprintf(spelled, sizeof(spelled), "-%c", optopt);
			else
				snprintf(spelled, sizeof(spelled), "%s", argv[optind - 1]);
			return tool_usage_error(cmd->name, "unknown option '%s'", spelled);
		}
		if ((rc = on_option(ctx, c, optarg)) >= 0)
			return rc;
	}
	*first = optind;
	return -1;
}

int tool_option_uint(const struct tool_command *cmd, const char *name, const char *value,
		     unsigned long long lo, unsigned long long hi, unsigned long long *out)
{
	if (tool_parse_uint(value, hi, out) || *out < lo)
		return tool_usage_error(cmd->name, "%s takes a number from %llu to %llu, not '%s'",
					name, lo, hi, value);
	return 0;
}
