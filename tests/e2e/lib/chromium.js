// Headless Chromium with the unpacked extension, a fresh profile, the fake
// sites and the test's host. Started directly from /usr/lib/chromium/chromium:
// Debian's /usr/bin/chromium wrapper adds flags of its own.
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import puppeteer from 'puppeteer-core';
import {chromiumPath, installed, extensionDir as projectExtensionDir} from './paths.js';

// The pinned id (the manifest's `key`), as manifest/allowed-callers.json allows it.
export const extensionId = 'obejlgbmhghechkgdgmjlheaeplnmalh';
export const extensionOrigin = `chrome-extension://${extensionId}`;

// Options: server (the fixture server), host (a HostHome, or null: the host
// is not installed), headless (default true), extension (default true),
// extensionDir (the unpacked extension, default the project's).
// executablePath and extraArgs let the demo start the user's own Chromium or Chrome.
export async function launchChromium({server, host, headless = !process.env.ONESELF_E2E_HEADED, extension = true, extensionDir = projectExtensionDir, executablePath = chromiumPath(), extraArgs = [], viewport = {width: 1280, height: 900}}) {
	const userDataDir = mkdtempSync(join(tmpdir(), 'oneself-chromium-'));
	mkdirSync(userDataDir, {recursive: true});
	host?.registerChromium(userDataDir);
	const args = [
		...(headless ? ['--headless=new'] : []),
		'--no-sandbox',
		'--disable-gpu',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--disable-quic',
		// Installed (paths.js): the extension comes as the package put it, from
		// the external-extensions file and its .crx.
		...(extension && !installed ? [`--load-extension=${extensionDir}`, `--disable-extensions-except=${extensionDir}`] : []),
		`--host-resolver-rules=${server.resolverRules()}`,
		`--ignore-certificate-errors-spki-list=${server.spki}`,
		...extraArgs,
	];
	const browser = await puppeteer.launch({
		browser: 'chrome',
		executablePath,
		headless: false, // --headless=new is in args, exactly as issue 5 lists the flags
		userDataDir,
		args,
		// Puppeteer's --disable-default-apps also turns off external-extensions files.
		ignoreDefaultArgs: ['--disable-extensions', ...(installed ? ['--disable-default-apps'] : [])],
		env: host ? host.env : process.env,
		defaultViewport: viewport,
		protocolTimeout: 60_000,
		dumpio: Boolean(process.env.ONESELF_E2E_DUMPIO), // the browser's own output, for debugging
	});

	return {
		browser,
		userDataDir,
		extensionId,
		// The extension's service worker (a puppeteer WebWorker), once it runs.
		async worker() {
			const target = await browser.waitForTarget(
				candidate => candidate.type() === 'service_worker' && candidate.url().startsWith(extensionOrigin),
				{timeout: 20_000},
			);
			return target.worker();
		},
		// Runs `fn` in the extension's service worker once its extension API is
		// there. A worker's target can appear before `chrome` is bound in it, and
		// a worker stopped and started again is a new target, so readiness is
		// asked of the current worker until it answers yes.
		async evaluateInWorker(fn, ...args) {
			const deadline = Date.now() + 20_000;
			for (;;) {
				const worker = await this.worker();
				const ready = await worker.evaluate(() => typeof chrome === 'object' && Boolean(chrome.action)).catch(() => false);
				if (ready) {
					return worker.evaluate(fn, ...args);
				}
				if (Date.now() > deadline) {
					throw new Error('the extension\'s service worker never exposed chrome.action');
				}
				await new Promise(resolve => setTimeout(resolve, 100));
			}
		},
		async close() {
			await browser.close().catch(() => {});
			rmSync(userDataDir, {recursive: true, force: true, maxRetries: 3});
		},
	};
}
