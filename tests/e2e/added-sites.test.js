// The user's own website, end to end in Chromium: the options page offers the
// canonical website, one click adds it, the background registers the content
// scripts on it, and its pages are checked by the real host: the About page
// shows its documented differences, WordPress's Profile screen warns as the
// bio is typed and takes "Use canonical".
//
// The one thing not exercised is the browser's own permission prompt (browser
// UI, which no page script can click): the extension is loaded from a copy
// whose manifest already holds the site's host permission, so the options
// page's permissions.request() resolves without asking, as it does for a user
// who granted it before. Everything after the click is the product's code.
import assert from 'node:assert/strict';
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before} from 'node:test';
import {extensionOrigin} from './lib/chromium.js';
import {useCanonicalScenario, viewScenario} from './lib/core-scenarios.js';
import {startFixtureServer} from './lib/fixture-server.js';
import {extensionDir} from './lib/paths.js';
import {scenario} from './lib/scenario.js';
import {withWorld} from './lib/world.js';

const site = 'ada.example.com';
let server;
let copy;

before(async () => {
	server = await startFixtureServer();
	copy = mkdtempSync(join(tmpdir(), 'oneself-extension-'));
	cpSync(extensionDir, copy, {recursive: true});
	const manifestPath = join(copy, 'manifest.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
	manifest.host_permissions.push(`https://${site}/*`, `https://*.${site}/*`);
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
});
after(() => {
	server.close();
	rmSync(copy, {recursive: true, force: true});
});

// The options page offers the canonical website; the click adds it.
async function addWebsite(page) {
	await page.goto(`${extensionOrigin}/options/options.html`);
	const offer = await page.waitForSelector(`#website-suggestions ::-p-text(Add ${site})`, {timeout: 20_000});
	await offer.click();
	await page.waitForFunction(host => document.getElementById('website-list').textContent.includes(host), {timeout: 20_000}, site);
	assert.equal(await page.$eval('#website-status', element => element.textContent), '');
}

scenario('Website: added in the options, the About page shows exactly its documented differences', async () => {
	await withWorld({server, extensionDir: copy}, async world => {
		await addWebsite(world.page);
		await viewScenario({server, site: 'website', ...world});
	});
});

scenario('Website: on WordPress\'s Profile screen a typed bio warns, and Use canonical writes it back', async () => {
	await withWorld({server, extensionDir: copy}, async world => {
		await addWebsite(world.page);
		await useCanonicalScenario({server, site: 'website', ...world});
	});
});
