import { type Kysely, sql } from 'kysely';
import type { DialectHelpers } from '../dialect/types.js';

/**
 * Reader comments (features/comments) and the moderators' blocklist.
 *
 * IP addresses: `ip` holds the raw address only for the retention period (a sweep erases it,
 * setting `ip_erased_at`); `ip_hash` is an HMAC of it under the site's comment secret and stays,
 * so IP blocks and abuse history keep working after the raw address is gone, while the hash
 * cannot be reversed without the secret. `author_email` is private: no public query selects it.
 */
export function comments(d: DialectHelpers) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await d
        .addIdColumn(db.schema.createTable('comments'))
        .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
        .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('set null'))
        .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('user_id', 'integer')
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('author_email', 'text', (c) => c.notNull())
        .addColumn('author_url', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'spam', 'trash')`))
        .addColumn('spam_reason', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('approved_at', 'text')
        .addColumn('edited_at', 'text')
        .addColumn('ip_hash', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('notify_replies', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('notify_token_hash', 'text')
        .addColumn('notify_confirmed_at', 'text')
        .execute();
      await db.schema.createIndex('comments_post_status').on('comments').columns(['post_id', 'status', 'id']).execute();
      await db.schema.createIndex('comments_author_email').on('comments').column('author_email').execute();
      await db.schema.createIndex('comments_status').on('comments').columns(['status', 'id']).execute();
      await db.schema.createIndex('comments_parent').on('comments').column('parent_id').execute();
      await db.schema.createIndex('comments_created').on('comments').column('created_at').execute();

      await d
        .addIdColumn(db.schema.createTable('comment_blocks'))
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('word', 'email', 'ip')`))
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('comment_blocks_kind_value', ['kind', 'value'])
        .execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('comment_blocks').execute();
      await db.schema.dropTable('comments').execute();
    },
  };
}
