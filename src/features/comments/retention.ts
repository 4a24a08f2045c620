import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';
import { loadSettings } from '../site/index.js';

/**
 * The IP retention sweep: erases the raw IP address of every comment older than the retention
 * period (settings.comments.ipRetentionDays). The keyed hash stays, for blocks and history.
 * Returns how many addresses it erased; safe to run at any time, in any number of processes.
 */
export async function eraseExpiredCommentIps(db: Kysely<DB>, now: Date): Promise<number> {
  const days = (await loadSettings(db)).comments.ipRetentionDays;
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const result = await expiredIpsQuery(db, cutoff).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * The sweep's statement: only comments still holding an address are read, through the partial
 * index comments_ip_created (migration 0014). Exported for the query-plan test.
 */
export function expiredIpsQuery(db: Kysely<DB>, cutoff: string) {
  return db.updateTable('comments').set({ ip: null }).where('ip', 'is not', null).where('created_at', '<=', cutoff);
}
