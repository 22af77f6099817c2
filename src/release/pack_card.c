/* The release's human-facing files: README.md (dataset card), chart.svg, CHANGES.md. */
#include <stdlib.h>
#include <string.h>

#include "release/pack_internal.h"
#include "sahifa/article.h"

const unsigned long pack_hist_edges[PACK_HIST_BINS] = { 0, 50, 100, 200, 400, 800, 1600, 3200 };

size_t pack_hist_bin(unsigned long long chars)
{
	size_t i = PACK_HIST_BINS - 1;

	while (i > 0 && chars < pack_hist_edges[i])
		i--;
	return i;
}

#define TRY(x)                                  \
	do {                                    \
		enum sahifa_status st_ = (x);   \
		if (st_)                        \
			return st_;             \
	} while (0)

/* Hugging Face size category of an article count. */
static const char *size_category(unsigned long long n)
{
	if (n < 1000)
		return "n<1K";
	if (n < 10000)
		return "1K<n<10K";
	if (n < 100000)
		return "10K<n<100K";
	if (n < 1000000)
		return "100K<n<1M";
	if (n < 10000000)
		return "1M<n<10M";
	if (n < 100000000)
		return "10M<n<100M";
	return "100M<n<1B";
}

/* A YAML double-quoted scalar: whatever the text, it stays a string ("null", "true" and
 * "007" would otherwise load as None, a bool and a number). */
static enum sahifa_status yaml_str(struct sahifa_buf *out, const char *s)
{
	TRY(sahifa_buf_append_char(out, '"'));
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			TRY(sahifa_buf_appendf(out, "\\%c", c));
		else if (c < 0x20 || c == 0x7f)
			TRY(sahifa_buf_appendf(out, "\\x%02x", c));
		else
			TRY(sahifa_buf_append_char(out, (char)c));
	}
	return sahifa_buf_append_char(out, '"');
}

/* The record's fields as the hub's `datasets` features, so that every shard is cast to
 * one type (inferred per shard, an all-null byline or an empty captions list types
 * differently).  One line per feature: depth, name, and a dtype or "struct" / "list"
 * (a list of structs) / "sequence" (a list of the dtype).  Follows
 * schema/article.schema.json; tests/scripts/consumers.sh checks the two agree. */
static const struct feature {
	int depth;
	const char *name, *kind, *dtype;
} features[] = {
	{ 0, "id", NULL, "string" },
	{ 0, "schema_version", NULL, "string" },
	{ 0, "source", "struct", NULL },
	{ 1, "name", NULL, "string" },
	{ 1, "member", NULL, "string" },
	{ 1, "bytes", NULL, "int64" },
	{ 1, "sha256", NULL, "string" },
	{ 1, "encoding", NULL, "string" },
	{ 1, "declared_encoding", NULL, "string" },
	{ 1, "format", NULL, "string" },
	{ 1, "warc", "struct", NULL },
	{ 2, "file", NULL, "string" },
	{ 2, "offset", NULL, "int64" },
	{ 2, "record_id", NULL, "string" },
	{ 2, "date", NULL, "string" },
	{ 2, "target_uri", NULL, "string" },
	{ 0, "headline", NULL, "string" },
	{ 0, "byline", NULL, "string" },
	{ 0, "authors", "sequence", "string" },
	{ 0, "url", NULL, "string" },
	{ 0, "published", NULL, "string" },
	{ 0, "modified", NULL, "string" },
	{ 0, "site_name", NULL, "string" },
	{ 0, "description", NULL, "string" },
	{ 0, "html_lang", NULL, "string" },
	{ 0, "lang", NULL, "string" },
	{ 0, "lang_confidence", NULL, "float64" },
	{ 0, "lang_tag", NULL, "string" },
	{ 0, "script", NULL, "string" },
	{ 0, "scripts", "list", NULL },
	{ 1, "script", NULL, "string" },
	{ 1, "share", NULL, "float64" },
	{ 0, "sections", "list", NULL },
	{ 1, "heading", NULL, "string" },
	{ 1, "level", NULL, "int64" },
	{ 1, "line", NULL, "int64" },
	{ 1, "paragraphs", "list", NULL },
	{ 2, "text", NULL, "string" },
	{ 2, "kind", NULL, "string" },
	{ 2, "line", NULL, "int64" },
	{ 2, "lang", NULL, "string" },
	{ 2, "script", NULL, "string" },
	{ 0, "captions", "list", NULL },
	{ 1, "text", NULL, "string" },
	{ 1, "line", NULL, "int64" },
	{ 1, "lang", NULL, "string" },
	{ 1, "script", NULL, "string" },
	{ 0, "removed", "list", NULL },
	{ 1, "line", NULL, "int64" },
	{ 1, "text", NULL, "string" },
	{ 1, "reason", NULL, "string" },
	{ 1, "detail", NULL, "string" },
	{ 0, "stats", "struct", NULL },
	{ 1, "lines", NULL, "int64" },
	{ 1, "blank_lines", NULL, "int64" },
	{ 1, "sections", NULL, "int64" },
	{ 1, "paragraphs", NULL, "int64" },
	{ 1, "captions", NULL, "int64" },
	{ 1, "removed", NULL, "int64" },
	{ 1, "characters", NULL, "int64" },
	{ 1, "words", NULL, "int64" },
	{ 1, "replaced", NULL, "int64" },
	{ 1, "marks_trimmed", NULL, "int64" },
	/* then "quality", from the table the record's writer and reader share */
};

