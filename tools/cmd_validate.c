/* sahifa validate: check files or whole releases against the schemas (man/sahifa-validate.1). */
#include <stdio.h>
#include <string.h>

#include "sahifa/limits.h"
#include "sahifa/validate.h"
#include "tool.h"
#include "tool_opt.h"

struct validate_args {
	struct sahifa_validate_options opts;
	int json;
	const char *const *paths;
	size_t n_paths;
};

static void usage(FILE *fp)
{
	fprintf(fp,
		"usage: sahifa validate [OPTIONS] PATH...\n"
		"Check .jsonl files, .csv files, manifest.json, datapackage.json, release\n"
		"directories and release archives against the schemas.\n\n"
		"  --schema FILE            JSON Schema for .jsonl rows (default: built-in article schema)\n"
		"  --table-schema FILE      Table Schema for .csv files (default: by file name)\n"
		"  --max-errors N           stop after N errors; 0: no limit (default %d)\n"
		"  --max-uncompressed BYTES bytes read from one archive (default %llu)\n"
		"  --format text|json       json: a report on stdout (default text)\n"
		"  -j, --threads N          threads checking .jsonl rows (default: one per core);\n"
		"                           never changes the output\n"
		"  -h, --help               this help\n\n"
		"exit status: 0 valid, 1 invalid, 2 usage, 3 i/o\n",
		SAHIFA_VALIDATE_DEFAULT_MAX_ERRORS, SAHIFA_MAX_ARCHIVE_TOTAL_BYTES);
}

enum { OPT_SCHEMA = TOOL_OPT_LONG, OPT_TABLE_SCHEMA, OPT_MAX_ERRORS, OPT_MAX_UNCOMPRESSED,
       OPT_FORMAT };

static const struct tool_option validate_options[] = {
	{ OPT_SCHEMA, "schema", 1 },
	{ OPT_TABLE_SCHEMA, "table-schema", 1 },
	{ OPT_MAX_ERRORS, "max-errors", 1 },
	{ OPT_MAX_UNCOMPRESSED, "max-uncompressed", 1 },
	{ OPT_FORMAT, "format", 1 },
	{ 'j', "threads", 1 },
	{ 0, NULL, 0 },
};

static const struct tool_command validate_command = { "validate", validate_options, usage };

static int validate_option(void *ctx, int id, const char *value)
{
	struct validate_args *a = ctx;
	unsigned long long n;

	switch (id) {
	case OPT_SCHEMA:
		a->opts.schema = value;
		break;
	case OPT_TABLE_SCHEMA:
		a->opts.table_schema = value;
		break;
	case OPT_MAX_ERRORS:
		if (tool_parse_uint(value, ~0ULL, &a->opts.max_errors))
			return tool_usage_error("validate", "bad --max-errors '%s'", value);
		break;
	case OPT_MAX_UNCOMPRESSED:
		if (tool_parse_uint(value, ~0ULL, &a->opts.max_uncompressed) ||
		    !a->opts.max_uncompressed)
			return tool_usage_error("validate", "bad --max-uncompressed '%s'", value);
		break;
	case OPT_FORMAT:
		if (!strcmp(value, "json"))
			a->json = 1;
		else if (strcmp(value, "text"))
			return tool_usage_error("validate", "bad --format '%s' (text or json)", value);
		break;
	case 'j':
		if (tool_option_uint(&validate_command, "--threads", value, 1, 64, &n))
			return EXIT_USAGE;
		a->opts.threads = (unsigned)n;
		break;
	}
	return -1;
}

/* Parse options into a; returns -1 to go on, else the exit code. */
static int parse_args(int argc, char **argv, struct validate_args *a)
{
	int rc, first;

	memset(a, 0, sizeof(*a));
	a->opts.max_errors = SAHIFA_VALIDATE_DEFAULT_MAX_ERRORS;
	if ((rc = tool_parse_options(&validate_command, argc, argv, validate_option, a, &first)) >= 0)
		return rc;
	if (first >= argc)
		return tool_usage_error("validate", "no PATH given");
	a->paths = (const char *const *)argv + first;
	a->n_paths = (size_t)(argc - first);
	return -1;
}

/* With --format json the diagnostics still go to stderr; the report collects them too. */
struct both {
	struct sahifa_validate_report report;
	int json;
};

static void on_diag(void *ctx, const struct sahifa_error *err)
{
	struct both *b = ctx;

	tool_print_error(err);
	if (b->json)
		sahifa_validate_report_diag(&b->report, err);
}

static void on_file(void *ctx, const struct sahifa_validate_file *f)
{
	struct both *b = ctx;

	if (b->json)
		sahifa_validate_report_file(&b->report, f);
}

int cmd_validate(int argc, char **argv)
{
	struct validate_args a;
	struct sahifa_validate_summary sum;
	struct sahifa_error err;
	struct both b;
	enum sahifa_status st;
	int rc = parse_args(argc, argv, &a);

	if (rc >= 0)
		return rc;
	sahifa_error_clear(&err);
	sahifa_validate_report_init(&b.report);
	b.json = a.json;
	st = sahifa_validate_run(&a.opts, a.paths, a.n_paths, on_diag, on_file, &b, &sum, &err);
	if (st && st != SAHIFA_ERR_IO) {
		tool_print_error(&err);
		sahifa_validate_report_release(&b.report);
		return tool_exit_for(st);
	}
	if (sum.stopped)
		tool_message("stopped after %llu errors (--max-errors)", sum.errors);
	tool_message("%llu file%s, %llu row%s, %llu error%s", sum.files, sum.files == 1 ? "" : "s",
		     sum.rows, sum.rows == 1 ? "" : "s", sum.errors, sum.errors == 1 ? "" : "s");
	if (a.json) {
		struct sahifa_buf out = SAHIFA_BUF_INIT;

		if (sahifa_validate_report_to_json(&b.report, &sum, &out)) {
			tool_message("out of memory writing the report");
			st = SAHIFA_ERR_NOMEM;
		} else {
			fwrite(out.data, 1, out.len, stdout);
		}
		sahifa_buf_release(&out);
	}
	sahifa_validate_report_release(&b.report);
	if (st)
		return tool_exit_for(st);
	return sum.errors ? EXIT_DATA : EXIT_OK;
}
