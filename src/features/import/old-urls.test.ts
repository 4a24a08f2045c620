import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { importInto, wxrFixture } from '../../../test/wordpress.js';

describe.each(DIALECTS)('old WordPress addresses after an import on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { now: '2026-06-15T12:00:00Z' });
    await importInto(t, wxrFixture('site-1.2.xml'));
  });
  afterAll(async () => t.close());

  it.each([
    ['/2019/05/06/tram-strike/', '/2019/05/tram-strike/'],
    ['/?p=11', '/2019/05/tram-strike/'],
    ['/?p=11&utm_source=x', '/2019/05/tram-strike/'],
    ['/2019/05/13/%d0%b2%d1%8b%d0%b1%d0%be%d1%80%d1%8b/', '/2019/05/vybory/'],
    ['/?page_id=30', '/about/'],
    ['/about/team/', '/team/'],
    ['/?attachment_id=10', '/2019/05/tram-strike/'],
    ['/2019/05/tram-strike/tram-depot/', '/2019/05/tram-strike/'],
    ['/category/news/local-news/', '/category/local-news/'],
    ['/?cat=5', '/category/local-news/'],
    ['/category/news/%d0%bc%d0%b8%d1%80/', '/category/mir/'],
    ['/tag/%d0%b2%d1%8b%d0%b1%d0%be%d1%80%d1%8b/', '/tag/vybory/'],
    ['/category/news/local-news/feed/', '/category/local-news/feed/'],
    ['/?feed=rss2', '/feed/'],
    ['/?feed=atom', '/feed/atom/'],
  ])('a reader following %s lands on %s with a permanent redirect', async (from, to) => {
    const response = await t.app.inject(from);
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe(to);
  });

  it('serves the imported article, with its approved comments, where the redirect points', async () => {
    const response = await t.app.inject('/2019/05/tram-strike/');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Tram drivers strike for a second day');
    expect(response.body).toContain('Replying to Dmitri.');
    expect(response.body).not.toContain('Buy now');
    expect(response.body).not.toContain('carol@example.org');
  });

  it('gives no address at all to a password-protected or private post', async () => {
    expect((await t.app.inject('/2019/05/11/briefing/')).statusCode).toBe(404);
    expect((await t.app.inject('/2019/05/briefing/')).statusCode).toBe(404);
    expect((await t.app.inject('/2019/05/staff-only/')).statusCode).toBe(404);
  });

  it('leaves ordinary query strings alone', async () => {
    expect((await t.app.inject('/?p=999')).statusCode).toBe(200);
    expect((await t.app.inject('/?page=2')).statusCode).not.toBe(301);
  });
});
