// Reads chosen members of a ZIP file in the page, so that LinkedIn's data
// export can be picked as LinkedIn sends it: only the few CSVs oneself
// imports are unpacked (DecompressionStream 'deflate-raw') and sent to the
// host, never the archive, which can be far larger than a request may be.
// Bounded like the host's reader (host/src/importers/zip_archive.cpp):
// member count, unpacked size per member and in all, and packing ratio.
// Layout: PKWARE's APPNOTE.TXT, sections 4.3.7 (local header), 4.3.12
// (central directory) and 4.3.16 (end of central directory).

export const ZIP_LIMITS = {
	maxEntries: 20_000,
	maxMemberBytes: 8 * 1024 * 1024,
	maxTotalBytes: 8 * 1024 * 1024,
	maxRatio: 200,
};

const EOCD = 0x06_05_4B_50;
const CENTRAL = 0x02_01_4B_50;
const LOCAL = 0x04_03_4B_50;

export function looksLikeZip(head) {
	const bytes = new Uint8Array(head);
	return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4B && (bytes[2] === 3 || bytes[2] === 5);
}

async function bytesOf(blob, start, end) {
	return new DataView(await blob.slice(start, end).arrayBuffer());
}

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) {
			c = c & 1 ? 0xED_B8_83_20 ^ (c >>> 1) : c >>> 1;
		}

		table[n] = c >>> 0;
	}

	return table;
})();

function crc32(bytes) {
	let crc = 0xFF_FF_FF_FF;
	for (const byte of bytes) {
		crc = CRC_TABLE[(crc ^ byte) & 0xFF] ^ (crc >>> 8);
	}

	return (crc ^ 0xFF_FF_FF_FF) >>> 0;
}

// The central directory's entries: {name, method, flags, crc, packed, size, offset}.
async function directory(blob, fail) {
	// The end record is in the last 22 bytes plus a comment of up to 64 KiB.
	const tailStart = Math.max(0, blob.size - 22 - 65_535);
	const tail = await bytesOf(blob, tailStart, blob.size);
	let at = -1;
	for (let i = tail.byteLength - 22; i >= 0; i--) {
		if (tail.getUint32(i, true) === EOCD) {
			at = i;
			break;
		}
	}

	if (at < 0) {
		fail('it is not a ZIP archive that can be read (no central directory: the download may be cut short)');
	}

	const count = tail.getUint16(at + 10, true);
	const size = tail.getUint32(at + 12, true);
	const offset = tail.getUint32(at + 16, true);
	if (count === 0xFF_FF || size === 0xFF_FF_FF_FF || offset === 0xFF_FF_FF_FF) {
		fail('it is a ZIP64 archive, which LinkedIn\'s export is not; unpack it and pick its Profile.csv and Positions.csv');
	}

	if (count > ZIP_LIMITS.maxEntries) {
		fail(`it holds ${count} members, more than the ${ZIP_LIMITS.maxEntries} an export has; it is not LinkedIn's data export`);
	}

	if (offset + size > blob.size) {
		fail('its directory lies past its end: it is damaged or cut short (download it again)');
	}

	const view = await bytesOf(blob, offset, offset + size);
	const entries = [];
	let p = 0;
	for (let n = 0; n < count; n++) {
		if (p + 46 > view.byteLength || view.getUint32(p, true) !== CENTRAL) {
			fail('its directory is damaged (download it again)');
		}

		const nameLength = view.getUint16(p + 28, true);
		const skip = nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
		if (p + 46 + skip > view.byteLength) {
			fail('its directory is damaged (download it again)');
		}

		entries.push({
			flags: view.getUint16(p + 8, true),
			method: view.getUint16(p + 10, true),
			crc: view.getUint32(p + 16, true),
			packed: view.getUint32(p + 20, true),
			size: view.getUint32(p + 24, true),
			offset: view.getUint32(p + 42, true),
			name: new TextDecoder().decode(new Uint8Array(view.buffer, view.byteOffset + p + 46, nameLength)),
		});
		p += 46 + skip;
	}

	return entries;
}

