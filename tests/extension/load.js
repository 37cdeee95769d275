// Loads the extension's classic scripts into a jsdom window, in the order the
// manifest lists them, the way the browser injects content scripts.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {JSDOM} from 'jsdom';

export const extensionDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'extension');
export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

// A jsdom window showing `html` at `url`, with `scripts` (paths relative to
// extension/) evaluated in it. Returns the JSDOM instance; its window has `oneself`.
export function loadPage({html, url, scripts = [], beforeScripts}) {
	const dom = new JSDOM(html, {url, runScripts: 'outside-only', pretendToBeVisual: true});
	if (beforeScripts) {
		beforeScripts(dom.window);
	}

	for (const script of ['lib/namespace.js', ...scripts]) {
		dom.window.eval(readFileSync(join(extensionDir, script), 'utf8'));
	}

	return dom;
}

// A saved fixture page: tests/extension/fixtures/<site>/<name>.html
export function fixture(site, name) {
	return readFileSync(join(fixturesDir, site, `${name}.html`), 'utf8');
}
