#!/bin/sh
# make bench-cluster: a sharded convert on a Slurm cluster of this machine.
#   - wall time of the whole job (array + merge + pack) with 1, 2 and 4 array tasks
#     over the same corpus, and of its convert tasks alone;
#   - the merge's (sahifa merge + sahifa pack) time and peak memory;
#   - how the merge's cost grows with the number of shards (1 to 64);
#   - dedup as on a cluster: per-shard signing time and signature bytes per record,
#     the merge's dedup time and memory from the signatures against signing there;
#   - per-record figures for sizing a larger run (README "Past one machine").
# Corpus: saudinewsnet x10 from ../shared (13,180 articles) when present, else a
# generated one.  Every release is checked byte-identical to the one-machine release.
set -u
. "$(dirname "$0")/lib.sh"
CLUSTER_PKGS=${CLUSTER_PKGS:-slurm-wlm munge}
T="$BENCH/cluster"
rm -rf "$T"
mkdir -p "$T"
export SOURCE_DATE_EPOCH=0
[ "$(id -u)" = 0 ] || { echo "bench-cluster: needs root for munged and slurmd; nothing measured"; exit 0; }
sh "$ROOT/tools/deps.sh" $CLUSTER_PKGS > /dev/null 2>&1 ||
	{ echo "bench-cluster: cannot install $CLUSTER_PKGS; nothing measured"; exit 0; }

if bench_corpus; then
	C="$BENCH/saudi10"
	what="saudinewsnet x10 (raw text)"
else
	sh "$ROOT/tests/cluster/corpus.sh" "$T/corpus" 600
	C="$T/corpus"
	what="generated (text, HTML, tar.gz and zip members)"
fi
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc | sed 's/^\./0./'; }

# ---- one machine, one process: the reference ----
/usr/bin/time -f "%e %M %U %S" -o "$T/one.time" "$SAHIFA" convert -j 1 -v -o "$T/one.jsonl" "$C" 2> "$T/one.err"
read -r one_s one_kb one_u one_sys <<EOF
$(tail -n 1 "$T/one.time")
EOF
inputs=$(sed -n 's/^sahifa: \([0-9]*\) inputs, \([0-9]*\) records.*/\1/p' "$T/one.err" | tail -n 1)
records=$(wc -l < "$T/one.jsonl")
jsonl_bytes=$(wc -c < "$T/one.jsonl")
raw_bytes=$(find "$C" -type f -exec cat {} + | wc -c)
/usr/bin/time -f "%e %M %U %S" -o "$T/pack1.time" "$SAHIFA" pack --name bench --version 1.0.0 \
	-o "$T/one-release" "$T/one.jsonl" > /dev/null 2> "$T/pack1.err"
read -r pack1_s pack1_kb pack1_u pack1_sys <<EOF
$(tail -n 1 "$T/pack1.time")
EOF
# pack's memory per record: the slope between a tenth of the records and all of them,
# on distinct records (the x10 corpus is nine tenths exact duplicates)
sh "$ROOT/tests/cluster/corpus.sh" "$T/distinct" 700
"$SAHIFA" convert -o "$T/distinct.jsonl" "$T/distinct" 2> /dev/null
dn=$(wc -l < "$T/distinct.jsonl")
head -n $((dn / 10)) "$T/distinct.jsonl" > "$T/tenth.jsonl"
for f in tenth distinct; do
	/usr/bin/time -f "%e %M" -o "$T/pack-$f.time" "$SAHIFA" pack --name bench --version 1.0.0 \
		-o "$T/$f-release" "$T/$f.jsonl" > /dev/null 2>&1
done
p10_kb=$(tail -n 1 "$T/pack-tenth.time" | cut -d' ' -f2)
pd_kb=$(tail -n 1 "$T/pack-distinct.time" | cut -d' ' -f2)
echo "corpus: $what, $inputs inputs, $records records, $raw_bytes raw bytes, $jsonl_bytes JSONL bytes"
echo "machine: $(nproc) cores; the cluster: 3 slurmd of 1 CPU each on this machine"
echo
printf '%-44s %8s %10s\n' "one machine" "seconds" "peak MB"
printf '%-44s %8s %10.1f\n' "convert -j 1 (one process)" "$one_s" "$(echo "$one_kb / 1024" | bc -l)"
printf '%-44s %8s %10.1f\n' "pack" "$pack1_s" "$(echo "$pack1_kb / 1024" | bc -l)"

