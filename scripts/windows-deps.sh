#!/usr/bin/env bash
# Builds the compiled dependencies of the Windows host (OpenSSL's libcrypto
# and utf8proc, static) with Debian's MinGW-w64 toolchain, from Debian's own
# source packages (`apt-get source`, the same archive the machine installs
# from). Nothing is downloaded from anywhere else and nothing lands in the
# clone: the result goes to
#
#   ${XDG_CACHE_HOME:-~/.cache}/oneself/windows-deps/<key>/{include,lib}
#
# where <key> hashes the source package versions and this script, so a second
# run with the same inputs only prints the path. The header-only dependencies
# (nlohmann-json, spdlog, fmt's headers, stb, Catch2) come from the system's
# -dev packages as they are; cmake/toolchain-mingw-w64.cmake finds both.
#
#   scripts/windows-deps.sh            build if needed; print the prefix
#   scripts/windows-deps.sh --print    print the prefix the inputs map to
#
# Needs root the first time only if deb-src entries must be added to apt.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
triplet=x86_64-w64-mingw32
print_only=0
case "${1:-}" in
  --print) print_only=1 ;;
  "") ;;
  *) echo "windows-deps.sh: unknown option: $1" >&2; exit 2 ;;
esac

log() { echo "windows-deps.sh: $*" >&2; }

# The source version built is the one apt would install for the binary
# package (its candidate), so the Windows host links the same code as a
# Linux host built on an up-to-date machine; the archive keeps sources of
# current versions only, so the installed one may no longer be there.
candidate_version() {  # candidate_version BINARY_PACKAGE
  apt-cache policy "$1" 2>/dev/null | awk '$1 == "Candidate:" { print $2 }'
}
openssl_version="$(candidate_version libssl-dev)"
utf8proc_version="$(candidate_version libutf8proc-dev)"
if [ -z "$openssl_version" ] || [ "$openssl_version" = "(none)" ] ||
   [ -z "$utf8proc_version" ] || [ "$utf8proc_version" = "(none)" ]; then
  log "apt knows no libssl-dev or libutf8proc-dev (apt-get update?)"
  exit 1
fi
compiler_version="$(${triplet}-gcc -dumpversion 2>/dev/null || true)"
if [ -z "$compiler_version" ]; then
  log "${triplet}-gcc not found: apt-get install g++-mingw-w64-x86-64-posix (scripts/deps.sh --test)"
  exit 1
fi

script_hash="$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-16)"
key="$(printf 'openssl=%s\nutf8proc=%s\ngcc=%s\nscript=%s\n' \
  "$openssl_version" "$utf8proc_version" "$compiler_version" "$script_hash" |
  sha256sum | cut -c1-16)"
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/oneself/windows-deps"
prefix="$cache_root/$key"

if [ "$print_only" = 1 ] || [ -f "$prefix/.complete" ]; then
  echo "$prefix"
  exit 0
fi

# apt-get source needs deb-src entries. Add them for exactly the Debian
# archives the machine already uses (same URIs, suites, keys), in a file of
# our own, and refresh only that file's lists.
ensure_deb_src() {
  if apt-get source --print-uris -qq "utf8proc=$utf8proc_version" >/dev/null 2>&1; then
    return 0
  fi
  local out=/etc/apt/sources.list.d/oneself-deb-src.sources
  log "adding deb-src entries for the Debian archives in use ($out)"
  local tmp
  tmp="$(mktemp)"
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ "$f" = "$out" ] && continue
    [ -f "$f" ] || continue
    # deb822: copy each stanza whose URIs are a Debian archive, as deb-src.
    awk 'BEGIN { RS = ""; ORS = "\n\n" }
         /URIs:[^\n]*debian/ && /Types:[^\n]*deb/ {
           gsub(/Types:[^\n]*/, "Types: deb-src"); print }' "$f" >>"$tmp"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    # One-line format: each "deb" line of a Debian archive, as deb822.
    awk '$1 == "deb" && $0 ~ /debian/ {
           opts = ""; i = 2
           if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
           printf "Types: deb-src\nURIs: %s\nSuites: %s\nComponents:", $i, $(i+1)
           for (j = i + 2; j <= NF; j++) printf " %s", $j
           printf "\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n" }' "$f" >>"$tmp"
  done
  if [ ! -s "$tmp" ]; then
    rm -f "$tmp"
    log "no Debian archive found in the apt sources; add deb-src entries by hand"
    exit 1
  fi
  local sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" install -m 0644 "$tmp" "$out"
  rm -f "$tmp"
  "${sudo_cmd[@]}" apt-get update -qq \
    -o Dir::Etc::sourcelist="$out" -o Dir::Etc::sourceparts=- \
    -o APT::Get::List-Cleanup=0
}

