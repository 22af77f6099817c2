#!/usr/bin/env python3
"""Lines and gold labels for bench-lid.sh, and their scores.

  lid_eval.py prepare EVAL_DIR TMP   write TMP/lines.txt and TMP/gold.tsv
  lid_eval.py score TMP              compare TMP/{cld2,sahifa}.out with the gold

The headline is the broad mix (MIX below): a fixed list of 22 widely used languages
that CLD2 and sahifa both name, taken with every line the eval data has for them,
from single words and word pairs (UI strings, headlines) to sentences, udhr
paragraphs and langid's long texts.  The list is the four Arabic-script languages
sahifa is built for, then the most used languages of the web and of the news that
have lines here, weak ones included; it is not chosen by score.  The 75-language
stress figure ("all") counts every line, languages neither engine names included.
"""
import collections
import glob
import html.parser
import json
import os
import re
import sys

# Gold codes to the BCP 47 subtag sahifa writes: macrolanguage members that are the
# same written language, ISO 639-3 codes that have a 639-1 code.
GOLD_MAP = {
    "arb": "ar", "pes": "fa", "prs": "fa", "pbu": "ps", "pus": "ps", "urd": "ur",
    "cmn": "zh", "zsm": "ms", "mly": "ms", "azj": "az", "azb": "az", "uzn": "uz",
    "swh": "sw", "ydd": "yi", "kmr": "ku", "nb": "no", "nob": "no", "fil": "tl",
    "ekk": "et", "lvs": "lv", "khk": "mn", "npi": "ne", "ory": "or", "plt": "mg",
    "als": "sq", "uig": "ug", "ckb": "ckb", "sin": "si", "tgl": "tl",
}
# The broad mix: Arabic-script languages first, then the widely used languages with
# lines in the eval data.  Fixed: do not drop a language for scoring badly.
MIX = ("ar", "fa", "ur", "ps",
       "en", "fr", "de", "es", "it", "pt", "nl", "pl", "ru", "uk", "tr",
       "he", "hi", "zh", "ja", "ko", "vi", "id")
FOCUS = ("ar", "fa", "ur", "ps")

# Engine answers that are the same language as the gold (Norwegian as CLD2 spells it).
PRED_MAP = {"nb": "no", "fil": "tl"}

ISO3_TO_1 = {
    "amh": "am", "bel": "be", "ben": "bn", "bos": "bs", "bul": "bg", "cat": "ca",
    "ces": "cs", "cym": "cy", "deu": "de", "div": "dv", "ell": "el", "eng": "en",
    "eus": "eu", "fin": "fi", "fra": "fr", "gle": "ga", "glg": "gl", "guj": "gu",
    "hau": "ha", "heb": "he", "hin": "hi", "hrv": "hr", "hun": "hu", "hye": "hy",
    "ibo": "ig", "ind": "id", "ita": "it", "jav": "jv", "jpn": "ja", "kan": "kn",
    "kat": "ka", "kaz": "kk", "khm": "km", "kor": "ko", "lao": "lo", "lit": "lt",
    "mal": "ml", "mar": "mr", "mlt": "mt", "mya": "my", "nep": "ne", "nld": "nl",
    "pan": "pa", "pol": "pl", "por": "pt", "ron": "ro", "rus": "ru", "slk": "sk",
    "som": "so", "spa": "es", "srp": "sr", "swe": "sv", "tam": "ta", "tel": "te",
    "tgk": "tg", "tha": "th", "tir": "ti", "tur": "tr", "ukr": "uk", "vie": "vi",
    "xho": "xh", "yor": "yo", "zul": "zu",
}


def norm_gold(code):
    code = code.split("-")[0].split("_")[0].lower()
    code = GOLD_MAP.get(code, code)
    return ISO3_TO_1.get(code, code)


def clean(text):
    return re.sub(r"\s+", " ", text).strip()


