import type { Kysely } from 'kysely';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { DB } from '../../storage/schema.js';
import { hitLimit } from '../rate-limits/index.js';
import { loadSettings, type Settings } from '../site/index.js';
import { matchBlocks } from './blocks.js';
import type { CommentDraft, CommentState, SubmitOutcome, Visitor } from './model.js';
import { commentSecret, formTokenAge, hashIp } from './secret.js';
import { type CommentablePost, findCommentablePost, findReplyTarget, isDuplicate, isKnownCommenter } from './storage.js';
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

/**
 * Stores a reader's comment and says what became of it. Throws NOT_FOUND for a post readers
 * cannot see, FORBIDDEN when its comments are closed, VALIDATION / RATE_LIMITED as above.
 */
export async function submitComment(deps: CommentDeps, draft: CommentDraft, visitor: Visitor): Promise<SubmitOutcome & { post: CommentablePost }> {
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
  await checkRateLimits(deps, { ipHash, email: value.email }, rules, now);
  if (await isDuplicate(deps.db, post.id, value.email, value.body)) throw new AppError('VALIDATION', { fields: { body: 'duplicate' } });

  const spamReason = draft.trap ? 'honeypot' : age === null ? 'form token' : await matchBlocks(deps.db, { ...value, ipHash });
  const status: CommentState = spamReason
    ? 'spam'
    : countLinks(value.body) > rules.maxLinks
      ? 'pending'
      : rules.autoApproveKnown && (await isKnownCommenter(deps.db, value.email)) ? 'approved' : 'pending';
  const at = now.toISOString();
  const row = await deps.db
    .insertInto('comments')
    .values({
      post_id: post.id, parent_id: parent?.id ?? null, depth: parent ? parent.depth + 1 : 1,
      author_name: value.name, author_email: value.email, author_url: value.url, body: value.body,
      status, spam_reason: spamReason ?? '', created_at: at, approved_at: status === 'approved' ? at : null,
      ip_hash: ipHash, ip: visitor.ip, user_agent: visitor.userAgent.slice(0, 300),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, status, post };
}

async function checkRateLimits(deps: CommentDeps, who: { ipHash: string; email: string }, rules: CommentSettings, now: Date) {
  const [byIp, byEmail] = await Promise.all([
    hitLimit(deps.db, `comment:ip:${who.ipHash}`, { limit: rules.perIpPerHour, windowMs: HOUR_MS }, now),
    hitLimit(deps.db, `comment:email:${who.email}`, { limit: rules.perEmailPerHour, windowMs: HOUR_MS }, now),
  ]);
  if (!byIp.allowed || !byEmail.allowed) {
    throw new AppError('RATE_LIMITED', { fields: { body: 'rateLimited' }, retryAfter: Math.max(byIp.retryAfter, byEmail.retryAfter) });
  }
}
