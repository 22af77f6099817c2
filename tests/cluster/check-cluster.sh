#!/bin/sh
# make check-cluster: a small Slurm cluster on this machine (munged, slurmctld and
# three slurmd, cgroups off, everything in one private run directory), the
# contrib/slurm array job over the samples and a generated corpus, and the checks:
# the merged release is byte-identical to a one-machine release, a killed array task
# leaves its shard unfinished and is re-run alone, in = records + rejects + skips over
# all shards.  The daemons are stopped by PID on exit, whatever happens.
# Prints PASS/FAIL lines, or one SKIP line with the reason where Slurm cannot run here;
# writes "passed failed" to $BUILD/test-summary.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/env.sh"
CLUSTER_PKGS=${CLUSTER_PKGS:-slurm-wlm munge}
T="$BUILD/tmp-cluster"
passed=0
failed=0
summary() { echo "$passed $failed" > "$BUILD/test-summary"; echo "$passed passed, $failed failed"; }
pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }
skip() { echo "SKIP check-cluster: $1"; summary; exit 0; }
check() { # name, command...
	name=$1
	shift
	if "$@" > "$T/check.out" 2>&1; then pass "$name"; else fail "$name" "$(head -c 600 "$T/check.out" | tr '\n' ' ')"; fi
}

[ "$(id -u)" = 0 ] || skip "needs root to install and run munged and slurmd"
[ -x "$SAHIFA" ] || skip "no $SAHIFA (make first)"
sh "$ROOT/tools/deps.sh" $CLUSTER_PKGS > /dev/null 2>&1 || skip "cannot install $CLUSTER_PKGS"
for d in munged slurmctld slurmd sbatch squeue scancel sinfo; do
	command -v "$d" > /dev/null 2>&1 || skip "no $d after installing $CLUSTER_PKGS"
done
rm -rf "$T"
mkdir -p "$T"

# ---- the cluster ----
. "$ROOT/tests/cluster/cluster.sh"
trap 'cluster_stop' EXIT
trap 'exit 1' INT TERM HUP
cluster_start "$T" || skip "$CLUSTER_WHY"
pass "cluster: munged, slurmctld and 3 slurmd up"

# ---- the one-machine reference ----
export SOURCE_DATE_EPOCH=0
PACK="-s train=90,test=10"
sh "$ROOT/tests/cluster/corpus.sh" "$T/corpus" 40
one() { # inputs-name, inputs...
	n=$1
	shift
	"$SAHIFA" convert -o "$T/$n.jsonl" "$@" 2> /dev/null
	"$SAHIFA" convert -v -o "$T/$n.jsonl" "$@" 2>&1 | sed -n 's/^sahifa: \([0-9]*\) inputs.*/\1/p' > "$T/$n.inputs"
	"$SAHIFA" pack --name "$n" --version 1.0.0 $PACK -o "$T/$n-release" "$T/$n.jsonl" > /dev/null
}
one samples "$ROOT/samples"
one corpus "$T/corpus"
# and with duplicates dropped over the whole corpus at once
"$SAHIFA" dedup -o "$T/corpus-kept.jsonl" --drops "$T/corpus-drops.jsonl" "$T/corpus.jsonl" 2> /dev/null
"$SAHIFA" pack --name corpus --version 1.0.0 $PACK -o "$T/dedup-release" "$T/corpus-kept.jsonl" > /dev/null

# A sahifa for the array tasks that notes where each task ran and, when armed, stops
# the convert of shard 1 once it has started, so that the test can kill that task.
cat > "$T/sahifa-task" <<EOF
#!/bin/sh
echo "\${SLURM_ARRAY_TASK_ID:--} \${SLURMD_NODENAME:--} \$1" >> "$T/nodes.log"
case " \$* " in
*" --sign "*) echo "\${SLURM_ARRAY_TASK_ID:--} sign" >> "$T/signs.log" ;;
*" --signatures "*) echo "\${SLURM_ARRAY_TASK_ID:--} signatures \$(echo "\$*" | grep -o -- '--signatures' | wc -l)" >> "$T/signs.log" ;;
esac
if [ "\${SLURM_ARRAY_TASK_ID:-}" = 1 ] && [ "\$1" = convert ] && [ -e "$T/stall" ]; then
	rm -f "$T/stall"
	"$SAHIFA" "\$@" &
	pid=\$!
	kill -STOP \$pid
	echo \$pid > "$T/stalled"
	wait \$pid
	exit \$?
