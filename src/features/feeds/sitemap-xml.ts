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

/**
 * The language as a news sitemap names it: an ISO 639 code (`pt-BR` → `pt`), except Chinese,
 * which is `zh-cn` (simplified script) or `zh-tw` (traditional: zh-TW, zh-HK, zh-Hant…).
 */
export function newsLanguage(tag: string): string {
  const language = tag.split('-')[0]!.toLowerCase();
  if (language !== 'zh') return language;
  let script: string | undefined;
  try {
    script = new Intl.Locale(tag).maximize().script;
  } catch {
    script = undefined;
  }
  return script === 'Hant' ? 'zh-tw' : 'zh-cn';
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
            el('news:publication', {}, el('news:name', {}, publication), el('news:language', {}, newsLanguage(item.language))),
            el('news:publication_date', {}, item.publishedAt),
            el('news:title', {}, item.title),
          ),
        ),
      ),
    ),
  );
}
