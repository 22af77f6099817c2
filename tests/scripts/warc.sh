#!/bin/sh
# WARC input end to end: the sample crawl (records, skips by reason, source.warc, offsets
# that re-read the record), every container form, --format, the hostile WARCs of
# warc-hostile.py (each a reject naming file@offset, the rest go on, memory bounded),
# memory flat in the file's size, and progress only on a terminal.
set -u
T="$BUILD/tmp-warc"
rm -rf "$T"
mkdir -p "$T"
PY=/usr/bin/python3
S="$ROOT/samples/crawl.warc.gz"
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }
check() { # name, command...
	name=$1
	shift
	if "$@" > "$T/check.out" 2>&1; then pass "$name"; else fail "$name" "$(head -c 600 "$T/check.out" | tr '\n' ' ')"; fi
}

# ---- the sample crawl ----
$PY "$ROOT/tools/make-sample-warc.py" "$T/crawl.warc.gz"
check "tools/make-sample-warc.py rebuilds samples/crawl.warc.gz byte for byte" cmp "$T/crawl.warc.gz" "$S"

"$SAHIFA" convert -v -o "$T/crawl.jsonl" "$S" 2> "$T/crawl.err"
rc=$?
want="sahifa: 9 inputs, 3 records, 0 rejected, 6 skipped (warcinfo 1, request 1, not-200 1, not-html 1, metadata 1, revisit 1), 0 bytes replaced"
if [ $rc -eq 0 ] && [ "$(cat "$T/crawl.err")" = "$want" ]; then
	pass "crawl.warc.gz: 3 records, 6 skipped by reason"
else
	fail "crawl.warc.gz summary" "exit $rc: $(cat "$T/crawl.err")"
fi

# Each record's source.warc: the offset starts the record's gzip member, which holds
# that record id; url is the target URI; the WARC/1.1 record is read too.
check "source.warc offsets re-read each record (gzip member start)" $PY - "$T/crawl.jsonl" "$S" <<'PY'
import json, sys, zlib
rows = [json.loads(l) for l in open(sys.argv[1])]
data = open(sys.argv[2], 'rb').read()
assert [r['url'] for r in rows] == ['https://news.example.org/en/library.html',
    'https://news.example.org/ar/library.html', 'https://news.example.org/fa/library.html'], rows
assert [r['lang'] for r in rows] == ['en', 'ar', 'fa'], [r['lang'] for r in rows]
for r in rows:
    w = r['source']['warc']
    assert w['file'] == sys.argv[2] and w['date'].startswith('2026-03-'), w
    rec = zlib.decompressobj(31).decompress(data[w['offset']:])
    assert rec.startswith(b'WARC/1.'), rec[:40]
    assert ('WARC-Record-ID: %s\r\n' % w['record_id']).encode() in rec, w
    assert ('WARC-Target-URI: %s\r\n' % w['target_uri']).encode() in rec, w
assert rows[2]['source']['warc']['record_id'].endswith('000000000007>')
# the chunked + gzip response came out as its page
assert 'مكتبة' in json.dumps(rows[1], ensure_ascii=False)
PY

# ---- containers: .warc, .warc.zst, stdin ----
gzip -dc "$S" > "$T/crawl.warc"
zstd -q -f "$T/crawl.warc" -o "$T/crawl.warc.zst"
urls() { $PY -c "import json,sys; print(' '.join(json.loads(l)['url'] for l in open(sys.argv[1])))" "$1"; }
"$SAHIFA" convert -o "$T/plain.jsonl" "$T/crawl.warc" 2>/dev/null
"$SAHIFA" convert -o "$T/zst.jsonl" "$T/crawl.warc.zst" 2>/dev/null
"$SAHIFA" convert -o "$T/stdin.jsonl" - < "$T/crawl.warc" 2>/dev/null
"$SAHIFA" convert -o "$T/stdingz.jsonl" - < "$S" 2>/dev/null
for f in plain zst stdin stdingz; do
	if [ "$(urls "$T/$f.jsonl")" = "$(urls "$T/crawl.jsonl")" ]; then
		pass "WARC as $f: the same 3 records"
	else
		fail "WARC as $f" "$(urls "$T/$f.jsonl")"
	fi
