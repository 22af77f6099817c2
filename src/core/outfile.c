/* All-or-nothing output files (see include/sahifa/outfile.h). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sahifa/buf.h"
#include "sahifa/limits.h"
#include "sahifa/outfile.h"

/* Temporary names a signal handler may have to remove.  A fixed table keeps the
 * handler free of allocation; a run holds at most a few output files at once. */
#define PENDING_MAX 8
static char pending[PENDING_MAX][4096];
static volatile sig_atomic_t pending_used[PENDING_MAX];

static int pending_add(const char *tmp)
{
	int i;

	if (strlen(tmp) >= sizeof(pending[0]))
		return -1;
	for (i = 0; i < PENDING_MAX; i++)
		if (!pending_used[i]) {
			memcpy(pending[i], tmp, strlen(tmp) + 1);
			pending_used[i] = 1;
			return i;
		}
	return -1;
}

static void pending_drop(int slot)
{
	if (slot >= 0 && slot < PENDING_MAX)
		pending_used[slot] = 0;
}

void sahifa_outfile_unlink_pending(void)
{
	int i;

	for (i = 0; i < PENDING_MAX; i++)
		if (pending_used[i])
			unlink(pending[i]);
}

/* The process umask (umask() can only be read by setting it; outputs are reserved by
 * the main thread, before any worker starts). */
static mode_t current_umask(void)
{
	mode_t mask = umask(022);

	umask(mask);
	return mask;
}

static void outfile_zero(struct sahifa_outfile *o)
{
	o->fp = NULL;
	o->path = NULL;
	o->tmp = NULL;
	o->slot = -1;
	o->buf = NULL;
}

/* A larger buffer for a file just opened; without memory for it stdio's own stays. */
static void outfile_buffer(struct sahifa_outfile *o)
{
	if ((o->buf = malloc(SAHIFA_OUTFILE_BUFFER_BYTES)) &&
	    setvbuf(o->fp, o->buf, _IOFBF, SAHIFA_OUTFILE_BUFFER_BYTES) != 0) {
		free(o->buf);
		o->buf = NULL;
	}
}

/* Close fp (not stdout) and free its buffer after; 0 or EOF as fclose. */
static int outfile_close(struct sahifa_outfile *o)
{
	int rc = o->fp && o->fp != stdout ? fclose(o->fp) : 0;

	o->fp = NULL;
	free(o->buf);
	o->buf = NULL;
	return rc;
}

enum sahifa_status sahifa_outfile_reserve(struct sahifa_outfile *o, const char *path,
					  struct sahifa_error *err)
{
	struct sahifa_buf name = SAHIFA_BUF_INIT;
	int fd;

	const char *base = strrchr(path, '/');
	int dirlen;

	outfile_zero(o);
	o->path = sahifa_strdup(path);
	/* DIR/.BASE.tmp-XXXXXX: a dot name, so that one a SIGKILL leaves behind is skipped
	 * (and reported) by a later walk of DIR, never taken for an input */
	base = base ? base + 1 : path;
	dirlen = (int)(base - path);
	if (!o->path || sahifa_buf_appendf(&name, "%.*s.%s.tmp-XXXXXX", dirlen, path, base)) {
		free(o->path);
		o->path = NULL;  /* sahifa_outfile_abort frees it otherwise */
		sahifa_buf_release(&name);
		return sahifa_error_nomem(err, path);
	}
	fd = mkstemp(name.data);
	/* mkstemp makes 0600; the output gets the mode cp or tar would give it */
	if (fd >= 0 && fchmod(fd, 0666 & ~current_umask()) != 0) {
		int e = errno;

		close(fd);
		unlink(name.data);
		fd = -1;
		errno = e;
	}
	if (fd < 0) {
		int e = errno;

		free(o->path);
		o->path = NULL;
		sahifa_buf_release(&name);
		return sahifa_error_set(err, SAHIFA_ERR_IO, path, 0, 0, "cannot create: %s",
					strerror(e));
	}
	close(fd);
	o->tmp = sahifa_buf_detach(&name, NULL);
	o->slot = pending_add(o->tmp);
	return SAHIFA_OK;
}

