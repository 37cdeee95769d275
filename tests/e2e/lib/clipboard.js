// Reading the clipboard back in Chromium: clipboard permission is granted to
// the page's origin through CDP (Browser.grantPermissions), then the page
// reads it with the async clipboard API.
export async function readClipboard(browser, page) {
	const origin = new URL(page.url()).origin;
	const cdp = await browser.target().createCDPSession();
	await cdp.send('Browser.grantPermissions', {origin, permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite']});
	await cdp.detach();
	await page.bringToFront();
	return page.evaluate(() => navigator.clipboard.readText());
}
