// Reading the clipboard back in Chromium: clipboard permission is granted to
// the page's origin with CDP's Browser.grantPermissions (puppeteer's
// overridePermissions sends it for the default browser context), then the
// page reads it with the async clipboard API.
export async function readClipboard(browser, page) {
	const origin = new URL(page.url()).origin;
	await browser.defaultBrowserContext().overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
	await page.bringToFront();
	return page.evaluate(() => navigator.clipboard.readText());
}
