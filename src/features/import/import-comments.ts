import type { Transaction } from 'kysely';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import type { CommentKind, CommentState, DB } from '../../storage/schema.js';
import { cleanText, hashIp, safeUrl } from '../comments/index.js';
import { remember } from './import-map.js';
import type { RunContext } from './run-context.js';
import { count, warn } from './summary.js';
import { wpInstant } from './wp-dates.js';
import type { WxrComment } from './wxr-records.js';

const STATES: Record<string, CommentState> = { '1': 'approved', approve: 'approved', '0': 'pending', hold: 'pending', spam: 'spam', trash: 'trash', 'post-trashed': 'trash' };

/**
 * The comments of one post, in the caller's transaction: replies after their parents (whatever
 * the file's order), each remembered in the import map so a second run adds only new ones.
 * Emails are kept as they are private everywhere; IP addresses are kept only as the comments
 * feature's keyed hash, never raw.
 */
export async function importComments(trx: Transaction<DB>, ctx: RunContext, comments: WxrComment[], postId: number, label: string, now: string, newPost = false): Promise<void> {
  const local = new Map<string, { id: number; depth: number }>();
  // A post written in this very transaction has no comments mapped yet: no need to look.
  const known = newPost ? new Map<string, number>() : await mappedComments(trx, ctx, comments);
  for (const c of parentsFirst(comments)) {
    const kind: CommentKind = c.type === 'pingback' || c.type === 'trackback' ? c.type : 'comment';
    if (kind !== 'comment' && ctx.skipPings) {
      count(ctx.summary.skipped, kind);
      continue;
    }
    const parent = c.parent && c.parent !== '0' ? local.get(c.parent) : undefined;
    const mapped = known.get(c.id);
    if (mapped !== undefined) {
      local.set(c.id, { id: mapped, depth: parent ? parent.depth + 1 : 1 });
      count(ctx.summary.alreadyThere, kind);
      continue;
    }
    let status = STATES[c.approved];
    if (!status) {
      warn(ctx.summary, `${label}, comment ${c.id}`, `unknown comment status “${c.approved}”: imported as pending`);
      status = 'pending';
    }
    const createdAt = wpInstant(c.dateGmt, c.date, ctx.settings.timeZone) ?? now;
    const { id } = await trx
      .insertInto('comments')
      .values({
        post_id: postId,
        parent_id: parent?.id ?? null,
        depth: parent ? parent.depth + 1 : 1,
        author_name: cleanText(c.author).replace(/\s+/g, ' ').trim().slice(0, 200) || 'Anonymous',
        author_email: c.email.trim().toLowerCase().slice(0, 320),
        author_url: safeUrl(c.url),
        body: commentText(c.content),
        status,
        created_at: createdAt,
        approved_at: status === 'approved' ? createdAt : null,
        ip_hash: c.ip ? hashIp(ctx.commentSecret, c.ip) : '',
        kind,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await remember(trx, ctx.source, 'comment', c.id, id, now);
    local.set(c.id, { id, depth: parent ? parent.depth + 1 : 1 });
    count(ctx.summary.imported, kind);
  }
}

/** Which of these comments an earlier run imported: comment id → local id, in one query per 500. */
async function mappedComments(trx: Transaction<DB>, ctx: RunContext, comments: WxrComment[]): Promise<Map<string, number>> {
  const known = new Map<string, number>();
  for (let i = 0; i < comments.length; i += 500) {
    const ids = comments.slice(i, i + 500).map((c) => c.id);
    const rows = await trx
      .selectFrom('import_map')
      .select(['source_id', 'local_id'])
      .where('source', '=', ctx.source)
      .where('kind', '=', 'comment')
      .where('source_id', 'in', ids)
      .execute();
    for (const row of rows) known.set(row.source_id, row.local_id);
  }
  return known;
}

/** Comments ordered so that every parent comes before its replies; orphans keep their place. */
function parentsFirst(comments: WxrComment[]): WxrComment[] {
  const ids = new Set(comments.map((c) => c.id));
  const done = new Set<string>();
  const out: WxrComment[] = [];
  let pending = comments;
  while (pending.length) {
    const ready = pending.filter((c) => !c.parent || c.parent === '0' || !ids.has(c.parent) || done.has(c.parent));
    const batch = ready.length ? ready : pending; // a cycle: take the rest as they are
    for (const c of batch) {
      out.push(c);
      done.add(c.id);
    }
    pending = pending.filter((c) => !done.has(c.id));
  }
  return out;
}

/** A WordPress comment (a little HTML) as the plain text Broadside stores: paragraphs and line breaks kept. */
function commentText(content: string): string {
  const html = content.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>\s*/gi, '\n\n').replace(/<a\s[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/gi, (_m, href: string, text: string) => (text.trim() === href.trim() ? href : `${text} (${href})`));
  return cleanText(textContent(parseDocument(html, { decodeEntities: true }))).replace(/\n{3,}/g, '\n\n').trim();
}
