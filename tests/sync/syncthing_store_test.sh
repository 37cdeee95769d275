#!/usr/bin/env bash
# The store carried by real Syncthing instances (2 or 3) on loopback, one per
# simulated machine, each with its own $ONESELF_HOME shared with the others:
#
# 1. init on one machine, the folder arrives, init on the others joins it;
# 2. different fields edited on every machine at once, through the CLI and
#    through `oneself host` (framed profile.update): once Syncthing reports the
#    folder in sync, every machine shows the same profile and sites byte for
#    byte, every acknowledged update is in every merged history, no conflict
#    copy exists and verify is clean everywhere;
# 3. one field edited on two machines that cannot see each other: the same
#    value shown and the same conflict listed everywhere;
# 4. a `set` on one machine resolves it on all after the next sync.
#
# (With `apart`, step 1 is instead: every machine starts a store of its own
# while they cannot see each other, edits it, and then the folders sync: the
# stores simply merge.)
#
#   ONESELF_BINARY=build/host/oneself tests/sync/syncthing_store_test.sh [N] [join|apart]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/lib/syncthing.sh"

n="${1:-2}"
mode="${2:-join}"   # join: init on one machine, the others join; apart: every machine starts its own store
case "$mode" in join | apart) ;; *) echo "usage: $0 [N] [join|apart]" >&2; exit 2 ;; esac
st_start "$n"
# Each machine keeps `local/` to itself (oneself writes it into .stignore,
# which Syncthing does not carry either).
ST_DIGEST_PRUNE=(./local ./.stignore)
DEV_COUNT="$n"
DEV_STATE="$ST_ROOT/state"
mkdir -p "$DEV_STATE"
declare -a DEV_DIR=()
for ((i = 1; i <= n; i++)); do DEV_DIR[$i]="${ST_FOLDER[$i]}"; done
. "$here/lib/devices.sh"
step() { echo "== $* (${SECONDS}s)"; }

# hello's store.conflicts as machine I's host reports it.
host_conflicts() { host_on "$1" '{"type":"hello","protocol":1}' | jq -er '.result.store.conflicts'; }

if [ "$mode" = join ]; then
  step "init on machine 1, then join on the others"
  on 1 init --json > "$DEV_STATE/init1.json" || dev_fail "machine 1: oneself init failed"
  [ "$(jq -r .created "$DEV_STATE/init1.json")" = true ] || dev_fail "machine 1: init did not create the store: $(cat "$DEV_STATE/init1.json")"
  id1=$(jq -r .device "$DEV_STATE/init1.json")
  st_wait_in_sync
  for ((i = 2; i <= n; i++)); do
    on "$i" init --json > "$DEV_STATE/init$i.json" || dev_fail "machine $i: oneself init failed"
    jq -e --arg id1 "$id1" '.newDevice and (.created | not) and ([.otherDevices[].id] | index($id1) != null)' \
      "$DEV_STATE/init$i.json" >/dev/null ||
      dev_fail "machine $i: init did not join the folder as a new device beside $id1: $(cat "$DEV_STATE/init$i.json")"
  done
  st_wait_in_sync
else
  step "a store started on every machine apart, then synced"
  st_disconnect
  apart_sites=(linkedin github facebook)
  for ((i = 1; i <= n; i++)); do
    on "$i" init --json > "$DEV_STATE/init$i.json" || dev_fail "machine $i: oneself init failed"
    [ "$(jq -r .created "$DEV_STATE/init$i.json")" = true ] || dev_fail "machine $i: init did not create a store: $(cat "$DEV_STATE/init$i.json")"
    set_on "$i" "sites.${apart_sites[$((i - 1))]}.overrides.headline" "Started apart on machine $i"
  done
  st_reconnect
  st_wait_in_sync
  check_converged
fi
for ((i = 1; i <= n; i++)); do
  on "$i" devices --json > "$DEV_STATE/devices$i.json" || dev_fail "machine $i: oneself devices --json failed"
  jq -e --argjson n "$n" '(.devices | length) == $n and ([.devices[] | select(.self)] | length) == 1
                         and ([.devices[].id] | unique | length) == $n' "$DEV_STATE/devices$i.json" >/dev/null ||
    dev_fail "machine $i: devices --json does not list $n devices, one of them this machine: $(cat "$DEV_STATE/devices$i.json")"
  [ "$(jq -c '[.devices[].id] | sort' "$DEV_STATE/devices$i.json")" = "$(jq -c '[.devices[].id] | sort' "$DEV_STATE/devices1.json")" ] ||
    dev_fail "machine $i lists other devices than machine 1"
done

