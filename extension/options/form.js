// The canonical profile form: builds the inputs from the field lists of
// model.js, fills them from a snapshot, reads them back into a profile and
// site settings, and keeps the per-site counters live.
import {counters, getPath, LIST_FIELDS, OVERRIDE_FIELDS, POLICIES, setPath, TEXT_FIELDS, updateRequest} from './model.js';

const SITE_IDS = ['linkedin', 'x', 'github', 'facebook', 'mastodon', 'bluesky', 'instagram', 'google', 'website'];

function make(tag, attributes = {}, text) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		node.setAttribute(name, value);
	}

	if (text !== undefined) {
		node.textContent = text;
	}

	return node;
}

function renderCounters(box, text, field, sites) {
	box.replaceChildren(...counters(text, field, sites).map(counter => {
		const item = make('span', {}, `${counter.name} ${counter.length}/${counter.limit}`);
		if (counter.over) {
			item.className = 'over';
			item.title = `Too long for ${counter.name}`;
		}

		return item;
	}));
}

export function createProfileForm({sites: siteInfo = []}) {
	const inputs = new Map(); // path → input
	const lists = new Map(); // path → {container, spec}
	const siteInputs = new Map(); // site → {policy, overrides: Map}
	let original = null; // the snapshot the form was filled from
	// What fill last put in each control (and each list, as rowsText): a
	// control that now says something else holds an edit the user has not saved.
	const filled = new Map();

	const textBox = document.getElementById('text-fields');
	textBox.replaceChildren();
	for (const spec of TEXT_FIELDS) {
		const id = `field-${spec.path.replace('.', '-')}`;
		const row = make('div', {class: 'row'});
		const label = make('label', {for: id}, spec.label);
		const input = spec.multiline ? make('textarea', {id, rows: '3', dir: 'auto'}) : make('input', {id, type: 'text', dir: 'auto'});
		row.append(label, input);
		if (spec.counter) {
			const box = make('div', {class: 'counters', 'aria-live': 'off', id: `${id}-counters`});
			input.setAttribute('aria-describedby', box.id);
			row.append(box);
			const update = () => renderCounters(box, input.value, spec.counter, siteInfo);
			input.addEventListener('input', update);
			input.oneselfUpdate = update;
		}

		inputs.set(spec.path, input);
		textBox.append(row);
	}

	const listBox = document.getElementById('list-fields');
	listBox.replaceChildren();
	for (const spec of LIST_FIELDS) {
		const fieldset = make('fieldset');
		fieldset.append(make('legend', {}, spec.label));
		const container = make('div');
		const add = make('button', {type: 'button'}, `Add ${spec.item}`);
		add.addEventListener('click', () => {
			const row = listRow(spec, {});
			container.append(row);
			numberRows(container, spec);
			row.querySelector('input').focus();
		});
		fieldset.append(container, add);
		lists.set(spec.path, {container, spec, add});
		listBox.append(fieldset);
	}

	const siteBox = document.getElementById('site-settings');
	siteBox.replaceChildren();
	for (const site of SITE_IDS) {
		const name = siteInfo.find(entry => entry.id === site)?.name ?? site;
		const fieldset = make('fieldset');
		fieldset.append(make('legend', {}, name));
		const policyRow = make('div', {class: 'row'});
		const policy = make('select', {id: `policy-${site}`});
		for (const value of POLICIES) {
			policy.append(make('option', {value}, value));
		}

		policyRow.append(make('label', {for: policy.id}, 'Policy'), policy);
		fieldset.append(policyRow);
		const overrides = new Map();
		for (const field of OVERRIDE_FIELDS) {
			const id = `override-${site}-${field}`;
			const row = make('div', {class: 'row'});
			const input = field === 'bio' ? make('textarea', {id, rows: '2', dir: 'auto'}) : make('input', {id, type: 'text', dir: 'auto'});
			row.append(make('label', {for: id}, `Override: ${field}`), input);
			const limitSite = siteInfo.filter(entry => entry.id === site);
			if (limitSite.length > 0) {
				const box = make('div', {class: 'counters', id: `${id}-counters`});
				input.setAttribute('aria-describedby', box.id);
				row.append(box);
				const update = () => renderCounters(box, input.value, field, limitSite);
				input.addEventListener('input', update);
				input.oneselfUpdate = update;
			}

			overrides.set(field, input);
			fieldset.append(row);
		}

		siteInputs.set(site, {policy, overrides});
		siteBox.append(fieldset);
	}

	// Before the first fill, the controls' own values are the baseline: text
	// typed while the profile could not be loaded counts as an edit.
	for (const control of [...inputs.values(), document.getElementById('nicknames'), ...[...siteInputs.values()].flatMap(({policy, overrides}) => [policy, ...overrides.values()])]) {
		filled.set(control, control.value);
	}

	for (const {container} of lists.values()) {
		filled.set(container, rowsText(container));
	}

	// Each input under a visible label; the Remove buttons are named by
	// their row's number, which numberRows keeps in step.
	function listRow(spec, value) {
		const row = make('div', {class: 'list-row'});
		spec.keys.forEach((key, index) => {
			const cell = make('label', {class: 'list-cell'});
			const input = make('input', {type: 'text', dir: 'auto', 'data-key': key});
			input.value = value[key] ?? '';
			cell.append(make('span', {}, spec.keyLabels[index]), input);
			row.append(cell);
		});

		const remove = make('button', {type: 'button'}, 'Remove');
		remove.addEventListener('click', () => {
			const {container, add} = lists.get(spec.path);
			const next = row.nextElementSibling ?? row.previousElementSibling;
			row.remove();
			numberRows(container, spec);
			(next?.querySelector('input') ?? add).focus();
		});
		row.append(remove);
		return row;
	}

	function numberRows(container, spec) {
		[...container.children].forEach((row, index) => {
			row.querySelector('button').setAttribute('aria-label', `Remove ${spec.item} ${index + 1}`);
		});
	}

	// A list's rows as text, to tell whether the user changed them.
	function rowsText(container) {
		return JSON.stringify([...container.querySelectorAll('.list-row')].map(row => [...row.querySelectorAll('input')].map(input => input.value)));
	}

	// keepEdits: the controls the user changed since the last fill keep what
	// they say (the store changed under them: an import, a revert, a save
	// elsewhere); only the others take the snapshot's values.
	function fill(snapshot, {keepEdits = false} = {}) {
		original = snapshot;
		const {profile, sites} = snapshot.doc;
		const edited = (control, current) => keepEdits && current !== filled.get(control);
		const put = (control, value) => {
			if (!edited(control, control.value)) {
				control.value = value;
			}

			filled.set(control, value);
			control.oneselfUpdate?.();
		};

		for (const [path, input] of inputs) {
			const value = getPath(profile, path);
			put(input, typeof value === 'string' ? value : '');
		}

		put(document.getElementById('nicknames'), (profile.name?.nicknames ?? []).join(', '));
		for (const [path, {container, spec}] of lists) {
			const values = Array.isArray(profile[path]) ? profile[path] : [];
			if (!edited(container, rowsText(container))) {
				container.replaceChildren(...values.map(value => listRow(spec, value)));
				numberRows(container, spec);
			}

			filled.set(container, JSON.stringify(values.map(value => spec.keys.map(key => String(value[key] ?? '')))));
		}

		for (const [site, {policy, overrides}] of siteInputs) {
			put(policy, sites[site]?.policy ?? 'professional');
			for (const [field, input] of overrides) {
				const value = sites[site]?.overrides?.[field];
				put(input, typeof value === 'string' ? value : '');
			}
		}
	}

	// The profile and site settings as the form now says. Keys the form does
	// not edit (photo, ignores, unknown extras) are kept from the snapshot.
	function read() {
		const profile = structuredClone(original?.doc.profile ?? {});
		for (const [path, input] of inputs) {
			setPath(profile, path, input.value.trim());
		}

		const nicknames = document.getElementById('nicknames').value.split(',').map(text => text.trim()).filter(Boolean);
		setPath(profile, 'name.nicknames', nicknames.length > 0 ? nicknames : undefined);
		for (const group of ['name', 'bio', 'location']) {
			if (profile[group] && Object.keys(profile[group]).length === 0) {
				delete profile[group];
			}
		}

		for (const [path, {container, spec}] of lists) {
			const rows = [...container.querySelectorAll('.list-row')].map(row => {
				const value = {};
				for (const input of row.querySelectorAll('input')) {
					const text = input.value.trim();
					if (text) {
						value[input.dataset.key] = text;
					} else if (spec.nullable?.includes(input.dataset.key)) {
						value[input.dataset.key] = null;
					}
				}

				return value;
			}).filter(value => Object.values(value).some(part => part !== null));
			setPath(profile, path, rows.length > 0 ? rows : undefined);
		}

		const sites = structuredClone(original?.doc.sites ?? {});
		for (const [site, {policy, overrides}] of siteInputs) {
			const settings = sites[site] ?? {};
			if (policy.value === 'professional') {
				delete settings.policy;
			} else {
				settings.policy = policy.value;
			}

			const values = {...settings.overrides};
			for (const [field, input] of overrides) {
				setPath(values, field, input.value.trim());
			}

			if (Object.keys(values).length > 0) {
				settings.overrides = values;
			} else {
				delete settings.overrides;
			}

			if (Object.keys(settings).length > 0) {
				sites[site] = settings;
			} else {
				delete sites[site];
			}
		}

		return {profile, sites};
	}

	// The profile.update request for the unsaved edits; null when there are none.
	function changes() {
		if (!original) {
			return null;
		}

		const {profile, sites} = read();
		return updateRequest(original, profile, sites);
	}

	return {fill, read, changes, get snapshot() {
		return original;
	}};
}
