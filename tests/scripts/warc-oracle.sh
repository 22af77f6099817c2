#!/bin/sh
# sahifa's WARC reader against warcio.js (npm "warcio", webrecorder): the same records
# at the same offsets with byte-identical bodies, on the sample crawl and on a larger
# crawl built from it.  Needs node and warcio under $BUILD/warcio-js:
#   npm install --prefix build/warcio-js warcio@2.4.11
set -u
W="$BUILD/warcio-js"
if ! command -v node > /dev/null 2>&1 || [ ! -d "$W/node_modules/warcio" ]; then
	echo "SKIP warc-oracle: no node or no warcio.js (npm install --prefix $W warcio@2.4.11)"
	exit 0
fi
T="$BUILD/tmp-warc-oracle"
rm -rf "$T"
mkdir -p "$T"
cp "$ROOT/tests/scripts/warc-oracle.mjs" "$W/oracle.mjs"
gzip -dc "$ROOT/samples/crawl.warc.gz" > "$T/crawl.warc"
for f in "$ROOT/samples/crawl.warc.gz" "$T/crawl.warc"; do
	name=$(basename "$f")
	node "$W/oracle.mjs" "$f" > "$T/want" 2> "$T/err"
	"$SAHIFA" convert -o "$T/out.jsonl" "$f" 2>/dev/null
	python3 -c "
import json, sys
for l in open(sys.argv[1]):
    r = json.loads(l)
    print(r['source']['warc']['offset'], r['source']['sha256'])" "$T/out.jsonl" > "$T/got"
	if [ -s "$T/want" ] && cmp -s "$T/want" "$T/got"; then
		echo "PASS warcio.js agrees on $name: $(wc -l < "$T/got") records, offsets and bodies"
	else
		echo "FAIL warcio.js on $name: $(diff "$T/want" "$T/got" | head -n 6 | tr '\n' ' ') $(head -c 200 "$T/err")"
	fi
done
rm -rf "$T"
