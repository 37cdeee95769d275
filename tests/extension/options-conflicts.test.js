// The options page's conflicts: listed first when there are some, each value
// with its device and time, chosen with radio buttons, written to the field's
// leaf with profile.update against the loaded revision, then reloaded. Values
// are text, never markup.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {patchFor} from '../../extension/options/conflicts.js';
import {openOptionsPage, replyError, settle, snapshotAt} from './helpers/options-page.js';

const headline = {
	field: 'headline',
	path: '/profile/headline',
	values: [
		{value: 'Principal Engineer', device: '3f0c9a1b22d4e5f6', deviceName: 'laptop', time: '2026-11-25T10:00:00Z'},
		{value: '<img src=x onerror=alert(1)>Manager', device: '9d2e7a0c41b3f588', deviceName: '', time: '2026-11-25T09:58:12Z'},
	],
};
const city = {
	field: 'location.city',
	path: '/profile/location/city',
	values: [
		{value: null, device: 'aa', deviceName: 'desk', time: '2026-11-25T08:00:00Z'},
		{value: 'Boston', device: 'bb', deviceName: 'phone', time: '2026-11-25T08:01:00Z'},
	],
};

const groups = page => [...page.$('conflicts-list').querySelectorAll('fieldset')];

test('no conflicts: no section', async () => {
	const page = await openOptionsPage({conflicts: {conflicts: []}});
	assert.equal(page.$('conflicts').hidden, true);
	assert.equal(groups(page).length, 0);
	assert.equal(page.sentOn('conflicts').length, 1);
});

test('the section comes first and lists every value with its device and time, as text', async () => {
	const page = await openOptionsPage({conflicts: {conflicts: [headline, city]}});
	const main = page.document.querySelector('main');
	assert.equal(main.firstElementChild, page.$('conflicts'));
	assert.equal(page.$('conflicts').hidden, false);
	assert.equal(page.$('conflicts-title').textContent, 'Conflicts');
	const [first, second] = groups(page);
	assert.equal(first.querySelector('legend').textContent, 'headline');
	const radios = [...first.querySelectorAll('input[type=radio]')];
	assert.equal(radios.length, 2);
	assert.equal(radios[0].checked, true, 'the value shown now is chosen until another is');
	assert.equal(new Set(radios.map(radio => radio.name)).size, 1, 'one group per field');
	// Each radio has its label: a screen reader reads the value and the device.
	const labels = radios.map(radio => page.document.querySelector(`label[for="${radio.id}"]`).textContent);
	assert.match(labels[0], /^Principal Engineer \(laptop, .+, shown now\)$/);
	assert.match(labels[1], /^<img src=x onerror=alert\(1\)>Manager \(9d2e7a0c41b3f588, /);
	assert.equal(first.querySelector('img'), null, 'a value is never markup');
	assert.equal(second.querySelector('legend').textContent, 'location.city');
	assert.match(second.querySelector('label').textContent, /^\(removed\) \(desk, /);
	const use = first.querySelector('button');
	assert.equal(use.textContent, 'Use this value');
	assert.equal(use.type, 'button');
	assert.equal(use.getAttribute('aria-label'), 'Use the chosen value for headline');
	assert.notEqual(radios[0].name, second.querySelector('input[type=radio]').name);
});

test('"Use this value" writes the chosen value to the leaf against the loaded revision, then the list reloads', async () => {
	let listed = [headline, city];
	const page = await openOptionsPage({
		'profile.get': snapshotAt(7, {headline: 'Principal Engineer'}),
		conflicts: () => ({conflicts: listed}),
		'profile.update': payload => {
			listed = listed.filter(c => !(c.field === 'headline' && payload.profile?.headline !== undefined));
			return snapshotAt(8, {headline: payload.profile.headline});
		},
	});
	const [first] = groups(page);
	const other = first.querySelectorAll('input[type=radio]')[1];
	other.click();
	assert.equal(other.checked, true);
	first.querySelector('button').click();
	await settle();
	assert.deepEqual(page.sentOn('profile.update'), [{baseRevision: 7, profile: {headline: '<img src=x onerror=alert(1)>Manager'}}]);
	assert.equal(page.sentOn('conflicts').length, 2, 'listed again after the write');
	assert.deepEqual(groups(page).map(group => group.dataset.field), ['location.city']);
	assert.match(page.$('conflicts-status').textContent, /^headline now keeps <img src=x onerror=alert\(1\)>Manager \(revision 8\)\.$/);
	assert.equal(page.document.activeElement, page.$('conflicts-title'), 'the focus is not lost with the button');
});

test('choosing a removal sends null; a conflict reply reloads and asks to choose again; other failures say why', async () => {
	const page = await openOptionsPage({
		'profile.get': snapshotAt(3),
		conflicts: {conflicts: [city]},
		'profile.update': () => {
			throw replyError('conflict', 'the profile changed');
		},
	});
	const [group] = groups(page);
	group.querySelector('button').click();
	await settle();
	assert.deepEqual(page.sentOn('profile.update'), [{baseRevision: 3, profile: {location: {city: null}}}]);
	assert.match(page.$('conflicts-status').textContent, /changed elsewhere meanwhile.*choose again for location\.city/);
	assert.equal(page.sentOn('profile.get').length, 2, 'reloaded');

	page.handlers['profile.update'] = () => {
		throw replyError('bad_request', 'location.city: too long');
	};
	groups(page)[0].querySelector('button').click();
	await settle();
	assert.equal(page.$('conflicts-status').textContent, 'Not saved: location.city: too long.');
	assert.equal(page.$('conflicts').hidden, false);
});

test('a host that cannot list conflicts shows no section and breaks nothing else', async () => {
	const page = await openOptionsPage({conflicts: () => {
		throw replyError('unknown_type', 'no verb called \'conflicts\'');
	}});
	assert.equal(page.$('conflicts').hidden, true);
	assert.equal(page.$('save').disabled, false);
});

test('patchFor: the leaf of a JSON Pointer as a merge patch, escapes undone', () => {
	assert.deepEqual(patchFor('/profile/name/full', 'Ada'), {profile: {name: {full: 'Ada'}}});
	assert.deepEqual(patchFor('/sites/x/overrides/bio', null), {sites: {x: {overrides: {bio: null}}}});
	assert.deepEqual(patchFor('/profile/links', [{url: 'https://a.example'}]), {profile: {links: [{url: 'https://a.example'}]}});
	assert.deepEqual(patchFor('/sites/a~1b~0c/policy', 'off'), {sites: {'a/b~c': {policy: 'off'}}});
	assert.equal(patchFor('/previous/headline', 'x'), null);
	assert.equal(patchFor('/profile', {}), null);
});
