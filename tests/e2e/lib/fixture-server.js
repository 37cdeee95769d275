// The fake sites: one HTTPS listener on 127.0.0.1 that answers as
// www.linkedin.com, x.com, github.com, ... by Host header, serving the site
// modules' saved fixture pages at the URLs their pages.json names.
//
// Chromium reaches it through --host-resolver-rules (MAP <host> 127.0.0.1:<port>).
// Firefox cannot map a host to another port, so a second listener speaks
// HTTP CONNECT (Firefox's SSL proxy preference points at it) and tunnels every
// connection to the HTTPS listener: TLS still runs end to end with the page's host.
import {createServer as createHttpServer} from 'node:http';
import {createServer as createHttpsServer} from 'node:https';
import {connect} from 'node:net';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {extname, join, normalize} from 'node:path';
import {makeCertificate} from './certs.js';
import {fixturesDir} from './paths.js';

// Hosts the certificate covers even when no pages.json names them yet: the
// sites' page hosts and the image hosts their profile photos come from.
export const siteHosts = [
	'www.linkedin.com', 'linkedin.com', 'media.licdn.com',
	'x.com', 'twitter.com', 'pbs.twimg.com', 'abs.twimg.com',
	'github.com', 'avatars.githubusercontent.com',
	'www.facebook.com', 'scontent.xx.fbcdn.net',
	'mastodon.example',
	'bsky.app', 'cdn.bsky.app',
	'www.instagram.com',
	'myaccount.google.com', 'lh3.googleusercontent.com',
];

const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.svg': 'image/svg+xml',
	'.webp': 'image/webp',
	'.gif': 'image/gif',
};

// host + path, the key pages are served under; query and fragment never matter.
function routeKey(url) {
	const parsed = new URL(url);
	return parsed.host.toLowerCase() + parsed.pathname;
}

// Every fixture page of every site: [{site, file, url, path}]. pages.json maps
// a fixture file to the URL it stands for; keys that are not .html files (notes,
// asset lists) are skipped.
export function loadFixturePages(dir = fixturesDir) {
	const pages = [];
	if (!existsSync(dir)) {
		return pages;
	}

	for (const site of readdirSync(dir)) {
		const pagesJson = join(dir, site, 'pages.json');
		if (!existsSync(pagesJson)) {
			continue;
		}

		const map = JSON.parse(readFileSync(pagesJson, 'utf8'));
		for (const [file, value] of Object.entries(map)) {
			const url = typeof value === 'string' ? value : value?.url;
			if (!file.endsWith('.html') || typeof url !== 'string') {
				continue;
			}

			pages.push({site, file, url, path: join(dir, site, file)});
		}
	}

	return pages;
}

