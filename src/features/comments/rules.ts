import type { Kysely, Transaction } from 'kysely';
import { COMMENT_FEED, commentsTag, type Invalidator } from '../cache/index.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { randomToken } from '../../lib/tokens.js';
import type { DB } from '../../storage/schema.js';
import { hitLimitIn } from '../rate-limits/index.js';
import { loadSettings, type Settings } from '../site/index.js';
import { matchBlocks } from './blocks.js';
import type { CommentDraft, CommentState, SubmitOutcome, Visitor } from './model.js';
import { type MailContext, queueModeratorAlerts, queueReplyNotices, queueSubscriptionConfirmation, tokenHash } from './notifications.js';
import { commentSecret, formTokenAge, hashIp, sign } from './secret.js';
import { bodyHash, type CommentablePost, findCommentablePost, findReplyTarget, isDuplicate, isKnownCommenter } from './storage.js';
import { cleanLine, cleanText, countLinks, safeUrl } from './text.js';

/**
 * The rules of a reader's comment, from form to row. Stable error codes (views map them to the
 * catalogue's words in the post's language) come back as AppError('VALIDATION', { fields }),
 * or AppError('RATE_LIMITED', { fields }) when a limit is passed; the form shows them by the field.
 * Robots (honeypot, forged form token) and blocklisted senders are not told: their comment is
 * stored as spam and they are answered like anyone else.
 */

export interface CommentDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Told after a change readers can see commits (an approved comment). */
  invalidator?: Invalidator | undefined;
}

export type CommentErrorCode =
  | 'nameRequired' | 'nameTooLong' | 'emailInvalid' | 'urlInvalid' | 'bodyRequired' | 'bodyTooLong'
  | 'tooFast' | 'duplicate' | 'rateLimited' | 'replyUnavailable';

export type CommentSettings = Settings['comments'];

/** Whether readers may comment on the post now: open, and not past the automatic closing age. */
export function commentsOpen(post: Pick<CommentablePost, 'commentStatus' | 'publishedAt'>, settings: CommentSettings, now: Date): boolean {
  if (post.commentStatus !== 'open') return false;
  if (settings.closeCommentsAfterDays === 0) return true;
  return now.getTime() - Date.parse(post.publishedAt) < settings.closeCommentsAfterDays * 86_400_000;
}

interface Cleaned {
  name: string;
  email: string;
  url: string;
  body: string;
}

/** Cleans a draft's text and checks each field; returns the cleaned values and the errors. */
export function checkFields(draft: CommentDraft, settings: CommentSettings): { value: Cleaned; errors: Record<string, CommentErrorCode> } {
  const value = {
    name: cleanLine(draft.name),
    email: cleanLine(draft.email).toLowerCase(),
    url: cleanLine(draft.url),
    body: cleanText(draft.body).trim(),
  };
  const errors: Record<string, CommentErrorCode> = {};
  if (!value.name) errors.name = 'nameRequired';
  else if (value.name.length > 100) errors.name = 'nameTooLong';
  if (value.email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.email)) errors.email = 'emailInvalid';
  if (value.url) {
    const url = safeUrl(value.url);
    if (!url || url.length > 500) errors.url = 'urlInvalid';
    else value.url = url;
  }
  if (!value.body) errors.body = 'bodyRequired';
  else if (value.body.length > settings.commentMaxLength) errors.body = 'bodyTooLong';
  return { value, errors };
}

const HOUR_MS = 3_600_000;

/** What `submitComment` answers: the comment's fate, its post, and what it read on the way. */
export type SubmitResult = SubmitOutcome & { post: CommentablePost; settings: Settings; secret: string };

/**
 * Stores a reader's comment and says what became of it. Throws NOT_FOUND for a post readers
 * cannot see, FORBIDDEN when its comments are closed, VALIDATION / RATE_LIMITED as above.
 * The rate-limit hits, the checks that read what is stored and the comment itself share one
 * transaction (one commit); a refusal commits its hits before it is thrown.
 */
