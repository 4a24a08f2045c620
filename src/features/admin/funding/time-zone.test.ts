import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenUser, TestBrowser } from '../../../../test/admin.js';
import { donate, givenFunding, lastDonationId } from '../../../../test/funding.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../../test/helpers.js';
import { deliver, type FakeStripe, startFakeStripe, stripeEvent } from '../../../../test/stripe.js';
import { writeSettings } from '../../site/index.js';

describe.each(DIALECTS)('funding in the site’s time zone on %s', (dialect) => {
  let t: TestApp;
  let stripe: FakeStripe;
  let admin: TestBrowser;
  beforeEach(async () => {
    stripe = await startFakeStripe();
    t = await buildTestApp(dialect, { stripe: stripe.factory, now: '2026-11-20T12:00:00Z' });
    await givenFunding(t);
    await givenUser(t.ctx, 'admin');
    admin = new TestBrowser(t.app);
    await admin.signIn('admin@lantern.example');
  });
  afterEach(async () => {
    await t.close();
    await stripe.close();
  });

  it('runs a drive ending “31 December” until the end of that day in New York, and names that day', async () => {
    await writeSettings(t.ctx.database.db, { timeZone: 'America/New_York' });
    await admin.get('/admin/funding/drives/new');
    const created = await admin.post('/admin/funding/drives/new', {
      title: 'Year-end drive', slug: 'year-end', description: '', target: '10000', currency: 'EUR', starts: '2026-12-01', ends: '2026-12-31',
    });
    expect(created.statusCode).toBe(303);
    const drive = await t.ctx.database.db.selectFrom('donation_drives').selectAll().where('slug', '=', 'year-end').executeTakeFirstOrThrow();
    expect(drive.starts_at).toBe('2026-12-01T05:00:00.000Z');
    expect(drive.ends_at).toBe('2027-01-01T05:00:00.000Z');
    const form = await admin.get(`/admin/funding/drives/${drive.id}`);
    expect(form.body).toMatch(/name="starts"[^>]*value="2026-12-01"|value="2026-12-01"[^>]*name="starts"/);
    expect(form.body).toMatch(/name="ends"[^>]*value="2026-12-31"|value="2026-12-31"[^>]*name="ends"/);

    t.clock.set('2027-01-01T04:59:00Z'); // 23:59 on 31 December in New York
    const lastMinute = await t.app.inject('/donate/drive/year-end/');
    expect(lastMinute.body).toContain('From 1 December 2026 to 31 December 2026');
    expect(lastMinute.body).toContain('Give to this drive');
    expect((await t.app.inject('/donate/?drive=year-end')).body).toContain('Your gift goes to: Year-end drive');

    t.clock.set('2027-01-01T05:00:00Z'); // midnight in New York
    const over = await t.app.inject('/donate/drive/year-end/');
    expect(over.body).toContain('This drive has ended.');
    expect((await t.app.inject('/donate/?drive=year-end')).body).not.toContain('Your gift goes to');
  });

  it('counts a gift made at 23:30 UTC on 31 January in February’s ledger row on a site in Asia/Almaty, and in February’s filter', async () => {
    await writeSettings(t.ctx.database.db, { timeZone: 'Asia/Almaty' });
    const giveAt = async (instant: string, preset: string) => {
      t.clock.set(instant);
      await donate(t, { preset });
      const id = await lastDonationId(t);
      const event = stripeEvent('checkout.session.completed', {
        id: `cs_${id}`, object: 'checkout.session', mode: 'payment', payment_status: 'paid', metadata: { donation_id: String(id) }, payment_intent: `pi_${id}`,
      });
      expect((await deliver(t, event)).statusCode).toBe(200);
    };
    await giveAt('2027-01-31T17:00:00Z', '10'); // 31 January, evening, in Almaty
    await giveAt('2027-01-31T23:30:00Z', '25'); // already 1 February in Almaty
    t.clock.set('2027-02-10T12:00:00Z');
    await admin.signIn('admin@lantern.example'); // the session of November has expired

    const ledger = await admin.get('/admin/funding');
    expect(ledger.body).toContain('<tr><td>2027-02</td><td>EUR</td><td>1</td><td>€25</td></tr>');
    expect(ledger.body).toContain('<tr><td>2027-01</td><td>EUR</td><td>1</td><td>€10</td></tr>');

    const february = await admin.get('/admin/funding?from=2027-02-01&to=2027-02-28');
    expect(february.body).toContain('<tr><td>EUR</td><td>1</td><td>€25</td></tr>');
    expect(february.body).not.toContain('<td>2027-01</td>');
    const january = await admin.get('/admin/funding?from=2027-01-01&to=2027-01-31');
    expect(january.body).toContain('<tr><td>EUR</td><td>1</td><td>€10</td></tr>');
    const csv = await admin.get('/admin/funding/donations.csv?from=2027-02-01&to=2027-02-28');
    expect(csv.body.trim().split('\n')).toHaveLength(2);
    expect(csv.body).toContain('2027-01-31T23:30:00.000Z,25.00,EUR');
  });

  it('dates a gift entered by hand at noon of its day in the site’s zone, so it stays on that day', async () => {
    await writeSettings(t.ctx.database.db, { timeZone: 'Pacific/Kiritimati' }); // UTC+14: noon UTC is already tomorrow there
    const form = await admin.get('/admin/funding/manual');
    expect(form.body).toMatch(/value="2026-11-21"/); // 12:00 UTC on 20 November is 02:00 on the 21st there
    await admin.post('/admin/funding/manual', {
      amount: '40', currency: 'EUR', kind: 'one-off', date: '2026-11-30', driveId: '', displayName: '', email: '', note: '',
    });
    const row = await t.ctx.database.db.selectFrom('donations').select('created_at').executeTakeFirstOrThrow();
    expect(row.created_at).toBe('2026-11-29T22:00:00.000Z');
    expect((await admin.get('/admin/funding')).body).toContain('<tr><td>2026-11</td><td>EUR</td><td>1</td><td>€40</td></tr>');
  });
});
