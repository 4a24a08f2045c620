import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureHash } from '../../../test/admin.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/helpers.js';
import { fixedClock } from '../../lib/clock.js';
import { createUser } from './users.js';
import { changeUserRole, setUserDisabled } from './users-admin.js';

describe.each(DIALECTS)('keeping an admin on %s', (dialect) => {
  let t: TestDatabase;
  const clock = fixedClock('2026-06-15T12:00:00Z');
  const deps = () => ({ db: t.database.db, clock });
  const admin = (email: string) => createUser({ ...deps(), hashPassword: fixtureHash }, { email, name: email, role: 'admin', password: 'correct horse battery' });
  const enabledAdmins = async () =>
    (await t.database.db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).execute()).length;

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(async () => t.drop());

  it.each([
    ['step down', (id: number, actor: { userId: number; actor: string }) => changeUserRole(deps(), id, 'editor', actor)],
    ['be disabled', (id: number, actor: { userId: number; actor: string }) => setUserDisabled(deps(), id, true, actor)],
  ] as const)('lets only one of two admins %s when both try at the same moment', async (_what, change) => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = [await admin(`a${round}@example.org`), await admin(`b${round}@example.org`)];
      const actor = { userId: a, actor: 'a' };
      const results = await Promise.allSettled([change(a, actor), change(b, actor)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await enabledAdmins()).toBe(1);
      await t.database.db.deleteFrom('users').execute();
    }
  });
});
