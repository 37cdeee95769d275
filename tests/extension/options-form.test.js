// The options page's profile form in a jsdom page: filling it from a snapshot
// and reading it back changes nothing; an edit becomes exactly its patch.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {JSDOM} from 'jsdom';
import {extensionDir, fixturesDir} from './load.js';

const html = readFileSync(join(extensionDir, 'options', 'options.html'), 'utf8');
const dom = new JSDOM(html, {url: 'https://extension.invalid/options/options.html'});
// form.js works on the page's global document, as in the browser.
globalThis.document = dom.window.document;
const {createProfileForm} = await import('../../extension/options/form.js');
const {updateRequest} = await import('../../extension/options/model.js');

const canonical = JSON.parse(readFileSync(join(fixturesDir, 'ada.canonical.json'), 'utf8'));
const doc = canonical.doc ?? canonical;
const snapshot = {revision: 12, doc: {profile: doc.profile ?? {}, sites: doc.sites ?? {}, previous: doc.previous ?? {}}};
const sites = [{id: 'linkedin', name: 'LinkedIn', counting: 'codepoints', limits: {headline: 220, about: 2600}}, {id: 'x', name: 'X', counting: 'codepoints-url23', limits: {bio: 160, name: 50}}];

const input = id => document.getElementById(id);
const type = (element, value) => {
	element.value = value;
	element.dispatchEvent(new dom.window.Event('input', {bubbles: true}));
};

test('fill then read is no change at all', () => {
	const form = createProfileForm({sites});
	form.fill(snapshot);
	const {profile, sites: settings} = form.read();
	assert.equal(updateRequest(snapshot, profile, settings), null);
});

test('an edited headline becomes a one-field patch against the loaded revision', () => {
	const form = createProfileForm({sites});
	form.fill(snapshot);
	type(input('field-headline'), 'Principal Engineer at Lumen Labs');
	const {profile, sites: settings} = form.read();
	assert.deepEqual(updateRequest(snapshot, profile, settings), {baseRevision: 12, profile: {headline: 'Principal Engineer at Lumen Labs'}});
});

test('a site policy and override become a sites patch', () => {
	const form = createProfileForm({sites});
	form.fill(snapshot);
	input('policy-github').value = 'off';
	type(input('override-x-bio'), 'Short and sweet.');
	const {profile, sites: settings} = form.read();
	const request = updateRequest(snapshot, profile, settings);
	assert.equal(request.profile, undefined);
	assert.equal(request.sites.github.policy, 'off');
	assert.equal(request.sites.x.overrides.bio, 'Short and sweet.');
});

test('the user\'s website has its settings like the other sites', () => {
	const form = createProfileForm({sites});
	form.fill(snapshot);
	input('policy-website').value = 'personal';
	const {profile, sites: settings} = form.read();
	assert.deepEqual(updateRequest(snapshot, profile, settings).sites, {website: {policy: 'personal'}});
});

test('the counters follow the typing, per site', () => {
	const form = createProfileForm({sites});
	form.fill(snapshot);
	type(input('field-headline'), 'x'.repeat(221));
	const counters = input('field-headline-counters');
	assert.equal(counters.textContent, 'LinkedIn 221/220');
	assert.equal(counters.querySelector('.over').textContent, 'LinkedIn 221/220');
	type(input('field-bio-short'), 'Hello https://example.com/x');
	assert.equal(input('field-bio-short-counters').textContent, 'X 29/160');
});

test('refilled from a newer revision, the user\'s edits stay and the rest follows the store', () => {
	const form = createProfileForm({sites});
	form.fill(snapshot);
	type(input('field-headline'), 'Principal Engineer');
	document.querySelector('#list-fields .list-row input').value = 'Northwind Traders';
	const newer = structuredClone(snapshot);
	newer.revision = 13;
	newer.doc.profile.email = 'new@example.com';
	newer.doc.profile.headline = 'Imported headline';
	form.fill(newer, {keepEdits: true});
	assert.equal(input('field-email').value, 'new@example.com');
	assert.equal(input('field-headline').value, 'Principal Engineer');
	const request = form.changes();
	assert.equal(request.baseRevision, 13);
	assert.equal(request.profile.headline, 'Principal Engineer');
	assert.equal(request.profile.work[0].employer, 'Northwind Traders');
	assert.equal(request.profile.email, undefined);
	form.fill(newer);
	assert.equal(input('field-headline').value, 'Imported headline', 'without keepEdits, the store wins');
	assert.equal(form.changes(), null);
});

test('every text the user types takes its direction from its content', () => {
	const form = createProfileForm({sites});
	form.fill(snapshot);
	const fields = [...document.querySelectorAll('#profile-form input[type="text"], #profile-form textarea')];
	assert.ok(fields.length > 20);
	assert.deepEqual(fields.filter(field => field.getAttribute('dir') !== 'auto').map(field => field.id || field.getAttribute('aria-label')), []);
});

test('list buttons say what they add and remove; focus follows the rows', () => {
	const form = createProfileForm({sites});
	form.fill(snapshot);
	const fieldset = [...document.querySelectorAll('#list-fields fieldset')].find(set => set.querySelector('legend').textContent === 'Work history');
	const add = [...fieldset.querySelectorAll('button')].at(-1);
	const removes = () => [...fieldset.querySelectorAll('.list-row button')].map(button => button.getAttribute('aria-label'));
	const count = snapshot.doc.profile.work.length;
	assert.equal(add.textContent, 'Add position');
	assert.deepEqual(removes(), Array.from({length: count}, (_, index) => `Remove position ${index + 1}`));

	add.click();
	const rows = () => [...fieldset.querySelectorAll('.list-row')];
	assert.equal(document.activeElement, rows().at(-1).querySelector('input'), 'focus on the new row');
	assert.equal(removes().at(-1), `Remove position ${count + 1}`);

	rows()[0].querySelector('button').click();
	assert.equal(document.activeElement, rows()[0].querySelector('input'), 'focus on the row that took its place');
	assert.deepEqual(removes(), Array.from({length: count}, (_, index) => `Remove position ${index + 1}`));
	while (rows().length > 0) {
		rows().at(-1).querySelector('button').click();
	}

	assert.equal(document.activeElement, add, 'no rows left: focus on Add');
});

test('list inputs have visible labels; narrow windows stack the rows', () => {
	const form = createProfileForm({sites});
	form.fill(snapshot);
	const [first] = document.querySelectorAll('#list-fields .list-row');
	assert.deepEqual([...first.querySelectorAll('input')].map(field => field.closest('label')?.textContent), ['Employer', 'Title', 'Start (YYYY-MM)', 'End (empty: now)']);
	const css = readFileSync(join(extensionDir, 'options', 'options.css'), 'utf8');
	assert.match(css, /@media \(max-width: 480px\) \{[^}]*\.row \{ grid-template-columns: 1fr; \}[\s\S]*\.list-row \{ flex-direction: column;/);
});
