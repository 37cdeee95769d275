// The import's field-by-field preview: the host's dry run (`import` with
// dryRun, docs/protocol.md) shown as `field: "from" → "to"`, with what it
// leaves alone, what the person set by hand that it replaces and the files
// it passed over, and a confirm step. Nothing is written until the person
// confirms. Values are text (textContent) only.
import {make} from './dom.js';

const shown = value => {
	if (value === null || value === undefined) {
		return '(none)';
	}

	const text = JSON.stringify(value);
	return text.length > 100 ? `${text.slice(0, 100)}… (${text.length} characters)` : text;
};

const whereSet = source => ({cli: 'on the command line', extension: 'in the options page'})[source] ?? 'by hand';

function line(list, text) {
	list.append(make('li', text));
}

// Fills `container` with the preview of `result` (the dry run's reply, with
// at least one change) and `skipped`/`notes` from the page's own reading of
// the files. Resolves true when the person confirms, false when they
// cancel; the container is emptied either way.
export function confirmImport(container, result, {skipped = [], notes = []} = {}) {
	container.replaceChildren();
	const changes = Array.isArray(result.changes) ? result.changes : [];
	const passedOver = [...skipped, ...(result.skipped ?? [])];
	container.append(make('h3', 'This import would change:'));
	const list = make('ul');
	list.className = 'import-changes';
	for (const change of changes) {
		line(list, `${change.field}: ${shown(change.from)} → ${shown(change.to)}`);
	}

	container.append(list);

	const facts = make('ul');
	if (result.unchanged?.length > 0) {
		line(facts, `Same as stored, left alone: ${result.unchanged.join(', ')}`);
	}

	if (result.kept?.length > 0) {
		line(facts, `Not in the files, kept: ${result.kept.join(', ')}`);
	}

	for (const [field, by] of Object.entries(result.setByHand ?? {})) {
		line(facts, `${field} was set by hand (${whereSet(by.source)}, revision ${by.revision}); this import would replace it.`);
	}

	for (const note of [...notes, ...(result.notes ?? [])]) {
		line(facts, note);
	}

	if (passedOver.length > 0) {
		line(facts, `Passed over ${passedOver.length} other file${passedOver.length === 1 ? '' : 's'}: ${passedOver.join(', ')}`);
	}

	container.append(facts);
	return new Promise(resolve => {
		const done = answer => {
			container.replaceChildren();
			resolve(answer);
		};

		const confirm = make('button', 'Import these changes');
		confirm.type = 'button';
		confirm.id = 'import-confirm';
		confirm.addEventListener('click', () => done(true));
		const cancel = make('button', 'Cancel');
		cancel.type = 'button';
		cancel.id = 'import-cancel';
		cancel.addEventListener('click', () => done(false));
		container.append(confirm, cancel);
		confirm.focus();
	});
}