/* The quality signals as a struct: counts int64, shares float64, from
 * sahifa_quality_fields, and the stop-word list's language. */
static enum sahifa_status card_quality_features(struct sahifa_buf *out)
{
	size_t i;

	TRY(sahifa_buf_append_str(out, "  - name: \"quality\"\n    struct:\n"));
	for (i = 0; i < sahifa_quality_n_fields; i++) {
		TRY(sahifa_buf_append_str(out, "      - name: "));
		TRY(yaml_str(out, sahifa_quality_fields[i].name));
		TRY(sahifa_buf_appendf(out, "\n        dtype: %s\n",
				       sahifa_quality_fields[i].count ? "int64" : "float64"));
	}
	return sahifa_buf_append_str(out, "      - name: \"stopword_lang\"\n        dtype: string\n");
}

static enum sahifa_status card_features(struct sahifa_buf *out)
{
	size_t i;

	TRY(sahifa_buf_append_str(out, "dataset_info:\n  features:\n"));
	for (i = 0; i < sizeof(features) / sizeof(features[0]); i++) {
		const struct feature *f = &features[i];
		int pad = 2 + 4 * f->depth;

		TRY(sahifa_buf_appendf(out, "%*s- name: ", pad, ""));
		TRY(yaml_str(out, f->name));
		if (!f->kind)
			TRY(sahifa_buf_appendf(out, "\n%*s  dtype: %s\n", pad, "", f->dtype));
		else if (f->dtype)
			TRY(sahifa_buf_appendf(out, "\n%*s  %s: %s\n", pad, "", f->kind, f->dtype));
		else
			TRY(sahifa_buf_appendf(out, "\n%*s  %s:\n", pad, "", f->kind));
	}
	return card_quality_features(out);
}

static enum sahifa_status table(struct sahifa_buf *out, const char *what,
				const struct sahifa_tally *t, size_t n, unsigned long long total)
{
	size_t i;

	TRY(sahifa_buf_appendf(out, "| %s | articles | share |\n|---|---:|---:|\n", what));
	for (i = 0; i < n; i++)
		TRY(sahifa_buf_appendf(out, "| %s | %llu | %.1f%% |\n", t[i].key, t[i].n,
				       total ? 100.0 * (double)t[i].n / (double)total : 0.0));
	return sahifa_buf_append_char(out, '\n');
}

enum sahifa_status pack_card(const struct sahifa_release *r, struct sahifa_buf *out)
{
	size_t i;
	int s, any = 0;

