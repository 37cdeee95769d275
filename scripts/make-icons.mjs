#!/usr/bin/env node
// Draws the extension's icon, a lowercase "o" (a white ring) on a teal disc,
// as PNGs at 16, 32, 48 and 128 pixels into extension/icons/. No dependency:
// the shapes are sampled 8x8 per pixel for smooth edges, and the PNG is
// written by scripts/png.mjs. The output is the same
// bytes on every run, so the committed PNGs can be checked against it
// (tests/extension/icons.test.js).
//
//   node scripts/make-icons.mjs          write extension/icons/icon-<size>.png
//   node scripts/make-icons.mjs --check  exit 1 if a committed PNG differs
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {encodePng} from './png.mjs';

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

// The icon at `size` pixels as PNG bytes (8-bit RGBA, no interlace).
export function renderIcon(size) {
	return encodePng(size, size, 4, (x, y) => pixel(size, x, y));
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
