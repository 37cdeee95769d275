'use strict';
// LinkedIn: the profile view page, and the Edit intro, About and position
// editors (modal dialogs, opened on their own /edit/ URLs or over the profile
// page). LinkedIn serves two page layouts side by side (per browser session,
// as an experiment), and the module reads both; each reader below says which.
//
// Classic layout, logged-in profile pages 2024, still served in May 2026
// (Ember app, obfuscated utility classes beside a few stable hooks): the top
// card is `section[data-member-id]` holding the name heading (until 2025
// `h1.text-heading-xlarge`; by Feb 2026 a hashed class beside `inline t-24
// v-align-middle break-words`), `div.text-body-medium.break-words` (headline),
// `span.text-body-small.inline.t-black--light.break-words` (location) and a
// button labelled "Current company: <name>. Click to skip to experience card";
// every other section is `section[data-view-name="profile-card"]` opened by
// an empty anchor `div#about` / `div#experience`; visible text sits in
// `span[aria-hidden="true"]` next to a `span.visually-hidden` copy.
// Edit forms, 2024: controls whose ids end in the form field's key
// (`...-TOP-CARD-profile-<urn>-firstName`, `-lastName`, `-headline`, `-summary`,
// `-title`, `-requiredCompany`), so ids are matched by suffix.
//
// Server-driven layout ("SDUI"), recorded Feb-Sep 2026 by public tools that
// read LinkedIn profiles (vana-com/data-connectors PR 9, Feb 2026: "LinkedIn
// A/B tests different DOM layouts", name between h2 and h1, headline and
// location in <p>; vertexcover-io/linkedin-spider, Mar 2026; earonesty/
// linkedin-profile-extractor, Mar 2026: sections keyed by `componentkey`;
// ochhyes/linkedin-msg-generator notes, May 2026: no h1, no data-member-id;
// dsmorgan/netkeeper docs, Sep 2026: still shipping): `main#workspace`;
// sections `section[componentkey^="com.linkedin.sdui.profile.card.ref"]` whose
// key ends in the member's URN and the section name (`Topcard`, `About`,
// `ExperienceTopLevelSection`, ...), some added late. Top card: the name is a
// heading of any level inside `a[href="/in/<vanity>/"]`; then bare <p>s, each
// in a wrapper of its own: degree badge ("· 1."), pronouns, headline,
// "Company · School", location, a "·", the "Contact info" paragraph; the
// current company and school are <p>s beside `svg#company-accent-4` /
// `svg#school-accent-4`; the photo `div[aria-label="Profile photo"] img`.
// About: `span[data-testid="expandable-text-box"]`. Experience: one
// `div[componentkey^="entity-collection-item"]` per entry (company link
// `a[href*="/company/"]`, then <p>s: title; "Company · Full-time"; dates;
// location), several roles at one company as `ul > li`.
// Edit dialogs, 2026 (less certain: no saved page is public):
// `dialog[data-testid="dialog"]`; headline, About and position description in
// rich-text `[contenteditable]` editors (the headline's has no accessible
// name); location `input[data-testid="typeahead-input"]`; the old id suffixes
// may survive. Fields there are found by their place in the form, not by
// their (translated) labels.
//
// Words shown in the member's interface language (dates, "Present", the
// "Current company:" label) are read in English, German, French, Spanish,
// Portuguese, Italian and Dutch; in any other language such a field is left
// unread rather than guessed (siteKit.dateRange).
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

	// ---- Edit dialogs ------------------------------------------------------

	const EDITOR = '[contenteditable]:not([contenteditable="false"])';
	const TYPEAHEAD = 'input[data-testid="typeahead-input"], input[role="combobox"]';

	// Plain text inputs of a form: not typeaheads, checkboxes or hidden ones.
	function textInputs(dialog) {
		return kit.all(dialog, 'input:not([type]), input[type="text"]').filter(input => !input.matches(TYPEAHEAD));
	}

	// The outermost rich-text editors of a dialog (TipTap nests none, but a
	// contenteditable child of one is the same field).
	function editors(dialog) {
		return kit.all(dialog, EDITOR).filter(editor => !editor.parentElement.closest(EDITOR));
	}

	// Whether `node` comes before `other` in the document.
	function precedes(node, other) {
		return Boolean(node.compareDocumentPosition(other) & 4);
	}

	// Which form a dialog is. The 2024 controls say it by their ids; the 2026
	// dialogs by their shape, which needs no translated label: Edit intro opens
	// with the two name inputs before its first rich-text editor (the
	// headline's); the position editor has the "I am currently working in this
	// role" checkbox and the company typeahead; the About editor is a rich-text
	// editor without name inputs.
	function formOf(dialog, page) {
		if (control(dialog, 'firstName') || control(dialog, 'headline')) {
			return 'intro';
		}

		if (control(dialog, 'summary', 'textarea')) {
			return 'about';
		}

		if (control(dialog, 'requiredCompany') || control(dialog, 'title', 'input')) {
			return 'position';
		}

		// Only the 2026 edit dialog is read by shape: other dialogs with a
		// rich-text editor (the messaging overlay's composer) are not forms.
		if (dialog.getAttribute('data-testid') !== 'dialog') {
			return null;
		}

		const [editor] = editors(dialog);
		const inputs = textInputs(dialog);
		if (editor && inputs.filter(input => precedes(input, editor)).length >= 2) {
			return 'intro';
		}

		if (dialog.querySelector('input[type="checkbox"]') && dialog.querySelector(TYPEAHEAD) && inputs.length > 0) {
			return 'position';
		}

		if (editor && inputs.length === 0) {
			return 'about';
		}

		// The URL names the form when the dialog's shape does not.
		return page && page.kind === 'edit' ? page.form : null;
	}

	// The open edit dialog and which form it is, or null.
	function openForm(document, page) {
		// 2024: the artdeco modal, div.artdeco-modal[role="dialog"] in
		// #artdeco-modal-outlet; 2026: dialog[data-testid="dialog"] (the test
		// id is the hook: a div carrying it is taken too).
		for (const dialog of kit.all(document, '[data-testid="dialog"], [role="dialog"], dialog[open]')) {
			if (dialog.tagName === 'DIALOG' && !dialog.hasAttribute('open')) {
				continue;
			}

			const form = formOf(dialog, page);
			if (form) {
				return {form, dialog};
			}
		}

		return null;
	}

	// "<title> at <company>": the word between them in the interface
	// language (the 2024 position select). Other languages read no employer.
	const positionJoiners = {en: ' at ', de: ' bei ', fr: ' chez ', es: ' en ', pt: ' na ', it: ' presso ', nl: ' bij '};

	function readPositionChoice(select, read, language) {
		const chosen = kit.value(select);
		const joiner = positionJoiners[language || 'en'];
		const at = joiner ? chosen.lastIndexOf(joiner) : -1;
		if (at > 0) {
			read.set('title', chosen.slice(0, at).trim(), select);
			read.set('employer', chosen.slice(at + joiner.length).trim(), select);
		} else if (chosen !== '' && joiner) {
			read.set('employer', chosen, select); // a position with no title shows the company alone
		} else if (chosen !== '') {
			read.missing('employer');
		}
	}

	function extractIntro(dialog, read, language) {
		// 2024: ids ending in -firstName / -lastName; 2026: the dialog's first
		// two text inputs (the form opens with first and last name).
		let first = control(dialog, 'firstName', 'input');
		let last = control(dialog, 'lastName', 'input');
		if (!first && !last) {
			const [editor] = editors(dialog);
			const leading = textInputs(dialog).filter(input => !editor || precedes(input, editor));
			[first, last] = leading.length >= 2 ? leading : [null, null];
		}

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

		// 2024: a textarea; 2026: the first rich-text editor (it has no name).
		read.read('headline', control(dialog, 'headline') || editors(dialog)[0] || null, kit.value);

		// "Current position" select: options read "<title> at <company>" (or
		// just the company); in 2024 and 2026 their values are the positions' URNs.
		const position = control(dialog, 'position', 'select')
			|| kit.all(dialog, 'select').find(select => [...select.options].some(option => option.value.startsWith('urn:li:fsd_profilePosition:')))
			|| null;
		if (position) {
			readPositionChoice(position, read, language);
		} else {
			read.missing('employer');
		}

		// Location, 2024: a "City" typeahead ("Boston, Massachusetts, United
		// States") after Country/Region; 2026: typeahead inputs, the city last.
		const typeaheads = kit.all(dialog, 'input[data-testid="typeahead-input"]');
		const city = control(dialog, 'city', 'input') || control(dialog, 'geoLocation', 'input')
			|| typeaheads.at(-1) || kit.byLabel(dialog, 'City');
		read.read('location', city, kit.value);
	}

	function extractAbout(dialog, read) {
		read.read('bio', control(dialog, 'summary', 'textarea') || editors(dialog)[0] || kit.byLabel(dialog, 'About'), kit.value);
	}

	// One position. Only the current one says anything about the canonical
	// employer and title; a past position's form is left alone (one entry is not
	// the experience list, and sending it would report every other position as missing).
	// 2026: the title is the form's first text input, the company its first
	// typeahead, "currently working here" its first checkbox.
	function extractPosition(dialog, read) {
		const title = control(dialog, 'title', 'input') || textInputs(dialog)[0] || null;
		const company = control(dialog, 'requiredCompany', 'input') || dialog.querySelector(TYPEAHEAD);
		const current = kit.first(dialog, ['input[type="checkbox"][id$="-isCurrent"]', 'input[type="checkbox"][id$="-current"]', 'input[type="checkbox"]']);
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

	// ---- Experience entries, both layouts ---------------------------------

	// {position: {title, company, start, end?}, element}, or null when the
	// title or company is empty; `dates` is the element holding the range.
	// An entry whose dates cannot be read in the page's language makes the
	// whole list unread (fail closed): see readEntries.
	function position(title, company, datesText, language, element) {
		if (title === '' || company === '') {
			return null;
		}

		const dates = kit.dateRange(datesText, language);
		if (!dates) {
			return {unreadable: true};
		}

		const result = {title, company, start: dates.start};
		if (dates.end) {
			result.end = dates.end;
		}

		return {position: result, element};
	}

	// The list, or null when an entry's dates are unreadable.
	function settle(found) {
		const entries = found.filter(Boolean);
		return entries.some(entry => entry.unreadable) ? null : entries;
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

	// Classic experience entries, 2024: li.artdeco-list__item in the Experience
	// card; a single role shows title (.t-bold), "Company · Full-time"
	// (span.t-14.t-normal) and "Mar 2021 - Present · 4 yrs" (span.t-black--light
	// / .pvs-entity__caption-wrapper). Several roles at one company are grouped:
	// the company is the .t-bold and each role is a nested li with its own
	// title and dates.
	function readExperience(section, language) {
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
					entries.push(classicEntry(role, company, language));
				}
			} else {
				entries.push(classicEntry(item, null, language));
			}
		}

		return settle(entries);
	}

	function classicEntry(item, groupCompany, language) {
		const titleElement = visible(item.querySelector('.t-bold'));
		const companyElement = groupCompany === null
			? visible(item.querySelector('span.t-14.t-normal:not(.t-black--light)')) : null;
		const datesElement = visible(kit.first(item, ['.pvs-entity__caption-wrapper', 'span.t-14.t-normal.t-black--light']));
		const company = groupCompany === null ? kit.text(companyElement).split('·')[0].trim() : groupCompany;
		return position(kit.text(titleElement), company, kit.text(datesElement), language, titleElement);
	}

	// ---- Classic view ------------------------------------------------------

	// The top card's current company button, 2024: aria-label "Current
	// company: <name>. Click to skip to experience card", in the interface
	// language (the English label observed; the others are LinkedIn's terms
	// for it, unverified: a miss falls back to the current experience entry).
	const currentCompanyLabels = {
		en: 'Current company:',
		de: 'Aktuelles Unternehmen:',
		fr: 'Entreprise actuelle :',
		es: 'Empresa actual:',
		pt: 'Empresa atual:',
		it: 'Azienda attuale:',
		nl: 'Huidig bedrijf:',
	};

	function currentCompany(scope, language) {
		const labels = language ? [currentCompanyLabels[language]].filter(Boolean) : Object.values(currentCompanyLabels);
		for (const label of labels) {
			const button = scope.querySelector(`[aria-label^="${label}"]`);
			if (button) {
				// The button shows the company's name; the label repeats it before a sentence.
				const shown = kit.text(button);
				const fromLabel = button.getAttribute('aria-label').slice(label.length).replace(/\.\s+\S.*$/, '').trim();
				return {name: shown || fromLabel, element: button};
			}
		}

		return null;
	}

	// Whether the top card is another member's: its links to /in/<vanity>/...
	// (about-this-profile, contact info) name someone else. A single-page
	// navigation from one profile to another changes the URL before the card.
	function isOtherMembersCard(card, handle) {
		if (!card || !handle || handle === 'me') {
			return false;
		}

		const vanities = kit.all(card, 'a[href*="/in/"]').map(link => {
			const path = (kit.parseUrl(kit.absoluteUrl(link.getAttribute('href'), 'https://www.linkedin.com/')) || {}).pathname || '';
			const match = /^\/in\/([^/]+)/.exec(path);
			return match ? kit.normalizeHandle(match[1]) : null;
		}).filter(Boolean);
		return vanities.length > 0 && !vanities.includes(handle);
	}

	function extractClassicView(document, read, page, language) {
		const card = kit.first(document, [
			'section[data-member-id]', // top card, 2024-2026
			'.pv-top-card', // top card, 2022-2023
			'main section.artdeco-card', // any card: the first one is the top card
		]);
		if (isOtherMembersCard(card, page.handle)) {
			return; // the page has not caught up with its address yet: nothing is read
		}

		const scope = card || document;

		read.read('name', kit.first(scope, [
			'h1.text-heading-xlarge', // until 2025
			'a[href*="/overlay/about-this-profile/"] h1', // 2026: the class is hashed, the link stays
			'h1',
		]));
		read.read('headline', kit.first(scope, [
			'div.text-body-medium.break-words', // 2023-2026
			'[data-generated-suggestion-target]', // 2024, the headline's own hook when present
		]));
		read.read('location', kit.first(scope, [
			'span.text-body-small.inline.t-black--light.break-words', // 2022-2026
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

		const experience = sectionOf(document, 'experience');
		const entries = experience ? readExperience(experience, language) : null;
		if (experience && !entries) {
			read.missing('experience');
		}

		finishWork(read, entries, experience, currentCompany(scope, language));
	}

	// Experience, and the employer and title it implies: the top card's
	// company when shown, else the current entry's.
	function finishWork(read, entries, section, company) {
		let current = null;
		if (entries) {
			read.set('experience', entries.map(found => found.position), section);
			current = entries.find(found => !found.position.end) || null;
		}

		if (company && company.name) {
			read.set('employer', company.name, company.element);
		} else if (current) {
			read.set('employer', current.position.company, current.element);
		}

		if (current) {
			read.set('title', current.position.title, current.element);
		}
	}

	// /in/<vanity>/details/experience/, 2024: the whole experience list alone,
	// in the main column's first profile list (no top card, no About).
	function extractExperiencePage(document, read, language) {
		const section = kit.first(document, ['main section.artdeco-card', 'main section', 'main']);
		const entries = section ? readExperience(section, language) : null;
		if (!entries) {
			read.missing('experience');
			return;
		}

		finishWork(read, entries, section, null);
	}

	// ---- Server-driven view ------------------------------------------------

	const SDUI_CARD = 'section[componentkey^="com.linkedin.sdui.profile.card.ref"]';
	const ENTRY = 'div[componentkey^="entity-collection-item"]';

	function isSdui(document) {
		return Boolean(document.querySelector(`main#workspace, ${SDUI_CARD}`));
	}

	// The shown cards whose key ends in `name` ("Topcard", "About", ...).
	function sduiCards(document, name) {
		return kit.all(document, `${SDUI_CARD}[componentkey$="${name}"]`).filter(kit.isShown);
	}

	// The link to the profile itself: /in/<vanity>/ (relative or absolute), or
	// any /in/ link when the page is /in/me/.
	function profileLink(card, handle) {
		return kit.all(card, 'a[href*="/in/"]').find(link => {
			const path = (kit.parseUrl(kit.absoluteUrl(link.getAttribute('href'), 'https://www.linkedin.com/')) || {}).pathname || '';
			const match = /^\/in\/([^/]+)\/?$/.exec(path);
			return match && link.querySelector('h1, h2, h3, h4, h5, h6')
				&& (handle === 'me' || kit.normalizeHandle(match[1]) === handle);
		}) || null;
	}

	// The top card of this page's member. A single-page navigation can leave
	// the previous profile's card mounted for a moment: a card whose name does
	// not link to the page's own /in/<vanity>/ is someone else's.
	function sduiTopCard(document, handle) {
		for (const card of sduiCards(document, 'Topcard')) {
			const link = profileLink(card, handle);
			if (link) {
				return {card, name: link.querySelector('h1, h2, h3, h4, h5, h6')};
			}
		}

		return null;
	}

	// The <p>s beside the company and school icons: {companies, schools}.
	function besideIcon(card, icon) {
		return kit.all(card, `svg#${icon}`).map(svg => {
			for (let wrapper = svg.parentElement; wrapper && wrapper !== card; wrapper = wrapper.parentElement) {
				const paragraph = wrapper.querySelector('p');
				if (paragraph) {
					return paragraph;
				}
			}

			return null;
		}).filter(Boolean);
	}

	// The top card's paragraphs, classified. Read from the bottom: the contact
	// info paragraph (a link), a "·", the location, the "Company · School"
	// line when the member has either, then the headline; above it only the
	// pronouns and the degree badge, which are never taken. Nothing after the
	// contact info ("500+ connections", mutual connections) is read.
	function topCardLines(card, name) {
		const companies = besideIcon(card, 'company-accent-4');
		const schools = besideIcon(card, 'school-accent-4');
		const iconLines = new Set([...companies, ...schools]);
		const known = new Set([...companies, ...schools].map(kit.text).filter(Boolean));
		const paragraphs = kit.all(card, 'p').filter(paragraph => !name.contains(paragraph)
			&& !paragraph.closest('button, [aria-label="Profile photo"]'));
		const contact = paragraphs.find(paragraph => paragraph.querySelector('a, button')) || null;
		const lines = [];
		for (const paragraph of paragraphs) {
			if (paragraph === contact) {
				break;
			}

			const said = kit.text(paragraph);
			if (said === '' || /^[·•|]$/.test(said) || /^[·•]\s*\S{1,6}$/u.test(said)) {
				continue; // separators and the degree badge ("· 1.", "· 2nd")
			}

			if (iconLines.has(paragraph)) {
				continue;
			}

			const companyLine = known.size > 0 && said.split('·').every(part => known.has(part.trim()));
			lines.push({paragraph, companyLine});
		}

		return {lines, contact, companies};
	}

	function extractSduiView(document, read, page, language) {
		const top = sduiTopCard(document, page.handle);
		if (!top) {
			for (const field of ['name', 'headline', 'location', 'photo']) {
				read.missing(field);
			}
		} else {
			readSduiTopCard(document, top, read);
		}

		const [about] = sduiCards(document, 'About');
		if (about) {
			read.read('bio', about.querySelector('span[data-testid="expandable-text-box"]'), kit.blockText);
		}

		const [experience] = sduiCards(document, 'ExperienceTopLevelSection');
		const entries = experience ? readSduiExperience(experience, language) : null;
		if (experience && !entries) {
			read.missing('experience');
		}

		const [company] = top ? besideIcon(top.card, 'company-accent-4') : [];
		finishWork(read, entries, experience, company ? {name: kit.text(company), element: company} : null);
	}

	function readSduiTopCard(document, {card, name}, read) {
		read.read('name', name);
		const {lines, contact} = topCardLines(card, name);
		// The location sits just above the contact info; without that anchor
		// nothing tells it from the headline, so both are unread.
		const location = contact ? lines.at(-1) : null;
		read.read('location', location && !location.companyLine ? location.paragraph : null);
		const above = location ? lines.slice(0, -1).filter(line => !line.companyLine) : [];
		read.read('headline', above.length > 0 ? above.at(-1).paragraph : null);

		const shownName = kit.text(name);
		const photo = kit.first(card, ['[aria-label="Profile photo"] img', 'img[src*="profile-displayphoto"]'])
			|| kit.all(card, 'img[alt]').find(image => shownName !== '' && image.getAttribute('alt') === shownName) || null;
		read.read('photo', photo, image => ({url: kit.absoluteUrl(image.getAttribute('src'), document.baseURI)}));
	}

	// The <p>s of an entry, or of one role, outside its nested role list.
	function paragraphsOf(scope, skipRoles) {
		return kit.all(scope, 'p').filter(paragraph => kit.text(paragraph) !== ''
			&& !(skipRoles && paragraph.closest('ul') && scope.contains(paragraph.closest('ul'))));
	}

	// The first of `paragraphs` that reads as a date range in the language,
	// else the first whose text has a four-digit year (so that an unreadable
	// range in another language still makes the entry unreadable, not dateless).
	function datesOf(paragraphs, language) {
		const texts = paragraphs.map(kit.text);
		return texts.find(said => kit.dateRange(said, language)) || texts.find(said => /\b\d{4}\b/.test(said)) || '';
	}

	function readSduiExperience(section, language) {
		const items = kit.all(section, ENTRY).filter(item => !item.parentElement.closest(ENTRY));
		if (items.length === 0) {
			return null;
		}

		const entries = [];
		for (const item of items) {
			const roles = kit.all(item, 'ul > li').filter(role => role.querySelector('p'));
			if (roles.length > 0) {
				// Several roles at one company: the company heads the entry.
				const [head] = paragraphsOf(item, true);
				const company = kit.text(head);
				for (const role of roles) {
					const lines = paragraphsOf(role, false);
					entries.push(position(kit.text(lines[0]), company, datesOf(lines.slice(1), language), language, lines[0]));
				}
			} else {
				const lines = paragraphsOf(item, false);
				const company = kit.text(lines[1]).split('·')[0].trim();
				entries.push(position(kit.text(lines[0]), company, datesOf(lines.slice(2), language), language, lines[0]));
			}
		}

		return settle(entries);
	}

	// ---- The module --------------------------------------------------------

	function extract(document, url) {
		const page = pageKind(url) || {kind: 'view'};
		const language = kit.pageLanguage(document);
		const open = openForm(document, page);
		if (open) {
			const read = kit.collector('edit');
			({intro: extractIntro, about: extractAbout, position: extractPosition})[open.form](open.dialog, read, language);
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
			extractExperiencePage(document, read, language);
		} else if (isSdui(document)) {
			extractSduiView(document, read, page, language);
		} else {
			extractClassicView(document, read, page, language);
		}

		return read.result;
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
