// A profile photo whose server accepts the connection and never answers: the
// text fields' warnings are on the page at once, the photo's fetch ends at its
// bound, and the popup says the photo could not be read. In Chromium.
import assert from 'node:assert/strict';
import {after, before} from 'node:test';
import {openPopup, waitForText} from './lib/actions.js';
import {waitForChecks, warnings} from './lib/contract.js';
import {startFixtureServer} from './lib/fixture-server.js';
import {scenario} from './lib/scenario.js';
import {pageUrl, sites} from './lib/sites.js';
import {withWorld} from './lib/world.js';
import {PHOTO_FETCH_TIMEOUT_MS} from '../../extension/background/photo-fetch.js';

const linkedin = sites.linkedin;
const HANGING_PHOTO = 'https://media.licdn.com/dms/image/v2/never-answers/profile-displayphoto-shrink_200_200/0/1.jpg';
// Well under the background's bound on a photo fetch: the warnings must not wait for it.
const FIRST_WARNINGS_WITHIN_MS = 5_000;

let server;
before(async () => {
	server = await startFixtureServer();
});
after(() => server.close());

scenario('LinkedIn, a photo server that never answers: the warnings come at once, the popup says the photo was not read', async () => {
	await withWorld({server}, async ({page, session}) => {
		const url = pageUrl(server, 'linkedin', linkedin.view);
		const html = server.html('linkedin', linkedin.view);
		const withHangingPhoto = html.replace(/(<img\b[^>]*\bwidth="200"[^>]*\bsrc=")data:image\/png;base64,[^"]*"/, `$1${HANGING_PHOTO}"`);
		assert.notEqual(withHangingPhoto, html, 'the fixture\'s top-card photo was replaced');
		server.setPage(url, withHangingPhoto);
		server.hang(HANGING_PHOTO);
		try {
			await page.goto(url, {waitUntil: 'domcontentloaded'});
			await waitForChecks(page, 1, FIRST_WARNINGS_WITHIN_MS);
			const shown = await warnings(page);
			const summary = list => list.map(({field, severity}) => `${field}:${severity}`);
			assert.deepEqual(summary(shown), summary(linkedin.differs));
			assert.ok(server.requests.some(request => request.host === 'media.licdn.com'), 'the photo was asked for');

			// The fetch gives up at its bound; the popup then names the photo.
			await new Promise(resolve => setTimeout(resolve, PHOTO_FETCH_TIMEOUT_MS + 1_000));
			const popup = await openPopup(session, page);
			await waitForText(popup, /Couldn't read the photo on this page/);
		} finally {
			server.clearPages();
		}
	});
});
