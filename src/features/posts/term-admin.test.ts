import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureHash } from '../../../test/admin.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/helpers.js';
import { AppError } from '../../errors.js';
import { fixedClock } from '../../lib/clock.js';
import { createUser } from '../accounts/index.js';
import { createAuthor } from './author-admin.js';
import { createCategory } from './category-admin.js';
import { createTag } from './tag-admin.js';

describe.each(DIALECTS)('saving categories, tags and authors at the same moment on %s', (dialect) => {
  let t: TestDatabase;
  const deps = () => ({ db: t.database.db, clock: fixedClock('2026-06-15T12:00:00Z') });
  let actor: { userId: number; actor: string };

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    const userId = await createUser({ ...deps(), hashPassword: fixtureHash }, { email: 'ed@lantern.example', name: 'Ed', role: 'editor', password: 'correct horse battery' });
    actor = { userId, actor: 'ed@lantern.example' };
  });
  afterEach(async () => t.drop());

  it.each([
    ['category', 'categories', () => createCategory(deps(), { name: 'Trams' }, actor), 'Another category already uses this slug'],
    ['tag', 'tags', () => createTag(deps(), { name: 'Trams' }, actor), 'Another tag already uses this slug'],
    ['author', 'authors', () => createAuthor(deps(), { name: 'Trams' }, actor), 'Another author already uses this slug'],
  ] as const)('creates one %s when two arrive with the same slug, and tells the other the slug is taken', async (_kind, table, create, message) => {
    const results = await Promise.allSettled([create(), create(), create()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') {
        expect(r.reason).toBeInstanceOf(AppError);
        expect((r.reason as AppError).details).toEqual({ fields: { slug: message } });
      }
    }
    expect(await t.database.db.selectFrom(table).select('slug').execute()).toEqual([{ slug: 'trams' }]);
    const audit = await t.database.db.selectFrom('audit_log').select('action').execute();
    expect(audit).toHaveLength(1);
  });
});
