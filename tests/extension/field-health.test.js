// When each field was last read on the user's own pages: the record the
// background keeps in storage.local from page.report, through the real
// router and channels, and what it keeps out (other people's pages, values,
// sites and fields it does not know).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createChannels} from '../../extension/background/channels.js';
import {createFieldHealth, FIELD_HEALTH_KEY, normalizeHealth, withFieldHealth, withReport, emptyHealth} from '../../extension/background/field-health.js';
import {createRouter} from '../../extension/background/router.js';
import {createTabState} from '../../extension/background/tab-state.js';

const ID = 'obejlgbmhghechkgdgmjlheaeplnmalh';
const ORIGIN = `chrome-extension://${ID}/`;
const optionsPage = {id: ID, url: `${ORIGIN}options/options.html`};
const tab = (url, tabId = 3) => ({id: ID, url, tab: {id: tabId, url}});

function memoryStorage() {
	const items = new Map();
	return {
		items,
		writes: 0,
		get: async key => (items.has(key) ? {[key]: structuredClone(items.get(key))} : {}),
		async set(object) {
			this.writes++;
			for (const [key, value] of Object.entries(object)) {
				items.set(key, structuredClone(value));
			}
		},
		remove: async key => {
			items.delete(key);
		},
	};
}

// The background's wiring (main.js) over memory storage, with a clock.
function background({local = memoryStorage(), clock = {now: 1_000}} = {}) {
	const tabs = createTabState(memoryStorage());
	const channels = createChannels({
		host: {request: async () => ({ok: true, result: {}})},
		tabs,
		badge: async () => {},
		fetchGray: async () => [],
		instances: async () => [],
		websites: async () => [],
		hostState: async () => ({}),
		mastodon: {},
		website: {},
	});
	const health = createFieldHealth(local, {now: () => clock.now});
	const route = createRouter({channels: withFieldHealth(channels, {health, tabs}), extensionOrigin: ORIGIN, extensionId: ID});
	return {route, local, clock};
}


test('an own page\'s report records each field read and each expected one not found, with the time', async () => {
	const {route, local, clock} = background();
	const url = 'https://www.linkedin.com/in/ada/';
	clock.now = 1_000;
	await route({channel: 'page.report', payload: {site: 'linkedin', kind: 'view', own: true, handle: 'ada', read: ['name', 'headline'], unread: ['location']}}, tab(url));
	assert.deepEqual(local.items.get(FIELD_HEALTH_KEY), {version: 1, sites: {linkedin: {
		name: {read: 1_000, missed: null},
		headline: {read: 1_000, missed: null},
		location: {read: null, missed: 1_000},
	}}});

	// Later the headline's hook is gone: its last read stays, the miss is new.
	clock.now = 5_000;
	await route({channel: 'page.report', payload: {site: 'linkedin', kind: 'view', own: true, handle: 'ada', read: ['name', 'location'], unread: ['headline']}}, tab(url));
	const {sites} = local.items.get(FIELD_HEALTH_KEY);
	assert.deepEqual(sites.linkedin.headline, {read: 1_000, missed: 5_000});
	assert.deepEqual(sites.linkedin.location, {read: 5_000, missed: 1_000});
	assert.deepEqual(sites.linkedin.name, {read: 5_000, missed: null});

	// The options page reads it through its channel; a page cannot.
	const answer = await route({channel: 'fields.health'}, optionsPage);
	assert.deepEqual(answer.result.sites.linkedin.headline, {read: 1_000, missed: 5_000});
	const fromPage = await route({channel: 'fields.health'}, tab(url));
	assert.equal(fromPage.error.code, 'forbidden');
});

test('someone else\'s page is never recorded, whatever it claims', async () => {
	const {route, local} = background();
	await route({channel: 'page.report', payload: {site: 'x', kind: 'view', own: false, handle: 'marcus', read: ['name'], unread: ['bio']}}, tab('https://x.com/marcus'));
	assert.equal(local.items.has(FIELD_HEALTH_KEY), false);
	assert.equal(local.writes, 0);
});

