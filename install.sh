#!/usr/bin/env bash
# Sets up oneself: installs missing build dependencies, builds, installs the
# `oneself` binary, registers it as the native messaging host
# `org.oneself.host` with every browser found, and creates the profile store.
# Running it twice changes nothing. See --help.
set -euo pipefail
umask 022

readonly HOST_NAME=org.oneself.host
readonly EXTENSION_ID=obejlgbmhghechkgdgmjlheaeplnmalh
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
  cat <<'EOF'
Usage: ./install.sh [options]

Installs dependencies (apt-get), builds oneself (Release), installs the
`oneself` binary, writes the host manifest org.oneself.host.json for every
browser found, creates the profile store if absent, and tells you how to load
the extension. For Chromium (with node and zip to pack it) it also registers
the packed extension in ~/.config/chromium/External Extensions, so that
Chromium installs it at its next start, without developer mode.

Options:
  --prefix DIR   install the binary into DIR (default: ~/.local/bin;
                 with --system: /usr/local/bin)
  --system       register the host system-wide for all users (needs root);
                 creates no profile store: each user runs `oneself init`
  --browser-dir DIR
                 also register with the browser whose folder is DIR: a
                 Chromium-family profile started with --user-data-dir=DIR or
                 installed in an unusual place (the manifest goes into
                 DIR/NativeMessagingHosts), or a Firefox-family folder holding
                 profiles.ini or native-messaging-hosts (the manifest goes
                 into DIR/native-messaging-hosts). Repeatable; remembered in
                 ~/.config/oneself/browser-dirs, where `oneself doctor` and
                 --uninstall find them
  --uninstall    remove every host manifest written by this script and the
                 `oneself` binary each one names, then the binary in the
                 prefix, and the folders install made for the manifests when
                 empty (never one that was there before); the profile store
                 and the log are kept. Pass the same --prefix and --system as
                 when installing
  --demo         build, then run the demo (demo/run.sh): a throwaway browser
                 profile and store, never your own. Needs Node.js 20 or later
                 and Chromium or Chrome (installed with apt-get unless
                 --no-deps; a Node older than 20 stops it before the build)
  --headless     with --demo: no window; print what each page shows and exit
                 (for a machine without a display)
  --no-deps      do not install missing packages
  --no-build     do not build; install the binary already in the build dir
  -h, --help     show this help

Environment:
  ONESELF_BUILD_DIR        build directory (default: build)
  ONESELF_HOME             profile store (default: $XDG_DATA_HOME/oneself or
                           ~/.local/share/oneself)
  ONESELF_DETECT_BY_PATH=0 find browsers by their config folder only, not by
                           a browser program on PATH (used by the tests)
EOF
}

say() { printf '%s\n' "$*"; }
warn() { printf 'install.sh: %s\n' "$*" >&2; }
die() { warn "$*"; exit 1; }

prefix=""
system=0
extra_dirs=()
action=install
deps=1
build=1
demo_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix)
      [ $# -ge 2 ] || die "--prefix needs a directory"
      prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --system) system=1; shift ;;
    --browser-dir)
      [ $# -ge 2 ] || die "--browser-dir needs a folder"
      extra_dirs+=("$2"); shift 2 ;;
    --browser-dir=*) extra_dirs+=("${1#--browser-dir=}"); shift ;;
    --uninstall) action=uninstall; shift ;;
    --demo) action=demo; shift ;;
    --headless) demo_args+=(--headless); shift ;;
    --no-deps) deps=0; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done

[ -n "${HOME:-}" ] || die "HOME is not set"
if [ "${#demo_args[@]}" -gt 0 ] && [ "$action" != demo ]; then
  die "--headless goes with --demo (./install.sh --demo --headless)"
fi
if [ "$system" = 1 ] && [ "$(id -u)" -ne 0 ]; then
  die "--system writes into system folders: run it as root (sudo ./install.sh --system)"
fi
if [ -z "$prefix" ]; then
  if [ "$system" = 1 ]; then prefix=/usr/local/bin; else prefix="$HOME/.local/bin"; fi
fi
# The shell expands ~ only at the start of a word: --prefix=~/bin reaches us
# with the ~ still in it.
case "$prefix" in
  "~") prefix="$HOME" ;;
  "~/"*) prefix="$HOME/${prefix#"~/"}" ;;
  "~"*) die "--prefix $prefix: write the folder out in full" ;;
esac
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac
case "$prefix" in *[[:cntrl:]]*) die "--prefix contains a control character" ;; esac
binary="${prefix%/}/oneself"

