#!/usr/bin/env bash
# File modes hold whatever the umask (issue 2 §3, issue 7): under umask 000
# (everything world-writable by default), 077 and 022, the store, the
# observations and the log folders are 0700 and every file in them (profile,
# journal, observations/<site>.json, oneself.log) is 0600. Each of them is
# made for real first: the CLI writes the store and the journal; a host
# started as Chromium starts it is sent a view-mode `check` (which records
# the site's observation) and an unknown verb (whose refusal is logged). A
# file or folder that should exist and does not fails the test.
#
#   file_modes.sh PATH/TO/oneself
set -euo pipefail
export LC_ALL=C  # ${#body} below counts bytes
bin="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
bad=0
# The extension the host answers, from the one list of allowed callers.
origin="$(grep -o 'chrome-extension://[a-p]*/' "$(dirname "${BASH_SOURCE[0]}")/../../manifest/allowed-callers.json" | head -n 1)"
[ -n "$origin" ] || { echo "file_modes: no Chromium origin in manifest/allowed-callers.json" >&2; exit 1; }

problem() { echo "file_modes: umask $u: $*" >&2; bad=1; }

# One native messaging frame: BODY after its length, 4 bytes little-endian.
frame() {
  local body="$1" n
  n=${#body}
  printf "\\$(printf %03o $((n & 255)))\\$(printf %03o $((n >> 8 & 255)))\\000\\000%s" "$body"
}

# want KIND PATH: PATH exists as a file (f) or folder (d).
want() {
  if [ "$1" = f ] && [ ! -f "$2" ]; then problem "no file ${2#"$tmp"/}"; fi
  if [ "$1" = d ] && [ ! -d "$2" ]; then problem "no folder ${2#"$tmp"/}"; fi
  return 0
}

# check_tree ROOT: ROOT and everything under it is 0700 (folders) or 0600.
check_tree() {
  local p mode want
  while IFS= read -r -d '' p; do
    mode="$(stat -c %a "$p")"
    if [ -d "$p" ]; then want=700; else want=600; fi
    [ "$mode" = "$want" ] || problem "${p#"$tmp"/} is $mode, want $want"
  done < <(find "$1" -print0)
}

for u in 000 077 022; do
  home="$tmp/u$u"
  mkdir -p "$home"
  export ONESELF_HOME="$home/store" XDG_STATE_HOME="$home/state" HOME="$home"
  (
    umask "$u"
    "$bin" init >/dev/null
    "$bin" set headline "Staff Software Engineer at Lumen Labs" >/dev/null
    {
      frame '{"id":1,"type":"hello","protocol":1}'
      frame '{"id":2,"type":"check","site":"linkedin","url":"https://www.linkedin.com/in/ada-whitfield/","mode":"view","fields":{"headline":"Sr. Software Engineer @ Lumen Labs"}}'
      frame '{"id":3,"type":"no.such.verb"}'
    } | "$bin" "$origin" >/dev/null 2>&1
  ) || problem "a command failed"
  want d "$ONESELF_HOME"
  # The synced layout: this machine's device folder and its local files.
  device=$(find "$ONESELF_HOME/devices" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | head -n 1)
  local_dir=$(find "$ONESELF_HOME/local" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | head -n 1)
  want d "$ONESELF_HOME/devices"
  want f "$device/journal.jsonl"
  want d "$device/observations"
  want f "$device/observations/linkedin.json"
  want f "$local_dir/device.json"
  want f "$local_dir/merged.json"
  want d "$XDG_STATE_HOME/oneself"
  want f "$XDG_STATE_HOME/oneself/oneself.log"
  [ -d "$ONESELF_HOME" ] && check_tree "$ONESELF_HOME"
  [ -d "$XDG_STATE_HOME/oneself" ] && check_tree "$XDG_STATE_HOME/oneself"
done

[ "$bad" = 0 ] && echo "file_modes: store, journal, observations and log modes hold under umask 000, 077 and 022"
exit "$bad"
