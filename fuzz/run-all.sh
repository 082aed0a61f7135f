#!/usr/bin/env bash
# Runs every target for MINUTES minutes (default 30), two at a time, at low
# priority, logging to LOGS (default ./logs). See README.md.
set -euo pipefail
cd "$(dirname "$0")"
minutes=${MINUTES:-30}
logs=${LOGS:-logs}
mkdir -p "$logs"
./seeds.sh
RUSTC_BOOTSTRAP=1 cargo fuzz build
run() {
  RUSTC_BOOTSTRAP=1 nice -n 19 cargo fuzz run "$1" "corpus/$1" -- \
    -max_total_time=$((minutes * 60)) -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 > "$logs/$1.log" 2>&1 || echo "$1: exit $? (see $logs/$1.log)"
}
run datasets & run bundled & wait
run parsers & run builder & wait
run obligations & wait
