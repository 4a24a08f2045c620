import { type Kysely, sql } from 'kysely';
import { AppError } from '../../errors.js';
import type { DB, PostStatus } from '../../storage/schema.js';
import type { PostAccessFacts } from './access.js';
import { latestRevision, type RevisionSummary } from './revisions.js';

/** A post as the admin's rules see it: status, ownership, and its version for conflict checks. */
export interface PostState extends PostAccessFacts {
  id: number;
  title: string;
  slug: string;
  status: PostStatus;
  publishedAt: string | null;
  updatedAt: string;
  reviewRequestedAt: string | null;
  /**
   * Changes whenever the post is saved (a new revision) or its status changes (updated_at):
   * the edit form carries it, and a save made from an older version is a conflict.
   */
  version: string;
  /** The newest saved revision: who saved last, and when. */
  lastSave: RevisionSummary | null;
}

/** The post's state, or null when there is no such post. */
export async function loadPostState(db: Kysely<DB>, id: number): Promise<PostState | null> {
  const row = await db
    .selectFrom('posts')
    .select(['id', 'title', 'slug', 'status', 'published_at', 'updated_at', 'deleted_at', 'created_by', 'review_requested_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const [authors, lastSave] = await Promise.all([
    db.selectFrom('post_authors').select('author_id').where('post_id', '=', id).orderBy('position').execute(),
    latestRevision(db, id),
  ]);
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    status: row.status,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    createdBy: row.created_by,
    reviewRequestedAt: row.review_requested_at,
    authorIds: authors.map((a) => a.author_id),
    version: `${lastSave?.id ?? 0}.${row.updated_at}`,
    lastSave,
  };
}

/**
 * Inside a transaction: locks the post's row until the transaction ends (a no-op UPDATE takes
 * the row lock on PostgreSQL and the write lock on SQLite), so two saves of one post run one
 * after the other and the second sees the first's version. Throws NOT_FOUND.
 */
export async function lockPost(trx: Kysely<DB>, id: number): Promise<PostState> {
  const touched = await trx.updateTable('posts').set({ updated_at: sql`updated_at` }).where('id', '=', id).executeTakeFirst();
  if (Number(touched.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', { post: id });
  return (await loadPostState(trx, id))!;
}
