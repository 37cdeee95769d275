// The router's privilege rules: content scripts may only check, fit the bio,
// read their network's profiles[] and ignore a value the last check reported
// on their tab; only the extension's own pages may change the store.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createChannels, PAGE_VERBS} from '../../extension/background/channels.js';
import {createRouter, senderKind} from '../../extension/background/router.js';
import {createTabState} from '../../extension/background/tab-state.js';

const ORIGIN = 'chrome-extension://obejlgbmhghechkgdgmjlheaeplnmalh/';
const ID = 'obejlgbmhghechkgdgmjlheaeplnmalh';

const pageSender = (path = 'options/options.html') => ({id: ID, url: `${ORIGIN}${path}`});
const contentSender = (url, tabId = 7) => ({id: ID, url, tab: {id: tabId, url}});

function memoryStorage() {
	const items = new Map();
	return {
		get: async key => (items.has(key) ? {[key]: structuredClone(items.get(key))} : {}),
		set: async object => {
			for (const [key, value] of Object.entries(object)) {
				items.set(key, structuredClone(value));
			}
		},
		remove: async key => {
			items.delete(key);
		},
	};
}

// A host that answers from a script and records every request it got.
function fakeHost(answers = {}) {
	const received = [];
	return {
		received,
		async request(message) {
			received.push(message);
			const answer = answers[message.type];
			const result = typeof answer === 'function' ? answer(message) : answer ?? {};
			return {id: received.length, ok: true, result};
		},
	};
}

const headlineWarning = {field: 'headline', severity: 'warning', code: 'differs', observed: 'Senior Engineer at Lumen Labs', canonical: 'Staff Software Engineer at Lumen Labs', message: 'Your headline differs.'};

function setUp(answers) {
	const host = fakeHost({
		check: {revision: 4, warnings: [headlineWarning], checked: ['headline']},
		'profile.get': {revision: 4, profile: {profiles: [
			{network: 'LinkedIn', username: 'ada-whitfield', url: 'https://www.linkedin.com/in/ada-whitfield/'},
			{network: 'Twitter', username: 'adaw'},
			{network: 'GitHub', username: 'ada'},
		], email: 'ada@example.com', website: 'https://ada.example.com'}, sites: {}, previous: {}},
		...answers,
	});
	const badges = [];
	const tabs = createTabState(memoryStorage());
	const fetched = [];
	const channels = createChannels({
		host,
		tabs,
		badge: async (tabId, count) => badges.push([tabId, count]),
		fetchGray: async url => {
			fetched.push(url);
			return Array.from({length: 1024}, () => 128);
		},
		instances: async () => ['mastodon.social'],
		websites: async () => ['ada.example.com'],
		hostState: async () => ({state: 'connected', ok: true}),
		mastodon: {add: async () => [], remove: async () => []},
		website: {add: async hostname => [hostname], remove: async () => []},
	});
	const route = createRouter({channels, extensionOrigin: ORIGIN, extensionId: ID});
	return {host, route, badges, tabs, fetched};
}

test('the sender decides the privilege', () => {
	const keys = {extensionOrigin: ORIGIN, extensionId: ID};
	assert.equal(senderKind(pageSender('popup/popup.html'), keys), 'extension');
	// The options page opened in a tab is still an extension page.
	assert.equal(senderKind({...pageSender(), tab: {id: 3}}, keys), 'extension');
	assert.equal(senderKind(contentSender('https://www.linkedin.com/in/ada-whitfield/'), keys), 'content');
	assert.equal(senderKind({id: 'someone-else', url: `${ORIGIN}options/options.html`}, keys), 'foreign');
	assert.equal(senderKind({id: ID, url: 'https://evil.example/'}, keys), 'foreign', 'no tab: not a content script');
	assert.equal(senderKind(undefined, keys), 'foreign');
});

test('content scripts cannot change the store, whatever the verb', async () => {
	const {route, host} = setUp();
	const sender = contentSender('https://www.linkedin.com/in/ada-whitfield/');
	for (const channel of ['profile.update', 'import', 'profile.revert', 'photo.set', 'ignore.remove', 'export', 'profile.get', 'profile.history', 'sites.status', 'host.state', 'tab.info', 'mastodon.add', 'website.add']) {
		const reply = await route({channel, payload: {baseRevision: 0, profile: {headline: 'pwned'}}}, sender);
		assert.equal(reply.ok, false, channel);
		assert.equal(reply.error.code, 'forbidden', channel);
	}

	assert.deepEqual(host.received, [], 'nothing reached the host');
});

