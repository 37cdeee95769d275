// The extension pages' (popup, options) client of the background router.
import './namespace.js';
import './browser.js';

export const {ext} = globalThis.oneself;

// Resolves with the router's reply {ok, result | error}; never rejects.
export async function send(channel, payload = {}) {
	try {
		return await ext.sendMessage({channel, payload}) ?? {ok: false, error: {code: 'no_answer', message: 'The extension did not answer.'}};
	} catch (error) {
		return {ok: false, error: {code: 'extension', message: String(error?.message ?? error)}};
	}
}

// Like send, but resolves with the result and throws the error.
export async function call(channel, payload = {}) {
	const reply = await send(channel, payload);
	if (!reply.ok) {
		const error = new Error(reply.error?.message ?? 'failed');
		error.code = reply.error?.code;
		error.fix = reply.error?.fix;
		throw error;
	}

	return reply.result;
}

// profile.get's result in one shape: {revision, doc: {profile, sites, previous}}.
export function snapshotOf(result) {
	const doc = result?.doc ?? {profile: result?.profile ?? {}, sites: result?.sites ?? {}, previous: result?.previous ?? {}};
	return {revision: result?.revision ?? 0, updated: result?.updated ?? null, doc: {profile: doc.profile ?? {}, sites: doc.sites ?? {}, previous: doc.previous ?? {}}};
}
