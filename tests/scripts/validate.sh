#!/bin/sh
# sahifa validate on releases built here by hand (tests/data/validate/mkrelease.py) from
# the valid rows of tests/data/validate/rows.jsonl: a good release as a directory,
# .tar.gz and .zip, then broken copies, each of which must be named with file and line.
set -u
ROOT=${ROOT:-$(pwd)}
BUILD=${BUILD:-build}
SAHIFA=${SAHIFA:-$BUILD/sahifa}
PY=/usr/bin/python3
MK="$ROOT/tests/data/validate/mkrelease.py"
ROWS="$ROOT/tests/data/validate/rows.jsonl"
T="$BUILD/tmp-validate-releases"
rm -rf "$T"
mkdir -p "$T"

# name status pattern command...: run, then check the exit status and that stderr
# holds the pattern (grep -E).
expect() {
	name=$1 want=$2 pat=$3
	shift 3
	"$@" > "$T/out" 2> "$T/err"
	rc=$?
	if [ "$rc" -ne "$want" ]; then
		echo "FAIL $name: exit $rc, want $want"; sed 's/^/    /' "$T/err" | head -n 5
	elif [ -n "$pat" ] && ! grep -Eq -- "$pat" "$T/err"; then
		echo "FAIL $name: no message matching '$pat'"; sed 's/^/    /' "$T/err" | head -n 5
	else
		echo "PASS $name"
	fi
}

# A fresh good release named $1 under $T.
fresh() {
	rm -rf "$T/$1"
	$PY "$MK" build "$ROWS" "$ROOT" "$T/$1"
}
tarit() { (cd "$T" && $PY "$MK" tar "$@"); }

fresh news-1.0.0
expect validate-release-dir 0 '1[0-9] files, 23 rows, 0 errors' "$SAHIFA" validate "$T/news-1.0.0"
tarit news-1.0.0 news-1.0.0.tar.gz
expect validate-release-tar 0 ', 0 errors' "$SAHIFA" validate "$T/news-1.0.0.tar.gz"
(cd "$T" && zip -qrX news-1.0.0.zip news-1.0.0)
expect validate-release-zip 0 ', 0 errors' "$SAHIFA" validate "$T/news-1.0.0.zip"
expect validate-json-report 0 '' "$SAHIFA" validate --format json "$T/news-1.0.0.tar.gz"
if $PY -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["valid"] and r["rows"]==23 and not r["errors"]' "$T/out"; then
	echo "PASS validate-json-report-content"
else
	echo "FAIL validate-json-report-content: $(head -c 200 "$T/out")"
fi

# A wrong type in a shard row (re-sealed, so only that is wrong).
fresh b-1.0.0
sed -i '3s/"lines":13/"lines":"13"/' "$T/b-1.0.0/data/train-00000-of-00001.jsonl"
$PY "$MK" seal "$T/b-1.0.0"
expect validate-wrong-type 1 'b-1\.0\.0/data/train-00000-of-00001\.jsonl:3: expected integer, got string .13. \(at /stats/lines\)' \
	"$SAHIFA" validate "$T/b-1.0.0"

# A truncated last line.
fresh c-1.0.0
f="$T/c-1.0.0/data/test-00000-of-00001.jsonl"
head -c 500 "$f" > "$f.cut" && mv "$f.cut" "$f"
$PY "$MK" seal "$T/c-1.0.0"
expect validate-truncated-line 1 'c-1\.0\.0/data/test-00000-of-00001\.jsonl:1:[0-9]+: JSON syntax error' \
	"$SAHIFA" validate "$T/c-1.0.0"

# An invalid UTF-8 byte in a headline, line 1 of the train shard.
fresh d-1.0.0
$PY - "$T/d-1.0.0/data/train-00000-of-00001.jsonl" <<'PYEOF'
import sys
p = sys.argv[1]; b = open(p, "rb").read()
i = b.index("معرض".encode())
open(p, "wb").write(b[:i] + b"\xff" + b[i + 1:])
PYEOF
$PY "$MK" seal "$T/d-1.0.0"
expect validate-bad-utf8 1 'd-1\.0\.0/data/train-00000-of-00001\.jsonl:1:[0-9]+: invalid UTF-8 byte 0xFF' \
	"$SAHIFA" validate "$T/d-1.0.0"

