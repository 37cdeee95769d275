'use strict';
// Bluesky: the profile page on bsky.app and its Edit profile dialog (opened
// over the profile, same URL).
//
// Evidence checked 2026-12-07: bluesky-social/social-app itself
// (src/screens/Profile/Header/ProfileHeaderStandard.tsx, DisplayName.tsx
// and EditProfileDialog.tsx as stored there, the newest using
// formatUserDisplayName) still sets the testIDs `profileHeaderDisplayName`,
// `profileHeaderDescription`, `profileHeaderEditProfileButton`,
// `editProfileDisplayNameInput` and `editProfileDescriptionInput`, which
// react-native-web renders as `data-testid`: no change since 2024.
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
		// A dialog left mounted in a hidden screen is not the one being edited.
		const input = kit.firstShown(document, ['[data-testid="editProfileDisplayNameInput"], [data-testid="editProfileDescriptionInput"]']);
		return input ? input.closest('[role="dialog"]') || document : null;
	}

	// The screen a profile header belongs to: its farthest ancestor that holds
	// no other profile header (the whole page when only one is mounted).
	function screenOf(header) {
		let screen = header;
		while (screen.parentElement
			&& screen.parentElement.querySelectorAll('[data-testid="profileHeaderDisplayName"]').length === 1) {
			screen = screen.parentElement;
		}

		return screen;
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

		// bsky.app's navigator keeps earlier screens mounted but hidden
		// (display: none): the first header in the document may be the
		// previous profile's. Read the first shown header, and its bio and
		// avatar from that header's screen only. When headers are mounted but
		// none is shown, nothing is read; with no header at all (a renamed
		// hook), the bio and avatar are looked for among shown elements.
		const read = kit.collector('view');
		const header = '[data-testid="profileHeaderDisplayName"]';
		const name = kit.firstShown(document, [header]);
		read.read('name', name);
		const screen = name ? screenOf(name) : (document.querySelector(header) ? null : document);
		// The description is left out when empty: empty if the header is there.
		const description = screen ? kit.firstShown(screen, ['[data-testid="profileHeaderDescription"]']) : null;
		if (description) {
			read.read('bio', description, kit.blockText);
		} else if (name) {
			read.set('bio', '', name);
		} else {
			read.missing('bio');
		}

		const avatar = screen ? kit.firstShown(screen, [
			'[data-testid="profileHeaderAviButton"] img', // 2024
			'[data-testid="userAvatarImage"] img', // 2023-2024, also on feed items: the header's comes first
			'img[data-testid="userAvatarImage"]',
		]) : null;
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
