// Deterministic timers for the background and content logic: time moves only
// when a test says so, and pending promise callbacks run between timers.

export function fakeTimers(start = 1_000_000) {
	let now = start;
	let nextId = 1;
	const timers = new Map();

	const settle = () => new Promise(resolve => setImmediate(resolve));

	return {
		now: () => now,
		setTimeout(callback, ms = 0) {
			const id = nextId++;
			timers.set(id, {at: now + Math.max(0, ms), callback});
			return id;
		},
		clearTimeout(id) {
			timers.delete(id);
		},
		pending: () => timers.size,
		// Moves the clock forward by `ms`, firing due timers in order and
		// letting promises settle after each.
		async advance(ms) {
			const end = now + ms;
			await settle();
			for (;;) {
				const due = [...timers.entries()].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0]);
				if (due.length === 0) {
					break;
				}

				const [id, timer] = due[0];
				timers.delete(id);
				now = Math.max(now, timer.at);
				timer.callback();
				await settle();
			}

			now = end;
			await settle();
		},
		settle,
	};
}
