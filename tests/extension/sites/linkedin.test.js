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

describe('linkedin: the classic page as served in 2026', () => {
	it('reads the name heading without its old text-heading-xlarge class', () => {
		const html = fixture('linkedin', 'own-view').replace('class="text-heading-xlarge inline t-24 v-align-middle break-words"', 'class="qWeRtYhashed inline t-24 v-align-middle break-words"');
		const {site, document, url} = open('linkedin', 'own-view', {html});
		assert.ok(!document.querySelector('.text-heading-xlarge'));
		const {fields, elements, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.name, 'Ada Whitfield');
		assert.equal(elements.name.tagName, 'H1');
	});

	it('reads German dates and the German company label on a German page', () => {
		const html = fixture('linkedin', 'own-view').replace('<html lang="en"', '<html lang="de"')
			.replace('aria-label="Current company: Lumen Labs. Click to skip to experience card"', 'aria-label="Aktuelles Unternehmen: Lumen Labs. Klicken Sie, um zur Karte „Berufserfahrung“ zu springen"')
			.replaceAll('Mar 2021 - Present · 4 yrs 9 mos', 'März 2021 – Heute · 4 J. 9 Mon.')
			.replaceAll('Jun 2017 - Feb 2021 · 3 yrs 9 mos', 'Juni 2017 – Feb. 2021 · 3 J. 9 Mon.')
			.replaceAll('Sep 2014 - May 2017 · 2 yrs 9 mos', 'Sept. 2014 – Mai 2017 · 2 J. 9 Mon.');
		const {site, document, url} = open('linkedin', 'own-view', {html});
		const {fields, elements, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread), []);
		assert.deepEqual(plain(fields.experience).map(position => [position.company, position.title, position.start, position.end ?? null]),
			canonical.profile.work.map(position => [position.employer, position.title, position.start, position.end]));
		assert.equal(fields.employer, 'Lumen Labs');
		assert.equal(elements.employer.tagName, 'BUTTON');
		assert.equal(fields.title, 'Staff Software Engineer');
	});

	it('fails closed on dates in a language it does not know: experience unread, no title from it', () => {
		const html = fixture('linkedin', 'own-view').replace('<html lang="en"', '<html lang="pl"')
			.replace('aria-label="Current company: Lumen Labs. Click to skip to experience card"', 'aria-label="Obecna firma: Lumen Labs"')
			.replaceAll('Mar 2021 - Present', 'mar 2021 - obecnie').replaceAll('Jun 2017 - Feb 2021', 'cze 2017 - lut 2021').replaceAll('Sep 2014 - May 2017', 'wrz 2014 - maj 2017');
		const {site, document, url} = open('linkedin', 'own-view', {html});
		const {fields, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread), ['experience']);
		assert.equal(fields.experience, undefined);
		assert.equal(fields.title, undefined);
		assert.equal(fields.employer, undefined, 'an unknown label is not guessed');
		assert.equal(fields.headline, 'Senior Software Engineer at Northwind Analytics', 'fields without words of the interface are still read');
	});

	it('reads nothing of a top card that is still another member\'s (single-page navigation)', () => {
		const {site, document} = open('linkedin', 'other-view');
		const {fields} = site.extract(document, 'https://www.linkedin.com/in/ada-whitfield/');
		assert.equal(fields.name, undefined);
		assert.equal(fields.headline, undefined);
		assert.equal(fields.location, undefined);
	});
});

