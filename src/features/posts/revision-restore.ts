import type { Kysely } from 'kysely';
import { AppError } from '../../errors.js';
import { toIso } from '../../lib/dates.js';
import type { DB } from '../../storage/schema.js';
import { recordAudit } from '../audit/index.js';
import { canEditPost, ensureAllowed, type PostActor } from './access.js';
import type { PostInput } from './input.js';
import { loadPostState, lockPost } from './post-state.js';
import type { PostServiceDeps } from './publishing.js';
import { addRevision, findRevision } from './revisions.js';
import { updatePostIn } from './write.js';
import { changingPosts } from './dependents.js';

/**
 * Brings back an older revision as a new one: its words, featured image, byline, categories,
 * tags and comment setting. The post's address, language, translation link, status and date stay
 * as they are, so a restore never moves, publishes or unpublishes anything. Authors and
 * categories deleted since are left out. Throws NOT_FOUND, FORBIDDEN or VALIDATION.
 */
export async function restoreRevision(deps: PostServiceDeps, actor: PostActor, postId: number, revisionId: number): Promise<void> {
  await changingPosts(deps, [postId], () => deps.db.transaction().execute(async (trx) => {
    const post = await lockPost(trx, postId);
    ensureAllowed(canEditPost(actor, post), { post: postId });
    const revision = await findRevision(trx, postId, revisionId);
    if (!revision || revision.kind === 'autosave') throw new AppError('NOT_FOUND', { revision: revisionId });
    const nowDate = deps.clock.now();
    const now = toIso(nowDate);
    const input = await restoredInput(trx, postId, revision.snapshot, [...post.authorIds]);
    await updatePostIn(trx, postId, input, now);
    await addRevision(trx, { postId, userId: actor.id, kind: 'restore', input, now });
    await recordAudit(trx, {
      action: 'post.revision_restore', subject: `post:${postId}`, userId: actor.id, actor: actor.email,
      details: { revision: revisionId, title: input.title },
    }, nowDate);
  }));
}

async function restoredInput(trx: Kysely<DB>, postId: number, snapshot: PostInput, currentAuthors: number[]): Promise<PostInput> {
  const current = await trx
    .selectFrom('posts')
    .select(['slug', 'language', 'status', 'published_at', 'sticky'])
    .where('id', '=', postId)
    .executeTakeFirstOrThrow();
  const [authors, categories] = await Promise.all([
    existing(trx, 'authors', snapshot.authorIds ?? []),
    existing(trx, 'categories', snapshot.categoryIds ?? []),
  ]);
  return {
    ...snapshot,
    slug: current.slug,
    language: current.language,
    translationOf: undefined,
    status: current.status,
    publishedAt: current.published_at ?? undefined,
    sticky: snapshot.sticky ?? current.sticky === 1,
    authorIds: authors.length ? authors : currentAuthors,
    categoryIds: categories,
  };
}

async function existing(trx: Kysely<DB>, table: 'authors' | 'categories', ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await trx.selectFrom(table).select('id').where('id', 'in', ids).execute();
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => found.has(id));
}

/**
 * Keeps what the user is typing as their autosave of the post (replacing their previous one);
 * the post itself does not change. Returns the time saved. Throws NOT_FOUND or FORBIDDEN.
 */
export async function autosavePost(deps: PostServiceDeps, actor: PostActor, postId: number, input: PostInput): Promise<string> {
  const post = await loadPostState(deps.db, postId);
  if (!post) throw new AppError('NOT_FOUND', { post: postId });
  ensureAllowed(canEditPost(actor, post), { post: postId });
  const now = toIso(deps.clock.now());
  await deps.db.transaction().execute((trx) => addRevision(trx, { postId, userId: actor.id, kind: 'autosave', input, now }));
  return now;
}
