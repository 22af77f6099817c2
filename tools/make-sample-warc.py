#!/usr/bin/env python3
"""Write samples/crawl.warc.gz: a small crawl of the project's own pages.

One gzip member per record (as crawlers write them), fixed dates and record ids, and
gzip members without a timestamp, so the file is byte-identical on every run.

  python3 tools/make-sample-warc.py [OUT]      (default: samples/crawl.warc.gz)

The record helpers are also used by tests/scripts/warc.sh to build hostile WARCs.
"""
import gzip
import sys
import zlib

CRLF = b"\r\n"


def record(wtype, uri, block, content_type, n, version="1.0", extra=(), length=None):
    """One WARC record: header, block, two CRLFs.  length overrides Content-Length."""
    head = [
        b"WARC/" + version.encode(),
        b"WARC-Type: " + wtype.encode(),
        b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>" % n,
        b"WARC-Date: 2026-03-%02dT08:%02d:00Z" % (1 + n % 28, n % 60),
    ]
    if uri:
        head.append(b"WARC-Target-URI: " + uri.encode())
    head += [h.encode() for h in extra]
    if content_type:
        head.append(b"Content-Type: " + content_type.encode())
    head.append(b"Content-Length: %d" % (len(block) if length is None else length))
    return CRLF.join(head) + CRLF + CRLF + block + CRLF + CRLF


def http(status, reason, headers, body):
    lines = [b"HTTP/1.1 %d %s" % (status, reason.encode())]
    lines += [h.encode() for h in headers]
    return CRLF.join(lines) + CRLF + CRLF + body


def chunked(body, size=100):
    out = b""
    for i in range(0, len(body), size):
        part = body[i:i + size]
        out += b"%x\r\n" % len(part) + part + CRLF
    return out + b"0\r\n\r\n"


def member(data):
    return gzip.compress(data, compresslevel=9, mtime=0)


def page(lang, title, paras, dir_="ltr"):
    ps = "\n".join("<p>%s</p>" % p for p in paras)
    return ("<!DOCTYPE html>\n<html lang=\"%s\" dir=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<title>%s</title>\n</head>\n<body>\n<h1>%s</h1>\n%s\n</body>\n</html>\n"
            % (lang, dir_, title, title, ps)).encode("utf-8")


EN = page("en", "Harbour town opens its new library", [
    "The harbour town opened its new public library on Saturday, after three years of "
    "building work that closed the old reading room on the quay.",
    "The library holds forty thousand books, a children's floor and a room of local "
    "newspapers going back to 1890, which volunteers spent two winters sorting.",
    "The mayor said the building would stay open until nine in the evening on weekdays, "
    "so that people who work on the boats can use it after their shifts.",
])
AR = page("ar", "افتتاح مكتبة عامة جديدة في المدينة", [
    "افتتحت البلدية يوم السبت مكتبة عامة جديدة في وسط المدينة بعد ثلاث سنوات من أعمال "
    "البناء التي أغلقت قاعة المطالعة القديمة قرب الميناء.",
    "وتضم المكتبة أربعين ألف كتاب وطابقا للأطفال وقاعة للصحف المحلية القديمة التي "
    "عمل متطوعون على ترتيبها خلال شتاءين.",
    "وقال رئيس البلدية إن المكتبة ستبقى مفتوحة حتى التاسعة مساء في أيام العمل ليتمكن "
    "العاملون في الصيد من زيارتها بعد انتهاء عملهم.",
], "rtl")
FA = page("fa", "بازگشایی کتابخانه عمومی تازه در شهر", [
    "شهرداری روز شنبه کتابخانه عمومی تازه‌ای را در مرکز شهر بازگشایی کرد که ساخت آن "
    "سه سال به طول انجامید و سالن مطالعه قدیمی کنار بندر را بسته بود.",
    "این کتابخانه چهل هزار جلد کتاب، یک طبقه ویژه کودکان و اتاقی برای روزنامه‌های "
    "محلی قدیمی دارد که داوطلبان در دو زمستان آن‌ها را مرتب کردند.",
    "شهردار گفت کتابخانه در روزهای کاری تا ساعت نه شب باز می‌ماند تا کارگران بندر "
    "بتوانند پس از پایان کار به آن سر بزنند.",
], "rtl")
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
       b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05"
       b"\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


def sample_records():
    """The sample crawl, record by record (uncompressed)."""
    site = "https://news.example.org"
    info = (b"software: sahifa tools/make-sample-warc.py\r\nformat: WARC File Format 1.0\r\n"
            b"description: a small crawl of pages written for sahifa's tests\r\n")
    req = (b"GET /en/library.html HTTP/1.1\r\nHost: news.example.org\r\n"
           b"User-Agent: sample\r\n\r\n")
    gz_ar = gzip.compress(AR, mtime=0)
    return [
        record("warcinfo", None, info, "application/warc-fields", 1),
        record("request", site + "/en/library.html", req, "application/http; msgtype=request", 2),
        record("response", site + "/en/library.html",
               http(200, "OK", ["Content-Type: text/html; charset=UTF-8",
                                "Content-Length: %d" % len(EN)], EN),
               "application/http; msgtype=response", 3),
        record("response", site + "/ar/library.html",
               http(200, "OK", ["Content-Type: text/html; charset=utf-8",
                                "Content-Encoding: gzip", "Transfer-Encoding: chunked"],
                    chunked(gz_ar)),
               "application/http; msgtype=response", 4),
        record("response", site + "/missing.html",
               http(404, "Not Found", ["Content-Type: text/html"], b"<html><body>not found</body></html>"),
               "application/http; msgtype=response", 5),
        record("response", site + "/logo.png",
               http(200, "OK", ["Content-Type: image/png", "Content-Length: %d" % len(PNG)], PNG),
               "application/http; msgtype=response", 6),
        record("response", site + "/fa/library.html",
               http(200, "OK", ["Content-Type: text/html; charset=\"UTF-8\""], FA),
               "application/http; msgtype=response", 7, version="1.1"),
        record("metadata", site + "/fa/library.html", b"via: " + site.encode() + b"/fa/\r\n",
               "application/warc-fields", 8, version="1.1"),
        record("revisit", site + "/en/library.html", b"", None, 9, version="1.1",
               extra=["WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"]),
    ]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "samples/crawl.warc.gz"
    with open(out, "wb") as f:
        for r in sample_records():
            f.write(member(r))


if __name__ == "__main__":
    main()
