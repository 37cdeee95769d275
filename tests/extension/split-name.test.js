// A split name form (LinkedIn's Edit intro): the first and last name go to the
// host with the whole name, their own warnings sit by their inputs, and "Use
// canonical" on the name writes the given part into the first-name input and
// the family part into the last-name input (the host's canonicalParts when it
// sends them, else the full name split at its last space), each written so
// that the site's listeners hear an input event.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {fixture, fixturesDir, loadPage} from './load.js';
import {fakeTimers} from './helpers/fake-timers.js';
import {manifest} from './helpers/ui-scripts.js';

const pages = JSON.parse(readFileSync(join(fixturesDir, 'linkedin', 'pages.json'), 'utf8'));
const CANONICAL = 'Ada Mary Whitfield';

// answer(fields, canonical) → the warnings a fake host gives for a check.
function nameDiffers(fields, canonical) {
	return fields.name !== undefined && fields.name !== canonical
		? [{field: 'name', severity: 'warning', code: 'differs', observed: fields.name, canonical, suggestion: canonical, message: `Name differs from your canonical name, "${canonical}".`}]
		: [];
}

async function openIntro(canonical = CANONICAL, answer = nameDiffers) {
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
			const warnings = answer(payload.fields, canonical);
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

test('split name form: the check carries the first and last name with the whole name', async () => {
	const {window, timers, checks, first} = await openIntro();
	assert.equal(checks[0].name, 'Augusta King');
	assert.equal(checks[0].firstName, 'Augusta');
	assert.equal(checks[0].lastName, 'King');
	first.value = 'Ada';
	first.dispatchEvent(new window.Event('input', {bubbles: true}));
	await timers.advance(300);
	await timers.settle();
	assert.deepEqual({...checks.at(-1)}, {name: 'Ada King', firstName: 'Ada', lastName: 'King'});
});

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

// The host's canonicalParts: the profile's own given and family names.
const withParts = (fields, canonical) => nameDiffers(fields, canonical)
	.map(warning => ({...warning, canonicalParts: {firstName: 'Ada Mary', lastName: 'de la Cruz'}}));

test('split name form: Use canonical takes the host\'s given and family names as they are', async () => {
	const {document, first, last} = await openIntro('Ada Mary de la Cruz', withParts);
	nameWarnings(document)[0].shadowRoot.querySelector('[data-action="use"]').click();
	// Not split at the last space ("Ada Mary de la" + "Cruz").
	assert.equal(first.value, 'Ada Mary');
	assert.equal(last.value, 'de la Cruz');
});

test('split name form: a first-name warning sits by its input, counts while typing, and clears', async () => {
	const limitWarning = fields => (fields.firstName?.length ?? 0) > 20
		? [{field: 'firstName', severity: 'warning', code: 'too_long', observed: fields.firstName, canonical: null, limit: 20, message: `First name is ${fields.firstName.length} characters; LinkedIn allows 20.`}]
		: [];
	const {window, document, timers, checks, first} = await openIntro(CANONICAL, limitWarning);
	const partWarnings = () => [...document.querySelectorAll('oneself-warning[data-field="firstName"]')];
	assert.equal(partWarnings().length, 0);

	first.value = 'Augustaaaaaaaaaaaaaaaaa';
	first.dispatchEvent(new window.Event('input', {bubbles: true}));
	await timers.advance(300);
	await timers.settle();
	assert.equal(checks.at(-1).firstName, 'Augustaaaaaaaaaaaaaaaaa');
	const [warning] = partWarnings();
	assert.ok(warning, 'the firstName warning is shown');
	assert.equal(warning.dataset.code, 'too_long');
	assert.match(first.getAttribute('aria-describedby'), new RegExp(warning.id));
	assert.equal(warning.shadowRoot.querySelector('.count').textContent, '23 / 20 characters');

	// The count follows the typing before the host answers.
	first.value = 'Augustaaaaaaaaaaaaaaaaaaa';
	first.dispatchEvent(new window.Event('input', {bubbles: true}));
	assert.equal(warning.shadowRoot.querySelector('.count').textContent, '25 / 20 characters');

	first.value = 'Augusta';
	first.dispatchEvent(new window.Event('input', {bubbles: true}));
	await timers.advance(300);
	await timers.settle();
	assert.equal(partWarnings().length, 0, 'a fitting first name clears it');
});
