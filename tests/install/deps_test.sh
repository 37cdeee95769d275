#!/usr/bin/env bash
# scripts/deps.sh against fake dpkg-query, apt-get, sudo, id and npm on a
# PATH of their own: nothing is called when all is present; otherwise one
# `apt-get update`, then one non-interactive install of exactly what is
# missing, through sudo only when not root; --check only reports; --test adds
# the test packages and `npm ci` when node_modules is stale.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/oneself-deps-test.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

failures=0
pass() { printf 'ok   %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; failures=$((failures + 1)); }

fake="$tmp/bin"
mkdir -p "$fake"
ln -s "$(command -v dirname)" "$fake/dirname"
log="$tmp/log"

cat > "$fake/dpkg-query" <<'EOF'
#!/bin/bash
pkg="${@: -1}"
if [ "$FAKE_INSTALLED" = all ] || [[ " $FAKE_INSTALLED " == *" $pkg "* ]]; then
  printf installed
else
  exit 1
fi
EOF
cat > "$fake/apt-get" <<'EOF'
#!/bin/bash
echo "apt-get $* [DEBIAN_FRONTEND=$DEBIAN_FRONTEND]" >> "$FAKE_LOG"
EOF
cat > "$fake/sudo" <<'EOF'
#!/bin/bash
echo "sudo" >> "$FAKE_LOG"
exec "$@"
EOF
cat > "$fake/id" <<'EOF'
#!/bin/bash
echo "${FAKE_UID:-0}"
EOF
cat > "$fake/npm" <<'EOF'
#!/bin/bash
echo "npm $*" >> "$FAKE_LOG"
EOF
chmod +x "$fake"/*

deps() {  # deps INSTALLED UID ARGS...: runs deps.sh, output in $out, status in $rc
  local installed="$1" uid="$2"
  shift 2
  : > "$log"
  out="$(env -i PATH="$fake" FAKE_INSTALLED="$installed" FAKE_UID="$uid" FAKE_LOG="$log" \
         /bin/bash "$repo_root/scripts/deps.sh" "$@" 2>&1)" && rc=0 || rc=$?
}

build_pkgs="cmake g++ pkg-config make nlohmann-json3-dev libspdlog-dev libssl-dev catch2 libutf8proc-dev libstb-dev libminizip-dev zlib1g-dev libwebp-dev libicu-dev iso-codes unicode-cldr-core"

deps all 1000
if [ "$rc" = 0 ] && [ -z "$out" ] && [ ! -s "$log" ]; then pass "all present: silent, nothing run"
else fail "all present: silent, nothing run (rc=$rc, out=$out, log=$(cat "$log"))"; fi

without() {  # the build packages minus the ones named
  local p result=""
  for p in $build_pkgs; do
    [[ " $* " == *" $p "* ]] || result+="$p "
  done
  echo "$result"
}

deps "$(without libspdlog-dev catch2)" 0
expected="apt-get update -qq [DEBIAN_FRONTEND=noninteractive]
apt-get install -y -qq --no-install-recommends libspdlog-dev catch2 [DEBIAN_FRONTEND=noninteractive]"
if [ "$rc" = 0 ] && [ "$(cat "$log")" = "$expected" ]; then
  pass "as root: one update, one non-interactive install of exactly what is missing"
else
  fail "as root: one update, one install (rc=$rc) log:"; cat "$log"
fi

deps "$(without libssl-dev)" 1000
if [ "$rc" = 0 ] && [ "$(grep -c '^sudo$' "$log")" = 2 ] \
   && grep -q -- "--no-install-recommends libssl-dev \[" "$log"; then
  pass "not root: through sudo"
else
  fail "not root: through sudo (rc=$rc) log:"; cat "$log"
fi

deps "$(without cmake)" 0 --check
if [ "$rc" = 1 ] && [ "$out" = "missing: cmake" ] && [ ! -s "$log" ]; then
  pass "--check reports what is missing and installs nothing"
else
  fail "--check (rc=$rc, out=$out)"
fi

# --test: the fake PATH has no node, browser or clang, so the packages count.
deps "$build_pkgs nodejs npm firefox-esr openssl clang lintian dpkg-dev zip unzip" 0 --test
if [ "$rc" = 0 ] && grep -q -- "--no-install-recommends chromium " "$log" \
   && grep -q "^npm ci " "$log"; then
  pass "--test: installs the missing browser, and npm ci when node_modules cannot be checked"
else
  fail "--test (rc=$rc) log:"; cat "$log"
fi

# The sync tests' engines are packages of their own, installed by --test only.
deps "$build_pkgs nodejs npm firefox-esr openssl clang chromium curl ccache lintian dpkg-dev zip unzip" 0 --test
if [ "$rc" = 0 ] && grep -q -- "--no-install-recommends syncthing git jq " "$log"; then
  pass "--test: installs Syncthing, git and jq for the sync tests"
else
  fail "--test sync engines (rc=$rc) log:"; cat "$log"
fi
deps "$build_pkgs" 0
if [ "$rc" = 0 ] && [ ! -s "$log" ]; then
  pass "without --test: no sync engine is installed"
else
  fail "without --test (rc=$rc) log:"; cat "$log"
fi

deps all 0 --test --check
if [ "$rc" = 1 ] && [ "$out" = "missing: node_modules (npm ci)" ] && [ ! -s "$log" ]; then
  pass "--test --check reports stale node_modules without running npm"
else
  fail "--test --check (rc=$rc, out=$out)"
fi

deps all 0 --frobnicate
if [ "$rc" = 2 ]; then pass "an unknown option is refused"; else fail "unknown option (rc=$rc)"; fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all deps.sh checks passed"
