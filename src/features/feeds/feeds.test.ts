import { parseFeed } from '@rowanmanning/feed-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenUser } from '../../../test/admin.js';
import { givenAuthor, givenCategory, givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { parseJsonFeed } from '../../../test/json-feed.js';
import { all, parseXml, textOf } from '../../../test/xml-tree.js';
import { updateAuthor, updateCategory, updatePost, updateTag } from '../posts/index.js';

const BASE = 'http://127.0.0.1:3000';

describe.each(DIALECTS)('feeds on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
  });
  afterEach(async () => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
  const rss = async (url: string) => parseFeed((await get(url)).body);
  const json = async (url: string) => parseJsonFeed((await get(url)).body);

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
    for (const url of ['/feed/', '/feed/atom/']) {
      const full = (await rss(url)).items[0]!;
      expect(full.content).toContain('<strong>long</strong>');
      expect(full.content, url).toMatch(/<h2>Postscript<\/h2>\s*<p>Corrected on Monday.<\/p>/);
    }
    expect((await json('/feed/json/')).items[0]!.content_html).toMatch(/<strong>long<\/strong>[\s\S]*<h2>Postscript<\/h2>\s*<p>Corrected on Monday.<\/p>/);

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
    for (const url of ['/feed/', '/feed/rss2/', '/feed/atom/', '/feed/json/', '/author/anna-keller/feed/', '/feed/?lang=en']) {
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
  it('tell a feed reader when each article was published and when it was last corrected, in every format', async () => {
    const author = await givenAuthor(t.ctx);
    const input = { title: 'Story', slug: 'story', status: 'published' as const, publishedAt: '2026-01-15T10:00:00Z', language: 'en', authorIds: [author] };
    const id = await givenPost(t.ctx, input);
    t.clock.set('2026-06-16T08:30:00Z');
    await updatePost({ db: t.ctx.database.db, clock: t.ctx.clock }, id, { ...input, title: 'Story, corrected' });

    const atom = await rss('/feed/atom/');
    expect(atom.updated?.toISOString()).toBe('2026-06-16T08:30:00.000Z');
    expect(atom.items[0]!.published?.toISOString()).toBe('2026-01-15T10:00:00.000Z');
    expect(atom.items[0]!.updated?.toISOString()).toBe('2026-06-16T08:30:00.000Z');
    // RSS 2.0 has no element for the update: the feed parser reads pubDate, a plain XML parser the dcterms:modified beside it.
    expect((await rss('/feed/')).items[0]!.published?.toISOString()).toBe('2026-01-15T10:00:00.000Z');
    const channel = all(parseXml((await get('/feed/')).body), 'channel')[0]!;
    expect(textOf(channel, 'lastBuildDate')).toBe('Tue, 16 Jun 2026 08:30:00 GMT');
    const item = all(channel, 'item')[0]!;
    expect([textOf(item, 'pubDate'), textOf(item, 'dcterms:modified')]).toEqual(['Thu, 15 Jan 2026 10:00:00 GMT', '2026-06-16T08:30:00.000Z']);
    const jsonItem = (await json('/feed/json/')).items[0]!;
    expect([jsonItem.date_published, jsonItem.date_modified]).toEqual(['2026-01-15T10:00:00.000Z', '2026-06-16T08:30:00.000Z']);
  });

  it('keep the subscribers of a renamed category, tag or author: each old feed address leads to the new one', async () => {
    const editor = await givenUser(t.ctx, 'editor');
    const actor = { userId: editor, actor: 'editor@lantern.example' };
    const deps = { db: t.ctx.database.db, clock: t.ctx.clock };
    const courts = await givenCategory(t.ctx, 'courts');
    const anna = await givenAuthor(t.ctx, 'Anna Keller');
    await givenPost(t.ctx, { title: 'Story', categoryIds: [courts], tagNames: ['Strikes'], authorIds: [anna] });
    const tag = (await t.ctx.database.db.selectFrom('tags').select('id').where('slug', '=', 'strikes').executeTakeFirstOrThrow()).id;
    await updateCategory(deps, courts, { name: 'Justice', slug: 'justice' }, actor);
    await updateTag(deps, tag, { name: 'Walkouts', slug: 'walkouts' }, actor);
    await updateAuthor(deps, anna, { name: 'Anna Keller-Smith', slug: 'anna-keller-smith' }, actor);
    for (const [from, to] of [['/category/courts/', '/category/justice/'], ['/tag/strikes/', '/tag/walkouts/'], ['/author/anna-keller/', '/author/anna-keller-smith/']]) {
      for (const suffix of ['feed/', 'feed/rss2/', 'feed/atom/', 'feed/json/']) {
        const moved = await get(from + suffix);
        expect([moved.statusCode, moved.headers.location], from + suffix).toEqual([301, to + suffix]);
        const feed = await get(to + suffix);
        expect(feed.statusCode).toBe(200);
        if (suffix !== 'feed/json/') expect(parseFeed(feed.body).items.map((i) => i.title)).toEqual(['Story']);
      }
    }
    expect((await get('/category/never-was/feed/')).statusCode).toBe(404);
  });
});
