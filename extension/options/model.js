// The options page's pure logic: the canonical fields it edits, the merge
// patch from the edited profile, the live length counters per site, and the
// readable form of a history entry. No DOM, no browser.

// The editable scalar fields, by path in the profile, with the check field
// whose per-site limits their counters show.
export const TEXT_FIELDS = Object.freeze([
	{path: 'name.full', label: 'Full name', counter: 'name'},
	{path: 'name.given', label: 'Given name', counter: 'firstName'},
	{path: 'name.family', label: 'Family name', counter: 'lastName'},
	{path: 'headline', label: 'Headline', counter: 'headline'},
	{path: 'bio.short', label: 'Bio, short (about 160)', counter: 'bio', multiline: true},
	{path: 'bio.medium', label: 'Bio, medium (about 300)', counter: 'bio', multiline: true},
	{path: 'bio.long', label: 'Bio, long (about 1,000)', counter: 'bio', multiline: true},
	{path: 'bio.about', label: 'About (long form, up to 2,600)', counter: 'about', multiline: true},
	{path: 'email', label: 'Email'},
	{path: 'website', label: 'Website', counter: 'website'},
	{path: 'location.display', label: 'Location, as shown', counter: 'location'},
	{path: 'location.city', label: 'City'},
	{path: 'location.region', label: 'Region'},
	{path: 'location.countryCode', label: 'Country code'},
]);

// List fields: each row is an object with these keys, shown with these
// labels; `item` names one row ("Add position", "Remove position 2").
export const LIST_FIELDS = Object.freeze([
	{path: 'work', label: 'Work history', item: 'position', keys: ['employer', 'title', 'start', 'end'], keyLabels: ['Employer', 'Title', 'Start (YYYY-MM)', 'End (empty: now)'], nullable: ['end']},
	{path: 'links', label: 'Other links', item: 'link', keys: ['label', 'url'], keyLabels: ['Label', 'URL']},
	{path: 'profiles', label: 'Your profiles, per network', item: 'profile', keys: ['network', 'username', 'url'], keyLabels: ['Network', 'Username', 'URL']},
]);

export const POLICIES = Object.freeze(['professional', 'personal', 'off']);
export const OVERRIDE_FIELDS = Object.freeze(['name', 'headline', 'bio', 'location', 'website']);

export function getPath(object, path) {
	return path.split('.').reduce((value, key) => (value && typeof value === 'object' ? value[key] : undefined), object);
}

export function setPath(object, path, value) {
	const keys = path.split('.');
	let target = object;
	for (const key of keys.slice(0, -1)) {
		if (!target[key] || typeof target[key] !== 'object' || Array.isArray(target[key])) {
			target[key] = {};
		}

		target = target[key];
	}

	const last = keys.at(-1);
	if (value === '' || value === undefined || value === null) {
		delete target[last];
	} else {
		target[last] = value;
	}
}

const isObject = value => value !== null && typeof value === 'object' && !Array.isArray(value);

// Equal as JSON, where a key set to null inside a list row counts as absent
// ({"end": null} and no end both mean "current").
function sameJson(a, b) {
	const withoutNulls = (key, value) => (isObject(value) ? Object.fromEntries(Object.entries(value).filter(([, part]) => part !== null)) : value);
	return JSON.stringify(a, withoutNulls) === JSON.stringify(b, withoutNulls);
}

// The RFC 7396 merge patch that turns `before` into `after` (arrays replace
// wholly, removed keys become null). Undefined when nothing changed.
export function mergePatch(before, after) {
	if (!isObject(before) || !isObject(after)) {
		return sameJson(before, after) ? undefined : after;
	}

	const patch = {};
	for (const key of Object.keys(before)) {
		if (!(key in after)) {
			patch[key] = null;
		}
	}

	for (const [key, value] of Object.entries(after)) {
		if (!(key in before)) {
			patch[key] = value;
			continue;
		}

		const inner = mergePatch(before[key], value);
		if (inner !== undefined) {
			patch[key] = inner;
		}
	}

	return Object.keys(patch).length > 0 ? patch : undefined;
}

