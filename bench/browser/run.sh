#!/usr/bin/env bash
# Browser latency benchmark (issue 5): input event -> warning update in
# headless Chromium, median and p95 over 100 edits; the debounce is reported
# separately. Prints figures, asserts nothing.
#
# ONESELF_BINARY      the host binary (default: <build dir>/host/oneself, built when absent)
# ONESELF_BUILD_DIR   build directory (default: build)
# ONESELF_BENCH_EDITS number of edits (default: 100)
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
exec node bench/browser/latency.js
