#!/bin/sh
# Packs the unpacked extension into one zip per browser family, for people who
# prefer installing a file. The source tree itself loads unpacked as is.
#   chromium: the manifest as is (its `key` pins the id the host allows)
#   firefox:  without `key` and `background.service_worker`, which Firefox ignores
# Usage: scripts/package-extension.sh [OUT_DIR]   (default: dist/)
set -eu

root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
out=${1:-"$root/dist"}
mkdir -p "$out"
out=$(CDPATH= cd -- "$out" && pwd)
version=$(node -p "require('$root/extension/manifest.json').version")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

for flavour in chromium firefox; do
	mkdir -p "$work/$flavour"
	cp -R "$root/extension/." "$work/$flavour/"
	rm -f "$work/$flavour/sites/README.md"
	if [ "$flavour" = firefox ]; then
		node -e '
			const fs = require("fs");
			const file = process.argv[1];
			const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
			delete manifest.key;
			delete manifest.background.service_worker;
			fs.writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");
		' "$work/$flavour/manifest.json"
	fi

	zip_file="$out/oneself-$version-$flavour.zip"
	rm -f "$zip_file"
	(cd "$work/$flavour" && zip -q -r -X "$zip_file" .)
	echo "$zip_file"
done
