import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';
import { postPath, visiblePostsQuery } from './posts-link.js';

/** A post as its comment feed names it. */
export interface FeedPost {
  id: number;
  title: string;
  /** `/2026/01/slug/`. */
  path: string;
  /** The post's stable id; a comment's feed id is built on it. */
  guid: string;
  language: string;
}

/** An approved comment as a feed shows it: never the email, IP or user agent. */
export interface FeedComment {
  id: number;
  authorName: string;
  /** Plain text, as stored (render it with renderCommentBody). */
  body: string;
  createdAt: string;
  /** The latest of its creation, approval and last edit: when a feed reader last saw it change. */
  updatedAt: string;
  post: FeedPost;
}

const POST_COLUMNS = ['posts.id', 'posts.title', 'posts.slug', 'posts.local_year', 'posts.local_month', 'posts.guid', 'posts.language'] as const;

type PostRow = { id: number; title: string; slug: string; local_year: number | null; local_month: number | null; guid: string; language: string };

const toFeedPost = (row: PostRow): FeedPost => ({ id: row.id, title: row.title, path: postPath(row), guid: row.guid, language: row.language });

/**
 * The visible post at /year/month/slug/ (local date parts, as the article page finds it),
 * or null when readers cannot see one there.
 */
export async function findFeedPost(db: Kysely<DB>, address: { year: number; month: number; slug: string }, now: string): Promise<FeedPost | null> {
  const row = await visiblePostsQuery(db, now)
    .select(POST_COLUMNS)
    .where('posts.local_year', '=', address.year)
    .where('posts.local_month', '=', address.month)
    .where('posts.slug', '=', address.slug)
    .executeTakeFirst();
  return row ? toFeedPost(row) : null;
}

/**
 * The `limit` most recently approved comments on visible posts (or on one post), newest first.
 * Only approved comments: pending, spam and trash never appear, nor comments of drafts,
 * scheduled posts or posts in the trash.
 */
export async function listFeedComments(db: Kysely<DB>, options: { now: string; limit: number; postId?: number }): Promise<FeedComment[]> {
  let query = visiblePostsQuery(db, options.now)
    .innerJoin('comments', 'comments.post_id', 'posts.id')
    .select([...POST_COLUMNS, 'comments.id as commentId', 'comments.author_name', 'comments.body', 'comments.created_at', 'comments.approved_at', 'comments.edited_at'])
    .where('comments.status', '=', 'approved');
  if (options.postId !== undefined) query = query.where('comments.post_id', '=', options.postId);
  const rows = await query
    .orderBy((eb) => eb.fn.coalesce('comments.approved_at', 'comments.created_at'), 'desc')
    .orderBy('comments.id', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map((row) => ({
    id: row.commentId,
    authorName: row.author_name,
    body: row.body,
    createdAt: row.created_at,
    updatedAt: [row.created_at, row.approved_at, row.edited_at].reduce<string>((max, t) => (t && t > max ? t : max), ''),
    post: toFeedPost(row),
  }));
}
