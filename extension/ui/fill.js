'use strict';
// Writes a value into a site's field so that the site's framework notices and
// its undo still works: focus, select all, execCommand('insertText'); when the
// browser refuses that, the native value setter followed by an input event.
// Rich-text editors (a contenteditable run by TipTap/ProseMirror, LinkedIn's
// 2026 dialogs) take the same native edit: the browser changes the editor's
// DOM and fires beforeinput/input as for typing, the editor folds that into its
// own state and history (so the site's Save and Ctrl+Z work), and a line
// break in the value becomes a new paragraph.
(function defineFill(root) {
	const ui = (root.oneself.ui ??= {});

	function isFormControl(field) {
		return ['INPUT', 'TEXTAREA', 'SELECT'].includes(field.tagName) && 'value' in field;
	}

	// What the field holds as the person reads it: a rich-text editor's
	// paragraphs as lines (innerText; jsdom has none, textContent then).
	function currentValue(field) {
		if (isFormControl(field)) {
			return field.value;
		}

		return typeof field.innerText === 'string' ? field.innerText : field.textContent;
	}

	// Whether the field now holds `value`. An editor renders a blank line as
	// an empty paragraph, so its line breaks are not compared, only its words.
	function holds(field, value) {
		if (isFormControl(field)) {
			return field.value === value;
		}

		const fold = text => text.replace(/\s+/g, ' ').trim();
		return fold(currentValue(field)) === fold(value);
	}

	function selectAll(field, document) {
		if (typeof field.select === 'function') {
			field.select();
			return;
		}

		const range = document.createRange();
		range.selectNodeContents(field);
		const selection = document.getSelection();
		selection.removeAllRanges();
		selection.addRange(range);
	}

	// Lines into a rich-text editor as typing puts them: each line's text,
	// and a new paragraph (Enter) between lines. One insertText of the whole
	// text would make paragraphs in Chromium but line breaks in one paragraph
	// in Firefox.
	function typeLines(document, value) {
		return value.split('\n').every((line, index) => (index === 0 || document.execCommand('insertParagraph', false))
			&& (line === '' || document.execCommand('insertText', false, line)));
	}

	function fill(field, value) {
		const document = field.ownerDocument;
		const view = document.defaultView;
		field.focus();
		selectAll(field, document);

		let inserted = false;
		try {
			inserted = isFormControl(field) || !value.includes('\n')
				? document.execCommand('insertText', false, value)
				: typeLines(document, value);
		} catch {
			inserted = false;
		}

		if (inserted && holds(field, value)) {
			return 'insertText';
		}

		if (field instanceof view.HTMLInputElement || field instanceof view.HTMLTextAreaElement) {
			// The prototype's setter, not the element's own property, so that
			// frameworks that track the value (React) see a change.
			const prototype = field instanceof view.HTMLTextAreaElement ? view.HTMLTextAreaElement.prototype : view.HTMLInputElement.prototype;
			Object.getOwnPropertyDescriptor(prototype, 'value').set.call(field, value);
		} else {
			field.textContent = value;
		}

		field.dispatchEvent(new view.InputEvent('input', {bubbles: true, inputType: 'insertReplacementText', data: value}));
		field.dispatchEvent(new view.Event('change', {bubbles: true}));
		return 'setter';
	}

	function isEditable(element) {
		if (!element) {
			return false;
		}

		const tag = element.tagName;
		return tag === 'TEXTAREA' || (tag === 'INPUT' && !['checkbox', 'radio', 'file', 'button', 'submit', 'hidden'].includes(element.type)) || element.isContentEditable === true || ['true', '', 'plaintext-only'].includes(element.getAttribute?.('contenteditable'));
	}

	ui.fill = fill;
	ui.isEditable = isEditable;
	ui.currentValue = currentValue;
})(globalThis);
