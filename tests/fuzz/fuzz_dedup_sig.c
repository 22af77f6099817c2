/* libFuzzer: the dedup signature file reader (src/corpus/dedup_sig.c).  Invariants: a
 * failure names the file, by a header line (1-8) or by an offset within it; an
 * accepted file holds exactly its count of entries, and written again from what was
 * read it is the same bytes (the round trip). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "corpus/dedup_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char in_path[64], out_path[64];

static int write_file(const char *path, const uint8_t *data, size_t size)
{
	FILE *fp = fopen(path, "wb");
	int ok;

	if (!fp)
		return -1;
	ok = fwrite(data, 1, size, fp) == size;
	return fclose(fp) == 0 && ok ? 0 : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dedup_sig_file f;
	struct dedup_entry *e = NULL;
	uint64_t *lh = NULL;
	struct sahifa_error err;
	size_t plen;

	if (!in_path[0]) {
		snprintf(in_path, sizeof(in_path), "/tmp/fuzz-sig-%ld.in", (long)getpid());
		snprintf(out_path, sizeof(out_path), "/tmp/fuzz-sig-%ld.out", (long)getpid());
	}
	if (write_file(in_path, data, size))
		return 0;
	plen = strlen(in_path);
	sahifa_error_clear(&err);
	if (dedup_sig_open(&f, in_path, &err) ||
	    !(e = calloc(f.h.records ? f.h.records : 1, sizeof(*e))) ||
	    !(lh = calloc(f.h.records ? f.h.records : 1, sizeof(*lh))) ||
	    dedup_sig_read(&f, e, lh, &err)) {
		if (err.status == SAHIFA_ERR_NOMEM || !err.status)
			goto done;
		if (strncmp(err.path, in_path, plen) || !err.msg[0])
			abort();
		if (err.path[plen] == '@') {
			if (err.line || strtoull(err.path + plen + 1, NULL, 10) > size)
				abort();
		} else if (err.path[plen] || err.line < 0 || err.line > 8) {
			abort();
		}
		goto done;
	}
	{
		uint8_t *back;
		FILE *fp;
		long n;

		if (dedup_sig_write(out_path, &f.h, e, lh, (size_t)f.h.records, &err))
			abort();
		fp = fopen(out_path, "rb");
		if (!fp)
			abort();
		fseek(fp, 0, SEEK_END);
		n = ftell(fp);
		rewind(fp);
		back = malloc((size_t)n + 1);
		if (!back || (size_t)n != size || fread(back, 1, size, fp) != size ||
		    memcmp(back, data, size))
			abort();
		free(back);
		fclose(fp);
	}
done:
	dedup_sig_close(&f);
	free(e);
	free(lh);
	return 0;
}
