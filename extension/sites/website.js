'use strict';
// Website: the user's own personal site or blog, and WordPress's Profile
// screen on it.
//
// Like Mastodon, `hosts` is empty: the site lives wherever the canonical
// `website` (and any profiles[] entry with network "Website") says, and the
// content script runs this module there once the user has granted the host.
// `pageKind` works on any https host.
//
// View pages are read from the owner's h-card (microformats2,
// https://microformats.org/wiki/h-card), chosen as the IndieWeb's
// "representative h-card": the first top-level `.h-card` whose own `u-url` is
// on the page's host, else the page's only h-card when it names no URL. A
// property is "own" to a card unless it sits inside another microformat root
// nested in the card (a `p-org h-card` is the card's `p-org`, but its inner
// `p-name` is the organisation's name, not the person's). A site shows what its
// owner chose to mark up, so a property the card lacks is not reported, and
// `unread` is always empty on a view page.
//
// A page with no card of its owner may still describe them in schema.org
// JSON-LD (observed in the @graph Yoast SEO prints for WordPress, 2023-2024:
// a Person with an @id on the site's home URL, name, description (the
// user's bio, cut at 250 characters, so read only where the page shows the
// same text), image {url, contentUrl}, sameAs;
// other generators write `url`, jobTitle, worksFor, address, or an image as
// a list of {"@id": <image URL>}). The same owner rule picks the Person; each
// value's element is where the page shows that exact text (the heading with
// the name), and a value the page does not show has none: its warning sits
// in the box at the top of the page.
//
// The edit page is WordPress's wp-admin/profile.php (the signed-in user's own
// Profile; user-edit.php edits someone else and is not read). Markup observed
// in WordPress 6.x's wp-admin/user-edit.php template, which profile.php
// includes (WordPress/wordpress-develop, src/wp-admin/user-edit.php): form
// `#your-profile`, table rows `tr.user-first-name-wrap` ... with the controls
// `#first_name`, `#last_name`, `#nickname`, `#display_name` (select), `#email`,
// `#url` (Website), `#description` (Biographical Info), and the
// `tr.user-profile-picture` row holding get_avatar()'s `img.avatar`.
(function registerWebsite(oneself) {
	const kit = oneself.siteKit;

	// Hosts compare without case or a leading "www.".
	function bareHost(hostname) {
		return hostname.toLowerCase().replace(/^www\./, '');
	}

	function pageKind(url) {
		const parsed = kit.parseUrl(url);
		if (!parsed) {
			return null;
		}

		if (parsed.protocol !== 'https:') {
			return null;
		}

		// WordPress may live under a subpath (example.org/blog/wp-admin/...).
		const path = parsed.pathname;
		if (/\/wp-admin\/profile\.php$/.test(path)) {
			// profile.php includes user-edit.php, which reads user_id: with one,
			// an admin sees user N's form. The user's own form has none.
			const userId = parsed.searchParams.get('user_id');
			return userId === null || userId === '' ? {kind: 'edit'} : null;
		}

		if (/\/wp-admin(\/|$)/.test(path)) {
			return null;
		}

		return {kind: 'view', handle: bareHost(parsed.hostname)};
	}

	// An entry's url as a URL (a bare "ada.example.com" is read as https), or null.
	function entryUrl(entry) {
		if (typeof entry.url !== 'string' || entry.url.trim() === '') {
			return null;
		}

		let given = entry.url.trim();
		if (!/^[a-z][a-z0-9+.-]*:/i.test(given)) {
			given = `https://${given}`;
		}

		const parsed = kit.parseUrl(given);
		return parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:') ? parsed : null;
	}

	// "/~ada" owns "/~ada" and "/~ada/about", not "/~bob" or "/~adam"; "/" owns everything.
	function pathWithin(path, base) {
		const prefix = base.replace(/\/+$/, '');
		return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
	}

	// From the URL and the profiles only: the page is on the host of one of the
	// user's website entries, and inside its path (the edit page anywhere on it).
	function isOwnProfile(document, url, profiles) {
		const page = pageKind(url);
		if (!page) {
			return false;
		}

		const parsed = new URL(url);
		const host = bareHost(parsed.hostname);
		return kit.profilesFor(site, profiles).some(entry => {
			const own = entryUrl(entry);
			return own !== null && bareHost(own.hostname) === host
				&& (page.kind === 'edit' || pathWithin(parsed.pathname, own.pathname));
		});
	}

	// A microformats2 root class: "h-" and lowercase words (not "h-100", a height utility).
	function isRoot(element) {
		return [...element.classList].some(name => /^h-[a-z]+(?:-[a-z]+)*$/.test(name));
	}

	// Whether `element` belongs to a microformat nested inside `card` rather than to the card.
	function nested(element, card) {
		for (let node = element.parentElement; node && node !== card; node = node.parentElement) {
			if (isRoot(node)) {
				return true;
			}
		}

		return false;
	}

	// The card's own elements with class `property` (a nested root's properties are its own).
	function properties(card, property) {
		return kit.all(card, `.${property}`).filter(element => !nested(element, card));
	}

	function property(card, name) {
		return properties(card, name)[0] || null;
	}

	// A p-* value as microformats2 parses it: abbr/link title, data/input value, img/area alt, else the text.
	function plainValue(element) {
		const tag = element.tagName;
		if ((tag === 'ABBR' || tag === 'LINK') && element.hasAttribute('title')) {
			return element.getAttribute('title').trim();
		}

		if ((tag === 'DATA' || tag === 'INPUT') && element.hasAttribute('value')) {
			return element.getAttribute('value').trim();
		}

		if ((tag === 'IMG' || tag === 'AREA') && element.hasAttribute('alt')) {
			return element.getAttribute('alt').trim();
		}

		return kit.text(element);
	}

	// A u-* value: the href or src, made absolute.
	function urlValue(element, base) {
		const address = element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('data');
		return address === null ? '' : kit.absoluteUrl(address, base);
	}

	// The card's URLs: its own u-url links; a card that is itself a link with
	// none implies its href (microformats2's implied url).
	function cardUrls(card, base) {
		const urls = properties(card, 'u-url')
			.filter(element => element.matches('a[href], area[href], link[href]'))
			.map(element => urlValue(element, base));
		if (urls.length === 0 && card.matches('a[href], area[href]')) {
			urls.push(urlValue(card, base));
		}

		return urls.filter(Boolean);
	}

	function hostOf(address) {
		const parsed = kit.parseUrl(address);
		return parsed ? bareHost(parsed.hostname) : '';
	}

	// The site's owner among `candidates` (cards or JSON-LD people): the first
	// with a URL on this host; else the only candidate, when it names no URL.
	// One that only links elsewhere (a guest author) is not the owner.
	function owner(candidates, urlsOf, url) {
		const host = hostOf(url);
		const onHost = candidates.find(candidate => urlsOf(candidate).some(address => hostOf(address) === host));
		if (onHost) {
			return onHost;
		}

		return candidates.length === 1 && urlsOf(candidates[0]).length === 0 ? candidates[0] : null;
	}

	function representativeCard(document, url) {
		const candidates = kit.all(document, '.h-card').filter(card => !card.parentElement || !card.parentElement.closest('.h-card'));
		return owner(candidates, card => cardUrls(card, document.baseURI), url);
	}

	// The card's p-name element, or the card itself when its name is implied
	// (its own text with no child elements, or an img's alt).
	function nameElement(card) {
		const named = property(card, 'p-name');
		if (named) {
			return named;
		}

		if (card.tagName === 'IMG' ? card.hasAttribute('alt') : card.children.length === 0 && kit.text(card) !== '') {
			return card;
		}

		return null;
	}

	// Locality and region, or the whole adr, or a label; looked for in the card
	// and inside its `p-adr h-adr`. Answers [value, element] or null.
	function locationOf(card) {
		const adr = property(card, 'p-adr');
		const scopes = adr && isRoot(adr) ? [card, adr] : [card];
		const part = name => scopes.map(scope => property(scope, name)).find(Boolean) || null;
		const parts = [part('p-locality'), part('p-region')].filter(Boolean);
		if (parts.length > 0) {
			return [parts.map(plainValue).filter(Boolean).join(', '), parts[0]];
		}

		if (adr) {
			return [kit.text(adr), adr];
		}

		const label = part('p-label');
		return label ? [plainValue(label), label] : null;
	}

	// schema.org JSON-LD, for sites that describe their owner only there (SEO
	// plugins put a Person in an @graph): every Person of the page's
	// ld+json blocks, at the top, in @graph, or as a mainEntity, author or
	// publisher. A block that does not parse is skipped.
	function jsonLdPeople(document) {
		const people = [];
		function visit(node, depth) {
			if (depth > 8 || node === null || typeof node !== 'object') {
				return;
			}

			if (Array.isArray(node)) {
				for (const item of node) {
					visit(item, depth + 1);
				}

				return;
			}

			if ([node['@type']].flat().includes('Person')) {
				people.push(node);
			}

			for (const key of ['@graph', 'mainEntity', 'author', 'publisher']) {
				visit(node[key], depth + 1);
			}
		}

		for (const script of kit.all(document, 'script[type="application/ld+json"]')) {
			try {
				visit(JSON.parse(script.textContent), 0);
			} catch {}
		}

		return people;
	}

	// A JSON-LD value as text: a string, the first of a list, or an object's `key`.
	function ldText(value, key = 'name') {
		const first = Array.isArray(value) ? value[0] : value;
		const text = first !== null && typeof first === 'object' ? first[key] : first;
		return typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : '';
	}

	// A person's URLs: `url` and an `@id` that is a web address (Yoast's
	// "https://<site>/#/schema/person/…").
	function personUrls(person, base) {
		return [person.url, person['@id']].flat()
			.map(value => ldText(value, 'url'))
			.map(value => (value ? kit.absoluteUrl(value, base) : ''))
			.filter(value => /^https?:/i.test(value));
	}

	// Where the page shows each of `values`: the innermost element whose whole
	// text is it (the heading with the name). One walk over the page for all
	// of them; a value shown nowhere is absent, and its warning then sits at
	// the top of the page.
	function shownAt(document, values) {
		const shown = new Map();
		if (!document.body) {
			return shown;
		}

		const wanted = new Set(values.filter(Boolean));
		// Document order puts an ancestor before its descendants: a later match inside it wins.
		for (const element of kit.all(document.body, 'h1, h2, h3, h4, p, span, a, strong, em, li, dd, td, div')) {
			const text = kit.text(element);
			if (wanted.has(text) && (!shown.has(text) || shown.get(text).contains(element))) {
				shown.set(text, element);
			}
		}

		return shown;
	}

	function extractPerson(document, person, read) {
		const text = {
			name: ldText(person.name),
			bio: ldText(person.description),
			title: ldText(person.jobTitle),
			employer: ldText(person.worksFor),
		};
		const address = [person.address].flat()[0];
		text.location = address !== null && typeof address === 'object'
			? [ldText(address.addressLocality), ldText(address.addressRegion)].filter(Boolean).join(', ')
			: ldText(address);
		const shown = shownAt(document, Object.values(text));
		for (const [field, value] of Object.entries(text)) {
			// The bio only where the page shows it: generators cut it (Yoast
			// at 250 characters), and a cut bio would always read as different.
			if (value && (shown.has(value) || field !== 'bio')) {
				read.set(field, value, shown.get(value));
			}
		}

		// An image's @id is its address only when it names an image file.
		const id = ldText(person.image, '@id');
		const given = ldText(person.image, 'url') || ldText(person.image, 'contentUrl') || (/\.(png|jpe?g|gif|webp|avif)(\?|$)/i.test(id) ? id : '');
		const image = given ? kit.absoluteUrl(given, document.baseURI) : '';
		if (/^https?:|^data:image\//i.test(image)) {
			const shown = kit.all(document, 'img[src]').find(img => kit.absoluteUrl(img.getAttribute('src'), document.baseURI) === image);
			read.set('photo', {url: image}, shown || null);
		}
	}

	function extractView(document, url, read) {
		const card = representativeCard(document, url);
		if (!card) {
			// No card of the owner: their schema.org Person, if the page has one.
			const person = owner(jsonLdPeople(document), candidate => personUrls(candidate, document.baseURI), url);
			if (person) {
				extractPerson(document, person, read);
			}

			return;
		}

		const name = nameElement(card);
		if (name) {
			read.set('name', plainValue(name), name);
		}

		const note = property(card, 'p-note');
		if (note) {
			read.set('bio', kit.blockText(note), note);
		}

		const title = property(card, 'p-job-title');
		if (title) {
			read.set('title', plainValue(title), title);
		}

		// An org given as its own h-card is named by its p-name, not its whole text.
		const org = property(card, 'p-org');
		if (org) {
			const orgName = isRoot(org) ? nameElement(org) : null;
			read.set('employer', plainValue(orgName || org), org);
		}

		const place = locationOf(card);
		if (place) {
			read.set('location', place[0], place[1]);
		}

		const photo = property(card, 'u-photo');
		if (photo) {
			read.set('photo', {url: urlValue(photo, document.baseURI)}, photo);
		}
	}

	// WordPress's Profile screen (ids of user-edit.php; name attributes are the same words).
	const controls = {
		website: ['#url', 'input[name="url"]'],
		bio: ['#description', 'textarea[name="description"]'],
	};

	function extractEdit(document, read) {
		const form = kit.first(document, ['form#your-profile', 'body']);
		const first = kit.first(form, ['#first_name', 'input[name="first_name"]']);
		const last = kit.first(form, ['#last_name', 'input[name="last_name"]']);
		if (first && last) {
			// Two inputs, as LinkedIn's and Google's name forms: name is "first last"
			// on the first-name input, and both parts with their own inputs. The
			// display_name select only offers combinations of these and the nickname.
			read.set('name', [kit.value(first), kit.value(last)].filter(Boolean).join(' '), first);
			read.set('firstName', kit.value(first), first);
			read.set('lastName', kit.value(last), last);
		} else {
			read.missing('name');
		}

		for (const [field, selectors] of Object.entries(controls)) {
			read.read(field, kit.first(form, selectors), kit.value);
		}

		// get_avatar() prints the Gravatar image when the site shows avatars; no row, no photo.
		const avatar = kit.first(form, ['tr.user-profile-picture img', 'img.avatar']);
		if (avatar) {
			read.set('photo', {url: kit.absoluteUrl(avatar.getAttribute('src'), document.baseURI)}, avatar);
		}
	}

	function extract(document, url) {
		const page = pageKind(url);
		const read = kit.collector(page && page.kind === 'edit' ? 'edit' : 'view');
		if (read.result.kind === 'edit') {
			extractEdit(document, read);
		} else {
			extractView(document, url || document.URL, read);
		}

		return read.result;
	}

	const site = {
		id: 'website',
		name: 'Website',
		hosts: [],
		pageKind,
		isOwnProfile,
		extract,
	};
	oneself.sites.register(site);
})(globalThis.oneself);
