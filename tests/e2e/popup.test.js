// Scenarios 5 and 7 (host not installed) of the browser tests (docs/testing.md): the toolbar popup, in Chromium.
import assert from 'node:assert/strict';
import {after, before} from 'node:test';
import {openPopup, waitForText} from './lib/actions.js';
import {copyBioScenario} from './lib/core-scenarios.js';
import {startFixtureServer} from './lib/fixture-server.js';
import {scenario} from './lib/scenario.js';
import {pageUrl, sites} from './lib/sites.js';
import {withWorld} from './lib/world.js';

let server;
before(async () => {
	server = await startFixtureServer();
});
after(() => server.close());

scenario('5. Popup: Copy bio puts the bio fitted to LinkedIn on the clipboard', async () => {
	await withWorld({server}, world => copyBioScenario({server, site: 'linkedin', ...world}));
});

scenario('7. Host not installed: the popup shows the install hint', async () => {
	await withWorld({server, host: false}, async ({page, session}) => {
		await page.goto(pageUrl(server, 'linkedin', sites.linkedin.view), {waitUntil: 'load'});
		const popup = await openPopup(session, page);
		const text = await waitForText(popup, /install\.sh/);
		assert.match(text, /not installed/i);
	});
});
