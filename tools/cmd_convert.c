/* sahifa convert: option parsing and messages around sahifa_convert_run(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sahifa/buf.h"
#include "sahifa/convert.h"
#include "sahifa/sha256.h"
#include "sahifa/shard.h"
#include "tool.h"
#include "tool_opt.h"

static const char usage_text[] =
	"usage: sahifa convert [OPTIONS] INPUT...\n"
	"Convert raw articles to one JSON record per article (JSONL).\n"
	"INPUT is a file, a directory (walked recursively in sorted order), an archive\n"
	"(tar, tar.gz, tar.xz, tar.zst, zip, 7z, ...; one article per member), a WARC crawl\n"
	"(.warc, .warc.gz, .warc.zst; one article per HTML response) or - for stdin.\n"
	"\n"
	"  -o, --output FILE        write the records to FILE (default: stdout)\n"
	"      --rejects FILE       also write every rejected input as JSONL to FILE\n"
	"      --rules FILE         add site-chrome rules from FILE (repeatable)\n"
	"      --no-default-rules   leave out the built-in rules (rules/default.rules)\n"
	"      --format FORMAT      auto (default: by content and container), text, html\n"
	"                           or warc\n"
	"      --on-invalid MODE    replace (default: invalid bytes become U+FFFD, counted)\n"
	"                           or reject (the input fails)\n"
	"      --shard K/N          convert only share K of N of the inputs (by a hash of each\n"
	"                           path or archive member; a WARC file goes whole) and write\n"
	"                           a sidecar OUTPUT.shard for sahifa merge; default from\n"
	"                           SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT when set\n"
	"  -j, --threads N          worker threads (default: one per core); never changes\n"
	"                           the output\n"
	"  -v, --verbose            print a summary line on stderr\n"
	"  -q, --quiet              no progress line on a terminal\n"
	"  -h, --help               show this help\n"
	"\n"
	"exit status: 0 all converted, 1 some input rejected, 2 usage, 3 i/o\n";

struct convert_args {
	struct sahifa_convert_options opts;
	const char **rules_files;
	size_t n_rules;
	int verbose;
	int no_default_rules;
	struct sahifa_convert_shard shard;  /* --shard K/N, or from the Slurm array */
	int sharded;
	int quiet;
	int first;                          /* argv index of the first INPUT */
	int rc;                             /* set by a bad value */
};

/* --shard K/N, or K and N of a Slurm array task; 0 ok, -1 to exit with *rc. */
static int shard_option(struct convert_args *args, const char *value, int *rc)
{
	struct sahifa_error err;
	int r;

	sahifa_error_clear(&err);
	if (value) {
		if (sahifa_shard_parse(value, &args->shard.k, &args->shard.n)) {
			*rc = tool_usage_error("convert", "--shard takes K/N with 0 <= K < N <= %d, not '%s'",
					       SAHIFA_SHARD_MAX, value);
			return -1;
		}
		args->sharded = 1;
	} else if (!args->sharded) {
		r = sahifa_shard_from_env(&args->shard.k, &args->shard.n, &err);
		if (r < 0) {
			*rc = tool_usage_error("convert", "%s", err.msg);
			return -1;
		}
		args->sharded = r;
	}
	if (args->sharded)
		args->opts.shard = &args->shard;
	return 0;
}

static void convert_usage(FILE *fp)
{
	fputs(usage_text, fp);
}

enum { OPT_REJECTS = TOOL_OPT_LONG, OPT_RULES, OPT_ON_INVALID, OPT_FORMAT, OPT_NO_DEFAULT_RULES,
       OPT_SHARD };

static const struct tool_option convert_options[] = {
	{ 'o', "output", 1 },
	{ OPT_REJECTS, "rejects", 1 },
	{ OPT_RULES, "rules", 1 },
	{ OPT_ON_INVALID, "on-invalid", 1 },
	{ OPT_FORMAT, "format", 1 },
	{ 'j', "threads", 1 },
	{ OPT_NO_DEFAULT_RULES, "no-default-rules", 0 },
	{ OPT_SHARD, "shard", 1 },
	{ 'v', "verbose", 0 },
	{ 'q', "quiet", 0 },
	{ 0, NULL, 0 },
};

