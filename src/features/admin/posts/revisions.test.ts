import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fieldValue, postForm, savedPostId, signedIn, versionOf, type Writer } from '../../../../test/admin-posts.js';
import { expectValidHtml } from '../../../../test/html.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../../test/helpers.js';

describe.each(DIALECTS)('revisions and two people editing one post on %s', (dialect) => {
  let t: TestApp;
  let ed: Writer;
  let jo: Writer;
  const db = () => t.ctx.database.db;
  const title = async (id: number) => (await db().selectFrom('posts').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    ed = await signedIn(t.app, t.ctx, 'editor', 'Ed Itor');
    jo = await signedIn(t.app, t.ctx, 'editor', 'Jo Desk');
  });
  afterEach(async () => t.close());

  /** A post saved three times by Ed: first, second and third body. */
  async function postWithHistory(): Promise<number> {
    const id = savedPostId(await ed.browser.post('/admin/posts/new', postForm({ body: 'First line.\nSecond line.' })));
    t.clock.advance(60_000);
    await ed.browser.post(`/admin/posts/${id}`, postForm({ body: 'First line.\nSecond line, edited.', version: await versionOf(ed.browser, id) }));
    t.clock.advance(60_000);
    await ed.browser.post(`/admin/posts/${id}`, postForm({ title: 'Drivers strike', body: 'First line.\nSecond line, edited.\nThird line.', version: await versionOf(ed.browser, id) }));
    return id;
  }

  it('keeps a revision of every save and lists who saved it and when, newest first', async () => {
    const id = await postWithHistory();
    const page = await ed.browser.get(`/admin/posts/${id}/revisions`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<caption>3 revisions, newest first</caption>');
    const rows = [...page.body.matchAll(/<tr>\s*<td><time datetime="([^"]+)">[^<]*<\/time><\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td>/g)].map((m) => m.slice(1));
    expect(rows).toEqual([
      ['2026-06-15T12:02:00.000Z', 'Ed Itor', 'Saved (current)', 'Drivers strike'],
      ['2026-06-15T12:01:00.000Z', 'Ed Itor', 'Saved', 'Tram drivers vote to strike'],
      ['2026-06-15T12:00:00.000Z', 'Ed Itor', 'Saved', 'Tram drivers vote to strike'],
    ]);
    await expectValidHtml(page.body, 'revisions');
  });

  it('compares two revisions as a readable line diff of title, standfirst, body and post-script', async () => {
    const id = await postWithHistory();
    const [newest, , oldest] = await db().selectFrom('post_revisions').select('id').where('post_id', '=', id).orderBy('id', 'desc').execute();
    const page = await ed.browser.get(`/admin/posts/${id}/revisions/compare?from=${oldest!.id}&to=${newest!.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2 id="diff-standfirst">Standfirst <span class="unchanged">(unchanged)</span></h2>');
    expect(page.body).toContain('<span class="visually-hidden">Removed: </span>Tram drivers vote to strike</del>');
    expect(page.body).toContain('<span class="visually-hidden">Added: </span>Drivers strike</ins>');
    expect(page.body).toContain('<li class="same"><span class="sign" aria-hidden="true">  </span>First line.</li>');
    expect(page.body).toContain('<span class="visually-hidden">Removed: </span>Second line.</del>');
    expect(page.body).toContain('<span class="visually-hidden">Added: </span>Third line.</ins>');
    await expectValidHtml(page.body, 'compare');
    expect((await ed.browser.get(`/admin/posts/${id}/revisions/compare?from=999&to=${newest!.id}`)).statusCode).toBe(404);
  });

  it('restores an older revision as a new one, leaving the status and address alone, and records it', async () => {
    const id = await postWithHistory();
    await ed.browser.post(`/admin/posts/${id}`, postForm({ title: 'Drivers strike', action: 'publish', version: await versionOf(ed.browser, id) }));
    const oldest = await db().selectFrom('post_revisions').select('id').where('post_id', '=', id).orderBy('id').executeTakeFirstOrThrow();
    await ed.browser.get(`/admin/posts/${id}/revisions`);
    const res = await ed.browser.post(`/admin/posts/${id}/revisions/${oldest.id}/restore`, {});
    expect(res.statusCode).toBe(303);
    const row = await db().selectFrom('posts').select(['title', 'body_md', 'status', 'slug']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: 'Tram drivers vote to strike', body_md: 'First line.\nSecond line.', status: 'published', slug: 'drivers-strike' });
    const kinds = await db().selectFrom('post_revisions').select('kind').where('post_id', '=', id).orderBy('id').execute();
    expect(kinds.map((k) => k.kind)).toEqual(['save', 'save', 'save', 'save', 'restore']);
    const audit = await db().selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'post.revision_restore').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toMatchObject({ revision: oldest.id });
    expect((await ed.browser.get(`/admin/posts/${id}/revisions`)).body).toContain('Restored an older revision (current)');
  });

  it('warns the second person instead of overwriting, keeps their text, links to compare, and lets them save anyway', async () => {
    const id = savedPostId(await ed.browser.post('/admin/posts/new', postForm()));
    const edVersion = await versionOf(ed.browser, id);
    const joVersion = await versionOf(jo.browser, id);
    t.clock.advance(5 * 60_000);
    savedPostId(await ed.browser.post(`/admin/posts/${id}`, postForm({ title: 'Ed’s headline', version: edVersion })));

    const clash = await jo.browser.post(`/admin/posts/${id}`, postForm({ title: 'Jo’s headline', body: 'Jo’s body', version: joVersion }));
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toContain('<h2>Ed Itor changed this post while you were editing</h2>');
    expect(clash.body).toContain('Ed Itor saved it at <time datetime="2026-06-15T12:05:00.000Z">');
    expect(clash.body).toMatch(/<a href="\/admin\/posts\/\d+\/revisions\/compare\?from=\d+&amp;to=\d+">Compare their version/);
    expect(fieldValue(clash.body, 'title')).toBe('Jo’s headline');
    expect(fieldValue(clash.body, 'body')).toBe('Jo’s body');
    expect(await title(id)).toBe('Ed’s headline');
    await expectValidHtml(clash.body, 'conflict');

    // Pressing an ordinary button again still does not overwrite; "Save anyway" does.
    expect((await jo.browser.post(`/admin/posts/${id}`, postForm({ title: 'Jo’s headline', version: joVersion }))).statusCode).toBe(409);
    const overwrite = clash.body.match(/name="overwrite" value="([^"]+)"/)![1]!;
    expect(clash.body).toContain('>Save anyway</button>');
    const anyway = await jo.browser.post(`/admin/posts/${id}`, postForm({ title: 'Jo’s headline', version: joVersion, overwrite, conflictAction: 'save' }));
    expect(savedPostId(anyway)).toBe(id);
    expect(await title(id)).toBe('Jo’s headline');
  });

  it('warns about a conflict that is only a status change, naming who made it', async () => {
    const id = savedPostId(await ed.browser.post('/admin/posts/new', postForm({ action: 'publish' })));
    const joVersion = await versionOf(jo.browser, id);
    t.clock.advance(60_000);
    await ed.browser.get(`/admin/posts/${id}/edit`);
    expect((await ed.browser.post(`/admin/posts/${id}/unpublish`, {})).statusCode).toBe(303);
    const clash = await jo.browser.post(`/admin/posts/${id}`, postForm({ title: 'Jo’s headline', version: joVersion }));
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toContain(`<h2>Ed Itor changed this post while you were editing</h2>`);
  });

  it('autosaves what is typed without changing the post, and offers to bring it back', async () => {
    const id = savedPostId(await ed.browser.post('/admin/posts/new', postForm()));
    await ed.browser.get(`/admin/posts/${id}/edit`);
    const res = await t.app.inject({
      method: 'POST', url: `/admin/posts/${id}/autosave`,
      headers: { cookie: ed.browser.cookieHeader, 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': ed.browser.csrf, accept: 'application/json' },
      payload: new URLSearchParams(postForm({ title: 'Half-typed headline', body: 'Words in progress' }) as Record<string, string>).toString(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ savedAt: '2026-06-15T12:00:00.000Z' });
    expect(await title(id)).toBe('Tram drivers vote to strike');
    expect((await ed.browser.get(`/admin/posts/${id}/revisions`)).body).toContain('<caption>1 revision, newest first</caption>');

    const page = await ed.browser.get(`/admin/posts/${id}/edit`);
    expect(page.body).toContain(`<a href="/admin/posts/${id}/edit?autosave=1">Bring them back into the form</a>`);
    expect((await jo.browser.get(`/admin/posts/${id}/edit`)).body).not.toContain('Bring them back');
    const restored = await ed.browser.get(`/admin/posts/${id}/edit?autosave=1`);
    expect(fieldValue(restored.body, 'title')).toBe('Half-typed headline');
    expect(fieldValue(restored.body, 'body')).toBe('Words in progress');
    await expectValidHtml(restored.body, 'form from autosave');
    // Saving makes the autosave old news.
    await ed.browser.post(`/admin/posts/${id}`, postForm({ title: 'Half-typed headline', version: await versionOf(ed.browser, id) }));
    expect((await ed.browser.get(`/admin/posts/${id}/edit`)).body).not.toContain('Bring them back');
  });
});
