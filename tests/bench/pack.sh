#!/bin/sh
# pack throughput: sahifa pack on the converted saudinewsnet corpus (MB/s of input
# JSONL, records/s, peak RSS) next to tar with the same compressor at the same level:
# `tar czf` (gzip level 6, the gzip program's default; pack's .tar.gz is deflate level 6
# through libdeflate, in 1 MiB gzip members) and `tar --zstd` (zstd level 3, the zstd
# program's default; pack's is level 3 through libzstd on one thread, its window widened
# to hold the whole tar, at most 2^25, and its hash table to 2^18: the bytes
# `zstd -3 --single-thread --zstd=wlog=N,hlog=18` makes of the same tar, smaller and
# cheaper than plain -3 as each record's CSV rows
# reach back to its JSONL line; --long matching made it a fifth smaller again for more
# CPU than it saved), first of the same JSONL, then
# of the release's own files (the shards and the CSVs that hold the same content as
# tables: about twice the bytes, so compressing them alone is the floor of a pack that
# compresses as tar does; pack's zstd window reaches from each record's JSONL line back
# to its CSV rows, which plain -3 does not).  Each archive's size is printed with it.
#   sh tests/bench/pack.sh [RECORDS.jsonl]
# Without an argument the corpus is converted first (one text file per article,
# headline then body, in a scratch folder).  Each command runs REPEAT times (default
# 5); the median CPU time (user + system, children included) makes the ratios, as the
# machines are shared, and the median wall time is shown beside it.  CPU time is perf's
# task-clock where perf can count (GNU time prints hundredths of a second, the size of
# a 1x tar --zstd), else GNU time's.  Environment: SAHIFA, SHARED, BUILD.
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
echo "bench-pack: $records records, $mb MB of JSONL ($REPEAT runs each, median time)"

# CPU time from perf's task-clock when it counts here (not in every container).
PERF=
if command -v perf > /dev/null 2>&1 && perf stat -x, -e task-clock -o /dev/null true > /dev/null 2>&1; then
	PERF=1
fi
echo "bench-pack: CPU time from $([ -n "$PERF" ] && echo "perf stat task-clock" || echo "GNU time")"

# median FILE: the median of the numbers in FILE, one a line
median() {
	sort -n "$1" | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# measure LABEL COMMAND...: median wall and CPU time of REPEAT runs, peak RSS of the
# largest (KB), via /usr/bin/time (and perf); sets CPU.
measure() {
	label=$1
	shift
	rss=0
	i=0
	: > "$tmp/cpus"
	: > "$tmp/walls"
	while [ $i -lt "$REPEAT" ]; do
		rm -rf "$tmp/out"
		mkdir -p "$tmp/out"
		if [ -n "$PERF" ]; then
			perf stat -x, -e task-clock -o "$tmp/perf" \
				/usr/bin/time -f "%e %M %U %S" -o "$tmp/time" "$@" > /dev/null 2> "$tmp/err" ||
				{ echo "bench-pack: $label failed: $(tail -n 1 "$tmp/err")"; return 1; }
		else
			/usr/bin/time -f "%e %M %U %S" -o "$tmp/time" "$@" > /dev/null 2> "$tmp/err" ||
				{ echo "bench-pack: $label failed: $(tail -n 1 "$tmp/err")"; return 1; }
		fi
		read -r t m u y < "$tmp/time"
		if [ -n "$PERF" ]; then
			awk -F, '/task-clock/ { print $1 / 1000 }' "$tmp/perf" >> "$tmp/cpus"
		else
			echo "$u $y" | awk '{ print $1 + $2 }' >> "$tmp/cpus"
		fi
		echo "$t" >> "$tmp/walls"
		[ "$m" -gt "$rss" ] && rss=$m
		i=$((i + 1))
	done
	CPU=$(median "$tmp/cpus")
	wall=$(median "$tmp/walls")
	echo "$CPU $wall $rss $bytes $records" | awk -v label="$label" '{
		t = $1 > 0.001 ? $1 : 0.001
		printf "  %-34s %7.3f s cpu %7.2f s wall %8.1f MB/s (cpu) %9.0f records/s  peak RSS %6.1f MB\n",
			label, $1, $2, $4 / 1048576 / t, $5 / t, $3 / 1024 }'
}
if [ ! -x /usr/bin/time ]; then
	echo "bench-pack: /usr/bin/time missing (apt-get install time); nothing measured"
	exit 0
