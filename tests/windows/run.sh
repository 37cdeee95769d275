#!/usr/bin/env bash
# The Windows tests, run from the Linux tree (tests/windows.cmake):
#
#   run.sh build                 configure and build build-windows/ (the
#                                `windows` preset: oneself.exe and the unit
#                                tests, with the cached dependencies)
#   run.sh unit                  the unit tests, one Windows program, under Wine
#   run.sh blackbox BINARY       the Linux-built black-box tests, starting
#                                oneself.exe under Wine instead of oneself
#   run.sh crash BINARY N        tests/hardening/crash_kill against oneself.exe
#   run.sh writers BINARY N M    tests/hardening/many_writers against oneself.exe
#   run.sh imports               oneself.exe imports system DLLs only
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tree="${ONESELF_WINDOWS_TREE:-$root/build-windows}"
exe="$tree/host/oneself.exe"
# shellcheck source=wine-env.sh
. "$here/wine-env.sh"

need_tree() {
  [ -f "$exe" ] || { echo "no $exe: run the windows build test first" >&2; exit 1; }
}

case "${1:-}" in
  build)
    launcher=()
    if command -v ccache >/dev/null; then
      launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
    fi
    start=$(date +%s)
    (cd "$root" && cmake --preset windows -DONESELF_WERROR=ON "${launcher[@]}" >/dev/null)
    cmake --build "$tree" -j"${ONESELF_JOBS:-2}"
    echo "windows build: $(($(date +%s) - start)) s"
    ;;
  unit)
    need_tree
    wine_ready
    cd "$tree/tests"
    # Wine stores no file access lists: the cases that read one back say
    # so (tests/host/store_testing.h) and check everything else.
    ONESELF_TEST_NO_FILE_ACLS=1 wine ./oneself_unit_tests.exe
    ;;
  blackbox)
    need_tree
    wine_ready
    # The cases left out test POSIX itself: file modes, /bin/sh redirections
    # and pipes around the Linux binary, flock, the XDG log folder. Their
    # Windows counterparts are the [win32] unit tests and registration.sh.
    ONESELF_TEST_NO_FILE_ACLS=1 ONESELF_TEST_BINARY="$exe" "$2" --order decl '~[posix]'
    ;;
  crash)
    need_tree
    wine_ready
    # Wine stores no file access lists: see tests/hardening/store_probe.h.
    ONESELF_TEST_NO_FILE_ACLS=1 "$2" "$exe" "$3"
    ;;
  writers)
    need_tree
    wine_ready
    ONESELF_TEST_NO_FILE_ACLS=1 "$2" "$exe" "$3" "$4"
    ;;
  imports)
    need_tree
    # A self-contained oneself.exe: every DLL it imports ships with Windows.
    dlls="$(x86_64-w64-mingw32-objdump -p "$exe" | awk '/DLL Name:/ { print tolower($3) }' | sort -u)"
    echo "$dlls"
    bad=""
    for d in $dlls; do
      case "$d" in
        kernel32.dll|advapi32.dll|user32.dll|shell32.dll|ole32.dll|bcrypt.dll|crypt32.dll|ws2_32.dll|msvcrt.dll|ucrtbase.dll|api-ms-win-*) ;;
        *) bad="$bad $d" ;;
      esac
    done
    if [ -n "$bad" ]; then
      echo "oneself.exe needs DLLs that Windows does not ship:$bad" >&2
      exit 1
    fi
    ;;
  *)
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2 ;;
esac
