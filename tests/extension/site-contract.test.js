// Meta-test: every site module has the same shape, saved fixtures (own view,
// someone else's view, edit form) listed at the URLs they stand for, tests of
// its own, and a section in extension/sites/README.md; fixtures load nothing
// from the network.
import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, it} from 'node:test';
import {NETWORK_ALIASES, siteProfiles} from '../../extension/background/site-hosts.js';
import {extensionDir, fixturesDir, loadPage} from './load.js';

const here = dirname(fileURLToPath(import.meta.url));
const sitesDir = join(extensionDir, 'sites');
// kit.js holds the helpers the modules share; every other file is one site.
const helperFiles = new Set(['kit.js']);
const moduleFiles = readdirSync(sitesDir).filter(file => file.endsWith('.js') && !helperFiles.has(file)).sort();
const readme = readFileSync(join(sitesDir, 'README.md'), 'utf8');
const canonical = JSON.parse(readFileSync(join(fixturesDir, 'ada.canonical.json'), 'utf8'));
const vocabulary = new Set(['name', 'headline', 'bio', 'location', 'website', 'employer', 'title', 'links', 'experience', 'photo',
	// Site-specific parts of the name, beside `name` (LinkedIn's and Google's name forms).
	'firstName', 'lastName']);

function load(html, url, file) {
	const dom = loadPage({html, url, scripts: ['sites/kit.js', `sites/${file}`]});
	return dom.window;
}

// The background chooses the profiles[] entries a module is given, and the
// module chooses again: a network name one accepts and the other drops
// (an X entry written "X (Twitter)") would make the user's own pages
// someone else's.
it('the background and the modules take the same network names for each site', () => {
	const names = [...Object.keys(NETWORK_ALIASES), 'Twitter', 'X (Twitter)', 'Twitter/X', 'Google Account', 'X', 'LinkedIn', 'GitHub', 'Bluesky', 'Mastodon', 'Website', 'Myspace'];
	for (const file of moduleFiles) {
		const id = file.replace(/\.js$/, '');
		const window = load('<!DOCTYPE html><html><body></body></html>', 'https://example.test/', file);
		const site = window.oneself.sites.get(id);
		for (const network of names) {
			const entry = {network, username: 'ada'};
			const background = siteProfiles({profiles: [entry]}, id).length === 1;
			const module = window.oneself.siteKit.profilesFor(site, [entry]).length === 1;
			assert.equal(module, background, `${id}: "${network}" is ${background ? '' : 'not '}given by the background, ${module ? '' : 'not '}taken by the module`);
		}
	}

	assert.deepEqual(siteProfiles({profiles: [{network: 'X (Twitter)', username: 'ada'}]}, 'x'), [{network: 'X (Twitter)', username: 'ada'}]);
});

it('there are the nine sites of the host\'s site table', () => {
	assert.deepEqual(moduleFiles, ['bluesky.js', 'facebook.js', 'github.js', 'google.js', 'instagram.js', 'linkedin.js', 'mastodon.js', 'website.js', 'x.js']);
});

