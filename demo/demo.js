// The demo's driver (demo/run.sh starts it): the browser tests' fixture server
// and host set-up, a browser the user can see, and clean-up when it closes.
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {launchChromium} from '../tests/e2e/lib/chromium.js';
import {waitForChecks, warnings} from '../tests/e2e/lib/contract.js';
import {startFixtureServer} from '../tests/e2e/lib/fixture-server.js';
import {HostHome} from '../tests/e2e/lib/host.js';

const demoDir = dirname(fileURLToPath(import.meta.url));
const indexUrl = 'https://oneself.demo/';
const usage = 'usage: demo/run.sh [--headless] [--screenshot FILE] [--browser PATH]';

function parseArguments(argv) {
	const options = {headless: false, screenshot: null, browser: process.env.ONESELF_DEMO_BROWSER ?? null};
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index];
		if (argument === '--headless') {
			options.headless = true;
		} else if (argument === '--screenshot' && argv[index + 1]) {
			options.screenshot = argv[++index];
		} else if (argument === '--browser' && argv[index + 1]) {
			options.browser = argv[++index];
		} else if (argument === '--help' || argument === '-h') {
			console.log(usage);
			process.exit(0);
		} else {
			console.error(`demo: unknown argument ${argument}\n${usage}`);
			process.exit(1);
		}
	}

	return options;
}

// The user's Chromium-family browser. Debian's /usr/bin/chromium is a wrapper
// that adds flags; the real binary is used when it is there.
function findBrowser(requested) {
	if (requested) {
		return requested;
	}

	if (existsSync('/usr/lib/chromium/chromium')) {
		return '/usr/lib/chromium/chromium';
	}

	for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'brave-browser', 'microsoft-edge']) {
		try {
			return execFileSync('sh', ['-c', `command -v ${name}`], {encoding: 'utf8'}).trim();
		} catch {
			// not installed
		}
	}

	for (const path of ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium']) {
		if (existsSync(path)) {
			return path;
		}
	}

	throw new Error('no Chromium or Chrome found: install chromium (sudo apt-get install chromium) or pass --browser PATH');
}

const escapeHtml = text => String(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

// The pages the demo opens: each site's own profile page, then LinkedIn's Edit
// intro. Mastodon and the user's own website are left out: the extension runs
// on a Mastodon instance or a website only after the user names it in the
// options page and grants the permission, so their pages would never be checked.
const needsPermission = new Set(['mastodon', 'website']);

function demoPages(server) {
	const pick = (site, file) => server.pages.find(page => page.site === site && page.file === file);
	const sites = [...new Set(server.pages.map(page => page.site))].filter(site => !needsPermission.has(site)).sort((a, b) => (a === 'linkedin' ? -1 : b === 'linkedin' ? 1 : a.localeCompare(b)));
	return [
		...sites.map(site => pick(site, 'own-view.html')).filter(Boolean),
		pick('linkedin', 'edit.html'),
	].filter(Boolean);
}

function indexPage(pages) {
	const html = readFileSync(join(demoDir, 'index.html'), 'utf8');
	const items = pages.map(page => `<li><a href="${escapeHtml(page.url)}">${escapeHtml(page.url)}</a> (${escapeHtml(page.site)}, ${escapeHtml(page.file)})</li>`).join('\n');
	return html.replace('<ul id="pages"></ul>', `<ul id="pages">\n${items}\n</ul>`);
}

async function main() {
	const options = parseArguments(process.argv.slice(2));
	const executablePath = findBrowser(options.browser);
	const server = await startFixtureServer({hosts: ['oneself.demo']});
	const host = new HostHome();
	let chromium;
	let cleaned = false;
	const cleanup = async () => {
		if (cleaned) {
			return;
		}

		cleaned = true;
		await chromium?.close();
		await server.close();
		host.cleanup();
	};

	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(signal, () => cleanup().finally(() => process.exit(130)));
	}

	try {
		await host.seed();
		const pages = demoPages(server);
		if (pages.length === 0) {
			throw new Error('no demo pages: tests/extension/fixtures/*/pages.json lists none');
		}

		server.setPage(indexUrl, indexPage(pages));
		chromium = await launchChromium({
			server,
			host,
			headless: options.headless,
			executablePath,
			viewport: options.headless ? {width: 1280, height: 900} : null,
			// Branded Chrome ignores --load-extension unless this feature is off.
			extraArgs: /chrome/i.test(executablePath) && !/chromium/i.test(executablePath)
				? ['--disable-features=DisableLoadExtensionCommandLineSwitch'] : [],
		});
		const {browser} = chromium;
		const [first] = await browser.pages();
		await first.goto(indexUrl);
		const tabs = [];
		for (const page of pages) {
			const tab = await browser.newPage();
			await tab.goto(page.url);
			tabs.push({page, tab});
		}

		await tabs[0].tab.bringToFront();

		if (!options.headless) {
			console.log('oneself demo: the browser shows Ada Whitfield\'s profile pages with inline warnings.');
			console.log('Close the browser window (or press Ctrl+C) to end; the temporary profile and store are removed.');
			await new Promise(resolve => browser.once('disconnected', resolve));
			return 0;
		}

		let total = 0;
		for (const {page, tab} of tabs) {
			try {
				await waitForChecks(tab, 1, 20_000);
			} catch (error) {
				console.log(`${page.url}: no completed check (${error.message.split('\n')[0]})`);
				continue;
			}

			const shown = await warnings(tab);
			total += shown.length;
			console.log(`${page.url}: ${shown.length} warning(s)${shown.length ? ': ' + shown.map(warning => `${warning.field} (${warning.code})`).join(', ') : ''}`);
		}

		if (options.screenshot) {
			await tabs[0].tab.bringToFront();
			writeFileSync(options.screenshot, await tabs[0].tab.screenshot({fullPage: false}));
			console.log(`screenshot: ${options.screenshot}`);
		}

		return total > 0 ? 0 : 1;
	} finally {
		await cleanup();
	}
}

main().then(code => process.exit(code), error => {
	console.error(`demo: ${error.message}`);
	process.exit(1);
});
