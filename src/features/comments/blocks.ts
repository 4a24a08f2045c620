import type { Kysely } from 'kysely';
import type { CommentBlockKind, DB } from '../../storage/schema.js';

/**
 * The moderators' blocklist. A word matches anywhere in the name, email, URL or text (case
 * aside); an email matches exactly, or `@example.com` matches that domain; an IP is stored and
 * matched as its keyed hash (see secret.ts), so blocks outlive the erasure of raw IPs.
 */

/** The reason a comment matches the blocklist ("blocked email"), or null. */
export async function matchBlocks(
  db: Kysely<DB>,
  comment: { name: string; email: string; url: string; body: string; ipHash: string },
): Promise<string | null> {
  const blocks = await db.selectFrom('comment_blocks').select(['kind', 'value']).execute();
  const haystack = `${comment.name}\n${comment.email}\n${comment.url}\n${comment.body}`.toLowerCase();
  const domain = comment.email.slice(comment.email.lastIndexOf('@'));
  for (const block of blocks) {
    const value = block.value.toLowerCase();
    if (block.kind === 'word' && value && haystack.includes(value)) return 'blocked word';
    if (block.kind === 'email' && (value === comment.email || (value.startsWith('@') && value === domain))) return 'blocked email';
    if (block.kind === 'ip' && block.value === comment.ipHash) return 'blocked IP';
  }
  return null;
}

/** Adds an entry (an existing one is kept as is). `value` must already be normalised / hashed. */
export async function addBlock(db: Kysely<DB>, entry: { kind: CommentBlockKind; value: string; note?: string }, now: Date): Promise<void> {
  await db
    .insertInto('comment_blocks')
    .values({ kind: entry.kind, value: entry.value, note: entry.note ?? '', created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
    .execute();
}

export async function removeBlock(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('comment_blocks').where('id', '=', id).execute();
}
