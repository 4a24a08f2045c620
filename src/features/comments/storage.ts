import type { Kysely } from 'kysely';
import { prepareQuery } from '../../storage/prepared.js';
import type { CommentBlockKind, DB } from '../../storage/schema.js';
import { postPath, visiblePostsQuery } from './posts-link.js';
import type { CommentState, PublicComment } from './model.js';

/**
 * Comment storage. Public reads select explicit columns and never the email, IP or user agent.
 */

const PUBLIC_COLUMNS = [
  'comments.id', 'comments.parent_id', 'comments.depth', 'comments.author_name', 'comments.author_url',
  'comments.body', 'comments.status', 'comments.created_at', 'comments.user_id',
] as const;

type PublicRow = {
  id: number; parent_id: number | null; depth: number; author_name: string; author_url: string;
  body: string; status: CommentState; created_at: string; user_id: number | null;
};

export function toPublic(row: PublicRow): PublicComment {
  return {
    id: row.id, parentId: row.parent_id, depth: row.depth, authorName: row.author_name, authorUrl: row.author_url,
    body: row.body, status: row.status, createdAt: row.created_at, isStaff: row.user_id !== null,
  };
}

/** A published post that may carry comments, with what the comment rules need; null otherwise. */
export interface CommentablePost {
  id: number;
  title: string;
  path: string;
  language: string;
  commentStatus: 'open' | 'closed';
  publishedAt: string;
  /** Where the article lives: /year/month/slug/ in the site's time zone. */
  address: { year: number; month: number; slug: string };
}

// Every article page asks for it: compiled once (storage/prepared.ts).
const commentablePostQuery = prepareQuery((db: Kysely<DB>, { postId, now }: { postId: number; now: string }) =>
  visiblePostsQuery(db, now)
    .select(['posts.id', 'posts.title', 'posts.slug', 'posts.language', 'posts.comment_status', 'posts.published_at', 'posts.local_year', 'posts.local_month'])
    .where('posts.id', '=', postId));

export async function findCommentablePost(db: Kysely<DB>, postId: number, now: string): Promise<CommentablePost | null> {
  const [row] = await commentablePostQuery(db, { postId, now });
  if (!row) return null;
  return {
    id: row.id, title: row.title, path: postPath(row), language: row.language,
    commentStatus: row.comment_status, publishedAt: row.published_at!,
    address: { year: row.local_year!, month: row.local_month!, slug: row.slug },
  };
}

/** A post's approved comments plus this browser's own pending ones (`ownIds`), oldest first. */
export async function listPostComments(db: Kysely<DB>, postId: number, ownIds: number[]): Promise<PublicComment[]> {
  const rows = await db
    .selectFrom('comments')
    .select(PUBLIC_COLUMNS)
    .where('comments.post_id', '=', postId)
    .where((eb) => {
      const approved = eb('comments.status', '=', 'approved');
      return ownIds.length
        ? eb.or([approved, eb.and([eb('comments.status', '=', 'pending'), eb('comments.id', 'in', ownIds)])])
        : approved;
    })
    .orderBy('comments.id')
    .execute();
  return rows.map(toPublic);
}

/** Approved comments per post, for article headers and teasers; posts without any are absent. */
export async function countApprovedComments(db: Kysely<DB>, postIds: number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  if (postIds.length === 0) return counts;
  const rows = await db
    .selectFrom('comments')
    .select(['post_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('post_id', 'in', postIds)
    .where('status', '=', 'approved')
    .groupBy('post_id')
    .execute();
  for (const row of rows) counts.set(row.post_id, Number(row.n));
  return counts;
}

/** The comment a reply answers, when it is an approved comment of the same post. */
export async function findReplyTarget(db: Kysely<DB>, postId: number, parentId: number) {
  return db
    .selectFrom('comments')
    .select(['id', 'depth', 'author_name'])
    .where('id', '=', parentId)
    .where('post_id', '=', postId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
}

/** Whether a moderator has approved a comment from this email before. */
export async function isKnownCommenter(db: Kysely<DB>, email: string): Promise<boolean> {
  return (await knownCommenterQuery(db, email).executeTakeFirst()) !== undefined;
}

/** Runs on every comment posted: served by the (author_email, status) index, see migration 0012. */
export function knownCommenterQuery(db: Kysely<DB>, email: string) {
  return db.selectFrom('comments').select('id').where('author_email', '=', email).where('status', '=', 'approved').limit(1);
}

/** Whether the same email already said exactly this under the same post (spam and trash aside). */
export async function isDuplicate(db: Kysely<DB>, postId: number, email: string, body: string): Promise<boolean> {
  const row = await db
    .selectFrom('comments').select('id')
    .where('post_id', '=', postId).where('author_email', '=', email).where('body', '=', body)
    .where('status', 'in', ['pending', 'approved'])
    .limit(1).executeTakeFirst();
  return row !== undefined;
}

export interface BlockEntry {
  id: number;
  kind: CommentBlockKind;
  value: string;
  note: string;
  createdAt: string;
}

export async function listBlocks(db: Kysely<DB>): Promise<BlockEntry[]> {
  const rows = await db.selectFrom('comment_blocks').select(['id', 'kind', 'value', 'note', 'created_at']).orderBy('kind').orderBy('value').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, value: r.value, note: r.note, createdAt: r.created_at }));
}
