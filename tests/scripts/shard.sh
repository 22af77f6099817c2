#!/bin/sh
# Sharded convert and merge on one machine: shares are disjoint and whole, the merged
# release is byte-identical to a single convert's, a re-run share never doubles, and
# the merge refuses a missing, foreign, truncated, changed or doubled shard with
# path:line: message.
set -u
T="$BUILD/tmp-shard"
rm -rf "$T"
mkdir -p "$T"
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }
check() { # name, command...
	name=$1
	shift
	if "$@" > "$T/check.out" 2>&1; then pass "$name"; else fail "$name" "$(head -c 600 "$T/check.out" | tr '\n' ' ')"; fi
}
# count_field SIDECAR... FIELD: the sum of one sidecar member
sum_field() {
	f=$1
	shift
	cat "$@" | sed -n "s/^  \"$f\": \([0-9]*\),*$/\1/p" | awk '{ s += $1 } END { print s + 0 }'
}
pack() { # out-dir jsonl...
	d=$1
	shift
	SOURCE_DATE_EPOCH=0 "$SAHIFA" pack --name shardtest --version 1.0.0 -s train=90,test=10 -o "$d" "$@"
}

sh "$ROOT/tests/cluster/corpus.sh" "$T/in" 4
C="$T/in"
"$SAHIFA" convert -o "$T/one.jsonl" "$C" 2> "$T/one.err"
in_one=$("$SAHIFA" convert -v -o "$T/one2.jsonl" "$C" 2>&1 | sed -n 's/^sahifa: \([0-9]*\) inputs.*/\1/p')
N=4
k=0
while [ $k -lt $N ]; do
	"$SAHIFA" convert --shard $k/$N -o "$T/s$k.jsonl" "$C" 2> "$T/s$k.err"
	k=$((k + 1))
done

# ---- shares: disjoint, whole, not all in one ----
sort "$T"/s[0-3].jsonl > "$T/union.sorted"
sort "$T/one.jsonl" > "$T/one.sorted"
check "shards: union of 4 shares is the single run's records" cmp "$T/union.sorted" "$T/one.sorted"
empty=0
for k in 0 1 2 3; do [ -s "$T/s$k.jsonl" ] || empty=1; done
check "shards: every share gets records" test $empty -eq 0
sum=$(sum_field inputs "$T"/s[0-3].jsonl.shard)
rec=$(sum_field records "$T"/s[0-3].jsonl.shard)
rej=$(sum_field rejects "$T"/s[0-3].jsonl.shard)
skp=$(sum_field skipped "$T"/s[0-3].jsonl.shard)
check "shards: in $in_one = records $rec + rejects $rej + skipped $skp over all shards" \
	test "$sum" -eq "$in_one" -a $((rec + rej + skp)) -eq "$in_one" -a "$rej" -eq 2
mem=$(grep -c '"member":"' "$T/s1.jsonl")
check "shards: archive members are spread over the shares" test "$mem" -gt 0 -a "$mem" -lt "$(grep -c '"member":"' "$T/one.jsonl")"

# ---- the Slurm array's variables stand for --shard ----
SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_COUNT=4 "$SAHIFA" convert -o "$T/env2.jsonl" "$C" 2>/dev/null
check "shards: SLURM_ARRAY_TASK_ID/COUNT give --shard 2/4" cmp "$T/env2.jsonl" "$T/s2.jsonl"
SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_COUNT=1 "$SAHIFA" convert -o "$T/bad.jsonl" "$C" > "$T/envbad.out" 2>&1
check "shards: an array id past the count is a usage error" sh -c "[ $? -eq 2 ] && grep -q 'give --shard K/N' '$T/envbad.out'"
"$SAHIFA" convert --shard 4/4 -o "$T/bad.jsonl" "$C" > "$T/k.out" 2>&1
check "shards: --shard 4/4 is a usage error" sh -c "[ $? -eq 2 ] && grep -q \"not '4/4'\" '$T/k.out'"
"$SAHIFA" convert --shard 0/4 "$C" > "$T/k.out" 2>&1
check "shards: a shard needs -o" sh -c "[ $? -eq 2 ] && grep -q 'give -o FILE' '$T/k.out'"

