// The user's own website or blog: its host is the canonical `website`'s, so,
// like Mastodon instances, its content scripts are registered at run time,
// after the options page obtained the host permission.

import {SITE_HOSTS, withoutWww} from './site-hosts.js';
import {createUserHosts, normalizeHostname} from './user-hosts.js';

// The site's hostname without a leading "www." (both forms are the site), or
// '' when the text is not a hostname or names a site with a module of its own.
export function normalizeWebsite(text) {
	const hostname = withoutWww(normalizeHostname(text));
	const known = Object.values(SITE_HOSTS).flat().map(withoutWww);
	return hostname.includes('.') && !known.includes(hostname) ? hostname : '';
}

// browser: the adapter. Hosts are kept in storage.local.
export function createWebsites(ext) {
	return createUserHosts(ext, {
		site: 'website',
		module: 'sites/website.js',
		storageKey: 'websiteHosts',
		normalize: normalizeWebsite,
		matches: hostname => [`https://${hostname}/*`, `https://www.${hostname}/*`],
	});
}
