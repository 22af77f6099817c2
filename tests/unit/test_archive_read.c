/* Unit tests for src/io/archive_read.c.  Archives are written at run time with
 * libarchive's write API (the test is no library module), then read back. */
#include <archive.h>
#include <archive_entry.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "io/archive_read.h"
#include "sahifa/buf.h"

struct entry {
	const char *name;
	const char *data;       /* NULL: a directory; "->target": a symlink */
};

enum filter { F_NONE, F_GZIP, F_XZ };
enum format { T_TAR, T_ZIP, T_RAW };

/* Write entries as an archive into a malloc'd buffer. */
static unsigned char *make_archive(enum format fmt, enum filter flt, const struct entry *e,
				   size_t n, size_t *len)
{
	struct archive *a = archive_write_new();
	size_t cap = 1 << 20, used = 0, i;
	unsigned char *buf = malloc(cap);

	if (fmt == T_TAR)
		archive_write_set_format_pax_restricted(a);
	else if (fmt == T_ZIP)
		archive_write_set_format_zip(a);
	else
		archive_write_set_format_raw(a);
	if (flt == F_GZIP)
		archive_write_add_filter_gzip(a);
	else if (flt == F_XZ)
		archive_write_add_filter_xz(a);
	archive_write_set_bytes_in_last_block(a, 1);
	if (archive_write_open_memory(a, buf, cap, &used) != ARCHIVE_OK) {
		printf("FAIL %s:%d: open: %s\n", __FILE__, __LINE__, archive_error_string(a));
		check_failed++;
	}
	for (i = 0; i < n; i++) {
		struct archive_entry *ae = archive_entry_new();

		archive_entry_set_pathname(ae, e[i].name);
		archive_entry_set_mtime(ae, 1700000000, 0);
		if (!e[i].data) {
			archive_entry_set_filetype(ae, AE_IFDIR);
			archive_entry_set_perm(ae, 0755);
		} else if (e[i].data[0] == '-' && e[i].data[1] == '>') {
			archive_entry_set_filetype(ae, AE_IFLNK);
			archive_entry_set_symlink(ae, e[i].data + 2);
			archive_entry_set_perm(ae, 0777);
		} else {
			archive_entry_set_filetype(ae, AE_IFREG);
			archive_entry_set_perm(ae, 0644);
			archive_entry_set_size(ae, (la_int64_t)strlen(e[i].data));
		}
		if (archive_write_header(a, ae) != ARCHIVE_OK) {
			printf("FAIL %s:%d: header: %s\n", __FILE__, __LINE__,
			       archive_error_string(a));
			check_failed++;
		}
		if (e[i].data && strncmp(e[i].data, "->", 2))
			archive_write_data(a, e[i].data, strlen(e[i].data));
		archive_entry_free(ae);
	}
	archive_write_close(a);
	archive_write_free(a);
	*len = used;
	return buf;
}

/* What a walk saw: "name|type|size|unsafe|data;" per member. */
struct seen {
	struct sahifa_buf log;
	int read_data;
};

static enum sahifa_status collect(void *ctx, const struct sahifa_archive_member *m)
{
	struct seen *s = ctx;
	static char data[65536];
	size_t got = 0;
	long long n;
	struct sahifa_error err;

	if (s->read_data && m->type == SAHIFA_MEMBER_FILE) {
		while ((n = shf_archive_member_read(m, data + got, sizeof(data) - got, &err)) > 0)
			got += (size_t)n;
		if (n < 0)
			return err.status;
	}
	sahifa_buf_appendf(&s->log, "%s|%d|%lld|%d|%.*s;", m->name, (int)m->type, m->size,
			   m->unsafe_name, (int)got, data);
	return SAHIFA_OK;
}

static const struct entry tree[] = {
	{ "news/", NULL },
	{ "news/b.txt", "\xd8\xae\xd8\xa8\xd8\xb1 b\n" },
	{ "news/a.txt", "story a\n" },
	{ "news/link", "->a.txt" },
	{ "z.txt", "zed" },
};

