import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { demoPostsEn } from './content/posts-en.js';
import { demoPostsRu } from './content/posts-ru.js';
import { seedDemo } from './seed.js';

describe.each(DIALECTS)('the demo newsroom on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect, { now: '2026-11-26T12:00:00Z' });
    await seedDemo({ db: t.ctx.database.db, clock: t.clock }, { baseUrl: 'http://127.0.0.1:3000' });
  });
  afterEach(async () => t.close());

  it('has at least 40 posts over two years in English and Russian, with a translation and post-scripts', async () => {
    const posts = [...demoPostsEn, ...demoPostsRu];
    expect(posts.length).toBeGreaterThanOrEqual(40);
    const years = new Set(posts.map((p) => p.publishedAt.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(2);
    expect(new Set(posts.map((p) => p.language))).toEqual(new Set(['en', 'ru']));
    expect(posts.some((p) => p.translationOf)).toBe(true);
    expect(posts.some((p) => p.postscript)).toBe(true);
    const rows = await t.ctx.database.db.selectFrom('posts').select(['translation_group', 'updated_at', 'published_at']).execute();
    expect(rows).toHaveLength(posts.length);
    expect(rows.filter((r) => r.translation_group).length).toBeGreaterThanOrEqual(2);
    // Seeded articles were not edited after publication, so none says "Updated".
    expect(rows.every((r) => r.updated_at === r.published_at)).toBe(true);
  });

  it('links only to pages that exist on the demo site', async () => {
    const rows = await t.ctx.database.db.selectFrom('posts').select(['body_html', 'postscript_html']).execute();
    const pages = await t.ctx.database.db.selectFrom('pages').select('body_html').execute();
    const html = [...rows.flatMap((r) => [r.body_html, r.postscript_html]), ...pages.map((p) => p.body_html)].join('\n');
    const links = new Set([...html.matchAll(/href="(\/[^"#]*)/g)].map((m) => m[1]!));
    expect(links.size).toBeGreaterThan(0);
    for (const link of links) {
      const res = await t.app.inject(link);
      expect(res.statusCode, link).toBe(200);
    }
  });
});