build_dir="${ONESELF_BUILD_DIR:-build}"
case "$build_dir" in /*) ;; *) build_dir="$repo_root/$build_dir" ;; esac
built_binary="$build_dir/host/oneself"

# --- Where each browser looks ------------------------------------------------
# One record per browser: id|family|found-if-this-folder-exists|manifest folder|programs
# The family decides the manifest template (allowed_origins or
# allowed_extensions). host/src/cli/doctor.cpp checks the same folders.
browsers=()
os="$(uname -s)"
if [ "$os" = Darwin ]; then
  if [ "$system" = 1 ]; then
    browsers=(
      "Google Chrome|chromium|/Applications/Google Chrome.app|/Library/Google/Chrome/NativeMessagingHosts|"
      "Chromium|chromium|/Applications/Chromium.app|/Library/Application Support/Chromium/NativeMessagingHosts|"
      "Microsoft Edge|chromium|/Applications/Microsoft Edge.app|/Library/Microsoft/Edge/NativeMessagingHosts|"
      "Firefox|firefox|/Applications/Firefox.app|/Library/Application Support/Mozilla/NativeMessagingHosts|"
    )
  else
    as="$HOME/Library/Application Support"
    browsers=(
      "Google Chrome|chromium|$as/Google/Chrome|$as/Google/Chrome/NativeMessagingHosts|"
      "Chromium|chromium|$as/Chromium|$as/Chromium/NativeMessagingHosts|"
      "Brave|chromium|$as/BraveSoftware/Brave-Browser|$as/BraveSoftware/Brave-Browser/NativeMessagingHosts|"
      "Microsoft Edge|chromium|$as/Microsoft Edge|$as/Microsoft Edge/NativeMessagingHosts|"
      "Vivaldi|chromium|$as/Vivaldi|$as/Vivaldi/NativeMessagingHosts|"
      "Firefox|firefox|$as/Firefox|$as/Mozilla/NativeMessagingHosts|"
      "LibreWolf|firefox|$as/librewolf|$as/LibreWolf/NativeMessagingHosts|"
    )
  fi
else
  if [ "$system" = 1 ]; then
    # The one list of system-wide folders, shared with `oneself doctor
    # --system` and the Debian package.
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in ''|'#'*) continue ;; esac
      browsers+=("$line")
    done < "$repo_root/manifest/system-folders.txt"
  else
    cfg="${XDG_CONFIG_HOME:-$HOME/.config}"
    # Chromium-family browsers read $XDG_CONFIG_HOME; Firefox and LibreWolf
    # use fixed dot folders in HOME.
    browsers=(
      "Google Chrome|chromium|$cfg/google-chrome|$cfg/google-chrome/NativeMessagingHosts|google-chrome google-chrome-stable"
      "Chromium|chromium|$cfg/chromium|$cfg/chromium/NativeMessagingHosts|chromium chromium-browser"
      "Brave|chromium|$cfg/BraveSoftware/Brave-Browser|$cfg/BraveSoftware/Brave-Browser/NativeMessagingHosts|brave-browser brave"
      "Microsoft Edge|chromium|$cfg/microsoft-edge|$cfg/microsoft-edge/NativeMessagingHosts|microsoft-edge microsoft-edge-stable"
      "Vivaldi|chromium|$cfg/vivaldi|$cfg/vivaldi/NativeMessagingHosts|vivaldi vivaldi-stable"
      "Firefox|firefox|$HOME/.mozilla|$HOME/.mozilla/native-messaging-hosts|firefox firefox-esr"
      "LibreWolf|firefox|$HOME/.librewolf|$HOME/.librewolf/native-messaging-hosts|librewolf"
    )
    # Browsers in a Flatpak or Snap sandbox (the one list, shared with
    # `oneself doctor`). The sixth field says how the host is reached.
    while IFS='|' read -r kind app name family folder || [ -n "$kind" ]; do
      case "$kind" in flatpak|snap) ;; *) continue ;; esac
      if [ "$kind" = flatpak ]; then
        browsers+=("$name|$family|$HOME/.var/app/$app|$HOME/$folder||flatpak:$app")
      elif [ "$folder" = - ]; then
        browsers+=("$name|$family|$HOME/snap/$app|||unsupported")
      else
        browsers+=("$name|$family|$HOME/snap/$app|$HOME/$folder||portal")
      fi
    done < "$repo_root/manifest/sandboxed-browsers.txt"
  fi
fi

# --- Folders given with --browser-dir, and those given before ----------------
# Remembered so that a later run, `oneself doctor` and --uninstall find them.
browser_dirs_file="${XDG_CONFIG_HOME:-$HOME/.config}/oneself/browser-dirs"
# browser_dir_record DIR: the browsers record for a --browser-dir folder.
browser_dir_record() {
  local dir="$1"
  if [ -f "$dir/profiles.ini" ] || [ -d "$dir/native-messaging-hosts" ]; then
    printf '%s\n' "$dir (--browser-dir)|firefox|$dir|$dir/native-messaging-hosts|"
  else
    printf '%s\n' "$dir (--browser-dir)|chromium|$dir|$dir/NativeMessagingHosts|"
  fi
}
known_dirs=()
if [ "$system" = 0 ] && [ -f "$browser_dirs_file" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in /*) known_dirs+=("$line") ;; esac
  done < "$browser_dirs_file"
fi
for d in ${extra_dirs[@]+"${extra_dirs[@]}"}; do
  [ "$system" = 0 ] || die "--browser-dir is per user: leave out --system"
  case "$d" in "~/"*) d="$HOME/${d#"~/"}" ;; esac
  case "$d" in /*) ;; *) d="$PWD/$d" ;; esac
  case "$d" in *[[:cntrl:]]*|*'|'*) die "--browser-dir $d: a control character or | in the name" ;; esac
  d="${d%/}"
  [ -d "$d" ] || [ "$action" = uninstall ] || die "--browser-dir $d: no such folder (start the browser with it once, or check the name)"
  seen=0
  for k in ${known_dirs[@]+"${known_dirs[@]}"}; do [ "$k" = "$d" ] && seen=1; done
  [ "$seen" = 1 ] || known_dirs+=("$d")
done
for d in ${known_dirs[@]+"${known_dirs[@]}"}; do
  browsers+=("$(browser_dir_record "$d")")
done

browser_found() {  # browser_found CONFIG_DIR "PROGRAMS"
  local config_dir="$1" programs="$2" p
  [ -d "$config_dir" ] && return 0
  if [ "${ONESELF_DETECT_BY_PATH:-1}" != 0 ]; then
    for p in $programs; do
      command -v "$p" >/dev/null 2>&1 && return 0
    done
  fi
  return 1
}

# --- Atomic writes ------------------------------------------------------------
# The wanted content is made in a private scratch folder and compared with the
# target first: a target that is already right is left alone, and its folder
# is not touched either, so a second run changes nothing (not even an mtime).
# Otherwise the content goes to a fresh temporary file in the target's folder
# (mktemp creates it exclusively, so a planted file or link there cannot be
# written through), is synced, and is renamed over the target. rename(2)
# replaces a symlink at the target itself, never the file it points to.
#
# These functions also run where `set -e` does not apply (as the condition of
# an `if`), so every step checks its own status.
sync_path() { sync "$1" 2>/dev/null || true; }
file_mode() { stat -c %a "$1" 2>/dev/null || stat -f %Lp "$1"; }
if [ "$os" = Darwin ]; then mv_no_follow=-h; else mv_no_follow=-T; fi

scratch=""
make_scratch() {
  scratch="$(mktemp -d "${TMPDIR:-/tmp}/oneself-install.XXXXXX")" \
    || die "cannot create a temporary folder in ${TMPDIR:-/tmp}"
  trap 'rm -rf "$scratch"' EXIT
}

# is_current WANTED TARGET MODE: TARGET is a plain file with WANTED's bytes and MODE.
is_current() {
  [ -f "$2" ] && [ ! -L "$2" ] && cmp -s "$1" "$2" && [ "$(file_mode "$2")" = "$3" ]
}

# blocking_folder DIR: DIR if it exists, else its deepest existing parent:
# the folder whose permissions decide whether DIR can be written.
blocking_folder() {
  local dir="$1"
  while [ ! -e "$dir" ] && [ "$dir" != / ] && [ "$dir" != . ]; do dir="$(dirname "$dir")"; done
  printf '%s\n' "$dir"
}

# put WANTED TARGET MODE: puts WANTED's bytes at TARGET. Sets $placed to
# "unchanged", "written" or "replaced a symlink"; on failure sets $why_folder
# and $why (the system's reason) and returns 1.
put() {
  local wanted="$1" target="$2" mode="$3" dir out tmp was_link=0
  dir="$(dirname "$target")"
  placed="" why="" why_folder=""
  if is_current "$wanted" "$target" "$mode"; then
    placed=unchanged
    return 0
  fi
  [ -L "$target" ] && was_link=1
  if [ -d "$target" ] && [ "$was_link" = 0 ]; then
    why_folder="$target" why="a folder is in the way; move it away"
    return 1
  fi
  if ! out="$(mkdir -p -- "$dir" 2>&1)" || ! out="$(mktemp "$dir/.${target##*/}.XXXXXX" 2>&1)"; then
    why_folder="$(blocking_folder "$dir")" why="${out##*: }"
    return 1
  fi
  tmp="$out"
  if ! out="$( { cp -- "$wanted" "$tmp" && chmod "$mode" "$tmp"; } 2>&1)"; then
    rm -f -- "$tmp"
    why_folder="$dir" why="${out##*: }"
    return 1
  fi
  sync_path "$tmp"
  # -T (GNU) / -h (BSD): a symlink to a folder at the target is replaced, not
  # entered.
  if ! out="$(mv -f "$mv_no_follow" -- "$tmp" "$target" 2>&1)"; then
    rm -f -- "$tmp"
    why_folder="$dir" why="${out##*: }"
    return 1
  fi
  sync_path "$dir"
  if [ "$was_link" = 1 ]; then placed="replaced a symlink"; else placed=written; fi
}

