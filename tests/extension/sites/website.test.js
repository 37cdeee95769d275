import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {canonical, moduleOf, open, plain, profiles} from './helpers.js';
import {fixture} from '../load.js';

const website = moduleOf('website');
// What the background gives for site `website`: the canonical website as an entry.
const mine = [...profiles, {network: 'Website', url: canonical.profile.website}];

// A page of Ada's site made of `body` (for h-card variants).
function page(body, url = 'https://ada.example.com/blog/guest/') {
	const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Variant</title></head><body>${body}</body></html>`;
	return open('website', 'own-view', {html, url});
}

describe('website: pageKind on any https host', () => {
	it('reads every https page as a view of the host, without www.', () => {
		assert.deepEqual(plain(website.pageKind('https://ada.example.com/about/')), {kind: 'view', handle: 'ada.example.com'});
		assert.equal(website.pageKind('https://WWW.Ada.Example.com/').handle, 'ada.example.com');
		assert.equal(website.pageKind('https://example.org/~ada/blog/2024/hello?ref=feed#top').handle, 'example.org');
	});

	it('knows WordPress\'s Profile screen, also under a subpath', () => {
		assert.deepEqual(plain(website.pageKind('https://ada.example.com/wp-admin/profile.php')), {kind: 'edit'});
		assert.deepEqual(plain(website.pageKind('https://example.org/blog/wp-admin/profile.php?updated=1')), {kind: 'edit'});
	});

	it('ignores other wp-admin pages (user-edit.php edits another user), http: and non-URLs', () => {
		for (const url of ['https://ada.example.com/wp-admin/user-edit.php?user_id=2', 'https://ada.example.com/wp-admin/',
			'https://ada.example.com/wp-admin', 'https://ada.example.com/wp-admin/post.php?post=7&action=edit',
			'https://example.org/blog/wp-admin/users.php', 'http://ada.example.com/about/', 'ftp://ada.example.com/', 'not a url',
			// profile.php includes user-edit.php: with a user_id an admin sees that user's form.
			'https://ada.example.com/wp-admin/profile.php?user_id=2', 'https://example.org/blog/wp-admin/profile.php?updated=1&user_id=3']) {
			assert.equal(website.pageKind(url), null, url);
		}
	});

	it('has no fixed hosts', () => {
		assert.deepEqual(plain(website.hosts), []);
		assert.equal(website.name, 'Website');
	});
});

describe('website: isOwnProfile', () => {
	it('is own on Ada\'s site, with or without www.', () => {
		const {site, document, url} = open('website', 'own-view');
		assert.equal(site.isOwnProfile(document, url, mine), true);
		assert.equal(site.isOwnProfile(document, 'https://www.ada.example.com/blog/', mine), true);
		assert.equal(site.isOwnProfile(document, url, [{network: 'Website', url: 'https://www.ada.example.com/'}]), true);
		assert.equal(site.isOwnProfile(document, url, [{network: 'website', url: 'ada.example.com'}]), true);
	});

	it('owns only the entry\'s path on a shared host', () => {
		const entries = [{network: 'Website', url: 'https://example.org/~ada'}];
		assert.equal(website.isOwnProfile(null, 'https://example.org/~ada', entries), true);
		assert.equal(website.isOwnProfile(null, 'https://example.org/~ada/about', entries), true);
		assert.equal(website.isOwnProfile(null, 'https://example.org/~bob', entries), false);
		assert.equal(website.isOwnProfile(null, 'https://example.org/~adam', entries), false);
		assert.equal(website.isOwnProfile(null, 'https://example.org/', entries), false);
	});

	it('is not own on another host, without a website entry, or with a bad entry', () => {
		const other = open('website', 'other-view');
		assert.equal(other.site.isOwnProfile(other.document, other.url, mine), false);
		const {site, document, url} = open('website', 'own-view');
		assert.equal(site.isOwnProfile(document, url, profiles), false);
		assert.equal(site.isOwnProfile(document, url, []), false);
		assert.equal(site.isOwnProfile(document, url, [{network: 'Website', url: 'https://'}, {network: 'Website'}]), false);
		assert.equal(site.isOwnProfile(document, url, [{network: 'GitHub', url: 'https://ada.example.com/'}]), false);
	});

	it('is own on the Profile screen of Ada\'s site, whatever the entry\'s path; not on another site\'s', () => {
		const {site, document, url} = open('website', 'edit');
		assert.equal(site.isOwnProfile(document, url, mine), true);
		assert.equal(site.isOwnProfile(null, 'https://example.org/blog/wp-admin/profile.php', [{network: 'Website', url: 'https://example.org/~ada/'}]), true);
		assert.equal(site.isOwnProfile(null, 'https://marcus.example.net/wp-admin/profile.php', mine), false);
		// Another user's form, shown to an admin on Ada's own site.
		assert.equal(site.isOwnProfile(null, 'https://ada.example.com/wp-admin/profile.php?user_id=2', mine), false);
		assert.equal(site.isOwnProfile(null, 'https://ada.example.com/wp-admin/profile.php?user_id=', mine), true);
	});

	it('decides without reading the page', () => {
		const untouchable = new Proxy({}, {get() {
			throw new Error('read the page');
		}});
		assert.equal(website.isOwnProfile(untouchable, 'https://ada.example.com/about/', mine), true);
	});
});

describe('website: extract from the representative h-card', () => {
	it('reads Ada\'s card, not the blogroll\'s Marcus before it, with the nested org\'s name as employer', () => {
		const {site, document, url} = open('website', 'own-view');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'view');
		assert.deepEqual(plain(unread), []);
		assert.deepEqual(plain({...fields, photo: undefined}), {
			name: 'Ada Whitfield',
			bio: 'Hi, I\'m Ada. I build data pipelines at Northwind Analytics: streams, queues and the dashboards that watch them.\n\n'
				+ 'I live in Seattle with a bike, too many houseplants and a growing pile of half-read books about distributed systems.',
			title: 'Senior Software Engineer',
			employer: 'Northwind Analytics',
			location: 'Seattle, WA',
		});
		assert.match(fields.photo.url, /^data:image\/png/);
		const card = document.querySelector('.about-card');
		for (const field of ['name', 'bio', 'title', 'employer', 'location', 'photo']) {
			assert.equal(elements[field].closest('.about-card'), card, `${field} is read from Ada's card`);
		}

		assert.equal(elements.name.getAttribute('href'), 'https://ada.example.com/');
		assert.ok(elements.bio.classList.contains('p-note'));
		assert.ok(elements.title.classList.contains('p-job-title'));
		assert.ok(elements.employer.classList.contains('p-org') && elements.employer.classList.contains('h-card'));
		assert.ok(elements.location.classList.contains('p-locality'));
		assert.ok(elements.photo.classList.contains('u-photo'));
		assert.notEqual(fields.photo.url, document.querySelector('.blogroll .u-photo').getAttribute('src'));
	});

	it('reads the matching variant as the canonical values', () => {
		const {site, document, url} = open('website', 'own-view-matching');
		const {fields, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.name, canonical.profile.name.full);
		assert.equal(fields.bio, canonical.profile.bio.short);
		assert.equal(fields.title, canonical.profile.work[0].title);
		assert.equal(fields.employer, canonical.profile.work[0].employer);
		assert.equal(fields.location, canonical.profile.location.display);
		const own = open('website', 'own-view');
		assert.equal(fields.photo.url, own.site.extract(own.document, own.url).fields.photo.url, 'the same photo (ada.png)');
	});

	it('does not take the name of a nested org card for the person\'s', () => {
		const {site, document, url} = page(`<div class="h-card"><a class="u-url" href="https://ada.example.com/">home</a>
			<a class="p-org h-card" href="https://lumenlabs.example.com/"><span class="p-name">Lumen Labs</span></a></div>`);
		const {fields, unread} = site.extract(document, url);
		assert.deepEqual(plain(fields), {employer: 'Lumen Labs'});
		assert.deepEqual(plain(unread), []);
	});

	it('finds nothing to check on a guest post whose only card is the guest author\'s', () => {
		const {site, document, url} = page(`<article class="h-entry"><h1 class="p-name">Designing empty states</h1>
			<p>A guest post by <a class="p-author h-card" href="https://marcus.example.net/"><span class="p-name">Marcus Lindqvist</span></a>.</p>
			<div class="e-content"><p>Empty states are a product's first impression.</p></div></article>`);
		const result = site.extract(document, url);
		assert.equal(result.kind, 'view');
		assert.deepEqual(plain(result), {kind: 'view', fields: {}, elements: {}, unread: []});
	});

	it('does not read a lone bare link to another site as the owner\'s card (its href is its url)', () => {
		const {site, document, url} = page('<p>Written by <a class="h-card" href="https://marcus.example.net/">Marcus Lindqvist</a>.</p>');
		assert.deepEqual(plain(site.extract(document, url).fields), {});
	});

	it('reads the page\'s only card when it names no url', () => {
		const {site, document, url} = page(`<footer class="h-card"><span class="p-name">Ada Whitfield</span>,
			<span class="p-job-title">Staff Software Engineer</span>, <span class="p-adr h-adr"><span class="p-locality">Boston</span>, <abbr class="p-region" title="MA">Mass.</abbr></span></footer>`, 'https://ada.example.com/');
		const {fields, elements} = site.extract(document, url);
		assert.deepEqual(plain(fields), {name: 'Ada Whitfield', title: 'Staff Software Engineer', location: 'Boston, MA'});
		assert.equal(elements.location.textContent, 'Boston');
	});

	it('does not guess between two cards that name no url', () => {
		const {site, document, url} = page('<span class="h-card"><span class="p-name">Ada Whitfield</span></span><span class="h-card"><span class="p-name">Marcus Lindqvist</span></span>');
		assert.deepEqual(plain(site.extract(document, url).fields), {});
	});

	it('implies the name from a card\'s own text or an image\'s alt', () => {
		const text = page('<p>By <a class="h-card" href="/">Ada Whitfield</a></p>', 'https://www.ada.example.com/blog/hello/');
		const read = text.site.extract(text.document, text.url);
		assert.deepEqual(plain(read.fields), {name: 'Ada Whitfield'});
		assert.equal(read.elements.name.className, 'h-card');

		const image = page('<img class="h-card" alt="Ada Whitfield" src="data:image/png;base64,AA==">');
		assert.equal(image.site.extract(image.document, image.url).fields.name, 'Ada Whitfield');
	});

	it('reads a p-label when there is no address, and a photo given as a link', () => {
		const {site, document, url} = page(`<div class="h-card"><a class="u-url" href="/">Home</a><span class="p-label">Boston, MA</span>
			<a class="u-photo" href="/me.png">my photo</a></div>`);
		const {fields} = site.extract(document, url);
		assert.equal(fields.location, 'Boston, MA');
		assert.deepEqual(plain(fields.photo), {url: 'https://ada.example.com/me.png'});
	});

	it('never lists unread on a view page: an unmarked property is not reported', () => {
		const html = fixture('website', 'own-view').replace('class="p-note"', 'class="bio"');
		const {site, document, url} = open('website', 'own-view', {html});
		const {fields, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread), []);
		assert.equal('bio' in fields, false);
		assert.equal(fields.name, 'Ada Whitfield');
	});
});

