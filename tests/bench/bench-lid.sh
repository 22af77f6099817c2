#!/bin/sh
# Language identification benchmark: sahifa tag (CLD2 + the Arabic-script layer) next
# to CLD2 alone (sahifa tag --engine=cld2) on the same lines of the shared eval data:
#   lingua_testdata   sentences, word pairs, single words (75 languages)
#   langid_py_tests   ~500-word texts, one line per paragraph (121 languages)
#   udhr              selected/*.html, one line per h1/h2/p/li element (92 versions)
# Prints, each next to CLD2 alone on the same lines:
#   the broad mix: 22 widely used languages both engines name (ar fa ur ps en fr de es
#     it pt nl pl ru uk tr he hi zh ja ko vi id; fixed in lid_eval.py MIX, not chosen
#     by score), every line they have from single words to paragraphs: overall, under
#     50 characters, 50 or more, per data set;
#   ar, fa, ur, ps: all lines and under 50 characters;
#   the stress figure: every line of every language (75 in lingua alone), per data set;
#   accuracy per language, for every language;
#   the mix's accuracy per band of confidence, for choosing a filtering threshold;
#   lines per second of each engine (fastest of RUNS runs, default 3).
# Environment: SAHIFA (the binary), SHARED (default ../shared), BUILD, RUNS.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/env.sh"
if [ -z "$SHARED" ] || [ ! -d "$SHARED/eval" ]; then
	echo "bench-lid: no shared eval data (set SHARED); nothing measured"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. The lines and their gold language: $tmp/lines.txt and $tmp/gold.tsv (set, lang).
python3 "$ROOT/tests/bench/lid_eval.py" prepare "$SHARED/eval" "$tmp" || exit 1

# 2. Both engines over the same lines, timed, alternating RUNS times.
RUNS=${RUNS:-3}
run() { # engine out
	start=$(date +%s.%N)
	"$SAHIFA" tag --engine="$1" < "$tmp/lines.txt" > "$2" || echo "bench-lid: sahifa tag --engine=$1 failed" >&2
	end=$(date +%s.%N)
	echo "$start $end" >> "$2.time"
}
i=0
while [ "$i" -lt "$RUNS" ]; do
	run cld2 "$tmp/cld2.out"
	run sahifa "$tmp/sahifa.out"
	i=$((i + 1))
done

# 3. Scores.
python3 "$ROOT/tests/bench/lid_eval.py" score "$tmp"
