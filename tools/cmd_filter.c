/* sahifa filter: option parsing and messages around sahifa_filter_run(). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sahifa/buf.h"
#include "sahifa/corpus.h"
#include "tool.h"

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

int cmd_filter(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "drops", required_argument, NULL, 'D' },
		{ "preset", required_argument, NULL, 'p' },
		{ "thresholds", required_argument, NULL, 'T' },
		{ "print-thresholds", no_argument, NULL, 'P' },
		{ "threads", required_argument, NULL, 'j' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct sahifa_filter_options opts;
	struct sahifa_filter_summary sum;
	struct sahifa_filter_rules *rules = NULL;
	struct sahifa_error err;
	enum sahifa_status st;
	const char *preset = NULL, *thresholds = NULL;
	unsigned long long n;
	int c, verbose = 0, print = 0, rc = EXIT_OK;

	memset(&opts, 0, sizeof(opts));
	sahifa_error_clear(&err);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:j:vh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': opts.output = optarg; break;
		case 'D': opts.drops = optarg; break;
		case 'p': preset = optarg; break;
		case 'T': thresholds = optarg; break;
		case 'P': print = 1; break;
		case 'j':
			if (tool_parse_uint(optarg, 64, &n) || n == 0)
				return tool_usage_error("filter", "--threads takes a number from 1 to 64, not '%s'",
							optarg);
			opts.threads = (unsigned)n;
			break;
		case 'v': verbose = 1; break;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		case ':':
			return tool_usage_error("filter", "option '%s' needs a value", argv[optind - 1]);
		default:
			return tool_usage_error("filter", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (!preset && !thresholds)
		return tool_usage_error("filter", "give --preset NAME or --thresholds FILE");
	if (!print && (!opts.output || !opts.drops))
		return tool_usage_error("filter", "-o KEPT and --drops DROPS are required");
	if (!print && optind >= argc)
		return tool_usage_error("filter", "no RECORDS.jsonl given");
	if ((st = sahifa_filter_rules_new(preset, thresholds, &rules, &err))) {
		if (st == SAHIFA_ERR_USAGE)
			return tool_usage_error("filter", "%s", err.msg);
		tool_print_error(&err);
		return st == SAHIFA_ERR_IO ? EXIT_IO : EXIT_USAGE;
	}
	if (print) {
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
	opts.rules = rules;
	st = sahifa_filter_run(&opts, (const char *const *)argv + optind, (size_t)(argc - optind),
			       &sum, &err);
	if (st) {
		tool_print_error(&err);
		rc = tool_exit_for(st);
	} else if (verbose || sum.dropped)
		tool_message("%llu records: %llu kept, %llu dropped (%llu without quality signals, computed)",
			     sum.records, sum.kept, sum.dropped, sum.computed);
	sahifa_filter_rules_free(rules);
	return rc;
}
