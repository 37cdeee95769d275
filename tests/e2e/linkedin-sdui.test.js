// LinkedIn's server-driven profile page ("SDUI") and its 2026 edit dialogs,
// whose headline is a rich-text editor, in Chromium and Firefox: the own
// page shows exactly its differences, typing in the editor warns and clears,
// Use canonical writes into the editor so that the page's own state takes it
// (Save saves it, Ctrl+Z brings the old text back), and a page script that
// looks for the extension the way LinkedIn does finds nothing.
import assert from 'node:assert/strict';
import {after, before} from 'node:test';
import {replaceText} from './lib/actions.js';
import {clickWarningButton, waitForChecks, warnings} from './lib/contract.js';
import {canonicalText, editScenario, useCanonicalScenario, viewScenario} from './lib/core-scenarios.js';
import {extensionOrigin as chromiumOrigin} from './lib/chromium.js';
import {startFixtureServer} from './lib/fixture-server.js';
import {scenario} from './lib/scenario.js';
import {servePage, siteConfig} from './lib/sites.js';
import {withWorld} from './lib/world.js';

const layout = 'sdui';
const sdui = siteConfig('linkedin', layout);
let server;
before(async () => {
	server = await startFixtureServer();
});
after(() => server.close());

// What LinkedIn's pages do to find extensions (2026): fetch known files of
// chrome-extension://<id>/ and scan the page's markup and attributes for
// extension URLs. Runs in the page's own world; `origin` is the extension's.
async function probeForExtension(page, origin) {
	return page.evaluate(async origin => {
		const fetched = [];
		for (const file of ['manifest.json', 'popup/popup.html', 'options/options.html', 'icons/icon-16.png', 'sites/linkedin.js', 'ui/warning.js', 'lib/namespace.js']) {
			try {
				const response = await fetch(`${origin}/${file}`);
				fetched.push(`${file}: ${response.status}`);
			} catch {}
		}

		const pattern = /(chrome|moz)-extension:\/\//i;
		const found = [];
		const scan = root => {
			for (const element of root.querySelectorAll('*')) {
				for (const attribute of element.attributes) {
					if (pattern.test(attribute.value)) {
						found.push(`${element.tagName}[${attribute.name}]`);
					}
				}

				if (element.shadowRoot) {
					scan(element.shadowRoot); // open roots only: what a page can reach
				}
			}
		};

		scan(document);
		if (pattern.test(document.documentElement.outerHTML)) {
			found.push('markup');
		}

		for (const sheet of document.styleSheets) {
			try {
				if ([...sheet.cssRules].some(rule => pattern.test(rule.cssText))) {
					found.push('stylesheet');
				}
			} catch {}
		}

		const loaded = performance.getEntriesByType('resource').map(entry => entry.name).filter(name => pattern.test(name));
		return {fetched, found, loaded, warnings: document.querySelectorAll('oneself-warning').length};
	}, origin);
}

for (const browser of ['chromium', 'firefox']) {
	scenario(`LinkedIn SDUI (${browser}): own profile view shows exactly the three differing fields`, async () => {
		await withWorld({server, browser}, world => viewScenario({server, site: 'linkedin', layout, ...world}));
	});

	scenario(`LinkedIn SDUI (${browser}): someone else's page is left alone`, async () => {
		await withWorld({server, browser}, async ({page, host}) => {
			await page.goto(servePage(server, 'linkedin', sdui.other), {waitUntil: 'load'});
			// Long enough for the content script to have read a page of its own.
			await new Promise(resolve => setTimeout(resolve, 1500));
			assert.deepEqual(await warnings(page), []);
			assert.equal(await page.evaluate(() => document.documentElement.dataset.oneselfChecks), undefined);
			assert.equal(await host.observations('linkedin'), undefined, 'nothing of the other profile reached the host');
		});
	});

	scenario(`LinkedIn SDUI (${browser}): typing in the headline's rich-text editor warns, clears, says too_long`, async () => {
		await withWorld({server, browser}, world => editScenario({server, site: 'linkedin', layout, ...world}));
	});

	scenario(`LinkedIn SDUI (${browser}): Use canonical into the rich-text editor, Save saves it, Ctrl+Z restores the old text`, async () => {
		await withWorld({server, browser}, async world => {
			const {page} = world;
			const {selector, canonical} = await useCanonicalScenario({server, site: 'linkedin', layout, ...world});
			assert.equal(await page.evaluate(() => window.fixtureState.headline), canonical, 'the editor\'s own state took it');

			await page.$eval('dialog[data-testid="dialog"] button[type="submit"]', button => button.click());
			assert.equal(await page.evaluate(() => window.fixtureSaved?.headline), canonical, 'the site\'s Save saved it');

			// Undo, as a person does it: the editor focused, Ctrl+Z.
			await page.click(selector);
			await page.keyboard.down('Control');
			await page.keyboard.press('KeyZ');
			await page.keyboard.up('Control');
			await page.waitForFunction(
				text => window.fixtureState.headline === text,
				{timeout: 10_000, polling: 'mutation'}, 'Chief Llama Wrangler at Pasture Co',
			);
			assert.equal(await page.$eval(selector, element => element.textContent), 'Chief Llama Wrangler at Pasture Co');
		});
	});

	scenario(`LinkedIn SDUI (${browser}): Use canonical writes the About's paragraphs into its editor`, async () => {
		await withWorld({server, browser}, async ({page}) => {
			await page.goto(servePage(server, 'linkedin', 'about-edit-sdui.html'));
			await waitForChecks(page, 1);
			const editor = 'dialog[data-testid="dialog"] [contenteditable="true"]';
			const before = await page.evaluate(() => Number(document.documentElement.dataset.oneselfChecks));
			await replaceText(page, editor, 'Chief llama wrangler at a pasture in Vermont.');
			await page.waitForFunction(
				rounds => Number(document.documentElement.dataset.oneselfChecks) > rounds && document.querySelector('oneself-warning[data-field="bio"]'),
				{timeout: 20_000, polling: 'mutation'}, before,
			);
			await clickWarningButton(page, 'bio', 'Use canonical');
			await page.waitForFunction(() => !document.querySelector('oneself-warning[data-field="bio"]'), {timeout: 20_000, polling: 'mutation'});
			// LinkedIn takes the full About (its longest canonical bio fits 2,600).
			const about = canonicalText('bio', 'about');
			const state = await page.evaluate(() => window.fixtureState.summary);
			assert.equal(state, about, 'the editor holds the paragraphs, as its state reads them');
			// Each paragraph on a line of its own (a new block per line, as Enter makes).
			const lines = await page.$eval(editor, element => element.innerText.split('\n').map(line => line.trim()).filter(Boolean));
			assert.deepEqual(lines, about.split('\n\n'));
		});
	});

	scenario(`LinkedIn SDUI (${browser}): a page script looking for the extension finds no trace of it`, async () => {
		await withWorld({server, browser}, async ({page, session}) => {
			await page.goto(servePage(server, 'linkedin', sdui.view));
			await waitForChecks(page, 1);
			const result = await probeForExtension(page, session.extensionOrigin ?? chromiumOrigin);
			assert.ok(result.warnings > 0, 'the extension is at work on the page');
			assert.deepEqual(result.fetched, [], 'no extension file answers the page');
			assert.deepEqual(result.found, [], 'no extension URL in the page');
			assert.deepEqual(result.loaded, [], 'no extension resource loaded by the page');
		});
	});
}
