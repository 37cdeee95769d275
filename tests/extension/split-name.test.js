// "Use canonical" on a split name form (LinkedIn's Edit intro): the name
// warning's full name goes into the two inputs, the given part into the
// first-name input and the family part into the last-name input, each
// written so that the site's listeners hear an input event.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {fixture, fixturesDir, loadPage} from './load.js';
import {fakeTimers} from './helpers/fake-timers.js';
import {manifest} from './helpers/ui-scripts.js';

const pages = JSON.parse(readFileSync(join(fixturesDir, 'linkedin', 'pages.json'), 'utf8'));
const CANONICAL = 'Ada Mary Whitfield';

async function openIntro(canonical = CANONICAL) {
	const entry = manifest.content_scripts.find(candidate => candidate.js.includes('sites/linkedin.js'));
	// The page shows another name than the canonical one.
	const html = fixture('linkedin', 'edit')
		.replace(/(-firstName"[^>]*value=")Ada"/, '$1Augusta"')
		.replace(/(-lastName"[^>]*value=")Whitfield"/, '$1King"');
	const {window} = loadPage({html, url: pages['edit.html'], scripts: entry.js.slice(1)});
	const timers = fakeTimers();
	const checks = [];
	const send = async (channel, payload) => {
		if (channel === 'profiles.mine') {
			return {ok: true, result: {site: 'linkedin', profiles: [{network: 'LinkedIn', username: 'ada-whitfield', url: 'https://www.linkedin.com/in/ada-whitfield/'}]}};
		}

		if (channel === 'check') {
			checks.push(payload.fields);
			const warnings = payload.fields.name !== undefined && payload.fields.name !== canonical
				? [{field: 'name', severity: 'warning', code: 'differs', observed: payload.fields.name, canonical, suggestion: canonical, message: `Name differs from your canonical name, "${canonical}".`}]
				: [];
			return {ok: true, result: {revision: 1, warnings, checked: Object.keys(payload.fields)}};
		}

		return {ok: true, result: {}};
	};

	const site = window.oneself.sites.get('linkedin');
	await window.oneself.content.createPage({document: window.document, site, send, timers, now: timers.now}).begin();
	await timers.settle();
	const first = window.document.querySelector('input[id$="-firstName"]');
	const last = window.document.querySelector('input[id$="-lastName"]');
	return {window, document: window.document, timers, checks, first, last};
}

const nameWarnings = document => [...document.querySelectorAll('oneself-warning')]
	.filter(host => host.shadowRoot.querySelector('[data-action="use"]') && !host.shadowRoot.querySelector('[data-action="use"]').hidden);

test('split name form: Use canonical writes the given name and the family name into their own inputs', async () => {
	const {document, timers, checks, first, last} = await openIntro();
	assert.equal(checks[0].name, 'Augusta King');
	const hosts = nameWarnings(document);
	assert.equal(hosts.length, 1, 'one name warning with Use canonical');

	const heard = [];
	first.addEventListener('input', event => heard.push(['first', event.target.value]));
	last.addEventListener('input', event => heard.push(['last', event.target.value]));
	hosts[0].shadowRoot.querySelector('[data-action="use"]').click();

	// Split at the last space: the profile's given names stay together.
	assert.equal(first.value, 'Ada Mary');
	assert.equal(last.value, 'Whitfield');
	assert.deepEqual(heard, [['first', 'Ada Mary'], ['last', 'Whitfield']]);

	// The recheck reads the two inputs together and the warning goes away.
	await timers.advance(300);
	await timers.settle();
	assert.equal(checks.at(-1).name, CANONICAL);
	assert.equal(nameWarnings(document).length, 0);
});

test('split name form: typing in the last-name input rechecks the name', async () => {
	const {window, document, timers, checks, first, last} = await openIntro();
	first.value = 'Ada Mary';
	first.dispatchEvent(new window.Event('input', {bubbles: true}));
	await timers.advance(300);
	await timers.settle();
	assert.equal(checks.at(-1).name, 'Ada Mary King');
	assert.equal(nameWarnings(document).length, 1);

	last.value = 'Whitfield';
	last.dispatchEvent(new window.Event('input', {bubbles: true}));
	await timers.advance(300);
	await timers.settle();
	assert.equal(checks.at(-1).name, CANONICAL);
	assert.equal(nameWarnings(document).length, 0);
});

test('split name form: a one-word canonical name goes into the first-name input only', async () => {
	const {document, first, last} = await openIntro('Ada');
	const heard = [];
	last.addEventListener('input', () => heard.push(last.value));
	nameWarnings(document)[0].shadowRoot.querySelector('[data-action="use"]').click();
	assert.equal(first.value, 'Ada');
	assert.equal(last.value, 'King', 'the required last-name input is not emptied');
	assert.deepEqual(heard, []);
});
