#!/bin/sh
# sahifa validate against an independent oracle: python3-jsonschema (Draft 2020-12,
# FormatChecker) must give the same verdict, row by row, on tests/data/validate/rows.jsonl
# (rows written for this test, each valid or invalid in one way; rows.expect says which).
set -u
ROOT=${ROOT:-$(pwd)}
BUILD=${BUILD:-build}
SAHIFA=${SAHIFA:-$BUILD/sahifa}
PY=/usr/bin/python3
data="$ROOT/tests/data/validate"
tmp="$BUILD/tmp-validate-oracle"
rm -rf "$tmp"
mkdir -p "$tmp"

if ! $PY -c 'import jsonschema; jsonschema.Draft202012Validator' 2>/dev/null; then
	echo "FAIL validate-oracle: /usr/bin/python3 lacks jsonschema with Draft 2020-12 (apt-get install python3-jsonschema)"
	exit 0
fi

# sahifa: the lines named in its messages are the invalid rows.
"$SAHIFA" validate --max-errors 0 "$data/rows.jsonl" 2> "$tmp/sahifa.err" > /dev/null
rc=$?
sed -n 's/^sahifa: [^:]*rows\.jsonl:\([0-9]*\):.*/\1/p' "$tmp/sahifa.err" | sort -n -u > "$tmp/sahifa.bad"

# python3-jsonschema on the same rows and the same schema file.
$PY - "$ROOT/schema/article.schema.json" "$data/rows.jsonl" > "$tmp/python.bad" <<'PYEOF'
import json, sys
from jsonschema import Draft202012Validator, FormatChecker
schema = json.load(open(sys.argv[1], encoding="utf-8"))
Draft202012Validator.check_schema(schema)
v = Draft202012Validator(schema, format_checker=FormatChecker())
with open(sys.argv[2], encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        if not v.is_valid(json.loads(line)):
            print(n)
PYEOF
[ $? -eq 0 ] || echo "FAIL validate-oracle: python3-jsonschema did not run"

sed -n 's/^\([0-9]*\) invalid .*/\1/p' "$data/rows.expect" | sort -n > "$tmp/expect.bad"
rows=$(wc -l < "$data/rows.jsonl" | tr -d ' ')
bad=$(wc -l < "$tmp/expect.bad" | tr -d ' ')

if cmp -s "$tmp/sahifa.bad" "$tmp/python.bad"; then
	echo "PASS validate-oracle: sahifa and python3-jsonschema agree on all $rows rows"
else
	echo "FAIL validate-oracle: verdicts differ (rows invalid for one only: $(sort -n "$tmp/sahifa.bad" "$tmp/python.bad" | uniq -u | tr '\n' ' '))"
fi
if cmp -s "$tmp/sahifa.bad" "$tmp/expect.bad"; then
	echo "PASS validate-oracle-expected: the $bad invalid rows of rows.expect, and only those"
else
	echo "FAIL validate-oracle-expected: sahifa's invalid rows differ from rows.expect"
fi
if [ "$rc" -eq 1 ]; then
	echo "PASS validate-oracle-exit: exit status 1 for a file with invalid rows"
else
	echo "FAIL validate-oracle-exit: exit status $rc, want 1"
fi
# Each invalid row is invalid in one way: one message per row.
msgs=$(grep -c 'rows\.jsonl:[0-9]*:' "$tmp/sahifa.err")
if [ "$msgs" -eq "$bad" ]; then
	echo "PASS validate-oracle-one-error-each: $msgs messages for $bad invalid rows"
else
	echo "FAIL validate-oracle-one-error-each: $msgs messages for $bad invalid rows"
fi
