// The panel of warnings whose field is not on the page: the warnings stay in
// the light DOM (the test contract), the panel is a labelled region that can
// be closed and opened again from the keyboard, and the page's CSS cannot
// hide it.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {loadPage} from './load.js';
import {coreScripts} from './helpers/ui-scripts.js';

function page(head = '') {
	const dom = loadPage({html: `<!doctype html><head>${head}</head><body><main><h1>Ada</h1></main></body>`, url: 'https://ada.example.com/about/', scripts: coreScripts});
	const {document, oneself: {ui}} = dom.window;
	const warnings = ['title', 'location'].map(field => ui.warning.create(document, {field, severity: 'warning', code: 'differs', observed: 'x', canonical: 'y', message: `Your ${field} differs.`}, {}));
	return {window: dom.window, document, ui, warnings};
}

// The rules of the panel's shadow style, parsed for a moment in the page's
// head (jsdom gives a <style> in a shadow root no sheet).
function shadowRules(document, host) {
	const style = document.createElement('style');
	style.textContent = host.shadowRoot.querySelector('style').textContent;
	document.head.append(style);
	const rules = [...style.sheet.cssRules];
	style.remove();
	return selector => rules.find(rule => rule.selectorText === selector).style;
}

// A panel holding `warnings`, as the content script fills it.
function panelWith(ui, document, warnings) {
	const host = ui.orphans.create(document);
	for (const warning of warnings) {
		ui.orphans.hold(host, warning);
	}

	ui.orphans.sync(host, warnings.length);
	return host;
}

test('the warnings stay in the light DOM, shown through the panel\'s slot', () => {
	const {document, ui, warnings} = page();
	const host = ui.orphans.create(document);
	assert.equal(host.isConnected, false, 'not on the page while empty');
	ui.orphans.hold(host, warnings[0]);
	ui.orphans.hold(host, warnings[1]);
	ui.orphans.sync(host, 2);
	assert.equal(host.parentElement, document.body);
	assert.equal(host.tagName, 'ONESELF-ORPHANS');
	assert.ok(host.hasAttribute('data-oneself-orphans'));
	assert.deepEqual([...host.children], warnings);
	assert.deepEqual([...document.querySelectorAll('oneself-warning')].map(element => element.dataset.field), ['title', 'location']);
	assert.ok(host.shadowRoot.querySelector('.list slot'));
});

test('the panel is a region named by its heading, with a close button that says what it closes', () => {
	const {document, ui, warnings} = page();
	const shadow = panelWith(ui, document, warnings).shadowRoot;
	const region = shadow.querySelector('section');
	const title = shadow.getElementById(region.getAttribute('aria-labelledby'));
	assert.equal(title.tagName, 'H2');
	assert.equal(title.textContent, 'oneself: 2 differences not shown on this page');
	const close = shadow.querySelector('.close');
	assert.equal(close.type, 'button');
	assert.equal(close.textContent, 'Close');
	assert.match(close.getAttribute('aria-label'), /^Close .*differences not on this page/);
});

test('the panel leaves the page when it holds no warning, and comes back with the next', () => {
	const {document, ui, warnings} = page();
	const host = panelWith(ui, document, warnings);
	warnings[0].remove();
	ui.orphans.sync(host, 1);
	assert.ok(host.isConnected);
	assert.equal(host.shadowRoot.querySelector('h2').textContent, 'oneself: 1 difference not shown on this page');
	warnings[1].remove();
	ui.orphans.sync(host, 0);
	assert.equal(host.isConnected, false);
	assert.equal(document.querySelector('oneself-orphans, [data-oneself-orphans]'), null);
	ui.orphans.hold(host, warnings[0]);
	ui.orphans.sync(host, 1);
	assert.ok(host.isConnected);
});

