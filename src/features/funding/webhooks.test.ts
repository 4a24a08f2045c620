import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { donate, givenDrive, givenFunding, lastDonationId } from '../../../test/funding.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { deliver, type FakeStripe, startFakeStripe, stripeEvent } from '../../../test/stripe.js';
import type { DriveRow } from './drives.js';
import { getDriveProgress } from './progress.js';

describe.each(DIALECTS)('Stripe webhooks on %s', (dialect) => {
  let t: TestApp;
  let stripe: FakeStripe;
  let drive: DriveRow;
  beforeEach(async () => {
    stripe = await startFakeStripe();
    t = await buildTestApp(dialect, { stripe: stripe.factory });
    await givenFunding(t);
    drive = await givenDrive(t);
  });
  afterEach(async () => {
    await t.close();
    await stripe.close();
  });

  const raised = async () => (await getDriveProgress(t.ctx.database.db, drive.id))!;
  const row = (id: number) => t.ctx.database.db.selectFrom('donations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  /** A reader gives through the donate page; returns the pending donation's id. */
  const gives = async (form: Record<string, string> = {}) => {
    expect((await donate(t, { preset: '25', drive: drive.slug, ...form }, `/donate/?drive=${drive.slug}`)).statusCode).toBe(303);
    return lastDonationId(t);
  };
  const completed = (id: number, extra: Record<string, unknown> = {}) => stripeEvent('checkout.session.completed', {
    id: `cs_test_${id}`, object: 'checkout.session', mode: 'payment', payment_status: 'paid', client_reference_id: String(id),
    metadata: { donation_id: String(id), drive_id: String(drive.id) }, payment_intent: `pi_${id}`, customer: null,
    customer_details: { email: 'reader@example.org' }, ...extra,
  });
  const invoicePaid = (invoice: string, donationId: number, amount = 2500) => stripeEvent('invoice.paid', {
    id: invoice, object: 'invoice', amount_paid: amount, currency: 'eur', customer: 'cus_1', status: 'paid',
    parent: { type: 'subscription_details', subscription_details: { subscription: 'sub_1', metadata: { donation_id: String(donationId) } } },
  });

  it('confirms a one-off gift on a signed checkout.session.completed, and the drive total moves', async () => {
    const id = await gives();
    expect((await raised()).raised).toBe(0);
    const res = await deliver(t, completed(id));
    expect(res.statusCode).toBe(200);
    expect(await row(id)).toMatchObject({ status: 'confirmed', stripe_payment_intent_id: `pi_${id}`, confirmed_at: '2026-06-15T12:00:00.000Z' });
    expect(await raised()).toMatchObject({ raised: 2500, supporters: 1, percent: 0 });
  });

  it('counts an event delivered twice once', async () => {
    await gives();
    const id = await gives({ preset: '50' });
    const event = completed(id);
    expect((await deliver(t, event)).statusCode).toBe(200);
    const again = await deliver(t, event);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ received: true, duplicate: true });
    // The same payment under a new event id changes nothing either.
    expect((await deliver(t, completed(id))).statusCode).toBe(200);
    expect(await raised()).toMatchObject({ raised: 5000, supporters: 1 });
    expect(await t.ctx.database.db.selectFrom('stripe_events').select('id').execute()).toHaveLength(2);
  });

  it('refuses a forged signature, a tampered body, a wrong secret, a missing header and a stale timestamp with 400, and changes nothing', async () => {
    const id = await gives();
    const event = completed(id);
    expect((await deliver(t, event, { secret: 'whsec_someone_else' })).statusCode).toBe(400);
    expect((await deliver(t, event, { tamper: (body) => body.replace('"paid"', '"paid" ') })).statusCode).toBe(400);
    expect((await deliver(t, event, { timestamp: Math.floor(t.clock.now().getTime() / 1000) - 301 })).statusCode).toBe(400);
    const unsigned = await t.app.inject({ method: 'POST', url: '/webhooks/stripe', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(event) });
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json()).toEqual({ error: 'invalid signature' });
    expect((await row(id)).status).toBe('pending');
    expect(await t.ctx.database.db.selectFrom('stripe_events').select('id').execute()).toHaveLength(0);
    // A capture replayed within the tolerance is signed fine, but counted once (see above); just inside it is accepted.
    expect((await deliver(t, event, { timestamp: Math.floor(t.clock.now().getTime() / 1000) - 299 })).statusCode).toBe(200);
  });

  it('marks a fully refunded gift refunded so the total drops, and ignores a partial refund', async () => {
    const id = await gives();
    await deliver(t, completed(id));
    await deliver(t, stripeEvent('charge.refunded', { id: 'ch_1', object: 'charge', payment_intent: `pi_${id}`, refunded: false, amount_refunded: 500 }));
    expect((await raised()).raised).toBe(2500);
    await deliver(t, stripeEvent('charge.refunded', { id: 'ch_1', object: 'charge', payment_intent: `pi_${id}`, refunded: true, amount_refunded: 2500 }));
    expect(await row(id)).toMatchObject({ status: 'refunded', refunded_at: '2026-06-15T12:00:00.000Z' });
    expect(await raised()).toMatchObject({ raised: 0, supporters: 0 });
  });

  it('asks Stripe to retry a refund that arrives before its payment, then applies it', async () => {
    const id = await gives();
    const refund = stripeEvent('charge.refunded', { id: 'ch_2', object: 'charge', payment_intent: `pi_${id}`, refunded: true });
    expect((await deliver(t, refund)).statusCode).toBe(503);
    await deliver(t, completed(id));
    expect((await raised()).raised).toBe(2500);
    expect((await deliver(t, refund)).statusCode).toBe(200);
    expect((await row(id)).status).toBe('refunded');
    expect((await raised()).raised).toBe(0);
  });

  it('records each paid month of a monthly gift as a confirmed row, even when the first invoice arrives before the checkout event', async () => {
    const id = await gives({ kind: 'monthly' });
    expect((await deliver(t, invoicePaid('in_1', id))).statusCode).toBe(200);
    expect(await row(id)).toMatchObject({ status: 'confirmed', stripe_invoice_id: 'in_1', stripe_subscription_id: 'sub_1', kind: 'monthly' });
    const checkout = stripeEvent('checkout.session.completed', {
      id: 'cs_sub', object: 'checkout.session', mode: 'subscription', payment_status: 'paid', metadata: { donation_id: String(id) },
      subscription: 'sub_1', customer: 'cus_1', customer_details: { email: 'monthly@example.org' },
    });
    expect((await deliver(t, checkout)).statusCode).toBe(200);
    expect(await row(id)).toMatchObject({ status: 'confirmed', stripe_customer_id: 'cus_1', stripe_checkout_session_id: 'cs_sub' });
    await deliver(t, invoicePaid('in_2', id));
    await deliver(t, invoicePaid('in_2', id)); // a second delivery of the same invoice under a new event id
    const rows = await t.ctx.database.db.selectFrom('donations').select(['stripe_invoice_id', 'status', 'display_name']).where('stripe_subscription_id', '=', 'sub_1').orderBy('id').execute();
    expect(rows.map((r) => r.stripe_invoice_id)).toEqual(['in_1', 'in_2']);
    expect(await raised()).toMatchObject({ raised: 5000, supporters: 1 });
  });

  it('ends a monthly gift on customer.subscription.deleted: paid months stay, an unpaid one is cancelled', async () => {
    const paidId = await gives({ kind: 'monthly' });
    await deliver(t, invoicePaid('in_1', paidId));
    const unpaidId = await gives({ kind: 'monthly', preset: '10' });
    await deliver(t, stripeEvent('customer.subscription.deleted', { id: 'sub_1', object: 'subscription', metadata: { donation_id: String(paidId) } }));
    await deliver(t, stripeEvent('customer.subscription.deleted', { id: 'sub_2', object: 'subscription', metadata: { donation_id: String(unpaidId) } }));
    expect(await row(paidId)).toMatchObject({ status: 'confirmed', cancelled_at: '2026-06-15T12:00:00.000Z' });
    expect(await row(unpaidId)).toMatchObject({ status: 'cancelled', stripe_subscription_id: 'sub_2' });
    expect((await raised()).raised).toBe(2500);
  });

  it('takes the webhook without a CSRF token, and records event types it does not use without acting', async () => {
    const res = await deliver(t, stripeEvent('customer.created', { id: 'cus_9', object: 'customer' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: true, duplicate: false });
  });
});
