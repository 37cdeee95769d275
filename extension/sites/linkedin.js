'use strict';
// LinkedIn: the profile view page, and the Edit intro, About and position
// editors (artdeco modal dialogs, opened on their own /edit/ URLs or over the
// profile page).
//
// Markup observed on logged-in profile pages, 2024 (Ember app, obfuscated
// utility classes beside a few stable hooks): the top card is
// `section[data-member-id]` holding `h1.text-heading-xlarge` (name),
// `div.text-body-medium.break-words` (headline), `span.text-body-small.inline.
// t-black--light.break-words` (location) and a button labelled "Current company:
// <name>. Click to skip to experience card"; every other section is
// `section[data-view-name="profile-card"]` opened by an empty anchor
// `div#about` / `div#experience`; visible text sits in `span[aria-hidden="true"]`
// next to a `span.visually-hidden` copy for screen readers.
// Edit forms, 2024: controls whose ids end in the form field's key
// (`...-TOP-CARD-profile-<urn>-firstName`, `-lastName`, `-headline`, `-summary`,
// `-title`, `-requiredCompany`), so ids are matched by suffix.
(function registerLinkedIn(oneself) {
	const kit = oneself.siteKit;

	// /in/<vanity>/ and its sub-pages; "me" is LinkedIn's alias for the signed-in member.
	function pageKind(url) {
		const parsed = kit.parseUrl(url);
		if (!parsed) {
			return null;
		}

		const match = /^\/in\/([^/]+)\/?(.*)$/.exec(parsed.pathname);
		if (!match) {
			return null;
		}

		const handle = kit.normalizeHandle(match[1]);
		const rest = match[2].replace(/\/+$/, '');
		if (rest === '' || rest.startsWith('overlay/')) {
			return {kind: 'view', handle};
		}

		if (rest === 'details/experience') {
			return {kind: 'view', handle, section: 'experience'};
		}

		// Edit URLs, 2024: /edit/intro/, /edit/forms/intro/new/, /edit/about/,
		// /edit/forms/summary/new/, /edit/forms/position/<id>/, /edit/position/new/.
		if (/^edit\/(forms\/)?intro(\/|$)/.test(rest)) {
			return {kind: 'edit', handle, form: 'intro'};
		}

		if (/^edit\/(forms\/)?(about|summary)(\/|$)/.test(rest)) {
			return {kind: 'edit', handle, form: 'about'};
		}

		if (/^edit\/(forms\/)?position(\/|$)/.test(rest)) {
			return {kind: 'edit', handle, form: 'position'};
		}

		return null;
	}

	function isOwnProfile(document, url, profiles) {
		const page = pageKind(url);
		if (!page) {
			return false;
		}

		// LinkedIn serves edit forms only to the profile's owner, and /in/me/ is the signed-in member.
		if (page.kind === 'edit' || page.handle === 'me') {
			return true;
		}

		return kit.handleIsOwn(site, page.handle, profiles);
	}

	// The control whose id ends in `-<key>` (LinkedIn's form field keys).
	function control(scope, key, tags = 'input, textarea, select') {
		return kit.first(scope, tags.split(',').map(tag => `${tag.trim()}[id$="-${key}"]`));
	}

	// The open edit dialog and which form it is, or null.
	function openForm(document) {
		// The artdeco modal, 2024: div.artdeco-modal[role="dialog"] in #artdeco-modal-outlet.
		for (const dialog of kit.all(document, '[role="dialog"], dialog[open]')) {
			if (control(dialog, 'firstName') || control(dialog, 'headline')) {
				return {form: 'intro', dialog};
			}

			if (control(dialog, 'summary', 'textarea')) {
				return {form: 'about', dialog};
			}

			if (control(dialog, 'requiredCompany') || control(dialog, 'title', 'input')) {
				return {form: 'position', dialog};
			}
		}

		return null;
	}

	function extractIntro(dialog, read) {
		const first = control(dialog, 'firstName', 'input');
		const last = control(dialog, 'lastName', 'input');
		if (first && last) {
			const full = [kit.value(first), kit.value(last)].filter(Boolean).join(' ');
			// name is "first last"; its element is the first-name input, and both
			// inputs are given too so that a warning can sit beside either.
			read.set('name', full, first);
			read.set('firstName', kit.value(first), first);
			read.set('lastName', kit.value(last), last);
		} else {
			read.missing('name');
		}

		read.read('headline', control(dialog, 'headline'), kit.value);

		// "Current position" select: options read "<title> at <company>" (or just the company).
		const position = control(dialog, 'position', 'select') || kit.byLabel(dialog, 'Current position');
		if (position) {
			const chosen = kit.value(position);
			const at = chosen.lastIndexOf(' at ');
			if (at > 0) {
				read.set('title', chosen.slice(0, at).trim(), position);
				read.set('employer', chosen.slice(at + 4).trim(), position);
			} else if (chosen !== '') {
				read.set('employer', chosen, position);
			}
		} else {
			read.missing('employer');
		}

		// Location, 2024: a "City" typeahead ("Boston, Massachusetts, United States").
		const city = control(dialog, 'city', 'input') || control(dialog, 'geoLocation', 'input')
			|| kit.byLabel(dialog, 'City');
		read.read('location', city, kit.value);
	}

	function extractAbout(dialog, read) {
		read.read('bio', control(dialog, 'summary', 'textarea') || kit.byLabel(dialog, 'About'), kit.value);
	}

	// One position. Only the current one says anything about the canonical
	// employer and title; a past position's form is left alone (one entry is not
	// the experience list, and sending it would report every other position as missing).
	function extractPosition(dialog, read) {
		const title = control(dialog, 'title', 'input') || kit.byLabel(dialog, 'Title');
		const company = control(dialog, 'requiredCompany', 'input') || kit.byLabel(dialog, 'Company or organization');
		const current = kit.first(dialog, ['input[type="checkbox"][id$="-isCurrent"]', 'input[type="checkbox"][id$="-current"]']);
		if (!title) {
			read.missing('title');
		}

		if (!company) {
			read.missing('employer');
		}

		if (current && !current.checked) {
			return;
		}

		if (title) {
			read.read('title', title, kit.value);
		}

		if (company) {
			read.read('employer', company, kit.value);
		}
	}

	// Text of a LinkedIn text block: the aria-hidden copy (the visible one) if present.
	function visible(element) {
		if (!element) {
			return null;
		}

		return element.querySelector('span[aria-hidden="true"]') || element;
	}

	function sectionOf(document, anchorId) {
		const anchor = document.getElementById(anchorId);
		return anchor ? anchor.closest('section') : null;
	}

	// Experience entries, 2024: li.artdeco-list__item in the Experience card; a
	// single role shows title (.t-bold), "Company · Full-time" (span.t-14.t-normal)
	// and "Mar 2021 - Present · 4 yrs" (span.t-black--light / .pvs-entity__caption-wrapper).
	// Several roles at one company are grouped: the company is the .t-bold and
	// each role is a nested li with its own title and dates.
	function readExperience(section) {
		const list = section.querySelector('ul');
		if (!list) {
			return null;
		}

		const entries = [];
		for (const item of list.children) {
			if (item.tagName !== 'LI') {
				continue;
			}

			const nested = kit.all(item, 'ul li').filter(role => role.querySelector('.t-bold'));
			if (nested.length > 0) {
				const company = kit.text(visible(item.querySelector('.t-bold')));
				for (const role of nested) {
					entries.push(entry(role, company));
				}
			} else {
				entries.push(entry(item, null));
			}
		}

		return entries.filter(Boolean);
	}

	// {position: {title, company, start, end?}, element: the title's element}, or null.

	function entry(item, groupCompany) {
		const titleElement = visible(item.querySelector('.t-bold'));
		const companyElement = groupCompany === null
			? visible(item.querySelector('span.t-14.t-normal:not(.t-black--light)')) : null;
		const datesElement = visible(kit.first(item, ['.pvs-entity__caption-wrapper', 'span.t-14.t-normal.t-black--light']));
		const title = kit.text(titleElement);
		const company = groupCompany === null ? kit.text(companyElement).split('·')[0].trim() : groupCompany;
		const dates = kit.dateRange(kit.text(datesElement));
		if (title === '' || company === '') {
			return null;
		}

		const result = {title, company, start: dates ? dates.start : ''};
		if (dates && dates.end) {
			result.end = dates.end;
		}

		return {position: result, element: titleElement};
	}

	function extractView(document, read) {
		const card = kit.first(document, [
			'section[data-member-id]', // top card, 2024
			'.pv-top-card', // top card, 2022-2023
			'main section.artdeco-card', // any card: the first one is the top card
		]);
		const scope = card || document;

		read.read('name', kit.first(scope, ['h1.text-heading-xlarge', 'h1']));
		read.read('headline', kit.first(scope, [
			'div.text-body-medium.break-words', // 2023-2024
			'[data-generated-suggestion-target]', // 2024, the headline's own hook when present
		]));
		read.read('location', kit.first(scope, [
			'span.text-body-small.inline.t-black--light.break-words', // 2022-2024
			'.pv-text-details__left-panel span.text-body-small', // 2022
		]));

		const photo = kit.first(scope, [
			'img.pv-top-card-profile-picture__image--show', // 2024, own profile
			'img.pv-top-card-profile-picture__image', // 2023
			'.pv-top-card__photo img', // 2022
			'img[width="200"]', // the top card's 200px photo
		]);
		read.read('photo', photo, image => ({url: kit.absoluteUrl(image.getAttribute('src'), document.baseURI)}));

		const about = sectionOf(document, 'about');
		if (about) {
			read.read('bio', visible(kit.first(about, [
				'.inline-show-more-text', // 2023-2024
				'.pv-shared-text-with-see-more', // 2023
				'.display-flex.ph5.pv3', // 2022
			])), kit.blockText);
		}

		let current = null;
		const experience = sectionOf(document, 'experience');
		if (experience) {
			const entries = readExperience(experience);
			if (entries) {
				read.set('experience', entries.map(found => found.position), experience);
				current = entries.find(found => !found.position.end) || null;
			} else {
				read.missing('experience');
			}
		}

		// The top card's current company button, 2024: aria-label "Current company: <name>. Click to skip ...".
		const company = kit.first(scope, ['button[aria-label^="Current company: "]', '[aria-label^="Current company: "]']);
		if (company) {
			const label = company.getAttribute('aria-label').slice('Current company: '.length);
			const name = label.replace(/\.\s+Click to skip.*$/i, '').trim();
			read.set('employer', name, company);
		} else if (current) {
			read.set('employer', current.position.company, current.element);
		}

		if (current) {
			read.set('title', current.position.title, current.element);
		}
	}

	function extract(document, url) {
		const page = pageKind(url) || {kind: 'view'};
		const open = openForm(document);
		if (open) {
			const read = kit.collector('edit');
			({intro: extractIntro, about: extractAbout, position: extractPosition})[open.form](open.dialog, read);
			return read.result;
		}

		if (page.kind === 'edit') {
			// An edit URL whose dialog is not (yet) there: say which fields the form should have shown.
			const read = kit.collector('edit');
			const expected = {intro: ['name', 'headline', 'employer', 'location'], about: ['bio'], position: ['title', 'employer']};
			for (const field of expected[page.form]) {
				read.missing(field);
			}

			return read.result;
		}

		const read = kit.collector('view');
		if (page.section === 'experience') {
			extractExperiencePage(document, read);
		} else {
			extractView(document, read);
		}

		return read.result;
	}

	// /in/<vanity>/details/experience/, 2024: the whole experience list alone,
	// in the main column's first profile list (no top card, no About).
	function extractExperiencePage(document, read) {
		const section = kit.first(document, ['main section.artdeco-card', 'main section', 'main']);
		const entries = section ? readExperience(section) : null;
		if (!entries) {
			read.missing('experience');
			return;
		}

		read.set('experience', entries.map(found => found.position), section);
		const current = entries.find(found => !found.position.end);
		if (current) {
			read.set('employer', current.position.company, current.element);
			read.set('title', current.position.title, current.element);
		}
	}

	const site = {
		id: 'linkedin',
		name: 'LinkedIn',
		hosts: ['www.linkedin.com', 'linkedin.com'],
		pageKind,
		isOwnProfile,
		extract,
	};
	oneself.sites.register(site);
})(globalThis.oneself);
