// The content script's timing in edit forms: debounce, one request in flight
// per field, stale replies dropped.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {loadPage} from './load.js';
import {fakeTimers} from './helpers/fake-timers.js';

// Objects made in the jsdom window have its prototypes: compare them as JSON.
const plain = value => JSON.parse(JSON.stringify(value));

function setUp() {
	const dom = loadPage({html: '<!doctype html><body></body>', url: 'https://x.com/settings/profile', scripts: ['content/checker.js']});
	const timers = fakeTimers();
	const values = {bio: '', name: ''};
	const requests = []; // {fields, resolve}
	const applied = [];
	const failed = [];
	const checker = dom.window.oneself.content.createChecker({
		send: fields => new Promise(resolve => requests.push({fields, resolve})),
		read: field => values[field],
		apply: (reply, fresh) => applied.push({fresh, warnings: reply.result.warnings}),
		fail: reply => failed.push(reply),
		timers,
		delayMs: 300,
	});
	const answer = (index, warnings = []) => requests[index].resolve({ok: true, result: {warnings}});
	return {timers, values, requests, applied, failed, checker, answer};
}

test('typing is debounced: one request, 300 ms after the last keystroke, with the latest value', async () => {
	const {timers, values, requests, checker} = setUp();
	for (const text of ['S', 'St', 'Sta', 'Staf', 'Staff']) {
		values.bio = text;
		checker.input('bio');
		await timers.advance(100);
	}

	assert.equal(requests.length, 0, 'nothing while typing');
	await timers.advance(199);
	assert.equal(requests.length, 0);
	await timers.advance(1);
	assert.equal(requests.length, 1);
	assert.deepEqual(plain(requests[0].fields), {bio: 'Staff'});
});

test('one request in flight per field; typing meanwhile sends the newest value once it returns', async () => {
	const {timers, values, requests, checker, answer, applied} = setUp();
	values.bio = 'one';
	checker.input('bio');
	await timers.advance(300);
	assert.equal(requests.length, 1);

	values.bio = 'two';
	checker.input('bio');
	await timers.advance(300);
	values.bio = 'three';
	checker.input('bio');
	await timers.advance(300);
	assert.equal(requests.length, 1, 'still waiting for the first reply');

	answer(0, [{field: 'bio', code: 'differs', observed: 'one'}]);
	await timers.settle();
	assert.deepEqual(applied, [], 'the reply for "one" is stale: dropped');
	assert.equal(requests.length, 2);
	assert.deepEqual(plain(requests[1].fields), {bio: 'three'}, 'only the newest value is asked');

	answer(1, [{field: 'bio', code: 'too_long', observed: 'three'}]);
	await timers.settle();
	assert.equal(applied.length, 1);
	assert.deepEqual(plain(applied[0].fresh), ['bio']);
	assert.equal(applied[0].warnings[0].observed, 'three');
	assert.equal(checker.stats.dropped, 1);
});

test('fields are independent: another field\'s request does not wait', async () => {
	const {timers, values, requests, checker, answer, applied} = setUp();
	values.bio = 'b';
	checker.input('bio');
	values.name = 'n';
	checker.input('name');
	await timers.advance(300);
	assert.deepEqual(requests.map(request => Object.keys(request.fields)[0]).sort(), ['bio', 'name']);
	answer(1);
	answer(0);
	await timers.settle();
	assert.equal(applied.length, 2);
});

test('a full round applies only to the fields not typed into since it was asked', async () => {
	const {timers, values, requests, checker, answer, applied} = setUp();
	checker.round({bio: 'old bio', name: 'Ada'});
	await timers.settle();
	values.bio = 'typed';
	checker.input('bio');
	answer(0, [{field: 'bio', code: 'differs'}, {field: 'name', code: 'extra'}]);
	await timers.settle();
	assert.deepEqual(plain(applied[0].fresh), ['name'], 'bio changed meanwhile: its part is stale');
});

test('a failed round is reported, and disposing drops late replies', async () => {
	const {timers, values, requests, checker, failed, applied} = setUp();
	checker.round({bio: 'x'});
	await timers.settle();
	requests[0].resolve({ok: false, error: {code: 'not_installed'}});
	await timers.settle();
	assert.equal(failed.length, 1);

	values.bio = 'y';
	checker.input('bio');
	await timers.advance(300);
	checker.dispose();
	requests[1].resolve({ok: true, result: {warnings: []}});
	await timers.settle();
	assert.equal(applied.length, 0);
	checker.input('bio');
	await timers.advance(1000);
	assert.equal(requests.length, 2, 'nothing after dispose');
});
