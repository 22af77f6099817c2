#!/bin/sh
# Validation throughput: sahifa validate next to python3-jsonschema (Draft 2020-12) on
# the same JSONL rows and the same schema (schema/article.schema.json), and next to
# Python's json.loads alone on the same lines (the floor of any Python checker).
#   sh tests/bench/validate.sh FILE.jsonl
# Each runs three times; the least CPU time (user + system, process start-up included,
# the interpreter's for Python) makes the ratios, since the machines are shared; the
# least wall time is shown beside it.  sahifa uses its default threads (one per core).
# Environment: SAHIFA (default build/sahifa).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/env.sh"
PY=/usr/bin/python3
in=${1:?usage: tests/bench/validate.sh FILE.jsonl}
bytes=$(wc -c < "$in" | tr -d ' ')
rows=$(wc -l < "$in" | tr -d ' ')

# best CMD...: "wall cpu", the least of each over three runs, in seconds; fails with
# the command (exit 1 is fine: some rows invalid).
best() {
	b=
	for run in 1 2 3; do
		/usr/bin/time -f "%e %U %S" -o "$tmp/time" "$@" > /dev/null 2> /dev/null
		rc=$?
		[ "$rc" -le 1 ] || { rm -f "$tmp/time"; return 1; }
		t=$(tail -n 1 "$tmp/time")
		b=$(echo "$b" "$t" | awk '{ if (NF == 3) { print $1, $2 + $3 } else {
			w = $3 < $1 ? $3 : $1; c = $4 + $5 < $2 ? $4 + $5 : $2; print w, c } }')
	done
	rm -f "$tmp/time"
	echo "$b"
}

# The Python sides as scripts, so that /usr/bin/time runs the interpreter itself.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/check.py" <<'PYEOF'
import json, sys
from jsonschema import Draft202012Validator, FormatChecker
v = Draft202012Validator(json.load(open(sys.argv[1], encoding="utf-8")), format_checker=FormatChecker())
bad = 0
with open(sys.argv[2], encoding="utf-8") as f:
    for line in f:
        if not v.is_valid(json.loads(line)):
            bad += 1
print(bad)
PYEOF
cat > "$tmp/loads.py" <<'PYEOF'
import json, sys
n = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        json.loads(line)
        n += 1
print(n)
PYEOF

if [ ! -x /usr/bin/time ]; then
	echo "bench-validate: /usr/bin/time missing (apt-get install time); nothing measured"
	exit 0
fi
ts=$(best "$SAHIFA" validate --max-errors 0 "$in") || { echo "sahifa validate failed"; exit 1; }
tl=$(best $PY "$tmp/loads.py" "$in") || { echo "python3 json.loads failed"; exit 1; }
tp=$(best $PY "$tmp/check.py" "$ROOT/schema/article.schema.json" "$in") || { echo "python3-jsonschema failed"; exit 1; }

echo "$ts $tl $tp" | awk -v b="$bytes" -v r="$rows" '{
	mb = b / 1e6
	for (i = 1; i <= 6; i++) if ($i < 0.01) $i = 0.01
	printf "validate: %d rows, %.1f MB (least of 3 runs each; ratios in CPU time)\n", r, mb
	printf "  sahifa validate      %7.2f s cpu %7.2f s wall %8.1f MB/s (cpu)\n", $2, $1, mb / $2
	printf "  python3 json.loads   %7.2f s cpu %7.2f s wall %8.1f MB/s (cpu)\n", $4, $3, mb / $4
	printf "  python3-jsonschema   %7.2f s cpu %7.2f s wall %8.1f MB/s (cpu)\n", $6, $5, mb / $6
	printf "  sahifa is %.1fx python3-jsonschema (goal: at least 40x) and %.2fx json.loads alone (goal: at least 2x)\n", $6 / $2, $4 / $2
}'
