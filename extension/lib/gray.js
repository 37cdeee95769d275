// The 32x32 grayscale rendering of a photo that the host's perceptual hash
// works on. Area average: every output pixel is the mean of the source area
// it covers (fractional coverage at the edges), so the result does not depend
// on the browser's resampling filter. Gray = round(0.299 R + 0.587 G + 0.114 B).

export const SIDE = 32;
// Large photos are first drawn at most this size, to bound the work.
const MAX_SOURCE = 512;

// rgba: Uint8ClampedArray (or array) of width*height*4. Returns 1024 integers.
export function grayFromRgba(rgba, width, height) {
	if (width <= 0 || height <= 0 || rgba.length < width * height * 4) {
		throw new RangeError('image data does not match its size');
	}

	const luma = new Float64Array(width * height);
	for (let i = 0; i < width * height; i++) {
		const alpha = rgba[(i * 4) + 3] / 255;
		// Transparent pixels are seen on white, as the sites show them.
		const r = (rgba[i * 4] * alpha) + (255 * (1 - alpha));
		const g = (rgba[(i * 4) + 1] * alpha) + (255 * (1 - alpha));
		const b = (rgba[(i * 4) + 2] * alpha) + (255 * (1 - alpha));
		luma[i] = (0.299 * r) + (0.587 * g) + (0.114 * b);
	}

	const xs = coverage(width);
	const ys = coverage(height);
	const out = new Array(SIDE * SIDE);
	for (let oy = 0; oy < SIDE; oy++) {
		for (let ox = 0; ox < SIDE; ox++) {
			let sum = 0;
			let weight = 0;
			for (const [sy, wy] of ys[oy]) {
				for (const [sx, wx] of xs[ox]) {
					const w = wx * wy;
					sum += luma[(sy * width) + sx] * w;
					weight += w;
				}
			}

			out[(oy * SIDE) + ox] = Math.min(255, Math.max(0, Math.round(sum / weight)));
		}
	}

	return out;
}

// For each of the 32 output cells, the source indexes it covers and how much.
function coverage(size) {
	const scale = size / SIDE;
	const cells = [];
	for (let o = 0; o < SIDE; o++) {
		const start = o * scale;
		const end = (o + 1) * scale;
		const taps = [];
		for (let s = Math.floor(start); s < Math.min(size, Math.ceil(end)); s++) {
			const w = Math.min(end, s + 1) - Math.max(start, s);
			if (w > 1e-9) {
				taps.push([s, w]);
			}
		}

		cells.push(taps);
	}

	return cells;
}

// A Blob (JPEG, PNG, WebP...) to the gray rendering, in a page or a worker.
export async function grayFromBlob(blob) {
	const probe = await createImageBitmap(blob);
	let {width, height} = probe;
	let bitmap = probe;
	if (Math.max(width, height) > MAX_SOURCE) {
		const ratio = MAX_SOURCE / Math.max(width, height);
		width = Math.max(SIDE, Math.round(width * ratio));
		height = Math.max(SIDE, Math.round(height * ratio));
		probe.close?.();
		bitmap = await createImageBitmap(blob, {resizeWidth: width, resizeHeight: height, resizeQuality: 'high'});
	}

	const canvas = new OffscreenCanvas(width, height);
	const context = canvas.getContext('2d');
	context.drawImage(bitmap, 0, 0);
	bitmap.close?.();
	const {data} = context.getImageData(0, 0, width, height);
	return grayFromRgba(data, width, height);
}