fi
exec "$SAHIFA" "\$@"
EOF
chmod 755 "$T/sahifa-task"
# a job that hangs fails the check instead of holding the run
submit() { timeout 180 "$ROOT/contrib/slurm/sahifa-slurm" "$@"; }

# ---- samples: 2 shards ----
submit -N 2 -o "$T/job-samples" --name samples --version 1.0.0 --pack "$PACK" \
	--sahifa "$T/sahifa-task" --wait "$ROOT/samples" > "$T/submit-samples.out" 2>&1
check "slurm: array of 2 over the samples, then the merge job, exit 0" test $? -eq 0
check "slurm: samples release byte-identical to the one-machine release" \
	cmp "$T/samples-release/samples-1.0.0.tar.gz" "$T/job-samples/release/samples-1.0.0.tar.gz"

# ---- the corpus: 4 shards, one task killed midway ----
: > "$T/stall"
: > "$T/nodes.log"
submit -N 4 -o "$T/job" --name corpus --version 1.0.0 --pack "$PACK" \
	--sahifa "$T/sahifa-task" "$T/corpus" > "$T/submit.ids" 2> "$T/submit.out"
read -r array merge < "$T/submit.ids"
i=0
while [ $i -lt 150 ] && [ ! -s "$T/stalled" ]; do sleep 0.2; i=$((i + 1)); done
check "slurm: task 1 of the array is running (stopped midway)" test -s "$T/stalled"
scancel "${array}_1"
i=0
while [ $i -lt 300 ] && squeue -h -j "$array,$merge" 2>/dev/null | grep -q .; do
	sleep 0.2
	i=$((i + 1))
done
check "slurm: the array and the merge job are gone after the kill" sh -c "! squeue -h -j '$array,$merge' | grep -q ."
check "killed: no release from a run with a killed task" test ! -e "$T/job/release/corpus-1.0.0.tar.gz"
check "killed: the killed shard has no sidecar" test ! -e "$T/job/shards/shard-1.jsonl.shard"
"$SAHIFA" merge --check "$T"/job/shards/shard-[0-9].jsonl > "$T/merge-check.out" 2>&1
check "killed: merge refuses the run: shard 1 of 4 is missing" \
	sh -c "[ $? -eq 1 ] && grep -q 'shard 1 of 4 is missing' '$T/merge-check.out'"
: > "$T/nodes.log"
submit --missing -o "$T/job" --wait > "$T/rerun.out" 2>&1
check "re-run: --missing runs shard 1 alone, then the merge, exit 0" \
	sh -c "[ $? -eq 0 ] && grep -q 'shards 1 of 4' '$T/rerun.out' && [ \$(grep -c ' convert\$' '$T/nodes.log') -eq 1 ]"
check "re-run: corpus release byte-identical to the one-machine release" \
	cmp "$T/corpus-release/corpus-1.0.0.tar.gz" "$T/job/release/corpus-1.0.0.tar.gz"
check "re-run: merged records as many as the one-machine run's" \
	test "$(wc -l < "$T/job/merged.jsonl")" -eq "$(wc -l < "$T/corpus.jsonl")"
sum() { cat "$T"/job/shards/shard-*.jsonl.shard | sed -n "s/^  \"$1\": \([0-9]*\),*$/\1/p" | awk '{ s += $1 } END { print s + 0 }'; }
in_all=$(cat "$T/corpus.inputs")
r=$(sum records)
j=$(sum rejects)
s=$(sum skipped)
check "counts: in $in_all = records $r + rejects $j + skips $s over all shards" \
	sh -c "[ $(sum inputs) -eq $in_all ] && [ $((r + j + s)) -eq $in_all ] && [ $j -gt 0 ]"
