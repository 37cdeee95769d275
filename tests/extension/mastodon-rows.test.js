// Mastodon's profile metadata rows on settings/profile: the rows go to the
// host as `links`, and a warning about them (the canonical website missing)
// offers Copy but not "Use canonical", since the rows have no one input to
// write the website into.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {fixture, fixturesDir, loadPage} from './load.js';
import {fakeTimers} from './helpers/fake-timers.js';
import {coreScripts} from './helpers/ui-scripts.js';

const pages = JSON.parse(readFileSync(join(fixturesDir, 'mastodon', 'pages.json'), 'utf8'));
const WEBSITE = 'https://ada.example.com';

test('mastodon settings: the rows are checked, and a missing website offers Copy, not Use canonical', async () => {
	// The page's "Website" row holds something else.
	const html = fixture('mastodon', 'edit').replace(/value="https:\/\/ada\.example\.com"/, 'value="she/her"');
	const {window} = loadPage({html, url: pages['edit.html'], scripts: ['lib/browser.js', 'sites/kit.js', 'sites/mastodon.js', ...coreScripts.slice(1)]});
	const timers = fakeTimers();
	const checks = [];
	const send = async (channel, payload) => {
		if (channel === 'profiles.mine') {
			return {ok: true, result: {site: 'mastodon', profiles: []}};
		}

		if (channel === 'check') {
			checks.push(JSON.parse(JSON.stringify(payload.fields)));
			const links = payload.fields.links ?? [];
			const warnings = links.some(row => row.url.replace(/\/$/, '') === WEBSITE)
				? []
				: [{field: 'links', severity: 'warning', code: 'missing', observed: links, canonical: WEBSITE, message: `Your canonical website, ${WEBSITE}, is not among your Mastodon profile fields.`}];
			return {ok: true, result: {revision: 1, warnings, checked: Object.keys(payload.fields)}};
		}

		return {ok: true, result: {}};
	};

	const site = window.oneself.sites.get('mastodon');
	await window.oneself.content.createPage({document: window.document, site, send, timers, now: timers.now}).begin();
	await timers.settle();

	assert.deepEqual(checks.find(fields => 'links' in fields).links, [
		{label: 'Blog', url: 'https://ada.example.com/blog'},
		{label: 'Website', url: 'she/her'},
	]);
	const warning = window.document.querySelector('oneself-warning[data-field="links"]');
	assert.ok(warning, 'the rows warning is shown');
	assert.equal(warning.dataset.code, 'missing');
	assert.equal(warning.shadowRoot.querySelector('.value').textContent, WEBSITE);
	assert.equal(warning.shadowRoot.querySelector('[data-action="use"]').hidden, true, 'no Use canonical into a row\'s label');
	assert.equal(warning.shadowRoot.querySelector('[data-action="copy"]').hidden, false);
	// The warning sits by the first row, inside the form.
	assert.ok(warning.closest('form'));
});