enum sahifa_status sahifa_outfile_open(struct sahifa_outfile *o, const char *path,
				       struct sahifa_error *err)
{
	enum sahifa_status st;
	struct stat sb;

	if (!path || !strcmp(path, "-")) {
		outfile_zero(o);
		o->fp = stdout;
		return SAHIFA_OK;
	}
	/* Only a regular file (or a new name) is replaced by rename.  A device, a FIFO
	 * or a symbolic link (/dev/null, /dev/stdout, a named pipe, a link the user keeps)
	 * is written in place: a rename would replace the device or the link itself. */
	if (lstat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		if (S_ISLNK(sb.st_mode) && stat(path, &sb) != 0)
			sb.st_mode = S_IFREG; /* dangling link: let fopen create its target */
		outfile_zero(o);
		if (S_ISDIR(sb.st_mode))
			return sahifa_error_set(err, SAHIFA_ERR_IO, path, 0, 0, "is a directory");
		o->path = sahifa_strdup(path);
		o->fp = o->path ? fopen(path, "wb") : NULL;
		if (!o->fp) {
			st = sahifa_error_set(err, o->path ? SAHIFA_ERR_IO : SAHIFA_ERR_NOMEM, path, 0, 0,
					      "cannot open: %s", strerror(errno));
			free(o->path);
			outfile_zero(o);
			return st;
		}
		outfile_buffer(o);
		return SAHIFA_OK;
	}
	st = sahifa_outfile_reserve(o, path, err);
	if (st)
		return st;
	o->fp = fopen(o->tmp, "wb");
	if (!o->fp) {
		st = sahifa_error_set(err, SAHIFA_ERR_IO, path, 0, 0, "cannot create: %s",
				      strerror(errno));
		sahifa_outfile_abort(o);
		return st;
	}
	outfile_buffer(o);
	return SAHIFA_OK;
}

enum sahifa_status sahifa_outfile_write(struct sahifa_outfile *o, const void *data, size_t len,
					struct sahifa_error *err)
{
	if (len && fwrite(data, 1, len, o->fp) != len)
		return sahifa_error_set(err, SAHIFA_ERR_IO, o->path ? o->path : "stdout", 0, 0,
					"write error: %s", strerror(errno));
	return SAHIFA_OK;
}

enum sahifa_status sahifa_outfile_commit(struct sahifa_outfile *o, struct sahifa_error *err)
{
	const char *shown = o->path ? o->path : "stdout";
	int failed;

	if (!o->tmp) {
		/* stdout or a device: flush and look for earlier write errors; main()
		 * closes stdout. */
		failed = o->fp && (fflush(o->fp) != 0 || ferror(o->fp));
		enum sahifa_status st = SAHIFA_OK;

		failed |= outfile_close(o) != 0;
		if (failed)
			st = sahifa_error_set(err, SAHIFA_ERR_IO, shown, 0, 0, "write error: %s",
					      strerror(errno));
		free(o->path);
		o->path = NULL;
		return st;
	}
	if (o->fp) {
		failed = fflush(o->fp) != 0 || ferror(o->fp) || fsync(fileno(o->fp)) != 0;
		failed |= outfile_close(o) != 0;
		if (failed) {
			enum sahifa_status st = sahifa_error_set(err, SAHIFA_ERR_IO, shown, 0, 0,
								 "write error: %s", strerror(errno));
			sahifa_outfile_abort(o);
			return st;
		}
	}
	if (rename(o->tmp, o->path) != 0) {
		enum sahifa_status st = sahifa_error_set(err, SAHIFA_ERR_IO, shown, 0, 0,
							 "cannot rename into place: %s",
							 strerror(errno));
		sahifa_outfile_abort(o);
		return st;
	}
	pending_drop(o->slot);
	free(o->tmp);
	free(o->path);
	outfile_zero(o);
	return SAHIFA_OK;
}

void sahifa_outfile_abort(struct sahifa_outfile *o)
{
	outfile_close(o);
	if (o->tmp)
		unlink(o->tmp);
	pending_drop(o->slot);
	free(o->tmp);
	free(o->path);
	outfile_zero(o);
}
