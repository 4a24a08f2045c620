import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect/types.js';

/**
 * The archive index: `posts_local_date` (status, local_year, local_month, local_day,
 * published_at) widened with `language` and `deleted_at`, so every archive and sidebar query
 * (the monthly list, the days of one month, the previous and next month with posts, the count
 * of one date archive, narrowed to one language or not) reads the index alone and never the
 * table. It replaces `posts_local_date`, of which it is a superset with the same leading columns,
 * so writes keep one index to maintain, not two.
 */
export function archiveIndexes(_helpers: DialectHelpers) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createIndex('posts_archive')
        .on('posts')
        .columns(['status', 'local_year', 'local_month', 'local_day', 'published_at', 'language', 'deleted_at'])
        .execute();
      await db.schema.dropIndex('posts_local_date').execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema
        .createIndex('posts_local_date')
        .on('posts')
        .columns(['status', 'local_year', 'local_month', 'local_day', 'published_at'])
        .execute();
      await db.schema.dropIndex('posts_archive').execute();
    },
  };
}