done
check "plain .warc offsets start each record" $PY - "$T/plain.jsonl" "$T/crawl.warc" <<'PY'
import json, sys
data = open(sys.argv[2], 'rb').read()
for l in open(sys.argv[1]):
    w = json.loads(l)['source']['warc']
    assert data[w['offset']:].startswith(b'WARC/1.'), w
    assert w['record_id'].encode() in data[w['offset']:w['offset'] + 200], w
PY

# ---- --format ----
"$SAHIFA" convert --format text -o "$T/astext.jsonl" "$T/crawl.warc" 2> "$T/err"
check "--format text never reads a WARC" $PY -c "
import json
rows = [json.loads(l) for l in open('$T/astext.jsonl')]
assert not any(r['source'].get('warc') for r in rows), rows
err = open('$T/err').read()
assert '@' not in err and 'crawl.warc' in err, err
"
printf 'Plain text\n\nA paragraph of an article that is not a crawl at all.\n' > "$T/article.txt"
"$SAHIFA" convert --format warc "$T/article.txt" > /dev/null 2> "$T/err"
rc=$?
if [ $rc -eq 1 ] && grep -q "article.txt@0: not a WARC record header" "$T/err"; then
	pass "--format warc on a text file: a reject at @0"
else
	fail "--format warc on a text file" "exit $rc: $(cat "$T/err")"
fi
"$SAHIFA" convert --format xml "$T/article.txt" > /dev/null 2> "$T/err"
[ $? -eq 2 ] && pass "--format xml is a usage error" || fail "--format xml" "$(cat "$T/err")"
: > "$T/empty.warc"
"$SAHIFA" convert --format warc "$T/empty.warc" > /dev/null 2> "$T/err"
if [ $? -eq 1 ] && grep -q "empty.warc: no WARC record in the file" "$T/err"; then
	pass "--format warc on an empty file: one reject"
else
	fail "--format warc on an empty file" "$(cat "$T/err")"
fi

# ---- hostile WARCs: a reject naming file@offset, the rest go on, bounded memory ----
H="$T/hostile"
$PY "$ROOT/tests/scripts/warc-hostile.py" "$H" > "$T/hostile.txt"
# file, records expected, reject message
while read -r f off; do
	case "$f" in
	bomb*) recs=2 msg="decompression bomb" ;;
	long*) recs=3 msg="Content-Length" ;;
	short*) recs=2 msg="does not end at a record boundary" ;;
	truncated*) recs=1 msg="truncated" ;;
	zero*) recs=2 msg="empty response record" ;;
	garbage*) recs=3 msg="stray bytes between records" ;;
	esac
	/usr/bin/time -f "%M" -o "$T/rss" "$SAHIFA" convert --rejects "$T/rej.jsonl" -o "$T/out.jsonl" \
		"$H/$f" 2> "$T/err"
	rc=$?
	got=$(wc -l < "$T/out.jsonl")
	rss=$(tail -n 1 "$T/rss")
	if [ $rc -eq 1 ] && [ "$got" -eq "$recs" ] && grep -q "^sahifa: $H/$f@$off: .*$msg" "$T/err" &&
	   [ "$(wc -l < "$T/rej.jsonl")" -eq 1 ] && grep -q "\"path\":\"$H/$f@$off\"" "$T/rej.jsonl" && [ "$rss" -lt 150000 ]; then
		pass "hostile $f: reject at @$off, $recs records, ${rss} KB"
	else
		fail "hostile $f" "exit $rc, $got records (want $recs), rss $rss KB: $(head -c 300 "$T/err")"
	fi
done < "$T/hostile.txt"
for f in requests.warc requests.warc.gz; do
	"$SAHIFA" convert -v -o "$T/out.jsonl" "$H/$f" 2> "$T/err"
	rc=$?
	if [ $rc -eq 0 ] && [ ! -s "$T/out.jsonl" ] && grep -q "5 inputs, 0 records, 0 rejected, 5 skipped (request 5)" "$T/err"; then
		pass "hostile $f: only requests, all skipped, exit 0"
	else
		fail "hostile $f" "exit $rc: $(cat "$T/err")"
	fi
done

