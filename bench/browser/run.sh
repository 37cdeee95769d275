#!/usr/bin/env bash
# Browser benchmarks, in headless Chromium with the real extension and host:
#   page-cost.js  what the extension adds to a 512 KiB LinkedIn profile page
#                 (load, re-render burst, heap, browser memory), against a
#                 browser without it in the same run
#   latency.js    input event -> warning update, median and p95 over 100
#                 edits; the debounce is reported separately
# Prints figures, asserts nothing.
#
# ONESELF_BINARY      the host binary (default: <build dir>/host/oneself, built when absent)
# ONESELF_BUILD_DIR   build directory (default: build)
# ONESELF_BENCH_EDITS number of edits (default: 100)
# ONESELF_BENCH_ROUNDS page loads per browser for page-cost.js (default: 10)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"
if [ -z "${ONESELF_BINARY:-}" ]; then
  build_dir="${ONESELF_BUILD_DIR:-build}"
  ONESELF_BINARY="$repo_root/$build_dir/host/oneself"
  if [ ! -x "$ONESELF_BINARY" ]; then
    cmake -S . -B "$build_dir" >/dev/null
    cmake --build "$build_dir" --target oneself -j2 >/dev/null
  fi
fi
export ONESELF_BINARY
node bench/browser/page-cost.js
exec node bench/browser/latency.js
