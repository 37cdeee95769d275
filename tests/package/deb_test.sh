#!/usr/bin/env bash
# The Debian package as a person meets it: built by the project's build, held
# to lintian, installed with dpkg over nothing, upgraded over an older build,
# used by real Chromium (the extension from its .crx through the external-
# extensions file, the host through the system-wide manifest) and real
# Firefox, removed and purged; then every path the package holds must be as
# it was before, and a user's store untouched.
#
# It installs into the real root (dpkg needs root): it refuses to start when
# anything it would install is already there, and purges what it installed
# whatever happens. Needs ONESELF_BUILD_DIR (CTest sets it). Exit 77: skipped
# (not root, or no dpkg/lintian).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${ONESELF_BUILD_DIR:?set ONESELF_BUILD_DIR to the build folder}"

fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
step() { printf '== %s\n' "$*"; }

[ "$(id -u)" = 0 ] || { echo "SKIP: dpkg -i needs root"; exit 77; }
for tool in dpkg dpkg-deb lintian cpack; do
  command -v "$tool" >/dev/null || { echo "SKIP: no $tool (scripts/deps.sh --test installs it)"; exit 77; }
done

# dpkg_run ARGS...: dpkg, waiting (up to 5 minutes) while another apt or
# dpkg holds the lock, which dpkg itself does not do.
dpkg_run() {
  local i out
  for i in $(seq 1 150); do
    if out="$(dpkg "$@" 2>&1)"; then return 0; fi
    case "$out" in *"lock"*) sleep 2 ;; *) printf '%s\n' "$out" >&2; return 1 ;; esac
  done
  printf '%s\n' "$out" >&2
  return 1
}

tmp="$(mktemp -d "${TMPDIR:-/tmp}/oneself-deb-test.XXXXXX")"
installed_by_us=0
cleanup() {
  if [ "$installed_by_us" = 1 ]; then
    dpkg_run --purge oneself || true
    while read -r mode uid gid p; do
      [ -e "$p" ] || { mkdir -p "$p" && chmod "$mode" "$p" && chown "$uid:$gid" "$p"; }
    done < "$tmp/unowned-empty-dirs" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# --- Build: this build's binary, packed twice (an older version, then this one).
step "building the package"
cmake --build "$build" --target oneself deb_files -j2 >/dev/null
version="$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\{0,1\}\([^")]*\).*/\1/p' "$build/CPackConfig.cmake" | head -n 1)"
[ -n "$version" ] || fail "no CPACK_PACKAGE_VERSION in $build/CPackConfig.cmake"
old_version="0.0.1"
(cd "$tmp" && cpack --config "$build/CPackConfig.cmake" -B "$tmp/old" -D CPACK_PACKAGE_VERSION="$old_version" >/dev/null)
(cd "$tmp" && cpack --config "$build/CPackConfig.cmake" -B "$tmp/new" >/dev/null)
old_deb="$(ls "$tmp"/old/oneself_"$old_version"_*.deb)"
new_deb="$(ls "$tmp"/new/oneself_"$version"_*.deb)"

# --- Lintian: no error or warning that is not overridden with a reason.
step "lintian $new_deb"
lintian --fail-on error,warning --display-info "$new_deb" | tee "$tmp/lintian.txt" \
  || fail "lintian found problems (above); fix them or override each in packaging/lintian-overrides with the reason"

# --- What the package holds, and the state of each of those paths before.
paths_of() { dpkg-deb --fsys-tarfile "$1" | tar -t | sed -e 's|^\./|/|' -e 's|/$||' | grep -v '^/\{0,1\}$'; }
{ paths_of "$old_deb"; paths_of "$new_deb"; } | sort -u > "$tmp/paths"
grep -qx /usr/bin/oneself "$tmp/paths" || fail "the package has no /usr/bin/oneself"
state_of() {  # one line per path: what is there (nothing, a folder, a file's hash, a link's target)
  local p
  while IFS= read -r p; do
    if [ -L "$p" ]; then printf '%s link %s\n' "$p" "$(readlink "$p")"
    elif [ -d "$p" ]; then printf '%s dir\n' "$p"
    elif [ -e "$p" ]; then printf '%s file %s\n' "$p" "$(sha256sum < "$p" | cut -c1-64)"
    else printf '%s absent\n' "$p"
    fi
  done < "$tmp/paths"
}
status="$(dpkg-query -W -f='${db:Status-Status}' oneself 2>/dev/null || true)"
[ -z "$status" ] || [ "$status" = not-installed ] \
  || fail "a package named oneself is already installed ($status): this test installs and purges its own; remove it first"
state_of > "$tmp/before"
# An empty folder no package owns (say /etc/opt, made by hand) becomes the
# package's, and dpkg removes it with the package: that is dpkg's rule, not
# something the package does. Such folders are noted here and put back after
# the purge, as they were.
while IFS= read -r p; do
  if [ -d "$p" ] && [ ! -L "$p" ] && [ -z "$(ls -A "$p")" ] && ! dpkg -S "$p" >/dev/null 2>&1; then
    printf '%s %s\n' "$(stat -c '%a %u %g' "$p")" "$p"
  fi
done < "$tmp/paths" > "$tmp/unowned-empty-dirs"
# Only folders may be there already (/usr/bin, /etc/chromium, ...): a file
# would be overwritten, and the test must not take what it cannot restore.
if grep -v -e ' absent$' -e ' dir$' "$tmp/before" > "$tmp/in-the-way"; then
  fail "these would be overwritten by the package; remove them first: $(cut -d' ' -f1 "$tmp/in-the-way" | tr '\n' ' ')"
