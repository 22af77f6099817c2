/* libFuzzer: pack's --previous reader (src/release/pack.c: the previous release is
 * validated, then its manifest and shards are read).  The input is written as the
 * previous release archive (any format libarchive reads) and one fixed record is
 * packed against it.  Invariant: pack either fails with a message or writes a release
 * (never a crash, a leak or an error without a message). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sahifa/pack.h"

static const char record[] =
	"{\"id\":\"fb9ea91b50099577e5c9a67f9f5ff800\",\"schema_version\":\"2.0.0"
	"\",\"source\":{\"name\":\"a-0.txt\",\"member\":null,\"bytes\":137,\"sha"
	"256\":\"fb9ea91b50099577e5c9a67f9f5ff800fc94f9714cb30e2edf4d018e4320e27"
	"d\",\"encoding\":\"UTF-8\",\"declared_encoding\":null,\"format\":\"text"
	"\",\"warc\":null},\"headline\":\"\330\256\330\250\330\261 \330\261\331\202"
	"\331\205 0 \331\205\331\206 a\",\"byline\":null,\"authors\":[],\"url\":"
	"null,\"published\":null,\"modified\":null,\"site_name\":null,\"descript"
	"ion\":null,\"html_lang\":null,\"lang\":\"ar\",\"lang_confidence\":0.9,\""
	"lang_tag\":\"ar-Arab\",\"script\":\"Arab\",\"scripts\":[{\"script\":\"A"
	"rab\",\"share\":1.0}],\"sections\":[{\"heading\":null,\"level\":1,\"par"
	"agraphs\":[{\"text\":\"\331\207\330\260\330\247 \331\206\330\265 \330\247"
	"\331\204\330\256\330\250\330\261 \330\261\331\202\331\205 0\330\214 \331"
	"\210\331\207\331\210 \331\206\330\265 \331\202\330\265\331\212\330\261 "
	"\331\204\331\204\330\247\330\256\330\252\330\250\330\247\330\261.\",\"k"
	"ind\":\"paragraph\",\"line\":3,\"lang\":\"ar\",\"script\":\"Arab\"},{\""
	"text\":\"Paragraph 0 of the a set, in English.\",\"kind\":\"paragraph\""
	",\"line\":4,\"lang\":\"ar\",\"script\":\"Arab\"}]}],\"captions\":[],\"r"
	"emoved\":[],\"stats\":{\"lines\":4,\"blank_lines\":0,\"sections\":1,\"p"
	"aragraphs\":2,\"captions\":0,\"removed\":0,\"characters\":78,\"words\":"
	"17,\"replaced\":0,\"marks_trimmed\":0}}" "\n";

static char dir[64], in[96], prev[96];

static void quiet(void *ctx, const struct sahifa_error *e)
{
	(void)ctx;
	(void)e;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	FILE *f;

	(void)argc;
	(void)argv;
	snprintf(dir, sizeof(dir), "/tmp/sahifa-fuzz-previous-%ld", (long)getpid());
	mkdir(dir, 0700);
	snprintf(in, sizeof(in), "%s/in.jsonl", dir);
	snprintf(prev, sizeof(prev), "%s/v-1.0.0.tar", dir);
	f = fopen(in, "wb");
	if (!f || fwrite(record, 1, sizeof(record) - 1, f) != sizeof(record) - 1)
		abort();
	fclose(f);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sahifa_pack_options o;
	struct sahifa_pack_summary sum;
	struct sahifa_error err;
	const char *inputs[1];
	char out[128];
	FILE *f = fopen(prev, "wb");

	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	memset(&o, 0, sizeof(o));
	o.name = "v";
	o.version = "1.1.0";
	o.outdir = dir;
	o.previous = prev;
	o.force = 1;
	inputs[0] = in;
	sahifa_error_clear(&err);
	if (sahifa_pack_run(&o, inputs, 1, quiet, NULL, &sum, &err) != SAHIFA_OK && !err.msg[0])
		abort();
	snprintf(out, sizeof(out), "%s/v-1.1.0.tar.gz", dir);
	unlink(out);
	return 0;
}
