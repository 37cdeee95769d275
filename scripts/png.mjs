// A minimal PNG encoder for the images the project draws itself (the
// extension's icons, the test fixtures' fictional photos): 8-bit RGB or RGBA,
// no filter, no interlace, zlib from Node. The same pixels give the same
// bytes on every run, so committed images can be checked against their script.
import {deflateSync} from 'node:zlib';

const CRC_TABLE = Array.from({length: 256}, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) {
		c = c & 1 ? 0xED_B8_83_20 ^ (c >>> 1) : c >>> 1;
	}

	return c >>> 0;
});

function crc32(buffer) {
	let c = 0xFF_FF_FF_FF;
	for (const byte of buffer) {
		c = CRC_TABLE[(c ^ byte) & 0xFF] ^ (c >>> 8);
	}

	return (c ^ 0xFF_FF_FF_FF) >>> 0;
}

function chunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

// pixelAt(x, y) -> [r, g, b] (channels 3) or [r, g, b, a] (channels 4), 0..255;
// fractions are cut as a Uint8Array cuts them.
export function encodePng(width, height, channels, pixelAt) {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = channels === 4 ? 6 : 2; // RGBA or RGB
	const stride = 1 + (width * channels);
	const rows = Buffer.alloc(height * stride);
	for (let y = 0; y < height; y++) {
		rows[y * stride] = 0; // filter: none
		for (let x = 0; x < width; x++) {
			rows.set(pixelAt(x, y), (y * stride) + 1 + (x * channels)); // as Uint8Array.set converts
		}
	}

	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows, {level: 9})),
		chunk('IEND', Buffer.alloc(0)),
	]);
}
