import type { Kysely } from 'kysely';
import type { DB } from '../../../storage/schema.js';
import { type DriveProgress, getDriveProgress, listDrives } from '../index.js';

/**
 * The one link between appeals and fundraising drives (features/funding, through its index):
 * the drives an appeal may show, and a drive's progress.
 */

export type { DriveProgress };

/** The drives an admin can link an appeal to, newest start first. */
export async function listDriveChoices(db: Kysely<DB>): Promise<{ id: number; title: string }[]> {
  return (await listDrives(db)).map((d) => ({ id: d.id, title: d.title }));
}

/** The progress of a drive, or null when there is no such drive. */
export const driveProgress = (db: Kysely<DB>, driveId: number): Promise<DriveProgress | null> => getDriveProgress(db, driveId);
