'use strict';
// Instagram: the profile page and accounts/edit.
//
// Evidence checked 2026-12-07: no newer public record of the profile
// header's or accounts/edit's structure was found; 2025 scrapers read the
// `og:` meta tags (kept here for the name) or Instagram's JSON endpoints,
// not the page. Kept as observed in 2022-2024.
//
// Markup observed on www.instagram.com, 2022-2024 (React, generated classes):
// the profile header is `header section`; the username is its `h2`, the
// full name and bio have no stable class, so the name comes from `og:title`
// ("Ada Whitfield (@adawhitfield) • Instagram photos and videos", used only
// when it names this page's handle) and is then located in the header by its text; the bio is the header's `h1` (2022-2023)
// or, without it (2024), the header's longest `dir="auto"` text that is not a
// link, a count or the name; the website is an
// `a` through `l.instagram.com`; the avatar's alt is "<user>'s profile picture".
// accounts/edit, 2020-2024: `#pepBio` (textarea, "n / 150"), `#pepWebsite`
// (read-only on the web since 2023), `#pepName` (moved to Accounts Center in 2023).
(function registerInstagram(oneself) {
	const kit = oneself.siteKit;

	const reserved = new Set([
		'accounts', 'explore', 'direct', 'reels', 'reel', 'p', 'stories', 'about', 'legal', 'developer', 'web',
		'challenge', 'emails', 'session', 'privacy', 'terms', 'press', 'api', 'tv', 'oauth', 'your_activity', 'notifications',
	]);

	function pageKind(url) {
		const parsed = kit.parseUrl(url);
		if (!parsed) {
			return null;
		}

		const path = parsed.pathname.replace(/\/+$/, '');
		if (path === '/accounts/edit') {
			return {kind: 'edit'};
		}

		const match = /^\/([A-Za-z0-9._]{1,30})(?:\/(tagged|reels|saved))?$/.exec(path);
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

		// accounts/edit edits the signed-in account.
		return page.kind === 'edit' || kit.handleIsOwn(site, page.handle, profiles);
	}

	// "Ada Whitfield (@adawhitfield) • Instagram photos and videos" → "Ada Whitfield",
	// only from a title about `handle`: Instagram changes pages without
	// reloading, so a title can still describe the previous profile.
	function nameFromTitle(document, handle) {
		for (const title of [kit.metaContent(document, 'og:title'), document.title]) {
			const match = /^(.*?)\s*\(@([A-Za-z0-9._]+)\)/.exec(title || '');
			if (match && handle && kit.normalizeHandle(match[2]) === kit.normalizeHandle(handle)) {
				return match[1].trim();
			}
		}

		return null;
	}

	// 2024 layout, where the bio lost its h1: the longest dir="auto" text of the
	// header that is not a link, a count, a heading or a known value (name, username).
	function longestBlock(header, known) {
		const candidates = kit.all(header, '[dir="auto"]')
			.filter(element => !element.closest('a, ul, h2') && !known.includes(kit.text(element)) && kit.text(element) !== '');
		return candidates.sort((a, b) => kit.text(b).length - kit.text(a).length)[0] || null;
	}

	function username(document) {
		const match = /\(@([A-Za-z0-9._]+)\)/.exec(kit.metaContent(document, 'og:title') || document.title || '');
		return match ? match[1] : null;
	}

	function extractView(document, page, read) {
		const header = kit.first(document, ['header section', 'main header']);
		if (!header) {
			for (const field of ['name', 'bio', 'photo']) {
				read.missing(field);
			}

			return;
		}

		const name = nameFromTitle(document, page && page.handle);
		const nameElement = name === null ? null
			: kit.all(header, 'span, div, h1, h2').filter(element => kit.text(element) === name).pop() || null;
		if (name === null) {
			read.missing('name');
		} else {
			read.set('name', name, nameElement || header);
		}

		const bio = header.querySelector('h1') || longestBlock(header, [name, username(document)]);
		read.set('bio', bio ? kit.blockText(bio) : '', bio || header);

		const website = kit.first(header, ['a[href*="l.instagram.com"]', 'a[rel~="me"]', 'a[rel~="nofollow"]']);
		read.set('website', website ? kit.text(website) : '', website || header);

		const avatar = kit.first(document, ['header img[alt$="profile picture"]', 'header img']);
		read.read('photo', avatar, image => ({url: kit.absoluteUrl(image.getAttribute('src'), document.baseURI)}));
	}

	function extractEdit(document, read) {
		read.read('bio', kit.first(document, ['#pepBio', 'textarea[name="biography"]', 'textarea[aria-label="Bio"]']), kit.value);
		const website = kit.first(document, ['#pepWebsite', 'input[name="external_url"]', 'input[aria-label="Website"]']);
		if (website) {
			read.read('website', website, kit.value);
		}

		const name = kit.first(document, ['#pepName', 'input[name="first_name"]']);
		if (name) {
			read.read('name', name, kit.value);
		}

		const avatar = kit.first(document, ['img[alt="Change profile photo"]', 'button[title="Change profile photo"] img']);
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
			extractView(document, page, read);
		}

		return read.result;
	}

	const site = {
		id: 'instagram',
		name: 'Instagram',
		hosts: ['www.instagram.com', 'instagram.com'],
		pageKind,
		isOwnProfile,
		extract,
	};
	oneself.sites.register(site);
})(globalThis.oneself);
