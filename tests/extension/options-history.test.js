// The options page's history: one list however the loads overlap, failures
// said once, and a restore that is confirmed first and announced after.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {openOptionsPage, replyError, settle, snapshotAt} from './helpers/options-page.js';

const entry = revision => ({revision, time: '2026-11-24T18:30:00Z', source: 'options', changes: {headline: {from: `H${revision - 1}`, to: `H${revision}`}}});

// Pages of two entries from 5 down to 1; each answer waits a tick.
function historyPages(payload) {
	const top = payload.before ? payload.before - 1 : 5;
	const entries = [top, top - 1].filter(revision => revision > 0).map(entry);
	return new Promise(resolve => setTimeout(() => resolve({entries, next: top > 2 ? top - 1 : null}), 1));
}

const revisions = page => [...page.$('history').children].map(item => item.value);

test('a double click on "Older…" loads the next page once', async () => {
	const page = await openOptionsPage({'profile.get': snapshotAt(5), 'profile.history': historyPages});
	assert.deepEqual(revisions(page), [5, 4]);
	page.$('history-more').click();
	page.$('history-more').click();
	await settle();
	assert.deepEqual(revisions(page), [5, 4, 3, 2]);
});

test('two refreshes at once list every revision once', async () => {
	const page = await openOptionsPage({'profile.get': snapshotAt(5), 'profile.history': historyPages});
	page.$('reload').click();
	page.$('reload').click();
	await settle();
	assert.deepEqual(revisions(page), [5, 4]);
});

test('a page that fails to load says so, once, and clears when the next one loads', async () => {
	const page = await openOptionsPage({'profile.get': snapshotAt(5), 'profile.history': historyPages});
	page.handlers['profile.history'] = () => {
		throw replyError('host_unavailable', 'The oneself host is not running');
	};
	page.$('history-more').click();
	await settle();
	assert.equal(page.$('history-status').textContent, 'Could not load the history: The oneself host is not running');
	assert.deepEqual(revisions(page), [5, 4]);
	page.handlers['profile.history'] = historyPages;
	page.$('history-more').click();
	await settle();
	assert.equal(page.$('history-status').textContent, '');
	assert.deepEqual(revisions(page), [5, 4, 3, 2]);
});

test('restoring a version asks first, then announces the new revision; failures replace each other', async () => {
	const page = await openOptionsPage({'profile.get': snapshotAt(5), 'profile.history': historyPages});
	const restore = page.$('history').children[1].querySelector('button');
	assert.equal(restore.textContent, 'Restore this version');
	assert.equal(restore.getAttribute('aria-label'), 'Restore the profile as it was after revision 4');

	page.confirmAnswer = false;
	restore.click();
	await settle();
	assert.match(page.confirms[0], /as it was after revision 4/);
	assert.deepEqual(page.sentOn('profile.revert'), []);

	page.confirmAnswer = true;
	page.handlers['profile.revert'] = () => {
		throw replyError('store_error', 'The store could not be written');
	};
	restore.click();
	await settle();
	restore.click();
	await settle();
	assert.equal(page.$('history-status').textContent, 'Not restored: The store could not be written');

	page.handlers['profile.revert'] = payload => {
		assert.deepEqual(payload, {revision: 4, baseRevision: 5});
		page.handlers['profile.get'] = snapshotAt(6);
		return {revision: 6};
	};
	restore.click();
	await settle();
	assert.equal(page.$('history-status').textContent, 'Restored as revision 6.');
});
