// The inline warning component: the test contract in light DOM, the visible
// UI in a shadow root, text only (page values never become markup), the
// buttons, the live count, placement and aria-describedby.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {loadPage} from './load.js';
import {coreScripts} from './helpers/ui-scripts.js';

const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';

function page(body = '<label>Headline <input id="headline" value=""></label>') {
	const dom = loadPage({html: `<!doctype html><body>${body}</body>`, url: 'https://www.linkedin.com/in/ada/edit/intro/', scripts: coreScripts});
	return {dom, window: dom.window, document: dom.window.document, ui: dom.window.oneself.ui};
}

const warning = (extra = {}) => ({field: 'headline', severity: 'warning', code: 'differs', observed: 'Senior Engineer', canonical: 'Staff Software Engineer at Lumen Labs', message: 'Your headline here differs from your profile.', ...extra});

test('the light-DOM element carries the contract; the UI is in an open shadow root', () => {
	const {document, ui} = page();
	const element = ui.warning.create(document, warning(), {site: 'linkedin', editable: true, onIgnore() {}});
	assert.equal(element.tagName, 'ONESELF-WARNING');
	assert.equal(element.dataset.field, 'headline');
	assert.equal(element.dataset.severity, 'warning');
	assert.equal(element.dataset.code, 'differs');
	assert.equal(element.textContent, 'Your headline here differs from your profile.');
	assert.equal(element.children.length, 0, 'light DOM holds only the message text');
	const shadow = element.shadowRoot;
	assert.ok(shadow);
	assert.equal(shadow.querySelector('.value').textContent, 'Staff Software Engineer at Lumen Labs');
	assert.ok(shadow.querySelector('slot'), 'the message shows through a slot');
	const labels = [...shadow.querySelectorAll('.actions button')].filter(button => !button.hidden).map(button => button.textContent);
	assert.deepEqual(labels, ['Use canonical', 'Ignore on this site', 'Copy']);
	for (const button of shadow.querySelectorAll('button')) {
		assert.equal(button.type, 'button', 'buttons never submit the site\'s form');
	}
});

test('markup in observed, canonical and message values stays text', () => {
	const {window, document, ui} = page();
	const element = ui.warning.create(document, warning({observed: hostile, canonical: hostile, message: `Differs: ${hostile}`, code: 'too_long', limit: 5}), {site: 'linkedin', editable: true});
	document.body.append(element);
	assert.equal(element.textContent, `Differs: ${hostile}`);
	assert.equal(element.querySelector('img, script'), null);
	assert.equal(element.shadowRoot.querySelector('img, script'), null);
	assert.equal(element.shadowRoot.querySelector('.value').textContent, hostile);
	assert.equal(document.querySelectorAll('img, script').length, 0);
	assert.equal(window.pwned, undefined);

	// Also when a warning is updated in place.
	ui.warning.update(element, warning({canonical: `<b>${hostile}</b>`, message: '<i>x</i>'}));
	assert.equal(element.textContent, '<i>x</i>');
	assert.equal(element.shadowRoot.querySelector('b, i, img, script'), null);
});

test('a long canonical value is clamped until "Show all"', () => {
	const {document, ui} = page();
	const element = ui.warning.create(document, warning({field: 'bio', canonical: 'word '.repeat(100)}), {});
	const canonical = element.shadowRoot.querySelector('.canonical');
	const more = element.shadowRoot.querySelector('[data-action="more"]');
	assert.ok(canonical.hasAttribute('data-clamped'));
	assert.equal(more.hidden, false);
	more.click();
	assert.equal(canonical.hasAttribute('data-clamped'), false);
	assert.equal(more.textContent, 'Show less');
	assert.equal(more.getAttribute('aria-expanded'), 'true');
	const short = ui.warning.create(document, warning(), {});
	assert.equal(short.shadowRoot.querySelector('[data-action="more"]').hidden, true);
});

test('an object canonical value (positions) is shown as readable text', () => {
	const {document, ui} = page();
	const element = ui.warning.create(document, warning({field: 'experience', code: 'missing_position', canonical: {employer: 'Lumen Labs', title: 'Staff Engineer', start: '2021-03', end: null}}), {});
	assert.equal(element.shadowRoot.querySelector('.value').textContent, 'Staff Engineer at Lumen Labs (2021-03 – now)');
});

