// A field edited on two machines at once, in the browser: two stores share
// their device folders as a sync engine would, the popup counts the
// conflict, the options page lists it first with both values, and choosing
// the one not shown writes it through the real host, which resolves it
// (`oneself conflicts --json` is empty afterwards). Chromium and Firefox.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {copyFileSync, mkdirSync, readdirSync, renameSync} from 'node:fs';
import {join} from 'node:path';
import {after, before} from 'node:test';
import {openPopup, openPopupAsTab, waitForText} from './lib/actions.js';
import {extensionOrigin} from './lib/chromium.js';
import {startFixtureServer} from './lib/fixture-server.js';
import {HostHome} from './lib/host.js';
import {scenario} from './lib/scenario.js';
import {withWorld} from './lib/world.js';

let server;
before(async () => {
	server = await startFixtureServer();
});
after(() => server.close());

// The CLI on one store, as a person runs it there.
function oneself(home, ...args) {
	return execFileSync(home.binary, args, {env: {...home.env, HOME: home.dir}, encoding: 'utf8'});
}

// What a sync engine does: the other store's device journals arrive whole.
function sync(from, to) {
	for (const device of readdirSync(join(from.home, 'devices'))) {
		const target = join(to.home, 'devices', device);
		mkdirSync(target, {recursive: true, mode: 0o700});
		copyFileSync(join(from.home, 'devices', device, 'journal.jsonl'), join(target, '.incoming'));
		renameSync(join(target, '.incoming'), join(target, 'journal.jsonl'));
	}
}

const conflictsOf = home => JSON.parse(oneself(home, 'conflicts', '--json')).conflicts;

async function conflictScenario({engine, host, session, browser, page}) {
	const origin = session.extensionOrigin ?? extensionOrigin;
	// The browser's machine and a second one that joined its store.
	const other = new HostHome();
	try {
		mkdirSync(other.home, {mode: 0o700});
		sync(host, other);
		oneself(other, 'init');
		oneself(other, 'devices', 'rename', 'home desktop');
		oneself(host, 'set', 'headline', 'Principal Engineer');
		oneself(other, 'set', 'headline', 'Engineering Manager');
		// Both ways, as the engine does: the other folder also holds its
		// older copy of this machine's journal.
		sync(host, other);
		sync(other, host);
	} finally {
		other.cleanup();
	}

	const [conflict] = conflictsOf(host);
	assert.equal(conflict?.field, 'headline');
	const shown = conflict.values[0].value;
	const chosen = conflict.values[1].value;

	const popup = engine === 'firefox'
		? await openPopupAsTab(browser, page, `${origin}/popup/popup.html`)
		: await openPopup(session, page);
	const said = await waitForText(popup, /edited on two machines at once/);
	assert.match(said, /1 field was edited on two machines at once\. Choose the value to keep on the options page/);
	await popup.close();

	const options = await openPopupAsTab(browser, page, `${origin}/options/options.html`);
	await options.waitForSelector('#conflicts:not([hidden]) fieldset[data-field="headline"]', {timeout: 20_000});
	const labels = await options.$$eval('#conflicts label', nodes => nodes.map(node => node.textContent));
	assert.equal(labels.length, 2);
	assert.ok(labels[0].startsWith(`${shown} (`) && labels[0].endsWith(', shown now)'), labels[0]);
	assert.ok(labels.some(label => label.startsWith(`${chosen} (`)), labels.join(' | '));
	assert.ok(labels.some(label => label.includes('home desktop')), 'the other machine is named');
	// It is the first thing on the page.
	assert.equal(await options.$eval('main', main => main.firstElementChild.id), 'conflicts');

	// By keyboard: the group's checked radio takes the focus, an arrow
	// key moves the choice, Tab reaches the button, Enter presses it.
	await options.bringToFront();
	await options.focus('#conflicts input[type=radio]:checked');
	await options.keyboard.press('ArrowDown');
	assert.equal(await options.$eval('#conflicts input[type=radio]:checked', radio => radio.value), '1');
	await options.keyboard.press('Tab');
	assert.equal(await options.evaluate(() => document.activeElement.textContent), 'Use this value');
	await options.keyboard.press('Enter');
	await options.waitForFunction(() => document.querySelectorAll('#conflicts fieldset').length === 0, {timeout: 20_000, polling: 'mutation'})
		.catch(async error => {
			throw new Error(`${error.message}; the status says: ${await options.$eval('#conflicts-status', node => node.textContent)}`);
		});
	await waitForText(options, /headline now keeps/);

	assert.deepEqual(conflictsOf(host), []);
	assert.equal(oneself(host, 'get', 'headline').trim(), chosen);
	await options.close();
}

scenario('Conflicts: the popup counts them, the options page lists them and choosing a value resolves it (Chromium)', async () => {
	await withWorld({server}, world => conflictScenario({engine: 'chromium', ...world}));
});

scenario('Conflicts: the popup counts them, the options page lists them and choosing a value resolves it (Firefox)', async () => {
	await withWorld({server, browser: 'firefox'}, world => conflictScenario({engine: 'firefox', ...world}));
});
