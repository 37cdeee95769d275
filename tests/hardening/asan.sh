#!/usr/bin/env bash
# The sanitizer pass: builds everything (library, host, every test
# binary, the libFuzzer targets) with the `asan` preset (clang,
# AddressSanitizer + UndefinedBehaviorSanitizer, any UB fatal, leaks
# reported) in build-asan/, and runs the whole suite under it. The black-box,
# hardening, install and browser tests start the sanitized `oneself` of that
# build, so the host itself runs under the sanitizers too.
#
#   tests/hardening/asan.sh [ctest arguments...]   build, then run the suite   e.g. -R hostile
#   tests/hardening/asan.sh --build                only configure and build build-asan
#   tests/hardening/asan.sh --no-build [ctest arguments...]
#                                                  run without building (the main suite's
#                                                  CTest does this: its setup test built the tree)
#
# The main suite (tests/run.sh, CI) runs this as "sanitizers: ..."
# (tests/sanitizers.cmake). Left out of the sanitized run, by label:
#   fuzz        the libFuzzer run is already sanitized (tests/fuzz/run.sh uses
#               this same build); its corpus replays (fuzz-corpus) do run here
#   bench       timings mean nothing under the sanitizers (and the preset does
#               not build the benchmarks)
#   extension   Node on jsdom only, no native code: the sanitizers would watch
#               nothing of ours (the browser tests, which start the host, do run)
#   sanitizers  this very test: it must not recurse
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

mode=all
case "${1:-}" in
  --build) mode=build; shift ;;
  --no-build) mode=test; shift ;;
esac

if [ "$mode" != test ]; then
  # One build of build-asan at a time, whoever asks (tests/fuzz/run.sh too).
  mkdir -p build-asan
  flock build-asan/.build.lock sh -c 'cmake --preset asan >/dev/null && cmake --build --preset asan'
fi
[ "$mode" = build ] && exit 0

# The browser scenarios run once here, even under CI=1 (which makes them run
# three times in the main build): what the sanitizers look at is the host's
# code paths, which one pass covers; repeating it would only cost time.
export ONESELF_E2E_REPEAT="${ONESELF_E2E_REPEAT:-1}"
exec ctest --preset asan -LE '^(fuzz|bench|extension|sanitizers)$' "$@"
