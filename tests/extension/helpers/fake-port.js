// A fake native messaging port in the adapter's shape, standing in for the
// host: records what was posted, answers on demand, and can die the ways the
// browsers report (a disconnect with the browser's error text).

export function fakeNative({autoHello = true} = {}) {
	const ports = [];

	function connect(name) {
		const port = {
			name,
			posted: [],
			closedByUs: false,
			messageListeners: [],
			disconnectListeners: [],
			post(message) {
				if (port.dead) {
					throw new Error('Attempting to use a disconnected port object');
				}

				port.posted.push(message);
				if (autoHello && message.type === 'hello') {
					queueMicrotask(() => port.reply(message.id, {protocol: 1, version: '0.1.0', store: {revision: 0}}));
				}
			},
			disconnect() {
				port.closedByUs = true;
				port.dead = true;
			},
			onMessage(callback) {
				port.messageListeners.push(callback);
			},
			onDisconnect(callback) {
				port.disconnectListeners.push(callback);
			},
			// Test side:
			reply(id, result) {
				for (const listener of port.messageListeners) {
					listener({id, ok: true, result});
				}
			},
			replyError(id, code, message) {
				for (const listener of port.messageListeners) {
					listener({id, ok: false, error: {code, message}});
				}
			},
			die(reason) {
				port.dead = true;
				for (const listener of port.disconnectListeners) {
					listener(reason);
				}
			},
			requests: type => port.posted.filter(message => message.type === type),
		};
		ports.push(port);
		return port;
	}

	return {connect, ports, last: () => ports.at(-1)};
}

// A memory in the shape NativeClient wants, backed by a plain object.
export function fakeMemory(initial) {
	let value = initial;
	return {
		get: async () => value,
		set: async next => {
			value = next;
		},
		peek: () => value,
	};
}
