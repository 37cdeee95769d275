// The content script on a page: someone else's page is left alone; the
// user's own page is extracted, checked and annotated; edit forms follow the
// typing; the UI survives re-renders; Ignore and Use canonical do their job.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {loadPage} from './load.js';
import {fakeTimers} from './helpers/fake-timers.js';
import {coreScripts} from './helpers/ui-scripts.js';

const plain = value => JSON.parse(JSON.stringify(value));

// A site module of the documented shape, over a tiny page.
const site = {
	id: 'linkedin',
	hosts: ['www.linkedin.com'],
	pageKind(url) {
		const match = /\/in\/([^/]+)\/(edit\/)?/.exec(new URL(url).pathname);
		return match ? {kind: match[2] ? 'edit' : 'view', handle: match[1]} : null;
	},
	isOwnProfile(document, url, profiles) {
		const page = this.pageKind(url);
		// Like X's "Edit profile" button: only the owner's page shows it.
		return page.kind === 'edit' || profiles.some(entry => entry.username === page.handle) || document.querySelector('[data-edit-profile]') !== null;
	},
	extracted: 0,
	extract(document) {
		this.extracted++;
		const headline = document.querySelector('#headline');
		const name = document.querySelector('h1');
		const fields = {};
		const elements = {};
		if (headline) {
			fields.headline = 'value' in headline && headline.tagName === 'INPUT' ? headline.value : headline.textContent;
			elements.headline = headline;
		}

		if (name) {
			fields.name = name.textContent;
			elements.name = name;
		}

		return {fields, elements, unread: headline ? [] : ['headline']};
	},
};

const CANONICAL = 'Staff Software Engineer at Lumen Labs';

// A host behind the background: the headline differs unless canonical;
// over 220 characters it is too long. With nameDiffers, the name always differs.
function fakeBackground({nameDiffers = false} = {}) {
	const sent = [];
	const refused = new Set(); // channels that answer a store error
	async function send(channel, payload) {
		sent.push({channel, payload: plain(payload)});
		if (refused.has(channel)) {
			return {ok: false, error: {code: 'store_error', message: 'the store is locked'}};
		}

		if (channel === 'profiles.mine') {
			return {ok: true, result: {site: 'linkedin', profiles: [{network: 'LinkedIn', username: 'ada'}]}};
		}

		if (channel === 'check') {
			const warnings = [];
			const headline = payload.fields.headline;
			if (headline !== undefined && [...headline].length > 220) {
				warnings.push({field: 'headline', severity: 'warning', code: 'too_long', observed: headline, canonical: CANONICAL, limit: 220, message: 'Your headline is longer than LinkedIn allows (220).'});
			} else if (headline !== undefined && headline !== CANONICAL) {
				warnings.push({field: 'headline', severity: 'warning', code: 'differs', observed: headline, canonical: CANONICAL, message: 'Your headline differs from your profile.'});
			}

			if (nameDiffers && payload.fields.name !== undefined) {
				warnings.push({field: 'name', severity: 'warning', code: 'differs', observed: payload.fields.name, canonical: 'Ada Whitfield', message: 'Your name differs from your profile.'});
			}

			return {ok: true, result: {revision: 1, warnings, checked: Object.keys(payload.fields)}};
		}

		return {ok: true, result: {}};
	}

	return {send, sent, refused, channels: () => sent.map(entry => entry.channel)};
}

async function open(url, body, {nameDiffers = false} = {}) {
	const dom = loadPage({html: `<!doctype html><html><body>${body}</body></html>`, url, scripts: coreScripts});
	const timers = fakeTimers();
	const background = fakeBackground({nameDiffers});
	site.extracted = 0;
	const page = dom.window.oneself.content.createPage({document: dom.window.document, site, send: background.send, timers, now: timers.now});
	await page.begin();
	await timers.settle();
	return {dom, document: dom.window.document, window: dom.window, timers, background, page};
}

const rounds = document => document.documentElement.dataset.oneselfChecks;
const shown = document => [...document.querySelectorAll('oneself-warning')].map(element => `${element.dataset.field}:${element.dataset.code}`);

