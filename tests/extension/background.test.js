// The background as the browser runs it: main.js wired to a stand-in for
// Chromium's chrome.* (runtime messaging, native port, storage, action),
// driven through the same onMessage listener the browser calls.
import assert from 'node:assert/strict';
import {test} from 'node:test';

const ID = 'obejlgbmhghechkgdgmjlheaeplnmalh';
const ORIGIN = `chrome-extension://${ID}/`;

function event() {
	const listeners = [];
	return {addListener: listener => listeners.push(listener), listeners};
}

function storageArea() {
	const items = {};
	return {
		items,
		get: async key => (typeof key === 'string' ? (key in items ? {[key]: structuredClone(items[key])} : {}) : structuredClone(items)),
		set: async values => Object.assign(items, structuredClone(values)),
		remove: async key => {
			delete items[key];
		},
	};
}

// The native host: answers hello and check; `mode` 'missing' makes the
// browser report the host as not installed.
const native = {mode: 'ok', posted: []};
const badges = [];
const chrome = {
	runtime: {
		id: ID,
		lastError: undefined,
		getURL: path => `${ORIGIN}${path}`,
		getManifest: () => ({content_scripts: []}),
		onMessage: event(),
		connectNative(name) {
			const port = {name, onMessage: event(), onDisconnect: event()};
			port.postMessage = message => {
				native.posted.push(message);
				setImmediate(() => {
					const result = message.type === 'hello'
						? {protocol: 1, version: 'test'}
						: message.type === 'check'
							? {revision: 2, warnings: [{field: 'headline', severity: 'warning', code: 'differs', observed: message.fields.headline, canonical: 'Staff', message: 'Your headline differs.'}], checked: ['headline']}
							: {};
					port.onMessage.listeners.forEach(listener => listener({id: message.id, ok: true, result}));
				});
			};

			port.disconnect = () => {};
			if (native.mode === 'missing') {
				setImmediate(() => {
					chrome.runtime.lastError = {message: 'Specified native messaging host not found.'};
					port.onDisconnect.listeners.forEach(listener => listener(port));
					chrome.runtime.lastError = undefined;
				});
			}

			return port;
		},
		openOptionsPage() {},
	},
	storage: {session: storageArea(), local: storageArea()},
	tabs: {onRemoved: event(), onUpdated: event(), query: async () => []},
	action: {
		setBadgeText: async ({tabId, text}) => badges.push([tabId, text]),
		setBadgeBackgroundColor: async () => {},
	},
	permissions: {contains: async () => false},
	scripting: {getRegisteredContentScripts: async () => []},
};
globalThis.chrome = chrome;
// The worker's timers (request timeouts, the 3-minute idle close) must not
// keep this test process alive once the tests are done.
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = (callback, ms, ...rest) => {
	const timer = realSetTimeout(callback, ms, ...rest);
	timer.unref?.();
	return timer;
};

await import('../../extension/background/main.js');

// Sends like the browser does: the listener answers through sendResponse.
function message(body, sender) {
	return new Promise((resolve, reject) => {
		const [listener] = chrome.runtime.onMessage.listeners;
		const keepsChannel = listener(body, sender, resolve);
		assert.equal(keepsChannel, true, 'the listener keeps the channel open for an async answer');
		setTimeout(() => reject(new Error('no answer')), 2000);
	});
}

const page = 'https://www.linkedin.com/in/ada/';
const content = {id: ID, url: page, tab: {id: 5, url: page}};
const popup = {id: ID, url: `${ORIGIN}popup/popup.html`};

test('one onMessage listener, added when the worker starts', () => {
	assert.equal(chrome.runtime.onMessage.listeners.length, 1);
	assert.equal(chrome.tabs.onRemoved.listeners.length, 1);
});

test('a content script\'s check goes through the native port and sets the tab\'s badge', async () => {
	const reply = await message({channel: 'check', payload: {site: 'linkedin', mode: 'view', fields: {headline: 'Senior'}}}, content);
	assert.equal(reply.ok, true);
	assert.equal(reply.result.warnings[0].code, 'differs');
	assert.deepEqual(native.posted.map(posted => posted.type), ['hello', 'check']);
	assert.deepEqual(badges.at(-1), [5, '1']);
	// What survives an eviction is in storage.session.
	assert.equal(chrome.storage.session.items['tab:5'].warnings.length, 1);
	assert.equal(chrome.storage.session.items.hostState.state, 'connected');
});

test('the popup sees the tab and the host state', async () => {
	const info = await message({channel: 'tab.info', payload: {tabId: 5}}, popup);
	assert.equal(info.result.site, 'linkedin');
	const state = await message({channel: 'host.state'}, popup);
	assert.equal(state.result.ok, true);
});

test('an own page\'s report is remembered in storage.local: which fields were read and when', async () => {
	const before = Date.now();
	const reply = await message({channel: 'page.report', payload: {site: 'linkedin', kind: 'view', own: true, handle: 'ada', read: ['name'], unread: ['headline']}}, content);
	assert.equal(reply.ok, true);
	const {sites} = chrome.storage.local.items.fieldHealth;
	assert.ok(sites.linkedin.name.read >= before);
	assert.deepEqual({read: sites.linkedin.headline.read, missed: sites.linkedin.headline.missed >= before}, {read: null, missed: true});
	const health = await message({channel: 'fields.health'}, popup);
	assert.deepEqual(health.result.sites.linkedin, sites.linkedin);
});

test('a page cannot reach the store', async () => {
	const reply = await message({channel: 'profile.update', payload: {baseRevision: 0, profile: {headline: 'x'}}}, content);
	assert.equal(reply.error.code, 'forbidden');
	assert.equal(native.posted.some(posted => posted.type === 'profile.update'), false);
});

test('a host that is not installed: a new worker reports it, with the install hint', async () => {
	native.mode = 'missing';
	// A fresh worker (the old one was evicted): a new module instance, its own listener.
	chrome.runtime.onMessage.listeners.length = 0;
	await import('../../extension/background/main.js?fresh-worker');
	const check = await message({channel: 'check', payload: {site: 'linkedin', fields: {headline: 'Senior'}}}, {...content, tab: {id: 6, url: page}});
	assert.equal(check.ok, false);
	assert.equal(check.error.code, 'not_installed');
	assert.match(check.error.fix, /\.\/install\.sh/);

	const state = await message({channel: 'host.connect'}, popup);
	assert.equal(state.result.state, 'not_installed');
	assert.equal(state.result.ok, false);
	assert.match(state.result.fix, /\.\/install\.sh/);
	assert.equal(chrome.storage.session.items.hostState.state, 'not_installed', 'kept for the next worker');
});
