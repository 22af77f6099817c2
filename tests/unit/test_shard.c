/* Sharded runs: K/N parsing, the share of an input, the sidecar parser. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sahifa/input.h"
#include "sahifa/shard.h"

static void test_parse(void)
{
	static const struct { const char *s; int ok; unsigned k, n; } rows[] = {
		{ "0/1", 0, 0, 1 },      { "3/4", 0, 3, 4 },   { "99999/100000", 0, 99999, 100000 },
		{ "4/4", -1, 0, 0 },     { "0/0", -1, 0, 0 },  { "1", -1, 0, 0 },
		{ "/4", -1, 0, 0 },      { "1/", -1, 0, 0 },   { "-1/4", -1, 0, 0 },
		{ "01/4", -1, 0, 0 },    { "1/4x", -1, 0, 0 }, { "0/100001", -1, 0, 0 },
		{ "1/2/3", -1, 0, 0 },   { " 1/2", -1, 0, 0 },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		unsigned k = 7, n = 7;
		int r = sahifa_shard_parse(rows[i].s, &k, &n);

		CHECK_INT(rows[i].s, r, rows[i].ok);
		if (!r) {
			CHECK_INT(rows[i].s, k, rows[i].k);
			CHECK_INT(rows[i].s, n, rows[i].n);
		}
	}
}

static void test_env(void)
{
	struct sahifa_error e;
	unsigned k = 0, n = 0;

	unsetenv("SLURM_ARRAY_TASK_ID");
	unsetenv("SLURM_ARRAY_TASK_COUNT");
	CHECK_INT("unset", sahifa_shard_from_env(&k, &n, &e), 0);
	setenv("SLURM_ARRAY_TASK_ID", "2", 1);
	CHECK_INT("id without count", sahifa_shard_from_env(&k, &n, &e), -1);
	setenv("SLURM_ARRAY_TASK_COUNT", "5", 1);
	CHECK_INT("id and count", sahifa_shard_from_env(&k, &n, &e), 1);
	CHECK_INT("k", k, 2);
	CHECK_INT("n", n, 5);
	setenv("SLURM_ARRAY_TASK_COUNT", "1", 1);
	CHECK_INT("a task re-run alone", sahifa_shard_from_env(&k, &n, &e), -1);
	unsetenv("SLURM_ARRAY_TASK_ID");
	unsetenv("SLURM_ARRAY_TASK_COUNT");
}

/* Shares: stable values (a change would split old runs differently), every input in
 * exactly one, and roughly even. */
static void test_share(void)
{
	unsigned counts[4] = { 0 };
	char name[64];
	int i;

	CHECK_INT("n 1", sahifa_input_shard_of("a.txt", NULL, 1), 0);
	CHECK_INT("stable a.txt", sahifa_input_shard_of("a.txt", NULL, 1000),
		  sahifa_input_shard_of("a.txt", NULL, 1000));
	CHECK(sahifa_input_shard_of("x.tar", "a", 1u << 30) !=
	      sahifa_input_shard_of("x.tar", NULL, 1u << 30));
	/* "a!b" as a name and "a" with member "b" are one unit key: the same share */
	CHECK_INT("name!member", sahifa_input_shard_of("a!b", NULL, 977),
		  sahifa_input_shard_of("a", "b", 977));
	for (i = 0; i < 4000; i++) {
		unsigned s;

		snprintf(name, sizeof(name), "corpus/d%d/article-%d.txt", i % 7, i);
		s = sahifa_input_shard_of(name, NULL, 4);
		CHECK(s < 4);
		if (s < 4)
			counts[s]++;
	}
	for (i = 0; i < 4; i++)
		CHECK(counts[i] > 850 && counts[i] < 1150);
}

static const char good[] =
	"{\n  \"sahifa_shard\": 1,\n  \"tool\": \"0.1.0\",\n  \"schema\": \"2.0.0\",\n"
	"  \"run\": \"04e355c81a1e566459e2fe56b4b695f4e72be8da0aaedf0f1978813da22bec78\",\n"
	"  \"shard\": 2,\n  \"of\": 3,\n"
	"  \"output_sha256\": \"85f85e1e2521af31901cca96e051df20eb64f9b4967522893b34123fb0e04942\",\n"
	"  \"output_bytes\": 9052,\n  \"inputs\": 5,\n  \"records\": 2,\n  \"rejects\": 1,\n"
	"  \"skipped\": 2\n}\n";

/* Replace the first from in good by to and parse; returns the status, e the error. */
static enum sahifa_status parse_edit(const char *from, const char *to, struct sahifa_error *e)
{
	char text[2048];
	const char *at = from ? strstr(good, from) : NULL;
	struct sahifa_shard_info info;
	size_t len;

	if (!from) {
		len = strlen(good);
		memcpy(text, good, len);
	} else {
		size_t pre = (size_t)(at - good);

		len = (size_t)snprintf(text, sizeof(text), "%.*s%s%s", (int)pre, good, to,
				       at + strlen(from));
	}
	sahifa_error_clear(e);
	return sahifa_shard_parse_sidecar("s.shard", text, len, &info, e);
}

static void test_sidecar(void)
{
	static const struct { const char *from, *to; long line; const char *msg; } bad[] = {
		{ "  \"tool\"", "  \"toll\"", 3, "unknown member" },
		{ "\"of\": 3", "\"of\": 2", 6, "shard 2 is not below 'of' 2" },
		{ "\"records\": 2", "\"records\": 3", 10, "5 inputs are not 3 records + 1 rejects + 2 skipped" },
		{ "\"sahifa_shard\": 1", "\"sahifa_shard\": 2", 2, "sidecar format 2, this sahifa reads 1" },
		{ "\"run\": \"04", "\"run\": \"0X", 5, "bad value of 'run'" },
		{ "\"tool\": \"0.1.0\"", "\"tool\": \"0.1\\\"0\"", 3, "bad value of 'tool'" },
		{ "\"inputs\": 5", "\"inputs\": 05", 10, "bad value of 'inputs'" },
		{ "\"inputs\": 5", "\"inputs\": -5", 10, "bad value of 'inputs'" },
		{ "\"inputs\": 5", "\"inputs\": 99999999999999999999", 10, "bad value of 'inputs'" },
		{ "  \"skipped\": 2\n}\n", "  \"skipped\": 2\n", 13, "truncated: no closing '}'" },
		{ "  \"skipped\": 2\n}\n", "  \"skipped\": 2", 13, "truncated: the last line has no end" },
		{ "  \"skipped\": 2\n", "", 13, "'skipped' is missing" },
		{ "  \"of\": 3,\n", "  \"of\": 3,\n  \"of\": 3,\n", 8, "'of' given twice" },
		{ "}\n", "}\nx\n", 14, "text after the closing '}'" },
		{ "{\n", "[\n", 1, "not a sahifa shard sidecar" },
		{ "\"of\": 3", "\"of\":3", 7, "not a sahifa shard sidecar line" },
	};
	struct sahifa_error e;
	size_t i;

	CHECK_INT("good", parse_edit(NULL, NULL, &e), SAHIFA_OK);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK_INT(bad[i].msg, parse_edit(bad[i].from, bad[i].to, &e), SAHIFA_ERR_DATA);
		CHECK_INT(bad[i].msg, e.line, bad[i].line);
		CHECK_STR(bad[i].msg, e.msg, bad[i].msg);
		CHECK_STR(bad[i].msg, e.path, "s.shard");
	}
}

int main(void)
{
	test_parse();
	test_env();
	test_share();
	test_sidecar();
	return check_report();
}
