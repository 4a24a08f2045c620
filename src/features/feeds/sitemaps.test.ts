import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenAuthor, givenCategory, givenPage, givenPost } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { sitemapRoutes } from './index.js';

const BASE = 'http://127.0.0.1:3000';
const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures');

/** Runs `xmllint --schema` on a document; returns its complaints (empty when the document is valid). */
function schemaErrors(xml: string, schema: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'broadside-sitemap-')), 'doc.xml');
  fs.writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', path.join(FIXTURES, schema), file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.slice(BASE.length));

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
    await givenPost(t.ctx, { title: 'Tomorrow', slug: 'tomorrow', status: 'scheduled', publishedAt: '2026-06-16T11:00:00Z' });
    const res = await t.app.inject('/sitemap-news.xml');
    expect(res.statusCode).toBe(200);
    expect(schemaErrors(res.body, 'sitemap-news.xsd')).toBe('');
    expect(locs(res.body)).toEqual(['/2026/06/today/', '/2026/06/yesterday/']);
    expect(res.body).toContain('<news:publication><news:name>Broadside</news:name><news:language>ru</news:language></news:publication>');
    expect(res.body).toContain('<news:title>Yesterday &amp; "today"</news:title>');
    expect(res.body).toContain('<news:publication_date>2026-06-15T11:00:00.000Z</news:publication_date>');
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
});
