// The popup's steps in its own page (jsdom): what it shows while the host is
// slow, when loading fails, and "This is my profile" after a failure.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {JSDOM} from 'jsdom';
import {describeState} from '../../extension/background/host-states.js';
import {showPopup} from '../../extension/popup/show.js';
import {extensionDir} from './load.js';

const settle = () => new Promise(resolve => setImmediate(resolve));

// A promise the test resolves when it wants.
function later() {
	let resolve;
	let reject;
	const promise = new Promise((yes, no) => {
		resolve = yes;
		reject = no;
	});
	return {promise, resolve, reject};
}

// The popup on a tab showing `url`; `answers` maps a channel to its result,
// to a function of the payload, or to a promise.
function openPopup({url = 'https://x.com/adaw', answers = {}, sends = {}} = {}) {
	const dom = new JSDOM(readFileSync(join(extensionDir, 'popup', 'popup.html'), 'utf8'), {url: 'https://extension.invalid/popup/popup.html'});
	const document = dom.window.document;
	const calls = [];
	const call = async (channel, payload) => {
		calls.push({channel, payload});
		const answer = typeof answers[channel] === 'function' ? answers[channel](payload) : answers[channel];
		return answer === undefined ? {} : answer;
	};

	const send = async (channel, payload) => {
		calls.push({channel, payload});
		return sends[channel](payload);
	};

	const reloaded = [];
	const ext = {tabs: {active: async () => ({id: 7, url}), reload: async id => reloaded.push(id)}, openOptions() {}};
	const done = showPopup({document, ext, call, send, close() {}});
	const text = id => document.getElementById(id).textContent;
	return {document, calls, done, text, reloaded};
}

const profile = {revision: 4, doc: {profile: {name: {full: 'Ada Whitfield'}, profiles: [{network: 'LinkedIn', username: 'ada'}]}}};

test('while the host connects, the popup says so and already shows the page', async () => {
	const connect = later();
	const popup = openPopup({answers: {
		'host.connect': () => connect.promise,
		'tab.info': {site: 'x', url: 'https://x.com/adaw', own: true, warnings: [{}, {}], unread: []},
	}});
	assert.equal(popup.text('host-title'), 'Connecting to oneself…');
	await settle();
	assert.equal(popup.text('page-sentence'), 'Your X profile: 2 differences.');
	assert.equal(popup.text('host-title'), 'Connecting to oneself…');
	connect.resolve(describeState('connected'));
	await popup.done;
	assert.equal(popup.text('host-title'), 'Connected to the oneself host');
});

test('a profile that cannot be loaded: the error and what to do, and the host\'s new state', async () => {
	const timedOut = Object.assign(new Error('The oneself host did not answer in time'), {code: 'timeout', fix: describeState('timeout').fix});
	const popup = openPopup({answers: {
		'host.connect': describeState('connected'),
		'tab.info': {},
		'profile.get': () => Promise.reject(timedOut),
		'bio.get': () => Promise.reject(timedOut),
		'host.state': describeState('timeout'),
	}});
	await popup.done;
	const problem = popup.document.getElementById('load-error');
	assert.equal(problem.hidden, false);
	assert.match(problem.textContent, /Could not load your canonical profile or the bio for X/);
	assert.match(problem.textContent, /Try again\. If it persists, run `oneself doctor`/);
	assert.equal(popup.text('host-title'), 'The oneself host did not answer in time');
	assert.equal(popup.document.querySelectorAll('#copies button').length, 0);
});

test('"This is my profile" is disabled while it runs, says what failed in words, and works again', async () => {
	const updates = [];
	const popup = openPopup({
		answers: {
			'host.connect': describeState('connected'),
			'tab.info': {site: 'x', url: 'https://x.com/adaw', own: false, handle: 'adaw'},
			'profile.get': profile,
		},
		sends: {'profile.update': payload => {
			updates.push(payload);
			return updates.length === 1
				? {ok: false, error: {code: 'store_error', message: 'rename(/home/ada/.local/share/oneself/profile.json.tmp): EACCES'}}
				: {ok: true, result: {revision: 5}};
		}},
	});
	await popup.done;
	const button = popup.document.getElementById('claim');
	assert.equal(button.hidden, false);
	button.click();
	assert.equal(button.disabled, true);
	await settle();
	assert.equal(button.disabled, false);
	assert.doesNotMatch(popup.text('status'), /EACCES|rename/);
	assert.match(popup.text('status'), /Could not add it to your profiles/);
	button.click();
	await settle();
	assert.equal(updates.length, 2);
	assert.deepEqual(updates[1].profile.profiles.at(-1), {network: 'X', username: 'adaw', url: 'https://x.com/adaw'});
	assert.deepEqual(popup.reloaded, [7]);
});

test('tab state from another address (a navigation inside the site) is not shown', async () => {
	const popup = openPopup({url: 'https://x.com/adaw/lists', answers: {
		'host.connect': describeState('connected'),
		'tab.info': {site: 'x', url: 'https://x.com/adaw', own: true, warnings: [{}], unread: []},
	}});
	await popup.done;
	assert.equal(popup.text('page-sentence'), 'X: not a profile page, or not read yet.');
});

test('an own page where fields could not be found: the popup names them and says the site may have changed', async () => {
	const popup = openPopup({url: 'https://www.linkedin.com/in/ada/', answers: {
		'host.connect': describeState('connected'),
		'tab.info': {site: 'linkedin', url: 'https://www.linkedin.com/in/ada/', own: true, warnings: [], unread: ['headline', 'location']},
		'profile.get': profile,
	}});
	await popup.done;
	const notice = popup.document.getElementById('site-changed');
	assert.equal(notice.hidden, false);
	assert.equal(notice.textContent, "LinkedIn may have changed its page: oneself couldn't find the headline and the location on it, so they are not checked here. The options page shows when each was last read.");
});

test('an own page read whole shows no such notice', async () => {
	const popup = openPopup({answers: {
		'host.connect': describeState('connected'),
		'tab.info': {site: 'x', url: 'https://x.com/adaw', own: true, warnings: [], unread: []},
		'profile.get': profile,
	}});
	await popup.done;
	assert.equal(popup.document.getElementById('site-changed').hidden, true);
	assert.equal(popup.text('site-changed'), '');
});