test('extension pages reach every store verb', async () => {
	const {route, host} = setUp();
	for (const verb of PAGE_VERBS) {
		const reply = await route({channel: verb, payload: {site: 'x'}}, pageSender());
		assert.equal(reply.ok, true, verb);
	}

	assert.deepEqual(host.received.map(message => message.type), [...PAGE_VERBS]);
	const update = await route({channel: 'profile.update', payload: {baseRevision: 4, profile: {headline: 'New'}}}, pageSender());
	assert.equal(update.ok, true);
	assert.deepEqual(host.received.at(-1), {type: 'profile.update', baseRevision: 4, profile: {headline: 'New'}});
});

test('an unknown channel is answered, not left hanging', async () => {
	const {route} = setUp();
	for (const channel of ['nope', '__proto__', 'constructor', undefined]) {
		const reply = await route({channel}, pageSender());
		assert.equal(reply.ok, false);
		assert.equal(reply.error.code, 'unknown_channel');
	}
});

test('check: the site and URL come from the tab, not from the page\'s claims', async () => {
	const {route, host, badges} = setUp();
	const url = 'https://www.linkedin.com/in/ada-whitfield/';
	const reply = await route({channel: 'check', payload: {site: 'linkedin', url: 'https://elsewhere.example/', mode: 'view', fields: {headline: 'Senior Engineer at Lumen Labs', password: 'x'}}}, contentSender(url));
	assert.equal(reply.ok, true);
	assert.deepEqual(host.received[0], {type: 'check', site: 'linkedin', url, mode: 'view', fields: {headline: 'Senior Engineer at Lumen Labs'}});
	assert.deepEqual(badges.at(-1), [7, 1], 'the badge counts the tab\'s warnings');

	const lying = await route({channel: 'check', payload: {site: 'github', fields: {}}}, contentSender(url));
	assert.equal(lying.error.code, 'forbidden', 'a LinkedIn page cannot check as GitHub');
	const elsewhere = await route({channel: 'check', payload: {fields: {name: 'x'}}}, contentSender('https://evil.example/'));
	assert.equal(elsewhere.error.code, 'forbidden', 'an unknown site cannot check');
	assert.equal(host.received.length, 1);
});

test('check: the background fetches the photo only from the site\'s image hosts', async () => {
	const {route, host, fetched} = setUp();
	const url = 'https://www.linkedin.com/in/ada-whitfield/';
	await route({channel: 'check', payload: {site: 'linkedin', fields: {photo: {url: 'https://media.licdn.com/dms/image/ada.jpg'}}}}, contentSender(url));
	assert.deepEqual(fetched, ['https://media.licdn.com/dms/image/ada.jpg']);
	assert.equal(host.received.at(-1).fields.photo.gray.length, 1024);

	await route({channel: 'check', payload: {site: 'linkedin', fields: {photo: {url: 'https://tracker.example/pixel.png'}, name: 'Ada'}}}, contentSender(url));
	assert.equal(fetched.length, 1, 'no fetch from another host');
	assert.deepEqual(host.received.at(-1).fields, {name: 'Ada'});

	await route({channel: 'check', payload: {site: 'linkedin', fields: {photo: {url: 'http://media.licdn.com/plain-http.jpg'}}}}, contentSender(url));
	assert.equal(fetched.length, 1, 'not over plain http');
	const inline = 'data:image/png;base64,iVBORw0KGgo=';
	await route({channel: 'check', payload: {site: 'linkedin', fields: {photo: {url: inline}}}}, contentSender(url));
	assert.deepEqual(fetched, ['https://media.licdn.com/dms/image/ada.jpg', inline], 'an image inlined in the page is read');
	await route({channel: 'check', payload: {site: 'linkedin', fields: {photo: {url: 'data:text/html;base64,PHNjcmlwdD4='}}}}, contentSender(url));
	assert.equal(fetched.length, 2, 'a data: URL that is not an image is not');
});

