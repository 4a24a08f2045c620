import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { writeFundingSettings } from '../../src/features/funding/index.js';
import { WEBHOOK_SECRET } from '../stripe.js';
import { useDemoSite } from './demo-site.js';
import { expectHealthyPage } from './harness.js';

/**
 * A reader watches the demo drive's page; a gift is paid on Stripe (a signed webhook reaches
 * the server over HTTP); on reload the progress bar has moved and the giver is thanked.
 */

const site = useDemoSite({
  setUp: async (server) => {
    await writeFundingSettings(server.testApp.ctx.database.db, { stripeSecretKey: 'sk_test_browser', stripeWebhookSecret: WEBHOOK_SECRET });
  },
});

describe('a fundraising drive', () => {
  it('moves its progress bar when a signed Stripe webhook confirms a gift', async () => {
    const db = site.server.testApp.ctx.database.db;
    const drive = await db.selectFrom('donation_drives').select(['id', 'slug']).executeTakeFirstOrThrow();
    const opened = await site.open();
    await opened.page.goto(`/donate/drive/${drive.slug}/`);
    await expectHealthyPage(opened);
    const bar = opened.page.getByRole('progressbar', { name: 'Progress of Keep the Lantern lit' });
    expect(await bar.getAttribute('value')).toBe('88500');
    await expect.poll(() => opened.page.locator('.drive-progress-text').innerText()).toContain('€885 raised of €5,000');

    const { id } = await db.insertInto('donations').values({
      amount_minor: 100_000, currency: 'EUR', kind: 'one-off', source: 'stripe', status: 'pending', display_name: 'Browser Benefactor',
      donor_email: 'benefactor@private.example', drive_id: drive.id, created_at: '2026-11-26T11:00:00.000Z',
    }).returning('id').executeTakeFirstOrThrow();
    const payload = JSON.stringify({
      id: 'evt_browser_1', object: 'event', type: 'checkout.session.completed',
      data: { object: { id: 'cs_browser', object: 'checkout.session', mode: 'payment', payment_status: 'paid', metadata: { donation_id: String(id) }, payment_intent: 'pi_browser' } },
    });
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, timestamp: Math.floor(site.server.testApp.clock.now().getTime() / 1000) });
    const res = await fetch(`${site.server.url}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
    expect(res.status).toBe(200);

    await opened.page.reload();
    expect(await bar.getAttribute('value')).toBe('188500');
    expect(await opened.page.locator('.drive-progress-text').innerText()).toBe('€1,885 raised of €5,000 · 37% · 8 supporters');
    await expect.poll(() => opened.page.locator('.thank-you-list li').first().innerText()).toBe('Browser Benefactor');
    expect(await opened.page.content()).not.toContain('private.example');
  });
});