step "different fields on every machine at once, CLI and host"
# Per machine: one `set` and one framed profile.update, all machines at once,
# while Syncthing keeps carrying what each writes.
declare -a job_pid=() job_machine=() job_value=() job_what=()
start_job() {  # start_job I VALUE WHAT COMMAND...
  local i="$1" value="$2" what="$3"
  shift 3
  "$@" >"$DEV_STATE/job${#job_pid[@]}.out" 2>&1 &
  job_pid+=($!); job_machine+=("$i"); job_value+=("$value"); job_what+=("$what")
}
cli_fields=(headline email name.full)
host_patches=('{"profile":{"location":{"display":"%s"}}}' '{"sites":{"x":{"overrides":{"bio":"%s"}}}}' '{"profile":{"bio":{"short":"%s"}}}')
for ((i = 1; i <= n; i++)); do
  value="Set on machine $i through the CLI"
  [ "${cli_fields[$((i - 1))]}" = email ] && value="machine$i@example.com"
  start_job "$i" "$value" "set ${cli_fields[$((i - 1))]}" on "$i" set "${cli_fields[$((i - 1))]}" "$value"
  value="Sent to the host of machine $i"
  # shellcheck disable=SC2059
  patch=$(printf "${host_patches[$((i - 1))]}" "$value" | jq -c '. + {type: "profile.update"}')
  start_job "$i" "$value" "profile.update $patch" host_on "$i" "$patch"
done
for ((k = 0; k < ${#job_pid[@]}; k++)); do
  wait "${job_pid[$k]}" || dev_fail "machine ${job_machine[$k]}: ${job_what[$k]} was refused: $(cat "$DEV_STATE/job$k.out")"
  ack "${job_machine[$k]}" "${job_value[$k]}"
done
st_wait_in_sync
check_converged
for ((i = 1; i <= n; i++)); do
  [ "$(conflicts_of "$i" | jq '.conflicts | length')" = 0 ] ||
    dev_fail "machine $i lists conflicts after edits of different fields: $(conflicts_of "$i")"
  [ "$(host_conflicts "$i")" = 0 ] || dev_fail "machine $i: hello's store.conflicts is not 0"
done
for ((k = 0; k < ${#job_value[@]}; k++)); do
  on 1 show --json | jq -e --arg v "${job_value[$k]}" '[.profile, .sites] | tostring | contains($v)' >/dev/null ||
    dev_fail "the merged profile lost '${job_value[$k]}' (${job_what[$k]} on machine ${job_machine[$k]})"
done

step "the same field on two machines that cannot see each other"
st_disconnect
set_on 1 headline "Headline written on machine 1 alone"
update_on 2 '{"profile":{"headline":"Headline written on machine 2 alone"}}' "Headline written on machine 2 alone"
if [ "$n" -ge 3 ]; then
  # A third machine edits another field meanwhile: no conflict for it.
  set_on 3 website "https://machine3.example/"
fi
st_reconnect
st_wait_in_sync
check_converged
shown=$(on 1 get headline)
reference=$(conflicts_of 1 | jq -cS .)
jq -e --arg a "Headline written on machine 1 alone" --arg b "Headline written on machine 2 alone" --arg shown "$shown" '
  (.conflicts | length) == 1 and .conflicts[0].field == "headline"
  and ([.conflicts[0].values[].value] | sort) == ([$a, $b] | sort)
  and .conflicts[0].values[0].value == $shown' <<<"$reference" >/dev/null ||
  dev_fail "machine 1 does not list exactly the headline conflict (both values, the shown one '$shown' first): $reference"
for ((i = 1; i <= n; i++)); do
  [ "$(on "$i" get headline)" = "$shown" ] || dev_fail "machine $i shows headline '$(on "$i" get headline)', machine 1 '$shown'"
  [ "$(conflicts_of "$i" | jq -cS .)" = "$reference" ] ||
    dev_fail "machine $i lists another conflict than machine 1:
  1: $reference
  $i: $(conflicts_of "$i" | jq -cS .)"
  [ "$(host_conflicts "$i")" = 1 ] || dev_fail "machine $i: hello's store.conflicts is not 1"
  on "$i" status | grep -qi 'conflict' || dev_fail "machine $i: oneself status does not mention the conflict: $(on "$i" status)"
done
echo "every machine shows '$shown' and lists the conflict"

step "a set on machine $n resolves it on all after the next sync"
set_on "$n" headline "Headline chosen on machine $n"
st_wait_in_sync
check_converged
for ((i = 1; i <= n; i++)); do
  [ "$(on "$i" get headline)" = "Headline chosen on machine $n" ] || dev_fail "machine $i shows headline '$(on "$i" get headline)'"
  [ "$(conflicts_of "$i" | jq '.conflicts | length')" = 0 ] || dev_fail "machine $i still lists a conflict: $(conflicts_of "$i")"
  [ "$(host_conflicts "$i")" = 0 ] || dev_fail "machine $i: hello's store.conflicts is not 0 after the resolution"
done
echo "PASS: $n machines (${SECONDS}s)"
