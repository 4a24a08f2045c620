import { type Kysely, sql } from 'kysely';
import type { DialectHelpers } from '../dialect/types.js';

/**
 * Media and imports (features/import).
 * - `media`: a file the site uses (an imported WordPress attachment): its public URL, the path
 *   under the data folder when the file was copied in, type, title, alt text, caption, the post it
 *   belongs to and its size when known.
 * - `import_map`: which local row each item of an outside source became (`wordpress:<site url>`,
 *   kind `post`, source id `42` → local id 7). It makes an import idempotent (an item already
 *   mapped is skipped) and resumable (an interrupted run continues where the map ends).
 * - `import_runs`: an import started from the admin, run as a background job; its progress and
 *   summary are what the import page shows.
 * - `comments.kind`: `comment`, or `pingback`/`trackback` for the notices WordPress kept among
 *   comments (an import brings them in as their own kind). No CHECK, so `down` can drop it on SQLite.
 */
export function mediaImportMap(d: DialectHelpers) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await d
        .addIdColumn(db.schema.createTable('media'))
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('file_path', 'text')
        .addColumn('mime_type', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('parent_post_id', 'integer', (c) => c.references('posts.id').onDelete('set null'))
        .addColumn('width', 'integer')
        .addColumn('height', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('media_url').on('media').column('url').execute();
      await db.schema.createIndex('media_parent').on('media').column('parent_post_id').execute();

      await db.schema
        .createTable('import_map')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('local_id', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('import_map_pk', ['source', 'kind', 'source_id'])
        .execute();

      await d
        .addIdColumn(db.schema.createTable('import_runs'))
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('file_path', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'running', 'done', 'failed')`))
        .addColumn('bytes_total', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('bytes_read', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('items_done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('summary', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('error', 'text')
        .addColumn('user_id', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();

      await db.schema.alterTable('comments').addColumn('kind', 'text', (c) => c.notNull().defaultTo('comment')).execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('comments').dropColumn('kind').execute();
      await db.schema.dropTable('import_runs').execute();
      await db.schema.dropTable('import_map').execute();
      await db.schema.dropTable('media').execute();
    },
  };
}