# ---- merge and pack: the same release ----
"$SAHIFA" merge -o "$T/merged.jsonl" "$T"/s3.jsonl "$T"/s1.jsonl "$T"/s0.jsonl "$T"/s2.jsonl 2> "$T/merge.err"
check "merge: exits 0 over all shards in any order" test $? -eq 0
cat "$T"/s0.jsonl "$T"/s1.jsonl "$T"/s2.jsonl "$T"/s3.jsonl > "$T/cat.jsonl"
check "merge: shard 0 first, then 1, 2, 3" cmp "$T/merged.jsonl" "$T/cat.jsonl"
a=$(pack "$T/rel-one" "$T/one.jsonl" 2> "$T/pack1.err")
b=$(pack "$T/rel-merged" "$T/merged.jsonl" 2> "$T/pack2.err")
check "pack: merged shards give the single run's release, byte for byte" cmp "$a" "$b"
c=$(pack "$T/rel-rev" "$T"/s3.jsonl "$T"/s2.jsonl "$T"/s1.jsonl "$T"/s0.jsonl 2>/dev/null)
check "pack: shards in reverse order give the same release" cmp "$a" "$c"
dup=$(grep -c '"name":"[^"]*fr-festival.txt"' "$T/one.jsonl")
check "pack: one id at two paths ($dup records) keeps the same one whatever the order" \
	sh -c "[ $dup -ge 2 ] && cmp '$a' '$c'"

pack "$T/rel-missing" "$T"/s0.jsonl "$T"/s1.jsonl "$T"/s3.jsonl > "$T/pack-missing.out" 2>&1
check "pack: over shards directly, refuses a missing shard and writes nothing" \
	sh -c "[ $? -eq 1 ] && grep -q 's0.jsonl.shard:7: shard 2 of 4 is missing' '$T/pack-missing.out' && [ ! -e '$T/rel-missing' ]"

"$SAHIFA" dedup -o "$T/one-kept.jsonl" --drops "$T/one-drops.jsonl" "$T/one.jsonl" 2>/dev/null
"$SAHIFA" dedup -o "$T/sh-kept.jsonl" --drops "$T/sh-drops.jsonl" "$T"/s3.jsonl "$T"/s1.jsonl "$T"/s0.jsonl "$T"/s2.jsonl 2>/dev/null
d1=$(pack "$T/rel-dd1" "$T/one-kept.jsonl" 2>/dev/null)
d2=$(pack "$T/rel-dd2" "$T/sh-kept.jsonl" 2>/dev/null)
check "dedup: over the shards in any order, then pack, gives the single run's deduplicated release" \
	sh -c "[ -n '$d1' ] && cmp '$d1' '$d2' && [ \$(wc -l < '$T/one-drops.jsonl') -eq \$(wc -l < '$T/sh-drops.jsonl') ] && [ -s '$T/one-drops.jsonl' ]"

# ---- a share run again replaces its output, never adds to it ----
cp "$T/s1.jsonl" "$T/s1.before"
"$SAHIFA" convert --shard 1/$N -o "$T/s1.jsonl" "$C" 2>/dev/null
check "re-run: a share run twice holds its records once" cmp "$T/s1.jsonl" "$T/s1.before"
check "re-run: the merge still takes it" "$SAHIFA" merge --check "$T"/s[0-3].jsonl

# ---- refusals ----
refuse() { # name, expected message (grep -E), merge args...
	name=$1
	want=$2
	shift 2
	"$SAHIFA" merge -o "$T/refused.jsonl" "$@" > "$T/refuse.out" 2>&1
	rc=$?
	if [ $rc -eq 1 ] && grep -Eq "$want" "$T/refuse.out" && [ ! -e "$T/refused.jsonl" ]; then
		pass "merge refuses $name"
	else
		fail "merge refuses $name" "exit $rc, no '$want', or output written: $(head -c 400 "$T/refuse.out" | tr '\n' ' ')"
	fi
}
refuse "a missing shard" "^sahifa: $T/s0.jsonl.shard:7: shard 2 of 4 is missing$" \
	"$T/s0.jsonl" "$T/s1.jsonl" "$T/s3.jsonl"
