/*
 * The one option and usage layer of the commands (tools/tool_opt.c), in the spirit of
 * git's parse-options and curl's tool_getparam.c: a command describes its options in
 * a table, the layer parses argv and reports every usage error in our one format:
 *
 *	sahifa: COMMAND: unknown option '--bogus'
 *	sahifa: COMMAND: option '--schema' needs a value
 *	sahifa: try 'sahifa COMMAND --help'
 *
 * getopt prints nothing of its own.  -h and --help print the command's usage on stdout.
 *
 * To adopt it: list the options in a struct tool_option table (ended by { 0 }), move
 * the body of the getopt switch into an on_option callback (same cases, optarg becomes
 * value), and call tool_parse_options() in place of the getopt loop.
 */
#ifndef SAHIFA_TOOL_OPT_H
#define SAHIFA_TOOL_OPT_H

#include <stdio.h>

/* Ids of options that have no short letter start here. */
#define TOOL_OPT_LONG 256

struct tool_option {
	int id;               /* the short letter ('o'), or TOOL_OPT_LONG + k when none */
	const char *name;     /* the long name, without "--"; NULL when there is none */
	int takes_value;      /* 1: --name VALUE or --name=VALUE (-o VALUE, -oVALUE) */
};

struct tool_command {
	const char *name;                    /* "validate" */
	const struct tool_option *options;   /* ended by an entry with id 0 */
	void (*usage)(FILE *fp);             /* the --help text */
};

/* Called once per option, in order; value is NULL for a flag.  Returns -1 to go on,
 * or an exit code to stop with (after tool_usage_error() for a bad value). */
typedef int (*tool_option_fn)(void *ctx, int id, const char *value);

/* Parse the options of argv (argv[0] is the command's name).  Returns -1 when all
 * parsed, with *first the index of the first operand; else the exit code: EXIT_OK
 * after --help, EXIT_USAGE after an unknown option or a missing value (reported), or
 * what on_option returned. */
int tool_parse_options(const struct tool_command *cmd, int argc, char **argv,
		       tool_option_fn on_option, void *ctx, int *first);

/* A whole number from lo to hi for option name ("--threads"): 0 and *out set, or a
 * usage error "NAME takes a number from LO to HI, not 'VALUE'" and EXIT_USAGE. */
int tool_option_uint(const struct tool_command *cmd, const char *name, const char *value,
		     unsigned long long lo, unsigned long long hi, unsigned long long *out);

#endif
