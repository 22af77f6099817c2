/* sahifa dedup: option parsing and messages around sahifa_dedup_run(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sahifa/corpus.h"
#include "tool.h"
#include "tool_opt.h"

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

static void dedup_usage(FILE *fp)
{
	fputs(usage_text, fp);
}

enum { OPT_DROPS = TOOL_OPT_LONG, OPT_THRESHOLD, OPT_PREVIOUS };

static const struct tool_option dedup_options[] = {
	{ 'o', "output", 1 },
	{ OPT_DROPS, "drops", 1 },
	{ OPT_THRESHOLD, "threshold", 1 },
	{ OPT_PREVIOUS, "previous", 1 },
	{ 'j', "threads", 1 },
	{ 'v', "verbose", 0 },
	{ 0, NULL, 0 },
};

static const struct tool_command dedup_command = { "dedup", dedup_options, dedup_usage };

struct dedup_args {
	struct sahifa_dedup_options opts;
	int verbose;
};

static int dedup_option(void *ctx, int id, const char *value)
{
	struct dedup_args *a = ctx;
	unsigned long long n;
	char *end;

	switch (id) {
	case 'o': a->opts.output = value; break;
	case OPT_DROPS: a->opts.drops = value; break;
	case OPT_PREVIOUS: a->opts.previous = value; break;
	case OPT_THRESHOLD:
		a->opts.threshold = strtod(value, &end);
		if (!*value || *end || !(a->opts.threshold > 0 && a->opts.threshold <= 1))
			return tool_usage_error("dedup", "--threshold takes a number above 0 and at most 1, not '%s'",
						value);
		break;
	case 'j':
		if (tool_option_uint(&dedup_command, "--threads", value, 1, 64, &n))
			return EXIT_USAGE;
		a->opts.threads = (unsigned)n;
		break;
	case 'v': a->verbose = 1; break;
	}
	return -1;
}

int cmd_dedup(int argc, char **argv)
{
	struct dedup_args args;
	struct sahifa_dedup_summary sum;
	struct sahifa_error err;
	enum sahifa_status st;
	int i, rc, first;

	memset(&args, 0, sizeof(args));
	sahifa_error_clear(&err);
	if ((rc = tool_parse_options(&dedup_command, argc, argv, dedup_option, &args, &first)) >= 0)
		return rc;
	if (!args.opts.drops)
		return tool_usage_error("dedup", "--drops FILE is required: every drop is written");
	if (first >= argc)
		return tool_usage_error("dedup", "no RECORDS.jsonl given");
	for (i = first; i < argc; i++)
		if (!strcmp(argv[i], "-"))
			return tool_usage_error("dedup", "records are read twice: give files, not '-'");
	st = sahifa_dedup_run(&args.opts, (const char *const *)argv + first, (size_t)(argc - first),
			      &sum, &err);
	if (st) {
		tool_print_error(&err);
		return tool_exit_for(st);
	}
	if (args.verbose || sum.exact || sum.near)
		tool_message("%llu records: %llu kept, %llu exact duplicates, %llu near duplicates "
			     "(%llu of them of --previous), %llu clusters; %zu bytes of index per record",
			     sum.records, sum.kept, sum.exact, sum.near, sum.previous, sum.clusters,
			     sum.bytes_per_record);
	return EXIT_OK;
}
