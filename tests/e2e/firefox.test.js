// Scenario 8 of the browser tests (docs/testing.md), Firefox half: the core scenarios 1 (view page),
// 2 (edit form) and 5 (Copy bio) on LinkedIn, the toolbar badge with the
// first, in Firefox ESR, through WebDriver BiDi.
import assert from 'node:assert/strict';
import {after, before} from 'node:test';
import {actionBadgeFromExtensionPage, openPopupAsTab, waitForText} from './lib/actions.js';
import {pageBadge, waitForChecks} from './lib/contract.js';
import {assertPopupSummary, bioText, clickPopupButton, editScenario, viewScenario} from './lib/core-scenarios.js';
import {startFixtureServer} from './lib/fixture-server.js';
import {scenario} from './lib/scenario.js';
import {pageUrl, sites} from './lib/sites.js';
import {withWorld} from './lib/world.js';

let server;
before(async () => {
	server = await startFixtureServer();
});
after(() => server.close());

scenario('8. Firefox, LinkedIn own profile view: exactly the three differing fields, badge 3', async () => {
	await withWorld({server, browser: 'firefox'}, async world => {
		await viewScenario({server, site: 'linkedin', ...world});
		assert.deepEqual(await pageBadge(world.page), {count: '3', text: '3 differences'});
		const popupUrl = `${world.session.extensionOrigin}/popup/popup.html`;
		assert.equal(await actionBadgeFromExtensionPage(world.browser, world.page, popupUrl), '3', 'the toolbar badge');
	});
});

scenario('8. Firefox, LinkedIn Edit intro: warns, clears, says too_long', async () => {
	await withWorld({server, browser: 'firefox'}, world => editScenario({server, site: 'linkedin', ...world}));
});

scenario('8. Firefox: the popup\'s Copy bio puts the bio fitted to LinkedIn on the clipboard', async () => {
	await withWorld({server, browser: 'firefox'}, async ({page, browser, host, session}) => {
		await page.goto(pageUrl(server, 'linkedin', sites.linkedin.view));
		await waitForChecks(page, 1);
		const fitted = await host.call({type: 'bio.get', site: 'linkedin'});
		const expected = bioText(fitted);

		const popup = await openPopupAsTab(browser, page, `${session.extensionOrigin}/popup/popup.html`);
		await assertPopupSummary(popup, sites.linkedin.differs.length, fitted);
		await clickPopupButton(popup, 'Copy bio', () => popup.bringToFront());
		// As in Chromium, the copy is done once the popup says so: reading
		// before that races it. (Headless Firefox lets the page read without
		// the focus, and never reports it: nothing to wait for there.)
		const said = await waitForText(popup, /Copied|Could not copy/);
		assert.match(said, /Copied bio/, 'the popup confirms the copy');
		await page.bringToFront();
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		assert.equal(copied, expected);
	});
});
