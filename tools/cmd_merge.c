/* sahifa merge: the shares of a sharded convert -> one JSONL (include/sahifa/shard.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sahifa/shard.h"
#include "tool.h"
#include "tool_opt.h"

static const char usage_text[] =
	"usage: sahifa merge [-o FILE] [--check] [-v] SHARD.jsonl...\n"
	"Join the outputs of 'sahifa convert --shard K/N' (each with its sidecar\n"
	"SHARD.jsonl.shard) into one JSONL, shard 0 first.  The shards must be all N shards\n"
	"of one run (same inputs, options and sahifa version), each given once and whole;\n"
	"else every problem is reported as path:line: message and nothing is written.\n"
	"sahifa pack over the merged records gives the release a single convert gives.\n"
	"\n"
	"  -o, --output FILE   write the records to FILE (default: stdout)\n"
	"      --check         check the shards only, write nothing\n"
	"  -v, --verbose       print the counts over all shards on stderr\n"
	"  -h, --help          show this help\n"
	"\n"
	"exit status: 0 merged, 1 a shard is missing or bad, 2 usage, 3 i/o\n";

static void merge_usage(FILE *fp)
{
	fputs(usage_text, fp);
}

enum { OPT_CHECK = TOOL_OPT_LONG };

static const struct tool_option merge_options[] = {
	{ 'o', "output", 1 },
	{ OPT_CHECK, "check", 0 },
	{ 'v', "verbose", 0 },
	{ 0, NULL, 0 },
};

static const struct tool_command merge_command = { "merge", merge_options, merge_usage };

struct merge_args {
	const char *output;
	int check, verbose;
};

static int merge_option(void *ctx, int id, const char *value)
{
	struct merge_args *a = ctx;

	switch (id) {
	case 'o': a->output = value; break;
	case OPT_CHECK: a->check = 1; break;
	case 'v': a->verbose = 1; break;
	}
	return -1;
}

int cmd_merge(int argc, char **argv)
{
	struct merge_args args = { "-", 0, 0 };
	struct sahifa_merge_summary sum;
	struct sahifa_error err;
	enum sahifa_status st;
	int rc, first;

	if ((rc = tool_parse_options(&merge_command, argc, argv, merge_option, &args, &first)) >= 0)
		return rc;
	if (first >= argc)
		return tool_usage_error("merge", "no SHARD given");
	sahifa_error_clear(&err);
	st = sahifa_shard_merge((const char *const *)argv + first, (size_t)(argc - first),
				args.check ? NULL : args.output, tool_diag, NULL, &sum, &err);
	if (st) {
		tool_print_error(&err);
		return tool_exit_for(st);
	}
	if (args.verbose)
		tool_message("%u shards, %llu inputs, %llu records, %llu rejected, %llu skipped",
			     sum.n, sum.inputs, sum.records, sum.rejects, sum.skipped);
	return EXIT_OK;
}
