// The packed extension (scripts/package-extension.sh): the Firefox zip lints
// clean with web-ext; the Chromium zips meet the Chrome Web Store's manifest
// rules and hold every file the manifest names; the .crx is a CRX3 file
// whose signature verifies and whose id is the one the host allows.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {createHash, createPublicKey, verify} from 'node:crypto';
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {after, before, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {extensionId} from '../../scripts/pack-crx.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const source = JSON.parse(readFileSync(join(repo, 'extension', 'manifest.json'), 'utf8'));
const callers = JSON.parse(readFileSync(join(repo, 'manifest', 'allowed-callers.json'), 'utf8'));
const pinnedId = callers.chromium[0].match(/^chrome-extension:\/\/([a-p]{32})\/$/)[1];
let dist;
let work;
const zip = flavour => join(dist, `oneself-${source.version}-${flavour}.zip`);

before(() => {
	work = mkdtempSync(join(tmpdir(), 'oneself-store-zips-'));
	dist = join(work, 'dist');
	execFileSync('sh', [join(repo, 'scripts', 'package-extension.sh'), dist], {stdio: 'pipe'});
});
after(() => rmSync(work, {recursive: true, force: true}));

function unzip(file) {
	const dir = join(work, `unzipped-${file.split('/').pop()}`);
	mkdirSync(dir);
	execFileSync('unzip', ['-q', file, '-d', dir]);
	return dir;
}

function manifestIn(dir) {
	return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
}

// Every file the manifest names, for Chromium.
function namedFiles(m) {
	const files = [...Object.values(m.icons ?? {}), ...Object.values(m.action?.default_icon ?? {})];
	if (m.background?.service_worker) files.push(m.background.service_worker);
	if (m.action?.default_popup) files.push(m.action.default_popup);
	if (m.options_ui?.page) files.push(m.options_ui.page);
	for (const script of m.content_scripts ?? []) files.push(...(script.js ?? []), ...(script.css ?? []));
	return files;
}

test('the Firefox zip passes web-ext lint with no error, warning or notice', () => {
	const dir = unzip(zip('firefox'));
	const webExt = join(repo, 'node_modules', '.bin', 'web-ext');
	let output;
	try {
		output = execFileSync(webExt, ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {encoding: 'utf8'});
	} catch (error) {
		output = error.stdout; // web-ext exits non-zero on errors; the report says which
	}
	const report = JSON.parse(output);
	const found = [...report.errors, ...report.warnings, ...report.notices].map(m => `${m.code} ${m.file ?? ''}: ${m.message}`);
	assert.deepEqual(found, []);
	const m = manifestIn(dir);
	assert.equal(m.key, undefined, 'no Chromium key');
	assert.equal(m.background.service_worker, undefined, 'no service worker: Firefox runs background.scripts');
	assert.equal(m.browser_specific_settings.gecko.id, callers.firefox[0], 'the add-on id the host allows');
});

for (const flavour of ['chromium', 'chrome-web-store']) {
	test(`the ${flavour} zip meets the Chrome Web Store's manifest rules`, () => {
		const dir = unzip(zip(flavour));
		const m = manifestIn(dir);
		assert.equal(m.manifest_version, 3);
		assert.ok(m.name.length <= 75, 'name: at most 75 characters');
		assert.ok(m.description.length <= 132, 'description: at most 132 characters');
		assert.match(m.version, /^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/, 'version: 1 to 4 dot-separated integers');
		assert.ok(m.version.split('.').every(part => Number(part) <= 65_535), 'version: each part at most 65535');
		assert.ok(m.icons['128'], 'a 128 px icon');
		for (const file of namedFiles(m)) {
			assert.doesNotThrow(() => readFileSync(join(dir, file)), `${file} is in the zip`);
		}

		assert.equal(m.web_accessible_resources, undefined, 'no web-accessible resources');
		assert.equal(m.externally_connectable, undefined, 'no page can message the extension');
		// Every permission is one docs/security.md explains.
		const security = readFileSync(join(repo, 'docs', 'security.md'), 'utf8');
		for (const permission of [...m.permissions, ...m.host_permissions, ...(m.optional_host_permissions ?? [])]) {
			assert.ok(security.includes(`\`${permission}\``), `docs/security.md explains ${permission}`);
		}

		if (flavour === 'chrome-web-store') {
			assert.equal(m.key, undefined, 'the Web Store refuses a manifest with a key');
		} else {
			assert.equal(m.key, source.key, 'the unpacked zip keeps the key that pins the id');
		}
	});
}

test('the .crx is CRX3, its signature verifies, and its id is the pinned one', () => {
	const crx = readFileSync(join(dist, `oneself-${source.version}.crx`));
	assert.equal(crx.subarray(0, 4).toString('latin1'), 'Cr24');
	assert.equal(crx.readUInt32LE(4), 3);
	const headerLength = crx.readUInt32LE(8);
	const header = crx.subarray(12, 12 + headerLength);
	const archive = crx.subarray(12 + headerLength);
	assert.deepEqual(archive, readFileSync(zip('chromium')), 'the archive is the chromium zip');

	// The protobuf fields, read independently of the packer.
	const fields = parseProto(header);
	const proof = parseProto(fields.find(f => f.number === 2).value);
	const publicKey = proof.find(f => f.number === 1).value;
	const signature = proof.find(f => f.number === 2).value;
	const signedData = fields.find(f => f.number === 10_000).value;
	const crxId = parseProto(signedData).find(f => f.number === 1).value;

	assert.equal(extensionId(publicKey), pinnedId, 'the key is the one of the pinned id');
	assert.equal(publicKey.toString('base64'), source.key, 'the key is the manifest\'s');
	assert.deepEqual(crxId, createHash('sha256').update(publicKey).digest().subarray(0, 16));
	const signed = Buffer.concat([Buffer.from('CRX3 SignedData\0', 'latin1'), u32(signedData.length), signedData, archive]);
	const key = createPublicKey({key: publicKey, format: 'der', type: 'spki'});
	assert.ok(verify('sha256', signed, key, signature), 'the RSA-SHA256 signature verifies');
	const tampered = Buffer.from(signed);
	tampered[tampered.length - 1] ^= 1;
	assert.ok(!verify('sha256', tampered, key, signature), 'and fails for a changed archive');
});

test('packing twice gives the same bytes', () => {
	const again = join(work, 'again');
	execFileSync('sh', [join(repo, 'scripts', 'package-extension.sh'), again], {stdio: 'pipe'});
	for (const name of [`oneself-${source.version}-chromium.zip`, `oneself-${source.version}-firefox.zip`, `oneself-${source.version}.crx`]) {
		assert.deepEqual(readFileSync(join(again, name)), readFileSync(join(dist, name)), name);
	}
});

function u32(n) {
	const b = Buffer.alloc(4);
	b.writeUInt32LE(n);
	return b;
}

// Length-delimited fields only (all CRX3 uses).
function parseProto(buffer) {
	const fields = [];
	let at = 0;
	const varint = () => {
		let value = 0;
		let shift = 0;
		for (;;) {
			const byte = buffer[at++];
			value += (byte & 0x7F) * 2 ** shift;
			if (byte < 0x80) {
				return value;
			}

			shift += 7;
		}
	};

	while (at < buffer.length) {
		const tag = varint();
		assert.equal(tag & 7, 2, 'a length-delimited field');
		const length = varint();
		fields.push({number: Math.floor(tag / 8), value: buffer.subarray(at, at + length)});
		at += length;
	}

	return fields;
}
