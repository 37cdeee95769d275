#!/bin/sh
# Installs the oneself add-on for every user of a Firefox that allows it,
# through the enterprise policy file: ExtensionSettings installs the .xpi
# from a file:// URL at the next start, and the Preferences policy turns off
# the signature requirement, which Firefox ESR, Developer Edition, Nightly
# and LibreWolf honour (release Firefox needs a signed .xpi: pass it with
# --xpi). Every other policy in the file is kept; --remove takes out only
# what this script adds. See docs/packaging.md, "Firefox".
#
#   sudo scripts/firefox-policy.sh [--xpi FILE] [--file POLICIES.JSON] [--remove]
#
# Defaults: --xpi /usr/share/oneself/oneself-firefox.xpi (the Debian
# package's), --file /etc/firefox/policies/policies.json (read by Firefox and
# Debian's firefox-esr). Needs node to edit the JSON.
set -eu

addon_id=oneself@oneself.org
xpi=/usr/share/oneself/oneself-firefox.xpi
file=/etc/firefox/policies/policies.json
action=add
while [ $# -gt 0 ]; do
	case $1 in
		--xpi) [ $# -ge 2 ] || { echo "firefox-policy: --xpi needs a file" >&2; exit 2; }; xpi=$2; shift 2 ;;
		--file) [ $# -ge 2 ] || { echo "firefox-policy: --file needs a path" >&2; exit 2; }; file=$2; shift 2 ;;
		--remove) action=remove; shift ;;
		-h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "firefox-policy: unknown option $1 (see --help)" >&2; exit 2 ;;
	esac
done
command -v node >/dev/null 2>&1 || { echo "firefox-policy: needs node (apt-get install nodejs) to edit $file" >&2; exit 1; }
if [ "$action" = add ]; then
	case $xpi in /*) ;; *) xpi="$PWD/$xpi" ;; esac
	[ -f "$xpi" ] || { echo "firefox-policy: no add-on at $xpi (install the oneself package, or pass --xpi)" >&2; exit 1; }
fi

mkdir -p "$(dirname "$file")"
tmp=$(mktemp "$(dirname "$file")/.policies.json.XXXXXX")
trap 'rm -f "$tmp"' EXIT INT TERM
node - "$file" "$tmp" "$action" "$addon_id" "$xpi" <<'JS'
const fs = require('fs');
const [file, out, action, id, xpi] = process.argv.slice(2);
let doc = {policies: {}};
if (fs.existsSync(file)) {
	try {
		doc = JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch (error) {
		console.error(`firefox-policy: ${file} is not valid JSON (${error.message}); fix or move it first`);
		process.exit(1);
	}
}
if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) doc = {};
doc.policies ??= {};
const p = doc.policies;
if (action === 'add') {
	p.ExtensionSettings ??= {};
	p.ExtensionSettings[id] = {
		installation_mode: 'normal_installed',
		install_url: 'file://' + encodeURI(xpi),
	};
	p.Preferences ??= {};
	p.Preferences['xpinstall.signatures.required'] = {Value: false, Status: 'locked'};
} else {
	if (p.ExtensionSettings) {
		delete p.ExtensionSettings[id];
		if (Object.keys(p.ExtensionSettings).length === 0) delete p.ExtensionSettings;
	}
	if (p.Preferences) {
		delete p.Preferences['xpinstall.signatures.required'];
		if (Object.keys(p.Preferences).length === 0) delete p.Preferences;
	}
}
fs.writeFileSync(out, JSON.stringify(doc, null, 2) + '\n');
JS
if [ "$action" = remove ] && [ "$(tr -d ' \n' < "$tmp")" = '{"policies":{}}' ]; then
	rm -f "$file"
	echo "removed $file (it held only oneself's policy)"
else
	chmod 644 "$tmp"
	mv -f "$tmp" "$file"
	echo "wrote $file"
fi
[ "$action" = remove ] || echo "Restart Firefox: it installs oneself from $xpi (Firefox ESR, Developer Edition, Nightly, LibreWolf; release Firefox only if the .xpi is signed)."
