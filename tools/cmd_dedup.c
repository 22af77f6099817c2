/* sahifa dedup: option parsing and messages around sahifa_dedup_run(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sahifa/corpus.h"
#include "sahifa/shard.h"
#include "tool.h"
#include "tool_opt.h"

static const char usage_text[] =
	"usage: sahifa dedup [OPTIONS] -o KEPT --drops DROPS RECORDS.jsonl...\n"
	"       sahifa dedup --sign SIGS RECORDS.jsonl...\n"
	"       sahifa dedup --signatures SIGS [--signatures SIGS]... -o KEPT --drops DROPS\n"
	"                    RECORDS.jsonl...\n"
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
	"      --sign SIGS          write only the MinHash signatures of the records to SIGS\n"
	"                           (about 0.5 KB a record): the per-shard phase of a\n"
	"                           cluster run; a shard of 'sahifa convert --shard' (with\n"
	"                           its sidecar) is signed as that share of its run\n"
	"      --signatures SIGS    take the signatures from SIGS (one per shard, all shards\n"
	"                           of one run, any order) instead of computing them; the\n"
	"                           records must be those signed, shard 0 first (what\n"
	"                           sahifa merge writes); the result is the same\n"
	"  -j, --threads N          worker threads (default: one per core); never changes\n"
	"                           the output\n"
	"  -v, --verbose            print the summary line even when nothing was dropped\n"
	"  -h, --help               show this help\n"
	"\n"
	"exit status: 0 done, 1 an input is not record JSONL or a signature file is bad or\n"
	"not of these records (nothing written), 2 usage, 3 i/o\n";

static void dedup_usage(FILE *fp)
{
	fputs(usage_text, fp);
}

enum { OPT_DROPS = TOOL_OPT_LONG, OPT_THRESHOLD, OPT_PREVIOUS, OPT_SIGN, OPT_SIGNATURES };

static const struct tool_option dedup_options[] = {
	{ 'o', "output", 1 },
	{ OPT_DROPS, "drops", 1 },
	{ OPT_THRESHOLD, "threshold", 1 },
	{ OPT_PREVIOUS, "previous", 1 },
	{ OPT_SIGN, "sign", 1 },
	{ OPT_SIGNATURES, "signatures", 1 },
	{ 'j', "threads", 1 },
	{ 'v', "verbose", 0 },
	{ 0, NULL, 0 },
};

static const struct tool_command dedup_command = { "dedup", dedup_options, dedup_usage };

struct dedup_args {
	struct sahifa_dedup_options opts;
	const char **sigs;        /* --signatures, as given */
	size_t n_sigs;
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
	case OPT_SIGN: a->opts.sign = value; break;
	case OPT_SIGNATURES:
		/* argc bounds the count: sized once in cmd_dedup */
		a->sigs[a->n_sigs++] = value;
		break;
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

/* --sign over one shard of a sharded convert: the share its sidecar names.  0, or
 * an exit status. */
static int sign_shard(const char *input, struct sahifa_dedup_shard *sh)
{
	struct sahifa_shard_info info;
	struct sahifa_error err;
	char sidecar[SAHIFA_ERROR_PATH_MAX];
	enum sahifa_status st;

	sahifa_error_clear(&err);
	snprintf(sidecar, sizeof(sidecar), "%s%s", input, SAHIFA_SHARD_SIDECAR_EXT);
	if ((st = sahifa_shard_read_sidecar(sidecar, &info, &err))) {
		tool_print_error(&err);
		return tool_exit_for(st);
	}
	memcpy(sh->run, info.run, sizeof(sh->run));
	memcpy(sh->records_sha256, info.output_sha256, sizeof(sh->records_sha256));
	sh->k = info.k;
	sh->n = info.n;
	return EXIT_OK;
}

int cmd_dedup(int argc, char **argv)
{
	struct dedup_args args;
	struct sahifa_dedup_summary sum;
	struct sahifa_dedup_shard shard;
	struct sahifa_error err;
	enum sahifa_status st;
	int i, rc, first, shards = 0;

	memset(&args, 0, sizeof(args));
	sahifa_error_clear(&err);
	if (!(args.sigs = calloc((size_t)argc + 1, sizeof(*args.sigs)))) {
		tool_message("out of memory");
		return EXIT_IO;
	}
	if ((rc = tool_parse_options(&dedup_command, argc, argv, dedup_option, &args, &first)) >= 0)
		goto out;
	rc = EXIT_USAGE;
	if (args.opts.sign && (args.opts.output || args.opts.drops || args.opts.previous || args.n_sigs)) {
		tool_usage_error("dedup", "--sign writes signatures only: no -o, --drops, --previous or --signatures");
		goto out;
	}
	if (!args.opts.sign && !args.opts.drops) {
		tool_usage_error("dedup", "--drops FILE is required: every drop is written");
		goto out;
	}
	if (first >= argc) {
		tool_usage_error("dedup", "no RECORDS.jsonl given");
		goto out;
	}
	for (i = first; i < argc; i++) {
		if (!strcmp(argv[i], "-")) {
			tool_usage_error("dedup", "records are read twice: give files, not '-'");
			goto out;
		}
		shards += sahifa_shard_has_sidecar(argv[i]);
	}
	if (args.opts.sign && shards) {
		if (argc - first > 1) {
			tool_usage_error("dedup", "--sign takes one shard at a time");
			goto out;
		}
		if ((rc = sign_shard(argv[first], &shard)))
			goto out;
		args.opts.shard = &shard;
	}
	args.opts.signatures = args.sigs;
	args.opts.n_signatures = args.n_sigs;
	st = sahifa_dedup_run(&args.opts, (const char *const *)argv + first, (size_t)(argc - first),
			      &sum, &err);
	if (st) {
		tool_print_error(&err);
		rc = tool_exit_for(st);
		goto out;
	}
	rc = EXIT_OK;
	if (args.opts.sign) {
		if (args.verbose)
			tool_message("%llu records signed into '%s'", sum.records, args.opts.sign);
		goto out;
	}
	if (args.verbose || sum.exact || sum.near)
		tool_message("%llu records: %llu kept, %llu exact duplicates, %llu near duplicates "
			     "(%llu of them of --previous), %llu clusters; %zu bytes of index per record",
			     sum.records, sum.kept, sum.exact, sum.near, sum.previous, sum.clusters,
			     sum.bytes_per_record);
out:
	free(args.sigs);
	return rc;
}
