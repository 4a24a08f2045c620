import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenAuthor, givenCategory, givenPage, givenPost } from '../../../test/fixtures.js';
import { givenDrive, givenFunding } from '../../../test/funding.js';
import { expectValidHtml } from '../../../test/html.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { messagesFor } from '../../i18n/index.js';
import { jsonForScript } from '../../views/metadata.js';
import { DEFAULT_SETTINGS } from '../site/index.js';
import { archivePageMetadata } from './index.js';

const BASE = 'http://127.0.0.1:3000';

/** Every JSON-LD block of a page, parsed. */
function jsonLdOf(page: string): Record<string, unknown>[] {
  return [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

/** The content of every `<meta property="…">` with this property, attribute-decoded. */
function metaProperty(page: string, property: string): string[] {
  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...page.matchAll(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)">`, 'g'))].map((m) => decode(m[1]!));
}

/** The page's canonical URL and meta description (attribute-decoded), or undefined. */
function headOf(page: string): { canonical?: string; description?: string } {
  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const canonical = page.match(/<link rel="canonical" href="([^"]*)">/)?.[1];
  const description = page.match(/<meta name="description" content="([^"]*)">/)?.[1];
  return { ...(canonical ? { canonical: decode(canonical) } : {}), ...(description !== undefined ? { description: decode(description) } : {}) };
}

/** The href of every feed autodiscovery link of a page. */
const feedHrefs = (page: string) => [...page.matchAll(/<link rel="alternate" type="application\/(?:rss|atom|feed)\+(?:xml|json)" title="[^"]*" href="([^"]+)">/g)].map((m) => m[1]);

describe('JSON for a script block', () => {
  it('cannot close the block or open a comment, and parses back to the same value', () => {
    const value = { title: 'A </script><!-- "quoted" & \u2028\u2029 Привет' };
    const encoded = jsonForScript(value);
    expect(encoded).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(encoded)).toEqual(value);
  });
});

describe('metadata of a date archive', () => {
  it('is a CollectionPage at the archive\'s address, in the language it is narrowed to, with the site feeds', () => {
    const frame = { settings: DEFAULT_SETTINGS, lang: 'en', t: messagesFor('en'), nav: [], stylesheet: '/site.css' };
    const meta = archivePageMetadata(frame, { name: 'January 2026', path: '/2026/01/?lang=ru', language: 'ru' });
    expect(meta.jsonLd).toMatchObject({ '@type': 'CollectionPage', name: 'January 2026', url: `${BASE}/2026/01/?lang=ru`, inLanguage: 'ru' });
    expect(meta.feeds?.map((f) => f.path)).toEqual(['/feed/', '/feed/atom/', '/feed/json/']);
  });
});

