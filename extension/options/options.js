// The options page: the one view of who you are. Loads the canonical
// profile, lets every field be edited, and saves one merge patch against the
// revision it was loaded from (a conflict reloads instead of overwriting).
// What the user typed and has not saved is never thrown away silently: a
// reload (after an import, a revert, a photo) keeps it; only Discard changes
// drops it, and both that and leaving the page with it ask first.
import {call, send, snapshotOf} from '../lib/messages.js';
import {renderFieldHealth} from './field-health.js';
import {createProfileForm} from './form.js';
import {createHistory} from './history.js';
import {renderIgnores, renderPhoto, renderStatus, setUpImportExport, setUpMastodon, setUpPhoto, setUpWebsite} from './sections.js';

const $ = id => document.getElementById(id);

function renderHost(host) {
	$('host').dataset.ok = String(host.ok);
	$('host-title').textContent = host.title;
	$('host-fix').textContent = host.ok ? '' : host.fix;
}

async function main() {
	const host = await call('host.connect').catch(error => ({ok: false, title: error.message, fix: ''}));
	renderHost(host);
	const hello = await call('hello', {protocol: 1}).catch(() => ({sites: []}));
	const form = createProfileForm({sites: hello.sites ?? []});
	const history = createHistory({getSnapshot: () => form.snapshot, reload});
	// One save at a time: a second click while the first is on its way would
	// send the same base revision again and come back as a false conflict.
	let saving = false;
	// Whether the save status shows a load error, which a later load clears.
	// Save stays off until a profile is loaded: there is no revision to save
	// against before.
	let loadFailed = false;
	// The Mastodon and website sections, once set up: they offer the hosts
	// the profile names, which a save, an import or a restore may change.
	let mastodon = null;
	let website = null;
	async function reload({keepEdits = true} = {}) {
		try {
			const snapshot = snapshotOf(await call('profile.get'));
			form.fill(snapshot, {keepEdits});
			renderIgnores(snapshot, reload, hello.sites ?? []);
			renderPhoto(snapshot);
			mastodon?.update(snapshot.doc.profile.profiles ?? []);
			website?.update(snapshot.doc.profile.website ?? '');
			if (loadFailed) {
				$('save-status').textContent = '';
			}

			loadFailed = false;
		} catch (error) {
			loadFailed = true;
			$('save-status').textContent = form.snapshot
				? `Could not reload the profile: ${error.message}. The form shows the last version loaded.`
				: `Could not load the profile: ${error.message}. Saving is off until it loads: see above, then press Try again.`;
		}

		$('save').disabled = saving || !form.snapshot;
		$('reload').textContent = form.snapshot ? 'Discard changes' : 'Try again';

		await Promise.all([renderStatus(), renderFieldHealth(), history.refresh()]);
	}

	$('profile-form').addEventListener('submit', async event => {
		event.preventDefault();
		if (saving || !form.snapshot) {
			return;
		}

		const request = form.changes();
		if (!request) {
			$('save-status').textContent = 'Nothing changed.';
			return;
		}

		saving = true;
		$('save').disabled = true;
		$('save-status').textContent = 'Saving…';
		const reply = await send('profile.update', request);
		if (reply.ok) {
			await reload();
			$('save-status').textContent = `Saved (revision ${reply.result?.revision ?? '?'}).`;
		} else if (reply.error?.code === 'conflict') {
			// The edits are kept on top of the newer version, which the other
			// fields now show.
			await reload();
			$('save-status').textContent = 'Not saved: the profile was changed elsewhere (the CLI or another browser) after this page loaded it. Your edits are still here, over the newer version: check them, then Save again.';
		} else {
			$('save-status').textContent = `Not saved: ${reply.error?.message ?? 'no answer'}. Your edits are still here: Save again once that is fixed.`;
		}

		saving = false;
		$('save').disabled = !form.snapshot;
	});
	// Discard changes, or Try again when nothing could be loaded yet (which
	// keeps what was typed meanwhile). Discarding edits asks first, the way
	// Restore does: one click must not throw away what the user typed.
	$('reload').addEventListener('click', () => {
		if (!form.snapshot) {
			reload();
			return;
		}

		if (form.changes() && !window.confirm('Discard your unsaved changes? The form goes back to the saved profile.')) {
			return;
		}

		reload({keepEdits: false});
	});
	window.addEventListener('beforeunload', event => {
		if (form.changes()) {
			event.preventDefault();
			event.returnValue = ''; // Chromium before 119 asks only when this is set
		}
	});

	setUpPhoto(reload);
	setUpImportExport(reload, () => form.snapshot);
	await reload();
	[mastodon, website] = await Promise.all([
		setUpMastodon(form.snapshot?.doc.profile.profiles ?? []).catch(() => null),
		setUpWebsite(form.snapshot?.doc.profile.website ?? '').catch(() => null),
	]);
}

main();
