// The demo (demo/run.sh, ./install.sh --demo) in its headless check mode: it
// starts, the pages show warnings, a screenshot is written, and it leaves
// nothing behind: no temporary folders, nothing in the user's store or
// browser profile (HOME is a fresh folder here, so anything written is seen).
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {findHostBinary, repoDir} from './lib/paths.js';
import {scenario} from './lib/scenario.js';

function run(command, args, env) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {cwd: repoDir, env, stdio: ['ignore', 'pipe', 'pipe']});
		let output = '';
		child.stdout.on('data', chunk => {
			output += chunk;
		});
		child.stderr.on('data', chunk => {
			output += chunk;
		});
		child.on('error', reject);
		child.on('close', code => resolve({code, output}));
	});
}

scenario('demo: headless check shows warnings, writes the screenshot, cleans up', {timeout: 180_000}, async () => {
	const scratch = mkdtempSync(join(tmpdir(), 'oneself-demo-test-'));
	try {
		const home = join(scratch, 'home');
		const temporary = join(scratch, 'tmp');
		const screenshot = join(scratch, 'demo.png');
		mkdirSync(home);
		mkdirSync(temporary);

		const env = {...process.env, HOME: home, TMPDIR: temporary, ONESELF_BINARY: findHostBinary()};
		delete env.ONESELF_HOME;
		delete env.XDG_DATA_HOME;
		const {code, output} = await run(join(repoDir, 'demo', 'run.sh'), ['--headless', '--screenshot', screenshot], env);
		assert.equal(code, 0, output);
		assert.match(output, /https:\/\/www\.linkedin\.com\/in\/ada-whitfield\/: 3 warning\(s\)/, output);
		assert.deepEqual([...readFileSync(screenshot).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');

		const left = readdirSync(temporary).filter(name => name.startsWith('oneself-'));
		assert.deepEqual(left, [], 'the demo removed its temporary profile, store and certificate');
		assert.ok(!existsSync(join(home, '.local', 'share', 'oneself')), 'the user\'s store is untouched');
		// (Chromium creates an empty ~/.config/chromium/Crash Reports whatever
		// --user-data-dir says; the profile itself must not be there.)
		for (const profile of ['chromium', 'google-chrome']) {
			for (const entry of ['Default', 'Local State']) {
				assert.ok(!existsSync(join(home, '.config', profile, entry)), `no ${profile} profile written (${entry})`);
			}
		}
	} finally {
		rmSync(scratch, {recursive: true, force: true});
	}
});
