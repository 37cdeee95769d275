# shellcheck shell=bash
# Real Syncthing instances on loopback, for the sync tests. Source it from a
# bash script that has `set -euo pipefail`:
#
#   . tests/sync/lib/syncthing.sh
#   st_start 3                 # 3 instances, each sharing its folder with the others
#   echo hi > "${ST_FOLDER[1]}/a.txt"
#   st_wait_in_sync            # scan everywhere, then wait until all agree
#   st_conflict_copies         # prints any *.sync-conflict-* file (none expected)
#   st_disconnect / st_reconnect   # pause / resume every device on every instance
#
# Every instance has its own config home (ST_HOME[i]) and its own shared
# folder (ST_FOLDER[i]); instances are numbered from 1. GUI/REST and the sync
# protocol listen on 127.0.0.1 only; discovery (global and local), relays,
# NAT traversal, STUN, usage reporting, upgrades and crash reporting are off;
# devices know each other by id at static tcp://127.0.0.1:PORT addresses. The
# effective configuration is read back over REST and checked, so a Syncthing
# that ignored one of these settings fails the test instead of going online.
#
# Every instance is stopped when the script exits, however it exits (an EXIT
# trap; INT, TERM and HUP exit through it). Each one runs without Syncthing's
# monitor process (STMONITORED), so its pid is the process to stop, and under
# `setpriv --pdeathsig TERM`, so it dies with the shell even if the shell is
# killed with SIGKILL (a CTest timeout).
#
# ST_ROOT: the temporary directory holding everything (removed at exit unless
# ONESELF_SYNC_KEEP=1, which helps when reading a failure's logs).

ST_FOLDER_ID=oneself
ST_COUNT=0
ST_ROOT=""
declare -a ST_HOME=() ST_FOLDER=() ST_DEVICE_ID=() ST_GUI_PORT=() ST_SYNC_PORT=() ST_PID=() ST_APIKEY=()

st_log() { echo "syncthing harness: $*" >&2; }
st_fail() { st_log "FAIL: $*"; exit 1; }

# A TCP port on 127.0.0.1 that nothing listens on now, and that this harness
# has not handed out yet, below the kernel's ephemeral range: a port from that
# range may meanwhile become the local end of any program's outgoing
# connection (a browser's, another test's) and then cannot be bound. Syncthing
# failing to bind all the same is caught by st_start, which starts again on
# other ports.
st_free_port() {
  local port tries=0 low
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  [ "$low" -gt 12000 ] 2>/dev/null || low=32768
  while :; do
    port=$(( 10000 + (RANDOM * 32768 + RANDOM) % (low - 10000) ))
    tries=$((tries + 1))
    [ "$tries" -lt 200 ] || st_fail "no free port on 127.0.0.1"
    case " ${ST_PORTS_USED:-} " in *" $port "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      ST_PORTS_USED="${ST_PORTS_USED:-} $port"
      echo "$port"
      return 0
    fi
  done
}

# st_api I METHOD PATH [curl args...]: one REST call to instance I; prints the body.
st_api() {
  local i="$1" method="$2" path="$3"
  shift 3
  curl --silent --show-error --fail --noproxy '*' --max-time 60 \
    -X "$method" -H "X-API-Key: ${ST_APIKEY[$i]}" \
    "http://127.0.0.1:${ST_GUI_PORT[$i]}$path" "$@"
}

