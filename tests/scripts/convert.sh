#!/bin/sh
# End-to-end checks of sahifa convert: the seeds' structure, the same text under other
# encodings and archive forms, thread-count independence, stdin, and the hostile
# corpus (every input a record or a reported reject, with bounded memory).
set -u
T="$BUILD/tmp-convert"
rm -rf "$T"
mkdir -p "$T"
PY=/usr/bin/python3
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }
check() { # name, command...
	name=$1
	shift
	if "$@" > "$T/check.out" 2>&1; then pass "$name"; else fail "$name" "$(head -c 600 "$T/check.out" | tr '\n' ' ')"; fi
}

# ---- samples: every sample converts, no rejects ----
"$SAHIFA" convert -o "$T/samples.jsonl" "$ROOT/samples" 2> "$T/samples.err"
rc=$?
n=$(find "$ROOT/samples" -name "*.txt" -o -name "*.html" | wc -l)
# samples/crawl.warc.gz holds three HTML responses among its nine records.
[ -f "$ROOT/samples/crawl.warc.gz" ] && n=$((n + 3))
if [ $rc -eq 0 ] && [ "$(wc -l < "$T/samples.jsonl")" -eq "$n" ] && [ "$n" -gt 0 ]; then
	pass "convert samples: $n records"
else
	fail "convert samples" "exit $rc, $(wc -l < "$T/samples.jsonl") records for $n samples: $(head -c 300 "$T/samples.err")"
fi

# ---- determinism: thread count never changes the bytes ----
"$SAHIFA" convert -j 1 -o "$T/j1.jsonl" "$ROOT/samples" 2>/dev/null
"$SAHIFA" convert -j 4 -o "$T/j4.jsonl" "$ROOT/samples" 2>/dev/null
check "convert -j 1 and -j 4 give identical bytes" cmp "$T/j1.jsonl" "$T/j4.jsonl"
check "convert twice gives identical bytes" cmp "$T/j1.jsonl" "$T/samples.jsonl"

# A mixed input through the ring of slots (more inputs than SAHIFA_CONVERT_RING holds):
# tiny articles, rejects (empty, blank), names that are not UTF-8, a tar of members,
# and three large articles that finish long after the ones read behind them.  Records,
# rejects, messages and exit code are the same bytes for every thread count.
M="$T/mixed"
$PY - "$M" <<'PY'
import io, os, sys, tarfile
d = sys.argv[1].encode()
os.makedirs(d, exist_ok=True)
words = "the council met on tuesday to discuss the new budget for schools and roads".split()
def body(i, n):
    return "\n".join("%s %d %s." % (" ".join(words[(i + k) % len(words):] + words[:(i + k) % len(words)]), k, words[k % len(words)])
                     for k in range(n)) + "\n"
for i in range(300):
    name = b"a%03d.txt" % i
    if i % 13 == 5:
        name = b"a%03d-\xff\xfe.txt" % i
    if i % 7 == 3:
        text = ""
    elif i % 11 == 4:
        text = "   \n\n  \n"
    elif i in (20, 90, 260):
        text = "Headline of a long article %d\n\n" % i + body(i, 40000)
    elif i % 2:
        text = "Tiny %d.\n" % i
    else:
        text = "Headline %d\n\n" % i + body(i, 1 + i % 9)
    with open(os.path.join(d, name), "wb") as f:
        f.write(text.encode())
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w") as t:
    for i in range(30):
        data = (b"" if i % 5 == 2 else ("Member %d\n\n" % i + body(i, 3)).encode())
        ti = tarfile.TarInfo("m/%02d.txt" % i)
        ti.size = len(data)
        t.addfile(ti, io.BytesIO(data))
with open(os.path.join(d, b"b-members.tar"), "wb") as f:
    f.write(buf.getvalue())
PY
for j in 1 2 4 8; do
	"$SAHIFA" convert -j $j --rejects "$T/mixed-rej$j.jsonl" -o "$T/mixed$j.jsonl" "$M" "$M/missing.txt" 2> "$T/mixed$j.err"
	echo "exit $?" >> "$T/mixed$j.err"
