import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect/types.js';

/**
 * "Has a moderator approved this address before?" (`author_email = ? and status = 'approved'`)
 * runs on every comment posted. With only an index on the email beside one on (status, id),
 * SQLite chose the status index and walked the approved comments looking for the address:
 * 400 ms a comment on a site with 900,000 approved ones. One index on both columns serves that
 * question and every lookup by email alone, so it replaces the email-only one.
 */
export function commentsEmailStatus(_d: DialectHelpers) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('comments_email_status').on('comments').columns(['author_email', 'status']).execute();
      await db.schema.dropIndex('comments_author_email').execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('comments_author_email').on('comments').column('author_email').execute();
      await db.schema.dropIndex('comments_email_status').execute();
    },
  };
}
