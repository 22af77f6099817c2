// A release as DuckDB reads it (@duckdb/node-api ships the engine):
//   node duckdb.js RELEASE_DIR FEATURES.json LABEL
// Every JSONL shard read with the card's features as its columns (what the hub's cast
// does) must give the same column types in every shard, the manifest's row count, and
// the list lengths that JSON.parse finds; the shards read together with DuckDB's own
// inference must lose nothing either.  The CSVs are read with the types of their Table
// Schemas and with DuckDB's sniffer.  Prints PASS/FAIL lines.
const fs = require('fs');
const path = require('path');
const { DuckDBInstance } = require('@duckdb/node-api');

const [rel, featPath, label] = process.argv.slice(2);
const say = (ok, name, why) =>
	console.log(`${ok ? 'PASS' : 'FAIL'} consumers/duckdb-${name}-${label}${ok ? '' : ': ' + why}`);
const man = JSON.parse(fs.readFileSync(path.join(rel, 'manifest.json'), 'utf8'));
const rows = Object.fromEntries(man.files.map((f) => [f.path, f.rows]));
const feats = JSON.parse(fs.readFileSync(featPath, 'utf8'));
const q = (s) => "'" + s.replace(/'/g, "''") + "'";
const ident = (s) => '"' + s.replace(/"/g, '""') + '"';

function duckType(f) {
	if (typeof f === 'string')
		return { string: 'VARCHAR', int64: 'BIGINT', float64: 'DOUBLE', bool: 'BOOLEAN' }[f];
	if (f.struct) return 'STRUCT(' + f.struct.map(([k, v]) => `${ident(k)} ${duckType(v)}`).join(', ') + ')';
	if (f.list) return 'STRUCT(' + f.list.map(([k, v]) => `${ident(k)} ${duckType(v)}`).join(', ') + ')[]';
	return duckType(f.sequence) + '[]';
}
const columns = '{' + feats.map(([k, v]) => `${q(k)}: ${q(duckType(v))}`).join(', ') + '}';
const LISTS = ['authors', 'scripts', 'sections', 'captions', 'removed'];

(async () => {
	const db = await DuckDBInstance.create(':memory:');
	const con = await db.connect();
	const all = async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJS();
	const shards = fs.readdirSync(path.join(rel, 'data')).filter((n) => n.endsWith('.jsonl')).sort()
		.map((n) => 'data/' + n);
	let types = null, typeBad = [], countBad = [], listBad = [];
	const want = Object.fromEntries(LISTS.map((k) => [k, 0]));
	for (const s of shards) {
		const file = path.join(rel, s);
		for (const line of fs.readFileSync(file, 'utf8').split('\n'))
			if (line) { const r = JSON.parse(line); for (const k of LISTS) want[k] += r[k].length; }
		const src = `read_json(${q(file)}, format='newline_delimited', columns=${columns})`;
		const t = (await all(`DESCRIBE SELECT * FROM ${src}`)).map((r) => `${r.column_name} ${r.column_type}`).join(', ');
		if (types === null) types = t;
		else if (t !== types) typeBad.push(s);
		const n = Number((await all(`SELECT count(*) AS n FROM ${src}`))[0].n);
		if (n !== rows[s]) countBad.push(`${s}: ${n} rows, manifest ${rows[s]}`);
	}
	say(!typeBad.length, 'shard-types', `types differ in ${typeBad.join(', ')}`);
	// what DuckDB infers shard by shard without the features: for information only
	const inferred = new Set();
	for (const s of shards)
		inferred.add((await all(`DESCRIBE SELECT * FROM read_json(${q(path.join(rel, s))}, format='newline_delimited')`))
			.map((r) => `${r.column_name} ${r.column_type}`).join(', '));
	console.log(`INFO consumers/duckdb-inferred-${label}: ${inferred.size} column type sets over ${shards.length} shards without the features`);
	say(!countBad.length && shards.length, 'shard-rows', countBad.join('; ') || 'no shards');
	const list = shards.map((s) => q(path.join(rel, s))).join(', ');
	for (const [mode, src] of [['declared', `read_json([${list}], format='newline_delimited', columns=${columns})`],
		['inferred', `read_json([${list}], format='newline_delimited')`]]) {
		const got = (await all('SELECT ' + LISTS.map((k) => `sum(len(${ident(k)}))::BIGINT AS ${ident(k)}`).join(', ') +
			` FROM ${src}`))[0];
		for (const k of LISTS)
			if (Number(got[k]) !== want[k]) listBad.push(`${mode} ${k}: ${got[k]} items, the JSON ${want[k]}`);
		// every script of every record, wherever it first appears (DuckDB once dropped
		// object keys first seen after its sample)
		const sc = await all(`SELECT count(DISTINCT s.script) AS n FROM (SELECT unnest(scripts) AS s FROM ${src})`);
		const scripts = new Set();
		for (const s of shards)
			for (const line of fs.readFileSync(path.join(rel, s), 'utf8').split('\n'))
				if (line) for (const x of JSON.parse(line).scripts) scripts.add(x.script);
		if (Number(sc[0].n) !== scripts.size) listBad.push(`${mode}: ${sc[0].n} distinct scripts, the JSON ${scripts.size}`);
	}
	say(!listBad.length, 'nothing-lost', listBad.join('; '));
	let csvBad = [];
	for (const r of JSON.parse(fs.readFileSync(path.join(rel, 'datapackage.json'), 'utf8')).resources) {
		if (r.format !== 'csv') continue;
		const ts = JSON.parse(fs.readFileSync(path.join(rel, r.schema), 'utf8'));
		const cols = '{' + ts.fields.map((f) => `${q(f.name)}: ${q({ integer: 'BIGINT', number: 'DOUBLE' }[f.type] || 'VARCHAR')}`).join(', ') + '}';
		const file = path.join(rel, r.path);
		const n = Number((await all(`SELECT count(*) AS n FROM read_csv(${q(file)}, header=true, delim=',', quote='"', escape='"', columns=${cols})`))[0].n);
		if (n !== rows[r.path]) csvBad.push(`${r.path}: ${n} rows with its schema, manifest ${rows[r.path]}`);
		const sniffed = await all(`DESCRIBE SELECT * FROM read_csv(${q(file)})`);
		const names = sniffed.map((x) => x.column_name).join(',');
		if (names !== ts.fields.map((f) => f.name).join(','))
			csvBad.push(`${r.path}: sniffed columns '${names.slice(0, 80)}'`);
		const m = Number((await all(`SELECT count(*) AS n FROM read_csv(${q(file)})`))[0].n);
		if (m !== rows[r.path]) csvBad.push(`${r.path}: ${m} rows sniffed, manifest ${rows[r.path]}`);
	}
	say(!csvBad.length, 'csv', csvBad.join('; '));
})().catch((e) => { say(false, 'load', String(e.message || e).split('\n')[0]); process.exitCode = 0; });