describe('linkedin: the server-driven page', () => {
	const ownFields = {
		name: 'Ada Whitfield',
		headline: 'Senior Software Engineer at Northwind Analytics',
		employer: 'Lumen Labs',
		title: 'Staff Software Engineer',
	};

	it('reads every field of the own profile, beside its element', () => {
		const {site, document, url} = open('linkedin', 'own-view-sdui');
		assert.ok(document.querySelector('main#workspace') && !document.querySelector('[data-member-id], h1'));
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'view');
		assert.deepEqual(plain(unread), []);
		for (const [field, value] of Object.entries(ownFields)) {
			assert.equal(fields[field], value, field);
		}

		assert.equal(fields.location, 'Seattle, Washington, United States');
		assert.match(fields.bio, /^Software engineer who loves data\. .*Northwind Analytics\.\n\nAsk me about Kafka/s);
		assert.deepEqual(plain(fields.experience), [
			{title: 'Staff Software Engineer', company: 'Lumen Labs', start: '2021-03'},
			{title: 'Senior Software Engineer', company: 'Northwind Analytics', start: '2017-06', end: '2021-02'},
			{title: 'Software Engineer', company: 'Contoso', start: '2014-09', end: '2017-05'},
		]);
		assert.match(fields.photo.url, /^data:image\/png;base64,/);

		assert.equal(elements.name.tagName, 'H2');
		assert.equal(elements.name.closest('a').getAttribute('href'), '/in/ada-whitfield/');
		assert.equal(elements.headline.tagName, 'P');
		assert.equal(elements.location.tagName, 'P');
		assert.ok(elements.employer.parentElement.querySelector('svg#company-accent-4'));
		assert.equal(elements.photo.closest('[aria-label]').getAttribute('aria-label'), 'Profile photo');
		assert.equal(elements.bio.dataset.testid, 'expandable-text-box');
		assert.match(elements.experience.getAttribute('componentkey'), /ExperienceTopLevelSection$/);
		assert.equal(elements.title.textContent, 'Staff Software Engineer');
	});

	it('never takes the pronouns for the headline nor the connections for the location', () => {
		const {site, document, url} = open('linkedin', 'own-view-sdui');
		const paragraphs = [...document.querySelectorAll('p')].map(paragraph => paragraph.textContent);
		assert.ok(paragraphs.includes('She/Her') && paragraphs.some(text => text.includes('500+ connections')));
		const {fields} = site.extract(document, url);
		assert.notEqual(fields.headline, 'She/Her');
		assert.doesNotMatch(fields.location, /connections/);
		// Without pronouns the headline is the same paragraph.
		const html = fixture('linkedin', 'own-view-sdui').replace('<div class="_b2"><p class="_a9">She/Her</p></div>', '');
		const again = open('linkedin', 'own-view-sdui', {html});
		assert.equal(again.site.extract(again.document, again.url).fields.headline, ownFields.headline);
	});

	it('differs from the canonical profile in exactly three fields (headline, location, about); the matching page in none', () => {
		const {site, document, url} = open('linkedin', 'own-view-sdui');
		const {fields} = site.extract(document, url);
		const profile = canonical.profile;
		assert.equal(fields.headline, canonical.previous.headline[0].value);
		assert.doesNotMatch(fields.location, /Boston/);
		assert.ok(!Object.values(profile.bio).includes(fields.bio));
		assert.equal(fields.name, profile.name.full);
		assert.deepEqual(plain(fields.experience).map(position => [position.company, position.title, position.start, position.end ?? null]),
			profile.work.map(position => [position.employer, position.title, position.start, position.end]));

		const matching = open('linkedin', 'own-view-sdui-matching');
		const same = matching.site.extract(matching.document, matching.url);
		assert.deepEqual(plain(same.unread), []);
		assert.equal(same.fields.headline, profile.headline);
		assert.equal(same.fields.bio, profile.bio.about);
		assert.equal(same.fields.location, 'Boston, Massachusetts, United States');
	});

	for (const language of ['de', 'fr']) {
		it(`reads the ${language} page as the English one (dates, "Present", degree badge)`, () => {
			const {site, document, url} = open('linkedin', `own-view-sdui-${language}`);
			assert.equal(document.documentElement.lang, language);
			const {fields, unread} = site.extract(document, url);
			assert.deepEqual(plain(unread), []);
			for (const [field, value] of Object.entries(ownFields)) {
				assert.equal(fields[field], value, field);
			}

			assert.deepEqual(plain(fields.experience).map(position => [position.company, position.title, position.start, position.end ?? null]),
				canonical.profile.work.map(position => [position.employer, position.title, position.start, position.end]));
			assert.match(fields.location, /^Seattle, Washington, /);

			const other = open('linkedin', `other-view-sdui-${language}`);
			const marcus = other.site.extract(other.document, other.url);
			assert.deepEqual(plain(marcus.unread), []);
			assert.equal(marcus.fields.headline, 'Engineering Manager at Fabrikam', 'the degree badge is not the headline');
			assert.equal(marcus.fields.experience.length, 3);
		});
	}

	it('fails closed in a language it does not know: no experience, no title, nothing guessed', () => {
		const html = fixture('linkedin', 'own-view-sdui-de').replace('<html lang="de"', '<html lang="pl"');
		const {site, document, url} = open('linkedin', 'own-view-sdui-de', {html});
		const {fields, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread), ['experience']);
		assert.equal(fields.experience, undefined);
		assert.equal(fields.title, undefined);
		assert.equal(fields.employer, 'Lumen Labs', 'the company icon needs no words');
		// English words on a German page are not German: unread too.
		const mixed = fixture('linkedin', 'own-view-sdui').replace('<html lang="en"', '<html lang="de"');
		const page = open('linkedin', 'own-view-sdui', {html: mixed});
		assert.deepEqual(plain(page.site.extract(page.document, page.url).unread), ['experience']);
	});

	it('is not own on someone else\'s page, and reads grouped roles and the degree badge apart there', () => {
		const {site, document, url} = open('linkedin', 'other-view-sdui');
		assert.equal(site.isOwnProfile(document, url, profiles), false);
		const {fields, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.name, 'Marcus Lindqvist');
		assert.equal(fields.headline, 'Engineering Manager at Fabrikam');
		assert.equal(fields.location, 'Stockholm, Stockholm County, Sweden');
		assert.deepEqual(plain(fields.experience), [
			{title: 'Engineering Manager', company: 'Fabrikam', start: '2023-01'},
			{title: 'Senior Software Engineer', company: 'Fabrikam', start: '2021-03', end: '2022-12'},
			{title: 'Software Engineer', company: 'Tailspin Toys', start: '2017-06', end: '2021-02'},
		]);
		assert.equal(fields.title, 'Engineering Manager');
	});

	it('lists fields whose hooks were renamed as unread, and still reads the rest', () => {
		const renamed = (find, replace) => {
			const html = fixture('linkedin', 'own-view-sdui').replaceAll(find, replace);
			const {site, document, url} = open('linkedin', 'own-view-sdui', {html});
			return site.extract(document, url);
		};

		let result = renamed('Topcard"', 'IntroCardV2"');
		assert.deepEqual(plain(result.unread).sort(), ['headline', 'location', 'name', 'photo']);
		assert.equal(result.fields.bio.startsWith('Software engineer'), true);
		assert.equal(result.fields.employer, 'Lumen Labs', 'from the current position');

		result = renamed('data-testid="expandable-text-box"', 'data-testid="text-box-v2"');
		assert.deepEqual(plain(result.unread), ['bio']);

		result = renamed('componentkey="entity-collection-item', 'componentkey="entity-list-row');
		assert.deepEqual(plain(result.unread), ['experience']);
		assert.equal(result.fields.title, undefined);

		// The first paragraph holding a link closes the lines read: without
		// the contact info, the connections' paragraph does, and is not taken.
		result = renamed('<p class="_a9"><a href="#">Contact info</a></p>', '<span>Contact info</span>');
		assert.deepEqual(plain(result.unread), []);
		assert.equal(result.fields.location, 'Seattle, Washington, United States');
		assert.equal(result.fields.headline, ownFields.headline);

		// With no paragraph holding a link, nothing tells the location from
		// the headline: both unread, neither guessed.
		const html = fixture('linkedin', 'own-view-sdui').replace('<p class="_a9"><a href="#">Contact info</a></p>', '<span>Contact info</span>')
			.replace(/<p class="_a9"><a href="\/mynetwork\/[^"]*">([^<]*)<\/a><\/p>/, '<span>$1</span>');
		const page = open('linkedin', 'own-view-sdui', {html});
		result = page.site.extract(page.document, page.url);
		assert.deepEqual(plain(result.unread).sort(), ['headline', 'location']);
		assert.equal(result.fields.name, 'Ada Whitfield');

		// Without the company icon the employer comes from the current position.
		result = renamed('id="company-accent-4"', 'id="company-accent-5"');
		assert.equal(result.fields.employer, 'Lumen Labs');
		assert.equal(result.elements.employer.textContent, 'Staff Software Engineer');
	});

	it('reads nothing of a top card that is another member\'s, and reads /in/me/', () => {
		const {site, document} = open('linkedin', 'other-view-sdui');
		const stale = site.extract(document, 'https://www.linkedin.com/in/ada-whitfield/');
		assert.equal(stale.fields.name, undefined);
		assert.equal(stale.fields.headline, undefined);
		assert.ok(stale.unread.includes('name'));

		const me = open('linkedin', 'own-view-sdui', {url: 'https://www.linkedin.com/in/me/'});
		assert.equal(me.site.extract(me.document, me.url).fields.name, 'Ada Whitfield');
	});

	it('reads a card that is added late (lazy card groups)', () => {
		const html = fixture('linkedin', 'own-view-sdui');
		const {window, site, document, url} = open('linkedin', 'own-view-sdui', {html});
		const group = document.querySelector('[data-sdui-component]');
		group.remove();
		assert.equal(site.extract(document, url).fields.experience, undefined);
		document.querySelector('main').append(group);
		assert.equal(site.extract(document, url).fields.experience.length, 3);
		assert.ok(window);
	});
});

