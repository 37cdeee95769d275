// The real host for one test: a temporary ONESELF_HOME seeded with the user's
// canonical profile through the real binary, and a host manifest that the
// test's browser profile (and only it) reads.
import {spawn} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {allowedCallersPath, canonicalPath, findHostBinary, installed} from './paths.js';

export const hostName = 'org.oneself.host';
export const allowedCallers = JSON.parse(readFileSync(allowedCallersPath, 'utf8'));

// Length-prefixed JSON frames, as the browsers write them (native byte order:
// little-endian on every machine we run on).
export function encodeFrame(message) {
	const body = Buffer.from(JSON.stringify(message), 'utf8');
	const header = Buffer.alloc(4);
	header.writeUInt32LE(body.length);
	return Buffer.concat([header, body]);
}

export function decodeFrames(buffer) {
	const messages = [];
	let offset = 0;
	while (buffer.length - offset >= 4) {
		const length = buffer.readUInt32LE(offset);
		if (buffer.length - offset - 4 < length) {
			break;
		}

		messages.push(JSON.parse(buffer.subarray(offset + 4, offset + 4 + length).toString('utf8')));
		offset += 4 + length;
	}

	return messages;
}

export class HostHome {
	constructor({binary = findHostBinary()} = {}) {
		this.binary = binary;
		this.dir = mkdtempSync(join(tmpdir(), 'oneself-e2e-'));
		this.home = join(this.dir, 'store');
		this.stateHome = join(this.dir, 'state');
		this.pidFile = join(this.dir, 'host.pids');
		mkdirSync(this.stateHome, {recursive: true});
		// The browser starts this wrapper: it points the host at the temporary
		// store and notes the host's pid (exec keeps it) so a test can kill it.
		this.wrapper = join(this.dir, 'oneself-host.sh');
		const quote = text => `'${text.replaceAll('\'', '\'\\\'\'')}'`;
		writeFileSync(this.wrapper, [
			'#!/bin/sh',
			`export ONESELF_HOME=${quote(this.home)}`,
			`export XDG_STATE_HOME=${quote(this.stateHome)}`,
			`echo $$ >> ${quote(this.pidFile)}`,
			`exec ${quote(binary)} "$@"`,
			'',
		].join('\n'));
		chmodSync(this.wrapper, 0o755);
	}

	get env() {
		return {...process.env, ONESELF_HOME: this.home, XDG_STATE_HOME: this.stateHome};
	}

	// Speaks the protocol to a fresh host process started as Chromium starts
	// it (the allowed origin as first argument); returns the replies in order.
	async request(...messages) {
		const child = spawn(this.binary, [allowedCallers.chromium[0]], {env: this.env, stdio: ['pipe', 'pipe', 'pipe']});
		const chunks = [];
		const errors = [];
		child.stdout.on('data', chunk => chunks.push(chunk));
		child.stderr.on('data', chunk => errors.push(chunk));
		child.stdin.on('error', () => {}); // a host that exits early is reported below
		child.stdin.end(Buffer.concat(messages.map((message, index) => encodeFrame({id: index + 1, ...message}))));
		const code = await new Promise((resolve, reject) => {
			child.on('error', reject);
			child.on('close', resolve);
		});
		const replies = decodeFrames(Buffer.concat(chunks));
		if (replies.length !== messages.length) {
			throw new Error(`host answered ${replies.length} of ${messages.length} frames (exit ${code}): ${Buffer.concat(errors).toString().slice(-2000)}`);
		}

		return replies;
	}

	// One request; throws with the host's error unless ok.
	async call(message) {
		const [reply] = await this.request(message);
		if (!reply.ok) {
			throw new Error(`${message.type} failed: ${JSON.stringify(reply.error)}`);
		}

		return reply.result;
	}

