import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect/types.js';

/**
 * What the admin needs to apply its role rules to posts and keep their history:
 * - `posts.created_by`: the user who wrote the post (contributors and authors may edit their own
 *   drafts). A plain integer, not a foreign key, so `down` can drop it on SQLite too; user ids are
 *   never reused (AUTOINCREMENT on SQLite, a sequence on PostgreSQL), so a deleted user's posts
 *   simply belong to nobody.
 * - `posts.review_requested_at`: when an author asked an editor to publish the post.
 * - `post_revisions.kind`: `save` (every save), `restore` (a revision brought back) or
 *   `autosave` (stored by the editor while typing, without changing the post).
 */
export function postOwnership(_helpers: DialectHelpers) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('posts').addColumn('created_by', 'integer').execute();
      await db.schema.alterTable('posts').addColumn('review_requested_at', 'text').execute();
      await db.schema.createIndex('posts_created_by').on('posts').column('created_by').execute();
      await db.schema.alterTable('post_revisions').addColumn('kind', 'text', (c) => c.notNull().defaultTo('save')).execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('post_revisions').dropColumn('kind').execute();
      await db.schema.dropIndex('posts_created_by').execute();
      await db.schema.alterTable('posts').dropColumn('review_requested_at').execute();
      await db.schema.alterTable('posts').dropColumn('created_by').execute();
    },
  };
}
