// The photo fetch is bounded: a server that never answers, a body that never
// ends or a file far larger than a photo ends the fetch with a reason, and
// checks that want the same photo meanwhile share one fetch.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createPhotoFetcher} from '../../extension/background/photo-fetch.js';

const gray = Array.from({length: 1024}, () => 128);
const grayFromBlob = async blob => (blob.size > 0 ? gray : []);

// A fetch that answers only when the test says so, and honours the signal.
function controllableFetch() {
	const calls = [];
	const fetch = (url, options) => new Promise((resolve, reject) => {
		const call = {url, options, resolve, reject};
		calls.push(call);
		options.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
	});
	return {calls, fetch};
}

const okResponse = (bytes, headers = {}) => ({
	ok: true,
	status: 200,
	headers: new Headers(headers),
	blob: async () => new Blob([new Uint8Array(bytes)]),
});

test('a server that never answers: the fetch fails after its bound, with the reason', async () => {
	const {fetch} = controllableFetch();
	const fetchGray = createPhotoFetcher({fetch, grayFromBlob, timeoutMs: 40});
	const started = Date.now();
	await assert.rejects(fetchGray('https://media.licdn.com/never.jpg'), /did not arrive within 40 ms/);
	assert.ok(Date.now() - started < 2_000);
});

test('a body that never ends is bounded too', async () => {
	const fetch = (url, {signal}) => Promise.resolve({
		ok: true,
		status: 200,
		headers: new Headers(),
		blob: () => new Promise((resolve, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
	});
	const fetchGray = createPhotoFetcher({fetch, grayFromBlob, timeoutMs: 40});
	await assert.rejects(fetchGray('https://media.licdn.com/slow-body.jpg'), /did not arrive within 40 ms/);
});

test('checks of one photo while it is on its way share the one fetch', async () => {
	const {calls, fetch} = controllableFetch();
	const fetchGray = createPhotoFetcher({fetch, grayFromBlob, timeoutMs: 5_000});
	const first = fetchGray('https://media.licdn.com/ada.jpg');
	const second = fetchGray('https://media.licdn.com/ada.jpg');
	const other = fetchGray('https://media.licdn.com/marcus.jpg');
	assert.equal(calls.length, 2, 'one fetch per photo');
	calls[0].resolve(okResponse([1, 2, 3]));
	calls[1].resolve(okResponse([4]));
	assert.deepEqual(await first, gray);
	assert.deepEqual(await second, gray);
	assert.deepEqual(await other, gray);
	// Done: the next check of it fetches again (the browser's cache answers).
	const again = fetchGray('https://media.licdn.com/ada.jpg');
	assert.equal(calls.length, 3);
	calls[2].resolve(okResponse([1]));
	await again;
});

test('a failed fetch is not remembered: the next check tries again', async () => {
	const {calls, fetch} = controllableFetch();
	const fetchGray = createPhotoFetcher({fetch, grayFromBlob, timeoutMs: 5_000});
	const first = fetchGray('https://media.licdn.com/ada.jpg');
	calls[0].resolve({ok: false, status: 503, headers: new Headers(), blob: async () => new Blob()});
	await assert.rejects(first, /HTTP 503/);
	fetchGray('https://media.licdn.com/ada.jpg').catch(() => {});
	assert.equal(calls.length, 2);
});

test('a file far larger than a photo is refused, by its header or by what arrived', async () => {
	const {calls, fetch} = controllableFetch();
	const fetchGray = createPhotoFetcher({fetch, grayFromBlob, timeoutMs: 5_000, maxBytes: 10});
	const declared = fetchGray('https://media.licdn.com/huge.jpg');
	calls[0].resolve(okResponse([1], {'content-length': '11'}));
	await assert.rejects(declared, /11 bytes, more than 10/);
	const undeclared = fetchGray('https://media.licdn.com/huge2.jpg');
	calls[1].resolve(okResponse(Array.from({length: 12}, () => 0)));
	await assert.rejects(undeclared, /12 bytes, more than 10/);
});
