import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenUser, PASSWORD, TestBrowser } from '../../../test/admin.js';
import { expectValidHtml } from '../../../test/html.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { SIGN_IN_LIMITS } from '../accounts/sign-in.js';
import { SESSION_LIFETIME } from '../accounts/sessions.js';
import { newTotpSecret, totpCode } from '../accounts/totp.js';

describe.each(DIALECTS)('signing in to the admin on %s', (dialect) => {
  let t: TestApp;
  let browser: TestBrowser;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    browser = new TestBrowser(t.app);
    await givenUser(t.ctx, 'editor', 'ed@lantern.example', 'Ed Itor');
  });
  afterEach(async () => t.close());

  it('shows a sign-in form with labelled fields to a signed-out visitor', async () => {
    const res = await browser.get('/admin/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<label for="email">Email');
    expect(res.body).toContain('<label for="password">Password');
    expect(res.body).toContain('<button type="submit">Sign in</button>');
    expect(res.headers['cache-control']).toBe('no-store');
    await expectValidHtml(res.body, 'sign-in page');
  });

  it('signs in with the right password into a session cookie that is HttpOnly and SameSite=Lax', async () => {
    await browser.get('/admin/');
    const res = await browser.post('/admin/sign-in', { email: 'ED@lantern.example', password: PASSWORD });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/');
    const cookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('bs_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const home = await browser.get('/admin/');
    expect(home.body).toContain('Hello, Ed Itor');
    await expectValidHtml(home.body, 'dashboard');
    const audit = await t.ctx.database.db.selectFrom('audit_log').select(['action', 'actor']).execute();
    expect(audit).toEqual([{ action: 'user.sign_in', actor: 'ed@lantern.example' }]);
  });

  it('marks the cookie Secure behind an HTTPS reverse proxy, and ignores the proxy header otherwise', async () => {
    const proxied = await buildTestApp(dialect, { config: { trustProxy: '1' } });
    try {
      await givenUser(proxied.ctx, 'editor', 'ed@lantern.example');
      const behindProxy = new TestBrowser(proxied.app);
      await behindProxy.get('/admin/');
      const res = await behindProxy.post('/admin/sign-in', { email: 'ed@lantern.example', password: PASSWORD }, { 'x-forwarded-proto': 'https' });
      expect([res.headers['set-cookie']].flat().find((c) => c?.startsWith('bs_session='))).toMatch(/; Secure/);
    } finally {
      await proxied.close();
    }
    await browser.get('/admin/');
    const direct = await browser.post('/admin/sign-in', { email: 'ed@lantern.example', password: PASSWORD }, { 'x-forwarded-proto': 'https' });
    expect([direct.headers['set-cookie']].flat().find((c) => c?.startsWith('bs_session='))).not.toMatch(/Secure/);
  });

  it('tells a visitor with a wrong password, kindly, and keeps the email they typed', async () => {
    await browser.get('/admin/');
    const res = await browser.post('/admin/sign-in', { email: 'ed@lantern.example', password: 'wrong password' });
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('That email and password do not match an account.');
    expect(res.body).toContain('value="ed@lantern.example"');
    expect(res.body).not.toContain('wrong password');
    const unknown = await browser.post('/admin/sign-in', { email: 'nobody@lantern.example', password: 'whatever it is' });
    expect(unknown.body).toContain('That email and password do not match an account.');
  });

  it('locks an account after repeated failures, longer each time, and lets the right password in afterwards', async () => {
    await browser.get('/admin/');
    for (let i = 0; i < SIGN_IN_LIMITS.freeFailures; i++) {
      expect((await browser.post('/admin/sign-in', { email: 'ed@lantern.example', password: `wrong ${i}` })).statusCode).toBe(401);
    }
    const locked = await browser.post('/admin/sign-in', { email: 'ed@lantern.example', password: PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('Too many failed attempts. Please wait 1 minute');
    t.clock.advance(61_000);
    expect((await browser.post('/admin/sign-in', { email: 'ed@lantern.example', password: 'wrong again' })).statusCode).toBe(401);
    const longer = await browser.post('/admin/sign-in', { email: 'ed@lantern.example', password: PASSWORD });
    expect(longer.statusCode).toBe(429);
    expect(longer.body).toContain('wait 2 minutes');
    t.clock.advance(121_000);
    await browser.signIn('ed@lantern.example');
  });

  it('limits sign-in attempts per IP address across accounts', async () => {
    await browser.get('/admin/');
    // Existing accounts, one wrong password each: no account reaches its own lock-out. (An
    // unknown address is checked against a full-cost dummy hash, twenty of which would make
    // this test slow for nothing.)
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit; i++) {
      await givenUser(t.ctx, 'author', `user${i}@lantern.example`);
      await browser.post('/admin/sign-in', { email: `user${i}@lantern.example`, password: 'nope nope nope' });
    }
    const res = await browser.post('/admin/sign-in', { email: 'ed@lantern.example', password: PASSWORD });
    expect(res.statusCode).toBe(429);
  });

  it('refuses a forged sign-in or sign-out POST without the CSRF token', async () => {
    await browser.signIn('ed@lantern.example');
    const forged = await browser.post('/admin/sign-out', { _csrf: 'forged-token-value-123456' });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('This form has expired');
    const crossSite = await browser.post('/admin/sign-out', {}, { origin: 'https://evil.example' });
    expect(crossSite.statusCode).toBe(403);
    expect((await browser.get('/admin/')).body).toContain('Hello, Ed Itor');
    const fresh = new TestBrowser(t.app);
    expect((await fresh.post('/admin/sign-in', { email: 'ed@lantern.example', password: PASSWORD })).statusCode).toBe(403);
  });

  it('signs out, and ends the session on the server too', async () => {
    await browser.signIn('ed@lantern.example');
    const stolen = browser.cookieHeader;
    const res = await browser.post('/admin/sign-out', {});
    expect(res.statusCode).toBe(303);
    const replay = await t.app.inject({ url: '/admin/', headers: { cookie: stolen } });
    expect(replay.body).toContain('<h1>Sign in</h1>');
  });

  it('signs out everywhere: every browser of that user is signed out', async () => {
    const phone = new TestBrowser(t.app);
    await browser.signIn('ed@lantern.example');
    await phone.signIn('ed@lantern.example');
    await browser.post('/admin/sign-out-everywhere', {});
    expect((await phone.get('/admin/')).body).toContain('<h1>Sign in</h1>');
    expect((await browser.get('/admin/')).body).toContain('<h1>Sign in</h1>');
  });

  it('expires a session after idle time and after its absolute lifetime', async () => {
    await browser.signIn('ed@lantern.example');
    t.clock.advance(SESSION_LIFETIME.idleMs - 60_000);
    expect((await browser.get('/admin/')).body).toContain('Hello');
    t.clock.advance(SESSION_LIFETIME.idleMs + 1000);
    expect((await browser.get('/admin/')).body).toContain('<h1>Sign in</h1>');
    await browser.signIn('ed@lantern.example');
    for (let used = 0; used < SESSION_LIFETIME.absoluteMs; used += SESSION_LIFETIME.idleMs / 2) {
      t.clock.advance(SESSION_LIFETIME.idleMs / 2);
      await browser.get('/admin/');
    }
    expect((await browser.get('/admin/')).body).toContain('<h1>Sign in</h1>');
  });

  it('asks for the authenticator code when two-factor sign-in is on, and refuses a wrong one', async () => {
    const secret = newTotpSecret();
    await t.ctx.database.db.updateTable('users').set({ totp_secret: secret }).where('email', '=', 'ed@lantern.example').execute();
    await browser.get('/admin/');
    const first = await browser.post('/admin/sign-in', { email: 'ed@lantern.example', password: PASSWORD });
    expect(first.statusCode).toBe(401);
    expect(first.body).toContain('Code from your authenticator app');
    const wrong = await browser.post('/admin/sign-in', { email: 'ed@lantern.example', password: PASSWORD, code: '000000' === totpCode(secret, t.clock.now()) ? '111111' : '000000' });
    expect(wrong.body).toContain('That code is not right.');
    const right = await browser.post('/admin/sign-in', { email: 'ed@lantern.example', password: PASSWORD, code: totpCode(secret, t.clock.now()) });
    expect(right.statusCode).toBe(303);
  });

  it('sends a signed-out visitor of an admin page to sign in, and back afterwards', async () => {
    const res = await browser.get('/admin/posts?status=draft');
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('name="next" value="/admin/posts?status=draft"');
    const signIn = await browser.post('/admin/sign-in', { email: 'ed@lantern.example', password: PASSWORD, next: '/admin/posts?status=draft' });
    expect(signIn.headers.location).toBe('/admin/posts?status=draft');
    const other = new TestBrowser(t.app);
    await other.get('/admin/');
    const evil = await other.post('/admin/sign-in', { email: 'ed@lantern.example', password: PASSWORD, next: '//evil.example/admin/' });
    expect(evil.headers.location).toBe('/admin/');
  });
});
