// What the popup shows for the current tab, from plain data.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {pageSentence, popupModel, unreadSentence} from '../../extension/popup/view-model.js';
import {describeState} from '../../extension/background/host-states.js';

const profile = {
	name: {full: 'Ada Whitfield'},
	headline: 'Staff Software Engineer at Lumen Labs',
	profiles: [{network: 'LinkedIn', username: 'ada-whitfield'}],
};

test('the host not installed: the state and its fix', () => {
	const model = popupModel({host: describeState('not_installed'), tab: {}, site: 'linkedin', profile: null, bio: null});
	assert.equal(model.host.ok, false);
	assert.match(model.host.title, /not installed/);
	assert.match(model.host.fix, /\.\/install\.sh/);
	assert.deepEqual(model.copies, []);
});

test('own page: the warnings count, unread fields, and the copies with the bio\'s length against the limit', () => {
	const model = popupModel({
		host: describeState('connected'),
		tab: {site: 'linkedin', own: true, warnings: [{}, {}, {}], unread: ['headline', 'photo']},
		site: 'linkedin',
		profile,
		bio: {site: 'linkedin', text: 'Builds calm tools.', length: 18, limit: 2600, truncated: false},
	});
	assert.equal(model.page, 'own');
	assert.equal(pageSentence(model), 'Your LinkedIn profile: 3 differences.');
	assert.equal(model.siteChanged, "LinkedIn may have changed its page: oneself couldn't find the headline and the photo on it, so they are not checked here. The options page shows when each was last read.");
	assert.deepEqual(model.unread, []);
	assert.deepEqual(model.copies.map(copy => [copy.label, copy.text, copy.detail]), [
		['Copy bio for LinkedIn', 'Builds calm tools.', '18 / 2600 characters'],
		['Copy name', 'Ada Whitfield', ''],
		['Copy headline', 'Staff Software Engineer at Lumen Labs', ''],
	]);
	assert.equal(model.claim, null);
});

test('someone else\'s page on a network with an entry: no "This is my profile"', () => {
	const model = popupModel({host: describeState('connected'), tab: {site: 'linkedin', own: false, handle: 'someone', url: 'https://www.linkedin.com/in/someone/'}, site: 'linkedin', profile, bio: null});
	assert.equal(model.page, 'other');
	assert.equal(model.claim, null);
	assert.match(pageSentence(model), /does not read it/);
});

test('a network without an entry: offers "This is my profile" with the handle and URL', () => {
	const model = popupModel({host: describeState('connected'), tab: {site: 'x', own: false, handle: 'adaw', url: 'https://x.com/adaw'}, site: 'x', profile, bio: {text: 'Short bio', limit: 160, length: 9, truncated: true}});
	assert.deepEqual(model.claim, {network: 'X', username: 'adaw', url: 'https://x.com/adaw'});
	assert.equal(model.copies[0].label, 'Copy bio for X');
	assert.equal(model.copies[0].detail, '9 / 160 characters, shortened');
});

test('"Twitter" in profiles[] is X', () => {
	const model = popupModel({host: describeState('connected'), tab: {site: 'x', own: false, handle: 'adaw'}, site: 'x', profile: {profiles: [{network: 'Twitter', username: 'adaw'}]}, bio: null});
	assert.equal(model.claim, null);
});

test('a photo the background could not fetch is unread too', () => {
	const model = popupModel({host: describeState('connected'), tab: {site: 'github', own: true, warnings: [], unread: [], photoUnread: true}, site: 'github', profile, bio: null});
	assert.deepEqual(model.unread, ["Couldn't read the photo on this page."]);
	assert.equal(pageSentence(model), 'Your GitHub profile matches your canonical profile.');
});

test('fields the module could not find: the site may have changed, named with its fields in words', () => {
	const one = popupModel({host: describeState('connected'), tab: {site: 'x', own: true, warnings: [], unread: ['location']}, site: 'x', profile, bio: null});
	assert.equal(one.siteChanged, "X may have changed its page: oneself couldn't find the location on it, so it is not checked here. The options page shows when each was last read.");
	const three = popupModel({host: describeState('connected'), tab: {site: 'github', own: true, warnings: [], unread: ['name', 'bio', 'employer']}, site: 'github', profile, bio: null});
	assert.match(three.siteChanged, /^GitHub may have changed its page: oneself couldn't find the name, the bio and the employer on it, so they are not checked here\./);
	// Someone else's page, or an own page with everything read, says nothing of the kind.
	const other = popupModel({host: describeState('connected'), tab: {site: 'x', own: false, handle: 'marcus', unread: ['bio']}, site: 'x', profile, bio: null});
	assert.equal(other.siteChanged, null);
	const whole = popupModel({host: describeState('connected'), tab: {site: 'x', own: true, warnings: [], unread: []}, site: 'x', profile, bio: null});
	assert.equal(whole.siteChanged, null);
});

test('unread sentences name the field in words', () => {
	assert.equal(unreadSentence('title'), "Couldn't read the job title on this page.");
	assert.equal(unreadSentence('experience'), "Couldn't read the experience list on this page.");
});

test('the user\'s website: "Your website", a page with no card of her not a profile page, and no "This is my profile"', () => {
	const withSite = {...profile, website: 'https://ada.example.com'};
	const checked = popupModel({host: describeState('connected'), tab: {site: 'website', own: true, warnings: [{}], unread: [], checkedAt: 1}, site: 'website', profile: withSite, bio: null});
	assert.equal(pageSentence(checked), 'Your website: 1 difference.');
	const matching = popupModel({host: describeState('connected'), tab: {site: 'website', own: true, warnings: [], unread: [], checkedAt: 1}, site: 'website', profile: withSite, bio: null});
	assert.equal(pageSentence(matching), 'Your website matches your canonical profile.');
	// A page with no card of her (a post) reports nothing: not a profile page.
	const post = popupModel({host: describeState('connected'), tab: {}, site: 'website', profile: withSite, bio: null});
	assert.equal(pageSentence(post), 'Website: not a profile page, or not read yet.');
	// A page outside the canonical website's path: the canonical website is the entry.
	const outside = popupModel({host: describeState('connected'), tab: {site: 'website', own: false, handle: 'ada.example.com', url: 'https://ada.example.com/~bob/'}, site: 'website', profile: withSite, bio: null});
	assert.equal(outside.claim, null);
});

test('a tab reported as no profile page (a navigation inside the site) shows no earlier page', () => {
	const model = popupModel({host: describeState('connected'), tab: {site: 'linkedin', kind: 'none', own: false, handle: null}, site: 'linkedin', profile: {}, bio: null});
	assert.equal(model.claim, null);
	assert.equal(pageSentence(model), 'LinkedIn: not a profile page, or not read yet.');
});
