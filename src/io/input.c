/* Walking convert's inputs: files, directories, stdin, archives (include/sahifa/input.h). */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/array.h"
#include "io/archive_read.h"
#include "sahifa/buf.h"
#include "sahifa/input.h"
#include "sahifa/limits.h"

/* Bytes read from a file before deciding whether it is an archive: tar's magic sits at
 * offset 257. */
#define SNIFF_BYTES 512
#define READ_CHUNK ((size_t)64 << 10)

struct walker {
	sahifa_input_fn fn;
	void *ctx;
	struct sahifa_buf buf;        /* the current item's bytes, capped at the limit + 1 */
	size_t limit;                 /* SAHIFA_MAX_ARTICLE_BYTES */
	enum sahifa_status stop;      /* the callback's own non-OK status */
	struct sahifa_error *err;     /* the caller's, for fatal errors */
	int depth;                    /* directories open above the current one */
	dev_t dev[SAHIFA_MAX_DIR_DEPTH + 1];
	ino_t ino[SAHIFA_MAX_DIR_DEPTH + 1];
};

static enum sahifa_status deliver(struct walker *w, const struct sahifa_input_item *item)
{
	enum sahifa_status st = w->fn(w->ctx, item);

	if (st)
		w->stop = st;
	return st;
}

static enum sahifa_status emit_data(struct walker *w, const char *name, const char *member)
{
	struct sahifa_input_item item = { 0 };

	item.name = name;
	item.member = member;
	item.data = (const unsigned char *)(w->buf.data ? w->buf.data : "");
	item.len = w->buf.len;
	item.error = NULL;
	return deliver(w, &item);
}

/* An error item; len is the input's size when it is known (0 otherwise), so that a
 * reject still says how large the input was. */
static enum sahifa_status emit_error_item_len(struct walker *w, const char *name,
					      const char *member, const struct sahifa_error *e,
					      size_t len)
{
	struct sahifa_input_item item = { 0 };

	item.name = name;
	item.member = member;
	item.data = NULL;
	item.len = len;
	item.error = e;
	return deliver(w, &item);
}

static enum sahifa_status emit_error_item(struct walker *w, const char *name, const char *member,
					  const struct sahifa_error *e)
{
	return emit_error_item_len(w, name, member, e, 0);
}

