import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {canonical, moduleOf, open, plain, profiles} from './helpers.js';
import {fixture} from '../load.js';

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
});
