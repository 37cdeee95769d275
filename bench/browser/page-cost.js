// What the extension costs a page a person opens: in headless Chromium with
// the real extension and host, on a LinkedIn profile page the size of a real
// one (half a megabyte of markup), measured side by side with a browser that
// has no extension, in the same run, rounds interleaved.
//
//   page load     main-thread task time and script time (Chromium's
//                 Performance.getMetrics), wall time to the load event (and,
//                 with the extension, to its first completed check round),
//                 long tasks (PerformanceObserver 'longtask'), page JS heap
//   re-render     a burst of re-renders (the top card and every card replaced,
//                 as a single-page app does), task and script time until the
//                 page is quiet again
//   memory        resident memory of the whole browser (every process) after load
//
// Printed, never asserted. The keystroke-to-warning time is latency.js.
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {launchChromium} from '../../tests/e2e/lib/chromium.js';
import {waitForChecks} from '../../tests/e2e/lib/contract.js';
import {startFixtureServer} from '../../tests/e2e/lib/fixture-server.js';
import {HostHome} from '../../tests/e2e/lib/host.js';
import {pageUrl, sites} from '../../tests/e2e/lib/sites.js';

const ROUNDS = Number(process.env.ONESELF_BENCH_ROUNDS ?? 10);
const BURST = 20; // re-renders in one burst
const PAGE_BYTES = 512 * 1024;
const QUIET_MS = 1_000; // the extension rescans 200 ms after a mutation; this outlasts it

// Ada's own LinkedIn page, grown to the size of a real one with cards of
// fictional activity and recommendations (real pages carry most of their
// weight in such cards, scripts' templates and tracking markup).
function bigPage(html) {
	const card = index => `
<section class="artdeco-card pv-profile-card break-words" data-view-name="profile-card">
  <div class="pvs-header__container"><h2 class="pvs-header__title"><span aria-hidden="true">Activity</span><span class="visually-hidden">Activity</span></h2></div>
  <ul class="pvs-list">
    ${Array.from({length: 8}, (_, item) => `<li class="artdeco-list__item pvs-list__item--line-separated">
      <div class="display-flex flex-column full-width"><span aria-hidden="true">Ada Whitfield reposted a post about compilers, tooling and calm teams (${index}.${item})</span>
      <span class="visually-hidden">Ada Whitfield reposted a post about compilers, tooling and calm teams (${index}.${item})</span>
      <p class="t-14 t-normal">Building developer tools that respect people's time is a team sport: review, measure, repeat. Numbers beat opinions, and both beat silence.</p>
      <a class="optional-action-target-wrapper" href="https://www.linkedin.com/feed/update/urn:li:activity:${7000000000000000000 + (index * 10) + item}/">Show post</a></div></li>`).join('\n    ')}
  </ul>
</section>`;
	let filler = '';
	for (let index = 0; html.length + filler.length < PAGE_BYTES; index++) {
		filler += card(index);
	}

	return html.replace('</main>', `${filler}\n</main>`);
}

// Resident memory of a process and all its descendants, in MiB (Linux /proc).
function treeRssMiB(rootPid) {
	const children = new Map();
	const rss = new Map();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) {
			continue;
		}

		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const parent = Number(fields[1]);
			children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
			const status = readFileSync(`/proc/${entry}/status`, 'utf8');
			rss.set(Number(entry), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
		} catch {
			// the process ended meanwhile
		}
	}

	let total = 0;
	const stack = [rootPid];
	while (stack.length > 0) {
		const pid = stack.pop();
		total += rss.get(pid) ?? 0;
		stack.push(...(children.get(pid) ?? []));
	}

	return total / 1024;
}

const metric = (metrics, name) => metrics.metrics.find(entry => entry.name === name)?.value ?? 0;

