// Page content is hostile: no file of the extension may turn text into
// markup. Every script is read and the markup sinks are refused outright.
import assert from 'node:assert/strict';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {test} from 'node:test';
import {extensionDir} from './load.js';

function scripts(dir) {
	return readdirSync(dir).flatMap(name => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) {
			return scripts(path);
		}

		return name.endsWith('.js') || name.endsWith('.html') ? [path] : [];
	});
}

const SINKS = [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write(ln)?\s*\(/, /\beval\s*\(/, /new\s+Function\s*\(/, /createContextualFragment/, /DOMParser/, /setHTMLUnsafe/];

test('no markup sinks anywhere in the extension', () => {
	const offenders = [];
	for (const file of scripts(extensionDir)) {
		const lines = readFileSync(file, 'utf8').split('\n');
		lines.forEach((line, index) => {
			if (/^\s*\/\//.test(line)) {
				return; // a comment may name them
			}

			for (const sink of SINKS) {
				if (sink.test(line)) {
					offenders.push(`${relative(extensionDir, file)}:${index + 1}: ${line.trim()}`);
				}
			}
		});
	}

	assert.deepEqual(offenders, []);
});

test('extension pages load only their own scripts (no inline script, no remote code)', () => {
	for (const file of scripts(extensionDir).filter(path => path.endsWith('.html'))) {
		const html = readFileSync(file, 'utf8');
		for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
			assert.match(tag, /\bsrc="(?!https?:|\/\/)[^"]+"/, `${relative(extensionDir, file)}: ${tag}`);
		}

		assert.equal(/<script\b[^>]*>[^<]+<\/script>/.test(html), false, `${relative(extensionDir, file)} has an inline script`);
	}
});
