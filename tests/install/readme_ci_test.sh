#!/usr/bin/env bash
# The README promises two commands, and CI must run exactly the second one:
# the test command in the README's "Two commands" block is what .ci/run
# execs, and both scripts exist and are executable.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readme="$repo_root/README.md"

# The first fenced block after "## Two commands".
block="$(awk '/^## Two commands/{s=1} s&&/^```/{n++; next} s&&n==1{print} n>=2{exit}' "$readme")"
commands="$(sed 's/[[:space:]]*#.*//; /^[[:space:]]*$/d' <<<"$block")"
install_cmd="$(sed -n 1p <<<"$commands")"
test_cmd="$(sed -n 2p <<<"$commands")"

status=0
[ "$(wc -l <<<"$commands")" = 2 ] || { echo "README's block has not exactly two commands:"; echo "$commands"; status=1; }
[ "$install_cmd" = "./install.sh" ] || { echo "first command is '$install_cmd'"; status=1; }
[ -x "$repo_root/${install_cmd#./}" ] || { echo "$install_cmd is not executable"; status=1; }
[ -x "$repo_root/${test_cmd#./}" ] || { echo "$test_cmd is not executable"; status=1; }
[ -x "$repo_root/.ci/run" ] || { echo ".ci/run is not executable"; status=1; }
ci_exec="$(grep -E '^exec ' "$repo_root/.ci/run" | sed 's/^exec //')"
[ "$ci_exec" = "$test_cmd" ] || { echo ".ci/run runs '$ci_exec', the README says '$test_cmd'"; status=1; }
grep -q 'cd "$(dirname "${BASH_SOURCE\[0\]}")/.."' "$repo_root/.ci/run" \
  || { echo ".ci/run does not start from the repository root"; status=1; }
[ "$status" = 0 ] && echo "README's test command is what CI runs: $test_cmd"
exit "$status"
