import { createHash } from 'node:crypto';
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
  // Two lookups, not one query with `approved or (pending and id in …)`: SQLite answers that by
  // reading every comment of the post, the pending and spam ones too.
  const approved = db.selectFrom('comments').select(PUBLIC_COLUMNS)
    .where('comments.post_id', '=', postId).where('comments.status', '=', 'approved').orderBy('comments.id').execute();
  const own = ownIds.length
    ? db.selectFrom('comments').select(PUBLIC_COLUMNS)
      .where('comments.id', 'in', ownIds).where('comments.post_id', '=', postId).where('comments.status', '=', 'pending').execute()
    : [];
  return inIdOrder(await approved, await own).map(toPublic);
}

/**
 * What placing a comment among the threads needs of each comment shown to this browser (the
 * approved ones and its own pending ones), oldest first: ids and parents, read from the index
 * comments_post_status_parent (migration 0015) for the approved ones.
 */
export async function listThreadLinks(db: Kysely<DB>, postId: number, ownIds: number[]): Promise<{ id: number; parentId: number | null }[]> {
  const approved = approvedLinksQuery(db, postId).execute();
  const own = ownIds.length
    ? db.selectFrom('comments').select(['id', 'parent_id']).where('id', 'in', ownIds).where('post_id', '=', postId).where('status', '=', 'pending').execute()
    : [];
  return inIdOrder(await approved, await own).map((row) => ({ id: row.id, parentId: row.parent_id }));
}

/** The approved comments' ids and parents, oldest first. Exported for the query-plan test. */
export function approvedLinksQuery(db: Kysely<DB>, postId: number) {
  return db.selectFrom('comments').select(['id', 'parent_id']).where('post_id', '=', postId).where('status', '=', 'approved').orderBy('id');
}

/** `sorted` (by id) with the few `extra` rows merged in by id. */
function inIdOrder<T extends { id: number }>(sorted: T[], extra: T[]): T[] {
  return extra.length ? [...sorted, ...extra].sort((a, b) => a.id - b.id) : sorted;
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

/**
 * The duplicate check's lookup key for a comment's text (`comments.body_hash`): the first 32 bits
 * of its SHA-256, as a signed integer (an `integer` column on both databases). Two texts may
 * share one; the check compares the text itself.
 */
export function bodyHash(body: string): number {
  return createHash('sha256').update(body).digest().readInt32BE(0);
}

/**
 * Whether the same email already said exactly this under the same post (spam and trash aside).
 * Reads, through comments_post_email_hash (migration 0015), that address's comments on the post
 * whose text hashes alike, and those stored without a hash.
 */
export async function isDuplicate(db: Kysely<DB>, postId: number, email: string, body: string): Promise<boolean> {
  for (const hash of [bodyHash(body), null]) {
    if ((await duplicateQuery(db, { postId, email, body, hash }).executeTakeFirst()) !== undefined) return true;
  }
  return false;
}

/** One of the duplicate check's two lookups: by `hash`, or among comments without one (null). Exported for the query-plan test. */
export function duplicateQuery(db: Kysely<DB>, c: { postId: number; email: string; body: string; hash: number | null }) {
  return db
    .selectFrom('comments').select('id')
    .where('post_id', '=', c.postId).where('author_email', '=', c.email)
    .where('body_hash', c.hash === null ? 'is' : '=', c.hash).where('body', '=', c.body)
    .where('status', 'in', ['pending', 'approved'])
    .limit(1);
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
