import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/helpers.js';
import { prepareQuery } from './prepared.js';
import type { DB } from './schema.js';

const settingsBetween = prepareQuery((db: Kysely<DB>, { from, to }: { from: string; to: string }) =>
  db.selectFrom('settings').select(['key', 'value']).where('key', '>=', from).where('key', '<', to).orderBy('key'));

describe.each(DIALECTS)('a query compiled once, on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    await t.database.db.insertInto('settings').values([
      { key: 'test.a', value: '1' }, { key: 'test.b', value: '2' }, { key: 'test.c', value: '3' },
    ]).execute();
  });
  afterEach(async () => t.drop());

  it('answers each call with its own values, as the same query built each time does', async () => {
    const db = t.database.db;
    expect(await settingsBetween(db, { from: 'test.a', to: 'test.b' })).toEqual([{ key: 'test.a', value: '1' }]);
    expect(await settingsBetween(db, { from: 'test.b', to: 'test.d' })).toEqual([{ key: 'test.b', value: '2' }, { key: 'test.c', value: '3' }]);
    expect(await settingsBetween(db, { from: 'test.x', to: 'test.z' })).toEqual([]);
  });

  it('refuses a query that computes with an argument instead of passing it whole', async () => {
    const computed = prepareQuery((db: Kysely<DB>, { prefix }: { prefix: string }) =>
      db.selectFrom('settings').select('key').where('key', 'like', `${prefix}%`));
    await expect(computed(t.database.db, { prefix: 'a' })).rejects.toThrow(/inside a value/);
  });
});
