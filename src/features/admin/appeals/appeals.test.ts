import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBrowser } from '../../../../test/admin.js';
import { givenCategory, givenPost, givenSettings } from '../../../../test/fixtures.js';
import { DIALECTS, type TestApp } from '../../../../test/helpers.js';
import { expectValidHtml } from '../../../../test/html.js';
import { auditTrail, signedIn } from '../../../../test/site-admin.js';

/** A complete, valid appeal form; tests change what they test. */
function appealForm(change: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    title: 'Support independent journalism', language: 'en', body: 'We are funded by *readers*.',
    button1Kind: 'donate', button1Label: '', button1Url: '',
    button2Kind: 'paypal', button2Label: '', button2Url: 'https://www.paypal.com/donate/?hosted_button_id=LANTERN',
    button3Kind: '', button3Label: '', button3Url: '', button4Kind: '', button4Label: '', button4Url: '',
    bankHolder: '', bankIban: '', bankBic: '', bankReference: '',
    'placements[]': ['article'], startsAt: '', endsAt: '', position: '0', enabled: 'on',
    ...change,
  };
}

describe.each(DIALECTS)('managing donation appeals in the admin on %s', (dialect) => {
  let t: TestApp;
  let browser: TestBrowser;
  const appealsRows = () => t.ctx.database.db.selectFrom('appeals').selectAll().orderBy('id').execute();

  beforeEach(async () => {
    ({ t, browser } = await signedIn(dialect, 'admin'));
    await givenSettings(t.ctx, { timeZone: 'Europe/Berlin' });
  });
  afterEach(async () => t.close());

  it('creates an appeal that readers then see under an article, and records it in the audit log', async () => {
    const climate = await givenCategory(t.ctx, 'climate');
    await givenPost(t.ctx, { slug: 'floods', categoryIds: [climate], publishedAt: '2026-03-01T10:00:00Z' });
    const form = await browser.get('/admin/appeals/new');
    expect(form.statusCode).toBe(200);
    for (const label of ['Title', 'Text (Markdown)', 'Button 1: leads to', 'IBAN', 'Where it shows', 'Starts', 'Ends']) expect(form.body).toContain(`>${label}`);
    await expectValidHtml(form.body, 'new appeal form');
    const created = await browser.post('/admin/appeals/new', appealForm({
      bankHolder: 'Lantern Media e.V.', bankIban: 'de89 3704 0044 0532 0130 00', bankBic: 'COBADEFFXXX', bankReference: 'Donation',
      'categoryIds[]': [String(climate)], startsAt: '2026-06-01T00:00', endsAt: '',
    }));
    expect(created.statusCode).toBe(303);
    const list = await browser.get('/admin/appeals');
    expect(list.body).toContain('Appeal “Support independent journalism” created.');
    expect(list.body).toContain('After articles · 1 category');
    await expectValidHtml(list.body, 'appeal list');
    const [row] = await appealsRows();
    expect(row).toMatchObject({ bank_iban: 'DE89370400440532013000', starts_at: '2026-05-31T22:00:00.000Z', body_html: '<p>We are funded by <em>readers</em>.</p>\n' });
    const article = await t.app.inject('/2026/03/floods/');
    expect(article.body).toContain('<h2 id="appeal-');
    expect(article.body).toContain('<dd class="iban">DE89 3704 0044 0532 0130 00</dd>');
    expect((await auditTrail(t)).map((e) => [e.action, e.details])).toEqual([['appeal.create', { title: 'Support independent journalism' }]]);
  });

  it('shows each mistake next to its field and keeps everything typed', async () => {
    await browser.get('/admin/appeals/new');
    const sent = appealForm({
      title: '  ', button2Url: 'javascript:alert(1)', button3Kind: 'patreon', button3Label: 'Be a patron', button3Url: 'https://evil.example/patreon',
      button4Kind: '', button4Label: 'Orphan label', bankHolder: 'Lantern', bankIban: 'DE89 3704 0044 0532 0130 01', bankBic: 'NOPE',
      'placements[]': [], startsAt: '2026-08-01T00:00', endsAt: '2026-07-01T00:00', position: 'first',
    });
    const res = await browser.post('/admin/appeals/new', sent);
    expect(res.statusCode).toBe(422);
    const errors = Object.fromEntries([...res.body.matchAll(/<p class="field-error" id="([\w]+)-error">([^<]+)<\/p>/g)].map((m) => [m[1], m[2]]));
    expect(errors).toEqual({
      title: 'Give the appeal a title',
      button2Url: 'Only https:// addresses are allowed',
      button3Url: 'A Patreon address is on patreon.com',
      button4Kind: 'Choose where this button leads',
      bankIban: 'This is not a valid IBAN: check it against your bank statement',
      bankBic: 'A BIC has 8 or 11 letters and digits, like GENODEF1ABC',
      placements: 'Choose at least one place to show the appeal',
      endsAt: 'The end must come after the start',
      position: 'Enter a whole number between -9999 and 9999',
    });
    for (const kept of ['value="javascript:alert(1)"', 'value="Be a patron"', 'value="https://evil.example/patreon"', 'value="Orphan label"',
      'value="DE89 3704 0044 0532 0130 01"', 'value="NOPE"', 'value="2026-08-01T00:00"', 'value="first"', '<option value="patreon" selected>']) {
      expect(res.body, kept).toContain(kept);
    }
    expect(res.body).toMatch(/<input type="url" id="button2Url" name="button2Url" value="javascript:alert\(1\)" maxlength="2000" aria-describedby="button2Url-hint button2Url-error" aria-invalid="true">/);
    await expectValidHtml(res.body, 'appeal form with errors');
    expect(await appealsRows()).toEqual([]);
  });

  it('edits, hides, shows again and deletes an appeal, each step audited', async () => {
    await givenPost(t.ctx, { slug: 'floods', publishedAt: '2026-03-01T10:00:00Z' });
    await browser.get('/admin/appeals/new');
    await browser.post('/admin/appeals/new', appealForm({ startsAt: '2026-06-01T09:30' }));
    const { id } = (await appealsRows())[0]!;
    const edit = await browser.get(`/admin/appeals/${id}`);
    expect(edit.body).toContain('value="2026-06-01T09:30"');
    expect(edit.body).toContain('value="https://www.paypal.com/donate/?hosted_button_id=LANTERN"');
    await expectValidHtml(edit.body, 'edit appeal form');
    const saved = await browser.post(`/admin/appeals/${id}`, appealForm({ title: 'Keep the Lantern lit', 'placements[]': ['article', 'home'] }));
    expect(saved.statusCode).toBe(303);
    expect((await t.app.inject('/')).body).toContain('Keep the Lantern lit');

    await browser.get('/admin/appeals');
    expect((await browser.post(`/admin/appeals/${id}/disable`, {})).statusCode).toBe(303);
    expect((await t.app.inject('/2026/03/floods/')).body).not.toContain('Keep the Lantern lit');
    expect((await browser.get('/admin/appeals')).body).toContain('Appeal “Keep the Lantern lit” hidden.');
    await browser.post(`/admin/appeals/${id}/enable`, {});
    expect((await t.app.inject('/2026/03/floods/')).body).toContain('Keep the Lantern lit');

    const confirm = await browser.get(`/admin/appeals/${id}/delete`);
    await expectValidHtml(confirm.body, 'delete appeal');
    expect((await browser.post(`/admin/appeals/${id}/delete`, {})).statusCode).toBe(303);
    expect(await appealsRows()).toEqual([]);
    expect((await browser.get(`/admin/appeals/${id}`)).statusCode).toBe(404);
    expect((await auditTrail(t)).map((e) => [e.action, e.subject])).toEqual([
      ['appeal.create', `appeal:${id}`], ['appeal.update', `appeal:${id}`], ['appeal.disable', `appeal:${id}`],
      ['appeal.enable', `appeal:${id}`], ['appeal.delete', `appeal:${id}`],
    ]);
  });

  it('refuses a form without its CSRF token', async () => {
    await browser.get('/admin/appeals/new');
    const res = await browser.post('/admin/appeals/new', appealForm({ _csrf: 'forged' }));
    expect(res.statusCode).toBe(403);
    expect(await appealsRows()).toEqual([]);
  });
});

describe.each(DIALECTS)('who may manage appeals on %s', (dialect) => {
  it('lets only admins in: editors and the rest get 403 and change nothing', async () => {
    const { t, browser } = await signedIn(dialect, 'editor');
    try {
      expect((await browser.get('/admin/appeals')).statusCode).toBe(403);
      expect((await browser.post('/admin/appeals/new', appealForm())).statusCode).toBe(403);
      expect(await t.ctx.database.db.selectFrom('appeals').select('id').execute()).toEqual([]);
      expect((await browser.get('/admin/')).body).not.toContain('href="/admin/appeals"');
    } finally {
      await t.close();
    }
  });
});
