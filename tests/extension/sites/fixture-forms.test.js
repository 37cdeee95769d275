// The edit fixtures stand in for the sites' frameworks (their inline script):
// the browser tests rely on that behaviour to tell whether the site's own
// listeners saw a change, so it is tested here too.
import assert from 'node:assert/strict';
import {readdirSync, existsSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {JSDOM} from 'jsdom';
import {fixture, fixturesDir} from '../load.js';
import {pages} from './helpers.js';

// Runs the page's own inline scripts, as the browser does.
function live(site, name) {
	const dom = new JSDOM(fixture(site, name), {url: pages(site)[`${name}.html`], runScripts: 'dangerously', pretendToBeVisual: true});
	return dom.window;
}

const forms = [];
for (const site of readdirSync(fixturesDir)) {
	if (!existsSync(join(fixturesDir, site, 'pages.json'))) {
		continue;
	}

	for (const file of Object.keys(pages(site))) {
		if (/<form[^>]*data-fixture-form/.test(fixture(site, file.replace(/\.html$/, '')))) {
			forms.push({site, name: file.replace(/\.html$/, '')});
		}
	}
}

describe('edit fixtures behave like the sites\' frameworks', () => {
	it('every site has at least one edit form with the stand-in', () => {
		assert.deepEqual([...new Set(forms.map(form => form.site))].sort(), ['bluesky', 'facebook', 'github', 'google', 'instagram', 'mastodon', 'website', 'x']);
	});

	for (const {site, name} of forms) {
		it(`${site}/${name}: state follows input events, the counter follows the text, Save turns on`, () => {
			const window = live(site, name);
			const form = window.document.querySelector('form[data-fixture-form]');
			const control = form.querySelector('textarea') || form.querySelector('input[type="text"]:not([disabled]):not([readonly])');
			const before = window.fixtureInputEvents;
			const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control), 'value').set;
			setter.call(control, 'Typed by the user');
			control.dispatchEvent(new window.Event('input', {bubbles: true}));
			assert.equal(window.fixtureInputEvents, before + 1);
			assert.ok(Object.values(window.fixtureState).includes('Typed by the user'));
			const save = form.querySelector('button[type="submit"]');
			assert.equal(save.disabled, false);
			// The counter of this control, keyed as the stand-in keys state.
			const key = control.getAttribute('name') || control.id.slice(control.id.lastIndexOf('-') + 1) || control.getAttribute('aria-label');
			const counter = [...form.querySelectorAll('[data-counter-for]')].find(element => element.getAttribute('data-counter-for') === key);
			if (counter) {
				const max = Number(counter.getAttribute('data-max'));
				const shown = counter.getAttribute('data-format').replace('{n}', 17).replace('{max}', max.toLocaleString('en-US')).replace('{left}', max - 17);
				assert.equal(counter.textContent, shown);
			}
		});
	}

	it('a React form ignores a bare value assignment, as React does, but sees the prototype setter', () => {
		const window = live('x', 'edit');
		const bio = window.document.querySelector('textarea[name="description"]');
		bio.value = 'assigned';
		bio.dispatchEvent(new window.Event('input', {bubbles: true}));
		assert.equal(window.fixtureInputEvents, 0);
		assert.equal(window.fixtureState.description, 'Staff engineer at Lumen Labs. I build calm, fast developer tools. Boston.');
		Object.getOwnPropertyDescriptor(window.HTMLTextAreaElement.prototype, 'value').set.call(bio, 'through the prototype');
		bio.dispatchEvent(new window.Event('input', {bubbles: true}));
		assert.equal(window.fixtureState.description, 'through the prototype');
		assert.equal(window.document.querySelector('[data-counter-for="description"]').textContent, '21 / 160');
	});

	it('a counter shows going over the limit', () => {
		const window = live('x', 'edit');
		const bio = window.document.querySelector('textarea[name="description"]');
		Object.getOwnPropertyDescriptor(window.HTMLTextAreaElement.prototype, 'value').set.call(bio, 'x'.repeat(161));
		bio.dispatchEvent(new window.Event('input', {bubbles: true}));
		const counter = window.document.querySelector('[data-counter-for="description"]');
		assert.equal(counter.textContent, '161 / 160');
		assert.ok(counter.classList.contains('over-limit'));
	});

	it('LinkedIn\'s Edit intro keeps its state and counter from input events', () => {
		const window = live('linkedin', 'edit');
		const headline = window.document.querySelector('textarea[id$="-headline"]');
		headline.value = 'y'.repeat(221);
		headline.dispatchEvent(new window.Event('input', {bubbles: true}));
		assert.equal(window.fixtureState.headline, 'y'.repeat(221));
		const counter = window.document.getElementById(`${headline.id}-counter`);
		assert.equal(counter.textContent, '221/220');
		assert.ok(counter.classList.contains('error'));
	});

	it('GitHub\'s "Edit profile" button opens the inline editor, and Cancel closes it', () => {
		const window = live('github', 'own-view');
		const {document} = window;
		document.querySelector('.js-profile-editable-edit-button').click();
		assert.equal(document.querySelector('.js-profile-editable-form').hidden, false);
		assert.equal(document.querySelector('.js-profile-editable-area').hidden, true);
		document.querySelector('.js-profile-editable-cancel').click();
		assert.equal(document.querySelector('.js-profile-editable-form').hidden, true);
	});
});
