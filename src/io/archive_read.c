/* Reading archives member by member through libarchive (src/io/archive_read.h). */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>

#include "io/archive_read.h"
#include "io/zlib_gzip.h"
#include "sahifa/buf.h"
#include "sahifa/limits.h"

/* The walk's state; a member's handle points here. */
struct reader {
	struct archive *a;
	const char *name;                /* the archive, for messages */
	const char *member;              /* current member */
	unsigned long long total;        /* uncompressed bytes read so far */
	unsigned long long max_total;
	struct sahifa_error *err;        /* the walk's, also filled by member_read */
	int sized;                       /* the current member's size was counted at its header */
	unsigned long long packed;       /* the archive's own size, 0 when unknown */
};

/* Count a member's declared size before any of it is read or skipped (libarchive
 * inflates what it skips too): a bomb stops at its header, not after the work. */
static enum sahifa_status count_declared(struct reader *r, const char *member, long long size)
{
	r->sized = size >= 0;
	if (size <= 0)
		return SAHIFA_OK;
	r->total += (unsigned long long)size;
	if (r->total > r->max_total)
		return sahifa_error_set_member(r->err, SAHIFA_ERR_LIMIT, r->name, member,
			"more than %llu uncompressed bytes in one archive (decompression bomb?)",
			r->max_total);
	if (r->packed && r->total > SAHIFA_ARCHIVE_RATIO_FROM &&
	    r->total / SAHIFA_MAX_ARCHIVE_RATIO > r->packed)
		return sahifa_error_set_member(r->err, SAHIFA_ERR_LIMIT, r->name, member,
			"%llu bytes expand to more than %llu (over %d times: a decompression bomb?)",
			r->packed, r->total, SAHIFA_MAX_ARCHIVE_RATIO);
	return SAHIFA_OK;
}

static int has_at(const unsigned char *h, size_t len, size_t off, const char *magic, size_t n)
{
	return len >= off + n && !memcmp(h + off, magic, n);
}

static int all_digits(const unsigned char *h, size_t from, size_t to, int hex)
{
	size_t i;

	for (i = from; i < to; i++)
		if (hex ? !isxdigit(h[i]) : (h[i] < '0' || h[i] > '7'))
			return 0;
	return 1;
}

/* Binary cpio: a 26-byte header whose name (after it) ends in NUL, which text never
 * holds.  namesize sits at offset 20 in the header's byte order. */
static int cpio_binary(const unsigned char *h, size_t len, int big_endian)
{
	size_t namesize;

	if (len < 26)
		return 0;
	namesize = big_endian ? ((size_t)h[20] << 8 | h[21]) : ((size_t)h[21] << 8 | h[20]);
	return namesize > 0 && 26 + namesize <= len && h[26 + namesize - 1] == '\0';
}

/* 1 when the 512-byte header at h carries the checksum of its own bytes (the checksum
 * field counted as spaces), as every tar writer stores it: text with "ustar" at
 * offset 257 ("mustard") has none. */
static int tar_checksum_ok(const unsigned char *h)
{
	unsigned long sum = 0, want = 0;
	size_t i;
	int digits = 0;

	for (i = 0; i < 512; i++)
		sum += i >= 148 && i < 156 ? ' ' : h[i];
	for (i = 148; i < 156 && h[i] == ' '; i++)
		;
	for (; i < 156 && h[i] >= '0' && h[i] <= '7'; i++, digits++)
		want = want * 8 + (unsigned long)(h[i] - '0');
	return digits > 0 && (i == 156 || h[i] == ' ' || h[i] == '\0') && sum == want;
}

int shf_archive_sniff(const unsigned char *h, size_t len)
{
	if (shf_archive_sniff_container(h, len))
		return 1;
	if (has_at(h, len, 0, "\x1F\x8B\x08", 3))               /* gzip, deflate */
		return 1;
	if (has_at(h, len, 0, "\x1F\x9D", 2))                   /* compress (.Z) */
		return 1;
	if (len >= 10 && has_at(h, len, 0, "BZh", 3) && h[3] >= '1' && h[3] <= '9' &&
	    (has_at(h, len, 4, "\x31\x41\x59\x26\x53\x59", 6) ||
	     has_at(h, len, 4, "\x17\x72\x45\x38\x50\x90", 6))) /* bzip2: block or end magic */
		return 1;
	if (has_at(h, len, 0, "\xFD" "7zXZ\0", 6))              /* xz */
		return 1;
	if (has_at(h, len, 0, "\x28\xB5\x2F\xFD", 4))           /* zstd */
		return 1;
	if (has_at(h, len, 0, "\x04\x22\x4D\x18", 4))           /* lz4 */
		return 1;
	if (has_at(h, len, 0, "LZIP\1", 5))                     /* lzip */
		return 1;
	return 0;
}

