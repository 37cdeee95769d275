#!/usr/bin/env bash
# install.sh into a temporary HOME with fake browser folders: the manifests
# land exactly where each browser looks, with the right contents; absent
# browsers get nothing; a symlink at a manifest's place is not followed; a
# second run changes nothing; `oneself doctor` passes, then fails with a fix
# when a manifest goes, and the fix works; --uninstall removes what was
# written and keeps the store.
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
# content hash: equal snapshots mean nothing changed.
snapshot() {
  (cd "$tmp" && find home "my bin" -print0 | sort -z | while IFS= read -r -d '' p; do
    if [ -L "$p" ]; then printf '%s link %s\n' "$p" "$(readlink "$p")"
    elif [ -f "$p" ]; then printf '%s file %s %s %s\n' "$p" "$(stat -c '%a %Y.%y' "$p")" "$(sha256sum < "$p" | cut -c1-64)" ""
    else printf '%s dir %s\n' "$p" "$(stat -c '%a' "$p")"
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
check "the store was created" test -f "$store/profile.json"
check "the output says how to load the extension" \
  bash -c 'grep -q "Load unpacked" <<<"$1" && grep -q "Load Temporary Add-on" <<<"$1"' _ "$out"

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
uout="$(run_install --uninstall 2>&1)" || { echo "$uout"; fail "--uninstall exits 0"; }
check "binary removed" test ! -e "$binary"
for m in "${all_present[@]}"; do
  check "manifest removed: ${m#"$HOME"/}" test ! -e "$m"
done
check "the outside file is still untouched" test "$(cat "$tmp/outside.json")" = precious
check "the store is kept" test -f "$store/profile.json"
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
  "$repo_root/install.sh" --no-deps --no-build --prefix "$tmp/bin2" >/dev/null || exit 1
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

echo "# manifest template"
odd='/opt/we"ird\\path/it'"'"'s/oneself'
cmake -DFAMILY=chromium -DBINARY="$odd" -DOUT="$tmp/odd.json" \
  -P "$repo_root/scripts/host-manifest.cmake" >/dev/null 2>&1 || fail "host-manifest.cmake runs"
check "a path with quotes and backslashes survives as JSON" \
  node -e 'const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
           process.exit(m.path === process.argv[2] ? 0 : 1)' "$tmp/odd.json" "$odd"

echo "# options"
check "--help exits 0" bash -c '"$1" --help | grep -q -- --uninstall' _ "$repo_root/install.sh"
if "$repo_root/install.sh" --bogus >/dev/null 2>&1; then fail "an unknown option is refused"
else pass "an unknown option is refused"; fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all install checks passed"
