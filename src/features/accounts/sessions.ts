import type { Kysely } from 'kysely';
import { randomToken, sha256 } from '../../lib/tokens.js';
import type { DB, Role } from '../../storage/schema.js';

/** How long a session lives: signed out after `idleMs` without use, and after `absoluteMs` in any case. */
export const SESSION_LIFETIME = Object.freeze({
  idleMs: 2 * 24 * 3600_000,
  absoluteMs: 30 * 24 * 3600_000,
  /** last_seen_at is written at most this often, to spare the database on every request. */
  touchEveryMs: 60_000,
});

export interface SignedInUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  authorId: number | null;
  totpEnabled: boolean;
}

export interface ActiveSession {
  user: SignedInUser;
  csrfToken: string;
  /** SHA-256 of the cookie token; identifies the session in the table. */
  idHash: string;
}

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(db: Kysely<DB>, userId: number, now: Date, userAgent = ''): Promise<string> {
  const token = randomToken();
  await db
    .insertInto('sessions')
    .values({
      id_hash: sha256(token),
      user_id: userId,
      csrf_token: randomToken(24),
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_LIFETIME.absoluteMs).toISOString(),
      user_agent: userAgent.slice(0, 300),
    })
    .execute();
  return token;
}

/**
 * The live session for a cookie token, or null when it is unknown, idle too long, past its
 * absolute expiry, or its user is disabled. Expired sessions are deleted on sight.
 */
export async function findSession(db: Kysely<DB>, token: string, now: Date): Promise<ActiveSession | null> {
  if (!token || token.length > 100) return null;
  const idHash = sha256(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.csrf_token', 'sessions.last_seen_at', 'sessions.expires_at',
      'users.id', 'users.email', 'users.name', 'users.role', 'users.author_id', 'users.totp_secret', 'users.disabled_at',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return null;
  const nowMs = now.getTime();
  const idleExpired = Date.parse(row.last_seen_at) + SESSION_LIFETIME.idleMs <= nowMs;
  if (idleExpired || Date.parse(row.expires_at) <= nowMs || row.disabled_at) {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return null;
  }
  if (nowMs - Date.parse(row.last_seen_at) >= SESSION_LIFETIME.touchEveryMs) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', idHash).execute();
  }
  return {
    idHash,
    csrfToken: row.csrf_token,
    user: {
      id: row.id, email: row.email, name: row.name, role: row.role,
      authorId: row.author_id, totpEnabled: Boolean(row.totp_secret),
    },
  };
}

export async function deleteSession(db: Kysely<DB>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** "Sign out everywhere": ends every session of a user, except `keepIdHash` when given. */
export async function deleteUserSessions(db: Kysely<DB>, userId: number, keepIdHash?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepIdHash) query = query.where('id_hash', '!=', keepIdHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
