'use strict';
// X (Twitter): the profile page and the Edit profile dialog (/settings/profile,
// a modal over the profile).
//
// Evidence checked 2026-12-07: nirholas/XActions' profile scraper and
// profile updater (docs/examples/profile-scraping.md, src/updateProfile.js,
// "Last Updated: 24 February 2026") read the same `data-testid` hooks on
// x.com (`UserName`, `UserDescription`, `UserLocation`, `UserUrl`,
// `UserJoinDate`, `editProfileButton`, `Profile_Save_Button`) and the same
// dialog controls (`displayName`, `description`, `location`, `url`): no
// change since 2024. One report (jackwener/OpenCLI issue 573, March 2026)
// has `[data-testid="primaryColumn"]` gone; the profile is then read from
// `main` (see extractView), which the tests hold.
//
// Markup observed on x.com profile pages, 2023-2024 (React Native for Web:
// generated class names, stable `data-testid` hooks): `UserName` holds the
// display name and the @handle, `UserDescription` the bio, and the row
// `UserProfileHeader_Items` holds `UserLocation`, `UserUrl` (a t.co link whose
// text is the shown address) and `UserJoinDate`; X leaves out the location and
// URL items when they are not set. The avatar sits in
// `UserAvatar-Container-<handle>`. The edit dialog's controls are named
// `displayName`, `description`, `location`, `url` (2023-2024).
(function registerX(oneself) {
	const kit = oneself.siteKit;

	// First path segments that are X's own pages, not handles.
	const reserved = new Set([
		'home', 'explore', 'notifications', 'messages', 'settings', 'i', 'search', 'compose', 'login', 'logout',
		'signup', 'tos', 'privacy', 'jobs', 'account', 'intent', 'share', 'hashtag', 'lists', 'bookmarks',
		'communities', 'premium', 'verified-choose', 'about', 'download', 'who_to_follow', 'topics', 'sw.js',
	]);
	// Profile tabs: still the profile page.
	const tabs = new Set(['', 'with_replies', 'media', 'likes', 'highlights', 'articles', 'superfollows', 'verified_followers']);

	function pageKind(url) {
		const parsed = kit.parseUrl(url);
		if (!parsed) {
			return null;
		}

		const path = parsed.pathname.replace(/\/+$/, '');
		if (path === '/settings/profile' || path === '/i/flow/setup_profile') {
			return {kind: 'edit'};
		}

		const match = /^\/([A-Za-z0-9_]{1,15})(?:\/([a-z_]+))?$/.exec(path);
		if (!match || reserved.has(match[1].toLowerCase()) || !tabs.has(match[2] || '')) {
			return null;
		}

		return {kind: 'view', handle: match[1].toLowerCase()};
	}

	function isOwnProfile(document, url, profiles) {
		const page = pageKind(url);
		if (!page) {
			return false;
		}

		// /settings/profile edits the signed-in account, whoever's page was open before.
		if (page.kind === 'edit') {
			return true;
		}

		return kit.handleIsOwn(site, page.handle, profiles);
	}

	function editDialog(document) {
		for (const dialog of kit.all(document, '[role="dialog"]')) {
			if (dialog.querySelector('[name="displayName"], [name="description"]')) {
				return dialog;
			}
		}

		return null;
	}

	function extractEdit(dialog, read) {
		read.read('name', kit.first(dialog, ['input[name="displayName"]', 'input[aria-label="Name"]']), kit.value);
		read.read('bio', kit.first(dialog, ['textarea[name="description"]', 'textarea[aria-label="Bio"]']), kit.value);
		read.read('location', kit.first(dialog, ['input[name="location"]', 'input[aria-label="Location"]']), kit.value);
		read.read('website', kit.first(dialog, ['input[name="url"]', 'input[aria-label="Website"]']), kit.value);
		const photo = kit.first(dialog, ['[data-testid^="UserAvatar-Container"] img', 'img[alt="Avatar"]']);
		if (photo) {
			read.set('photo', {url: kit.absoluteUrl(photo.getAttribute('src'), dialog.ownerDocument.baseURI)}, photo);
		}
	}

	// The display name: UserName's first text block (a [dir] div or a span;
	// dir="ltr" in 2023, dir="auto" in some 2024 builds) that is not, and does
	// not end in, the "@handle" shown below it.
	function displayName(userName) {
		return kit.all(userName, '[dir], span').find(element => {
			const shown = kit.text(element);
			return shown !== '' && !/@[A-Za-z0-9_]{1,15}$/.test(shown);
		}) || null;
	}

	function extractView(document, page, read) {
		const column = kit.first(document, ['[data-testid="primaryColumn"]', 'main']) || document;
		const userName = column.querySelector('[data-testid="UserName"]');
		read.read('name', userName ? displayName(userName) : null);

		// UserDescription is absent when the bio is empty; it is unread only if
		// the whole header is missing too (then the markup changed).
		const items = column.querySelector('[data-testid="UserProfileHeader_Items"]');
		const header = userName && items;
		const description = column.querySelector('[data-testid="UserDescription"]');
		if (description) {
			read.read('bio', description, kit.blockText);
		} else if (header) {
			read.set('bio', '', userName);
		} else {
			read.missing('bio');
		}

		if (items) {
			read.set('location', '', items);
			read.set('website', '', items);
			const location = items.querySelector('[data-testid="UserLocation"]');
			if (location) {
				read.read('location', location);
			}

			const url = items.querySelector('[data-testid="UserUrl"]');
			if (url) {
				// The shown address ("ada.example.com"); the href is a t.co redirect.
				read.read('website', url);
			}
		} else {
			read.missing('location');
			read.missing('website');
		}

		// X keeps the handle's case in the test id (UserAvatar-Container-AdaWhitfield);
		// page.handle is lowercase, so the match ignores case.
		const handle = page && page.handle;
		const avatar = kit.first(column, [
			...(handle ? [`[data-testid="UserAvatar-Container-${handle}" i] img`] : []),
			'[data-testid^="UserAvatar-Container-"] img', // any avatar: the profile's is the first in the header
			'a[href$="/photo"] img', // 2022
		]);
		read.read('photo', avatar, image => ({url: kit.absoluteUrl(image.getAttribute('src'), document.baseURI)}));
	}

	function extract(document, url) {
		const dialog = editDialog(document);
		if (dialog) {
			const read = kit.collector('edit');
			extractEdit(dialog, read);
			return read.result;
		}

		const page = pageKind(url);
		if (page && page.kind === 'edit') {
			const read = kit.collector('edit');
			for (const field of ['name', 'bio', 'location', 'website']) {
				read.missing(field);
			}

			return read.result;
		}

		const read = kit.collector('view');
		extractView(document, page, read);
		return read.result;
	}

	const site = {
		id: 'x',
		name: 'X',
		hosts: ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'],
		pageKind,
		isOwnProfile,
		extract,
	};
	oneself.sites.register(site);
})(globalThis.oneself);
