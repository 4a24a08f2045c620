import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fieldValue, postForm, savedPostId, signedIn, type Writer } from '../../../../test/admin-posts.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../../test/helpers.js';

describe.each(DIALECTS)('slugs of digits only in the post editor on %s', (dialect) => {
  let t: TestApp;
  let editor: Writer;
  const db = () => t.ctx.database.db;
  beforeEach(async () => {
    t = await buildTestApp(dialect, { now: '2026-03-20T12:00:00Z' });
    editor = await signedIn(t.app, t.ctx, 'editor', 'Ed Itor');
  });
  afterEach(async () => t.close());

  it('refuses a chosen slug of digits only next to the field, saying why, and saves nothing', async () => {
    const res = await editor.browser.post('/admin/posts/new', postForm({ title: 'Fifteen years on', slug: '15', action: 'publish' }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(
      '<p class="field-error" id="slug-error">A slug of digits only would hide the day archive at the same address (/2026/03/15/): add a word, such as 15-years</p>',
    );
    expect(fieldValue(res.body, 'slug')).toBe('15');
    expect(await db().selectFrom('posts').select('id').execute()).toEqual([]);
    // The day archive keeps its address.
    const fixed = savedPostId(await editor.browser.post('/admin/posts/new', postForm({ title: 'Fifteen years on', slug: '15-years', action: 'publish' })));
    expect((await db().selectFrom('posts').select('slug').where('id', '=', fixed).executeTakeFirstOrThrow()).slug).toBe('15-years');
    const day = await t.app.inject('/2026/03/15/');
    expect(day.statusCode).toBe(200);
    expect(day.body).toContain('<h1>15 March 2026</h1>');
  });

  it('gives a headline of digits only the slug with -2 added, then -3, and keeps it on later saves', async () => {
    const first = savedPostId(await editor.browser.post('/admin/posts/new', postForm({ title: '1984', action: 'publish' })));
    const second = savedPostId(await editor.browser.post('/admin/posts/new', postForm({ title: '1984', action: 'publish' })));
    const slugs = await db().selectFrom('posts').select(['id', 'slug']).orderBy('id').execute();
    expect(slugs).toEqual([{ id: first, slug: '1984-2' }, { id: second, slug: '1984-3' }]);
    expect((await t.app.inject('/2026/03/1984-2/')).statusCode).toBe(200);
    const page = await editor.browser.get(`/admin/posts/${first}/edit`);
    expect(fieldValue(page.body, 'slug')).toBe('1984-2');
  });
});
