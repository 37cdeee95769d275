# shellcheck shell=bash
# Several stores of one person, one per simulated machine, and the checks
# that they agree. Shared by the Syncthing and git tests. Source it after
# setting DEV_COUNT and DEV_DIR[1..DEV_COUNT] (each machine's $ONESELF_HOME)
# and DEV_STATE (a folder for logs); ONESELF_BINARY is the binary under test.
#
#   on I ARGS...            runs `oneself ARGS...` as machine I
#   host_on I REQUEST...    framed requests to `oneself host` as machine I
#   ack I VALUE             records an acknowledged update made on machine I,
#                           whose VALUE (unique in the test) must reach the
#                           merged history of every machine
#   check_converged         every machine: same `profile` and `sites` byte for
#                           byte, every acknowledged update in its history,
#                           no conflict copy, `verify` clean
#   device_id I             machine I's device id (from `oneself devices --json`)

DEV_LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
declare -a ACKED_DEVICE=() ACKED_VALUE=()

dev_fail() { echo "FAIL: $*" >&2; exit 1; }

[ -n "${ONESELF_BINARY:-}" ] && [ -x "$ONESELF_BINARY" ] ||
  dev_fail "ONESELF_BINARY must name the built oneself binary (ctest sets it)"

on() {
  local i="$1"
  shift
  ONESELF_HOME="${DEV_DIR[$i]}" XDG_STATE_HOME="$DEV_STATE/state$i" "$ONESELF_BINARY" "$@"
}

host_on() {
  local i="$1"
  shift
  ONESELF_HOME="${DEV_DIR[$i]}" XDG_STATE_HOME="$DEV_STATE/state$i" \
    node "$DEV_LIB/host_session.mjs" "$@" 2>>"$DEV_STATE/host$i.log"
}

ack() { ACKED_DEVICE+=("$1"); ACKED_VALUE+=("$2"); }

device_id() {
  on "$1" devices --json | jq -er '.devices[] | select(.self) | .id'
}

# set_on I FIELD VALUE: `oneself set` as machine I; the update is acknowledged
# when it exits 0.
set_on() {
  local i="$1" field="$2" value="$3"
  on "$i" set "$field" "$value" >/dev/null || dev_fail "machine $i: oneself set $field failed"
  ack "$i" "$value"
}

# update_on I PATCH_JSON VALUE: one profile.update through `oneself host` as
# machine I; acknowledged when the host answers ok.
update_on() {
  local i="$1" patch="$2" value="$3" reply
  reply=$(host_on "$i" "$(jq -c '. + {type: "profile.update"}' <<<"$patch")") ||
    dev_fail "machine $i: profile.update $patch was not acknowledged: $reply"
  ack "$i" "$value"
}

conflict_copies() {
  local i
  for ((i = 1; i <= DEV_COUNT; i++)); do
    find "${DEV_DIR[$i]}" \( -name '*.sync-conflict-*' -o -name '*conflicted copy*' -o -name '*.orig' \) -print
  done
}

check_converged() {
  local i k first shown ids=() history entries copies
  for ((i = 1; i <= DEV_COUNT; i++)); do ids[$i]=$(device_id "$i") || dev_fail "machine $i: no device of its own in oneself devices --json"; done
  first=$(on 1 show --json | jq -c '{profile, sites}') || dev_fail "machine 1: oneself show --json failed"
  for ((i = 2; i <= DEV_COUNT; i++)); do
    shown=$(on "$i" show --json | jq -c '{profile, sites}') || dev_fail "machine $i: oneself show --json failed"
    [ "$shown" = "$first" ] || dev_fail "machine $i shows another profile than machine 1:
  1: $first
  $i: $shown"
  done
  for ((i = 1; i <= DEV_COUNT; i++)); do
    # Every entry of the merged history; a test makes far fewer than 100.
    history=$(on "$i" history --json --limit 100) || dev_fail "machine $i: oneself history failed"
    for ((k = 0; k < ${#ACKED_VALUE[@]}; k++)); do
      entries=$(jq --arg device "${ids[${ACKED_DEVICE[$k]}]}" --arg value "${ACKED_VALUE[$k]}" \
        '[.entries[] | select(.device == $device and ((.changes | tostring) | contains($value | tojson | .[1:-1])))] | length' <<<"$history")
      [ "$entries" -ge 1 ] || dev_fail "machine $i: the update '${ACKED_VALUE[$k]}' acknowledged on machine ${ACKED_DEVICE[$k]} (device ${ids[${ACKED_DEVICE[$k]}]}) is not in its history:
$(jq -c '.entries[] | {revision, device, changes}' <<<"$history")"
    done
    on "$i" verify >"$DEV_STATE/verify$i.out" 2>&1 || dev_fail "machine $i: oneself verify is not clean:
$(cat "$DEV_STATE/verify$i.out")"
  done
  copies=$(conflict_copies)
  [ -z "$copies" ] || dev_fail "conflict copies in the store folders: $copies"
  echo "converged: ${#ACKED_VALUE[@]} acknowledged updates on $DEV_COUNT machines, profile $first" | cut -c1-400
}

# conflicts_of I: machine I's conflicts, as `oneself conflicts --json` prints them.
conflicts_of() { on "$1" conflicts --json; }
