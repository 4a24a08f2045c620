import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureHash } from '../../../test/admin.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/helpers.js';
import { AppError } from '../../errors.js';
import { fixedClock } from '../../lib/clock.js';
import { verifyPassword } from '../../lib/password.js';
import { createUser, type NewUser } from './users.js';

const PASSWORD = 'correct horse battery';
const valid: NewUser = { email: 'ed@example.org', name: 'Ed Miller', role: 'editor', password: PASSWORD };

/** The field messages of the VALIDATION AppError that `promise` rejects with. */
async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION');
    expect((error as AppError).status).toBe(422);
    return (error as AppError).details.fields as Record<string, string>;
  }
  throw new Error('createUser accepted the input');
}

describe.each(DIALECTS)('creating user accounts on %s', (dialect) => {
  let t: TestDatabase;
  const clock = fixedClock('2026-06-15T12:00:00Z');
  // Fixture-cost hashes (see test/admin.ts); the stored-hash test uses the real cost.
  const deps = () => ({ db: t.database.db, clock, hashPassword: fixtureHash });
  const users = () => t.database.db.selectFrom('users').selectAll().orderBy('id').execute();

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    await t.drop();
  });

  it('stores the user with a lower-cased, trimmed email, the name, the role and timestamps, and returns the id', async () => {
    const id = await createUser(deps(), { ...valid, email: '  Editor@Example.ORG ', name: '  Ed Miller ' });
    const rows = await users();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id,
      email: 'editor@example.org',
      name: 'Ed Miller',
      role: 'editor',
      author_id: null,
      created_at: '2026-06-15T12:00:00.000Z',
      updated_at: '2026-06-15T12:00:00.000Z',
    });
  });

  it('stores a scrypt hash that verifies the password and nothing else, never the password itself', async () => {
    await createUser({ db: t.database.db, clock }, valid);
    const [row] = await users();
    expect(row!.password_hash).toMatch(/^scrypt\$32768\$/);
    expect(row!.password_hash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, row!.password_hash)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, row!.password_hash)).toBe(false);
    expect(await verifyPassword(PASSWORD.toUpperCase(), row!.password_hash)).toBe(false);
  });

  it('gives two users with the same password different hashes', async () => {
    await createUser(deps(), valid);
    await createUser(deps(), { ...valid, email: 'other@example.org' });
    const [a, b] = await users();
    expect(a!.password_hash).not.toBe(b!.password_hash);
  });

  it.each([
    { field: 'email', what: 'an address without @', change: { email: 'not-an-email' }, message: 'Enter an email address like name@example.org' },
    { field: 'email', what: 'an empty address', change: { email: '' }, message: 'Enter an email address like name@example.org' },
    { field: 'email', what: 'a 262-character address', change: { email: `${'a'.repeat(250)}@example.org` }, message: 'That email address is too long' },
    { field: 'name', what: 'a blank name', change: { name: '   ' }, message: 'Enter a name' },
    { field: 'name', what: 'a 121-character name', change: { name: 'N'.repeat(121) }, message: 'Keep the name under 120 characters' },
    { field: 'role', what: 'the role "boss"', change: { role: 'boss' as NewUser['role'] }, message: 'Choose a role: admin, editor, author, contributor' },
    { field: 'password', what: 'a 10-character password', change: { password: 'short pass' }, message: 'Use at least 12 characters for the password' },
    { field: 'password', what: 'a 1001-character password', change: { password: 'x'.repeat(1001) }, message: 'That password is too long' },
  ])('refuses $what with a message for the $field field, and stores nothing', async ({ field, change, message }) => {
    const fields = await fieldErrors(createUser(deps(), { ...valid, ...change }));
    expect(fields).toEqual({ [field]: message });
    expect(await users()).toEqual([]);
  });

  it('names every bad field at once', async () => {
    const fields = await fieldErrors(
      createUser(deps(), { email: 'nope', name: '', role: 'boss' as NewUser['role'], password: 'short' }),
    );
    expect(Object.keys(fields).sort()).toEqual(['email', 'name', 'password', 'role']);
  });

  it('accepts every role', async () => {
    for (const role of ['admin', 'editor', 'author', 'contributor'] as const) {
      await createUser(deps(), { ...valid, email: `${role}@example.org`, role });
    }
    expect((await users()).map((u) => u.role)).toEqual(['admin', 'editor', 'author', 'contributor']);
  });

  it('refuses a second user with the same email, whatever its case, saying the email exists', async () => {
    await createUser(deps(), valid);
    const fields = await fieldErrors(createUser(deps(), { ...valid, email: ' ED@Example.Org', name: 'Someone else' }));
    expect(fields).toEqual({ email: 'A user with this email already exists' });
    expect(await users()).toHaveLength(1);
  });

  it('creates one user and tells the other request the email exists when two arrive at once', async () => {
    const results = await Promise.allSettled([createUser(deps(), valid), createUser(deps(), { ...valid, email: 'ED@example.org' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(AppError);
    expect((rejected?.reason as AppError).details).toEqual({ fields: { email: 'A user with this email already exists' } });
    expect(await users()).toHaveLength(1);
  });
});
