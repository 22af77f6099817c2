#!/bin/sh
# Write a test corpus for the sharded runs into $1: the samples as they are, many
# variants of them as text files in nested folders, the same as members of a tar.gz and
# a zip, and inputs that must be rejected (empty, binary).  $2: variants (default 40).
# Deterministic: the same arguments give the same tree.
set -eu
out=$1
n=${2:-40}
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
rm -rf "$out"
mkdir -p "$out/text" "$out/pack" "$out/bad"
cp "$ROOT"/samples/*.txt "$out/text/"
i=0
while [ "$i" -lt "$n" ]; do
	for f in "$ROOT"/samples/*.txt; do
		d="$out/text/d$((i % 7))"
		mkdir -p "$d"
		b=$(basename "$f" .txt)
		{ cat "$f"; printf '\nVariant %d of %s.\n' "$i" "$b"; } > "$d/$b-$i.txt"
		{ cat "$f"; printf '\nArchived variant %d of %s.\n' "$i" "$b"; } > "$out/pack/$b-$i.txt"
	done
	i=$((i + 1))
done
(cd "$out/pack" && tar --sort=name --mtime=@0 --owner=0 --group=0 -czf ../members.tar.gz . &&
	zip -qX ../members.zip $(ls | head -n 20))
rm -rf "$out/pack"
# the same bytes at two paths: one id, two records; pack keeps one whatever the order
cp "$ROOT/samples/fr-festival.txt" "$out/text/d0/copy-of-fr-festival.txt"
# HTML pages
mkdir -p "$out/html"
i=0
while [ "$i" -lt 5 ]; do
	{
		printf '<!DOCTYPE html>\n<html lang="en"><head><title>Council budget %d</title></head>\n' "$i"
		printf '<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>\n<article><h1>Council budget %d</h1>\n' "$i"
		sed -n '3,$p' "$ROOT/samples/en-council-budget.txt" | while IFS= read -r l; do
			[ -n "$l" ] && printf '<p>%s</p>\n' "$l"
		done
		printf '</article><footer>Copyright</footer></body></html>\n'
	} > "$out/html/page-$i.html"
	i=$((i + 1))
done
: > "$out/bad/empty.txt"
printf '\n\n   \n' > "$out/bad/blank.txt"
