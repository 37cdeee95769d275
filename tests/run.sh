#!/usr/bin/env bash
# Runs every test of oneself on a fresh Debian or Ubuntu machine, installing
# what the tests need first. This is the README's test command and what CI
# runs (.ci/run). Exit status = ctest's.
#
#   ./tests/run.sh [ctest arguments...]     e.g. ./tests/run.sh -R install
#
# ONESELF_BUILD_DIR   build directory (default: build)
# ONESELF_NO_DEPS=1   skip installing dependencies
# ONESELF_NO_CCACHE=1 compile everything afresh (no ccache)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
build_dir="${ONESELF_BUILD_DIR:-build}"

if [ "${ONESELF_NO_DEPS:-0}" != 1 ]; then
  ./scripts/deps.sh --test
fi

# Two cores is what CI has; more jobs only thrash.
jobs="${ONESELF_JOBS:-2}"

# Three trees are built (this one, the sanitized one, the Windows one):
# ccache (installed by deps.sh --test) keeps what they compiled outside the
# clone, so a run on a machine that has built them before recompiles only what
# changed. Paths are taken relative to the clone, so another clone of the same
# sources hits the same entries. CMake reads the launchers from the environment
# for every tree it configures.
if command -v ccache >/dev/null 2>&1 && [ "${ONESELF_NO_CCACHE:-0}" != 1 ]; then
  export CCACHE_BASEDIR="$repo_root"
  export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache
fi

cmake -S . -B "$build_dir" -DONESELF_WERROR=ON -DONESELF_BUILD_TESTS=ON
cmake --build "$build_dir" -j"$jobs"

# ctest's summary is the last thing printed; its status is ours.
exec ctest --test-dir "$build_dir" --output-on-failure -j"$jobs" "$@"