// Starts both listeners. Options: `hosts` (extra hosts for the certificate).
// Returns {port, proxyPort, hosts, spki, pages, urlOf(site, file), html(site, file),
// setPage(url, html), clearPage(url), hang(url), requests, close()}.
export async function startFixtureServer({hosts: extraHosts = []} = {}) {
	const pages = loadFixturePages();
	const hosts = [...new Set([...siteHosts, ...extraHosts, ...pages.map(page => new URL(page.url).hostname)])];
	const certDir = mkdtempSync(join(tmpdir(), 'oneself-cert-'));
	const {key, cert, spki} = makeCertificate(certDir, hosts);
	rmSync(certDir, {recursive: true, force: true});

	// Several fixtures may stand for one URL (own-view.html and
	// own-view-matching.html): the first listed is served unless a test
	// chooses another with usePage().
	const routes = new Map();
	for (const page of pages) {
		if (!routes.has(routeKey(page.url))) {
			routes.set(routeKey(page.url), page);
		}
	}

	const overrides = new Map();
	const held = new Set(); // route keys answered never
	const requests = [];

	// Assets: /fixture-assets/<name> from the site's own folder or the shared
	// assets folder; any other path whose file exists in the site's folder.
	function findAsset(host, pathname) {
		const name = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
		const base = name.split('/').pop();
		const sitesOnHost = [...new Set(pages.filter(page => new URL(page.url).host === host).map(page => page.site))];
		const candidates = [
			...sitesOnHost.map(site => join(fixturesDir, site, 'assets', base)),
			...sitesOnHost.map(site => join(fixturesDir, site, base)),
			join(fixturesDir, 'assets', base),
		];
		if (name.startsWith('/fixture-assets/')) {
			candidates.push(...readdirSync(fixturesDir).map(site => join(fixturesDir, site, 'assets', base)));
		}

		return candidates.find(path => extname(path) !== '.html' && extname(path) !== '.json'
			&& existsSync(path) && statSync(path).isFile());
	}

	function handle(request, response) {
		const host = (request.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
		const {pathname} = new URL(request.url, `https://${host}`);
		const key = host + pathname;
		requests.push({host, path: request.url, method: request.method});
		const send = (status, type, body) => {
			response.writeHead(status, {'content-type': type, 'cache-control': 'no-store'});
			response.end(body);
		};

		if (held.has(key)) {
			return; // a server that accepted the request and never answers
		}

		const variants = [key, key.endsWith('/') ? key.slice(0, -1) : `${key}/`];
		for (const variant of variants) {
			if (overrides.has(variant)) {
				return send(200, types['.html'], overrides.get(variant));
			}

			if (routes.has(variant)) {
				return send(200, types['.html'], readFileSync(routes.get(variant).path));
			}
		}

		const asset = findAsset(host, pathname);
		if (asset) {
			return send(200, types[extname(asset)] ?? 'application/octet-stream', readFileSync(asset));
		}

		return send(404, 'text/plain', `no fixture for ${key}\n`);
	}

	const https = createHttpsServer({key, cert}, handle);
	const proxy = createHttpServer((request, response) => {
		response.writeHead(405).end();
	});
	const sockets = new Set();
	const track = socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	};

	https.on('connection', track);
	proxy.on('connection', track);
	proxy.on('connect', (request, client, head) => {
		const upstream = connect(https.address().port, '127.0.0.1', () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		track(upstream);
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
	});

	await Promise.all([https, proxy].map(server => new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	})));

	const byFile = (site, file) => {
		const page = pages.find(candidate => candidate.site === site && candidate.file === file);
		if (!page) {
			throw new Error(`no fixture ${site}/${file} in pages.json`);
		}

		return page;
	};

	return {
		port: https.address().port,
		proxyPort: proxy.address().port,
		hosts,
		spki,
		pages,
		requests,
		// The URL a fixture stands for (https://www.linkedin.com/in/ada-whitfield/).
		urlOf: (site, file) => byFile(site, file).url,
		// The fixture's HTML, to derive a variant page from it.
		html: (site, file) => readFileSync(byFile(site, file).path, 'utf8'),
		// Serves `html` at `url` instead of (or besides) the fixture, until cleared.
		setPage(url, html) {
			overrides.set(routeKey(url), html);
		},
		// Serves the fixture `file` at the URL it stands for, until cleared.
		usePage(site, file) {
			const page = byFile(site, file);
			overrides.set(routeKey(page.url), readFileSync(page.path, 'utf8'));
			return page.url;
		},
		clearPage(url) {
			overrides.delete(routeKey(url));
		},
		clearPages() {
			overrides.clear();
			held.clear();
		},
		// Requests for `url` are accepted and never answered (until close()).
		hang(url) {
			held.add(routeKey(url));
		},
		// Chromium's --host-resolver-rules value: every site host to this server,
		// everything else nowhere (the tests never reach the real sites).
		resolverRules() {
			return [...hosts.map(host => `MAP ${host} 127.0.0.1:${this.port}`), 'MAP * ~NOTFOUND'].join(', ');
		},
		async close() {
			for (const socket of sockets) {
				socket.destroy();
			}

			await Promise.all([https, proxy].map(server => new Promise(resolve => server.close(resolve))));
		},
	};
}
