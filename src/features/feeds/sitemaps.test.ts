import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenAuthor, givenCategory, givenPage, givenPost } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { MAX_URLS_PER_SITEMAP, sitemapRoutes } from './index.js';
import { newsLanguage } from './sitemap-xml.js';

const BASE = 'http://127.0.0.1:3000';
const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures');

/** Runs `xmllint --schema` on a document; returns its complaints (empty when the document is valid). */
function schemaErrors(xml: string, schema: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'broadside-sitemap-')), 'doc.xml');
  fs.writeFileSync(file, xml);
  try {
    // --nonet: the schemas are vendored in test/fixtures; nothing may be fetched from the internet.
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', path.join(FIXTURES, schema), file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.slice(BASE.length));

describe('the language of a news sitemap entry', () => {
  it('is the ISO 639 code Google News asks for, with zh-cn and zh-tw for the two Chinese scripts', () => {
    expect(['en', 'pt-BR', 'sr-Latn', 'ru', 'zh', 'zh-CN', 'zh-Hans', 'zh-TW', 'zh-HK', 'zh-Hant'].map(newsLanguage))
      .toEqual(['en', 'pt', 'sr', 'ru', 'zh-cn', 'zh-cn', 'zh-cn', 'zh-tw', 'zh-tw', 'zh-tw']);
  });
});

describe.each(DIALECTS)('sitemaps and robots.txt on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
  });
  afterEach(async () => t.close());

  /** The sitemap routes alone, with a page size small enough to page a handful of posts. */
  async function smallPages(pageSize: number) {
    const app = Fastify();
    await app.register(sitemapRoutes({ db: t.ctx.database.db, clock: t.ctx.clock, pageSize }));
    return app;
  }

  it('give search engines an index of paged sitemaps, each valid against the sitemaps.org schema and listing only public URLs', async () => {
    const reporting = await givenCategory(t.ctx, 'reporting');
    const courts = await givenCategory(t.ctx, 'courts', reporting);
    await givenCategory(t.ctx, 'empty');
    for (let i = 1; i <= 5; i++) {
      await givenPost(t.ctx, { title: `Story ${i}`, slug: `story-${i}`, publishedAt: `2026-01-0${i}T10:00:00Z`, categoryIds: [courts], tagNames: ['Strikes'] });
    }
    await givenPost(t.ctx, { title: 'Draft', slug: 'draft', status: 'draft' });
    await givenPost(t.ctx, { title: 'Later', slug: 'later', status: 'scheduled', publishedAt: '2026-12-01T10:00:00Z' });
    const trashed = await givenPost(t.ctx, { title: 'Trashed', slug: 'trashed' });
    await t.ctx.database.db.updateTable('posts').set({ deleted_at: '2026-06-01T00:00:00.000Z' }).where('id', '=', trashed).execute();
    await givenPage(t.ctx, 'about', 'About us');
    const app = await smallPages(2);

    const index = await app.inject('/sitemap.xml');
    expect(index.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(schemaErrors(index.body, 'siteindex.xsd')).toBe('');
    // Six public posts (five stories and the trashed one's absence): three pages of two.
    const sitemaps = locs(index.body);
    expect(sitemaps).toEqual([
      '/sitemap-posts-1.xml', '/sitemap-posts-2.xml', '/sitemap-posts-3.xml',
      '/sitemap-pages-1.xml', '/sitemap-categories-1.xml', '/sitemap-tags-1.xml', '/sitemap-authors-1.xml',
    ]);
    expect(index.body).toContain('<lastmod>');

    const urls: string[] = [];
    for (const sitemap of sitemaps) {
      const res = await app.inject(sitemap);
      expect(res.statusCode, sitemap).toBe(200);
      expect(schemaErrors(res.body, 'sitemap.xsd'), sitemap).toBe('');
      urls.push(...locs(res.body));
    }
    expect(urls).toEqual([
      '/2026/01/story-1/', '/2026/01/story-2/', '/2026/01/story-3/', '/2026/01/story-4/', '/2026/01/story-5/', '/2026/01/trashed/',
      '/', '/about/', '/category/courts/', '/category/reporting/', '/tag/strikes/', '/author/anna-keller/',
    ].filter((u) => u !== '/2026/01/trashed/'));
    expect((await app.inject('/sitemap-posts-4.xml')).statusCode).toBe(404);
    expect((await app.inject('/sitemap-posts-0.xml')).statusCode).toBe(404);
    await app.close();
  });

  it('link every translation of an article with hreflang alternates, valid against the sitemap and xhtml-link schemas', async () => {
    const en = await givenPost(t.ctx, { title: 'Pickets', slug: 'pickets', language: 'en' });
    await givenPost(t.ctx, { title: 'Пикеты', slug: 'pikety', language: 'ru', translationOf: en });
    await givenPost(t.ctx, { title: 'Alone', slug: 'alone', language: 'en', publishedAt: '2026-01-16T10:00:00Z' });
    const res = await t.app.inject('/sitemap-posts-1.xml');
    expect(schemaErrors(res.body, 'sitemap-with-alternates.xsd')).toBe('');
    const pair = [
      `<xhtml:link rel="alternate" hreflang="en" href="${BASE}/2026/01/pickets/"/>`,
      `<xhtml:link rel="alternate" hreflang="ru" href="${BASE}/2026/01/pikety/"/>`,
    ].join('');
    expect(res.body.split(pair).length - 1).toBe(2);
    expect(res.body).toMatch(/<loc>[^<]+\/alone\/<\/loc><lastmod>[^<]+<\/lastmod><\/url>/);
  });

  it('list articles of the last 48 hours by the site clock in the news sitemap, newest first', async () => {
    t.clock.set('2026-06-15T12:00:00Z');
    await givenPost(t.ctx, { title: 'Too old', slug: 'too-old', publishedAt: '2026-06-13T11:59:00Z' });
    await givenPost(t.ctx, { title: 'Yesterday & "today"', slug: 'yesterday', publishedAt: '2026-06-14T12:00:00Z' });
    await givenPost(t.ctx, { title: 'Сегодня', slug: 'today', language: 'ru', publishedAt: '2026-06-15T11:00:00Z' });
    await givenPost(t.ctx, { title: 'Hoje', slug: 'hoje', language: 'pt-BR', publishedAt: '2026-06-15T10:00:00Z' });
    await givenPost(t.ctx, { title: '今天', slug: 'jintian', language: 'zh-TW', publishedAt: '2026-06-15T09:00:00Z' });
    await givenPost(t.ctx, { title: 'Tomorrow', slug: 'tomorrow', status: 'scheduled', publishedAt: '2026-06-16T11:00:00Z' });
    const res = await t.app.inject('/sitemap-news.xml');
    expect(res.statusCode).toBe(200);
    expect(schemaErrors(res.body, 'sitemap-news.xsd')).toBe('');
    expect(locs(res.body)).toEqual(['/2026/06/today/', '/2026/06/hoje/', '/2026/06/jintian/', '/2026/06/yesterday/']);
    expect(res.body).toContain('<news:language>pt</news:language>');
    expect(res.body).toContain('<news:language>zh-tw</news:language>');
    expect(res.body).toContain('<news:publication><news:name>Broadside</news:name><news:language>ru</news:language></news:publication>');
    expect(res.body).toContain('<news:title>Yesterday &amp; "today"</news:title>');
    expect(res.body).toContain('<news:publication_date>2026-06-15T11:00:00.000Z</news:publication_date>');
    // The sitemap index lists it, dated by its newest article, for crawlers to find.
    const index = await t.app.inject('/sitemap.xml');
    expect(schemaErrors(index.body, 'siteindex.xsd')).toBe('');
    expect(index.body).toContain(`<sitemap><loc>${BASE}/sitemap-news.xml</loc><lastmod>2026-06-15T11:00:00.000Z</lastmod></sitemap>`);
    t.clock.set('2026-06-20T12:00:00Z');
    expect(locs((await t.app.inject('/sitemap.xml')).body)).not.toContain('/sitemap-news.xml');
  });

  it('answer 304 for an unchanged sitemap index and a new ETag once an article is published', async () => {
    await givenPost(t.ctx, { title: 'One' });
    const first = await t.app.inject('/sitemap.xml');
    expect((await t.app.inject({ url: '/sitemap.xml', headers: { 'if-none-match': String(first.headers.etag) } })).statusCode).toBe(304);
    t.clock.advance(60_000);
    await givenPost(t.ctx, { title: 'Two', publishedAt: '2026-02-01T10:00:00Z' });
    const second = await t.app.inject({ url: '/sitemap.xml', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(second.statusCode).toBe(200);
    expect(second.headers.etag).not.toBe(first.headers.etag);
  });

  it('keep a new site valid: the pages sitemap lists the home page even before the first article', async () => {
    const index = await t.app.inject('/sitemap.xml');
    expect(schemaErrors(index.body, 'siteindex.xsd')).toBe('');
    expect(locs(index.body)).toEqual(['/sitemap-pages-1.xml']);
    const pages = await t.app.inject('/sitemap-pages-1.xml');
    expect(schemaErrors(pages.body, 'sitemap.xsd')).toBe('');
    expect(locs(pages.body)).toEqual(['/']);
  });

  it('tell robots where the sitemap index is and to keep out of the admin', async () => {
    await givenAuthor(t.ctx);
    const res = await t.app.inject('/robots.txt');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toBe(`User-agent: *\nDisallow: /admin/\n\nSitemap: ${BASE}/sitemap.xml\n`);
  });
  it('date each category, tag and author by its newest article, even one published long after its last edit', async () => {
    const courts = await givenCategory(t.ctx, 'courts', await givenCategory(t.ctx, 'reporting'));
    await givenPost(t.ctx, { title: 'Old', slug: 'old', publishedAt: '2026-01-10T10:00:00Z', updatedAt: '2026-01-11T10:00:00Z', categoryIds: [courts], tagNames: ['Strikes'] });
    // Written in February, published (scheduled) in May.
    await givenPost(t.ctx, { title: 'Late', slug: 'late', publishedAt: '2026-05-01T06:00:00Z', updatedAt: '2026-02-01T10:00:00Z', categoryIds: [courts], tagNames: ['Strikes'] });
    const lastmods = async (url: string) => {
      const body = (await t.app.inject(url)).body;
      expect(schemaErrors(body, 'sitemap.xsd'), url).toBe('');
      return Object.fromEntries([...body.matchAll(/<loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod>/g)].map((m) => [m[1]!.slice(BASE.length), m[2]]));
    };
    const may = '2026-05-01T06:00:00.000Z';
    expect(await lastmods('/sitemap-categories-1.xml')).toEqual({ '/category/courts/': may, '/category/reporting/': may });
    expect(await lastmods('/sitemap-tags-1.xml')).toEqual({ '/tag/strikes/': may });
    expect(await lastmods('/sitemap-authors-1.xml')).toEqual({ '/author/anna-keller/': may });
    expect((await lastmods('/sitemap-posts-1.xml'))['/2026/05/late/']).toBe(may);
  });

  it('put at most 50,000 URLs in one sitemap: 50,001 articles make two, each valid', async () => {
    expect(MAX_URLS_PER_SITEMAP).toBe(50_000);
    const db = t.ctx.database.db;
    const author = await givenAuthor(t.ctx);
    const total = MAX_URLS_PER_SITEMAP + 1;
    for (let from = 0; from < total; from += 1000) {
      const rows = Array.from({ length: Math.min(1000, total - from) }, (_, i) => {
        const n = from + i;
        const at = new Date(Date.UTC(2020, 0, 1) + n * 60_000).toISOString();
        return {
          guid: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, slug: `story-${n}`, title: `Story ${n}`, standfirst: '',
          body_md: '', body_html: '', postscript_md: '', postscript_html: '', status: 'published' as const, published_at: at,
          local_year: Number(at.slice(0, 4)), local_month: Number(at.slice(5, 7)), local_day: Number(at.slice(8, 10)), language: 'en',
          translation_group: null, comment_status: 'open' as const, featured_image_url: '', featured_image_alt: '', featured_image_caption: '',
          created_at: at, updated_at: at, deleted_at: null,
        };
      });
      const ids = await db.insertInto('posts').values(rows).returning('id').execute();
      await db.insertInto('post_authors').values(ids.map((r) => ({ post_id: r.id, author_id: author, position: 0 }))).execute();
    }
    const index = await t.app.inject('/sitemap.xml');
    expect(locs(index.body).filter((l) => l.startsWith('/sitemap-posts-'))).toEqual(['/sitemap-posts-1.xml', '/sitemap-posts-2.xml']);
    const first = await t.app.inject('/sitemap-posts-1.xml');
    expect(locs(first.body)).toHaveLength(MAX_URLS_PER_SITEMAP);
    expect(schemaErrors(first.body, 'sitemap.xsd')).toBe('');
    const second = await t.app.inject('/sitemap-posts-2.xml');
    expect(locs(second.body)).toEqual([`/2020/02/story-${MAX_URLS_PER_SITEMAP}/`]);
    expect(schemaErrors(second.body, 'sitemap.xsd')).toBe('');
  }, 120_000);
});