test('ignore.add from a page: only for a value the last check reported on that tab', async () => {
	const {route, host} = setUp();
	const url = 'https://www.linkedin.com/in/ada-whitfield/';
	const before = await route({channel: 'ignore.add', payload: {site: 'linkedin', field: 'headline', observed: 'Senior Engineer at Lumen Labs'}}, contentSender(url));
	assert.equal(before.error.code, 'forbidden', 'nothing reported yet');

	await route({channel: 'check', payload: {site: 'linkedin', fields: {headline: 'Senior Engineer at Lumen Labs'}}}, contentSender(url));
	const arbitrary = await route({channel: 'ignore.add', payload: {site: 'linkedin', field: 'headline', observed: 'anything the page likes'}}, contentSender(url));
	assert.equal(arbitrary.error.code, 'forbidden');
	const otherTab = await route({channel: 'ignore.add', payload: {site: 'linkedin', field: 'headline', observed: 'Senior Engineer at Lumen Labs'}}, contentSender(url, 8));
	assert.equal(otherTab.error.code, 'forbidden', 'another tab did not see this warning');

	const ok = await route({channel: 'ignore.add', payload: {site: 'linkedin', field: 'headline', observed: 'Senior Engineer at Lumen Labs'}}, contentSender(url));
	assert.equal(ok.ok, true);
	assert.deepEqual(host.received.filter(message => message.type === 'ignore.add'), [{type: 'ignore.add', site: 'linkedin', field: 'headline', observed: 'Senior Engineer at Lumen Labs'}]);

	const again = await route({channel: 'ignore.add', payload: {site: 'linkedin', field: 'headline', observed: 'Senior Engineer at Lumen Labs'}}, contentSender(url));
	assert.equal(again.error.code, 'forbidden', 'once ignored, it is no longer reported');
});

test('profiles.mine: only the entries of the page\'s network ("Twitter" is X)', async () => {
	const {route} = setUp();
	const x = await route({channel: 'profiles.mine', payload: {site: 'x'}}, contentSender('https://x.com/adaw'));
	assert.deepEqual(x.result, {site: 'x', profiles: [{network: 'Twitter', username: 'adaw'}]});
	const linkedin = await route({channel: 'profiles.mine', payload: {site: 'linkedin'}}, contentSender('https://www.linkedin.com/in/someone/'));
	assert.equal(linkedin.result.profiles.length, 1);
	assert.equal(JSON.stringify(linkedin).includes('ada@example.com'), false, 'nothing else of the profile goes to a page');
});

test('profiles.mine on the user\'s website: the canonical website, and the page is the website site', async () => {
	const {route, host} = setUp();
	for (const url of ['https://ada.example.com/about/', 'https://www.ada.example.com/']) {
		const reply = await route({channel: 'profiles.mine', payload: {site: 'website'}}, contentSender(url));
		assert.deepEqual(reply.result, {site: 'website', profiles: [{network: 'Website', url: 'https://ada.example.com'}]}, url);
	}

	// A site the user did not add is not a site oneself reads.
	const other = await route({channel: 'profiles.mine', payload: {site: 'website'}}, contentSender('https://marcus.example.net/'));
	assert.equal(other.ok, false);
	assert.equal(other.error.code, 'forbidden');
	const checks = host.received.length;
	const check = await route({channel: 'check', payload: {site: 'website', fields: {name: 'Ada'}}}, contentSender('https://marcus.example.net/'));
	assert.equal(check.ok, false);
	assert.equal(host.received.length, checks, 'nothing reached the host');
});

test('website.add and website.hosts are for the extension\'s own pages', async () => {
	const {route} = setUp();
	const added = await route({channel: 'website.add', payload: {hostname: 'ada.example.com'}}, pageSender('options/options.html'));
	assert.deepEqual(added.result, {hosts: ['ada.example.com']});
	const hosts = await route({channel: 'website.hosts', payload: {}}, pageSender('options/options.html'));
	assert.deepEqual(hosts.result, {hosts: ['ada.example.com']});
	const fromPage = await route({channel: 'website.add', payload: {hostname: 'evil.example'}}, contentSender('https://ada.example.com/'));
	assert.equal(fromPage.ok, false);
});

