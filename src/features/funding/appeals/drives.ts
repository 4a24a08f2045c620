import type { Kysely } from 'kysely';
import type { DB } from '../../../storage/schema.js';

/**
 * The one link between appeals and fundraising drives (features/funding): the drives an
 * appeal may show, and a drive's progress. Everything else of funding stays out of appeals.
 */

/** A drive's progress, as the funding feature counts it. */
export interface DriveProgress {
  /** Confirmed donations in the drive's currency, minor units. */
  raised: number;
  target: number;
  currency: string;
  /** Whole percent, rounded down; may pass 100. */
  percent: number;
  supporters: number;
}

/** The drives an admin can link an appeal to, newest first. */
export async function listDriveChoices(_db: Kysely<DB>): Promise<{ id: number; title: string }[]> {
  return [];
}

/** The progress of a drive, or null when there is no such drive. */
export async function driveProgress(_db: Kysely<DB>, _driveId: number): Promise<DriveProgress | null> {
  return null;
}