test('someone else\'s profile: nothing is read, nothing but the profiles question is sent', async () => {
	const {document, background} = await open('https://www.linkedin.com/in/someone-else/', '<h1>Someone Else</h1><p id="headline">CEO</p>');
	assert.equal(site.extracted, 0, 'extract was never called');
	assert.deepEqual(background.channels(), ['profiles.mine', 'page.report']);
	assert.equal(background.sent[1].payload.own, false);
	assert.deepEqual(background.sent[1].payload.unread, []);
	assert.equal(JSON.stringify(background.sent).includes('CEO'), false, 'nothing of the page left it');
	assert.equal(rounds(document), undefined);
	assert.deepEqual(shown(document), []);
});

test('a page that shows whose it is late is asked again, and then checked', async () => {
	const {document, timers, background} = await open('https://www.linkedin.com/in/ada-new-handle/', '<main><p id="headline">Senior Engineer</p></main>');
	assert.deepEqual(background.channels(), ['profiles.mine', 'page.report']);
	assert.equal(site.extracted, 0);
	const button = document.createElement('button');
	button.setAttribute('data-edit-profile', '');
	document.querySelector('main').append(button);
	await timers.advance(250);
	assert.deepEqual(background.channels(), ['profiles.mine', 'page.report', 'page.report', 'check']);
	assert.equal(background.sent[2].payload.own, true, 'the popup learns it is the user\'s own');
	assert.equal(rounds(document), '1');
});

test('someone else\'s page stays unread after the waiting time', async () => {
	const {document, timers, background} = await open('https://www.linkedin.com/in/someone/', '<main><p id="headline">CEO</p></main>');
	await timers.advance(9000);
	const button = document.createElement('button');
	button.setAttribute('data-edit-profile', '');
	document.querySelector('main').append(button);
	await timers.advance(250);
	assert.deepEqual(background.channels(), ['profiles.mine', 'page.report']);
	assert.equal(site.extracted, 0);
});

test('own view page: one round, the warning beside the value, the badge and the round counter', async () => {
	const {document, background} = await open('https://www.linkedin.com/in/ada/', '<h1>Ada Whitfield</h1><div><p id="headline">Senior Engineer</p></div>');
	const check = background.sent.find(entry => entry.channel === 'check');
	assert.deepEqual(check.payload, {site: 'linkedin', mode: 'view', fields: {headline: 'Senior Engineer', name: 'Ada Whitfield'}});
	assert.equal(rounds(document), '1');
	assert.deepEqual(shown(document), ['headline:differs']);
	const warning = document.querySelector('oneself-warning');
	assert.equal(document.getElementById('headline').nextElementSibling, warning);
	assert.equal(warning.textContent, 'Your headline differs from your profile.');
	assert.equal(document.querySelector('oneself-summary').shadowRoot.querySelector('.badge').textContent, '1 difference');
	assert.equal(document.querySelector('[data-oneself-live]').textContent, 'oneself: 1 difference from your profile.');

	// The summary leads to the warning: its first button gets the focus.
	document.querySelector('oneself-summary').shadowRoot.querySelector('.go').click();
	assert.equal(warning.shadowRoot.activeElement?.textContent, 'Ignore on this site');
});

test('a page whose fields render late is checked once they appear', async () => {
	const {document, window, timers, background} = await open('https://www.linkedin.com/in/ada/', '<main></main>');
	assert.equal(background.channels().includes('check'), false, 'nothing to check yet');
	document.querySelector('main').append(Object.assign(document.createElement('p'), {id: 'headline', textContent: CANONICAL}));
	await timers.advance(250);
	assert.equal(background.channels().filter(channel => channel === 'check').length, 1);
	assert.equal(rounds(document), '1');
	assert.deepEqual(shown(document), []);
	assert.ok(window);
});

test('the site re-renders the field: the warning is put back beside the new one', async () => {
	const {document, timers} = await open('https://www.linkedin.com/in/ada/', '<h1>Ada Whitfield</h1><div id="box"><p id="headline">Senior Engineer</p></div>');
	const box = document.getElementById('box');
	// A framework re-render: the whole subtree is replaced.
	const fresh = document.createElement('p');
	fresh.id = 'headline';
	fresh.textContent = 'Senior Engineer';
	box.replaceChildren(fresh);
	assert.equal(document.querySelector('oneself-warning'), null);
	await timers.advance(250);
	assert.equal(fresh.nextElementSibling?.tagName, 'ONESELF-WARNING');
	assert.equal(fresh.getAttribute('aria-describedby'), fresh.nextElementSibling.id);
	assert.equal(rounds(document), '1', 'no new round for a re-render');
});

