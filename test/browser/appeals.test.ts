import { describe, expect, it } from 'vitest';
import { createDrive, formatMoney, getDriveProgress, listRunningDrives } from '../../src/features/funding/index.js';
import { givenFunding } from '../funding.js';
import { deliver, stripeEvent } from '../stripe.js';
import { useDemoSite } from './demo-site.js';
import { expectHealthyPage } from './harness.js';

/**
 * A reader meets the demo newsroom's donation appeal under an article, in a real Chromium on a
 * phone, and sees its drive's progress bar move after Stripe confirms a gift.
 */

const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, deviceScaleFactor: 2 };

const site = useDemoSite();

/** The demo's running drive, made here while the demo has none, and linked to the English appeal. */
async function demoDrive(): Promise<number> {
  const { server } = site;
  const { db } = server.testApp.ctx.database;
  const [running] = await listRunningDrives(db, server.testApp.clock.now());
  const drive = running ?? await createDrive({ db, clock: server.testApp.clock }, {
    title: 'Keep the Lantern lit', slug: 'keep-the-lantern-lit', targetMinor: 500_000, currency: 'EUR', startsAt: '2026-11-01T00:00:00.000Z', endsAt: null,
  });
  await db.updateTable('appeals').set({ drive_id: drive.id }).where('language', '=', 'en').where('drive_id', 'is', null).execute();
  return drive.id;
}

describe('a donation appeal in the browser', () => {
  it('shows a reader the appeal under an English article, and its progress bar moves after a signed Stripe webhook', { timeout: 90_000 }, async () => {
    const { server } = site;
    const { db } = server.testApp.ctx.database;
    const driveId = await demoDrive();
    await givenFunding(server.testApp);
    const article = await db.selectFrom('posts').select(['slug', 'local_year', 'local_month']).where('language', '=', 'en')
      .orderBy('published_at', 'desc').executeTakeFirstOrThrow();
    const path = `/${article.local_year}/${String(article.local_month).padStart(2, '0')}/${article.slug}/`;

    const opened = await site.open(PHONE);
    const { page } = opened;
    await page.goto(path);
    await expectHealthyPage(opened);
    const appeal = page.getByRole('complementary', { name: 'Support independent journalism' });
    await appeal.scrollIntoViewIfNeeded();
    await expect.poll(() => appeal.isVisible()).toBe(true);
    // Below the article, not inside it; the buttons are plain links a thumb can hit.
    expect(await page.locator('article.article ~ aside.appeal').count()).toBe(1);
    const donate = appeal.getByRole('link', { name: 'Donate', exact: true });
    expect(await donate.getAttribute('href')).toBe('/donate/');
    expect(await appeal.getByRole('link', { name: 'Donate with PayPal' }).getAttribute('href')).toMatch(/^https:\/\/www\.paypal\.com\/donate\//);
    expect(await appeal.getByRole('link', { name: 'Become a patron' }).getAttribute('rel')).toBe('noopener');
    const box = (await donate.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(40);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    const bar = appeal.locator('progress');
    const progressBefore = (await getDriveProgress(db, driveId))!;
    expect(Number(await bar.getAttribute('value'))).toBe(Math.min(progressBefore.raised, progressBefore.target));
    const words = appeal.locator('.drive-progress p');
    const wordsBefore = (await words.textContent()) ?? '';

    // A reader who went to Stripe Checkout for €1,000 (the donate page's pending row), then Stripe's webhook.
    const { id } = await db.insertInto('donations').values({
      amount_minor: 100_000, currency: 'EUR', kind: 'one-off', source: 'stripe', status: 'pending', display_name: null,
      drive_id: driveId, created_at: server.testApp.clock.now().toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    const webhook = await deliver(server.testApp, stripeEvent('checkout.session.completed', {
      id: `cs_test_${id}`, object: 'checkout.session', mode: 'payment', payment_status: 'paid', client_reference_id: String(id),
      metadata: { donation_id: String(id), drive_id: String(driveId) }, payment_intent: `pi_${id}`, customer: null,
      customer_details: { email: 'reader@example.org' },
    }));
    expect(webhook.statusCode).toBe(200);

    await page.reload();
    await expectHealthyPage(opened);
    const progress = (await getDriveProgress(db, driveId))!;
    expect(progress.raised).toBe(progressBefore.raised + 100_000);
    expect(progress.supporters).toBe(progressBefore.supporters + 1);
    expect(Number(await bar.getAttribute('value'))).toBe(Math.min(progress.raised, progress.target));
    const wordsAfter = (await words.textContent()) ?? '';
    expect(wordsAfter).not.toBe(wordsBefore);
    expect(wordsAfter).toContain(`${formatMoney(progress.raised, 'EUR', 'en')} raised of ${formatMoney(progress.target, 'EUR', 'en')} · ${progress.percent}%`);
  });
});
