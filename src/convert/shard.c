/* Sharded runs: share names, the sidecar, and the merge (include/sahifa/shard.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "convert/shard_internal.h"
#include "sahifa/article.h"
#include "sahifa/buf.h"
#include "sahifa/outfile.h"
#include "sahifa/sha256.h"
#include "sahifa/shard.h"
#include "sahifa/version.h"

#define SIDECAR_MAX_BYTES 4096           /* a sidecar is about 400 bytes */
#define COPY_CHUNK ((size_t)64 << 10)

/* Parse a decimal number at most max; 0 ok, -1 bad (empty, sign, leading zero, big). */
static int parse_dec(const char *s, size_t len, unsigned long long max, unsigned long long *out)
{
	unsigned long long v = 0;
	size_t i;

	if (!len || (len > 1 && s[0] == '0'))
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (v > (max - (unsigned long long)(s[i] - '0')) / 10)
			return -1;
		v = v * 10 + (unsigned long long)(s[i] - '0');
	}
	*out = v;
	return 0;
}

int sahifa_shard_parse(const char *s, unsigned *k, unsigned *n)
{
	const char *slash = strchr(s, '/');
	unsigned long long a, b;

	if (!slash || parse_dec(s, (size_t)(slash - s), SAHIFA_SHARD_MAX, &a) ||
	    parse_dec(slash + 1, strlen(slash + 1), SAHIFA_SHARD_MAX, &b) || b == 0 || a >= b)
		return -1;
	*k = (unsigned)a;
	*n = (unsigned)b;
	return 0;
}

int sahifa_shard_from_env(unsigned *k, unsigned *n, struct sahifa_error *err)
{
	const char *id = getenv("SLURM_ARRAY_TASK_ID"), *count = getenv("SLURM_ARRAY_TASK_COUNT");
	unsigned long long a, b;
	char q[64];

	if (!id || !*id)
		return 0;
	if (!count || !*count) {
		sahifa_error_set(err, SAHIFA_ERR_USAGE, NULL, 0, 0,
				 "SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not: "
				 "give --shard K/N");
		return -1;
	}
	if (parse_dec(id, strlen(id), SAHIFA_SHARD_MAX, &a) ||
	    parse_dec(count, strlen(count), SAHIFA_SHARD_MAX, &b) || b == 0 || a >= b) {
		sahifa_quote(id, strlen(id), 20, q, sizeof(q));
		sahifa_error_set(err, SAHIFA_ERR_USAGE, NULL, 0, 0,
				 "SLURM_ARRAY_TASK_ID %s is not below SLURM_ARRAY_TASK_COUNT "
				 "(an array 0-(N-1) is needed): give --shard K/N", q);
		return -1;
	}
	*k = (unsigned)a;
	*n = (unsigned)b;
	return 1;
}

/* ---- the sidecar ---------------------------------------------------------------- */

/* The members in the order written; each on its own line, so a message can name it. */
enum field {
	F_FORMAT, F_TOOL, F_SCHEMA, F_RUN, F_SHARD, F_OF, F_OUTPUT_SHA256, F_OUTPUT_BYTES,
	F_INPUTS, F_RECORDS, F_REJECTS, F_SKIPPED, F_COUNT
};

static const char *const field_names[F_COUNT] = {
	"sahifa_shard", "tool", "schema", "run", "shard", "of", "output_sha256",
	"output_bytes", "inputs", "records", "rejects", "skipped",
};

static char *sidecar_name(const char *output)
{
	size_t len = strlen(output), ext = strlen(SAHIFA_SHARD_SIDECAR_EXT);
	char *s = malloc(len + ext + 1);

	if (!s)
		return NULL;
	memcpy(s, output, len);
	memcpy(s + len, SAHIFA_SHARD_SIDECAR_EXT, ext + 1);
	return s;
}

/* Strings we write are versions and hex digests: no quoting needed, and none read. */
static int plain_string(const char *s)
{
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') ||
		      (*s >= 'A' && *s <= 'Z') || *s == '.' || *s == '-' || *s == '+'))
			return 0;
	return 1;
}

enum sahifa_status sahifa_shard_write_sidecar(const char *output, struct sahifa_shard_info *info,
					      struct sahifa_error *err)
{
	struct sahifa_outfile o;
	char *name = sidecar_name(output);
	char text[SIDECAR_MAX_BYTES];
	enum sahifa_status st;
	int len;

