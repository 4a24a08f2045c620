import type { Kysely } from 'kysely';
import { safeEqual, sha256 } from '../../lib/tokens.js';
import type { DB } from '../../storage/schema.js';
import { queueMail } from '../mail/index.js';
import { loadSettings } from '../site/index.js';
import { commentSecret, sign } from './secret.js';

/**
 * Comment mail, queued in the outbox inside the transaction of the change that causes it, with
 * idempotency keys so one event never mails twice: moderators hear of comments awaiting them;
 * a commenter who ticked "notify me of replies" gets a confirmation link first (double opt-in),
 * then one mail per approved reply, each with a one-click unsubscribe link in its text and in its
 * `List-Unsubscribe` header, with `List-Unsubscribe-Post` so mail clients can unsubscribe with one
 * POST (RFC 8058).
 */

export interface MailContext {
  baseUrl: string;
  siteTitle: string;
  secret: string;
  now: Date;
}

/** The signature in an unsubscribe link: only mail we sent can carry it. */
export const unsubscribeSignature = (secret: string, commentId: number): string => sign(secret, 'unsubscribe', String(commentId));

function unsubscribeLink(ctx: MailContext, commentId: number): string {
  return `${ctx.baseUrl}/comments/unsubscribe/?c=${commentId}&s=${unsubscribeSignature(ctx.secret, commentId)}`;
}

/** The RFC 8058 one-click headers: the link (which carries its own proof) and the POST it takes. */
function oneClickHeaders(link: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** Tells every editor and admin that comment `id` awaits moderation. */
export async function queueModeratorAlerts(
  db: Kysely<DB>, ctx: MailContext, comment: { id: number; authorName: string; body: string; postTitle: string },
): Promise<void> {
  const moderators = await db.selectFrom('users').select(['id', 'email'])
    .where('role', 'in', ['editor', 'admin']).where('disabled_at', 'is', null).execute();
  for (const moderator of moderators) {
    await queueMail(db, {
      to: moderator.email,
      subject: `[${ctx.siteTitle}] A comment awaits moderation on “${oneLine(comment.postTitle)}”`,
      text: `${comment.authorName} wrote:\n\n${comment.body.slice(0, 2000)}\n\nModerate it: ${ctx.baseUrl}/admin/comments/${comment.id}\n`,
      idempotencyKey: `comment:${comment.id}:moderate:${moderator.id}`,
    }, ctx.now);
  }
}

/** Asks the commenter to confirm reply notifications; `token` is stored only as its hash. */
export async function queueSubscriptionConfirmation(
  db: Kysely<DB>, ctx: MailContext, comment: { id: number; email: string; postTitle: string }, token: string,
): Promise<void> {
  await queueMail(db, {
    to: comment.email,
    subject: `[${ctx.siteTitle}] Confirm reply notifications`,
    text: `You asked to hear of replies to your comment on “${oneLine(comment.postTitle)}”.\n\nConfirm: ${ctx.baseUrl}/comments/confirm/?c=${comment.id}&t=${token}\n\nIf this was not you, ignore this mail: nothing will be sent.\n`,
    idempotencyKey: `comment:${comment.id}:confirm`,
  }, ctx.now);
}

export const tokenHash = sha256;

/**
 * For each newly approved reply, mails the author of the comment it answers when they confirmed
 * reply notifications (and did not write the reply themselves).
 */
export async function queueReplyNotices(db: Kysely<DB>, ctx: MailContext, replyIds: number[]): Promise<void> {
  if (replyIds.length === 0) return;
  const rows = await db
    .selectFrom('comments as reply')
    .innerJoin('comments as parent', 'parent.id', 'reply.parent_id')
    .innerJoin('posts', 'posts.id', 'reply.post_id')
    .select(['reply.id as replyId', 'reply.author_name as replyName', 'reply.author_email as replyEmail', 'reply.body as replyBody',
      'parent.id as parentId', 'parent.author_email as parentEmail', 'posts.title as postTitle'])
    .where('reply.id', 'in', replyIds).where('reply.status', '=', 'approved')
    .where('parent.notify_replies', '=', 1).where('parent.notify_confirmed_at', 'is not', null)
    .execute();
  for (const row of rows) {
    if (!row.parentEmail || row.parentEmail === row.replyEmail) continue;
    const unsubscribeUrl = unsubscribeLink(ctx, row.parentId);
    await queueMail(db, {
      to: row.parentEmail,
      subject: `[${ctx.siteTitle}] ${oneLine(row.replyName)} replied to your comment`,
      text: `${row.replyName} replied to your comment on “${oneLine(row.postTitle)}”:\n\n${row.replyBody.slice(0, 2000)}\n\n`
        + `Read it: ${ctx.baseUrl}/comments/${row.replyId}/\n\nStop these mails (one click): ${unsubscribeUrl}\n`,
      headers: oneClickHeaders(unsubscribeUrl),
      idempotencyKey: `comment:${row.replyId}:reply-to:${row.parentId}`,
    }, ctx.now);
  }
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').slice(0, 120);

/** The mail context from the stored settings and secret. */
export async function mailContext(db: Kysely<DB>, now: Date): Promise<MailContext> {
  const [settings, secret] = await Promise.all([loadSettings(db), commentSecret(db)]);
  return { baseUrl: settings.baseUrl, siteTitle: settings.title, secret, now };
}

/** Confirms reply notifications for a comment (double opt-in). False for a wrong or used token. */
export async function confirmSubscription(db: Kysely<DB>, commentId: number, token: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('comments').set({ notify_confirmed_at: now.toISOString() })
    .where('id', '=', commentId).where('notify_replies', '=', 1).where('notify_token_hash', '=', tokenHash(token))
    .where('notify_confirmed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stops reply notifications for a comment when the signature is ours. False otherwise. */
export async function unsubscribe(db: Kysely<DB>, commentId: number, signature: string): Promise<boolean> {
  const secret = await commentSecret(db);
  if (!safeEqual(unsubscribeSignature(secret, commentId), signature)) return false;
  await db.updateTable('comments').set({ notify_replies: 0, notify_confirmed_at: null, notify_token_hash: null }).where('id', '=', commentId).execute();
  return true;
}