st_write_config() {  # st_write_config I
  local i="$1" j
  {
    echo '<configuration version="36">'
    # The shared folder: fsWatcher on with a 1 s delay, and a short periodic
    # rescan as a backstop. Permissions are synced (the store is 0700/0600).
    echo "  <folder id=\"$ST_FOLDER_ID\" label=\"oneself\" path=\"${ST_FOLDER[$i]}\" type=\"sendreceive\" rescanIntervalS=\"5\" fsWatcherEnabled=\"true\" fsWatcherDelayS=\"1\" ignorePerms=\"false\" autoNormalize=\"true\">"
    echo '    <filesystemType>basic</filesystemType>'
    for ((j = 1; j <= ST_COUNT; j++)); do
      echo "    <device id=\"${ST_DEVICE_ID[$j]}\" introducedBy=\"\"></device>"
    done
    echo '    <minDiskFree unit="%">0</minDiskFree>'
    echo '    <maxConflicts>10</maxConflicts>'
    echo '    <markerName>.stfolder</markerName>'
    echo '  </folder>'
    for ((j = 1; j <= ST_COUNT; j++)); do
      echo "  <device id=\"${ST_DEVICE_ID[$j]}\" name=\"machine$j\" compression=\"metadata\" introducer=\"false\" skipIntroductionRemovals=\"false\" introducedBy=\"\">"
      echo "    <address>tcp://127.0.0.1:${ST_SYNC_PORT[$j]}</address>"
      echo '    <autoAcceptFolders>false</autoAcceptFolders>'
      echo '  </device>'
    done
    echo '  <gui enabled="true" tls="false" debugging="false">'
    echo "    <address>127.0.0.1:${ST_GUI_PORT[$i]}</address>"
    echo "    <apikey>${ST_APIKEY[$i]}</apikey>"
    echo '  </gui>'
    cat <<EOF
  <options>
    <listenAddress>tcp://127.0.0.1:${ST_SYNC_PORT[$i]}</listenAddress>
    <globalAnnounceServer></globalAnnounceServer>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <announceLANAddresses>false</announceLANAddresses>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <stunServer></stunServer>
    <stunKeepaliveStartS>0</stunKeepaliveStartS>
    <stunKeepaliveMinS>0</stunKeepaliveMinS>
    <urAccepted>-1</urAccepted>
    <urSeen>3</urSeen>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <crashReportingEnabled>false</crashReportingEnabled>
    <startBrowser>false</startBrowser>
    <setLowPriority>false</setLowPriority>
    <restartOnWakeup>false</restartOnWakeup>
    <reconnectionIntervalS>1</reconnectionIntervalS>
    <progressUpdateIntervalS>-1</progressUpdateIntervalS>
    <minHomeDiskFree unit="%">0</minHomeDiskFree>
  </options>
</configuration>
EOF
  } > "${ST_HOME[$i]}/config.xml"
  chmod 600 "${ST_HOME[$i]}/config.xml"
}

st_launch() {  # st_launch I
  local i="$1"
  # HOME and the XDG folders point into the instance's home, so nothing is
  # read from or written to the real user's. STNOUPGRADE and the flags are
  # belt and braces with the config.
  HOME="${ST_HOME[$i]}" XDG_CONFIG_HOME="${ST_HOME[$i]}/xdg-config" \
    XDG_DATA_HOME="${ST_HOME[$i]}/xdg-data" XDG_STATE_HOME="${ST_HOME[$i]}/xdg-state" \
    STNOUPGRADE=1 STNODEFAULTFOLDER=1 STNORESTART=1 STMONITORED=1 \
    all_proxy='' http_proxy='' https_proxy='' HTTP_PROXY='' HTTPS_PROXY='' \
    setpriv --pdeathsig TERM -- \
    syncthing serve --home="${ST_HOME[$i]}" --no-browser --no-restart --no-upgrade \
      --gui-address="127.0.0.1:${ST_GUI_PORT[$i]}" --gui-apikey="${ST_APIKEY[$i]}" \
      --logflags=3 >"${ST_HOME[$i]}/syncthing.log" 2>&1 &
  ST_PID[$i]=$!
}

st_log_tail() {  # st_log_tail I: the end of an instance's logs, for a failure message
  local i="$1"
  echo "--- syncthing $i (${ST_HOME[$i]}) ---" >&2
  tail -n 30 "${ST_HOME[$i]}/syncthing.log" >&2 2>/dev/null || true
}

