'use strict';
// Bluesky: the profile page on bsky.app and its Edit profile dialog (opened
// over the profile, same URL).
//
// Markup observed on bsky.app, 2024 (React Native for Web, `data-testid`
// hooks): `profileHeaderDisplayName`, `profileHeaderDescription`, the avatar
// `userAvatarImage` inside `profileHeaderAviButton`, and for the owner
// `profileHeaderEditProfileButton`. The edit dialog holds
// `editProfileDisplayNameInput`, `editProfileDescriptionInput` and
// `editProfileSaveBtn`. Profiles are addressed by handle or by DID.
(function registerBluesky(oneself) {
	const kit = oneself.siteKit;

	function pageKind(url) {
		const parsed = kit.parseUrl(url);
		if (!parsed) {
			return null;
		}

		// /profile/<handle or did>, and its tabs (replies, media, likes, feeds, lists).
		const match = /^\/profile\/([^/]+)(?:\/(replies|media|likes|feed|feeds|lists|starter-packs|videos))?\/?$/.exec(parsed.pathname);
		if (!match) {
			return null;
		}

		return {kind: 'view', handle: kit.normalizeHandle(match[1])};
	}

	function isOwnProfile(document, url, profiles) {
		const page = pageKind(url);
		return Boolean(page) && kit.handleIsOwn(site, page.handle, profiles);
	}

	function editDialog(document) {
		const input = document.querySelector('[data-testid="editProfileDisplayNameInput"], [data-testid="editProfileDescriptionInput"]');
		return input ? input.closest('[role="dialog"]') || document : null;
	}

	function extract(document) {
		const dialog = editDialog(document);
		if (dialog) {
			const read = kit.collector('edit');
			read.read('name', dialog.querySelector('[data-testid="editProfileDisplayNameInput"]'), kit.value);
			read.read('bio', dialog.querySelector('[data-testid="editProfileDescriptionInput"]'), kit.value);
			const avatar = kit.first(dialog, ['[data-testid="changeAvatarBtn"] img', 'img[data-testid="userAvatarImage"]', '[data-testid="userAvatarImage"] img']);
			if (avatar) {
				read.set('photo', {url: kit.absoluteUrl(avatar.getAttribute('src'), document.baseURI)}, avatar);
			}

			return read.result;
		}

		const read = kit.collector('view');
		const name = document.querySelector('[data-testid="profileHeaderDisplayName"]');
		read.read('name', name);
		// The description is left out when empty: empty if the header is there.
		const description = document.querySelector('[data-testid="profileHeaderDescription"]');
		if (description) {
			read.read('bio', description, kit.blockText);
		} else if (name) {
			read.set('bio', '', name);
		} else {
			read.missing('bio');
		}

		const avatar = kit.first(document, [
			'[data-testid="profileHeaderAviButton"] img', // 2024
			'[data-testid="userAvatarImage"] img', // 2023-2024, also on feed items: the header's comes first
			'img[data-testid="userAvatarImage"]',
		]);
		read.read('photo', avatar, image => ({url: kit.absoluteUrl(image.getAttribute('src'), document.baseURI)}));
		return read.result;
	}

	const site = {
		id: 'bluesky',
		name: 'Bluesky',
		hosts: ['bsky.app'],
		pageKind,
		isOwnProfile,
		extract,
	};
	oneself.sites.register(site);
})(globalThis.oneself);
