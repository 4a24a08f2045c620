import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';

/** What comments use from the posts feature, through its index. */
export { postPath } from '../posts/index.js';

/**
 * Posts readers can see (published, time come, not in the trash): the posts feature's
 * visibility rule, restated for the comment queries that join or look up posts by id.
 */
export function visiblePostsQuery(db: Kysely<DB>, now: string) {
  return db
    .selectFrom('posts')
    .where('posts.status', '=', 'published')
    .where('posts.published_at', '<=', now)
    .where('posts.deleted_at', 'is', null);
}