# A CSV row short of a field (the last field of articles.csv line 3 dropped).
fresh e-1.0.0
sed -i '3s/,[^,]*\r$/\r/' "$T/e-1.0.0/data/articles.csv"
$PY "$MK" seal "$T/e-1.0.0"
expect validate-csv-short-row 1 'e-1\.0\.0/data/articles\.csv:3: row has 24 fields, expected 25' \
	"$SAHIFA" validate "$T/e-1.0.0"

# A byte changed behind the manifest's back.
fresh f-1.0.0
sed -i 's/fixture/fixtures/' "$T/f-1.0.0/README.md"
expect validate-changed-byte 1 'f-1\.0\.0/README\.md: SHA-256 [0-9a-f]{64} differs from manifest\.json' \
	"$SAHIFA" validate "$T/f-1.0.0"
expect validate-changed-bytes-count 1 'f-1\.0\.0/README\.md: 38 bytes, but manifest\.json says 37' \
	"$SAHIFA" validate "$T/f-1.0.0"

# A member listed in the manifest but missing.
fresh g-1.0.0
rm "$T/g-1.0.0/chart.svg"
expect validate-missing-member 1 'g-1\.0\.0/chart\.svg: listed in manifest\.json but missing' \
	"$SAHIFA" validate "$T/g-1.0.0"

# An extra member the manifest does not list.
fresh h-1.0.0
echo extra > "$T/h-1.0.0/notes.txt"
expect validate-extra-member 1 'h-1\.0\.0/notes\.txt: not listed in manifest\.json' \
	"$SAHIFA" validate "$T/h-1.0.0"

# A member named ../ in an archive, and a symbolic link.
fresh i-1.0.0
tarit i-1.0.0 i-1.0.0.tar.gz ../evil.txt owned
expect validate-dotdot-member 1 'i-1\.0\.0\.tar\.gz!\.\./evil\.txt: unsafe member name' \
	"$SAHIFA" validate "$T/i-1.0.0.tar.gz"
tarit i-1.0.0 i-link-1.0.0.tar.gz --link
mv "$T/i-link-1.0.0.tar.gz" "$T/i-1.0.0-link.tar.gz"
expect validate-link-member 1 'i-1\.0\.0/data/link\.jsonl: a link' \
	"$SAHIFA" validate "$T/i-1.0.0-link.tar.gz"

# A zip bomb: a small archive whose member expands far past the limit.
fresh j-1.0.0
head -c 20000000 /dev/zero > "$T/j-1.0.0/README.md"
$PY "$MK" seal "$T/j-1.0.0"
tarit j-1.0.0 j-1.0.0.tar.gz
size=$(wc -c < "$T/j-1.0.0.tar.gz")
expect validate-zip-bomb 1 'j-1\.0\.0\.tar\.gz(!j-1\.0\.0/README\.md: archive expands past|: more than) 1000000( uncompressed)? bytes' \
	"$SAHIFA" validate --max-uncompressed 1000000 "$T/j-1.0.0.tar.gz"
[ "$size" -lt 200000 ] && echo "PASS validate-zip-bomb-small ($size bytes compressed)" ||
	echo "FAIL validate-zip-bomb-small: $size bytes compressed"

# The CSVs disagree with the JSONL: a headline changed in articles.csv.
fresh k-1.0.0
sed -i '2s/افتتاح/اختتام/' "$T/k-1.0.0/data/articles.csv"
$PY "$MK" seal "$T/k-1.0.0"
expect validate-csv-disagrees 1 "k-1\.0\.0/data/articles\.csv:2: field 'headline' of article '[0-9a-f]{32}' differs from its JSONL record" \
	"$SAHIFA" validate "$T/k-1.0.0"

