#!/usr/bin/env python3
"""bench-extract helper: lay the shared eval pages out for sahifa convert, then score
the records it wrote.

  extract_eval.py prepare EVAL TMP      pages into TMP/<set>/ (AEB pages gunzipped)
  extract_eval.py score EVAL TMP        read TMP/<set>.jsonl, print the figures
  extract_eval.py pages EVAL TMP        the worst pages of AEB (precision, recall) and
                                        the missed trafilatura snippets, page by page
  extract_eval.py halves EVAL TMP       AEB and snippet figures on even and odd pages
                                        apart (tune on one half, check on the other)

Metrics (each written here from its definition):
  AEB: 4-token shingles of \\w+ tokens; per page tp/fp/fn normalised to sum 1; precision
       and recall are means over the pages where they are defined; F1 of the two means.
  readability_testpages: the same shingle F1 against the text of expected.html, and
       the share of expected headings and list items found as such.
  trafilatura_eval: each 'with' snippet in the text, each 'without' snippet absent.
  titles: normalised equality (case, white space, NFC, quotation mark forms) with the
       fixture's title, or the fixture's title being ours with a site name before or
       after a separator or in brackets.
  dates: the gold date equals the first 10 characters of published.
"""
import gzip
import html.parser
import json
import os
import re
import shutil
import sys
import unicodedata
from collections import Counter

TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text, n=4):
    toks = TOKEN.findall(text or "")
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def tp_fp_fn(true, pred):
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def prf(rows):
    precs, recs = [], []
    for tp, fp, fn in rows:
        if fp == 0 and fn == 0:
            precs.append(1.0)
            recs.append(1.0)
            continue
        if tp + fp > 0:
            precs.append(tp / (tp + fp))
        if tp + fn > 0:
            recs.append(tp / (tp + fn))
    p = sum(precs) / len(precs) if precs else 0.0
    r = sum(recs) / len(recs) if recs else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def body(rec, with_headings=True):
    out = []
    for s in rec.get("sections", []):
        if with_headings and s.get("heading"):
            out.append(s["heading"])
        for p in s.get("paragraphs", []):
            out.append(p["text"])
    return "\n".join(out)


def norm(s):
    return " ".join((s or "").lower().split())


# A site part after a separator, or in brackets ("Title (Source) - Site").
SEPS = ("|", "-", "\u2013", "\u2014", ":", "::", "\u00ab", "\u00bb", "/", "_", "@",
        "(", "\uff08", "[")
# Quotation marks of one kind: fixtures write straight quotes where pages print
# typographic ones, and the reverse.
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"'})


def tnorm(s):
    return norm(unicodedata.normalize("NFC", s or "").translate(QUOTES))


def title_ok(gold, ours):
    """The same title (case, white space, Unicode normalisation and quotation mark
    forms aside), or the gold one with a site name before or after a separator."""
    g, o = tnorm(gold), tnorm(ours)
    if not o:
        return False
    if g == o:
        return True
    if g.startswith(o):
        rest = g[len(o):].strip()
        return any(rest.startswith(sep) for sep in SEPS)
    if g.endswith(o):
        rest = g[:-len(o)].strip()
        return any(rest.endswith(sep) for sep in SEPS)
    return False


class TextOf(html.parser.HTMLParser):
    BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td",
             "blockquote", "pre", "figcaption", "section", "article", "ul", "ol", "dd", "dt"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.headings, self.items = [], [], 0
        self.skip = 0
        self.cur = None

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag in self.BLOCK:
            self.parts.append("\n")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.cur = []
        if tag == "li":
            self.items += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self.cur is not None:
            self.headings.append(norm("".join(self.cur)))
            self.cur = None
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.skip:
            return
        self.parts.append(data)
        if self.cur is not None:
            self.cur.append(data)


