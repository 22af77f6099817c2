#!/bin/sh
# make bench: convert throughput and peak memory on the saudinewsnet corpus (1x and
# 10x, to show memory stays flat), next to language ID alone on the same text; then
# the pack and validate parts on the converted records.
set -u
. "$(dirname "$0")/lib.sh"
bench_corpus || exit 0
n1=$(ls "$BENCH/saudi" | wc -l)
b1=$(cat "$BENCH"/saudi/*.txt | wc -c)
echo "corpus: $n1 articles, $b1 bytes (saudinewsnet, raw text); 10x: $((n1 * 10)) articles"
echo
echo "convert"
measure "convert 1x (-j default)" "$b1" "$n1" "$SAHIFA" convert -o "$BENCH/saudi.jsonl" "$BENCH/saudi"
measure "convert 1x (-j 1)" "$b1" "$n1" "$SAHIFA" convert -j 1 -o "$BENCH/saudi-j1.jsonl" "$BENCH/saudi"
measure "convert 10x (-j default)" "$((b1 * 10))" "$((n1 * 10))" "$SAHIFA" convert -o "$BENCH/saudi10.jsonl" "$BENCH/saudi10"
echo "  $(tail -n 1 "$BENCH/cmd.err" | sed 's/^sahifa: //') (10x run; exit 1 = some inputs rejected: empty bodies)"
conv10=$LAST_SECS
conv10cpu=$LAST_CPU
measure "convert 10x (-j 1)" "$((b1 * 10))" "$((n1 * 10))" "$SAHIFA" convert -j 1 -o "$BENCH/saudi10-j1.jsonl" "$BENCH/saudi10"
conv10j1=$LAST_SECS
conv10j1cpu=$LAST_CPU
cmp -s "$BENCH/saudi.jsonl" "$BENCH/saudi-j1.jsonl" && cmp -s "$BENCH/saudi10.jsonl" "$BENCH/saudi10-j1.jsonl" &&
	echo "  -j 1 and -j default give identical output" ||
	echo "  WARNING: -j 1 and -j default outputs differ"
# language ID alone: every line of the same articles (10x, so that the timer's 10 ms
# grain does not decide the ratio) through sahifa tag, single thread
find "$BENCH/saudi10" -name '*.txt' | sort | xargs cat > "$BENCH/saudi-lines.txt"
nl=$(wc -l < "$BENCH/saudi-lines.txt")
measure "language ID alone (tag --engine=cld2)" "$((b1 * 10))" "$nl" sh -c "\"$SAHIFA\" tag --engine=cld2 < \"$BENCH/saudi-lines.txt\""
lid=$LAST_SECS
lidcpu=$LAST_CPU
measure "language ID with sahifa's layer (tag)" "$((b1 * 10))" "$nl" sh -c "\"$SAHIFA\" tag < \"$BENCH/saudi-lines.txt\""
python3 -c "
import sys
c, c1, l, cc, c1c, lc = (max(float(x), 0.01) for x in sys.argv[1:7])
print('  convert 10x -j 1 costs %.2fx language ID alone in CPU time (goal: at most 1.3x), %.2fx in wall time' % (c1c / lc, c1 / l))
print('  convert 10x with all cores: %.2fx faster than -j 1 (wall); %.2fx language ID alone (wall)' % (c1 / c, c / l))
" "$conv10" "$conv10j1" "$lid" "$conv10cpu" "$conv10j1cpu" "$lidcpu"
# the same ratio in instructions (callgrind), which a busy machine does not change: 1x,
# convert -j 1 against language ID alone on the same lines
if command -v valgrind > /dev/null 2>&1; then
	find "$BENCH/saudi" -name '*.txt' | sort | xargs cat > "$BENCH/saudi1-lines.txt"
	# ir STDIN CMD...: the instructions CMD runs, reading STDIN
	ir() {
		stdin=$1
		shift
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" < "$stdin" 2>&1 >/dev/null |
			sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
	}
	ci=$(ir /dev/null "$SAHIFA" convert -j 1 -o "$BENCH/saudi-cg.jsonl" "$BENCH/saudi")
	li=$(ir "$BENCH/saudi1-lines.txt" "$SAHIFA" tag --engine=cld2)
	[ -n "$ci" ] && [ -n "$li" ] && python3 -c "
import sys
c, l = int(sys.argv[1]), int(sys.argv[2])
print('  convert 1x -j 1 costs %.2fx language ID alone in instructions (callgrind: %.3g against %.3g)' % (c / l, c, l))
" "$ci" "$li"
fi
# pack on the 1x records (the 10x copies would all be dropped as duplicates) and on
# 50 distinct copies of them;
# validate on the 10x records, so that start-up does not dominate the timing
echo
echo "pack, 1x"
sh "$ROOT/tests/bench/pack.sh" "$BENCH/saudi.jsonl"
# 50x: fifty copies of each record made distinct (another id, the headline numbered),
# so that none is dropped as a duplicate; one run each, as every run takes seconds
python3 - "$BENCH/saudi.jsonl" "$BENCH/saudi50.jsonl" 50 <<'PY'
import hashlib, json, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = [json.loads(l) for l in open(src, encoding="utf-8")]
with open(dst, "w", encoding="utf-8") as f:
    for k in range(n):
        for r in rows:
            c = dict(r)
            c["id"] = hashlib.sha256(("%d:%s" % (k, r["id"])).encode()).hexdigest()[:32]
            if k:
                c["headline"] = "%s (%d)" % (r.get("headline") or "", k)
            f.write(json.dumps(c, ensure_ascii=False, separators=(",", ":")) + "\n")
PY
echo
echo "pack, 50x"
REPEAT=1 sh "$ROOT/tests/bench/pack.sh" "$BENCH/saudi50.jsonl"
rm -f "$BENCH/saudi50.jsonl"
echo
echo "validate"
sh "$ROOT/tests/bench/validate.sh" "$BENCH/saudi10.jsonl"
