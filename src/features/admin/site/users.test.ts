import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenUser, PASSWORD, TestBrowser } from '../../../../test/admin.js';
import { givenAuthor } from '../../../../test/fixtures.js';
import { DIALECTS, type TestApp } from '../../../../test/helpers.js';
import { expectValidHtml } from '../../../../test/html.js';
import { auditTrail, signedIn } from '../../../../test/site-admin.js';

const LAST_ADMIN = 'The site needs at least one admin: make someone else an admin first';

describe.each(DIALECTS)('managing users in the admin on %s', (dialect) => {
  let t: TestApp;
  let browser: TestBrowser;
  let adminId: number;
  const audit = async () => (await auditTrail(t)).filter((e) => e.action !== 'user.sign_in').map((e) => [e.action, e.subject, e.details]);

  beforeEach(async () => {
    ({ t, browser, userId: adminId } = await signedIn(dialect, 'admin'));
  });
  afterEach(async () => t.close());

  it('lists users with their emails and creates one who can then sign in with the initial password', async () => {
    await givenUser(t.ctx, 'editor', 'ed@lantern.example', 'Ed Itor');
    const anna = await givenAuthor(t.ctx, 'Anna Keller');
    const list = await browser.get('/admin/users');
    expect(list.body).toContain('<td>ed@lantern.example</td>');
    await expectValidHtml(list.body, 'user list');
    const form = await browser.get('/admin/users/new');
    for (const label of ['Email', 'Name', 'Role', 'Initial password', 'Author profile']) expect(form.body).toContain(`>${label}`);
    await expectValidHtml(form.body, 'new user form');

    const bad = await browser.post('/admin/users/new', { email: 'anna@', name: 'Anna Keller', role: 'author', password: 'short', authorId: String(anna) });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('<p class="field-error" id="email-error">Enter an email address like name@example.org</p>');
    expect(bad.body).toContain('<p class="field-error" id="password-error">Use at least 12 characters for the password</p>');
    expect(bad.body).toContain('value="anna@"');
    expect(bad.body).not.toContain('value="short"');
    await expectValidHtml(bad.body, 'new user form with errors');

    const created = await browser.post('/admin/users/new', { email: 'Anna@Lantern.example', name: 'Anna Keller', role: 'author', password: PASSWORD, authorId: String(anna) });
    expect(created.statusCode).toBe(303);
    const after = await browser.get('/admin/users');
    expect(after.body).toContain('User Anna Keller created.');
    expect(after.body).toMatch(/<td>anna@lantern.example<\/td><td>author<\/td><td>Anna Keller<\/td>/);
    expect(await audit()).toEqual([['user.create', expect.stringMatching(/^user:\d+$/), { role: 'author', author: 'anna-keller' }]]);
    await new TestBrowser(t.app).signIn('anna@lantern.example');
  });

  it('changes a role, recording from and to, and the user gets the new role on their next request', async () => {
    const edId = await givenUser(t.ctx, 'editor', 'ed@lantern.example', 'Ed Itor');
    const ed = new TestBrowser(t.app);
    await ed.signIn('ed@lantern.example');
    expect((await ed.get('/admin/pages')).statusCode).toBe(200);
    const page = await browser.get(`/admin/users/${edId}`);
    expect(page.body).toContain('<option value="editor" selected>');
    await expectValidHtml(page.body, 'user page');
    const res = await browser.post(`/admin/users/${edId}/role`, { role: 'contributor' });
    expect(res.headers.location).toBe(`/admin/users/${edId}`);
    expect((await browser.get(`/admin/users/${edId}`)).body).toContain('Ed Itor is now a contributor.');
    expect((await ed.get('/admin/pages')).statusCode).toBe(403);
    expect(await audit()).toEqual([['user.role_change', `user:${edId}`, { from: 'editor', to: 'contributor' }]]);
  });

  it('disables a user, ending their sessions at once, and enables them again', async () => {
    const edId = await givenUser(t.ctx, 'editor', 'ed@lantern.example', 'Ed Itor');
    const ed = new TestBrowser(t.app);
    await ed.signIn('ed@lantern.example');
    await browser.get(`/admin/users/${edId}`);
    await browser.post(`/admin/users/${edId}/disable`, {});
    const page = await browser.get(`/admin/users/${edId}`);
    expect(page.body).toContain('Ed Itor is disabled and signed out everywhere.');
    expect(page.body).toContain('<button type="submit">Enable account</button>');
    await expectValidHtml(page.body, 'disabled user page');
    expect((await ed.get('/admin/')).body).toContain('<h1>Sign in</h1>');
    expect((await ed.post('/admin/sign-in', { email: 'ed@lantern.example', password: PASSWORD })).statusCode).toBe(401);
    await browser.post(`/admin/users/${edId}/enable`, {});
    await ed.signIn('ed@lantern.example');
    expect(await audit()).toEqual([
      ['user.disable', `user:${edId}`, { sessionsEnded: 1 }],
      ['user.enable', `user:${edId}`, {}],
    ]);
  });

  it('never leaves the site without an enabled admin', async () => {
    await browser.get(`/admin/users/${adminId}`);
    const demote = await browser.post(`/admin/users/${adminId}/role`, { role: 'editor' });
    expect(demote.statusCode).toBe(422);
    expect(demote.body).toContain(`<p class="field-error" id="role-error">${LAST_ADMIN}</p>`);
    await expectValidHtml(demote.body, 'user page refusing to demote the last admin');
    const disable = await browser.post(`/admin/users/${adminId}/disable`, {});
    expect(disable.statusCode).toBe(422);
    expect(disable.body).toContain(LAST_ADMIN);
    const sleeping = await givenUser(t.ctx, 'admin', 'second@lantern.example', 'Second Admin');
    await browser.post(`/admin/users/${sleeping}/disable`, {});
    expect((await browser.post(`/admin/users/${adminId}/role`, { role: 'editor' })).statusCode).toBe(422);
    expect((await browser.get('/admin/users')).body).toContain('<td>admin</td>');

    await browser.post(`/admin/users/${sleeping}/enable`, {});
    const handOver = await browser.post(`/admin/users/${adminId}/role`, { role: 'editor' });
    expect(handOver.headers.location).toBe('/admin/');
    expect((await browser.get('/admin/users')).statusCode).toBe(403);
    expect((await audit()).map(([action]) => action)).toEqual(['user.disable', 'user.enable', 'user.role_change']);
  });

  it('links a user to an author profile and unlinks them', async () => {
    const edId = await givenUser(t.ctx, 'editor', 'ed@lantern.example', 'Ed Itor');
    const anna = await givenAuthor(t.ctx, 'Anna Keller');
    await browser.get(`/admin/users/${edId}`);
    await browser.post(`/admin/users/${edId}/author`, { authorId: String(anna) });
    expect((await browser.get(`/admin/users/${edId}`)).body).toContain(`<option value="${anna}" selected>Anna Keller</option>`);
    const unknown = await browser.post(`/admin/users/${edId}/author`, { authorId: '9999' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('Choose an author profile from the list');
    await browser.post(`/admin/users/${edId}/author`, { authorId: '' });
    expect(await audit()).toEqual([
      ['user.author_link', `user:${edId}`, { author: 'anna-keller' }],
      ['user.author_link', `user:${edId}`, { author: null }],
    ]);
  });
});
