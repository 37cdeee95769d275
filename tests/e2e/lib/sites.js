// What each site's fixtures show, as the browser tests expect the user to see
// it. The differences are the ones the fixture pages document in their header
// comment; the edit fields are located by the same stable hooks the site
// modules use (a test that finds nothing fails, naming the hook).

export const sites = {
	linkedin: {
		name: 'LinkedIn',
		view: 'own-view.html',
		other: 'other-view.html',
		edit: ['edit-intro.html', 'edit.html'],
		// own-view.html: an earlier canonical headline, Seattle for Boston, an old About.
		differs: [
			{field: 'bio', severity: 'warning'},
			{field: 'headline', severity: 'warning', code: 'outdated'},
			{field: 'location', severity: 'warning'},
		],
		// A value shown on own-view.html, to ignore and then change.
		shown: {field: 'headline', text: 'Senior Software Engineer at Northwind Analytics', changed: 'Principal Engineer at Northwind Analytics'},
		editField: {field: 'headline', selector: '[id$="-headline"]', limit: 220},
		// LinkedIn serves two layouts side by side: the classic page above,
		// and the server-driven one ("SDUI") with the 2026 edit dialogs, whose
		// headline is a rich-text editor (contenteditable) with no name.
		layouts: {
			sdui: {
				view: 'own-view-sdui.html',
				other: 'other-view-sdui.html',
				edit: ['edit-sdui.html'],
				differs: [
					{field: 'bio', severity: 'warning'},
					{field: 'headline', severity: 'warning', code: 'outdated'},
					{field: 'location', severity: 'warning'},
				],
				editField: {field: 'headline', selector: 'dialog[data-testid="dialog"] [contenteditable="true"]', limit: 220},
			},
		},
	},
	x: {
		name: 'X',
		view: 'own-view.html',
		other: 'other-view.html',
		edit: ['edit.html'],
		// own-view.html: Seattle, WA (an earlier canonical location), ada-whitfield.dev.
		differs: [
			{field: 'location', severity: 'warning', code: 'outdated'},
			{field: 'website', severity: 'warning'},
		],
		editField: {field: 'bio', selector: '[role="dialog"] textarea[name="description"]', limit: 160},
	},
	github: {
		name: 'GitHub',
		view: 'own-view.html',
		other: 'other-view.html',
		edit: ['edit.html'],
		// own-view.html: Northwind Analytics (her earlier employer), ada-whitfield.dev.
		differs: [
			{field: 'employer', severity: 'error'},
			{field: 'website', severity: 'warning'},
		],
		editField: {field: 'bio', selector: '#user_profile_bio', limit: 160},
	},
	bluesky: {
		name: 'Bluesky',
		view: 'own-view.html',
		other: 'other-view.html',
		edit: ['edit.html'], // the edit dialog over the profile, at the profile's URL
		// own-view.html: an old description.
		differs: [
			{field: 'bio', severity: 'warning'},
		],
		editField: {field: 'bio', selector: '#editProfileDescriptionInput', limit: 256},
	},
	// Added by the user in the options first (added-sites.test.js).
	mastodon: {
		name: 'Mastodon',
		view: 'own-view.html',
		other: 'other-view.html',
		edit: ['edit.html'],
		// own-view.html: an old bio.
		differs: [
			{field: 'bio', severity: 'warning'},
		],
	},
	website: {
		name: 'Website',
		view: 'own-view.html',
		other: 'other-view.html',
		edit: ['edit.html'], // WordPress's Profile screen
		// own-view.html: an older note, her earlier title, employer and city.
		differs: [
			{field: 'bio', severity: 'warning'},
			{field: 'employer', severity: 'error'},
			{field: 'location', severity: 'warning'},
			{field: 'title', severity: 'error'},
		],
		// No limit on the site: the canonical bio for it is the longest, the about.
		editField: {field: 'bio', selector: '#description', bio: 'about'},
	},
};

// What a scenario reads of a site: its entry, or one of its layouts
// (`layout`: a key of its `layouts`) over it.
export function siteConfig(site, layout) {
	if (!layout) {
		return sites[site];
	}

	const variant = sites[site].layouts?.[layout];
	if (!variant) {
		throw new Error(`tests/e2e/lib/sites.js has no layout "${layout}" for ${site}`);
	}

	return {...sites[site], ...variant};
}

// The first of `names` that the site's pages.json lists.
export function pageFile(server, site, names) {
	const list = Array.isArray(names) ? names : [names];
	const found = list.find(name => server.pages.some(page => page.site === site && page.file === name));
	if (!found) {
		throw new Error(`tests/extension/fixtures/${site}/pages.json lists none of ${list.join(', ')}`);
	}

	return found;
}

export function pageUrl(server, site, names) {
	return server.urlOf(site, pageFile(server, site, names));
}

// Serves exactly this fixture at its URL (several fixtures may share one URL,
// like a profile and its edit dialog) and returns the URL.
export function servePage(server, site, names) {
	server.clearPages();
	return server.usePage(site, pageFile(server, site, names));
}
