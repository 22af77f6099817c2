# Records whose optional parts come and go from shard to shard, for the consumer test:
#   vary.py RECORDS.jsonl > OUT.jsonl
# Each input record is written as is and in variants: with page metadata (url, authors,
# dates, site name, a WARC reference), with no byline, captions or removed lines, with a
# script first seen late (Cyrl), and with paragraphs that a spreadsheet would run as
# formulas.  Each variant's text differs from the original's, so none is dropped as a
# duplicate.  Ids are derived from the original's, so the output is always the same.
import hashlib, json, sys

def rid(r, tag):
    return hashlib.sha256((r["id"] + tag).encode()).hexdigest()[:32]

out = []
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    out.append(r)
    a = json.loads(line)
    a["id"] = rid(r, "meta")
    a.update(url="https://news.example/" + a["id"], authors=["Rana Haddad", "Omar Said"],
             published="2024-03-01T08:30:00+03:00", modified="2024-03-02", site_name="Example News",
             description="A summary, \"quoted\", with a comma", html_lang="ar")
    a["headline"] = (a["headline"] or "") + " (updated)"  # not a duplicate of the original
    a["source"]["format"] = "html"
    a["source"]["declared_encoding"] = "windows-1256"
    a["source"]["warc"] = {"file": "crawl.warc.gz", "offset": 123456, "record_id": "<urn:uuid:" + a["id"] + ">",
                           "date": "2024-03-01T09:00:00Z", "target_uri": a["url"]}
    out.append(a)
    b = json.loads(line)
    b["id"] = rid(r, "bare")
    b.update(byline=None, headline=None, captions=[], removed=[])
    b["stats"]["captions"] = b["stats"]["removed"] = 0
    out.append(b)
    c = json.loads(line)
    c["id"] = rid(r, "late")
    c["scripts"] = c["scripts"] + [{"script": "Cyrl", "share": 0}]
    c["sections"][-1]["paragraphs"].append({"text": "=HYPERLINK(\"http://x.invalid\",\"click\")", "kind": "paragraph",
                                            "line": 999, "lang": "und", "script": "Latn"})
    c["sections"][-1]["paragraphs"].append({"text": "- a list marker kept", "kind": "list_item",
                                            "line": 1000, "lang": "en", "script": "Latn"})
    c["sections"][-1]["paragraphs"].append({"text": "@mention +1 -1", "kind": "paragraph",
                                            "line": 1001, "lang": "en", "script": "Latn"})
    c["stats"]["paragraphs"] += 3
    out.append(c)
for r in out:
    print(json.dumps(r, ensure_ascii=False, separators=(",", ":")))
