import { type Kysely, sql } from 'kysely';
import type { DialectHelpers } from '../dialect/types.js';

/**
 * The IP retention sweep (comments/retention.ts) runs every 15 seconds and asks for comments
 * that still hold an address and are older than the retention period. Through the index on
 * created_at alone it walked every comment older than that, addresses erased long ago included:
 * 5–6 s per run on a site with a million such comments, blocking SQLite's only connection. An
 * index of just the comments that still hold an address keeps each run to the rows it changes.
 */
export function commentsIpRetention(_d: DialectHelpers) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('comments_ip_created').on('comments').column('created_at').where(sql.ref('ip'), 'is not', null).execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('comments_ip_created').execute();
    },
  };
}
