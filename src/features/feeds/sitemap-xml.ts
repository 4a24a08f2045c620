import type { SitemapUrl } from './sitemap-queries.js';
import { el, toXmlDocument } from './xml.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** A `<urlset>` of absolute URLs, with `xhtml:link` hreflang alternates where a page has translations. */
export function renderUrlset(baseUrl: string, urls: SitemapUrl[]): string {
  return toXmlDocument(
    el(
      'urlset',
      { xmlns: SITEMAP_NS, 'xmlns:xhtml': 'http://www.w3.org/1999/xhtml' },
      urls.map((u) =>
        el(
          'url',
          {},
          el('loc', {}, baseUrl + u.path),
          u.lastmod ? el('lastmod', {}, u.lastmod) : null,
          (u.alternates ?? []).map((a) => el('xhtml:link', { rel: 'alternate', hreflang: a.hreflang, href: baseUrl + a.path })),
        ),
      ),
    ),
  );
}

/** A `<sitemapindex>` listing sitemaps by path, each with its newest lastmod. */
export function renderSitemapIndex(baseUrl: string, sitemaps: { path: string; lastmod: string | null }[]): string {
  return toXmlDocument(
    el(
      'sitemapindex',
      { xmlns: SITEMAP_NS },
      sitemaps.map((s) => el('sitemap', {}, el('loc', {}, baseUrl + s.path), s.lastmod ? el('lastmod', {}, s.lastmod) : null)),
    ),
  );
}

export interface NewsItem {
  path: string;
  language: string;
  title: string;
  publishedAt: string;
}

/** A Google News sitemap: each article with the publication's name and the article's language. */
export function renderNewsSitemap(baseUrl: string, publication: string, items: NewsItem[]): string {
  return toXmlDocument(
    el(
      'urlset',
      { xmlns: SITEMAP_NS, 'xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9' },
      items.map((item) =>
        el(
          'url',
          {},
          el('loc', {}, baseUrl + item.path),
          el(
            'news:news',
            {},
            el('news:publication', {}, el('news:name', {}, publication), el('news:language', {}, item.language)),
            el('news:publication_date', {}, item.publishedAt),
            el('news:title', {}, item.title),
          ),
        ),
      ),
    ),
  );
}
