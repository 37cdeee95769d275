import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {canonical, moduleOf, open, plain, profiles} from './helpers.js';
import {fixture} from '../load.js';

const linkedin = moduleOf('linkedin');

describe('linkedin: pageKind', () => {
	it('knows the profile page and its vanity variants', () => {
		assert.deepEqual(plain(linkedin.pageKind('https://www.linkedin.com/in/ada-whitfield/')), {kind: 'view', handle: 'ada-whitfield'});
		assert.deepEqual(plain(linkedin.pageKind('https://www.linkedin.com/in/Ada-Whitfield')), {kind: 'view', handle: 'ada-whitfield'});
		assert.equal(linkedin.pageKind('https://www.linkedin.com/in/ada-whitfield/?originalSubdomain=uk').handle, 'ada-whitfield');
		assert.equal(linkedin.pageKind('https://www.linkedin.com/in/ada-whitfield/overlay/contact-info/').kind, 'view');
		assert.equal(linkedin.pageKind('https://www.linkedin.com/in/j%C3%B6rg-m/').handle, 'jörg-m');
		assert.equal(linkedin.pageKind('https://www.linkedin.com/in/ada-whitfield/details/experience/').section, 'experience');
	});

	it('knows the edit forms by their URLs', () => {
		assert.deepEqual(plain(linkedin.pageKind('https://www.linkedin.com/in/ada-whitfield/edit/intro/')), {kind: 'edit', handle: 'ada-whitfield', form: 'intro'});
		assert.equal(linkedin.pageKind('https://www.linkedin.com/in/ada-whitfield/edit/forms/intro/new/?profileFormEntryPoint=PROFILE_SECTION').form, 'intro');
		assert.equal(linkedin.pageKind('https://www.linkedin.com/in/ada-whitfield/edit/forms/summary/new/').form, 'about');
		assert.equal(linkedin.pageKind('https://www.linkedin.com/in/ada-whitfield/edit/about/').form, 'about');
		assert.equal(linkedin.pageKind('https://www.linkedin.com/in/ada-whitfield/edit/forms/position/2101/').form, 'position');
	});

	it('ignores pages that are not a profile', () => {
		assert.equal(linkedin.pageKind('https://www.linkedin.com/feed/'), null);
		assert.equal(linkedin.pageKind('https://www.linkedin.com/company/lumen-labs/'), null);
		assert.equal(linkedin.pageKind('https://www.linkedin.com/in/ada-whitfield/recent-activity/all/'), null);
		assert.equal(linkedin.pageKind('not a url'), null);
	});
});

describe('linkedin: isOwnProfile', () => {
	it('is own when the LinkedIn entry names the page', () => {
		const {site, document, url} = open('linkedin', 'own-view');
		assert.equal(site.isOwnProfile(document, url, profiles), true);
	});

	it('matches handles without regard to case, trailing slash or entry form', () => {
		const {site, document} = open('linkedin', 'own-view');
		const byUrl = [{network: 'linkedin', url: 'linkedin.com/in/Ada-Whitfield'}];
		assert.equal(site.isOwnProfile(document, 'https://www.linkedin.com/in/ADA-WHITFIELD', byUrl), true);
		const urlAsName = [{network: 'LinkedIn', username: 'https://www.linkedin.com/in/ada-whitfield/'}];
		assert.equal(site.isOwnProfile(document, 'https://www.linkedin.com/in/ada-whitfield/', urlAsName), true);
		const byName = [{network: 'LINKEDIN', username: 'Ada-Whitfield/'}];
		assert.equal(site.isOwnProfile(document, 'https://www.linkedin.com/in/ada-whitfield/overlay/contact-info/', byName), true);
	});

	it('is not own on someone else\'s profile', () => {
		const {site, document, url} = open('linkedin', 'other-view');
		assert.equal(site.isOwnProfile(document, url, profiles), false);
	});

	it('is not own when the handle does not match or there is no LinkedIn entry', () => {
		const {site, document} = open('linkedin', 'own-view');
		const url = 'https://www.linkedin.com/in/ada-whitfield/';
		assert.equal(site.isOwnProfile(document, url, [{network: 'LinkedIn', username: 'ada-whitfield-2'}]), false);
		assert.equal(site.isOwnProfile(document, url, profiles.filter(entry => entry.network !== 'LinkedIn')), false);
		assert.equal(site.isOwnProfile(document, url, [{network: 'GitHub', username: 'ada-whitfield'}]), false);
		assert.equal(site.isOwnProfile(document, url, undefined), false);
	});

	it('is own on the edit forms (only the owner is shown them) and on /in/me/', () => {
		for (const name of ['edit', 'about-edit', 'position-edit']) {
			const {site, document, url} = open('linkedin', name);
			assert.equal(site.isOwnProfile(document, url, []), true, name);
		}

		assert.equal(linkedin.isOwnProfile(null, 'https://www.linkedin.com/in/me/', []), true);
	});
});

