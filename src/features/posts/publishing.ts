import { type Kysely, sql, type UpdateQueryBuilder } from 'kysely';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { toIso } from '../../lib/dates.js';
import type { DB } from '../../storage/schema.js';
import { recordAudit } from '../audit/index.js';
import { ensureAllowed, mayManageTrash, mayPublish, type PostActor } from './access.js';
import { changePosts } from './month-counts.js';
import { lockPost, type PostState } from './post-state.js';
import type { Invalidator } from '../cache/index.js';
import { changingPosts } from './dependents.js';

export interface PostServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Told what public pages changed, after the commit. */
  invalidator?: Invalidator | undefined;
}

/**
 * Publishes every scheduled post whose time has come and that is not in the trash; returns
 * their ids (empty when there is nothing to do). Each post gets a `post.publish` audit entry by
 * "scheduler". Idempotent and safe to run in several processes at once: the UPDATE's WHERE
 * flips each post exactly once (on PostgreSQL a concurrent UPDATE re-checks the row after the
 * first commits and finds it no longer scheduled), and only the process that flipped a post
 * records its audit entry. The `invalidator`, when given, hears about every post published.
 */
export async function publishDuePosts(db: Kysely<DB>, now: Date | string, invalidator?: Invalidator): Promise<number[]> {
  const at = new Date(now);
  const iso = toIso(at);
  const deps = { db, clock: { now: () => at }, invalidator };
  return changingPosts(deps, [], () => publishDueIn(db, at, iso), (ids) => ids);
}

function publishDueIn(db: Kysely<DB>, at: Date, iso: string): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const due = (query: UpdateQueryBuilder<DB, 'posts', 'posts', object>) =>
      query.where('status', '=', 'scheduled').where('published_at', '<=', iso).where('deleted_at', 'is', null);
    // Claim the due posts first: a concurrent sweep waits on their row locks, then finds them published.
    const claimed = await due(trx.updateTable('posts').set({ updated_at: sql`updated_at` })).returning('id').execute();
    const rows = await changePosts(trx, claimed.map((r) => r.id), () =>
      due(trx.updateTable('posts').set({ status: 'published', review_requested_at: null }))
        .where('id', 'in', claimed.length ? claimed.map((r) => r.id) : [-1])
        .returning(['id', 'title', 'published_at'])
        .execute(),
    );
    for (const row of rows) {
      await recordAudit(trx, {
        action: 'post.publish', subject: `post:${row.id}`, actor: 'scheduler',
        details: { title: row.title, scheduledFor: row.published_at },
      }, at);
    }
    return rows.map((r) => r.id).sort((a, b) => a - b);
  });
}

/** A status change on one post: locked, checked, changed and audited in one transaction. */
async function changePost(
  deps: PostServiceDeps,
  actor: PostActor,
  id: number,
  action: string,
  change: (trx: Kysely<DB>, post: PostState, now: string) => Promise<Record<string, unknown> | void>,
): Promise<void> {
  await changingPosts(deps, [id], () => deps.db.transaction().execute(async (trx) => {
    const post = await lockPost(trx, id);
    const now = deps.clock.now();
    const details = await change(trx, post, toIso(now));
    await recordAudit(trx, {
      action, subject: `post:${id}`, userId: actor.id, actor: actor.email, details: { title: post.title, ...details },
    }, now);
  }));
}

/** Takes a published or scheduled post back to draft (off the public site). Editors only. */
export async function unpublishPost(deps: PostServiceDeps, actor: PostActor, id: number): Promise<void> {
  ensureAllowed(mayPublish(actor), { action: 'unpublish' });
  await changePost(deps, actor, id, 'post.unpublish', async (trx, post, now) => {
    if (post.deletedAt !== null || post.status === 'draft') throw new AppError('CONFLICT', { post: id, status: post.status });
    await changePosts(trx, [id], () => trx.updateTable('posts').set({ status: 'draft', updated_at: now }).where('id', '=', id).execute());
    return { was: post.status };
  });
}

/** Moves a post to the trash (off the public site, restorable). Editors only. */
export async function trashPost(deps: PostServiceDeps, actor: PostActor, id: number): Promise<void> {
  ensureAllowed(mayManageTrash(actor), { action: 'trash' });
  await changePost(deps, actor, id, 'post.trash', async (trx, post, now) => {
    if (post.deletedAt !== null) throw new AppError('CONFLICT', { post: id, reason: 'already in the trash' });
    await changePosts(trx, [id], () => trx.updateTable('posts').set({ deleted_at: now, updated_at: now }).where('id', '=', id).execute());
    return { status: post.status };
  });
}

/**
 * Brings a post back from the trash as a draft: nothing reappears on the public site until an
 * editor publishes it again. Editors only.
 */
export async function restorePost(deps: PostServiceDeps, actor: PostActor, id: number): Promise<void> {
  ensureAllowed(mayManageTrash(actor), { action: 'restore' });
  await changePost(deps, actor, id, 'post.restore', async (trx, post, now) => {
    if (post.deletedAt === null) throw new AppError('CONFLICT', { post: id, reason: 'not in the trash' });
    await changePosts(trx, [id], () =>
      trx.updateTable('posts').set({ deleted_at: null, status: 'draft', updated_at: now }).where('id', '=', id).execute(),
    );
    return { was: post.status };
  });
}

/** Deletes a post in the trash for good, with its revisions and links to terms. Editors only. */
export async function deletePostForGood(deps: PostServiceDeps, actor: PostActor, id: number): Promise<void> {
  ensureAllowed(mayManageTrash(actor), { action: 'delete' });
  await changePost(deps, actor, id, 'post.delete', async (trx, post) => {
    if (post.deletedAt === null) throw new AppError('CONFLICT', { post: id, reason: 'only posts in the trash can be deleted' });
    await changePosts(trx, [id], () => trx.deleteFrom('posts').where('id', '=', id).execute());
  });
}
