#!/bin/sh
# Whole-page text benchmark: the eval HTML (scrapinghub_aeb, readability_testpages,
# htmldate_mediacloud, and the blind newspaper4k_fixtures and trafilatura_eval)
# rendered by each renderer of tests/bench/text_eval.py (w3m and lynx at 80 columns,
# hard-wrapped, and 1000, unwrapped; html2text; python3-html2text's Markdown wrapped
# and unwrapped; links; elinks; a DOM innerText; BeautifulSoup's get_text), plus the
# text dumps of arabic_news_textdumps, converted by sahifa and scored against their gold by
# text_eval.py (body token precision, recall, F1; headline, byline and date accuracy;
# snippets; per renderer, set and language; development, held-out and blind halves),
# then the clean one-article files of saudinewsnet.
# Renders are made once under $BUILD/bench/text, with a stamp named after a hash of
# the renderers' command lines and of the code making the renders and the gold
# (text_eval.py stamp): a render of another stamp is made again.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/env.sh"
if [ -z "$SHARED" ] || [ ! -d "$SHARED/eval" ]; then
	echo "bench-text: no shared eval data (set SHARED); nothing measured"
	exit 0
fi
command -v python3 >/dev/null 2>&1 || { echo "bench-text: python3 not installed"; exit 1; }
EVAL="$ROOT/tests/bench/text_eval.py"
OUT="$BUILD/bench/text"
STAMP="$OUT/.render-$(python3 "$EVAL" stamp)" || exit 1
if [ ! -f "$STAMP" ]; then
	rm -rf "$OUT"
	mkdir -p "$OUT"
	python3 "$EVAL" render "$SHARED/eval" "$OUT" || exit 1
	python3 "$EVAL" saudi "$SHARED/eval" "$OUT" || exit 1
	touch "$STAMP"
fi
# the silver headline and byline of the development and held-out pages, from their markup
[ -f "$OUT/silver.json" ] || python3 "$EVAL" silver "$SHARED/eval" "$OUT" || exit 1
for r in $(python3 "$EVAL" renderers) dump saudi; do
	"$SAHIFA" convert -j 2 -o "$OUT/$r.jsonl" "$OUT/$r" 2>"$OUT/$r.err"
	[ $? -le 1 ] || { echo "bench-text: sahifa convert failed on $OUT/$r"; cat "$OUT/$r.err"; exit 1; }
done
python3 "$EVAL" score "$OUT"
