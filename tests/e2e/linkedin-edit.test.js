// Scenarios 2 and 3 of the browser tests (docs/testing.md) on LinkedIn's "Edit intro" form, in Chromium.
import {after, before} from 'node:test';
import {editScenario, useCanonicalScenario} from './lib/core-scenarios.js';
import {startFixtureServer} from './lib/fixture-server.js';
import {scenario} from './lib/scenario.js';
import {withWorld} from './lib/world.js';

let server;
before(async () => {
	server = await startFixtureServer();
});
after(() => server.close());

scenario('2. LinkedIn Edit intro: a differing headline warns, the canonical one clears, past 220 is too_long', async () => {
	await withWorld({server}, world => editScenario({server, site: 'linkedin', ...world}));
});

scenario('3. LinkedIn Edit intro: Use canonical writes the value, the page\'s listeners see it, the warning clears', async () => {
	await withWorld({server}, world => useCanonicalScenario({server, site: 'linkedin', ...world}));
});
