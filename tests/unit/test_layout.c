/* The release layout: split names, CSV columns, shard names built and parsed. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "release/layout.h"

static void test_splits(void)
{
	CHECK_STR("train", sahifa_split_name(SAHIFA_SPLIT_TRAIN), "train");
	CHECK_STR("validation", sahifa_split_name(SAHIFA_SPLIT_VALIDATION), "validation");
	CHECK_STR("test", sahifa_split_name(SAHIFA_SPLIT_TEST), "test");
	CHECK_INT("index test", shf_layout_split_index("test", 4), SAHIFA_SPLIT_TEST);
	CHECK_INT("index prefix", shf_layout_split_index("tes", 3), -1);
	CHECK_INT("index longer", shf_layout_split_index("trains", 6), -1);
}

static void test_columns(void)
{
	CHECK_STR("articles first", shf_layout_articles_columns[0], "id");
	CHECK_STR("confidence", shf_layout_articles_columns[SHF_LAYOUT_ARTICLES_CONFIDENCE],
		  "lang_confidence");
	CHECK_STR("articles last", shf_layout_articles_columns[SHF_LAYOUT_ARTICLES_COLUMNS - 1],
		  "source_format");
	CHECK_STR("paragraphs last",
		  shf_layout_paragraphs_columns[SHF_LAYOUT_PARAGRAPHS_COLUMNS - 1], "text");
}

static void test_shards(void)
{
	static const struct { const char *rel; int split; size_t index, count; } parse[] = {
		{ "data/train-00000-of-00001.jsonl", SAHIFA_SPLIT_TRAIN, 0, 1 },
		{ "data/validation-00002-of-00003.jsonl", SAHIFA_SPLIT_VALIDATION, 2, 3 },
		{ "data/test-99998-of-99999.jsonl", SAHIFA_SPLIT_TEST, 99998, 99999 },
		{ "data/train-+0001-of-00002.jsonl", -1, 0, 0 },
		{ "data/train- 0001-of-00002.jsonl", -1, 0, 0 },
		{ "data/train-00001-of-+0002.jsonl", -1, 0, 0 },
		{ "data/train-00001-of-00001.jsonl", -1, 0, 0 },
		{ "data/train-00000-of-00001.jsonlx", -1, 0, 0 },
		{ "data/train-00000-of-00001.json", -1, 0, 0 },
		{ "data/train-0000-of-000001.jsonl", -1, 0, 0 },
		{ "data/dev-00000-of-00001.jsonl", -1, 0, 0 },
		{ "data/articles.csv", -2, 0, 0 },
		{ "data/x/train-00000-of-00001.jsonl", -2, 0, 0 },
		{ "train-00000-of-00001.jsonl", -2, 0, 0 },
	};
	char name[64];
	size_t i, index, count;

	for (i = 0; i < sizeof(parse) / sizeof(parse[0]); i++) {
		index = count = 7;
		CHECK_INT(parse[i].rel, shf_layout_shard_parse(parse[i].rel, &index, &count),
			  parse[i].split);
		if (parse[i].split >= 0) {
			CHECK_INT(parse[i].rel, index, parse[i].index);
			CHECK_INT(parse[i].rel, count, parse[i].count);
		}
	}
	/* what is built parses back */
	CHECK_INT("build", shf_layout_shard_name(name, sizeof(name), SAHIFA_SPLIT_TEST, 4, 12), 0);
	CHECK_STR("built", name, "data/test-00004-of-00012.jsonl");
	CHECK_INT("round trip", shf_layout_shard_parse(name, &index, &count), SAHIFA_SPLIT_TEST);
	CHECK_INT("round index", index, 4);
	CHECK_INT("round count", count, 12);
	CHECK_INT("index = count", shf_layout_shard_name(name, sizeof(name), SAHIFA_SPLIT_TRAIN, 1, 1), -1);
	CHECK_INT("too many", shf_layout_shard_name(name, sizeof(name), SAHIFA_SPLIT_TRAIN, 0,
						       SHF_LAYOUT_SHARD_MAX + 1), -1);
	CHECK_INT("small buffer", shf_layout_shard_name(name, 10, SAHIFA_SPLIT_TRAIN, 0, 1), -1);
}

int main(void)
{
	test_splits();
	test_columns();
	test_shards();
	return check_report();
}
