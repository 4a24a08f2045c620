import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenAuthor, givenCategory, givenPost, givenSettings } from '../../../test/fixtures.js';
import { expectValidHtml } from '../../../test/html.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';

describe.each(DIALECTS)('category, tag and author pages on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
  });
  afterEach(async () => t.close());

  it('list a category with the posts of its child categories', async () => {
    const reporting = await givenCategory(t.ctx, 'reporting');
    const courts = await givenCategory(t.ctx, 'courts', reporting);
    const other = await givenCategory(t.ctx, 'analysis');
    await givenPost(t.ctx, { title: 'Parent story', categoryIds: [reporting], publishedAt: '2026-01-01T10:00:00Z' });
    await givenPost(t.ctx, { title: 'Child story', categoryIds: [courts], publishedAt: '2026-01-02T10:00:00Z' });
    await givenPost(t.ctx, { title: 'Unrelated story', categoryIds: [other] });
    const res = await t.app.inject('/category/reporting/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Category: Reporting</h1>');
    expect(res.body).toContain('Parent story');
    expect(res.body).toContain('Child story');
    expect(res.body).not.toContain('Unrelated story');
    await expectValidHtml(res.body, 'category page');
    const child = await t.app.inject('/category/courts/');
    expect(child.body).not.toContain('Parent story');
  });

  it('list a tag and an author (with the bio), paginated, and 404 for unknown ones', async () => {
    await givenSettings(t.ctx, { postsPerPage: 2 });
    const anna = await givenAuthor(t.ctx, 'Anna Keller', 'Covers the courts.');
    for (let i = 1; i <= 3; i++) {
      await givenPost(t.ctx, { title: `Tagged ${i}`, tagNames: ['Press freedom'], authorIds: [anna], publishedAt: `2026-02-0${i}T10:00:00Z` });
    }
    const tag = await t.app.inject('/tag/press-freedom/');
    expect(tag.body).toContain('<h1>Tag: Press freedom</h1>');
    expect(tag.body).toContain('Tagged 3');
    expect(tag.body).not.toContain('Tagged 1');
    expect(tag.body).toContain('href="/tag/press-freedom/page/2/" rel="next"');
    const page2 = await t.app.inject('/tag/press-freedom/page/2/');
    expect(page2.body).toContain('Tagged 1');
    const author = await t.app.inject('/author/anna-keller/');
    expect(author.body).toContain('<h1>Articles by Anna Keller</h1>');
    expect(author.body).toContain('Covers the courts.');
    await expectValidHtml(author.body, 'author page');
    expect((await t.app.inject('/tag/press-freedom/page/3/')).statusCode).toBe(404);
    expect((await t.app.inject('/tag/press-freedom/page/1/')).headers.location).toBe('/tag/press-freedom/');
    for (const path of ['/tag/nope/', '/author/nobody/', '/category/none/']) {
      expect((await t.app.inject(path)).statusCode, path).toBe(404);
    }
  });
});