	if (!name)
		return sahifa_error_nomem(err, NULL);
	st = sahifa_sha256_file(output, info->output_sha256, &info->output_bytes, err);
	if (!st && (!plain_string(info->tool) || !plain_string(info->schema) ||
		    !plain_string(info->run)))
		st = sahifa_error_set(err, SAHIFA_ERR_INTERNAL, name, 0, 0,
				      "a version or fingerprint needs quoting");
	if (st) {
		free(name);
		return st;
	}
	len = snprintf(text, sizeof(text),
		       "{\n  \"%s\": %u,\n  \"%s\": \"%s\",\n  \"%s\": \"%s\",\n  \"%s\": \"%s\",\n"
		       "  \"%s\": %u,\n  \"%s\": %u,\n  \"%s\": \"%s\",\n  \"%s\": %llu,\n"
		       "  \"%s\": %llu,\n  \"%s\": %llu,\n  \"%s\": %llu,\n  \"%s\": %llu\n}\n",
		       field_names[F_FORMAT], info->format, field_names[F_TOOL], info->tool,
		       field_names[F_SCHEMA], info->schema, field_names[F_RUN], info->run,
		       field_names[F_SHARD], info->k, field_names[F_OF], info->n,
		       field_names[F_OUTPUT_SHA256], info->output_sha256,
		       field_names[F_OUTPUT_BYTES], info->output_bytes,
		       field_names[F_INPUTS], info->inputs, field_names[F_RECORDS], info->records,
		       field_names[F_REJECTS], info->rejects, field_names[F_SKIPPED], info->skipped);
	st = sahifa_outfile_open(&o, name, err);
	if (!st)
		st = sahifa_outfile_write(&o, text, (size_t)len, err);
	if (!st)
		st = sahifa_outfile_commit(&o, err);
	else
		sahifa_outfile_abort(&o);
	free(name);
	return st;
}

