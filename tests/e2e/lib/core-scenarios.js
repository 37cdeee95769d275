// The core browser scenarios of docs/testing.md (1: view page, 2: edit form, 3: Use canonical,
// 5: Copy bio), written once and run per site and per browser.
import assert from 'node:assert/strict';
import {fieldValue, openPopup, replaceText, waitForText} from './actions.js';
import {readClipboard, withFocus} from './clipboard.js';
import {clickWarningButton, waitForChecks, warnings, warningsFor} from './contract.js';
import {canonicalDocument} from './host.js';
import {servePage, siteConfig, sites} from './sites.js';

const waitOptions = {timeout: 20_000, polling: 'mutation'};

// Waits until more than `rounds` check rounds have completed and the field's
// warnings are in `state`: 'any' (at least one), 'clear' (none) or a code.
// Rounds on a half-typed value may come first; the wait outlasts them.
async function waitForFieldState(page, field, rounds, state) {
	await page.waitForFunction((field, rounds, state) => {
		if (Number(document.documentElement.dataset.oneselfChecks ?? 0) <= rounds) {
			return false;
		}

		const codes = [...document.querySelectorAll(`oneself-warning[data-field="${field}"]`)].map(element => element.dataset.code);
		return state === 'clear' ? codes.length === 0 : state === 'any' ? codes.length > 0 : codes.includes(state);
	}, waitOptions, field, rounds, state);
}

const rounds = page => page.evaluate(() => Number(document.documentElement.dataset.oneselfChecks ?? 0));

// The canonical text of the edit field the scenarios type into; `bio`: which
// of the canonical bios the site takes (the short one unless its sites.js entry says).
export function canonicalText(field, bio = 'short') {
	const {profile} = canonicalDocument();
	return field === 'bio' ? profile.bio[bio] : field === 'name' ? profile.name.full : profile[field];
}

// 1: the user's own view page shows exactly the documented differences.
export async function viewScenario({page, server, site, layout}) {
	const config = siteConfig(site, layout);
	const expected = config.differs;
	await page.goto(servePage(server, site, config.view));
	await waitForChecks(page, 1);
	const shown = await warnings(page);
	const summary = list => list.map(({field, severity}) => `${field}:${severity}`);
	assert.ok(expected, `the expected differences of ${site}'s own-view page are listed in tests/e2e/lib/sites.js`);
	assert.deepEqual(summary(shown), summary(expected));
	for (const entry of expected.filter(item => item.code)) {
		assert.equal(shown.find(warning => warning.field === entry.field).code, entry.code, `${entry.field} code`);
	}

	for (const warning of shown) {
		assert.ok(warning.text.length > 10, `the ${warning.field} warning says something: "${warning.text}"`);
	}

	return shown;
}

// 2: typing a differing value warns, typing the canonical value back clears
// it, typing past the site's limit says too_long.
export async function editScenario({page, server, site, layout}) {
	const config = siteConfig(site, layout);
	const {field, selector, limit} = config.editField;
	const canonical = canonicalText(field);
	await page.goto(servePage(server, site, config.edit));
	await waitForChecks(page, 1);
	assert.equal(await fieldValue(page, selector), canonical, 'the edit form opens with the canonical value');
	assert.deepEqual(await warningsFor(page, field), [], 'no warning while the field holds the canonical value');

	let before = await rounds(page);
	await replaceText(page, selector, field === 'bio' ? 'Chief llama wrangler at a pasture in Vermont.' : 'Chief Llama Wrangler at Pasture Co');
	await waitForFieldState(page, field, before, 'any');
	const [differing] = await warningsFor(page, field);
	assert.ok(['warning', 'error'].includes(differing.severity), `a substantive difference: ${JSON.stringify(differing)}`);

	before = await rounds(page);
	await replaceText(page, selector, canonical);
	await waitForFieldState(page, field, before, 'clear');

	before = await rounds(page);
	const long = 'Building calm, fast developer tools for teams who ship every day. '.repeat(Math.ceil((limit + 20) / 66)).slice(0, limit + 20).trim();
	assert.ok([...long].length > limit);
	await replaceText(page, selector, long, {bulk: true});
	await waitForFieldState(page, field, before, 'too_long');
	const tooLong = (await warningsFor(page, field)).find(warning => warning.code === 'too_long');
	assert.match(tooLong.text, new RegExp(String(limit)), 'too_long names the limit');
}

