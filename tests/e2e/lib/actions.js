// What a user does: type into a field, open the toolbar popup, read the badge.
import {extensionOrigin} from './chromium.js';

// Replaces the text of the field matched by `selector` the way a person does:
// focus, select all, type. `bulk` inserts the text as one input event (a
// paste-like insertText) instead of one event per character.
export async function replaceText(page, selector, text, {bulk = false} = {}) {
	const field = await page.waitForSelector(selector, {timeout: 10_000});
	// A rich-text editor is clicked, as a person does: Firefox gives a
	// contenteditable focused by script no caret, and the typing goes nowhere.
	if (await field.evaluate(element => element.isContentEditable)) {
		await field.click();
	} else {
		await field.focus();
	}

	await page.keyboard.down('Control');
	await page.keyboard.press('KeyA');
	await page.keyboard.up('Control');
	if (text === '') {
		await page.keyboard.press('Backspace');
	} else if (bulk) {
		// What the browser does for a paste or an IME commit: one insertText.
		await page.evaluate(text => document.execCommand('insertText', false, text), text);
	} else {
		await page.keyboard.type(text);
	}
}

export async function fieldValue(page, selector) {
	return page.$eval(selector, element => ('value' in element ? element.value : element.textContent));
}

// Chromium: the toolbar badge text the extension set for the tab showing `page`.
export async function actionBadge(session, page) {
	return session.evaluateInWorker(async url => {
		const tabs = await chrome.tabs.query({});
		const tab = tabs.find(candidate => candidate.url === url);
		return tab ? chrome.action.getBadgeText({tabId: tab.id}) : null;
	}, page.url());
}

// Firefox: the same, read from an extension page opened as a tab (Firefox's
// background page is not reachable through WebDriver BiDi). The page is
// closed again and `page` brought back to the front.
export async function actionBadgeFromExtensionPage(browser, page, extensionPageUrl) {
	const extensionPage = await openPopupAsTab(browser, page, extensionPageUrl);
	try {
		return await extensionPage.evaluate(async url => {
			// The extension API's `browser`, inside the page.
			const api = globalThis.browser;
			const tabs = await api.tabs.query({});
			const tab = tabs.find(candidate => candidate.url === url);
			return tab ? api.action.getBadgeText({tabId: tab.id}) : null;
		}, page.url());
	} finally {
		await extensionPage.close();
		await page.bringToFront();
	}
}

// Chromium: opens the toolbar popup over `page` (made the active tab first)
// the way a click on the toolbar button does, and returns the popup's Page.
export async function openPopup(session, page) {
	await page.bringToFront();
	await session.evaluateInWorker(() => chrome.action.openPopup());
	const target = await session.browser.waitForTarget(
		candidate => candidate.type() === 'page' && candidate.url().startsWith(`${extensionOrigin}/popup/`),
		{timeout: 10_000},
	);
	return target.asPage();
}

// Waits until the page's visible text contains `pattern` and returns it.
export async function waitForText(page, pattern, timeout = 15_000) {
	const source = pattern instanceof RegExp ? pattern.source : pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const flags = pattern instanceof RegExp ? pattern.flags : '';
	await page.waitForFunction(
		(source, flags) => new RegExp(source, flags).test(document.body?.innerText ?? ''),
		{timeout, polling: 'mutation'},
		source, flags,
	);
	return page.evaluate(() => document.body.innerText);
}

// Any browser: opens the popup page as a tab for `page`'s tab. The popup asks
// for the active tab of its window when it loads, so it is loaded in a
// background tab while `page` stays active, then brought to the front (a
// clipboard write needs a focused document).
export async function openPopupAsTab(browser, page, popupUrl) {
	const popup = await browser.newPage();
	await page.bringToFront();
	// Firefox moves the tab to the extension's process on this navigation and
	// puppeteer loses sight of the old frame: the navigation is not awaited;
	// the caller waits for the popup's content instead.
	popup.goto(popupUrl).catch(() => {});
	await pollThroughNavigation(popup, () => location.protocol.endsWith('extension:') && document.readyState === 'complete', 15_000);
	return popup;
}

// Polls `predicate` in `page` until it holds. An evaluation that meets the
// document being replaced fails in ways puppeteer does not retry (Firefox's
// BiDi answers "right-hand side of 'in' should be an object, got null" for
// the old realm), so a failed poll counts as "not yet", not as the answer.
async function pollThroughNavigation(page, predicate, timeout) {
	const deadline = Date.now() + timeout;
	let lastError;
	let held = false; // a poll given up on may still answer yes later
	while (Date.now() < deadline && !held) {
		try {
			const poll = page.evaluate(predicate);
			poll.then(yes => {
				held ||= Boolean(yes);
			}, () => {});
			const gaveUp = new Promise(resolve => setTimeout(resolve, 2_000, false));
			if (await Promise.race([poll, gaveUp])) {
				return;
			}
		} catch (error) {
			lastError = error;
		}
		await new Promise(resolve => setTimeout(resolve, 100));
	}
	if (held) {
		return;
	}
	throw new Error(`the page did not get there in ${timeout} ms${lastError ? ` (last error: ${lastError.message})` : ''}`);
}