in_list() {  # in_list ITEM LIST...: ITEM is one of LIST
  local item="$1" each
  shift
  for each in "$@"; do [ "$each" = "$item" ] && return 0; done
  return 1
}

# --- Folders install.sh makes -------------------------------------------------
# A manifest folder may already exist, empty, belonging to a browser package
# (/etc/chromium/native-messaging-hosts) or to the user; or install may have
# to make it, with the folders above it, for a browser found only on PATH
# (~/.config/vivaldi/NativeMessagingHosts). So install records what it makes:
# when it has to make a manifest folder, it first writes a marker file into it
# listing that folder and each folder above it that it made. --uninstall
# removes only folders some marker lists, and only when they are empty; a
# folder no marker lists is never removed. The marker is not a .json file, so
# the browsers, which read $HOST_NAME.json by name, never look at it.
readonly MARKER=".$HOST_NAME.folders"

# new_folders DIR: DIR and each folder above it that does not exist yet,
# deepest first (nothing if DIR exists).
new_folders() {
  local dir="$1"
  while [ ! -e "$dir" ] && [ ! -L "$dir" ] && [ "$dir" != / ] && [ "$dir" != . ]; do
    printf '%s\n' "$dir"
    dir="$(dirname "$dir")"
  done
}

# marked_folders DIR: the folders DIR's marker lists that are DIR or above
# it (any other line is ignored: a marker names nothing else to remove).
marked_folders() {
  local dir="$1" marker="$1/$MARKER" line
  [ -f "$marker" ] && [ ! -L "$marker" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in /?*) ;; *) continue ;; esac
    if [ "$line" = "$dir" ] || [ "${dir#"$line"/}" != "$dir" ]; then
      printf '%s\n' "$line"
    fi
  done < "$marker"
}