test('edit form: typing rechecks the field after the pause; the canonical text clears the warning', async () => {
	const {document, window, timers, background} = await open('https://www.linkedin.com/in/ada/edit/intro/', `<div role="dialog"><input id="headline" value="${CANONICAL}"></div>`);
	assert.equal(rounds(document), '1');
	assert.deepEqual(shown(document), []);
	const input = document.getElementById('headline');
	const type = async text => {
		input.value = text;
		input.dispatchEvent(new window.Event('input', {bubbles: true}));
	};

	await type('Chief Llama Wrangler');
	await timers.advance(299);
	assert.equal(rounds(document), '1', 'debounced');
	await timers.advance(1);
	assert.equal(rounds(document), '2');
	assert.deepEqual(shown(document), ['headline:differs']);
	const lastCheck = background.sent.filter(entry => entry.channel === 'check').at(-1);
	assert.deepEqual(lastCheck.payload, {site: 'linkedin', mode: 'edit', fields: {headline: 'Chief Llama Wrangler'}});
	assert.ok(document.querySelector('oneself-warning').closest('[role="dialog"]'), 'inside the dialog');

	await type(CANONICAL);
	await timers.advance(300);
	assert.equal(rounds(document), '3');
	assert.deepEqual(shown(document), []);
	assert.equal(input.hasAttribute('aria-describedby'), false);
});

test('edit form: too_long counts as the user types, before the host answers', async () => {
	const {document, window, timers} = await open('https://www.linkedin.com/in/ada/edit/intro/', '<input id="headline" value="">');
	const input = document.getElementById('headline');
	input.value = 'x'.repeat(230);
	input.dispatchEvent(new window.Event('input', {bubbles: true}));
	await timers.advance(300);
	assert.deepEqual(shown(document), ['headline:too_long']);
	const count = document.querySelector('oneself-warning').shadowRoot.querySelector('.count');
	assert.equal(count.textContent, '230 / 220 characters');
	input.value = 'x'.repeat(225);
	input.dispatchEvent(new window.Event('input', {bubbles: true}));
	assert.equal(count.textContent, '225 / 220 characters', 'updated at once');
});

test('Use canonical writes the value, the page hears it, and the recheck clears the warning', async () => {
	const {document, window, timers} = await open('https://www.linkedin.com/in/ada/edit/intro/', '<input id="headline" value="Senior Engineer">');
	assert.deepEqual(shown(document), ['headline:differs']);
	const input = document.getElementById('headline');
	const heard = [];
	input.addEventListener('input', () => heard.push(input.value));
	document.querySelector('oneself-warning').shadowRoot.querySelector('[data-action="use"]').click();
	assert.equal(input.value, CANONICAL);
	assert.deepEqual(heard, [CANONICAL]);
	await timers.advance(300);
	assert.deepEqual(shown(document), []);
	assert.ok(window);
});

test('Ignore on this site sends exactly the observed value and removes the warning', async () => {
	const {document, timers, background} = await open('https://www.linkedin.com/in/ada/', '<p id="headline">Senior Engineer</p>');
	document.querySelector('oneself-warning').shadowRoot.querySelector('[data-action="ignore"]').click();
	await timers.settle();
	const ignore = background.sent.find(entry => entry.channel === 'ignore.add');
	assert.deepEqual(ignore.payload, {site: 'linkedin', field: 'headline', observed: 'Senior Engineer'});
	assert.deepEqual(shown(document), []);
	assert.equal(document.querySelector('oneself-summary'), null);
});

test('fields the module could not read are reported for the popup', async () => {
	const {background} = await open('https://www.linkedin.com/in/ada/', '<h1>Ada Whitfield</h1>');
	const report = background.sent.find(entry => entry.channel === 'page.report');
	assert.deepEqual(report.payload, {site: 'linkedin', kind: 'view', own: true, handle: 'ada', unread: ['headline'], read: ['name']});
});

test('the fields read are reported too, again when a late one appears', async () => {
	const {document, timers, background} = await open('https://www.linkedin.com/in/ada/', '<main><h1>Ada Whitfield</h1></main>');
	const reports = () => background.sent.filter(entry => entry.channel === 'page.report').map(entry => entry.payload);
	assert.deepEqual(reports().map(report => report.read), [['name']]);
	const late = document.createElement('p');
	late.id = 'headline';
	late.textContent = 'Senior Engineer';
	document.querySelector('main').append(late);
	await timers.advance(250);
	assert.deepEqual(reports().map(report => [report.read, report.unread]), [[['name'], ['headline']], [['headline', 'name'], []]]);
});

