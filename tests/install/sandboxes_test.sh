#!/usr/bin/env bash
# Browsers in Flatpak and Snap sandboxes and in folders no table knows, in a
# temporary HOME: install.sh writes each Flatpak browser's manifest inside
# its ~/.var/app folder naming a wrapper there, prints the one `flatpak
# override` command, reaches Snap Firefox through the usual ~/.mozilla
# manifest and says a Chromium snap cannot work; the wrapper starts the real
# host through flatpak-spawn (a stand-in on PATH that runs the command it is
# given, as `flatpak-spawn --host` does outside the sandbox) and the host
# answers through it; `oneself doctor` names each case with its fix, and the
# fixes work; --browser-dir is registered, remembered, checked and removed.
#
# Uses the binary already built in ONESELF_BUILD_DIR (install.sh --no-build).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
: "${ONESELF_BUILD_DIR:?set ONESELF_BUILD_DIR to a build directory holding host/oneself}"
[ -x "$ONESELF_BUILD_DIR/host/oneself" ] || { echo "no binary in $ONESELF_BUILD_DIR/host" >&2; exit 1; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/oneself-sandboxes-test.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

failures=0
pass() { printf 'ok   %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; failures=$((failures + 1)); }
check() {  # check DESCRIPTION COMMAND...
  local what="$1"; shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

export HOME="$tmp/home"
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME ONESELF_HOME
export ONESELF_DETECT_BY_PATH=0
export ONESELF_BUILD_DIR
prefix="$tmp/my bin"   # a space: the wrapper must quote it
binary="$prefix/oneself"
udd="$tmp/profiles/work chromium"   # a Chromium started with --user-data-dir

flatpak_chromium="$HOME/.var/app/org.chromium.Chromium"
flatpak_firefox="$HOME/.var/app/org.mozilla.firefox"
mkdir -p "$flatpak_chromium" "$flatpak_firefox" "$HOME/snap/firefox/common" "$HOME/snap/chromium" "$udd"
chromium_m="$flatpak_chromium/config/chromium/NativeMessagingHosts/org.oneself.host.json"
firefox_m="$flatpak_firefox/.mozilla/native-messaging-hosts/org.oneself.host.json"
chromium_w="$flatpak_chromium/oneself/oneself"
firefox_w="$flatpak_firefox/oneself/oneself"
snap_firefox_m="$HOME/.mozilla/native-messaging-hosts/org.oneself.host.json"
udd_m="$udd/NativeMessagingHosts/org.oneself.host.json"

json_field() {  # json_field FILE KEY
  node -e 'const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); const v = m[process.argv[2]]; console.log(Array.isArray(v) ? v.join(" ") : v)' "$1" "$2"
}
id_origin="$(node -p 'require(process.argv[1]).chromium[0]' "$repo_root/manifest/allowed-callers.json")"
firefox_id="$(node -p 'require(process.argv[1]).firefox[0]' "$repo_root/manifest/allowed-callers.json")"

# --- install.sh ----------------------------------------------------------------
out="$("$repo_root/install.sh" --no-deps --no-build --prefix "$prefix" --browser-dir "$udd" 2>&1)" \
  || { printf '%s\n' "$out"; fail "install.sh exited non-zero"; }
check "Flatpak Chromium: manifest in its own config folder names the wrapper" \
  test "$(json_field "$chromium_m" path)" = "$chromium_w"
check "Flatpak Chromium: the manifest allows the extension" test "$(json_field "$chromium_m" allowed_origins)" = "$id_origin"
check "Flatpak Firefox: manifest in its own .mozilla names the wrapper" \
  test "$(json_field "$firefox_m" path)" = "$firefox_w"
check "Flatpak Firefox: the manifest allows the add-on" test "$(json_field "$firefox_m" allowed_extensions)" = "$firefox_id"
check "the wrappers are executable, not writable by others" \
  test "$(stat -c %a "$chromium_w")" = 755 -a "$(stat -c %a "$firefox_w")" = 755
check "Snap Firefox: the manifest outside the sandbox, for the portal, names the binary" \
  test "$(json_field "$snap_firefox_m" path)" = "$binary"
check "--browser-dir: the manifest in DIR/NativeMessagingHosts" test "$(json_field "$udd_m" path)" = "$binary"
check "--browser-dir: remembered" grep -qxF "$udd" "$HOME/.config/oneself/browser-dirs"
check "install.sh prints the override for Flatpak Chromium" \
  grep -qF "flatpak override --user --talk-name=org.freedesktop.Flatpak org.chromium.Chromium" <<<"$out"
check "install.sh prints the override for Flatpak Firefox" \
  grep -qF "flatpak override --user --talk-name=org.freedesktop.Flatpak org.mozilla.firefox" <<<"$out"
check "install.sh says the Chromium snap cannot start oneself" grep -q "Chromium (Snap) cannot start oneself" <<<"$out"
check "install.sh names the portal for Snap Firefox" grep -q "Firefox (Snap) starts oneself through the desktop portal" <<<"$out"
check "nothing is written for the Chromium snap" test -z "$(find "$HOME/snap/chromium" -mindepth 1 -print -quit)"

# A second run changes nothing.
before="$(find "$HOME" "$udd" -printf '%p %T@ %m\n' | sort)"
"$repo_root/install.sh" --no-deps --no-build --prefix "$prefix" >/dev/null 2>&1 || true
check "a second run (without --browser-dir: remembered) changes nothing" \
  test "$before" = "$(find "$HOME" "$udd" -printf '%p %T@ %m\n' | sort)"

# --- The wrapper, through a stand-in flatpak-spawn -----------------------------
# Outside the sandbox `flatpak-spawn --host --watch-bus CMD ARGS` runs CMD
# ARGS on the host with the same stdin and stdout; the stand-in does that
# and notes its arguments.
fakebin="$tmp/fakebin"
mkdir -p "$fakebin"
cat > "$fakebin/flatpak-spawn" <<EOF
#!/bin/sh
printf '%s\n' "\$@" > "$tmp/spawn-args"
[ "\$1" = --host ] && [ "\$2" = --watch-bus ] || { echo "flatpak-spawn stand-in: unexpected \$1 \$2" >&2; exit 64; }
shift 2
exec "\$@"
EOF
chmod 755 "$fakebin/flatpak-spawn"
hello='{"id":1,"type":"hello","protocol":1}'
frame() { node -e 'const b = Buffer.from(process.argv[1]); const h = Buffer.alloc(4); h.writeUInt32LE(b.length); process.stdout.write(Buffer.concat([h, b]))' "$1"; }
reply="$(frame "$hello" | PATH="$fakebin:$PATH" "$chromium_w" "$id_origin" --parent-window=0 \
  | node -e 'const b = require("fs").readFileSync(0); const n = b.readUInt32LE(0); console.log(b.subarray(4, 4 + n).toString())')" || true
check "the wrapper starts the host through flatpak-spawn, and the host answers hello" \
  node -e 'const r = JSON.parse(process.argv[1]); process.exit(r.id === 1 && r.ok === true ? 0 : 1)' "$reply"
check "flatpak-spawn got --host, the binary and the browser's arguments" \
  test "$(cat "$tmp/spawn-args")" = "$(printf '%s\n' --host --watch-bus "$binary" "$id_origin" --parent-window=0)"
first_reply() { node -e 'const b = require("fs").readFileSync(0); if (b.length < 4) process.exit(0); const n = b.readUInt32LE(0); console.log(b.subarray(4, 4 + n).toString())'; }
reply="$(frame "$hello" | PATH="$fakebin:$PATH" "$chromium_w" "chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/" 2>/dev/null | first_reply)" || true
check "through the wrapper, the host still refuses another extension" \
  node -e 'const r = JSON.parse(process.argv[1]); process.exit(r.ok === false && r.error.code === "forbidden" ? 0 : 1)' "$reply"
if PATH="/usr/bin:/bin" "$chromium_w" "$id_origin" </dev/null >/dev/null 2>&1; then
  fail "without flatpak-spawn the wrapper fails (it never runs the host inside the sandbox)"
else
  pass "without flatpak-spawn the wrapper fails (it never runs the host inside the sandbox)"
fi

# --- doctor ----------------------------------------------------------------------
doctor() { "$binary" doctor > "$tmp/doctor.txt" 2>&1; }
has() { grep -qF -- "$1" "$tmp/doctor.txt"; }
fix_after() {  # the fix line printed after the FAIL line holding $1
  awk -v what="$1" 'index($0, what) && /FAIL/ { getline; sub(/^ *fix: /, ""); print; exit }' "$tmp/doctor.txt"
}

if doctor; then fail "doctor passes with no Flatpak permission and a Chromium snap"; else pass "doctor fails with no Flatpak permission and a Chromium snap"; fi
check "doctor: Flatpak Chromium needs the permission, and says the command" \
  test "$(fix_after "Chromium (Flatpak): the Flatpak may not start programs outside its sandbox")" \
       = "flatpak override --user --talk-name=org.freedesktop.Flatpak org.chromium.Chromium   # then restart the browser"
check "doctor: the Chromium snap cannot work, and why" has "FAIL  Chromium (Snap) cannot start oneself: a Chromium-family browser in a Snap cannot start a program outside its sandbox"
check "doctor: Snap Firefox goes through the portal" has "note  Firefox (Snap) starts the host through the desktop portal"
check "doctor: the manifests themselves are fine" has "ok    Chromium (Flatpak): $chromium_m"
check "doctor: the --browser-dir manifest is checked" has "ok    $udd (--browser-dir): $udd_m"

# What `flatpak override --user --talk-name=...` writes.
mkdir -p "$HOME/.local/share/flatpak/overrides"
for app in org.chromium.Chromium org.mozilla.firefox; do
  printf '[Session Bus Policy]\norg.freedesktop.Flatpak=talk\n' > "$HOME/.local/share/flatpak/overrides/$app"
done
rmdir "$HOME/snap/chromium"
if doctor; then pass "doctor passes once the permission is granted and the snap is gone"; else cat "$tmp/doctor.txt"; fail "doctor passes once the permission is granted and the snap is gone"; fi
check "doctor: the wrapper starts the binary outside the sandbox" \
  has "ok    Chromium (Flatpak): $chromium_w starts $binary outside the sandbox"

rm "$chromium_w"
doctor || true
fix="$(fix_after "Chromium (Flatpak): no wrapper at $chromium_w")"
check "doctor: a missing wrapper is found, with a fix" test -n "$fix"
(eval "$fix") >/dev/null 2>&1 || true
if doctor; then pass "the printed fix writes a working wrapper"; else cat "$tmp/doctor.txt"; fail "the printed fix writes a working wrapper"; fi
check "the rewritten wrapper still answers" \
  sh -c 'frame() { node -e "const b = Buffer.from(process.argv[1]); const h = Buffer.alloc(4); h.writeUInt32LE(b.length); process.stdout.write(Buffer.concat([h, b]))" "$1"; }; frame "$1" | PATH="$2:$PATH" "$3" "$4" | head -c 4 | od -An -tu4 | grep -q "[1-9]"' _ "$hello" "$fakebin" "$chromium_w" "$id_origin"

printf '#!/bin/sh\nexec flatpak-spawn --host --watch-bus /nowhere/oneself "$@"\n' > "$firefox_w"
doctor || true
check "doctor: a wrapper naming a missing binary is found" has "FAIL  Firefox (Flatpak): the wrapper $firefox_w starts /nowhere/oneself, not an executable oneself outside the sandbox"
(eval "$(fix_after "Firefox (Flatpak): the wrapper")") >/dev/null 2>&1 || true
if doctor; then pass "its fix points the wrapper at this binary"; else cat "$tmp/doctor.txt"; fail "its fix points the wrapper at this binary"; fi

rm "$udd_m"
doctor || true
check "doctor: a --browser-dir manifest that went is found" has "FAIL  $udd (--browser-dir): no host manifest at $udd_m"
(eval "$(fix_after "(--browser-dir): no host manifest")") >/dev/null 2>&1 || true
if doctor; then pass "its fix restores it"; else cat "$tmp/doctor.txt"; fail "its fix restores it"; fi

# --- --uninstall -----------------------------------------------------------------
"$repo_root/install.sh" --uninstall --prefix "$prefix" >/dev/null 2>&1 || fail "--uninstall exited non-zero"
for f in "$chromium_m" "$firefox_m" "$chromium_w" "$firefox_w" "$snap_firefox_m" "$udd_m" "$HOME/.config/oneself/browser-dirs"; do
  check "--uninstall removed ${f#"$tmp"/}" test ! -e "$f"
done
check "--uninstall removed the wrapper folders" test ! -e "$flatpak_chromium/oneself" -a ! -e "$flatpak_firefox/oneself"
check "--uninstall kept the Flatpak apps' own folders" test -d "$flatpak_chromium" -a -d "$flatpak_firefox"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all checks passed"