static int is_hex64(const char *s)
{
	size_t i;

	for (i = 0; i < 64; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s[64] == '\0';
}

/* One line '  "name": value' with an optional ',' into *f, value (not NUL-ended). */
static int split_member(const char *s, size_t len, int *f, const char **val, size_t *vlen)
{
	size_t i = 0, j;
	int k;

	while (i < len && s[i] == ' ')
		i++;
	if (i == len || s[i] != '"')
		return -1;
	j = ++i;
	while (j < len && s[j] != '"')
		j++;
	if (j == len)
		return -1;
	for (k = 0; k < F_COUNT; k++)
		if (strlen(field_names[k]) == j - i && !memcmp(field_names[k], s + i, j - i))
			break;
	if (k == F_COUNT)
		return -2;
	*f = k;
	i = j + 1;
	if (i + 2 > len || s[i] != ':' || s[i + 1] != ' ')
		return -1;
	i += 2;
	while (len > i && (s[len - 1] == ',' || s[len - 1] == ' ' || s[len - 1] == '\r'))
		len--;
	*val = s + i;
	*vlen = len - i;
	return 0;
}

static int set_string(char *out, size_t size, const char *v, size_t len)
{
	if (len < 2 || v[0] != '"' || v[len - 1] != '"' || len - 2 >= size)
		return -1;
	memcpy(out, v + 1, len - 2);
	out[len - 2] = '\0';
	return plain_string(out) ? 0 : -1;
}

enum sahifa_status sahifa_shard_parse_sidecar(const char *path, const char *text, size_t len,
					      struct sahifa_shard_info *info,
					      struct sahifa_error *err)
{
	const char *p = text, *end = text + len;
	long line = 0, seen[F_COUNT];
	int k;

	memset(info, 0, sizeof(*info));
	memset(seen, 0, sizeof(seen));
	if (memchr(text, '\0', len))
		return sahifa_error_set(err, SAHIFA_ERR_DATA, path, 0, 0, "NUL byte in a sidecar");
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *val;
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p), vlen;
		unsigned long long v = 0;
		int f = 0, r;

		line++;
		if (!nl)
			return sahifa_error_set(err, SAHIFA_ERR_DATA, path, line, 0,
						"truncated: the last line has no end");
		if (line == 1 || (l == 1 && *p == '}')) {
			if (l != 1 || *p != (line == 1 ? '{' : '}'))
				return sahifa_error_set(err, SAHIFA_ERR_DATA, path, line, 0,
							"not a sahifa shard sidecar");
			p = nl + 1;
			if (line > 1)
				break;
			continue;
		}
		r = split_member(p, l, &f, &val, &vlen);
		if (r == -2)
			return sahifa_error_set(err, SAHIFA_ERR_DATA, path, line, 0, "unknown member");
		if (r)
			return sahifa_error_set(err, SAHIFA_ERR_DATA, path, line, 0,
						"not a sahifa shard sidecar line");
		if (seen[f])
			return sahifa_error_set(err, SAHIFA_ERR_DATA, path, line, 0,
						"'%s' given twice", field_names[f]);
		seen[f] = line;
		switch (f) {
		case F_TOOL: r = set_string(info->tool, sizeof(info->tool), val, vlen); break;
		case F_SCHEMA: r = set_string(info->schema, sizeof(info->schema), val, vlen); break;
		case F_RUN:
		case F_OUTPUT_SHA256: {
			char *out = f == F_RUN ? info->run : info->output_sha256;

			r = set_string(out, 65, val, vlen) || !is_hex64(out) ? -1 : 0;
			break;
		}
		default:
			r = parse_dec(val, vlen, f == F_SHARD || f == F_OF ? SAHIFA_SHARD_MAX
					  : 1ULL << 62, &v);
			break;
		}
		if (r)
			return sahifa_error_set(err, SAHIFA_ERR_DATA, path, line, 0, "bad value of '%s'",
						field_names[f]);
		switch (f) {
		case F_FORMAT: info->format = (unsigned)v; break;
		case F_SHARD: info->k = (unsigned)v; break;
		case F_OF: info->n = (unsigned)v; break;
		case F_OUTPUT_BYTES: info->output_bytes = v; break;
		case F_INPUTS: info->inputs = v; break;
		case F_RECORDS: info->records = v; break;
		case F_REJECTS: info->rejects = v; break;
		case F_SKIPPED: info->skipped = v; break;
		default: break;
		}
		p = nl + 1;
	}
	if (p != end || line < 2 || text[len - 2] != '}')
		return sahifa_error_set(err, SAHIFA_ERR_DATA, path, line, 0,
					p != end ? "text after the closing '}'"
						 : "truncated: no closing '}'");
	for (k = 0; k < F_COUNT; k++)
		if (!seen[k])
			return sahifa_error_set(err, SAHIFA_ERR_DATA, path, line, 0, "'%s' is missing",
						field_names[k]);
	if (info->format != SAHIFA_SHARD_FORMAT)
		return sahifa_error_set(err, SAHIFA_ERR_DATA, path, seen[F_FORMAT], 0,
					"sidecar format %u, this sahifa reads %d", info->format,
					SAHIFA_SHARD_FORMAT);
	if (info->n == 0 || info->k >= info->n)
		return sahifa_error_set(err, SAHIFA_ERR_DATA, path, seen[F_SHARD], 0,
					"shard %u is not below 'of' %u", info->k, info->n);
	if (info->inputs != info->records + info->rejects + info->skipped)
		return sahifa_error_set(err, SAHIFA_ERR_DATA, path, seen[F_INPUTS], 0,
					"%llu inputs are not %llu records + %llu rejects + %llu skipped",
					info->inputs, info->records, info->rejects, info->skipped);
	return SAHIFA_OK;
}

enum sahifa_status sahifa_shard_read_sidecar(const char *sidecar, struct sahifa_shard_info *info,
					     struct sahifa_error *err)
{
	FILE *fp = fopen(sidecar, "rb");
	char text[SIDECAR_MAX_BYTES + 1];
	size_t len;
	int bad;

	if (!fp)
		return sahifa_error_set(err, errno == ENOENT ? SAHIFA_ERR_DATA : SAHIFA_ERR_IO,
					sidecar, 0, 0, "%s",
					errno == ENOENT ? "no sidecar: the shard is unfinished or no shard"
							: "cannot open the sidecar");
	len = fread(text, 1, sizeof(text), fp);
	bad = ferror(fp);
	fclose(fp);
	if (bad)
		return sahifa_error_set(err, SAHIFA_ERR_IO, sidecar, 0, 0, "read error");
	if (len > SIDECAR_MAX_BYTES)
		return sahifa_error_set(err, SAHIFA_ERR_DATA, sidecar, 0, 0,
					"larger than a sidecar can be (%d bytes)", SIDECAR_MAX_BYTES);
	return sahifa_shard_parse_sidecar(sidecar, text, len, info, err);
}

