// The popup's steps, with the browser passed in so that tests can drive them.
// The host can take long to answer (a reconnect waits out its backoff), so
// the page's state is shown first, the host's state when it answers, and then
// everything the popup may copy, fetched now so that a click writes to the
// clipboard at once.
import {siteForUrl} from '../background/site-hosts.js';
import {snapshotOf} from '../lib/messages.js';
import {claimFailure, loadFailure, pageSentence, popupModel} from './view-model.js';

const NO_ANSWER = {ok: false, title: 'The extension did not answer', fix: 'Reload the extension.'};

// document: the popup's; ext: the browser adapter (tabs, openOptions);
// call/send: lib/messages.js's; close(): closes the popup.
export async function showPopup({document, ext, call, send, close}) {
	const $ = id => document.getElementById(id);
	const say = text => {
		$('status').textContent = text;
	};

	// What "This is my profile" adds, once the profile is known.
	let claimable = null;

	$('options').addEventListener('click', event => {
		event.preventDefault();
		ext.openOptions();
		close();
	});
	$('claim').addEventListener('click', () => claim());

	async function copy(text, what) {
		try {
			await document.defaultView.navigator.clipboard.writeText(text);
			say(`Copied ${what}.`);
		} catch (error) {
			say(`Could not copy: ${error.message}`);
		}
	}

	function renderHost(host) {
		$('host').dataset.ok = String(host.ok !== false);
		$('host-title').textContent = host.title;
		$('host-fix').textContent = host.ok === false ? host.fix : '';
	}

	function renderPage(model) {
		$('page-sentence').textContent = pageSentence(model);
		$('site-changed').textContent = model.siteChanged ?? '';
		$('site-changed').hidden = !model.siteChanged;
		$('unread').replaceChildren(...model.unread.map(sentence => {
			const item = document.createElement('li');
			item.textContent = sentence;
			return item;
		}));
		$('claim').hidden = !model.claim;
		renderCopies(model.copies);
	}

	function renderCopies(copies) {
		$('copies').replaceChildren(...copies.map(item => {
			const row = document.createElement('div');
			row.className = 'copy';
			const button = document.createElement('button');
			button.type = 'button';
			button.dataset.copy = item.id;
			button.textContent = item.label;
			button.addEventListener('click', () => copy(item.text, item.label.replace(/^Copy /, '')));
			row.append(button);
			if (item.detail) {
				const detail = document.createElement('small');
				detail.textContent = item.detail;
				row.append(detail);
			}

			return row;
		}));
	}

	// Disabled while it runs; on a failure it can be tried again. The profile
	// is read again first, so that a retry does not meet the same conflict.
	async function claim() {
		if (!claimable) {
			return;
		}

		const button = $('claim');
		button.disabled = true;
		say('Adding it to your profiles…');
		let reply;
		try {
			const snapshot = snapshotOf(await call('profile.get'));
			const profiles = [...(snapshot.doc.profile.profiles ?? []), claimable.entry];
			reply = await send('profile.update', {baseRevision: snapshot.revision, profile: {profiles}});
		} catch (error) {
			reply = {ok: false, error: {code: error.code, message: error.message, fix: error.fix}};
		}

		if (!reply.ok) {
			button.disabled = false;
			say(claimFailure(reply.error));
			return;
		}

		say('Added to your profiles. Reloading the page…');
		await ext.tabs.reload(claimable.tabId);
	}

	const connecting = call('host.connect').catch(() => null);

	const tab = await ext.tabs.active().catch(() => null);
	const [info, instances, websites] = await Promise.all([
		tab ? call('tab.info', {tabId: tab.id}).catch(() => ({})) : {},
		call('mastodon.instances').then(result => result.instances, () => []),
		call('website.hosts').then(result => result.hosts, () => []),
	]);
	const site = info.site ?? (tab?.url ? siteForUrl(tab.url, instances, websites) : null);
	const modelOf = (profile, bio) => popupModel({host: null, tab: info, tabUrl: tab?.url, site, profile, bio});
	renderPage(modelOf(null, null));

	const host = (await connecting) ?? NO_ANSWER;
	renderHost(host);
	if (host.ok === false) {
		return;
	}

	const failed = [];
	const [snapshot, bio] = await Promise.all([
		call('profile.get').then(snapshotOf, error => {
			failed.push({what: 'profile', error});
			return null;
		}),
		site ? call('bio.get', {site}).catch(error => {
			failed.push({what: 'bio', error});
			return null;
		}) : null,
	]);
	const model = modelOf(snapshot?.doc.profile ?? null, bio);
	claimable = model.claim && tab ? {entry: model.claim, tabId: tab.id} : null;
	renderPage(model);
	if (failed.length > 0) {
		$('load-error').hidden = false;
		$('load-error').textContent = loadFailure(failed, model.siteName);
		// A timeout or a crash meanwhile is now the host's state.
		renderHost(await call('host.state').catch(() => host));
	}
}
