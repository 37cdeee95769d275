// The options page's history: the revisions, newest first, a page at a time,
// each with its readable diff and a button that restores the profile as it
// was after that revision (a new revision; nothing is lost).
import {call, send} from '../lib/messages.js';
import {make} from './dom.js';
import {describeChanges} from './model.js';

export function createHistory({getSnapshot, reload}) {
	const list = document.getElementById('history');
	const more = document.getElementById('history-more');
	const status = document.getElementById('history-status');
	let next = null;
	// Each refresh takes a new token; a page that comes back under an older
	// one is dropped, so two loads at once never list an entry twice.
	let token = 0;
	let failed = false;

	async function restore(entry, button) {
		if (!window.confirm(`Restore the profile as it was after revision ${entry.revision}? This makes a new revision; the versions in between stay in the history.`)) {
			return;
		}

		button.disabled = true;
		const reply = await send('profile.revert', {revision: entry.revision, baseRevision: getSnapshot()?.revision ?? 0});
		button.disabled = false;
		if (!reply.ok) {
			const conflict = reply.error?.code === 'conflict';
			status.textContent = conflict
				? 'Not restored: the profile was changed elsewhere meanwhile. The page shows the newer version now: restore again if you still want to.'
				: `Not restored: ${reply.error?.message ?? 'no answer'}`;
			if (conflict) {
				await reload();
			}

			return;
		}

		await reload();
		status.textContent = `Restored as revision ${reply.result?.revision ?? '?'}.`;
	}

	function entryItem(entry) {
		const item = make('li');
		item.value = entry.revision;
		const when = entry.time ? new Date(entry.time).toLocaleString() : '';
		item.append(make('strong', `Revision ${entry.revision}`), make('span', ` · ${when} · ${entry.source ?? ''}${entry.revertedTo ? ` · restored revision ${entry.revertedTo}` : ''} `));
		// The newest entry is the profile as it is: nothing to restore.
		if (entry.revision === getSnapshot()?.revision) {
			item.append(make('em', '(current) '));
		} else {
			const button = make('button', 'Restore this version');
			button.type = 'button';
			button.setAttribute('aria-label', `Restore the profile as it was after revision ${entry.revision}`);
			button.addEventListener('click', () => restore(entry, button));
			item.append(button);
		}

		item.append(make('pre', describeChanges(entry.changes).join('\n')));
		return item;
	}

	// before: null for the newest page (a refresh), else the next page's start.
	async function load(before) {
		const mine = before ? token : ++token;
		more.disabled = true;
		try {
			const result = await call('profile.history', before ? {before, limit: 20} : {limit: 20});
			if (mine !== token) {
				return;
			}

			if (!before) {
				list.replaceChildren();
			}

			list.append(...(result.entries ?? []).map(entryItem));
			next = result.next ?? null;
			if (failed) {
				status.textContent = '';
				failed = false;
			}
		} catch (error) {
			if (mine !== token) {
				return;
			}

			if (!before) {
				list.replaceChildren();
				next = null;
			}

			failed = true;
			status.textContent = `Could not load the history: ${error.message}`;
		} finally {
			if (mine === token) {
				more.disabled = false;
				more.hidden = next === null;
			}
		}
	}

	more.addEventListener('click', () => {
		if (!more.disabled && next !== null) {
			load(next);
		}
	});
	return {refresh: () => load(null)};
}
