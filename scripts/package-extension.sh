#!/bin/sh
# Packs the unpacked extension for each way it is installed. The source tree
# itself loads unpacked as is.
#   oneself-VERSION-chromium.zip   the manifest as is (its `key` pins the id
#                                  the host allows): unzip and load unpacked
#   oneself-VERSION.crx            the same files packed and signed with
#                                  packaging/extension-key.pem (CRX3): what
#                                  the browsers' external-extensions files name
#   oneself-VERSION-chrome-web-store.zip
#                                  without `key`, which the Chrome Web Store
#                                  refuses (it assigns the id itself)
#   oneself-VERSION-firefox.zip    without `key` and `background.service_worker`,
#                                  which Firefox ignores: for web-ext lint/sign
#                                  and addons.mozilla.org
# Usage: scripts/package-extension.sh [OUT_DIR]   (default: dist/)
# The zips are made from sorted names with fixed times, so the same sources
# give the same bytes.
set -eu

root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
out=${1:-"$root/dist"}
mkdir -p "$out"
out=$(CDPATH= cd -- "$out" && pwd)
version=$(node -p "require('$root/extension/manifest.json').version")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# edit_manifest DIR KEY...: deletes each dotted KEY from DIR/manifest.json.
edit_manifest() {
	dir=$1
	shift
	node -e '
		const fs = require("fs");
		const [file, ...keys] = process.argv.slice(1);
		const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
		for (const key of keys) {
			const parts = key.split(".");
			const last = parts.pop();
			let at = manifest;
			for (const p of parts) at = at[p];
			delete at[last];
		}
		fs.writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");
	' "$dir/manifest.json" "$@"
}

for flavour in chromium chrome-web-store firefox; do
	mkdir -p "$work/$flavour"
	cp -R "$root/extension/." "$work/$flavour/"
	rm -f "$work/$flavour/sites/README.md"
	case $flavour in
		chrome-web-store) edit_manifest "$work/$flavour" key ;;
		firefox) edit_manifest "$work/$flavour" key background.service_worker ;;
	esac

	zip_file="$out/oneself-$version-$flavour.zip"
	rm -f "$zip_file"
	(cd "$work/$flavour" && find . -exec touch -h -d 2000-01-01T00:00:00Z {} + &&
		find . -type f | LC_ALL=C sort | zip -q -X -D "$zip_file" -@)
	echo "$zip_file"
done

crx_file="$out/oneself-$version.crx"
node "$root/scripts/pack-crx.mjs" "$out/oneself-$version-chromium.zip" \
	"$root/packaging/extension-key.pem" "$crx_file" >/dev/null
echo "$crx_file"
