// Reading the clipboard back in Chromium: clipboard permission is granted to
// the page's origin with CDP's Browser.grantPermissions (puppeteer's
// overridePermissions sends it for the default browser context), then the
// page reads it with the async clipboard API.
export async function readClipboard(browser, page) {
	const origin = new URL(page.url()).origin;
	await browser.defaultBrowserContext().overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
	await page.bringToFront();
	// A read needs a focused document, and the popup that just wrote the
	// clipboard is a window of its own: it can keep the focus for a moment
	// after bringToFront returns ("Document is not focused", seen under load).
	// The page is told it has the focus, as the front tab of a focused window
	// has, for as long as the read takes.
	return withFocus(page, () => page.evaluate(() => navigator.clipboard.readText()));
}

// Runs `action` with `page` (Chromium) told that it has the focus, as the
// front tab of a focused window has. A clipboard read or write needs a
// focused document, and after bringToFront returns the focus can still be
// on its way from another window (the popup, or the page it covers).
export async function withFocus(page, action) {
	const cdp = await page.createCDPSession();
	try {
		await cdp.send('Emulation.setFocusEmulationEnabled', {enabled: true});
		return await action();
	} finally {
		await cdp.detach().catch(() => {});
	}
}
