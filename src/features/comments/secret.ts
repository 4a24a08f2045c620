import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { randomToken, safeEqual } from '../../lib/tokens.js';
import type { DB } from '../../storage/schema.js';

/**
 * The comment secret: a random key created once per site and kept in the settings table (never
 * in code or config), shared by every process. It signs the "form shown at" token and the
 * pending-comments cookie, keys the IP hashes, and derives unsubscribe tokens.
 */
const SECRET_KEY = 'comments.secret';

/** The site's comment secret, created on first use; concurrent first uses agree on one. */
export async function commentSecret(db: Kysely<DB>): Promise<string> {
  const found = await db.selectFrom('settings').select('value').where('key', '=', SECRET_KEY).executeTakeFirst();
  if (found) return JSON.parse(found.value) as string;
  await db
    .insertInto('settings')
    .values({ key: SECRET_KEY, value: JSON.stringify(randomToken(32)) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', SECRET_KEY).executeTakeFirstOrThrow();
  return JSON.parse(row.value) as string;
}

/** HMAC-SHA256 of `data` under the secret, base64url. */
export function sign(secret: string, purpose: string, data: string): string {
  return createHmac('sha256', secret).update(`${purpose}\n${data}`).digest('base64url');
}

/** Whether `signature` is `sign(secret, purpose, data)`, in constant time. */
export function verify(secret: string, purpose: string, data: string, signature: string): boolean {
  return safeEqual(sign(secret, purpose, data), signature);
}

/** The keyed hash stored for an IP address (and for an IP typed into the blocklist). */
export function hashIp(secret: string, ip: string): string {
  return sign(secret, 'ip', ip.trim().toLowerCase());
}

/**
 * The hidden "form shown at" field: `<ms>.<postId>.<signature>`. Returns the milliseconds
 * since it was issued, or null when it is missing, forged or for another post.
 */
export function formTokenFor(secret: string, postId: number, now: Date): string {
  const data = `${now.getTime()}.${postId}`;
  return `${data}.${sign(secret, 'form', data)}`;
}

export function formTokenAge(secret: string, token: string, postId: number, now: Date): number | null {
  const match = /^(\d{1,15})\.(\d{1,10})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match || Number(match[2]) !== postId) return null;
  if (!verify(secret, 'form', `${match[1]}.${match[2]}`, match[3]!)) return null;
  return now.getTime() - Number(match[1]);
}

/** The pending-comments cookie: the ids of this browser's own comments, signed. */
export function pendingCookieValue(secret: string, ids: number[]): string {
  const list = ids.slice(-20).join('-');
  return `${list}.${sign(secret, 'mine', list)}`;
}

/** The ids in a pending-comments cookie; [] when it is missing or forged. */
export function idsFromPendingCookie(secret: string, value: string | undefined): number[] {
  const match = value ? /^([\d-]{1,250})\.([A-Za-z0-9_-]{43})$/.exec(value) : null;
  if (!match || !verify(secret, 'mine', match[1]!, match[2]!)) return [];
  return match[1]!.split('-').filter(Boolean).map(Number).filter(Number.isSafeInteger);
}

/**
 * For the page cache: a cached comment form's `formToken` replaced by one for the same post
 * issued now, so its age counts from when this reader got the page. The secret is read once.
 */
export function formTokenRefresher(deps: { db: Kysely<DB>; clock: { now(): Date } }): (original: string) => Promise<string> {
  let secret: Promise<string> | undefined;
  return async (original) => {
    const postId = Number(/^\d{1,15}\.(\d{1,10})\./.exec(original)?.[1] ?? 0);
    secret ??= commentSecret(deps.db).catch((error: unknown) => {
      secret = undefined;
      throw error;
    });
    return formTokenFor(await secret, postId, deps.clock.now());
  };
}
