import { type Kysely, sql } from 'kysely';
import type { DB, PostStatus } from '../../storage/schema.js';
import { postPath } from './paths.js';

/**
 * The admin's list of posts: every status (the trash too), filtered and paginated. Private to
 * the admin: it shows drafts, so it is never used for public pages.
 */

export const ADMIN_STATUS_FILTERS = ['draft', 'review', 'scheduled', 'published', 'trash'] as const;
export type AdminStatusFilter = (typeof ADMIN_STATUS_FILTERS)[number];

export interface AdminPostFilter {
  /** Without one: every post not in the trash. `review`: drafts whose author asked for review. */
  status?: AdminStatusFilter;
  authorId?: number;
  categoryId?: number;
  language?: string;
  /** Part of the title, any case. */
  q?: string;
  /** Only the posts this user wrote or is in the byline of. */
  ownedBy?: { userId: number; authorId: number | null };
  page: number;
  perPage: number;
}

export interface AdminPostSummary {
  id: number;
  title: string;
  status: PostStatus;
  language: string;
  publishedAt: string | null;
  updatedAt: string;
  deletedAt: string | null;
  reviewRequestedAt: string | null;
  authors: string[];
  /** The public address (meaningful once published). */
  path: string;
}

function filtered(db: Kysely<DB>, filter: AdminPostFilter) {
  let q = db.selectFrom('posts');
  q = filter.status === 'trash' ? q.where('deleted_at', 'is not', null) : q.where('deleted_at', 'is', null);
  if (filter.status === 'review') q = q.where('status', '=', 'draft').where('review_requested_at', 'is not', null);
  else if (filter.status && filter.status !== 'trash') q = q.where('status', '=', filter.status);
  if (filter.language) q = q.where('language', '=', filter.language);
  if (filter.authorId !== undefined) {
    const authorId = filter.authorId;
    q = q.where('id', 'in', (eb) => eb.selectFrom('post_authors').select('post_id').where('author_id', '=', authorId));
  }
  if (filter.categoryId !== undefined) {
    const categoryId = filter.categoryId;
    q = q.where('id', 'in', (eb) => eb.selectFrom('post_categories').select('post_id').where('category_id', '=', categoryId));
  }
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`lower(title) like ${pattern} escape '\\'`);
  }
  if (filter.ownedBy) {
    const { userId, authorId } = filter.ownedBy;
    q = q.where((eb) => eb.or([
      eb('created_by', '=', userId),
      eb('id', 'in', eb.selectFrom('post_authors').select('post_id').where('author_id', '=', authorId ?? -1)),
    ]));
  }
  return q;
}

/** One page of posts, most recently changed first, with the total for pagination. */
export async function listPostsForAdmin(db: Kysely<DB>, filter: AdminPostFilter): Promise<{ items: AdminPostSummary[]; total: number }> {
  const base = filtered(db, filter);
  const [rows, count] = await Promise.all([
    base
      .select(['id', 'title', 'slug', 'status', 'language', 'published_at', 'updated_at', 'deleted_at', 'review_requested_at', 'local_year', 'local_month'])
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.perPage)
      .offset((filter.page - 1) * filter.perPage)
      .execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const names = await bylineNames(db, rows.map((r) => r.id));
  return {
    total: Number(count.n),
    items: rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      language: row.language,
      publishedAt: row.published_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
      reviewRequestedAt: row.review_requested_at,
      authors: names.get(row.id) ?? [],
      path: postPath(row),
    })),
  };
}

async function bylineNames(db: Kysely<DB>, ids: number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('post_authors')
    .innerJoin('authors', 'authors.id', 'post_authors.author_id')
    .select(['post_authors.post_id', 'authors.name'])
    .where('post_authors.post_id', 'in', ids)
    .orderBy('post_authors.post_id')
    .orderBy('post_authors.position')
    .execute();
  for (const row of rows) map.set(row.post_id, [...(map.get(row.post_id) ?? []), row.name]);
  return map;
}

/** The languages posts are written in, for the list's filter. */
export async function listPostLanguages(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('posts').select('language').distinct().orderBy('language').execute();
  return rows.map((r) => r.language);
}
