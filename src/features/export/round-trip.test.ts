import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportToString, importFromString } from '../../../test/export-helpers.js';
import { givenEverySortOfRow } from '../../../test/export-site.js';
import { buildTestApp, createTestDatabase, DIALECTS, type TestApp, type TestDatabase } from '../../../test/helpers.js';
import { termCountsAndTruth } from '../../../test/term-counts.js';
import type { DialectName } from '../../storage/db.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function siteWithEverything(dialect: DialectName): Promise<TestApp> {
  const t = await buildTestApp(dialect, { now: '2026-06-15T12:00:00Z' });
  cleanups.push(() => t.close());
  await givenEverySortOfRow(t.ctx);
  return t;
}

async function emptySite(dialect: DialectName): Promise<TestDatabase> {
  const target = await createTestDatabase(dialect);
  cleanups.push(() => target.drop());
  return target;
}

describe.each(DIALECTS)('export and import on %s', { timeout: 180_000 }, (dialect) => {
  // One source site for the file: the tests only read it.
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { now: '2026-06-15T12:00:00Z' });
    await givenEverySortOfRow(t.ctx);
  }, 180_000);
  afterAll(async () => t.close());

  it('gives the identical document after export → import into a new site → export, secrets and audit log included', async () => {
    for (const options of [{ secrets: false, auditLog: false }, { secrets: true, auditLog: true }]) {
      const first = await exportToString(t.ctx.database.db, options);
      const target = await emptySite(dialect);
      await importFromString(target.database, first);
      expect(await exportToString(target.database.db, options)).toBe(first);
    }
  });

  it('exports the same site byte-identically twice, with every kind of row in it', async () => {
    const text = await exportToString(t.ctx.database.db, { secrets: false, auditLog: true });
    expect(await exportToString(t.ctx.database.db, { secrets: false, auditLog: true })).toBe(text);
    const doc = JSON.parse(text) as { format: string; version: number; sections: Record<string, Record<string, unknown>[]> };
    expect(doc.format).toBe('broadside-export');
    for (const name of ['settings', 'authors', 'users', 'categories', 'tags', 'posts', 'post_authors', 'post_categories',
      'post_tags', 'post_revisions', 'pages', 'comments', 'comment_blocks', 'redirects', 'donation_drives', 'donations',
      'stripe_events', 'appeals', 'appeal_categories', 'media', 'import_map', 'audit_log']) {
      expect(doc.sections[name]?.length, name).toBeGreaterThan(0);
    }
    const states = new Set(doc.sections.comments!.map((c) => c.status));
    expect(states).toEqual(new Set(['approved', 'pending', 'spam', 'trash']));
    expect(new Set(doc.sections.posts!.map((p) => p.status))).toEqual(new Set(['draft', 'scheduled', 'published']));
    expect(text).toContain('日本語の見出し');
    // An operator backup carries commenters' emails and IPs, but no passwords or sessions.
    expect(text).toContain('203.0.113.9');
    expect(text).not.toContain('scrypt$');
    expect(text).not.toContain('JBSWY3DPEHPK3PXP');
    expect(text).not.toContain('comments.secret');
    expect(text).not.toContain('_SECRET');
    expect(text).toContain('IBAN');
    expect(doc.sections).not.toHaveProperty('sessions');
  });

  it('keeps ids, so threads, parent categories, translations and redirects still point at the right rows, and counts the months and terms again', async () => {
    const target = await emptySite(dialect);
    await importFromString(target.database, await exportToString(t.ctx.database.db));
    const pick = (db: typeof target.database.db) =>
      Promise.all([
        db.selectFrom('comments').select(['id', 'parent_id', 'depth']).orderBy('id').execute(),
        db.selectFrom('categories').select(['id', 'parent_id']).orderBy('id').execute(),
        db.selectFrom('posts').select(['id', 'translation_group']).orderBy('id').execute(),
      ]);
    expect(await pick(target.database.db)).toEqual(await pick(t.ctx.database.db));
    // The monthly counts are not exported but counted afresh from the imported posts.
    const db = target.database.db;
    const months = await db.selectFrom('archive_months').select(['language', 'year', 'month', 'posts']).orderBy('language').orderBy('year').orderBy('month').execute();
    const fresh = await db.selectFrom('posts')
      .select(['language', 'local_year as year', 'local_month as month', (eb) => eb.fn.countAll<number | string>().as('posts')])
      .where('status', '=', 'published').where('deleted_at', 'is', null)
      .groupBy(['language', 'local_year', 'local_month']).orderBy('language').orderBy('local_year').orderBy('local_month')
      .execute();
    expect(months.length).toBeGreaterThan(0);
    expect(months.map((m) => ({ ...m, posts: Number(m.posts) }))).toEqual(fresh.map((m) => ({ ...m, posts: Number(m.posts) })));
    // So are the category, tag and author pages' counts.
    const terms = await termCountsAndTruth(db);
    expect(terms.table.length).toBeGreaterThan(0);
    expect(terms.table).toEqual(terms.truth);
  });

  it('gives new rows ids after the imported ones', async () => {
    const target = await emptySite(dialect);
    await importFromString(target.database, await exportToString(t.ctx.database.db));
    const db = target.database.db;
    const max = (await db.selectFrom('comments').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m!;
    const post = (await db.selectFrom('posts').select('id').limit(1).executeTakeFirstOrThrow()).id;
    const row = await db
      .insertInto('comments')
      .values({ post_id: post, author_name: 'New', author_email: 'n@example.org', body: 'new', status: 'pending', created_at: '2026-07-01T00:00:00.000Z' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(row.id).toBeGreaterThan(Number(max));
  });
});

describe('moving between databases', { timeout: 180_000 }, () => {
  it('goes SQLite → PostgreSQL → SQLite and comes back as the identical document', async () => {
    const t = await siteWithEverything('sqlite');
    const options = { secrets: true, auditLog: true };
    const first = await exportToString(t.ctx.database.db, options);
    const pg = await emptySite('postgres');
    await importFromString(pg.database, first);
    const second = await exportToString(pg.database.db, options);
    expect(second).toBe(first);
    const back = await emptySite('sqlite');
    await importFromString(back.database, second);
    expect(await exportToString(back.database.db, options)).toBe(first);
  });
});
