/*
 * What the sahifa subcommands share: exit codes, messages, the diagnostic printer.
 * Messages go to stderr as "sahifa: path:line:col: message"; data goes to stdout.
 */
#ifndef SAHIFA_TOOL_H
#define SAHIFA_TOOL_H

#include "sahifa/error.h"

/* Documented exit codes (man/sahifa.1). */
enum tool_exit {
	EXIT_OK = 0,       /* everything converted / valid */
	EXIT_DATA = 1,     /* some input was rejected or invalid */
	EXIT_USAGE = 2,    /* bad options or arguments */
	EXIT_IO = 3        /* reading or writing failed, or another fatal error */
};

/* "sahifa: <formatted error>" on stderr. */
void tool_print_error(const struct sahifa_error *err);
/* "sahifa: <message>" on stderr. */
void tool_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A sahifa_diag_fn that prints every diagnostic; ctx is unused. */
void tool_diag(void *ctx, const struct sahifa_error *err);
/* Map a library status to an exit code. */
int tool_exit_for(enum sahifa_status st);
/* Print "sahifa COMMAND: usage error" hint and return EXIT_USAGE. */
int tool_usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Parse a non-negative integer option value; 0 ok, -1 bad. */
int tool_parse_uint(const char *s, unsigned long long max, unsigned long long *out);
/* Remove pending temporary files on SIGINT/SIGTERM/SIGHUP, then die of the signal. */
void tool_install_signal_cleanup(void);

int cmd_convert(int argc, char **argv);
int cmd_tag(int argc, char **argv);
int cmd_pack(int argc, char **argv);
int cmd_validate(int argc, char **argv);
/* the corpus stage */
int cmd_dedup(int argc, char **argv);
int cmd_filter(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_merge(int argc, char **argv);

#endif