def prepare(ev, tmp):
    def put(setname, name, src=None, data=None):
        d = os.path.join(tmp, setname)
        os.makedirs(d, exist_ok=True)
        dst = os.path.join(d, name)
        if data is not None:
            open(dst, "wb").write(data)
        else:
            try:
                os.link(src, dst)
            except OSError:
                shutil.copy(src, dst)

    aeb = os.path.join(ev, "scrapinghub_aeb", "html")
    for f in sorted(os.listdir(aeb)):
        if f.endswith(".html.gz"):
            put("aeb", f[:-3], data=gzip.open(os.path.join(aeb, f)).read())
    rt = os.path.join(ev, "readability_testpages")
    for c in sorted(os.listdir(rt)):
        if os.path.isfile(os.path.join(rt, c, "source.html")):
            put("readability", c + ".html", os.path.join(rt, c, "source.html"))
    tr = os.path.join(ev, "trafilatura_eval", "html")
    for f in sorted(os.listdir(tr)):
        put("trafilatura", f, os.path.join(tr, f))
    hd = os.path.join(ev, "htmldate_mediacloud", "html")
    for f in sorted(os.listdir(hd)):
        put("htmldate", f, os.path.join(hd, f))
    nk = os.path.join(ev, "newspaper4k_fixtures", "html")
    for f in sorted(os.listdir(nk)):
        put("newspaper4k", f, os.path.join(nk, f))
    g3 = os.path.join(ev, "goose3_fixtures")
    for f in sorted(os.listdir(g3)):
        if f.endswith(".html"):
            put("goose3", f, os.path.join(g3, f))


def records(tmp, setname):
    out = {}
    path = os.path.join(tmp, setname + ".jsonl")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            out[os.path.basename(r["source"]["name"])] = r
    return out


