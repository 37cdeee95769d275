// Which site a tab's URL belongs to, and which hosts may serve that site's
// profile photos. The background cannot load the site modules (classic
// content scripts), so it keeps this small table of its own; the manifest's
// host permissions list the same hosts.

export const SITE_HOSTS = Object.freeze({
	linkedin: ['www.linkedin.com'],
	x: ['x.com', 'twitter.com'],
	github: ['github.com'],
	facebook: ['www.facebook.com'],
	bluesky: ['bsky.app'],
	instagram: ['www.instagram.com'],
	google: ['myaccount.google.com'],
	mastodon: [], // the instances the user named in the options page
	website: [], // the user's own site, added in the options page
});

// Photo hosts, by suffix (a leading dot matches any subdomain).
export const IMAGE_HOSTS = Object.freeze({
	linkedin: ['media.licdn.com', 'static.licdn.com'],
	x: ['pbs.twimg.com', 'abs.twimg.com'],
	github: ['avatars.githubusercontent.com'],
	facebook: ['.fbcdn.net'],
	bluesky: ['cdn.bsky.app'],
	instagram: ['.cdninstagram.com', '.fbcdn.net'],
	google: ['.googleusercontent.com'],
	mastodon: [],
	website: ['.gravatar.com'], // WordPress shows Gravatar's picture on the Profile screen
});

// Photos inlined as data: URLs larger than this are not read.
const MAX_DATA_URL = 4 * 1024 * 1024;

function hostMatches(hostname, pattern) {
	return pattern.startsWith('.') ? hostname.endsWith(pattern) : hostname === pattern;
}

function parse(url) {
	try {
		return new URL(url);
	} catch {
		return null;
	}
}

// A site served at "www.<host>" and "<host>" is one site.
export const withoutWww = hostname => hostname.replace(/^www\./, '');

// The site id for a page URL, or null. `instances` are Mastodon hostnames,
// `websites` the user's own sites' (without "www.", background/website.js).
export function siteForUrl(url, instances = [], websites = []) {
	const parsed = parse(url);
	if (!parsed || parsed.protocol !== 'https:') {
		return null;
	}

	for (const [site, hosts] of Object.entries(SITE_HOSTS)) {
		if (hosts.includes(parsed.hostname)) {
			return site;
		}
	}

	if (instances.includes(parsed.hostname)) {
		return 'mastodon';
	}

	return websites.includes(withoutWww(parsed.hostname)) ? 'website' : null;
}

// May the background fetch this image for a check on `site`, shown on `pageUrl`?
// The site's image hosts, the page's own host and images inlined in the page
// (data: URLs) are allowed; nothing else.
export function isAllowedImage(site, imageUrl, pageUrl, instances = []) {
	// An image inlined in the page itself: reading it makes no request.
	if (/^data:image\/(png|jpeg|gif|webp);base64,/i.test(String(imageUrl)) && imageUrl.length <= MAX_DATA_URL) {
		return true;
	}

	const image = parse(imageUrl);
	const page = parse(pageUrl);
	if (!image || image.protocol !== 'https:' || !page) {
		return false;
	}

	if (image.hostname === page.hostname) {
		return true;
	}

	// A site served both with and without "www." is one site.
	if (site === 'website' && withoutWww(image.hostname) === withoutWww(page.hostname)) {
		return true;
	}

	if (site === 'mastodon') {
		// Instances serve media from the instance or a subdomain of it (files.<instance>).
		return instances.some(instance => page.hostname === instance && (image.hostname === instance || image.hostname.endsWith(`.${instance}`)));
	}

	return (IMAGE_HOSTS[site] ?? []).some(pattern => hostMatches(image.hostname, pattern));
}

// Network names in profiles[] match site ids without regard to case, and a
// few names people write for X and Google do too. The same table is in
// sites/kit.js (a classic script, which cannot import this module); a test
// holds the two together.
export const NETWORK_ALIASES = Object.freeze({twitter: 'x', 'x (twitter)': 'x', 'twitter/x': 'x', 'google account': 'google'});

export function networkToSite(network) {
	const id = String(network ?? '').trim().toLowerCase();
	return NETWORK_ALIASES[id] ?? id;
}

// What a site's module is given to tell the user's own pages: the canonical
// profiles[] entries of its network. The user's own website is also the
// canonical `website`, which comes first.
export function siteProfiles(profile, site) {
	const entries = (Array.isArray(profile?.profiles) ? profile.profiles : [])
		.filter(entry => networkToSite(entry?.network) === site);
	if (site === 'website' && typeof profile?.website === 'string' && profile.website !== '') {
		entries.unshift({network: 'Website', url: profile.website});
	}

	return entries;
}

export const SITE_NAMES = Object.freeze({
	linkedin: 'LinkedIn',
	x: 'X',
	github: 'GitHub',
	facebook: 'Facebook',
	mastodon: 'Mastodon',
	bluesky: 'Bluesky',
	instagram: 'Instagram',
	google: 'Google',
	website: 'Website',
});
