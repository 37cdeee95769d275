// The whole options page on a scripted background: what the user typed is
// never lost silently, Save cannot race itself, and every failure says what
// happened and what to do.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {openOptionsPage, replyError, settle, snapshotAt} from './helpers/options-page.js';

const ignored = snapshotAt(3, {headline: 'Engineer'}, {x: {ignores: [{field: 'bio', observed: 'old bio', at: 't'}]}});

test('unsaved typing survives "Stop ignoring", which reloads the profile', async () => {
	const page = await openOptionsPage({'profile.get': ignored, 'ignore.remove': () => {
		page.handlers['profile.get'] = snapshotAt(4, {headline: 'Engineer'});
		return {revision: 4};
	}});
	page.type(page.$('field-headline'), 'Staff Engineer');
	page.$('ignores').querySelector('button').click();
	await settle();
	assert.equal(page.$('field-headline').value, 'Staff Engineer');
	assert.equal(page.$('ignores').textContent, 'None.');
});

test('leaving with unsaved changes asks first; Discard changes drops them', async () => {
	const page = await openOptionsPage();
	const leave = () => {
		const event = new page.window.Event('beforeunload', {cancelable: true});
		page.window.dispatchEvent(event);
		return event.defaultPrevented;
	};

	assert.equal(leave(), false, 'nothing typed: leaves freely');
	page.type(page.$('field-headline'), 'Staff Engineer');
	assert.equal(leave(), true);
	page.$('reload').click();
	await settle();
	assert.equal(page.$('field-headline').value, 'Engineer');
	assert.equal(leave(), false);
});

test('Discard changes asks first, as Restore does; cancelling keeps the edits', async () => {
	const page = await openOptionsPage();
	page.$('reload').click();
	await settle();
	assert.deepEqual(page.confirms, [], 'nothing typed: nothing to ask about');

	page.type(page.$('field-headline'), 'Staff Engineer');
	page.confirmAnswer = false;
	page.$('reload').click();
	await settle();
	assert.equal(page.confirms.length, 1);
	assert.match(page.confirms[0], /^Discard your unsaved changes\?/);
	assert.equal(page.$('field-headline').value, 'Staff Engineer', 'cancelled: the edits stay');
	assert.equal(page.$('save').disabled, false);

	page.confirmAnswer = true;
	page.$('reload').click();
	await settle();
	assert.equal(page.confirms.length, 2);
	assert.equal(page.$('field-headline').value, 'Engineer');
});

test('Try again, before anything loaded, keeps what was typed without asking', async () => {
	const page = await openOptionsPage({'profile.get': () => {
		throw replyError('host_unavailable', 'The oneself host is not running');
	}});
	page.type(page.$('field-email'), 'ada@example.com');
	page.handlers['profile.get'] = snapshotAt(1, {headline: 'Engineer'});
	page.$('reload').click();
	await settle();
	assert.deepEqual(page.confirms, []);
	assert.equal(page.$('field-email').value, 'ada@example.com');
});

// A profile.update that answers only when the test says so.
function heldUpdate(page, answer) {
	let release;
	page.handlers['profile.update'] = () => new Promise(resolve => {
		release = () => resolve(answer());
	});
	return () => release();
}

test('a double click on Save sends one update; Save is off while it is on its way', async () => {
	const page = await openOptionsPage();
	const release = heldUpdate(page, () => {
		page.handlers['profile.get'] = snapshotAt(2, {headline: 'Staff Engineer'});
		return {revision: 2};
	});
	page.type(page.$('field-headline'), 'Staff Engineer');
	page.$('save').click();
	page.$('save').click();
	page.submit(page.$('profile-form'));
	await settle();
	assert.equal(page.$('save').disabled, true);
	assert.equal(page.$('save-status').textContent, 'Saving…');
	release();
	await settle();
	assert.equal(page.sentOn('profile.update').length, 1);
	assert.equal(page.$('save-status').textContent, 'Saved (revision 2).');
	assert.equal(page.$('save').disabled, false);
});

