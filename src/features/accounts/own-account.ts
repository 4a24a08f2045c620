import type { Kysely } from 'kysely';
import { AppError, isAppError } from '../../errors.js';
import { hashPassword, verifyPassword } from '../../lib/password.js';
import { parseInput } from '../../lib/validate.js';
import type { DB } from '../../storage/schema.js';
import { recordAudit } from '../audit/index.js';
import { checkLimit, hitLimit } from '../rate-limits/index.js';
import { newPasswordSchema } from './password-rules.js';
import { newTotpSecret, verifyTotp } from './totp.js';

/**
 * What a signed-in user changes on their own account: password and two-factor sign-in. Each
 * change that needs the current password counts wrong guesses (a stolen session must not
 * become a way to guess the password) and each is audited.
 */
export const OWN_ACCOUNT_LIMITS = Object.freeze({ wrongPasswords: 5, windowMs: 15 * 60_000 });

export interface AccountActor {
  id: number;
  email: string;
}

/** A fresh secret for setting up two-factor sign-in; nothing is stored until it is confirmed. */
export const newTwoFactorSecret = newTotpSecret;

const SECRET_PATTERN = /^[A-Z2-7]{32}$/;

/**
 * Checks `password` against the user's own; throws AppError('VALIDATION', { fields: { [field] } })
 * when wrong, or AppError('RATE_LIMITED') after too many wrong tries.
 */
async function requireOwnPassword(db: Kysely<DB>, user: AccountActor, password: string, field: string, now: Date): Promise<void> {
  const key = `account:password:${user.id}`;
  const limit = await checkLimit(db, key, now);
  if (!limit.allowed) throw new AppError('RATE_LIMITED', { retryAfter: limit.retryAfter });
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
  if (await verifyPassword(password, row.password_hash)) return;
  // hitLimit blocks once the hits pass `limit`: so the fifth wrong guess blocks.
  await hitLimit(db, key, { limit: OWN_ACCOUNT_LIMITS.wrongPasswords - 1, windowMs: OWN_ACCOUNT_LIMITS.windowMs }, now);
  throw new AppError('VALIDATION', { fields: { [field]: 'That is not your current password.' } });
}

/**
 * Changes the user's password after checking the current one, ends every other session of
 * the user (keeping `keepSession`, the one making the change), and records
 * `user.password_change`. Returns how many other sessions ended. Throws AppError('VALIDATION')
 * naming `current`, `password` or `confirm`, or AppError('RATE_LIMITED').
 */
export async function changeOwnPassword(
  db: Kysely<DB>,
  user: AccountActor,
  input: { current: string; password: string; confirm: string; keepSession: string },
  now: Date,
): Promise<number> {
  // Check both, so the form shows every problem at once.
  const fields: Record<string, unknown> = {};
  const collect = (error: unknown) => {
    if (!isAppError(error, 'VALIDATION')) throw error;
    Object.assign(fields, error.details.fields);
  };
  const parsed = (() => {
    try {
      return parseInput(newPasswordSchema, { password: input.password, confirm: input.confirm });
    } catch (error) {
      return collect(error);
    }
  })();
  await requireOwnPassword(db, user, input.current, 'current', now).catch(collect);
  if (!parsed || Object.keys(fields).length > 0) throw new AppError('VALIDATION', { fields });
  const { password } = parsed;
  const passwordHash = await hashPassword(password);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: at, updated_at: at }).where('id', '=', user.id).execute();
    const ended = await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('id_hash', '!=', input.keepSession).executeTakeFirst();
    const count = Number(ended.numDeletedRows);
    await recordAudit(trx, { action: 'user.password_change', subject: `user:${user.id}`, userId: user.id, actor: user.email, details: { otherSessionsEnded: count } }, now);
    return count;
  });
}

/**
 * Turns two-factor sign-in on with `secret` once `code` proves the user's app holds it, and
 * records `user.totp_enable`. Throws AppError('VALIDATION', { fields: { code } }) for a wrong
 * code, AppError('BAD_REQUEST') for a malformed secret, AppError('CONFLICT') when already on.
 */
export async function enableTwoFactor(db: Kysely<DB>, user: AccountActor, input: { secret: string; code: string }, now: Date): Promise<void> {
  if (!SECRET_PATTERN.test(input.secret)) throw new AppError('BAD_REQUEST', { field: 'secret' });
  if (!verifyTotp(input.secret, input.code, now)) {
    throw new AppError('VALIDATION', { fields: { code: 'That code is not right. Enter the six digits your app shows now.' } });
  }
  await db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('users').set({ totp_secret: input.secret, updated_at: now.toISOString() }).where('id', '=', user.id).where('totp_secret', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { reason: 'two-factor already on' });
    await recordAudit(trx, { action: 'user.totp_enable', subject: `user:${user.id}`, userId: user.id, actor: user.email }, now);
  });
}

/**
 * Turns two-factor sign-in off after checking the user's password, and records
 * `user.totp_disable`. Throws like requireOwnPassword (field `off_password`).
 */
export async function disableTwoFactor(db: Kysely<DB>, user: AccountActor, input: { password: string }, now: Date): Promise<void> {
  await requireOwnPassword(db, user, input.password, 'off_password', now);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_secret: null, updated_at: now.toISOString() }).where('id', '=', user.id).execute();
    await recordAudit(trx, { action: 'user.totp_disable', subject: `user:${user.id}`, userId: user.id, actor: user.email }, now);
  });
}

/** How many sessions the user has open (this one included). */
export async function countOwnSessions(db: Kysely<DB>, userId: number, now: Date): Promise<number> {
  const row = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
