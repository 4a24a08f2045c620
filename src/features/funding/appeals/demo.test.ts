import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../../../test/helpers.js';
import { expectValidHtml } from '../../../../test/html.js';
import { seedDemo } from '../../demo/index.js';

describe.each(DIALECTS)('the demo newsroom’s appeals on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect, { now: '2026-11-26T12:00:00Z' });
    await seedDemo({ db: t.ctx.database.db, clock: t.clock }, { baseUrl: 'http://127.0.0.1:3000' });
  });
  afterEach(async () => t.close());

  it('asks for support under every article in its language, with a donate button, a PayPal link and a patron link', async () => {
    const posts = await t.ctx.database.db.selectFrom('posts').select(['slug', 'language', 'local_year', 'local_month']).orderBy('id').execute();
    const pathOf = (p: (typeof posts)[number]) => `/${p.local_year}/${String(p.local_month).padStart(2, '0')}/${p.slug}/`;
    const en = (await t.app.inject(pathOf(posts.find((p) => p.language === 'en')!))).body;
    expect(en).toMatch(/<aside class="appeal appeal-article" aria-labelledby="appeal-\d+-article">\n<h2 id="appeal-\d+-article">Support independent journalism<\/h2>/);
    expect(en).toContain('<a class="appeal-button appeal-donate" href="/donate/">Donate</a>');
    expect(en).toContain('<a class="appeal-button appeal-paypal" href="https://www.paypal.com/donate/?hosted_button_id=LANTERNDEMO" rel="noopener">Donate with PayPal</a>');
    expect(en).toContain('rel="noopener">Become a patron</a>');
    expect(en).not.toContain('Поддержите независимую журналистику');
    // Linked to the demo's running drive: its progress bar shows under the text.
    expect(en).toMatch(/<progress max="500000" value="\d+" aria-label="Progress of Keep the Lantern lit">/);
    await expectValidHtml(en, 'demo article');
    const ru = (await t.app.inject(pathOf(posts.find((p) => p.language === 'ru')!))).body;
    expect(ru).toContain('>Поддержите независимую журналистику</h2>');
    expect(ru).not.toContain('Support independent journalism');
  });

  it('adds no second copy of its appeals when the demo is loaded again', async () => {
    await seedDemo({ db: t.ctx.database.db, clock: t.clock }, { baseUrl: 'http://127.0.0.1:3000' });
    expect((await t.ctx.database.db.selectFrom('appeals').select('title').execute()).map((a) => a.title).sort()).toEqual([
      'Support independent journalism', 'Поддержите независимую журналистику',
    ]);
  });
});
