#!/bin/sh
# sahifa pack: reproducible bytes, CSVs equal to the JSONL, splits, duplicates, the
# --previous flow across three versions, zip and tar.zst, nothing left on failure.
set -u
: "${SAHIFA:?}" "${ROOT:?}" "${BUILD:?}"
gen="$ROOT/tests/scripts/pack-records.py"
tmp="$BUILD/tmp-pack"
rm -rf "$tmp"
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT

pass() { echo "PASS pack/$1"; }
fail() { echo "FAIL pack/$1: $2"; }

python3 "$gen" small > "$tmp/small.jsonl"
python3 "$gen" many 300 a > "$tmp/many.jsonl"

# -- the same bytes whatever the clock, time zone and working directory
SOURCE_DATE_EPOCH=1700000000 TZ=UTC "$SAHIFA" pack --name r --version 1.0.0 -o "$tmp/a" \
	"$tmp/small.jsonl" "$tmp/many.jsonl" > /dev/null
sleep 1
mkdir -p "$tmp/elsewhere"
(cd "$tmp/elsewhere" && SOURCE_DATE_EPOCH=1700000000 TZ=Asia/Riyadh "$SAHIFA" pack --name r \
	--version 1.0.0 -o ../b ../small.jsonl ../many.jsonl > /dev/null)
if cmp -s "$tmp/a/r-1.0.0.tar.gz" "$tmp/b/r-1.0.0.tar.gz"; then pass reproducible-tar.gz
else fail reproducible-tar.gz "two runs differ"; fi
for f in zip tar.zst; do
	SOURCE_DATE_EPOCH=5 "$SAHIFA" pack --name r --version 1.0.0 --format $f -o "$tmp/a" \
		"$tmp/small.jsonl" > /dev/null
	(cd "$tmp/elsewhere" && SOURCE_DATE_EPOCH=5 TZ=America/New_York "$SAHIFA" pack --name r \
		--version 1.0.0 --format $f -o ../b ../small.jsonl > /dev/null)
	if cmp -s "$tmp/a/r-1.0.0.$f" "$tmp/b/r-1.0.0.$f"; then pass reproducible-$f
	else fail reproducible-$f "two runs differ"; fi
done

# -- every member of every format holds the same release; manifest and CSVs agree
python3 - "$tmp" "$ROOT" <<'PY' > "$tmp/check.out" 2>&1
import csv, hashlib, io, json, sys, tarfile, zipfile
import subprocess
tmp, root = sys.argv[1], sys.argv[2]

def members(path):
    if path.endswith(".zip"):
        z = zipfile.ZipFile(path)
        return {i.filename: z.read(i) for i in z.infolist() if not i.is_dir()}
    if path.endswith(".zst"):
        data = subprocess.run(["zstd", "-dc", path], capture_output=True, check=True).stdout
        t = tarfile.open(fileobj=io.BytesIO(data))
    else:
        t = tarfile.open(path)
    return {m.name: t.extractfile(m).read() for m in t.getmembers() if m.isfile()}

