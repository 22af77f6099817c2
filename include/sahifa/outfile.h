/*
 * Output files written all or nothing: data goes to a temporary name beside the
 * target and is renamed into place by sahifa_outfile_commit().  Until then an
 * interrupted run leaves no half file: the temporary name is removed by
 * sahifa_outfile_abort(), and sahifa_outfile_unlink_pending() (async-signal-safe) lets
 * a signal handler remove every pending one.  Path "-" means stdout (no rename;
 * commit flushes and checks for write errors).
 */
#ifndef SAHIFA_OUTFILE_H
#define SAHIFA_OUTFILE_H

#include <stdio.h>
#include "sahifa/error.h"

#ifdef __cplusplus
extern "C" {
#endif

struct sahifa_outfile {
	FILE *fp;            /* write here; owned */
	char *path;          /* target; owned */
	char *tmp;           /* temporary name; owned; NULL for stdout */
	int slot;            /* index in the pending table, -1 when none */
	char *buf;           /* fp's buffer (NULL: stdio's own); owned */
};

enum sahifa_status sahifa_outfile_open(struct sahifa_outfile *o, const char *path,
				       struct sahifa_error *err);
/* Reserve a temporary name beside path without opening it (for writers such as
 * libarchive that open by name).  o->tmp receives the name; fp stays NULL. */
enum sahifa_status sahifa_outfile_reserve(struct sahifa_outfile *o, const char *path,
					  struct sahifa_error *err);
enum sahifa_status sahifa_outfile_write(struct sahifa_outfile *o, const void *data, size_t len,
					struct sahifa_error *err);
/* Close with checks, fsync and rename into place (or flush stdout; devices, FIFOs
 * and symbolic links are written in place). */
enum sahifa_status sahifa_outfile_commit(struct sahifa_outfile *o, struct sahifa_error *err);
/* Close and remove the temporary file; safe after a failed commit or none at all. */
void sahifa_outfile_abort(struct sahifa_outfile *o);
/* Remove every pending temporary file; only async-signal-safe calls. */
void sahifa_outfile_unlink_pending(void);

#ifdef __cplusplus
}
#endif
#endif
