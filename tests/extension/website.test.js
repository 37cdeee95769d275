// The user's own website: its content scripts registered at run time, only
// with the host permission granted, on the site with and without "www.".
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {isAllowedImage, siteForUrl, siteProfiles} from '../../extension/background/site-hosts.js';
import {originsFor} from '../../extension/background/user-hosts.js';
import {createWebsites, normalizeWebsite} from '../../extension/background/website.js';
import {fakeExt} from './helpers/fake-ext.js';

test('a website is its bare hostname, without "www."; sites with a module of their own are refused', () => {
	assert.equal(normalizeWebsite('https://www.Ada.Example.com/about/'), 'ada.example.com');
	assert.equal(normalizeWebsite('ada.example.com'), 'ada.example.com');
	assert.equal(normalizeWebsite('www.example.org'), 'example.org');
	for (const text of ['', 'localhost', 'javascript:alert(1)', 'https://github.com/ada', 'x.com', 'www.linkedin.com', 'https://www.facebook.com/ada']) {
		assert.equal(normalizeWebsite(text), '', text);
	}
});

test('without the permission nothing is registered', async () => {
	const ext = fakeExt([]);
	assert.deepEqual(await createWebsites(ext).add('ada.example.com'), []);
	assert.deepEqual(ext.registered, []);
});

test('with the permission: registered on both forms of the host with the website module, remembered, removed again', async () => {
	const ext = fakeExt(originsFor('ada.example.com'));
	const websites = createWebsites(ext);
	assert.deepEqual(await websites.add('https://www.ada.example.com/'), ['ada.example.com']);
	const [script] = ext.registered;
	assert.equal(script.id, 'website:ada.example.com');
	assert.deepEqual(script.matches, ['https://ada.example.com/*', 'https://www.ada.example.com/*']);
	assert.ok(script.js.includes('sites/website.js'));
	assert.ok(!script.js.includes('sites/mastodon.js'));
	assert.equal(script.js.at(-1), 'content/main.js');
	assert.equal(script.persistAcrossSessions, true);
	assert.deepEqual(ext.stored.websiteHosts, ['ada.example.com']);

	// Twice is once.
	await websites.add('ada.example.com');
	assert.equal(ext.registered.length, 1);

	// The background now treats the site's pages as the website, and its own images as allowed.
	const hosts = await websites.list();
	assert.equal(siteForUrl('https://ada.example.com/about/', [], hosts), 'website');
	assert.equal(siteForUrl('https://www.ada.example.com/', [], hosts), 'website');
	assert.equal(siteForUrl('http://ada.example.com/', [], hosts), null);
	assert.equal(siteForUrl('https://marcus.example.net/', [], hosts), null);
	assert.equal(siteForUrl('https://github.com/ada', [], ['github.com']), 'github', 'a site with a module stays that site');
	assert.ok(isAllowedImage('website', 'https://www.ada.example.com/ada.jpg', 'https://ada.example.com/about/'));
	assert.ok(isAllowedImage('website', 'https://secure.gravatar.com/avatar/0?s=96', 'https://ada.example.com/wp-admin/profile.php'));
	assert.equal(isAllowedImage('website', 'https://tracker.example/pixel.png', 'https://ada.example.com/about/'), false);

	assert.deepEqual(await websites.remove('ada.example.com'), []);
	assert.deepEqual(ext.registered, []);
	assert.deepEqual(ext.removed, originsFor('ada.example.com'));
});

test('restore registers again what was lost', async () => {
	const ext = fakeExt(originsFor('ada.example.com'));
	ext.stored.websiteHosts = ['ada.example.com'];
	await createWebsites(ext).restore();
	assert.deepEqual(ext.registered.map(script => script.id), ['website:ada.example.com']);
});

test('the website module is given the canonical website first, then any "Website" entries of profiles[]', () => {
	const profile = {website: 'https://ada.example.com', profiles: [{network: 'GitHub', username: 'ada'}, {network: 'website', url: 'https://ada.example.org/'}]};
	assert.deepEqual(siteProfiles(profile, 'website'), [{network: 'Website', url: 'https://ada.example.com'}, {network: 'website', url: 'https://ada.example.org/'}]);
	assert.deepEqual(siteProfiles({profiles: []}, 'website'), []);
	assert.deepEqual(siteProfiles(profile, 'github'), [{network: 'GitHub', username: 'ada'}]);
	assert.deepEqual(siteProfiles(null, 'x'), []);
});
