// LinkedIn's data export picked in the options page as LinkedIn sends it, a
// ZIP file: only the four CSVs the host imports are unpacked (in the page,
// DecompressionStream 'deflate-raw') and sent, whatever the archive's size;
// hostile archives are refused with a reason; and the import is previewed
// field by field, written only once the person confirms.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {importRequest} from '../../extension/options/import-files.js';
import {readZipMembers} from '../../extension/lib/zip.js';
import {buildZip, linkedinCsv, linkedinExport} from './helpers/zip.js';
import {openOptionsPage, settle, snapshotAt} from './helpers/options-page.js';

const file = (name, bytes) => new File([bytes], name);

test('a LinkedIn export ZIP sends its four CSVs and names the members it passed over', async () => {
	const {request, skipped, notes} = await importRequest([file('Basic_LinkedInDataExport_12-07-2026.zip', linkedinExport())], 3);
	assert.equal(request.format, 'linkedin-csv');
	assert.equal(request.baseRevision, 3);
	assert.deepEqual(request.files, linkedinCsv);
	assert.deepEqual(skipped, ['Connections.csv', 'Jobs/Saved Jobs.csv']);
	assert.deepEqual(notes, []);
});

test('the complete archive, far over the host\'s request limit, still goes through: only the CSVs are sent', async () => {
	const archive = linkedinExport(100_000);
	// The archive's bulk alone unpacks past the host's 8 MiB request limit.
	await assert.rejects(readZipMembers(file('Complete.zip', archive), ['messages.csv']), /messages\.csv unpacks to more than the 8 MiB/);
	const {request, skipped} = await importRequest([file('Complete_LinkedInDataExport.zip', archive)], 1);
	assert.deepEqual(Object.keys(request.files), Object.keys(linkedinCsv));
	assert.ok(skipped.includes('messages.csv'));
	assert.ok(new TextEncoder().encode(JSON.stringify(request)).length < 64 * 1024);
});

test('a CSV in Windows-1252 inside the archive is read as such, and said', async () => {
	const cp1252 = Uint8Array.from([...'First Name,Last Name,Headline\r\nZo', 0xEB, ...',M', 0xFC, ...'ller,Caf', 0xE9, ...'\r\n'].map(c => typeof c === 'string' ? c.charCodeAt(0) : c));
	const {request, notes} = await importRequest([file('export.zip', buildZip([{name: 'Profile.csv', data: cp1252}]))], 1);
	assert.equal(request.files['Profile.csv'], 'First Name,Last Name,Headline\r\nZoë,Müller,Café\r\n');
	assert.deepEqual(notes, ['Profile.csv is not UTF-8; it was read as Windows-1252']);
});

test('hostile archives are refused with the reason, before anything is sent', async () => {
	const profile = linkedinCsv['Profile.csv'];
	const cases = [
		[buildZip([{name: 'Profile.csv', data: profile + 'x'.repeat(9 * 1024 * 1024)}]), /unpacks to more than the 8 MiB .* ZIP bomb|over 200 times its packed size/],
		[buildZip([{name: 'Profile.csv', data: '\0'.repeat(2 * 1024 * 1024), saySize: 10}]), /over 200 times its packed size: refused as a ZIP bomb/],
		[buildZip([{name: 'Profile.csv', data: profile, flags: 1}]), /Profile\.csv is encrypted/],
		[buildZip([{name: 'Profile.csv', data: profile, badCrc: true}]), /Profile\.csv fails its checksum/],
		[buildZip([{name: 'Profile.csv', data: profile}, {name: 'old/Profile.csv', data: profile}]), /two files named Profile\.csv/],
		[linkedinExport().subarray(0, 200), /no central directory: the download may be cut short/],
		[buildZip([{name: 'holiday.jpg', data: 'not a csv'}]), /holds none of Profile\.csv, Positions\.csv, Education\.csv, Certifications\.csv/],
	];
	for (const [bytes, reason] of cases) {
		await assert.rejects(importRequest([file('export.zip', bytes)], 1), reason);
	}

	const many = buildZip(Array.from({length: 20_001}, (_, i) => ({name: `f${i}.txt`, data: '', stored: true})));
	await assert.rejects(importRequest([file('many.zip', many)], 1), /holds 20001 members, more than the 20000/);
});

test('the page previews the import field by field, and writes only on confirm', async () => {
	const preview = {
		revision: 5, dryRun: true, changed: true,
		changes: [{field: 'headline', from: 'Engineer', to: 'Principal Engineer at Lumen Labs'}, {field: 'education[0]', from: null, to: {institution: 'Northfield University'}}],
		unchanged: ['name'], kept: ['email'], setByHand: {headline: {revision: 4, source: 'cli'}},
		skipped: [], notes: [], read: ['Profile.csv', 'Education.csv'],
	};
	const page = await openOptionsPage({
		'profile.get': snapshotAt(5, {headline: 'Engineer'}),
		import: request => request.dryRun ? preview : {revision: 6, imported: ['headline', 'education'], changed: true},
	});
	const input = page.$('import-files');
	Object.defineProperty(input, 'files', {value: [file('export.zip', linkedinExport())], configurable: true});
	input.dispatchEvent(new page.window.Event('change'));
	await settle();
	await settle();
	const shown = page.$('import-preview').textContent;
	assert.match(shown, /headline: "Engineer" → "Principal Engineer at Lumen Labs"/);
	assert.match(shown, /education\[0\]: \(none\) → \{"institution":"Northfield University"\}/);
	assert.match(shown, /headline was set by hand \(on the command line, revision 4\); this import would replace it/);
	assert.match(shown, /Passed over 2 other files: Connections\.csv, Jobs\/Saved Jobs\.csv/);
	assert.equal(page.sentOn('import').length, 1, 'only the dry run so far');
	assert.equal(page.sentOn('import')[0].dryRun, true);
	page.$('import-confirm').click();
	await settle();
	await settle();
	assert.equal(page.sentOn('import').length, 2);
	assert.equal(page.sentOn('import')[1].dryRun, undefined);
	assert.match(page.$('import-status').textContent, /^Imported as revision 6: headline, education\. Passed over 2 other files\./);
	assert.equal(page.$('import-preview').textContent, '');
});

test('cancelling the preview writes nothing', async () => {
	const page = await openOptionsPage({
		'profile.get': snapshotAt(5, {headline: 'Engineer'}),
		import: {revision: 5, dryRun: true, changes: [{field: 'headline', from: 'Engineer', to: 'CTO'}], unchanged: [], kept: [], setByHand: {}, skipped: [], notes: []},
	});
	const input = page.$('import-files');
	Object.defineProperty(input, 'files', {value: [file('Profile.csv', linkedinCsv['Profile.csv'])], configurable: true});
	input.dispatchEvent(new page.window.Event('change'));
	await settle();
	page.$('import-cancel').click();
	await settle();
	assert.equal(page.sentOn('import').length, 1);
	assert.equal(page.$('import-status').textContent, 'Import cancelled; nothing was written.');
});