refuse "a doubled shard" "^sahifa: $T/s1.jsonl.shard:6: shard 1 of 4 given twice" \
	"$T/s0.jsonl" "$T/s1.jsonl" "$T/s1.jsonl" "$T/s2.jsonl" "$T/s3.jsonl"
cp "$T/s2.jsonl" "$T/copy2.jsonl"
cp "$T/s2.jsonl.shard" "$T/copy2.jsonl.shard"
refuse "the same shard under two names" "copy2.jsonl.shard:6: shard 2 of 4 given twice" \
	"$T"/s[0-3].jsonl "$T/copy2.jsonl"
mkdir -p "$T/other"
cp -r "$C" "$T/other-in"
echo "one more article, so the inputs differ from those of the other shards" > "$T/other-in/text/extra.txt"
"$SAHIFA" convert --shard 3/4 -o "$T/other/s3.jsonl" "$T/other-in" 2>/dev/null
refuse "a shard of other inputs" "other/s3.jsonl.shard:5: from another run: inputs" \
	"$T"/s[0-2].jsonl "$T/other/s3.jsonl"
"$SAHIFA" convert --shard 3/5 -o "$T/other/n5.jsonl" "$C" 2>/dev/null
refuse "a shard of another N" "other/n5.jsonl.shard:7: from another run: 5 shards" \
	"$T"/s[0-3].jsonl "$T/other/n5.jsonl"
"$SAHIFA" convert --on-invalid reject --shard 3/4 -o "$T/other/opt3.jsonl" "$C" 2>/dev/null
refuse "a shard of other options" "opt3.jsonl.shard:5: from another run" \
	"$T"/s[0-2].jsonl "$T/other/opt3.jsonl"
grep -v '^#' "$ROOT/rules/default.rules" | grep . | head -n 1 > "$T/extra.rules"
"$SAHIFA" convert --rules "$T/extra.rules" --shard 3/4 -o "$T/other/rules3.jsonl" "$C" 2>/dev/null
refuse "a shard converted under other rules" "rules3.jsonl.shard:5: from another run" \
	"$T"/s[0-2].jsonl "$T/other/rules3.jsonl"
"$SAHIFA" convert --no-default-rules --shard 3/4 -o "$T/other/nodef3.jsonl" "$C" 2>/dev/null
refuse "a shard converted without the default rules" "nodef3.jsonl.shard:5: from another run" \
	"$T"/s[0-2].jsonl "$T/other/nodef3.jsonl"
sed 's/"tool": "[^"]*"/"tool": "0.0.9"/' "$T/s3.jsonl.shard" > "$T/other/v3.jsonl.shard"
cp "$T/s3.jsonl" "$T/other/v3.jsonl"
refuse "a shard of another version" "v3.jsonl.shard:3: from another version: sahifa 0.0.9" \
	"$T"/s[0-2].jsonl "$T/other/v3.jsonl"
lines=$(wc -l < "$T/s2.jsonl")
head -n $((lines - 1)) "$T/s2.jsonl" > "$T/other/t2.jsonl"
cp "$T/s2.jsonl.shard" "$T/other/t2.jsonl.shard"
refuse "a shard short of records" "other/t2.jsonl:$lines: truncated: $((lines - 1)) of the $lines records" \
	"$T"/s[013].jsonl "$T/other/t2.jsonl"
head -c $(($(wc -c < "$T/s2.jsonl") - 100)) "$T/s2.jsonl" > "$T/other/t2.jsonl"
refuse "a shard cut inside a record" "other/t2.jsonl:$lines: truncated: the line has no end" \
	"$T"/s[013].jsonl "$T/other/t2.jsonl"
sed 's/"lang":"en"/"lang":"fr"/' "$T/s2.jsonl" > "$T/other/t2.jsonl"
refuse "a changed shard" "other/t2.jsonl:1: changed since its share was written" \
	"$T"/s[013].jsonl "$T/other/t2.jsonl"
