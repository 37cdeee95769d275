// What most scenarios start from: a seeded store, a browser with the
// extension and the host registered for its profile only, a page.
import {launchChromium} from './chromium.js';
import {launchFirefox} from './firefox.js';
import {HostHome} from './host.js';

// Options: server (required), browser ('chromium' | 'firefox'), host (false:
// the host is not installed), seed (a store document, default Ada's canonical),
// extensionDir (the unpacked extension, default the project's).
// Returns {host, browser, page, session, close()}; `session` is the launcher's
// result (chromium: worker(), userDataDir; firefox: home, addonId).
export async function openWorld({server, browser = 'chromium', host: withHost = true, seed, extensionDir}) {
	const host = withHost ? new HostHome() : null;
	let session;
	try {
		if (host) {
			await host.seed(seed);
		}

		session = browser === 'firefox'
			? await launchFirefox({server, host, extensionDir})
			: await launchChromium({server, host, extensionDir});
		if (browser !== 'firefox') {
			// Chromium installs a --load-extension extension after it starts;
			// a page loaded before that gets no content script. The service
			// worker runs once the extension is installed (Firefox's
			// installExtension is awaited by its launcher).
			await session.worker();
		}

		const [existing] = await session.browser.pages();
		const page = existing ?? await session.browser.newPage();
		return {
			host,
			session,
			browser: session.browser,
			page,
			async close() {
				server.clearPages();
				await session.close();
				host?.cleanup();
			},
		};
	} catch (error) {
		await session?.close();
		host?.cleanup();
		throw error;
	}
}

// Runs `fn(world)` in a fresh world and always cleans up.
export async function withWorld(options, fn) {
	const world = await openWorld(options);
	try {
		return await fn(world);
	} finally {
		await world.close();
	}
}
