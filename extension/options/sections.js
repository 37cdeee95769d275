// The options page's sections besides the profile form: ignores, photo,
// import and export, the status table, Mastodon instances, the website
// (the history is in history.js).
import {normalizeInstance} from '../background/mastodon.js';
import {originsFor} from '../background/user-hosts.js';
import {normalizeWebsite} from '../background/website.js';
import {grayFromBlob} from '../lib/gray.js';
import {ext, call, send} from '../lib/messages.js';
import {make} from './dom.js';
import {importRequest} from './import-files.js';
import {confirmImport} from './import-preview.js';
import {ignoresOf} from './model.js';

function say(id, text) {
	document.getElementById(id).textContent = text;
}

function button(text, onClick) {
	const node = make('button', text);
	node.type = 'button';
	node.addEventListener('click', onClick);
	return node;
}

// A value cut to `max` characters, with an ellipsis when cut.
function cut(text, max) {
	const characters = [...text];
	return characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : text;
}

// sites: hello's [{id, name}], to name each site as people know it.
export function renderIgnores(snapshot, reload, sites = []) {
	const list = document.getElementById('ignores');
	const entries = ignoresOf(snapshot.doc.sites);
	if (entries.length === 0) {
		list.replaceChildren(make('li', 'None.'));
		return;
	}

	list.replaceChildren(...entries.map(entry => {
		const name = sites.find(site => site.id === entry.site)?.name ?? entry.site;
		const observed = typeof entry.observed === 'string' ? entry.observed : JSON.stringify(entry.observed);
		const value = make('span', cut(observed, 160));
		value.title = observed;
		const item = make('li', `${name}, ${entry.field}: “`);
		const stop = button('Stop ignoring', async () => {
			const reply = await send('ignore.remove', {site: entry.site, field: entry.field, observed: entry.observed});
			if (reply.ok) {
				say('ignores-status', '');
				await reload();
			} else {
				say('ignores-status', `Still ignored (${name}, ${entry.field}): ${reply.error?.message ?? 'no answer'}`);
			}
		});
		stop.setAttribute('aria-label', `Stop ignoring this ${entry.field} on ${name}`);
		item.append(value, '” ', stop);
		return item;
	}));
}

// Whether the profile has a photo, by its fingerprint (only that is stored).
export function renderPhoto(snapshot) {
	const phash = snapshot.doc.profile.photo?.phash;
	say('photo-current', phash ? `A photo is set (fingerprint ${phash}). Pick another to replace it.` : 'No photo is set yet.');
}

export function setUpPhoto(reload) {
	document.getElementById('photo-file').addEventListener('change', async event => {
		const [file] = event.target.files;
		if (!file) {
			return;
		}

		try {
			say('photo-status', 'Reading the photo…');
			const gray = await grayFromBlob(file);
			const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
			const sha256 = [...new Uint8Array(digest)].map(byte => byte.toString(16).padStart(2, '0')).join('');
			const result = await call('photo.set', {gray, sha256});
			say('photo-status', `Saved (fingerprint ${result.photo?.phash ?? ''}).`);
			await reload();
		} catch (error) {
			say('photo-status', `Could not use this photo: ${error.message}`);
		}

		// Picking the same file again (after an error, say) must fire again.
		event.target.value = '';
	});
}

export function setUpImportExport(reload, getSnapshot) {
	document.getElementById('import-files').addEventListener('change', async event => {
		const files = [...event.target.files];
		if (files.length === 0) {
			return;
		}

		event.target.disabled = true;
		try {
			// An import is made against the current revision; when the
			// profile could not be loaded, it is asked for now.
			const revision = getSnapshot()?.revision ?? (await call('profile.get')).revision;
			const {request, skipped, notes} = await importRequest(files, revision);
			say('import-status', 'Reading what would change…');
			// A dry run first: the person sees each field that would change,
			// and nothing is written until they confirm.
			const preview = await call('import', {...request, dryRun: true});
			if (!(preview.changes?.length > 0)) {
				// The files hold what the profile already says (the same
				// export imported twice): nothing to confirm.
				say('import-status', `Nothing changed: the profile already says what ${files.length === 1 ? 'this file says' : 'these files say'} (revision ${preview.revision ?? '?'}).`);
				return;
			}

			say('import-status', '');
			if (!await confirmImport(document.getElementById('import-preview'), preview, {skipped, notes})) {
				say('import-status', 'Import cancelled; nothing was written.');
				return;
			}

			say('import-status', 'Importing…');
			const result = await call('import', request);
			const what = Array.isArray(result.imported) && result.imported.length > 0 ? `: ${result.imported.join(', ')}` : '';
			const passedOver = skipped.length + (result.skipped?.length ?? 0);
			const others = passedOver > 0 ? ` Passed over ${passedOver} other file${passedOver === 1 ? '' : 's'}.` : '';
			await reload();
			// The host says `changed: false` when the files held what the
			// profile already says (the same export imported twice).
			const outcome = result.changed === false
				? `Nothing changed: the profile already says what ${files.length === 1 ? 'this file says' : 'these files say'} (revision ${result.revision ?? '?'}).`
				: `Imported as revision ${result.revision ?? '?'}${what}.`;
			say('import-status', `${outcome}${others}`);
		} catch (error) {
			say('import-status', `Import failed: ${error.message}`);
		} finally {
			event.target.disabled = false;
			event.target.value = '';
		}
	});

	document.getElementById('export').addEventListener('click', async () => {
		try {
			const result = await call('export');
			const resume = result.resume ?? result;
			const url = URL.createObjectURL(new Blob([JSON.stringify(resume, null, 2)], {type: 'application/json'}));
			const link = document.createElement('a');
			link.href = url;
			link.download = 'resume.json';
			link.click();
			setTimeout(() => URL.revokeObjectURL(url), 10_000);
			say('import-status', 'Exported resume.json.');
		} catch (error) {
			say('import-status', `Export failed: ${error.message}`);
		}
	});
}

