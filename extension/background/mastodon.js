// Mastodon instances are the user's choice, so their content scripts are
// registered at run time, after the options page obtained the host permission.

// The same scripts, in the same order, as the manifest's static entries,
// with the Mastodon module in place of the site module.
export function contentScripts(manifest) {
	const [first] = manifest.content_scripts ?? [];
	return (first?.js ?? []).map(file => (file.startsWith('sites/') && file !== 'sites/kit.js' ? 'sites/mastodon.js' : file));
}

const scriptId = hostname => `mastodon:${hostname}`;
export const originsFor = hostname => [`https://${hostname}/*`, `https://*.${hostname}/*`];

// A bare hostname, or '' when the text is not one.
export function normalizeInstance(text) {
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

// browser: the adapter. Instances are kept in storage.local.
export function createMastodonInstances(ext) {
	async function list() {
		const {mastodonInstances = []} = await ext.storage.local.get('mastodonInstances');
		return mastodonInstances;
	}

	async function register(hostname) {
		const registered = await ext.scripting.registered();
		if (registered.some(script => script.id === scriptId(hostname))) {
			return;
		}

		await ext.scripting.register([{
			id: scriptId(hostname),
			matches: [`https://${hostname}/*`],
			js: contentScripts(ext.manifest()),
			runAt: 'document_idle',
			persistAcrossSessions: true,
		}]);
	}

	return {
		list,
		// The options page asked for the permission (it needs a user gesture);
		// this only registers when it was granted.
		async add(text) {
			const hostname = normalizeInstance(text);
			if (!hostname || !(await ext.permissions.contains(originsFor(hostname)))) {
				return list();
			}

			await register(hostname);
			const instances = [...new Set([...(await list()), hostname])];
			await ext.storage.local.set({mastodonInstances: instances});
			return instances;
		},
		async remove(text) {
			const hostname = normalizeInstance(text);
			const registered = await ext.scripting.registered();
			if (registered.some(script => script.id === scriptId(hostname))) {
				await ext.scripting.unregister([scriptId(hostname)]);
			}

			const instances = (await list()).filter(name => name !== hostname);
			await ext.storage.local.set({mastodonInstances: instances});
			await ext.permissions.remove(originsFor(hostname)).catch(() => {});
			return instances;
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
