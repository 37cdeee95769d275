'use strict';
// Facebook: the profile page's Intro (name, intro text, work, city, photo) and
// its inline "Edit bio" editor.
//
// Evidence checked 2026-12-07: no newer public record of the profile page's
// or the bio editor's structure was found (code and issue searches for
// scrapers, userscripts and extensions reading the Intro card, 2025-2026,
// turned up only heuristic scrapers with no selectors of their own). Kept
// as observed in 2023-2024.
//
// Markup observed on www.facebook.com profile pages, 2023-2024 (React with
// generated atomic classes, few stable hooks): the name is the profile
// header's `h1`; the Intro card is found by its `h2` heading "Intro" and holds
// the intro text (`span[dir="auto"]`) and a list of items whose text starts
// "Works at", "<title> at <company>", "Lives in", "From", "Studied at"; the
// profile photo is an SVG `image` (`xlink:href`) inside `svg[role="img"]` in
// the header, or an `img` in older layouts. The "Edit bio" editor is a
// textarea labelled "Enter bio text" (placeholder "Describe who you are") with
// a "n characters remaining" note. English UI only: item prefixes are English.
(function registerFacebook(oneself) {
	const kit = oneself.siteKit;

	const reserved = new Set([
		'home.php', 'groups', 'events', 'marketplace', 'watch', 'gaming', 'friends', 'settings', 'messages',
		'notifications', 'pages', 'login', 'login.php', 'logout.php', 'help', 'privacy', 'policies', 'stories',
		'reel', 'reels', 'photo', 'photo.php', 'permalink.php', 'story.php', 'search', 'bookmarks', 'saved',
		'memories', 'fundraisers', 'ads', 'business', 'hashtag', 'share', 'sharer', 'dialog', 'plugins', 'legal',
	]);

	function pageKind(url) {
		const parsed = kit.parseUrl(url);
		if (!parsed) {
			return null;
		}

		// A tab other than the timeline (profile.php?id=N&sk=about, about_places,
		// photos, ...) has no Intro card, like /<vanity>/about: not read.
		const tab = parsed.searchParams.get('sk');
		if (tab !== null && tab !== '') {
			return null;
		}

		const path = parsed.pathname.replace(/\/+$/, '');
		if (path === '/profile.php') {
			const id = parsed.searchParams.get('id');
			return id && /^\d+$/.test(id) ? {kind: 'view', handle: id} : null;
		}

		if (path === '/me') {
			return {kind: 'view', handle: 'me'};
		}

		// Only the profile's main page shows the Intro card; its About tabs lay
		// the same facts out differently and are not read (yet).
		const match = /^\/([A-Za-z0-9.]{5,50})$/.exec(path);
		if (!match || reserved.has(match[1].toLowerCase())) {
			return null;
		}

		return {kind: 'view', handle: match[1].toLowerCase()};
	}

	function isOwnProfile(document, url, profiles) {
		const page = pageKind(url);
		if (!page) {
			return false;
		}

		// facebook.com/me redirects to the signed-in user's own profile.
		return page.handle === 'me' || kit.handleIsOwn(site, page.handle, profiles);
	}

	// The Intro card: the nearest ancestor of the "Intro" heading that holds more than the heading.
	function introCard(document) {
		const heading = kit.byText(document, 'h2', 'Intro') || kit.byText(document, '[role="heading"]', 'Intro');
		if (!heading) {
			return null;
		}

		let card = heading;
		for (let level = 0; level < 6 && card.parentElement; level++) {
			card = card.parentElement;
			if (kit.text(card).length > kit.text(heading).length) {
				return card;
			}
		}

		return null;
	}

	// Intro items: "Works at Lumen Labs", "Staff Software Engineer at Lumen Labs", "Lives in Boston, Massachusetts".
	function readItems(card, read) {
		let work = null;
		let city = null;
		for (const item of kit.all(card, 'li, [role="listitem"]')) {
			const line = kit.text(item);
			if (/^Lives in /.test(line)) {
				city = city || {text: line.slice('Lives in '.length), item};
			} else if (/^Works at /.test(line)) {
				work = work || {employer: line.slice('Works at '.length), item};
			} else if (!/^(Worked|From|Studied|Went|Married|In a relationship|Joined|Followed)\b/.test(line) && / at /.test(line)) {
				const at = line.lastIndexOf(' at ');
				work = work || {title: line.slice(0, at), employer: line.slice(at + 4), item};
			}
		}

		read.set('location', city ? city.text : '', city ? valueElement(city.item) : card);
		if (work) {
			read.set('employer', work.employer, valueElement(work.item));
			if (work.title) {
				read.set('title', work.title, work.item);
			}
		}
	}

	// The linked part of an item ("Lumen Labs" in "Works at Lumen Labs"), else the item.
	function valueElement(item) {
		return item.querySelector('a') || item;
	}

	function extractView(document, read) {
		const main = kit.first(document, ['[role="main"]', 'main']) || document;
		read.read('name', kit.first(main, ['h1']));

		const card = introCard(main);
		if (!card) {
			for (const field of ['bio', 'location']) {
				read.missing(field);
			}
		} else {
			// The intro text: the card's first dir="auto" block that is not an item or a button.
			const bio = kit.all(card, 'span[dir="auto"], div[dir="auto"]')
				.find(element => !element.closest('li, [role="listitem"], [role="button"], button, h2'));
			read.set('bio', bio ? kit.blockText(bio) : '', bio || card);
			readItems(card, read);
		}

		const photo = kit.first(main, [
			'svg[role="img"] image', // 2023-2024: an SVG image masked to a circle
			'[aria-label*="profile picture" i] img', // 2022
		]);
		read.read('photo', photo, image => ({
			url: kit.absoluteUrl(image.getAttribute('xlink:href') || image.getAttribute('href') || image.getAttribute('src'), document.baseURI),
		}));
	}

	function extract(document, url) {
		const editor = kit.first(document, [
			'textarea[aria-label="Enter bio text"]', // 2023-2024
			'textarea[placeholder="Describe who you are"]', // 2021-2024
		]);
		if (editor) {
			const read = kit.collector('edit');
			read.read('bio', editor, kit.value);
			return read.result;
		}

		const read = kit.collector('view');
		extractView(document, read);
		return read.result;
	}

	const site = {
		id: 'facebook',
		name: 'Facebook',
		hosts: ['www.facebook.com', 'facebook.com', 'web.facebook.com'],
		pageKind,
		isOwnProfile,
		extract,
	};
	oneself.sites.register(site);
})(globalThis.oneself);
