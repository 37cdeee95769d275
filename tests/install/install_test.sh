#!/usr/bin/env bash
# install.sh into a temporary HOME with fake browser folders: the manifests
# land exactly where each browser looks, with the right contents; absent
# browsers get nothing; a symlink at a manifest's place (to a file or to a
# folder) is replaced, not followed; a second run changes nothing, not even a
# folder's mtime; `oneself doctor` passes, then fails with a fix when a
# manifest goes, and the fix works;
# --uninstall removes what was written (manifests first, then the binaries
# they name, then the folders install made, when empty: not a manifest folder
# that was there before, also under --system; all of them for a browser found
# only on PATH) and keeps the store. Then the failures: a browser folder, the
# prefix or a manifest the user cannot write (as root, install.sh runs as
# nobody through setpriv, since root can write anything), and the messages
# for no browser, root without --system,
# ONESELF_HOME, a moved --prefix and --prefix=~/DIR; --demo stops on a
# missing or too old Node (a fake one) before it installs or builds anything.
#
# Uses the binary already built in ONESELF_BUILD_DIR (install.sh --no-build),
# so it never rebuilds. Needs node (a test dependency) to read JSON.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
: "${ONESELF_BUILD_DIR:?set ONESELF_BUILD_DIR to a build directory holding host/oneself}"
[ -x "$ONESELF_BUILD_DIR/host/oneself" ] || { echo "no binary in $ONESELF_BUILD_DIR/host" >&2; exit 1; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/oneself-install-test.XXXXXX")"
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

failures=0
pass() { printf 'ok   %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; failures=$((failures + 1)); }
check() {  # check DESCRIPTION COMMAND...
  local what="$1"; shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

# A clean environment: only this HOME, browsers found by folder alone (the
# machine running the test may well have chromium on PATH).
export HOME="$tmp/home"
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME ONESELF_HOME
export ONESELF_DETECT_BY_PATH=0
export ONESELF_BUILD_DIR
prefix="$tmp/my bin"   # a space, to catch quoting mistakes
binary="$prefix/oneself"
store="$HOME/.local/share/oneself"

mkdir -p "$HOME/.config/google-chrome" "$HOME/.config/chromium/NativeMessagingHosts" \
         "$HOME/.mozilla" "$HOME/.config/vivaldi"
# Chromium's manifest place holds a symlink to a file outside: it must be
# replaced, never written through.
printf 'precious\n' > "$tmp/outside.json"
ln -s "$tmp/outside.json" "$HOME/.config/chromium/NativeMessagingHosts/org.oneself.host.json"

chrome_m="$HOME/.config/google-chrome/NativeMessagingHosts/org.oneself.host.json"
chromium_m="$HOME/.config/chromium/NativeMessagingHosts/org.oneself.host.json"
vivaldi_m="$HOME/.config/vivaldi/NativeMessagingHosts/org.oneself.host.json"
firefox_m="$HOME/.mozilla/native-messaging-hosts/org.oneself.host.json"
all_present=("$chrome_m" "$chromium_m" "$vivaldi_m" "$firefox_m")

run_install() {
  "$repo_root/install.sh" --no-deps --no-build --prefix "$prefix" "$@"
}

# Checks a manifest against allowed-callers.json: FAMILY is chromium|firefox.
manifest_ok() {
  local file="$1" family="$2"
  node - "$file" "$family" "$binary" "$repo_root/manifest/allowed-callers.json" <<'EOF'
const fs = require("fs");
const [file, family, binary, callersFile] = process.argv.slice(2);
const m = JSON.parse(fs.readFileSync(file, "utf8"));
const callers = JSON.parse(fs.readFileSync(callersFile, "utf8"));
const want = family === "chromium" ? "allowed_origins" : "allowed_extensions";
const other = family === "chromium" ? "allowed_extensions" : "allowed_origins";
const problems = [];
if (m.name !== "org.oneself.host") problems.push("name " + m.name);
if (m.type !== "stdio") problems.push("type " + m.type);
if (m.path !== binary) problems.push("path " + m.path);
if (JSON.stringify(m[want]) !== JSON.stringify(callers[family])) problems.push(want + " " + JSON.stringify(m[want]));
if (other in m) problems.push("has " + other);
if (problems.length) { console.error(file + ": " + problems.join("; ")); process.exit(1); }
EOF
}

# Every file and folder under HOME and the prefix, with kind, mode, mtime and
# content hash: equal snapshots mean nothing changed. A folder's mtime changes
# when anything is created in it, even a temporary file removed at once.
snapshot() {
  (cd "$tmp" && find home "my bin" -print0 | sort -z | while IFS= read -r -d '' p; do
    if [ -L "$p" ]; then printf '%s link %s\n' "$p" "$(readlink "$p")"
    elif [ -f "$p" ]; then printf '%s file %s %s %s\n' "$p" "$(stat -c '%a %Y.%y' "$p")" "$(sha256sum < "$p" | cut -c1-64)" ""
    else printf '%s dir %s\n' "$p" "$(stat -c '%a %Y.%y' "$p")"
    fi
  done)
}

echo "# first install"
out="$(run_install 2>&1)" || { echo "$out"; fail "install.sh exits 0"; exit 1; }
pass "install.sh exits 0"

check "binary installed into --prefix and executable" test -x "$binary"
check "installed binary is the built one" cmp -s "$binary" "$ONESELF_BUILD_DIR/host/oneself"
check "Google Chrome manifest: allowed_origins, path" manifest_ok "$chrome_m" chromium
check "Chromium manifest: allowed_origins, path" manifest_ok "$chromium_m" chromium
check "Vivaldi manifest: allowed_origins, path" manifest_ok "$vivaldi_m" chromium
check "Firefox manifest: allowed_extensions, path" manifest_ok "$firefox_m" firefox
check "manifests are mode 644" test "$(stat -c %a "$chrome_m" "$firefox_m" | sort -u)" = 644
check "the symlink at Chromium's manifest was replaced by a file" \
  bash -c '[ -f "$1" ] && [ ! -L "$1" ]' _ "$chromium_m"
check "the symlink's target outside was not written" \
  test "$(cat "$tmp/outside.json")" = precious
check "absent browsers get nothing (Brave, Edge, LibreWolf)" \
  bash -c '[ ! -e "$1/.config/BraveSoftware" ] && [ ! -e "$1/.config/microsoft-edge" ] && [ ! -e "$1/.librewolf" ]' _ "$HOME"
check "no temporary files left behind" \
  test -z "$(find "$HOME" "$prefix" -name '.org.oneself.host.json.*' -o -name '.oneself.*')"
check "the store was created" test -d "$store/devices"
check "the output says how to load the extension" \
  bash -c 'grep -q "Load unpacked" <<<"$1" && grep -q "Load Temporary Add-on" <<<"$1"' _ "$out"
check "the output names the extension id the host allows" \
  grep -q "obejlgbmhghechkgdgmjlheaeplnmalh" <<<"$out"
check "the output says a temporary add-on is gone when Firefox restarts" \
  grep -q "gone when Firefox restarts" <<<"$out"
if [ "$(id -u)" -eq 0 ]; then
  check "as root without --system, the output says everything goes under HOME" \
    grep -qF "running as root without --system: the binary, the manifests and the profile store go under $HOME" <<<"$out"
fi

echo "# second install changes nothing"
before="$(snapshot)"
sleep 1.1   # so that a rewrite would show in the mtimes
out2="$(run_install 2>&1)" || { echo "$out2"; fail "second install.sh exits 0"; }
after="$(snapshot)"
if [ "$before" = "$after" ]; then pass "second run changes nothing"
else fail "second run changes nothing"; diff <(echo "$before") <(echo "$after") || true; fi
check "second run reports every manifest unchanged" \
  bash -c '[ "$(grep -c "(unchanged)" <<<"$1")" = 5 ]' _ "$out2"   # binary + 4 manifests

echo "# the installed host answers a framed hello, started as Chromium starts it"
hello_ok() {
  local origin
  origin="$(node -p 'require(process.argv[1]).chromium[0]' "$repo_root/manifest/allowed-callers.json")"
  node - "$binary" "$origin" <<'EOF'
const {spawn} = require("child_process");
const [binary, origin] = process.argv.slice(2);
const child = spawn(binary, [origin], {stdio: ["pipe", "pipe", "ignore"]});
const body = Buffer.from(JSON.stringify({id: 1, type: "hello", protocol: 1}));
const head = Buffer.alloc(4);
head.writeUInt32LE(body.length);
child.stdin.end(Buffer.concat([head, body]));
let out = Buffer.alloc(0);
child.stdout.on("data", d => { out = Buffer.concat([out, d]); });
child.on("close", code => {
  const len = out.length >= 4 ? out.readUInt32LE(0) : -1;
  const reply = len >= 0 && out.length === 4 + len ? JSON.parse(out.subarray(4)) : null;
  const good = code === 0 && reply && reply.id === 1 && reply.ok === true && reply.result.protocol === 1;
  if (!good) console.error("exit", code, "reply", out.toString("latin1"));
  process.exit(good ? 0 : 1);
});
EOF
}
check "a framed hello to the installed binary is answered" hello_ok

echo "# doctor"
doc="$("$binary" doctor 2>&1)" && rc=0 || rc=$?
check "oneself doctor passes after install" test "$rc" = 0
[ "$rc" = 0 ] || echo "$doc"

rm -f "$firefox_m"
doc="$("$binary" doctor 2>&1)" && rc=0 || rc=$?
check "oneself doctor fails when a manifest is removed" test "$rc" = 1
check "doctor names the missing manifest" grep -qF "no host manifest at $firefox_m" <<<"$doc"
fix="$(grep -m1 'fix: ' <<<"$doc" | sed 's/^ *fix: //' || true)"
check "doctor prints a fix" test -n "$fix"
bash -c "$fix" || fail "the fix runs"
check "after the fix, the Firefox manifest is right" manifest_ok "$firefox_m" firefox
doc="$("$binary" doctor 2>&1)" && rc=0 || rc=$?
check "oneself doctor passes after the fix" test "$rc" = 0

echo "# uninstall"
# install recorded the manifest folders it made; a line naming a folder
# elsewhere, added to such a record, is not obeyed.
mkdir "$HOME/empty-elsewhere"
echo "$HOME/empty-elsewhere" >> "$HOME/.config/google-chrome/NativeMessagingHosts/.org.oneself.host.folders"
# The host opens its log on the first line it writes; a line stands for it.
mkdir -p "$HOME/.local/state/oneself"
echo "a line" > "$HOME/.local/state/oneself/oneself.log"
uout="$(run_install --uninstall 2>&1)" || { echo "$uout"; fail "--uninstall exits 0"; }
check "binary removed" test ! -e "$binary"
for m in "${all_present[@]}"; do
  check "manifest removed: ${m#"$HOME"/}" test ! -e "$m"
done
check "the outside file is still untouched" test "$(cat "$tmp/outside.json")" = precious
check "the store is kept" test -d "$store/devices"
check "the output says where the kept store is" grep -qF "Your profile store is kept: $store" <<<"$uout"
check "the output names the log that stays" grep -qF "$HOME/.local/state/oneself/oneself.log" <<<"$uout"
check "the manifest folders install made are removed" \
  bash -c '[ ! -e "$1/.config/google-chrome/NativeMessagingHosts" ] && [ ! -e "$1/.config/vivaldi/NativeMessagingHosts" ] \
           && [ ! -e "$1/.mozilla/native-messaging-hosts" ]' _ "$HOME"
check "a manifest folder that was there before install stays, empty as it was (Chromium's)" \
  test -d "$HOME/.config/chromium/NativeMessagingHosts"
check "nothing of install.sh's is left in them (no marker)" \
  test -z "$(find "$HOME" -name '.org.oneself.host*')"
check "a record naming a folder elsewhere does not get it removed" test -d "$HOME/empty-elsewhere"
check "the browsers' own folders stay" \
  bash -c '[ -d "$1/.config/google-chrome" ] && [ -d "$1/.config/chromium" ] && [ -d "$1/.mozilla" ]' _ "$HOME"
uout="$(run_install --uninstall 2>&1)" || fail "a second --uninstall exits 0"
check "a second --uninstall finds nothing to remove" grep -q "nothing to remove" <<<"$uout"

echo "# every browser at once, XDG_CONFIG_HOME elsewhere: install.sh and doctor agree"
# Doctor keeps its own copy of the folder table; if the two disagreed on any
# browser, doctor would report that browser's manifest missing.
(
  export HOME="$tmp/home2" XDG_CONFIG_HOME="$tmp/config2"
  mkdir -p "$HOME" "$XDG_CONFIG_HOME/google-chrome" "$XDG_CONFIG_HOME/chromium" \
           "$XDG_CONFIG_HOME/BraveSoftware/Brave-Browser" "$XDG_CONFIG_HOME/microsoft-edge" \
           "$XDG_CONFIG_HOME/vivaldi" "$HOME/.mozilla" "$HOME/.librewolf"
  out="$("$repo_root/install.sh" --no-deps --no-build --prefix "$tmp/bin2" 2>&1)" || { echo "$out"; exit 1; }
  n=0
  for m in "$XDG_CONFIG_HOME"/{google-chrome,chromium,BraveSoftware/Brave-Browser,microsoft-edge,vivaldi}/NativeMessagingHosts/org.oneself.host.json; do
    [ -f "$m" ] && n=$((n + 1))
  done
  for m in "$HOME"/{.mozilla,.librewolf}/native-messaging-hosts/org.oneself.host.json; do
    [ -f "$m" ] && n=$((n + 1))
  done
  [ "$n" = 7 ] || { echo "only $n of 7 manifests written"; exit 1; }
  [ ! -e "$HOME/.config" ] || { echo "wrote under ~/.config despite XDG_CONFIG_HOME"; exit 1; }
  report="$("$tmp/bin2/oneself" doctor 2>&1)" || { echo "$report"; exit 1; }
  [ "$(grep -c '^  ok    ' <<<"$report")" -ge 8 ] || { echo "$report"; exit 1; }   # 7 browsers + store
) && pass "all seven browsers registered; doctor finds each manifest where install.sh put it" \
  || fail "all seven browsers registered; doctor finds each manifest where install.sh put it"

echo "# a symlink to a folder at a manifest's place"
# A plain mv would move the new manifest into the folder the link names;
# install.sh must replace the link itself and leave that folder as it was.
(
  export HOME="$tmp/home-linkdir"
  binary="$tmp/bin-linkdir/oneself"   # for manifest_ok
  m="$HOME/.config/chromium/NativeMessagingHosts/org.oneself.host.json"
  mkdir -p "${m%/*}" "$tmp/outside-dir"
  printf 'precious\n' > "$tmp/outside-dir/keep.json"
  ln -s "$tmp/outside-dir" "$m"
  listing() { find "$tmp/outside-dir" -printf '%p %y %m %T@ %s\n' | sort; cat "$tmp/outside-dir/keep.json"; }
  before="$(listing)"
  sleep 1.1   # so that a write into the folder would show in its mtime
  out="$("$repo_root/install.sh" --no-deps --no-build --prefix "$tmp/bin-linkdir" 2>&1)" || { echo "$out"; exit 1; }
  [ "$(listing)" = "$before" ] || { echo "the folder the link named changed:"; diff <(echo "$before") <(listing); exit 1; }
  [ -f "$m" ] && [ ! -L "$m" ] || { echo "no regular file at $m:"; ls -la "${m%/*}"; exit 1; }
  [ "$(stat -c %a "$m")" = 644 ] || { echo "manifest mode $(stat -c %a "$m")"; exit 1; }
  manifest_ok "$m" chromium || exit 1
  grep -qF "$m (replaced a symlink)" <<<"$out" || { echo "$out"; exit 1; }
) && pass "a symlink to a folder at Chromium's manifest: replaced by the manifest, the folder untouched" \
  || fail "a symlink to a folder at Chromium's manifest: replaced by the manifest, the folder untouched"

echo "# no browser: exit 0, but the last lines say nothing was registered"
(
  export HOME="$tmp/home3"
  mkdir -p "$HOME"
  out="$("$repo_root/install.sh" --no-deps --no-build --prefix "$tmp/bin3" 2>&1)" || { echo "$out"; exit 1; }
  tail -n 2 <<<"$out" | grep -q "no browser found, so no browser was registered" || { echo "$out"; exit 1; }
) && pass "no browser found: exit 0, and the last lines say nothing was registered and what to do" \
  || fail "no browser found: exit 0, and the last lines say nothing was registered and what to do"
(
  export HOME="$tmp/home3"
  out="$("$repo_root/install.sh" --no-deps --no-build --prefix "$tmp/bin3" --uninstall 2>&1)" || exit 1
  rm -rf "$HOME/.local/share/oneself"
  out="$("$repo_root/install.sh" --no-deps --no-build --prefix "$tmp/bin3" --uninstall 2>&1)" || exit 1
  ! grep -q "profile store is kept" <<<"$out" || { echo "$out"; exit 1; }
) && pass "--uninstall speaks of a kept store only when there is one" \
  || fail "--uninstall speaks of a kept store only when there is one"

echo "# ONESELF_HOME set: the caveat doctor prints"
(
  export HOME="$tmp/home4" ONESELF_HOME="$tmp/store4"
  mkdir -p "$HOME/.mozilla"
  out="$("$repo_root/install.sh" --no-deps --no-build --prefix "$tmp/bin4" 2>&1)" || { echo "$out"; exit 1; }
  [ -d "$ONESELF_HOME/devices" ] || { echo "no store at ONESELF_HOME"; exit 1; }
  grep -q "ONESELF_HOME is set in this shell; a browser starts the host with your" <<<"$out" || { echo "$out"; exit 1; }
) && pass "with ONESELF_HOME set, install.sh says the browser-started host does not see it" \
  || fail "with ONESELF_HOME set, install.sh says the browser-started host does not see it"

echo "# --prefix=~/DIR, a moved prefix, and --uninstall with another prefix"
(
  export HOME="$tmp/home5"
  mkdir -p "$HOME/.mozilla" "$HOME/.config/chromium"
  cd "$tmp"
  "$repo_root/install.sh" --no-deps --no-build --prefix=~/first >/dev/null 2>&1 || exit 1
  [ -x "$HOME/first/oneself" ] && [ ! -e "$tmp/~" ] || { echo "--prefix=~/first went elsewhere"; exit 1; }
  out="$("$repo_root/install.sh" --no-deps --no-build --prefix "$HOME/second" 2>&1)" || { echo "$out"; exit 1; }
  grep -q "another copy of oneself" <<<"$out" && grep -qF "$HOME/first/oneself" <<<"$out" \
    || { echo "no word of the old copy:"; echo "$out"; exit 1; }
  [ -x "$HOME/first/oneself" ] || { echo "the old copy was removed by install"; exit 1; }
  # Uninstall with the default prefix: the binary the manifests name goes too.
  out="$("$repo_root/install.sh" --no-deps --no-build --uninstall 2>&1)" || { echo "$out"; exit 1; }
  [ ! -e "$HOME/second/oneself" ] || { echo "the binary the manifests named is still there:"; echo "$out"; exit 1; }
  [ -x "$HOME/first/oneself" ] || { echo "a binary no manifest named was removed"; exit 1; }
) && pass "--prefix=~/DIR expands ~; a moved prefix names the old copy; --uninstall removes the binary the manifests name" \
  || fail "--prefix=~/DIR expands ~; a moved prefix names the old copy; --uninstall removes the binary the manifests name"
(
  # A manifest at our name that this script did not write (one byte more), or
  # naming a program not called oneself: the manifest goes, the program stays.
  export HOME="$tmp/home6"
  mkdir -p "$HOME/.mozilla/native-messaging-hosts" "$HOME/.config/chromium/NativeMessagingHosts" "$tmp/theirs"
  cp "$ONESELF_BUILD_DIR/host/oneself" "$tmp/theirs/oneself"
  cp "$ONESELF_BUILD_DIR/host/oneself" "$tmp/theirs/other-host"
  cmake -DFAMILY=firefox -DBINARY="$tmp/theirs/oneself" -DOUT="$HOME/.mozilla/native-messaging-hosts/org.oneself.host.json" \
    -P "$repo_root/scripts/host-manifest.cmake" >/dev/null
  printf ' ' >> "$HOME/.mozilla/native-messaging-hosts/org.oneself.host.json"
  cmake -DFAMILY=chromium -DBINARY="$tmp/theirs/other-host" -DOUT="$HOME/.config/chromium/NativeMessagingHosts/org.oneself.host.json" \
    -P "$repo_root/scripts/host-manifest.cmake" >/dev/null
  out="$("$repo_root/install.sh" --no-deps --no-build --prefix "$tmp/bin6" --uninstall 2>&1)" || { echo "$out"; exit 1; }
  [ ! -e "$HOME/.mozilla/native-messaging-hosts/org.oneself.host.json" ] || { echo "manifest kept"; exit 1; }
  [ -f "$tmp/theirs/oneself" ] && [ -f "$tmp/theirs/other-host" ] || { echo "a program this script did not register was removed:"; echo "$out"; exit 1; }
) && pass "--uninstall removes no program named by a manifest it did not write, nor one not named oneself" \
  || fail "--uninstall removes no program named by a manifest it did not write, nor one not named oneself"

echo "# a browser found only on PATH: what install made for it, --uninstall removes"
# No profile folder yet: install makes the manifest folder and the folders
# above it (here ~/.config itself), and --uninstall removes all of them, also
# when a later install added another browser under a folder the first made.
(
  export HOME="$tmp/home7" ONESELF_DETECT_BY_PATH=1
  mkdir -p "$HOME" "$tmp/fakebin7"
  printf '#!/bin/sh\nexit 0\n' > "$tmp/fakebin7/vivaldi"
  chmod +x "$tmp/fakebin7/vivaldi"
  export PATH="$tmp/fakebin7:$PATH"
  "$repo_root/install.sh" --no-deps --no-build --prefix "$tmp/bin7" >/dev/null 2>&1 || exit 1
  [ -f "$HOME/.config/vivaldi/NativeMessagingHosts/org.oneself.host.json" ] || { echo "Vivaldi not registered"; exit 1; }
  cp "$tmp/fakebin7/vivaldi" "$tmp/fakebin7/google-chrome"
  "$repo_root/install.sh" --no-deps --no-build --prefix "$tmp/bin7" >/dev/null 2>&1 || exit 1
  [ -f "$HOME/.config/google-chrome/NativeMessagingHosts/org.oneself.host.json" ] || { echo "Chrome not registered"; exit 1; }
  out="$("$repo_root/install.sh" --no-deps --no-build --prefix "$tmp/bin7" --uninstall 2>&1)" || { echo "$out"; exit 1; }
  # What stays is the store (kept on purpose) and the folders above it.
  left="$(find "$HOME" -mindepth 1 ! -path "$HOME/.local" ! -path "$HOME/.local/*")"
  [ -z "$left" ] || { echo "left:"; echo "$left"; echo "$out"; exit 1; }
) && pass "the folders made for browsers found on PATH (~/.config and below) are removed by --uninstall" \
  || fail "the folders made for browsers found on PATH (~/.config and below) are removed by --uninstall"

echo "# --system: no store in anyone's HOME"
# Run in a private mount namespace with empty folders mounted over the system
# ones, so that nothing on this machine is touched; skipped where that is not
# allowed (not root, or a container without CAP_SYS_ADMIN).
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
  mkdir -p "$tmp/user9"
  out="$(HOME="$tmp/user9" unshare -m bash -c '
    mount --make-rprivate / || exit 1
    for d in /usr/local/bin /etc/chromium /usr/lib/mozilla; do
      mkdir -p "$d" && mount -t tmpfs none "$d" || exit 1
    done
    "$1" --system --no-deps --no-build 2>&1' _ "$repo_root/install.sh")" && rc=0 || rc=$?
  check "--system installs" test "$rc" = 0
  check "--system creates no store (and nothing else) in HOME" test -z "$(ls -A "$tmp/user9")"
  check "--system tells each user to run oneself init" grep -q "oneself init" <<<"$out"
  [ "$rc" = 0 ] || echo "$out"

  # A browser package may own an empty manifest folder (here Chromium's): it
  # stays. The folders install made (Chrome's, and /etc/opt/chrome above it)
  # go. Chrome and Chromium are found by a program on PATH; every system
  # manifest folder is on a tmpfs, so whatever else is found stays in there.
  mkdir -p "$tmp/fakebin10"
  printf '#!/bin/sh\nexit 0\n' > "$tmp/fakebin10/google-chrome"
  cp "$tmp/fakebin10/google-chrome" "$tmp/fakebin10/chromium"
  chmod +x "$tmp/fakebin10"/*
  out="$(HOME="$tmp/user9" PATH="$tmp/fakebin10:$PATH" ONESELF_DETECT_BY_PATH=1 unshare -m bash -c '
    mount --make-rprivate / || exit 1
    for d in /usr/local/bin /etc/chromium /etc/opt /usr/lib/mozilla; do
      mkdir -p "$d" && mount -t tmpfs none "$d" || exit 1
    done
    mkdir /etc/chromium/native-messaging-hosts
    "$1" --system --no-deps --no-build >/dev/null 2>&1 || { echo "install failed"; exit 1; }
    [ -f /etc/opt/chrome/native-messaging-hosts/org.oneself.host.json ] || { echo "Chrome not registered"; exit 1; }
    [ -f /etc/chromium/native-messaging-hosts/org.oneself.host.json ] || { echo "Chromium not registered"; exit 1; }
    "$1" --system --no-deps --no-build --uninstall 2>&1 || { echo "uninstall failed"; exit 1; }
    [ -d /etc/chromium/native-messaging-hosts ] || { echo "removed the package'"'"'s folder /etc/chromium/native-messaging-hosts"; exit 1; }
    [ -z "$(ls -A /etc/chromium/native-messaging-hosts)" ] || { echo "left files in /etc/chromium/native-messaging-hosts"; exit 1; }
    [ ! -e /etc/opt/chrome ] || { echo "left /etc/opt/chrome, which install made"; exit 1; }' _ "$repo_root/install.sh")" && rc=0 || rc=$?
  check "--system --uninstall keeps a manifest folder it did not make and removes those it made" test "$rc" = 0
  [ "$rc" = 0 ] || echo "$out"
else
  echo "skipped: needs root and unshare -m"
fi

echo "# folders the user cannot write"
# Root can write anything, so as root the installs here run as nobody
# (setpriv), and a folder is made unwritable by leaving it to root; as any
# other user, by chmod.
nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
if [ "$(id -u)" -ne 0 ]; then
  as_user() { "$@"; }
  give() { :; }
  lock() { chmod a-w "$1"; }
elif command -v setpriv >/dev/null 2>&1 \
     && "${nobody[@]}" test -r "$repo_root/install.sh" -a -x "$ONESELF_BUILD_DIR/host/oneself"; then
  as_user() { "${nobody[@]}" "$@"; }
  give() { chown -R 65534:65534 "$1"; }
  lock() { chown 0:0 "$1"; chmod 755 "$1"; }
  chmod 755 "$tmp"
fi
if ! declare -F as_user >/dev/null; then
  echo "skipped: as root without setpriv, or nobody cannot read this checkout"
else
  export HOME="$tmp/home8"
  mkdir -p "$HOME/.mozilla" "$HOME/.config/chromium" "$HOME/.config/vivaldi" "$tmp/locked"
  give "$HOME"
  lock "$HOME/.config/chromium"   # the first in install.sh's order of those found
  lock "$tmp/locked"
  out="$(as_user "$repo_root/install.sh" --no-deps --no-build --prefix "$HOME/bin" 2>&1)" && rc=0 || rc=$?
  check "an unwritable browser folder: install.sh exits non-zero" test "$rc" != 0
  check "  and names the browser, the folder and the fix" \
    grep -qF "install.sh: Chromium: cannot write its host manifest into $HOME/.config/chromium/NativeMessagingHosts ($HOME/.config/chromium: Permission denied)" <<<"$out"
  check "  with the fix" grep -q 'fix: sudo chown -R "$(id -un)"' <<<"$out"
  check "  the other browsers are registered" \
    test -f "$HOME/.mozilla/native-messaging-hosts/org.oneself.host.json" -a -f "$HOME/.config/vivaldi/NativeMessagingHosts/org.oneself.host.json"
  check "  the store is created" test -d "$HOME/.local/share/oneself/devices"
  check "  the next steps are printed" grep -q "Load unpacked" <<<"$out"
  check "  no bare mktemp or mkdir error" bash -c '! grep -qE "^(mktemp|mkdir):" <<<"$1"' _ "$out"
  [ "$rc" != 0 ] && grep -q "Load unpacked" <<<"$out" || echo "$out"

  out="$(as_user "$repo_root/install.sh" --no-deps --no-build --prefix "$tmp/locked/bin" 2>&1)" && rc=0 || rc=$?
  check "an unwritable --prefix: install.sh exits non-zero with its own message" \
    bash -c '[ "$1" != 0 ] && grep -qF "install.sh: cannot install the binary into $3: $2: Permission denied" <<<"$4" \
             && ! grep -qE "^(mktemp|mkdir):" <<<"$4"' _ "$rc" "$tmp/locked" "$tmp/locked/bin" "$out"

  mkdir -p "$HOME/.config/vivaldi/NativeMessagingHosts"
  lock "$HOME/.config/vivaldi/NativeMessagingHosts"   # before Firefox in install.sh's order
  out="$(as_user "$repo_root/install.sh" --no-deps --no-build --prefix "$HOME/bin" --uninstall 2>&1)" && rc=0 || rc=$?
  check "--uninstall with a manifest it cannot remove exits non-zero" test "$rc" != 0
  check "  and says which" grep -qF "install.sh: cannot remove $HOME/.config/vivaldi/NativeMessagingHosts/org.oneself.host.json (Vivaldi): Permission denied" <<<"$out"
  check "  the other manifests are removed" test ! -e "$HOME/.mozilla/native-messaging-hosts/org.oneself.host.json"
  check "  the binary that manifest names is kept" test -x "$HOME/bin/oneself"
  [ "$rc" != 0 ] || echo "$out"
fi

echo "# manifest template"
odd='/opt/we"ird\\path/it'"'"'s/oneself'
cmake -DFAMILY=chromium -DBINARY="$odd" -DOUT="$tmp/odd.json" \
  -P "$repo_root/scripts/host-manifest.cmake" >/dev/null 2>&1 || fail "host-manifest.cmake runs"
check "a path with quotes and backslashes survives as JSON" \
  node -e 'const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
           process.exit(m.path === process.argv[2] ? 0 : 1)' "$tmp/odd.json" "$odd"

echo "# --demo and Node.js: a missing or too old node stops it before anything is installed or built"
# A PATH of its own, whatever node this machine has: a fake node prints the
# version; fake apt-get, apt-cache, dpkg-query, cmake and npm log their calls.
node_min="$(node -p 'require(process.argv[1]).engines.node.match(/^>=\s*(\d+)/)[1]' "$repo_root/package.json")"
demo_bin="$tmp/demobin"
mkdir -p "$demo_bin"
printf '#!/bin/bash\necho 0\n' > "$demo_bin/id"
for t in apt-get dpkg-query cmake npm chromium; do
  printf '#!/bin/bash\necho "%s $*" >> "$FAKE_LOG"\n' "$t" > "$demo_bin/$t"
done
echo 'printf installed' >> "$demo_bin/dpkg-query"
# apt-get install nodejs brings the node apt-cache promised (no epoch, no
# Debian revision).
cat >> "$demo_bin/apt-get" <<'EOF'
case " $* " in *" install "*" nodejs "*)
  v="${FAKE_CANDIDATE#*:}"
  printf '#!/bin/bash\necho v%s\n' "${v%%[-+~]*}" > "${0%/*}/node"; chmod +x "${0%/*}/node" ;;
esac
EOF
cat > "$demo_bin/apt-cache" <<'EOF'
#!/bin/bash
echo "apt-cache $*" >> "$FAKE_LOG"
printf 'nodejs:\n  Installed: (none)\n  Candidate: %s\n  Version table:\n' "$FAKE_CANDIDATE"
EOF
chmod +x "$demo_bin"/*
for t in bash dirname uname sed cat chmod; do ln -s "$(command -v "$t")" "$demo_bin/$t"; done
demo() {  # demo NODE_VERSION|none CANDIDATE ARGS...: install.sh --demo ARGS; $out, $rc, $calls
  local version="$1" candidate="$2"
  shift 2
  rm -f "$demo_bin/node"
  if [ "$version" != none ]; then printf '#!/bin/bash\necho %s\n' "$version" > "$demo_bin/node"; chmod +x "$demo_bin/node"; fi
  : > "$tmp/demo.log"
  out="$(env -i PATH="$demo_bin" HOME="$tmp/demohome" FAKE_LOG="$tmp/demo.log" FAKE_CANDIDATE="$candidate" \
         ONESELF_BUILD_DIR="$ONESELF_BUILD_DIR" /bin/bash "$repo_root/install.sh" --demo "$@" 2>&1)" && rc=0 || rc=$?
  calls="$(cat "$tmp/demo.log")"
  rm -f "$demo_bin/node"
}
demo "v$((node_min - 1)).9.0" ""
check "a node older than package.json's minimum ($node_min): --demo exits non-zero" test "$rc" != 0
check "  saying which version it found and which it needs" \
  bash -c 'grep -qF "needs Node.js $1 or later" <<<"$2" && grep -qF "v$(($1 - 1)).9.0" <<<"$2"' _ "$node_min" "$out"
check "  and what to do" grep -qF "nodejs.org" <<<"$out"
check "  before installing or building anything" test -z "$calls"
[ "$rc" != 0 ] && [ -z "$calls" ] || { echo "$out"; echo "calls: $calls"; }
demo "v$node_min.0.0" "" --no-deps --no-build
check "node $node_min.0.0 is enough: --demo goes on to the demo" \
  bash -c '[ "$1" = 1 ] && grep -q "no display" <<<"$2" && ! grep -q "Node.js" <<<"$2"' _ "$rc" "$out"
[ "$rc" = 1 ] || echo "$out"
demo none "" --no-deps
check "no node with --no-deps: --demo exits non-zero, names what to install, builds nothing" \
  bash -c '[ "$1" != 0 ] && grep -qF "Node.js $3 or later" <<<"$2" && grep -q "apt-get install nodejs" <<<"$2" && [ -z "$4" ]' \
  _ "$rc" "$out" "$node_min" "$calls"
[ "$rc" != 0 ] && [ -z "$calls" ] || { echo "$out"; echo "calls: $calls"; }
demo none "18.19.0+dfsg-6~deb12u2"
check "no node, and apt-get would install an older one: refused before apt-get install or the build" \
  bash -c '[ "$1" != 0 ] && grep -qF "18.19.0" <<<"$2" && grep -qF "Node.js $3 or later" <<<"$2" && ! grep -qE "install|cmake" <<<"$4"' \
  _ "$rc" "$out" "$node_min" "$calls"
[ "$rc" != 0 ] || { echo "$out"; echo "calls: $calls"; }
demo none "1:$node_min.19.2+dfsg-1" --no-build
check "no node, and apt-get offers a new enough one: installed, then the demo starts" \
  bash -c '[ "$1" = 1 ] && grep -q "no display" <<<"$2" && grep -q "^apt-get .*install.* nodejs" <<<"$3"' _ "$rc" "$out" "$calls"
[ "$rc" = 1 ] || { echo "$out"; echo "calls: $calls"; }

echo "# options"
check "--help exits 0" bash -c '"$1" --help | grep -q -- --uninstall' _ "$repo_root/install.sh"
check "--help says to pass the same --prefix and --system to --uninstall" \
  bash -c '"$1" --help | grep -q "same --prefix and --system"' _ "$repo_root/install.sh"
check "--help documents --demo --headless" bash -c '"$1" --help | grep -q -- "--headless"' _ "$repo_root/install.sh"
if "$repo_root/install.sh" --headless >/dev/null 2>&1; then fail "--headless without --demo is refused"
else pass "--headless without --demo is refused"; fi
out="$(env -u DISPLAY -u WAYLAND_DISPLAY ONESELF_BINARY=/nonexistent "$repo_root/demo/run.sh" 2>&1)" && rc=0 || rc=$?
check "the demo without a display and without --headless says to use --headless" \
  bash -c '[ "$1" = 1 ] && grep -q -- "no display.*--headless" <<<"$2"' _ "$rc" "$out"
if "$repo_root/install.sh" --bogus >/dev/null 2>&1; then fail "an unknown option is refused"
else pass "an unknown option is refused"; fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all install checks passed"