# --- Manifests ------------------------------------------------------------------
# make_manifest FAMILY BINARY OUT: the manifest install.sh writes, into OUT.
make_manifest() {
  cmake -DFAMILY="$1" -DBINARY="$2" -DOUT="$3" \
    -P "$repo_root/scripts/host-manifest.cmake" >/dev/null
}

# manifest_binary FILE: the "path" a manifest names (empty if none). Only
# good for a manifest this script wrote: one "path" line, and JSON escapes
# no other than \" and \\ (control characters are refused in --prefix).
manifest_binary() {
  [ -f "$1" ] && [ ! -L "$1" ] || return 0
  sed -n 's/^[[:space:]]*"path"[[:space:]]*:[[:space:]]*"\(.*\)"[[:space:]]*,\{0,1\}[[:space:]]*$/\1/p' "$1" 2>/dev/null \
    | head -n 1 | sed 's/\\\(.\)/\1/g'
}

# our_binary FAMILY MANIFEST: prints the binary MANIFEST names when MANIFEST
# is byte for byte what this script writes for a program named `oneself`;
# nothing otherwise. Only such a binary is ever removed on the manifest's word.
our_binary() {
  local family="$1" manifest="$2" path
  path="$(manifest_binary "$manifest")"
  case "$path" in /*/oneself) ;; *) return 0 ;; esac
  make_manifest "$family" "$path" "$scratch/expected.json" 2>/dev/null || return 0
  cmp -s "$scratch/expected.json" "$manifest" && printf '%s\n' "$path"
  return 0
}

# --- Steps ----------------------------------------------------------------------
install_deps() {
  [ "$deps" = 1 ] || return 0
  "$repo_root/scripts/deps.sh"
}

build_binary() {
  if [ "$build" = 1 ]; then
    say "Building oneself (Release) in $build_dir"
    cmake -S "$repo_root" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build_dir" --target oneself -j2
  fi
  [ -x "$built_binary" ] || die "no built binary at $built_binary (build it, or drop --no-build)"
}

# Root without --system installs for root alone; into someone else's HOME
# (sudo -E) it would leave them root-owned folders they cannot write.
check_root_home() {
  [ "$(id -u)" -eq 0 ] && [ "$system" = 0 ] || return 0
  local owner
  owner="$(stat -c %u "$HOME" 2>/dev/null || stat -f %u "$HOME" 2>/dev/null || echo 0)"
  if [ "$owner" != 0 ]; then
    die "you are root, but HOME ($HOME) belongs to another user: what root writes there, that user could not change. Run ./install.sh as that user (no sudo), or sudo ./install.sh --system for every user"
  fi
  warn "running as root without --system: the binary, the manifests and the profile store go under $HOME, for root's own browsers only. For your own account run ./install.sh without sudo; for every user, sudo ./install.sh --system"
}

install_binary() {
  if ! put "$built_binary" "$binary" 755; then
    warn "cannot install the binary into $prefix: $why_folder: $why"
    if [ "$system" = 1 ]; then
      die "fix that folder, or choose another with --prefix DIR"
    fi
    die "choose a folder you can write with --prefix DIR (the default is ~/.local/bin), or install for every user with sudo ./install.sh --system"
  fi
  say "  oneself binary: $binary ($placed)"
}

found_any=0
failed_browsers=()
other_copies=()
flatpak_apps=()
unsupported_browsers=()
portal_browsers=()
write_manifests() {
  local record name family config_dir dir programs reach target old made source app wrapper
  make_manifest chromium "$binary" "$scratch/chromium.json" \
    || die "could not make the host manifest (scripts/host-manifest.cmake failed)"
  make_manifest firefox "$binary" "$scratch/firefox.json" \
    || die "could not make the host manifest (scripts/host-manifest.cmake failed)"
  for record in "${browsers[@]}"; do
    IFS='|' read -r name family config_dir dir programs reach <<<"$record"
    browser_found "$config_dir" "$programs" || continue
    found_any=1
    source="$scratch/$family.json"
    case "$reach" in
      unsupported)
        unsupported_browsers+=("$name")
        continue ;;
      portal) portal_browsers+=("$name") ;;
      flatpak:*)
        app="${reach#flatpak:}"
        if ! wrapper="$(write_flatpak_wrapper "$app")"; then
          failed_browsers+=("$name")
          continue
        fi
        source="$scratch/flatpak-$app.json"
        make_manifest "$family" "$wrapper" "$source" \
          || die "could not make the host manifest (scripts/host-manifest.cmake failed)"
        flatpak_apps+=("$app") ;;
    esac
    target="$dir/$HOST_NAME.json"
    old="$(manifest_binary "$target")"
    if [ -z "$reach" ] && [ -n "$old" ] && [ "$old" != "$binary" ] && [ "${old##*/}" = oneself ] && [ -f "$old" ] \
       && ! in_list "$old" ${other_copies[@]+"${other_copies[@]}"}; then
      other_copies+=("$old")
    fi
    # The marker goes in first, so that a folder made here is on record even
    # if the manifest then cannot be written.
    made="$(new_folders "$dir")"
    if [ -n "$made" ]; then
      { printf '# %s\n' "./install.sh made these folders for $HOST_NAME.json;" \
                        "./install.sh --uninstall removes each of them that is empty."
        printf '%s\n' "$made"; } > "$scratch/marker"
    fi
    if { [ -z "$made" ] || put "$scratch/marker" "$dir/$MARKER" 644; } \
       && put "$source" "$target" 644; then
      say "  $name: $target ($placed)"
    else
      warn "$name: cannot write its host manifest into $dir ($why_folder: $why)"
      if [ "$why" = "Permission denied" ]; then
        warn "  fix: sudo chown -R \"\$(id -un)\" $(printf %q "$why_folder"), then run ./install.sh again"
      fi
      failed_browsers+=("$name")
    fi
  done
  remember_browser_dirs
}

