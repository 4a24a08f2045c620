import { type Kysely, sql } from 'kysely';
import type { DB } from '../../storage/schema.js';

/** A drive's progress, as the drive page and appeals show it. */
export interface DriveProgress {
  driveId: number;
  /** The drive's title, which names its progress bar. */
  title: string;
  /** Confirmed donations in the drive's currency, minor units. */
  raised: number;
  /** The drive's target, minor units. */
  target: number;
  currency: string;
  /** Whole percent of the target raised, rounded down; may pass 100. */
  percent: number;
  /** Distinct supporters: each one-off gift counts once, each monthly subscription once. */
  supporters: number;
}

/**
 * The progress of drive `driveId`, or null when there is no such drive.
 *
 * Counts only confirmed donations (online and manual), never pending, refunded or cancelled
 * ones. Donations to the drive in another currency are not counted (there is no exchange rate
 * to trust); they stay in the ledger. Online donations to a drive are always in its currency,
 * since the donate page offers no other, so only a manual entry can differ.
 */
export async function getDriveProgress(db: Kysely<DB>, driveId: number): Promise<DriveProgress | null> {
  const drive = await db
    .selectFrom('donation_drives')
    .select(['id', 'title', 'target_minor', 'currency'])
    .where('id', '=', driveId)
    .executeTakeFirst();
  if (!drive) return null;
  const totals = await db
    .selectFrom('donations')
    .select([
      sql<string | number | null>`sum(amount_minor)`.as('raised'),
      sql<string | number>`count(distinct coalesce(stripe_subscription_id, 'donation:' || cast(id as text)))`.as('supporters'),
    ])
    .where('drive_id', '=', driveId)
    .where('status', '=', 'confirmed')
    .where('currency', '=', drive.currency)
    .executeTakeFirstOrThrow();
  const raised = Number(totals.raised ?? 0);
  return {
    driveId: drive.id,
    title: drive.title,
    raised,
    target: drive.target_minor,
    currency: drive.currency,
    percent: Math.floor((raised * 100) / drive.target_minor),
    supporters: Number(totals.supporters),
  };
}
