// Scenarios 1, 4 and 6 of the browser tests (docs/testing.md) on LinkedIn's profile view page, in Chromium.
import assert from 'node:assert/strict';
import {after, before} from 'node:test';
import {actionBadge} from './lib/actions.js';
import {clickWarningButton, pageBadge, waitForChecks, warnings} from './lib/contract.js';
import {startFixtureServer} from './lib/fixture-server.js';
import {scenario} from './lib/scenario.js';
import {pageUrl, sites} from './lib/sites.js';
import {withWorld} from './lib/world.js';

const linkedin = sites.linkedin;
let server;
before(async () => {
	server = await startFixtureServer();
});
after(() => server.close());

const summary = list => list.map(({field, severity}) => `${field}:${severity}`);

scenario('1. LinkedIn, own profile view: exactly the three differing fields, badge 3', async () => {
	await withWorld({server}, async ({page, session}) => {
		await page.goto(pageUrl(server, 'linkedin', linkedin.view));
		await waitForChecks(page, 1);
		const shown = await warnings(page);
		assert.deepEqual(summary(shown), summary(linkedin.differs));
		for (const expected of linkedin.differs.filter(entry => entry.code)) {
			assert.equal(shown.find(warning => warning.field === expected.field).code, expected.code);
		}

		for (const warning of shown) {
			assert.ok(warning.text.length > 10, `the ${warning.field} warning says something: "${warning.text}"`);
		}

		assert.deepEqual(await pageBadge(page), {count: '3', text: '3 differences'});
		assert.equal(await actionBadge(session, page), '3', 'the toolbar badge');
	});
});

scenario('4. Ignore on this site: silent after a reload, back when the value changes', async () => {
	await withWorld({server}, async ({page, host}) => {
		const url = pageUrl(server, 'linkedin', linkedin.view);
		const {field, text, changed} = linkedin.shown;
		await page.goto(url);
		await waitForChecks(page, 1);
		assert.ok((await warnings(page)).some(warning => warning.field === field));

		await clickWarningButton(page, field, 'Ignore');
		await page.waitForFunction(
			field => !document.querySelector(`oneself-warning[data-field="${field}"]`),
			{timeout: 15_000, polling: 'mutation'}, field,
		);
		// The ignore is in the store, for exactly the value the page shows.
		const snapshot = await host.call({type: 'profile.get'});
		const ignores = (snapshot.doc ?? snapshot).sites?.linkedin?.ignores ?? [];
		assert.ok(ignores.some(entry => entry.field === field && entry.observed === text), JSON.stringify(ignores));

		await page.reload();
		await waitForChecks(page, 1);
		const afterReload = await warnings(page);
		assert.ok(!afterReload.some(warning => warning.field === field), `no ${field} warning after reload`);
		assert.equal(afterReload.length, linkedin.differs.length - 1, 'the other warnings stay');

		// The site now shows something else: the ignore no longer applies.
		const html = server.html('linkedin', linkedin.view);
		assert.ok(html.includes(text));
		server.setPage(url, html.replaceAll(text, changed));
		try {
			await page.reload();
			await waitForChecks(page, 1);
			assert.ok((await warnings(page)).some(warning => warning.field === field), `the ${field} warning is back`);
		} finally {
			server.clearPage(url);
		}
	});
});

scenario('6. Someone else\'s LinkedIn profile: no warnings, and the host never received a check', async () => {
	await withWorld({server}, async ({page, browser, host}) => {
		await page.goto(pageUrl(server, 'linkedin', linkedin.other), {waitUntil: 'load'});
		// The extension is alive and checking: the user's own GitHub page, opened
		// afterwards, completes a check round and is observed.
		const probe = await browser.newPage();
		await probe.goto(pageUrl(server, 'github', sites.github.view));
		await waitForChecks(probe, 1);
		assert.ok(await host.observations('github'), 'the own page was observed');

		assert.deepEqual(await warnings(page), []);
		assert.equal(await page.evaluate(() => document.documentElement.dataset.oneselfChecks), undefined);
		assert.equal(await host.observations('linkedin'), undefined, 'nothing of the other profile reached the host');
	});
});
