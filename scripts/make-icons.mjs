#!/usr/bin/env node
// Draws the extension's icon, a lowercase "o" (a white ring) on a teal disc,
// as PNGs at 16, 32, 48 and 128 pixels into extension/icons/. No dependency:
// the shapes are sampled 8x8 per pixel for smooth edges, and the PNG is
// written by hand (zlib from Node, CRC-32 below). The output is the same
// bytes on every run, so the committed PNGs can be checked against it
// (tests/extension/icons.test.js).
//
//   node scripts/make-icons.mjs          write extension/icons/icon-<size>.png
//   node scripts/make-icons.mjs --check  exit 1 if a committed PNG differs
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {deflateSync} from 'node:zlib';

export const SIZES = [16, 32, 48, 128];
export const TEAL = [14, 116, 144]; // #0e7490: reads on light and dark toolbars
const WHITE = [255, 255, 255];
const SAMPLES = 8;

// Radii as fractions of the icon's size. At 16 px the ring is about two
// pixels thick around a hole of five: still an "o", not a blob.
export const GEOMETRY = {disc: 0.5, ringOuter: 0.31, ringInner: 0.17};

// [r, g, b, a] of one pixel: the share of its samples inside each shape.
function pixel(size, px, py) {
	const c = size / 2;
	let disc = 0;
	let ring = 0;
	for (let sy = 0; sy < SAMPLES; sy++) {
		for (let sx = 0; sx < SAMPLES; sx++) {
			const x = px + (sx + 0.5) / SAMPLES - c;
			const y = py + (sy + 0.5) / SAMPLES - c;
			const d = Math.hypot(x, y) / size;
			if (d <= GEOMETRY.disc) {
				disc++;
				if (d <= GEOMETRY.ringOuter && d >= GEOMETRY.ringInner) {
					ring++;
				}
			}
		}
	}

	if (disc === 0) {
		return [0, 0, 0, 0];
	}

	// Colour over the disc's covered part; alpha is the disc's coverage.
	const white = ring / disc;
	const rgb = TEAL.map((t, i) => Math.round(t + (WHITE[i] - t) * white));
	return [...rgb, Math.round((255 * disc) / (SAMPLES * SAMPLES))];
}

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

// The icon at `size` pixels as PNG bytes (8-bit RGBA, no interlace).
export function renderIcon(size) {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header[8] = 8; // bit depth
	header[9] = 6; // RGBA
	const rows = Buffer.alloc(size * (1 + (size * 4)));
	for (let y = 0; y < size; y++) {
		const row = y * (1 + (size * 4));
		rows[row] = 0; // filter: none
		for (let x = 0; x < size; x++) {
			Buffer.from(pixel(size, x, y)).copy(rows, row + 1 + (x * 4));
		}
	}

	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows, {level: 9})),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

export const iconsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'extension', 'icons');
export const iconPath = size => join(iconsDir, `icon-${size}.png`);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const check = process.argv.includes('--check');
	let stale = 0;
	for (const size of SIZES) {
		const png = renderIcon(size);
		if (check) {
			if (!existsSync(iconPath(size)) || !readFileSync(iconPath(size)).equals(png)) {
				console.error(`${iconPath(size)} differs from what scripts/make-icons.mjs draws`);
				stale++;
			}
		} else {
			writeFileSync(iconPath(size), png);
			console.log(`${iconPath(size)} (${png.length} bytes)`);
		}
	}

	process.exitCode = stale > 0 ? 1 : 0;
}
