import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {canonical, moduleOf, open, plain, profiles} from './helpers.js';
import {fixture} from '../load.js';

const facebook = moduleOf('facebook');

describe('facebook: pageKind', () => {
	it('knows profile pages by username, by id, and /me', () => {
		assert.deepEqual(plain(facebook.pageKind('https://www.facebook.com/ada.whitfield')), {kind: 'view', handle: 'ada.whitfield'});
		assert.equal(facebook.pageKind('https://www.facebook.com/Ada.Whitfield/').handle, 'ada.whitfield');
		assert.equal(facebook.pageKind('https://www.facebook.com/profile.php?id=100089000000001').handle, '100089000000001');
		assert.equal(facebook.pageKind('https://www.facebook.com/me/').handle, 'me');
	});

	it('ignores Facebook\'s own pages and posts', () => {
		for (const url of ['https://www.facebook.com/', 'https://www.facebook.com/groups', 'https://www.facebook.com/marketplace',
			'https://www.facebook.com/ada.whitfield/posts/pfbid0abc', 'https://www.facebook.com/profile.php', 'https://www.facebook.com/watch',
			// The About tabs have no Intro card: not read rather than "couldn't read".
			'https://www.facebook.com/ada.whitfield/about', 'https://www.facebook.com/ada.whitfield/about_places',
			// The same tabs by id: profile.php?id=N&sk=<tab>.
			'https://www.facebook.com/profile.php?id=100089000000001&sk=about',
			'https://www.facebook.com/profile.php?sk=about_places&id=100089000000001',
			'https://www.facebook.com/ada.whitfield?sk=about']) {
			assert.equal(facebook.pageKind(url), null, url);
		}
	});
});

describe('facebook: isOwnProfile', () => {
	it('is own on Ada\'s profile, by username or by a profile.php URL entry', () => {
		const {site, document, url} = open('facebook', 'own-view');
		assert.equal(site.isOwnProfile(document, url, profiles), true);
		const byId = [{network: 'Facebook', url: 'https://www.facebook.com/profile.php?id=100089000000001'}];
		assert.equal(site.isOwnProfile(document, 'https://www.facebook.com/profile.php?id=100089000000001', byId), true);
		assert.equal(site.isOwnProfile(document, 'https://www.facebook.com/profile.php?id=100089000000002', byId), false);
	});

	it('is not own on Marcus\'s profile or without a Facebook entry', () => {
		const other = open('facebook', 'other-view');
		assert.equal(other.site.isOwnProfile(other.document, other.url, profiles), false);
		const {site, document, url} = open('facebook', 'own-view');
		assert.equal(site.isOwnProfile(document, url, profiles.filter(entry => entry.network !== 'Facebook')), false);
	});

	it('is own with the bio editor open (same URL as the profile)', () => {
		const {site, document, url} = open('facebook', 'edit');
		assert.equal(site.isOwnProfile(document, url, profiles), true);
	});
});

describe('facebook: extract', () => {
	it('reads name, intro, work, city and photo', () => {
		const {site, document, url} = open('facebook', 'own-view');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'view');
		assert.deepEqual(plain(unread), []);
		assert.deepEqual(plain({...fields, photo: undefined}), {
			name: 'Ada Whitfield',
			bio: canonical.profile.bio.short,
			location: 'Seattle, Washington',
			employer: 'Lumen Labs',
			title: 'Staff Software Engineer',
		});
		assert.match(fields.photo.url, /^data:image\/png/);
		assert.equal(elements.name.tagName, 'H1');
		assert.equal(elements.bio.getAttribute('dir'), 'auto');
		assert.equal(elements.employer.getAttribute('href'), '/lumenlabs');
		assert.equal(elements.location.getAttribute('href'), '/pages/seattle');
		assert.equal(elements.photo.tagName.toLowerCase(), 'image');
	});

	it('reads "Works at" items and leaves past work alone', () => {
		const html = fixture('facebook', 'own-view').replace('Staff Software Engineer at <a', 'Works at <a');
		const {site, document, url} = open('facebook', 'own-view', {html});
		const {fields} = site.extract(document, url);
		assert.equal(fields.employer, 'Lumen Labs');
		assert.equal(fields.title, undefined);
	});

	it('reads the matching variant as the canonical values', () => {
		const {site, document, url} = open('facebook', 'own-view-matching');
		assert.equal(site.extract(document, url).fields.location, 'Boston, Massachusetts');
	});

	it('lists the Intro\'s fields as unread when its heading was renamed', () => {
		const html = fixture('facebook', 'own-view').replace('<span class="x193iq5w">Intro</span>', '<span class="x193iq5w">About you</span>');
		const {site, document, url} = open('facebook', 'own-view', {html});
		const {fields, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread), ['bio', 'location']);
		assert.equal(fields.name, 'Ada Whitfield');
	});

	it('reads the bio editor\'s textarea', () => {
		const {site, document, url} = open('facebook', 'edit');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'edit');
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.bio, canonical.profile.bio.short);
		assert.equal(elements.bio.tagName, 'TEXTAREA');
		assert.equal(elements.bio.getAttribute('aria-label'), 'Enter bio text');
	});
});
