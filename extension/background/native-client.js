// One native messaging port to the host: opened on first need, closed after
// a few idle minutes; every request has an id and a timeout, and replies are
// matched by id. After an unexpected exit it reconnects with exponential
// backoff. Everything it must remember across a service worker eviction (the
// backoff) lives in `memory` (storage.session in the extension).

import {classifyNativeError, describeState, hostError} from './host-states.js';

export const PROTOCOL = 1;

export class NativeClient {
	#connect;
	#hostName;
	#timeoutMs;
	#idleMs;
	#baseBackoffMs;
	#maxBackoffMs;
	#maxAutoReconnects;
	#timers;
	#now;
	#memory;
	#onState;

	#port = null;
	#connecting = null;
	#nextId = 1;
	#pending = new Map();
	// Ids sent on this port that the host has not answered yet, oldest first,
	// those timed out here included: the host answers in order, so a reply
	// with id null (a frame it could not read) answers the first of them.
	#unanswered = [];
	#timedOut = false; // the state says `timeout` until the host answers again
	#idleTimer = null;
	#reconnectTimer = null;
	#backoff = null; // {attempts, lastFailureAt}, loaded from memory once
	#hello = null;

	// connect(hostName) returns a port in the adapter's shape:
	// {post, disconnect, onMessage(cb), onDisconnect(cb(reason))}.
	// memory: {get(): Promise<object|undefined>, set(object): Promise}.
	// onState(record) is told every state change.
	constructor({
		connect,
		hostName = 'org.oneself.host',
		timeoutMs = 10_000,
		idleMs = 3 * 60_000,
		baseBackoffMs = 500,
		maxBackoffMs = 30_000,
		maxAutoReconnects = 6,
		timers = globalThis,
		now = () => Date.now(),
		memory = {get: async () => undefined, set: async () => {}},
		onState = () => {},
	}) {
		this.#connect = connect;
		this.#hostName = hostName;
		this.#timeoutMs = timeoutMs;
		this.#idleMs = idleMs;
		this.#baseBackoffMs = baseBackoffMs;
		this.#maxBackoffMs = maxBackoffMs;
		this.#maxAutoReconnects = maxAutoReconnects;
		this.#timers = timers;
		this.#now = now;
		this.#memory = memory;
		this.#onState = onState;
	}

	get connected() {
		return this.#port !== null;
	}

	// The host's hello reply of the current connection, or null.
	get hello() {
		return this.#hello;
	}

	// The delay before the next connection attempt after `attempts` failures.
	backoffDelay(attempts) {
		if (attempts <= 0) {
			return 0;
		}

		return Math.min(this.#maxBackoffMs, this.#baseBackoffMs * (2 ** (attempts - 1)));
	}

	// Sends {type, ...} and resolves with the host's whole reply
	// ({id, ok, result} or {id, ok: false, error}). Rejects with a hostError
	// (error.code = a state name) when the transport fails or times out.
	async request(message, {timeoutMs = this.#timeoutMs} = {}) {
		await this.#ensureConnected();
		return this.#send(message, timeoutMs);
	}

	// Closes the port now (the next request opens a new one).
	close() {
		this.#clearIdle();
		if (this.#port) {
			const port = this.#port;
			this.#port = null;
			this.#hello = null;
			port.disconnect();
		}

		this.#failPending('idle', 'closed');
	}

	async #loadBackoff() {
		if (!this.#backoff) {
			const saved = await this.#memory.get();
			this.#backoff = {attempts: saved?.attempts ?? 0, lastFailureAt: saved?.lastFailureAt ?? 0};
		}

		return this.#backoff;
	}

	async #saveBackoff() {
		await this.#memory.set({...this.#backoff});
	}

	#ensureConnected() {
		if (this.#port) {
			return Promise.resolve();
		}

