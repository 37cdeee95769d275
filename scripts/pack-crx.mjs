#!/usr/bin/env node
// Packs a zip of the extension into a CRX3 file signed with an RSA key, the
// format Chromium reads from external-extensions files (external_crx). The id
// a browser gives the extension is derived from the key, so packing with
// packaging/extension-key.pem yields the id manifest/allowed-callers.json
// allows. The key pins that id; it is public in the repository and vouches
// for nothing (docs/packaging.md).
//
//   node scripts/pack-crx.mjs ZIP KEY.pem OUT.crx    prints the extension id
//
// CRX3 layout (Chromium components/crx_file/crx3.proto):
//   "Cr24" | uint32le 3 | uint32le header length | CrxFileHeader | zip
// CrxFileHeader { repeated AsymmetricKeyProof sha256_with_rsa = 2;
//                 bytes signed_header_data = 10000; }
// AsymmetricKeyProof { bytes public_key = 1; bytes signature = 2; }
// SignedData { bytes crx_id = 1; }   (the first 16 bytes of SHA-256(key))
// The signature is RSA PKCS#1 v1.5 SHA-256 over
//   "CRX3 SignedData\0" | uint32le len(SignedData) | SignedData | zip
import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

function varint(n) {
	const bytes = [];
	while (n > 0x7f) {
		bytes.push((n & 0x7f) | 0x80);
		n >>>= 7;
	}
	bytes.push(n);
	return Buffer.from(bytes);
}

// One length-delimited protobuf field (wire type 2).
function field(number, payload) {
	return Buffer.concat([varint((number << 3) | 2), varint(payload.length), payload]);
}

function uint32le(n) {
	const b = Buffer.alloc(4);
	b.writeUInt32LE(n);
	return b;
}

// The id Chromium shows: the first 16 bytes of the key's hash, each nibble
// written as a letter a-p.
export function extensionId(publicKeyDer) {
	const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
	return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export function packCrx(zip, privateKeyPem) {
	const privateKey = createPrivateKey(privateKeyPem);
	const publicKeyDer = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
	const crxId = createHash('sha256').update(publicKeyDer).digest().subarray(0, 16);
	const signedData = field(1, crxId);
	const signature = sign('sha256', Buffer.concat([
		Buffer.from('CRX3 SignedData\0', 'latin1'),
		uint32le(signedData.length),
		signedData,
		zip,
	]), privateKey);
	const header = Buffer.concat([
		field(2, Buffer.concat([field(1, publicKeyDer), field(2, signature)])),
		field(10000, signedData),
	]);
	const crx = Buffer.concat([Buffer.from('Cr24', 'latin1'), uint32le(3), uint32le(header.length), header, zip]);
	return { crx, id: extensionId(publicKeyDer) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const [zipFile, keyFile, outFile] = process.argv.slice(2);
	if (!outFile) {
		process.stderr.write('usage: node scripts/pack-crx.mjs ZIP KEY.pem OUT.crx\n');
		process.exit(2);
	}
	let zip;
	let key;
	try {
		zip = readFileSync(zipFile);
		key = readFileSync(keyFile);
	} catch (e) {
		process.stderr.write(`pack-crx: ${e.message}\n`);
		process.exit(1);
	}
	if (zip.readUInt32LE(0) !== 0x04034b50) {
		process.stderr.write(`pack-crx: ${zipFile} is not a zip file\n`);
		process.exit(1);
	}
	const { crx, id } = packCrx(zip, key);
	writeFileSync(outFile, crx);
	process.stdout.write(`${id}\n`);
}
