import { TestBrowser } from './admin.js';
import type { TestApp } from './helpers.js';
import { createDrive, type DriveRow, writeFundingSettings } from '../src/features/funding/index.js';
import { SECRET_KEY, WEBHOOK_SECRET } from './stripe.js';

/** Fixtures for funding tests. */

/** Funding settings with Stripe keys (unless `online: false`) and the other ways to give. */
export async function givenFunding(t: TestApp, options: { online?: boolean; currencies?: string[] } = {}): Promise<void> {
  await writeFundingSettings(t.ctx.database.db, {
    currencies: options.currencies ?? ['EUR', 'USD'],
    presets: [5, 10, 25, 50],
    stripeSecretKey: options.online === false ? '' : SECRET_KEY,
    stripeWebhookSecret: options.online === false ? '' : WEBHOOK_SECRET,
    paypalUrl: 'https://www.paypal.com/donate/?hosted_button_id=LANTERN',
    liberapayUrl: 'https://liberapay.com/lantern/donate',
    bankDetails: 'The Lantern e.V.\nIBAN DE02 1203 0000 0000 2020 51\nReference: Donation',
  });
}

/** A drive running at the test clock's now (2026-06-15), target €5,000. */
export async function givenDrive(t: TestApp, fields: { slug?: string; title?: string; targetMinor?: number; currency?: string } = {}): Promise<DriveRow> {
  return createDrive({ db: t.ctx.database.db, clock: t.clock }, {
    title: fields.title ?? 'Keep the Lantern lit', slug: fields.slug ?? 'keep-the-lantern-lit', description: 'We need **5,000** euros for the year.',
    targetMinor: fields.targetMinor ?? 500_000, currency: fields.currency ?? 'EUR', startsAt: '2026-06-01T00:00:00.000Z', endsAt: '2026-07-31T00:00:00.000Z',
  });
}

/** A reader who opens the donate page and sends its form; returns the response to the POST. */
export async function donate(t: TestApp, form: Record<string, string>, page = '/donate/') {
  const reader = new TestBrowser(t.app);
  await reader.get(page);
  return reader.post('/donate/', { preset: '25', custom: '', kind: 'one-off', currency: 'EUR', name: '', email: '', ...form });
}

/** The id of the newest donation row. */
export async function lastDonationId(t: TestApp): Promise<number> {
  const row = await t.ctx.database.db.selectFrom('donations').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
  return row.id;
}
