// The toolbar popup for the current tab. Everything it may copy is fetched
// when it opens, so that a click writes to the clipboard at once.
import {siteForUrl} from '../background/site-hosts.js';
import {ext, call, send, snapshotOf} from '../lib/messages.js';
import {pageSentence, popupModel} from './view-model.js';

const $ = id => document.getElementById(id);

function say(text) {
	$('status').textContent = text;
}

async function copy(text, what) {
	try {
		await navigator.clipboard.writeText(text);
		say(`Copied ${what}.`);
	} catch (error) {
		say(`Could not copy: ${error.message}`);
	}
}

function renderHost(host) {
	$('host').dataset.ok = String(host.ok);
	$('host-title').textContent = host.title;
	$('host-fix').textContent = host.ok ? '' : host.fix;
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

async function claim(model, snapshot, tab) {
	const profiles = [...(snapshot.doc.profile.profiles ?? []), model.claim];
	const reply = await send('profile.update', {baseRevision: snapshot.revision, profile: {profiles}});
	if (!reply.ok) {
		say(`Could not add it: ${reply.error?.message ?? 'no answer'}`);
		return;
	}

	say(`Added to your profiles. Reloading the page…`);
	await ext.tabs.reload(tab.id);
}

async function main() {
	$('options').addEventListener('click', event => {
		event.preventDefault();
		ext.openOptions();
		window.close();
	});

	const [host, tab] = await Promise.all([call('host.connect').catch(() => null), ext.tabs.active()]);
	const [info, instances, websites] = await Promise.all([
		tab ? call('tab.info', {tabId: tab.id}).catch(() => ({})) : {},
		call('mastodon.instances').then(result => result.instances, () => []),
		call('website.hosts').then(result => result.hosts, () => []),
	]);
	const site = info.site ?? (tab?.url ? siteForUrl(tab.url, instances, websites) : null);

	let snapshot = null;
	let bio = null;
	if (host?.ok !== false) {
		[snapshot, bio] = await Promise.all([
			call('profile.get').then(snapshotOf, () => null),
			site ? call('bio.get', {site}).catch(() => null) : null,
		]);
	}

	const model = popupModel({host: host ?? {ok: false, title: 'The extension did not answer', fix: 'Reload the extension.'}, tab: info, site, profile: snapshot?.doc.profile ?? null, bio});
	renderHost(model.host);
	$('page-sentence').textContent = pageSentence(model);
	$('unread').replaceChildren(...model.unread.map(sentence => {
		const item = document.createElement('li');
		item.textContent = sentence;
		return item;
	}));
	if (model.claim) {
		$('claim').hidden = false;
		$('claim').addEventListener('click', () => claim(model, snapshot, tab), {once: true});
	}

	renderCopies(model.copies);
}

main();