# write_flatpak_wrapper APP: puts the wrapper a Flatpak browser starts inside
# its sandbox, ~/.var/app/APP/oneself/oneself, which starts this binary
# outside it; prints its path. The browser can read and run it because the
# sandbox sees its own ~/.var/app/APP. It is named oneself, like the host.
write_flatpak_wrapper() {
  local app="$1" wrapper="$HOME/.var/app/$1/oneself/oneself"
  { printf '%s\n' '#!/bin/sh' \
      "# Written by oneself's install.sh for the Flatpak $app, which runs it inside" \
      "# its sandbox: flatpak-spawn starts the oneself host outside, on the host." \
      "# It needs: flatpak override --user --talk-name=org.freedesktop.Flatpak $app"
    printf 'exec flatpak-spawn --host --watch-bus %q "$@"\n' "$binary"; } > "$scratch/wrapper-$app"
  if ! put "$scratch/wrapper-$app" "$wrapper" 755; then
    warn "$app: cannot write the Flatpak wrapper $wrapper ($why_folder: $why)"
    return 1
  fi
  printf '%s\n' "$wrapper"
}

# remember_browser_dirs: the --browser-dir folders, for the next run, doctor
# and --uninstall.
remember_browser_dirs() {
  [ "${#known_dirs[@]}" -gt 0 ] || return 0
  printf '%s\n' "${known_dirs[@]}" > "$scratch/browser-dirs"
  if ! put "$scratch/browser-dirs" "$browser_dirs_file" 644; then
    warn "cannot record the --browser-dir folders in $browser_dirs_file ($why_folder: $why): doctor and --uninstall will not know them"
  fi
}

store_dir() {
  if [ -n "${ONESELF_HOME:-}" ]; then echo "$ONESELF_HOME"
  elif [ -n "${XDG_DATA_HOME:-}" ]; then echo "$XDG_DATA_HOME/oneself"
  else echo "$HOME/.local/share/oneself"
  fi
}

store_failed=0
create_store() {
  local dir
  # The store is per user: root creating one in a user's HOME would own it.
  [ "$system" = 0 ] || return 0
  dir="$(store_dir)"
  if [ -f "$dir/profile.json" ]; then
    say "  profile store: $dir (kept)"
    return 0
  fi
  if "$binary" init >/dev/null; then
    say "  profile store: $dir (created)"
  else
    warn "\`$binary init\` failed: no profile store at $dir"
    store_failed=1
  fi
}

print_next_steps() {
  cat <<EOF

Now load the extension (it needs no build step):
  Chromium, Chrome, Brave, Edge, Vivaldi:
    open chrome://extensions, turn on Developer mode, click "Load unpacked"
    and choose $repo_root/extension
    Its id must read $EXTENSION_ID: the host answers that id only.
    (The Debian package installs it in Chromium and Chrome with no developer
    mode, and it stays: see docs/packaging.md.)
  Firefox, LibreWolf:
    open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on..."
    and choose $repo_root/extension/manifest.json
    A temporary add-on is gone when Firefox restarts: load it again each time,
    or install it for good where your Firefox allows it (listed below, when
    one is found; docs/packaging.md, "Firefox").

Check the set-up at any time with: $binary doctor
EOF
  if [ "$system" = 1 ]; then
    say ""
    say "No profile store was created: each user creates their own, once, as"
    say "themselves (not as root): $binary init"
  fi
  case ":$PATH:" in
    *":$prefix:"*|*":${prefix%/}:"*) ;;
    *) say ""
       say "Note: $prefix is not on your PATH. Add it, e.g.:"
       say "  echo 'export PATH=\"$prefix:\$PATH\"' >> ~/.profile" ;;
  esac
  if [ -n "${ONESELF_HOME:-}" ]; then
    # The same caveat `oneself doctor` prints.
    say ""
    say "Note: ONESELF_HOME is set in this shell; a browser starts the host with your"
    say "session's environment, so set it there too or the host uses another store."
  fi
  print_sandbox_notes
  print_firefox_notes
  if [ -n "$crx_note" ]; then say ""; say "$crx_note"; fi
  if [ "$crx_registered" = 1 ]; then
    say ""
    say "Chromium: restart it and it installs the extension by itself (no developer"
    say "mode needed); chrome://extensions then lists it as added by another program."
  fi
  local old
  for old in ${other_copies[@]+"${other_copies[@]}"}; do
    say ""
    say "Note: a manifest named another copy of oneself, which is left in place:"
    say "  $old"
    say "Remove it if nothing else uses it: rm $(printf %q "$old")"
  done
}

