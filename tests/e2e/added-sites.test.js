// The sites whose hosts the user adds (their own website, Mastodon
// instances), end to end in Chromium and Firefox: the options page offers the
// host the canonical profile names, one click adds it, the background
// registers the content scripts on it, and its pages are checked by the real
// host. The website's About page and a Mastodon profile show exactly their
// documented differences; WordPress's Profile screen warns as the bio is
// typed and takes "Use canonical".
//
// The one thing not exercised is the browser's own permission prompt (browser
// UI, which no page script can click): the extension is loaded from a copy
// whose manifest already holds the hosts' permission, so the options page's
// permissions.request() resolves without asking, as it does for a user who
// granted it before. Everything after the click is the product's code.
import assert from 'node:assert/strict';
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before} from 'node:test';
import {openPopupAsTab} from './lib/actions.js';
import {extensionOrigin} from './lib/chromium.js';
import {useCanonicalScenario, viewScenario} from './lib/core-scenarios.js';
import {startFixtureServer} from './lib/fixture-server.js';
import {extensionDir} from './lib/paths.js';
import {scenario} from './lib/scenario.js';
import {withWorld} from './lib/world.js';

// Per site: the host the options page offers, and the section it is in.
const added = {
	website: {host: 'ada.example.com', section: 'website'},
	mastodon: {host: 'mastodon.example', section: 'mastodon'},
};

let server;
let copy;

before(async () => {
	server = await startFixtureServer();
	copy = mkdtempSync(join(tmpdir(), 'oneself-extension-'));
	cpSync(extensionDir, copy, {recursive: true});
	const manifestPath = join(copy, 'manifest.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
	for (const {host} of Object.values(added)) {
		manifest.host_permissions.push(`https://${host}/*`, `https://*.${host}/*`);
	}

	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
});
after(() => {
	server.close();
	rmSync(copy, {recursive: true, force: true});
});

// The options page, opened in a tab of its own as a user would, offers the
// host; the click adds it.
async function addHost({browser, page, session}, site) {
	const {host, section} = added[site];
	const options = await openPopupAsTab(browser, page, `${session.extensionOrigin ?? extensionOrigin}/options/options.html`);
	try {
		await options.bringToFront();
		// The two sections fill their offers from replies of their own; the
		// click is a real one (the permission request needs the gesture), and a
		// section filled between taking the button's position and clicking
		// would move it. Both are waited for: each offers Ada's own host.
		await options.waitForFunction(() => ['mastodon', 'website'].every(section => document.querySelector(`#${section}-suggestions button`)), {timeout: 20_000, polling: 'mutation'});
		const offer = await options.waitForSelector(`#${section}-suggestions ::-p-text(Add ${host})`, {timeout: 20_000});
		await offer.click();
		await options.waitForFunction((section, host) => document.getElementById(`${section}-list`).textContent.includes(host), {timeout: 20_000, polling: 'mutation'}, section, host);
		assert.equal(await options.$eval(`#${section}-status`, element => element.textContent), `Added ${host}. Tabs already open on it read it once reloaded.`);
	} finally {
		await options.close();
		await page.bringToFront();
	}
}

for (const browser of ['chromium', 'firefox']) {
	const label = browser === 'firefox' ? ', Firefox' : '';
	for (const site of ['website', 'mastodon']) {
		const name = site === 'website' ? 'Website' : 'Mastodon';
		scenario(`${name}${label}: added in the options, the profile page shows exactly its documented differences`, async () => {
			await withWorld({server, browser, extensionDir: copy}, async world => {
				await addHost(world, site);
				await viewScenario({server, site, ...world});
			});
		});
	}
}

scenario('Website: on WordPress\'s Profile screen a typed bio warns, and Use canonical writes it back', async () => {
	await withWorld({server, extensionDir: copy}, async world => {
		await addHost(world, 'website');
		await useCanonicalScenario({server, site: 'website', ...world});
	});
});
