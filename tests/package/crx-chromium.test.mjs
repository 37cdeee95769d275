// The packed extension in real Chromium, as Linux allows it without
// developer mode: an external-extensions file naming the .crx. Chromium
// builds read one per user from <user data dir>/External Extensions/ (the
// Debian package puts the same file in /usr/share/chromium/extensions/,
// which tests/package/deb_test.sh drives). The extension must come up with
// the pinned id, enabled, and still be there after the browser restarts.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {after, before, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import puppeteer from 'puppeteer-core';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const version = JSON.parse(readFileSync(join(repo, 'extension', 'manifest.json'), 'utf8')).version;
const callers = JSON.parse(readFileSync(join(repo, 'manifest', 'allowed-callers.json'), 'utf8'));
const pinnedId = callers.chromium[0].match(/^chrome-extension:\/\/([a-p]{32})\/$/)[1];
const chromium = process.env.ONESELF_CHROMIUM ?? '/usr/lib/chromium/chromium';
let work;
let crx;

before(() => {
	work = mkdtempSync(join(tmpdir(), 'oneself-crx-'));
	execFileSync('sh', [join(repo, 'scripts', 'package-extension.sh'), join(work, 'dist')], {stdio: 'pipe'});
	crx = join(work, 'dist', `oneself-${version}.crx`);
});
after(() => rmSync(work, {recursive: true, force: true}));

async function launch(userDataDir) {
	return puppeteer.launch({
		browser: 'chrome',
		executablePath: chromium,
		headless: false, // --headless=new below
		userDataDir,
		args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		// Puppeteer's --disable-default-apps turns external-extensions files off.
		ignoreDefaultArgs: ['--disable-extensions', '--disable-default-apps'],
		protocolTimeout: 60_000,
	});
}

// What chrome://extensions-internals says about our extension.
async function installed(browser) {
	const page = await browser.newPage();
	await page.goto('chrome://extensions-internals');
	const list = JSON.parse(await page.evaluate(() => document.body.innerText));
	await page.close();
	return list.find(entry => entry.id === pinnedId);
}

async function waitForWorker(browser) {
	const target = await browser.waitForTarget(
		candidate => candidate.type() === 'service_worker' && candidate.url().startsWith(`chrome-extension://${pinnedId}/`),
		{timeout: 30_000},
	);
	return target.url();
}

test('Chromium installs the .crx from an external-extensions file, with the pinned id, and keeps it across a restart', async () => {
	const userDataDir = join(work, 'profile');
	mkdirSync(join(userDataDir, 'External Extensions'), {recursive: true});
	writeFileSync(join(userDataDir, 'External Extensions', `${pinnedId}.json`),
		JSON.stringify({external_crx: crx, external_version: version}));

	let browser = await launch(userDataDir);
	try {
		assert.match(await waitForWorker(browser), /background\/main\.js$/);
		const entry = await installed(browser);
		assert.ok(entry, `chrome://extensions-internals lists ${pinnedId}`);
		assert.equal(entry.location, 'EXTERNAL_PREF', 'installed from the external-extensions file');
		assert.deepEqual(entry.disable_reasons, [], 'enabled, no prompt pending');
		assert.equal(entry.version, version);
	} finally {
		await browser.close();
	}

	// The browser restarts; the extension is still installed and runs.
	browser = await launch(userDataDir);
	try {
		assert.match(await waitForWorker(browser), /background\/main\.js$/);
		const entry = await installed(browser);
		assert.equal(entry?.location, 'EXTERNAL_PREF');
		assert.deepEqual(entry.disable_reasons, []);
	} finally {
		await browser.close();
	}
});

test('a .crx signed with another key is refused for the pinned id', async () => {
	// The id is the hash of the signing key: a .crx signed with any other key
	// cannot claim it.
	const otherKey = join(work, 'other.pem');
	execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', otherKey], {stdio: 'pipe'});
	const forged = join(work, 'forged.crx');
	const otherId = execFileSync('node', [join(repo, 'scripts', 'pack-crx.mjs'), join(work, 'dist', `oneself-${version}-chromium.zip`), otherKey, forged], {encoding: 'utf8'}).trim();
	assert.notEqual(otherId, pinnedId);

	const userDataDir = join(work, 'profile-forged');
	mkdirSync(join(userDataDir, 'External Extensions'), {recursive: true});
	writeFileSync(join(userDataDir, 'External Extensions', `${pinnedId}.json`),
		JSON.stringify({external_crx: forged, external_version: version}));
	const browser = await launch(userDataDir);
	try {
		// Give the install its time, then look: nothing with the pinned id.
		await new Promise(resolve => setTimeout(resolve, 8000));
		assert.equal(await installed(browser), undefined, 'no extension with the pinned id');
	} finally {
		await browser.close();
	}
});

test('./install.sh packs the .crx and writes the per-user file: Chromium installs it; --uninstall takes both away', async t => {
	const buildDir = process.env.ONESELF_BUILD_DIR;
	if (!buildDir) {
		t.skip('ONESELF_BUILD_DIR is not set (CTest sets it)');
		return;
	}

	const home = join(work, 'install-home');
	const config = join(home, '.config', 'chromium');
	mkdirSync(config, {recursive: true});
	const env = {...process.env, HOME: home, ONESELF_DETECT_BY_PATH: '0', ONESELF_BUILD_DIR: buildDir};
	delete env.XDG_CONFIG_HOME;
	delete env.XDG_DATA_HOME;
	delete env.ONESELF_HOME;
	const install = args => execFileSync('bash', [join(repo, 'install.sh'), '--no-deps', '--no-build', '--prefix', join(work, 'install-bin'), ...args], {env, encoding: 'utf8', stdio: 'pipe'});
	install([]);
	const file = join(config, 'External Extensions', `${pinnedId}.json`);
	const entry = JSON.parse(readFileSync(file, 'utf8'));
	assert.equal(entry.external_version, version);
	assert.equal(entry.external_crx, join(home, '.local', 'share', 'oneself-extension', 'oneself.crx'));

	// The person's Chromium profile is that folder.
	const browser = await launch(config);
	try {
		assert.match(await waitForWorker(browser), /background\/main\.js$/);
		assert.equal((await installed(browser))?.location, 'EXTERNAL_PREF');
	} finally {
		await browser.close();
	}

	install(['--uninstall']);
	assert.throws(() => readFileSync(file), /ENOENT/, 'the external-extensions file is gone');
	assert.throws(() => readFileSync(entry.external_crx), /ENOENT/, 'the .crx is gone');
});
