import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBrowser } from '../../../../test/admin.js';
import { givenPost } from '../../../../test/fixtures.js';
import { DIALECTS, type TestApp } from '../../../../test/helpers.js';
import { expectValidHtml } from '../../../../test/html.js';
import { auditTrail, signedIn } from '../../../../test/site-admin.js';
import { parseFeed } from '@rowanmanning/feed-parser';
import { DEFAULT_SETTINGS, loadSettings } from '../../site/index.js';

const form = {
  title: 'The Lantern', tagline: 'News by its readers', baseUrl: 'https://lantern.example', defaultLanguage: 'en',
  timeZone: 'UTC', firstDayOfWeek: '1', postsPerPage: '10', feedContent: 'full', feedItems: '20',
};

describe.each(DIALECTS)('editing the site settings on %s', (dialect) => {
  let t: TestApp;
  let browser: TestBrowser;
  beforeEach(async () => {
    ({ t, browser } = await signedIn(dialect, 'admin'));
  });
  afterEach(async () => t.close());

  it('shows the current settings in labelled fields, with every time zone to choose from', async () => {
    const res = await browser.get('/admin/settings');
    expect(res.statusCode).toBe(200);
    for (const label of ['Site title', 'Tagline', 'Base URL', 'Default language', 'Time zone', 'First day of the week', 'Posts per page', 'Feeds carry', 'Articles per feed']) {
      expect(res.body).toContain(`>${label}`);
    }
    expect(res.body).toContain(`value="${DEFAULT_SETTINGS.title}"`);
    expect(res.body).toContain('<option value="UTC" selected>UTC</option>');
    expect(res.body).toContain('<option value="America/New_York">America/New York</option>');
    expect(res.body).toContain('<option value="1" selected>Monday</option>');
    expect(res.body).toContain('<input type="radio" id="feedContent-0" name="feedContent" value="full" checked');
    expect(res.body).toContain('value="20"');
    await expectValidHtml(res.body, 'settings form');
  });

  it('saves the settings and records which ones changed', async () => {
    await browser.get('/admin/settings');
    const res = await browser.post('/admin/settings', { ...form, timeZone: 'Europe/Brussels', postsPerPage: ' 12 ' });
    expect(res.statusCode).toBe(303);
    expect((await browser.get('/admin/settings')).body).toContain('Settings saved.');
    const settings = await loadSettings(t.ctx.database.db);
    expect(settings).toMatchObject({ title: 'The Lantern', timeZone: 'Europe/Brussels', postsPerPage: 12, baseUrl: 'https://lantern.example' });
    expect(await auditTrail(t)).toEqual([
      { action: 'settings.change', subject: 'settings', actor: 'admin@lantern.example', details: { keys: ['title', 'tagline', 'baseUrl', 'timeZone', 'postsPerPage'] } },
    ]);
    await browser.post('/admin/settings', { ...form, timeZone: 'Europe/Brussels', postsPerPage: '12' });
    expect(await auditTrail(t)).toHaveLength(1);
  });

  it('refuses bad values, naming each field, keeping what was typed and saving nothing', async () => {
    await browser.get('/admin/settings');
    const res = await browser.post('/admin/settings', { ...form, title: '  ', baseUrl: 'lantern dot example', timeZone: 'Mars/Olympus', postsPerPage: 'lots', firstDayOfWeek: '9' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<p class="field-error" id="title-error">Enter a site title</p>');
    expect(res.body).toContain('<p class="field-error" id="baseUrl-error">Enter the full address, like https://news.example.org</p>');
    expect(res.body).toContain('<p class="field-error" id="timeZone-error">Enter a time zone name such as Europe/Brussels</p>');
    expect(res.body).toContain('<p class="field-error" id="postsPerPage-error">Enter a whole number from 1 to 100</p>');
    expect(res.body).toContain('<p class="field-error" id="firstDayOfWeek-error">Choose the first day of the week</p>');
    expect(res.body).toContain('value="lantern dot example"');
    expect(res.body).toContain('value="lots"');
    expect(res.body).toContain('<option value="Mars/Olympus" selected>Mars/Olympus</option>');
    await expectValidHtml(res.body, 'settings form with errors');
    expect(await loadSettings(t.ctx.database.db)).toEqual(DEFAULT_SETTINGS);
    expect(await auditTrail(t)).toEqual([]);
  });

  it('changes what every feed carries and how many articles it lists, and records the change', async () => {
    for (let i = 1; i <= 3; i++) {
      await givenPost(t.ctx, { title: `Story ${i}`, standfirst: `Short ${i}.`, body: `The **long** story ${i}.`, publishedAt: `2026-01-0${i}T10:00:00Z` });
    }
    const before = parseFeed((await t.app.inject('/feed/')).body);
    expect(before.items.map((i) => i.title)).toEqual(['Story 3', 'Story 2', 'Story 1']);
    expect(before.items[0]!.content).toContain('<strong>long</strong>');

    await browser.get('/admin/settings');
    const res = await browser.post('/admin/settings', { ...form, title: DEFAULT_SETTINGS.title, tagline: DEFAULT_SETTINGS.tagline, baseUrl: DEFAULT_SETTINGS.baseUrl, feedContent: 'summary', feedItems: '2' });
    expect(res.statusCode).toBe(303);
    expect(await loadSettings(t.ctx.database.db)).toMatchObject({ feedContent: 'summary', feedItems: 2 });
    expect(await auditTrail(t)).toEqual([
      { action: 'settings.change', subject: 'settings', actor: 'admin@lantern.example', details: { keys: ['feedContent', 'feedItems'] } },
    ]);
    const page = (await browser.get('/admin/settings')).body;
    expect(page).toContain('<input type="radio" id="feedContent-1" name="feedContent" value="summary" checked');
    for (const url of ['/feed/', '/feed/atom/']) {
      const after = parseFeed((await t.app.inject(url)).body);
      expect(after.items.map((i) => i.title)).toEqual(['Story 3', 'Story 2']);
      expect(after.items[0]!.description).toBe('Short 3.');
      expect(after.items[0]!.content ?? '').not.toContain('long');
    }
    const json = JSON.parse((await t.app.inject('/feed/json/')).body) as { items: { content_html: string }[] };
    expect(json.items.map((i) => i.content_html)).toEqual(['<p>Short 3.</p>', '<p>Short 2.</p>']);
  });

  it('refuses a feed length that is not a number from 1 to 100 and a choice that is not offered, keeping what was typed', async () => {
    await browser.get('/admin/settings');
    const res = await browser.post('/admin/settings', { ...form, feedContent: 'everything', feedItems: '500' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<p class="field-error" id="feedContent-error">Choose full text or summary</p>');
    expect(res.body).toContain('<p class="field-error" id="feedItems-error">Enter a whole number from 1 to 100</p>');
    expect(res.body).toContain('value="500"');
    await expectValidHtml(res.body, 'settings form with feed errors');
    expect(await loadSettings(t.ctx.database.db)).toEqual(DEFAULT_SETTINGS);
    expect(await auditTrail(t)).toEqual([]);
  });

  it('moves articles to their date in a new time zone, and their old addresses redirect', async () => {
    await givenPost(t.ctx, { title: 'Late night vote', slug: 'late-night-vote', publishedAt: '2026-01-31T23:30:00Z' });
    expect((await t.app.inject('/2026/01/late-night-vote/')).statusCode).toBe(200);
    await browser.get('/admin/settings');
    await browser.post('/admin/settings', { ...form, timeZone: 'Asia/Almaty' });
    expect((await t.app.inject('/2026/02/late-night-vote/')).statusCode).toBe(200);
    const old = await t.app.inject('/2026/01/late-night-vote/');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/2026/02/late-night-vote/');
  });
});