test('a host failure still completes the round (the popup says what to do)', async () => {
	const dom = loadPage({html: '<!doctype html><body><p id="headline">x</p></body>', url: 'https://www.linkedin.com/in/ada/', scripts: coreScripts});
	const timers = fakeTimers();
	const send = async () => ({ok: false, error: {code: 'not_installed', message: 'not installed'}});
	await dom.window.oneself.content.createPage({document: dom.window.document, site, send, timers, now: timers.now}).begin();
	assert.equal(rounds(dom.window.document), '1');
	assert.equal(dom.window.document.documentElement.dataset.oneselfError, 'not_installed');
});

test('a navigation inside the site always reports, even to a page that is no profile', async () => {
	const {document, window, timers, background} = await open('https://www.linkedin.com/in/ada/', '<main><p id="headline">Senior Engineer</p></main>');
	const reports = () => background.sent.filter(entry => entry.channel === 'page.report').map(entry => entry.payload);
	assert.equal(reports().length, 1);
	window.history.pushState({}, '', '/feed/');
	document.querySelector('main').append(document.createElement('div'));
	await timers.advance(250);
	assert.equal(reports().length, 2);
	assert.deepEqual({kind: reports()[1].kind, own: reports()[1].own}, {kind: 'none', own: false});
	// Back to the same profile: reported again, though it reports the same as before.
	window.history.pushState({}, '', '/in/ada/');
	document.querySelector('main').append(document.createElement('div'));
	await timers.advance(250);
	assert.equal(reports().length, 3);
	assert.equal(reports()[2].own, true);
});

test('a box of the page that looks like the orphans\' panel does not hold the warnings', async () => {
	const traps = '<div data-oneself-orphans hidden id="trap"></div><oneself-orphans data-oneself-orphans id="lookalike"></oneself-orphans>';
	const {document, timers} = await open('https://www.linkedin.com/in/ada/', `${traps}<main><h1>Ada</h1><p id="headline">Senior Engineer</p></main>`);
	// The field goes away in a re-render: its warning has no field to sit by.
	document.getElementById('headline').remove();
	await timers.advance(250);
	const orphan = document.querySelector('oneself-warning[data-field="headline"]');
	assert.ok(orphan?.isConnected);
	assert.equal(document.getElementById('trap').contains(orphan), false);
	assert.equal(document.getElementById('lookalike').contains(orphan), false);
	assert.ok(orphan.parentElement.shadowRoot, 'in the panel the script made');
});

// The panel the content script made: the parent of a warning that has no field.
const panelOf = warning => warning.parentElement?.tagName === 'ONESELF-ORPHANS' ? warning.parentElement : null;

test('a warning whose field leaves the page goes into the corner panel; the panel goes when the field is back', async () => {
	const {document, timers} = await open('https://www.linkedin.com/in/ada/', '<main><h1>Ada</h1><div id="box"><p id="headline">Senior Engineer</p></div></main>');
	const warning = document.querySelector('oneself-warning[data-field="headline"]');
	assert.equal(panelOf(warning), null, 'beside its field at first');
	const headline = document.getElementById('headline');
	headline.remove();
	await timers.advance(250);
	const panel = panelOf(warning);
	assert.ok(panel?.isConnected, 'in the panel');
	assert.equal(panel.shadowRoot.querySelector('h2').textContent, 'oneself: 1 difference not shown on this page');
	assert.deepEqual(shown(document), ['headline:differs'], 'still in the light DOM');

	document.getElementById('box').append(headline);
	await timers.advance(250);
	assert.equal(headline.nextElementSibling, warning, 'back beside its field');
	assert.equal(panel.isConnected, false, 'the empty panel left the page');
});

