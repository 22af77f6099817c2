/* Unit tests for src/io/input.c: directory order, error items, the size limit with bounded
 * memory, archives member by member.  Everything is made in a temporary directory. */
#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "sahifa/buf.h"
#include "sahifa/input.h"

static char root[64];

/* "name!member:len:first-bytes" or "name!member:ERROR:message", one per line. */
struct seen {
	struct sahifa_buf log;
	size_t prefix;          /* strip the temporary root from names */
	int stop_after;         /* stop with SAHIFA_ERR_USAGE after this many items; 0 never */
	int items;
};

static enum sahifa_status collect(void *ctx, const struct sahifa_input_item *it)
{
	struct seen *s = ctx;
	const char *name = it->name;

	if (!strncmp(name, root, s->prefix - 1) && name[s->prefix - 1] == '/')
		name += s->prefix;
	sahifa_buf_appendf(&s->log, "%s%s%s:", name, it->member ? "!" : "",
			   it->member ? it->member : "");
	if (it->error)
		sahifa_buf_appendf(&s->log, "ERROR:%s\n", it->error->msg);
	else if (it->skip)
		sahifa_buf_appendf(&s->log, "SKIP:%s\n", it->skip);
	else
		sahifa_buf_appendf(&s->log, "%zu:%.*s\n", it->len, it->len > 8 ? 8 : (int)it->len,
				   (const char *)it->data);
	if (s->stop_after && ++s->items >= s->stop_after)
		return SAHIFA_ERR_USAGE;
	return SAHIFA_OK;
}

static void put(const char *rel, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	f = fopen(path, "wb");
	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void dir(const char *rel)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	CHECK(mkdir(path, 0755) == 0);
}

static void link_to(const char *target, const char *rel)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	CHECK(symlink(target, path) == 0);
}

static void walk(const char *const *paths, size_t n, struct seen *s, enum sahifa_status want)
{
	struct sahifa_error err;

	sahifa_buf_reset(&s->log);
	s->prefix = strlen(root) + 1;
	s->items = 0;
	sahifa_error_clear(&err);
	CHECK_INT("walk status", sahifa_input_walk(paths, n, collect, s, &err), want);
}

static void tree(void)
{
	struct seen s = { SAHIFA_BUF_INIT, 0, 0, 0 };
	char top[128], missing[128], single[128];
	const char *paths[3];

	dir("t");
	put("t/b.txt", "bee");
	put("t/a.txt", "ay");
	put("t/B.txt", "big bee");
	dir("t/a-dir");
	put("t/a-dir/d.txt", "dee");
	put("t/.hidden.txt", "no");
	dir("t/.git");
	put("t/.git/config", "no");
	dir("t/sub");
	put("t/sub/c.txt", "sea");
	link_to("sub", "t/link");
	link_to("..", "t/sub/up");
	link_to("nowhere", "t/sub/dangling");
	put("t/empty.txt", "");
	snprintf(top, sizeof(top), "%s/t", root);
	paths[0] = top;
	walk(paths, 1, &s, SAHIFA_OK);
	CHECK_STR("tree order", s.log.data,
		  "t/B.txt:7:big bee\n"
		  "t/a-dir/d.txt:3:dee\n"
		  "t/a.txt:2:ay\n"
		  "t/b.txt:3:bee\n"
		  "t/empty.txt:0:\n"
		  "t/link/c.txt:3:sea\n"
		  "t/link/dangling:ERROR:does not exist\n"
		  "t/link/up:ERROR:directory loop (a symbolic link to a parent)\n"
		  "t/sub:SKIP:folder walked already\n");

	/* A missing path is one error item between the others; the walk goes on. */
	snprintf(missing, sizeof(missing), "%s/none", root);
	snprintf(single, sizeof(single), "%s/t/a.txt", root);
	paths[0] = single;
	paths[1] = missing;
	paths[2] = single;
	walk(paths, 3, &s, SAHIFA_OK);
	CHECK_STR("missing", s.log.data,
		  "t/a.txt:2:ay\nnone:ERROR:does not exist\nt/a.txt:2:ay\n");

	/* The callback's own stop ends the walk with its status. */
	s.stop_after = 2;
	paths[0] = top;
	walk(paths, 1, &s, SAHIFA_ERR_USAGE);
	CHECK_STR("stopped", s.log.data, "t/B.txt:7:big bee\nt/a-dir/d.txt:3:dee\n");
	sahifa_buf_release(&s.log);
}

