import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenAppeal } from '../../../test/appeals.js';
import { givenAuthor, givenCategory, givenPost, givenSettings } from '../../../test/fixtures.js';
import { expectValidHtml } from '../../../test/html.js';
import { buildTestApp, type TestApp } from '../../../test/helpers.js';

const WORDS = 'the court heard evidence from drivers who had worked on the night shift for years before the strike began'.split(' ');

/** A realistic 2,000-word article: paragraphs, subheadings, a quote and a list. */
function longArticle(): string {
  const paragraphs: string[] = [];
  let words = 0;
  for (let i = 0; words < 2000; i++) {
    const sentence = Array.from({ length: 80 }, (_, j) => WORDS[(i * 7 + j) % WORDS.length]).join(' ');
    paragraphs.push(i % 6 === 5 ? `## Part ${i}\n\n${sentence}.` : i % 9 === 4 ? `> "${sentence}."` : `${sentence}.`);
    words += 80;
  }
  return paragraphs.join('\n\n');
}

describe('the weight of an article page', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp('sqlite');
  });
  afterEach(async () => t.close());

  /** The 2,000-word article of February 2026 with its neighbours and a donation appeal; returns its page and stylesheet bytes. */
  async function weighArticle(author: number): Promise<{ body: string; total: number }> {
    await givenSettings(t.ctx, { title: 'The Lantern', tagline: 'Independent journalism from Velmora', baseUrl: 'https://lantern.example' });
    const category = await givenCategory(t.ctx, 'courts');
    await givenPost(t.ctx, {
      title: 'A year in court: what the trials of 2025 tell us about the city',
      slug: 'a-year-in-court',
      standfirst: 'Twelve months, forty hearings, three verdicts: a long read on justice in Velmora.',
      body: longArticle(),
      postscript: 'This article was updated on 3 March with the date of the appeal.',
      publishedAt: '2026-02-01T10:00:00Z',
      authorIds: [author],
      categoryIds: [category],
      tagNames: ['hearings', 'Mira Osipova', 'press freedom'],
    });
    // A donation appeal after the article, as most reader-funded sites show one.
    await givenAppeal(t.ctx, {
      buttons: [
        { kind: 'donate', label: '', url: '' },
        { kind: 'paypal', label: '', url: 'https://www.paypal.com/donate/?hosted_button_id=LANTERN' },
        { kind: 'patreon', label: '', url: 'https://www.patreon.com/lantern' },
      ],
      bank: { holder: 'The Lantern Media Association', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', reference: 'Donation' },
    });
    const page = await t.app.inject('/2026/02/a-year-in-court/');
    expect(page.statusCode).toBe(200);
    const text = page.body.replace(/<[^>]+>/g, ' ');
    expect(text.split(/\s+/).filter(Boolean).length).toBeGreaterThanOrEqual(2000);
    const cssHref = page.body.match(/<link rel="stylesheet" href="([^"]+)">/)![1]!;
    const css = await t.app.inject(cssHref);
    expect(page.body).toContain('class="appeal appeal-article"');
    return { body: page.body, total: Buffer.byteLength(page.body) + Buffer.byteLength(css.body) };
  }

  it('stays under 40 KB of HTML and CSS together for a 2,000-word article', async () => {
    const author = await givenAuthor(t.ctx, 'Anna Keller');
    await givenPost(t.ctx, { publishedAt: '2026-01-01T10:00:00Z', authorIds: [author] });
    await givenPost(t.ctx, { publishedAt: '2026-03-01T10:00:00Z', authorIds: [author] });
    const { total } = await weighArticle(author);
    expect(total).toBeLessThan(40 * 1024);
  });

  it('stays under 40 KB on a site with twenty years of articles, every month in the monthly archive', async () => {
    const author = await givenAuthor(t.ctx, 'Anna Keller');
    const db = t.ctx.database.db;
    for (let year = 2006; year <= 2026; year++) {
      for (let month = 1; month <= (year === 2026 ? 3 : 12); month++) {
        if (year === 2026 && month === 2) continue;
        await givenPost(t.ctx, { publishedAt: `${year}-${String(month).padStart(2, '0')}-10T10:00:00Z`, authorIds: [author] });
      }
    }
    expect(Number((await db.selectFrom('posts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(242);
    const { body, total } = await weighArticle(author);
    const list = body.slice(body.indexOf('<div class="widget months">'));
    expect(list).toContain('<details open><summary>2026</summary>');
    expect(list).toContain('<br>January 2006 (1)');
    await expectValidHtml(body, 'article on a twenty-year site');
    expect(total).toBeLessThan(40 * 1024);
  });
});
