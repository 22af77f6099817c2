#!/bin/sh
# The named limits of include/sahifa/limits.h: the ones no other test reaches are hit
# here, and every limit must be named by some test under tests/ (a new limit without
# a test fails limits/named).
set -u
: "${SAHIFA:?}" "${ROOT:?}" "${BUILD:?}"
T="$BUILD/tmp-limits"
rm -rf "$T"
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT

pass() { echo "PASS limits/$1"; }
fail() { echo "FAIL limits/$1: $2"; }

echo "A shallow article with enough words in it to be converted as one." > "$T/top.txt"

# -- SAHIFA_MAX_RULES: rules past the limit, and a rules file with more lines
n=$(sed -n 's/^#define SAHIFA_MAX_RULES \([0-9]*\)$/\1/p' "$ROOT/include/sahifa/limits.h")
# a file's rules are its own (the built-in ones do not count): n rules in one file load,
# and one more line is past the file's limit (below)
seq 1 "$n" | sed 's/^/line phrase number /' > "$T/many.rules"
"$SAHIFA" convert --rules "$T/many.rules" -o "$T/o.jsonl" "$T/top.txt" 2> "$T/err"
rc=$?
if [ $rc -eq 0 ]; then
	pass "SAHIFA_MAX_RULES rules: $n rules of one file load beside the built-in ones"
else fail "SAHIFA_MAX_RULES rules" "exit $rc: $(head -n 2 "$T/err")"; fi
{ echo "line one phrase"; seq 1 "$n" | sed 's/.*/#/'; } > "$T/long.rules"
"$SAHIFA" convert --rules "$T/long.rules" -o "$T/o.jsonl" "$T/top.txt" 2> "$T/err"
rc=$?
if [ $rc -eq 2 ] && grep -q "long.rules:$((n + 1)): rules file longer than the $n-line limit" "$T/err"; then
	pass "SAHIFA_MAX_RULES lines"
else fail "SAHIFA_MAX_RULES lines" "exit $rc: $(head -n 2 "$T/err")"; fi
{ echo "line one phrase"; seq 1 $((n - 1)) | sed 's/.*/#/'; } > "$T/fits.rules"
if "$SAHIFA" convert --rules "$T/fits.rules" -o "$T/o.jsonl" "$T/top.txt" 2> "$T/err"; then
	pass "SAHIFA_MAX_RULES a file at the limit loads"
else fail "SAHIFA_MAX_RULES a file at the limit loads" "$(head -n 2 "$T/err")"; fi

# -- SAHIFA_MAX_DIR_DEPTH: a folder nested one deeper than the limit is reported, the
# rest converted
n=$(sed -n 's/^#define SAHIFA_MAX_DIR_DEPTH \([0-9]*\)$/\1/p' "$ROOT/include/sahifa/limits.h")
p="$T/tree"
i=0
while [ $i -le "$n" ]; do p="$p/d"; i=$((i + 1)); done
mkdir -p "$p"
echo "An article too deep in the tree to be reached by the walker." > "$p/deep.txt"
cp "$T/top.txt" "$T/tree/top.txt"
"$SAHIFA" convert -o "$T/tree.jsonl" "$T/tree" 2> "$T/err"
rc=$?
if [ $rc -eq 1 ] && grep -q "directories nested deeper than $n" "$T/err" &&
	[ "$(wc -l < "$T/tree.jsonl")" -eq 1 ]; then
	pass "SAHIFA_MAX_DIR_DEPTH"
else fail "SAHIFA_MAX_DIR_DEPTH" "exit $rc: $(tail -n 2 "$T/err")"; fi
# one level less is walked
rm -rf "$T/tree"
p="$T/tree"
i=1
while [ $i -le "$n" ]; do p="$p/d"; i=$((i + 1)); done
mkdir -p "$p"
echo "An article as deep in the tree as the walker goes, and still read." > "$p/deep.txt"
if "$SAHIFA" convert -o "$T/tree.jsonl" "$T/tree" 2> "$T/err" && [ "$(wc -l < "$T/tree.jsonl")" -eq 1 ]; then
	pass "SAHIFA_MAX_DIR_DEPTH at the limit is walked"
else fail "SAHIFA_MAX_DIR_DEPTH at the limit is walked" "$(tail -n 2 "$T/err")"; fi