test('attach puts the warning after the field, outside the editable area, and links aria-describedby', () => {
	const {document, ui} = page('<div role="dialog"><div contenteditable="true" id="editor"><p id="para">About me</p></div></div>');
	const paragraph = document.getElementById('para');
	const element = ui.warning.create(document, warning({field: 'bio'}), {});
	ui.warning.attach(element, paragraph);
	const editor = document.getElementById('editor');
	assert.equal(editor.nextElementSibling, element, 'after the editable root, not inside it');
	assert.equal(editor.contains(element), false);
	assert.ok(element.closest('[role="dialog"]'), 'inside the field\'s dialog');
	assert.equal(paragraph.getAttribute('aria-describedby'), element.id);

	// A re-render replaces the field: attach again puts it back beside the new one.
	const fresh = document.createElement('div');
	fresh.contentEditable = 'true';
	editor.replaceWith(fresh);
	assert.equal(ui.warning.attach(element, fresh), false, 'already right after the new editor: nothing moves');
	assert.equal(fresh.nextElementSibling, element);
});

test('re-attaching after a re-render moves the warning beside the new field', () => {
	const {document, ui} = page('<form><input id="a" aria-describedby="hint"><span id="hint">hint</span></form>');
	const input = document.getElementById('a');
	const element = ui.warning.create(document, warning(), {});
	assert.equal(ui.warning.attach(element, input), true);
	assert.equal(input.nextElementSibling, element);
	assert.equal(input.getAttribute('aria-describedby'), `hint ${element.id}`, 'the site\'s own description is kept');
	assert.equal(ui.warning.attach(element, input), false, 'already in place: nothing moves');

	const replacement = document.createElement('input');
	input.replaceWith(replacement);
	element.remove();
	assert.equal(ui.warning.attach(element, replacement), true);
	assert.equal(replacement.nextElementSibling, element);
	ui.warning.detach(element, replacement);
	assert.equal(replacement.hasAttribute('aria-describedby'), false);
	assert.equal(element.isConnected, false);
});

test('too_long shows the count against the limit and follows the typing', () => {
	const {document, ui} = page();
	const element = ui.warning.create(document, warning({code: 'too_long', observed: 'x'.repeat(230), limit: 220}), {site: 'linkedin'});
	const count = element.shadowRoot.querySelector('.count');
	assert.equal(count.hidden, false);
	assert.equal(count.textContent, '230 / 220 characters');
	assert.ok(count.hasAttribute('data-over'));
	ui.warning.setCount(element, 'x'.repeat(200));
	assert.equal(count.textContent, '200 / 220 characters');
	assert.equal(count.hasAttribute('data-over'), false);
	ui.warning.setCount(element, '😀'.repeat(3));
	assert.equal(count.textContent, '3 / 220 characters', 'code points, not UTF-16 units');
});

test('Bluesky counts graphemes', () => {
	const {ui} = page();
	assert.equal(ui.text.length('👩‍👩‍👧‍👦e\u0301', 'bluesky'), 2);
	assert.equal(ui.text.length('👩‍👩‍👧‍👦', 'x'), 7);
});

test('the buttons call back with the canonical value (or the host\'s fitted suggestion)', () => {
	const {document, ui} = page();
	const calls = [];
	const element = ui.warning.create(document, warning({suggestion: 'Staff Engineer'}), {
		editable: true,
		onUse: value => calls.push(['use', value]),
		onIgnore: current => calls.push(['ignore', current.observed]),
		onCopy: value => calls.push(['copy', value]),
	});
	for (const action of ['use', 'ignore', 'copy']) {
		element.shadowRoot.querySelector(`[data-action="${action}"]`).click();
	}

	assert.deepEqual(calls, [['use', 'Staff Engineer'], ['ignore', 'Senior Engineer'], ['copy', 'Staff Engineer']]);
});

test('Use canonical is offered only for an editable field; view pages get Copy', () => {
	const {document, ui} = page();
	const element = ui.warning.create(document, warning(), {editable: false, onIgnore() {}});
	assert.equal(element.shadowRoot.querySelector('[data-action="use"]').hidden, true);
	assert.equal(element.shadowRoot.querySelector('[data-action="copy"]').hidden, false);
});