for (const file of moduleFiles) {
	const id = file.replace(/\.js$/, '');
	describe(`site module ${id}`, () => {
		const source = readFileSync(join(sitesDir, file), 'utf8');
		const window = load('<!DOCTYPE html><html><body></body></html>', 'https://example.test/', file);
		const site = window.oneself.sites.get(id);

		it('registers one module named by its file, of the contract\'s shape', () => {
			assert.ok(site, `${file} registers the id "${id}"`);
			assert.equal(window.oneself.sites.all().length, 1);
			assert.equal(typeof site.name, 'string');
			assert.ok(Array.isArray(site.hosts) && site.hosts.every(host => typeof host === 'string' && host === host.toLowerCase()));
			for (const method of ['pageKind', 'isOwnProfile', 'extract']) {
				assert.equal(typeof site[method], 'function', method);
			}

			assert.equal(site.pageKind('not a url'), null);
		});

		it('is a strict classic script that never writes markup', () => {
			assert.match(source, /^'use strict';/);
			assert.doesNotMatch(source, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
			assert.doesNotMatch(source, /^\s*(import|export)\s/m);
		});

		it('comments where its markup was observed', () => {
			assert.match(source, /observed/i);
		});

		it('is documented in extension/sites/README.md', () => {
			assert.match(readme, new RegExp(`^### .*\\(\`${id}\`\\)`, 'm'), `a "### ${site.name} (\`${id}\`)" section`);
		});

		it('has its own tests', () => {
			assert.ok(existsSync(join(here, 'sites', `${id}.test.js`)));
		});

		const dir = join(fixturesDir, id);
		const pages = existsSync(join(dir, 'pages.json')) ? JSON.parse(readFileSync(join(dir, 'pages.json'), 'utf8')) : {};

		it('has own-view, other-view and edit fixtures, each listed with its URL', () => {
			for (const name of ['own-view.html', 'other-view.html', 'edit.html']) {
				assert.equal(typeof pages[name], 'string', `${id}/pages.json lists ${name}`);
			}

			const files = readdirSync(dir).filter(name => name.endsWith('.html')).sort();
			assert.deepEqual(files, Object.keys(pages).sort(), 'every fixture page is listed, and every listed page exists');
			for (const url of Object.values(pages)) {
				const {protocol, hostname} = new URL(url);
				assert.equal(protocol, 'https:');
				if (site.hosts.length > 0) {
					assert.ok(site.hosts.includes(hostname), `${hostname} is one of the module's hosts`);
				}
			}
		});

		for (const [name, url] of Object.entries(pages)) {
			const html = readFileSync(join(dir, name), 'utf8');

			it(`${name}: a fictional page that loads nothing from the network`, () => {
				assert.match(html, /^<!DOCTYPE html>\s*<!-- Fixture: /i, 'starts with a comment saying what it stands for');
				assert.match(html, /fictional/);
				assert.doesNotMatch(html, /<script[^>]*\ssrc=/i);
				assert.doesNotMatch(html, /<link[^>]*rel="?stylesheet/i);
				assert.doesNotMatch(html, /@import|url\(\s*['"]?https?:/i);
				for (const [, attribute, value] of html.matchAll(/\s(src|xlink:href|srcset|poster)="([^"]*)"/g)) {
					assert.ok(!/^(https?:)?\/\//i.test(value), `${attribute}="${value.slice(0, 60)}" is not fetched from the network`);
				}
			});

			it(`${name}: pageKind knows it, and ownership is decided from the URL and profiles`, () => {
				const page = load(html, url, file);
				const module = page.oneself.sites.get(id);
				const kind = module.pageKind(url);
				// A document that throws when touched: deciding must not read the page.
				const untouchable = new Proxy({}, {get() {
					throw new Error('isOwnProfile read the page');
				}});
				// What the background gives the module (profiles.mine).
				const own = module.isOwnProfile(untouchable, url, siteProfiles(canonical.profile, id));
				if (name.startsWith('other-view')) {
					assert.equal(own, false, 'someone else\'s page is not own');
				} else {
					assert.ok(kind, `pageKind(${url})`);
					assert.equal(own, true, 'Ada\'s page is own');
				}
			});

			if (!name.startsWith('other-view')) {
				it(`${name}: extract answers {kind, fields, elements, unread} in the check vocabulary`, () => {
					const page = load(html, url, file);
					const module = page.oneself.sites.get(id);
					const result = module.extract(page.document, url);
					assert.ok(['view', 'edit'].includes(result.kind));
					assert.ok(Array.isArray(result.unread));
					assert.deepEqual([...result.unread], [], 'the fixture shows every field the module expects');
					const fields = Object.keys(result.fields);
					assert.ok(fields.length > 0, 'reads something');
					for (const field of fields) {
						assert.ok(vocabulary.has(field), `${field} is a check field`);
						const element = result.elements[field];
						assert.ok(element instanceof page.Element, `${field} has its element`);
						assert.ok(page.document.contains(element), `${field}'s element is in the page`);
					}

					if (result.kind === 'edit') {
						const editable = ['INPUT', 'TEXTAREA', 'SELECT'];
						for (const field of fields.filter(field => field !== 'photo')) {
							const element = result.elements[field];
							// jsdom has no isContentEditable: the attribute says it (LinkedIn's rich-text editors).
							const richText = element.isContentEditable || ['true', '', 'plaintext-only'].includes(element.getAttribute('contenteditable'));
							assert.ok(editable.includes(element.tagName) || richText, `${field}'s element is the control itself`);
						}
					}

					// Values cross to the background as messages: strings, {url} for the
					// photo, arrays of plain string records; no elements inside them.
					for (const [field, value] of Object.entries(result.fields)) {
						if (field === 'photo') {
							assert.deepEqual(Object.keys(value), ['url'], field);
							assert.equal(typeof value.url, 'string', field);
						} else if (Array.isArray(value)) {
							for (const entry of value) {
								assert.ok(Object.values(entry).every(part => typeof part === 'string'), `${field} holds plain records`);
							}
						} else {
							assert.equal(typeof value, 'string', field);
						}
					}
				});
			}
		}
	});
}
