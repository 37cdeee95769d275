// The options page's lists of hosts the user adds (Mastodon instances, the
// website), on the real options.html: the permission is asked for from the
// click, the background is told only when it was granted, and text that is
// not a host the section takes is refused before any permission prompt.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {JSDOM} from 'jsdom';
import {extensionDir} from './load.js';

const html = readFileSync(join(extensionDir, 'options', 'options.html'), 'utf8').replace(/<script[\s\S]*?<\/script>/g, '');

// A fresh page, and a browser that grants (or refuses) every permission and
// keeps the background's host lists.
function setUpPage({grant, failAdd}) {
	const dom = new JSDOM(html, {url: 'chrome-extension://id/options/options.html'});
	globalThis.document = dom.window.document;
	const asked = [];
	const messages = [];
	const lists = {mastodon: [], website: []};
	globalThis.chrome = {
		runtime: {id: 'id', async sendMessage({channel, payload}) {
			messages.push(channel);
			const [section, verb] = channel.split('.');
			const key = section === 'mastodon' ? 'instances' : 'hosts';
			if (verb === 'add' && failAdd) {
				return {ok: false, error: {code: 'extension', message: failAdd}};
			}

			if (verb === 'add') {
				lists[section] = [...new Set([...lists[section], payload.hostname])];
			} else if (verb === 'remove') {
				lists[section] = lists[section].filter(host => host !== payload.hostname);
			}

			return {ok: true, result: {[key]: lists[section]}};
		}},
		permissions: {async request({origins}) {
			asked.push(origins);
			return grant;
		}},
	};
	return {window: dom.window, document: dom.window.document, asked, messages, lists};
}

const settle = () => new Promise(resolve => setTimeout(resolve, 0));
const buttons = (document, id) => [...document.getElementById(id).querySelectorAll('button')];

test('the canonical website is offered; one click asks for the site and its subdomains, then adds it', async () => {
	const page = setUpPage({grant: true});
	const {setUpWebsite} = await import('../../extension/options/sections.js');
	await setUpWebsite('https://www.ada.example.com/about/');
	const [offer] = buttons(page.document, 'website-suggestions');
	assert.equal(offer.textContent, 'Add ada.example.com');
	offer.click();
	await settle();
	assert.deepEqual(page.asked, [['https://ada.example.com/*', 'https://*.ada.example.com/*']]);
	assert.deepEqual(page.lists.website, ['ada.example.com']);
	assert.equal(page.document.getElementById('website-list').textContent.trim(), 'ada.example.com Remove');
	assert.deepEqual(buttons(page.document, 'website-suggestions'), [], 'no longer offered once added');

	buttons(page.document, 'website-list')[0].click();
	await settle();
	assert.deepEqual(page.lists.website, []);
});

test('a refused permission adds nothing, and says so', async () => {
	const page = setUpPage({grant: false});
	const {setUpWebsite} = await import('../../extension/options/sections.js');
	await setUpWebsite('https://ada.example.com');
	buttons(page.document, 'website-suggestions')[0].click();
	await settle();
	assert.equal(page.asked.length, 1);
	assert.ok(!page.messages.includes('website.add'));
	assert.match(page.document.getElementById('website-status').textContent, /did not grant/);
});

test('a background that cannot register the scripts: the section says why, nothing is listed', async () => {
	const page = setUpPage({grant: true, failAdd: 'Type error for parameter scripts'});
	const {setUpWebsite} = await import('../../extension/options/sections.js');
	await setUpWebsite('https://ada.example.com');
	buttons(page.document, 'website-suggestions')[0].click();
	await settle();
	assert.equal(page.document.getElementById('website-status').textContent, 'Not added: Type error for parameter scripts');
	assert.equal(page.document.getElementById('website-list').textContent, '');
	assert.equal(buttons(page.document, 'website-suggestions').length, 1, 'still offered');
});

test('a site with a module of its own, or text that is no host, is refused before any prompt', async () => {
	const page = setUpPage({grant: true});
	const {setUpWebsite} = await import('../../extension/options/sections.js');
	await setUpWebsite('');
	assert.deepEqual(buttons(page.document, 'website-suggestions'), []);
	const input = page.document.getElementById('website-host');
	for (const text of ['https://github.com/ada', 'not a host']) {
		input.value = text;
		page.document.getElementById('website-form').dispatchEvent(new page.window.Event('submit', {cancelable: true}));
		await settle();
		assert.match(page.document.getElementById('website-status').textContent, /not a site oneself can add here/, text);
	}

	assert.deepEqual(page.asked, []);
	assert.ok(!page.messages.includes('website.add'));
});

test('Mastodon instances typed in are added the same way', async () => {
	const page = setUpPage({grant: true});
	const {setUpMastodon} = await import('../../extension/options/sections.js');
	await setUpMastodon([]);
	const input = page.document.getElementById('mastodon-host');
	input.value = 'https://Hachyderm.io/@ada';
	page.document.getElementById('mastodon-form').dispatchEvent(new page.window.Event('submit', {cancelable: true}));
	await settle();
	assert.deepEqual(page.asked, [['https://hachyderm.io/*', 'https://*.hachyderm.io/*']]);
	assert.deepEqual(page.lists.mastodon, ['hachyderm.io']);
	assert.equal(input.value, '', 'the field is cleared once added');
});

test('an added host is confirmed, with a word about the tabs already open', async () => {
	const page = setUpPage({grant: true});
	const {setUpWebsite} = await import('../../extension/options/sections.js');
	await setUpWebsite('https://ada.example.com');
	buttons(page.document, 'website-suggestions')[0].click();
	await settle();
	assert.equal(page.document.getElementById('website-status').textContent, 'Added ada.example.com. Tabs already open on it read it once reloaded.');
});

test('a Remove that fails says why, and the host stays listed', async () => {
	const page = setUpPage({grant: true});
	const {setUpMastodon} = await import('../../extension/options/sections.js');
	page.lists.mastodon = ['hachyderm.io'];
	await setUpMastodon([]);
	const send = globalThis.chrome.runtime.sendMessage;
	globalThis.chrome.runtime.sendMessage = async message => (message.channel === 'mastodon.remove' ? {ok: false, error: {code: 'extension', message: 'Could not unregister the scripts'}} : send(message));
	buttons(page.document, 'mastodon-list')[0].click();
	await settle();
	assert.equal(page.document.getElementById('mastodon-status').textContent, 'Not removed: Could not unregister the scripts');
	assert.match(page.document.getElementById('mastodon-list').textContent, /hachyderm\.io/);
});

test('a newly saved website is offered without reopening the page', async () => {
	const {openOptionsPage, snapshotAt, settle: settleAll} = await import('./helpers/options-page.js');
	const page = await openOptionsPage();
	assert.deepEqual(buttons(page.document, 'website-suggestions'), []);
	page.type(page.$('field-website'), 'https://ada.example.com/');
	page.handlers['profile.update'] = () => {
		page.handlers['profile.get'] = snapshotAt(2, {headline: 'Engineer', website: 'https://ada.example.com/'});
		return {revision: 2};
	};
	page.$('save').click();
	await settleAll();
	assert.deepEqual(buttons(page.document, 'website-suggestions').map(offer => offer.textContent), ['Add ada.example.com']);
});
