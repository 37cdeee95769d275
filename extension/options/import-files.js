// Which of the files the user picked go to the host's import, and the
// request for them (docs/protocol.md). A whole LinkedIn export folder holds
// dozens of CSVs; only Profile.csv and Positions.csv are imported (the host
// knows them by their header row), so only those are sent: the others could
// take the request past the host's limit on one message.

// The host's limit on one request (host/src/protocol/limits.h), less room
// for the envelope the background wraps around it.
export const MAX_REQUEST_BYTES = 8 * 1024 * 1024;
const ENVELOPE_BYTES = 1024;

// The header rows the host imports (host/src/importers/linkedin.cpp).
const LINKEDIN_HEADERS = [['first name', 'last name', 'headline'], ['company name', 'title', 'started on']];
const LINKEDIN_NAMES = ['profile.csv', 'positions.csv'];

function headerCells(text) {
	const [line] = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1);
	return line.split(',').map(cell => cell.trim().replace(/^"|"$/g, '').trim().toLowerCase());
}

async function kindOf(file) {
	const head = await file.slice(0, 4096).text();
	const name = file.name.toLowerCase();
	if (name.endsWith('.json') || head.trimStart().startsWith('{')) {
		return 'json';
	}

	const cells = headerCells(head);
	if (LINKEDIN_NAMES.includes(name) || LINKEDIN_HEADERS.some(columns => columns.every(column => cells.includes(column)))) {
		return 'linkedin';
	}

	return 'other';
}

const megabytes = bytes => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

// Resolves with {request, skipped: the names left out}; throws an Error whose
// message says what to pick instead.
export async function importRequest(files, baseRevision) {
	const kinds = await Promise.all(files.map(kindOf));
	const json = files.filter((file, index) => kinds[index] === 'json');
	const linkedin = files.filter((file, index) => kinds[index] === 'linkedin');
	const skipped = files.filter((file, index) => kinds[index] === 'other').map(file => file.name);
	let request;
	if (json.length > 0) {
		if (json.length > 1 || linkedin.length > 0) {
			throw new Error('import one JSON Resume file at a time, without CSV files');
		}

		request = {format: 'jsonresume', content: await json[0].text(), baseRevision};
	} else if (linkedin.length > 0) {
		const texts = await Promise.all(linkedin.map(async file => [file.name, await file.text()]));
		// skipUnknown: a file kept for its name whose header is not one the
		// host knows is skipped there too, rather than failing the import.
		request = {format: 'linkedin-csv', files: Object.fromEntries(texts), skipUnknown: true, baseRevision};
	} else {
		throw new Error('none of these files is a JSON Resume (.json) or LinkedIn\'s Profile.csv or Positions.csv');
	}

	const bytes = new TextEncoder().encode(JSON.stringify(request)).length;
	if (bytes > MAX_REQUEST_BYTES - ENVELOPE_BYTES) {
		throw new Error(`the files come to ${megabytes(bytes)}, over the ${megabytes(MAX_REQUEST_BYTES)} oneself takes in one import`);
	}

	return {request, skipped};
}
