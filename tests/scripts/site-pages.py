#!/usr/bin/env python3
"""Pages of one site for the boilerplate tests: the Youm7 seed's furniture lines
(the ones rules/default.rules lists by hand) around bodies that vary from page to
page, drawn from the other seeds and the samples.

usage: site-pages.py SEEDS SAMPLES OUTDIR N
Writes OUTDIR/pages/page-NN.txt, OUTDIR/furniture.txt and OUTDIR/body.txt (one line
each, the lines that must be learned and those that must not)."""
import os, random, sys

seeds, samples, out, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
youm7 = os.path.join(seeds, "002_276ecc4978464b78.txt")
lines = open(youm7, encoding="utf-8").read().split("\n")
# the furniture: what the hand-written rules remove from that page, teasers aside
furniture = [l for l in lines if l.strip() and (
    "Google News" in l or "Trending" in l or "Youm7" in l or l.startswith("اليوم السابع اليوم السابع")
    or l.strip() in ("الأكثر قراءة", "لا يفوتك"))]
pool = []
for d in (seeds, samples):
    for f in sorted(os.listdir(d)):
        if not f.endswith(".txt") or f.startswith("002_"):
            continue
        for l in open(os.path.join(d, f), encoding="utf-8").read().split("\n"):
            l = l.strip()
            if len(l) > 40 and l not in pool:
                pool.append(l)
rng = random.Random(7)
os.makedirs(os.path.join(out, "pages"), exist_ok=True)
body = set()
for i in range(n):
    paras = rng.sample(pool, 6)
    body.update(paras)
    head = "عنوان الخبر رقم %d: %s" % (i + 1, paras[0][:50])
    text = [head, ""]
    text += [furniture[0], ""]
    for p in paras:
        text += [p, ""]
    text += [l + "\n" for l in furniture[1:]]
    open(os.path.join(out, "pages", "page-%02d.txt" % i), "w", encoding="utf-8").write("\n".join(text) + "\n")
open(os.path.join(out, "furniture.txt"), "w", encoding="utf-8").write("\n".join(furniture) + "\n")
open(os.path.join(out, "body.txt"), "w", encoding="utf-8").write("\n".join(sorted(body)) + "\n")
