// Scenario 7 of the browser tests (docs/testing.md), second half: the host killed in the middle of a
// session; the next check starts a new host and works.
import assert from 'node:assert/strict';
import {after, before} from 'node:test';
import {waitForChecks, warnings} from './lib/contract.js';
import {startFixtureServer} from './lib/fixture-server.js';
import {scenario} from './lib/scenario.js';
import {pageUrl, sites} from './lib/sites.js';
import {withWorld} from './lib/world.js';

let server;
before(async () => {
	server = await startFixtureServer();
});
after(() => server.close());

function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

scenario('7. Host killed mid-session: the next check reconnects and works', async () => {
	await withWorld({server}, async ({page, host}) => {
		const url = pageUrl(server, 'linkedin', sites.linkedin.view);
		await page.goto(url);
		await waitForChecks(page, 1);
		const first = await warnings(page);
		assert.equal(first.length, sites.linkedin.differs.length);

		const running = host.hostPids().filter(alive);
		assert.equal(running.length, 1, 'one host process serves the browser');
		process.kill(running[0], 'SIGKILL');
		// Gone once Chromium has reaped it (a zombie still answers signal 0).
		const deadline = Date.now() + 10_000;
		while (alive(running[0])) {
			assert.ok(Date.now() < deadline, `the killed host ${running[0]} was never reaped`);
			await new Promise(resolve => setTimeout(resolve, 20));
		}

		await page.reload();
		await waitForChecks(page, 1, 30_000);
		assert.deepEqual(await warnings(page), first, 'the same warnings as before the crash');
		const restarted = host.hostPids().filter(alive);
		assert.equal(restarted.length, 1);
		assert.notEqual(restarted[0], running[0], 'a new host process');
	});
});
