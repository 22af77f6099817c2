#!/bin/sh
# make bench-clean: the corpus stage measured.
#   near duplicates: precision and recall of the pairs dedup finds on saudinewsnet
#     plus planted copies at known Jaccard, against exact all-pairs Jaccard
#   dedup speed and peak memory at 1x, 10x and 50x of saudinewsnet; bytes of index
#     per record; -j 1 and -j 2 give the same bytes
#   filter speed and what each preset drops
#   learned boilerplate: share of the Youm7 furniture found from 10, 20 and 40 pages
#     of that site, and body lines learned
set -u
. "$(dirname "$0")/lib.sh"
bench_corpus || exit 0
PY=/usr/bin/python3
C="$BENCH/clean"
mkdir -p "$C"
THR=0.8
"$SAHIFA" convert -o "$C/saudi.jsonl" "$BENCH/saudi" 2> /dev/null
n1=$(wc -l < "$C/saudi.jsonl")
echo "corpus: $n1 records of saudinewsnet (converted by sahifa convert)"

echo
echo "near duplicates (threshold $THR; reference: exact Jaccard of word 5-gram sets, all pairs)"
$PY "$ROOT/tests/scripts/plant-copies.py" "$C/saudi.jsonl" "$C/planted.jsonl" "$C/truth.jsonl" --all | sed 's/^/  /'
for label in "saudinewsnet alone:saudi" "saudinewsnet + planted copies:planted"; do
	name=${label#*:}
	echo " $(echo "$label" | cut -d: -f1)"
	"$SAHIFA" dedup -v --threshold $THR -o "$C/$name-kept.jsonl" --drops "$C/$name-drops.jsonl" "$C/$name.jsonl" 2>&1 | sed 's/^sahifa: /  /'
	if [ "$name" = planted ]; then
		$PY "$ROOT/tests/bench/neardup_eval.py" "$C/$name.jsonl" "$C/$name-kept.jsonl" "$C/$name-drops.jsonl" $THR "$C/truth.jsonl"
	else
		$PY "$ROOT/tests/bench/neardup_eval.py" "$C/$name.jsonl" "$C/$name-kept.jsonl" "$C/$name-drops.jsonl" $THR
	fi
done

echo
echo "dedup speed and memory (copies 2..N: new ids, one word changed, so near duplicates)"
for k in 1 10 50; do
	[ -f "$C/saudi$k.jsonl" ] || $PY "$ROOT/tests/bench/replicate.py" $k "$C/saudi.jsonl" "$C/saudi$k.jsonl"
	n=$((n1 * k))
	b=$(wc -c < "$C/saudi$k.jsonl")
	RUNS=$([ $k -ge 50 ] && echo 1 || echo 3) measure "dedup ${k}x ($n records)" "$b" "$n" \
		"$SAHIFA" dedup -v -o "$C/k$k.jsonl" --drops "$C/d$k.jsonl" "$C/saudi$k.jsonl"
	echo "  $(tail -n 1 "$BENCH/cmd.err" | sed 's/^sahifa: //')"
done
"$SAHIFA" dedup -j 1 -o "$C/k10-j1.jsonl" --drops "$C/d10-j1.jsonl" "$C/saudi10.jsonl" 2>/dev/null
"$SAHIFA" dedup -j 2 -o "$C/k10-j2.jsonl" --drops "$C/d10-j2.jsonl" "$C/saudi10.jsonl" 2>/dev/null
cmp -s "$C/k10-j1.jsonl" "$C/k10-j2.jsonl" && cmp -s "$C/d10-j1.jsonl" "$C/d10-j2.jsonl" &&
	echo "  10x: -j 1 and -j 2 give byte-identical kept and drops files" ||
	echo "  WARNING: 10x: -j 1 and -j 2 outputs differ"

echo
echo "filter (1x)"
for p in gopher c4 fineweb2; do
	measure "filter --preset $p" "$(wc -c < "$C/saudi.jsonl")" "$n1" \
		"$SAHIFA" filter -v --preset $p -o "$C/f-$p.jsonl" --drops "$C/fd-$p.jsonl" "$C/saudi.jsonl"
	$PY -c "
import collections, json, sys
c = collections.Counter(json.loads(l)['signal'] for l in open(sys.argv[1], encoding='utf-8'))
print('  dropped %d: %s' % (sum(c.values()), ', '.join('%s %d' % kv for kv in c.most_common(5))))
" "$C/fd-$p.jsonl"
done

echo
echo "learned boilerplate (pages of one site: the Youm7 seed's furniture around varied bodies)"
if [ -z "$SHARED" ] || [ ! -f "$SHARED/seeds/002_276ecc4978464b78.txt" ]; then
	echo "  ../shared/seeds not found; skipped"
else
	for pages in 5 10 20 40; do
		rm -rf "$C/site$pages"
		$PY "$ROOT/tests/scripts/site-pages.py" "$SHARED/seeds" "$ROOT/samples" "$C/site$pages" $pages
		"$SAHIFA" convert --no-default-rules -o "$C/site$pages/pages.jsonl" "$C/site$pages/pages" 2>/dev/null
		"$SAHIFA" rules learn -o "$C/site$pages/site.rules" "$C/site$pages/pages.jsonl" 2>/dev/null
		$PY - "$C/site$pages" $pages <<'PY'
import os, sys
d, pages = sys.argv[1], sys.argv[2]
furn = [l for l in open(os.path.join(d, "furniture.txt"), encoding="utf-8").read().split("\n") if l]
body = set(l for l in open(os.path.join(d, "body.txt"), encoding="utf-8").read().split("\n") if l)
rules = [l[5:] for l in open(os.path.join(d, "site.rules"), encoding="utf-8").read().split("\n") if l.startswith("line ")]
found = sum(f in rules for f in furn)
print("  %2s pages: %d of %d furniture lines learned (%.0f%%), %d body lines learned of %d, %d rules in all"
      % (pages, found, len(furn), 100.0 * found / len(furn), sum(r in body for r in rules), len(body), len(rules)))
PY
	done
fi
echo
echo "datatrove (the Python reference for MinHash dedup) is not installable here: it is on PyPI only,"
echo "which this machine cannot reach; the exact Jaccard reference above stands in for it."
