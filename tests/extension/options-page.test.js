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
