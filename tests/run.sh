#!/bin/sh
# Run every test layer and print "N passed, N failed, N skipped" last.
#   unit:    $BUILD/tests/test_* (C, one per module), each ends with "RESULT p f"
#   cli:     tests/cli/<case>/ golden cases (cmd, optional stdin, expected_*)
#   scripts: tests/scripts/*.sh, each prints "PASS name" / "FAIL name: why" lines
# Any layer may print "SKIP name: why" for a test it cannot run here (no $SHARED, a
# missing tool): it is counted as skipped, never as passed.
# Environment: SAHIFA (the binary), BUILD; SHARED is ../shared when it exists.
# UPDATE=1 regenerates the golden files of the cli cases.
# ONLY="pattern ..." runs only the tests whose name contains one of the patterns.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/tests/env.sh"
ONLY=${ONLY:-}
passed=0
failed=0
skipped=0
log="$BUILD/test-log"
mkdir -p "$log"

selected() {
	[ -z "$ONLY" ] && return 0
	for pat in $ONLY; do
		case "$1" in *"$pat"*) return 0 ;; esac
	done
	return 1
}

# Count PASS/FAIL/RESULT lines of one test's output; a non-zero exit with no failure
# reported counts as one failure, so a crash is never silent.
tally() { # name rc outfile
	p=$(grep -c '^PASS ' "$3")
	f=$(grep -c '^FAIL ' "$3")
	k=$(grep -c '^SKIP ' "$3")
	r=$(sed -n 's/^RESULT \([0-9]*\) \([0-9]*\)$/\1 \2/p' "$3" | tail -n 1)
	if [ -n "$r" ]; then
		p=$((p + ${r% *}))
		f=$((f + ${r#* }))
	fi
	if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "FAIL $1: exited $2"
		f=1
	fi
	grep '^FAIL \|^SKIP ' "$3"
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + k))
	printf '%-40s %4d passed, %d failed, %d skipped\n' "$1" "$p" "$f" "$k"
}

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	name=unit/$(basename "$t")
	selected "$name" || continue
	out="$log/$(basename "$t").out"
	(cd "$ROOT" && "$t") > "$out" 2>&1
	tally "$name" $? "$out"
done

out="$log/cli.out"
if selected cli; then
	sh "$ROOT/tests/cli/run-cli.sh" > "$out" 2>&1
	tally "cli" $? "$out"
fi

for s in "$ROOT"/tests/scripts/*.sh; do
	[ -f "$s" ] || continue
	name=scripts/$(basename "$s" .sh)
	selected "$name" || continue
	out="$log/$(basename "$s" .sh).out"
	(cd "$ROOT" && sh "$s") > "$out" 2>&1
	tally "$name" $? "$out"
done

echo "$passed $failed $skipped" > "$BUILD/test-summary"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
