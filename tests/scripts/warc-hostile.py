#!/usr/bin/env python3
"""Build the hostile WARC files of tests/scripts/warc.sh into a folder.

  python3 tests/scripts/warc-hostile.py OUTDIR

Every file holds good records around the bad one, so a test can check that the bad
one is a reject naming file@offset and that the others still come out.  Prints one
line per file: name, then the offsets the test expects in the rejects.
"""
import gzip
import importlib.util
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
spec = importlib.util.spec_from_file_location("mk", os.path.join(ROOT, "tools", "make-sample-warc.py"))
mk = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mk)


def good(n, lang="en"):
    body = mk.EN if lang == "en" else mk.AR
    return mk.record("response", "https://example.org/%d.html" % n,
                     mk.http(200, "OK", ["Content-Type: text/html; charset=utf-8"], body),
                     "application/http; msgtype=response", n)


def write(path, parts, gz):
    """parts: list of bytes (records or junk); returns the offset of each part."""
    offs, pos = [], 0
    with open(path, "wb") as f:
        for p in parts:
            data = gzip.compress(p, mtime=0) if gz and not p.startswith(b"JUNK") else p
            offs.append(pos)
            f.write(data)
            pos += len(data)
    return offs


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rep = []
    for gz in (False, True):
        ext = ".warc.gz" if gz else ".warc"
        # a gzip bomb in Content-Encoding: 200 MB of zeros in ~200 KB
        bomb = gzip.compress(b"\0" * (200 << 20), compresslevel=9, mtime=0)
        bad = mk.record("response", "https://example.org/bomb.html",
                        mk.http(200, "OK", ["Content-Type: text/html", "Content-Encoding: gzip"], bomb),
                        "application/http; msgtype=response", 50)
        offs = write(os.path.join(out, "bomb" + ext), [good(1), bad, good(2)], gz)
        rep.append(("bomb" + ext, offs[1]))
        # a lying Content-Length: too long (would swallow the next record), too short
        r = good(3)
        long_ = mk.record("response", "https://example.org/long.html",
                          mk.http(200, "OK", ["Content-Type: text/html"], mk.AR),
                          "application/http; msgtype=response", 51,
                          length=len(mk.http(200, "OK", ["Content-Type: text/html"], mk.AR)) + 300)
        offs = write(os.path.join(out, "long" + ext), [good(1), long_, r, good(4)], gz)
        rep.append(("long" + ext, offs[1]))
        short = mk.record("response", "https://example.org/short.html",
                          mk.http(200, "OK", ["Content-Type: text/html"], mk.AR),
                          "application/http; msgtype=response", 52, length=100)
        offs = write(os.path.join(out, "short" + ext), [good(1), short, good(5)], gz)
        rep.append(("short" + ext, offs[1]))
        # a truncated last record
        path = os.path.join(out, "truncated" + ext)
        offs = write(path, [good(1), good(6, "ar")], gz)
        size = os.path.getsize(path)
        with open(path, "r+b") as f:
            f.truncate(offs[1] + (size - offs[1]) // 2)
        rep.append(("truncated" + ext, offs[1]))
        # a record of 0 bytes
        zero = mk.record("response", "https://example.org/zero.html", b"",
                         "application/http; msgtype=response", 53)
        offs = write(os.path.join(out, "zero" + ext), [good(1), zero, good(7)], gz)
        rep.append(("zero" + ext, offs[1]))
        # only request records
        req = b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n"
        write(os.path.join(out, "requests" + ext),
              [mk.record("request", "https://example.org/%d" % i, req,
                         "application/http; msgtype=request", i) for i in range(5)], gz)
        # garbage between records
        offs = write(os.path.join(out, "garbage" + ext),
                     [good(1), b"JUNK\x00\xff stray bytes\r\n" * 3, good(8), good(9)], gz)
        rep.append(("garbage" + ext, offs[1]))
    for name, off in rep:
        print(name, off)


if __name__ == "__main__":
    main()
