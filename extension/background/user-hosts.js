// Sites whose hosts are the user's choice (Mastodon instances, the user's own
// website): their content scripts are registered at run time, after the
// options page obtained the host permission, and remembered in storage.local.

// A script path as registerContentScripts takes it: relative to the
// extension's root. Firefox's runtime.getManifest() gives content scripts as
// absolute moz-extension:// URLs, which it then refuses there.
function extensionPath(file) {
	return /^[a-z-]+:\/\//i.test(file) ? new URL(file).pathname.replace(/^\/+/, '') : file;
}

// The same scripts, in the same order, as the manifest's static entries,
// with `module` (say 'sites/mastodon.js') in place of the site module.
export function contentScripts(manifest, module) {
	const [first] = manifest.content_scripts ?? [];
	return (first?.js ?? []).map(extensionPath).map(file => (file.startsWith('sites/') && file !== 'sites/kit.js' ? module : file));
}

// The origins asked for: the host and its subdomains (media, www).
export const originsFor = hostname => [`https://${hostname}/*`, `https://*.${hostname}/*`];

// A bare lowercase hostname, or '' when the text is not one.
export function normalizeHostname(text) {
	let value = String(text ?? '').trim().toLowerCase();
	if (!value) {
		return '';
	}

	if (!value.includes('://')) {
		value = `https://${value}`;
	}

	try {
		const {hostname} = new URL(value);
		return /^[a-z\d-]+(\.[a-z\d-]+)+$/.test(hostname) ? hostname : '';
	} catch {
		return '';
	}
}

// ext: the adapter. kind: {site, module, storageKey, normalize(text) -> hostname
// or '', matches(hostname) -> the match patterns the scripts run on}.
export function createUserHosts(ext, kind) {
	const scriptId = hostname => `${kind.site}:${hostname}`;

	async function list() {
		const stored = await ext.storage.local.get(kind.storageKey);
		return stored[kind.storageKey] ?? [];
	}

	async function register(hostname) {
		const registered = await ext.scripting.registered();
		if (registered.some(script => script.id === scriptId(hostname))) {
			return;
		}

		await ext.scripting.register([{
			id: scriptId(hostname),
			matches: kind.matches(hostname),
			js: contentScripts(ext.manifest(), kind.module),
			runAt: 'document_idle',
			persistAcrossSessions: true,
		}]);
	}

	return {
		list,
		// The options page asked for the permission (it needs a user gesture);
		// this only registers when it was granted.
		async add(text) {
			const hostname = kind.normalize(text);
			if (!hostname || !(await ext.permissions.contains(originsFor(hostname)))) {
				return list();
			}

			await register(hostname);
			const hosts = [...new Set([...(await list()), hostname])];
			await ext.storage.local.set({[kind.storageKey]: hosts});
			return hosts;
		},
		async remove(text) {
			const hostname = kind.normalize(text);
			const registered = await ext.scripting.registered();
			if (registered.some(script => script.id === scriptId(hostname))) {
				await ext.scripting.unregister([scriptId(hostname)]);
			}

			const hosts = (await list()).filter(name => name !== hostname);
			await ext.storage.local.set({[kind.storageKey]: hosts});
			await ext.permissions.remove(originsFor(hostname)).catch(() => {});
			return hosts;
		},
		// Registrations can be lost (Firefox drops them on update): redo them.
		async restore() {
			for (const hostname of await list()) {
				if (await ext.permissions.contains(originsFor(hostname))) {
					await register(hostname).catch(() => {});
				}
			}
		},
	};
}
