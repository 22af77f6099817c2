/*
 * filter (include/sahifa/corpus.h): thresholds on the quality signals, from a preset
 * and/or a thresholds file, each drop naming the signal, its value and the bound.
 *
 * The presets are written in the thresholds-file format below, so that
 * `sahifa filter --preset P --print-thresholds` shows exactly what runs.  Bounds for
 * Arabic-script records ("Arab") replace the general ones where Arabic differs, with
 * the reason next to each; the figures quoted are from the saudinewsnet corpus
 * converted by sahifa (1,316 records).  They apply to every Arabic-script record,
 * Persian and Urdu too, whose words join fewer particles: looser bounds than they
 * need, never tighter.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus_internal.h"
#include "sahifa/corpus.h"
#include "sahifa/outfile.h"

static const char gopher[] =
	"# Gopher (Rae et al. 2021, appendix A): quality and repetition filters\n"
	"words >= 50\n"
	"words <= 100000\n"
	"mean_word_length >= 3\n"
	"mean_word_length <= 10\n"
	"# Arabic writes conjunctions, prepositions, the article and object pronouns joined\n"
	"# to the word (wa-, bi-, li-, al-, -hum): words are longer and the tail is longer\n"
	"# (saudinewsnet: median 4.9, 99th percentile 5.8 letters); 10 would cut legal and\n"
	"# religious prose full of such compounds\n"
	"Arab mean_word_length <= 12\n"
	"symbol_word_ratio <= 0.1\n"
	"list_items <= 0.9\n"
	"ellipsis_lines <= 0.3\n"
	"alpha_words >= 0.8\n"
	"stopwords >= 2\n"
	"dup_lines <= 0.3\n"
	"dup_line_chars <= 0.2\n"
	"top_2gram_chars <= 0.2\n"
	"top_3gram_chars <= 0.18\n"
	"top_4gram_chars <= 0.16\n"
	"dup_5gram_chars <= 0.15\n"
	"dup_6gram_chars <= 0.14\n"
	"dup_7gram_chars <= 0.13\n"
	"dup_8gram_chars <= 0.12\n"
	"dup_9gram_chars <= 0.11\n"
	"dup_10gram_chars <= 0.1\n";

static const char c4[] =
	"# C4 (Raffel et al. 2020) keeps lines that end in terminal punctuation and pages\n"
	"# with at least three sentences; as a document filter: at least 3 sentences,\n"
	"# most lines ending like sentences, and no page that is mostly short fragments\n"
	"sentences >= 3\n"
	"terminal_punct_lines >= 0.5\n"
	"# Arabic news often ends paragraphs with no mark at all, or with a colon before a\n"
	"# quote (saudinewsnet: a tenth of the records have at most half their lines ending\n"
	"# in . ! ? or the Arabic marks); 0.5 would drop sound wire copy\n"
	"Arab terminal_punct_lines >= 0.3\n"
	"words >= 30\n";

static const char fineweb2[] =
	"# FineWeb's quality filter (Penedo et al. 2024), which FineWeb-2 keeps and\n"
	"# adapts per language, with Gopher's repetition filter and a stop-word floor\n"
	"terminal_punct_lines >= 0.12\n"
	"short_lines <= 0.67\n"
	"dup_line_chars <= 0.01\n"
	"list_items <= 0.9\n"
	"words >= 50\n"
	"stopword_share >= 0.2\n"
	"# the same joined particles leave fewer free-standing stop words in Arabic\n"
	"# (saudinewsnet: median share 0.24, a tenth under 0.16, against about 0.45 in English\n"
	"# news); the English floor would drop a third of good Arabic text\n"
	"Arab stopword_share >= 0.08\n"
	"# Hebrew joins its conjunction, article and prepositions to the word too (ve-, ha-,\n"
	"# be-, le-): its list covers 0.13 of the Leipzig news sentences in lingua's test data\n"
	"# and 0.17 of langid.py's sample\n"
	"Hebr stopword_share >= 0.08\n"
	"dup_lines <= 0.3\n"
	"top_2gram_chars <= 0.2\n"
	"top_3gram_chars <= 0.18\n"
	"top_4gram_chars <= 0.16\n"
	"dup_5gram_chars <= 0.15\n"
	"dup_10gram_chars <= 0.1\n";

static const struct {
	const char *name, *text;
} presets[] = { { "gopher", gopher }, { "c4", c4 }, { "fineweb2", fineweb2 } };

enum op { OP_GE = 0, OP_LE };

struct bound {
	char script[SAHIFA_SCRIPT_MAX];  /* "*" for any */
	const struct sahifa_quality_field *field;
	enum op op;
	double value;
};

