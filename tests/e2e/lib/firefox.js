// Firefox ESR through puppeteer-core's WebDriver BiDi, the extension installed
// as a temporary add-on, the host manifest read from a temporary HOME.
//
// Firefox has no host-to-port mapping like Chromium's resolver rules: the site
// hosts are made local with network.dns.localDomains, and their connections go
// through the fixture server's CONNECT listener (the SSL proxy preference), so
// any free port works and no privileged port 443 is needed.
import {randomUUID} from 'node:crypto';
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import puppeteer from 'puppeteer-core';
import {allowedCallers} from './host.js';
import {extensionDir as projectExtensionDir, firefoxPath} from './paths.js';

// Options as launchChromium's: extensionDir is the unpacked extension, default the project's.
export async function launchFirefox({server, host, headless = !process.env.ONESELF_E2E_HEADED, extension = true, extensionDir = projectExtensionDir, executablePath = firefoxPath()}) {
	const home = mkdtempSync(join(tmpdir(), 'oneself-firefox-home-'));
	mkdirSync(join(home, '.cache'), {recursive: true});
	host?.registerFirefox(home);
	const env = {...(host ? host.env : process.env), HOME: home, XDG_CACHE_HOME: join(home, '.cache'), XDG_CONFIG_HOME: join(home, '.config')};
	delete env.MOZ_HEADLESS;
	// The moz-extension:// host of the add-on is random per profile; fixing it
	// lets a test open the extension's pages (the popup) by URL.
	const extensionUuid = randomUUID();
	const browser = await puppeteer.launch({
		browser: 'firefox',
		executablePath,
		headless,
		acceptInsecureCerts: true,
		// WebDriver BiDi refuses to navigate to moz-extension:// pages (the
		// popup) unless system access is allowed.
		args: ['--remote-allow-system-access'],
		env,
		defaultViewport: {width: 1280, height: 900},
		protocolTimeout: 60_000,
		dumpio: Boolean(process.env.ONESELF_E2E_DUMPIO), // the browser's own output, for debugging
		extraPrefsFirefox: {
			'network.dns.localDomains': server.hosts.join(','),
			'network.proxy.type': 1,
			'network.proxy.ssl': '127.0.0.1',
			'network.proxy.ssl_port': server.proxyPort,
			'network.proxy.http': '127.0.0.1',
			'network.proxy.http_port': server.proxyPort,
			'network.proxy.no_proxies_on': '',
			'network.proxy.allow_hijacking_localhost': true,
			'network.proxy.socks_remote_dns': false,
			// Quiet: no updates, no telemetry, no first-run pages.
			'app.update.enabled': false,
			'browser.shell.checkDefaultBrowser': false,
			'datareporting.policy.dataSubmissionEnabled': false,
			'toolkit.telemetry.enabled': false,
			'extensions.autoDisableScopes': 0,
			'extensions.enabledScopes': 5,
			'xpinstall.signatures.required': false,
			'extensions.webextensions.uuids': JSON.stringify({[allowedCallers.firefox[0]]: extensionUuid}),
			// Lets a test page read the clipboard back without a paste prompt.
			'dom.events.testing.asyncClipboard': true,
		},
	});
	const addonId = extension ? await browser.installExtension(extensionDir) : undefined;

	return {
		browser,
		home,
		addonId,
		extensionOrigin: `moz-extension://${extensionUuid}`,
		async close() {
			await browser.close().catch(() => {});
			rmSync(home, {recursive: true, force: true, maxRetries: 3});
		},
	};
}