int shf_archive_sniff_container(const unsigned char *h, size_t len)
{
	if (has_at(h, len, 257, "ustar", 5) && len >= 512 && tar_checksum_ok(h)) /* tar */
		return 1;
	if (has_at(h, len, 0, "PK\3\4", 4) || has_at(h, len, 0, "PK\5\6", 4))  /* zip */
		return 1;
	if (has_at(h, len, 0, "7z\xBC\xAF\x27\x1C", 6))         /* 7z */
		return 1;
	if (has_at(h, len, 0, "!<arch>\n", 8))                  /* ar */
		return 1;
	/* cpio: ASCII headers are all (hex or octal) digits, which prose never is. */
	if ((has_at(h, len, 0, "070701", 6) || has_at(h, len, 0, "070702", 6)) && len >= 110 &&
	    all_digits(h, 6, 110, 1))
		return 1;
	if (has_at(h, len, 0, "070707", 6) && len >= 76 && all_digits(h, 6, 76, 0))
		return 1;
	if ((has_at(h, len, 0, "\xC7\x71", 2) && cpio_binary(h, len, 0)) ||
	    (has_at(h, len, 0, "\x71\xC7", 2) && cpio_binary(h, len, 1)))
		return 1;
	return 0;
}

/* 1 when name is absolute, a drive path, empty, or has a ".." component (either
 * separator: zip files made on Windows use backslashes). */
static int name_is_unsafe(const char *s)
{
	const char *p = s;

	if (!*s || *s == '/' || *s == '\\' || (isalpha((unsigned char)s[0]) && s[1] == ':'))
		return 1;
	while (*p) {
		size_t n = strcspn(p, "/\\");

		if (n == 2 && p[0] == '.' && p[1] == '.')
			return 1;
		p += n;
		if (*p)
			p++;
	}
	return 0;
}

static enum sahifa_member_type member_type(struct archive_entry *e)
{
	if (archive_entry_hardlink(e))
		return SAHIFA_MEMBER_HARDLINK;
	switch (archive_entry_filetype(e)) {
	case AE_IFREG: return SAHIFA_MEMBER_FILE;
	case AE_IFDIR: return SAHIFA_MEMBER_DIR;
	case AE_IFLNK: return SAHIFA_MEMBER_SYMLINK;
	default: return SAHIFA_MEMBER_OTHER;
	}
}

/* The one member of a compressed single file: the file's base name without its
 * compression suffix ("article.txt.gz" -> "article.txt", "x.tgz" -> "x.tar"). */
static void raw_member_name(const char *name, char *out, size_t size)
{
	static const struct { const char *suffix, *repl; } sfx[] = {
		{ ".tgz", ".tar" }, { ".tbz2", ".tar" }, { ".tbz", ".tar" }, { ".txz", ".tar" },
		{ ".tzst", ".tar" }, { ".gz", "" }, { ".bz2", "" }, { ".xz", "" }, { ".zst", "" },
		{ ".lz4", "" }, { ".lzma", "" }, { ".lz", "" }, { ".Z", "" }, { ".z", "" },
	};
	const char *base = strrchr(name, '/');
	size_t n, i;

	base = base ? base + 1 : name;
	n = strlen(base);
	for (i = 0; i < sizeof(sfx) / sizeof(sfx[0]); i++) {
		size_t k = strlen(sfx[i].suffix);

		if (n > k && !strcmp(base + n - k, sfx[i].suffix)) {
			snprintf(out, size, "%.*s%s", (int)(n - k), base, sfx[i].repl);
			return;
		}
	}
	snprintf(out, size, "%s", *base ? base : "data");
}

static const char *why(struct archive *a)
{
	const char *s = archive_error_string(a);

	return s ? s : "unknown error";
}

