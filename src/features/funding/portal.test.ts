import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/admin.js';
import { donate, givenFunding, lastDonationId } from '../../../test/funding.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { expectValidHtml } from '../../../test/html.js';
import { header, startSmtpServer, type TestSmtpServer, textBody } from '../../../test/smtp.js';
import { deliver, type FakeStripe, SECRET_KEY, startFakeStripe, stripeEvent } from '../../../test/stripe.js';
import { deliverPendingMail, type MailTransport, smtpTransport } from '../mail/index.js';
import { writeSettings } from '../site/index.js';
import { PORTAL_LINK } from './portal.js';

const LINK = /https:\/\/news\.lantern\.example(\/donate\/manage\/portal\/\?d=(\d+)&x=(\d+)&s=([A-Za-z0-9_-]{43}))/g;
const SENT = 'If that address has a monthly donation with us, a link to manage it is on its way. Check your inbox.';
const INVALID = 'This link is not valid any more. Ask for a new one below.';

describe.each(DIALECTS)('managing a monthly donation through Stripe’s customer portal on %s', (dialect) => {
  let t: TestApp;
  let stripe: FakeStripe;
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  let reader: TestBrowser;

  const sendMail = () => deliverPendingMail({
    db: t.ctx.database.db, helpers: t.ctx.database.helpers, clock: t.clock, log: pino({ level: 'silent' }), transport, from: 'The Lantern <desk@lantern.example>',
  });
  const ask = async (email: string) => {
    await reader.get('/donate/manage/');
    return reader.post('/donate/manage/', { email });
  };
  /** A reader who gave monthly through Checkout; Stripe's webhook told us their customer. */
  const givenMonthlySupporter = async (email: string, customer: string, amount = '10') => {
    await donate(t, { preset: amount, kind: 'monthly', email });
    const id = await lastDonationId(t);
    await deliver(t, stripeEvent('checkout.session.completed', {
      id: `cs_${customer}`, object: 'checkout.session', mode: 'subscription', payment_status: 'paid', metadata: { donation_id: String(id) },
      subscription: `sub_${customer}`, customer, customer_details: { email },
    }));
    return id;
  };
  const portalRequests = () => stripe.requests.filter((r) => r.path === '/v1/billing_portal/sessions');
  /** The link paths in the last mail received. */
  const linksInLastMail = () => [...textBody(smtp.received.at(-1)!.raw).matchAll(LINK)].map((m) => m[1]!);

  beforeEach(async () => {
    stripe = await startFakeStripe();
    t = await buildTestApp(dialect, { stripe: stripe.factory });
    smtp = await startSmtpServer();
    transport = smtpTransport(smtp.url);
    reader = new TestBrowser(t.app);
    await writeSettings(t.ctx.database.db, { baseUrl: 'https://news.lantern.example', title: 'The Lantern' });
    await givenFunding(t);
  });
  afterEach(async () => {
    await transport.close();
    await smtp.close();
    await t.close();
    await stripe.close();
  });

  it('links to the manage page from the donate page and the thank-you page', async () => {
    for (const path of ['/donate/', '/donate/thanks/']) {
      expect((await reader.get(path)).body).toContain('<a href="/donate/manage/">Manage your monthly donation</a>');
    }
    const page = await reader.get('/donate/manage/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<label for="manage-email">Your email address</label>');
    expect(page.body).toContain('<button type="submit">Email me a link</button>');
    await expectValidHtml(page.body, 'manage page');
  });

  it('mails a monthly supporter a signed link; its button opens a Stripe portal session for their customer', async () => {
    await givenMonthlySupporter('monthly@example.org', 'cus_lantern1');
    const answer = await ask('  Monthly@Example.org ');
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain(SENT);
    await expectValidHtml(answer.body, 'link sent page');

    expect(await sendMail()).toEqual({ sent: 1, failed: 0, deferred: 0 });
    const mail = smtp.received[0]!;
    expect(mail.envelopeTo).toEqual(['monthly@example.org']);
    expect(header(mail.raw, 'Subject')).toBe('Manage your monthly donation to The Lantern');
    expect(textBody(mail.raw)).toContain('The link works for 24 hours.');
    const [path] = linksInLastMail();
    expect(path).toBeDefined();
    const expires = Number(/x=(\d+)/.exec(path!)![1]);
    expect(expires * 1000).toBe(t.clock.now().getTime() + PORTAL_LINK.lifetimeMs);

    const confirm = await reader.get(path!);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('<button type="submit">Continue to Stripe</button>');
    await expectValidHtml(confirm.body, 'portal confirm page');
    expect(portalRequests()).toHaveLength(0); // opening the link changes nothing

    const query = new URLSearchParams(path!.split('?')[1]);
    const go = await reader.post('/donate/manage/portal/', { d: query.get('d')!, x: query.get('x')!, s: query.get('s')! });
    expect(go.statusCode).toBe(303);
    expect(go.headers.location).toMatch(/^https:\/\/billing\.stripe\.com\/p\/session\/test_\d+$/);
    expect(portalRequests()).toHaveLength(1);
    const sent = portalRequests()[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(sent.params).toEqual({ customer: 'cus_lantern1', return_url: 'https://news.lantern.example/donate/' });
  });

  it('answers an unknown address, a one-off donor and a malformed address exactly as a supporter, and mails none of them', async () => {
    await givenMonthlySupporter('monthly@example.org', 'cus_lantern1');
    await donate(t, { preset: '25', kind: 'one-off', email: 'once@example.org' });
    const known = await ask('monthly@example.org');
    await sendMail();
    expect(smtp.received).toHaveLength(1);
    for (const email of ['stranger@example.org', 'once@example.org', 'not an address', '']) {
      const answer = await ask(email);
      expect(answer.statusCode).toBe(known.statusCode);
      expect(answer.body).toBe(known.body);
    }
    expect(await sendMail()).toEqual({ sent: 0, failed: 0, deferred: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('sends one link per Stripe customer when an address gives monthly twice, each with its amount', async () => {
    await givenMonthlySupporter('twice@example.org', 'cus_a', '10');
    await givenMonthlySupporter('twice@example.org', 'cus_b', '25');
    await ask('twice@example.org');
    await sendMail();
    const body = textBody(smtp.received[0]!.raw);
    expect(body).toMatch(/€25 a month: https:\/\/news\.lantern\.example\/donate\/manage\/portal\//);
    expect(body).toMatch(/€10 a month: https:\/\/news\.lantern\.example\/donate\/manage\/portal\//);
    const customers: string[] = [];
    for (const path of linksInLastMail()) {
      const query = new URLSearchParams(path.split('?')[1]);
      await reader.get(path);
      await reader.post('/donate/manage/portal/', { d: query.get('d')!, x: query.get('x')!, s: query.get('s')! });
      customers.push(portalRequests().at(-1)!.params.customer!);
    }
    expect(customers).toEqual(['cus_b', 'cus_a']);
  });

  it('refuses an expired or forged link with a clear page and a new request form, and never calls Stripe', async () => {
    await givenMonthlySupporter('monthly@example.org', 'cus_lantern1');
    await ask('monthly@example.org');
    await sendMail();
    const [path] = linksInLastMail();
    const query = new URLSearchParams(path!.split('?')[1]);
    const forgedSignature = `${query.get('s')!.slice(0, -2)}${query.get('s')!.endsWith('AA') ? 'BB' : 'AA'}`;
    const forged = [
      `/donate/manage/portal/?d=${query.get('d')}&x=${query.get('x')}&s=${forgedSignature}`,
      `/donate/manage/portal/?d=${query.get('d')}&x=${Number(query.get('x')) + 86_400}&s=${query.get('s')}`, // lengthened
      `/donate/manage/portal/?d=${Number(query.get('d')) + 1}&x=${query.get('x')}&s=${query.get('s')}`, // another donation
      '/donate/manage/portal/',
    ];
    for (const url of forged) {
      const res = await reader.get(url);
      expect(res.statusCode).toBe(410);
      expect(res.body).toContain(INVALID);
      expect(res.body).toContain('<button type="submit">Email me a link</button>');
    }
    const post = await reader.post('/donate/manage/portal/', { d: query.get('d')!, x: query.get('x')!, s: forgedSignature });
    expect(post.statusCode).toBe(410);
    await expectValidHtml(post.body, 'invalid link page');

    t.clock.advance(PORTAL_LINK.lifetimeMs);
    const expired = await reader.get(path!);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain(INVALID);
    const late = await reader.post('/donate/manage/portal/', { d: query.get('d')!, x: query.get('x')!, s: query.get('s')! });
    expect(late.statusCode).toBe(410);
    expect(portalRequests()).toHaveLength(0);
  });

  it('refuses a request without the form’s CSRF token and mails nothing', async () => {
    await givenMonthlySupporter('monthly@example.org', 'cus_lantern1');
    await reader.get('/donate/manage/');
    const res = await reader.post('/donate/manage/', { email: 'monthly@example.org', _csrf: 'forged-token-forged-token' });
    expect(res.statusCode).toBe(403);
    expect(await sendMail()).toEqual({ sent: 0, failed: 0, deferred: 0 });
  });

  it('limits requests from one network and tells the reader to wait', async () => {
    for (let i = 0; i < PORTAL_LINK.perIp.limit; i++) expect((await ask(`reader${i}@example.org`)).statusCode).toBe(200);
    const limited = await ask('one-more@example.org');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.body).toContain('Too many requests from your network');
  });

  it('tells the reader when Stripe cannot open the portal', async () => {
    await givenMonthlySupporter('monthly@example.org', 'cus_lantern1');
    await ask('monthly@example.org');
    await sendMail();
    const query = new URLSearchParams(linksInLastMail()[0]!.split('?')[1]);
    stripe.failWith(500);
    const res = await reader.post('/donate/manage/portal/', { d: query.get('d')!, x: query.get('x')!, s: query.get('s')! });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('Stripe could not be reached just now');
  });

  it('has no manage page while no Stripe key is configured', async () => {
    await givenFunding(t, { online: false });
    expect((await reader.get('/donate/')).body).not.toContain('/donate/manage/');
    expect((await reader.get('/donate/manage/')).statusCode).toBe(404);
  });
});
