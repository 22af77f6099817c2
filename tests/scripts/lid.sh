#!/bin/sh
# sahifa tag over real text and at its limits.
#   lid/seeds        every line of the seed articles that has a letter is ar / Arab, the
#                    others und (lines 1-40 of 002: its end is site chrome)
#   lid/line-limit   a line past SAHIFA_MAX_LINE_BYTES: message naming line 1, und, exit 1,
#                    and the next line still tagged
#   lid/stream       one output line per input line over 20000 lines, order kept
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ -z "${SHARED:-}" ] || [ ! -d "$SHARED/seeds" ]; then
	echo "SKIP lid/seeds: no \$SHARED/seeds"
else
	for f in "$SHARED"/seeds/*.txt; do
		case "$(basename "$f")" in
		002_*) head -n 40 "$f" ;;
		*) cat "$f" ;;
		esac
	done | python3 -c '
import sys
for line in sys.stdin.read().split("\n"):
    if line.strip():
        print(line)' > "$tmp/seeds.txt"
	"$SAHIFA" tag < "$tmp/seeds.txt" > "$tmp/seeds.out"
	why=$(python3 - "$tmp/seeds.txt" "$tmp/seeds.out" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
tags = open(sys.argv[2], encoding="utf-8").read().split("\n")[:-1]
if len(lines) != len(tags):
    print("%d lines in, %d out" % (len(lines), len(tags)))
    sys.exit()
for i, (l, t) in enumerate(zip(lines, tags), 1):
    lang, script = t.split("\t")[:2]
    want = ("ar", "Arab") if any(c.isalpha() for c in l) else ("und", "Zyyy")
    if (lang, script) != want:
        print("line %d %r: %s-%s" % (i, l[:40], lang, script))
PY
)
	n=$(wc -l < "$tmp/seeds.txt")
	if [ -z "$why" ] && [ "$n" -gt 100 ]; then
		echo "PASS lid/seeds ($n lines)"
	else
		echo "FAIL lid/seeds: ${why:-only $n lines}" | head -n 5
	fi
fi

# A line of 1 MiB + 1 bytes, then a short one.
python3 -c 'import sys; sys.stdout.write("a" * (1048576 + 1) + "\nhello world, this is english\n")' > "$tmp/long.txt"
"$SAHIFA" tag < "$tmp/long.txt" > "$tmp/long.out" 2> "$tmp/long.err"
rc=$?
if [ "$rc" -eq 1 ] && [ "$(sed -n 1p "$tmp/long.out")" = "$(printf 'und\tZyyy\t0.000')" ] &&
   [ "$(sed -n 2p "$tmp/long.out" | cut -f1)" = en ] && [ "$(wc -l < "$tmp/long.out")" -eq 2 ] &&
   grep -q '^sahifa: -:1: line longer than 1048576 bytes$' "$tmp/long.err"; then
	echo "PASS lid/line-limit"
else
	echo "FAIL lid/line-limit: exit $rc, $(head -c 200 "$tmp/long.err")"
fi

# A line exactly at the limit is tagged.
python3 -c 'import sys; sys.stdout.write("a" * 1048576 + "\n")' | "$SAHIFA" tag > "$tmp/at.out" 2>&1
if [ $? -eq 0 ] && [ "$(cut -f2 "$tmp/at.out")" = Latn ]; then
	echo "PASS lid/line-at-limit"
else
	echo "FAIL lid/line-at-limit: $(head -c 200 "$tmp/at.out")"
fi

python3 -c '
words = ["مرحبا بكم", "hello there friend", "", "سلام دوستان", "12"]
for i in range(20000):
    print(words[i % 5])' > "$tmp/many.txt"
"$SAHIFA" tag < "$tmp/many.txt" > "$tmp/many.out"
rc=$?
if [ "$rc" -eq 0 ] && [ "$(wc -l < "$tmp/many.out")" -eq 20000 ] &&
   [ "$(sed -n '3p;4p;20000p' "$tmp/many.out" | cut -f1 | tr '\n' ' ')" = "und fa und " ]; then
	echo "PASS lid/stream"
else
	echo "FAIL lid/stream: exit $rc, $(wc -l < "$tmp/many.out") lines"
fi