async function unpack(blob, entry, budget, fail) {
	const head = await bytesOf(blob, entry.offset, entry.offset + 30);
	if (head.byteLength < 30 || head.getUint32(0, true) !== LOCAL) {
		fail(`${entry.name} cannot be found where the directory says: the archive is damaged`);
	}

	const start = entry.offset + 30 + head.getUint16(26, true) + head.getUint16(28, true);
	if (start + entry.packed > blob.size) {
		fail(`${entry.name} runs past the end of the archive: it is cut short (download it again)`);
	}

	const packed = blob.slice(start, start + entry.packed);
	const limit = Math.min(ZIP_LIMITS.maxMemberBytes, budget);
	let stream = packed.stream();
	if (entry.method === 8) {
		stream = stream.pipeThrough(new DecompressionStream('deflate-raw'));
	}

	// The sizes in the archive are the sender's word: the bytes decide.
	const chunks = [];
	let total = 0;
	const reader = stream.getReader();
	try {
		for (;;) {
			const {done, value} = await reader.read();
			if (done) {
				break;
			}

			total += value.length;
			if (total > limit) {
				fail(`${entry.name} unpacks to more than the ${limit / (1024 * 1024)} MiB oneself reads from an export: refused as a ZIP bomb`);
			}

			if (total > 1024 * 1024 && total / Math.max(entry.packed, 1) > ZIP_LIMITS.maxRatio) {
				fail(`${entry.name} unpacks to over ${ZIP_LIMITS.maxRatio} times its packed size: refused as a ZIP bomb`);
			}

			chunks.push(value);
		}
	} catch (error) {
		if (error.zip) {
			throw error;
		}

		fail(`${entry.name} cannot be unpacked: the archive is damaged (download it again)`);
	} finally {
		reader.releaseLock();
	}

	const bytes = new Uint8Array(total);
	let at = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, at);
		at += chunk.length;
	}

	if (crc32(bytes) !== entry.crc) {
		fail(`${entry.name} fails its checksum: the archive is damaged (download it again)`);
	}

	return bytes;
}

const baseName = name => name.slice(name.lastIndexOf('/') + 1);

// Resolves with {read: [{name, bytes}], skipped: [names]} for the members
// whose file name (after the last '/', in any case) is one of `wanted`;
// throws an Error naming the archive and what is wrong with it.
export async function readZipMembers(blob, wanted) {
	const fail = reason => {
		const error = new Error(`${blob.name ?? 'the archive'}: ${reason}`);
		error.zip = true;
		throw error;
	};

	const want = new Set(wanted.map(name => name.toLowerCase()));
	const read = [];
	const skipped = [];
	let budget = ZIP_LIMITS.maxTotalBytes;
	for (const entry of await directory(blob, fail)) {
		const base = baseName(entry.name).toLowerCase();
		if (!want.has(base)) {
			if (base) {
				skipped.push(entry.name);
			}

			continue;
		}

		const twin = read.find(member => baseName(member.name).toLowerCase() === base);
		if (twin) {
			fail(`it holds two files named ${baseName(entry.name)} (${twin.name} and ${entry.name}); pick the one you mean on its own`);
		}

		if (entry.flags & 1) {
			fail(`${entry.name} is encrypted; oneself reads LinkedIn's export as LinkedIn sends it`);
		}

		if (entry.method !== 0 && entry.method !== 8) {
			fail(`${entry.name} is compressed with method ${entry.method}, which oneself does not read (LinkedIn uses deflate); unpack the archive and pick the CSV`);
		}

		// One member at a time keeps memory to one member.
		const bytes = await unpack(blob, entry, budget, fail);
		budget -= bytes.length;
		read.push({name: entry.name, bytes});
	}

	return {read, skipped};
}
