#!/usr/bin/env python3
"""Whole-page text benchmark for sahifa convert (make bench-text).

  text_eval.py render EVAL OUT     render the eval HTML with each of RENDERERS (w3m and
                                   lynx at 80 columns, wrapped, and 1000, unwrapped;
                                   html2text; python3-html2text's Markdown, wrapped and
                                   unwrapped; links; elinks; the DOM innerText;
                                   BeautifulSoup's get_text, a line a string) into
                                   OUT/<renderer>/; copy the given text dumps into
                                   OUT/dump/; write OUT/gold.json
  text_eval.py renderers           the renderers' names
  text_eval.py stamp               a hash of the renderers and the code making the
                                   renders and the gold (the renders' stamp)
  text_eval.py saudi EVAL OUT      the clean one-article files: OUT/saudi/*.txt + gold
  text_eval.py silver EVAL OUT     the development and held-out pages' silver headline and
                                   byline from their markup: OUT/silver.json
  text_eval.py score OUT           read OUT/<renderer>.jsonl (sahifa convert of each
                                   folder) and print the table
  text_eval.py lost OUT R [HALF]   the gold article text renderer R's records removed,
                                   by reason and detail, with examples (HALF: dev,
                                   held-out or blind, dev by default)
  text_eval.py pages OUT R [HALF]  renderer R's pages, worst first: body tokens kept that
                                   the gold lacks (extra) and gold tokens missing
                                   (missed), with precision and recall of each page
  text_eval.py fields OUT R [HALF] renderer R's pages whose headline, byline or date is
                                   wrong: the record's value beside the gold, and why a
                                   gold byline is not scored; then the silver misses

Body: token precision / recall / F1 of the record's headings and paragraphs against the
gold body (bag of lower-cased word tokens of the NFC text, micro-averaged over pages).
Headline: right when its tokens and the gold title's have F1 >= 0.8, or when all its
tokens are in the gold title and cover half of it (the title without the site name
around it).  The gold title of readability_testpages is the page's <title>, which a text
browser does not print: when no line of the dump matches it, the page's <h1> headings
stand in for it (the headline a reader of the dump sees), and a page with neither in its
dump is not counted for the headline.  Byline: right when the record's
byline or authors hold at least 60% of the gold byline's name tokens (the tokens
lower-cased, without a leading "By"/"Par"/"Por"/"Von"/"Door", the words joining several
names, and lynx's [12] link numbers).  A gold byline is not scored (counted as no gold)
when it names no one the dump prints as an author: when it is a date (nothing left but
numbers and date words), when its name tokens do not occur in that order anywhere in the
dump, when the dump prints them only inside other lines or as an item of a list of other
stories or of a menu (the author of a teaser, a menu's word: byline_printed), or when it
is the site's name (its tokens are all in the page's <title> outside
the gold title, as in "Headline - BBC News"); the table says how many.  Published: the
record's date equals the gold date.  Snippets (trafilatura_eval's and the dumps'): a
must-contain snippet is in the body and a must-not-contain one is not, white space
squashed.  Every page of scrapinghub_aeb, readability_testpages, htmldate_mediacloud
and the dumps is in the development half or the held-out half by a hash of its name
(fixed, not chosen by score); the pages of newspaper4k_fixtures (body, title, authors)
and trafilatura_eval (snippets, title, author, date) are a third, blind half, kept
apart from the two others: rules are made on the development half and checked on the
held-out one, and the blind rows show how they do on other sites and languages.
HALF is dev, held-out or blind.

Silver rows: the development and held-out pages have few gold titles and bylines, so their
markup stands in for more: the headline candidates are the article's JSON-LD headline
(when the page has one), og:title, twitter:title and the page's <h1> when it has just one,
a headline being right when it matches one of those a line of the dump matches; the
authors are the JSON-LD article's persons and meta author, scored as a gold byline is
(only those the dump prints as a byline, byline_unscorable).  They are rows of their
own: markup is not a reader's gold (an SEO title, a site's name as author), but it is
there on most pages.
"""
import collections, gzip, hashlib, html, html.parser, inspect, json, os, re, shutil, subprocess, \
    sys, unicodedata

# Each renderer's command line (the page's path is added), or None for the DOM text
# written here (dom_text: what a browser's innerText of the page's body gives).
RENDERERS = {
    "w3m-wrap": ["w3m", "-dump", "-T", "text/html", "-O", "UTF-8", "-cols", "80"],
    "w3m-nowrap": ["w3m", "-dump", "-T", "text/html", "-O", "UTF-8", "-cols", "1000"],
    "lynx-wrap": ["lynx", "-dump", "-force_html", "-display_charset=UTF-8", "-width=80"],
    "lynx-nowrap": ["lynx", "-dump", "-force_html", "-display_charset=UTF-8", "-width=1000"],
    "html2text": ["html2text", "-utf8", "-width", "80"],
    # python3-html2text's Markdown (Debian's name for its "python3 -m html2text")
    "md-wrap": ["html2markdown.py3", "--decode-errors=replace"],
    "md-nowrap": ["html2markdown.py3", "--decode-errors=replace", "--body-width=0"],
    "links": ["links", "-dump", "-width", "80", "-codepage", "utf-8"],
    "elinks": ["elinks", "-dump", "-dump-width", "80", "-dump-charset", "utf-8"],
    "dom": None,
    # a scraper's BeautifulSoup get_text("\n", strip=True): a line for each string
    "bs4": [os.path.join(os.path.dirname(os.path.abspath(__file__)), "bs4_text.py")],
}
WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\W\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+", re.UNICODE)


