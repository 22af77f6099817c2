#!/bin/sh
# Whole-page dumps in Thai, Burmese, Khmer, Lao, Korean, Hindi, Bengali, Indonesian,
# Malay, Vietnamese, Greek, Hebrew, Swedish, Romanian and Hungarian (tests/scripts/
# page-langs.py: public prose from $SHARED/eval framed by the project's own menu,
# teasers and footer): the body holds the story and nothing of the frame, and every
# line of the page is in the record once.
set -u
if [ -z "${SHARED:-}" ] || [ ! -d "$SHARED/eval/udhr/selected" ]; then
	echo "SKIP page-langs: no \$SHARED/eval/udhr"
	exit 0
fi
T="$BUILD/tmp-page-langs"
rm -rf "$T"
mkdir -p "$T/pages"
PY=/usr/bin/python3
$PY "$ROOT/tests/scripts/page-langs.py" make "$SHARED" "$T/pages" > "$T/make.out" 2>&1 ||
	{ echo "FAIL page-langs: making the pages: $(head -c 300 "$T/make.out")"; exit 0; }
"$SAHIFA" convert -o "$T/pages.jsonl" "$T/pages" 2> "$T/convert.err"
[ $? -le 1 ] || { echo "FAIL page-langs: convert: $(head -c 300 "$T/convert.err")"; exit 0; }
$PY "$ROOT/tests/scripts/page-langs.py" check "$T/pages" "$T/pages.jsonl"
