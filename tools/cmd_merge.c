/* sahifa merge: the shares of a sharded convert -> one JSONL (include/sahifa/shard.h). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sahifa/shard.h"
#include "tool.h"

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

int cmd_merge(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "check", no_argument, NULL, 'c' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *output = "-";
	struct sahifa_merge_summary sum;
	struct sahifa_error err;
	enum sahifa_status st;
	int c, check = 0, verbose = 0;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:vh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case 'c': check = 1; break;
		case 'v': verbose = 1; break;
		case 'h': fputs(usage_text, stdout); return EXIT_OK;
		case ':': return tool_usage_error("merge", "option '%s' needs a value", argv[optind - 1]);
		default: return tool_usage_error("merge", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return tool_usage_error("merge", "no SHARD given");
	sahifa_error_clear(&err);
	st = sahifa_shard_merge((const char *const *)argv + optind, (size_t)(argc - optind),
				check ? NULL : output, tool_diag, NULL, &sum, &err);
	if (st) {
		tool_print_error(&err);
		return tool_exit_for(st);
	}
	if (verbose)
		tool_message("%u shards, %llu inputs, %llu records, %llu rejected, %llu skipped",
			     sum.n, sum.inputs, sum.records, sum.rejects, sum.skipped);
	return EXIT_OK;
}