def check(path, label):
    m = members(path)
    top = "r-1.0.0/"
    man = json.loads(m[top + "manifest.json"])
    schema = json.loads(m[top + "schema/manifest.schema.json"])
    try:
        import jsonschema
        jsonschema.validate(man, schema)
    except ImportError:
        pass
    listed = {f["path"] for f in man["files"]}
    have = {k[len(top):] for k in m} - {"manifest.json"}
    ok = listed == have
    for f in man["files"]:
        b = m[top + f["path"]]
        ok &= hashlib.sha256(b).hexdigest() == f["sha256"] and len(b) == f["bytes"]
    print(("PASS" if ok else "FAIL") + " pack/manifest-files-%s%s" % (label, "" if ok else ": sha256, bytes or list differ"))
    recs = []
    for k in sorted(m):
        if k.startswith(top + "data/") and k.endswith(".jsonl"):
            recs += [json.loads(l) for l in m[k].decode().splitlines()]
    arts = list(csv.DictReader(io.StringIO(m[top + "data/articles.csv"].decode(), newline="")))
    paras = list(csv.DictReader(io.StringIO(m[top + "data/paragraphs.csv"].decode(), newline="")))
    want_a, want_p = [], []
    for r in recs:
        split = next(k.split("/")[-1].split("-")[0] for k in m
                     if k.endswith(".jsonl") and r["id"] in m[k].decode())
        want_a.append([r["id"], split, r["headline"] or "", r["byline"] or "", r["lang"], r["script"],
                       float(r["lang_confidence"])] + [r["stats"][k] for k in
                       ("sections", "paragraphs", "captions", "removed", "characters", "words")] +
                      [r["source"]["name"], r["source"]["member"] or "", r["source"]["sha256"],
                       r["source"]["encoding"]])
        for si, s in enumerate(r["sections"]):
            for pi, p in enumerate(s["paragraphs"]):
                want_p.append([r["id"], split, si, s["heading"] or "", s["level"], pi, p["kind"],
                               p["lang"], p["script"], p["line"], p["text"]])
    got_a = [[a["id"], a["split"], a["headline"], a["byline"], a["lang"], a["script"],
              float(a["lang_confidence"])] + [int(a[k]) for k in
              ("sections", "paragraphs", "captions", "removed", "characters", "words")] +
             [a["source_name"], a["source_member"], a["source_sha256"], a["source_encoding"]]
             for a in arts]
    got_p = [[p["article_id"], p["split"], int(p["section_index"]), p["heading"], int(p["level"]),
              int(p["paragraph_index"]), p["kind"], p["lang"], p["script"], int(p["line"]), p["text"]]
             for p in paras]
    ok = got_a == want_a and got_p == want_p and len(recs) == man["counts"]["articles"]
    ok &= m[top + "data/articles.csv"].count(b"\r\n") == len(arts) + 1
    print(("PASS" if ok else "FAIL") + " pack/csv-equals-jsonl-%s%s" % (label, "" if ok else ": rows differ"))

check(tmp + "/a/r-1.0.0.tar.gz", "tar.gz")
check(tmp + "/a/r-1.0.0.zip", "zip")
if subprocess.run(["sh", "-c", "command -v zstd"], capture_output=True).returncode == 0:
    check(tmp + "/a/r-1.0.0.tar.zst", "tar.zst")
PY
cat "$tmp/check.out"

# -- duplicates: spelling variants (alef, diacritics, tatweel, ta marbuta) and a repeated id
SOURCE_DATE_EPOCH=0 "$SAHIFA" pack --name d --version 1.0.0 -o "$tmp/d" "$tmp/small.jsonl" > /dev/null
n=$(tar xzf "$tmp/d/d-1.0.0.tar.gz" -O d-1.0.0/manifest.json | python3 -c \
	'import json,sys; m=json.load(sys.stdin); print(m["counts"]["articles"], m["counts"]["duplicates_dropped"])')
if [ "$n" = "3 2" ]; then pass duplicates; else fail duplicates "articles, dropped = $n, want 3 2"; fi

# -- one id, three contents: the record with the smallest SHA-256 of its canonical line
# stays, whichever order the inputs come in (each line's canonical form is the shard
# line of a release of it alone); the counts are the kept one's, no language of the
# dropped ones left in them
python3 - "$tmp/small.jsonl" "$tmp/one" <<'PY'
import json, sys
r = json.loads(open(sys.argv[1], encoding="utf-8").readline())
for k, h in enumerate(["first", "second", "third"]):
    r["headline"] = h
    r["lang"] = ["ar", "fr", "de"][k]
    with open("%s%d.jsonl" % (sys.argv[2], k), "w", encoding="utf-8") as f:
        f.write(json.dumps(r, ensure_ascii=False, separators=(", ", ": ") if k == 1 else (",", ":")) + "\n")
PY
for k in 0 1 2; do
	SOURCE_DATE_EPOCH=0 "$SAHIFA" pack --name o --version 1.0.0 -o "$tmp/o$k" "$tmp/one$k.jsonl" > /dev/null
	tar xzf "$tmp/o$k/o-1.0.0.tar.gz" -O o-1.0.0/data/train-00000-of-00001.jsonl > "$tmp/canon$k"
done
want=$(for k in 0 1 2; do echo "$(head -c -1 "$tmp/canon$k" | sha256sum | cut -c1-64) $k"; done |
	sort | head -n 1 | cut -d' ' -f2)
SOURCE_DATE_EPOCH=0 "$SAHIFA" pack --name o --version 1.0.0 -o "$tmp/oa" "$tmp/one0.jsonl" \
	"$tmp/one1.jsonl" "$tmp/one2.jsonl" > /dev/null
SOURCE_DATE_EPOCH=0 "$SAHIFA" pack --name o --version 1.0.0 -o "$tmp/ob" "$tmp/one2.jsonl" \
	"$tmp/one1.jsonl" "$tmp/one0.jsonl" > /dev/null
