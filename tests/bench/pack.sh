#!/bin/sh
# pack throughput: sahifa pack on the converted saudinewsnet corpus (MB/s of input
# JSONL, records/s, peak RSS) next to `tar czf` of the same JSONL.
#   sh tests/bench/pack.sh [RECORDS.jsonl]
# Without an argument the corpus is converted first (one text file per article,
# headline then body, in a scratch folder).  Environment: SAHIFA, SHARED, BUILD.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/env.sh"
tmp="$BUILD/tmp-pack-bench"
rm -rf "$tmp"
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
REPEAT=${REPEAT:-5}

if [ $# -ge 1 ]; then
	jsonl=$1
else
	if [ -z "$SHARED" ] || [ ! -f "$SHARED/eval/saudinewsnet/2015-07-23.json" ]; then
		echo "bench-pack: no shared eval data (set SHARED) and no JSONL given; nothing measured"
		exit 0
	fi
	python3 - "$SHARED/eval/saudinewsnet/2015-07-23.json" "$tmp/txt" <<'PY'
import json, os, sys
os.makedirs(sys.argv[2])
for i, a in enumerate(json.load(open(sys.argv[1], encoding="utf-8"))):
    body = (a.get("content") or "").strip()
    if not body:
        continue
    with open(os.path.join(sys.argv[2], "%05d.txt" % i), "w", encoding="utf-8") as f:
        f.write((a.get("title") or "").strip() + "\n\n" + body + "\n")
PY
	jsonl="$tmp/saudinewsnet.jsonl"
	"$SAHIFA" convert "$tmp/txt" > "$jsonl" 2> "$tmp/convert.err" || {
		echo "bench-pack: sahifa convert failed: $(tail -n 1 "$tmp/convert.err")"; exit 1; }
fi
bytes=$(wc -c < "$jsonl")
records=$(wc -l < "$jsonl")
mb=$(echo "$bytes" | awk '{ printf "%.1f", $1 / 1048576 }')
echo "bench-pack: $records records, $mb MB of JSONL ($REPEAT runs each, best time)"

# best wall time of REPEAT runs; peak RSS of the last (KB), via /usr/bin/time
measure() { # label command...
	label=$1
	shift
	best=
	i=0
	while [ $i -lt "$REPEAT" ]; do
		rm -rf "$tmp/out"
		mkdir -p "$tmp/out"
		/usr/bin/time -f "%e %M" -o "$tmp/time" "$@" > /dev/null 2> "$tmp/err" ||
			{ echo "bench-pack: $label failed: $(tail -n 1 "$tmp/err")"; return 1; }
		t=$(cut -d' ' -f1 "$tmp/time")
		rss=$(cut -d' ' -f2 "$tmp/time")
		if [ -z "$best" ]; then best=$t
		else best=$(echo "$best $t" | awk '{ print ($2 < $1) ? $2 : $1 }'); fi
		i=$((i + 1))
	done
	echo "$best $rss $bytes $records" | awk -v label="$label" '{
		t = $1 > 0 ? $1 : 0.001
		printf "  %-22s %7.3f s  %8.1f MB/s  %9.0f records/s  peak RSS %6.1f MB\n",
			label, $1, $3 / 1048576 / t, $4 / t, $2 / 1024 }'
}
if [ ! -x /usr/bin/time ]; then
	echo "bench-pack: /usr/bin/time missing (apt-get install time); nothing measured"
	exit 0
fi
measure "sahifa pack tar.gz" "$SAHIFA" pack --name bench --version 1.0.0 -o "$tmp/out" "$jsonl"
measure "sahifa pack tar.zst" "$SAHIFA" pack --name bench --version 1.0.0 --format tar.zst \
	-o "$tmp/out" "$jsonl"
measure "tar czf (same JSONL)" tar czf "$tmp/out/plain.tar.gz" -C "$(dirname "$jsonl")" \
	"$(basename "$jsonl")"
