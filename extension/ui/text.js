'use strict';
// Small text helpers shared by the warning UI: how a site counts length, how
// a canonical value that is not a plain string is shown as text, and the one
// way the UI makes an element (its text always set with textContent).
(function defineText(root) {
	const ui = (root.oneself.ui ??= {});

	// Bluesky counts grapheme clusters; the other sites count code points
	// (the host's count is authoritative, this one follows the typing).
	function length(text, site) {
		const value = String(text ?? '');
		if (site === 'bluesky' && typeof Intl?.Segmenter === 'function') {
			let count = 0;
			for (const _ of new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(value)) {
				count++;
			}

			return count;
		}

		return [...value].length;
	}

	// A canonical value as one line of text (positions, links, anything else).
	function display(value) {
		if (value === null || value === undefined) {
			return '';
		}

		if (typeof value === 'string' || typeof value === 'number') {
			return String(value);
		}

		if (Array.isArray(value)) {
			return value.map(display).filter(Boolean).join('; ');
		}

		if (typeof value === 'object') {
			if (value.title || value.employer || value.company) {
				const where = value.employer ?? value.company ?? '';
				const when = [value.start, value.end ?? (value.start ? 'now' : '')].filter(Boolean).join(' – ');
				return `${value.title ?? ''}${value.title && where ? ' at ' : ''}${where}${when ? ` (${when})` : ''}`;
			}

			if (value.url) {
				return value.label ? `${value.label}: ${value.url}` : String(value.url);
			}

			if (value.full) {
				return String(value.full);
			}

			return '';
		}

		return String(value);
	}

	// A new element with `attributes` and, if given, `text` as its textContent.
	function element(document, tag, attributes = {}, text) {
		const node = document.createElement(tag);
		for (const [name, value] of Object.entries(attributes)) {
			node.setAttribute(name, value);
		}

		if (text !== undefined) {
			node.textContent = text;
		}

		return node;
	}

	ui.text = {length, display, element};
})(globalThis);
