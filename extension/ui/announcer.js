'use strict';
// One polite live region per page that announces a check round's result
// ("2 differences from your profile", "Matches your profile").
(function defineAnnouncer(root) {
	const ui = (root.oneself.ui ??= {});
	// The regions this script made, by document: the page could make an
	// element that looks like one and swallow the announcements.
	const regions = new WeakMap();
	const REPEAT_DELAY_MS = 100;

	function region(document) {
		let node = regions.get(document);
		if (!node) {
			node = document.createElement('div');
			regions.set(document, node);
			node.setAttribute('data-oneself-live', '');
			node.setAttribute('role', 'status');
			node.setAttribute('aria-live', 'polite');
			// Visually hidden, still read by screen readers.
			node.style.cssText = 'position:fixed!important;width:1px!important;height:1px!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important;margin:-1px!important;padding:0!important;border:0!important;';
		}

		if (!node.isConnected) {
			document.body.append(node);
		}

		return node;
	}

	function announce(document, text) {
		const node = region(document);
		if (node.textContent !== text) {
			node.textContent = text;
			return;
		}

		// The same words again (a second "copied"): a screen reader speaks
		// only a change, so the region is emptied first.
		node.textContent = '';
		document.defaultView.setTimeout(() => {
			node.textContent = text;
		}, REPEAT_DELAY_MS);
	}

	// The sentence for a round with `count` warnings.
	function roundText(count) {
		if (count === 0) {
			return 'oneself: matches your profile.';
		}

		return `oneself: ${count} ${count === 1 ? 'difference' : 'differences'} from your profile.`;
	}

	ui.announcer = {announce, roundText};
})(globalThis);
