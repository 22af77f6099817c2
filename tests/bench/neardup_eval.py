#!/usr/bin/env python3
"""Near-duplicate quality of sahifa dedup against an exact reference.

usage: neardup_eval.py RECORDS.jsonl KEPT.jsonl DROPS.jsonl THRESHOLD [TRUTH.jsonl]
The reference is the exact Jaccard similarity of the word 5-gram sets of every pair
of records that share a 5-gram (an inverted index finds them; every other pair has
similarity 0), on the match key folded as sahifa folds it.  A pair is a true
duplicate at J >= THRESHOLD; dedup finds a pair when both records end in one
cluster (a kept record and the drops that name it).  Prints precision and recall
of the pairs, and with TRUTH (plant-copies.py) the recall per band of planted
Jaccard."""
import collections, json, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from corpus_ref import record_key, shingles

recs_p, kept_p, drops_p, thr = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
truth_p = sys.argv[5] if len(sys.argv) > 5 else None
ids, sets = [], []
for l in open(recs_p, encoding="utf-8"):
    r = json.loads(l)
    ids.append(r["id"])
    sets.append(shingles(record_key(r)))
index = collections.defaultdict(list)
for i, s in enumerate(sets):
    for g in s:
        index[g].append(i)
inter = collections.Counter()
for g, docs in index.items():
    if len(docs) > 1:
        for a in range(len(docs)):
            for b in range(a + 1, len(docs)):
                inter[(docs[a], docs[b])] += 1
ref = set()
jac = {}
for (a, b), n in inter.items():
    j = n / (len(sets[a]) + len(sets[b]) - n)
    jac[(ids[a], ids[b])] = jac[(ids[b], ids[a])] = j
    if j >= thr:
        ref.add(frozenset((ids[a], ids[b])))
# empty keys: equal to each other only
empties = [ids[i] for i, s in enumerate(sets) if not s]
for a in range(len(empties)):
    for b in range(a + 1, len(empties)):
        ref.add(frozenset((empties[a], empties[b])))
cluster = collections.defaultdict(set)
for l in open(kept_p, encoding="utf-8"):
    k = json.loads(l)["id"]
    cluster[k].add(k)
for l in open(drops_p, encoding="utf-8"):
    d = json.loads(l)
    cluster[d["duplicate_of"]].add(d["id"])
pred = set()
for members in cluster.values():
    m = sorted(members)
    for a in range(len(m)):
        for b in range(a + 1, len(m)):
            pred.add(frozenset((m[a], m[b])))
ref = {p for p in ref if len(p) == 2}
tp = len(pred & ref)
print("  reference pairs at J >= %.2f: %d; pairs found: %d; both: %d" % (thr, len(ref), len(pred), tp))
print("  precision %.3f  recall %.3f" % (tp / len(pred) if pred else 1.0, tp / len(ref) if ref else 1.0))
missed = sorted((jac.get(tuple(p), 1.0) for p in ref - pred))
wrong = sorted((jac.get(tuple(sorted(p)), 0.0) for p in pred - ref))
if wrong:
    print("  pairs found below the threshold: exact J from %.3f to %.3f" % (wrong[0], wrong[-1]))
if missed:
    print("  pairs missed: exact J from %.3f to %.3f" % (missed[0], missed[-1]))
if truth_p:
    bands = collections.defaultdict(lambda: [0, 0])
    for l in open(truth_p, encoding="utf-8"):
        t = json.loads(l)
        lo = min(int(t["jaccard"] * 10) / 10, 0.9)
        found = frozenset((t["id"], t["of"])) in pred
        bands[lo][0] += found
        bands[lo][1] += 1
    print("  planted copies found, by exact Jaccard with their original:")
    for lo in sorted(bands):
        f, n = bands[lo]
        print("    J %.1f-%.1f: %4d of %4d (%.0f%%)" % (lo, lo + 0.1, f, n, 100.0 * f / n))
