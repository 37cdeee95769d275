// Scenario 9 of the browser tests (docs/testing.md): a canonical value and an observed value that carry
// markup are shown as text, and nothing in them runs: on the site's page
// (the warnings, in their shadow roots) and on the options page.
import assert from 'node:assert/strict';
import {after, before} from 'node:test';
import {extensionOrigin} from './lib/chromium.js';
import {waitForChecks, warnings} from './lib/contract.js';
import {startFixtureServer} from './lib/fixture-server.js';
import {canonicalDocument} from './lib/host.js';
import {scenario} from './lib/scenario.js';
import {pageUrl, sites} from './lib/sites.js';
import {withWorld} from './lib/world.js';

let server;
before(async () => {
	server = await startFixtureServer();
});
after(() => server.close());

// Each payload, if it ever became markup, would set a flag on <html> (the DOM
// is shared by the page and the extension's content script, so a flag set in
// either world is seen).
const canonicalHeadline = 'Staff Engineer <img src=x onerror="document.documentElement.dataset.pwned=\'canonical-img\'"> <script>document.documentElement.dataset.pwned=\'canonical-script\'</script>';
const observedLocation = 'Seattle <img src=x onerror="document.documentElement.dataset.pwned=\'observed-img\'"><script>document.documentElement.dataset.pwned=\'observed-script\'</script>';

const escapeHtml = text => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

// Every element in the document, shadow roots included (CDP sees closed ones too).
async function allElements(page) {
	const cdp = await page.createCDPSession();
	const {root} = await cdp.send('DOM.getDocument', {depth: -1, pierce: true});
	await cdp.detach();
	const found = [];
	const walk = node => {
		if (node.nodeType === 1) {
			const attributes = node.attributes ?? [];
			const src = attributes[attributes.indexOf('src') + 1];
			const text = (node.children ?? []).filter(child => child.nodeType === 3).map(child => child.nodeValue).join('');
			found.push({name: node.nodeName.toLowerCase(), src: attributes.includes('src') ? src : undefined, text});
		}

		for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) {
			walk(child);
		}
	};

	walk(root);
	return found;
}

const isPayload = element => (element.name === 'img' && element.src === 'x')
	|| (element.name === 'script' && element.text.includes('pwned'));

// The text of every shadow root under <oneself-warning> elements, via CDP.
async function shadowText(page) {
	const cdp = await page.createCDPSession();
	const {root} = await cdp.send('DOM.getDocument', {depth: -1, pierce: true});
	const texts = [];
	const collect = node => {
		if (node.nodeType === 3) {
			texts.push(node.nodeValue);
		}

		for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
			collect(child);
		}
	};

	const visit = node => {
		if (node.nodeName?.toLowerCase() === 'oneself-warning') {
			collect(node);
		}

		for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
			visit(child);
		}
	};

	visit(root);
	await cdp.detach();
	return texts.join(' ');
}

scenario('9. Markup in canonical and observed values is shown as text; nothing runs', async () => {
	const doc = canonicalDocument();
	doc.profile.headline = canonicalHeadline;
	await withWorld({server, seed: doc}, async ({page, browser}) => {
		const url = pageUrl(server, 'linkedin', sites.linkedin.view);
		const html = server.html('linkedin', sites.linkedin.view);
		assert.ok(html.includes('Seattle, Washington, United States'), 'the fixture shows the location this test replaces');
		server.setPage(url, html.replace('Seattle, Washington, United States', escapeHtml(observedLocation)));
		try {
			await page.goto(url);
			await waitForChecks(page, 1);
			const shown = await warnings(page);
			assert.ok(shown.some(warning => warning.field === 'headline'), 'the headline differs from the canonical one with markup');
			assert.ok(shown.some(warning => warning.field === 'location'), 'the location with markup differs');

			const elements = await allElements(page);
			const injected = elements.filter(isPayload);
			assert.deepEqual(injected, [], 'no <img src=x> and no inline <script> anywhere, shadow roots included');
			assert.equal(await page.evaluate(() => document.documentElement.dataset.pwned), undefined, 'no payload ran');

			// The values are there, as text.
			const text = await shadowText(page);
			assert.ok(text.includes('<img src=x onerror='), `the markup is shown as text: ${text.slice(0, 400)}`);
		} finally {
			server.clearPage(url);
		}

		// The options page shows the canonical value (its field, its history
		// with a diff): as text too.
		const options = await browser.newPage();
		await options.goto(`${extensionOrigin}/options/options.html`);
		await options.waitForFunction(() => document.body.innerText.includes('<img src=x onerror='), {timeout: 20_000, polling: 'mutation'});
		const injected = (await allElements(options)).filter(isPayload);
		assert.deepEqual(injected, [], 'no payload element on the options page');
		assert.equal(await options.evaluate(() => document.documentElement.dataset.pwned), undefined, 'no payload ran on the options page');
	});
});
