import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';
import { authorPath, categoryPath, pagePath, postPath, tagPath, visiblePosts } from '../posts/index.js';

/** One `<url>` of a sitemap: a path on the site, its last modification and its translations. */
export interface SitemapUrl {
  path: string;
  /** ISO instant; null when unknown (the home page of a site with no posts yet). */
  lastmod: string | null;
  /** The same content in every language, this one included (hreflang). */
  alternates?: { hreflang: string; path: string }[];
}

const later = (a: string, b: string | null | undefined): string => (b && b > a ? b : a);

/** The number of visible posts at `now`. */
export async function countSitemapPosts(db: Kysely<DB>, now: string): Promise<number> {
  const row = await visiblePosts(db, now).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Page `page` (from 1) of the visible posts, oldest first, so a new post only ever changes the last page. */
function postsPageQuery(db: Kysely<DB>, now: string, page: number, size: number) {
  return visiblePosts(db, now).orderBy('posts.published_at').orderBy('posts.id').limit(size).offset((page - 1) * size);
}

/** The URLs of one page of posts, with hreflang alternates for posts that have translations. */
export async function listSitemapPosts(db: Kysely<DB>, now: string, page: number, size: number): Promise<SitemapUrl[]> {
  const columns = ['posts.slug', 'posts.local_year', 'posts.local_month', 'posts.language', 'posts.translation_group'] as const;
  // The page's translation groups as a derived table joined in, not `IN (subquery)`: PostgreSQL
  // ran that as a subplan rescanned for every post (over 100 s for a page of 50,000 posts).
  const pageGroups = db
    .selectFrom(postsPageQuery(db, now, page, size).select('posts.translation_group').as('page_posts'))
    .select('page_posts.translation_group')
    .where('page_posts.translation_group', 'is not', null)
    .distinct()
    .as('page_groups');
  const [rows, siblings] = await Promise.all([
    postsPageQuery(db, now, page, size).select([...columns, 'posts.updated_at', 'posts.published_at']).execute(),
    visiblePosts(db, now)
      .innerJoin(pageGroups, 'page_groups.translation_group', 'posts.translation_group')
      .select(columns)
      .orderBy('posts.language')
      .execute(),
  ]);
  const groups = new Map<string, { hreflang: string; path: string }[]>();
  for (const s of siblings) {
    const list = groups.get(s.translation_group!) ?? [];
    list.push({ hreflang: s.language, path: postPath(s) });
    groups.set(s.translation_group!, list);
  }
  return rows.map((row) => {
    const alternates = row.translation_group ? groups.get(row.translation_group) : undefined;
    return {
      path: postPath(row),
      lastmod: later(row.updated_at, row.published_at),
      ...(alternates && alternates.length > 1 ? { alternates } : {}),
    };
  });
}

/** The newest lastmod of page `page` of posts (for the sitemap index), or null for an empty page. */
export async function sitemapPostsLastmod(db: Kysely<DB>, now: string, page: number, size: number): Promise<string | null> {
  const sub = postsPageQuery(db, now, page, size).select(['posts.updated_at', 'posts.published_at']).as('p');
  const row = await db
    .selectFrom(sub)
    .select((eb) => [eb.fn.max('p.updated_at').as('updated'), eb.fn.max('p.published_at').as('published')])
    .executeTakeFirst();
  return row?.updated ? later(row.updated, row.published) : null;
}

/** The home page (lastmod: the newest post) and every published static page. */
export async function listSitemapPages(db: Kysely<DB>, now: string): Promise<SitemapUrl[]> {
  const [newest, pages] = await Promise.all([
    visiblePosts(db, now).select((eb) => [eb.fn.max('posts.updated_at').as('updated'), eb.fn.max('posts.published_at').as('published')])
      .executeTakeFirst(),
    db.selectFrom('pages').select(['slug', 'updated_at']).where('status', '=', 'published').orderBy('slug').execute(),
  ]);
  const home = { path: '/', lastmod: newest?.updated ? later(newest.updated, newest.published) : null };
  return [home, ...pages.map((p) => ({ path: pagePath(p.slug), lastmod: p.updated_at }))];
}

/** Tags and authors with at least one visible post, by slug; lastmod is their newest post's update or publication. */
export async function listSitemapTerms(db: Kysely<DB>, now: string, kind: 'tag' | 'author'): Promise<SitemapUrl[]> {
  const rows =
    kind === 'tag'
      ? await visiblePosts(db, now).innerJoin('post_tags', 'post_tags.post_id', 'posts.id')
          .innerJoin('tags', 'tags.id', 'post_tags.tag_id')
          .select((eb) => ['tags.slug', eb.fn.max('posts.updated_at').as('updated'), eb.fn.max('posts.published_at').as('published')])
          .groupBy('tags.slug').orderBy('tags.slug').execute()
      : await visiblePosts(db, now).innerJoin('post_authors', 'post_authors.post_id', 'posts.id')
          .innerJoin('authors', 'authors.id', 'post_authors.author_id')
          .select((eb) => ['authors.slug', eb.fn.max('posts.updated_at').as('updated'), eb.fn.max('posts.published_at').as('published')])
          .groupBy('authors.slug').orderBy('authors.slug').execute();
  const pathOf = kind === 'tag' ? tagPath : authorPath;
  // A post scheduled after its last edit changed the page when it appeared, as in the posts sitemap.
  return rows.map((r) => ({ path: pathOf(r.slug), lastmod: later(r.updated, r.published) }));
}

/**
 * Categories whose page lists at least one visible post (its own or a descendant's, as the
 * category page does); lastmod is the newest of those posts' updates or publications.
 */
export async function listSitemapCategories(db: Kysely<DB>, now: string): Promise<SitemapUrl[]> {
  const [categories, direct] = await Promise.all([
    db.selectFrom('categories').select(['id', 'slug', 'parent_id']).orderBy('slug').execute(),
    visiblePosts(db, now).innerJoin('post_categories', 'post_categories.post_id', 'posts.id')
      .select((eb) => ['post_categories.category_id', eb.fn.max('posts.updated_at').as('updated'), eb.fn.max('posts.published_at').as('published')])
      .groupBy('post_categories.category_id').execute(),
  ]);
  const parentOf = new Map(categories.map((c) => [c.id, c.parent_id]));
  const lastmod = new Map<number, string>();
  for (const row of direct) {
    // Walk up to the root; the seen-set guards against a cycle in hand-edited data.
    const seen = new Set<number>();
    for (let id: number | null | undefined = row.category_id; id != null && !seen.has(id); id = parentOf.get(id)) {
      seen.add(id);
      lastmod.set(id, later(later(row.updated, row.published), lastmod.get(id)));
    }
  }
  return categories.filter((c) => lastmod.has(c.id)).map((c) => ({ path: categoryPath(c.slug), lastmod: lastmod.get(c.id)! }));
}

/** Visible posts published since `since` (ISO), newest first, at most `limit`: the news sitemap. */
export async function listNewsPosts(db: Kysely<DB>, now: string, since: string, limit: number) {
  const rows = await visiblePosts(db, now)
    .select(['posts.slug', 'posts.local_year', 'posts.local_month', 'posts.language', 'posts.title', 'posts.published_at'])
    .where('posts.published_at', '>=', since)
    .orderBy('posts.published_at', 'desc').orderBy('posts.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ path: postPath(r), language: r.language, title: r.title, publishedAt: r.published_at! }));
}
