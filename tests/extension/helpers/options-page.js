// The whole options page in a jsdom window, options.js run afresh each time,
// with a scripted background: each channel answers from `handlers` (a value,
// or a function of the payload; a throw becomes an error reply with the
// thrown `code`). Every message sent is recorded in `sent`.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {JSDOM} from 'jsdom';
import {extensionDir} from '../load.js';

const html = readFileSync(join(extensionDir, 'options', 'options.html'), 'utf8').replace(/<script[\s\S]*?<\/script>/g, '');
let opened = 0;

export const snapshotAt = (revision, profile = {}, sites = {}) => ({revision, doc: {profile, sites, previous: {}}});

export const defaultHandlers = () => ({
	'host.connect': {ok: true, title: 'Connected to oneself', fix: ''},
	hello: {sites: [{id: 'x', name: 'X', counting: 'codepoints', limits: {bio: 160}}, {id: 'linkedin', name: 'LinkedIn', counting: 'codepoints', limits: {headline: 220}}]},
	'profile.get': snapshotAt(1, {headline: 'Engineer'}),
	'sites.status': {sites: []},
	'profile.history': {entries: [], next: null},
	'mastodon.instances': {instances: []},
	'website.hosts': {hosts: []},
});

// Lets every pending message and its follow-ups run.
export async function settle(rounds = 20) {
	for (let round = 0; round < rounds; round++) {
		await new Promise(resolve => setTimeout(resolve, 0));
	}
}

export async function openOptionsPage(handlers = {}) {
	const dom = new JSDOM(html, {url: 'chrome-extension://id/options/options.html'});
	const page = {
		window: dom.window,
		document: dom.window.document,
		handlers: {...defaultHandlers(), ...handlers},
		sent: [],
		confirms: [],
		confirmAnswer: true,
		$: id => dom.window.document.getElementById(id),
		sentOn: channel => page.sent.filter(message => message.channel === channel).map(message => message.payload),
		type(element, value) {
			element.value = value;
			element.dispatchEvent(new dom.window.Event('input', {bubbles: true}));
		},
		submit(form) {
			form.dispatchEvent(new dom.window.Event('submit', {cancelable: true}));
		},
	};
	globalThis.document = page.document;
	globalThis.window = dom.window;
	dom.window.confirm = text => {
		page.confirms.push(text);
		return page.confirmAnswer;
	};

	globalThis.chrome = {
		runtime: {id: 'id', async sendMessage({channel, payload}) {
			page.sent.push({channel, payload});
			const handler = page.handlers[channel];
			try {
				const result = typeof handler === 'function' ? await handler(payload) : handler;
				return {ok: true, result: structuredClone(result)};
			} catch (error) {
				return {ok: false, error: {code: error.code ?? 'extension', message: error.message}};
			}
		}},
		permissions: {request: async () => true},
	};
	await import(`../../../extension/options/options.js?page=${++opened}`);
	await settle();
	return page;
}

// An error a handler throws, with the router's code.
export function replyError(code, message) {
	return Object.assign(new Error(message), {code});
}
