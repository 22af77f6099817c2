/* pack's release description on its own: manifest.json written and read back,
 * datapackage.json, and the dataset card. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "release/json_manifest.h"
#include "release/pack_internal.h"

static const unsigned weights[SAHIFA_SPLIT_COUNT] = { 80, 10, 10 };
static const unsigned long long by_split[SAHIFA_SPLIT_COUNT] = { 8, 1, 1 };
static const struct sahifa_tally langs[] = { { "ar", 7 }, { "en", 3 } };
static const struct sahifa_tally scripts[] = { { "Arab", 7 }, { "Latn", 3 } };
static const struct sahifa_release_file files[] = {
	{ "data/articles.csv", 1234, 10, "aa" },
	{ "data/train-00000-of-00001.jsonl", 5678, 8, "bb" },
};

static void release_init(struct sahifa_release *r)
{
	memset(r, 0, sizeof(*r));
	r->name = "demo";
	r->version = "1.2.3";
	r->schema_version = "2.0.0";
	r->created = "2023-11-14T22:13:20Z";
	r->license = "CC-BY-4.0";
	r->hub_license = "cc-by-4.0";
	r->weights = weights;
	r->articles = 10;
	r->paragraphs = 40;
	r->characters = 5000;
	r->words = 900;
	r->by_lang = langs;
	r->n_lang = 2;
	r->by_script = scripts;
	r->n_script = 2;
	r->by_split = by_split;
	r->files = files;
	r->n_files = 2;
}

static void test_manifest(void)
{
	struct sahifa_release r;
	struct sahifa_manifest_info info;
	struct sahifa_buf b;
	struct sahifa_error err;

	release_init(&r);
	sahifa_buf_init(&b, 0);
	CHECK_INT("write", shf_manifest_to_json(&r, &b, &err), SAHIFA_OK);
	CHECK(b.len && b.data[b.len - 1] == '\n');
	CHECK(strstr(b.data, "\"validation\"") != NULL);
	CHECK(strstr(b.data, "data/train-00000-of-00001.jsonl") != NULL);
	CHECK(strstr(b.data, "CC-BY-4.0") != NULL);
	/* what is written reads back */
	CHECK_INT("read", shf_manifest_read(b.data, b.len, &info, &err), SAHIFA_OK);
	CHECK_STR("name", info.name, "demo");
	CHECK_STR("version", info.version, "1.2.3");
	CHECK_STR("schema", info.schema_version, "2.0.0");
	/* a missing or mistyped field fails */
	{
		static const char no_name[] = "{\"version\":\"1.0.0\",\"schema_version\":\"2.0.0\"}";
		static const char typed[] = "{\"name\":1,\"version\":\"1.0.0\",\"schema_version\":\"2.0.0\"}";

		CHECK_INT("no name", shf_manifest_read(no_name, strlen(no_name), &info, &err),
			  SAHIFA_ERR_DATA);
		CHECK_INT("typed", shf_manifest_read(typed, strlen(typed), &info, &err),
			  SAHIFA_ERR_DATA);
	}
	CHECK_INT("not json", shf_manifest_read("{", 1, &info, &err), SAHIFA_ERR_DATA);
	sahifa_buf_reset(&b);
	CHECK_INT("datapackage", shf_datapackage_to_json(&r, &b, &err), SAHIFA_OK);
	CHECK(strstr(b.data, "data/articles.csv") != NULL);
	sahifa_buf_release(&b);
}

static void test_card(void)
{
	struct sahifa_release r;
	struct sahifa_buf b;

	release_init(&r);
	sahifa_buf_init(&b, 0);
	CHECK_INT("card", pack_card(&r, &b), SAHIFA_OK);
	CHECK(b.len > 4 && !strncmp(b.data, "---\n", 4));   /* the YAML header */
	CHECK(strstr(b.data, "| train | 8 |") != NULL);
	CHECK(strstr(b.data, "| validation | 1 |") != NULL);
	CHECK(strstr(b.data, "cc-by-4.0") != NULL || strstr(b.data, "CC-BY-4.0") != NULL);
	/* the same description gives the same bytes */
	{
		struct sahifa_buf again;

		sahifa_buf_init(&again, 0);
		CHECK_INT("again", pack_card(&r, &again), SAHIFA_OK);
		CHECK(again.len == b.len && !memcmp(again.data, b.data, b.len));
		sahifa_buf_release(&again);
	}
	sahifa_buf_release(&b);
}

int main(void)
{
	test_manifest();
	test_card();
	return check_report();
}
