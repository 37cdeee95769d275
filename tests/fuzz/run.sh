#!/usr/bin/env bash
# Runs the libFuzzer targets under ASan + UBSan, each for a given time.
#
#   tests/fuzz/run.sh [TARGET|all] [SECONDS|ci]  e.g. tests/fuzz/run.sh host_loop 60
#
# Builds them first in the sanitized tree, build-asan/ (the `asan` preset:
# clang, the whole suite and these targets in one build, -j2), unless
# ONESELF_FUZZ_NO_BUILD=1 (the main suite's CTest sets it: its setup test
# built the tree). New interesting inputs go to build-asan/corpus/TARGET (the
# seeds in tests/fuzz/TARGET are read, never written); a crash leaves its
# reproducer in build-asan/artifacts/ and makes this script fail. Copy a
# reproducer into tests/fuzz/regressions/TARGET/ and it is replayed by every
# test run from then on (tests/fuzz.cmake), sanitized ones included.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
which="${1:-all}"
seconds="${2:-30}"
# "ci": 30 seconds each when CI is set (docs/security.md), 5 otherwise.
if [ "$seconds" = ci ]; then
  if [ -n "${CI:-}" ]; then seconds=30; else seconds=5; fi
fi
build="$repo/build-asan"   # the asan preset's binaryDir

targets=()
for src in "$repo"/tests/fuzz/fuzz_*.cpp; do
  name="$(basename "$src" .cpp)"
  name="${name#fuzz_}"
  if [ "$which" = all ] || [ "$which" = "$name" ]; then targets+=("$name"); fi
done
[ "${#targets[@]}" -gt 0 ] || { echo "fuzz: no target called $which" >&2; exit 2; }

if [ "${ONESELF_FUZZ_NO_BUILD:-0}" != 1 ]; then
  # One build of build-asan at a time (tests/hardening/asan.sh takes the same lock).
  mkdir -p "$build"
  (cd "$repo" && flock "$build/.build.lock" \
    sh -c 'cmake --preset asan >/dev/null && cmake --build --preset asan --target "$@" >/dev/null' \
    sh "${targets[@]/#/fuzz_}")
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  artifacts="$build/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  seeds=("$repo/tests/fuzz/$t")
  [ -d "$repo/tests/fuzz/regressions/$t" ] && seeds+=("$repo/tests/fuzz/regressions/$t")
  dict=()
  [ -f "$repo/tests/fuzz/$t.dict" ] && dict=(-dict="$repo/tests/fuzz/$t.dict")
  echo "fuzz: $t for ${seconds}s"
  if ! "$build/tests/fuzz/fuzz_$t" "$corpus" "${seeds[@]}" "${dict[@]}" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$artifacts/" -print_final_stats=1 >"$build/fuzz-$t.log" 2>&1; then
    echo "fuzz: $t FAILED; reproducer(s):" >&2
    ls "$artifacts" >&2
    tail -n 40 "$build/fuzz-$t.log" >&2
    failed=1
  else
    grep -E '^stat::number_of_executed_units|^#[0-9]+ *DONE' "$build/fuzz-$t.log" | tail -n 2 || true
  fi
done
exit "$failed"
