// The options page's logic: merge patches, per-site counters, readable history.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {counters, describeChanges, ignoresOf, mergePatch, siteLength, updateRequest} from '../../extension/options/model.js';

test('the merge patch names only what changed; removed keys become null; arrays replace wholly', () => {
	const before = {name: {full: 'Ada Whitfield', given: 'Ada'}, headline: 'Senior', links: [{label: 'Blog', url: 'https://a'}], email: 'a@b'};
	const after = {name: {full: 'Ada Whitfield', given: 'Adelaide'}, headline: 'Senior', links: [{label: 'Blog', url: 'https://b'}]};
	assert.deepEqual(mergePatch(before, after), {name: {given: 'Adelaide'}, links: [{label: 'Blog', url: 'https://b'}], email: null});
	assert.equal(mergePatch(before, structuredClone(before)), undefined);
});

test('an ended-less position with end: null is the same as one without end', () => {
	const before = {work: [{employer: 'Lumen Labs', title: 'Staff', start: '2021-03', end: null}]};
	const after = {work: [{employer: 'Lumen Labs', title: 'Staff', start: '2021-03'}]};
	assert.equal(mergePatch(before, after), undefined);
});

test('the update request carries the base revision, and is null when nothing changed', () => {
	const snapshot = {revision: 7, doc: {profile: {headline: 'A'}, sites: {x: {policy: 'personal'}}}};
	assert.equal(updateRequest(snapshot, {headline: 'A'}, {x: {policy: 'personal'}}), null);
	assert.deepEqual(updateRequest(snapshot, {headline: 'B'}, {}), {baseRevision: 7, profile: {headline: 'B'}, sites: {x: null}});
});

const sites = [
	{id: 'x', name: 'X', counting: 'codepoints-url23', limits: {bio: 160, name: 50}},
	{id: 'bluesky', name: 'Bluesky', counting: 'graphemes', limits: {bio: 256}},
	{id: 'github', name: 'GitHub', counting: 'codepoints', limits: {bio: 160}},
	{id: 'linkedin', name: 'LinkedIn', counting: 'codepoints', limits: {headline: 220}},
];

test('counters count as each site counts, for the sites that limit the field', () => {
	const text = `Hi 👩‍👩‍👧‍👦 https://example.com/a/very/long/path/that/is/long`;
	const shown = counters(text, 'bio', sites);
	assert.deepEqual(shown.map(counter => counter.site), ['x', 'bluesky', 'github']);
	assert.equal(shown.find(counter => counter.site === 'x').length, 3 + 7 + 1 + 23);
	assert.equal(shown.find(counter => counter.site === 'bluesky').length, [...new Intl.Segmenter().segment(text)].length);
	assert.equal(shown.find(counter => counter.site === 'github').length, [...text].length);
	assert.deepEqual(counters('x'.repeat(221), 'headline', sites), [{site: 'linkedin', name: 'LinkedIn', length: 221, limit: 220, over: true}]);
	assert.equal(siteLength('é', 'codepoints'), 1);
});

test('history changes read as sentences, down to the part that changed', () => {
	assert.deepEqual(describeChanges({
		headline: {from: 'Senior Engineer', to: 'Staff Engineer'},
		website: {from: null, to: 'https://ada.example.com'},
		location: {from: {display: 'Seattle, WA'}, to: {display: 'Boston, MA', city: 'Boston'}},
		work: {
			from: [{employer: 'Northwind', title: 'Senior Engineer', start: '2017-06', end: null}],
			to: [{employer: 'Northwind', title: 'Senior Engineer', start: '2017-06', end: '2021-02'}, {employer: 'Lumen Labs', title: 'Staff Engineer', start: '2021-03'}],
		},
		'sites.x': {from: {policy: 'personal'}, to: null},
		email: {from: 'a@example.com', to: null},
	}).map(line => line.replace(/\u2068|\u2069/g, '')), [
		'headline: Senior Engineer → Staff Engineer',
		'website: set to https://ada.example.com',
		'location.display: Seattle, WA → Boston, MA',
		'location.city: set to Boston',
		'work: removed Senior Engineer at Northwind (2017-06 – now)',
		'work: added Senior Engineer at Northwind (2017-06 – 2021-02)',
		'work: added Staff Engineer at Lumen Labs (2021-03 – now)',
		'sites.x.policy: removed (was personal)',
		'email: removed (was a@example.com)',
	]);
});

test('values in history lines are isolated, so right-to-left ones read in order', () => {
	assert.deepEqual(describeChanges({headline: {from: 'مهندس', to: 'مهندس أول'}, website: {from: null, to: 'https://example.com'}}), [
		'headline: \u2068مهندس\u2069 → \u2068مهندس أول\u2069',
		'website: set to \u2068https://example.com\u2069',
	]);
});

test('the ignores of every site, flattened', () => {
	assert.deepEqual(ignoresOf({x: {ignores: [{field: 'bio', observed: 'hi', at: 't'}]}, github: {policy: 'off'}}), [{site: 'x', field: 'bio', observed: 'hi', at: 't'}]);
});