# A paragraph text changed in paragraphs.csv.
fresh l-1.0.0
sed -i '3s/المعرض/المعارض/' "$T/l-1.0.0/data/paragraphs.csv"
$PY "$MK" seal "$T/l-1.0.0"
expect validate-paragraph-disagrees 1 "l-1\.0\.0/data/paragraphs\.csv:[0-9]+: paragraph [0-9]+ of article '[0-9a-f]{32}' differs" \
	"$SAHIFA" validate "$T/l-1.0.0"

# The same id in two shards (splits not disjoint).
fresh m-1.0.0
head -n 1 "$T/m-1.0.0/data/train-00000-of-00001.jsonl" >> "$T/m-1.0.0/data/test-00000-of-00001.jsonl"
$PY "$MK" seal "$T/m-1.0.0"
expect validate-duplicate-id 1 "m-1\.0\.0/data/train-00000-of-00001\.jsonl:1: duplicate id '[0-9a-f]{32}' \(first in .*test-00000-of-00001\.jsonl:2\)" \
	"$SAHIFA" validate "$T/m-1.0.0"

# A shard whose rows articles.csv puts in another split.
fresh n-1.0.0
sed -i '2s/,test,/,train,/' "$T/n-1.0.0/data/articles.csv"
$PY "$MK" seal "$T/n-1.0.0"
expect validate-split-mismatch 1 "n-1\.0\.0/data/articles\.csv:2: article '[0-9a-f]{32}' is in split 'train' here but in shard data/test-00000-of-00001\.jsonl" \
	"$SAHIFA" validate "$T/n-1.0.0"

# --max-errors stops early; usage and i/o exit codes.
expect validate-max-errors 1 'stopped after 3 errors' "$SAHIFA" validate --max-errors 3 "$ROWS"
expect validate-missing-file 3 'nope\.jsonl: cannot open' "$SAHIFA" validate "$T/nope.jsonl"
expect validate-unknown-kind 2 'cannot tell what to check' "$SAHIFA" validate "$MK"
expect validate-bad-schema 2 'unsupported keyword' "$SAHIFA" validate --schema "$ROOT/tests/cli/validate-unsupported-keyword/schema.json" "$ROWS"

# The named limits: a JSONL line past SAHIFA_MAX_JSONL_LINE_BYTES (64 MiB), then the
# next line still checked; a CSV field past SAHIFA_MAX_CSV_FIELD_BYTES (16 MiB).
{ head -c 67108870 /dev/zero | tr '\000' ' '; echo; echo '[]'; } > "$T/long.jsonl"
expect validate-line-limit 1 'long\.jsonl:1: line longer than 67108864 bytes' "$SAHIFA" validate "$T/long.jsonl"
expect validate-line-limit-next 1 'long\.jsonl:2: expected object, got array' "$SAHIFA" validate "$T/long.jsonl"
rm -f "$T/long.jsonl"
{ printf 'a\r\n"'; head -c 17000000 /dev/zero | tr '\000' 'x'; printf '"\r\n'; } > "$T/big.csv"
printf '{"fields":[{"name":"a","type":"string"}]}' > "$T/one.table.json"
expect validate-csv-field-limit 1 'big\.csv:2: CSV field larger than 16777216 bytes' \
	"$SAHIFA" validate --table-schema "$T/one.table.json" "$T/big.csv"
rm -f "$T/big.csv"

