#!/usr/bin/env python3
"""Plant exact and near copies of records at known Jaccard similarity.

usage: plant-copies.py RECORDS.jsonl OUT.jsonl TRUTH.jsonl [--all]
Originals are dated 2015-01-01 and copies 2016-01-01, so that the kept copy of each
cluster is the original.  TRUTH holds one line per copy: id, what was done, the exact
Jaccard of its 5-gram shingles with the original, and what dedup must do at the
default threshold (0.8): near_duplicate at 0.9 and above, keep at 0.6 and below;
copies in between are left out unless --all (the benchmark measures those)."""
import copy, hashlib, json, os, random, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus_ref import jaccard, record_key, shingles

src, out, truth = sys.argv[1:4]
keep_all = "--all" in sys.argv
rng = random.Random(11)
recs = [json.loads(l) for l in open(src, encoding="utf-8")]


def paragraphs(r):
    return [p for s in r["sections"] for p in s["paragraphs"]]


def new_id(r, what):
    return hashlib.sha256((r["id"] + what).encode()).hexdigest()[:32]


def edit_words(r, k):
    c = copy.deepcopy(r)
    ps = paragraphs(c)
    for _ in range(k):
        p = rng.choice(ps)
        w = p["text"].split(" ")
        w[rng.randrange(len(w))] = "كلمة%d" % rng.randrange(10 ** 6)
        p["text"] = " ".join(w)
    return c


def crop(r, head, tail):
    c = copy.deepcopy(r)
    for s in c["sections"]:
        pass
    flat = [(i, j) for i, s in enumerate(c["sections"]) for j in range(len(s["paragraphs"]))]
    drop = set(flat[:head] + (flat[len(flat) - tail:] if tail else []))
    for i, s in enumerate(c["sections"]):
        s["paragraphs"] = [p for j, p in enumerate(s["paragraphs"]) if (i, j) not in drop]
    return c


def reorder(r):
    c = copy.deepcopy(r)
    flat = paragraphs(c)
    if len(flat) >= 2:
        a, b = rng.sample(range(len(flat)), 2)
        flat[a]["text"], flat[b]["text"] = flat[b]["text"], flat[a]["text"]
    return c


rows, facts = [], []
for r in recs:
    r = copy.deepcopy(r)
    r["published"] = "2015-01-01"
    rows.append(r)
    base = shingles(record_key(r))
    n_words = sum(len(p["text"].split()) for p in paragraphs(r))
    variants = [("exact copy", copy.deepcopy(r), "exact_duplicate")]
    for k in (1, 2, 3, 6, 12, 25, 50):
        variants.append(("%d words replaced" % k, edit_words(r, k), None))
    variants += [("first paragraph cropped", crop(r, 1, 0), None),
                 ("last paragraph cropped", crop(r, 0, 1), None),
                 ("head and tail cropped", crop(r, 2, 2), None),
                 ("two paragraphs swapped", reorder(r), None)]
    for what, c, expect in variants:
        c["id"] = new_id(r, what)
        c["published"] = "2016-01-01"
        c["source"]["name"] = "planted/" + what.replace(" ", "-")
        j = jaccard(base, shingles(record_key(c)))
        if expect is None:
            if j >= 0.9:
                expect = "near_duplicate"
            elif j <= 0.6:
                expect = "keep"
            elif not keep_all:
                continue
            else:
                expect = "between"
        if expect == "near_duplicate" and j == 1.0:
            expect = "exact_duplicate" if record_key(c) == record_key(r) else expect
        rows.append(c)
        facts.append({"id": c["id"], "of": r["id"], "what": what, "jaccard": round(j, 4),
                      "expect": expect})
with open(out, "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
with open(truth, "w", encoding="utf-8") as f:
    for t in facts:
        f.write(json.dumps(t, ensure_ascii=False) + "\n")
print("%d records, %d planted copies" % (len(rows), len(facts)))