describe('linkedin: extract on the view page', () => {
	it('reads every field of the own profile, beside its element', () => {
		const {site, document, url} = open('linkedin', 'own-view');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'view');
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.name, 'Ada Whitfield');
		assert.equal(fields.headline, 'Senior Software Engineer at Northwind Analytics');
		assert.equal(fields.location, 'Seattle, Washington, United States');
		assert.match(fields.bio, /^Software engineer who loves data\. .*Northwind Analytics\.\n\nAsk me about Kafka/s);
		assert.equal(fields.employer, 'Lumen Labs');
		assert.equal(fields.title, 'Staff Software Engineer');
		assert.deepEqual(plain(fields.experience), [
			{title: 'Staff Software Engineer', company: 'Lumen Labs', start: '2021-03'},
			{title: 'Senior Software Engineer', company: 'Northwind Analytics', start: '2017-06', end: '2021-02'},
			{title: 'Software Engineer', company: 'Contoso', start: '2014-09', end: '2017-05'},
		]);
		assert.match(fields.photo.url, /^data:image\/png;base64,/);

		assert.equal(elements.name.tagName, 'H1');
		assert.ok(elements.headline.classList.contains('text-body-medium'));
		assert.ok(elements.location.classList.contains('t-black--light'));
		assert.equal(elements.bio.getAttribute('aria-hidden'), 'true');
		assert.equal(elements.employer.getAttribute('aria-label').startsWith('Current company: '), true);
		assert.equal(elements.photo.tagName, 'IMG');
		assert.ok(elements.experience.querySelector('#experience'));
	});

	it('differs from the canonical profile in exactly three fields (headline, location, about)', () => {
		const {site, document, url} = open('linkedin', 'own-view');
		const {fields} = site.extract(document, url);
		const profile = canonical.profile;
		assert.equal(fields.headline, canonical.previous.headline[0].value);
		assert.notEqual(fields.headline, profile.headline);
		assert.doesNotMatch(fields.location, /Boston/);
		assert.ok(!Object.values(profile.bio).includes(fields.bio));
		assert.equal(fields.name, profile.name.full);
		assert.equal(fields.employer, profile.work[0].employer);
		assert.equal(fields.title, profile.work[0].title);
		assert.deepEqual(plain(fields.experience).map(position => [position.company, position.title, position.start, position.end ?? null]),
			profile.work.map(position => [position.employer, position.title, position.start, position.end]));
	});

	it('reads the matching variant as the canonical values', () => {
		const {site, document, url} = open('linkedin', 'own-view-matching');
		const {fields, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.headline, canonical.profile.headline);
		assert.equal(fields.bio, canonical.profile.bio.about);
		assert.equal(fields.location, 'Boston, Massachusetts, United States');
	});

	it('lists a field whose hook was renamed as unread, and still reads the rest', () => {
		const html = fixture('linkedin', 'own-view')
			.replace('class="text-body-medium break-words" data-generated-suggestion-target="urn:li:fsu_profileActionDelegate:-1024"', 'class="tAXbQzRenamed"')
			.replace('text-body-small inline t-black--light break-words', 'xYzRenamedLocation');
		const {site, document, url} = open('linkedin', 'own-view', {html});
		const {fields, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread).sort(), ['headline', 'location']);
		assert.equal(fields.headline, undefined);
		assert.equal(fields.name, 'Ada Whitfield');
		assert.equal(fields.employer, 'Lumen Labs');
	});

	it('falls back to the current experience entry when the intro hides the company', () => {
		const html = fixture('linkedin', 'own-view').replace('aria-label="Current company: Lumen Labs. Click to skip to experience card"', '');
		const {site, document, url} = open('linkedin', 'own-view', {html});
		const {fields, elements} = site.extract(document, url);
		assert.equal(fields.employer, 'Lumen Labs');
		assert.equal(elements.employer.textContent, 'Staff Software Engineer');
	});

	it('reads grouped roles at one company', () => {
		const grouped = `<!DOCTYPE html><html><body><main><section data-member-id="1"><h1 class="text-heading-xlarge">Ada Whitfield</h1>
			<div class="text-body-medium break-words">Engineer</div><span class="text-body-small inline t-black--light break-words">Boston</span><img width="200" src="/p.png"></section>
			<section data-view-name="profile-card"><div id="experience"></div><ul>
			<li class="artdeco-list__item"><div class="t-bold"><span aria-hidden="true">Lumen Labs</span></div><span class="t-14 t-normal"><span aria-hidden="true">Full-time · 4 yrs</span></span>
			<div class="pvs-entity__sub-components"><ul>
			<li><div class="t-bold"><span aria-hidden="true">Staff Software Engineer</span></div><span class="t-14 t-normal t-black--light"><span aria-hidden="true">Jan 2023 - Present · 3 yrs</span></span></li>
			<li><div class="t-bold"><span aria-hidden="true">Senior Software Engineer</span></div><span class="t-14 t-normal t-black--light"><span aria-hidden="true">Mar 2021 - Dec 2022 · 1 yr 10 mos</span></span></li>
			</ul></div></li></ul></section></main></body></html>`;
		const {site, document, url} = open('linkedin', 'own-view', {html: grouped});
		const {fields} = site.extract(document, url);
		assert.deepEqual(plain(fields.experience), [
			{title: 'Staff Software Engineer', company: 'Lumen Labs', start: '2023-01'},
			{title: 'Senior Software Engineer', company: 'Lumen Labs', start: '2021-03', end: '2022-12'},
		]);
		assert.equal(fields.photo.url, 'https://www.linkedin.com/p.png');
	});
});

