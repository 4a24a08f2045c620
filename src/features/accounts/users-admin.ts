import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { toIso } from '../../lib/dates.js';
import type { DB, Role } from '../../storage/schema.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { deleteUserSessions } from './sessions.js';
import { createUser, type NewUser, ROLES } from './users.js';

/** Users as an admin manages them. The site always keeps at least one enabled admin. */

export interface UserDeps {
  db: Kysely<DB>;
  clock: Clock;
}

export interface AdminUser {
  id: number;
  /** Private: shown on the users screen only. */
  email: string;
  name: string;
  role: Role;
  authorId: number | null;
  authorName: string | null;
  disabledAt: string | null;
  createdAt: string;
}

const LAST_ADMIN = 'The site needs at least one admin: make someone else an admin first';

/** Every user, by name. */
export async function listUsers(db: Kysely<DB>): Promise<AdminUser[]> {
  const rows = await usersQuery(db).orderBy('users.name').orderBy('users.id').execute();
  return rows.map(toAdminUser);
}

/** The user with this id, or null. */
export async function findUser(db: Kysely<DB>, id: number): Promise<AdminUser | null> {
  const row = await usersQuery(db).where('users.id', '=', id).executeTakeFirst();
  return row ? toAdminUser(row) : null;
}

/**
 * Creates a user with an initial password, optionally linked to an author profile, and records
 * it; returns the id. Throws VALIDATION (see createUser; `authorId` for an unknown profile).
 */
export async function createUserAsAdmin(deps: UserDeps, input: NewUser & { authorId?: number | null }, actor: AuditActor): Promise<number> {
  const { authorId = null, ...user } = input;
  return deps.db.transaction().execute(async (trx) => {
    const author = authorId === null ? null : await findAuthorSlug(trx, authorId);
    const id = await createUser({ db: trx, clock: deps.clock }, user);
    if (author) await trx.updateTable('users').set({ author_id: authorId }).where('id', '=', id).execute();
    await recordAudit(trx, { action: 'user.create', subject: `user:${id}`, ...actor, details: { role: user.role, author: author ?? null } }, deps.clock.now());
    return id;
  });
}

/** Changes a user's role (audited with from and to). Throws NOT_FOUND, or VALIDATION for the last admin. */
export async function changeUserRole(deps: UserDeps, userId: number, role: Role, actor: AuditActor): Promise<void> {
  if (!ROLES.includes(role)) throw new AppError('VALIDATION', { fields: { role: `Choose a role: ${ROLES.join(', ')}` } });
  await deps.db.transaction().execute(async (trx) => {
    const user = await loadForChange(trx, userId);
    if (user.role === role) return;
    if (user.role === 'admin' && !user.disabled_at) await keepAnAdmin(trx, userId, 'role');
    await trx.updateTable('users').set({ role, updated_at: toIso(deps.clock.now()) }).where('id', '=', userId).execute();
    await recordAudit(trx, { action: 'user.role_change', subject: `user:${userId}`, ...actor, details: { from: user.role, to: role } }, deps.clock.now());
  });
}

/**
 * Disables a user (ending every session of theirs) or enables them again. Throws NOT_FOUND,
 * or VALIDATION when that would leave the site without an enabled admin.
 */
export async function setUserDisabled(deps: UserDeps, userId: number, disabled: boolean, actor: AuditActor): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const user = await loadForChange(trx, userId);
    if (Boolean(user.disabled_at) === disabled) return;
    if (disabled && user.role === 'admin') await keepAnAdmin(trx, userId, 'disabled');
    const now = toIso(deps.clock.now());
    await trx.updateTable('users').set({ disabled_at: disabled ? now : null, updated_at: now }).where('id', '=', userId).execute();
    const sessions = disabled ? await deleteUserSessions(trx, userId) : 0;
    const details = disabled ? { sessionsEnded: sessions } : {};
    await recordAudit(trx, { action: disabled ? 'user.disable' : 'user.enable', subject: `user:${userId}`, ...actor, details }, deps.clock.now());
  });
}

/** Links a user to an author profile (their byline), or unlinks with null. Throws NOT_FOUND or VALIDATION. */
export async function linkUserToAuthor(deps: UserDeps, userId: number, authorId: number | null, actor: AuditActor): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const user = await loadForChange(trx, userId);
    const author = authorId === null ? null : await findAuthorSlug(trx, authorId);
    if (user.author_id === authorId) return;
    await trx.updateTable('users').set({ author_id: authorId, updated_at: toIso(deps.clock.now()) }).where('id', '=', userId).execute();
    await recordAudit(trx, { action: 'user.author_link', subject: `user:${userId}`, ...actor, details: { author } }, deps.clock.now());
  });
}

function usersQuery(db: Kysely<DB>) {
  return db
    .selectFrom('users')
    .leftJoin('authors', 'authors.id', 'users.author_id')
    .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.author_id', 'authors.name as author_name', 'users.disabled_at', 'users.created_at']);
}

function toAdminUser(row: Awaited<ReturnType<ReturnType<typeof usersQuery>['executeTakeFirstOrThrow']>>): AdminUser {
  return {
    id: row.id, email: row.email, name: row.name, role: row.role, authorId: row.author_id,
    authorName: row.author_name, disabledAt: row.disabled_at, createdAt: row.created_at,
  };
}

/** The slug of an author profile; throws VALIDATION on `authorId` when there is none. */
async function findAuthorSlug(trx: Transaction<DB>, authorId: number): Promise<string> {
  const author = await trx.selectFrom('authors').select('slug').where('id', '=', authorId).executeTakeFirst();
  if (!author) throw new AppError('VALIDATION', { fields: { authorId: 'Choose an author profile from the list' } });
  return author.slug;
}

async function loadForChange(trx: Transaction<DB>, userId: number) {
  const user = await trx.selectFrom('users').select(['role', 'disabled_at', 'author_id']).where('id', '=', userId).executeTakeFirst();
  if (!user) throw new AppError('NOT_FOUND', { user: userId });
  return user;
}

/** Throws VALIDATION on `field` unless an enabled admin other than `userId` remains. */
async function keepAnAdmin(trx: Transaction<DB>, userId: number, field: string): Promise<void> {
  // A no-op write locks the admin rows until commit, so two admins demoting each other at
  // once on PostgreSQL cannot both pass the check below (SQLite runs one writer at a time).
  await trx.updateTable('users').set({ role: 'admin' }).where('role', '=', 'admin').execute();
  const other = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .where('id', '!=', userId)
    .executeTakeFirst();
  if (!other) throw new AppError('VALIDATION', { fields: { [field]: LAST_ADMIN } });
}