struct sahifa_filter_rules {
	struct bound *b;
	size_t n, cap;
	char preset[16];
};

static enum sahifa_status add_bound(struct sahifa_filter_rules *r, const struct bound *nb)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->b[i].field == nb->field && r->b[i].op == nb->op &&
		    !strcmp(r->b[i].script, nb->script)) {
			r->b[i].value = nb->value;    /* a later line replaces */
			return SAHIFA_OK;
		}
	if (r->n == r->cap) {
		size_t ncap = r->cap ? r->cap * 2 : 32;
		void *p = realloc(r->b, ncap * sizeof(*r->b));

		if (!p)
			return SAHIFA_ERR_NOMEM;
		r->b = p;
		r->cap = ncap;
	}
	r->b[r->n++] = *nb;
	return SAHIFA_OK;
}

/* Parse "[SCRIPT] SIGNAL >=|<= VALUE" lines. */
static enum sahifa_status parse(struct sahifa_filter_rules *r, const char *name, const char *text,
				struct sahifa_error *err)
{
	const char *p = text;
	long lineno = 0;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char line[256], *tok[5], *save = NULL, *s, *end;
		int nt = 0;
		struct bound b;

		lineno++;
		if (len >= sizeof(line))
			return sahifa_error_set(err, SAHIFA_ERR_DATA, name, lineno, 0, "line too long");
		memcpy(line, p, len);
		line[len] = '\0';
		p += len + (nl ? 1 : 0);
		if ((s = strchr(line, '#')))
			*s = '\0';
		for (s = line; nt < 5 && (tok[nt] = strtok_r(s, " \t\r", &save)); s = NULL)
			nt++;
		if (nt == 0)
			continue;
		memset(&b, 0, sizeof(b));
		memcpy(b.script, "*", 2);
		if (nt == 4) {
			if (strlen(tok[0]) >= sizeof(b.script))
				return sahifa_error_set(err, SAHIFA_ERR_DATA, name, lineno, 0,
							"unknown script '%s'", tok[0]);
			memcpy(b.script, tok[0], strlen(tok[0]) + 1);
			tok[0] = tok[1], tok[1] = tok[2], tok[2] = tok[3];
		} else if (nt != 3)
			return sahifa_error_set(err, SAHIFA_ERR_DATA, name, lineno, 0,
						"expected '[SCRIPT] SIGNAL >= VALUE' or '<= VALUE'");
		if (!(b.field = sahifa_quality_field_find(tok[0])))
			return sahifa_error_set(err, SAHIFA_ERR_DATA, name, lineno, 0,
						"unknown signal '%s'", tok[0]);
		if (!strcmp(tok[1], ">="))
			b.op = OP_GE;
		else if (!strcmp(tok[1], "<="))
			b.op = OP_LE;
		else
			return sahifa_error_set(err, SAHIFA_ERR_DATA, name, lineno, 0,
						"expected >= or <=, not '%s'", tok[1]);
		errno = 0;
		b.value = strtod(tok[2], &end);
		if (errno || *end || end == tok[2] || b.value < 0)
			return sahifa_error_set(err, SAHIFA_ERR_DATA, name, lineno, 0,
						"expected a non-negative number, not '%s'", tok[2]);
		if (add_bound(r, &b))
			return sahifa_error_nomem(err, NULL);
	}
	return SAHIFA_OK;
}

enum sahifa_status sahifa_filter_rules_new(const char *preset, const char *path,
					   struct sahifa_filter_rules **out,
					   struct sahifa_error *err)
{
	struct sahifa_filter_rules *r = calloc(1, sizeof(*r));
	enum sahifa_status st = SAHIFA_OK;
	size_t i;

