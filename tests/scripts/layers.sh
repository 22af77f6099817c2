#!/bin/sh
# The folder rule of src/README.md, checked two ways: every `#include "folder/..."` in
# src/ names a folder its own may use, and the objects' symbols (nm) draw no circle
# between two object files and no edge against the rule.
set -u
: "${ROOT:?}" "${BUILD:?}"
obj="$BUILD/obj/src"
tmp="$BUILD/tmp-layers"
rm -rf "$tmp"
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT

# may FOLDER use TARGET (folder/file)?  The one rule, written once for both checks.
allowed() { # folder target
	t=${2%%/*}
	[ "$t" = "$1" ] && return 0
	case "$1:$t" in
	*:core) return 0 ;;
	text:record | io:record) return 0 ;;
	html:record | html:text | html:io) return 0 ;;
	convert:record | convert:text | convert:io | convert:html) return 0 ;;
	convert:corpus) case "$2" in corpus/quality.o) return 0 ;; esac ;;
	release:record | release:text | release:io) return 0 ;;
	release:validate) case "$2" in validate/validate.o) return 0 ;; esac ;;
	validate:record | validate:text | validate:io) return 0 ;;
	validate:release) case "$2" in release/layout.h | release/layout.o) return 0 ;; esac ;;
	corpus:record | corpus:text | corpus:io) return 0 ;;
	esac
	return 1
}

# -- includes
bad=0
for f in "$ROOT"/src/*/*.c "$ROOT"/src/*/*.cc "$ROOT"/src/*/*.h; do
	[ -f "$f" ] || continue
	rel=${f#"$ROOT"/src/}
	folder=${rel%%/*}
	for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([a-z_]*\/[^"]*\)".*/\1/p' "$f"); do
		case "$inc" in sahifa/*) continue ;; esac
		if ! allowed "$folder" "$inc"; then
			echo "FAIL layers/include: src/$rel includes '$inc' against the folder rule"
			bad=1
		fi
	done
done
[ "$bad" -eq 0 ] && echo "PASS layers/include"

# -- seams: a file that includes a third-party library's header carries its prefix
# (src/README.md, "Names"), so that one grep lists who uses each library
bad=0
for f in "$ROOT"/src/*/*.c "$ROOT"/src/*/*.cc "$ROOT"/src/*/*.h; do
	[ -f "$f" ] || continue
	base=${f##*/}
	for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*<\([^>]*\)>.*/\1/p' "$f"); do
		case "$inc" in
		unicode/*) want=icu_ ;;
		archive.h | archive_entry.h) want=archive_ ;;
		cjson/*) want=json_ ;;
		csv.h) want=csv_ ;;
		libxml/*) want=html_ ;;
		zlib.h) want=zlib_ ;;
		libdeflate.h) want=deflate_ ;;
		zstd.h) want=zstd_ ;;
		openssl/*) want=crypto_ ;;
		cld2/*) want=lid_cld2 ;;
		*) continue ;;
		esac
		case "$base" in "$want"*) ;; *)
			echo "FAIL layers/seams: src/${f#"$ROOT"/src/} includes <$inc>; only $want* files do"
			bad=1 ;;
		esac
	done
done
[ "$bad" -eq 0 ] && echo "PASS layers/seams"

# -- objects: which object defines each symbol, which objects each one uses
if ! ls "$obj"/*/*.o > /dev/null 2>&1; then
	echo "FAIL layers/objects: no objects under '$obj' (build first)"
	exit 0
fi
for o in "$obj"/*/*.o; do
	n=${o#"$obj"/}
	nm -g --defined-only "$o" | awk -v n="$n" 'NF == 3 { print $3, n }' >> "$tmp/defs"
	nm -g --undefined-only "$o" | awk -v n="$n" '{ print $NF, n }' >> "$tmp/uses"
done
# edges "user definer", one per pair
awk 'NR == FNR { def[$1] = $2; next } ($1 in def) && def[$1] != $2 { print $2, def[$1] }' \
	"$tmp/defs" "$tmp/uses" | sort -u > "$tmp/edges"

bad=0
while read -r from to; do
	if ! allowed "${from%%/*}" "$to"; then
		echo "FAIL layers/objects-rule: '$from' uses '$to' against the folder rule"
		bad=1
	fi
done < "$tmp/edges"
[ "$bad" -eq 0 ] && echo "PASS layers/objects-rule"

# circles: depth-first search, an edge back to a node on the stack closes one
awk '
{ succ[$1] = succ[$1] " " $2; node[$1] = 1; node[$2] = 1 }
function visit(v,   n, i, s, w) {
	state[v] = 1; stack[++depth] = v
	n = split(succ[v], s, " ")
	for (i = 1; i <= n; i++) {
		w = s[i]
		if (state[w] == 1) {
			path = w
			for (j = depth; j >= 1 && stack[j] != w; j--) path = stack[j] " -> " path
			print "FAIL layers/circles: " w " -> " path
			found = 1
		} else if (state[w] == 0) visit(w)
	}
	depth--; state[v] = 2
}
END {
	for (v in node) if (state[v] == 0) visit(v)
	if (!found) print "PASS layers/circles"
}' "$tmp/edges"

# -- names: sahifa_ is the public interface (declared in include/sahifa/), shf_ is
# shared inside the library, anything else is a folder's own or static.
still_public_named=""
still_public_named=$(echo $still_public_named)
bad=0
for sym in $(awk '$1 ~ /^sahifa_/ { print $1 }' "$tmp/defs" | sort -u); do
	if grep -rqw "$sym" "$ROOT"/include/sahifa/; then continue; fi
	case " $still_public_named " in *" $sym "*) continue ;; esac
	echo "FAIL layers/names: '$sym' has the public prefix but no public header declares it (use shf_ or static)"
	bad=1
done
for sym in $(awk '$1 ~ /^shf_/ { print $1 }' "$tmp/defs" | sort -u); do
	if grep -rqw "$sym" "$ROOT"/include/sahifa/; then
		echo "FAIL layers/names: '$sym' is internal (shf_) but a public header declares it"
		bad=1
	fi
done
[ "$bad" -eq 0 ] && echo "PASS layers/names"
