// A release as a Frictionless implementation reads it (npm datapackage):
//   node frictionless.js RELEASE_DIR LABEL
// datapackage.json must load and be valid; every tabular resource must read with its
// Table Schema's types (the dialect declared, nothing sniffed), with the header the
// schema names, and as many rows as the manifest says.  Prints PASS/FAIL lines.
const fs = require('fs');
const path = require('path');
const { Package } = require('datapackage');

const [rel, label] = process.argv.slice(2);
const say = (ok, name, why) =>
	console.log(`${ok ? 'PASS' : 'FAIL'} consumers/frictionless-${name}-${label}${ok ? '' : ': ' + why}`);
const man = JSON.parse(fs.readFileSync(path.join(rel, 'manifest.json'), 'utf8'));
const rows = Object.fromEntries(man.files.map((f) => [f.path, f.rows]));
const isType = {
	string: (v) => typeof v === 'string',
	integer: (v) => Number.isInteger(v),
	number: (v) => typeof v === 'number' && Number.isFinite(v),
};

(async () => {
	const pkg = await Package.load(path.join(rel, 'datapackage.json'));
	say(pkg.valid, 'package', (pkg.errors || []).map((e) => e.message).join('; '));
	let tabular = 0;
	for (const r of pkg.resources) {
		if (!r.tabular) continue;
		tabular++;
		const p = r.descriptor.path;
		let bad = [];
		try {
			const header = (await r.read({ limit: 1, cast: false, keyed: false }), r.headers) || [];
			const fields = r.schema.fields.map((f) => f.name);
			if (header.join(',') !== fields.join(','))
				bad.push(`header '${header.join(',').slice(0, 60)}' is not the schema's`);
			const data = await r.read({ keyed: true, cast: true });
			if (data.length !== rows[p]) bad.push(`${data.length} rows, manifest ${rows[p]}`);
			for (const f of r.schema.fields) {
				const wrong = data.filter((x) => x[f.name] !== null && !isType[f.type](x[f.name]));
				if (wrong.length) bad.push(`${f.name}: ${wrong.length} values not ${f.type}`);
			}
		} catch (e) {
			bad.push(String(e.message || e) + ' ' + (e.errors || []).slice(0, 2).map((x) => x.message).join('; '));
		}
		say(!bad.length, 'read-' + r.name, bad.join('; '));
	}
	say(tabular === 3, 'tabular', `${tabular} tabular resources, want articles, paragraphs, duplicates`);
})().catch((e) => { say(false, 'load', String(e.message || e).split('\n')[0]); });
