#!/bin/sh
# Golden command-line cases: tests/cli/<case>/ holds
#   cmd               one shell command line, run in the case folder; $SAHIFA is the
#                     binary, $ROOT the source tree
#   stdin             (optional) fed to the command
#   expected_stdout, expected_stderr, expected_status
# Prints "PASS cli/<case>" or "FAIL cli/<case>: what differs".  UPDATE=1 rewrites the
# expected files from what the command does now.
set -u
dir=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for c in "$dir"/*/; do
	c=${c%/}
	[ -f "$c/cmd" ] || continue
	name=cli/$(basename "$c")
	if [ -f "$c/stdin" ]; then in="$c/stdin"; else in=/dev/null; fi
	(cd "$c" && sh -c "$(cat cmd)" < "$in" > "$tmp/out" 2> "$tmp/err")
	echo $? > "$tmp/status"
	if [ "${UPDATE:-0}" = 1 ]; then
		cp "$tmp/out" "$c/expected_stdout"
		cp "$tmp/err" "$c/expected_stderr"
		cp "$tmp/status" "$c/expected_status"
		echo "PASS $name (updated)"
		continue
	fi
	why=
	for k in status stdout stderr; do
		got="$tmp/status"
		[ "$k" = stdout ] && got="$tmp/out"
		[ "$k" = stderr ] && got="$tmp/err"
		if ! cmp -s "$got" "$c/expected_$k"; then
			why="$why $k differs;"
			diff "$c/expected_$k" "$got" | head -n 10 | sed 's/^/    /'
		fi
	done
	if [ -z "$why" ]; then echo "PASS $name"; else echo "FAIL $name:$why"; fi
done
