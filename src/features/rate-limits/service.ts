import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../storage/schema.js';

/**
 * Fixed-window counters in the database, so every app process shares them. A key is
 * blocked for `blockMs` once it passes `limit` hits within `windowMs`.
 */
export interface LimitRule {
  limit: number;
  windowMs: number;
  /** How long a key stays blocked after passing the limit; defaults to the rest of the window. */
  blockMs?: number;
}

export interface LimitState {
  allowed: boolean;
  /** Seconds until the key may try again, when not allowed. */
  retryAfter: number;
}

/** Whether `key` is blocked now, without counting a hit. */
export async function checkLimit(db: Kysely<DB>, key: string, now: Date): Promise<LimitState> {
  const row = await db.selectFrom('rate_limits').select('blocked_until').where('key', '=', key).executeTakeFirst();
  const until = row?.blocked_until ? Date.parse(row.blocked_until) : 0;
  return until > now.getTime() ? { allowed: false, retryAfter: Math.ceil((until - now.getTime()) / 1000) } : { allowed: true, retryAfter: 0 };
}

/**
 * Counts one hit for `key` and says whether it is still allowed. Hits arriving at once (on any
 * number of processes) are counted one after the other: the key's row is locked first, so no
 * hit reads a count another is about to raise.
 */
export async function hitLimit(db: Kysely<DB>, key: string, rule: LimitRule, now: Date): Promise<LimitState> {
  return db.transaction().execute((trx) => hitLimitIn(trx, key, rule, now));
}

/**
 * `hitLimit` as part of the caller's transaction, so one commit carries the hit and what the
 * request then stores; the key's row stays locked until that commit. The hit counts when the
 * transaction commits: a caller that refuses the request must still commit (return its refusal
 * rather than throw inside the transaction). Callers locking several keys lock them in one
 * order, so two requests never wait for each other.
 */
export async function hitLimitIn(trx: Transaction<DB>, key: string, rule: LimitRule, now: Date): Promise<LimitState> {
  const nowMs = now.getTime();
  const nowIso = now.toISOString();
  // Creates the row or, when it exists, "updates" it unchanged and returns it: either way this
  // transaction holds its lock until it commits (PostgreSQL waits for one holding it and then
  // returns the row as that one left it; SQLite runs one writer at a time anyway).
  const row = await trx
    .insertInto('rate_limits')
    .values({ key, hits: 0, window_start: nowIso, blocked_until: null })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ hits: eb.ref('rate_limits.hits') })))
    .returningAll()
    .executeTakeFirstOrThrow();
  if (row.blocked_until && Date.parse(row.blocked_until) > nowMs) {
    return { allowed: false, retryAfter: Math.ceil((Date.parse(row.blocked_until) - nowMs) / 1000) };
  }
  const fresh = Date.parse(row.window_start) + rule.windowMs <= nowMs;
  const hits = fresh ? 1 : row.hits + 1;
  const windowStart = fresh ? nowIso : row.window_start;
  const over = hits > rule.limit;
  const blockedUntil = over
    ? new Date(nowMs + (rule.blockMs ?? Date.parse(windowStart) + rule.windowMs - nowMs)).toISOString()
    : null;
  await trx
    .updateTable('rate_limits')
    .set({ hits, window_start: windowStart, blocked_until: blockedUntil })
    .where('key', '=', key)
    .execute();
  return over ? { allowed: false, retryAfter: Math.ceil((Date.parse(blockedUntil!) - nowMs) / 1000) } : { allowed: true, retryAfter: 0 };
}

/** Forgets a key (after a successful sign-in, say). */
export async function resetLimit(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

/** Blocks `key` until `until`, keeping its counters (lock-out back-off). */
export async function blockKey(db: Kysely<DB>, key: string, until: Date, now: Date): Promise<void> {
  const blocked = until.toISOString();
  await db
    .insertInto('rate_limits')
    .values({ key, hits: 0, window_start: now.toISOString(), blocked_until: blocked })
    .onConflict((oc) => oc.column('key').doUpdateSet({ blocked_until: blocked }))
    .execute();
}
