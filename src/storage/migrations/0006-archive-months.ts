import { type Kysely, sql } from 'kysely';
import type { DialectHelpers } from '../dialect/types.js';

/**
 * `archive_months`: how many posts each month has, per language, in the site's time zone (the
 * posts' `local_year` and `local_month`). It counts the posts that are published and not in the
 * trash, whatever their `published_at`; readers subtract the few published posts whose time has
 * not come yet, so the table never depends on the clock. That correction seeks
 * `posts_published`, which replaces `posts_status_published` (status, published_at) with the same
 * leading columns widened by what the correction reads, so the seek never touches the table and
 * SQLite prefers it to the archive index (which it would otherwise walk whole). `features/posts/month-counts.ts` keeps it equal to a fresh `count(*)` in the same
 * transaction as every change to posts; a month whose count falls to zero loses its row.
 * `up` fills it from the posts already there.
 */
export function archiveMonths(_helpers: DialectHelpers) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('archive_months')
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('month', 'integer', (c) => c.notNull())
        .addColumn('posts', 'integer', (c) => c.notNull().check(sql`posts > 0`))
        .addPrimaryKeyConstraint('archive_months_pkey', ['language', 'year', 'month'])
        .execute();
      await db.schema.createIndex('archive_months_year_month').on('archive_months').columns(['year', 'month']).execute();
      await db.schema
        .createIndex('posts_published')
        .on('posts')
        .columns(['status', 'published_at', 'deleted_at', 'language', 'local_year', 'local_month'])
        .execute();
      await db.schema.dropIndex('posts_status_published').execute();
      await db
        .insertInto('archive_months')
        .columns(['language', 'year', 'month', 'posts'])
        .expression(
          db
            .selectFrom('posts')
            .select(['language', 'local_year', 'local_month', (eb) => eb.fn.countAll().as('posts')])
            .where('status', '=', 'published')
            .where('deleted_at', 'is', null)
            .where('local_year', 'is not', null)
            .where('local_month', 'is not', null)
            .groupBy(['language', 'local_year', 'local_month']),
        )
        .execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('posts_status_published').on('posts').columns(['status', 'published_at']).execute();
      await db.schema.dropIndex('posts_published').execute();
      await db.schema.dropTable('archive_months').execute();
    },
  };
}