describe.each(DIALECTS)('search-engine and social metadata on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
  });
  afterEach(async () => t.close());

  it('describe an article with a hostile title as a NewsArticle in valid JSON-LD, with OpenGraph and Twitter-card tags', async () => {
    const title = 'He said "no" </script><!-- <b>bold</b> \u2028 & Привет';
    const anna = await givenAuthor(t.ctx, 'Anna Keller');
    const courts = await givenCategory(t.ctx, 'courts');
    await givenPost(t.ctx, {
      title, slug: 'hostile', standfirst: 'What "they" said.', authorIds: [anna], categoryIds: [courts],
      tagNames: ['Strikes', 'Press freedom'], publishedAt: '2026-03-01T09:00:00Z',
      featuredImage: { url: '/uploads/picket.jpg', alt: 'A picket line', caption: '' },
    });
    const page = (await t.app.inject('/2026/03/hostile/')).body;
    await expectValidHtml(page, 'article');
    expect(page.split('</script>').length - 1).toBe(1);
    const [article] = jsonLdOf(page);
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: title,
      description: 'What "they" said.',
      author: [{ '@type': 'Person', name: 'Anna Keller', url: `${BASE}/author/anna-keller/` }],
      datePublished: '2026-03-01T09:00:00.000Z',
      dateModified: expect.any(String),
      publisher: { '@type': 'Organization', name: 'Broadside', url: `${BASE}/` },
      image: [`${BASE}/uploads/picket.jpg`],
      inLanguage: 'en',
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${BASE}/2026/03/hostile/` },
    });
    expect(metaProperty(page, 'og:title')).toEqual([title]);
    expect(metaProperty(page, 'og:type')).toEqual(['article']);
    expect(metaProperty(page, 'og:url')).toEqual([`${BASE}/2026/03/hostile/`]);
    expect(metaProperty(page, 'og:site_name')).toEqual(['Broadside']);
    expect(metaProperty(page, 'og:locale')).toEqual(['en_US']);
    expect(metaProperty(page, 'og:description')).toEqual(['What "they" said.']);
    expect(metaProperty(page, 'og:image')).toEqual([`${BASE}/uploads/picket.jpg`]);
    expect(metaProperty(page, 'article:published_time')).toEqual(['2026-03-01T09:00:00.000Z']);
    expect(metaProperty(page, 'article:modified_time')).toHaveLength(1);
    expect(metaProperty(page, 'article:section')).toEqual(['Courts']);
    expect(metaProperty(page, 'article:tag')).toEqual(['Press freedom', 'Strikes']);
    expect(metaProperty(page, 'twitter:card')).toEqual(['summary_large_image']);
    expect(metaProperty(page, 'twitter:title')).toEqual([title]);
    expect(metaProperty(page, 'twitter:description')).toEqual(['What "they" said.']);
    expect(metaProperty(page, 'twitter:image')).toEqual([`${BASE}/uploads/picket.jpg`]);
    expect(metaProperty(page, 'twitter:image:alt')).toEqual(['A picket line']);
    expect(headOf(page)).toEqual({ canonical: `${BASE}/2026/03/hostile/`, description: 'What "they" said.' });
    expect(page).toContain(`<link rel="alternate" type="application/rss+xml" title="Broadside (RSS)" href="${BASE}/feed/">`);
  });

  it('describe the home page as a WebSite with the site feeds for autodiscovery', async () => {
    await givenPost(t.ctx, { title: 'Story' });
    const page = (await t.app.inject('/')).body;
    await expectValidHtml(page, 'home');
    expect(jsonLdOf(page)).toEqual([expect.objectContaining({ '@type': 'WebSite', name: 'Broadside', url: `${BASE}/` })]);
    expect(metaProperty(page, 'og:type')).toEqual(['website']);
    expect(metaProperty(page, 'twitter:card')).toEqual(['summary']);
    for (const [type, path] of [['application/rss+xml', '/feed/'], ['application/atom+xml', '/feed/atom/'], ['application/feed+json', '/feed/json/']] as const) {
      expect(page).toMatch(new RegExp(`<link rel="alternate" type="${type.replace('+', '\\+')}" title="[^"]+" href="${BASE}${path}">`));
    }
  });

  it('describe category, tag and author pages as CollectionPages with their own feeds first', async () => {
    const reporting = await givenCategory(t.ctx, 'reporting');
    await givenPost(t.ctx, { title: 'Story', categoryIds: [reporting], tagNames: ['Strikes'] });
    for (const [path, name] of [['/category/reporting/', 'Category: Reporting'], ['/tag/strikes/', 'Tag: Strikes'], ['/author/anna-keller/', 'Articles by Anna Keller']] as const) {
      const page = (await t.app.inject(path)).body;
      await expectValidHtml(page, path);
      expect(jsonLdOf(page)).toEqual([expect.objectContaining({ '@type': 'CollectionPage', name, url: BASE + path })]);
      const feeds = [...page.matchAll(/<link rel="alternate" type="[^"]+" title="[^"]*" href="([^"]+)">/g)].map((m) => m[1]);
      expect(feeds.slice(0, 3)).toEqual([`${BASE}${path}feed/`, `${BASE}${path}feed/atom/`, `${BASE}${path}feed/json/`]);
      expect(feeds).toContain(`${BASE}/feed/`);
    }
  });

  it('describe a month archive as a CollectionPage with the site feeds', async () => {
    await givenPost(t.ctx, { title: 'Story', publishedAt: '2026-01-15T10:00:00Z' });
    const page = (await t.app.inject('/2026/01/')).body;
    await expectValidHtml(page, 'month archive');
    expect(jsonLdOf(page)).toEqual([expect.objectContaining({ '@type': 'CollectionPage', name: 'January 2026', url: `${BASE}/2026/01/` })]);
    expect(page).toContain(`<link rel="alternate" type="application/atom+xml" title="Broadside (Atom)" href="${BASE}/feed/atom/">`);
  });

  it('describe a static page as a WebPage, with its first paragraph as the description, OpenGraph and Twitter tags and the site feeds', async () => {
    await givenPage(t.ctx, 'about', 'About "us" </script> — О нас', '## Who we are\n\nWe are a **reader-funded** newsroom in Almaty & Bishkek.\n\nMore text.');
    const page = (await t.app.inject('/about/')).body;
    await expectValidHtml(page, 'static page');
    const description = 'We are a reader-funded newsroom in Almaty & Bishkek.';
    expect(headOf(page)).toEqual({ canonical: `${BASE}/about/`, description });
    expect(jsonLdOf(page)).toEqual([expect.objectContaining({
      '@type': 'WebPage', name: 'About "us" </script> — О нас', url: `${BASE}/about/`, description, inLanguage: 'en',
      isPartOf: { '@type': 'WebSite', name: 'Broadside', url: `${BASE}/` },
    })]);
    expect(metaProperty(page, 'og:title')).toEqual(['About "us" </script> — О нас']);
    expect(metaProperty(page, 'og:description')).toEqual([description]);
    expect(metaProperty(page, 'og:url')).toEqual([`${BASE}/about/`]);
    expect(metaProperty(page, 'twitter:description')).toEqual([description]);
    expect(feedHrefs(page)).toEqual([`${BASE}/feed/`, `${BASE}/feed/atom/`, `${BASE}/feed/json/`]);
  });

  it('describe the donation page and a fundraising drive\'s page as WebPages with a description and the site feeds', async () => {
    await givenFunding(t);
    await givenDrive(t, { title: 'Keep the Lantern lit', slug: 'lantern' });
    for (const [path, name, description] of [
      ['/donate/', 'Support our journalism', 'We are funded by our readers. Every gift, large or small, keeps our reporting independent.'],
      ['/donate/drive/lantern/', 'Keep the Lantern lit', 'We need 5,000 euros for the year.'],
    ] as const) {
      const page = (await t.app.inject(path)).body;
      await expectValidHtml(page, path);
      expect(headOf(page), path).toEqual({ canonical: BASE + path, description });
      expect(jsonLdOf(page)).toEqual([expect.objectContaining({ '@type': 'WebPage', name, url: BASE + path, description })]);
      expect(metaProperty(page, 'og:title')).toEqual([name]);
      expect(metaProperty(page, 'og:description')).toEqual([description]);
      expect(feedHrefs(page)).toEqual([`${BASE}/feed/`, `${BASE}/feed/atom/`, `${BASE}/feed/json/`]);
    }
  });

  it('give a tag page with quotes and Cyrillic in its name valid JSON-LD and escaped tags', async () => {
    await givenPost(t.ctx, { title: 'Story', tagNames: ['Свобода "прессы" </script>'] });
    const slug = (await t.ctx.database.db.selectFrom('tags').select('slug').executeTakeFirstOrThrow()).slug;
    const page = (await t.app.inject(`/tag/${slug}/`)).body;
    await expectValidHtml(page, 'tag page');
    expect(page.split('</script>').length - 1).toBe(1);
    expect(jsonLdOf(page)).toEqual([expect.objectContaining({ '@type': 'CollectionPage', name: 'Tag: Свобода "прессы" </script>' })]);
    expect(metaProperty(page, 'og:title')).toEqual(['Tag: Свобода "прессы" </script>']);
  });

  it('give a 404 page neither OpenGraph tags nor JSON-LD, and tell robots not to index it', async () => {
    const page = (await t.app.inject('/nothing-here/')).body;
    expect(metaProperty(page, 'og:title')).toEqual([]);
    expect(jsonLdOf(page)).toEqual([]);
    expect(page).toContain('<meta name="robots" content="noindex">');
  });
});