test('page.report of someone else\'s page clears the tab and reaches nothing', async () => {
	const {route, host, tabs, badges} = setUp();
	const url = 'https://www.linkedin.com/in/someone-else/';
	await route({channel: 'page.report', payload: {site: 'linkedin', kind: 'view', own: false, handle: 'someone-else'}}, contentSender(url));
	assert.deepEqual(host.received, []);
	const state = await tabs.get(7);
	assert.equal(state.own, false);
	assert.deepEqual(state.warnings, []);
	assert.deepEqual(badges.at(-1), [7, 0]);
	const info = await route({channel: 'tab.info', payload: {tabId: 7}}, pageSender('popup/popup.html'));
	assert.equal(info.result.handle, 'someone-else');
});

test('a transport failure becomes an error reply with its fix', async () => {
	const host = {
		async request() {
			const error = new Error('The oneself host is not installed for this browser');
			error.code = 'not_installed';
			error.fix = 'Run ./install.sh';
			throw error;
		},
	};
	const channels = createChannels({host, tabs: createTabState(memoryStorage()), badge: async () => {}, fetchGray: async () => [], instances: async () => [], websites: async () => [], hostState: async () => ({}), mastodon: {}, website: {}});
	const route = createRouter({channels, extensionOrigin: ORIGIN, extensionId: ID});
	const reply = await route({channel: 'profile.get'}, pageSender());
	assert.deepEqual(reply, {ok: false, error: {code: 'not_installed', message: 'The oneself host is not installed for this browser', fix: 'Run ./install.sh'}});
});

test('check: after the host has hashed a page\'s photo, the next checks send its fingerprint', async () => {
	const phash = '0123456789abcdef';
	const {route, host, fetched} = setUp({
		check: message => ({revision: 4, warnings: [], checked: ['photo'], ...(message.fields.photo?.gray ? {photo: {phash}} : {})}),
	});
	const url = 'https://www.linkedin.com/in/ada-whitfield/';
	const photo = {url: 'https://media.licdn.com/dms/image/ada.jpg'};
	await route({channel: 'check', payload: {site: 'linkedin', fields: {photo}}}, contentSender(url));
	assert.equal(host.received.at(-1).fields.photo.gray.length, 1024);
	for (let i = 0; i < 3; i++) {
		await route({channel: 'check', payload: {site: 'linkedin', mode: 'edit', fields: {photo, name: `Ada ${i}`}}}, contentSender(url));
		assert.deepEqual(host.received.at(-1).fields.photo, {phash});
	}

	assert.equal(fetched.length, 1, 'fetched and drawn once');
	// Another image is fetched and sent as gray values again.
	await route({channel: 'check', payload: {site: 'linkedin', fields: {photo: {url: 'https://media.licdn.com/dms/image/new.jpg'}}}}, contentSender(url));
	assert.equal(fetched.length, 2);
	assert.equal(host.received.at(-1).fields.photo.gray.length, 1024);
});

test('check: a check of the text fields keeps what the last photo check found', async () => {
	const {route, tabs} = setUp();
	const url = 'https://www.linkedin.com/in/ada-whitfield/';
	// The photo could not be read (another host's image: not fetched).
	await route({channel: 'check', payload: {site: 'linkedin', fields: {photo: {url: 'https://tracker.example/pixel.png'}}}}, contentSender(url));
	assert.equal((await tabs.get(7)).photoUnread, true);
	await route({channel: 'check', payload: {site: 'linkedin', fields: {headline: 'Senior Engineer at Lumen Labs'}}}, contentSender(url));
	assert.equal((await tabs.get(7)).photoUnread, true, 'a text check says nothing about the photo');
	await route({channel: 'check', payload: {site: 'linkedin', fields: {photo: {url: 'https://media.licdn.com/dms/image/ada.jpg'}}}}, contentSender(url));
	assert.equal((await tabs.get(7)).photoUnread, false, 'a photo check that read it clears it');
	// Another page of the tab starts clean.
	await route({channel: 'check', payload: {site: 'linkedin', fields: {photo: {url: 'https://tracker.example/pixel.png'}}}}, contentSender(url));
	await route({channel: 'check', payload: {site: 'linkedin', fields: {headline: 'x'}}}, contentSender('https://www.linkedin.com/in/ada-whitfield/details/experience/'));
	assert.equal((await tabs.get(7)).photoUnread, false);
});
