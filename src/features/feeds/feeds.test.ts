import { parseFeed } from '@rowanmanning/feed-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenAuthor, givenCategory, givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { updatePost } from '../posts/index.js';

const BASE = 'http://127.0.0.1:3000';

/** A JSON Feed 1.1 document as the spec describes it (the fields we check). */
interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  items: {
    id: string; url: string; title: string; content_html: string; summary?: string;
    date_published: string; date_modified: string; authors: { name: string; url: string }[]; tags: string[];
  }[];
}

/**
 * The rules JSON Feed 1.1 sets for a document: version URL, a title and items; each item an
 * id string and content_html or content_text; dates RFC 3339; URLs absolute.
 */
function expectJsonFeed11(feed: JsonFeed): void {
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  expect(typeof feed.title).toBe('string');
  expect(Array.isArray(feed.items)).toBe(true);
  for (const url of [feed.home_page_url, feed.feed_url]) expect(url).toMatch(/^https?:\/\//);
  for (const item of feed.items) {
    expect(typeof item.id).toBe('string');
    expect(typeof item.content_html === 'string' || typeof (item as { content_text?: unknown }).content_text === 'string').toBe(true);
    expect(item.url).toMatch(/^https?:\/\//);
    for (const date of [item.date_published, item.date_modified]) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    for (const author of item.authors) expect(typeof author.name).toBe('string');
  }
}

describe.each(DIALECTS)('feeds on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
  });
  afterEach(async () => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
  const rss = async (url: string) => parseFeed((await get(url)).body);
  const json = async (url: string) => {
    const feed = JSON.parse((await get(url)).body) as JsonFeed;
    expectJsonFeed11(feed);
    return feed;
  };

  it('give a feed reader the newest articles first in RSS, Atom and JSON Feed, with GUID, link, authors, categories and dates', async () => {
    const anna = await givenAuthor(t.ctx, 'Anna Keller');
    const courts = await givenCategory(t.ctx, 'courts');
    await givenPost(t.ctx, { title: 'Older story', publishedAt: '2026-01-10T10:00:00Z', authorIds: [anna] });
    const id = await givenPost(t.ctx, {
      title: 'Newer story', slug: 'newer-story', publishedAt: '2026-02-10T10:00:00Z', authorIds: [anna],
      categoryIds: [courts], tagNames: ['Press freedom'],
    });
    const guid = (await t.ctx.database.db.selectFrom('posts').select('guid').where('id', '=', id).executeTakeFirstOrThrow()).guid;

    const types = { '/feed/': 'application/rss+xml', '/feed/atom/': 'application/atom+xml', '/feed/json/': 'application/feed+json' };
    for (const [url, type] of Object.entries(types)) {
      expect((await get(url)).headers['content-type']).toBe(`${type}; charset=utf-8`);
    }
    for (const url of ['/feed/', '/feed/atom/']) {
      const feed = await rss(url);
      expect(feed.title).toBe('Broadside');
      expect(feed.items.map((i) => i.title)).toEqual(['Newer story', 'Older story']);
      const item = feed.items[0]!;
      expect(item.id).toBe(guid);
      expect(item.url).toBe(`${BASE}/2026/02/newer-story/`);
      expect(item.authors.map((a) => a.name)).toEqual(['Anna Keller']);
      expect(item.categories.map((c) => c.label ?? c.term)).toEqual(['Courts', 'Press freedom']);
      expect(item.published?.toISOString()).toBe('2026-02-10T10:00:00.000Z');
    }
    const feed = await json('/feed/json/');
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(`${BASE}/feed/json/`);
    expect(feed.items.map((i) => [i.id, i.title])).toEqual([[guid, 'Newer story'], [expect.any(String), 'Older story']]);
    expect(feed.items[0]!.authors).toEqual([{ name: 'Anna Keller', url: `${BASE}/author/anna-keller/` }]);
    expect(feed.items[0]!.date_published).toBe('2026-02-10T10:00:00.000Z');
  });

  it('never list drafts, scheduled articles or articles in the trash', async () => {
    await givenPost(t.ctx, { title: 'Public story' });
    await givenPost(t.ctx, { title: 'Draft story', status: 'draft' });
    await givenPost(t.ctx, { title: 'Scheduled story', status: 'scheduled', publishedAt: '2026-12-01T10:00:00Z' });
    const trashed = await givenPost(t.ctx, { title: 'Trashed story' });
    await t.ctx.database.db.updateTable('posts').set({ deleted_at: '2026-06-01T00:00:00.000Z' }).where('id', '=', trashed).execute();
    for (const url of ['/feed/', '/feed/atom/']) expect((await rss(url)).items.map((i) => i.title)).toEqual(['Public story']);
    expect((await json('/feed/json/')).items.map((i) => i.title)).toEqual(['Public story']);
  });

  it('keep an article\'s GUID when its slug changes, with the link following the new address', async () => {
    const author = await givenAuthor(t.ctx);
    const input = { title: 'Renamed story', slug: 'old-slug', status: 'published' as const, publishedAt: '2026-01-15T10:00:00Z', language: 'en', authorIds: [author] };
    const id = await givenPost(t.ctx, input);
    const before = (await rss('/feed/')).items[0]!;
    await updatePost({ db: t.ctx.database.db, clock: t.ctx.clock }, id, { ...input, slug: 'new-slug' });
    for (const url of ['/feed/', '/feed/atom/']) {
      const after = (await rss(url)).items[0]!;
      expect(after.id).toBe(before.id);
      expect(after.url).toBe(`${BASE}/2026/01/new-slug/`);
    }
    expect((await json('/feed/json/')).items[0]!.id).toBe(before.id);
  });

  it('give a category feed the articles of its child categories, and tag, author and language feeds only theirs', async () => {
    const reporting = await givenCategory(t.ctx, 'reporting');
    const courts = await givenCategory(t.ctx, 'courts', reporting);
    const timur = await givenAuthor(t.ctx, 'Timur Ivanov');
    await givenPost(t.ctx, { title: 'Parent story', categoryIds: [reporting], publishedAt: '2026-01-01T10:00:00Z' });
    await givenPost(t.ctx, { title: 'Child story', categoryIds: [courts], tagNames: ['Strikes'], publishedAt: '2026-01-02T10:00:00Z' });
    await givenPost(t.ctx, { title: 'Russian story', language: 'ru', authorIds: [timur], publishedAt: '2026-01-03T10:00:00Z' });
    const titles = async (url: string) => (await rss(url)).items.map((i) => i.title);
    expect(await titles('/category/reporting/feed/')).toEqual(['Child story', 'Parent story']);
    expect(await titles('/category/courts/feed/atom/')).toEqual(['Child story']);
    expect((await json('/category/reporting/feed/json/')).items.map((i) => i.title)).toEqual(['Child story', 'Parent story']);
    expect(await titles('/tag/strikes/feed/')).toEqual(['Child story']);
    expect(await titles('/author/timur-ivanov/feed/atom/')).toEqual(['Russian story']);
    expect(await titles('/feed/?lang=ru')).toEqual(['Russian story']);
    expect(await titles('/category/reporting/feed/?lang=ru')).toEqual([]);
    expect((await rss('/category/reporting/feed/')).title).toBe('Broadside — Category: Reporting');
    expect(await titles('/feed/rss2/')).toEqual(['Russian story', 'Child story', 'Parent story']);
  });

  it('answer 404 for the feed of an unknown category, tag or author, and for a malformed language', async () => {
    for (const url of ['/category/nope/feed/', '/tag/nope/feed/atom/', '/author/nope/feed/json/', '/feed/?lang=xx_1', '/category/Bad_Slug/feed/']) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });

  it('carry the body and the post-script under its heading when set to full text, and the standfirst only when set to summaries', async () => {
    await givenPost(t.ctx, { title: 'Story', standfirst: 'The short of it.', body: 'The **long** of it.', postscript: 'Corrected on Monday.' });
    const full = (await rss('/feed/')).items[0]!;
    expect(full.content).toContain('<strong>long</strong>');
    expect(full.content).toMatch(/<h2>Postscript<\/h2>\s*<p>Corrected on Monday.<\/p>/);
    expect((await json('/feed/json/')).items[0]!.content_html).toContain('Corrected on Monday.');

    await givenSettings(t.ctx, { feedContent: 'summary' });
    for (const url of ['/feed/', '/feed/atom/']) {
      const item = (await rss(url)).items[0]!;
      expect(item.description).toBe('The short of it.');
      expect(item.content ?? '').not.toContain('long');
    }
    const jsonItem = (await json('/feed/json/')).items[0]!;
    expect(jsonItem.summary).toBe('The short of it.');
    expect(jsonItem.content_html).toBe('<p>The short of it.</p>');
  });

  it('list as many articles as the feedItems setting says', async () => {
    for (let i = 1; i <= 4; i++) await givenPost(t.ctx, { title: `Story ${i}`, publishedAt: `2026-01-0${i}T10:00:00Z` });
    await givenSettings(t.ctx, { feedItems: 3 });
    expect((await rss('/feed/')).items.map((i) => i.title)).toEqual(['Story 4', 'Story 3', 'Story 2']);
  });

  it('keep titles with markup, ampersands, "]]>" and control characters as plain text in every format', async () => {
    const title = 'Tom & Jerry <script>alert(1)</script> ]]> "quoted" \u0007bell — Привет';
    await givenPost(t.ctx, { title, body: 'Code: `]]>` and <b>bold</b>.' });
    const clean = title.replace('\u0007', '');
    for (const url of ['/feed/', '/feed/atom/']) {
      const item = (await rss(url)).items[0]!;
      expect(item.title).toBe(clean);
      expect(item.content).toContain('<code>]]></code>');
    }
    expect((await json('/feed/json/')).items[0]!.title).toBe(title);
  });

  it('answer 304 to a reader that sends the ETag or the date back, and 200 with a new ETag once an article changes', async () => {
    const author = await givenAuthor(t.ctx);
    const input = { title: 'Story', status: 'published' as const, publishedAt: '2026-01-15T10:00:00Z', language: 'en', authorIds: [author] };
    const id = await givenPost(t.ctx, input);
    for (const url of ['/feed/', '/feed/atom/', '/feed/json/', '/tag/x/feed/'.replace('/tag/x', '/author/anna-keller')]) {
      const first = await get(url);
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers['last-modified']).toBe('Mon, 15 Jun 2026 12:00:00 GMT');
      const again = await get(url, { 'if-none-match': etag });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
      expect((await get(url, { 'if-modified-since': String(first.headers['last-modified']) })).statusCode).toBe(304);
      expect((await get(url, { 'if-none-match': '"stale"' })).statusCode).toBe(200);
    }
    const before = String((await get('/feed/')).headers.etag);
    t.clock.advance(60_000);
    await updatePost({ db: t.ctx.database.db, clock: t.ctx.clock }, id, { ...input, title: 'Story, corrected' });
    const changed = await get('/feed/', { 'if-none-match': before });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(before);
    expect(parseFeed(changed.body).items[0]!.title).toBe('Story, corrected');
    await givenSettings(t.ctx, { feedContent: 'summary' });
    expect((await get('/feed/', { 'if-none-match': String(changed.headers.etag) })).statusCode).toBe(200);
  });
});
