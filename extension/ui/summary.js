'use strict';
// On view pages: a compact badge ("3 differences") fixed in a corner, which
// opens a summary of the warnings. Hidden when all is well.
(function defineSummary(root) {
	const ui = (root.oneself.ui ??= {});
	// The badges this script made, by document: never looked up in the page,
	// which could hold an <oneself-summary> of its own.
	const badges = new WeakMap();

	function ensure(document) {
		let host = badges.get(document);
		if (host) {
			return host;
		}

		host = document.createElement('oneself-summary');
		badges.set(document, host);
		const shadow = host.attachShadow({mode: 'open'});
		const style = document.createElement('style');
		style.textContent = ui.styles.summary;
		const panel = document.createElement('div');
		panel.className = 'panel';
		panel.id = 'panel';
		panel.hidden = true;
		const list = document.createElement('ul');
		panel.append(list);
		const badge = document.createElement('button');
		badge.type = 'button';
		badge.className = 'badge';
		badge.setAttribute('aria-expanded', 'false');
		badge.setAttribute('aria-controls', 'panel');
		badge.addEventListener('click', () => {
			panel.hidden = !panel.hidden;
			badge.setAttribute('aria-expanded', String(!panel.hidden));
		});
		shadow.append(style, panel, badge);
		document.body.append(host);
		return host;
	}

	// warnings: the host's warnings for this page. Removes the badge when none.
	// onSelect(warning), when given, makes each line a button that leads to it.
	function render(document, warnings, {onSelect} = {}) {
		if (warnings.length === 0) {
			badges.get(document)?.remove();
			return null;
		}

		const host = ensure(document);
		if (!host.isConnected) {
			document.body.append(host);
		}

		host.dataset.count = String(warnings.length);
		const shadow = host.shadowRoot;
		shadow.querySelector('.badge').textContent = `${warnings.length} ${warnings.length === 1 ? 'difference' : 'differences'}`;
		const list = shadow.querySelector('ul');
		list.replaceChildren(...warnings.map(warning => {
			const item = document.createElement('li');
			const field = document.createElement('span');
			field.className = 'field';
			field.textContent = `${warning.field}: `;
			item.append(field, document.createTextNode(String(warning.message ?? '')));
			if (onSelect) {
				const go = document.createElement('button');
				go.type = 'button';
				go.className = 'go';
				go.textContent = 'Show';
				go.setAttribute('aria-label', `Show the ${warning.field} warning`);
				go.addEventListener('click', () => onSelect(warning));
				item.append(' ', go);
			}

			return item;
		}));
		return host;
	}

	// Gives the focus to the badge, if this script's badge is on the page.
	function focus(document) {
		const host = badges.get(document);
		if (!host?.isConnected) {
			return false;
		}

		host.shadowRoot.querySelector('.badge').focus({preventScroll: true});
		return true;
	}

	ui.summary = {render, focus};
})(globalThis);
