import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';
import { SESSION_LIFETIME } from '../accounts/sessions.js';

/**
 * Retention purges, run as sweeps. Each deletes rows that no longer mean anything and returns
 * how many it deleted; each is safe to run at any time, in any number of processes.
 */

const DAY_MS = 24 * 3600_000;

/** How long things are kept once they stop mattering. */
export const RETENTION = Object.freeze({
  /** Rate-limit counters untouched this long are dropped; rules must use windows no longer than this. */
  rateLimitMs: 7 * DAY_MS,
  /** Finished jobs (done or failed), kept for inspection; a unique key can be reused after this. */
  finishedJobsMs: 30 * DAY_MS,
});

const isoBefore = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();

/** Sessions past their absolute expiry or idle too long (findSession refuses them already). */
export async function purgeExpiredSessions(db: Kysely<DB>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<=', isoBefore(now, SESSION_LIFETIME.idleMs))]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Rate-limit rows whose window started over a week ago and which block nothing now. */
export async function purgeOldRateLimits(db: Kysely<DB>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('rate_limits')
    .where('window_start', '<=', isoBefore(now, RETENTION.rateLimitMs))
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', now.toISOString())]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Password-reset tokens that were used or have expired: neither can ever be used again. */
export async function purgePasswordResets(db: Kysely<DB>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('password_resets')
    .where((eb) => eb.or([eb('used_at', 'is not', null), eb('expires_at', '<=', now.toISOString())]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Jobs that finished (done or failed) over 30 days ago. Recurring sweeps never finish, so stay. */
export async function purgeFinishedJobs(db: Kysely<DB>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('status', 'in', ['done', 'failed'])
    .where('finished_at', '<=', isoBefore(now, RETENTION.finishedJobsMs))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
