#!/usr/bin/env bash
# run_fuzzer.sh BINARY SEED_DIR WORK_DIR: runs one libFuzzer target for a
# bounded time. New inputs go to WORK_DIR (never into the committed seeds).
# A crash leaves its reproducer in WORK_DIR and fails the test.
set -euo pipefail
binary=$1 seeds=$2 work=$3
seconds=${PARLEY_FUZZ_SECONDS:-15}
mkdir -p "$work" "$seeds"
exec "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$work/" "$work" "$seeds"
