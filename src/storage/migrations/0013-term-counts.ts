import { type Kysely, sql } from 'kysely';
import type { DialectHelpers } from '../dialect/types.js';

/**
 * `term_counts`: how many posts each category, tag and author page lists, per language, so
 * their pagination totals never count rows at request time. `kind` is 'category', 'tag' or
 * 'author'; a category counts the posts filed under it or under any of its sub-categories,
 * each once (a post filed under a parent and its child counts once in the parent). Like
 * `archive_months` (0006) it counts the posts that are published, dated and not in the trash,
 * whatever their `published_at`; readers subtract the few whose time has not come.
 * `features/posts/term-counts.ts` keeps it equal to a fresh count in the same transaction as
 * every change to posts, their terms or the category tree; a count that falls to zero loses
 * its row. `up` fills it from the posts already there.
 */
export function termCounts(_helpers: DialectHelpers) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('term_counts')
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('category', 'tag', 'author')`))
        .addColumn('term_id', 'integer', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('posts', 'integer', (c) => c.notNull().check(sql`posts > 0`))
        .addPrimaryKeyConstraint('term_counts_pkey', ['kind', 'term_id', 'language'])
        .execute();
      const counted = (eb: any) =>
        eb.and([eb('posts.status', '=', 'published'), eb('posts.deleted_at', 'is', null), eb('posts.published_at', 'is not', null)]);
      for (const [kind, table, column] of [['tag', 'post_tags', 'tag_id'], ['author', 'post_authors', 'author_id']] as const) {
        await db
          .insertInto('term_counts')
          .columns(['kind', 'term_id', 'language', 'posts'])
          .expression(
            db
              .selectFrom(table)
              .innerJoin('posts', 'posts.id', `${table}.post_id`)
              .select([sql.lit(kind).as('kind'), `${table}.${column}`, 'posts.language', (eb) => eb.fn.countAll().as('posts')])
              .where(counted)
              .groupBy([`${table}.${column}`, 'posts.language']),
          )
          .execute();
      }
      // Each category with every category under it (itself included), then the distinct posts
      // filed anywhere in that subtree. The depth bound stops a parent cycle written by hand.
      await db
        .withRecursive('subtree(root, id, depth)', (qb) =>
          qb
            .selectFrom('categories')
            .select(['id as root', 'id', sql.lit(0).as('depth')])
            .unionAll((u) =>
              u
                .selectFrom('subtree')
                .innerJoin('categories', 'categories.parent_id', 'subtree.id')
                .select(['subtree.root', 'categories.id', sql<number>`subtree.depth + 1`.as('depth')])
                .where('subtree.depth', '<', 100),
            ),
        )
        .insertInto('term_counts')
        .columns(['kind', 'term_id', 'language', 'posts'])
        .expression(
          db
            .selectFrom('subtree')
            .innerJoin('post_categories', 'post_categories.category_id', 'subtree.id')
            .innerJoin('posts', 'posts.id', 'post_categories.post_id')
            .select([sql.lit('category').as('kind'), 'subtree.root', 'posts.language', sql`count(distinct posts.id)`.as('posts')])
            .where(counted)
            .groupBy(['subtree.root', 'posts.language']),
        )
        .execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('term_counts').execute();
    },
  };
}
