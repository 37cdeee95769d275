'use strict';
// The warnings whose field is not on the page (a value only the page's
// JSON-LD holds, a field the site module could not place): a panel in the
// bottom-left corner, above the site's fixed headers and out of reach of its
// CSS. The light-DOM <oneself-orphans data-oneself-orphans> holds the
// <oneself-warning> elements themselves (the test contract), shown through a
// slot; the panel is in its open shadow root. Closing the panel leaves a
// small button in the same corner that opens it again.
(function defineOrphans(root) {
	const ui = (root.oneself.ui ??= {});
	// Also inline: in a browser the shadow root's `:host` rules (important,
	// so they win over the page's rules and its inline styles) are what
	// keeps it shown; the inline copy covers engines that ignore them.
	const HOST_STYLE = 'display:block!important;position:fixed!important;z-index:2147483647!important;';

	const element = (...args) => ui.text.element(...args);
	// Per panel, where the focus was before it went into the panel: where
	// it goes back to when the panel leaves the page under it.
	const cameFrom = new WeakMap();

	// A new, empty, unattached panel. The caller keeps it: it is never looked
	// up in the page, which could hold an element that looks like it.
	function create(document) {
		const host = document.createElement('oneself-orphans');
		host.setAttribute('data-oneself-orphans', '');
		host.style.cssText = HOST_STYLE;
		const shadow = host.attachShadow({mode: 'open'});

		const panel = element(document, 'section', {class: 'panel', id: 'panel', 'aria-labelledby': 'title', tabindex: '-1'});
		const title = element(document, 'h2', {id: 'title'});
		const close = element(document, 'button', {type: 'button', class: 'close', 'aria-label': 'Close oneself\'s list of differences not on this page'}, 'Close');
		const head = element(document, 'div', {class: 'head'});
		head.append(title, close);
		const list = element(document, 'div', {class: 'list'});
		list.append(document.createElement('slot'));
		panel.append(head, list);
		const reopen = element(document, 'button', {type: 'button', class: 'reopen', 'aria-controls': 'panel', 'aria-expanded': 'true', hidden: ''});
		shadow.append(element(document, 'style', {}, ui.styles.orphans), panel, reopen);

		close.addEventListener('click', () => setOpen(host, false, {focus: true}));
		reopen.addEventListener('click', () => setOpen(host, true, {focus: true}));
		// Only a move in from somewhere on the page counts: not a move within
		// the panel (relatedTarget is then this host, or a warning it holds),
		// nor one from the body (where the focus falls when a focused warning
		// is removed).
		host.addEventListener('focusin', event => {
			const from = event.relatedTarget;
			if (from?.isConnected && from !== document.body && from !== document.documentElement && !host.contains(from)) {
				cameFrom.set(host, from);
			}
		});
		panel.addEventListener('keydown', event => {
			if (event.key === 'Escape') {
				event.stopPropagation();
				setOpen(host, false, {focus: true});
			}
		});
		// Top layer where the browser has it (Chromium 114+, Firefox 125+):
		// above any z-index, and fixed to the viewport even under a
		// transformed <body>. Manual: it never closes by itself.
		if (typeof host.showPopover === 'function') {
			host.setAttribute('popover', 'manual');
		}

		return host;
	}

	// Puts a warning into the panel (the warnings stay in the light DOM).
	function hold(host, warning) {
		if (warning.parentElement !== host) {
			host.append(warning);
		}
	}

	// After warnings came or went: `count` is how many the panel holds now.
	// None: the panel leaves the page. Otherwise it is (back) on the page,
	// open or closed as the user left it, saying how many.
	function sync(host, count) {
		if (count === 0) {
			host.remove();
			return;
		}

		if (!host.isConnected) {
			host.ownerDocument.body.append(host);
		}

		showOnTop(host);
		const shadow = host.shadowRoot;
		const differences = `${count} ${count === 1 ? 'difference' : 'differences'}`;
		setText(shadow.querySelector('#title'), `oneself: ${differences} not shown on this page`);
		setText(shadow.querySelector('.reopen'), `oneself: ${differences} not on this page`);
	}

	// Called on every re-render of the page: only a change is written.
	function setText(node, text) {
		if (node.textContent !== text) {
			node.textContent = text;
		}
	}

	function showOnTop(host) {
		if (!host.hasAttribute('popover')) {
			return;
		}

		try {
			if (!host.matches(':popover-open')) {
				host.showPopover();
			}
		} catch {
			// The page took it out of the top layer some other way: the
			// z-index still holds.
		}
	}

	function isOpen(host) {
		return !host.shadowRoot.querySelector('.panel').hidden;
	}

	// Opens or closes the panel; with `focus`, the focus goes to the panel
	// (opened) or to the button that opens it again (closed), so it is not
	// left on a button that has just disappeared.
	function setOpen(host, open, {focus = false} = {}) {
		const shadow = host.shadowRoot;
		const panel = shadow.querySelector('.panel');
		const reopen = shadow.querySelector('.reopen');
		panel.hidden = !open;
		reopen.hidden = open;
		reopen.setAttribute('aria-expanded', String(open));
		if (focus) {
			(open ? panel : reopen).focus();
		}
	}

	const open = (host, options) => setOpen(host, true, options);
	const close = (host, options) => setOpen(host, false, options);

	// After the focused warning left the panel (Ignore): the focus goes to
	// the panel while it is on the page, else back to where it was before
	// it went into the panel, if that is still there. False when neither
	// took it, so the caller can try elsewhere.
	function refocus(host) {
		if (host.isConnected) {
			setOpen(host, true, {focus: true});
			return true;
		}

		const before = cameFrom.get(host);
		cameFrom.delete(host);
		if (!before?.isConnected) {
			return false;
		}

		before.focus?.({preventScroll: true});
		return host.ownerDocument.activeElement === before;
	}

	ui.orphans = {create, hold, sync, open, close, isOpen, refocus};
})(globalThis);