static const struct tool_command convert_command = { "convert", convert_options, convert_usage };

/* One option; -1 to go on, else the exit code. */
static int convert_option(void *ctx, int id, const char *value)
{
	static const char *const formats[] = { "auto", "text", "html", "warc" };
	struct convert_args *args = ctx;
	unsigned long long n;
	size_t i;

	switch (id) {
	case 'o': args->opts.output = value; break;
	case OPT_REJECTS: args->opts.rejects = value; break;
	case OPT_RULES: args->rules_files[args->n_rules++] = value; break;
	case OPT_ON_INVALID:
		if (!strcmp(value, "replace"))
			args->opts.on_invalid = SAHIFA_INVALID_REPLACE;
		else if (!strcmp(value, "reject"))
			args->opts.on_invalid = SAHIFA_INVALID_REJECT;
		else
			return tool_usage_error("convert", "--on-invalid takes replace or reject, not '%s'",
						value);
		break;
	case OPT_FORMAT:
		/* in the order of enum sahifa_format */
		for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
			if (!strcmp(value, formats[i]))
				break;
		if (i == sizeof(formats) / sizeof(formats[0]))
			return tool_usage_error("convert", "--format takes auto, text, html or warc, not '%s'",
						value);
		args->opts.format = (enum sahifa_format)i;
		break;
	case 'j':
		if (tool_option_uint(&convert_command, "--threads", value, 1, 64, &n))
			return EXIT_USAGE;
		args->opts.threads = (unsigned)n;
		break;
	case OPT_NO_DEFAULT_RULES: args->no_default_rules = 1; break;
	case OPT_SHARD:
		if (shard_option(args, value, &args->rc))
			return args->rc;
		break;
	case 'v': args->verbose = 1; break;
	case 'q': args->quiet = 1; break;
	}
	return -1;
}

/* Parse options into args; returns -1 to exit with *rc. */
static int parse_args(int argc, char **argv, struct convert_args *args, int *rc)
{
	int r;

	args->rules_files = calloc((size_t)argc, sizeof(*args->rules_files));
	if (!args->rules_files) {
		tool_message("out of memory");
		*rc = EXIT_IO;
		return -1;
	}
	if ((r = tool_parse_options(&convert_command, argc, argv, convert_option, args,
				    &args->first)) >= 0) {
		*rc = r;
		return -1;
	}
	if (args->first >= argc) {
		*rc = tool_usage_error("convert", "no INPUT given (use - for stdin)");
		return -1;
	}
	if (shard_option(args, NULL, rc))
		return -1;
	if (args->sharded && (!args->opts.output || !strcmp(args->opts.output, "-"))) {
		*rc = tool_usage_error("convert", "a shard is written to a file: give -o FILE");
		return -1;
	}
	return 0;
}

/* ---- progress on a terminal ---- */

struct progress {
	struct timespec start, last;
	int shown;
};