# Bodies over the 16 MiB limit (a response, a resource) are rejects at their offset, a
# 100 MiB video is skipped without being held, and a record convert itself rejects
# (no text) is named by its offset too.
$PY - "$T/big.warc" <<'PY'
import importlib.util, os, sys
spec = importlib.util.spec_from_file_location("mk", os.path.join(os.environ["ROOT"], "tools", "make-sample-warc.py"))
mk = importlib.util.module_from_spec(spec); spec.loader.exec_module(mk)
big = b"<p>" + b"x" * (17 << 20) + b"</p>"
with open(sys.argv[1], "wb") as f:
    f.write(mk.record("response", "https://e.org/big", mk.http(200, "OK", ["Content-Type: text/html"], big),
                      "application/http; msgtype=response", 1))
    f.write(mk.record("resource", "https://e.org/big2", big, "text/html", 2))
    f.write(mk.record("response", "https://e.org/video", mk.http(200, "OK", ["Content-Type: video/mp4"],
                      b"\0" * (100 << 20)), "application/http; msgtype=response", 3))
    f.write(mk.record("resource", "https://e.org/blank", b"   \n\n  ", "text/html", 4))
    f.write(mk.record("response", "https://e.org/ok", mk.http(200, "OK", ["Content-Type: text/html"], mk.EN),
                      "application/http; msgtype=response", 5))
PY
/usr/bin/time -f "%M" -o "$T/rss" "$SAHIFA" convert -v -o "$T/big.jsonl" "$T/big.warc" 2> "$T/err"
rc=$?
rss=$(tail -n 1 "$T/rss")
if [ $rc -eq 1 ] && [ "$(wc -l < "$T/big.jsonl")" -eq 1 ] &&
   grep -q "big.warc@0: record of 17825843 bytes, larger than the 16 MiB limit" "$T/err" &&
   grep -q "big.warc@17826090: record of 17825799 bytes, larger" "$T/err" &&
   grep -q "big.warc@[0-9]*: empty input" "$T/err" &&
   grep -q "5 inputs, 1 records, 3 rejected, 1 skipped (not-html 1)" "$T/err" && [ "$rss" -lt 120000 ]; then
	pass "bodies over the limit and a blank page: rejects at their offsets, ${rss} KB"
else
	fail "bodies over the limit" "exit $rc, rss $rss: $(head -c 400 "$T/err")"
fi
rm -f "$T/big.warc"

# Half a million empty gzip members between two records: read in a loop, not by
# recursion, and nothing is lost.
$PY -c "
import gzip, sys
r = gzip.compress(b'WARC/1.0\r\nWARC-Type: request\r\nContent-Length: 0\r\n\r\n\r\n\r\n', mtime=0)
sys.stdout.buffer.write(r + gzip.compress(b'', mtime=0) * 500000 + r)" > "$T/empties.warc.gz"
"$SAHIFA" convert -v -o /dev/null "$T/empties.warc.gz" 2> "$T/err"
rc=$?
grep -q "2 inputs, 0 records, 0 rejected, 2 skipped (request 2)" "$T/err" && [ $rc -eq 0 ] &&
	pass "500000 empty gzip members between two records" ||
	fail "empty gzip members" "exit $rc: $(head -c 300 "$T/err")"
rm -f "$T/empties.warc.gz"

# the same hostile WARCs as members of one tar, which cannot be read twice: each gives
# the same reject at tar!member@offset and the same records as the file
(cd "$H" && tar cf "$T/hostile.tar" $(cut -d' ' -f1 "$T/hostile.txt"))
"$SAHIFA" convert --rejects "$T/rej.jsonl" -o "$T/out.jsonl" "$T/hostile.tar" 2> "$T/err"
check "hostile WARCs as tar members: the files' rejects at tar!member@offset, their records" \
	$PY - "$T/hostile.txt" "$T/out.jsonl" "$T/rej.jsonl" "$T/hostile.tar" <<'PY'
import collections, json, sys
want = {'bomb': 2, 'long': 3, 'short': 2, 'truncated': 1, 'zero': 2, 'garbage': 3}
cases = [l.split() for l in open(sys.argv[1])]
got = collections.Counter(json.loads(l)['source']['member'] for l in open(sys.argv[2]))
rej = sorted(json.loads(l)['path'] for l in open(sys.argv[3]))
for f, off in cases:
    assert got[f] == want[f.split('.')[0]], (f, got[f])
