// The options page's "Fields read on your own pages": per site, when each
// field was last read, "never" for one expected and never found, and when a
// field went missing after its last read.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {openOptionsPage, replyError} from './helpers/options-page.js';

const read = Date.UTC(2026, 11, 1, 9, 30);
const missed = Date.UTC(2026, 11, 6, 18, 0);

const record = {version: 1, sites: {
	linkedin: {
		name: {read: missed, missed: null},
		headline: {read, missed},
		location: {read: null, missed},
	},
	x: {bio: {read, missed: read - 1000}},
}};

const rows = page => [...page.document.querySelectorAll('#field-health tbody tr')];
const rowOf = (page, site, field) => page.document.querySelector(`#field-health tr[data-site="${site}"][data-field="${field}"]`);

test('each field of each site with its last read time, and since when it is missing', async () => {
	const page = await openOptionsPage({'fields.health': record});
	assert.deepEqual(page.sentOn('fields.health'), [{}]);

	const headline = rowOf(page, 'linkedin', 'headline');
	const [site, field, lastRead, lastMissed] = headline.children;
	assert.equal(site.textContent, 'LinkedIn');
	assert.equal(site.tagName, 'TH');
	assert.equal(field.textContent, 'Headline');
	assert.equal(lastRead.querySelector('time').dateTime, new Date(read).toISOString());
	assert.equal(lastRead.textContent, new Date(read).toLocaleString());
	assert.equal(lastMissed.querySelector('time').dateTime, new Date(missed).toISOString());
	assert.ok(headline.hasAttribute('data-missing'));

	// Never read: "never", and missing.
	const location = rowOf(page, 'linkedin', 'location');
	assert.equal(location.children[2].textContent, 'never');
	assert.equal(location.children[3].querySelector('time').dateTime, new Date(missed).toISOString());

	// Read after its last miss: nothing in the missing column.
	const bio = rowOf(page, 'x', 'bio');
	assert.equal(bio.children[3].textContent, '');
	assert.equal(bio.hasAttribute('data-missing'), false);
	assert.equal(rowOf(page, 'linkedin', 'name').hasAttribute('data-missing'), false);

	// Sites with nothing recorded say so, once each.
	const github = rows(page).filter(row => row.dataset.site === 'github');
	assert.equal(github.length, 1);
	assert.match(github[0].textContent, /GitHub\s*No page of yours read yet\./);
	assert.deepEqual([...new Set(rows(page).map(row => row.dataset.site))], ['linkedin', 'x', 'github', 'facebook', 'mastodon', 'bluesky', 'instagram', 'google', 'website']);
});

test('a record the background cannot give: the table says so', async () => {
	const page = await openOptionsPage({'fields.health': () => {
		throw replyError('internal', 'storage is unavailable');
	}});
	assert.match(page.$('field-health').querySelector('tbody').textContent, /Could not read when the fields were last read: storage is unavailable/);
});