static void enable_formats(struct archive *a)
{
	/* Every filter, and the real archive formats.  Not mtree (it takes plain text
	 * for a manifest) nor warc; raw comes last in the bidding and catches a single
	 * compressed file. */
	archive_read_support_filter_all(a);
	archive_read_support_format_tar(a);
	archive_read_support_format_zip(a);
	archive_read_support_format_7zip(a);
	archive_read_support_format_cpio(a);
	archive_read_support_format_ar(a);
	archive_read_support_format_rar(a);
	archive_read_support_format_rar5(a);
	archive_read_support_format_iso9660(a);
	archive_read_support_format_cab(a);
	archive_read_support_format_raw(a);
}

/* 1 (with *st set) when the file at path is gzip and damaged or unreadable. */
static int gzip_path_damaged(const char *name, const char *path,
			     const struct sahifa_archive_limits *lim, struct sahifa_error *err,
			     enum sahifa_status *st)
{
	unsigned char head[2];
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	*st = SAHIFA_OK;
	if (fd < 0)
		return 0;  /* libarchive's open reports it */
	if (read(fd, head, 2) == 2 && head[0] == 0x1f && head[1] == 0x8b &&
	    lseek(fd, 0, SEEK_SET) == 0)
		*st = shf_gzip_verify(name, fd, NULL, 0, lim->total_bytes, err);
	close(fd);
	return *st != SAHIFA_OK;
}

static enum sahifa_status walk(const char *name, const char *path, const void *data, size_t len,
			       const struct sahifa_archive_limits *lim, sahifa_archive_member_fn fn,
			       void *ctx, struct sahifa_error *err)
{
	struct reader r;
	struct archive_entry *e;
	unsigned long long count = 0;
	char last[SAHIFA_ERROR_PATH_MAX] = "";
	char raw_name[SAHIFA_ERROR_PATH_MAX];
	enum sahifa_status st = SAHIFA_OK;
	int rc;

	/* libarchive does not check a gzip member's CRC-32: a damaged stream would read as
	 * garbled text, so it is checked whole before any member is handed over */
	if (path ? gzip_path_damaged(name, path, lim, err, &st) :
		   len >= 2 && !memcmp(data, "\x1f\x8b", 2) &&
		   (st = shf_gzip_verify(name, -1, data, len, lim->total_bytes, err)))
		return st;
	memset(&r, 0, sizeof(r));
	if (path) {
		struct stat sb;

		if (!stat(path, &sb) && S_ISREG(sb.st_mode))
			r.packed = (unsigned long long)sb.st_size;
	} else {
		r.packed = len;
	}
	r.name = name;
	r.max_total = lim->total_bytes;
	r.err = err;
	r.a = archive_read_new();
	if (!r.a)
		return sahifa_error_nomem(err, name);
	enable_formats(r.a);
	if (path)
		rc = archive_read_open_filename(r.a, path, 65536);
	else
		rc = archive_read_open_memory(r.a, data, len);
	if (rc != ARCHIVE_OK) {
		int e_no = archive_errno(r.a);

		st = sahifa_error_set_member(err, e_no == ENOENT || e_no == EACCES || e_no == EISDIR ||
					       e_no == EIO ? SAHIFA_ERR_IO : SAHIFA_ERR_DATA,
				  name, NULL, "cannot read archive: %s", why(r.a));
		archive_read_free(r.a);
		return st;
	}
	for (;;) {
		struct sahifa_archive_member m;
		const char *mname;

		rc = archive_read_next_header(r.a, &e);
		if (rc == ARCHIVE_EOF)
			break;
		if (rc < ARCHIVE_WARN) {
			if (last[0]) {
				char q[SAHIFA_ERROR_PATH_MAX];

				sahifa_quote(last, strlen(last), 200, q, sizeof(q));
				st = sahifa_error_set(err, SAHIFA_ERR_DATA, name, 0, 0,
						      "corrupt archive after member %s: %s", q,
						      why(r.a));
			} else
				st = sahifa_error_set(err, SAHIFA_ERR_DATA, name, 0, 0,
						      "corrupt or unreadable archive: %s", why(r.a));
			break;
		}
		if (++count > lim->members) {
			st = sahifa_error_set(err, SAHIFA_ERR_LIMIT, name, 0, 0,
					      "more than %llu members in one archive",
					      lim->members);
			break;
		}
		memset(&m, 0, sizeof(m));
		if (archive_format(r.a) == ARCHIVE_FORMAT_RAW) {
			/* Only the filters were recognised: a compressed single file.  With no
			 * filter at all it is no archive. */
			if (archive_filter_count(r.a) <= 1) {
				st = sahifa_error_set(err, SAHIFA_ERR_DATA, name, 0, 0,
						      "not an archive or compressed file");
				break;
			}
			raw_member_name(name, raw_name, sizeof(raw_name));
			m.name = raw_name;
			m.type = SAHIFA_MEMBER_FILE;
			m.size = -1;
		} else {
			mname = archive_entry_pathname_utf8(e);
			if (!mname)
				mname = archive_entry_pathname(e);
			m.name = mname ? mname : "";
			m.type = member_type(e);
			m.size = archive_entry_size_is_set(e) ? (long long)archive_entry_size(e) : -1;
		}
		if ((st = count_declared(&r, m.name, m.size)))
			break;
		m.unsafe_name = name_is_unsafe(m.name);
		m.handle = &r;
		r.member = m.name;
		snprintf(last, sizeof(last), "%s", m.name);
		st = fn(ctx, &m);
		r.member = NULL;
		if (st)
			break;
	}
	archive_read_free(r.a);
	return st;
}

