import type { Kysely } from 'kysely';
import type { Clock } from '../../lib/clock.js';
import type { DB } from '../../storage/schema.js';
import {
  countSitemapPosts, listNewsPosts, listSitemapCategories, listSitemapPages, listSitemapPosts, listSitemapTerms,
  type SitemapUrl, sitemapPostsLastmod,
} from './sitemap-queries.js';
import type { NewsItem } from './sitemap-xml.js';

/** The most URLs one sitemap may hold (sitemaps.org). */
export const MAX_URLS_PER_SITEMAP = 50_000;

/** How far back the news sitemap looks (Google News takes the last two days). */
export const NEWS_WINDOW_MS = 48 * 3600_000;
/** The most URLs a news sitemap may hold. */
const MAX_NEWS_URLS = 1000;

export interface SitemapDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** URLs per sitemap; MAX_URLS_PER_SITEMAP unless a test lowers it. */
  pageSize?: number;
}

export const SITEMAP_KINDS = ['posts', 'pages', 'categories', 'tags', 'authors'] as const;
export type SitemapKind = (typeof SITEMAP_KINDS)[number];

export const sitemapPath = (kind: SitemapKind, page: number): string => `/sitemap-${kind}-${page}.xml`;

const newest = (urls: SitemapUrl[]): string | null =>
  urls.reduce<string | null>((m, u) => (u.lastmod && (!m || u.lastmod > m) ? u.lastmod : m), null);

/** Every URL of a small kind (pages and taxonomies are read whole, then paged). */
function listAll(deps: SitemapDeps, kind: Exclude<SitemapKind, 'posts'>, now: string): Promise<SitemapUrl[]> {
  if (kind === 'pages') return listSitemapPages(deps.db, now);
  if (kind === 'categories') return listSitemapCategories(deps.db, now);
  return listSitemapTerms(deps.db, now, kind === 'tags' ? 'tag' : 'author');
}

/** Where the news sitemap (articles of the last 48 hours) lives. */
export const NEWS_SITEMAP_PATH = '/sitemap-news.xml';

/**
 * The sitemaps the index lists, each with the newest lastmod of its URLs. Kinds with no URL
 * are left out, except that the pages sitemap (with the home page) is always there; the news
 * sitemap is listed while an article of the last 48 hours is in it.
 */
export async function listSitemaps(deps: SitemapDeps): Promise<{ path: string; lastmod: string | null }[]> {
  const size = deps.pageSize ?? MAX_URLS_PER_SITEMAP;
  const now = deps.clock.now().toISOString();
  const postCount = await countSitemapPosts(deps.db, now);
  const postPages = Array.from({ length: Math.ceil(postCount / size) }, (_, i) => i + 1);
  const posts = await Promise.all(
    postPages.map(async (n) => ({ path: sitemapPath('posts', n), lastmod: await sitemapPostsLastmod(deps.db, now, n, size) })),
  );
  const others = await Promise.all(
    (['pages', 'categories', 'tags', 'authors'] as const).map(async (kind) => {
      const urls = await listAll(deps, kind, now);
      const pages = Math.max(kind === 'pages' ? 1 : 0, Math.ceil(urls.length / size));
      return Array.from({ length: pages }, (_, i) => ({
        path: sitemapPath(kind, i + 1),
        lastmod: newest(urls.slice(i * size, (i + 1) * size)),
      }));
    }),
  );
  // The news sitemap, while it lists something: the index is how crawlers find it.
  const news = await loadNewsItems(deps);
  const newsSitemap = news.length ? [{ path: NEWS_SITEMAP_PATH, lastmod: news[0]!.publishedAt }] : [];
  return [...posts, ...others.flat(), ...newsSitemap];
}

/** Page `page` (from 1) of a sitemap, or null when there is no such page (404). */
export async function loadSitemap(deps: SitemapDeps, kind: SitemapKind, page: number): Promise<SitemapUrl[] | null> {
  const size = deps.pageSize ?? MAX_URLS_PER_SITEMAP;
  const now = deps.clock.now().toISOString();
  const urls =
    kind === 'posts'
      ? await listSitemapPosts(deps.db, now, page, size)
      : (await listAll(deps, kind, now)).slice((page - 1) * size, page * size);
  return urls.length > 0 || (kind === 'pages' && page === 1) ? urls : null;
}

/** Articles published in the last 48 hours before the clock's now, newest first. */
export async function loadNewsItems(deps: SitemapDeps): Promise<NewsItem[]> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - NEWS_WINDOW_MS).toISOString();
  return listNewsPosts(deps.db, now.toISOString(), since, MAX_NEWS_URLS);
}

/** The newest lastmod of a list of URLs, or the epoch for an empty one (stable Last-Modified). */
export function newestLastmod(urls: { lastmod: string | null }[]): string {
  return urls.reduce((m, u) => (u.lastmod && u.lastmod > m ? u.lastmod : m), '1970-01-01T00:00:00.000Z');
}
