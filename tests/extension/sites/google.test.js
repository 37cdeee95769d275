import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {canonical, moduleOf, open, plain} from './helpers.js';
import {fixture} from '../load.js';

const google = moduleOf('google');

describe('google: pageKind', () => {
	it('knows the home page, Personal info and the name editor, with /u/<n>/', () => {
		assert.deepEqual(plain(google.pageKind('https://myaccount.google.com/')), {kind: 'view'});
		assert.deepEqual(plain(google.pageKind('https://myaccount.google.com/personal-info')), {kind: 'view'});
		assert.deepEqual(plain(google.pageKind('https://myaccount.google.com/u/1/personal-info')), {kind: 'view'});
		assert.deepEqual(plain(google.pageKind('https://myaccount.google.com/profile/name/edit?continue=x')), {kind: 'edit'});
	});

	it('ignores other account pages', () => {
		assert.equal(google.pageKind('https://myaccount.google.com/security'), null);
		assert.equal(google.pageKind('https://myaccount.google.com/data-and-privacy'), null);
	});
});

describe('google: isOwnProfile', () => {
	it('is always own on account pages, even without a Google entry', () => {
		for (const name of ['own-view', 'edit']) {
			const {site, document, url} = open('google', name);
			assert.equal(site.isOwnProfile(document, url, []), true, name);
		}
	});

	it('is not a profile on the Security page', () => {
		const {site, document, url} = open('google', 'other-view');
		assert.equal(site.isOwnProfile(document, url, []), false);
	});
});

describe('google: extract', () => {
	it('reads the name row and the photo of Personal info', () => {
		const {site, document, url} = open('google', 'own-view');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'view');
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.name, 'Ada Whitfield-Moore');
		assert.match(fields.photo.url, /^data:image\/png/);
		assert.ok(elements.name.closest('a[href^="profile/name"]'));
		assert.ok(elements.photo.closest('a[href^="profile-picture"]'));
	});

	it('reads the matching variant as the canonical name', () => {
		const {site, document, url} = open('google', 'own-view-matching');
		assert.equal(site.extract(document, url).fields.name, canonical.profile.name.full);
	});

	it('reads the home page greeting when there is no name row', () => {
		const html = '<!DOCTYPE html><html><body><main><h1>Welcome, Ada Whitfield</h1><img alt="Profile picture" src="/a.png"></main></body></html>';
		const {site, document} = open('google', 'own-view', {html, url: 'https://myaccount.google.com/'});
		const {fields, unread} = site.extract(document, 'https://myaccount.google.com/');
		assert.equal(fields.name, 'Ada Whitfield');
		assert.equal(fields.photo.url, 'https://myaccount.google.com/a.png');
		assert.deepEqual(plain(unread), []);
	});

	it('lists the name as unread when the row\'s link changed', () => {
		const html = fixture('google', 'own-view').replace('href="profile/name?', 'href="name-and-pronouns?');
		const {site, document, url} = open('google', 'own-view', {html});
		assert.deepEqual(plain(site.extract(document, url).unread), ['name']);
	});

	it('reads the name editor: "first last" on the first-name input, both inputs given', () => {
		const {site, document, url} = open('google', 'edit');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'edit');
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.name, 'Ada Whitfield');
		assert.equal(fields.firstName, 'Ada');
		assert.equal(fields.lastName, 'Whitfield');
		assert.equal(elements.name.id, 'i6');
		assert.equal(elements.lastName.id, 'i11');
	});

	it('finds the en-US "Last name" label too', () => {
		const html = fixture('google', 'edit').replace('>Surname</label>', '>Last name</label>');
		const {site, document, url} = open('google', 'edit', {html});
		assert.equal(site.extract(document, url).elements.lastName.id, 'i11');
	});
});
