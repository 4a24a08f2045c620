import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenUser, TestBrowser } from '../../../test/admin.js';
import { givenAppeal } from '../../../test/appeals.js';
import { donate, givenDrive, givenFunding, lastDonationId } from '../../../test/funding.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { deliver, type FakeStripe, startFakeStripe, stripeEvent } from '../../../test/stripe.js';
import type { DriveRow } from '../funding/drives.js';

describe.each(DIALECTS)('a drive’s progress on cached pages on %s', (dialect) => {
  let t: TestApp;
  let stripe: FakeStripe;
  let drive: DriveRow;
  beforeEach(async () => {
    stripe = await startFakeStripe();
    t = await buildTestApp(dialect, { stripe: stripe.factory, config: { pageCache: 'on' } });
    await givenFunding(t);
    drive = await givenDrive(t);
    await givenAppeal(t.ctx, { driveId: drive.id, placements: ['sidebar'] });
  });
  afterEach(async () => {
    await t.close();
    await stripe.close();
  });

  it('shows the new total on the cached home page as soon as Stripe confirms a gift', async () => {
    const first = await t.app.inject('/');
    expect(first.body).toContain('€0 raised of €5,000');
    expect(String(first.headers['surrogate-key']).split(' ')).toContain(`drive:${drive.id}`);
    await t.app.inject('/');
    expect(t.ctx.pageCache!.stats.hits).toBe(1);
    expect((await donate(t, { preset: '25', drive: drive.slug }, `/donate/?drive=${drive.slug}`)).statusCode).toBe(303);
    const id = await lastDonationId(t);
    const event = stripeEvent('checkout.session.completed', {
      id: `cs_test_${id}`, object: 'checkout.session', mode: 'payment', payment_status: 'paid', client_reference_id: String(id),
      metadata: { donation_id: String(id), drive_id: String(drive.id) }, payment_intent: `pi_${id}`, customer: null,
      customer_details: { email: 'reader@example.org' },
    });
    expect((await deliver(t, event)).statusCode).toBe(200);
    const after = await t.app.inject('/');
    expect(after.body).toContain('€25 raised of €5,000');
  });

  describe('when an admin moves money by hand', () => {
    let admin: TestBrowser;
    /** The home page, served once to fill the cache and then from it. */
    const cachedHome = async () => {
      const page = await t.app.inject('/');
      const hits = t.ctx.pageCache!.stats.hits;
      await t.app.inject('/');
      expect(t.ctx.pageCache!.stats.hits).toBe(hits + 1);
      return page.body;
    };
    beforeEach(async () => {
      await givenUser(t.ctx, 'admin');
      admin = new TestBrowser(t.app);
      await admin.signIn('admin@lantern.example');
    });

    it('shows a gift entered by hand and then its refund on the cached home page at once', async () => {
      expect(await cachedHome()).toContain('€0 raised of €5,000');
      await admin.get('/admin/funding/manual');
      const recorded = await admin.post('/admin/funding/manual', {
        amount: '120.50', currency: 'EUR', kind: 'one-off', date: '2026-06-12', driveId: String(drive.id), displayName: '', email: '', note: 'Cash at the town meeting',
      });
      expect(recorded.statusCode).toBe(303);
      expect(await cachedHome()).toContain('€120.50 raised of €5,000');

      const id = await lastDonationId(t);
      await admin.get('/admin/funding');
      expect((await admin.post(`/admin/funding/donations/${id}/refund`, {})).statusCode).toBe(303);
      expect((await t.app.inject('/')).body).toContain('€0 raised of €5,000');
    });

    it('shows a drive’s new target on the cached home page as soon as an admin saves it', async () => {
      expect(await cachedHome()).toContain('€0 raised of €5,000');
      await admin.get(`/admin/funding/drives/${drive.id}`);
      const saved = await admin.post(`/admin/funding/drives/${drive.id}`, {
        title: drive.title, slug: drive.slug, description: drive.description, target: '8000', currency: 'EUR', starts: '2026-06-01', ends: '2026-07-31',
      });
      expect(saved.statusCode).toBe(303);
      expect((await t.app.inject('/')).body).toContain('€0 raised of €8,000');
    });
  });
});