describe('website: extract from schema.org JSON-LD when the page has no card of its owner', () => {
	// As an SEO plugin prints it: one @graph with the page, the site and the person.
	const graph = (person, extra = []) => `<script type="application/ld+json">${JSON.stringify({'@context': 'https://schema.org', '@graph': [
		{'@type': 'ProfilePage', '@id': 'https://ada.example.com/about/', mainEntity: {'@id': 'https://ada.example.com/#/schema/person/1'}},
		{'@type': 'WebSite', '@id': 'https://ada.example.com/#website', publisher: {'@id': 'https://ada.example.com/#/schema/person/1'}},
		person,
		...extra,
	]})}</script>`;
	const ada = {
		'@type': 'Person',
		'@id': 'https://ada.example.com/#/schema/person/1',
		name: 'Ada Whitfield',
		description: 'Senior engineer at Northwind Analytics. Seattle.',
		jobTitle: 'Senior Software Engineer',
		worksFor: {'@type': 'Organization', name: 'Northwind Analytics'},
		address: {'@type': 'PostalAddress', addressLocality: 'Seattle', addressRegion: 'WA'},
		image: {'@type': 'ImageObject', url: '/media/ada.png'},
		sameAs: ['https://github.com/adawhitfield'],
	};

	it('reads the site owner\'s Person, its values placed where the page shows them', () => {
		const {site, document, url} = page(`${graph(ada)}<main><h1>Ada Whitfield</h1><img src="/media/ada.png" alt=""><p>Senior engineer at Northwind Analytics. Seattle.</p></main>`, 'https://ada.example.com/about/');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'view');
		assert.deepEqual(plain(unread), []);
		assert.deepEqual(plain(fields), {
			name: 'Ada Whitfield',
			bio: 'Senior engineer at Northwind Analytics. Seattle.',
			title: 'Senior Software Engineer',
			employer: 'Northwind Analytics',
			location: 'Seattle, WA',
			photo: {url: 'https://ada.example.com/media/ada.png'},
		});
		assert.equal(elements.name.tagName, 'H1');
		assert.equal(elements.photo.tagName, 'IMG');
		assert.equal(elements.bio.tagName, 'P');
		// Shown nowhere on the page: no element; the warning goes to the top of the page.
		assert.equal(elements.title, undefined);
	});

	it('reads the bio only where the page shows it: generators cut it', () => {
		const cut = {...ada, description: 'Senior engineer at Northwind Analytics. Sea'};
		const {site, document, url} = page(`${graph(cut)}<h1>Ada Whitfield</h1><p>Senior engineer at Northwind Analytics. Seattle.</p>`);
		const {fields} = site.extract(document, url);
		assert.equal('bio' in fields, false);
		assert.equal(fields.title, 'Senior Software Engineer', 'the other values, shown or not');
	});

	it('takes a photo given as a list of image ids, not an id that is no image', () => {
		const listed = page(graph({'@type': 'Person', url: 'https://ada.example.com/', name: 'Ada Whitfield', image: [{'@id': 'https://ada.example.com/cover.png'}]}));
		assert.deepEqual(plain(listed.site.extract(listed.document, listed.url).fields.photo), {url: 'https://ada.example.com/cover.png'});
		const idOnly = page(graph({...ada, image: {'@id': 'https://ada.example.com/#/schema/person/image/'}}));
		assert.equal('photo' in idOnly.site.extract(idOnly.document, idOnly.url).fields, false);
	});

	it('prefers the visible h-card to the JSON-LD', () => {
		const {site, document, url} = page(`${graph(ada)}<div class="h-card"><a class="u-url p-name" href="/">Ada W.</a></div>`, 'https://ada.example.com/');
		assert.deepEqual(plain(site.extract(document, url).fields), {name: 'Ada W.'});
	});

	it('does not read another site\'s person (a guest author), nor guess between two without a URL', () => {
		const marcus = {'@type': 'Person', '@id': 'https://marcus.example.net/#me', name: 'Marcus Lindqvist', url: 'https://marcus.example.net/'};
		const guest = page(graph(marcus));
		assert.deepEqual(plain(guest.site.extract(guest.document, guest.url).fields), {});
		const two = page(graph({'@type': 'Person', name: 'Ada Whitfield'}, [{'@type': 'Person', name: 'Marcus Lindqvist'}]));
		assert.deepEqual(plain(two.site.extract(two.document, two.url).fields), {});
		const one = page(graph({'@type': ['Person', 'Author'], name: 'Ada Whitfield', jobTitle: ['Staff Software Engineer', 'Speaker']}));
		assert.deepEqual(plain(one.site.extract(one.document, one.url).fields), {name: 'Ada Whitfield', title: 'Staff Software Engineer'});
	});

	it('skips a block that does not parse and values that are not text', () => {
		const broken = '<script type="application/ld+json">{"@type": "Person", "name": </script>';
		const odd = graph({...ada, description: 42, jobTitle: {'@type': 'DefinedTerm'}, image: null, address: 'Boston, MA'});
		const {site, document, url} = page(`${broken}${odd}`);
		const {fields} = site.extract(document, url);
		assert.equal(fields.name, 'Ada Whitfield');
		assert.equal(fields.location, 'Boston, MA');
		for (const field of ['bio', 'title', 'photo']) {
			assert.equal(field in fields, false, field);
		}
	});
});

