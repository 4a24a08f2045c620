import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBrowser } from '../../../../test/admin.js';
import { givenPage } from '../../../../test/fixtures.js';
import { DIALECTS, type TestApp } from '../../../../test/helpers.js';
import { expectValidHtml } from '../../../../test/html.js';
import { auditTrail, signedIn } from '../../../../test/site-admin.js';

describe.each(DIALECTS)('managing pages in the admin on %s', (dialect) => {
  let t: TestApp;
  let browser: TestBrowser;
  beforeEach(async () => {
    ({ t, browser } = await signedIn(dialect, 'editor'));
  });
  afterEach(async () => t.close());

  it('creates a published page from a form with labelled fields, and readers see it at its address', async () => {
    const empty = await browser.get('/admin/pages');
    expect(empty.body).toContain('No pages yet.');
    const form = await browser.get('/admin/pages/new');
    for (const label of ['Title', 'Slug', 'Body (Markdown)', 'Language', 'Status']) expect(form.body).toContain(`>${label}`);
    expect(form.body).toContain('value="en"');
    await expectValidHtml(form.body, 'new page form');

    const created = await browser.post('/admin/pages/new', { title: 'About The Lantern', slug: '', body: 'We are *independent*.', language: 'en', status: 'published' });
    expect(created.statusCode).toBe(303);
    const edit = await browser.get(created.headers.location as string);
    expect(edit.body).toContain('Page “About The Lantern” created.');
    expect(edit.body).toContain('value="about-the-lantern"');
    await expectValidHtml(edit.body, 'edit page form');

    const list = await browser.get('/admin/pages');
    expect(list.body).toContain('<a href="/about-the-lantern/">/about-the-lantern/</a>');
    await expectValidHtml(list.body, 'page list');
    const publicPage = await t.app.inject('/about-the-lantern/');
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain('<em>independent</em>');
    expect(await auditTrail(t)).toEqual([
      { action: 'page.create', subject: expect.stringMatching(/^page:\d+$/), actor: 'editor@lantern.example', details: { slug: 'about-the-lantern', status: 'published' } },
    ]);
  });

  it('keeps a draft page off the site', async () => {
    await browser.get('/admin/pages/new');
    await browser.post('/admin/pages/new', { title: 'Coming soon', slug: 'soon', body: 'Not yet.', language: 'en', status: 'draft' });
    expect((await t.app.inject('/soon/')).statusCode).toBe(404);
    expect((await browser.get('/admin/pages')).body).toContain('Draft');
  });

  it('shows each mistake next to its field and keeps what was typed', async () => {
    await givenPage(t.ctx, 'contact', 'Contact');
    await browser.get('/admin/pages/new');
    const res = await browser.post('/admin/pages/new', { title: '   ', slug: 'Contact Us!', body: 'Draft <b>text</b> kept', language: 'english', status: 'draft' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<p class="field-error" id="title-error">Enter a title</p>');
    expect(res.body).toContain('<p class="field-error" id="slug-error">Use lowercase letters, digits and hyphens only</p>');
    expect(res.body).toContain('<p class="field-error" id="language-error">Enter a language code such as en or ru</p>');
    expect(res.body).toContain('value="Contact Us!"');
    expect(res.body).toContain('Draft &lt;b&gt;text&lt;/b&gt; kept</textarea>');
    await expectValidHtml(res.body, 'page form with errors');

    const taken = await browser.post('/admin/pages/new', { title: 'Contact', slug: 'contact', body: '', language: 'en', status: 'draft' });
    expect(taken.body).toContain('Another page already uses this address');
    const reserved = await browser.post('/admin/pages/new', { title: 'Admin', slug: 'admin', body: '', language: 'en', status: 'draft' });
    expect(reserved.body).toContain('This address is reserved; choose another');
    const uploads = await browser.post('/admin/pages/new', { title: 'Uploads', slug: 'uploads', body: '', language: 'en', status: 'draft' });
    expect(uploads.statusCode).toBe(422);
    expect(uploads.body).toContain('This address is reserved; choose another');
    expect(await auditTrail(t)).toEqual([]);
  });

  it('renames a published page: the old address redirects (301) to the new one', async () => {
    const id = await givenPage(t.ctx, 'old', 'Our funding');
    await browser.get(`/admin/pages/${id}`);
    const saved = await browser.post(`/admin/pages/${id}`, { title: 'Our funding', slug: 'new', body: 'Readers pay.', language: 'en', status: 'published' });
    expect(saved.statusCode).toBe(303);
    const old = await t.app.inject('/old/');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/new/');
    expect((await t.app.inject('/new/')).body).toContain('Readers pay.');
    expect((await auditTrail(t)).map((e) => [e.action, e.details])).toEqual([['page.rename', { from: 'old', to: 'new' }]]);
  });

  it('asks before deleting a page, then deletes it and its address answers 404', async () => {
    const id = await givenPage(t.ctx, 'leaving', 'Leaving soon');
    const confirm = await browser.get(`/admin/pages/${id}/delete`);
    expect(confirm.body).toContain('Delete the page “Leaving soon”?');
    expect(confirm.body).toContain('<button type="submit" class="danger">Delete page</button>');
    await expectValidHtml(confirm.body, 'delete page confirmation');
    const deleted = await browser.post(`/admin/pages/${id}/delete`, {});
    expect(deleted.headers.location).toBe('/admin/pages');
    expect((await browser.get('/admin/pages')).body).toContain('Page “Leaving soon” deleted.');
    expect((await t.app.inject('/leaving/')).statusCode).toBe(404);
    expect((await auditTrail(t)).map((e) => [e.action, e.details])).toEqual([['page.delete', { slug: 'leaving', title: 'Leaving soon' }]]);
  });

  it('answers 404 for a page that does not exist', async () => {
    expect((await browser.get('/admin/pages/999')).statusCode).toBe(404);
    expect((await browser.get('/admin/pages/abc')).statusCode).toBe(404);
    expect((await browser.post('/admin/pages/999/delete', {})).statusCode).toBe(404);
  });
});
