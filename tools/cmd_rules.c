/* sahifa rules learn: option parsing and messages around sahifa_rules_learn(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sahifa/corpus.h"
#include "tool.h"
#include "tool_opt.h"

static const char usage_text[] =
	"usage: sahifa rules learn [--min-docs N] [--min-share F] -o SITE.rules RECORDS.jsonl...\n"
	"Find lines that recur across the documents of one site (the host of the record's\n"
	"url, else the archive or folder it was converted from) and write them as rules,\n"
	"grouped by site, each with the count of documents it was seen in, for review;\n"
	"then 'sahifa convert --rules SITE.rules' removes them.\n"
	"\n"
	"      --min-docs N         documents a line must be seen in (default 5)\n"
	"      --min-share F        and this share of its site's documents (default 0.2)\n"
	"  -o, --output FILE        the rules file (default: stdout)\n"
	"  -j, --threads N          worker threads (default: one per core)\n"
	"  -v, --verbose            print a summary line\n"
	"  -h, --help               show this help\n"
	"\n"
	"exit status: 0 done, 1 an input is not record JSONL (nothing written), 2 usage, 3 i/o\n";

static void rules_usage(FILE *fp)
{
	fputs(usage_text, fp);
}

enum { OPT_MIN_DOCS = TOOL_OPT_LONG, OPT_MIN_SHARE };

static const struct tool_option learn_options[] = {
	{ 'o', "output", 1 },
	{ OPT_MIN_DOCS, "min-docs", 1 },
	{ OPT_MIN_SHARE, "min-share", 1 },
	{ 'j', "threads", 1 },
	{ 'v', "verbose", 0 },
	{ 0, NULL, 0 },
};

static const struct tool_command learn_command = { "rules learn", learn_options, rules_usage };

struct learn_args {
	struct sahifa_learn_options opts;
	int verbose;
};

static int learn_option(void *ctx, int id, const char *value)
{
	struct learn_args *a = ctx;
	unsigned long long n;
	char *end;

	switch (id) {
	case 'o': a->opts.output = value; break;
	case OPT_MIN_DOCS:
		if (tool_parse_uint(value, 1000000000, &n) || n == 0)
			return tool_usage_error("rules learn", "--min-docs takes a number from 1, not '%s'",
						value);
		a->opts.min_docs = n;
		break;
	case OPT_MIN_SHARE:
		a->opts.min_share = strtod(value, &end);
		if (!*value || *end || !(a->opts.min_share > 0 && a->opts.min_share <= 1))
			return tool_usage_error("rules learn", "--min-share takes a number above 0 and at most 1, not '%s'",
						value);
		break;
	case 'j':
		if (tool_option_uint(&learn_command, "--threads", value, 1, 64, &n))
			return EXIT_USAGE;
		a->opts.threads = (unsigned)n;
		break;
	case 'v': a->verbose = 1; break;
	}
	return -1;
}

static int learn(int argc, char **argv)
{
	struct learn_args args;
	struct sahifa_learn_summary sum;
	struct sahifa_error err;
	enum sahifa_status st;
	int rc, first;

	memset(&args, 0, sizeof(args));
	sahifa_error_clear(&err);
	if ((rc = tool_parse_options(&learn_command, argc, argv, learn_option, &args, &first)) >= 0)
		return rc;
	if (first >= argc)
		return tool_usage_error("rules learn", "no RECORDS.jsonl given");
	st = sahifa_rules_learn(&args.opts, (const char *const *)argv + first, (size_t)(argc - first),
				&sum, &err);
	if (st) {
		tool_print_error(&err);
		return tool_exit_for(st);
	}
	if (args.verbose)
		tool_message("%llu records: %llu rules for %llu sites", sum.records, sum.rules, sum.sites);
	return EXIT_OK;
}

int cmd_rules(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "learn"))
		return learn(argc - 1, argv + 1);
	if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(usage_text, stdout);
		return EXIT_OK;
	}
	return tool_usage_error("rules", "expected 'learn', not '%s'", argc >= 2 ? argv[1] : "");
}
