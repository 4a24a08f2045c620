import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';

/**
 * Records that `from` now lives at `to` (both paths). Keeps the table free of chains and
 * loops: redirects that pointed at `from` are re-pointed at `to`, and a redirect away from
 * `to` (the content moved back) is removed. Idempotent.
 */
export async function addRedirect(db: Kysely<DB>, from: string, to: string, now: string): Promise<void> {
  if (from === to) return;
  await db.deleteFrom('redirects').where('from_path', '=', to).execute();
  await db.updateTable('redirects').set({ to_path: to }).where('to_path', '=', from).execute();
  await db
    .insertInto('redirects')
    .values({ from_path: from, to_path: to, status_code: 301, created_at: now })
    .onConflict((oc) => oc.column('from_path').doUpdateSet({ to_path: to }))
    .execute();
}

/** The redirect for a path, or null. */
export async function findRedirect(
  db: Kysely<DB>,
  path: string,
): Promise<{ to: string; status: number } | null> {
  const row = await db
    .selectFrom('redirects')
    .select(['to_path', 'status_code'])
    .where('from_path', '=', path)
    .executeTakeFirst();
  return row ? { to: row.to_path, status: row.status_code } : null;
}
