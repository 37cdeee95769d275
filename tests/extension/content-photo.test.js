// A page's photo is checked beside its text fields, never before them: the
// photo's server may take seconds or never answer, and the first warnings on
// the page must not wait for it. Its verdict joins the page when it comes.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {loadPage} from './load.js';
import {fakeTimers} from './helpers/fake-timers.js';
import {coreScripts} from './helpers/ui-scripts.js';

const site = {
	id: 'linkedin',
	hosts: ['www.linkedin.com'],
	pageKind: () => ({kind: 'view', handle: 'ada'}),
	isOwnProfile: () => true,
	extract(document) {
		const headline = document.querySelector('#headline');
		const photo = document.querySelector('img');
		const fields = {};
		const elements = {};
		if (headline) {
			fields.headline = headline.textContent;
			elements.headline = headline;
		}

		if (photo) {
			fields.photo = {url: photo.getAttribute('src')};
			elements.photo = photo;
		}

		return {fields, elements, unread: []};
	},
};

// The host behind the background: the headline always differs; the photo's
// check waits until the test lets it answer (as a photo server that hangs).
function background() {
	const sent = [];
	let releasePhoto;
	const photoAnswered = new Promise(resolve => {
		releasePhoto = resolve;
	});
	async function send(channel, payload) {
		sent.push({channel, fields: Object.keys(payload.fields ?? {})});
		if (channel === 'profiles.mine') {
			return {ok: true, result: {site: 'linkedin', profiles: [{network: 'LinkedIn', username: 'ada'}]}};
		}

		if (channel !== 'check') {
			return {ok: true, result: {}};
		}

		const warnings = [];
		if ('photo' in payload.fields) {
			await photoAnswered;
			warnings.push({field: 'photo', severity: 'warning', code: 'differs', observed: payload.fields.photo, message: 'Your photo differs from your canonical photo.'});
		}

		if ('headline' in payload.fields) {
			warnings.push({field: 'headline', severity: 'warning', code: 'differs', observed: payload.fields.headline, canonical: 'Staff Engineer', message: 'Your headline differs.'});
		}

		return {ok: true, result: {revision: 1, warnings, checked: Object.keys(payload.fields)}};
	}

	return {send, sent, releasePhoto};
}

const shown = document => [...document.querySelectorAll('oneself-warning')].map(element => element.dataset.field).sort();

async function open(body) {
	const dom = loadPage({html: `<!doctype html><html><body>${body}</body></html>`, url: 'https://www.linkedin.com/in/ada/', scripts: coreScripts});
	const timers = fakeTimers();
	const host = background();
	const page = dom.window.oneself.content.createPage({document: dom.window.document, site, send: host.send, timers, now: timers.now});
	page.begin();
	await timers.settle();
	return {document: dom.window.document, timers, host};
}

test('the text fields are checked and shown while the photo has not answered', async () => {
	const {document, timers, host} = await open('<img src="https://media.licdn.com/dms/image/ada.jpg"><p id="headline">Senior Engineer</p>');
	assert.equal(document.documentElement.dataset.oneselfChecks, '1', 'the first round completed without the photo');
	assert.deepEqual(shown(document), ['headline']);
	const checks = host.sent.filter(entry => entry.channel === 'check').map(entry => entry.fields.join(','));
	assert.deepEqual(checks.sort(), ['headline', 'photo'], 'the photo is asked on its own');

	host.releasePhoto();
	await timers.settle();
	assert.deepEqual(shown(document), ['headline', 'photo'], 'the photo\'s verdict joins when it comes');
	assert.equal(document.documentElement.dataset.oneselfChecks, '1', 'it completes no round of its own');
	assert.equal(document.querySelector('oneself-summary')?.dataset.count, '2', 'the summary counts it');
});

test('a page whose only field is the photo waits for it as its round', async () => {
	const {document, timers, host} = await open('<img src="https://media.licdn.com/dms/image/ada.jpg">');
	assert.equal(document.documentElement.dataset.oneselfChecks, undefined);
	host.releasePhoto();
	await timers.settle();
	assert.equal(document.documentElement.dataset.oneselfChecks, '1');
	assert.deepEqual(shown(document), ['photo']);
});
