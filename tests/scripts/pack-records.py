#!/usr/bin/env python3
"""Write hand-made article records (JSONL) for the pack tests.

usage: pack-records.py small            the golden set: Arabic and English articles,
                                        a spelling-variant duplicate, a repeated id
       pack-records.py many N [SEED]    N distinct synthetic records
       pack-records.py modify FILE      FILE with the first record's first paragraph changed
       pack-records.py list ARCHIVE     members (type, mode, owner, mtime, size), then
                                        manifest.json and the CSVs (CRLF shown as \\r)
"""
import hashlib
import json
import sys
import tarfile


def record(seed, headline, paragraphs, lang="ar", script="Arab", heading=None):
    raw = (seed + "\n" + (headline or "") + "\n" + "\n".join(paragraphs)).encode()
    sha = hashlib.sha256(raw).hexdigest()
    chars = sum(len(p) for p in paragraphs)
    words = sum(len(p.split()) for p in paragraphs)
    paras = [{"text": p, "kind": "paragraph", "line": i + 3, "lang": lang, "script": script}
             for i, p in enumerate(paragraphs)]
    section = {"heading": heading, "level": 2 if heading else 1}
    if heading:
        section["line"] = 2
    section["paragraphs"] = paras
    return {
        "id": sha[:32], "schema_version": "2.0.0",
        "source": {"name": seed + ".txt", "member": None, "bytes": len(raw), "sha256": sha,
                   "encoding": "UTF-8", "declared_encoding": None, "format": "text", "warc": None},
        "headline": headline, "byline": None, "authors": [], "url": None, "published": None,
        "modified": None, "site_name": None, "description": None, "html_lang": None, "lang": lang, "lang_confidence": 0.9,
        "lang_tag": lang + "-" + script, "script": script, "scripts": [{"script": script, "share": 1.0}],
        "sections": [section], "captions": [], "removed": [],
        "stats": {"lines": len(paragraphs) + 2, "blank_lines": 0, "sections": 1,
                  "paragraphs": len(paragraphs), "captions": 0, "removed": 0,
                  "characters": chars, "words": words, "replaced": 0, "marks_trimmed": 0},
    }


def line(r):
    return json.dumps(r, ensure_ascii=False, separators=(",", ":"))


def small():
    a = record("oil", "ارتفاع أسعار النفط في الأسواق العالمية",
               ["ارتفعت أسعار النفط اليوم بعد إعلان الدول المنتجة خفض الإنتاج.",
                "وقال محللون إن الأسعار قد تواصل الصعود حتى نهاية الشهر."],
               heading="الأسواق")
    # the same article with other alef forms, diacritics and tatweel: a duplicate
    b = record("oil-variant", "ارتفاع اسعار النفـــط في الاسواق العالميه",
               ["ارْتَفَعَت أسعار النفط اليوم بعد إعلان الدول المنتجة خفض الإنتاج.",
                "وقال محللون إن الأسعار قد تواصل الصعود حتى نهايه الشهر."],
               heading="الأسواق")
    c = record("rain", "Heavy rain, \"record\" floods in the north",
               ["Heavy rain fell for a third day, and roads were closed.",
                "Officials said schools would stay shut on Monday."], lang="en", script="Latn")
    d = record("school", "افتتاح مدرسة جديدة في المدينة",
               ["افتتح المحافظ مدرسة جديدة تتسع لخمسمئة طالب وطالبة.",
                "وتضم المدرسة مختبرات حديثة ومكتبة كبيرة."])
    for r in (a, b, c, d, c):
        print(line(r))


def many(n, seed):
    for i in range(n):
        r = record("%s-%d" % (seed, i), "خبر رقم %d من %s" % (i, seed),
                   ["هذا نص الخبر رقم %d، وهو نص قصير للاختبار." % i,
                    "Paragraph %d of the %s set, in English." % (i, seed)])
        print(line(r))


def modify(path):
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(l) for l in f]
    rows[0]["sections"][0]["paragraphs"][0]["text"] += " (corrected)"
    for r in rows:
        print(line(r))


def list_archive(path):
    with tarfile.open(path) as t:
        for m in t.getmembers():
            print("%s %o %d/%d '%s'/'%s' %d %8d %s" % ("d" if m.isdir() else "f", m.mode, m.uid,
                  m.gid, m.uname, m.gname, m.mtime, m.size, m.name))
        for m in t.getmembers():
            if m.name.endswith(("manifest.json", ".csv")):
                print("==> " + m.name)
                text = t.extractfile(m).read().decode("utf-8")
                sys.stdout.write(text.replace("\r\n", "\\r\n"))


if __name__ == "__main__":
    if sys.argv[1] == "small":
        small()
    elif sys.argv[1] == "many":
        many(int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "a")
    elif sys.argv[1] == "modify":
        modify(sys.argv[2])
    elif sys.argv[1] == "list":
        list_archive(sys.argv[2])