describe('linkedin: extract on the experience details page', () => {
	it('reads the whole list, and the current position as employer and title', () => {
		const {site, document, url} = open('linkedin', 'experience-details');
		const {kind, fields, unread} = site.extract(document, url);
		assert.equal(kind, 'view');
		assert.deepEqual(plain(unread), []);
		assert.deepEqual(Object.keys(fields).sort(), ['employer', 'experience', 'title']);
		assert.deepEqual(plain(fields.experience).map(position => [position.company, position.title, position.start, position.end ?? null]),
			canonical.profile.work.map(position => [position.employer, position.title, position.start, position.end]));
		assert.equal(fields.employer, 'Lumen Labs');
	});
});

describe('linkedin: extract on the edit forms', () => {
	it('reads Edit intro: name from both inputs, headline, current position, city', () => {
		const {site, document, url} = open('linkedin', 'edit');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'edit');
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.name, 'Ada Whitfield');
		assert.equal(fields.firstName, 'Ada');
		assert.equal(fields.lastName, 'Whitfield');
		assert.equal(fields.headline, 'Staff Software Engineer at Lumen Labs');
		assert.equal(fields.employer, 'Lumen Labs');
		assert.equal(fields.title, 'Staff Software Engineer');
		assert.equal(fields.location, 'Boston, Massachusetts, United States');
		assert.ok(elements.firstName.id.endsWith('-firstName'));
		assert.ok(elements.lastName.id.endsWith('-lastName'));
		assert.equal(elements.name, elements.firstName);
		assert.equal(elements.headline.tagName, 'TEXTAREA');
		assert.equal(elements.employer.tagName, 'SELECT');
		assert.ok(elements.location.id.endsWith('-city'));
		assert.deepEqual(Object.keys(fields).filter(field => !elements[field]), []);
	});

	it('follows what the user typed, not the markup\'s initial value', () => {
		const {window, site, document, url} = open('linkedin', 'edit');
		const {elements} = site.extract(document, url);
		elements.headline.value = 'Principal Engineer at Lumen Labs';
		elements.headline.dispatchEvent(new window.Event('input', {bubbles: true}));
		assert.equal(site.extract(document, url).fields.headline, 'Principal Engineer at Lumen Labs');
	});

	it('reads Edit intro opened over the profile page (same URL as the profile)', () => {
		const {site, document} = open('linkedin', 'edit');
		const result = site.extract(document, 'https://www.linkedin.com/in/ada-whitfield/');
		assert.equal(result.kind, 'edit');
		assert.equal(result.fields.headline, 'Staff Software Engineer at Lumen Labs');
	});

	it('reads the About editor as bio', () => {
		const {site, document, url} = open('linkedin', 'about-edit');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'edit');
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.bio, canonical.profile.bio.about);
		assert.ok(elements.bio.id.endsWith('-summary'));
	});

	it('reads the current position\'s editor as title and employer, and leaves a past one alone', () => {
		const {window, site, document, url} = open('linkedin', 'position-edit');
		const {fields, elements, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.title, 'Staff Software Engineer');
		assert.equal(fields.employer, 'Lumen Labs');
		assert.ok(elements.employer.id.endsWith('-requiredCompany'));
		document.querySelector('input[id$="-isCurrent"]').checked = false;
		document.querySelector('input[id$="-isCurrent"]').dispatchEvent(new window.Event('change'));
		assert.deepEqual(plain(site.extract(document, url).fields), {});
	});

	it('says which fields the form should have shown when the dialog is missing', () => {
		const html = fixture('linkedin', 'edit').replace(/-firstName"/g, '-givenName"').replace(/-headline"/g, '-tagline"');
		const {site, document, url} = open('linkedin', 'edit', {html});
		const {kind, unread} = site.extract(document, url);
		assert.equal(kind, 'edit');
		assert.deepEqual(plain(unread).sort(), ['employer', 'headline', 'location', 'name']);
	});

	it('lists a renamed edit control as unread', () => {
		const html = fixture('linkedin', 'edit').replace(/-city"/g, '-town"').replace('>City</label>', '>Town</label>');
		const {site, document, url} = open('linkedin', 'edit', {html});
		const {fields, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread), ['location']);
		assert.equal(fields.headline, 'Staff Software Engineer at Lumen Labs');
	});
});
