import type { Kysely } from 'kysely';
import { AppError } from '../../errors.js';
import { toIso } from '../../lib/dates.js';
import type { DB, PostStatus } from '../../storage/schema.js';
import { recordAudit } from '../audit/index.js';
import { canEditPost, ensureAllowed, ensurePermission, mayAskForReview, mayPublish, type PostActor } from './access.js';
import type { PostInput } from './input.js';
import { bylineFor } from './ownership.js';
import { lockPost, type PostState } from './post-state.js';
import type { PostServiceDeps } from './publishing.js';
import { addRevision } from './revisions.js';
import { createPostIn, updatePostIn } from './write.js';
import { changingPosts } from './dependents.js';

/** What the writer asked for: save as it is, publish now, schedule, or ask an editor to publish. */
export type SaveAction = 'save' | 'publish' | 'schedule' | 'submit';

export interface SavePostRequest {
  actor: PostActor;
  /** Null for a new post. */
  postId: number | null;
  input: PostInput;
  action: SaveAction;
  /** The version (PostState.version) the form was loaded with; a save from an older one is a conflict. */
  version?: string;
  /** "Save anyway": the version the user was warned about; the save goes ahead while it is still current. */
  overwrite?: string;
}

/** Someone else saved (or changed the status of) the post since the form was loaded. */
export interface SaveConflict {
  /** The current version, for "Save anyway". */
  version: string;
  /** Who changed it last, when known. */
  changedBy: string | null;
  changedAt: string;
  /** The revision the user started from and the newest one, to compare, when both exist. */
  compare: { from: number; to: number } | null;
}

export type SavePostResult =
  | { saved: true; id: number; status: PostStatus; publishedAt: string | null; created: boolean }
  | { saved: false; conflict: SaveConflict };

/**
 * Creates or saves a post with the role rules, the conflict check, a new revision and audit
 * entries, all in one transaction. Returns the conflict instead of saving when the post changed
 * since `version`. Throws FORBIDDEN, NOT_FOUND or VALIDATION (fields, with nothing saved).
 */
export async function savePost(deps: PostServiceDeps, request: SavePostRequest): Promise<SavePostResult> {
  ensurePermission(request.actor, 'posts.write_own');
  const ids = request.postId === null ? [] : [request.postId];
  return changingPosts(deps, ids, () => saveIn(deps, request), (result) => (result.saved ? [result.id] : []));
}

function saveIn(deps: PostServiceDeps, request: SavePostRequest): Promise<SavePostResult> {
  return deps.db.transaction().execute(async (trx) => {
    const nowDate = deps.clock.now();
    const now = toIso(nowDate);
    const before = request.postId === null ? null : await lockPost(trx, request.postId);
    if (before) {
      ensureAllowed(canEditPost(request.actor, before), { post: before.id });
      const conflict = await conflictOf(trx, before, request);
      if (conflict) return { saved: false as const, conflict };
    }
    checkAction(request, before);
    const decided = decide(request, before, now);
    const input: PostInput = {
      ...request.input,
      // A published post keeps its address when the slug field is emptied; only a new slug moves it.
      ...(before?.status === 'published' && !request.input.slug ? { slug: before.slug } : {}),
      status: decided.status,
      publishedAt: decided.publishedAt,
      authorIds: await bylineFor(trx, request.actor, request.input.authorIds ?? [], now),
    };
    const id = before ? before.id : await createPostIn(trx, input, now);
    if (before) await updatePostIn(trx, id, input, now);
    await trx.updateTable('posts')
      .set({ review_requested_at: decided.reviewRequestedAt, ...(before ? {} : { created_by: request.actor.id }) })
      .where('id', '=', id)
      .execute();
    await addRevision(trx, { postId: id, userId: request.actor.id, kind: 'save', input, now });
    const action = auditAction(request.action, before);
    if (action) {
      await recordAudit(trx, {
        action, subject: `post:${id}`, userId: request.actor.id, actor: request.actor.email,
        details: { title: input.title, ...(decided.status !== 'draft' ? { publishedAt: decided.publishedAt } : {}) },
      }, nowDate);
    }
    return { saved: true as const, id, status: decided.status, publishedAt: decided.publishedAt ?? null, created: before === null };
  });
}