fi

# A user's store, which no step of the package may touch.
user_home="$tmp/user"
mkdir -p "$user_home"
# What the person keeps: every file but the merged view, a cache of this
# machine's that any read may refresh (docs/store.md); `doctor` below reads.
store_state() {
  (cd "$user_home" && find . -not -name merged.json -printf '%p %m %s\n' | sort \
    && find . -type f -not -name merged.json -exec sha256sum {} + | sort)
}

# --- Install the older build, then upgrade over it.
step "dpkg -i $old_version, then $version over it"
installed_by_us=1
dpkg_run -i "$old_deb"
[ "$(dpkg-query -W -f='${Version}' oneself)" = "$old_version" ] || fail "the older build did not install"
HOME="$user_home" ONESELF_HOME="$user_home/store" /usr/bin/oneself init >/dev/null
HOME="$user_home" ONESELF_HOME="$user_home/store" /usr/bin/oneself set headline "Kept through every step" >/dev/null
chmod -R go-rwx "$user_home"
store_state > "$tmp/store-before"
dpkg_run -i "$new_deb"
[ "$(dpkg-query -W -f='${Version} ${db:Status-Status}' oneself)" = "$version installed" ] \
  || fail "the upgrade did not leave $version installed: $(dpkg-query -W -f='${Version} ${db:Status-Status}' oneself)"
dpkg --verify oneself || fail "dpkg --verify: installed files differ from the package"
# Every file of the new package is installed, nothing only the old one had is left.
paths_of "$new_deb" | sort -u > "$tmp/new-paths"
while IFS= read -r p; do
  [ -e "$p" ] || [ -L "$p" ] || fail "$p is in the package but not installed"
done < "$tmp/new-paths"
comm -23 "$tmp/paths" "$tmp/new-paths" | while IFS= read -r p; do
  grep -qx "$p absent" "$tmp/before" || continue
  [ ! -e "$p" ] && [ ! -L "$p" ] || fail "$p, only in the older build, is left after the upgrade"
done

# --- The installed pieces fit together.
step "doctor --system, the manifests and the extension files"
/usr/bin/oneself --version | grep -q "$version" || fail "oneself --version does not say $version"
HOME="$user_home" ONESELF_HOME="$user_home/store" /usr/bin/oneself doctor --system > "$tmp/doctor.txt" \
  || { cat "$tmp/doctor.txt"; fail "oneself doctor --system finds problems with what the package installed"; }
grep -q 'ok    Chromium: /etc/chromium/native-messaging-hosts/org.oneself.host.json' "$tmp/doctor.txt" \
  || { cat "$tmp/doctor.txt"; fail "doctor --system did not check Chromium's system manifest"; }
id="$(sed -n 's|.*"chrome-extension://\([a-p]*\)/".*|\1|p' "$repo/manifest/allowed-callers.json")"
[ -f "/usr/share/chromium/extensions/$id.json" ] || fail "no external-extensions file for $id"
node -e '
  const fs = require("fs");
  const entry = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  const manifest = JSON.parse(fs.readFileSync("/usr/share/oneself/extension/manifest.json", "utf8"));
  if (entry.external_crx !== "/usr/share/oneself/oneself.crx") throw new Error("external_crx is " + entry.external_crx);
  if (entry.external_version !== manifest.version) throw new Error("external_version " + entry.external_version + " is not the extension version " + manifest.version);
  if (!fs.statSync(entry.external_crx).isFile()) throw new Error("no .crx");
' "/usr/share/chromium/extensions/$id.json" || fail "the external-extensions file does not name the installed .crx"

# --- The browsers, against the installed host. Each scenario once (CI=1
# would run each three times; the browser label runs them that way already).
step "browser scenarios against the installed host"
(cd "$repo" && env -u CI ONESELF_E2E_INSTALLED=1 ONESELF_BINARY=/usr/bin/oneself \
  node --test --test-concurrency=1 tests/e2e/linkedin-edit.test.js tests/e2e/firefox.test.js) \
  || fail "the browser scenarios failed against the installed package"

# --- Remove, then purge: everything back as it was, the store untouched.
step "dpkg -r, dpkg -P"
dpkg_run -r oneself
# With no conffiles there is nothing to keep: dpkg forgets the package.
status="$(dpkg-query -W -f='${db:Status-Status}' oneself 2>/dev/null || true)"
[ -z "$status" ] || [ "$status" = not-installed ] \
  || fail "after dpkg -r the package is $status, not gone (it ships no conffiles)"
dpkg_run -P oneself
installed_by_us=0
while read -r mode uid gid p; do
  [ -e "$p" ] && continue
  echo "note: dpkg removed the empty folder $p, which no package owned; putting it back"
  mkdir -p "$p" && chmod "$mode" "$p" && chown "$uid:$gid" "$p"
done < "$tmp/unowned-empty-dirs"
state_of > "$tmp/after"
diff -u "$tmp/before" "$tmp/after" || fail "the paths above are not as they were before the package was installed"
store_state > "$tmp/store-after"
diff -u "$tmp/store-before" "$tmp/store-after" || fail "the user's store changed"
echo "ok: built, linted, installed, upgraded, used by Chromium and Firefox, removed and purged"