class UdhrText(html.parser.HTMLParser):
    """Text of each h1/h2/h3/p/li element, one string per element."""

    BLOCKS = {"h1", "h2", "h3", "h4", "p", "li"}

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.parts = []
        self.out = []
        self.lang = None

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            a = dict(attrs)
            self.lang = a.get("data-iso6393") or a.get("lang")
        if tag in self.BLOCKS:
            if self.depth and self.parts:
                self.flush()
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.BLOCKS and self.depth:
            self.depth -= 1
            self.flush()

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)

    def flush(self):
        t = clean("".join(self.parts))
        self.parts = []
        if t:
            self.out.append(t)


def prepare(eval_dir, tmp):
    rows = []  # (set, lang, text)
    lingua = os.path.join(eval_dir, "lingua_testdata")
    for d in sorted(glob.glob(os.path.join(lingua, "*/"))):
        lang = norm_gold(os.path.basename(d.rstrip("/")))
        for kind in ("sentences", "word-pairs", "single-words"):
            p = os.path.join(d, kind + ".txt")
            if not os.path.exists(p):
                continue
            with open(p, encoding="utf-8") as f:
                for line in f:
                    t = clean(line)
                    if t:
                        rows.append(("lingua-" + kind, lang, t))
    for p in sorted(glob.glob(os.path.join(eval_dir, "langid_py_tests", "*.txt"))):
        lang = norm_gold(os.path.basename(p).split(".")[0].rstrip("_"))
        with open(p, encoding="utf-8") as f:
            body = [l for l in f.read().split("\n") if not l.startswith("#")]
        for para in re.split(r"\n\s*\n", "\n".join(body)):
            t = clean(para)
            if t:
                rows.append(("langid", lang, t))
    for p in sorted(glob.glob(os.path.join(eval_dir, "udhr", "selected", "*.html"))):
        u = UdhrText()
        with open(p, encoding="utf-8") as f:
            u.feed(f.read())
        if not u.lang:
            continue
        lang = norm_gold(u.lang)
        if lang == "ckb" and u.out and re.match(r"[A-Za-z]", u.out[-1]):
            # udhr's ckb.html holds Kurmanji in Latin letters, not Sorani.
            lang = "ku"
        for t in u.out:
            rows.append(("udhr", lang, t))
    with open(os.path.join(tmp, "lines.txt"), "w", encoding="utf-8") as f:
        for _, _, t in rows:
            f.write(t + "\n")
    with open(os.path.join(tmp, "gold.tsv"), "w", encoding="utf-8") as f:
        for s, lang, t in rows:
            f.write("%s\t%s\t%d\n" % (s, lang, len(t)))


# Confidence bands for the calibration table (the last one holds 1.0).
BANDS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))


def read_secs(path):
    """Fastest of the runs timed in path (one "start end" pair a line)."""
    best = None
    for line in open(path):
        a, b = line.split()
        t = float(b) - float(a)
        best = t if best is None or t < best else best
    return best