def score(ev, tmp):
    res = {}
    arabic_total = arabic_empty = 0

    def arabic_check(recs, names):
        nonlocal arabic_total, arabic_empty
        for n in names:
            r = recs.get(n)
            if r is None:
                continue
            if r.get("script") == "Arab" or (r.get("html_lang") or "")[:2] in ("ar", "fa", "ur", "ps"):
                arabic_total += 1
                if not body(r).strip():
                    arabic_empty += 1

    # AEB
    gt = json.load(open(os.path.join(ev, "scrapinghub_aeb", "ground-truth.json"), encoding="utf-8"))
    recs = records(tmp, "aeb")
    rows = []
    for k, v in gt.items():
        r = recs.get(k + ".html")
        rows.append(tp_fp_fn(v.get("articleBody", ""), body(r) if r else ""))
    res["aeb"] = prf(rows)
    res["aeb_n"] = (len(recs), len(gt))

    # readability test pages
    rt = os.path.join(ev, "readability_testpages")
    recs = records(tmp, "readability")
    rows, hs, lis, titles = [], [], [], []
    for c in sorted(os.listdir(rt)):
        exp = os.path.join(rt, c, "expected.html")
        if not os.path.isfile(exp):
            continue
        t = TextOf()
        t.feed(open(exp, encoding="utf-8").read())
        r = recs.get(c + ".html")
        rows.append(tp_fp_fn("".join(t.parts), body(r) if r else ""))
        if r:
            ours_h = {norm(s["heading"]) for s in r["sections"] if s.get("heading")}
            ours_h.add(norm(r.get("headline")))
            if t.headings:
                hs.append(sum(1 for h in t.headings if h in ours_h) / len(t.headings))
            n_li = sum(1 for s in r["sections"] for p in s["paragraphs"] if p["kind"] == "list_item")
            if t.items:
                lis.append(min(n_li, t.items) / max(n_li, t.items))
        else:
            if t.headings:
                hs.append(0.0)
            if t.items:
                lis.append(0.0)
        md = os.path.join(rt, c, "expected-metadata.json")
        if os.path.isfile(md):
            m = json.load(open(md, encoding="utf-8"))
            if m.get("title"):
                titles.append(title_ok(m["title"], r.get("headline") if r else ""))
    res["readability"] = prf(rows)
    res["readability_headings"] = sum(hs) / len(hs) if hs else 0
    res["readability_lists"] = sum(lis) / len(lis) if lis else 0
    res["title_readability"] = (sum(titles), len(titles))
    arabic_check(recs, recs.keys())

    # trafilatura snippets
    data = json.load(open(os.path.join(ev, "trafilatura_eval", "evaldata_subset.json"), encoding="utf-8"))
    recs = records(tmp, "trafilatura")
    tp = fn = tn = fp = 0
    titles_t = []
    for url, v in data.items():
        r = recs.get(v["file"])
        text = ((r.get("headline") or "") + "\n" + body(r)) if r else ""
        text = " ".join(text.split())
        for s in v.get("with", []):
            if " ".join(s.split()) in text:
                tp += 1
            else:
                fn += 1
        for s in v.get("without", []):
            if " ".join(s.split()) in text:
                fp += 1
            else:
                tn += 1
        if v.get("title"):
            titles_t.append(title_ok(v["title"], r.get("headline") if r else ""))
    prec = tp / (tp + fp) if tp + fp else 0
    rec = tp / (tp + fn) if tp + fn else 0
    res["snippets"] = ((tp + tn) / (tp + tn + fp + fn), prec, rec,
                       2 * prec * rec / (prec + rec) if prec + rec else 0)
    res["title_trafilatura"] = (sum(titles_t), len(titles_t))
    arabic_check(recs, recs.keys())

    # newspaper4k
    nk = os.path.join(ev, "newspaper4k_fixtures")
    recs = records(tmp, "newspaper4k")
    rows, titles_n = [], []
    for f in sorted(os.listdir(os.path.join(nk, "html"))):
        stem = f[:-5]
        txt = os.path.join(nk, "txt", stem + ".txt")
        r = recs.get(f)
        if os.path.isfile(txt):
            rows.append(tp_fp_fn(open(txt, encoding="utf-8").read(), body(r) if r else ""))
        md = os.path.join(nk, "metadata", stem + ".json")
        if os.path.isfile(md):
            m = json.load(open(md, encoding="utf-8"))
            if m.get("title"):
                titles_n.append(title_ok(m["title"], r.get("headline") if r else ""))
    res["newspaper4k"] = prf(rows)
    res["title_newspaper4k"] = (sum(titles_n), len(titles_n))
    arabic_check(recs, recs.keys())

    # goose3: body prefix (the fixtures keep the start of the body)
    g3 = os.path.join(ev, "goose3_fixtures")
    recs = records(tmp, "goose3")
    rows = []
    for f in sorted(os.listdir(g3)):
        if not f.endswith(".json"):
            continue
        exp = json.load(open(os.path.join(g3, f), encoding="utf-8"))["expected"]
        r = recs.get(f[:-5] + ".html")
        gold = exp.get("cleaned_text", "")
        ours = body(r) if r else ""
        # recall of the gold prefix's shingles in our body
        t, p = shingles(gold), shingles(ours)
        rows.append(sum((t & p).values()) / max(1, sum(t.values())))
    res["goose3_prefix_recall"] = sum(rows) / len(rows) if rows else 0
    arabic_check(recs, recs.keys())

    # htmldate
    gold = json.load(open(os.path.join(ev, "htmldate_mediacloud", "gold_dates.json"), encoding="utf-8"))
    recs = records(tmp, "htmldate")
    ok = n = lang_ok = lang_n = 0
    for url, v in gold.items():
        r = recs.get(v["file"])
        n += 1
        if r and (r.get("published") or "")[:10] == v["date"]:
            ok += 1
        if v.get("html_lang"):
            lang_n += 1
            lang_ok += bool(r) and (r.get("html_lang") or "").lower()[:2] == v["html_lang"].lower()[:2]
    res["date"] = (ok, n)
    res["html_lang"] = (lang_ok, lang_n)
    arabic_check(recs, recs.keys())
    res["arabic"] = (arabic_total, arabic_empty)

    tt = [res["title_readability"], res["title_trafilatura"], res["title_newspaper4k"]]
    res["title"] = (sum(a for a, _ in tt), sum(b for _, b in tt))
    return res


def aeb_rows(ev, tmp):
    gt = json.load(open(os.path.join(ev, "scrapinghub_aeb", "ground-truth.json"), encoding="utf-8"))
    recs = records(tmp, "aeb")
    out = []
    for i, (k, v) in enumerate(sorted(gt.items())):
        r = recs.get(k + ".html")
        out.append((i, k, tp_fp_fn(v.get("articleBody", ""), body(r) if r else "")))
    return out


