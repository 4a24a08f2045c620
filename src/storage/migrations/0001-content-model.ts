import { type Kysely, sql } from 'kysely';
import type { DialectHelpers } from '../dialect/types.js';

/** Site settings, users, authors, taxonomies, posts, pages and redirects. */
export function contentModel(d: DialectHelpers) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      await d
        .addIdColumn(db.schema.createTable('authors'))
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await d
        .addIdColumn(db.schema.createTable('users'))
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('author_id', 'integer', (c) => c.references('authors.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await d
        .addIdColumn(db.schema.createTable('categories'))
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('parent_id', 'integer', (c) => c.references('categories.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('categories_parent').on('categories').column('parent_id').execute();

      await d
        .addIdColumn(db.schema.createTable('tags'))
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await d
        .addIdColumn(db.schema.createTable('posts'))
        .addColumn('guid', 'text', (c) => c.notNull().unique())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('standfirst', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body_md', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('postscript_md', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('postscript_html', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'scheduled', 'published')`))
        .addColumn('published_at', 'text')
        .addColumn('local_year', 'integer')
        .addColumn('local_month', 'integer')
        .addColumn('local_day', 'integer')
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('translation_group', 'text')
        .addColumn('comment_status', 'text', (c) => c.notNull().defaultTo('open').check(sql`comment_status in ('open', 'closed')`))
        .addColumn('featured_image_url', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('featured_image_alt', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('featured_image_caption', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('sticky', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .execute();
      await db.schema.createIndex('posts_status_published').on('posts').columns(['status', 'published_at']).execute();
      await db.schema
        .createIndex('posts_local_date')
        .on('posts')
        .columns(['status', 'local_year', 'local_month', 'local_day', 'published_at'])
        .execute();
      await db.schema
        .createIndex('posts_language_published')
        .on('posts')
        .columns(['language', 'status', 'published_at'])
        .execute();
      await db.schema
        .createIndex('posts_translation_group_language')
        .on('posts')
        .columns(['translation_group', 'language'])
        .unique()
        .execute();

      await db.schema
        .createTable('post_authors')
        .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
        .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('post_authors_pk', ['post_id', 'author_id'])
        .execute();
      await db.schema.createIndex('post_authors_author').on('post_authors').columns(['author_id', 'post_id']).execute();

      await db.schema
        .createTable('post_categories')
        .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
        .addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('post_categories_pk', ['post_id', 'category_id'])
        .execute();
      await db.schema
        .createIndex('post_categories_category')
        .on('post_categories')
        .columns(['category_id', 'post_id'])
        .execute();

      await db.schema
        .createTable('post_tags')
        .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
        .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('post_tags_pk', ['post_id', 'tag_id'])
        .execute();
      await db.schema.createIndex('post_tags_tag').on('post_tags').columns(['tag_id', 'post_id']).execute();

      await d
        .addIdColumn(db.schema.createTable('pages'))
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body_md', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published')`))
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await d
        .addIdColumn(db.schema.createTable('redirects'))
        .addColumn('from_path', 'text', (c) => c.notNull().unique())
        .addColumn('to_path', 'text', (c) => c.notNull())
        .addColumn('status_code', 'integer', (c) => c.notNull().defaultTo(301))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('redirects_to_path').on('redirects').column('to_path').execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      for (const table of [
        'redirects', 'pages', 'post_tags', 'post_categories', 'post_authors',
        'posts', 'tags', 'categories', 'users', 'authors', 'settings',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