	*out = NULL;
	if (!r)
		return sahifa_error_nomem(err, NULL);
	if (preset) {
		for (i = 0; i < sizeof(presets) / sizeof(presets[0]); i++)
			if (!strcmp(presets[i].name, preset))
				break;
		if (i == sizeof(presets) / sizeof(presets[0]))
			st = sahifa_error_set(err, SAHIFA_ERR_USAGE, NULL, 0, 0,
					      "unknown preset '%s' (gopher, c4, fineweb2)", preset);
		else {
			snprintf(r->preset, sizeof(r->preset), "%s", preset);
			st = parse(r, preset, presets[i].text, err);
		}
	}
	if (!st && path) {
		struct sahifa_buf text = SAHIFA_BUF_INIT;
		char chunk[4096];
		size_t n;
		FILE *fp = fopen(path, "rb");

		if (!fp)
			st = sahifa_error_set(err, SAHIFA_ERR_IO, path, 0, 0, errno == ENOENT ?
					      "does not exist" : "cannot open: %s", strerror(errno));
		else {
			sahifa_buf_init(&text, (size_t)1 << 20);
			while (!st && (n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
				if (sahifa_buf_append(&text, chunk, n))
					st = sahifa_error_set(err, SAHIFA_ERR_LIMIT, path, 0, 0,
							      "thresholds file over 1 MiB");
			if (!st && ferror(fp))
				st = sahifa_error_set(err, SAHIFA_ERR_IO, path, 0, 0, "read error");
			fclose(fp);
			if (!st)
				st = parse(r, path, text.data ? text.data : "", err);
			sahifa_buf_release(&text);
		}
		if (!st && !r->preset[0])
			snprintf(r->preset, sizeof(r->preset), "file");
	}
	if (!st && !r->n)
		st = sahifa_error_set(err, SAHIFA_ERR_USAGE, path, 0, 0, "no thresholds");
	if (st) {
		sahifa_filter_rules_free(r);
		return st;
	}
	*out = r;
	return SAHIFA_OK;
}

void sahifa_filter_rules_free(struct sahifa_filter_rules *r)
{
	if (!r)
		return;
	free(r->b);
	free(r);
}

enum sahifa_status sahifa_filter_rules_print(const struct sahifa_filter_rules *r,
					     struct sahifa_buf *out)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		const struct bound *b = &r->b[i];

		if (sahifa_buf_appendf(out, "%s%s%s %s %g\n", strcmp(b->script, "*") ? b->script : "",
				       strcmp(b->script, "*") ? " " : "", b->field->name,
				       b->op == OP_GE ? ">=" : "<=", b->value))
			return SAHIFA_ERR_NOMEM;
	}
	return SAHIFA_OK;
}

/* The first bound q fails, or NULL.  A script's own bound replaces the general one on
 * the same signal and side; stop-word bounds are skipped for a language without a list. */
static const struct bound *first_failure(const struct sahifa_filter_rules *r,
					 const struct sahifa_quality *q, const char *script)
{
	size_t i, j;

	for (i = 0; i < r->n; i++) {
		const struct bound *b = &r->b[i];
		double v;

		if (strcmp(b->script, "*") && strcmp(b->script, script))
			continue;
		if (!strcmp(b->script, "*")) {
			for (j = 0; j < r->n; j++)
				if (r->b[j].field == b->field && r->b[j].op == b->op &&
				    !strcmp(r->b[j].script, script))
					break;
			if (j < r->n)
				continue;
		}
		if (!q->stopword_lang[0] && (!strcmp(b->field->name, "stopwords") ||
					     !strcmp(b->field->name, "stopword_share")))
			continue;
		v = sahifa_quality_value(q, b->field);
		/* the signals are written with 3 decimals: compare what the record says */
		if (!b->field->count)
			v = (double)(long long)(v * 1000.0 + 0.5) / 1000.0;
		if (b->op == OP_GE ? v < b->value : v > b->value)
			return b;
	}
	return NULL;
}