if cmp -s "$tmp/oa/o-1.0.0.tar.gz" "$tmp/ob/o-1.0.0.tar.gz" &&
	tar xzf "$tmp/oa/o-1.0.0.tar.gz" -O o-1.0.0/data/train-00000-of-00001.jsonl |
	cmp -s - "$tmp/canon$want" &&
	[ "$(tar xzf "$tmp/oa/o-1.0.0.tar.gz" -O o-1.0.0/manifest.json | python3 -c \
		'import json,sys; print(json.load(sys.stdin)["counts"]["by_lang"])')" = \
	  "$(python3 -c 'import json,sys; print({json.load(sys.stdin)["lang"]: 1})' < "$tmp/canon$want")" ]; then
	pass repeated-id-smallest-content
else fail repeated-id-smallest-content "not the same release both ways, or not record $want kept"; fi

# -- paragraphs.csv rows whose text needs CSV quotes, JSON escapes or a spreadsheet's
# guard: the rows hold the texts of the shards, faithful and for spreadsheets
python3 - "$tmp/small.jsonl" "$tmp/tricky.jsonl" <<'PY'
import json, sys
tricks = ["=SUM(A1)", "a, b", 'say "hi"', " lead", "trail ", "tab\there", "line\nbreak",
          "back\\slash", "-minus", "\u00e9t\u00e9 \U0001F600", "plain text"]
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for i, r in enumerate(rows):
        k = 0
        for s in r["sections"]:
            for p in s["paragraphs"]:
                t = tricks[(i + k) % len(tricks)]
                p["text"] = t + " " + p["text"] if k % 2 else p["text"] + t
                k += 1
        f.write(json.dumps(r, ensure_ascii=bool(i % 2), separators=(",", ":")) + "\n")
PY
for opt in "" --csv-excel; do
	rm -rf "$tmp/tr"
	"$SAHIFA" pack --name t --version 1.0.0 $opt -o "$tmp/tr" "$tmp/tricky.jsonl" > /dev/null
	r=$(python3 - "$tmp/tr/t-1.0.0.tar.gz" "$opt" <<'PY'
import csv, io, json, sys, tarfile
t = tarfile.open(sys.argv[1])
get = lambda n: t.extractfile("t-1.0.0/" + n).read().decode("utf-8-sig")
recs = [json.loads(l) for n in t.getnames() if n.endswith(".jsonl")
        for l in get(n[len("t-1.0.0/"):]).splitlines()]
want = [p["text"] for r in sorted(recs, key=lambda r: r["id"]) for s in r["sections"]
        for p in s["paragraphs"]]
got = [row["text"] for row in csv.DictReader(io.StringIO(get("data/paragraphs.csv"), newline=""))]
if sys.argv[2]:
    got = [g[1:] if g[:1] == "'" and w[:1] in "=+-@\t\r" else g for g, w in zip(got, want)]
print("ok" if got == want and len(want) > 5 else "differ: %d rows, %d texts" % (len(got), len(want)))
PY
)
	if [ "$r" = ok ]; then pass "paragraphs-csv-texts${opt}"; else fail "paragraphs-csv-texts${opt}" "$r"; fi
	# the shards' lines are canonical: packed again, their paragraphs.csv rows are made
	# from those lines as read back, not as parsed, and must be the same bytes
	tar xzf "$tmp/tr/t-1.0.0.tar.gz" -O --wildcards 't-1.0.0/data/*.jsonl' > "$tmp/tricky-canon.jsonl"
	rm -rf "$tmp/tr2"
	"$SAHIFA" pack --name t --version 1.0.0 $opt -o "$tmp/tr2" "$tmp/tricky-canon.jsonl" > /dev/null
	if tar xzf "$tmp/tr/t-1.0.0.tar.gz" -O t-1.0.0/data/paragraphs.csv > "$tmp/tr.csv" &&
		tar xzf "$tmp/tr2/t-1.0.0.tar.gz" -O t-1.0.0/data/paragraphs.csv > "$tmp/tr2.csv" &&
		[ -s "$tmp/tr.csv" ] && cmp -s "$tmp/tr.csv" "$tmp/tr2.csv"; then
		pass "paragraphs-csv-from-lines${opt}"
	else fail "paragraphs-csv-from-lines${opt}" "paragraphs.csv of the canonical lines differs"; fi
done

