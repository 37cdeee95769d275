'use strict';
// The thin browser adapter: the only file that knows Chromium's `chrome.*`
// from Firefox's `browser.*`. Everything else uses `oneself.ext`, gets
// promises, and sees native port errors as plain strings.
//
// Written as a classic script so that content scripts (which cannot be ES
// modules) and the module pages (`import '../lib/browser.js'`) share it.
(function createBrowserAdapter(root) {
	const ns = root.oneself ?? (root.oneself = {});
	if (ns.ext) {
		return;
	}

	// Firefox has `browser` (promise based); Chromium has `chrome`, whose MV3
	// methods also return promises when called without a callback.
	const api = () => root.browser ?? root.chrome;

	// Chromium reports a port's failure through runtime.lastError inside
	// onDisconnect; Firefox sets port.error. Null when no reason was given.
	function disconnectReason(port) {
		const lastError = root.chrome?.runtime?.lastError;
		if (port.error?.message) {
			return port.error.message;
		}

		return lastError?.message ?? null;
	}

	ns.ext = {
		// False outside an extension (a plain page, a test window).
		available: () => Boolean(api()?.runtime?.id),
		extensionOrigin: () => api().runtime.getURL(''),
		extensionId: () => api().runtime.id,
		url: path => api().runtime.getURL(path),
		manifest: () => api().runtime.getManifest(),

		sendMessage: message => api().runtime.sendMessage(message),

		// handler(message, sender) returns a promise of the reply. Uses
		// sendResponse + `return true`, which both browsers honour.
		onMessage(handler) {
			api().runtime.onMessage.addListener((message, sender, sendResponse) => {
				Promise.resolve()
					.then(() => handler(message, sender))
					.then(sendResponse, error => sendResponse({ok: false, error: {code: 'internal', message: String(error?.message ?? error)}}));
				return true;
			});
		},

		// A native port wrapped so that callers see one shape in both browsers.
		connectNative(name) {
			const port = api().runtime.connectNative(name);
			return {
				post: message => port.postMessage(message),
				disconnect: () => port.disconnect(),
				onMessage: callback => port.onMessage.addListener(message => callback(message)),
				onDisconnect: callback => port.onDisconnect.addListener(p => callback(disconnectReason(p ?? port))),
			};
		},

		storage: {
			session: {
				get: keys => api().storage.session.get(keys),
				set: items => api().storage.session.set(items),
				remove: keys => api().storage.session.remove(keys),
			},
			local: {
				get: keys => api().storage.local.get(keys),
				set: items => api().storage.local.set(items),
				remove: keys => api().storage.local.remove(keys),
			},
		},

		tabs: {
			async active() {
				const [tab] = await api().tabs.query({active: true, currentWindow: true});
				return tab;
			},
			reload: tabId => api().tabs.reload(tabId),
			sendMessage: (tabId, message) => api().tabs.sendMessage(tabId, message),
			onRemoved: callback => api().tabs.onRemoved.addListener(tabId => callback(tabId)),
			// callback(tabId) when a tab starts loading another document.
			onNavigate: callback => api().tabs.onUpdated.addListener((tabId, change) => {
				if (change.status === 'loading' && change.url) {
					callback(tabId);
				}
			}),
		},

		badge: {
			async set(tabId, text) {
				const action = api().action;
				await action.setBadgeBackgroundColor({tabId, color: '#b45309'});
				await action.setBadgeText({tabId, text});
			},
		},

		permissions: {
			request: origins => api().permissions.request({origins}),
			contains: origins => api().permissions.contains({origins}),
			remove: origins => api().permissions.remove({origins}),
		},

		scripting: {
			register: scripts => api().scripting.registerContentScripts(scripts),
			unregister: ids => api().scripting.unregisterContentScripts({ids}),
			registered: () => api().scripting.getRegisteredContentScripts(),
		},

		openOptions: () => api().runtime.openOptionsPage(),
	};
})(globalThis);
