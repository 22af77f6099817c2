#!/bin/sh
# Validation throughput: sahifa validate next to python3-jsonschema (Draft 2020-12) on
# the same JSONL rows and the same schema (schema/article.schema.json).
#   sh tests/bench/validate.sh FILE.jsonl
# Prints MB/s for both and the ratio.  Each side runs three times and its best wall
# time counts, process start-up included (the interpreter's for Python); sahifa uses
# its default threads (one per core).  Environment: SAHIFA (default build/sahifa).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/env.sh"
PY=/usr/bin/python3
in=${1:?usage: tests/bench/validate.sh FILE.jsonl}
bytes=$(wc -c < "$in" | tr -d ' ')
rows=$(wc -l < "$in" | tr -d ' ')

now() { date +%s.%N; }

# best CMD...: the least wall time of three runs, in seconds; fails with the command.
best() {
	b=
	for run in 1 2 3; do
		s=$(now)
		"$@" > /dev/null 2> /dev/null
		rc=$?
		e=$(now)
		[ "$rc" -le 1 ] || return 1
		b=$(awk -v b="$b" -v s="$s" -v e="$e" 'BEGIN { t = e - s; print (b == "" || t < b) ? t : b }')
	done
	echo "$b"
}

pycheck() {
	$PY - "$ROOT/schema/article.schema.json" "$in" <<'PYEOF'
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
}

ts=$(best "$SAHIFA" validate --max-errors 0 "$in") || { echo "sahifa validate failed"; exit 1; }
tp=$(best pycheck) || { echo "python3-jsonschema failed"; exit 1; }

awk -v b="$bytes" -v r="$rows" -v ts="$ts" -v tp="$tp" 'BEGIN {
	mb = b / 1e6
	printf "validate: %d rows, %.1f MB (best of 3 runs each)\n", r, mb
	printf "  sahifa validate      %7.2f s  %8.1f MB/s\n", ts, mb / ts
	printf "  python3-jsonschema   %7.2f s  %8.1f MB/s\n", tp, mb / tp
	printf "  ratio                %7.1fx\n", tp / ts
}'
