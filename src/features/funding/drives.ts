import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { isSlug, slugify } from '../../lib/slug.js';
import { parseInput } from '../../lib/validate.js';
import type { DB, DonationDrivesTable } from '../../storage/schema.js';
import { CURRENCY_PATTERN } from './money.js';

export type DriveRow = Selectable<DonationDrivesTable>;

/** What an admin sends to create or change a drive. Amounts are minor units already. */
export const driveInputSchema = z
  .object({
    slug: z.string().trim().max(80).default(''),
    title: z.string().trim().min(1, 'Enter a title').max(200, 'Keep the title under 200 characters'),
    description: z.string().max(20_000, 'Keep the description under 20,000 characters').default(''),
    targetMinor: z.number({ error: 'Enter a target amount' }).int().positive('Enter a target above zero').max(2_000_000_000, 'Enter a smaller target'),
    currency: z.string().trim().toUpperCase().regex(CURRENCY_PATTERN, 'Enter a currency code such as EUR'),
    startsAt: z.string().datetime({ message: 'Enter a start date' }),
    endsAt: z.string().datetime({ message: 'Enter an end date' }).nullable().default(null),
  })
  .refine((d) => d.endsAt === null || d.endsAt > d.startsAt, { path: ['endsAt'], message: 'The end must come after the start' });

export type DriveInput = z.input<typeof driveInputSchema>;

interface DriveDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Language of the description's typography; defaults to en. */
  language?: string;
}

function toColumns(input: z.output<typeof driveInputSchema>, language: string) {
  const slug = input.slug || slugify(input.title);
  if (!isSlug(slug)) throw new AppError('VALIDATION', { fields: { slug: 'Use lower-case letters, digits and hyphens' } });
  return {
    slug,
    title: input.title,
    description: input.description,
    description_html: renderMarkdown(input.description, { lang: language }),
    target_minor: input.targetMinor,
    currency: input.currency,
    starts_at: new Date(input.startsAt).toISOString(),
    ends_at: input.endsAt ? new Date(input.endsAt).toISOString() : null,
  };
}

async function assertSlugFree(db: Kysely<DB>, slug: string, exceptId: number | null): Promise<void> {
  const taken = await db.selectFrom('donation_drives').select('id').where('slug', '=', slug).executeTakeFirst();
  if (taken && taken.id !== exceptId) throw new AppError('VALIDATION', { fields: { slug: 'Another drive has this address' } });
}

/** Creates a drive; throws AppError('VALIDATION', { fields }) for bad input or a taken slug. */
export async function createDrive(deps: DriveDeps, raw: DriveInput): Promise<DriveRow> {
  const columns = toColumns(parseInput(driveInputSchema, raw), deps.language ?? 'en');
  await assertSlugFree(deps.db, columns.slug, null);
  const now = deps.clock.now().toISOString();
  return deps.db
    .insertInto('donation_drives')
    .values({ ...columns, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Changes a drive; throws NOT_FOUND when it does not exist. */
export async function updateDrive(deps: DriveDeps, id: number, raw: DriveInput): Promise<DriveRow> {
  const columns = toColumns(parseInput(driveInputSchema, raw), deps.language ?? 'en');
  await assertSlugFree(deps.db, columns.slug, id);
  const row = await deps.db
    .updateTable('donation_drives')
    .set({ ...columns, updated_at: deps.clock.now().toISOString() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { drive: id });
  return row;
}

/** Deletes a drive; its donations stay in the ledger without a drive. Throws NOT_FOUND. */
export async function deleteDrive(db: Kysely<DB>, id: number): Promise<DriveRow> {
  const row = await db.deleteFrom('donation_drives').where('id', '=', id).returningAll().executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { drive: id });
  return row;
}

/** The drive, or null. */
export async function findDrive(db: Kysely<DB>, id: number): Promise<DriveRow | null> {
  return (await db.selectFrom('donation_drives').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The drive at `slug`, or null. */
export async function findDriveBySlug(db: Kysely<DB>, slug: string): Promise<DriveRow | null> {
  return (await db.selectFrom('donation_drives').selectAll().where('slug', '=', slug).executeTakeFirst()) ?? null;
}

/** Every drive, newest start first. */
export async function listDrives(db: Kysely<DB>): Promise<DriveRow[]> {
  return db.selectFrom('donation_drives').selectAll().orderBy('starts_at', 'desc').orderBy('id', 'desc').execute();
}

/** Drives running at `now` (started, not ended), newest start first. */
export async function listRunningDrives(db: Kysely<DB>, now: Date): Promise<DriveRow[]> {
  const at = now.toISOString();
  return db
    .selectFrom('donation_drives')
    .selectAll()
    .where('starts_at', '<=', at)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', at)]))
    .orderBy('starts_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