def tokens(s):
    """Lower-cased word tokens; each Han, kana or Hangul character is a token."""
    return [t.lower() for t in WORD.findall(unicodedata.normalize("NFC", s or ""))]


BLIND_SETS = ("n4k-", "trf-")


def half_of(name):
    """dev, held-out (a third of the pages of the sets the rules are made on, by a hash
    of the name) or blind (newspaper4k_fixtures and trafilatura_eval, kept apart: the
    rules on other sites and languages)."""
    if name.startswith(BLIND_SETS):
        return "blind"
    return "held-out" if hashlib.sha256(name.encode()).digest()[0] % 3 == 0 else "dev"


class Text(html.parser.HTMLParser):
    BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCK:
            self.out.append("\n")

    def handle_data(self, d):
        self.out.append(d)


class H1(html.parser.HTMLParser):
    """The text of each <h1> of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.depth = [], 0

    def handle_starttag(self, tag, attrs):
        if tag == "h1":
            self.depth += 1
            if self.depth == 1:
                self.out.append("")

    def handle_endtag(self, tag):
        if tag == "h1" and self.depth:
            self.depth -= 1

    def handle_data(self, d):
        if self.depth:
            self.out[-1] += d


def h1_texts(raw):
    p = H1()
    p.feed(raw.decode("utf-8", errors="replace"))
    return [" ".join(h.split()) for h in p.out if h.strip()]


class Title(html.parser.HTMLParser):
    """The text of a page's <title>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.inside = "", False

    def handle_starttag(self, tag, attrs):
        self.inside = tag == "title"

    def handle_endtag(self, tag):
        self.inside = False

    def handle_data(self, d):
        if self.inside:
            self.out += d


def page_title(path):
    p = Title()
    p.feed(open(path, encoding="utf-8", errors="replace").read())
    return " ".join(p.out.split())


def html_text(path):
    p = Text()
    p.feed(open(path, encoding="utf-8", errors="replace").read())
    return "".join(p.out)


class Silver(html.parser.HTMLParser):
    """What a page's markup says of its headline and author: og:title, twitter:title,
    the <h1> headings, meta author and the JSON-LD scripts' text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta, self.ld, self.h1, self.title = {}, [], [], ""
        self.in_ld = self.in_title = False
        self.h1_depth = 0

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            if key in ("og:title", "twitter:title", "author") and a.get("content", "").strip():
                self.meta.setdefault(key, " ".join(a["content"].split()))
        elif tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self.in_ld = True
            self.ld.append("")
        elif tag == "title":
            self.in_title = True
        elif tag == "h1":
            self.h1_depth += 1
            if self.h1_depth == 1:
                self.h1.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_ld = False
        elif tag == "title":
            self.in_title = False
        elif tag == "h1" and self.h1_depth:
            self.h1_depth -= 1

    def handle_data(self, d):
        if self.in_ld:
            self.ld[-1] += d
        elif self.in_title:
            self.title += d
        elif self.h1_depth:
            self.h1[-1] += d


def ld_objects(v):
    """Every JSON object inside a JSON-LD value (@graph lists and nested ones too)."""
    if isinstance(v, dict):
        yield v
        for x in v.values():
            yield from ld_objects(x)
    elif isinstance(v, list):
        for x in v:
            yield from ld_objects(x)


def ld_authors(v):
    """The person names of a JSON-LD author value (an organisation is not a byline)."""
    out = []
    for a in v if isinstance(v, list) else [v]:
        if isinstance(a, str):
            out.append(a)
        elif isinstance(a, dict) and "organization" not in str(a.get("@type", "")).lower():
            if isinstance(a.get("name"), str):
                out.append(a["name"])
    return [" ".join(a.split()) for a in out
            if a.strip() and not re.match(r"https?:|www\.", a.strip())]


def silver_of(raw):
    """A page's silver headline candidates and author names, from its markup."""
    p = Silver()
    p.feed(raw.decode("utf-8", errors="replace"))
    titles, authors, ld_titles = [], [], []
    for src in p.ld:
        try:
            v = json.loads(src, strict=False)
        except ValueError:
            continue
        for o in ld_objects(v):
            kind = str(o.get("@type", "")).lower()
            if not any(k in kind for k in ("article", "posting", "report")):
                continue  # a breadcrumb's, a related story's, a video's
            if isinstance(o.get("headline"), str) and o["headline"].strip():
                ld_titles.append(" ".join(html.unescape(o["headline"]).split()))
            if "author" in o:
                authors += ld_authors(o["author"])
    if len(set(ld_titles)) == 1:
        titles.append(ld_titles[0])  # several: a list of posts, not the page's own
    titles += [p.meta[k] for k in ("og:title", "twitter:title") if k in p.meta]
    h1 = [" ".join(h.split()) for h in p.h1 if h.strip()]
    if len(h1) == 1:
        titles.append(h1[0])
    if "author" in p.meta and not re.match(r"https?:|www\.", p.meta["author"]):
        authors.append(p.meta["author"])
    uniq = lambda xs: list(collections.OrderedDict.fromkeys(xs))
    return {"titles": uniq(titles), "authors": uniq(authors),
            "page_title": " ".join(p.title.split())}


