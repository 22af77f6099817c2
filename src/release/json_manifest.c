/* manifest.json and datapackage.json with cJSON (see src/release/json_manifest.h). */
#include <string.h>

#include <cjson/cJSON.h>

#include "release/json_manifest.h"
#include "sahifa/version.h"

/* Add item to obj under key; a NULL item (allocation failed) makes the tree incomplete,
 * which the caller learns from the flag. */
static void put(cJSON *obj, const char *key, cJSON *item, int *failed)
{
	if (!item) {
		*failed = 1;
		return;
	}
	cJSON_AddItemToObject(obj, key, item);
}

static void push(cJSON *arr, cJSON *item, int *failed)
{
	if (!item) {
		*failed = 1;
		return;
	}
	cJSON_AddItemToArray(arr, item);
}

static cJSON *tallies(const struct sahifa_tally *t, size_t n, int *failed)
{
	cJSON *o = cJSON_CreateObject();
	size_t i;

	if (!o)
		return NULL;
	for (i = 0; i < n; i++)
		put(o, t[i].key, cJSON_CreateNumber((double)t[i].n), failed);
	return o;
}

/* Print the tree into out with a final newline, then free it. */
static enum sahifa_status finish(cJSON *root, int failed, struct sahifa_buf *out,
				 struct sahifa_error *err)
{
	char *text = NULL;
	enum sahifa_status st = SAHIFA_OK;

	if (!root || failed || !(text = cJSON_Print(root)))
		st = sahifa_error_nomem(err, NULL);
	else if (sahifa_buf_append_str(out, text) || sahifa_buf_append_char(out, '\n'))
		st = sahifa_error_set(err, SAHIFA_ERR_LIMIT, NULL, 0, 0, "manifest too large");
	cJSON_free(text);
	cJSON_Delete(root);
	return st;
}

enum sahifa_status shf_manifest_to_json(const struct sahifa_release *r, struct sahifa_buf *out,
					   struct sahifa_error *err)
{
	cJSON *root = cJSON_CreateObject(), *o, *counts, *arr;
	int failed = 0, s;
	size_t i;

	if (!root)
		return sahifa_error_nomem(err, NULL);
	put(root, "name", cJSON_CreateString(r->name), &failed);
	put(root, "version", cJSON_CreateString(r->version), &failed);
	put(root, "schema_version", cJSON_CreateString(r->schema_version), &failed);
	if ((o = cJSON_CreateObject())) {
		put(o, "name", cJSON_CreateString("sahifa"), &failed);
		put(o, "version", cJSON_CreateString(SAHIFA_VERSION), &failed);
	}
	put(root, "tool", o, &failed);
	put(root, "created", cJSON_CreateString(r->created), &failed);
	put(root, "license", cJSON_CreateString(r->license), &failed);
	put(root, "csv", cJSON_CreateString(r->spreadsheet_csv ? "spreadsheet" : "faithful"),
	    &failed);
	if ((o = cJSON_CreateObject()))
		for (s = 0; s < SAHIFA_SPLIT_COUNT; s++)
			if (r->weights[s])
				put(o, sahifa_split_name((enum sahifa_split)s),
				    cJSON_CreateNumber(r->weights[s]), &failed);
	put(root, "splits", o, &failed);
	if ((counts = cJSON_CreateObject())) {
		put(counts, "articles", cJSON_CreateNumber((double)r->articles), &failed);
		put(counts, "paragraphs", cJSON_CreateNumber((double)r->paragraphs), &failed);
		put(counts, "characters", cJSON_CreateNumber((double)r->characters), &failed);
		put(counts, "words", cJSON_CreateNumber((double)r->words), &failed);
		put(counts, "duplicates_dropped", cJSON_CreateNumber((double)r->n_dups), &failed);
		put(counts, "by_lang", tallies(r->by_lang, r->n_lang, &failed), &failed);
		put(counts, "by_script", tallies(r->by_script, r->n_script, &failed), &failed);
		if ((o = cJSON_CreateObject()))
			for (s = 0; s < SAHIFA_SPLIT_COUNT; s++)
				put(o, sahifa_split_name((enum sahifa_split)s),
				    cJSON_CreateNumber((double)r->by_split[s]), &failed);
		put(counts, "by_split", o, &failed);
	}
	put(root, "counts", counts, &failed);
	if ((arr = cJSON_CreateArray()))
		for (i = 0; i < r->n_files; i++) {
			const struct sahifa_release_file *f = &r->files[i];

			if (!(o = cJSON_CreateObject())) {
				failed = 1;
				break;
			}
			put(o, "path", cJSON_CreateString(f->path), &failed);
			put(o, "bytes", cJSON_CreateNumber((double)f->bytes), &failed);
			put(o, "rows", f->rows < 0 ? cJSON_CreateNull()
						   : cJSON_CreateNumber((double)f->rows), &failed);
			put(o, "sha256", cJSON_CreateString(f->sha256), &failed);
			push(arr, o, &failed);
		}
	put(root, "files", arr, &failed);
	return finish(root, failed, out, err);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !memcmp(s + n - m, suffix, m);
}

