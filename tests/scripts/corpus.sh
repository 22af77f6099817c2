#!/bin/sh
# End-to-end checks of the corpus stage: dedup (planted exact and near copies found,
# copies below the threshold kept, in = kept + drops, the same bytes whatever -j or
# the input order, --previous), filter (every drop names its bound, in = kept + drops),
# rules learn (the Youm7 furniture learned from pages of that site, no body line
# learned, convert --rules removes it naming the rule), and bad input (path:line,
# non-zero exit, nothing written).
set -u
T="$BUILD/tmp-corpus"
rm -rf "$T"
mkdir -p "$T"
PY=/usr/bin/python3
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }

# ---- records: the samples, plus planted copies at known Jaccard ----
"$SAHIFA" convert -o "$T/samples.jsonl" "$ROOT/samples" 2> "$T/convert.err" ||
	fail "convert samples" "$(head -c 300 "$T/convert.err")"
$PY "$ROOT/tests/scripts/plant-copies.py" "$T/samples.jsonl" "$T/planted.jsonl" "$T/truth.jsonl" \
	> "$T/plant.out" 2>&1 || fail "plant copies" "$(head -c 300 "$T/plant.out")"

# ---- dedup ----
"$SAHIFA" dedup -j 1 -o "$T/kept1.jsonl" --drops "$T/drops1.jsonl" "$T/planted.jsonl" 2> "$T/dedup1.err"
rc=$?
"$SAHIFA" dedup -j 4 -o "$T/kept4.jsonl" --drops "$T/drops4.jsonl" "$T/planted.jsonl" 2> "$T/dedup4.err"
if [ $rc -eq 0 ] && cmp -s "$T/kept1.jsonl" "$T/kept4.jsonl" && cmp -s "$T/drops1.jsonl" "$T/drops4.jsonl"; then
	pass "dedup: -j 1 and -j 4 give the same bytes"
else
	fail "dedup -j" "exit $rc, outputs differ or failed: $(head -c 300 "$T/dedup1.err")"
fi
$PY - "$T/planted.jsonl" "$T/kept1.jsonl" "$T/drops1.jsonl" "$T/truth.jsonl" > "$T/dedup-check.out" <<'PY'
import json, sys
records = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
kept = [json.loads(l)["id"] for l in open(sys.argv[2], encoding="utf-8")]
drops = [json.loads(l) for l in open(sys.argv[3], encoding="utf-8")]
truth = [json.loads(l) for l in open(sys.argv[4], encoding="utf-8")]
ok = True
if len(records) != len(kept) + len(drops):
    print("FAIL dedup accounting: %d in, %d kept + %d drops" % (len(records), len(kept), len(drops)))
    ok = False
else:
    print("PASS dedup: in = kept + drops (%d = %d + %d)" % (len(records), len(kept), len(drops)))
dropped = {d["id"]: d for d in drops}
keptset = set(kept)
for t in truth:
    d = dropped.get(t["id"])
    if t["expect"] == "keep":
        if d:
            print("FAIL dedup %s (jaccard %.2f) dropped as %s" % (t["what"], t["jaccard"], d["reason"]))
            ok = False
        continue
    if not d or d["reason"] != t["expect"]:
        print("FAIL dedup %s (jaccard %.2f): expected %s, got %s" % (t["what"], t["jaccard"], t["expect"], d and d["reason"]))
        ok = False
    elif d["duplicate_of"] not in keptset:
        print("FAIL dedup %s: duplicate_of %s is not a kept record" % (t["what"], d["duplicate_of"]))
        ok = False
    elif t["expect"] == "near_duplicate" and abs(d["similarity"] - t["jaccard"]) > 0.2:
        print("FAIL dedup %s: similarity %.3f, exact jaccard %.3f" % (t["what"], d["similarity"], t["jaccard"]))
        ok = False
for d in drops:
    for k in ("id", "reason", "duplicate_of", "similarity", "input", "line"):
        if k not in d:
            print("FAIL dedup drop without %s: %s" % (k, d))
            ok = False
if ok:
    print("PASS dedup: %d planted copies found or kept as expected, duplicate_of always kept" % len(truth))
PY
cat "$T/dedup-check.out"

# input order does not change which copy is kept nor what a drop says
$PY -c "
import sys
lines = open(sys.argv[1], encoding='utf-8').read().splitlines(True)
open(sys.argv[2], 'w', encoding='utf-8').write(''.join(reversed(lines)))
" "$T/planted.jsonl" "$T/reversed.jsonl"
"$SAHIFA" dedup -o "$T/kept-rev.jsonl" --drops "$T/drops-rev.jsonl" "$T/reversed.jsonl" 2>/dev/null
if $PY - "$T/kept1.jsonl" "$T/kept-rev.jsonl" "$T/drops1.jsonl" "$T/drops-rev.jsonl" <<'PY'
import json, sys
def ids(p): return sorted(json.loads(l)["id"] for l in open(p, encoding="utf-8"))
def drops(p): return sorted((d["id"], d["reason"], d["duplicate_of"], d["similarity"]) for d in map(json.loads, open(p, encoding="utf-8")))
sys.exit(0 if ids(sys.argv[1]) == ids(sys.argv[2]) and drops(sys.argv[3]) == drops(sys.argv[4]) else 1)
PY
then pass "dedup: reversed input keeps the same copies with the same drops"
else fail "dedup order" "reversed input kept other copies"; fi