test('the site is the tab\'s, not the page\'s claim; unknown fields and values are kept out', async () => {
	const {route, local} = background();
	// A page of x.com claiming to be LinkedIn is refused by the channel.
	const forged = await route({channel: 'page.report', payload: {site: 'linkedin', own: true, read: ['name']}}, tab('https://x.com/adaw'));
	assert.equal(forged.ok, false);
	assert.equal(local.items.has(FIELD_HEALTH_KEY), false);

	await route({channel: 'page.report', payload: {site: 'x', kind: 'view', own: true, handle: 'adaw', read: ['name', 'Ada Whitfield', '__proto__', 'firstName'], unread: ['secret', 'bio']}}, tab('https://x.com/adaw'));
	const {sites} = local.items.get(FIELD_HEALTH_KEY);
	assert.deepEqual(Object.keys(sites), ['x']);
	assert.deepEqual(Object.keys(sites.x).sort(), ['bio', 'name']);
	assert.doesNotMatch(JSON.stringify(local.items.get(FIELD_HEALTH_KEY)), /Ada Whitfield|adaw|secret/);
});

test('the record survives the worker: a new background finds it in storage.local', async () => {
	const local = memoryStorage();
	const first = background({local, clock: {now: 2_000}});
	await first.route({channel: 'page.report', payload: {site: 'github', kind: 'view', own: true, handle: 'ada', read: ['name', 'bio'], unread: []}}, tab('https://github.com/ada'));
	const second = background({local, clock: {now: 9_000}});
	await second.route({channel: 'page.report', payload: {site: 'github', kind: 'view', own: true, handle: 'ada', read: ['name'], unread: ['bio']}}, tab('https://github.com/ada'));
	const answer = await second.route({channel: 'fields.health'}, optionsPage);
	assert.deepEqual(answer.result.sites.github, {name: {read: 9_000, missed: null}, bio: {read: 2_000, missed: 9_000}});
});

test('reports arriving together all land (writes are serialized)', async () => {
	const {route, local} = background();
	await Promise.all([
		route({channel: 'page.report', payload: {site: 'x', kind: 'view', own: true, handle: 'adaw', read: ['name'], unread: []}}, tab('https://x.com/adaw', 1)),
		route({channel: 'page.report', payload: {site: 'github', kind: 'view', own: true, handle: 'ada', read: ['bio'], unread: []}}, tab('https://github.com/ada', 2)),
		route({channel: 'page.report', payload: {site: 'bluesky', kind: 'view', own: true, handle: 'ada.bsky.social', read: ['photo'], unread: []}}, tab('https://bsky.app/profile/ada.bsky.social', 4)),
	]);
	assert.deepEqual(Object.keys(local.items.get(FIELD_HEALTH_KEY).sites).sort(), ['bluesky', 'github', 'x']);
});

test('bounded: at most the known sites times the vocabulary\'s fields, however many reports', () => {
	let health = emptyHealth();
	const sites = ['linkedin', 'x', 'github', 'facebook', 'bluesky', 'instagram', 'google', 'mastodon', 'website', 'evil', 'toString'];
	const fields = ['name', 'headline', 'bio', 'location', 'website', 'employer', 'title', 'links', 'experience', 'photo', 'firstName', 'junk'];
	for (let index = 0; index < 500; index++) {
		health = withReport(health, sites[index % sites.length], {read: [fields[index % fields.length], `x${index}`], unread: [fields[(index * 7) % fields.length]]}, index + 1);
	}

	const entries = Object.values(health.sites).reduce((sum, site) => sum + Object.keys(site).length, 0);
	assert.ok(entries <= 9 * 10, `${entries} entries`);
	assert.deepEqual(Object.keys(health.sites).sort(), sites.slice(0, 9).sort());
	assert.ok(JSON.stringify(health).length < 8_000);
});

test('a damaged or older record is started afresh, not trusted', () => {
	assert.deepEqual(normalizeHealth(undefined), {version: 1, sites: {}});
	assert.deepEqual(normalizeHealth({version: 0, sites: {x: {}}}), {version: 1, sites: {}});
	assert.deepEqual(normalizeHealth({version: 1, sites: {x: {name: {read: 'yesterday', missed: -4}, junk: {read: 1}}, evil: {name: {read: 1}}}}), {version: 1, sites: {x: {name: {read: null, missed: null}}}});
});