static void read_back(void)
{
	static const struct {
		int line;
		enum format fmt;
		enum filter flt;
		const char *want;
	} rows[] = {
		{ __LINE__, T_TAR, F_NONE,
		  "news/|1|0|0|;news/b.txt|0|9|0|\xd8\xae\xd8\xa8\xd8\xb1 b\n;news/a.txt|0|8|0|story a\n;"
		  "news/link|2|0|0|;z.txt|0|3|0|zed;" },
		{ __LINE__, T_TAR, F_GZIP,
		  "news/|1|0|0|;news/b.txt|0|9|0|\xd8\xae\xd8\xa8\xd8\xb1 b\n;news/a.txt|0|8|0|story a\n;"
		  "news/link|2|0|0|;z.txt|0|3|0|zed;" },
		{ __LINE__, T_TAR, F_XZ,
		  "news/|1|0|0|;news/b.txt|0|9|0|\xd8\xae\xd8\xa8\xd8\xb1 b\n;news/a.txt|0|8|0|story a\n;"
		  "news/link|2|0|0|;z.txt|0|3|0|zed;" },
		{ __LINE__, T_ZIP, F_NONE,
		  "news/|1|0|0|;news/b.txt|0|9|0|\xd8\xae\xd8\xa8\xd8\xb1 b\n;news/a.txt|0|8|0|story a\n;"
		  "news/link|2|0|0|;z.txt|0|3|0|zed;" },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		size_t len;
		unsigned char *ar = make_archive(rows[i].fmt, rows[i].flt, tree, 5, &len);
		struct seen s = { SAHIFA_BUF_INIT, 1 };
		struct sahifa_error err;
		enum sahifa_status st;

		CHECK(shf_archive_sniff(ar, len) == 1);
		st = shf_archive_each_mem("t", ar, len, collect, &s, &err);
		if (st) {
			printf("FAIL %s:%d: status %d: %s\n", __FILE__, rows[i].line, st, err.msg);
			check_failed++;
		} else
			CHECK_STR("members", s.log.data, rows[i].want);
		sahifa_buf_release(&s.log);
		free(ar);
	}
}

/* The file variant, on a tar.gz written to a temporary file. */
static void read_file(void)
{
	char path[] = "/tmp/sahifa-test-XXXXXX";
	size_t len;
	unsigned char *ar = make_archive(T_TAR, F_GZIP, tree + 1, 2, &len);
	struct seen s = { SAHIFA_BUF_INIT, 1 };
	struct sahifa_error err;
	int fd = mkstemp(path);

	CHECK(fd >= 0);
	if (fd < 0)
		return;
	CHECK(write(fd, ar, len) == (ssize_t)len);
	close(fd);
	CHECK_INT("each file", shf_archive_each(path, collect, &s, &err), SAHIFA_OK);
	CHECK_STR("each file members", s.log.data,
		  "news/b.txt|0|9|0|\xd8\xae\xd8\xa8\xd8\xb1 b\n;news/a.txt|0|8|0|story a\n;");
	sahifa_buf_release(&s.log);
	CHECK_INT("stdin refused", shf_archive_each("-", collect, &s, &err), SAHIFA_ERR_USAGE);
	CHECK_INT("missing file", shf_archive_each("/nonexistent/x.tar", collect, &s, &err),
		  SAHIFA_ERR_IO);
	unlink(path);
	free(ar);
}

static void unsafe_names(void)
{
	static const struct entry e[] = {
		{ "../evil.txt", "x" },
		{ "/etc/abs.txt", "x" },
		{ "a/../../b.txt", "x" },
		{ "a..b/c..txt", "x" },
		{ "..\\win.txt", "x" },
		{ "ok/..hidden", "x" },
	};
	size_t len;
	unsigned char *ar = make_archive(T_ZIP, F_NONE, e, 6, &len);
	struct seen s = { SAHIFA_BUF_INIT, 0 };
	struct sahifa_error err;

	CHECK_INT("unsafe walk", shf_archive_each_mem("u.zip", ar, len, collect, &s, &err),
		  SAHIFA_OK);
	CHECK_STR("unsafe flags", s.log.data,
		  "../evil.txt|0|1|1|;/etc/abs.txt|0|1|1|;a/../../b.txt|0|1|1|;a..b/c..txt|0|1|0|;"
		  "../win.txt|0|1|1|;ok/..hidden|0|1|0|;");
	sahifa_buf_release(&s.log);
	free(ar);
}

/* SAHIFA_MAX_ARCHIVE_MEMBERS and SAHIFA_MAX_ARCHIVE_TOTAL_BYTES, the default limits of
 * every walk, lowered here so that a small archive hits them. */
