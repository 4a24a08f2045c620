import type { Kysely } from 'kysely';
import { hashPassword, verifyPassword } from '../../lib/password.js';
import type { DB } from '../../storage/schema.js';
import { checkLimit, blockKey, hitLimit, resetLimit } from '../rate-limits/index.js';
import { verifyTotp } from './totp.js';

/** Sign-in limits: per IP address, and a growing lock-out per account after repeated failures. */
export const SIGN_IN_LIMITS = Object.freeze({
  perIp: { limit: 20, windowMs: 15 * 60_000, blockMs: 15 * 60_000 },
  freeFailures: 5,
  firstLockMs: 60_000,
  maxLockMs: 60 * 60_000,
});

export type SignInResult =
  | { ok: true; userId: number; name: string; email: string }
  | { ok: false; reason: 'invalid' | 'code-required' | 'code-invalid' }
  | { ok: false; reason: 'locked'; retryAfter: number };

// Compared against when the email is unknown, so both answers take as long.
let dummyHash: Promise<string> | undefined;

/**
 * Checks email, password and (when the user has two-factor sign-in) the current code.
 * Never says whether the email exists. Counts failures per IP and per account; an account
 * is locked for 1 minute after 5 failures in a row, doubling with each further failure.
 */
export async function checkSignIn(
  db: Kysely<DB>,
  input: { email: string; password: string; code?: string; ip: string },
  now: Date,
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const accountKey = `sign-in:account:${email}`;
  const ip = await hitLimit(db, `sign-in:ip:${input.ip}`, SIGN_IN_LIMITS.perIp, now);
  if (!ip.allowed) return { ok: false, reason: 'locked', retryAfter: ip.retryAfter };
  const account = await checkLimit(db, accountKey, now);
  if (!account.allowed) return { ok: false, reason: 'locked', retryAfter: account.retryAfter };

  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'password_hash', 'totp_secret', 'disabled_at'])
    .where('email', '=', email)
    .executeTakeFirst();
  const passwordOk = user
    ? await verifyPassword(input.password, user.password_hash)
    : await verifyPassword(input.password, await (dummyHash ??= hashPassword('not a real password')));
  if (!user || !passwordOk || user.disabled_at) {
    await countFailure(db, accountKey, now);
    return { ok: false, reason: 'invalid' };
  }
  if (user.totp_secret) {
    if (!input.code) return { ok: false, reason: 'code-required' };
    if (!verifyTotp(user.totp_secret, input.code, now)) {
      await countFailure(db, accountKey, now);
      return { ok: false, reason: 'code-invalid' };
    }
  }
  await resetLimit(db, accountKey);
  return { ok: true, userId: user.id, name: user.name, email: user.email };
}

async function countFailure(db: Kysely<DB>, key: string, now: Date): Promise<void> {
  // Failures are counted over a day; the lock itself comes from the back-off below.
  await hitLimit(db, key, { limit: Number.MAX_SAFE_INTEGER, windowMs: 24 * 3600_000 }, now);
  const row = await db.selectFrom('rate_limits').select('hits').where('key', '=', key).executeTakeFirst();
  const failures = row?.hits ?? 0;
  if (failures < SIGN_IN_LIMITS.freeFailures) return;
  const lockMs = Math.min(SIGN_IN_LIMITS.firstLockMs * 2 ** (failures - SIGN_IN_LIMITS.freeFailures), SIGN_IN_LIMITS.maxLockMs);
  await blockKey(db, key, new Date(now.getTime() + lockMs), now);
}