// The profile.update request from the snapshot the form was loaded from.
export function updateRequest(snapshot, profile, sites) {
	const request = {baseRevision: snapshot.revision};
	const profilePatch = mergePatch(snapshot.doc.profile ?? {}, profile);
	const sitesPatch = mergePatch(snapshot.doc.sites ?? {}, sites);
	if (profilePatch !== undefined) {
		request.profile = profilePatch;
	}

	if (sitesPatch !== undefined) {
		request.sites = sitesPatch;
	}

	return request.profile || request.sites ? request : null;
}

function graphemes(text) {
	let count = 0;
	for (const _ of new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(text)) {
		count++;
	}

	return count;
}

// The length of `text` as `counting` counts ("codepoints", "graphemes",
// "codepoints-url23": X counts every URL as 23).
export function siteLength(text, counting) {
	const value = String(text ?? '');
	if (counting === 'graphemes') {
		return graphemes(value);
	}

	if (counting === 'codepoints-url23') {
		let length = 0;
		let rest = value;
		for (const match of value.matchAll(/https?:\/\/\S+/g)) {
			length += 23;
			rest = rest.replace(match[0], '');
		}

		return length + [...rest].length;
	}

	return [...value].length;
}

// sites: hello's [{id, name, counting, limits: {field: max}}].
// Returns [{site, name, length, limit, over}] for the sites that limit `field`.
export function counters(text, field, sites = []) {
	if (!field) {
		return [];
	}

	return sites
		.filter(site => Number.isFinite(site.limits?.[field]))
		.map(site => {
			const length = siteLength(text, site.counting);
			const limit = site.limits[field];
			return {site: site.id, name: site.name, length, limit, over: length > limit};
		});
}

function short(value) {
	if (value === null || value === undefined) {
		return '(none)';
	}

	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

// One list item (a position, a link, a profile) as a person says it.
function itemText(item) {
	if (!isObject(item)) {
		return short(item);
	}

	if (item.employer || item.title) {
		const when = item.start ? ` (${item.start} – ${item.end ?? 'now'})` : '';
		return `${item.title ?? ''}${item.title && item.employer ? ' at ' : ''}${item.employer ?? ''}${when}`;
	}

	if (item.network) {
		return `${item.network}: ${item.username ?? item.url ?? ''}`;
	}

	if (item.url) {
		return item.label ? `${item.label}: ${item.url}` : item.url;
	}

	if (item.field) {
		return `${item.field} “${short(item.observed)}”`;
	}

	return short(item);
}

// A value set apart from the text around it (U+2068 FIRST STRONG ISOLATE …
// U+2069 POP DIRECTIONAL ISOLATE), so that "old → new" reads in order even
// when both values are Arabic or Hebrew.
const isolate = text => `\u2068${text}\u2069`;

function changeLines(key, from, to) {
	const absent = value => value === null || value === undefined;
	if ((isObject(from) || absent(from)) && (isObject(to) || absent(to)) && !(absent(from) && absent(to))) {
		const before = from ?? {};
		const after = to ?? {};
		return [...new Set([...Object.keys(before), ...Object.keys(after)])]
			.filter(part => !sameJson(before[part], after[part]))
			.flatMap(part => changeLines(`${key}.${part}`, before[part], after[part]));
	}

	if (Array.isArray(from) || Array.isArray(to)) {
		const before = Array.isArray(from) ? from : [];
		const after = Array.isArray(to) ? to : [];
		return [
			...before.filter(item => !after.some(other => sameJson(item, other))).map(item => `${key}: removed ${isolate(itemText(item))}`),
			...after.filter(item => !before.some(other => sameJson(item, other))).map(item => `${key}: added ${isolate(itemText(item))}`),
		];
	}

	if (absent(from)) {
		return [`${key}: set to ${isolate(short(to))}`];
	}

	if (absent(to)) {
		return [`${key}: removed (was ${isolate(short(from))})`];
	}

	return [`${key}: ${isolate(short(from))} → ${isolate(short(to))}`];
}

// A history entry's changes as lines a person reads, down to the changed
// part: "location.display: Seattle, WA → Boston, MA", "work: added Staff
// Engineer at Lumen Labs (2021-03 – now)", each value isolated.
export function describeChanges(changes = {}) {
	return Object.entries(changes).flatMap(([key, change]) => changeLines(key, change?.from, change?.to));
}

// The ignores of every site: [{site, field, observed, at}].
export function ignoresOf(sites = {}) {
	return Object.entries(sites).flatMap(([site, settings]) =>
		(settings?.ignores ?? []).map(entry => ({site, ...entry})));
}
