import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {canonical, moduleOf, open, plain, profiles} from './helpers.js';
import {fixture, loadPage} from '../load.js';

const bluesky = moduleOf('bluesky');

describe('bluesky: pageKind', () => {
	it('knows profiles by handle or DID, and their tabs', () => {
		assert.deepEqual(plain(bluesky.pageKind('https://bsky.app/profile/ada.bsky.social')), {kind: 'view', handle: 'ada.bsky.social'});
		assert.equal(bluesky.pageKind('https://bsky.app/profile/Ada.BSKY.social/').handle, 'ada.bsky.social');
		assert.equal(bluesky.pageKind('https://bsky.app/profile/did:plc:abcd1234efgh').handle, 'did:plc:abcd1234efgh');
		assert.equal(bluesky.pageKind('https://bsky.app/profile/ada.bsky.social/media').kind, 'view');
	});

	it('ignores posts, the feed and settings', () => {
		for (const url of ['https://bsky.app/', 'https://bsky.app/profile/ada.bsky.social/post/3kabc', 'https://bsky.app/settings', 'https://bsky.app/notifications']) {
			assert.equal(bluesky.pageKind(url), null, url);
		}
	});
});

describe('bluesky: isOwnProfile', () => {
	it('is own on Ada\'s profile and on the edit dialog over it', () => {
		for (const name of ['own-view', 'edit']) {
			const {site, document, url} = open('bluesky', name);
			assert.equal(site.isOwnProfile(document, url, profiles), true, name);
		}
	});

	it('is not own on Marcus\'s profile, or when the entry names another handle', () => {
		const other = open('bluesky', 'other-view');
		assert.equal(other.site.isOwnProfile(other.document, other.url, profiles), false);
		const {site, document, url} = open('bluesky', 'own-view');
		assert.equal(site.isOwnProfile(document, url, [{network: 'Bluesky', username: 'ada.example.com'}]), false);
		assert.equal(site.isOwnProfile(document, url, [{network: 'bluesky', url: 'https://bsky.app/profile/ada.bsky.social'}]), true);
	});
});

describe('bluesky: extract', () => {
	it('reads display name, description and avatar', () => {
		const {site, document, url} = open('bluesky', 'own-view');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'view');
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.name, 'Ada Whitfield');
		assert.equal(fields.bio, 'Data person. Pipelines, queues, Seattle rain.');
		assert.match(fields.photo.url, /^data:image\/png/);
		assert.equal(elements.name.dataset.testid, 'profileHeaderDisplayName');
		assert.equal(elements.bio.dataset.testid, 'profileHeaderDescription');
	});

	it('reads the matching variant as the canonical values', () => {
		const {site, document, url} = open('bluesky', 'own-view-matching');
		assert.equal(site.extract(document, url).fields.bio, canonical.profile.bio.short);
	});

	it('lists renamed hooks as unread', () => {
		const html = fixture('bluesky', 'own-view').replaceAll('data-testid="profileHeaderDisplayName"', 'data-testid="profileName"')
			.replaceAll('data-testid="profileHeaderDescription"', 'data-testid="profileBio"');
		const {site, document, url} = open('bluesky', 'own-view', {html});
		assert.deepEqual(plain(site.extract(document, url).unread), ['name', 'bio']);
	});

	it('reports an absent description as empty when the header is there', () => {
		const html = fixture('bluesky', 'own-view').replace(/<div class="css-175oi2r"><div dir="auto" class="css-146c3p1" data-testid="profileHeaderDescription".*?<\/div><\/div>/, '');
		const {site, document, url} = open('bluesky', 'own-view', {html});
		const {fields, unread} = site.extract(document, url);
		assert.equal(fields.bio, '');
		assert.deepEqual(plain(unread), []);
	});

	it('reads the edit dialog\'s inputs', () => {
		const {site, document, url} = open('bluesky', 'edit');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'edit');
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.name, 'Ada Whitfield');
		assert.equal(fields.bio, canonical.profile.bio.short);
		assert.equal(elements.name.dataset.testid, 'editProfileDisplayNameInput');
		assert.equal(elements.bio.tagName, 'TEXTAREA');
		assert.ok(elements.bio.closest('[role="dialog"]'));
	});

	// bsky.app keeps the previous screen mounted but hidden (display: none on
	// its container): Marcus's header comes first in the document.
	function withHiddenScreen(visible) {
		const other = /<main[\s\S]*<\/main>/.exec(fixture('bluesky', 'other-view'))[0];
		const own = fixture('bluesky', 'own-view');
		const screens = `<div class="css-175oi2r" style="display: none;">${other}</div><div class="css-175oi2r">`;
		return visible ? own.replace('<main', `${screens}<main`).replace('</main>', '</main></div>')
			: own.replace(/<main[\s\S]*<\/main>/, `${screens}</div>`);
	}

	it('reads the shown screen\'s header, not an earlier hidden one\'s', () => {
		const {site, document, url} = open('bluesky', 'own-view', {html: withHiddenScreen(true)});
		assert.match(document.querySelector('[data-testid="profileHeaderDisplayName"]').textContent, /Marcus/);
		const {fields, elements, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.name, 'Ada Whitfield');
		assert.equal(fields.bio, 'Data person. Pipelines, queues, Seattle rain.');
		const own = open('bluesky', 'own-view');
		assert.equal(fields.photo.url, own.site.extract(own.document, own.url).fields.photo.url);
		const hidden = document.querySelector('[style="display: none;"]');
		for (const field of ['name', 'bio', 'photo']) {
			assert.equal(hidden.contains(elements[field]), false, field);
		}
	});

	it('reads nothing when the only header is on a hidden screen', () => {
		const {site, document, url} = open('bluesky', 'own-view', {html: withHiddenScreen(false)});
		assert.ok(document.querySelector('[data-testid="profileHeaderDisplayName"]'));
		const {fields, elements, unread} = site.extract(document, url);
		assert.deepEqual(plain(fields), {});
		assert.deepEqual(Object.keys(elements), []);
		assert.deepEqual(plain(unread), ['name', 'bio', 'photo']);
	});
});

describe('siteKit.isShown', () => {
	const {window} = loadPage({
		html: `<!DOCTYPE html><html><head><style>.gone { display: none; }</style></head><body>
			<p id="plain">x</p>
			<div hidden><p id="in-hidden">x</p></div>
			<div inert><p id="in-inert">x</p></div>
			<div aria-hidden="true"><p id="in-aria">x</p></div>
			<div aria-hidden="false"><p id="aria-false">x</p></div>
			<div style="display: none"><p id="in-inline">x</p></div>
			<div class="gone"><p id="in-css">x</p></div>
			<div style="visibility: visible; display: flex"><p id="in-flex">x</p></div>
		</body></html>`,
		url: 'https://example.test/',
		scripts: ['sites/kit.js'],
	});
	const kit = window.oneself.siteKit;
	const element = id => window.document.getElementById(id);

	it('is true for elements on the shown page', () => {
		for (const id of ['plain', 'aria-false', 'in-flex']) {
			assert.equal(kit.isShown(element(id)), true, id);
		}
	});

	it('is false under hidden, inert, aria-hidden and display: none (inline or from CSS), and for null', () => {
		for (const id of ['in-hidden', 'in-inert', 'in-aria', 'in-inline', 'in-css']) {
			assert.equal(kit.isShown(element(id)), false, id);
		}

		assert.equal(kit.isShown(null), false);
		assert.equal(kit.firstShown(window.document, ['p[id^="in-"]']).id, 'in-flex');
	});
});
