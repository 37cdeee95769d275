'use strict';
// One inline warning, knowing nothing of sites. The light-DOM element
// <oneself-warning data-field data-severity data-code> holds the message as
// its text (the test contract, and the description the field's
// aria-describedby points to); the visible UI lives in its open shadow root.
// Everything is written with textContent: page values never become markup.
(function defineWarning(root) {
	const ui = (root.oneself.ui ??= {});
	let serial = 0;
	// Canonical values longer than this are clamped to three lines.
	const LONG_VALUE = 240;
	// The field in the buttons' names: several warnings on a page each have
	// a "Copy", and a screen reader lists them out of context.
	const FIELD_WORDS = {firstName: 'first name', lastName: 'last name', title: 'job title'};

	const element = (...args) => ui.text.element(...args);

	// warning: the host's {field, severity, code, observed, canonical, message, suggestion?, limit?}
	// options: {site, editable, onUse(value), onIgnore(), onCopy(value)}
	function create(document, warning, options = {}) {
		const host = document.createElement('oneself-warning');
		host.id = `oneself-warning-${++serial}`;
		const shadow = host.attachShadow({mode: 'open'});
		shadow.append(element(document, 'style', {}, ui.styles.warning));

		// The group is named by its message (ids are scoped to the shadow root).
		const box = element(document, 'div', {class: 'box', role: 'group', part: 'box', 'aria-labelledby': 'message'});
		const message = element(document, 'p', {class: 'message', id: 'message'});
		// The message is the light-DOM text, shown through the slot.
		message.append(document.createElement('slot'));

		const canonical = element(document, 'p', {class: 'canonical'});
		const label = element(document, 'span', {class: 'label'}, 'Your profile: ');
		const value = element(document, 'span', {class: 'value'});
		// A long canonical value (the About) shows three lines until asked.
		const more = element(document, 'button', {type: 'button', class: 'more', 'data-action': 'more', 'aria-expanded': 'false'}, 'Show all');
		more.addEventListener('click', () => {
			state.expanded = !state.expanded;
			showExpanded(host);
		});
		canonical.append(label, value, more);

		const count = element(document, 'p', {class: 'count', 'aria-live': 'off'});
		// What went wrong with a button (a failed Ignore), beside it.
		const problem = element(document, 'p', {class: 'problem', role: 'alert', hidden: ''});
		const actions = element(document, 'div', {class: 'actions'});
		const use = element(document, 'button', {type: 'button', 'data-action': 'use'}, 'Use canonical');
		const ignore = element(document, 'button', {type: 'button', 'data-action': 'ignore'}, 'Ignore on this site');
		const copy = element(document, 'button', {type: 'button', 'data-action': 'copy'}, 'Copy');
		actions.append(use, ignore, copy);
		box.append(message, canonical, count, actions, problem);
		shadow.append(box);

		// expanded: "Show all" was clicked; it stays so across rechecks.
		// problemFor: what the failure shown (if any) is about (problemKey).
		const state = {warning, options, expanded: false, problemFor: null};
		host.oneselfState = state;
		use.addEventListener('click', () => state.options.onUse?.(fillValue(state.warning)));
		ignore.addEventListener('click', () => state.options.onIgnore?.(state.warning));
		copy.addEventListener('click', () => state.options.onCopy?.(fillValue(state.warning)));
		update(host, warning, options);
		return host;
	}

	// The text that "Use canonical" and "Copy" write: the host's suggestion
	// (a fitted value) when it gave one, else the canonical value.
	function fillValue(warning) {
		if (typeof warning.suggestion === 'string') {
			return warning.suggestion;
		}

		return typeof warning.canonical === 'string' ? warning.canonical : ui.text.display(warning.canonical);
	}

	function update(host, warning, options = host.oneselfState.options) {
		host.oneselfState.warning = warning;
		host.oneselfState.options = options;
		host.dataset.field = String(warning.field ?? '');
		host.dataset.severity = String(warning.severity ?? 'warning');
		host.dataset.code = String(warning.code ?? 'differs');
		host.textContent = String(warning.message ?? '');
		if (host.oneselfState.problemFor !== problemKey(warning)) {
			showProblem(host, '');
		}

		const shadow = host.shadowRoot;
		const canonicalText = fillValue(warning);
		shadow.querySelector('.value').textContent = canonicalText;
		shadow.querySelector('.canonical').hidden = canonicalText === '';
		shadow.querySelector('[data-action="more"]').hidden = canonicalText.length <= LONG_VALUE;
		showExpanded(host);
		const field = FIELD_WORDS[warning.field] ?? String(warning.field ?? '');
		shadow.querySelector('[data-action="use"]').setAttribute('aria-label', `Use canonical ${field}`);
		shadow.querySelector('[data-action="ignore"]').setAttribute('aria-label', `Ignore on this site (${field})`);
		shadow.querySelector('[data-action="copy"]').setAttribute('aria-label', `Copy canonical ${field}`);
		shadow.querySelector('[data-action="use"]').hidden = !(options.editable && canonicalText !== '' && warning.field !== 'photo');
		shadow.querySelector('[data-action="copy"]').hidden = canonicalText === '' || warning.field === 'photo';
		shadow.querySelector('[data-action="ignore"]').hidden = !options.onIgnore;
		setCount(host, warning.code === 'too_long' ? warning.observed : null);
	}

	// The clamp, the button's label and aria-expanded, from the state.
	function showExpanded(host) {
		const shadow = host.shadowRoot;
		const more = shadow.querySelector('[data-action="more"]');
		const open = host.oneselfState.expanded && !more.hidden;
		shadow.querySelector('.canonical').toggleAttribute('data-clamped', !more.hidden && !open);
		more.textContent = open ? 'Show less' : 'Show all';
		more.setAttribute('aria-expanded', String(open));
	}

	// Shows (or, with an empty text, hides) what went wrong in this warning.
	function showProblem(host, text) {
		const problem = host.shadowRoot.querySelector('.problem');
		problem.textContent = text;
		problem.hidden = text === '';
		host.oneselfState.problemFor = text === '' ? null : problemKey(host.oneselfState.warning);
	}

	// A failure (a refused Ignore) is about the value the warning showed
	// then: it stays while a recheck reports that same value, and goes when
	// the warning is updated to another one.
	function problemKey(warning) {
		return JSON.stringify([warning.field, warning.observed ?? null]);
	}

	// too_long: "243 / 220 characters", updated as the user types.
	function setCount(host, text) {
		const {warning, options} = host.oneselfState;
		const count = host.shadowRoot.querySelector('.count');
		if (warning.code !== 'too_long' || !Number.isFinite(warning.limit) || text === null || text === undefined) {
			count.hidden = true;
			return;
		}

		const length = ui.text.length(text, options.site);
		count.hidden = false;
		count.textContent = `${length} / ${warning.limit} characters`;
		count.toggleAttribute('data-over', length > warning.limit);
	}

	// Where the warning goes: right after the field, outside any editable
	// area (after the outermost contenteditable holding the field).
	const EDITABLE = '[contenteditable]:not([contenteditable="false"])';
	// Containers the warning never leaves: it stays in the field's dialog and form.
	const BOUNDARY = new Set(['BODY', 'MAIN', 'SECTION', 'ARTICLE', 'FORM', 'FIELDSET', 'DIALOG', 'LI', 'TD']);
	const MAX_CLIMB = 6;

	// Would a block placed inside `parent` be cut off or squeezed? (a clamped
	// "see more" box, a fixed height, a flex or grid row).
	function cramped(parent) {
		const style = parent.ownerDocument.defaultView.getComputedStyle(parent);
		const display = style.display || '';
		return (style.maxHeight && style.maxHeight !== 'none')
			|| ['hidden', 'clip', 'auto', 'scroll'].includes(style.overflowY || style.overflow)
			|| (style.webkitLineClamp && style.webkitLineClamp !== 'none')
			|| ((display.includes('flex') && !(style.flexDirection || '').startsWith('column')) || display.includes('grid'))
			|| display === 'inline' || display === 'contents';
	}

	function anchorFor(field) {
		let anchor = field;
		// Never inside an editable area: after the outermost one holding the field.
		for (let up = field.parentElement?.closest(EDITABLE); up; up = up.parentElement?.closest(EDITABLE)) {
			anchor = up;
		}

		// Out of boxes that would hide or squeeze it, but not out of the dialog.
		for (let i = 0; i < MAX_CLIMB; i++) {
			const parent = anchor.parentElement;
			if (!parent || BOUNDARY.has(parent.tagName) || parent.getAttribute('role') === 'dialog' || !cramped(parent)) {
				break;
			}

			anchor = parent;
		}

		return anchor;
	}

	// Puts (or puts back, after a re-render) the warning beside `field`, and
	// links it from the field's aria-describedby. Returns true if it moved.
	function attach(host, field) {
		const anchor = anchorFor(field);
		let moved = false;
		if (!host.isConnected || host.previousElementSibling !== anchor) {
			// Several warnings on one field stack after it in order.
			let after = anchor;
			while (after.nextElementSibling?.tagName === 'ONESELF-WARNING' && after.nextElementSibling !== host) {
				after = after.nextElementSibling;
			}

			if (after.nextElementSibling !== host) {
				after.after(host);
				moved = true;
			}
		}

		describe(field, host.id, true);
		return moved;
	}

	function detach(host, field) {
		if (field) {
			describe(field, host.id, false);
		}

		host.remove();
	}

	function describe(field, id, on) {
		const ids = new Set((field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
		const had = ids.has(id);
		if (on === had) {
			return;
		}

		if (on) {
			ids.add(id);
		} else {
			ids.delete(id);
		}

		if (ids.size > 0) {
			field.setAttribute('aria-describedby', [...ids].join(' '));
		} else {
			field.removeAttribute('aria-describedby');
		}
	}

	ui.warning = {create, update, setCount, showProblem, attach, detach, fillValue, anchorFor};
})(globalThis);
