// The options page's conflicts: fields two machines wrote before either had
// seen the other's value. Each is listed with every value, its device and
// time, and a choice of one; "Use this value" writes the chosen value to the
// field's leaf with profile.update, which resolves the conflict (a write of
// the field on this machine has seen them all), then the page reloads.
import {call, send} from '../lib/messages.js';
import {make} from './dom.js';

// "/profile/name/full" -> {profile: {name: {full: value}}}: the merge patch
// that writes that leaf (JSON Pointer escapes undone; null removes).
export function patchFor(path, value) {
	const keys = String(path).split('/').slice(1).map(key => key.replaceAll('~1', '/').replaceAll('~0', '~'));
	if (keys.length < 2 || !['profile', 'sites'].includes(keys[0])) {
		return null;
	}

	let patch = value;
	for (const key of keys.slice(1).reverse()) {
		patch = {[key]: patch};
	}

	return {[keys[0]]: patch};
}

// How a value reads in the list: text as it is, a removal said, lists and
// objects as JSON.
export function shownValue(value) {
	if (value === null || value === undefined) {
		return '(removed)';
	}

	return typeof value === 'string' ? value : JSON.stringify(value);
}

function deviceOf(entry) {
	return entry.deviceName || entry.device || 'unknown device';
}

export function createConflicts({getSnapshot, reload}) {
	const section = document.getElementById('conflicts');
	const list = document.getElementById('conflicts-list');
	const status = document.getElementById('conflicts-status');
	let shown = 0;
	let busy = false;

	function showSection() {
		section.hidden = shown === 0 && status.textContent === '';
	}

	async function choose(conflict, group, button) {
		if (busy) {
			return;
		}

		const picked = group.querySelector('input[type=radio]:checked');
		if (!picked) {
			status.textContent = `Choose one of the values for ${conflict.field} first.`;
			return;
		}

		const {value} = conflict.values[Number(picked.value)];
		const patch = patchFor(conflict.path, value);
		if (!patch) {
			status.textContent = `Cannot write ${conflict.field} from here: set it with \`oneself set\`.`;
			return;
		}

		busy = true;
		button.disabled = true;
		status.textContent = `Saving ${conflict.field}…`;
		const reply = await send('profile.update', {baseRevision: getSnapshot()?.revision ?? 0, ...patch});
		busy = false;
		button.disabled = false;
		if (reply.ok) {
			status.textContent = `${conflict.field} now keeps ${shownValue(value)} (revision ${reply.result?.revision ?? '?'}).`;
		} else if (reply.error?.code === 'conflict') {
			status.textContent = `Not saved: the profile changed elsewhere meanwhile. The list below is up to date: choose again for ${conflict.field}.`;
		} else {
			status.textContent = `Not saved: ${reply.error?.message ?? 'no answer'}.`;
			return;
		}

		await reload();
		// The button pressed is gone with its group: the focus goes back to
		// the section's heading, with the outcome in its status line.
		document.getElementById('conflicts-title').focus();
	}

	function conflictItem(conflict, index) {
		const group = make('fieldset');
		group.className = 'conflict';
		group.dataset.field = conflict.field;
		group.append(make('legend', conflict.field));
		const name = `conflict-${index}`;
		conflict.values.forEach((entry, at) => {
			const row = make('div');
			row.className = 'conflict-value';
			const radio = make('input');
			radio.type = 'radio';
			radio.name = name;
			radio.value = String(at);
			radio.id = `${name}-${at}`;
			// The value the profile shows now is the one chosen until another is.
			radio.checked = at === 0;
			const label = make('label');
			label.htmlFor = radio.id;
			const when = entry.time ? new Date(entry.time).toLocaleString() : 'unknown time';
			label.append(make('span', shownValue(entry.value)), make('small', ` (${deviceOf(entry)}, ${when}${at === 0 ? ', shown now' : ''})`));
			row.append(radio, label);
			group.append(row);
		});
		const button = make('button', 'Use this value');
		button.type = 'button';
		button.setAttribute('aria-label', `Use the chosen value for ${conflict.field}`);
		button.addEventListener('click', () => choose(conflict, group, button));
		group.append(button);
		return group;
	}

	async function refresh() {
		let conflicts = [];
		try {
			conflicts = (await call('conflicts')).conflicts ?? [];
		} catch {
			// A host that cannot list them (an older one, or none) shows none:
			// the host line at the top already says what is wrong with it.
		}

		conflicts = conflicts.filter(c => typeof c?.field === 'string' && Array.isArray(c.values) && c.values.length > 0);
		list.replaceChildren(...conflicts.map(conflictItem));
		shown = conflicts.length;
		showSection();
	}

	return {refresh};
}
