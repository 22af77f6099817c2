/* Unit tests for the WARC side of input: src/io/warc.c (records, folded header lines,
 * malformed headers and resync, gzip member offsets, a read callback as an archive
 * member gives it), src/io/http.c (heads, chunks,
 * codings) and src/io/zlib_inflate.c (gzip, zlib and raw deflate, the bomb limit). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "check.h"
#include "io/http.h"
#include "io/warc.h"
#include "io/zlib_inflate.h"
#include "sahifa/buf.h"

/* gzip or zlib (bits 31 or 15) or raw deflate (-15) of in. */
static size_t deflate_to(const void *in, size_t len, int bits, unsigned char *out, size_t cap)
{
	z_stream z;

	memset(&z, 0, sizeof(z));
	deflateInit2(&z, 9, Z_DEFLATED, bits, 8, Z_DEFAULT_STRATEGY);
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)len;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	deflate(&z, Z_FINISH);
	deflateEnd(&z);
	return cap - z.avail_out;
}

static void test_http_head(void)
{
	static const char resp[] = "HTTP/1.1 200 OK\r\nContent-Type: Text/HTML; Charset=\"windows-1256\"\r\n"
				   "Transfer-Encoding: gzip, chunked\r\nContent-Encoding: x-gzip\r\n\r\nBODY";
	struct sahifa_http_head h;
	char media[32], cs[32];

	CHECK_INT("complete head", shf_http_parse_head(resp, sizeof(resp) - 1, &h), 1);
	CHECK_INT("status", h.status, 200);
	CHECK_STR("media type lower-cased", h.media_type, "text/html");
	CHECK_STR("charset unquoted", h.charset, "windows-1256");
	CHECK_INT("chunked last", h.chunked, 1);
	CHECK_INT("x-gzip", h.coding, SAHIFA_HTTP_GZIP);
	CHECK_INT("head length", h.head_len, sizeof(resp) - 1 - 4);
	CHECK_INT("cut head", shf_http_parse_head(resp, 40, &h), 0);
	CHECK_INT("no HTTP", shf_http_parse_head("GET / HTTP/1.1\r\n\r\n", 18, &h), -1);
	CHECK_INT("bad status", shf_http_parse_head("HTTP/1.1 2x0 OK\r\n\r\n", 19, &h), -1);
	CHECK_INT("404", shf_http_parse_head("HTTP/1.0 404 Not Found\n\n", 24, &h), 1);
	CHECK_INT("404 status", h.status, 404);
	CHECK_STR("no type", h.media_type, "");
	shf_http_content_type("application/xhtml+xml;charset=utf-8", 35, media, sizeof(media), cs,
				 sizeof(cs));
	CHECK_STR("xhtml", media, "application/xhtml+xml");
	CHECK_STR("xhtml charset", cs, "utf-8");
	CHECK_INT("xhtml is html", shf_http_is_html(media), 1);
	CHECK_INT("image is no html", shf_http_is_html("image/png"), 0);
}

static void test_inflate(void)
{
	static unsigned char zeros[1 << 20], packed[1 << 16];
	const char *text = "a page of text, a page of text, a page of text";
	struct sahifa_buf out = SAHIFA_BUF_INIT;
	struct sahifa_error e;
	size_t n;

	n = deflate_to(text, strlen(text), 31, packed, sizeof(packed));
	CHECK_INT("gzip", shf_inflate_mem(packed, n, SAHIFA_CODING_GZIP, 1000, &out, &e), SAHIFA_OK);
	CHECK(out.len == strlen(text) && !memcmp(out.data, text, out.len));
	sahifa_buf_reset(&out);
	CHECK_INT("gzip cut", shf_inflate_mem(packed, n - 10, SAHIFA_CODING_GZIP, 1000, &out, &e),
		  SAHIFA_ERR_DATA);
	n = deflate_to(text, strlen(text), 15, packed, sizeof(packed));
	sahifa_buf_reset(&out);
	CHECK_INT("zlib deflate", shf_inflate_mem(packed, n, SAHIFA_CODING_DEFLATE, 1000, &out, &e),
		  SAHIFA_OK);
	CHECK_INT("zlib length", out.len, strlen(text));
	n = deflate_to(text, strlen(text), -15, packed, sizeof(packed));
	sahifa_buf_reset(&out);
	CHECK_INT("raw deflate", shf_inflate_mem(packed, n, SAHIFA_CODING_DEFLATE, 1000, &out, &e),
		  SAHIFA_OK);
	CHECK_INT("raw length", out.len, strlen(text));
	/* a bomb: 1 MiB of zeros in about 1 KiB, limit 64 KiB */
	n = deflate_to(zeros, sizeof(zeros), 31, packed, sizeof(packed));
	sahifa_buf_reset(&out);
	CHECK(n < 4096);
	CHECK_INT("bomb", shf_inflate_mem(packed, n, SAHIFA_CODING_GZIP, 65536, &out, &e),
		  SAHIFA_ERR_LIMIT);
	CHECK(out.len <= 65536 + (64 << 10));
	CHECK(strstr(e.msg, "decompression bomb") != NULL);
	CHECK_INT("gzip peek", shf_gz_peek(packed, n, zeros, 16), 16);
	sahifa_buf_release(&out);
}