# -- SAHIFA_CONVERT_RING: more inputs than the ring holds, the same output whatever -j
ring=$(sed -n 's/^#define SAHIFA_CONVERT_RING \([0-9]*\)$/\1/p' "$ROOT/include/sahifa/limits.h")
nb=$((2 * ${ring:-0} + 100))
mkdir -p "$T/batch"
i=0
while [ $i -lt $nb ]; do
	echo "Article number $i of the ring test, with a few words of its own." > "$T/batch/a$(printf %04d $i).txt"
	i=$((i + 1))
done
"$SAHIFA" convert -j 1 -o "$T/b1.jsonl" "$T/batch" 2> /dev/null
"$SAHIFA" convert -j 3 -o "$T/b3.jsonl" "$T/batch" 2> /dev/null
if [ "${ring:-0}" -gt 0 ] && [ "$(wc -l < "$T/b1.jsonl")" -eq $nb ] && cmp -s "$T/b1.jsonl" "$T/b3.jsonl"; then
	pass "SAHIFA_CONVERT_RING $nb inputs through a ring of $ring, -j 1 and -j 3 equal"
else fail "SAHIFA_CONVERT_RING" "$(wc -l < "$T/b1.jsonl") records, or -j 1 and -j 3 differ"; fi

# -- SAHIFA_VALIDATE_BATCH_BYTES: a batch closes on bytes long before it has
# SAHIFA_VALIDATE_BATCH lines; reports stay in line order whatever -j
python3 -c "
import sys
pad = 'x' * 900000
for i in range(1, 13):
    sys.stdout.write('{\"id\":%d,\"pad\":\"%s\"}\n' % (i, pad))
" > "$T/wide.jsonl"
"$SAHIFA" validate --max-errors 0 -j 1 "$T/wide.jsonl" > /dev/null 2> "$T/w1"
"$SAHIFA" validate --max-errors 0 -j 3 "$T/wide.jsonl" > /dev/null 2> "$T/w3"
if cmp -s "$T/w1" "$T/w3" && grep -q 'wide.jsonl:12:' "$T/w1"; then
	pass "SAHIFA_VALIDATE_BATCH_BYTES 11 MB in 12 lines, -j 1 and -j 3 equal"
else fail "SAHIFA_VALIDATE_BATCH_BYTES" "$(tail -n 2 "$T/w1")"; fi

# -- SAHIFA_MAX_HTML_BYTES: a windows-1256 page whose bytes decode to three UTF-8 bytes
# each (the euro sign, 0x80) is over the decoded-page limit though its raw size fits
python3 - "$T/big1256.html" <<'PY'
import sys
with open(sys.argv[1], "wb") as f:
    f.write(b'<html><head><meta charset="windows-1256"></head><body><p>')
    f.write(b"\x80" * (15 << 20))
    f.write(b"</p></body></html>")
PY
"$SAHIFA" convert -o "$T/big.jsonl" "$T/big1256.html" 2> "$T/err"
rc=$?
if [ $rc -eq 1 ] && [ ! -s "$T/big.jsonl" ] && grep -q "big1256.html" "$T/err"; then
	pass "SAHIFA_MAX_HTML_BYTES a page over the decoded limit is a reject: $(head -n 1 "$T/err" | cut -c1-120)"
else fail "SAHIFA_MAX_HTML_BYTES" "exit $rc: $(head -n 2 "$T/err")"; fi