assert rej == sorted('%s!%s@%s' % (sys.argv[4], f, off) for f, off in cases), rej
PY
# a lying Content-Length in a .warc read from a pipe or a member: the block is kept up
# to SAHIFA_MAX_WARC_REWIND_BYTES and searched again from its start, as in a file; past
# that the records it covers are lost (in a file they are not)
$PY - "$T" <<'PY'
import os, sys
def rec(typ, body, ctype, length=None, rid='x'):
    h = ('WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:%s>\r\nContent-Type: %s\r\n'
         'Content-Length: %d\r\n\r\n' % (typ, rid, ctype, len(body) if length is None else length)).encode()
    return h + body + b'\r\n\r\n'
b = rec('resource', b'<html><body><p>The record after a lying length is found again.</p></body></html>',
        'text/html', rid='b')
for name, over in (('lie-small.warc', 1 << 20), ('lie-big.warc', 17 << 20)):
    c = rec('resource', b'x' * (over + (1 << 20)), 'application/octet-stream', rid='c')
    a = rec('resource', b'<p>short</p>', 'application/octet-stream', length=len(b) + over, rid='a')
    open(os.path.join(sys.argv[1], name), 'wb').write(a + b + c)
PY
lie() { wc -l < "$T/lie.jsonl" | tr -d ' '; }
cat "$T/lie-small.warc" | "$SAHIFA" convert -o "$T/lie.jsonl" - 2>/dev/null; small_pipe=$(lie)
cat "$T/lie-big.warc" | "$SAHIFA" convert -o "$T/lie.jsonl" - 2>/dev/null; big_pipe=$(lie)
"$SAHIFA" convert -o "$T/lie.jsonl" "$T/lie-big.warc" 2>/dev/null; big_file=$(lie)
(cd "$T" && tar cf lie.tar lie-small.warc)
"$SAHIFA" convert -o "$T/lie.jsonl" "$T/lie.tar" 2>/dev/null; small_member=$(lie)
if [ "$small_pipe" = 1 ] && [ "$small_member" = 1 ] && [ "$big_file" = 1 ] && [ "$big_pipe" = 0 ]; then
	pass "SAHIFA_MAX_WARC_REWIND_BYTES: a lying length on a pipe or in a member is searched again within it"
else
	fail "SAHIFA_MAX_WARC_REWIND_BYTES" "records after the lie: pipe $small_pipe, member $small_member, big file $big_file, big pipe $big_pipe"
fi
rm -f "$T"/lie*

# ---- a WARC inside an archive: read as a WARC, named archive!member ----
A="$T/arch"
mkdir -p "$A"
cp "$S" "$A/crawl.warc.gz"
gzip -dc "$S" > "$A/crawl.warc"
zstd -q -f "$A/crawl.warc" -o "$A/crawl.warc.zst"
(cd "$A" && tar cf a.tar crawl.warc.gz crawl.warc crawl.warc.zst &&
	zip -q a.zip crawl.warc.gz crawl.warc crawl.warc.zst &&
	tar czf a.tar.gz crawl.warc.gz crawl.warc crawl.warc.zst)
want3="sahifa: 27 inputs, 9 records, 0 rejected, 18 skipped (warcinfo 3, request 3, not-200 3, not-html 3, metadata 3, revisit 3), 0 bytes replaced"
for f in a.tar a.zip a.tar.gz; do
	for fmt in auto warc; do
		"$SAHIFA" convert -v --format $fmt -o "$A/$f.$fmt.jsonl" "$A/$f" 2> "$A/err"
		rc=$?
		if [ $rc -eq 0 ] && [ "$(cat "$A/err")" = "$want3" ]; then
			pass "$f of .warc.gz, .warc, .warc.zst (--format $fmt): 9 records, skips by reason"
		else
			fail "$f of WARCs (--format $fmt)" "exit $rc: $(head -c 400 "$A/err")"
		fi
	done
done
# each record names its member, and its offset re-reads it from the member's own bytes
# (tar xOf a.tar m | tail -c +$((offset+1)) | gzip -dc gives the record)
check "WARC members: source.warc.file is archive!member, offsets into the member" \
	$PY - "$A" <<'PY'
import json, os, sys, tarfile, zipfile, subprocess
d = sys.argv[1]
def members(f):
    p = os.path.join(d, f)
    if f.endswith('.zip'):
        z = zipfile.ZipFile(p)
        return {n: z.read(n) for n in z.namelist()}
    t = tarfile.open(p)
    return {m.name: t.extractfile(m).read() for m in t.getmembers()}
