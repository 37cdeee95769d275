#!/usr/bin/env bash
# The Syncthing harness on plain files, before any store: three real
# instances on loopback. A file written in one folder reaches the others with
# its content and mode, edits by different instances to different files make
# no conflict copy, and one file changed on two instances while they cannot
# see each other does make one (so the conflict check below can fail).
#
#   tests/sync/syncthing_files_test.sh [N]      N instances, default 3
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/lib/syncthing.sh"

n="${1:-3}"
fail() { echo "FAIL: $*" >&2; exit 1; }

st_start "$n"
echo "started $n instances in ${SECONDS}s"

# One file from the first instance, with a private mode and a subfolder.
mkdir -m 700 "${ST_FOLDER[1]}/devices"
printf 'first line\n' > "${ST_FOLDER[1]}/devices/one.jsonl"
chmod 600 "${ST_FOLDER[1]}/devices/one.jsonl"
st_wait_in_sync
for ((i = 2; i <= n; i++)); do
  f="${ST_FOLDER[$i]}/devices/one.jsonl"
  [ -f "$f" ] || fail "folder $i has no devices/one.jsonl"
  [ "$(cat "$f")" = "first line" ] || fail "folder $i: devices/one.jsonl holds '$(cat "$f")'"
  [ "$(stat -c %a "$f")" = 600 ] || fail "folder $i: devices/one.jsonl has mode $(stat -c %a "$f"), not 600"
done
echo "one file reached every folder in ${SECONDS}s"

# Every instance appends to its own file, all at once, several times.
# (A bare `wait` would wait for the Syncthing instances too: wait by pid.)
for round in 1 2 3; do
  pids=()
  for ((i = 1; i <= n; i++)); do
    printf 'entry %s from %s\n' "$round" "$i" >> "${ST_FOLDER[$i]}/devices/own-$i.jsonl" &
    pids+=($!)
  done
  wait "${pids[@]}"
done
st_wait_in_sync
for ((i = 1; i <= n; i++)); do
  for ((j = 1; j <= n; j++)); do
    f="${ST_FOLDER[$i]}/devices/own-$j.jsonl"
    [ "$(wc -l < "$f")" = 3 ] || fail "folder $i: own-$j.jsonl has $(wc -l < "$f") lines, not 3"
  done
done
copies=$(st_conflict_copies)
[ -z "$copies" ] || fail "conflict copies after one-writer-per-file edits: $copies"
echo "appends to one file per instance: no conflict copy (${SECONDS}s)"

# The same file changed on two instances that cannot see each other: the
# case the store must never create. Syncthing keeps one and renames the other.
st_disconnect
printf 'edited on 1\n' > "${ST_FOLDER[1]}/devices/one.jsonl"
printf 'edited on 2\n' > "${ST_FOLDER[2]}/devices/one.jsonl"
st_reconnect
st_wait_in_sync
copies=$(st_conflict_copies)
[ -n "$copies" ] || fail "no conflict copy after a concurrent edit of one file: the conflict check would see nothing"
echo "a concurrent edit of one file makes a conflict copy, as expected: $(echo "$copies" | head -1 | sed "s|$ST_ROOT/||")"
echo "PASS (${SECONDS}s)"
