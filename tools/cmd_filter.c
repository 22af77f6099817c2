/* sahifa filter: option parsing and messages around sahifa_filter_run(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sahifa/buf.h"
#include "sahifa/corpus.h"
#include "tool.h"
#include "tool_opt.h"

static const char usage_text[] =
	"usage: sahifa filter --preset gopher|c4|fineweb2 [--thresholds FILE]\n"
	"                     -o KEPT --drops DROPS RECORDS.jsonl...\n"
	"       sahifa filter --preset P [--thresholds FILE] --print-thresholds\n"
	"Drop article records whose quality signals (the record's \"quality\", computed\n"
	"when missing) fail a threshold; every drop names the signal, its value and the\n"
	"bound.  Arabic-script records have their own bounds where Arabic differs.\n"
	"\n"
	"      --preset NAME        gopher, c4 or fineweb2\n"
	"      --thresholds FILE    \"[SCRIPT] SIGNAL >= VALUE\" or \"<= VALUE\" lines; they\n"
	"                           replace the preset's bound on the same signal and side\n"
	"      --print-thresholds   print the thresholds in force and exit\n"
	"  -o, --output FILE        kept records (JSONL; required)\n"
	"      --drops FILE         dropped records (JSONL; required)\n"
	"  -j, --threads N          worker threads (default: one per core)\n"
	"  -v, --verbose            print the summary line even when nothing was dropped\n"
	"  -h, --help               show this help\n"
	"\n"
	"exit status: 0 done, 1 an input is not record JSONL (nothing written), 2 usage, 3 i/o\n";

static void filter_usage(FILE *fp)
{
	fputs(usage_text, fp);
}

enum { OPT_DROPS = TOOL_OPT_LONG, OPT_PRESET, OPT_THRESHOLDS, OPT_PRINT };

static const struct tool_option filter_options[] = {
	{ 'o', "output", 1 },
	{ OPT_DROPS, "drops", 1 },
	{ OPT_PRESET, "preset", 1 },
	{ OPT_THRESHOLDS, "thresholds", 1 },
	{ OPT_PRINT, "print-thresholds", 0 },
	{ 'j', "threads", 1 },
	{ 'v', "verbose", 0 },
	{ 0, NULL, 0 },
};

static const struct tool_command filter_command = { "filter", filter_options, filter_usage };

struct filter_args {
	struct sahifa_filter_options opts;
	const char *preset, *thresholds;
	int verbose, print;
};

static int filter_option(void *ctx, int id, const char *value)
{
	struct filter_args *a = ctx;
	unsigned long long n;

	switch (id) {
	case 'o': a->opts.output = value; break;
	case OPT_DROPS: a->opts.drops = value; break;
	case OPT_PRESET: a->preset = value; break;
	case OPT_THRESHOLDS: a->thresholds = value; break;
	case OPT_PRINT: a->print = 1; break;
	case 'j':
		if (tool_option_uint(&filter_command, "--threads", value, 1, 64, &n))
			return EXIT_USAGE;
		a->opts.threads = (unsigned)n;
		break;
	case 'v': a->verbose = 1; break;
	}
	return -1;
}

int cmd_filter(int argc, char **argv)
{
	struct filter_args args;
	struct sahifa_filter_summary sum;
	struct sahifa_filter_rules *rules = NULL;
	struct sahifa_error err;
	enum sahifa_status st;
	int first, rc = EXIT_OK;

	memset(&args, 0, sizeof(args));
	sahifa_error_clear(&err);
	if ((rc = tool_parse_options(&filter_command, argc, argv, filter_option, &args, &first)) >= 0)
		return rc;
	rc = EXIT_OK;
	if (!args.preset && !args.thresholds)
		return tool_usage_error("filter", "give --preset NAME or --thresholds FILE");
	if (!args.print && (!args.opts.output || !args.opts.drops))
		return tool_usage_error("filter", "-o KEPT and --drops DROPS are required");
	if (!args.print && first >= argc)
		return tool_usage_error("filter", "no RECORDS.jsonl given");
	if ((st = sahifa_filter_rules_new(args.preset, args.thresholds, &rules, &err))) {
		if (st == SAHIFA_ERR_USAGE)
			return tool_usage_error("filter", "%s", err.msg);
		tool_print_error(&err);
		return st == SAHIFA_ERR_IO ? EXIT_IO : EXIT_USAGE;
	}
	if (args.print) {
		struct sahifa_buf b = SAHIFA_BUF_INIT;

		sahifa_buf_init(&b, 0);
		if (sahifa_filter_rules_print(rules, &b))
			rc = EXIT_IO;
		else
			fputs(b.data ? b.data : "", stdout);
		sahifa_buf_release(&b);
		sahifa_filter_rules_free(rules);
		return rc;
	}
	args.opts.rules = rules;
	st = sahifa_filter_run(&args.opts, (const char *const *)argv + first, (size_t)(argc - first),
			       &sum, &err);
	if (st) {
		tool_print_error(&err);
		rc = tool_exit_for(st);
	} else if (args.verbose || sum.dropped)
		tool_message("%llu records: %llu kept, %llu dropped (%llu without quality signals, computed)",
			     sum.records, sum.kept, sum.dropped, sum.computed);
	sahifa_filter_rules_free(rules);
	return rc;
}
