import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBrowser } from '../../../../test/admin.js';
import { givenCategory, givenPost } from '../../../../test/fixtures.js';
import { DIALECTS, type TestApp } from '../../../../test/helpers.js';
import { expectValidHtml } from '../../../../test/html.js';
import { auditTrail, signedIn } from '../../../../test/site-admin.js';

describe.each(DIALECTS)('managing categories in the admin on %s', (dialect) => {
  let t: TestApp;
  let browser: TestBrowser;
  const categoriesOf = async (postId: number) =>
    (await t.ctx.database.db.selectFrom('post_categories').innerJoin('categories', 'categories.id', 'post_categories.category_id')
      .select('categories.slug').where('post_id', '=', postId).orderBy('categories.slug').execute()).map((r) => r.slug);
  const parentOf = async (slug: string) =>
    (await t.ctx.database.db.selectFrom('categories').select('parent_id').where('slug', '=', slug).executeTakeFirstOrThrow()).parent_id;

  beforeEach(async () => {
    ({ t, browser } = await signedIn(dialect, 'editor'));
  });
  afterEach(async () => t.close());

  it('creates categories inside others and lists them as a tree with their post counts', async () => {
    const world = await givenCategory(t.ctx, 'world');
    await givenPost(t.ctx, { categoryIds: [world] });
    const form = await browser.get('/admin/categories/new');
    for (const label of ['Name', 'Slug', 'Description', 'Parent category']) expect(form.body).toContain(`>${label}`);
    await expectValidHtml(form.body, 'new category form');
    const created = await browser.post('/admin/categories/new', { name: 'Europe & Asia', slug: '', description: 'Both.', parentId: String(world) });
    expect(created.statusCode).toBe(303);
    const list = await browser.get('/admin/categories');
    expect(list.body).toContain('Category “Europe &amp; Asia” created.');
    expect(list.body).toMatch(/<li><a href="\/admin\/categories\/\d+">World<\/a> <span class="meta">\/category\/world\/ · 1 post<\/span><ul class="tree"><li><a href="\/admin\/categories\/\d+">Europe &amp; Asia<\/a> <span class="meta">\/category\/europe-asia\/ · 0 posts/);
    await expectValidHtml(list.body, 'category tree');
    expect((await auditTrail(t)).map((e) => [e.action, e.details])).toEqual([['category.create', { slug: 'europe-asia' }]]);
  });

  it('refuses to put a category inside itself or one of its sub-categories', async () => {
    const world = await givenCategory(t.ctx, 'world');
    const europe = await givenCategory(t.ctx, 'europe', world);
    const balkans = await givenCategory(t.ctx, 'balkans', europe);
    const edit = await browser.get(`/admin/categories/${world}`);
    expect(edit.body).not.toContain(`<option value="${balkans}"`);
    await expectValidHtml(edit.body, 'edit category form');
    for (const parentId of [balkans, world]) {
      const res = await browser.post(`/admin/categories/${world}`, { name: 'World', slug: 'world', description: '', parentId: String(parentId) });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('<p class="field-error" id="parentId-error">A category cannot sit inside itself or one of its sub-categories</p>');
      await expectValidHtml(res.body, 'category form with a cycle refused');
    }
    expect(await parentOf('world')).toBeNull();
    const moved = await browser.post(`/admin/categories/${balkans}`, { name: 'Balkans', slug: 'balkans', description: '', parentId: String(world) });
    expect(moved.statusCode).toBe(303);
    expect(await parentOf('balkans')).toBe(world);
  });

  it('renames a category: its old address redirects to the new one', async () => {
    const id = await givenCategory(t.ctx, 'climate');
    await givenPost(t.ctx, { categoryIds: [id] });
    await browser.get(`/admin/categories/${id}`);
    await givenCategory(t.ctx, 'weather');
    const clash = await browser.post(`/admin/categories/${id}`, { name: 'Climate', slug: 'weather', description: '', parentId: '' });
    expect(clash.body).toContain('Another category already uses this slug');
    expect(clash.body).toContain('value="weather"');
    await browser.post(`/admin/categories/${id}`, { name: 'Climate crisis', slug: 'climate-crisis', description: '', parentId: '' });
    const old = await t.app.inject('/category/climate/');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/category/climate-crisis/');
    expect((await t.app.inject('/category/climate-crisis/')).body).toContain('Climate crisis');
    expect((await auditTrail(t)).map((e) => [e.action, e.details])).toEqual([['category.rename', { from: 'climate', to: 'climate-crisis' }]]);
  });

  it('deletes a category moving its posts to another one; its sub-categories move up and its address redirects', async () => {
    const news = await givenCategory(t.ctx, 'news');
    const local = await givenCategory(t.ctx, 'local', news);
    await givenCategory(t.ctx, 'council', local);
    const politics = await givenCategory(t.ctx, 'politics');
    const onlyLocal = await givenPost(t.ctx, { categoryIds: [local] });
    const both = await givenPost(t.ctx, { categoryIds: [local, politics] });
    const confirm = await browser.get(`/admin/categories/${local}/delete`);
    expect(confirm.body).toContain('What happens to its 2 posts?');
    expect(confirm.body).toContain('Its sub-categories (Council) will move up to “News”.');
    await expectValidHtml(confirm.body, 'delete category confirmation');

    const unchosen = await browser.post(`/admin/categories/${local}/delete`, {});
    expect(unchosen.statusCode).toBe(422);
    expect(unchosen.body).toContain('Choose what happens to its posts');
    const noTarget = await browser.post(`/admin/categories/${local}/delete`, { posts: 'move', to: '' });
    expect(noTarget.body).toContain('Choose another category to move the posts to');
    expect(noTarget.body).toContain('<input type="radio" id="posts-0" name="posts" value="move" checked');
    await expectValidHtml(noTarget.body, 'delete category with an error');

    const done = await browser.post(`/admin/categories/${local}/delete`, { posts: 'move', to: String(politics) });
    expect(done.statusCode).toBe(303);
    expect((await browser.get('/admin/categories')).body).toContain('Category “Local” deleted; 2 posts moved to “Politics”.');
    expect(await categoriesOf(onlyLocal)).toEqual(['politics']);
    expect(await categoriesOf(both)).toEqual(['politics']);
    expect(await parentOf('council')).toBe(news);
    const old = await t.app.inject('/category/local/');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/category/politics/');
    expect((await auditTrail(t)).map((e) => [e.action, e.details])).toEqual([
      ['category.delete', { slug: 'local', posts: 2, movedTo: 'politics' }],
    ]);
  });

  it('deletes a category just removing it from its posts, and its address then answers 404', async () => {
    const sport = await givenCategory(t.ctx, 'sport');
    const post = await givenPost(t.ctx, { categoryIds: [sport] });
    await browser.get(`/admin/categories/${sport}/delete`);
    await browser.post(`/admin/categories/${sport}/delete`, { posts: 'detach' });
    expect(await categoriesOf(post)).toEqual([]);
    expect((await t.app.inject('/category/sport/')).statusCode).toBe(404);
    expect((await auditTrail(t)).map((e) => e.details)).toEqual([{ slug: 'sport', posts: 1, postsLoseIt: true }]);
  });
});
