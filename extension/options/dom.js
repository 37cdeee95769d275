// The options page's sections make their elements here: text is only ever
// set as textContent (profile values and host messages are never markup).
export function make(tag, text) {
	const node = document.createElement(tag);
	if (text !== undefined) {
		node.textContent = text;
	}

	return node;
}