describe('linkedin: the 2026 edit dialogs', () => {
	it('reads Edit intro: both name inputs, the headline\'s rich-text editor, the position, the city typeahead', () => {
		const {site, document, url} = open('linkedin', 'edit-sdui');
		assert.ok(!document.querySelector('[id$="-headline"], [id$="-firstName"]'), 'no id suffixes');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'edit');
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.name, 'Ada Whitfield');
		assert.equal(fields.firstName, 'Ada');
		assert.equal(fields.lastName, 'Whitfield');
		assert.equal(elements.name, elements.firstName);
		assert.equal(fields.headline, 'Staff Software Engineer at Lumen Labs');
		assert.equal(elements.headline.getAttribute('contenteditable'), 'true');
		assert.equal(elements.headline.getAttribute('aria-label'), null, 'the headline editor has no name');
		assert.equal(fields.employer, 'Lumen Labs');
		assert.equal(fields.title, 'Staff Software Engineer');
		assert.equal(fields.location, 'Boston, Massachusetts, United States');
		assert.equal(elements.location.dataset.testid, 'typeahead-input');
	});

	for (const [language, labels, joiner] of [
		['de', {'Edit intro': 'Intro bearbeiten', 'First name*': 'Vorname*', 'Last name*': 'Nachname*', 'Headline*': 'Überschrift*', City: 'Ort', 'Country/Region*': 'Land/Region*'}, ' bei '],
		['fr', {'Edit intro': 'Modifier l’intro', 'First name*': 'Prénom*', 'Last name*': 'Nom*', 'Headline*': 'Titre*', City: 'Ville', 'Country/Region*': 'Pays/Région*'}, ' chez '],
	]) {
		it(`reads Edit intro in ${language} by its shape, not its labels`, () => {
			let html = fixture('linkedin', 'edit-sdui').replace('<html lang="en"', `<html lang="${language}"`).replaceAll(' at Lumen Labs</option>', `${joiner}Lumen Labs</option>`);
			for (const [english, translated] of Object.entries(labels)) {
				html = html.replaceAll(`>${english}<`, `>${translated}<`);
			}

			assert.ok(!html.includes('>First name*<'));
			const {site, document, url} = open('linkedin', 'edit-sdui', {html});
			const {fields, unread} = site.extract(document, url);
			assert.deepEqual(plain(unread), []);
			assert.equal(fields.name, 'Ada Whitfield');
			assert.equal(fields.headline, 'Staff Software Engineer at Lumen Labs');
			assert.equal(fields.employer, 'Lumen Labs');
			assert.equal(fields.title, 'Staff Software Engineer');
			assert.equal(fields.location, 'Boston, Massachusetts, United States');
		});
	}

	it('reads no employer from the position select in a language it does not know', () => {
		const html = fixture('linkedin', 'edit-sdui').replace('<html lang="en"', '<html lang="pl"').replaceAll(' at Lumen Labs</option>', ' w Lumen Labs</option>');
		const {site, document, url} = open('linkedin', 'edit-sdui', {html});
		const {fields, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread), ['employer']);
		assert.equal(fields.employer, undefined);
		assert.equal(fields.headline, 'Staff Software Engineer at Lumen Labs');
	});

	it('follows what the user typed into a rich-text editor', () => {
		const {window, site, document, url} = open('linkedin', 'edit-sdui');
		const editor = site.extract(document, url).elements.headline;
		editor.replaceChildren(Object.assign(document.createElement('p'), {textContent: 'Principal Engineer at Lumen Labs'}));
		editor.dispatchEvent(new window.InputEvent('input', {bubbles: true}));
		assert.equal(site.extract(document, url).fields.headline, 'Principal Engineer at Lumen Labs');
	});

	it('reads the About editor as bio, paragraphs as lines', () => {
		const {site, document, url} = open('linkedin', 'about-edit-sdui');
		const {kind, fields, elements, unread} = site.extract(document, url);
		assert.equal(kind, 'edit');
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.bio, canonical.profile.bio.about);
		assert.ok(elements.bio.classList.contains('tiptap'));
		assert.deepEqual(Object.keys(fields), ['bio'], 'the skills typeahead is not a field');
	});

	it('reads the current position\'s editor, and leaves a past one alone', () => {
		const {window, site, document, url} = open('linkedin', 'position-edit-sdui');
		const {fields, elements, unread} = site.extract(document, url);
		assert.deepEqual(plain(unread), []);
		assert.equal(fields.title, 'Staff Software Engineer');
		assert.equal(fields.employer, 'Lumen Labs');
		assert.equal(elements.employer.dataset.testid, 'typeahead-input');
		const current = document.querySelector('dialog input[type="checkbox"]');
		current.checked = false;
		current.dispatchEvent(new window.Event('change'));
		assert.deepEqual(plain(site.extract(document, url).fields), {});
	});

	it('knows the dialogs by their shape over the profile\'s own URL, and the view again once closed', () => {
		for (const [name, form] of [['edit-sdui', 'headline'], ['about-edit-sdui', 'bio'], ['position-edit-sdui', 'title']]) {
			const {site, document} = open('linkedin', name);
			const profileUrl = 'https://www.linkedin.com/in/ada-whitfield/';
			const result = site.extract(document, profileUrl);
			assert.equal(result.kind, 'edit', name);
			assert.ok(form in result.fields, `${name}: ${form}`);
			document.querySelector('dialog').removeAttribute('open');
			const closed = site.extract(document, profileUrl);
			assert.equal(closed.kind, 'view', `${name} closed`);
			assert.equal(closed.fields.headline, 'Staff Software Engineer at Lumen Labs');
		}
	});

	it('takes the test id for the hook, whatever element carries it', () => {
		const html = fixture('linkedin', 'about-edit-sdui').replace('<dialog data-testid="dialog" open', '<div role="presentation" data-testid="dialog"').replace('</dialog>', '</div>');
		const {site, document, url} = open('linkedin', 'about-edit-sdui', {html});
		assert.equal(document.querySelector('dialog'), null);
		const {kind, fields} = site.extract(document, 'https://www.linkedin.com/in/ada-whitfield/');
		assert.equal(kind, 'edit');
		assert.equal(fields.bio, canonical.profile.bio.about);
		assert.ok(url);
	});

	it('does not take another dialog\'s rich-text editor (the message composer) for a form', () => {
		const html = fixture('linkedin', 'own-view-sdui').replace('</main>', '</main><div role="dialog" aria-label="Messaging"><div contenteditable="true" role="textbox"><p>Hi Marcus</p></div></div>');
		const {site, document, url} = open('linkedin', 'own-view-sdui', {html});
		const result = site.extract(document, url);
		assert.equal(result.kind, 'view');
		assert.match(result.fields.bio, /^Software engineer/);
	});

	it('says which fields the intro should have shown when its editor is gone', () => {
		const html = fixture('linkedin', 'edit-sdui').replace(/<div class="tiptap[^>]*>.*?<\/div>/, '<div class="_x"></div>');
		const {site, document, url} = open('linkedin', 'edit-sdui', {html});
		const {kind, unread} = site.extract(document, url);
		assert.equal(kind, 'edit');
		assert.deepEqual(plain(unread), ['headline']);
	});
});

