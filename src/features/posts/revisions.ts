import type { Kysely } from 'kysely';
import type { DB, RevisionKind } from '../../storage/schema.js';
import type { PostInput } from './input.js';

/**
 * Post revisions: every save keeps a snapshot of the post input (JSON), who saved it and when.
 * Autosaves are kept apart (one per user and post, replaced each time) and never change the post.
 */

export interface RevisionSummary {
  id: number;
  postId: number;
  kind: RevisionKind;
  title: string;
  createdAt: string;
  userId: number | null;
  /** The user's name, or "someone" when the user has been deleted. */
  userName: string;
}

export interface Revision extends RevisionSummary {
  snapshot: PostInput;
}

function revisionQuery(db: Kysely<DB>) {
  return db
    .selectFrom('post_revisions')
    .leftJoin('users', 'users.id', 'post_revisions.user_id')
    .select([
      'post_revisions.id', 'post_revisions.post_id', 'post_revisions.kind', 'post_revisions.title',
      'post_revisions.created_at', 'post_revisions.user_id', 'users.name as user_name',
    ]);
}

type RevisionRow = {
  id: number; post_id: number; kind: RevisionKind; title: string; created_at: string; user_id: number | null; user_name: string | null;
};

const toSummary = (row: RevisionRow): RevisionSummary => ({
  id: row.id,
  postId: row.post_id,
  kind: row.kind,
  title: row.title,
  createdAt: row.created_at,
  userId: row.user_id,
  userName: row.user_name ?? 'someone',
});

/** Stores a revision in the caller's transaction (or database); returns its id. */
export async function addRevision(
  db: Kysely<DB>,
  revision: { postId: number; userId: number | null; kind: RevisionKind; input: PostInput; now: string },
): Promise<number> {
  if (revision.kind === 'autosave') {
    let old = db.deleteFrom('post_revisions').where('post_id', '=', revision.postId).where('kind', '=', 'autosave');
    old = revision.userId === null ? old.where('user_id', 'is', null) : old.where('user_id', '=', revision.userId);
    await old.execute();
  }
  const row = await db
    .insertInto('post_revisions')
    .values({
      post_id: revision.postId,
      user_id: revision.userId,
      kind: revision.kind,
      created_at: revision.now,
      title: revision.input.title ?? '',
      snapshot: JSON.stringify(revision.input),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The saved revisions of a post (autosaves left out), newest first. */
export async function listRevisions(db: Kysely<DB>, postId: number): Promise<RevisionSummary[]> {
  const rows = await revisionQuery(db)
    .where('post_revisions.post_id', '=', postId)
    .where('post_revisions.kind', '!=', 'autosave')
    .orderBy('post_revisions.id', 'desc')
    .execute();
  return rows.map(toSummary);
}

/** One revision of a post with its snapshot, or null when the post has no such revision. */
export async function findRevision(db: Kysely<DB>, postId: number, revisionId: number): Promise<Revision | null> {
  const row = await revisionQuery(db)
    .select('post_revisions.snapshot')
    .where('post_revisions.post_id', '=', postId)
    .where('post_revisions.id', '=', revisionId)
    .executeTakeFirst();
  return row ? { ...toSummary(row), snapshot: JSON.parse(row.snapshot) as PostInput } : null;
}

/** The newest saved (not autosaved) revision of a post, or null when it has none. */
export async function latestRevision(db: Kysely<DB>, postId: number): Promise<RevisionSummary | null> {
  const row = await revisionQuery(db)
    .where('post_revisions.post_id', '=', postId)
    .where('post_revisions.kind', '!=', 'autosave')
    .orderBy('post_revisions.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toSummary(row) : null;
}

/** This user's autosave of the post when it is newer than the post's last save; otherwise null. */
export async function pendingAutosave(db: Kysely<DB>, postId: number, userId: number): Promise<Revision | null> {
  const latest = await latestRevision(db, postId);
  const row = await revisionQuery(db)
    .select('post_revisions.snapshot')
    .where('post_revisions.post_id', '=', postId)
    .where('post_revisions.kind', '=', 'autosave')
    .where('post_revisions.user_id', '=', userId)
    .where('post_revisions.id', '>', latest?.id ?? 0)
    .executeTakeFirst();
  return row ? { ...toSummary(row), snapshot: JSON.parse(row.snapshot) as PostInput } : null;
}
