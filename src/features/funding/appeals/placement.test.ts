import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenAppeal } from '../../../../test/appeals.js';
import { createDrive, recordManualDonation, refundManualDonation } from '../index.js';
import { givenCategory, givenPost, givenSettings } from '../../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../../test/helpers.js';
import { expectValidHtml } from '../../../../test/html.js';

describe.each(DIALECTS)('where readers meet donation appeals on %s', (dialect) => {
  let t: TestApp;
  const page = async (url: string) => {
    const res = await t.app.inject(url);
    expect(res.statusCode, url).toBe(200);
    return res.body;
  };
  const appealsIn = (body: string) => [...body.matchAll(/<(?:aside|section) class="appeal appeal-(\w+)" aria-labelledby="[^"]+"[^>]*>\n<h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => `${m[1]}: ${m[2]}`);

  beforeEach(async () => {
    t = await buildTestApp(dialect, { now: '2026-06-15T12:00:00Z' });
    await givenSettings(t.ctx, { timeZone: 'Europe/Berlin' });
  });
  afterEach(async () => t.close());

  it('shows an appeal after the body only of articles in its categories and languages', async () => {
    const climate = await givenCategory(t.ctx, 'climate');
    const courts = await givenCategory(t.ctx, 'courts');
    await givenPost(t.ctx, { slug: 'floods', categoryIds: [climate], publishedAt: '2026-03-01T10:00:00Z' });
    await givenPost(t.ctx, { slug: 'verdict', categoryIds: [courts], publishedAt: '2026-03-02T10:00:00Z' });
    await givenPost(t.ctx, { slug: 'zasukha', language: 'ru', categoryIds: [climate], publishedAt: '2026-03-03T10:00:00Z' });
    await givenAppeal(t.ctx, { title: 'Fund our climate desk', categoryIds: [climate], languages: ['en'] });
    await givenAppeal(t.ctx, { title: 'Support independent journalism' });

    const floods = await page('/2026/03/floods/');
    expect(appealsIn(floods)).toEqual(['article: Fund our climate desk', 'article: Support independent journalism']);
    // After the article itself, before the comments and the links to other articles.
    expect(floods.indexOf('</article>')).toBeLessThan(floods.indexOf('class="appeal '));
    expect(floods.indexOf('class="appeal ')).toBeLessThan(floods.indexOf('class="adjacent"'));
    await expectValidHtml(floods, 'article with appeals');
    expect(appealsIn(await page('/2026/03/verdict/'))).toEqual(['article: Support independent journalism']);
    expect(appealsIn(await page('/2026/03/zasukha/'))).toEqual(['article: Support independent journalism']);
    // Placed after articles only: not on the home page, not in the sidebar.
    expect(appealsIn(await page('/'))).toEqual([]);
  });

  it('marks an appeal written in another language than the page with lang, and words its bank details in that language', async () => {
    await givenPost(t.ctx, { slug: 'zasukha', language: 'ru', publishedAt: '2026-03-03T10:00:00Z' });
    await givenAppeal(t.ctx, { title: 'Поддержите нас', language: 'ru', bank: { holder: 'Фонд «Фонарь»', iban: 'DE89370400440532013000', bic: '', reference: 'Пожертвование' } });
    await givenAppeal(t.ctx, { title: 'Support us', language: 'en' });
    const body = await page('/2026/03/zasukha/');
    expect(body).toMatch(/<aside class="appeal appeal-article" aria-labelledby="appeal-\d+-article">\n<h2 id="appeal-\d+-article">Поддержите нас/);
    expect(body).toMatch(/<aside class="appeal appeal-article" aria-labelledby="appeal-\d+-article" lang="en">\n<h2 id="appeal-\d+-article">Support us/);
    expect(body).toContain('<h3>Банковский перевод</h3>');
    expect(body).toContain('<dd class="iban">DE89 3704 0044 0532 0130 00</dd>');
  });

  it('shows sidebar appeals on every public page, and home appeals on the first page of the home page only', async () => {
    for (let i = 1; i <= 12; i++) await givenPost(t.ctx, { slug: `story-${i}`, publishedAt: `2026-02-${String(i + 10)}T10:00:00Z` });
    await givenAppeal(t.ctx, { title: 'Everywhere beside', placements: ['sidebar'] });
    await givenAppeal(t.ctx, { title: 'Front page', placements: ['home'] });
    for (const url of ['/', '/2026/02/story-3/', '/2026/02/', '/2026/', '/page/2/']) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      const expected = url === '/' ? ['sidebar: Everywhere beside', 'home: Front page'] : ['sidebar: Everywhere beside'];
      expect(appealsIn(res.body).sort(), url).toEqual(expected.sort());
      expect(res.body.indexOf('<aside class="sidebar"'), url).toBeLessThan(res.body.indexOf('class="appeal appeal-sidebar"'));
    }
    const missing = await t.app.inject('/no-such-page/');
    expect(missing.statusCode).toBe(404);
    expect(appealsIn(missing.body)).toEqual(['sidebar: Everywhere beside']);
    await expectValidHtml(await page('/'), 'home page with appeals');
  });

  it('hides an appeal before its start and after its end (site time zone), and when it is switched off', async () => {
    await givenPost(t.ctx, { slug: 'floods', publishedAt: '2026-03-01T10:00:00Z' });
    // 1 July 00:00 in Berlin is 30 June 22:00 UTC.
    await givenAppeal(t.ctx, { title: 'Summer drive', startsAt: '2026-07-01T00:00', endsAt: '2026-07-31T23:59' });
    await givenAppeal(t.ctx, { title: 'Switched off', enabled: false });
    const shown = async () => appealsIn(await page('/2026/03/floods/'));
    expect(await shown()).toEqual([]);
    t.clock.set('2026-06-30T21:59:00Z');
    expect(await shown()).toEqual([]);
    t.clock.set('2026-06-30T22:00:00Z');
    expect(await shown()).toEqual(['article: Summer drive']);
    t.clock.set('2026-07-31T21:58:59Z');
    expect(await shown()).toEqual(['article: Summer drive']);
    t.clock.set('2026-07-31T21:59:00Z');
    expect(await shown()).toEqual([]);
  });

  it('sanitises hostile Markdown once, when the appeal is saved', async () => {
    await givenPost(t.ctx, { slug: 'floods', publishedAt: '2026-03-01T10:00:00Z' });
    const hostile = [
      'Give <script>alert(1)</script> now.', '<img src=x onerror=alert(2)>', '[click](javascript:alert(3))', '<a href="javascript:alert(4)">x</a>',
      '<iframe src="https://evil.example/"></iframe>', '<p style="position:fixed">over</p>', '<form action="https://evil.example/"><input name=card></form>',
      '<svg onload=alert(5)></svg>', '<a href="https://evil.example/" target="_blank" onclick="alert(6)">read</a>',
    ].join('\n\n');
    const id = await givenAppeal(t.ctx, { body: hostile });
    const stored = await t.ctx.database.db.selectFrom('appeals').select(['body', 'body_html']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.body).toBe(hostile);
    const body = await page('/2026/03/floods/');
    const block = body.slice(body.indexOf('<aside class="appeal'), body.indexOf('</aside>', body.indexOf('<aside class="appeal')));
    for (const bad of ['<script', 'alert(1)', 'onerror', '="javascript:', '<iframe', 'style=', '<form', '<input', '<svg', 'onclick', 'target=']) {
      expect(block, bad).not.toContain(bad);
    }
    expect(block).toContain('<p>Give  now.</p>');
    expect(block).toContain('<a href="https://evil.example/" rel="noopener">read</a>');
    await expectValidHtml(body, 'article with a hostile appeal');
  });

  it('links buttons plainly and loads nothing from another host', async () => {
    await givenPost(t.ctx, { slug: 'floods', publishedAt: '2026-03-01T10:00:00Z' });
    await givenAppeal(t.ctx, {
      placements: ['article', 'sidebar', 'home'],
      body: 'Read [our annual report](https://reports.example/2025) or see ![a chart](https://images.example/chart.png).',
      buttons: [
        { kind: 'donate', label: '', url: '' },
        { kind: 'paypal', label: '', url: 'https://www.paypal.com/donate/?hosted_button_id=LANTERN' },
        { kind: 'patreon', label: '', url: 'https://www.patreon.com/lantern' },
      ],
    });
    for (const url of ['/2026/03/floods/', '/']) {
      const res = await t.app.inject(url);
      expect(res.body).toContain('<li><a class="appeal-button appeal-donate" href="/donate/">Donate</a></li>');
      expect(res.body).toContain('<li><a class="appeal-button appeal-paypal" href="https://www.paypal.com/donate/?hosted_button_id=LANTERN" rel="noopener">Donate with PayPal</a></li>');
      expect(res.body).toContain('rel="noopener">Become a patron</a>');
      // Only links may point elsewhere; nothing a browser fetches by itself (images, scripts, styles, frames, forms).
      const fetched = [...res.body.matchAll(/<(?!a\b)(\w+)\b[^>]*?\s(?:src|srcset|href|action|data|poster)="([^"]*)"/g)]
        .map((m) => ({ tag: m[1]!, target: new URL(m[2]!, 'http://127.0.0.1:3000/') }));
      expect(fetched.filter((f) => f.target.host !== '127.0.0.1:3000').map((f) => `${f.tag} ${f.target.href}`), url).toEqual([]);
      expect(res.body).toContain('<a href="https://reports.example/2025" rel="noopener">our annual report</a>');
      const outgoing = [...res.body.matchAll(/<a\b[^>]*href="(https?:)?\/\/[^"]*"[^>]*>/g)].map((m) => m[0]);
      for (const link of outgoing) expect(link).toMatch(/rel="[^"]*noopener/);
      expect(res.headers['content-security-policy']).toMatch(/default-src 'none'|default-src 'self'/);
    }
  });

  it("shows the linked drive's progress: amount raised, percentage and supporters, counting only confirmed gifts", async () => {
    await givenPost(t.ctx, { slug: 'floods', publishedAt: '2026-03-01T10:00:00Z' });
    const drive = await createDrive({ db: t.ctx.database.db, clock: t.clock }, {
      title: 'Winter fund', targetMinor: 1_000_000, currency: 'EUR', startsAt: '2026-06-01T00:00:00Z', endsAt: null,
    });
    await givenAppeal(t.ctx, { driveId: drive.id, placements: ['article', 'sidebar'] });
    const gift = (amountMinor: number, currency = 'EUR') =>
      recordManualDonation(t.ctx.database.db, { amountMinor, currency, receivedAt: '2026-06-10T10:00:00Z', driveId: drive.id });
    await gift(250_000);
    await gift(170_050);
    await gift(9_999, 'USD');
    const refunded = await gift(500_000);
    await refundManualDonation(t.ctx.database.db, refunded, t.clock.now());
    const body = await page('/2026/03/floods/');
    // The drive page's own progress bar, named after the drive, after the article and in the sidebar.
    const bar = `<div class="drive-progress" data-drive="${drive.id}">
<progress max="1000000" value="420050" aria-label="Progress of Winter fund">42%</progress>
<p class="drive-progress-text"><strong>€4,200.50 raised of €10,000</strong> · <span class="drive-percent">42%</span> · <span class="drive-supporters">2 supporters</span></p>
</div>`;
    expect(body.split(bar)).toHaveLength(3);
    expect(body).toMatch(new RegExp(`<aside class="appeal appeal-article"[^]*?${bar.slice(0, 40)}[^]*?</aside>`));
    await expectValidHtml(body, 'article with a drive in its appeal');
  });
});