async function measureOnce(browser, url, withExtension) {
	const page = await browser.newPage();
	try {
		await page.evaluateOnNewDocument(() => {
			window.benchLongTasks = [];
			new PerformanceObserver(list => {
				for (const entry of list.getEntries()) {
					window.benchLongTasks.push(entry.duration);
				}
			}).observe({type: 'longtask', buffered: true});
		});
		const cdp = await page.createCDPSession();
		await cdp.send('Performance.enable');
		const before = await cdp.send('Performance.getMetrics');
		const started = Date.now();
		await page.goto(url, {waitUntil: 'load'});
		const loaded = Date.now() - started;
		let checked = null;
		if (withExtension) {
			await waitForChecks(page, 1);
			checked = Date.now() - started;
		}

		await new Promise(resolve => setTimeout(resolve, QUIET_MS));
		const afterLoad = await cdp.send('Performance.getMetrics');
		const heap = metric(afterLoad, 'JSHeapUsedSize') / (1024 * 1024);
		const rssMiB = treeRssMiB(browser.process().pid);

		// A burst of re-renders: every card and the top card replaced by a copy.
		await page.evaluate(burst => {
			for (let index = 0; index < burst; index++) {
				for (const section of document.querySelectorAll('main section')) {
					section.replaceWith(section.cloneNode(true));
				}
			}
		}, BURST);
		await new Promise(resolve => setTimeout(resolve, QUIET_MS));
		const afterBurst = await cdp.send('Performance.getMetrics');
		const longTasks = await page.evaluate(() => window.benchLongTasks);
		return {
			taskMs: (metric(afterLoad, 'TaskDuration') - metric(before, 'TaskDuration')) * 1000,
			scriptMs: (metric(afterLoad, 'ScriptDuration') - metric(before, 'ScriptDuration')) * 1000,
			loadMs: loaded,
			checkedMs: checked,
			heapMiB: heap,
			rssMiB,
			longTasks: longTasks.length,
			longestTaskMs: Math.max(0, ...longTasks),
			burstTaskMs: (metric(afterBurst, 'TaskDuration') - metric(afterLoad, 'TaskDuration')) * 1000,
			burstScriptMs: (metric(afterBurst, 'ScriptDuration') - metric(afterLoad, 'ScriptDuration')) * 1000,
		};
	} finally {
		await page.close();
	}
}

const median = values => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main() {
	const server = await startFixtureServer();
	const host = new HostHome();
	const browsers = {};
	try {
		await host.seed();
		const url = pageUrl(server, 'linkedin', sites.linkedin.view);
		const html = bigPage(server.html('linkedin', sites.linkedin.view));
		server.setPage(url, html);
		browsers.on = await launchChromium({server, host});
		await browsers.on.worker();
		browsers.off = await launchChromium({server, host: null, extension: false});

		const runs = {on: [], off: []};
		for (let round = 0; round < ROUNDS; round++) {
			// Alternate which browser goes first, so neither always runs on a warmer machine.
			const order = round % 2 ? ['off', 'on'] : ['on', 'off'];
			for (const variant of order) {
				runs[variant].push(await measureOnce(browsers[variant].browser, url, variant === 'on'));
			}
		}

		const rows = [
			['main-thread task time, load', 'taskMs', 'ms'],
			['script time, load', 'scriptMs', 'ms'],
			['wall time to the load event', 'loadMs', 'ms'],
			['page JS heap after load', 'heapMiB', 'MiB'],
			['browser resident memory (all processes)', 'rssMiB', 'MiB'],
			['long tasks (> 50 ms) during load', 'longTasks', ''],
			['longest long task', 'longestTaskMs', 'ms'],
			[`main-thread task time, ${BURST} re-renders`, 'burstTaskMs', 'ms'],
			[`script time, ${BURST} re-renders`, 'burstScriptMs', 'ms'],
		];
		console.log(`browser page cost, headless Chromium, LinkedIn own profile page of ${(html.length / 1024).toFixed(0)} KiB, ${ROUNDS} rounds each, medians`);
		console.log(`  ${'measure'.padEnd(44)}${'no extension'.padStart(14)}${'oneself'.padStart(12)}${'added'.padStart(12)}`);
		const summary = {};
		for (const [label, key, unit] of rows) {
			const off = median(runs.off.map(run => run[key]));
			const on = median(runs.on.map(run => run[key]));
			const show = value => `${value.toFixed(unit === 'MiB' ? 2 : 1)}${unit ? ` ${unit}` : ''}`;
			console.log(`  ${label.padEnd(44)}${show(off).padStart(14)}${show(on).padStart(12)}${show(on - off).padStart(12)}`);
			summary[key] = {off, on};
		}

		console.log(`  wall time to the first check round (oneself): ${median(runs.on.map(run => run.checkedMs)).toFixed(0)} ms`);
		console.log(JSON.stringify({bench: 'browser-page-cost', pageBytes: html.length, rounds: ROUNDS, ...summary}));
	} finally {
		await browsers.on?.close();
		await browsers.off?.close();
		await server.close();
		host.cleanup();
	}
}

main().catch(error => {
	console.error(`bench/browser: ${error.stack ?? error.message}`);
	process.exit(1);
});