# --previous: a release of the kept records makes every record a drop
SOURCE_DATE_EPOCH=1700000000 "$SAHIFA" pack --name prev --version 1.0.0 -o "$T/rel" "$T/kept1.jsonl" \
	> "$T/pack.out" 2>&1 || fail "pack for --previous" "$(head -c 300 "$T/pack.out")"
"$SAHIFA" dedup -v --previous "$T/rel/prev-1.0.0.tar.gz" -o "$T/kept-prev.jsonl" --drops "$T/drops-prev.jsonl" \
	"$T/planted.jsonl" 2> "$T/prev.err"
rc=$?
nk=$(wc -l < "$T/kept-prev.jsonl")
nd=$(wc -l < "$T/drops-prev.jsonl")
nin=$(wc -l < "$T/planted.jsonl")
if [ $rc -eq 0 ] && [ "$nk" -eq 0 ] && [ "$nd" -eq "$nin" ] && grep -q "($nin of them of --previous)" "$T/prev.err"; then
	pass "dedup --previous (archive): all $nin records were published already"
else
	fail "dedup --previous" "exit $rc, $nk kept, $nd drops of $nin: $(head -c 300 "$T/prev.err")"
fi
mkdir -p "$T/relx" && tar -xzf "$T/rel/prev-1.0.0.tar.gz" -C "$T/relx"
"$SAHIFA" dedup --previous "$T/relx" -o "$T/kept-prevd.jsonl" --drops "$T/drops-prevd.jsonl" \
	"$T/samples.jsonl" 2> "$T/prevd.err"
if [ $? -eq 0 ] && [ "$(wc -l < "$T/kept-prevd.jsonl")" -eq 0 ]; then
	pass "dedup --previous (folder)"
else
	fail "dedup --previous folder" "$(head -c 300 "$T/prevd.err")"
fi

# ---- bad input: path:line, non-zero exit, nothing written ----
head -n 2 "$T/samples.jsonl" > "$T/bad.jsonl"
echo '{"not": "a record"}' >> "$T/bad.jsonl"
for cmd in dedup filter learn; do
	rm -f "$T/out.jsonl" "$T/drops.jsonl"
	case $cmd in
	dedup) "$SAHIFA" dedup -o "$T/out.jsonl" --drops "$T/drops.jsonl" "$T/bad.jsonl" 2> "$T/bad.err" ;;
	filter) "$SAHIFA" filter --preset gopher -o "$T/out.jsonl" --drops "$T/drops.jsonl" "$T/bad.jsonl" 2> "$T/bad.err" ;;
	learn) "$SAHIFA" rules learn -o "$T/out.jsonl" "$T/bad.jsonl" 2> "$T/bad.err" ;;
	esac
	rc=$?
	if [ $rc -ne 0 ] && grep -q "bad.jsonl:3:" "$T/bad.err" && [ ! -e "$T/out.jsonl" ] && [ ! -e "$T/drops.jsonl" ] &&
		! ls "$T" | grep -q '\.tmp'; then
		pass "$cmd: bad line reported as path:3, exit $rc, nothing written"
	else
		fail "$cmd bad input" "exit $rc, $(head -c 200 "$T/bad.err"), out exists: $(ls "$T" | grep -c out.jsonl)"
	fi
done

# ---- filter ----
for preset in gopher c4 fineweb2; do
	"$SAHIFA" filter -v --preset "$preset" -o "$T/f-$preset.jsonl" --drops "$T/fd-$preset.jsonl" \
		"$T/planted.jsonl" 2> "$T/f.err"
	rc=$?
	nk=$(wc -l < "$T/f-$preset.jsonl")
	nd=$(wc -l < "$T/fd-$preset.jsonl")
	if [ $rc -eq 0 ] && [ $((nk + nd)) -eq "$nin" ] && grep -q "$nin records: $nk kept, $nd dropped" "$T/f.err" &&
		$PY -c "
import json, sys
for l in open(sys.argv[1], encoding='utf-8'):
    d = json.loads(l)
    assert d['reason'] == 'quality' and d['signal'] and d['op'] in ('>=', '<=') and d['preset'] == sys.argv[2]
    v, t = d['value'], d['threshold']
    assert (v < t) if d['op'] == '>=' else (v > t), d
