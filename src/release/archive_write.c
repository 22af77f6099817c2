/* Reproducible archive writing over libarchive (see src/release/archive_write.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "release/archive_write.h"

static enum sahifa_status la_fail(struct sahifa_archive_writer *w, const char *member,
				  struct sahifa_error *err)
{
	const char *why = w->a ? archive_error_string(w->a) : NULL;

	if (member)
		return sahifa_error_set(err, SAHIFA_ERR_IO, w->path, 0, 0, "cannot write '%s': %s",
					member, why ? why : "unknown error");
	return sahifa_error_set(err, SAHIFA_ERR_IO, w->path, 0, 0, "cannot write archive: %s",
				why ? why : "unknown error");
}

/* libarchive's output callback when the tar goes through libdeflate or libzstd. */
static la_ssize_t own_write(struct archive *a, void *client, const void *buf, size_t len)
{
	struct sahifa_archive_writer *w = client;
	enum sahifa_status st = w->gzip ? shf_gzip_out_write(&w->gz, buf, len, &w->out_err)
					: shf_zstd_out_write(&w->zs, buf, len, &w->out_err);

	if (st) {
		archive_set_error(a, EIO, "%s", w->out_err.msg);
		return -1;
	}
	return (la_ssize_t)len;
}

/* The tar stream into a file of gzip members or a zstd frame (see archive_write.h). */
static enum sahifa_status open_own_filter(struct sahifa_archive_writer *w, const char *path,
					  unsigned long long size_hint, struct sahifa_error *err)
{
	enum sahifa_status st;

	if (!(w->fp = fopen(path, "wb"))) {
		st = sahifa_error_set(err, SAHIFA_ERR_IO, path, 0, 0, "cannot create: %s",
				      strerror(errno));
		shf_archive_writer_free(w);
		return st;
	}
	st = w->gzip ? shf_gzip_out_init(&w->gz, w->fp, path, 6, err)
		     : shf_zstd_out_init(&w->zs, w->fp, path, 3, size_hint, err);
	if (st) {
		shf_archive_writer_free(w);
		return st;
	}
	/* the tar as libarchive writes it to a file, with no padding after its end blocks;
	 * unblocked, so that the bytes go to the compressor as they are given, not copied
	 * into 10 KiB blocks first (the compressors buffer what they need themselves) */
	if (archive_write_set_bytes_per_block(w->a, 0) != ARCHIVE_OK ||
	    archive_write_set_bytes_in_last_block(w->a, 1) != ARCHIVE_OK ||
	    archive_write_open2(w->a, w, NULL, own_write, NULL, NULL) != ARCHIVE_OK) {
		st = la_fail(w, NULL, err);
		shf_archive_writer_free(w);
		return st;
	}
	return SAHIFA_OK;
}

enum sahifa_status shf_archive_writer_open(struct sahifa_archive_writer *w, const char *path,
					      enum sahifa_pack_format format, long long mtime,
					      unsigned long long size_hint,
					      struct sahifa_error *err)
{
	struct archive *a = archive_write_new();
	int r;

	memset(w, 0, sizeof(*w));
	w->path = path;
	w->mtime = mtime;
	if (!a)
		return sahifa_error_nomem(err, path);
	w->a = a;
	switch (format) {
	case SAHIFA_PACK_ZIP:
		r = archive_write_set_format_zip(a);
		if (r == ARCHIVE_OK)
			r = archive_write_set_options(a, "zip:compression=deflate");
		break;
	case SAHIFA_PACK_TAR_ZST:
		r = archive_write_set_format_pax_restricted(a);
		w->zstd = 1;
		break;
	case SAHIFA_PACK_TAR_GZ:
	default:
		r = archive_write_set_format_pax_restricted(a);
		w->gzip = 1;
		break;
	}
	if (r != ARCHIVE_OK) {
		enum sahifa_status st = la_fail(w, NULL, err);

		shf_archive_writer_free(w);
		return st;
	}
	if (w->gzip || w->zstd)
		return open_own_filter(w, path, size_hint, err);
	if (archive_write_open_filename(a, path) != ARCHIVE_OK) {
		enum sahifa_status st = la_fail(w, NULL, err);

		shf_archive_writer_free(w);
		return st;
	}
	return SAHIFA_OK;
}

static struct archive_entry *entry_new(struct sahifa_archive_writer *w, const char *name,
				       int dir, long long size)
{
	struct archive_entry *e = archive_entry_new();

	if (!e)
		return NULL;
	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, dir ? AE_IFDIR : AE_IFREG);
	archive_entry_set_perm(e, dir ? 0755 : 0644);
	archive_entry_set_uid(e, 0);
	archive_entry_set_gid(e, 0);
	archive_entry_set_uname(e, "");
	archive_entry_set_gname(e, "");
	archive_entry_set_mtime(e, (time_t)w->mtime, 0);
	if (!dir)
		archive_entry_set_size(e, size);
	return e;
}

/* Write the header of one member (a directory, or a file of size bytes). */
static enum sahifa_status write_header(struct sahifa_archive_writer *w, const char *name, int dir,
				       long long size, struct sahifa_error *err)
{
	struct archive_entry *e = entry_new(w, name, dir, size);
	int r;

	if (!e)
		return sahifa_error_nomem(err, w->path);
	r = archive_write_header(w->a, e);
	archive_entry_free(e);
	return r == ARCHIVE_OK ? SAHIFA_OK : la_fail(w, name, err);
}

