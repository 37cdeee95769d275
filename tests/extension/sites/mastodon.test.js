import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {canonical, moduleOf, open, plain, profiles} from './helpers.js';
import {fixture} from '../load.js';

const mastodon = moduleOf('mastodon');

describe('mastodon: pageKind on any instance', () => {
	it('knows local, remote and ActivityPub profile URLs, with the instance in the handle', () => {
		assert.deepEqual(plain(mastodon.pageKind('https://mastodon.example/@ada')), {kind: 'view', handle: 'ada@mastodon.example'});
		assert.equal(mastodon.pageKind('https://other.social/@Ada@Mastodon.Example').handle, 'ada@mastodon.example');
		assert.equal(mastodon.pageKind('https://mastodon.example/users/ada').handle, 'ada@mastodon.example');
		assert.equal(mastodon.pageKind('https://mastodon.example/@ada/with_replies').kind, 'view');
		assert.deepEqual(plain(mastodon.pageKind('https://mastodon.example/settings/profile')), {kind: 'edit'});
	});

	it('ignores posts and other pages', () => {
		for (const url of ['https://mastodon.example/@ada/111222333444', 'https://mastodon.example/home', 'https://mastodon.example/explore', 'https://mastodon.example/settings/preferences']) {
			assert.equal(mastodon.pageKind(url), null, url);
		}
	});

	it('has no fixed hosts, and names the instances of the user\'s Mastodon entries', () => {
		assert.deepEqual(plain(mastodon.hosts), []);
		assert.deepEqual(plain(mastodon.instances(profiles)), ['mastodon.example']);
		assert.deepEqual(plain(mastodon.instances([{network: 'mastodon', username: '@ada@Fosstodon.org'}, {network: 'X', url: 'https://x.com/a'}])), ['fosstodon.org']);
	});
});

describe('mastodon: isOwnProfile', () => {
	it('is own on Ada\'s profile, locally or seen from another instance', () => {
		const {site, document, url} = open('mastodon', 'own-view');
		assert.equal(site.isOwnProfile(document, url, profiles), true);
		assert.equal(site.isOwnProfile(document, 'https://other.social/@ada@mastodon.example', profiles), true);
		assert.equal(site.isOwnProfile(document, url, [{network: 'Mastodon', username: 'ada', url: 'https://mastodon.example/@ada'}]), true);
	});

	it('is not own for the same user name on another instance, or on Marcus\'s profile', () => {
		const {site, document} = open('mastodon', 'own-view');
		assert.equal(site.isOwnProfile(document, 'https://elsewhere.example/@ada', profiles), false);
		const other = open('mastodon', 'other-view');
		assert.equal(other.site.isOwnProfile(other.document, other.url, profiles), false);
	});

	it('is own on settings/profile', () => {
		const {site, document, url} = open('mastodon', 'edit');
		assert.equal(site.isOwnProfile(document, url, []), true);
	});
});

describe('mastodon: extract', () => {
	it('reads display name, bio, metadata fields and avatar', () => {
		const {site, document, url} = open('mastodon', 'own-view');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'view');
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.name, 'Ada Whitfield');
		assert.equal(fields.bio, 'Data engineer. Streams, queues and too many dashboards.\n\nSeattle. she/her');
		assert.deepEqual(plain(fields.links), [
			{label: 'Blog', url: 'https://ada.example.com/blog'},
			{label: 'Website', url: 'https://ada.example.com/'},
		]);
		assert.match(fields.photo.url, /^data:image\/png/);
		assert.ok(elements.bio.classList.contains('account__header__content'));
		assert.ok(elements.links.classList.contains('account__header__fields'));
		assert.equal(elements.name.closest('h1') !== null, true);
	});

	it('reads the matching variant\'s bio as the canonical short bio', () => {
		const {site, document, url} = open('mastodon', 'own-view-matching');
		assert.equal(site.extract(document, url).fields.bio, canonical.profile.bio.short);
	});

	it('lists fields as unread when the header markup changed', () => {
		const html = fixture('mastodon', 'own-view').replace('class="account__header__content translate"', 'class="account-bio"');
		const {site, document, url} = open('mastodon', 'own-view', {html});
		const {fields, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread), ['bio']);
		assert.equal(fields.name, 'Ada Whitfield');
	});

	it('reads the 2026 profile redesign: the name beside its handle, the fields as cards, hidden ones too', () => {
		const {site, document, url} = open('mastodon', 'own-view-redesign');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'view');
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.name, 'Ada Whitfield');
		assert.equal(fields.bio, 'Data engineer. Streams, queues and too many dashboards.\n\nSeattle. she/her');
		assert.deepEqual(plain(fields.links), [
			{label: 'Blog', url: 'https://ada.example.com/blog'},
			{label: 'Website', url: 'https://ada.example.com/'},
		]);
		assert.equal(elements.links.tagName, 'DL');
		assert.match(fields.photo.url, /^data:image\/png/);
		assert.equal(site.isOwnProfile(document, url, profiles), true);
	});

	it('a redesigned profile without fields (the list is left out) has no links', () => {
		const html = fixture('mastodon', 'own-view-redesign');
		const withoutFields = html.replace(/<div class="_wrapper_f5t0a[\s\S]*?<\/button>\s*<\/div>/, '');
		assert.notEqual(withoutFields, html);
		const {site, document, url} = open('mastodon', 'own-view-redesign', {html: withoutFields});
		const {fields, elements, unread} = site.extract(document, url);
		assert.deepEqual(plain(fields.links), []);
		assert.deepEqual(plain(unread), []);
		assert.ok(elements.links.classList.contains('account__header__bio'));
	});

	it('reads settings/profile: display name, bio, extra fields', () => {
		const {site, document, url} = open('mastodon', 'edit');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'edit');
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.name, 'Ada Whitfield');
		assert.equal(fields.bio, canonical.profile.bio.short);
		assert.deepEqual(plain(fields.links), [
			{label: 'Blog', url: 'https://ada.example.com/blog'},
			{label: 'Website', url: 'https://ada.example.com'},
		]);
		assert.equal(elements.name.id, 'account_display_name');
		assert.equal(elements.bio.id, 'account_note');
		assert.equal(elements.links.id, 'account_fields_attributes_0_name');
		assert.match(fields.photo.url, /^data:image\/png/);
	});

	it('lists a renamed settings control as unread', () => {
		const html = fixture('mastodon', 'edit').replace(/account_note/g, 'account_bio').replace('account[note]', 'account[bio]');
		const {site, document, url} = open('mastodon', 'edit', {html});
		assert.deepEqual(plain(site.extract(document, url).unread), ['bio']);
	});
});