check "counts: the merged rejects list every reject once" test "$(wc -l < "$T/job/rejects.jsonl")" -eq "$j"
# where the first run's tasks ran: more than one node; duplicates dropped at the merge
: > "$T/signs.log"
submit -N 4 -o "$T/job-spread" --name corpus --version 1.0.0 --pack "$PACK" --dedup \
	--sahifa "$T/sahifa-task" --wait "$T/corpus" > "$T/spread.out" 2>&1
nodes=$(awk '$3 == "convert" { print $2 }' "$T/nodes.log" | sort -u | wc -l)
check "slurm: the array tasks ran on $nodes nodes" test "$nodes" -ge 2
dropped=$(wc -l < "$T/corpus-drops.jsonl")
check "dedup: $dropped duplicates dropped at the merge, release byte-identical to the one-machine one" \
	sh -c "[ $dropped -gt 0 ] && cmp '$T/dedup-release/corpus-1.0.0.tar.gz' '$T/job-spread/release/corpus-1.0.0.tar.gz' && [ \$(wc -l < '$T/job-spread/drops.jsonl') -eq $dropped ]"
# the per-shard phase: each array task signed its shard, the merge read the signatures
signs=$(LC_ALL=C sort "$T/signs.log" | tr '\n' ' ')
check "dedup: each array task signed its shard, the merge job read the 4 signature files ($signs)" \
	sh -c "[ '$signs' = '- signatures 4 0 sign 1 sign 2 sign 3 sign ' ] && grep -q '^shard 2/4$' '$T/job-spread/shards/shard-2.sig'"
"$SAHIFA" dedup -o "$T/spread-kept.jsonl" --drops "$T/spread-drops.jsonl" "$T/job-spread/merged.jsonl" 2> /dev/null
check "dedup: kept records and drops from the shards' signatures byte-identical to sahifa dedup on one machine" \
	sh -c "cmp '$T/spread-kept.jsonl' '$T/job-spread/kept.jsonl' && cmp '$T/spread-drops.jsonl' '$T/job-spread/drops.jsonl'"
# a shard whose signing was lost (task killed after its convert) is run again alone
rm -f "$T/job-spread/shards/shard-2.sig" "$T/job-spread/release/corpus-1.0.0.tar.gz"
: > "$T/nodes.log"
submit --missing -o "$T/job-spread" --wait > "$T/rerun-sig.out" 2>&1
check "re-run: --missing runs the shard without signatures alone, then the merge, exit 0" \
	sh -c "[ $? -eq 0 ] && grep -q 'shards 2 of 4' '$T/rerun-sig.out' && [ \$(grep -c ' convert\$' '$T/nodes.log') -eq 1 ]"
check "re-run: the deduplicated release is still byte-identical to the one-machine one" \
	cmp "$T/dedup-release/corpus-1.0.0.tar.gz" "$T/job-spread/release/corpus-1.0.0.tar.gz"
# a signature file of another run is refused by the merge job: no release
cp "$T/job-spread/shards/shard-1.sig" "$T/shard-1.sig.good"
{ head -n 3 "$T/job-spread/shards/shard-1.sig"; echo "run $(printf '%064d' 0)"; tail -n +5 "$T/job-spread/shards/shard-1.sig"; } > "$T/foreign.sig"
mv "$T/foreign.sig" "$T/job-spread/shards/shard-1.sig"
rm -f "$T/job-spread/release/corpus-1.0.0.tar.gz"
submit --missing -o "$T/job-spread" --wait > "$T/foreign.out" 2>&1
rc=$?
check "dedup: the merge job refuses a signature file of another run (exit $rc), no release" \
	sh -c "[ $rc -ne 0 ] && grep -q 'shard-1.sig:4: from another run' '$T'/job-spread/logs/merge-*.log && [ ! -e '$T/job-spread/release/corpus-1.0.0.tar.gz' ]"
mv "$T/shard-1.sig.good" "$T/job-spread/shards/shard-1.sig"

pids=$(cat "$RUN"/*.pid 2>/dev/null)
cluster_stop
trap - EXIT
left=0
for p in $pids; do alive "$p" && left=$((left + 1)); done
check "cluster: no daemon left after the stop ($(echo $pids | wc -w) stopped)" test "$left" -eq 0
summary
[ "$failed" -eq 0 ]
