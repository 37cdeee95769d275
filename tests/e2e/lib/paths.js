// Where things are: the repository, the extension, the fixtures, the host binary.
import {existsSync, readdirSync, statSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

export const repoDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

// ONESELF_E2E_INSTALLED=1: the scenarios run against what the Debian package
// installed (tests/package/deb_test.sh): the host manifests in the browsers'
// system-wide folders, the extension from /usr/share/oneself (Chromium
// installs its .crx from /usr/share/chromium/extensions), ONESELF_BINARY
// /usr/bin/oneself. Nothing is registered per profile then.
export const installed = process.env.ONESELF_E2E_INSTALLED === '1';
export const extensionDir = installed ? '/usr/share/oneself/extension' : join(repoDir, 'extension');
export const fixturesDir = join(repoDir, 'tests', 'extension', 'fixtures');
export const canonicalPath = join(fixturesDir, 'ada.canonical.json');
export const allowedCallersPath = join(repoDir, 'manifest', 'allowed-callers.json');

// The host binary: ONESELF_BINARY (CTest sets it to the built target), else
// the newest build-*/host/oneself in the repository.
export function findHostBinary() {
	if (process.env.ONESELF_BINARY) {
		return process.env.ONESELF_BINARY;
	}

	const candidates = readdirSync(repoDir)
		.filter(name => name === 'build' || name.startsWith('build-'))
		.map(name => join(repoDir, name, 'host', 'oneself'))
		.filter(path => existsSync(path))
		.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
	if (candidates.length === 0) {
		throw new Error('no oneself binary: build it (cmake --build build --target oneself) or set ONESELF_BINARY');
	}

	return candidates[0];
}

export function chromiumPath() {
	return process.env.ONESELF_CHROMIUM ?? '/usr/lib/chromium/chromium';
}

export function firefoxPath() {
	return process.env.ONESELF_FIREFOX ?? '/usr/lib/firefox-esr/firefox-esr';
}