def silver(eval_dir, out):
    """OUT/silver.json: the silver headline and authors of each development and
    held-out page with markup (scrapinghub_aeb, readability_testpages,
    htmldate_mediacloud), named as render names them."""
    src = []
    sh = os.path.join(eval_dir, "scrapinghub_aeb", "html")
    for f in sorted(os.listdir(sh)):
        if f.endswith(".html.gz"):
            src.append(("aeb-" + f[:12], os.path.join(sh, f)))
    rt = os.path.join(eval_dir, "readability_testpages")
    for case in sorted(os.listdir(rt)):
        if os.path.isfile(os.path.join(rt, case, "source.html")):
            src.append(("rdb-" + case, os.path.join(rt, case, "source.html")))
    hd = os.path.join(eval_dir, "htmldate_mediacloud", "html")
    for f in sorted(os.listdir(hd)):
        if f.endswith(".html"):
            src.append(("hdm-" + f[:-5], os.path.join(hd, f)))
    gold = {}
    for name, path in src:
        raw = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
        g = silver_of(raw)
        if g["titles"] or g["authors"]:
            gold[name] = g
    json.dump(gold, open(os.path.join(out, "silver.json"), "w", encoding="utf-8"),
              ensure_ascii=False, indent=0, sort_keys=True)


class DomText(html.parser.HTMLParser):
    """A page's body as a browser's innerText gives it: the text of what is shown
    (head, script, style, noscript, template, svg, iframe and elements with the hidden
    attribute or an inline display:none left out), white space squashed, a line break
    around each block element, two around a paragraph, a tab between table cells."""
    SKIP = {"head", "title", "script", "style", "noscript", "template", "svg", "iframe",
            "object", "canvas", "audio", "video", "map", "datalist"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "param", "source", "track", "wbr"}
    BLOCK = {"address", "article", "aside", "blockquote", "body", "caption", "center",
             "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption",
             "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
             "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option",
             "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul"}
    HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []          # text pieces and, as ints, required line breaks
        self.skip = None       # [tag, depth] of the hidden element being skipped
        self.pre = 0
        self.cell = False

    def handle_starttag(self, tag, attrs):
        if self.skip:
            if tag == self.skip[0]:
                self.skip[1] += 1
            return
        a = dict(attrs)
        if tag not in self.VOID and (tag in self.SKIP or "hidden" in a or
                                     self.HIDDEN.search(a.get("style") or "")):
            self.skip = [tag, 1]
            return
        if tag == "br":
            self.out.append("\n")
        elif tag == "p":
            self.out.append(2)
        elif tag in ("td", "th"):
            if self.cell:
                self.out.append("\t")
            self.cell = True
        elif tag in self.BLOCK:
            self.out.append(1)
        if tag == "tr":
            self.cell = False
        if tag == "pre":
            self.pre += 1

    def handle_endtag(self, tag):
        if self.skip:
            if tag == self.skip[0]:
                self.skip[1] -= 1
                if not self.skip[1]:
                    self.skip = None
            return
        if tag == "p":
            self.out.append(2)
        elif tag in self.BLOCK:
            self.out.append(1)
        if tag == "pre" and self.pre:
            self.pre -= 1

    def handle_data(self, d):
        if not self.skip:
            self.out.append(d if self.pre else re.sub(r"[ \t\n\r\f]+", " ", d))

    def text(self):
        lines, breaks = [""], 0
        for piece in self.out:
            if isinstance(piece, int):
                breaks = max(breaks, piece)
                continue
            if breaks or not lines[-1]:
                piece = piece.lstrip(" ")  # white space at a line's start is not shown
                if not piece:
                    continue
            if breaks and lines != [""]:
                lines.extend([""] * (breaks - (not lines[-1])))
            breaks = 0
            parts = piece.split("\n")
            lines[-1] += parts[0]
            lines.extend(parts[1:])
        out = []
        for l in lines:  # nor at its end, nor twice between words; runs of empty lines as one
            l = re.sub(r" {2,}", " ", l).rstrip(" ")
            if l or (out and out[-1]):
                out.append(l)
        return "\n".join(out).rstrip("\n") + "\n"


def dom_text(raw):
    p = DomText()
    p.feed(raw.decode("utf-8", errors="replace"))
    p.close()
    return p.text().encode("utf-8")


def render(r, path, raw):
    """The text renderer r prints of the page at path (its bytes raw)."""
    if RENDERERS[r] is None:
        return dom_text(raw)
    try:
        return subprocess.run(RENDERERS[r] + [path], capture_output=True, timeout=60,
                              stdin=subprocess.DEVNULL).stdout
    except subprocess.TimeoutExpired:
        return b""


