#!/usr/bin/env bash
# Instructions per query, counted by callgrind: a run of N queries minus a
# run of none (the load and setup), divided by N. Stable under machine
# load, unlike wall time, so two builds can be compared on a busy machine.
#
#   scripts/instructions.sh BINARY QUERY WORKLOAD... N
#   scripts/instructions.sh target/release/query_instructions members bundled 200000
set -euo pipefail
bin=$1
shift
n=${*: -1}
args=("${@:1:$#-1}")
ir() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "${args[@]}" "$1" 2>&1 |
        sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}
a=$(ir 0)
b=$(ir "$n")
echo "${args[*]}: $(( (b - a) / n )).$(( (b - a) * 10 / n % 10 )) instructions per query"