fi
dir=$(dirname "$jsonl")
base=$(basename "$jsonl")
# size FILE: print the archive just made with its compressor and level
size() {
	echo "$(wc -c < "$1") $2" | awk '{ b = $1; $1 = ""; printf "  %-34s %12.0f bytes (%.1f MB)\n", "  ->" $0, b, b / 1048576 }'
}
measure "sahifa pack tar.gz" "$SAHIFA" pack --name bench --version 1.0.0 -o "$tmp/out" "$jsonl" || exit 1
gz=$CPU
size "$tmp/out/bench-1.0.0.tar.gz" "gzip -6 (libdeflate)"
measure "sahifa pack tar.zst" "$SAHIFA" pack --name bench --version 1.0.0 --format tar.zst \
	-o "$tmp/out" "$jsonl" || exit 1
zst=$CPU
size "$tmp/out/bench-1.0.0.tar.zst" "zstd -3, one thread, tar-wide window"
cp "$tmp/out/bench-1.0.0.tar.zst" "$tmp/pack.tar.zst"
# the release's own files, unpacked, for tar of the same bytes
mkdir -p "$tmp/release"
tar --zstd -xf "$tmp/out/bench-1.0.0.tar.zst" -C "$tmp/release" || { echo "bench-pack: cannot unpack"; exit 1; }
measure "tar czf (same JSONL)" tar czf "$tmp/out/plain.tar.gz" -C "$dir" "$base" || exit 1
tgz=$CPU
size "$tmp/out/plain.tar.gz" "gzip -6 (gzip)"
measure "tar --zstd (same JSONL)" tar --zstd -cf "$tmp/out/plain.tar.zst" -C "$dir" "$base" || exit 1
tzst=$CPU
size "$tmp/out/plain.tar.zst" "zstd -3 (zstd)"
measure "tar czf (the release's files)" tar czf "$tmp/out/rel.tar.gz" -C "$tmp/release" bench-1.0.0 || exit 1
rgz=$CPU
size "$tmp/out/rel.tar.gz" "gzip -6 (gzip)"
measure "tar --zstd (the release's files)" tar --zstd -cf "$tmp/out/rel.tar.zst" -C "$tmp/release" bench-1.0.0 || exit 1
rzst=$CPU
size "$tmp/out/rel.tar.zst" "zstd -3 (zstd)"
# pack's own tar through the zstd program at the level, window, hash table and threads
# pack uses:
# the size matches pack's to a few bytes of frame header, so the two do the same work;
# and at plain -3, as libarchive's zstd filter made it
if command -v zstd > /dev/null 2>&1; then
	wlog=$(zstd -lv "$tmp/pack.tar.zst" 2>/dev/null | sed -n 's/.*Window Size:.*(\([0-9]*\) B).*/\1/p' |
		awk '{ n = 0; while (2 ^ n < $1) n++; print n }')
	hlog=18
	[ "$wlog" -gt $hlog ] || hlog=17
	same=$(zstd -dc "$tmp/pack.tar.zst" | zstd -3 --single-thread --zstd=wlog="$wlog",hlog=$hlog -q -c | wc -c)
	plain=$(zstd -dc "$tmp/pack.tar.zst" | zstd -3 --single-thread -q -c | wc -c)
	echo "  pack's tar through zstd -3 --single-thread --zstd=wlog=$wlog,hlog=$hlog: $same bytes (pack's: $(wc -c < "$tmp/pack.tar.zst")); at plain -3: $plain"
fi
echo "$gz $zst $tgz $tzst $rgz $rzst" | awk '{
	for (i = 1; i <= 6; i++) if ($i < 0.001) $i = 0.001
	printf "  pack costs %.2fx tar czf and %.2fx tar --zstd of the same JSONL in CPU time (goal: at most 1.5x)\n", $1 / $3, $2 / $4
	printf "  pack costs %.2fx tar czf and %.2fx tar --zstd of the release'"'"'s own files (the compressor'"'"'s share of the bytes)\n", $1 / $5, $2 / $6
	printf "  floor: compressing the release'"'"'s own files alone is %.2fx (gzip) and %.2fx (zstd) of tar of the same JSONL\n", $5 / $3, $6 / $4
}'
