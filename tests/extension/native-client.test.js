// The background's native port: lazy connection, ids, timeouts, reply
// matching, idle close, error states, reconnection with backoff.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {NativeClient} from '../../extension/background/native-client.js';
import {fakeMemory, fakeNative} from './helpers/fake-port.js';
import {fakeTimers} from './helpers/fake-timers.js';

function setUp(options = {}) {
	const timers = fakeTimers();
	const native = fakeNative(options.native);
	const memory = fakeMemory(options.memory);
	const states = [];
	const client = new NativeClient({
		connect: native.connect,
		timers,
		now: timers.now,
		memory,
		onState: record => states.push(record),
		timeoutMs: 1000,
		idleMs: 60_000,
		baseBackoffMs: 500,
		maxBackoffMs: 8000,
		...options.client,
	});
	return {timers, native, memory, states, client};
}

test('opens the port only on the first request, with a hello first', async () => {
	const {native, client, timers} = setUp();
	assert.equal(native.ports.length, 0);
	const reply = client.request({type: 'profile.get'});
	await timers.settle();
	const port = native.last();
	assert.equal(port.name, 'org.oneself.host');
	assert.equal(port.posted[0].type, 'hello');
	assert.equal(port.posted[0].protocol, 1);
	const get = port.requests('profile.get')[0];
	port.reply(get.id, {revision: 3});
	assert.deepEqual(await reply, {id: get.id, ok: true, result: {revision: 3}});
	assert.equal(native.ports.length, 1);
});

test('replies are matched by id, whatever their order', async () => {
	const {native, client, timers} = setUp();
	const first = client.request({type: 'bio.get', site: 'x'});
	const second = client.request({type: 'bio.get', site: 'github'});
	await timers.settle();
	const port = native.last();
	const [a, b] = port.requests('bio.get');
	assert.notEqual(a.id, b.id);
	port.reply(b.id, {site: 'github'});
	port.reply(a.id, {site: 'x'});
	assert.equal((await first).result.site, 'x');
	assert.equal((await second).result.site, 'github');
	assert.equal(native.ports.length, 1, 'one port for both');
});

test('an error reply resolves (it is an answer), with the host\'s code', async () => {
	const {native, client, timers} = setUp();
	const pending = client.request({type: 'profile.update', baseRevision: 1});
	await timers.settle();
	const port = native.last();
	port.replyError(port.requests('profile.update')[0].id, 'conflict', 'the profile moved');
	const reply = await pending;
	assert.equal(reply.ok, false);
	assert.equal(reply.error.code, 'conflict');
});

test('a request without a reply times out; its late reply is dropped', async () => {
	const {native, client, timers} = setUp();
	const pending = client.request({type: 'sites.status'});
	const outcome = pending.then(() => 'resolved', error => error);
	await timers.settle();
	await timers.advance(999);
	const port = native.last();
	const {id} = port.requests('sites.status')[0];
	await timers.advance(2);
	const error = await outcome;
	assert.equal(error.code, 'timeout');
	port.reply(id, {late: true}); // no throw, no effect
	assert.equal(native.ports.length, 1, 'a timeout does not drop the port');
});

test('the port closes after the idle time, and the next request opens a new one', async () => {
	const {native, client, timers, states} = setUp();
	const pending = client.request({type: 'profile.get'});
	await timers.settle();
	const port = native.last();
	port.reply(port.requests('profile.get')[0].id, {});
	await pending;
	await timers.advance(59_000);
	assert.equal(port.closedByUs, false, 'not before the idle time');
	await timers.advance(1_000);
	assert.equal(port.closedByUs, true);
	assert.equal(states.at(-1).state, 'idle');
	assert.equal(client.connected, false);

	const again = client.request({type: 'profile.get'});
	await timers.settle();
	assert.equal(native.ports.length, 2);
	native.last().reply(native.last().requests('profile.get')[0].id, {});
	await again;
});