done
n_rec=$(wc -l < "$T/mixed1.jsonl")
n_rej=$(wc -l < "$T/mixed-rej1.jsonl")
if [ "$n_rec" -gt 230 ] && [ "$n_rej" -gt 60 ] && [ $((n_rec + n_rej)) -eq 331 ] &&
	grep -q "not valid UTF-8" "$T/mixed1.err" && grep -q "^exit 1$" "$T/mixed1.err"; then
	pass "convert mixed input -j 1: $n_rec records, $n_rej rejects"
else
	fail "convert mixed input -j 1" "$n_rec records, $n_rej rejects: $(tail -n 3 "$T/mixed1.err" | tr '\n' ' ')"
fi
for j in 2 4 8; do
	if cmp -s "$T/mixed1.jsonl" "$T/mixed$j.jsonl" && cmp -s "$T/mixed-rej1.jsonl" "$T/mixed-rej$j.jsonl" &&
		cmp -s "$T/mixed1.err" "$T/mixed$j.err"; then
		pass "convert mixed input -j $j: records, rejects and messages as -j 1"
	else
		fail "convert mixed input -j $j" "differs from -j 1: $(cmp "$T/mixed1.jsonl" "$T/mixed$j.jsonl"; cmp "$T/mixed-rej1.jsonl" "$T/mixed-rej$j.jsonl"; diff "$T/mixed1.err" "$T/mixed$j.err" | head -n 4 | tr '\n' ' ')"
	fi
done