test('fill writes through the native setter when execCommand is refused, and the page sees an input event', () => {
	const {window, document, ui} = page();
	const input = document.getElementById('headline');
	const seen = [];
	input.addEventListener('input', () => seen.push(input.value));
	// jsdom has no execCommand('insertText'): the fallback path.
	const how = ui.fill(input, 'Staff Software Engineer at Lumen Labs');
	assert.equal(how, 'setter');
	assert.equal(input.value, 'Staff Software Engineer at Lumen Labs');
	assert.deepEqual(seen, ['Staff Software Engineer at Lumen Labs']);
	assert.equal(document.activeElement, input);

	const editor = document.createElement('div');
	editor.setAttribute('contenteditable', 'true');
	editor.textContent = 'old';
	document.body.append(editor);
	ui.fill(editor, '<b>new</b>');
	assert.equal(editor.textContent, '<b>new</b>');
	assert.equal(editor.querySelector('b'), null);
	assert.equal(window.pwned, undefined);
});

test('fill uses insertText when the browser takes it (the site\'s undo keeps working)', () => {
	const {document, ui} = page();
	const input = document.getElementById('headline');
	const calls = [];
	document.execCommand = (command, _ui, value) => {
		calls.push([command, value]);
		input.value = value;
		return true;
	};

	assert.equal(ui.fill(input, 'Staff'), 'insertText');
	assert.deepEqual(calls, [['insertText', 'Staff']]);
});

test('the view-page badge counts and lists the differences, as text', () => {
	const {document, ui} = page();
	ui.summary.render(document, [warning(), warning({field: 'location', message: hostile})]);
	const host = document.querySelector('oneself-summary');
	const badge = host.shadowRoot.querySelector('.badge');
	assert.equal(badge.textContent, '2 differences');
	const panel = host.shadowRoot.querySelector('.panel');
	assert.equal(panel.hidden, true);
	badge.click();
	assert.equal(panel.hidden, false);
	assert.equal(badge.getAttribute('aria-expanded'), 'true');
	assert.equal(host.shadowRoot.querySelectorAll('li').length, 2);
	assert.equal(host.shadowRoot.querySelector('img, script'), null);
	ui.summary.render(document, []);
	assert.equal(document.querySelector('oneself-summary'), null, 'quiet when all is well');
});

test('one polite live region announces a round', () => {
	const {document, ui} = page();
	ui.announcer.announce(document, ui.announcer.roundText(3));
	ui.announcer.announce(document, ui.announcer.roundText(1));
	const regions = document.querySelectorAll('[aria-live="polite"][data-oneself-live]');
	assert.equal(regions.length, 1);
	assert.equal(regions[0].textContent, 'oneself: 1 difference from your profile.');
	assert.equal(ui.announcer.roundText(0), 'oneself: matches your profile.');
});

test('the warning leaves a clamped "see more" box and flex rows, but not the dialog', () => {
	const {document, ui} = page(`
		<section><div id="row" style="display:flex"><div id="clamp" style="max-height:8rem"><span id="about">Old about</span></div></div></section>
		<div role="dialog"><div style="display:flex"><input id="first"></div></div>`);
	const about = ui.warning.create(document, warning({field: 'bio'}), {});
	ui.warning.attach(about, document.getElementById('about'));
	assert.equal(document.getElementById('row').nextElementSibling, about, 'after the outermost cramped box');
	assert.equal(about.parentElement.tagName, 'SECTION');
	assert.equal(document.getElementById('about').getAttribute('aria-describedby'), about.id, 'still describes the field');

	const name = ui.warning.create(document, warning({field: 'name'}), {});
	ui.warning.attach(name, document.getElementById('first'));
	assert.equal(name.parentElement.getAttribute('role'), 'dialog', 'inside the dialog, below the row');
	assert.equal(ui.warning.attach(name, document.getElementById('first')), false, 'stable: nothing moves the second time');
});

