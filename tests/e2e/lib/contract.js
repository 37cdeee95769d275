// Reading the extension's test contract from a page: every warning
// is a light-DOM <oneself-warning data-field data-severity data-code> whose
// text is the message; <html data-oneself-checks=N> counts completed rounds.
// Works the same through CDP (Chromium) and WebDriver BiDi (Firefox).

const defaultTimeout = Number(process.env.ONESELF_E2E_TIMEOUT ?? 20_000);

// Completed check rounds on this page so far (0 before the first).
export async function checkRounds(page) {
	return page.evaluate(() => Number(document.documentElement.dataset.oneselfChecks ?? 0));
}

// Waits until at least `rounds` check rounds have completed on the page. A
// failed round also counts as completed (the content script marks it with
// data-oneself-error): that is an error here, unless `allowError`.
export async function waitForChecks(page, rounds = 1, timeout = defaultTimeout, {allowError = false} = {}) {
	// The count and the error are read together: a later round may have
	// ended otherwise by the time a second read is made.
	const handle = await page.waitForFunction(
		n => {
			const marks = document.documentElement.dataset;
			return Number(marks.oneselfChecks ?? 0) >= n && {error: marks.oneselfError ?? ''};
		},
		{timeout, polling: 'mutation'},
		rounds,
	);
	const {error} = await handle.jsonValue();
	await handle.dispose().catch(() => {});
	if (error && !allowError) {
		throw new Error(`a check round on ${page.url()} failed: ${error}`);
	}
}

// The view page's badge: {count, text} of <oneself-summary>, or null.
export async function pageBadge(page) {
	return page.evaluate(() => {
		const summary = document.querySelector('oneself-summary');
		return summary ? {count: summary.dataset.count, text: summary.shadowRoot?.querySelector('.badge')?.textContent ?? ''} : null;
	});
}

// Runs `action` (typing, a click), then waits for the next check round.
export async function afterNextCheck(page, action, timeout = defaultTimeout) {
	const before = await checkRounds(page);
	await action();
	await waitForChecks(page, before + 1, timeout);
}

// Every warning on the page: [{field, severity, code, text}], sorted by field.
export async function warnings(page) {
	const list = await page.evaluate(() => [...document.querySelectorAll('oneself-warning')].map(element => ({
		field: element.dataset.field,
		severity: element.dataset.severity,
		code: element.dataset.code,
		text: element.textContent.trim(),
	})));
	return list.sort((a, b) => a.field.localeCompare(b.field) || a.code.localeCompare(b.code));
}

export async function warningsFor(page, field) {
	return (await warnings(page)).filter(warning => warning.field === field);
}

// Clicks a button (by its visible text) inside the shadow root of the warning
// for `field`. The visible UI lives in the shadow root; the light-DOM element
// is only the contract.
export async function clickWarningButton(page, field, label) {
	const clicked = await page.evaluate((field, label) => {
		const host = document.querySelector(`oneself-warning[data-field="${field}"]`);
		const root = host?.shadowRoot ?? host;
		const button = [...(root?.querySelectorAll('button') ?? [])]
			.find(candidate => candidate.textContent.trim().toLowerCase().startsWith(label.toLowerCase()));
		if (!button) {
			return false;
		}

		button.click();
		return true;
	}, field, label);
	if (!clicked) {
		throw new Error(`no "${label}" button in the ${field} warning`);
	}
}