/* A Frictionless resource name: lower-case, [a-z0-9._-]. */
static void resource_name(const char *path, char *out, size_t size)
{
	const char *base = strrchr(path, '/');
	size_t i, n = 0;

	base = base ? base + 1 : path;
	for (i = 0; base[i] && n + 1 < size; i++) {
		char c = base[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		out[n++] = c;
	}
	out[n] = '\0';
	/* drop the extension: "articles.csv" -> "articles" */
	if ((base = strrchr(out, '.')))
		out[base - out] = '\0';
}

/* The CSV dialect, declared so that readers need not sniff one (a sniffer picks a space
 * as the delimiter on Arabic text). */
static cJSON *csv_dialect(int *failed)
{
	cJSON *d = cJSON_CreateObject();

	if (!d)
		return NULL;
	put(d, "delimiter", cJSON_CreateString(","), failed);
	put(d, "lineTerminator", cJSON_CreateString("\r\n"), failed);
	put(d, "quoteChar", cJSON_CreateString("\""), failed);
	put(d, "doubleQuote", cJSON_CreateTrue(), failed);
	put(d, "skipInitialSpace", cJSON_CreateFalse(), failed);
	put(d, "header", cJSON_CreateTrue(), failed);
	put(d, "caseSensitiveHeader", cJSON_CreateTrue(), failed);
	return d;
}

enum sahifa_status shf_datapackage_to_json(const struct sahifa_release *r,
					      struct sahifa_buf *out, struct sahifa_error *err)
{
	cJSON *root = cJSON_CreateObject(), *arr, *o, *lic;
	int failed = 0;
	size_t i;

	if (!root)
		return sahifa_error_nomem(err, NULL);
	put(root, "name", cJSON_CreateString(r->name), &failed);
	put(root, "version", cJSON_CreateString(r->version), &failed);
	if ((arr = cJSON_CreateArray())) {
		if ((lic = cJSON_CreateObject()))
			put(lic, "name", cJSON_CreateString(r->license), &failed);
		push(arr, lic, &failed);
	}
	put(root, "licenses", arr, &failed);
	put(root, "created", cJSON_CreateString(r->created), &failed);
	if ((arr = cJSON_CreateArray()))
		for (i = 0; i < r->n_files; i++) {
			const struct sahifa_release_file *f = &r->files[i];
			int csv = ends_with(f->path, ".csv");
			char name[128], hash[80];

			if (strncmp(f->path, "data/", 5) || (!csv && !ends_with(f->path, ".jsonl")))
				continue;
			if (!(o = cJSON_CreateObject())) {
				failed = 1;
				break;
			}
			resource_name(f->path, name, sizeof(name));
			snprintf(hash, sizeof(hash), "sha256:%s", f->sha256);
			put(o, "name", cJSON_CreateString(name), &failed);
			put(o, "path", cJSON_CreateString(f->path), &failed);
			put(o, "format", cJSON_CreateString(csv ? "csv" : "jsonl"), &failed);
			put(o, "mediatype", cJSON_CreateString(csv ? "text/csv" : "application/jsonl"),
			    &failed);
			put(o, "encoding", cJSON_CreateString("utf-8"), &failed);
			put(o, "bytes", cJSON_CreateNumber((double)f->bytes), &failed);
			put(o, "hash", cJSON_CreateString(hash), &failed);
			if (csv) {
				char schema[160];

				snprintf(schema, sizeof(schema), "schema/%s.table.json", name);
				put(o, "dialect", csv_dialect(&failed), &failed);
				put(o, "schema", cJSON_CreateString(schema), &failed);
			}
			push(arr, o, &failed);
		}
	put(root, "resources", arr, &failed);
	return finish(root, failed, out, err);
}

static enum sahifa_status get_field(const cJSON *root, const char *key, char *out, size_t size,
				    struct sahifa_error *err)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, key);

	if (!cJSON_IsString(v) || !v->valuestring[0] || strlen(v->valuestring) >= size)
		return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
					"manifest.json: '%s' is missing or not a short string", key);
	memcpy(out, v->valuestring, strlen(v->valuestring) + 1);
	return SAHIFA_OK;
}

enum sahifa_status shf_manifest_read(const char *json, size_t len,
					struct sahifa_manifest_info *info, struct sahifa_error *err)
{
	cJSON *root = cJSON_ParseWithLength(json, len);
	enum sahifa_status st;

	if (!cJSON_IsObject(root)) {
		cJSON_Delete(root);
		return sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0,
					"manifest.json is not a JSON object");
	}
	if (!(st = get_field(root, "name", info->name, sizeof(info->name), err)) &&
	    !(st = get_field(root, "version", info->version, sizeof(info->version), err)))
		st = get_field(root, "schema_version", info->schema_version,
			       sizeof(info->schema_version), err);
	cJSON_Delete(root);
	return st;
}