test('a request in flight keeps the port open past the idle time', async () => {
	const {native, client, timers} = setUp({client: {timeoutMs: 120_000}});
	const pending = client.request({type: 'import'});
	await timers.settle();
	await timers.advance(90_000);
	const port = native.last();
	assert.equal(port.closedByUs, false);
	port.reply(port.requests('import')[0].id, {});
	await pending;
});

const browserErrors = [
	['Specified native messaging host not found.', 'not_installed', /install\.sh/],
	['No such native application org.oneself.host', 'not_installed', /install\.sh/],
	['Access to the specified native messaging host is forbidden.', 'forbidden', /oneself doctor/],
	['Error when communicating with the native messaging host.', 'comm_error', /oneself doctor/],
];

for (const [message, state, fix] of browserErrors) {
	test(`"${message}" becomes the state ${state} with its fix`, async () => {
		const {native, client, timers, states} = setUp({native: {autoHello: false}});
		const outcome = client.request({type: 'check'}).then(() => null, error => error);
		await timers.settle();
		native.last().die(message);
		const error = await outcome;
		assert.equal(error.code, state);
		assert.match(error.fix, fix);
		assert.equal(states.at(-1).state, state);
		assert.equal(states.at(-1).ok, false);
		assert.match(states.at(-1).fix, fix);
	});
}

test('after the host exits it reconnects by itself, with growing delays, and resets on success', async () => {
	const {native, client, timers, memory, states} = setUp({native: {autoHello: false}});
	const first = client.request({type: 'profile.get'}).catch(error => error);
	await timers.settle();
	native.last().die('Native host has exited.');
	assert.equal((await first).code, 'crashed');
	assert.equal(memory.peek().attempts, 1, 'the backoff survives in memory');
	assert.equal(client.backoffDelay(1), 500);

	// The first reconnection after 500 ms, which fails again...
	await timers.advance(499);
	assert.equal(native.ports.length, 1);
	await timers.advance(1);
	assert.equal(native.ports.length, 2);
	native.last().die('Native host has exited.');
	await timers.settle();
	assert.equal(memory.peek().attempts, 2);

	// ...so the next one waits 1000 ms, and succeeds.
	await timers.advance(999);
	assert.equal(native.ports.length, 2);
	await timers.advance(1);
	assert.equal(native.ports.length, 3);
	const hello = native.last().requests('hello')[0];
	native.last().reply(hello.id, {protocol: 1, version: '0.1.0'});
	await timers.settle();
	assert.equal(states.at(-1).state, 'connected');
	assert.equal(memory.peek().attempts, 0);
	assert.equal(client.connected, true);
});

test('the backoff is capped, and a new service worker resumes it from memory', async () => {
	const {client} = setUp();
	assert.deepEqual([1, 2, 3, 4, 5, 6].map(n => client.backoffDelay(n)), [500, 1000, 2000, 4000, 8000, 8000]);

	// A worker started 100 ms after the third failure waits out the rest.
	const timers = fakeTimers();
	const native = fakeNative();
	const revived = new NativeClient({connect: native.connect, timers, now: timers.now, memory: fakeMemory({attempts: 3, lastFailureAt: timers.now() - 100}), baseBackoffMs: 500});
	const pending = revived.request({type: 'profile.get'});
	await timers.advance(1899);
	assert.equal(native.ports.length, 0);
	await timers.advance(1);
	assert.equal(native.ports.length, 1);
	await timers.settle();
	native.last().reply(native.last().requests('profile.get')[0].id, {});
	await pending;
});

test('a host speaking another protocol is reported, not used', async () => {
	const {native, client, timers, states} = setUp({native: {autoHello: false}});
	const outcome = client.request({type: 'check'}).then(() => null, error => error);
	await timers.settle();
	const port = native.last();
	port.replyError(port.posted[0].id, 'unsupported_protocol', 'this host speaks protocol 2');
	const error = await outcome;
	assert.equal(error.code, 'unsupported');
	assert.equal(states.at(-1).state, 'unsupported');
	assert.equal(port.requests('check').length, 0, 'the check was never sent');
});