export async function submitComment(deps: CommentDeps, draft: CommentDraft, visitor: Visitor): Promise<SubmitResult> {
  const now = deps.clock.now();
  const [settings, secret, post] = await Promise.all([
    loadSettings(deps.db), commentSecret(deps.db), findCommentablePost(deps.db, draft.postId, now.toISOString()),
  ]);
  if (!post) throw new AppError('NOT_FOUND');
  const rules = settings.comments;
  if (!commentsOpen(post, rules, now)) throw new AppError('FORBIDDEN', { reason: 'comments closed' });
  const { value, errors } = checkFields(draft, rules);
  const parent = draft.parentId === null ? null : await findReplyTarget(deps.db, post.id, draft.parentId);
  if (draft.parentId !== null && (!parent || parent.depth >= rules.threadDepth)) errors.body ??= 'replyUnavailable';
  const age = formTokenAge(secret, draft.formToken, post.id, now);
  if (age !== null && age < rules.minSubmitSeconds * 1000) errors.body ??= 'tooFast';
  if (Object.keys(errors).length) throw new AppError('VALIDATION', { fields: errors });

  const ipHash = hashIp(secret, visitor.ip);
  const emailHash = sign(secret, 'email', value.email);
  const token = draft.notifyReplies ? randomToken(24) : null;
  const mail: MailContext = { baseUrl: settings.baseUrl, siteTitle: settings.title, secret, now };
  const stored = await deps.db.transaction().execute(async (trx) => {
    const limited = await hitRateLimits(trx, { ipHash, emailHash }, rules, now);
    if (limited) return limited;
    if (rules.refuseDuplicates && (await isDuplicate(trx, post.id, value.email, value.body))) {
      return new AppError('VALIDATION', { fields: { body: 'duplicate' } });
    }
    const spamReason = rules.honeypot && draft.trap ? 'honeypot' : age === null ? 'form token' : await matchBlocks(trx, { ...value, ipHash });
    const status: CommentState = spamReason
      ? 'spam'
      : countLinks(value.body) > rules.maxLinks
        ? 'pending'
        : rules.autoApproveKnown && (await isKnownCommenter(trx, value.email)) ? 'approved' : 'pending';
    const id = await storeComment(trx, { post, parent, value, status, spamReason, ipHash, visitor, token: status === 'spam' ? null : token, mail });
    return { id, status };
  });
  if (stored instanceof AppError) throw stored;
  if (stored.status === 'approved') await deps.invalidator?.invalidate([commentsTag(post.id), COMMENT_FEED]);
  return { ...stored, post, settings, secret };
}

interface NewComment {
  post: CommentablePost;
  parent: { id: number; depth: number } | null | undefined;
  value: Cleaned;
  status: CommentState;
  spamReason: string | null;
  ipHash: string;
  visitor: Visitor;
  /** The reply-notification confirmation token, when asked for (never for spam). */
  token: string | null;
  mail: MailContext;
}

/** Inserts the comment and queues its mail, in the caller's transaction; returns its id. */
async function storeComment(trx: Transaction<DB>, c: NewComment): Promise<number> {
  const at = c.mail.now.toISOString();
  const { token } = c;
  const row = await trx
    .insertInto('comments')
    .values({
      post_id: c.post.id, parent_id: c.parent?.id ?? null, depth: c.parent ? c.parent.depth + 1 : 1,
      author_name: c.value.name, author_email: c.value.email, author_url: c.value.url, body: c.value.body, body_hash: bodyHash(c.value.body),
      status: c.status, spam_reason: c.spamReason ?? '', created_at: at, approved_at: c.status === 'approved' ? at : null,
      ip_hash: c.ipHash, ip: c.visitor.ip, user_agent: c.visitor.userAgent.slice(0, 300),
      notify_replies: token ? 1 : 0, notify_token_hash: token ? tokenHash(token) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (c.status === 'pending') {
    await queueModeratorAlerts(trx, c.mail, { id: row.id, authorName: c.value.name, body: c.value.body, postTitle: c.post.title });
  }
  if (token) await queueSubscriptionConfirmation(trx, c.mail, { id: row.id, email: c.value.email, postTitle: c.post.title }, token);
  if (c.status === 'approved') await queueReplyNotices(trx, c.mail, [row.id]);
  return row.id;
}

/**
 * Counts the hit on both limits, keyed by hashes: the rate-limit table never holds a commenter's
 * address (nor their IP). The RATE_LIMITED error to throw once committed, or null.
 */
async function hitRateLimits(trx: Transaction<DB>, who: { ipHash: string; emailHash: string }, rules: CommentSettings, now: Date): Promise<AppError | null> {
  const byIp = await hitLimitIn(trx, `comment:ip:${who.ipHash}`, { limit: rules.perIpPerHour, windowMs: HOUR_MS }, now);
  const byEmail = await hitLimitIn(trx, `comment:email:${who.emailHash}`, { limit: rules.perEmailPerHour, windowMs: HOUR_MS }, now);
  if (byIp.allowed && byEmail.allowed) return null;
  return new AppError('RATE_LIMITED', { fields: { body: 'rateLimited' }, retryAfter: Math.max(byIp.retryAfter, byEmail.retryAfter) });
}