test('elements the page makes in the UI\'s likeness are never taken for it', () => {
	const {document, ui} = page('<oneself-summary id="fake"></oneself-summary><div data-oneself-live id="sink" aria-hidden="true"></div>');
	const summary = ui.summary.render(document, [warning()]);
	assert.notEqual(summary.id, 'fake', 'the page\'s element is not used (it has no shadow root)');
	assert.equal(summary.shadowRoot.querySelector('.badge').textContent, '1 difference');
	ui.summary.render(document, []);
	assert.ok(document.getElementById('fake'), 'the page\'s element is left alone');
	ui.announcer.announce(document, 'oneself: copied.');
	assert.equal(document.getElementById('sink').textContent, '');
	const ours = [...document.querySelectorAll('[data-oneself-live]')].find(node => node.id !== 'sink');
	assert.equal(ours.textContent, 'oneself: copied.');
});

test('the summary badge\'s placement is important, so page rules cannot hide or move it', () => {
	const {document, ui} = page();
	const summary = ui.summary.render(document, [warning()]);
	// jsdom does not apply a shadow root's :host rules; in a browser they win
	// over the page's important and inline rules only when important too.
	const style = document.createElement('style');
	style.textContent = summary.shadowRoot.querySelector('style').textContent;
	document.head.append(style);
	const host = [...style.sheet.cssRules].find(rule => rule.selectorText === ':host').style;
	style.remove();
	for (const property of ['all', 'display', 'position', 'z-index', 'inset', 'margin']) {
		assert.equal(host.getPropertyPriority(property), 'important', property);
	}
});

test('"Show all" stays open across updates, and aria-expanded follows the label', () => {
	const {document, ui} = page();
	const long = warning({field: 'bio', canonical: 'word '.repeat(100)});
	const element = ui.warning.create(document, long, {});
	const more = element.shadowRoot.querySelector('[data-action="more"]');
	more.click();
	ui.warning.update(element, {...long, observed: 'changed'});
	assert.equal(more.textContent, 'Show less');
	assert.equal(more.getAttribute('aria-expanded'), 'true');
	assert.equal(element.shadowRoot.querySelector('.canonical').hasAttribute('data-clamped'), false);
	more.click();
	assert.equal(more.textContent, 'Show all');
	assert.equal(more.getAttribute('aria-expanded'), 'false');
});

test('the warning is a group named by its message; its buttons name the field', () => {
	const {document, ui} = page();
	const element = ui.warning.create(document, warning({field: 'firstName'}), {site: 'linkedin', editable: true, onIgnore() {}});
	const shadow = element.shadowRoot;
	const box = shadow.querySelector('[role="group"]');
	assert.equal(shadow.getElementById(box.getAttribute('aria-labelledby')).querySelector('slot') !== null, true);
	const names = [...shadow.querySelectorAll('.actions button')].map(button => [button.textContent, button.getAttribute('aria-label')]);
	assert.deepEqual(names, [
		['Use canonical', 'Use canonical first name'],
		['Ignore on this site', 'Ignore on this site (first name)'],
		['Copy', 'Copy canonical first name'],
	]);
});

test('the same announcement twice is spoken twice: emptied, then said again', async () => {
	const {document, ui, window} = page();
	ui.announcer.announce(document, 'oneself: copied.');
	const region = document.querySelector('[data-oneself-live]');
	ui.announcer.announce(document, 'oneself: copied.');
	assert.equal(region.textContent, '');
	await new Promise(resolve => window.setTimeout(resolve, 150));
	assert.equal(region.textContent, 'oneself: copied.');
});

test('a failure shown in the warning goes when a recheck reports another value, and stays for the same one', () => {
	const {document, ui} = page();
	const element = ui.warning.create(document, warning(), {onIgnore() {}});
	const problem = element.shadowRoot.querySelector('.problem');
	ui.warning.showProblem(element, 'oneself could not ignore this: the store is locked');
	assert.equal(problem.hidden, false);

	// The same value rechecked: the failure is still what happened to it.
	ui.warning.update(element, warning({message: 'Your headline still differs.'}));
	assert.equal(problem.hidden, false);
	assert.match(problem.textContent, /could not ignore this/);

	// Another value: the old failure is no longer about what is shown.
	ui.warning.update(element, warning({observed: 'Principal Engineer'}));
	assert.equal(problem.hidden, true);
	assert.equal(problem.textContent, '');
});
