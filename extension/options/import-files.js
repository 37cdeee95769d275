// Which of the files the user picked go to the host's import, and the
// request for them (docs/protocol.md). A whole LinkedIn export (the ZIP file
// LinkedIn sends, or the folder it unpacks to) holds dozens of CSVs; only
// Profile.csv, Positions.csv, Education.csv and Certifications.csv are
// imported (the host knows them by their header row), so only those are
// unpacked and sent: the others could take the request past the host's limit
// on one message.
import {looksLikeZip, readZipMembers} from '../lib/zip.js';

// The host's limit on one request (host/src/protocol/limits.h), less room
// for the envelope the background wraps around it.
export const MAX_REQUEST_BYTES = 8 * 1024 * 1024;
const ENVELOPE_BYTES = 1024;

// The header rows the host imports (host/src/importers/linkedin.cpp).
const LINKEDIN_HEADERS = [
	['first name', 'last name', 'headline'],
	['company name', 'title', 'started on'],
	['school name', 'degree name', 'start date'],
	['name', 'authority', 'started on'],
];
export const LINKEDIN_NAMES = ['Profile.csv', 'Positions.csv', 'Education.csv', 'Certifications.csv'];

function headerCells(text) {
	const [line] = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1);
	return line.split(',').map(cell => cell.trim().replace(/^"|"$/g, '').trim().toLowerCase());
}

async function kindOf(file) {
	const name = file.name.toLowerCase();
	if (name.endsWith('.zip') || looksLikeZip(await file.slice(0, 4).arrayBuffer())) {
		return 'zip';
	}

	const head = await file.slice(0, 4096).text();
	if (name.endsWith('.json') || head.trimStart().startsWith('{')) {
		return 'json';
	}

	const cells = headerCells(head);
	if (LINKEDIN_NAMES.some(known => known.toLowerCase() === name) || LINKEDIN_HEADERS.some(columns => columns.every(column => cells.includes(column)))) {
		return 'linkedin';
	}

	return 'other';
}

const megabytes = bytes => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

// A CSV's text. A spreadsheet on Windows saves Windows-1252 unless told
// otherwise; such a file, not being UTF-8, is read as Windows-1252 (as the
// host reads it), and `notes` says so.
function csvText(name, bytes, notes) {
	try {
		return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		notes.push(`${name} is not UTF-8; it was read as Windows-1252`);
		return new TextDecoder('windows-1252').decode(bytes);
	}
}

// Resolves with {request, skipped: the names left out, notes: how files
// that were almost right were read}; throws an Error whose message says what
// to pick instead.
export async function importRequest(files, baseRevision) {
	const kinds = await Promise.all(files.map(kindOf));
	const json = files.filter((file, index) => kinds[index] === 'json');
	const linkedin = files.filter((file, index) => kinds[index] === 'linkedin');
	const zips = files.filter((file, index) => kinds[index] === 'zip');
	const skipped = files.filter((file, index) => kinds[index] === 'other').map(file => file.name);
	const notes = [];
	let request;
	if (json.length > 0) {
		if (json.length > 1 || linkedin.length > 0 || zips.length > 0) {
			throw new Error('import one JSON Resume file at a time, without CSV or ZIP files');
		}

		request = {format: 'jsonresume', content: await json[0].text(), baseRevision};
	} else if (linkedin.length > 0 || zips.length > 0) {
		const texts = await Promise.all(linkedin.map(async file => [file.name, csvText(file.name, new Uint8Array(await file.arrayBuffer()), notes)]));
		for (const zip of zips) {
			// One archive at a time keeps memory to one archive.
			const members = await readZipMembers(zip, LINKEDIN_NAMES);
			if (members.read.length === 0) {
				throw new Error(`${zip.name} holds none of ${LINKEDIN_NAMES.join(', ')}: it is not LinkedIn's data export`);
			}

			texts.push(...members.read.map(member => [member.name, csvText(member.name, member.bytes, notes)]));
			skipped.push(...members.skipped);
		}

		// skipUnknown: a file kept for its name whose header is not one the
		// host knows is skipped there too, rather than failing the import.
		request = {format: 'linkedin-csv', files: Object.fromEntries(texts), skipUnknown: true, baseRevision};
	} else {
		throw new Error('none of these files is a JSON Resume (.json), LinkedIn\'s data export (.zip) or its Profile.csv, Positions.csv, Education.csv or Certifications.csv');
	}

	const bytes = new TextEncoder().encode(JSON.stringify(request)).length;
	if (bytes > MAX_REQUEST_BYTES - ENVELOPE_BYTES) {
		throw new Error(`the files come to ${megabytes(bytes)}, over the ${megabytes(MAX_REQUEST_BYTES)} oneself takes in one import`);
	}

	return {request, skipped, notes};
}
