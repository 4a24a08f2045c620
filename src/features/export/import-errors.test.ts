import { afterEach, describe, expect, it } from 'vitest';
import { exportToString, importFromString } from '../../../test/export-helpers.js';
import { givenPost } from '../../../test/fixtures.js';
import { buildTestApp, createTestDatabase, DIALECTS, type TestApp, type TestDatabase } from '../../../test/helpers.js';
import type { Database, DialectName } from '../../storage/db.js';
import { ImportError } from './import-error.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function smallSite(dialect: DialectName): Promise<TestApp> {
  const t = await buildTestApp(dialect);
  cleanups.push(() => t.close());
  for (let i = 0; i < 4; i++) await givenPost(t.ctx, { tagNames: ['одна', 'two'] });
  return t;
}

async function emptySite(dialect: DialectName): Promise<TestDatabase> {
  const target = await createTestDatabase(dialect);
  cleanups.push(() => target.drop());
  return target;
}

/** Imports `text`, expecting it to stop; returns the message. */
async function refusal(database: Database, text: string): Promise<string> {
  const error = await importFromString(database, text).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return (error as Error).message;
}

async function rowsIn(database: Database): Promise<number> {
  let n = 0;
  for (const table of ['settings', 'authors', 'posts', 'tags', 'post_tags'] as const) {
    n += (await database.db.selectFrom(table).selectAll().execute()).length;
  }
  return n;
}

describe.each(DIALECTS)('a broadside import that cannot go through, on %s', { timeout: 120_000 }, (dialect) => {
  it('refuses a site that already has content, saying which, and changes nothing', async () => {
    const t = await smallSite(dialect);
    const text = await exportToString(t.ctx.database.db);
    const before = await rowsIn(t.ctx.database);
    const message = await refusal(t.ctx.database, text);
    expect(message).toMatch(/^this site is not empty \(it has authors, tags, posts/);
    expect(message).toContain('point DATABASE_URL or BROADSIDE_DATA at a new database');
    expect(await rowsIn(t.ctx.database)).toBe(before);
  });

  it('stops at a record of the wrong shape, naming it and the field, having written nothing', async () => {
    const t = await smallSite(dialect);
    const doc = JSON.parse(await exportToString(t.ctx.database.db)) as { sections: { posts: Record<string, unknown>[] } };
    const bad = doc.sections.posts[2]!;
    bad.status = 'live';
    const target = await emptySite(dialect);
    const message = await refusal(target.database, JSON.stringify(doc));
    expect(message).toMatch(new RegExp(`^sections\\.posts\\[2\\] \\(id ${bad.id}\\): status: Invalid option`));
    expect(await rowsIn(target.database)).toBe(0);
  });

  it('stops at a comment on a post that is not in the file, naming the records the database refused', async () => {
    const t = await smallSite(dialect);
    const doc = JSON.parse(await exportToString(t.ctx.database.db)) as { sections: Record<string, unknown[]> };
    doc.sections.comments = [{
      id: 1, post_id: 999, parent_id: null, depth: 1, user_id: null, author_name: 'A', author_email: 'a@example.org',
      author_url: '', body: 'hi', status: 'approved', spam_reason: '', created_at: '2026-01-01T00:00:00.000Z', approved_at: null,
      edited_at: null, ip_hash: '', ip: null, user_agent: '', notify_replies: 0, notify_token_hash: null, notify_confirmed_at: null,
    }];
    const target = await emptySite(dialect);
    expect(await refusal(target.database, JSON.stringify(doc))).toMatch(/^sections\.comments\[0\]: the database refused the record\(s\): .*foreign key/i);
    expect(await rowsIn(target.database)).toBe(0);
  });

  it('stops at a cut-off file with the line where it ends, having written nothing', async () => {
    const t = await smallSite(dialect);
    const text = await exportToString(t.ctx.database.db);
    const cut = text.slice(0, text.indexOf('"post_tags"') + 40);
    const target = await emptySite(dialect);
    const lines = cut.split('\n').length;
    expect(await refusal(target.database, cut)).toMatch(new RegExp(`^malformed file, line ${lines}: unexpected end of the file`));
    expect(await rowsIn(target.database)).toBe(0);
  });

  it('refuses a file from a newer Broadside, a file that is not an export, and an unknown section', async () => {
    const target = await emptySite(dialect);
    const header = '"format":"broadside-export","version":1,"secrets":false,"audit_log":false';
    expect(await refusal(target.database, `{${header.replace('"version":1', '"version":99')},"sections":{}}`)).toMatch(
      /^header\.version: the file was written by a newer Broadside/,
    );
    expect(await refusal(target.database, '{"format":"wxr","sections":{}}')).toMatch(/^header\.format: this is not a Broadside export/);
    expect(await refusal(target.database, `{${header},"sections":{"widgets":[]}}`)).toMatch(/^sections\.widgets: unknown section/);
    expect(await refusal(target.database, '<?xml version="1.0"?>')).toMatch(/^malformed file, line 1: expected a JSON object/);
  });
});
