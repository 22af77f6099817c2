#!/bin/sh
# make bench-extract: sahifa convert on the shared HTML eval sets (scrapinghub_aeb,
# readability_testpages, trafilatura_eval, newspaper4k, goose3, htmldate_mediacloud):
# body precision/recall/F1, snippets, titles, dates (tests/bench/extract_eval.py), and
# pages/s, MB/s and peak memory on one core and on all cores, end to end (decode,
# parse, extract, language ID, JSON).
# Environment: SAHIFA, BUILD, SHARED (default ../shared).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/env.sh"
if [ -z "$SHARED" ] || [ ! -d "$SHARED/eval/scrapinghub_aeb" ]; then
	echo "SKIP bench-extract: no shared eval data (set SHARED)"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$ROOT/tests/bench/extract_eval.py" prepare "$SHARED/eval" "$tmp" || exit 1
for set in aeb readability trafilatura newspaper4k goose3 htmldate; do
	"$SAHIFA" convert -j1 --format html -o "$tmp/$set.jsonl" "$tmp/$set" 2>"$tmp/$set.err"
	if [ -s "$tmp/$set.err" ]; then
		echo "rejects in $set:"
		sed 's/^/  /' "$tmp/$set.err" | head -n 5
	fi
done
python3 "$ROOT/tests/bench/extract_eval.py" score "$SHARED/eval" "$tmp" || exit 1

# The peer from the same run: Readability.js on linkedom (npm), when node is here.
# jusText is a Python package that neither Debian nor npm carries: not measured.
peers="$BUILD/bench/peers"
if command -v node > /dev/null 2>&1; then
	if [ ! -d "$peers/node_modules/@mozilla/readability" ] || [ ! -d "$peers/node_modules/linkedom" ]; then
		mkdir -p "$peers"
		(cd "$peers" && npm install --no-audit --no-fund @mozilla/readability linkedom > /dev/null 2>&1)
	fi
fi
if [ -d "$peers/node_modules/@mozilla/readability" ] && [ -d "$peers/node_modules/linkedom" ]; then
	mkdir -p "$tmp/peer"
	: > "$tmp/peer.times"
	for set in aeb readability trafilatura newspaper4k goose3 htmldate; do
		node "$ROOT/tests/bench/readability_peer.js" "$peers/node_modules" "$tmp/$set" \
			"$tmp/peer/$set.jsonl" 2>> "$tmp/peer.times"
	done
	echo
	echo "Readability.js + linkedom, same pages (its own test pages are its own output):"
	python3 "$ROOT/tests/bench/extract_eval.py" score "$SHARED/eval" "$tmp/peer" | grep -v "arabic-script\|html_lang"
	awk '{p += $1; b += $2; t += $3} END {printf "speed -j1: %d pages, %.1f MB in %.1fs: %.1f pages/s, %.2f MB/s\n", p, b / 1048576, t, p / t, b / 1048576 / t}' "$tmp/peer.times"
else
	echo "Readability.js: node or npm not available here; not measured"
fi
echo "jusText: a Python package not in Debian or npm; not measured"
echo

# Speed: every page of the six sets, one core and all cores.
mkdir -p "$tmp/all"
for set in aeb readability trafilatura newspaper4k goose3 htmldate; do
	cp -al "$tmp/$set" "$tmp/all/$set"
done
pages=$(find "$tmp/all" -type f | wc -l)
bytes=$(find "$tmp/all" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
# Wall time depends on what else runs on the machine; CPU time (user + system) does
# not, so both are shown: MB per wall second, and MB per CPU second (one core's rate).
for j in 1 "$cores"; do
	best=
	for run in 1 2 3; do
		/usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "$SAHIFA" convert -j "$j" --format html \
			-o /dev/null "$tmp/all" 2>/dev/null
		t=$(tail -n 1 "$tmp/time" | cut -d' ' -f1)
		mem=$(tail -n 1 "$tmp/time" | cut -d' ' -f2)
		cpu=$(tail -n 1 "$tmp/time" | awk '{print $3 + $4}')
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; bmem=$mem; bcpu=$cpu; fi
	done
	echo "speed -j$j: $pages pages, $(echo "scale=1; $bytes / 1048576" | bc) MB in ${best}s" \
		"(${bcpu}s CPU): $(echo "scale=1; $pages / $best" | bc) pages/s," \
		"$(echo "scale=1; $bytes / 1048576 / $best" | bc) MB/s," \
		"$(echo "scale=1; $bytes / 1048576 / $bcpu" | bc) MB per CPU second, peak memory $((bmem / 1024)) MB"
done
