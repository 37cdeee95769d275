'use strict';
// The content script: picks the site module for this page, asks whether the
// page is the user's own (someone else's page is left alone: nothing is read,
// nothing is sent), extracts the fields, asks the host for a check, and hands
// the warnings to the UI. Follows the typing in edit forms and the site's
// re-renders. After every completed check round it sets
// <html data-oneself-checks="N"> (N rounds completed on this document).
(function defineContent(root) {
	const {ui} = root.oneself;
	const content = (root.oneself.content ??= {});

	const FIELDS = ['name', 'firstName', 'lastName', 'headline', 'bio', 'location', 'website', 'employer', 'title', 'links', 'experience', 'photo'];
	// The two inputs of a split name form go with the name: typing in either
	// asks about all three, and the reply is fresh for all three.
	const NAME_PARTS = ['firstName', 'lastName'];
	const LISTS = ['links', 'experience'];
	const MUTATION_THROTTLE_MS = 200;
	const WAIT_FOR_FIELDS_MS = 8000;

	// The two parts of the canonical name for a split name form (LinkedIn's
	// Edit intro, Google's name editor). A check that carried firstName or
	// lastName gets name warnings with `canonicalParts` (the profile's given
	// and family names, or the site's override split by the host), and those
	// are used as they are: "de la Cruz" stays one family name. Without them
	// (an older host) the full name is split at its last space, "Ada Lovelace
	// Whitfield" → "Ada Lovelace" + "Whitfield". An empty family part (a name
	// of one word) leaves the last-name input as it is, since these forms
	// refuse an empty one.
	function splitName(full, parts) {
		if (typeof parts?.firstName === 'string' && parts.firstName !== '') {
			const family = typeof parts.lastName === 'string' && parts.lastName !== '' ? parts.lastName : null;
			return {given: parts.firstName, family};
		}

		const match = /^(.*\S)\s+(\S+)$/u.exec(full.trim());
		return match ? {given: match[1], family: match[2]} : {given: full.trim(), family: null};
	}

	// Each input is written the way ui.fill writes any field, so the site's
	// listeners hear both.
	function fillName(first, last, full, parts) {
		const {given, family} = splitName(full, parts);
		ui.fill(first, given);
		if (family !== null) {
			ui.fill(last, family);
		}
	}

	// send(channel, payload) → Promise<{ok, result | error}>
	function createPage({document, site, send, timers = root, delayMs = 300, now = () => Date.now()}) {
		const view = document.defaultView;
		let url = view.location.href;
		let kind = null;
		let mode = null; // 'view' | 'edit': the URL's kind, or what the module sees (an edit dialog)
		let checker = null;
		let elements = {};
		let sent = new Set(); // fields this page has asked about
		let sentValues = new Map(); // view pages: field → the value asked about (JSON), to ask again when the page shows another
		let warnings = new Map(); // field → [{warning, host}]
		let rounds = 0;
		let generation = 0; // bumped on navigation: late answers of the old page are dropped
		let waitingSince = null;
		let ownership = null; // {profiles, mine, until}: asking isOwnProfile again on re-renders
		let reported = null; // the last page.report, to send only changes
		let tick = null;
		let observer = null;
		let stopped = false;
		let orphans = null; // the panel this script made for warnings whose field is not on the page

		const allWarnings = () => [...warnings.values()].flat().map(entry => entry.warning);

		function extract() {
			try {
				const result = site.extract(document, url) ?? {};
				const fields = {};
				for (const [name, value] of Object.entries(result.fields ?? {})) {
					if (FIELDS.includes(name) && value !== undefined && value !== null) {
						fields[name] = value;
					}
				}

				// The module may see an edit dialog open over a view URL.
				const mode = result.kind === 'edit' || result.kind === 'view' ? result.kind : null;
				return {mode, fields, elements: result.elements ?? {}, unread: Array.isArray(result.unread) ? result.unread : []};
			} catch {
				return {mode: null, fields: {}, elements: {}, unread: []};
			}
		}

		// Beside its field, or in the panel of warnings with no field on the
		// page. Call tidyOrphans() once the warnings are placed.
		function place(entry) {
			const field = elements[entry.warning.field];
			if (field?.isConnected) {
				ui.warning.attach(entry.host, field);
				return;
			}

			orphans ??= ui.orphans.create(document);
			ui.orphans.hold(orphans, entry.host);
		}

		// The panel says how many it holds, and leaves the page when empty.
		function tidyOrphans() {
			if (orphans) {
				ui.orphans.sync(orphans, [...warnings.values()].flat().filter(entry => entry.host.parentElement === orphans).length);
			}
		}

		function optionsFor(warning) {
			// A list (Mastodon's profile rows) has no one input to write into:
			// its element is only where the warning sits. Copy still works.
			const editable = mode === 'edit' && !LISTS.includes(warning.field) && ui.isEditable(elements[warning.field]);
			return {
				site: site.id,
				editable,
				onUse: value => {
					const {firstName: first, lastName: last} = elements;
					if (warning.field === 'name' && first?.isConnected && last?.isConnected && first !== last) {
						fillName(first, last, value, warning.canonicalParts);
						return;
					}

					const field = elements[warning.field];
					if (field?.isConnected) {
						ui.fill(field, value);
					}
				},
				onIgnore: current => ignore(current),
				onCopy: value => copy(value),
			};
		}

		function render(field, fresh) {
			const old = warnings.get(field) ?? [];
			const next = [];
			fresh.forEach((warning, index) => {
				const entry = old[index];
				if (entry) {
					ui.warning.update(entry.host, warning, optionsFor(warning));
					entry.warning = warning;
					next.push(entry);
				} else {
					next.push({warning, host: ui.warning.create(document, warning, optionsFor(warning))});
				}
			});
			for (const entry of old.slice(fresh.length)) {
				ui.warning.detach(entry.host, elements[field]);
			}

			if (next.length > 0) {
				warnings.set(field, next);
				next.forEach(place);
			} else {
				warnings.delete(field);
			}

			tidyOrphans();
		}

		function completeRound() {
			rounds++;
			document.documentElement.dataset.oneselfChecks = String(rounds);
			const all = allWarnings();
			ui.announcer.announce(document, ui.announcer.roundText(all.length));
			ui.summary.render(document, mode === 'view' ? all : [], {onSelect: reveal});
		}

		// From the summary to the warning itself: scrolled to and focused.
		function reveal(warning) {
			const entry = (warnings.get(warning.field) ?? []).find(candidate => candidate.warning === warning);
			if (!entry?.host.isConnected) {
				return;
			}

			if (entry.host.parentElement === orphans) {
				ui.orphans.open(orphans); // the user may have closed it
			}

			entry.host.scrollIntoView?.({block: 'center', behavior: 'smooth'});
			const button = [...entry.host.shadowRoot.querySelectorAll('button')].find(candidate => !candidate.hidden);
			button?.focus();
		}

		function apply(reply, freshFields) {
			const byField = new Map(freshFields.map(field => [field, []]));
			for (const warning of reply.result?.warnings ?? []) {
				if (byField.has(warning.field)) {
					byField.get(warning.field).push(warning);
				}
			}

			for (const [field, list] of byField) {
				render(field, list);
			}

			// The mark says how the last round ended, not that one ever failed.
			delete document.documentElement.dataset.oneselfError;
			completeRound();
		}

		function fail(reply) {
			// A failed round still completes: the popup shows the host state and its fix.
			const error = reply?.error ?? {message: String(reply?.message ?? reply)};
			document.documentElement.dataset.oneselfError = String(error.code ?? 'error');
			completeRound();
		}

		async function ignore(warning) {
			const reply = await send('ignore.add', {site: site.id, field: warning.field, observed: warning.observed});
			const mine = (warnings.get(warning.field) ?? []).filter(entry => entry.warning === warning);
			if (!reply?.ok) {
				const text = `oneself could not ignore this: ${reply?.error?.message ?? 'no answer'}`;
				for (const entry of mine) {
					ui.warning.showProblem(entry.host, text);
				}

				ui.announcer.announce(document, text);
				return;
			}

			const kept = (warnings.get(warning.field) ?? []).filter(entry => entry.warning !== warning);
			const hadFocus = mine.some(entry => document.activeElement === entry.host);
			const fromPanel = orphans !== null && mine.some(entry => entry.host.parentElement === orphans);
			for (const entry of mine) {
				ui.warning.detach(entry.host, elements[warning.field]);
			}

			if (kept.length > 0) {
				warnings.set(warning.field, kept);
			} else {
				warnings.delete(warning.field);
			}

			tidyOrphans();

			ui.summary.render(document, mode === 'view' ? allWarnings() : [], {onSelect: reveal});

			// Once the panel and the badge say what is left, so the focus
			// lands on something that stays.
			if (hadFocus) {
				refocus(elements[warning.field], fromPanel);
			}

			ui.announcer.announce(document, 'oneself: ignored on this site.');
		}

		// The focused button went away with its warning: the focus goes back
		// to the field; for a warning of the corner panel (no field on the
		// page), to the panel while it holds others, else to where it was
		// before the panel; failing those, to the summary's badge. Anywhere
		// rather than falling to the page's body.
		function refocus(field, fromPanel) {
			if (focusField(field) || (fromPanel && ui.orphans.refocus(orphans))) {
				return;
			}

			ui.summary.focus(document);
		}

		function focusField(field) {
			if (!field?.isConnected) {
				return false;
			}

			// A view page's field is text: focusable by script only.
			if (!ui.isEditable(field) && field.tabIndex < 0 && !field.hasAttribute('tabindex')) {
				field.setAttribute('tabindex', '-1');
			}

			field.focus({preventScroll: true});
			return true;
		}

		async function copy(text) {
			try {
				await view.navigator.clipboard.writeText(text);
			} catch {
				// Without focus the async clipboard refuses; the old way still works.
				const area = document.createElement('textarea');
				area.value = text;
				area.setAttribute('readonly', '');
				area.style.cssText = 'position:fixed;left:-9999px;top:0;';
				document.body.append(area);
				area.select();
				document.execCommand('copy');
				area.remove();
			}

			ui.announcer.announce(document, 'oneself: copied.');
		}

		function fieldOf(target) {
			for (const [field, element] of Object.entries(elements)) {
				if (element && (element === target || element.contains?.(target))) {
					return field;
				}
			}

			return null;
		}

		function onInput(event) {
			if (mode !== 'edit' || !checker) {
				return;
			}

			let field = fieldOf(event.target);
			if (!field) {
				// The form may have been re-rendered: look again.
				elements = extract().elements;
				field = fieldOf(event.target);
			}

			if (!field || !FIELDS.includes(field)) {
				return;
			}

			// Every warning on this input follows the count (the first-name
			// input is both `name` and `firstName`).
			for (const [name, element] of Object.entries(elements)) {
				if (element === elements[field]) {
					for (const entry of warnings.get(name) ?? []) {
						ui.warning.setCount(entry.host, ui.currentValue(element));
					}
				}
			}

			if (NAME_PARTS.includes(field)) {
				field = 'name'; // a split name form: either input changes the name
			}

			checker.input(field);
		}

		// kind 'none': not a profile page, so that the popup and the badge
		// forget the page the tab showed before a navigation inside the site.
		// `read`: the fields found, so that the background can say when each
		// was last read on the user's own pages (options page).
		function report(own, unread = [], read = []) {
			reported = JSON.stringify([own, unread, read]);
			return send('page.report', {site: site.id, kind: mode ?? kind?.kind ?? 'none', own, handle: kind?.handle ?? null, unread, read});
		}

		function clearWarnings() {
			for (const [field, list] of warnings) {
				for (const entry of list) {
					ui.warning.detach(entry.host, elements[field]);
				}
			}

			warnings = new Map();
			tidyOrphans();
			ui.summary.render(document, []);
		}

		function clear() {
			clearWarnings();
			checker?.dispose();
			checker = null;
			elements = {};
			sent = new Set();
			sentValues = new Map();
			waitingSince = null;
			ownership = null;
			reported = null;
		}

		// A new page (first load or a navigation inside the site).
		async function start() {
			generation++;
			const mine = generation;
			clear();
			url = view.location.href;
			kind = site.pageKind(url);
			mode = kind?.kind ?? null;
			if (!kind) {
				await report(false);
				return;
			}

			const profiles = await send('profiles.mine', {site: site.id});
			if (mine !== generation || stopped) {
				return;
			}

			if (!profiles?.ok) {
				fail(profiles);
				return;
			}

			ownership = {profiles: profiles.result.profiles ?? [], mine, until: now() + WAIT_FOR_FIELDS_MS};
			if (!isOwn()) {
				// Someone else's page, as far as can be told now: nothing is
				// read or sent. A page that shows who it belongs to late (an
				// "Edit profile" button rendered by script) is asked again on
				// the next re-renders, for a few seconds.
				await report(false);
				return;
			}

			await becomeOwn(mine);
		}

		function isOwn() {
			try {
				return site.isOwnProfile(document, url, ownership.profiles) === true;
			} catch {
				return false;
			}
		}

		// Whether the tab has moved on from the page whose owner was decided: a
		// single-page site changes its address (and its content) without a new
		// document, and start() notices only on the next mutation tick. Nothing
		// is read or sent for the old address meanwhile: the page may already
		// be someone else's.
		function leftPage() {
			return view.location.href !== url;
		}

		function makeChecker(mine) {
			return content.createChecker({
				send: fields => (leftPage() ? Promise.resolve(null) : send('check', {site: site.id, mode, fields: withNameParts(fields)})),
				read: field => (leftPage() ? '' : extract().fields[field] ?? ''),
				apply: (reply, fresh) => {
					if (mine === generation) {
						apply(reply, fresh.includes('name') ? [...new Set([...fresh, ...NAME_PARTS.filter(part => part in elements)])] : fresh);
					}
				},
				fail: reply => {
					if (mine === generation) {
						fail(reply);
					}
				},
				timers,
				delayMs,
			});
		}

		// A recheck of the name on a split name form carries both inputs.
		function withNameParts(fields) {
			if (!('name' in fields) || NAME_PARTS.every(part => part in fields || !(part in elements))) {
				return fields;
			}

			const current = extract().fields;
			const parts = Object.fromEntries(NAME_PARTS.filter(part => part in current).map(part => [part, current[part]]));
			return {...fields, ...parts};
		}

		// The photo's own check, beside a round: its warnings join the page
		// when its answer comes; it completes no round (the round did).
		function checkPhoto(photo) {
			const asked = generation;
			const askedMode = mode;
			send('check', {site: site.id, mode, fields: {photo}}).then(reply => {
				if (asked !== generation || askedMode !== mode || leftPage() || !reply?.ok) {
					return;
				}

				render('photo', (reply.result?.warnings ?? []).filter(warning => warning.field === 'photo'));
				ui.summary.render(document, mode === 'view' ? allWarnings() : [], {onSelect: reveal});
			}, () => {});
		}

		async function becomeOwn(mine) {
			ownership = null;
			checker = makeChecker(mine);
			waitingSince = now();
			await scan();
		}

		// Reads the page again: puts warnings back after a re-render, and
		// checks fields that have appeared since the last round.
		async function scan() {
			if (!kind || !checker || leftPage()) {
				return;
			}

			const found = extract();
			if (found.mode && found.mode !== mode) {
				// An edit dialog opened (or closed) over the same URL: the
				// fields are asked again, in the new mode, and answers still
				// on their way for the old mode are dropped.
				clearWarnings();
				mode = found.mode;
				sent = new Set();
				sentValues = new Map();
				checker.dispose();
				checker = makeChecker(generation);
			}

			elements = found.elements;
			for (const list of warnings.values()) {
				list.forEach(place);
			}

			tidyOrphans();

			// New fields, and on a view page fields that now show another value
			// (a card re-rendered after the site's Save, a late-loaded card
			// replacing a placeholder). In edit forms the typing is followed instead.
			const changed = ([name, value]) => mode === 'view' && sentValues.has(name) && sentValues.get(name) !== JSON.stringify(value);
			const fresh = Object.fromEntries(Object.entries(found.fields).filter(entry => !sent.has(entry[0]) || changed(entry)));
			const waited = now() - (waitingSince ?? now());
			if (Object.keys(fresh).length === 0 && sent.size === 0 && waited < WAIT_FOR_FIELDS_MS) {
				return; // the page has not rendered its fields yet
			}

			const unread = found.unread.filter(name => !(name in found.fields));
			const read = Object.keys(found.fields);
			if (JSON.stringify([true, unread, read]) !== reported) {
				await report(true, unread, read);
			}

			if (Object.keys(fresh).length > 0) {
				for (const [name, value] of Object.entries(fresh)) {
					sent.add(name);
					sentValues.set(name, JSON.stringify(value));
				}

				const {photo, ...text} = fresh;
				if (photo !== undefined && Object.keys(text).length > 0) {
					// The photo may take seconds to fetch, or never arrive: the
					// text fields' warnings are shown at once, its own when it comes.
					const textRound = checker.round(text);
					checkPhoto(photo);
					await textRound;
				} else {
					await checker.round(fresh);
				}
			} else if (sent.size === 0 && rounds === 0) {
				// Nothing readable at all: the round completes empty.
				completeRound();
				sent.add('');
			}
		}

		function onMutation() {
			if (tick || stopped) {
				return;
			}

			tick = timers.setTimeout(() => {
				tick = null;
				if (view.location.href !== url) {
					start();
				} else if (ownership && !checker) {
					if (now() > ownership.until) {
						ownership = null;
					} else if (isOwn()) {
						becomeOwn(ownership.mine);
					}
				} else {
					scan();
				}
			}, MUTATION_THROTTLE_MS);
		}

		function begin() {
			// `change` too: pickers and autocompletes set a value without typing.
			document.addEventListener('input', onInput, true);
			document.addEventListener('change', onInput, true);
			observer = new view.MutationObserver(onMutation);
			// Attributes too: a <dialog> kept in the page opens and closes by its
			// `open` attribute, and a mounted screen is hidden or shown by `hidden`.
			observer.observe(document.documentElement, {childList: true, subtree: true, attributes: true, attributeFilter: ['open', 'hidden']});
			return start();
		}

		function stop() {
			stopped = true;
			observer?.disconnect();
			document.removeEventListener('input', onInput, true);
			document.removeEventListener('change', onInput, true);
			timers.clearTimeout(tick);
			clear();
		}

		return {begin, stop, scan, get rounds() {
			return rounds;
		}, get warnings() {
			return allWarnings();
		}};
	}

	content.createPage = createPage;

	// In the browser: start on the module for this page, once per document.
	const {ext, sites} = root.oneself;
	if (ext?.available() && !root.oneself.contentStarted && root.document) {
		root.oneself.contentStarted = true;
		// Each manifest entry injects only its own site's module; Mastodon
		// instances have dynamic hosts, so a lone module is the one.
		const site = sites.forUrl(root.location.href) ?? (sites.all().length === 1 ? sites.all()[0] : undefined);
		if (site) {
			const send = (channel, payload) => ext.sendMessage({channel, payload})
				.catch(error => ({ok: false, error: {code: 'extension', message: String(error?.message ?? error)}}));
			createPage({document: root.document, site, send}).begin();
		}
	}
})(globalThis);