def score(tmp):
    gold = [l.rstrip("\n").split("\t") for l in open(os.path.join(tmp, "gold.tsv"), encoding="utf-8")]
    engines = ("cld2", "sahifa")
    pred = {}
    secs = {}
    conf = {}
    for e in engines:
        lines = [l.rstrip("\n").split("\t") for l in open(os.path.join(tmp, e + ".out"),
                                                          encoding="utf-8")]
        pred[e] = [PRED_MAP.get(l[0], l[0]) for l in lines]
        conf[e] = [float(l[2]) if len(l) > 2 else 0.0 for l in lines]
        secs[e] = read_secs(os.path.join(tmp, e + ".out.time"))
        if len(pred[e]) != len(gold):
            print("bench-lid: %s wrote %d lines for %d" % (e, len(pred[e]), len(gold)))
            return 1
    # Languages one of the engines can name: the rest are counted apart.
    known = set(pred["cld2"]) | set(pred["sahifa"])
    known.discard("und")
    mix = set(MIX)

    def acc(select):
        out = {}
        for e in engines:
            n = ok = 0
            for i, g in enumerate(gold):
                if select(g):
                    n += 1
                    ok += pred[e][i] == g[1]
            out[e] = (ok / n if n else 0.0, n)
        return out

    def row(label, r):
        n = r["cld2"][1]
        flag = "" if r["sahifa"][0] + 1e-9 >= r["cld2"][0] else "  (below cld2)"
        print("%-32s %7d  %6.3f  %6.3f%s" % (label, n, r["cld2"][0], r["sahifa"][0], flag))

    def head(title):
        print()
        print("%-32s %7s  %6s  %6s" % (title, "lines", "cld2", "sahifa"))

    sets = sorted({g[0] for g in gold})
    head("broad mix (%d languages)" % len(MIX))
    row("mix, all lines", acc(lambda g: g[1] in mix))
    row("mix, under 50 chars", acc(lambda g: g[1] in mix and int(g[2]) < 50))
    row("mix, 50 chars or more", acc(lambda g: g[1] in mix and int(g[2]) >= 50))
    for s in sets:
        row("mix, set " + s, acc(lambda g, s=s: g[0] == s and g[1] in mix))
    print("mix: " + " ".join(MIX))
    # What the confidence is worth: accuracy of the mix's answers per confidence band,
    # so that a threshold for filtering can be chosen from figures.
    print()
    print("%-32s %7s  %6s  %7s  %6s" % ("mix by confidence", "cld2", "acc", "sahifa", "acc"))
    for lo, hi in BANDS:
        cells = []
        for e in engines:
            n = ok = 0
            for i, g in enumerate(gold):
                if g[1] in mix and lo <= conf[e][i] < hi:
                    n += 1
                    ok += pred[e][i] == g[1]
            cells.append((n, ok / n if n else 0.0))
        print("%-32s %7d  %6.3f  %7d  %6.3f" % ("confidence %.1f to %.1f" % (lo, min(hi, 1.0)),
                                                 cells[0][0], cells[0][1], cells[1][0], cells[1][1]))
    head("Arabic script")
    for lang in FOCUS:
        row(lang + ", all lines", acc(lambda g, lang=lang: g[1] == lang))
        row(lang + ", under 50 chars", acc(lambda g, lang=lang: g[1] == lang and int(g[2]) < 50))
    head("stress: 75+ languages")
    row("all", acc(lambda g: True))
    row("known languages", acc(lambda g: g[1] in known))
    row("known, under 50 chars", acc(lambda g: g[1] in known and int(g[2]) < 50))
    row("known, 50 chars or more", acc(lambda g: g[1] in known and int(g[2]) >= 50))
    for s in sets:
        row("set " + s, acc(lambda g, s=s: g[0] == s and g[1] in known))
    print()
    print("per language (+ = broad mix, - = neither engine names it; "
          "! = sahifa below cld2)")
    print("  %-6s %6s  %6s  %6s   %5s  %6s  %6s" % ("lang", "lines", "cld2", "sahifa",
                                                 "<50", "cld2", "sahifa"))
    for lang in sorted({g[1] for g in gold}):
        mark = "+" if lang in mix else " "
        r = acc(lambda g, lang=lang: g[1] == lang)
        r_short = acc(lambda g, lang=lang: g[1] == lang and int(g[2]) < 50)
        if lang not in known:
            mark = "-"
        below = "!" if r["sahifa"][0] + 1e-9 < r["cld2"][0] else ""
        n = r["cld2"][1]
        print("%s %-6s %6d  %6.3f  %6.3f   %5d  %6.3f  %6.3f %s" % (
            mark, lang, n, r["cld2"][0], r["sahifa"][0], r_short["cld2"][1],
            r_short["cld2"][0], r_short["sahifa"][0], below))
    print()
    for e in engines:
        print("%-7s %d lines in %.2f s: %.0f lines/s (fastest of %d runs)" % (
            e, len(gold), secs[e], len(gold) / secs[e],
            len(open(os.path.join(tmp, e + ".out.time")).readlines())))
    print("sahifa / cld2 time: %.2f" % (secs["sahifa"] / secs["cld2"]))
    return 0


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "prepare":
        prepare(sys.argv[2], sys.argv[3])
        return 0
    if len(sys.argv) == 3 and sys.argv[1] == "score":
        return score(sys.argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
