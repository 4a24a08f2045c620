import type { Kysely } from 'kysely';
import type { Clock } from '../../lib/clock.js';
import type { DB } from '../../storage/schema.js';
import { createDrive, findDriveBySlug } from './drives.js';
import { writeFundingSettings } from './settings.js';

const DAY = 86_400_000;
const DEMO_SLUG = 'keep-the-lantern-lit';

/** The demo's gifts: days before now, amount (euro cents), public name, how it came, status. */
const GIFTS: [number, number, string | null, 'stripe' | 'manual', 'confirmed' | 'refunded', string][] = [
  [18, 5_000, 'Marta from Riverside', 'stripe', 'confirmed', ''],
  [16, 2_500, null, 'stripe', 'confirmed', ''],
  [15, 12_000, 'Northern Depot collection', 'manual', 'confirmed', 'Cash collected at the depot meeting'],
  [11, 10_000, 'Anna K.', 'stripe', 'confirmed', ''],
  [9, 50_000, null, 'manual', 'confirmed', 'Bank transfer'],
  [6, 20_000, 'Someone who changed their mind', 'stripe', 'refunded', ''],
  [4, 1_500, null, 'stripe', 'confirmed', ''],
  [2, 7_500, 'The Velmora Chess Club', 'stripe', 'confirmed', ''],
];

/**
 * The demo newsroom's running drive (started 20 days ago, ending in 40) with some confirmed
 * gifts, online and by hand, and one refunded gift that does not count. Demo funding settings
 * show the other ways to give; no Stripe keys. Idempotent: does nothing when the drive exists.
 */
export async function seedDemoFunding(deps: { db: Kysely<DB>; clock: Clock }): Promise<void> {
  if (await findDriveBySlug(deps.db, DEMO_SLUG)) return;
  const now = deps.clock.now().getTime();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await writeFundingSettings(trx, {
      currencies: ['EUR'], presets: [5, 10, 25, 50],
      paypalUrl: 'https://www.paypal.com/donate/?hosted_button_id=LANTERNDEMO', patreonUrl: 'https://www.patreon.com/thelanterndemo',
      bankDetails: 'The Lantern Media Association\nIBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX\nReference: Donation',
    });
    const drive = await createDrive({ db: trx, clock: deps.clock }, {
      slug: DEMO_SLUG, title: 'Keep the Lantern lit', currency: 'EUR', targetMinor: 500_000, startsAt: at(20), endsAt: at(-40),
      description: 'A year of reporting costs us **€5,000** more than our monthly supporters give. Help us cover the courts, the council and the picket lines through next year.',
    });
    for (const [daysAgo, amount, name, source, status, note] of GIFTS) {
      await trx.insertInto('donations').values({
        amount_minor: amount, currency: 'EUR', kind: 'one-off', source, status, display_name: name, donor_email: '', drive_id: drive.id, note,
        created_at: at(daysAgo), confirmed_at: at(daysAgo), refunded_at: status === 'refunded' ? at(daysAgo - 1) : null,
      }).execute();
    }
  });
}