/* ---- a share's run (convert.c calls these around its walk) ---------------------- */

/* Check the share, remove a finished share's sidecar (so that a run stopped midway
 * leaves no share that looks whole), and start the run's fingerprint with what,
 * besides the inputs, decides the records. */
enum sahifa_status shf_shard_begin(const struct sahifa_convert_options *opts,
				      struct sahifa_input_shard *share, struct sahifa_error *err)
{
	char head[128], *side;
	size_t len;
	int n;

	if (!opts->output || !strcmp(opts->output, "-"))
		return sahifa_error_set(err, SAHIFA_ERR_USAGE, NULL, 0, 0,
					"a shard is written to a file (-o), not to stdout");
	if (opts->shard->n == 0 || opts->shard->k >= opts->shard->n)
		return sahifa_error_set(err, SAHIFA_ERR_USAGE, NULL, 0, 0, "no shard %u of %u",
					opts->shard->k, opts->shard->n);
	len = strlen(opts->output);
	if (!(side = malloc(len + sizeof(SAHIFA_SHARD_SIDECAR_EXT))))
		return sahifa_error_nomem(err, NULL);
	memcpy(side, opts->output, len);
	memcpy(side + len, SAHIFA_SHARD_SIDECAR_EXT, sizeof(SAHIFA_SHARD_SIDECAR_EXT));
	if (unlink(side) && errno != ENOENT) {
		sahifa_error_set(err, SAHIFA_ERR_IO, side, 0, 0, "cannot remove: %s",
				 strerror(errno));
		free(side);
		return SAHIFA_ERR_IO;
	}
	free(side);
	share->k = opts->shard->k;
	share->n = opts->shard->n;
	if (!(share->fingerprint = sahifa_sha256_new()))
		return sahifa_error_nomem(err, NULL);
	n = snprintf(head, sizeof(head), "sahifa shard run\n%s\n%s\non-invalid %d\nformat %d\n",
		     SAHIFA_VERSION, SAHIFA_SCHEMA_VERSION, (int)opts->on_invalid, (int)opts->format);
	if (sahifa_sha256_update(share->fingerprint, head, (size_t)n) ||
	    (opts->shard->salt && sahifa_sha256_update(share->fingerprint, opts->shard->salt,
						       strlen(opts->shard->salt) + 1)))
		return sahifa_error_set(err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "sha-256 failed");
	return SAHIFA_OK;
}

/* The share is written: its sidecar, last. */
enum sahifa_status shf_shard_end(const struct sahifa_convert_options *opts,
				    struct sahifa_input_shard *share,
				    const struct sahifa_convert_summary *sum, struct sahifa_error *err)
{
	struct sahifa_shard_info info;

	memset(&info, 0, sizeof(info));
	info.format = SAHIFA_SHARD_FORMAT;
	snprintf(info.tool, sizeof(info.tool), "%s", SAHIFA_VERSION);
	snprintf(info.schema, sizeof(info.schema), "%s", SAHIFA_SCHEMA_VERSION);
	if (sahifa_sha256_final(share->fingerprint, info.run))
		return sahifa_error_set(err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "sha-256 failed");
	info.k = share->k;
	info.n = share->n;
	info.inputs = sum->inputs;
	info.records = sum->records;
	info.rejects = sum->rejects;
	info.skipped = sum->skipped;
	return sahifa_shard_write_sidecar(opts->output, &info, err);
}

int sahifa_shard_has_sidecar(const char *output)
{
	char *name = sidecar_name(output);
	int r = name && access(name, F_OK) == 0;

	free(name);
	return r;
}

/* ---- the merge ------------------------------------------------------------------ */

struct share {
	const char *output;
	char *sidecar;
	struct sahifa_shard_info info;
	int ok;
};

