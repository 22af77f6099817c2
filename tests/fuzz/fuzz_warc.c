/* libFuzzer harness for the WARC reader (src/io/warc.c, src/io/http.c,
 * src/io/zlib_inflate.c) through the input walker: arbitrary bytes as a file, read as
 * a WARC whatever they are and as found (plain, gzip member by member).  Invariants:
 * the walk never fails; every item is data, a skip or an error; an item's data fits
 * the article limit; a WARC item names its file, and an error of a record names
 * file@offset with an offset inside the file for a plain WARC. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sahifa/input.h"
#include "sahifa/limits.h"

struct ctx {
	const char *path;
	size_t size;
	int gz;
};

static enum sahifa_status on_item(void *arg, const struct sahifa_input_item *it)
{
	struct ctx *c = arg;
	int kinds = (it->data != NULL) + (it->error != NULL) + (it->skip != NULL);

	if (kinds != 1)
		abort();
	if (it->data && it->len > SAHIFA_MAX_ARTICLE_BYTES)
		abort();
	if ((it->data || it->skip) && it->warc && strcmp(it->name, c->path))
		abort();
	if (it->error) {
		const char *at = strrchr(it->error->path, '@');

		if (at && !c->gz && strtoull(at + 1, NULL, 10) > c->size)
			abort();
		if (!it->error->msg[0])
			abort();
	}
	return SAHIFA_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sahifa_input_options o;
	struct sahifa_error err;
	struct ctx c;
	char path[64];
	const char *paths[1];
	int fd = memfd_create("warc", 0), mode;

	if (fd < 0)
		return 0;
	if (size && write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	paths[0] = path;
	c.path = path;
	c.size = size;
	c.gz = size >= 2 && data[0] == 0x1F && data[1] == 0x8B;
	for (mode = 0; mode < 2; mode++) {
		memset(&o, 0, sizeof(o));
		o.warc = mode ? SAHIFA_WARC_AUTO : SAHIFA_WARC_ALWAYS;
		lseek(fd, 0, SEEK_SET);
		if (sahifa_input_walk_opts(paths, 1, &o, on_item, &c, &err) != SAHIFA_OK)
			abort();
	}
	close(fd);
	return 0;
}
