import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { donate, givenDrive, givenFunding, lastDonationId } from '../../../test/funding.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { expectValidHtml } from '../../../test/html.js';
import { type FakeStripe, SECRET_KEY, startFakeStripe } from '../../../test/stripe.js';

describe.each(DIALECTS)('the donate page on %s', (dialect) => {
  let t: TestApp;
  let stripe: FakeStripe;
  beforeEach(async () => {
    stripe = await startFakeStripe();
    t = await buildTestApp(dialect, { stripe: stripe.factory });
  });
  afterEach(async () => {
    await t.close();
    await stripe.close();
  });

  it('sends a one-off gift to Stripe Checkout with the exact amount, currency, URLs and metadata, and the reader on to its page', async () => {
    await givenFunding(t);
    const drive = await givenDrive(t);
    const res = await donate(t, { preset: '', custom: '12,50', name: 'Ada L.', email: 'Ada@Example.org', drive: drive.slug, currency: 'USD' }, `/donate/?drive=${drive.slug}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('https://checkout.stripe.com/c/pay/cs_test_1');
    const id = await lastDonationId(t);
    expect(stripe.requests).toHaveLength(1);
    const sent = stripe.requests[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/v1/checkout/sessions');
    expect(sent.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(sent.headers['idempotency-key']).toBe(`broadside-donation-${id}`);
    expect(sent.params).toEqual({
      mode: 'payment',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'eur',
      'line_items[0][price_data][unit_amount]': '1250',
      'line_items[0][price_data][product_data][name]': 'Keep the Lantern lit — Broadside',
      success_url: 'http://127.0.0.1:3000/donate/thanks/',
      cancel_url: 'http://127.0.0.1:3000/donate/',
      client_reference_id: String(id),
      'metadata[donation_id]': String(id),
      'metadata[drive_id]': String(drive.id),
      customer_email: 'ada@example.org',
      'payment_intent_data[metadata][donation_id]': String(id),
      'payment_intent_data[metadata][drive_id]': String(drive.id),
      submit_type: 'donate',
    });
    const row = await t.ctx.database.db.selectFrom('donations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      amount_minor: 1250, currency: 'EUR', kind: 'one-off', source: 'stripe', status: 'pending', display_name: 'Ada L.',
      donor_email: 'ada@example.org', drive_id: drive.id, stripe_checkout_session_id: 'cs_test_1', confirmed_at: null,
    });
  });

  it('starts a monthly gift as a Checkout subscription with a monthly inline price and the donation in the subscription metadata', async () => {
    await givenFunding(t);
    const res = await donate(t, { preset: '10', kind: 'monthly', currency: 'USD' });
    expect(res.statusCode).toBe(303);
    const id = await lastDonationId(t);
    expect(stripe.requests[0]!.params).toEqual({
      mode: 'subscription',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'usd',
      'line_items[0][price_data][unit_amount]': '1000',
      'line_items[0][price_data][product_data][name]': 'Broadside',
      'line_items[0][price_data][recurring][interval]': 'month',
      success_url: 'http://127.0.0.1:3000/donate/thanks/',
      cancel_url: 'http://127.0.0.1:3000/donate/',
      client_reference_id: String(id),
      'metadata[donation_id]': String(id),
      'subscription_data[metadata][donation_id]': String(id),
    });
  });

  it('shows the form again with the reader’s values and a message by the field for a bad amount or email, and sends nothing to Stripe', async () => {
    await givenFunding(t);
    const res = await donate(t, { preset: '', custom: '12.345', email: 'not-an-address', name: 'Bea' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Choose an amount or enter one, like 15 or 15.50.');
    expect(res.body).toContain('Enter an email address like name@example.org, or leave it empty.');
    expect(res.body).toContain('value="12.345"');
    expect(res.body).toContain('value="Bea"');
    expect(stripe.requests).toHaveLength(0);
    expect(await t.ctx.database.db.selectFrom('donations').select('id').execute()).toHaveLength(0);
  });

  it('tells the reader to try again when Stripe is down, and leaves no pending gift behind', async () => {
    await givenFunding(t);
    stripe.failWith(500);
    const res = await donate(t, { preset: '25' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('Payments are briefly unavailable');
    const row = await t.ctx.database.db.selectFrom('donations').select('status').executeTakeFirstOrThrow();
    expect(row.status).toBe('cancelled');
  });

  it('offers preset and custom amounts, once or monthly, and the other ways to give, as a valid page without JavaScript', async () => {
    await givenFunding(t);
    const page = (await t.app.inject('/donate/')).body;
    expect(page).toContain('<form class="donate-form" method="post" action="/donate/">');
    for (const label of ['€5', '€10', '€25', '€50', 'Other amount', 'Every month', 'Once']) expect(page).toContain(label);
    expect(page).toContain('<option selected>EUR</option><option>USD</option>');
    expect(page).toContain('href="https://liberapay.com/lantern/donate"');
    expect(page).toContain('IBAN DE02 1203 0000 0000 2020 51');
    // No JavaScript: the one script element is JSON-LD data for search engines.
    expect(page.match(/<script[^>]*>/g)).toEqual(['<script type="application/ld+json">']);
    await expectValidHtml(page, 'donate page');
  });

  it('without Stripe keys shows only the other ways to give, no card form, and takes no post', async () => {
    await givenFunding(t, { online: false });
    const page = (await t.app.inject('/donate/')).body;
    expect(page).not.toContain('<form class="donate-form"');
    expect(page).toContain('Card payments are not available here yet');
    expect(page).toContain('href="https://www.paypal.com/donate/?hosted_button_id=LANTERN"');
    const res = await donate(t, { preset: '25' });
    expect(res.statusCode).toBe(403);
    expect(stripe.requests).toHaveLength(0);
    expect(await t.ctx.database.db.selectFrom('donations').select('id').execute()).toHaveLength(0);
  });

  it('takes the Stripe key from STRIPE_SECRET_KEY over the settings', async () => {
    await t.close();
    t = await buildTestApp(dialect, { stripe: stripe.factory, config: { stripeSecretKey: 'sk_test_from_env' } });
    await givenFunding(t);
    expect((await donate(t, { preset: '5' })).statusCode).toBe(303);
    expect(stripe.requests[0]!.headers.authorization).toBe('Bearer sk_test_from_env');
  });
});
