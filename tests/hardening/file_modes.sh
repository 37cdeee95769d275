#!/usr/bin/env bash
# File modes hold whatever the umask (issue 2 §3, issue 7): under umask 000
# (everything world-writable by default) and 077, the store directory is
# 0700, every file the store, the journal and the log write is 0600, and no
# file the host creates is readable by anyone but its owner.
#
#   file_modes.sh PATH/TO/oneself
set -euo pipefail
bin="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
bad=0

check_tree() {  # root, label
  local root="$1" label="$2"
  [ -d "$root" ] || return 0
  while IFS= read -r -d '' p; do
    mode="$(stat -c %a "$p")"
    if [ -d "$p" ]; then
      want=700
    else
      want=600
    fi
    # Directories we did not make ourselves (the state root) may be wider;
    # only the ones named oneself and below are ours.
    case "$p" in
      */oneself|*/oneself/*|"$tmp/u$u/store"|"$tmp/u$u/store/"*) ;;
      *) continue ;;
    esac
    if [ "$mode" != "$want" ]; then
      echo "file_modes: umask $u: $label ${p#$tmp/} is $mode, want $want" >&2
      bad=1
    fi
  done < <(find "$root" -print0)
}

for u in 000 077 022; do
  home="$tmp/u$u"
  mkdir -p "$home"
  export ONESELF_HOME="$home/store" XDG_STATE_HOME="$home/state" HOME="$home"
  (
    umask "$u"
    "$bin" init >/dev/null
    "$bin" set headline "Staff Software Engineer at Lumen Labs" >/dev/null
    "$bin" set name.full "Ada Whitfield" >/dev/null 2>&1 || true
    # The host writes its log and, on a check, the observations file.
    "$bin" host </dev/null >/dev/null 2>&1
  )
  [ -d "$ONESELF_HOME" ] || { echo "file_modes: umask $u: no store was created" >&2; bad=1; continue; }
  files="$(find "$ONESELF_HOME" -type f | wc -l)"
  [ "$files" -ge 2 ] || { echo "file_modes: umask $u: store holds $files files, expected profile and journal" >&2; bad=1; }
  check_tree "$ONESELF_HOME" store
  check_tree "$XDG_STATE_HOME" log
done

[ "$bad" = 0 ] && echo "file_modes: store, journal and log modes hold under umask 000, 077 and 022"
exit "$bad"