enum sahifa_status shf_archive_writer_add_dir(struct sahifa_archive_writer *w, const char *name,
						 struct sahifa_error *err)
{
	enum sahifa_status st = write_header(w, name, 1, 0, err);

	if (!st)
		w->members++;
	return st;
}

static enum sahifa_status write_all(struct sahifa_archive_writer *w, const char *name,
				    const void *data, size_t len, struct sahifa_error *err)
{
	const char *p = data;

	while (len) {
		la_ssize_t n = archive_write_data(w->a, p, len);

		if (n <= 0)
			return la_fail(w, name, err);
		p += n;
		len -= (size_t)n;
	}
	return SAHIFA_OK;
}

enum sahifa_status shf_archive_writer_add_mem(struct sahifa_archive_writer *w, const char *name,
						 const void *data, size_t len,
						 struct sahifa_error *err)
{
	enum sahifa_status st;

	if ((st = write_header(w, name, 0, (long long)len, err)))
		return st;
	if ((st = write_all(w, name, data, len, err)))
		return st;
	if (archive_write_finish_entry(w->a) != ARCHIVE_OK)
		return la_fail(w, name, err);
	w->members++;
	return SAHIFA_OK;
}

enum sahifa_status shf_archive_writer_add_fp(struct sahifa_archive_writer *w, const char *name,
						FILE *fp, unsigned long long size,
						struct sahifa_error *err)
{
	return shf_archive_writer_add_fp_at(w, name, fp, 0, size, err);
}

enum sahifa_status shf_archive_writer_add_fp_at(struct sahifa_archive_writer *w,
						   const char *name, FILE *fp, off_t off,
						   unsigned long long size, struct sahifa_error *err)
{
	char buf[1 << 16];
	enum sahifa_status st = SAHIFA_OK;
	unsigned long long left;

	if (fseeko(fp, off, SEEK_SET) != 0)
		return sahifa_error_set(err, SAHIFA_ERR_IO, w->path, 0, 0, "cannot rewind '%s': %s",
					name, strerror(errno));
	if ((st = write_header(w, name, 0, (long long)size, err)))
		return st;
	/* Exactly the size declared in the header. */
	for (left = size; left > 0 && !st;) {
		size_t want = left < sizeof(buf) ? (size_t)left : sizeof(buf);
		size_t n = fread(buf, 1, want, fp);

		if (n == 0)
			return sahifa_error_set(err, SAHIFA_ERR_IO, w->path, 0, 0,
						"cannot read back '%s': %s", name,
						ferror(fp) ? strerror(errno) : "file shrank");
		st = write_all(w, name, buf, n, err);
		left -= n;
	}
	if (st)
		return st;
	if (archive_write_finish_entry(w->a) != ARCHIVE_OK)
		return la_fail(w, name, err);
	w->members++;
	return SAHIFA_OK;
}

enum sahifa_status shf_archive_writer_begin(struct sahifa_archive_writer *w, const char *name,
					       unsigned long long size, struct sahifa_error *err)
{
	return write_header(w, name, 0, (long long)size, err);
}

enum sahifa_status shf_archive_writer_data(struct sahifa_archive_writer *w, const char *name,
					      const void *data, size_t len,
					      struct sahifa_error *err)
{
	return write_all(w, name, data, len, err);
}

enum sahifa_status shf_archive_writer_end(struct sahifa_archive_writer *w, const char *name,
					     struct sahifa_error *err)
{
	if (archive_write_finish_entry(w->a) != ARCHIVE_OK)
		return la_fail(w, name, err);
	w->members++;
	return SAHIFA_OK;
}

enum sahifa_status shf_archive_writer_close(struct sahifa_archive_writer *w,
					       struct sahifa_error *err)
{
	enum sahifa_status st = SAHIFA_OK;

	if (!w->a)
		return SAHIFA_OK;
	if (archive_write_close(w->a) != ARCHIVE_OK)
		st = la_fail(w, NULL, err);
	archive_write_free(w->a);
	w->a = NULL;
	if (w->gzip && !st)
		st = shf_gzip_out_finish(&w->gz, err);
	if (w->zstd && !st)
		st = shf_zstd_out_finish(&w->zs, err);
	if (w->fp) {
		if ((fflush(w->fp) != 0 || ferror(w->fp)) && !st)
			st = sahifa_error_set(err, SAHIFA_ERR_IO, w->path, 0, 0, "write error: %s",
					      strerror(errno));
		if (fclose(w->fp) != 0 && !st)
			st = sahifa_error_set(err, SAHIFA_ERR_IO, w->path, 0, 0, "write error: %s",
					      strerror(errno));
		w->fp = NULL;
	}
	shf_gzip_out_release(&w->gz);
	shf_zstd_out_release(&w->zs);
	return st;
}

void shf_archive_writer_free(struct sahifa_archive_writer *w)
{
	if (w->a)
		archive_write_free(w->a);
	w->a = NULL;
	if (w->fp)
		fclose(w->fp);
	w->fp = NULL;
	shf_gzip_out_release(&w->gz);
	shf_zstd_out_release(&w->zs);
}