static void limits(void)
{
	static const struct entry e[] = {
		{ "1.txt", "0123456789012345678901234567890123456789" },
		{ "2.txt", "0123456789012345678901234567890123456789" },
		{ "3.txt", "0123456789012345678901234567890123456789" },
	};
	struct sahifa_archive_limits few = { 2, 1000 }, small = { 100, 100 }, fit = { 3, 120 };
	size_t len;
	unsigned char *ar = make_archive(T_TAR, F_NONE, e, 3, &len);
	struct seen s = { SAHIFA_BUF_INIT, 1 };
	struct sahifa_error err;

	/* a plain tar: members count by their declared sizes, at their headers */
	CHECK_INT("member limit", shf_archive_each_mem_limits("l.tgz", ar, len, &few, collect,
								  &s, &err),
		  SAHIFA_ERR_LIMIT);
	CHECK(strstr(err.msg, "more than 2 members") != NULL);
	sahifa_buf_reset(&s.log);
	CHECK_INT("byte limit", shf_archive_each_mem_limits("l.tgz", ar, len, &small, collect,
								&s, &err),
		  SAHIFA_ERR_LIMIT);
	CHECK_STR("byte limit path", err.path, "l.tgz!3.txt");
	CHECK(strstr(err.msg, "more than 100 uncompressed bytes") != NULL);
	sahifa_buf_reset(&s.log);
	CHECK_INT("just fits", shf_archive_each_mem_limits("l.tgz", ar, len, &fit, collect, &s,
							       &err),
		  SAHIFA_OK);
	free(ar);
	/* gzip: the whole stream is inflated (and its CRC checked) before any member */
	ar = make_archive(T_TAR, F_GZIP, e, 3, &len);
	sahifa_buf_reset(&s.log);
	CHECK_INT("gzip byte limit", shf_archive_each_mem_limits("l.tgz", ar, len, &small,
								     collect, &s, &err),
		  SAHIFA_ERR_LIMIT);
	CHECK_STR("gzip byte limit path", err.path, "l.tgz");
	CHECK(strstr(err.msg, "more than 100 uncompressed bytes") != NULL);
	CHECK(s.log.len == 0);
	sahifa_buf_release(&s.log);
	free(ar);
}

static void corrupt(void)
{
	struct entry e[3] = { { "a.txt", NULL }, { "b.txt", NULL }, { "c.txt", NULL } };
	static char big[3][40000];
	size_t len, i;
	unsigned char *ar;
	struct seen s = { SAHIFA_BUF_INIT, 1 };
	struct sahifa_error err;
	enum sahifa_status st;
	unsigned x = 7;

	/* Data that compresses badly, so a cut lands in the middle of the members, past
	 * what libarchive reads ahead to recognise the format. */
	for (i = 0; i < 3; i++) {
		size_t k;

		for (k = 0; k + 1 < sizeof(big[i]); k++) {
			x = x * 1103515245u + 12345u;
			big[i][k] = (char)('a' + (x >> 16) % 26);
		}
		big[i][k] = '\0';
		e[i].data = big[i];
	}
	ar = make_archive(T_TAR, F_GZIP, e, 3, &len);
	st = shf_archive_each_mem("c.tgz", ar, len * 2 / 3, collect, &s, &err);
	/* the gzip stream is checked whole first: no member of a damaged one is handed on */
	CHECK_INT("truncated tgz", st, SAHIFA_ERR_DATA);
	CHECK(s.log.len == 0);
	CHECK_STR("truncated tgz path", err.path, "c.tgz");
	CHECK(strstr(err.msg, "damaged gzip data: cut off") != NULL);
	free(ar);
	sahifa_buf_reset(&s.log);

	/* A zip whose stored data no longer matches its CRC. */
	ar = make_archive(T_ZIP, F_NONE, e, 3, &len);
	for (i = 0; i + 3000 < len; i++)
		if (!memcmp(ar + i, "b.txt", 5)) {
			ar[i + 200] ^= 0x55;  /* inside b.txt's deflated data */
			break;
		}
	st = shf_archive_each_mem("c.zip", ar, len, collect, &s, &err);
	CHECK_INT("corrupt zip", st, SAHIFA_ERR_DATA);
	CHECK_STR("corrupt zip member", err.path, "c.zip!b.txt");
	free(ar);
	sahifa_buf_reset(&s.log);

	/* Garbage after a gzip magic. */
	st = shf_archive_each_mem("g.gz", "\x1f\x8b\x08\0garbage garbage garbage", 27, collect,
				     &s, &err);
	CHECK_INT("garbage gz", st, SAHIFA_ERR_DATA);
	sahifa_buf_release(&s.log);
}

