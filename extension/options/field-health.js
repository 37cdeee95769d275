// "Fields read on your own pages": per site, when oneself last read each
// field on one of the user's own pages, and when it last expected one there
// and could not find it. A date that stops moving while the other fields'
// keep up is a site that changed its page. The record is the background's
// (background/field-health.js); this only shows it.
import {HEALTH_FIELDS} from '../background/field-health.js';
import {SITE_NAMES} from '../background/site-hosts.js';
import {call} from '../lib/messages.js';
import {make} from './dom.js';

const FIELD_LABELS = {
	name: 'Name',
	headline: 'Headline',
	bio: 'Bio',
	location: 'Location',
	website: 'Website',
	employer: 'Employer',
	title: 'Job title',
	links: 'Links',
	experience: 'Experience',
	photo: 'Photo',
};

function when(ms) {
	if (!ms) {
		return make('span', 'never');
	}

	const date = new Date(ms);
	const node = make('time', date.toLocaleString());
	node.dateTime = date.toISOString();
	return node;
}

function cells(...nodes) {
	return nodes.map(node => {
		const cell = make('td');
		cell.append(node);
		return cell;
	});
}

// One row per field a site's module has reported (found or missing), in the
// vocabulary's order; a site with none yet says so.
export function fieldHealthRows(health) {
	const rows = [];
	for (const [site, siteName] of Object.entries(SITE_NAMES)) {
		const fields = health?.sites?.[site] ?? {};
		const names = HEALTH_FIELDS.filter(name => Object.hasOwn(fields, name));
		if (names.length === 0) {
			const row = make('tr');
			const head = make('th', siteName);
			head.scope = 'row';
			const none = make('td', 'No page of yours read yet.');
			none.colSpan = 3;
			row.append(head, none);
			row.dataset.site = site;
			rows.push(row);
			continue;
		}

		for (const name of names) {
			const {read, missed} = fields[name];
			const row = make('tr');
			const head = make('th', siteName);
			head.scope = 'row';
			// Missed after its last read: the site may have changed its page.
			const lost = missed !== null && (read === null || missed > read);
			row.append(head, ...cells(make('span', FIELD_LABELS[name] ?? name), when(read), lost ? when(missed) : make('span', '')));
			row.dataset.site = site;
			row.dataset.field = name;
			if (lost) {
				row.dataset.missing = '';
			}

			rows.push(row);
		}
	}

	return rows;
}

export async function renderFieldHealth() {
	const body = document.querySelector('#field-health tbody');
	try {
		body.replaceChildren(...fieldHealthRows(await call('fields.health')));
	} catch (error) {
		const cell = make('td', `Could not read when the fields were last read: ${error.message}`);
		cell.colSpan = 4;
		const row = make('tr');
		row.append(cell);
		body.replaceChildren(row);
	}
}
