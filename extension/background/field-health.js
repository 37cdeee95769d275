// When each field of each site was last read on the user's own pages, so
// that a site that changes its page shows up as a date that stops moving
// (the options page) instead of warnings that silently stop. Kept in
// storage.local, which survives the worker's eviction and a browser restart;
// nothing of it leaves the extension, and no value is kept: only field names
// and times.
//
// Shape (docs/extension.md): {fieldHealth: {version: 1, sites: {<site id>:
// {<field>: {read: ms | null, missed: ms | null}}}}}. `read` is the last time
// the site's module found the field on an own page, `missed` the last time it
// was expected there and not found. Bounded by construction: only the sites of
// SITE_HOSTS and the fields of the check vocabulary are kept.

import {SITE_HOSTS} from './site-hosts.js';

export const FIELD_HEALTH_KEY = 'fieldHealth';
const VERSION = 1;

// The check vocabulary as people see it; the two inputs of a split name form
// are the name's.
export const HEALTH_FIELDS = Object.freeze(['name', 'headline', 'bio', 'location', 'website', 'employer', 'title', 'links', 'experience', 'photo']);
const PARTS_OF = {firstName: 'name', lastName: 'name'};

const isSite = site => typeof site === 'string' && Object.hasOwn(SITE_HOSTS, site);

function fieldsOf(list) {
	if (!Array.isArray(list)) {
		return [];
	}

	const names = list.map(name => PARTS_OF[name] ?? name).filter(name => HEALTH_FIELDS.includes(name));
	return [...new Set(names)];
}

// A stored record, or an empty one when it is missing or not of this shape
// (an older or damaged one is started afresh rather than trusted).
export function emptyHealth() {
	return {version: VERSION, sites: {}};
}

export function normalizeHealth(stored) {
	if (stored?.version !== VERSION || typeof stored.sites !== 'object' || stored.sites === null) {
		return emptyHealth();
	}

	const sites = {};
	for (const [site, fields] of Object.entries(stored.sites)) {
		if (!isSite(site) || typeof fields !== 'object' || fields === null) {
			continue;
		}

		const kept = {};
		for (const name of HEALTH_FIELDS) {
			const entry = fields[name];
			if (entry && typeof entry === 'object') {
				kept[name] = {read: timeOrNull(entry.read), missed: timeOrNull(entry.missed)};
			}
		}

		sites[site] = kept;
	}

	return {version: VERSION, sites};
}

const timeOrNull = value => (Number.isFinite(value) && value > 0 ? value : null);

// The record after one report of an own page: `read` fields were found,
// `unread` ones were expected and not found. A field both read and unread
// (one module's quirk) counts as read.
export function withReport(health, site, {read = [], unread = []}, now) {
	if (!isSite(site)) {
		return health;
	}

	const found = fieldsOf(read);
	const missing = fieldsOf(unread).filter(name => !found.includes(name));
	if (found.length === 0 && missing.length === 0) {
		return health;
	}

	const fields = {...health.sites[site]};
	for (const name of found) {
		fields[name] = {read: now, missed: fields[name]?.missed ?? null};
	}

	for (const name of missing) {
		fields[name] = {read: fields[name]?.read ?? null, missed: now};
	}

	return {version: VERSION, sites: {...health.sites, [site]: fields}};
}

// storage: an area with get/set (ext.storage.local). Writes run one after
// another, so two reports arriving together both land.
export function createFieldHealth(storage, {now = () => Date.now()} = {}) {
	let chain = Promise.resolve();

	async function get() {
		const items = await storage.get(FIELD_HEALTH_KEY);
		return normalizeHealth(items?.[FIELD_HEALTH_KEY]);
	}

	function record(site, report) {
		const next = chain.then(async () => {
			const before = await get();
			const after = withReport(before, site, report, now());
			if (after !== before) {
				await storage.set({[FIELD_HEALTH_KEY]: after});
			}

			return after;
		});
		chain = next.catch(() => {});
		return next;
	}

	return {get, record};
}

// The router's channels with the record kept: a page.report of an own page
// (the site decided by the channel from the tab's address, never the page's
// claim) is recorded after the channel has taken it, and the extension's own
// pages may read the record (`fields.health`). Someone else's page is never
// recorded.
export function withFieldHealth(channels, {health, tabs}) {
	const report = channels['page.report'];
	return {
		...channels,
		'page.report': {
			allow: report.allow,
			async handle(payload, context) {
				const reply = await report.handle(payload, context);
				if (reply?.ok && payload.own === true) {
					const state = await tabs.get(context.tabId);
					if (state?.own === true) {
						await health.record(state.site, {read: payload.read, unread: state.unread});
					}
				}

				return reply;
			},
		},
		'fields.health': {
			allow: ['extension'],
			async handle() {
				return {ok: true, result: await health.get()};
			},
		},
	};
}
