#!/bin/sh
# make demo: convert the bundled samples and show what came out.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/tests/env.sh"
out="$BUILD/demo"
rm -rf "$out"
mkdir -p "$out"
cd "$ROOT" || exit 3
echo "\$ sahifa convert -o $out/samples.jsonl samples/"
"$SAHIFA" convert -v -o "$out/samples.jsonl" samples/ || exit $?
echo
echo "One record per article; the first one, pretty-printed:"
head -n 1 "$out/samples.jsonl" | python3 -m json.tool --no-ensure-ascii | head -n 60
echo "..."
echo
echo "Every record, in short:"
python3 - "$out/samples.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    s = r["stats"]
    print("%-34s %-8s headline=%-5s sections=%-2d paragraphs=%-3d captions=%d removed=%d" % (
        r["source"]["name"], r["lang_tag"], "yes" if r["headline"] else "no",
        s["sections"], s["paragraphs"], s["captions"], s["removed"]))
PY
echo
# ---- a WARC crawl: one record per HTML response, the rest skipped by reason ----
echo "\$ sahifa convert -v -o $out/crawl.jsonl samples/crawl.warc.gz"
"$SAHIFA" convert -v -o "$out/crawl.jsonl" samples/crawl.warc.gz || exit $?
python3 - "$out/crawl.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    w = r["source"]["warc"]
    print("%-42s %-3s %s@%d %s" % (r["url"], r["lang"], w["file"], w["offset"], w["record_id"]))
PY
echo "Each offset starts the record's gzip member, so the record can be fetched again:"
first=$(python3 -c "import json,sys; print(json.loads(open(sys.argv[1]).readline())['source']['warc']['offset'])" "$out/crawl.jsonl")
echo "\$ tail -c +$((first + 1)) samples/crawl.warc.gz | gzip -dc 2>/dev/null | head -n 4"
tail -c +$((first + 1)) samples/crawl.warc.gz | gzip -dc 2>/dev/null | head -n 4
echo
if "$SAHIFA" validate "$out/samples.jsonl" 2>/dev/null; then
	echo "sahifa validate: the records match schema/article.schema.json"
fi
echo
echo "\$ sahifa convert samples/html/en-harbour-traps.html   (an HTML page: structure, metadata, removals)"
"$SAHIFA" convert samples/html/en-harbour-traps.html > "$out/html.jsonl" && python3 - "$out/html.jsonl" <<'PY'
import json, sys
r = json.loads(open(sys.argv[1], encoding="utf-8").readline())
print("format=%s encoding=%s headline=%r" % (r["source"]["format"], r["source"]["encoding"], r["headline"]))
print("url=%s published=%s authors=%s site=%r" % (r["url"], r["published"], r["authors"], r["site_name"]))
for s in r["sections"]:
    print("  section level %d: %s" % (s["level"], s["heading"] or "(no heading)"))
    for p in s["paragraphs"]:
        print("    %-10s line %-3d %s" % (p["kind"], p["line"], p["text"][:70]))
for c in r["captions"]:
    print("  caption    line %-3d %s" % (c["line"], c["text"][:70]))
for x in r["removed"]:
    print("  removed    line %-3d %-8s %-26s %s" % (x["line"], x["reason"], (x.get("detail") or "")[:26], x["text"][:40]))
PY
if "$SAHIFA" pack --name samples --version 1.0.0 -o "$out" "$out/samples.jsonl" > "$out/pack.out" 2>&1; then
	echo "sahifa pack: $(cat "$out/pack.out")"
	"$SAHIFA" validate "$(cat "$out/pack.out")" 2>&1 | tail -n 1
fi
