// Shared by the site module tests: load a saved fixture page at the URL it
// stands for (its pages.json) with the site modules evaluated in it.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fixture, fixturesDir, loadPage} from '../load.js';

export const canonical = JSON.parse(readFileSync(join(fixturesDir, 'ada.canonical.json'), 'utf8'));
export const profiles = canonical.profile.profiles;

export function pages(site) {
	return JSON.parse(readFileSync(join(fixturesDir, site, 'pages.json'), 'utf8'));
}

// The scripts a site module needs, in the order the manifest injects them.
export function siteScripts(site) {
	return ['sites/kit.js', `sites/${site}.js`];
}

// {window, document, site, url} for fixture `name` of `site`; `html` replaces
// the fixture's markup (for variants), `url` its URL.
export function open(site, name, {html, url} = {}) {
	const pageUrl = url || pages(site)[`${name}.html`];
	if (!pageUrl) {
		throw new Error(`${site}/pages.json has no ${name}.html`);
	}

	const dom = loadPage({html: html ?? fixture(site, name), url: pageUrl, scripts: siteScripts(site)});
	const {window} = dom;
	return {window, document: window.document, site: window.oneself.sites.get(site), url: pageUrl};
}

// The module alone, on an empty page (for pageKind and isOwnProfile on URLs).
export function moduleOf(site) {
	const dom = loadPage({html: '<!DOCTYPE html><html><body></body></html>', url: 'https://example.test/', scripts: siteScripts(site)});
	return dom.window.oneself.sites.get(site);
}

// Values crossing the jsdom boundary come from another realm: copy them into
// this one so deepStrictEqual compares shapes, not prototypes.
export function plain(value) {
	return JSON.parse(JSON.stringify(value));
}
