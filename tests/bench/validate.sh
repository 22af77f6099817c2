#!/bin/sh
# Validation throughput: sahifa validate next to python3-jsonschema (Draft 2020-12) on
# the same JSONL rows and the same schema (schema/article.schema.json).
#   sh tests/bench/validate.sh FILE.jsonl
# Prints MB/s for both and the ratio.  Environment: SAHIFA (default build/sahifa).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SAHIFA=${SAHIFA:-$ROOT/build/sahifa}
PY=/usr/bin/python3
in=${1:?usage: tests/bench/validate.sh FILE.jsonl}
bytes=$(wc -c < "$in" | tr -d ' ')
rows=$(wc -l < "$in" | tr -d ' ')

now() { date +%s.%N; }

t0=$(now)
"$SAHIFA" validate --max-errors 0 "$in" > /dev/null 2> /dev/null
rc=$?
t1=$(now)
[ "$rc" -le 1 ] || { echo "sahifa validate failed (exit $rc)"; exit 1; }

$PY - "$ROOT/schema/article.schema.json" "$in" <<'PYEOF' > /dev/null
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
t2=$(now)

awk -v b="$bytes" -v r="$rows" -v s="$t0" -v m="$t1" -v e="$t2" 'BEGIN {
	ts = m - s; tp = e - m; mb = b / 1e6
	printf "validate: %d rows, %.1f MB\n", r, mb
	printf "  sahifa validate      %7.2f s  %8.1f MB/s\n", ts, mb / ts
	printf "  python3-jsonschema   %7.2f s  %8.1f MB/s\n", tp, mb / tp
	printf "  ratio                %7.1fx\n", tp / ts
}'
