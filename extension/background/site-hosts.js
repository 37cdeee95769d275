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

// The site id for a page URL, or null. `instances` are Mastodon hostnames.
export function siteForUrl(url, instances = []) {
	const parsed = parse(url);
	if (!parsed || parsed.protocol !== 'https:') {
		return null;
	}

	for (const [site, hosts] of Object.entries(SITE_HOSTS)) {
		if (hosts.includes(parsed.hostname)) {
			return site;
		}
	}

	return instances.includes(parsed.hostname) ? 'mastodon' : null;
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

	if (site === 'mastodon') {
		// Instances serve media from the instance or a subdomain of it (files.<instance>).
		return instances.some(instance => page.hostname === instance && (image.hostname === instance || image.hostname.endsWith(`.${instance}`)));
	}

	return (IMAGE_HOSTS[site] ?? []).some(pattern => hostMatches(image.hostname, pattern));
}

// Network names in profiles[] match site ids without regard to case; "Twitter" is X.
export function networkToSite(network) {
	const id = String(network ?? '').trim().toLowerCase();
	return id === 'twitter' ? 'x' : id;
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
});
