import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {canonical, moduleOf, open, plain, profiles} from './helpers.js';
import {fixture} from '../load.js';

const instagram = moduleOf('instagram');

describe('instagram: pageKind', () => {
	it('knows profiles, their tabs and accounts/edit', () => {
		assert.deepEqual(plain(instagram.pageKind('https://www.instagram.com/adawhitfield/')), {kind: 'view', handle: 'adawhitfield'});
		assert.equal(instagram.pageKind('https://www.instagram.com/AdaWhitfield/tagged/').handle, 'adawhitfield');
		assert.deepEqual(plain(instagram.pageKind('https://www.instagram.com/accounts/edit/')), {kind: 'edit'});
	});

	it('ignores posts, reels and Instagram\'s own pages', () => {
		for (const url of ['https://www.instagram.com/', 'https://www.instagram.com/p/CzFixture01/', 'https://www.instagram.com/reels/',
			'https://www.instagram.com/explore/', 'https://www.instagram.com/accounts/privacy_and_security/', 'https://www.instagram.com/direct/inbox/']) {
			assert.equal(instagram.pageKind(url), null, url);
		}
	});
});

describe('instagram: isOwnProfile', () => {
	it('is own on Ada\'s profile and on accounts/edit', () => {
		const own = open('instagram', 'own-view');
		assert.equal(own.site.isOwnProfile(own.document, own.url, profiles), true);
		const edit = open('instagram', 'edit');
		assert.equal(edit.site.isOwnProfile(edit.document, edit.url, []), true);
	});

	it('is not own on Marcus\'s profile or for another handle', () => {
		const other = open('instagram', 'other-view');
		assert.equal(other.site.isOwnProfile(other.document, other.url, profiles), false);
		assert.equal(instagram.isOwnProfile(null, 'https://www.instagram.com/adawhitfield/', [{network: 'Instagram', username: 'ada_whitfield'}]), false);
	});
});

describe('instagram: extract', () => {
	it('reads name (from og:title, placed in the header), bio, website and avatar', () => {
		const {site, document, url} = open('instagram', 'own-view');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'view');
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.name, 'Ada Whitfield');
		assert.equal(fields.bio, canonical.profile.bio.short);
		assert.equal(fields.website, 'ada-whitfield.dev');
		assert.match(fields.photo.url, /^data:image\/png/);
		assert.equal(elements.name.tagName, 'SPAN');
		assert.equal(elements.bio.tagName, 'H1');
		assert.equal(elements.website.tagName, 'A');
	});

	it('takes the name only from a title about this page\'s handle (a stale one is left unread)', () => {
		// After an in-app move from Marcus's profile, his title is still in the head.
		const stale = fixture('instagram', 'own-view').replaceAll('Ada Whitfield (@adawhitfield)', 'Marcus Lindqvist (@marcuslindqvist)');
		assert.notEqual(stale, fixture('instagram', 'own-view'));
		const {site, document, url} = open('instagram', 'own-view', {html: stale});
		const {fields, unread} = site.extract(document, url);
		assert.equal(fields.name, undefined);
		assert.ok(plain(unread).includes('name'));

		// The handle compares without case; a current document.title is used when og:title is stale.
		const current = fixture('instagram', 'own-view').replace('content="Ada Whitfield (@adawhitfield)', 'content="Marcus Lindqvist (@marcuslindqvist)')
			.replace('<title>Ada Whitfield (@adawhitfield)', '<title>Ada Whitfield (@AdaWhitfield)');
		const moved = open('instagram', 'own-view', {html: current});
		assert.equal(moved.site.extract(moved.document, moved.url).fields.name, 'Ada Whitfield');
	});

	it('finds the bio without its h1 (2024 layout), not the pronouns', () => {
		const html = fixture('instagram', 'own-view').replace(/<h1 ([^>]*)>(.*?)<\/h1>/, '<span $1>$2</span>');
		assert.doesNotMatch(html, /<h1 class="_ap3a/);
		const {site, document, url} = open('instagram', 'own-view', {html});
		const {fields, elements} = site.extract(document, url);
		assert.equal(fields.bio, canonical.profile.bio.short);
		assert.equal(elements.bio.tagName, 'SPAN');
	});

	it('reads the matching variant\'s website as the canonical one', () => {
		const {site, document, url} = open('instagram', 'own-view-matching');
		assert.equal(site.extract(document, url).fields.website, 'ada.example.com');
	});

	it('lists the fields as unread when the header is gone', () => {
		const html = fixture('instagram', 'own-view').replace('<header class="x1qjc9v5 x78zum5">', '<div class="x1qjc9v5 x78zum5">').replace('</header>', '</div>');
		const {site, document, url} = open('instagram', 'own-view', {html});
		assert.deepEqual(plain(site.extract(document, url).unread), ['name', 'bio', 'photo']);
	});

	it('reads accounts/edit: bio and the read-only website', () => {
		const {site, document, url} = open('instagram', 'edit');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'edit');
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.bio, canonical.profile.bio.short);
		assert.equal(fields.website, canonical.profile.website);
		assert.equal(elements.bio.id, 'pepBio');
		assert.match(fields.photo.url, /^data:image\/png/);
	});

	it('lists a renamed bio control as unread', () => {
		const html = fixture('instagram', 'edit').replace(/pepBio/g, 'bioField').replace('aria-label="Bio"', 'aria-label="About"');
		const {site, document, url} = open('instagram', 'edit', {html});
		assert.deepEqual(plain(site.extract(document, url).unread), ['bio']);
	});
});
