import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBrowser } from '../../../../test/admin.js';
import { givenSettings } from '../../../../test/fixtures.js';
import { DIALECTS, type TestApp } from '../../../../test/helpers.js';
import { expectValidHtml } from '../../../../test/html.js';
import { signedIn } from '../../../../test/site-admin.js';
import { recordAudit } from '../../audit/index.js';
import { AUDIT_PAGE_SIZE } from './audit-routes.js';

describe.each(DIALECTS)('reading the audit log on %s', (dialect) => {
  let t: TestApp;
  let browser: TestBrowser;
  const rowsOf = (body: string) => body.match(/<tr><td><time/g)?.length ?? 0;

  beforeEach(async () => {
    ({ t, browser } = await signedIn(dialect, 'admin'));
  });
  afterEach(async () => t.close());

  it('shows who did what to what, newest first, with the time in the site time zone', async () => {
    await givenSettings(t.ctx, { timeZone: 'Europe/Brussels' });
    t.clock.advance(60_000);
    await browser.get('/admin/pages/new');
    await browser.post('/admin/pages/new', { title: 'About', slug: 'about', body: '', language: 'en', status: 'published' });
    const res = await browser.get('/admin/audit');
    expect(res.statusCode).toBe(200);
    const pageRow = res.body.indexOf('<code>page.create</code>');
    const signInRow = res.body.indexOf('<code>user.sign_in</code>');
    expect(pageRow).toBeGreaterThan(0);
    expect(signInRow).toBeGreaterThan(pageRow);
    expect(res.body).toMatch(/<tr><td><time datetime="2026-06-15T12:01:00.000Z">15 Jun 2026, 14:01<\/time><\/td><td>admin@lantern.example<\/td><td><code>page.create<\/code><\/td><td><a href="\/admin\/pages\/\d+">page:\d+<\/a><\/td><td><dl class="details"><dt>slug<\/dt><dd>about<\/dd>/);
    await expectValidHtml(res.body, 'audit log');
  });

  it('pages through a long log, fifty entries at a time', async () => {
    for (let i = 0; i < AUDIT_PAGE_SIZE + 10; i++) {
      await recordAudit(t.ctx.database.db, { action: 'post.publish', subject: `post:${i + 1}`, actor: 'ed@lantern.example' }, t.clock.now());
    }
    const first = await browser.get('/admin/audit');
    expect(rowsOf(first.body)).toBe(AUDIT_PAGE_SIZE);
    expect(first.body).toContain('<a href="/admin/audit?page=2" rel="next">Older</a>');
    expect(first.body).toContain('post:60');
    const second = await browser.get('/admin/audit?page=2');
    expect(rowsOf(second.body)).toBe(11);
    expect(second.body).toContain('<a href="/admin/audit" rel="prev">Newer</a>');
    expect(second.body).not.toContain('rel="next"');
    expect(second.body).toContain('post:1<');
    await expectValidHtml(second.body, 'second page of the audit log');
    expect((await browser.get('/admin/audit?page=0')).statusCode).toBe(404);
    expect((await browser.get('/admin/audit?page=abc')).statusCode).toBe(404);
  });

  it('filters by the start of the action, and says so when the filter is not one', async () => {
    await recordAudit(t.ctx.database.db, { action: 'tag.merge', subject: 'tag:1', actor: 'ed@lantern.example', details: { into: 'trams', merged: ['tram', 'tramway'] } }, t.clock.now());
    await recordAudit(t.ctx.database.db, { action: 'user.role_change', subject: 'user:1', actor: 'admin@lantern.example', details: { from: 'editor', to: 'author' } }, t.clock.now());
    const tags = await browser.get('/admin/audit?action=tag.');
    expect(rowsOf(tags.body)).toBe(1);
    expect(tags.body).toContain('<dt>merged</dt><dd>tram, tramway</dd>');
    expect(tags.body).toContain('value="tag."');
    const users = await browser.get('/admin/audit?action=user.');
    expect(rowsOf(users.body)).toBe(2);
    expect((await browser.get('/admin/audit?action=settings.')).body).toContain('Nothing recorded for actions starting with “settings.”.');
    const bad = await browser.get(`/admin/audit?action=${encodeURIComponent("'; drop")}`);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('<p class="field-error" id="action-error">');
    expect(bad.body).toContain('value="&#39;; drop"');
    expect(rowsOf(bad.body)).toBe(3);
    await expectValidHtml(bad.body, 'audit log with a bad filter');
  });
});
