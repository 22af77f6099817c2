#!/bin/sh
# make bench-warc: convert throughput and peak memory on a WARC crawl of real pages
# (the scrapinghub_aeb pages of ../shared/eval, one gzip member per record, each page a
# request + response pair after a warcinfo record) and on ten times that crawl, to show
# that memory stays flat in the file's size.  MB/s is given of the compressed file and
# of the HTML bodies; items/s counts HTML records.
set -u
. "$(dirname "$0")/lib.sh"
AEB="$SHARED/eval/scrapinghub_aeb/html"
[ -d "$AEB" ] || { echo "bench-warc: $AEB not found; nothing to measure"; exit 0; }
mkdir -p "$BENCH"
python3 - "$AEB" "$BENCH" <<'PY'
import glob, gzip, importlib.util, os, sys
root = os.environ["ROOT"]
spec = importlib.util.spec_from_file_location("mk", os.path.join(root, "tools", "make-sample-warc.py"))
mk = importlib.util.module_from_spec(spec); spec.loader.exec_module(mk)
pages = sorted(glob.glob(os.path.join(sys.argv[1], "*.html.gz")))
members, html = [mk.member(mk.record("warcinfo", None, b"software: sahifa bench\r\n",
                                      "application/warc-fields", 0))], 0
for i, p in enumerate(pages):
    body = gzip.open(p).read()
    html += len(body)
    uri = "https://aeb.example/%d.html" % i
    members.append(mk.member(mk.record("request", uri, b"GET / HTTP/1.1\r\n\r\n",
                                       "application/http; msgtype=request", 2 * i + 1)))
    members.append(mk.member(mk.record("response", uri,
        mk.http(200, "OK", ["Content-Type: text/html; charset=utf-8"], body),
        "application/http; msgtype=response", 2 * i + 2)))
data = b"".join(members)
open(os.path.join(sys.argv[2], "aeb.warc.gz"), "wb").write(data)
open(os.path.join(sys.argv[2], "aeb10.warc.gz"), "wb").write(data * 10)
open(os.path.join(sys.argv[2], "aeb10-skip.warc.gz"), "wb").write(b"".join(
    mk.member(gzip.decompress(m).replace(b"Content-Type: text/html; charset=utf-8",
                                         b"Content-Type: application/x-benchmark"))
    for m in members) * 10)
open(os.path.join(sys.argv[2], "aeb.counts"), "w").write("%d %d\n" % (len(pages), html))
PY
read -r n html < "$BENCH/aeb.counts"
z1=$(wc -c < "$BENCH/aeb.warc.gz")
echo "crawl: $n HTML responses, $html bytes of HTML, $z1 bytes as .warc.gz; 10x: $((n * 10)) responses"
echo "(rows: MB/s of the .warc.gz, HTML records/s)"
measure "warc 1x (-j default)" "$z1" "$n" "$SAHIFA" convert -o "$BENCH/aeb.jsonl" "$BENCH/aeb.warc.gz"
measure "warc 1x (-j 1)" "$z1" "$n" "$SAHIFA" convert -j 1 -o "$BENCH/aeb-j1.jsonl" "$BENCH/aeb.warc.gz"
measure "warc 10x (-j default)" "$((z1 * 10))" "$((n * 10))" "$SAHIFA" convert -v -o "$BENCH/aeb10.jsonl" "$BENCH/aeb10.warc.gz"
s10=$LAST_SECS
echo "  $(tail -n 1 "$BENCH/cmd.err" | sed 's/^sahifa: //')"
python3 -c "import sys; print('  HTML bodies: %.2f MB/s (-j default, 10x)' % (int(sys.argv[1]) * 10 / max(float(sys.argv[2]), 0.01) / 1e6))" "$html" "$s10"
cmp -s "$BENCH/aeb.jsonl" "$BENCH/aeb-j1.jsonl" &&
	echo "  -j 1 and -j default give identical output" ||
	echo "  WARNING: -j 1 and -j default outputs differ"
# the WARC reader alone: the same crawl with every response of a type that is no HTML,
# so each record is read through (gzip member inflated, headers parsed) and skipped
measure "reader alone, 10x (all skipped)" "$((z1 * 10))" "$((n * 10))" "$SAHIFA" convert -o /dev/null "$BENCH/aeb10-skip.warc.gz"
measure "gzip -dc of the same file" "$((z1 * 10))" "$((n * 10))" sh -c "gzip -dc '$BENCH/aeb10-skip.warc.gz' > /dev/null"