static void test_body(void)
{
	static const char chunks[] = "4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n";
	struct sahifa_http_head h;
	struct sahifa_buf tmp = SAHIFA_BUF_INIT, dec = SAHIFA_BUF_INIT;
	const unsigned char *out;
	size_t n;
	struct sahifa_error e;

	memset(&h, 0, sizeof(h));
	h.chunked = 1;
	CHECK_INT("chunks", shf_http_decode_body(&h, (const unsigned char *)chunks, sizeof(chunks) - 1,
						    100, &tmp, &dec, &out, &n, &e), SAHIFA_OK);
	CHECK(n == 9 && !memcmp(out, "Wikipedia", 9));
	CHECK_INT("chunk over the limit", shf_http_decode_body(&h, (const unsigned char *)chunks,
								  sizeof(chunks) - 1, 6, &tmp, &dec,
								  &out, &n, &e), SAHIFA_ERR_LIMIT);
	CHECK_INT("chunk cut", shf_http_decode_body(&h, (const unsigned char *)"9\r\nWiki", 7, 100,
						       &tmp, &dec, &out, &n, &e), SAHIFA_ERR_DATA);
	CHECK_INT("stored dechunked", shf_http_decode_body(&h, (const unsigned char *)"<html>", 6, 100,
							      &tmp, &dec, &out, &n, &e), SAHIFA_OK);
	CHECK(n == 6 && !memcmp(out, "<html>", 6));
	h.chunked = 0;
	h.coding = SAHIFA_HTTP_GZIP;
	CHECK_INT("stored inflated", shf_http_decode_body(&h, (const unsigned char *)"<p>x</p>", 8, 100,
							     &tmp, &dec, &out, &n, &e), SAHIFA_OK);
	CHECK_INT("stored inflated length", n, 8);
	h.coding = SAHIFA_HTTP_OTHER;
	CHECK_INT("brotli is not undone", shf_http_decode_body(&h, (const unsigned char *)"\x1b\x03", 2,
								   100, &tmp, &dec, &out, &n, &e),
		  SAHIFA_ERR_DATA);
	sahifa_buf_release(&tmp);
	sahifa_buf_release(&dec);
}

/* Write data to a temporary file and open it as a WARC of the given source. */
static struct sahifa_warc_reader *open_bytes(const void *data, size_t len, int gz, int *fd)
{
	char path[] = "/tmp/sahifa-test-warc-XXXXXX";
	struct sahifa_warc_reader *r = NULL;
	struct sahifa_error e;

	*fd = mkstemp(path);
	if (*fd < 0 || write(*fd, data, len) != (ssize_t)len)
		return NULL;
	unlink(path);
	lseek(*fd, 0, SEEK_SET);
	shf_warc_open(path, *fd, gz ? SAHIFA_WARC_GZIP : SAHIFA_WARC_PLAIN, NULL, 0, &r, &e);
	return r;
}

static const char rec1[] =
	"WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: https://e.org/a\r\n"
	"Content-Type: text/html;\r\n  charset=utf-8\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n";
static const char bad[] = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x1\r\n\r\n";
static const char rec2[] =
	"WARC/1.0\r\nWARC-Type: request\r\nWARC-Record-ID: <urn:x>\r\nContent-Length: 3\r\n\r\nGET\r\n\r\n";

