import type { Kysely } from 'kysely';
import { COMMENT_FEED, commentsTag, thenInvalidate } from '../cache/index.js';
import { sha256 } from '../../lib/tokens.js';
import type { DB } from '../../storage/schema.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import type { CommentDeps } from './rules.js';

/**
 * Privacy requests about one commenter's email address: everything stored about it, as JSON,
 * and its erasure (comments anonymised or deleted). The audit log records a hash of the
 * address, never the address, so the log does not undo the erasure.
 */

const subjectOf = (address: string) => `commenter:${sha256(address).slice(0, 16)}`;

/**
 * The comment mail in the outbox (queued, or sent and kept a while) that names the commenter:
 * mail to the address (confirmations, reply notices) and moderators' alerts about their
 * comments `ids` (which quote their name and text).
 */
async function commentMailAbout(db: Kysely<DB>, address: string, ids: number[]) {
  const rows = await db.selectFrom('outbox').select(['id', 'idempotency_key', 'payload', 'created_at', 'sent_at'])
    .where('kind', '=', 'mail').where('idempotency_key', 'like', 'comment:%').orderBy('id').execute();
  const mine = new Set(ids);
  return rows.flatMap((row) => {
    const payload = JSON.parse(row.payload) as { to: string; subject: string };
    const alert = /^comment:(\d+):moderate:/.exec(row.idempotency_key);
    const about = payload.to.toLowerCase() === address || (alert !== null && mine.has(Number(alert[1])));
    return about ? [{ id: row.id, to: payload.to, subject: payload.subject, createdAt: row.created_at, sentAt: row.sent_at }] : [];
  });
}

/**
 * Everything stored about an email: its comments with every column, and blocklist entries
 * naming it. The export itself is recorded in the audit log (by the address's hash).
 */
export async function exportCommenter(deps: CommentDeps, email: string, actor: AuditActor): Promise<Record<string, unknown>> {
  const address = email.trim().toLowerCase();
  const db = deps.db;
  await recordAudit(db, { action: 'comment.export', subject: subjectOf(address), userId: actor.userId, actor: actor.actor }, deps.clock.now());
  const [comments, blocks] = await Promise.all([
    db.selectFrom('comments')
      .select(['id', 'post_id', 'parent_id', 'author_name', 'author_email', 'author_url', 'body', 'status', 'created_at',
        'approved_at', 'edited_at', 'ip', 'ip_hash', 'user_agent', 'notify_replies', 'notify_confirmed_at'])
      .where('author_email', '=', address).orderBy('id').execute(),
    db.selectFrom('comment_blocks').select(['kind', 'value', 'created_at']).where('kind', '=', 'email').where('value', '=', address).execute(),
  ]);
  const mail = (await commentMailAbout(db, address, comments.map((c) => c.id))).map(({ id: _id, ...rest }) => rest);
  return { email: address, comments, blocks, mail };
}

export type ErasureMode = 'anonymise' | 'delete';

/**
 * Erases an email's data: `anonymise` keeps the text under the name "Anonymous" with email,
 * website, IP, IP hash and user agent cleared and notifications off; `delete` removes the
 * comments (replies to them stay, as threads of their own). Either way the comment mail naming
 * them leaves the outbox. Blocklist entries stay (a block is kept for abuse handling). Returns
 * how many comments changed.
 */
export async function eraseCommenter(deps: CommentDeps, email: string, mode: ErasureMode, actor: AuditActor): Promise<number> {
  const address = email.trim().toLowerCase();
  const now = deps.clock.now();
  // Their names and words leave the cached pages of every article they commented on at once.
  const theirs = await deps.db.selectFrom('comments').select(['id', 'post_id']).where('author_email', '=', address).execute();
  const tags = [...new Set(theirs.map((c) => c.post_id))].map(commentsTag).concat(COMMENT_FEED);
  return thenInvalidate(deps, tags, deps.db.transaction().execute(async (trx) => {
    // Mail to them, or quoting them, is not kept for the sent-mail period either (nor sent, if queued).
    const mail = await commentMailAbout(trx, address, theirs.map((c) => c.id));
    if (mail.length) await trx.deleteFrom('outbox').where('id', 'in', mail.map((m) => m.id)).execute();
    const result = mode === 'delete'
      ? await trx.deleteFrom('comments').where('author_email', '=', address).executeTakeFirst()
      : await trx.updateTable('comments').set({
          author_name: 'Anonymous', author_email: '', author_url: '', ip: null, ip_hash: '', user_agent: '',
          notify_replies: 0, notify_token_hash: null, notify_confirmed_at: null,
        }).where('author_email', '=', address).executeTakeFirst();
    const changed = Number('numDeletedRows' in result ? result.numDeletedRows : result.numUpdatedRows);
    await recordAudit(trx, {
      action: `comment.erase_${mode}`, subject: subjectOf(address), userId: actor.userId, actor: actor.actor, details: { comments: changed },
    }, now);
    return changed;
  }));
}
