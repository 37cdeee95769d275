// The options page's photo: it says whether one is set, and the file picker
// is emptied after each try, so the same file can be picked again.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {openOptionsPage, settle, snapshotAt} from './helpers/options-page.js';

test('the page says whether a photo is set', async () => {
	let page = await openOptionsPage();
	assert.equal(page.$('photo-current').textContent, 'No photo is set yet.');
	page = await openOptionsPage({'profile.get': snapshotAt(2, {photo: {phash: 'c3a1f0e00f1e3c78', sha256: 'ab'}})});
	assert.equal(page.$('photo-current').textContent, 'A photo is set (fingerprint c3a1f0e00f1e3c78). Pick another to replace it.');
});

test('after a photo that could not be used, the picker is emptied so the same file can be picked again', async () => {
	const page = await openOptionsPage();
	const input = page.$('photo-file');
	const assigned = [];
	Object.defineProperty(input, 'files', {value: [new File(['not an image'], 'me.png', {type: 'image/png'})], configurable: true});
	Object.defineProperty(input, 'value', {get: () => '', set: value => assigned.push(value), configurable: true});
	input.dispatchEvent(new page.window.Event('change'));
	await settle();
	assert.match(page.$('photo-status').textContent, /^Could not use this photo/);
	assert.deepEqual(assigned, ['']);
});
