#!/bin/sh
# Hostile inputs, one case per way an input could be lost or corrupted: each asserts the
# exit status, the message, and that every input is a record, a reject or a counted skip
# (in = records + rejects + skipped).  The sanity limits of include/sahifa/limits.h are
# hit here or in tests/unit.
set -u
: "${SAHIFA:?}" "${ROOT:?}" "${BUILD:?}"
T="$BUILD/tmp-hostile"
rm -rf "$T"
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT
S="$ROOT/samples"
gen="$ROOT/tests/scripts/pack-records.py"

pass() { echo "PASS hostile/$1"; }
fail() { echo "FAIL hostile/$1: $2"; }

# run NAME CMD...: runs CMD with stdout in $T/NAME.out, stderr in $T/NAME.err, rc in $rc
run() {
	n=$1
	shift
	"$@" > "$T/$n.out" 2> "$T/$n.err"
	rc=$?
}
# expect NAME RC REGEX: the last run's exit status is RC and stderr matches REGEX
# (an empty REGEX: stderr is empty); extra checks go in $why (empty: all good).
expect() {
	if [ "$rc" -ne "$2" ]; then
		fail "$1" "exit $rc, wanted $2: $(head -c 400 "$T/$1.err" | tr '\n' ' ')"
	elif [ -n "$3" ] && ! grep -Eq -- "$3" "$T/$1.err"; then
		fail "$1" "no message /$3/: $(head -c 400 "$T/$1.err" | tr '\n' ' ')"
	elif [ -z "$3" ] && [ -s "$T/$1.err" ]; then
		fail "$1" "unexpected message: $(head -c 400 "$T/$1.err" | tr '\n' ' ')"
	elif [ -n "${why:-}" ]; then
		fail "$1" "$why"
	else
		pass "$1"
	fi
	why=
}
# balance NAME RECORDS_FILE: convert's -v summary says in = records + rejects + skipped,
# and RECORDS_FILE holds as many lines as records; sets why when not.
balance() {
	line=$(grep -E '^sahifa: [0-9]+ inputs, ' "$T/$1.err" | tail -n 1)
	set -- $(echo "$line" | sed -E 's/^sahifa: ([0-9]+) inputs, ([0-9]+) records, ([0-9]+) rejected.*/\1 \2 \3/') "$2"
	if [ $# -ne 4 ]; then why="no summary line"; return; fi
	sk=$(echo "$line" | sed -nE 's/.* ([0-9]+) skipped.*/\1/p')
	sk=${sk:-0}
	lines=$(wc -l < "$4")
	if [ $(($2 + $3 + sk)) -ne "$1" ]; then why="$1 inputs but $2 records + $3 rejects + $sk skipped"
	elif [ "$lines" -ne "$2" ]; then why="$2 records said, $lines written"; fi
}
valid_jsonl() { # FILE: every line is strict JSON in valid UTF-8
	python3 -c '
import json, sys
for i, l in enumerate(open(sys.argv[1], "rb")):
    json.loads(l.decode("utf-8"))
' "$1" 2> /dev/null
}

python3 "$gen" many 100 a > "$T/many.jsonl"

# ---- critical and high ----

# 1. pack at 63 shards or more: the CSV members' places survive the member table growing
run pack-shards "$SAHIFA" pack --name r --version 1.0.0 --shard-size 1 -o "$T/p1" "$T/many.jsonl"
[ $rc -eq 0 ] && ! "$SAHIFA" validate "$T/p1/r-1.0.0.tar.gz" > /dev/null 2>&1 && why="validate fails"
rc1=$rc; run pack-shards-v "$SAHIFA" validate "$T/p1/r-1.0.0.tar.gz"; [ $rc -ne 0 ] && why="validate: $(cat "$T/pack-shards-v.err")"
rc=$rc1; expect pack-shards 0 ""
