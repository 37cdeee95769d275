// The content scripts after the site module, in the manifest's order, read
// from the manifest itself so that the tests load what the browser loads.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {extensionDir} from '../load.js';

const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));

// lib/browser.js and everything after the site module (ui/, content/).
export const coreScripts = (() => {
	const [first] = manifest.content_scripts;
	const siteIndex = first.js.findIndex(file => file.startsWith('sites/') && file !== 'sites/kit.js');
	return ['lib/browser.js', ...first.js.slice(siteIndex + 1)];
})();

export {manifest};
