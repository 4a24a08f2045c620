import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';

const PAGES = ['/', '/2026/01/the-tram-strike/', '/2026/01/', '/feed/', '/feed/atom/', '/sitemap.xml', '/robots.txt'];

describe.each(DIALECTS)('a forged Host header and the page cache on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    // Behind a proxy, X-Forwarded-Host would count as the host: the worst case.
    t = await buildTestApp(dialect, { config: { pageCache: 'on', trustProxy: 'true' } });
    await givenSettings(t.ctx, { title: 'The Lantern', timeZone: 'UTC', baseUrl: 'https://lantern.example' });
    await givenPost(t.ctx, { title: 'The tram strike', slug: 'the-tram-strike', publishedAt: '2026-01-15T10:00:00Z' });
  });
  afterEach(async () => t.close());

  it('never shows readers the forged host: every page cached for it links to the configured site URL, and is the one they get', async () => {
    for (const url of PAGES) {
      const forged = await t.app.inject({ url, headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } });
      expect(forged.statusCode, url).toBe(200);
      expect(forged.body, url).not.toContain('evil.example');
    }
    const stored = t.ctx.pageCache!.stats.stores;
    const hits = t.ctx.pageCache!.stats.hits;
    for (const url of PAGES) {
      const normal = await t.app.inject({ url, headers: { host: 'lantern.example' } });
      expect(normal.statusCode, url).toBe(200);
      expect(normal.body, url).not.toContain('evil.example');
      expect(normal.body, url).toContain('https://lantern.example/');
    }
    // Served from what the forged requests left in the cache, not a copy per host name.
    expect(t.ctx.pageCache!.stats.hits).toBe(hits + PAGES.length);
    expect(t.ctx.pageCache!.stats.stores).toBe(stored);
  });
});