def render_stamp():
    """A hash of what the renders depend on (the renderers' command lines, the DOM text
    and the gold's making): a render of another stamp is made again."""
    h = hashlib.sha256(json.dumps(RENDERERS, sort_keys=True).encode())
    with open(RENDERERS["bs4"][0], "rb") as f:
        h.update(f.read())
    for f in (DomText, dom_text, render, render_all, saudi, Text, H1, Title, html_text):
        h.update(inspect.getsource(f).encode())
    return h.hexdigest()[:16]


def render_all(eval_dir, out):
    for r, cmd in RENDERERS.items():
        if cmd and not shutil.which(cmd[0]):
            sys.exit("bench-text: %s not installed (make bench-text installs it)" % cmd[0])
    pages = []  # (name, html path, gold)
    sh = os.path.join(eval_dir, "scrapinghub_aeb")
    gt = json.load(open(os.path.join(sh, "ground-truth.json"), encoding="utf-8"))
    for key in sorted(gt):
        src = os.path.join(sh, "html", key + ".html.gz")
        if os.path.exists(src):
            pages.append(("aeb-" + key[:12], src, {"set": "scrapinghub_aeb", "lang": "en",
                                                    "body": gt[key].get("articleBody", "")}))
    rt = os.path.join(eval_dir, "readability_testpages")
    for case in sorted(os.listdir(rt)):
        d = os.path.join(rt, case)
        if not os.path.isfile(os.path.join(d, "source.html")):
            continue
        meta = json.load(open(os.path.join(d, "expected-metadata.json"), encoding="utf-8"))
        pages.append(("rdb-" + case, os.path.join(d, "source.html"),
                      {"set": "readability_testpages", "lang": meta.get("lang") or "und",
                       "body": html_text(os.path.join(d, "expected.html")),
                       "title": meta.get("title"), "byline": meta.get("byline"),
                       "page_title": page_title(os.path.join(d, "source.html"))}))
    hd = os.path.join(eval_dir, "htmldate_mediacloud")
    dates = json.load(open(os.path.join(hd, "gold_dates.json"), encoding="utf-8"))
    for url in sorted(dates, key=lambda u: dates[u]["file"]):
        g = dates[url]
        pages.append(("hdm-" + g["file"][:-5], os.path.join(hd, "html", g["file"]),
                      {"set": "htmldate_mediacloud", "lang": g.get("html_lang") or "und",
                       "date": g["date"]}))
    nk = os.path.join(eval_dir, "newspaper4k_fixtures")
    for f in sorted(os.listdir(os.path.join(nk, "html"))):
        stem = f[:-5]
        txt = os.path.join(nk, "txt", stem + ".txt")
        if not f.endswith(".html") or not os.path.exists(txt):
            continue
        g = {"set": "newspaper4k_fixtures", "lang": "und",
             "body": open(txt, encoding="utf-8").read()}
        mp = os.path.join(nk, "metadata", stem + ".json")
        if os.path.exists(mp):
            m = json.load(open(mp, encoding="utf-8"))
            g["lang"] = m.get("language") or m.get("meta_lang") or "und"
            if m.get("title"):
                g["title"] = m["title"]
            if m.get("authors"):
                g["byline"] = ", ".join(m["authors"])
        pages.append(("n4k-" + stem, os.path.join(nk, "html", f), g))
    te = os.path.join(eval_dir, "trafilatura_eval")
    cases = json.load(open(os.path.join(te, "evaldata_subset.json"), encoding="utf-8"))
    for url in sorted(cases, key=lambda u: cases[u]["file"]):
        c = cases[url]
        src = os.path.join(te, "html", c["file"])
        if not os.path.exists(src):
            continue
        g = {"set": "trafilatura_eval", "lang": "und",
             "must_contain": c.get("with") or [], "must_not_contain": c.get("without") or []}
        if c.get("title"):
            g["title"] = c["title"]
        if c.get("author"):
            g["byline"] = c["author"]
        if c.get("date"):
            g["date"] = c["date"]
        name = "trf-" + hashlib.sha256(c["file"].encode()).hexdigest()[:12]
        pages.append((name, src, g))
    gold = {}
    tmp = os.path.join(out, "page.html")
    for r, cmd in RENDERERS.items():
        os.makedirs(os.path.join(out, r), exist_ok=True)
    for name, src, g in pages:
        raw = gzip.open(src).read() if src.endswith(".gz") else open(src, "rb").read()
        with open(tmp, "wb") as f:
            f.write(raw)
        if g.get("title"):
            g["h1"] = h1_texts(raw)
        for r in RENDERERS:
            with open(os.path.join(out, r, name + ".txt"), "wb") as f:
                f.write(render(r, tmp, raw))
        gold[name] = g
    os.remove(tmp)
    # the dumps given as text (a text browser's output of Arabic and Persian pages)
    ad = os.path.join(eval_dir, "arabic_news_textdumps")
    os.makedirs(os.path.join(out, "dump"), exist_ok=True)
    for line in open(os.path.join(ad, "manifest.jsonl"), encoding="utf-8"):
        m = json.loads(line)
        name = "dmp-" + m["text"][:-4]
        g = {"set": "arabic_news_textdumps", "lang": m.get("lang") or m.get("html_lang_attr") or "und"}
        mg = m["gold"]
        if "body" in mg:
            g["body"] = open(os.path.join(ad, mg["body"]), encoding="utf-8").read()
        if "title" in mg:
            p, key = mg["title"].split("#")
            g["title"] = json.load(open(os.path.join(ad, p), encoding="utf-8"))[key]
        for k in ("must_contain", "must_not_contain"):
            if k in mg:
                g[k] = mg[k]
        if "publication_date" in mg:
            g["date"] = mg["publication_date"]
        with open(os.path.join(out, "dump", name + ".txt"), "wb") as f:
            f.write(open(os.path.join(ad, m["text"]), "rb").read())
        gold[name] = g
    json.dump(gold, open(os.path.join(out, "gold.json"), "w", encoding="utf-8"),
              ensure_ascii=False, indent=0, sort_keys=True)


