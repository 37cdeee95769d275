#!/usr/bin/env bash
# Builds what the benchmarks need (Release) and prints the table: oneself
# against the reference hosts, warm latency, memory, growth with history,
# and the engine in process. See bench/README.md.
#
#   bench/run.sh            full counts (minutes; seeds a 100,000-revision store and
#                           stores of 1, 2 and 5 devices of 20,000 entries each)
#   bench/run.sh --quick    small counts: a smoke run, also what CTest runs
#   bench/run.sh --keep DIR keep (and reuse) the seeded stores in DIR
#
# ONESELF_BENCH_BUILD_DIR  build directory (default: build-bench)
# ONESELF_BENCH_NO_BUILD=1 use the binaries already in the build directory
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ONESELF_BENCH_BUILD_DIR:-$repo/build-bench}"

if [ "${ONESELF_BENCH_NO_BUILD:-0}" != 1 ]; then
  cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release -DONESELF_BUILD_BENCH=ON \
    -DONESELF_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" -j2 --target oneself bench_driver bench_engine bench_floor_host bench_nosync bench_seed_devices >/dev/null
fi

# The pinned Chromium origin, from the one list the host is compiled with.
origin="$(grep -o 'chrome-extension://[a-p]*/' "$repo/manifest/allowed-callers.json" | head -n1)"
args=(--oneself "$build/host/oneself" --floor "$build/bench/bench_floor_host"
      --engine "$build/bench/bench_engine" --data "$repo/bench/data" --origin "$origin"
      --nosync "$build/bench/libbench_nosync.so" --seed-devices "$build/bench/bench_seed_devices")
# The interpreted references run when their interpreters are there.
if command -v python3 >/dev/null; then args+=(--python "$repo/bench/reference/sample_host.py"); fi
if command -v node >/dev/null; then args+=(--node "$repo/bench/reference/sample_host.js"); fi

exec "$build/bench/bench_driver" "${args[@]}" "$@"