" "$T/fd-$preset.jsonl" "$preset"; then
		pass "filter --preset $preset: in = kept + drops ($nin = $nk + $nd), each drop names a failed bound"
	else
		fail "filter $preset" "exit $rc, $nk + $nd of $nin: $(head -c 300 "$T/f.err")"
	fi
done
# a thresholds file replaces the preset's bound; records without quality get it computed
printf 'words >= 100000\n' > "$T/strict.thresholds"
$PY -c "
import json, sys
with open(sys.argv[2], 'w', encoding='utf-8') as out:
    for l in open(sys.argv[1], encoding='utf-8'):
        d = json.loads(l); d.pop('quality', None); out.write(json.dumps(d, ensure_ascii=False) + '\n')
" "$T/samples.jsonl" "$T/noq.jsonl"
"$SAHIFA" filter -v --preset gopher --thresholds "$T/strict.thresholds" -o "$T/f-strict.jsonl" \
	--drops "$T/fd-strict.jsonl" "$T/noq.jsonl" 2> "$T/f.err"
n=$(wc -l < "$T/noq.jsonl")
if [ "$(wc -l < "$T/f-strict.jsonl")" -eq 0 ] && [ "$(grep -c '"signal":"words"' "$T/fd-strict.jsonl")" -eq "$n" ] &&
	grep -q "($n without quality signals, computed)" "$T/f.err"; then
	pass "filter --thresholds replaces a preset bound; missing signals are computed"
else
	fail "filter thresholds" "$(head -c 300 "$T/f.err")"
fi
printf 'words >= 10\nnonsense >= 1\n' > "$T/bad.thresholds"
"$SAHIFA" filter --thresholds "$T/bad.thresholds" -o "$T/x.jsonl" --drops "$T/y.jsonl" "$T/samples.jsonl" 2> "$T/f.err"
if [ $? -eq 2 ] && grep -q "bad.thresholds:2: unknown signal 'nonsense'" "$T/f.err"; then
	pass "filter: a bad thresholds file names path:line"
else
	fail "filter bad thresholds" "$(head -c 300 "$T/f.err")"
fi

# ---- rules learn: the Youm7 furniture from 40 pages of that site ----
if [ -z "$SHARED" ] || [ ! -f "$SHARED/seeds/002_276ecc4978464b78.txt" ]; then
	echo "SKIP rules learn: ../shared/seeds not found"
	exit 0
fi
$PY "$ROOT/tests/scripts/site-pages.py" "$SHARED/seeds" "$ROOT/samples" "$T/site" 40
"$SAHIFA" convert --no-default-rules -o "$T/site/pages.jsonl" "$T/site/pages" 2> "$T/learn.err"
"$SAHIFA" rules learn -o "$T/site/site.rules" "$T/site/pages.jsonl" 2>> "$T/learn.err"
rc=$?
$PY - "$T/site" <<'PY'
import os, sys
d = sys.argv[1]
furn = [l for l in open(os.path.join(d, "furniture.txt"), encoding="utf-8").read().split("\n") if l]
body = set(l for l in open(os.path.join(d, "body.txt"), encoding="utf-8").read().split("\n") if l)
rules = [l[5:] for l in open(os.path.join(d, "site.rules"), encoding="utf-8").read().split("\n") if l.startswith("line ")]
found = [f for f in furn if f in rules]
bad = [r for r in rules if r in body]
if len(found) == len(furn):
    print("PASS rules learn: all %d furniture lines learned from 40 pages" % len(furn))
else:
    print("FAIL rules learn: %d of %d furniture lines learned, missing %s" % (len(found), len(furn), set(furn) - set(found)))
print(("PASS" if not bad else "FAIL") + " rules learn: %d body lines learned" % len(bad))
PY
"$SAHIFA" convert --no-default-rules --rules "$T/site/site.rules" -o "$T/site/clean.jsonl" "$T/site/pages" 2>> "$T/learn.err"
$PY - "$T/site" <<'PY'
import json, os, sys
d = sys.argv[1]
furn = set(l for l in open(os.path.join(d, "furniture.txt"), encoding="utf-8").read().split("\n") if l)
left = named = 0
for l in open(os.path.join(d, "clean.jsonl"), encoding="utf-8"):
    r = json.loads(l)
    texts = [p["text"] for s in r["sections"] for p in s["paragraphs"]] + [r["headline"] or ""]
    left += sum(t in furn for t in texts)
    named += sum(x["text"] in furn and x["reason"] == "chrome" and x.get("detail", "").startswith("line '") for x in r["removed"])
ok = left == 0 and named == 40 * len(furn)
print(("PASS" if ok else "FAIL") + " convert --rules site.rules: %d furniture lines left, %d removed naming their rule" % (left, named))
PY