test('closed, it leaves a button in its corner that opens it again; the focus follows', () => {
	const {window, document, ui, warnings} = page();
	const host = panelWith(ui, document, warnings);
	const shadow = host.shadowRoot;
	const panel = shadow.querySelector('.panel');
	const reopen = shadow.querySelector('.reopen');
	assert.equal(reopen.hidden, true, 'only the panel while open');
	assert.equal(ui.orphans.isOpen(host), true);

	const close = shadow.querySelector('.close');
	close.focus();
	close.click();
	assert.equal(panel.hidden, true);
	assert.equal(reopen.hidden, false);
	assert.equal(reopen.textContent, 'oneself: 2 differences not on this page');
	assert.equal(reopen.getAttribute('aria-expanded'), 'false');
	assert.equal(shadow.activeElement, reopen, 'the focus is not lost with the close button');
	assert.deepEqual([...host.children], warnings, 'closing keeps the warnings');

	// A recheck leaves it as the user left it.
	ui.orphans.sync(host, 2);
	assert.equal(ui.orphans.isOpen(host), false);

	reopen.click();
	assert.equal(panel.hidden, false);
	assert.equal(reopen.hidden, true);
	assert.equal(shadow.activeElement, panel);

	// Escape inside the panel closes it too.
	panel.dispatchEvent(new window.KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
	assert.equal(panel.hidden, true);
	assert.equal(shadow.activeElement, reopen);
	ui.orphans.open(host);
	assert.equal(ui.orphans.isOpen(host), true);
});

test('a page stylesheet that hides divs and custom elements does not hide the panel', () => {
	const hostile = '<style>div, oneself-orphans, [data-oneself-orphans], :not(html):not(body) { display: none !important; position: static !important; z-index: 0 !important; }</style>';
	const {window, document, ui, warnings} = page(hostile);
	const host = panelWith(ui, document, warnings);
	host.setAttribute('hidden', ''); // as a page script might
	const style = window.getComputedStyle(host);
	assert.equal(style.display, 'block');
	assert.equal(style.position, 'fixed');
	assert.equal(style.zIndex, '2147483647');

	// In a browser the shadow root's :host rule is what wins (jsdom does not
	// apply it): it must be important to beat the page's important rules.
	const rule = shadowRules(document, host);
	for (const property of ['display', 'position', 'z-index', 'max-width']) {
		assert.equal(rule(':host').getPropertyPriority(property), 'important', property);
	}

	// The warnings in it, light-DOM elements of the page, keep their own.
	const warningRule = shadowRules(document, warnings[0])(':host');
	for (const property of ['all', 'display', 'font', 'color']) {
		assert.equal(warningRule.getPropertyPriority(property), 'important', `the warning's ${property}`);
	}
});

test('the panel scrolls within a corner rather than covering the page', () => {
	const {document, ui, warnings} = page();
	const rule = shadowRules(document, panelWith(ui, document, warnings));
	assert.match(rule('.panel').getPropertyValue('max-height'), /vh/);
	assert.equal(rule('.panel').getPropertyValue('overflow'), 'auto');
	assert.match(rule(':host').getPropertyValue('max-width'), /100vw/);
});

test('after its focused warning left: the focus goes to the panel while on the page, then back to where it came from, if still there', () => {
	const {document, ui, warnings} = page();
	const outside = document.createElement('button');
	const other = document.createElement('button');
	document.querySelector('main').append(outside, other);
	const host = panelWith(ui, document, warnings);
	outside.focus();
	warnings[0].shadowRoot.querySelector('[data-action="copy"]').focus();
	warnings[1].shadowRoot.querySelector('[data-action="copy"]').focus(); // a move within the panel
	warnings[0].remove();
	ui.orphans.sync(host, 1);
	assert.equal(ui.orphans.refocus(host), true);
	assert.equal(host.shadowRoot.activeElement, host.shadowRoot.querySelector('.panel'));

	warnings[1].remove();
	ui.orphans.sync(host, 0);
	assert.equal(ui.orphans.refocus(host), true);
	assert.equal(document.activeElement, outside);

	// Where it came from has left the page too: the caller tries elsewhere.
	ui.orphans.hold(host, warnings[0]);
	ui.orphans.sync(host, 1);
	other.focus();
	warnings[0].shadowRoot.querySelector('[data-action="copy"]').focus();
	other.remove();
	warnings[0].remove();
	ui.orphans.sync(host, 0);
	assert.equal(ui.orphans.refocus(host), false);
});

// The summary's badge, fixed 16px from the bottom-right corner: 13px/1.4
// text, 6px padding and a 1px border make it 33px high; "99 differences" in
// 13px bold is under 140px wide.
const BADGE = {inset: 16, height: 33, width: 140};
const DEFAULT_FONT = 16; // px: what em means in a media query and in the panel's :host (all: initial)

test('on a narrow screen the panel sits above the summary badge rather than over it', () => {
	const {document, ui, warnings} = page();
	const host = panelWith(ui, document, warnings);
	const style = document.createElement('style');
	style.textContent = host.shadowRoot.querySelector('style').textContent;
	document.head.append(style);
	const rules = [...style.sheet.cssRules];
	style.remove();
	const base = rules.find(rule => rule.selectorText === ':host').style;
	const narrow = rules.find(rule => rule.media);
	assert.ok(narrow, 'a rule for narrow screens');
	const lifted = [...narrow.cssRules].find(rule => rule.selectorText === ':host').style;
	assert.equal(lifted.getPropertyPriority('bottom'), 'important', 'the page cannot put it back over the badge');

	const em = text => Number(text.match(/([\d.]+)em/)[1]) * DEFAULT_FONT;
	const below = em(narrow.media.mediaText.match(/max-width:\s*[\d.]+em/)[0]);
	const widest = em(base.getPropertyValue('max-width').match(/min\(\s*[\d.]+em/)[0]);
	const left = Number.parseFloat(base.getPropertyValue('inset').split(/\s+/)[3]);
	for (let width = 280; width <= 1600; width += 4) {
		const panelRight = left + Math.min(widest, width - 32);
		const panelBottom = width <= below ? Number.parseFloat(lifted.getPropertyValue('bottom')) : BADGE.inset;
		const side = panelRight + 8 <= width - BADGE.inset - BADGE.width;
		const above = panelBottom >= BADGE.inset + BADGE.height + 8;
		assert.ok(side || above, `at ${width}px wide the panel covers the badge`);
	}

	assert.ok(below < 1024, 'on a wide screen the panel keeps its corner');
});
