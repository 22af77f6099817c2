/* sahifa: the command line.  Dispatches to one subcommand and closes stdout checked. */
#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sahifa/outfile.h"
#include "sahifa/version.h"
#include "tool.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{ "convert", cmd_convert, "raw articles -> one JSON record per article (JSONL)" },
	{ "tag", cmd_tag, "language and script of each line of text on stdin" },
	{ "pack", cmd_pack, "records -> a versioned, reproducible release archive" },
	{ "validate", cmd_validate, "check files or whole releases against the schemas" },
	/* the corpus stage */
	{ "dedup", cmd_dedup, "drop exact and near-duplicate records, each drop with its reason" },
	{ "filter", cmd_filter, "drop records whose quality signals fail a preset's thresholds" },
	{ "rules", cmd_rules, "learn site boilerplate from records (rules learn)" },
	{ "merge", cmd_merge, "the shards of a sharded convert -> one JSONL" },
};

static void usage(FILE *fp)
{
	size_t i;

	fprintf(fp, "usage: sahifa COMMAND [OPTIONS] [ARGS...]\n"
		    "       sahifa --help | --version\n\ncommands:\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(fp, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fprintf(fp, "\n'sahifa COMMAND --help' describes one command.\n"
		    "exit status: 0 ok, 1 some input rejected or invalid, 2 usage, 3 i/o\n");
}

void tool_print_error(const struct sahifa_error *err)
{
	char line[SAHIFA_ERROR_PATH_MAX + SAHIFA_ERROR_MSG_MAX + SAHIFA_ERROR_WHERE_MAX + 64];

	sahifa_error_format(err, line, sizeof(line));
	fprintf(stderr, "sahifa: %s%s\n", err->severity == SAHIFA_WARNING ? "warning: " : "",
		line);
}

void tool_message(const char *fmt, ...)
{
	va_list ap;

	fputs("sahifa: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void tool_diag(void *ctx, const struct sahifa_error *err)
{
	(void)ctx;
	tool_print_error(err);
}

int tool_exit_for(enum sahifa_status st)
{
	switch (st) {
	case SAHIFA_OK: return EXIT_OK;
	case SAHIFA_ERR_DATA:
	case SAHIFA_ERR_LIMIT: return EXIT_DATA;
	case SAHIFA_ERR_USAGE: return EXIT_USAGE;
	default: return EXIT_IO;
	}
}

int tool_usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "sahifa: %s: ", command);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nsahifa: try 'sahifa %s --help'\n", command);
	return EXIT_USAGE;
}

int tool_parse_uint(const char *s, unsigned long long max, unsigned long long *out)
{
	char *end;
	unsigned long long v;

	if (!s || !*s || *s == '-' || *s == '+')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || *end || v > max)
		return -1;
	*out = v;
	return 0;
}

static void on_signal(int sig)
{
	sahifa_outfile_unlink_pending();
	signal(sig, SIG_DFL);
	raise(sig);
}

void tool_install_signal_cleanup(void)
{
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	signal(SIGPIPE, on_signal);  /* convert --rejects r | head -c1 */
}

/* Close stdout and report a failed write (a full disk, a closed pipe) as an error. */
static int close_stdout(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		if (errno != EPIPE)
			tool_message("stdout: write error: %s", strerror(errno));
		return rc ? rc : EXIT_IO;
	}
	return rc;
}

int main(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return close_stdout(EXIT_OK);
	}
	if (!strcmp(argv[1], "--version")) {
		printf("sahifa %s\n", SAHIFA_VERSION);
		return close_stdout(EXIT_OK);
	}
	tool_install_signal_cleanup();
	/* A batch tool that allocates and frees per article from several threads: with
	 * glibc's defaults every worker arena hands memory back with madvise and takes it
	 * again, which cost convert a third of its time.  Keep freed memory (the peak is
	 * bounded by the batch limits anyway) and serve large blocks from the heap. */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			return close_stdout(commands[i].run(argc - 1, argv + 1));
	tool_message("unknown command '%s'", argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}