ensure_deb_src
jobs="$(nproc 2>/dev/null || echo 2)"
work="$(mktemp -d "${TMPDIR:-/tmp}/oneself-windows-deps.XXXXXX")"
trap 'rm -rf "$work"' EXIT
stage="$work/prefix"
mkdir -p "$stage/include" "$stage/lib"

# Unpacks SOURCE_PACKAGE with Debian's patches applied (dpkg-source -x), so
# the code is Debian's; prints the directory and records the version in
# $work/VERSION-<package>. The wanted version comes first; when the mirror no
# longer serves it (a security update superseded before the mirror's
# snapshot), the newest version apt knows that it does serve.
fetch_source() {  # fetch_source SOURCE_PACKAGE WANTED_VERSION
  local pkg="$1" v
  for v in "$2" $(apt-cache showsrc "$pkg" | awk '/^Version:/ { print $2 }' | sort -Vr); do
    if (cd "$work" && apt-get source -qq --download-only "$pkg=$v" >/dev/null 2>&1); then
      [ "$v" = "$2" ] || log "$pkg $2 is not on the mirror; building $v"
      (cd "$work" && dpkg-source -x "${pkg}_${v#*:}.dsc" "$pkg-src" >/dev/null)
      echo "$v" >"$work/VERSION-$pkg"
      echo "$work/$pkg-src"
      return 0
    fi
    rm -f "$work/${pkg}_"*
  done
  log "no source of $pkg could be fetched (deb-src entries? network?)"
  return 1
}

start=$(date +%s)

# OpenSSL: libcrypto only, static. The host uses SHA-256 alone
# (host/src/crypto/sha256.cpp); what is switched off here is what would pull
# in sockets, threads' helpers or code loading at run time.
log "building OpenSSL (libcrypto, static, mingw64)"
src="$(fetch_source openssl "$openssl_version")"
(
  cd "$src"
  ./Configure mingw64 --cross-compile-prefix="${triplet}-" \
    --prefix="$stage" --libdir=lib \
    no-shared no-dso no-engine no-module no-tests no-ui-console no-sock \
    no-async no-comp no-autoload-config no-apps no-legacy no-docs \
    -static >"$work/openssl-configure.log" 2>&1 ||
  ./Configure mingw64 --cross-compile-prefix="${triplet}-" \
    --prefix="$stage" --libdir=lib \
    no-shared no-dso no-engine no-module no-tests no-ui-console no-sock \
    no-async no-comp no-autoload-config no-legacy \
    -static >"$work/openssl-configure.log" 2>&1 || {
      cat "$work/openssl-configure.log" >&2; exit 1; }
  make -s -j"$jobs" build_generated >/dev/null
  make -s -j"$jobs" libcrypto.a >/dev/null
  cp libcrypto.a "$stage/lib/"
  cp -r include/openssl "$stage/include/"
)

# utf8proc: one C file.
log "building utf8proc (static)"
src="$(fetch_source utf8proc "$utf8proc_version")"
(
  cd "$src"
  ${triplet}-gcc -O2 -DUTF8PROC_STATIC -c utf8proc.c -o utf8proc.o
  ${triplet}-ar rcs "$stage/lib/libutf8proc.a" utf8proc.o
  cp utf8proc.h "$stage/include/"
)

printf 'openssl %s\nutf8proc %s\nmingw gcc %s\nscript %s\nbuilt in %ss\n' \
  "$(cat "$work/VERSION-openssl")" "$(cat "$work/VERSION-utf8proc")" \
  "$compiler_version" "$script_hash" \
  "$(($(date +%s) - start))" >"$stage/BUILD-INFO"
mkdir -p "$cache_root"
rm -rf "$prefix"
mv "$stage" "$prefix"
touch "$prefix/.complete"
log "done in $(($(date +%s) - start))s"
echo "$prefix"