describe('website: extract from WordPress\'s Profile screen', () => {
	it('reads first and last name, website, biographical info and the avatar', () => {
		const {site, document, url} = open('website', 'edit');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'edit');
		assert.deepEqual(plain(unread), []);
		assert.deepEqual(plain({...fields, photo: undefined}), {
			name: 'Ada Whitfield',
			firstName: canonical.profile.name.given,
			lastName: canonical.profile.name.family,
			website: canonical.profile.website,
			bio: canonical.profile.bio.short,
		});
		assert.match(fields.photo.url, /^data:image\/png/);
		assert.equal(elements.name.id, 'first_name');
		assert.equal(elements.firstName.id, 'first_name');
		assert.equal(elements.lastName.id, 'last_name');
		assert.equal(elements.website.id, 'url');
		assert.equal(elements.bio.id, 'description');
		assert.ok(elements.photo.classList.contains('avatar'));
		assert.ok(elements.photo.closest('tr.user-profile-picture'));
	});

	it('reads the name with only the first name set', () => {
		const html = fixture('website', 'edit').replace('id="last_name" value="Whitfield"', 'id="last_name" value=""');
		const {site, document, url} = open('website', 'edit', {html});
		const {fields} = site.extract(document, url);
		assert.equal(fields.name, 'Ada');
		assert.equal(fields.lastName, '');
	});

	it('lists a renamed control as unread', () => {
		const html = fixture('website', 'edit').replace(/"description"/g, '"user_bio"');
		const {site, document, url} = open('website', 'edit', {html});
		assert.deepEqual(plain(site.extract(document, url).unread), ['bio']);

		const names = fixture('website', 'edit').replace(/"last_name"/g, '"surname"');
		const renamed = open('website', 'edit', {html: names});
		const {fields, unread} = renamed.site.extract(renamed.document, renamed.url);
		assert.deepEqual(plain(unread), ['name']);
		assert.equal('firstName' in fields, false);
	});

	it('reports no photo when the site does not show avatars', () => {
		const html = fixture('website', 'edit').replace(/<tr class="user-profile-picture">.*?<\/tr>/s, '');
		const {site, document, url} = open('website', 'edit', {html});
		const {fields, unread} = site.extract(document, url);
		assert.equal('photo' in fields, false);
		assert.deepEqual(plain(unread), []);
	});
});