function checkAction(request: SavePostRequest, before: PostState | null): void {
  const { actor, action } = request;
  if (action === 'publish' || action === 'schedule') ensureAllowed(mayPublish(actor), { action });
  if (action === 'submit') {
    const facts = before ?? { status: 'draft' as const, deletedAt: null, createdBy: actor.id, authorIds: [] };
    ensureAllowed(mayAskForReview(actor, facts), { action });
  }
}

interface Decision {
  status: PostStatus;
  publishedAt: string | undefined;
  reviewRequestedAt: string | null;
}

/** The status, publication time and review request a save leaves the post with. */
function decide(request: SavePostRequest, before: PostState | null, now: string): Decision {
  const wanted = request.input.publishedAt ? toIso(request.input.publishedAt) : undefined;
  const review = before?.reviewRequestedAt ?? null;
  switch (request.action) {
    case 'publish': {
      // A scheduled post's own time, left as it was, means "now" when publishing now.
      if (wanted && wanted > now && !(before?.status === 'scheduled' && wanted === before.publishedAt)) {
        throw fieldError('publishedAt', 'That time is still to come: choose Schedule, or clear it to publish now');
      }
      const keep = before?.status === 'published' ? (before.publishedAt ?? undefined) : undefined;
      const at = wanted && wanted <= now ? wanted : (keep ?? now);
      return { status: 'published', publishedAt: at, reviewRequestedAt: null };
    }
    case 'schedule':
      if (!wanted) throw fieldError('publishedAt', 'Choose when to publish');
      if (wanted <= now) throw fieldError('publishedAt', 'Choose a time in the future, or publish now');
      return { status: 'scheduled', publishedAt: wanted, reviewRequestedAt: null };
    case 'submit':
      return { status: 'draft', publishedAt: wanted, reviewRequestedAt: now };
    case 'save':
      return { status: before?.status ?? 'draft', publishedAt: wanted, reviewRequestedAt: review };
  }
}

function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION', { fields: { [field]: message } });
}

function auditAction(action: SaveAction, before: PostState | null): string | null {
  if (action === 'publish') return before?.status === 'published' ? null : 'post.publish';
  if (action === 'schedule') return 'post.schedule';
  if (action === 'submit') return 'post.submit_review';
  return before ? null : 'post.create';
}

/** The conflict when the post changed since the form's version, unless the user chose to overwrite it. */
async function conflictOf(db: Kysely<DB>, post: PostState, request: SavePostRequest): Promise<SaveConflict | null> {
  if (request.version === undefined || request.version === post.version) return null;
  if (request.overwrite === post.version) return null;
  const from = Number.parseInt(request.version, 10);
  const to = post.lastSave?.id ?? 0;
  const newerSave = post.lastSave && to > (Number.isFinite(from) ? from : 0) ? post.lastSave : null;
  const changer = newerSave ? null : await lastChange(db, post.id);
  return {
    version: post.version,
    changedBy: newerSave?.userName ?? changer?.actor ?? null,
    changedAt: newerSave?.createdAt ?? changer?.at ?? post.updatedAt,
    compare: newerSave && from > 0 ? { from, to } : null,
  };
}

/** The newest audit entry about the post (a status change made without a save). */
async function lastChange(db: Kysely<DB>, postId: number): Promise<{ actor: string; at: string } | null> {
  const row = await db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select(['audit_log.actor', 'audit_log.at', 'users.name'])
    .where('audit_log.subject', '=', `post:${postId}`)
    .orderBy('audit_log.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { actor: row.name ?? row.actor, at: row.at } : null;
}