static void test_reader_plain(void)
{
	struct sahifa_buf f = SAHIFA_BUF_INIT;
	struct sahifa_warc_reader *r;
	struct sahifa_warc_record rec;
	struct sahifa_error e;
	char block[16];
	int fd;

	sahifa_buf_append_str(&f, rec1);
	sahifa_buf_append_str(&f, bad);
	sahifa_buf_append_str(&f, rec2);
	sahifa_buf_append_str(&f, "WARC/1.2\r\nContent-Length: 0\r\n\r\n\r\n\r\n");
	r = open_bytes(f.data, f.len, 0, &fd);
	CHECK(r != NULL);
	if (!r)
		return;
	CHECK_INT("first record", shf_warc_next(r, &rec, &e), 1);
	CHECK_STR("version", rec.version, "1.1");
	CHECK_STR("type", rec.type, "resource");
	CHECK_STR("folded content type", rec.content_type, "text/html; charset=utf-8");
	CHECK_STR("no id", rec.record_id, NULL);
	CHECK_INT("offset 0", rec.offset, 0);
	CHECK_INT("length", rec.length, 5);
	CHECK_INT("block", shf_warc_block_read(r, block, sizeof(block), &e), 5);
	CHECK_INT("block end", shf_warc_block_read(r, block, sizeof(block), &e), 0);
	CHECK_INT("end ok", shf_warc_end(r, &e), SAHIFA_OK);
	CHECK_INT("bad length", shf_warc_next(r, &rec, &e), -1);
	CHECK_INT("bad length offset", shf_warc_error_offset(r), strlen(rec1));
	CHECK(strstr(e.msg, "bad Content-Length 'x1'") != NULL);
	CHECK_INT("resync", shf_warc_next(r, &rec, &e), 1);
	CHECK_STR("resync id", rec.record_id, "<urn:x>");
	CHECK_INT("resync offset", rec.offset, strlen(rec1) + strlen(bad));
	/* not read: next skips the block and checks the end */
	CHECK_INT("unsupported version", shf_warc_next(r, &rec, &e), -1);
	CHECK_STR("unsupported version message", e.msg, "unsupported WARC version 'WARC/1.2'");
	CHECK_INT("end of file", shf_warc_next(r, &rec, &e), 0);
	shf_warc_close(r);
	close(fd);
	sahifa_buf_release(&f);
}

static void test_reader_gzip(void)
{
	static unsigned char packed[4096];
	struct sahifa_warc_reader *r;
	struct sahifa_warc_record rec;
	struct sahifa_error e;
	size_t n1, n2;
	int fd;

	n1 = deflate_to(rec1, strlen(rec1), 31, packed, sizeof(packed));
	n2 = deflate_to(rec2, strlen(rec2), 31, packed + n1, sizeof(packed) - n1);
	memcpy(packed + n1 + n2, "junk!", 5);
	n2 += deflate_to(rec1, strlen(rec1), 31, packed + n1 + n2 + 5, sizeof(packed) - n1 - n2 - 5) + 5;
	r = open_bytes(packed, n1 + n2, 1, &fd);
	CHECK(r != NULL);
	if (!r)
		return;
	CHECK_INT("gz first", shf_warc_next(r, &rec, &e), 1);
	CHECK_INT("gz first offset", rec.offset, 0);
	CHECK_INT("gz second", shf_warc_next(r, &rec, &e), 1);
	CHECK_INT("gz second offset: its member", rec.offset, n1);
	CHECK_STR("gz second id", rec.record_id, "<urn:x>");
	CHECK_INT("gz junk", shf_warc_next(r, &rec, &e), -1);
	CHECK(strstr(e.msg, "not gzip data") != NULL);
	CHECK_INT("gz after junk", shf_warc_next(r, &rec, &e), 1);
	CHECK_STR("gz after junk type", rec.type, "resource");
	CHECK_INT("gz end", shf_warc_next(r, &rec, &e), 0);
	shf_warc_close(r);
	close(fd);
}

/* A source in memory that gives at most step bytes a call, then fails at fail_at
 * (when not 0): how an archive member reaches the reader. */
struct mem_src {
	const unsigned char *data;
	size_t len, pos, step, fail_at;
	int calls_after_end;
};

static long long mem_read(void *ctx, void *buf, size_t size, struct sahifa_error *err)
{
	struct mem_src *m = ctx;
	size_t n = m->len - m->pos;

	if (m->fail_at && m->pos >= m->fail_at) {
		sahifa_error_set(err, SAHIFA_ERR_DATA, NULL, 0, 0, "member broke");
		return -1;
	}
	if (n == 0)
		m->calls_after_end++;
	if (n > size)
		n = size;
	if (n > m->step)
		n = m->step;
	if (m->fail_at && m->pos + n > m->fail_at)
		n = m->fail_at - m->pos;
	memcpy(buf, m->data + m->pos, n);
	m->pos += n;
	return (long long)n;
}