struct filter {
	const struct sahifa_filter_options *o;
	struct sahifa_filter_summary *sum;
	struct sahifa_outfile out, drops;
	struct sahifa_buf line;
	struct sahifa_error *err;
};

struct verdict {
	const struct bound *failed;
	double value;
	char id[SAHIFA_ID_HEX + 1];
	char script[SAHIFA_SCRIPT_MAX];
	int computed;
};

static enum sahifa_status filter_work(void *ctx, struct corpus_line *l)
{
	struct filter *f = ctx;
	struct verdict *v = calloc(1, sizeof(*v));
	enum sahifa_status st;

	if (!v)
		return sahifa_error_nomem(&l->err, NULL);
	l->out = v;
	if (!l->a.quality.present) {
		v->computed = 1;
		if ((st = sahifa_quality_compute(&l->a, &l->err)))
			return st;
	}
	memcpy(v->id, l->a.id, sizeof(v->id));
	memcpy(v->script, l->a.tag.script, sizeof(v->script));
	v->failed = first_failure(f->o->rules, &l->a.quality, l->a.tag.script);
	if (v->failed)
		v->value = sahifa_quality_value(&l->a.quality, v->failed->field);
	return SAHIFA_OK;
}

static enum sahifa_status filter_collect(void *ctx, struct corpus_line *l)
{
	struct filter *f = ctx;
	struct verdict *v = l->out;
	struct corpus_drop d;
	enum sahifa_status st;

	f->sum->records++;
	f->sum->computed += v->computed;
	if (!v->failed) {
		f->sum->kept++;
		st = sahifa_outfile_write(&f->out, l->text.data ? l->text.data : "", l->text.len,
					  f->err);
		if (!st)
			st = sahifa_outfile_write(&f->out, "\n", 1, f->err);
		free(v);
		return st;
	}
	memset(&d, 0, sizeof(d));
	d.id = v->id;
	d.reason = "quality";
	d.signal = v->failed->field->name;
	d.value = v->value;
	d.op = v->failed->op == OP_GE ? ">=" : "<=";
	d.threshold = v->failed->value;
	d.preset = f->o->rules->preset;
	d.script = v->failed->script;
	d.input = l->path;
	d.line = l->line;
	f->sum->dropped++;
	sahifa_buf_reset(&f->line);
	st = corpus_drop_json(&d, &f->line) ?
		sahifa_error_nomem(f->err, NULL) :
		sahifa_outfile_write(&f->drops, f->line.data, f->line.len, f->err);
	free(v);
	return st;
}

enum sahifa_status sahifa_filter_run(const struct sahifa_filter_options *opts,
				     const char *const *inputs, size_t n_inputs,
				     struct sahifa_filter_summary *summary,
				     struct sahifa_error *err)
{
	struct filter f;
	struct corpus_pass pass;
	enum sahifa_status st;
	int out_open = 0, drops_open = 0;

	memset(&f, 0, sizeof(f));
	memset(summary, 0, sizeof(*summary));
	f.o = opts;
	f.sum = summary;
	f.err = err;
	sahifa_buf_init(&f.line, 0);
	memset(&pass, 0, sizeof(pass));
	pass.threads = opts->threads;
	pass.work = filter_work;
	pass.collect = filter_collect;
	pass.ctx = &f;
	/* the outputs are temporary files until the end: a bad line leaves nothing */
	if (!(st = sahifa_outfile_open(&f.out, opts->output ? opts->output : "-", err)))
		out_open = 1;
	if (!st && !(st = sahifa_outfile_open(&f.drops, opts->drops, err)))
		drops_open = 1;
	if (!st)
		st = corpus_pass_run(&pass, inputs, n_inputs, err);
	if (!st) {
		st = sahifa_outfile_commit(&f.out, err);
		out_open = 0;
	}
	if (!st) {
		st = sahifa_outfile_commit(&f.drops, err);
		drops_open = 0;
	}
	if (out_open)
		sahifa_outfile_abort(&f.out);
	if (drops_open)
		sahifa_outfile_abort(&f.drops);
	sahifa_buf_release(&f.line);
	return st;
}
