import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {canonical, moduleOf, open, plain, profiles} from './helpers.js';
import {fixture} from '../load.js';

const github = moduleOf('github');

describe('github: pageKind', () => {
	it('knows profile pages, their tabs and the settings page', () => {
		assert.deepEqual(plain(github.pageKind('https://github.com/adawhitfield')), {kind: 'view', handle: 'adawhitfield'});
		assert.equal(github.pageKind('https://github.com/AdaWhitfield/?tab=repositories').handle, 'adawhitfield');
		assert.deepEqual(plain(github.pageKind('https://github.com/settings/profile')), {kind: 'edit'});
	});

	it('ignores repositories and GitHub\'s own pages', () => {
		for (const url of ['https://github.com/', 'https://github.com/adawhitfield/quickcache', 'https://github.com/settings/admin',
			'https://github.com/settings', 'https://github.com/notifications', 'https://github.com/orgs/lumenlabs/people', 'https://github.com/marketplace']) {
			assert.equal(github.pageKind(url), null, url);
		}
	});
});

describe('github: isOwnProfile', () => {
	it('is own on Ada\'s profile (entry by username or URL, any case)', () => {
		const {site, document, url} = open('github', 'own-view');
		assert.equal(site.isOwnProfile(document, url, profiles), true);
		assert.equal(site.isOwnProfile(document, url, [{network: 'github', url: 'https://github.com/AdaWhitfield/'}]), true);
	});

	it('is not own on Marcus\'s profile or for another handle', () => {
		const other = open('github', 'other-view');
		assert.equal(other.site.isOwnProfile(other.document, other.url, profiles), false);
		const {site, document, url} = open('github', 'own-view');
		assert.equal(site.isOwnProfile(document, url, [{network: 'GitHub', username: 'ada-whitfield'}]), false);
		assert.equal(site.isOwnProfile(document, url, [{network: 'GitLab', username: 'adawhitfield'}]), false);
	});

	it('is own on settings/profile', () => {
		const {site, document, url} = open('github', 'edit');
		assert.equal(site.isOwnProfile(document, url, []), true);
	});
});

describe('github: extract', () => {
	it('reads the profile card: company is employer', () => {
		const {site, document, url} = open('github', 'own-view');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'view');
		assert.deepEqual(plain(unread), []);
		assert.deepEqual(plain({...fields, photo: undefined}), {
			name: 'Ada Whitfield',
			bio: canonical.profile.bio.short,
			employer: 'Northwind Analytics',
			location: 'Boston, MA',
			website: 'https://ada-whitfield.dev',
		});
		assert.match(fields.photo.url, /^data:image\/png/);
		assert.equal(elements.name.getAttribute('itemprop'), 'name');
		assert.ok(elements.bio.classList.contains('p-note'));
		assert.ok(elements.employer.classList.contains('p-org'));
		assert.ok(elements.location.classList.contains('p-label'));
		assert.equal(elements.website.tagName, 'A');
		assert.ok(elements.photo.classList.contains('avatar-user'));
	});

	it('reads the matching variant as the canonical values', () => {
		const {site, document, url} = open('github', 'own-view-matching');
		const {fields} = site.extract(document, url);
		assert.equal(fields.employer, canonical.profile.work[0].employer);
		assert.equal(fields.website, canonical.profile.website);
	});

	it('reports details GitHub leaves out as empty', () => {
		const html = fixture('github', 'own-view').replace(/<li class="vcard-detail pt-1 hide-sm hide-md" itemprop="worksFor".*?<\/li>/s, '');
		const {site, document, url} = open('github', 'own-view', {html});
		const {fields, unread} = site.extract(document, url);
		assert.equal(fields.employer, '');
		assert.deepEqual(plain(unread), []);
	});

	it('without the name hook, a missing detail is unread rather than empty', () => {
		const html = fixture('github', 'own-view').replace('itemprop="name"', 'itemprop="fullName"')
			.replace(/itemprop="worksFor"/g, 'itemprop="employer"');
		const {site, document, url} = open('github', 'own-view', {html});
		const {fields, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread), ['name', 'employer']);
		assert.equal(fields.location, 'Boston, MA');
	});

	it('reads the inline editor when it is open, and the card when it is not', () => {
		const {window, site, document, url} = open('github', 'own-view');
		assert.equal(site.extract(document, url).kind, 'view');
		// What GitHub's "Edit profile" button does: show the form, hide the card's area.
		document.querySelector('.js-profile-editable-form').hidden = false;
		document.querySelector('.js-profile-editable-area').hidden = true;
		const {kind, fields, elements} = site.extract(document, url);
		assert.equal(kind, 'edit');
		assert.equal(fields.employer, 'Northwind Analytics');
		assert.equal(elements.bio.getAttribute('name'), 'user[profile_bio]');
		assert.ok(window);
	});

	it('reads the open inline editor fixture', () => {
		const {site, document, url} = open('github', 'inline-edit');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'edit');
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.bio, canonical.profile.bio.short);
		assert.equal(fields.employer, 'Lumen Labs');
		assert.equal(elements.employer.getAttribute('name'), 'user[profile_company]');
		assert.equal(elements.employer.closest('form').classList.contains('js-profile-editable-form'), true);
	});

	it('reads an inline editor without a name input (before 2022) without calling the name unread', () => {
		const html = fixture('github', 'inline-edit').replace(/<input[^>]*name="user\[profile_name\]"[^>]*>/, '');
		const {site, document, url} = open('github', 'inline-edit', {html});
		const {fields, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.name, undefined);
		assert.equal(fields.bio, canonical.profile.bio.short);
	});

	it('reads settings/profile', () => {
		const {site, document, url} = open('github', 'edit');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'edit');
		assert.deepEqual(plain(unread), []);
		assert.deepEqual(plain({...fields, photo: undefined}), {
			name: 'Ada Whitfield',
			bio: canonical.profile.bio.short,
			employer: 'Lumen Labs',
			location: 'Boston, MA',
			website: 'https://ada.example.com',
		});
		for (const [field, id] of Object.entries({name: 'user_profile_name', bio: 'user_profile_bio', employer: 'user_profile_company', location: 'user_profile_location', website: 'user_profile_blog'})) {
			assert.equal(elements[field].id, id, field);
		}

		assert.match(fields.photo.url, /^data:image\/png/);
	});

	it('lists a renamed settings control as unread', () => {
		const html = fixture('github', 'edit').replace(/user_profile_location/g, 'user_location').replace('user[profile_location]', 'user[location]');
		const {site, document, url} = open('github', 'edit', {html});
		assert.deepEqual(plain(site.extract(document, url).unread), ['location']);
	});
});
