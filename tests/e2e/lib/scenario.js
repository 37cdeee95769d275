// One scenario = one node:test test, run three times when CI is set (each run
// with a fresh browser profile and a fresh store) to flush out flakiness.
import {test} from 'node:test';

export const repetitions = Number(process.env.ONESELF_E2E_REPEAT ?? (process.env.CI ? 3 : 1));

export function scenario(name, options, fn) {
	if (typeof options === 'function') {
		[fn, options] = [options, {}];
	}

	for (let run = 1; run <= repetitions; run++) {
		const label = repetitions > 1 ? `${name} [run ${run}/${repetitions}]` : name;
		test(label, {timeout: 120_000, ...options}, fn);
	}
}
