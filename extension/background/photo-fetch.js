// Fetching a page's profile photo for its fingerprint. A photo server can be
// slow or never answer at all; a fetch is therefore bounded in time (the
// body included) and in size, and every check that wants the same photo
// while it is on its way shares the one fetch instead of queueing behind it.

export const PHOTO_FETCH_TIMEOUT_MS = 10_000;
// Profile photos are tens of kilobytes; anything this large is not one.
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;

// deps: {fetch, grayFromBlob(blob) → Promise<number[]>, timers?: {setTimeout, clearTimeout},
//        timeoutMs?, maxBytes?}. Returns fetchGray(url) → Promise<number[]>,
// rejecting with an Error that says why (timeout, status, size).
export function createPhotoFetcher({fetch, grayFromBlob, timers = globalThis, timeoutMs = PHOTO_FETCH_TIMEOUT_MS, maxBytes = PHOTO_MAX_BYTES}) {
	const inFlight = new Map(); // url → Promise<number[]>

	async function fetchOnce(url) {
		const controller = new AbortController();
		const timer = timers.setTimeout(() => controller.abort(), timeoutMs);
		try {
			const response = await fetch(url, {credentials: 'omit', cache: 'force-cache', signal: controller.signal});
			if (!response.ok) {
				throw new Error(`photo fetch failed: HTTP ${response.status}`);
			}

			const declared = Number(response.headers?.get?.('content-length'));
			if (declared > maxBytes) {
				controller.abort();
				throw new Error(`photo is ${declared} bytes, more than ${maxBytes}`);
			}

			const blob = await response.blob();
			if (blob.size > maxBytes) {
				throw new Error(`photo is ${blob.size} bytes, more than ${maxBytes}`);
			}

			return await grayFromBlob(blob);
		} catch (error) {
			if (controller.signal.aborted && error?.name === 'AbortError') {
				throw new Error(`photo did not arrive within ${timeoutMs} ms`);
			}

			throw error;
		} finally {
			timers.clearTimeout(timer);
		}
	}

	return function fetchGray(url) {
		if (!inFlight.has(url)) {
			const pending = fetchOnce(url).finally(() => inFlight.delete(url));
			inFlight.set(url, pending);
		}

		return inFlight.get(url);
	};
}
