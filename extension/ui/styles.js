'use strict';
// The warning UI's styles, applied inside its shadow roots so that the site's
// CSS cannot reach in and ours cannot leak out.
(function defineStyles(root) {
	const ui = (root.oneself.ui ??= {});
	ui.styles = {
		// The warning's :host is important for the same reason as the
		// panel's below: a page's rule for custom elements must not hide it.
		warning: `
:host { all: initial !important; display: block !important; margin: 4px 0 !important; font: 13px/1.4 system-ui, sans-serif !important; color: #1f2937 !important; }
.box { border-left: 3px solid #d97706; background: #fffbeb; padding: 6px 8px; border-radius: 4px; max-width: 40em; }
:host([data-severity="error"]) .box { border-color: #b91c1c; background: #fef2f2; }
:host([data-severity="info"]) .box { border-color: #6b7280; background: #f9fafb; }
.message { margin: 0 0 4px; font-weight: 600; }
.canonical { margin: 0 0 4px; overflow-wrap: anywhere; white-space: pre-wrap; }
.label { color: #4b5563; font-weight: 400; }
.canonical[data-clamped] .value { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
.more { font-size: 12px; padding: 0 6px; margin-left: 4px; }
.count { margin: 0 0 4px; font-variant-numeric: tabular-nums; }
.count[data-over] { color: #b91c1c; font-weight: 600; }
.problem { margin: 4px 0 0; color: #b91c1c; }
.actions { display: flex; gap: 6px; flex-wrap: wrap; }
button { font: inherit; padding: 2px 8px; border: 1px solid #9ca3af; border-radius: 4px; background: #fff; color: #111827; cursor: pointer; }
button:hover { background: #f3f4f6; }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
[hidden] { display: none !important; }
`,
		// The badge's :host is important too: a page's rule for custom
		// elements (or its inline style on them) must not hide or move it.
		summary: `
:host { all: initial !important; position: fixed !important; inset: auto 16px 16px auto !important; z-index: 2147483646 !important; display: flex !important; flex-direction: column !important; align-items: flex-end !important; margin: 0 !important; font: 13px/1.4 system-ui, sans-serif !important; color: #1f2937 !important; }
.badge { font: inherit; font-weight: 600; padding: 6px 12px; border-radius: 16px; border: 1px solid #d97706; background: #fffbeb; color: #92400e; cursor: pointer; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
.badge:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.panel { margin-bottom: 8px; max-width: 28em; max-height: 60vh; overflow: auto; background: #fff; border: 1px solid #d1d5db; border-radius: 8px; padding: 8px 12px; box-shadow: 0 2px 8px rgba(0,0,0,.2); }
ul { margin: 0; padding-left: 1.2em; }
li { margin: 4px 0; overflow-wrap: anywhere; }
.field { font-weight: 600; }
.go { font: inherit; font-size: 12px; padding: 0 6px; border: 1px solid #9ca3af; border-radius: 4px; background: #fff; cursor: pointer; }
.go:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
[hidden] { display: none !important; }
`,
		// Important throughout :host: in the cascade an important rule of
		// a shadow root wins over the page's, even its important and inline
		// ones, so the page can neither hide nor squash the panel.
		// Below 44em the panel (up to 32em wide, from the left) would reach
		// the summary's badge in the bottom-right corner (16px up, 33px
		// high), so there it sits above the badge instead. Both are in em of
		// the browser's default font size, so they scale together.
		orphans: `
:host { all: initial !important; display: block !important; position: fixed !important; inset: auto auto 16px 16px !important; z-index: 2147483647 !important; margin: 0 !important; padding: 0 !important; border: 0 !important; background: transparent !important; overflow: visible !important; width: auto !important; height: auto !important; max-width: min(32em, calc(100vw - 32px)) !important; }
.panel { box-sizing: border-box; max-height: min(50vh, 32em); overflow: auto; overscroll-behavior: contain; background: #fff; border: 1px solid #d1d5db; border-radius: 8px; padding: 0 12px 8px; box-shadow: 0 2px 8px rgba(0,0,0,.25); font: 13px/1.4 system-ui, sans-serif; color: #1f2937; }
.panel:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.head { position: sticky; top: 0; display: flex; align-items: center; justify-content: space-between; gap: 12px; padding: 8px 0 4px; background: #fff; }
h2 { margin: 0; font: inherit; font-weight: 600; }
button { font: 13px/1.4 system-ui, sans-serif; padding: 2px 8px; border: 1px solid #9ca3af; border-radius: 4px; background: #fff; color: #111827; cursor: pointer; }
button:hover { background: #f3f4f6; }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.reopen { font-weight: 600; padding: 6px 12px; border-radius: 16px; border-color: #d97706; background: #fffbeb; color: #92400e; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
[hidden] { display: none !important; }
@media (max-width: 44em) { :host { bottom: 60px !important; } }
`,
	};
})(globalThis);
