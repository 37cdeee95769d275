#!/usr/bin/env bash
# The oneself demo: your Chromium or Chrome, started with the extension loaded,
# a fresh temporary profile and a temporary store holding a sample canonical
# profile (Ada Whitfield), on local copies of LinkedIn, X, GitHub, ... pages.
# Your real store and your real browser profile are never touched: everything
# lives in temporary folders that are removed when the browser closes.
#
#   demo/run.sh                      headed; close the browser window to end
#   demo/run.sh --headless [--screenshot FILE]
#                                    no window (for a machine without a
#                                    display): print what the pages show, save
#                                    a screenshot of the LinkedIn page, exit
#   demo/run.sh --browser PATH       a given Chromium-family browser
#
# ONESELF_BINARY     the host binary to use (default: <build dir>/host/oneself,
#                    built first when absent)
# ONESELF_BUILD_DIR  build directory (default: build)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

# A window needs a display; without one Chromium fails with "Missing X
# server". Say what to do instead.
if [ "$(uname -s)" != Darwin ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  case " $* " in
    *" --headless "*|*" --help "*|*" -h "*) ;;
    *) echo "demo: no display (DISPLAY is not set): run it with --headless (./install.sh --demo --headless)" >&2
       exit 1 ;;
  esac
fi

if [ -z "${ONESELF_BINARY:-}" ]; then
  build_dir="${ONESELF_BUILD_DIR:-build}"
  ONESELF_BINARY="$repo_root/$build_dir/host/oneself"
  if [ ! -x "$ONESELF_BINARY" ]; then
    echo "demo: building oneself in $build_dir ..." >&2
    cmake -S . -B "$build_dir" >/dev/null
    cmake --build "$build_dir" --target oneself -j2 >/dev/null
  fi
fi
export ONESELF_BINARY

if ! command -v node >/dev/null 2>&1; then
  echo "demo: needs Node.js 20 or later (sudo apt-get install nodejs npm)" >&2
  exit 1
fi
if [ ! -d node_modules/puppeteer-core ]; then
  echo "demo: installing the npm packages (npm ci) ..." >&2
  npm ci --no-audit --no-fund >/dev/null
fi

exec node demo/demo.js "$@"
