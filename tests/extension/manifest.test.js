// The manifest is the one list of what runs where: every file it names
// exists, every site module is injected on its site, and the background
// works as a service worker (Chromium) and as event-page scripts (Firefox).
import assert from 'node:assert/strict';
import {existsSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {extensionDir} from './load.js';
import {manifest} from './helpers/ui-scripts.js';
import {contentScripts} from '../../extension/background/mastodon.js';
import {contentScripts as scriptsWith} from '../../extension/background/user-hosts.js';
import {SITE_HOSTS} from '../../extension/background/site-hosts.js';

test('the pinned key and gecko id are kept; MV3 with one background for both browsers', () => {
	assert.equal(manifest.manifest_version, 3);
	assert.ok(manifest.key.startsWith('MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'));
	assert.equal(manifest.browser_specific_settings.gecko.id, 'oneself@oneself.org');
	assert.equal(manifest.background.service_worker, 'background/main.js');
	assert.deepEqual(manifest.background.scripts, ['background/main.js']);
	assert.equal(manifest.background.type, 'module');
	for (const permission of ['nativeMessaging', 'storage', 'clipboardWrite', 'scripting']) {
		assert.ok(manifest.permissions.includes(permission), permission);
	}
});

test('every file the manifest names exists', () => {
	const files = [
		manifest.background.service_worker,
		manifest.action.default_popup,
		manifest.options_ui.page,
		...manifest.content_scripts.flatMap(entry => entry.js),
	];
	for (const file of files) {
		assert.ok(existsSync(join(extensionDir, file)), file);
	}
});

test('every site module is injected on its hosts, after the namespace and the kit, before the UI', () => {
	// Mastodon's and the website's hosts are the user's: registered at run time.
	const runtime = new Set(['kit.js', 'mastodon.js', 'website.js']);
	const modules = readdirSync(join(extensionDir, 'sites')).filter(file => file.endsWith('.js') && !runtime.has(file));
	for (const file of modules) {
		const id = file.replace(/\.js$/, '');
		const entry = manifest.content_scripts.find(candidate => candidate.js.includes(`sites/${file}`));
		assert.ok(entry, `sites/${file} has a content_scripts entry`);
		assert.deepEqual(entry.matches.map(pattern => new URL(pattern.replace('/*', '/')).hostname).sort(), [...SITE_HOSTS[id]].sort(), `${id} matches its hosts`);
		assert.deepEqual(entry.js.slice(0, 3), ['lib/namespace.js', 'lib/browser.js', 'sites/kit.js']);
		assert.equal(entry.js.at(-1), 'content/main.js');
		for (const pattern of entry.matches) {
			assert.ok(manifest.host_permissions.includes(pattern), `${pattern} is a host permission`);
		}
	}
});

test('Mastodon instances get the same scripts with the Mastodon module', () => {
	const scripts = contentScripts(manifest);
	assert.ok(scripts.includes('sites/mastodon.js'));
	assert.equal(scripts.filter(file => file.startsWith('sites/')).length, 2, 'the kit and the Mastodon module');
	assert.equal(scripts.at(-1), 'content/main.js');
	assert.ok(manifest.optional_host_permissions.includes('https://*/*'));
});

test('the user\'s website gets the same scripts with the website module', () => {
	const scripts = scriptsWith(manifest, 'sites/website.js');
	assert.deepEqual(scripts.filter(file => file.startsWith('sites/')), ['sites/kit.js', 'sites/website.js']);
	assert.deepEqual(scripts.filter(file => !file.startsWith('sites/')), contentScripts(manifest).filter(file => !file.startsWith('sites/')));
});

test('the scripts are registered by path even when the manifest is read back as Firefox gives it', () => {
	// Firefox's runtime.getManifest() lists content scripts as absolute
	// moz-extension:// URLs, and registerContentScripts refuses those.
	const origin = 'moz-extension://288c4586-7789-4a50-b3e7-2556a03b6161/';
	const asFirefoxGivesIt = {...manifest, content_scripts: manifest.content_scripts.map(entry => ({...entry, js: entry.js.map(file => origin + file)}))};
	assert.deepEqual(scriptsWith(asFirefoxGivesIt, 'sites/website.js'), scriptsWith(manifest, 'sites/website.js'));
	assert.deepEqual(contentScripts(asFirefoxGivesIt), contentScripts(manifest));
});