cp "$T/s2.jsonl" "$T/other/u2.jsonl"
refuse "a shard without its sidecar (unfinished)" "other/u2.jsonl.shard: no sidecar" \
	"$T"/s[013].jsonl "$T/other/u2.jsonl"
sed 's/"records": \([0-9]*\)/"records": 1\1/' "$T/s2.jsonl.shard" > "$T/other/c2.jsonl.shard"
cp "$T/s2.jsonl" "$T/other/c2.jsonl"
refuse "a sidecar whose counts do not add up" "other/c2.jsonl.shard:10: [0-9]* inputs are not" \
	"$T"/s[013].jsonl "$T/other/c2.jsonl"
head -n 8 "$T/s2.jsonl.shard" > "$T/other/h2.jsonl.shard"
cp "$T/s2.jsonl" "$T/other/h2.jsonl"
refuse "a truncated sidecar" "other/h2.jsonl.shard:8: truncated: no closing" \
	"$T"/s[013].jsonl "$T/other/h2.jsonl"

# ---- dedup per shard: signatures in each share, clusters decided once at the merge ----
k=0
while [ $k -lt $N ]; do
	"$SAHIFA" dedup --sign "$T/s$k.sig" "$T/s$k.jsonl" 2> "$T/sign$k.err"
	k=$((k + 1))
done
sigs() { for f in "$@"; do printf -- '--signatures\n%s\n' "$f"; done; }
"$SAHIFA" dedup -o "$T/m-kept.jsonl" --drops "$T/m-drops.jsonl" "$T/merged.jsonl" 2>/dev/null
"$SAHIFA" dedup -o "$T/g-kept.jsonl" --drops "$T/g-drops.jsonl" --signatures "$T/s2.sig" \
	--signatures "$T/s0.sig" --signatures "$T/s3.sig" --signatures "$T/s1.sig" "$T/merged.jsonl" 2> "$T/g.err"
rc=$?
IFS_SAVE=$IFS
check "dedup: --sign per shard, then --signatures at the merge, exit 0" test $rc -eq 0
check "dedup: kept records from the signatures byte-identical to dedup over the merged records" \
	cmp "$T/m-kept.jsonl" "$T/g-kept.jsonl"
check "dedup: drops (reasons, kept ids, similarity, lines) from the signatures byte-identical" \
	sh -c "cmp '$T/m-drops.jsonl' '$T/g-drops.jsonl' && grep -q near_duplicate '$T/g-drops.jsonl' && grep -q exact_duplicate '$T/g-drops.jsonl'"
d3=$(pack "$T/rel-dd3" "$T/g-kept.jsonl" 2>/dev/null)
check "dedup: the release packed from the signatures' kept records is the single run's" cmp "$d1" "$d3"
check "dedup: a signature file says whose shard it is" \
	sh -c "head -n 8 '$T/s1.sig' | grep -qx 'shard 1/4' && head -n 8 '$T/s1.sig' | grep -q '^run [0-9a-f]\{64\}$'"
recs=$(wc -l < "$T/s1.jsonl")
bytes=$(wc -c < "$T/s1.sig")
check "dedup: a signature file is about half a KB a record ($bytes bytes for $recs)" \
	test $((bytes / recs)) -ge 513 -a $((bytes / recs)) -lt 560
cp "$T/s1.jsonl" "$T/prev1.jsonl"
prev=$(pack "$T/rel-prev" "$T/prev1.jsonl" 2>/dev/null)
"$SAHIFA" dedup --previous "$prev" -o "$T/pm-kept.jsonl" --drops "$T/pm-drops.jsonl" "$T/merged.jsonl" 2>/dev/null
"$SAHIFA" dedup --previous "$prev" -o "$T/pg-kept.jsonl" --drops "$T/pg-drops.jsonl" --signatures "$T/s0.sig" \
	--signatures "$T/s1.sig" --signatures "$T/s2.sig" --signatures "$T/s3.sig" "$T/merged.jsonl" 2>/dev/null
check "dedup: with --previous, the signatures give the same kept records and drops" \
	sh -c "cmp '$T/pm-kept.jsonl' '$T/pg-kept.jsonl' && cmp '$T/pm-drops.jsonl' '$T/pg-drops.jsonl' && [ \$(wc -l < '$T/pm-kept.jsonl') -lt \$(wc -l < '$T/m-kept.jsonl') ]"
