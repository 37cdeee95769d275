'use strict';
// Google: the Google Account's name and photo (myaccount.google.com), always
// the signed-in user's own.
//
// Evidence checked 2026-12-07: no newer public record of the Personal info
// page's or the name editor's structure was found (code searches for
// automation of myaccount.google.com turned up sign-up forms only). Kept as
// observed in 2023-2024.
//
// Markup observed on myaccount.google.com, 2023-2024 (Wiz, generated classes
// and ids): on "Personal info" each row is a link to its editor, the name row
// `a[href*="profile/name"]` holding a label ("Name") and the value, the photo
// row `a[href*="profile-picture"]` holding the avatar `img`; the name editor
// (profile/name/edit) has inputs labelled "First name" and "Surname" (en-GB)
// or "Last name" (en-US). The home page greets "Welcome, <name>" in an `h1`.
// Multi-login URLs carry /u/<n>/ first.
(function registerGoogle(oneself) {
	const kit = oneself.siteKit;

	function pageKind(url) {
		const parsed = kit.parseUrl(url);
		if (!parsed) {
			return null;
		}

		const path = parsed.pathname.replace(/^\/u\/\d+/, '').replace(/\/+$/, '');
		if (path === '/profile/name/edit' || path === '/profile/name') {
			return {kind: 'edit'};
		}

		if (path === '' || path === '/personal-info' || path === '/profile') {
			return {kind: 'view'};
		}

		return null;
	}

	// Every Google Account page shows the signed-in account.
	function isOwnProfile(document, url) {
		return pageKind(url) !== null;
	}

	function extractEdit(document, read) {
		const first = kit.byLabel(document, 'First name');
		const last = kit.byLabel(document, 'Surname') || kit.byLabel(document, 'Last name');
		if (!first) {
			read.missing('name');
			return;
		}

		// Like LinkedIn's intro: name is "first last" on the first-name input; both inputs given.
		read.set('name', [kit.value(first), kit.value(last)].filter(Boolean).join(' '), first);
		read.set('firstName', kit.value(first), first);
		if (last) {
			read.set('lastName', kit.value(last), last);
		}
	}

	// The value in a personal-info row: its last leaf text that is not the row's label.
	function rowValue(row, label) {
		const leaves = kit.all(row, 'div, span').filter(element => element.children.length === 0 && kit.text(element) !== '');
		return leaves.filter(element => kit.text(element).toLowerCase() !== label).pop() || null;
	}

	function extractView(document, read) {
		const row = document.querySelector('a[href*="profile/name"]');
		const greeting = kit.first(document, ['h1']);
		if (row) {
			read.read('name', rowValue(row, 'name'));
		} else if (greeting && /^Welcome, /.test(kit.text(greeting))) {
			read.set('name', kit.text(greeting).slice('Welcome, '.length), greeting);
		} else {
			read.missing('name');
		}

		const photo = kit.first(document, ['a[href*="profile-picture"] img', 'img[alt="Profile picture"]', 'img[alt*="profile picture" i]']);
		read.read('photo', photo, image => ({url: kit.absoluteUrl(image.getAttribute('src'), document.baseURI)}));
	}

	function extract(document, url) {
		const page = pageKind(url);
		const read = kit.collector(page && page.kind === 'edit' ? 'edit' : 'view');
		if (read.result.kind === 'edit') {
			extractEdit(document, read);
		} else {
			extractView(document, read);
		}

		return read.result;
	}

	const site = {
		id: 'google',
		name: 'Google',
		hosts: ['myaccount.google.com'],
		pageKind,
		isOwnProfile,
		extract,
	};
	oneself.sites.register(site);
})(globalThis.oneself);
