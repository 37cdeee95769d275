'use strict';
// The extension's one namespace for classic scripts (content scripts cannot be
// ES modules). Loaded first in every content script list; later files add to it.
(function createNamespace(root) {
	if (root.oneself) {
		return;
	}

	const sites = new Map();
	root.oneself = {
		sites: {
			register(site) {
				if (!site || typeof site.id !== 'string') {
					throw new TypeError('a site module needs an id');
				}

				sites.set(site.id, Object.freeze(site));
			},
			get(id) {
				return sites.get(id);
			},
			all() {
				return [...sites.values()];
			},
			// The module that runs on this URL's host, or undefined.
			forUrl(url) {
				const {hostname} = new URL(url);
				return [...sites.values()].find(site => site.hosts.includes(hostname));
			},
		},
	};
})(globalThis);
