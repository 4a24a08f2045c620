import type { Kysely } from 'kysely';
import { COMMENT_FEED, commentsTag, thenInvalidate } from '../cache/index.js';
import { AppError } from '../../errors.js';
import type { CommentBlockKind, CommentState, DB } from '../../storage/schema.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { loadSettings } from '../site/index.js';
import { addBlock } from './blocks.js';
import type { ModeratedComment } from './model.js';
import { mailContext, queueReplyNotices } from './notifications.js';
import { postPath } from './posts-link.js';
import type { CommentDeps } from './rules.js';
import { commentSecret, hashIp } from './secret.js';
import { bodyHash, toPublic } from './storage.js';
import { cleanLine, cleanText, safeUrl } from './text.js';

/**
 * The moderators' side: the queue by state, bulk moderation, edits, staff replies and blocks.
 * Every change is recorded in the audit log in the same transaction.
 */

export type ModerationAction = 'approve' | 'unapprove' | 'spam' | 'trash';
const TARGET: Record<ModerationAction, CommentState> = { approve: 'approved', unapprove: 'pending', spam: 'spam', trash: 'trash' };

const DESK_COLUMNS = [
  'comments.id', 'comments.parent_id', 'comments.depth', 'comments.author_name', 'comments.author_url', 'comments.body',
  'comments.status', 'comments.created_at', 'comments.user_id', 'comments.post_id', 'comments.author_email', 'comments.ip',
  'comments.spam_reason', 'comments.edited_at', 'posts.title', 'posts.slug', 'posts.local_year', 'posts.local_month',
] as const;

function deskQuery(db: Kysely<DB>) {
  return db.selectFrom('comments').innerJoin('posts', 'posts.id', 'comments.post_id').select(DESK_COLUMNS);
}

type DeskRow = Awaited<ReturnType<ReturnType<typeof deskQuery>['executeTakeFirstOrThrow']>>;

function toModerated(row: DeskRow): ModeratedComment {
  return {
    ...toPublic(row), postId: row.post_id, postTitle: row.title,
    postPath: row.local_year ? postPath({ slug: row.slug, local_year: row.local_year, local_month: row.local_month }) : '',
    authorEmail: row.author_email, ip: row.ip, spamReason: row.spam_reason, editedAt: row.edited_at,
  };
}

/** How many comments are in each state. */
export async function countByState(db: Kysely<DB>): Promise<Record<CommentState, number>> {
  const rows = await db.selectFrom('comments').select(['status', (eb) => eb.fn.countAll<number | string>().as('n')]).groupBy('status').execute();
  const counts = { pending: 0, approved: 0, spam: 0, trash: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** One page of the queue of a state (or of one commenter's email, any state), newest first. */
export async function listForDesk(
  db: Kysely<DB>,
  filter: { status?: CommentState; email?: string; page: number; perPage: number },
): Promise<{ items: ModeratedComment[]; total: number }> {
  let base = db.selectFrom('comments');
  if (filter.status) base = base.where('comments.status', '=', filter.status);
  if (filter.email) base = base.where('comments.author_email', '=', filter.email.toLowerCase());
  const ids = base.select('comments.id');
  const [rows, count] = await Promise.all([
    deskQuery(db).where('comments.id', 'in', ids).orderBy('comments.id', 'desc').limit(filter.perPage).offset((filter.page - 1) * filter.perPage).execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toModerated), total: Number(count.n) };
}

export async function findForDesk(db: Kysely<DB>, id: number): Promise<ModeratedComment | null> {
  const row = await deskQuery(db).where('comments.id', '=', id).executeTakeFirst();
  return row ? toModerated(row) : null;
}

/** Moves comments to the state of `action`; returns how many changed. */
export async function moderateComments(deps: CommentDeps, ids: number[], action: ModerationAction, actor: AuditActor): Promise<number> {
  if (ids.length === 0) return 0;
  const now = deps.clock.now().toISOString();
  const status = TARGET[action];
  const posts = await deps.db.selectFrom('comments').select('post_id').distinct().where('id', 'in', ids).execute();
  return thenInvalidate(deps, threadTags(posts.map((p) => p.post_id)), deps.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('comments')
      .set(status === 'approved' ? { status, approved_at: now } : { status })
      .where('id', 'in', ids)
      .where('status', '!=', status)
      .executeTakeFirst();
    const changed = Number(result.numUpdatedRows);
    if (status === 'approved') await queueReplyNotices(trx, await mailContext(trx, new Date(now)), ids);
    await recordAudit(trx, { action: `comment.${action}`, subject: ids.map((id) => `comment:${id}`).join(','), ...actorOf(actor), details: { ids, changed } }, new Date(now));
    return changed;
  }));
}

/** A change to the comments of these posts: their threads, their teasers' counts, the comment feeds. */
function threadTags(postIds: number[]): string[] {
  return [...postIds.map(commentsTag), COMMENT_FEED];
}

const actorOf = (actor: AuditActor) => ({ userId: actor.userId, actor: actor.actor });

export interface CommentEdit {
  name: string;
  email: string;
  url: string;
  body: string;
}

/** Saves a moderator's edit. Throws VALIDATION with field messages. */
export async function editComment(deps: CommentDeps, id: number, edit: CommentEdit, actor: AuditActor): Promise<void> {
  const value = { name: cleanLine(edit.name), email: cleanLine(edit.email).toLowerCase(), url: cleanLine(edit.url), body: cleanText(edit.body).trim() };
  const fields: Record<string, string> = {};
  if (!value.name || value.name.length > 100) fields.name = 'Enter a name of up to 100 characters';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.email)) fields.email = 'Enter an email address';
  if (value.url && !safeUrl(value.url)) fields.url = 'Enter an http:// or https:// address, or nothing';
  if (!value.body) fields.body = 'The comment cannot be empty';
  if (Object.keys(fields).length) throw new AppError('VALIDATION', { fields });
  const now = deps.clock.now();
  const post = await deps.db.selectFrom('comments').select('post_id').where('id', '=', id).executeTakeFirst();
  await thenInvalidate(deps, threadTags(post ? [post.post_id] : []), deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('comments')
      .set({ author_name: value.name, author_email: value.email, author_url: value.url ? safeUrl(value.url) : '', body: value.body, body_hash: bodyHash(value.body), edited_at: now.toISOString() })
      .where('id', '=', id).execute();
    await recordAudit(trx, { action: 'comment.edit', subject: `comment:${id}`, ...actorOf(actor) }, now);
  }));
}

