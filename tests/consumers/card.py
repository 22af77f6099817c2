# The dataset card's YAML as the Hugging Face hub reads it (python3-yaml):
#   card.py RELEASE_DIR SCHEMA.json OUT_FEATURES.json
# Checks that the YAML loads with the types the hub expects (strings stay strings),
# round-trips through yaml.safe_dump, that dataset_info.features is a well-formed tree
# which matches schema/article.schema.json field by field, and that every record of
# every shard fits those features.  Writes the features as JSON for the other
# consumers.  Prints PASS/FAIL lines.
import glob, json, os, re, sys
import yaml

rel, schema_path, out = sys.argv[1], sys.argv[2], sys.argv[3]
label = os.path.basename(os.path.normpath(rel))
fails = []

def check(ok, name, why):
    print(("PASS" if ok else "FAIL") + " consumers/yaml-%s-%s%s" % (name, label, "" if ok else ": " + why))

text = open(os.path.join(rel, "README.md"), encoding="utf-8").read()
m = re.match(r"---\n(.*?\n)---\n", text, re.S)
check(bool(m), "front-matter", "README.md does not start with a --- YAML block ---")
if not m:
    sys.exit(0)
card = yaml.safe_load(m.group(1))
man = json.load(open(os.path.join(rel, "manifest.json"), encoding="utf-8"))

HUB_SIZES = {"n<1K", "1K<n<10K", "10K<n<100K", "100K<n<1M", "1M<n<10M", "10M<n<100M", "100M<n<1B"}
problems = []
def want(cond, what):
    if not cond:
        problems.append(what)
want(isinstance(card.get("pretty_name"), str) and card["pretty_name"] == man["name"],
     "pretty_name %r is not the string %r" % (card.get("pretty_name"), man["name"]))
want(isinstance(card.get("license"), str) and re.fullmatch(r"[a-z0-9.+-]+", card["license"]),
     "license %r is not a lower-case hub id" % card.get("license"))
want(isinstance(card.get("language"), list) and all(isinstance(x, str) for x in card["language"]),
     "language is not a list of strings: %r" % card.get("language"))
want(isinstance(card.get("size_categories"), list) and set(card["size_categories"]) <= HUB_SIZES,
     "size_categories %r" % card.get("size_categories"))
want(isinstance(card.get("task_categories"), list) and card["task_categories"] and
     all(isinstance(x, str) for x in card["task_categories"]), "task_categories missing")
cfg = card.get("configs")
want(isinstance(cfg, list) and all(isinstance(d.get("path"), str) and isinstance(d.get("split"), str)
                                  for c in cfg for d in c.get("data_files", [])), "configs %r" % cfg)
check(not problems, "types", "; ".join(problems))
check(yaml.safe_load(yaml.safe_dump(card, allow_unicode=True)) == card, "round-trip",
      "yaml.safe_dump then safe_load differs")

# -- features: the hub's YAML form (name + dtype | struct | list | sequence)
DTYPES = {"string", "int64", "float64", "bool"}
def parse(items, path):
    res = {}
    if not isinstance(items, list):
        raise ValueError("%s: not a list of features" % path)
    for f in items:
        name = f.get("name")
        kinds = [k for k in ("dtype", "struct", "list", "sequence") if k in f]
        if not isinstance(name, str) or len(kinds) != 1 or set(f) != {"name", kinds[0]}:
            raise ValueError("%s: bad feature %r" % (path, f))
        k, v = kinds[0], f[kinds[0]]
        if k == "dtype":
            if v not in DTYPES:
                raise ValueError("%s.%s: dtype %r" % (path, name, v))
            res[name] = v
        elif k == "struct":
            res[name] = {"struct": parse(v, path + "." + name)}
        elif k == "list":
            res[name] = {"list": parse(v, path + "." + name)}
        else:
            if v not in DTYPES:
                raise ValueError("%s.%s: sequence of %r" % (path, name, v))
            res[name] = {"sequence": v}
        if list(res).count(name) > 1:
            raise ValueError("%s.%s twice" % (path, name))
    return res
try:
    feats = parse(card["dataset_info"]["features"], "features")
    err = ""
except (KeyError, TypeError, ValueError) as e:
    feats, err = None, str(e)
check(feats is not None, "features", err)
if feats is None:
    sys.exit(0)

# -- against the JSON Schema of the record
schema = json.load(open(schema_path, encoding="utf-8"))
defs = schema["$defs"]
def resolve(s):
    while "$ref" in s:
        s = defs[s["$ref"].split("/")[-1]]
    return s
def jtypes(s):
    s = resolve(s)
    if "oneOf" in s:
        return [t for o in s["oneOf"] for t in jtypes(o)]
    if "const" in s or "enum" in s:
        return ["string"]
    t = s.get("type")
    return t if isinstance(t, list) else [t]
def compare(s, f, path, bad):
    s = resolve(s)
    ts = set(jtypes(s)) - {"null"}
    if isinstance(f, str):
        ok = {"string": {"string"}, "int64": {"integer"}, "float64": {"number"}, "bool": {"boolean"}}[f]
        if ts != ok:
            bad.append("%s: schema %s, feature %s" % (path, sorted(ts), f))
        return
    if "struct" in f:
        if ts != {"object"}:
            bad.append("%s: schema %s, feature struct" % (path, sorted(ts)))
            return
        obj = s if "properties" in s else next(resolve(o) for o in s["oneOf"] if "properties" in resolve(o))
        props = obj["properties"]
        if set(props) != set(f["struct"]):
            bad.append("%s: schema keys %s, feature keys %s" % (path, sorted(props), sorted(f["struct"])))
        for k in set(props) & set(f["struct"]):
            compare(props[k], f["struct"][k], path + "." + k, bad)
        return
    if ts != {"array"}:
        bad.append("%s: schema %s, feature list" % (path, sorted(ts)))
        return
    item = resolve(s["items"])
    compare(item, f["sequence"] if "sequence" in f else {"struct": f["list"]}, path + "[]", bad)
bad = []
compare(schema, {"struct": feats}, "record", bad)
check(not bad, "features-match-schema", "; ".join(bad[:5]))

# -- every record fits the features (what the hub's cast needs)
def fits(v, f):
    if v is None:
        return True
    if isinstance(f, str):
        return {"string": lambda x: isinstance(x, str),
                "int64": lambda x: isinstance(x, int) and not isinstance(x, bool),
                "float64": lambda x: isinstance(x, (int, float)) and not isinstance(x, bool),
                "bool": lambda x: isinstance(x, bool)}[f](v)
    if "struct" in f:
        return isinstance(v, dict) and set(v) <= set(f["struct"]) and all(fits(v[k], f["struct"][k]) for k in v)
    if "sequence" in f:
        return isinstance(v, list) and all(fits(x, f["sequence"]) for x in v)
    return isinstance(v, list) and all(fits(x, {"struct": f["list"]}) for x in v)
n = misfit = 0
for shard in sorted(glob.glob(os.path.join(rel, "data", "*.jsonl"))):
    for line in open(shard, encoding="utf-8"):
        n += 1
        if not fits(json.loads(line), {"struct": feats}):
            misfit += 1
check(n and not misfit, "records-fit-features", "%d of %d records do not fit" % (misfit, n))

def to_json(f):
    if isinstance(f, str):
        return f
    if "struct" in f:
        return {"struct": [[k, to_json(v)] for k, v in f["struct"].items()]}
    if "list" in f:
        return {"list": [[k, to_json(v)] for k, v in f["list"].items()]}
    return {"sequence": f["sequence"]}
json.dump([[k, to_json(v)] for k, v in feats.items()], open(out, "w"))