static void report(sahifa_diag_fn diag, void *ctx, const char *path, long line,
		   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void report(sahifa_diag_fn diag, void *ctx, const char *path, long line,
		   const char *fmt, ...)
{
	struct sahifa_error e;
	va_list ap;

	sahifa_error_clear(&e);
	va_start(ap, fmt);
	vsnprintf(e.msg, sizeof(e.msg), fmt, ap);
	va_end(ap);
	e.status = SAHIFA_ERR_DATA;
	e.severity = SAHIFA_FAILED;
	e.line = line;
	snprintf(e.path, sizeof(e.path), "%s", path);
	if (diag)
		diag(ctx, &e);
}

/* Line numbers of the sidecar members we point at (the layout we write). */
#define LINE_TOOL 3
#define LINE_SCHEMA 4
#define LINE_RUN 5
#define LINE_SHARD 6
#define LINE_OF 7

/* Read one share's output and check it against its sidecar; copy it into out when
 * out is not NULL.  Returns 0 when whole, 1 when not (reported), -1 on an out error. */
static int check_output(const struct share *s, struct sahifa_outfile *out,
			sahifa_diag_fn diag, void *ctx, struct sahifa_error *err)
{
	FILE *fp = fopen(s->output, "rb");
	struct sahifa_sha256 *h;
	char *buf = malloc(COPY_CHUNK);
	unsigned long long lines = 0, bytes = 0;
	char hex[65];
	int last_nl = 1, rc = 0;
	size_t n;

	if (!fp) {
		free(buf);
		report(diag, ctx, s->output, 0, "cannot open: %s", strerror(errno));
		return 1;
	}
	if (!buf || !(h = sahifa_sha256_new())) {
		free(buf);
		fclose(fp);
		sahifa_error_nomem(err, NULL);
		return -1;
	}
	while ((n = fread(buf, 1, COPY_CHUNK, fp)) > 0) {
		const char *p = buf, *e = buf + n;

		while ((p = memchr(p, '\n', (size_t)(e - p)))) {
			lines++;
			p++;
		}
		last_nl = buf[n - 1] == '\n';
		bytes += n;
		if (sahifa_sha256_update(h, buf, n) ||
		    (out && sahifa_outfile_write(out, buf, n, err))) {
			rc = -1;
			break;
		}
	}
	if (!rc && ferror(fp)) {
		report(diag, ctx, s->output, 0, "read error");
		rc = 1;
	}
	fclose(fp);
	free(buf);
	if (!rc && sahifa_sha256_final(h, hex)) {
		sahifa_error_set(err, SAHIFA_ERR_INTERNAL, NULL, 0, 0, "sha-256 failed");
		rc = -1;
	}
	sahifa_sha256_free(h);
	if (rc)
		return rc;
	if (!last_nl)
		report(diag, ctx, s->output, (long)lines + 1,
		       "truncated: the line has no end (its sidecar counts %llu records)",
		       s->info.records);
	else if (lines < s->info.records)
		report(diag, ctx, s->output, (long)lines + 1,
		       "truncated: %llu of the %llu records its sidecar counts", lines,
		       s->info.records);
	else if (lines > s->info.records)
		report(diag, ctx, s->output, (long)s->info.records + 1,
		       "%llu lines, more than the %llu records its sidecar counts", lines,
		       s->info.records);
	else if (bytes != s->info.output_bytes || strcmp(hex, s->info.output_sha256))
		report(diag, ctx, s->output, 1,
		       "changed since its share was written: sha-256 '%.16s...', its sidecar "
		       "says '%.16s...'", hex, s->info.output_sha256);
	else
		return 0;
	return 1;
}

static int cmp_share(const void *a, const void *b)
{
	const struct share *x = *(const struct share *const *)a, *y = *(const struct share *const *)b;

	return x->info.k < y->info.k ? -1 : x->info.k > y->info.k;
}

enum sahifa_status sahifa_shard_merge(const char *const *outputs, size_t n_outputs,
				      const char *output, sahifa_diag_fn diag, void *diag_ctx,
				      struct sahifa_merge_summary *sum, struct sahifa_error *err)
{
	struct share *s = calloc(n_outputs ? n_outputs : 1, sizeof(*s));
	struct share **ok = calloc(n_outputs ? n_outputs : 1, sizeof(*ok));
	const struct share *first = NULL;
	struct sahifa_outfile out;
	int have_out = 0;
	size_t i, bad = 0, n_ok = 0;
	enum sahifa_status st = SAHIFA_OK;

	memset(sum, 0, sizeof(*sum));
	if (!s || !ok) {
		free(s);
		free(ok);
		return sahifa_error_nomem(err, NULL);
	}
	/* each sidecar alone */
	for (i = 0; i < n_outputs; i++) {
		struct sahifa_error e;

		s[i].output = outputs[i];
		if (!(s[i].sidecar = sidecar_name(outputs[i]))) {
			st = sahifa_error_nomem(err, NULL);
			goto done;
		}
		sahifa_error_clear(&e);
		if (sahifa_shard_read_sidecar(s[i].sidecar, &s[i].info, &e)) {
			e.severity = SAHIFA_FAILED;
			if (diag)
				diag(diag_ctx, &e);
			bad++;
			continue;
		}
		s[i].ok = 1;
		if (!first)
			first = &s[i];
	}
	/* one run: what the first good sidecar says */
	for (i = 0; first && i < n_outputs; i++) {
		const struct sahifa_shard_info *a = &first->info, *b = &s[i].info;

		if (!s[i].ok || &s[i] == first)
			continue;
		if (strcmp(a->tool, b->tool) || strcmp(a->schema, b->schema)) {
			report(diag, diag_ctx, s[i].sidecar,
			       strcmp(a->tool, b->tool) ? LINE_TOOL : LINE_SCHEMA,
			       "from another version: sahifa %s (schema %s), '%s' has %s (schema %s)",
			       b->tool, b->schema, first->sidecar, a->tool, a->schema);
		} else if (strcmp(a->run, b->run)) {
			report(diag, diag_ctx, s[i].sidecar, LINE_RUN,
			       "from another run: inputs '%.16s...', '%s' has '%.16s...'", b->run,
			       first->sidecar, a->run);
		} else if (a->n != b->n) {
			report(diag, diag_ctx, s[i].sidecar, LINE_OF,
			       "from another run: %u shards, '%s' has %u", b->n, first->sidecar,
			       a->n);
		} else {
			continue;
		}
		s[i].ok = 0;
		bad++;
	}
	/* every share once */
	if (first) {
		unsigned n = first->info.n, k;
		size_t *at = malloc(n * sizeof(*at));

		if (!at) {
			st = sahifa_error_nomem(err, NULL);
			goto done;
		}
		for (k = 0; k < n; k++)
			at[k] = (size_t)-1;
		for (i = 0; i < n_outputs; i++) {
			if (!s[i].ok)
				continue;
			k = s[i].info.k;
			if (at[k] != (size_t)-1) {
				report(diag, diag_ctx, s[i].sidecar, LINE_SHARD,
				       "shard %u of %u given twice (also '%s')", k, n, s[at[k]].sidecar);
				s[i].ok = 0;
				bad++;
			} else {
				at[k] = i;
			}
		}
		for (k = 0; k < n; k++)
			if (at[k] == (size_t)-1) {
				report(diag, diag_ctx, first->sidecar, LINE_OF,
				       "shard %u of %u is missing", k, n);
				bad++;
			}
		free(at);
	} else if (!bad) {
		report(diag, diag_ctx, "-", 0, "no shard given");
		bad++;
	}
	/* the outputs, in share order */
	for (i = 0; i < n_outputs; i++)
		if (s[i].ok)
			ok[n_ok++] = &s[i];
	if (n_ok > 1)
		qsort(ok, n_ok, sizeof(*ok), cmp_share);
	if (!bad && output) {
		if ((st = sahifa_outfile_open(&out, output, err)))
			goto done;
		have_out = 1;
	}
	for (i = 0; i < n_ok; i++) {
		const struct share *x = ok[i];
		int r = check_output(x, bad || !have_out ? NULL : &out, diag, diag_ctx, err);

		if (r < 0) {
			st = err->status ? err->status : SAHIFA_ERR_IO;
			goto done;
		}
		if (r) {
			bad++;
			continue;
		}
		sum->n++;
		sum->inputs += x->info.inputs;
		sum->records += x->info.records;
		sum->rejects += x->info.rejects;
		sum->skipped += x->info.skipped;
	}
	if (first)
		memcpy(sum->run, first->info.run, sizeof(sum->run));
	if (bad)
		st = sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
				      "%zu problem%s with the shards: nothing written", bad,
				      bad == 1 ? "" : "s");
	else if (have_out) {
		if ((st = sahifa_outfile_commit(&out, err)))
			sahifa_outfile_abort(&out);
		have_out = 0;
	}
done:
	if (have_out)
		sahifa_outfile_abort(&out);
	for (i = 0; i < n_outputs; i++)
		free(s[i].sidecar);
	free(s);
	free(ok);
	return st;
}