st_wait_up() {  # st_wait_up I: until the REST API answers; 1 if the instance exited
  local i="$1" deadline=$((SECONDS + 30))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if ! kill -0 "${ST_PID[$i]}" 2>/dev/null; then
      st_log_tail "$i"
      st_log "syncthing $i exited while starting"
      return 1
    fi
    if [ "$(st_api "$i" GET /rest/system/ping 2>/dev/null | jq -r .ping 2>/dev/null)" = pong ]; then
      return 0
    fi
    sleep 0.2
  done
  st_log_tail "$i"
  st_fail "syncthing $i: REST API on 127.0.0.1:${ST_GUI_PORT[$i]} did not answer in 30 s"
}

# What the effective configuration must say, whatever Syncthing's defaults
# are: loopback only, nothing announced, relayed, traversed or reported.
st_check_config() {  # st_check_config I
  local i="$1" problems
  problems=$(st_api "$i" GET /rest/config | jq -r --arg gui "127.0.0.1:${ST_GUI_PORT[$i]}" '
    .options as $o |
    [ (if $o.listenAddresses != ["tcp://127.0.0.1:'"${ST_SYNC_PORT[$i]}"'"] then "listenAddresses \($o.listenAddresses)" else empty end),
      (if $o.globalAnnounceEnabled then "globalAnnounceEnabled" else empty end),
      (if $o.localAnnounceEnabled then "localAnnounceEnabled" else empty end),
      (if $o.relaysEnabled then "relaysEnabled" else empty end),
      (if $o.natEnabled then "natEnabled" else empty end),
      (if $o.urAccepted >= 0 then "urAccepted \($o.urAccepted)" else empty end),
      (if $o.autoUpgradeIntervalH != 0 then "autoUpgradeIntervalH \($o.autoUpgradeIntervalH)" else empty end),
      (if $o.crashReportingEnabled then "crashReportingEnabled" else empty end),
      (if $o.announceLANAddresses then "announceLANAddresses" else empty end),
      (if .gui.address != $gui then "gui.address \(.gui.address)" else empty end),
      (.devices[] | select(.addresses | any(startswith("tcp://127.0.0.1:") or . == "dynamic" | not)) | "device \(.deviceID) addresses \(.addresses)"),
      (.folders[] | select(.fsWatcherEnabled | not) | "folder \(.id) fsWatcherEnabled false")
    ] | .[]')
  [ -z "$problems" ] || st_fail "syncthing $i effective config is not loopback-only: $problems"
}

# st_start N: N instances (2 or more), all sharing folder "oneself" with each
# other, connected and idle.
st_start() {
  local n="$1" i
  [ "$n" -ge 2 ] || st_fail "st_start needs at least 2 instances"
  command -v syncthing >/dev/null || st_fail "syncthing is not installed (scripts/deps.sh --test)"
  ST_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/oneself-sync.XXXXXX")
  trap st_stop_all EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP
  ST_COUNT="$n"
  for ((i = 1; i <= n; i++)); do
    ST_HOME[$i]="$ST_ROOT/syncthing$i"
    ST_FOLDER[$i]="$ST_ROOT/folder$i"
    mkdir -p "${ST_HOME[$i]}"
    mkdir -m 700 "${ST_FOLDER[$i]}"
    ST_DEVICE_ID[$i]=$(syncthing generate --home="${ST_HOME[$i]}" --no-default-folder --skip-port-probing 2>&1 |
      sed -n 's/.*Device ID: *\([A-Z0-9-]*\).*/\1/p')
    [ -n "${ST_DEVICE_ID[$i]}" ] || st_fail "syncthing generate printed no device id"
    ST_APIKEY[$i]=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  done
  local attempt
  for attempt in 1 2 3; do
    st_boot && break
    # A port was taken between its choice and the bind: every instance
    # again, on new ports (each one's config names the others' ports).
    [ "$attempt" -lt 3 ] || st_fail "the instances did not start in 3 attempts"
    st_log "an instance could not start (attempt $attempt); starting all again on other ports"
    st_kill_all
  done
  for ((i = 1; i <= n; i++)); do st_check_config "$i"; done
  st_wait_connected
}

# Ports, configs, launch, and until every REST API answers; 1 if an instance exited.
st_boot() {
  local i
  for ((i = 1; i <= ST_COUNT; i++)); do
    ST_GUI_PORT[$i]=$(st_free_port)
    ST_SYNC_PORT[$i]=$(st_free_port)
  done
  for ((i = 1; i <= ST_COUNT; i++)); do st_write_config "$i"; done
  for ((i = 1; i <= ST_COUNT; i++)); do st_launch "$i"; done
  for ((i = 1; i <= ST_COUNT; i++)); do st_wait_up "$i" || return 1; done
}

st_kill_all() {  # ends every instance at once (a failed start: nothing to shut down cleanly)
  local i
  for ((i = 1; i <= ST_COUNT; i++)); do
    [ -n "${ST_PID[$i]:-}" ] || continue
    kill -KILL "${ST_PID[$i]}" 2>/dev/null || true
    wait "${ST_PID[$i]}" 2>/dev/null || true
    ST_PID[$i]=""
  done
}

st_connected_count() {  # st_connected_count I: how many peers instance I is connected to
  st_api "$1" GET /rest/system/connections | jq '[.connections[] | select(.connected)] | length'
}

st_wait_connected() {  # every instance connected to every other one
  local deadline=$((SECONDS + 60)) i ok
  while [ "$SECONDS" -lt "$deadline" ]; do
    ok=1
    for ((i = 1; i <= ST_COUNT; i++)); do
      [ "$(st_connected_count "$i")" -eq $((ST_COUNT - 1)) ] || { ok=0; break; }
    done
    [ "$ok" = 1 ] && return 0
    sleep 0.3
  done
  for ((i = 1; i <= ST_COUNT; i++)); do st_log_tail "$i"; done
  st_fail "the instances did not all connect to each other in 60 s"
}

# A digest of a folder's tree: every path (but Syncthing's marker and temp
# files, and the paths in ST_DIGEST_PRUNE, such as what .stignore keeps
# local), its type, mode and content hash.
declare -a ST_DIGEST_PRUNE=()
st_tree_digest() {  # st_tree_digest DIR
  local prune=(-name .stfolder -o -name '.syncthing.*.tmp') p
  for p in "${ST_DIGEST_PRUNE[@]}"; do prune+=(-o -path "$p"); done
  # Few processes: the machines that run this are often loaded.
  (cd "$1" && {
    find . \( "${prune[@]}" \) -prune -o -printf '%y %m %p\n'
    find . \( "${prune[@]}" \) -prune -o -type f -exec sha256sum {} +
  } | LC_ALL=C sort | sha256sum | cut -c1-64)
}

# st_folder_settled I: idle, needing nothing, and every peer complete. One
# curl for all of instance I's answers, one jq to judge them.
st_folder_settled() {
  local i="$1" j urls=()
  urls+=("http://127.0.0.1:${ST_GUI_PORT[$i]}/rest/db/status?folder=$ST_FOLDER_ID")
  for ((j = 1; j <= ST_COUNT; j++)); do
    [ "$j" = "$i" ] && continue
    urls+=("http://127.0.0.1:${ST_GUI_PORT[$i]}/rest/db/completion?folder=$ST_FOLDER_ID&device=${ST_DEVICE_ID[$j]}")
  done
  curl --silent --fail --noproxy '*' --max-time 60 -H "X-API-Key: ${ST_APIKEY[$i]}" "${urls[@]}" |
    jq -se '.[0].state == "idle" and .[0].needTotalItems == 0 and .[0].pullErrors == 0
            and (.[1:] | all(.completion == 100 and .needItems == 0 and .needDeletes == 0))
            and length == '"$ST_COUNT" >/dev/null
}

# st_wait_in_sync [TIMEOUT_S]: ask every instance to scan now (the watcher
# would, a second later), then wait until every instance reports the folder
# idle, needing nothing, every peer at 100%, and every folder holds the same
# tree (names, modes, contents), twice in a row.
st_wait_in_sync() {
  local timeout="${1:-60}" deadline i first good=0
  deadline=$((SECONDS + timeout))
  for ((i = 1; i <= ST_COUNT; i++)); do
    st_api "$i" POST "/rest/db/scan?folder=$ST_FOLDER_ID" >/dev/null ||
      st_fail "syncthing $i refused to scan"
  done
  while [ "$SECONDS" -lt "$deadline" ]; do
    if st_all_settled; then
      good=$((good + 1))
      [ "$good" -ge 2 ] && return 0
    else
      good=0
    fi
    sleep 0.3
  done
  for ((i = 1; i <= ST_COUNT; i++)); do
    echo "syncthing $i status: $(st_api "$i" GET "/rest/db/status?folder=$ST_FOLDER_ID" | jq -c '{state, needTotalItems, pullErrors, globalFiles, localFiles}')" >&2
    echo "syncthing $i tree: $(st_tree_digest "${ST_FOLDER[$i]}")" >&2
    st_log_tail "$i"
  done
  st_fail "the folder was not in sync on every instance after ${timeout} s"
}

st_all_settled() {
  local i first digest
  for ((i = 1; i <= ST_COUNT; i++)); do st_folder_settled "$i" || return 1; done
  first=$(st_tree_digest "${ST_FOLDER[1]}")
  for ((i = 2; i <= ST_COUNT; i++)); do
    digest=$(st_tree_digest "${ST_FOLDER[$i]}")
    [ "$digest" = "$first" ] || return 1
  done
}

# Prints every conflict copy Syncthing made in any folder (none is the goal).
st_conflict_copies() {
  local i
  for ((i = 1; i <= ST_COUNT; i++)); do
    find "${ST_FOLDER[$i]}" -name '*.sync-conflict-*'
  done
}

# st_disconnect / st_reconnect: pause every remote device on every instance
# and wait until no connection is left; resume and wait until all are back.
# Edits made in between are concurrent: no device can see another's.
st_disconnect() {
  local i deadline=$((SECONDS + 30)) any
  for ((i = 1; i <= ST_COUNT; i++)); do st_api "$i" POST /rest/system/pause >/dev/null; done
  while [ "$SECONDS" -lt "$deadline" ]; do
    any=0
    for ((i = 1; i <= ST_COUNT; i++)); do
      [ "$(st_connected_count "$i")" -eq 0 ] || any=1
    done
    [ "$any" = 0 ] && return 0
    sleep 0.2
  done
  st_fail "the instances were still connected 30 s after pausing"
}

st_reconnect() {
  local i
  for ((i = 1; i <= ST_COUNT; i++)); do st_api "$i" POST /rest/system/resume >/dev/null; done
  st_wait_connected
}

# Stops every instance: a REST shutdown, then TERM, then KILL.
st_stop_all() {
  local status=$? i deadline
  trap - EXIT INT TERM HUP
  for ((i = 1; i <= ST_COUNT; i++)); do
    [ -n "${ST_PID[$i]:-}" ] || continue
    st_api "$i" POST /rest/system/shutdown >/dev/null 2>&1 || true
  done
  for ((i = 1; i <= ST_COUNT; i++)); do
    [ -n "${ST_PID[$i]:-}" ] || continue
    deadline=$((SECONDS + 10))
    while kill -0 "${ST_PID[$i]}" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
    kill -TERM "${ST_PID[$i]}" 2>/dev/null || true
    sleep 0.1
    kill -KILL "${ST_PID[$i]}" 2>/dev/null || true
    wait "${ST_PID[$i]}" 2>/dev/null || true
  done
  if [ -n "$ST_ROOT" ] && [ -d "$ST_ROOT" ]; then
    if [ "${ONESELF_SYNC_KEEP:-0}" = 1 ]; then
      st_log "kept $ST_ROOT"
    else
      rm -rf "$ST_ROOT"
    fi
  fi
  exit "$status"
}