static void single_files(void)
{
	static const struct entry e[] = { { "data", "\xd9\x86\xd8\xb5 text\n" } };
	static const char text[] = "\xd9\x86\xd8\xb5 \xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a plain text\n";
	size_t len;
	unsigned char *gz = make_archive(T_RAW, F_GZIP, e, 1, &len);
	struct seen s = { SAHIFA_BUF_INIT, 1 };
	struct sahifa_error err;

	CHECK(shf_archive_sniff(gz, len) == 1);
	CHECK_INT("txt.gz", shf_archive_each_mem("dir/article.txt.gz", gz, len, collect, &s,
						    &err),
		  SAHIFA_OK);
	CHECK_STR("txt.gz member", s.log.data, "article.txt|0|-1|0|\xd9\x86\xd8\xb5 text\n;");
	sahifa_buf_reset(&s.log);
	CHECK_INT("plain text", shf_archive_each_mem("a.txt", text, sizeof(text) - 1, collect,
							&s, &err),
		  SAHIFA_ERR_DATA);
	CHECK(s.log.len == 0);
	sahifa_buf_release(&s.log);
	free(gz);
}

static void sniff(void)
{
	static const struct {
		int line;
		const char *head;
		size_t len;
		int want;
	} rows[] = {
		{ __LINE__, "PK\3\4\x14\0\0\0", 8, 1 },
		{ __LINE__, "PK\5\6\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 22, 1 },
		{ __LINE__, "7z\xBC\xAF\x27\x1C\0\4", 8, 1 },
		{ __LINE__, "\x1F\x8B\x08\0\0\0\0\0", 8, 1 },
		{ __LINE__, "BZh91AY&SY\0\0", 12, 1 },
		{ __LINE__, "\xFD" "7zXZ\0\0\4", 8, 1 },
		{ __LINE__, "\x28\xB5\x2F\xFD\0\0", 6, 1 },
		{ __LINE__, "\x04\x22\x4D\x18\0\0", 6, 1 },
		{ __LINE__, "PKZIP is a program", 18, 0 },
		{ __LINE__, "BZh9 is not bzip2 at all", 24, 0 },
		{ __LINE__, "070701 is a number in a sentence about cpio headers that is long "
			    "enough to fill one hundred and ten bytes of the header check ok",
		  128, 0 },
		{ __LINE__, "\xd8\xae\xd8\xa8\xd8\xb1 \xd8\xb9\xd8\xa7\xd8\xac\xd9\x84\n", 15, 0 },
		{ __LINE__, "", 0, 0 },
		{ __LINE__, "7z", 2, 0 },
	};
	unsigned char tarhead[512];
	char cpio[111];
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (shf_archive_sniff((const unsigned char *)rows[i].head, rows[i].len) !=
		    rows[i].want) {
			printf("FAIL %s:%d: sniff, want %d\n", __FILE__, rows[i].line, rows[i].want);
			check_failed++;
		} else
			check_passed++;
	memset(tarhead, ' ', sizeof(tarhead));
	memcpy(tarhead + 257, "ustar\0" "00", 8);
	/* text with "ustar" at 257 ("mustard") and no header checksum is no tar */
	CHECK(shf_archive_sniff(tarhead, sizeof(tarhead)) == 0);
	{
		unsigned long sum = 0;

		for (i = 0; i < sizeof(tarhead); i++)
			sum += tarhead[i];  /* the checksum field holds spaces yet */
		snprintf((char *)tarhead + 148, 8, "%06lo", sum);
		tarhead[155] = ' ';
	}
	CHECK(shf_archive_sniff(tarhead, sizeof(tarhead)) == 1);
	CHECK(shf_archive_sniff(tarhead, 260) == 0);
	memset(cpio, '0', 110);
	memcpy(cpio, "070701", 6);
	cpio[110] = '\0';
	CHECK(shf_archive_sniff((const unsigned char *)cpio, 110) == 1);
}

int main(void)
{
	sniff();
	read_back();
	read_file();
	unsafe_names();
	limits();
	corrupt();
	single_files();
	return check_report();
}
