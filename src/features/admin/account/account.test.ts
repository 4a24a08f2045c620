import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenUser, PASSWORD, TestBrowser } from '../../../../test/admin.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../../test/helpers.js';
import { expectValidHtml } from '../../../../test/html.js';
import { OWN_ACCOUNT_LIMITS } from '../../accounts/own-account.js';
import { totpCode } from '../../accounts/totp.js';

const NEW_PASSWORD = 'a brand new lantern wick';

describe.each(DIALECTS)('managing one’s own account on %s', (dialect) => {
  let t: TestApp;
  let browser: TestBrowser;
  let userId: number;
  const audit = async () => (await t.ctx.database.db.selectFrom('audit_log').select(['action', 'subject']).orderBy('id').execute()).filter((a) => a.action !== 'user.sign_in');
  const totpSecret = async () => (await t.ctx.database.db.selectFrom('users').select('totp_secret').where('id', '=', userId).executeTakeFirstOrThrow()).totp_secret;

  beforeEach(async () => {
    t = await buildTestApp(dialect);
    browser = new TestBrowser(t.app);
    userId = await givenUser(t.ctx, 'contributor', 'cora@lantern.example', 'Cora Tributor');
    await browser.signIn('cora@lantern.example');
  });
  afterEach(async () => t.close());

  it('shows every signed-in user, whatever their role, their account: password, two-factor sign-in and sessions', async () => {
    const res = await browser.get('/admin/account');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Your account — Broadside admin</title>');
    expect(res.body).toContain('Signed in as Cora Tributor (cora@lantern.example), contributor.');
    expect(res.body).toContain('<label for="current">Current password');
    expect(res.body).toContain('<button type="submit">Change password</button>');
    expect(res.body).toContain('<a class="button" href="/admin/account/two-factor">Set up two-factor sign-in</a>');
    expect(res.body).toContain('You are signed in in 1 browser, this one included.');
    expect(res.body).toContain('<form method="post" action="/admin/sign-out-everywhere">');
    await expectValidHtml(res.body, 'account page');
  });

  it('shows the sign-in form instead to a signed-out visitor', async () => {
    const res = await new TestBrowser(t.app).get('/admin/account');
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('<h1>Sign in</h1>');
  });

  it('changes the password, signs out the other browsers but not this one, and audits it', async () => {
    const laptop = new TestBrowser(t.app);
    await laptop.signIn('cora@lantern.example');
    expect((await browser.get('/admin/account')).body).toContain('You are signed in in 2 browsers');
    const res = await browser.post('/admin/account/password', { current: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/account');
    const page = await browser.get('/admin/account');
    expect(page.body).toContain('Your password has been changed. Signed out of 1 other session.');
    expect((await laptop.get('/admin/')).body).toContain('<h1>Sign in</h1>');
    expect(await audit()).toEqual([{ action: 'user.password_change', subject: `user:${userId}` }]);
    const fresh = new TestBrowser(t.app);
    await fresh.get('/admin/');
    expect((await fresh.post('/admin/sign-in', { email: 'cora@lantern.example', password: PASSWORD })).statusCode).toBe(401);
    await fresh.signIn('cora@lantern.example', NEW_PASSWORD);
  });

  it('keeps the password and shows every problem by its field: wrong current password, different or short new ones', async () => {
    const res = await browser.post('/admin/account/password', { current: 'not my password', password: 'short', confirm: 'shorter' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<p class="field-error" id="current-error">That is not your current password.</p>');
    expect(res.body).toContain('<p class="field-error" id="password-error">Use at least 12 characters for the password</p>');
    expect(res.body).not.toContain('not my password');
    await expectValidHtml(res.body, 'account page with errors');
    const differ = await browser.post('/admin/account/password', { current: PASSWORD, password: NEW_PASSWORD, confirm: 'something else again' });
    expect(differ.body).toContain('<p class="field-error" id="confirm-error">The two passwords are not the same.');
    expect(await audit()).toEqual([]);
    await new TestBrowser(t.app).signIn('cora@lantern.example', PASSWORD);
  });

  it('stops accepting current-password guesses after five wrong ones', async () => {
    for (let i = 0; i < OWN_ACCOUNT_LIMITS.wrongPasswords; i++) {
      expect((await browser.post('/admin/account/password', { current: `guess ${i}`, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).statusCode).toBe(422);
    }
    const res = await browser.post('/admin/account/password', { current: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(res.statusCode).toBe(429);
    expect(res.body).toContain('Too many tries. Please wait 15 minutes and try again.');
    t.clock.advance(15 * 60_000);
    expect((await browser.post('/admin/account/password', { current: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).statusCode).toBe(303);
  });

  it('sets up two-factor sign-in: shows the key in groups of four and its otpauth link, and turns it on with a current code', async () => {
    const setup = await browser.get('/admin/account/two-factor');
    expect(setup.statusCode).toBe(200);
    expect(setup.body).toContain('<title>Set up two-factor sign-in — Broadside admin</title>');
    await expectValidHtml(setup.body, 'two-factor setup page');
    const secret = setup.body.match(/name="secret" value="([A-Z2-7]{32})"/)![1]!;
    expect(setup.body).toContain(`<code class="secret" id="secret">${secret.match(/.{4}/g)!.join(' ')}</code>`);
    expect(setup.body).toContain(`href="otpauth://totp/Broadside%3Acora%40lantern.example?secret=${secret}&amp;issuer=Broadside`);
    expect(setup.body).toContain(`<code class="uri">otpauth://totp/Broadside%3Acora%40lantern.example?<wbr>secret=${secret}&amp;<wbr>issuer=Broadside&amp;<wbr>`);
    expect(setup.body).toMatch(/<svg width="200" height="200" role="img" aria-label="QR code of the key, for your authenticator app" xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+">/);
    expect(setup.body).not.toMatch(/<img|https?:\/\/(?!www\.w3\.org\/2000\/svg")/);

    const wrong = await browser.post('/admin/account/two-factor', { secret, code: totpCode(secret, new Date(t.clock.now().getTime() - 600_000)) });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('That code is not right. Enter the six digits your app shows now.');
    expect(wrong.body).toContain(`value="${secret}"`);
    expect(await totpSecret()).toBeNull();

    const right = await browser.post('/admin/account/two-factor', { secret, code: totpCode(secret, t.clock.now()) });
    expect(right.statusCode).toBe(303);
    expect(await totpSecret()).toBe(secret);
    const page = await browser.get('/admin/account');
    expect(page.body).toContain('Two-factor sign-in is on.');
    expect(page.body).toContain('<button type="submit" class="danger">Turn off two-factor sign-in</button>');
    await expectValidHtml(page.body, 'account page with two-factor on');
    expect(await audit()).toEqual([{ action: 'user.totp_enable', subject: `user:${userId}` }]);

    const phone = new TestBrowser(t.app);
    await phone.get('/admin/');
    const asked = await phone.post('/admin/sign-in', { email: 'cora@lantern.example', password: PASSWORD });
    expect(asked.body).toContain('Enter the code from your authenticator app to finish signing in.');
    expect((await phone.post('/admin/sign-in', { email: 'cora@lantern.example', password: PASSWORD, code: totpCode(secret, t.clock.now()) })).statusCode).toBe(303);
  });

  it('refuses a forged or malformed key, and a second setup once two-factor sign-in is on', async () => {
    const bad = await browser.post('/admin/account/two-factor', { secret: 'not-base32', code: '123456' });
    expect(bad.statusCode).toBe(400);
    const setup = await browser.get('/admin/account/two-factor');
    const secret = setup.body.match(/name="secret" value="([A-Z2-7]{32})"/)![1]!;
    await browser.post('/admin/account/two-factor', { secret, code: totpCode(secret, t.clock.now()) });
    expect((await browser.get('/admin/account/two-factor')).headers.location).toBe('/admin/account');
  });

  it('turns two-factor sign-in off only with the right password', async () => {
    await t.ctx.database.db.updateTable('users').set({ totp_secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }).where('id', '=', userId).execute();
    const wrong = await browser.post('/admin/account/two-factor/disable', { off_password: 'not my password' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('<p class="field-error" id="off_password-error">That is not your current password.</p>');
    await expectValidHtml(wrong.body, 'account page with a wrong password to turn two-factor off');
    expect(await totpSecret()).not.toBeNull();
    const right = await browser.post('/admin/account/two-factor/disable', { off_password: PASSWORD });
    expect(right.statusCode).toBe(303);
    expect(await totpSecret()).toBeNull();
    expect((await browser.get('/admin/account')).body).toContain('Two-factor sign-in is off.');
    expect(await audit()).toEqual([{ action: 'user.totp_disable', subject: `user:${userId}` }]);
  });

  it('signs out everywhere from the account page', async () => {
    const laptop = new TestBrowser(t.app);
    await laptop.signIn('cora@lantern.example');
    await browser.get('/admin/account');
    const res = await browser.post('/admin/sign-out-everywhere', {});
    expect(res.statusCode).toBe(303);
    expect((await laptop.get('/admin/')).body).toContain('<h1>Sign in</h1>');
    expect((await browser.get('/admin/')).body).toContain('<h1>Sign in</h1>');
  });

  it('refuses a password change sent without the form’s token', async () => {
    const res = await browser.post('/admin/account/password', { current: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD, _csrf: 'forged' });
    expect(res.statusCode).toBe(403);
    expect(await audit()).toEqual([]);
  });
});
