# Shared by the benchmark scripts: the saudinewsnet corpus as raw text articles.
# SAHIFA and BUILD come from the Makefile; SHARED is ../shared when present.
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/env.sh"
BENCH="$BUILD/bench"
SAUDI_JSON="$SHARED/eval/saudinewsnet/2015-07-23.json"

# bench_corpus: $BENCH/saudi/NNNN.txt (title, blank line, body) and $BENCH/saudi10
# (ten hard-linked copies), made once.
bench_corpus() {
	[ -f "$SAUDI_JSON" ] || { echo "bench: $SAUDI_JSON not found; nothing to measure"; return 1; }
	if [ ! -f "$BENCH/saudi/.done" ]; then
		rm -rf "$BENCH/saudi" "$BENCH/saudi10"
		mkdir -p "$BENCH/saudi"
		python3 - "$SAUDI_JSON" "$BENCH/saudi" <<'PY'
import json, sys, os
arts = json.load(open(sys.argv[1], encoding="utf-8"))
for i, a in enumerate(arts):
    text = (a.get("title") or "").strip() + "\n\n" + (a.get("content") or "").strip() + "\n"
    with open(os.path.join(sys.argv[2], "%04d.txt" % i), "w", encoding="utf-8") as f:
        f.write(text)
PY
		touch "$BENCH/saudi/.done"
	fi
	if [ ! -d "$BENCH/saudi10" ]; then
		mkdir -p "$BENCH/saudi10"
		for k in 0 1 2 3 4 5 6 7 8 9; do cp -al "$BENCH/saudi" "$BENCH/saudi10/copy$k"; done
	fi
	return 0
}

# measure LABEL BYTES ITEMS CMD...: run CMD $RUNS times (default 3) under
# /usr/bin/time and print a row with the fastest run (wall), the least CPU time
# (user + system: what ratios use, since the machines are shared) and the largest peak.
measure() {
	label=$1 bytes=$2 items=$3
	shift 3
	secs= cpu= kb=0 k=0
	while [ "$k" -lt "${RUNS:-3}" ]; do
		/usr/bin/time -f "%e %M %U %S" -o "$BENCH/time.out" "$@" > /dev/null 2> "$BENCH/cmd.err"
		rc=$?
		# GNU time adds a "Command exited with non-zero status" line before its figures
		read -r s m u y <<EOF_TIME
$(tail -n 1 "$BENCH/time.out")
EOF_TIME
		c=$(echo "$u + $y" | bc)
		if [ -z "$secs" ] || [ "$(echo "$s < $secs" | bc)" = 1 ]; then secs=$s; fi
		if [ -z "$cpu" ] || [ "$(echo "$c < $cpu" | bc)" = 1 ]; then cpu=$c; fi
		[ "$m" -gt "$kb" ] && kb=$m
		k=$((k + 1))
	done
	python3 -c "
import sys
label, b, n, s, c, kb, rc = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), sys.argv[7]
s = max(s, 0.01)
print('%-36s %8.2f MB/s %9.0f items/s %7.2f s %6.2f s cpu %7.1f MB peak  (exit %s)' % (label, b / s / 1e6, n / s, s, c, kb / 1024, rc))
" "$label" "$bytes" "$items" "$secs" "$cpu" "$kb" "$rc"
	LAST_SECS=$secs
	LAST_CPU=$cpu
}
