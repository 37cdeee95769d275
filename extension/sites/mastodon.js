'use strict';
// Mastodon: the profile page and settings/profile, on any instance.
//
// Mastodon runs on many hosts, so `hosts` is empty and `oneself.sites.forUrl`
// never picks this module: the content script uses it on the instances the
// user named in the options (the extension holds host permission for exactly
// those), and `instances(profiles)` lists the hosts the canonical profile's
// Mastodon entries live on. `pageKind` works on any host.
//
// Evidence checked 2026-12-07: mastodon/mastodon itself (pull requests
// 37490, 37513, 37527, 37976, 38366, January-March 2026, and the stored
// account_header.tsx, account_name.tsx and fields.tsx): the 4.x header below
// is still the default; a profile redesign behind the `profile_redesign`
// experiment keeps `.account__header`, `.account__header__tabs__name h1`,
// `.account__header__content` and the avatar, moves the @handle out of the
// h1 into a <p>, and turns the extra fields into cards (see fieldRows).
// Mastodon 5.0 (in development, "laying the foundation", August-September
// 2026, pull requests 40362 and 40455) reworks the column headers and a new
// profile editor; its settings form is not public yet, so settings/profile
// is read as in 4.x.
//
// Markup observed in Mastodon 4.1-4.3's web UI (React, stable BEM classes):
// `.account__header` holds `.account__header__tabs__name h1` (display name,
// then `small` with @user@domain), `.account__header__content` (the bio, HTML
// paragraphs), `.account__header__fields dl` (metadata: `dt` label, `dd`
// value with a link) and the avatar `.account__avatar img`. settings/profile
// is a Rails simple_form: `#account_display_name`, `#account_note`,
// `account[fields_attributes][N][name|value]`, an avatar preview image.
(function registerMastodon(oneself) {
	const kit = oneself.siteKit;

	function pageKind(url) {
		const parsed = kit.parseUrl(url);
		if (!parsed) {
			return null;
		}

		const path = parsed.pathname.replace(/\/+$/, '');
		if (path === '/settings/profile') {
			return {kind: 'edit'};
		}

		const host = parsed.hostname.toLowerCase();
		// /@ada (local), /@ada@other.example (remote, seen from this instance), /users/ada (ActivityPub id);
		// tabs /with_replies, /media, /tagged/<tag> are the same profile.
		const match = /^\/@([A-Za-z0-9_.-]+)(?:@([A-Za-z0-9.-]+))?(?:\/(with_replies|media|featured|tagged\/[^/]+))?$/.exec(path)
			|| /^\/users\/([A-Za-z0-9_.-]+)()$/.exec(path);
		if (!match) {
			return null;
		}

		return {kind: 'view', handle: `${match[1].toLowerCase()}@${(match[2] || host).toLowerCase()}`};
	}

	// A profiles[] username "@ada@mastodon.example" or "ada" plus a URL on its instance.
	function isOwnProfile(document, url, profiles) {
		const page = pageKind(url);
		if (!page) {
			return false;
		}

		// settings/profile edits the signed-in account of this instance.
		if (page.kind === 'edit') {
			return true;
		}

		return kit.handleIsOwn(site, page.handle, profiles);
	}

	// The hosts of the canonical profile's Mastodon entries (for the options
	// page's permission request), lowercase, without duplicates.
	function instances(profiles) {
		const hosts = new Set();
		for (const entry of kit.profilesFor(site, profiles)) {
			const domain = /^@?[^@\s]+@([^@\s/]+)$/.exec(entry.username || '');
			if (domain) {
				hosts.add(domain[1].toLowerCase());
			}

			const parsed = kit.parseUrl(entry.url);
			if (parsed) {
				hosts.add(parsed.hostname.toLowerCase());
			}
		}

		return [...hosts];
	}

	function link(element, document) {
		const anchor = element.querySelector('a[href]');
		return anchor ? kit.absoluteUrl(anchor.getAttribute('href'), document.baseURI) : kit.text(element);
	}

	// The profile's extra fields, each row holding a <dt> label and a <dd> value.
	// Mastodon 4.1-4.5: `.account__header__fields`, one <dl> per row. The 2026
	// profile redesign (the web UI's `profile_redesign` experiment,
	// mastodon/mastodon pull requests 37513 and 37976, January-February 2026;
	// `fields.tsx` and `mini_card/` as stored there): no such wrapper; one <dl>
	// with generated classes in `.account__header__bio`, beside the bio, whose
	// rows are <div> cards; cards past the first line carry `hidden` but are
	// still rows. A bio block without a list is a profile without fields (the
	// list is left out when empty).
	function fieldRows(header) {
		const classic = header.querySelector('.account__header__fields');
		if (classic) {
			return {rows: kit.all(classic, 'dl'), element: classic};
		}

		const bio = header.querySelector('.account__header__bio');
		const list = bio ? kit.all(bio, 'dl').find(dl => !dl.closest('.account__header__content')) : null;
		if (list) {
			return {rows: [...list.children].filter(row => row.querySelector('dt')), element: list};
		}

		return {rows: [], element: bio || header};
	}

	function extractView(document, read) {
		const header = kit.first(document, ['.account__header', '.public-account-header']);
		if (!header) {
			for (const field of ['name', 'bio', 'links', 'photo']) {
				read.missing(field);
			}

			return;
		}

		// The h1 holds the name and, in a <small>, the @handle: read the name's own span.
		const heading = kit.first(header, ['.account__header__tabs__name h1', 'h1']);
		const name = heading ? kit.all(heading, 'span, bdi, strong').find(element => !element.closest('small')) || heading : null;
		read.read('name', name, element => kit.text(element).replace(/\s*@\S+$/, ''));

		const bio = kit.first(header, ['.account__header__content', '.account__header__extra .note']);
		read.read('bio', bio, kit.blockText);

		const {rows, element} = fieldRows(header);
		read.set('links', rows.map(row => ({label: kit.text(row.querySelector('dt')), url: link(row.querySelector('dd') || row, document)})),
			element);

		const avatar = kit.first(header, ['.account__avatar img', '.avatar img', 'img.account__avatar']);
		read.read('photo', avatar, image => ({url: kit.absoluteUrl(image.getAttribute('src'), document.baseURI)}));
	}

	function extractEdit(document, read) {
		read.read('name', kit.first(document, ['#account_display_name', 'input[name="account[display_name]"]']), kit.value);
		read.read('bio', kit.first(document, ['#account_note', 'textarea[name="account[note]"]']), kit.value);

		const labels = kit.all(document, 'input[name^="account[fields_attributes]"][name$="[name]"]');
		if (labels.length === 0) {
			read.missing('links');
		} else {
			const links = [];
			for (const label of labels) {
				const value = document.querySelector(`input[name="${label.getAttribute('name').replace(/\[name\]$/, '[value]')}"]`);
				if (kit.value(label) !== '' || kit.value(value) !== '') {
					links.push({label: kit.value(label), url: kit.value(value)});
				}
			}

			read.set('links', links, labels[0]);
		}

		const avatar = kit.first(document, ['img#account_avatar-preview', '.fields-row .card__img img', 'label[for="account_avatar"] ~ img', '.avatar img']);
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
			extractView(document, read);
		}

		return read.result;
	}

	const site = {
		id: 'mastodon',
		name: 'Mastodon',
		hosts: [],
		pageKind,
		isOwnProfile,
		extract,
		instances,
	};
	oneself.sites.register(site);
})(globalThis.oneself);