	// Writes `doc` ({profile, sites, previous}) into the store through the
	// protocol. `previous` is the store's own record of replaced values, so it
	// is recreated the way it arises: each earlier value is written first, then
	// replaced by the canonical one. Returns the final revision.
	async seed(doc = canonicalDocument()) {
		let {revision = 0} = await this.call({type: 'profile.get'});
		const update = async (profile, sites = {}) => {
			({revision} = await this.call({type: 'profile.update', baseRevision: revision, profile, sites}));
		};

		const depth = Math.max(0, ...Object.values(doc.previous ?? {}).map(list => list.length));
		for (let index = depth - 1; index >= 0; index--) {
			await update(withEarlierValues(doc.profile ?? {}, doc.previous, index));
		}

		await update(doc.profile ?? {}, doc.sites ?? {});
		return revision;
	}

	// The site's entry in sites.status ({id, seen, warnings, ...}) when a check
	// has observed it, or undefined when nothing was ever observed there.
	async observations(site) {
		const status = await this.call({type: 'sites.status'});
		const sites = status.sites ?? status;
		if (Array.isArray(sites)) {
			return sites.find(entry => (entry.site ?? entry.id) === site && isObserved(entry));
		}

		const entry = sites[site];
		return entry && isObserved(entry) ? entry : undefined;
	}

	// The pids of every host process the browser started, oldest first.
	hostPids() {
		if (!existsSync(this.pidFile)) {
			return [];
		}

		return readFileSync(this.pidFile, 'utf8').split('\n').filter(Boolean).map(Number);
	}

	// Registers the host for a Chromium profile only: <user-data-dir>/NativeMessagingHosts.
	// Installed (paths.js): the browser reads the system-wide manifest.
	registerChromium(userDataDir) {
		if (installed) {
			return;
		}

		const dir = join(userDataDir, 'NativeMessagingHosts');
		mkdirSync(dir, {recursive: true});
		writeFileSync(join(dir, `${hostName}.json`), JSON.stringify({
			name: hostName,
			description: 'oneself (end-to-end test host)',
			path: this.wrapper,
			type: 'stdio',
			allowed_origins: allowedCallers.chromium,
		}, null, 2));
	}

	// Registers the host for Firefox under a temporary HOME.
	registerFirefox(home) {
		if (installed) {
			return;
		}

		const dir = join(home, '.mozilla', 'native-messaging-hosts');
		mkdirSync(dir, {recursive: true});
		writeFileSync(join(dir, `${hostName}.json`), JSON.stringify({
			name: hostName,
			description: 'oneself (end-to-end test host)',
			path: this.wrapper,
			type: 'stdio',
			allowed_extensions: allowedCallers.firefox,
		}, null, 2));
	}

	cleanup() {
		// A host still exiting can write its log or state while the folder goes.
		rmSync(this.dir, {recursive: true, force: true, maxRetries: 3});
	}
}

export function canonicalDocument() {
	return JSON.parse(readFileSync(canonicalPath, 'utf8'));
}

// The profile as it was before the index-th newest replacement of each key
// that has one (keys as the store's `previous` names them).
function withEarlierValues(profile, previous = {}, index) {
	const earlier = structuredClone(profile);
	const value = key => previous[key]?.[index]?.value;
	if (value('name') !== undefined) {
		earlier.name = {...earlier.name, full: value('name')};
	}

	for (const key of ['headline', 'website']) {
		if (value(key) !== undefined) {
			earlier[key] = value(key);
		}
	}

	if (value('bio') !== undefined) {
		earlier.bio = {...earlier.bio, short: value('bio')};
	}

	if (value('location') !== undefined) {
		earlier.location = {display: value('location')};
	}

	const current = (earlier.work ?? []).findIndex(position => !position.end);
	if (current >= 0) {
		for (const key of ['employer', 'title']) {
			if (value(key) !== undefined) {
				earlier.work[current] = {...earlier.work[current], [key]: value(key)};
			}
		}
	}

	return earlier;
}

// sites.status gives each site `seen`: when a check last observed it, or null.
function isObserved(entry) {
	return Boolean(entry.seen);
}