# ---- stdin ----
first=$(ls "$ROOT"/samples/*.txt | head -n 1)
"$SAHIFA" convert - < "$first" > "$T/stdin.jsonl"
check "convert - reads stdin" $PY -c "
import json, sys
r = json.loads(open('$T/stdin.jsonl').readline())
assert r['source']['name'] == '-', r['source']
assert r['sections'], 'no sections'
"

# ---- output errors ----
"$SAHIFA" convert -o /nonexistent-dir/out.jsonl "$first" 2> "$T/err"
rc=$?
if [ $rc -eq 3 ] && grep -q "^sahifa: /nonexistent-dir/out.jsonl: cannot create" "$T/err"; then
	pass "convert -o into a missing folder: exit 3 with a message"
else
	fail "convert -o into a missing folder" "exit $rc: $(cat "$T/err")"
fi
"$SAHIFA" convert --threads 0 "$first" > /dev/null 2> "$T/err"
[ $? -eq 2 ] && pass "convert --threads 0 is a usage error" || fail "convert --threads 0" "$(cat "$T/err")"

# ---- hostile corpus: clear errors, nothing lost, bounded memory ----
H="$T/hostile"
mkdir -p "$H"
: > "$H/empty.txt"
printf '  \n\t\n' > "$H/spaces.txt"
head -c 4096 /dev/urandom > "$H/random.bin"
printf 'abc\000def\000ghi\n' > "$H/nul.txt"
printf '\331\203\331\204\331\205\330\251 \330\271\330\261\330\250\331\212\330\251\n\331\206\330\265 \377\376 \331\206\330\265\n' > "$H/invalid.txt"
# huge-line.txt: 30 MB, past SAHIFA_MAX_ARTICLE_BYTES (16 MiB); long-line.txt: past
# SAHIFA_MAX_LINE_BYTES
$PY -c "
import sys
sys.stdout.write('\u0643\u0644\u0645\u0629 ' * (30 * 1024 * 1024 // 9))" > "$H/huge-line.txt"
$PY -c "
import sys
sys.stdout.write('x' * (2 * 1024 * 1024) + '\n')" > "$H/long-line.txt"
$PY - "$H/evil.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("ok.txt", "Headline here\n\nA body paragraph that says something useful about the news.\n")
    z.writestr("../evil.txt", "escape attempt\n")
PY
cp "$first" "$H/good.txt"
ninputs=10 # 8 files and the two members of the zip
/usr/bin/time -f "%M" -o "$T/rss" "$SAHIFA" convert --rejects "$T/rejects.jsonl" -o "$T/hostile.jsonl" \
	"$H" > "$T/out" 2> "$T/err"
rc=$?
records=$(wc -l < "$T/hostile.jsonl")
rejects=$(wc -l < "$T/rejects.jsonl")
[ $rc -eq 1 ] && pass "hostile: exit status 1" || fail "hostile: exit status" "got $rc: $(cat "$T/err")"
[ $((records + rejects)) -eq $ninputs ] && pass "hostile: every input is a record or a reject ($records + $rejects)" \
	|| fail "hostile: inputs accounted" "$records records + $rejects rejects != $ninputs"
for pat in "empty.txt: empty input" "spaces.txt: " "random.bin: binary" "nul.txt: binary" \
	"huge-line.txt: [0-9]* bytes, larger than the 16 MiB limit" "long-line.txt:1: .*limit" "evil.zip!../evil.txt: unsafe"; do
	grep -q "^sahifa: .*$pat" "$T/err" && pass "hostile: message '$pat'" \
		|| fail "hostile: message '$pat'" "$(tr '\n' '|' < "$T/err")"
done
rss=$(tail -n 1 "$T/rss")
[ "$rss" -lt 200000 ] && pass "hostile: peak memory ${rss} KB with a 30 MB input" \
	|| fail "hostile: peak memory" "${rss} KB"
check "hostile: a reject keeps the size of an input over the limit" $PY -c "
import json
r = [json.loads(l) for l in open('$T/rejects.jsonl') if 'huge-line' in l]
assert len(r) == 1 and r[0]['source']['bytes'] > 16 * 1024 * 1024, r
"
check "hostile: the invalid bytes are replaced and counted" $PY -c "
import json
recs = [json.loads(l) for l in open('$T/hostile.jsonl')]
bad = [r for r in recs if r['source']['name'].endswith('invalid.txt')]
assert len(bad) == 1 and bad[0]['stats']['replaced'] == 2, [r['stats'] for r in bad]
text = json.dumps(bad[0], ensure_ascii=False)
assert '\ufffd' in text
"
"$SAHIFA" convert --on-invalid=reject "$H/invalid.txt" > /dev/null 2> "$T/err"
rc=$?
[ $rc -eq 1 ] && grep -q "invalid.txt.*invalid UTF-8" "$T/err" && pass "hostile: --on-invalid=reject rejects" \
	|| fail "hostile: --on-invalid=reject" "exit $rc: $(cat "$T/err")"

# ---- the seeds, when ../shared is here ----
if [ -z "$SHARED" ] || [ ! -d "$SHARED/seeds" ]; then
	echo "SKIP convert/seeds: no \$SHARED/seeds"
	exit 0
fi
S="$SHARED/seeds"
"$SAHIFA" convert -o "$T/seeds.jsonl" "$S" 2> "$T/err"
rc=$?
[ $rc -eq 0 ] && pass "seeds: converted without rejects" || fail "seeds: convert" "exit $rc: $(cat "$T/err")"
check "seeds: structure, languages and nothing lost" $PY - "$T/seeds.jsonl" "$S" <<'PY'
import json, sys, os, re
recs = {os.path.basename(r["source"]["name"])[:3]: r for r in map(json.loads, open(sys.argv[1]))}
assert sorted(recs) == ["000", "001", "002", "003", "004"], sorted(recs)
problems = []
def want(cond, what):
    if not cond: problems.append(what)
want(recs["000"]["headline"] is None, "000 headline should be null")
want(recs["004"]["headline"] is None, "004 headline should be null")
for k in ("001", "002", "003"):
    want(recs[k]["headline"], k + " headline missing")
want(recs["002"]["byline"] and "بيشوى" in recs["002"]["byline"], "002 byline")
want(len(recs["002"]["captions"]) == 3, "002 captions: %d" % len(recs["002"]["captions"]))
reasons = {r["reason"] for r in recs["002"]["removed"]}
want({"chrome", "chrome_block", "caption_copy"} <= reasons, "002 removed reasons %s" % reasons)
kinds = [p["kind"] for s in recs["001"]["sections"] for p in s["paragraphs"]]
want(kinds.count("list_item") == 7, "001 list items: %d" % kinds.count("list_item"))
want(kinds.count("quote") >= 1, "001 quote")
levels = [(s["line"], s["level"]) for s in recs["001"]["sections"] if s["heading"]]
for line, lvl in ((5, 2), (6, 3), (13, 2), (14, 3), (27, 2), (28, 3), (17, 2), (33, 2)):
    want((line, lvl) in levels, "001 heading line %d level %d" % (line, lvl))
for k, r in recs.items():
    want(r["lang"] == "ar" and r["script"] == "Arab", k + " document lang %s-%s" % (r["lang"], r["script"]))
    for s in r["sections"]:
        for p in s["paragraphs"]:
            want(p["lang"] == "ar" and p["script"] == "Arab",
                 "%s line %d lang %s-%s" % (k, p["line"], p["lang"], p["script"]))
    # nothing lost: every non-blank source line is somewhere in the record
    texts = set()
    for v in (r["headline"], r["byline"]):
        if v: texts.add(v)
    for s in r["sections"]:
        if s["heading"]: texts.add(s["heading"])
        for p in s["paragraphs"]: texts.add(p["text"])
    for c in r["captions"]: texts.add(c["text"])
    for x in r["removed"]: texts.add(x["text"])
    blob = "\n".join(texts)
    path = os.path.join(sys.argv[2], os.path.basename(r["source"]["name"]))
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        t = line.strip(" \t\r\n\u00a0\u200b\u200e\u200f\ufeff")
        if t and t not in texts and t not in blob:
            problems.append("%s line %d lost: %s" % (k, n, t[:40]))
if problems:
    print("\n".join(problems[:20]))
    sys.exit(1)
PY

# The same text under other encodings and line ends gives the same records (all but
# the source fields and the id, which follow the raw bytes).
E="$T/enc"
mkdir -p "$E"
for f in "$S"/*.txt; do
	b=$(basename "$f" .txt)
	iconv -f UTF-8 -t WINDOWS-1256 "$f" > "$E/$b.cp1256.txt" 2>/dev/null || rm -f "$E/$b.cp1256.txt"
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$f"; } > "$E/$b.utf16le-bom.txt"
	iconv -f UTF-8 -t UTF-16BE "$f" > "$E/$b.utf16be.txt"
	{ printf '\357\273\277'; cat "$f"; } > "$E/$b.utf8-bom.txt"
	sed 's/$/\r/' "$f" > "$E/$b.crlf.txt"
done
"$SAHIFA" convert -o "$T/enc.jsonl" "$E" 2> "$T/err"
check "seeds: encodings and line ends give the same records" $PY - "$T/seeds.jsonl" "$T/enc.jsonl" <<'PY'
import json, sys, os
def core(r):
    r = dict(r)
    for k in ("id", "source"): r.pop(k)
    return json.dumps(r, ensure_ascii=False, sort_keys=True)
base = {os.path.basename(r["source"]["name"])[:3]: core(r) for r in map(json.loads, open(sys.argv[1]))}
n = 0
bad = []
for r in map(json.loads, open(sys.argv[2])):
    name = os.path.basename(r["source"]["name"])
    n += 1
    if core(r) != base[name[:3]]:
        bad.append("%s (%s)" % (name, r["source"]["encoding"]))
expect = {"cp1256": "windows-1256", "utf16le-bom": "UTF-16LE", "utf16be": "UTF-16BE", "utf8-bom": "UTF-8", "crlf": "UTF-8"}
for r in map(json.loads, open(sys.argv[2])):
    kind = os.path.basename(r["source"]["name"]).split(".")[1]
    if r["source"]["encoding"] != expect[kind]:
        bad.append("%s detected as %s" % (r["source"]["name"], r["source"]["encoding"]))
if bad or n < 20:
    print(n, "records;", "; ".join(bad[:10]))
    sys.exit(1)
PY

# ...and so do archives of them, member by member.
(cd "$S" && tar czf "$T/seeds.tar.gz" *.txt && tar cJf "$T/seeds.tar.xz" *.txt)
$PY -c "
import zipfile, glob, os
with zipfile.ZipFile('$T/seeds.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    for f in sorted(glob.glob('$S/*.txt')): z.write(f, os.path.basename(f))"
"$SAHIFA" convert -o "$T/arch.jsonl" "$T/seeds.tar.gz" "$T/seeds.tar.xz" "$T/seeds.zip" 2> "$T/err"
check "seeds: tar.gz, tar.xz and zip give the same records" $PY - "$T/seeds.jsonl" "$T/arch.jsonl" <<'PY'
import json, sys, os
def core(r):
    r = dict(r); src = r.pop("source")
    return json.dumps(r, ensure_ascii=False, sort_keys=True), src
base = {}
for r in map(json.loads, open(sys.argv[1])):
    c, src = core(r); base[os.path.basename(src["name"])] = c
n = 0
for r in map(json.loads, open(sys.argv[2])):
    c, src = core(r); n += 1
    assert src["member"] in base, src
    assert c == base[src["member"]], src
assert n == 15, n
PY
