#!/usr/bin/env python3
"""N copies of a record file for the dedup benchmark: copy 0 as it is, copy k with
new ids, another date, and one word of the first paragraph replaced, so that the
copies are near duplicates of the originals (as a wire story republished) rather
than exact ones.  usage: replicate.py N IN.jsonl OUT.jsonl"""
import hashlib, json, sys

n, src, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
lines = open(src, encoding="utf-8").read().splitlines()
with open(out, "w", encoding="utf-8") as f:
    for k in range(n):
        for l in lines:
            if k == 0:
                f.write(l + "\n")
                continue
            r = json.loads(l)
            r["id"] = hashlib.sha256(("%s-%d" % (r["id"], k)).encode()).hexdigest()[:32]
            r["published"] = "2016-01-%02d" % (k % 28 + 1)
            for s in r["sections"]:
                if s["paragraphs"]:
                    w = s["paragraphs"][0]["text"].split(" ")
                    w[len(w) // 2] = "نسخة%d" % k
                    s["paragraphs"][0]["text"] = " ".join(w)
                    break
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