for f in ('a.tar', 'a.zip', 'a.tar.gz'):
    mem = members(f)
    rows = [json.loads(l) for l in open(os.path.join(d, f + '.auto.jsonl'))]
    assert [r['source']['member'] for r in rows] == ['crawl.warc.gz'] * 3 + ['crawl.warc'] * 3 + ['crawl.warc.zst'] * 3, rows
    plain = mem['crawl.warc']
    for r in rows:
        s = r['source']
        w = s['warc']
        assert s['name'].endswith(f) and w['file'] == s['name'] + '!' + s['member'], s
        data = mem[s['member']]
        if s['member'].endswith('.gz'):
            rec = subprocess.run(['gzip', '-dc'], input=data[w['offset']:], capture_output=True).stdout
        elif s['member'].endswith('.zst'):
            assert subprocess.run(['zstd', '-dc'], input=data, capture_output=True).stdout == plain
            rec = plain[w['offset']:]
        else:
            rec = data[w['offset']:]
        assert rec.startswith(b'WARC/1.'), (s, rec[:40])
        assert ('WARC-Record-ID: %s\r\n' % w['record_id']).encode() in rec[:2000], w
    # the same records as the WARC files read one by one, but for where they came from
    assert [r['url'] for r in rows][:3] == [r['url'] for r in rows][3:6] == [r['url'] for r in rows][6:]
PY
"$SAHIFA" convert -o "$A/files.jsonl" "$A/crawl.warc.gz" "$A/crawl.warc" "$A/crawl.warc.zst" 2>/dev/null
check "WARC members give the records and offsets of the same WARC files" $PY - "$A/files.jsonl" "$A/a.tar.auto.jsonl" <<'PY'
import json, sys
def key(r):
    w = dict(r['source']['warc']); w.pop('file')
    r = dict(r); r['source'] = {k: v for k, v in r['source'].items() if k not in ('name', 'member', 'warc')}
    return json.dumps(r, sort_keys=True), json.dumps(w, sort_keys=True)
a = [key(json.loads(l)) for l in open(sys.argv[1])]
b = [key(json.loads(l)) for l in open(sys.argv[2])]
assert a == b, 'records differ'
PY
# a truncated WARC member: one reject naming archive!member@offset, the rest go on
head -c 3000 "$S" > "$A/x.warc.gz"
(cd "$A" && tar cf t.tar x.warc.gz crawl.warc && printf 'A short article.\n' > note.txt && tar rf t.tar note.txt)
"$SAHIFA" convert -v --rejects "$A/rej.jsonl" -o "$A/t.jsonl" "$A/t.tar" 2> "$A/err"
rc=$?
want="sahifa: 17 inputs, 6 records, 1 rejected, 10 skipped (warcinfo 2, request 2, not-200 2, not-html 2, metadata 1, revisit 1), 0 bytes replaced"
if [ $rc -ne 0 ] && grep -q "^sahifa: $A/t.tar!x.warc.gz@2434: truncated gzip member" "$A/err" &&
	[ "$(tail -n 1 "$A/err")" = "$want" ] && [ "$(wc -l < "$A/t.jsonl")" -eq 6 ] &&
	$PY -c "import json,sys; r=[json.loads(l) for l in open(sys.argv[1])]; assert len(r)==1 and r[0]['source']['member']=='x.warc.gz' and r[0]['path'].endswith('t.tar!x.warc.gz@2434'), r" "$A/rej.jsonl"; then
	pass "truncated WARC member: a reject at t.tar!x.warc.gz@2434, in = records + rejects + skips"
else
	fail "truncated WARC member" "exit $rc: $(head -c 600 "$A/err")"
fi
# lz4 and bzip2 members are found by their first decompressed bytes too; a member whose
# first SAHIFA_MAX_WARC_SNIFF_BYTES decompress to nothing (one 4 MiB lz4 block) is read
# as what it is, and as a WARC under --format warc
lz4 -q -f -B4 "$A/crawl.warc" "$A/small.warc.lz4"
bzip2 -c "$A/crawl.warc" > "$A/crawl.warc.bz2"
$PY - "$A/big.warc" <<'PY'
import base64, os, sys
raw = base64.b64encode(os.urandom(2400000))
words = b' '.join(raw[i:i + 7] for i in range(0, len(raw), 7))
text = b'\n'.join(b'<p>' + words[i:i + 72] + b'</p>' for i in range(0, len(words), 72))
body = b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>' + text + b'</body></html>'
head = ('WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:big>\r\n'
        'Content-Type: application/http; msgtype=response\r\n'
        'Content-Length: %d\r\n\r\n' % len(body)).encode()
