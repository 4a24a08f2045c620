import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenUser, PASSWORD, TestBrowser } from '../../../../test/admin.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../../test/helpers.js';
import { expectValidHtml } from '../../../../test/html.js';
import { header, startSmtpServer, type TestSmtpServer, textBody } from '../../../../test/smtp.js';
import { newTotpSecret } from '../../accounts/totp.js';
import { completePasswordReset, PASSWORD_RESET } from '../../accounts/password-reset.js';
import { deliverPendingMail, type MailTransport, smtpTransport } from '../../mail/index.js';
import { writeSettings } from '../../site/index.js';

const NEW_PASSWORD = 'a brand new lantern wick';
const LINK = /https:\/\/news\.lantern\.example\/admin\/password-reset\/([A-Za-z0-9_-]{43})/;

describe.each(DIALECTS)('resetting a forgotten password by email on %s', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  let browser: TestBrowser;
  let userId: number;

  /** Runs the outbox delivery as the worker would, through the test SMTP server. */
  const deliver = () =>
    deliverPendingMail({ db: t.ctx.database.db, helpers: t.ctx.database.helpers, clock: t.clock, log: pino({ level: 'silent' }), transport, from: 'The Lantern <desk@lantern.example>' });
  const ask = async (email: string, from = browser) => {
    await from.get('/admin/password-reset');
    return from.post('/admin/password-reset', { email });
  };
  /** Asks for a link for `email` and returns the path of the link in the mail that arrives. */
  const linkFor = async (email: string): Promise<string> => {
    await ask(email);
    await deliver();
    const mail = smtp.received.at(-1);
    const match = mail && textBody(mail.raw).match(LINK);
    if (!match) throw new Error('no reset link arrived');
    return `/admin/password-reset/${match[1]}`;
  };
  const passwordHash = async () => (await t.ctx.database.db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow()).password_hash;

  beforeEach(async () => {
    t = await buildTestApp(dialect);
    smtp = await startSmtpServer();
    transport = smtpTransport(smtp.url);
    browser = new TestBrowser(t.app);
    await writeSettings(t.ctx.database.db, { baseUrl: 'https://news.lantern.example', title: 'The Lantern' });
    userId = await givenUser(t.ctx, 'editor', 'ed@lantern.example', 'Ed Itor');
  });
  afterEach(async () => {
    await transport.close();
    await smtp.close();
    await t.close();
  });

  it('offers a form asking for the email, linked from the sign-in page', async () => {
    expect((await browser.get('/admin/')).body).toContain('<a href="/admin/password-reset">Forgotten your password?</a>');
    const res = await browser.get('/admin/password-reset');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<title>Reset your password — The Lantern admin</title>');
    expect(res.body).toContain('<label for="email">Email');
    expect(res.body).toContain('<button type="submit">Send the link</button>');
    await expectValidHtml(res.body, 'password reset request page');
  });

  it('mails a one-time link through SMTP that lets the user choose a new password and signs them in with it', async () => {
    const answer = await ask('  ED@lantern.example ');
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('If an account exists for that address, we’ve sent a link to it.');
    await expectValidHtml(answer.body, 'check your email page');

    expect(await deliver()).toEqual({ sent: 1, failed: 0, deferred: 0 });
    const mail = smtp.received[0]!;
    expect(mail.envelopeTo).toEqual(['ed@lantern.example']);
    expect(header(mail.raw, 'Subject')).toBe('Reset your password for The Lantern');
    const token = textBody(mail.raw).match(LINK)![1]!;
    expect(textBody(mail.raw)).toContain('Hello Ed Itor,');
    const stored = await t.ctx.database.db.selectFrom('password_resets').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);
    expect(stored[0]!.expires_at).toBe('2026-06-15T13:00:00.000Z');

    const form = await browser.get(`/admin/password-reset/${token}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<label for="password">New password');
    expect(form.body).toContain('<label for="confirm">New password again');
    await expectValidHtml(form.body, 'new password page');

    const done = await browser.post(`/admin/password-reset/${token}`, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/admin/');
    const home = await browser.get('/admin/');
    expect(home.body).toContain('Hello, Ed Itor');
    expect(home.body).toContain('Your password has been changed, and you are signed in.');
    const audit = await t.ctx.database.db.selectFrom('audit_log').select(['action', 'actor']).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'user.password_reset', actor: 'ed@lantern.example' },
      { action: 'user.sign_in', actor: 'ed@lantern.example' },
    ]);

    const later = new TestBrowser(t.app);
    await later.get('/admin/');
    expect((await later.post('/admin/sign-in', { email: 'ed@lantern.example', password: PASSWORD })).statusCode).toBe(401);
    await later.signIn('ed@lantern.example', NEW_PASSWORD);
    expect((await later.get('/admin/')).body).toContain('Hello, Ed Itor');
  });

  it('refuses a link the second time, and changes nothing', async () => {
    const link = await linkFor('ed@lantern.example');
    await browser.get(link);
    expect((await browser.post(link, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })).statusCode).toBe(303);
    const hash = await passwordHash();
    const again = new TestBrowser(t.app);
    const page = await again.get(link);
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('<h1>This link no longer works</h1>');
    await expectValidHtml(page.body, 'dead link page');
    await again.get('/admin/password-reset'); // a page with a form, for the CSRF token
    const post = await again.post(link, { password: 'someone else entirely', confirm: 'someone else entirely' });
    expect(post.statusCode).toBe(410);
    expect(await passwordHash()).toBe(hash);
  });

  it('refuses a link after an hour, and a link that was never sent', async () => {
    const link = await linkFor('ed@lantern.example');
    t.clock.advance(PASSWORD_RESET.lifetimeMs - 1000);
    expect((await browser.get(link)).statusCode).toBe(200);
    t.clock.advance(1000);
    expect((await browser.get(link)).statusCode).toBe(410);
    const hash = await passwordHash();
    expect((await browser.post(link, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })).statusCode).toBe(410);
    expect(await passwordHash()).toBe(hash);
    expect((await browser.get(`/admin/password-reset/${'x'.repeat(43)}`)).statusCode).toBe(410);
    expect((await browser.get('/admin/password-reset/short')).statusCode).toBe(410);
  });

  it('answers an unknown or disabled email exactly as a known one, and sends no mail', async () => {
    const known = await ask('ed@lantern.example');
    const unknown = await ask('nobody@lantern.example', new TestBrowser(t.app));
    const disabledId = await givenUser(t.ctx, 'author', 'gone@lantern.example');
    await t.ctx.database.db.updateTable('users').set({ disabled_at: '2026-06-01T00:00:00.000Z' }).where('id', '=', disabledId).execute();
    const disabled = await ask('gone@lantern.example', new TestBrowser(t.app));
    const notAnEmail = await ask('not an email', new TestBrowser(t.app));
    for (const other of [unknown, disabled, notAnEmail]) {
      expect(other.statusCode).toBe(known.statusCode);
      expect(other.body).toBe(known.body);
    }
    await deliver();
    expect(smtp.received.map((m) => m.envelopeTo)).toEqual([['ed@lantern.example']]);
  });

  it('ends every session of the user when the password is reset', async () => {
    const elsewhere = new TestBrowser(t.app);
    await elsewhere.signIn('ed@lantern.example');
    expect((await elsewhere.get('/admin/')).body).toContain('Hello, Ed Itor');
    const link = await linkFor('ed@lantern.example');
    await browser.get(link);
    await browser.post(link, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    const after = await elsewhere.get('/admin/');
    expect(after.body).toContain('<h1>Sign in</h1>');
  });

  it('keeps the link usable and shows the problem by the field when the new passwords differ or are too short', async () => {
    const link = await linkFor('ed@lantern.example');
    await browser.get(link);
    const differ = await browser.post(link, { password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` });
    expect(differ.statusCode).toBe(422);
    expect(differ.body).toContain('<p class="field-error" id="confirm-error">The two passwords are not the same. Type the new password twice.</p>');
    expect(differ.body).not.toContain(NEW_PASSWORD);
    await expectValidHtml(differ.body, 'new password page with errors');
    const short = await browser.post(link, { password: 'too short', confirm: 'too short' });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('Use at least 12 characters for the password');
    expect((await browser.post(link, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })).statusCode).toBe(303);
  });

  it('limits requests per network, saying how long to wait, and mails one address at most three times an hour without saying so', async () => {
    for (let i = 0; i < 5; i++) expect((await ask('ed@lantern.example')).statusCode).toBe(200);
    await deliver();
    expect(smtp.received).toHaveLength(PASSWORD_RESET.perEmail.limit);
    for (let i = 5; i < PASSWORD_RESET.perIp.limit; i++) await ask(`someone${i}@lantern.example`);
    const limited = await ask('ed@lantern.example');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('900');
    expect(limited.body).toContain('Too many reset requests from your network. Please wait 15 minutes and try again.');
    expect(limited.body).toContain('value="ed@lantern.example"');
    await expectValidHtml(limited.body, 'rate-limited reset page');
    const otherNetwork = await browser.post('/admin/password-reset', { email: 'someone@lantern.example' }, { 'x-forwarded-for': '203.0.113.9' });
    expect(otherNetwork.statusCode).toBe(429); // without a trusted proxy, X-Forwarded-For is ignored
    t.clock.advance(3600_000);
    expect((await ask('ed@lantern.example')).statusCode).toBe(200);
    await deliver();
    expect(smtp.received).toHaveLength(PASSWORD_RESET.perEmail.limit + 1);
  });

  it('sends a two-factor user to sign in with the new password and a code, instead of signing them in', async () => {
    await t.ctx.database.db.updateTable('users').set({ totp_secret: newTotpSecret() }).where('id', '=', userId).execute();
    const link = await linkFor('ed@lantern.example');
    await browser.get(link);
    const done = await browser.post(link, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(done.statusCode).toBe(303);
    expect(browser.hasCookie('bs_session')).toBe(false);
    const page = await browser.get('/admin/');
    expect(page.body).toContain('Your password has been changed. Sign in with it and the code from your authenticator app.');
    expect(page.body).toContain('<h1>Sign in</h1>');
  });

  it('lets only one of two requests racing with the same link set a password', async () => {
    const token = (await linkFor('ed@lantern.example')).split('/').at(-1)!;
    const results = await Promise.all(
      ['first racer password', 'second racer password'].map((password) =>
        completePasswordReset(t.ctx.database.db, { token, password, confirm: password }, t.clock.now()),
      ),
    );
    expect(results.filter((r) => r !== null)).toEqual([{ userId, email: 'ed@lantern.example', totpEnabled: false }]);
    const resets = await t.ctx.database.db.selectFrom('audit_log').select('action').where('action', '=', 'user.password_reset').execute();
    expect(resets).toHaveLength(1);
  });

  it('refuses a request for a link without the form’s token', async () => {
    await browser.get('/admin/password-reset');
    const forged = await browser.post('/admin/password-reset', { email: 'ed@lantern.example', _csrf: 'forged' });
    expect(forged.statusCode).toBe(403);
    await deliver();
    expect(smtp.received).toEqual([]);
  });
});