# ---- the cluster ----
. "$ROOT/tests/cluster/cluster.sh"
trap 'cluster_stop' EXIT
trap 'exit 1' INT TERM HUP
cluster_start "$T" || { echo "bench-cluster: $CLUSTER_WHY; nothing measured on Slurm"; exit 0; }
SUBMIT="$ROOT/contrib/slurm/sahifa-slurm"
echo
printf '%-44s %8s %10s %s\n' "Slurm array (convert -j 1 per task)" "job s" "tasks s" "release"
for n in 1 2 4; do
	t0=$(now)
	"$SUBMIT" -N "$n" -o "$T/job$n" --name bench --version 1.0.0 --threads 1 \
		--sahifa "$SAHIFA" --wait "$C" > "$T/job$n.ids" 2> "$T/job$n.err"
	rc=$?
	t1=$(now)
	# tasks alone: from the first task's start to the last task's end (their logs)
	first=$(cat "$T"/job$n/logs/convert-*.log | sed -n 's/.* start \([0-9.]*\)$/\1/p' | sort -n | head -n 1)
	last=$(cat "$T"/job$n/logs/convert-*.log | sed -n 's/.* end \([0-9.]*\) exit.*/\1/p' | sort -n | tail -n 1)
	ok=same
	cmp -s "$T/one-release/bench-1.0.0.tar.gz" "$T/job$n/release/bench-1.0.0.tar.gz" || ok="DIFFERENT (exit $rc)"
	printf '%-44s %8.2f %10.2f %s\n' "$n task(s)" "$(secs "$t0" "$t1")" "$(secs "$first" "$last")" "$ok"
done
# with --dedup: each task also signs its shard; the merge job clusters once
"$SAHIFA" dedup -o "$T/one-kept.jsonl" --drops "$T/one-drops.jsonl" "$T/one.jsonl" 2> /dev/null
"$SAHIFA" pack --name bench --version 1.0.0 -o "$T/one-dedup-release" "$T/one-kept.jsonl" > /dev/null 2>&1
t0=$(now)
"$SUBMIT" -N 4 -o "$T/jobdd" --name bench --version 1.0.0 --threads 1 --dedup \
	--sahifa "$SAHIFA" --wait "$C" > "$T/jobdd.ids" 2> "$T/jobdd.err"
rc=$?
t1=$(now)
first=$(cat "$T"/jobdd/logs/convert-*.log | sed -n 's/.* start \([0-9.]*\)$/\1/p' | sort -n | head -n 1)
last=$(cat "$T"/jobdd/logs/convert-*.log | sed -n 's/.* end \([0-9.]*\) exit.*/\1/p' | sort -n | tail -n 1)
ok=same
cmp -s "$T/one-dedup-release/bench-1.0.0.tar.gz" "$T/jobdd/release/bench-1.0.0.tar.gz" || ok="DIFFERENT (exit $rc)"
printf '%-44s %8.2f %10.2f %s\n' "4 tasks, --dedup (sign per task)" "$(secs "$t0" "$t1")" "$(secs "$first" "$last")" "$ok"
cluster_stop
trap - EXIT

# ---- the merge against the number of shards (this machine, no scheduler) ----
echo
printf '%-16s %10s %10s %10s %10s\n' "merge over" "merge s" "merge MB" "pack s" "pack MB"
for n in 1 4 16 64; do
	d="$T/m$n"
	mkdir -p "$d"
	k=0
	while [ $k -lt $n ]; do
		"$SAHIFA" convert -j 2 --shard "$k/$n" -o "$d/s$k.jsonl" "$C" 2> /dev/null
		k=$((k + 1))
	done
	/usr/bin/time -f "%e %M" -o "$d/merge.time" "$SAHIFA" merge -o "$d/merged.jsonl" "$d"/s*.jsonl
	/usr/bin/time -f "%e %M" -o "$d/pack.time" "$SAHIFA" pack --name bench --version 1.0.0 \
		-o "$d/release" "$d/merged.jsonl" > /dev/null 2>&1
	read -r ms mkb <<EOF
$(tail -n 1 "$d/merge.time")
EOF
	read -r ps pkb <<EOF