	/* every string quoted: "no" (Norwegian) is a bool to YAML 1.1 */
	TRY(sahifa_buf_append_str(out, "---\nlanguage:\n"));
	for (i = 0; i < r->n_lang; i++)
		if (strcmp(r->by_lang[i].key, "und")) {
			TRY(sahifa_buf_append_str(out, "- "));
			TRY(yaml_str(out, r->by_lang[i].key));
			TRY(sahifa_buf_append_char(out, '\n'));
			any = 1;
		}
	if (!any)
		TRY(sahifa_buf_append_str(out, "- \"und\"\n"));
	TRY(sahifa_buf_append_str(out, "license: "));
	TRY(yaml_str(out, r->hub_license));
	TRY(sahifa_buf_append_str(out, "\npretty_name: "));
	TRY(yaml_str(out, r->name));
	TRY(sahifa_buf_append_str(out, "\nsize_categories:\n- "));
	TRY(yaml_str(out, size_category(r->articles)));
	/* what news text is used for: language models, and language and topic labels */
	TRY(sahifa_buf_append_str(out, "\ntask_categories:\n- \"text-generation\"\n"
				  "- \"text-classification\"\n"));
	TRY(sahifa_buf_append_str(out, "configs:\n- config_name: \"default\"\n  data_files:\n"));
	for (s = 0; s < SAHIFA_SPLIT_COUNT; s++)
		if (r->by_split[s])
			TRY(sahifa_buf_appendf(out, "  - split: \"%s\"\n    path: \"data/%s-*.jsonl\"\n",
					       sahifa_split_name((enum sahifa_split)s),
					       sahifa_split_name((enum sahifa_split)s)));
	TRY(card_features(out));
	TRY(sahifa_buf_append_str(out, "---\n\n"));
	TRY(sahifa_buf_appendf(out, "# %s %s\n\n", r->name, r->version));
	TRY(sahifa_buf_appendf(out,
			       "News articles converted to structured records by sahifa"
			       " (record schema %s): headline, byline, sections with headings,"
			       " typed paragraphs with their language and script, captions, and"
			       " every line removed from the source with the reason.\n\n",
			       r->schema_version));
	TRY(sahifa_buf_appendf(out,
			       "%llu articles, %llu paragraphs, %llu characters, %llu words;"
			       " %zu exact duplicates dropped.  Licence: %s.\n\n",
			       r->articles, r->paragraphs, r->characters, r->words, r->n_dups,
			       r->license));
	TRY(sahifa_buf_append_str(out,
				  "Files: `data/<split>-NNNNN-of-MMMMM.jsonl` (one record per line,"
				  " `schema/article.schema.json`), `data/articles.csv` and"
				  " `data/paragraphs.csv` (the same content as tables), `manifest.json`"
				  " (counts and SHA-256 of every file), `data/duplicates.csv` (each"
				  " dropped duplicate and the record kept in its place),"
				  " `datapackage.json` (Frictionless Data Package).\n\n"));
	TRY(sahifa_buf_append_str(out, r->spreadsheet_csv
		? "The CSVs are written for spreadsheets: UTF-8 with a BOM, and a cell that begins"
		  " with `=`, `+`, `-`, `@`, a tab or a carriage return has a leading `'` so that"
		  " it is not run as a formula; strip that quote to get the text of the records"
		  " back.\n\n"
		: "The CSVs are faithful: RFC 4180, UTF-8 without a BOM, every cell as in the"
		  " records.  Cells may begin with `=`, `+`, `-` or `@` (list markers are kept), which"
		  " spreadsheet programs read as formulas: open them through an import dialog, or"
		  " use a release packed with `--csv-excel`.\n\n"));
	TRY(sahifa_buf_append_str(out, "## Splits\n\n| split | articles |\n|---|---:|\n"));
	for (s = 0; s < SAHIFA_SPLIT_COUNT; s++)
		TRY(sahifa_buf_appendf(out, "| %s | %llu |\n", sahifa_split_name((enum sahifa_split)s),
				       r->by_split[s]));
	TRY(sahifa_buf_append_str(out, "\n## Languages\n\n"));
	TRY(table(out, "language", r->by_lang, r->n_lang, r->articles));
	TRY(sahifa_buf_append_str(out, "## Scripts\n\n"));
	TRY(table(out, "script", r->by_script, r->n_script, r->articles));
	return sahifa_buf_append_str(out, "![](chart.svg)\n");
}

#define CHART_W 640
#define PANEL_H 200
#define BAR_MAX 400      /* widest bar of the language panel */
#define LANG_ROWS 10     /* languages shown; the rest are summed as "other" */

enum sahifa_status pack_chart(const struct sahifa_release *r,
			      const unsigned long long hist[PACK_HIST_BINS],
			      struct sahifa_buf *out)
{
	unsigned long long max = 1, other = 0, shown[LANG_ROWS + 1];
	const char *label[LANG_ROWS + 1];
	size_t order[LANG_ROWS], n = 0, i, j;
	int y0 = 2 * PANEL_H + 60;