# -- split proportions on 3000 records: 80/10/10 within a few points, and stable
python3 "$gen" many 3000 s > "$tmp/s.jsonl"
"$SAHIFA" pack --name s --version 1.0.0 --split train=80,validation=10,test=10 -o "$tmp/s" \
	"$tmp/s.jsonl" > /dev/null
r=$(tar xzf "$tmp/s/s-1.0.0.tar.gz" -O s-1.0.0/manifest.json | python3 -c '
import json,sys; c=json.load(sys.stdin)["counts"]["by_split"]
ok = abs(c["train"]-2400) < 120 and abs(c["validation"]-300) < 60 and abs(c["test"]-300) < 60
print("ok" if ok else c)')
if [ "$r" = ok ]; then pass split-proportions; else fail split-proportions "$r"; fi

# -- a .tar.gz longer than one gzip member (SAHIFA_GZIP_MEMBER_BYTES of tar each, in
# src/release/deflate_gzip.c): several members, each checked, and together the same tar
# as the tar.zst's of the same records; gzip, tar and Python's tarfile read it whole
"$SAHIFA" pack --name s --version 1.0.0 --split train=80,validation=10,test=10 --format tar.zst \
	-o "$tmp/s" "$tmp/s.jsonl" > /dev/null
r=$(python3 - "$tmp/s/s-1.0.0.tar.gz" "$tmp/s/s-1.0.0.tar.zst" <<'PY'
import subprocess, sys, tarfile, zlib
gz = open(sys.argv[1], "rb").read()
members, rest, tar = 0, gz, b""
while rest:
    d = zlib.decompressobj(16 + 15)
    tar += d.decompress(rest)
    if not d.eof:
        print("a member ends early")
        sys.exit()
    rest, members = d.unused_data, members + 1
zst = subprocess.run(["zstd", "-dc", sys.argv[2]], capture_output=True, check=True).stdout
names = tarfile.open(sys.argv[1]).getnames()
print("ok" if members > 1 and tar == zst and "s-1.0.0/manifest.json" in names
      else "%d members, same tar as tar.zst: %s, %d names" % (members, tar == zst, len(names)))
PY
)
if [ "$r" = ok ] && gzip -t "$tmp/s/s-1.0.0.tar.gz" &&
	[ "$(tar tzf "$tmp/s/s-1.0.0.tar.gz" | wc -l)" -gt 10 ]; then pass gzip-members
else fail gzip-members "$r"; fi

# -- a .tar.zst is one zstd frame through libzstd (src/release/zstd_write.c): zstd -t and
# -d, tar --zstd and sahifa (validate, --previous) read it; its window holds the tar and
# stays within SAHIFA_ZSTD_WINDOW_LOG_MAX, which zstd -d opens without --long; the frame
# carries its checksum; the window makes it smaller than zstd -3 of the same tar (each
# record is there twice, a JSONL line and CSV rows, more than zstd -3's 2 MiB window
# apart); the same records give the same bytes from another folder and time zone
if command -v zstd > /dev/null 2>&1; then
	z="$tmp/s/s-1.0.0.tar.zst"
	wmax=$(sed -n 's/^#define SAHIFA_ZSTD_WINDOW_LOG_MAX \([0-9]*\)$/\1/p' "$ROOT/include/sahifa/limits.h")
	info=$(zstd -lv "$z" 2>/dev/null)
	win=$(echo "$info" | sed -n 's/.*Window Size:.*(\([0-9]*\) B).*/\1/p')
	tarb=$(zstd -dc "$z" | wc -c)
	plain=$(zstd -dc "$z" | zstd -3 --single-thread -q -c | wc -c)
	zb=$(wc -c < "$z")
	mkdir -p "$tmp/zs"
	(cd "$tmp/elsewhere" && TZ=Asia/Tokyo "$SAHIFA" pack --name s --version 1.0.0 \
		--split train=80,validation=10,test=10 --format tar.zst -o ../zs ../s.jsonl > /dev/null)
	if [ -n "$wmax" ] && [ -n "$win" ] && zstd -q -t "$z" && [ "$win" -le $((1 << wmax)) ] &&
		[ "$win" -ge "$tarb" ] && [ "$win" -lt $((2 * tarb)) ] &&
		echo "$info" | grep -q "Check: XXH64" && [ "$zb" -lt "$plain" ] &&
		tar --zstd -tf "$z" | grep -qx 's-1.0.0/manifest.json' &&
		[ "$(tar --zstd -xOf "$z" s-1.0.0/data/paragraphs.csv | wc -l)" -gt 3000 ] &&
		"$SAHIFA" validate "$z" 2> /dev/null &&
		"$SAHIFA" pack --name s --version 1.0.1 --format tar.zst --previous "$z" -o "$tmp/zs" \
			"$tmp/s.jsonl" > /dev/null 2>&1 &&
		cmp -s "$z" "$tmp/zs/s-1.0.0.tar.zst"; then
		pass tar.zst-readers
	else fail tar.zst-readers "window $win of at most 2^$wmax for $tarb bytes of tar, $zb bytes against $plain for zstd -3"; fi
else
	echo "SKIP pack/tar.zst-readers: no zstd program"
fi

# -- shards: a small --shard-size gives several train-NNNNN-of-MMMMM.jsonl
"$SAHIFA" pack --name sh --version 1.0.0 --shard-size 100K -o "$tmp/sh" "$tmp/s.jsonl" > /dev/null
names=$(tar tzf "$tmp/sh/sh-1.0.0.tar.gz" | grep 'data/train-' | tr '\n' ' ')
count=$(echo "$names" | wc -w)
if [ "$count" -gt 2 ] && echo "$names" | grep -q "train-00000-of-$(printf %05d "$count").jsonl" &&
	tar xzf "$tmp/sh/sh-1.0.0.tar.gz" --wildcards -O 'sh-1.0.0/data/train-*' | wc -l | grep -qx 3000 &&
	! tar tvzf "$tmp/sh/sh-1.0.0.tar.gz" | awk '$3 > 102400 && /jsonl/' | grep -q .; then
	pass shards
else fail shards "names: $names"; fi

# -- the --previous flow: 1.0.0 -> 1.1.0 (added) -> 1.1.1 (modified); refusals
python3 "$gen" many 20 v > "$tmp/v1.jsonl"
{ cat "$tmp/v1.jsonl"; python3 "$gen" many 5 w; } > "$tmp/v2.jsonl"
python3 "$gen" modify "$tmp/v2.jsonl" > "$tmp/v3.jsonl"
P="$SAHIFA pack --name v -o $tmp/v"
$P --version 1.0.0 "$tmp/v1.jsonl" > /dev/null
$P --version 1.0.1 --previous "$tmp/v/v-1.0.0.tar.gz" "$tmp/v2.jsonl" > /dev/null 2> "$tmp/err"
st=$?
if [ $st = 2 ] && grep -q "'1.0.1' is below the minor bump the changes since '1.0.0' call for (5 added, 0 removed, 0 modified): use at least '1.1.0'" "$tmp/err" &&
	[ ! -e "$tmp/v/v-1.0.1.tar.gz" ]; then pass previous-refuses-small-bump
else fail previous-refuses-small-bump "status $st: $(cat "$tmp/err")"; fi
$P --version 1.1.0 --previous "$tmp/v/v-1.0.0.tar.gz" "$tmp/v2.jsonl" > /dev/null 2> "$tmp/err"
c=$(tar xzf "$tmp/v/v-1.1.0.tar.gz" -O v-1.1.0/CHANGES.md 2>/dev/null)
if echo "$c" | grep -q "bump these changes call for: minor" && echo "$c" | grep -q "## Added (5)" &&
	echo "$c" | grep -q "## Modified (0)"; then pass previous-minor
else fail previous-minor "$(cat "$tmp/err") $c"; fi
$P --version 1.1.1 --previous "$tmp/v/v-1.1.0.tar.gz" "$tmp/v3.jsonl" > /dev/null 2> "$tmp/err"
c=$(tar xzf "$tmp/v/v-1.1.1.tar.gz" -O v-1.1.1/CHANGES.md 2>/dev/null)
if echo "$c" | grep -q "call for: patch" && echo "$c" | grep -q "## Modified (1)" &&
	echo "$c" | grep -q "## Added (0)"; then pass previous-patch
else fail previous-patch "$(cat "$tmp/err") $c"; fi
$P --version 1.0.5 --previous "$tmp/v/v-1.1.1.tar.gz" "$tmp/v3.jsonl" > /dev/null 2> "$tmp/err"
st=$?
if [ $st = 2 ] && grep -q "version '1.0.5' is not greater than the previous release's '1.1.1'" "$tmp/err"; then
	pass previous-not-greater
else fail previous-not-greater "status $st: $(cat "$tmp/err")"; fi
$P --version 1.1.2-rc.1 --force --previous "$tmp/v/v-1.1.1.tar.gz" "$tmp/v2.jsonl" > /dev/null 2> "$tmp/err"
st=$?
if [ $st = 0 ] && tar xzf "$tmp/v/v-1.1.2-rc.1.tar.gz" -O v-1.1.2-rc.1/CHANGES.md | grep -q "Modified (1)"; then
	pass previous-force
else fail previous-force "status $st: $(cat "$tmp/err")"; fi

# -- an existing release is kept unless --force
before=$(cksum < "$tmp/v/v-1.0.0.tar.gz")
$P --version 1.0.0 "$tmp/v2.jsonl" > /dev/null 2> "$tmp/err"
st=$?
if [ $st = 2 ] && [ "$before" = "$(cksum < "$tmp/v/v-1.0.0.tar.gz")" ]; then pass keeps-existing
else fail keeps-existing "status $st"; fi

# -- a line over SAHIFA_MAX_JSONL_LINE_BYTES (64 MiB) is rejected by path:line, nothing written
python3 -c 'import sys; sys.stdout.write("{\"id\":\"" + "a" * (64 << 20) + "\"}\n")' > "$tmp/long.jsonl"
"$SAHIFA" pack --name l --version 1.0.0 -o "$tmp/l" "$tmp/small.jsonl" "$tmp/long.jsonl" > /dev/null 2> "$tmp/err"
st=$?
if [ $st = 1 ] && grep -q "long.jsonl:1: line longer than the limit of 67108864 bytes" "$tmp/err" &&
	[ -z "$(ls -A "$tmp/l")" ]; then pass line-limit
else fail line-limit "status $st: $(cat "$tmp/err")"; fi
rm -f "$tmp/long.jsonl"

# -- each input is read once: a pipe gives the release its file gives
cat "$tmp/small.jsonl" | "$SAHIFA" pack --name p --version 1.0.0 -o "$tmp/pipe" /dev/stdin > /dev/null 2> "$tmp/err"
st=$?
"$SAHIFA" pack --name p --version 1.0.0 -o "$tmp/pipe-file" "$tmp/small.jsonl" > /dev/null 2>> "$tmp/err"
if [ $st = 0 ] && cmp -s "$tmp/pipe/p-1.0.0.tar.gz" "$tmp/pipe-file/p-1.0.0.tar.gz"; then pass pipe-input
else fail pipe-input "status $st: $(cat "$tmp/err")"; fi

# -- a kept record with a field past SAHIFA_MAX_CSV_FIELD_BYTES (16 MiB) for its CSV row
# fails the release with the member's name, nothing written (its rows are made on the
# one read, the failure told only once the record is known to stay)
python3 - "$tmp/small.jsonl" "$tmp/field.jsonl" <<'PY'
import json, sys
r = json.loads(open(sys.argv[1], encoding="utf-8").readline())
r["sections"][0]["paragraphs"][0]["text"] = "a" * ((16 << 20) + 1)
open(sys.argv[2], "w", encoding="utf-8").write(json.dumps(r, ensure_ascii=False) + "\n")
PY
"$SAHIFA" pack --name f --version 1.0.0 -o "$tmp/f" "$tmp/field.jsonl" > /dev/null 2> "$tmp/err"
st=$?
if [ $st = 1 ] && grep -q "data/paragraphs.csv: csv field 11 longer than the limit of 16777216 bytes" "$tmp/err" &&
	[ -z "$(ls -A "$tmp/f")" ]; then pass csv-field-limit
else fail csv-field-limit "status $st: $(cat "$tmp/err")"; fi
rm -f "$tmp/field.jsonl"

# -- interrupted: SIGTERM during the run leaves no archive and no temporary file
python3 "$gen" many 20000 big > "$tmp/big.jsonl"
"$SAHIFA" pack --name big --version 1.0.0 -o "$tmp/i" "$tmp/big.jsonl" > /dev/null 2>&1 &
pid=$!
sleep 0.3
kill -TERM $pid 2>/dev/null
wait $pid 2>/dev/null
left=$(ls -A "$tmp/i" 2>/dev/null)
if [ -z "$left" ] || [ "$left" = big-1.0.0.tar.gz ]; then pass interrupted
else fail interrupted "left: $left"; fi
# -- licences: SPDX ids become the hub's in the card, the manifest keeps the id given
for pair in GPL-3.0-only:gpl-3.0 ODbL-1.0:odbl PDDL-1.0:pddl CC-BY-SA-4.0:cc-by-sa-4.0; do
	id=${pair%%:*}
	hub=${pair#*:}
	rm -rf "$tmp/lic"
	SOURCE_DATE_EPOCH=5 "$SAHIFA" pack --name lic --version 1.0.0 --license "$id" -o "$tmp/lic" \
		"$tmp/small.jsonl" > /dev/null 2> "$tmp/err"
	card=$(tar xzf "$tmp/lic/lic-1.0.0.tar.gz" -O lic-1.0.0/README.md 2>/dev/null | grep '^license:')
	man=$(tar xzf "$tmp/lic/lic-1.0.0.tar.gz" -O lic-1.0.0/manifest.json 2>/dev/null | grep '"license"')
	if [ "$card" = "license: \"$hub\"" ] && echo "$man" | grep -qF "\"$id\""; then pass license-$id
	else fail license-$id "card '$card', manifest '$man': $(cat "$tmp/err")"; fi
done
"$SAHIFA" pack --name lic --version 1.0.1 --license gpl-3.0-with-bison-exception -o "$tmp/lic" \
	"$tmp/small.jsonl" > /dev/null 2> "$tmp/err"
st=$?
if [ $st = 2 ] && grep -q "not an id the Hugging Face hub accepts" "$tmp/err" &&
	grep -q "accepted ids: afl-3.0, .*cc-by-4.0, .*odbl, .*zlib$" "$tmp/err" &&
	[ ! -e "$tmp/lic/lic-1.0.1.tar.gz" ]; then pass license-refused-with-list
else fail license-refused-with-list "status $st: $(cat "$tmp/err")"; fi

# -- no SOURCE_DATE_EPOCH: the newest date the records carry, whatever the files' times
python3 - "$tmp/many.jsonl" "$tmp/old.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
rows[0]["published"] = "2024-05-06T09:08:09+02:00"
rows[1]["modified"] = "2021-01-01"
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
PY
cp "$tmp/old.jsonl" "$tmp/copy.jsonl"
touch -d '2020-01-01 00:00:00 UTC' "$tmp/old.jsonl"
(unset SOURCE_DATE_EPOCH; "$SAHIFA" pack --name m --version 1.0.0 -o "$tmp/m1" "$tmp/old.jsonl" > /dev/null &&
	"$SAHIFA" pack --name m --version 1.0.0 -o "$tmp/m2" "$tmp/copy.jsonl" > /dev/null &&
	"$SAHIFA" pack --name n --version 1.0.0 -o "$tmp/m3" "$tmp/small.jsonl" > /dev/null)
created=$(tar xzf "$tmp/m1/m-1.0.0.tar.gz" -O m-1.0.0/manifest.json 2>/dev/null | grep '"created"')
mtime=$(tar tvzf "$tmp/m1/m-1.0.0.tar.gz" m-1.0.0/manifest.json 2>/dev/null | awk '{ print $4 }')
undated=$(tar xzf "$tmp/m3/n-1.0.0.tar.gz" -O n-1.0.0/manifest.json 2>/dev/null | grep '"created"')
if echo "$created" | grep -q '"2024-05-06T07:08:09Z"' && [ "$mtime" = 2024-05-06 ] &&
	tar xzf "$tmp/m1/m-1.0.0.tar.gz" -O m-1.0.0/datapackage.json | grep -q '"2024-05-06T07:08:09Z"' &&
	cmp -s "$tmp/m1/m-1.0.0.tar.gz" "$tmp/m2/m-1.0.0.tar.gz" &&
	echo "$undated" | grep -q '"1970-01-01T00:00:00Z"'; then pass created-from-records
else fail created-from-records "created $created, member date $mtime, undated $undated"; fi

# -- --csv-excel: BOM and guarded cells; the default stays faithful; the card says which
printf '%s\n' "$(head -n 1 "$tmp/small.jsonl")" | python3 -c '
import json, sys
r = json.loads(sys.stdin.readline())
r["id"] = "f" * 32
r["sections"][0]["paragraphs"][0]["text"] = "=1+1"
r["sections"][0]["paragraphs"].append(dict(r["sections"][0]["paragraphs"][0], text="- kept marker"))
r["stats"]["paragraphs"] += 1
print(json.dumps(r, ensure_ascii=False))' > "$tmp/formula.jsonl"
SOURCE_DATE_EPOCH=5 "$SAHIFA" pack --name x --version 1.0.0 -o "$tmp/x" "$tmp/formula.jsonl" > /dev/null
SOURCE_DATE_EPOCH=5 "$SAHIFA" pack --name y --version 1.0.0 --csv-excel -o "$tmp/y" "$tmp/formula.jsonl" > /dev/null
fa=$(tar xzf "$tmp/x/x-1.0.0.tar.gz" -O x-1.0.0/data/paragraphs.csv | od -An -c -N3 | tr -d ' ')
ex=$(tar xzf "$tmp/y/y-1.0.0.tar.gz" -O y-1.0.0/data/paragraphs.csv | od -An -tx1 -N3 | tr -d ' ')
if [ "$fa" = art ] && [ "$ex" = efbbbf ] &&
	tar xzf "$tmp/x/x-1.0.0.tar.gz" -O x-1.0.0/data/paragraphs.csv | grep -q ',=1+1.$' &&
	tar xzf "$tmp/y/y-1.0.0.tar.gz" -O y-1.0.0/data/paragraphs.csv | grep -q ",\"'=1+1\".$" &&
	tar xzf "$tmp/y/y-1.0.0.tar.gz" -O y-1.0.0/data/paragraphs.csv | grep -q ",\"'- kept marker\".$" &&
	tar xzf "$tmp/y/y-1.0.0.tar.gz" -O y-1.0.0/data/articles.csv | od -An -tx1 -N3 | grep -q 'ef bb bf' &&
	tar xzf "$tmp/y/y-1.0.0.tar.gz" -O y-1.0.0/manifest.json | grep -q '"csv":	"spreadsheet"' &&
	tar xzf "$tmp/x/x-1.0.0.tar.gz" -O x-1.0.0/manifest.json | grep -q '"csv":	"faithful"' &&
	tar xzf "$tmp/y/y-1.0.0.tar.gz" -O y-1.0.0/README.md | grep -q 'written for spreadsheets' &&
	tar xzf "$tmp/x/x-1.0.0.tar.gz" -O x-1.0.0/README.md | grep -q 'The CSVs are faithful' &&
	"$SAHIFA" validate "$tmp/y/y-1.0.0.tar.gz" 2> /dev/null; then pass csv-excel
else fail csv-excel "faithful starts '$fa', excel '$ex'"; fi

# -- the drop list is its own file, not manifest.json
SOURCE_DATE_EPOCH=0 "$SAHIFA" pack --name dd --version 1.0.0 -o "$tmp/dd" "$tmp/small.jsonl" > /dev/null
rows=$(tar xzf "$tmp/dd/dd-1.0.0.tar.gz" -O dd-1.0.0/data/duplicates.csv | wc -l)
if [ "$rows" = 3 ] && ! tar xzf "$tmp/dd/dd-1.0.0.tar.gz" -O dd-1.0.0/manifest.json | grep -q '"duplicates"' &&
	tar xzf "$tmp/dd/dd-1.0.0.tar.gz" -O dd-1.0.0/datapackage.json | grep -q '"schema/duplicates.table.json"'; then
	pass duplicates-file
else fail duplicates-file "duplicates.csv has $rows lines"; fi

# -- CHANGES.md says a major change when the previous release has an older record schema
mkdir -p "$tmp/old1"
(cd "$tmp/old1" && tar xzf "$tmp/v/v-1.0.0.tar.gz" &&
	sed -i 's/"schema_version":	"2.0.0"/"schema_version":	"1.0.0"/' v-1.0.0/manifest.json &&
	tar czf ../old1.tar.gz v-1.0.0)
$P --version 1.1.0 --previous "$tmp/old1.tar.gz" "$tmp/v1.jsonl" > /dev/null 2> "$tmp/err"
st=$?
$P --version 2.0.0 --previous "$tmp/old1.tar.gz" "$tmp/v1.jsonl" > /dev/null 2>> "$tmp/err"
c=$(tar xzf "$tmp/v/v-2.0.0.tar.gz" -O v-2.0.0/CHANGES.md 2>/dev/null)
if [ $st = 2 ] && echo "$c" | grep -q "call for: major" &&
	echo "$c" | grep -q "Major change: the record schema is 2.0.0, was 1.0.0" &&
	echo "$c" | grep -q "scripts. is a list of"; then pass previous-major-schema
else fail previous-major-schema "status $st: $(cat "$tmp/err") $c"; fi
exit 0
