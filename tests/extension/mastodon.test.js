// Mastodon instances: content scripts registered at run time, only with the
// host permission granted, with the manifest's scripts and the Mastodon module.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createMastodonInstances, normalizeInstance, originsFor} from '../../extension/background/mastodon.js';
import {siteForUrl, isAllowedImage} from '../../extension/background/site-hosts.js';
import {fakeExt} from './helpers/fake-ext.js';

test('instance names are normalized to a bare hostname', () => {
	assert.equal(normalizeInstance(' https://Mastodon.Social/@ada '), 'mastodon.social');
	assert.equal(normalizeInstance('hachyderm.io'), 'hachyderm.io');
	assert.equal(normalizeInstance('localhost'), '');
	assert.equal(normalizeInstance('javascript:alert(1)'), '');
	assert.equal(normalizeInstance(''), '');
});

test('without the permission nothing is registered', async () => {
	const ext = fakeExt([]);
	const instances = createMastodonInstances(ext);
	assert.deepEqual(await instances.add('mastodon.social'), []);
	assert.deepEqual(ext.registered, []);
});

test('with the permission: registered with the Mastodon module, remembered, and removed again', async () => {
	const ext = fakeExt(originsFor('mastodon.social'));
	const instances = createMastodonInstances(ext);
	assert.deepEqual(await instances.add('https://mastodon.social/'), ['mastodon.social']);
	assert.equal(ext.registered.length, 1);
	const [script] = ext.registered;
	assert.deepEqual(script.matches, ['https://mastodon.social/*']);
	assert.ok(script.js.includes('sites/mastodon.js'));
	assert.equal(script.js.at(-1), 'content/main.js');
	assert.equal(script.persistAcrossSessions, true);

	// Twice is once.
	await instances.add('mastodon.social');
	assert.equal(ext.registered.length, 1);

	// The background now treats the instance as Mastodon, and its media host too.
	const list = await instances.list();
	assert.equal(siteForUrl('https://mastodon.social/@ada', list), 'mastodon');
	assert.equal(siteForUrl('https://other.social/@ada', list), null);
	assert.ok(isAllowedImage('mastodon', 'https://files.mastodon.social/accounts/avatars/1.png', 'https://mastodon.social/@ada', list));
	assert.equal(isAllowedImage('mastodon', 'https://evil.example/a.png', 'https://mastodon.social/@ada', list), false);

	assert.deepEqual(await instances.remove('mastodon.social'), []);
	assert.deepEqual(ext.registered, []);
	assert.deepEqual(ext.removed, originsFor('mastodon.social'));
});

test('restore registers again what was lost', async () => {
	const ext = fakeExt(originsFor('hachyderm.io'));
	ext.stored.mastodonInstances = ['hachyderm.io'];
	await createMastodonInstances(ext).restore();
	assert.deepEqual(ext.registered.map(script => script.id), ['mastodon:hachyderm.io']);
});