static void test_reader_callback(void)
{
	static unsigned char packed[4096];
	struct sahifa_buf f = SAHIFA_BUF_INIT;
	struct sahifa_warc_reader *r = NULL;
	struct sahifa_warc_record rec;
	struct sahifa_error e;
	struct mem_src m;
	char block[16];
	size_t n1, n2;

	/* plain, two bytes a call, the first four given as a prefix */
	sahifa_buf_append_str(&f, rec1);
	sahifa_buf_append_str(&f, bad);
	sahifa_buf_append_str(&f, rec2);
	memset(&m, 0, sizeof(m));
	m.data = (const unsigned char *)f.data + 4;
	m.len = f.len - 4;
	m.step = 2;
	CHECK_INT("cb open", shf_warc_open_fn(mem_read, &m, SAHIFA_WARC_PLAIN, f.data, 4, &r, &e),
		  SAHIFA_OK);
	CHECK_INT("cb first", shf_warc_next(r, &rec, &e), 1);
	CHECK_STR("cb folded type", rec.content_type, "text/html; charset=utf-8");
	CHECK("cb block" && shf_warc_block_read(r, block, sizeof(block), &e) > 0);
	CHECK_INT("cb bad", shf_warc_next(r, &rec, &e), -1);
	CHECK_INT("cb bad offset", shf_warc_error_offset(r), strlen(rec1));
	CHECK_INT("cb resync", shf_warc_next(r, &rec, &e), 1);
	CHECK_INT("cb resync offset", rec.offset, strlen(rec1) + strlen(bad));
	CHECK_INT("cb end", shf_warc_next(r, &rec, &e), 0);
	shf_warc_close(r);

	/* gzip members, three bytes a call: offsets are members' starts in the source */
	n1 = deflate_to(rec1, strlen(rec1), 31, packed, sizeof(packed));
	n2 = deflate_to(rec2, strlen(rec2), 31, packed + n1, sizeof(packed) - n1);
	memset(&m, 0, sizeof(m));
	m.data = packed;
	m.len = n1 + n2;
	m.step = 3;
	r = NULL;
	CHECK_INT("cb gz open", shf_warc_open_fn(mem_read, &m, SAHIFA_WARC_GZIP, NULL, 0, &r, &e),
		  SAHIFA_OK);
	CHECK_INT("cb gz first", shf_warc_next(r, &rec, &e), 1);
	CHECK_INT("cb gz second", shf_warc_next(r, &rec, &e), 1);
	CHECK_INT("cb gz second offset", rec.offset, n1);
	CHECK_INT("cb gz end", shf_warc_next(r, &rec, &e), 0);
	shf_warc_close(r);

	/* through libarchive's filters from the callback: decompressed offsets */
	memset(&m, 0, sizeof(m));
	m.data = packed;
	m.len = n1 + n2;
	m.step = 5;
	r = NULL;
	CHECK_INT("cb filtered open",
		  shf_warc_open_fn(mem_read, &m, SAHIFA_WARC_FILTERED, NULL, 0, &r, &e), SAHIFA_OK);
	CHECK_INT("cb filtered first", shf_warc_next(r, &rec, &e), 1);
	CHECK_INT("cb filtered second", shf_warc_next(r, &rec, &e), 1);
	CHECK_INT("cb filtered second offset", rec.offset, strlen(rec1));
	CHECK_INT("cb filtered end", shf_warc_next(r, &rec, &e), 0);
	shf_warc_close(r);

	/* the source fails inside the second record: one error, then the end */
	memset(&m, 0, sizeof(m));
	m.data = (const unsigned char *)f.data;
	m.len = f.len;
	m.step = 7;
	m.fail_at = strlen(rec1) + strlen(bad) + 20;
	r = NULL;
	CHECK_INT("cb fail open", shf_warc_open_fn(mem_read, &m, SAHIFA_WARC_PLAIN, NULL, 0, &r, &e),
		  SAHIFA_OK);
	CHECK_INT("cb fail first", shf_warc_next(r, &rec, &e), 1);
	CHECK_INT("cb fail bad", shf_warc_next(r, &rec, &e), -1);
	CHECK_INT("cb fail broken", shf_warc_next(r, &rec, &e), -1);
	CHECK_STR("cb fail message", e.msg, "member broke");
	CHECK_INT("cb fail then end", shf_warc_next(r, &rec, &e), 0);
	shf_warc_close(r);
	sahifa_buf_release(&f);
}

int main(void)
{
	CHECK(shf_warc_sniff((const unsigned char *)"WARC/1.0\r\n", 10));
	CHECK(shf_warc_sniff((const unsigned char *)"WARC/1.1\r\n", 10));
	CHECK(!shf_warc_sniff((const unsigned char *)"WARC/0.9\r\n", 10));
	CHECK(!shf_warc_sniff((const unsigned char *)"WARC", 4));
	test_http_head();
	test_inflate();
	test_body();
	test_reader_plain();
	test_reader_gzip();
	test_reader_callback();
	return check_report();
}
