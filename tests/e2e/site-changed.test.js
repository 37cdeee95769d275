// A site that changes its page, end to end: the user's own GitHub profile is
// read whole once; then GitHub (played by the fixture server) renames the
// hooks of the name and the company. The popup names those fields and says
// GitHub may have changed its page, and the options page shows when each
// field was last read and since when the two are missing. In Chromium (the
// toolbar popup itself) and Firefox (the popup page in a tab).
import assert from 'node:assert/strict';
import {after, before} from 'node:test';
import {openPopup, openPopupAsTab, waitForText} from './lib/actions.js';
import {extensionOrigin} from './lib/chromium.js';
import {waitForChecks} from './lib/contract.js';
import {startFixtureServer} from './lib/fixture-server.js';
import {scenario} from './lib/scenario.js';
import {pageUrl, sites} from './lib/sites.js';
import {withWorld} from './lib/world.js';

let server;
before(async () => {
	server = await startFixtureServer();
});
after(() => server.close());

// The options page's row of one field: [site, field, last read, last not
// found] as text, and the times as ISO strings.
async function fieldRows(options) {
	await options.waitForFunction(() => document.querySelector('#field-health tr[data-site="github"][data-field]'), {timeout: 15_000, polling: 'mutation'});
	return options.evaluate(() => Object.fromEntries([...document.querySelectorAll('#field-health tr[data-site="github"][data-field]')].map(row => [
		row.dataset.field,
		{
			missing: row.hasAttribute('data-missing'),
			read: row.children[2].querySelector('time')?.dateTime ?? row.children[2].textContent,
			missed: row.children[3].querySelector('time')?.dateTime ?? row.children[3].textContent,
		},
	])));
}

async function siteChangedScenario({engine, page, browser, session}) {
	const url = pageUrl(server, 'github', sites.github.view);
	const origin = session.extensionOrigin ?? extensionOrigin;
	const before = Date.now();
	await page.goto(url, {waitUntil: 'load'});
	await waitForChecks(page, 1);
	const readWhole = Date.now();

	// GitHub renames the hooks of the name and the company.
	const html = server.html('github', sites.github.view);
	const renamed = html.replace('itemprop="name"', 'itemprop="fullName"').replace(/itemprop="worksFor"/g, 'itemprop="employer"');
	assert.notEqual(renamed, html);
	server.setPage(url, renamed);
	try {
		await page.reload({waitUntil: 'load'});
		await waitForChecks(page, 1);

		const popup = engine === 'firefox'
			? await openPopupAsTab(browser, page, `${origin}/popup/popup.html`)
			: await openPopup(session, page);
		const text = await waitForText(popup, /may have changed its page/);
		assert.match(text, /GitHub may have changed its page: oneself couldn't find the name and the employer on it, so they are not checked here\./);
		await popup.close();

		const options = await openPopupAsTab(browser, page, `${origin}/options/options.html`);
		const rows = await fieldRows(options);
		await options.close();
		// Read on the first visit, missing on the second; the others read on both.
		for (const field of ['name', 'employer']) {
			assert.equal(rows[field].missing, true, `${field} is missing`);
			const read = Date.parse(rows[field].read);
			assert.ok(read >= before - 1000 && read <= readWhole + 1000, `${field} was last read on the first visit (${rows[field].read})`);
			assert.ok(Date.parse(rows[field].missed) >= readWhole - 1000, `${field} missing since the second (${rows[field].missed})`);
		}

		for (const field of ['bio', 'location', 'website']) {
			assert.equal(rows[field].missing, false, `${field} is read`);
			assert.ok(Date.parse(rows[field].read) >= readWhole - 1000, `${field} read on the second visit`);
			assert.equal(rows[field].missed, '');
		}
	} finally {
		server.clearPage(url);
	}
}

scenario('A site changes its page: the popup names the fields, the options page shows when each was last read (Chromium)', async () => {
	await withWorld({server}, world => siteChangedScenario({engine: 'chromium', ...world}));
});

scenario('A site changes its page: the popup names the fields, the options page shows when each was last read (Firefox)', async () => {
	await withWorld({server, browser: 'firefox'}, world => siteChangedScenario({engine: 'firefox', ...world}));
});
