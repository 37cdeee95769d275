// The host connection's states, each with what the user can do about it.
// The browsers' native messaging errors are mapped here and nowhere else.

export const HOST_STATES = Object.freeze({
	unknown: {ok: true, title: 'Not connected yet', fix: ''},
	connected: {ok: true, title: 'Connected to the oneself host', fix: ''},
	idle: {ok: true, title: 'Connected (the host sleeps while unused)', fix: ''},
	not_installed: {
		ok: false,
		title: 'The oneself host is not installed for this browser',
		fix: 'Run ./install.sh in the oneself folder, then reload this page.',
	},
	forbidden: {
		ok: false,
		title: 'The browser refused to start the oneself host',
		fix: 'Run `oneself doctor`: it checks the host manifest and the allowed extension id, and prints the command that fixes each problem.',
	},
	crashed: {
		ok: false,
		title: 'The oneself host stopped unexpectedly',
		// After 6 automatic attempts (about 30 s) only a new request tries again.
		fix: 'oneself tries to reconnect by itself a few times; after that, reopen this page to try again. If this keeps happening, run `oneself doctor` and read the host log it points to.',
	},
	comm_error: {
		ok: false,
		title: 'The browser could not talk to the oneself host',
		fix: 'Run `oneself doctor`; reinstall with ./install.sh if the installed binary is not the one it expects.',
	},
	timeout: {
		ok: false,
		title: 'The oneself host did not answer in time',
		fix: 'Try again. If it persists, run `oneself doctor`.',
	},
	unsupported: {
		ok: false,
		title: 'The installed oneself host speaks another protocol version',
		fix: 'Update both: run ./install.sh from the same checkout as this extension.',
	},
});

// Error texts as the browsers word them (Chromium first, then Firefox).
const PATTERNS = [
	[/native messaging host not found|no such native application|invalid native messaging host name/i, 'not_installed'],
	[/forbidden|does not have permission to use native application/i, 'forbidden'],
	[/error when communicating with the native messaging host/i, 'comm_error'],
	[/failed to start native messaging host/i, 'not_installed'],
	[/native host has exited|unexpected error|exited/i, 'crashed'],
];

// A native port's disconnect reason (string or null) to a state name.
export function classifyNativeError(message) {
	for (const [pattern, state] of PATTERNS) {
		if (message && pattern.test(message)) {
			return state;
		}
	}

	// Firefox gives no reason when the host simply exits.
	return 'crashed';
}

// The record stored in storage.session and shown by the popup and options page.
export function describeState(state, detail = '') {
	const known = HOST_STATES[state] ?? HOST_STATES.comm_error;
	return {state, ok: known.ok, title: known.title, fix: known.fix, detail};
}

// An Error that carries a state, for rejected requests.
export function hostError(state, detail = '') {
	const described = describeState(state, detail);
	const error = new Error(described.title);
	error.code = state;
	error.fix = described.fix;
	error.detail = detail;
	return error;
}