static const struct sahifa_archive_limits default_limits = {
	SAHIFA_MAX_ARCHIVE_MEMBERS, SAHIFA_MAX_ARCHIVE_TOTAL_BYTES
};

enum sahifa_status shf_archive_each(const char *path, sahifa_archive_member_fn fn, void *ctx,
				       struct sahifa_error *err)
{
	if (!strcmp(path, "-"))
		return sahifa_error_set(err, SAHIFA_ERR_USAGE, path, 0, 0,
					"archives are not read from standard input");
	return walk(path, path, NULL, 0, &default_limits, fn, ctx, err);
}

enum sahifa_status shf_archive_each_limits(const char *path,
					      const struct sahifa_archive_limits *limits,
					      sahifa_archive_member_fn fn, void *ctx,
					      struct sahifa_error *err)
{
	if (!strcmp(path, "-"))
		return sahifa_error_set(err, SAHIFA_ERR_USAGE, path, 0, 0,
					"archives are not read from standard input");
	return walk(path, path, NULL, 0, limits ? limits : &default_limits, fn, ctx, err);
}

enum sahifa_status shf_archive_each_mem(const char *name, const void *data, size_t len,
					   sahifa_archive_member_fn fn, void *ctx,
					   struct sahifa_error *err)
{
	return walk(name, NULL, data, len, &default_limits, fn, ctx, err);
}

enum sahifa_status shf_archive_each_mem_limits(const char *name, const void *data, size_t len,
						  const struct sahifa_archive_limits *limits,
						  sahifa_archive_member_fn fn, void *ctx,
						  struct sahifa_error *err)
{
	return walk(name, NULL, data, len, limits ? limits : &default_limits, fn, ctx, err);
}

long long shf_archive_member_read(const struct sahifa_archive_member *m, void *buf, size_t size,
				     struct sahifa_error *err)
{
	struct reader *r = m->handle;
	la_ssize_t n;

	if (!err && r)
		err = r->err;
	if (!r || !r->member) {
		sahifa_error_set(err, SAHIFA_ERR_INTERNAL, NULL, 0, 0,
				 "member read outside its callback");
		return -1;
	}
	n = archive_read_data(r->a, buf, size);
	if (n < 0) {
		sahifa_error_set_member(err, SAHIFA_ERR_DATA, r->name, r->member, "corrupt archive: %s",
			     why(r->a));
		goto fail;
	}
	if (!r->sized)
		r->total += (unsigned long long)n;
	if (r->total > r->max_total) {
		sahifa_error_set_member(err, SAHIFA_ERR_LIMIT, r->name, r->member,
			     "more than %llu uncompressed bytes in one archive (decompression bomb?)",
			     r->max_total);
		goto fail;
	}
	return (long long)n;
fail:
	/* The walk's own error names the member too, whatever the callback returns. */
	if (r->err && err && r->err != err)
		*r->err = *err;
	return -1;
}

/* ---- one compressed stream, decompressed ---- */

#define STREAM_IN_BYTES ((size_t)64 << 10)

struct sahifa_archive_stream {
	struct archive *a;
	shf_read_fn rd;                  /* NULL: a file libarchive opens */
	void *rd_ctx;
	struct sahifa_error rd_err;      /* the callback's last error */
	int rd_failed;
	unsigned char *in;               /* the callback's buffer */
};

