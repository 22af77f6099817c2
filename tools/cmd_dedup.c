/* sahifa dedup: option parsing and messages around sahifa_dedup_run(). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sahifa/corpus.h"
#include "tool.h"

static const char usage_text[] =
	"usage: sahifa dedup [OPTIONS] -o KEPT --drops DROPS RECORDS.jsonl...\n"
	"Drop exact duplicates (same normalized text) and near duplicates (MinHash over word\n"
	"5-grams, 14 bands of 8 hashes) of article records; every drop is written to DROPS\n"
	"with its reason, the id of the kept copy and the estimated similarity.  The kept\n"
	"copy of a cluster is the earliest published, then the smallest id.\n"
	"\n"
	"  -o, --output FILE        kept records (JSONL; default: stdout)\n"
	"      --drops FILE         dropped records (JSONL; required)\n"
	"      --threshold J        estimated Jaccard similarity of a near duplicate\n"
	"                           (default 0.8)\n"
	"      --previous RELEASE   a release folder or archive made by pack: records\n"
	"                           like its records are dropped, none of it is written\n"
	"  -j, --threads N          worker threads (default: one per core); never changes\n"
	"                           the output\n"
	"  -v, --verbose            print the summary line even when nothing was dropped\n"
	"  -h, --help               show this help\n"
	"\n"
	"exit status: 0 done, 1 an input is not record JSONL (nothing written), 2 usage, 3 i/o\n";

int cmd_dedup(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "drops", required_argument, NULL, 'D' },
		{ "threshold", required_argument, NULL, 't' },
		{ "previous", required_argument, NULL, 'P' },
		{ "threads", required_argument, NULL, 'j' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct sahifa_dedup_options opts;
	struct sahifa_dedup_summary sum;
	struct sahifa_error err;
	enum sahifa_status st;
	unsigned long long n;
	int c, i, verbose = 0;
	char *end;

	memset(&opts, 0, sizeof(opts));
	sahifa_error_clear(&err);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:j:vh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': opts.output = optarg; break;
		case 'D': opts.drops = optarg; break;
		case 'P': opts.previous = optarg; break;
		case 't':
			opts.threshold = strtod(optarg, &end);
			if (!*optarg || *end || !(opts.threshold > 0 && opts.threshold <= 1))
				return tool_usage_error("dedup", "--threshold takes a number above 0 and at most 1, not '%s'",
							optarg);
			break;
		case 'j':
			if (tool_parse_uint(optarg, 64, &n) || n == 0)
				return tool_usage_error("dedup", "--threads takes a number from 1 to 64, not '%s'",
							optarg);
			opts.threads = (unsigned)n;
			break;
		case 'v': verbose = 1; break;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		case ':':
			return tool_usage_error("dedup", "option '%s' needs a value", argv[optind - 1]);
		default:
			return tool_usage_error("dedup", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (!opts.drops)
		return tool_usage_error("dedup", "--drops FILE is required: every drop is written");
	if (optind >= argc)
		return tool_usage_error("dedup", "no RECORDS.jsonl given");
	for (i = optind; i < argc; i++)
		if (!strcmp(argv[i], "-"))
			return tool_usage_error("dedup", "records are read twice: give files, not '-'");
	st = sahifa_dedup_run(&opts, (const char *const *)argv + optind, (size_t)(argc - optind),
			      &sum, &err);
	if (st) {
		tool_print_error(&err);
		return tool_exit_for(st);
	}
	if (verbose || sum.exact || sum.near)
		tool_message("%llu records: %llu kept, %llu exact duplicates, %llu near duplicates "
			     "(%llu of them of --previous), %llu clusters; %zu bytes of index per record",
			     sum.records, sum.kept, sum.exact, sum.near, sum.previous, sum.clusters,
			     sum.bytes_per_record);
	return EXIT_OK;
}