def snippet_rows(ev, tmp):
    data = json.load(open(os.path.join(ev, "trafilatura_eval", "evaldata_subset.json"), encoding="utf-8"))
    recs = records(tmp, "trafilatura")
    out = []
    for i, (url, v) in enumerate(sorted(data.items())):
        r = recs.get(v["file"])
        text = ((r.get("headline") or "") + "\n" + body(r)) if r else ""
        text = " ".join(text.split())
        missed = [s for s in v.get("with", []) if " ".join(s.split()) not in text]
        leaked = [s for s in v.get("without", []) if " ".join(s.split()) in text]
        n = len(v.get("with", [])) + len(v.get("without", []))
        out.append((i, v["file"], n, missed, leaked))
    return out


def pages(ev, tmp):
    rows = aeb_rows(ev, tmp)
    def pr(t):
        tp, fp, fn = t
        return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)
    print("AEB, lowest precision:")
    for i, k, t in sorted(rows, key=lambda r: pr(r[2])[0])[:15]:
        print("  %3d %s  P %.3f  R %.3f" % (i, k, *pr(t)))
    print("AEB, lowest recall:")
    for i, k, t in sorted(rows, key=lambda r: pr(r[2])[1])[:15]:
        print("  %3d %s  P %.3f  R %.3f" % (i, k, *pr(t)))
    print("trafilatura snippets missed (-) and leaked (+):")
    for i, f, n, missed, leaked in snippet_rows(ev, tmp):
        for s in missed:
            print("  %3d %s - %s" % (i, f, s[:70]))
        for s in leaked:
            print("  %3d %s + %s" % (i, f, s[:70]))


def halves(ev, tmp):
    rows = aeb_rows(ev, tmp)
    snips = snippet_rows(ev, tmp)
    for h, name in ((0, "even"), (1, "odd")):
        p, r, f = prf([t for i, _, t in rows if i % 2 == h])
        bad = sum(len(m) + len(l) for i, _, _, m, l in snips if i % 2 == h)
        n = sum(c for i, _, c, _, _ in snips if i % 2 == h)
        print("%-4s AEB P %.3f  R %.3f  F1 %.3f   snippets %.3f (%d of %d wrong)" % (
            name, p, r, f, 1 - bad / n if n else 0, bad, n))


def main():
    if sys.argv[1] == "prepare":
        prepare(sys.argv[2], sys.argv[3])
        return
    if sys.argv[1] == "pages":
        pages(sys.argv[2], sys.argv[3])
        return
    if sys.argv[1] == "halves":
        halves(sys.argv[2], sys.argv[3])
        return
    res = score(sys.argv[2], sys.argv[3])
    p, r, f = res["aeb"]
    print("scrapinghub_aeb       body   P %.3f  R %.3f  F1 %.3f   (%d of %d pages converted)" % (p, r, f, *res["aeb_n"]))
    p, r, f = res["readability"]
    print("readability_testpages body   P %.3f  R %.3f  F1 %.3f   headings %.3f  lists %.3f" % (
        p, r, f, res["readability_headings"], res["readability_lists"]))
    a, p, r, f = res["snippets"]
    print("trafilatura_eval      snippets accuracy %.3f  (P %.3f  R %.3f  F1 %.3f)" % (a, p, r, f))
    p, r, f = res["newspaper4k"]
    print("newspaper4k           body   P %.3f  R %.3f  F1 %.3f" % (p, r, f))
    print("goose3                body prefix recall %.3f" % res["goose3_prefix_recall"])
    for k in ("title_readability", "title_trafilatura", "title_newspaper4k", "title"):
        a, b = res[k]
        print("%-21s %d/%d = %.3f" % (k, a, b, a / b if b else 0))
    a, b = res["date"]
    print("htmldate_mediacloud   date   %d/%d = %.3f" % (a, b, a / b if b else 0))
    a, b = res["html_lang"]
    print("htmldate_mediacloud   html_lang %d/%d" % (a, b))
    a, b = res["arabic"]
    print("arabic-script pages   %d, empty %d" % (a, b))


if __name__ == "__main__":
    main()
