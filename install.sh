#!/usr/bin/env bash
# Sets up oneself: installs missing build dependencies, builds, installs the
# `oneself` binary, registers it as the native messaging host
# `org.oneself.host` with every browser found, and creates the profile store.
# Running it twice changes nothing. See --help.
set -euo pipefail
umask 022

readonly HOST_NAME=org.oneself.host
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
  cat <<'EOF'
Usage: ./install.sh [options]

Installs dependencies (apt-get), builds oneself (Release), installs the
`oneself` binary, writes the host manifest org.oneself.host.json for every
browser found, creates the profile store if absent, and tells you how to load
the extension.

Options:
  --prefix DIR   install the binary into DIR (default: ~/.local/bin;
                 with --system: /usr/local/bin)
  --system       register the host system-wide for all users (needs root)
  --uninstall    remove the binary and every host manifest written by this
                 script; the profile store is kept
  --demo         build, then run the demo (demo/run.sh): a throwaway browser
                 profile and store, never your own
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
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

prefix=""
system=0
action=install
deps=1
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix)
      [ $# -ge 2 ] || die "--prefix needs a directory"
      prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --system) system=1; shift ;;
    --uninstall) action=uninstall; shift ;;
    --demo) action=demo; shift ;;
    --no-deps) deps=0; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done

[ -n "${HOME:-}" ] || die "HOME is not set"
if [ "$system" = 1 ] && [ "$(id -u)" -ne 0 ]; then
  die "--system writes into system folders: run it as root (sudo ./install.sh --system)"
fi
if [ -z "$prefix" ]; then
  if [ "$system" = 1 ]; then prefix=/usr/local/bin; else prefix="$HOME/.local/bin"; fi
fi
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
    # Only the folders the browsers document; the others read per-user
    # folders only.
    browsers=(
      "Google Chrome|chromium|/opt/google/chrome|/etc/opt/chrome/native-messaging-hosts|google-chrome google-chrome-stable"
      "Chromium|chromium|/usr/lib/chromium|/etc/chromium/native-messaging-hosts|chromium chromium-browser"
      "Microsoft Edge|chromium|/opt/microsoft/msedge|/etc/opt/edge/native-messaging-hosts|microsoft-edge microsoft-edge-stable"
      "Firefox|firefox|/usr/lib/firefox-esr|/usr/lib/mozilla/native-messaging-hosts|firefox firefox-esr"
    )
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
  fi
fi

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
# Content goes to a fresh temporary file in the target's folder (mktemp
# creates it exclusively, so a planted file or link there cannot be written
# through), is synced, and is renamed over the target. rename(2) replaces a
# symlink at the target itself, never the file it points to. A target whose
# content is already right is left alone, so a second run changes nothing.
sync_path() { sync "$1" 2>/dev/null || true; }

# place TMP TARGET MODE: moves TMP into place unless TARGET already holds the
# same bytes. Prints "unchanged", "replaced a symlink" or "written".
place() {
  local tmp="$1" target="$2" mode="$3"
  if [ -f "$target" ] && [ ! -L "$target" ] && cmp -s "$tmp" "$target" \
     && [ "$(stat -c %a "$target" 2>/dev/null || stat -f %Lp "$target")" = "$mode" ]; then
    rm -f "$tmp"
    echo unchanged
    return 0
  fi
  local was_link=0
  [ -L "$target" ] && was_link=1
  if [ -d "$target" ] && [ "$was_link" = 0 ]; then
    rm -f "$tmp"
    die "$target is a folder; move it away and run again"
  fi
  chmod "$mode" "$tmp"
  sync_path "$tmp"
  # -T (GNU) / -h (BSD): a symlink to a folder at the target is replaced, not
  # entered.
  mv -f "$mv_no_follow" "$tmp" "$target"
  sync_path "$(dirname "$target")"
  if [ "$was_link" = 1 ]; then echo "replaced a symlink"; else echo written; fi
}

if [ "$os" = Darwin ]; then mv_no_follow=-h; else mv_no_follow=-T; fi

