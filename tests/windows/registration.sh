#!/usr/bin/env bash
# `oneself register`, `doctor` and `unregister` on Windows, under Wine, read
# back from the registry with Wine's own `reg query` (not through oneself):
# after register every browser's key names a manifest beside oneself.exe
# that names oneself.exe; doctor passes; after unregister the keys and the
# manifests are gone and doctor says so. oneself.exe is copied into a folder
# named "Zoë 李" so that the paths cross the API as UTF-16.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
exe="${ONESELF_WINDOWS_TREE:-$root/build-windows}/host/oneself.exe"
# shellcheck source=wine-env.sh
. "$here/wine-env.sh"
wine_ready
[ -f "$exe" ] || { echo "no $exe" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'wine "$bin" unregister >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
dir="$tmp/Zoë 李"
mkdir -p "$dir"
bin="$dir/oneself.exe"
cp "$exe" "$bin"
export ONESELF_HOME="$tmp/store"
fail() { echo "FAIL: $*" >&2; exit 1; }

keys=(
  'Software\Google\Chrome\NativeMessagingHosts'
  'Software\Chromium\NativeMessagingHosts'
  'Software\Microsoft\Edge\NativeMessagingHosts'
  'Software\BraveSoftware\Brave-Browser\NativeMessagingHosts'
  'Software\Vivaldi\NativeMessagingHosts'
  'Software\Mozilla\NativeMessagingHosts'
  'Software\LibreWolf\NativeMessagingHosts'
)
family() { case "$1" in *Mozilla*|*LibreWolf*) echo firefox ;; *) echo chromium ;; esac; }
winpath() { wine winepath -w "$1" 2>/dev/null | tr -d '\r'; }

wine "$bin" init >/dev/null || fail "oneself init"
wine "$bin" unregister >/dev/null || fail "unregister on a clean registry"
out="$(wine "$bin" doctor | tr -d '\r')" && fail "doctor passed with nothing registered"
grep -q "registered with no browser" <<<"$out" || fail "doctor did not say nothing is registered: $out"

wine "$bin" register | tr -d '\r' || fail "oneself register"
for k in "${keys[@]}"; do
  want="$(winpath "$dir/org.oneself.host.$(family "$k").json")"
  # reg export writes UTF-16 whatever the console's code page, so "Zoë 李"
  # is compared as written; the .reg format doubles backslashes.
  rm -f "$tmp/key.reg"
  wine reg export "HKCU\\$k\\org.oneself.host" "$(winpath "$tmp")\\key.reg" /y >/dev/null 2>&1 ||
    fail "reg export HKCU\\$k\\org.oneself.host"
  got="$(iconv -f UTF-16 -t UTF-8 "$tmp/key.reg" | tr -d '\r' | sed -n 's/^@="\(.*\)"$/\1/p' | sed 's/\\\\/\\/g')"
  [ "$got" = "$want" ] || fail "HKCU\\$k\\org.oneself.host: expected $want, got '$got'"
done
for f in chromium firefox; do
  m="$dir/org.oneself.host.$f.json"
  [ -f "$m" ] || fail "no $m"
  node -e '
    const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const callers = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
    const key = process.argv[3] === "firefox" ? "allowed_extensions" : "allowed_origins";
    if (m.name !== "org.oneself.host") throw new Error("name " + m.name);
    if (m.path !== process.argv[4]) throw new Error("path " + m.path + " != " + process.argv[4]);
    if (JSON.stringify(m[key]) !== JSON.stringify(callers[process.argv[3]])) throw new Error(key);
  ' "$m" "$root/manifest/allowed-callers.json" "$f" "$(winpath "$bin")" || fail "manifest $m"
done
# Wine keeps no file access lists (tests/hardening/store_probe.h): the
# store's "is not private" findings are the only failures allowed here.
out="$(wine "$bin" doctor | tr -d '\r')" || true
if grep "FAIL" <<<"$out" | grep -v "is not private: " | grep -q .; then fail "doctor after register: $out"; fi
[ "$(grep -c '^  ok    .* -> .*oneself.exe$' <<<"$out")" = "${#keys[@]}" ] || fail "doctor did not pass every browser: $out"

# A key in the 32-bit view of HKLM naming another manifest: the views disagree.
wine reg add 'HKLM\Software\Mozilla\NativeMessagingHosts\org.oneself.host' /ve /d 'C:\elsewhere.json' /f /reg:32 >/dev/null 2>&1 ||
  fail "reg add (32-bit view)"
out="$(wine "$bin" doctor | tr -d '\r')" && fail "doctor passed with disagreeing registry views"
grep -q "32-bit view" <<<"$out" || fail "doctor did not name the 32-bit view: $out"
wine reg delete 'HKLM\Software\Mozilla\NativeMessagingHosts\org.oneself.host' /f /reg:32 >/dev/null 2>&1

wine "$bin" unregister | tr -d '\r' || fail "oneself unregister"
for k in "${keys[@]}"; do
  if wine reg query "HKCU\\$k\\org.oneself.host" /ve >/dev/null 2>&1; then
    fail "HKCU\\$k\\org.oneself.host is still there after unregister"
  fi
done
[ ! -e "$dir/org.oneself.host.chromium.json" ] && [ ! -e "$dir/org.oneself.host.firefox.json" ] ||
  fail "manifests left beside oneself.exe"
out="$(wine "$bin" doctor | tr -d '\r')" && fail "doctor passed after unregister"
echo "registration: ok"
