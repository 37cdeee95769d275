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
	},
	x: {
		name: 'X',
		view: 'own-view.html',
		other: 'other-view.html',
		edit: ['edit.html'],
		differs: undefined, // filled in from the fixture's header comment
		editField: {field: 'bio', selector: 'textarea[name="description"], [data-testid="ProfileEditBio"] textarea', limit: 160},
	},
	github: {
		name: 'GitHub',
		view: 'own-view.html',
		other: 'other-view.html',
		edit: ['edit.html', 'settings-profile.html'],
		differs: undefined,
		editField: {field: 'bio', selector: '#user_profile_bio, textarea[name="user[profile_bio]"]', limit: 160},
	},
};

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
