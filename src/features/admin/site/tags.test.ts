import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBrowser } from '../../../../test/admin.js';
import { givenPost } from '../../../../test/fixtures.js';
import { DIALECTS, type TestApp } from '../../../../test/helpers.js';
import { expectValidHtml } from '../../../../test/html.js';
import { auditTrail, signedIn } from '../../../../test/site-admin.js';

describe.each(DIALECTS)('managing tags in the admin on %s', (dialect) => {
  let t: TestApp;
  let browser: TestBrowser;
  const db = () => t.ctx.database.db;
  const tagId = async (slug: string) => (await db().selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  const tagsOf = async (postId: number) =>
    (await db().selectFrom('post_tags').innerJoin('tags', 'tags.id', 'post_tags.tag_id').select('tags.slug').where('post_id', '=', postId).orderBy('tags.slug').execute()).map((r) => r.slug);

  beforeEach(async () => {
    ({ t, browser } = await signedIn(dialect, 'editor'));
  });
  afterEach(async () => t.close());

  it('lists tags with their post counts and creates new ones', async () => {
    await givenPost(t.ctx, { tagNames: ['Tram strike', 'Budget'] });
    await givenPost(t.ctx, { tagNames: ['Tram strike'] });
    const list = await browser.get('/admin/tags');
    expect(list.body).toMatch(/Tram strike<\/a><\/td><td><a href="\/tag\/tram-strike\/">\/tag\/tram-strike\/<\/a><\/td><td>2<\/td>/);
    await expectValidHtml(list.body, 'tag list');
    const form = await browser.get('/admin/tags/new');
    await expectValidHtml(form.body, 'new tag form');
    const clash = await browser.post('/admin/tags/new', { name: 'Budget', slug: '' });
    expect(clash.statusCode).toBe(422);
    expect(clash.body).toContain('<p class="field-error" id="slug-error">Another tag already uses this slug</p>');
    expect(clash.body).toContain('value="Budget"');
    await expectValidHtml(clash.body, 'tag form with an error');
    expect((await browser.post('/admin/tags/new', { name: 'Housing', slug: '' })).statusCode).toBe(303);
    expect((await browser.get('/admin/tags')).body).toContain('Tag “Housing” created.');
    expect((await auditTrail(t)).map((e) => [e.action, e.details])).toEqual([['tag.create', { slug: 'housing' }]]);
  });

  it('renames a tag: its old address redirects to the new one', async () => {
    await givenPost(t.ctx, { tagNames: ['Trams'] });
    const id = await tagId('trams');
    const edit = await browser.get(`/admin/tags/${id}`);
    await expectValidHtml(edit.body, 'edit tag form');
    await browser.post(`/admin/tags/${id}`, { name: 'Public transport', slug: 'public-transport' });
    const old = await t.app.inject('/tag/trams/');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/tag/public-transport/');
    expect((await t.app.inject('/tag/public-transport/')).statusCode).toBe(200);
    expect((await auditTrail(t)).map((e) => [e.action, e.details])).toEqual([['tag.rename', { from: 'trams', to: 'public-transport' }]]);
  });

  it('merges tags into one: their posts get it once, and their addresses redirect to it', async () => {
    const onlyTram = await givenPost(t.ctx, { tagNames: ['Tram'] });
    const tramAndTrams = await givenPost(t.ctx, { tagNames: ['Tram', 'Trams'] });
    const allThree = await givenPost(t.ctx, { tagNames: ['Trams', 'Tramways', 'Budget'] });
    const [tram, trams, tramways] = [await tagId('tram'), await tagId('trams'), await tagId('tramways')];
    const page = await browser.get('/admin/tags/merge');
    expect(page.body).toContain('<label for="sourceIds-0">Budget (1 post)</label>');
    await expectValidHtml(page.body, 'merge tags form');

    const nothing = await browser.post('/admin/tags/merge', { targetId: String(tramways) });
    expect(nothing.statusCode).toBe(422);
    expect(nothing.body).toContain('Choose at least one other tag to merge');
    const noTarget = await browser.post('/admin/tags/merge', { 'sourceIds[]': [String(tram)], targetId: '' });
    expect(noTarget.body).toContain('Choose the tag to merge into');
    expect(noTarget.body).toMatch(new RegExp(`value="${tram}" checked`));
    await expectValidHtml(noTarget.body, 'merge tags form with an error');

    const merged = await browser.post('/admin/tags/merge', { 'sourceIds[]': [String(tram), String(trams), String(tramways)], targetId: String(tramways) });
    expect(merged.statusCode).toBe(303);
    expect((await browser.get('/admin/tags')).body).toContain('2 tags merged.');
    expect(await tagsOf(onlyTram)).toEqual(['tramways']);
    expect(await tagsOf(tramAndTrams)).toEqual(['tramways']);
    expect(await tagsOf(allThree)).toEqual(['budget', 'tramways']);
    for (const old of ['/tag/tram/', '/tag/trams/']) {
      const res = await t.app.inject(old);
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe('/tag/tramways/');
    }
    expect((await db().selectFrom('tags').select('slug').orderBy('slug').execute()).map((r) => r.slug)).toEqual(['budget', 'tramways']);
    expect((await auditTrail(t)).map((e) => [e.action, e.details])).toEqual([['tag.merge', { into: 'tramways', merged: ['tram', 'trams'] }]]);
  });

  it('asks before deleting a tag, then its posts just lose it', async () => {
    const post = await givenPost(t.ctx, { tagNames: ['Gossip', 'Budget'] });
    const id = await tagId('gossip');
    const confirm = await browser.get(`/admin/tags/${id}/delete`);
    expect(confirm.body).toContain('Its 1 post will just lose this tag');
    await expectValidHtml(confirm.body, 'delete tag confirmation');
    await browser.post(`/admin/tags/${id}/delete`, {});
    expect(await tagsOf(post)).toEqual(['budget']);
    expect((await t.app.inject('/tag/gossip/')).statusCode).toBe(404);
    expect((await auditTrail(t)).map((e) => [e.action, e.details])).toEqual([['tag.delete', { slug: 'gossip', posts: 1 }]]);
  });
});