# -- SAHIFA_MAX_WARC_HEADER_BYTES, SAHIFA_MAX_HTTP_HEADER_BYTES,
# SAHIFA_MAX_WARC_CONTENT_LENGTH: a record header or an HTTP head past 64 KiB and a length
# past 2^40 are rejects naming file@offset; the good record after each still converts
python3 - "$T" <<'PY'
import sys
t = sys.argv[1]
page = b"<html><body><p>" + b"A short article that says enough to be one, with a full stop. " * 4 + b"</p></body></html>"
def rec(head, body):
    return (b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
            b"Content-Type: application/http; msgtype=response\r\n" + head +
            b"Content-Length: %d\r\n\r\n" % len(body) + body + b"\r\n\r\n")
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
good = rec(b"", http)
open(t + "/hdr.warc", "wb").write(rec(b"X-Long: " + b"x" * (70 << 10) + b"\r\n", http) + good)
open(t + "/http.warc", "wb").write(rec(b"", b"HTTP/1.1 200 OK\r\nX-Long: " + b"y" * (70 << 10) + b"\r\nContent-Type: text/html\r\n\r\n" + page) + good)
bad = (b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: %d\r\n\r\n" % ((1 << 41)))
open(t + "/len.warc", "wb").write(bad + b"\r\n\r\n" + good)
PY
for k in hdr:SAHIFA_MAX_WARC_HEADER_BYTES http:SAHIFA_MAX_HTTP_HEADER_BYTES len:SAHIFA_MAX_WARC_CONTENT_LENGTH; do
	f=${k%%:*} name=${k#*:}
	"$SAHIFA" convert -o "$T/$f.jsonl" "$T/$f.warc" 2> "$T/err"
	rc=$?
	if [ $rc -eq 1 ] && grep -q "$f.warc@0: " "$T/err" && [ "$(wc -l < "$T/$f.jsonl")" -eq 1 ]; then
		pass "$name: $(grep "$f.warc@0: " "$T/err" | head -n 1 | cut -c1-110)"
	else fail "$name" "exit $rc, $(wc -l < "$T/$f.jsonl") records: $(head -n 2 "$T/err")"; fi
done

# -- SAHIFA_MAX_SIGNATURE_LINE_BYTES: a dedup signature file whose header line is one
# byte past the limit is refused at that line; at the limit it is read on (and refused
# later for what it says, not for its length)
n=$(sed -n 's/^#define SAHIFA_MAX_SIGNATURE_LINE_BYTES \([0-9]*\)$/\1/p' "$ROOT/include/sahifa/limits.h")
"$SAHIFA" convert -o "$T/sig.jsonl" "$T/top.txt" 2> /dev/null
"$SAHIFA" dedup --sign "$T/ok.sig" "$T/sig.jsonl" 2> "$T/err"
for len in "$n" $((n + 1)); do
	{ head -n 1 "$T/ok.sig"; printf 'tool %s\n' "$(head -c $((len - 5)) /dev/zero | tr '\0' x)"; tail -n +3 "$T/ok.sig"; } > "$T/l$len.sig"
	"$SAHIFA" dedup --signatures "$T/l$len.sig" -o "$T/k.jsonl" --drops "$T/d.jsonl" "$T/sig.jsonl" 2> "$T/err$len"
	echo $? > "$T/rc$len"
done
if [ "$(cat "$T/rc$((n + 1))")" -eq 1 ] && grep -q "l$((n + 1)).sig:2: header line longer than $n bytes" "$T/err$((n + 1))" &&
	[ "$(cat "$T/rc$n")" -eq 1 ] && grep -q "l$n.sig:2: no 'tool VERSION' line" "$T/err$n" && [ ! -e "$T/k.jsonl" ]; then
	pass "SAHIFA_MAX_SIGNATURE_LINE_BYTES"
else fail "SAHIFA_MAX_SIGNATURE_LINE_BYTES" "$(cat "$T/err$n" "$T/err$((n + 1))" | head -n 2)"; fi

# -- limits only a large run reaches: named here, counted as skipped, never as passed
echo "SKIP limits/SAHIFA_CONVERT_RING_BYTES: reaching it takes over 64 MiB of input; the ring logic is the one SAHIFA_CONVERT_RING fills"
echo "SKIP limits/SAHIFA_CORPUS_BATCH_BYTES: reaching it takes over 16 MiB of records; the batch logic is the one SAHIFA_CORPUS_BATCH closes"
echo "SKIP limits/SAHIFA_REGEX_STACK_BYTES: no pattern of ours reaches ICU's backtrack stack limit before its time limit"
skip_named="SAHIFA_CONVERT_RING_BYTES SAHIFA_CORPUS_BATCH_BYTES SAHIFA_REGEX_STACK_BYTES"

# -- every limit is named by a test
for name in $(sed -n 's/^#define \(SAHIFA_[A-Z0-9_]*\) .*/\1/p' "$ROOT/include/sahifa/limits.h"); do
	case " $skip_named " in *" $name "*) continue ;; esac
	if grep -rqw "$name" "$ROOT/tests" --exclude=limits.sh; then pass "named $name"
	elif grep -qw "$name" "$0"; then pass "named $name (here)"
	else fail "named $name" "no test under tests/ names it"; fi
done
