// The whole content script stack (namespace, adapter, kit, the real site
// module, UI, content script) on every site's saved fixtures, in the
// manifest's order, against a recording stand-in for the background:
// the user's own pages are checked; someone else's page sends nothing of it.
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {fixture, fixturesDir, loadPage} from './load.js';
import {fakeTimers} from './helpers/fake-timers.js';
import {manifest} from './helpers/ui-scripts.js';

const canonical = JSON.parse(readFileSync(join(fixturesDir, 'ada.canonical.json'), 'utf8'));
const plain = value => JSON.parse(JSON.stringify(value));

function networkSite(network) {
	const id = String(network).toLowerCase();
	return id === 'twitter' ? 'x' : id;
}

async function run(siteId, file, url) {
	const entry = manifest.content_scripts.find(candidate => candidate.js.includes(`sites/${siteId}.js`));
	const scripts = entry ? entry.js.slice(1) : ['lib/browser.js', 'sites/kit.js', `sites/${siteId}.js`, ...manifest.content_scripts[0].js.slice(4)];
	const dom = loadPage({html: fixture(siteId, file.replace(/\.html$/, '')), url, scripts});
	const {window} = dom;
	const timers = fakeTimers();
	const sent = [];
	const send = async (channel, payload) => {
		sent.push({channel, payload: plain(payload)});
		if (channel === 'profiles.mine') {
			return {ok: true, result: {site: siteId, profiles: canonical.profile.profiles.filter(entry => networkSite(entry.network) === siteId)}};
		}

		if (channel === 'check') {
			return {ok: true, result: {revision: 1, warnings: [], checked: Object.keys(payload.fields)}};
		}

		return {ok: true, result: {}};
	};

	const site = window.oneself.sites.get(siteId);
	const page = window.oneself.content.createPage({document: window.document, site, send, timers, now: timers.now});
	await page.begin();
	// Let a page that renders nothing yet give up waiting.
	await timers.advance(9000);
	return {sent, document: window.document};
}

const siteIds = manifest.content_scripts.map(entry => entry.js.find(file => file.startsWith('sites/') && file !== 'sites/kit.js').slice(6, -3));

for (const siteId of siteIds) {
	const pagesFile = join(fixturesDir, siteId, 'pages.json');
	if (!existsSync(pagesFile)) {
		continue;
	}

	const pages = JSON.parse(readFileSync(pagesFile, 'utf8'));
	if (pages['own-view.html']) {
		test(`${siteId}: the user's own view page is checked once, with its fields`, async () => {
			const {sent, document} = await run(siteId, 'own-view.html', pages['own-view.html']);
			const checks = sent.filter(entry => entry.channel === 'check');
			assert.equal(checks.length, 1);
			assert.equal(checks[0].payload.mode, 'view');
			assert.ok(Object.keys(checks[0].payload.fields).length > 0);
			assert.equal(document.documentElement.dataset.oneselfChecks, '1');
		});
	}

	if (pages['other-view.html']) {
		test(`${siteId}: someone else's page sends nothing of it`, async () => {
			const html = fixture(siteId, 'other-view');
			const {sent, document} = await run(siteId, 'other-view.html', pages['other-view.html']);
			// Either not a profile page at all (nothing sent), or asked and left alone.
			const channels = sent.map(entry => entry.channel);
			assert.ok(channels.length === 0 || JSON.stringify(channels) === '["profiles.mine","page.report"]', channels.join());
			assert.ok(sent.every(entry => entry.channel !== 'page.report' || entry.payload.own === false));
			assert.equal(document.documentElement.dataset.oneselfChecks, undefined);
			assert.equal(document.querySelector('oneself-warning, oneself-summary'), null);
			// Nothing of the page's text went out (the handle comes from the URL).
			const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim();
			if (title) {
				assert.equal(JSON.stringify(sent).includes(title), false);
			}
		});
	}

	if (pages['edit.html']) {
		test(`${siteId}: the edit form is checked in edit mode`, async () => {
			const {sent} = await run(siteId, 'edit.html', pages['edit.html']);
			const checks = sent.filter(entry => entry.channel === 'check');
			assert.ok(checks.length >= 1, 'checked');
			assert.equal(checks[0].payload.mode, 'edit');
		});
	}
}
