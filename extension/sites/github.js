'use strict';
// GitHub: the user's profile page, its inline "Edit profile" form, and
// github.com/settings/profile.
//
// Evidence checked 2026-12-07: refined-github (source/features/
// linkify-user-location.tsx and user-profile-follower-badge.tsx, as of
// August 2026) still finds user profiles by `[itemprop="homeLocation"]` and
// `.js-profile-editable-area`, so the server-rendered vcard below stands. A
// pull request title in mxrch/GitFive (pull request 68, undated, open)
// speaks of "GitHub's new Primer-React profile shell"; no markup of it is
// public, so no variant is added. A profile rebuilt that way would show up
// as unread fields (the popup and the options page say so).
//
// Markup observed on github.com profile pages, 2023-2024 (server-rendered,
// microdata): `[itemprop="name"]` (span.p-name.vcard-fullname),
// `.p-note.user-profile-bio` (with `data-bio-text`), `ul.vcard-details` items
// `[itemprop="worksFor"]` (.p-org), `[itemprop="homeLocation"]` (.p-label),
// `[itemprop="url"] a`, `[itemprop="social"] a`, and the avatar
// `img.avatar-user` inside `a[itemprop="image"]`. GitHub leaves out a detail
// that is not set. The inline editor is `form.js-profile-editable-form`,
// `hidden` until "Edit profile" is pressed (then `.js-profile-editable-area`
// is hidden instead); its controls are named `user[profile_bio]`,
// `user[profile_company]`, `user[profile_location]`, `user[profile_blog]`
// (and `user[profile_name]` in newer versions), without ids. The settings
// page has the same names with the Rails ids `#user_profile_name`,
// `#user_profile_bio`, `#user_profile_company`, `#user_profile_location`,
// `#user_profile_blog`. The social accounts
// (`[itemprop="social"]`) are not read: they are links to the user's other
// profiles, not facts the canonical profile states.
(function registerGitHub(oneself) {
	const kit = oneself.siteKit;

	// First path segments that are GitHub's own pages, not user names.
	const reserved = new Set([
		'settings', 'orgs', 'organizations', 'explore', 'marketplace', 'notifications', 'pulls', 'issues', 'new',
		'login', 'logout', 'join', 'signup', 'sponsors', 'topics', 'trending', 'features', 'pricing', 'about',
		'search', 'codespaces', 'collections', 'events', 'apps', 'enterprise', 'enterprises', 'dashboard', 'stars',
		'watching', 'account', 'site', 'security', 'contact', 'customer-stories', 'readme', 'team', 'teams',
		'discussions', 'copilot', 'github-copilot', 'gist', 'home', 'mobile', 'nonprofit', 'resources', 'solutions',
		'sessions', 'password_reset', 'users', 'repositories', 'codes', 'blog',
	]);

	function pageKind(url) {
		const parsed = kit.parseUrl(url);
		if (!parsed) {
			return null;
		}

		const path = parsed.pathname.replace(/\/+$/, '');
		if (path === '/settings/profile') {
			return {kind: 'edit'};
		}

		const match = /^\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/.exec(path);
		if (!match || reserved.has(match[1].toLowerCase())) {
			return null;
		}

		// ?tab=repositories, ?tab=stars ... are tabs of the same profile page.
		return {kind: 'view', handle: match[1].toLowerCase()};
	}

	function isOwnProfile(document, url, profiles) {
		const page = pageKind(url);
		if (!page) {
			return false;
		}

		// settings/profile edits the signed-in account.
		if (page.kind === 'edit') {
			return true;
		}

		return kit.handleIsOwn(site, page.handle, profiles);
	}

	// Settings page: ids; the inline editor's controls have only name attributes (observed 2021-2024).
	const controls = {
		name: ['#user_profile_name', 'input[name="user[profile_name]"]'],
		bio: ['#user_profile_bio', 'textarea[name="user[profile_bio]"]'],
		employer: ['#user_profile_company', 'input[name="user[profile_company]"]'],
		location: ['#user_profile_location', 'input[name="user[profile_location]"]'],
		website: ['#user_profile_blog', 'input[name="user[profile_blog]"]'],
	};

	// The form being edited: the settings page's form, or the inline editor when open.
	function openForm(document, page) {
		if (page && page.kind === 'edit') {
			return kit.first(document, ['form.edit_user', 'form[action$="/settings/profile"]', 'main', 'body']);
		}

		// form.js-profile-editable-form carries `hidden` until "Edit profile" is pressed.
		const inline = document.querySelector('.js-profile-editable-form');
		return inline && !inline.closest('[hidden]') ? inline : null;
	}

	// `inline`: the profile page's editor, whose name input only newer versions have.
	function extractForm(form, read, inline) {
		for (const [field, selectors] of Object.entries(controls)) {
			const control = kit.first(form, selectors);
			if (control || !(inline && field === 'name')) {
				read.read(field, control, kit.value);
			}
		}

		const avatar = kit.first(form.ownerDocument, ['img.avatar-user', 'img.avatar']);
		if (avatar) {
			read.set('photo', {url: kit.absoluteUrl(avatar.getAttribute('src'), form.ownerDocument.baseURI)}, avatar);
		}
	}

	function extractView(document, read) {
		const card = kit.first(document, ['.h-card', '[itemtype="http://schema.org/Person"]']) || document;
		const name = card.querySelector('[itemprop="name"]');
		read.read('name', name);

		// The profile card is there: a missing detail is one the user has not set.
		const found = Boolean(name);
		const detail = (field, element, valueOf = kit.text) => {
			if (element) {
				read.read(field, element, valueOf);
			} else if (found) {
				read.set(field, '', name);
			} else {
				read.missing(field);
			}
		};

		detail('bio', kit.first(card, ['.p-note.user-profile-bio', '.user-profile-bio', '[data-bio-text]']), element => {
			const text = element.getAttribute('data-bio-text');
			return text === null ? kit.blockText(element) : text.trim();
		});
		detail('employer', kit.first(card, ['[itemprop="worksFor"] .p-org', '[itemprop="worksFor"]']));
		detail('location', kit.first(card, ['[itemprop="homeLocation"] .p-label', '[itemprop="homeLocation"]']));
		detail('website', kit.first(card, ['[itemprop="url"] a', '[data-test-selector="profile-website-url"] a']), element => element.getAttribute('href') || kit.text(element));

		const avatar = kit.first(card, ['a[itemprop="image"] img', 'img.avatar-user', 'img.avatar']);
		read.read('photo', avatar, image => ({url: kit.absoluteUrl(image.getAttribute('src'), document.baseURI)}));
	}

	function extract(document, url) {
		const page = pageKind(url);
		const form = openForm(document, page);
		if (form) {
			const read = kit.collector('edit');
			extractForm(form, read, !(page && page.kind === 'edit'));
			return read.result;
		}

		const read = kit.collector('view');
		extractView(document, read);
		return read.result;
	}

	const site = {
		id: 'github',
		name: 'GitHub',
		hosts: ['github.com'],
		pageKind,
		isOwnProfile,
		extract,
	};
	oneself.sites.register(site);
})(globalThis.oneself);
