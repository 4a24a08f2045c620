import { type Kysely, sql } from 'kysely';
import type { DialectHelpers } from '../dialect/types.js';

/**
 * Donation appeals (features/funding/appeals): blocks an admin writes and places after
 * articles, in the sidebar and on the home page.
 *
 * `body_html` is the Markdown `body` rendered and sanitised when saved, like posts. `buttons` is
 * a JSON array of `{ kind, label, url }`, each URL checked when saved. `drive_id` names a
 * fundraising drive without a foreign key, so an appeal outlives its drive (it then shows no
 * progress bar). `languages` is a comma-separated list of language codes ('' = every language);
 * with `only_categories` set, the appeal follows only articles in its `appeal_categories`.
 */
export function appeals(d: DialectHelpers) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await d
        .addIdColumn(db.schema.createTable('appeals'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('buttons', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('bank_holder', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('bank_iban', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('bank_bic', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('bank_reference', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('drive_id', 'integer')
        .addColumn('in_article', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('in_sidebar', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('on_home', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('languages', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('only_categories', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('starts_at', 'text')
        .addColumn('ends_at', 'text')
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1).check(sql`enabled in (0, 1)`))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('appeals_enabled_position').on('appeals').columns(['enabled', 'position', 'id']).execute();

      await db.schema
        .createTable('appeal_categories')
        .addColumn('appeal_id', 'integer', (c) => c.notNull().references('appeals.id').onDelete('cascade'))
        .addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('appeal_categories_pk', ['appeal_id', 'category_id'])
        .execute();
      await db.schema.createIndex('appeal_categories_category').on('appeal_categories').column('category_id').execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('appeal_categories').execute();
      await db.schema.dropTable('appeals').execute();
    },
  };
}