export async function renderStatus() {
	const body = document.querySelector('#status-table tbody');
	try {
		const {sites} = await call('sites.status');
		body.replaceChildren(...sites.map(site => {
			const row = make('tr');
			row.append(
				make('th', site.name ?? site.id),
				make('td', site.policy ?? ''),
				make('td', site.seen ? new Date(site.seen).toLocaleString() : 'never'),
				make('td', site.warnings === null || site.warnings === undefined ? '–' : String(site.warnings)),
				make('td', site.stale ? `yes: ${(site.changed ?? []).join(', ')}` : 'no'),
			);
			row.firstChild.scope = 'row';
			return row;
		}));
	} catch (error) {
		const cell = make('td', `Could not read the sites' status: ${error.message}`);
		cell.colSpan = 5;
		const row = make('tr');
		row.append(cell);
		body.replaceChildren(row);
	}
}

// A list of hosts the user chose, each added with the browser's permission
// (asked from the click itself, a user gesture). `named`: the hosts the
// canonical profile names, offered as one-click buttons until added.
// `prefix` names the section's elements and the background's channels.
// Resolves with {suggest(named)}, to offer the hosts of a newer profile.
async function setUpHostList({prefix, named: initiallyNamed, normalize, list: listChannel, key}) {
	const list = document.getElementById(`${prefix}-list`);
	const suggestions = document.getElementById(`${prefix}-suggestions`);
	let hosts = [];
	let named = initiallyNamed;
	const render = () => list.replaceChildren(...hosts.map(hostname => {
		const item = make('li', `${hostname} `);
		item.append(button('Remove', () => remove(hostname)));
		return item;
	}));

	async function remove(hostname) {
		try {
			show((await call(`${prefix}.remove`, {hostname}))[key]);
			say(`${prefix}-status`, `Removed ${hostname}.`);
		} catch (error) {
			say(`${prefix}-status`, `Not removed: ${error.message}`);
		}
	}

	async function add(text) {
		const hostname = normalize(text);
		if (!hostname) {
			say(`${prefix}-status`, `"${text}" is not a site oneself can add here.`);
			return false;
		}

		try {
			if (!(await ext.permissions.request(originsFor(hostname)))) {
				say(`${prefix}-status`, 'Not added: the browser did not grant access to it.');
				return false;
			}

			show((await call(`${prefix}.add`, {hostname}))[key]);
		} catch (error) {
			say(`${prefix}-status`, `Not added: ${error.message}`);
			return false;
		}

		// The scripts are registered for pages loaded from now on.
		say(`${prefix}-status`, `Added ${hostname}. Tabs already open on it read it once reloaded.`);
		return true;
	}

	function show(next) {
		hosts = next;
		render();
		const missing = named.filter(hostname => !hosts.includes(hostname));
		suggestions.replaceChildren(...(missing.length > 0 ? [make('span', 'From your profile: ')] : []), ...missing.map(hostname => button(`Add ${hostname}`, () => add(hostname))));
	}

	document.getElementById(`${prefix}-form`).addEventListener('submit', async event => {
		event.preventDefault();
		const input = document.getElementById(`${prefix}-host`);
		if (await add(input.value)) {
			input.value = '';
		}
	});

	show((await call(listChannel))[key]);
	return {
		suggest(next) {
			named = next;
			show(hosts);
		},
	};
}

const mastodonInstances = profiles => globalThis.oneself?.sites?.get('mastodon')?.instances?.(profiles) ?? [];

// profiles: the canonical profiles[]; their Mastodon instances are suggested.
// Resolves with {update(profiles)}.
export async function setUpMastodon(profiles = []) {
	const section = await setUpHostList({
		prefix: 'mastodon',
		named: mastodonInstances(profiles),
		normalize: normalizeInstance,
		list: 'mastodon.instances',
		key: 'instances',
	});
	return {update: next => section.suggest(mastodonInstances(next))};
}

const websiteHosts = website => {
	const named = normalizeWebsite(website);
	return named ? [named] : [];
};

// website: the canonical website, suggested. Resolves with {update(website)}.
export async function setUpWebsite(website = '') {
	const section = await setUpHostList({
		prefix: 'website',
		named: websiteHosts(website),
		normalize: normalizeWebsite,
		list: 'website.hosts',
		key: 'hosts',
	});
	return {update: next => section.suggest(websiteHosts(next ?? ''))};
}
