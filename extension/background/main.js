// The background: wires the native client, the router and the tab state to
// the ext. Listeners are added at the top level, synchronously, so that a
// service worker woken by an event finds them.

import '../lib/namespace.js';
import '../lib/browser.js';
import {grayFromBlob} from '../lib/gray.js';
import {createChannels} from './channels.js';
import {createFieldHealth, withFieldHealth} from './field-health.js';
import {describeState} from './host-states.js';
import {createMastodonInstances} from './mastodon.js';
import {NativeClient} from './native-client.js';
import {createPhotoFetcher} from './photo-fetch.js';
import {createRouter} from './router.js';
import {createTabState} from './tab-state.js';
import {createWebsites} from './website.js';

const {ext} = globalThis.oneself;
const session = ext.storage.session;

// The latest state is also kept here, so that an answer right after a state
// change does not race the storage write; storage is what survives eviction.
let lastState = null;

const host = new NativeClient({
	connect: name => ext.connectNative(name),
	memory: {
		get: async () => (await session.get('hostBackoff')).hostBackoff,
		set: value => session.set({hostBackoff: value}),
	},
	onState(record) {
		lastState = record;
		session.set({hostState: record});
	},
});

const tabs = createTabState(session);
const mastodon = createMastodonInstances(ext);
const website = createWebsites(ext);

const fetchGray = createPhotoFetcher({fetch: (...args) => fetch(...args), grayFromBlob});

async function badge(tabId, count) {
	try {
		await ext.badge.set(tabId, count > 0 ? String(count) : '');
	} catch {
		// the tab closed meanwhile
	}
}

const channels = withFieldHealth(createChannels({
	host,
	tabs,
	badge,
	fetchGray,
	instances: () => mastodon.list(),
	websites: () => website.list(),
	hostState: async () => lastState ?? (await session.get('hostState')).hostState ?? describeState('unknown'),
	mastodon,
	website,
}), {health: createFieldHealth(ext.storage.local), tabs});

const route = createRouter({
	channels,
	extensionOrigin: ext.extensionOrigin(),
	extensionId: ext.extensionId(),
});

ext.onMessage(route);
ext.tabs.onRemoved(tabId => tabs.remove(tabId));
// A new document starts with a clean slate; its content script reports again.
ext.tabs.onNavigate(tabId => {
	tabs.remove(tabId);
	badge(tabId, 0);
});
mastodon.restore().catch(() => {});
website.restore().catch(() => {});
