// The 32x32 gray rendering the host's perceptual hash works on.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {grayFromRgba} from '../../extension/lib/gray.js';

function image(width, height, pixel) {
	const data = new Uint8ClampedArray(width * height * 4);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			data.set(pixel(x, y), ((y * width) + x) * 4);
		}
	}

	return data;
}

test('gray = round(0.299 R + 0.587 G + 0.114 B), 1024 values', () => {
	const gray = grayFromRgba(image(64, 64, () => [200, 100, 50, 255]), 64, 64);
	assert.equal(gray.length, 1024);
	assert.ok(gray.every(value => value === Math.round((0.299 * 200) + (0.587 * 100) + (0.114 * 50))));
});

test('area average: each cell is the mean of the source pixels it covers', () => {
	// 64x64 checkerboard of single pixels: every 2x2 cell averages to the middle.
	const gray = grayFromRgba(image(64, 64, (x, y) => ((x + y) % 2 ? [255, 255, 255, 255] : [0, 0, 0, 255])), 64, 64);
	assert.ok(gray.every(value => value === 128), 'no aliasing');

	// Left half black, right half white, at a size that does not divide by 32.
	const split = grayFromRgba(image(100, 50, x => (x < 50 ? [0, 0, 0, 255] : [255, 255, 255, 255])), 100, 50);
	assert.equal(split[0], 0);
	assert.equal(split[31], 255);
	assert.equal(split[15], 0);
	assert.equal(split[16], 255);
});

test('upscales small images and sees transparency on white', () => {
	const gray = grayFromRgba(image(2, 2, x => (x === 0 ? [0, 0, 0, 255] : [0, 0, 0, 0])), 2, 2);
	assert.equal(gray[0], 0);
	assert.equal(gray[31], 255);
});

test('refuses data that does not match its size', () => {
	assert.throws(() => grayFromRgba(new Uint8ClampedArray(10), 4, 4), RangeError);
	assert.throws(() => grayFromRgba(new Uint8ClampedArray(0), 0, 0), RangeError);
});
