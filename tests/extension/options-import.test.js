// The options page's import: only the files the host imports are sent (a
// whole LinkedIn export folder is mostly other CSVs), an oversized selection
// is refused before sending, and the page says it is importing.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {importRequest} from '../../extension/options/import-files.js';
import {openOptionsPage, replyError, settle, snapshotAt} from './helpers/options-page.js';

const profileCsv = 'First Name,Last Name,Maiden Name,Address,Birth Date,Headline\nAda,Whitfield,,,,Staff Engineer';
const positionsCsv = '\uFEFFCompany Name,Title,Description,Location,Started On,Finished On\nLumen Labs,Staff Engineer,,,Mar 2021,';
const file = (name, text) => new File([text], name);

test('import requests are shaped as the CLI makes them', async () => {
	assert.deepEqual(await importRequest([file('resume.json', ' {"basics": {}}')], 4), {request: {format: 'jsonresume', content: ' {"basics": {}}', baseRevision: 4}, skipped: [], notes: []});
	assert.deepEqual(
		await importRequest([file('Profile.csv', profileCsv), file('Positions.csv', positionsCsv)], 4),
		// (reading the file as text drops its byte order mark)
		{request: {format: 'linkedin-csv', files: {'Profile.csv': profileCsv, 'Positions.csv': positionsCsv.slice(1)}, skipUnknown: true, baseRevision: 4}, skipped: [], notes: []},
	);
	await assert.rejects(importRequest([file('a.json', '{}'), file('Profile.csv', profileCsv)], 1), /one JSON Resume file/);
});

test('a whole export folder sends only Profile and Positions, known by name or by header row', async () => {
	const folder = [
		file('Connections.csv', `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${'Someone,Else,https://x,,Co,Role,01 Jan 2020\n'.repeat(200_000)}`),
		file('messages.csv', 'CONVERSATION ID,FROM,TO,DATE,CONTENT\n1,a,b,c,d'),
		file('Profile (1).csv', profileCsv),
		file('Positions.csv', positionsCsv),
	];
	const {request, skipped} = await importRequest(folder, 7);
	assert.deepEqual(Object.keys(request.files), ['Profile (1).csv', 'Positions.csv']);
	assert.deepEqual(skipped, ['Connections.csv', 'messages.csv']);
});

test('a selection over the host\'s limit is refused before sending, naming the limit', async () => {
	const huge = file('Positions.csv', `Company Name,Title,Started On\n${'Lumen Labs,Staff Engineer,Mar 2021\n'.repeat(260_000)}`);
	await assert.rejects(importRequest([huge], 1), /the files come to 8\.\d MiB, over the 8\.0 MiB oneself takes in one import/);
	await assert.rejects(importRequest([file('notes.txt', 'hello')], 1), /none of these files/);
});

test('the page says it is importing, sends only the files the host imports, and says what it left out', async () => {
	let release;
	const page = await openOptionsPage({import: request => request.dryRun
		? {revision: 1, changes: [{field: 'headline', from: null, to: 'Staff Engineer'}]}
		: new Promise(resolve => {
			release = () => resolve({revision: 2, imported: ['name', 'headline']});
		})});
	const input = page.$('import-files');
	Object.defineProperty(input, 'files', {value: [file('Profile.csv', profileCsv), file('Invitations.csv', 'From,To,Sent At\na,b,c')], configurable: true});
	input.dispatchEvent(new page.window.Event('change'));
	await settle();
	page.$('import-confirm').click();
	await settle();
	assert.equal(page.$('import-status').textContent, 'Importing…');
	assert.deepEqual(Object.keys(page.sentOn('import')[1].files), ['Profile.csv']);
	release();
	await settle();
	assert.equal(page.$('import-status').textContent, 'Imported as revision 2: name, headline. Passed over 1 other file.');
});

test('an import after the profile failed to load is made against the store\'s current revision', async () => {
	let loads = 0;
	const page = await openOptionsPage({
		'profile.get'() {
			loads++;
			if (loads === 1) {
				throw replyError('timeout', 'The oneself host did not answer in time.');
			}

			return snapshotAt(9, {headline: 'Engineer'});
		},
		import: request => request.dryRun ? {revision: 9, changes: [{field: 'headline', from: 'Engineer', to: 'Staff Engineer'}]} : {revision: 10, imported: ['headline']},
	});
	const input = page.$('import-files');
	Object.defineProperty(input, 'files', {value: [file('Profile.csv', profileCsv)], configurable: true});
	input.dispatchEvent(new page.window.Event('change'));
	await settle();
	page.$('import-confirm').click();
	await settle();
	assert.equal(page.sentOn('import')[0].baseRevision, 9);
	assert.equal(page.sentOn('import')[1].baseRevision, 9);
	assert.match(page.$('import-status').textContent, /^Imported as revision 10/);
});

test('an import that changes nothing says so instead of naming a new revision', async () => {
	const page = await openOptionsPage({
		'profile.get': snapshotAt(4, {headline: 'Engineer'}),
		import: {revision: 4, imported: ['name', 'headline'], changed: false},
	});
	const input = page.$('import-files');
	Object.defineProperty(input, 'files', {value: [file('Profile.csv', profileCsv)], configurable: true});
	input.dispatchEvent(new page.window.Event('change'));
	await settle();
	assert.equal(page.$('import-status').textContent, 'Nothing changed: the profile already says what this file says (revision 4).');
});
