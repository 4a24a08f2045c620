import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect/types.js';

/**
 * Two lookups every posted comment makes, which read more rows the more comments a post holds.
 *
 * - Where the new comment lands (its page of threads) needs only each shown comment's id and
 *   parent: (post_id, status, id, parent_id) answers that from the index alone, and serves every
 *   query (post_id, status, id) served, so it replaces that one.
 * - The duplicate check ("same email, same words, same post") read the text of every comment the
 *   address had left anywhere. `body_hash` is a 32-bit hash of the text (features/comments
 *   `bodyHash`), set when a reader's comment is stored or edited, and indexed with the post and
 *   the address, so the check reads the rows whose text may match. It is a lookup key, never
 *   proof: the check still compares the text. Null for comments stored before (and imported or
 *   written by staff): the check compares those by text too, so no hash needs computing here.
 */
export function commentsPostLookups(_d: DialectHelpers) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('comments_post_status_parent').on('comments').columns(['post_id', 'status', 'id', 'parent_id']).execute();
      await db.schema.dropIndex('comments_post_status').execute();
      await db.schema.alterTable('comments').addColumn('body_hash', 'integer').execute();
      await db.schema.createIndex('comments_post_email_hash').on('comments').columns(['post_id', 'author_email', 'body_hash']).execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('comments_post_email_hash').execute();
      await db.schema.alterTable('comments').dropColumn('body_hash').execute();
      await db.schema.createIndex('comments_post_status').on('comments').columns(['post_id', 'status', 'id']).execute();
      await db.schema.dropIndex('comments_post_status_parent').execute();
    },
  };
}
