#!/bin/sh
# Whole-page text benchmark: the eval HTML (scrapinghub_aeb, readability_testpages,
# htmldate_mediacloud, and the blind newspaper4k_fixtures and trafilatura_eval)
# rendered by w3m and lynx at 80 columns (hard-wrapped) and 1000 (unwrapped), plus
# the text dumps of arabic_news_textdumps, converted by sahifa and scored against
# their gold by tests/bench/text_eval.py (body token precision, recall, F1; headline,
# byline and date accuracy; snippets; per renderer, set and language; development,
# held-out and blind halves), then the clean one-article files of saudinewsnet.
# Renders are made once under $BUILD/bench/text (delete it to render again; a render
# whose stamp is older than the gold format, .done4 with the blind sets, is redone).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/env.sh"
if [ -z "$SHARED" ] || [ ! -d "$SHARED/eval" ]; then
	echo "bench-text: no shared eval data (set SHARED); nothing measured"
	exit 0
fi
for tool in w3m lynx python3; do
	command -v "$tool" >/dev/null 2>&1 || { echo "bench-text: $tool not installed (make bench-text installs it)"; exit 1; }
done
OUT="$BUILD/bench/text"
if [ ! -f "$OUT/.done4" ]; then
	rm -rf "$OUT"
	mkdir -p "$OUT"
	python3 "$ROOT/tests/bench/text_eval.py" render "$SHARED/eval" "$OUT" || exit 1
	python3 "$ROOT/tests/bench/text_eval.py" saudi "$SHARED/eval" "$OUT" || exit 1
	touch "$OUT/.done4"
fi
# the silver headline and byline of the development and held-out pages, from their markup
[ -f "$OUT/silver.json" ] || python3 "$ROOT/tests/bench/text_eval.py" silver "$SHARED/eval" "$OUT" || exit 1
for r in w3m-wrap w3m-nowrap lynx-wrap lynx-nowrap dump saudi; do
	"$SAHIFA" convert -j 2 -o "$OUT/$r.jsonl" "$OUT/$r" 2>"$OUT/$r.err"
	[ $? -le 1 ] || { echo "bench-text: sahifa convert failed on $OUT/$r"; cat "$OUT/$r.err"; exit 1; }
done
python3 "$ROOT/tests/bench/text_eval.py" score "$OUT"