# --- The extension, packed, for Chromium ---------------------------------------
# Chromium builds read per-user external-extensions files from
# <config>/chromium/External Extensions/<id>.json: at its next start Chromium
# installs the .crx the file names, with the pinned id, and keeps it (no
# developer mode). Packing needs node and zip; without them this is skipped.
extension_share="${XDG_DATA_HOME:-$HOME/.local/share}/oneself-extension"
external_file="${XDG_CONFIG_HOME:-$HOME/.config}/chromium/External Extensions/$EXTENSION_ID.json"
crx_note=""
crx_registered=0
install_crx() {
  [ "$system" = 0 ] && [ "$os" != Darwin ] || return 0
  browser_found "${XDG_CONFIG_HOME:-$HOME/.config}/chromium" "chromium chromium-browser" || return 0
  if ! command -v node >/dev/null 2>&1 || ! command -v zip >/dev/null 2>&1; then
    crx_note="Chromium: to install the extension without developer mode, install node and zip and run ./install.sh again (it packs the extension)."
    return 0
  fi
  local version crx
  version="$(node -p "require('$repo_root/extension/manifest.json').version")" || return 0
  if ! sh "$repo_root/scripts/package-extension.sh" "$scratch/dist" >/dev/null 2>"$scratch/pack.err"; then
    warn "could not pack the extension for Chromium: $(tail -n 1 "$scratch/pack.err")"
    return 0
  fi
  crx="$extension_share/oneself.crx"
  printf '{\n  "external_crx": "%s",\n  "external_version": "%s"\n}\n' "$crx" "$version" > "$scratch/external.json"
  # A folder made here is put on record, as for the manifests (see new_folders).
  local made
  made="$(new_folders "${external_file%/*}")"
  if [ -n "$made" ]; then
    { printf '# %s\n' "./install.sh made these folders for $EXTENSION_ID.json;" \
                      "./install.sh --uninstall removes each of them that is empty."
      printf '%s\n' "$made"; } > "$scratch/crx-marker"
  fi
  if put "$scratch/dist/oneself-$version.crx" "$crx" 644 \
     && { [ -z "$made" ] || put "$scratch/crx-marker" "${external_file%/*}/$MARKER" 644; } \
     && put "$scratch/external.json" "$external_file" 644; then
    say "  Chromium extension: $external_file ($placed; Chromium installs $crx at its next start)"
    crx_registered=1
  else
    warn "Chromium: cannot write $why_folder: $why; load the extension unpacked instead"
  fi
}

# What a browser in a sandbox still needs, said plainly.
print_sandbox_notes() {
  local app name
  for app in ${flatpak_apps[@]+"${flatpak_apps[@]}"}; do
    say ""
    say "Flatpak $app: its manifest names a wrapper that starts oneself outside the"
    say "sandbox with flatpak-spawn. Allow that once (then restart the browser):"
    say "  flatpak override --user --talk-name=org.freedesktop.Flatpak $app"
  done
  for name in ${portal_browsers[@]+"${portal_browsers[@]}"}; do
    say ""
    say "$name starts oneself through the desktop portal (xdg-desktop-portal 1.18 or"
    say "later, or Ubuntu's): it reads the manifest in ~/.mozilla/native-messaging-hosts."
    say "If it still says \"No such native application\", check in about:config that"
    say "widget.use-xdg-desktop-portal.native-messaging is 1."
  done
  for name in ${unsupported_browsers[@]+"${unsupported_browsers[@]}"}; do
    say ""
    warn "$name cannot start oneself: a Chromium-family browser in a Snap has no way to"
    warn "  start a program outside its sandbox. Use the browser from a .deb package or"
    warn "  from Flathub (see docs/troubleshooting.md)."
  done
}

# Which Firefox builds on this machine take the extension how: release Firefox
# installs signed add-ons only; ESR, Developer Edition, Nightly and LibreWolf
# honour xpinstall.signatures.required=false and the enterprise policy.
print_firefox_notes() {
  local found=()
  [ -d /usr/lib/firefox-esr ] && found+=("Firefox ESR (/usr/lib/firefox-esr): allows an unsigned add-on; see docs/packaging.md, \"Firefox\"")
  [ -d /usr/lib/firefox ] || [ -d /opt/firefox ] || [ -d "$HOME/snap/firefox" ] || [ -d "$HOME/.var/app/org.mozilla.firefox" ] \
    && found+=("Firefox (release): installs signed add-ons only; install oneself from addons.mozilla.org or the signed .xpi")
  [ -d /opt/firefox-developer-edition ] || [ -d /usr/lib/firefox-developer-edition ] \
    && found+=("Firefox Developer Edition: allows an unsigned add-on with xpinstall.signatures.required=false")
  [ -d /opt/firefox-nightly ] || [ -d /usr/lib/firefox-trunk ] \
    && found+=("Firefox Nightly: allows an unsigned add-on with xpinstall.signatures.required=false")
  [ -d "$HOME/.librewolf" ] || [ -d /usr/share/librewolf ] \
    && found+=("LibreWolf: allows an unsigned add-on with xpinstall.signatures.required=false")
  [ "${#found[@]}" -gt 0 ] || return 0
  say ""
  say "Firefox builds found, and what each allows:"
  local line
  for line in "${found[@]}"; do say "  $line"; done
}

# Problems come last, where they are seen.
finish_install() {
  local status=0
  if [ "$found_any" = 0 ]; then
    say ""
    warn "no browser found, so no browser was registered: the extension cannot reach oneself yet."
    warn "  Start your browser once (so that its profile folder exists), close it, and run ./install.sh again."
  fi
  if [ "${#failed_browsers[@]}" -gt 0 ]; then
    say ""
    local names
    names="$(printf '%s, ' "${failed_browsers[@]}")"
    warn "not registered with ${names%, } (see above); the rest is done. Fix that and run ./install.sh again."
    status=1
  fi
  if [ "$store_failed" = 1 ]; then
    warn "the profile store was not created; run \`oneself init\` to see why."
    status=1
  fi
  return "$status"
}

# remove FILE WHAT: removes FILE; on failure says why and returns 1.
remove() {
  local out
  if out="$(rm -f -- "$1" 2>&1)"; then
    say "  removed $1${2:+ ($2)}"
    return 0
  fi
  warn "cannot remove $1${2:+ ($2)}: ${out##*: }"
  if [ "${out##*: }" = "Permission denied" ]; then
    warn "  fix: sudo chown \"\$(id -un)\" $(printf %q "$(dirname "$1")"), then run ./install.sh --uninstall again"
  fi
  return 1
}

uninstall() {
  local record name family config_dir dir programs reach manifest marker path removed=0 failed=0
  local binaries=() kept_for=() made=() out
  # The packed extension and the file that makes Chromium install it (Chromium
  # uninstalls the extension when the file is gone); the folders install made
  # for it go with the manifests' below.
  if [ "$system" = 0 ]; then
    for path in "$external_file" "$extension_share/oneself.crx"; do
      [ -e "$path" ] || [ -L "$path" ] || continue
      if remove "$path"; then removed=1; else failed=1; fi
    done
    rmdir -- "$extension_share" 2>/dev/null || true   # ours by name
    marker="${external_file%/*}/$MARKER"
    if [ -f "$marker" ] && [ ! -L "$marker" ]; then
      while IFS= read -r path; do made+=("$path"); done < <(marked_folders "${external_file%/*}")
      rm -f -- "$marker"
    fi
  fi
  # Manifests first, so that none is left naming a removed binary. Every
  # folder, found or not: a browser removed since install still has our
  # manifest.
  for record in "${browsers[@]}"; do
    IFS='|' read -r name family config_dir dir programs reach <<<"$record"
    [ -n "$dir" ] || continue
    manifest="$dir/$HOST_NAME.json"
    if [ -e "$manifest" ] || [ -L "$manifest" ]; then
      path=""
      [ -L "$manifest" ] || path="$(our_binary "$family" "$manifest")"
      if remove "$manifest" "$name"; then
        removed=1
        [ -n "$path" ] && binaries+=("$path")
      else
        failed=1
        [ -n "$path" ] && kept_for+=("$path")
        continue   # the folder still serves that manifest: keep its marker
      fi
    fi
    # The folders install made for it (see new_folders), removed below.
    marker="$dir/$MARKER"
    [ -e "$marker" ] || [ -L "$marker" ] || continue
    while IFS= read -r path; do made+=("$path"); done < <(marked_folders "$dir")
    if ! out="$(rm -f -- "$marker" 2>&1)"; then
      warn "cannot remove $marker: ${out##*: }"
      failed=1
    fi
  done
  # Deepest first, so that a folder made above another is empty by its turn,
  # whichever browser's marker listed it. A folder that holds anything else
  # now (the browser's profile, another program's manifest) stays.
  if [ "${#made[@]}" -gt 0 ]; then
    while IFS= read -r path; do
      [ -d "$path" ] && [ ! -L "$path" ] || continue
      if rmdir -- "$path" 2>/dev/null; then
        say "  removed the empty folder $path (made by install.sh)"
        removed=1
      fi
    done < <(printf '%s\n' "${made[@]}" | sort -u | awk '{ print length($0) "\t" $0 }' | sort -rn | cut -f 2-)
  fi
  # Then the binaries: the prefix's, and each one a removed manifest named.
  # A binary a manifest still names stays, so that browser keeps working.
  local done_with=() b
  for b in "$binary" ${binaries[@]+"${binaries[@]}"}; do
    in_list "$b" ${done_with[@]+"${done_with[@]}"} && continue
    done_with+=("$b")
    [ -e "$b" ] || [ -L "$b" ] || continue
    if in_list "$b" ${kept_for[@]+"${kept_for[@]}"}; then
      warn "kept $b: a manifest that could not be removed still names it"
      continue
    fi
    if remove "$b"; then removed=1; else failed=1; fi
  done
  # The Flatpak wrappers' folders, once empty, and the --browser-dir record.
  for record in "${browsers[@]}"; do
    IFS='|' read -r name family config_dir dir programs reach <<<"$record"
    case "$reach" in
      flatpak:*)
        path="$HOME/.var/app/${reach#flatpak:}/oneself"
        if [ -d "$path" ] && [ ! -L "$path" ] && rmdir -- "$path" 2>/dev/null; then
          say "  removed the empty folder $path (made by install.sh)"
          removed=1
        fi ;;
    esac
  done
  if [ "$system" = 0 ] && [ -f "$browser_dirs_file" ]; then
    if remove "$browser_dirs_file" "the --browser-dir folders"; then removed=1; else failed=1; fi
    rmdir -- "${browser_dirs_file%/*}" 2>/dev/null || true   # only when nothing else is in it
  fi
  [ "$removed" = 1 ] || [ "$failed" = 1 ] || say "  nothing to remove"

  if [ "$system" = 1 ]; then
    say "Each user's profile store and log are kept."
  else
    local store state
    store="$(store_dir)"
    state="${XDG_STATE_HOME:-$HOME/.local/state}/oneself"
    [ -d "$store" ] && say "Your profile store is kept: $store (delete the folder if you want it gone)"
    [ -d "$state" ] && say "The host's log is kept: $state/oneself.log (delete the folder if you want it gone)"
  fi
  say "Remove the extension from your browser's extensions page."
  if [ "$failed" = 1 ]; then
    warn "some files could not be removed (see above); fix that and run ./install.sh --uninstall again."
    return 1
  fi
}

# The demo needs Node and a Chromium-family browser, which the build does not.
# Everything is checked before anything is installed or built, so that a Node
# too old for the demo's npm packages stops it at once, not after the build.
readonly NODE_MIN=20   # package.json "engines": { "node": ">=20" }

# node_die PROBLEM: says PROBLEM and how to get a Node new enough, then exits.
node_die() {
  warn "$1"
  die "  fix: install Node.js $NODE_MIN or later (https://nodejs.org/en/download, or your distribution's nodejs package where it is that new), so that \`node --version\` prints v$NODE_MIN or later, then run ./install.sh --demo again"
}

# major_version VERSION: the leading number of v20.1.0, 20.19.2+dfsg-1 or
# 1:20.19.2-1 (an epoch before the colon); empty if there is none.
major_version() {
  local v="${1#v}"
  case "$v" in *:*) v="${v#*:}" ;; esac
  v="${v%%[!0-9]*}"
  printf '%s\n' "$v"
}

# check_node: dies unless the `node` on PATH is Node.js $NODE_MIN or later.
check_node() {
  local where version major
  where="$(command -v node)"
  version="$(node --version 2>/dev/null)" || true
  version="${version%%$'\n'*}"
  major="$(major_version "$version")"
  if [ -z "$major" ]; then
    node_die "the demo needs Node.js $NODE_MIN or later; \`$where --version\` printed ${version:-nothing}, not a version"
  fi
  if [ "$major" -lt "$NODE_MIN" ]; then
    node_die "the demo needs Node.js $NODE_MIN or later; $where is $version"
  fi
}

demo_deps() {
  local missing=() sudo_cmd=() p have_browser=0 candidate major
  if command -v node >/dev/null 2>&1; then check_node; else missing+=(nodejs); fi
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  [ -x /usr/lib/chromium/chromium ] && have_browser=1
  for p in chromium chromium-browser google-chrome google-chrome-stable brave-browser microsoft-edge; do
    command -v "$p" >/dev/null 2>&1 && have_browser=1
  done
  if [ "$os" = Darwin ] && { [ -d "/Applications/Google Chrome.app" ] || [ -d /Applications/Chromium.app ]; }; then
    have_browser=1
  fi
  [ "$have_browser" = 1 ] || missing+=(chromium)
  [ "${#missing[@]}" -gt 0 ] || return 0
  if [ "$deps" = 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    die "the demo needs Node.js $NODE_MIN or later, npm and Chromium or Chrome; missing: ${missing[*]} (on Debian or Ubuntu: sudo apt-get install ${missing[*]}; where that nodejs is older than $NODE_MIN, get Node.js from https://nodejs.org/en/download)"
  fi
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need root to install: ${missing[*]} (no sudo found)"
    sudo_cmd=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  if in_list nodejs "${missing[@]}"; then
    # Many releases carry an older Node: refuse before installing it.
    candidate="$(LC_ALL=C apt-cache policy nodejs 2>/dev/null | sed -n 's/^ *Candidate: *//p')" || true
    candidate="${candidate%%$'\n'*}"
    major="$(major_version "$candidate")"
    if [ -z "$major" ]; then
      node_die "the demo needs Node.js $NODE_MIN or later, and apt-get has no nodejs package to install. Nothing was installed"
    fi
    if [ "$major" -lt "$NODE_MIN" ]; then
      node_die "the demo needs Node.js $NODE_MIN or later; apt-get would install nodejs $candidate. Nothing was installed"
    fi
  fi
  say "Installing what the demo needs: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
  if in_list nodejs "${missing[@]}"; then
    command -v node >/dev/null 2>&1 || node_die "apt-get installed nodejs, but there is no \`node\` on PATH"
    check_node
  fi
}

run_demo() {
  local demo="$repo_root/demo/run.sh"
  [ -f "$demo" ] || die "the demo is not in this checkout (no demo/run.sh)"
  demo_deps
  install_deps
  build_binary
  export ONESELF_BINARY="$built_binary"
  exec bash "$demo" ${demo_args[@]+"${demo_args[@]}"}
}

case "$action" in
  install)
    check_root_home
    install_deps
    build_binary
    make_scratch
    say "Installing oneself"
    install_binary
    write_manifests
    install_crx
    create_store
    print_next_steps
    finish_install
    ;;
  uninstall)
    make_scratch
    say "Uninstalling oneself"
    uninstall
    ;;
  demo)
    run_demo
    ;;
esac
