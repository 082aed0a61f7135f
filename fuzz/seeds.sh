#!/usr/bin/env bash
# Writes the seed corpus of each target from the test excerpts and the
# bundled data into fuzz/corpus/<target>/ (not committed: made from files
# that are). A target's first byte picks what it reads; see its source.
set -euo pipefail
cd "$(dirname "$0")"
t=../tests/data
mkdir -p corpus/bundled corpus/datasets corpus/parsers corpus/builder corpus/obligations
i=0
for table in sources parties names events unknown; do
  { printf "\\x$(printf %02x $i)"; cat "../data/$table.csv"; } > "corpus/bundled/$table"
  i=$((i + 1))
done
n=0
for f in $t/atop-member-level-excerpt.csv $t/atop-member-level-excerpt.tsv; do
  for pick in 00 80; do { printf "\\x$pick"; cat "$f"; } > "corpus/datasets/atop-$n-$pick"; done
  n=$((n + 1))
done
for f in $t/igo_year_formatv3-excerpt.csv $t/igo_year_formatv3-excerpt.tsv; do
  for pick in 01 81; do { printf "\\x$pick"; cat "$f"; } > "corpus/datasets/igo-$n-$pick"; done
  n=$((n + 1))
done
{ printf '\x02'; cat $t/states2016-excerpt.csv; } > corpus/datasets/states
n=0
for text in 1993-09-09 1993-09 1993 '[1993-09-09,1993-12-09]' '1993-09-09..1993-12-09' \
            '1..5, 7..9' '3..' '-5..-1' '2147483647'; do
  printf '%s' "$text" > "corpus/parsers/$n"
  n=$((n + 1))
done
# Obligations: a member-level excerpt, then 0xFF and an alliance-level file.
for f in $t/atop-member-level-excerpt.csv $t/atop-member-level-excerpt.tsv; do
  cp "$f" "corpus/obligations/$(basename "$f")"
  { cat "$f"; printf '\xff'; printf 'atopid,defense,offense,neutral,nonagg,consul\n1115,0,0,0,0,1\n4220,1,0,0,0,1\n'; } \
    > "corpus/obligations/$(basename "$f")-with-alliances"
done
# Records: a source, a party, a name and an event, as builder.rs decodes them.
printf '\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x03\x03\x01\x00\x00\x00\x05\x00\x00\x00\x01\x01\x00\x02\x00' > corpus/builder/0
