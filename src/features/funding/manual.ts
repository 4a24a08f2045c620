import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { parseInput } from '../../lib/validate.js';
import type { DB } from '../../storage/schema.js';
import { CURRENCY_PATTERN } from './money.js';

/** A gift an admin enters by hand: cash at a meeting, a bank transfer. Amount in minor units. */
export const manualDonationSchema = z.object({
  amountMinor: z.number({ error: 'Enter an amount' }).int().positive('Enter an amount above zero').max(2_000_000_000, 'Enter a smaller amount'),
  currency: z.string().trim().toUpperCase().regex(CURRENCY_PATTERN, 'Enter a currency code such as EUR'),
  kind: z.enum(['one-off', 'monthly']).default('one-off'),
  /** When the money came in (ISO instant). */
  receivedAt: z.string().datetime({ message: 'Enter the date' }),
  driveId: z.number().int().positive().nullable().default(null),
  displayName: z.string().trim().max(120, 'Keep the name under 120 characters').default(''),
  email: z.string().trim().toLowerCase().max(320).default('')
    .refine((v) => v === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), 'Enter an email address or leave it empty'),
  note: z.string().trim().max(2000, 'Keep the note under 2,000 characters').default(''),
});

export type ManualDonationInput = z.input<typeof manualDonationSchema>;

/**
 * Records a confirmed manual donation and returns its id. Throws AppError('VALIDATION') for
 * bad input or a drive that does not exist. Runs in the caller's transaction when given one.
 */
export async function recordManualDonation(db: Kysely<DB>, raw: ManualDonationInput): Promise<number> {
  const input = parseInput(manualDonationSchema, raw);
  if (input.driveId !== null) {
    const drive = await db.selectFrom('donation_drives').select('id').where('id', '=', input.driveId).executeTakeFirst();
    if (!drive) throw new AppError('VALIDATION', { fields: { driveId: 'Choose a drive' } });
  }
  const at = new Date(input.receivedAt).toISOString();
  const row = await db
    .insertInto('donations')
    .values({
      amount_minor: input.amountMinor,
      currency: input.currency,
      kind: input.kind,
      source: 'manual',
      status: 'confirmed',
      display_name: input.displayName || null,
      donor_email: input.email,
      drive_id: input.driveId,
      note: input.note,
      created_at: at,
      confirmed_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Marks a manual donation refunded (money handed back) and returns the drive it counted
 * toward (null for none); throws NOT_FOUND for any other row.
 */
export async function refundManualDonation(db: Kysely<DB>, id: number, now: Date): Promise<{ driveId: number | null }> {
  const done = await db
    .updateTable('donations')
    .set({ status: 'refunded', refunded_at: now.toISOString() })
    .where('id', '=', id)
    .where('source', '=', 'manual')
    .where('status', '=', 'confirmed')
    .returning('drive_id')
    .executeTakeFirst();
  if (!done) throw new AppError('NOT_FOUND', { donation: id });
  return { driveId: done.drive_id };
}