test('the summary\'s Show opens a closed panel and focuses the warning in it; Ignore on its last warning removes it', async () => {
	const {document, timers} = await open('https://www.linkedin.com/in/ada/', '<main><h1>Ada</h1><p id="headline">Senior Engineer</p></main>');
	document.getElementById('headline').remove();
	await timers.advance(250);
	const warning = document.querySelector('oneself-warning[data-field="headline"]');
	const panel = panelOf(warning);
	panel.shadowRoot.querySelector('.close').click();
	assert.equal(panel.shadowRoot.querySelector('.panel').hidden, true);

	document.querySelector('oneself-summary').shadowRoot.querySelector('.go').click();
	assert.equal(panel.shadowRoot.querySelector('.panel').hidden, false, 'opened again');
	assert.equal(warning.shadowRoot.activeElement?.textContent, 'Ignore on this site');

	warning.shadowRoot.querySelector('[data-action="ignore"]').click();
	await timers.settle();
	assert.deepEqual(shown(document), []);
	assert.equal(panel.isConnected, false);
});

test('after Ignore the focus goes back to the field; a failed Ignore says so in the warning', async () => {
	const {document, timers, background} = await open('https://www.linkedin.com/in/ada/', '<p id="headline">Senior Engineer</p>');
	const host = document.querySelector('oneself-warning');
	const button = host.shadowRoot.querySelector('[data-action="ignore"]');
	button.focus();
	assert.equal(document.activeElement, host);
	background.refused.add('ignore.add');
	button.click();
	await timers.settle();
	assert.match(host.shadowRoot.querySelector('.problem').textContent, /could not ignore this: the store is locked/);
	assert.equal(host.shadowRoot.querySelector('.problem').hidden, false);
	background.refused.delete('ignore.add');
	button.click();
	await timers.settle();
	assert.deepEqual(shown(document), []);
	assert.equal(document.activeElement, document.getElementById('headline'));
});

test('Ignore on the last warning of the corner panel gives the focus to the summary badge, not to the body', async () => {
	const {document, timers} = await open('https://www.linkedin.com/in/ada/', '<main><h1>Ada</h1><p id="headline">Senior Engineer</p></main>', {nameDiffers: true});
	document.getElementById('headline').remove();
	await timers.advance(250);
	const warning = document.querySelector('oneself-warning[data-field="headline"]');
	const panel = panelOf(warning);
	assert.ok(panel?.isConnected);
	const button = warning.shadowRoot.querySelector('[data-action="ignore"]');
	button.focus();
	assert.equal(document.activeElement, warning);
	button.click();
	await timers.settle();
	assert.equal(panel.isConnected, false, 'the panel left with its last warning');
	const summary = document.querySelector('oneself-summary');
	assert.equal(document.activeElement, summary);
	assert.equal(summary.shadowRoot.activeElement, summary.shadowRoot.querySelector('.badge'));
	assert.equal(summary.shadowRoot.querySelector('.badge').textContent, '1 difference');
});

test('Ignore in the corner panel: the focus goes to the panel while it holds warnings, then back to where it was before', async () => {
	const {document, timers} = await open('https://www.linkedin.com/in/ada/edit/', '<main><h1>Ada</h1><input id="headline" value="Senior Engineer"><button id="elsewhere">Cancel</button></main>', {nameDiffers: true});
	document.querySelector('h1').remove();
	document.getElementById('headline').remove();
	await timers.advance(250);
	const [headline, name] = ['headline', 'name'].map(field => document.querySelector(`oneself-warning[data-field="${field}"]`));
	const panel = panelOf(headline);
	assert.equal(panelOf(name), panel, 'both in the panel');
	assert.equal(document.querySelector('oneself-summary'), null, 'an edit page has no badge');

	const elsewhere = document.getElementById('elsewhere');
	elsewhere.focus();
	headline.shadowRoot.querySelector('[data-action="ignore"]').focus();
	headline.shadowRoot.querySelector('[data-action="ignore"]').click();
	await timers.settle();
	assert.equal(headline.isConnected, false);
	assert.equal(document.activeElement, panel);
	assert.equal(panel.shadowRoot.activeElement, panel.shadowRoot.querySelector('.panel'));

	name.shadowRoot.querySelector('[data-action="ignore"]').focus();
	name.shadowRoot.querySelector('[data-action="ignore"]').click();
	await timers.settle();
	assert.equal(panel.isConnected, false);
	assert.equal(document.activeElement, elsewhere, 'back where it was before the panel');
});

