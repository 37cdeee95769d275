'use strict';
// Small helpers the site modules share: reading text and form values, handle
// matching for isOwnProfile, and the {kind, fields, elements, unread} result.
// Loaded after lib/namespace.js and before every sites/<id>.js. Not a site
// module itself (it does not register).
(function createSiteKit(root) {
	const oneself = root.oneself;
	if (oneself.siteKit) {
		return;
	}

	// Visible text of an element with runs of whitespace folded, or ''.
	function text(element) {
		if (!element) {
			return '';
		}

		return (element.textContent || '').replace(/\s+/g, ' ').trim();
	}

	// Multi-line text (bios): <br> and block elements become line breaks (a
	// textContent would glue "day.<br>Ask" into "day.Ask"), other runs of
	// whitespace fold to one space.
	const blockTags = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'BLOCKQUOTE', 'SECTION']);
	function blockText(element) {
		if (!element) {
			return '';
		}

		const parts = [];
		(function walk(node) {
			for (const child of node.childNodes) {
				if (child.nodeType === 3) {
					parts.push(child.nodeValue.replace(/\s+/g, ' '));
				} else if (child.nodeType === 1) {
					if (child.tagName === 'BR') {
						parts.push('\n');
					} else if (child.tagName !== 'SCRIPT' && child.tagName !== 'STYLE') {
						const block = blockTags.has(child.tagName);
						if (block) {
							parts.push('\n');
						}

						walk(child);
						if (block) {
							parts.push('\n');
						}
					}
				}
			}
		})(element);
		return parts.join('')
			.split('\n')
			.map(line => line.replace(/ +/g, ' ').trim())
			.join('\n')
			.replace(/\n{3,}/g, '\n\n')
			.trim();
	}

	// The current value of a form control as the user sees it: an input's or
	// textarea's value, a select's chosen option text, a contenteditable's text.
	function value(element) {
		if (!element) {
			return '';
		}

		const tag = element.tagName;
		if (tag === 'SELECT') {
			const option = element.options[element.selectedIndex];
			return option && option.value !== '' ? text(option) : '';
		}

		if (tag === 'INPUT' || tag === 'TEXTAREA') {
			return element.value.trim();
		}

		return blockText(element);
	}

	// The first element matching any of `selectors`, tried in order (the first
	// selector is the preferred hook, later ones are fallbacks).
	function first(scope, selectors) {
		for (const selector of selectors) {
			const found = scope.querySelector(selector);
			if (found) {
				return found;
			}
		}

		return null;
	}

	function all(scope, selector) {
		return [...scope.querySelectorAll(selector)];
	}

	// An element whose own text (after folding) is exactly `label`, among `selector`.
	function byText(scope, selector, label) {
		const wanted = label.toLowerCase();
		return all(scope, selector).find(element => text(element).toLowerCase() === wanted) || null;
	}

	// The form control labelled `label` (by <label for>, aria-label, or a
	// wrapping <label>), case-insensitively.
	function byLabel(scope, label) {
		const wanted = label.toLowerCase();
		for (const element of all(scope, 'label')) {
			if (text(element).replace(/\s*\*$/, '').toLowerCase() !== wanted) {
				continue;
			}

			const id = element.getAttribute('for');
			const control = id ? (scope.ownerDocument || scope).getElementById(id)
				: element.querySelector('input, textarea, select, [contenteditable="true"]');
			if (control) {
				return control;
			}
		}

		return all(scope, 'input, textarea, select, [contenteditable="true"]')
			.find(element => (element.getAttribute('aria-label') || '').toLowerCase() === wanted) || null;
	}

	// Whether `element` is on the screen the user sees: false when it or an
	// ancestor is `hidden`, `inert`, aria-hidden="true" or display: none
	// (inline or computed). Single-page apps (bsky.app's navigator) keep
	// earlier screens mounted but hidden, so "the first match in the document"
	// can be another person's page. Layout is not consulted (getClientRects is
	// empty in jsdom, and an off-screen element is still shown).
	function isShown(element) {
		if (!element) {
			return false;
		}

		const view = element.ownerDocument && element.ownerDocument.defaultView;
		const computed = view && typeof view.getComputedStyle === 'function' ? view.getComputedStyle.bind(view) : null;
		for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
			if (node.hasAttribute('hidden') || node.hasAttribute('inert') || node.getAttribute('aria-hidden') === 'true') {
				return false;
			}

			if (node.style && node.style.display === 'none') {
				return false;
			}

			if (computed) {
				let style = null;
				try {
					style = computed(node);
				} catch {}

				if (style && style.display === 'none') {
					return false;
				}
			}
		}

		return true;
	}

	// The first element matching any of `selectors` (tried in order) that is
	// shown (isShown), or null.
	function firstShown(scope, selectors) {
		for (const selector of selectors) {
			const found = all(scope, selector).find(isShown);
			if (found) {
				return found;
			}
		}

		return null;
	}

	// The page's address as a URL, or null when it is not one (every module's
	// pageKind starts here).
	function parseUrl(url) {
		try {
			return new URL(url);
		} catch {
			return null;
		}
	}

	function absoluteUrl(href, base) {
		try {
			return new URL(href, base).href;
		} catch {
			return '';
		}
	}

	function metaContent(document, property) {
		const meta = document.querySelector(`meta[property="${property}"], meta[name="${property}"]`);
		return meta ? (meta.getAttribute('content') || '').trim() : '';
	}

	// Handles compare without case, a leading @, surrounding slashes or
	// percent-encoding: "@AdaWhitfield/" is "adawhitfield".
	function normalizeHandle(handle) {
		if (typeof handle !== 'string') {
			return '';
		}

		let decoded = handle.trim();
		try {
			decoded = decodeURIComponent(decoded);
		} catch {}

		return decoded.replace(/^@+/, '').replace(/^\/+|\/+$/g, '').toLowerCase();
	}

	// Network names match site ids or names without regard to case, and a few
	// names people write for X and Google do too (the background's
	// NETWORK_ALIASES in background/site-hosts.js; a test holds them together).
	const networkAliases = {twitter: 'x', 'x (twitter)': 'x', 'twitter/x': 'x', 'google account': 'google'};
	function networkMatches(site, network) {
		if (typeof network !== 'string') {
			return false;
		}

		const name = network.trim().toLowerCase();
		const id = networkAliases[name] || name;
		return id === site.id || id === site.name.toLowerCase();
	}

	// The profiles[] entries that belong to `site`. Entries without a network
	// are kept: the caller may already have chosen this network's entries.
	function profilesFor(site, profiles) {
		if (!Array.isArray(profiles)) {
			return [];
		}

		return profiles.filter(entry => entry && typeof entry === 'object'
			&& (entry.network === undefined || networkMatches(site, entry.network)));
	}

	// The handle a profiles[] entry names: its username, else the handle in its URL.
	function entryHandles(site, entry) {
		const handles = [];
		if (typeof entry.username === 'string' && entry.username.trim() !== '') {
			handles.push(normalizeHandle(entry.username));
		}

		// A URL given as the username ("linkedin.com/in/ada") is read as a URL too.
		const urls = [entry.url, typeof entry.username === 'string' && entry.username.includes('/') ? entry.username : null];
		for (const given of urls) {
			if (typeof given !== 'string' || given.trim() === '') {
				continue;
			}

			let url = given.trim();
			if (!/^[a-z]+:\/\//i.test(url)) {
				url = `https://${url}`;
			}

			try {
				const page = site.pageKind(url);
				if (page && page.handle) {
					handles.push(normalizeHandle(page.handle));
				}
			} catch {}
		}

		return handles;
	}

	// Own when a profiles[] entry for the site names the page's handle.
	function handleIsOwn(site, handle, profiles) {
		const wanted = normalizeHandle(handle);
		if (wanted === '') {
			return false;
		}

		return profilesFor(site, profiles).some(entry => entryHandles(site, entry).includes(wanted));
	}

	// Collects what a module reads into the contract's result. `read(field,
	// element, valueOf)`: element null means the hook was not found (unread);
	// `skip(field)` means the page does not show that field (not unread).
	function collector(kind) {
		const result = {kind, fields: {}, elements: {}, unread: []};
		return {
			result,
			read(field, element, valueOf = text) {
				if (!element) {
					if (!result.unread.includes(field)) {
						result.unread.push(field);
					}

					return undefined;
				}

				const got = valueOf(element);
				result.fields[field] = got;
				result.elements[field] = element;
				return got;
			},
			set(field, fieldValue, element) {
				result.fields[field] = fieldValue;
				if (element) {
					result.elements[field] = element;
				}
			},
			element(name, element) {
				if (element) {
					result.elements[name] = element;
				}
			},
			missing(field) {
				if (!result.unread.includes(field)) {
					result.unread.push(field);
				}
			},
		};
	}

	// Dates as LinkedIn prints them, in the member's interface language:
	// "Mar 2021 - Present", "Jan. 2020 – Heute", "janv. 2020 - aujourd’hui",
	// "ene. de 2020 - actualidad", "set. de 2019 - o momento". Month names come
	// from the browser's locale data (Intl.DateTimeFormat), so they are the
	// CLDR names of each language; only the word for "now" has no locale data
	// and is listed here. A language not listed reads no dates at all (fail
	// closed: a field left unread, never a wrong one).
	const presentWords = {
		en: ['present', 'now', 'current'],
		de: ['heute', 'aktuell', 'jetzt'],
		fr: ['aujourd\'hui', 'présent', 'actuel'],
		es: ['actualidad', 'la actualidad', 'presente', 'actual'],
		pt: ['o momento', 'momento', 'presente', 'atual', 'hoje'],
		it: ['presente', 'oggi', 'attuale'],
		nl: ['heden', 'nu', 'huidig'],
	};
	// Words between the month and the year ("ene. de 2020").
	const dateJoiners = new Set(['de', 'del']);
	const dateLanguages = Object.keys(presentWords);
	const monthCache = new Map();

	// The page's interface language: the primary subtag of <html lang>, lowercase, or ''.
	function pageLanguage(document) {
		const lang = (document && document.documentElement && document.documentElement.getAttribute('lang')) || '';
		return lang.trim().toLowerCase().split(/[-_]/)[0];
	}

	// The languages to read a date in: the page's own when it is one of
	// dateLanguages, every one of them when the page names none, and none when
	// it names another (fail closed).
	function dateLanguagesFor(language) {
		const primary = (language || '').toLowerCase().split(/[-_]/)[0];
		if (primary === '') {
			return dateLanguages;
		}

		return dateLanguages.includes(primary) ? [primary] : [];
	}

	function foldWord(word) {
		return word.toLowerCase().replace(/[’ʼ`]/g, '\'').replace(/\.$/, '').trim();
	}

	// {long: [12 names], short: Set of token → month} for one language, from Intl.
	function monthsOf(language) {
		if (monthCache.has(language)) {
			return monthCache.get(language);
		}

		const long = [];
		const tokens = new Map();
		for (let month = 0; month < 12; month++) {
			const date = Date.UTC(2020, month, 15);
			const names = [];
			for (const options of [{month: 'long'}, {month: 'short'}, {month: 'long', year: 'numeric'}, {month: 'short', year: 'numeric'}]) {
				try {
					const parts = new Intl.DateTimeFormat(language, {...options, timeZone: 'UTC'}).formatToParts(date);
					names.push(...parts.filter(part => part.type === 'month').map(part => foldWord(part.value)));
				} catch {}
			}

			long.push(names[0] || '');
			for (const name of names) {
				tokens.set(name, month + 1);
			}
		}

		const months = {long, tokens};
		monthCache.set(language, months);
		return months;
	}

	// The month (1-12) a word names in `language`: a full or abbreviated CLDR
	// name, or the start (3 letters or more) of exactly one full name ("Sept",
	// "Mär"); 0 if none.
	function monthOf(word, language) {
		const token = foldWord(word);
		const {long, tokens} = monthsOf(language);
		if (tokens.has(token)) {
			return tokens.get(token);
		}

		if ([...token].length < 3) {
			return 0;
		}

		const starts = long.map((name, index) => (name.startsWith(token) ? index + 1 : 0)).filter(Boolean);
		return starts.length === 1 ? starts[0] : 0;
	}

	// "Mar 2021" → "2021-03", "2017" → "2017", "ene. de 2020" → "2020-01" (in
	// Spanish); '' when unknown. One language or, without one, every language
	// dateLanguagesFor allows whose months agree.
	function monthYear(phrase, language = 'en') {
		const words = (phrase || '').replace(/\s+/g, ' ').trim().split(' ').filter(word => !dateJoiners.has(word.toLowerCase()));
		if (words.length === 0 || words.length > 2 || !/^\d{4}$/.test(words.at(-1))) {
			return '';
		}

		const year = words.at(-1);
		if (words.length === 1) {
			return year;
		}

		const found = new Set(dateLanguagesFor(language).map(code => monthOf(words[0], code)).filter(Boolean));
		if (found.size !== 1) {
			return '';
		}

		return `${year}-${String([...found][0]).padStart(2, '0')}`;
	}

	function isPresent(phrase, language) {
		const folded = foldWord(phrase.replace(/\s+/g, ' '));
		return dateLanguagesFor(language).some(code => presentWords[code].includes(folded));
	}

	// "Mar 2021 - Present · 4 yrs 9 mos" → {start: '2021-03'} (no end: current);
	// "Jun 2017 – Feb 2021" → {start: '2017-06', end: '2021-02'};
	// "Jan. 2020 – Heute · 5 J. 11 Mon." (German) → {start: '2020-01'}.
	// null when either end cannot be read in the language.
	function dateRange(phrase, language = 'en') {
		const range = (phrase || '').split('·')[0].trim();
		const parts = range.split(/\s+[-–—]\s+|\s+to\s+/);
		if (parts.length > 2) {
			return null;
		}

		const start = monthYear(parts[0], language);
		if (!start) {
			return null;
		}

		if (parts.length < 2) {
			return {start};
		}

		if (isPresent(parts[1], language)) {
			return {start};
		}

		const end = monthYear(parts[1], language);
		return end ? {start, end} : null;
	}

	oneself.siteKit = Object.freeze({
		text,
		blockText,
		value,
		first,
		all,
		byText,
		byLabel,
		isShown,
		firstShown,
		parseUrl,
		absoluteUrl,
		metaContent,
		normalizeHandle,
		networkMatches,
		profilesFor,
		handleIsOwn,
		collector,
		pageLanguage,
		dateLanguagesFor,
		monthYear,
		dateRange,
	});
})(globalThis);