		this.#connecting ??= this.#open().finally(() => {
			this.#connecting = null;
		});
		return this.#connecting;
	}

	async #open() {
		const backoff = await this.#loadBackoff();
		const wait = this.backoffDelay(backoff.attempts) - (this.#now() - backoff.lastFailureAt);
		if (wait > 0) {
			await new Promise(resolve => this.#timers.setTimeout(resolve, wait));
		}

		if (this.#port) {
			return;
		}

		let port;
		try {
			port = this.#connect(this.#hostName);
		} catch (error) {
			// Some browsers throw synchronously for an unknown host name.
			this.#emit(classifyNativeError(error?.message), error?.message);
			throw hostError(classifyNativeError(error?.message), error?.message);
		}

		this.#port = port;
		this.#unanswered = [];
		this.#timedOut = false;
		port.onMessage(message => this.#onMessage(port, message));
		port.onDisconnect(reason => this.#onDisconnect(port, reason));

		let reply;
		try {
			reply = await this.#send({type: 'hello', protocol: PROTOCOL}, this.#timeoutMs);
		} catch (error) {
			// No handshake, no port: a hello that timed out (its state is
			// already `timeout`) or could not be posted would leave a port
			// that later requests use without a hello. The next request
			// opens a new one.
			if (this.#port === port) {
				this.close();
			}

			throw error;
		}

		if (!reply.ok) {
			const state = reply.error?.code === 'unsupported_protocol' ? 'unsupported' : reply.error?.code === 'forbidden' ? 'forbidden' : 'comm_error';
			this.#emit(state, reply.error?.message ?? '');
			this.close();
			throw hostError(state, reply.error?.message ?? '');
		}

		this.#hello = reply.result ?? {};
		backoff.attempts = 0;
		backoff.lastFailureAt = 0;
		await this.#saveBackoff();
		this.#emit('connected', '', {version: this.#hello.version, store: this.#hello.store});
	}

	#send(message, timeoutMs) {
		const port = this.#port;
		if (!port) {
			return Promise.reject(hostError('crashed', 'the port closed before the request was sent'));
		}

		const id = this.#nextId++;
		this.#clearIdle();
		return new Promise((resolve, reject) => {
			const timer = this.#timers.setTimeout(() => {
				this.#pending.delete(id);
				this.#armIdle();
				const detail = `${message.type} got no reply within ${timeoutMs} ms`;
				this.#timedOut = true;
				this.#emit('timeout', detail);
				reject(hostError('timeout', detail));
			}, timeoutMs);
			this.#pending.set(id, {resolve, reject, timer});
			try {
				port.post({...message, id});
				this.#unanswered.push(id);
			} catch (error) {
				this.#timers.clearTimeout(timer);
				this.#pending.delete(id);
				reject(hostError('crashed', error?.message));
			}
		});
	}

	#onMessage(port, message) {
		if (port !== this.#port) {
			return;
		}

		const id = message?.id === null && message.ok === false ? this.#unanswered[0] : message?.id;
		// In order: a reply to this id means every earlier one was answered.
		const index = this.#unanswered.indexOf(id);
		if (index >= 0) {
			this.#unanswered.splice(0, index + 1);
		}

		if (this.#timedOut && port === this.#port && this.#hello) {
			this.#timedOut = false;
			this.#emit('connected', '', {version: this.#hello.version, store: this.#hello.store});
		}

		const entry = this.#pending.get(id);
		if (!entry) {
			// A reply after its timeout, or one we never asked for: dropped.
			return;
		}

		this.#pending.delete(id);
		this.#timers.clearTimeout(entry.timer);
		// An id-null error is the host's answer to that request: passed on
		// with the request's id, like any other error reply.
		entry.resolve({...message, id});
		this.#armIdle();
	}

	#onDisconnect(port, reason) {
		if (port !== this.#port) {
			return;
		}

		this.#port = null;
		this.#hello = null;
		this.#clearIdle();
		const state = classifyNativeError(reason);
		this.#failPending(state, reason ?? '');
		this.#emit(state, reason ?? '');
		if (state === 'crashed' || state === 'comm_error') {
			this.#scheduleReconnect();
		}
	}

	async #scheduleReconnect() {
		const backoff = await this.#loadBackoff();
		backoff.attempts += 1;
		backoff.lastFailureAt = this.#now();
		await this.#saveBackoff();
		if (backoff.attempts > this.#maxAutoReconnects || this.#reconnectTimer) {
			return;
		}

		this.#reconnectTimer = this.#timers.setTimeout(() => {
			this.#reconnectTimer = null;
			// A failure here is already reported through onState.
			this.#ensureConnected().then(() => this.#armIdle(), () => {});
		}, this.backoffDelay(backoff.attempts));
	}

	#failPending(state, detail) {
		for (const [id, entry] of this.#pending) {
			this.#pending.delete(id);
			this.#timers.clearTimeout(entry.timer);
			entry.reject(hostError(state, detail));
		}
	}

	#armIdle() {
		this.#clearIdle();
		if (this.#port && this.#pending.size === 0) {
			this.#idleTimer = this.#timers.setTimeout(() => {
				this.#idleTimer = null;
				if (this.#pending.size === 0) {
					this.close();
					this.#emit('idle', '');
				}
			}, this.#idleMs);
		}
	}

	#clearIdle() {
		if (this.#idleTimer) {
			this.#timers.clearTimeout(this.#idleTimer);
			this.#idleTimer = null;
		}
	}

	#emit(state, detail, extra = {}) {
		this.#onState({...describeState(state, detail), ...extra, at: this.#now()});
	}
}
