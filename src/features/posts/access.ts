import { AppError } from '../../errors.js';
import type { PostStatus, Role } from '../../storage/schema.js';
import { can, type Permission } from '../accounts/permissions.js';

/**
 * Who may do what to a post. Contributors and authors write their own drafts; editors and
 * admins edit anything, publish, schedule, unpublish and manage the trash. Pure functions,
 * used by the services (which enforce them) and the admin views (which only show what works).
 */

/** The signed-in user acting on posts (the admin session's user fits). */
export interface PostActor {
  id: number;
  name: string;
  email: string;
  role: Role;
  authorId: number | null;
}

/** What the rules need to know about a post. */
export interface PostAccessFacts {
  status: PostStatus;
  deletedAt: string | null;
  createdBy: number | null;
  authorIds: readonly number[];
}

/** Own = the user wrote it, or their author profile is in its byline. */
export function isOwnPost(actor: PostActor, post: PostAccessFacts): boolean {
  return post.createdBy === actor.id || (actor.authorId !== null && post.authorIds.includes(actor.authorId));
}

/** May change the post's content (trashed posts must be restored first). */
export function canEditPost(actor: PostActor, post: PostAccessFacts): boolean {
  if (post.deletedAt !== null) return false;
  if (can(actor.role, 'posts.edit_any')) return true;
  return can(actor.role, 'posts.write_own') && isOwnPost(actor, post) && post.status === 'draft';
}

/** May see the post in the admin (list, preview, revisions). */
export function canViewPost(actor: PostActor, post: PostAccessFacts): boolean {
  return can(actor.role, 'posts.edit_any') || (can(actor.role, 'posts.write_own') && isOwnPost(actor, post));
}

export function mayPublish(actor: PostActor): boolean {
  return can(actor.role, 'posts.publish');
}

export function mayManageTrash(actor: PostActor): boolean {
  return can(actor.role, 'posts.delete');
}

export function mayAskForReview(actor: PostActor, post: PostAccessFacts): boolean {
  return can(actor.role, 'posts.submit') && post.status === 'draft' && canEditPost(actor, post);
}

/** Sees every post in the list, not only their own. */
export function seesAllPosts(actor: PostActor): boolean {
  return can(actor.role, 'posts.edit_any');
}

/** Throws FORBIDDEN unless `allowed`. */
export function ensureAllowed(allowed: boolean, details: Record<string, unknown> = {}): void {
  if (!allowed) throw new AppError('FORBIDDEN', details);
}

/** Throws FORBIDDEN unless the actor's role grants `permission`. */
export function ensurePermission(actor: PostActor, permission: Permission): void {
  ensureAllowed(can(actor.role, permission), { permission });
}
