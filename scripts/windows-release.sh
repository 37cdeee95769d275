#!/usr/bin/env bash
# Packs the Windows release: dist/oneself-<version>-windows-x64.zip with
#   oneself/oneself.exe           static: imports system DLLs only
#   oneself/oneself-<version>-chromium.zip, oneself-<version>-firefox.zip
#                                 (scripts/package-extension.sh)
#   oneself/README.md, LICENSE (if any), docs/
# Registration is `oneself.exe register` (no script to ship). Builds
# build-windows/ first if its oneself.exe is missing.
#
#   scripts/windows-release.sh [OUT_DIR]   (default: dist/)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/dist}"
tree="${ONESELF_WINDOWS_TREE:-$root/build-windows}"
exe="$tree/host/oneself.exe"
if [ ! -f "$exe" ]; then
  (cd "$root" && cmake --preset windows >/dev/null)
  cmake --build "$tree" -j2 --target oneself
fi
version="$(sed -n 's/^project(oneself VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
stage="$work/oneself"
mkdir -p "$stage/docs" "$out"
out="$(cd "$out" && pwd)"
x86_64-w64-mingw32-strip -o "$stage/oneself.exe" "$exe"
"$root/scripts/package-extension.sh" "$work/ext" >/dev/null
for f in "$work"/ext/*.zip; do cp "$f" "$stage/"; done
cp "$root/README.md" "$stage/"
[ -f "$root/LICENSE" ] && cp "$root/LICENSE" "$stage/"
cp "$root"/docs/*.md "$stage/docs/"
zip_path="$out/oneself-$version-windows-x64.zip"
rm -f "$zip_path"
(cd "$work" && zip -q -r -X "$zip_path" oneself)
echo "$zip_path"