static enum sahifa_status emit_error(struct walker *w, const char *name, const char *member,
				     enum sahifa_status status, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* An error item whose error path is name, or name!member. */
static enum sahifa_status emit_error(struct walker *w, const char *name, const char *member,
				     enum sahifa_status status, const char *fmt, ...)
{
	struct sahifa_error e;
	char msg[SAHIFA_ERROR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sahifa_error_set_member(&e, status, name, member, "%s", msg);
	return emit_error_item(w, name, member, &e);
}

/* size: the input's size when known, else 0 (a pipe or member read past the limit). */
static enum sahifa_status emit_too_large(struct walker *w, const char *name, const char *member,
					 unsigned long long size)
{
	struct sahifa_error e;

	if (size)
		sahifa_error_set_member(&e, SAHIFA_ERR_LIMIT, name, member,
					"%llu bytes, larger than the %zu MiB limit", size,
					w->limit >> 20);
	else
		sahifa_error_set_member(&e, SAHIFA_ERR_LIMIT, name, member,
					"larger than the %zu MiB limit", w->limit >> 20);
	return emit_error_item_len(w, name, member, &e, size > SIZE_MAX ? SIZE_MAX : (size_t)size);
}

/* strerror with a lower-case start, as our messages have. */
static void errno_text(int e, char *out, size_t size)
{
	snprintf(out, size, "%s", strerror(e));
	if (out[0] && isupper((unsigned char)out[0]) && !isupper((unsigned char)out[1]))
		out[0] = (char)tolower((unsigned char)out[0]);
}

static enum sahifa_status emit_errno(struct walker *w, const char *name, const char *what, int e)
{
	char text[128];

	if (e == ENOENT)
		return emit_error(w, name, NULL, SAHIFA_ERR_IO, "does not exist");
	errno_text(e, text, sizeof(text));
	return emit_error(w, name, NULL, SAHIFA_ERR_IO, "%s: %s", what, text);
}

enum read_result { READ_OK = 0, READ_TOO_LARGE, READ_ERRNO, READ_NOMEM };

/* Append from fd to w->buf until it holds at least upto bytes, EOF, or more than the
 * limit (never more than limit + 1 bytes in memory). */
static enum read_result read_fd(struct walker *w, int fd, size_t upto, int *eof, int *e)
{
	*eof = 0;
	while (w->buf.len < upto) {
		size_t want = w->limit + 1 - w->buf.len;
		ssize_t n;

		if (want > READ_CHUNK)
			want = READ_CHUNK;
		if (sahifa_buf_grow(&w->buf, want))
			return READ_NOMEM;
		n = read(fd, w->buf.data + w->buf.len, want);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			*e = errno;
			return READ_ERRNO;
		}
		if (n == 0) {
			*eof = 1;
			break;
		}
		w->buf.len += (size_t)n;
		w->buf.data[w->buf.len] = '\0';
		if (w->buf.len > w->limit)
			return READ_TOO_LARGE;
	}
	return READ_OK;
}

static enum sahifa_status fatal_nomem(struct walker *w)
{
	return sahifa_error_set(w->err, SAHIFA_ERR_NOMEM, NULL, 0, 0, "out of memory");
}

/* ---- archives ---- */

struct archive_walk {
	struct walker *w;
	const char *name;
	unsigned long files;          /* regular members seen */
};

static enum sahifa_status on_member(void *ctx, const struct sahifa_archive_member *m)
{
	struct archive_walk *aw = ctx;
	struct walker *w = aw->w;
	char q[SAHIFA_ERROR_PATH_MAX];

	if (m->type != SAHIFA_MEMBER_FILE)
		return SAHIFA_OK;  /* directories and links are no articles */
	aw->files++;
	if (m->unsafe_name) {
		sahifa_quote(m->name, strlen(m->name), 200, q, sizeof(q));
		return emit_error(w, aw->name, m->name, SAHIFA_ERR_DATA,
				  "unsafe member name %s (absolute or with '..')", q);
	}
	if (m->size > 0 && (unsigned long long)m->size > w->limit)
		return emit_too_large(w, aw->name, m->name, (unsigned long long)m->size);
	sahifa_buf_reset(&w->buf);
	for (;;) {
		size_t want = w->limit + 1 - w->buf.len;
		long long n;
		enum sahifa_status st;

		if (want > READ_CHUNK)
			want = READ_CHUNK;
		st = sahifa_buf_grow(&w->buf, want);
		if (st)
			return sahifa_error_set(w->err, SAHIFA_ERR_NOMEM, NULL, 0, 0, "out of memory");
		n = sahifa_archive_member_read(m, w->buf.data + w->buf.len, want, w->err);
		if (n < 0)
			return w->err ? w->err->status : SAHIFA_ERR_DATA;
		if (n == 0)
			break;
		w->buf.len += (size_t)n;
		w->buf.data[w->buf.len] = '\0';
		if (w->buf.len > w->limit)
			return emit_too_large(w, aw->name, m->name, 0);
	}
	return emit_data(w, aw->name, m->name);
}

/* The members of an archive as items; an archive-level failure (corrupt, a limit) ends
 * in one error item for the archive after the members read so far. */
static enum sahifa_status walk_archive(struct walker *w, const char *name, const char *path,
				       const void *data, size_t len)
{
	struct archive_walk aw = { w, name, 0 };
	struct sahifa_error e;
	struct sahifa_error *saved = w->err;
	enum sahifa_status st;

	sahifa_error_clear(&e);
	w->err = &e;
	if (path)
		st = sahifa_archive_each(path, on_member, &aw, &e);
	else
		st = sahifa_archive_each_mem(name, data, len, on_member, &aw, &e);
	w->err = saved;
	if (w->stop)
		return w->stop;
	if (st == SAHIFA_ERR_NOMEM) {
		if (saved)
			*saved = e;
		return st;
	}
	if (st) {
		sahifa_error_set_path(&e, name);
		return emit_error_item(w, name, NULL, &e);
	}
	if (!aw.files)
		return emit_error(w, name, NULL, SAHIFA_ERR_DATA, "archive holds no files");
	return SAHIFA_OK;
}

/* ---- files, stdin, directories ---- */

static enum sahifa_status walk_fd(struct walker *w, const char *name, int fd, int is_stdin)
{
	enum read_result r;
	int eof = 0, e = 0;

	struct stat sb;
	int regular = !fstat(fd, &sb) && S_ISREG(sb.st_mode);

	sahifa_buf_reset(&w->buf);
	r = read_fd(w, fd, SNIFF_BYTES, &eof, &e);
	if (r == READ_OK && !is_stdin &&
	    sahifa_archive_sniff((const unsigned char *)w->buf.data, w->buf.len))
		return walk_archive(w, name, name, NULL, 0);
	if (r == READ_OK && !eof) {
		/* A file's size says at once whether it fits, and sizes the buffer once; a
		 * pipe gets the whole limit at once (pages it never fills cost nothing), not
		 * a chain of copies. */
		size_t target = w->limit + 1;

		if (regular && (unsigned long long)sb.st_size > w->limit)
			return emit_too_large(w, name, NULL, (unsigned long long)sb.st_size);
		if (regular)
			target = (size_t)sb.st_size;
		if (target > w->buf.len && sahifa_buf_grow(&w->buf, target - w->buf.len))
			return fatal_nomem(w);
	}
	if (r == READ_OK && !eof)
		r = read_fd(w, fd, w->limit + 1, &eof, &e);
	switch (r) {
	case READ_NOMEM:
		return fatal_nomem(w);
	case READ_ERRNO:
		return emit_errno(w, name, "cannot read", e);
	case READ_TOO_LARGE:
		return emit_too_large(w, name, NULL, 0);
	case READ_OK:
		break;
	}
	if (is_stdin && sahifa_archive_sniff((const unsigned char *)w->buf.data, w->buf.len)) {
		/* An archive on stdin is read from memory, so it is bound by the article limit. */
		size_t alen;
		char *arch = sahifa_buf_detach(&w->buf, &alen);
		enum sahifa_status st;

		if (!arch)
			return fatal_nomem(w);
		sahifa_buf_init(&w->buf, w->limit + 1);
		st = walk_archive(w, name, NULL, arch, alen);
		free(arch);
		return st;
	}
	return emit_data(w, name, NULL);
}

static enum sahifa_status walk_file(struct walker *w, const char *path)
{
	enum sahifa_status st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return emit_errno(w, path, "cannot open", errno);
	st = walk_fd(w, path, fd, 0);
	close(fd);
	return st;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void free_names(char **names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Entries of a directory except those starting with '.', in strcmp (byte) order. */
static int read_names(const char *path, char ***out, size_t *count)
{
	DIR *d = opendir(path);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;

	*out = NULL;
	*count = 0;
	if (!d)
		return -1;
	errno = 0;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (SHF_ARRAY_GROW(names, n, cap, 32))
			goto nomem;
		if (!(names[n] = sahifa_strdup(de->d_name)))
			goto nomem;
		n++;
	}
	if (errno) {
		int e = errno;

		closedir(d);
		free_names(names, n);
		errno = e;
		return -1;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_names);
	*out = names;
	*count = n;
	return 0;
nomem:
	closedir(d);
	free_names(names, n);
	errno = ENOMEM;
	return -1;
}

static enum sahifa_status walk_path(struct walker *w, const char *path);

static enum sahifa_status walk_dir(struct walker *w, const char *path, const struct stat *sb)
{
	char **names;
	size_t n, i;
	int k;
	enum sahifa_status st = SAHIFA_OK;

	for (k = 0; k < w->depth; k++)
		if (w->dev[k] == sb->st_dev && w->ino[k] == sb->st_ino)
			return emit_error(w, path, NULL, SAHIFA_ERR_DATA,
					  "directory loop (a symbolic link to a parent)");
	if (w->depth > SAHIFA_MAX_DIR_DEPTH)
		return emit_error(w, path, NULL, SAHIFA_ERR_LIMIT,
				  "directories nested deeper than %d", SAHIFA_MAX_DIR_DEPTH);
	if (read_names(path, &names, &n)) {
		if (errno == ENOMEM)
			return fatal_nomem(w);
		return emit_errno(w, path, "cannot read directory", errno);
	}
	w->dev[w->depth] = sb->st_dev;
	w->ino[w->depth] = sb->st_ino;
	w->depth++;
	for (i = 0; i < n && !st; i++) {
		struct sahifa_buf child = SAHIFA_BUF_INIT;
		size_t plen = strlen(path);

		if (sahifa_buf_append(&child, path, plen) ||
		    (plen && path[plen - 1] != '/' && sahifa_buf_append_char(&child, '/')) ||
		    sahifa_buf_append_str(&child, names[i])) {
			sahifa_buf_release(&child);
			st = fatal_nomem(w);
			break;
		}
		st = walk_path(w, child.data);
		sahifa_buf_release(&child);
	}
	w->depth--;
	free_names(names, n);
	return st;
}

/* A path found in a directory or given: stat follows symbolic links. */
static enum sahifa_status walk_path(struct walker *w, const char *path)
{
	struct stat sb;

	if (stat(path, &sb))
		return emit_errno(w, path, "cannot open", errno);
	if (S_ISDIR(sb.st_mode))
		return walk_dir(w, path, &sb);
	if (!S_ISREG(sb.st_mode) && w->depth)
		return emit_error(w, path, NULL, SAHIFA_ERR_DATA, "not a regular file");
	/* A given pipe or device is read (e.g. a shell's <(...)), one found in a
	 * directory is not. */
	return walk_file(w, path);
}

enum sahifa_status sahifa_input_walk(const char *const *paths, size_t n, sahifa_input_fn fn,
				     void *ctx, struct sahifa_error *err)
{
	struct walker w;
	size_t i;
	enum sahifa_status st = SAHIFA_OK;

	memset(&w, 0, sizeof(w));
	w.fn = fn;
	w.ctx = ctx;
	w.err = err;
	w.limit = SAHIFA_MAX_ARTICLE_BYTES;
	sahifa_buf_init(&w.buf, w.limit + 1);
	for (i = 0; i < n && !st; i++) {
		if (!strcmp(paths[i], "-"))
			st = walk_fd(&w, "-", STDIN_FILENO, 1);
		else
			st = walk_path(&w, paths[i]);
	}
	sahifa_buf_release(&w.buf);
	return st;
}
