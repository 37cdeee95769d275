#!/usr/bin/env bash
# Installs what oneself needs on Debian or Ubuntu, and nothing that is already
# there. Shared by install.sh (build dependencies) and tests/run.sh (--test:
# also the browsers, Node and the tools the tests use).
#
#   scripts/deps.sh            build dependencies
#   scripts/deps.sh --test     build and test dependencies, and `npm ci` when
#                              node_modules is missing or out of date with the lock
#   scripts/deps.sh --check    only report what is missing (exit 1 if anything)
#
# Idempotent and silent when everything is present.
set -euo pipefail

want_test=0
check_only=0
for arg in "$@"; do
  case "$arg" in
    --test) want_test=1 ;;
    --check) check_only=1 ;;
    -h|--help)
      sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
      exit 0 ;;
    *) echo "deps.sh: unknown option: $arg" >&2; exit 2 ;;
  esac
done

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# A package counts as present when dpkg says it is installed. Some needs can
# be met in more than one way (Node from NodeSource ships npm inside nodejs;
# Ubuntu has no firefox-esr); those are checked by command instead.
pkg_installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = installed ]
}

missing=()
need_pkg() {  # need_pkg PACKAGE
  pkg_installed "$1" || missing+=("$1")
}
need_cmd() {  # need_cmd PACKAGE COMMAND...: satisfied by any of the commands
  local pkg="$1" cmd
  shift
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null 2>&1 && return 0
  done
  pkg_installed "$pkg" || missing+=("$pkg")
}

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "deps.sh: this is not a Debian or Ubuntu system; install by hand:" >&2
  echo "  cmake, a C++20 compiler, pkg-config, nlohmann-json 3.11, spdlog 1.10," >&2
  echo "  OpenSSL 3, Catch2 v2, utf8proc, stb, minizip (zlib contrib), zlib, libwebp," >&2
  echo "  ICU, iso-codes, CLDR (unicode-cldr-core)" >&2
  # Not fatal: on another system the build may still find them.
  exit 0
fi

# Build dependencies.
need_cmd cmake cmake
need_cmd g++ g++ c++
need_cmd pkg-config pkg-config pkgconf
need_cmd make make ninja
for p in nlohmann-json3-dev libspdlog-dev libssl-dev catch2 libutf8proc-dev libstb-dev \
    libminizip-dev zlib1g-dev libwebp-dev libicu-dev iso-codes unicode-cldr-core; do
  need_pkg "$p"
done

if [ "$want_test" = 1 ]; then
  need_cmd nodejs node
  need_cmd npm npm
  need_cmd chromium chromium chromium-browser
  need_cmd firefox-esr firefox-esr firefox
  need_cmd openssl openssl
  need_cmd clang clang
  # tests/run.sh compiles through it, so a second run rebuilds only what changed.
  need_cmd ccache ccache
  # The Debian package and the packed extension (ctest -L package).
  need_pkg lintian
  need_cmd dpkg-dev dpkg-shlibdeps
  need_cmd zip zip
  need_cmd unzip unzip
  # The sync tests (tests/sync) run real Syncthing instances and real git on
  # loopback, driven with curl and jq.
  for p in syncthing git curl jq; do
    need_pkg "$p"
  done
  # The Windows build and its tests (tests/windows.cmake): MinGW-w64 with the
  # posix thread model, Wine to run the programs, dpkg-dev (above)
  # for scripts/windows-deps.sh's `apt-get source`.
  need_pkg g++-mingw-w64-x86-64-posix
  need_pkg wine
  need_pkg wine64
  # LibFuzzer's runtime ships in libclang-rt on newer releases; on bookworm it
  # comes with clang itself. Valgrind is optional and not installed here.
fi

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$check_only" = 1 ]; then
    echo "missing: ${missing[*]}"
    exit 1
  fi
  echo "deps.sh: installing ${missing[*]}" >&2
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "deps.sh: need root to install: ${missing[*]} (no sudo found)" >&2
      exit 1
    fi
    sudo_cmd=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages for the extension and browser tests. npm records what it
# installed in node_modules/.package-lock.json; node_modules is stale when a
# package of the lock file (optional ones aside) is absent there or at another
# version. Comparing contents, not mtimes, keeps a fresh checkout from
# reinstalling for nothing.
node_modules_fresh() {
  [ -f "$repo_root/node_modules/.package-lock.json" ] || return 1
  (cd "$repo_root" && node -e '
    const fs = require("fs");
    const want = JSON.parse(fs.readFileSync("package-lock.json", "utf8")).packages || {};
    const have = JSON.parse(fs.readFileSync("node_modules/.package-lock.json", "utf8")).packages || {};
    for (const [path, p] of Object.entries(want)) {
      if (!path || p.optional) continue;
      if (!have[path] || have[path].version !== p.version) process.exit(1);
    }' 2>/dev/null)
}
if [ "$want_test" = 1 ] && [ -f "$repo_root/package-lock.json" ]; then
  if ! node_modules_fresh; then
    if [ "$check_only" = 1 ]; then
      echo "missing: node_modules (npm ci)"
      exit 1
    fi
    echo "deps.sh: npm ci" >&2
    (cd "$repo_root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
exit 0