static long maxrss_kib(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

/* A 64 MiB file is one error item (its size says so); 64 MiB on a pipe, one line
 * without an end, is one error item too, read no further than the limit. */
static void too_large(void)
{
	struct seen s = { SAHIFA_BUF_INIT, 0, 0, 0 };
	char path[128], fdpath[64], want[128];
	const char *paths[1];
	long before;
	int fd, pfd[2];
	pid_t pid;

	snprintf(path, sizeof(path), "%s/huge.txt", root);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	CHECK(ftruncate(fd, (off_t)64 << 20) == 0);
	close(fd);
	paths[0] = path;
	before = maxrss_kib();
	walk(paths, 1, &s, SAHIFA_OK);
	CHECK_STR("too large", s.log.data, "huge.txt:ERROR:67108864 bytes, larger than the 16 MiB limit\n");
	unlink(path);

	CHECK(pipe(pfd) == 0);
	pid = fork();
	if (pid == 0) {
		static char chunk[1 << 16];
		int i;

		close(pfd[0]);
		memset(chunk, 'a', sizeof(chunk));
		for (i = 0; i < 1024; i++)
			if (write(pfd[1], chunk, sizeof(chunk)) < 0)
				break;
		_exit(0);
	}
	close(pfd[1]);
	snprintf(fdpath, sizeof(fdpath), "/dev/fd/%d", pfd[0]);
	paths[0] = fdpath;
	walk(paths, 1, &s, SAHIFA_OK);
	snprintf(want, sizeof(want), "%s:ERROR:larger than the 16 MiB limit\n", fdpath);
	CHECK_STR("too large pipe", s.log.data, want);
	close(pfd[0]);
	waitpid(pid, NULL, 0);
	/* Reading it whole would add 64 MiB or more; the limit's buffer adds 16 MiB. */
	CHECK(maxrss_kib() - before < 32 * 1024);
	sahifa_buf_release(&s.log);
}

struct entry {
	const char *name;
	const char *data;  /* NULL: a directory */
};

static void write_archive(const char *rel, int zip, int gzip, int raw, const struct entry *e,
			  size_t n)
{
	char path[256];
	struct archive *a = archive_write_new();
	size_t i;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	if (raw)
		archive_write_set_format_raw(a);
	else if (zip)
		archive_write_set_format_zip(a);
	else
		archive_write_set_format_pax_restricted(a);
	if (gzip)
		archive_write_add_filter_gzip(a);
	CHECK(archive_write_open_filename(a, path) == ARCHIVE_OK);
	for (i = 0; i < n; i++) {
		struct archive_entry *ae = archive_entry_new();

		archive_entry_set_pathname(ae, e[i].name);
		archive_entry_set_filetype(ae, e[i].data ? AE_IFREG : AE_IFDIR);
		archive_entry_set_perm(ae, 0644);
		archive_entry_set_size(ae, e[i].data ? (la_int64_t)strlen(e[i].data) : 0);
		CHECK(archive_write_header(a, ae) == ARCHIVE_OK);
		if (e[i].data)
			archive_write_data(a, e[i].data, strlen(e[i].data));
		archive_entry_free(ae);
	}
	archive_write_close(a);
	archive_write_free(a);
}

static void archives(void)
{
	static const struct entry tar[] = {
		{ "news/", NULL },
		{ "news/2.txt", "second" },
		{ "news/1.txt", "first" },
		{ "../evil.txt", "evil" },
		{ "news/3.txt", "third" },
	};
	static const struct entry only_dirs[] = { { "a/", NULL }, { "b/", NULL } };
	static const struct entry single[] = { { "data", "one article" } };
	struct seen s = { SAHIFA_BUF_INIT, 0, 0, 0 };
	char p1[128], p2[128], p3[128], p4[128];
	const char *paths[4];
	FILE *f;
	long size;

	write_archive("n.tar.gz", 0, 1, 0, tar, 5);
	write_archive("dirs.zip", 1, 0, 0, only_dirs, 2);
	write_archive("article.txt.gz", 0, 1, 1, single, 1);
	snprintf(p1, sizeof(p1), "%s/n.tar.gz", root);
	snprintf(p2, sizeof(p2), "%s/dirs.zip", root);
	snprintf(p3, sizeof(p3), "%s/article.txt.gz", root);
	paths[0] = p1;
	paths[1] = p2;
	paths[2] = p3;
	walk(paths, 3, &s, SAHIFA_OK);
	CHECK_STR("archives", s.log.data,
		  "n.tar.gz!news/2.txt:6:second\n"
		  "n.tar.gz!news/1.txt:5:first\n"
		  "n.tar.gz!../evil.txt:ERROR:unsafe member name '../evil.txt' (absolute or with "
		  "'..')\n"
		  "n.tar.gz!news/3.txt:5:third\n"
		  "dirs.zip:ERROR:archive holds no files\n"
		  "article.txt.gz!article.txt:11:one arti\n");

	/* A plain tar cut short: the members before the cut, then one error item. */
	{
		static char big[3][20000];
		struct entry e[3] = { { "a.txt", big[0] }, { "b.txt", big[1] }, { "c.txt", big[2] } };
		size_t i;

		for (i = 0; i < 3; i++) {
			memset(big[i], 'a' + (int)i, sizeof(big[i]) - 1);
			big[i][sizeof(big[i]) - 1] = '\0';
		}
		write_archive("cut.tar", 0, 0, 0, e, 3);
	}
	snprintf(p4, sizeof(p4), "%s/cut.tar", root);
	f = fopen(p4, "rb");
	CHECK(f != NULL);
	if (!f)
		return;
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fclose(f);
	CHECK(truncate(p4, size / 2) == 0);
	paths[0] = p4;
	paths[1] = p3;
	walk(paths, 2, &s, SAHIFA_OK);
	/* the member cut in two is a reject of its own, then the archive ends in one */
	CHECK(!strncmp(s.log.data, "cut.tar!a.txt:19999:aaaaaaaa\ncut.tar!b.txt:ERROR:", 48));
	CHECK(strstr(s.log.data, "\ncut.tar:ERROR:") != NULL);
	CHECK(strstr(s.log.data, "c.txt") == NULL);
	CHECK(strstr(s.log.data, "\narticle.txt.gz!article.txt:11:one arti\n") != NULL);
	sahifa_buf_release(&s.log);
}

int main(void)
{
	char cmd[128];

	snprintf(root, sizeof(root), "/tmp/sahifa-input-XXXXXX");
	if (!mkdtemp(root)) {
		printf("FAIL %s:%d: mkdtemp\n", __FILE__, __LINE__);
		return 1;
	}
	too_large();  /* first, while the high-water mark of memory is low */
	tree();
	archives();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	CHECK(system(cmd) == 0);
	return check_report();
}
