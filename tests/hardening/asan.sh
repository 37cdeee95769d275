#!/usr/bin/env bash
# The sanitizer pass (issue 7): builds everything (library, host, every test
# binary) with the `asan` preset (AddressSanitizer + UndefinedBehaviorSanitizer,
# any UB fatal) in build-asan/, and runs the whole suite under it. The black-box
# and hardening tests start the sanitized `oneself` of that build, so the host
# itself runs under the sanitizers too.
#
#   tests/hardening/asan.sh [ctest arguments...]   e.g. tests/hardening/asan.sh -R hostile
#
# The libFuzzer run (label fuzz) has its own sanitized build and is left out.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
cmake --preset asan >/dev/null
cmake --build --preset asan
exec ctest --preset asan -LE '^fuzz$' "$@"
