// Routing by named channel, with privilege decided once, from the sender:
// - 'extension': the extension's own pages (popup, options), which may change the store;
// - 'content': a content script in a tab, which may only ask for checks and fitted values;
// - anything else is refused.
// Every message gets an answer, even an unknown channel, so callers never hang.

export function senderKind(sender, {extensionOrigin, extensionId}) {
	if (!sender || sender.id !== extensionId) {
		return 'foreign';
	}

	const url = String(sender.url ?? '');
	if (url.startsWith(extensionOrigin)) {
		return 'extension';
	}

	if (sender.tab && Number.isInteger(sender.tab.id) && sender.tab.id >= 0) {
		return 'content';
	}

	return 'foreign';
}

export function failure(code, message, fix) {
	return {ok: false, error: fix ? {code, message, fix} : {code, message}};
}

// channels: {name: {allow: ['content' | 'extension', ...], handle(payload, context)}}
// where handle returns (a promise of) a reply {ok, result | error}.
export function createRouter({channels, extensionOrigin, extensionId}) {
	return async function route(message, sender) {
		const channel = typeof message?.channel === 'string' ? channels[message.channel] : undefined;
		if (!channel || !Object.hasOwn(channels, message.channel)) {
			return failure('unknown_channel', `No channel named ${JSON.stringify(String(message?.channel))}.`);
		}

		const kind = senderKind(sender, {extensionOrigin, extensionId});
		if (!channel.allow.includes(kind)) {
			return failure('forbidden', `The channel ${message.channel} is not open to ${kind === 'content' ? 'web pages' : 'this sender'}.`);
		}

		const context = {kind, sender, tabId: sender.tab?.id, url: sender.url ?? sender.tab?.url ?? ''};
		try {
			return await channel.handle(message.payload ?? {}, context);
		} catch (error) {
			if (error?.code) {
				return failure(error.code, error.message, error.fix);
			}

			return failure('internal', String(error?.message ?? error));
		}
	};
}
