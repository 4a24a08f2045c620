import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBrowser } from '../../../../test/admin.js';
import { givenDrive, givenFunding } from '../../../../test/funding.js';
import { DIALECTS, type TestApp } from '../../../../test/helpers.js';
import { expectValidHtml } from '../../../../test/html.js';
import { auditTrail, signedIn } from '../../../../test/site-admin.js';
import { getDriveProgress, loadFundingSettings } from '../../funding/index.js';

const manual = (change: Record<string, string> = {}) => ({
  amount: '120.50', currency: 'EUR', kind: 'one-off', date: '2026-06-12', driveId: '', displayName: '', email: '', note: 'Cash at the town meeting', ...change,
});

describe.each(DIALECTS)('the funding admin on %s', (dialect) => {
  let t: TestApp;
  let browser: TestBrowser;
  beforeEach(async () => {
    ({ t, browser } = await signedIn(dialect, 'admin'));
    await givenFunding(t);
  });
  afterEach(async () => t.close());

  it('records a gift entered by hand, which counts toward its drive and is audited, and can be marked refunded', async () => {
    const drive = await givenDrive(t);
    const form = await browser.get('/admin/funding/manual');
    expect(form.statusCode).toBe(200);
    await expectValidHtml(form.body, 'manual gift form');
    const res = await browser.post('/admin/funding/manual', manual({ driveId: String(drive.id), displayName: 'Town meeting', email: 'Org@Example.org' }));
    expect(res.statusCode).toBe(303);
    expect((await getDriveProgress(t.ctx.database.db, drive.id))!.raised).toBe(12050);
    const row = await t.ctx.database.db.selectFrom('donations').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'manual', status: 'confirmed', created_at: '2026-06-12T12:00:00.000Z', donor_email: 'org@example.org', note: 'Cash at the town meeting' });
    expect((await auditTrail(t)).map((e) => e.action)).toContain('funding.manual_donation');
    await browser.get('/admin/funding');
    expect((await browser.post(`/admin/funding/donations/${row.id}/refund`, {})).statusCode).toBe(303);
    expect((await getDriveProgress(t.ctx.database.db, drive.id))!.raised).toBe(0);
    expect((await auditTrail(t)).map((e) => e.action)).toContain('funding.manual_refund');
  });

  it('refuses a manual gift without a readable amount or date, keeping what was typed', async () => {
    const res = await browser.post('/admin/funding/manual', manual({ amount: 'lots', date: 'yesterday', note: 'keep me' }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Enter an amount like 25 or 25.50');
    expect(res.body).toContain('keep me');
    expect(await t.ctx.database.db.selectFrom('donations').select('id').execute()).toHaveLength(0);
  });

  it('filters the ledger, totals it per currency and month counting confirmed gifts only, and exports the same rows as safe CSV', async () => {
    await browser.get('/admin/funding/manual');
    await browser.post('/admin/funding/manual', manual({ amount: '10', date: '2026-05-03', displayName: '=HYPERLINK("http://evil")', email: 'a@example.org' }));
    await browser.post('/admin/funding/manual', manual({ amount: '20', date: '2026-06-03', note: 'Bank transfer, "June"' }));
    await browser.post('/admin/funding/manual', manual({ amount: '7', currency: 'USD', date: '2026-06-04', kind: 'monthly' }));
    await t.ctx.database.db.insertInto('donations').values({
      amount_minor: 99_900, currency: 'EUR', kind: 'one-off', source: 'stripe', status: 'pending', display_name: null, drive_id: null, created_at: '2026-06-05T10:00:00.000Z',
    }).execute();
    const all = await browser.get('/admin/funding');
    expect(all.statusCode).toBe(200);
    await expectValidHtml(all.body, 'ledger');
    expect(all.body).toContain('<tr><td>EUR</td><td>2</td><td>€30</td></tr>');
    expect(all.body).toContain('<tr><td>USD</td><td>1</td><td>US$7</td></tr>');
    expect(all.body).toContain('<tr><td>2026-06</td><td>EUR</td><td>1</td><td>€20</td></tr>');
    expect(all.body).toContain('<tr><td>2026-05</td><td>EUR</td><td>1</td><td>€10</td></tr>');
    expect(all.body).toContain('a@example.org');
    const june = await browser.get('/admin/funding?currency=EUR&from=2026-06-01&to=2026-06-30&source=manual');
    expect(june.body).toContain('<tr><td>EUR</td><td>1</td><td>€20</td></tr>');
    expect(june.body).not.toContain('US$7');
    expect(june.body).toContain('href="/admin/funding/donations.csv?source=manual&amp;currency=EUR&amp;from=2026-06-01&amp;to=2026-06-30"');
    const pending = await browser.get('/admin/funding?status=pending');
    expect(pending.body).toContain('€999');
    expect(pending.body).not.toContain('Bank transfer');
    const csv = await browser.get('/admin/funding/donations.csv?source=manual&kind=one-off');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="donations-2026-06-15.csv"');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('id,date,amount,currency,kind,source,status,public name,email,drive,note,stripe customer,stripe subscription,stripe payment intent,stripe invoice,subscription ended');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^2,2026-06-03T12:00:00.000Z,20.00,EUR,one-off,manual,confirmed,,,,"Bank transfer, ""June""",,,,,$/);
    expect(lines[2]).toMatch(/^1,2026-05-03T12:00:00.000Z,10.00,EUR,one-off,manual,confirmed,"'=HYPERLINK\(""http:\/\/evil""\)",a@example.org,/);
    expect((await auditTrail(t)).map((e) => e.action)).toContain('funding.ledger_export');
  });

  it('creates, edits and deletes a drive, each audited, and its page shows the change', async () => {
    const form = await browser.get('/admin/funding/drives/new');
    await expectValidHtml(form.body, 'new drive form');
    const created = await browser.post('/admin/funding/drives/new', { title: 'Court costs', slug: '', description: 'We are *sued*.', target: '2500', currency: 'eur', starts: '2026-06-01', ends: '' });
    expect(created.statusCode).toBe(303);
    const drive = await t.ctx.database.db.selectFrom('donation_drives').selectAll().executeTakeFirstOrThrow();
    expect(drive).toMatchObject({ slug: 'court-costs', target_minor: 250_000, currency: 'EUR', starts_at: '2026-06-01T00:00:00.000Z', ends_at: null });
    expect((await t.app.inject('/donate/drive/court-costs/')).body).toContain('<em>sued</em>');
    const bad = await browser.post(`/admin/funding/drives/${drive.id}`, { title: 'Court costs', slug: 'court-costs', description: '', target: '0', currency: 'EUR', starts: '2026-06-01', ends: '2026-05-01' });
    expect(bad.statusCode).toBe(422);
    expect((await browser.post(`/admin/funding/drives/${drive.id}`, { title: 'Court costs', slug: 'court-costs', description: '', target: '3000', currency: 'EUR', starts: '2026-06-01', ends: '2026-08-01' })).statusCode).toBe(303);
    expect((await t.app.inject('/donate/drive/court-costs/')).body).toContain('€3,000');
    expect((await browser.post(`/admin/funding/drives/${drive.id}/delete`, {})).statusCode).toBe(303);
    expect((await t.app.inject('/donate/drive/court-costs/')).statusCode).toBe(404);
    expect((await auditTrail(t)).map((e) => e.action)).toEqual(expect.arrayContaining(['funding.drive_create', 'funding.drive_update', 'funding.drive_delete']));
  });

  it('stores Stripe keys write-only: never shown back, never in the audit log', async () => {
    const page = await browser.get('/admin/funding/settings');
    expect(page.body).not.toContain('sk_test_broadside');
    await expectValidHtml(page.body, 'funding settings');
    const res = await browser.post('/admin/funding/settings', {
      currencies: 'eur, gbp', presets: '3, 30', minimum: '2', paypalUrl: '', patreonUrl: 'https://www.patreon.com/lantern', liberapayUrl: '', openCollectiveUrl: '',
      bankDetails: 'IBAN X', stripeSecretKey: 'sk_test_new_key', stripeWebhookSecret: '',
    });
    expect(res.statusCode).toBe(303);
    const stored = await loadFundingSettings(t.ctx.database.db);
    expect(stored).toMatchObject({ currencies: ['EUR', 'GBP'], presets: [3, 30], minimum: 2, stripeSecretKey: 'sk_test_new_key', stripeWebhookSecret: 'whsec_test_broadside_secret' });
    expect((await browser.get('/admin/funding/settings')).body).not.toContain('sk_test_new_key');
    expect(JSON.stringify(await auditTrail(t))).not.toContain('sk_test_new_key');
  });
});

describe.each(DIALECTS)('who may use the funding admin on %s', (dialect) => {
  it('keeps editors out of the ledger, drives and settings', async () => {
    const { t, browser } = await signedIn(dialect, 'editor');
    try {
      for (const url of ['/admin/funding', '/admin/funding/donations.csv', '/admin/funding/drives', '/admin/funding/manual', '/admin/funding/settings']) {
        expect((await browser.get(url)).statusCode, url).toBe(403);
      }
      expect((await browser.get('/admin/')).body).not.toContain('href="/admin/funding"');
    } finally {
      await t.close();
    }
  });
});