test('a successful round clears the error a failed one marked', async () => {
	const {document, window, timers, background} = await open('https://www.linkedin.com/in/ada/edit/intro/', '<input id="headline" value="Senior Engineer">');
	assert.equal(rounds(document), '1');
	const input = document.getElementById('headline');
	const type = async value => {
		input.value = value;
		input.dispatchEvent(new window.Event('input', {bubbles: true}));
		await timers.advance(300);
		await timers.settle();
	};

	background.refused.add('check');
	await type('Principal Engineer');
	assert.equal(rounds(document), '2');
	assert.equal(document.documentElement.dataset.oneselfError, 'store_error');
	background.refused.delete('check');
	await type('Staff Engineer');
	assert.equal(rounds(document), '3');
	assert.equal(document.documentElement.dataset.oneselfError, undefined, 'the error is the last round\'s, not the first failure\'s');
	assert.deepEqual(shown(document), ['headline:differs']);
});

test('nothing is read or sent for a page the tab has left before the mutation tick', async () => {
	const {document, window, timers, background} = await open('https://www.linkedin.com/in/ada/edit/intro/', '<input id="headline" value="Senior Engineer">');
	const checks = () => background.sent.filter(entry => entry.channel === 'check').length;
	const before = checks();
	const input = document.getElementById('headline');
	input.value = 'Typed on my own form';
	input.dispatchEvent(new window.Event('input', {bubbles: true}));
	// The mutation tick of the typing has passed; then the site moves to
	// someone else's page, its form still in the document, just before the
	// debounced request leaves, and nothing in the document changes to wake
	// the content script.
	await timers.advance(250);
	window.history.pushState({}, '', '/in/marcus/');
	input.value = 'Marcus Lindqvist, CEO';
	await timers.advance(100);
	await timers.settle();
	assert.equal(checks(), before, 'no check for the old address');
	assert.equal(JSON.stringify(background.sent).includes('Marcus Lindqvist'), false, 'nothing of the new page left it');
});

test('a view page asks again when the site shows another value in a field already checked', async () => {
	const {document, timers, background} = await open('https://www.linkedin.com/in/ada/', '<h1>Ada Whitfield</h1><div id="box"><p id="headline">Senior Engineer</p></div>');
	assert.deepEqual(shown(document), ['headline:differs']);
	// The site's Save re-rendered the card with the new headline.
	const fresh = Object.assign(document.createElement('p'), {id: 'headline', textContent: CANONICAL});
	document.getElementById('box').replaceChildren(fresh);
	await timers.advance(250);
	const checks = background.sent.filter(entry => entry.channel === 'check');
	assert.equal(checks.length, 2);
	assert.deepEqual(checks.at(-1).payload.fields, {headline: CANONICAL}, 'only the changed field');
	assert.deepEqual(shown(document), []);
	// A re-render with the same value asks nothing.
	document.getElementById('box').replaceChildren(Object.assign(document.createElement('p'), {id: 'headline', textContent: CANONICAL}));
	await timers.advance(250);
	assert.equal(background.sent.filter(entry => entry.channel === 'check').length, 2);
});

test('a dialog opened and closed by its open attribute switches the page to edit and back', async () => {
	const dialogSite = {
		...site,
		extract(document) {
			const dialog = document.querySelector('dialog[open]');
			const headline = dialog ? dialog.querySelector('input') : document.querySelector('#headline');
			return {kind: dialog ? 'edit' : 'view', fields: {headline: headline.value ?? headline.textContent}, elements: {headline}, unread: []};
		},
	};
	const dom = loadPage({html: `<!doctype html><html><body><p id="headline">${CANONICAL}</p><dialog><input value="Senior Engineer"></dialog></body></html>`, url: 'https://www.linkedin.com/in/ada/', scripts: coreScripts});
	const timers = fakeTimers();
	const background = fakeBackground();
	const document = dom.window.document;
	await dom.window.oneself.content.createPage({document, site: dialogSite, send: background.send, timers, now: timers.now}).begin();
	await timers.settle();
	const modes = () => background.sent.filter(entry => entry.channel === 'check').map(entry => entry.payload.mode);
	assert.deepEqual(modes(), ['view']);
	await timers.advance(10_000); // the page is quiet: only the attribute changes next
	document.querySelector('dialog').setAttribute('open', '');
	await timers.advance(250);
	assert.deepEqual(modes(), ['view', 'edit']);
	assert.deepEqual(shown(document), ['headline:differs']);
	await timers.advance(10_000);
	document.querySelector('dialog').removeAttribute('open');
	await timers.advance(250);
	assert.deepEqual(modes(), ['view', 'edit', 'view']);
	assert.deepEqual(shown(document), []);
});
