// What the background knows about each tab (its site, whether it is the
// user's own page, the warnings of the last check, the fields the site module
// could not read), kept in storage.session so that a service worker eviction
// loses nothing. Updates to one tab are serialized.

const key = tabId => `tab:${tabId}`;

export function createTabState(storage) {
	const chains = new Map();

	async function get(tabId) {
		const items = await storage.get(key(tabId));
		return items?.[key(tabId)] ?? null;
	}

	// fn(old) returns the new state; updates of one tab run one after another.
	function update(tabId, fn) {
		const previous = chains.get(tabId) ?? Promise.resolve();
		const next = previous.then(async () => {
			const state = fn((await get(tabId)) ?? {});
			await storage.set({[key(tabId)]: state});
			return state;
		});
		chains.set(tabId, next.catch(() => {}));
		return next;
	}

	async function remove(tabId) {
		chains.delete(tabId);
		await storage.remove(key(tabId));
	}

	return {get, update, remove};
}

// The tab's warnings after a check that covered `checkedFields`: the fields
// it checked take the new warnings; the other fields keep theirs.
export function mergeWarnings(old = [], fresh = [], checkedFields = []) {
	const checked = new Set(checkedFields);
	return [...old.filter(warning => !checked.has(warning.field)), ...fresh];
}

// Was this exact (field, observed) pair reported to this tab by its last checks?
// The only values a page may ask to ignore.
export function wasReported(state, field, observed) {
	return (state?.warnings ?? []).some(warning => warning.field === field && sameObserved(warning.observed, observed));
}

function sameObserved(a, b) {
	if (typeof a === 'string' || typeof b === 'string') {
		return a === b;
	}

	return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
