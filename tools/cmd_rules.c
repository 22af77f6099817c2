/* sahifa rules learn: option parsing and messages around sahifa_rules_learn(). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sahifa/corpus.h"
#include "tool.h"

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

static int learn(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "min-docs", required_argument, NULL, 'm' },
		{ "min-share", required_argument, NULL, 's' },
		{ "threads", required_argument, NULL, 'j' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct sahifa_learn_options opts;
	struct sahifa_learn_summary sum;
	struct sahifa_error err;
	enum sahifa_status st;
	unsigned long long n;
	int c, verbose = 0;
	char *end;

	memset(&opts, 0, sizeof(opts));
	sahifa_error_clear(&err);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:j:vh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': opts.output = optarg; break;
		case 'm':
			if (tool_parse_uint(optarg, 1000000000, &n) || n == 0)
				return tool_usage_error("rules learn", "--min-docs takes a number from 1, not '%s'",
							optarg);
			opts.min_docs = n;
			break;
		case 's':
			opts.min_share = strtod(optarg, &end);
			if (!*optarg || *end || !(opts.min_share > 0 && opts.min_share <= 1))
				return tool_usage_error("rules learn", "--min-share takes a number above 0 and at most 1, not '%s'",
							optarg);
			break;
		case 'j':
			if (tool_parse_uint(optarg, 64, &n) || n == 0)
				return tool_usage_error("rules learn", "--threads takes a number from 1 to 64, not '%s'",
							optarg);
			opts.threads = (unsigned)n;
			break;
		case 'v': verbose = 1; break;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		case ':':
			return tool_usage_error("rules learn", "option '%s' needs a value", argv[optind - 1]);
		default:
			return tool_usage_error("rules learn", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return tool_usage_error("rules learn", "no RECORDS.jsonl given");
	st = sahifa_rules_learn(&opts, (const char *const *)argv + optind, (size_t)(argc - optind),
				&sum, &err);
	if (st) {
		tool_print_error(&err);
		return tool_exit_for(st);
	}
	if (verbose)
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
