// The harness itself, independent of the extension and the host: both browsers
// reach the fake sites by their real names over TLS, and nothing else.
import assert from 'node:assert/strict';
import {after, before} from 'node:test';
import {launchChromium} from './lib/chromium.js';
import {startFixtureServer} from './lib/fixture-server.js';
import {launchFirefox} from './lib/firefox.js';
import {scenario} from './lib/scenario.js';

let server;
before(async () => {
	server = await startFixtureServer();
	server.setPage('https://www.linkedin.com/in/harness-check/', '<!doctype html><title>harness</title><p id=ok>served by the fixture server</p>');
});
after(() => server.close());

async function assertReachesFixtures(page) {
	const response = await page.goto('https://www.linkedin.com/in/harness-check/?from=test', {waitUntil: 'load'});
	assert.equal(response.status(), 200);
	assert.equal(await page.$eval('#ok', element => element.textContent), 'served by the fixture server');
	const missing = await page.goto('https://github.com/no-such-fixture');
	assert.equal(missing.status(), 404);
}

scenario('harness: Chromium reaches the fake sites by name, over TLS', async () => {
	const chromium = await launchChromium({server, host: null, extension: false});
	try {
		const page = await chromium.browser.newPage();
		await assertReachesFixtures(page);
		// Hosts the server does not stand for resolve nowhere.
		await assert.rejects(page.goto('https://example.org/'), /ERR_NAME_NOT_RESOLVED/);
	} finally {
		await chromium.close();
	}
});

scenario('harness: Firefox reaches the fake sites by name, over TLS', async () => {
	const firefox = await launchFirefox({server, host: null, extension: false});
	try {
		const page = await firefox.browser.newPage();
		await assertReachesFixtures(page);
	} finally {
		await firefox.close();
	}
});
