import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { toIso } from '../../lib/dates.js';
import { hashPassword, type PasswordHasher } from '../../lib/password.js';
import { parseInput } from '../../lib/validate.js';
import { isUniqueViolation } from '../../storage/errors.js';
import type { DB, Role } from '../../storage/schema.js';

export const ROLES = ['admin', 'editor', 'author', 'contributor'] as const satisfies readonly Role[];

export const newUserSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, 'That email address is too long')
    .pipe(z.email({ error: 'Enter an email address like name@example.org' })),
  name: z.string().trim().min(1, 'Enter a name').max(120, 'Keep the name under 120 characters'),
  role: z.enum(ROLES, { error: `Choose a role: ${ROLES.join(', ')}` }),
  password: z
    .string()
    .min(12, 'Use at least 12 characters for the password')
    .max(1000, 'That password is too long'),
});

export type NewUser = z.input<typeof newUserSchema>;

/**
 * Creates a user with a scrypt-hashed password; returns the id. Throws
 * AppError('VALIDATION', { fields }) for bad input or an email already in use.
 */
export async function createUser(
  deps: { db: Kysely<DB>; clock: Clock; hashPassword?: PasswordHasher },
  input: NewUser,
): Promise<number> {
  const { email, name, role, password } = parseInput(newUserSchema, input);
  const existing = await deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) throw new AppError('VALIDATION', { fields: { email: 'A user with this email already exists' } });
  const now = toIso(deps.clock.now());
  const passwordHash = await (deps.hashPassword ?? hashPassword)(password);
  try {
    const row = await deps.db
      .insertInto('users')
      .values({ email, name, role, password_hash: passwordHash, author_id: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    // Another request created the same email between our check and our insert.
    if (isUniqueViolation(error)) throw new AppError('VALIDATION', { fields: { email: 'A user with this email already exists' } });
    throw error;
  }
}