static double seconds_between(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* At most four lines a second, the first after half a second of work: a short run shows
 * nothing. */
static void show_progress(void *ctx, const struct sahifa_input_progress *p)
{
	struct progress *pr = ctx;
	struct timespec now;
	double t, mbs;

	clock_gettime(CLOCK_MONOTONIC, &now);
	t = seconds_between(&pr->start, &now);
	if (t < 0.5 || (pr->shown && seconds_between(&pr->last, &now) < 0.25))
		return;
	pr->last = now;
	pr->shown = 1;
	mbs = (double)p->bytes / 1e6 / t;
	if (p->total && p->done && p->done <= p->total) {
		double rate = (double)p->done / t, left = (double)(p->total - p->done) / rate;

		fprintf(stderr, "\rsahifa: %llu records, %.1f MB/s, %.0f%% of the file, %d:%02d left ",
			p->items, mbs, 100.0 * (double)p->done / (double)p->total, (int)(left / 60),
			(int)left % 60);
	} else {
		fprintf(stderr, "\rsahifa: %llu records, %.1f MB/s ", p->items, mbs);
	}
}

static void end_progress(const struct progress *pr)
{
	if (pr->shown)
		fputs("\r\033[K", stderr);
}

/* --no-default-rules and the rules files' contents go into a sharded run's fingerprint: shares converted
 * under other rules are refused at the merge.  0 ok, -1 with err filled. */
static int shard_salt(struct convert_args *args, struct sahifa_buf *salt, struct sahifa_error *err)
{
	size_t i;

	if (args->no_default_rules && sahifa_buf_append_str(salt, "no-default-rules\n")) {
		sahifa_error_set(err, SAHIFA_ERR_NOMEM, NULL, 0, 0, "out of memory");
		return -1;
	}
	for (i = 0; i < args->n_rules; i++) {
		unsigned long long bytes;
		char hex[65];

		if (sahifa_sha256_file(args->rules_files[i], hex, &bytes, err))
			return -1;
		if (sahifa_buf_appendf(salt, "rules %s\n", hex)) {
			sahifa_error_set(err, SAHIFA_ERR_NOMEM, NULL, 0, 0, "out of memory");
			return -1;
		}
	}
	args->shard.salt = salt->data;
	return 0;
}

int cmd_convert(int argc, char **argv)
{
	struct progress prog;
	struct convert_args args;
	struct sahifa_convert_summary sum;
	struct sahifa_rules *rules = NULL;
	struct sahifa_buf salt = SAHIFA_BUF_INIT;
	struct sahifa_error err;
	enum sahifa_status st;
	int rc = EXIT_OK;
	size_t i;

	memset(&args, 0, sizeof(args));
	sahifa_error_clear(&err);
	if (parse_args(argc, argv, &args, &rc))
		goto done;
	st = args.no_default_rules ? sahifa_rules_new_empty(&rules, &err) :
				     sahifa_rules_new_default(&rules, &err);
	for (i = 0; !st && i < args.n_rules; i++)
		st = sahifa_rules_load_file(rules, args.rules_files[i], &err);
	if (st) {
		tool_print_error(&err);
		rc = st == SAHIFA_ERR_IO ? EXIT_IO : EXIT_USAGE;
		goto done;
	}
	args.opts.rules = rules;
	memset(&prog, 0, sizeof(prog));
	if (!args.quiet && isatty(STDERR_FILENO)) {
		clock_gettime(CLOCK_MONOTONIC, &prog.start);
		args.opts.progress = show_progress;
		args.opts.progress_ctx = &prog;
	}
	if (args.sharded && shard_salt(&args, &salt, &err)) {
		tool_print_error(&err);
		rc = EXIT_IO;
		goto done;
	}
	st = sahifa_convert_run(&args.opts, (const char *const *)argv + args.first,
				(size_t)(argc - args.first), tool_diag, NULL, &sum, &err);
	end_progress(&prog);
	if (st) {
		tool_print_error(&err);
		rc = tool_exit_for(st) == EXIT_DATA ? EXIT_IO : tool_exit_for(st);
	} else if (sum.rejects) {
		rc = EXIT_DATA;
	}
	if (args.verbose || sum.rejects || sum.skipped) {
		/* Skipped inputs (WARC records that are no articles, the run's own output,
		 * links, ...) by reason: counted, and said. */
		char skips[512] = "";
		size_t k, used = 0;

		for (k = 0; k < sum.n_skips && used < sizeof(skips); k++) {
			int w = snprintf(skips + used, sizeof(skips) - used, "%s%s %llu",
					 k ? ", " : " (", sum.skips[k].reason, sum.skips[k].n);
			used += w > 0 ? (size_t)w : 0;
		}
		if (sum.n_skips && used < sizeof(skips) - 1)
			snprintf(skips + used, sizeof(skips) - used, ")");
		if (sum.skipped)
			tool_message("%llu inputs, %llu records, %llu rejected, %llu skipped%s, "
				     "%llu bytes replaced",
				     sum.inputs, sum.records, sum.rejects, sum.skipped, skips,
				     sum.replaced);
		else
			tool_message("%llu inputs, %llu records, %llu rejected, %llu bytes replaced",
				     sum.inputs, sum.records, sum.rejects, sum.replaced);
	}
done:
	sahifa_buf_release(&salt);
	sahifa_rules_free(rules);
	free(args.rules_files);
	return rc;
}
