// A stand-in for the browser adapter's storage, permissions and scripting,
// for the hosts the user adds at run time (Mastodon instances, the website).
// `granted`: the origins the user has granted.
import {manifest} from './ui-scripts.js';

export function fakeExt(granted = []) {
	const stored = {};
	const registered = [];
	const removed = [];
	return {
		registered,
		removed,
		stored,
		manifest: () => manifest,
		storage: {local: {
			get: async key => (key in stored ? {[key]: structuredClone(stored[key])} : {}),
			set: async items => Object.assign(stored, structuredClone(items)),
		}},
		permissions: {
			contains: async origins => origins.every(origin => granted.includes(origin)),
			remove: async origins => removed.push(...origins),
		},
		scripting: {
			registered: async () => registered.map(script => ({id: script.id})),
			register: async scripts => registered.push(...scripts),
			unregister: async ids => {
				for (const id of ids) {
					registered.splice(registered.findIndex(script => script.id === id), 1);
				}
			},
		},
	};
}
