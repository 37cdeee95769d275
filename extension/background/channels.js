// The channels the router serves. Content scripts get only what a page needs:
// checks of its own fields, the bio fitted to its site, ignoring a value the
// last check reported, and the canonical profiles[] of its network. Everything
// that changes the store is for the extension's own pages.

import {failure} from './router.js';
import {isAllowedImage, siteForUrl, siteProfiles} from './site-hosts.js';
import {mergeWarnings, wasReported} from './tab-state.js';

// The host verbs the popup and options page may call as they are.
export const PAGE_VERBS = Object.freeze([
	'hello',
	'profile.get',
	'profile.update',
	'profile.history',
	'profile.revert',
	'import',
	'export',
	'sites.status',
	'bio.get',
	'photo.set',
	'ignore.add',
	'ignore.remove',
]);

// firstName/lastName: the two inputs of a split name form (LinkedIn's Edit intro).
const FIELDS = new Set(['name', 'firstName', 'lastName', 'headline', 'bio', 'location', 'website', 'employer', 'title', 'links', 'experience', 'photo']);

// deps: {host: {request(message)}, tabs: createTabState(...), badge(tabId, count),
//        fetchGray(url): Promise<number[]>, instances(): Promise<string[]>,
//        websites(): Promise<string[]>, hostState(): Promise<object>,
//        mastodon: {add(hostname), remove(hostname)}, website: {add, remove}}
export function createChannels(deps) {
	const {host, tabs} = deps;

	// Forwards a host verb and returns the host's reply as the channel's reply.
	async function ask(message) {
		const reply = await host.request(message);
		return reply.ok ? {ok: true, result: reply.result} : {ok: false, error: reply.error};
	}

	// The site of the sending tab, checked against what the page claims.
	async function siteOfSender(context, claimed) {
		const site = siteForUrl(context.url, await deps.instances(), await deps.websites());
		if (!site || (claimed !== undefined && claimed !== site)) {
			const error = new Error('This page is not one of the supported sites.');
			error.code = 'forbidden';
			throw error;
		}

		return site;
	}

	// Photo URL -> the fingerprint the host computed from it. A page's photo is
	// sent with every check of the page (each keystroke in an edit form): after
	// the first, the 16-digit fingerprint goes instead of fetching, drawing
	// and sending 1,024 gray values again. Lost with the worker; that only
	// costs one more fetch.
	const photoHashes = new Map();
	const PHOTO_HASHES_KEPT = 64;

	function rememberPhotoHash(url, phash) {
		if (typeof url !== 'string' || typeof phash !== 'string' || !/^[\da-f]{16}$/.test(phash)) {
			return;
		}

		photoHashes.delete(url);
		photoHashes.set(url, phash);
		if (photoHashes.size > PHOTO_HASHES_KEPT) {
			photoHashes.delete(photoHashes.keys().next().value);
		}
	}

	async function photoField(site, photo, pageUrl) {
		if (!photo || typeof photo.url !== 'string') {
			return photo?.gray ? {gray: photo.gray} : null;
		}

		if (!isAllowedImage(site, photo.url, pageUrl, await deps.instances())) {
			return null;
		}

		if (photoHashes.has(photo.url)) {
			return {phash: photoHashes.get(photo.url)};
		}

		try {
			return {gray: await deps.fetchGray(photo.url)};
		} catch {
			return null; // a photo we cannot fetch is not checked
		}
	}

	const content = ['content'];
	const pages = ['extension'];
	const both = ['content', 'extension'];

	const channels = {
		check: {
			allow: content,
			async handle(payload, context) {
				const site = await siteOfSender(context, payload.site);
				const fields = {};
				for (const [name, value] of Object.entries(payload.fields ?? {})) {
					if (FIELDS.has(name) && name !== 'photo') {
						fields[name] = value;
					}
				}

				let photoUnread = false;
				if (payload.fields?.photo) {
					const photo = await photoField(site, payload.fields.photo, context.url);
					if (photo) {
						fields.photo = photo;
					} else {
						photoUnread = true;
					}
				}

				const mode = payload.mode === 'edit' ? 'edit' : 'view';
				const reply = await ask({type: 'check', site, url: context.url, mode, fields});
				if (!reply.ok) {
					return reply;
				}

				if (fields.photo?.gray) {
					rememberPhotoHash(payload.fields.photo.url, reply.result.photo?.phash);
				}

				const checked = Object.keys(fields);
				const state = await tabs.update(context.tabId, old => ({
					...old,
					site,
					url: context.url,
					own: true,
					warnings: mergeWarnings(old.url === context.url ? old.warnings : [], reply.result.warnings ?? [], [...checked, ...(reply.result.checked ?? [])]),
					revision: reply.result.revision,
					checkedAt: Date.now(),
					// The photo is checked on its own (it may take seconds to
					// fetch): a check of the text fields says nothing about it.
					photoUnread: payload.fields?.photo ? photoUnread : (old.url === context.url && old.photoUnread === true),
				}));
				await deps.badge(context.tabId, state.warnings.length);
				return reply;
			},
		},

		'bio.get': {
			allow: both,
			async handle(payload, context) {
				const site = context.kind === 'content' ? await siteOfSender(context, payload.site) : String(payload.site ?? '');
				return ask({type: 'bio.get', site});
			},
		},

		'ignore.add': {
			allow: both,
			async handle(payload, context) {
				const {field, observed} = payload;
				let {site} = payload;
				if (context.kind === 'content') {
					site = await siteOfSender(context, site);
					const state = await tabs.get(context.tabId);
					if (!wasReported(state, field, observed)) {
						return failure('forbidden', 'A page may only ignore a value that oneself reported on it.');
					}
				}

				const reply = await ask({type: 'ignore.add', site, field, observed});
				if (reply.ok && context.kind === 'content') {
					const state = await tabs.update(context.tabId, old => ({
						...old,
						warnings: (old.warnings ?? []).filter(w => !(w.field === field && JSON.stringify(w.observed) === JSON.stringify(observed))),
					}));
					await deps.badge(context.tabId, state.warnings.length);
				}

				return reply;
			},
		},

		'profiles.mine': {
			allow: content,
			async handle(payload, context) {
				const site = await siteOfSender(context, payload.site);
				const reply = await ask({type: 'profile.get'});
				if (!reply.ok) {
					return reply;
				}

				return {ok: true, result: {site, profiles: siteProfiles(profileOf(reply.result), site)}};
			},
		},

		// What the content script found on the page: whether it is the user's
		// own, the handle from the URL, the fields it could not read. Stays in
		// the extension (the popup shows it); never sent to the host.
		'page.report': {
			allow: content,
			async handle(payload, context) {
				const site = await siteOfSender(context, payload.site);
				const own = payload.own === true;
				const state = await tabs.update(context.tabId, old => {
					const sameUrl = old.url === context.url;
					return {
						...(sameUrl ? old : {}),
						site,
						url: context.url,
						own,
						kind: ['edit', 'none'].includes(payload.kind) ? payload.kind : 'view',
						handle: typeof payload.handle === 'string' ? payload.handle.slice(0, 200) : null,
						unread: Array.isArray(payload.unread) ? payload.unread.filter(f => FIELDS.has(f)) : [],
						warnings: own && sameUrl ? old.warnings ?? [] : [],
					};
				});
				await deps.badge(context.tabId, state.warnings.length);
				return {ok: true, result: {}};
			},
		},

		'host.state': {
			allow: pages,
			async handle() {
				return {ok: true, result: await deps.hostState()};
			},
		},

		// Connects if needed (a hello), then answers the state.
		'host.connect': {
			allow: pages,
			async handle() {
				try {
					await host.request({type: 'hello', protocol: 1});
				} catch {
					// the state record says what went wrong
				}

				return {ok: true, result: await deps.hostState()};
			},
		},

		'tab.info': {
			allow: pages,
			async handle(payload) {
				return {ok: true, result: (await tabs.get(payload.tabId)) ?? {}};
			},
		},

		'mastodon.instances': {
			allow: pages,
			async handle() {
				return {ok: true, result: {instances: await deps.instances()}};
			},
		},

		'mastodon.add': {
			allow: pages,
			async handle(payload) {
				return {ok: true, result: {instances: await deps.mastodon.add(String(payload.hostname ?? ''))}};
			},
		},

		'mastodon.remove': {
			allow: pages,
			async handle(payload) {
				return {ok: true, result: {instances: await deps.mastodon.remove(String(payload.hostname ?? ''))}};
			},
		},

		'website.hosts': {
			allow: pages,
			async handle() {
				return {ok: true, result: {hosts: await deps.websites()}};
			},
		},

		'website.add': {
			allow: pages,
			async handle(payload) {
				return {ok: true, result: {hosts: await deps.website.add(String(payload.hostname ?? ''))}};
			},
		},

		'website.remove': {
			allow: pages,
			async handle(payload) {
				return {ok: true, result: {hosts: await deps.website.remove(String(payload.hostname ?? ''))}};
			},
		},
	};

	for (const verb of PAGE_VERBS) {
		channels[verb] ??= {
			allow: pages,
			handle: payload => ask({...payload, type: verb}),
		};
	}

	return channels;
}

// profile.get's result, whether the host answers {doc: {...}} or the document's keys directly.
export function profileOf(result) {
	return result?.doc?.profile ?? result?.profile ?? {};
}
