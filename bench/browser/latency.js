// Browser latency: from the input event in an edit field to the update of the
// warning beside it, in headless Chromium with the real extension and host.
// 100 edits alternate between a differing headline (the warning appears) and
// the canonical one (it disappears), each edit one input event. Median and
// 95th percentile are printed; the content script's debounce is reported
// separately (it is a deliberate wait, not work). Printed, never asserted.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {replaceText} from '../../tests/e2e/lib/actions.js';
import {launchChromium} from '../../tests/e2e/lib/chromium.js';
import {waitForChecks} from '../../tests/e2e/lib/contract.js';
import {startFixtureServer} from '../../tests/e2e/lib/fixture-server.js';
import {canonicalDocument, HostHome} from '../../tests/e2e/lib/host.js';
import {extensionDir} from '../../tests/e2e/lib/paths.js';
import {pageUrl, sites} from '../../tests/e2e/lib/sites.js';

const edits = Number(process.env.ONESELF_BENCH_EDITS ?? 100);

// The debounce the content script waits after the last input before it asks.
function configuredDebounce() {
	const source = readFileSync(join(extensionDir, 'content', 'main.js'), 'utf8');
	const match = /delayMs\s*=\s*(\d+)/.exec(source) ?? /DEBOUNCE_MS\s*=\s*(\d+)/.exec(source);
	return match ? Number(match[1]) : null;
}

function percentile(sorted, p) {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
	const server = await startFixtureServer();
	const host = new HostHome();
	let chromium;
	try {
		await host.seed();
		chromium = await launchChromium({server, host});
		const [page] = await chromium.browser.pages();
		const {field, selector} = sites.linkedin.editField;
		const canonical = canonicalDocument().profile[field];
		await page.goto(pageUrl(server, 'linkedin', sites.linkedin.edit));
		await waitForChecks(page, 1);

		// Instruments the page: the time of each input event on the field, and
		// the time the field's warning appears or disappears after it.
		await page.$eval(selector, (element, field) => {
			const state = {input: 0, shown: null, latencies: []};
			window.benchState = state;
			const present = () => Boolean(document.querySelector(`oneself-warning[data-field="${field}"]`));
			state.shown = present();
			element.addEventListener('input', () => {
				state.input = performance.now();
			}, true);
			new MutationObserver(() => {
				const now = present();
				if (now !== state.shown) {
					state.shown = now;
					state.latencies.push(performance.now() - state.input);
				}
			}).observe(document, {subtree: true, childList: true, attributes: true});
		}, field);

		for (let index = 0; index < edits; index++) {
			const differing = index % 2 === 0;
			const text = differing ? `Chief Llama Wrangler ${index} at Pasture Co` : canonical;
			await replaceText(page, selector, text, {bulk: true});
			await page.waitForFunction(
				(count, shown) => window.benchState.latencies.length >= count && window.benchState.shown === shown,
				{timeout: 20_000, polling: 'mutation'},
				index + 1, differing,
			);
		}

		const latencies = (await page.evaluate(() => window.benchState.latencies)).sort((a, b) => a - b);
		const debounce = configuredDebounce();
		const median = percentile(latencies, 50);
		const p95 = percentile(latencies, 95);
		const fmt = value => `${value.toFixed(1)} ms`;
		console.log(`browser latency, input event -> warning update, ${latencies.length} edits, headless Chromium, LinkedIn Edit intro headline`);
		console.log(`  median ${fmt(median)}   p95 ${fmt(p95)}   min ${fmt(latencies[0])}   max ${fmt(latencies.at(-1))}`);
		if (debounce !== null) {
			console.log(`  of which debounce (content script, configured): ${debounce} ms`);
			console.log(`  beyond the debounce (messaging, host check, rendering): median ${fmt(median - debounce)}   p95 ${fmt(p95 - debounce)}`);
		}

		console.log(JSON.stringify({bench: 'browser-latency', edits: latencies.length, median_ms: median, p95_ms: p95, debounce_ms: debounce}));
	} finally {
		await chromium?.close();
		await server.close();
		host.cleanup();
	}
}

main().catch(error => {
	console.error(`bench/browser: ${error.stack ?? error.message}`);
	process.exit(1);
});