describe('siteKit.dateRange in the interface language', () => {
	const kit = open('linkedin', 'own-view').window.oneself.siteKit;
	const cases = [
		['en', 'Mar 2021 - Present · 4 yrs 9 mos', {start: '2021-03'}],
		['en', 'Jun 2017 – Feb 2021', {start: '2017-06', end: '2021-02'}],
		['de', 'Jan. 2020 – Heute · 5 J. 11 Mon.', {start: '2020-01'}],
		['de', 'März 2019 – Sept. 2020', {start: '2019-03', end: '2020-09'}],
		['fr', 'janv. 2020 - aujourd’hui', {start: '2020-01'}],
		['fr', 'févr. 2017 - juil. 2021 · 4 ans 6 mois', {start: '2017-02', end: '2021-07'}],
		['es', 'ene. de 2020 - actualidad', {start: '2020-01'}],
		['es', 'sept. de 2018 - dic. de 2019', {start: '2018-09', end: '2019-12'}],
		['pt', 'set. de 2019 - o momento', {start: '2019-09'}],
		['pt', 'out. de 2015 - fev. de 2017', {start: '2015-10', end: '2017-02'}],
		['it', 'gen 2020 - presente', {start: '2020-01'}],
		['it', 'giu 2016 - ott 2018', {start: '2016-06', end: '2018-10'}],
		['nl', 'mrt. 2020 - heden', {start: '2020-03'}],
		['nl', 'mei 2014 - okt. 2016', {start: '2014-05', end: '2016-10'}],
		['', 'Jan. 2020 – Heute', {start: '2020-01'}],
		['en', '2010 - 2014', {start: '2010', end: '2014'}],
	];
	for (const [language, phrase, expected] of cases) {
		it(`${language || 'no language'}: "${phrase}"`, () => {
			assert.deepEqual(plain(kit.dateRange(phrase, language)), expected);
		});
	}

	it('reads nothing in a language it does not know, or in the wrong one', () => {
		assert.equal(kit.dateRange('sty 2020 - obecnie', 'pl'), null);
		assert.equal(kit.dateRange('Mar 2021 - Present', 'pl'), null);
		assert.equal(kit.dateRange('Jan 2020 - Heute', 'en'), null);
		assert.equal(kit.dateRange('Mar 2021 - sometime', 'en'), null, 'an unknown end is not "current"');
		assert.equal(kit.dateRange('jui 2020', 'fr'), null, 'juin or juillet: ambiguous');
	});
});
