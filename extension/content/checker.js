'use strict';
// When to ask the host, in an edit form: each field's input is debounced
// (about 300 ms), one request per field is in flight at a time (typing during
// it sends the newest value once it returns), and a reply whose field changed
// since it was asked is dropped as stale. Knows nothing of the DOM.
(function defineChecker(root) {
	const content = (root.oneself.content ??= {});

	// send(fields) → Promise<reply, or null when nothing was sent (the page
	// was left)>; read(field) → the field's current value;
	// apply(reply, freshFields) renders a reply for the fields it is still true for;
	// fail(replyOrError, fields) reports a failed round.
	function createChecker({send, read, apply, fail, timers = root, delayMs = 300}) {
		const generation = new Map(); // field → count of inputs seen
		const debounce = new Map(); // field → timer
		const inFlight = new Set();
		const dirty = new Set(); // typed while in flight: ask again when it returns
		let disposed = false;
		const stats = {sent: 0, applied: 0, dropped: 0};

		const gen = field => generation.get(field) ?? 0;

		function run(fields, names) {
			const asked = new Map(names.map(name => [name, gen(name)]));
			stats.sent++;
			return Promise.resolve()
				.then(() => send(fields))
				.then(reply => {
					if (disposed || reply === null) {
						return;
					}

					const fresh = names.filter(name => gen(name) === asked.get(name));
					if (!reply?.ok) {
						fail?.(reply, names);
						return;
					}

					if (fresh.length === 0) {
						stats.dropped++;
						return;
					}

					stats.applied++;
					apply(reply, fresh);
				}, error => {
					if (!disposed) {
						fail?.(error, names);
					}
				});
		}

		// A full round: every field in `fields` ({name: value}) at once.
		function round(fields) {
			const names = Object.keys(fields);
			if (names.length === 0 || disposed) {
				return Promise.resolve();
			}

			return run(fields, names);
		}

		function request(field) {
			if (disposed) {
				return;
			}

			if (inFlight.has(field)) {
				dirty.add(field);
				return;
			}

			inFlight.add(field);
			const value = read(field);
			run({[field]: value}, [field]).finally(() => {
				inFlight.delete(field);
				if (dirty.delete(field)) {
					request(field);
				}
			});
		}

		// The user changed `field`: ask again once the typing pauses.
		function input(field) {
			if (disposed) {
				return;
			}

			generation.set(field, gen(field) + 1);
			timers.clearTimeout(debounce.get(field));
			debounce.set(field, timers.setTimeout(() => {
				debounce.delete(field);
				request(field);
			}, delayMs));
		}

		function dispose() {
			disposed = true;
			for (const timer of debounce.values()) {
				timers.clearTimeout(timer);
			}

			debounce.clear();
		}

		return {round, input, dispose, stats, pending: () => debounce.size + inFlight.size};
	}

	content.createChecker = createChecker;
})(globalThis);
