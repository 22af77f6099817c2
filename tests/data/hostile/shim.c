/* LD_PRELOAD shim for tests/scripts/hostile.sh: changes an input while sahifa reads it.
 *   SHIM_FILE=path   the first fseeko() (pack writing its archive, after its one read
 *                    of the inputs) rewrites one byte of path first: "a-0.txt"
 *                    becomes "z-0.txt", same length.
 *   SHIM_KEEP_TIME=1 ... and puts the file's times back as they were.
 *   SHIM_TRUNC=path  the first read() from path truncates it to 100 bytes after. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <fcntl.h>
#include <unistd.h>

int fseeko(FILE *f, off_t off, int whence)
{
	static int done;
	int (*real)(FILE *, off_t, int) = (int (*)(FILE *, off_t, int))dlsym(RTLD_NEXT, "fseeko");
	const char *path = getenv("SHIM_FILE");

	if (!done && path) {
		static char buf[1 << 20];
		struct stat sb;
		int keep = getenv("SHIM_KEEP_TIME") && stat(path, &sb) == 0;
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
		if (keep) {
			struct timespec t[2] = { sb.st_atim, sb.st_mtim };

			utimensat(AT_FDCWD, path, t, 0);
		}
	}
	return real(f, off, whence);
}

ssize_t read(int fd, void *buf, size_t n)
{
	static int done;
	ssize_t (*real)(int, void *, size_t) = (ssize_t (*)(int, void *, size_t))dlsym(RTLD_NEXT, "read");
	const char *path = getenv("SHIM_TRUNC");
	ssize_t got = real(fd, buf, n);

	if (!done && path && got > 0) {
		char link[64], target[PATH_MAX];
		ssize_t k;

		snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
		k = readlink(link, target, sizeof(target) - 1);
		if (k > 0) {
			target[k] = '\0';
			if (!strcmp(target, path)) {
				done = 1;
				if (truncate(path, 100) != 0)
					perror("shim: truncate");
			}
		}
	}
	return got;
}
