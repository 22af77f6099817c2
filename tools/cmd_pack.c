/* sahifa pack: records (JSONL) -> a versioned, reproducible release archive. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sahifa/pack.h"
#include "sahifa/shard.h"
#include "tool.h"
#include "tool_opt.h"

static const char usage_text[] =
	"usage: sahifa pack --name NAME --version X.Y.Z -o OUTDIR [OPTIONS] INPUT.jsonl...\n"
	"\n"
	"Write OUTDIR/NAME-X.Y.Z.tar.gz: the records in JSONL shards per split, the same\n"
	"content as data/articles.csv and data/paragraphs.csv, manifest.json,\n"
	"datapackage.json, the schemas, a dataset card (README.md) and chart.svg.\n"
	"Exact duplicates are dropped.  The archive's path is printed on stdout.\n"
	"\n"
	"options:\n"
	"  -n, --name NAME        release name: [a-z0-9][a-z0-9._-]*\n"
	"  -V, --version X.Y.Z    release version (semver, optional -prerelease)\n"
	"  -o, --output OUTDIR    where the archive goes (created when missing)\n"
	"  -l, --license ID       SPDX license id the Hugging Face hub knows, e.g.\n"
	"                         CC-BY-4.0, ODbL-1.0, GPL-3.0-only (default: unknown)\n"
	"  -s, --split SPEC       split weights, e.g. train=98,validation=1,test=1\n"
	"                         (default: train=100)\n"
	"      --shard-size SIZE  bytes per JSONL shard, suffix K, M or G (default: 256M)\n"
	"  -f, --format FMT       tar.gz (default), zip or tar.zst\n"
	"  -p, --previous ARCHIVE the previous release: write CHANGES.md and refuse a\n"
	"                         version below the bump the changes call for\n"
	"      --force            pack despite a too-small bump; replace an existing archive\n"
	"      --csv-excel        CSVs for spreadsheets: a UTF-8 BOM, and cells that begin\n"
	"                         with = + - @ TAB or CR get a leading ' (default: faithful)\n"
	"  -h, --help             this help\n"
	"\n"
	"Inputs that are shards of 'sahifa convert --shard' (with a sidecar) are checked as\n"
	"'sahifa merge' checks them: all shards of one run, each once and whole.\n"
	"Every timestamp is SOURCE_DATE_EPOCH, or when unset the newest date the records\n"
	"carry (published, modified, WARC-Date), so the same records give the same bytes.\n"
	"exit status: 0 written, 1 bad input, 2 usage, 3 i/o\n";

/* Inputs that are shards of a sharded convert (one has a sidecar): the set must be
 * whole and of one run, as sahifa merge checks it, before anything is packed. */
static int check_shards(int n, char **inputs)
{
	struct sahifa_merge_summary ms;
	struct sahifa_error err;
	enum sahifa_status st;
	int i;

	for (i = 0; i < n && !sahifa_shard_has_sidecar(inputs[i]); i++)
		;
	if (i == n)
		return EXIT_OK;
	sahifa_error_clear(&err);
	st = sahifa_shard_merge((const char *const *)inputs, (size_t)n, NULL, tool_diag, NULL,
				&ms, &err);
	if (!st)
		return EXIT_OK;
	tool_print_error(&err);
	return tool_exit_for(st);
}

static void pack_usage(FILE *fp)
{
	fputs(usage_text, fp);
}

enum { OPT_SHARD_SIZE = TOOL_OPT_LONG, OPT_FORCE, OPT_CSV_EXCEL };

static const struct tool_option pack_options[] = {
	{ 'n', "name", 1 },
	{ 'V', "version", 1 },
	{ 'o', "output", 1 },
	{ 'l', "license", 1 },
	{ 's', "split", 1 },
	{ OPT_SHARD_SIZE, "shard-size", 1 },
	{ 'f', "format", 1 },
	{ 'p', "previous", 1 },
	{ OPT_FORCE, "force", 0 },
	{ OPT_CSV_EXCEL, "csv-excel", 0 },
	{ 0, NULL, 0 },
};

static const struct tool_command pack_command = { "pack", pack_options, pack_usage };

static int pack_option(void *ctx, int id, const char *value)
{
	struct sahifa_pack_options *o = ctx;

	switch (id) {
	case 'n': o->name = value; break;
	case 'V': o->version = value; break;
	case 'o': o->outdir = value; break;
	case 'l': o->license = value; break;
	case 's':
		if (sahifa_pack_parse_splits(value, o->weights))
			return tool_usage_error("pack", "bad --split '%s': use e.g."
						" train=98,validation=1,test=1", value);
		break;
	case OPT_SHARD_SIZE:
		if (sahifa_pack_parse_size(value, &o->shard_size))
			return tool_usage_error("pack", "bad --shard-size '%s': use e.g."
						" 256M", value);
		break;
	case 'f':
		if (!strcmp(value, "tar.gz"))
			o->format = SAHIFA_PACK_TAR_GZ;
		else if (!strcmp(value, "zip"))
			o->format = SAHIFA_PACK_ZIP;
		else if (!strcmp(value, "tar.zst"))
			o->format = SAHIFA_PACK_TAR_ZST;
		else
			return tool_usage_error("pack", "bad --format '%s': use tar.gz, zip"
						" or tar.zst", value);
		break;
	case 'p': o->previous = value; break;
	case OPT_FORCE: o->force = 1; break;
	case OPT_CSV_EXCEL: o->spreadsheet_csv = 1; break;
	}
	return -1;
}

int cmd_pack(int argc, char **argv)
{
	struct sahifa_pack_options o;
	struct sahifa_pack_summary sum;
	struct sahifa_error err;
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	unsigned long long v;
	enum sahifa_status st;
	int rc, first;

	memset(&o, 0, sizeof(o));
	if ((rc = tool_parse_options(&pack_command, argc, argv, pack_option, &o, &first)) >= 0)
		return rc;
	if (o.license) {
		char hub[72];
		size_t i, n;
		const char *const *ids = sahifa_pack_hub_licenses(&n);

		if (sahifa_pack_hub_license(o.license, hub, sizeof(hub))) {
			tool_usage_error("pack", "bad --license '%s': not an id the Hugging Face hub"
					 " accepts (SPDX ids map to them: GPL-3.0-only is gpl-3.0,"
					 " ODbL-1.0 is odbl)", o.license);
			fputs("sahifa: accepted ids:", stderr);
			for (i = 0; i < n; i++)
				fprintf(stderr, "%s %s", i ? "," : "", ids[i]);
			fputc('\n', stderr);
			return EXIT_USAGE;
		}
	}
	if (!o.name || !o.version || !o.outdir)
		return tool_usage_error("pack", "--name, --version and -o OUTDIR are required");
	if (first == argc)
		return tool_usage_error("pack", "no input files");
	if (epoch && *epoch) {
		if (tool_parse_uint(epoch, 253402300799ULL, &v))
			return tool_usage_error("pack", "bad SOURCE_DATE_EPOCH '%s': use seconds"
						" since 1970", epoch);
		o.source_date_epoch = (long long)v;
	} else {
		o.created_from_inputs = 1;
	}
	if ((rc = check_shards(argc - first, argv + first)) != EXIT_OK)
		return rc;
	st = sahifa_pack_run(&o, (const char *const *)argv + first, (size_t)(argc - first),
			     tool_diag, NULL, &sum, &err);
	if (st) {
		tool_print_error(&err);
		return tool_exit_for(st);
	}
	printf("%s\n", sum.archive);
	return EXIT_OK;
}