# Threads never change the output: a file of several batches (SAHIFA_VALIDATE_BATCH
# lines) with errors of every kind spread through it, checked with -j 1 and -j 4.
$PY - "$ROWS" "$T/many.jsonl" <<'PYEOF'
import sys
rows = [l.rstrip("\n").encode() for l in open(sys.argv[1], "rb").read().decode().splitlines()]
out = []
for i in range(3500):
    r = rows[i % len(rows)]
    k = i % 11
    if k == 1:
        r = r.replace(b'"lines":', b'"lines":"x","y":', 1)
    elif k == 3:
        r = r[: len(r) // 2]
    elif k == 5:
        r = b""
    elif k == 7:
        r = r.replace(b'"', b'"\xff', 1)
    elif k == 9:
        r = b"[" * 70 + b"]" * 70
    out.append(r)
open(sys.argv[2], "wb").write(b"\n".join(out) + b"\n")
PYEOF
same_threads() {
	name=$1
	shift
	"$SAHIFA" validate -j 1 "$@" > "$T/j1.out" 2> "$T/j1.err"
	rc1=$?
	"$SAHIFA" validate -j 4 "$@" > "$T/j4.out" 2> "$T/j4.err"
	rc4=$?
	n=$(wc -l < "$T/j1.err")
	if [ "$rc1" -ne 1 ] || [ "$rc4" -ne 1 ]; then
		echo "FAIL $name: exit $rc1 with -j 1, $rc4 with -j 4 (want 1)"
	elif [ "$n" -lt "${MIN_LINES:-2}" ]; then
		echo "FAIL $name: only $n lines of messages"
	elif ! cmp -s "$T/j1.err" "$T/j4.err" || ! cmp -s "$T/j1.out" "$T/j4.out"; then
		echo "FAIL $name: -j 1 and -j 4 differ"; diff "$T/j1.err" "$T/j4.err" | head -n 5
	else
		echo "PASS $name"
	fi
}
MIN_LINES=2000 same_threads validate-threads-all --max-errors 0 "$T/many.jsonl"
MIN_LINES=778 same_threads validate-threads-max-errors --max-errors 777 "$T/many.jsonl"
MIN_LINES=2000 same_threads validate-threads-json --max-errors 0 --format json "$T/many.jsonl"
fresh t-1.0.0
cp "$T/many.jsonl" "$T/t-1.0.0/data/train-00000-of-00001.jsonl"
$PY "$MK" seal "$T/t-1.0.0"
MIN_LINES=2000 same_threads validate-threads-release --max-errors 0 "$T/t-1.0.0"
expect validate-threads-bad 2 'threads takes a number from 1 to 64' "$SAHIFA" validate -j 0 "$T/many.jsonl"
rm -f "$T/many.jsonl"

# The release's name is its manifest's: "." and a renamed clone or download are fine.
fresh n-1.0.0
expect validate-dot 0 ', 0 errors' sh -c "cd '$T/n-1.0.0' && '$SAHIFA' validate ."
mv "$T/n-1.0.0" "$T/my-clone"
expect validate-renamed-dir 0 ', 0 errors' "$SAHIFA" validate "$T/my-clone"
mv "$T/my-clone" "$T/n-1.0.0"
tarit n-1.0.0 n-1.0.0.tar.gz
mv "$T/n-1.0.0.tar.gz" "$T/download.tar.gz"
expect validate-renamed-archive 0 ', 0 errors' "$SAHIFA" validate "$T/download.tar.gz"
# ... but inside an archive the top folder is still NAME-VERSION of the manifest.
mv "$T/n-1.0.0" "$T/other-2.0.0"
tarit other-2.0.0 other.tar.gz
expect validate-archive-top-folder 1 "top folder is 'other-2\.0\.0/' but the manifest says 'n-1\.0\.0'" \
	"$SAHIFA" validate "$T/other.tar.gz"

# data/duplicates.csv: its rows against the manifest's count and the shards.
fresh u-1.0.0
kept=$(head -n 1 "$T/u-1.0.0/data/train-00000-of-00001.jsonl" | cut -c8-39)
printf 'dropped,kept\r\n%s,%s\r\n' "0123456789abcdef0123456789abcdef" "$kept" > "$T/u-1.0.0/data/duplicates.csv"
$PY "$MK" seal "$T/u-1.0.0"
expect validate-dups-count 1 'manifest\.json: says 0 duplicates dropped, data/duplicates\.csv lists 1' \
	"$SAHIFA" validate "$T/u-1.0.0"
fresh w-1.0.0
printf 'dropped,kept\r\n%s,%s\r\n' "$kept" "fedcba9876543210fedcba9876543210" > "$T/w-1.0.0/data/duplicates.csv"
$PY "$MK" seal "$T/w-1.0.0"
expect validate-dups-kept 1 "duplicates\.csv:2: kept article 'fedcba9876543210fedcba9876543210' is in no JSONL shard" \
	"$SAHIFA" validate "$T/w-1.0.0"
fresh x-1.0.0
rm "$T/x-1.0.0/data/duplicates.csv"
$PY "$MK" seal "$T/x-1.0.0"
expect validate-dups-missing 1 'data/duplicates\.csv: missing' "$SAHIFA" validate "$T/x-1.0.0"

# Spreadsheet CSVs: a BOM the manifest does not announce; a guard on a cell the record
# does not have; guarded cells that agree with the records.
fresh y-1.0.0
printf '\357\273\277' | cat - "$T/y-1.0.0/data/articles.csv" > "$T/y.csv" && mv "$T/y.csv" "$T/y-1.0.0/data/articles.csv"
$PY "$MK" seal "$T/y-1.0.0"
expect validate-bom-faithful 1 "articles\.csv: begins with a UTF-8 BOM, but manifest\.json says csv 'faithful'" \
	"$SAHIFA" validate "$T/y-1.0.0"
for f in paragraphs duplicates; do
	printf '\357\273\277' | cat - "$T/y-1.0.0/data/$f.csv" > "$T/y.csv" && mv "$T/y.csv" "$T/y-1.0.0/data/$f.csv"
done
$PY - "$T/y-1.0.0" <<'PYEOF'
import csv, io, json, sys
d = sys.argv[1]
p = d + "/data/paragraphs.csv"
rows = list(csv.reader(io.StringIO(open(p, encoding="utf-8-sig", newline="").read())))
rows[1][10] = "'-" + rows[1][10]          # a guard where the record has no "-"
rows[2][10] = "'" + rows[2][10]           # a quote before a letter: not a guard
with open(p, "w", encoding="utf-8-sig", newline="") as f:
    csv.writer(f, lineterminator="\r\n").writerows(rows)
PYEOF
$PY "$MK" seal "$T/y-1.0.0"
$PY -c 'import json,sys; p=sys.argv[1]+"/manifest.json"; m=json.load(open(p)); m["csv"]="spreadsheet"; open(p,"w").write(json.dumps(m, indent=2, ensure_ascii=False)+"\n")' "$T/y-1.0.0"
expect validate-guard-differs 1 "paragraphs\.csv:2: paragraph 0 of article '[0-9a-f]{32}' differs" \
	"$SAHIFA" validate "$T/y-1.0.0"
if grep -q "articles\.csv: .*BOM" "$T/err"; then echo "FAIL validate-bom-spreadsheet: a BOM reported though the manifest says spreadsheet"
else echo "PASS validate-bom-spreadsheet"; fi
expect validate-csv-bom-alone 0 ', 0 errors' "$SAHIFA" validate "$T/y-1.0.0/data/articles.csv"

# A real release from sahifa convert and sahifa pack (the shared seeds), .tar.gz and .zip.
if [ -n "${SHARED:-}" ] && [ -d "$SHARED/seeds" ]; then
	ls "$SHARED"/seeds/*.txt | head -n 40 > "$T/seeds.list"
	if "$SAHIFA" convert $(cat "$T/seeds.list") > "$T/seeds.jsonl" 2> /dev/null || [ -s "$T/seeds.jsonl" ]; then
		expect validate-real-jsonl 0 ', 0 errors' "$SAHIFA" validate "$T/seeds.jsonl"
		for fmt in tar.gz zip; do
			if "$SAHIFA" pack -n seeds -V 1.0.0 -o "$T/pack-$fmt" -f $fmt \
				-s train=80,validation=10,test=10 "$T/seeds.jsonl" > /dev/null 2> "$T/pack.err"; then
				expect validate-real-pack-$fmt 0 ', 0 errors' "$SAHIFA" validate "$T/pack-$fmt/seeds-1.0.0.$fmt"
			else
				echo "FAIL validate-real-pack-$fmt: sahifa pack failed: $(head -n 1 "$T/pack.err")"
			fi
		done
	else
		echo "FAIL validate-real-jsonl: sahifa convert gave nothing"
	fi
else
	echo "SKIP validate-real-pack: no \$SHARED/seeds"
fi
