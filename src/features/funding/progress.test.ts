import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/helpers.js';
import { fixedClock } from '../../lib/clock.js';
import type { DonationStatus } from '../../storage/schema.js';
import { createDrive } from './drives.js';
import { formatMoney, minorToDecimal, parseAmount } from './money.js';
import { getDriveProgress } from './progress.js';
import { recordManualDonation } from './manual.js';

describe.each(DIALECTS)('drive progress on %s', (dialect) => {
  let t: TestDatabase;
  const clock = fixedClock('2026-06-15T12:00:00Z');
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(async () => t.drop());

  const drive = () =>
    createDrive({ db: t.database.db, clock }, {
      title: 'Keep the lights on', targetMinor: 500_000, currency: 'EUR', startsAt: '2026-06-01T00:00:00.000Z', endsAt: '2026-07-01T00:00:00.000Z',
    });
  const online = (driveId: number, amount: number, status: DonationStatus, extra: { currency?: string; subscription?: string } = {}) =>
    t.database.db.insertInto('donations').values({
      amount_minor: amount, currency: extra.currency ?? 'EUR', kind: extra.subscription ? 'monthly' : 'one-off', source: 'stripe', status,
      display_name: null, drive_id: driveId, stripe_subscription_id: extra.subscription ?? null, created_at: '2026-06-10T10:00:00.000Z',
    }).execute();

  it('counts confirmed online and manual gifts in the drive currency, never pending, refunded, cancelled or other-currency ones', async () => {
    const d = await drive();
    await online(d.id, 2500, 'confirmed');
    await online(d.id, 10000, 'pending');
    await online(d.id, 7000, 'refunded');
    await online(d.id, 900, 'cancelled');
    await online(d.id, 5000, 'confirmed', { currency: 'USD' });
    await recordManualDonation(t.database.db, { amountMinor: 12050, currency: 'EUR', receivedAt: '2026-06-12T18:00:00.000Z', driveId: d.id, note: 'Cash at the town meeting' });
    expect(await getDriveProgress(t.database.db, d.id)).toEqual({ driveId: d.id, title: 'Keep the lights on', raised: 14550, target: 500_000, currency: 'EUR', percent: 2, supporters: 2 });
  });

  it('counts a monthly supporter once however many months they have paid, and can pass 100 percent', async () => {
    const d = await drive();
    await online(d.id, 300_000, 'confirmed', { subscription: 'sub_1' });
    await online(d.id, 300_000, 'confirmed', { subscription: 'sub_1' });
    await online(d.id, 1000, 'confirmed');
    expect(await getDriveProgress(t.database.db, d.id)).toEqual({ driveId: d.id, title: 'Keep the lights on', raised: 601_000, target: 500_000, currency: 'EUR', percent: 120, supporters: 2 });
  });

  it('shows an empty drive at zero and a missing drive as null', async () => {
    const d = await drive();
    expect(await getDriveProgress(t.database.db, d.id)).toEqual({ driveId: d.id, title: 'Keep the lights on', raised: 0, target: 500_000, currency: 'EUR', percent: 0, supporters: 0 });
    expect(await getDriveProgress(t.database.db, d.id + 1)).toBeNull();
  });
});

describe('money in minor units', () => {
  it('reads amounts people type into minor units of the currency, refusing more digits than it has', () => {
    expect(parseAmount('25', 'EUR')).toBe(2500);
    expect(parseAmount('25,5', 'EUR')).toBe(2550);
    expect(parseAmount('1 000.05', 'EUR')).toBe(100005);
    expect(parseAmount('500', 'JPY')).toBe(500);
    expect(parseAmount('5.5', 'JPY')).toBeNull();
    expect(parseAmount('0', 'EUR')).toBeNull();
    expect(parseAmount('-3', 'EUR')).toBeNull();
    expect(parseAmount('1e3', 'EUR')).toBeNull();
    expect(minorToDecimal(123450, 'EUR')).toBe('1234.50');
    expect(formatMoney(2500, 'EUR')).toBe('€25');
    expect(formatMoney(2550, 'EUR')).toBe('€25.50');
  });
});
