// The extension's icons: the manifest names one PNG per size for the
// extension and the toolbar, each file is a square RGBA PNG of that size, the
// committed bytes are what scripts/make-icons.mjs draws, and the drawing is an
// "o": a white ring on a teal disc, transparent outside it.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {inflateSync} from 'node:zlib';
import {extensionDir} from './load.js';
import {manifest} from './helpers/ui-scripts.js';
import {GEOMETRY, SIZES, TEAL, renderIcon} from '../../scripts/make-icons.mjs';

// {width, height, colourType, pixel(x, y) → [r, g, b, a]} of an unfiltered RGBA PNG.
function decode(png) {
	assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 'PNG signature');
	let offset = 8;
	let header;
	const data = [];
	while (offset < png.length) {
		const length = png.readUInt32BE(offset);
		const type = png.toString('ascii', offset + 4, offset + 8);
		const body = png.subarray(offset + 8, offset + 8 + length);
		if (type === 'IHDR') {
			header = {width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8], colourType: body[9]};
		} else if (type === 'IDAT') {
			data.push(body);
		}

		offset += 12 + length;
	}

	const rows = inflateSync(Buffer.concat(data));
	const stride = 1 + (header.width * 4);
	const pixel = (x, y) => {
		assert.equal(rows[y * stride], 0, 'filter type none');
		const at = (y * stride) + 1 + (x * 4);
		return [...rows.subarray(at, at + 4)];
	};

	return {...header, pixel};
}

test('the manifest names an icon per size for the extension and the toolbar', () => {
	assert.deepEqual(Object.keys(manifest.icons).map(Number).sort((a, b) => a - b), SIZES);
	for (const [size, file] of Object.entries({...manifest.icons, ...manifest.action.default_icon})) {
		const png = decode(readFileSync(join(extensionDir, file)));
		assert.equal(png.width, Number(size), file);
		assert.equal(png.height, Number(size), file);
		assert.equal(png.depth, 8);
		assert.equal(png.colourType, 6, 'RGBA');
	}

	assert.deepEqual(Object.keys(manifest.action.default_icon).map(Number), [16, 32]);
});

test('the committed icons are what scripts/make-icons.mjs draws', () => {
	for (const size of SIZES) {
		const committed = readFileSync(join(extensionDir, manifest.icons[size]));
		assert.ok(committed.equals(renderIcon(size)), `icon-${size}.png: run node scripts/make-icons.mjs`);
	}
});

test('every size reads as an "o": transparent corners, teal disc, white ring, teal hole', () => {
	for (const size of SIZES) {
		const {pixel} = decode(renderIcon(size));
		const c = Math.floor(size / 2);
		const ring = Math.floor(size * ((GEOMETRY.ringOuter + GEOMETRY.ringInner) / 2));
		assert.equal(pixel(0, 0)[3], 0, `${size}: corner transparent`);
		assert.deepEqual(pixel(c, c), [...TEAL, 255], `${size}: the hole is teal`);
		// Pixel c is the first right of the centre and c - 1 the first left of
		// it, so these four are mirror images of one another.
		for (const [x, y] of [[c + ring, c], [c - 1 - ring, c], [c, c + ring], [c, c - 1 - ring]]) {
			assert.deepEqual(pixel(x, y), [255, 255, 255, 255], `${size}: the ring is white at ${x},${y}`);
		}

		// Between the ring and the disc's edge: teal again.
		const band = Math.floor(size * ((GEOMETRY.disc + GEOMETRY.ringOuter) / 2));
		assert.deepEqual(pixel(c - 1 - band, c), [...TEAL, 255], `${size}: the disc is teal`);
	}
});
