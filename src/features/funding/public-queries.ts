import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';

/** One line of a drive's thank-you list: the public name (null = anonymous), never the email. */
export interface ThankYou {
  name: string | null;
}

/**
 * The supporters of a drive, newest first, for its public thank-you list: one line per
 * one-off gift and per monthly subscription, confirmed gifts only. Selects public columns only.
 */
export async function listThankYous(db: Kysely<DB>, driveId: number, limit = 200): Promise<ThankYou[]> {
  const rows = await db
    .selectFrom('donations')
    .select(['display_name', 'stripe_subscription_id'])
    .where('drive_id', '=', driveId)
    .where('status', '=', 'confirmed')
    .orderBy('confirmed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit * 4)
    .execute();
  const seen = new Set<string>();
  const out: ThankYou[] = [];
  for (const row of rows) {
    if (row.stripe_subscription_id) {
      if (seen.has(row.stripe_subscription_id)) continue;
      seen.add(row.stripe_subscription_id);
    }
    out.push({ name: row.display_name });
    if (out.length === limit) break;
  }
  return out;
}