test('a real conflict keeps the typing, over the newer version, and says to save again', async () => {
	const page = await openOptionsPage({'profile.get': snapshotAt(1, {headline: 'Engineer', email: 'a@example.com'})});
	page.handlers['profile.update'] = () => {
		page.handlers['profile.get'] = snapshotAt(2, {headline: 'Engineer', email: 'b@example.com'});
		throw replyError('conflict', 'baseRevision 1 is not the current revision 2');
	};
	page.type(page.$('field-headline'), 'Staff Engineer');
	page.$('save').click();
	await settle();
	assert.equal(page.$('field-headline').value, 'Staff Engineer');
	assert.equal(page.$('field-email').value, 'b@example.com');
	assert.match(page.$('save-status').textContent, /changed elsewhere.*Your edits are still here.*Save again/);
	page.handlers['profile.update'] = payload => ({revision: 3, payload});
	page.$('save').click();
	await settle();
	assert.deepEqual(page.sentOn('profile.update').at(-1), {baseRevision: 2, profile: {headline: 'Staff Engineer'}});
});

test('a failed save keeps the typing and says so', async () => {
	const page = await openOptionsPage({'profile.update': () => {
		throw replyError('host_unavailable', 'The oneself host is not running');
	}});
	page.type(page.$('field-headline'), 'Staff Engineer');
	page.$('save').click();
	await settle();
	assert.equal(page.$('field-headline').value, 'Staff Engineer');
	assert.match(page.$('save-status').textContent, /^Not saved: The oneself host is not running\. Your edits are still here/);
	assert.equal(page.$('save').disabled, false);
});

test('host down at load: Save is off and says why; a later load clears that and turns Save on', async () => {
	const down = () => {
		throw replyError('host_unavailable', 'The oneself host is not running');
	};
	const page = await openOptionsPage({'profile.get': down, 'sites.status': down});
	assert.equal(page.$('save').disabled, true);
	assert.match(page.$('save-status').textContent, /^Could not load the profile: The oneself host is not running\. Saving is off/);
	page.submit(page.$('profile-form'));
	await settle();
	assert.deepEqual(page.sentOn('profile.update'), []);
	const cell = page.document.querySelector('#status-table tbody tr td');
	assert.match(cell.textContent, /not running/, 'the error sits in a cell of its own');
	assert.equal(cell.colSpan, 5);

	page.type(page.$('field-email'), 'ada@example.com');
	page.handlers['profile.get'] = snapshotAt(1, {headline: 'Engineer'});
	page.handlers['sites.status'] = {sites: []};
	assert.equal(page.$('reload').textContent, 'Try again');
	page.$('reload').click();
	await settle();
	assert.equal(page.$('save-status').textContent, '');
	assert.equal(page.$('save').disabled, false);
	assert.equal(page.$('field-headline').value, 'Engineer');
	assert.equal(page.$('field-email').value, 'ada@example.com', 'typed while it was down: kept');
	assert.equal(page.$('reload').textContent, 'Discard changes');
});

test('ignored values: by site name, long values cut with the whole in a title, one failure message at a time', async () => {
	const long = 'https://example.com/'.padEnd(400, 'x');
	const page = await openOptionsPage({
		'profile.get': snapshotAt(3, {}, {x: {ignores: [{field: 'website', observed: long, at: 't'}]}}),
		'ignore.remove': () => {
			throw replyError('store_error', 'The store could not be written');
		},
	});
	const item = page.$('ignores').firstElementChild;
	assert.match(item.textContent, /^X, website: “https:\/\/example\.com\/x+…” Stop ignoring$/);
	assert.equal([...item.querySelector('span').textContent].length, 160);
	assert.equal(item.querySelector('span').title, long);
	const stop = item.querySelector('button');
	stop.click();
	await settle();
	stop.click();
	await settle();
	assert.equal(page.$('ignores-status').textContent, 'Still ignored (X, website): The store could not be written');
	assert.equal(item.querySelectorAll('span').length, 1);
});
