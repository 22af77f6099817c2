# Build release fixtures for tests/scripts/validate.sh by hand, following the release
# layout (data shards, articles.csv, paragraphs.csv, schema copies, card, chart,
# datapackage.json, manifest.json).
#   mkrelease.py build ROWS.jsonl ROOT DIR   rows 1-3 train, 4 validation, 5 test; sealed
#   mkrelease.py seal DIR                    rewrite datapackage.json and manifest.json
#   mkrelease.py tar DIR OUT.tar.gz [EXTRA_NAME EXTRA_TEXT] [--link]
import csv, hashlib, io, json, os, sys, tarfile

SPLITS = {"train": [0, 1, 2], "validation": [3], "test": [4]}

def article_row(r, split):
    st = r["stats"]; src = r["source"]
    n = lambda v: "" if v is None else str(v)
    return [r["id"], split, n(r["headline"]), n(r["byline"]), r["lang"], r["script"],
            "%.15g" % round(r["lang_confidence"], 3), str(st["sections"]), str(st["paragraphs"]),
            str(st["captions"]), str(st["removed"]), str(st["characters"]), str(st["words"]),
            src["name"], n(src["member"]), src["sha256"], src["encoding"], n(r["url"]),
            n(r["published"]), n(r["modified"]), n(r["site_name"]), n(r["description"]),
            n(r["html_lang"]), n(src["declared_encoding"]), src["format"]]

def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)

def build(rows_path, root, d):
    lines = open(rows_path, encoding="utf-8").read().splitlines()
    os.makedirs(os.path.join(d, "data"))
    os.makedirs(os.path.join(d, "schema"))
    arts, paras = [], []
    for split in ("test", "train", "validation"):
        with open(os.path.join(d, "data", split + "-00000-of-00001.jsonl"), "w", encoding="utf-8") as f:
            for i in SPLITS[split]:
                f.write(lines[i] + "\n")
                r = json.loads(lines[i])
                arts.append(article_row(r, split))
                for si, s in enumerate(r["sections"]):
                    for pi, p in enumerate(s["paragraphs"]):
                        paras.append([r["id"], split, str(si), s["heading"] or "", str(int(s["level"])),
                                      str(pi), p["kind"], p["lang"], p["script"], str(p["line"]), p["text"]])
    ah = [f["name"] for f in json.load(open(os.path.join(root, "schema/articles.table.json")))["fields"]]
    ph = [f["name"] for f in json.load(open(os.path.join(root, "schema/paragraphs.table.json")))["fields"]]
    write_csv(os.path.join(d, "data", "articles.csv"), ah, arts)
    write_csv(os.path.join(d, "data", "paragraphs.csv"), ph, paras)
    write_csv(os.path.join(d, "data", "duplicates.csv"), ["dropped", "kept"], [])
    for s in sorted(x for x in os.listdir(os.path.join(root, "schema")) if x.endswith(".json")):
        open(os.path.join(d, "schema", s), "wb").write(open(os.path.join(root, "schema", s), "rb").read())
    open(os.path.join(d, "README.md"), "w").write("---\nlicense: cc-by-4.0\n---\n# fixture\n")
    open(os.path.join(d, "chart.svg"), "w").write('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
    seal(d)

def rows_of(path):
    if path.endswith(".jsonl"):
        return sum(1 for _ in open(path, "rb"))
    if path.endswith(".csv"):
        return len(list(csv.reader(open(path, newline="", encoding="utf-8", errors="replace")))) - 1
    return None

def seal(d):
    name = os.path.basename(os.path.normpath(d))
    base, version = name.rsplit("-", 1)
    files = []
    for top, _, names in os.walk(d):
        for n in names:
            p = os.path.relpath(os.path.join(top, n), d)
            if p not in ("manifest.json", "datapackage.json"):
                files.append(p)
    def entry(p):
        b = open(os.path.join(d, p), "rb").read()
        return {"path": p, "bytes": len(b), "rows": rows_of(os.path.join(d, p)), "sha256": hashlib.sha256(b).hexdigest()}
    res = []
    for p in sorted(f for f in files if f.startswith("data/")):
        e = entry(p)
        r = {"name": os.path.basename(p).rsplit(".", 1)[0], "path": p, "format": p.rsplit(".", 1)[1],
             "mediatype": "text/csv" if p.endswith(".csv") else "application/jsonl", "encoding": "utf-8",
             "bytes": e["bytes"], "hash": "sha256:" + e["sha256"]}
        if p.endswith(".csv"):
            r["schema"] = "schema/" + os.path.basename(p)[:-4] + ".table.json"
            r["dialect"] = {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": True, "header": True}
        res.append(r)
    dp = {"name": base, "version": version, "licenses": [{"name": "CC-BY-4.0"}], "resources": res}
    open(os.path.join(d, "datapackage.json"), "w").write(json.dumps(dp, indent=2) + "\n")
    files.append("datapackage.json")
    n_art = sum(rows_of(os.path.join(d, p)) for p in files if p.endswith(".jsonl"))
    man = {"name": base, "version": version, "schema_version": "2.0.0",
           "tool": {"name": "sahifa", "version": "0.1.0"}, "created": "1970-01-01T00:00:00Z",
           "license": "CC-BY-4.0", "csv": "faithful", "splits": {"train": 80, "validation": 10, "test": 10},
           "counts": {"articles": n_art, "paragraphs": 0, "characters": 0, "words": 0, "duplicates_dropped": 0,
                      "by_lang": {}, "by_script": {}, "by_split": {"train": 3, "validation": 1, "test": 1}},
           "files": [entry(p) for p in sorted(files)]}
    open(os.path.join(d, "manifest.json"), "w").write(json.dumps(man, indent=2, ensure_ascii=False) + "\n")

def tar(d, out, extra=None, link=False):
    top = os.path.basename(os.path.normpath(d))
    with tarfile.open(out, "w:gz") as t:
        for p in sorted([top] + [os.path.join(top, os.path.relpath(os.path.join(a, n), d))
                                  for a, ds, ns in os.walk(d) for n in ds + ns]):
            ti = t.gettarinfo(os.path.join(os.path.dirname(os.path.normpath(d)), p), arcname=p)
            ti.uid = ti.gid = 0; ti.uname = ti.gname = ""; ti.mtime = 0
            if ti.isdir():
                t.addfile(ti)
            else:
                t.addfile(ti, open(os.path.join(os.path.dirname(os.path.normpath(d)), p), "rb"))
        if extra:
            b = extra[1].encode()
            ti = tarfile.TarInfo(extra[0]); ti.size = len(b)
            t.addfile(ti, io.BytesIO(b))
        if link:
            ti = tarfile.TarInfo(top + "/data/link.jsonl"); ti.type = tarfile.SYMTYPE; ti.linkname = "/etc/passwd"
            t.addfile(ti)

if __name__ == "__main__":
    a = sys.argv
    if a[1] == "build":
        build(a[2], a[3], a[4])
    elif a[1] == "seal":
        seal(a[2])
    elif a[1] == "tar":
        extra = (a[4], a[5]) if len(a) > 5 and a[4] != "--link" else None
        tar(a[2], a[3], extra, "--link" in a)
