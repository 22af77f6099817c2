#!/bin/sh
# Crash consistency: convert and pack killed with SIGKILL at random points never leave
# a partial file under a final name; whatever they leave is a dot-named temporary that
# the next run skips (and reports) and does not trip over.
set -u
: "${SAHIFA:?}" "${ROOT:?}" "${BUILD:?}"
T="$BUILD/tmp-crash"
rm -rf "$T"
mkdir -p "$T/in" "$T/out"
trap 'rm -rf "$T"' EXIT
S="$ROOT/samples"
ROUNDS=${CRASH_ROUNDS:-12}
pass() { echo "PASS crash/$1"; }
fail() { echo "FAIL crash/$1: $2"; }

for i in $(seq 1 60); do for f in "$S"/*.txt; do cp "$f" "$T/in/$i-$(basename "$f")"; done; done
n_in=$(ls "$T/in" | wc -l)
python3 "$ROOT/tests/scripts/pack-records.py" many 3000 a > "$T/recs.jsonl"

# delay ROUND: a pseudo-random pause of 0 to 0.4 s, the same for the same round
delay() { awk -v s="$1" 'BEGIN { srand(s * 7919); printf "%.3f", rand() * 0.4 }'; }

# A final name holds either nothing or a whole, valid file.
bad=
for r in $(seq 1 "$ROUNDS"); do
	"$SAHIFA" convert -j 2 -o "$T/in/out.jsonl" --rejects "$T/in/rej.jsonl" "$T/in" 2> /dev/null &
	pid=$!
	sleep "$(delay "$r")"
	kill -9 $pid 2> /dev/null
	wait $pid 2> /dev/null
	if [ -e "$T/in/out.jsonl" ]; then
		lines=$(wc -l < "$T/in/out.jsonl")
		python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1], "rb")]' "$T/in/out.jsonl" 2> /dev/null ||
			bad="$bad round $r: out.jsonl is not whole JSONL;"
		[ "$lines" -eq "$n_in" ] || bad="$bad round $r: out.jsonl has $lines of $n_in records;"
	fi
	for f in $(ls -A "$T/in" | grep -v -- '-[a-z][a-z]-.*\.txt$'); do
		case "$f" in
		out.jsonl|rej.jsonl|.out.jsonl.tmp-??????|.rej.jsonl.tmp-??????) ;;
		*) bad="$bad round $r: left '$f';" ;;
		esac
	done
	rm -f "$T/in/out.jsonl" "$T/in/rej.jsonl"
done
[ -z "$bad" ] && pass "convert killed $ROUNDS times: no partial output" || fail convert-kill "$bad"

# The next run over the leftovers converts every input once and reports the temporaries.
left=$(ls -A "$T/in" | grep -c '^\.')
"$SAHIFA" convert -v -o "$T/in/out.jsonl" "$T/in" 2> "$T/next.err"
rc=$?
lines=$(wc -l < "$T/in/out.jsonl")
if [ $rc -eq 0 ] && [ "$lines" -eq "$n_in" ] &&
	{ [ "$left" -eq 0 ] || grep -q "temporary $left" "$T/next.err"; }; then
	pass "convert after the kills: $lines records, $left leftovers skipped"
else
	fail convert-next "exit $rc, $lines of $n_in records, $left leftovers: $(cat "$T/next.err")"
fi

bad=
for r in $(seq 1 "$ROUNDS"); do
	"$SAHIFA" pack --name c --version 1.0.0 --shard-size 200K -o "$T/out" "$T/recs.jsonl" > /dev/null 2>&1 &
	pid=$!
	sleep "$(delay "$((r + 100))")"
	kill -9 $pid 2> /dev/null
	wait $pid 2> /dev/null
	if [ -e "$T/out/c-1.0.0.tar.gz" ]; then
		"$SAHIFA" validate "$T/out/c-1.0.0.tar.gz" > /dev/null 2>&1 ||
			bad="$bad round $r: c-1.0.0.tar.gz does not validate;"
		rm -f "$T/out/c-1.0.0.tar.gz"
	fi
	for f in $(ls -A "$T/out"); do
		case "$f" in
		.c-1.0.0.tar.gz.tmp-??????|.sahifa-pack-??????) ;;
		*) bad="$bad round $r: left '$f';" ;;
		esac
	done
done
[ -z "$bad" ] && pass "pack killed $ROUNDS times: no partial release" || fail pack-kill "$bad"
"$SAHIFA" pack --name c --version 1.0.0 --shard-size 200K -o "$T/out" "$T/recs.jsonl" > /dev/null 2> "$T/pack.err"
rc=$?
if [ $rc -eq 0 ] && "$SAHIFA" validate "$T/out/c-1.0.0.tar.gz" > /dev/null 2>&1; then
	pass "pack after the kills: a valid release"
else
	fail pack-next "exit $rc: $(cat "$T/pack.err")"
fi
