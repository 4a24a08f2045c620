import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBrowser } from '../../../../test/admin.js';
import { givenAuthor, givenPost } from '../../../../test/fixtures.js';
import { DIALECTS, type TestApp } from '../../../../test/helpers.js';
import { expectValidHtml } from '../../../../test/html.js';
import { auditTrail, signedIn } from '../../../../test/site-admin.js';

describe.each(DIALECTS)('managing authors in the admin on %s', (dialect) => {
  let t: TestApp;
  let browser: TestBrowser;
  const db = () => t.ctx.database.db;
  const bylineOf = async (postId: number) =>
    (await db().selectFrom('post_authors').innerJoin('authors', 'authors.id', 'post_authors.author_id')
      .select('authors.slug').where('post_id', '=', postId).orderBy('position').execute()).map((r) => r.slug);
  const inTrash = async (postId: number) =>
    (await db().selectFrom('posts').select('deleted_at').where('id', '=', postId).executeTakeFirstOrThrow()).deleted_at !== null;
  const postsWithoutAuthor = async () =>
    (await db().selectFrom('posts').select('id').where('id', 'not in', db().selectFrom('post_authors').select('post_id')).execute()).length;

  beforeEach(async () => {
    ({ t, browser } = await signedIn(dialect, 'editor'));
  });
  afterEach(async () => t.close());

  it('lists authors with their post counts, creates one and refuses a slug in use', async () => {
    const anna = await givenAuthor(t.ctx, 'Anna Keller');
    await givenPost(t.ctx, { authorIds: [anna] });
    const list = await browser.get('/admin/authors');
    expect(list.body).toMatch(/Anna Keller<\/a><\/td><td><a href="\/author\/anna-keller\/">\/author\/anna-keller\/<\/a><\/td><td>1<\/td>/);
    await expectValidHtml(list.body, 'author list');
    const form = await browser.get('/admin/authors/new');
    for (const label of ['Name', 'Slug', 'Bio']) expect(form.body).toContain(`>${label}`);
    await expectValidHtml(form.body, 'new author form');
    const clash = await browser.post('/admin/authors/new', { name: 'Anna Keller', slug: '', bio: 'Another Anna.' });
    expect(clash.statusCode).toBe(422);
    expect(clash.body).toContain('<p class="field-error" id="slug-error">Another author already uses this slug</p>');
    expect(clash.body).toContain('Another Anna.</textarea>');
    const created = await browser.post('/admin/authors/new', { name: 'Олег Петров', slug: '', bio: 'Reports from Kazan.' });
    expect(created.statusCode).toBe(303);
    expect((await browser.get('/admin/authors')).body).toContain('/author/oleg-petrov/');
    expect((await auditTrail(t)).map((e) => [e.action, e.details])).toEqual([['author.create', { slug: 'oleg-petrov' }]]);
  });

  it('renames an author: their old address redirects to the new one', async () => {
    const id = await givenAuthor(t.ctx, 'Sam Rivers');
    await givenPost(t.ctx, { authorIds: [id] });
    const edit = await browser.get(`/admin/authors/${id}`);
    await expectValidHtml(edit.body, 'edit author form');
    await browser.post(`/admin/authors/${id}`, { name: 'Sam Rivers-Lee', slug: 'sam-rivers-lee', bio: '' });
    const old = await t.app.inject('/author/sam-rivers/');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/author/sam-rivers-lee/');
    expect((await auditTrail(t)).map((e) => [e.action, e.details])).toEqual([['author.rename', { from: 'sam-rivers', to: 'sam-rivers-lee' }]]);
  });

  it('deletes an author giving every post of theirs to another author, once per byline', async () => {
    const [anna, ben] = [await givenAuthor(t.ctx, 'Anna Keller'), await givenAuthor(t.ctx, 'Ben Okafor')];
    const alone = await givenPost(t.ctx, { authorIds: [anna] });
    const together = await givenPost(t.ctx, { authorIds: [anna, ben] });
    const confirm = await browser.get(`/admin/authors/${anna}/delete`);
    expect(confirm.body).toContain('What happens to their posts (2 posts, trash aside)?');
    await expectValidHtml(confirm.body, 'delete author confirmation');

    const unchosen = await browser.post(`/admin/authors/${anna}/delete`, { to: String(ben) });
    expect(unchosen.statusCode).toBe(422);
    expect(unchosen.body).toContain('Choose what happens to their posts');
    const nobody = await browser.post(`/admin/authors/${anna}/delete`, { posts: 'reassign', to: '' });
    expect(nobody.body).toContain('<p class="field-error" id="to-error">Choose another author to credit the posts to</p>');
    await expectValidHtml(nobody.body, 'delete author with an error');
    const themselves = await browser.post(`/admin/authors/${anna}/delete`, { posts: 'reassign', to: String(anna) });
    expect(themselves.statusCode).toBe(422);

    const done = await browser.post(`/admin/authors/${anna}/delete`, { posts: 'reassign', to: String(ben) });
    expect(done.statusCode).toBe(303);
    expect((await browser.get('/admin/authors')).body).toContain('Author “Anna Keller” deleted; 2 posts given to another author.');
    expect(await bylineOf(alone)).toEqual(['ben-okafor']);
    expect(await bylineOf(together)).toEqual(['ben-okafor']);
    const old = await t.app.inject('/author/anna-keller/');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/author/ben-okafor/');
    expect((await auditTrail(t)).map((e) => [e.action, e.details])).toEqual([
      ['author.delete', { slug: 'anna-keller', posts: 'reassign', to: 'ben-okafor', reassigned: 2, trashed: 0 }],
    ]);
  });

  it('deletes an author trashing the posts only they wrote; co-written posts keep their other authors; no post is left without one', async () => {
    const [anna, ben, chris] = [await givenAuthor(t.ctx, 'Anna Keller'), await givenAuthor(t.ctx, 'Ben Okafor'), await givenAuthor(t.ctx, 'Chris Lind')];
    const alone = await givenPost(t.ctx, { authorIds: [anna] });
    const together = await givenPost(t.ctx, { authorIds: [chris, anna] });
    const other = await givenPost(t.ctx, { authorIds: [ben] });
    await browser.get(`/admin/authors/${anna}/delete`);
    await browser.post(`/admin/authors/${anna}/delete`, { posts: 'trash', to: String(ben) });
    expect((await browser.get('/admin/authors')).body).toContain('Author “Anna Keller” deleted; 1 post moved to the trash.');
    expect(await inTrash(alone)).toBe(true);
    expect(await bylineOf(alone)).toEqual(['ben-okafor']);
    expect(await inTrash(together)).toBe(false);
    expect(await bylineOf(together)).toEqual(['chris-lind']);
    expect(await inTrash(other)).toBe(false);
    expect(await postsWithoutAuthor()).toBe(0);
    expect((await t.app.inject('/author/anna-keller/')).statusCode).toBe(404);
  });
});
