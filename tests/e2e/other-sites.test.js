// Scenario 8 of the browser tests (docs/testing.md): the core scenarios (1: view, 2: edit, 5: Copy bio)
// on X, GitHub and one more site, in Chromium.
import {after, before} from 'node:test';
import {copyBioScenario, editScenario, viewScenario} from './lib/core-scenarios.js';
import {startFixtureServer} from './lib/fixture-server.js';
import {scenario} from './lib/scenario.js';
import {sites} from './lib/sites.js';
import {withWorld} from './lib/world.js';

let server;
before(async () => {
	server = await startFixtureServer();
});
after(() => server.close());

// LinkedIn has scenarios of its own; the website and Mastodon are added in
// the options first (added-sites.test.js).
for (const site of Object.keys(sites).filter(id => !['linkedin', 'website', 'mastodon'].includes(id))) {
	const {name} = sites[site];
	scenario(`8. ${name}: own profile view shows exactly its documented differences`, async () => {
		await withWorld({server}, world => viewScenario({server, site, ...world}));
	});

	scenario(`8. ${name}: typing in the edit form warns, clears, and says too_long`, async () => {
		await withWorld({server}, world => editScenario({server, site, ...world}));
	});

	scenario(`8. ${name}: the popup's Copy bio fits the bio to the site`, async () => {
		await withWorld({server}, world => copyBioScenario({server, site, ...world}));
	});
}