cp "$T/s1.sig" "$T/s1.sig.before"
"$SAHIFA" dedup --sign "$T/s1.sig" "$T/s1.jsonl" 2>/dev/null
check "dedup: a shard signed again gives the same file" cmp "$T/s1.sig" "$T/s1.sig.before"
# refusals: nothing written, the file and place named
sigrefuse() { # name, expected message (grep -E), records, sig...
	name=$1 want=$2 recs=$3
	shift 3
	rm -f "$T/r-kept.jsonl" "$T/r-drops.jsonl"
	IFS='
'
	"$SAHIFA" dedup -o "$T/r-kept.jsonl" --drops "$T/r-drops.jsonl" $(sigs "$@") "$recs" > "$T/sigrefuse.out" 2>&1
	rc=$?
	IFS=$IFS_SAVE
	if [ $rc -eq 1 ] && grep -Eq "$want" "$T/sigrefuse.out" && [ ! -e "$T/r-kept.jsonl" ] && [ ! -e "$T/r-drops.jsonl" ]; then
		pass "dedup --signatures refuses $name"
	else
		fail "dedup --signatures refuses $name" "exit $rc, no '$want', or output written: $(head -c 400 "$T/sigrefuse.out" | tr '\n' ' ')"
	fi
}
M="$T/merged.jsonl"
sigrefuse "a missing shard" "^sahifa: $T/s0.sig:5: shard 2 of 4 is missing$" "$M" "$T/s0.sig" "$T/s1.sig" "$T/s3.sig"
sigrefuse "a doubled shard" "^sahifa: $T/s1.sig:5: shard 1 of 4 given twice" "$M" \
	"$T/s0.sig" "$T/s1.sig" "$T/s1.sig" "$T/s2.sig" "$T/s3.sig"
cp "$T/s2.sig" "$T/copy2.sig"
sigrefuse "the same shard under two names" "copy2.sig:5: shard 2 of 4 given twice|s2.sig:5: shard 2 of 4 given twice" "$M" \
	"$T"/s[0-3].sig "$T/copy2.sig"
head -c 3000 "$T/s2.sig" > "$T/other/t2.sig"
sigrefuse "a truncated signature file" "^sahifa: $T/other/t2.sig@3000: truncated: [0-9]+ of the [0-9]+ records$" "$M" \
	"$T"/s[013].sig "$T/other/t2.sig"
size=$(wc -c < "$T/s2.sig")
head -c $((size - 10)) "$T/s2.sig" > "$T/other/t2.sig"
sigrefuse "a signature file without its checksum" "t2.sig@$((size - 10)): truncated: all [0-9]+ records, no checksum" "$M" \
	"$T"/s[013].sig "$T/other/t2.sig"
cp "$T/s2.sig" "$T/other/x2.sig"
printf 'X' | dd of="$T/other/x2.sig" bs=1 seek=2000 conv=notrunc 2>/dev/null
sigrefuse "a damaged signature file" "x2.sig@[0-9]+: checksum mismatch: the file is damaged" "$M" \
	"$T"/s[013].sig "$T/other/x2.sig"
cat "$T/s2.sig" "$T/s2.sig" > "$T/other/dd2.sig"
sigrefuse "two signature files in one" "dd2.sig@$size: $size bytes after the checksum" "$M" \
	"$T"/s[013].sig "$T/other/dd2.sig"
"$SAHIFA" dedup --sign "$T/other/s3.sig" "$T/other/s3.jsonl" 2>/dev/null
sigrefuse "a shard of other inputs" "other/s3.sig:4: from another run" "$M" "$T"/s[0-2].sig "$T/other/s3.sig"
"$SAHIFA" dedup --sign "$T/other/n5.sig" "$T/other/n5.jsonl" 2>/dev/null
sigrefuse "a shard of another N" "other/n5.sig:5: from another run: 5 shards" "$M" "$T"/s[0-3].sig "$T/other/n5.sig"
sed '2s/^tool .*/tool 0.0.9/' "$T/s3.sig" > "$T/other/v3.sig"
sigrefuse "a signature file of another version" "v3.sig:2: from another version: sahifa 0.0.9" "$M" \
	"$T"/s[0-2].sig "$T/other/v3.sig"