// 3: Use canonical writes the value so that the site's own input listeners
// see it, and the warning clears.
export async function useCanonicalScenario({page, server, site, layout}) {
	const config = siteConfig(site, layout);
	const {field, selector, bio} = config.editField;
	const canonical = canonicalText(field, bio);
	await page.goto(servePage(server, site, config.edit));
	await waitForChecks(page, 1);
	// A listener of the page's own world, like the site framework's.
	await page.$eval(selector, element => {
		element.addEventListener('input', () => {
			window.seenByPage = 'value' in element ? element.value : element.textContent;
		});
	});

	let before = await rounds(page);
	await replaceText(page, selector, 'Chief Llama Wrangler at Pasture Co');
	await waitForFieldState(page, field, before, 'any');

	before = await rounds(page);
	await clickWarningButton(page, field, 'Use canonical');
	await waitForFieldState(page, field, before, 'clear');
	assert.equal(await fieldValue(page, selector), canonical);
	assert.equal(await page.evaluate(() => window.seenByPage), canonical, 'the page\'s input listeners saw the canonical value');
	// The fixture's stand-in for the site framework (state kept from input
	// events, a live counter beside the field) saw it too.
	const framework = await page.$eval(selector, element => ({
		state: window.fixtureState ? Object.values(window.fixtureState) : null,
		counter: document.getElementById(`${element.id}-counter`)?.textContent ?? null,
	}));
	if (framework.state) {
		assert.ok(framework.state.includes(canonical), `the site's state holds the canonical value: ${JSON.stringify(framework.state)}`);
	}

	if (framework.counter !== null) {
		assert.match(framework.counter, new RegExp(`^${[...canonical].length}/`), 'the site\'s counter follows');
	}

	return {selector, canonical};
}

// The bio text of a bio.get reply, whatever the reply calls it.
export function bioText(result) {
	return result.bio ?? result.text ?? result.value;
}

// The popup speaks of this page: its warnings count, and the bio's length
// against the site's limit.
export async function assertPopupSummary(popup, count, fitted) {
	let text = await waitForText(popup, new RegExp(`\\b${count} difference`));
	if (fitted.limit) {
		// The page's state shows before the host answers; the bio comes after.
		text = await waitForText(popup, /\/ [\d,]+ characters/);
		assert.match(text.replaceAll(',', ''), new RegExp(`${[...bioText(fitted)].length} / ${fitted.limit}`), 'the bio\'s length against the limit');
	}
}

// Clicks the popup button whose text starts with `label` once it is enabled;
// `beforeClick` runs in between (e.g. to focus the popup's tab).
export async function clickPopupButton(popup, label, beforeClick = async () => {}) {
	await popup.waitForFunction(label => [...document.querySelectorAll('button')]
		.some(button => button.textContent.trim().toLowerCase().startsWith(label.toLowerCase()) && !button.disabled),
	{timeout: 15_000, polling: 'mutation'}, label);
	await beforeClick();
	await popup.evaluate(label => {
		[...document.querySelectorAll('button')]
			.find(button => button.textContent.trim().toLowerCase().startsWith(label.toLowerCase()) && !button.disabled)
			.click();
	}, label);
}

// 5 (Chromium): the popup's Copy bio puts the bio fitted to the site on the clipboard.
export async function copyBioScenario({server, site, page, session, host}) {
	await page.goto(servePage(server, site, sites[site].view));
	await waitForChecks(page, 1);
	const fitted = await host.call({type: 'bio.get', site});
	const expected = bioText(fitted);
	assert.equal(typeof expected, 'string', `bio.get answers a text: ${JSON.stringify(fitted)}`);

	const count = (await warnings(page)).length;
	const popup = await openPopup(session, page);
	await assertPopupSummary(popup, count, fitted);
	// The popup has the focus when the person clicks (its write needs it),
	// and the copy is done once the popup says so: reading the clipboard
	// before that races it.
	const said = await withFocus(popup, async () => {
		await clickPopupButton(popup, 'Copy bio', () => popup.bringToFront());
		return waitForText(popup, /Copied|Could not copy/);
	});
	assert.match(said, /Copied bio/, 'the popup confirms the copy');
	const copied = await readClipboard(session.browser, page);
	assert.equal(copied, expected, 'the clipboard holds the bio fitted to the site');
	if (fitted.limit) {
		assert.ok([...copied].length <= fitted.limit, `${[...copied].length} <= ${fitted.limit}`);
	}
}