open(sys.argv[1], 'wb').write(head + body + b'\r\n\r\n')
PY
lz4 -q -f -B7 -BD "$A/big.warc" "$A/big.warc.lz4" 2>/dev/null || lz4 -q -f -B7 "$A/big.warc" "$A/big.warc.lz4"
(cd "$A" && tar cf c.tar small.warc.lz4 crawl.warc.bz2 && tar cf big.tar big.warc.lz4)
"$SAHIFA" convert -v -o /dev/null "$A/c.tar" 2> "$A/err"
check "lz4 and bzip2 WARC members are found by content" grep -qx "sahifa: 18 inputs, 6 records, 0 rejected, 12 skipped .*" "$A/err"
"$SAHIFA" convert -v -o /dev/null "$A/big.tar" 2> "$A/err.auto"
"$SAHIFA" convert -v --format warc -o "$A/big.jsonl" "$A/big.tar" 2> "$A/err.warc"
if grep -q "^sahifa: 1 inputs, 0 records, 1 rejected" "$A/err.auto" &&
	grep -q "^sahifa: 1 inputs, 1 records, 0 rejected" "$A/err.warc"; then
	pass "SAHIFA_MAX_WARC_SNIFF_BYTES: a member silent past it is no WARC, unless --format warc"
else
	fail "SAHIFA_MAX_WARC_SNIFF_BYTES" "auto: $(head -c 300 "$A/err.auto") / warc: $(head -c 300 "$A/err.warc")"
fi
# --shard: a WARC member is one unit, its records all in one share; shares are disjoint
# and their union is the whole
(cd "$A" && for i in 1 2 3 4 5 6; do cp crawl.warc.gz w$i.warc.gz; done && tar cf s.tar w?.warc.gz note.txt)
"$SAHIFA" convert -o "$A/s.all.jsonl" "$A/s.tar" 2>/dev/null
for k in 0 1 2; do "$SAHIFA" convert --shard $k/3 -o "$A/s.$k.jsonl" "$A/s.tar" 2>/dev/null; done
check "--shard K/N: a WARC member goes whole to one share, the shares make the whole" \
	$PY - "$A" <<'PY'
import json, os, sys
d = sys.argv[1]
rows = lambda f: [json.loads(l) for l in open(os.path.join(d, f))]
every = rows('s.all.jsonl')
seen = {}
for k in range(3):
    for r in rows('s.%d.jsonl' % k):
        m = r['source']['member']
        assert seen.setdefault(m, k) == k, ('split member', m)
assert sorted(seen) == sorted({r['source']['member'] for r in every}), seen
n = sum(len(rows('s.%d.jsonl' % k)) for k in range(3))
assert n == len(every) == 19, (n, len(every))
assert len(set(seen.values())) > 1, 'all in one share'
PY

# ---- memory flat in the file's size; -j never changes the bytes ----
$PY - "$T" <<'PY'
import importlib.util, os, sys
spec = importlib.util.spec_from_file_location("mk", os.path.join(os.environ["ROOT"], "tools", "make-sample-warc.py"))
mk = importlib.util.module_from_spec(spec); spec.loader.exec_module(mk)
recs = [mk.member(r) for r in mk.sample_records()]
for name, n in (("small", 60), ("large", 600)):
    with open(os.path.join(sys.argv[1], name + ".warc.gz"), "wb") as f:
        for i in range(n):
            f.write(b"".join(recs))
PY
/usr/bin/time -f "%M" -o "$T/rss.small" "$SAHIFA" convert -j 2 -o "$T/small.jsonl" "$T/small.warc.gz" 2>/dev/null
/usr/bin/time -f "%M" -o "$T/rss.large" "$SAHIFA" convert -j 2 -o "$T/large.jsonl" "$T/large.warc.gz" 2>"$T/large.err"
small=$(tail -n 1 "$T/rss.small")
large=$(tail -n 1 "$T/rss.large")
if [ "$(wc -l < "$T/large.jsonl")" -ne 1800 ]; then
	fail "memory flat" "$(wc -l < "$T/large.jsonl") records, want 1800"
