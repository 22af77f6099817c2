"""The slow reference for the near-duplicate tests: the match key as
src/text/icu_fold.c folds it (NFKC with case folding, Arabic spelling variants
merged), its word 5-gram shingles, and the exact Jaccard similarity of two
shingle sets."""
import re
import unicodedata

_ARABIC = {0x0622: 0x0627, 0x0623: 0x0627, 0x0625: 0x0627, 0x0671: 0x0627,
           0x0649: 0x064A, 0x0629: 0x0647}


def fold(text):
    s = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    out = []
    for ch in s:
        c = ord(ch)
        if c == 0x0640 or c == 0x0670 or 0x064B <= c <= 0x065F:
            continue
        if unicodedata.category(ch) == "Cf":
            continue
        out.append(chr(_ARABIC.get(c, c)))
    return re.sub(r"\s+", " ", "".join(out)).strip()


def record_key(r):
    parts = [fold(r["headline"])] if r.get("headline") else []
    key = parts[0] if parts else ""
    for s in r["sections"]:
        for p in s["paragraphs"]:
            key += "\x1e" + fold(p["text"])
    return key


def shingles(key, n=5):
    words = [w for w in re.split(r"[ \x1e]+", key) if w]
    if not words:
        return set()
    if len(words) < n:
        return {tuple(words)}
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def jaccard(a, b):
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)