def saudi(eval_dir, out):
    arts = json.load(open(os.path.join(eval_dir, "saudinewsnet", "2015-07-23.json"), encoding="utf-8"))
    d = os.path.join(out, "saudi")
    os.makedirs(d, exist_ok=True)
    gold = {}
    for i, a in enumerate(arts):
        title, body = (a.get("title") or "").strip(), (a.get("content") or "").strip()
        if not title or not body:
            continue
        name = "%04d" % i
        with open(os.path.join(d, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(title + "\n\n" + body + "\n")
        gold[name] = {"set": "saudinewsnet", "lang": "ar", "title": title, "body": body}
    json.dump(gold, open(os.path.join(out, "saudi-gold.json"), "w", encoding="utf-8"),
              ensure_ascii=False)


def f1(a, b):
    ca, cb = collections.Counter(a), collections.Counter(b)
    hit = sum((ca & cb).values())
    if not hit:
        return 0.0
    p, r = hit / len(a), hit / len(b)
    return 2 * p * r / (p + r)


def squash(s):
    """Runs of white space as one space: a snippet is found across a wrapped line."""
    return " ".join(unicodedata.normalize("NFC", s or "").split())


def record_body(rec):
    parts = []
    for s in rec.get("sections", []):
        if s.get("heading"):
            parts.append(s["heading"])
        parts.extend(p["text"] for p in s.get("paragraphs", []))
    return "\n".join(parts)


def title_match(h, title):
    """Right when it is the title, or the title without the site's name around it."""
    ht, gt = tokens(h), tokens(title)
    inside = ht and not (collections.Counter(ht) - collections.Counter(gt)) and \
        len(ht) * 2 >= len(gt)
    return f1(ht, gt) >= 0.8 or bool(inside)


def dump_titles(g, path):
    """The titles a headline of this dump is scored against: the gold title when a line
    of the dump matches it, else the page's <h1> headings found in the dump."""
    if not g.get("title"):
        return []
    try:
        lines = [l.strip() for l in open(path, encoding="utf-8", errors="replace")]
    except OSError:
        return []
    lines = [l for l in lines if l]
    found = lambda t: any(title_match(l, t) for l in lines)
    if "h1" not in g or found(g["title"]):
        return [g["title"]]
    return [h for h in g["h1"] if found(h)]


BY_WORDS = {"by", "par", "por", "von", "door"}
JOIN_WORDS = {"and", "et", "und", "y", "e", "avec", "with"}
DATE_WORDS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct",
              "nov", "dec", "january", "february", "march", "april", "june", "july",
              "august", "september", "october", "november", "december", "am", "pm", "at",
              "on", "updated", "published", "posted", "utc", "gmt"}
LINK_NUMBER = re.compile(r"\[\d+\]")


def byline_words(s):
    """The tokens of a byline as printed, without a "By" before it or lynx link numbers."""
    t = tokens(LINK_NUMBER.sub(" ", s or ""))
    while t and t[0] in BY_WORDS:
        t = t[1:]
    return t


def byline_names(s):
    """The name tokens of a byline: its words without those between names."""
    return [w for w in byline_words(s) if w not in JOIN_WORDS]


def byline_unscorable(g, path):
    """Why the gold byline names no one this dump prints as an author (see the module's
    comment), or "" when it is scored."""
    want = byline_words(g["byline"])
    if not [w for w in byline_names(g["byline"]) if not w.isdigit() and w not in DATE_WORDS]:
        return "a date"
    try:
        dump = tokens(LINK_NUMBER.sub(" ", open(path, encoding="utf-8", errors="replace").read()))
    except OSError:
        return "no dump"
    k = len(want)
    if not any(dump[i:i + k] == want for i in range(len(dump) - k + 1)):
        return "not in the dump"
    if not byline_printed(want, path):
        return "not printed as a byline"
    site = collections.Counter(tokens(g.get("page_title"))) - collections.Counter(tokens(g.get("title")))
    if all(site[w] for w in byline_names(g["byline"])):
        return "the site's name"
    return ""


WRAP_COLS, WRAP_NEAR = 80, 65  # the wrapped renders' screen width, and a line that fills it
BULLET = re.compile(r"^\s*(?:[•*+o□☆◦·-]\s+)?")
BY_BEFORE = re.compile(r"(?:^|\W)(?:%s)\s*$" % "|".join(BY_WORDS), re.IGNORECASE)


def byline_printed(want, path):
    """Whether the dump prints the byline's words as an author line: at a line's start
    (after a bullet), after a "By" word or after a separator ("Le Monde | date | Par
    X"), and not only as an item of a list of other stories that names other authors
    in the same way ("Par Sébastien Farcis", then "Par Laurence Defranoux" under the
    next teaser) or of a menu (a run of one-word items).  A line that fills the screen
    width goes on in the next one, so a name there follows that line's words.  A name printed only at the
    end of other stories' teasers, or inside a sentence, names another story's author
    or no one: readability's byline of salon-1 takes a teaser's author, of yahoo-4 a
    menu item, of liberation-1 the author of a story in the related box."""
    text = unicodedata.normalize("NFC", open(path, encoding="utf-8", errors="replace").read())
    lines = [LINK_NUMBER.sub("", l) for l in text.split("\n")]
    joined = "\n".join(lines)
    glue = lambda a, b: r"[\W_]*" if re.match(WORD.pattern[:WORD.pattern.index("|")], b) or \
        re.match(WORD.pattern[:WORD.pattern.index("|")], a) else r"[\W_]+"
    pat = re.escape(want[0])
    for a, b in zip(want, want[1:]):
        pat += glue(a, b) + re.escape(b)
    starts = [0]
    for l in lines:
        starts.append(starts[-1] + len(l) + 1)
    item = lambda l: bool(re.match(r"^\s*[•*+o□☆◦·]\s+\S", l))
    for m in re.finditer(pat, joined, re.IGNORECASE):
        i = max(j for j in range(len(lines)) if starts[j] <= m.start())
        pre = joined[starts[i]:m.start()]
        if pre and (pre[-1].isalnum() or pre[-1] in "'’"):
            continue  # inside a word
        pre = pre[BULLET.match(pre).end():]
        if not pre.strip() and i and not item(lines[i]) and \
                WRAP_NEAR <= len(lines[i - 1].rstrip()) <= WRAP_COLS:
            pre = lines[i - 1].strip() + " "  # a hard-wrapped line goes on here
        if pre.strip() and not BY_BEFORE.search(pre) and pre.rstrip()[-1] not in "|•·—–-,:":
            continue  # after other words: a teaser's end, a sentence
        if BY_BEFORE.search(pre):
            by = BY_BEFORE.search(pre).group(0).strip().lower()
            near = lines[max(0, i - 8):i] + lines[i + 1:i + 9]
            if any(re.match(r"^\s*(?:[•*+o□☆◦·-]\s+)?%s\s+\S" % re.escape(by), l, re.IGNORECASE)
                   for l in near):
                continue  # one of a list's authors
        if item(lines[i]) and not pre.strip():
            run = lambda r: [l for l in r if item(l) and len(tokens(l)) <= 3]
            if len(run(lines[max(0, i - 3):i])) + len(run(lines[i + 1:i + 4])) >= 3:
                continue  # a menu item
        return True
    return False


def byline_scorable(g, path):
    return not byline_unscorable(g, path)


def headline_right(rec, titles):
    h = (rec or {}).get("headline") or ""
    return any(title_match(h, t) for t in titles)


def record_byline(rec):
    return ((rec or {}).get("byline") or "") + " " + " ".join((rec or {}).get("authors") or [])


def byline_right(rec, gold):
    want = byline_names(gold)
    have = set(byline_names(record_byline(rec)))
    return bool(want) and sum(t in have for t in want) >= 0.6 * len(want)


def date_right(rec, gold):
    return ((rec or {}).get("published") or "")[:10] == gold


class Tally:
    def __init__(self):
        self.hit = self.got = self.want = 0
        self.pages = 0
        self.head = [0, 0]
        self.by = [0, 0]
        self.by_off = 0
        self.date = [0, 0]
        self.snip = [0, 0]

    def add(self, rec, g):
        self.pages += 1
        body = record_body(rec) if rec else ""
        if g.get("body"):
            bt, gt = collections.Counter(tokens(body)), collections.Counter(tokens(g["body"]))
            self.hit += sum((bt & gt).values())
            self.got += sum(bt.values())
            self.want += sum(gt.values())
        titles = g.get("titles", [g["title"]] if g.get("title") else [])
        if titles:
            self.head[1] += 1
            self.head[0] += headline_right(rec, titles)
        if g.get("byline") and not g.get("byline_scorable", True):
            self.by_off += 1
        elif g.get("byline"):
            self.by[1] += 1
            self.by[0] += byline_right(rec, g["byline"])
        if g.get("date"):
            self.date[1] += 1
            self.date[0] += date_right(rec, g["date"])
        for k in ("must_contain", "must_not_contain"):
            for s in g.get(k, []):
                self.snip[1] += 1
                self.snip[0] += (squash(s) in squash(body)) == (k == "must_contain")

    def row(self, label):
        p = self.hit / self.got if self.got else 0.0
        r = self.hit / self.want if self.want else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        frac = lambda x: "%d/%d" % tuple(x) if x[1] else "-"
        body = "%5.3f %5.3f %5.3f" % (p, r, f) if self.want else "    -     -     -"
        by = frac(self.by) + (" (%d)" % self.by_off if self.by_off else "")
        return "%-28s %4d  %s  %-7s %-11s %-6s %-6s" % (label, self.pages, body, frac(self.head),
                                                       by, frac(self.date), frac(self.snip))


def load_records(path):
    recs = {}
    if not os.path.exists(path):
        return recs
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        name = os.path.basename(r["source"]["name"])[:-4]
        recs[name] = r
    return recs


def score(out):
    gold = json.load(open(os.path.join(out, "gold.json"), encoding="utf-8"))
    head = "%-28s %4s  %5s %5s %5s  %-7s %-11s %-6s %-6s" % ("set", "pages", "P", "R", "F1",
                                                            "title", "byline", "date", "snip")
    print("whole-page dumps (body tokens; title, byline, date right / with gold; snippets)")
    print("(byline: in brackets the gold bylines not scored: a date, not in the dump, "
          "not printed as a byline, or the site's name)")
    print(head)
    langs = collections.OrderedDict()
    for half in ("dev", "held-out", "blind"):
        for r in list(RENDERERS) + ["dump"]:
            recs = load_records(os.path.join(out, r + ".jsonl"))
            names = [n for n in gold if os.path.exists(os.path.join(out, r, n + ".txt"))
                     and half_of(n) == half]
            if not names:
                continue
            per = collections.OrderedDict()
            per["all"] = Tally()
            for n in sorted(names):
                g = dict(gold[n])
                rec = recs.get(n)
                g["titles"] = dump_titles(g, os.path.join(out, r, n + ".txt"))
                if g.get("byline"):
                    g["byline_scorable"] = byline_scorable(g, os.path.join(out, r, n + ".txt"))
                per["all"].add(rec, g)
                per.setdefault("  " + g["set"], Tally()).add(rec, g)
                lang = g["lang"].split("-")[0].lower()
                lang = lang if lang in ("ar", "fa", "ur", "ps", "en") else "other"
                if half != "blind":
                    langs.setdefault("%s %s" % (r, lang), Tally()).add(rec, g)
            for key, t in per.items():
                print(t.row("%s %s" % (half, r) if key == "all" else key))
    silver_rows(out, head)
    print("per renderer and language (dev and held-out)")
    print(head)
    for key, t in sorted(langs.items()):
        print(t.row(key))
    sg = os.path.join(out, "saudi-gold.json")
    if os.path.exists(sg):
        gold = json.load(open(sg, encoding="utf-8"))
        recs = load_records(os.path.join(out, "saudi.jsonl"))
        t = Tally()
        for n in sorted(gold):
            t.add(recs.get(n), gold[n])
        print("clean one-article files")
        print(head)
        print(t.row("saudinewsnet"))


def silver_gold(sv, path):
    """A page's silver gold for one dump: the headline candidates a line of the dump
    matches, and the authors it prints as a byline (byline_unscorable, with the first
    candidate standing for the gold title in the site's-name check)."""
    g = {"titles": [], "page_title": sv["page_title"]}
    try:
        lines = [l.strip() for l in open(path, encoding="utf-8", errors="replace") if l.strip()]
    except OSError:
        return g
    g["titles"] = [t for t in sv["titles"] if any(title_match(l, t) for l in lines)]
    g["title"] = (g["titles"] or sv["titles"] or [""])[0]
    names = [a for a in sv["authors"] if not byline_unscorable(dict(g, byline=a), path)]
    if names:
        g["byline"] = ", ".join(names)
    elif sv["authors"]:
        g["byline"], g["byline_scorable"] = sv["authors"][0], False
    return g


def silver_rows(out, head):
    """The headline and byline of the development and held-out pages against their
    silver gold (OUT/silver.json), as rows apart from the gold ones."""
    sp = os.path.join(out, "silver.json")
    if not os.path.exists(sp):
        return
    sil = json.load(open(sp, encoding="utf-8"))
    print("silver: headline from the article's JSON-LD headline, og:title, twitter:title or a "
          "single <h1>;")
    print("byline from JSON-LD authors and meta author; each scored where the dump prints it")
    print(head)
    for half in ("dev", "held-out"):
        for r in RENDERERS:
            recs = load_records(os.path.join(out, r + ".jsonl"))
            t = Tally()
            for n in sorted(sil):
                path = os.path.join(out, r, n + ".txt")
                if half_of(n) != half or not os.path.exists(path):
                    continue
                t.add(recs.get(n), silver_gold(sil[n], path))
            if t.pages:
                print(t.row("silver %s %s" % (half, r)))


def lost(out, renderer, half="dev", show=3):
    """The article text a renderer's records removed, by reason and detail: the removed
    lines whose tokens are nearly all in the gold body and not already in the record's
    body (word tokens they take from the gold that the record lacks), with examples."""
    gold = json.load(open(os.path.join(out, "gold.json"), encoding="utf-8"))
    recs = load_records(os.path.join(out, renderer + ".jsonl"))
    why = collections.Counter()
    seen = collections.defaultdict(list)
    for n in sorted(gold):
        g, rec = gold[n], recs.get(n)
        if not g.get("body") or not rec or half_of(n) != half:
            continue
        rest = collections.Counter(tokens(g["body"])) - collections.Counter(tokens(record_body(rec)))
        for r in rec.get("removed", []):
            lt = collections.Counter(tokens(r.get("text")))
            if sum(lt.values()) < 4:
                continue
            hit = lt & rest
            if sum(hit.values()) * 10 < sum(lt.values()) * 8:
                continue
            rest -= hit
            key = "%s / %s" % (r["reason"], r.get("detail", ""))
            why[key] += sum(hit.values())
            seen[key].append("%s:%d: %s" % (n, r["line"], r["text"][:100]))
    for key, c in why.most_common():
        print("%6d  %s" % (c, key))
        for e in seen[key][:show]:
            print("          " + e)


def pages(out, renderer, half="dev"):
    """Per-page body scores, the pages that cost the most tokens first, so that a class
    of lost or kept lines can be found by reading the few pages that weigh most."""
    gold = json.load(open(os.path.join(out, "gold.json"), encoding="utf-8"))
    recs = load_records(os.path.join(out, renderer + ".jsonl"))
    rows = []
    for n in sorted(gold):
        g, rec = gold[n], recs.get(n)
        if not g.get("body") or half_of(n) != half:
            continue
        bt = collections.Counter(tokens(record_body(rec) if rec else ""))
        gt = collections.Counter(tokens(g["body"]))
        hit = sum((bt & gt).values())
        got, want = sum(bt.values()), sum(gt.values())
        rows.append((got - hit, want - hit, hit / got if got else 0.0,
                     hit / want if want else 0.0, n))
    rows.sort(key=lambda x: -(x[0] + x[1]))
    print("%6s %6s  %5s %5s  page" % ("extra", "missed", "P", "R"))
    for extra, missed, p, r, n in rows:
        print("%6d %6d  %5.3f %5.3f  %s" % (extra, missed, p, r, n))


def fields(out, renderer, half="dev"):
    """The pages whose headline, byline or date is wrong, the record's value beside the
    gold, so that the rule failing on a kind of page can be read off the few misses."""
    gold = json.load(open(os.path.join(out, "gold.json"), encoding="utf-8"))
    recs = load_records(os.path.join(out, renderer + ".jsonl"))
    for n in sorted(gold):
        g, rec = gold[n], recs.get(n) or {}
        path = os.path.join(out, renderer, n + ".txt")
        if half_of(n) != half or not os.path.exists(path):
            continue
        titles = dump_titles(g, path)
        if titles and not headline_right(rec, titles):
            print("%s  headline  %r  gold %r" % (n, rec.get("headline"), titles))
        if g.get("byline"):
            why = byline_unscorable(g, path)
            if why:
                print("%s  byline    not scored (%s): gold %r" % (n, why, g["byline"]))
            elif not byline_right(rec, g["byline"]):
                print("%s  byline    %r %r  gold %r" % (n, rec.get("byline"),
                                                     rec.get("authors"), g["byline"]))
        if g.get("date") and not date_right(rec, g["date"]):
            print("%s  date      %r  gold %r" % (n, rec.get("published"), g["date"]))
    sp = os.path.join(out, "silver.json")
    sil = json.load(open(sp, encoding="utf-8")) if os.path.exists(sp) else {}
    for n in sorted(sil):
        rec = recs.get(n) or {}
        path = os.path.join(out, renderer, n + ".txt")
        if half_of(n) != half or not os.path.exists(path):
            continue
        g = silver_gold(sil[n], path)
        if g["titles"] and not headline_right(rec, g["titles"]):
            print("%s  silver headline  %r  silver %r" % (n, rec.get("headline"), g["titles"]))
        if g.get("byline") and g.get("byline_scorable", True) and not byline_right(rec, g["byline"]):
            print("%s  silver byline    %r %r  silver %r" % (n, rec.get("byline"),
                                                           rec.get("authors"), g["byline"]))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "renderers":
        print(" ".join(RENDERERS))
    elif cmd == "stamp":
        print(render_stamp())
    elif cmd == "render":
        render_all(sys.argv[2], sys.argv[3])
    elif cmd == "saudi":
        saudi(sys.argv[2], sys.argv[3])
    elif cmd == "silver":
        silver(sys.argv[2], sys.argv[3])
    elif cmd == "score":
        score(sys.argv[2])
    elif cmd == "lost":
        lost(sys.argv[2], sys.argv[3], *(sys.argv[4:5]))
    elif cmd == "pages":
        pages(sys.argv[2], sys.argv[3], *(sys.argv[4:5]))
    elif cmd == "fields":
        fields(sys.argv[2], sys.argv[3], *(sys.argv[4:5]))