$(tail -n 1 "$d/pack.time")
EOF
	cmp -s "$T/one-release/bench-1.0.0.tar.gz" "$d/release/bench-1.0.0.tar.gz" || echo "  WARNING: $n shards: release differs"
	printf '%-16s %10s %10.1f %10s %10.1f\n' "$n shards" "$ms" "$(echo "$mkb / 1024" | bc -l)" "$ps" "$(echo "$pkb / 1024" | bc -l)"
	# dedup: each shard signed as its array task does (-j 1), then the merge job's
	# dedup from those signatures, against dedup signing the merged records itself
	k=0
	set --
	: > "$d/sign.times"
	while [ $k -lt $n ]; do
		/usr/bin/time -f "%e %M %U %S" -o "$d/sign.time" "$SAHIFA" dedup -j 1 --sign "$d/s$k.sig" "$d/s$k.jsonl"
		tail -n 1 "$d/sign.time" >> "$d/sign.times"
		set -- "$@" --signatures "$d/s$k.sig"
		k=$((k + 1))
	done
	/usr/bin/time -f "%e %M %U %S" -o "$d/dd-rec.time" "$SAHIFA" dedup -j 1 -o "$d/kept-rec.jsonl" \
		--drops "$d/drops-rec.jsonl" "$d/merged.jsonl" 2> /dev/null
	/usr/bin/time -f "%e %M %U %S" -o "$d/dd-sig.time" "$SAHIFA" dedup "$@" -o "$d/kept-sig.jsonl" \
		--drops "$d/drops-sig.jsonl" "$d/merged.jsonl" 2> /dev/null
	same=same
	cmp -s "$d/kept-rec.jsonl" "$d/kept-sig.jsonl" && cmp -s "$d/drops-rec.jsonl" "$d/drops-sig.jsonl" || same=DIFFERENT
	echo "$n $(awk '{ e += $1; c += $3 + $4; if ($2 > m) m = $2 } END { print e, c, m }' "$d/sign.times") \
$(cat "$d"/s*.sig | wc -c) $(tail -n 1 "$d/dd-rec.time") $(tail -n 1 "$d/dd-sig.time") $same" >> "$T/dedup.rows"
	rm -f "$d"/s*.jsonl "$d"/s*.sig "$d/merged.jsonl" "$d"/kept-*.jsonl "$d"/drops-*.jsonl
done

# ---- dedup on a cluster: signatures per shard, clusters decided once at the merge ----
echo
printf '%-10s %22s %9s %24s %24s %s\n' "dedup" "sign tasks s (CPU s)" "sig B/rec" \
	"merge, signatures s/MB" "merge, records s/MB" "kept+drops"
while read -r n se sc sm sb rs rkb ru rsy gs gkb gu gsy same; do
	printf '%-10s %13s (%6.2f) %9.0f %15s / %6.1f %15s / %6.1f %s\n' "$n shards" "$se" "$sc" \
		"$(echo "$sb / $records" | bc -l)" "$gs" "$(echo "$gkb / 1024" | bc -l)" "$rs" \
		"$(echo "$rkb / 1024" | bc -l)" "$same"
done < "$T/dedup.rows"

# ---- per record ----
echo
python3 - "$records" "$one_s" "$one_kb" "$jsonl_bytes" "$raw_bytes" "$pack1_s" "$dn" "$pd_kb" "$p10_kb" \
	"$one_u" "$one_sys" "$pack1_u" "$pack1_sys" "$T/dedup.rows" <<'PY'
import sys
rec, cs, ckb, jb, rb, ps, dn, pkb, p10kb, cu, csy, pu, psy = (float(x) for x in sys.argv[1:14])
rows = [l.split() for l in open(sys.argv[14])]
rec = max(rec, 1)
tenth = int(dn) // 10
slope = (pkb - p10kb) * 1024 / max(dn - tenth, 1)
print("per record: convert %.2f ms (one core), %.0f raw bytes in, %.0f JSONL bytes out"
      % (cs * 1000 / rec, rb / rec, jb / rec))
print("            pack %.2f ms; pack peak %.1f MB for %d distinct records, %.1f MB for %d:"
      % (ps * 1000 / rec, pkb / 1024, dn, p10kb / 1024, tenth))
print("            %.0f bytes more per record; convert peak %.1f MB (bounded by its batch)"
      % (slope, ckb / 1024))
print("CPU per record (what a loaded machine does not change): convert %.2f ms, pack %.2f ms"
      % ((cu + csy) * 1000 / rec, (pu + psy) * 1000 / rec))
if rows:
    r = rows[0]  # one shard: the same records signed once
    sign_cpu = float(r[2]) * 1000 / rec
    sig_b = float(r[4]) / rec
    rec_cpu = (float(r[7]) + float(r[8])) * 1000 / rec
    sig_cpu = (float(r[11]) + float(r[12])) * 1000 / rec
    print("dedup per record: signing %.3f ms CPU in the array task, %.0f bytes of signatures;"
          % (sign_cpu, sig_b))
    print("            at the merge %.3f ms CPU from the signatures, %.3f ms signing itself;"
          % (sig_cpu, rec_cpu))
    print("            merge peak %.1f MB from signatures, %.1f MB from records (%s over %d shards)"
          % (float(r[10]) / 1024, float(r[6]) / 1024, rows[-1][13], int(rows[-1][0])))
PY
