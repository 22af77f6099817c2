#!/bin/sh
# Releases loaded as their users load them: a Frictionless implementation (npm
# datapackage), DuckDB (npm @duckdb/node-api), pandas, and the card's YAML as the
# Hugging Face hub reads it (PyYAML).  Releases: samples/ with variants whose optional
# fields come and go from shard to shard (tests/consumers/vary.py), faithful and
# --csv-excel, and the shared eval data when present.  A consumer that cannot be
# installed prints SKIP with the reason: skipped, never passed.
set -u
: "${SAHIFA:?}" "${ROOT:?}" "${BUILD:?}"
C="$ROOT/tests/consumers"
T="$BUILD/tmp-consumers"
rm -rf "$T"
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT

# pandas is Debian's: the python3 on PATH may be another one without it
pick_python() { # module
	for py in python3 /usr/bin/python3; do
		if command -v "$py" > /dev/null 2>&1 && "$py" -c "import $1" > /dev/null 2>&1; then
			echo "$py"
			return 0
		fi
	done
	return 1
}
PY_YAML=$(pick_python yaml) || PY_YAML=
PY_PANDAS=$(pick_python pandas) || PY_PANDAS=
NODE_OK=
if sh "$C/deps.sh" "$BUILD/consumers" 2> "$T/deps.err"; then
	NODE_OK=1
	export NODE_PATH="$BUILD/consumers/node_modules"
fi

# -- the releases
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
"$SAHIFA" convert -o "$T/samples.jsonl" "$ROOT/samples" 2> "$T/convert.err" ||
	echo "FAIL consumers/convert-samples: $(tail -n 1 "$T/convert.err")"
python3 "$C/vary.py" "$T/samples.jsonl" > "$T/varied.jsonl"
releases=
pack() { # label options... (the last is the input)
	label=$1
	shift
	if "$SAHIFA" pack --name "$label" --version 1.0.0 --license CC-BY-4.0 -o "$T/out" "$@" \
		> /dev/null 2> "$T/pack.err" &&
		mkdir -p "$T/rel" && tar xzf "$T/out/$label-1.0.0.tar.gz" -C "$T/rel"; then
		releases="$releases $label"
	else
		echo "FAIL consumers/pack-$label: $(tail -n 1 "$T/pack.err")"
	fi
}
pack samples --split train=60,validation=20,test=20 --shard-size 6K "$T/varied.jsonl"
pack samples-excel --csv-excel --split train=60,validation=20,test=20 --shard-size 6K \
	"$T/varied.jsonl"
if [ -n "$SHARED" ] && [ -f "$SHARED/eval/saudinewsnet/2015-07-23.json" ]; then
	# one text file per article: headline, blank line, body (empty bodies left out)
	python3 - "$SHARED/eval/saudinewsnet/2015-07-23.json" "$T/saudi" <<'PY'
import json, os, sys
os.makedirs(sys.argv[2])
for i, a in enumerate(json.load(open(sys.argv[1], encoding="utf-8"))):
    body = (a.get("content") or "").strip()
    if body:
        with open(os.path.join(sys.argv[2], "%05d.txt" % i), "w", encoding="utf-8") as f:
            f.write((a.get("title") or "").strip() + "\n\n" + body + "\n")
PY
	inputs="$T/saudi"
	[ -d "$SHARED/eval/arabic_news_textdumps" ] && inputs="$inputs $SHARED/eval/arabic_news_textdumps"
	# shellcheck disable=SC2086
	"$SAHIFA" convert -o "$T/eval.jsonl" $inputs 2> "$T/convert.err"
	if [ -s "$T/eval.jsonl" ]; then
		pack eval --split train=90,validation=5,test=5 --shard-size 1M "$T/eval.jsonl"
		pack eval-excel --csv-excel --split train=90,validation=5,test=5 --shard-size 1M \
			"$T/eval.jsonl"
	else
		echo "FAIL consumers/convert-eval: $(tail -n 1 "$T/convert.err")"
	fi
else
	echo "SKIP consumers/eval: no \$SHARED/eval/saudinewsnet (the shared eval data)"
fi

# -- every consumer on every release
for label in $releases; do
	dir="$T/rel/$label-1.0.0"
	if [ -z "$PY_YAML" ]; then
		echo "SKIP consumers/yaml-$label: no python3 with PyYAML (Debian python3-yaml)"
		continue  # the features the others read come from the card
	fi
	"$PY_YAML" "$C/card.py" "$dir" "$ROOT/schema/article.schema.json" "$T/$label.features.json"
	[ -f "$T/$label.features.json" ] || continue
	if [ -n "$PY_PANDAS" ]; then
		"$PY_PANDAS" "$C/pandas_check.py" "$dir" "$T/$label.features.json" "$label" ||
			echo "FAIL consumers/pandas-$label: exited $?"
	else
		echo "SKIP consumers/pandas-$label: no python3 with pandas (Debian python3-pandas)"
	fi
	if [ -z "$NODE_OK" ]; then
		echo "SKIP consumers/duckdb-$label: $(cat "$T/deps.err")"
		echo "SKIP consumers/frictionless-$label: $(cat "$T/deps.err")"
		continue
	fi
	node "$C/duckdb.js" "$dir" "$T/$label.features.json" "$label" ||
		echo "FAIL consumers/duckdb-$label: exited $?"
	case $label in
	*-excel)
		# datapackage 1.1.10 decodes with Node's utf-8, which keeps the BOM in the
		# first header name, and has no option to drop it: spreadsheet CSVs are for
		# spreadsheets, the faithful release is the one for Frictionless
		echo "SKIP consumers/frictionless-$label: datapackage 1.1.10 keeps a BOM in the first header"
		;;
	*)
		node "$C/frictionless.js" "$dir" "$label" ||
			echo "FAIL consumers/frictionless-$label: exited $?"
		;;
	esac
done

# -- strings stay strings: release names YAML would read as null, a bool, a number
for name in null true 007 1e3; do
	if "$SAHIFA" pack --name "$name" --version 1.0.0 -o "$T/names" "$T/samples.jsonl" \
		> /dev/null 2> "$T/pack.err" && [ -n "$PY_YAML" ]; then
		got=$(tar xzf "$T/names/$name-1.0.0.tar.gz" -O "$name-1.0.0/README.md" | "$PY_YAML" -c '
import re, sys, yaml
card = yaml.safe_load(re.match(r"---\n(.*?\n)---\n", sys.stdin.read(), re.S).group(1))
print(type(card["pretty_name"]).__name__, card["pretty_name"])')
		if [ "$got" = "str $name" ]; then echo "PASS consumers/yaml-name-$name"
		else echo "FAIL consumers/yaml-name-$name: pretty_name loads as '$got'"; fi
	elif [ -z "$PY_YAML" ]; then
		echo "SKIP consumers/yaml-name-$name: no python3 with PyYAML"
	else
		echo "FAIL consumers/yaml-name-$name: $(tail -n 1 "$T/pack.err")"
	fi
done
