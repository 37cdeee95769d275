// The content script with the real LinkedIn module on the server-driven page,
// moving the way LinkedIn moves without reloading: from the feed to the
// user's profile, from someone else's profile to hers (the old card still
// mounted for a moment), into an edit dialog and out of it, and a card added
// late. Every path ends with the right fields read, and nothing of another
// member is ever sent.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {fixture, loadPage} from './load.js';
import {fakeTimers} from './helpers/fake-timers.js';
import {coreScripts} from './helpers/ui-scripts.js';

const plain = value => JSON.parse(JSON.stringify(value));
const mainOf = name => /<main[^>]*>([\s\S]*)<\/main>/.exec(fixture('linkedin', name))[1];
const dialogOf = name => /<dialog[\s\S]*<\/dialog>/.exec(fixture('linkedin', name))[0];

async function start(url, body) {
	const dom = loadPage({html: `<!DOCTYPE html><html lang="en"><body><main id="workspace">${body}</main></body></html>`, url, scripts: ['sites/kit.js', 'sites/linkedin.js', ...coreScripts]});
	const {window} = dom;
	const timers = fakeTimers();
	const checks = [];
	const send = async (channel, payload) => {
		if (channel === 'profiles.mine') {
			return {ok: true, result: {site: 'linkedin', profiles: [{network: 'LinkedIn', username: 'ada-whitfield'}]}};
		}

		if (channel === 'check') {
			checks.push(plain(payload));
			return {ok: true, result: {revision: 1, warnings: [], checked: Object.keys(payload.fields)}};
		}

		return {ok: true, result: {}};
	};

	const site = window.oneself.sites.get('linkedin');
	await window.oneself.content.createPage({document: window.document, site, send, timers, now: timers.now}).begin();
	await timers.settle();
	const main = window.document.querySelector('main');
	const go = async (path, html) => {
		window.history.pushState({}, '', path);
		if (html !== undefined) {
			main.innerHTML = html; // the test's stand-in for the site's render
		}

		await timers.advance(250);
	};

	return {window, document: window.document, timers, checks, main, go};
}

const sentFields = checks => Object.assign({}, ...checks.map(check => check.fields));

test('from the feed to the own profile: the fields are read once the cards arrive, the late ones too', async () => {
	const {checks, main, go, timers, document} = await start('https://www.linkedin.com/feed/', '<div class="feed"><p>A post</p></div>');
	assert.equal(checks.length, 0);
	// The address changes first; the profile renders later, its experience later still.
	await go('/in/ada-whitfield/');
	assert.equal(checks.length, 0, 'nothing read from the feed under the new address');
	const html = mainOf('own-view-sdui');
	const experience = /<div data-sdui-component[\s\S]*?<\/section>\s*<\/div>/.exec(html)[0];
	main.innerHTML = html.replace(experience, '');
	await timers.advance(250);
	const first = sentFields(checks);
	assert.equal(first.name, 'Ada Whitfield');
	assert.equal(first.headline, 'Senior Software Engineer at Northwind Analytics');
	assert.equal(first.experience, undefined);
	main.insertAdjacentHTML('beforeend', experience);
	await timers.advance(250);
	assert.equal(sentFields(checks).experience.length, 3);
	assert.equal(sentFields(checks).title, 'Staff Software Engineer');
	assert.ok(checks.every(check => check.mode === 'view'));
	assert.ok(document);
});

test('from someone else\'s profile to the own one: the old card, still mounted, is never read as hers', async () => {
	const {checks, main, go, timers} = await start('https://www.linkedin.com/in/marcus-lindqvist/', mainOf('other-view-sdui'));
	assert.equal(checks.length, 0, 'someone else\'s page sends nothing');
	await go('/in/ada-whitfield/');
	await timers.advance(1000);
	assert.ok(!JSON.stringify(checks).includes('Marcus'), 'nothing of Marcus is sent under Ada\'s address');
	main.innerHTML = mainOf('own-view-sdui');
	await timers.advance(250);
	assert.equal(sentFields(checks).name, 'Ada Whitfield');
	assert.ok(!JSON.stringify(checks).includes('Marcus'));
});

test('opening the intro dialog from the profile, typing in its editor, closing it', async () => {
	const {window, document, checks, main, go, timers} = await start('https://www.linkedin.com/in/ada-whitfield/', mainOf('own-view-sdui'));
	assert.equal(checks.at(-1).mode, 'view');
	// LinkedIn opens the dialog over the profile and changes the address.
	document.body.insertAdjacentHTML('beforeend', dialogOf('edit-sdui'));
	await go('/in/ada-whitfield/edit/intro/');
	const edit = checks.filter(check => check.mode === 'edit');
	assert.equal(sentFields(edit).headline, 'Staff Software Engineer at Lumen Labs');
	assert.equal(sentFields(edit).firstName, 'Ada');

	const editor = document.querySelector('dialog [contenteditable="true"]');
	editor.firstElementChild.textContent = 'Principal Engineer at Lumen Labs';
	editor.dispatchEvent(new window.InputEvent('input', {bubbles: true, inputType: 'insertText'}));
	await timers.advance(300);
	assert.deepEqual(checks.at(-1), {site: 'linkedin', mode: 'edit', fields: {headline: 'Principal Engineer at Lumen Labs'}});

	// Closed: back on the profile's address, the view is read again.
	document.querySelector('dialog').remove();
	const before = checks.length;
	await go('/in/ada-whitfield/');
	const after = checks.slice(before);
	assert.ok(after.length > 0 && after.every(check => check.mode === 'view'));
	assert.equal(sentFields(after).headline, 'Senior Software Engineer at Northwind Analytics');
	assert.ok(main);
});
