import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenUser } from '../../../test/admin.js';
import { Reader, commentIdOf } from '../../../test/comments.js';
import { givenAuthor, givenPage, givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { moderateComments } from '../comments/index.js';
import { updatePage } from '../pages/index.js';
import { publishDuePosts, unpublishPost, updatePost, type PostInput } from '../posts/index.js';
import { updateSiteSettings } from '../site/index.js';

const post = (n: number): Partial<PostInput> => ({
  title: `Dispatch ${n}`, slug: `dispatch-${n}`, body: `Body ${n}.`, publishedAt: `2026-01-1${n}T10:00:00Z`,
});
const path = (n: number) => `/2026/01/dispatch-${n}/`;

describe.each(DIALECTS)('what a change drops from the page cache on %s', (dialect) => {
  let t: TestApp;
  let ids: number[];
  const deps = () => ({ db: t.ctx.database.db, clock: t.clock, invalidator: t.ctx.pageCache!.invalidator });
  const hits = () => t.ctx.pageCache!.stats.hits;
  /** Whether the next GET of `url` comes from the cache (it is fetched either way). */
  const cached = async (url: string) => {
    const before = hits();
    await t.app.inject(url);
    return hits() === before + 1;
  };
  const warm = async (...urls: string[]) => {
    for (const url of urls) await t.app.inject(url);
  };

  beforeEach(async () => {
    t = await buildTestApp(dialect, { config: { pageCache: 'on' } });
    await givenSettings(t.ctx, { title: 'The Lantern', timeZone: 'UTC' });
    ids = [];
    for (const n of [1, 2, 3, 4]) ids.push(await givenPost(t.ctx, post(n)));
  });
  afterEach(async () => t.close());

  it('shows a corrected headline at once on the article, the home page and the feed, and leaves far-away articles cached', async () => {
    await warm('/', '/feed/', path(1), path(2), path(4), '/2026/01/11/');
    const authorIds = [await givenAuthor(t.ctx)];
    await updatePost(deps(), ids[0]!, { ...post(1), title: 'Dispatch one, corrected', status: 'published', language: 'en', authorIds } as PostInput);
    expect((await t.app.inject(path(1))).body).toContain('Dispatch one, corrected');
    expect((await t.app.inject('/')).body).toContain('Dispatch one, corrected');
    expect((await t.app.inject('/feed/')).body).toContain('Dispatch one, corrected');
    expect((await t.app.inject('/2026/01/11/')).body).toContain('Dispatch one, corrected');
    // Dispatch 2 links to 1 as its neighbour; 4 shows nothing of 1.
    expect((await t.app.inject(path(2))).body).toContain('Dispatch one, corrected');
    expect(await cached(path(4))).toBe(true);
  });

  it('takes an unpublished article off its page, the home page and the feed at once, and off the sidebar of a far-away cached article', async () => {
    const far = '/2019/03/harbour-dredging/';
    await givenPost(t.ctx, { title: 'Harbour dredging', slug: 'harbour-dredging', publishedAt: '2019-03-05T10:00:00Z' });
    await warm('/', '/feed/', path(3), far);
    expect((await t.app.inject(far)).body).toContain('<a href="/2026/01/">January 2026</a> (4)');
    const editorId = await givenUser(t.ctx, 'editor');
    await unpublishPost(deps(), { id: editorId, name: 'Ed', email: 'editor@lantern.example', role: 'editor', authorId: null }, ids[2]!);
    expect((await t.app.inject(path(3))).statusCode).toBe(404);
    expect((await t.app.inject('/')).body).not.toContain('Dispatch 3');
    expect((await t.app.inject('/feed/')).body).not.toContain('Dispatch 3');
    // An article from 2019 shows nothing of Dispatch 3 but the sidebar: it stays cached, with the new count.
    expect(await cached(far)).toBe(true);
    expect((await t.app.inject(far)).body).toContain('<a href="/2026/01/">January 2026</a> (3)');
  });

  it('shows an approved comment on its article and in its count on the home page, and keeps every other article cached', async () => {
    const maria = new Reader(t);
    const id = commentIdOf(await maria.comment(path(1), { body: 'The depot figures add up.' }));
    await warm('/', path(1), path(2), path(3), path(4), '/feed/');
    const moderator = await givenUser(t.ctx, 'editor');
    await moderateComments(deps(), [id], 'approve', { userId: moderator, actor: 'editor@lantern.example' });
    expect((await t.app.inject(path(1))).body).toContain('The depot figures add up.');
    expect((await t.app.inject('/')).body).toContain('1 comment');
    for (const n of [2, 3, 4]) expect(await cached(path(n))).toBe(true);
    expect(await cached('/feed/')).toBe(true);
  });

  it('shows a corrected static page at once and keeps the articles cached; a new page title reaches every menu', async () => {
    const id = await givenPage(t.ctx, 'about', 'About us', 'We report on the harbour.');
    const actor = { userId: await givenUser(t.ctx, 'admin'), actor: 'admin@lantern.example' };
    const page = { slug: 'about', title: 'About us', language: 'en', status: 'published' as const };
    await warm('/about/', '/', path(1), '/feed/');
    await updatePage(deps(), id, { ...page, body: 'We report on the harbour and the port.' }, actor);
    expect((await t.app.inject('/about/')).body).toContain('We report on the harbour and the port.');
    for (const url of ['/', path(1), '/feed/']) expect(await cached(url)).toBe(true);

    await updatePage(deps(), id, { ...page, title: 'Who we are', body: 'We report on the harbour and the port.' }, actor);
    for (const url of ['/', path(1)]) {
      expect(await cached(url)).toBe(false);
      expect((await t.app.inject(url)).body).toContain('>Who we are</a>');
    }
  });

  it('shows a new site title on every cached page once the setting changes', async () => {
    await warm('/', path(1), '/feed/', '/2026/01/');
    await updateSiteSettings(deps(), { title: 'The Evening Lantern' });
    for (const url of ['/', path(1), '/feed/', '/2026/01/']) {
      expect(await cached(url)).toBe(false);
    }
    expect((await t.app.inject(path(1))).body).toContain('The Evening Lantern');
  });

  it('moves a post to its new day archive when the time zone changes, leaving no stale day page', async () => {
    const late = await givenPost(t.ctx, { title: 'Late edition', slug: 'late-edition', publishedAt: '2026-01-20T23:30:00Z' });
    expect(late).toBeGreaterThan(0);
    await warm('/2026/01/20/', '/2026/01/21/');
    expect((await t.app.inject('/2026/01/20/')).body).toContain('Late edition');
    await updateSiteSettings(deps(), { timeZone: 'Asia/Tokyo' });
    expect((await t.app.inject('/2026/01/20/')).body).not.toContain('Late edition');
    expect((await t.app.inject('/2026/01/21/')).body).toContain('Late edition');
  });

  it('puts a scheduled post on the home page and in the feed when the publishing sweep makes it live', async () => {
    await givenPost(t.ctx, { title: 'Tomorrow’s story', slug: 'tomorrows-story', status: 'scheduled', publishedAt: '2026-06-16T06:00:00Z' });
    // A minute before it is due, well within a cached page's lifetime.
    t.clock.set('2026-06-16T05:59:00Z');
    await warm('/', '/feed/', path(4), path(1));
    expect((await t.app.inject('/')).body).not.toContain('Tomorrow’s story');
    t.clock.set('2026-06-16T06:00:00Z');
    expect(await publishDuePosts(t.ctx.database.db, t.clock.now(), t.ctx.pageCache!.invalidator)).toHaveLength(1);
    expect((await t.app.inject('/')).body).toContain('Tomorrow’s story');
    expect((await t.app.inject('/feed/')).body).toContain('Tomorrow’s story');
    // A far-away article stays cached; its sidebar lists the new month.
    expect(await cached(path(1))).toBe(true);
    expect((await t.app.inject(path(1))).body).toContain('<a href="/2026/06/">June 2026</a> (1)');
  });
});
