// Mastodon instances are the user's choice, so their content scripts are
// registered at run time, after the options page obtained the host permission.

import {contentScripts as scriptsWith, createUserHosts, normalizeHostname, originsFor} from './user-hosts.js';

export {originsFor};

// The manifest's scripts with the Mastodon module in place of the site module.
export const contentScripts = manifest => scriptsWith(manifest, 'sites/mastodon.js');

// A bare hostname, or '' when the text is not one.
export const normalizeInstance = normalizeHostname;

// browser: the adapter. Instances are kept in storage.local.
export function createMastodonInstances(ext) {
	return createUserHosts(ext, {
		site: 'mastodon',
		module: 'sites/mastodon.js',
		storageKey: 'mastodonInstances',
		normalize: normalizeInstance,
		matches: hostname => [`https://${hostname}/*`],
	});
}