elif case "$BUILD" in *sanitize*) true ;; *) false ;; esac; then
	# AddressSanitizer holds freed memory in quarantine: its peak measures that, not us
	echo "SKIP memory flat: a sanitizer build's peak is its quarantine (${small} KB -> ${large} KB)"
elif [ "$large" -lt $((small * 5 / 4 + 8192)) ]; then
	pass "memory flat: 10x the WARC, ${small} KB -> ${large} KB peak"
else
	fail "memory flat" "${small} KB -> ${large} KB, $(wc -l < "$T/large.jsonl") records"
fi
(cd "$T" && tar cf small.tar small.warc.gz && tar cf large.tar large.warc.gz)
/usr/bin/time -f "%M" -o "$T/rss.small" "$SAHIFA" convert -j 2 -o "$T/small.m.jsonl" "$T/small.tar" 2>/dev/null
/usr/bin/time -f "%M" -o "$T/rss.large" "$SAHIFA" convert -j 2 -o "$T/large.m.jsonl" "$T/large.tar" 2>/dev/null
msmall=$(tail -n 1 "$T/rss.small")
mlarge=$(tail -n 1 "$T/rss.large")
if [ "$(wc -l < "$T/large.m.jsonl")" -ne 1800 ]; then
	fail "memory flat in a WARC member" "$(wc -l < "$T/large.m.jsonl") records, want 1800"
elif case "$BUILD" in *sanitize*) true ;; *) false ;; esac; then
	echo "SKIP memory flat in a WARC member: a sanitizer build's peak is its quarantine"
elif [ "$mlarge" -lt $((msmall * 5 / 4 + 8192)) ]; then
	pass "memory flat in a WARC member: 10x the member, ${msmall} KB -> ${mlarge} KB peak"
else
	fail "memory flat in a WARC member" "${msmall} KB -> ${mlarge} KB"
fi
"$SAHIFA" convert -j 1 -o "$T/large1.jsonl" "$T/large.warc.gz" 2>/dev/null
check "WARC: -j 1 and -j 2 give identical bytes" cmp "$T/large1.jsonl" "$T/large.jsonl"

# ---- progress: on a terminal only, silenced by -q ----
# the summary of skipped records is said; a progress line (MB/s, a carriage return) is not
if grep -q 'MB/s' "$T/large.err" || grep -q "$(printf '\r')" "$T/large.err" ||
	[ "$(grep -vc ' skipped (' "$T/large.err")" -ne 0 ]; then
	fail "no progress when stderr is no terminal" "$(head -c 200 "$T/large.err")"
else
	pass "no progress when stderr is no terminal"
fi
if command -v script > /dev/null 2>&1; then
	# gzip members concatenate: eight times the large crawl runs for seconds on a
	# loaded machine; progress starts after half a second, so a faster run shows none
	for k in 1 2 3 4 5 6 7 8; do cat "$T/large.warc.gz"; done > "$T/long.warc.gz"
	t0=$(date +%s%N)
	script -qec "'$SAHIFA' convert -o '$T/tty.jsonl' '$T/long.warc.gz'" /dev/null > "$T/tty.out" 2>&1
	ms=$((($(date +%s%N) - t0) / 1000000))
	script -qec "'$SAHIFA' convert -q -o '$T/tty.jsonl' '$T/long.warc.gz'" /dev/null > "$T/ttyq.out" 2>&1
	if grep -q "records, [0-9.]* MB/s, [0-9]*% of the file, [0-9]*:[0-9][0-9] left" "$T/tty.out" &&
	   ! grep -q "MB/s" "$T/ttyq.out"; then
		pass "progress with MB/s and time left on a terminal, none with -q"
	elif [ "$ms" -lt 1000 ] && ! grep -q "MB/s" "$T/ttyq.out"; then
		echo "SKIP progress on a terminal: the run took $ms ms, under the second it needs to show a line"
	else
		fail "progress on a terminal" "$(head -c 300 "$T/tty.out" | tr '\r' '|') / -q: $(head -c 100 "$T/ttyq.out")"
	fi
else
	echo "SKIP progress on a terminal: no script(1)"
fi
rm -rf "$T"
