import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {canonical, moduleOf, open, plain, profiles} from './helpers.js';
import {fixture} from '../load.js';

const x = moduleOf('x');

describe('x: pageKind', () => {
	it('knows profile pages and their tabs, on x.com and twitter.com', () => {
		assert.deepEqual(plain(x.pageKind('https://x.com/adawhitfield')), {kind: 'view', handle: 'adawhitfield'});
		assert.equal(x.pageKind('https://twitter.com/AdaWhitfield/').handle, 'adawhitfield');
		assert.equal(x.pageKind('https://x.com/adawhitfield/with_replies').kind, 'view');
		assert.equal(x.pageKind('https://x.com/adawhitfield/media').kind, 'view');
	});

	it('knows the edit dialog', () => {
		assert.deepEqual(plain(x.pageKind('https://x.com/settings/profile')), {kind: 'edit'});
	});

	it('ignores X\'s own pages and posts', () => {
		for (const url of ['https://x.com/home', 'https://x.com/explore', 'https://x.com/settings/account', 'https://x.com/i/bookmarks',
			'https://x.com/adawhitfield/status/1790000000000000000', 'https://x.com/adawhitfield/followers', 'https://x.com/']) {
			assert.equal(x.pageKind(url), null, url);
		}
	});
});

describe('x: isOwnProfile', () => {
	it('is own on Ada\'s page through her "Twitter" entry', () => {
		const {site, document, url} = open('x', 'own-view');
		assert.equal(site.isOwnProfile(document, url, profiles), true);
		assert.equal(site.isOwnProfile(document, url, [{network: 'twitter', url: 'https://twitter.com/AdaWhitfield'}]), true);
		assert.equal(site.isOwnProfile(document, url, [{network: 'X', username: '@adawhitfield'}]), true);
	});

	it('is not own on Marcus\'s page, for another handle, or without an X entry', () => {
		const other = open('x', 'other-view');
		assert.equal(other.site.isOwnProfile(other.document, other.url, profiles), false);
		const {site, document, url} = open('x', 'own-view');
		assert.equal(site.isOwnProfile(document, url, [{network: 'Twitter', username: 'adawhitfield2'}]), false);
		assert.equal(site.isOwnProfile(document, url, [{network: 'GitHub', username: 'adawhitfield'}]), false);
		assert.equal(site.isOwnProfile(document, url, []), false);
	});

	it('is own on /settings/profile', () => {
		const {site, document, url} = open('x', 'edit');
		assert.equal(site.isOwnProfile(document, url, []), true);
	});
});

