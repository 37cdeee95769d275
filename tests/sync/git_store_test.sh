#!/usr/bin/env bash
# The store carried by git: a bare repository on disk is the remote, two or
# three clones are the stores of as many machines. Edits (CLI and host),
# commits, pulls (merge or rebase, at random) and pushes in a random order
# never stop on a merge conflict, and the clones converge: same profile and
# sites byte for byte, every acknowledged update in every merged history,
# verify clean. Then the same field edited in two clones before either
# pulled: both list the same conflict after the next pull; a `set` in one
# clone, committed and pushed, resolves it in all.
#
#   ONESELF_BINARY=build/host/oneself tests/sync/git_store_test.sh [N]
#   ONESELF_SYNC_SEED=1234 ...   replays one order
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

n="${1:-2}"
seed="${ONESELF_SYNC_SEED:-$RANDOM}"
RANDOM="$seed"
echo "seed $seed (ONESELF_SYNC_SEED=$seed replays this order)"

root=$(mktemp -d "${TMPDIR:-/tmp}/oneself-git.XXXXXX")
trap 'rm -rf "$root"' EXIT
# Git with no configuration but ours; nothing leaves the disk.
export HOME="$root/home" GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0
mkdir -p "$HOME"
git config --global user.name "Sync Test"
git config --global user.email "sync-test@example.invalid"
git config --global init.defaultBranch main
git config --global advice.detachedHead false
# Clones are made under umask 077, as docs/sync.md tells people to: the store
# is private, and git gives checked-out files the umask's mode.
umask 077

DEV_COUNT="$n"
DEV_STATE="$root/state"
mkdir -p "$DEV_STATE"
declare -a DEV_DIR=()
for ((i = 1; i <= n; i++)); do DEV_DIR[$i]="$root/machine$i/oneself"; done
. "$here/lib/devices.sh"
step() { echo "== $* (${SECONDS}s)"; }

git init -q --bare "$root/remote.git"

g() { local i="$1"; shift; git -C "${DEV_DIR[$i]}" "$@"; }

commit_on() {  # commit_on I: commits whatever machine I's store changed
  g "$1" add -A
  g "$1" diff --cached --quiet || g "$1" commit -q -m "oneself on machine $1"
}

# pull_on I: a pull, by merge or by rebase at random; it must never stop on
# a conflict.
pull_on() {
  local i="$1" how=--no-rebase
  [ $((RANDOM % 2)) = 0 ] && how=--rebase
  if ! g "$i" pull -q --no-edit "$how" origin main >"$DEV_STATE/pull.out" 2>&1; then
    dev_fail "machine $i: git pull $how stopped: $(cat "$DEV_STATE/pull.out")
$(g "$i" status --short)"
  fi
  [ -z "$(g "$i" diff --name-only --diff-filter=U)" ] || dev_fail "machine $i: unmerged paths after git pull $how"
}

# sync_on I: commit, pull, push; a push that the remote refuses because
# another clone pushed first is retried after another pull.
sync_on() {
  local i="$1"
  commit_on "$i"
  for _ in 1 2 3 4 5; do
    if g "$i" ls-remote --exit-code --heads origin main >/dev/null 2>&1; then pull_on "$i"; fi
    if g "$i" push -q origin HEAD:main 2>"$DEV_STATE/push.out"; then return 0; fi
  done
  dev_fail "machine $i: git push refused 5 times: $(cat "$DEV_STATE/push.out")"
}

# shuffled N: 1..N in a random order
shuffled() { local i; for ((i = 1; i <= $1; i++)); do echo "$((RANDOM)) $i"; done | sort -n | cut -d' ' -f2; }

sync_all() {  # every clone commits, pulls and pushes in a random order, then all pull
  local i
  for i in $(shuffled "$n"); do sync_on "$i"; done
  for i in $(shuffled "$n"); do pull_on "$i"; done
}

step "init in the first clone, push; join in the others"
git clone -q "$root/remote.git" "${DEV_DIR[1]}" 2>/dev/null
on 1 init >/dev/null || dev_fail "machine 1: oneself init failed"
sync_on 1
for ((i = 2; i <= n; i++)); do
  git clone -q "$root/remote.git" "${DEV_DIR[$i]}"
  on "$i" init --json > "$DEV_STATE/init$i.json" || dev_fail "machine $i: oneself init failed"
  jq -e '.newDevice and (.otherDevices | length) >= 1' "$DEV_STATE/init$i.json" >/dev/null ||
    dev_fail "machine $i: init did not join the clone as a new device: $(cat "$DEV_STATE/init$i.json")"
done
sync_all
for ((i = 1; i <= n; i++)); do
  [ "$(on "$i" devices --json | jq '.devices | length')" = "$n" ] || dev_fail "machine $i does not list $n devices: $(on "$i" devices --json)"
done

step "three rounds of edits in every clone, synced in a random order"
# Each machine edits fields of its own: no conflict may come of it.
fields=(headline email name.full location.display bio.short website)
sites=(x mastodon bluesky)
for round in 1 2 3; do
  for i in $(shuffled "$n"); do
    field=${fields[$(( (i - 1) * 2 + round % 2 ))]}
    case "$field" in
      email) value="round$round.machine$i@example.com" ;;
      website) value="https://machine$i.example/round$round" ;;
      *) value="Round $round on machine $i" ;;
    esac
    set_on "$i" "$field" "$value"
    value="Host round $round on machine $i"
    update_on "$i" "{\"sites\":{\"${sites[$((i - 1))]}\":{\"overrides\":{\"bio\":\"$value\"}}}}" "$value"
    # Some clones sync in the middle of the round, some do not.
    [ $((RANDOM % 2)) = 0 ] && sync_on "$i"
  done
  sync_all
done
check_converged
for ((i = 1; i <= n; i++)); do
  [ "$(conflicts_of "$i" | jq '.conflicts | length')" = 0 ] ||
    dev_fail "machine $i lists conflicts after edits of different fields: $(conflicts_of "$i")"
done

step "the same field in two clones before either pulled"
set_on 1 headline "Headline committed in clone 1"
commit_on 1
set_on 2 headline "Headline committed in clone 2"
commit_on 2
sync_all
check_converged
reference=$(conflicts_of 1 | jq -cS .)
jq -e '(.conflicts | length) == 1 and .conflicts[0].field == "headline"
       and ([.conflicts[] | select(.field == "headline") | .values[].value] | sort)
           == (["Headline committed in clone 1", "Headline committed in clone 2"] | sort)' <<<"$reference" >/dev/null ||
  dev_fail "machine 1 does not list the headline conflict: $reference"
for ((i = 2; i <= n; i++)); do
  [ "$(conflicts_of "$i" | jq -cS .)" = "$reference" ] || dev_fail "machine $i lists another conflict than machine 1: $(conflicts_of "$i")"
done

step "a set in clone $n resolves it everywhere"
set_on "$n" headline "Headline chosen in clone $n"
sync_all
check_converged
for ((i = 1; i <= n; i++)); do
  [ "$(on "$i" get headline)" = "Headline chosen in clone $n" ] || dev_fail "machine $i shows headline '$(on "$i" get headline)'"
  [ "$(conflicts_of "$i" | jq '.conflicts | length')" = 0 ] ||
    dev_fail "machine $i still lists the headline conflict: $(conflicts_of "$i")"
done
echo "PASS: $n clones (${SECONDS}s)"
