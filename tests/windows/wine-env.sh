# Sourced by the Windows tests: one Wine prefix kept between runs under
# ~/.cache/oneself (made the first time, which takes a minute), Wine's own
# chatter off, and no offer to install Mono or Gecko (oneself needs neither).
# A wineserver that outlives each program by a minute saves its start-up for
# the next one.
export WINEPREFIX="${ONESELF_WINEPREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/oneself/wineprefix}"
export WINEARCH=win64
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree=;mshtml=;winemenubuilder.exe="
export DISPLAY=

wine_ready() {
  command -v wine >/dev/null || { echo "wine is not installed (scripts/deps.sh --test)" >&2; return 1; }
  if [ ! -f "$WINEPREFIX/system.reg" ]; then
    echo "windows tests: making the Wine prefix $WINEPREFIX (once)" >&2
    mkdir -p "$(dirname "$WINEPREFIX")"
    wineboot --init >/dev/null 2>&1 || true
    wineserver -w
  fi
  wineserver -p60 >/dev/null 2>&1 || true
}
