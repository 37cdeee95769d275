#!/usr/bin/env bash
# scripts/firefox-policy.sh with real Firefox ESR: the policy it writes makes
# Firefox install the unsigned add-on at its next start and keep it across a
# restart; without its Preferences entry (the signature requirement left on)
# Firefox does not install it. The file's other policies are kept, and
# --remove takes out only what the script added.
#
# Firefox reads policies.json from its program's distribution/ folder, so the
# test runs a private copy of the program (the binary copied, everything else
# linked) with its own distribution/: /etc and the installed Firefox are
# never touched.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
app_src="${ONESELF_FIREFOX_DIR:-/usr/lib/firefox-esr}"
[ -x "$app_src/firefox-esr" ] || { echo "SKIP: no Firefox ESR in $app_src"; exit 77; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/oneself-ff-policy.XXXXXX")"
firefox_pid=""
cleanup() {
  [ -z "$firefox_pid" ] || kill "$firefox_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

failures=0
pass() { printf 'ok   %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; failures=$((failures + 1)); }

sh "$repo/scripts/package-extension.sh" "$tmp/dist" >/dev/null
version="$(node -p "require('$repo/extension/manifest.json').version")"
xpi="$tmp/oneself firefox.xpi"   # a space, to catch a file:// URL not encoded
cp "$tmp/dist/oneself-$version-firefox.zip" "$xpi"
addon_id="$(node -p "require('$repo/manifest/allowed-callers.json').firefox[0]")"

app="$tmp/app"
mkdir -p "$app/distribution"
for f in "$app_src"/* "$app_src"/.[!.]*; do
  [ -e "$f" ] || continue
  case "${f##*/}" in firefox-esr|distribution) ;; *) ln -s "$f" "$app/${f##*/}" ;; esac
done
cp "$app_src/firefox-esr" "$app/firefox-esr"
policies="$app/distribution/policies.json"

# run_firefox PROFILE: starts Firefox on PROFILE until the add-on is active
# in its extensions.json, or 20 s; sets $state to "active", "inactive" or
# "absent". (Not in a subshell, so that the trap can stop Firefox.)
run_firefox() {
  local profile="$1" i
  state=absent
  mkdir -p "$profile" "$tmp/home"
  HOME="$tmp/home" "$app/firefox-esr" --headless --no-remote --profile "$profile" about:blank >"$tmp/firefox.log" 2>&1 &
  firefox_pid=$!
  for i in $(seq 1 40); do
    sleep 0.5
    [ -f "$profile/extensions.json" ] || continue
    state="$(node -e '
      const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const a = j.addons.find(a => a.id === process.argv[2]);
      console.log(a ? (a.active ? "active" : "inactive") : "absent");' "$profile/extensions.json" "$addon_id" 2>/dev/null || echo absent)"
    [ "$state" = active ] && break
  done
  kill "$firefox_pid" 2>/dev/null || true
  wait "$firefox_pid" 2>/dev/null || true
  firefox_pid=""
}

# Another policy already in the file: it must survive.
printf '{"policies": {"DisableTelemetry": true}}\n' > "$policies"
sh "$repo/scripts/firefox-policy.sh" --file "$policies" --xpi "$xpi" >/dev/null
if node -e '
  const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).policies;
  const e = p.ExtensionSettings[process.argv[2]];
  if (p.DisableTelemetry !== true) throw new Error("lost DisableTelemetry");
  if (e.installation_mode !== "normal_installed") throw new Error("mode " + e.installation_mode);
  if (e.install_url !== "file://" + encodeURI(process.argv[3])) throw new Error("url " + e.install_url);
  if (p.Preferences["xpinstall.signatures.required"].Value !== false) throw new Error("pref");
' "$policies" "$addon_id" "$xpi"; then pass "the policy is added, the other policy kept"; else fail "the policy is added, the other policy kept"; fi

run_firefox "$tmp/profile"
[ "$state" = active ] && pass "Firefox ESR installs the unsigned add-on from the policy" \
  || { tail -5 "$tmp/firefox.log"; fail "Firefox ESR installs the unsigned add-on from the policy (it is $state)"; }
run_firefox "$tmp/profile"
[ "$state" = active ] && pass "and it is still there after a restart" || fail "and it is still there after a restart (it is $state)"

# Without the Preferences entry, the signature requirement stays and the
# unsigned add-on is not installed: the entry is what makes it work.
node -e '
  const fs = require("fs");
  const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  delete d.policies.Preferences;
  fs.writeFileSync(process.argv[1], JSON.stringify(d));' "$policies"
run_firefox "$tmp/profile-signed-only"
[ "$state" != active ] && pass "without the Preferences entry the unsigned add-on is refused" \
  || fail "without the Preferences entry the unsigned add-on is refused (it is $state)"

sh "$repo/scripts/firefox-policy.sh" --file "$policies" --xpi "$xpi" >/dev/null
sh "$repo/scripts/firefox-policy.sh" --file "$policies" --remove >/dev/null
if [ "$(node -e 'console.log(JSON.stringify(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))))' "$policies")" \
     = '{"policies":{"DisableTelemetry":true}}' ]; then
  pass "--remove leaves the other policy alone"
else
  fail "--remove leaves the other policy alone: $(cat "$policies")"
fi
rm "$policies"
sh "$repo/scripts/firefox-policy.sh" --file "$policies" --xpi "$xpi" >/dev/null
sh "$repo/scripts/firefox-policy.sh" --file "$policies" --remove >/dev/null
[ ! -e "$policies" ] && pass "--remove deletes a file that held only oneself's policy" \
  || fail "--remove deletes a file that held only oneself's policy"
printf 'not json' > "$policies"
if sh "$repo/scripts/firefox-policy.sh" --file "$policies" --xpi "$xpi" 2>"$tmp/err"; then
  fail "a policies.json that is not JSON is refused"
elif grep -q "is not valid JSON" "$tmp/err" && [ "$(cat "$policies")" = "not json" ]; then
  pass "a policies.json that is not JSON is refused and left as it was"
else
  fail "a policies.json that is not JSON is refused and left as it was: $(cat "$tmp/err")"
fi

[ "$failures" = 0 ] || { echo "$failures check(s) failed"; exit 1; }
echo "all checks passed"