test('concurrent first requests share one connection', async () => {
	const {native, client, timers} = setUp();
	const all = Promise.all([1, 2, 3].map(n => client.request({type: 'bio.get', n})));
	await timers.settle();
	assert.equal(native.ports.length, 1);
	const port = native.last();
	assert.equal(port.requests('hello').length, 1);
	for (const request of port.requests('bio.get')) {
		port.reply(request.id, {n: request.n});
	}

	assert.deepEqual((await all).map(reply => reply.result.n), [1, 2, 3]);
});

test('a timeout is the host\'s state until the host answers again', async () => {
	const {native, client, timers, states} = setUp();
	const pending = client.request({type: 'sites.status'});
	const outcome = pending.then(() => 'resolved', error => error);
	await timers.settle();
	await timers.advance(1001);
	assert.equal((await outcome).code, 'timeout');
	assert.equal(states.at(-1).state, 'timeout');
	assert.equal(states.at(-1).ok, false);

	const next = client.request({type: 'profile.get'});
	await timers.settle();
	const port = native.last();
	port.reply(port.requests('profile.get')[0].id, {});
	await next;
	assert.equal(states.at(-1).state, 'connected');
});

test('an error with id null answers the oldest request the host has not answered', async () => {
	const {native, client, timers} = setUp();
	const first = client.request({type: 'check', site: 'x', fields: {bio: 'x'.repeat(10)}});
	const second = client.request({type: 'profile.get'});
	await timers.settle();
	const port = native.last();
	port.replyError(null, 'too_large', 'the message is 9000000 bytes, over the limit of 8388608');
	const reply = await first;
	assert.equal(reply.ok, false);
	assert.equal(reply.error.code, 'too_large');
	assert.equal(reply.id, port.requests('check')[0].id);
	port.reply(port.requests('profile.get')[0].id, {revision: 2});
	assert.equal((await second).result.revision, 2, 'the next request still gets its own reply');
});

test('an id-null error for a request that already timed out does not answer the next one', async () => {
	const {native, client, timers} = setUp();
	const first = client.request({type: 'check', site: 'x', fields: {}}).catch(error => error);
	await timers.settle();
	await timers.advance(1001);
	assert.equal((await first).code, 'timeout');
	const second = client.request({type: 'profile.get'});
	await timers.settle();
	const port = native.last();
	port.replyError(null, 'bad_json', 'not UTF-8');
	port.reply(port.requests('profile.get')[0].id, {revision: 3});
	assert.equal((await second).ok, true);
});

test('the crashed state\'s fix does not promise a reconnection that stops after six attempts', async () => {
	const {describeState} = await import('../../extension/background/host-states.js');
	const {fix} = describeState('crashed');
	assert.doesNotMatch(fix, /reconnects by itself\./);
	assert.match(fix, /a few times/);
});

test('a hello that times out closes its port: the next request opens a new one and says hello first', async () => {
	const {native, client, timers, states} = setUp({native: {autoHello: false}});
	const first = client.request({type: 'profile.get'}).then(() => null, error => error);
	await timers.settle();
	const silent = native.last();
	await timers.advance(1001);
	assert.equal((await first).code, 'timeout');
	assert.equal(states.at(-1).state, 'timeout');
	assert.equal(silent.closedByUs, true, 'no port is kept without a handshake');
	assert.equal(client.connected, false);
	assert.equal(silent.requests('profile.get').length, 0);

	const second = client.request({type: 'profile.get'});
	await timers.settle();
	assert.equal(native.ports.length, 2);
	const port = native.last();
	assert.deepEqual(port.posted.map(message => message.type), ['hello']);
	port.reply(port.posted[0].id, {protocol: 1, version: '0.1.0', store: {revision: 0}});
	await timers.settle();
	assert.equal(states.at(-1).state, 'connected');
	port.reply(port.requests('profile.get')[0].id, {revision: 4});
	assert.equal((await second).result.revision, 4);
	assert.equal(silent.requests('profile.get').length, 0, 'nothing more went to the old port');
});
