# A release as pandas reads it (Debian's python3-pandas):
#   pandas_check.py RELEASE_DIR FEATURES.json LABEL
# Every JSONL shard read with the dtypes the card's features give must have the same
# dtypes as every other shard and the manifest's row count; the CSVs read with the
# dtypes of their Table Schemas must have the schema's header, the manifest's row count,
# and the paragraph texts of the records (a spreadsheet-safe CSV's guard quote taken
# off).  What pandas infers on its own is printed for information, not judged: it types
# an all-null column as float64 in one shard and object in the next, which is why the
# card declares the features.  Prints PASS/FAIL lines.
import glob, json, os, sys
import pandas as pd

rel, feat_path, label = sys.argv[1:4]
def say(ok, name, why):
    print(("PASS" if ok else "FAIL") + " consumers/pandas-%s-%s%s" % (name, label, "" if ok else ": " + why))

man = json.load(open(os.path.join(rel, "manifest.json"), encoding="utf-8"))
rows = {f["path"]: f["rows"] for f in man["files"]}
feats = json.load(open(feat_path))
DT = {"string": "string", "int64": "Int64", "float64": "Float64", "bool": "boolean"}
dtype = {k: DT[v] if isinstance(v, str) else "object" for k, v in feats}

shards = sorted(os.path.relpath(p, rel) for p in glob.glob(os.path.join(rel, "data", "*.jsonl")))
types, bad_t, bad_n, bad_v, inferred = None, [], [], [], set()
texts = {}
for s in shards:
    df = pd.read_json(os.path.join(rel, s), lines=True, dtype=dtype)
    t = tuple((c, str(df[c].dtype)) for c in df.columns)
    if types is None:
        types = t
    elif t != types:
        bad_t.append(s)
    if len(df) != rows[s]:
        bad_n.append("%s: %d rows, manifest %s" % (s, len(df), rows[s]))
    if set(df.columns) != {k for k, _ in feats}:
        bad_v.append("%s: columns %s" % (s, sorted(set(df.columns) ^ {k for k, _ in feats})))
    for rid, secs, scr in zip(df["id"], df["sections"], df["scripts"]):
        if not isinstance(scr, list) or any(set(x) != {"script", "share"} for x in scr):
            bad_v.append("%s: scripts of %s is %r" % (s, rid, scr))
        for si, sec in enumerate(secs):
            for pi, p in enumerate(sec["paragraphs"]):
                texts[(rid, si, pi)] = p["text"]
    inferred.add(tuple(str(x) for x in pd.read_json(os.path.join(rel, s), lines=True).dtypes))
say(not bad_t and types is not None, "shard-types", "dtypes differ in %s" % ", ".join(bad_t))
say(not bad_n and shards, "shard-rows", "; ".join(bad_n) or "no shards")
say(not bad_v, "shard-values", "; ".join(bad_v[:3]))
print("INFO consumers/pandas-inferred-%s: %d dtype sets over %d shards without the features"
      % (label, len(inferred), len(shards)))

spreadsheet = man.get("csv") == "spreadsheet"
TS = {"string": "string", "integer": "Int64", "number": "Float64"}
for r in json.load(open(os.path.join(rel, "datapackage.json"), encoding="utf-8"))["resources"]:
    if r["format"] != "csv":
        continue
    ts = json.load(open(os.path.join(rel, r["schema"]), encoding="utf-8"))
    bad = []
    try:
        df = pd.read_csv(os.path.join(rel, r["path"]), dtype={f["name"]: TS[f["type"]] for f in ts["fields"]},
                         keep_default_na=False, na_values=[""],
                         encoding="utf-8-sig" if spreadsheet else "utf-8")
    except Exception as e:  # a cast failure is what this test looks for
        say(False, "csv-" + r["name"], str(e).splitlines()[0])
        continue
    if list(df.columns) != [f["name"] for f in ts["fields"]]:
        bad.append("header %s" % list(df.columns)[:3])
    if len(df) != rows[r["path"]]:
        bad.append("%d rows, manifest %s" % (len(df), rows[r["path"]]))
    if r["name"] == "paragraphs" and not bad:
        def unguard(t):
            return t[1:] if spreadsheet and len(t) > 1 and t[0] == "'" and t[1] in "=+-@\t\r" else t
        got = {(a, int(si), int(pi)): unguard(t) for a, si, pi, t in
               zip(df["article_id"], df["section_index"], df["paragraph_index"], df["text"])}
        if got != texts:
            diff = [k for k in texts if got.get(k) != texts[k]]
            bad.append("%d paragraph texts differ from the records (first %s)" % (len(diff), diff[:1]))
    say(not bad, "csv-" + r["name"], "; ".join(bad))
