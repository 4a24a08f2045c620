import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { termCountsAndTruth } from '../../../test/term-counts.js';
import { contentSnapshot, importInto, wxrFixture } from '../../../test/wordpress.js';
import { WxrError } from './wxr-error.js';

describe.each(DIALECTS)('importing a WordPress export on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect, { now: '2026-06-15T12:00:00Z' });
  });
  afterEach(async () => t.close());
  const db = () => t.ctx.database.db;
  const post = (slug: string) => db().selectFrom('posts').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();

  it('brings in authors, the category tree and tags, merging nothing it should not', async () => {
    await importInto(t, wxrFixture('site-1.2.xml'));
    const authors = await db().selectFrom('authors').select(['slug', 'name']).orderBy('slug').execute();
    expect(authors).toEqual([{ slug: 'alice', name: 'Alice Example' }, { slug: 'boris', name: 'Борис Петров' }, { slug: 'newcomer', name: 'newcomer' }]);
    const categories = await db().selectFrom('categories as c').leftJoin('categories as p', 'p.id', 'c.parent_id').select(['c.slug', 'c.name', 'p.slug as parent']).orderBy('c.slug').execute();
    expect(categories).toEqual([
      { slug: 'local-news', name: 'Local news', parent: 'news' },
      { slug: 'mir', name: 'Мир', parent: 'news' },
      { slug: 'news', name: 'News', parent: null },
      { slug: 'world-affairs', name: 'World affairs', parent: null },
    ]);
    expect((await db().selectFrom('tags').select('slug').orderBy('slug').execute()).map((r) => r.slug)).toEqual(['trams', 'vybory']);
  });

  it('maps every WordPress status, never makes a private or password-protected post public, and counts the public ones into the archive and term pages', async () => {
    const summary = await importInto(t, wxrFixture('site-1.2.xml'));
    const rows = await db().selectFrom('posts').select(['slug', 'status', 'published_at', 'deleted_at', 'review_requested_at', 'sticky']).orderBy('slug').execute();
    const bySlug = Object.fromEntries(rows.map((r) => [r.slug, r]));
    expect(bySlug['tram-strike']).toMatchObject({ status: 'published', published_at: '2019-05-06T08:30:00.000Z', sticky: 1 });
    // WordPress keeps its sticky posts in the sticky_posts option; the export marks each with <wp:is_sticky>1.
    expect(rows.filter((r) => Number(r.sticky) === 1).map((r) => r.slug)).toEqual(['tram-strike']);
    expect(bySlug['unfinished-draft']).toMatchObject({ status: 'draft', published_at: null });
    expect(bySlug.waiting).toMatchObject({ status: 'draft', review_requested_at: expect.any(String) });
    expect(bySlug['staff-only']).toMatchObject({ status: 'draft' });
    expect(bySlug.briefing).toMatchObject({ status: 'draft' });
    expect(bySlug['election-night']).toMatchObject({ status: 'scheduled', published_at: '2030-01-01T19:00:00.000Z' });
    expect(bySlug['binned-trashed']).toMatchObject({ status: 'draft', deleted_at: '2026-06-15T12:00:00.000Z' });
    expect(bySlug['arabic-hello']).toMatchObject({ status: 'published', published_at: '2019-05-14T10:00:00.000Z' });
    // The monthly archive counts the imported published posts, and nothing else.
    const months = await db().selectFrom('archive_months').select(['year', 'month', (eb) => eb.fn.sum<number | string>('posts').as('n')])
      .groupBy(['year', 'month']).execute();
    const published = rows.filter((r) => r.status === 'published' && r.deleted_at === null).length;
    expect(months.reduce((sum, m) => sum + Number(m.n), 0)).toBe(published);
    // So do the category (with sub-categories), tag and author pages' counts.
    const terms = await termCountsAndTruth(db());
    expect(terms.table.filter((r) => r.kind === 'category').length).toBeGreaterThan(0);
    expect(terms.table).toEqual(terms.truth);
    expect(summary.warnings).toEqual(expect.arrayContaining([
      { item: 'post 14 “Staff only”', message: 'private: imported unpublished' },
      { item: 'post 15 “Members\' briefing”', message: 'password-protected: imported unpublished' },
    ]));
    expect(summary.imported).toMatchObject({ post: 10, page: 3, attachment: 1, comment: 7, pingback: 1, trackback: 1 });
    expect(summary.skipped).toMatchObject({ nav_menu_item: 1 });
  });

  it('keeps the excerpt as the standfirst, the featured image, and converts the body to Markdown with figures', async () => {
    await importInto(t, wxrFixture('site-1.2.xml'));
    const strike = await post('tram-strike');
    expect(strike.standfirst).toBe('The second day of the strike.');
    expect(strike.featured_image_url).toBe('https://oldlamp.example/wp-content/uploads/2019/05/depot.jpg');
    expect(strike.featured_image_alt).toBe('Trams lined up in the depot');
    expect(strike.body_md).toContain('Drivers walked out again on Monday, the union said.');
    expect(strike.body_md).toContain('## What happens next');
    expect(strike.body_md).toContain('<figcaption>The depot at dawn</figcaption>');
    expect(strike.body_md).toContain('<td colspan="2">Day</td>');
    expect(strike.body_html).toContain('<br />\nA second line');
    expect(strike.body_html).toContain('“We will not go back,”');
    expect(strike.body_html).not.toContain('style=');
    const media = await post('media');
    expect(media.body_html).toContain('<img src="https://oldlamp.example/wp-content/uploads/2019/05/depot.jpg" alt="Trams lined up in the depot"');
    expect(media.body_html).toContain('<audio controls');
    expect(media.body_html).toContain('<video controls');
    expect(media.body_html).toContain('<a href="https://video.example/watch?v=abc"');
    expect(media.body_html).toContain('[pullquote]Never again[/pullquote]');
  }, 60_000);

  it('lists the unknown shortcodes with the posts that use them', async () => {
    const summary = await importInto(t, wxrFixture('site-1.2.xml'));
    expect(summary.unknownShortcodes).toEqual({
      'contact-form-7': ['post 11 “Tram drivers strike for a second day”'],
      pullquote: ['post 20 “Media round-up”'],
    });
  });

  it('threads comments under their parents and keeps emails private, statuses as they were', async () => {
    await importInto(t, wxrFixture('site-1.2.xml'));
    const strike = await post('tram-strike');
    const rows = await db().selectFrom('comments').select(['id', 'parent_id', 'depth', 'author_name', 'author_email', 'author_url', 'body', 'status', 'kind', 'ip', 'ip_hash']).where('post_id', '=', strike.id).orderBy('id').execute();
    const by = Object.fromEntries(rows.map((r) => [r.author_name, r]));
    expect(by.Eve!.parent_id).toBe(by.Dmitri!.id);
    expect(by.Carol).toMatchObject({ parent_id: by.Eve!.id, depth: 3, author_email: 'carol@example.org', author_url: 'https://carol.example/', body: 'A reply to a reply: agreed.', ip: null });
    expect(by.Carol!.ip_hash).not.toBe('');
    expect(by.Dmitri!.body).toBe('Good luck to the drivers.\n\nSecond paragraph.');
    expect(by.Frank!.status).toBe('pending');
    expect(by['Cheap pills']!.status).toBe('spam');
    expect(by.Gone!.status).toBe('trash');
    expect(by['Another Blog']!.kind).toBe('pingback');
    expect(by['Old Tracker']!.kind).toBe('trackback');
  });

  it('leaves pingbacks and trackbacks out when asked', async () => {
    const summary = await importInto(t, wxrFixture('site-1.2.xml'), { skipPings: true });
    expect(summary.skipped).toMatchObject({ pingback: 1, trackback: 1 });
    expect(await db().selectFrom('comments').select('id').where('kind', '!=', 'comment').execute()).toEqual([]);
  });

  it('records the attachment as media with its size, alt text and post', async () => {
    await importInto(t, wxrFixture('site-1.2.xml'));
    const strike = await post('tram-strike');
    const media = await db().selectFrom('media').selectAll().execute();
    expect(media).toEqual([expect.objectContaining({ url: 'https://oldlamp.example/wp-content/uploads/2019/05/depot.jpg', file_path: null, mime_type: 'image/jpeg', alt: 'Trams lined up in the depot', caption: 'The depot at dawn', parent_post_id: strike.id, width: 1200, height: 800 })]);
  });

  it('copies files from a copy of wp-content/uploads, serves them at /uploads/ and points the links there', async () => {
    const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'wpimport-uploads-'));
    try {
      fs.mkdirSync(path.join(uploads, '2019/05'), { recursive: true });
      fs.writeFileSync(path.join(uploads, '2019/05/depot.jpg'), 'not really a jpeg');
      const summary = await importInto(t, wxrFixture('site-1.2.xml'), { uploadsDir: uploads });
      expect(summary.imported['file copied']).toBe(1);
      const [media] = await db().selectFrom('media').select(['url', 'file_path']).execute();
      expect(media).toEqual({ url: '/uploads/2019/05/depot.jpg', file_path: 'uploads/2019/05/depot.jpg' });
      const strike = await post('tram-strike');
      expect(strike.featured_image_url).toBe('/uploads/2019/05/depot.jpg');
      expect(strike.body_html).toContain('<img src="/uploads/2019/05/depot.jpg"');
      expect((await post('media')).body_html).toContain('src="https://oldlamp.example/wp-content/uploads/2019/05/interview.mp3"');
      const file = await t.app.inject('/uploads/2019/05/depot.jpg');
      expect(file.statusCode).toBe(200);
      expect(file.body).toBe('not really a jpeg');
      expect(file.headers['cache-control']).toBe('public, max-age=86400');
    } finally {
      fs.rmSync(uploads, { recursive: true, force: true });
    }
  });

  it.each(['1.0', '1.1'])('imports an older WXR %s export with its comment and category', async (version) => {
    const summary = await importInto(t, wxrFixture(`site-${version}.xml`));
    expect(summary.imported).toMatchObject({ post: 1, comment: 1, category: 1, author: 1 });
    const written = await post('written');
    expect(written.body_md).toBe('First paragraph & more.\n\nSecond paragraph.');
    expect(written.published_at).toBe('2010-03-04T11:00:00.000Z');
  });

  it('changes nothing when the same file is imported a second time', async () => {
    await importInto(t, wxrFixture('site-1.2.xml'));
    const before = await contentSnapshot(db());
    const again = await importInto(t, wxrFixture('site-1.2.xml'));
    expect(await contentSnapshot(db())).toEqual(before);
    expect(again.imported).toEqual({});
    expect(again.alreadyThere).toMatchObject({ post: 10, page: 3, attachment: 1, comment: 7 });
  });

  it.each(['broken-truncated.xml', 'broken-entity.xml', 'broken-root.xml'])('writes nothing at all from a malformed file (%s)', async (name) => {
    const error = await importInto(t, wxrFixture(name)).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(WxrError);
    for (const rows of Object.values(await contentSnapshot(db()))) expect(rows).toEqual([]);
  });
});

describe.each(DIALECTS)('an interrupted WordPress import on %s', (dialect) => {
  it('finishes cleanly when run again, ending as a clean import does', { timeout: 180_000 }, async () => {
    const clean = await buildTestApp(dialect, { now: '2026-06-15T12:00:00Z' });
    const broken = await buildTestApp(dialect, { now: '2026-06-15T12:00:00Z' });
    try {
      await importInto(clean, wxrFixture('site-1.2.xml'));
      const kill = (items: number) => {
        if (items === 5) throw new Error('killed');
      };
      await expect(importInto(broken, wxrFixture('site-1.2.xml'), { afterItem: kill })).rejects.toThrow('killed');
      expect((await broken.ctx.database.db.selectFrom('posts').select('id').execute()).length).toBe(4);
      await importInto(broken, wxrFixture('site-1.2.xml'));
      expect(await contentSnapshot(broken.ctx.database.db)).toEqual(await contentSnapshot(clean.ctx.database.db));
    } finally {
      await clean.close();
      await broken.close();
    }
  });
});
