// bench-extract peer: Readability.js on linkedom, over every page of a directory,
// written as JSON lines in the record's shape (source.name, headline, published,
// one paragraph of text) so that extract_eval.py scores it the same way.
// usage: node readability_peer.js NODE_MODULES DIR OUT.jsonl
const path = require('path');
const fs = require('fs');
const mods = process.argv[2];
const { Readability } = require(path.join(mods, '@mozilla/readability'));
const { parseHTML } = require(path.join(mods, 'linkedom'));
const dir = process.argv[3];
const out = fs.openSync(process.argv[4], 'w');
const files = fs.readdirSync(dir).sort();
const t0 = process.hrtime.bigint();
let bytes = 0;
for (const f of files) {
  const buf = fs.readFileSync(path.join(dir, f));
  bytes += buf.length;
  let art = null;
  try {
    const { document } = parseHTML(buf.toString('utf8'));
    art = new Readability(document).parse();
  } catch (e) {
    art = null;
  }
  const rec = {
    source: { name: path.join(dir, f) },
    headline: art ? art.title : null,
    published: art && art.publishedTime ? String(art.publishedTime) : null,
    sections: [{ heading: null, paragraphs: art && art.textContent ? [{ text: art.textContent, kind: 'paragraph' }] : [] }],
  };
  fs.writeSync(out, JSON.stringify(rec) + '\n');
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
process.stderr.write(`${files.length} ${bytes} ${secs}\n`);
