#!/bin/sh
# Hostile inputs, one case per way an input could be lost or corrupted: each asserts the
# exit status, the message, and that every input is a record, a reject or a counted skip
# (in = records + rejects + skipped).  The sanity limits of include/sahifa/limits.h are
# hit here or in tests/unit.
set -u
: "${SAHIFA:?}" "${ROOT:?}" "${BUILD:?}"
T="$BUILD/tmp-hostile"
rm -rf "$T"
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT
S="$ROOT/samples"
gen="$ROOT/tests/scripts/pack-records.py"

pass() { echo "PASS hostile/$1"; }
fail() { echo "FAIL hostile/$1: $2"; }

# run NAME CMD...: runs CMD with stdout in $T/NAME.out, stderr in $T/NAME.err, rc in $rc
run() {
	n=$1
	shift
	"$@" > "$T/$n.out" 2> "$T/$n.err"
	rc=$?
}
# expect NAME RC REGEX: the last run's exit status is RC and stderr matches REGEX
# (an empty REGEX: stderr is empty); extra checks go in $why (empty: all good).
expect() {
	if [ "$rc" -ne "$2" ]; then
		fail "$1" "exit $rc, wanted $2: $(head -c 400 "$T/$1.err" | tr '\n' ' ')"
	elif [ -n "$3" ] && ! grep -Eq -- "$3" "$T/$1.err"; then
		fail "$1" "no message /$3/: $(head -c 400 "$T/$1.err" | tr '\n' ' ')"
	elif [ -z "$3" ] && [ -s "$T/$1.err" ]; then
		fail "$1" "unexpected message: $(head -c 400 "$T/$1.err" | tr '\n' ' ')"
	elif [ -n "${why:-}" ]; then
		fail "$1" "$why"
	else
		pass "$1"
	fi
	why=
}
# balance NAME RECORDS_FILE: convert's -v summary says in = records + rejects + skipped,
# and RECORDS_FILE holds as many lines as records; sets why when not.
balance() {
	bn=$1
	line=$(grep -E '^sahifa: [0-9]+ inputs, ' "$T/$bn.err" | tail -n 1)
	set -- $(echo "$line" | sed -E 's/^sahifa: ([0-9]+) inputs, ([0-9]+) records, ([0-9]+) rejected.*/\1 \2 \3/') "$2"
	if [ $# -ne 4 ]; then why="no summary line"; return; fi
	sk=$(echo "$line" | sed -nE 's/.* rejected, ([0-9]+) skipped.*/\1/p')
	sk=${sk:-0}
	lines=$(wc -l < "$4")
	if [ $(($2 + $3 + sk)) -ne "$1" ]; then why="$1 inputs but $2 records + $3 rejects + $sk skipped"
	elif [ "$lines" -ne "$2" ]; then why="$2 records said, $lines written"; fi
}
valid_jsonl() { # FILE: every line is strict JSON in valid UTF-8
	python3 -c '
import json, sys
for i, l in enumerate(open(sys.argv[1], "rb")):
    json.loads(l.decode("utf-8"))
' "$1" 2> /dev/null
}

python3 "$gen" many 100 a > "$T/many.jsonl"
# an LD_PRELOAD shim that changes inputs while they are read (empty: no compiler)
SHIM="$T/shim.so"
cc -shared -fPIC -o "$SHIM" "$ROOT/tests/data/hostile/shim.c" -ldl 2> /dev/null || SHIM=

# ---- critical and high ----

# 1. pack at 63 shards or more: the CSV members' places survive the member table growing
run pack-shards "$SAHIFA" pack --name r --version 1.0.0 --shard-size 1 -o "$T/p1" "$T/many.jsonl"
[ $rc -eq 0 ] && ! "$SAHIFA" validate "$T/p1/r-1.0.0.tar.gz" > /dev/null 2>&1 && why="validate fails"
rc1=$rc; run pack-shards-v "$SAHIFA" validate "$T/p1/r-1.0.0.tar.gz"; [ $rc -ne 0 ] && why="validate: $(cat "$T/pack-shards-v.err")"
rc=$rc1; expect pack-shards 0 ""

# 4. convert never reads its own output, an older one, or temporaries a killed run left
mkdir -p "$T/own"
cp "$S/en-council-budget.txt" "$S/fr-festival.txt" "$T/own/"
cp "$S/fa-economy.txt" "$T/own/.out.jsonl.tmp-Zx81Qa"
"$SAHIFA" convert -o "$T/own/out.jsonl" "$T/own" 2> /dev/null
cp "$T/own/out.jsonl" "$T/own-first.jsonl"
run own-output "$SAHIFA" convert -v -o "$T/own/out.jsonl" --rejects "$T/own/rej.jsonl" "$T/own"
balance own-output "$T/own/out.jsonl"
cmp -s "$T/own/out.jsonl" "$T/own-first.jsonl" || why="${why:-the output changed from run to run}"
expect own-output 0 '4 skipped \(.*output 3.*temporary 1|4 skipped \(.*temporary 1.*output 3'

# 5. -o X --rejects X is a usage error, not an empty X
run same-out-rejects "$SAHIFA" convert -o "$T/x.jsonl" --rejects "$T/../tmp-hostile/x.jsonl" "$S"
[ -e "$T/x.jsonl" ] && why="x.jsonl was written"
expect same-out-rejects 2 "x.jsonl: the rejects file is the output file"

# 2. gzip integrity: a CRC error is a reject, never a garbled record; a .tar.gz too
gzip -1 -c "$S/en-council-budget.txt" > "$T/good.txt.gz"
python3 - "$T/good.txt.gz" "$T/crc.txt.gz" <<'PY'
import sys, zlib
d0 = open(sys.argv[1], 'rb').read()
for i in range(20, len(d0) - 8):
    for bit in (1, 2, 4, 8, 16, 32, 64, 128):
        d = bytearray(d0); d[i] ^= bit
        # a flip that keeps the deflate stream valid: only the CRC-32 can tell
        try:
            zlib.decompress(bytes(d), 31)
        except zlib.error as e:
            if 'incorrect data check' in str(e):
                open(sys.argv[2], 'wb').write(d)
                sys.exit(0)
sys.exit(1)
PY
run gzip-crc "$SAHIFA" convert -v -o "$T/crc.jsonl" "$T/crc.txt.gz"
balance gzip-crc "$T/crc.jsonl"
expect gzip-crc 1 "crc.txt.gz: damaged gzip data: incorrect data check"
mkdir -p "$T/tgz"
cp "$S"/*.txt "$T/tgz/"
(cd "$T/tgz" && tar cf - *.txt | gzip -1 > "$T/d.tar.gz")
python3 -c "
import sys; d = bytearray(open(sys.argv[1], 'rb').read()); d[len(d) // 2] ^= 0x55
open(sys.argv[1], 'wb').write(d)" "$T/d.tar.gz"
run tgz-damaged "$SAHIFA" convert -v -o "$T/tgz.jsonl" "$T/d.tar.gz"
balance tgz-damaged "$T/tgz.jsonl"
expect tgz-damaged 1 "d.tar.gz: (damaged gzip data|corrupt)"

# 3. names that are not UTF-8 are repaired (U+FFFD) in the record: convert's JSON is valid
mkdir -p "$T/names"
cp "$S/fr-festival.txt" "$T/names/$(printf 'caf\351.txt')"
python3 - "$S/fa-economy.txt" "$T/cp1256.zip" <<'PY'
import io, sys, zipfile
b = io.BytesIO(); z = zipfile.ZipFile(b, 'w')
z.writestr('ABCDE.txt', open(sys.argv[1], 'rb').read()); z.close()
# the same name in cp1256 (Arabic), as old Windows zip tools stored it
open(sys.argv[2], 'wb').write(b.getvalue().replace(b'ABCDE.txt', b'\xc7\xe1\xce\xc8\xd1.txt'))
PY
run bad-names "$SAHIFA" convert -v -o "$T/names.jsonl" "$T/names" "$T/cp1256.zip"
balance bad-names "$T/names.jsonl"
valid_jsonl "$T/names.jsonl" || why="${why:-the output is not valid UTF-8 JSON}"
[ -z "$why" ] && ! "$SAHIFA" validate "$T/names.jsonl" > /dev/null 2>&1 && why="validate refuses the output"
expect bad-names 0 "not valid UTF-8"

# 6. pack --previous refuses a previous release that does not agree with its manifest
mkdir -p "$T/prev/x"
"$SAHIFA" pack --name v --version 1.0.0 -o "$T/prev" "$T/many.jsonl" > /dev/null
tar xzf "$T/prev/v-1.0.0.tar.gz" -C "$T/prev/x"
sed -i '5d;6s/a-/b-/' "$T/prev/x/v-1.0.0/data/train-00000-of-00001.jsonl"
tar czf "$T/prev/v-1.0.0.tar.gz" -C "$T/prev/x" v-1.0.0
run previous-damaged "$SAHIFA" pack --name v --version 1.1.0 -o "$T/prev" --previous "$T/prev/v-1.0.0.tar.gz" "$T/many.jsonl"
[ -e "$T/prev/v-1.1.0.tar.gz" ] && why="a release was written"
expect previous-damaged 1 "v-1.0.0.tar.gz: damaged previous release .*train-00000-of-00001.jsonl: [0-9]+ bytes, but manifest.json says"

# ---- medium ----

# 7. "\u0000" in a string and repeated keys: validate and pack refuse both (cJSON would
# cut "AB\u0000CD" to "AB" and keep the first of two keys where Python keeps the last)
head -n 1 "$T/many.jsonl" | sed 's/"headline":"/"headline":"AB\\u0000CD /' > "$T/nul.jsonl"
head -n 1 "$T/many.jsonl" | sed 's/"headline":"/"headline":"first","headline":"/' > "$T/dup.jsonl"
head -n 1 "$T/many.jsonl" | sed 's/"headline":"/"headline":"AB\\\\u0000CD /' > "$T/esc.jsonl"
for k in nul dup; do
	msg="'\\\\u0000' in a string"; [ $k = dup ] && msg="duplicate key 'headline'"
	run validate-$k "$SAHIFA" validate "$T/$k.jsonl"
	expect validate-$k 1 "$k.jsonl:1(:[0-9]+)?: $msg"
	run pack-$k "$SAHIFA" pack --name k --version 1.0.0 -o "$T/pk-$k" "$T/$k.jsonl"
	expect pack-$k 1 "$k.jsonl:1: $msg"
done
run validate-escaped "$SAHIFA" validate "$T/esc.jsonl"
expect validate-escaped 0 "1 file, 1 row, 0 errors"

# 8. one unreadable member (encrypted, bad CRC) is a reject; the members after it are read
mkdir -p "$T/zip"
cp "$S"/*.txt "$T/zip/"
(cd "$T/zip" && zip -q -P secret ../enc.zip en-council-budget.txt && zip -q ../enc.zip fa-economy.txt fr-festival.txt &&
 zip -q -0 ../st.zip en-council-budget.txt fa-economy.txt fr-festival.txt)
python3 -c "
import sys; d = bytearray(open(sys.argv[1], 'rb').read()); i = d.find(b'fa-economy.txt') + 14 + 200
d[i] ^= 0x20; open(sys.argv[2], 'wb').write(d)" "$T/st.zip" "$T/badcrc.zip"
run zip-member "$SAHIFA" convert -v -o "$T/zipm.jsonl" "$T/enc.zip" "$T/badcrc.zip"
balance zip-member "$T/zipm.jsonl"
[ -z "$why" ] && [ "$(wc -l < "$T/zipm.jsonl")" -ne 4 ] && why="$(wc -l < "$T/zipm.jsonl") records, wanted 4"
expect zip-member 1 "enc.zip!en-council-budget.txt: .*[Pp]assphrase.*badcrc.zip!fa-economy.txt: .*CRC|badcrc.zip!fa-economy.txt: .*CRC"
grep -q "enc.zip!en-council-budget.txt: .*assphrase" "$T/zip-member.err" || fail zip-member-encrypted "no reject for the encrypted member"

# 9. a bomb stops at the member header that declares it, before libarchive inflates
# (SAHIFA_MAX_ARCHIVE_RATIO, for archives past SAHIFA_ARCHIVE_RATIO_FROM)
# what it would skip: 941 bytes of .tar.bz2 declaring 1 GiB of zeros
bomb="$ROOT/tests/data/hostile/bomb.tar.bz2"
t0=$(date +%s)
run bomb "$SAHIFA" convert -v -o "$T/bomb.jsonl" "$bomb"
balance bomb "$T/bomb.jsonl"
[ $(($(date +%s) - t0)) -gt 2 ] && why="${why:-took $(($(date +%s) - t0)) s}"
expect bomb 1 "bomb.tar.bz2!zeros.txt: 941 bytes expand to more than 1073741824"
t0=$(date +%s)
run bomb-validate "$SAHIFA" validate --max-uncompressed 1000000 "$bomb"
[ $(($(date +%s) - t0)) -gt 2 ] && why="took $(($(date +%s) - t0)) s"
expect bomb-validate 1 "bomb.tar.bz2!zeros.txt: more than 1000000 uncompressed bytes"

# 10. pack reads each input once, but for the lines already as it writes them, which it
# reads back from the input as it writes the archive.  A change made to an input after
# that first read (the shim rewrites one byte of it at pack's first seek, when the
# archive is written) cannot reach the release: of lines pack rewrites (the generator's
# "share":1.0), the release holds the records as they were read; of canonical lines (a
# release's own shard), the release fails, also when the change keeps the file's size
# and time (each line's CRC-32)
if [ -n "$SHIM" ]; then
	cp "$T/many.jsonl" "$T/change.jsonl"
	run one-read env LD_PRELOAD="$SHIM" SHIM_FILE="$T/change.jsonl" \
		ASAN_OPTIONS=verify_asan_link_order=0 "$SAHIFA" pack --name c --version 1.0.0 -o "$T/pc" "$T/change.jsonl"
	grep -q z-0.txt "$T/change.jsonl" || why="the shim did not change the input"
	if [ -z "${why:-}" ]; then
		tar -xzOf "$T/pc/c-1.0.0.tar.gz" --wildcards 'c-1.0.0/data/train-*.jsonl' > "$T/pc/shard" 2> /dev/null ||
			why="no shard in the release"
		grep -q z-0.txt "$T/pc/shard" && why="${why:-the change reached the release}"
		grep -q a-0.txt "$T/pc/shard" || why="${why:-the record read is not in the release}"
	fi
	expect one-read 0 ""
	tar -xzOf "$T/pc/c-1.0.0.tar.gz" --wildcards 'c-1.0.0/data/train-*.jsonl' > "$T/canon.jsonl" 2> /dev/null
	cp "$T/canon.jsonl" "$T/change1.jsonl"
	run one-read-canonical env LD_PRELOAD="$SHIM" SHIM_FILE="$T/change1.jsonl" \
		ASAN_OPTIONS=verify_asan_link_order=0 "$SAHIFA" pack --name c --version 1.0.0 -o "$T/pc1" "$T/change1.jsonl"
	grep -q z-0.txt "$T/change1.jsonl" || why="the shim did not change the input"
	ls "$T/pc1"/c-1.0.0.* > /dev/null 2>&1 && why="${why:-a release was written}"
	expect one-read-canonical 3 "change1.jsonl: the input changed while being packed: no release written"
	cp "$T/canon.jsonl" "$T/change2.jsonl"
	touch -d "2020-01-01 00:00:00" "$T/change2.jsonl"
	run one-read-same-time env LD_PRELOAD="$SHIM" SHIM_FILE="$T/change2.jsonl" SHIM_KEEP_TIME=1 \
		ASAN_OPTIONS=verify_asan_link_order=0 "$SAHIFA" pack --name c --version 1.0.0 -o "$T/pc2" "$T/change2.jsonl"
	grep -q z-0.txt "$T/change2.jsonl" || why="the shim did not change the input"
	[ "$(stat -c %Y "$T/change2.jsonl")" = "$(date -d "2020-01-01 00:00:00" +%s)" ] ||
		why="${why:-the shim did not keep the time}"
	ls "$T/pc2"/c-1.0.0.* > /dev/null 2>&1 && why="${why:-a release was written}"
	expect one-read-same-time 3 "change2.jsonl:[0-9]+: the input changed while being packed: no release written"
	# unchanged, the canonical lines pack into the bytes they came from
	run canonical-shard "$SAHIFA" pack --name c --version 1.0.0 -o "$T/pc3" "$T/canon.jsonl"
	tar -xzOf "$T/pc3/c-1.0.0.tar.gz" --wildcards 'c-1.0.0/data/train-*.jsonl' 2> /dev/null |
		cmp -s - "$T/canon.jsonl" || why="the shard of a shard is not the shard"
	expect canonical-shard 0 ""
else
	echo "SKIP hostile/one-read: no C compiler for the shim"
fi

# 11. a user pattern that backtracks without end stops at the regex time limit
# (SAHIFA_REGEX_TIME_STEPS)
printf '%s\n' '{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"s":{"type":"string","pattern":"^(a+)+$"}}}' > "$T/re.schema.json"
printf '%s\n' '{"s":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaX"}' '{"s":"aaaa"}' > "$T/re.jsonl"
t0=$(date +%s)
run regex-backtrack "$SAHIFA" validate --schema "$T/re.schema.json" "$T/re.jsonl"
[ $(($(date +%s) - t0)) -gt 5 ] && why="took $(($(date +%s) - t0)) s"
expect regex-backtrack 1 "re.jsonl:1: .*more than the time limit.*1 file, 2 rows, 1 error|1 file, 2 rows, 1 error"
grep -q "re.jsonl:1: .*more than the time limit" "$T/regex-backtrack.err" || fail regex-backtrack-message "$(cat "$T/regex-backtrack.err")"

# 11b. anyOf over $ref, 30 levels deep (2^30 paths), stops at the schema step limit
# (SAHIFA_SCHEMA_MAX_STEPS)
python3 -c '
import json
d = {"l%d" % i: {"anyOf": [{"$ref": "#/$defs/l%d" % (i + 1)}] * 2} for i in range(30)}
d["l30"] = {"type": "string"}
print(json.dumps({"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": d, "$ref": "#/$defs/l0"}))' > "$T/fan.schema.json"
echo '{"a":1}' > "$T/fan.jsonl"
t0=$(date +%s)
run schema-fanout "$SAHIFA" validate --schema "$T/fan.schema.json" "$T/fan.jsonl"
[ $(($(date +%s) - t0)) -gt 5 ] && why="took $(($(date +%s) - t0)) s"
expect schema-fanout 1 "fan.jsonl:1: the schema takes more than [0-9]+ steps"

# 13. symbolic link "diamonds": a folder reached twice is walked once, counted skipped
d="$T/diamond/l0"
mkdir -p "$d"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do mkdir "$d/x"; ln -s x "$d/a"; ln -s x "$d/b"; d="$d/x"; done
cp "$S/fr-festival.txt" "$d/"
run diamonds timeout 60 "$SAHIFA" convert -v -o "$T/diamond.jsonl" "$T/diamond"
balance diamonds "$T/diamond.jsonl"
expect diamonds 0 "28 skipped \\(folder walked already 28\\)"

# ---- low ----

# 14. the rejects file failing at commit keeps the output from being put in place
: > "$T/rej-empty.txt"
run rejects-full "$SAHIFA" convert -v -o "$T/rf.jsonl" --rejects /dev/full "$S" "$T/rej-empty.txt"
[ -e "$T/rf.jsonl" ] && why="the output is in place"
expect rejects-full 3 "/dev/full: write error"

# 21. outputs honour the umask (mkstemp alone makes 0600)
(umask 022 && "$SAHIFA" convert -o "$T/mode.jsonl" "$S/fr-festival.txt" 2> "$T/umask.err")
(umask 022 && "$SAHIFA" pack --name m --version 1.0.0 -o "$T/pm" "$T/many.jsonl" > /dev/null 2>> "$T/umask.err")
(umask 077 && "$SAHIFA" convert -o "$T/mode077.jsonl" "$S/fr-festival.txt" 2>> "$T/umask.err")
m1=$(stat -c %a "$T/mode.jsonl"); m2=$(stat -c %a "$T/pm/m-1.0.0.tar.gz"); m3=$(stat -c %a "$T/mode077.jsonl")
rc=0; [ "$m1:$m2:$m3" = "644:644:600" ] || why="modes $m1 $m2 $m3, wanted 644 644 600"
expect umask 0 ""

# 22. SIGPIPE removes the temporaries; temporaries are dot names beside the target
mkdir -p "$T/pipe" "$T/many"
for i in $(seq 1 40); do for f in "$S"/*.txt; do cp "$f" "$T/many/$i-$(basename "$f")"; done; done
( "$SAHIFA" convert -j 1 --rejects "$T/pipe/r.jsonl" "$T/many" 2> "$T/sigpipe.err"; echo $? > "$T/sigpipe.rc" ) | head -c1 > /dev/null
rc=0; left=$(ls -A "$T/pipe")
[ -n "$left" ] && why="left behind: $left"
[ "$(cat "$T/sigpipe.rc")" -eq 141 ] || why="${why:-exit $(cat "$T/sigpipe.rc"), wanted 141 (SIGPIPE)}"
expect sigpipe 0 ""

# 15. an archive given as a pipe or FIFO is read from memory (its first bytes are read)
(cd "$T/zip" && tar cf "$T/pipe.tar" en-council-budget.txt fr-festival.txt)
mkfifo "$T/fifo"
cat "$T/pipe.tar" > "$T/fifo" &
run archive-fifo timeout 60 "$SAHIFA" convert -v -o "$T/fifo.jsonl" "$T/fifo"
wait
balance archive-fifo "$T/fifo.jsonl"
expect archive-fifo 0 "2 inputs, 2 records, 0 rejected"
cat "$T/pipe.tar" | { "$SAHIFA" convert -v -o "$T/devstdin.jsonl" /dev/stdin > "$T/archive-pipe.out" 2> "$T/archive-pipe.err"; echo $? > "$T/archive-pipe.rc"; }
rc=$(cat "$T/archive-pipe.rc")
balance archive-pipe "$T/devstdin.jsonl"
expect archive-pipe 0 "2 inputs, 2 records, 0 rejected"

# 16. plain text with "ustar" at byte 257 is text, not a tar
python3 -c "
t = ('Notes on a good sandwich for lunch. ' * 10)[:256] + 'mustard, then cheese and bread.\n'
print(t + '\nMore words follow in the second paragraph of the note about lunch.')" > "$T/mustard.txt"
head -c 262 "$T/mustard.txt" | tail -c 5 | grep -q ustar || why="ustar is not at 257"
run mustard "$SAHIFA" convert -v -o "$T/mustard.jsonl" "$T/mustard.txt"
balance mustard "$T/mustard.jsonl"
expect mustard 0 "1 inputs, 1 records, 0 rejected"

# 17. tar links, devices and FIFOs are counted as skipped, never lost silently
mkdir -p "$T/links"
cp "$S/fr-festival.txt" "$T/links/a.txt"
(cd "$T/links" && ln -s a.txt s.txt && ln a.txt h.txt && mkfifo p && tar cf "$T/links.tar" a.txt s.txt h.txt p)
run tar-links "$SAHIFA" convert -v -o "$T/links.jsonl" "$T/links.tar"
balance tar-links "$T/links.jsonl"
expect tar-links 0 "3 skipped \\(link member 2, special member 1\\)"

# 20. a file truncated while read is a reject, not a partial record
if [ -n "$SHIM" ]; then
	head -c 5000 /dev/zero | tr '\0' 'a' | fold -w 70 > "$T/trunc.txt"
	cat "$S/en-council-budget.txt" >> "$T/trunc.txt"
	run truncated env LD_PRELOAD="$SHIM" SHIM_TRUNC="$T/trunc.txt" ASAN_OPTIONS=verify_asan_link_order=0 \
		"$SAHIFA" convert -v -o "$T/trunc.jsonl" "$T/trunc.txt"
	balance truncated "$T/trunc.jsonl"
	[ "$(wc -c < "$T/trunc.txt")" -eq 100 ] || why="${why:-the shim did not truncate}"
	expect truncated 1 "trunc.txt: changed while read"
else
	echo "SKIP hostile/truncated: no C compiler for the shim"
fi

# 18. a NUL inside a CSV field fails, before integer and enum checks see a cut string
mkdir -p "$T/csv/x"
"$SAHIFA" pack --name n --version 1.0.0 -o "$T/csv" "$T/many.jsonl" > /dev/null
tar xzf "$T/csv/n-1.0.0.tar.gz" -C "$T/csv/x"
python3 - "$T/csv/x/n-1.0.0/data/articles.csv" "$T/csv/articles.csv" <<'PY'
import sys
d = open(sys.argv[1], 'rb').read().split(b'\r\n')
row = d[1].split(b',')
row[1] = b'train\x00evil'  # split
d[1] = b','.join(row)
open(sys.argv[2], 'wb').write(b'\r\n'.join(d))
PY
run csv-nul "$SAHIFA" validate --table-schema "$ROOT/schema/articles.table.json" "$T/csv/articles.csv"
expect csv-nul 1 "articles.csv:2: NUL byte in field 2"

# 19. integers past 2^53 are not integers to validate either (pack refuses them)
head -n 1 "$T/many.jsonl" | sed 's/"bytes":[0-9]*/"bytes":18446744073709551617/' > "$T/big.jsonl"
run big-integer "$SAHIFA" validate "$T/big.jsonl"
expect big-integer 1 "big.jsonl:1: expected integer, got number .*/source/bytes"

# 23. a rules file's limit is its own (not shared with the built-in rules), and a
# UTF-8 byte order mark at its start is no part of the first directive
python3 -c "
for i in range(10000): print('line rule number %d here' % i)" > "$T/10k.rules"
run rules-limit "$SAHIFA" convert -v -o "$T/r10k.jsonl" --rules "$T/10k.rules" "$S/fr-festival.txt"
balance rules-limit "$T/r10k.jsonl"
expect rules-limit 0 "1 inputs, 1 records"
printf '\357\273\277prefix Read more\n' > "$T/bom.rules"
run rules-bom "$SAHIFA" convert -v -o "$T/bom.jsonl" --rules "$T/bom.rules" "$S/fr-festival.txt"
balance rules-bom "$T/bom.jsonl"
expect rules-bom 0 "1 inputs, 1 records"

# 12. --on-invalid=reject: broken UTF-8 in mostly-ASCII text (an overlong form, CESU
# surrogates, a cut-off sequence) is rejected, not read as windows-1252 mojibake; a
# real Latin-1 file still converts
mkdir -p "$T/inv"
i=0
for v in 'caf\300\257 time' 'x \355\240\200\355\260\200 y' 'end \342\200'; do
	i=$((i + 1))
	{ cat "$S/en-council-budget.txt"; printf "$v\n"; } > "$T/inv/bad$i.txt"
done
{ cat "$S/en-council-budget.txt"; printf 'caf\351 au lait\n'; } > "$T/inv/latin1.txt"
run invalid-reject "$SAHIFA" convert -v --on-invalid=reject -o "$T/inv.jsonl" "$T/inv"
balance invalid-reject "$T/inv.jsonl"
[ -z "$why" ] && [ "$(grep -c 'invalid UTF-8 at byte' "$T/invalid-reject.err")" -ne 3 ] && why="not 3 UTF-8 rejects"
expect invalid-reject 1 "4 inputs, 1 records, 3 rejected"

# 23c. pack keeps one open file for all shards, not one per shard: 300 shards under a
# limit of 128 open files
python3 "$gen" many 300 s > "$T/m300.jsonl"
run pack-open-files sh -c 'ulimit -n 128 && exec "$0" pack --name f --version 1.0.0 --shard-size 1 -o "$1" "$2"' \
	"$SAHIFA" "$T/pf" "$T/m300.jsonl"
[ $rc -eq 0 ] && ! "$SAHIFA" validate "$T/pf/f-1.0.0.tar.gz" > /dev/null 2>&1 && why="the release does not validate"
expect pack-open-files 0 ""
