import type { Kysely } from 'kysely';
import { z } from 'zod';
import { hashPassword } from '../../lib/password.js';
import { randomToken, sha256 } from '../../lib/tokens.js';
import { parseInput } from '../../lib/validate.js';
import type { DB } from '../../storage/schema.js';
import { recordAudit } from '../audit/index.js';
import { queueMail } from '../mail/index.js';
import { hitLimit, resetLimit } from '../rate-limits/index.js';
import { newPasswordSchema } from './password-rules.js';

/**
 * Password reset by an emailed one-time link. Only the SHA-256 of the token is stored; a link
 * works once, for an hour. Nothing a visitor sees says whether an email has an account.
 */
export const PASSWORD_RESET = Object.freeze({
  lifetimeMs: 3600_000,
  /** Requests from one IP address: enough for a newsroom behind one router, too few to probe. */
  perIp: { limit: 10, windowMs: 15 * 60_000 },
  /** Mails to one address: more requests within the hour are answered the same but send nothing. */
  perEmail: { limit: 3, windowMs: 3600_000 },
});

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface ResetRequest {
  email: string;
  ip: string;
  /** The site's address (settings.baseUrl), for the link. */
  baseUrl: string;
  siteTitle: string;
}

/**
 * Queues a reset mail when `email` belongs to an account that is not disabled, within the
 * limits. Returns `{ limited }` only for the per-IP limit (the visitor may be told to wait);
 * everything else — unknown email, per-email limit — looks exactly like success.
 */
export async function requestPasswordReset(db: Kysely<DB>, input: ResetRequest, now: Date): Promise<{ limited: false } | { limited: true; retryAfter: number }> {
  // Keys hold hashes: the rate_limits table keeps no visitor's address or IP in the clear.
  const ip = await hitLimit(db, `password-reset:ip:${sha256(input.ip)}`, PASSWORD_RESET.perIp, now);
  if (!ip.allowed) return { limited: true, retryAfter: ip.retryAfter };
  const email = input.email.trim().toLowerCase();
  if (!z.email().safeParse(email).success || email.length > 254) return { limited: false };
  const perEmail = await hitLimit(db, `password-reset:email:${sha256(email)}`, PASSWORD_RESET.perEmail, now);
  if (!perEmail.allowed) return { limited: false };
  const user = await db.selectFrom('users').select(['id', 'name', 'email']).where('email', '=', email).where('disabled_at', 'is', null).executeTakeFirst();
  if (!user) return { limited: false };

  const token = randomToken();
  const tokenHash = sha256(token);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('password_resets')
      .values({ token_hash: tokenHash, user_id: user.id, created_at: now.toISOString(), expires_at: new Date(now.getTime() + PASSWORD_RESET.lifetimeMs).toISOString(), used_at: null })
      .execute();
    await queueMail(trx, { to: user.email, ...resetMail(user.name, `${input.baseUrl}/admin/password-reset/${token}`, input.siteTitle), idempotencyKey: `password-reset:${tokenHash}` }, now);
  });
  return { limited: false };
}

function resetMail(name: string, link: string, siteTitle: string): { subject: string; text: string } {
  return {
    subject: `Reset your password for ${siteTitle}`.replace(/[\r\n]+/g, ' '),
    text: [
      `Hello ${name},`,
      '',
      `Someone — we hope you — asked to reset the password of your account on ${siteTitle}.`,
      'To choose a new password, open this link within an hour:',
      '',
      link,
      '',
      'The link works once. If you did not ask for it, ignore this message: your password stays as it is.',
      '',
    ].join('\n'),
  };
}

export interface ResetTarget {
  userId: number;
  email: string;
  totpEnabled: boolean;
}

/** The account a reset token is for, or null when the token is malformed, unknown, used or expired. */
export async function findPasswordReset(db: Kysely<DB>, token: string, now: Date): Promise<ResetTarget | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await db
    .selectFrom('password_resets')
    .innerJoin('users', 'users.id', 'password_resets.user_id')
    .select(['users.id', 'users.email', 'users.totp_secret'])
    .where('password_resets.token_hash', '=', sha256(token))
    .where('password_resets.used_at', 'is', null)
    .where('password_resets.expires_at', '>', now.toISOString())
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? { userId: row.id, email: row.email, totpEnabled: Boolean(row.totp_secret) } : null;
}

/**
 * Sets a new password with a reset token: uses the token (and every other open token of the
 * user), ends all the user's sessions, clears the sign-in lock-out, records
 * `user.password_reset` — in one transaction. Returns null when the token no longer works (also
 * when another request used it first). Throws AppError('VALIDATION', { fields: { password |
 * confirm } }) for a password that breaks the rules or two that differ; the token stays usable.
 */
export async function completePasswordReset(
  db: Kysely<DB>,
  input: { token: string; password: string; confirm: string },
  now: Date,
): Promise<ResetTarget | null> {
  const target = await findPasswordReset(db, input.token, now);
  if (!target) return null;
  const { password } = parseInput(newPasswordSchema, { password: input.password, confirm: input.confirm });
  const passwordHash = await hashPassword(password);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable('password_resets')
      .set({ used_at: at })
      .where('token_hash', '=', sha256(input.token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return null;
    await trx.updateTable('password_resets').set({ used_at: at }).where('user_id', '=', target.userId).where('used_at', 'is', null).execute();
    await trx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: at, updated_at: at }).where('id', '=', target.userId).execute();
    const ended = await trx.deleteFrom('sessions').where('user_id', '=', target.userId).executeTakeFirst();
    await resetLimit(trx, `sign-in:account:${target.email}`);
    await recordAudit(trx, {
      action: 'user.password_reset', subject: `user:${target.userId}`, userId: target.userId, actor: target.email,
      details: { sessionsEnded: Number(ended.numDeletedRows) },
    }, now);
    return target;
  });
}
