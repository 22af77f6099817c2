#!/bin/sh
# Install the consumers that tests/scripts/consumers.sh loads releases with, from the npm
# registry into $BUILD/consumers (never committed): datapackage (Frictionless, the
# JavaScript implementation) and @duckdb/node-api (its platform package ships the DuckDB
# engine; the older `duckdb` package builds the engine from source when no binary can
# be fetched, which takes far too long here).  Versions are pinned so that every machine
# loads with the same readers.  pandas and PyYAML are Debian's (DEB_PKGS).
# Prints what it could not install on stderr and exits 1; 0 when all are there.
set -u
dir=${1:?usage: deps.sh DIR}
want='"datapackage": "1.1.10", "@duckdb/node-api": "1.5.6-r.1"'
if ! command -v npm > /dev/null 2>&1 || ! command -v node > /dev/null 2>&1; then
	echo "no node or npm on PATH" >&2
	exit 1
fi
mkdir -p "$dir"
if [ -f "$dir/package.json" ] && grep -qF "$want" "$dir/package.json" &&
	[ -d "$dir/node_modules/datapackage" ] && [ -d "$dir/node_modules/@duckdb/node-api" ]; then
	exit 0
fi
printf '{ "private": true, "dependencies": { %s } }\n' "$want" > "$dir/package.json"
if ! (cd "$dir" && npm install --no-audit --no-fund --loglevel=error > install.log 2>&1); then
	echo "npm install failed: $(tail -n 3 "$dir/install.log" | tr '\n' ' ')" >&2
	exit 1
fi
exit 0
