#!/bin/sh
# Signs the Firefox add-on through addons.mozilla.org, so that release
# Firefox installs it (it installs signed add-ons only). For maintainers; it
# needs the network and an AMO API key, and no test runs it.
#
#   AMO_JWT_ISSUER=user:... AMO_JWT_SECRET=... scripts/sign-firefox.sh [OUT_DIR]
#
# Packs the extension (scripts/package-extension.sh), lints the Firefox
# flavour with web-ext, and runs `web-ext sign` on it. The add-on id is
# pinned in the manifest (browser_specific_settings.gecko.id), which the host
# allows, so the signed add-on works with the host as it is.
#   ONESELF_AMO_CHANNEL  unlisted (default: signed for self-distribution,
#                        the .xpi lands in OUT_DIR) or listed (submitted for
#                        the public listing; AMO reviews it)
#   OUT_DIR              default dist/
# The API key is made at https://addons.mozilla.org/developers/addon/api/key/
# and read from the environment only: never put it on a command line, where
# other users' `ps` shows it.
set -eu

root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
out=${1:-"$root/dist"}
channel=${ONESELF_AMO_CHANNEL:-unlisted}
case $channel in listed|unlisted) ;; *) echo "sign-firefox: ONESELF_AMO_CHANNEL must be listed or unlisted, not $channel" >&2; exit 2 ;; esac
if [ -z "${AMO_JWT_ISSUER:-}" ] || [ -z "${AMO_JWT_SECRET:-}" ]; then
	echo "sign-firefox: set AMO_JWT_ISSUER and AMO_JWT_SECRET (your addons.mozilla.org API key: https://addons.mozilla.org/developers/addon/api/key/)" >&2
	exit 2
fi
web_ext="$root/node_modules/.bin/web-ext"
[ -x "$web_ext" ] || { echo "sign-firefox: no web-ext; run npm ci in $root" >&2; exit 1; }

version=$(node -p "require('$root/extension/manifest.json').version")
sh "$root/scripts/package-extension.sh" "$out" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
(cd "$work" && unzip -q "$out/oneself-$version-firefox.zip")

"$web_ext" lint --source-dir "$work" --no-config-discovery
# web-ext reads the key and secret from these variables itself, so they
# never appear in a process list.
WEB_EXT_API_KEY=$AMO_JWT_ISSUER WEB_EXT_API_SECRET=$AMO_JWT_SECRET \
	"$web_ext" sign --source-dir "$work" --artifacts-dir "$out" --channel "$channel" --no-config-discovery
echo "signed: see $out (channel $channel)"
