import { parseFeed } from '@rowanmanning/feed-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { expectValidHtml } from '../../../test/html.js';
import { parseJsonFeed } from '../../../test/json-feed.js';
import type { CommentState } from '../../storage/schema.js';
import { updatePost } from '../posts/index.js';

const BASE = 'https://lantern.example';
const FORMATS = { '': 'application/rss+xml', 'rss2/': 'application/rss+xml', 'atom/': 'application/atom+xml', 'json/': 'application/feed+json' };

describe.each(DIALECTS)('comment feeds on %s', (dialect) => {
  let t: TestApp;
  let strikeId: number;
  let budgetId: number;
  const db = () => t.ctx.database.db;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
  const parsed = async (url: string) => {
    const res = await get(url);
    expect(res.statusCode, url).toBe(200);
    return parseFeed(res.body);
  };
  const json = async (url: string) => parseJsonFeed((await get(url)).body);
  const guidOf = async (postId: number) => (await db().selectFrom('posts').select('guid').where('id', '=', postId).executeTakeFirstOrThrow()).guid;
  /** A comment as the comment rules store it, with a private email and IP the feeds must never show. */
  const givenComment = async (postId: number, name: string, body: string, createdAt: string, status: CommentState = 'approved') => {
    const row = await db().insertInto('comments').values({
      post_id: postId, author_name: name, author_email: `${name.split(' ')[0]!.toLowerCase()}@private.example`, author_url: 'https://commenter.example/',
      body, status, created_at: createdAt, approved_at: status === 'approved' ? createdAt : null, ip: '198.51.100.23', ip_hash: 'hash', user_agent: 'UA',
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  };

  beforeEach(async () => {
    t = await buildTestApp(dialect);
    await givenSettings(t.ctx, { title: 'The Lantern', baseUrl: BASE, timeZone: 'UTC' });
    strikeId = await givenPost(t.ctx, { title: 'Tram strike', slug: 'tram-strike', publishedAt: '2026-01-10T10:00:00Z' });
    budgetId = await givenPost(t.ctx, { title: 'Budget vote', slug: 'budget-vote', publishedAt: '2026-02-03T10:00:00Z' });
  });
  afterEach(async () => t.close());

  it('give a feed reader the newest approved comments of the whole site in RSS, Atom and JSON Feed, each titled by post and commenter', async () => {
    const first = await givenComment(strikeId, 'Maria Reader', 'Good reporting.', '2026-03-01T09:00:00.000Z');
    const second = await givenComment(budgetId, 'Ivan Petrov', 'Where are the figures?\n\nSee https://example.org/data.', '2026-03-02T09:00:00.000Z');
    for (const [suffix, type] of Object.entries(FORMATS)) {
      const res = await get(`/comments/feed/${suffix}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(`${type}; charset=utf-8`);
    }
    for (const url of ['/comments/feed/', '/comments/feed/atom/']) {
      const feed = await parsed(url);
      expect(feed.title).toBe('Comments on The Lantern');
      expect(feed.items.map((i) => i.title)).toEqual(['Comment on Budget vote by Ivan Petrov', 'Comment on Tram strike by Maria Reader']);
      const item = feed.items[0]!;
      expect(item.id).toBe(`${await guidOf(budgetId)}#comment-${second}`);
      expect(item.url).toBe(`${BASE}/comments/${second}/`);
      expect(item.authors.map((a) => a.name)).toEqual(['Ivan Petrov']);
      expect(item.published?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
      expect(item.content).toBe('<p>Where are the figures?</p><p>See <a href="https://example.org/data" rel="nofollow ugc noopener">https://example.org/data</a>.</p>');
      expect(feed.items[1]!.id).toBe(`${await guidOf(strikeId)}#comment-${first}`);
    }
    const feed = await json('/comments/feed/json/');
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(`${BASE}/comments/feed/json/`);
    expect(feed.home_page_url).toBe(`${BASE}/`);
    expect(feed.items.map((i) => [i.title, i.url])).toEqual([
      ['Comment on Budget vote by Ivan Petrov', `${BASE}/comments/${second}/`],
      ['Comment on Tram strike by Maria Reader', `${BASE}/comments/${first}/`],
    ]);
    expect(feed.items[1]!.content_html).toBe('<p>Good reporting.</p>');
    expect(feed.items[1]!.authors).toEqual([{ name: 'Maria Reader' }]);
    // The link leads to the comment on its article.
    const permalink = await get(`/comments/${first}/`);
    expect(permalink.headers.location).toBe(`/2026/01/tram-strike/#comment-${first}`);
  });

  it('give each article its own comment feed at its WordPress address, with only its comments', async () => {
    await givenComment(strikeId, 'Maria Reader', 'On the strike.', '2026-03-01T09:00:00.000Z');
    await givenComment(budgetId, 'Ivan Petrov', 'On the budget.', '2026-03-02T09:00:00.000Z');
    for (const suffix of ['', 'rss2/', 'atom/']) {
      const feed = await parsed(`/2026/01/tram-strike/feed/${suffix}`);
      expect(feed.title).toBe('The Lantern — Comments on “Tram strike”');
      expect(feed.url).toBe(`${BASE}/2026/01/tram-strike/`);
      expect(feed.items.map((i) => i.title)).toEqual(['Comment on Tram strike by Maria Reader']);
    }
    const feed = await json('/2026/02/budget-vote/feed/json/');
    expect(feed.feed_url).toBe(`${BASE}/2026/02/budget-vote/feed/json/`);
    expect(feed.items.map((i) => i.content_html)).toEqual(['<p>On the budget.</p>']);
    // The article itself is still served at its address.
    expect((await get('/2026/01/tram-strike/')).statusCode).toBe(200);
  });

  it('never list pending, spam or trashed comments, nor comments on drafts, scheduled articles or articles in the trash', async () => {
    const draft = await givenPost(t.ctx, { title: 'Draft', slug: 'draft', status: 'draft' });
    const scheduled = await givenPost(t.ctx, { title: 'Scheduled', slug: 'scheduled', status: 'scheduled', publishedAt: '2026-12-01T10:00:00Z' });
    const trashed = await givenPost(t.ctx, { title: 'Trashed', slug: 'trashed', publishedAt: '2026-01-20T10:00:00Z' });
    await givenComment(strikeId, 'Approved Person', 'Seen.', '2026-03-01T09:00:00.000Z');
    for (const status of ['pending', 'spam', 'trash'] as const) await givenComment(strikeId, `Held ${status}`, 'Not seen.', '2026-03-02T09:00:00.000Z', status);
    for (const id of [draft, scheduled, trashed]) await givenComment(id, 'Hidden Post', 'Not seen.', '2026-03-03T09:00:00.000Z');
    await db().updateTable('posts').set({ deleted_at: '2026-06-01T00:00:00.000Z' }).where('id', '=', trashed).execute();
    for (const url of ['/comments/feed/', '/comments/feed/atom/', '/2026/01/tram-strike/feed/']) {
      expect((await parsed(url)).items.map((i) => i.title), url).toEqual(['Comment on Tram strike by Approved Person']);
    }
    expect((await json('/comments/feed/json/')).items.map((i) => i.title)).toEqual(['Comment on Tram strike by Approved Person']);
    for (const url of ['/2026/01/draft/feed/', '/2026/12/scheduled/feed/atom/', '/2026/01/trashed/feed/json/']) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });

  it('never show a commenter\'s email, website or IP address in any comment feed', async () => {
    await givenComment(strikeId, 'Maria Reader', 'Private people.', '2026-03-01T09:00:00.000Z');
    for (const base of ['/comments/feed/', '/2026/01/tram-strike/feed/']) {
      for (const suffix of Object.keys(FORMATS)) {
        const body = (await get(base + suffix)).body;
        expect(body).toContain('Private people.');
        for (const secret of ['private.example', '@', '198.51.100.23', 'commenter.example']) expect(body, `${base + suffix} ${secret}`).not.toContain(secret);
      }
    }
  });

  it('carry hostile comment text as escaped, harmless text', async () => {
    await givenComment(strikeId, 'Mallory <b>', '<script>alert(1)</script> <img src=x onerror=alert(2)> javascript:alert(3) ]]> \u202Eevil', '2026-03-01T09:00:00.000Z');
    for (const url of ['/comments/feed/', '/comments/feed/atom/']) {
      expect((await parsed(url)).items[0]!.title).toBe('Comment on Tram strike by Mallory <b>');
      // The HTML inside the XML (CDATA in RSS, escaped text in Atom) holds no tag but <p>.
      const raw = (await get(url)).body;
      for (const tag of ['<script', '<img', '<b>', '\u202E']) expect(raw, url).not.toContain(tag);
    }
    expect((await json('/comments/feed/json/')).items[0]!.content_html)
      .toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; javascript:alert(3) ]]&gt; evil</p>');
  });

  it('answer 404 for the comment feed of an address where no article is', async () => {
    for (const url of ['/2026/01/no-such-article/feed/', '/2026/02/tram-strike/feed/', '/2026/13/tram-strike/feed/atom/', '/2026/01/Bad_Slug/feed/json/', '/1999/01/tram-strike/feed/']) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });

  it('answer 304 while nothing changed, and 200 once a comment is approved, even one written before the reader last looked', async () => {
    await givenComment(strikeId, 'Maria Reader', 'First.', '2026-03-01T09:00:00.000Z');
    const late = await givenComment(strikeId, 'Late Approval', 'Held a while.', '2026-03-01T10:00:00.000Z', 'pending');
    for (const url of ['/comments/feed/', '/comments/feed/atom/', '/comments/feed/json/', '/2026/01/tram-strike/feed/']) {
      const first = await get(url);
      const etag = String(first.headers.etag);
      expect(first.headers['last-modified']).toBe('Sun, 01 Mar 2026 09:00:00 GMT');
      expect((await get(url, { 'if-none-match': etag })).statusCode, url).toBe(304);
      expect((await get(url, { 'if-modified-since': String(first.headers['last-modified']) })).statusCode, url).toBe(304);
    }
    const before = await get('/2026/01/tram-strike/feed/');
    await db().updateTable('comments').set({ status: 'approved', approved_at: '2026-06-15T11:00:00.000Z' }).where('id', '=', late).execute();
    const byTag = await get('/2026/01/tram-strike/feed/', { 'if-none-match': String(before.headers.etag) });
    expect(byTag.statusCode).toBe(200);
    expect(parseFeed(byTag.body).items.map((i) => i.title)).toEqual(['Comment on Tram strike by Late Approval', 'Comment on Tram strike by Maria Reader']);
    const byDate = await get('/comments/feed/', { 'if-modified-since': String(before.headers['last-modified']) });
    expect(byDate.statusCode).toBe(200);
    expect(byDate.headers['last-modified']).toBe('Mon, 15 Jun 2026 11:00:00 GMT');
  });

  it('list as many comments as the feedItems setting says', async () => {
    for (let i = 1; i <= 4; i++) await givenComment(strikeId, `Reader ${i}`, `Comment ${i}.`, `2026-03-0${i}T09:00:00.000Z`);
    await givenSettings(t.ctx, { feedItems: 3 });
    expect((await parsed('/comments/feed/')).items.map((i) => i.content)).toEqual(['<p>Comment 4.</p>', '<p>Comment 3.</p>', '<p>Comment 2.</p>']);
  });

  it('announce an article\'s comment feeds on its page when its comments are open or it has comments, and not otherwise', async () => {
    const links = (page: string) => [...page.matchAll(/<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1], m[2], m[3]]);
    const open = (await get('/2026/01/tram-strike/')).body;
    expect(links(open)).toEqual([
      ['application/rss+xml', 'The Lantern (RSS)', `${BASE}/feed/`],
      ['application/atom+xml', 'The Lantern (Atom)', `${BASE}/feed/atom/`],
      ['application/feed+json', 'The Lantern (JSON Feed)', `${BASE}/feed/json/`],
      ['application/rss+xml', 'The Lantern — Comments on “Tram strike” (RSS)', `${BASE}/2026/01/tram-strike/feed/`],
      ['application/atom+xml', 'The Lantern — Comments on “Tram strike” (Atom)', `${BASE}/2026/01/tram-strike/feed/atom/`],
      ['application/feed+json', 'The Lantern — Comments on “Tram strike” (JSON Feed)', `${BASE}/2026/01/tram-strike/feed/json/`],
    ]);
    expect(open).not.toContain('<!--comment-feeds');
    await expectValidHtml(open, 'article with comment feed links');

    await db().updateTable('posts').set({ comment_status: 'closed' }).where('id', 'in', [strikeId, budgetId]).execute();
    const closedEmpty = (await get('/2026/01/tram-strike/')).body;
    expect(links(closedEmpty).map((l) => l[2])).toEqual([`${BASE}/feed/`, `${BASE}/feed/atom/`, `${BASE}/feed/json/`]);
    expect(closedEmpty).not.toContain('<!--comment-feeds');

    await givenComment(budgetId, 'Maria Reader', 'Said before closing.', '2026-03-01T09:00:00.000Z');
    expect(links((await get('/2026/02/budget-vote/')).body).map((l) => l[2])).toContain(`${BASE}/2026/02/budget-vote/feed/`);
    // Closed by age, with no comments: no comment feed either.
    await db().updateTable('posts').set({ comment_status: 'open' }).where('id', '=', strikeId).execute();
    await givenSettings(t.ctx, { comments: { ...(await import('../site/index.js')).DEFAULT_SETTINGS.comments, closeCommentsAfterDays: 30 } });
    expect(links((await get('/2026/01/tram-strike/')).body)).toHaveLength(3);
  });
  it('keep an article\'s comment feed when its slug changes: the same entry ids at the new address, and the old address leads there', async () => {
    const input = { title: 'Night trams', slug: 'night-trams', status: 'published' as const, publishedAt: '2026-01-12T10:00:00Z', language: 'en' };
    const id = await givenPost(t.ctx, input);
    const comment = await givenComment(id, 'Maria Reader', 'They ran late.', '2026-03-01T09:00:00.000Z');
    const before = (await parsed('/2026/01/night-trams/feed/atom/')).items.map((i) => i.id);
    expect(before).toEqual([`${await guidOf(id)}#comment-${comment}`]);
    const authorIds = (await db().selectFrom('post_authors').select('author_id').where('post_id', '=', id).execute()).map((r) => r.author_id);
    await updatePost({ db: db(), clock: t.ctx.clock }, id, { ...input, slug: 'late-trams', authorIds });
    for (const suffix of ['', 'rss2/', 'atom/']) {
      expect((await parsed(`/2026/01/late-trams/feed/${suffix}`)).items.map((i) => i.id)).toEqual(before);
      const old = await get(`/2026/01/night-trams/feed/${suffix}`);
      expect([old.statusCode, old.headers.location]).toEqual([301, `/2026/01/late-trams/feed/${suffix}`]);
    }
    expect((await json('/2026/01/late-trams/feed/json/')).items.map((i) => i.id)).toEqual(before);
    expect((await get('/2026/01/night-trams/feed/json/')).headers.location).toBe('/2026/01/late-trams/feed/json/');
    // The site-wide comment feed keeps the id and links to the comment, wherever its article lives.
    const site = (await parsed('/comments/feed/')).items.find((i) => i.id === before[0]);
    expect(site?.url).toBe(`${BASE}/comments/${comment}/`);
    expect((await get(`/comments/${comment}/`)).headers.location).toBe(`/2026/01/late-trams/#comment-${comment}`);
  });
});