describe('x: extract', () => {
	it('reads name, bio, location, website and photo of the profile page', () => {
		const {site, document, url} = open('x', 'own-view');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'view');
		assert.deepEqual(plain(unread), []);
		assert.deepEqual(plain({...fields, photo: undefined}), {
			name: 'Ada Whitfield',
			bio: canonical.profile.bio.short,
			location: 'Seattle, WA',
			website: 'ada-whitfield.dev',
		});
		assert.match(fields.photo.url, /^data:image\/png/);
		assert.equal(elements.bio.dataset.testid, 'UserDescription');
		assert.equal(elements.location.dataset.testid, 'UserLocation');
		assert.equal(elements.website.dataset.testid, 'UserUrl');
		assert.equal(elements.name.closest('[data-testid]').dataset.testid, 'UserName');
		assert.equal(elements.photo.tagName, 'IMG');
	});

	it('finds the display name whatever the direction of its block', () => {
		const html = fixture('x', 'own-view').replace('<div dir="ltr" class="r-1vr29t4"><span class="css-1jxf684"><span class="css-1jxf684">Ada Whitfield</span></span></div>',
			'<div dir="auto" class="r-1vr29t4"><span class="css-1jxf684"><span class="css-1jxf684">Ada Whitfield</span></span><svg aria-label="Verified account" role="img"></svg></div>');
		assert.notEqual(html, fixture('x', 'own-view'));
		const {site, document, url} = open('x', 'own-view', {html});
		const {fields, elements} = site.extract(document, url);
		assert.equal(fields.name, 'Ada Whitfield');
		assert.equal(elements.name.getAttribute('dir'), 'auto');
	});

	it('reads the matching variant as the canonical values', () => {
		const {site, document, url} = open('x', 'own-view-matching');
		const {fields} = site.extract(document, url);
		assert.equal(fields.location, canonical.profile.location.display);
		assert.equal(fields.website, 'ada.example.com');
	});

	it('reports a location and website X leaves out as empty, not unread', () => {
		const html = fixture('x', 'own-view').replace(/<span class="css-1jxf684" data-testid="UserLocation">.*?<\/span><\/span><\/span>/s, '')
			.replace(/<a [^>]*data-testid="UserUrl">.*?<\/a>/s, '');
		const {site, document, url} = open('x', 'own-view', {html});
		const {fields, elements, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.location, '');
		assert.equal(fields.website, '');
		assert.equal(elements.location.dataset.testid, 'UserProfileHeader_Items');
	});

	it('reads the page whole where X no longer marks the primary column (reported March 2026)', () => {
		const html = fixture('x', 'own-view').replace('<div class="css-175oi2r" data-testid="primaryColumn">', '<div class="css-175oi2r">');
		assert.ok(!html.includes('<div class="css-175oi2r" data-testid="primaryColumn">'));
		const {site, document, url} = open('x', 'own-view', {html});
		const {fields, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.name, 'Ada Whitfield');
		assert.equal(fields.bio, canonical.profile.bio.short);
		assert.equal(fields.location, 'Seattle, WA');
		assert.equal(fields.website, 'ada-whitfield.dev');
	});

	it('finds the avatar of a handle with capitals, not an earlier avatar in the column', () => {
		const marcus = '<div data-testid="UserAvatar-Container-marcuslindqvist"><img alt="" src="https://pbs.twimg.com/profile_images/marcus.jpg"></div>';
		const html = fixture('x', 'own-view').replace('data-testid="UserAvatar-Container-adawhitfield"', 'data-testid="UserAvatar-Container-AdaWhitfield"')
			.replace('<div class="css-175oi2r" aria-label="Home timeline" tabindex="0">', `$&${marcus}`);
		assert.notEqual(html, fixture('x', 'own-view'));
		const {site, document} = open('x', 'own-view', {html, url: 'https://x.com/AdaWhitfield'});
		const {fields, elements} = site.extract(document, 'https://x.com/AdaWhitfield');
		assert.match(fields.photo.url, /^data:image\/png/);
		assert.equal(elements.photo.closest('[data-testid^="UserAvatar-Container-"]').dataset.testid, 'UserAvatar-Container-AdaWhitfield');
	});

	it('lists fields as unread when their hooks were renamed', () => {
		const html = fixture('x', 'own-view').replace('data-testid="UserName"', 'data-testid="UserNameV2"')
			.replace('data-testid="UserProfileHeader_Items"', 'data-testid="ProfileHeaderItems"');
		const {site, document, url} = open('x', 'own-view', {html});
		const {fields, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread).sort(), ['location', 'name', 'website']);
		assert.equal(fields.bio, canonical.profile.bio.short);
	});

	it('reads the edit dialog\'s controls themselves', () => {
		const {site, document, url} = open('x', 'edit');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'edit');
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.name, 'Ada Whitfield');
		assert.equal(fields.bio, canonical.profile.bio.short);
		assert.equal(fields.location, 'Boston, MA');
		assert.equal(fields.website, 'https://ada.example.com');
		assert.equal(elements.name.getAttribute('name'), 'displayName');
		assert.equal(elements.bio.getAttribute('name'), 'description');
		assert.equal(elements.location.getAttribute('name'), 'location');
		assert.equal(elements.website.getAttribute('name'), 'url');
		assert.ok(elements.bio.closest('[role="dialog"]'));
	});

	it('lists a renamed edit control as unread', () => {
		const html = fixture('x', 'edit').replace('name="location"', 'name="place"');
		const {site, document, url} = open('x', 'edit', {html});
		assert.deepEqual(plain(site.extract(document, url).unread), ['location']);
	});
});
