/* LD_PRELOAD shim for tests/scripts/hostile.sh: the first fseeko() (pack's second
 * pass starting) rewrites one byte of $SHIM_FILE first, as a writer changing the input
 * between pack's two passes would: "a-0.txt" becomes "z-0.txt", same length. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

int fseeko(FILE *f, off_t off, int whence)
{
	static int done;
	int (*real)(FILE *, off_t, int) = (int (*)(FILE *, off_t, int))dlsym(RTLD_NEXT, "fseeko");
	const char *path = getenv("SHIM_FILE");

	if (!done && path) {
		static char buf[1 << 20];
		FILE *g = fopen(path, "r+b");
		size_t n;
		char *at;

		done = 1;
		if (g) {
			n = fread(buf, 1, sizeof(buf) - 1, g);
			buf[n] = '\0';
			if ((at = strstr(buf, "a-0.txt"))) {
				fseek(g, (long)(at - buf), SEEK_SET);
				fputc('z', g);
			}
			fclose(g);
		}
	}
	return real(f, off, whence);
}