sed '3s/bands=14/bands=20/' "$T/s3.sig" > "$T/other/p3.sig"
sigrefuse "a signature file of other MinHash parameters" "p3.sig:3: signed with other parameters" "$M" \
	"$T"/s[0-2].sig "$T/other/p3.sig"
sigrefuse "a records file given as signatures" "merged.jsonl:1: .*not a signature file" "$M" "$T/merged.jsonl"
cat "$T/s1.jsonl" "$T/s0.jsonl" "$T/s2.jsonl" "$T/s3.jsonl" > "$T/other/order.jsonl"
sigrefuse "records in another order than signed" "order.jsonl:1: not the record signed as record 1 of '$T/s0.sig'" \
	"$T/other/order.jsonl" "$T"/s[0-3].sig
head -n 5 "$M" > "$T/other/short.jsonl"
sigrefuse "fewer records than signed" "short.jsonl: fewer records than the signature files hold: 5 of" \
	"$T/other/short.jsonl" "$T"/s[0-3].sig
cat "$M" "$T/s3.jsonl" > "$T/other/long.jsonl"
sigrefuse "more records than signed" "long.jsonl:$(($(wc -l < "$M") + 1)): more records than the signature files hold" \
	"$T/other/long.jsonl" "$T"/s[0-3].sig
sed 's/"lang":"en"/"lang":"fr"/' "$T/s2.jsonl" > "$T/other/ch2.jsonl"
cp "$T/s2.jsonl.shard" "$T/other/ch2.jsonl.shard"
"$SAHIFA" dedup --sign "$T/other/ch2.sig" "$T/other/ch2.jsonl" > "$T/ch2.out" 2>&1
check "dedup --sign refuses a shard changed since its sidecar" \
	sh -c "[ $? -eq 1 ] && grep -q 'other/ch2.jsonl: changed since its shard was written' '$T/ch2.out' && [ ! -e '$T/other/ch2.sig' ]"

# ---- a share killed midway leaves no finished-looking output ----
# The inputs end in a FIFO given by name: the run converts the corpus, then waits on it.
mkfifo "$T/slow"
M="$T/mid"
mkdir -p "$M"
: > "$T/slow.data"
(cat "$T/slow.data" > "$T/slow") &
"$SAHIFA" convert --shard 1/$N -o "$M/s1.jsonl" "$C" "$T/slow" 2>/dev/null
cp "$M/s1.jsonl" "$M/s1.complete"
"$SAHIFA" convert --shard 1/$N -o "$M/s1.jsonl" "$C" "$T/slow" 2>/dev/null &
pid=$!
i=0
while [ $i -lt 100 ] && [ -e "$M/s1.jsonl.shard" ]; do sleep 0.05; i=$((i + 1)); done
check "killed: a share's sidecar is gone once its run starts" test ! -e "$M/s1.jsonl.shard"
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
# SIGKILL leaves the temporary file (SIGTERM removes it): never a name merge reads
check "killed: only a temporary name holds the half output" sh -c "ls '$M'/.s1.jsonl.tmp-* > /dev/null"
rm -f "$M"/.s1.jsonl.tmp-*
check "killed: the killed run left the last whole output, not a half one" cmp "$M/s1.jsonl" "$M/s1.complete"
"$SAHIFA" merge --check "$M/s1.jsonl" > "$T/mid.out" 2>&1
check "killed: the merge calls the killed share unfinished" grep -q "s1.jsonl.shard: no sidecar: the shard is unfinished" "$T/mid.out"
(cat "$T/slow.data" > "$T/slow") &
"$SAHIFA" convert --shard 1/$N -o "$M/s1.jsonl" "$C" "$T/slow" 2>/dev/null
check "killed: run again, the share holds its records once" cmp "$M/s1.jsonl" "$M/s1.complete"
check "killed: run again, the share has its sidecar" test -s "$M/s1.jsonl.shard"
