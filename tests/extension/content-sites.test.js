// The whole content script stack (namespace, adapter, kit, the real site
// module, UI, content script) on every site's saved fixtures, in the
// manifest's order, against a recording stand-in for the background:
// the user's own pages are checked; someone else's page sends nothing of it.
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {siteProfiles} from '../../extension/background/site-hosts.js';
import {contentScripts} from '../../extension/background/user-hosts.js';
import {fixture, fixturesDir, loadPage} from './load.js';
import {fakeTimers} from './helpers/fake-timers.js';
import {manifest} from './helpers/ui-scripts.js';

const canonical = JSON.parse(readFileSync(join(fixturesDir, 'ada.canonical.json'), 'utf8'));
const plain = value => JSON.parse(JSON.stringify(value));

// `warnings`: what the stand-in host answers to every check.
async function run(siteId, file, url, html = fixture(siteId, file.replace(/\.html$/, '')), warnings = []) {
	// Sites without a manifest entry get the scripts the background registers at run time.
	const entry = manifest.content_scripts.find(candidate => candidate.js.includes(`sites/${siteId}.js`));
	const scripts = (entry ? entry.js : contentScripts(manifest, `sites/${siteId}.js`)).slice(1);
	const dom = loadPage({html, url, scripts});
	const {window} = dom;
	const timers = fakeTimers();
	const sent = [];
	const send = async (channel, payload) => {
		sent.push({channel, payload: plain(payload)});
		if (channel === 'profiles.mine') {
			return {ok: true, result: {site: siteId, profiles: siteProfiles(canonical.profile, siteId)}};
		}

		if (channel === 'check') {
			return {ok: true, result: {revision: 1, warnings, checked: Object.keys(payload.fields)}};
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

// The manifest's sites, and those whose hosts the user names (Mastodon, the website).
const siteIds = [...manifest.content_scripts.map(entry => entry.js.find(file => file.startsWith('sites/') && file !== 'sites/kit.js').slice(6, -3)), 'mastodon', 'website'];

for (const siteId of siteIds) {
	const pagesFile = join(fixturesDir, siteId, 'pages.json');
	if (!existsSync(pagesFile)) {
		continue;
	}

	const pages = JSON.parse(readFileSync(pagesFile, 'utf8'));
	if (pages['own-view.html']) {
		test(`${siteId}: the user's own view page is checked once, with its fields (the photo beside them)`, async () => {
			const {sent, document} = await run(siteId, 'own-view.html', pages['own-view.html']);
			const checks = sent.filter(entry => entry.channel === 'check');
			const text = checks.filter(entry => !('photo' in entry.payload.fields));
			const photo = checks.filter(entry => 'photo' in entry.payload.fields);
			assert.equal(text.length, 1, 'one check of the text fields');
			assert.ok(photo.length <= 1, 'at most one of the photo');
			assert.ok(photo.every(entry => JSON.stringify(Object.keys(entry.payload.fields)) === '["photo"]'), 'the photo is asked on its own');
			assert.ok(checks.every(entry => entry.payload.mode === 'view'));
			assert.ok(Object.keys(text[0].payload.fields).length > 0);
			assert.equal(document.documentElement.dataset.oneselfChecks, '1');
		});
	}

	if (pages['other-view.html']) {
		test(`${siteId}: someone else's page sends nothing of it`, async () => {
			const html = fixture(siteId, 'other-view');
			const {sent, document} = await run(siteId, 'other-view.html', pages['other-view.html']);
			// Either not a profile page at all (only that is reported, so the
			// popup forgets the page before), or asked and left alone.
			const channels = sent.map(entry => entry.channel);
			const noProfile = JSON.stringify(channels) === '["page.report"]' && sent[0].payload.kind === 'none' && sent[0].payload.handle === null;
			assert.ok(noProfile || JSON.stringify(channels) === '["profiles.mine","page.report"]', channels.join());
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

test('website: a page of the user\'s site with no card of her (a post) is not a profile page: nothing is read or sent', async () => {
	const html = '<!DOCTYPE html><html><head><title>Build caches, part 2</title></head><body><article class="h-entry"><h1 class="p-name">Build caches, part 2</h1><div class="e-content"><p>Hashes all the way down.</p></div></article></body></html>';
	const {sent, document} = await run('website', 'post.html', 'https://ada.example.com/blog/build-caches-2/', html);
	assert.deepEqual(sent.map(entry => entry.channel), ['profiles.mine']);
	assert.equal(document.documentElement.dataset.oneselfChecks, undefined);
	assert.equal(document.querySelector('oneself-warning, oneself-summary'), null);
});

test('website: values only its JSON-LD holds are checked, and a warning with no place on the page sits in the corner panel', async () => {
	const person = {'@context': 'https://schema.org', '@type': 'Person', '@id': 'https://ada.example.com/#me', name: 'Ada Whitfield', jobTitle: 'Senior Software Engineer'};
	const html = `<!DOCTYPE html><html><head><title>About</title><script type="application/ld+json">${JSON.stringify(person)}</script></head><body><main><h1>Ada Whitfield</h1><p>Hello.</p></main></body></html>`;
	const warning = field => ({field, severity: 'warning', code: 'differs', observed: 'x', canonical: 'y', message: `${field} differs`});
	const {sent, document} = await run('website', 'about.html', 'https://ada.example.com/about/', html, [warning('name'), warning('title')]);
	const [check] = sent.filter(entry => entry.channel === 'check');
	assert.deepEqual(check.payload.fields, {name: 'Ada Whitfield', title: 'Senior Software Engineer'});
	const name = document.querySelector('oneself-warning[data-field="name"]');
	const title = document.querySelector('oneself-warning[data-field="title"]');
	assert.ok(name && title, 'both warnings are shown');
	assert.equal(name.closest('[data-oneself-orphans]'), null, 'the name\'s beside its heading');
	assert.equal(title.parentElement.tagName, 'ONESELF-ORPHANS', 'the title, shown nowhere, in the panel');
	assert.ok(title.closest('[data-oneself-orphans]'));
});
