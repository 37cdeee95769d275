// What the popup shows, decided from plain data (no DOM, no browser), so
// that it can be tested: the host state, the current tab's page, the
// canonical profile and the bio fitted to the site.

import {siteProfiles, SITE_NAMES} from '../background/site-hosts.js';

const FIELD_WORDS = {
	name: 'the name',
	headline: 'the headline',
	bio: 'the bio',
	location: 'the location',
	website: 'the website',
	employer: 'the employer',
	title: 'the job title',
	links: 'the links',
	experience: 'the experience list',
	photo: 'the photo',
};

// "couldn't read the headline on this page"
export function unreadSentence(field) {
	return `Couldn't read ${FIELD_WORDS[field] ?? field} on this page.`;
}

// "the headline", "the headline and the location", "the name, the bio and the photo"
export function fieldList(fields) {
	const words = fields.map(field => FIELD_WORDS[field] ?? field);
	return words.length <= 2 ? words.join(' and ') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

// Fields the site's module expected on an own page and could not find: its
// page is no longer built the way the module knows, most likely because the
// site changed it. Said with the site's name, in plain words.
export function siteChangedSentence(siteName, fields) {
	const site = siteName ?? 'This site';
	const them = fields.length === 1 ? 'it is' : 'they are';
	return `${site} may have changed its page: oneself couldn't find ${fieldList(fields)} on it, so ${them} not checked here. The options page shows when each was last read.`;
}

// host: the state record; tab: {site, url, own, kind, handle, unread, warnings};
// tabUrl: the address the browser's tab shows now;
// profile: the canonical profile (or null); bio: bio.get's result (or null).
export function popupModel({host, tab, tabUrl, site, profile, bio}) {
	// A report from another address is about a page the tab has left (a
	// navigation inside a single-page site that nothing has reported yet).
	if (tab?.url && tabUrl && withoutFragment(tab.url) !== withoutFragment(tabUrl)) {
		tab = {};
	}

	const siteName = SITE_NAMES[site] ?? null;
	const model = {
		host: {ok: host?.ok !== false, title: host?.title ?? '', fix: host?.fix ?? ''},
		site,
		siteName,
		page: 'none',
		warnings: 0,
		unread: [],
		siteChanged: null,
		claim: null,
		copies: [],
	};

	if (site && tab?.site === site && tab.kind !== 'none') {
		if (tab.own) {
			model.page = 'own';
			model.warnings = (tab.warnings ?? []).length;
			// What the module could not find is the site's page changing; a
			// photo the background could not fetch is only unread.
			const missing = (tab.unread ?? []).filter(field => Object.hasOwn(FIELD_WORDS, field));
			if (missing.length > 0) {
				model.siteChanged = siteChangedSentence(siteName, missing);
			}

			if (tab.photoUnread && !missing.includes('photo')) {
				model.unread = [unreadSentence('photo')];
			}
		} else {
			model.page = 'other';
			const listed = siteProfiles(profile, site).length > 0;
			// Only when the profile has no entry for this network: otherwise the
			// page is someone else's, and saying "this is mine" would be wrong.
			if (!listed && tab.handle && profile) {
				model.claim = {network: siteName, username: tab.handle, url: tab.url};
			}
		}
	} else if (site) {
		model.page = 'unknown';
	}

	if (site && bio && typeof (bio.text ?? bio.bio) === 'string') {
		const text = bio.text ?? bio.bio;
		model.copies.push({
			id: 'bio',
			label: `Copy bio for ${siteName}`,
			text,
			detail: bio.limit ? `${bio.length ?? [...text].length} / ${bio.limit} characters${bio.truncated ? ', shortened' : ''}` : '',
		});
	}

	const name = profile?.name?.full;
	if (typeof name === 'string' && name) {
		model.copies.push({id: 'name', label: 'Copy name', text: name, detail: ''});
	}

	if (typeof profile?.headline === 'string' && profile.headline) {
		model.copies.push({id: 'headline', label: 'Copy headline', text: profile.headline, detail: ''});
	}

	return model;
}

function withoutFragment(url) {
	return String(url).split('#')[0];
}

// What the popup says when the profile or the bio could not be loaded, and
// what to do about it. failed: [{what: 'profile' | 'bio', error}].
export function loadFailure(failed, siteName) {
	const what = failed.map(({what}) => (what === 'bio' ? `the bio for ${siteName ?? 'this site'}` : 'your canonical profile')).join(' or ');
	const fix = failed.map(({error}) => error?.fix).find(Boolean)
		?? 'Close and reopen this popup to try again. If it keeps failing, run `oneself doctor`.';
	return `Could not load ${what}, so there is nothing to copy yet. ${fix}`;
}

// "This is my profile" failed: a sentence for people, not the host's text.
export function claimFailure(error) {
	if (error?.code === 'conflict') {
		return 'Your profile changed meanwhile. Click again to add it.';
	}

	const fix = error?.fix ?? 'Try again, or add it on the options page (Edit your canonical profile…).';
	return `Could not add it to your profiles. ${fix}`;
}

export function pageSentence(model) {
	switch (model.page) {
		case 'own': {
			const yours = model.site === 'website' ? 'Your website' : `Your ${model.siteName} profile`;
			return model.warnings === 0
				? `${yours} matches your canonical profile.`
				: `${yours}: ${model.warnings} ${model.warnings === 1 ? 'difference' : 'differences'}.`;
		}

		case 'other':
			return `Not one of your profiles: oneself does not read it.`;
		case 'unknown':
			return `${model.siteName}: not a profile page, or not read yet.`;
		default:
			return 'This page is not on a site oneself knows.';
	}
}