	/* the biggest languages first; ties by key (by_lang is sorted), so the picture is stable */
	while (n < LANG_ROWS && n < r->n_lang) {
		size_t best = r->n_lang;

		for (i = 0; i < r->n_lang; i++) {
			for (j = 0; j < n && order[j] != i; j++)
				;
			if (j == n && (best == r->n_lang || r->by_lang[i].n > r->by_lang[best].n))
				best = i;
		}
		order[n++] = best;
	}
	for (i = 0; i < r->n_lang; i++)
		other += r->by_lang[i].n;
	for (i = 0; i < n; i++)
		other -= r->by_lang[order[i]].n;
	for (i = 0; i < n; i++) {
		shown[i] = r->by_lang[order[i]].n;
		label[i] = r->by_lang[order[i]].key;
	}
	if (other) {
		shown[n] = other;
		label[n++] = "other";
	}
	for (i = 0; i < n; i++)
		if (shown[i] > max)
			max = shown[i];
	TRY(sahifa_buf_appendf(out,
			       "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
			       " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n",
			       CHART_W, y0, CHART_W, y0));
	TRY(sahifa_buf_appendf(out, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", CHART_W,
			       y0));
	TRY(sahifa_buf_appendf(out, "<text x=\"10\" y=\"20\" font-size=\"14\">Articles by language"
				    " (%llu)</text>\n", r->articles));
	for (i = 0; i < n; i++) {
		int y = 34 + (int)i * (PANEL_H - 30) / (LANG_ROWS + 1);
		int w = (int)(shown[i] * BAR_MAX / max);

		TRY(sahifa_buf_appendf(out,
				       "<text x=\"10\" y=\"%d\">%s</text><rect x=\"70\" y=\"%d\""
				       " width=\"%d\" height=\"11\" fill=\"#4e79a7\"/><text x=\"%d\""
				       " y=\"%d\">%llu</text>\n",
				       y + 10, label[i], y, w, 76 + w, y + 10, shown[i]));
	}
	max = 1;
	for (i = 0; i < PACK_HIST_BINS; i++)
		if (hist[i] > max)
			max = hist[i];
	TRY(sahifa_buf_appendf(out, "<text x=\"10\" y=\"%d\" font-size=\"14\">Paragraph length"
				    " (characters)</text>\n", PANEL_H + 30));
	for (i = 0; i < PACK_HIST_BINS; i++) {
		int bw = (CHART_W - 40) / PACK_HIST_BINS;
		int h = (int)(hist[i] * (PANEL_H - 40) / max);
		int x = 20 + (int)i * bw, base = 2 * PANEL_H + 20;
		char lo[32];

		if (i + 1 < PACK_HIST_BINS)
			snprintf(lo, sizeof(lo), "%lu-%lu", pack_hist_edges[i],
				 pack_hist_edges[i + 1] - 1);
		else
			snprintf(lo, sizeof(lo), "%lu+", pack_hist_edges[i]);
		TRY(sahifa_buf_appendf(out,
				       "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
				       " fill=\"#f28e2b\"/><text x=\"%d\" y=\"%d\">%llu</text>"
				       "<text x=\"%d\" y=\"%d\">%s</text>\n",
				       x, base - h, bw - 6, h, x, base - h - 4, hist[i], x, base + 16,
				       lo));
	}
	return sahifa_buf_append_str(out, "</svg>\n");
}

static enum sahifa_status id_list(struct sahifa_buf *out, const char *title, const char (*ids)[33],
				  size_t n)
{
	size_t i;

	TRY(sahifa_buf_appendf(out, "## %s (%zu)\n\n", title, n));
	for (i = 0; i < n; i++)
		TRY(sahifa_buf_appendf(out, "- `%s`\n", ids[i]));
	return sahifa_buf_append_str(out, n ? "\n" : "none\n\n");
}

enum sahifa_status pack_changes_md(const struct pack_changes *c, struct sahifa_buf *out)
{
	TRY(sahifa_buf_appendf(out, "# Changes in %s %s\n\n", c->name, c->new_version));
	TRY(sahifa_buf_appendf(out, "Compared with %s %s (record schema %s; now %s).\n\n",
			       c->name, c->old_version, c->old_schema, c->new_schema));
	TRY(sahifa_buf_appendf(out, "Version bump these changes call for: %s.\n\n", c->bump));
	if (strcmp(c->old_schema, c->new_schema)) {
		TRY(sahifa_buf_appendf(out,
				       "**Major change: the record schema is %s, was %s.**  Records"
				       " of the two differ in fields or types; read"
				       " `schema/article.schema.json` before loading both.\n\n",
				       c->new_schema, c->old_schema));
		if (strtoul(c->old_schema, NULL, 10) < 2 && strtoul(c->new_schema, NULL, 10) >= 2)
			TRY(sahifa_buf_append_str(out,
				"Since record schema 2.0.0: `scripts` is a list of `{script, share}`"
				" (it was an object keyed by script, whose keys change from record to"
				" record and which loaders typed per shard); new fields `authors`, `url`,"
				" `published`, `modified`, `site_name`, `description`, `html_lang`,"
				" `source.declared_encoding`, `source.format` and `source.warc`; removal"
				" reasons are a closed list.\n\n"));
	}
	TRY(id_list(out, "Added", c->added, c->n_added));
	TRY(id_list(out, "Removed", c->removed, c->n_removed));
	return id_list(out, "Modified", c->modified, c->n_modified);
}