static la_ssize_t stream_cb_read(struct archive *a, void *data, const void **buf)
{
	struct sahifa_archive_stream *s = data;
	long long n = s->rd(s->rd_ctx, s->in, STREAM_IN_BYTES, &s->rd_err);

	if (n < 0) {
		s->rd_failed = 1;
		archive_set_error(a, EIO, "%s", s->rd_err.msg);
		return -1;
	}
	*buf = s->in;
	return (la_ssize_t)n;
}

static enum sahifa_status stream_open(const char *path, shf_read_fn rd, void *rd_ctx,
				      struct sahifa_archive_stream **out, struct sahifa_error *err)
{
	struct sahifa_archive_stream *s = calloc(1, sizeof(*s));
	struct archive_entry *e;
	enum sahifa_status st;
	int rc;

	*out = NULL;
	if (!s || !(s->a = archive_read_new()) ||
	    (rd && !(s->in = malloc(STREAM_IN_BYTES)))) {
		if (s && s->a)
			archive_read_free(s->a);
		free(s);
		return sahifa_error_nomem(err, path);
	}
	s->rd = rd;
	s->rd_ctx = rd_ctx;
	archive_read_support_filter_all(s->a);
	archive_read_support_format_raw(s->a);
	if (rd)
		rc = archive_read_open(s->a, s, NULL, stream_cb_read, NULL);
	else
		rc = archive_read_open_filename(s->a, path, 65536);
	if (rc != ARCHIVE_OK) {
		if (s->rd_failed) {
			*err = s->rd_err;
			st = err->status ? err->status : SAHIFA_ERR_DATA;
		} else
			st = sahifa_error_set(err, archive_errno(s->a) == EIO ||
						  archive_errno(s->a) == ENOENT
						  ? SAHIFA_ERR_IO : SAHIFA_ERR_DATA,
					      path, 0, 0, "cannot read: %s", why(s->a));
		goto fail;
	}
	if (archive_read_next_header(s->a, &e) != ARCHIVE_OK) {
		st = sahifa_error_set(err, SAHIFA_ERR_DATA, path, 0, 0, "cannot read: %s", why(s->a));
		goto fail;
	}
	*out = s;
	return SAHIFA_OK;
fail:
	archive_read_free(s->a);
	free(s->in);
	free(s);
	return st;
}

enum sahifa_status shf_archive_stream_open(const char *path, struct sahifa_archive_stream **out,
					      struct sahifa_error *err)
{
	return stream_open(path, NULL, NULL, out, err);
}

enum sahifa_status shf_archive_stream_open_fn(shf_read_fn rd, void *rd_ctx,
						 struct sahifa_archive_stream **out,
						 struct sahifa_error *err)
{
	return stream_open(NULL, rd, rd_ctx, out, err);
}

size_t shf_archive_peek_mem(const void *in, size_t len, void *out, size_t out_size)
{
	struct archive *a = archive_read_new();
	struct archive_entry *e;
	size_t got = 0;

	if (!a)
		return 0;
	archive_read_support_filter_all(a);
	archive_read_support_format_raw(a);
	if (archive_read_open_memory(a, in, len) == ARCHIVE_OK &&
	    archive_read_next_header(a, &e) == ARCHIVE_OK && archive_filter_count(a) > 1) {
		while (got < out_size) {
			la_ssize_t n = archive_read_data(a, (char *)out + got, out_size - got);

			if (n <= 0)
				break;  /* the end of what is held: a cut stream gives what it has */
			got += (size_t)n;
		}
	}
	archive_read_free(a);
	return got;
}

long long shf_archive_stream_read(struct sahifa_archive_stream *s, void *buf, size_t size,
				     struct sahifa_error *err)
{
	la_ssize_t n = archive_read_data(s->a, buf, size);

	if (n < 0 && s->rd_failed) {
		/* the member under the stream failed: its own error says why */
		if (err)
			*err = s->rd_err;
		return -1;
	}
	if (n < 0) {
		sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0, "corrupt compressed data: %s",
				 why(s->a));
		return -1;
	}
	return (long long)n;
}

unsigned long long shf_archive_stream_tell(struct sahifa_archive_stream *s)
{
	la_int64_t n = archive_filter_bytes(s->a, -1);

	return n < 0 ? 0 : (unsigned long long)n;
}

void shf_archive_stream_close(struct sahifa_archive_stream *s)
{
	if (!s)
		return;
	archive_read_free(s->a);
	free(s->in);
	free(s);
}