/**
 * A staff reply from the admin: published at once, in the staff user's name. Returns its id.
 * Answering a pending comment approves it too (as WordPress does), so the reply never shows
 * under a comment readers cannot see; a comment in spam or trash must be restored first.
 */
export async function replyAsStaff(
  deps: CommentDeps, parentId: number, body: string, user: { id: number; name: string; email: string }, actor: AuditActor,
): Promise<number> {
  const text = cleanText(body).trim();
  if (!text) throw new AppError('VALIDATION', { fields: { reply: 'Write the reply' } });
  const [parent, settings] = await Promise.all([
    deps.db.selectFrom('comments').select(['id', 'post_id', 'depth', 'status']).where('id', '=', parentId).executeTakeFirst(),
    loadSettings(deps.db),
  ]);
  if (!parent) throw new AppError('NOT_FOUND');
  if (parent.status === 'spam' || parent.status === 'trash') {
    throw new AppError('VALIDATION', { fields: { reply: 'Approve this comment before replying: readers cannot see it' } });
  }
  const now = deps.clock.now();
  const at = now.toISOString();
  return thenInvalidate(deps, threadTags([parent.post_id]), deps.db.transaction().execute(async (trx) => {
    if (parent.status === 'pending') {
      await trx.updateTable('comments').set({ status: 'approved', approved_at: at }).where('id', '=', parent.id).execute();
      await recordAudit(trx, { action: 'comment.approve', subject: `comment:${parent.id}`, ...actorOf(actor), details: { ids: [parent.id], changed: 1 } }, now);
    }
    const row = await trx.insertInto('comments').values({
      post_id: parent.post_id, parent_id: parent.id, depth: Math.min(parent.depth + 1, settings.comments.threadDepth), user_id: user.id,
      author_name: user.name, author_email: user.email, body: text, status: 'approved', created_at: at, approved_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    await queueReplyNotices(trx, await mailContext(trx, now), parent.status === 'pending' ? [parent.id, row.id] : [row.id]);
    await recordAudit(trx, { action: 'comment.reply', subject: `comment:${row.id}`, ...actorOf(actor), details: { parentId } }, now);
    return row.id;
  }));
}

/** Blocks the email or IP of a comment (the IP by its hash, so it works after erasure). */
export async function blockCommenter(deps: CommentDeps, id: number, kind: 'email' | 'ip', actor: AuditActor): Promise<void> {
  const row = await deps.db.selectFrom('comments').select(['author_email', 'ip_hash']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const value = kind === 'email' ? row.author_email : row.ip_hash;
  if (!value) throw new AppError('VALIDATION', { fields: { block: 'Nothing to block' } });
  await saveBlock(deps, { kind, value, note: `from comment ${id}` }, actor);
}

/** Adds a typed blocklist entry; an IP is stored as its keyed hash. */
export async function addBlockEntry(deps: CommentDeps, entry: { kind: CommentBlockKind; value: string }, actor: AuditActor): Promise<void> {
  const raw = cleanLine(entry.value).toLowerCase();
  if (!raw || raw.length > 200) throw new AppError('VALIDATION', { fields: { value: 'Enter a word, an email, @domain or an IP address' } });
  const value = entry.kind === 'ip' ? hashIp(await commentSecret(deps.db), raw) : raw;
  await saveBlock(deps, { kind: entry.kind, value, note: entry.kind === 'ip' ? `IP typed in` : '' }, actor);
}

async function saveBlock(deps: CommentDeps, entry: { kind: CommentBlockKind; value: string; note: string }, actor: AuditActor) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await addBlock(trx, entry, now);
    await recordAudit(trx, { action: 'comment.block', subject: `block:${entry.kind}`, ...actorOf(actor), details: { note: entry.note } }, now);
  });
}

export async function deleteBlockEntry(deps: CommentDeps, id: number, actor: AuditActor): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('comment_blocks').where('id', '=', id).execute();
    await recordAudit(trx, { action: 'comment.unblock', subject: `block:${id}`, ...actorOf(actor) }, now);
  });
}