make_tmp() {  # make_tmp DIR NAME: an exclusive temporary file beside DIR/NAME
  mktemp "$1/.$2.XXXXXX"
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

install_binary() {
  mkdir -p "$prefix"
  local tmp result
  tmp="$(make_tmp "$prefix" oneself)"
  cp "$built_binary" "$tmp"
  result="$(place "$tmp" "$binary" 755)"
  say "  oneself binary: $binary ($result)"
}

write_manifests() {
  local record name family config_dir dir programs tmp result any=0
  for record in "${browsers[@]}"; do
    IFS='|' read -r name family config_dir dir programs <<<"$record"
    if ! browser_found "$config_dir" "$programs"; then
      continue
    fi
    any=1
    mkdir -p "$dir"
    tmp="$(make_tmp "$dir" "$HOST_NAME.json")"
    if ! cmake -DFAMILY="$family" -DBINARY="$binary" -DOUT="$tmp" \
         -P "$repo_root/scripts/host-manifest.cmake" >/dev/null; then
      rm -f "$tmp"
      die "could not write the host manifest for $name"
    fi
    result="$(place "$tmp" "$dir/$HOST_NAME.json" 644)"
    say "  $name: $dir/$HOST_NAME.json ($result)"
  done
  if [ "$any" = 0 ]; then
    say "  No browser found. Start your browser once (so its profile folder exists),"
    say "  then run ./install.sh again."
  fi
}

store_dir() {
  if [ -n "${ONESELF_HOME:-}" ]; then echo "$ONESELF_HOME"
  elif [ -n "${XDG_DATA_HOME:-}" ]; then echo "$XDG_DATA_HOME/oneself"
  else echo "$HOME/.local/share/oneself"
  fi
}

create_store() {
  local dir
  dir="$(store_dir)"
  if [ -f "$dir/profile.json" ]; then
    say "  profile store: $dir (kept)"
    return 0
  fi
  "$binary" init >/dev/null || die "\`$binary init\` failed"
  say "  profile store: $dir (created)"
}

print_next_steps() {
  cat <<EOF

Now load the extension (it needs no build step):
  Chromium, Chrome, Brave, Edge, Vivaldi:
    open chrome://extensions, turn on Developer mode, click "Load unpacked"
    and choose $repo_root/extension
  Firefox, LibreWolf:
    open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on..."
    and choose $repo_root/extension/manifest.json

Check the set-up at any time with: $binary doctor
EOF
  case ":$PATH:" in
    *":$prefix:"*|*":${prefix%/}:"*) ;;
    *) say ""
       say "Note: $prefix is not on your PATH. Add it, e.g.:"
       say "  echo 'export PATH=\"$prefix:\$PATH\"' >> ~/.profile" ;;
  esac
}

uninstall() {
  local record name family config_dir dir programs removed=0
  if [ -e "$binary" ] || [ -L "$binary" ]; then
    rm -f "$binary"
    say "  removed $binary"
    removed=1
  fi
  # Every folder, found or not: a browser removed since install still has our
  # manifest.
  for record in "${browsers[@]}"; do
    IFS='|' read -r name family config_dir dir programs <<<"$record"
    if [ -e "$dir/$HOST_NAME.json" ] || [ -L "$dir/$HOST_NAME.json" ]; then
      rm -f "$dir/$HOST_NAME.json"
      say "  removed $dir/$HOST_NAME.json ($name)"
      removed=1
    fi
  done
  [ "$removed" = 1 ] || say "  nothing to remove"
  say "Your profile store is kept: $(store_dir)"
  say "Remove the extension from your browser's extensions page."
}

run_demo() {
  local demo="$repo_root/demo/run.sh"
  [ -f "$demo" ] || die "the demo is not in this checkout (no demo/run.sh)"
  install_deps
  build_binary
  export ONESELF_BINARY="$built_binary"
  exec bash "$demo"
}

case "$action" in
  install)
    install_deps
    build_binary
    say "Installing oneself"
    install_binary
    write_manifests
    create_store
    print_next_steps
    ;;
  uninstall)
    say "Uninstalling oneself"
    uninstall
    ;;
  demo)
    run_demo
    ;;
esac
